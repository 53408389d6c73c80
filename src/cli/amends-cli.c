/* amends-cli.c: what Amends does from the command line, without a display
 *
 * `amends --weekly-summary 2026-W47 --output summary.pdf` writes the
 * weekly summary as a PDF with the same renderer the print dialog uses;
 * `amends --summary 2026-10-01..2026-12-31 -o q4.pdf --csv q4.csv` the
 * summary of any period (also 2026-11, 2026-Q4), and its measures as CSV.
 * Nothing here touches GTK: it runs over ssh, from cron, on a server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-cli"

#include "config.h"

#include "amends-cli.h"
#include "amends-db.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <string.h>

#include "amends-backup.h"
#include "amends-copy.h"
#include "amends-csv-export.h"
#include "amends-csv-import.h"
#include "amends-csv-measures.h"
#include "amends-measures-sheet.h"
#include "amends-period.h"

#include "amends-store.h"
#include "amends-store-measures.h"

#include "amends-report-staff-record.h"
#include "amends-report-training.h"

/**
 * amends_cli_load_report_options:
 *
 * Fills @options from the application's settings: the organisation name,
 * the two targets and the recovery target.  Where the settings schema is
 * not installed (an uninstalled build, a server) the defaults stand.
 */
void
amends_cli_load_report_options (AmendsReportOptions *options)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  amends_report_options_init (options);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new (APP_ID);
  g_free (options->organisation);
  options->organisation = g_settings_get_string (settings, "organisation-name");
  options->target_recovered_within = g_settings_get_int (settings, "target-recovered-within");
  options->target_blown_away = g_settings_get_int (settings, "target-blown-away");
  options->recovery_target_hours = g_settings_get_int (settings, "recovery-target-hours");
  options->escalation_hours = g_settings_get_int (settings, "escalation-hours");
}

/* The period's measures and tables, as the Measures view's sheet holds
 * them, for the CSV file. */
static AmendsMeasuresSheet *
measure_sheet (AmendsStore   *store,
               AmendsPeriod  *period,
               GError       **error)
{
  g_autoptr(AmendsMeasuresSheet) sheet = g_new0 (AmendsMeasuresSheet, 1);
  GPtrArray **tables[] = { &sheet->owners, &sheet->teams, &sheet->categories };

  sheet->from = g_date_time_ref (amends_period_get_from (period));
  sheet->until = g_date_time_ref (amends_period_get_until (period));
  {
    g_autoptr(GDateTime) now = amends_store_dup_now (store);

    sheet->now = g_date_time_to_unix (now);
  }

  if (!amends_store_measure (store, sheet->from, sheet->until, &sheet->period, error))
    return NULL;
  for (AmendsMeasureBy by = AMENDS_MEASURE_BY_OWNER; by <= AMENDS_MEASURE_BY_CATEGORY; by++)
    if (!(*tables[by] = amends_store_measure_by (store, by, sheet->from, sheet->until, error)))
      return NULL;

  return g_steal_pointer (&sheet);
}

static gboolean
write_csv (AmendsStore   *store,
           AmendsPeriod  *period,
           const char    *csv,
           GError       **error)
{
  g_autoptr(AmendsMeasuresSheet) sheet = measure_sheet (store, period, error);
  g_autofree char *name = NULL;

  if (sheet == NULL)
    return FALSE;

  name = amends_period_dup_name (period);
  return amends_csv_measures_to_path (sheet, name, csv, error);
}

/* Writes the summary of @period as a PDF to @output and its measures as
 * CSV to @csv, either of which may be %NULL. */
