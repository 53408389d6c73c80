/* amends-csv-import.c: cases from a CSV file, all or nothing
 *
 * The import object, and what the person answers before its rows are
 * saved: the field each column fills, how the dates are written, whether
 * so many rows are meant, what becomes of cases already here.
 *
 * Reading a file into it is amends-csv-import-read.c; checking every
 * row, amends-csv-validate.c; saving them, amends-csv-import-run.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-import"

#include "config.h"

#include "amends-csv-import.h"

#include "amends-csv-import-private.h"

#include <float.h>

#include "amends-csv-export.h"
#include "amends-csv-mapping.h"
#include "amends-csv-reader.h"

G_DEFINE_FINAL_TYPE (AmendsCsvImport, amends_csv_import, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AmendsCsvDateOrder, amends_csv_date_order,
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_DATE_ORDER_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_DATE_ORDER_DAY_FIRST, "day-first"),
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_DATE_ORDER_MONTH_FIRST, "month-first"))

G_DEFINE_ENUM_TYPE (AmendsCsvExisting, amends_csv_existing,
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_EXISTING_SKIP, "skip"),
  G_DEFINE_ENUM_VALUE (AMENDS_CSV_EXISTING_UPDATE, "update"))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FRACTION,
  PROP_CONFIRMED_LARGE,
  PROP_DATE_ORDER,
  PROP_EXISTING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_QUARK (amends-csv-error-quark, amends_csv_error)

/* The order the file's day/month dates are read in. */
static AmendsCsvDateOrder
effective_date_order (AmendsCsvImport *self)
{
  return amends_csv_dates_get_order (&self->dates, self->date_order, self->format);
}

/* GObject */

static void
amends_csv_import_finalize (GObject *object)
{
  AmendsCsvImport *self = (AmendsCsvImport *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->config_dir, g_free);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->read_problems, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  amends_csv_inserter_clear (&self->inserter);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  amends_csv_dates_clear (&self->dates);

  G_OBJECT_CLASS (amends_csv_import_parent_class)->finalize (object);
}

static void
amends_csv_import_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsCsvImport *self = AMENDS_CSV_IMPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_CONFIRMED_LARGE:
      g_value_set_boolean (value, self->confirmed_large);
      break;
    case PROP_DATE_ORDER:
      g_value_set_enum (value, amends_csv_import_get_date_order (self));
      break;
    case PROP_EXISTING:
      g_value_set_enum (value, self->existing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_csv_import_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsCsvImport *self = AMENDS_CSV_IMPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CONFIRMED_LARGE:
      amends_csv_import_set_confirmed_large (self, g_value_get_boolean (value));
      break;
    case PROP_DATE_ORDER:
      amends_csv_import_set_date_order (self, g_value_get_enum (value));
      break;
    case PROP_EXISTING:
      amends_csv_import_set_existing (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_csv_import_class_init (AmendsCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amends_csv_import_finalize;
  object_class->get_property = amends_csv_import_get_property;
  object_class->set_property = amends_csv_import_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* How much of the import is done, from 0 to 1, for a progress bar. */
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* That the person confirmed importing more than
   * AMENDS_CSV_MAX_ROWS_UNCONFIRMED rows (--yes on the command line). */
  properties [PROP_CONFIRMED_LARGE] =
    g_param_spec_boolean ("confirmed-large", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* How the day/month dates of the file are read: as set, else as the
   * file shows; unknown when nothing tells. */
  properties [PROP_DATE_ORDER] =
    g_param_spec_enum ("date-order", NULL, NULL,
                       AMENDS_TYPE_CSV_DATE_ORDER,
                       AMENDS_CSV_DATE_ORDER_UNKNOWN,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* What becomes of a row whose reference is a case already here. */
  properties [PROP_EXISTING] =
    g_param_spec_enum ("existing", NULL, NULL,
                       AMENDS_TYPE_CSV_EXISTING,
                       AMENDS_CSV_EXISTING_SKIP,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amends_csv_import_init (AmendsCsvImport *self)
{
  self->delimiter = ',';
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->read_problems = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/* Public */

AmendsCsvImport *
amends_csv_import_new (AmendsStore *store)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_CSV_IMPORT, "store", store, NULL);
}

/**
 * amends_csv_import_set_config_dir:
 *
 * Where mappings are remembered (mappings.ini); by default
 * $XDG_CONFIG_HOME/amends.
 */
void
amends_csv_import_set_config_dir (AmendsCsvImport *self,
                                  const char      *dir)
{
  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));

  g_free (self->config_dir);
  self->config_dir = g_strdup (dir);
}

AmendsCsvFormat
amends_csv_import_get_format (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), AMENDS_CSV_FORMAT_UNKNOWN);

  return self->format;
}

char
amends_csv_import_get_delimiter (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), ',');

  return self->delimiter;
}

