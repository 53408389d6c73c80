/* amends-report-pdf.c: the weekly summary written as a PDF file
 *
 * The same pages as the print dialog's, on a cairo PDF surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-pdf"

#include "config.h"

#include "amends-report.h"
#include "amends-report-private.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <cairo-pdf.h>

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

  amends_report_get_page_size (self, &w, &h);
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
      for (guint i = 0; i < amends_report_get_n_pages (self); i++)
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
