/* amends-stay-group.h: where the guest stays and when they leave, on a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-autosave.h"
#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STAY_GROUP (amends_stay_group_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStayGroup, amends_stay_group, AMENDS, STAY_GROUP, GtkWidget)

void         amends_stay_group_set_store    (AmendsStayGroup  *self,
                                             AmendsStore      *store);
AmendsStore *amends_stay_group_get_store    (AmendsStayGroup  *self);
gint64       amends_stay_group_get_case_id  (AmendsStayGroup  *self);
void         amends_stay_group_set_case_id  (AmendsStayGroup  *self,
                                             gint64            case_id);
gboolean     amends_stay_group_flush        (AmendsStayGroup  *self,
                                             GError          **error);
AmendsAutosave *amends_stay_group_get_autosave (AmendsStayGroup *self);

G_END_DECLS
