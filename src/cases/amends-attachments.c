/* amends-attachments.c: a case's photos and files, as thumbnails
 *
 * The group "Photos and Files" of the case editor: a thumbnail a photo
 * (an icon for any other file) with its name and size, an Add… button,
 * and files dropped anywhere on the case.  A thumbnail opens the viewer
 * (amends-attachment-viewer.c); Delete on one, or Remove in the viewer,
 * moves it to the trash with Undo in a toast.
 *
 * Nothing here waits on the disk: the store lists, reads and writes the
 * attachments in worker threads (amends-store-attachments.c), and the
 * thumbnails are decoded in another, one at a time and at a small size.
 * They are kept in memory for the case shown only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-attachments"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-attachments.h"

#include "amends-attachment-viewer.h"
#include "amends-store-attachments.h"

/* The longer side of a thumbnail, in pixels: twice what is shown, for a
 * screen at scale 2. */
#define THUMBNAIL_SIZE   192
#define THUMBNAIL_SHOWN  112

struct _AmendsAttachments
{
  AdwPreferencesGroup   parent_instance;

  AmendsStore          *store;
  gint64                case_id;
  GListStore           *attachments;   /* AmendsAttachment, the case's */
  GHashTable           *thumbnails;    /* id → GdkTexture, of this case only */
  GHashTable           *no_thumbnail;  /* ids that could not be decoded */
  GCancellable         *cancellable;   /* the case's loads; cancelled when it changes */
  gboolean              thumbnailing;
  gint64                thumbnail_id;  /* the one being read */
  guint                 n_adding;      /* in the queue or being added */
  GQueue                to_add;        /* GFile, in the order given */

  GtkFileChooserNative *chooser;
  GtkDropTarget        *drop_target;
  GtkWidget            *drop_widget;
  GtkWindow            *viewer;

  GtkWidget            *flow_box;
  GtkWidget            *empty_label;
  GtkWidget            *busy_label;
  GtkWidget            *error_label;
};

G_DEFINE_FINAL_TYPE (AmendsAttachments, amends_attachments, ADW_TYPE_PREFERENCES_GROUP)

static void load_next_thumbnail (AmendsAttachments *self);

/**
 * amends_attachments_describe:
 * @attachment: an #AmendsAttachment
 *
 * Returns: what a screen reader says of it: "Photo IMG_2034.jpg, 2.1 MB"
 */
char *
amends_attachments_describe (gpointer attachment)
{
  g_autofree char *size = g_format_size (amends_attachment_get_size (attachment));

  if (amends_attachment_is_image (attachment))
    /* Translators: a photo attached to a case: its name and size. */
    return g_strdup_printf (_("Photo %s, %s"), amends_attachment_get_name (attachment), size);
  /* Translators: a file attached to a case: its name and size. */
  return g_strdup_printf (_("File %s, %s"), amends_attachment_get_name (attachment), size);
}

static void
show_error (AmendsAttachments *self,
            const char        *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
add_toast (AmendsAttachments *self,
           AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  /* The window's rule: a toast with Undo stays until it is dismissed. */
  if (adw_toast_get_button_label (toast) != NULL)
    adw_toast_set_timeout (toast, 0);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
}

static void
update_visibility (AmendsAttachments *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->attachments)) > 0;

  gtk_widget_set_visible (self->flow_box, any);
  gtk_widget_set_visible (self->empty_label, !any);
  gtk_widget_set_visible (self->busy_label, self->n_adding > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachments.add",
                                 self->store != NULL && self->case_id > 0);
}

/* Thumbnails */

static void
thumbnail_size_prepared_cb (GdkPixbufLoader *loader,
                            int              width,
                            int              height,
                            gpointer         user_data)
{
  double scale = (double) THUMBNAIL_SIZE / MAX (width, height);

  /* Decoded at the small size: a 12-megapixel photo never whole in memory. */
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GBytes *bytes = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (thumbnail_size_prepared_cb), NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error) ||
      !gdk_pixbuf_loader_close (loader, &error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      g_task_return_error (task, error);
      return;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no image");
      return;
    }
  /* A phone's photo is stored sideways with a note to turn it. */
  g_task_return_pointer (task, gdk_pixbuf_apply_embedded_orientation (pixbuf), g_object_unref);
}

