/* amends-csv-export.c: cases and their timelines as CSV files (RFC 4180)
 *
 * One row a case, with names instead of ids (customer, owner) so that the
 * file means the same in another database; times in ISO 8601 UTC; enums by
 * their nick; money as a decimal.  The importer reads the same columns back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>

#include "amends-csv-export.h"
#include "amends-case-list.h"
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
  NULL
};

static const char * const timeline_columns[] = {
  "reference", "kind", "done_at", "staff", "text", NULL
};

/* Which of the timeline's columns are free text (see append_row()). */
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
static gboolean
starts_like_formula (const char *text)
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
  if (text == NULL || !starts_like_formula (text))
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
  if (text != NULL && text[0] == '\'' && starts_like_formula (text + 1))
    return text + 1;
  return text;
}

static void
append_field (GString    *line,
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

static gboolean
flush_line (GOutputStream *out,
            GString       *buffer,
            gboolean       force,
            GCancellable  *cancellable,
            GError       **error)
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
static void
append_row (GString            *buffer,
            const char * const *values,
            const gboolean     *is_text,
            guint               n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *neutral = is_text && is_text[i]
                                 ? amends_csv_neutralise_formula (values[i]) : NULL;

      append_field (buffer, neutral ? neutral : values[i], i == 0);
    }
  g_string_append (buffer, "\r\n");
}

/* Free text: the case's strings, and the names and contacts that come from
 * other records.  A reference is text too: an imported one can be anything. */
static gboolean
case_column_is_text (const char *column)
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

static char *
format_enum (GParamSpec   *pspec,
             const GValue *value)
{
  GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                     g_value_get_enum (value));
  return ev ? g_strdup (ev->value_nick) : NULL;
}

static char *
format_flags (GParamSpec   *pspec,
              const GValue *value)
{
  GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
  guint flags = g_value_get_flags (value);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      guint bit = klass->values[i].value;

      if (bit != 0 && (flags & bit) == bit)
        {
          if (text->len > 0)
            g_string_append_c (text, '|');
          g_string_append (text, klass->values[i].value_nick);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_cents (gint64 cents)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int) (cents % 100));
}

static char *
format_property (GObject    *object,
                 const char *column)
{
  g_autofree char *name = g_strdelimit (g_strdup (column), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  const GValue *value;
  GType type;

  g_return_val_if_fail (pspec != NULL, NULL);

  value = amends_record_peek_value (AMENDS_RECORD (object), pspec);
  type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_DATE_TIME)
    return amends_csv_format_time (g_value_get_boxed (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "yes" : "no");
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (G_TYPE_IS_ENUM (type))
    return format_enum (pspec, value);
  if (G_TYPE_IS_FLAGS (type))
    return format_flags (pspec, value);

  g_return_val_if_reached (NULL);
}

/* Customers are shared by many cases: read each once. */
static AmendsCustomer *
lookup_customer (AmendsStore  *store,
                 GHashTable   *customers,
                 gint64        id,
                 GError      **error)
{
  AmendsCustomer *customer;

  if (id == 0)
    return NULL;

  customer = g_hash_table_lookup (customers, &id);
  if (customer == NULL)
    {
      gint64 *key;

      customer = amends_store_load (store, AMENDS_TYPE_CUSTOMER, id, error);
      if (customer == NULL)
        return NULL;
      key = g_new (gint64, 1);
      *key = id;
      g_hash_table_insert (customers, key, customer);
    }

  return customer;
}

static char *
format_case_column (AmendsCase     *kase,
                    AmendsCustomer *customer,
                    const char     *column)
{
  if (g_str_equal (column, "customer"))
    return g_strdup (amends_case_get_customer_name (kase));
  if (g_str_equal (column, "customer_phone"))
    return customer ? g_strdup (amends_customer_get_phone (customer)) : NULL;
  if (g_str_equal (column, "customer_email"))
    return customer ? g_strdup (amends_customer_get_email (customer)) : NULL;
  if (g_str_equal (column, "owner"))
    return g_strdup (amends_case_get_owner_name (kase));
  if (g_str_equal (column, "surprise_cost"))
    {
      gint64 cents = 0;

      g_object_get (kase, "surprise-cost-cents", &cents, NULL);
      return cents ? format_cents (cents) : NULL;
    }

  return format_property (G_OBJECT (kase), column);
}

static AmendsCaseList *
list_all_cases (AmendsStore  *store,
                GError      **error)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;

  filter.sort = AMENDS_CASE_SORT_OLDEST;
  return amends_case_list_new (store, &filter, error);
}

