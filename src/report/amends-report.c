/* amends-report.c: the weekly summary, laid out in pages and drawn with cairo
 *
 * The report works in two passes.  amends_report_layout() reads everything
 * from the store, measures every piece of text with pango at the width it
 * will have, and places it on pages: a list of drawing operations a page.
 * amends_report_draw_page() then only replays one page's operations, so the
 * print dialog (which asks for pages one by one, in any order) and the PDF
 * export draw exactly the same thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "amends-report.h"
#include "amends-chart-painter.h"
#include "amends-percent.h"

#include "amends-case-list.h"
#include "amends-clock.h"
#include "amends-store-measures.h"
#include "amends-store-stories.h"

#define MARGIN_X        50.0
#define MARGIN_TOP      48.0
#define MARGIN_BOTTOM   56.0
#define FOOTER_GAP      18.0
#define RUNNING_HEAD    26.0
#define SECTION_GAP     22.0
#define CELL_PAD_X       5.0
#define CELL_PAD_Y       3.5
#define CHART_HEIGHT   185.0
#define N_TREND_WEEKS    8
/* A single cell never grows taller than a page: longer texts end in "…". */
#define MAX_CELL_CHARS 1500
/* The most overdue cases listed, about 14 pages: a printout for a meeting,
 * not the whole backlog of a large desk (15,000 cases past due made 400
 * pages and took seconds); the heading still counts them all, and a
 * closing line says how many more the case list shows. */
#define MAX_OVERDUE_ROWS 500

/* GNOME's palette, so the printout looks like the application. */
#define RGB_TEXT     0x241f31
#define RGB_DIM      0x5e5c64
#define RGB_FAINT    0x9a9996
#define RGB_RULE     0xc0bfbc
#define RGB_GRID     0xdeddda
#define RGB_BAND     0xf6f5f4
#define RGB_ACCENT   0x1c71d8
#define RGB_SECOND   0xe66100
#define RGB_GOOD     0x26a269
#define RGB_BAD      0xc01c28

typedef enum
{
  STYLE_ORGANISATION,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_BODY,
  STYLE_TABLE_HEAD,
  STYLE_SMALL,
  STYLE_FIGURE,
  STYLE_FIGURE_LABEL,
  STYLE_STAT,
  N_STYLES
} Style;

static const struct
{
  double      size;     /* points */
  PangoWeight weight;
  guint32     rgb;
} styles[N_STYLES] = {
  [STYLE_ORGANISATION] = { 11.0, PANGO_WEIGHT_BOLD, RGB_ACCENT },
  [STYLE_TITLE]        = { 21.0, PANGO_WEIGHT_BOLD, RGB_TEXT },
  [STYLE_SUBTITLE]     = { 11.5, PANGO_WEIGHT_NORMAL, RGB_DIM },
  [STYLE_HEADING]      = { 12.5, PANGO_WEIGHT_BOLD, RGB_TEXT },
  [STYLE_BODY]         = {  9.0, PANGO_WEIGHT_NORMAL, RGB_TEXT },
  [STYLE_TABLE_HEAD]   = {  8.0, PANGO_WEIGHT_BOLD, RGB_DIM },
  [STYLE_SMALL]        = {  8.0, PANGO_WEIGHT_NORMAL, RGB_DIM },
  [STYLE_FIGURE]       = { 30.0, PANGO_WEIGHT_BOLD, RGB_TEXT },
  [STYLE_FIGURE_LABEL] = { 10.0, PANGO_WEIGHT_BOLD, RGB_TEXT },
  [STYLE_STAT]         = { 13.0, PANGO_WEIGHT_BOLD, RGB_TEXT },
};

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

typedef enum
{
  OP_TEXT,
  OP_RULE,
  OP_BAND,
  OP_CHART,
} OpKind;

typedef struct
{
  OpKind          kind;
  Style           style;
  PangoAlignment  align;
  guint32         rgb;
  double          x, y, width, height;
  char           *text;
} Op;

struct _AmendsReport
{
  GObject              parent_instance;

  AmendsStore         *store;
  GDateTime           *week_start;
  GDateTime           *week_end;      /* the next week's start */
  AmendsReportOptions  options;

  /* What amends_report_layout() found and placed. */
  GDateTime           *generated_at;
  AmendsChartPainter  *chart;         /* the trend */
  GPtrArray           *pages;         /* GPtrArray of Op* */
  double               page_width;
  double               page_height;
};

G_DEFINE_FINAL_TYPE (AmendsReport, amends_report, G_TYPE_OBJECT)

/* Where the next thing goes while laying out. */
typedef struct
{
  AmendsReport *self;
  PangoContext *context;
  GPtrArray    *page;
  double        left, right, bottom;
  double        y;
} Cursor;

typedef struct
{
  const char     *title;
  double          share;       /* of the table's width */
  PangoAlignment  align;
} Column;

static void
op_free (Op *op)
{
  g_free (op->text);
  g_free (op);
}

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* Metrics are not hinted, so that text measured on one surface takes the
 * same room on another (the print preview, the printer, a PDF). */
