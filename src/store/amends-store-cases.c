/* amends-store-cases.c: the work on a case, each step on its timeline
 *
 * Every function here changes a case and writes what happened on its
 * timeline in the same transaction, so the timeline never disagrees with
 * the case.  The texts written are in the language of the person at the
 * desk when they were written, like anything else they type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-cases"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-clock.h"
#include "amends-store-private.h"

/* Saves @kase and one timeline entry together; on failure @kase is read
 * back so that it shows what is really stored. */
static gboolean
save_with_entry (AmendsStore       *self,
                 AmendsCase        *kase,
                 AmendsActionKind   kind,
                 const char        *text,
                 GError           **error)
{
  g_autoptr(AmendsAction) action = NULL;

  if (!amends_store_begin (self, error))
    goto failed;

  if (!amends_store_update (self, AMENDS_RECORD (kase), error) ||
      !(action = amends_store_add_action (self, amends_record_get_id (AMENDS_RECORD (kase)),
                                          kind, text, error)))
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

static GDateTime *
now_of (AmendsStore *self)
{
  return amends_store_dup_now (self);
}

/* Adds the running pause to the paused total: used by resuming, and by
 * finishing a case whose clock was still paused. */
static void
end_pause (AmendsStore *self,
           AmendsCase  *kase)
{
  GDateTime *paused_at = amends_case_get_paused_at (kase);
  g_autoptr(GDateTime) now = now_of (self);
  gint64 paused;

  if (paused_at == NULL)
    return;

  paused = MAX (0, g_date_time_difference (now, paused_at) / G_TIME_SPAN_SECOND);
  g_object_set (kase,
                "paused-seconds", amends_case_get_paused_seconds (kase) + paused,
                "paused-at", NULL,
                "pause-reason", NULL,
                NULL);
}

static gboolean
has_fix (AmendsCase *kase)
{
  g_autofree char *fix = g_strdup (amends_case_get_fix (kase));

  return fix != NULL && *g_strstrip (fix) != '\0';
}

/**
 * amends_store_set_case_status:
 *
 * Moves a case on, recording the times that go with it: recovered sets
 * when it was recovered (and ends a pause), closed sets when it was
 * closed, and moving a finished case back to open or in recovery clears
 * both, so its clock runs again.
 */
gboolean
amends_store_set_case_status (AmendsStore       *self,
                              AmendsCase        *kase,
                              AmendsCaseStatus   status,
                              GError           **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  AmendsCaseStatus before;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_CASE (kase), FALSE);

  before = amends_case_get_status (kase);
  if (before == status)
    return TRUE;

  now = now_of (self);

  switch (status)
    {
    case AMENDS_CASE_STATUS_RECOVERED:
      /* The same rule for the editor, a batch and anything else. */
      if (!has_fix (kase))
        {
          g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED,
                       /* Translators: %s is a case's reference */
                       _("%s has no fix written down. A case is recovered once what went wrong is fixed: write down the fix first."),
                       amends_case_get_reference (kase));
          return FALSE;
        }
      end_pause (self, kase);
      if (amends_case_get_recovered_at (kase) == NULL)
        g_object_set (kase, "recovered-at", now, NULL);
      g_object_set (kase, "closed-at", NULL, NULL);
      break;

    case AMENDS_CASE_STATUS_CLOSED:
      return amends_store_close_case (self, kase, AMENDS_CLOSE_REASON_RECOVERED, error);

    case AMENDS_CASE_STATUS_OPEN:
    case AMENDS_CASE_STATUS_IN_RECOVERY:
    default:
      g_object_set (kase, "recovered-at", NULL, "closed-at", NULL, NULL);
      break;
    }

  amends_case_set_status (kase, status);

  if (before >= AMENDS_CASE_STATUS_RECOVERED && status < AMENDS_CASE_STATUS_RECOVERED)
    /* Translators: a timeline entry; %s is a status such as "In recovery" */
    text = g_strdup_printf (_("Reopened: %s"), amends_case_status_to_label (status));
  else
    /* Translators: a timeline entry; %s is a status such as "Recovered" */
    text = g_strdup_printf (_("Status: %s"), amends_case_status_to_label (status));

  return save_with_entry (self, kase, AMENDS_ACTION_KIND_STATUS_REPORT, text, error);
}

/**
 * amends_store_close_case:
 * @reason: why: %AMENDS_CLOSE_REASON_RECOVERED for a recovered case (the
 *   usual end), or one of the reasons a case is closed without a recovery
 *
 * Closes a case.  A case closed without a recovery records that and why;
 * "not a service breakdown" and "duplicate" leave it out of every measure.
 */
