/* amends-store-playbooks.c: a recovery playbook per category, and the causes a lesson names
 *
 * "Amazing service recovery doesn't happen through serendipity. It
 * requires a comprehensive strategy defining the outcomes expected and
 * the way to achieve them" (seeds/004, service strategy).  A playbook
 * says, for one category of breakdown, what putting it right means here
 * and what may be spent on the surprise; the ideas that blew customers
 * away before are not typed in but read from the told stories of that
 * category.
 *
 * "Service recovery isn't about applying the rules ... rather it's about
 * solving the problem" (problem solving): a lesson names its cause from a
 * short list the site keeps, so that the same cause is counted together
 * in the Measures view.  A cause taken off the list is only made
 * inactive: the lessons that named it keep their word.
 *
 * Every change has its audit rows, as a case's do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-playbooks"

#include "config.h"

#include "amends-store-playbooks.h"

#include <glib/gi18n.h>

#include "amends-store-private.h"

G_DEFINE_BOXED_TYPE (AmendsPlaybook, amends_playbook, amends_playbook_copy, amends_playbook_free)

/* Only a name to announce the list's changes by: it has no values. */
GType
amends_causes_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_pointer_type_register_static (g_intern_static_string ("AmendsCauses")));

  return type;
}

AmendsPlaybook *
amends_playbook_copy (const AmendsPlaybook *playbook)
{
  AmendsPlaybook *copy;

  g_return_val_if_fail (playbook != NULL, NULL);

  copy = g_new0 (AmendsPlaybook, 1);
  copy->category = g_strdup (playbook->category);
  copy->put_right = g_strdup (playbook->put_right);
  copy->spending_guide = g_strdup (playbook->spending_guide);
  copy->updated_at = playbook->updated_at;

  return copy;
}

void
amends_playbook_free (AmendsPlaybook *playbook)
{
  if (playbook == NULL)
    return;

  g_free (playbook->category);
  g_free (playbook->put_right);
  g_free (playbook->spending_guide);
  g_free (playbook);
}

gboolean
amends_playbook_is_empty (const AmendsPlaybook *playbook)
{
  return playbook == NULL ||
         ((playbook->put_right == NULL || *playbook->put_right == '\0') &&
          (playbook->spending_guide == NULL || *playbook->spending_guide == '\0'));
}

