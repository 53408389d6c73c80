/* amends-attachment-viewer.c: one photo or file of a case, large
 *
 * A window over the case: the photo scaled to fit, its name and where it
 * is among the case's attachments, Previous and Next (Left and Right),
 * Save As…, Open With Default App (a copy in a temporary folder: the
 * bytes live in the database, not in a file an app could open), and
 * Remove, which the attachments group does so that its toast offers Undo.
 *
 * The bytes are read and decoded in worker threads; the window shows a
 * spinner meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-attachment-viewer"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amends-attachment-viewer.h"

#include "amends-attachment-image.h"
#include "amends-attachments.h"
#include "amends-store-attachments.h"

struct _AmendsAttachmentViewer
{
  AdwWindow       parent_instance;

  GtkWidget      *owner;         /* the attachments group; weak */
  AmendsStore    *store;
  GListModel     *attachments;
  guint           position;
  gboolean        loading;
  GCancellable   *cancellable;   /* the photo being read; cancelled on Next */
  GtkFileChooserNative *chooser;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkWidget      *spinner;
  GtkPicture     *picture;
  AdwStatusPage  *file_page;
};

G_DEFINE_FINAL_TYPE (AmendsAttachmentViewer, amends_attachment_viewer, ADW_TYPE_WINDOW)

typedef void (*BytesFunc) (AmendsAttachmentViewer *self,
                           AmendsAttachment       *attachment,
                           GBytes                 *bytes);

static AmendsAttachment *
current (AmendsAttachmentViewer *self)
{
  return g_list_model_get_item (self->attachments, self->position);
}

static void
show_error (AmendsAttachmentViewer *self,
            const char             *message)
{
  GtkWidget *overlay = self->owner ? gtk_widget_get_ancestor (self->owner, ADW_TYPE_TOAST_OVERLAY) : NULL;
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_warning ("%s", message);
}

static void
show_as_file (AmendsAttachmentViewer *self,
              AmendsAttachment       *attachment)
{
  g_autoptr(GIcon) icon = g_content_type_get_icon (amends_attachment_get_content_type (attachment));
  g_autofree char *description = g_content_type_get_description (amends_attachment_get_content_type (attachment));

  adw_status_page_set_title (self->file_page, description);
  adw_status_page_set_paintable (self->file_page, NULL);
  if (G_IS_THEMED_ICON (icon))
    adw_status_page_set_icon_name (self->file_page, g_themed_icon_get_names (G_THEMED_ICON (icon))[0]);
  gtk_stack_set_visible_child_name (self->stack, "file");
}

static void
on_decoded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AmendsAttachmentViewer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = amends_attachment_image_load_finish (result, &error);
  g_autoptr(AmendsAttachment) attachment = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  if (texture == NULL)
    {
      if ((attachment = current (self)) != NULL)
        show_as_file (self, attachment);
      return;
    }

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, "image");
}

static void
on_image_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AmendsAttachmentViewer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = amends_store_read_attachment_finish (AMENDS_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bytes == NULL)
    {
      self->loading = FALSE;
      show_error (self, error->message);
      return;
    }

  amends_attachment_image_load_async (bytes, 0, self->cancellable, on_decoded_cb, self);
}

static void
show_current (AmendsAttachmentViewer *self)
{
  guint n = g_list_model_get_n_items (self->attachments);
  g_autoptr(AmendsAttachment) attachment = current (self);
  g_autofree char *size = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous", self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next", self->position + 1 < n);
  if (attachment == NULL)
    return;

  size = g_format_size (amends_attachment_get_size (attachment));
  /* Translators: under the file's name in the viewer: "2 of 5 · 2.1 MB". */
  subtitle = g_strdup_printf (_("%u of %u · %s"), self->position + 1, n, size);
  adw_window_title_set_title (self->window_title, amends_attachment_get_name (attachment));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), amends_attachment_get_name (attachment));
  description = amends_attachments_describe (attachment);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_picture_set_paintable (self->picture, NULL);

  if (!amends_attachment_is_image (attachment))
    {
      show_as_file (self, attachment);
      return;
    }

  self->loading = TRUE;
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  gtk_stack_set_visible_child_name (self->stack, "loading");
  amends_store_read_attachment_async (self->store, amends_attachment_get_id (attachment),
                                      self->cancellable, on_image_read_cb, self);
}

static void
on_items_changed_cb (AmendsAttachmentViewer *self,
                     guint                   position,
                     guint                   removed,
                     guint                   added,
                     GListModel             *model)
{
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->position >= n)
    self->position = n - 1;
  show_current (self);
}

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  AmendsAttachmentViewer *self = AMENDS_ATTACHMENT_VIEWER (widget);
  guint n = g_list_model_get_n_items (self->attachments);

  if (g_str_equal (action_name, "viewer.previous") && self->position > 0)
    self->position--;
  else if (g_str_equal (action_name, "viewer.next") && self->position + 1 < n)
    self->position++;
  else
    return;

  show_current (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmendsAttachmentViewer *self = AMENDS_ATTACHMENT_VIEWER (widget);
  g_autoptr(AmendsAttachment) attachment = current (self);

  if (attachment != NULL && self->owner != NULL)
    gtk_widget_activate_action (self->owner, "attachments.remove", "x",
                                amends_attachment_get_id (attachment));
}

