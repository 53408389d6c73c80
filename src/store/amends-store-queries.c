/* amends-store-queries.c: the store's lists, and moving cases to and from the trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-queries"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-enum-types.h"
#include "amends-store-private.h"

static gboolean
set_trashed (AmendsStore  *self,
             gint64        case_id,
             gboolean      trashed,
             GError      **error)
{
  static const char trash_sql[] =
    "UPDATE cases SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL RETURNING reference";
  static const char restore_sql[] =
    "UPDATE cases SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL RETURNING reference";
  g_autoptr(AmendsStmt) stmt = NULL;
  AmendsDbStep step;

  if (!amends_store_begin (self, error))
    return FALSE;

  if (!(stmt = amends_store_prepare (self, trashed ? trash_sql : restore_sql, error)))
    goto failed;

  amends_stmt_bind_int64 (stmt, 1, case_id);
  if (trashed)
    amends_stmt_bind_int64 (stmt, 2, amends_store_now (self));

  step = amends_stmt_step (stmt, error);
  if (step == AMENDS_DB_STEP_ERROR)
    goto failed;
  if (step == AMENDS_DB_STEP_DONE)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
                           trashed ? _("The case is not there any more, or is already in the trash.")
                                   : _("The case is not in the trash any more."));
      goto failed;
    }

  if (!amends_store_audit (self, "cases", case_id, trashed ? "trashed" : "restored",
                           NULL, amends_stmt_column_text (stmt, 0), error))
    goto failed;

  g_clear_pointer (&stmt, amends_stmt_release);
  amends_store_queue_change (self, AMENDS_TYPE_CASE, case_id);

  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}

/**
 * amends_store_trash_case:
 *
 * Moves a case to the trash: it leaves the lists but keeps everything,
 * and amends_store_restore_case() brings it back.
 */
gboolean
amends_store_trash_case (AmendsStore  *self,
                         gint64        case_id,
                         GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return set_trashed (self, case_id, TRUE, error);
}

gboolean
amends_store_restore_case (AmendsStore  *self,
                           gint64        case_id,
                           GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return set_trashed (self, case_id, FALSE, error);
}

/**
 * amends_store_purge_case:
 *
 * Removes a case from the trash for good, with its timeline and story.
 * Only a case in the trash can be purged; the audit log keeps its history.
 */
gboolean
amends_store_purge_case (AmendsStore  *self,
                         gint64        case_id,
                         GError      **error)
{
  static const char sql[] =
    "DELETE FROM cases WHERE id = ?1 AND deleted_at IS NOT NULL RETURNING reference";
  g_autoptr(AmendsStmt) stmt = NULL;
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  if (!amends_store_begin (self, error))
    return FALSE;

  if (!(stmt = amends_store_prepare (self, sql, error)))
    goto failed;

  amends_stmt_bind_int64 (stmt, 1, case_id);
  step = amends_stmt_step (stmt, error);
  if (step == AMENDS_DB_STEP_ERROR)
    goto failed;
  if (step == AMENDS_DB_STEP_DONE)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("Only a case in the trash can be removed for good."));
      goto failed;
    }

  if (!amends_store_audit (self, "cases", case_id, "purged",
                           amends_stmt_column_text (stmt, 0), NULL, error))
    goto failed;

  g_clear_pointer (&stmt, amends_stmt_release);
  amends_store_queue_change (self, AMENDS_TYPE_CASE, case_id);

  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}

/* What a list's @tail takes: ?1 the text, ?2 the number; or the number
 * alone, as ?1; or the text alone, as ?1.  Numbered, not named, as both
 * engines take numbers, and none left out in between, as PostgreSQL
 * must see every parameter to know its type. */
typedef enum
{
  TAKES_NUMBER = 1 << 0,
  TAKES_TEXT   = 1 << 1,
} Takes;

/* The tails of the lists below, in each engine's spelling. */
#define STAFF_TAIL_SQL(E) \
  "WHERE (?1 <> 0 OR r.active <> 0) ORDER BY " AMENDS_SQL_NOCASE (E, "r.name") ", r.id"
