/* amends-report.c: the weekly summary, laid out in pages and drawn with cairo
 *
 * The report works in two passes.  amends_report_layout() reads everything
 * from the store, measures every piece of text with pango at the width it
 * will have, and places it on pages: a list of drawing operations a page.
 * amends_report_draw_page() then only replays one page's operations, so the
 * print dialog (which asks for pages one by one, in any order) and the PDF
 * export draw exactly the same thing.
 *
 * This file puts the parts in order; the parts are its siblings:
 * amends-report-page.c (placing on pages), -headlines.c (the top of the
 * first page), -table.c and -rows.c (the tables and their cells),
 * amends-chart-painter.c (the trend, as the Measures view draws it) and
 * -pdf.c (writing a PDF file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report"

#include "config.h"

#include "amends-report.h"

#include "amends-report-private.h"

#include <glib/gi18n.h>

#include "amends-chart-painter.h"
#include "amends-period.h"
#include "amends-report-format.h"
#include "amends-report-headlines.h"
#include "amends-report-lessons.h"
#include "amends-report-page.h"
#include "amends-report-escalated.h"
#include "amends-report-rows.h"
#include "amends-report-table.h"
#include "amends-store-measures.h"

#define FOOTER_GAP      18.0
#define CHART_HEIGHT   185.0
#define N_TREND_WEEKS    8

struct _AmendsReport
{
  GObject              parent_instance;

  AmendsStore         *store;
  AmendsPeriod        *period;        /* a week, a month, a quarter, any days */
  GDateTime           *week_start;    /* the period's first moment */
  GDateTime           *week_end;      /* the moment after its last */
  AmendsPeriodTrend    trend_unit;
  AmendsReportOptions  options;

  /* What amends_report_layout() found and placed. */
  GDateTime           *generated_at;
  AmendsChartPainter  *chart;         /* the trend */
  GPtrArray           *pages;         /* GPtrArray of AmendsPageOp* */
  double               page_width;
  double               page_height;
};

G_DEFINE_FINAL_TYPE (AmendsReport, amends_report, G_TYPE_OBJECT)

/* Laying out. */

static gboolean
is_week (AmendsReport *self)
{
  return amends_period_get_kind (self->period) == AMENDS_PERIOD_WEEK;
}

/* "16–22 November 2026", "1 October – 31 December 2026" */
static char *
dup_days (AmendsReport *self)
{
  if (is_week (self))
    return amends_report_format_week_days (self->week_start);

  return amends_period_dup_days (self->period);
}

static void
place_header (AmendsReport     *self,
              AmendsPageCursor *cur)
{
  double width = cur->right - cur->left;
  g_autofree char *title = amends_report_dup_title (self);
  g_autofree char *days = dup_days (self);

  if (self->options.organisation != NULL && self->options.organisation[0] != '\0')
    cur->y += amends_page_add_text (cur, STYLE_ORGANISATION, cur->left, cur->y, width,
                                    self->options.organisation) + 3;

  cur->y += amends_page_add_text (cur, STYLE_TITLE, cur->left, cur->y, width, title) + 1;
  cur->y += amends_page_add_text (cur, STYLE_SUBTITLE, cur->left, cur->y, width, days) + 10;
  amends_page_add_rule (cur, cur->y, 1.5, RGB_TEXT);
  cur->y += 18;
}

static void
place_trend (AmendsReport     *self,
             AmendsPageCursor *cur)
{
  const char *title = is_week (self) ? _("Eight-week trend")
                    : self->trend_unit == AMENDS_PERIOD_TREND_WEEKS ? _("Week by week")
                    : self->trend_unit == AMENDS_PERIOD_TREND_MONTHS ? _("Month by month")
                    : _("Year by year");
  double heading = amends_page_measure (cur, STYLE_HEADING, title, -1) + 7;

  amends_page_need (cur, heading + CHART_HEIGHT);
  amends_page_place_heading (cur, title);
  amends_page_add_op (cur, OP_CHART, cur->left, cur->y, cur->right - cur->left, CHART_HEIGHT);
  cur->y += CHART_HEIGHT + SECTION_GAP;
}

/* When the open and past-due figures are taken: the week's last second,
 * or now while the week runs, as amends_store_measure() takes them. */
