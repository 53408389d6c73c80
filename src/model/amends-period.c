/* amends-period.c: a period the measures are read for, and its neighbours
 *
 * A week, four weeks from a Monday, a calendar month, quarter or year, or
 * any other span of time (a range of whole days, as a custom range is): what it is decides how far "previous" and "next" move, how it is
 * named in the period picker ("Week 47 · 16–22 Nov 2026") and what a
 * change is compared with ("on the week before").  Immutable: moving
 * makes a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-period"

#include "config.h"

#include "amends-period.h"

#include <stdio.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

struct _AmendsPeriod
{
  GObject           parent_instance;

  AmendsPeriodKind  kind;
  GDateTime        *from;
  GDateTime        *until;
};

G_DEFINE_FINAL_TYPE (AmendsPeriod, amends_period, G_TYPE_OBJECT)

static gboolean
is_midnight (GDateTime *when)
{
  return g_date_time_get_hour (when) == 0 &&
         g_date_time_get_minute (when) == 0 &&
         g_date_time_get_seconds (when) == 0.0;
}

static gboolean
is_week_start (GDateTime *when)
{
  return is_midnight (when) && g_date_time_get_day_of_week (when) == 1;
}

static gboolean
is_month_start (GDateTime *when)
{
  return is_midnight (when) && g_date_time_get_day_of_month (when) == 1;
}

/* Midnight of @when's day. */
static GDateTime *
day_start (GDateTime *when)
{
  return g_date_time_new (g_date_time_get_timezone (when), g_date_time_get_year (when),
                          g_date_time_get_month (when), g_date_time_get_day_of_month (when), 0, 0, 0);
}

/* Monday 00:00 of @when's ISO week (amends-iso-week.c is the store's;
 * the model keeps its own two lines). */
static GDateTime *
week_start (GDateTime *when)
{
  g_autoptr(GDateTime) day = day_start (when);

  return g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (when));
}

static GDateTime *
month_start (GDateTime *when,
             int        months_a_step)
{
  int month = g_date_time_get_month (when);

  month -= (month - 1) % months_a_step;
  return g_date_time_new (g_date_time_get_timezone (when), g_date_time_get_year (when), month, 1, 0, 0, 0);
}

static int
quarter_of (GDateTime *when)
{
  return (g_date_time_get_month (when) - 1) / 3 + 1;
}

static AmendsPeriodKind
guess_kind (GDateTime *from,
            GDateTime *until)
{
  g_autoptr(GDateTime) week = g_date_time_add_weeks (from, 1);
  g_autoptr(GDateTime) four_weeks = g_date_time_add_weeks (from, 4);
  g_autoptr(GDateTime) year = g_date_time_add_years (from, 1);
  g_autoptr(GDateTime) month = g_date_time_add_months (from, 1);
  g_autoptr(GDateTime) quarter = g_date_time_add_months (from, 3);

  if (is_month_start (from) && g_date_time_equal (until, month))
    return AMENDS_PERIOD_MONTH;
  if (is_month_start (from) && g_date_time_get_month (from) % 3 == 1 &&
      g_date_time_equal (until, quarter))
    return AMENDS_PERIOD_QUARTER;

  if (is_week_start (from) && g_date_time_equal (until, week))
    return AMENDS_PERIOD_WEEK;
  if (is_week_start (from) && g_date_time_equal (until, four_weeks))
    return AMENDS_PERIOD_FOUR_WEEKS;
  if (is_midnight (from) && g_date_time_get_day_of_year (from) == 1 &&
      g_date_time_equal (until, year))
    return AMENDS_PERIOD_YEAR;

  return AMENDS_PERIOD_OTHER;
}

