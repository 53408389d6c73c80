/* amends-store-attachments.c: photos and files kept with a case
 *
 * Attachments live in the database file itself (table attachments), so
 * the backup and the privacy rules that cover the cases cover them too.
 * Their bytes never pass through the main thread: a file is streamed into
 * its row by a worker thread on a connection of its own (the size checked
 * before a byte is read), and read back one attachment at a time on a
 * read-only connection, as the board and the measures are read.  Listing
 * a case's attachments reads their names and sizes, never the data.
 *
 * Removing one moves it to the trash (deleted_at), with an audit row, so
 * that Undo can bring it back; that is one small row, on the store's own
 * connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-attachments"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amends-store-attachments.h"

#include "amends-schema-pg.h"
#include "amends-store-private.h"

/* How much of a file is read and written at a time. */
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  char   *uri;            /* to open a connection of the worker's own */
  char   *path;           /* the database's, for error messages */
  gint64  case_id;
  gint64  attachment_id;
  gint64  actor_id;
  gint64  now;
  GFile  *file;
} AttachmentJob;

static void
attachment_job_free (AttachmentJob *job)
{
  g_free (job->uri);
  g_free (job->path);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttachmentJob, attachment_job_free)

static AttachmentJob *
attachment_job_new (AmendsStore *self,
                    gboolean     writing)
{
  AttachmentJob *job = g_new0 (AttachmentJob, 1);

  job->uri = writing ? g_strdup (self->uri) : amends_store_dup_reader_uri (self);
  job->path = g_strdup (self->path);
  job->actor_id = self->actor_id;
  job->now = amends_store_now (self);

  return job;
}

static gboolean
job_error (sqlite3  *db,
           int       rc,
           GError  **error)
{
  amends_store_set_error_from_code (error, rc, db ? sqlite3_db_filename (db, "main") : NULL,
                                    db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static AmendsDb *
job_open (AttachmentJob  *job,
          gboolean        writing,
          GError        **error)
{
  return amends_store_open_worker (job->uri, writing ? AMENDS_WORKER_WRITE : AMENDS_WORKER_READ_DETAILED, error);
}

/**
 * amends_attachment_describe_too_large:
 *
 * Returns: what to tell someone who tried to attach a file of @size bytes
 *   named @name, more than %AMENDS_ATTACHMENT_MAX_SIZE
 */
char *
amends_attachment_describe_too_large (const char *name,
                                      gint64      size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (AMENDS_ATTACHMENT_MAX_SIZE);

  /* Translators: the first %s is a file name, the second its size
   * ("23.4 MB"), the third the largest size that can be attached. */
  return g_strdup_printf (_("“%s” is %s; files up to %s can be attached. A photo can be made smaller in an image editor (in GIMP: Image → Scale Image), or taken again at a lower resolution."),
                          name, size_text, limit_text);
}

/* Adding */

static gboolean
check_case (AmendsDb  *db,
            gint64     case_id,
            GError   **error)
{
  AmendsStmt *stmt = NULL;
  AmendsDbStep step;

  if (!(stmt = amends_store_db_prepare (db, "SELECT 1 FROM cases WHERE id = ?1 AND deleted_at IS NULL", error)))
    return FALSE;
  amends_stmt_bind_int64 (stmt, 1, case_id);
  step = amends_stmt_step (stmt, error);
  amends_stmt_free (stmt);

  if (step == AMENDS_DB_STEP_DONE)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
                           _("The case is not there any more, or is in the trash."));
      return FALSE;
    }

  return step == AMENDS_DB_STEP_ROW;
}

/* On SQLite the row gets a blob of @size zeros, for stream_data() to
 * fill; on a server an empty one, for fill_on_server(). */
static gint64
insert_row (AmendsDb       *db,
            AttachmentJob  *job,
            const char     *name,
            const char     *content_type,
            gint64          size,
            GError        **error)
{
  static const AmendsSql sql = {
    .sqlite = "INSERT INTO attachments (case_id, name, content_type, size, data, added_at, added_by_id)"
              " VALUES (?1, ?2, ?3, ?4, zeroblob (?4), ?5, ?6) RETURNING id",
    .pg = "INSERT INTO attachments (case_id, name, content_type, size, data, added_at, added_by_id)"
          " VALUES (?1, ?2, ?3, ?4, decode ('', 'hex'), ?5, ?6) RETURNING id",
  };
  AmendsStmt *stmt = NULL;
  gint64 id = 0;

  if (!(stmt = amends_store_db_prepare (db, amends_sql_pick (&sql, amends_db_get_engine (db)), error)))
    return 0;

  amends_stmt_bind_int64 (stmt, 1, job->case_id);
  amends_stmt_bind_text (stmt, 2, name);
  amends_stmt_bind_text (stmt, 3, content_type);
  amends_stmt_bind_int64 (stmt, 4, size);
  amends_stmt_bind_int64 (stmt, 5, job->now);
  if (job->actor_id > 0)
    amends_stmt_bind_int64 (stmt, 6, job->actor_id);
  /* One row of VALUES, no conflict clause, no trigger: a row or an error. */
  if (amends_stmt_step (stmt, error) == AMENDS_DB_STEP_ROW)
    id = amends_stmt_column_int64 (stmt, 0);
  amends_stmt_free (stmt);

  return id;
}

