/* amends-desk.c: one desk of a shared database, as a process of its own
 *
 * test-desks and bench-desk-propagation run several of these on one
 * database (a file, or a PostgreSQL server) to check what issue 16
 * promises between desks: each is one AmendsStore in one process, as
 * each computer at a front desk runs one Amends.  It writes through the
 * store's own calls (amends_store_insert, amends_store_update), never
 * SQL, so that what is tested is what the window does.
 *
 * Usage: amends-desk LOCATION COMMAND ARGS...
 *
 *   log N PREFIX [--hold-until-file F]
 *       log N cases with summaries "PREFIX 1"…"PREFIX N", each in its
 *       own transaction; prints "ready" once the database is open, then
 *       "logged ID REFERENCE" for each
 *   edit CASE_ID FIELD VALUE [--hold-until-file F] [--retry-when-online]
 *        [--keep mine|theirs] [--decide-after-file F]
 *       load the case, set the text field FIELD to VALUE in memory, print
 *       "loaded ID version=V", wait for F if given (so that two desks can
 *       both read before either saves), then save with
 *       amends_store_update; prints "saved version=V t=MONOTONIC_US",
 *       "conflict FIELD mine=\"…\" theirs=\"…\"", "offline MESSAGE" or
 *       "error KIND MESSAGE".  --retry-when-online waits after an
 *       offline failure until the store says it is online again and saves
 *       the same record once more; --keep settles a conflict that way
 *       (after the file of --decide-after-file appears) and saves again.
 *   edit-each-line CASE_ID FIELD
 *       for each line read from standard input: load the case, set FIELD
 *       to the line, save; prints "saved version=V t=MONOTONIC_US" (or an
 *       error, as edit) for each
 *   watch CASE_ID [--count N] [--timeout SECONDS]
 *       run the main loop and print "changed ID t=MONOTONIC_US" each time
 *       the store signals ::record-changed for the case (another desk's
 *       commit), and "online 0" or "online 1" when that changes; prints
 *       "watching" once it listens.  Ends after N changes, or fails after
 *       SECONDS.
 *
 * The times are g_get_monotonic_time(), CLOCK_MONOTONIC: one clock for
 * every process of the machine, so that one desk's time can be taken
 * from another's.
 *
 * Exit status: 0 done, 1 usage, 2 the store did not open, 3 a conflict
 * (nothing saved), 4 offline (nothing saved), 5 another store error,
 * 6 gave up waiting (for a file, for the server, for a change).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#ifdef __linux__
# include <sys/prctl.h>
#endif

#include "amends-db.h"
#include "amends-store.h"

enum {
  EXIT_DONE = 0,
  EXIT_USAGE = 1,
  EXIT_NOT_OPEN = 2,
  EXIT_CONFLICT = 3,
  EXIT_OFFLINE = 4,
  EXIT_STORE_ERROR = 5,
  EXIT_GAVE_UP = 6,
};

/* How long a desk waits for a file, or for its server to come back,
 * before it gives up: a limit so that a broken test ends, not a measure. */
#define GIVE_UP_US (60 * G_USEC_PER_SEC)

static void G_GNUC_PRINTF (1, 2)
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

/* @text on one line: newlines, quotes and backslashes escaped as C does,
 * and everything else (UTF-8 included) as it is. */
static char *
one_line (const char *text)
{
  GString *line = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (line, "\\n");
      else if (*p == '"' || *p == '\\')
        g_string_append_printf (line, "\\%c", *p);
      else
        g_string_append_c (line, *p);
    }
  return g_string_free (line, FALSE);
}

