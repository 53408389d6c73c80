/* test-concurrency.c: other programs on the same file: openers, writers, stale copies
 *
 * Two stores on one file stand for two programs (or two desks); the
 * openers are real processes: this test program run again with
 * --open-and-count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "amends-schema.h"
#include "amends-test-utils.h"

#define N_OPENERS  200
#define N_CREATORS 40
#define GIVE_UP_S  20

static char *self_exe;

/* The opener: what `amends --export-csv` does first, in a process of its own. */
static int
open_and_count (const char *path)
{
  g_autoptr(GError) error = NULL;
  AmendsStore *store = amends_store_open (path, &error);
  gint64 n;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  n = amends_store_count_cases (store, &error);
  g_object_unref (store);
  if (n < 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

typedef struct
{
  char          *path;
  volatile gint  stop;
  guint          n_commits;
} Writer;

/* Keeps the database busy as a desk importing cases would: short write
 * transactions one after another, and a checkpoint now and then, which
 * briefly keeps new readers out. */
static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  sqlite3 *db = NULL;
  guint i = 0;

  g_assert_cmpint (sqlite3_open (writer->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);

  while (!g_atomic_int_get (&writer->stop))
    {
      g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db,
                                     "UPDATE cases SET description = 'busy ' || abs (random () % 1000)"
                                     " WHERE id = 1 + abs (random () % 50)",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      g_usleep (2000);
      g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
      writer->n_commits++;
      if (++i % 20 == 0)
        sqlite3_exec (db, "PRAGMA wal_checkpoint (RESTART)", NULL, NULL, NULL);
    }

  sqlite3_close (db);
  return NULL;
}

static GSubprocess *
spawn_opener (const char *path)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              self_exe, "--open-and-count", path, NULL);
  g_assert_no_error (error);
  return process;
}

/* Waits for every process; returns how many failed, saying why. */
static guint
wait_all (GPtrArray *processes)
{
  guint n_failed = 0;

  for (guint i = 0; i < processes->len; i++)
    {
      GSubprocess *process = processes->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
        {
          n_failed++;
          g_test_message ("opener %u failed: %s", i, err ? g_strstrip (err) : "(killed)");
        }
    }

  return n_failed;
}

static void
test_parallel_openers_wait (AmendsTestDb  *db,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GThread) thread = NULL;
  Writer writer = { db->path, 0, 0 };
  gint64 started;
  guint n_failed;

  if (amends_test_sqlite_only ("openers waiting while another connection writes and checkpoints the WAL;"
                               " on a server nobody opening waits for a writer"))
    return;

  g_assert_true (amends_store_begin (db->store, NULL));
  for (int i = 0; i < 50; i++)
    {
      g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Cold soup", db->now);
    }
  g_assert_true (amends_store_commit (db->store, NULL));
  g_clear_object (&db->store);

  thread = g_thread_new ("writer", writer_thread, &writer);

  started = g_get_monotonic_time ();
  for (guint i = 0; i < N_OPENERS; i++)
    g_ptr_array_add (processes, spawn_opener (db->path));
  n_failed = wait_all (processes);

  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (g_steal_pointer (&thread));

  g_test_message ("%u parallel openers, %u failed, in %.1f s, while another connection committed %u times",
                  N_OPENERS, n_failed, (g_get_monotonic_time () - started) / 1e6, writer.n_commits);
  g_assert_cmpuint (writer.n_commits, >, 0);
  g_assert_cmpuint (n_failed, ==, 0);
}

/* On the server: several desks started at once on a new, empty
 * database, each migrating it or finding it done; fewer of them than on
 * SQLite, for the server's 100 connections (each store has a few). */
