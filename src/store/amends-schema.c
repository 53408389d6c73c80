/* amends-schema.c: the database's tables, numbered migrations
 *
 * Each migration moves the schema up one version.  All of the steps between
 * the file's version and ours run in one transaction that also sets
 * PRAGMA user_version, so a file is either wholly migrated or untouched.
 * Never edit a migration that has shipped: add the next one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-schema"

#include "config.h"

#include "amends-schema.h"

#include <glib/gi18n.h>

#include "amends-store.h"

/* Version 1: the records.  Ids of other records are NULL when unset; times
 * are Unix seconds; enumerations are stored by their nick so the file
 * reads well in any SQLite tool. */
static const char migration_1[] =
  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  team TEXT,"
  "  role TEXT NOT NULL DEFAULT 'front-desk',"
  "  active INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  phone TEXT,"
  "  email TEXT,"
  "  notes TEXT,"
  "  created_at INTEGER"
  ");"
  "CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);"
  "CREATE TABLE cases ("
  "  id INTEGER PRIMARY KEY,"
  "  reference TEXT NOT NULL UNIQUE,"
  "  summary TEXT NOT NULL CHECK (length (trim (summary)) > 0),"
  "  description TEXT,"
  "  customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,"
  "  category TEXT,"
  "  severity TEXT NOT NULL,"
  "  channel TEXT NOT NULL,"
  "  noticed_by TEXT NOT NULL,"
  "  occurred_at INTEGER NOT NULL,"
  "  logged_at INTEGER NOT NULL,"
  "  logged_by_id INTEGER REFERENCES staff (id),"
  "  owner_id INTEGER REFERENCES staff (id),"
  "  team TEXT,"
  "  status TEXT NOT NULL,"
  "  recovery_due_at INTEGER NOT NULL,"
  "  recovered_at INTEGER,"
  "  closed_at INTEGER,"
  "  paused_at INTEGER,"
  "  paused_seconds INTEGER NOT NULL DEFAULT 0,"
  "  pause_reason TEXT,"
  "  fix TEXT,"
  "  surprise TEXT,"
  "  surprise_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (surprise_cost_cents >= 0),"
  "  rule_bent INTEGER NOT NULL DEFAULT 0,"
  "  bent_rule TEXT,"
  "  bent_rule_why TEXT,"
  "  rater_failed INTEGER NOT NULL DEFAULT 0,"
  "  rater_shown INTEGER NOT NULL DEFAULT 0,"
  "  reaction TEXT NOT NULL,"
  "  came_back TEXT NOT NULL,"
  "  lesson TEXT,"
  "  follow_up_due_at INTEGER,"
  "  deleted_at INTEGER,"
  /* Urgency, for the list's default order: running clocks first, the one
   * due soonest (or most overdue) on top; then paused clocks; then the
   * finished cases, most recently recovered first. */
  "  urgency_group INTEGER GENERATED ALWAYS AS ("
  "    CASE WHEN status IN ('recovered', 'closed') THEN 2"
  "         WHEN paused_at IS NOT NULL THEN 1"
  "         ELSE 0 END) VIRTUAL,"
  "  urgency_key INTEGER GENERATED ALWAYS AS ("
  "    CASE WHEN status IN ('recovered', 'closed')"
  "         THEN -coalesce (recovered_at, closed_at, logged_at)"
  "         ELSE recovery_due_at + paused_seconds END) VIRTUAL"
  ");"
  "CREATE INDEX cases_by_urgency ON cases (urgency_group, urgency_key, id)"
  "  WHERE deleted_at IS NULL;"
  "CREATE INDEX cases_by_occurred ON cases (occurred_at, id)"
  "  WHERE deleted_at IS NULL;"
  "CREATE INDEX cases_in_trash ON cases (deleted_at)"
  "  WHERE deleted_at IS NOT NULL;"
  "CREATE INDEX cases_by_status ON cases (status, urgency_group, urgency_key);"
  "CREATE INDEX cases_by_owner ON cases (owner_id, urgency_group, urgency_key);"
  "CREATE INDEX cases_by_category ON cases (category);"
  "CREATE INDEX cases_by_customer ON cases (customer_id, occurred_at);"
  "CREATE INDEX cases_by_follow_up ON cases (follow_up_due_at)"
  "  WHERE follow_up_due_at IS NOT NULL;"
  "CREATE TABLE actions ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  done_at INTEGER NOT NULL,"
  "  staff_id INTEGER REFERENCES staff (id),"
  "  text TEXT"
  ");"
  "CREATE INDEX actions_by_case ON actions (case_id, done_at);"
  "CREATE TABLE stories ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL UNIQUE REFERENCES cases (id) ON DELETE CASCADE,"
  "  title TEXT,"
  "  text TEXT,"
  "  stage TEXT NOT NULL,"
  "  created_at INTEGER,"
  "  told_at INTEGER"
  ");"
  "CREATE INDEX stories_by_stage ON stories (stage, told_at);"
  "CREATE TABLE story_heroes ("
  "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id),"
  "  PRIMARY KEY (story_id, staff_id)"
  ") WITHOUT ROWID;"
  /* No foreign keys: the history outlives what it describes. */
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL,"
  "  staff_id INTEGER,"
  "  table_name TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  field TEXT NOT NULL,"
  "  before TEXT,"
  "  after TEXT"
  ");"
  "CREATE INDEX audit_by_record ON audit_log (table_name, record_id, id);"
  "CREATE TABLE reference_counters ("
  "  year INTEGER PRIMARY KEY,"
  "  last INTEGER NOT NULL"
  ");";

