/* amends-playbook-hint.h: the playbook of the case's category, beside the fix and the surprise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_PLAYBOOK_HINT (amends_playbook_hint_get_type ())

G_DECLARE_FINAL_TYPE (AmendsPlaybookHint, amends_playbook_hint, AMENDS, PLAYBOOK_HINT, GtkWidget)

GtkWidget   *amends_playbook_hint_new          (void);
void         amends_playbook_hint_set_store    (AmendsPlaybookHint *self,
                                                AmendsStore        *store);
const char  *amends_playbook_hint_get_category (AmendsPlaybookHint *self);
void         amends_playbook_hint_set_category (AmendsPlaybookHint *self,
                                                const char         *category);

G_END_DECLS
