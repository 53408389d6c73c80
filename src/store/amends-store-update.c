/* amends-store-update.c: saving a changed record, with its audit rows
 *
 * Saving a record writes only the fields changed since it was read, and
 * takes everything else as it is stored now: another program's newer
 * values are never written over with old ones.  A field changed both
 * here and there, to different values, is a conflict: nothing is saved
 * and the person chooses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-update"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-store-private.h"

/* How many UPDATE statements stay prepared.  Each combination of changed
 * columns is its own statement, and there are thousands of them: the
 * editor changes one or two fields at a time, an import or a tool any
 * number.  Kept without a bound, they would grow with every new
 * combination for as long as the store is open. */
#define UPDATE_CACHE_SIZE 32

typedef struct
{
  char         *sql;
  AmendsStmt   *stmt;
} CachedUpdate;

struct _AmendsUpdateCache
{
  GHashTable *by_sql;   /* SQL text → its link in order */
  GQueue      order;    /* CachedUpdate, the most recently used first */
};

static void
cached_update_free (CachedUpdate *cached)
{
  amends_stmt_free (cached->stmt);
  g_free (cached->sql);
  g_free (cached);
}

void
amends_update_cache_free (AmendsUpdateCache *cache)
{
  g_hash_table_unref (cache->by_sql);
  g_queue_clear_full (&cache->order, (GDestroyNotify) cached_update_free);
  g_free (cache);
}

/* Like amends_store_prepare(), from a cache of its own that forgets the
 * statement used least recently when it is full. */
static AmendsStmt *
prepare_update (AmendsStore  *self,
                const char   *sql,
                GError      **error)
{
  AmendsUpdateCache *cache = self->update_cache;
  CachedUpdate *cached;
  AmendsStmt *stmt = NULL;
  GList *link;

  if (cache == NULL)
    {
      cache = self->update_cache = g_new0 (AmendsUpdateCache, 1);
      cache->by_sql = g_hash_table_new (g_str_hash, g_str_equal);
      g_queue_init (&cache->order);
    }

  if ((link = g_hash_table_lookup (cache->by_sql, sql)) != NULL)
    {
      g_queue_unlink (&cache->order, link);
      g_queue_push_head_link (&cache->order, link);
      return ((CachedUpdate *) link->data)->stmt;
    }

  if (!(stmt = amends_store_prepare_once (self, sql, error)))
    return NULL;

  /* None of them is in use: a statement lives only inside one update. */
  if (cache->order.length >= UPDATE_CACHE_SIZE)
    {
      CachedUpdate *oldest = g_queue_pop_tail (&cache->order);

      g_hash_table_remove (cache->by_sql, oldest->sql);
      cached_update_free (oldest);
    }

  cached = g_new0 (CachedUpdate, 1);
  cached->sql = g_strdup (sql);
  cached->stmt = stmt;
  g_queue_push_head (&cache->order, cached);
  g_hash_table_insert (cache->by_sql, cached->sql, cache->order.head);

  return stmt;
}

/* Takes what is stored now for every field not changed here, and finds
 * the fields changed both here and by someone else, to different values.
 * A record never read from the store (no saved values) is taken to
 * change every field that differs from the row. */
static gboolean
merge_stored (AmendsRecord  *record,
              AmendsRecord  *stored)
{
  AmendsRecordClass *klass = AMENDS_RECORD_GET_CLASS (record);
  gboolean has_saved = amends_record_has_saved_values (record);
  gboolean conflict = FALSE;

  amends_record_clear_conflicts (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = klass->fields[i];
      const GValue *mine = amends_record_peek_value (record, pspec);
      const GValue *theirs = amends_record_peek_value (stored, pspec);
      const GValue *saved = amends_record_peek_saved_value (record, pspec);

      if (amends_record_field_is_derived (pspec))
        continue;

      if (has_saved && amends_record_field_equal (pspec, mine, saved))
        amends_record_take_field (record, stored, pspec);
      else if (has_saved &&
               !amends_record_field_equal (pspec, theirs, saved) &&
               !amends_record_field_equal (pspec, theirs, mine))
        {
          amends_record_add_conflict (record, pspec, theirs);
          conflict = TRUE;
        }
    }

  return !conflict;
}

static gboolean
set_conflict_error (AmendsRecord  *record,
                    GError       **error)
{
  GPtrArray *conflicts = amends_record_get_conflicts (record);
  GParamSpec *pspec = conflicts->pdata[0];
  g_autofree char *column = amends_store_column_name (pspec);
  g_autofree char *mine = amends_store_value_to_text (pspec, amends_record_peek_value (record, pspec));
  g_autofree char *theirs = amends_store_value_to_text (pspec, amends_record_peek_their_value (record, pspec));

  g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT,
               /* Translators: the first %s is a field such as "fix"; then
                * what someone else saved in it, and what was typed here */
               _("Someone else changed “%s” while it was being edited here. Theirs: “%s”. Yours: “%s”. Nothing was saved: choose which to keep."),
               column, theirs ? theirs : "", mine ? mine : "");
  return FALSE;
}