/* "16–22 Nov 2026", "26 Oct – 22 Nov 2026", "28 Dec 2026 – 3 Jan 2027" */
static char *
format_days (GDateTime *first,
             GDateTime *last)
{
  /* Translators: the last day of a range of days, a g_date_time_format() format: "22 Nov 2026" */
  g_autofree char *end = g_date_time_format (last, _("%-d %b %Y"));
  g_autofree char *start = NULL;

  if (g_date_time_get_year (first) != g_date_time_get_year (last))
    start = g_date_time_format (first, _("%-d %b %Y"));
  else if (g_date_time_get_month (first) != g_date_time_get_month (last))
    /* Translators: the first day of a range within one year, a g_date_time_format() format: "26 Oct" */
    start = g_date_time_format (first, _("%-d %b"));
  else if (g_date_time_get_day_of_month (first) != g_date_time_get_day_of_month (last))
    {
      /* Translators: the first day of a range within one month, a g_date_time_format() format: "16" */
      start = g_date_time_format (first, _("%-d"));
      /* Translators: a range of days within one month: "16–22 Nov 2026" */
      return g_strdup_printf (_("%s–%s"), start, end);
    }
  else
    return g_steal_pointer (&end);

  /* Translators: a range of days across months: "26 Oct – 22 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), start, end);
}

static void
amends_period_finalize (GObject *object)
{
  AmendsPeriod *self = AMENDS_PERIOD (object);

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);

  G_OBJECT_CLASS (amends_period_parent_class)->finalize (object);
}

static void
amends_period_class_init (AmendsPeriodClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amends_period_finalize;
}

static void
amends_period_init (AmendsPeriod *self)
{
}

/**
 * amends_period_new_full:
 * @from: the period's first moment
 * @until: the moment after its last
 *
 * Returns: (transfer full): [from, until), of @kind whatever it looks like
 */
AmendsPeriod *
amends_period_new_full (AmendsPeriodKind  kind,
                        GDateTime        *from,
                        GDateTime        *until)
{
  AmendsPeriod *self;

  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  self = g_object_new (AMENDS_TYPE_PERIOD, NULL);
  self->kind = kind;
  self->from = g_date_time_ref (from);
  self->until = g_date_time_ref (until);

  return self;
}

/**
 * amends_period_new:
 *
 * Returns: (transfer full): [from, until); a week, four weeks from a
 *   Monday or a calendar year is recognised as such, so that previous and
 *   next move by as much
 */
AmendsPeriod *
amends_period_new (GDateTime *from,
                   GDateTime *until)
{
  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  return amends_period_new_full (guess_kind (from, until), from, until);
}

/**
 * amends_period_new_named:
 * @name: "this-week", "last-week", "last-4-weeks" or "this-year", as the
 *   period picker names them
 * @now: the moment it is
 * @this_week: the first moment of the week of @now
 *
 * Returns: (transfer full) (nullable): the period, or %NULL for a name
 *   not known
 */
AmendsPeriod *
amends_period_new_named (const char *name,
                         GDateTime  *now,
                         GDateTime  *this_week)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  AmendsPeriodKind kind;

  g_return_val_if_fail (name != NULL && now != NULL && this_week != NULL, NULL);

  if (g_str_equal (name, "this-week"))
    {
      kind = AMENDS_PERIOD_WEEK;
      from = g_date_time_ref (this_week);
      until = g_date_time_add_weeks (this_week, 1);
    }
  else if (g_str_equal (name, "last-week"))
    {
      kind = AMENDS_PERIOD_WEEK;
      from = g_date_time_add_weeks (this_week, -1);
      until = g_date_time_ref (this_week);
    }
  else if (g_str_equal (name, "last-4-weeks"))
    {
      kind = AMENDS_PERIOD_FOUR_WEEKS;
      from = g_date_time_add_weeks (this_week, -3);
      until = g_date_time_add_weeks (this_week, 1);
    }
  else if (g_str_equal (name, "this-year"))
    {
      kind = AMENDS_PERIOD_YEAR;
      from = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now), 1, 1, 0, 0, 0);
      until = g_date_time_add_years (from, 1);
    }
  else
    return NULL;

  return amends_period_new_full (kind, from, until);
}

/**
 * amends_period_shift:
 *
 * Returns: (transfer full): the period @steps periods away, of the same kind
 */