static gboolean
write_summary (AmendsPeriod  *period,
               const char    *output,
               const char    *csv,
               const char    *database_path,
               GError       **error)
{
  g_auto(AmendsReportOptions) options = { 0 };
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(AmendsReport) report = NULL;
  gboolean written = TRUE;
  g_autofree char *path = NULL;

  path = database_path != NULL ? g_strdup (database_path) : amends_store_get_default_path ();

  /* Opening a file that is not there would make an empty database, and a
   * summary of nothing: a mistyped path should say so instead. */
  if (!amends_db_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), display);
      return FALSE;
    }

  /* The integrity check reads every page (a second at a million cases):
   * it runs in its thread while the summary is drawn, and a summary of a
   * damaged file is not kept, since its figures may be wrong. */
  if (!(store = amends_store_open_full (path, AMENDS_STORE_OPEN_CHECK_LATER, error)))
    return FALSE;
  amends_store_check_integrity (store);

  if (output != NULL)
    {
      amends_cli_load_report_options (&options);
      report = amends_report_new_for_period (store, period, &options);
      written = amends_report_write_pdf (report, output, error);
    }
  if (written && csv != NULL)
    written = write_csv (store, period, csv, error);

  while (amends_store_get_checking (store))
    g_main_context_iteration (NULL, TRUE);

  if (written && amends_store_get_damaged (store))
    {
      g_autofree char *display = g_filename_display_name (path);

      if (output != NULL)
        g_unlink (output);
      if (csv != NULL)
        g_unlink (csv);
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_UNREADABLE,
                   _("The database “%s” is damaged, so no summary was written: its figures could be wrong. Restore it from a backup."),
                   display);
      return FALSE;
    }

  return written;
}

/**
 * amends_cli_write_weekly_summary:
 * @week: an ISO week, "2026-W47"
 * @output: the PDF to write
 * @database_path: (nullable): the database; the usual one when %NULL
 *
 * Returns: %TRUE when the PDF was written
 */
gboolean
amends_cli_write_weekly_summary (const char  *week,
                                 const char  *output,
                                 const char  *database_path,
                                 GError     **error)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(AmendsPeriod) period = NULL;

  g_return_val_if_fail (week != NULL, FALSE);

  if (!amends_iso_week_parse (week, NULL, &from, &until, error))
    return FALSE;

  if (output == NULL || output[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--weekly-summary needs --output and the name of the PDF file to write."));
      return FALSE;
    }

  period = amends_period_new_full (AMENDS_PERIOD_WEEK, from, until);
  return write_summary (period, output, NULL, database_path, error);
}

/**
 * amends_cli_write_summary:
 * @text: the period: "2026-10-01..2026-12-31" (both days in it), a month
 *   "2026-11", a quarter "2026-Q4", a week "2026-W47"
 * @output: (nullable): the PDF to write
 * @csv: (nullable): the CSV file of the measures to write
 * @database_path: (nullable): the database; the usual one when %NULL
 *
 * Returns: %TRUE when what was asked for was written
 */
gboolean
amends_cli_write_summary (const char  *text,
                          const char  *output,
                          const char  *csv,
                          const char  *database_path,
                          GError     **error)
{
  g_autoptr(AmendsPeriod) period = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!(period = amends_period_parse (text, NULL, error)))
    return FALSE;

  if (output != NULL && output[0] == '\0')
    output = NULL;
  if (csv != NULL && csv[0] == '\0')
    csv = NULL;
  if (output == NULL && csv == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--summary needs --output and the name of the PDF file to write, or --csv and the name of the CSV file."));
      return FALSE;
    }

  return write_summary (period, output, csv, database_path, error);
}

/**
 * amends_cli_summary:
 *
 * The command line's entry for --summary: writes the summary, or says in
 * one line on standard error why it could not.
 *
 * Returns: the exit status, 0 or 1
 */
int
amends_cli_summary (const char *text,
                    const char *output,
                    const char *csv,
                    const char *database_path)
{
  g_autoptr(GError) error = NULL;

  if (!amends_cli_write_summary (text, output, csv, database_path, &error))
    {
      g_printerr ("amends: %s\n", error->message);
      return 1;
    }

  return 0;
}

/**
 * amends_cli_weekly_summary:
 *
 * The command line's entry: writes the summary, or says in one line on
 * standard error why it could not.
 *
 * Returns: the exit status, 0 or 1
 */
int
amends_cli_weekly_summary (const char *week,
                           const char *output,
                           const char *database_path)
{
  g_autoptr(GError) error = NULL;

  if (!amends_cli_write_weekly_summary (week, output, database_path, &error))
    {
      g_printerr ("amends: %s\n", error->message);
      return 1;
    }

  return 0;
}

static char *
timeline_path_for (const char *path)
{
  g_autofree char *base = g_str_has_suffix (path, ".csv")
                          ? g_strndup (path, strlen (path) - 4) : g_strdup (path);

  return g_strconcat (base, "-timeline.csv", NULL);
}