/* What can still be read of a case whose row cannot: its reference and
 * when it happened from their indexes, and its summary, description and
 * customer from the search index, which keeps copies of them. */
typedef struct
{
  char  *reference;
  gint64 occurred_at;
  char  *summary;
  char  *description;
  char  *customer;
} Salvage;

static void
salvage_free (gpointer data)
{
  Salvage *salvage = data;

  g_free (salvage->reference);
  g_free (salvage->summary);
  g_free (salvage->description);
  g_free (salvage->customer);
  g_free (salvage);
}

static Salvage *
salvage_for (GHashTable *salvages,
             gint64      id)
{
  Salvage *salvage = g_hash_table_lookup (salvages, &id);

  if (salvage == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      salvage = g_new0 (Salvage, 1);
      g_hash_table_insert (salvages, key, salvage);
    }

  return salvage;
}

/* Runs @sql over what it can read, row by row; a damaged page ends it, and
 * what came before stays. */
static void
salvage_rows (AmendsStore *store,
              GHashTable  *salvages,
              const char  *sql,
              int          what)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (amends_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    return;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Salvage *salvage = salvage_for (salvages, sqlite3_column_int64 (stmt, 0));

      if (what == 0 && salvage->reference == NULL)
        salvage->reference = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      else if (what == 1)
        salvage->occurred_at = sqlite3_column_int64 (stmt, 1);
      else if (what == 2)
        {
          salvage->summary = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          salvage->description = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          salvage->customer = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
        }
    }
  sqlite3_finalize (stmt);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* A damaged database: every case that can be found is written, whole when
 * its row reads, and otherwise with what the indexes still hold. */
static gboolean
export_readable_cases (AmendsStore   *store,
                       GOutputStream *out,
                       guint         *n_whole,
                       guint         *n_partial,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GHashTable) salvages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, salvage_free);
  g_autoptr(GHashTable) customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gboolean *is_text = NULL;
  guint n_columns = g_strv_length ((char **) case_columns);
  GHashTableIter iter;
  gpointer key;

  salvage_rows (store, salvages, "SELECT id, reference FROM cases INDEXED BY sqlite_autoindex_cases_1", 0);
  salvage_rows (store, salvages, "SELECT rowid, summary, description, customer FROM case_search", 2);
  salvage_rows (store, salvages, "SELECT id, occurred_at FROM cases INDEXED BY cases_by_occurred"
                                 " WHERE deleted_at IS NULL AND occurred_at IS NOT NULL", 1);

  append_row (buffer, case_columns, NULL, n_columns);
  g_type_ensure (AMENDS_TYPE_CASE);
  is_text = g_new0 (gboolean, n_columns);
  for (guint c = 0; c < n_columns; c++)
    is_text[c] = case_column_is_text (case_columns[c]);

  g_hash_table_iter_init (&iter, salvages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      Salvage *salvage = g_hash_table_lookup (salvages, &id);
      g_autoptr(AmendsCase) kase = amends_store_load (store, AMENDS_TYPE_CASE, id, NULL);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (kase != NULL && amends_case_get_deleted_at (kase) != NULL)
        continue;

      for (guint c = 0; c < n_columns; c++)
        {
          const char *column = case_columns[c];

          if (kase != NULL)
            {
              AmendsCustomer *customer = lookup_customer (store, customers, amends_case_get_customer_id (kase), NULL);
              g_ptr_array_add (values, format_case_column (kase, customer, column));
            }
          else if (g_str_equal (column, "reference"))
            g_ptr_array_add (values, g_strdup (salvage->reference));
          else if (g_str_equal (column, "summary"))
            /* The importer needs a summary; say what is missing. */
            g_ptr_array_add (values, g_strdup (salvage->summary && *salvage->summary
                                               ? salvage->summary : _("(summary lost: the database is damaged)")));
          else if (g_str_equal (column, "description"))
            g_ptr_array_add (values, g_strdup (salvage->description));
          else if (g_str_equal (column, "customer"))
            g_ptr_array_add (values, g_strdup (salvage->customer));
          else if (g_str_equal (column, "occurred_at") && salvage->occurred_at != 0)
            {
              g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (salvage->occurred_at);
              g_ptr_array_add (values, amends_csv_format_time (when));
            }
          else
            g_ptr_array_add (values, NULL);
        }

      if (kase != NULL)
        (*n_whole)++;
      else
        (*n_partial)++;

      append_row (buffer, (const char * const *) values->pdata, is_text, n_columns);
      if (!flush_line (out, buffer, FALSE, cancellable, error))
        return FALSE;
    }

  return flush_line (out, buffer, TRUE, cancellable, error);
}

