/* test-copy.c: amends --copy-to, from a file to a server and back (issue 16)
 *
 * Runs under tests/pg-cluster, which starts a private server for this
 * program (AMENDS_TEST_PG); each test starts from an empty schema on it.
 * The source is a store filled through the store's own API, so that
 * every table of the schema has rows: a table a future migration adds
 * and the copy missed, or the fixture left empty, fails
 * test_copy_every_table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "amends-copy.h"
#include "amends-db.h"
#include "amends-schema-pg.h"
#include "amends-store-attachments.h"
#include "amends-store-helpers.h"
#include "amends-store-measures.h"
#include "amends-store-playbooks.h"
#include "amends-store-stories.h"
#include "amends-store-targets.h"
#include "amends-store-training.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb db;
  char *pg_location;
  AmendsDb *pg;
  gint64 ada, bob, open_case, recovered_case, attachment;
} Fixture;

/* What the file's tables are, read as the test's own: every ordinary
 * table but the search index's and the derived category counts. */
static const char sqlite_tables_sql[] =
  "SELECT name FROM sqlite_schema WHERE type = 'table'"
  "  AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'case_search%'"
  "  AND name <> 'category_counts' ORDER BY name";

static GPtrArray *
query_column (AmendsDb   *db,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDbStmt) stmt = amends_db_prepare (db, sql, &error);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  while (amends_db_stmt_step (stmt, &error) == AMENDS_DB_STEP_ROW)
    g_ptr_array_add (values, g_strdup (amends_db_stmt_column_text (stmt, 0)));
  g_assert_no_error (error);
  return values;
}

static gint64
count (AmendsDb   *db,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return amends_test_db_query_int64 (db, sql);
}

/* Every byte value once: what a binary file must keep. */
static GBytes *
all_bytes (void)
{
  guint8 data[256];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8) i;
  return g_bytes_new (data, sizeof data);
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gint64
add_attachment (Fixture *f,
                gint64   case_id)
{
  g_autoptr(GBytes) bytes = all_bytes ();
  g_autofree char *path = g_build_filename (f->db.dir, "all-bytes.bin", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AmendsAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), 256, NULL));
  amends_store_add_attachment_async (f->db.store, case_id, file, NULL, on_done_cb, &result);
  attachment = amends_store_add_attachment_finish (f->db.store, wait_for (&result), &error);
  g_assert_no_error (error);
  return amends_attachment_get_id (attachment);
}

static GBytes *
read_attachment (AmendsStore *store,
                 gint64       id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  amends_store_read_attachment_async (store, id, NULL, on_done_cb, &result);
  bytes = amends_store_read_attachment_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  return bytes;
}

static gint64
add_case (Fixture          *f,
          const char       *summary,
          const char       *occurred,
          AmendsCaseStatus  status,
          const char       *recovered,
          gint64            customer)
{
  g_autoptr(GDateTime) occurred_at = amends_test_time (occurred);
  g_autoptr(GDateTime) recovered_at = recovered ? amends_test_time (recovered) : NULL;
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (kase, "summary", summary, "occurred-at", occurred_at,
                "recovered-at", recovered_at, "status", status,
                "reaction", recovered ? AMENDS_REACTION_BLOWN_AWAY : AMENDS_REACTION_UNKNOWN,
                "owner-id", f->ada, "customer-id", customer, "category", "Room",
                "description", "Crème brûlée — served cold ☕",
                "fix", recovered ? "Put right" : NULL, NULL);
  amends_store_insert (f->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);
  return amends_record_get_id (AMENDS_RECORD (kase));
}