/* The database a command works on must be there: opening a mistyped path
 * would make a new, empty database and work on that instead.  With
 * --create, making it is what was asked for. */
static gboolean
check_database_exists (const char  *path,
                       gboolean     create,
                       GError     **error)
{
  g_autofree char *display = NULL;

  /* A server's database is made by its administrator (createdb), and
   * opening it never makes another. */
  if (create || amends_db_location_is_server (path) || g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("There is no database at “%s”. Add --create to make a new one."), display);
  return FALSE;
}

/**
 * amends_cli_backup:
 * @file: the backup to write
 *
 * Writes a consistent copy of the database, while Amends may be running.
 *
 * Returns: the exit status, 0 or 1
 */
int
amends_cli_backup (const char *file,
                   const char *database_path)
{
  g_autofree char *path = database_path ? g_strdup (database_path) : amends_store_get_default_path ();
  g_autofree char *display = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL || file[0] == '\0')
    {
      g_printerr ("amends: %s\n", _("--backup needs the name of the file to write."));
      return 1;
    }

  if (!check_database_exists (path, FALSE, &error) ||
      !amends_backup_write (path, file, &error))
    {
      g_printerr ("amends: %s\n", error->message);
      return 1;
    }

  display = g_filename_display_name (file);
  /* Translators: %s is a file name */
  g_print (_("Backup written to “%s”.\n"), display);
  return 0;
}

/**
 * amends_cli_copy_to:
 * @target: an empty server database, or a new file
 * @database_path: (nullable): the database in use; the usual one if %NULL
 *
 * Copies the whole history from the database in use to @target: from a
 * file to a server, or from a server to a new file (issue 16).
 *
 * Returns: the exit status, 0 or 1
 */
int
amends_cli_copy_to (const char *target,
                    const char *database_path)
{
  g_autofree char *path = database_path ? g_strdup (database_path) : amends_store_get_default_path ();
  g_autoptr(AmendsCopyResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (target == NULL || target[0] == '\0')
    {
      g_printerr ("amends: %s\n", _("--copy-to needs a server database (postgresql://…) or the name of a new file."));
      return 1;
    }

  if (!amends_copy_database (path, target, &result, &error))
    {
      g_printerr ("amends: %s\n", error->message);
      return 1;
    }

  /* Translators: the first %s is where the history was copied to (a file
   * or a server database); then numbers of cases, customers, members of
   * staff, timeline entries, and of all the rows and tables copied */
  g_print (_("Copied to “%s”: cases: %lld, customers: %lld, staff: %lld, timeline entries: %lld (%lld rows in %u tables).\n"),
           result->target,
           (long long) amends_copy_result_get_rows (result, "cases"),
           (long long) amends_copy_result_get_rows (result, "customers"),
           (long long) amends_copy_result_get_rows (result, "staff"),
           (long long) amends_copy_result_get_rows (result, "actions"),
           (long long) amends_copy_result_get_total (result),
           result->tables->len);
  return 0;
}

/**
 * amends_cli_restore:
 * @file: the backup to restore
 *
 * Checks the backup and puts it in the database's place, keeping the
 * database as it was beside it.
 *
 * Returns: the exit status, 0 or 1
 */
int
amends_cli_restore (const char *file,
                    const char *database_path)
{
  g_autofree char *path = database_path ? g_strdup (database_path) : amends_store_get_default_path ();
  g_autofree char *replaced = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL || file[0] == '\0')
    {
      g_printerr ("amends: %s\n", _("--restore needs the name of the backup to restore."));
      return 1;
    }

  if (!amends_backup_restore (file, path, &replaced, &error))
    {
      g_printerr ("amends: %s\n", error->message);
      return 1;
    }

  display = g_filename_display_name (file);
  /* Translators: %s is a file name */
  g_print (_("Restored “%s”.\n"), display);
  if (replaced != NULL)
    {
      g_autofree char *kept = g_filename_display_name (replaced);
      /* Translators: %s is a file name */
      g_print (_("The database as it was is kept in “%s”.\n"), kept);
    }
  return 0;
}

/**
 * amends_cli_export_csv:
 *
 * Writes every live case to @file, and their timelines beside it
 * (FILE-timeline.csv).
 *
 * Returns: the exit status, 0 or 1
 */
