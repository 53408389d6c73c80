/* amends-store-records.c: reading and writing records, with their audit rows
 *
 * A record's fields map to columns by name ("owner-id" is owner_id); an id
 * of 0 is NULL, enumerations are stored by nick, times as Unix seconds.
 * The SQL for each type is built from its class once and cached.
 *
 * Every row has a version, counted up by each change of it (a trigger
 * does that for writers that do not).  Saving a record writes only the
 * fields changed since it was read, and takes everything else as it is
 * stored now: another program's newer values are never written over
 * with old ones.  A field changed both here and there, to different
 * values, is a conflict: nothing is saved and the person chooses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-records"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "amends-store-import.h"
#include "amends-store-private.h"

/* Fields shown with a record but kept in another table. */
static const struct {
  const char *table;
  const char *field;
  const char *expression;
} derived_fields[] = {
  { "cases", "customer-name", "(SELECT x.name FROM customers AS x WHERE x.id = r.customer_id)" },
  { "cases", "owner-name", "(SELECT x.name FROM staff AS x WHERE x.id = r.owner_id)" },
  { "actions", "staff-name", "(SELECT x.name FROM staff AS x WHERE x.id = r.staff_id)" },
};

/* Mapping GValues to columns.  A property "owner-id" is the column
 * "owner_id"; an id of 0 is NULL; enums are stored by nick. */

static char *
column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

static gboolean
is_reference (GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_INT64 && g_str_has_suffix (pspec->name, "-id");
}

void
amends_store_bind_value (AmendsStmt   *stmt,
                         int           index,
                         GParamSpec   *pspec,
                         const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (value);
      if (str == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, str, -1, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (value);
      if (v == 0 && is_reference (pspec))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, v);
    }
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));
      sqlite3_bind_text (stmt, index, ev ? ev->value_nick : "", -1, SQLITE_STATIC);
    }
  else if (G_TYPE_IS_FLAGS (type))
    sqlite3_bind_int64 (stmt, index, g_value_get_flags (value));
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);
      if (dt == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (dt));
    }
  else
    g_assert_not_reached ();
}

static void
read_value (AmendsStmt *stmt,
            int         column,
            GParamSpec *pspec,
            GValue     *value)
{
  GType type = pspec->value_type;
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  g_value_init (value, type);

  if (is_null)
    g_param_value_set_default (pspec, value);
  else if (type == G_TYPE_STRING)
    g_value_set_string (value, (const char *) sqlite3_column_text (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      const char *nick = (const char *) sqlite3_column_text (stmt, column);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, nick);

      /* An unknown nick (a newer build's value) reads as the default. */
      if (ev != NULL)
        g_value_set_enum (value, ev->value);
      else
        g_param_value_set_default (pspec, value);
    }
  else if (G_TYPE_IS_FLAGS (type))
    g_value_set_flags (value, sqlite3_column_int64 (stmt, column));
  else if (type == G_TYPE_DATE_TIME)
    g_value_take_boxed (value, amends_store_local_time (sqlite3_column_int64 (stmt, column)));
  else
    g_assert_not_reached ();
}

/* The text an audit row keeps of a value; NULL when it is unset. */
static char *
value_to_text (GParamSpec   *pspec,
               const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (value);
      return (v == 0 && is_reference (pspec)) ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, v);
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));
      return g_strdup (ev ? ev->value_nick : "");
    }
  if (G_TYPE_IS_FLAGS (type))
    return g_flags_to_string (type, g_value_get_flags (value));
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);
      g_autoptr(GDateTime) utc = dt ? g_date_time_to_utc (dt) : NULL;
      return utc ? g_date_time_format_iso8601 (utc) : NULL;
    }

  g_assert_not_reached ();
}

static const char *
derived_expression (const char *table,
                    GParamSpec *pspec)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived_fields); i++)
    {
      if (g_str_equal (derived_fields[i].table, table) &&
          g_str_equal (derived_fields[i].field, pspec->name))
        return derived_fields[i].expression;
    }

  g_return_val_if_reached ("NULL");
}

