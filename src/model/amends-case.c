/* amends-case.c: one service breakdown and its recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case"

#include "config.h"

#include "amends-case.h"

#include <glib/gi18n.h>

#include "amends-enum-types.h"

struct _AmendsCase
{
  AmendsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmendsCase, amends_case, AMENDS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_REFERENCE,
  PROP_SUMMARY,
  PROP_DESCRIPTION,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_CATEGORY,
  PROP_SEVERITY,
  PROP_CHANNEL,
  PROP_NOTICED_BY,
  PROP_OCCURRED_AT,
  PROP_LOGGED_AT,
  PROP_LOGGED_BY_ID,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_TEAM,
  PROP_STATUS,
  PROP_RECOVERY_DUE_AT,
  PROP_RECOVERED_AT,
  PROP_CLOSED_AT,
  PROP_CLOSE_REASON,
  PROP_PAUSED_AT,
  PROP_PAUSED_SECONDS,
  PROP_PAUSE_REASON,
  PROP_FIX,
  PROP_SURPRISE,
  PROP_SURPRISE_COST_CENTS,
  PROP_RULE_BENT,
  PROP_BENT_RULE,
  PROP_BENT_RULE_WHY,
  PROP_RATER_FAILED,
  PROP_RATER_SHOWN,
  PROP_REACTION,
  PROP_CAME_BACK,
  PROP_LESSON,
  PROP_FOLLOW_UP_DUE_AT,
  PROP_DELETED_AT,
  PROP_TIMELINE_DRAFT,
  PROP_TARGET_SECONDS,
  PROP_LESSON_CAUSE,
  PROP_PROCESS_CHANGED,
  PROP_ROOM,
  PROP_ARRIVAL_AT,
  PROP_DEPARTURE_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define FIELD_FLAGS AMENDS_RECORD_FIELD_FLAGS

static void
amends_case_class_init (AmendsCaseClass *klass)
{
  properties [PROP_REFERENCE] = amends_record_string_field ("reference");
  properties [PROP_SUMMARY] = amends_record_string_field ("summary");
  properties [PROP_DESCRIPTION] = amends_record_string_field ("description");
  properties [PROP_CUSTOMER_ID] = amends_record_id_field ("customer-id");
  properties [PROP_CUSTOMER_NAME] = amends_record_string_field ("customer-name");
  properties [PROP_CATEGORY] = amends_record_string_field ("category");
  properties [PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       AMENDS_TYPE_SEVERITY, AMENDS_SEVERITY_MODERATE, FIELD_FLAGS);
  properties [PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       AMENDS_TYPE_CHANNEL, AMENDS_CHANNEL_IN_PERSON, FIELD_FLAGS);
  properties [PROP_NOTICED_BY] =
    g_param_spec_enum ("noticed-by", NULL, NULL,
                       AMENDS_TYPE_NOTICED_BY, AMENDS_NOTICED_BY_CUSTOMER, FIELD_FLAGS);
  properties [PROP_OCCURRED_AT] = amends_record_time_field ("occurred-at");
  properties [PROP_LOGGED_AT] = amends_record_time_field ("logged-at");
  properties [PROP_LOGGED_BY_ID] = amends_record_id_field ("logged-by-id");
  properties [PROP_OWNER_ID] = amends_record_id_field ("owner-id");
  properties [PROP_OWNER_NAME] = amends_record_string_field ("owner-name");
  properties [PROP_TEAM] = amends_record_string_field ("team");
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       AMENDS_TYPE_CASE_STATUS, AMENDS_CASE_STATUS_OPEN, FIELD_FLAGS);
  properties [PROP_RECOVERY_DUE_AT] = amends_record_time_field ("recovery-due-at");
  properties [PROP_RECOVERED_AT] = amends_record_time_field ("recovered-at");
  properties [PROP_CLOSED_AT] = amends_record_time_field ("closed-at");
  properties [PROP_CLOSE_REASON] =
    g_param_spec_enum ("close-reason", NULL, NULL,
                       AMENDS_TYPE_CLOSE_REASON, AMENDS_CLOSE_REASON_NONE, FIELD_FLAGS);
  properties [PROP_PAUSED_AT] = amends_record_time_field ("paused-at");
  properties [PROP_PAUSED_SECONDS] =
    g_param_spec_int64 ("paused-seconds", NULL, NULL, 0, G_MAXINT64, 0, FIELD_FLAGS);
  properties [PROP_PAUSE_REASON] = amends_record_string_field ("pause-reason");
  properties [PROP_FIX] = amends_record_string_field ("fix");
  properties [PROP_SURPRISE] = amends_record_string_field ("surprise");
  /* Money in the currency's minor unit, so that sums are exact. */
  properties [PROP_SURPRISE_COST_CENTS] =
    g_param_spec_int64 ("surprise-cost-cents", NULL, NULL, 0, G_MAXINT64, 0, FIELD_FLAGS);
  properties [PROP_RULE_BENT] =
    g_param_spec_boolean ("rule-bent", NULL, NULL, FALSE, FIELD_FLAGS);
  properties [PROP_BENT_RULE] = amends_record_string_field ("bent-rule");
  properties [PROP_BENT_RULE_WHY] = amends_record_string_field ("bent-rule-why");
  properties [PROP_RATER_FAILED] =
    g_param_spec_flags ("rater-failed", NULL, NULL,
                        AMENDS_TYPE_RATER, AMENDS_RATER_NONE, FIELD_FLAGS);
  properties [PROP_RATER_SHOWN] =
    g_param_spec_flags ("rater-shown", NULL, NULL,
                        AMENDS_TYPE_RATER, AMENDS_RATER_NONE, FIELD_FLAGS);
  properties [PROP_REACTION] =
    g_param_spec_enum ("reaction", NULL, NULL,
                       AMENDS_TYPE_REACTION, AMENDS_REACTION_UNKNOWN, FIELD_FLAGS);
  properties [PROP_CAME_BACK] =
    g_param_spec_enum ("came-back", NULL, NULL,
                       AMENDS_TYPE_CAME_BACK, AMENDS_CAME_BACK_UNKNOWN, FIELD_FLAGS);
  properties [PROP_LESSON] = amends_record_string_field ("lesson");
  properties [PROP_FOLLOW_UP_DUE_AT] = amends_record_time_field ("follow-up-due-at");
  properties [PROP_DELETED_AT] = amends_record_time_field ("deleted-at");
  /* An entry being written on the timeline and not added yet: kept like
   * any field that is typed, and not in the audit log. */
  properties [PROP_TIMELINE_DRAFT] = amends_record_string_field ("timeline-draft");
  /* The recovery target in force when the case was logged, in seconds
   * (counted in office hours when its category said so); 0, stored as
   * NULL, on cases logged before targets were kept. */
  properties [PROP_TARGET_SECONDS] =
    g_param_spec_int64 ("target-seconds", NULL, NULL, 0, G_MAXINT64, 0, FIELD_FLAGS);
  /* What caused the breakdown, from the causes the site keeps, and
   * whether the process was changed so that it does not happen again:
   * the lesson put to work ("problem solving", seeds/004). */
  properties [PROP_LESSON_CAUSE] = amends_record_string_field ("lesson-cause");
  properties [PROP_PROCESS_CHANGED] =
    g_param_spec_boolean ("process-changed", NULL, NULL, FALSE, FIELD_FLAGS);
  /* The guest's stay, all optional: a clinic or a shop leaves them unset. */
  properties [PROP_ROOM] = amends_record_string_field ("room");
  properties [PROP_ARRIVAL_AT] = amends_record_time_field ("arrival-at");
  properties [PROP_DEPARTURE_AT] = amends_record_time_field ("departure-at");

  amends_record_field_set_derived (properties [PROP_CUSTOMER_NAME]);
  amends_record_field_set_derived (properties [PROP_OWNER_NAME]);

  amends_record_class_install_fields (AMENDS_RECORD_CLASS (klass), "cases",
                                      N_PROPS, properties);
}

