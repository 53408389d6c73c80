/* amends-board-reader.h: the storytelling board, read in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

typedef struct _AmendsBoardReader AmendsBoardReader;

/* The whole board, read in a worker thread on a connection of its own. */
AmendsBoardReader *amends_board_reader_new    (AmendsStore        *store);
void         amends_board_reader_free         (AmendsBoardReader  *self);
gboolean     amends_board_reader_read         (AmendsBoardReader  *self,
                                               GArray            **columns,
                                               GArray            **missing,
                                               GCancellable       *cancellable,
                                               GError            **error);
GPtrArray   *amends_board_reader_count_heroes (AmendsBoardReader  *self,
                                               GDateTime          *from,
                                               GDateTime          *until,
                                               GError            **error);
GArray      *amends_board_reader_list_told    (AmendsBoardReader  *self,
                                               GDateTime          *from,
                                               GDateTime          *until,
                                               GError            **error);
guint        amends_board_reader_get_n_reads  (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsBoardReader, amends_board_reader_free)

G_END_DECLS