/**
 * amends_store_select_sql:
 * @tail: the rest of the statement after "FROM table AS r", e.g. a WHERE
 *
 * Returns: (transfer full): SQL reading records of @type, one a row, with
 *   the id in column 0, each field in the order of its class and then the
 *   row's version
 */
char *
amends_store_select_sql (AmendsStore *self,
                         GType        type,
                         const char  *tail)
{
  const char *head = g_hash_table_lookup (self->select_sql, GSIZE_TO_POINTER (type));

  if (head == NULL)
    {
      g_autoptr(AmendsRecordClass) klass = g_type_class_ref (type);
      GString *sql = g_string_new ("SELECT r.id");

      for (guint i = 0; i < klass->n_fields; i++)
        {
          GParamSpec *pspec = klass->fields[i];

          if (amends_record_field_is_derived (pspec))
            g_string_append_printf (sql, ", %s", derived_expression (klass->table, pspec));
          else
            {
              g_autofree char *column = column_name (pspec);
              g_string_append_printf (sql, ", r.%s", column);
            }
        }

      /* Last, so that a field is column (its index + 1) in every caller. */
      g_string_append_printf (sql, ", r.version FROM %s AS r ", klass->table);
      head = g_string_free (sql, FALSE);
      g_hash_table_insert (self->select_sql, GSIZE_TO_POINTER (type), (char *) head);
    }

  return g_strconcat (head, tail, NULL);
}

gpointer
amends_store_read_record (AmendsStore *self,
                          GType        type,
                          AmendsStmt  *stmt)
{
  AmendsRecord *record = g_object_new (type, NULL);
  AmendsRecordClass *klass = AMENDS_RECORD_GET_CLASS (record);

  amends_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      read_value (stmt, i + 1, klass->fields[i], &value);
      amends_record_set_value (record, klass->fields[i], &value);
    }
  amends_record_set_version (record, sqlite3_column_int64 (stmt, klass->n_fields + 1));
  amends_record_mark_saved (record);

  self->rows_read++;

  return record;
}

GListModel *
amends_store_collect_records (AmendsStore  *self,
                              GType         type,
                              AmendsStmt   *stmt,
                              GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AmendsRecord) record = amends_store_read_record (self, type, stmt);
      g_list_store_append (list, record);
    }

  if (rc != SQLITE_DONE)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gpointer
amends_store_load (AmendsStore  *self,
                   GType         type,
                   gint64        id,
                   GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, AMENDS_TYPE_RECORD), NULL);

  sql = amends_store_select_sql (self, type, "WHERE r.id = ?1");
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return amends_store_read_record (self, type, stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
                         _("The record is no longer there. Someone may have removed it."));
  else
    amends_store_set_error (self, rc, error);

  return NULL;
}

gboolean
amends_store_reload (AmendsStore   *self,
                     AmendsRecord  *record,
                     GError       **error)
{
  g_autoptr(AmendsRecord) fresh = NULL;

  fresh = amends_store_load (self, G_OBJECT_TYPE (record), amends_record_get_id (record), error);
  if (fresh == NULL)
    return FALSE;

  amends_record_copy_fields (record, fresh);
  return TRUE;
}

gboolean
amends_store_audit (AmendsStore  *self,
                    const char   *table,
                    gint64        record_id,
                    const char   *field,
                    const char   *before,
                    const char   *after,
                    GError      **error)
{
  static const char sql[] =
    "INSERT INTO audit_log (at, staff_id, table_name, record_id, field, before, after) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, amends_store_now (self));
  if (self->actor_id > 0)
    sqlite3_bind_int64 (stmt, 2, self->actor_id);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, record_id);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, before, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, after, -1, SQLITE_TRANSIENT);

  return amends_store_step_done (self, stmt, error);
}

/* Inserting and updating records */

static gboolean
require_text (AmendsRecord  *record,
              const char    *property,
              const char    *message,
              GError       **error)
{
  g_autofree char *text = NULL;

  g_object_get (record, property, &text, NULL);
  if (text == NULL || *g_strstrip (text) == '\0')
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  return TRUE;
}

