/* test-cli-server.c: the command line's work on a database on a PostgreSQL server (issue 16)
 *
 * The real `amends` binary, in a process of its own, with --database
 * naming the private server that tests/pg-cluster starts for this
 * program (AMENDS_TEST_PG): cases imported from CSV are there to export
 * and in the weekly summary, as on a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "amends-test-utils.h"

static int
run_amends (char       **err,
            const char  *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) AMENDS_BIN);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("amends said: %s%s", out, *err);

  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_import_export_and_summary (void)
{
  const char *location = amends_test_server_location ();
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *in = g_build_filename (dir, "in.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *pdf = g_build_filename (dir, "week.pdf", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *exported = NULL;

  if (location == NULL)
    {
      amends_test_skip_no_server ();
      return;
    }

  g_assert_true (g_file_set_contents (in,
                                      "summary,occurred_at\n"
                                      "Cold soup at dinner,2026-11-16T19:00:00Z\n"
                                      "Noisy room 214,2026-11-17T23:30:00Z\n",
                                      -1, NULL));
  {
    g_autofree char *err = NULL;

    g_autoptr(AmendsDb) db = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) here = NULL;

    g_assert_cmpint (run_amends (&err, "--database", location, "--import-csv", in, NULL), ==, 0);

    /* On the server, not in a file named after it. */
    db = amends_db_open (location, &error);
    g_assert_no_error (error);
    g_assert_cmpint (amends_test_db_query_int64 (db, "SELECT COUNT(*) FROM cases"), ==, 2);
    here = g_dir_open (".", 0, &error);
    g_assert_no_error (error);
    g_assert_null (g_dir_read_name (here));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_amends (&err, "--database", location, "--export-csv", out, NULL), ==, 0);
    g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
    g_assert_nonnull (strstr (exported, "Cold soup at dinner"));
    g_assert_nonnull (strstr (exported, "Noisy room 214"));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_amends (&err, "--database", location, "--weekly-summary", "2026-W47",
                                 "--output", pdf, NULL), ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_amends (&err, "--database", location, "--backup", backup, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "pg_dump"));
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }

  amends_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work = NULL;

  g_test_init (&argc, &argv, NULL);
  amends_test_server_location ();

  /* Whatever an older store made of a location it took for a file's
   * name stays in a folder of its own. */
  work = amends_test_make_dir ();
  g_assert_cmpint (g_chdir (work), ==, 0);

  g_test_add_func ("/cli/server/import-export-and-summary", test_import_export_and_summary);

  return g_test_run ();
}