static void
amends_case_init (AmendsCase *self)
{
}

AmendsCase *
amends_case_new (void)
{
  return g_object_new (AMENDS_TYPE_CASE, NULL);
}

#define GETTER(ret, name, kind, PROP) \
  ret amends_case_get_##name (AmendsCase *self) \
  { \
    g_return_val_if_fail (AMENDS_IS_CASE (self), 0); \
    return (ret) amends_record_get_##kind (AMENDS_RECORD (self), properties [PROP]); \
  }

GETTER (const char *, reference, string, PROP_REFERENCE)
GETTER (const char *, summary, string, PROP_SUMMARY)
GETTER (const char *, customer_name, string, PROP_CUSTOMER_NAME)
GETTER (gint64, customer_id, int64, PROP_CUSTOMER_ID)
GETTER (const char *, category, string, PROP_CATEGORY)
GETTER (gint64, owner_id, int64, PROP_OWNER_ID)
GETTER (const char *, owner_name, string, PROP_OWNER_NAME)
GETTER (AmendsCaseStatus, status, enum, PROP_STATUS)
GETTER (AmendsSeverity, severity, enum, PROP_SEVERITY)
GETTER (AmendsNoticedBy, noticed_by, enum, PROP_NOTICED_BY)
GETTER (GDateTime *, occurred_at, date_time, PROP_OCCURRED_AT)
GETTER (GDateTime *, logged_at, date_time, PROP_LOGGED_AT)
GETTER (GDateTime *, recovery_due_at, date_time, PROP_RECOVERY_DUE_AT)
GETTER (GDateTime *, recovered_at, date_time, PROP_RECOVERED_AT)
GETTER (GDateTime *, closed_at, date_time, PROP_CLOSED_AT)
GETTER (AmendsCloseReason, close_reason, enum, PROP_CLOSE_REASON)
GETTER (const char *, fix, string, PROP_FIX)
GETTER (GDateTime *, paused_at, date_time, PROP_PAUSED_AT)
GETTER (gint64, paused_seconds, int64, PROP_PAUSED_SECONDS)
GETTER (GDateTime *, follow_up_due_at, date_time, PROP_FOLLOW_UP_DUE_AT)
GETTER (GDateTime *, deleted_at, date_time, PROP_DELETED_AT)
GETTER (gint64, target_seconds, int64, PROP_TARGET_SECONDS)
GETTER (const char *, lesson_cause, string, PROP_LESSON_CAUSE)
GETTER (gboolean, process_changed, boolean, PROP_PROCESS_CHANGED)
GETTER (const char *, room, string, PROP_ROOM)
GETTER (GDateTime *, arrival_at, date_time, PROP_ARRIVAL_AT)
GETTER (GDateTime *, departure_at, date_time, PROP_DEPARTURE_AT)

