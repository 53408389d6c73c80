/* amends-report-doc.h: a document of pages laid out with the summary's
 * page helpers, written as PDF: the training pack and the staff record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "amends-report-page.h"

G_BEGIN_DECLS

/* Lays the document out with @cur, whose first page is already begun. */
typedef gboolean (*AmendsDocLayoutFunc) (AmendsPageCursor  *cur,
                                         gpointer           data,
                                         GError           **error);

typedef struct
{
  const char          *title;        /* the PDF's title, and each later page's running head */
  double               page_width;   /* points; 0 for A4 */
  double               page_height;
  AmendsDocLayoutFunc  layout;
  gpointer             data;
} AmendsDoc;

gboolean amends_doc_write_pdf (const AmendsDoc  *doc,
                               const char       *path,
                               GError          **error);
guint    amends_doc_draw      (const AmendsDoc  *doc,
                               cairo_t          *cr,
                               double            width,
                               double            height,
                               GError          **error);

G_END_DECLS