/* Version 2: full-text search over what a person remembers of a case: its
 * summary and description, the customer's name and notes, and what was
 * written on its timeline.  Triggers keep it in step whoever writes. */
static const char migration_2[] =
  "CREATE VIRTUAL TABLE case_search USING fts5 ("
  "  summary, description, customer, timeline,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO case_search (rowid, summary, description, customer, timeline)"
  "  SELECT c.id, c.summary, c.description,"
  "         (SELECT p.name || ' ' || coalesce (p.notes, '') FROM customers AS p WHERE p.id = c.customer_id),"
  "         (SELECT group_concat (a.text, ' ') FROM actions AS a WHERE a.case_id = c.id)"
  "  FROM cases AS c;"
  "CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN"
  "  INSERT INTO case_search (rowid, summary, description, customer, timeline)"
  "  VALUES (new.id, new.summary, new.description,"
  "          (SELECT p.name || ' ' || coalesce (p.notes, '') FROM customers AS p WHERE p.id = new.customer_id),"
  "          NULL);"
  "END;"
  "CREATE TRIGGER cases_search_update AFTER UPDATE OF summary, description, customer_id ON cases BEGIN"
  "  UPDATE case_search SET summary = new.summary, description = new.description,"
  "    customer = (SELECT p.name || ' ' || coalesce (p.notes, '') FROM customers AS p WHERE p.id = new.customer_id)"
  "  WHERE rowid = new.id;"
  "END;"
  "CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN"
  "  DELETE FROM case_search WHERE rowid = old.id;"
  "END;"
  "CREATE TRIGGER customers_search_update AFTER UPDATE OF name, notes ON customers BEGIN"
  "  UPDATE case_search SET customer = new.name || ' ' || coalesce (new.notes, '')"
  "  WHERE rowid IN (SELECT c.id FROM cases AS c WHERE c.customer_id = new.id);"
  "END;"
  "CREATE TRIGGER actions_search_insert AFTER INSERT ON actions BEGIN"
  "  UPDATE case_search SET timeline ="
  "    (SELECT group_concat (a.text, ' ') FROM actions AS a WHERE a.case_id = new.case_id)"
  "  WHERE rowid = new.case_id;"
  "END;"
  "CREATE TRIGGER actions_search_update AFTER UPDATE OF text ON actions BEGIN"
  "  UPDATE case_search SET timeline ="
  "    (SELECT group_concat (a.text, ' ') FROM actions AS a WHERE a.case_id = new.case_id)"
  "  WHERE rowid = new.case_id;"
  "END;"
  "CREATE TRIGGER actions_search_delete AFTER DELETE ON actions BEGIN"
  "  UPDATE case_search SET timeline ="
  "    (SELECT group_concat (a.text, ' ') FROM actions AS a WHERE a.case_id = old.case_id)"
  "  WHERE rowid = old.case_id;"
  "END;";

/* Version 3: the category filter ordered by urgency without a sort (250 ms
 * at a million cases before, see tests/bench-case-list.c). */
static const char migration_3[] =
  "CREATE INDEX cases_by_category_urgency ON cases (category, urgency_group, urgency_key, id)"
  "  WHERE deleted_at IS NULL;";

/* Version 4: why a case was closed, so that a case closed without a fix
 * is not counted as a recovery and one that was no service breakdown (or
 * a duplicate) leaves the measures; and an index on when cases were
 * recovered, which the measures of a period read. */
