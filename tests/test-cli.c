/* test-cli.c: the command line refuses what it cannot do honestly, and backs up and restores
 *
 * Each test runs the real `amends` binary in a process of its own, as a
 * script or a cron job would, and checks its exit status, what it says
 * and what it leaves on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "amends-backup.h"
#include "amends-store-stories.h"
#include "amends-test-utils.h"

typedef struct
{
  int   status;     /* the exit status; -1 when killed by a signal */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

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

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("amends said: %s%s", run->out, run->err);
}

static char *
write_csv (AmendsTestDb *db)
{
  g_autofree char *path = g_build_filename (db->dir, "cases.csv", NULL);

  g_assert_true (g_file_set_contents (path,
                                      "summary,occurred_at\n"
                                      "Cold soup at dinner,2026-11-16T19:00:00Z\n",
                                      -1, NULL));
  return g_steal_pointer (&path);
}

/* An empty --database is refused before anything else happens, not
 * taken as a temporary database that vanishes with the import. */
static void
test_empty_database_path (AmendsTestDb  *db,
                          gconstpointer  data)
{
  g_autofree char *csv = write_csv (db);
  g_auto(Run) run = { 0 };

  run_amends (&run, "--database", "", "--import-csv", csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--database needs the path of a database file"));
  g_assert_null (strstr (run.out, "imported"));
}

/* A database on a server: --backup names PostgreSQL's tools; the work
 * that goes through the store is tried on the server, and a server that
 * cannot be reached is one line on standard error and exit status 1.
 * Neither makes a file of the location's name. */
static void
test_server_database_says_what_it_can (AmendsTestDb  *db,
                                       gconstpointer  data)
{
  /* A socket folder where no server listens. */
  g_autofree char *uri = g_strdup_printf ("postgresql:///amends?host=%s", db->dir);
  g_autofree char *keywords = g_strdup_printf ("host=%s dbname=amends user=amends", db->dir);
  g_autofree char *backup = g_build_filename (db->dir, "backup.db", NULL);
  g_autofree char *pdf = g_build_filename (db->dir, "week.pdf", NULL);
  g_autofree char *csv = g_build_filename (db->dir, "out.csv", NULL);

  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", uri, "--backup", backup, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "pg_dump"));
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", uri, "--weekly-summary", "2026-W47", "--output", pdf, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "cannot be reached"));
    /* One line. */
    g_assert_nonnull (strchr (run.err, '\n'));
    g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test ("postgresql:", G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", keywords, "--export-csv", csv, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "cannot be reached"));
    g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test ("host=", G_FILE_TEST_EXISTS));
  }
}

/* A mistyped database path is not made into a new, empty database. */
static void
test_missing_database_needs_create (AmendsTestDb  *db,
                                    gconstpointer  data)
{
  g_autofree char *csv = write_csv (db);
  g_autofree char *missing = g_build_filename (db->dir, "typo.db", NULL);
  g_autofree char *out = g_build_filename (db->dir, "out.csv", NULL);

  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", missing, "--import-csv", csv, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "There is no database at"));
    g_assert_nonnull (strstr (run.err, "--create"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", missing, "--export-csv", out, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", missing, "--import-csv", csv, "--create", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "1 case imported"));
    g_assert_true (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

/* The last week GDateTime can follow is refused in words, not a crash. */
static void
test_week_out_of_range (AmendsTestDb  *db,
                        gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (db->dir, "far.pdf", NULL);
  g_auto(Run) run = { 0 };

  run_amends (&run, "--database", db->path, "--weekly-summary", "9999-W52", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is not a week"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* --backup writes a private, checked copy; --restore puts it back and
 * keeps the database as it was. */
static void
test_backup_and_restore (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (db->dir, "monday.db", NULL);
  g_autofree char *junk = g_build_filename (db->dir, "junk.db", NULL);
  GStatBuf st;

  g_object_unref (amends_test_add_case (db->store, "Cold soup", NULL));
  g_clear_object (&db->store);

  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--backup", backup, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (g_stat (backup, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_true (amends_backup_check (backup, NULL));
  }

  db->store = amends_store_open (db->path, NULL);
  g_object_unref (amends_test_add_case (db->store, "Wrong bill", NULL));
  g_clear_object (&db->store);

  /* Not a backup: refused, and the database is as it was. */
  g_assert_true (g_file_set_contents (junk, "hello", -1, NULL));
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--restore", junk, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "is not a backup"));
  }
  db->store = amends_store_open (db->path, NULL);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 2);
  g_clear_object (&db->store);

  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--restore", backup, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "kept in"));
  }
  db->store = amends_store_open (db->path, NULL);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 1);
}