static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);

  return context;
}

static PangoLayout *
create_layout (PangoContext   *context,
               Style           style,
               const char     *text,
               double          width,
               PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  /* Absolute sizes are in user units, which are points on every surface
   * the report draws on, whatever resolution pango assumes. */
  pango_font_description_set_absolute_size (font, styles[style].size * PANGO_SCALE);
  pango_font_description_set_weight (font, styles[style].weight);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
measure (Cursor     *cur,
         Style       style,
         const char *text,
         double      width)
{
  g_autoptr(PangoLayout) layout = create_layout (cur->context, style, text, width, PANGO_ALIGN_LEFT);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static Op *
add_op (Cursor *cur,
        OpKind  kind,
        double  x,
        double  y,
        double  width,
        double  height)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->x = x;
  op->y = y;
  op->width = width;
  op->height = height;
  g_ptr_array_add (cur->page, op);

  return op;
}

/* Places text already measured to be @height tall. */
static void
add_text_sized (Cursor         *cur,
                Style           style,
                double          x,
                double          y,
                double          width,
                double          height,
                PangoAlignment  align,
                guint32         rgb,
                const char     *text)
{
  Op *op = add_op (cur, OP_TEXT, x, y, width, height);

  op->style = style;
  op->align = align;
  op->rgb = rgb;
  op->text = g_strdup (text);
}

/* Places text with its top at @y; returns its height. */
static double
add_text_full (Cursor         *cur,
               Style           style,
               double          x,
               double          y,
               double          width,
               PangoAlignment  align,
               guint32         rgb,
               const char     *text)
{
  double height = measure (cur, style, text, width);

  add_text_sized (cur, style, x, y, width, height, align, rgb, text);
  return height;
}

static double
add_text (Cursor     *cur,
          Style       style,
          double      x,
          double      y,
          double      width,
          const char *text)
{
  return add_text_full (cur, style, x, y, width, PANGO_ALIGN_LEFT, styles[style].rgb, text);
}

static void
add_rule (Cursor  *cur,
          double   y,
          double   thickness,
          guint32  rgb)
{
  Op *op = add_op (cur, OP_RULE, cur->left, y, cur->right - cur->left, thickness);

  op->rgb = rgb;
}

static void
add_band (Cursor  *cur,
          double   x,
          double   y,
          double   width,
          double   height,
          guint32  rgb)
{
  Op *op = add_op (cur, OP_BAND, x, y, width, height);

  op->rgb = rgb;
}

static double
content_top (guint page)
{
  return page == 0 ? MARGIN_TOP : MARGIN_TOP + RUNNING_HEAD;
}

static void
new_page (Cursor *cur)
{
  cur->page = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  g_ptr_array_add (cur->self->pages, cur->page);
  cur->y = content_top (cur->self->pages->len - 1);
}

/* Makes room for @height more on this page, or starts the next. */
static void
need (Cursor *cur,
      double  height)
{
  if (cur->y + height > cur->bottom && cur->y > content_top (cur->self->pages->len - 1))
    new_page (cur);
}

/* Formatting. */

static char *
format_share (const AmendsShare *share)
{
  if (share->share < 0)
    return g_strdup ("—");

  /* Translators: a share with what it is of, as in "60 % (3 of 5)" */
  return g_strdup_printf (_("%d %% (%u of %u)"), amends_percent_of (share->share),
                          share->n_counted, share->n_of);
}

static char *
format_span_seconds (gint64 seconds)
{
  if (seconds < 0)
    return g_strdup ("—");
  return amends_clock_format_span (seconds * G_TIME_SPAN_SECOND);
}

static char *
format_day_month_year (GDateTime *when)
{
  /* Translators: a date as in "16 November 2026"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/* "16–22 November 2026", "30 November – 6 December 2026" or across a new
 * year "28 December 2026 – 3 January 2027". */
static char *
format_week_days (GDateTime *start)
{
  g_autoptr(GDateTime) last = g_date_time_add_days (start, 6);

  if (g_date_time_get_year (start) != g_date_time_get_year (last))
    {
      g_autofree char *a = format_day_month_year (start);
      g_autofree char *b = format_day_month_year (last);

      /* Translators: the days of a week across the new year */
      return g_strdup_printf (_("%s – %s"), a, b);
    }

  if (g_date_time_get_month (start) != g_date_time_get_month (last))
    {
      /* Translators: a day and a month, as in "30 November"; see g_date_time_format() */
      g_autofree char *a = g_date_time_format (start, _("%-d %B"));
      g_autofree char *b = format_day_month_year (last);

      /* Translators: the days of a week across two months, "30 November – 6 December 2026" */
      return g_strdup_printf (_("%s – %s"), a, b);
    }

  {
    /* Translators: the month and year, as in "November 2026"; see g_date_time_format() */
    g_autofree char *month = g_date_time_format (last, _("%B %Y"));

    /* Translators: the days of a week in one month, as in "16–22 November 2026" */
    return g_strdup_printf (_("%d–%d %s"), g_date_time_get_day_of_month (start),
                            g_date_time_get_day_of_month (last), month);
  }
}

static char *
format_week_title (GDateTime *start)
{
  /* Translators: the title of the printed summary; the first %d is the ISO
   * week number, the second its year */
  return g_strdup_printf (_("Weekly summary — Week %d, %d"),
                          g_date_time_get_week_of_year (start),
                          g_date_time_get_week_numbering_year (start));
}

static char *
truncate_text (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= MAX_CELL_CHARS)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, MAX_CELL_CHARS);
    return g_strconcat (head, "…", NULL);
  }
}