static const char migration_4[] =
  "ALTER TABLE cases ADD COLUMN close_reason TEXT NOT NULL DEFAULT 'none';"
  "UPDATE cases SET close_reason ="
  "    CASE WHEN recovered_at IS NOT NULL AND length (trim (coalesce (fix, ''))) > 0"
  "         THEN 'recovered' ELSE 'not-recovered' END"
  "  WHERE status = 'closed';"
  "CREATE INDEX cases_by_recovered ON cases (recovered_at)"
  "  WHERE deleted_at IS NULL AND recovered_at IS NOT NULL;";

/* Version 5: a version for every row, so that an editor holding an old
 * copy of a record can tell that someone else changed it meanwhile
 * (amends-store-records.c).  The store counts it up with each change it
 * makes; the triggers do it for any other writer (the trash, a tool). */
static const char migration_5[] =
  "ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE customers ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE actions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
  "CREATE TRIGGER staff_version AFTER UPDATE ON staff WHEN new.version = old.version BEGIN"
  "  UPDATE staff SET version = old.version + 1 WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER customers_version AFTER UPDATE ON customers WHEN new.version = old.version BEGIN"
  "  UPDATE customers SET version = old.version + 1 WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER cases_version AFTER UPDATE ON cases WHEN new.version = old.version BEGIN"
  "  UPDATE cases SET version = old.version + 1 WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER actions_version AFTER UPDATE ON actions WHEN new.version = old.version BEGIN"
  "  UPDATE actions SET version = old.version + 1 WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER stories_version AFTER UPDATE ON stories WHEN new.version = old.version BEGIN"
  "  UPDATE stories SET version = old.version + 1 WHERE id = new.id;"
  "END;";

/* Version 6: the indexes the measures of a period read instead of every
 * case (see amends-store-measures.c): the open cases with every column
 * the measures read; finished cases by the number of digits of how long
 * they took, then by when logged; cases by when they were closed, for
 * the lessons of a period; and the customers blown away by owner and
 * when recovered, for the heroes (1.3 s at a million cases without). */
static const char migration_6[] =
  "CREATE INDEX cases_open ON cases"
  "  (status, logged_at, owner_id, team, category, close_reason, occurred_at,"
  "   recovery_due_at, paused_seconds, paused_at, recovered_at, closed_at,"
  "   noticed_by, rule_bent, surprise_cost_cents, reaction, fix, deleted_at)"
  "  WHERE deleted_at IS NULL AND status IN ('open', 'in-recovery');"
  "CREATE INDEX cases_by_span ON cases"
  "  (length (CAST (max (0, coalesce (recovered_at, closed_at) - logged_at) AS INTEGER)), logged_at)"
  "  WHERE deleted_at IS NULL AND coalesce (recovered_at, closed_at) IS NOT NULL;"
  "CREATE INDEX cases_by_closed ON cases (coalesce (closed_at, recovered_at))"
  "  WHERE deleted_at IS NULL;"
  "CREATE INDEX cases_blown_away_by_owner ON cases (owner_id, recovered_at)"
  "  WHERE deleted_at IS NULL AND reaction = 'blown-away';";

/* Version 7: how many cases each category has, kept by triggers, so that
 * the categories offered as one types (most used first) are read from a
 * few rows, not counted over every case on the main thread (150 ms at a
 * million).  Cases in the trash count, as they did. */
static const char migration_7[] =
  "CREATE TABLE category_counts ("
  "  category TEXT PRIMARY KEY,"
  "  n INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO category_counts (category, n)"
  "  SELECT category, count(*) FROM cases"
  "  WHERE category IS NOT NULL AND category != '' GROUP BY category;"
  "CREATE TRIGGER category_counts_insert AFTER INSERT ON cases"
  "  WHEN new.category IS NOT NULL AND new.category != '' BEGIN"
  "  INSERT INTO category_counts (category, n) VALUES (new.category, 1)"
  "    ON CONFLICT (category) DO UPDATE SET n = n + 1;"
  "END;"
  "CREATE TRIGGER category_counts_delete AFTER DELETE ON cases"
  "  WHEN old.category IS NOT NULL AND old.category != '' BEGIN"
  "  UPDATE category_counts SET n = n - 1 WHERE category = old.category;"
  "  DELETE FROM category_counts WHERE category = old.category AND n <= 0;"
  "END;"
  "CREATE TRIGGER category_counts_update AFTER UPDATE OF category ON cases"
  "  WHEN old.category IS NOT new.category BEGIN"
  "  UPDATE category_counts SET n = n - 1"
  "    WHERE old.category IS NOT NULL AND category = old.category;"
  "  DELETE FROM category_counts WHERE category = old.category AND n <= 0;"
  "  INSERT INTO category_counts (category, n)"
  "    SELECT new.category, 1 WHERE new.category IS NOT NULL AND new.category != ''"
  "    ON CONFLICT (category) DO UPDATE SET n = n + 1;"
  "END;";