/* The weekly summary does not wait for the integrity check; a damaged
 * page it reads is still said, and no PDF is left half written. */
static void
test_summary_of_damaged (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autofree char *damaged = amends_test_make_damaged_db (db->dir);
  g_autofree char *pdf = g_build_filename (db->dir, "summary.pdf", NULL);
  Run run = { 0 };

  run_amends (&run, "--database", damaged, "--weekly-summary", "2026-W47", "--output", pdf, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "damaged"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

/* A damaged database takes no import, and is left exactly as it was. */
static void
test_import_refuses_damaged (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autofree char *csv = write_csv (db);
  g_autofree char *damaged = amends_test_make_damaged_db (db->dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_get_contents (damaged, &before, &before_length, NULL));
  run_amends (&run, "--database", damaged, "--import-csv", csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "damaged"));
  g_assert_null (strstr (run.out, "imported"));

  g_assert_true (g_file_get_contents (damaged, &after, &after_length, NULL));
  g_assert_cmpuint (after_length, ==, before_length);
  g_assert_true (memcmp (before, after, before_length) == 0);
}

/* Our own export imported again adds nothing, and says so; --update
 * updates instead. Dates the file does not explain are asked for. */
static void
test_import_again_and_dates (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (db->dir, "export.csv", NULL);
  g_autofree char *dates = g_build_filename (db->dir, "dates.csv", NULL);

  g_object_unref (amends_test_add_case (db->store, "Cold soup", NULL));
  g_clear_object (&db->store);

  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--export-csv", csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--import-csv", csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "0 cases imported"));
    g_assert_nonnull (strstr (run.out, "1 case already here left as it was"));
  }
  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--import-csv", csv, "--update", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "1 case already here updated"));
  }

  g_assert_true (g_file_set_contents (dates, "summary,occurred_at\nLate taxi,01/02/2026 10:00\n", -1, NULL));
  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--import-csv", dates, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "--date-order"));
  }
  {
    g_auto(Run) run = { 0 };
    run_amends (&run, "--database", db->path, "--import-csv", dates, "--date-order", "day-first", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "1 case imported"));
  }

  db->store = amends_store_open (db->path, NULL);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 2);
}


/* Three cases of Q4 2025 and one of the new year, worked by hand:
 *
 *   a  Fri 10 Oct 10:00   recovered 2 h later, blown away     in time
 *   b  Thu 20 Nov 09:00   recovered 30 h later, satisfied     late
 *   c  Wed 31 Dec 23:00   still open, nobody's                missed (past due now);
 *                                                              open, not yet due, at the year's end
 *   d  Thu 1 Jan 01:00    still open                          the next quarter's
 *
 * Each is logged as it happens. */
static void
add_quarter_case (AmendsTestDb   *db,
                  const char     *summary,
                  const char     *occurred_at,
                  int             hours_to_recovery,
                  AmendsReaction  reaction)
{
  g_autoptr(GDateTime) occurred = amends_test_time (occurred_at);
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GError) error = NULL;

  amends_store_set_fixed_now (db->store, occurred);
  g_object_set (kase, "summary", summary, "occurred-at", occurred, NULL);
  if (hours_to_recovery >= 0)
    {
      g_autoptr(GDateTime) recovered = g_date_time_add_hours (occurred, hours_to_recovery);

      g_object_set (kase, "status", AMENDS_CASE_STATUS_RECOVERED, "recovered-at", recovered,
                    "fix", "Put right", "reaction", reaction, NULL);
    }
  g_assert_true (amends_store_insert (db->store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);
}

