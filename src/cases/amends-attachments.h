/* amends-attachments.h: a case's photos and files, as thumbnails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_ATTACHMENTS (amends_attachments_get_type ())

G_DECLARE_FINAL_TYPE (AmendsAttachments, amends_attachments, AMENDS, ATTACHMENTS, AdwPreferencesGroup)

void                  amends_attachments_show_case        (AmendsAttachments *self,
                                                           AmendsStore       *store,
                                                           gint64             case_id);
void                  amends_attachments_add_files        (AmendsAttachments *self,
                                                           GFile            **files,
                                                           guint              n_files);
GListModel           *amends_attachments_get_model        (AmendsAttachments *self);
GdkPaintable         *amends_attachments_get_thumbnail    (AmendsAttachments *self,
                                                           gint64             attachment_id);
GtkFileChooserNative *amends_attachments_get_chooser      (AmendsAttachments *self);
gboolean              amends_attachments_get_busy         (AmendsAttachments *self);
void                  amends_attachments_open             (AmendsAttachments *self,
                                                           guint              position);
GtkWindow            *amends_attachments_get_viewer       (AmendsAttachments *self);
char                 *amends_attachments_describe         (gpointer           attachment);

G_END_DECLS
