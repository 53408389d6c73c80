/* amends-case-editor-rows.c: the case editor's rows that are made in code
 *
 * The template holds the rows; the choices in the combo rows come from the
 * enumerations' labels, and the RATER rows (one check button for each
 * dimension of service quality, failed and shown) are made here.  The text
 * and the switch inside each row are named for screen readers, which
 * libadwaita 1.2 does not do.  The follow-up row reads a date and time to
 * come, typed or picked in its calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-editor-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-case-editor-private.h"
#include "amends-utils.h"
#include "amends-when.h"

#include <stdio.h>

/* The follow-up: a date and time to come, typed or picked in a calendar. */

GDateTime *
_amends_case_editor_parse_due (const char  *text,
                               GDateTime   *now,
                               GError     **error)
{
  g_autoptr(GError) when_error = NULL;
  int y, mo, d, h = 9, mi = 0;
  char extra;
  GDateTime *due;

  if (sscanf (text, "%4d-%2d-%2d %2d:%2d %c", &y, &mo, &d, &h, &mi, &extra) == 5 ||
      sscanf (text, "%4d-%2d-%2dT%2d:%2d %c", &y, &mo, &d, &h, &mi, &extra) == 5 ||
      sscanf (text, "%4d-%2d-%2d %c", &y, &mo, &d, &extra) == 3)
    {
      if ((due = g_date_time_new_local (y, mo, d, h, mi, 0)) != NULL)
        return due;
    }

  if ((due = amends_when_parse (text, now, &when_error)) != NULL)
    return due;

  if (g_error_matches (when_error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_FUTURE))
    g_set_error_literal (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_INVALID,
                         _("Type the follow-up as a date and time, such as 2026-11-20 09:00."));
  else
    g_propagate_error (error, g_steal_pointer (&when_error));

  return NULL;
}

char *
_amends_case_editor_format_due (GDateTime *due)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (due);

  /* ISO, in every language: _amends_case_editor_parse_due() reads it
   * first, and amends_when_parse() would refuse a time to come. */
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
on_follow_up_popover_show_cb (AmendsCaseEditor *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row)));
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autoptr(GDateTime) due = _amends_case_editor_parse_due (text, now, NULL);

  self->showing = TRUE;
  gtk_calendar_select_day (self->follow_up_calendar, due ? due : now);
  self->showing = FALSE;
}

static void
on_follow_up_day_selected_cb (AmendsCaseEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) old = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) due = NULL;

  if (self->showing)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row)));
  now = amends_store_dup_now (self->store);
  old = _amends_case_editor_parse_due (text, now, NULL);
  day = gtk_calendar_get_date (self->follow_up_calendar);
  due = g_date_time_new_local (g_date_time_get_year (day),
                               g_date_time_get_month (day),
                               g_date_time_get_day_of_month (day),
                               old ? g_date_time_get_hour (old) : 9,
                               old ? g_date_time_get_minute (old) : 0,
                               0);
  new_text = _amends_case_editor_format_due (due);
  gtk_editable_set_text (GTK_EDITABLE (self->follow_up_row), new_text);
  gtk_popover_popdown (self->follow_up_popover);
}

#define CHOICES(row, func, n) set_choices (row, (const char *(*) (int)) func, n)

static const char *
rater_hint (AmendsRater dimension)
{
  switch (dimension)
    {
    case AMENDS_RATER_RELIABILITY:    return _("Doing what was promised, dependably");
    case AMENDS_RATER_ASSURANCE:      return _("Knowledge and courtesy that inspire trust");
    case AMENDS_RATER_TANGIBLES:      return _("Rooms, equipment and how things look");
    case AMENDS_RATER_EMPATHY:        return _("Caring, individual attention");
    case AMENDS_RATER_RESPONSIVENESS: return _("Helping willingly and promptly");
    case AMENDS_RATER_NONE:
    default:                          g_return_val_if_reached (NULL);
    }
}

static GtkWidget *
create_rater_check (const char *label,
                    const char *accessible)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return check;
}

static void
build_rater_rows (AmendsCaseEditor *self)
{
  for (guint i = 0; i < AMENDS_CASE_EDITOR_N_RATER; i++)
    {
      const char *dimension = amends_rater_to_label (amends_case_editor_rater[i]);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a check box's accessible name; %s is a RATER
       * dimension such as "Empathy" */
      g_autofree char *failed = g_strdup_printf (_("%s failed in the breakdown"), dimension);
      /* Translators: a check box's accessible name; %s is a RATER
       * dimension such as "Empathy" */
      g_autofree char *shown = g_strdup_printf (_("%s shown in the recovery"), dimension);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dimension);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rater_hint (amends_case_editor_rater[i]));

      self->failed_checks[i] = create_rater_check (_("Failed"), failed);
      self->shown_checks[i] = create_rater_check (_("Shown"), shown);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->failed_checks[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->shown_checks[i]);
      adw_preferences_group_add (self->rater_group, row);
    }
}

static void
set_choices (GtkWidget   *row,
             const char *(*to_label) (int),
             int          n_values)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (int i = 0; i < n_values; i++)
    gtk_string_list_append (labels, to_label (i));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* libadwaita 1.2 names the rows but not the text or the switch inside
 * them, which is what has the focus when a screen reader speaks. */
static void
name_row_controls (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *control = NULL;

      if (ADW_IS_ENTRY_ROW (child))
        control = find_descendant (child, GTK_TYPE_TEXT);
      else if (ADW_IS_EXPANDER_ROW (child))
        control = find_descendant (child, GTK_TYPE_SWITCH);

      if (control != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                                        -1);
      name_row_controls (child);
    }
}

/**
 * _amends_case_editor_build_rows:
 *
 * Fills the choices and makes the RATER rows.
 */
void
_amends_case_editor_build_rows (AmendsCaseEditor *self)
{
  CHOICES (self->severity_row, amends_severity_to_label, AMENDS_SEVERITY_COLOSSAL + 1);
  CHOICES (self->channel_row, amends_channel_to_label, AMENDS_CHANNEL_SURVEY + 1);
  CHOICES (self->noticed_row, amends_noticed_by_to_label, AMENDS_NOTICED_BY_STAFF + 1);
  CHOICES (self->reaction_row, amends_reaction_to_label, AMENDS_REACTION_STILL_UNHAPPY + 1);
  CHOICES (self->came_back_row, amends_came_back_to_label, AMENDS_CAME_BACK_NO + 1);
  build_rater_rows (self);
  name_row_controls (self->fields_box);
  amends_entry_row_set_max_length (ADW_ENTRY_ROW (self->summary_row), AMENDS_SUMMARY_MAX_LENGTH);

  g_signal_connect_swapped (self->follow_up_popover, "show",
                            G_CALLBACK (on_follow_up_popover_show_cb), self);
  g_signal_connect_swapped (self->follow_up_calendar, "day-selected",
                            G_CALLBACK (on_follow_up_day_selected_cb), self);
}