/* A text as it is kept: NULL when there is nothing but blanks. */
static char *
dup_kept_text (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static char *
dup_column (AmendsStmt *stmt,
            int         column)
{
  return g_strdup (amends_stmt_column_text (stmt, column));
}

/**
 * amends_store_load_playbook:
 *
 * Returns: (transfer full): @category's playbook; one with no texts when
 *   none was written for it; %NULL only with @error set
 */
AmendsPlaybook *
amends_store_load_playbook (AmendsStore  *self,
                            const char   *category,
                            GError      **error)
{
  static const char sql[] =
    "SELECT put_right, spending_guide, updated_at FROM playbooks WHERE category = ?1";
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autoptr(AmendsPlaybook) playbook = NULL;
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (category != NULL, NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  playbook = g_new0 (AmendsPlaybook, 1);
  playbook->category = g_strdup (category);

  amends_stmt_bind_text (stmt, 1, category);
  step = amends_stmt_step (stmt, error);
  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  if (step == AMENDS_DB_STEP_ROW)
    {
      playbook->put_right = dup_column (stmt, 0);
      playbook->spending_guide = dup_column (stmt, 1);
      playbook->updated_at = amends_stmt_column_int64 (stmt, 2);
    }

  return g_steal_pointer (&playbook);
}

static gboolean
audit_text (AmendsStore  *self,
            const char   *table,
            gint64        id,
            const char   *field,
            const char   *before,
            const char   *after,
            GError      **error)
{
  if (g_strcmp0 (before, after) == 0)
    return TRUE;

  return amends_store_audit (self, table, id, field, before, after, error);
}

/**
 * amends_store_save_playbook:
 * @put_right: (nullable): what putting it right means for @category
 * @spending_guide: (nullable): what may be spent on the surprise
 *
 * Writes @category's playbook, blanks as unset, with an audit row for
 * each text that changed.
 */
gboolean
amends_store_save_playbook (AmendsStore  *self,
                            const char   *category,
                            const char   *put_right,
                            const char   *spending_guide,
                            GError      **error)
{
  static const char upsert[] =
    "INSERT INTO playbooks (category, put_right, spending_guide, updated_at)"
    " VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (category) DO UPDATE SET put_right = ?2, spending_guide = ?3, updated_at = ?4";
  const char *rowid_sql = amends_sql_pick (&amends_sql_playbook_id, amends_store_get_engine (self));
  g_autoptr(AmendsPlaybook) before = NULL;
  g_autofree char *right = dup_kept_text (put_right);
  g_autofree char *guide = dup_kept_text (spending_guide);
  g_autofree char *name = dup_kept_text (category);
  gint64 id = 0;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  if (name == NULL)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("A playbook belongs to a category: name the category first."));
      return FALSE;
    }

  if (!amends_store_begin (self, error))
    return FALSE;

  if (!(before = amends_store_load_playbook (self, name, error)))
    goto failed;

  if (g_strcmp0 (before->put_right, right) == 0 && g_strcmp0 (before->spending_guide, guide) == 0)
    return amends_store_commit (self, error);

  {
    g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, upsert, error);

    if (stmt == NULL)
      goto failed;
    amends_stmt_bind_text (stmt, 1, name);
    amends_stmt_bind_text (stmt, 2, right);
    amends_stmt_bind_text (stmt, 3, guide);
    amends_stmt_bind_int64 (stmt, 4, amends_store_now (self));
    if (!amends_stmt_execute (stmt, error))
      goto failed;
  }

  {
    g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, rowid_sql, error);

    if (stmt == NULL)
      goto failed;
    amends_stmt_bind_text (stmt, 1, name);
    /* The row was just written: there is one. */
    if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
      goto failed;
    id = amends_stmt_column_int64 (stmt, 0);
  }

  /* The audit log's record id is the row's rowid; the category is said
   * in the field, as the same category may be renamed on its cases. */
  if (!audit_text (self, "playbooks", id, "put-right", before->put_right, right, error) ||
      !audit_text (self, "playbooks", id, "spending-guide", before->spending_guide, guide, error))
    goto failed;

  amends_store_queue_change (self, AMENDS_TYPE_PLAYBOOK, id);
  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}

/**
 * amends_store_list_playbook_ideas:
 * @limit: at most this many
 *
 * The surprises that blew customers away before: those of the told
 * stories of @category whose customer was blown away, the story told
 * last first.  Told stories are a few a week, so this reads a few rows
 * of the index stories_by_stage, not the cases.
 *
 * Returns: (transfer full): the surprises' texts, newest first
 */
GStrv
amends_store_list_playbook_ideas (AmendsStore  *self,
                                  const char   *category,
                                  guint         limit,
                                  GError      **error)
{
  static const char sql[] =
    "SELECT c.surprise FROM stories AS s JOIN cases AS c ON c.id = s.case_id"
    " WHERE s.stage = 'told' AND c.category = ?1 AND c.reaction = 'blown-away'"
    "   AND " AMENDS_SQL_COUNTED ("c")
    "   AND length (trim (coalesce (c.surprise, ''))) > 0"
    " ORDER BY s.told_at DESC, s.id DESC LIMIT ?2";
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (category != NULL, NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_text (stmt, 1, category);
  amends_stmt_bind_int64 (stmt, 2, limit);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      g_autofree char *text = g_strstrip (dup_column (stmt, 0));
      g_strv_builder_add (builder, text);
    }

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (builder);
}

#define CAUSES_SQL(E) "SELECT name FROM causes WHERE active <> 0 ORDER BY " AMENDS_SQL_NOCASE (E, "name")

