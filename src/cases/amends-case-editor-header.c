/* amends-case-editor-header.c: the case editor's header and its clock
 *
 * The header says which case this is, where it stands and how long is
 * left to put it right; the clock's words are read again every 30 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-editor-header"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-case-editor-private.h"
#include "amends-clock.h"
#include "amends-stay.h"

static char *
capitalize (char *text)
{
  g_autofree char *lower = text;
  const char *rest = g_utf8_next_char (lower);
  char first[8] = { 0 };

  if (*lower == '\0')
    return g_steal_pointer (&lower);

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (lower)), first);
  return g_strconcat (first, rest, NULL);
}

/* Targets are set in hours: "24 h" reads better than "1 d" beside them. */
static char *
format_target (GTimeSpan target)
{
  int hours = (int) (target / G_TIME_SPAN_HOUR);

  if (target % G_TIME_SPAN_HOUR != 0 || hours <= 0)
    return amends_clock_format_span (target);

  /* Translators: a recovery target in hours, as in "24 h" */
  return g_strdup_printf (ngettext ("%d h", "%d h", hours), hours);
}

static const char *
clock_style (AmendsClockState state,
             const char     **icon_name)
{
  switch (state)
    {
    case AMENDS_CLOCK_STATE_DUE_SOON:       *icon_name = "alarm-symbolic"; return "clock-due-soon";
    case AMENDS_CLOCK_STATE_OVERDUE:        *icon_name = "task-past-due-symbolic"; return "clock-overdue";
    case AMENDS_CLOCK_STATE_PAUSED:         *icon_name = "media-playback-pause-symbolic"; return "clock-paused";
    case AMENDS_CLOCK_STATE_RECOVERED:      *icon_name = "emblem-ok-symbolic"; return "clock-recovered";
    case AMENDS_CLOCK_STATE_RECOVERED_LATE: *icon_name = "emblem-ok-symbolic"; return "clock-late";
    case AMENDS_CLOCK_STATE_NOT_RECOVERED:  *icon_name = "action-unavailable-symbolic"; return "clock-not-recovered";
    case AMENDS_CLOCK_STATE_RUNNING:
    default:                                *icon_name = "alarm-symbolic"; return "clock-running";
    }
}

/* A short reason shares the clock's line; a long one goes under it, so
 * that the clock stays a headline. */
static char *
describe_pause (AmendsCase  *kase,
                GTimeSpan    remaining,
                const char  *span,
                char       **detail)
{
  g_autofree char *reason = NULL;
  g_autofree char *left = NULL;

  g_object_get (kase, "pause-reason", &reason, NULL);

  left = remaining >= 0 ?
    /* Translators: %s is a span such as "5 h" */
    g_strdup_printf (_("%s left once the clock runs again"), span) :
    /* Translators: %s is a span such as "2 h" */
    g_strdup_printf (_("Already overdue by %s"), span);

  if (reason == NULL || *reason == '\0' || g_utf8_strlen (reason, -1) > 32)
    {
      *detail = reason && *reason ?
        /* Translators: under a paused clock: why it is paused, then the
         * time left, as in "“Waiting for the receipt” · 5 h left once the
         * clock runs again" */
        g_strdup_printf (_("“%s” · %s"), reason, left) :
        g_steal_pointer (&left);
      return g_strdup (_("Paused — waiting on the customer"));
    }

  *detail = g_steal_pointer (&left);
  /* Translators: the recovery clock while it is paused; %s is why, as in
   * "Out until tonight" */
  return g_strdup_printf (_("Paused — waiting on the customer: %s"), reason);
}

