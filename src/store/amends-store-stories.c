/* amends-store-stories.c: recovery stories and their heroes
 *
 * A case becomes a story candidate by itself when it was recovered within
 * its target and the customer was blown away, as the measures count them
 * (amends-store-private.h): a fix written down, recovered no later than
 * its due time with the paused time added.  Any recovered case can also
 * be proposed by hand.  A case has at most one story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-stories"

#include "config.h"

#include "amends-store-stories.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amends-enum-types.h"
#include "amends-store-helpers.h"
#include "amends-store-private.h"
#include "amends-store-stories-private.h"

void
amends_hero_count_free (AmendsHeroCount *count)
{
  if (count == NULL)
    return;

  g_free (count->name);
  g_free (count);
}

/**
 * amends_store_find_story:
 *
 * Returns: (transfer full) (nullable): the story of the case, or %NULL
 *   (with @error set only when the store failed)
 */
AmendsStory *
amends_store_find_story (AmendsStore  *self,
                         gint64        case_id,
                         GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  sql = amends_store_select_sql (self, AMENDS_TYPE_STORY, "WHERE r.case_id = ?1");
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, case_id);
  if (amends_stmt_step (stmt, error) == AMENDS_DB_STEP_ROW)
    return amends_store_read_record (self, AMENDS_TYPE_STORY, stmt);

  return NULL;
}

static gboolean
add_story (AmendsStore   *self,
           AmendsCase    *kase,
           AmendsStory  **out,
           GError       **error)
{
  g_autoptr(AmendsStory) story = amends_story_new ();
  g_autoptr(GArray) heroes = NULL;
  gint64 owner_id = amends_case_get_owner_id (kase);

  g_object_set (story,
                "case-id", amends_record_get_id (AMENDS_RECORD (kase)),
                "title", amends_case_get_summary (kase),
                NULL);

  if (!amends_store_insert (self, AMENDS_RECORD (story), error))
    return FALSE;

  /* Whoever owned the recovery is its first hero; those who helped on it
   * are heroes beside them. */
  if (!(heroes = amends_store_list_case_helpers (self, amends_record_get_id (AMENDS_RECORD (kase)),
                                                 error)))
    return FALSE;
  if (owner_id > 0)
    g_array_prepend_val (heroes, owner_id);
  if (heroes->len > 0 &&
      !amends_store_set_story_heroes (self, amends_record_get_id (AMENDS_RECORD (story)),
                                      (const gint64 *) (gpointer) heroes->data, heroes->len,
                                      error))
    return FALSE;

  if (out != NULL)
    *out = g_steal_pointer (&story);

  return TRUE;
}

/**
 * amends_store_refresh_candidates:
 * @n_added: (out) (optional): how many new candidates there are
 *
 * Makes a candidate story for every case, not in the trash and without a
 * story yet, that was recovered within its target and whose customer was
 * blown away.
 */
