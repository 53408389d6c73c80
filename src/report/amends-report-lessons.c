/* amends-report-lessons.c: the summary's tables of what the lessons say
 *
 * After the lessons learned, what they add up to (amends-store-lessons.c
 * says what each figure counts): whether the customers recovered came
 * back, beside whether they were blown away; the RATER dimensions the
 * week's breakdowns failed and its recoveries showed; the causes that
 * keep coming back, and whether the process was changed; and the rules
 * that keep being bent, for "rules never broken never change".
 *
 * The rows are words, a NULL-terminated array of cells each, so that the
 * Measures view shows the very same ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-lessons"

#include "config.h"

#include "amends-report-lessons.h"

#include <glib/gi18n.h>

#include "amends-report-format.h"
#include "amends-report-table.h"

/**
 * amends_report_format_not_recorded:
 *
 * Returns: (transfer full): "not recorded: 2 of 7", as beside blown away
 */
char *
amends_report_format_not_recorded (guint n_unknown,
                                   guint n_of)
{
  /* Translators: beside a share of the cases recovered: how many of them
   * had nothing recorded, as in "not recorded: 2 of 7" */
  return g_strdup_printf (_("not recorded: %u of %u"), n_unknown, n_of);
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Dimension | failed | shown */
GPtrArray *
amends_report_rater_rows (const AmendsLessonMeasures *lessons)
{
  GPtrArray *rows = new_rows ();

  for (guint i = 0; i < AMENDS_LESSONS_N_RATER; i++)
    {
      char **cells = g_new0 (char *, 4);

      cells[0] = g_strdup (amends_rater_to_label (amends_lessons_rater[i]));
      cells[1] = g_strdup_printf ("%u", lessons->rater_failed[i]);
      cells[2] = g_strdup_printf ("%u", lessons->rater_shown[i]);
      g_ptr_array_add (rows, cells);
    }

  return rows;
}

/* Cause | in the period | of them, process changed | last 90 days */
GPtrArray *
amends_report_cause_rows (const AmendsLessonMeasures *lessons)
{
  GPtrArray *rows = new_rows ();

  for (guint i = 0; i < lessons->causes->len; i++)
    {
      const AmendsCauseCount *cause = lessons->causes->pdata[i];
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup (cause->name);
      cells[1] = g_strdup_printf ("%u", cause->n_period);
      cells[2] = cause->n_period > 0 ? g_strdup_printf ("%u", cause->n_changed) : g_strdup ("—");
      cells[3] = g_strdup_printf ("%u", cause->n_recent);
      g_ptr_array_add (rows, cells);
    }

  return rows;
}

/* Rule | times bent */
GPtrArray *
amends_report_bent_rule_rows (const AmendsLessonMeasures *lessons)
{
  GPtrArray *rows = new_rows ();

  for (guint i = 0; i < lessons->bent_rules->len; i++)
    {
      const AmendsBentRuleCount *rule = lessons->bent_rules->pdata[i];
      char **cells = g_new0 (char *, 3);

      cells[0] = amends_report_truncate (rule->rule);
      cells[1] = g_strdup_printf ("%u", rule->n);
      g_ptr_array_add (rows, cells);
    }

  return rows;
}

static char **
won_back_row (const char        *label,
              const AmendsShare *share,
              guint              n_unknown,
              guint              n_of)
{
  char **cells = g_new0 (char *, 4);

  cells[0] = g_strdup (label);
  cells[1] = amends_report_format_share (share);
  cells[2] = amends_report_format_not_recorded (n_unknown, n_of);

  return cells;
}

/**
 * amends_report_place_lessons:
 * @week: the period's measures, for blown away beside came back
 * @is_week: whether the period is a week, which the tables then say
 *
 * Places the four tables after the lessons learned.
 */
void
amends_report_place_lessons (AmendsPageCursor           *cur,
                             const AmendsMeasures       *week,
                             const AmendsLessonMeasures *lessons,
                             gboolean                    is_week)
{
  g_autoptr(GPtrArray) won_back = new_rows ();
  g_autoptr(GPtrArray) rater = amends_report_rater_rows (lessons);
  g_autoptr(GPtrArray) causes = amends_report_cause_rows (lessons);
  g_autoptr(GPtrArray) rules = amends_report_bent_rule_rows (lessons);
  g_autofree char *rater_note = NULL;
  g_autofree char *rules_note = NULL;
  const AmendsPageColumn won_back_columns[] = {
    { _("Of the customers recovered"), 0.34, PANGO_ALIGN_LEFT },
    { _("Share"), 0.30, PANGO_ALIGN_RIGHT },
    { _("Not recorded"), 0.36, PANGO_ALIGN_RIGHT },
  };
  const AmendsPageColumn rater_columns[] = {
    { _("Dimension"), 0.50, PANGO_ALIGN_LEFT },
    { _("Failed"), 0.25, PANGO_ALIGN_RIGHT },
    { _("Shown"), 0.25, PANGO_ALIGN_RIGHT },
  };
  const AmendsPageColumn cause_columns[] = {
    { _("Cause"), 0.40, PANGO_ALIGN_LEFT },
    { is_week ? _("This week") : _("This period"), 0.18, PANGO_ALIGN_RIGHT },
    { _("Process changed"), 0.22, PANGO_ALIGN_RIGHT },
    { _("Last 90 days"), 0.20, PANGO_ALIGN_RIGHT },
  };
  const AmendsPageColumn rule_columns[] = {
    { _("Rule"), 0.80, PANGO_ALIGN_LEFT },
    { _("Times bent"), 0.20, PANGO_ALIGN_RIGHT },
  };

  /* A week with nothing in it says so once, above: not four times more. */
  if (lessons->n_happened == 0 && lessons->n_recovered == 0 && lessons->causes->len == 0)
    return;

  if (lessons->n_recovered > 0)
    {
      g_ptr_array_add (won_back, won_back_row (_("Blown away"), &week->blown_away,
                                               week->n_reaction_unknown, week->n_recovered));
      g_ptr_array_add (won_back, won_back_row (_("Came back"), &lessons->came_back,
                                               lessons->n_came_back_unknown, lessons->n_recovered));
    }
  amends_page_place_table (cur, _("Customers won back"), won_back_columns, G_N_ELEMENTS (won_back_columns),
                           won_back, is_week ? _("No case was recovered this week.")
                                             : _("No case was recovered in this period."), NULL);

  if (lessons->n_happened == 0)
    g_ptr_array_set_size (rater, 0);
  if (is_week)
    rater_note = g_strdup_printf (ngettext ("Of the %u case that happened this week.",
                                            "Of the %u cases that happened this week.",
                                            lessons->n_happened),
                                  lessons->n_happened);
  else
    rater_note = g_strdup_printf (ngettext ("Of the %u case that happened in this period.",
                                            "Of the %u cases that happened in this period.",
                                            lessons->n_happened),
                                  lessons->n_happened);
  amends_page_place_table (cur, _("Service quality (RATER)"), rater_columns, G_N_ELEMENTS (rater_columns),
                           rater, is_week ? _("No case happened this week.")
                                          : _("No case happened in this period."), rater_note);

  amends_page_place_table (cur, _("Causes that keep coming back"), cause_columns, G_N_ELEMENTS (cause_columns),
                           causes, is_week ? _("No lesson named a cause this week or in the 90 days before.")
                                           : _("No lesson named a cause in this period or in the 90 days before."), NULL);

  if (lessons->n_rules_unnamed > 0)
    rules_note = g_strdup_printf (ngettext ("And %u rule bent without saying which.",
                                            "And %u rules bent without saying which.",
                                            lessons->n_rules_unnamed),
                                  lessons->n_rules_unnamed);
  amends_page_place_table (cur, _("Rules that keep being bent"), rule_columns, G_N_ELEMENTS (rule_columns),
                           rules, is_week ? _("No rule was bent this week.")
                                          : _("No rule was bent in this period."), rules_note);
}
