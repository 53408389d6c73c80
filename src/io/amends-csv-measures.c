/* amends-csv-measures.c: a period's measures as a CSV file
 *
 * What the Measures view shows of a period, for a spreadsheet: one row
 * for the period as a whole (table "period"), then a row an owner, a
 * team and a category (tables "owner", "team", "category"), in the
 * order the view lists them.  The figures are those of
 * amends-store-measures.c, by the same definitions.
 *
 * Values are plain numbers whatever the locale: counts as integers;
 * shares as decimals from 0 to 1 with four places ("0.6000" is 60 %),
 * empty when there was nothing to measure; times to recovery in hours
 * with two places, empty when none; the surprise spend as money
 * ("12.50").  The table names and the column names are fixed English
 * keys, as in the case export, so that a formula that reads them works
 * in any language; the names of people, teams and categories are free
 * text and neutralised as the case export's are.  The CSV is written by
 * the case export's writer (amends_csv_append_row()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-measures"

#include "config.h"

#include "amends-csv-measures.h"

#include "amends-csv-export-private.h"
#include "amends-money.h"

#include <string.h>

static const char * const columns[] = {
  "table", "name", "from", "to",
  "cases", "recovered_in_time", "recovered_measured", "recovered_within_share",
  "blown_away", "reactions_recorded", "blown_away_share",
  "proactive", "proactive_share",
  "pending", "recovered", "reaction_unknown",
  "open", "past_due", "unowned",
  "median_hours", "p90_hours", "surprise_spend", "rule_bends",
  NULL
};

enum { N_COLUMNS = G_N_ELEMENTS (columns) - 1 };

/* Only the name is free text. */
static const gboolean is_text[N_COLUMNS] = { FALSE, TRUE };

const char * const *
amends_csv_measures_columns (void)
{
  return columns;
}

static char *
format_share (const AmendsShare *share)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (share->n_of == 0 || share->share < 0)
    return g_strdup ("");

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", share->share));
}

static char *
format_hours (gint64 seconds)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (seconds < 0)
    return g_strdup ("");

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", seconds / 3600.0));
}

/* ISO, in every language: the CSV is for other programs. */
static char *
format_day (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%d");
}

static void
append_measures (GString              *buffer,
                 const char           *table,
                 const char           *name,
                 const char           *first_day,
                 const char           *last_day,
                 const AmendsMeasures *m)
{
  char *values[N_COLUMNS] = { NULL };

  values[0] = g_strdup (table);
  values[1] = g_strdup (name);
  values[2] = g_strdup (first_day);
  values[3] = g_strdup (last_day);
  values[4] = g_strdup_printf ("%u", m->n_happened);
  values[5] = g_strdup_printf ("%u", m->recovered_within.n_counted);
  values[6] = g_strdup_printf ("%u", m->recovered_within.n_of);
  values[7] = format_share (&m->recovered_within);
  values[8] = g_strdup_printf ("%u", m->blown_away.n_counted);
  values[9] = g_strdup_printf ("%u", m->blown_away.n_of);
  values[10] = format_share (&m->blown_away);
  values[11] = g_strdup_printf ("%u", m->proactive.n_counted);
  values[12] = format_share (&m->proactive);
  values[13] = g_strdup_printf ("%u", m->n_pending);
  values[14] = g_strdup_printf ("%u", m->n_recovered);
  values[15] = g_strdup_printf ("%u", m->n_reaction_unknown);
  values[16] = g_strdup_printf ("%u", m->n_open);
  values[17] = g_strdup_printf ("%u", m->n_overdue);
  values[18] = g_strdup_printf ("%u", m->n_unowned);
  values[19] = format_hours (m->median_seconds);
  values[20] = format_hours (m->p90_seconds);
  values[21] = amends_money_format_plain (m->surprise_cents);
  values[22] = g_strdup_printf ("%u", m->n_rule_bends);

  amends_csv_append_row (buffer, (const char * const *) values, is_text, N_COLUMNS);

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (values[i]);
}

/**
 * amends_csv_measures_format:
 * @sheet: measured with %AMENDS_MEASURES_SHEET_TABLES
 * @period_name: the name of the period's own row, "Quarter 4, 2026"
 *
 * Returns: (transfer full): the CSV text, with a header row
 */
char *
amends_csv_measures_format (const AmendsMeasuresSheet *sheet,
                            const char                *period_name)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  const struct { const char *table; GPtrArray *rows; } tables[] = {
    { "owner", sheet->owners },
    { "team", sheet->teams },
    { "category", sheet->categories },
  };

  g_return_val_if_fail (sheet != NULL && sheet->from != NULL && sheet->until != NULL, NULL);

  /* The last day in the period, as the period was asked for. */
  last = g_date_time_add_seconds (sheet->until, -1);
  first_day = format_day (sheet->from);
  last_day = format_day (last);

  amends_csv_append_row (buffer, columns, NULL, N_COLUMNS);
  append_measures (buffer, "period", period_name, first_day, last_day, &sheet->period);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint i = 0; tables[t].rows != NULL && i < tables[t].rows->len; i++)
      {
        const AmendsMeasureRow *row = tables[t].rows->pdata[i];

        append_measures (buffer, tables[t].table, row->name, first_day, last_day, &row->measures);
      }

  return g_string_free (g_steal_pointer (&buffer), FALSE);
}

/**
 * amends_csv_measures_to_path:
 *
 * Writes amends_csv_measures_format() to @path, whole or not at all.
 */
gboolean
amends_csv_measures_to_path (const AmendsMeasuresSheet  *sheet,
                             const char                 *period_name,
                             const char                 *path,
                             GError                    **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = amends_csv_measures_format (sheet, period_name);
  file = g_file_new_for_path (path);

  /* Written beside and renamed over @path, as the case export does. */
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