/**
 * amends_store_list_causes:
 *
 * Returns: (transfer full): the causes a lesson can name, in alphabetical
 *   order
 */
GStrv
amends_store_list_causes (AmendsStore  *self,
                          GError      **error)
{
  const char *sql = AMENDS_SQL_FOR (amends_store_get_engine (self), CAUSES_SQL);
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

/* Makes @name (in any case) active or not; @id is set to its row, or 0
 * when there is none. */
/* On SQLite the column is COLLATE NOCASE (migration 10), so "=" is
 * already without regard to case; the server's unique index is on
 * lower (name). */
#define FIND_CAUSE_SQL(E) "SELECT id, active FROM causes WHERE " FIND_CAUSE_NAME_##E
#define FIND_CAUSE_NAME_SQLITE "name = ?1"
#define FIND_CAUSE_NAME_PG AMENDS_SQL_NOCASE_EQ (PG, "name", "?1")

static gboolean
set_cause_active (AmendsStore  *self,
                  const char   *name,
                  gboolean      active,
                  gint64       *id,
                  GError      **error)
{
  static const char update[] = "UPDATE causes SET active = ?2 WHERE id = ?1";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, AMENDS_SQL_FOR (amends_store_get_engine (self),
                                                                           FIND_CAUSE_SQL), error);
  gboolean was_active;

  *id = 0;
  if (stmt == NULL)
    return FALSE;

  amends_stmt_bind_text (stmt, 1, name);
  switch (amends_stmt_step (stmt, error))
    {
    case AMENDS_DB_STEP_ROW:
      break;
    case AMENDS_DB_STEP_DONE:
      return TRUE;
    default:
      return FALSE;
    }

  *id = amends_stmt_column_int64 (stmt, 0);
  was_active = amends_stmt_column_int (stmt, 1) != 0;
  if (was_active == active)
    return TRUE;

  {
    g_autoptr(AmendsStmt) up = amends_store_prepare (self, update, error);

    if (up == NULL)
      return FALSE;
    amends_stmt_bind_int64 (up, 1, *id);
    amends_stmt_bind_int64 (up, 2, active);
    if (!amends_stmt_execute (up, error))
      return FALSE;
  }

  amends_store_queue_change (self, AMENDS_TYPE_CAUSES, 0);
  return amends_store_audit (self, "causes", *id, "active",
                             was_active ? "true" : "false", active ? "true" : "false", error);
}

/**
 * amends_store_add_cause:
 *
 * Puts @name on the list of causes; one taken off before comes back as
 * it was written then.
 */
gboolean
amends_store_add_cause (AmendsStore  *self,
                        const char   *name,
                        GError      **error)
{
  static const char insert[] = "INSERT INTO causes (name) VALUES (?1) RETURNING id";
  g_autofree char *kept = dup_kept_text (name);
  gint64 id = 0;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  if (kept == NULL)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("Name the cause in a few words."));
      return FALSE;
    }

  if (!amends_store_begin (self, error))
    return FALSE;

  if (!set_cause_active (self, kept, TRUE, &id, error))
    goto failed;

  if (id == 0)
    {
      g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, insert, error);

      if (stmt == NULL)
        goto failed;
      amends_stmt_bind_text (stmt, 1, kept);
      if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
        goto failed;
      id = amends_stmt_column_int64 (stmt, 0);
      if (!amends_store_audit (self, "causes", id, "created", NULL, kept, error))
        goto failed;
      amends_store_queue_change (self, AMENDS_TYPE_CAUSES, 0);
    }

  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}

/**
 * amends_store_remove_cause:
 *
 * Takes @name off the list of causes offered; the lessons that named it
 * keep it, and count under it.
 */
gboolean
amends_store_remove_cause (AmendsStore  *self,
                           const char   *name,
                           GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!amends_store_begin (self, error))
    return FALSE;

  if (!set_cause_active (self, name, FALSE, &id, error))
    {
      amends_store_rollback (self);
      return FALSE;
    }

  return amends_store_commit (self, error);
}
