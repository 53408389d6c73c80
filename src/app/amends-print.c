/* amends-print.c: the weekly summary through the print dialog
 *
 * A thin GtkPrintOperation around the report's renderer: begin-print lays
 * the report out on the paper the user chose, draw-page draws one page.
 * The command line writes its PDF with the very same functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-print"

#include "config.h"

#include "amends-print.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "amends-cli.h"
#include "amends-period.h"
#include "amends-store-measures.h"
#include "report/amends-report.h"

typedef struct
{
  GtkWindow    *parent;      /* weak: the dialog may outlive the window */
  AmendsReport *report;
  GError       *error;       /* from laying out, shown when the run is done */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->report);
  g_clear_error (&job->error);
  g_free (job);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       _("Could Not Print the Summary"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  g_clear_error (&job->error);
  if (!amends_report_layout (job->report, cr,
                             gtk_print_context_get_width (context),
                             gtk_print_context_get_height (context),
                             &job->error))
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, amends_report_get_n_pages (job->report));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  if (page_nr < 0 || (guint) page_nr >= amends_report_get_n_pages (job->report))
    return;

  amends_report_draw_page (job->report, gtk_print_context_get_cairo_context (context),
                           (guint) page_nr);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (job->error != NULL)
    show_error (job->parent, job->error);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (job->parent, error);
    }
}

/**
 * amends_print_operation_new:
 * @store: the database
 * @week: any moment in the week to print, in the zone whose weeks count
 *
 * Builds the print operation for the weekly summary of @week; see
 * amends_print_operation_new_for_period().
 *
 * Returns: (transfer full): a new print operation
 */
GtkPrintOperation *
amends_print_operation_new (AmendsStore *store,
                            GDateTime   *week)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(AmendsPeriod) period = NULL;

  g_return_val_if_fail (week != NULL, NULL);

  start = amends_iso_week_start (week);
  until = g_date_time_add_weeks (start, 1);
  period = amends_period_new_full (AMENDS_PERIOD_WEEK, start, until);

  return amends_print_operation_new_for_period (store, period);
}

/**
 * amends_print_operation_new_for_period:
 * @store: the database
 * @period: a week, a month, a quarter or any days
 *
 * Builds the print operation for the summary of @period, with its job
 * name, the file name offered for printing to a file, and the report
 * that draws its pages; amends_print_operation_run() runs it.
 *
 * Returns: (transfer full): a new print operation
 */
GtkPrintOperation *
amends_print_operation_new_for_period (AmendsStore  *store,
                                       AmendsPeriod *period)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_auto(AmendsReportOptions) options = { 0 };
  g_autofree char *job_name = NULL;
  g_autofree char *basename = NULL;
  PrintJob *job;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (AMENDS_IS_PERIOD (period), NULL);

  amends_cli_load_report_options (&options);

  job = g_new0 (PrintJob, 1);
  job->report = amends_report_new_for_period (store, period, &options);

  if (amends_period_get_kind (period) == AMENDS_PERIOD_WEEK)
    {
      g_autofree char *week_name = amends_iso_week_format (amends_period_get_from (period));

      /* Translators: the name of the print job, as the printer's queue lists
       * it; %s is the week, "2026-W47" */
      job_name = g_strdup_printf (_("Weekly summary %s"), week_name);
      /* Translators: the file name offered when printing to a file, without
       * ".pdf"; %s is the week, "2026-W47" */
      basename = g_strdup_printf (_("weekly-summary-%s"), week_name);
    }
  else
    {
      g_autoptr(GDateTime) last = g_date_time_add_seconds (amends_period_get_until (period), -1);
      g_autofree char *from = g_date_time_format (amends_period_get_from (period), "%Y-%m-%d");
      g_autofree char *to = g_date_time_format (last, "%Y-%m-%d");

      job_name = amends_report_dup_title (job->report);
      /* Translators: the file name offered when printing the summary of a
       * month, a quarter or any days to a file, without ".pdf"; the %s are
       * its first and last days */
      basename = g_strdup_printf (_("summary-%s-%s"), from, to);
    }

  settings = gtk_print_settings_new ();
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The report keeps its own margins, the same as in the PDF export. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), job);
  /* The job lives as long as the operation, whether it is run or not. */
  g_object_set_data_full (G_OBJECT (operation), "amends-print-job", job,
                          (GDestroyNotify) print_job_free);

  return g_steal_pointer (&operation);
}

/**
 * amends_print_operation_run:
 * @operation: from amends_print_operation_new()
 * @parent: (nullable): the window the dialogs belong to
 *
 * Opens the print dialog, with page setup and preview.  Returns at once;
 * errors are shown in a dialog.
 */
void
amends_print_operation_run (GtkPrintOperation *operation,
                            GtkWindow         *parent)
{
  PrintJob *job;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  job = g_object_get_data (G_OBJECT (operation), "amends-print-job");
  g_return_if_fail (job != NULL);
  g_set_weak_pointer (&job->parent, parent);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, error);
}

/**
 * amends_print_weekly_summary:
 * @parent: (nullable): the window the dialogs belong to
 * @store: the database
 * @week: any moment in the week to print
 *
 * Opens the print dialog for the weekly summary of @week.  Returns at
 * once; errors are shown in a dialog.
 */
void
amends_print_weekly_summary (GtkWindow   *parent,
                             AmendsStore *store,
                             GDateTime   *week)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (AMENDS_IS_STORE (store));
  g_return_if_fail (week != NULL);

  operation = amends_print_operation_new (store, week);
  amends_print_operation_run (operation, parent);
}

/**
 * amends_print_summary:
 * @parent: (nullable): the window the dialogs belong to
 * @store: the database
 * @period: the period to print
 *
 * Opens the print dialog for the summary of @period.  Returns at once;
 * errors are shown in a dialog.
 */
void
amends_print_summary (GtkWindow    *parent,
                      AmendsStore  *store,
                      AmendsPeriod *period)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (AMENDS_IS_STORE (store));
  g_return_if_fail (AMENDS_IS_PERIOD (period));

  operation = amends_print_operation_new_for_period (store, period);
  amends_print_operation_run (operation, parent);
}