AmendsPeriod *
amends_period_shift (AmendsPeriod *self,
                     int           steps)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;

  g_return_val_if_fail (AMENDS_IS_PERIOD (self), NULL);

  switch (self->kind)
    {
    case AMENDS_PERIOD_WEEK:
      from = g_date_time_add_weeks (self->from, steps);
      until = g_date_time_add_weeks (self->until, steps);
      break;

    case AMENDS_PERIOD_FOUR_WEEKS:
      from = g_date_time_add_weeks (self->from, 4 * steps);
      until = g_date_time_add_weeks (self->until, 4 * steps);
      break;

    case AMENDS_PERIOD_YEAR:
      from = g_date_time_add_years (self->from, steps);
      until = g_date_time_add_years (self->until, steps);
      break;

    /* From the first of the month, so that no month is cut short. */
    case AMENDS_PERIOD_MONTH:
      from = g_date_time_add_months (self->from, steps);
      until = g_date_time_add_months (from, 1);
      break;

    case AMENDS_PERIOD_QUARTER:
      from = g_date_time_add_months (self->from, 3 * steps);
      until = g_date_time_add_months (from, 3);
      break;

    case AMENDS_PERIOD_OTHER:
    default:
      /* Whole days move by whole days: a range across a change of the
       * clocks still starts at midnight. */
      if (is_midnight (self->from) && is_midnight (self->until))
        {
          GDate a, b;
          int days;

          g_date_clear (&a, 1);
          g_date_clear (&b, 1);
          g_date_set_dmy (&a, g_date_time_get_day_of_month (self->from), g_date_time_get_month (self->from),
                          g_date_time_get_year (self->from));
          g_date_set_dmy (&b, g_date_time_get_day_of_month (self->until), g_date_time_get_month (self->until),
                          g_date_time_get_year (self->until));
          days = g_date_days_between (&a, &b);
          from = g_date_time_add_days (self->from, days * steps);
          until = g_date_time_add_days (self->until, days * steps);
        }
      else
        {
          GTimeSpan span = g_date_time_difference (self->until, self->from);

          from = g_date_time_add (self->from, span * steps);
          until = g_date_time_add (self->until, span * steps);
        }
      break;
    }

  return amends_period_new_full (self->kind, from, until);
}

AmendsPeriodKind
amends_period_get_kind (AmendsPeriod *self)
{
  g_return_val_if_fail (AMENDS_IS_PERIOD (self), AMENDS_PERIOD_OTHER);

  return self->kind;
}

GDateTime *
amends_period_get_from (AmendsPeriod *self)
{
  g_return_val_if_fail (AMENDS_IS_PERIOD (self), NULL);

  return self->from;
}

GDateTime *
amends_period_get_until (AmendsPeriod *self)
{
  g_return_val_if_fail (AMENDS_IS_PERIOD (self), NULL);

  return self->until;
}

/* "Week 47 · 16–22 Nov 2026", as the period picker shows it */
char *
amends_period_dup_label (AmendsPeriod *self)
{
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *days = NULL;

  g_return_val_if_fail (AMENDS_IS_PERIOD (self), NULL);

  last = g_date_time_add_seconds (self->until, -1);
  days = format_days (self->from, last);

  switch (self->kind)
    {
    case AMENDS_PERIOD_WEEK:
      /* Translators: the period picker: "Week 47 · 16–22 Nov 2026" */
      return g_strdup_printf (_("Week %d · %s"), g_date_time_get_week_of_year (self->from), days);

    case AMENDS_PERIOD_FOUR_WEEKS:
      /* Translators: the period picker: "Weeks 44–47 · 26 Oct – 22 Nov 2026" */
      return g_strdup_printf (_("Weeks %d–%d · %s"),
                              g_date_time_get_week_of_year (self->from),
                              g_date_time_get_week_of_year (last),
                              days);

    case AMENDS_PERIOD_YEAR:
      /* Translators: a year, a g_date_time_format() format: "2026" */
      return g_date_time_format (self->from, C_("year", "%Y"));

    case AMENDS_PERIOD_MONTH:
      /* Translators: the period picker for a month, a g_date_time_format() format: "November 2026" */
      return g_date_time_format (self->from, _("%B %Y"));

    case AMENDS_PERIOD_QUARTER:
      /* Translators: the period picker for a quarter: "Q4 2026 · 1 Oct – 31 Dec 2026" */
      return g_strdup_printf (_("Q%d %d · %s"), quarter_of (self->from),
                              g_date_time_get_year (self->from), days);

    case AMENDS_PERIOD_OTHER:
    default:
      return g_steal_pointer (&days);
    }
}