/* Version 8: the entry being written on a case's timeline and not added
 * yet, saved as it is typed like every other field, so that closing the
 * window keeps it. */
static const char migration_8[] =
  "ALTER TABLE cases ADD COLUMN timeline_draft TEXT;";

/* Version 9: the list's "Most Urgent" order by clock state, then
 * severity, then time (issue 13).  The columns of version 1 cannot be
 * changed in place, so the order has columns of its own:
 *
 *   list_group  0 a clock that runs, or a recovered case whose follow-up
 *               is still to be made (it is work to do, like an open case);
 *               1 a paused clock; 2 the finished cases
 *   list_rank   the severity, worst first (colossal 0 … minor 3); 0 for
 *               every finished case, which keeps its order by recency
 *   list_key    when the case is due (its follow-up for a recovered one);
 *               minus when it was finished for a finished one
 *
 * The store cuts group 0 into overdue, due soon and running by the time
 * (amends-store-case-ids.c), each read from these indexes in (rank, key)
 * order, never sorted.  They replace the urgency indexes, whose leading
 * columns they keep for any other query. */
static const char migration_9[] =
  "ALTER TABLE cases ADD COLUMN list_group INTEGER GENERATED ALWAYS AS ("
  "  CASE WHEN status = 'recovered' AND follow_up_due_at IS NOT NULL THEN 0"
  "       WHEN status IN ('recovered', 'closed') THEN 2"
  "       WHEN paused_at IS NOT NULL THEN 1"
  "       ELSE 0 END) VIRTUAL;"
  "ALTER TABLE cases ADD COLUMN list_rank INTEGER GENERATED ALWAYS AS ("
  "  CASE WHEN status = 'closed' OR (status = 'recovered' AND follow_up_due_at IS NULL) THEN 0"
  "       WHEN severity = 'colossal' THEN 0"
  "       WHEN severity = 'major' THEN 1"
  "       WHEN severity = 'moderate' THEN 2"
  "       ELSE 3 END) VIRTUAL;"
  "ALTER TABLE cases ADD COLUMN list_key INTEGER GENERATED ALWAYS AS ("
  "  CASE WHEN status = 'recovered' AND follow_up_due_at IS NOT NULL THEN follow_up_due_at"
  "       WHEN status IN ('recovered', 'closed')"
  "       THEN -coalesce (recovered_at, closed_at, logged_at)"
  "       ELSE recovery_due_at + paused_seconds END) VIRTUAL;"
  "DROP INDEX cases_by_urgency;"
  "DROP INDEX cases_by_status;"
  "DROP INDEX cases_by_owner;"
  "DROP INDEX cases_by_category_urgency;"
  "CREATE INDEX cases_by_list_order ON cases (list_group, list_rank, list_key, id)"
  "  WHERE deleted_at IS NULL;"
  "CREATE INDEX cases_by_status_order ON cases (status, list_group, list_rank, list_key);"
  "CREATE INDEX cases_by_owner_order ON cases (owner_id, list_group, list_rank, list_key);"
  "CREATE INDEX cases_by_category_order ON cases (category, list_group, list_rank, list_key, id)"
  "  WHERE deleted_at IS NULL;";

/* Version 10: the deeper recovery work of issue 14, in one step so that
 * the features built on it can land in any order.  Everything is optional
 * or has a default, so a clinic or a shop leaves it empty.
 *
 *  - the guest's stay: a room or area, arrival and departure times;
 *  - the recovery target in force when the case was logged, in seconds,
 *    so that changing a target never rewrites history; NULL on the cases
 *    logged before, whose target is their due time less when it happened
 *    (read it as coalesce (target_seconds, recovery_due_at - occurred_at):
 *    writing it into a million rows would slow the first start);
 *  - a "lead" flag on staff, to whom overdue cases are escalated;
 *  - a cause for each lesson, from a list the site keeps, and whether the
 *    process was changed;
 *  - helpers on a case besides its owner (co-heroes);
 *  - a playbook per category;
 *  - targets per category and severity ('' for "any"), with categories
 *    whose clock runs in office hours only, and the site's office hours
 *    (minutes from midnight, weekday 1 = Monday … 7 = Sunday);
 *  - stories marked as training examples, and who has read them;
 *  - attachments (photos and files) kept in the file itself, so that the
 *    backup and the privacy rules that cover the cases cover them too. */
