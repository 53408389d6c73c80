/* amends-attachment-viewer.h: one photo or file of a case, large
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_ATTACHMENT_VIEWER (amends_attachment_viewer_get_type ())

G_DECLARE_FINAL_TYPE (AmendsAttachmentViewer, amends_attachment_viewer, AMENDS, ATTACHMENT_VIEWER, AdwWindow)

GtkWindow *amends_attachment_viewer_new          (GtkWidget              *owner,
                                                  AmendsStore            *store,
                                                  GListModel             *attachments,
                                                  guint                   position);
guint      amends_attachment_viewer_get_position (AmendsAttachmentViewer *self);
gboolean   amends_attachment_viewer_get_loading  (AmendsAttachmentViewer *self);

G_END_DECLS