static gboolean
update_fields (AmendsStore   *self,
               AmendsRecord  *record,
               AmendsRecord  *stored,
               GError       **error)
{
  AmendsRecordClass *klass = AMENDS_RECORD_GET_CLASS (record);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(AmendsStmt) stmt = NULL;
  gint64 version = amends_record_get_version (stored);
  int rc = SQLITE_OK;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = klass->fields[i];

      if (!amends_record_field_is_derived (pspec) &&
          !amends_record_field_equal (pspec,
                                      amends_record_peek_value (record, pspec),
                                      amends_record_peek_value (stored, pspec)))
        g_ptr_array_add (changed, pspec);
    }

  if (changed->len == 0)
    return TRUE;

  g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
  for (guint i = 0; i < changed->len; i++)
    {
      g_autofree char *column = amends_store_column_name (changed->pdata[i]);
      g_string_append_printf (sql, "%s = ?%u, ", column, i + 1);
    }
  g_string_append_printf (sql, "version = ?%u + 1 WHERE id = ?%u AND version = ?%u",
                          changed->len + 1, changed->len + 2, changed->len + 1);

  if (!(stmt = prepare_update (self, sql->str, error)))
    return FALSE;

  /* A value SQLite refuses (too long, say) would otherwise be written
   * as NULL over what was stored. */
  for (guint i = 0; i < changed->len && rc == SQLITE_OK; i++)
    rc = amends_store_bind_value (stmt, i + 1, changed->pdata[i],
                                  amends_record_peek_value (record, changed->pdata[i]));
  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);
  amends_stmt_bind_int64 (stmt, changed->len + 1, version);
  amends_stmt_bind_int64 (stmt, changed->len + 2, amends_record_get_id (record));

  if (!amends_stmt_execute (stmt, error))
    return FALSE;

  /* The row was read in this transaction, which holds the write lock:
   * nobody can have changed it since. */
  if (amends_stmt_changes (stmt) != 1)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                           _("The record changed while it was being saved. Try again."));
      return FALSE;
    }

  for (guint i = 0; i < changed->len; i++)
    {
      GParamSpec *pspec = changed->pdata[i];
      g_autofree char *column = NULL;

      /* A draft is saved as it is typed: it is what someone is still
       * writing, not a change to log.  The entry it becomes is logged. */
      if (g_str_equal (pspec->name, "timeline-draft"))
        continue;

      column = amends_store_column_name (pspec);
      g_autofree char *before = amends_store_value_to_text (pspec, amends_record_peek_value (stored, pspec));
      g_autofree char *after = amends_store_value_to_text (pspec, amends_record_peek_value (record, pspec));

      if (!amends_store_audit (self, klass->table, amends_record_get_id (record),
                               column, before, after, error))
        return FALSE;
    }

  amends_store_queue_change (self, G_OBJECT_TYPE (record), amends_record_get_id (record));

  return TRUE;
}

/**
 * amends_store_update:
 *
 * Saves the fields of @record changed since it was read (or last saved),
 * with an audit row for each, and takes every other field as it is stored
 * now, so that what someone else saved meanwhile is kept, not written
 * over.  Then reads back the fields kept elsewhere (an owner's name when
 * the owner changed).  Saving an unchanged record writes nothing.
 *
 * When someone else changed a field that was changed here too, to
 * another value, nothing is saved: the error is
 * %AMENDS_STORE_ERROR_CONFLICT and @record names the fields and holds
 * their values (amends_record_get_conflicts()), to be resolved with
 * amends_record_resolve_conflict() and saved again.
 */
gboolean
amends_store_update (AmendsStore   *self,
                     AmendsRecord  *record,
                     GError       **error)
{
  g_autoptr(AmendsRecord) stored = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_RECORD (record), FALSE);

  if (!amends_store_validate_record (record, error) ||
      !amends_store_begin (self, error))
    return FALSE;

  stored = amends_store_load (self, G_OBJECT_TYPE (record), amends_record_get_id (record), error);
  if (stored == NULL)
    goto failed;

  if (!merge_stored (record, stored))
    {
      set_conflict_error (record, error);
      goto failed;
    }

  if (AMENDS_IS_CASE (record))
    {
      amends_store_follow_occurred_at (AMENDS_CASE (record), AMENDS_CASE (stored));
      amends_store_settle_close_reason (AMENDS_CASE (record));
    }

  if (!amends_store_validate_record (record, error) ||
      !update_fields (self, record, stored, error) ||
      !amends_store_reload (self, record, error))
    goto failed;

  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}
