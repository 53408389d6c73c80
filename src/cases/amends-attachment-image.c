/* amends-attachment-image.c: a photo's bytes made into a texture, in a worker thread
 *
 * The thumbnails of the attachments group and the viewer's photo are
 * decoded here, off the main thread.  A thumbnail is decoded at its small
 * size (the loader scales while it reads), so that a 12-megapixel photo
 * is never whole in memory for it; and a phone's photo, stored sideways
 * with a note to turn it, is turned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-attachment-image"

#include "config.h"

#include "amends-attachment-image.h"

typedef struct
{
  GBytes *bytes;
  int     max_size;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job);
}

static void
on_size_prepared_cb (GdkPixbufLoader *loader,
                     int              width,
                     int              height,
                     gpointer         user_data)
{
  int max_size = GPOINTER_TO_INT (user_data);
  double scale = (double) max_size / MAX (width, height);

  if (max_size > 0 && scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GdkPixbuf) turned = NULL;
  LoadJob *job = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared_cb), GINT_TO_POINTER (job->max_size));
  if (!gdk_pixbuf_loader_write_bytes (loader, job->bytes, &error) ||
      !gdk_pixbuf_loader_close (loader, &error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      g_task_return_error (task, error);
      return;
    }

  if ((pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not an image");
      return;
    }

  turned = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  /* A texture is immutable, and may be made in any thread. */
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (turned), g_object_unref);
}

/**
 * amends_attachment_image_load_async:
 * @max_size: the longest side, in pixels, for a thumbnail; 0 for the
 *   image as it is
 *
 * Decodes @bytes in a worker thread; finish with
 * amends_attachment_image_load_finish().
 */
void
amends_attachment_image_load_async (GBytes              *bytes,
                                    int                  max_size,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadJob *job = g_new0 (LoadJob, 1);

  job->bytes = g_bytes_ref (bytes);
  job->max_size = max_size;
  g_task_set_source_tag (task, amends_attachment_image_load_async);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * amends_attachment_image_load_finish:
 *
 * Returns: (transfer full) (nullable): the image, or %NULL when the bytes
 *   are not one GdkPixbuf can read
 */
GdkTexture *
amends_attachment_image_load_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
