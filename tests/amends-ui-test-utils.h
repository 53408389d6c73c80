/* amends-ui-test-utils.h: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       amends_ui_test_drain      (void);
gboolean   amends_ui_test_press_keys (GtkWindow  *window,
                                      const char *keys);
GtkWidget *amends_ui_test_find_child (GtkWidget  *widget,
                                      const char *id,
                                      GType       type);
void       amends_ui_test_wait_for_cases (GtkWidget  *widget);
void       amends_ui_test_save_png   (GtkWidget  *widget,
                                      const char *path);
const char *amends_ui_test_screenshot_dir (void);
void       amends_ui_test_wait_until (gboolean  (*done) (gpointer),
                                      gpointer    data);

G_END_DECLS
