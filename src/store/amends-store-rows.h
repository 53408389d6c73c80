/* amends-store-rows.h: rows and attachment data, read without SQLite's calls
 *
 * For the files outside the store that read more than records: the CSV
 * export streams its rows and the attachments' bytes, the demo asks
 * whether the database is empty.  None of them sees the engine: they give
 * SQL (portable, or SQLite's own where the store is only ever SQLite, as
 * in the salvage of a damaged file) and get values back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

typedef struct _AmendsStoreRow AmendsStoreRow;

/**
 * AmendsStoreRowFunc:
 * @row: the current row, valid until the function returns
 * @user_data: as given to amends_store_foreach_row()
 * @error: the error to set when returning %FALSE
 *
 * Returns: %TRUE to go on to the next row, %FALSE (with @error set) to
 *   stop
 */
typedef gboolean (*AmendsStoreRowFunc) (AmendsStoreRow  *row,
                                        gpointer         user_data,
                                        GError         **error);

gboolean     amends_store_foreach_row      (AmendsStore         *self,
                                            const char          *sql,
                                            AmendsStoreRowFunc   func,
                                            gpointer             user_data,
                                            GError             **error);
gboolean     amends_store_row_is_null      (AmendsStoreRow      *row,
                                            int                  column);
gint64       amends_store_row_get_int64    (AmendsStoreRow      *row,
                                            int                  column);
const char  *amends_store_row_get_text     (AmendsStoreRow      *row,
                                            int                  column);

/* The bytes of one attachment, read a piece at a time. */
typedef struct _AmendsStoreBlob AmendsStoreBlob;

AmendsStoreBlob *amends_store_open_attachment_data (AmendsStore      *self,
                                                    gint64            attachment_id,
                                                    GError          **error);
gsize            amends_store_blob_get_size        (AmendsStoreBlob  *blob);
gboolean         amends_store_blob_read            (AmendsStoreBlob  *blob,
                                                    gpointer          buffer,
                                                    gsize             n,
                                                    gsize             offset,
                                                    GError          **error);
void             amends_store_blob_close           (AmendsStoreBlob  *blob);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsStoreBlob, amends_store_blob_close)

gboolean     amends_store_is_empty         (AmendsStore         *self,
                                            gboolean            *empty,
                                            GError             **error);

G_END_DECLS
