/* amends-chart-painter.c: the eight-week trend, drawn with cairo and pango
 *
 * "Recovery objectives must be set, monitored and displayed ... over time
 * move the target close to 100 %" (seeds/004): a line a measure, a point a
 * week, on a 0–100 % axis, with each target as a dashed line in its
 * measure's colour.  The two measures differ by their point's shape as
 * well as by their colour, so that the chart reads without colour (and on
 * a black and white printer).  A week with nothing to measure leaves a gap
 * rather than a zero.
 *
 * The Measures view and the printed summary both draw the chart with this
 * painter, so that they look alike; each passes its own fonts, colours and
 * unit (pixels or points) in an AmendsChartStyle.  What the chart shows is
 * also said in words, for the view's accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-chart-painter"

#include "config.h"

#include "amends-chart-painter.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "amends-percent.h"

#define POINT_RADIUS  3.5
#define LINE_WIDTH    2.0
#define PAD           8.0
#define LEGEND_GAP   12.0
#define SWATCH       20.0

struct _AmendsChartPainter
{
  GObject    parent_instance;

  GArray    *values[AMENDS_CHART_N_SERIES];   /* double per week, -1 when none */
  GPtrArray *labels;                          /* "W47" per week */
  int        targets[AMENDS_CHART_N_SERIES];  /* percent, -1 when none */
  int        target_hours;
};

G_DEFINE_FINAL_TYPE (AmendsChartPainter, amends_chart_painter, G_TYPE_OBJECT)

static const double dashes[] = { 5.0, 4.0 };

static char *
series_name (AmendsChartPainter *self,
             AmendsChartSeries   series)
{
  if (series == AMENDS_CHART_SERIES_RECOVERED_WITHIN)
    /* Translators: a line of the trend chart and its legend; %d is hours */
    return g_strdup_printf (ngettext ("Recovered within %d h", "Recovered within %d h",
                                      self->target_hours),
                            self->target_hours);

  /* Translators: a line of the trend chart and its legend */
  return g_strdup (_("Blown away"));
}

static double
value_at (AmendsChartPainter *self,
          AmendsChartSeries   series,
          guint               week)
{
  return g_array_index (self->values[series], double, week);
}

/* The summary. */

static void
append_series_summary (AmendsChartPainter *self,
                       GString            *text,
                       AmendsChartSeries   series)
{
  GArray *values = self->values[series];
  g_autofree char *name = series_name (self, series);
  int first = -1, last = -1;

  for (guint i = 0; i < values->len; i++)
    {
      if (value_at (self, series, i) < 0)
        continue;
      if (first < 0)
        first = i;
      last = i;
    }

  if (text->len > 0)
    g_string_append_c (text, ' ');

  if (first < 0)
    /* Translators: in the chart's description: "Blown away: nothing to measure yet." */
    g_string_append_printf (text, _("%s: nothing to measure yet."), name);
  else if (first == last)
    {
      g_autofree char *value = amends_percent_format (amends_percent_of (value_at (self, series, last)));
      /* Translators: in the chart's description: "Blown away: 61 % in W47." */
      g_string_append_printf (text, _("%s: %s in %s."), name, value,
                              (char *) self->labels->pdata[last]);
    }
  else
    {
      g_autofree char *from = amends_percent_format (amends_percent_of (value_at (self, series, first)));
      g_autofree char *to = amends_percent_format (amends_percent_of (value_at (self, series, last)));
      /* Translators: in the chart's description: "Blown away: from 40 % in W40 to 61 % in W47." */
      g_string_append_printf (text, _("%s: from %s in %s to %s in %s."), name,
                              from, (char *) self->labels->pdata[first],
                              to, (char *) self->labels->pdata[last]);
    }

  if (self->targets[series] >= 0)
    {
      g_autofree char *target = amends_percent_format (self->targets[series]);
      /* Translators: in the chart's description, after a measure's trend */
      g_string_append_printf (text, _(" Target %s."), target);
    }
}

