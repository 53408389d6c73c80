/* amends-hero-picker.h: choosing who put things right
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_HERO_PICKER (amends_hero_picker_get_type())

G_DECLARE_FINAL_TYPE (AmendsHeroPicker, amends_hero_picker, AMENDS, HERO_PICKER, AdwPreferencesGroup)

gboolean  amends_hero_picker_load       (AmendsHeroPicker  *self,
                                         AmendsStore       *store,
                                         GArray            *heroes,
                                         GError           **error);
GArray   *amends_hero_picker_dup_chosen (AmendsHeroPicker  *self);

G_END_DECLS
