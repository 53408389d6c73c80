/* amends-targets-page.h: recovery targets by severity and category, and
 * the office hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_TARGETS_PAGE (amends_targets_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendsTargetsPage, amends_targets_page, AMENDS, TARGETS_PAGE, AdwPreferencesPage)

AmendsTargetsPage *amends_targets_page_new (AmendsStore *store);

G_END_DECLS