gboolean
amends_store_validate_record (AmendsRecord  *record,
                              GError       **error)
{
  if (AMENDS_IS_CASE (record))
    return require_text (record, "summary", _("Say in a few words what went wrong."), error);
  if (AMENDS_IS_CUSTOMER (record))
    return require_text (record, "name", _("A customer needs a name."), error);
  if (AMENDS_IS_STAFF (record))
    return require_text (record, "name", _("A member of staff needs a name."), error);
  return TRUE;
}

static GDateTime *
date_time_from_unix (gint64 t)
{
  return amends_store_local_time (t);
}

/* Allocates the next readable reference for the year the case was logged
 * in, e.g. C-2026-00042, inside the caller's transaction. */
static char *
next_reference (AmendsStore  *self,
                GDateTime    *logged_at,
                GError      **error)
{
  static const char sql[] =
    "INSERT INTO reference_counters (year, last) VALUES (?1, 1) "
    "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);
  int year = g_date_time_get_year (logged_at);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }

  return g_strdup_printf ("C-%04d-%05" G_GINT64_FORMAT, year, (gint64) sqlite3_column_int64 (stmt, 0));
}

/* A case that comes with a reference of ours (an import) moves its year's
 * counter past it, so the reference is never handed out again.  @noted,
 * when given, is each year's highest number noted so far in the
 * transaction: an import of 100,000 of our own rows need not write the
 * counter for each. */
static gboolean
note_given_reference (AmendsStore  *self,
                      const char   *reference,
                      GHashTable   *noted,
                      GError      **error)
{
  static const char sql[] =
    "INSERT INTO reference_counters (year, last) VALUES (?1, ?2) "
    "ON CONFLICT (year) DO UPDATE SET last = max (last, excluded.last)";
  g_autoptr(AmendsStmt) stmt = NULL;
  int year = 0, number = 0;
  char end = 0;

  if (sscanf (reference, "C-%4d-%d%c", &year, &number, &end) != 2 || number <= 0)
    return TRUE;

  if (noted != NULL)
    {
      if (GPOINTER_TO_INT (g_hash_table_lookup (noted, GINT_TO_POINTER (year))) >= number)
        return TRUE;
      g_hash_table_insert (noted, GINT_TO_POINTER (year), GINT_TO_POINTER (number));
    }

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, number);

  return amends_store_step_done (self, stmt, error);
}

/* A closed case says why it was closed, and only a closed case does: one
 * closed with no reason given was recovered, or closed without a
 * recovery, as its fix and recovery time say. */
static void
settle_close_reason (AmendsCase *kase)
{
  AmendsCloseReason reason = amends_case_get_close_reason (kase);
  AmendsCloseReason settled = reason;

  if (amends_case_get_status (kase) != AMENDS_CASE_STATUS_CLOSED)
    settled = AMENDS_CLOSE_REASON_NONE;
  else if (reason == AMENDS_CLOSE_REASON_NONE || reason == AMENDS_CLOSE_REASON_RECOVERED ||
           reason == AMENDS_CLOSE_REASON_NOT_RECOVERED)
    settled = amends_case_is_recovered (kase) ? AMENDS_CLOSE_REASON_RECOVERED
                                              : AMENDS_CLOSE_REASON_NOT_RECOVERED;

  if (settled != reason)
    g_object_set (kase, "close-reason", settled, NULL);
}

/* The due time follows the facts: correcting when the breakdown happened
 * moves the due time with it, so the target stays what it was.  Unless
 * the same change sets the due time itself. */
static void
follow_occurred_at (AmendsCase *kase,
                    AmendsCase *stored)
{
  GDateTime *occurred = amends_case_get_occurred_at (kase);
  GDateTime *was = amends_case_get_occurred_at (stored);
  GDateTime *due = amends_case_get_recovery_due_at (kase);
  GDateTime *stored_due = amends_case_get_recovery_due_at (stored);
  g_autoptr(GDateTime) moved = NULL;

  if (occurred == NULL || was == NULL || due == NULL || stored_due == NULL ||
      g_date_time_equal (occurred, was) || !g_date_time_equal (due, stored_due))
    return;

  moved = g_date_time_add (due, g_date_time_difference (occurred, was));
  g_object_set (kase, "recovery-due-at", moved, NULL);
}