static void
update_clock (AmendsCaseEditor *self)
{
  static const char *styles[] = {
    "clock-running", "clock-due-soon", "clock-overdue", "clock-paused", "clock-recovered", "clock-late",
    "clock-not-recovered",
  };
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *span = NULL;
  g_autofree char *target = NULL;
  g_autofree char *when = NULL;
  g_autofree char *stay = NULL;
  AmendsClockState state;
  GTimeSpan remaining;
  const char *icon_name;
  const char *style;
  GDateTime *recovered_at;

  if (self->kase == NULL)
    return;

  state = amends_clock_get_state (self->kase, now);
  remaining = amends_clock_get_remaining (self->kase, now);
  span = amends_clock_format_span (remaining);
  target = format_target (amends_clock_get_target (self->kase));
  due = g_date_time_add (now, remaining);
  when = amends_timeline_format_time (due, now);

  switch (state)
    {
    case AMENDS_CLOCK_STATE_RUNNING:
    case AMENDS_CLOCK_STATE_DUE_SOON:
      if (amends_clock_counts_office_hours (self->kase))
        /* Translators: the recovery clock of a case whose target counts
         * office hours only, as in "2 d 20 h left · target 4 h in office hours" */
        text = g_strdup_printf (_("%s left · target %s in office hours"), span, target);
      else
        /* Translators: the recovery clock, as in "5 h left of 24 h" */
        text = g_strdup_printf (_("%s left of %s"), span, target);
      /* Translators: when a case must be recovered, as in "Due Today 14:30" */
      detail = g_strdup_printf (_("Due %s"), when);
      break;

    case AMENDS_CLOCK_STATE_OVERDUE:
      text = capitalize (amends_clock_describe (self->kase, now));
      /* Translators: when an overdue case was due, as in "Was due Today 09:00" */
      detail = g_strdup_printf (_("Was due %s"), when);
      break;

    case AMENDS_CLOCK_STATE_PAUSED:
      text = describe_pause (self->kase, remaining, span, &detail);
      break;

    case AMENDS_CLOCK_STATE_NOT_RECOVERED:
      text = capitalize (amends_clock_describe (self->kase, now));
      if (amends_case_get_closed_at (self->kase) != NULL)
        {
          g_autofree char *at = amends_timeline_format_time (amends_case_get_closed_at (self->kase), now);
          /* Translators: when a case was closed without a recovery, as in "Closed Today 13:10" */
          detail = g_strdup_printf (_("Closed %s"), at);
        }
      break;

    case AMENDS_CLOCK_STATE_RECOVERED:
    case AMENDS_CLOCK_STATE_RECOVERED_LATE:
    default:
      text = capitalize (amends_clock_describe (self->kase, now));
      recovered_at = amends_case_get_recovered_at (self->kase);
      if (recovered_at != NULL)
        {
          g_autofree char *at = amends_timeline_format_time (recovered_at, now);
          /* Translators: when a case was recovered, as in "Recovered Today 13:10" */
          detail = g_strdup_printf (_("Recovered %s, against a target of %s"), at, target);
        }
      break;
    }

  /* The guest's departure, beside the due time it may come before. */
  stay = amends_stay_describe_departure (self->kase, now);
  if (stay != NULL)
    {
      char *with_stay = detail ?
        /* Translators: the clock's detail, then the guest's departure, as
         * in "Due Today 14:30 · leaves tomorrow 11:00" */
        g_strdup_printf (_("%s · %s"), detail, stay) : capitalize (g_strdup (stay));

      g_free (detail);
      detail = with_stay;
    }
  gtk_widget_set_visible (self->stay_flag_box, amends_stay_is_due_after_departure (self->kase, now));

  style = clock_style (state, &icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (self->clock_box, styles[i]);
  gtk_widget_add_css_class (self->clock_box, style);
  gtk_image_set_from_icon_name (self->clock_icon, icon_name);
  gtk_label_set_label (self->clock_label, text);
  gtk_label_set_label (self->clock_detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->clock_detail_label), detail != NULL);
}

static void
update_follow_up (AmendsCaseEditor *self)
{
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  GDateTime *due = amends_case_get_follow_up_due_at (self->kase);
  gboolean is_due = due != NULL &&
                    amends_case_get_status (self->kase) != AMENDS_CASE_STATUS_CLOSED &&
                    g_date_time_compare (due, now) <= 0;

  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_due_label), is_due);
  if (is_due)
    {
      g_autofree char *when = amends_timeline_format_time (due, now);
      /* Translators: %s is when, as in "Today 09:00" */
      g_autofree char *tooltip = g_strdup_printf (_("The follow-up was due %s"), when);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->follow_up_due_label), tooltip);
    }

  if (is_due)
    gtk_widget_add_css_class (self->follow_up_row, "follow-up-due-row");
  else
    gtk_widget_remove_css_class (self->follow_up_row, "follow-up-due-row");
}

void
_amends_case_editor_update_header (AmendsCaseEditor *self)
{
  static const char *status_styles[] = {
    "status-open", "status-in-recovery", "status-recovered", "status-closed",
  };
  g_autofree char *typed = NULL;
  AmendsCaseStatus status;
  const char *customer;
  gboolean trashed;

  _amends_case_editor_update_actions (self);
  if (self->kase == NULL)
    return;

  status = amends_case_get_status (self->kase);
  trashed = amends_case_get_deleted_at (self->kase) != NULL;

  gtk_label_set_label (self->reference_label, amends_case_get_reference (self->kase));
  /* The title follows the summary as it is typed, unless it was emptied. */
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_row))));
  gtk_label_set_label (self->summary_label, *typed ? typed : amends_case_get_summary (self->kase));
  /* A case closed without a recovery says why, not just "Closed". */
  if (status == AMENDS_CASE_STATUS_CLOSED &&
      amends_case_get_close_reason (self->kase) > AMENDS_CLOSE_REASON_RECOVERED)
    gtk_label_set_label (self->status_label, amends_close_reason_to_label (amends_case_get_close_reason (self->kase)));
  else
    gtk_label_set_label (self->status_label, amends_case_status_to_label (status));
  for (guint i = 0; i < G_N_ELEMENTS (status_styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_styles[status]);

  customer = amends_case_get_customer_name (self->kase);
  adw_action_row_set_subtitle (self->customer_row,
                               customer && *customer ? customer : _("No customer recorded"));

  _amends_case_editor_update_clock (self);

  gtk_revealer_set_reveal_child (self->trash_revealer, trashed);
  /* Nothing typed into a read-only database could be saved: the window
   * says why, and the case is shown as it is. */
  gtk_widget_set_sensitive (self->fields_box, !trashed && !amends_store_get_read_only (self->store));
  gtk_widget_set_visible (self->actions_box, !trashed);
}

/**
 * _amends_case_editor_update_clock:
 *
 * The clock and the follow-up, which move with time alone.
 */
void
_amends_case_editor_update_clock (AmendsCaseEditor *self)
{
  if (self->kase == NULL)
    return;

  /* Running past due takes Pause Clock away. */
  if (gtk_widget_get_visible (gtk_widget_get_parent (self->pause_button)) &&
      amends_case_is_active (self->kase) && amends_case_get_paused_at (self->kase) == NULL)
    {
      g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
      if (amends_clock_get_state (self->kase, now) == AMENDS_CLOCK_STATE_OVERDUE)
        _amends_case_editor_update_actions (self);
    }

  update_clock (self);
  update_follow_up (self);
}
