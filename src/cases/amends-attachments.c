/* amends-attachments.c: a case's photos and files, as thumbnails
 *
 * The group "Photos and Files" of the case editor: a thumbnail a photo
 * (an icon for any other file) with its name and size, an Add… button,
 * and files dropped anywhere on the case (amends-attachments-add.c).  A
 * thumbnail opens the viewer (amends-attachment-viewer.c); Delete on one,
 * or Remove in the viewer, moves it to the trash with Undo in a toast.
 *
 * Nothing here waits on the disk: the store lists, reads and writes the
 * attachments in worker threads (amends-store-attachments.c), and the
 * thumbnails are decoded in another (amends-attachment-image.c), one at a
 * time and at a small size.  They are kept in memory for the case shown
 * only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-attachments"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-attachments-private.h"
#include "amends-utils.h"

#include "amends-attachment-image.h"
#include "amends-attachment-viewer.h"
#include "amends-store-attachments.h"

/* The longer side of a thumbnail, in pixels: twice what is shown, for a
 * screen at scale 2. */
#define THUMBNAIL_SIZE   192
#define THUMBNAIL_SHOWN  112

G_DEFINE_FINAL_TYPE (AmendsAttachments, amends_attachments, ADW_TYPE_PREFERENCES_GROUP)

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

void
_amends_attachments_show_error (AmendsAttachments *self,
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
    amends_widget_add_toast (GTK_WIDGET (self), g_object_ref (toast));
}

void
_amends_attachments_update_visibility (AmendsAttachments *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->attachments)) > 0;

  gtk_widget_set_visible (self->flow_box, any);
  gtk_widget_set_visible (self->empty_label, !any);
  gtk_widget_set_visible (self->busy_label, self->n_adding > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachments.add",
                                 self->store != NULL && self->case_id > 0);
}

/* Thumbnails */

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
  g_autoptr(GdkTexture) texture = amends_attachment_image_load_finish (result, &error);
  gint64 id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->thumbnailing = FALSE;
  id = self->thumbnail_id;
  if (texture == NULL)
    {
      g_debug ("No thumbnail for attachment %" G_GINT64_FORMAT ": %s", id, error->message);
      g_hash_table_add (self->no_thumbnail, g_memdup2 (&id, sizeof id));
    }
  else
    {
      GtkWidget *picture = find_picture (self, id);

      g_hash_table_insert (self->thumbnails, g_memdup2 (&id, sizeof id), g_object_ref (texture));
      if (picture != NULL)
        gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
    }

  _amends_attachments_load_next_thumbnail (self);
}

static void
on_thumbnail_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  AmendsAttachments *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 id;

  bytes = amends_store_read_attachment_finish (AMENDS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  id = self->thumbnail_id;
  if (bytes == NULL)
    {
      self->thumbnailing = FALSE;
      g_hash_table_add (self->no_thumbnail, g_memdup2 (&id, sizeof id));
      _amends_attachments_load_next_thumbnail (self);
      return;
    }

  amends_attachment_image_load_async (bytes, THUMBNAIL_SIZE, self->cancellable, on_decoded_cb, self);
}

/* One at a time, so that a case with many photos does not read them all
 * into memory at once. */
void
_amends_attachments_load_next_thumbnail (AmendsAttachments *self)
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
      _amends_attachments_show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_list_store_splice (self->attachments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attachments)),
                       items->pdata, items->len);
  _amends_attachments_update_visibility (self);
  _amends_attachments_load_next_thumbnail (self);
}

static void
reload (AmendsAttachments *self)
{
  if (self->store == NULL || self->case_id <= 0)
    return;

  amends_store_list_attachments_async (self->store, self->case_id, self->cancellable, on_listed_cb, self);
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
    _amends_attachments_show_error (self, error->message);
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
      _amends_attachments_show_error (self, error->message);
      return;
    }

  g_list_store_remove (self->attachments, position);
  g_hash_table_remove (self->thumbnails, &id);
  _amends_attachments_update_visibility (self);

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

static void
amends_attachments_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (amends_attachments_parent_class)->root (widget);
  _amends_attachments_watch_drops (AMENDS_ATTACHMENTS (widget));
}

static void
amends_attachments_unroot (GtkWidget *widget)
{
  _amends_attachments_unwatch_drops (AMENDS_ATTACHMENTS (widget));
  GTK_WIDGET_CLASS (amends_attachments_parent_class)->unroot (widget);
}

static void
amends_attachments_dispose (GObject *object)
{
  AmendsAttachments *self = AMENDS_ATTACHMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _amends_attachments_clear_queue (self);
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

  gtk_widget_class_install_action (widget_class, "attachments.add", NULL, _amends_attachments_add_action);
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
  _amends_attachments_update_visibility (self);
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
  _amends_attachments_clear_queue (self);
  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);

  g_set_object (&self->store, store);
  self->case_id = case_id;
  g_hash_table_remove_all (self->thumbnails);
  g_hash_table_remove_all (self->no_thumbnail);
  g_list_store_remove_all (self->attachments);
  _amends_attachments_show_error (self, NULL);
  _amends_attachments_update_visibility (self);
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