static GtkWidget *
find_picture (AmendsAttachments *self,
              gint64             id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->flow_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "attachment-id")) == (gsize) id)
      return g_object_get_data (G_OBJECT (child), "picture");

  return NULL;
}

static void
on_decoded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AmendsAttachments *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  gint64 id = GPOINTER_TO_SIZE (g_task_get_source_tag (G_TASK (result)));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->thumbnailing = FALSE;
  if (pixbuf == NULL)
    {
      g_debug ("No thumbnail for attachment %" G_GINT64_FORMAT ": %s", id, error->message);
      g_hash_table_add (self->no_thumbnail, g_memdup2 (&id, sizeof id));
    }
  else
    {
      GdkTexture *texture = gdk_texture_new_for_pixbuf (pixbuf);
      GtkWidget *picture = find_picture (self, id);

      g_hash_table_insert (self->thumbnails, g_memdup2 (&id, sizeof id), texture);
      if (picture != NULL)
        gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
    }

  load_next_thumbnail (self);
}

static void
on_thumbnail_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  AmendsAttachments *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) task = NULL;
  gint64 id;

  bytes = amends_store_read_attachment_finish (AMENDS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  id = self->thumbnail_id;
  if (bytes == NULL)
    {
      self->thumbnailing = FALSE;
      g_hash_table_add (self->no_thumbnail, g_memdup2 (&id, sizeof id));
      load_next_thumbnail (self);
      return;
    }

  task = g_task_new (NULL, self->cancellable, on_decoded_cb, self);
  g_task_set_source_tag (task, GSIZE_TO_POINTER ((gsize) id));
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, decode_thread);
}

/* One at a time, so that a case with many photos does not read them all
 * into memory at once. */
static void
load_next_thumbnail (AmendsAttachments *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attachments));

  if (self->thumbnailing || self->store == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendsAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (self->attachments), i);
      gint64 id = amends_attachment_get_id (attachment);

      if (!amends_attachment_is_image (attachment) ||
          g_hash_table_contains (self->thumbnails, &id) ||
          g_hash_table_contains (self->no_thumbnail, &id))
        continue;

      self->thumbnailing = TRUE;
      self->thumbnail_id = id;
      amends_store_read_attachment_async (self->store, id, self->cancellable, on_thumbnail_read_cb, self);
      return;
    }
}

/* The flow box's children */

static GtkWidget *
create_child (gpointer item,
              gpointer user_data)
{
  AmendsAttachments *self = user_data;
  AmendsAttachment *attachment = item;
  gint64 id = amends_attachment_get_id (attachment);
  g_autofree char *description = amends_attachments_describe (attachment);
  g_autofree char *size = g_format_size (amends_attachment_get_size (attachment));
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *name = gtk_label_new (amends_attachment_get_name (attachment));
  GtkWidget *size_label = gtk_label_new (size);
  GdkTexture *texture = g_hash_table_lookup (self->thumbnails, &id);

  /* Squares, cropped, as a photo app shows them; the viewer shows all. */
  gtk_widget_set_size_request (picture, THUMBNAIL_SHOWN, THUMBNAIL_SHOWN);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture),
                               amends_attachment_is_image (attachment) ? GTK_CONTENT_FIT_COVER
                                                                       : GTK_CONTENT_FIT_SCALE_DOWN);
  gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
  if (texture != NULL)
    gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
  else if (!amends_attachment_is_image (attachment))
    {
      g_autoptr(GIcon) icon = g_content_type_get_icon (amends_attachment_get_content_type (attachment));
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
      g_autoptr(GtkIconPaintable) paintable =
        gtk_icon_theme_lookup_by_gicon (theme, icon, 64, 1, GTK_TEXT_DIR_NONE, 0);

      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (paintable));
    }
  gtk_widget_add_css_class (picture, "card");

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
  gtk_label_set_width_chars (GTK_LABEL (name), 12);
  gtk_widget_add_css_class (size_label, "dim-label");
  gtk_widget_add_css_class (size_label, "caption");

  /* A picture is as wide as its paintable would like; the clamp keeps
   * every thumbnail the same square. */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), THUMBNAIL_SHOWN);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), THUMBNAIL_SHOWN);
  adw_clamp_set_child (ADW_CLAMP (clamp), picture);
  gtk_box_append (GTK_BOX (box), clamp);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), size_label);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_set_tooltip_text (child, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Enter opens it; Delete removes it"),
                                  -1);

  g_object_set_data (G_OBJECT (child), "attachment-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (child), "picture", picture);

  return child;
}