/* Painting. */

static void
set_source (cairo_t                 *cr,
            const AmendsChartColour *colour,
            double                   alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static PangoLayout *
create_layout (const AmendsChartStyle *style,
               const char             *text,
               gboolean                bold)
{
  PangoLayout *layout = pango_layout_new (style->context);

  if (bold)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (style->font);

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
    }
  else
    pango_layout_set_font_description (layout, style->font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
get_size (PangoLayout *layout,
          double      *width,
          double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_point (cairo_t           *cr,
            AmendsChartSeries  series,
            double             x,
            double             y)
{
  if (series == AMENDS_CHART_SERIES_RECOVERED_WITHIN)
    cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - POINT_RADIUS, y - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
  cairo_fill (cr);
}

static void
draw_hline (cairo_t *cr,
            double   left,
            double   right,
            double   y)
{
  cairo_move_to (cr, left, y);
  cairo_line_to (cr, right, y);
  cairo_stroke (cr);
}

/* A swatch and a name a measure, then the target's dashes.  Returns the
 * height it took. */
static double
paint_legend (AmendsChartPainter     *self,
              cairo_t                *cr,
              const AmendsChartStyle *style,
              double                  x,
              double                  y)
{
  double w, h = 0;

  for (AmendsChartSeries s = 0; s <= AMENDS_CHART_N_SERIES; s++)
    {
      g_autofree char *name = s < AMENDS_CHART_N_SERIES ? series_name (self, s)
                                                        /* Translators: in the chart's legend, beside a dashed line */
                                                        : g_strdup (_("Target"));
      g_autoptr(PangoLayout) layout = create_layout (style, name, FALSE);

      get_size (layout, &w, &h);
      if (s < AMENDS_CHART_N_SERIES)
        {
          set_source (cr, &style->series[s], 1.0);
          cairo_set_line_width (cr, LINE_WIDTH);
          draw_hline (cr, x, x + SWATCH, y + h / 2);
          draw_point (cr, s, x + SWATCH / 2, y + h / 2);
        }
      else
        {
          set_source (cr, &style->dim, 1.0);
          cairo_set_line_width (cr, 1.0);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          draw_hline (cr, x, x + SWATCH, y + h / 2);
          cairo_set_dash (cr, NULL, 0, 0);
        }

      set_source (cr, &style->dim, 1.0);
      show_layout (cr, layout, x + SWATCH + 6, y);
      x += SWATCH + 6 + w + 24;
    }

  return h + LEGEND_GAP;
}

typedef struct
{
  double left, right, top, bottom;
  double step;
  guint  n_weeks;
  gboolean snap;
} Plot;

static double
plot_x (const Plot *plot,
        guint       week)
{
  if (plot->n_weeks < 2)
    return (plot->left + plot->right) / 2;
  return plot->left + PAD + week * plot->step;
}

static double
plot_y (const Plot *plot,
        double      share)
{
  return plot->bottom - share * (plot->bottom - plot->top);
}

/* A thin horizontal line's y: on a pixel's middle, so that it is one
 * pixel high rather than two half-lit ones. */
static double
line_y (const Plot *plot,
        double      share)
{
  double y = plot_y (plot, share);

  return plot->snap ? round (y) + 0.5 : y;
}

static void
paint_grid (cairo_t                *cr,
            const AmendsChartStyle *style,
            const Plot             *plot)
{
  for (int p = 0; p <= 100; p += 25)
    {
      g_autofree char *text = amends_percent_format (p);
      g_autoptr(PangoLayout) layout = create_layout (style, text, FALSE);
      double y = line_y (plot, p / 100.0);
      double w, h;

      get_size (layout, &w, &h);
      set_source (cr, &style->dim, 1.0);
      show_layout (cr, layout, plot->left - 8 - w, y - h / 2);

      set_source (cr, p == 0 ? &style->baseline : &style->grid, 1.0);
      cairo_set_line_width (cr, 1.0);
      draw_hline (cr, plot->left, plot->right, y);
    }
}

static void
paint_week_labels (AmendsChartPainter     *self,
                   cairo_t                *cr,
                   const AmendsChartStyle *style,
                   const Plot             *plot)
{
  double widest = 0;
  guint every = 1;

  /* Fourteen weeks of a quarter, or 36 months, on a narrow chart: every
   * second or third label, counted back from the last, so none overlap. */
  for (guint i = 0; i < plot->n_weeks; i++)
    {
      g_autoptr(PangoLayout) layout = create_layout (style, self->labels->pdata[i], TRUE);
      double w;

      get_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  if (plot->n_weeks > 1 && plot->step > 0)
    every = MAX (1, (guint) ceil ((widest + 6) / plot->step));

  for (guint i = 0; i < plot->n_weeks; i++)
    {
      gboolean last = i + 1 == plot->n_weeks;
      g_autoptr(PangoLayout) layout = NULL;
      double w;

      if ((plot->n_weeks - 1 - i) % every != 0)
        continue;
      layout = create_layout (style, self->labels->pdata[i], last);

      get_size (layout, &w, NULL);
      set_source (cr, last ? &style->text : &style->dim, 1.0);
      show_layout (cr, layout, plot_x (plot, i) - w / 2, plot->bottom + 6);
    }
}

static void
paint_targets (AmendsChartPainter     *self,
               cairo_t                *cr,
               const AmendsChartStyle *style,
               const Plot             *plot)
{
  cairo_set_line_width (cr, 1.0);
  for (AmendsChartSeries s = 0; s < AMENDS_CHART_N_SERIES; s++)
    {
      if (self->targets[s] < 0)
        continue;

      set_source (cr, &style->series[s], 0.8);
      /* Offset so that two targets on the same line both show. */
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), s * 4.5);
      draw_hline (cr, plot->left, plot->right, line_y (plot, CLAMP (self->targets[s], 0, 100) / 100.0));
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
paint_series (AmendsChartPainter     *self,
              cairo_t                *cr,
              const AmendsChartStyle *style,
              const Plot             *plot,
              AmendsChartSeries       series)
{
  gboolean drawing = FALSE;

  set_source (cr, &style->series[series], 1.0);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < plot->n_weeks; i++)
    {
      double v = value_at (self, series, i);

      if (v < 0)
        {
          drawing = FALSE;
          continue;
        }

      if (drawing)
        cairo_line_to (cr, plot_x (plot, i), plot_y (plot, v));
      else
        cairo_move_to (cr, plot_x (plot, i), plot_y (plot, v));
      drawing = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < plot->n_weeks; i++)
    {
      double v = value_at (self, series, i);

      if (v >= 0)
        draw_point (cr, series, plot_x (plot, i), plot_y (plot, v));
    }
}

static void
amends_chart_painter_finalize (GObject *object)
{
  AmendsChartPainter *self = (AmendsChartPainter *) object;

  for (AmendsChartSeries s = 0; s < AMENDS_CHART_N_SERIES; s++)
    g_clear_pointer (&self->values[s], g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (amends_chart_painter_parent_class)->finalize (object);
}

static void
amends_chart_painter_class_init (AmendsChartPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amends_chart_painter_finalize;
}

static void
amends_chart_painter_init (AmendsChartPainter *self)
{
  for (AmendsChartSeries s = 0; s < AMENDS_CHART_N_SERIES; s++)
    {
      self->values[s] = g_array_new (FALSE, FALSE, sizeof (double));
      self->targets[s] = -1;
    }
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->target_hours = 24;
}

AmendsChartPainter *
amends_chart_painter_new (void)
{
  return g_object_new (AMENDS_TYPE_CHART_PAINTER, NULL);
}

/**
 * amends_chart_painter_set_weeks:
 * @measures: (element-type AmendsMeasures) (nullable): a week each, oldest
 *   first, as amends_store_measure_weeks() gives them
 * @last_week_start: (nullable): when the last of them starts
 *
 * The weeks to show; the painter keeps what it needs of them.
 */
void
amends_chart_painter_set_weeks (AmendsChartPainter *self,
                                GPtrArray          *measures,
                                GDateTime          *last_week_start)
{
  guint n;

  g_return_if_fail (AMENDS_IS_CHART_PAINTER (self));
  g_return_if_fail (measures == NULL || last_week_start != NULL);

  for (AmendsChartSeries s = 0; s < AMENDS_CHART_N_SERIES; s++)
    g_array_set_size (self->values[s], 0);
  g_ptr_array_set_size (self->labels, 0);

  n = measures != NULL ? measures->len : 0;
  for (guint i = 0; i < n; i++)
    {
      const AmendsMeasures *m = measures->pdata[i];
      g_autoptr(GDateTime) start = g_date_time_add_weeks (last_week_start, -(int) (n - 1 - i));
      double within = m->recovered_within.n_of > 0 ? m->recovered_within.share : -1;
      double blown = m->blown_away.n_of > 0 ? m->blown_away.share : -1;

      g_array_append_val (self->values[AMENDS_CHART_SERIES_RECOVERED_WITHIN], within);
      g_array_append_val (self->values[AMENDS_CHART_SERIES_BLOWN_AWAY], blown);
      /* Translators: an ISO week under the trend chart, "W47"; %d is its number */
      g_ptr_array_add (self->labels, g_strdup_printf (_("W%d"), g_date_time_get_week_of_year (start)));
    }
}

/**
 * amends_chart_painter_set_spans:
 * @measures: (element-type AmendsMeasures) (nullable): a span each, oldest
 *   first, as amends_store_measure_spans() gives them
 * @labels: (element-type utf8) (nullable): a label each, as
 *   amends_period_dup_trend() gives them
 *
 * Spans of any length to show: the weeks of a quarter, the months of a
 * year.
 */
void
amends_chart_painter_set_spans (AmendsChartPainter *self,
                                GPtrArray          *measures,
                                GPtrArray          *labels)
{
  guint n;

  g_return_if_fail (AMENDS_IS_CHART_PAINTER (self));
  g_return_if_fail (measures == NULL || (labels != NULL && labels->len == measures->len));

  for (AmendsChartSeries s = 0; s < AMENDS_CHART_N_SERIES; s++)
    g_array_set_size (self->values[s], 0);
  g_ptr_array_set_size (self->labels, 0);

  n = measures != NULL ? measures->len : 0;
  for (guint i = 0; i < n; i++)
    {
      const AmendsMeasures *m = measures->pdata[i];
      double within = m->recovered_within.n_of > 0 ? m->recovered_within.share : -1;
      double blown = m->blown_away.n_of > 0 ? m->blown_away.share : -1;

      g_array_append_val (self->values[AMENDS_CHART_SERIES_RECOVERED_WITHIN], within);
      g_array_append_val (self->values[AMENDS_CHART_SERIES_BLOWN_AWAY], blown);
      g_ptr_array_add (self->labels, g_strdup (labels->pdata[i]));
    }
}

/**
 * amends_chart_painter_set_targets:
 *
 * The targets in percent, drawn as dashed lines; -1 for none.
 *
 * Returns: whether they changed
 */
gboolean
amends_chart_painter_set_targets (AmendsChartPainter *self,
                                  int                 recovered_within,
                                  int                 blown_away)
{
  g_return_val_if_fail (AMENDS_IS_CHART_PAINTER (self), FALSE);

  if (self->targets[AMENDS_CHART_SERIES_RECOVERED_WITHIN] == recovered_within &&
      self->targets[AMENDS_CHART_SERIES_BLOWN_AWAY] == blown_away)
    return FALSE;

  self->targets[AMENDS_CHART_SERIES_RECOVERED_WITHIN] = recovered_within;
  self->targets[AMENDS_CHART_SERIES_BLOWN_AWAY] = blown_away;
  return TRUE;
}

/**
 * amends_chart_painter_set_target_hours:
 *
 * The recovery target, for the name of the first line.
 *
 * Returns: whether it changed
 */
gboolean
amends_chart_painter_set_target_hours (AmendsChartPainter *self,
                                       int                 hours)
{
  g_return_val_if_fail (AMENDS_IS_CHART_PAINTER (self), FALSE);

  if (self->target_hours == hours)
    return FALSE;

  self->target_hours = hours;
  return TRUE;
}

guint
amends_chart_painter_get_n_weeks (AmendsChartPainter *self)
{
  g_return_val_if_fail (AMENDS_IS_CHART_PAINTER (self), 0);

  return self->labels->len;
}

/* How many points the chart draws, of both lines. */
guint
amends_chart_painter_get_n_points (AmendsChartPainter *self)
{
  guint n = 0;

  g_return_val_if_fail (AMENDS_IS_CHART_PAINTER (self), 0);

  for (AmendsChartSeries s = 0; s < AMENDS_CHART_N_SERIES; s++)
    for (guint i = 0; i < self->labels->len; i++)
      if (value_at (self, s, i) >= 0)
        n++;

  return n;
}

/**
 * amends_chart_painter_dup_summary:
 *
 * Returns: (transfer full): the chart in words: each line from its first
 *   week to its last, and its target
 */
char *
amends_chart_painter_dup_summary (AmendsChartPainter *self)
{
  GString *text;

  g_return_val_if_fail (AMENDS_IS_CHART_PAINTER (self), NULL);

  text = g_string_new (NULL);
  for (AmendsChartSeries s = 0; s < AMENDS_CHART_N_SERIES; s++)
    append_series_summary (self, text, s);

  return g_string_free (text, FALSE);
}

/**
 * amends_chart_painter_paint:
 * @style: the fonts, colours and unit of where it is drawn
 *
 * Draws the legend, the axis, the targets and the lines into the
 * rectangle; too small a rectangle gets the legend only.
 */
void
amends_chart_painter_paint (AmendsChartPainter     *self,
                            cairo_t                *cr,
                            const AmendsChartStyle *style,
                            double                  x,
                            double                  y,
                            double                  width,
                            double                  height)
{
  Plot plot = { 0 };
  double axis = 0, label_h = 0;

  g_return_if_fail (AMENDS_IS_CHART_PAINTER (self));
  g_return_if_fail (cr != NULL && style != NULL);

  cairo_save (cr);

  plot.top = y + paint_legend (self, cr, style, x, y);

  /* The axis' labels set the left margin. */
  for (int p = 0; p <= 100; p += 25)
    {
      g_autofree char *text = amends_percent_format (p);
      g_autoptr(PangoLayout) layout = create_layout (style, text, FALSE);
      double w;

      get_size (layout, &w, &label_h);
      axis = MAX (axis, w);
    }

  plot.snap = style->snap;
  plot.n_weeks = self->labels->len;
  plot.left = x + axis + 8;
  plot.right = x + width - POINT_RADIUS;
  plot.top += label_h / 2;
  plot.bottom = y + height - label_h - 8;
  plot.step = plot.n_weeks > 1 ? (plot.right - plot.left - 2 * PAD) / (plot.n_weeks - 1) : 0;

  if (plot.bottom - plot.top >= 20 && plot.right - plot.left >= 20)
    {
      paint_grid (cr, style, &plot);
      paint_week_labels (self, cr, style, &plot);
      paint_targets (self, cr, style, &plot);
      for (AmendsChartSeries s = 0; s < AMENDS_CHART_N_SERIES; s++)
        paint_series (self, cr, style, &plot, s);
    }

  cairo_restore (cr);
}
