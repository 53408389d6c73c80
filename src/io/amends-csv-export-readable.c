/* amends-csv-export-readable.c: what can be read of a damaged database, as CSV
 *
 * Every case that can be found is written: whole when its row reads, a
 * record at a time, and otherwise with what its indexes and the search
 * index still hold, so that the file can be imported into a new database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-export"

#include "config.h"

#include "amends-csv-export-private.h"

#include <glib/gi18n.h>

#include "amends-case.h"
#include "amends-money.h"
#include "amends-store-rows.h"

static char *
format_enum (GParamSpec   *pspec,
             const GValue *value)
{
  GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                     g_value_get_enum (value));
  return ev ? g_strdup (ev->value_nick) : NULL;
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
    return amends_csv_format_flags (pspec, value);

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

typedef struct
{
  GHashTable *salvages;
  int         what;
} SalvageData;

static gboolean
salvage_row_cb (AmendsStoreRow  *row,
                gpointer         user_data,
                GError         **error)
{
  SalvageData *data = user_data;
  Salvage *salvage = salvage_for (data->salvages, amends_store_row_get_int64 (row, 0));

  if (data->what == 0 && salvage->reference == NULL)
    salvage->reference = g_strdup (amends_store_row_get_text (row, 1));
  else if (data->what == 1)
    salvage->occurred_at = amends_store_row_get_int64 (row, 1);
  else if (data->what == 2)
    {
      salvage->summary = g_strdup (amends_store_row_get_text (row, 1));
      salvage->description = g_strdup (amends_store_row_get_text (row, 2));
      salvage->customer = g_strdup (amends_store_row_get_text (row, 3));
    }

  return TRUE;
}

/* Runs @sql over what it can read, row by row; a damaged page ends it, and
 * what came before stays: its error is not one to report. */
static void
salvage_rows (AmendsStore *store,
              GHashTable  *salvages,
              const char  *sql,
              int          what)
{
  SalvageData data = { salvages, what };

  amends_store_foreach_row (store, sql, salvage_row_cb, &data, NULL);
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
gboolean
amends_csv_export_readable_cases (AmendsStore    *store,
                                  GOutputStream  *out,
                                  guint          *n_whole,
                                  guint          *n_partial,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  g_autoptr(GHashTable) salvages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, salvage_free);
  g_autoptr(GHashTable) customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gboolean *is_text = NULL;
  const char * const *case_columns = amends_csv_case_columns ();
  guint n_columns = g_strv_length ((char **) case_columns);
  GHashTableIter iter;
  gpointer key;

  salvage_rows (store, salvages, "SELECT id, reference FROM cases INDEXED BY sqlite_autoindex_cases_1", 0);
  salvage_rows (store, salvages, "SELECT rowid, summary, description, customer FROM case_search", 2);
  salvage_rows (store, salvages, "SELECT id, occurred_at FROM cases INDEXED BY cases_by_occurred"
                                 " WHERE deleted_at IS NULL AND occurred_at IS NOT NULL", 1);

  amends_csv_append_row (buffer, case_columns, NULL, n_columns);
  g_type_ensure (AMENDS_TYPE_CASE);
  is_text = g_new0 (gboolean, n_columns);
  for (guint c = 0; c < n_columns; c++)
    is_text[c] = amends_csv_case_column_is_text (case_columns[c]);

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

      amends_csv_append_row (buffer, (const char * const *) values->pdata, is_text, n_columns);
      if (!amends_csv_flush (out, buffer, FALSE, cancellable, error))
        return FALSE;
    }

  return amends_csv_flush (out, buffer, TRUE, cancellable, error);
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

  if (!amends_csv_export_readable_cases (store, G_OUTPUT_STREAM (out), n_whole, n_partial, cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

typedef struct
{
  const gboolean *is_text;
  GString        *buffer;
  GOutputStream  *out;
  GCancellable   *cancellable;
  GError         *write_error;
} TimelineData;

static gboolean
write_timeline_row_cb (AmendsStoreRow  *row,
                       gpointer         user_data,
                       GError         **error)
{
  TimelineData *data = user_data;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (amends_store_row_get_int64 (row, 2));
  g_autofree char *done_at = amends_csv_format_time (when);
  const char *values[] = {
    amends_store_row_get_text (row, 0),
    amends_store_row_get_text (row, 1),
    done_at,
    amends_store_row_get_text (row, 3),
    amends_store_row_get_text (row, 4),
  };

  amends_csv_append_row (data->buffer, values, data->is_text, G_N_ELEMENTS (values));
  if (!amends_csv_flush (data->out, data->buffer, FALSE, data->cancellable, &data->write_error))
    {
      /* Only to stop: the caller reports the write error, not this. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stopped");
      return FALSE;
    }

  return TRUE;
}

/* A timeline row that cannot be read ends the timeline, as a damaged page
 * does; what was written before it stays.  Only a failed write is an
 * error. */
gboolean
amends_csv_export_readable_timeline (AmendsStore    *store,
                                     GOutputStream  *out,
                                     GCancellable   *cancellable,
                                     GError        **error)
{
  static const char sql[] =
    "SELECT (SELECT c.reference FROM cases AS c INDEXED BY sqlite_autoindex_cases_1 WHERE c.id = a.case_id),"
    "  a.kind, a.done_at, (SELECT s.name FROM staff AS s WHERE s.id = a.staff_id), a.text"
    " FROM actions AS a ORDER BY a.case_id, a.done_at";
  const char * const *timeline_columns = amends_csv_timeline_columns ();
  g_autoptr(GString) buffer = g_string_new (NULL);
  TimelineData data = { amends_csv_timeline_is_text (), buffer, out, cancellable, NULL };

  amends_csv_append_row (buffer, timeline_columns, NULL, g_strv_length ((char **) timeline_columns));
  amends_store_foreach_row (store, sql, write_timeline_row_cb, &data, NULL);
  if (data.write_error != NULL)
    {
      g_propagate_error (error, data.write_error);
      return FALSE;
    }

  return amends_csv_flush (out, buffer, TRUE, cancellable, error);
}
