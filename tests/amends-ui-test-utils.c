/* amends-ui-test-utils.c: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

/* Lets everything that is pending happen: idles, redraws, signals. */
void
amends_ui_test_drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Renders @widget as it is on screen into a PNG at @path, as TECH-NOTES
 * describes: paintable, snapshot, render node, texture. */
void
amends_ui_test_save_png (GtkWidget  *widget,
                         const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s (%dx%d)", path, width, height);
}
