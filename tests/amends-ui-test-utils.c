/* amends-ui-test-utils.c: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include <gdk/x11/gdkx.h>

/* Lets everything that is pending happen: idles, redraws, signals. */
void
amends_ui_test_drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/**
 * amends_ui_test_find_child:
 * @id: (nullable): the id in the template, or %NULL for the first of @type
 *
 * Returns: (transfer none) (nullable): @widget or the first widget below it
 *   of @type (and @id), depth first
 */
GtkWidget *
amends_ui_test_find_child (GtkWidget  *widget,
                           const char *id,
                           GType       type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (id == NULL ||
       g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = amends_ui_test_find_child (child, id, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
on_wait_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * amends_ui_test_wait_for_cases:
 * @widget: the case sidebar, or a widget (the window) that has one
 *
 * Lets the main loop run until the case list has caught up: the list
 * that a search or a filter asked for has landed, and the ids have been
 * read again after the last commit (both happen in a thread).  The limit
 * only keeps a broken build from hanging CI; it is not a measure of speed.
 */
void
amends_ui_test_wait_for_cases (GtkWidget *widget)
{
  /* By name: this library links GTK alone, not the application's. */
  GType sidebar_type = g_type_from_name ("AmendsCaseSidebar");
  GtkWidget *sidebar;
  gboolean timed_out = FALSE;
  gboolean busy = TRUE;
  guint timeout_id;

  g_assert_true (sidebar_type != 0);
  sidebar = amends_ui_test_find_child (widget, NULL, sidebar_type);
  g_assert_nonnull (sidebar);

  timeout_id = g_timeout_add_seconds (20, on_wait_timeout_cb, &timed_out);
  while (!timed_out)
    {
      g_object_get (sidebar, "busy", &busy, NULL);
      if (!busy)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  amends_ui_test_drain ();
}

/* Renders @widget as it is on screen into a PNG at @path, as TECH-NOTES
 * describes: paintable, snapshot, render node, texture. */
/* A picture of one colour means nothing was drawn: a widget not mapped,
 * or not laid out yet. */
static void
assert_something_drawn (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  gboolean varied = FALSE;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_texture_download (texture, pixels, stride);
  for (gsize i = 4; i < stride * height && !varied; i += 4)
    varied = memcmp (pixels + i, pixels, 4) != 0;
  g_assert_true (varied);
}

void
amends_ui_test_save_png (GtkWidget  *widget,
                         const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderNode *node = NULL;
  int width = 0;
  int height = 0;

  /* A widget just shown, or in a popover just popped up, may not be laid
   * out and drawn yet (more so on a busy machine): wait for its frames
   * rather than take a picture of nothing. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      GtkSnapshot *snapshot;

      if (attempt > 0)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
          amends_ui_test_drain ();
        }
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  assert_something_drawn (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s (%dx%d)", path, width, height);
}

/**
 * amends_ui_test_screenshot_dir:
 *
 * Where screenshot tests save their pictures: $AMENDS_SCREENSHOT_DIR, for
 * people to look at, or else screenshots/ in the build directory, so that
 * the tests run (and check that something was drawn) under make check.
 *
 * Returns: (transfer none): the folder, which exists
 */
const char *
amends_ui_test_screenshot_dir (void)
{
  static char *dir;

  if (dir == NULL)
    {
      const char *wanted = g_getenv ("AMENDS_SCREENSHOT_DIR");

      dir = wanted != NULL && *wanted != '\0'
            ? g_strdup (wanted)
            : g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    }

  return dir;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * amends_ui_test_wait_until:
 *
 * Runs the main context until @done says so.  It sleeps in the main
 * context between checks (woken by its events, and every 10 ms for what
 * a thread changed); the 20 s limit only keeps a broken build from
 * hanging CI, it is not a measure of speed.
 */
void
amends_ui_test_wait_until (gboolean (*done) (gpointer),
                           gpointer   data)
{
  gint64 give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  amends_ui_test_drain ();
}

/**
 * amends_ui_test_press_keys:
 * @keys: keys as xdotool names them, such as "F6" or "ctrl+z Down"
 *
 * Real key presses, through the X server (GTK 4 cannot make key events):
 * xdotool gives @window the input focus and types @keys, which then go
 * through every controller and binding as a person's would.
 *
 * Returns: FALSE when that cannot be done here (no X11 or no xdotool)
 */
gboolean
amends_ui_test_press_keys (GtkWindow  *window,
                           const char *keys)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int status = 0;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  {
    const char *argv[] = { xdotool, "windowfocus", "--sync", xid, "key", "--clearmodifiers", keys, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  gdk_display_sync (gdk_surface_get_display (surface));
  amends_ui_test_drain ();
  return TRUE;
}