static gboolean
fill_case_defaults (AmendsStore  *self,
                    AmendsCase   *kase,
                    GHashTable   *noted,
                    GError      **error)
{
  g_autoptr(GDateTime) now = date_time_from_unix (amends_store_now (self));
  GDateTime *logged_at = amends_case_get_logged_at (kase);
  GDateTime *occurred_at;

  if (logged_at == NULL)
    {
      g_object_set (kase, "logged-at", now, NULL);
      logged_at = now;
    }

  if (amends_case_get_occurred_at (kase) == NULL)
    amends_case_set_occurred_at (kase, logged_at);
  occurred_at = amends_case_get_occurred_at (kase);

  if (amends_case_get_recovery_due_at (kase) == NULL)
    {
      g_autoptr(GDateTime) due = g_date_time_add_hours (occurred_at, self->recovery_target_hours);
      g_object_set (kase, "recovery-due-at", due, NULL);
    }

  if (amends_case_get_reference (kase) == NULL)
    {
      g_autofree char *reference = next_reference (self, logged_at, error);
      if (reference == NULL)
        return FALSE;
      g_object_set (kase, "reference", reference, NULL);
    }
  else if (!note_given_reference (self, amends_case_get_reference (kase), noted, error))
    return FALSE;

  settle_close_reason (kase);

  if (self->actor_id > 0)
    {
      gint64 logged_by = 0;
      g_object_get (kase, "logged-by-id", &logged_by, NULL);
      if (logged_by == 0)
        g_object_set (kase, "logged-by-id", self->actor_id, NULL);
    }

  return TRUE;
}

/* @noted: (nullable): see note_given_reference() */
gboolean
amends_store_fill_defaults (AmendsStore   *self,
                            AmendsRecord  *record,
                            GHashTable    *noted,
                            GError       **error)
{
  g_autoptr(GDateTime) now = NULL;

  if (AMENDS_IS_CASE (record))
    return fill_case_defaults (self, AMENDS_CASE (record), noted, error);

  now = date_time_from_unix (amends_store_now (self));

  if (AMENDS_IS_ACTION (record))
    {
      if (amends_action_get_done_at (AMENDS_ACTION (record)) == NULL)
        g_object_set (record, "done-at", now, NULL);
      if (amends_action_get_staff_id (AMENDS_ACTION (record)) == 0 && self->actor_id > 0)
        g_object_set (record, "staff-id", self->actor_id, NULL);
    }
  else if (AMENDS_IS_CUSTOMER (record) || AMENDS_IS_STORY (record))
    {
      GDateTime *created_at = NULL;
      g_object_get (record, "created-at", &created_at, NULL);
      if (created_at == NULL)
        g_object_set (record, "created-at", now, NULL);
      g_clear_pointer (&created_at, g_date_time_unref);
    }

  return TRUE;
}

static gboolean
insert_row (AmendsStore   *self,
            AmendsRecord  *record,
            GError       **error)
{
  AmendsRecordClass *klass = AMENDS_RECORD_GET_CLASS (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(AmendsStmt) stmt = NULL;
  guint n = 0;

  g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *column = NULL;

      if (amends_record_field_is_derived (klass->fields[i]))
        continue;
      column = column_name (klass->fields[i]);
      g_string_append_printf (sql, "%s%s", n ? ", " : "", column);
      g_string_append_printf (values, "%s?%u", n ? ", " : "", n + 1);
      n++;
    }
  g_string_append_printf (sql, ") VALUES (%s)", values->str);

  if (!(stmt = amends_store_prepare (self, sql->str, error)))
    return FALSE;

  n = 0;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (amends_record_field_is_derived (klass->fields[i]))
        continue;
      amends_store_bind_value (stmt, ++n, klass->fields[i],
                               amends_record_peek_value (record, klass->fields[i]));
    }

  if (!amends_store_step_done (self, stmt, error))
    return FALSE;

  amends_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

static const char *
describe_record (AmendsRecord *record)
{
  if (AMENDS_IS_CASE (record))
    return amends_case_get_reference (AMENDS_CASE (record));
  if (AMENDS_IS_CUSTOMER (record))
    return amends_customer_get_name (AMENDS_CUSTOMER (record));
  if (AMENDS_IS_STAFF (record))
    return amends_staff_get_name (AMENDS_STAFF (record));
  if (AMENDS_IS_STORY (record))
    return amends_story_get_title (AMENDS_STORY (record));
  return NULL;
}

