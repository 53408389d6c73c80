/* amends-report-format.h: the summary's dates, shares and times in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store-measures.h"

G_BEGIN_DECLS

char *amends_report_format_share           (const AmendsShare *share);
char *amends_report_format_span            (gint64             seconds);
char *amends_report_format_day_month_year  (GDateTime         *when);
char *amends_report_format_week_days       (GDateTime         *start);
char *amends_report_format_week_title      (GDateTime         *start);
char *amends_report_truncate               (const char        *text);

G_END_DECLS
