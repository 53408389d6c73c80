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

#include "config.h"

#include <glib/gi18n.h>

#include "amends-store-stories.h"
#include "amends-store-private.h"

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
  int rc;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  sql = amends_store_select_sql (self, AMENDS_TYPE_STORY, "WHERE r.case_id = ?1");
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return amends_store_read_record (self, AMENDS_TYPE_STORY, stmt);
  if (rc != SQLITE_DONE)
    amends_store_set_error (self, rc, error);

  return NULL;
}

static gboolean
add_story (AmendsStore   *self,
           AmendsCase    *kase,
           AmendsStory  **out,
           GError       **error)
{
  g_autoptr(AmendsStory) story = amends_story_new ();
  gint64 owner_id = amends_case_get_owner_id (kase);

  g_object_set (story,
                "case-id", amends_record_get_id (AMENDS_RECORD (kase)),
                "title", amends_case_get_summary (kase),
                NULL);

  if (!amends_store_insert (self, AMENDS_RECORD (story), error))
    return FALSE;

  /* Whoever owned the recovery is its first hero. */
  if (owner_id > 0 &&
      !amends_store_set_story_heroes (self, amends_record_get_id (AMENDS_RECORD (story)),
                                      &owner_id, 1, error))
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
                                 "WHERE r.status IN ('recovered', 'closed')"
                                 " AND r.reaction = 'blown-away'"
                                 " AND " AMENDS_SQL_COUNTED ("r")
                                 " AND " AMENDS_SQL_IN_TIME ("r")
                                 " AND NOT EXISTS (SELECT 1 FROM stories AS s WHERE s.case_id = r.id)"
                                 " ORDER BY r.recovered_at");
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

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (until));

  return amends_store_collect_records (self, AMENDS_TYPE_STORY, stmt, error);
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
  static const char sql[] =
    "SELECT s.id, s.name,"
    "  (SELECT count(*) FROM story_heroes AS h JOIN stories AS t ON t.id = h.story_id"
    "     JOIN cases AS c ON c.id = t.case_id"
    "   WHERE h.staff_id = s.id AND t.stage = 'told' AND c.deleted_at IS NULL"
    "     AND t.told_at >= ?1 AND t.told_at < ?2) AS told,"
    "  (SELECT count(*) FROM cases AS c"
    "   WHERE c.owner_id = s.id AND c.reaction = 'blown-away' AND " AMENDS_SQL_COUNTED ("c")
    "     AND " AMENDS_SQL_RECOVERED ("c") " AND c.recovered_at >= ?1 AND c.recovered_at < ?2) AS blown"
    " FROM staff AS s"
    " WHERE told > 0 OR blown > 0"
    " ORDER BY told DESC, blown DESC, s.name COLLATE NOCASE";
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_hero_count_free);
  g_autoptr(AmendsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (until));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AmendsHeroCount *count = g_new0 (AmendsHeroCount, 1);

      count->staff_id = sqlite3_column_int64 (stmt, 0);
      count->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      count->n_told = sqlite3_column_int (stmt, 2);
      count->n_blown_away = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (counts, count);
    }

  if (rc != SQLITE_DONE)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}