/* A server has no incremental blob writes, and AmendsDb binds text: the
 * file (at most AMENDS_ATTACHMENT_MAX_SIZE) goes across in hex. */
static gboolean
fill_on_server (AmendsDb       *db,
                gint64          id,
                GInputStream   *in,
                gint64          size,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(GByteArray) data = g_byte_array_sized_new ((guint) size + 1);
  g_autofree char *hex = NULL;
  AmendsStmt *stmt;
  gsize n = 0;
  gboolean ok;

  g_byte_array_set_size (data, (guint) size + 1);
  if (!g_input_stream_read_all (in, data->data, data->len, &n, cancellable, error))
    return FALSE;
  if ((gint64) n != size)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("The file changed while it was being read. Try again once it is saved."));
      return FALSE;
    }

  hex = g_malloc (2 * n + 1);
  for (gsize i = 0; i < n; i++)
    {
      static const char digits[] = "0123456789abcdef";
      hex[2 * i] = digits[data->data[i] >> 4];
      hex[2 * i + 1] = digits[data->data[i] & 0xf];
    }
  hex[2 * n] = '\0';

  if (!(stmt = amends_store_db_prepare (db, "UPDATE attachments SET data = decode (?2, 'hex') WHERE id = ?1", error)))
    return FALSE;
  amends_stmt_bind_int64 (stmt, 1, id);
  amends_stmt_bind_text (stmt, 2, hex);
  ok = amends_stmt_execute (stmt, error);
  amends_stmt_free (stmt);
  return ok;
}

/* Streams @in into the row's blob, which was made @size bytes long: the
 * file is never held whole in memory.  A file that changed size since it
 * was measured is refused rather than cut or padded. */
static gboolean
stream_data (AmendsDb       *conn,
             gint64          id,
             GInputStream   *in,
             gint64          size,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autofree guint8 *chunk = g_malloc (CHUNK_SIZE);
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = amends_db_get_sqlite (conn);
  sqlite3_blob *blob = NULL;
  gint64 offset = 0;
  int rc;

  if (db == NULL)
    return fill_on_server (conn, id, in, size, cancellable, error);

  if ((rc = sqlite3_blob_open (db, "main", "attachments", "data", id, 1, &blob)) != SQLITE_OK)
    return job_error (db, rc, error);

  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (in, chunk, CHUNK_SIZE, &n, cancellable, &local_error))
        break;
      if (n == 0)
        break;
      if (offset + (gint64) n > size)
        {
          offset += n;
          break;
        }
      if ((rc = sqlite3_blob_write (blob, chunk, (int) n, (int) offset)) != SQLITE_OK)
        {
          job_error (db, rc, &local_error);
          break;
        }
      offset += n;
    }
  sqlite3_blob_close (blob);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (offset != size)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("The file changed while it was being read. Try again once it is saved."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
audit (AmendsDb    *db,
       gint64       now,
       gint64       actor_id,
       gint64       id,
       const char  *field,
       const char  *before,
       const char  *after,
       GError     **error)
{
  static const char sql[] =
    "INSERT INTO audit_log (at, staff_id, table_name, record_id, field, before, after) "
    "VALUES (?1, ?2, 'attachments', ?3, ?4, ?5, ?6)";
  AmendsStmt *stmt = NULL;
  gboolean ok;

  if (!(stmt = amends_store_db_prepare (db, sql, error)))
    return FALSE;
  amends_stmt_bind_int64 (stmt, 1, now);
  if (actor_id > 0)
    amends_stmt_bind_int64 (stmt, 2, actor_id);
  amends_stmt_bind_int64 (stmt, 3, id);
  amends_stmt_bind_text (stmt, 4, field);
  amends_stmt_bind_text (stmt, 5, before);
  amends_stmt_bind_text (stmt, 6, after);
  ok = amends_stmt_execute (stmt, error);
  amends_stmt_free (stmt);

  return ok;
}

static AmendsAttachment *
add_attachment (AttachmentJob  *job,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *guessed = NULL;
  const char *name;
  const char *content_type;
  gint64 size;
  gint64 id = 0;
  AmendsDb *db;
  gboolean ok;

  info = g_file_query_info (job->file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  name = g_file_info_get_display_name (info);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                   _("“%s” is not a file, so it cannot be attached."), name);
      return NULL;
    }

  /* Before a byte of it is read. */
  size = g_file_info_get_size (info);
  if (size > AMENDS_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *message = amends_attachment_describe_too_large (name, size);

      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID, message);
      return NULL;
    }

  content_type = g_file_info_get_content_type (info);
  if (content_type == NULL)
    content_type = guessed = g_content_type_guess (name, NULL, 0, NULL);

  if (!(in = g_file_read (job->file, cancellable, error)))
    return NULL;
  if (!(db = job_open (job, TRUE, error)))
    return NULL;

  ok = amends_store_db_exec (db, amends_db_get_sqlite (db) != NULL ? "BEGIN IMMEDIATE" : AMENDS_SCHEMA_PG_BEGIN, error);
  ok = ok && check_case (db, job->case_id, error);
  ok = ok && (id = insert_row (db, job, name, content_type, size, error)) > 0;
  ok = ok && stream_data (db, id, G_INPUT_STREAM (in), size, cancellable, error);
  ok = ok && audit (db, job->now, job->actor_id, id, "created", NULL, name, error);
  ok = ok && amends_store_db_exec (db, "COMMIT", error);
  if (!ok)
    amends_db_exec (db, "ROLLBACK", NULL);
  amends_db_close (db);

  if (!ok)
    return NULL;

  return amends_attachment_new (id, job->case_id, name, content_type, size, job->now);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  AmendsAttachment *attachment = add_attachment (task_data, cancellable, &error);

  if (attachment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, attachment, g_object_unref);
}