static GDateTime *
as_of_time (AmendsReport *self)
{
  g_autoptr(GDateTime) last = g_date_time_add_seconds (self->week_end, -1);

  if (g_date_time_compare (self->generated_at, last) < 0)
    return g_date_time_ref (self->generated_at);

  return g_steal_pointer (&last);
}

/* The period's figures, the period before's, and the trend's: a week's
 * trend is the eight weeks that end with it, and its last two are the
 * week and the one before (each measured once); any other period's is
 * its own weeks, months or years (see amends_period_dup_trend()), and
 * @labels says which. */
static gboolean
measure_trend (AmendsReport    *self,
               GPtrArray      **spans,
               GPtrArray      **labels,
               AmendsMeasures  *now,
               AmendsMeasures  *before,
               GError         **error)
{
  g_autoptr(AmendsPeriod) previous = NULL;
  g_autoptr(GPtrArray) bounds = NULL;

  if (is_week (self))
    {
      self->trend_unit = AMENDS_PERIOD_TREND_WEEKS;
      if (!(*spans = amends_store_measure_weeks (self->store, self->week_start, N_TREND_WEEKS, error)))
        return FALSE;
      *now = *(AmendsMeasures *) (*spans)->pdata[N_TREND_WEEKS - 1];
      *before = *(AmendsMeasures *) (*spans)->pdata[N_TREND_WEEKS - 2];
      return TRUE;
    }

  previous = amends_period_shift (self->period, -1);
  bounds = amends_period_dup_trend (self->period, self->generated_at, &self->trend_unit, labels);

  return amends_store_measure (self->store, self->week_start, self->week_end, now, error) &&
         amends_store_measure (self->store, amends_period_get_from (previous),
                               amends_period_get_until (previous), before, error) &&
         (*spans = amends_store_measure_spans (self->store, bounds, error)) != NULL;
}

/* Drawing. */

static AmendsChartColour
chart_colour (guint32 rgb)
{
  return (AmendsChartColour) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                               (rgb & 0xff) / 255.0, 1.0 };
}

/* The same chart as the Measures view's, in the printout's font and
 * colours. */
static void
draw_chart (AmendsReport *self,
            cairo_t      *cr,
            PangoContext *context,
            const AmendsPageOp *op)
{
  g_autoptr(PangoFontDescription) font = amends_page_create_font (STYLE_SMALL);
  AmendsChartStyle style = {
    .context = context,
    .font = font,
    .text = chart_colour (RGB_TEXT),
    .dim = chart_colour (RGB_DIM),
    .grid = chart_colour (RGB_GRID),
    .baseline = chart_colour (RGB_FAINT),
    .series = { chart_colour (RGB_ACCENT), chart_colour (RGB_SECOND) },
  };

  amends_chart_painter_paint (self->chart, cr, &style, op->x, op->y, op->width, op->height);
}

static void
amends_report_finalize (GObject *object)
{
  AmendsReport *self = (AmendsReport *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->period);
  g_clear_pointer (&self->week_start, g_date_time_unref);
  g_clear_pointer (&self->week_end, g_date_time_unref);
  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  amends_report_options_clear (&self->options);

  G_OBJECT_CLASS (amends_report_parent_class)->finalize (object);
}

static void
amends_report_class_init (AmendsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amends_report_finalize;
}

static void
amends_report_init (AmendsReport *self)
{
  amends_report_options_init (&self->options);
}

/**
 * amends_report_options_init:
 *
 * Fills @options with the defaults: no organisation name, targets of 90 %
 * and 50 %, a 24-hour recovery target, A4.
 */
void
amends_report_options_init (AmendsReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->organisation = NULL;
  options->target_recovered_within = 90;
  options->target_blown_away = 50;
  options->recovery_target_hours = 24;
  options->page_width = AMENDS_REPORT_A4_WIDTH;
  options->page_height = AMENDS_REPORT_A4_HEIGHT;
  options->escalation_hours = 4;
}

void
amends_report_options_clear (AmendsReportOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->organisation, g_free);
}

/**
 * amends_report_new:
 * @store: the database to report on
 * @week_start: the first moment of the ISO week (a Monday, 00:00)
 * @options: (nullable): names and targets; the defaults when %NULL
 *
 * Returns: (transfer full): a report with no pages until
 *   amends_report_layout() or amends_report_write_pdf()
 */
