/* amends-csv-export-attachments.c: the attachments' files beside the cases' CSV file
 *
 * An export of cases.csv writes each attachment of a case not in the
 * trash to cases-attachments/C-2026-00001/IMG_2034.jpg, and the cases'
 * column "attachments" names the same paths (the SQL that makes them is
 * shared: AMENDS_CSV_ATTACHMENT_PATH).  One attachment at a time, its
 * bytes streamed from the database to the file in chunks: an export of
 * gigabytes of photos holds none of them whole in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-export"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-csv-export-private.h"

#include "amends-store-private.h"

#define CHUNK_SIZE (64 * 1024)

/**
 * amends_csv_attachments_folder_name:
 *
 * Returns: the name of the folder of attachments beside @csv_path:
 *   "cases-attachments" beside "cases.csv"
 */
char *
amends_csv_attachments_folder_name (const char *csv_path)
{
  g_autofree char *base = g_path_get_basename (csv_path);

  if (g_str_has_suffix (base, ".csv") || g_str_has_suffix (base, ".CSV"))
    base[strlen (base) - 4] = '\0';
  return g_strconcat (base, "-attachments", NULL);
}

static gboolean
write_blob (AmendsStore   *store,
            gint64         id,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *chunk = NULL;
  sqlite3_blob *blob = NULL;
  gboolean ok;
  int size;
  int rc;

  if (!g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if ((rc = sqlite3_blob_open (amends_store_get_db (store), "main", "attachments", "data", id, 0, &blob)) != SQLITE_OK)
    return amends_store_set_error (store, rc, error);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, error);
  ok = out != NULL;
  size = sqlite3_blob_bytes (blob);
  chunk = g_malloc (CHUNK_SIZE);
  for (int offset = 0, n; ok && offset < size; offset += n)
    {
      n = MIN (CHUNK_SIZE, size - offset);
      if ((rc = sqlite3_blob_read (blob, chunk, n, offset)) != SQLITE_OK)
        ok = amends_store_set_error (store, rc, error);
      else
        ok = g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk, n, NULL, cancellable, error);
    }
  sqlite3_blob_close (blob);

  if (out == NULL)
    return FALSE;
  if (!ok)
    {
      /* Closing a cancelled replace stream leaves no half a file. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

/**
 * amends_csv_export_attachments:
 *
 * Writes the attachments of every case not in the trash into the folder
 * beside @csv_path (amends_csv_attachments_folder_name()), one folder a
 * case.  Writes nothing, not even the folder, when there are none.
 */
gboolean
amends_csv_export_attachments (AmendsStore   *store,
                               const char    *csv_path,
                               GCancellable  *cancellable,
                               GError       **error)
{
  static const char sql[] =
    "SELECT a.id, " AMENDS_CSV_ATTACHMENT_PATH ("a", "c")
    " FROM cases AS c JOIN attachments AS a ON a.case_id = c.id"
    " WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL"
    " ORDER BY c.occurred_at, c.id, a.added_at, a.id";
  g_autofree char *dir_path = g_path_get_dirname (csv_path);
  g_autofree char *name = amends_csv_attachments_folder_name (csv_path);
  g_autoptr(GFile) folder = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  folder = g_file_new_build_filename (dir_path, name, NULL);
  if ((rc = sqlite3_prepare_v2 (amends_store_get_db (store), sql, -1, &stmt, NULL)) != SQLITE_OK)
    return amends_store_set_error (store, rc, error);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *path = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GFile) file = g_file_resolve_relative_path (folder, path);

      /* The names are made safe in SQL; this is the belt to its braces. */
      if (!g_file_has_prefix (file, folder))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                       _("The attachment “%s” has a name that cannot be a file name."), path);
          ok = FALSE;
          break;
        }
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           write_blob (store, sqlite3_column_int64 (stmt, 0), file, cancellable, error);
    }

  if (ok && rc != SQLITE_DONE)
    ok = amends_store_set_error (store, rc, error);
  sqlite3_finalize (stmt);

  return ok;
}