gboolean
amends_store_refresh_candidates (AmendsStore  *self,
                                 guint        *n_added,
                                 GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  if (n_added != NULL)
    *n_added = 0;

  sql = amends_store_select_sql (self, AMENDS_TYPE_CASE,
                                 "WHERE " CANDIDATE ("r") " ORDER BY r.recovered_at");
  if (!(stmt = amends_store_prepare (self, sql, error)) ||
      !(cases = amends_store_collect_records (self, AMENDS_TYPE_CASE, stmt, error)))
    return FALSE;
  g_clear_pointer (&stmt, amends_stmt_release);

  if (g_list_model_get_n_items (cases) == 0)
    return TRUE;

  if (!amends_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (cases, i);

      if (!add_story (self, kase, NULL, error))
        {
          amends_store_rollback (self);
          return FALSE;
        }
    }

  if (!amends_store_commit (self, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = g_list_model_get_n_items (cases);

  return TRUE;
}

/**
 * amends_store_refresh_candidates_of:
 * @case_ids: (array length=n_ids): cases that changed
 * @n_added: (out) (optional): how many new candidates there are
 *
 * amends_store_refresh_candidates() for these cases only: each is read
 * by its id, so that a change to one case costs one row, not a query
 * over every recovered case.
 */
gboolean
amends_store_refresh_candidates_of (AmendsStore   *self,
                                    const gint64  *case_ids,
                                    guint          n_ids,
                                    guint         *n_added,
                                    GError       **error)
{
  g_autofree char *sql = NULL;
  guint added = 0;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_ids != NULL || n_ids == 0, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_ids == 0)
    return TRUE;

  sql = amends_store_select_sql (self, AMENDS_TYPE_CASE, "WHERE r.id = ?1 AND " CANDIDATE ("r"));
  if (!amends_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(AmendsStmt) stmt = NULL;
      g_autoptr(AmendsCase) kase = NULL;
      AmendsDbStep step;

      if (!(stmt = amends_store_prepare (self, sql, error)))
        goto failed;

      amends_stmt_bind_int64 (stmt, 1, case_ids[i]);
      step = amends_stmt_step (stmt, error);
      if (step == AMENDS_DB_STEP_DONE)
        continue;
      if (step == AMENDS_DB_STEP_ERROR)
        goto failed;

      kase = amends_store_read_record (self, AMENDS_TYPE_CASE, stmt);
      g_clear_pointer (&stmt, amends_stmt_release);
      if (!add_story (self, kase, NULL, error))
        goto failed;
      added++;
    }

  if (!amends_store_commit (self, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  return TRUE;

failed:
  amends_store_rollback (self);
  return FALSE;
}

/**
 * amends_store_read_board_entry:
 * @story_id: a story, or 0 to look for the story of @case_id
 * @entry: (out): where the story shows on the board
 *
 * One row: where one story shows on the storytelling board, for the board
 * to move it there when it or its case changed.
 *
 * Returns: %TRUE with @entry filled; %TRUE with @entry->story_id 0 when
 *   there is no such story; %FALSE with @error set when the store failed
 */
gboolean
amends_store_read_board_entry (AmendsStore       *self,
                               gint64             story_id,
                               gint64             case_id,
                               AmendsBoardEntry  *entry,
                               GError           **error)
{
  static const char by_story[] =
    "SELECT s.id, s.case_id, " BOARD_KEY ("s") ", s.stage, " BOARD_SHOWN ("s", "c")
    " FROM stories AS s JOIN cases AS c ON c.id = s.case_id WHERE s.id = ?1";
  static const char by_case[] =
    "SELECT s.id, s.case_id, " BOARD_KEY ("s") ", s.stage, " BOARD_SHOWN ("s", "c")
    " FROM stories AS s JOIN cases AS c ON c.id = s.case_id WHERE s.case_id = ?1";
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *stage;
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  memset (entry, 0, sizeof *entry);
  if (!(stmt = amends_store_prepare (self, story_id != 0 ? by_story : by_case, error)))
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, story_id != 0 ? story_id : case_id);
  step = amends_stmt_step (stmt, error);
  if (step != AMENDS_DB_STEP_ROW)
    return step == AMENDS_DB_STEP_DONE;

  klass = g_type_class_ref (AMENDS_TYPE_STORY_STAGE);
  stage = g_enum_get_value_by_nick (klass, amends_stmt_column_text (stmt, 3));
  entry->story_id = amends_stmt_column_int64 (stmt, 0);
  entry->case_id = amends_stmt_column_int64 (stmt, 1);
  entry->key = amends_stmt_column_int64 (stmt, 2);
  entry->stage = stage != NULL ? (AmendsStoryStage) stage->value : AMENDS_STORY_STAGE_DISMISSED;
  entry->shown = amends_stmt_column_int (stmt, 4) != 0 && stage != NULL &&
                 entry->stage != AMENDS_STORY_STAGE_DISMISSED;

  return TRUE;
}

/**
 * amends_store_propose_story:
 *
 * Makes the recovered case a story candidate; a story the case already
 * has is returned (and brought back if it was dismissed).
 *
 * Returns: (transfer full): the story
 */
AmendsStory *
amends_store_propose_story (AmendsStore  *self,
                            gint64        case_id,
                            GError      **error)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (!(kase = amends_store_load (self, AMENDS_TYPE_CASE, case_id, error)))
    return NULL;

  if (amends_case_is_active (kase))
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("Only a recovered case can become a story."));
      return NULL;
    }

  story = amends_store_find_story (self, case_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (story != NULL)
    {
      if (amends_story_get_stage (story) == AMENDS_STORY_STAGE_DISMISSED &&
          !amends_store_move_story (self, story, AMENDS_STORY_STAGE_CANDIDATE, error))
        return NULL;
      return g_steal_pointer (&story);
    }

  if (!amends_store_begin (self, error))
    return NULL;
  if (!add_story (self, kase, &story, error))
    {
      amends_store_rollback (self);
      return NULL;
    }
  if (!amends_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&story);
}

/**
 * amends_store_move_story:
 *
 * Moves a story to @stage; a story told gets its told time (now) unless it
 * has one, and a story moved back from told loses it.
 */