AmendsReport *
amends_report_new (AmendsStore               *store,
                   GDateTime                 *week_start,
                   const AmendsReportOptions *options)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(AmendsPeriod) period = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (week_start != NULL, NULL);

  from = amends_iso_week_start (week_start);
  until = g_date_time_add_weeks (from, 1);
  period = amends_period_new_full (AMENDS_PERIOD_WEEK, from, until);

  return amends_report_new_for_period (store, period, options);
}

/**
 * amends_report_new_for_period:
 * @store: the database to report on
 * @period: a week, a month, a quarter or any days
 * @options: (nullable): names and targets; the defaults when %NULL
 *
 * The summary of any period: its title says which ("Summary — Quarter 4,
 * 2026"); a week's is the weekly summary as amends_report_new() makes it.
 *
 * Returns: (transfer full): a report with no pages until
 *   amends_report_layout() or amends_report_write_pdf()
 */
AmendsReport *
amends_report_new_for_period (AmendsStore               *store,
                              AmendsPeriod              *period,
                              const AmendsReportOptions *options)
{
  AmendsReport *self;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (AMENDS_IS_PERIOD (period), NULL);

  self = g_object_new (AMENDS_TYPE_REPORT, NULL);
  self->store = g_object_ref (store);
  self->period = g_object_ref (period);
  self->week_start = g_date_time_ref (amends_period_get_from (period));
  self->week_end = g_date_time_ref (amends_period_get_until (period));

  if (options != NULL)
    {
      self->options = *options;
      self->options.organisation = g_strdup (options->organisation);
      if (self->options.page_width <= 0 || self->options.page_height <= 0)
        {
          self->options.page_width = AMENDS_REPORT_A4_WIDTH;
          self->options.page_height = AMENDS_REPORT_A4_HEIGHT;
        }
      if (self->options.recovery_target_hours <= 0)
        self->options.recovery_target_hours = 24;
      if (self->options.escalation_hours <= 0)
        self->options.escalation_hours = 4;
    }

  return self;
}

/**
 * amends_report_dup_title:
 *
 * Returns: (transfer full): "Weekly summary — Week 47, 2026", for a job or
 *   document name
 */
char *
amends_report_dup_title (AmendsReport *self)
{
  g_return_val_if_fail (AMENDS_IS_REPORT (self), NULL);

  if (is_week (self))
    return amends_report_format_week_title (self->week_start);

  return amends_period_dup_title (self->period);
}

/**
 * amends_report_layout:
 * @cr: a context on the surface the pages will be drawn on, to measure text
 * @page_width: in the units of @cr (points)
 *
 * Reads the week from the store and places it on pages.  Can be called
 * again, for another page size or newer data.
 */
