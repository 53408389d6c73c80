/* amends-store-timeline.c: entries on a case's timeline, added and corrected
 *
 * An entry is added by the person at the desk, now.  It can be corrected
 * later, as a case's fields are: only what was changed is written, with
 * an audit row for each field (the text before and after, who corrected
 * it and when), and a correction made on an old copy of the entry, when
 * someone else corrected the same field meanwhile, saves nothing and
 * says so.  The entry keeps when it was done and by whom.
 *
 * A follow-up written on the timeline is the follow-up that was due: the
 * case's due follow-up is cleared with it, in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-store-private.h"

/* Clears the follow-up of the case, if one is due now: a follow-up was
 * just written down.  One planned for later stays planned: it may be the
 * next one, set before writing this. */
static gboolean
settle_follow_up (AmendsStore  *self,
                  gint64        case_id,
                  GError      **error)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDateTime *due;

  if (!(kase = amends_store_load (self, AMENDS_TYPE_CASE, case_id, error)))
    return FALSE;

  due = amends_case_get_follow_up_due_at (kase);
  now = amends_store_dup_now (self);
  if (due == NULL || g_date_time_compare (due, now) > 0)
    return TRUE;

  g_object_set (kase, "follow-up-due-at", NULL, NULL);
  return amends_store_update (self, AMENDS_RECORD (kase), error);
}

/**
 * amends_store_add_action:
 *
 * Adds an entry to a case's timeline, by the person at the desk, now.  A
 * follow-up clears the case's follow-up that was due.
 *
 * Returns: (transfer full): the saved entry
 */
AmendsAction *
amends_store_add_action (AmendsStore       *self,
                         gint64             case_id,
                         AmendsActionKind   kind,
                         const char        *text,
                         GError           **error)
{
  g_autoptr(AmendsAction) action = amends_action_new ();

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  g_object_set (action, "case-id", case_id, "kind", kind, "text", text, NULL);

  if (kind != AMENDS_ACTION_KIND_FOLLOW_UP)
    return amends_store_insert (self, AMENDS_RECORD (action), error) ? g_steal_pointer (&action) : NULL;

  if (!amends_store_begin (self, error))
    return NULL;

  if (!amends_store_insert (self, AMENDS_RECORD (action), error) ||
      !settle_follow_up (self, case_id, error))
    {
      amends_store_rollback (self);
      return NULL;
    }

  if (!amends_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&action);
}

/**
 * amends_store_correct_action:
 * @action: the entry as it was read (and shown), to correct
 * @kind: its kind now; an entry written by a step keeps its own
 * @text: what it says now
 *
 * Corrects an entry on a timeline.  It keeps when it was done and who
 * wrote it; the audit log keeps the text (and kind) before and after,
 * who corrected it and when, which the entry then shows
 * (amends_action_get_corrected_at()).  A correction that makes an entry a
 * follow-up clears the follow-up that was due, as adding one does.
 *
 * When someone else corrected the same field since @action was read, to
 * something else, nothing is saved: the error is
 * %AMENDS_STORE_ERROR_CONFLICT and @action holds their value
 * (amends_record_get_conflicts()), as a case does.  Otherwise @action is
 * read back as saved.
 */
gboolean
amends_store_correct_action (AmendsStore       *self,
                             AmendsAction      *action,
                             AmendsActionKind   kind,
                             const char        *text,
                             GError           **error)
{
  g_autofree char *stripped = NULL;
  AmendsActionKind before;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_ACTION (action), FALSE);
  g_return_val_if_fail (amends_record_get_id (AMENDS_RECORD (action)) > 0, FALSE);

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("A timeline entry needs a few words: write what was done, or keep the entry as it was."));
      return FALSE;
    }

  before = amends_action_get_kind (action);
  if (kind != before &&
      (amends_action_kind_is_automatic (before) || amends_action_kind_is_automatic (kind)))
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED,
                           _("Pausing, resuming the clock and taking ownership write their own entries: their kind cannot be changed, nor another entry’s changed to one of them."));
      return FALSE;
    }

  g_object_set (action, "kind", kind, "text", stripped, NULL);

  if (!amends_store_begin (self, error))
    return FALSE;

  if (!amends_store_update (self, AMENDS_RECORD (action), error) ||
      (kind == AMENDS_ACTION_KIND_FOLLOW_UP && before != AMENDS_ACTION_KIND_FOLLOW_UP &&
       !settle_follow_up (self, amends_action_get_case_id (action), error)))
    {
      amends_store_rollback (self);
      return FALSE;
    }

  return amends_store_commit (self, error);
}
