/* amends-enums.c: labels a person reads for the domain's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-enums"

#include "config.h"

#include "amends-enums.h"

#include <glib/gi18n.h>

const char *
amends_case_status_to_label (AmendsCaseStatus status)
{
  switch (status)
    {
    case AMENDS_CASE_STATUS_OPEN:        return _("Open");
    case AMENDS_CASE_STATUS_IN_RECOVERY: return _("In recovery");
    case AMENDS_CASE_STATUS_RECOVERED:   return _("Recovered");
    case AMENDS_CASE_STATUS_CLOSED:      return _("Closed");
    default:                             g_return_val_if_reached (NULL);
    }
}

const char *
amends_close_reason_to_label (AmendsCloseReason reason)
{
  switch (reason)
    {
    case AMENDS_CLOSE_REASON_NONE:            return _("Not closed");
    case AMENDS_CLOSE_REASON_RECOVERED:       return _("Recovered");
    case AMENDS_CLOSE_REASON_NOT_RECOVERED:   return _("Closed without a recovery");
    case AMENDS_CLOSE_REASON_NOT_A_BREAKDOWN: return _("Not a service breakdown");
    case AMENDS_CLOSE_REASON_DUPLICATE:       return _("Duplicate of another case");
    default:                                  g_return_val_if_reached (NULL);
    }
}

const char *
amends_severity_to_label (AmendsSeverity severity)
{
  switch (severity)
    {
    case AMENDS_SEVERITY_MINOR:    return _("Minor");
    case AMENDS_SEVERITY_MODERATE: return _("Moderate");
    case AMENDS_SEVERITY_MAJOR:    return _("Major");
    case AMENDS_SEVERITY_COLOSSAL: return _("Colossal");
    default:                       g_return_val_if_reached (NULL);
    }
}

const char *
amends_channel_to_label (AmendsChannel channel)
{
  switch (channel)
    {
    case AMENDS_CHANNEL_IN_PERSON: return _("In person");
    case AMENDS_CHANNEL_PHONE:     return _("Phone");
    case AMENDS_CHANNEL_EMAIL:     return _("Email");
    case AMENDS_CHANNEL_CHAT:      return _("Chat");
    case AMENDS_CHANNEL_SOCIAL:    return _("Social media");
    case AMENDS_CHANNEL_SURVEY:    return _("Survey");
    default:                       g_return_val_if_reached (NULL);
    }
}

const char *
amends_noticed_by_to_label (AmendsNoticedBy noticed_by)
{
  switch (noticed_by)
    {
    case AMENDS_NOTICED_BY_CUSTOMER: return _("Customer complained");
    case AMENDS_NOTICED_BY_STAFF:    return _("Staff noticed first");
    default:                         g_return_val_if_reached (NULL);
    }
}

const char *
amends_reaction_to_label (AmendsReaction reaction)
{
  switch (reaction)
    {
    case AMENDS_REACTION_UNKNOWN:       return _("Unknown");
    case AMENDS_REACTION_BLOWN_AWAY:    return _("Blown away");
    case AMENDS_REACTION_SATISFIED:     return _("Satisfied");
    case AMENDS_REACTION_NEUTRAL:       return _("Neutral");
    case AMENDS_REACTION_STILL_UNHAPPY: return _("Still unhappy");
    default:                            g_return_val_if_reached (NULL);
    }
}

const char *
amends_came_back_to_label (AmendsCameBack came_back)
{
  switch (came_back)
    {
    case AMENDS_CAME_BACK_UNKNOWN: return _("Not known yet");
    case AMENDS_CAME_BACK_YES:     return _("Came back");
    case AMENDS_CAME_BACK_NO:      return _("Did not come back");
    default:                       g_return_val_if_reached (NULL);
    }
}

const char *
amends_action_kind_to_label (AmendsActionKind kind)
{
  switch (kind)
    {
    case AMENDS_ACTION_KIND_CONTACT:       return _("Contact");
    case AMENDS_ACTION_KIND_APOLOGY:       return _("Apology");
    case AMENDS_ACTION_KIND_FIX:           return _("Fix");
    case AMENDS_ACTION_KIND_SURPRISE:      return _("Surprise");
    case AMENDS_ACTION_KIND_FOLLOW_UP:     return _("Follow-up");
    case AMENDS_ACTION_KIND_STATUS_REPORT: return _("Status report");
    case AMENDS_ACTION_KIND_RESOLUTION:    return _("Resolution");
    case AMENDS_ACTION_KIND_NOTE:          return _("Note");
    case AMENDS_ACTION_KIND_PAUSE:         return _("Clock paused");
    case AMENDS_ACTION_KIND_RESUME:        return _("Clock resumed");
    case AMENDS_ACTION_KIND_OWNERSHIP:     return _("Ownership");
    /* Translators: a timeline entry's kind: the case passed to another team */
    case AMENDS_ACTION_KIND_HANDOVER:      return C_("action kind", "Hand-over");
    default:                               g_return_val_if_reached (NULL);
    }
}

const char *
amends_story_stage_to_label (AmendsStoryStage stage)
{
  switch (stage)
    {
    case AMENDS_STORY_STAGE_CANDIDATE: return _("Candidate");
    case AMENDS_STORY_STAGE_DRAFTED:   return _("Drafted");
    case AMENDS_STORY_STAGE_TOLD:      return _("Told");
    case AMENDS_STORY_STAGE_DISMISSED: return _("Dismissed");
    default:                           g_return_val_if_reached (NULL);
    }
}

const char *
amends_staff_role_to_label (AmendsStaffRole role)
{
  switch (role)
    {
    case AMENDS_STAFF_ROLE_FRONT_DESK: return _("Front desk");
    case AMENDS_STAFF_ROLE_MANAGER:    return _("Manager");
    default:                           g_return_val_if_reached (NULL);
    }
}

const char *
amends_rater_to_label (AmendsRater dimension)
{
  switch (dimension)
    {
    case AMENDS_RATER_RELIABILITY:    return _("Reliability");
    case AMENDS_RATER_ASSURANCE:      return _("Assurance");
    case AMENDS_RATER_TANGIBLES:      return _("Tangibles");
    case AMENDS_RATER_EMPATHY:        return _("Empathy");
    case AMENDS_RATER_RESPONSIVENESS: return _("Responsiveness");
    case AMENDS_RATER_NONE:
    default:                          g_return_val_if_reached (NULL);
    }
}

/**
 * amends_rater_to_string:
 *
 * Returns: (transfer full): the labels of the dimensions in @dimensions,
 *   separated by commas, or an empty string
 */
char *
amends_rater_to_string (AmendsRater dimensions)
{
  GString *str = g_string_new (NULL);

  for (guint bit = AMENDS_RATER_RELIABILITY; bit <= AMENDS_RATER_RESPONSIVENESS; bit <<= 1)
    {
      if ((dimensions & bit) == 0)
        continue;
      if (str->len > 0)
        g_string_append (str, _(", "));
      g_string_append (str, amends_rater_to_label (bit));
    }

  return g_string_free (str, FALSE);
}