static const char *
error_kind (const GError *error)
{
  static const char *const kinds[] = {
    [AMENDS_STORE_ERROR_NOT_A_DATABASE] = "not-a-database",
    [AMENDS_STORE_ERROR_TOO_NEW] = "too-new",
    [AMENDS_STORE_ERROR_CORRUPT] = "corrupt",
    [AMENDS_STORE_ERROR_READ_ONLY] = "read-only",
    [AMENDS_STORE_ERROR_DISK_FULL] = "disk-full",
    [AMENDS_STORE_ERROR_BUSY] = "busy",
    [AMENDS_STORE_ERROR_NOT_FOUND] = "not-found",
    [AMENDS_STORE_ERROR_INVALID] = "invalid",
    [AMENDS_STORE_ERROR_REFUSED] = "refused",
    [AMENDS_STORE_ERROR_CONFLICT] = "conflict",
    [AMENDS_STORE_ERROR_UNREADABLE] = "unreadable",
    [AMENDS_STORE_ERROR_FAILED] = "failed",
    [AMENDS_STORE_ERROR_OFFLINE] = "offline",
  };

  if (error->domain == AMENDS_STORE_ERROR &&
      error->code >= 0 && (gsize) error->code < G_N_ELEMENTS (kinds) &&
      kinds[error->code] != NULL)
    return kinds[error->code];
  return g_quark_to_string (error->domain);
}

/* One line, whatever the message holds. */
static int
say_error (const GError *error)
{
  g_autofree char *message = one_line (error->message);

  if (g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE))
    {
      say ("offline %s", message);
      return EXIT_OFFLINE;
    }
  say ("error %s %s", error_kind (error), message);
  return EXIT_STORE_ERROR;
}

static gboolean
parse_int64 (const char *text,
             gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, value, NULL);
}

/* Waits for @path to exist, keeping the store's main loop running as the
 * window's would (a server's notifications, its reconnection). */
static gboolean
wait_for_file (const char *path)
{
  gint64 give_up = g_get_monotonic_time () + GIVE_UP_US;

  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () > give_up)
        {
          say ("gave-up waiting for %s", path);
          return FALSE;
        }
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }

  return TRUE;
}

/* Runs the main loop until the store says it is online. */
static gboolean
wait_until_online (AmendsStore *store)
{
  gint64 give_up = g_get_monotonic_time () + GIVE_UP_US;

  while (!amends_store_get_online (store))
    {
      if (g_get_monotonic_time () > give_up)
        {
          say ("gave-up waiting for the server");
          return FALSE;
        }
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }

  return TRUE;
}

static int
run_log (AmendsStore  *store,
         int           argc,
         char        **argv)
{
  const char *hold = NULL;
  gint64 n;

  if (argc < 2 || !parse_int64 (argv[0], &n))
    return EXIT_USAGE;
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--hold-until-file") && i + 1 < argc)
        hold = argv[++i];
      else
        return EXIT_USAGE;
    }

  say ("ready");
  if (hold != NULL && !wait_for_file (hold))
    return EXIT_GAVE_UP;

  for (gint64 i = 1; i <= n; i++)
    {
      g_autoptr(AmendsCase) kase = amends_case_new ();
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GError) error = NULL;
      g_autofree char *summary = g_strdup_printf ("%s %" G_GINT64_FORMAT, argv[1], i);

      g_object_set (kase, "summary", summary, "occurred-at", now, NULL);
      if (!amends_store_insert (store, AMENDS_RECORD (kase), &error))
        return say_error (error);
      say ("logged %" G_GINT64_FORMAT " %s",
           amends_record_get_id (AMENDS_RECORD (kase)), amends_case_get_reference (kase));
    }

  return EXIT_DONE;
}

/* The text field @name of a case, or NULL (and a line) if there is none. */
static GParamSpec *
find_text_field (const char *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (AMENDS_TYPE_CASE);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);

  if (pspec == NULL || G_PARAM_SPEC_VALUE_TYPE (pspec) != G_TYPE_STRING)
    {
      say ("error usage a case has no text field “%s”", name);
      return NULL;
    }
  return pspec;
}

static AmendsCase *
load_case (AmendsStore  *store,
           gint64        id,
           GError      **error)
{
  return amends_store_load (store, AMENDS_TYPE_CASE, id, error);
}