gboolean
amends_store_move_story (AmendsStore       *self,
                         AmendsStory       *story,
                         AmendsStoryStage   stage,
                         GError           **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_STORY (story), FALSE);

  if (stage == AMENDS_STORY_STAGE_TOLD)
    {
      if (amends_story_get_told_at (story) == NULL)
        {
          g_autoptr(GDateTime) now = amends_store_dup_now (self);
          g_object_set (story, "told-at", now, NULL);
        }
    }
  else
    g_object_set (story, "told-at", NULL, NULL);

  g_object_set (story, "stage", stage, NULL);

  if (!amends_store_update (self, AMENDS_RECORD (story), error))
    {
      amends_store_reload (self, AMENDS_RECORD (story), NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * amends_store_save_story:
 * @story: a story in the store, with its new fields set
 * @heroes: (element-type gint64): the staff ids of its heroes
 *
 * Writes @story and its heroes in one transaction: a story is told as a
 * whole, so half of one is never written.  When it fails neither is
 * written, and @story is read again as the store has it.
 */
gboolean
amends_store_save_story (AmendsStore  *self,
                         AmendsStory  *story,
                         GArray       *heroes,
                         GError      **error)
{
  gint64 story_id;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_STORY (story), FALSE);
  g_return_val_if_fail (heroes != NULL, FALSE);

  story_id = amends_record_get_id (AMENDS_RECORD (story));
  if (!amends_store_begin (self, error))
    {
      amends_store_reload (self, AMENDS_RECORD (story), NULL);
      return FALSE;
    }

  if (!amends_store_update (self, AMENDS_RECORD (story), error) ||
      !amends_store_set_story_heroes (self, story_id,
                                      (const gint64 *) (gpointer) heroes->data, heroes->len,
                                      error))
    {
      amends_store_rollback (self);
      amends_store_reload (self, AMENDS_RECORD (story), NULL);
      return FALSE;
    }

  /* A failed commit has already rolled back. */
  if (!amends_store_commit (self, error))
    {
      amends_store_reload (self, AMENDS_RECORD (story), NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * amends_store_list_stories_told:
 * @from: the start of the period (included)
 * @until: its end (excluded)
 *
 * The stories told in the period whose case is not in the trash, read
 * through the index stories_by_stage rather than from every told story.
 *
 * Returns: (transfer full): a #GListModel of #AmendsStory, the most
 *   recently told first, as amends_store_list_stories() orders them
 */
GListModel *
amends_store_list_stories_told (AmendsStore  *self,
                                GDateTime    *from,
                                GDateTime    *until,
                                GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  sql = amends_store_select_sql (self, AMENDS_TYPE_STORY,
                                 "WHERE r.stage = 'told' AND r.told_at >= ?1 AND r.told_at < ?2"
                                 " AND EXISTS (SELECT 1 FROM cases AS c"
                                 "             WHERE c.id = r.case_id AND c.deleted_at IS NULL)"
                                 " ORDER BY r.told_at DESC, r.id DESC");
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  amends_stmt_bind_int64 (stmt, 2, g_date_time_to_unix (until));

  return amends_store_collect_records (self, AMENDS_TYPE_STORY, stmt, error);
}

/* The rows of amends_sql_heroes (amends-store-sql.c); NULL on error.  Shared with the board's
 * reader (amends-board-reader.c). */
GPtrArray *
amends_collect_heroes (AmendsStmt  *stmt,
                       GDateTime   *from,
                       GDateTime   *until,
                       GError     **error)
{
  AmendsDbStep step;
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_hero_count_free);

  amends_stmt_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  amends_stmt_bind_int64 (stmt, 2, g_date_time_to_unix (until));

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      AmendsHeroCount *count = g_new0 (AmendsHeroCount, 1);

      count->staff_id = amends_stmt_column_int64 (stmt, 0);
      count->name = g_strdup (amends_stmt_column_text (stmt, 1));
      count->n_told = amends_stmt_column_int (stmt, 2);
      count->n_blown_away = amends_stmt_column_int (stmt, 3);
      g_ptr_array_add (counts, count);
    }

  return step == AMENDS_DB_STEP_DONE ? g_steal_pointer (&counts) : NULL;
}

/**
 * amends_store_count_heroes:
 * @from: the start of the period (included)
 * @until: its end (excluded)
 *
 * Counts, for each member of staff, the told stories (told in the period)
 * they are a hero of, and the cases they owned that were recovered in the
 * period with the customer blown away.  People with neither are left out.
 *
 * Returns: (transfer full) (element-type AmendsHeroCount): best first
 */
GPtrArray *
amends_store_count_heroes (AmendsStore  *self,
                           GDateTime    *from,
                           GDateTime    *until,
                           GError      **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  if (!(stmt = amends_store_prepare (self, amends_sql_pick (&amends_sql_heroes, amends_store_get_engine (self)),
                                     error)))
    return NULL;

  counts = amends_collect_heroes (stmt, from, until, error);
  return g_steal_pointer (&counts);
}
