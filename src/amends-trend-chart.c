/* amends-trend-chart.c: the two headline measures, week by week
 *
 * "Recovery objectives must be set, monitored and displayed ... over time
 * move the target close to 100 %" (seeds/004): a line a measure, a point a
 * week, on a 0–100 % axis, with each target as a dashed line in its
 * measure's colour.  The two measures differ by their point's shape as
 * well as by their colour, so that the chart reads without colour.  A
 * week with nothing to measure leaves a gap rather than a zero.
 *
 * Colours are Adwaita's palette, lighter in the dark style; text and grid
 * take the widget's own foreground colour.  What the chart shows is also
 * said in words, as its accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "amends-store-measures.h"
#include "amends-percent.h"
#include "amends-trend-chart.h"

#define POINT_RADIUS 4.0
#define LINE_WIDTH   2.5
#define PAD          8.0

typedef enum
{
  SERIES_RECOVERED_WITHIN,
  SERIES_BLOWN_AWAY,
  N_SERIES
} Series;

struct _AmendsTrendChart
{
  GtkWidget  parent_instance;

  GArray    *values[N_SERIES];   /* double per week, -1 when none */
  GPtrArray *labels;             /* "W47" per week */
  int        targets[N_SERIES];  /* percent, -1 when none */
  int        target_hours;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (AmendsTrendChart, amends_trend_chart, GTK_TYPE_WIDGET)

/* blue 4 / orange 5 in the light style, blue 2 / orange 2 in the dark */
static const GdkRGBA light_colours[N_SERIES] = {
  { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1.0 },
  { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0, 1.0 },
};
static const GdkRGBA dark_colours[N_SERIES] = {
  { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1.0 },
  { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0, 1.0 },
};

static const GdkRGBA *
series_colour (Series series)
{
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    return &dark_colours[series];
  return &light_colours[series];
}

static char *
series_name (AmendsTrendChart *self,
             Series            series)
{
  if (series == SERIES_RECOVERED_WITHIN)
    /* Translators: a line of the trend chart and its legend; %d is hours */
    return g_strdup_printf (ngettext ("Recovered within %d h", "Recovered within %d h",
                                      self->target_hours),
                            self->target_hours);

  /* Translators: a line of the trend chart and its legend */
  return g_strdup (_("Blown away"));
}

