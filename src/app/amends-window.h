/* amends-window.h: the main window: who is at the desk, and the three views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_WINDOW (amends_window_get_type ())

G_DECLARE_FINAL_TYPE (AmendsWindow, amends_window, AMENDS, WINDOW, AdwApplicationWindow)

AmendsWindow *amends_window_new       (GtkApplication *application,
                                       AmendsStore    *store);
AmendsStore  *amends_window_get_store (AmendsWindow   *self);
void          amends_window_add_toast (AmendsWindow   *self,
                                       AdwToast       *toast);
void          amends_window_show_error (AmendsWindow   *self,
                                        const char     *message);

G_END_DECLS
