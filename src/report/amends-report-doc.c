/* amends-report-doc.c: a document of pages laid out with the summary's
 * page helpers, written as PDF: the training pack and the staff record
 *
 * The layout places text as operations a page (amends-report-page.c);
 * drawing replays them, with a running head and the page number on each
 * page after the first.  The PDF is written beside its path and renamed
 * at the end, as the weekly summary's is, so a failure leaves neither half
 * a file nor a damaged earlier one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-doc"

#include "config.h"

#include "amends-report-doc.h"


#include <glib/gi18n.h>
#include <gio/gio.h>

#include "amends-pdf-file.h"

#define A4_WIDTH  595.0
#define A4_HEIGHT 842.0

static void
draw_pages (const AmendsDoc  *doc,
            cairo_t          *cr,
            PangoContext     *context,
            GPtrArray        *pages,
            double            width,
            double            height,
            gboolean          show)
{
  for (guint i = 0; i < pages->len; i++)
    {
      GPtrArray *page = pages->pdata[i];

      if (i > 0)
        {
          g_autofree char *number =
            /* Translators: the foot of a page: page 2 of 5 */
            g_strdup_printf (_("Page %u of %u"), i + 1, pages->len);

          amends_page_draw_text (cr, context, STYLE_SMALL, MARGIN_X, MARGIN_TOP - 4,
                                 width - 2 * MARGIN_X, PANGO_ALIGN_LEFT, RGB_DIM, doc->title);
          amends_page_fill (cr, MARGIN_X, MARGIN_TOP + RUNNING_HEAD - 10,
                            width - 2 * MARGIN_X, 0.6, RGB_RULE);
          amends_page_draw_text (cr, context, STYLE_SMALL, MARGIN_X, height - MARGIN_BOTTOM + 18,
                                 width - 2 * MARGIN_X, PANGO_ALIGN_RIGHT, RGB_FAINT, number);
        }

      for (guint j = 0; j < page->len; j++)
        amends_page_draw_op (cr, context, page->pdata[j]);

      if (show)
        cairo_show_page (cr);
    }
}

static GPtrArray *
lay_out (const AmendsDoc  *doc,
         PangoContext     *context,
         double            width,
         double            height,
         GError          **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  AmendsPageCursor cur = { 0 };

  cur.context = context;
  cur.pages = pages;
  cur.left = MARGIN_X;
  cur.right = width - MARGIN_X;
  cur.bottom = height - MARGIN_BOTTOM;
  amends_page_break (&cur);

  if (!doc->layout (&cur, doc->data, error))
    return NULL;

  return g_steal_pointer (&pages);
}

/**
 * amends_doc_draw:
 *
 * Lays the document out for pages of @width × @height and draws every
 * page on @cr, each ended with cairo_show_page().
 *
 * Returns: the number of pages, 0 with @error set when it failed
 */
guint
amends_doc_draw (const AmendsDoc  *doc,
                 cairo_t          *cr,
                 double            width,
                 double            height,
                 GError          **error)
{
  g_autoptr(GObject) context = G_OBJECT (amends_page_create_context (cr));
  g_autoptr(GPtrArray) pages = lay_out (doc, PANGO_CONTEXT (context), width, height, error);

  if (pages == NULL)
    return 0;

  draw_pages (doc, cr, PANGO_CONTEXT (context), pages, width, height, TRUE);
  return pages->len;
}

static gboolean
draw_doc (cairo_t   *cr,
          double     width,
          double     height,
          gpointer   user_data,
          GError   **error)
{
  return amends_doc_draw (user_data, cr, width, height, error) > 0;
}

/**
 * amends_doc_write_pdf:
 * @path: the PDF file to write; replaced if it exists
 */
gboolean
amends_doc_write_pdf (const AmendsDoc  *doc,
                      const char       *path,
                      GError          **error)
{
  double w = doc->page_width > 0 ? doc->page_width : A4_WIDTH;
  double h = doc->page_height > 0 ? doc->page_height : A4_HEIGHT;

  g_return_val_if_fail (doc != NULL && doc->layout != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return amends_pdf_file_write (path, doc->title, w, h, draw_doc, (gpointer) doc, error);
}
