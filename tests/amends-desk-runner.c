/* amends-desk-runner.c: desks as processes, for test-desks and the bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "amends-desk-runner.h"

struct _AmendsDeskRun
{
  GSubprocess      *process;
  GDataInputStream *out;
  GOutputStream    *in;
};

AmendsDeskRun *
amends_desk_run_spawnv (const char         *desk_bin,
                        const char         *location,
                        gboolean            with_stdin,
                        const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  AmendsDeskRun *desk = g_new0 (AmendsDeskRun, 1);
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE;

  g_ptr_array_add (argv, (char *) desk_bin);
  g_ptr_array_add (argv, (char *) location);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (with_stdin)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  desk->process = g_subprocess_newv ((const char * const *) argv->pdata, flags, &error);
  g_assert_no_error (error);
  desk->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (desk->process));
  if (with_stdin)
    desk->in = g_object_ref (g_subprocess_get_stdin_pipe (desk->process));

  return desk;
}

/* amends-desk LOCATION ARGS…, standard output to be read with
 * amends_desk_run_read_line(); standard error goes where the caller's
 * goes (the test's log). */
AmendsDeskRun *
amends_desk_run_spawn (const char *desk_bin,
                       const char *location,
                       gboolean    with_stdin,
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

  return amends_desk_run_spawnv (desk_bin, location, with_stdin, (const char * const *) args->pdata);
}

typedef struct
{
  gboolean  done;
  char     *line;
} LineRead;

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  LineRead *read = data;

  read->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, NULL);
  read->done = TRUE;
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @source is done or @cancellable cancelled
 * after @timeout_ms; *@done is set by @source's callback. */
static void
iterate_until (gboolean     *done,
               GCancellable *cancellable,
               guint         timeout_ms)
{
  GSource *timeout = g_timeout_source_new (timeout_ms);

  g_source_set_callback (timeout, cancel_cb, g_object_ref (cancellable), g_object_unref);
  g_source_attach (timeout, NULL);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);

  g_source_destroy (timeout);
  g_source_unref (timeout);
}

/**
 * amends_desk_run_read_line:
 *
 * The desk's next line of output, waiting at most @timeout_ms for it.
 *
 * Returns: (transfer full) (nullable): the line without its newline, or
 *   %NULL at the end of the output or when the time ran out
 */
char *
amends_desk_run_read_line (AmendsDeskRun *desk,
                           guint          timeout_ms)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  LineRead read = { FALSE, NULL };

  g_data_input_stream_read_line_async (desk->out, G_PRIORITY_DEFAULT, cancellable, line_read_cb, &read);
  iterate_until (&read.done, cancellable, timeout_ms);

  return read.line;
}

gboolean
amends_desk_run_write_line (AmendsDeskRun *desk,
                            const char    *line)
{
  g_autofree char *text = g_strconcat (line, "\n", NULL);

  return g_output_stream_write_all (desk->in, text, strlen (text), NULL, NULL, NULL) &&
         g_output_stream_flush (desk->in, NULL, NULL);
}

void
amends_desk_run_close_stdin (AmendsDeskRun *desk)
{
  if (desk->in != NULL)
    g_output_stream_close (desk->in, NULL, NULL);
}

typedef struct
{
  gboolean done;
} Waited;

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Waited *waited = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  waited->done = TRUE;
}

/**
 * amends_desk_run_wait:
 *
 * Waits at most @timeout_ms for the desk to end, and ends it if it did
 * not.
 *
 * Returns: its exit status; -1 if it had to be ended or was killed
 */
int
amends_desk_run_wait (AmendsDeskRun *desk,
                      guint          timeout_ms)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Waited waited = { FALSE };

  g_subprocess_wait_async (desk->process, cancellable, waited_cb, &waited);
  iterate_until (&waited.done, cancellable, timeout_ms);

  if (g_cancellable_is_cancelled (cancellable) || !g_subprocess_get_if_exited (desk->process))
    {
      g_subprocess_force_exit (desk->process);
      g_subprocess_wait (desk->process, NULL, NULL);
      return -1;
    }

  return g_subprocess_get_exit_status (desk->process);
}

void
amends_desk_run_free (AmendsDeskRun *desk)
{
  if (desk == NULL)
    return;

  /* A desk still running is a test that failed: it must not outlive it. */
  if (g_subprocess_get_identifier (desk->process) != NULL)
    {
      g_subprocess_force_exit (desk->process);
      g_subprocess_wait (desk->process, NULL, NULL);
    }
  g_clear_object (&desk->in);
  g_clear_object (&desk->out);
  g_clear_object (&desk->process);
  g_free (desk);
}

/* The monotonic time a desk printed as " t=US", or -1. */
gint64
amends_desk_line_time (const char *line)
{
  const char *t = line != NULL ? strstr (line, " t=") : NULL;
  gint64 value;

  if (t == NULL || !g_ascii_string_to_signed (t + 3, 10, 0, G_MAXINT64, &value, NULL))
    return -1;
  return value;
}

void
amends_touch_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
}