/* What a change is measured against: "on the week before" */
const char *
amends_period_get_compare_text (AmendsPeriod *self)
{
  g_return_val_if_fail (AMENDS_IS_PERIOD (self), NULL);

  switch (self->kind)
    {
    case AMENDS_PERIOD_WEEK:
      /* Translators: after a change in points: "▲ 5 points" "on the week before" */
      return _("on the week before");
    case AMENDS_PERIOD_FOUR_WEEKS:
      /* Translators: after a change in points: "▲ 5 points" "on the 4 weeks before" */
      return _("on the 4 weeks before");
    case AMENDS_PERIOD_YEAR:
      /* Translators: after a change in points: "▲ 5 points" "on the year before" */
      return _("on the year before");
    case AMENDS_PERIOD_MONTH:
      /* Translators: after a change in points: "▲ 5 points" "on the month before" */
      return _("on the month before");
    case AMENDS_PERIOD_QUARTER:
      /* Translators: after a change in points: "▲ 5 points" "on the quarter before" */
      return _("on the quarter before");
    case AMENDS_PERIOD_OTHER:
    default:
      /* Translators: after a change in points: "▲ 5 points" "on the period before" */
      return _("on the period before");
    }
}

/**
 * amends_period_new_around:
 * @kind: a week, four weeks, a month, a quarter or a year
 * @when: a moment in it, in the zone whose days count
 *
 * Returns: (transfer full) (nullable): the period of @kind that holds
 *   @when (four weeks: the four that end with @when's week); %NULL for
 *   %AMENDS_PERIOD_OTHER, which has no length of its own
 */
AmendsPeriod *
amends_period_new_around (AmendsPeriodKind  kind,
                          GDateTime        *when)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  switch (kind)
    {
    case AMENDS_PERIOD_WEEK:
      from = week_start (when);
      until = g_date_time_add_weeks (from, 1);
      break;
    case AMENDS_PERIOD_FOUR_WEEKS:
      until = week_start (when);
      from = g_date_time_add_weeks (until, -3);
      g_date_time_unref (until);
      until = g_date_time_add_weeks (from, 4);
      break;
    case AMENDS_PERIOD_MONTH:
      from = month_start (when, 1);
      until = g_date_time_add_months (from, 1);
      break;
    case AMENDS_PERIOD_QUARTER:
      from = month_start (when, 3);
      until = g_date_time_add_months (from, 3);
      break;
    case AMENDS_PERIOD_YEAR:
      from = g_date_time_new (g_date_time_get_timezone (when), g_date_time_get_year (when), 1, 1, 0, 0, 0);
      until = g_date_time_add_years (from, 1);
      break;
    case AMENDS_PERIOD_OTHER:
    default:
      return NULL;
    }

  return amends_period_new_full (kind, from, until);
}

static GDateTime *
date_to_midnight (const GDate *day,
                  GTimeZone   *zone)
{
  return g_date_time_new (zone, g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), 0, 0, 0);
}

/* "1 October 2026", as the error messages and the summary say a day */
static char *
format_date (const GDate *day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = date_to_midnight (day, utc);

  /* Translators: a date as in "16 November 2026"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/**
 * amends_period_new_days:
 * @first: the first day
 * @last: the last day, in the period too
 * @zone: (nullable): whose midnights the days start at; local when %NULL
 *
 * Returns: (transfer full) (nullable): the days from @first to @last; a
 *   month, quarter, year or week is recognised as such.  %NULL with an
 *   error when @last is before @first.
 */
AmendsPeriod *
amends_period_new_days (GDate      *first,
                        GDate      *last,
                        GTimeZone  *zone,
                        GError    **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) last_midnight = NULL;

  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  if (g_date_compare (last, first) < 0)
    {
      g_autofree char *a = format_date (first);
      g_autofree char *b = format_date (last);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: a range of days given backwards */
                   _("The period ends on %s, before it begins on %s."), b, a);
      return NULL;
    }

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();

  from = date_to_midnight (first, zone);
  last_midnight = date_to_midnight (last, zone);
  until = g_date_time_add_days (last_midnight, 1);
  if (from == NULL || until == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The period is out of the range of dates Amends can count."));
      return NULL;
    }

  return amends_period_new (from, until);
}

/**
 * amends_period_parse_day:
 * @text: a day written "2026-11-18"
 *
 * Returns: whether @text is such a day that exists; it is in @day then
 */
gboolean
amends_period_parse_day (const char *text,
                         GDate      *day)
{
  int y = 0, m = 0, d = 0, n = 0;

  g_return_val_if_fail (text != NULL && day != NULL, FALSE);

  if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || text[n] != '\0' || n != 10 ||
      y < 1970 || y > 9998 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (day, 1);
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

static gboolean
set_invalid (GError     **error,
             const char  *text)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: %s is what was typed for a period */
               _("“%s” is not a period: write FROM..TO as 2026-10-01..2026-12-31, a month as 2026-11, a quarter as 2026-Q4 or a week as 2026-W47."),
               text);
  return FALSE;
}