gboolean
amends_report_layout (AmendsReport  *self,
                      cairo_t       *cr,
                      double         page_width,
                      double         page_height,
                      GError       **error)
{
  PangoContext *context = NULL;
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GPtrArray) lessons = NULL;
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GPtrArray) escalated = NULL;
  guint n_escalated = 0;
  g_autoptr(GPtrArray) labels = NULL;
  gboolean week = is_week (self);
  g_autoptr(AmendsLessonMeasures) lesson_measures = NULL;
  AmendsMeasures now = { 0 }, before = { 0 };
  guint n_past_due = 0;
  g_autofree char *overdue_heading = NULL;
  g_autofree char *more = NULL;
  g_autoptr(GDateTime) as_of = NULL;
  AmendsPageCursor cur = { 0 };
  gboolean over;

  const AmendsPageColumn owner_columns[] = {
    { _("Owner"), 0.23, PANGO_ALIGN_LEFT },
    { _("Cases"), 0.08, PANGO_ALIGN_RIGHT },
    { _("Recovered in time"), 0.18, PANGO_ALIGN_RIGHT },
    { _("Blown away"), 0.15, PANGO_ALIGN_RIGHT },
    { _("Median time to recovery"), 0.20, PANGO_ALIGN_RIGHT },
    /* Translators: a column heading: the recovery target of the owner's
     * cases, "4 h", or the shortest and longest, "4 h–2 d" */
    { _("Target"), 0.16, PANGO_ALIGN_RIGHT },
  };
  const AmendsPageColumn overdue_columns[] = {
    { _("Reference"), 0.18, PANGO_ALIGN_LEFT },
    { _("Summary"), 0.46, PANGO_ALIGN_LEFT },
    { _("Owner"), 0.20, PANGO_ALIGN_LEFT },
    { _("Late by"), 0.16, PANGO_ALIGN_RIGHT },
  };
  const AmendsPageColumn story_columns[] = {
    { _("Story"), 0.62, PANGO_ALIGN_LEFT },
    { _("Heroes"), 0.38, PANGO_ALIGN_LEFT },
  };
  const AmendsPageColumn lesson_columns[] = {
    { _("Reference"), 0.18, PANGO_ALIGN_LEFT },
    { _("Lesson learned"), 0.82, PANGO_ALIGN_LEFT },
  };

  g_return_val_if_fail (AMENDS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (page_width > 2 * MARGIN_X && page_height > 300, FALSE);

  g_clear_pointer (&self->generated_at, g_date_time_unref);
  self->generated_at = amends_store_dup_now (self->store);

  /* The trend's last two weeks are this week and the one before: each
   * period is measured once. */
  G_STATIC_ASSERT (N_TREND_WEEKS >= 2);
  as_of = as_of_time (self);
  if (!measure_trend (self, &weeks, &labels, &now, &before, error)
      || !(owners = amends_report_owner_rows (self->store, self->week_start, self->week_end, error))
      || !(overdue = amends_report_overdue_rows (self->store, as_of, &n_past_due, error))
      || !(escalated = amends_report_escalated_rows (self->store, self->week_start, as_of,
                                                     MAX (self->options.escalation_hours, 1),
                                                     &n_escalated, error))
      || !(stories = amends_report_story_rows (self->store, self->week_start, self->week_end, error))
      || !(lessons = amends_report_lesson_rows (self->store, self->week_start, self->week_end, error))
      || !(lesson_measures = amends_store_measure_lessons (self->store, self->week_start, self->week_end, error)))
    return FALSE;
  /* A week that is over is a record: its open cases as they stood at its
   * end, whenever it is printed. */
  over = now.as_of < g_date_time_to_unix (self->generated_at);

  g_clear_object (&self->chart);
  self->chart = amends_chart_painter_new ();
  if (labels != NULL)
    amends_chart_painter_set_spans (self->chart, weeks, labels);
  else
    amends_chart_painter_set_weeks (self->chart, weeks, self->week_start);
  amends_chart_painter_set_targets (self->chart, self->options.target_recovered_within,
                                    self->options.target_blown_away);
  amends_chart_painter_set_target_hours (self->chart, self->options.recovery_target_hours);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->page_width = page_width;
  self->page_height = page_height;

  context = amends_page_create_context (cr);
  cur.context = context;
  cur.pages = self->pages;
  cur.left = MARGIN_X;
  cur.right = page_width - MARGIN_X;
  cur.bottom = page_height - MARGIN_BOTTOM;
  amends_page_break (&cur);

  place_header (self, &cur);
  amends_report_place_headlines (&cur, &self->options, &now, &before, week);
  amends_report_place_key_figures (&cur, &now, over, week);
  place_trend (self, &cur);

  amends_page_place_table (&cur, _("Cases by owner"), owner_columns, G_N_ELEMENTS (owner_columns),
                           owners, week ? _("No cases happened this week.")
                                        : _("No cases happened in this period."), NULL);

  /* Translators: the heading of the table of overdue cases; %u is how many */
  overdue_heading = g_strdup_printf (over
                                     /* Translators: the heading of the table of cases past due when a past week ended; %u is how many */
                                     ? (week ? _("Open cases past due at the week’s end (%u)")
                                        /* Translators: the heading of the table of cases past due when a past month, quarter or range ended; %u is how many */
                                        : _("Open cases past due at the period’s end (%u)"))
                                     : _("Open cases past due (%u)"),
                                     n_past_due);
  if (n_past_due > overdue->len)
    more = g_strdup_printf (ngettext ("And %u more past due, less late. The case list shows them all with Overdue Only.",
                                      "And %u more past due, less late. The case list shows them all with Overdue Only.",
                                      n_past_due - overdue->len),
                            n_past_due - overdue->len);
  amends_page_place_table (&cur, overdue_heading, overdue_columns, G_N_ELEMENTS (overdue_columns),
                           overdue, _("No open case is past due."), more);
  amends_report_place_escalated (&cur, escalated, n_escalated, MAX (self->options.escalation_hours, 1));
  amends_page_place_table (&cur, _("Stories told"), story_columns, G_N_ELEMENTS (story_columns),
                           stories, week ? _("No stories were told this week.")
                                         : _("No stories were told in this period."), NULL);
  amends_page_place_table (&cur, _("Lessons learned"), lesson_columns, G_N_ELEMENTS (lesson_columns),
                           lessons, week ? _("No lessons were written down this week.")
                                         : _("No lessons were written down in this period."), NULL);
  amends_report_place_lessons (&cur, &now, lesson_measures, week);

  g_object_unref (context);
  return TRUE;
}

