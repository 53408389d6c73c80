/* amends-report-format.c: the summary's dates, shares and times in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-format"

#include "config.h"

#include "amends-report-format.h"

#include <glib/gi18n.h>

#include "amends-clock.h"
#include "amends-percent.h"

/* A single cell never grows taller than a page: longer texts end in "…". */
#define MAX_CELL_CHARS 1500

char *
amends_report_format_share (const AmendsShare *share)
{
  if (share->share < 0)
    return g_strdup ("—");

  /* Translators: a share with what it is of, as in "60 % (3 of 5)" */
  return g_strdup_printf (_("%d %% (%u of %u)"), amends_percent_of (share->share),
                          share->n_counted, share->n_of);
}

char *
amends_report_format_span (gint64 seconds)
{
  if (seconds < 0)
    return g_strdup ("—");
  return amends_clock_format_span (seconds * G_TIME_SPAN_SECOND);
}

char *
amends_report_format_day_month_year (GDateTime *when)
{
  /* Translators: a date as in "16 November 2026"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/* "16–22 November 2026", "30 November – 6 December 2026" or across a new
 * year "28 December 2026 – 3 January 2027". */
char *
amends_report_format_week_days (GDateTime *start)
{
  g_autoptr(GDateTime) last = g_date_time_add_days (start, 6);

  if (g_date_time_get_year (start) != g_date_time_get_year (last))
    {
      g_autofree char *a = amends_report_format_day_month_year (start);
      g_autofree char *b = amends_report_format_day_month_year (last);

      /* Translators: the days of a week across the new year */
      return g_strdup_printf (_("%s – %s"), a, b);
    }

  if (g_date_time_get_month (start) != g_date_time_get_month (last))
    {
      /* Translators: a day and a month, as in "30 November"; see g_date_time_format() */
      g_autofree char *a = g_date_time_format (start, _("%-d %B"));
      g_autofree char *b = amends_report_format_day_month_year (last);

      /* Translators: the days of a week across two months, "30 November – 6 December 2026" */
      return g_strdup_printf (_("%s – %s"), a, b);
    }

  {
    /* Translators: the month and year, as in "November 2026"; see g_date_time_format() */
    g_autofree char *month = g_date_time_format (last, _("%B %Y"));

    /* Translators: the days of a week in one month, as in "16–22 November 2026" */
    return g_strdup_printf (_("%d–%d %s"), g_date_time_get_day_of_month (start),
                            g_date_time_get_day_of_month (last), month);
  }
}

char *
amends_report_format_week_title (GDateTime *start)
{
  /* Translators: the title of the printed summary; the first %d is the ISO
   * week number, the second its year */
  return g_strdup_printf (_("Weekly summary — Week %d, %d"),
                          g_date_time_get_week_of_year (start),
                          g_date_time_get_week_numbering_year (start));
}

char *
amends_report_truncate (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= MAX_CELL_CHARS)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, MAX_CELL_CHARS);
    return g_strconcat (head, "…", NULL);
  }
}