/**
 * amends_csv_import_get_headers:
 *
 * Returns: (transfer none) (nullable): the column names, as in the file
 */
const char * const *
amends_csv_import_get_headers (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  return (const char * const *) self->headers;
}

/**
 * amends_csv_import_get_n_rows:
 *
 * Returns: how many cases the file holds (its rows after the header),
 *   known once it is read and before anything is imported
 */
guint
amends_csv_import_get_n_rows (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0);

  return self->rows->len;
}

/**
 * amends_csv_import_needs_confirmation:
 *
 * Returns: %TRUE if the file has more than %AMENDS_CSV_MAX_ROWS_UNCONFIRMED
 *   rows and the person has not confirmed them yet: running would fail
 *   with %AMENDS_CSV_ERROR_TOO_MANY_ROWS
 */
gboolean
amends_csv_import_needs_confirmation (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);

  return self->rows->len > AMENDS_CSV_MAX_ROWS_UNCONFIRMED && !self->confirmed_large;
}

gboolean
amends_csv_import_get_confirmed_large (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);

  return self->confirmed_large;
}

/**
 * amends_csv_import_set_confirmed_large:
 * @confirmed: whether the person said yes to importing a file of more than
 *   %AMENDS_CSV_MAX_ROWS_UNCONFIRMED rows
 *
 * Kept when another file is read with the same import, like the other
 * answers (date order, existing cases).
 */
void
amends_csv_import_set_confirmed_large (AmendsCsvImport *self,
                                       gboolean         confirmed)
{
  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));

  confirmed = !!confirmed;
  if (self->confirmed_large == confirmed)
    return;
  self->confirmed_large = confirmed;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONFIRMED_LARGE]);
}

/**
 * amends_csv_import_get_date_order:
 *
 * Returns: the order dates like 01/02/2026 are read in: as set with
 *   amends_csv_import_set_date_order(), else as the file's other dates
 *   show (13/02/2026 is day first), else as its format always writes
 *   them; %AMENDS_CSV_DATE_ORDER_UNKNOWN when nothing tells
 */
AmendsCsvDateOrder
amends_csv_import_get_date_order (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), AMENDS_CSV_DATE_ORDER_UNKNOWN);

  return effective_date_order (self);
}

void
amends_csv_import_set_date_order (AmendsCsvImport    *self,
                                  AmendsCsvDateOrder  order)
{
  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));
  g_return_if_fail (order <= AMENDS_CSV_DATE_ORDER_MONTH_FIRST);
  g_return_if_fail (!self->running);

  if (self->date_order == order)
    return;
  self->date_order = order;
  self->validated = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE_ORDER]);
}

/**
 * amends_csv_import_needs_date_order:
 *
 * Returns: %TRUE if the file has dates like 01/02/2026 and nothing tells
 *   whether the day or the month comes first: running would fail with
 *   %AMENDS_CSV_ERROR_DATE_ORDER until amends_csv_import_set_date_order()
 */
gboolean
amends_csv_import_needs_date_order (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);

  return self->dates.ambiguous_line != 0 &&
         !(self->dates.day_first_line != 0 && self->dates.month_first_line != 0) &&
         effective_date_order (self) == AMENDS_CSV_DATE_ORDER_UNKNOWN;
}

/**
 * amends_csv_import_get_ambiguous_date:
 *
 * Returns: (nullable): the first date of the file that can be read either
 *   way, like "01/02/2026", to show when asking
 */
const char *
amends_csv_import_get_ambiguous_date (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  return self->dates.ambiguous_text;
}

AmendsCsvExisting
amends_csv_import_get_existing (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), AMENDS_CSV_EXISTING_SKIP);

  return self->existing;
}

/**
 * amends_csv_import_set_existing:
 *
 * Chooses what becomes of a row whose reference is a case already in the
 * database (a file exported from it, read back): skipped, the default, or
 * the case updated to the row's values.
 */
void
amends_csv_import_set_existing (AmendsCsvImport   *self,
                                AmendsCsvExisting  existing)
{
  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));
  g_return_if_fail (existing <= AMENDS_CSV_EXISTING_UPDATE);
  g_return_if_fail (!self->running);

  if (self->existing == existing)
    return;
  self->existing = existing;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXISTING]);
}

/**
 * amends_csv_import_get_preview:
 *
 * Returns: (transfer full): the first @n_rows rows after the header, each
 *   a #GStrv of valid UTF-8, for showing
 */
