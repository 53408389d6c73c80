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

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <cairo-pdf.h>

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
               _("Could not save “%s”: %s"), display, g_strerror (errsv));
  return FALSE;
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
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  double w = doc->page_width > 0 ? doc->page_width : A4_WIDTH;
  double h = doc->page_height > 0 ? doc->page_height : A4_HEIGHT;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { -1, 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (doc != NULL && doc->layout != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("No file name was given."));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_write_error (error, EISDIR, path);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  /* Only its owner may read it: it holds guests' complaints and staff's
   * records, as the summary and the CSV export do. */
  sink.fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    return set_write_error (error, errno, path);

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, &sink, w, h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Amends");
  cr = cairo_create (surface);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF: %s"), cairo_status_to_string (cairo_status (cr)));
      ok = FALSE;
    }
  else if (amends_doc_draw (doc, cr, w, h, error) == 0)
    ok = FALSE;

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