/* A bit of everything, through the store. */
static void
fill (Fixture *f)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (f->db.store, "Ada");
  g_autoptr(AmendsStaff) bob = amends_test_add_staff (f->db.store, "Bob");
  g_autoptr(AmendsCustomer) zoe = amends_test_add_customer (f->db.store, "Zoë Ünal", "Room 12");
  g_autoptr(AmendsCustomer) max = amends_test_add_customer (f->db.store, "Max", NULL);
  g_autoptr(AmendsAction) action = NULL;
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(AmendsCase) paused = NULL;
  g_autoptr(AmendsCase) closed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 zoe_id = amends_record_get_id (AMENDS_RECORD (zoe));
  gint64 max_id = amends_record_get_id (AMENDS_RECORD (max));
  gint64 heroes[2], paused_id, closed_id, trashed_id;

  f->ada = amends_record_get_id (AMENDS_RECORD (ada));
  f->bob = amends_record_get_id (AMENDS_RECORD (bob));
  heroes[0] = f->ada;
  heroes[1] = f->bob;

  f->open_case = add_case (f, "Cold soup", "2026-11-16T19:00:00Z", AMENDS_CASE_STATUS_OPEN, NULL, zoe_id);
  f->recovered_case = add_case (f, "Lost key card", "2026-11-17T08:00:00Z",
                                AMENDS_CASE_STATUS_RECOVERED, "2026-11-17T09:00:00Z", max_id);
  paused_id = add_case (f, "Noisy room", "2026-11-17T22:00:00Z", AMENDS_CASE_STATUS_IN_RECOVERY, NULL, zoe_id);
  closed_id = add_case (f, "Late taxi", "2026-11-15T07:00:00Z", AMENDS_CASE_STATUS_RECOVERED,
                        "2026-11-15T07:30:00Z", 0);
  trashed_id = add_case (f, "Typed twice", "2026-11-15T07:00:00Z", AMENDS_CASE_STATUS_OPEN, NULL, 0);

  action = amends_store_add_action (f->db.store, f->open_case, AMENDS_ACTION_KIND_NOTE,
                                    "Offered a new bowl; the guest said “später”", &error);
  g_assert_no_error (error);
  g_clear_object (&action);
  action = amends_store_add_action (f->db.store, f->open_case, AMENDS_ACTION_KIND_NOTE, "Chef told", &error);
  g_assert_no_error (error);

  paused = amends_store_load (f->db.store, AMENDS_TYPE_CASE, paused_id, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_pause_clock (f->db.store, paused, "Guest asleep", &error));
  g_assert_no_error (error);
  closed = amends_store_load (f->db.store, AMENDS_TYPE_CASE, closed_id, &error);
  g_assert_true (amends_store_close_case (f->db.store, closed, AMENDS_CLOSE_REASON_RECOVERED, &error));
  g_assert_no_error (error);
  g_assert_true (amends_store_trash_case (f->db.store, trashed_id, &error));
  g_assert_no_error (error);

  story = amends_store_propose_story (f->db.store, f->recovered_case, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_set_story_heroes (f->db.store, amends_record_get_id (AMENDS_RECORD (story)),
                                                heroes, 2, &error));
  g_assert_true (amends_store_set_story_training (f->db.store, story, TRUE, &error));
  g_assert_true (amends_store_mark_story_read (f->db.store, amends_record_get_id (AMENDS_RECORD (story)),
                                               f->bob, &error));
  g_assert_true (amends_store_add_case_helper (f->db.store, f->open_case, f->bob, &error));
  g_assert_true (amends_store_save_playbook (f->db.store, "Room", "Apologise; move the guest", "Up to €50", &error));
  g_assert_true (amends_store_add_cause (f->db.store, "Housekeeping missed it", &error));
  g_assert_true (amends_store_set_target (f->db.store, "Room", 1, 2 * 3600, FALSE, &error));
  g_assert_true (amends_store_set_office_hours (f->db.store, 1, 9 * 60, 17 * 60, &error));
  g_assert_no_error (error);

  f->attachment = add_attachment (f, f->open_case);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *location = amends_test_server_location ();

  amends_test_db_setup (&f->db, data);
  if (location == NULL)
    return;

  f->pg_location = g_strdup (location);
  f->pg = amends_db_open (location, &error);
  g_assert_no_error (error);
  amends_test_db_exec (f->pg, "SET client_min_messages = warning;"
               "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  fill (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->pg, amends_db_close);
  g_clear_pointer (&f->pg_location, g_free);
  amends_test_db_teardown (&f->db, data);
}

static gboolean
have_pg (Fixture *f)
{
  if (f->pg != NULL)
    return TRUE;
  amends_test_skip_no_server ();
  return FALSE;
}

