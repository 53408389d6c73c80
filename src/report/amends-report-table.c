/* amends-report-table.c: a table of the summary, flowing over pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-table"

#include "config.h"

#include "amends-report-table.h"

#include <glib/gi18n.h>

#define CELL_PAD_X  5.0
#define CELL_PAD_Y  3.5

/* Measures each cell of a row into @heights; returns the row's height.
 * Shaping text is most of a long table's cost: each cell is measured
 * once, here, and placed with the height found. */
static double
row_height (AmendsPageCursor        *cur,
            AmendsPageStyle          style,
            const AmendsPageColumn  *columns,
            guint                    n_columns,
            char                   **cells,
            double                  *heights)
{
  double width = cur->right - cur->left;
  double height = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      heights[i] = amends_page_measure (cur, style, cells[i], columns[i].share * width - 2 * CELL_PAD_X);
      height = MAX (height, heights[i]);
    }

  return height + 2 * CELL_PAD_Y;
}

static void
place_row (AmendsPageCursor        *cur,
           AmendsPageStyle          style,
           const AmendsPageColumn  *columns,
           guint                    n_columns,
           char                   **cells,
           const double            *heights,
           double                   height)
{
  double width = cur->right - cur->left;
  double x = cur->left;

  for (guint i = 0; i < n_columns; i++)
    {
      double w = columns[i].share * width;

      amends_page_add_text_sized (cur, style, x + CELL_PAD_X, cur->y + CELL_PAD_Y, w - 2 * CELL_PAD_X,
                                  heights[i], columns[i].align, amends_page_style_rgb (style), cells[i]);
      x += w;
    }

  cur->y += height;
}

static void
place_table_head (AmendsPageCursor        *cur,
                  const char              *heading,
                  const AmendsPageColumn  *columns,
                  guint                    n_columns,
                  char                   **titles,
                  const double            *head_heights,
                  double                   head_height)
{
  amends_page_place_heading (cur, heading);
  place_row (cur, STYLE_TABLE_HEAD, columns, n_columns, titles, head_heights, head_height);
  amends_page_add_rule (cur, cur->y, 0.75, RGB_RULE);
}

/* A table that flows over as many pages as it needs.  A row is never split:
 * one that does not fit starts the next page, under the heading and the
 * header row again.  The heading, the header row and the first row stay
 * together. */
void
amends_page_place_table (AmendsPageCursor       *cur,
                         const char             *heading,
                         const AmendsPageColumn *columns,
                         guint                   n_columns,
                         GPtrArray              *rows,
                         const char             *empty,
                         const char             *note)
{
  g_autofree char *continued = NULL;
  g_autofree char **titles = g_new0 (char *, n_columns + 1);
  g_autofree double *head_heights = g_new0 (double, n_columns);
  g_autofree double *heights = g_new0 (double, n_columns);
  double heading_height, head_height, height;

  for (guint i = 0; i < n_columns; i++)
    titles[i] = (char *) columns[i].title;

  heading_height = amends_page_measure (cur, STYLE_HEADING, heading, -1) + 7;
  if (rows->len == 0)
    {
      amends_page_need (cur, heading_height + amends_page_measure (cur, STYLE_BODY, empty, -1));
      amends_page_place_heading (cur, heading);
      cur->y += amends_page_add_text_full (cur, STYLE_BODY, cur->left, cur->y, cur->right - cur->left,
                                           PANGO_ALIGN_LEFT, RGB_DIM, empty);
      cur->y += SECTION_GAP;
      return;
    }

  /* Translators: a table's heading on the pages after its first */
  continued = g_strdup_printf (_("%s (continued)"), heading);
  head_height = row_height (cur, STYLE_TABLE_HEAD, columns, n_columns, titles, head_heights);
  height = row_height (cur, STYLE_BODY, columns, n_columns, rows->pdata[0], heights);

  amends_page_need (cur, heading_height + head_height + height);
  place_table_head (cur, heading, columns, n_columns, titles, head_heights, head_height);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];

      if (r > 0)
        height = row_height (cur, STYLE_BODY, columns, n_columns, cells, heights);

      if (cur->y + height > cur->bottom)
        {
          amends_page_break (cur);
          place_table_head (cur, continued, columns, n_columns, titles, head_heights, head_height);
        }

      if (r % 2 == 1)
        amends_page_add_band (cur, cur->left, cur->y, cur->right - cur->left, height, RGB_BAND);
      place_row (cur, STYLE_BODY, columns, n_columns, cells, heights, height);
    }

  amends_page_add_rule (cur, cur->y, 0.75, RGB_RULE);
  if (note != NULL)
    {
      double note_height = amends_page_measure (cur, STYLE_SMALL, note, cur->right - cur->left);

      amends_page_need (cur, CELL_PAD_Y + note_height);
      cur->y += CELL_PAD_Y;
      amends_page_add_text_sized (cur, STYLE_SMALL, cur->left, cur->y, cur->right - cur->left, note_height,
                                  PANGO_ALIGN_LEFT, RGB_DIM, note);
      cur->y += note_height;
    }
  cur->y += SECTION_GAP;
}