gboolean
amends_store_close_case (AmendsStore        *self,
                         AmendsCase         *kase,
                         AmendsCloseReason   reason,
                         GError            **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (reason != AMENDS_CLOSE_REASON_NONE, FALSE);

  if (reason == AMENDS_CLOSE_REASON_RECOVERED && !amends_case_is_recovered (kase))
    reason = AMENDS_CLOSE_REASON_NOT_RECOVERED;

  now = now_of (self);
  end_pause (self, kase);
  g_object_set (kase, "closed-at", now, "close-reason", reason, NULL);
  amends_case_set_status (kase, AMENDS_CASE_STATUS_CLOSED);

  if (reason == AMENDS_CLOSE_REASON_RECOVERED)
    /* Translators: a timeline entry; %s is a status such as "Closed" */
    text = g_strdup_printf (_("Status: %s"), amends_case_status_to_label (AMENDS_CASE_STATUS_CLOSED));
  else
    /* Translators: a timeline entry; %s is why, as in "Not a service breakdown" */
    text = g_strdup_printf (_("Closed: %s"), amends_close_reason_to_label (reason));

  return save_with_entry (self, kase, AMENDS_ACTION_KIND_STATUS_REPORT, text, error);
}

/**
 * amends_store_take_ownership:
 * @staff_id: the new owner, or 0 to leave the case unowned
 */
gboolean
amends_store_take_ownership (AmendsStore  *self,
                             AmendsCase   *kase,
                             gint64        staff_id,
                             GError      **error)
{
  g_autoptr(AmendsStaff) staff = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_CASE (kase), FALSE);

  if (amends_case_get_owner_id (kase) == staff_id)
    return TRUE;

  if (staff_id > 0)
    {
      if (!(staff = amends_store_load (self, AMENDS_TYPE_STAFF, staff_id, error)))
        return FALSE;
      /* Translators: a timeline entry; %s is a person's name */
      text = g_strdup_printf (_("%s took ownership"), amends_staff_get_name (staff));
    }
  else
    text = g_strdup (_("Left without an owner"));

  amends_case_set_owner_id (kase, staff_id);

  /* Its own kind: who answers for a case is not a report on it. */
  return save_with_entry (self, kase, AMENDS_ACTION_KIND_OWNERSHIP, text, error);
}

/**
 * amends_store_pause_clock:
 * @reason: why, in the words of the person at the desk ("out until tonight")
 *
 * Stops the recovery clock while the case waits on the customer; the time
 * it stays paused does not count against the target.
 */
gboolean
amends_store_pause_clock (AmendsStore  *self,
                          AmendsCase   *kase,
                          const char   *reason,
                          GError      **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_CASE (kase), FALSE);

  if (!amends_case_is_active (kase))
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("Only the clock of a case still being recovered can be paused."));
      return FALSE;
    }

  if (amends_case_get_paused_at (kase) != NULL)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("The clock is already paused."));
      return FALSE;
    }

  /* Pausing is for waiting on the customer while there is still time;
   * once the time is gone, a pause would only hide that it was missed. */
  now = now_of (self);
  if (amends_clock_get_remaining (kase, now) < 0)
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED,
                   /* Translators: %s is a case's reference */
                   _("The clock of %s cannot be paused: it is already past its due time, and a pause would hide that."),
                   amends_case_get_reference (kase));
      return FALSE;
    }

  if (reason == NULL || *reason == '\0')
    reason = _("Waiting on the customer");

  g_object_set (kase, "paused-at", now, "pause-reason", reason, NULL);

  return save_with_entry (self, kase, AMENDS_ACTION_KIND_PAUSE, reason, error);
}

gboolean
amends_store_resume_clock (AmendsStore  *self,
                           AmendsCase   *kase,
                           GError      **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *span = NULL;
  g_autofree char *text = NULL;
  GDateTime *paused_at;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_CASE (kase), FALSE);

  paused_at = amends_case_get_paused_at (kase);
  if (paused_at == NULL)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("The clock is not paused."));
      return FALSE;
    }

  now = now_of (self);
  span = amends_clock_format_span (g_date_time_difference (now, paused_at));
  /* Translators: a timeline entry; %s is a duration such as "3 h" */
  text = g_strdup_printf (_("Clock resumed after %s"), span);
  end_pause (self, kase);

  return save_with_entry (self, kase, AMENDS_ACTION_KIND_RESUME, text, error);
}