/* The page's own parts. */

static void
place_header (Cursor *cur)
{
  AmendsReport *self = cur->self;
  double width = cur->right - cur->left;
  g_autofree char *title = format_week_title (self->week_start);
  g_autofree char *days = format_week_days (self->week_start);

  if (self->options.organisation != NULL && self->options.organisation[0] != '\0')
    cur->y += add_text (cur, STYLE_ORGANISATION, cur->left, cur->y, width,
                        self->options.organisation) + 3;

  cur->y += add_text (cur, STYLE_TITLE, cur->left, cur->y, width, title) + 1;
  cur->y += add_text (cur, STYLE_SUBTITLE, cur->left, cur->y, width, days) + 10;
  add_rule (cur, cur->y, 1.5, RGB_TEXT);
  cur->y += 18;
}

static double
place_heading (Cursor     *cur,
               const char *text)
{
  double height = add_text (cur, STYLE_HEADING, cur->left, cur->y, cur->right - cur->left, text);

  cur->y += height + 7;
  return height + 7;
}

typedef struct
{
  const char        *label;
  const AmendsShare *now;
  const AmendsShare *before;
  int                target;
  guint32            accent;
  const char        *note;     /* what the share leaves out, or NULL */
} Headline;

/* One headline measure: the figure large, then how it stands against the
 * target and against the week before.  Returns the height it took. */
static double
place_headline (Cursor         *cur,
                const Headline *h,
                double          x,
                double          y,
                double          width,
                gboolean        measure_only)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) colours = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *figure = NULL;
  g_autofree char *of = NULL;
  double top = y;
  double inner = width - 14;
  double fx = x + 14;
  guint32 rgb;

  if (h->now->share < 0)
    {
      figure = g_strdup ("—");
      of = g_strdup (_("Nothing to measure this week"));
    }
  else
    {
      figure = amends_percent_format (amends_percent_of (h->now->share));
      /* Translators: what a headline share is of, as in "3 of 5 cases" */
      of = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u case", "%u of %u cases",
                                         h->now->n_of),
                            h->now->n_counted, h->now->n_of);
    }

  if (h->note != NULL)
    {
      g_autofree char *both = h->now->share < 0 ? g_strdup (h->note)
                                                 /* Translators: "3 of 8 cases; 2 still within their clock" */
                                                 : g_strdup_printf (_("%s; %s"), of, h->note);
      g_free (of);
      of = g_steal_pointer (&both);
    }

  /* Against the target. */
  if (h->now->share < 0)
    {
      g_ptr_array_add (lines, g_strdup_printf (_("Target %d %%"), h->target));
      rgb = RGB_DIM;
    }
  else
    {
      int gap = amends_percent_of (h->now->share) - h->target;

      if (gap >= 0)
        {
          /* Translators: the headline measure reached its target, "Target 90 % — met" */
          g_ptr_array_add (lines, g_strdup_printf (_("Target %d %% — met"), h->target));
          rgb = RGB_GOOD;
        }
      else
        {
          g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "Target %d %% — %d point below",
                                                                "Target %d %% — %d points below",
                                                                -gap),
                                                   h->target, -gap));
          rgb = RGB_BAD;
        }
    }
  g_array_append_val (colours, rgb);

  /* Against the week before. */
  if (h->now->share < 0 || h->before->share < 0)
    {
      if (h->before->share < 0)
        g_ptr_array_add (lines, g_strdup (_("Nothing to compare with the week before")));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("%d %% the week before"), amends_percent_of (h->before->share)));
      rgb = RGB_DIM;
    }
  else
    {
      int change = amends_percent_of (h->now->share) - amends_percent_of (h->before->share);
      int before = amends_percent_of (h->before->share);

      if (change > 0)
        {
          /* Translators: a rise on the week before, "▲ 5 points on the week before (55 %)" */
          g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "▲ %d point on the week before (%d %%)",
                                                                "▲ %d points on the week before (%d %%)",
                                                                change),
                                                   change, before));
          rgb = RGB_GOOD;
        }
      else if (change < 0)
        {
          /* Translators: a fall on the week before, "▼ 5 points on the week before (65 %)" */
          g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "▼ %d point on the week before (%d %%)",
                                                                "▼ %d points on the week before (%d %%)",
                                                                -change),
                                                   -change, before));
          rgb = RGB_BAD;
        }
      else
        {
          g_ptr_array_add (lines, g_strdup_printf (_("The same as the week before (%d %%)"), before));
          rgb = RGB_DIM;
        }
    }
  g_array_append_val (colours, rgb);

  y += 10;
  if (measure_only)
    {
      y += measure (cur, STYLE_FIGURE_LABEL, h->label, inner) + 2;
      y += measure (cur, STYLE_FIGURE, figure, inner);
      y += measure (cur, STYLE_SMALL, of, inner) + 6;
      for (guint i = 0; i < lines->len; i++)
        y += measure (cur, STYLE_BODY, lines->pdata[i], inner) + 1;
    }
  else
    {
      y += add_text (cur, STYLE_FIGURE_LABEL, fx, y, inner, h->label) + 2;
      y += add_text_full (cur, STYLE_FIGURE, fx, y, inner, PANGO_ALIGN_LEFT, h->accent, figure);
      y += add_text (cur, STYLE_SMALL, fx, y, inner, of) + 6;
      for (guint i = 0; i < lines->len; i++)
        y += add_text_full (cur, STYLE_BODY, fx, y, inner, PANGO_ALIGN_LEFT,
                            g_array_index (colours, guint32, i), lines->pdata[i]) + 1;
    }
  y += 10;

  return y - top;
}

