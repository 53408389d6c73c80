/* amends-enums.h: the enumerations of the domain, each with a label a person reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  AMENDS_CASE_STATUS_OPEN,
  AMENDS_CASE_STATUS_IN_RECOVERY,
  AMENDS_CASE_STATUS_RECOVERED,
  AMENDS_CASE_STATUS_CLOSED,
} AmendsCaseStatus;

/* Why a case was closed.  A case closed without a recovery says so; one
 * that was not a service breakdown, or the same as another case, is left
 * out of every measure. */
typedef enum
{
  AMENDS_CLOSE_REASON_NONE,            /* not closed */
  AMENDS_CLOSE_REASON_RECOVERED,       /* closed after its recovery */
  AMENDS_CLOSE_REASON_NOT_RECOVERED,   /* closed without a recovery */
  AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN, /* not a service breakdown */
  AMENDS_CLOSE_REASON_DUPLICATE,       /* the same as another case */
} AmendsCloseReason;

typedef enum
{
  AMENDS_SEVERITY_MINOR,
  AMENDS_SEVERITY_MODERATE,
  AMENDS_SEVERITY_MAJOR,
  AMENDS_SEVERITY_COLOSSAL,
} AmendsSeverity;

typedef enum
{
  AMENDS_CHANNEL_IN_PERSON,
  AMENDS_CHANNEL_PHONE,
  AMENDS_CHANNEL_EMAIL,
  AMENDS_CHANNEL_CHAT,
  AMENDS_CHANNEL_SOCIAL,
  AMENDS_CHANNEL_SURVEY,
} AmendsChannel;

typedef enum
{
  AMENDS_NOTICED_BY_CUSTOMER,
  AMENDS_NOTICED_BY_STAFF,
} AmendsNoticedBy;

typedef enum
{
  AMENDS_REACTION_UNKNOWN,
  AMENDS_REACTION_BLOWN_AWAY,
  AMENDS_REACTION_SATISFIED,
  AMENDS_REACTION_NEUTRAL,
  AMENDS_REACTION_STILL_UNHAPPY,
} AmendsReaction;

typedef enum
{
  AMENDS_CAME_BACK_UNKNOWN,
  AMENDS_CAME_BACK_YES,
  AMENDS_CAME_BACK_NO,
} AmendsCameBack;

typedef enum
{
  AMENDS_ACTION_KIND_CONTACT,
  AMENDS_ACTION_KIND_APOLOGY,
  AMENDS_ACTION_KIND_FIX,
  AMENDS_ACTION_KIND_SURPRISE,
  AMENDS_ACTION_KIND_FOLLOW_UP,
  AMENDS_ACTION_KIND_STATUS_REPORT,
  AMENDS_ACTION_KIND_RESOLUTION,
  AMENDS_ACTION_KIND_NOTE,
  AMENDS_ACTION_KIND_PAUSE,
  AMENDS_ACTION_KIND_RESUME,
  AMENDS_ACTION_KIND_OWNERSHIP,   /* written by Take Ownership */
  AMENDS_ACTION_KIND_HANDOVER,    /* written by Hand Over… */
} AmendsActionKind;

typedef enum
{
  AMENDS_STORY_STAGE_CANDIDATE,
  AMENDS_STORY_STAGE_DRAFTED,
  AMENDS_STORY_STAGE_TOLD,
  AMENDS_STORY_STAGE_DISMISSED,
} AmendsStoryStage;

typedef enum
{
  AMENDS_STAFF_ROLE_FRONT_DESK,
  AMENDS_STAFF_ROLE_MANAGER,
} AmendsStaffRole;

/* RATER: the five dimensions of service quality */
typedef enum /*< flags >*/
{
  AMENDS_RATER_NONE           = 0,
  AMENDS_RATER_RELIABILITY    = 1 << 0,
  AMENDS_RATER_ASSURANCE      = 1 << 1,
  AMENDS_RATER_TANGIBLES      = 1 << 2,
  AMENDS_RATER_EMPATHY        = 1 << 3,
  AMENDS_RATER_RESPONSIVENESS = 1 << 4,
} AmendsRater;

typedef enum
{
  AMENDS_CASE_SORT_URGENCY,
  AMENDS_CASE_SORT_NEWEST,
  AMENDS_CASE_SORT_OLDEST,
} AmendsCaseSort;

const char *amends_case_status_to_label (AmendsCaseStatus status);
const char *amends_close_reason_to_label (AmendsCloseReason reason);
const char *amends_severity_to_label    (AmendsSeverity   severity);
const char *amends_channel_to_label     (AmendsChannel    channel);
const char *amends_noticed_by_to_label  (AmendsNoticedBy  noticed_by);
const char *amends_reaction_to_label    (AmendsReaction   reaction);
const char *amends_came_back_to_label   (AmendsCameBack   came_back);
const char *amends_action_kind_to_label (AmendsActionKind kind);
const char *amends_story_stage_to_label (AmendsStoryStage stage);
const char *amends_staff_role_to_label  (AmendsStaffRole  role);
const char *amends_rater_to_label       (AmendsRater      dimension);
char       *amends_rater_to_string      (AmendsRater      dimensions);

G_END_DECLS
