/* amends-store-defaults.c: a record's checks and defaults before it is saved
 *
 * What a record must have (a case its summary, a customer a name), and
 * what the store fills in when it is missing: a case's reference, its
 * logged and due times, the reason it was closed.  The same for one
 * record (amends-store-records.c, amends-store-update.c) or many (the
 * bulk insert of amends-store-import.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-defaults"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "amends-store-private.h"
#include "amends-store-targets.h"

static gboolean
require_text (AmendsRecord  *record,
              const char    *property,
              const char    *message,
              GError       **error)
{
  g_autofree char *text = NULL;

  g_object_get (record, property, &text, NULL);
  if (text == NULL || *g_strstrip (text) == '\0')
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  return TRUE;
}

gboolean
amends_store_validate_record (AmendsRecord  *record,
                              GError       **error)
{
  if (AMENDS_IS_CASE (record))
    return require_text (record, "summary", _("Say in a few words what went wrong."), error);
  if (AMENDS_IS_CUSTOMER (record))
    return require_text (record, "name", _("A customer needs a name."), error);
  if (AMENDS_IS_STAFF (record))
    return require_text (record, "name", _("A member of staff needs a name."), error);
  return TRUE;
}

static GDateTime *
date_time_from_unix (gint64 t)
{
  return amends_store_local_time (t);
}

/* Allocates the next readable reference for the year the case was logged
 * in, e.g. C-2026-00042, inside the caller's transaction. */
static char *
next_reference (AmendsStore  *self,
                GDateTime    *logged_at,
                GError      **error)
{
  /* The table named: a bare "last" is ambiguous to PostgreSQL, which
   * also sees excluded.last there. */
  static const char sql[] =
    "INSERT INTO reference_counters (year, last) VALUES (?1, 1) "
    "ON CONFLICT (year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);
  int year = g_date_time_get_year (logged_at);

  if (stmt == NULL)
    return NULL;

  /* RETURNING gives the row whether it inserts or updates. */
  amends_stmt_bind_int64 (stmt, 1, year);
  if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return NULL;

  return g_strdup_printf ("C-%04d-%05" G_GINT64_FORMAT, year, amends_stmt_column_int64 (stmt, 0));
}

/* A case that comes with a reference of ours (an import) moves its year's
 * counter past it, so the reference is never handed out again.  @noted,
 * when given, is each year's highest number noted so far in the
 * transaction: an import of 100,000 of our own rows need not write the
 * counter for each. */
static gboolean
note_given_reference (AmendsStore  *self,
                      const char   *reference,
                      GHashTable   *noted,
                      GError      **error)
{
  const char *sql = amends_sql_pick (&amends_sql_counter_raise, amends_store_get_engine (self));
  g_autoptr(AmendsStmt) stmt = NULL;
  int year = 0, number = 0;
  char end = 0;

  if (sscanf (reference, "C-%4d-%d%c", &year, &number, &end) != 2 || number <= 0)
    return TRUE;

  if (noted != NULL)
    {
      if (GPOINTER_TO_INT (g_hash_table_lookup (noted, GINT_TO_POINTER (year))) >= number)
        return TRUE;
      g_hash_table_insert (noted, GINT_TO_POINTER (year), GINT_TO_POINTER (number));
    }

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, year);
  amends_stmt_bind_int64 (stmt, 2, number);

  return amends_stmt_execute (stmt, error);
}

/* A closed case says why it was closed, and only a closed case does: one
 * closed with no reason given was recovered, or closed without a
 * recovery, as its fix and recovery time say. */
void
amends_store_settle_close_reason (AmendsCase *kase)
{
  AmendsCloseReason reason = amends_case_get_close_reason (kase);
  AmendsCloseReason settled = reason;

  if (amends_case_get_status (kase) != AMENDS_CASE_STATUS_CLOSED)
    settled = AMENDS_CLOSE_REASON_NONE;
  else if (reason == AMENDS_CLOSE_REASON_NONE || reason == AMENDS_CLOSE_REASON_RECOVERED ||
           reason == AMENDS_CLOSE_REASON_NOT_RECOVERED)
    settled = amends_case_is_recovered (kase) ? AMENDS_CLOSE_REASON_RECOVERED
                                              : AMENDS_CLOSE_REASON_NOT_RECOVERED;

  if (settled != reason)
    g_object_set (kase, "close-reason", settled, NULL);
}

