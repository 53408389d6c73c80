/* test-desks.c: several desks on one database, each a process of its own
 *
 * What issue 16 promises between the desks of one site, checked with real
 * processes (tests/amends-desk.c, one AmendsStore each) on one database:
 * changes to different fields both land; the same field changed at two
 * desks is a conflict that names the field and both values, and nothing
 * is lost; twenty desks logging at once get a hundred different
 * references; another desk's commit is announced within a second; a save
 * while the server is down fails as offline, and lands once it is back.
 *
 * The same tests run on a SQLite file (/desks/file/…) and on a private
 * PostgreSQL server (/desks/server/…, under tests/pg-cluster run, which
 * sets AMENDS_TEST_PG, and AMENDS_TEST_PG_DIR for pausing the server).
 * Without a server the server half is skipped, unless
 * AMENDS_TEST_REQUIRE_PG is set, as meson sets it.
 *
 * Two desks are lined up to save "at once" by a file both wait for after
 * reading the case: each prints "loaded" once it has read, and the test
 * makes the file only when both have.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "amends-desk-runner.h"
#include "amends-test-utils.h"

/* Limits to give up on a desk that went wrong, not measures. */
#define LINE_TIMEOUT_MS    60000
#define EXIT_TIMEOUT_MS    60000
/* A change is promised at the other desks within 1 s; the test fails
 * only beyond five, so that a loaded machine does not fail it, and says
 * what it measured. */
#define SEEN_TIMEOUT_MS    5000

#define N_LOGGING_DESKS    20
#define N_CASES_EACH       5

