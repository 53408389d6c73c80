/* test-ui-attachments.c: photos and files on a case, added, dropped, viewed and removed as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "amends-ui-test-utils.h"

#include "amends-attachment-viewer.h"
#include "amends-attachments.h"
#include "amends-case-editor.h"
#include "amends-store-attachments.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb       db;
  gint64             case_id;
  GtkWindow         *window;
  AdwToastOverlay   *overlay;
  AmendsCaseEditor  *editor;
  AmendsAttachments *attachments;
} Fixture;

/* A photo drawn here: a sky over a floor, @width × @height. */
static char *
make_photo (Fixture    *f,
            const char *name,
            int         width,
            int         height,
            guint32     top,
            guint32     bottom)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GdkPixbuf) lower = gdk_pixbuf_new_subpixbuf (pixbuf, 0, height * 2 / 3, width, height - height * 2 / 3);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->db.dir, name, NULL);

  gdk_pixbuf_fill (pixbuf, top);
  gdk_pixbuf_fill (lower, bottom);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);

  return path;
}

static gint64
count_rows (Fixture    *f,
            const char *where)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM attachments WHERE ", where, NULL);
  gint64 n = -1;

  g_assert_true (amends_store_query_int64 (f->db.store, sql, &n, NULL));
  return n;
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (amends_attachments_get_model (f->attachments));
}

static gboolean
is_idle (gpointer data)
{
  Fixture *f = data;

  return !amends_attachments_get_busy (f->attachments);
}

static void
wait_idle (Fixture *f)
{
  amends_ui_test_wait_until (is_idle, f);
  amends_ui_test_drain ();
}

static GtkWidget *
flow_child (Fixture *f,
            guint    index)
{
  GtkFlowBox *flow_box = GTK_FLOW_BOX (amends_ui_test_find_child (GTK_WIDGET (f->attachments), NULL, GTK_TYPE_FLOW_BOX));

  return GTK_WIDGET (gtk_flow_box_get_child_at_index (flow_box, index));
}

static GtkWidget *
error_label (Fixture *f)
{
  return amends_ui_test_find_child (GTK_WIDGET (f->attachments), "error_label", GTK_TYPE_LABEL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(AmendsCase) kase = NULL;

  amends_test_db_setup (&f->db, data);
  when = amends_test_time ("2026-11-18T07:00:00Z");
  kase = amends_test_add_case (f->db.store, "Shower in 214 runs cold", when);
  f->case_id = amends_record_get_id (AMENDS_RECORD (kase));

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (f->window, 800, 900);
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  f->editor = AMENDS_CASE_EDITOR (amends_case_editor_new (f->db.store));
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->editor));
  gtk_window_set_child (f->window, GTK_WIDGET (f->overlay));
  amends_case_editor_set_case_id (f->editor, f->case_id);

  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();

  f->attachments = AMENDS_ATTACHMENTS (amends_ui_test_find_child (GTK_WIDGET (f->editor), "attachments",
                                                                  AMENDS_TYPE_ATTACHMENTS));
  g_assert_nonnull (f->attachments);
  wait_idle (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  g_assert_null (f->editor);
  g_assert_null (f->window);

  amends_test_db_teardown (&f->db, data);
}

typedef struct
{
  GtkFileChooser *chooser;
} ChooserWait;

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (data);

  return g_list_model_get_n_items (files) == 1;
}

/* Add… as a person uses it: the file chooser opens, a file is picked in
 * it, and Attach is pressed. */
static void
add_by_chooser (Fixture    *f,
                const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkFileChooserNative *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->attachments), "attachments.add", NULL));
  chooser = amends_attachments_get_chooser (f->attachments);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  amends_ui_test_wait_until (chooser_has_file, chooser);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_null (amends_attachments_get_chooser (f->attachments));
  wait_idle (f);
}

/* The bytes the store holds for its only attachment, read back with SQL. */
static GBytes *
stored_bytes (Fixture *f)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (amends_store_get_db (f->db.store),
                                       "SELECT data FROM attachments", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);

  return bytes;
}