static void
append_series_summary (AmendsTrendChart *self,
                       GString          *text,
                       Series            series)
{
  GArray *values = self->values[series];
  g_autofree char *name = series_name (self, series);
  int first = -1, last = -1;

  for (guint i = 0; i < values->len; i++)
    {
      double v = g_array_index (values, double, i);

      if (v < 0)
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
      g_autofree char *value = amends_percent_format (amends_percent_of (g_array_index (values, double, last)));
      /* Translators: in the chart's description: "Blown away: 61 % in W47." */
      g_string_append_printf (text, _("%s: %s in %s."), name, value,
                              (char *) self->labels->pdata[last]);
    }
  else
    {
      g_autofree char *from = amends_percent_format (amends_percent_of (g_array_index (values, double, first)));
      g_autofree char *to = amends_percent_format (amends_percent_of (g_array_index (values, double, last)));
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

static void
update_summary (AmendsTrendChart *self)
{
  GString *text = g_string_new (NULL);

  for (Series s = 0; s < N_SERIES; s++)
    append_series_summary (self, text, s);

  g_free (self->summary);
  self->summary = g_string_free (text, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static PangoLayout *
create_layout (AmendsTrendChart *self,
               const char       *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  const PangoFontDescription *base = pango_context_get_font_description (pango_layout_get_context (layout));
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (base);

  /* Caption size, as Adwaita's .caption */
  pango_font_description_set_size (font, pango_font_description_get_size (font) * 9 / 11);
  pango_layout_set_font_description (layout, font);

  return layout;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *colour,
            double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static void
draw_point (cairo_t *cr,
            Series   series,
            double   x,
            double   y)
{
  if (series == SERIES_RECOVERED_WITHIN)
    cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - POINT_RADIUS, y - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
  cairo_fill (cr);
}

/* Returns the height the legend took. */
static double
draw_legend (AmendsTrendChart *self,
             cairo_t          *cr,
             const GdkRGBA    *fg,
             double            width)
{
  double x = PAD;
  int lw, lh = 0;

  for (Series s = 0; s < N_SERIES; s++)
    {
      g_autofree char *name = series_name (self, s);
      g_autoptr(PangoLayout) layout = create_layout (self, name);

      pango_layout_get_pixel_size (layout, &lw, &lh);

      set_source (cr, series_colour (s), 1.0);
      cairo_set_line_width (cr, LINE_WIDTH);
      cairo_move_to (cr, x, lh / 2.0);
      cairo_line_to (cr, x + 20, lh / 2.0);
      cairo_stroke (cr);
      draw_point (cr, s, x + 10, lh / 2.0);

      set_source (cr, fg, 0.8);
      cairo_move_to (cr, x + 26, 0);
      pango_cairo_show_layout (cr, layout);
      x += 26 + lw + 24;
    }

  {
    /* Translators: in the chart's legend, beside a dashed line */
    g_autoptr(PangoLayout) layout = create_layout (self, _("Target"));
    static const double dashes[] = { 5.0, 4.0 };

    pango_layout_get_pixel_size (layout, &lw, &lh);
    set_source (cr, fg, 0.55);
    cairo_set_line_width (cr, 1.5);
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    cairo_move_to (cr, x, lh / 2.0);
    cairo_line_to (cr, x + 20, lh / 2.0);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);

    set_source (cr, fg, 0.8);
    cairo_move_to (cr, x + 26, 0);
    pango_cairo_show_layout (cr, layout);
  }

  return lh + 16;
}

static void
amends_trend_chart_draw (AmendsTrendChart *self,
                         cairo_t          *cr,
                         double            width,
                         double            height)
{
  static const double dashes[] = { 5.0, 4.0 };
  GdkRGBA fg;
  guint n_weeks = self->labels->len;
  double top, left = 0, bottom, right, step;
  int label_w, label_h = 0;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS

  top = draw_legend (self, cr, &fg, width);

  /* The axis: its labels set the left margin. */
  for (int p = 0; p <= 100; p += 25)
    {
      g_autofree char *text = amends_percent_format (p);
      g_autoptr(PangoLayout) layout = create_layout (self, text);

      pango_layout_get_pixel_size (layout, &label_w, &label_h);
      left = MAX (left, label_w);
    }
  left += PAD + 8;
  right = width - PAD - POINT_RADIUS;
  top += label_h / 2.0;
  bottom = height - label_h - 10;

  if (bottom - top < 20 || right - left < 20)
    return;

#define Y_OF(share) (bottom - (share) * (bottom - top))

  cairo_set_line_width (cr, 1.0);
  for (int p = 0; p <= 100; p += 25)
    {
      g_autofree char *text = amends_percent_format (p);
      g_autoptr(PangoLayout) layout = create_layout (self, text);
      double y = round (Y_OF (p / 100.0)) + 0.5;

      pango_layout_get_pixel_size (layout, &label_w, &label_h);
      set_source (cr, &fg, 0.55);
      cairo_move_to (cr, left - 8 - label_w, y - label_h / 2.0);
      pango_cairo_show_layout (cr, layout);

      set_source (cr, &fg, p == 0 ? 0.3 : 0.1);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
    }

  if (n_weeks == 0)
    return;

  step = n_weeks > 1 ? (right - left - 2 * PAD) / (n_weeks - 1) : 0;
#define X_OF(i) (n_weeks > 1 ? left + PAD + (i) * step : (left + right) / 2.0)

  for (guint i = 0; i < n_weeks; i++)
    {
      g_autoptr(PangoLayout) layout = create_layout (self, self->labels->pdata[i]);

      pango_layout_get_pixel_size (layout, &label_w, &label_h);
      set_source (cr, &fg, i + 1 == n_weeks ? 0.9 : 0.55);
      cairo_move_to (cr, X_OF (i) - label_w / 2.0, bottom + 8);
      pango_cairo_show_layout (cr, layout);
    }

  for (Series s = 0; s < N_SERIES; s++)
    {
      double y;

      if (self->targets[s] < 0)
        continue;

      y = round (Y_OF (self->targets[s] / 100.0)) + 0.5;
      set_source (cr, series_colour (s), 0.7);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), s * 4.5);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (Series s = 0; s < N_SERIES; s++)
    {
      GArray *values = self->values[s];
      gboolean drawing = FALSE;

      set_source (cr, series_colour (s), 1.0);
      cairo_set_line_width (cr, LINE_WIDTH);
      for (guint i = 0; i < values->len; i++)
        {
          double v = g_array_index (values, double, i);

          if (v < 0)
            {
              drawing = FALSE;
              continue;
            }

          if (drawing)
            cairo_line_to (cr, X_OF (i), Y_OF (v));
          else
            cairo_move_to (cr, X_OF (i), Y_OF (v));
          drawing = TRUE;
        }
      cairo_stroke (cr);

      for (guint i = 0; i < values->len; i++)
        {
          double v = g_array_index (values, double, i);

          if (v >= 0)
            draw_point (cr, s, X_OF (i), Y_OF (v));
        }
    }

#undef X_OF
#undef Y_OF
}

static void
amends_trend_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AmendsTrendChart *self = AMENDS_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  amends_trend_chart_draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
amends_trend_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 640;
    }
  else
    {
      *minimum = 200;
      *natural = 260;
    }
}

static void
on_dark_changed_cb (AmendsTrendChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
amends_trend_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (amends_trend_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
amends_trend_chart_finalize (GObject *object)
{
  AmendsTrendChart *self = AMENDS_TREND_CHART (object);

  for (Series s = 0; s < N_SERIES; s++)
    g_clear_pointer (&self->values[s], g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (amends_trend_chart_parent_class)->finalize (object);
}

static void
amends_trend_chart_class_init (AmendsTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = amends_trend_chart_finalize;

  widget_class->snapshot = amends_trend_chart_snapshot;
  widget_class->measure = amends_trend_chart_measure;
  widget_class->css_changed = amends_trend_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
amends_trend_chart_init (AmendsTrendChart *self)
{
  for (Series s = 0; s < N_SERIES; s++)
    {
      self->values[s] = g_array_new (FALSE, FALSE, sizeof (double));
      self->targets[s] = -1;
    }
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->target_hours = 24;

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trend of the headline measures, week by week"),
                                  -1);
  update_summary (self);
}

GtkWidget *
amends_trend_chart_new (void)
{
  return g_object_new (AMENDS_TYPE_TREND_CHART, NULL);
}

/**
 * amends_trend_chart_set_weeks:
 * @measures: (element-type AmendsMeasures) (nullable): a week each, oldest
 *   first, as amends_store_measure_weeks() gives them
 * @last_week_start: (nullable): when the last of them starts
 *
 * Shows the weeks; the chart keeps what it needs of them.
 */
void
amends_trend_chart_set_weeks (AmendsTrendChart *self,
                              GPtrArray        *measures,
                              GDateTime        *last_week_start)
{
  guint n;

  g_return_if_fail (AMENDS_IS_TREND_CHART (self));
  g_return_if_fail (measures == NULL || last_week_start != NULL);

  for (Series s = 0; s < N_SERIES; s++)
    g_array_set_size (self->values[s], 0);
  g_ptr_array_set_size (self->labels, 0);

  n = measures != NULL ? measures->len : 0;
  for (guint i = 0; i < n; i++)
    {
      const AmendsMeasures *m = measures->pdata[i];
      g_autoptr(GDateTime) start = g_date_time_add_weeks (last_week_start, -(int) (n - 1 - i));
      double within = m->recovered_within.n_of > 0 ? m->recovered_within.share : -1;
      double blown = m->blown_away.n_of > 0 ? m->blown_away.share : -1;

      g_array_append_val (self->values[SERIES_RECOVERED_WITHIN], within);
      g_array_append_val (self->values[SERIES_BLOWN_AWAY], blown);
      /* Translators: an ISO week under the trend chart, "W47"; %d is its number */
      g_ptr_array_add (self->labels, g_strdup_printf (_("W%d"), g_date_time_get_week_of_year (start)));
    }

  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * amends_trend_chart_set_targets:
 *
 * The targets in percent, drawn as dashed lines; -1 for none.
 */
void
amends_trend_chart_set_targets (AmendsTrendChart *self,
                                int               recovered_within,
                                int               blown_away)
{
  g_return_if_fail (AMENDS_IS_TREND_CHART (self));

  if (self->targets[SERIES_RECOVERED_WITHIN] == recovered_within &&
      self->targets[SERIES_BLOWN_AWAY] == blown_away)
    return;

  self->targets[SERIES_RECOVERED_WITHIN] = recovered_within;
  self->targets[SERIES_BLOWN_AWAY] = blown_away;
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The recovery target, for the name of the first line. */
void
amends_trend_chart_set_target_hours (AmendsTrendChart *self,
                                     int               hours)
{
  g_return_if_fail (AMENDS_IS_TREND_CHART (self));

  if (self->target_hours == hours)
    return;

  self->target_hours = hours;
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
amends_trend_chart_get_n_weeks (AmendsTrendChart *self)
{
  g_return_val_if_fail (AMENDS_IS_TREND_CHART (self), 0);

  return self->labels->len;
}

/* How many points the chart draws, of both lines. */
guint
amends_trend_chart_get_n_points (AmendsTrendChart *self)
{
  guint n = 0;

  g_return_val_if_fail (AMENDS_IS_TREND_CHART (self), 0);

  for (Series s = 0; s < N_SERIES; s++)
    for (guint i = 0; i < self->values[s]->len; i++)
      if (g_array_index (self->values[s], double, i) >= 0)
        n++;

  return n;
}

/* The chart in words, as its accessible description says it. */
const char *
amends_trend_chart_get_summary (AmendsTrendChart *self)
{
  g_return_val_if_fail (AMENDS_IS_TREND_CHART (self), NULL);

  return self->summary;
}