/**
 * amends_csv_export_readable_cases_to_path:
 * @n_whole: (out): how many cases were written whole
 * @n_partial: (out): how many only in part
 *
 * Exports what can be read of a damaged database: the cases whose rows
 * read, whole, and of the others what their indexes still hold.  On a
 * healthy database it is the usual export.
 */
gboolean
amends_csv_export_readable_cases_to_path (AmendsStore   *store,
                                          const char    *path,
                                          guint         *n_whole,
                                          guint         *n_partial,
                                          GCancellable  *cancellable,
                                          GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && n_whole != NULL && n_partial != NULL, FALSE);

  *n_whole = *n_partial = 0;
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, error);
  if (out == NULL)
    return FALSE;

  if (!export_readable_cases (store, G_OUTPUT_STREAM (out), n_whole, n_partial, cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

/**
 * amends_csv_export_cases:
 *
 * Writes every case not in the trash to @out, a header row first.  From a
 * damaged database, what can be read (see
 * amends_csv_export_readable_cases_to_path()).
 */
gboolean
amends_csv_export_cases (AmendsStore   *store,
                         GOutputStream *out,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(AmendsCaseList) cases = NULL;
  g_autoptr(GHashTable) customers = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autofree gboolean *is_text = NULL;
  guint n_columns = g_strv_length ((char **) case_columns);
  guint n_cases;

  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (amends_store_get_damaged (store))
    {
      guint n_whole = 0, n_partial = 0;

      return export_readable_cases (store, out, &n_whole, &n_partial, cancellable, error);
    }

  if (!(cases = list_all_cases (store, error)))
    return FALSE;

  customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  append_row (buffer, case_columns, NULL, n_columns);

  g_type_ensure (AMENDS_TYPE_CASE);
  is_text = g_new0 (gboolean, n_columns);
  for (guint c = 0; c < n_columns; c++)
    is_text[c] = case_column_is_text (case_columns[c]);

  n_cases = g_list_model_get_n_items (G_LIST_MODEL (cases));
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (G_LIST_MODEL (cases), i);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      AmendsCustomer *customer = NULL;
      gint64 customer_id = amends_case_get_customer_id (kase);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (customer_id != 0 &&
          !(customer = lookup_customer (store, customers, customer_id, error)))
        return FALSE;

      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (values, format_case_column (kase, customer, case_columns[c]));

      append_row (buffer, (const char * const *) values->pdata, is_text, n_columns);
      if (!flush_line (out, buffer, FALSE, cancellable, error))
        return FALSE;
    }

  return flush_line (out, buffer, TRUE, cancellable, error);
}

static gboolean
export_readable_timeline (AmendsStore   *store,
                          GOutputStream *out,
                          GCancellable  *cancellable,
                          GError       **error)
{
  static const char sql[] =
    "SELECT (SELECT c.reference FROM cases AS c INDEXED BY sqlite_autoindex_cases_1 WHERE c.id = a.case_id),"
    "  a.kind, a.done_at, (SELECT s.name FROM staff AS s WHERE s.id = a.staff_id), a.text"
    " FROM actions AS a ORDER BY a.case_id, a.done_at";
  g_autoptr(GString) buffer = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  append_row (buffer, timeline_columns, NULL, G_N_ELEMENTS (timeline_is_text));
  if (sqlite3_prepare_v2 (amends_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 2));
          g_autofree char *done_at = amends_csv_format_time (when);
          const char *values[] = {
            (const char *) sqlite3_column_text (stmt, 0),
            (const char *) sqlite3_column_text (stmt, 1),
            done_at,
            (const char *) sqlite3_column_text (stmt, 3),
            (const char *) sqlite3_column_text (stmt, 4),
          };

          append_row (buffer, values, timeline_is_text, G_N_ELEMENTS (values));
          if (!flush_line (out, buffer, FALSE, cancellable, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
    }
  sqlite3_finalize (stmt);

  return flush_line (out, buffer, TRUE, cancellable, error);
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
  g_autoptr(AmendsCaseList) cases = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  guint n_columns = g_strv_length ((char **) timeline_columns);
  guint n_cases;

  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* A damaged database's timeline is its own table: it may read whole
   * even when the cases do not, and the cases' export does not need it. */
  if (amends_store_get_damaged (store))
    return export_readable_timeline (store, out, cancellable, error);

  if (!(cases = list_all_cases (store, error)))
    return FALSE;

  append_row (buffer, timeline_columns, NULL, n_columns);

  n_cases = g_list_model_get_n_items (G_LIST_MODEL (cases));
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (G_LIST_MODEL (cases), i);
      g_autoptr(GListModel) actions = NULL;
      guint n_actions;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      actions = amends_store_list_actions (store, amends_record_get_id (AMENDS_RECORD (kase)), error);
      if (actions == NULL)
        return FALSE;

      n_actions = g_list_model_get_n_items (actions);
      for (guint a = 0; a < n_actions; a++)
        {
          g_autoptr(AmendsAction) action = g_list_model_get_item (actions, a);
          g_autofree char *kind = format_property (G_OBJECT (action), "kind");
          g_autofree char *done_at = amends_csv_format_time (amends_action_get_done_at (action));
          const char *values[] = {
            amends_case_get_reference (kase),
            kind,
            done_at,
            amends_action_get_staff_name (action),
            amends_action_get_text (action),
          };

          G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (timeline_is_text));
          append_row (buffer, values, timeline_is_text, G_N_ELEMENTS (values));
        }

      if (!flush_line (out, buffer, FALSE, cancellable, error))
        return FALSE;
    }

  return flush_line (out, buffer, TRUE, cancellable, error);
}

typedef gboolean (*ExportFunc) (AmendsStore *, GOutputStream *, GCancellable *, GError **);

/* GFile's replace writes a temporary file beside @path and renames it over
 * @path only when everything was written: a failed export never leaves half
 * a file, nor destroys the previous one. */
static gboolean
export_to_path (ExportFunc     func,
                AmendsStore   *store,
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

  if (!func (store, G_OUTPUT_STREAM (out), cancellable, error))
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
  g_return_val_if_fail (path != NULL, FALSE);

  return export_to_path (amends_csv_export_cases, store, path, cancellable, error);
}

gboolean
amends_csv_export_timeline_to_path (AmendsStore   *store,
                                    const char    *path,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return export_to_path (amends_csv_export_timeline, store, path, cancellable, error);
}