int
amends_cli_export_csv (const char *file,
                       const char *database_path,
                       gboolean    create)
{
  g_autofree char *path = database_path ? g_strdup (database_path) : amends_store_get_default_path ();
  g_autofree char *timeline = timeline_path_for (file);
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_database_exists (path, create, &error) ||
      !(store = amends_store_open (path, &error)) ||
      !amends_csv_export_cases_to_path (store, file, NULL, &error) ||
      !amends_csv_export_timeline_to_path (store, timeline, NULL, &error))
    {
      g_printerr ("amends: %s\n", error->message);
      return 1;
    }

  return 0;
}

static void
print_import_counts (AmendsCsvImport *import)
{
  guint imported = amends_csv_import_get_n_imported (import);
  guint updated = amends_csv_import_get_n_updated (import);
  guint skipped = amends_csv_import_get_n_skipped (import);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u case imported.\n", "%u cases imported.\n", imported), imported);
  if (updated > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u case already here updated.\n",
                          "%u cases already here updated.\n", updated), updated);
  if (skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u case already here left as it was (--update to update them).\n",
                          "%u cases already here left as they were (--update to update them).\n", skipped),
             skipped);
}

/**
 * amends_cli_import_csv:
 *
 * Imports the cases of @file, all or nothing; every bad row is said on
 * standard error, one a line.
 *
 * Returns: the exit status, 0 or 1
 */
int
amends_cli_import_csv (const char            *file,
                       const char            *database_path,
                       const AmendsCliImport *options)
{
  g_autofree char *path = database_path ? g_strdup (database_path) : amends_store_get_default_path ();
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_database_exists (path, options->create, &error) ||
      !(store = amends_store_open (path, &error)))
    {
      g_printerr ("amends: %s\n", error->message);
      return 1;
    }

  /* A damaged or unwritable database takes no import: say so before
   * reading the file, not after "N cases imported". */
  if (amends_store_get_read_only (store))
    {
      g_autofree char *name = g_filename_display_name (path);

      if (amends_store_get_damaged (store))
        g_printerr (_("amends: The database “%s” is damaged, so nothing was imported. Restore a backup first (amends --restore FILE).\n"), name);
      else
        g_printerr (_("amends: The database “%s” cannot be written to, so nothing was imported.\n"), name);
      return 1;
    }

  import = amends_csv_import_new (store);
  amends_csv_import_set_confirmed_large (import, options->yes);
  amends_csv_import_set_existing (import, options->update ? AMENDS_CSV_EXISTING_UPDATE
                                                          : AMENDS_CSV_EXISTING_SKIP);
  if (options->date_order != AMENDS_CSV_DATE_ORDER_UNKNOWN)
    amends_csv_import_set_date_order (import, options->date_order);

  if (!amends_csv_import_read_path (import, file, NULL, &error) ||
      !amends_csv_import_run (import, &error))
    {
      GPtrArray *problems = amends_csv_import_get_problems (import);

      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_printerr ("amends: %s\n", (const char *) problems->pdata[i]);
      g_printerr ("amends: %s\n", error->message);
      /* What the window would ask, the command line is told. */
      if (g_error_matches (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_TOO_MANY_ROWS))
        g_printerr ("amends: %s\n", _("Add --yes to import them all."));
      else if (g_error_matches (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_DATE_ORDER))
        g_printerr ("amends: %s\n", _("Add --date-order=day-first or --date-order=month-first to say how the dates are written."));
      return 1;
    }

  print_import_counts (import);
  return 0;
}

/* Issue 14: the training pack and a staff member's recovery record, as
 * PDF, without a display (amends --training-pack / --staff-record). */

static AmendsStore *
open_existing (const char  *database_path,
               GError     **error)
{
  g_autofree char *path = database_path ? g_strdup (database_path) : amends_store_get_default_path ();

  if (!check_database_exists (path, FALSE, error))
    return NULL;
  return amends_store_open_full (path, AMENDS_STORE_OPEN_CHECK_LATER, error);
}

static gboolean
need_output (const char  *option,
             const char  *output,
             GError     **error)
{
  if (output != NULL && output[0] != '\0')
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: %s is an option such as --training-pack */
               _("%s needs --output and the name of the PDF file to write."), option);
  return FALSE;
}

