/* amends-store-helpers.c: the people who helped on a case, and handing a
 * case over to another team
 *
 * A case has one owner, who answers for it; others who helped put it
 * right are its helpers (case_helpers), and share the credit: a story of
 * the case names them as heroes beside the owner.  Adding or removing a
 * helper is in the audit log, as the case's field "helpers", with the
 * names before and after.
 *
 * A hand-over passes a case to another team with a note of what they
 * need to know, and says so on the timeline, in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-helpers"

#include "config.h"

#include "amends-store-helpers.h"

#include <glib/gi18n.h>

#include "amends-store-private.h"

#define CASE_HELPERS_SQL(E) \
  "SELECT h.staff_id FROM case_helpers AS h JOIN staff AS s ON s.id = h.staff_id" \
  " WHERE h.case_id = ?1 ORDER BY " AMENDS_SQL_NOCASE (E, "s.name") ", s.id"

/**
 * amends_store_list_case_helpers:
 *
 * Returns: (transfer full) (element-type gint64): the staff ids of the
 *   case's helpers, by name
 */
GArray *
amends_store_list_case_helpers (AmendsStore  *self,
                                gint64        case_id,
                                GError      **error)
{
  const char *sql = AMENDS_SQL_FOR (amends_store_get_engine (self), CASE_HELPERS_SQL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AmendsStmt) stmt = NULL;
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, case_id);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      gint64 id = amends_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&ids);
}

/* The helpers' names, "Ana, Ben", for the audit log; NULL for none. */
static char *
dup_helper_names (AmendsStore  *self,
                  gint64        case_id,
                  GError      **error)
{
  const char *sql = amends_sql_pick (&amends_sql_helper_names, amends_store_get_engine (self));
  g_autoptr(AmendsStmt) stmt = NULL;

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, case_id);
  /* An aggregate has its row; without one, there are no names. */
  if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return NULL;

  return g_strdup (amends_stmt_column_text (stmt, 0));
}

static gboolean
change_helper (AmendsStore  *self,
               const char   *sql,
               gint64        case_id,
               gint64        staff_id,
               GError      **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 changes = 0;

  if (!amends_store_begin (self, error))
    return FALSE;

  before = dup_helper_names (self, case_id, &local_error);
  if (local_error != NULL)
    goto failed;

  {
    g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, &local_error);

    if (stmt == NULL)
      goto failed;
    amends_stmt_bind_int64 (stmt, 1, case_id);
    amends_stmt_bind_int64 (stmt, 2, staff_id);
    if (!amends_stmt_execute (stmt, &local_error))
      goto failed;
    changes = amends_stmt_changes (stmt);
  }

  if (changes == 0)
    {
      amends_store_rollback (self);
      return TRUE;
    }

  after = dup_helper_names (self, case_id, &local_error);
  if (local_error != NULL ||
      !amends_store_audit (self, "cases", case_id, "helpers", before, after, &local_error))
    goto failed;

  amends_store_queue_change (self, AMENDS_TYPE_CASE, case_id);
  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * amends_store_add_case_helper:
 *
 * Adds @staff_id to the helpers of the case; a helper already there stays
 * as they are and nothing is written.
 */
gboolean
amends_store_add_case_helper (AmendsStore  *self,
                              gint64        case_id,
                              gint64        staff_id,
                              GError      **error)
{
  static const char sql[] =
    "INSERT INTO case_helpers (case_id, staff_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (staff_id > 0, FALSE);

  return change_helper (self, sql, case_id, staff_id, error);
}

gboolean
amends_store_remove_case_helper (AmendsStore  *self,
                                 gint64        case_id,
                                 gint64        staff_id,
                                 GError      **error)
{
  static const char sql[] =
    "DELETE FROM case_helpers WHERE case_id = ?1 AND staff_id = ?2";

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  return change_helper (self, sql, case_id, staff_id, error);
}

/**
 * amends_store_list_teams:
 *
 * The teams in use, to offer when a case is handed over: those of the
 * open cases (from the index cases_open) and of the latest cases logged
 * (the newest rows), not a scan of every case.
 *
 * Returns: (transfer full): the teams, by name
 */
GStrv
amends_store_list_teams (AmendsStore  *self,
                         GError      **error)
{
  const char *sql = amends_sql_pick (&amends_sql_teams, amends_store_get_engine (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(AmendsStmt) stmt = NULL;
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

static char *
handover_text (const char *from,
               const char *to,
               const char *note)
{
  g_autofree char *head = NULL;

  if (from != NULL && *from != '\0')
    /* Translators: a timeline entry: the case passed from one team to another */
    head = g_strdup_printf (_("Handed over from %s to %s"), from, to);
  else
    /* Translators: a timeline entry: the case passed to a team */
    head = g_strdup_printf (_("Handed over to %s"), to);

  if (note == NULL || *note == '\0')
    return g_steal_pointer (&head);

  /* Translators: a hand-over on the timeline, then the note that went with it */
  return g_strdup_printf (_("%s: %s"), head, note);
}

/**
 * amends_store_hand_over:
 * @team: the team that takes the case on
 * @note: (nullable): what they need to know
 * @clear_owner: leave the case for someone of the new team to take
 *   ownership of; the owner until now becomes a helper, keeping the credit
 *
 * Hands the case over to another team: sets its team (and clears its
 * owner when asked) and writes a hand-over entry with the note on its
 * timeline, all in one transaction.
 */
gboolean
amends_store_hand_over (AmendsStore  *self,
                        AmendsCase   *kase,
                        const char   *team,
                        const char   *note,
                        gboolean      clear_owner,
                        GError      **error)
{
  g_autofree char *to = g_strstrip (g_strdup (team ? team : ""));
  g_autofree char *said = g_strstrip (g_strdup (note ? note : ""));
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AmendsAction) action = NULL;
  gint64 case_id, owner_id;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_CASE (kase), FALSE);

  if (*to == '\0')
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("Say which team takes the case on."));
      return FALSE;
    }

  case_id = amends_record_get_id (AMENDS_RECORD (kase));
  owner_id = amends_case_get_owner_id (kase);
  g_object_get (kase, "team", &from, NULL);
  text = handover_text (from, to, said);

  if (!amends_store_begin (self, error))
    goto failed;

  g_object_set (kase, "team", to, NULL);
  if (clear_owner && owner_id > 0)
    amends_case_set_owner_id (kase, 0);

  if (!amends_store_update (self, AMENDS_RECORD (kase), error) ||
      (clear_owner && owner_id > 0 &&
       !amends_store_add_case_helper (self, case_id, owner_id, error)) ||
      !(action = amends_store_add_action (self, case_id, AMENDS_ACTION_KIND_HANDOVER, text, error)))
    {
      amends_store_rollback (self);
      goto failed;
    }

  if (!amends_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  amends_store_reload (self, AMENDS_RECORD (kase), NULL);
  return FALSE;
}
