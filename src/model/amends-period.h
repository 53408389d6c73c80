/* amends-period.h: a period the measures are read for, and its neighbours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  AMENDS_PERIOD_WEEK,
  AMENDS_PERIOD_FOUR_WEEKS,
  AMENDS_PERIOD_YEAR,
  AMENDS_PERIOD_MONTH,
  AMENDS_PERIOD_QUARTER,
  AMENDS_PERIOD_OTHER,
} AmendsPeriodKind;

/* What one point of a period's trend is. */
typedef enum
{
  AMENDS_PERIOD_TREND_WEEKS,
  AMENDS_PERIOD_TREND_MONTHS,
  AMENDS_PERIOD_TREND_YEARS,
} AmendsPeriodTrend;

#define AMENDS_TYPE_PERIOD (amends_period_get_type ())

G_DECLARE_FINAL_TYPE (AmendsPeriod, amends_period, AMENDS, PERIOD, GObject)

AmendsPeriod     *amends_period_new              (GDateTime        *from,
                                                  GDateTime        *until);
AmendsPeriod     *amends_period_new_full         (AmendsPeriodKind  kind,
                                                  GDateTime        *from,
                                                  GDateTime        *until);
AmendsPeriod     *amends_period_new_named        (const char       *name,
                                                  GDateTime        *now,
                                                  GDateTime        *this_week);
AmendsPeriod     *amends_period_shift            (AmendsPeriod     *self,
                                                  int               steps);
AmendsPeriodKind  amends_period_get_kind         (AmendsPeriod     *self);
GDateTime        *amends_period_get_from         (AmendsPeriod     *self);
GDateTime        *amends_period_get_until        (AmendsPeriod     *self);
char             *amends_period_dup_label        (AmendsPeriod     *self);
const char       *amends_period_get_compare_text (AmendsPeriod     *self);

AmendsPeriod     *amends_period_parse            (const char       *text,
                                                  GTimeZone        *zone,
                                                  GError          **error);
AmendsPeriod     *amends_period_new_around       (AmendsPeriodKind  kind,
                                                  GDateTime        *when);
AmendsPeriod     *amends_period_new_days         (GDate            *first,
                                                  GDate            *last,
                                                  GTimeZone        *zone,
                                                  GError          **error);
gboolean          amends_period_parse_day        (const char       *text,
                                                  GDate            *day);
char             *amends_period_dup_title        (AmendsPeriod     *self);
char             *amends_period_dup_days         (AmendsPeriod     *self);
char             *amends_period_dup_name         (AmendsPeriod     *self);
GPtrArray        *amends_period_dup_trend        (AmendsPeriod     *self,
                                                  GDateTime        *now,
                                                  AmendsPeriodTrend *unit,
                                                  GPtrArray       **labels);

G_END_DECLS