static void
test_parallel_creators_share_one_file (void)
{
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  guint n_creators = amends_test_on_server () ? 20 : N_CREATORS;
  AmendsStore *store;
  const char *name;

  if (amends_test_on_server ())
    path = amends_test_new_location (dir, "amends.db");
  else
    path = g_build_filename (dir, "new", "amends.db", NULL);
  folder = g_path_get_dirname (path);

  /* The first start on a new computer: several openers find no file. */
  for (guint i = 0; i < n_creators; i++)
    g_ptr_array_add (processes, spawn_opener (path));
  g_assert_cmpuint (wait_all (processes), ==, 0);

  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (amends_store_get_read_only (store));
  g_assert_cmpint (amends_store_count_cases (store, NULL), ==, 0);
  g_assert_finalize_object (store);

  /* One file, and none of the others' half-made ones left behind. */
  if (!amends_test_on_server ())
    {
      listing = g_dir_open (folder, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (listing)) != NULL)
        g_assert_cmpstr (name, ==, "amends.db");
    }

  amends_test_remove_dir (dir);
}

/* Another program on the same file: a second store of its own. */
static AmendsStore *
open_other (AmendsTestDb *db)
{
  g_autoptr(GError) error = NULL;
  AmendsStore *other = amends_store_open (db->path, &error);

  g_assert_no_error (error);
  amends_store_set_fixed_now (other, db->now);
  return other;
}

static AmendsCase *
load (AmendsStore *store,
      gint64       id)
{
  g_autoptr(GError) error = NULL;
  AmendsCase *kase = amends_store_load (store, AMENDS_TYPE_CASE, id, &error);

  g_assert_no_error (error);
  return kase;
}

static char *
get_string (gpointer    record,
            const char *property)
{
  char *value = NULL;

  g_object_get (record, property, &value, NULL);
  return value;
}

static gint64
count_audit (AmendsStore *store)
{
  return amends_test_store_query_int64 (store, "SELECT count(*) FROM audit_log");
}

static void
test_stale_copy_keeps_others_fields (AmendsTestDb  *db,
                                     gconstpointer  data)
{
  g_autoptr(AmendsCase) created = amends_test_add_case (db->store, "Room not ready", db->now);
  gint64 id = amends_record_get_id (AMENDS_RECORD (created));
  g_autoptr(AmendsStore) other = open_other (db);
  g_autoptr(AmendsCase) mine = load (db->store, id);
  g_autoptr(AmendsCase) theirs = load (other, id);
  g_autoptr(AmendsCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fix = NULL;
  g_autofree char *lesson = NULL;
  g_autofree char *description = NULL;

  /* The other program writes the fix and the lesson... */
  g_object_set (theirs, "fix", "Moved them to room 412", "lesson", "Check rooms at noon", NULL);
  g_assert_true (amends_store_update (other, AMENDS_RECORD (theirs), &error));
  g_assert_no_error (error);

  /* ...and an old copy saves only what was typed in it. */
  g_object_set (mine, "description", "Waited an hour in the lobby", NULL);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (mine), &error));
  g_assert_no_error (error);

  stored = load (other, id);
  fix = get_string (stored, "fix");
  lesson = get_string (stored, "lesson");
  description = get_string (stored, "description");
  g_assert_cmpstr (fix, ==, "Moved them to room 412");
  g_assert_cmpstr (lesson, ==, "Check rooms at noon");
  g_assert_cmpstr (description, ==, "Waited an hour in the lobby");

  /* The old copy took the other program's values. */
  g_clear_pointer (&fix, g_free);
  fix = get_string (mine, "fix");
  g_assert_cmpstr (fix, ==, "Moved them to room 412");
  g_assert_cmpint (amends_record_get_version (AMENDS_RECORD (mine)), ==,
                   amends_record_get_version (AMENDS_RECORD (stored)));
}

