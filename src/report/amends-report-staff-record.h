/* amends-report-staff-record.h: a person's recovery record, for reviews,
 * as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store-staff-record.h"

G_BEGIN_DECLS

/* One figure of the record: what it is, and its value in words. */
typedef struct
{
  const char *label;
  char       *value;
} AmendsStaffFigure;

GArray   *amends_staff_record_figures       (const AmendsStaffRecord *record);
char     *amends_staff_record_format_period (const AmendsStaffRecord *record);
char     *amends_staff_record_format_bend   (const AmendsRuleBend    *bend);
gboolean  amends_staff_record_write_pdf     (const AmendsStaffRecord *record,
                                             const char              *organisation,
                                             GDateTime               *made_at,
                                             const char              *path,
                                             GError                 **error);

G_END_DECLS
