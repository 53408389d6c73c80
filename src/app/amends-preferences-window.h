/* amends-preferences-window.h: the settings a manager sets once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_PREFERENCES_WINDOW (amends_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AmendsPreferencesWindow, amends_preferences_window, AMENDS, PREFERENCES_WINDOW, AdwPreferencesWindow)

AmendsPreferencesWindow *amends_preferences_window_new (GtkWindow   *parent,
                                                        AmendsStore *store);

G_END_DECLS
