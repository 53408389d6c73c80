/* amends-staff-page.h: the people who may be at the desk, added, renamed and deactivated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STAFF_PAGE (amends_staff_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStaffPage, amends_staff_page, AMENDS, STAFF_PAGE, AdwPreferencesPage)

AmendsStaffPage *amends_staff_page_new       (AmendsStore     *store);
AmendsStore     *amends_staff_page_get_store (AmendsStaffPage *self);

G_END_DECLS
