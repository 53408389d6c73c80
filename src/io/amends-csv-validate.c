/* amends-csv-validate.c: every row of a file checked, and its problems told
 *
 * Every row is turned into a case without touching the store, collecting
 * every problem with its line, so that the person sees them all at once.
 * It may run in a worker thread: it reads only what does not change while
 * an import runs (AmendsCsvInput), and writes only its own arrays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-validate"

#include "config.h"

#include "amends-csv-validate.h"

#include <glib/gi18n.h>

#include "amends-csv-formats.h"

/* What the person must say before the rows are worth reading: how the
 * dates are written, and that so many rows are meant. */
static gboolean
check_questions (AmendsCsvInput  *in,
                 GPtrArray       *problems,
                 GError         **error)
{
  if (in->date_order == AMENDS_CSV_DATE_ORDER_UNKNOWN &&
      in->dates.day_first_line != 0 && in->dates.month_first_line != 0)
    {
      /* Translators: both dates are as in the file, like 13/01/2026 and 01/13/2026 */
      amends_csv_add_problem (problems, 0,
                              _("The dates of this file are written both ways: “%s” on line %u is day first, "
                                "and “%s” on line %u month first. Write them all the same way and try again."),
                              in->dates.day_first_text, in->dates.day_first_line,
                              in->dates.month_first_text, in->dates.month_first_line);
      return TRUE;
    }

  if (in->effective_order == AMENDS_CSV_DATE_ORDER_UNKNOWN && in->dates.ambiguous_line != 0)
    {
      g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_DATE_ORDER,
                   _("Line %u: the date “%s” can be read day first or month first, and no date "
                     "of the file tells which: say whether dates are written as day/month/year "
                     "or month/day/year."),
                   in->dates.ambiguous_line, in->dates.ambiguous_text);
      return FALSE;
    }

  if (in->rows->len > AMENDS_CSV_MAX_ROWS_UNCONFIRMED && !in->confirmed_large)
    {
      g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_TOO_MANY_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u case, more than %u: confirm that all of them are to be imported.",
                                "The file has %u cases, more than %u: confirm that all of them are to be imported.",
                                in->rows->len),
                   in->rows->len, (guint) AMENDS_CSV_MAX_ROWS_UNCONFIRMED);
      return FALSE;
    }

  return TRUE;
}

/* One row as a case, not yet saved; NULL with its problems added to
 * @problems.  The same for checking the file and for saving it. */
AmendsCsvDraft *
amends_csv_row_to_draft (const AmendsCsvInput        *in,
                         const int                   *columns,
                         const AmendsCsvValueContext *context,
                         AmendsCsvRow                *row,
                         GPtrArray                   *problems)
{
  AmendsCsvRowValues values = { { NULL }, { NULL }, { NULL } };
  guint n_headers = g_strv_length ((char **) in->headers);
  guint n_fields = g_strv_length (row->fields);
  gboolean ok = TRUE;
  AmendsCsvDraft *draft;

  if (n_fields != n_headers)
    {
      amends_csv_add_problem (problems, row->line,
                              ngettext ("the row has %u column, but the header row has %u.",
                                        "the row has %u columns, but the header row has %u.",
                                        n_fields),
                              n_fields, n_headers);
      return NULL;
    }

  for (guint c = 0; c < n_fields; c++)
    if (!g_utf8_validate (row->fields[c], -1, NULL))
      {
        amends_csv_add_problem (problems, row->line,
                                _("the text in %s is not valid UTF-8; save the file as UTF-8 and try again."),
                                in->headers[c]);
        return NULL;
      }

  ok = amends_csv_format_read_row (in->format, in->headers, columns, row, &values, problems);
  draft = amends_csv_draft_from_values (&values, row->line, context, problems);
  amends_csv_row_values_clear (&values);

  if (!ok)
    g_clear_pointer (&draft, amends_csv_draft_free);
  return draft;
}

/* The problems of the file as a whole, before any row is read: FALSE
 * when the person has a question to answer first. */
gboolean
amends_csv_check_file (AmendsCsvInput  *in,
                       GPtrArray       *problems,
                       GError         **error)
{
  for (guint i = 0; i < in->read_problems->len; i++)
    g_ptr_array_add (problems, g_strdup (in->read_problems->pdata[i]));

  if (problems->len > 0)
    return TRUE;  /* the file could not be read: its rows say nothing more */

  if (in->headers == NULL)
    amends_csv_add_problem (problems, 0, _("The file is empty."));
  else if (in->rows->len == 0)
    amends_csv_add_problem (problems, 0, _("The file has a header row but no cases."));
  else if (in->format == AMENDS_CSV_FORMAT_UNKNOWN &&
           (in->mapping == NULL || g_hash_table_size (in->mapping) == 0))
    {
      g_set_error_literal (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_NO_MAPPING,
                           _("Amends does not know these columns: choose the field each one fills."));
      return FALSE;
    }
  else if (!check_questions (in, problems, error))
    return FALSE;

  return TRUE;
}

/* Every row turned into a case and let go again, for its problems alone:
 * the cases of 100,000 rows held at once would take hundreds of
 * megabytes, and they are made again as they are saved. */
gboolean
amends_csv_check_rows (AmendsCsvInput  *in,
                       GCancellable    *cancellable,
                       GPtrArray      **out_problems,
                       GError         **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  AmendsCsvValueContext context = { in->effective_order, zone };
  g_autofree int *columns = amends_csv_map_columns (in->headers, in->mapping);

  if (!amends_csv_check_file (in, problems, error))
    return FALSE;

  if (problems->len == 0)
    for (guint r = 0; r < in->rows->len; r++)
      {
        AmendsCsvDraft *draft;

        if (r % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
          return FALSE;

        draft = amends_csv_row_to_draft (in, columns, &context, in->rows->pdata[r], problems);
        g_clear_pointer (&draft, amends_csv_draft_free);
      }

  *out_problems = g_steal_pointer (&problems);
  return TRUE;
}

gboolean
amends_csv_problems_to_error (GPtrArray  *problems,
                              GError    **error)
{
  if (problems->len == 0)
    return TRUE;

  if (problems->len == 1)
    g_set_error_literal (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_INVALID, problems->pdata[0]);
  else
    g_set_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The file has %u problem; nothing was imported.",
                              "The file has %u problems; nothing was imported.",
                              problems->len),
                 problems->len);
  return FALSE;
}