static void
place_headlines (Cursor               *cur,
                 const AmendsMeasures *now,
                 const AmendsMeasures *before)
{
  AmendsReport *self = cur->self;
  double gap = 16;
  double width = (cur->right - cur->left - gap) / 2;
  g_autofree char *within_label = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *unrecorded = NULL;
  Headline h[2];
  double height;

  /* Never silently dropped: the cases not yet measured, and the
   * recoveries whose reaction nobody wrote down. */
  if (now->n_pending > 0)
    pending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u still within its clock",
                                            "%u still within their clock",
                                            now->n_pending),
                               now->n_pending);
  if (now->n_reaction_unknown > 0)
    /* Translators: "reaction not recorded: 1 of 7" recovered cases */
    unrecorded = g_strdup_printf (_("reaction not recorded: %u of %u"),
                                  now->n_reaction_unknown, now->n_recovered);

  /* Translators: the first headline measure; %d is the recovery target in hours */
  within_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Recovered within %d hour",
                                               "Recovered within %d hours",
                                               self->options.recovery_target_hours),
                                  self->options.recovery_target_hours);
  h[0] = (Headline) { within_label, &now->recovered_within, &before->recovered_within,
                      self->options.target_recovered_within, RGB_ACCENT, pending };
  h[1] = (Headline) { _("Customers blown away"), &now->blown_away, &before->blown_away,
                      self->options.target_blown_away, RGB_SECOND, unrecorded };

  height = MAX (place_headline (cur, &h[0], cur->left, cur->y, width, TRUE),
                place_headline (cur, &h[1], cur->left + width + gap, cur->y, width, TRUE));
  need (cur, height);

  for (guint i = 0; i < 2; i++)
    {
      double x = cur->left + i * (width + gap);

      add_band (cur, x, cur->y, width, height, RGB_BAND);
      add_band (cur, x, cur->y, 4, height, h[i].accent);
      place_headline (cur, &h[i], x, cur->y, width, FALSE);
    }

  cur->y += height + 12;
}

/* A strip of the other figures of the week, each a small label over a value. */
static void
place_key_figures (Cursor               *cur,
                   const AmendsMeasures *now)
{
  g_autofree char *happened = g_strdup_printf ("%u", now->n_happened);
  g_autofree char *open = g_strdup_printf ("%u", now->n_open);
  g_autofree char *overdue = g_strdup_printf ("%u", now->n_overdue);
  g_autofree char *unowned = g_strdup_printf ("%u", now->n_unowned);
  g_autofree char *median = format_span_seconds (now->median_seconds);
  /* A week that is over is a record: its open cases as they stood at its
   * end, whenever it is printed. */
  gboolean over = now->as_of < g_date_time_to_unix (cur->self->generated_at);
  const char *labels[] = {
    _("Cases this week"),
    over ? _("Open at week’s end") : _("Open now"),
    over ? _("Past due at week’s end") : _("Past due now"),
    _("Open without owner"), _("Median time to recovery"),
  };
  const char *values[] = { happened, open, overdue, unowned, median };
  guint n = G_N_ELEMENTS (labels);
  double width = (cur->right - cur->left) / n;
  double height = 0;

  for (guint i = 0; i < n; i++)
    height = MAX (height, measure (cur, STYLE_SMALL, labels[i], width - 8) + 2
                          + measure (cur, STYLE_STAT, values[i], width - 8));
  need (cur, height + 8);

  for (guint i = 0; i < n; i++)
    {
      double x = cur->left + i * width;
      double y = cur->y;

      y += add_text (cur, STYLE_SMALL, x, y, width - 8, labels[i]) + 2;
      add_text_full (cur, STYLE_STAT, x, y, width - 8, PANGO_ALIGN_LEFT,
                     i == 2 && now->n_overdue > 0 ? RGB_BAD : RGB_TEXT, values[i]);
    }

  cur->y += height + 8;
  add_rule (cur, cur->y, 0.5, RGB_RULE);
  cur->y += SECTION_GAP;
}

