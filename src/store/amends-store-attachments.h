/* amends-store-attachments.h: photos and files kept with a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-attachment.h"
#include "amends-store.h"

G_BEGIN_DECLS

/* The largest file that can be attached, in bytes (10 MB as the file
 * managers count them).  A photo from a phone is 2 to 5 MB; a database
 * full of 100 MB videos would make every backup slow. */
#define AMENDS_ATTACHMENT_MAX_SIZE (10 * 1000 * 1000)

void              amends_store_add_attachment_async     (AmendsStore          *self,
                                                         gint64                case_id,
                                                         GFile                *file,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
AmendsAttachment *amends_store_add_attachment_finish    (AmendsStore          *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void              amends_store_list_attachments_async   (AmendsStore          *self,
                                                         gint64                case_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GListModel       *amends_store_list_attachments_finish  (AmendsStore          *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void              amends_store_read_attachment_async    (AmendsStore          *self,
                                                         gint64                attachment_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GBytes           *amends_store_read_attachment_finish   (AmendsStore          *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
gboolean          amends_store_remove_attachment        (AmendsStore          *self,
                                                         gint64                attachment_id,
                                                         GError              **error);
gboolean          amends_store_restore_attachment       (AmendsStore          *self,
                                                         gint64                attachment_id,
                                                         GError              **error);
char             *amends_attachment_describe_too_large  (const char           *name,
                                                         gint64                size);

G_END_DECLS
