/* amends-csv-import.h: cases from a CSV file, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_CSV_ERROR (amends_csv_error_quark ())

/* The limits of what is read; past them the file is refused, or (rows)
 * imported only once the person has confirmed it. */
#define AMENDS_CSV_MAX_FIELD_SIZE      (1024 * 1024)
#define AMENDS_CSV_MAX_ROWS_UNCONFIRMED 100000

/**
 * AmendsCsvError:
 * @AMENDS_CSV_ERROR_EMPTY: the file holds no cases
 * @AMENDS_CSV_ERROR_PARSE: the file is not well-formed CSV
 * @AMENDS_CSV_ERROR_INVALID: some rows cannot be imported; see the problems
 * @AMENDS_CSV_ERROR_NO_MAPPING: the columns are not known and no mapping is set
 * @AMENDS_CSV_ERROR_NOT_TEXT: the file holds a NUL byte, which no CSV text
 *   holds (a spreadsheet's own format, or UTF-16); the message gives the
 *   line and column
 * @AMENDS_CSV_ERROR_FIELD_TOO_LONG: a field is longer than
 *   %AMENDS_CSV_MAX_FIELD_SIZE; the message gives its line and column
 * @AMENDS_CSV_ERROR_TOO_MANY_ROWS: the file has more than
 *   %AMENDS_CSV_MAX_ROWS_UNCONFIRMED rows and
 *   amends_csv_import_set_confirmed_large() was not called: ask, then run
 *   again
 * @AMENDS_CSV_ERROR_DATE_ORDER: the file's dates can be read day first or
 *   month first (01/02/2026) and nothing tells which: ask, then
 *   amends_csv_import_set_date_order() and run again
 */
typedef enum
{
  AMENDS_CSV_ERROR_EMPTY,
  AMENDS_CSV_ERROR_PARSE,
  AMENDS_CSV_ERROR_INVALID,
  AMENDS_CSV_ERROR_NO_MAPPING,
  AMENDS_CSV_ERROR_NOT_TEXT,
  AMENDS_CSV_ERROR_FIELD_TOO_LONG,
  AMENDS_CSV_ERROR_TOO_MANY_ROWS,
  AMENDS_CSV_ERROR_DATE_ORDER,
} AmendsCsvError;

/**
 * AmendsCsvDateOrder:
 * @AMENDS_CSV_DATE_ORDER_UNKNOWN: not known (or not needed: no date of the
 *   file is written as 01/02/2026)
 * @AMENDS_CSV_DATE_ORDER_DAY_FIRST: day/month/year
 * @AMENDS_CSV_DATE_ORDER_MONTH_FIRST: month/day/year
 */
typedef enum
{
  AMENDS_CSV_DATE_ORDER_UNKNOWN,
  AMENDS_CSV_DATE_ORDER_DAY_FIRST,
  AMENDS_CSV_DATE_ORDER_MONTH_FIRST,
} AmendsCsvDateOrder;

/**
 * AmendsCsvExisting:
 * @AMENDS_CSV_EXISTING_SKIP: a row whose reference is a case already in
 *   the database is left out; the case stays as it is
 * @AMENDS_CSV_EXISTING_UPDATE: the case takes the row's values, for the
 *   columns the file has
 */
typedef enum
{
  AMENDS_CSV_EXISTING_SKIP,
  AMENDS_CSV_EXISTING_UPDATE,
} AmendsCsvExisting;

#define AMENDS_TYPE_CSV_DATE_ORDER (amends_csv_date_order_get_type ())
#define AMENDS_TYPE_CSV_EXISTING   (amends_csv_existing_get_type ())

GType amends_csv_date_order_get_type (void) G_GNUC_CONST;
GType amends_csv_existing_get_type   (void) G_GNUC_CONST;

typedef enum
{
  AMENDS_CSV_FORMAT_UNKNOWN,
  AMENDS_CSV_FORMAT_AMENDS,
  AMENDS_CSV_FORMAT_OSTICKET,
  AMENDS_CSV_FORMAT_CFPB,
  AMENDS_CSV_FORMAT_CUSTOM,
} AmendsCsvFormat;

#define AMENDS_TYPE_CSV_IMPORT (amends_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCsvImport, amends_csv_import, AMENDS, CSV_IMPORT, GObject)

GQuark           amends_csv_error_quark            (void);
const char      *amends_csv_format_to_label        (AmendsCsvFormat   format);

AmendsCsvImport *amends_csv_import_new             (AmendsStore      *store);
void             amends_csv_import_set_config_dir  (AmendsCsvImport  *self,
                                                    const char       *dir);
gboolean         amends_csv_import_read            (AmendsCsvImport  *self,
                                                    GInputStream     *in,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
gboolean         amends_csv_import_read_path       (AmendsCsvImport  *self,
                                                    const char       *path,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
AmendsCsvFormat  amends_csv_import_get_format      (AmendsCsvImport  *self);
char             amends_csv_import_get_delimiter   (AmendsCsvImport  *self);
const char * const *amends_csv_import_get_headers  (AmendsCsvImport  *self);
guint            amends_csv_import_get_n_rows      (AmendsCsvImport  *self);
gboolean         amends_csv_import_needs_confirmation (AmendsCsvImport *self);
gboolean         amends_csv_import_get_confirmed_large (AmendsCsvImport *self);
void             amends_csv_import_set_confirmed_large (AmendsCsvImport *self,
                                                        gboolean         confirmed);
AmendsCsvDateOrder amends_csv_import_get_date_order (AmendsCsvImport  *self);
void             amends_csv_import_set_date_order  (AmendsCsvImport  *self,
                                                    AmendsCsvDateOrder order);
gboolean         amends_csv_import_needs_date_order (AmendsCsvImport *self);
const char      *amends_csv_import_get_ambiguous_date (AmendsCsvImport *self);
AmendsCsvExisting amends_csv_import_get_existing   (AmendsCsvImport  *self);
void             amends_csv_import_set_existing    (AmendsCsvImport  *self,
                                                    AmendsCsvExisting existing);
int              amends_csv_import_get_reference_column (AmendsCsvImport *self);
guint            amends_csv_import_count_existing  (AmendsCsvImport  *self,
                                                    int               column,
                                                    GError          **error);
GPtrArray       *amends_csv_import_get_preview     (AmendsCsvImport  *self,
                                                    guint             n_rows);
const char * const *amends_csv_import_get_fields   (void);
GHashTable      *amends_csv_import_get_mapping     (AmendsCsvImport  *self);
void             amends_csv_import_set_mapping     (AmendsCsvImport  *self,
                                                    GHashTable       *mapping);
gboolean         amends_csv_import_save_mapping    (AmendsCsvImport  *self,
                                                    GError          **error);
gboolean         amends_csv_import_validate        (AmendsCsvImport  *self,
                                                    GError          **error);
GPtrArray       *amends_csv_import_get_problems    (AmendsCsvImport  *self);
double           amends_csv_import_get_fraction    (AmendsCsvImport  *self);
guint            amends_csv_import_get_n_imported  (AmendsCsvImport  *self);
guint            amends_csv_import_get_n_updated   (AmendsCsvImport  *self);
guint            amends_csv_import_get_n_skipped   (AmendsCsvImport  *self);
gboolean         amends_csv_import_run             (AmendsCsvImport  *self,
                                                    GError          **error);
void             amends_csv_import_run_async       (AmendsCsvImport     *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         amends_csv_import_run_finish      (AmendsCsvImport  *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

G_END_DECLS
