/* amends-store-playbooks.h: a recovery playbook per category, and the causes a lesson names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

/* What a site has written down for one category of breakdown: what
 * putting it right means here, and what may be spent on the surprise.
 * A text never written is NULL. */
typedef struct
{
  char   *category;
  char   *put_right;
  char   *spending_guide;
  gint64  updated_at;      /* Unix time of the last save; 0 if never saved */
} AmendsPlaybook;

#define AMENDS_TYPE_PLAYBOOK (amends_playbook_get_type ())
/* Announced in ::record-changed (with an id of 0) when the site's list
 * of causes changes. */
#define AMENDS_TYPE_CAUSES (amends_causes_get_type ())

GType           amends_playbook_get_type          (void) G_GNUC_CONST;
GType           amends_causes_get_type            (void) G_GNUC_CONST;
AmendsPlaybook *amends_playbook_copy              (const AmendsPlaybook *playbook);
void            amends_playbook_free              (AmendsPlaybook       *playbook);
gboolean        amends_playbook_is_empty          (const AmendsPlaybook *playbook);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsPlaybook, amends_playbook_free)

AmendsPlaybook *amends_store_load_playbook        (AmendsStore          *self,
                                                   const char           *category,
                                                   GError              **error);
gboolean        amends_store_save_playbook        (AmendsStore          *self,
                                                   const char           *category,
                                                   const char           *put_right,
                                                   const char           *spending_guide,
                                                   GError              **error);
GStrv           amends_store_list_playbook_ideas  (AmendsStore          *self,
                                                   const char           *category,
                                                   guint                 limit,
                                                   GError              **error);

GStrv           amends_store_list_causes          (AmendsStore          *self,
                                                   GError              **error);
gboolean        amends_store_add_cause            (AmendsStore          *self,
                                                   const char           *name,
                                                   GError              **error);
gboolean        amends_store_remove_cause         (AmendsStore          *self,
                                                   const char           *name,
                                                   GError              **error);

G_END_DECLS
