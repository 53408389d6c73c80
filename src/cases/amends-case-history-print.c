/* amends-case-history-print.c: a case's history, printed as it is shown
 *
 * A thin GtkPrintOperation around the history's renderer
 * (amends-report-history.c), as amends-print.c is around the weekly
 * summary's: begin-print lays out what the list shows now on the paper
 * chosen, draw-page draws one page.  Exporting to a PDF runs the same
 * job without the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-history"

#include "config.h"

#include "amends-case-history-private.h"

#include <glib/gi18n.h>

#include "amends-history-entry.h"
#include "report/amends-report-history.h"

static void
on_begin_print_cb (GtkPrintOperation   *operation,
                   GtkPrintContext     *context,
                   AmendsReportHistory *report)
{
  amends_report_history_layout (report, gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, amends_report_history_get_n_pages (report));
}

static void
on_draw_page_cb (GtkPrintOperation   *operation,
                 GtkPrintContext     *context,
                 int                  page_nr,
                 AmendsReportHistory *report)
{
  if (page_nr < 0 || (guint) page_nr >= amends_report_history_get_n_pages (report))
    return;

  amends_report_history_draw_page (report, gtk_print_context_get_cairo_context (context), page_nr);
}

/* The print job of what is shown now, whatever the list does while the
 * dialog is open, with every text whole. */
static GtkPrintOperation *
create_print_operation (AmendsCaseHistory *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GListStore) snapshot = g_list_store_new (AMENDS_TYPE_HISTORY_ENTRY);
  g_autoptr(AmendsReportHistory) report = NULL;
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  const char *title = self->title ? self->title : _("History");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) entry = g_list_model_get_item (G_LIST_MODEL (self->shown), i);
      g_list_store_append (snapshot, entry);
    }

  report = amends_report_history_new (title, self->summary, G_LIST_MODEL (snapshot), now);

  /* The title, "History of C-2026-00042", names the job and the file
   * offered when printing to a file. */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, title);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The report keeps its own margins, as the weekly summary does. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  g_object_set_data_full (G_OBJECT (operation), "amends-history-report",
                          g_steal_pointer (&report), g_object_unref);

  return g_steal_pointer (&operation);
}

void
_amends_case_history_print_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  AmendsCaseHistory *self = AMENDS_CASE_HISTORY (widget);
  g_autoptr(GtkPrintOperation) operation = create_print_operation (self);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Print the History"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/**
 * amends_case_history_export_pdf:
 * @path: the PDF file to write
 *
 * Prints what is shown to @path as a PDF on A4, without a dialog: the
 * same print job as Print, for tests and for a copy to keep.
 */
gboolean
amends_case_history_export_pdf (AmendsCaseHistory  *self,
                                const char         *path,
                                GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (AMENDS_IS_CASE_HISTORY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = create_print_operation (self);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, path);

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