static AmendsCopyResult *
copy_ok (const char *from,
         const char *to)
{
  g_autoptr(GError) error = NULL;
  AmendsCopyResult *result = NULL;

  g_assert_true (amends_copy_database (from, to, &result, &error));
  g_assert_no_error (error);
  return result;
}

/* A table's rows as text, in an order of their own, for comparing two
 * files whole (blobs as X'…'). */
static char *
dump_table (AmendsDb   *db,
            const char *table)
{
  g_autofree char *columns_sql =
    g_strdup_printf ("SELECT name FROM pragma_table_xinfo ('%s') WHERE hidden = 0", table);
  g_autoptr(GPtrArray) columns = query_column (db, columns_sql);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (select, "%squote (\"%s\")", i > 0 ? " || '|' || " : "",
                            (char *) g_ptr_array_index (columns, i));
  g_string_append_printf (select, " AS r FROM \"%s\" ORDER BY r", table);
  rows = query_column (db, select->str);
  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("\n", (char **) rows->pdata);
}

/* Every table of the file is copied, with all its rows, and the fixture
 * gave each of them some: a table of a new migration that the copy or
 * this fixture forgot fails here. */
static void
test_copy_every_table (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AmendsCopyResult) result = NULL;
  g_autoptr(AmendsDb) file = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_pg (f))
    return;

  result = copy_ok (f->db.path, f->pg_location);
  file = amends_db_open (f->db.path, &error);
  g_assert_no_error (error);
  tables = query_column (file, sqlite_tables_sql);
  g_assert_cmpuint (tables->len, >=, 15);
  g_assert_cmpuint (result->tables->len, ==, tables->len);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gint64 n = count (file, table);

      g_test_message ("%s: %" G_GINT64_FORMAT " rows", table, n);
      g_assert_cmpint (n, >, 0);
      g_assert_cmpint (amends_copy_result_get_rows (result, table), ==, n);
      g_assert_cmpint (count (f->pg, table), ==, n);
    }

  /* Rebuilt by the server's triggers, not copied. */
  g_assert_cmpint (count (f->pg, "case_search"), ==, 5);
  g_assert_cmpint (amends_test_db_query_int64 (f->pg, "SELECT n FROM category_counts WHERE category = 'Room'"), ==, 5);
  g_assert_cmpint (amends_test_db_query_int64 (f->pg,
                                               "SELECT count(*) FROM case_search"
                                               " WHERE document @@ amends_search_query ('spät')"), ==, 1);
  g_assert_cmpint (amends_test_db_query_int64 (f->pg,
                                               "SELECT count(*) FROM case_search"
                                               " WHERE document @@ amends_search_query ('unal')"), ==, 2);
  g_assert_cmpint (amends_test_db_query_int64 (f->pg,
                                               "SELECT count(*) FROM case_search"
                                               " WHERE document @@ amends_search_query ('creme')"), ==, 5);
  /* The search triggers work again after the copy. */
  amends_test_db_exec (f->pg, "INSERT INTO actions (case_id, kind, done_at, text) VALUES (1, 'note', 0, 'Zebra')");
  g_assert_cmpint (amends_test_db_query_int64 (f->pg,
                                               "SELECT count(*) FROM case_search"
                                               " WHERE document @@ amends_search_query ('zebra')"), ==, 1);
}

