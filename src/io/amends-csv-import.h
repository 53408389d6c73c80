/* amends-csv-import.h: cases from a CSV file, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_CSV_ERROR (amends_csv_error_quark ())

/**
 * AmendsCsvError:
 * @AMENDS_CSV_ERROR_EMPTY: the file holds no cases
 * @AMENDS_CSV_ERROR_PARSE: the file is not well-formed CSV
 * @AMENDS_CSV_ERROR_INVALID: some rows cannot be imported; see the problems
 * @AMENDS_CSV_ERROR_NO_MAPPING: the columns are not known and no mapping is set
 */
typedef enum
{
  AMENDS_CSV_ERROR_EMPTY,
  AMENDS_CSV_ERROR_PARSE,
  AMENDS_CSV_ERROR_INVALID,
  AMENDS_CSV_ERROR_NO_MAPPING,
} AmendsCsvError;

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