static void
add_quarter (AmendsTestDb *db)
{
  add_quarter_case (db, "Cold soup", "2025-10-10T10:00:00Z", 2, AMENDS_REACTION_BLOWN_AWAY);
  add_quarter_case (db, "Lost key card", "2025-11-20T09:00:00Z", 30, AMENDS_REACTION_SATISFIED);
  add_quarter_case (db, "Fireworks noise", "2025-12-31T23:00:00Z", -1, AMENDS_REACTION_UNKNOWN);
  add_quarter_case (db, "No hot water", "2026-01-01T01:00:00Z", -1, AMENDS_REACTION_UNKNOWN);
  g_clear_object (&db->store);
}

static gboolean
has_pdftotext (void)
{
  g_autofree char *found = g_find_program_in_path ("pdftotext");

  return found != NULL;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* --summary FROM..TO writes the summary of the days given, titled with
 * the period, and its measures as CSV. */
static void
test_summary_of_a_range (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (db->dir, "q4.pdf", NULL);
  g_autofree char *csv = g_build_filename (db->dir, "q4.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };

  if (!has_pdftotext ())
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  add_quarter (db);
  run_amends (&run, "--database", db->path, "--summary", "2025-10-01..2025-12-31",
              "-o", pdf, "--csv", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Summary — Quarter 4, 2025"));
  g_assert_nonnull (strstr (text, "1 October – 31 December 2025"));
  g_assert_null (strstr (text, "Weekly summary"));
  /* Its weeks, the first from Wednesday 1 October, the last to the 31st. */
  g_assert_nonnull (strstr (text, "Week by week"));
  g_assert_nonnull (strstr (text, "W40"));
  g_assert_nonnull (strstr (text, "W1"));

  g_assert_true (g_file_get_contents (csv, &table, NULL, NULL));
  lines = g_strsplit (table, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "table,name,from,to,cases,recovered_in_time,"));
  /* a, b, c: 1 in time of 3 (c past due now); 1 blown away of 2; none
   * noticed by staff; c open and unowned at the end, not yet due then;
   * times 2 h and 30 h: median 16 h, 90th percentile 30 h. */
  g_assert_cmpstr (lines[1], ==,
                   "period,\"Quarter 4, 2025\",2025-10-01,2025-12-31,3,1,3,0.3333,1,2,0.5000,0,0.0000,"
                   "0,2,0,1,0,1,16.00,30.00,0.00,0");
  g_assert_true (g_str_has_prefix (lines[2], "owner,Unowned,2025-10-01,2025-12-31,3,1,3,0.3333,"));
  g_assert_true (g_str_has_prefix (lines[3], "team,No team,2025-10-01,2025-12-31,3,"));
  g_assert_true (g_str_has_prefix (lines[4], "category,No category,2025-10-01,2025-12-31,3,"));
  g_assert_cmpstr (lines[5], ==, "");
}

/* A month and a quarter by name; the month's title says the month. */
static void
test_summary_of_a_month (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (db->dir, "nov.pdf", NULL);
  g_autofree char *csv = g_build_filename (db->dir, "q4.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *table = NULL;

  if (!has_pdftotext ())
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  add_quarter (db);
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--summary", "2025-11", "-o", pdf, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Summary — November 2025"));
    g_assert_nonnull (strstr (text, "1–30 November 2025"));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--summary", "2025-Q4", "--csv", csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &table, NULL, NULL));
    g_assert_nonnull (strstr (table, "\r\nperiod,\"Quarter 4, 2025\",2025-10-01,2025-12-31,3,"));
  }
}

/* A bad range is refused in one line on standard error, exit status 1,
 * and nothing is written. */
static void
test_summary_bad_ranges (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (db->dir, "bad.pdf", NULL);
  const struct { const char *period; const char *said; } cases[] = {
    { "2025-12-31..2025-10-01", "amends: The period ends on 1 October 2025, before it begins on 31 December 2025.\n" },
    { "2025-02-30..2025-03-31", "amends: “2025-02-30” is not a date: write it as YYYY-MM-DD, such as 2026-10-01.\n" },
    { "2025-10-01..2025-13-01", "amends: “2025-13-01” is not a date: write it as YYYY-MM-DD, such as 2026-10-01.\n" },
    { "last quarter", NULL },
    { "2025-Q5", NULL },
  };

  g_clear_object (&db->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_amends (&run, "--database", db->path, "--summary", cases[i].period, "-o", pdf, NULL);
      g_assert_cmpint (run.status, ==, 1);
      if (cases[i].said != NULL)
        g_assert_cmpstr (run.err, ==, cases[i].said);
      else
        g_assert_true (g_str_has_prefix (run.err, "amends: “"));
      /* One line. */
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  {
    g_auto(Run) run = { 0 };

    /* Nothing to write. */
    run_amends (&run, "--database", db->path, "--summary", "2025-Q4", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "amends: --summary needs --output"));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--csv", pdf, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "amends: --csv goes with --summary.\n");
  }
}