/* The due time follows the facts: correcting when the breakdown happened
 * moves the due time with it, so the target stays what it was.  Unless
 * the same change sets the due time itself. */
void
amends_store_follow_occurred_at (AmendsCase *kase,
                                 AmendsCase *stored)
{
  GDateTime *occurred = amends_case_get_occurred_at (kase);
  GDateTime *was = amends_case_get_occurred_at (stored);
  GDateTime *due = amends_case_get_recovery_due_at (kase);
  GDateTime *stored_due = amends_case_get_recovery_due_at (stored);
  g_autoptr(GDateTime) moved = NULL;

  if (occurred == NULL || was == NULL || due == NULL || stored_due == NULL ||
      g_date_time_equal (occurred, was) || !g_date_time_equal (due, stored_due))
    return;

  moved = g_date_time_add (due, g_date_time_difference (occurred, was));
  g_object_set (kase, "recovery-due-at", moved, NULL);
}

static gboolean
fill_case_defaults (AmendsStore  *self,
                    AmendsCase   *kase,
                    GHashTable   *noted,
                    GError      **error)
{
  g_autoptr(GDateTime) now = date_time_from_unix (amends_store_now (self));
  GDateTime *logged_at = amends_case_get_logged_at (kase);
  GDateTime *occurred_at;

  if (logged_at == NULL)
    {
      g_object_set (kase, "logged-at", now, NULL);
      logged_at = now;
    }

  if (amends_case_get_occurred_at (kase) == NULL)
    amends_case_set_occurred_at (kase, logged_at);
  occurred_at = amends_case_get_occurred_at (kase);

  /* The target in force now is kept on the case with the due time it
   * gives (amends-store-targets.c).  A case that comes with its due time
   * (an import) keeps it, and its target reads as due less happened. */
  if (amends_case_get_recovery_due_at (kase) == NULL)
    {
      g_autoptr(GDateTime) due = NULL;
      gint64 target = 0;

      due = amends_store_compute_due (self, amends_case_get_category (kase),
                                      amends_case_get_severity (kase), occurred_at,
                                      &target, error);
      if (due == NULL)
        return FALSE;
      g_object_set (kase, "recovery-due-at", due, "target-seconds", target, NULL);
    }

  if (amends_case_get_reference (kase) == NULL)
    {
      g_autofree char *reference = next_reference (self, logged_at, error);
      if (reference == NULL)
        return FALSE;
      g_object_set (kase, "reference", reference, NULL);
    }
  else if (!note_given_reference (self, amends_case_get_reference (kase), noted, error))
    return FALSE;

  amends_store_settle_close_reason (kase);

  if (self->actor_id > 0)
    {
      gint64 logged_by = 0;
      g_object_get (kase, "logged-by-id", &logged_by, NULL);
      if (logged_by == 0)
        g_object_set (kase, "logged-by-id", self->actor_id, NULL);
    }

  return TRUE;
}

/* @noted: (nullable): see note_given_reference() */
gboolean
amends_store_fill_defaults (AmendsStore   *self,
                            AmendsRecord  *record,
                            GHashTable    *noted,
                            GError       **error)
{
  g_autoptr(GDateTime) now = NULL;

  if (AMENDS_IS_CASE (record))
    return fill_case_defaults (self, AMENDS_CASE (record), noted, error);

  now = date_time_from_unix (amends_store_now (self));

  if (AMENDS_IS_ACTION (record))
    {
      if (amends_action_get_done_at (AMENDS_ACTION (record)) == NULL)
        g_object_set (record, "done-at", now, NULL);
      if (amends_action_get_staff_id (AMENDS_ACTION (record)) == 0 && self->actor_id > 0)
        g_object_set (record, "staff-id", self->actor_id, NULL);
    }
  else if (AMENDS_IS_CUSTOMER (record) || AMENDS_IS_STORY (record))
    {
      GDateTime *created_at = NULL;
      g_object_get (record, "created-at", &created_at, NULL);
      if (created_at == NULL)
        g_object_set (record, "created-at", now, NULL);
      g_clear_pointer (&created_at, g_date_time_unref);
    }

  return TRUE;
}