/**
 * amends_cli_write_training_pack:
 * @n_stories: (out) (optional): how many stories it holds
 *
 * Writes the training pack (the told stories marked for training) as PDF.
 */
gboolean
amends_cli_write_training_pack (const char  *output,
                                const char  *database_path,
                                guint       *n_stories,
                                GError     **error)
{
  g_auto(AmendsReportOptions) options = { 0 };
  g_autoptr(AmendsStore) store = NULL;

  if (!need_output ("--training-pack", output, error) ||
      !(store = open_existing (database_path, error)))
    return FALSE;

  amends_cli_load_report_options (&options);
  return amends_training_pack_write_pdf (store, options.organisation, NULL, output, n_stories, error);
}

/* "2026-05-01", midnight local time. */
static GDateTime *
parse_day (const char  *option,
           const char  *text,
           GError     **error)
{
  int y, m, d;
  char end;
  GDateTime *day = NULL;

  if (sscanf (text, "%d-%d-%d%c", &y, &m, &d, &end) == 3)
    day = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (day == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 /* Translators: the first %s is an option (--from), the second what was given */
                 _("%s takes a day written as 2026-05-01, not “%s”."), option, text);
  return day;
}

static gint64
find_staff (AmendsStore  *store,
            const char   *name,
            GError      **error)
{
  g_autoptr(GListModel) staff = amends_store_list_staff (store, TRUE, error);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  if (staff == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) person = g_list_model_get_item (staff, i);
      g_autofree char *folded = g_utf8_casefold (amends_staff_get_name (person), -1);

      if (g_str_equal (folded, wanted))
        return amends_record_get_id (AMENDS_RECORD (person));
    }

  g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is a name given on the command line */
               _("Nobody called “%s” is on the staff."), name);
  return 0;
}

/**
 * amends_cli_write_staff_record:
 * @from: (nullable): the first day, "2026-05-01"; 1 January of this year when %NULL
 * @to: (nullable): the last day, included; today when %NULL
 *
 * Writes a member of staff's recovery record over the days as PDF.
 */
gboolean
amends_cli_write_staff_record (const char  *name,
                               const char  *from,
                               const char  *to,
                               const char  *output,
                               const char  *database_path,
                               GError     **error)
{
  g_auto(AmendsReportOptions) options = { 0 };
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(AmendsStaffRecord) record = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) until = NULL;
  gint64 staff_id;

  if (!need_output ("--staff-record", output, error) ||
      !(store = open_existing (database_path, error)))
    return FALSE;

  now = amends_store_dup_now (store);
  start = from ? parse_day ("--from", from, error)
               : g_date_time_new_local (g_date_time_get_year (now), 1, 1, 0, 0, 0);
  if (start == NULL)
    return FALSE;
  last = to ? parse_day ("--to", to, error)
            : g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now), 0, 0, 0);
  if (last == NULL)
    return FALSE;
  until = g_date_time_add_days (last, 1);
  if (g_date_time_compare (until, start) <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--to is before --from."));
      return FALSE;
    }

  if (!(staff_id = find_staff (store, name, error)) ||
      !(record = amends_store_read_staff_record (store, staff_id, start, until, error)))
    return FALSE;

  amends_cli_load_report_options (&options);
  return amends_staff_record_write_pdf (record, options.organisation, now, output, error);
}

/**
 * amends_cli_run_training_options:
 *
 * The command line's entry for --training-pack and --staff-record: writes
 * the PDF, or says in one line on standard error why it could not.
 *
 * Returns: the exit status, 0 or 1
 */
int
amends_cli_run_training_options (GVariantDict *options,
                                 const char   *database_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean ok;

  g_variant_dict_lookup (options, "output", "^ay", &output);

  if (g_variant_dict_lookup (options, "staff-record", "s", &name))
    {
      g_variant_dict_lookup (options, "from", "s", &from);
      g_variant_dict_lookup (options, "to", "s", &to);
      ok = amends_cli_write_staff_record (name, from, to, output, database_path, &error);
    }
  else
    ok = amends_cli_write_training_pack (output, database_path, NULL, &error);

  if (!ok)
    {
      g_printerr ("amends: %s\n", error->message);
      return 1;
    }

  return 0;
}
