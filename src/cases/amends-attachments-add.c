/* amends-attachments-add.c: files attached to a case, from Add… or dropped on it
 *
 * One file at a time, in the order given, each streamed into the
 * database by the store's worker thread (amends-store-attachments.c); a
 * file too large is refused with the store's message, under the group,
 * and the others are added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-attachments"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-attachments-private.h"

#include "amends-store-attachments.h"

static void add_next (AmendsAttachments *self);

static void
on_added_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AmendsAttachments *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsAttachment) attachment = NULL;

  attachment = amends_store_add_attachment_finish (AMENDS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_adding--;
  if (attachment == NULL)
    _amends_attachments_show_error (self, error->message);
  else if (amends_attachment_get_case_id (attachment) == self->case_id)
    {
      g_list_store_append (self->attachments, attachment);
      _amends_attachments_load_next_thumbnail (self);
    }
  _amends_attachments_update_visibility (self);
  add_next (self);
}

/* One file at a time, in the order given: they show in that order, and
 * two writers never wait on each other's lock. */
static void
add_next (AmendsAttachments *self)
{
  g_autoptr(GFile) file = g_queue_pop_head (&self->to_add);

  if (file == NULL)
    return;

  amends_store_add_attachment_async (self->store, self->case_id, file,
                                     self->cancellable, on_added_cb, self);
}

void
_amends_attachments_clear_queue (AmendsAttachments *self)
{
  g_queue_clear_full (&self->to_add, g_object_unref);
  self->n_adding = 0;
}

/**
 * amends_attachments_add_files:
 *
 * Attaches @files to the case shown, each in its own transaction: a file
 * too large is refused with a message and the others are added.
 */
void
amends_attachments_add_files (AmendsAttachments  *self,
                              GFile             **files,
                              guint               n_files)
{
  gboolean idle;

  g_return_if_fail (AMENDS_IS_ATTACHMENTS (self));

  if (self->store == NULL || self->case_id <= 0 || n_files == 0)
    return;

  _amends_attachments_show_error (self, NULL);
  idle = self->n_adding == 0;
  for (guint i = 0; i < n_files; i++)
    g_queue_push_tail (&self->to_add, g_object_ref (files[i]));
  self->n_adding += n_files;
  if (idle)
    add_next (self);
  _amends_attachments_update_visibility (self);
}

static void
on_chooser_response_cb (AmendsAttachments    *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      amends_attachments_add_files (self, (GFile **) list->pdata, list->len);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

void
_amends_attachments_add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AmendsAttachments *self = AMENDS_ATTACHMENTS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Attach Photos and Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_filter_set_name (images, _("Photos"));
  gtk_file_filter_add_mime_type (images, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Dropping files on the case */

static gboolean
on_drop_cb (GtkDropTarget     *target,
            const GValue      *value,
            double             x,
            double             y,
            AmendsAttachments *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->case_id <= 0)
    return FALSE;

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  amends_attachments_add_files (self, (GFile **) files->pdata, files->len);

  return files->len > 0;
}

/* The whole case takes files, not only this group: whoever drags a photo
 * from the file manager drops it where they look.  So the drop target
 * goes on the editor's scrolled area (the nearest), while this group is
 * in it; GTK marks it :drop(active) while a file is over it, which
 * style.css outlines (.attachments-drop). */
void
_amends_attachments_watch_drops (AmendsAttachments *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->drop_widget = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (self->drop_widget == NULL)
    self->drop_widget = widget;
  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (self->drop_widget, GTK_EVENT_CONTROLLER (self->drop_target));
  gtk_widget_add_css_class (self->drop_widget, "attachments-drop");
}

void
_amends_attachments_unwatch_drops (AmendsAttachments *self)
{
  if (self->drop_target != NULL)
    {
      gtk_widget_remove_css_class (self->drop_widget, "attachments-drop");
      gtk_widget_remove_controller (self->drop_widget, GTK_EVENT_CONTROLLER (self->drop_target));
      self->drop_target = NULL;
      self->drop_widget = NULL;
    }
}