static void
test_copy_to_server (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AmendsCopyResult) result = NULL;
  g_autoptr(AmendsDb) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCustomer) later = NULL;
  g_autofree char *expected_hex = NULL;
  g_autofree char *hex = NULL;
  g_autoptr(GString) hex_bytes = g_string_new (NULL);
  const char *fields =
    "SELECT reference || '|' || summary || '|' || description || '|' || status || '|'"
    " || occurred_at || '|' || coalesce (owner_id, 0) || '|' || coalesce (paused_at, 0) || '|'"
    " || close_reason || '|' || coalesce (deleted_at, 0) || '|' || version"
    " FROM cases ORDER BY id";
  g_autoptr(GPtrArray) file_cases = NULL;
  g_autoptr(GPtrArray) pg_cases = NULL;

  if (!have_pg (f))
    return;

  /* A counter behind the references, as in a file the bench generator
   * wrote: the copy moves it on. */
  file = amends_db_open (f->db.path, &error);
  g_assert_no_error (error);
  amends_test_db_exec (file, "UPDATE reference_counters SET last = 2");

  result = copy_ok (f->db.path, f->pg_location);
  g_assert_cmpint (amends_copy_result_get_rows (result, "cases"), ==, 5);
  g_assert_cmpint (amends_copy_result_get_rows (result, "customers"), ==, 2);
  g_assert_cmpint (amends_copy_result_get_rows (result, "staff"), ==, 2);
  g_assert_cmpint (amends_copy_result_get_rows (result, "story_heroes"), ==, 2);

  /* Field by field, the same text on both sides (ids, times, UTF-8). */
  file_cases = query_column (file, fields);
  pg_cases = query_column (f->pg, fields);
  g_assert_cmpuint (file_cases->len, ==, 5);
  g_assert_cmpuint (pg_cases->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (g_ptr_array_index (pg_cases, i), ==, g_ptr_array_index (file_cases, i));
  g_assert_nonnull (strstr (g_ptr_array_index (pg_cases, 0), "Crème brûlée — served cold ☕"));
  g_assert_cmpstr ((hex = amends_test_db_query_text (f->pg, "SELECT name FROM customers WHERE id = 1")), ==, "Zoë Ünal");
  g_clear_pointer (&hex, g_free);

  /* The attachment's bytes, every value. */
  for (guint i = 0; i < 256; i++)
    g_string_append_printf (hex_bytes, "%02x", i);
  hex = amends_test_db_query_text (f->pg, "SELECT encode (data, 'hex') FROM attachments");
  g_assert_cmpstr (hex, ==, hex_bytes->str);
  g_assert_cmpint (amends_test_db_query_int64 (f->pg, "SELECT size FROM attachments"), ==, 256);

  /* New rows continue after the highest id and reference. */
  g_assert_cmpint (amends_test_db_query_int64 (f->pg, "INSERT INTO customers (name) VALUES ('Next') RETURNING id"), ==, 3);
  g_assert_cmpint (amends_test_db_query_int64 (f->pg,
                                               "INSERT INTO audit_log (at, table_name, record_id, field)"
                                               " VALUES (0, 'x', 0, 'y') RETURNING id"),
                                  ==, amends_test_db_query_int64 (file, "SELECT max (id) FROM audit_log") + 1);
  g_assert_cmpint (amends_test_db_query_int64 (f->pg, "SELECT last FROM reference_counters WHERE year = 2026"), ==, 5);
  expected_hex = amends_test_db_query_text (f->pg, "SELECT max (reference) FROM cases");
  g_assert_cmpstr (expected_hex, ==, "C-2026-00005");

  /* The planner knows the copied tables' sizes at once (ANALYZE after
   * the copy): PostgreSQL 14 and newer say -1 for a table never
   * analyzed, and a big copied table would be taken for a few rows. */
  g_assert_cmpint (amends_test_db_query_int64 (f->pg, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'cases'"), ==, 5);
  g_assert_cmpint (amends_test_db_query_int64 (f->pg, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'audit_log'"),
                   ==, amends_test_db_query_int64 (file, "SELECT count (*) FROM audit_log"));
}

/* From the server to a new file, which the store opens as the original:
 * every table the same, the cases, the week's measures and the
 * attachment's bytes. */
static void
test_copy_back (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AmendsCopyResult) there = NULL;
  g_autoptr(AmendsCopyResult) back = NULL;
  g_autofree char *back_path = g_build_filename (f->db.dir, "back.db", NULL);
  g_autoptr(AmendsDb) original = NULL;
  g_autoptr(AmendsDb) copied = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) weeks_before = NULL;
  g_autoptr(GPtrArray) weeks_after = NULL;
  g_autoptr(GDateTime) week = amends_test_time ("2026-11-16T00:00:00Z");
  g_autoptr(GBytes) expected = all_bytes ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_pg (f))
    return;

  /* More rows than one INSERT carries (the copy writes up to 200 at a
   * time): a full batch and a part of one. */
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *text = g_strdup_printf ("Entry %u", i);
      g_autoptr(AmendsAction) action =
        amends_store_add_action (f->db.store, f->recovered_case, AMENDS_ACTION_KIND_NOTE, text, &error);
      g_assert_no_error (error);
    }

  there = copy_ok (f->db.path, f->pg_location);
  g_assert_cmpint (amends_copy_result_get_rows (there, "actions"), ==, 254);
  back = copy_ok (f->pg_location, back_path);
  g_assert_cmpuint (back->tables->len, ==, there->tables->len);
  g_assert_cmpstr (back->target, ==, back_path);

  /* Private, as the store's own files are. */
  {
    GStatBuf buf;

    g_assert_cmpint (g_stat (back_path, &buf), ==, 0);
    g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  }

  original = amends_db_open (f->db.path, &error);
  copied = amends_db_open (back_path, &error);
  g_assert_no_error (error);
  tables = query_column (original, sqlite_tables_sql);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *before = dump_table (original, table);
      g_autofree char *after = dump_table (copied, table);

      g_test_message ("comparing %s", table);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpint (amends_test_db_query_int64 (copied, "SELECT count(*) FROM case_search WHERE case_search MATCH 'chef'"), ==, 1);
  g_clear_pointer (&copied, amends_db_close);

  store = amends_store_open (back_path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (store, f->db.now);
  g_assert_cmpint (amends_store_count_cases (store, NULL), ==, amends_store_count_cases (f->db.store, NULL));
  for (gint64 id = f->open_case; id <= f->open_case + 4; id++)
    {
      g_autoptr(AmendsCase) a = amends_store_load (f->db.store, AMENDS_TYPE_CASE, id, NULL);
      g_autoptr(AmendsCase) b = amends_store_load (store, AMENDS_TYPE_CASE, id, NULL);

      g_assert_nonnull (b);
      g_assert_cmpstr (amends_case_get_reference (b), ==, amends_case_get_reference (a));
      g_assert_cmpstr (amends_case_get_summary (b), ==, amends_case_get_summary (a));
      g_assert_cmpint (amends_case_get_status (b), ==, amends_case_get_status (a));
    }

  weeks_before = amends_store_measure_weeks (f->db.store, week, 2, &error);
  g_assert_no_error (error);
  weeks_after = amends_store_measure_weeks (store, week, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks_after->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      AmendsMeasures *a = g_ptr_array_index (weeks_before, i);
      AmendsMeasures *b = g_ptr_array_index (weeks_after, i);

      g_assert_cmpuint (b->n_happened, ==, a->n_happened);
      g_assert_cmpuint (b->n_recovered, ==, a->n_recovered);
      g_assert_cmpuint (b->n_open, ==, a->n_open);
      g_assert_cmpint (b->median_seconds, ==, a->median_seconds);
      g_assert_cmpuint (b->recovered_within.n_counted, ==, a->recovered_within.n_counted);
      g_assert_cmpuint (b->recovered_within.n_of, ==, a->recovered_within.n_of);
    }
  /* By hand: the week of 16 November had the soup (open), the key card
   * (recovered within the hour) and the noise (paused). */
  g_assert_cmpuint (((AmendsMeasures *) g_ptr_array_index (weeks_after, 1))->n_happened, ==, 3);
  g_assert_cmpuint (((AmendsMeasures *) g_ptr_array_index (weeks_after, 1))->n_recovered, ==, 1);

  bytes = read_attachment (store, f->attachment);
  g_assert_true (g_bytes_equal (bytes, expected));

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_refuse_non_empty_server (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AmendsCopyResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsDb) other = NULL;

  if (!have_pg (f))
    return;

  result = copy_ok (f->db.path, f->pg_location);
  amends_test_db_exec (f->pg, "DELETE FROM audit_log WHERE id > 1");
  g_assert_false (amends_copy_database (f->db.path, f->pg_location, NULL, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "not empty"));
  g_assert_cmpint (count (f->pg, "cases"), ==, 5);
  g_assert_cmpint (count (f->pg, "audit_log"), ==, 1);
  g_clear_error (&error);

  /* Another program's table, with a row: refused, and left as it was. */
  amends_test_db_exec (f->pg, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
               "CREATE TABLE invoices (n BIGINT); INSERT INTO invoices VALUES (7)");
  g_assert_false (amends_copy_database (f->db.path, f->pg_location, NULL, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "invoices"));
  g_assert_cmpint (amends_test_db_query_int64 (f->pg, "SELECT count(*) FROM pg_class"
                                       " WHERE relnamespace = 'public'::regnamespace"), ==, 1);
}

