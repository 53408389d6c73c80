/* amends-store-escalated.h: the cases escalated to a team lead in a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

GListModel *amends_store_list_escalated (AmendsStore  *self,
                                         GDateTime    *from,
                                         GDateTime    *until,
                                         gint64        escalation_seconds,
                                         guint         limit,
                                         guint        *n_escalated,
                                         GError      **error);

G_END_DECLS
