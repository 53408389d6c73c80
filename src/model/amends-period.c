/* amends-period.c: a period the measures are read for, and its neighbours
 *
 * A week, four weeks from a Monday, a calendar year, or any other span of
 * time: what it is decides how far "previous" and "next" move, how it is
 * named in the period picker ("Week 47 · 16–22 Nov 2026") and what a
 * change is compared with ("on the week before").  Immutable: moving
 * makes a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-period"

#include "config.h"

#include "amends-period.h"

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

static AmendsPeriodKind
guess_kind (GDateTime *from,
            GDateTime *until)
{
  g_autoptr(GDateTime) week = g_date_time_add_weeks (from, 1);
  g_autoptr(GDateTime) four_weeks = g_date_time_add_weeks (from, 4);
  g_autoptr(GDateTime) year = g_date_time_add_years (from, 1);

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

    case AMENDS_PERIOD_OTHER:
    default:
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
      return g_date_time_format (self->from, "%Y");

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
    case AMENDS_PERIOD_OTHER:
    default:
      /* Translators: after a change in points: "▲ 5 points" "on the period before" */
      return _("on the period before");
    }
}
