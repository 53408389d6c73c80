/* amends-csv-export.c: cases and their timelines as CSV files (RFC 4180)
 *
 * One row a case, with names instead of ids (customer, owner) so that the
 * file means the same in another database; times in ISO 8601 UTC; enums by
 * their nick; money as a decimal with a dot and no grouping ("1250.50"),
 * whatever the locale, as the screens' "1.250,50" would not survive a
 * spreadsheet in another language.  The importer reads the same columns
 * back (amends_money_parse_plain(): the same in every locale).
 *
 * This file writes the CSV text and the files; the cells of the streaming
 * query are amends-csv-export-cells.c, and what is written of a damaged
 * database amends-csv-export-readable.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-export"

#include "config.h"

#include "amends-csv-export.h"

#include "amends-csv-export-private.h"

#include <csv.h>

#include "amends-action.h"
#include "amends-case.h"
#include "amends-store-private.h"

/* Flush to the stream when this much is buffered. */
#define FLUSH_SIZE (64 * 1024)

static const char * const case_columns[] = {
  "reference", "summary", "description", "customer", "customer_phone",
  "customer_email", "category", "severity", "channel", "noticed_by",
  "occurred_at", "logged_at", "owner", "team", "status", "recovery_due_at",
  "recovered_at", "closed_at", "paused_seconds", "fix", "surprise",
  "surprise_cost", "rule_bent", "bent_rule", "bent_rule_why", "rater_failed",
  "rater_shown", "reaction", "came_back", "lesson", "follow_up_due_at",
  /* The guest's stay: a file without these columns reads as before. */
  "room", "arrival_at", "departure_at",
  /* What the lesson was of, and whether the process changed for it
   * (schema 10): a file without them reads as before too. */
  "lesson_cause", "process_changed",
  NULL
};

static const char * const timeline_columns[] = {
  "reference", "kind", "done_at", "staff", "text", NULL
};

/* Which of the timeline's columns are free text (see amends_csv_append_row()). */
static const gboolean timeline_is_text[] = {
  TRUE, FALSE, FALSE, TRUE, TRUE
};

const char * const *
amends_csv_case_columns (void)
{
  return case_columns;
}

const char * const *
amends_csv_timeline_columns (void)
{
  return timeline_columns;
}

/* Which of amends_csv_timeline_columns() are free text. */
const gboolean *
amends_csv_timeline_is_text (void)
{
  return timeline_is_text;
}

/* "2026-11-18T10:00:00Z": UTC, so the file means the same everywhere. */
char *
amends_csv_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* OWASP "CSV injection": a spreadsheet runs a cell that begins with one of
 * these as a formula.  A cell that begins with quotes and then one of these
 * is neutralised too, so that the importer, which takes off one quote from
 * such a cell, gets back exactly what was written. */
gboolean
amends_csv_starts_like_formula (const char *text)
{
  while (*text == '\'')
    text++;
  return *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
}

/**
 * amends_csv_neutralise_formula:
 *
 * Returns: (transfer full) (nullable): @text with a leading `'` when a
 *   spreadsheet would take it for a formula, else %NULL
 */
char *
amends_csv_neutralise_formula (const char *text)
{
  if (text == NULL || !amends_csv_starts_like_formula (text))
    return NULL;
  return g_strconcat ("'", text, NULL);
}

/**
 * amends_csv_unneutralise_formula:
 *
 * Returns: (transfer none): @text without the `'` that
 *   amends_csv_neutralise_formula() put before it, if it has one
 */
const char *
amends_csv_unneutralise_formula (const char *text)
{
  if (text != NULL && text[0] == '\'' && amends_csv_starts_like_formula (text + 1))
    return text + 1;
  return text;
}

void
amends_csv_append_field (GString    *line,
                         const char *text,
                         gboolean    first)
{
  gsize len;

  if (!first)
    g_string_append_c (line, ',');
  if (text == NULL || *text == '\0')
    return;

  len = strlen (text);
  /* Quote only what needs it, so the file stays readable in a text editor;
   * leading or trailing spaces are quoted too, as some readers trim them. */
  if (strpbrk (text, ",\"\r\n;") != NULL ||
      g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1]))
    {
      gsize needed = csv_write (NULL, 0, text, len);
      gsize start = line->len;

      g_string_set_size (line, start + needed);
      csv_write (line->str + start, needed, text, len);
    }
  else
    g_string_append_len (line, text, len);
}