static void
assert_file_stored (Fixture    *f,
                    const char *path)
{
  g_autoptr(GBytes) bytes = stored_bytes (f);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
}

static void
test_add_by_action (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = make_photo (f, "IMG_2034.png", 640, 480, 0x6f9fd8ff, 0xd8c8a8ff);
  GtkWidget *child;
  GtkWidget *picture;
  GdkPaintable *thumbnail;
  g_autoptr(AmendsAttachment) shown = NULL;
  const char *tooltip;

  g_assert_cmpuint (n_shown (f), ==, 0);
  add_by_chooser (f, path);

  /* The store holds the file's very bytes, as a photo. */
  g_assert_cmpint (count_rows (f, "deleted_at IS NULL AND content_type = 'image/png' AND name = 'IMG_2034.png'"), ==, 1);
  assert_file_stored (f, path);

  /* A thumbnail, 192 pixels on its longer side, with its name and size. */
  g_assert_cmpuint (n_shown (f), ==, 1);
  shown = g_list_model_get_item (amends_attachments_get_model (f->attachments), 0);
  thumbnail = amends_attachments_get_thumbnail (f->attachments, amends_attachment_get_id (shown));
  g_assert_nonnull (thumbnail);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail), ==, 192);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (thumbnail), ==, 144);
  child = flow_child (f, 0);
  g_assert_nonnull (child);
  picture = amends_ui_test_find_child (child, NULL, GTK_TYPE_PICTURE);
  g_assert_true (gtk_picture_get_paintable (GTK_PICTURE (picture)) == thumbnail);
  tooltip = gtk_widget_get_tooltip_text (child);
  g_assert_true (g_str_has_prefix (tooltip, "Photo IMG_2034.png, "));
  g_assert_true (g_str_has_suffix (tooltip, "\u00a0kB"));
  g_assert_false (gtk_widget_get_visible (error_label (f)));
}

static GtkDropTarget *
find_file_drop_target (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
          gsize n_types = 0;
          const GType *types;

          if (!GTK_IS_DROP_TARGET (controller))
            continue;
          types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), &n_types);
          for (gsize t = 0; t < n_types; t++)
            if (types[t] == GDK_TYPE_FILE_LIST)
              return GTK_DROP_TARGET (controller);
        }
    }

  return NULL;
}

/* Files dropped on the case, as the file manager drops them: a file list
 * on the drop target of the editor's area. */
static gboolean
drop_files (Fixture     *f,
            const char **paths)
{
  GtkWidget *area = amends_ui_test_find_child (GTK_WIDGET (f->editor), "scroller", GTK_TYPE_SCROLLED_WINDOW);
  GtkDropTarget *target;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  /* On the editor's area, not only on the group of attachments. */
  g_assert_nonnull (area);
  target = find_file_drop_target (area);
  g_assert_nonnull (target);
  g_assert_true (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)) == area);

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &accepted);
  g_value_unset (&value);
  wait_idle (f);

  return accepted;
}

static void
scroll_to_attachments (Fixture *f)
{
  GtkWidget *scroller = amends_ui_test_find_child (GTK_WIDGET (f->editor), "scroller", GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->attachments), content, &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 300);
  amends_ui_test_drain ();
}