static void
place_trend (Cursor *cur)
{
  double heading = measure (cur, STYLE_HEADING, _("Eight-week trend"), -1) + 7;

  need (cur, heading + CHART_HEIGHT);
  place_heading (cur, _("Eight-week trend"));
  add_op (cur, OP_CHART, cur->left, cur->y, cur->right - cur->left, CHART_HEIGHT);
  cur->y += CHART_HEIGHT + SECTION_GAP;
}

/* Measures each cell of a row into @heights; returns the row's height.
 * Shaping text is most of a long table's cost: each cell is measured
 * once, here, and placed with the height found. */
static double
row_height (Cursor       *cur,
            Style         style,
            const Column *columns,
            guint         n_columns,
            char        **cells,
            double       *heights)
{
  double width = cur->right - cur->left;
  double height = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      heights[i] = measure (cur, style, cells[i], columns[i].share * width - 2 * CELL_PAD_X);
      height = MAX (height, heights[i]);
    }

  return height + 2 * CELL_PAD_Y;
}

static void
place_row (Cursor       *cur,
           Style         style,
           const Column *columns,
           guint         n_columns,
           char        **cells,
           const double *heights,
           double        height)
{
  double width = cur->right - cur->left;
  double x = cur->left;

  for (guint i = 0; i < n_columns; i++)
    {
      double w = columns[i].share * width;

      add_text_sized (cur, style, x + CELL_PAD_X, cur->y + CELL_PAD_Y, w - 2 * CELL_PAD_X,
                      heights[i], columns[i].align, styles[style].rgb, cells[i]);
      x += w;
    }

  cur->y += height;
}

static void
place_table_head (Cursor       *cur,
                  const char   *heading,
                  const Column *columns,
                  guint         n_columns,
                  char        **titles,
                  const double *head_heights,
                  double        head_height)
{
  place_heading (cur, heading);
  place_row (cur, STYLE_TABLE_HEAD, columns, n_columns, titles, head_heights, head_height);
  add_rule (cur, cur->y, 0.75, RGB_RULE);
}

/* A table that flows over as many pages as it needs.  A row is never split:
 * one that does not fit starts the next page, under the heading and the
 * header row again.  The heading, the header row and the first row stay
 * together. */
static void
place_table (Cursor       *cur,
             const char   *heading,
             const Column *columns,
             guint         n_columns,
             GPtrArray    *rows,
             const char   *empty,
             const char   *note)
{
  g_autofree char *continued = NULL;
  g_autofree char **titles = g_new0 (char *, n_columns + 1);
  g_autofree double *head_heights = g_new0 (double, n_columns);
  g_autofree double *heights = g_new0 (double, n_columns);
  double heading_height, head_height, height;

  for (guint i = 0; i < n_columns; i++)
    titles[i] = (char *) columns[i].title;

  heading_height = measure (cur, STYLE_HEADING, heading, -1) + 7;
  if (rows->len == 0)
    {
      need (cur, heading_height + measure (cur, STYLE_BODY, empty, -1));
      place_heading (cur, heading);
      cur->y += add_text_full (cur, STYLE_BODY, cur->left, cur->y, cur->right - cur->left,
                               PANGO_ALIGN_LEFT, RGB_DIM, empty);
      cur->y += SECTION_GAP;
      return;
    }

  /* Translators: a table's heading on the pages after its first */
  continued = g_strdup_printf (_("%s (continued)"), heading);
  head_height = row_height (cur, STYLE_TABLE_HEAD, columns, n_columns, titles, head_heights);
  height = row_height (cur, STYLE_BODY, columns, n_columns, rows->pdata[0], heights);

  need (cur, heading_height + head_height + height);
  place_table_head (cur, heading, columns, n_columns, titles, head_heights, head_height);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];

      if (r > 0)
        height = row_height (cur, STYLE_BODY, columns, n_columns, cells, heights);

      if (cur->y + height > cur->bottom)
        {
          new_page (cur);
          place_table_head (cur, continued, columns, n_columns, titles, head_heights, head_height);
        }

      if (r % 2 == 1)
        add_band (cur, cur->left, cur->y, cur->right - cur->left, height, RGB_BAND);
      place_row (cur, STYLE_BODY, columns, n_columns, cells, heights, height);
    }

  add_rule (cur, cur->y, 0.75, RGB_RULE);
  if (note != NULL)
    {
      double note_height = measure (cur, STYLE_SMALL, note, cur->right - cur->left);

      need (cur, CELL_PAD_Y + note_height);
      cur->y += CELL_PAD_Y;
      add_text_sized (cur, STYLE_SMALL, cur->left, cur->y, cur->right - cur->left, note_height,
                      PANGO_ALIGN_LEFT, RGB_DIM, note);
      cur->y += note_height;
    }
  cur->y += SECTION_GAP;
}

