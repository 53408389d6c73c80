/* amends-store-training.c: stories marked to be taught from, and who has
 * read them
 *
 * A told story can be marked as a training example (stories.training);
 * the training pack prints the marked ones.  Who has read a story is
 * kept in story_readers, one row a person: reading it again keeps the
 * first time.  Both changes are in the audit log, like any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-training"

#include "config.h"

#include "amends-store-training.h"

#include <glib/gi18n.h>

#include "amends-store-private.h"

void
amends_story_reader_free (AmendsStoryReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->name);
  g_free (reader);
}

void
amends_training_story_free (AmendsTrainingStory *story)
{
  if (story == NULL)
    return;

  g_free (story->title);
  g_free (story->text);
  g_free (story->reference);
  g_free (story->went_wrong);
  g_free (story->description);
  g_free (story->fix);
  g_free (story->surprise);
  g_free (story->bent_rule);
  g_free (story->bent_rule_why);
  g_free (story->lesson);
  g_strfreev (story->heroes);
  g_clear_pointer (&story->readers, g_ptr_array_unref);
  g_free (story);
}

/**
 * amends_store_set_story_training:
 *
 * Marks @story as a training example, or no longer; saved (and audited)
 * as any change of a field is.
 */
gboolean
amends_store_set_story_training (AmendsStore  *self,
                                 AmendsStory  *story,
                                 gboolean      training,
                                 GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_STORY (story), FALSE);

  if (amends_story_get_training (story) == !!training)
    return TRUE;

  g_object_set (story, "training", !!training, NULL);
  if (!amends_store_update (self, AMENDS_RECORD (story), error))
    {
      amends_store_reload (self, AMENDS_RECORD (story), NULL);
      return FALSE;
    }

  return TRUE;
}

#define READERS_SQL(E) \
  "SELECT r.staff_id, s.name, r.read_at FROM story_readers AS r" \
  " JOIN staff AS s ON s.id = r.staff_id" \
  " WHERE r.story_id = ?1 ORDER BY r.read_at, " AMENDS_SQL_NOCASE (E, "s.name")

/**
 * amends_store_list_story_readers:
 *
 * Returns: (transfer full) (element-type AmendsStoryReader): who has read
 *   the story, the first reader first
 */
GPtrArray *
amends_store_list_story_readers (AmendsStore  *self,
                                 gint64        story_id,
                                 GError      **error)
{
  const char *sql = AMENDS_SQL_FOR (amends_store_get_engine (self), READERS_SQL);
  g_autoptr(GPtrArray) readers = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_story_reader_free);
  g_autoptr(AmendsStmt) stmt = NULL;
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, story_id);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      AmendsStoryReader *reader = g_new0 (AmendsStoryReader, 1);

      reader->staff_id = amends_stmt_column_int64 (stmt, 0);
      reader->name = g_strdup (amends_stmt_column_text (stmt, 1));
      reader->read_at = amends_stmt_column_int64 (stmt, 2);
      g_ptr_array_add (readers, reader);
    }

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&readers);
}

/**
 * amends_store_mark_story_read:
 * @staff_id: who read it: the person at the desk
 *
 * Records that @staff_id has read the story, now.  Someone who had read
 * it already keeps the time they first did, and nothing is written.
 */
