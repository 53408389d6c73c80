/* amends-report-escalated.c: the weekly summary's "Escalated to a lead"
 *
 * The week's cases that were overdue by more than the escalation time
 * (Preferences → Reminders), which the team lead was told of: reference,
 * summary, owner, and how long overdue they were by the time they were
 * put right, or by the week's end if they were not.  Capped like the
 * table of overdue cases; left out in a week without any.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-escalated"

#include "config.h"

#include "amends-report-escalated.h"

#include <glib/gi18n.h>

#include "amends-clock.h"
#include "amends-report-format.h"
#include "amends-store-escalated.h"

/* As many as the overdue table's (amends-report-rows.c). */
#define MAX_ESCALATED_ROWS 500

static gint64
unix_or (GDateTime *time,
         gint64     otherwise)
{
  return time != NULL ? g_date_time_to_unix (time) : otherwise;
}

static char **
escalated_row (AmendsCase *kase,
               gint64      as_of)
{
  char **cells = g_new0 (char *, 5);
  gint64 due = g_date_time_to_unix (amends_case_get_recovery_due_at (kase)) +
               amends_case_get_paused_seconds (kase);
  gint64 stopped = as_of;

  /* Overdue until it was put right, or its clock paused. */
  stopped = MIN (stopped, unix_or (amends_case_get_recovered_at (kase), G_MAXINT64));
  stopped = MIN (stopped, unix_or (amends_case_get_closed_at (kase), G_MAXINT64));
  stopped = MIN (stopped, unix_or (amends_case_get_paused_at (kase), G_MAXINT64));

  cells[0] = g_strdup (amends_case_get_reference (kase));
  cells[1] = amends_report_truncate (amends_case_get_summary (kase));
  if (amends_case_get_owner_id (kase) != 0 && amends_case_get_owner_name (kase) != NULL)
    cells[2] = g_strdup (amends_case_get_owner_name (kase));
  else
    cells[2] = g_strdup (_("Unowned"));
  cells[3] = amends_clock_format_span (MAX (stopped - due, 0) * G_TIME_SPAN_SECOND);

  return cells;
}

/**
 * amends_report_escalated_rows:
 * @as_of: the week's end, or now if the week is not over
 * @n_escalated: (out): how many there are in all
 *
 * Returns: (transfer full): a row of cells for each of the longest
 *   overdue of the week's escalated cases, or %NULL with @error set
 */
GPtrArray *
amends_report_escalated_rows (AmendsStore  *store,
                              GDateTime    *from,
                              GDateTime    *as_of,
                              int           escalation_hours,
                              guint        *n_escalated,
                              GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GListModel) cases = NULL;
  gint64 end = g_date_time_to_unix (as_of);

  /* The moment is "before as_of, inclusive": the list's end is a second
   * later. */
  {
    g_autoptr(GDateTime) until = g_date_time_add_seconds (as_of, 1);

    cases = amends_store_list_escalated (store, from, until, (gint64) escalation_hours * 3600,
                                         MAX_ESCALATED_ROWS, n_escalated, error);
  }
  if (cases == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (cases, i);

      g_ptr_array_add (rows, escalated_row (kase, end));
    }

  return g_steal_pointer (&rows);
}

void
amends_report_place_escalated (AmendsPageCursor *cur,
                               GPtrArray        *rows,
                               guint             n_escalated,
                               int               escalation_hours)
{
  const AmendsPageColumn columns[] = {
    { _("Reference"), 0.18, PANGO_ALIGN_LEFT },
    { _("Summary"), 0.46, PANGO_ALIGN_LEFT },
    { _("Owner"), 0.20, PANGO_ALIGN_LEFT },
    /* Translators: a column: how long a case was overdue */
    { _("Overdue by"), 0.16, PANGO_ALIGN_RIGHT },
  };
  g_autofree char *heading = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *more = NULL;

  /* A week without escalations needs no heading: it keeps a quiet
   * week's summary on one page. */
  if (n_escalated == 0)
    return;

  /* Translators: the heading of the table of cases overdue by more than the escalation time; %u is how many */
  heading = g_strdup_printf (_("Escalated to a lead (%u)"), n_escalated);
  empty = g_strdup_printf (ngettext ("No case was overdue by more than %d hour.",
                                     "No case was overdue by more than %d hours.",
                                     escalation_hours),
                           escalation_hours);
  if (n_escalated > rows->len)
    more = g_strdup_printf (ngettext ("And %u more, less late. The case list shows the open ones with Needs a Lead.",
                                      "And %u more, less late. The case list shows the open ones with Needs a Lead.",
                                      n_escalated - rows->len),
                            n_escalated - rows->len);
  amends_page_place_table (cur, heading, columns, G_N_ELEMENTS (columns), rows, empty, more);
}
