/* amends-attachments-private.h: what the attachments group's own files share
 *
 * The group is one widget in two files: amends-attachments.c lists the
 * case's attachments, makes their thumbnails, removes them with Undo and
 * opens the viewer; amends-attachments-add.c adds files, from Add… or
 * dropped on the case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-attachments.h"

G_BEGIN_DECLS

struct _AmendsAttachments
{
  AdwPreferencesGroup   parent_instance;

  AmendsStore          *store;
  gint64                case_id;
  GListStore           *attachments;   /* AmendsAttachment, the case's */
  GHashTable           *thumbnails;    /* id → GdkTexture, of this case only */
  GHashTable           *no_thumbnail;  /* ids that could not be decoded */
  GCancellable         *cancellable;   /* the case's loads; cancelled when it changes */
  gboolean              thumbnailing;
  gint64                thumbnail_id;  /* the one being read */
  guint                 n_adding;      /* in the queue or being added */
  GQueue                to_add;        /* GFile, in the order given */

  GtkFileChooserNative *chooser;
  GtkDropTarget        *drop_target;
  GtkWidget            *drop_widget;
  GtkWindow            *viewer;

  GtkWidget            *flow_box;
  GtkWidget            *empty_label;
  GtkWidget            *busy_label;
  GtkWidget            *error_label;
};

/* amends-attachments.c */
void _amends_attachments_show_error          (AmendsAttachments *self,
                                              const char        *message);
void _amends_attachments_update_visibility   (AmendsAttachments *self);
void _amends_attachments_load_next_thumbnail (AmendsAttachments *self);

/* amends-attachments-add.c */
void _amends_attachments_clear_queue         (AmendsAttachments *self);
void _amends_attachments_add_action          (GtkWidget         *widget,
                                              const char        *action_name,
                                              GVariant          *parameter);
void _amends_attachments_watch_drops         (AmendsAttachments *self);
void _amends_attachments_unwatch_drops       (AmendsAttachments *self);

G_END_DECLS