gboolean
amends_store_mark_story_read (AmendsStore  *self,
                              gint64        story_id,
                              gint64        staff_id,
                              GError      **error)
{
  static const char sql[] =
    "INSERT INTO story_readers (story_id, staff_id, read_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT DO NOTHING";
  g_autoptr(AmendsStaff) staff = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  if (staff_id <= 0)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("Nobody is at the desk. Pick your name first."));
      return FALSE;
    }

  if (!(staff = amends_store_load (self, AMENDS_TYPE_STAFF, staff_id, error)) ||
      !amends_store_begin (self, error))
    return FALSE;

  if (!(stmt = amends_store_prepare (self, sql, error)))
    goto failed;
  amends_stmt_bind_int64 (stmt, 1, story_id);
  amends_stmt_bind_int64 (stmt, 2, staff_id);
  amends_stmt_bind_int64 (stmt, 3, amends_store_now (self));
  if (!amends_stmt_execute (stmt, error))
    goto failed;

  if (amends_stmt_changes (stmt) > 0)
    {
      if (!amends_store_audit (self, "stories", story_id, "read-by", NULL,
                               amends_staff_get_name (staff), error))
        goto failed;
      amends_store_queue_change (self, AMENDS_TYPE_STORY, story_id);
    }

  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}

static char *
dup_column (AmendsStmt *stmt,
            int         column)
{
  const char *text = amends_stmt_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

#define HERO_NAMES_SQL(E) \
  "SELECT s.name FROM story_heroes AS h JOIN staff AS s ON s.id = h.staff_id" \
  " WHERE h.story_id = ?1 ORDER BY " AMENDS_SQL_NOCASE (E, "s.name")

static GStrv
list_hero_names (AmendsStore  *self,
                 gint64        story_id,
                 GError      **error)
{
  const char *sql = AMENDS_SQL_FOR (amends_store_get_engine (self), HERO_NAMES_SQL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(AmendsStmt) stmt = NULL;
  AmendsDbStep step;

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, story_id);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    g_strv_builder_add (builder, amends_stmt_column_text (stmt, 0));

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (builder);
}

/**
 * amends_store_list_training_stories:
 *
 * The told stories marked for training whose case is not in the trash,
 * with their case's account, their heroes and readers: what the training
 * pack prints.  Read through the index stories_by_stage, so only told
 * stories are looked at.
 *
 * Returns: (transfer full) (element-type AmendsTrainingStory): the
 *   earliest told first, as a course would take them
 */
GPtrArray *
amends_store_list_training_stories (AmendsStore  *self,
                                    GError      **error)
{
  static const char sql[] =
    "SELECT t.id, t.title, t.text, t.told_at, c.reference, c.summary, c.description,"
    "  c.fix, c.surprise, c.rule_bent, c.bent_rule, c.bent_rule_why, c.lesson"
    " FROM stories AS t JOIN cases AS c ON c.id = t.case_id"
    " WHERE t.stage = 'told' AND t.training <> 0 AND c.deleted_at IS NULL"
    " ORDER BY t.told_at, t.id";
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_training_story_free);
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  {
    g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);

    if (stmt == NULL)
      return NULL;

    while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
      {
        AmendsTrainingStory *story = g_new0 (AmendsTrainingStory, 1);

        story->story_id = amends_stmt_column_int64 (stmt, 0);
        story->title = dup_column (stmt, 1);
        story->text = dup_column (stmt, 2);
        story->told_at = amends_stmt_column_int64 (stmt, 3);
        story->reference = dup_column (stmt, 4);
        story->went_wrong = dup_column (stmt, 5);
        story->description = dup_column (stmt, 6);
        story->fix = dup_column (stmt, 7);
        story->surprise = dup_column (stmt, 8);
        story->rule_bent = amends_stmt_column_int (stmt, 9) != 0;
        story->bent_rule = dup_column (stmt, 10);
        story->bent_rule_why = dup_column (stmt, 11);
        story->lesson = dup_column (stmt, 12);
        g_ptr_array_add (stories, story);
      }

    if (step == AMENDS_DB_STEP_ERROR)
      return NULL;
  }

  /* Heroes and readers after the stories' statement is done with. */
  for (guint i = 0; i < stories->len; i++)
    {
      AmendsTrainingStory *story = stories->pdata[i];

      if (!(story->heroes = list_hero_names (self, story->story_id, error)) ||
          !(story->readers = amends_store_list_story_readers (self, story->story_id, error)))
        return NULL;
    }

  return g_steal_pointer (&stories);
}
