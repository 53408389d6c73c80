/* amends-store-rows.c: rows and attachment data for the files outside the store
 *
 * See amends-store-rows.h.  A row is the statement itself, seen through
 * amends-stmt.h: reading a cell costs what it cost when the export called
 * SQLite directly (an export of 100,000 cases reads four million cells).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amends-store-rows.h"

#include "amends-store-private.h"

/**
 * amends_store_foreach_row:
 * @sql: one statement, without parameters
 * @func: called for each row, in order
 *
 * Runs @sql on the store's connection and calls @func for each row,
 * holding one row at a time, however many there are.  The statement is
 * prepared for this run alone, not kept: an export's is large and runs
 * once.
 *
 * Returns: %FALSE with @error set if the statement failed or @func
 *   stopped; the rows before that have been given
 */
gboolean
amends_store_foreach_row (AmendsStore         *self,
                          const char          *sql,
                          AmendsStoreRowFunc   func,
                          gpointer             user_data,
                          GError             **error)
{
  AmendsStmt *stmt = NULL;
  AmendsDbStep step;
  gboolean ok = TRUE;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL && func != NULL, FALSE);

  if (!(stmt = amends_store_prepare_once (self, sql, error)))
    return FALSE;

  while (ok && (step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    ok = func ((AmendsStoreRow *) stmt, user_data, error);
  amends_stmt_free (stmt);

  return ok && step != AMENDS_DB_STEP_ERROR;
}

gboolean
amends_store_row_is_null (AmendsStoreRow *row,
                          int             column)
{
  return amends_stmt_column_is_null ((AmendsStmt *) row, column);
}

gint64
amends_store_row_get_int64 (AmendsStoreRow *row,
                            int             column)
{
  return amends_stmt_column_int64 ((AmendsStmt *) row, column);
}

/* NULL for a NULL; valid until the next row. */
const char *
amends_store_row_get_text (AmendsStoreRow *row,
                           int             column)
{
  return amends_stmt_column_text ((AmendsStmt *) row, column);
}

struct _AmendsStoreBlob
{
  AmendsStore  *store;
  sqlite3_blob *blob;
  GBytes       *bytes;  /* on a server, which has no blob handles */
};

/* A server's bytea, read whole (attachments are at most
 * AMENDS_ATTACHMENT_MAX_SIZE) in hex, as AmendsDb reads text. */
static GBytes *
read_on_server (AmendsStore  *self,
                gint64        attachment_id,
                GError      **error)
{
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, "SELECT encode (data, 'hex') FROM attachments WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  amends_stmt_bind_int64 (stmt, 1, attachment_id);
  switch (amends_stmt_step (stmt, error))
    {
    case AMENDS_DB_STEP_ROW:
      break;
    case AMENDS_DB_STEP_DONE:
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
                           _("The file is no longer there. Someone may have removed it."));
      return NULL;
    default:
      return NULL;
    }

  return amends_store_bytes_from_hex (amends_stmt_column_text (stmt, 0));
}

/**
 * amends_store_open_attachment_data:
 *
 * Opens the bytes of an attachment for reading in pieces
 * (amends_store_blob_read()), so that a large file is never held whole.
 *
 * Returns: (transfer full): the data, to close with
 *   amends_store_blob_close(), or %NULL with @error set
 */
AmendsStoreBlob *
amends_store_open_attachment_data (AmendsStore  *self,
                                   gint64        attachment_id,
                                   GError      **error)
{
  sqlite3_blob *blob = NULL;
  AmendsStoreBlob *data;
  int rc;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (self->db == NULL)
    {
      GBytes *bytes = read_on_server (self, attachment_id, error);

      if (bytes == NULL)
        return NULL;
      data = g_new0 (AmendsStoreBlob, 1);
      data->store = g_object_ref (self);
      data->bytes = bytes;
      return data;
    }

  rc = sqlite3_blob_open (self->db, "main", "attachments", "data", attachment_id, 0, &blob);
  if (rc != SQLITE_OK)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }

  data = g_new0 (AmendsStoreBlob, 1);
  data->store = g_object_ref (self);
  data->blob = blob;

  return data;
}

gsize
amends_store_blob_get_size (AmendsStoreBlob *blob)
{
  if (blob->bytes != NULL)
    return g_bytes_get_size (blob->bytes);
  return (gsize) sqlite3_blob_bytes (blob->blob);
}

/* Reads @n bytes from @offset; the whole range must be there. */
gboolean
amends_store_blob_read (AmendsStoreBlob  *blob,
                        gpointer          buffer,
                        gsize             n,
                        gsize             offset,
                        GError          **error)
{
  int rc;

  g_return_val_if_fail (n <= G_MAXINT && offset <= G_MAXINT, FALSE);

  if (blob->bytes != NULL)
    {
      g_return_val_if_fail (offset + n <= g_bytes_get_size (blob->bytes), FALSE);
      memcpy (buffer, (const guint8 *) g_bytes_get_data (blob->bytes, NULL) + offset, n);
      return TRUE;
    }

  rc = sqlite3_blob_read (blob->blob, buffer, (int) n, (int) offset);
  if (rc != SQLITE_OK)
    return amends_store_set_error (blob->store, rc, error);

  return TRUE;
}

void
amends_store_blob_close (AmendsStoreBlob *blob)
{
  if (blob == NULL)
    return;

  g_clear_pointer (&blob->blob, sqlite3_blob_close);
  g_clear_pointer (&blob->bytes, g_bytes_unref);
  g_object_unref (blob->store);
  g_free (blob);
}

/**
 * amends_store_is_empty:
 * @empty: (out): whether the database has no cases, staff or customers
 *
 * Whether the database holds nothing a person entered yet: a new file,
 * which the demo may fill.
 */
gboolean
amends_store_is_empty (AmendsStore  *self,
                       gboolean     *empty,
                       GError      **error)
{
  static const char sql[] =
    "SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM staff) "
    "+ (SELECT count(*) FROM customers)";
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (empty != NULL, FALSE);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  /* A SELECT without FROM always has its row. */
  if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return FALSE;

  *empty = amends_stmt_column_int64 (stmt, 0) == 0;
  return TRUE;
}
