/* amends-trend-chart.h: the two headline measures, week by week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMENDS_TYPE_TREND_CHART (amends_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (AmendsTrendChart, amends_trend_chart, AMENDS, TREND_CHART, GtkWidget)

GtkWidget  *amends_trend_chart_new               (void);
void        amends_trend_chart_set_weeks         (AmendsTrendChart *self,
                                                  GPtrArray        *measures,
                                                  GDateTime        *last_week_start);
void        amends_trend_chart_set_spans         (AmendsTrendChart *self,
                                                  GPtrArray        *measures,
                                                  GPtrArray        *labels);
void        amends_trend_chart_set_targets       (AmendsTrendChart *self,
                                                  int               recovered_within,
                                                  int               blown_away);
void        amends_trend_chart_set_target_hours  (AmendsTrendChart *self,
                                                  int               hours);
guint       amends_trend_chart_get_n_weeks       (AmendsTrendChart *self);
guint       amends_trend_chart_get_n_points      (AmendsTrendChart *self);
const char *amends_trend_chart_get_summary       (AmendsTrendChart *self);

G_END_DECLS
