/* amends-csv-export.c: cases and their timelines as CSV files (RFC 4180)
 *
 * One row a case, with names instead of ids (customer, owner) so that the
 * file means the same in another database; times in ISO 8601 UTC; enums by
 * their nick; money as a decimal.  The importer reads the same columns back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-export"

#include "config.h"

#include <time.h>

#include <csv.h>
#include <glib/gi18n.h>

#include "amends-csv-export.h"
#include "amends-case.h"
#include "amends-action.h"
#include "amends-money.h"
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
      return cents ? amends_money_format_plain (cents) : NULL;
    }

  return format_property (G_OBJECT (kase), column);
}

/* Streaming: every case in one statement, each cell formatted from its
 * column as the record would have read and formatted it (see
 * format_property()), without making a record of each row. */
typedef enum
{
  CELL_TEXT,
  CELL_TIME,
  CELL_BOOLEAN,
  CELL_INT64,
  CELL_ENUM,
  CELL_FLAGS,
  CELL_CENTS,
} CellKind;

typedef struct
{
  CellKind    kind;
  gboolean    is_text;    /* free text: neutralised */
  GParamSpec *pspec;      /* its default, and its enum or flags class */
} Cell;

/* Where a case column comes from in the streaming query. */
static char *
case_column_expression (const char *column)
{
  if (g_str_equal (column, "customer"))
    return g_strdup ("p.name");
  if (g_str_equal (column, "customer_phone"))
    return g_strdup ("p.phone");
  if (g_str_equal (column, "customer_email"))
    return g_strdup ("p.email");
  if (g_str_equal (column, "owner"))
    return g_strdup ("s.name");
  if (g_str_equal (column, "surprise_cost"))
    return g_strdup ("c.surprise_cost_cents");

  return g_strconcat ("c.", column, NULL);
}

