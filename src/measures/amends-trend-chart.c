/* amends-trend-chart.c: the two headline measures, week by week
 *
 * The chart itself is report/amends-chart-painter.c, which the printed
 * summary draws with too; this widget gives it the screen's font and
 * colours: Adwaita's palette, lighter in the dark style, with text and
 * grid in the widget's own foreground colour.  What the chart shows is
 * also said in words, as its accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-trend-chart"

#include "config.h"

#include "amends-trend-chart.h"

#include <glib/gi18n.h>

#include "amends-chart-painter.h"

struct _AmendsTrendChart
{
  GtkWidget           parent_instance;

  AmendsChartPainter *painter;
  char               *summary;
};

G_DEFINE_FINAL_TYPE (AmendsTrendChart, amends_trend_chart, GTK_TYPE_WIDGET)

/* blue 4 / orange 5 in the light style, blue 2 / orange 2 in the dark */
static const AmendsChartColour light_colours[AMENDS_CHART_N_SERIES] = {
  { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1.0 },
  { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0, 1.0 },
};
static const AmendsChartColour dark_colours[AMENDS_CHART_N_SERIES] = {
  { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1.0 },
  { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0, 1.0 },
};

static void
update_summary (AmendsTrendChart *self)
{
  g_free (self->summary);
  self->summary = amends_chart_painter_dup_summary (self->painter);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
changed (AmendsTrendChart *self)
{
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static AmendsChartColour
fg_with_alpha (const GdkRGBA *fg,
               double         alpha)
{
  return (AmendsChartColour) { fg->red, fg->green, fg->blue, fg->alpha * alpha };
}

static void
amends_trend_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AmendsTrendChart *self = AMENDS_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  PangoContext *context = gtk_widget_get_pango_context (widget);
  g_autoptr(PangoFontDescription) font = NULL;
  AmendsChartStyle style = { 0 };
  GdkRGBA fg;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS

  /* Caption size, as Adwaita's .caption */
  font = pango_font_description_copy (pango_context_get_font_description (context));
  pango_font_description_set_size (font, pango_font_description_get_size (font) * 9 / 11);

  style.context = context;
  style.font = font;
  style.text = fg_with_alpha (&fg, 0.9);
  style.dim = fg_with_alpha (&fg, 0.6);
  style.grid = fg_with_alpha (&fg, 0.12);
  style.baseline = fg_with_alpha (&fg, 0.3);
  for (AmendsChartSeries s = 0; s < AMENDS_CHART_N_SERIES; s++)
    style.series[s] = dark ? dark_colours[s] : light_colours[s];
  style.snap = TRUE;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  amends_chart_painter_paint (self->painter, cr, &style, 8, 0, width - 16, height);
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

  g_clear_object (&self->painter);
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
  self->painter = amends_chart_painter_new ();

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
  g_return_if_fail (AMENDS_IS_TREND_CHART (self));

  amends_chart_painter_set_weeks (self->painter, measures, last_week_start);
  changed (self);
}

/**
 * amends_trend_chart_set_spans:
 * @measures: (element-type AmendsMeasures) (nullable): a span each,
 *   oldest first
 * @labels: (element-type utf8) (nullable): a label each, "W47", "Jan"
 *
 * Shows spans of any length: the weeks of a quarter, the months of a year.
 */
void
amends_trend_chart_set_spans (AmendsTrendChart *self,
                              GPtrArray        *measures,
                              GPtrArray        *labels)
{
  g_return_if_fail (AMENDS_IS_TREND_CHART (self));

  amends_chart_painter_set_spans (self->painter, measures, labels);
  changed (self);
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

  if (amends_chart_painter_set_targets (self->painter, recovered_within, blown_away))
    changed (self);
}

/* The recovery target, for the name of the first line. */
void
amends_trend_chart_set_target_hours (AmendsTrendChart *self,
                                     int               hours)
{
  g_return_if_fail (AMENDS_IS_TREND_CHART (self));

  if (amends_chart_painter_set_target_hours (self->painter, hours))
    changed (self);
}

guint
amends_trend_chart_get_n_weeks (AmendsTrendChart *self)
{
  g_return_val_if_fail (AMENDS_IS_TREND_CHART (self), 0);

  return amends_chart_painter_get_n_weeks (self->painter);
}

/* How many points the chart draws, of both lines. */
guint
amends_trend_chart_get_n_points (AmendsTrendChart *self)
{
  g_return_val_if_fail (AMENDS_IS_TREND_CHART (self), 0);

  return amends_chart_painter_get_n_points (self->painter);
}

/* The chart in words, as its accessible description says it. */
const char *
amends_trend_chart_get_summary (AmendsTrendChart *self)
{
  g_return_val_if_fail (AMENDS_IS_TREND_CHART (self), NULL);

  return self->summary;
}
