/* amends-reminders-page.h: Preferences → Reminders: which desktop notifications come, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMENDS_TYPE_REMINDERS_PAGE (amends_reminders_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendsRemindersPage, amends_reminders_page, AMENDS, REMINDERS_PAGE, AdwPreferencesPage)

AmendsRemindersPage *amends_reminders_page_new          (void);
char                *amends_reminders_dup_autostart_path (void);
gboolean             amends_reminders_set_autostart      (gboolean   enabled,
                                                          GError   **error);

G_END_DECLS