static const char migration_10[] =
  "ALTER TABLE cases ADD COLUMN room TEXT;"
  "ALTER TABLE cases ADD COLUMN arrival_at INTEGER;"
  "ALTER TABLE cases ADD COLUMN departure_at INTEGER;"
  "CREATE INDEX cases_by_room ON cases (room COLLATE NOCASE, occurred_at)"
  "  WHERE room IS NOT NULL AND room != '';"
  "ALTER TABLE cases ADD COLUMN target_seconds INTEGER;"
  "ALTER TABLE cases ADD COLUMN lesson_cause TEXT;"
  "ALTER TABLE cases ADD COLUMN process_changed INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE staff ADD COLUMN lead INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE causes ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0),"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  version INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TRIGGER causes_version AFTER UPDATE ON causes WHEN new.version = old.version BEGIN"
  "  UPDATE causes SET version = old.version + 1 WHERE id = new.id;"
  "END;"
  "CREATE TABLE case_helpers ("
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id),"
  "  PRIMARY KEY (case_id, staff_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX case_helpers_by_staff ON case_helpers (staff_id, case_id);"
  "CREATE TABLE playbooks ("
  "  category TEXT PRIMARY KEY,"
  "  put_right TEXT,"
  "  spending_guide TEXT,"
  "  updated_at INTEGER,"
  "  version INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TRIGGER playbooks_version AFTER UPDATE ON playbooks WHEN new.version = old.version BEGIN"
  "  UPDATE playbooks SET version = old.version + 1 WHERE category = new.category;"
  "END;"
  "CREATE TABLE targets ("
  "  category TEXT NOT NULL DEFAULT '',"
  "  severity TEXT NOT NULL DEFAULT '',"
  "  seconds INTEGER CHECK (seconds IS NULL OR seconds > 0),"
  "  office_hours_only INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (category, severity)"
  ") WITHOUT ROWID;"
  "CREATE TABLE business_hours ("
  "  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
  "  opens INTEGER NOT NULL CHECK (opens BETWEEN 0 AND 1440),"
  "  closes INTEGER NOT NULL CHECK (closes BETWEEN 0 AND 1440 AND closes > opens),"
  "  PRIMARY KEY (weekday, opens)"
  ") WITHOUT ROWID;"
  "ALTER TABLE stories ADD COLUMN training INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE story_readers ("
  "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id),"
  "  read_at INTEGER NOT NULL,"
  "  PRIMARY KEY (story_id, staff_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE attachments ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  content_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  data BLOB NOT NULL,"
  "  added_at INTEGER NOT NULL,"
  "  added_by_id INTEGER REFERENCES staff (id),"
  "  deleted_at INTEGER,"
  "  version INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX attachments_by_case ON attachments (case_id, added_at);"
  "CREATE TRIGGER attachments_version AFTER UPDATE ON attachments WHEN new.version = old.version BEGIN"
  "  UPDATE attachments SET version = old.version + 1 WHERE id = new.id;"
  "END;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
  migration_10,
};

int
amends_schema_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_debug ("Migration failed: %s", message ? message : sqlite3_errmsg (db));
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                           _("The database could not be brought up to date; it was left as it was."));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_version (sqlite3  *db,
             int      *version,
             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      g_debug ("Reading the schema version failed: %s", sqlite3_errmsg (db));
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                           _("The database could not be brought up to date; it was left as it was."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_version (sqlite3  *db,
             int       version,
             GError  **error)
{
  /* PRAGMA takes no bound parameters; the value is our own integer. */
  g_autofree char *sql =
    g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                     AMENDS_SCHEMA_APPLICATION_ID, version);

  return exec_sql (db, sql, error);
}

/**
 * amends_schema_migrate:
 *
 * Runs the migrations after @from_version up to and including @to_version
 * in one transaction.  Taking a copy of the file first is the caller's job.
 * Another program that opened the file at the same time may have got there
 * first: the version is read again once the file is ours, and only what
 * is still missing runs.
 */
gboolean
amends_schema_migrate (sqlite3  *db,
                       int       from_version,
                       int       to_version,
                       GError  **error)
{
  g_return_val_if_fail (from_version >= 0, FALSE);
  g_return_val_if_fail (to_version <= amends_schema_get_latest_version (), FALSE);

  if (from_version >= to_version)
    return TRUE;

  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!get_version (db, &from_version, error))
    goto failed;

  if (from_version >= to_version)
    {
      if (!exec_sql (db, "COMMIT", error))
        goto failed;
      return TRUE;
    }

  for (int version = from_version + 1; version <= to_version; version++)
    {
      if (!exec_sql (db, migrations[version - 1], error))
        goto failed;
    }

  if (!set_version (db, to_version, error) ||
      !exec_sql (db, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