#define CUSTOMERS_TAIL_SQL(E) \
  "WHERE r.name " AMENDS_SQL_LIKE_NOCASE (E) " ?1 ESCAPE '\\' " \
  "ORDER BY " AMENDS_SQL_NOCASE (E, "r.name") ", r.id LIMIT ?2"
#define ROOM_CASES_TAIL_SQL(E) \
  "WHERE " AMENDS_SQL_NOCASE_EQ (E, "r.room", "?1") \
  " AND r.room IS NOT NULL AND r.room != ''" \
  " AND r.deleted_at IS NULL AND r.id != ?2 " \
  "ORDER BY " AMENDS_SQL_NOCASE (E, "r.room") " DESC, r.occurred_at DESC LIMIT ?3"
#define STORY_HEROES_SQL(E) \
  "SELECT h.staff_id FROM story_heroes AS h JOIN staff AS s ON s.id = h.staff_id " \
  "WHERE h.story_id = ?1 ORDER BY " AMENDS_SQL_NOCASE (E, "s.name")
#define CUSTOMER_BY_NAME_TAIL_SQL(E) \
  "WHERE " AMENDS_SQL_NOCASE_EQ (E, "r.name", "?1") " ORDER BY r.id LIMIT 1"
#define AUDIT_SQL(E) \
  "SELECT id, at, staff_id, table_name, record_id, field, before, after FROM audit_log " \
  "WHERE (" AMENDS_SQL_TEXT_PARAM (E, "?1") " IS NULL OR table_name = ?1) AND (?2 = 0 OR record_id = ?2) ORDER BY id"

static GListModel *
list_records (AmendsStore  *self,
              GType         type,
              const char   *tail,
              Takes         takes,
              const char   *text,
              gint64        number,
              GError      **error)
{
  g_autofree char *sql = amends_store_select_sql (self, type, tail);
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);
  int index = 1;

  if (stmt == NULL)
    return NULL;

  if (takes & TAKES_TEXT)
    amends_stmt_bind_text (stmt, index++, text);
  if (takes & TAKES_NUMBER)
    amends_stmt_bind_int64 (stmt, index, number);

  return amends_store_collect_records (self, type, stmt, error);
}

/**
 * amends_store_list_staff:
 *
 * Returns: (transfer full): the staff, by name; a #GListModel of #AmendsStaff
 */
GListModel *
amends_store_list_staff (AmendsStore  *self,
                         gboolean      include_inactive,
                         GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  return list_records (self, AMENDS_TYPE_STAFF,
                       AMENDS_SQL_FOR (amends_store_get_engine (self), STAFF_TAIL_SQL),
                       TAKES_NUMBER, NULL, include_inactive, error);
}

/**
 * amends_store_list_customers:
 * @name_prefix: (nullable): the start of the name, any case
 * @limit: at most this many; 0 for all
 *
 * Returns: (transfer full): customers by name; a #GListModel of #AmendsCustomer
 */
