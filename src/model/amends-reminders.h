/* amends-reminders.h: which reminders are due, and when to look again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmendsReminderKind:
 * @AMENDS_REMINDER_DUE_SOON: the clock runs out within the lead time
 * @AMENDS_REMINDER_OVERDUE: the clock has just run out
 * @AMENDS_REMINDER_FOLLOW_UP: a recovered case's follow-up is due
 * @AMENDS_REMINDER_UNOWNED: an open case nobody owns, logged a while ago
 * @AMENDS_REMINDER_ESCALATED: overdue by more than the escalation time:
 *   for the team lead
 *
 * Flags, so that the kinds switched on fit in one mask.
 */
typedef enum
{
  AMENDS_REMINDER_DUE_SOON  = 1 << 0,
  AMENDS_REMINDER_OVERDUE   = 1 << 1,
  AMENDS_REMINDER_FOLLOW_UP = 1 << 2,
  AMENDS_REMINDER_UNOWNED   = 1 << 3,
  AMENDS_REMINDER_ESCALATED = 1 << 4,
} AmendsReminderKind;

#define AMENDS_REMINDER_ALL 0x1f

/* What the reminders need of one case: a row of the store's query
 * (amends-store-reminders.c), without the record. */
typedef struct
{
  gint64    id;
  char     *reference;
  char     *summary;
  gint64    owner_id;      /* 0: nobody */
  gint64    logged_at;
  gboolean  open;          /* open or in recovery */
  gint64    due_at;        /* while the clock runs (paused time added); 0 when paused or finished */
  gint64    follow_up_at;  /* a recovered case's follow-up; 0 when none */
} AmendsReminderCase;

typedef struct
{
  guint   kinds;               /* the AmendsReminderKind switched on */
  gint64  lead_seconds;        /* "due soon" this long before the due time */
  gint64  unowned_seconds;     /* "unowned" once logged this long ago */
  gint64  escalation_seconds;  /* escalated when overdue by more than this */
  gint64  look_back_seconds;   /* a moment older than this is history, not news */
  gint64  desk_staff_id;       /* who is at the desk; 0: nobody said */
  gboolean desk_is_lead;       /* ...and whether they are a team lead */
} AmendsReminderRules;

#define AMENDS_REMINDER_LOOK_BACK (24 * 60 * 60)
#define AMENDS_REMINDER_UNOWNED_AFTER (15 * 60)

typedef struct
{
  gint64              case_id;
  AmendsReminderKind  kind;
  gint64              at;      /* the moment it became due */
} AmendsReminder;

void     amends_reminder_case_clear   (AmendsReminderCase        *kase);
gint64   amends_reminder_get_moment   (const AmendsReminderCase  *kase,
                                       const AmendsReminderRules *rules,
                                       AmendsReminderKind         kind);
gboolean amends_reminder_is_for_desk  (const AmendsReminderCase  *kase,
                                       const AmendsReminderRules *rules,
                                       AmendsReminderKind         kind);
gboolean amends_reminder_is_settled   (const AmendsReminderCase  *kase,
                                       AmendsReminderKind         kind);
char    *amends_reminder_key          (gint64                     case_id,
                                       AmendsReminderKind         kind);
GArray  *amends_reminders_plan        (const AmendsReminderCase  *cases,
                                       guint                      n_cases,
                                       const AmendsReminderRules *rules,
                                       gint64                     now,
                                       GHashTable                *sent,
                                       gint64                    *next_wake);

G_END_DECLS
