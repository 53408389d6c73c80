/* amends-report-table.h: a table of the summary, flowing over pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-report-page.h"

G_BEGIN_DECLS

typedef struct
{
  const char     *title;
  double          share;       /* of the table's width */
  PangoAlignment  align;
} AmendsPageColumn;

void amends_page_place_table (AmendsPageCursor       *cur,
                              const char             *heading,
                              const AmendsPageColumn *columns,
                              guint                   n_columns,
                              GPtrArray              *rows,
                              const char             *empty,
                              const char             *note);

G_END_DECLS