static void
test_conflict_names_both_values (AmendsTestDb  *db,
                                 gconstpointer  data)
{
  g_autoptr(AmendsCase) created = amends_test_add_case (db->store, "Room not ready", db->now);
  gint64 id = amends_record_get_id (AMENDS_RECORD (created));
  g_autoptr(AmendsStore) other = open_other (db);
  g_autoptr(AmendsCase) mine = load (db->store, id);
  g_autoptr(AmendsCase) theirs = load (other, id);
  g_autoptr(AmendsCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fix = NULL;
  g_autofree char *team = NULL;
  GParamSpec *fix_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (mine), "fix");
  GPtrArray *conflicts;
  gint64 n_audit;

  g_object_set (theirs, "fix", "Moved them to room 412", "team", "Housekeeping", NULL);
  g_assert_true (amends_store_update (other, AMENDS_RECORD (theirs), &error));
  g_assert_no_error (error);
  n_audit = count_audit (db->store);

  g_object_set (mine, "fix", "Gave them the suite", "summary", "Room not ready at 3 pm", NULL);
  g_assert_false (amends_store_update (db->store, AMENDS_RECORD (mine), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Moved them to room 412"));
  g_assert_nonnull (strstr (error->message, "Gave them the suite"));
  g_clear_error (&error);

  /* Nothing was written, not even the summary that was no conflict. */
  g_assert_cmpint (count_audit (db->store), ==, n_audit);
  stored = load (other, id);
  fix = get_string (stored, "fix");
  g_assert_cmpstr (fix, ==, "Moved them to room 412");
  g_assert_cmpstr (amends_case_get_summary (stored), ==, "Room not ready");

  /* The copy names the field and holds both values. */
  conflicts = amends_record_get_conflicts (AMENDS_RECORD (mine));
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (conflicts->pdata[0] == fix_pspec);
  g_assert_cmpstr (g_value_get_string (amends_record_peek_their_value (AMENDS_RECORD (mine), fix_pspec)), ==,
                   "Moved them to room 412");
  g_clear_pointer (&fix, g_free);
  fix = get_string (mine, "fix");
  g_assert_cmpstr (fix, ==, "Gave them the suite");

  /* Keep mine: the typed fix is saved, the other program's team kept. */
  amends_record_resolve_conflict (AMENDS_RECORD (mine), fix_pspec, TRUE);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (mine), &error));
  g_assert_no_error (error);

  g_clear_object (&stored);
  stored = load (other, id);
  g_clear_pointer (&fix, g_free);
  fix = get_string (stored, "fix");
  team = get_string (stored, "team");
  g_assert_cmpstr (fix, ==, "Gave them the suite");
  g_assert_cmpstr (team, ==, "Housekeeping");
  g_assert_cmpstr (amends_case_get_summary (stored), ==, "Room not ready at 3 pm");
}

static void
test_conflict_take_theirs (AmendsTestDb  *db,
                           gconstpointer  data)
{
  g_autoptr(AmendsCase) created = amends_test_add_case (db->store, "Room not ready", db->now);
  gint64 id = amends_record_get_id (AMENDS_RECORD (created));
  g_autoptr(AmendsStore) other = open_other (db);
  g_autoptr(AmendsCase) mine = load (db->store, id);
  g_autoptr(AmendsCase) theirs = load (other, id);
  g_autoptr(AmendsCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fix = NULL;
  GParamSpec *fix_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (mine), "fix");

  g_object_set (theirs, "fix", "Moved them to room 412", NULL);
  g_assert_true (amends_store_update (other, AMENDS_RECORD (theirs), &error));
  g_object_set (mine, "fix", "Gave them the suite", "summary", "Room not ready at 3 pm", NULL);
  g_assert_false (amends_store_update (db->store, AMENDS_RECORD (mine), &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Take theirs: the other change typed here is still saved. */
  amends_record_resolve_conflict (AMENDS_RECORD (mine), fix_pspec, FALSE);
  fix = get_string (mine, "fix");
  g_assert_cmpstr (fix, ==, "Moved them to room 412");
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (mine), &error));
  g_assert_no_error (error);

  stored = load (other, id);
  g_clear_pointer (&fix, g_free);
  fix = get_string (stored, "fix");
  g_assert_cmpstr (fix, ==, "Moved them to room 412");
  g_assert_cmpstr (amends_case_get_summary (stored), ==, "Room not ready at 3 pm");
}