/**
 * amends_store_add_attachment_async:
 *
 * Attaches @file to the case @case_id: a worker thread checks its size
 * (no more than %AMENDS_ATTACHMENT_MAX_SIZE), finds its type and streams
 * it into the database, with an audit row, in one transaction.
 */
void
amends_store_add_attachment_async (AmendsStore         *self,
                                   gint64               case_id,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AttachmentJob *job;

  g_return_if_fail (AMENDS_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  /* No source object: the task's last reference may go in the worker
   * thread, and the store must be finalized on its own. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_store_add_attachment_async);

  /* The store's own checks (read-only, damaged, the integrity check still
   * running) with its own words, before any work; the write itself is the
   * worker's. */
  if (!amends_store_begin (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  amends_store_rollback (self);

  job = attachment_job_new (self, TRUE);
  job->case_id = case_id;
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify) attachment_job_free);
  g_task_run_in_thread (task, add_thread);
}

AmendsAttachment *
amends_store_add_attachment_finish (AmendsStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Listing */

static GListModel *
list_attachments (AttachmentJob  *job,
                  GError        **error)
{
  static const char sql[] =
    "SELECT id, name, content_type, size, added_at FROM attachments"
    " WHERE case_id = ?1 AND deleted_at IS NULL ORDER BY added_at, id";
  g_autoptr(GListStore) list = g_list_store_new (AMENDS_TYPE_ATTACHMENT);
  AmendsStmt *stmt = NULL;
  AmendsDbStep step;
  AmendsDb *db;

  if (!(db = job_open (job, FALSE, error)))
    return NULL;

  if (!(stmt = amends_store_db_prepare (db, sql, error)))
    {
      amends_db_close (db);
      return NULL;
    }

  amends_stmt_bind_int64 (stmt, 1, job->case_id);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      g_autoptr(AmendsAttachment) attachment =
        amends_attachment_new (amends_stmt_column_int64 (stmt, 0), job->case_id,
                               amends_stmt_column_text (stmt, 1),
                               amends_stmt_column_text (stmt, 2),
                               amends_stmt_column_int64 (stmt, 3),
                               amends_stmt_column_int64 (stmt, 4));
      g_list_store_append (list, attachment);
    }
  amends_stmt_free (stmt);
  amends_db_close (db);

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GListModel *list = list_attachments (task_data, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, g_object_unref);
}

/**
 * amends_store_list_attachments_async:
 *
 * Reads the names, types and sizes of the case's attachments (not in the
 * trash), oldest first, in a worker thread.  Finish with
 * amends_store_list_attachments_finish(): a #GListModel of
 * #AmendsAttachment.
 */
void
amends_store_list_attachments_async (AmendsStore         *self,
                                     gint64               case_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AttachmentJob *job;

  g_return_if_fail (AMENDS_IS_STORE (self));

  job = attachment_job_new (self, FALSE);
  job->case_id = case_id;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_store_list_attachments_async);
  g_task_set_task_data (task, job, (GDestroyNotify) attachment_job_free);
  g_task_run_in_thread (task, list_thread);
}

