/* amends-report-page.h: placing text, rules and bands on the summary's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* In points. */
#define MARGIN_X        50.0
#define MARGIN_TOP      48.0
#define MARGIN_BOTTOM   56.0
#define RUNNING_HEAD    26.0
#define SECTION_GAP     22.0

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
} AmendsPageStyle;

typedef enum
{
  OP_TEXT,
  OP_RULE,
  OP_BAND,
  OP_CHART,
} AmendsPageOpKind;

/* One drawing operation, placed while laying out, replayed to draw. */
typedef struct
{
  AmendsPageOpKind  kind;
  AmendsPageStyle   style;
  PangoAlignment    align;
  guint32           rgb;
  double            x, y, width, height;
  char             *text;
} AmendsPageOp;

/* Where the next thing goes while laying out. */
typedef struct
{
  PangoContext *context;
  GPtrArray    *pages;     /* GPtrArray of AmendsPageOp*, a page each */
  GPtrArray    *page;      /* the last of them */
  double        left, right, bottom;
  double        y;
} AmendsPageCursor;

PangoContext         *amends_page_create_context  (cairo_t          *cr);
PangoFontDescription *amends_page_create_font     (AmendsPageStyle   style);
guint32               amends_page_style_rgb       (AmendsPageStyle   style);
double                amends_page_measure         (AmendsPageCursor *cur,
                                                   AmendsPageStyle   style,
                                                   const char       *text,
                                                   double            width);
AmendsPageOp         *amends_page_add_op          (AmendsPageCursor *cur,
                                                   AmendsPageOpKind  kind,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   double            height);
void                  amends_page_add_text_sized  (AmendsPageCursor *cur,
                                                   AmendsPageStyle   style,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   double            height,
                                                   PangoAlignment    align,
                                                   guint32           rgb,
                                                   const char       *text);
double                amends_page_add_text_full   (AmendsPageCursor *cur,
                                                   AmendsPageStyle   style,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   PangoAlignment    align,
                                                   guint32           rgb,
                                                   const char       *text);
double                amends_page_add_text        (AmendsPageCursor *cur,
                                                   AmendsPageStyle   style,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   const char       *text);
void                  amends_page_add_rule        (AmendsPageCursor *cur,
                                                   double            y,
                                                   double            thickness,
                                                   guint32           rgb);
void                  amends_page_add_band        (AmendsPageCursor *cur,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   double            height,
                                                   guint32           rgb);
double                amends_page_place_heading   (AmendsPageCursor *cur,
                                                   const char       *text);
void                  amends_page_break           (AmendsPageCursor *cur);
void                  amends_page_need            (AmendsPageCursor *cur,
                                                   double            height);
void                  amends_page_fill            (cairo_t          *cr,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   double            height,
                                                   guint32           rgb);
void                  amends_page_draw_text       (cairo_t          *cr,
                                                   PangoContext     *context,
                                                   AmendsPageStyle   style,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   PangoAlignment    align,
                                                   guint32           rgb,
                                                   const char       *text);
void                  amends_page_draw_op         (cairo_t          *cr,
                                                   PangoContext     *context,
                                                   const AmendsPageOp *op);

G_END_DECLS
