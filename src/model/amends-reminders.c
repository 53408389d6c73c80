/* amends-reminders.c: which reminders are due, and when to look again
 *
 * Every reminder is a moment in a case's life: the lead time before its
 * due time, just past the due time, past it by more than the escalation
 * time, its follow-up, a quarter of an hour unowned.  At any "now" the
 * ones whose moment has come, that were not sent yet and are not stale
 * (older than the look-back, or a "due soon" whose case is overdue by
 * now) are sent; the earliest moment still to come is when to look
 * again.  One timer, then, armed for that moment, and no polling.
 *
 * Pure arithmetic on the cases the store read, so that the tests can
 * say by hand what fires at a given now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-reminders"

#include "config.h"

#include "amends-reminders.h"

#define NEVER G_MAXINT64

void
amends_reminder_case_clear (AmendsReminderCase *kase)
{
  g_clear_pointer (&kase->reference, g_free);
  g_clear_pointer (&kase->summary, g_free);
}

/**
 * amends_reminder_get_moment:
 *
 * Returns: when @kind becomes due for @kase, in Unix seconds, or
 *   %G_MAXINT64 when it never does as the case stands.  Overdue follows
 *   the clock's rule: exactly at the due time is not overdue yet, so it
 *   is a second later; escalated is "overdue by more than" the
 *   escalation time, as the "Needs a Lead" filter says.
 */
gint64
amends_reminder_get_moment (const AmendsReminderCase  *kase,
                            const AmendsReminderRules *rules,
                            AmendsReminderKind         kind)
{
  gboolean running = kase->open && kase->due_at > 0;

  switch (kind)
    {
    case AMENDS_REMINDER_DUE_SOON:
      return running ? kase->due_at - rules->lead_seconds : NEVER;
    case AMENDS_REMINDER_OVERDUE:
      return running ? kase->due_at + 1 : NEVER;
    case AMENDS_REMINDER_ESCALATED:
      return running ? kase->due_at + rules->escalation_seconds + 1 : NEVER;
    case AMENDS_REMINDER_FOLLOW_UP:
      return !kase->open && kase->follow_up_at > 0 ? kase->follow_up_at : NEVER;
    case AMENDS_REMINDER_UNOWNED:
      return kase->open && kase->owner_id == 0 ? kase->logged_at + rules->unowned_seconds : NEVER;
    default:
      g_return_val_if_reached (NEVER);
    }
}

/* The last moment a reminder is still news. */
static gint64
get_end (const AmendsReminderCase  *kase,
         const AmendsReminderRules *rules,
         AmendsReminderKind         kind,
         gint64                     moment)
{
  /* "Due soon" of a case that is overdue now would be wrong: the
   * overdue reminder says it. */
  if (kind == AMENDS_REMINDER_DUE_SOON)
    return kase->due_at;

  return moment + rules->look_back_seconds;
}

/**
 * amends_reminder_is_for_desk:
 *
 * Returns: whether this desk hears of @kind on @kase.  A case owned by
 *   someone other than the person at the desk is theirs, and is told on
 *   their desk; a case nobody owns is everyone's; an escalation is the
 *   lead's alone.  With nobody at the desk, the desk hears of every case.
 */
gboolean
amends_reminder_is_for_desk (const AmendsReminderCase  *kase,
                             const AmendsReminderRules *rules,
                             AmendsReminderKind         kind)
{
  if (kind == AMENDS_REMINDER_ESCALATED)
    return rules->desk_is_lead;

  if (kind == AMENDS_REMINDER_UNOWNED)
    return TRUE;

  return kase->owner_id == 0 ||
         rules->desk_staff_id <= 0 ||
         kase->owner_id == rules->desk_staff_id;
}

/**
 * amends_reminder_is_settled:
 * @kase: (nullable): the case as read now; %NULL when the read no longer
 *   has it: trashed, closed, or its clock paused (the due time moves when
 *   it runs again, so what was said of it no longer holds)
 *
 * Returns: whether a reminder of @kind sent for the case no longer has
 *   anything to ask: the case is gone from the read, was recovered or
 *   closed, someone took it (for "unowned"), or its follow-up was
 *   cleared.  Its notification is withdrawn then.
 */
gboolean
amends_reminder_is_settled (const AmendsReminderCase *kase,
                            AmendsReminderKind        kind)
{
  if (kase == NULL)
    return TRUE;

  switch (kind)
    {
    case AMENDS_REMINDER_DUE_SOON:
    case AMENDS_REMINDER_OVERDUE:
    case AMENDS_REMINDER_ESCALATED:
      return !kase->open;
    case AMENDS_REMINDER_UNOWNED:
      return !kase->open || kase->owner_id != 0;
    case AMENDS_REMINDER_FOLLOW_UP:
      return kase->open || kase->follow_up_at == 0;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * amends_reminder_key:
 *
 * Returns: (transfer full): the name of @kind on @case_id in the set of
 *   reminders sent, such as "42-overdue"
 */
char *
amends_reminder_key (gint64             case_id,
                     AmendsReminderKind kind)
{
  const char *name;

  switch (kind)
    {
    case AMENDS_REMINDER_DUE_SOON:  name = "due-soon"; break;
    case AMENDS_REMINDER_OVERDUE:   name = "overdue"; break;
    case AMENDS_REMINDER_FOLLOW_UP: name = "follow-up"; break;
    case AMENDS_REMINDER_UNOWNED:   name = "unowned"; break;
    case AMENDS_REMINDER_ESCALATED: name = "escalated"; break;
    default: g_return_val_if_reached (NULL);
    }

  return g_strdup_printf ("%" G_GINT64_FORMAT "-%s", case_id, name);
}

/**
 * amends_reminders_plan:
 * @sent: (nullable): keys of amends_reminder_key() already sent; not changed
 * @next_wake: (out): the earliest moment still to come among @cases, or
 *   %G_MAXINT64 when nothing is to come
 *
 * Returns: (transfer full) (element-type AmendsReminder): the reminders
 *   due at @now and not sent, in the order of @cases, each case's kinds in
 *   the order of the enumeration
 */
GArray *
amends_reminders_plan (const AmendsReminderCase  *cases,
                       guint                      n_cases,
                       const AmendsReminderRules *rules,
                       gint64                     now,
                       GHashTable                *sent,
                       gint64                    *next_wake)
{
  GArray *due = g_array_new (FALSE, FALSE, sizeof (AmendsReminder));
  gint64 next = NEVER;

  for (guint i = 0; i < n_cases; i++)
    {
      const AmendsReminderCase *kase = &cases[i];

      for (guint kind = AMENDS_REMINDER_DUE_SOON; kind <= AMENDS_REMINDER_ESCALATED; kind <<= 1)
        {
          gint64 moment;

          if (!(rules->kinds & kind) || !amends_reminder_is_for_desk (kase, rules, kind))
            continue;

          moment = amends_reminder_get_moment (kase, rules, kind);
          if (moment == NEVER)
            continue;

          if (moment > now)
            next = MIN (next, moment);
          else if (now <= get_end (kase, rules, kind, moment))
            {
              g_autofree char *key = amends_reminder_key (kase->id, kind);

              if (sent == NULL || !g_hash_table_contains (sent, key))
                {
                  AmendsReminder reminder = { kase->id, kind, moment };
                  g_array_append_val (due, reminder);
                }
            }
        }
    }

  if (next_wake != NULL)
    *next_wake = next;

  return due;
}