GListModel *
amends_store_list_attachments_finish (AmendsStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Reading one */


static GBytes *
read_attachment (AttachmentJob  *job,
                 GError        **error)
{
  AmendsStmt *stmt = NULL;
  GBytes *bytes = NULL;
  static const AmendsSql sql = {
    .sqlite = "SELECT data FROM attachments WHERE id = ?1",
    /* AmendsDb reads text: the bytes come across in hex. */
    .pg = "SELECT encode (data, 'hex') FROM attachments WHERE id = ?1",
  };
  AmendsDbStep step;
  AmendsDb *db;

  if (!(db = job_open (job, FALSE, error)))
    return NULL;

  if (!(stmt = amends_store_db_prepare (db, amends_sql_pick (&sql, amends_db_get_engine (db)), error)))
    {
      amends_db_close (db);
      return NULL;
    }

  amends_stmt_bind_int64 (stmt, 1, job->attachment_id);
  step = amends_stmt_step (stmt, error);
  if (step == AMENDS_DB_STEP_ROW && stmt->sqlite != NULL)
    bytes = g_bytes_new (sqlite3_column_blob (stmt->sqlite, 0), sqlite3_column_bytes (stmt->sqlite, 0));
  else if (step == AMENDS_DB_STEP_ROW)
    bytes = amends_store_bytes_from_hex (amends_stmt_column_text (stmt, 0));
  amends_stmt_free (stmt);
  amends_db_close (db);

  if (step == AMENDS_DB_STEP_DONE)
    g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
                         _("The file is no longer there. Someone may have removed it."));

  return bytes;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = read_attachment (task_data, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/**
 * amends_store_read_attachment_async:
 *
 * Reads one attachment's bytes (even from the trash) in a worker thread;
 * amends_store_read_attachment_finish() returns them as #GBytes.
 */
void
amends_store_read_attachment_async (AmendsStore         *self,
                                    gint64               attachment_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AttachmentJob *job;

  g_return_if_fail (AMENDS_IS_STORE (self));

  job = attachment_job_new (self, FALSE);
  job->attachment_id = attachment_id;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_store_read_attachment_async);
  g_task_set_task_data (task, job, (GDestroyNotify) attachment_job_free);
  g_task_run_in_thread (task, read_thread);
}

GBytes *
amends_store_read_attachment_finish (AmendsStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Removing and bringing back */

static gboolean
set_removed (AmendsStore  *self,
             gint64        attachment_id,
             gboolean      removed,
             GError      **error)
{
  static const char remove_sql[] =
    "UPDATE attachments SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL RETURNING name";
  static const char restore_sql[] =
    "UPDATE attachments SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL RETURNING name";
  g_autoptr(AmendsStmt) stmt = NULL;
  AmendsDbStep step;

  if (!amends_store_begin (self, error))
    return FALSE;

  if (!(stmt = amends_store_prepare (self, removed ? remove_sql : restore_sql, error)))
    goto failed;

  amends_stmt_bind_int64 (stmt, 1, attachment_id);
  if (removed)
    amends_stmt_bind_int64 (stmt, 2, amends_store_now (self));

  step = amends_stmt_step (stmt, error);
  if (step == AMENDS_DB_STEP_DONE)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
                           removed ? _("The file is not there any more, or was already removed.")
                                   : _("The file is not among the removed ones any more."));
      goto failed;
    }
  if (step == AMENDS_DB_STEP_ERROR)
    goto failed;

  if (!amends_store_audit (self, "attachments", attachment_id, removed ? "removed" : "restored",
                           NULL, amends_stmt_column_text (stmt, 0), error))
    goto failed;

  g_clear_pointer (&stmt, amends_stmt_release);
  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}

/**
 * amends_store_remove_attachment:
 *
 * Moves an attachment to the trash: it leaves the case, keeps its bytes,
 * and amends_store_restore_attachment() brings it back.
 */
gboolean
amends_store_remove_attachment (AmendsStore  *self,
                                gint64        attachment_id,
                                GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return set_removed (self, attachment_id, TRUE, error);
}

gboolean
amends_store_restore_attachment (AmendsStore  *self,
                                 gint64        attachment_id,
                                 GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return set_removed (self, attachment_id, FALSE, error);
}