static void
on_child_activated_cb (AmendsAttachments *self,
                       GtkFlowBoxChild   *child)
{
  amends_attachments_open (self, gtk_flow_box_child_get_index (child));
}

/* Loading a case */

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AmendsAttachments *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  list = amends_store_list_attachments_finish (AMENDS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (list == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_list_store_splice (self->attachments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attachments)),
                       items->pdata, items->len);
  update_visibility (self);
  load_next_thumbnail (self);
}

static void
reload (AmendsAttachments *self)
{
  if (self->store == NULL || self->case_id <= 0)
    return;

  amends_store_list_attachments_async (self->store, self->case_id, self->cancellable, on_listed_cb, self);
}

/* Adding */

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
    show_error (self, error->message);
  else if (amends_attachment_get_case_id (attachment) == self->case_id)
    {
      g_list_store_append (self->attachments, attachment);
      load_next_thumbnail (self);
    }
  update_visibility (self);
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

static void
clear_queue (AmendsAttachments *self)
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

  show_error (self, NULL);
  idle = self->n_adding == 0;
  for (guint i = 0; i < n_files; i++)
    g_queue_push_tail (&self->to_add, g_object_ref (files[i]));
  self->n_adding += n_files;
  if (idle)
    add_next (self);
  update_visibility (self);
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

static void
add_action (GtkWidget  *widget,
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

/* Removing, with Undo */

static void
on_undo_clicked_cb (AdwToast *toast,
                    gpointer  user_data)
{
  AmendsAttachments *self = g_object_get_data (G_OBJECT (toast), "attachments");
  gint64 id = GPOINTER_TO_SIZE (user_data);
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->store == NULL)
    return;

  if (!amends_store_restore_attachment (self->store, id, &error))
    show_error (self, error->message);
  else
    reload (self);
}

static guint
find_position (AmendsAttachments *self,
               gint64             id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attachments));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendsAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (self->attachments), i);

      if (amends_attachment_get_id (attachment) == id)
        return i;
    }

  return G_MAXUINT;
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmendsAttachments *self = AMENDS_ATTACHMENTS (widget);
  gint64 id = g_variant_get_int64 (parameter);
  guint position = find_position (self, id);
  g_autoptr(AmendsAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  if (position == G_MAXUINT)
    return;

  attachment = g_list_model_get_item (G_LIST_MODEL (self->attachments), position);
  if (!amends_store_remove_attachment (self->store, id, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_list_store_remove (self->attachments, position);
  g_hash_table_remove (self->thumbnails, &id);
  update_visibility (self);

  escaped = g_markup_escape_text (amends_attachment_get_name (attachment), -1);
  /* Translators: a toast; %s is the name of the file removed from the case. */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "attachments", g_object_ref (self), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), GSIZE_TO_POINTER ((gsize) id));
  add_toast (self, toast);
}

static void
remove_focused_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmendsAttachments *self = AMENDS_ATTACHMENTS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_FLOW_BOX_CHILD) : NULL;

  if (child == NULL || !gtk_widget_is_ancestor (child, self->flow_box))
    return;

  gtk_widget_activate_action (widget, "attachments.remove", "x",
                              (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "attachment-id")));
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
static void
amends_attachments_root (GtkWidget *widget)
{
  AmendsAttachments *self = AMENDS_ATTACHMENTS (widget);

  GTK_WIDGET_CLASS (amends_attachments_parent_class)->root (widget);

  self->drop_widget = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (self->drop_widget == NULL)
    self->drop_widget = widget;
  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (self->drop_widget, GTK_EVENT_CONTROLLER (self->drop_target));
  gtk_widget_add_css_class (self->drop_widget, "attachments-drop");
}

static void
amends_attachments_unroot (GtkWidget *widget)
{
  AmendsAttachments *self = AMENDS_ATTACHMENTS (widget);

  if (self->drop_target != NULL)
    {
      gtk_widget_remove_css_class (self->drop_widget, "attachments-drop");
      gtk_widget_remove_controller (self->drop_widget, GTK_EVENT_CONTROLLER (self->drop_target));
      self->drop_target = NULL;
      self->drop_widget = NULL;
    }

  GTK_WIDGET_CLASS (amends_attachments_parent_class)->unroot (widget);
}