/* `amends --training-pack -o FILE.pdf` and `--staff-record NAME`: the
 * stories marked for training, and a person's record, without a window. */
static void
test_training_pack_and_staff_record (AmendsTestDb  *db,
                                     gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada Moreau");
  g_autoptr(GDateTime) occurred = amends_test_time ("2026-11-16T09:00:00Z");
  g_autoptr(GDateTime) recovered = amends_test_time ("2026-11-16T10:00:00Z");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Only one lapel pin", occurred);
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pack = g_build_filename (db->dir, "pack.pdf", NULL);
  g_autofree char *record = g_build_filename (db->dir, "record.pdf", NULL);
  g_autofree char *text = NULL;

  g_object_set (kase, "recovered-at", recovered, "status", AMENDS_CASE_STATUS_RECOVERED,
                "fix", "Two more pins", "owner-id", amends_record_get_id (AMENDS_RECORD (ada)),
                "rule-bent", TRUE, "bent-rule", "One pin per participant", NULL);
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);
  story = amends_store_propose_story (db->store, amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
  g_object_set (story, "stage", AMENDS_STORY_STAGE_TOLD, "told-at", recovered, "training", TRUE, NULL);
  amends_store_update (db->store, AMENDS_RECORD (story), &error);
  g_assert_no_error (error);

  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--training-pack", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "--training-pack needs --output"));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--training-pack", "-o", pack, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_text (pack);
    g_assert_nonnull (strstr (text, "Training Pack"));
    g_assert_nonnull (strstr (text, "1 story"));
    g_assert_nonnull (strstr (text, "Two more pins"));
    g_clear_pointer (&text, g_free);
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--staff-record", "Nobody", "-o", record, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "Nobody called “Nobody” is on the staff."));
  }
  {
    g_auto(Run) run = { 0 };

    run_amends (&run, "--database", db->path, "--staff-record", "ada moreau",
                "--from", "2026-11-01", "--to", "2026-11-30", "-o", record, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_text (record);
    g_assert_nonnull (strstr (text, "Ada Moreau"));
    g_assert_nonnull (strstr (text, "1 November 2026 – 30 November 2026"));
    g_assert_nonnull (strstr (text, "One pin per participant"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The days of the periods, in the command line's zone too. */
  g_setenv ("TZ", "UTC", TRUE);

#define DB_TEST(path, func) \
  g_test_add (path, AmendsTestDb, NULL, amends_test_db_setup, func, amends_test_db_teardown)

  DB_TEST ("/cli/empty-database-path-is-refused-first", test_empty_database_path);
  DB_TEST ("/cli/missing-database-needs-create", test_missing_database_needs_create);
  DB_TEST ("/cli/server-database-says-what-it-can", test_server_database_says_what_it_can);
  DB_TEST ("/cli/week-out-of-range-is-refused", test_week_out_of_range);
  DB_TEST ("/cli/backup-and-restore", test_backup_and_restore);
  DB_TEST ("/cli/import-refuses-damaged-database", test_import_refuses_damaged);
  DB_TEST ("/cli/summary-of-damaged-database", test_summary_of_damaged);
  DB_TEST ("/cli/import-again-and-ambiguous-dates", test_import_again_and_dates);
  DB_TEST ("/cli/summary-of-a-range", test_summary_of_a_range);
  DB_TEST ("/cli/summary-of-a-month-and-a-quarter", test_summary_of_a_month);
  DB_TEST ("/cli/summary-bad-ranges", test_summary_bad_ranges);
  DB_TEST ("/cli/training-pack-and-staff-record", test_training_pack_and_staff_record);

  return g_test_run ();
}