static void
test_same_value_is_no_conflict (AmendsTestDb  *db,
                                gconstpointer  data)
{
  g_autoptr(AmendsCustomer) created = amends_test_add_customer (db->store, "Edward Kaufmann", NULL);
  gint64 id = amends_record_get_id (AMENDS_RECORD (created));
  g_autoptr(AmendsStore) other = open_other (db);
  g_autoptr(AmendsCustomer) mine = amends_store_load (db->store, AMENDS_TYPE_CUSTOMER, id, NULL);
  g_autoptr(AmendsCustomer) theirs = amends_store_load (other, AMENDS_TYPE_CUSTOMER, id, NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (theirs, "phone", "+1 555 0100", "notes", "Loves cowboy boots", NULL);
  g_assert_true (amends_store_update (other, AMENDS_RECORD (theirs), &error));
  g_object_set (mine, "phone", "+1 555 0100", "email", "ed@example.com", NULL);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (mine), &error));
  g_assert_no_error (error);

  g_assert_cmpstr (amends_customer_get_notes (mine), ==, "Loves cowboy boots");
  g_assert_cmpstr (amends_customer_get_email (mine), ==, "ed@example.com");
}

static gint64
stored_version (AmendsStore *store,
                gint64       id)
{
  g_autofree char *query = g_strdup_printf ("SELECT version FROM cases WHERE id = %" G_GINT64_FORMAT, id);

  return amends_test_store_query_int64 (store, query);
}

static void
test_every_change_counts_the_version (AmendsTestDb  *db,
                                      gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Room not ready", db->now);
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));
  g_autoptr(GError) error = NULL;
  gint64 version = stored_version (db->store, id);

  g_assert_cmpint (amends_record_get_version (AMENDS_RECORD (kase)), ==, version);

  amends_case_set_summary (kase, "Room not ready at 3 pm");
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_cmpint (stored_version (db->store, id), ==, version + 1);
  g_assert_cmpint (amends_record_get_version (AMENDS_RECORD (kase)), ==, version + 1);

  /* Saving nothing changes nothing. */
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_cmpint (stored_version (db->store, id), ==, version + 1);

  /* Writers that do not count it themselves: the trash, a tool. */
  g_assert_true (amends_store_trash_case (db->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_version (db->store, id), ==, version + 2);
  amends_test_store_exec (db->store, "UPDATE cases SET team = 'Lobby'");
  g_assert_cmpint (stored_version (db->store, id), ==, version + 3);
}

typedef struct
{
  GType  type;
  gint64 id;
  guint  n_seen;
  guint  n_committed;
} Seen;

static void
on_record_changed_cb (AmendsStore *store,
                      GType        type,
                      gint64       id,
                      Seen        *seen)
{
  if (type == seen->type && id == seen->id)
    seen->n_seen++;
}

static void
on_changes_committed_cb (AmendsStore *store,
                         Seen        *seen)
{
  seen->n_committed++;
}

static gboolean
give_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @seen has seen its record change, or a
 * generous time has passed (a limit to give up, not a measure). */
static void
wait_until_seen (Seen *seen)
{
  gboolean given_up = FALSE;
  guint source = g_timeout_add_seconds (GIVE_UP_S, give_up_cb, &given_up);

  while (seen->n_seen == 0 && !given_up)
    g_main_context_iteration (NULL, TRUE);

  if (!given_up)
    g_source_remove (source);
}

