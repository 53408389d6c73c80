/* amends-attachment.h: a photo or file kept with a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AMENDS_TYPE_ATTACHMENT (amends_attachment_get_type ())

G_DECLARE_FINAL_TYPE (AmendsAttachment, amends_attachment, AMENDS, ATTACHMENT, GObject)

AmendsAttachment *amends_attachment_new              (gint64            id,
                                                      gint64            case_id,
                                                      const char       *name,
                                                      const char       *content_type,
                                                      gint64            size,
                                                      gint64            added_at);
gint64            amends_attachment_get_id           (AmendsAttachment *self);
gint64            amends_attachment_get_case_id      (AmendsAttachment *self);
const char       *amends_attachment_get_name         (AmendsAttachment *self);
const char       *amends_attachment_get_content_type (AmendsAttachment *self);
gint64            amends_attachment_get_size         (AmendsAttachment *self);
gint64            amends_attachment_get_added_at     (AmendsAttachment *self);
gboolean          amends_attachment_is_image         (AmendsAttachment *self);

G_END_DECLS