guint
amends_report_get_n_pages (AmendsReport *self)
{
  g_return_val_if_fail (AMENDS_IS_REPORT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

/* On every page but the first. */
static void
draw_running_head (AmendsReport *self,
                   cairo_t      *cr,
                   PangoContext *context)
{
  g_autofree char *title = amends_report_dup_title (self);
  g_autofree char *days = dup_days (self);
  g_autofree char *head = NULL;
  double width = self->page_width - 2 * MARGIN_X;

  if (self->options.organisation != NULL && self->options.organisation[0] != '\0')
    head = g_strdup_printf ("%s · %s (%s)", self->options.organisation, title, days);
  else
    head = g_strdup_printf ("%s (%s)", title, days);

  amends_page_draw_text (cr, context, STYLE_SMALL, MARGIN_X, MARGIN_TOP - 4, width,
                         PANGO_ALIGN_LEFT, RGB_DIM, head);
  amends_page_fill (cr, MARGIN_X, MARGIN_TOP + RUNNING_HEAD - 12, width, 0.75, RGB_RULE);
}

static void
draw_footer (AmendsReport *self,
             cairo_t      *cr,
             PangoContext *context,
             guint         page)
{
  g_autofree char *when = amends_report_format_day_month_year (self->generated_at);
  /* Translators: the time the summary was made, in its footer, a
   * g_date_time_format() format: "14:30"; "%l:%M %p" for a 12-hour clock */
  g_autofree char *time = g_date_time_format (self->generated_at, C_("report footer", "%H:%M"));
  g_autofree char *generated = NULL;
  g_autofree char *page_text = NULL;
  double footer_y = self->page_height - MARGIN_BOTTOM + FOOTER_GAP;
  double width = self->page_width - 2 * MARGIN_X;

  amends_page_fill (cr, MARGIN_X, footer_y - 6, width, 0.5, RGB_RULE);

  /* Translators: the date and time the figures stand at, at the foot of
   * each page */
  generated = g_strdup_printf (_("As of %s at %s"), when, time);
  /* Translators: at the foot of each page, "Page 1 of 3" */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);

  amends_page_draw_text (cr, context, STYLE_SMALL, MARGIN_X, footer_y, width, PANGO_ALIGN_LEFT,
                         RGB_DIM, generated);
  amends_page_draw_text (cr, context, STYLE_SMALL, MARGIN_X, footer_y, width, PANGO_ALIGN_RIGHT,
                         RGB_DIM, page_text);
}

/**
 * amends_report_draw_page:
 * @cr: a context whose user units are points, with the page's top left
 *   corner at 0, 0
 * @page: from 0
 *
 * Draws one page laid out by amends_report_layout().
 */
void
amends_report_draw_page (AmendsReport *self,
                         cairo_t      *cr,
                         guint         page)
{
  PangoContext *context;
  GPtrArray *ops;

  g_return_if_fail (AMENDS_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL && page < self->pages->len);

  ops = self->pages->pdata[page];
  context = amends_page_create_context (cr);

  cairo_save (cr);

  for (guint i = 0; i < ops->len; i++)
    {
      const AmendsPageOp *op = ops->pdata[i];

      if (op->kind == OP_CHART)
        draw_chart (self, cr, context, op);
      else
        amends_page_draw_op (cr, context, op);
    }

  if (page > 0)
    draw_running_head (self, cr, context);
  draw_footer (self, cr, context, page);

  cairo_restore (cr);
  g_object_unref (context);
}

/* The page size the PDF is written on. */
void
amends_report_get_page_size (AmendsReport *self,
                             double       *width,
                             double       *height)
{
  g_return_if_fail (AMENDS_IS_REPORT (self));

  *width = self->options.page_width;
  *height = self->options.page_height;
}
