/* amends-report-lessons.h: the summary's tables of what the lessons say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-report-page.h"
#include "amends-store-lessons.h"

G_BEGIN_DECLS

char      *amends_report_format_not_recorded (guint                        n_unknown,
                                              guint                        n_of);
GPtrArray *amends_report_rater_rows          (const AmendsLessonMeasures  *lessons);
GPtrArray *amends_report_cause_rows          (const AmendsLessonMeasures  *lessons);
GPtrArray *amends_report_bent_rule_rows      (const AmendsLessonMeasures  *lessons);
void       amends_report_place_lessons       (AmendsPageCursor            *cur,
                                              const AmendsMeasures        *week,
                                              const AmendsLessonMeasures  *lessons,
                                              gboolean                     is_week);

G_END_DECLS
