/* amends-case-helpers.h: the case editor's Helpers row, under the owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_HELPERS (amends_case_helpers_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseHelpers, amends_case_helpers, AMENDS, CASE_HELPERS, AdwPreferencesRow)

G_END_DECLS