/**
 * amends_store_insert:
 *
 * Saves a new @record, gives it its id (and a case its reference, its
 * logged and due times when unset) and reads back what the store adds.
 */
gboolean
amends_store_insert (AmendsStore   *self,
                     AmendsRecord  *record,
                     GError       **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (amends_record_get_id (record) == 0, FALSE);

  if (!amends_store_validate_record (record, error) ||
      !amends_store_begin (self, error))
    return FALSE;

  if (!amends_store_fill_defaults (self, record, NULL, error) ||
      !insert_row (self, record, error) ||
      !amends_store_audit (self, AMENDS_RECORD_GET_CLASS (record)->table,
                           amends_record_get_id (record), "created",
                           NULL, describe_record (record), error) ||
      !amends_store_reload (self, record, error))
    goto failed;

  amends_store_queue_change (self, G_OBJECT_TYPE (record), amends_record_get_id (record));

  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  amends_record_set_id (record, 0);
  return FALSE;
}

/**
 * amends_store_insert_within:
 *
 * Saves a new @record as amends_store_insert() does, with its audit row
 * and its change announced, but inside the caller's open transaction and
 * without a savepoint of its own, nor reading the row back: for an
 * import, which adds many records and rolls back the whole transaction
 * on any failure.  A savepoint costs more than it seems once the search
 * index has been written in the transaction: FTS5 writes its pending
 * terms to disk at every one.
 */
gboolean
amends_store_insert_within (AmendsStore   *self,
                            AmendsRecord  *record,
                            GError       **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (amends_record_get_id (record) == 0, FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!amends_store_validate_record (record, error) ||
      !amends_store_fill_defaults (self, record, NULL, error) ||
      !insert_row (self, record, error) ||
      !amends_store_audit (self, AMENDS_RECORD_GET_CLASS (record)->table,
                           amends_record_get_id (record), "created",
                           NULL, describe_record (record), error))
    return FALSE;

  amends_store_queue_change (self, G_OBJECT_TYPE (record), amends_record_get_id (record));
  return TRUE;
}

/* Takes what is stored now for every field not changed here, and finds
 * the fields changed both here and by someone else, to different values.
 * A record never read from the store (no saved values) is taken to
 * change every field that differs from the row. */
static gboolean
merge_stored (AmendsRecord  *record,
              AmendsRecord  *stored)
{
  AmendsRecordClass *klass = AMENDS_RECORD_GET_CLASS (record);
  gboolean has_saved = amends_record_has_saved_values (record);
  gboolean conflict = FALSE;

  amends_record_clear_conflicts (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = klass->fields[i];
      const GValue *mine = amends_record_peek_value (record, pspec);
      const GValue *theirs = amends_record_peek_value (stored, pspec);
      const GValue *saved = amends_record_peek_saved_value (record, pspec);

      if (amends_record_field_is_derived (pspec))
        continue;

      if (has_saved && amends_record_field_equal (pspec, mine, saved))
        amends_record_take_field (record, stored, pspec);
      else if (has_saved &&
               !amends_record_field_equal (pspec, theirs, saved) &&
               !amends_record_field_equal (pspec, theirs, mine))
        {
          amends_record_add_conflict (record, pspec, theirs);
          conflict = TRUE;
        }
    }

  return !conflict;
}

static gboolean
set_conflict_error (AmendsRecord  *record,
                    GError       **error)
{
  GPtrArray *conflicts = amends_record_get_conflicts (record);
  GParamSpec *pspec = conflicts->pdata[0];
  g_autofree char *column = column_name (pspec);
  g_autofree char *mine = value_to_text (pspec, amends_record_peek_value (record, pspec));
  g_autofree char *theirs = value_to_text (pspec, amends_record_peek_their_value (record, pspec));

  g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT,
               /* Translators: the first %s is a field such as "fix"; then
                * what someone else saved in it, and what was typed here */
               _("Someone else changed “%s” while it was being edited here. Theirs: “%s”. Yours: “%s”. Nothing was saved: choose which to keep."),
               column, theirs ? theirs : "", mine ? mine : "");
  return FALSE;
}

