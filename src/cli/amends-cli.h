/* amends-cli.h: what Amends does from the command line, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-csv-import.h"
#include "report/amends-report.h"

G_BEGIN_DECLS

void      amends_cli_load_report_options        (AmendsReportOptions *options);
gboolean  amends_cli_write_weekly_summary       (const char          *week,
                                                 const char          *output,
                                                 const char          *database_path,
                                                 GError             **error);
int       amends_cli_weekly_summary             (const char          *week,
                                                 const char          *output,
                                                 const char          *database_path);
gboolean  amends_cli_write_summary              (const char          *text,
                                                 const char          *output,
                                                 const char          *csv,
                                                 const char          *database_path,
                                                 GError             **error);
int       amends_cli_summary                    (const char          *text,
                                                 const char          *output,
                                                 const char          *csv,
                                                 const char          *database_path);

int       amends_cli_export_csv                 (const char          *file,
                                                 const char          *database_path,
                                                 gboolean             create);
/* What the command line says about an import. */
typedef struct
{
  gboolean           create;        /* make the database if there is none */
  gboolean           yes;           /* more than 100,000 rows is meant */
  gboolean           update;        /* cases already here take the file's values */
  AmendsCsvDateOrder date_order;    /* for dates such as 01/02/2026 */
} AmendsCliImport;

int       amends_cli_import_csv                 (const char          *file,
                                                 const char          *database_path,
                                                 const AmendsCliImport *options);
int       amends_cli_copy_to                    (const char          *target,
                                                 const char          *database_path);
int       amends_cli_backup                     (const char          *file,
                                                 const char          *database_path);
int       amends_cli_restore                    (const char          *file,
                                                 const char          *database_path);

/* Issue 14: the training pack and a staff record, as PDF. */
gboolean  amends_cli_write_training_pack        (const char          *output,
                                                 const char          *database_path,
                                                 guint               *n_stories,
                                                 GError             **error);
gboolean  amends_cli_write_staff_record         (const char          *name,
                                                 const char          *from,
                                                 const char          *to,
                                                 const char          *output,
                                                 const char          *database_path,
                                                 GError             **error);
int       amends_cli_run_training_options       (GVariantDict        *options,
                                                 const char          *database_path);

G_END_DECLS
