/* amends-csv-export-cells.c: every case in one statement, streamed to CSV
 *
 * Each cell is formatted from its column as the record would have read
 * and formatted it (see format_property() in amends-csv-export-readable.c),
 * without making a record of each row: a million cases are written in
 * the memory of one buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-export"

#include "config.h"

#include "amends-csv-export-private.h"

#include <time.h>

#include "amends-money.h"
#include "amends-store-rows.h"

char *
amends_csv_format_flags (GParamSpec   *pspec,
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

/* Where a case column comes from in the streaming query. */
char *
amends_csv_case_column_expression (const char *column)
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

AmendsCsvCell
amends_csv_cell_for_property (GObjectClass *klass,
                              const char   *column,
                              gboolean      is_text)
{
  g_autofree char *name = g_strdelimit (g_strdup (column), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (klass, name);
  AmendsCsvCell cell = { AMENDS_CSV_CELL_TEXT, is_text, pspec };
  GType type;

  if (pspec == NULL)
    return cell;

  type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  if (type == G_TYPE_DATE_TIME)
    cell.kind = AMENDS_CSV_CELL_TIME;
  else if (type == G_TYPE_BOOLEAN)
    cell.kind = AMENDS_CSV_CELL_BOOLEAN;
  else if (type == G_TYPE_INT64)
    cell.kind = AMENDS_CSV_CELL_INT64;
  else if (G_TYPE_IS_ENUM (type))
    cell.kind = AMENDS_CSV_CELL_ENUM;
  else if (G_TYPE_IS_FLAGS (type))
    cell.kind = AMENDS_CSV_CELL_FLAGS;

  return cell;
}

AmendsCsvCell
amends_csv_case_cell (GObjectClass *klass,
                      const char   *column)
{
  AmendsCsvCell cell = { AMENDS_CSV_CELL_TEXT, TRUE, NULL };

  if (g_str_equal (column, "customer") || g_str_equal (column, "customer_phone") ||
      g_str_equal (column, "customer_email") || g_str_equal (column, "owner"))
    return cell;
  if (g_str_equal (column, "surprise_cost"))
    return (AmendsCsvCell) { AMENDS_CSV_CELL_CENTS, FALSE, NULL };

  return amends_csv_cell_for_property (klass, column, amends_csv_case_column_is_text (column));
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

/* The text of column @i of @row as @cell says; @scratch holds it when it
 * is made rather than read. */
static const char *
format_cell (const AmendsCsvCell *cell,
             AmendsStoreRow      *row,
             int                  i,
             GString             *scratch)
{
  gboolean is_null = amends_store_row_is_null (row, i);
  gint64 number;

  if (cell->kind == AMENDS_CSV_CELL_TEXT)
    return amends_store_row_get_text (row, i);
  if (cell->kind == AMENDS_CSV_CELL_PATHS)
    {
      const char *lines = amends_store_row_get_text (row, i);
      g_auto(GStrv) paths = NULL;

      if (lines == NULL || cell->prefix == NULL)
        return lines;
      paths = g_strsplit (lines, "\n", -1);
      g_string_truncate (scratch, 0);
      for (guint p = 0; paths[p] != NULL; p++)
        g_string_append_printf (scratch, "%s%s/%s", p > 0 ? "\n" : "", cell->prefix, paths[p]);
      return scratch->str;
    }
  if (cell->kind == AMENDS_CSV_CELL_TIME)
    {
      g_string_set_size (scratch, 32);
      return is_null ? NULL : format_unix_time (amends_store_row_get_int64 (row, i), scratch->str);
    }

  number = is_null ? (cell->pspec ? default_int64 (cell->pspec) : 0) : amends_store_row_get_int64 (row, i);
  g_string_truncate (scratch, 0);

  switch (cell->kind)
    {
    case AMENDS_CSV_CELL_BOOLEAN:
      return number != 0 ? "yes" : "no";

    case AMENDS_CSV_CELL_INT64:
      g_string_append_printf (scratch, "%" G_GINT64_FORMAT, number);
      return scratch->str;

    case AMENDS_CSV_CELL_CENTS:
      if (number == 0)
        return NULL;
      {
        g_autofree char *amount = amends_money_format_plain (number);

        g_string_append (scratch, amount);
        return scratch->str;
      }

    case AMENDS_CSV_CELL_ENUM:
      {
        GEnumClass *klass = G_PARAM_SPEC_ENUM (cell->pspec)->enum_class;
        GEnumValue *ev = is_null ? NULL
                         : g_enum_get_value_by_nick (klass, amends_store_row_get_text (row, i));

        /* An unknown nick reads as the default, as a record reads it. */
        if (ev == NULL)
          ev = g_enum_get_value (klass, G_PARAM_SPEC_ENUM (cell->pspec)->default_value);
        return ev ? ev->value_nick : NULL;
      }

    case AMENDS_CSV_CELL_FLAGS:
      {
        g_auto(GValue) value = G_VALUE_INIT;
        g_autofree char *text = NULL;

        g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (cell->pspec));
        g_value_set_flags (&value, (guint) number);
        text = amends_csv_format_flags (cell->pspec, &value);
        g_string_append (scratch, text);
        return scratch->str;
      }

    case AMENDS_CSV_CELL_TEXT:
    case AMENDS_CSV_CELL_TIME:
    case AMENDS_CSV_CELL_PATHS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Appends a row of @row's columns, formatted as @cells say. */
static void
append_store_row (GString             *buffer,
                 AmendsStoreRow      *row,
                 const AmendsCsvCell *cells,
                 guint                n_cells,
                 GString             *scratch,
                 GString             *neutral)
{
  for (guint i = 0; i < n_cells; i++)
    {
      const char *text = format_cell (&cells[i], row, i, scratch);

      if (cells[i].is_text && text != NULL && amends_csv_starts_like_formula (text))
        {
          g_string_assign (neutral, "'");
          g_string_append (neutral, text);
          text = neutral->str;
        }
      amends_csv_append_field (buffer, text, i == 0);
    }
  g_string_append (buffer, "\r\n");
}

typedef struct
{
  const AmendsCsvCell *cells;
  guint                n_cells;
  GString             *buffer;
  GOutputStream       *out;
  GCancellable        *cancellable;
  GString             *scratch;
  GString             *neutral;
} StreamData;

static gboolean
stream_row_cb (AmendsStoreRow  *row,
               gpointer         user_data,
               GError         **error)
{
  StreamData *data = user_data;

  append_store_row (data->buffer, row, data->cells, data->n_cells, data->scratch, data->neutral);
  return !g_cancellable_set_error_if_cancelled (data->cancellable, error) &&
         amends_csv_flush (data->out, data->buffer, FALSE, data->cancellable, error);
}

/* Runs @sql and writes a row for each of its rows, flushing as it goes:
 * memory stays the same however many rows there are. */
gboolean
amends_csv_stream_rows (AmendsStore          *store,
                        const char           *sql,
                        const AmendsCsvCell  *cells,
                        guint                 n_cells,
                        GString              *buffer,
                        GOutputStream        *out,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) neutral = g_string_new (NULL);
  StreamData data = { cells, n_cells, buffer, out, cancellable, scratch, neutral };

  return amends_store_foreach_row (store, sql, stream_row_cb, &data, error) &&
         amends_csv_flush (out, buffer, TRUE, cancellable, error);
}