GPtrArray *
amends_csv_import_get_preview (AmendsCsvImport *self,
                               guint            n_rows)
{
  GPtrArray *preview;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint r = 0; r < MIN (n_rows, self->rows->len); r++)
    {
      AmendsCsvRow *row = self->rows->pdata[r];
      guint n = g_strv_length (row->fields);
      GStrv copy = g_new0 (char *, n + 1);

      for (guint i = 0; i < n; i++)
        copy[i] = g_utf8_make_valid (row->fields[i], -1);
      g_ptr_array_add (preview, copy);
    }

  return preview;
}

/**
 * amends_csv_import_get_fields:
 *
 * Returns: (transfer none): the fields a column can be mapped to
 */
const char * const *
amends_csv_import_get_fields (void)
{
  return amends_csv_case_columns ();
}

/**
 * amends_csv_import_get_mapping:
 *
 * Returns: (transfer none) (nullable): column → field, for our own format
 *   and for a mapping that was set or remembered
 */
GHashTable *
amends_csv_import_get_mapping (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  return self->mapping;
}

/**
 * amends_csv_import_set_mapping:
 * @mapping: column name → field name (one of amends_csv_import_get_fields())
 *
 * Chooses the field each column fills, for a file whose columns Amends
 * does not know; columns left out are not imported.
 */
void
amends_csv_import_set_mapping (AmendsCsvImport *self,
                               GHashTable      *mapping)
{
  GHashTableIter iter;
  gpointer column, field;

  g_return_if_fail (AMENDS_IS_CSV_IMPORT (self));
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (!self->running);

  g_clear_pointer (&self->mapping, g_hash_table_unref);
  self->validated = FALSE;
  self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_iter_init (&iter, mapping);
  while (g_hash_table_iter_next (&iter, &column, &field))
    {
      if (field == NULL || *(const char *) field == '\0')
        continue;
      g_return_if_fail (amends_csv_field_index (field) >= 0);
      g_hash_table_insert (self->mapping, g_strdup (column), g_strdup (field));
    }

  if (self->format == AMENDS_CSV_FORMAT_UNKNOWN || self->format == AMENDS_CSV_FORMAT_AMENDS)
    self->format = AMENDS_CSV_FORMAT_CUSTOM;
}

/**
 * amends_csv_import_save_mapping:
 *
 * Remembers the mapping for files with this same header row.
 */
gboolean
amends_csv_import_save_mapping (AmendsCsvImport  *self,
                                GError          **error)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (self->headers != NULL && self->mapping != NULL, FALSE);

  return amends_csv_mapping_save (self->config_dir, (const char * const *) self->headers,
                                  self->mapping, error);
}

/* What checking and saving the rows read of the import. */
AmendsCsvInput
amends_csv_import_get_input (AmendsCsvImport *self)
{
  AmendsCsvInput in = {
    self->format,
    (const char * const *) self->headers,
    self->mapping,
    self->rows,
    self->read_problems,
    self->date_order,
    effective_date_order (self),
    self->dates,
    self->confirmed_large,
  };
  return in;
}

/* Keeps @problems as the import's, which the person is shown. */
gboolean
amends_csv_import_take_results (AmendsCsvImport  *self,
                                GPtrArray        *problems,
                                GError          **error)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = problems;
  self->validated = amends_csv_problems_to_error (problems, error);

  return self->validated;
}

/**
 * amends_csv_import_validate:
 *
 * Turns every row into a case without saving it, and collects every
 * problem, each with its line (see amends_csv_import_get_problems()).
 *
 * Returns: %TRUE if the whole file can be imported
 */
gboolean
amends_csv_import_validate (AmendsCsvImport  *self,
                            GError          **error)
{
  AmendsCsvInput in;
  GPtrArray *problems = NULL;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  in = amends_csv_import_get_input (self);
  self->validated = FALSE;
  if (!amends_csv_check_rows (&in, NULL, &problems, error))
    return FALSE;

  return amends_csv_import_take_results (self, problems, error);
}

/**
 * amends_csv_import_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): what stops the import, in
 *   plain words, each with its line
 */
GPtrArray *
amends_csv_import_get_problems (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), NULL);

  return self->problems;
}

double
amends_csv_import_get_fraction (AmendsCsvImport *self)
{
  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), 0.0);

  return self->fraction;
}

void
amends_csv_import_set_fraction (AmendsCsvImport *self,
                                double           fraction)
{
  if (G_APPROX_VALUE (self->fraction, fraction, DBL_EPSILON))
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRACTION]);
}
