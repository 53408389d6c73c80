/* amends-playbooks-page.h: Preferences → Playbooks: a playbook per category, and the causes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_PLAYBOOKS_PAGE (amends_playbooks_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendsPlaybooksPage, amends_playbooks_page, AMENDS, PLAYBOOKS_PAGE, AdwPreferencesPage)

GtkWidget *amends_playbooks_page_new   (AmendsStore         *store);
gboolean   amends_playbooks_page_flush (AmendsPlaybooksPage *self,
                                        GError             **error);

G_END_DECLS
