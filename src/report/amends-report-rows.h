/* amends-report-rows.h: the cells of the summary's tables, read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

GPtrArray *amends_report_owner_rows   (AmendsStore  *store,
                                       GDateTime    *from,
                                       GDateTime    *until,
                                       GError      **error);
GPtrArray *amends_report_overdue_rows (AmendsStore  *store,
                                       GDateTime    *as_of,
                                       guint        *n_past_due,
                                       GError      **error);
GPtrArray *amends_report_story_rows   (AmendsStore  *store,
                                       GDateTime    *from,
                                       GDateTime    *until,
                                       GError      **error);
GPtrArray *amends_report_lesson_rows  (AmendsStore  *store,
                                       GDateTime    *from,
                                       GDateTime    *until,
                                       GError      **error);

G_END_DECLS
