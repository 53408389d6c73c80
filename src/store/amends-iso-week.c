/* amends-iso-week.c: ISO weeks, Monday to Monday, in the zone a time
 * is in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-iso-week"

#include "config.h"

#include "amends-iso-week.h"

#include <stdio.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

GDateTime *
amends_iso_week_start (GDateTime *when)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  day = g_date_time_new (g_date_time_get_timezone (when),
                         g_date_time_get_year (when),
                         g_date_time_get_month (when),
                         g_date_time_get_day_of_month (when), 0, 0, 0);

  return g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
}

char *
amends_iso_week_format (GDateTime *week_start)
{
  return g_strdup_printf ("%04d-W%02d",
                          g_date_time_get_week_numbering_year (week_start),
                          g_date_time_get_week_of_year (week_start));
}

/**
 * amends_iso_week_parse:
 * @text: a week such as "2026-W47"
 * @zone: (nullable): the zone of the week's days; local when %NULL
 *
 * Returns: %TRUE with the week's first moment in @from and the next
 *   week's in @until
 */
gboolean
amends_iso_week_parse (const char  *text,
                       GTimeZone   *zone,
                       GDateTime  **from,
                       GDateTime  **until,
                       GError     **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) jan4 = NULL;
  g_autoptr(GDateTime) week1 = NULL;
  g_autoptr(GDateTime) start = NULL;
  int year = 0, week = 0;
  char end = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  /* The week after the last of 9999 is past what GDateTime can hold. */
  if (sscanf (text, "%4d-W%2d%c", &year, &week, &end) != 2 || year < 1970 || year > 9998 || week < 1)
    goto invalid;

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();

  /* Week 1 is the week with 4 January in it. */
  jan4 = g_date_time_new (zone, year, 1, 4, 0, 0, 0);
  week1 = amends_iso_week_start (jan4);
  start = g_date_time_add_weeks (week1, week - 1);
  if (start == NULL || g_date_time_get_week_numbering_year (start) != year)
    goto invalid;

  *from = g_date_time_ref (start);
  *until = g_date_time_add_weeks (start, 1);
  return TRUE;

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a week. Write it as year, W and week number, like 2026-W47."), text);
  return FALSE;
}