static void
test_others_commits_are_announced (AmendsTestDb  *db,
                                   gconstpointer  data)
{
  g_autoptr(AmendsCase) created = amends_test_add_case (db->store, "Room not ready", db->now);
  gint64 id = amends_record_get_id (AMENDS_RECORD (created));
  g_autoptr(AmendsStore) other = open_other (db);
  g_autoptr(AmendsCase) theirs = load (other, id);
  g_autoptr(AmendsCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { AMENDS_TYPE_CASE, id, 0, 0 };
  Seen customer_seen = { AMENDS_TYPE_CUSTOMER, 0, 0, 0 };

  g_signal_connect (db->store, "record-changed", G_CALLBACK (on_record_changed_cb), &seen);
  g_signal_connect (db->store, "changes-committed", G_CALLBACK (on_changes_committed_cb), &seen);

  g_object_set (theirs, "fix", "Moved them to room 412", NULL);
  g_assert_true (amends_store_update (other, AMENDS_RECORD (theirs), &error));
  g_assert_no_error (error);

  wait_until_seen (&seen);
  g_assert_cmpuint (seen.n_seen, ==, 1);
  g_assert_cmpuint (seen.n_committed, ==, 1);

  /* A record the other program added is announced too. */
  customer = amends_test_add_customer (other, "Edward Kaufmann", NULL);
  customer_seen.id = amends_record_get_id (AMENDS_RECORD (customer));
  g_signal_connect (db->store, "record-changed", G_CALLBACK (on_record_changed_cb), &customer_seen);
  wait_until_seen (&customer_seen);
  g_assert_cmpuint (customer_seen.n_seen, ==, 1);

  /* Our own change is announced once, when it commits, and not again
   * when we look for others'. */
  seen.n_seen = 0;
  amends_case_set_summary (created, "Room not ready at 3 pm");
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (created), &error));
  g_assert_cmpuint (seen.n_seen, ==, 1);
  amends_store_check_for_changes (db->store);
  g_assert_cmpuint (seen.n_seen, ==, 1);

  g_signal_handlers_disconnect_by_data (db->store, &seen);
  g_signal_handlers_disconnect_by_data (db->store, &customer_seen);
}

/* A change of theirs that commits while we wait for the write lock is
 * announced with our own change, not lost. */
static void
test_others_commit_before_ours_announced (AmendsTestDb  *db,
                                          gconstpointer  data)
{
  g_autoptr(AmendsCase) created = amends_test_add_case (db->store, "Room not ready", db->now);
  g_autoptr(AmendsCase) second = amends_test_add_case (db->store, "Cold soup", db->now);
  gint64 id = amends_record_get_id (AMENDS_RECORD (created));
  g_autoptr(AmendsStore) other = open_other (db);
  g_autoptr(AmendsCase) theirs = load (other, id);
  g_autoptr(GError) error = NULL;
  Seen seen = { AMENDS_TYPE_CASE, id, 0, 0 };

  g_signal_connect (db->store, "record-changed", G_CALLBACK (on_record_changed_cb), &seen);

  g_object_set (theirs, "fix", "Moved them to room 412", NULL);
  g_assert_true (amends_store_update (other, AMENDS_RECORD (theirs), &error));

  /* No main loop ran: our next transaction finds theirs first. */
  amends_case_set_summary (second, "Cold soup, twice");
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (second), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n_seen, ==, 1);

  amends_store_check_for_changes (db->store);
  g_assert_cmpuint (seen.n_seen, ==, 1);

  g_signal_handlers_disconnect_by_data (db->store, &seen);
}

#define ADD_DB_TEST(path, func) \
  g_test_add (path, AmendsTestDb, NULL, amends_test_db_setup, func, amends_test_db_teardown)

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--open-and-count"))
    return open_and_count (argv[2]);

  g_test_init (&argc, &argv, NULL);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_canonicalize_filename (argv[0], NULL);

  ADD_DB_TEST ("/concurrency/open/parallel-openers-wait-for-a-busy-database", test_parallel_openers_wait);
  g_test_add_func ("/concurrency/open/parallel-creators-share-one-file", test_parallel_creators_share_one_file);
  ADD_DB_TEST ("/concurrency/update/stale-copy-keeps-others-fields", test_stale_copy_keeps_others_fields);
  ADD_DB_TEST ("/concurrency/update/conflict-names-both-values-keep-mine", test_conflict_names_both_values);
  ADD_DB_TEST ("/concurrency/update/conflict-take-theirs", test_conflict_take_theirs);
  ADD_DB_TEST ("/concurrency/update/same-value-is-no-conflict", test_same_value_is_no_conflict);
  ADD_DB_TEST ("/concurrency/update/every-change-counts-the-version", test_every_change_counts_the_version);
  ADD_DB_TEST ("/concurrency/watch/others-commits-announced", test_others_commits_are_announced);
  ADD_DB_TEST ("/concurrency/watch/others-commit-before-ours-announced", test_others_commit_before_ours_announced);

  return g_test_run ();
}