#undef GETTER

void
amends_case_set_summary (AmendsCase *self,
                         const char *summary)
{
  g_return_if_fail (AMENDS_IS_CASE (self));
  g_object_set (self, "summary", summary, NULL);
}

void
amends_case_set_owner_id (AmendsCase *self,
                          gint64      owner_id)
{
  g_return_if_fail (AMENDS_IS_CASE (self));
  g_object_set (self, "owner-id", owner_id, NULL);
}

void
amends_case_set_status (AmendsCase       *self,
                        AmendsCaseStatus  status)
{
  g_return_if_fail (AMENDS_IS_CASE (self));
  g_object_set (self, "status", status, NULL);
}

void
amends_case_set_occurred_at (AmendsCase *self,
                             GDateTime  *occurred_at)
{
  g_return_if_fail (AMENDS_IS_CASE (self));
  g_object_set (self, "occurred-at", occurred_at, NULL);
}

/* A recovery is a fix that was made: recovered, with the fix written
 * down.  A case closed without one is not a recovery, whatever its
 * status says. */
gboolean
amends_case_is_recovered (AmendsCase *self)
{
  const char *fix = amends_case_get_fix (self);

  if (amends_case_get_recovered_at (self) == NULL || fix == NULL)
    return FALSE;

  for (; *fix != '\0'; fix = g_utf8_next_char (fix))
    if (!g_unichar_isspace (g_utf8_get_char (fix)))
      return TRUE;

  return FALSE;
}

/* Open or in recovery: the clock still matters. */
gboolean
amends_case_is_active (AmendsCase *self)
{
  AmendsCaseStatus status = amends_case_get_status (self);

  return status == AMENDS_CASE_STATUS_OPEN ||
         status == AMENDS_CASE_STATUS_IN_RECOVERY;
}

static void
append_part (GString    *draft,
             const char *heading,
             const char *text)
{
  if (draft->len > 0)
    g_string_append (draft, "\n\n");
  g_string_append (draft, heading);
  g_string_append_c (draft, '\n');
  if (text != NULL)
    g_string_append (draft, text);
}

/**
 * amends_case_dup_story_draft:
 *
 * The beginning of a recovery story about this case: what happened, what
 * was done, what the customer did not expect and the lesson, under the
 * same four headings as the hint above a story's text, for the writer to
 * turn into sentences.
 *
 * Returns: (transfer full): the draft
 */
char *
amends_case_dup_story_draft (AmendsCase *self)
{
  g_autoptr(GString) draft = g_string_new (NULL);
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *fix = NULL;
  g_autofree char *surprise = NULL;
  g_autofree char *lesson = NULL;
  g_autofree char *happened = NULL;

  g_return_val_if_fail (AMENDS_IS_CASE (self), NULL);

  g_object_get (self,
                "summary", &summary,
                "description", &description,
                "fix", &fix,
                "surprise", &surprise,
                "lesson", &lesson,
                NULL);

  if (summary != NULL && description != NULL && *description != '\0')
    happened = g_strdup_printf ("%s. %s", summary, description);
  else
    happened = g_strdup (summary);

  append_part (draft, _("What happened"), happened);
  append_part (draft, _("What we did"), fix);
  append_part (draft, _("What the customer did not expect"), surprise);
  append_part (draft, _("The lesson"), lesson);

  return g_string_free (g_steal_pointer (&draft), FALSE);
}
