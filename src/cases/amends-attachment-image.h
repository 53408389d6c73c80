/* amends-attachment-image.h: a photo's bytes made into a texture, in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        amends_attachment_image_load_async  (GBytes               *bytes,
                                                 int                   max_size,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GdkTexture *amends_attachment_image_load_finish (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
