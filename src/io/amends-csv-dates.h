/* amends-csv-dates.h: the dates of an imported file, as other programs write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amends-csv-import.h"

G_BEGIN_DECLS

/* The day/month dates of a file: the first of each kind, with its line
 * (0 when there is none). */
typedef struct
{
  guint  day_first_line;     /* the first that must be day first */
  char  *day_first_text;
  guint  month_first_line;   /* the first that must be month first */
  char  *month_first_text;
  guint  ambiguous_line;     /* the first that could be either */
  char  *ambiguous_text;
} AmendsCsvDates;

void               amends_csv_dates_scan      (AmendsCsvDates       *dates,
                                               GPtrArray            *rows);
void               amends_csv_dates_clear     (AmendsCsvDates       *dates);
AmendsCsvDateOrder amends_csv_dates_get_order (const AmendsCsvDates *dates,
                                               AmendsCsvDateOrder    said,
                                               AmendsCsvFormat       format);
GDateTime         *amends_csv_parse_time      (const char           *text,
                                               AmendsCsvDateOrder    order,
                                               GTimeZone            *zone);

G_END_DECLS