static void
test_refuse_existing_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AmendsCopyResult) result = NULL;
  g_autofree char *path = g_build_filename (f->db.dir, "there.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_pg (f))
    return;

  result = copy_ok (f->db.path, f->pg_location);
  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_assert_false (amends_copy_database (f->pg_location, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_clear_error (&error);

  /* A copy that fails leaves no file behind, under its name or another:
   * here the server's schema has a table the file has not. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (f->db.dir, "new.db", NULL);
  amends_test_db_exec (f->pg, "CREATE TABLE invoices (n BIGINT)");
  g_assert_false (amends_copy_database (f->pg_location, path, NULL, &error));
  g_assert_nonnull (strstr (error->message, "“invoices”"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) dir = g_dir_open (f->db.dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_null (strstr (name, "new.db"));
  }
}

/* A row that does not arrive (a trigger on the target swallows one audit
 * row) undoes the whole copy, and the message names the table. */
static void
test_count_mismatch_rolls_back (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_pg (f))
    return;

  g_assert_true (amends_schema_pg_migrate (f->pg, &error));
  g_assert_no_error (error);
  amends_test_db_exec (f->pg,
                       "CREATE FUNCTION swallow () RETURNS trigger LANGUAGE plpgsql AS $$"
                       " BEGIN IF NEW.id = 1 THEN RETURN NULL; END IF; RETURN NEW; END $$;"
                       "CREATE TRIGGER swallow BEFORE INSERT ON audit_log"
                       "  FOR EACH ROW EXECUTE FUNCTION swallow ()");

  g_assert_false (amends_copy_database (f->db.path, f->pg_location, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“audit_log”"));
  g_assert_cmpint (count (f->pg, "cases"), ==, 0);
  g_assert_cmpint (count (f->pg, "staff"), ==, 0);
  g_assert_cmpint (count (f->pg, "audit_log"), ==, 0);
  g_assert_cmpint (count (f->pg, "case_search"), ==, 0);
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_amends (Run        *run,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) AMENDS_BIN);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("amends said: %s%s", run->out, run->err);
}

static guint
n_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *back_path = g_build_filename (f->db.dir, "back.db", NULL);
  Run run = { 0 };

  if (!have_pg (f))
    return;

  run_amends (&run, "--database", f->db.path, "--copy-to", f->pg_location, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "cases: 5, customers: 2, staff: 2, timeline entries: "));
  g_assert_cmpuint (n_lines (run.out), ==, 1);
  g_assert_cmpint (count (f->pg, "cases"), ==, 5);

  /* Again: the server is not empty any more. */
  run_amends (&run, "--database", f->db.path, "--copy-to", f->pg_location, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "amends: "));
  g_assert_nonnull (strstr (run.err, "is not empty"));
  g_assert_cmpuint (n_lines (run.err), ==, 1);

  run_amends (&run, "--database", f->pg_location, "--copy-to", back_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "cases: 5, customers: 2, staff: 2"));
  g_assert_true (g_file_test (back_path, G_FILE_TEST_EXISTS));

  run_amends (&run, "--database", f->pg_location, "--copy-to", back_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is there already"));
  g_assert_cmpuint (n_lines (run.err), ==, 1);

  /* Two files: --backup is for that. */
  run_amends (&run, "--database", f->db.path, "--copy-to", back_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--backup"));

  run_amends (&run, "--database", f->db.path, "--copy-to", "", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (n_lines (run.err), ==, 1);

  g_free (run.out);
  g_free (run.err);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/copy/every-table", test_copy_every_table);
  ADD ("/copy/to-server", test_copy_to_server);
  ADD ("/copy/back", test_copy_back);
  ADD ("/copy/refuse-non-empty-server", test_refuse_non_empty_server);
  ADD ("/copy/refuse-existing-file", test_refuse_existing_file);
  ADD ("/copy/count-mismatch", test_count_mismatch_rolls_back);
  ADD ("/copy/cli", test_cli);

  return g_test_run ();
}