gboolean
amends_csv_flush (GOutputStream  *out,
                  GString        *buffer,
                  gboolean        force,
                  GCancellable   *cancellable,
                  GError        **error)
{
  if (!force && buffer->len < FLUSH_SIZE)
    return TRUE;

  if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;

  g_string_truncate (buffer, 0);
  return TRUE;
}

/* @is_text says which columns hold free text: only those are neutralised.
 * The others (times, numbers, money, yes/no, enum nicks) are written by us
 * from typed values and hold no formula; and "-5" there must stay a number
 * to a spreadsheet, not become the text "'-5". */
void
amends_csv_append_row (GString            *buffer,
                       const char * const *values,
                       const gboolean     *is_text,
                       guint               n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *neutral = is_text && is_text[i]
                                 ? amends_csv_neutralise_formula (values[i]) : NULL;

      amends_csv_append_field (buffer, neutral ? neutral : values[i], i == 0);
    }
  g_string_append (buffer, "\r\n");
}

/* Free text: the case's strings, and the names and contacts that come from
 * other records.  A reference is text too: an imported one can be anything. */
gboolean
amends_csv_case_column_is_text (const char *column)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *name = NULL;
  GParamSpec *pspec;

  if (g_str_equal (column, "customer") || g_str_equal (column, "customer_phone") ||
      g_str_equal (column, "customer_email") || g_str_equal (column, "owner"))
    return TRUE;
  if (g_str_equal (column, "surprise_cost"))
    return FALSE;

  /* Ref, not peek: with no case read yet (an empty or damaged database)
   * the class may not exist. */
  name = g_strdelimit (g_strdup (column), "_", '-');
  klass = g_type_class_ref (AMENDS_TYPE_CASE);
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
  return pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING;
}

/* The cases, and after their columns one more, "attachments": the paths
 * of the case's attachments, one a line, in @folder (the folder beside
 * the CSV file that amends_csv_export_attachments() fills), or relative
 * to it when @folder is NULL.  The importer does not read it back. */
static gboolean
export_cases (AmendsStore   *store,
              const char    *folder,
              GOutputStream *out,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GString) sql = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree AmendsCsvCell *cells = NULL;
  g_autofree const char **header = NULL;
  guint n_columns = g_strv_length ((char **) case_columns);

  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (amends_store_get_damaged (store))
    {
      guint n_whole = 0, n_partial = 0;

      return amends_csv_export_readable_cases (store, out, &n_whole, &n_partial, cancellable, error);
    }

  g_type_ensure (AMENDS_TYPE_CASE);
  klass = g_type_class_ref (AMENDS_TYPE_CASE);
  cells = g_new0 (AmendsCsvCell, n_columns + 1);
  header = g_new0 (const char *, n_columns + 2);
  sql = g_string_new ("SELECT ");
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *expression = amends_csv_case_column_expression (case_columns[c]);

      cells[c] = amends_csv_case_cell (G_OBJECT_CLASS (klass), case_columns[c]);
      header[c] = case_columns[c];
      g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", expression);
    }
  /* One lookup in attachments_by_case a case; never the data.  SQLite
   * 3.40 has no string_agg; its group_concat follows the subquery's order. */
  if (amends_store_get_engine (store) == AMENDS_DB_ENGINE_POSTGRESQL)
    g_string_append (sql, ", (SELECT string_agg (" AMENDS_CSV_ATTACHMENT_PATH (PG, "a", "c") ", chr (10)"
                          "                      ORDER BY a.added_at, a.id)"
                          " FROM attachments AS a WHERE a.case_id = c.id AND a.deleted_at IS NULL)");
  else
    g_string_append (sql, ", (SELECT group_concat (path, char (10)) FROM"
                          " (SELECT " AMENDS_CSV_ATTACHMENT_PATH (SQLITE, "a", "c") " AS path"
                          " FROM attachments AS a WHERE a.case_id = c.id AND a.deleted_at IS NULL"
                          " ORDER BY a.added_at, a.id))");
  cells[n_columns] = (AmendsCsvCell) { AMENDS_CSV_CELL_PATHS, TRUE, NULL, folder };
  header[n_columns] = "attachments";
  /* The case list's order when sorted oldest first, read in the order
   * of the index cases_by_occurred: no sort, nothing held. */
  g_string_append (sql, " FROM cases AS c"
                        " LEFT JOIN customers AS p ON p.id = c.customer_id"
                        " LEFT JOIN staff AS s ON s.id = c.owner_id"
                        " WHERE c.deleted_at IS NULL ORDER BY c.occurred_at, c.id");

  amends_csv_append_row (buffer, header, NULL, n_columns + 1);
  return amends_csv_stream_rows (store, sql->str, cells, n_columns + 1, buffer, out, cancellable, error);
}

