/* amends-store-helpers.h: the people who helped on a case, and handing a
 * case over to another team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

GArray   *amends_store_list_case_helpers  (AmendsStore  *self,
                                           gint64        case_id,
                                           GError      **error);
gboolean  amends_store_add_case_helper    (AmendsStore  *self,
                                           gint64        case_id,
                                           gint64        staff_id,
                                           GError      **error);
gboolean  amends_store_remove_case_helper (AmendsStore  *self,
                                           gint64        case_id,
                                           gint64        staff_id,
                                           GError      **error);
GStrv     amends_store_list_teams         (AmendsStore  *self,
                                           GError      **error);
gboolean  amends_store_hand_over          (AmendsStore  *self,
                                           AmendsCase   *kase,
                                           const char   *team,
                                           const char   *note,
                                           gboolean      clear_owner,
                                           GError      **error);

G_END_DECLS
