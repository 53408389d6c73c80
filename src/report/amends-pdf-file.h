/* amends-pdf-file.h: a PDF written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws every page on @cr (cairo_show_page() after each); FALSE with
 * @error set when the document cannot be laid out. */
typedef gboolean (*AmendsPdfDrawFunc) (cairo_t   *cr,
                                       double     width,
                                       double     height,
                                       gpointer   user_data,
                                       GError   **error);

gboolean amends_pdf_file_write (const char         *path,
                                const char         *title,
                                double              width,
                                double              height,
                                AmendsPdfDrawFunc   draw,
                                gpointer            user_data,
                                GError            **error);

G_END_DECLS