/* "2026-11", "2026-Q4", "2026-W47", "2026": the first and last day. */
static gboolean
parse_named (const char *text,
             GDate      *first,
             GDate      *last)
{
  int y = 0, k = 0, n = 0;

  g_date_clear (first, 1);
  g_date_clear (last, 1);

  if (sscanf (text, "%4d-Q%1d%n", &y, &k, &n) == 2 && text[n] == '\0' && n == 7 && k >= 1 && k <= 4)
    {
      g_date_set_dmy (first, 1, 3 * (k - 1) + 1, y);
      *last = *first;
      g_date_add_months (last, 3);
    }
  else if (sscanf (text, "%4d-W%2d%n", &y, &k, &n) == 2 && text[n] == '\0' && n == 8 && k >= 1 && k <= 53)
    {
      /* Week 1 is the week with 4 January in it. */
      g_date_set_dmy (first, 4, 1, y);
      g_date_subtract_days (first, g_date_get_weekday (first) - G_DATE_MONDAY);
      g_date_add_days (first, 7 * (k - 1));
      *last = *first;
      g_date_add_days (last, 7);
      if (g_date_get_iso8601_week_of_year (first) != (guint) k)
        return FALSE;
    }
  else if (sscanf (text, "%4d-%2d%n", &y, &k, &n) == 2 && text[n] == '\0' && n == 7 && k >= 1 && k <= 12)
    {
      g_date_set_dmy (first, 1, k, y);
      *last = *first;
      g_date_add_months (last, 1);
    }
  else if (sscanf (text, "%4d%n", &y, &n) == 1 && text[n] == '\0' && n == 4)
    {
      g_date_set_dmy (first, 1, 1, y);
      *last = *first;
      g_date_add_years (last, 1);
    }
  else
    return FALSE;

  if (y < 1970 || y > 9998)
    return FALSE;

  /* The day before the next one begins. */
  g_date_subtract_days (last, 1);
  return TRUE;
}

/**
 * amends_period_parse:
 * @text: "2026-10-01..2026-12-31" (both days in the period), a month
 *   "2026-11", a quarter "2026-Q4", an ISO week "2026-W47", a year "2026"
 *   or one day "2026-11-18"
 * @zone: (nullable): whose midnights the days start at; local when %NULL
 *
 * Returns: (transfer full) (nullable): the period, or %NULL with an
 *   error that says what is wrong in a sentence
 */
AmendsPeriod *
amends_period_parse (const char  *text,
                     GTimeZone   *zone,
                     GError     **error)
{
  g_auto(GStrv) ends = NULL;
  GDate first, last;

  g_return_val_if_fail (text != NULL, NULL);

  ends = g_strsplit (text, "..", 2);
  if (ends[0] != NULL && ends[1] != NULL)
    {
      GDate ignored;
      const char *bad = NULL;

      if (!amends_period_parse_day (ends[0], &first) && !parse_named (ends[0], &first, &ignored))
        bad = ends[0];
      else if (!amends_period_parse_day (ends[1], &last) && !parse_named (ends[1], &ignored, &last))
        bad = ends[1];

      if (bad != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       /* Translators: %s is what was typed for a day */
                       _("“%s” is not a date: write it as YYYY-MM-DD, such as 2026-10-01."), bad);
          return NULL;
        }
    }
  else if (amends_period_parse_day (text, &first))
    last = first;
  else if (!parse_named (text, &first, &last))
    {
      set_invalid (error, text);
      return NULL;
    }

  return amends_period_new_days (&first, &last, zone, error);
}

