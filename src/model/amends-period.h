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
  AMENDS_PERIOD_OTHER,
} AmendsPeriodKind;

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

G_END_DECLS