/* Save As… and Open With: the bytes first, read off the main thread. */

typedef struct
{
  AmendsAttachmentViewer *self;
  AmendsAttachment       *attachment;
  GFile                  *file;    /* Save As: where */
} BytesJob;

static void
bytes_job_free (BytesJob *job)
{
  g_clear_weak_pointer (&job->self);
  g_clear_object (&job->attachment);
  g_clear_object (&job->file);
  g_free (job);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BytesJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error) && job->self != NULL)
    show_error (job->self, error->message);
  bytes_job_free (job);
}

static void
open_copy (BytesJob *job,
           GBytes   *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amends-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;

  if (dir == NULL)
    {
      show_error (job->self, error->message);
      return;
    }

  path = g_build_filename (dir, amends_attachment_get_name (job->attachment), NULL);
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    {
      show_error (job->self, error->message);
      return;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (job->self)));
  if (!g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error))
    {
      g_autofree char *message =
        /* Translators: %s is a file name, then why no app could open it. */
        g_strdup_printf (_("“%s” could not be opened: %s"), amends_attachment_get_name (job->attachment), error->message);

      show_error (job->self, message);
    }
}

static void
on_bytes_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BytesJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = amends_store_read_attachment_finish (AMENDS_STORE (source), result, &error);

  if (job->self == NULL)
    ;
  else if (bytes == NULL)
    show_error (job->self, error->message);
  else if (job->file != NULL)
    {
      g_file_replace_contents_bytes_async (job->file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           NULL, on_saved_cb, job);
      return;
    }
  else
    open_copy (job, bytes);

  bytes_job_free (job);
}

static void
read_bytes_then (AmendsAttachmentViewer *self,
                 GFile                  *file)
{
  BytesJob *job = g_new0 (BytesJob, 1);

  g_set_weak_pointer (&job->self, self);
  job->attachment = current (self);
  job->file = file ? g_object_ref (file) : NULL;
  if (job->attachment == NULL)
    {
      bytes_job_free (job);
      return;
    }
  amends_store_read_attachment_async (self->store, amends_attachment_get_id (job->attachment),
                                      NULL, on_bytes_read_cb, job);
}

static void
open_external_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  read_bytes_then (AMENDS_ATTACHMENT_VIEWER (widget), NULL);
}

static void
on_save_response_cb (AmendsAttachmentViewer *self,
                     int                     response,
                     GtkFileChooserNative   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      read_bytes_then (self, file);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmendsAttachmentViewer *self = AMENDS_ATTACHMENT_VIEWER (widget);
  g_autoptr(AmendsAttachment) attachment = current (self);

  if (attachment == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), amends_attachment_get_name (attachment));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
amends_attachment_viewer_dispose (GObject *object)
{
  AmendsAttachmentViewer *self = AMENDS_ATTACHMENT_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->attachments != NULL)
    g_signal_handlers_disconnect_by_func (self->attachments, on_items_changed_cb, self);
  g_clear_object (&self->attachments);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->owner);

  G_OBJECT_CLASS (amends_attachment_viewer_parent_class)->dispose (object);
}

static void
amends_attachment_viewer_class_init (AmendsAttachmentViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_attachment_viewer_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-attachment-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsAttachmentViewer, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmendsAttachmentViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, AmendsAttachmentViewer, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmendsAttachmentViewer, picture);
  gtk_widget_class_bind_template_child (widget_class, AmendsAttachmentViewer, file_page);

  gtk_widget_class_install_action (widget_class, "viewer.previous", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "viewer.next", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "viewer.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "viewer.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "viewer.open-external", NULL, open_external_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "viewer.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "viewer.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "viewer.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "viewer.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amends_attachment_viewer_init (AmendsAttachmentViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amends_attachment_viewer_new:
 * @owner: the #AmendsAttachments whose attachments these are; Remove
 *   asks it, so that its toast offers Undo
 */
GtkWindow *
amends_attachment_viewer_new (GtkWidget   *owner,
                              AmendsStore *store,
                              GListModel  *attachments,
                              guint        position)
{
  AmendsAttachmentViewer *self = g_object_new (AMENDS_TYPE_ATTACHMENT_VIEWER, NULL);

  g_set_weak_pointer (&self->owner, owner);
  self->store = g_object_ref (store);
  self->attachments = g_object_ref (attachments);
  self->position = position;
  g_signal_connect_swapped (attachments, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  show_current (self);

  return GTK_WINDOW (self);
}

guint
amends_attachment_viewer_get_position (AmendsAttachmentViewer *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENT_VIEWER (self), 0);
  return self->position;
}

/* Whether the photo is still being read or decoded. */
gboolean
amends_attachment_viewer_get_loading (AmendsAttachmentViewer *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENT_VIEWER (self), FALSE);
  return self->loading;
}
