/* amends-report-pdf.c: the weekly summary written as a PDF file
 *
 * The same pages as the print dialog's, on a cairo PDF surface, written by
 * amends_pdf_file_write().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-pdf"

#include "config.h"

#include "amends-report.h"
#include "amends-report-private.h"

#include "amends-pdf-file.h"

static gboolean
draw_report (cairo_t   *cr,
             double     width,
             double     height,
             gpointer   user_data,
             GError   **error)
{
  AmendsReport *self = user_data;

  if (!amends_report_layout (self, cr, width, height, error))
    return FALSE;

  for (guint i = 0; i < amends_report_get_n_pages (self); i++)
    {
      amends_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  return TRUE;
}

/**
 * amends_report_write_pdf:
 * @path: the PDF file to write; replaced if it exists
 *
 * Lays the report out on the options' page size and writes every page,
 * whole or not at all (amends_pdf_file_write()).
 */
gboolean
amends_report_write_pdf (AmendsReport  *self,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *title = NULL;
  double w, h;

  g_return_val_if_fail (AMENDS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  amends_report_get_page_size (self, &w, &h);
  title = amends_report_dup_title (self);

  return amends_pdf_file_write (path, title, w, h, draw_report, self, error);
}