static gboolean
update_fields (AmendsStore   *self,
               AmendsRecord  *record,
               AmendsRecord  *stored,
               GError       **error)
{
  AmendsRecordClass *klass = AMENDS_RECORD_GET_CLASS (record);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(AmendsStmt) stmt = NULL;
  gint64 version = amends_record_get_version (stored);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = klass->fields[i];

      if (!amends_record_field_is_derived (pspec) &&
          !amends_record_field_equal (pspec,
                                      amends_record_peek_value (record, pspec),
                                      amends_record_peek_value (stored, pspec)))
        g_ptr_array_add (changed, pspec);
    }

  if (changed->len == 0)
    return TRUE;

  g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
  for (guint i = 0; i < changed->len; i++)
    {
      g_autofree char *column = column_name (changed->pdata[i]);
      g_string_append_printf (sql, "%s = ?%u, ", column, i + 1);
    }
  g_string_append_printf (sql, "version = ?%u + 1 WHERE id = ?%u AND version = ?%u",
                          changed->len + 1, changed->len + 2, changed->len + 1);

  if (!(stmt = amends_store_prepare (self, sql->str, error)))
    return FALSE;

  for (guint i = 0; i < changed->len; i++)
    amends_store_bind_value (stmt, i + 1, changed->pdata[i],
                             amends_record_peek_value (record, changed->pdata[i]));
  sqlite3_bind_int64 (stmt, changed->len + 1, version);
  sqlite3_bind_int64 (stmt, changed->len + 2, amends_record_get_id (record));

  if (!amends_store_step_done (self, stmt, error))
    return FALSE;

  /* The row was read in this transaction, which holds the write lock:
   * nobody can have changed it since. */
  if (sqlite3_changes (amends_store_get_db (self)) != 1)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                           _("The record changed while it was being saved. Try again."));
      return FALSE;
    }

  for (guint i = 0; i < changed->len; i++)
    {
      GParamSpec *pspec = changed->pdata[i];
      g_autofree char *column = column_name (pspec);
      g_autofree char *before = value_to_text (pspec, amends_record_peek_value (stored, pspec));
      g_autofree char *after = value_to_text (pspec, amends_record_peek_value (record, pspec));

      if (!amends_store_audit (self, klass->table, amends_record_get_id (record),
                               column, before, after, error))
        return FALSE;
    }

  amends_store_queue_change (self, G_OBJECT_TYPE (record), amends_record_get_id (record));

  return TRUE;
}

/**
 * amends_store_update:
 *
 * Saves the fields of @record changed since it was read (or last saved),
 * with an audit row for each, and takes every other field as it is stored
 * now, so that what someone else saved meanwhile is kept, not written
 * over.  Then reads back the fields kept elsewhere (an owner's name when
 * the owner changed).  Saving an unchanged record writes nothing.
 *
 * When someone else changed a field that was changed here too, to
 * another value, nothing is saved: the error is
 * %AMENDS_STORE_ERROR_CONFLICT and @record names the fields and holds
 * their values (amends_record_get_conflicts()), to be resolved with
 * amends_record_resolve_conflict() and saved again.
 */
gboolean
amends_store_update (AmendsStore   *self,
                     AmendsRecord  *record,
                     GError       **error)
{
  g_autoptr(AmendsRecord) stored = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_RECORD (record), FALSE);

  if (!amends_store_validate_record (record, error) ||
      !amends_store_begin (self, error))
    return FALSE;

  stored = amends_store_load (self, G_OBJECT_TYPE (record), amends_record_get_id (record), error);
  if (stored == NULL)
    goto failed;

  if (!merge_stored (record, stored))
    {
      set_conflict_error (record, error);
      goto failed;
    }

  if (AMENDS_IS_CASE (record))
    {
      follow_occurred_at (AMENDS_CASE (record), AMENDS_CASE (stored));
      settle_close_reason (AMENDS_CASE (record));
    }

  if (!amends_store_validate_record (record, error) ||
      !update_fields (self, record, stored, error) ||
      !amends_store_reload (self, record, error))
    goto failed;

  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}