/* "16 November 2026" */
static char *
format_long_day (GDateTime *when)
{
  /* Translators: a date as in "16 November 2026"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/**
 * amends_period_dup_days:
 *
 * Returns: (transfer full): the days of the period in full, as the
 *   printed summary says them: "1 October – 31 December 2026",
 *   "16–22 November 2026", "18 November 2026"
 */
char *
amends_period_dup_days (AmendsPeriod *self)
{
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *end = NULL;
  g_autofree char *start = NULL;

  g_return_val_if_fail (AMENDS_IS_PERIOD (self), NULL);

  last = g_date_time_add_seconds (self->until, -1);
  end = format_long_day (last);

  if (g_date_time_get_year (self->from) != g_date_time_get_year (last))
    start = format_long_day (self->from);
  else if (g_date_time_get_month (self->from) != g_date_time_get_month (last))
    /* Translators: a day and a month, as in "30 November"; see g_date_time_format() */
    start = g_date_time_format (self->from, _("%-d %B"));
  else if (g_date_time_get_day_of_month (self->from) != g_date_time_get_day_of_month (last))
    {
      /* Translators: the month and year, as in "November 2026"; see g_date_time_format() */
      g_autofree char *month = g_date_time_format (last, _("%B %Y"));

      /* Translators: days in one month, as in "16–22 November 2026" */
      return g_strdup_printf (_("%d–%d %s"), g_date_time_get_day_of_month (self->from),
                              g_date_time_get_day_of_month (last), month);
    }
  else
    return g_steal_pointer (&end);

  /* Translators: days across months, "1 October – 31 December 2026" */
  return g_strdup_printf (_("%s – %s"), start, end);
}

/**
 * amends_period_dup_name:
 *
 * Returns: (transfer full): the period's name: "Week 47, 2026",
 *   "November 2026", "Quarter 4, 2026", "2026", or its days
 */
char *
amends_period_dup_name (AmendsPeriod *self)
{
  g_return_val_if_fail (AMENDS_IS_PERIOD (self), NULL);

  switch (self->kind)
    {
    case AMENDS_PERIOD_WEEK:
      /* Translators: a week's name; the first %d is the ISO week number, the second its year */
      return g_strdup_printf (_("Week %d, %d"), g_date_time_get_week_of_year (self->from),
                              g_date_time_get_week_numbering_year (self->from));
    case AMENDS_PERIOD_MONTH:
      /* Translators: a month's name, a g_date_time_format() format: "November 2026" */
      return g_date_time_format (self->from, _("%B %Y"));
    case AMENDS_PERIOD_QUARTER:
      /* Translators: a quarter's name: "Quarter 4, 2026" */
      return g_strdup_printf (_("Quarter %d, %d"), quarter_of (self->from), g_date_time_get_year (self->from));
    case AMENDS_PERIOD_YEAR:
      /* Translators: a year, a g_date_time_format() format: "2026" */
      return g_date_time_format (self->from, C_("year", "%Y"));
    case AMENDS_PERIOD_FOUR_WEEKS:
    case AMENDS_PERIOD_OTHER:
    default:
      return amends_period_dup_days (self);
    }
}

/**
 * amends_period_dup_title:
 *
 * Returns: (transfer full): the printed summary's title: "Weekly summary
 *   — Week 47, 2026" for a week, "Summary — Quarter 4, 2026",
 *   "Summary — 1 October – 12 December 2026"
 */
char *
amends_period_dup_title (AmendsPeriod *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (AMENDS_IS_PERIOD (self), NULL);

  if (self->kind == AMENDS_PERIOD_WEEK)
    /* Translators: the title of the printed summary; the first %d is the ISO
     * week number, the second its year */
    return g_strdup_printf (_("Weekly summary — Week %d, %d"),
                            g_date_time_get_week_of_year (self->from),
                            g_date_time_get_week_numbering_year (self->from));

  name = amends_period_dup_name (self);
  /* Translators: the title of the printed summary of a month, a quarter or
   * any days: "Summary — Quarter 4, 2026" */
  return g_strdup_printf (_("Summary — %s"), name);
}

/* The start of the trend's next bucket after @when. */
static GDateTime *
next_boundary (GDateTime         *when,
               AmendsPeriodTrend  unit)
{
  g_autoptr(GDateTime) start = NULL;

  switch (unit)
    {
    case AMENDS_PERIOD_TREND_WEEKS:
      start = week_start (when);
      return g_date_time_add_weeks (start, 1);
    case AMENDS_PERIOD_TREND_MONTHS:
      start = month_start (when, 1);
      return g_date_time_add_months (start, 1);
    case AMENDS_PERIOD_TREND_YEARS:
    default:
      start = g_date_time_new (g_date_time_get_timezone (when), g_date_time_get_year (when), 1, 1, 0, 0, 0);
      return g_date_time_add_years (start, 1);
    }
}

static char *
bucket_label (GDateTime         *start,
              AmendsPeriodTrend  unit,
              gboolean           years_differ)
{
  switch (unit)
    {
    case AMENDS_PERIOD_TREND_WEEKS:
      /* Translators: an ISO week under the trend chart, "W47"; %d is its number */
      return g_strdup_printf (_("W%d"), g_date_time_get_week_of_year (start));
    case AMENDS_PERIOD_TREND_MONTHS:
      return years_differ
        /* Translators: a month under the trend chart when it spans years, a g_date_time_format() format: "Jan 27" */
        ? g_date_time_format (start, _("%b %y"))
        /* Translators: a month under the trend chart, a g_date_time_format() format: "Jan" */
        : g_date_time_format (start, _("%b"));
    case AMENDS_PERIOD_TREND_YEARS:
    default:
      /* Translators: a year, a g_date_time_format() format: "2026" */
      return g_date_time_format (start, C_("year", "%Y"));
    }
}

/**
 * amends_period_dup_trend:
 * @now: the moment it is: no point of the trend starts after it
 * @unit: (out) (optional): what a point is
 * @labels: (out) (optional) (transfer full): a label a point, "W47", "Jan"
 *
 * What the trend chart shows of the period, a point a span:
 *
 * - a week or four weeks: the eight weeks that end with the period's last
 *   week (or this week, if that is still to come), for the weeks around
 *   the period give its figures their meaning;
 * - up to 26 weeks (a month, a quarter, a short range): the weeks of the
 *   period itself, the first and last cut to the period where it starts
 *   or ends mid-week, so that the points add up to the period;
 * - up to three years: its months, cut to the period the same way;
 * - longer: its years.
 *
 * A point whose span starts after @now is left out: it has nothing yet.
 *
 * Returns: (transfer full) (element-type GDateTime): the bounds of the
 *   spans, one more than the points: span i is [bounds[i], bounds[i + 1])
 */
GPtrArray *
amends_period_dup_trend (AmendsPeriod       *self,
                         GDateTime          *now,
                         AmendsPeriodTrend  *unit,
                         GPtrArray         **labels)
{
  g_autoptr(GPtrArray) bounds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) last = NULL;
  AmendsPeriodTrend by;
  GTimeSpan span;
  gboolean years_differ;

  g_return_val_if_fail (AMENDS_IS_PERIOD (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  last = g_date_time_add_seconds (self->until, -1);
  span = g_date_time_difference (self->until, self->from);

  if (self->kind == AMENDS_PERIOD_WEEK || self->kind == AMENDS_PERIOD_FOUR_WEEKS)
    {
      g_autoptr(GDateTime) last_week = week_start (g_date_time_compare (last, now) > 0 ? now : last);

      by = AMENDS_PERIOD_TREND_WEEKS;
      for (int i = -7; i <= 1; i++)
        g_ptr_array_add (bounds, g_date_time_add_weeks (last_week, i));
    }
  else
    {
      GDateTime *bound;

      if (span <= 26 * 7 * G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR)
        by = AMENDS_PERIOD_TREND_WEEKS;
      else if (span <= 3 * 366 * G_TIME_SPAN_DAY)
        by = AMENDS_PERIOD_TREND_MONTHS;
      else
        by = AMENDS_PERIOD_TREND_YEARS;

      g_ptr_array_add (bounds, g_date_time_ref (self->from));
      for (bound = next_boundary (self->from, by);
           g_date_time_compare (bound, self->until) < 0 && g_date_time_compare (bound, now) <= 0;
           bound = next_boundary (bound, by))
        g_ptr_array_add (bounds, bound);
      /* Past the period's end, or past now: the last span ends there. */
      if (g_date_time_compare (bound, self->until) >= 0)
        {
          g_date_time_unref (bound);
          g_ptr_array_add (bounds, g_date_time_ref (self->until));
        }
      else
        g_ptr_array_add (bounds, bound);
    }

  years_differ = g_date_time_get_year (bounds->pdata[0]) !=
                 g_date_time_get_year (bounds->pdata[bounds->len - 2]);
  for (guint i = 0; i + 1 < bounds->len; i++)
    g_ptr_array_add (names, bucket_label (bounds->pdata[i], by, years_differ));

  if (unit != NULL)
    *unit = by;
  if (labels != NULL)
    *labels = g_steal_pointer (&names);

  return g_steal_pointer (&bounds);
}
