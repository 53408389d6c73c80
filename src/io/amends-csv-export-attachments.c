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
#include "amends-store-rows.h"

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
  g_autoptr(AmendsStoreBlob) blob = NULL;
  g_autofree guint8 *chunk = NULL;
  gboolean ok;
  gsize size;

  if (!g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!(blob = amends_store_open_attachment_data (store, id, error)))
    return FALSE;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, error);
  ok = out != NULL;
  size = amends_store_blob_get_size (blob);
  chunk = g_malloc (CHUNK_SIZE);
  for (gsize offset = 0, n; ok && offset < size; offset += n)
    {
      n = MIN (CHUNK_SIZE, size - offset);
      ok = amends_store_blob_read (blob, chunk, n, offset, error) &&
           g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk, n, NULL, cancellable, error);
    }
  g_clear_pointer (&blob, amends_store_blob_close);

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

typedef struct
{
  AmendsStore  *store;
  GFile        *folder;
  GCancellable *cancellable;
} AttachmentsData;

static gboolean
write_attachment_cb (AmendsStoreRow  *row,
                     gpointer         user_data,
                     GError         **error)
{
  AttachmentsData *data = user_data;
  const char *path = amends_store_row_get_text (row, 1);
  g_autoptr(GFile) file = g_file_resolve_relative_path (data->folder, path);

  /* The names are made safe in SQL; this is the belt to its braces. */
  if (!g_file_has_prefix (file, data->folder))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("The attachment “%s” has a name that cannot be a file name."), path);
      return FALSE;
    }

  return !g_cancellable_set_error_if_cancelled (data->cancellable, error) &&
         write_blob (data->store, amends_store_row_get_int64 (row, 0), file, data->cancellable, error);
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
#define SQL(E) \
    "SELECT a.id, " AMENDS_CSV_ATTACHMENT_PATH (E, "a", "c") \
    " FROM cases AS c JOIN attachments AS a ON a.case_id = c.id" \
    " WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL" \
    " ORDER BY c.occurred_at, c.id, a.added_at, a.id"
  const char *sql = AMENDS_SQL_FOR (amends_store_get_engine (store), SQL);
#undef SQL
  g_autofree char *dir_path = g_path_get_dirname (csv_path);
  g_autofree char *name = amends_csv_attachments_folder_name (csv_path);
  g_autoptr(GFile) folder = g_file_new_build_filename (dir_path, name, NULL);
  AttachmentsData data = { store, folder, cancellable };

  return amends_store_foreach_row (store, sql, write_attachment_cb, &data, error);
}