static Cell
cell_for_property (GObjectClass *klass,
                   const char   *column,
                   gboolean      is_text)
{
  g_autofree char *name = g_strdelimit (g_strdup (column), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (klass, name);
  Cell cell = { CELL_TEXT, is_text, pspec };
  GType type;

  if (pspec == NULL)
    return cell;

  type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  if (type == G_TYPE_DATE_TIME)
    cell.kind = CELL_TIME;
  else if (type == G_TYPE_BOOLEAN)
    cell.kind = CELL_BOOLEAN;
  else if (type == G_TYPE_INT64)
    cell.kind = CELL_INT64;
  else if (G_TYPE_IS_ENUM (type))
    cell.kind = CELL_ENUM;
  else if (G_TYPE_IS_FLAGS (type))
    cell.kind = CELL_FLAGS;

  return cell;
}

static Cell
case_cell (GObjectClass *klass,
           const char   *column)
{
  Cell cell = { CELL_TEXT, TRUE, NULL };

  if (g_str_equal (column, "customer") || g_str_equal (column, "customer_phone") ||
      g_str_equal (column, "customer_email") || g_str_equal (column, "owner"))
    return cell;
  if (g_str_equal (column, "surprise_cost"))
    return (Cell) { CELL_CENTS, FALSE, NULL };

  return cell_for_property (klass, column, case_column_is_text (column));
}

static char *
put_digits (char *p,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    p[i] = '0' + value % 10;
  return p + width;
}

/* As amends_csv_format_time() writes it, for the range GDateTime holds
 * (years 1 to 9999), without making one: a million cases have six million
 * times, and printf was a sixth of the export. */
static const char *
format_unix_time (gint64  t,
                  char   *out)
{
  struct tm tm;
  time_t tt = (time_t) t;
  char *p = out;
  int year;

  if (t < G_GINT64_CONSTANT (-62135596800) || t > G_GINT64_CONSTANT (253402300799) ||
      gmtime_r (&tt, &tm) == NULL)
    return NULL;

  /* GDateTime's %Y does not pad the year. */
  year = tm.tm_year + 1900;
  p = put_digits (p, year, year >= 1000 ? 4 : year >= 100 ? 3 : year >= 10 ? 2 : 1);
  *p++ = '-';
  p = put_digits (p, tm.tm_mon + 1, 2);
  *p++ = '-';
  p = put_digits (p, tm.tm_mday, 2);
  *p++ = 'T';
  p = put_digits (p, tm.tm_hour, 2);
  *p++ = ':';
  p = put_digits (p, tm.tm_min, 2);
  *p++ = ':';
  p = put_digits (p, tm.tm_sec, 2);
  *p++ = 'Z';
  *p = '\0';

  return out;
}

static gint64
default_int64 (GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_param_value_set_default (pspec, &value);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_value_get_boolean (&value);
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_value_get_int64 (&value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);
  if (G_VALUE_HOLDS_FLAGS (&value))
    return g_value_get_flags (&value);
  return 0;
}

/* The text of column @i of @stmt as @cell says; @scratch holds it when it
 * is made rather than read. */
static const char *
format_cell (const Cell   *cell,
             sqlite3_stmt *stmt,
             int           i,
             GString      *scratch)
{
  gboolean is_null = sqlite3_column_type (stmt, i) == SQLITE_NULL;
  gint64 number;

  if (cell->kind == CELL_TEXT)
    return (const char *) sqlite3_column_text (stmt, i);
  if (cell->kind == CELL_TIME)
    {
      g_string_set_size (scratch, 32);
      return is_null ? NULL : format_unix_time (sqlite3_column_int64 (stmt, i), scratch->str);
    }

  number = is_null ? (cell->pspec ? default_int64 (cell->pspec) : 0) : sqlite3_column_int64 (stmt, i);
  g_string_truncate (scratch, 0);

  switch (cell->kind)
    {
    case CELL_BOOLEAN:
      return number != 0 ? "yes" : "no";

    case CELL_INT64:
      g_string_append_printf (scratch, "%" G_GINT64_FORMAT, number);
      return scratch->str;

    case CELL_CENTS:
      if (number == 0)
        return NULL;
      {
        g_autofree char *amount = amends_money_format_plain (number);

        g_string_append (scratch, amount);
        return scratch->str;
      }

    case CELL_ENUM:
      {
        GEnumClass *klass = G_PARAM_SPEC_ENUM (cell->pspec)->enum_class;
        GEnumValue *ev = is_null ? NULL
                         : g_enum_get_value_by_nick (klass, (const char *) sqlite3_column_text (stmt, i));

        /* An unknown nick reads as the default, as a record reads it. */
        if (ev == NULL)
          ev = g_enum_get_value (klass, G_PARAM_SPEC_ENUM (cell->pspec)->default_value);
        return ev ? ev->value_nick : NULL;
      }

    case CELL_FLAGS:
      {
        g_auto(GValue) value = G_VALUE_INIT;
        g_autofree char *text = NULL;

        g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (cell->pspec));
        g_value_set_flags (&value, (guint) number);
        text = format_flags (cell->pspec, &value);
        g_string_append (scratch, text);
        return scratch->str;
      }

    case CELL_TEXT:
    case CELL_TIME:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Appends a row of @stmt's columns, formatted as @cells say. */
static void
append_stmt_row (GString      *buffer,
                 sqlite3_stmt *stmt,
                 const Cell   *cells,
                 guint         n_cells,
                 GString      *scratch,
                 GString      *neutral)
{
  for (guint i = 0; i < n_cells; i++)
    {
      const char *text = format_cell (&cells[i], stmt, i, scratch);

      if (cells[i].is_text && text != NULL && starts_like_formula (text))
        {
          g_string_assign (neutral, "'");
          g_string_append (neutral, text);
          text = neutral->str;
        }
      append_field (buffer, text, i == 0);
    }
  g_string_append (buffer, "\r\n");
}

/* Runs @sql and writes a row for each of its rows, flushing as it goes:
 * memory stays the same however many rows there are. */
static gboolean
stream_rows (AmendsStore   *store,
             const char    *sql,
             const Cell    *cells,
             guint          n_cells,
             GString       *buffer,
             GOutputStream *out,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) neutral = g_string_new (NULL);
  sqlite3 *db = amends_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) != SQLITE_OK)
    return amends_store_set_error (store, rc, error);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      append_stmt_row (buffer, stmt, cells, n_cells, scratch, neutral);
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           flush_line (out, buffer, FALSE, cancellable, error);
    }

  if (ok && rc != SQLITE_DONE)
    ok = amends_store_set_error (store, rc, error);
  sqlite3_finalize (stmt);

  return ok && flush_line (out, buffer, TRUE, cancellable, error);
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
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GString) sql = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree Cell *cells = NULL;
  guint n_columns = g_strv_length ((char **) case_columns);

  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (amends_store_get_damaged (store))
    {
      guint n_whole = 0, n_partial = 0;

      return export_readable_cases (store, out, &n_whole, &n_partial, cancellable, error);
    }

  g_type_ensure (AMENDS_TYPE_CASE);
  klass = g_type_class_ref (AMENDS_TYPE_CASE);
  cells = g_new0 (Cell, n_columns);
  sql = g_string_new ("SELECT ");
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *expression = case_column_expression (case_columns[c]);

      cells[c] = case_cell (G_OBJECT_CLASS (klass), case_columns[c]);
      g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", expression);
    }
  /* The case list's order when sorted oldest first, read in the order
   * of the index cases_by_occurred: no sort, nothing held. */
  g_string_append (sql, " FROM cases AS c"
                        " LEFT JOIN customers AS p ON p.id = c.customer_id"
                        " LEFT JOIN staff AS s ON s.id = c.owner_id"
                        " WHERE c.deleted_at IS NULL ORDER BY c.occurred_at, c.id");

  append_row (buffer, case_columns, NULL, n_columns);
  return stream_rows (store, sql->str, cells, n_columns, buffer, out, cancellable, error);
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
  Cell cells[G_N_ELEMENTS (timeline_is_text)];

  G_STATIC_ASSERT (G_N_ELEMENTS (timeline_columns) == G_N_ELEMENTS (timeline_is_text) + 1);

  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* A damaged database's timeline is its own table: it may read whole
   * even when the cases do not, and the cases' export does not need it. */
  if (amends_store_get_damaged (store))
    return export_readable_timeline (store, out, cancellable, error);

  g_type_ensure (AMENDS_TYPE_ACTION);
  klass = g_type_class_ref (AMENDS_TYPE_ACTION);
  cells[0] = (Cell) { CELL_TEXT, timeline_is_text[0], NULL };
  cells[1] = cell_for_property (G_OBJECT_CLASS (klass), "kind", timeline_is_text[1]);
  cells[2] = cell_for_property (G_OBJECT_CLASS (klass), "done_at", timeline_is_text[2]);
  cells[3] = (Cell) { CELL_TEXT, timeline_is_text[3], NULL };
  cells[4] = (Cell) { CELL_TEXT, timeline_is_text[4], NULL };

  append_row (buffer, timeline_columns, NULL, n_columns);
  return stream_rows (store, sql, cells, n_columns, buffer, out, cancellable, error);
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
