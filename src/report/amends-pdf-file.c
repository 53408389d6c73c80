/* amends-pdf-file.c: a PDF written whole or not at all
 *
 * Every PDF Amends writes (the summary, the training pack, a recovery
 * record, a case's history) holds guests' complaints or staff's records,
 * so it is written the same careful way: beside its path under another
 * name, readable by its owner only, through a file descriptor so that a
 * failed write (a full disk) is noticed and not only a failed open,
 * synced, then renamed over @path.  A failure leaves neither half a PDF
 * nor a damaged earlier one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-pdf-file.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <cairo-pdf.h>

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

static gboolean
draw_into (int                 fd,
           Sink               *sink,
           const char         *path,
           const char         *title,
           double              width,
           double              height,
           AmendsPdfDrawFunc   draw,
           gpointer            user_data,
           GError            **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, width, height);
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok = TRUE;

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Amends");
  cr = cairo_create (surface);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF: %s"), cairo_status_to_string (cairo_status (cr)));
      ok = FALSE;
    }
  else
    ok = draw (cr, width, height, user_data, error);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      if (sink->errsv != 0)
        set_write_error (error, sink->errsv, path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not make the PDF: %s"), cairo_status_to_string (status));
      ok = FALSE;
    }

  if (ok && fsync (fd) != 0)
    ok = set_write_error (error, errno, path);

  return ok;
}

/**
 * amends_pdf_file_write:
 * @path: the PDF file to write; replaced if it exists
 * @title: (nullable): the document's title, in its metadata
 * @draw: draws the pages
 *
 * Writes the pages @draw draws, on pages of @width × @height points, to
 * @path as the file's header explains.
 *
 * Returns: %TRUE once the whole file is in place
 */
gboolean
amends_pdf_file_write (const char         *path,
                       const char         *title,
                       double              width,
                       double              height,
                       AmendsPdfDrawFunc   draw,
                       gpointer            user_data,
                       GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  Sink sink = { -1, 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

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

  /* The mode is the temporary file's, so it is also what replaces an
   * earlier file that was readable by others. */
  sink.fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    return set_write_error (error, errno, path);

  ok = draw_into (sink.fd, &sink, path, title, width, height, draw, user_data, error);

  if (close (sink.fd) != 0 && ok)
    ok = set_write_error (error, errno, path);
  if (ok && g_rename (tmp, path) != 0)
    ok = set_write_error (error, errno, path);
  if (!ok)
    g_unlink (tmp);

  return ok;
}