static void
test_drop_files (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *photo = make_photo (f, "shower.png", 300, 400, 0xe0e0e0ff, 0x4060a0ff);
  g_autofree char *receipt = g_build_filename (f->db.dir, "receipt.txt", NULL);
  const char *paths[] = { photo, receipt, NULL };
  g_autoptr(AmendsAttachment) second = NULL;

  g_assert_true (g_file_set_contents (receipt, "Plumber: 85.00\n", -1, NULL));
  g_assert_true (drop_files (f, paths));

  g_assert_cmpint (count_rows (f, "deleted_at IS NULL"), ==, 2);
  g_assert_cmpint (count_rows (f, "name = 'receipt.txt' AND size = 15 AND content_type = 'text/plain'"), ==, 1);
  g_assert_cmpuint (n_shown (f), ==, 2);

  /* In the order dropped; the text file with an icon, not a thumbnail,
   * and said to be a file. */
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (flow_child (f, 0)), "Photo shower.png, "));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (flow_child (f, 1)), ==, "File receipt.txt, 15 bytes");
  second = g_list_model_get_item (amends_attachments_get_model (f->attachments), 1);
  g_assert_null (amends_attachments_get_thumbnail (f->attachments, amends_attachment_get_id (second)));
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (amends_ui_test_find_child (flow_child (f, 1), NULL, GTK_TYPE_PICTURE))));

  {
    g_autofree char *png = g_build_filename (amends_ui_test_screenshot_dir (), "attachments-photo-and-file.png", NULL);

    scroll_to_attachments (f);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
    amends_ui_test_save_png (GTK_WIDGET (f->window), png);
  }

  /* The viewer shows what kind of file it is, and no picture. */
  g_assert_true (gtk_widget_grab_focus (flow_child (f, 1)));
  g_signal_emit_by_name (flow_child (f, 1), "activate");
  g_assert_nonnull (amends_attachments_get_viewer (f->attachments));
  g_assert_cmpstr (gtk_window_get_title (amends_attachments_get_viewer (f->attachments)), ==, "receipt.txt");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (amends_ui_test_find_child (GTK_WIDGET (amends_attachments_get_viewer (f->attachments)), "stack", GTK_TYPE_STACK))), ==, "file");

  /* Remove in the viewer: the file leaves the case, the viewer follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (amends_attachments_get_viewer (f->attachments)), "viewer.remove", NULL));
  g_assert_cmpint (count_rows (f, "deleted_at IS NOT NULL AND name = 'receipt.txt'"), ==, 1);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (amends_attachments_get_viewer (f->attachments)), ==, "shower.png");
}

static void
make_sized_file (const char *path,
                 gint64      size)
{
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  g_assert_cmpint (fseeko (file, size - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', file), ==, 'x');
  g_assert_cmpint (fclose (file), ==, 0);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *huge = g_build_filename (f->db.dir, "IMG_2034.jpg", NULL);
  const char *paths[] = { huge, NULL };

  make_sized_file (huge, 23400000);
  drop_files (f, paths);

  g_assert_true (gtk_widget_get_visible (error_label (f)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label (f))), ==,
                   "“IMG_2034.jpg” is 23.4\u00a0MB; files up to 10.0\u00a0MB can be attached. "
                   "A photo can be made smaller in an image editor (in GIMP: Image → Scale Image), "
                   "or taken again at a lower resolution.");
  g_assert_cmpint (count_rows (f, "1"), ==, 0);
  g_assert_cmpuint (n_shown (f), ==, 0);
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_undo_button (gpointer data)
{
  Fixture *f = data;

  return find_button_labelled (GTK_WIDGET (f->overlay), "_Undo") != NULL;
}

static gboolean
shows_one (gpointer data)
{
  return n_shown (data) == 1;
}

static void
test_remove_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = make_photo (f, "IMG_2034.png", 640, 480, 0x6f9fd8ff, 0xd8c8a8ff);
  GtkWidget *child;

  add_by_chooser (f, path);
  g_assert_cmpuint (n_shown (f), ==, 1);

  /* Delete on the thumbnail that has the focus. */
  child = flow_child (f, 0);
  g_assert_true (gtk_widget_grab_focus (child));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->attachments), "attachments.remove-focused", NULL));

  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpint (count_rows (f, "deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (count_rows (f, "deleted_at IS NULL"), ==, 0);

  amends_ui_test_wait_until (has_undo_button, f);
  gtk_widget_activate (find_button_labelled (GTK_WIDGET (f->overlay), "_Undo"));
  amends_ui_test_wait_until (shows_one, f);
  wait_idle (f);

  g_assert_cmpint (count_rows (f, "deleted_at IS NULL"), ==, 1);
  {
    g_autoptr(AmendsAttachment) back = g_list_model_get_item (amends_attachments_get_model (f->attachments), 0);

    g_assert_cmpstr (amends_attachment_get_name (back), ==, "IMG_2034.png");
    g_assert_nonnull (amends_attachments_get_thumbnail (f->attachments, amends_attachment_get_id (back)));
  }
}

static gboolean
viewer_loaded (gpointer data)
{
  Fixture *f = data;
  GtkWindow *viewer = amends_attachments_get_viewer (f->attachments);

  return viewer != NULL && !amends_attachment_viewer_get_loading (AMENDS_ATTACHMENT_VIEWER (viewer));
}

/* The editor with two photos, and the viewer on the second: pictures for
 * people to look at. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = make_photo (f, "IMG_2034.png", 1200, 900, 0x6f9fd8ff, 0xd8c8a8ff);
  g_autofree char *second = make_photo (f, "shower-214.png", 900, 1200, 0xe8e8e8ff, 0x3a6ea5ff);
  const char *paths[] = { first, second, NULL };
  const char *dir = amends_ui_test_screenshot_dir ();
  g_autofree char *editor_png = g_build_filename (dir, "attachments-editor.png", NULL);
  g_autofree char *viewer_png = g_build_filename (dir, "attachments-viewer.png", NULL);
  GtkWindow *viewer;

  {
    g_autofree char *png = g_build_filename (dir, "attachments-none.png", NULL);

    scroll_to_attachments (f);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
    amends_ui_test_save_png (GTK_WIDGET (f->window), png);
  }

  drop_files (f, paths);
  g_assert_cmpuint (n_shown (f), ==, 2);
  scroll_to_attachments (f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_save_png (GTK_WIDGET (f->window), editor_png);

  /* While files are dragged over the case, as GTK marks it. */
  {
    GtkWidget *area = amends_ui_test_find_child (GTK_WIDGET (f->editor), "scroller", GTK_TYPE_SCROLLED_WINDOW);
    g_autofree char *drag_png = g_build_filename (dir, "attachments-drop-highlight.png", NULL);

    gtk_widget_set_state_flags (area, GTK_STATE_FLAG_DROP_ACTIVE, FALSE);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
    amends_ui_test_save_png (GTK_WIDGET (f->window), drag_png);
    gtk_widget_unset_state_flags (area, GTK_STATE_FLAG_DROP_ACTIVE);
  }

  /* Enter on the second thumbnail opens it. */
  g_assert_true (gtk_widget_grab_focus (flow_child (f, 1)));
  g_signal_emit_by_name (flow_child (f, 1), "activate");
  viewer = amends_attachments_get_viewer (f->attachments);
  g_assert_nonnull (viewer);
  gtk_window_set_default_size (viewer, 700, 560);
  amends_ui_test_wait_until (viewer_loaded, f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (viewer));
  amends_ui_test_drain ();
  g_assert_cmpuint (amends_attachment_viewer_get_position (AMENDS_ATTACHMENT_VIEWER (viewer)), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (viewer), ==, "shower-214.png");
  amends_ui_test_save_png (GTK_WIDGET (viewer), viewer_png);

  /* Previous goes to the first; there is none before it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.previous", NULL));
  g_assert_cmpuint (amends_attachment_viewer_get_position (AMENDS_ATTACHMENT_VIEWER (viewer)), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (viewer), ==, "IMG_2034.png");
  g_assert_false (gtk_widget_is_sensitive (amends_ui_test_find_child (GTK_WIDGET (viewer), "previous_button", GTK_TYPE_BUTTON)));
  amends_ui_test_wait_until (viewer_loaded, f);
}

static void
load_application_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_application_style ();

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/ui/attachments/add-by-action-shows-thumbnail", test_add_by_action);
  ADD_TEST ("/ui/attachments/drop-files-on-the-case", test_drop_files);
  ADD_TEST ("/ui/attachments/too-large-is-refused-with-a-message", test_too_large);
  ADD_TEST ("/ui/attachments/remove-and-undo", test_remove_and_undo);
  ADD_TEST ("/ui/attachments/screenshots", test_screenshots);

  return g_test_run ();
}
