/* amends-training-pack.c: the board's Training Pack…, saved as PDF
 *
 * The board page's action "board-page.training-pack" asks where to save
 * the pack (GtkFileChooserNative: GTK 4.8 has no GtkFileDialog) and
 * writes it there with the renderer the command line uses
 * (amends-report-training.c), then says so in a toast.  The pack holds
 * the told stories marked as training examples: a few, read on the main
 * thread in one query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-training-pack"

#include "config.h"

#include "amends-training-pack.h"

#include <glib/gi18n.h>

#include "amends-board-page.h"
#include "amends-board-view-private.h"
#include "amends-report-training.h"

static char *
dup_organisation (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL)
    return NULL;

  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "organisation-name");
}

/**
 * amends_training_pack_save_to:
 * @board_page: the #AmendsBoardPage
 * @path: the PDF to write
 *
 * Writes the training pack to @path and says how it went in a toast:
 * what the file chooser ends in, and what tests call.
 *
 * Returns: %TRUE when it was written
 */
gboolean
amends_training_pack_save_to (GtkWidget  *board_page,
                              const char *path)
{
  AmendsBoardPage *page = AMENDS_BOARD_PAGE (board_page);
  AmendsBoardView *view = AMENDS_BOARD_VIEW (amends_board_page_get_board_view (page));
  AmendsStore *store = amends_board_page_get_store (page);
  g_autofree char *organisation = dup_organisation ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  guint n = 0;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!amends_training_pack_write_pdf (store, organisation, NULL, path, &n, &error))
    {
      amends_board_view_show_error (view, error);
      return FALSE;
    }

  if (n == 0)
    title = g_strdup (_("Training pack saved; no story is marked as a training example yet"));
  else
    /* Translators: a toast once the training pack is written */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Training pack saved with %u story",
                                          "Training pack saved with %u stories", n), n);
  toast = adw_toast_new (title);
  amends_board_view_show_toast (view, toast);
  return TRUE;
}

static void
on_chosen_cb (GtkWidget            *board_page,
              int                   response,
              GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        amends_training_pack_save_to (board_page, path);
    }

  g_object_unref (chooser);
}

static void
training_pack_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (amends_board_page_get_store (AMENDS_BOARD_PAGE (widget)) == NULL)
    return;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");

  chooser = gtk_file_chooser_native_new (_("Save Training Pack"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name the training pack is offered under */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("training-pack.pdf"));
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Installs "board-page.training-pack" on the board page's class. */
void
amends_training_pack_install_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board-page.training-pack", NULL, training_pack_action);
}
