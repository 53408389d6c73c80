/* amends-chart-painter.h: the eight-week trend, drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "amends-store-measures.h"

G_BEGIN_DECLS

typedef enum
{
  AMENDS_CHART_SERIES_RECOVERED_WITHIN,
  AMENDS_CHART_SERIES_BLOWN_AWAY,
  AMENDS_CHART_N_SERIES
} AmendsChartSeries;

typedef struct
{
  double red, green, blue, alpha;
} AmendsChartColour;

/* What differs between the screen and paper: the fonts, the colours and
 * the unit.  The caller owns what it points to. */
typedef struct
{
  PangoContext               *context;     /* measures and shows the labels */
  const PangoFontDescription *font;        /* the labels'; the last week's is bold */
  AmendsChartColour           text;        /* the last week's label */
  AmendsChartColour           dim;         /* the other labels and the legend */
  AmendsChartColour           grid;
  AmendsChartColour           baseline;    /* the 0 % line */
  AmendsChartColour           series[AMENDS_CHART_N_SERIES];
  gboolean                    snap;        /* units are pixels: keep thin lines crisp */
} AmendsChartStyle;

#define AMENDS_TYPE_CHART_PAINTER (amends_chart_painter_get_type ())

G_DECLARE_FINAL_TYPE (AmendsChartPainter, amends_chart_painter, AMENDS, CHART_PAINTER, GObject)

AmendsChartPainter *amends_chart_painter_new              (void);
void                amends_chart_painter_set_weeks        (AmendsChartPainter     *self,
                                                           GPtrArray              *measures,
                                                           GDateTime              *last_week_start);
void                amends_chart_painter_set_spans        (AmendsChartPainter     *self,
                                                           GPtrArray              *measures,
                                                           GPtrArray              *labels);
gboolean            amends_chart_painter_set_targets      (AmendsChartPainter     *self,
                                                           int                     recovered_within,
                                                           int                     blown_away);
gboolean            amends_chart_painter_set_target_hours (AmendsChartPainter     *self,
                                                           int                     hours);
guint               amends_chart_painter_get_n_weeks      (AmendsChartPainter     *self);
guint               amends_chart_painter_get_n_points     (AmendsChartPainter     *self);
char               *amends_chart_painter_dup_summary      (AmendsChartPainter     *self);
void                amends_chart_painter_paint            (AmendsChartPainter     *self,
                                                           cairo_t                *cr,
                                                           const AmendsChartStyle *style,
                                                           double                  x,
                                                           double                  y,
                                                           double                  width,
                                                           double                  height);

G_END_DECLS
