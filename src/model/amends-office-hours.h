/* amends-office-hours.h: a site's office hours, and a target counted in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One span of a weekday when the office is open: weekday 1 = Monday …
 * 7 = Sunday, @opens and @closes in minutes from midnight, local time
 * (0 ≤ opens < closes ≤ 1440).  A day may have several spans (a lunch
 * break) or none (closed). */
typedef struct
{
  int weekday;
  int opens;
  int closes;
} AmendsOfficeSpan;

gboolean   amends_office_hours_is_set  (const AmendsOfficeSpan *spans,
                                        guint                   n_spans);
GDateTime *amends_office_hours_add     (GDateTime              *start,
                                        gint64                  seconds,
                                        GTimeZone              *zone,
                                        const AmendsOfficeSpan *spans,
                                        guint                   n_spans);

G_END_DECLS
