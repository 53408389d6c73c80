/* amends-window-io.c: importing and exporting cases as CSV from the window
 *
 * The file choosers are GtkFileChooserNative (GTK 4.8 has no
 * GtkFileDialog).  An import runs in the background with a progress bar
 * and Cancel, in one transaction: cancelled or failed, nothing of it
 * stays.  The progress dialog is modal, so nothing else is edited while
 * the import's transaction is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-window-io"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "amends-csv-export.h"
#include "amends-csv-import.h"
#include "amends-import-dialog.h"
#include "amends-window-private.h"

typedef struct
{
  AmendsWindow     *window;
  AmendsCsvImport  *import;
  GCancellable     *cancellable;
  AdwMessageDialog *dialog;
  GtkProgressBar   *progress;
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  g_clear_object (&run->import);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->window);
  g_free (run);
}

static void
show_message (AmendsWindow *self,
              const char   *heading,
              const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every problem of the file, one a line: the person fixes them all at once. */
static void
show_import_problems (AmendsWindow    *self,
                      AmendsCsvImport *import,
                      const GError    *error)
{
  GPtrArray *problems = amends_csv_import_get_problems (import);
  g_autoptr(GString) body = g_string_new (error->message);

  for (guint i = 0; problems != NULL && i < problems->len && i < 20; i++)
    g_string_append_printf (body, "\n%s", (const char *) problems->pdata[i]);
  if (problems != NULL && problems->len > 20)
    g_string_append_printf (body, "\n%s", _("…and more."));

  show_message (self, _("Nothing Was Imported"), body->str);
}

static void
on_fraction_cb (ImportRun  *run,
                GParamSpec *pspec,
                GObject    *import)
{
  gtk_progress_bar_set_fraction (run->progress, amends_csv_import_get_fraction (run->import));
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ImportRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_data (run->import, run);
  gtk_window_destroy (GTK_WINDOW (run->dialog));

  if (amends_csv_import_run_finish (run->import, result, &error))
    {
      guint n = amends_csv_import_get_n_imported (run->import);
      g_autofree char *title = g_strdup_printf (ngettext ("%u case imported", "%u cases imported", n), n);

      amends_window_add_toast (run->window, adw_toast_new (title));
      gtk_stack_set_visible_child_name (run->window->cases_stack, "browse");
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_import_problems (run->window, run->import, error);

  import_run_free (run);
}

static void
on_import_response_cb (ImportRun  *run,
                       const char *response)
{
  g_cancellable_cancel (run->cancellable);
}

static void
start_import (AmendsWindow    *self,
              AmendsCsvImport *import)
{
  ImportRun *run = g_new0 (ImportRun, 1);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  run->window = g_object_ref (self);
  run->import = g_object_ref (import);
  run->cancellable = g_cancellable_new ();

  body = g_strdup_printf (ngettext ("Reading %u row in the format of %s. Nothing is kept unless it can be.",
                                    "Reading %u rows in the format of %s. Nothing is kept unless every row can be.",
                                    amends_csv_import_get_n_rows (import)),
                          amends_csv_import_get_n_rows (import),
                          amends_csv_format_to_label (amends_csv_import_get_format (import)));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Importing Cases"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  run->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (run->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (run->progress));
  run->dialog = ADW_MESSAGE_DIALOG (dialog);

  g_signal_connect_swapped (dialog, "response", G_CALLBACK (on_import_response_cb), run);
  g_signal_connect_swapped (import, "notify::fraction", G_CALLBACK (on_fraction_cb), run);
  gtk_window_present (GTK_WINDOW (dialog));

  amends_csv_import_run_async (import, run->cancellable, on_import_done_cb, run);
}

static void
on_columns_mapped_cb (AmendsWindow       *self,
                      AmendsImportDialog *dialog)
{
  start_import (self, amends_import_dialog_get_import (dialog));
}

/**
 * amends_window_import_file:
 *
 * Imports the cases of the CSV file at @path; what the file chooser ends
 * in, and what tests call.
 */
void
amends_window_import_file (AmendsWindow *self,
                           const char   *path)
{
  g_autoptr(AmendsCsvImport) import = amends_csv_import_new (self->store);
  g_autoptr(GError) error = NULL;

  if (!amends_csv_import_read_path (import, path, NULL, &error))
    {
      show_import_problems (self, import, error);
      return;
    }

  /* Columns of another system (the person says which is which, once; the
   * choice is remembered for files with the same header row), or what the
   * file does not say: how its dates are written, whether cases already
   * here are skipped or updated, whether 100,000 rows and more are meant. */
  if (amends_import_dialog_is_needed (import))
    {
      AmendsImportDialog *dialog = amends_import_dialog_new (GTK_WINDOW (self), import);

      g_signal_connect_object (dialog, "mapped",
                               G_CALLBACK (on_columns_mapped_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  start_import (self, import);
}

static void
on_import_chosen_cb (AmendsWindow         *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        amends_window_import_file (self, path);
    }

  g_object_unref (chooser);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");

  return filter;
}

static void
amends_window_import_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  chooser = gtk_file_chooser_native_new (_("Import Cases"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_import_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * amends_window_export_file:
 *
 * Writes every case to @path and their timelines beside it
 * (NAME-timeline.csv).
 */
gboolean
amends_window_export_file (AmendsWindow  *self,
                           const char    *path,
                           GError       **error)
{
  g_autofree char *base = g_str_has_suffix (path, ".csv")
                          ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
  g_autofree char *timeline = g_strconcat (base, "-timeline.csv", NULL);

  return amends_csv_export_cases_to_path (self->store, path, NULL, error) &&
         amends_csv_export_timeline_to_path (self->store, timeline, NULL, error);
}

/* From a damaged database: what can be read, and how much that was. */
static void
export_readable (AmendsWindow *self,
                 const char   *path)
{
  g_autofree char *base = g_str_has_suffix (path, ".csv")
                          ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
  g_autofree char *timeline = g_strconcat (base, "-timeline.csv", NULL);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  guint n_whole = 0, n_partial = 0;

  if (!amends_csv_export_readable_cases_to_path (self->store, path, &n_whole, &n_partial, NULL, &error) ||
      !amends_csv_export_timeline_to_path (self->store, timeline, NULL, &error))
    {
      show_message (self, _("Could Not Export the Cases"), error->message);
      return;
    }

  if (n_partial == 0)
    title = g_strdup_printf (ngettext ("Exported what could be read: %u case, whole",
                                       "Exported what could be read: %u cases, all whole", n_whole), n_whole);
  else
    /* Translators: "Exported what could be read: 180 cases whole, 20 in part" */
    title = g_strdup_printf (ngettext ("Exported what could be read: %u case whole, %u in part",
                                       "Exported what could be read: %u cases whole, %u in part",
                                       n_whole), n_whole, n_partial);
  amends_window_add_toast (self, adw_toast_new (title));
}

static void
on_export_chosen_cb (AmendsWindow         *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && amends_store_get_damaged (self->store))
        export_readable (self, path);
      else if (path != NULL && !amends_window_export_file (self, path, &error))
        show_message (self, _("Could Not Export the Cases"), error->message);
      else if (path != NULL)
        amends_window_add_toast (self, adw_toast_new (_("Cases exported, with their timelines beside them")));
    }

  g_object_unref (chooser);
}

static void
amends_window_export_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  chooser = gtk_file_chooser_native_new (_("Export Cases"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("cases.csv"));
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_export_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
amends_window_io_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, amends_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, amends_window_export_action);
}
