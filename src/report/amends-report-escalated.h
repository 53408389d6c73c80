/* amends-report-escalated.h: the weekly summary's "Escalated to a lead"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-report-table.h"
#include "amends-store.h"

G_BEGIN_DECLS

GPtrArray *amends_report_escalated_rows  (AmendsStore       *store,
                                          GDateTime         *from,
                                          GDateTime         *as_of,
                                          int                escalation_hours,
                                          guint             *n_escalated,
                                          GError           **error);
void       amends_report_place_escalated (AmendsPageCursor  *cur,
                                          GPtrArray         *rows,
                                          guint              n_escalated,
                                          int                escalation_hours);

G_END_DECLS
