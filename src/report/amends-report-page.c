/* amends-report-page.c: placing text, rules and bands on the summary's pages
 *
 * Laying out measures every piece of text with pango at the width it will
 * have and keeps what to draw as operations, a list a page; drawing a page
 * replays its list.  The cursor says where the next thing goes and starts
 * a new page when something does not fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-page"

#include "config.h"

#include "amends-report-page.h"

#include <pango/pangocairo.h>

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

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

static void
op_free (AmendsPageOp *op)
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

static PangoLayout *
create_layout (PangoContext    *context,
               AmendsPageStyle  style,
               const char      *text,
               double           width,
               PangoAlignment   align)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = amends_page_create_font (style);

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
content_top (guint page)
{
  return page == 0 ? MARGIN_TOP : MARGIN_TOP + RUNNING_HEAD;
}

/* Metrics are not hinted, so that text measured on one surface takes the
 * same room on another (the print preview, the printer, a PDF). */
PangoContext *
amends_page_create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);

  return context;
}

PangoFontDescription *
amends_page_create_font (AmendsPageStyle style)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  /* Absolute sizes are in user units, which are points on every surface
   * the report draws on, whatever resolution pango assumes. */
  pango_font_description_set_absolute_size (font, styles[style].size * PANGO_SCALE);
  pango_font_description_set_weight (font, styles[style].weight);

  return font;
}

/* The colour text of @style has unless told otherwise. */
guint32
amends_page_style_rgb (AmendsPageStyle style)
{
  return styles[style].rgb;
}

double
amends_page_measure (AmendsPageCursor *cur,
                     AmendsPageStyle   style,
                     const char       *text,
                     double            width)
{
  g_autoptr(PangoLayout) layout = create_layout (cur->context, style, text, width, PANGO_ALIGN_LEFT);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

AmendsPageOp *
amends_page_add_op (AmendsPageCursor *cur,
                    AmendsPageOpKind  kind,
                    double            x,
                    double            y,
                    double            width,
                    double            height)
{
  AmendsPageOp *op = g_new0 (AmendsPageOp, 1);

  op->kind = kind;
  op->x = x;
  op->y = y;
  op->width = width;
  op->height = height;
  g_ptr_array_add (cur->page, op);

  return op;
}

/* Places text already measured to be @height tall. */
void
amends_page_add_text_sized (AmendsPageCursor *cur,
                            AmendsPageStyle   style,
                            double            x,
                            double            y,
                            double            width,
                            double            height,
                            PangoAlignment    align,
                            guint32           rgb,
                            const char       *text)
{
  AmendsPageOp *op = amends_page_add_op (cur, OP_TEXT, x, y, width, height);

  op->style = style;
  op->align = align;
  op->rgb = rgb;
  op->text = g_strdup (text);
}

/* Places text with its top at @y; returns its height. */
double
amends_page_add_text_full (AmendsPageCursor *cur,
                           AmendsPageStyle   style,
                           double            x,
                           double            y,
                           double            width,
                           PangoAlignment    align,
                           guint32           rgb,
                           const char       *text)
{
  double height = amends_page_measure (cur, style, text, width);

  amends_page_add_text_sized (cur, style, x, y, width, height, align, rgb, text);
  return height;
}

double
amends_page_add_text (AmendsPageCursor *cur,
                      AmendsPageStyle   style,
                      double            x,
                      double            y,
                      double            width,
                      const char       *text)
{
  return amends_page_add_text_full (cur, style, x, y, width, PANGO_ALIGN_LEFT, styles[style].rgb, text);
}

void
amends_page_add_rule (AmendsPageCursor *cur,
                      double            y,
                      double            thickness,
                      guint32           rgb)
{
  AmendsPageOp *op = amends_page_add_op (cur, OP_RULE, cur->left, y, cur->right - cur->left, thickness);

  op->rgb = rgb;
}

void
amends_page_add_band (AmendsPageCursor *cur,
                      double            x,
                      double            y,
                      double            width,
                      double            height,
                      guint32           rgb)
{
  AmendsPageOp *op = amends_page_add_op (cur, OP_BAND, x, y, width, height);

  op->rgb = rgb;
}

/* Returns the height it took, with the gap under it. */
double
amends_page_place_heading (AmendsPageCursor *cur,
                           const char       *text)
{
  double height = amends_page_add_text (cur, STYLE_HEADING, cur->left, cur->y, cur->right - cur->left, text);

  cur->y += height + 7;
  return height + 7;
}

/* Starts the next page. */
void
amends_page_break (AmendsPageCursor *cur)
{
  cur->page = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  g_ptr_array_add (cur->pages, cur->page);
  cur->y = content_top (cur->pages->len - 1);
}

/* Makes room for @height more on this page, or starts the next. */
void
amends_page_need (AmendsPageCursor *cur,
                  double            height)
{
  if (cur->y + height > cur->bottom && cur->y > content_top (cur->pages->len - 1))
    amends_page_break (cur);
}

void
amends_page_fill (cairo_t *cr,
                  double   x,
                  double   y,
                  double   width,
                  double   height,
                  guint32  rgb)
{
  set_source_rgb (cr, rgb);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

void
amends_page_draw_text (cairo_t         *cr,
                       PangoContext    *context,
                       AmendsPageStyle  style,
                       double           x,
                       double           y,
                       double           width,
                       PangoAlignment   align,
                       guint32          rgb,
                       const char      *text)
{
  g_autoptr(PangoLayout) layout = create_layout (context, style, text, width, align);

  set_source_rgb (cr, rgb);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Draws text, rules and bands; the chart is the report's to draw. */
void
amends_page_draw_op (cairo_t            *cr,
                     PangoContext       *context,
                     const AmendsPageOp *op)
{
  switch (op->kind)
    {
    case OP_TEXT:
      amends_page_draw_text (cr, context, op->style, op->x, op->y, op->width, op->align,
                             op->rgb, op->text);
      break;

    case OP_RULE:
      amends_page_fill (cr, op->x, op->y - op->height / 2, op->width, op->height, op->rgb);
      break;

    case OP_BAND:
      amends_page_fill (cr, op->x, op->y, op->width, op->height, op->rgb);
      break;

    case OP_CHART:
    default:
      g_assert_not_reached ();
    }
}
