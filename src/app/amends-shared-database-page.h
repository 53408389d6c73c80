/* amends-shared-database-page.h: Preferences → Shared Database: which database this desk uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_SHARED_DATABASE_PAGE (amends_shared_database_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendsSharedDatabasePage, amends_shared_database_page, AMENDS, SHARED_DATABASE_PAGE, AdwPreferencesPage)

AmendsSharedDatabasePage *amends_shared_database_page_new (AmendsStore *store);

G_END_DECLS