GListModel *
amends_store_list_customers (AmendsStore  *self,
                             const char   *name_prefix,
                             guint         limit,
                             GError      **error)
{
  g_autofree char *pattern = NULL;
  g_autoptr(GString) escaped = g_string_new (NULL);
  gint64 all;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  /* LIKE's wildcards in a name are meant literally. */
  for (const char *p = name_prefix ? name_prefix : ""; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  pattern = g_strconcat (escaped->str, "%", NULL);

  /* All of them: LIMIT -1 on SQLite; PostgreSQL refuses a negative one. */
  if (limit > 0)
    all = limit;
  else
    all = amends_store_get_engine (self) == AMENDS_DB_ENGINE_POSTGRESQL ? G_MAXINT64 : -1;

  return list_records (self, AMENDS_TYPE_CUSTOMER,
                       AMENDS_SQL_FOR (amends_store_get_engine (self), CUSTOMERS_TAIL_SQL),
                       TAKES_TEXT | TAKES_NUMBER, pattern, all, error);
}

/**
 * amends_store_list_actions:
 *
 * Returns: (transfer full): the case's timeline, oldest first; a
 *   #GListModel of #AmendsAction
 */
GListModel *
amends_store_list_actions (AmendsStore  *self,
                           gint64        case_id,
                           GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  return list_records (self, AMENDS_TYPE_ACTION,
                       "WHERE r.case_id = ?1 ORDER BY r.done_at, r.id",
                       TAKES_NUMBER, NULL, case_id, error);
}

/**
 * amends_store_list_customer_cases:
 *
 * Returns: (transfer full): the customer's cases not in the trash, newest
 *   first; a #GListModel of #AmendsCase
 */
GListModel *
amends_store_list_customer_cases (AmendsStore  *self,
                                  gint64        customer_id,
                                  GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  return list_records (self, AMENDS_TYPE_CASE,
                       "WHERE r.customer_id = ?1 AND r.deleted_at IS NULL "
                       "ORDER BY r.occurred_at DESC, r.id DESC",
                       TAKES_NUMBER, NULL, customer_id, error);
}

/**
 * amends_store_list_room_cases:
 * @room: a room or area, any case: "112" finds "112", "spa" finds "Spa"
 * @except_case_id: a case left out (the one on screen), or 0
 * @limit: at most this many
 *
 * The index cases_by_room (room COLLATE NOCASE, occurred_at) serves it:
 * the newest @limit of a room are read, however many cases there are.
 *
 * Returns: (transfer full): the room's cases not in the trash, newest
 *   first; a #GListModel of #AmendsCase
 */
GListModel *
amends_store_list_room_cases (AmendsStore  *self,
                              const char   *room,
                              gint64        except_case_id,
                              guint         limit,
                              GError      **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  stripped = g_strstrip (g_strdup (room ? room : ""));
  if (*stripped == '\0' || limit == 0)
    return G_LIST_MODEL (g_list_store_new (AMENDS_TYPE_CASE));

  /* The terms of the index's WHERE, as it has them, so that it is used. */
  sql = amends_store_select_sql (self, AMENDS_TYPE_CASE,
                                 AMENDS_SQL_FOR (amends_store_get_engine (self), ROOM_CASES_TAIL_SQL));
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_text (stmt, 1, stripped);
  amends_stmt_bind_int64 (stmt, 2, except_case_id);
  amends_stmt_bind_int64 (stmt, 3, limit);

  return amends_store_collect_records (self, AMENDS_TYPE_CASE, stmt, error);
}

/**
 * amends_store_list_stories:
 *
 * Returns: (transfer full): the stories at @stage whose case is not in the
 *   trash, most recent first; a #GListModel of #AmendsStory
 */
GListModel *
amends_store_list_stories (AmendsStore       *self,
                           AmendsStoryStage   stage,
                           GError           **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (AMENDS_TYPE_STORY_STAGE);
  GEnumValue *value = g_enum_get_value (klass, stage);

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  return list_records (self, AMENDS_TYPE_STORY,
                       "WHERE r.stage = ?1 AND r.case_id IN "
                       "(SELECT c.id FROM cases AS c WHERE c.deleted_at IS NULL) "
                       "ORDER BY coalesce (r.told_at, r.created_at) DESC, r.id DESC",
                       TAKES_TEXT, value->value_nick, 0, error);
}

/**
 * amends_store_get_story_heroes:
 *
 * Returns: (transfer full) (element-type gint64): the staff ids of the heroes
 */
GArray *
amends_store_get_story_heroes (AmendsStore  *self,
                               gint64        story_id,
                               GError      **error)
{
  const char *sql = AMENDS_SQL_FOR (amends_store_get_engine (self), STORY_HEROES_SQL);
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, story_id);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      gint64 id = amends_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&ids);
}

static char *
join_ids (const gint64 *ids,
          guint         n_ids)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (str, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);

  return g_string_free (str, FALSE);
}