/* Gathering the data, one table at a time. */

static GPtrArray *
owner_rows (AmendsReport  *self,
            GError       **error)
{
  g_autoptr(GPtrArray) measured = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  measured = amends_store_measure_by (self->store, AMENDS_MEASURE_BY_OWNER,
                                      self->week_start, self->week_end, error);
  if (measured == NULL)
    return NULL;

  for (guint i = 0; i < measured->len; i++)
    {
      AmendsMeasureRow *row = measured->pdata[i];
      char **cells = g_new0 (char *, 6);

      cells[0] = g_strdup (row->name);
      cells[1] = g_strdup_printf ("%u", row->measures.n_happened);
      cells[2] = format_share (&row->measures.recovered_within);
      cells[3] = format_share (&row->measures.blown_away);
      cells[4] = format_span_seconds (row->measures.median_seconds);
      g_ptr_array_add (rows, cells);
    }

  return g_steal_pointer (&rows);
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

static GPtrArray *
overdue_rows (AmendsReport  *self,
              guint         *n_past_due,
              GError       **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GDateTime) as_of = as_of_time (self);
  guint n;

  list = amends_store_list_past_due_first (self->store, as_of, MAX_OVERDUE_ROWS, n_past_due, error);
  if (list == NULL)
    return NULL;

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (list, i);
      char **cells = g_new0 (char *, 5);
      GTimeSpan remaining;

      remaining = g_date_time_difference (amends_case_get_recovery_due_at (kase), as_of)
                  + amends_case_get_paused_seconds (kase) * G_TIME_SPAN_SECOND;
      cells[0] = g_strdup (amends_case_get_reference (kase));
      cells[1] = truncate_text (amends_case_get_summary (kase));
      if (amends_case_get_owner_id (kase) != 0 && amends_case_get_owner_name (kase) != NULL)
        cells[2] = g_strdup (amends_case_get_owner_name (kase));
      else
        cells[2] = g_strdup (_("Unowned"));
      cells[3] = amends_clock_format_span (remaining < 0 ? -remaining : 0);
      g_ptr_array_add (rows, cells);
    }

  return g_steal_pointer (&rows);
}

static char *
hero_names (AmendsReport  *self,
            gint64         story_id,
            GError       **error)
{
  g_autoptr(GArray) ids = amends_store_get_story_heroes (self->store, story_id, error);
  g_autoptr(GString) names = g_string_new (NULL);

  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AmendsStaff) staff = NULL;

      staff = amends_store_load (self->store, AMENDS_TYPE_STAFF, g_array_index (ids, gint64, i), NULL);
      if (staff == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, amends_staff_get_name (staff));
    }

  if (names->len == 0)
    return g_strdup ("—");
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GPtrArray *
story_rows (AmendsReport  *self,
            GError       **error)
{
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n;

  stories = amends_store_list_stories_told (self->store, self->week_start, self->week_end, error);
  if (stories == NULL)
    return NULL;

  n = g_list_model_get_n_items (stories);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendsStory) story = g_list_model_get_item (stories, i);
      char **cells;
      char *heroes;

      if (!(heroes = hero_names (self, amends_record_get_id (AMENDS_RECORD (story)), error)))
        return NULL;

      cells = g_new0 (char *, 3);
      cells[0] = truncate_text (amends_story_get_title (story));
      cells[1] = heroes;
      g_ptr_array_add (rows, cells);
    }

  return g_steal_pointer (&rows);
}

static GPtrArray *
lesson_rows (AmendsReport  *self,
             GError       **error)
{
  g_autoptr(GListModel) lessons = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n;

  lessons = amends_store_list_lessons (self->store, self->week_start, self->week_end, error);
  if (lessons == NULL)
    return NULL;

  n = g_list_model_get_n_items (lessons);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (lessons, i);
      g_autofree char *lesson = NULL;
      char **cells = g_new0 (char *, 3);

      g_object_get (kase, "lesson", &lesson, NULL);
      cells[0] = g_strdup (amends_case_get_reference (kase));
      cells[1] = truncate_text (lesson);
      g_ptr_array_add (rows, cells);
    }

  return g_steal_pointer (&rows);
}

/* Drawing. */

static void
draw_text (AmendsReport *self,
           cairo_t      *cr,
           PangoContext *context,
           Style         style,
           double        x,
           double        y,
           double        width,
           PangoAlignment align,
           guint32       rgb,
           const char   *text)
{
  g_autoptr(PangoLayout) layout = create_layout (context, style, text, width, align);

  set_source_rgb (cr, rgb);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

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
            const Op     *op)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  AmendsChartStyle style = {
    .context = context,
    .font = font,
    .text = chart_colour (RGB_TEXT),
    .dim = chart_colour (RGB_DIM),
    .grid = chart_colour (RGB_GRID),
    .baseline = chart_colour (RGB_FAINT),
    .series = { chart_colour (RGB_ACCENT), chart_colour (RGB_SECOND) },
  };

  pango_font_description_set_absolute_size (font, styles[STYLE_SMALL].size * PANGO_SCALE);
  amends_chart_painter_paint (self->chart, cr, &style, op->x, op->y, op->width, op->height);
}