static void
say_conflicts (AmendsCase *kase)
{
  GPtrArray *conflicts = amends_record_get_conflicts (AMENDS_RECORD (kase));

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      GParamSpec *pspec = conflicts->pdata[i];
      const GValue *mine = amends_record_peek_value (AMENDS_RECORD (kase), pspec);
      const GValue *theirs = amends_record_peek_their_value (AMENDS_RECORD (kase), pspec);
      g_autofree char *mine_text = NULL;
      g_autofree char *theirs_text = NULL;

      if (G_VALUE_HOLDS_STRING (mine) && G_VALUE_HOLDS_STRING (theirs))
        {
          mine_text = one_line (g_value_get_string (mine));
          theirs_text = one_line (g_value_get_string (theirs));
        }
      else
        {
          mine_text = g_strdup_value_contents (mine);
          theirs_text = g_strdup_value_contents (theirs);
        }
      say ("conflict %s mine=\"%s\" theirs=\"%s\"", pspec->name, mine_text, theirs_text);
    }
}

static void
say_saved (AmendsCase *kase,
           gint64      saved_at)
{
  say ("saved version=%" G_GINT64_FORMAT " t=%" G_GINT64_FORMAT,
       amends_record_get_version (AMENDS_RECORD (kase)), saved_at);
}

static int
run_edit (AmendsStore  *store,
          int           argc,
          char        **argv)
{
  const char *hold = NULL;
  const char *keep = NULL;
  const char *decide = NULL;
  gboolean retry_when_online = FALSE;
  gboolean settled = FALSE;
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  GParamSpec *pspec;
  gint64 id;

  if (argc < 3 || !parse_int64 (argv[0], &id))
    return EXIT_USAGE;
  for (int i = 3; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--hold-until-file") && i + 1 < argc)
        hold = argv[++i];
      else if (g_str_equal (argv[i], "--decide-after-file") && i + 1 < argc)
        decide = argv[++i];
      else if (g_str_equal (argv[i], "--keep") && i + 1 < argc &&
               (g_str_equal (argv[i + 1], "mine") || g_str_equal (argv[i + 1], "theirs")))
        keep = argv[++i];
      else if (g_str_equal (argv[i], "--retry-when-online"))
        retry_when_online = TRUE;
      else
        return EXIT_USAGE;
    }

  if ((pspec = find_text_field (argv[1])) == NULL)
    return EXIT_USAGE;

  if ((kase = load_case (store, id, &error)) == NULL)
    return say_error (error);
  g_object_set (kase, pspec->name, argv[2], NULL);
  say ("loaded %" G_GINT64_FORMAT " version=%" G_GINT64_FORMAT,
       id, amends_record_get_version (AMENDS_RECORD (kase)));

  if (hold != NULL && !wait_for_file (hold))
    return EXIT_GAVE_UP;

  for (;;)
    {
      if (amends_store_update (store, AMENDS_RECORD (kase), &error))
        {
          say_saved (kase, g_get_monotonic_time ());
          return EXIT_DONE;
        }

      if (g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT))
        {
          GPtrArray *conflicts = amends_record_get_conflicts (AMENDS_RECORD (kase));

          say_conflicts (kase);
          if (keep == NULL || settled)
            return EXIT_CONFLICT;
          if (decide != NULL && !wait_for_file (decide))
            return EXIT_GAVE_UP;
          /* Resolving removes the field from the list: the first each time. */
          while (conflicts != NULL && conflicts->len > 0)
            amends_record_resolve_conflict (AMENDS_RECORD (kase), conflicts->pdata[0],
                                            g_str_equal (keep, "mine"));
          settled = TRUE;
        }
      else if (g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE) &&
               retry_when_online)
        {
          say_error (error);
          if (!wait_until_online (store))
            return EXIT_GAVE_UP;
          say ("online 1");
        }
      else
        return say_error (error);

      g_clear_error (&error);
    }
}

static int
run_edit_each_line (AmendsStore  *store,
                    int           argc,
                    char        **argv)
{
  char line[4096];
  GParamSpec *pspec;
  gint64 id;

  if (argc != 2 || !parse_int64 (argv[0], &id))
    return EXIT_USAGE;
  if ((pspec = find_text_field (argv[1])) == NULL)
    return EXIT_USAGE;

  say ("ready");
  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_autoptr(AmendsCase) kase = NULL;
      g_autoptr(GError) error = NULL;

      line[strcspn (line, "\n")] = '\0';
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if ((kase = load_case (store, id, &error)) == NULL)
        return say_error (error);
      g_object_set (kase, pspec->name, line, NULL);
      if (!amends_store_update (store, AMENDS_RECORD (kase), &error))
        return say_error (error);
      say_saved (kase, g_get_monotonic_time ());
    }

  return EXIT_DONE;
}