gboolean
amends_store_set_story_heroes (AmendsStore   *self,
                               gint64         story_id,
                               const gint64  *staff_ids,
                               guint          n_staff_ids,
                               GError       **error)
{
  static const char delete_sql[] = "DELETE FROM story_heroes WHERE story_id = ?1";
  static const char insert_sql[] =
    "INSERT INTO story_heroes (story_id, staff_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
  g_autoptr(GArray) before = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  if (!amends_store_begin (self, error))
    return FALSE;

  if (!(before = amends_store_get_story_heroes (self, story_id, error)))
    goto failed;

  {
    g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, delete_sql, error);
    if (stmt == NULL)
      goto failed;
    amends_stmt_bind_int64 (stmt, 1, story_id);
    if (!amends_stmt_execute (stmt, error))
      goto failed;
  }

  for (guint i = 0; i < n_staff_ids; i++)
    {
      g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, insert_sql, error);
      if (stmt == NULL)
        goto failed;
      amends_stmt_bind_int64 (stmt, 1, story_id);
      amends_stmt_bind_int64 (stmt, 2, staff_ids[i]);
      if (!amends_stmt_execute (stmt, error))
        goto failed;
    }

  before_text = join_ids ((const gint64 *) (gpointer) before->data, before->len);
  after_text = join_ids (staff_ids, n_staff_ids);
  if (g_strcmp0 (before_text, after_text) != 0 &&
      !amends_store_audit (self, "stories", story_id, "heroes", before_text, after_text, error))
    goto failed;

  amends_store_queue_change (self, AMENDS_TYPE_STORY, story_id);
  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}

/**
 * amends_store_list_categories:
 *
 * Returns: (transfer full): the categories in use, most used first
 */
GStrv
amends_store_list_categories (AmendsStore  *self,
                              GError      **error)
{
  /* Kept by triggers (schema version 7): a few rows, not every case. */
  static const char sql[] =
    "SELECT category FROM category_counts ORDER BY n DESC, category";
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    g_strv_builder_add (builder, amends_stmt_column_text (stmt, 0));

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (builder);
}

/**
 * amends_store_list_audit:
 * @table: (nullable): only this table's rows
 * @record_id: only this record's rows, when not 0
 *
 * Returns: (transfer full) (element-type AmendsAuditEntry): oldest first
 */
GPtrArray *
amends_store_list_audit (AmendsStore  *self,
                         const char   *table,
                         gint64        record_id,
                         GError      **error)
{
  const char *sql = AMENDS_SQL_FOR (amends_store_get_engine (self), AUDIT_SQL);
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_audit_entry_free);
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_text (stmt, 1, table);
  amends_stmt_bind_int64 (stmt, 2, record_id);

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      AmendsAuditEntry *entry = g_new0 (AmendsAuditEntry, 1);

      entry->id = amends_stmt_column_int64 (stmt, 0);
      entry->at = amends_stmt_column_int64 (stmt, 1);
      entry->staff_id = amends_stmt_column_int64 (stmt, 2);
      entry->table = g_strdup (amends_stmt_column_text (stmt, 3));
      entry->record_id = amends_stmt_column_int64 (stmt, 4);
      entry->field = g_strdup (amends_stmt_column_text (stmt, 5));
      entry->before = g_strdup (amends_stmt_column_text (stmt, 6));
      entry->after = g_strdup (amends_stmt_column_text (stmt, 7));
      g_ptr_array_add (entries, entry);
    }

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

/**
 * amends_store_count_cases:
 *
 * Returns: the number of cases not in the trash, or -1 with @error set
 */
gint64
amends_store_count_cases (AmendsStore  *self,
                          GError      **error)
{
  static const char sql[] = "SELECT count(*) FROM cases WHERE deleted_at IS NULL";
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), -1);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return -1;

  /* count(*) always gives its one row. */
  if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return -1;

  return amends_stmt_column_int64 (stmt, 0);
}

/**
 * amends_store_find_customer:
 * @name: the customer's whole name, in any case
 *
 * Returns: (transfer full) (nullable): the customer of that name (the
 *   first one made, should there be several), or %NULL, with @error set
 *   only when the store failed
 */
AmendsCustomer *
amends_store_find_customer (AmendsStore  *self,
                            const char   *name,
                            GError      **error)
{
  g_autoptr(GListModel) found = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  trimmed = g_strstrip (g_strdup (name ? name : ""));
  if (*trimmed == '\0')
    return NULL;

  found = list_records (self, AMENDS_TYPE_CUSTOMER,
                        AMENDS_SQL_FOR (amends_store_get_engine (self), CUSTOMER_BY_NAME_TAIL_SQL),
                        TAKES_TEXT, trimmed, 0, error);
  if (found == NULL || g_list_model_get_n_items (found) == 0)
    return NULL;

  return g_list_model_get_item (found, 0);
}