static void
amends_report_finalize (GObject *object)
{
  AmendsReport *self = (AmendsReport *) object;

  g_clear_object (&self->store);
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
  AmendsReport *self;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (week_start != NULL, NULL);

  self = g_object_new (AMENDS_TYPE_REPORT, NULL);
  self->store = g_object_ref (store);
  self->week_start = amends_iso_week_start (week_start);
  self->week_end = g_date_time_add_weeks (self->week_start, 1);

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

  return format_week_title (self->week_start);
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
  AmendsMeasures now = { 0 }, before = { 0 };
  guint n_past_due = 0;
  g_autofree char *overdue_heading = NULL;
  g_autofree char *more = NULL;
  Cursor cur = { 0 };

  const Column owner_columns[] = {
    { _("Owner"), 0.27, PANGO_ALIGN_LEFT },
    { _("Cases"), 0.10, PANGO_ALIGN_RIGHT },
    { _("Recovered in time"), 0.22, PANGO_ALIGN_RIGHT },
    { _("Blown away"), 0.20, PANGO_ALIGN_RIGHT },
    { _("Median time to recovery"), 0.21, PANGO_ALIGN_RIGHT },
  };
  const Column overdue_columns[] = {
    { _("Reference"), 0.18, PANGO_ALIGN_LEFT },
    { _("Summary"), 0.46, PANGO_ALIGN_LEFT },
    { _("Owner"), 0.20, PANGO_ALIGN_LEFT },
    { _("Late by"), 0.16, PANGO_ALIGN_RIGHT },
  };
  const Column story_columns[] = {
    { _("Story"), 0.62, PANGO_ALIGN_LEFT },
    { _("Heroes"), 0.38, PANGO_ALIGN_LEFT },
  };
  const Column lesson_columns[] = {
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
  if (!(weeks = amends_store_measure_weeks (self->store, self->week_start, N_TREND_WEEKS, error))
      || !(owners = owner_rows (self, error))
      || !(overdue = overdue_rows (self, &n_past_due, error))
      || !(stories = story_rows (self, error))
      || !(lessons = lesson_rows (self, error)))
    return FALSE;
  now = *(AmendsMeasures *) weeks->pdata[N_TREND_WEEKS - 1];
  before = *(AmendsMeasures *) weeks->pdata[N_TREND_WEEKS - 2];

  g_clear_object (&self->chart);
  self->chart = amends_chart_painter_new ();
  amends_chart_painter_set_weeks (self->chart, weeks, self->week_start);
  amends_chart_painter_set_targets (self->chart, self->options.target_recovered_within,
                                    self->options.target_blown_away);
  amends_chart_painter_set_target_hours (self->chart, self->options.recovery_target_hours);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->page_width = page_width;
  self->page_height = page_height;

  context = create_context (cr);
  cur.self = self;
  cur.context = context;
  cur.left = MARGIN_X;
  cur.right = page_width - MARGIN_X;
  cur.bottom = page_height - MARGIN_BOTTOM;
  new_page (&cur);

  place_header (&cur);
  place_headlines (&cur, &now, &before);
  place_key_figures (&cur, &now);
  place_trend (&cur);

  place_table (&cur, _("Cases by owner"), owner_columns, G_N_ELEMENTS (owner_columns),
               owners, _("No cases happened this week."), NULL);

  /* Translators: the heading of the table of overdue cases; %u is how many */
  overdue_heading = g_strdup_printf (now.as_of < g_date_time_to_unix (self->generated_at)
                                     /* Translators: the heading of the table of cases past due when a past week ended; %u is how many */
                                     ? _("Open cases past due at the week’s end (%u)")
                                     : _("Open cases past due (%u)"),
                                     n_past_due);
  if (n_past_due > overdue->len)
    more = g_strdup_printf (ngettext ("And %u more past due, less late. The case list shows them all with Overdue Only.",
                                      "And %u more past due, less late. The case list shows them all with Overdue Only.",
                                      n_past_due - overdue->len),
                            n_past_due - overdue->len);
  place_table (&cur, overdue_heading, overdue_columns, G_N_ELEMENTS (overdue_columns),
               overdue, _("No open case is past due."), more);
  place_table (&cur, _("Stories told"), story_columns, G_N_ELEMENTS (story_columns),
               stories, _("No stories were told this week."), NULL);
  place_table (&cur, _("Lessons learned"), lesson_columns, G_N_ELEMENTS (lesson_columns),
               lessons, _("No lessons were written down this week."), NULL);

  g_object_unref (context);
  return TRUE;
}

guint
amends_report_get_n_pages (AmendsReport *self)
{
  g_return_val_if_fail (AMENDS_IS_REPORT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
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
  PangoContext *context = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *when = NULL;
  g_autofree char *time = NULL;
  GPtrArray *ops;
  double left = MARGIN_X;
  double width;
  double footer_y;

  g_return_if_fail (AMENDS_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL && page < self->pages->len);

  ops = self->pages->pdata[page];
  width = self->page_width - 2 * MARGIN_X;
  context = create_context (cr);

  cairo_save (cr);

  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = ops->pdata[i];

      switch (op->kind)
        {
        case OP_TEXT:
          draw_text (self, cr, context, op->style, op->x, op->y, op->width, op->align,
                     op->rgb, op->text);
          break;

        case OP_RULE:
          set_source_rgb (cr, op->rgb);
          cairo_rectangle (cr, op->x, op->y - op->height / 2, op->width, op->height);
          cairo_fill (cr);
          break;

        case OP_BAND:
          set_source_rgb (cr, op->rgb);
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_fill (cr);
          break;

        case OP_CHART:
          draw_chart (self, cr, context, op);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* The running head, on every page but the first. */
  if (page > 0)
    {
      g_autofree char *title = format_week_title (self->week_start);
      g_autofree char *days = format_week_days (self->week_start);
      g_autofree char *head = NULL;

      if (self->options.organisation != NULL && self->options.organisation[0] != '\0')
        head = g_strdup_printf ("%s · %s (%s)", self->options.organisation, title, days);
      else
        head = g_strdup_printf ("%s (%s)", title, days);

      draw_text (self, cr, context, STYLE_SMALL, left, MARGIN_TOP - 4, width,
                 PANGO_ALIGN_LEFT, RGB_DIM, head);
      set_source_rgb (cr, RGB_RULE);
      cairo_rectangle (cr, left, MARGIN_TOP + RUNNING_HEAD - 12, width, 0.75);
      cairo_fill (cr);
    }

  /* The footer. */
  footer_y = self->page_height - MARGIN_BOTTOM + FOOTER_GAP;
  set_source_rgb (cr, RGB_RULE);
  cairo_rectangle (cr, left, footer_y - 6, width, 0.5);
  cairo_fill (cr);

  when = format_day_month_year (self->generated_at);
  time = g_date_time_format (self->generated_at, "%H:%M");
  /* Translators: the date and time the figures stand at, at the foot of
   * each page */
  generated = g_strdup_printf (_("As of %s at %s"), when, time);
  /* Translators: at the foot of each page, "Page 1 of 3" */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);

  draw_text (self, cr, context, STYLE_SMALL, left, footer_y, width, PANGO_ALIGN_LEFT,
             RGB_DIM, generated);
  draw_text (self, cr, context, STYLE_SMALL, left, footer_y, width, PANGO_ALIGN_RIGHT,
             RGB_DIM, page_text);

  cairo_restore (cr);
  g_object_unref (context);
}

/* The PDF goes through a file descriptor so that a failed write (a full
 * disk) is noticed, not only a failed open. */
typedef struct
{
  int fd;
  int errsv;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->errsv = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (GError     **error,
                 int          errsv,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               /* Translators: %s is a file name, then why it failed */
               _("Could not save the summary as “%s”: %s"), display, g_strerror (errsv));
  return FALSE;
}

/**
 * amends_report_write_pdf:
 * @path: the PDF file to write; replaced if it exists
 *
 * Lays the report out on the options' page size and writes every page.
 * The file is written beside @path under another name and renamed at the
 * end, so a failure leaves neither half a PDF nor a damaged earlier one.
 */
gboolean
amends_report_write_pdf (AmendsReport  *self,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { -1, 0 };
  gboolean ok = TRUE;
  double w, h;

  g_return_val_if_fail (AMENDS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("No file name was given for the summary."));
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_write_error (error, EISDIR, path);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  /* Only its owner may read it: it holds guests' names and complaints,
   * as the CSV export does.  The mode is the temporary file's, so it is
   * also what replaces an earlier summary that was readable by others. */
  sink.fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    return set_write_error (error, errno, path);

  w = self->options.page_width;
  h = self->options.page_height;
  title = amends_report_dup_title (self);

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, &sink, w, h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Amends");
  cr = cairo_create (surface);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF: %s"), cairo_status_to_string (cairo_status (cr)));
      ok = FALSE;
    }
  else if (!amends_report_layout (self, cr, w, h, error))
    ok = FALSE;
  else
    {
      for (guint i = 0; i < self->pages->len; i++)
        {
          amends_report_draw_page (self, cr, i);
          cairo_show_page (cr);
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.errsv != 0)
        set_write_error (error, sink.errsv, path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not make the PDF: %s"), cairo_status_to_string (status));
      ok = FALSE;
    }

  if (ok && fsync (sink.fd) != 0)
    ok = set_write_error (error, errno, path);
  if (close (sink.fd) != 0 && ok)
    ok = set_write_error (error, errno, path);
  if (ok && g_rename (tmp, path) != 0)
    ok = set_write_error (error, errno, path);

  if (!ok)
    g_unlink (tmp);

  return ok;
}