typedef struct
{
  gint64     id;
  gint64     count;    /* 0: no end */
  gint64     seen;
  gboolean   given_up;
  GMainLoop *loop;
} Watch;

static void
on_record_changed_cb (AmendsStore *store,
                      GType        type,
                      gint64       id,
                      Watch       *watch)
{
  gint64 now = g_get_monotonic_time ();

  if (type != AMENDS_TYPE_CASE || id != watch->id)
    return;

  say ("changed %" G_GINT64_FORMAT " t=%" G_GINT64_FORMAT, id, now);
  if (watch->count > 0 && ++watch->seen >= watch->count)
    g_main_loop_quit (watch->loop);
}

static void
on_online_changed_cb (AmendsStore *store,
                      GParamSpec  *pspec,
                      Watch       *watch)
{
  say ("online %d", amends_store_get_online (store) ? 1 : 0);
}

static gboolean
give_up_cb (gpointer data)
{
  Watch *watch = data;

  watch->given_up = TRUE;
  g_main_loop_quit (watch->loop);
  return G_SOURCE_REMOVE;
}

static int
run_watch (AmendsStore  *store,
           int           argc,
           char        **argv)
{
  Watch watch = { 0 };
  gint64 timeout_s = 0;

  if (argc < 1 || !parse_int64 (argv[0], &watch.id))
    return EXIT_USAGE;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--count") && i + 1 < argc && parse_int64 (argv[i + 1], &watch.count))
        i++;
      else if (g_str_equal (argv[i], "--timeout") && i + 1 < argc && parse_int64 (argv[i + 1], &timeout_s))
        i++;
      else
        return EXIT_USAGE;
    }

  watch.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (store, "record-changed", G_CALLBACK (on_record_changed_cb), &watch);
  g_signal_connect (store, "notify::online", G_CALLBACK (on_online_changed_cb), &watch);
  if (timeout_s > 0)
    g_timeout_add_seconds ((guint) timeout_s, give_up_cb, &watch);

  say ("watching");
  g_main_loop_run (watch.loop);
  g_main_loop_unref (watch.loop);
  g_signal_handlers_disconnect_by_data (store, &watch);

  if (watch.given_up)
    {
      say ("gave-up after %" G_GINT64_FORMAT " s", timeout_s);
      return EXIT_GAVE_UP;
    }
  return EXIT_DONE;
}

static int
usage (void)
{
  g_printerr ("usage: amends-desk LOCATION log N PREFIX [--hold-until-file F]\n"
              "       amends-desk LOCATION edit CASE_ID FIELD VALUE [--hold-until-file F]\n"
              "                   [--retry-when-online] [--keep mine|theirs] [--decide-after-file F]\n"
              "       amends-desk LOCATION edit-each-line CASE_ID FIELD\n"
              "       amends-desk LOCATION watch CASE_ID [--count N] [--timeout SECONDS]\n");
  return EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;
  int status;

  setlocale (LC_ALL, "");

#ifdef __linux__
  /* A test that fails aborts without ending its desks: they end with it,
   * rather than wait on (and keep meson waiting for their output). */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif

  if (argc < 3)
    return usage ();
  command = argv[2];

  store = amends_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_autofree char *message = one_line (error->message);

      say ("error not-open %s", message);
      return EXIT_NOT_OPEN;
    }
  if (amends_db_location_is_server (argv[1]) && !amends_store_get_shared (store))
    {
      say ("error not-open %s was opened as a file, not on its server", argv[1]);
      return EXIT_NOT_OPEN;
    }

  if (g_str_equal (command, "log"))
    status = run_log (store, argc - 3, argv + 3);
  else if (g_str_equal (command, "edit"))
    status = run_edit (store, argc - 3, argv + 3);
  else if (g_str_equal (command, "edit-each-line"))
    status = run_edit_each_line (store, argc - 3, argv + 3);
  else if (g_str_equal (command, "watch"))
    status = run_watch (store, argc - 3, argv + 3);
  else
    status = EXIT_USAGE;

  if (status == EXIT_USAGE)
    return usage ();
  return status;
}
