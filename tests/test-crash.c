/* test-crash.c: a writer killed at any moment loses no acknowledged change
 *
 * A child process writes batches of five cases, each batch in one
 * transaction, and says on its standard output which batch it has just
 * committed.  The test kills it with SIGKILL after a random moment, again
 * and again, and after each kill opens the file as the next start would:
 * it must be whole (integrity_check), hold every batch the writer said it
 * had committed, and no batch in part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>

#include "amends-test-utils.h"

#define N_KILLS     50
#define BATCH_SIZE  5

/* The child: writes until it is killed. */
static int
run_writer (const char *path)
{
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = amends_store_open (path, &error)))
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  /* Numbered on from what is in the file, so every batch is unique. */
  for (guint batch = (guint) amends_store_count_cases (store, NULL) / BATCH_SIZE + 1; ; batch++)
    {
      if (!amends_store_begin (store, &error))
        break;
      for (guint item = 0; item < BATCH_SIZE; item++)
        {
          g_autoptr(AmendsCase) kase = amends_case_new ();
          g_autofree char *summary = g_strdup_printf ("batch %u item %u", batch, item);

          g_object_set (kase, "summary", summary, NULL);
          if (!amends_store_insert (store, AMENDS_RECORD (kase), &error))
            break;
        }
      if (error != NULL || !amends_store_commit (store, &error))
        break;

      /* Only now is the batch acknowledged. */
      printf ("%u\n", batch);
      fflush (stdout);
    }

  g_printerr ("writer: %s\n", error->message);
  return 1;
}

/* The batches in the file: how many cases each has. */
static GHashTable *
read_batches (const char *path,
              guint      *n_cases)
{
  GHashTable *batches = g_hash_table_new (g_direct_hash, g_direct_equal);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *integrity = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  integrity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (integrity, ==, "ok");
  g_free (integrity);

  *n_cases = 0;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT summary FROM cases", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint batch = 0, item = 0;
      gpointer count;

      g_assert_cmpint (sscanf ((const char *) sqlite3_column_text (stmt, 0), "batch %u item %u", &batch, &item), ==, 2);
      count = g_hash_table_lookup (batches, GUINT_TO_POINTER (batch));
      g_hash_table_insert (batches, GUINT_TO_POINTER (batch), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      (*n_cases)++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return batches;
}

/* Reads the child's output until it has acknowledged a first batch, so
 * that the kill lands among writes whatever the machine's speed. */
static void
wait_for_first_ack (int      fd,
                    GString *out)
{
  char buffer[256];
  ssize_t n;

  while (strchr (out->str, '\n') == NULL && (n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
}

static guint
last_acknowledged (int      fd,
                   GString *out)
{
  char buffer[4096];
  ssize_t n;
  guint last = 0;
  const char *line;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);

  /* The last whole line: a kill can cut the one after it. */
  for (line = out->str; *line != '\0'; )
    {
      const char *end = strchr (line, '\n');

      if (end == NULL)
        break;
      last = (guint) g_ascii_strtoull (line, NULL, 10);
      line = end + 1;
    }

  return last;
}

static void
test_kills (void)
{
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "kills.db", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  guint n_acknowledged_kills = 0;
  guint last_batch = 0;

  /* Made before the first kill: this test is about writes, not creation. */
  {
    g_autoptr(AmendsStore) store = amends_store_open (path, NULL);
    g_assert_nonnull (store);
  }

  for (guint kill_no = 0; kill_no < N_KILLS; kill_no++)
    {
      const char *argv[] = { self, "--writer", path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) batches = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      GHashTableIter iter;
      gpointer key, value;
      GPid pid;
      int out_fd;
      int status;
      guint acknowledged;
      guint n_cases;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      /* Four kills in five land among the writes, a moment after the
       * first batch; the fifth anywhere, opening included. */
      if (kill_no % 5 != 4)
        wait_for_first_ack (out_fd, out);
      g_usleep (g_test_rand_int_range (0, 40000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);

      acknowledged = last_acknowledged (out_fd, out);
      close (out_fd);

      /* The file is whole; every batch in it is whole; and every batch
       * acknowledged is there. */
      batches = read_batches (path, &n_cases);
      g_hash_table_iter_init (&iter, batches);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, BATCH_SIZE);
      for (guint b = 1; b <= acknowledged; b++)
        g_assert_true (g_hash_table_contains (batches, GUINT_TO_POINTER (b)));
      /* Batches follow one another: 1 to the last, no gap. */
      g_assert_cmpuint (g_hash_table_size (batches), ==, n_cases / BATCH_SIZE);
      for (guint b = 1; b <= n_cases / BATCH_SIZE; b++)
        g_assert_true (g_hash_table_contains (batches, GUINT_TO_POINTER (b)));
      if (acknowledged > 0)
        n_acknowledged_kills++;
      last_batch = n_cases / BATCH_SIZE;
    }

  g_test_message ("%u kills, %u of them after at least one acknowledged batch; %u batches in the file at the end",
                  N_KILLS, n_acknowledged_kills, last_batch);
  /* The kills must land among writes, or the test proves nothing. */
  g_assert_cmpuint (n_acknowledged_kills, >=, N_KILLS * 4 / 5);
  amends_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/sigkill-loses-no-acknowledged-batch", test_kills);

  return g_test_run ();
}