/**
 * amends_csv_export_cases:
 *
 * Writes every case not in the trash to @out, a header row first, and
 * last a column "attachments" with the paths of each case's attachments
 * in the folder amends_csv_export_cases_to_path() writes.  From a
 * damaged database, what can be read (see
 * amends_csv_export_readable_cases_to_path()).
 */
gboolean
amends_csv_export_cases (AmendsStore   *store,
                         GOutputStream *out,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return export_cases (store, NULL, out, cancellable, error);
}

/**
 * amends_csv_export_timeline:
 *
 * Writes the timeline of every case not in the trash to @out: one row an
 * action, keyed by the case's reference.
 */
gboolean
amends_csv_export_timeline (AmendsStore   *store,
                            GOutputStream *out,
                            GCancellable  *cancellable,
                            GError       **error)
{
  /* The cases in the order of the cases' export, each one's actions in
   * the order of its timeline, all through indexes: no sort. */
  static const char sql[] =
    "SELECT c.reference, a.kind, a.done_at, st.name, a.text"
    " FROM cases AS c JOIN actions AS a ON a.case_id = c.id"
    " LEFT JOIN staff AS st ON st.id = a.staff_id"
    " WHERE c.deleted_at IS NULL ORDER BY c.occurred_at, c.id, a.done_at, a.id";
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GTypeClass) klass = NULL;
  guint n_columns = g_strv_length ((char **) timeline_columns);
  AmendsCsvCell cells[G_N_ELEMENTS (timeline_is_text)];

  G_STATIC_ASSERT (G_N_ELEMENTS (timeline_columns) == G_N_ELEMENTS (timeline_is_text) + 1);

  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* A damaged database's timeline is its own table: it may read whole
   * even when the cases do not, and the cases' export does not need it. */
  if (amends_store_get_damaged (store))
    return amends_csv_export_readable_timeline (store, out, cancellable, error);

  g_type_ensure (AMENDS_TYPE_ACTION);
  klass = g_type_class_ref (AMENDS_TYPE_ACTION);
  cells[0] = (AmendsCsvCell) { AMENDS_CSV_CELL_TEXT, timeline_is_text[0], NULL };
  cells[1] = amends_csv_cell_for_property (G_OBJECT_CLASS (klass), "kind", timeline_is_text[1]);
  cells[2] = amends_csv_cell_for_property (G_OBJECT_CLASS (klass), "done_at", timeline_is_text[2]);
  cells[3] = (AmendsCsvCell) { AMENDS_CSV_CELL_TEXT, timeline_is_text[3], NULL };
  cells[4] = (AmendsCsvCell) { AMENDS_CSV_CELL_TEXT, timeline_is_text[4], NULL };

  amends_csv_append_row (buffer, timeline_columns, NULL, n_columns);
  return amends_csv_stream_rows (store, sql, cells, n_columns, buffer, out, cancellable, error);
}

typedef gboolean (*ExportFunc) (AmendsStore *, const char *, GOutputStream *, GCancellable *, GError **);

static gboolean
export_timeline (AmendsStore   *store,
                 const char    *folder,
                 GOutputStream *out,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return amends_csv_export_timeline (store, out, cancellable, error);
}

/* GFile's replace writes a temporary file beside @path and renames it over
 * @path only when everything was written: a failed export never leaves half
 * a file, nor destroys the previous one. */
static gboolean
export_to_path (ExportFunc     func,
                AmendsStore   *store,
                const char    *folder,
                const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, error);
  if (out == NULL)
    return FALSE;

  if (!func (store, folder, G_OUTPUT_STREAM (out), cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing a cancelled replace stream discards the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

gboolean
amends_csv_export_cases_to_path (AmendsStore   *store,
                                 const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  /* The files first: a CSV file that names them is written only once
   * they are all there. */
  folder = amends_csv_attachments_folder_name (path);
  if (!amends_store_get_damaged (store) &&
      !amends_csv_export_attachments (store, path, cancellable, error))
    return FALSE;
  return export_to_path (export_cases, store, folder, path, cancellable, error);
}

gboolean
amends_csv_export_timeline_to_path (AmendsStore   *store,
                                    const char    *path,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return export_to_path (export_timeline, store, NULL, path, cancellable, error);
}