typedef struct
{
  char        *dir;       /* the hold files, and the database on a file */
  char        *location;
  AmendsStore *store;     /* the test's own desk: sets up, reads back */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *engine = data;
  g_autoptr(GError) error = NULL;

  f->dir = amends_test_make_dir ();

  if (g_str_equal (engine, "file"))
    f->location = g_build_filename (f->dir, "amends.db", NULL);
  else
    {
      AmendsDb *db;

      if (amends_test_server_location () == NULL)
        return;

      /* Every test from an empty server database. */
      f->location = g_strdup (amends_test_server_location ());
      db = amends_db_open (f->location, &error);
      g_assert_no_error (error);
      amends_test_db_exec (db, "SET client_min_messages = warning;"
                               "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      amends_db_close (db);
    }

  /* Made here, before any desk opens it: the schema is not what is tested. */
  f->store = amends_store_open (f->location, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  /* On the server indeed, not on a file named like its connection string. */
  if (amends_store_get_shared (f->store) != !g_str_equal (engine, "file"))
    g_error ("the store opened “%s” as a %s", f->location,
             amends_store_get_shared (f->store) ? "server" : "file");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  amends_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->location, g_free);
}

static gboolean
have_database (Fixture *f)
{
  if (f->store != NULL)
    return TRUE;
  amends_test_skip_no_server ();
  return FALSE;
}

static AmendsDeskRun *
start_desk (Fixture    *f,
            const char *first_arg,
            ...) G_GNUC_NULL_TERMINATED;

static AmendsDeskRun *
start_desk (Fixture    *f,
            const char *first_arg,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return amends_desk_run_spawnv (AMENDS_DESK_BIN, f->location, FALSE, (const char * const *) args->pdata);
}

/* The desk's next line, which must begin with @prefix. */
static char *
expect_line (AmendsDeskRun *desk,
             const char    *prefix)
{
  g_autofree char *line = amends_desk_run_read_line (desk, LINE_TIMEOUT_MS);

  if (line == NULL || !g_str_has_prefix (line, prefix))
    g_error ("a desk said “%s”, where “%s…” was expected", line ? line : "(nothing)", prefix);
  return g_steal_pointer (&line);
}

static void
expect_exit (AmendsDeskRun *desk,
             int            status)
{
  g_assert_cmpint (amends_desk_run_wait (desk, EXIT_TIMEOUT_MS), ==, status);
}

static char *
hold_file (Fixture    *f,
           const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_remove (path);
  return path;
}

static gint64
add_case (Fixture    *f,
          const char *summary)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(AmendsCase) kase = amends_test_add_case (f->store, summary, now);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

/* What is stored now, read through the test's own store. */
static char *
stored_text (Fixture    *f,
             gint64      id,
             const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_store_load (f->store, AMENDS_TYPE_CASE, id, &error);
  char *value = NULL;

  g_assert_no_error (error);
  g_object_get (kase, field, &value, NULL);
  return value;
}

static void
assert_stored (Fixture    *f,
               gint64      id,
               const char *field,
               const char *expected)
{
  g_autofree char *value = stored_text (f, id, field);

  g_assert_cmpstr (value, ==, expected);
}

/* The version in a desk's "… version=N …" line. */
static gint64
line_version (const char *line)
{
  const char *v = strstr (line, "version=");

  g_assert_nonnull (v);
  return g_ascii_strtoll (v + strlen ("version="), NULL, 10);
}

/* Two desks read one case, then change different fields of it and save
 * at the same moment: both changes land, one after the other. */
static void
test_different_fields_both_land (Fixture       *f,
                                 gconstpointer  data)
{
  if (!have_database (f))
    return;

  /* A few times: "at the same moment" is a race, and one round may
   * happen to run one save after the other. */
  for (int round = 0; round < 5; round++)
    {
      gint64 id = add_case (f, "Room not ready");
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *go = hold_file (f, "go");
      g_autoptr(AmendsDeskRun) a = start_desk (f, "edit", id_text, "fix", "Moved them to room 412",
                                               "--hold-until-file", go, NULL);
      g_autoptr(AmendsDeskRun) b = start_desk (f, "edit", id_text, "lesson", "Check rooms at noon",
                                               "--hold-until-file", go, NULL);
      g_autofree char *a_loaded = expect_line (a, "loaded ");
      g_autofree char *b_loaded = expect_line (b, "loaded ");
      g_autofree char *a_saved = NULL;
      g_autofree char *b_saved = NULL;
      gint64 read_version = line_version (a_loaded);

      /* Both read the same version before either saved. */
      g_assert_cmpstr (a_loaded, ==, b_loaded);

      amends_touch_file (go);
      a_saved = expect_line (a, "saved ");
      b_saved = expect_line (b, "saved ");
      expect_exit (a, 0);
      expect_exit (b, 0);

      assert_stored (f, id, "fix", "Moved them to room 412");
      assert_stored (f, id, "lesson", "Check rooms at noon");
      assert_stored (f, id, "summary", "Room not ready");

      /* Two saves, each counted: neither wrote over the other's row. */
      g_assert_cmpint (MIN (line_version (a_saved), line_version (b_saved)), ==, read_version + 1);
      g_assert_cmpint (MAX (line_version (a_saved), line_version (b_saved)), ==, read_version + 2);
    }
}

/* The audit rows of @field of case @id, in order, as "BEFORE→AFTER". */
static char *
audit_of (Fixture    *f,
          gint64      id,
          const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = amends_store_list_audit (f->store, "cases", id, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      AmendsAuditEntry *entry = entries->pdata[i];

      if (g_strcmp0 (entry->field, field) != 0)
        continue;
      g_string_append_printf (text, "%s%s→%s", text->len ? "; " : "",
                              entry->before ? entry->before : "(none)",
                              entry->after ? entry->after : "(none)");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Two desks read one case and change the same field: the second to save
 * is told, with the field and both values; the first value stays until
 * the second desk chooses, and then the choice is saved. */
static void
test_same_field_second_saver_asked (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 id;
  g_autofree char *id_text = NULL;
  g_autofree char *go_a = NULL;
  g_autofree char *go_b = NULL;
  g_autofree char *decide = NULL;
  g_autoptr(AmendsDeskRun) a = NULL;
  g_autoptr(AmendsDeskRun) b = NULL;
  g_autofree char *a_loaded = NULL;
  g_autofree char *b_loaded = NULL;
  g_autofree char *line = NULL;
  g_autofree char *audit = NULL;

  if (!have_database (f))
    return;

  id = add_case (f, "Room not ready");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  go_a = hold_file (f, "go-a");
  go_b = hold_file (f, "go-b");
  decide = hold_file (f, "decide");
  a = start_desk (f, "edit", id_text, "fix", "Moved them to room 412", "--hold-until-file", go_a, NULL);
  b = start_desk (f, "edit", id_text, "fix", "Gave them the suite", "--hold-until-file", go_b,
                  "--keep", "mine", "--decide-after-file", decide, NULL);
  a_loaded = expect_line (a, "loaded ");
  b_loaded = expect_line (b, "loaded ");
  g_assert_cmpstr (a_loaded, ==, b_loaded);

  amends_touch_file (go_a);
  g_free (expect_line (a, "saved "));
  expect_exit (a, 0);

  amends_touch_file (go_b);
  line = expect_line (b, "conflict ");
  g_assert_cmpstr (line, ==, "conflict fix mine=\"Gave them the suite\" theirs=\"Moved them to room 412\"");

  /* Nothing written over while the second desk decides. */
  assert_stored (f, id, "fix", "Moved them to room 412");

  /* It keeps its own: saved over the first, and both are in the log. */
  amends_touch_file (decide);
  g_free (expect_line (b, "saved "));
  expect_exit (b, 0);
  assert_stored (f, id, "fix", "Gave them the suite");
  audit = audit_of (f, id, "fix");
  g_assert_cmpstr (audit, ==, "(none)→Moved them to room 412; Moved them to room 412→Gave them the suite");
}

/* The same, with both desks saving at the same moment: one saves, the
 * other is told, and what is stored is what the one saved. */
static void
test_same_field_at_once_one_asked (Fixture       *f,
                                   gconstpointer  data)
{
  if (!have_database (f))
    return;

  for (int round = 0; round < 5; round++)
    {
      static const char *const values[] = { "Moved them to room 412", "Gave them the suite" };
      gint64 id = add_case (f, "Room not ready");
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *go = hold_file (f, "go");
      AmendsDeskRun *desks[2];
      int saved = -1;
      int asked = -1;

      for (int i = 0; i < 2; i++)
        desks[i] = start_desk (f, "edit", id_text, "fix", values[i], "--hold-until-file", go, NULL);
      for (int i = 0; i < 2; i++)
        g_free (expect_line (desks[i], "loaded "));

      amends_touch_file (go);
      for (int i = 0; i < 2; i++)
        {
          g_autofree char *line = amends_desk_run_read_line (desks[i], LINE_TIMEOUT_MS);
          int status = amends_desk_run_wait (desks[i], EXIT_TIMEOUT_MS);

          if (line != NULL && g_str_has_prefix (line, "saved ") && status == 0 && saved < 0)
            saved = i;
          else if (line != NULL && g_str_has_prefix (line, "conflict ") && status == 3 && asked < 0)
            {
              g_autofree char *expected = g_strdup_printf ("conflict fix mine=\"%s\" theirs=\"%s\"",
                                                           values[i], values[1 - i]);
              g_assert_cmpstr (line, ==, expected);
              asked = i;
            }
          else
            g_error ("round %d: desk %d said “%s” and ended with %d; one desk should save and the other be asked",
                     round, i, line ? line : "(nothing)", status);
        }
      g_assert_cmpint (saved, >=, 0);
      g_assert_cmpint (asked, >=, 0);
      assert_stored (f, id, "fix", values[saved]);

      for (int i = 0; i < 2; i++)
        amends_desk_run_free (desks[i]);
    }
}

/* Twenty desks log five cases each, all at once: a hundred cases, each
 * with its own reference, each there to be read. */
static void
test_twenty_desks_log_at_once (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) desks = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_desk_run_free);
  g_autoptr(GHashTable) references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *go = NULL;
  g_autofree char *n_each = g_strdup_printf ("%d", N_CASES_EACH);

  if (!have_database (f))
    return;

  go = hold_file (f, "go");
  for (int d = 0; d < N_LOGGING_DESKS; d++)
    {
      g_autofree char *prefix = g_strdup_printf ("Desk %d case", d + 1);

      g_ptr_array_add (desks, start_desk (f, "log", n_each, prefix, "--hold-until-file", go, NULL));
    }
  /* Every desk has opened the database before any logs. */
  for (guint d = 0; d < desks->len; d++)
    g_free (expect_line (desks->pdata[d], "ready"));
  amends_touch_file (go);

  for (guint d = 0; d < desks->len; d++)
    {
      for (int c = 1; c <= N_CASES_EACH; c++)
        {
          g_autofree char *line = expect_line (desks->pdata[d], "logged ");
          g_auto(GStrv) words = g_strsplit (line, " ", 3);
          g_autofree char *summary = g_strdup_printf ("Desk %u case %d", d + 1, c);
          g_autoptr(AmendsCase) kase = NULL;
          gint64 id;

          g_assert_cmpuint (g_strv_length (words), ==, 3);
          g_assert_true (g_ascii_string_to_signed (words[1], 10, 1, G_MAXINT64, &id, NULL));
          if (!g_hash_table_add (references, g_strdup (words[2])))
            g_error ("the reference %s was given twice", words[2]);

          /* There, under the reference and with the summary the desk gave it. */
          kase = amends_store_load (f->store, AMENDS_TYPE_CASE, id, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (amends_case_get_reference (kase), ==, words[2]);
          g_assert_cmpstr (amends_case_get_summary (kase), ==, summary);
        }
      expect_exit (desks->pdata[d], 0);
    }

  g_assert_cmpuint (g_hash_table_size (references), ==, N_LOGGING_DESKS * N_CASES_EACH);
  g_assert_cmpint (amends_store_count_cases (f->store, &error), ==, N_LOGGING_DESKS * N_CASES_EACH);
  g_assert_no_error (error);
}

/* A desk watching a case hears of another desk's commit: the test waits
 * five seconds at most, and says how long it took. */
static void
test_watching_desk_sees_commit (Fixture       *f,
                                gconstpointer  data)
{
  static const char *const fixes[] = { "Moved them to room 412", "Gave them the suite", "Sent flowers" };
  g_autoptr(AmendsDeskRun) watcher = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *count = g_strdup_printf ("%d", (int) G_N_ELEMENTS (fixes));
  gint64 slowest = 0;
  gint64 id;

  if (!have_database (f))
    return;

  id = add_case (f, "Room not ready");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  watcher = start_desk (f, "watch", id_text, "--count", count, NULL);
  g_free (expect_line (watcher, "watching"));

  for (guint i = 0; i < G_N_ELEMENTS (fixes); i++)
    {
      g_autoptr(AmendsDeskRun) editor = start_desk (f, "edit", id_text, "fix", fixes[i], NULL);
      g_autofree char *saved = NULL;
      g_autofree char *seen = NULL;
      g_autofree char *expected = g_strdup_printf ("changed %s t=", id_text);
      gint64 saved_at, seen_at;

      g_free (expect_line (editor, "loaded "));
      saved = expect_line (editor, "saved ");
      saved_at = amends_desk_line_time (saved);
      expect_exit (editor, 0);

      seen = amends_desk_run_read_line (watcher, SEEN_TIMEOUT_MS);
      if (seen == NULL)
        g_error ("change %u: the watching desk had not heard of the commit %.1f s after it",
                 i + 1, (g_get_monotonic_time () - saved_at) / (double) G_USEC_PER_SEC);
      g_assert_true (g_str_has_prefix (seen, expected));
      seen_at = amends_desk_line_time (seen);
      g_assert_cmpint (seen_at, >, 0);
      g_test_message ("change %u: seen at the other desk %.1f ms after its commit returned",
                      i + 1, (seen_at - saved_at) / 1000.0);
      slowest = MAX (slowest, seen_at - saved_at);
      g_assert_cmpint (seen_at - saved_at, <, SEEN_TIMEOUT_MS * 1000);

      assert_stored (f, id, "fix", fixes[i]);
    }

  g_test_message ("the slowest of %u: %.1f ms (promised: within 1000 ms)",
                  (guint) G_N_ELEMENTS (fixes), slowest / 1000.0);
  expect_exit (watcher, 0);
}

/* The server stops between reading a case and saving it: the save fails
 * as offline, not saved; once the server is back, the same desk's store
 * connects again by itself and saves it. */
static void
test_server_stopped_mid_edit (Fixture       *f,
                              gconstpointer  data)
{
  const char *cluster_dir = g_getenv ("AMENDS_TEST_PG_DIR");
  g_autoptr(AmendsDeskRun) desk = NULL;
  g_autoptr(AmendsStore) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *go = NULL;
  g_autofree char *line = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *fix = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  gint64 resumed_at;
  gint64 id;

  if (!have_database (f))
    return;
  if (cluster_dir == NULL)
    {
      g_test_skip ("AMENDS_TEST_PG_DIR is not set: the server is not one this test may stop");
      return;
    }

  id = add_case (f, "Room not ready");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  go = hold_file (f, "go");
  desk = start_desk (f, "edit", id_text, "fix", "Moved them to room 412",
                     "--hold-until-file", go, "--retry-when-online", NULL);
  g_free (expect_line (desk, "loaded "));

  amends_test_run_pg_cluster ("pause", cluster_dir);
  amends_touch_file (go);

  /* Not saved, and not said to be. */
  line = amends_desk_run_read_line (desk, LINE_TIMEOUT_MS);
  if (line == NULL || !g_str_has_prefix (line, "offline "))
    g_error ("with the server stopped, the desk said “%s”, where “offline …” was expected",
             line ? line : "(nothing)");

  g_test_message ("with the server stopped, the desk said: %s", line);

  amends_test_run_pg_cluster ("resume", cluster_dir);
  resumed_at = g_get_monotonic_time ();
  g_free (expect_line (desk, "online 1"));
  g_clear_pointer (&line, g_free);
  line = expect_line (desk, "saved ");
  expect_exit (desk, 0);
  g_test_message ("saved %.0f ms after the server was ready again",
                  (amends_desk_line_time (line) - resumed_at) / 1000.0);

  /* There for anyone who opens the database now; saved once. */
  after = amends_store_open (f->location, &error);
  g_assert_no_error (error);
  kase = amends_store_load (after, AMENDS_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  g_object_get (kase, "fix", &fix, NULL);
  g_assert_cmpstr (fix, ==, "Moved them to room 412");

  g_clear_object (&f->store);
  f->store = g_steal_pointer (&after);
  audit = audit_of (f, id, "fix");
  g_assert_cmpstr (audit, ==, "(none)→Moved them to room 412");
}

static void
add_test (const char *engine,
          const char *name,
          void      (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strdup_printf ("/desks/%s/%s", engine, name);

  g_test_add (path, Fixture, engine, fixture_setup, func, fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const engines[] = { "file", "server" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      add_test (engines[i], "different-fields-both-land", test_different_fields_both_land);
      add_test (engines[i], "same-field-second-saver-asked", test_same_field_second_saver_asked);
      add_test (engines[i], "same-field-at-once-one-asked", test_same_field_at_once_one_asked);
      add_test (engines[i], "twenty-desks-log-at-once", test_twenty_desks_log_at_once);
      add_test (engines[i], "watching-desk-sees-commit", test_watching_desk_sees_commit);
    }
  add_test ("server", "server-stopped-mid-edit", test_server_stopped_mid_edit);

  return g_test_run ();
}