static void
amends_attachments_dispose (GObject *object)
{
  AmendsAttachments *self = AMENDS_ATTACHMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_queue (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_ATTACHMENTS);
  g_clear_object (&self->store);
  g_clear_object (&self->attachments);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->no_thumbnail, g_hash_table_unref);

  G_OBJECT_CLASS (amends_attachments_parent_class)->dispose (object);
}

static void
amends_attachments_class_init (AmendsAttachmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_attachments_dispose;
  widget_class->root = amends_attachments_root;
  widget_class->unroot = amends_attachments_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-attachments.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsAttachments, flow_box);
  gtk_widget_class_bind_template_child (widget_class, AmendsAttachments, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsAttachments, busy_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsAttachments, error_label);

  gtk_widget_class_install_action (widget_class, "attachments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "attachments.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "attachments.remove-focused", NULL, remove_focused_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "attachments.remove-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "attachments.remove-focused", NULL);
}

static void
amends_attachments_init (AmendsAttachments *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->attachments = g_list_store_new (AMENDS_TYPE_ATTACHMENT);
  self->thumbnails = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->no_thumbnail = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->flow_box, "child-activated", G_CALLBACK (on_child_activated_cb), self);
  gtk_flow_box_bind_model (GTK_FLOW_BOX (self->flow_box), G_LIST_MODEL (self->attachments),
                           create_child, self, NULL);
  update_visibility (self);
}

/**
 * amends_attachments_show_case:
 *
 * Shows the attachments of @case_id (none for 0), read from @store.  The
 * thumbnails of the case shown before are let go.
 */
void
amends_attachments_show_case (AmendsAttachments *self,
                              AmendsStore       *store,
                              gint64             case_id)
{
  g_return_if_fail (AMENDS_IS_ATTACHMENTS (self));

  if (self->case_id == case_id && self->store == store)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->thumbnailing = FALSE;
  clear_queue (self);
  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);

  g_set_object (&self->store, store);
  self->case_id = case_id;
  g_hash_table_remove_all (self->thumbnails);
  g_hash_table_remove_all (self->no_thumbnail);
  g_list_store_remove_all (self->attachments);
  show_error (self, NULL);
  update_visibility (self);
  reload (self);
}

GListModel *
amends_attachments_get_model (AmendsAttachments *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENTS (self), NULL);
  return G_LIST_MODEL (self->attachments);
}

/**
 * amends_attachments_get_thumbnail:
 *
 * Returns: (transfer none) (nullable): the thumbnail of a photo of the
 *   case shown, once it is made
 */
GdkPaintable *
amends_attachments_get_thumbnail (AmendsAttachments *self,
                                  gint64             attachment_id)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENTS (self), NULL);
  return g_hash_table_lookup (self->thumbnails, &attachment_id);
}

/* For the tests: the file chooser Add… opened, while it is open. */
GtkFileChooserNative *
amends_attachments_get_chooser (AmendsAttachments *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENTS (self), NULL);
  return self->chooser;
}

/* Whether files are still being added or thumbnails made. */
gboolean
amends_attachments_get_busy (AmendsAttachments *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENTS (self), FALSE);
  return self->n_adding > 0 || self->thumbnailing;
}

/**
 * amends_attachments_open:
 *
 * Opens the viewer on the attachment at @position, with Previous and
 * Next through the others.
 */
void
amends_attachments_open (AmendsAttachments *self,
                         guint              position)
{
  GtkRoot *root;

  g_return_if_fail (AMENDS_IS_ATTACHMENTS (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->attachments)))
    return;

  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->viewer = amends_attachment_viewer_new (GTK_WIDGET (self), self->store,
                                               G_LIST_MODEL (self->attachments), position);
  g_object_add_weak_pointer (G_OBJECT (self->viewer), (gpointer *) &self->viewer);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (self->viewer, GTK_WINDOW (root));
  gtk_window_present (self->viewer);
}

GtkWindow *
amends_attachments_get_viewer (AmendsAttachments *self)
{
  g_return_val_if_fail (AMENDS_IS_ATTACHMENTS (self), NULL);
  return self->viewer;
}
