/* amends-csv-import-private.h: what the files of AmendsCsvImport share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-csv-dates.h"
#include "amends-csv-import.h"
#include "amends-csv-insert.h"
#include "amends-csv-validate.h"

G_BEGIN_DECLS

struct _AmendsCsvImport
{
  GObject            parent_instance;

  AmendsStore       *store;
  char              *config_dir;

  char               delimiter;
  AmendsCsvFormat    format;
  GStrv              headers;
  GPtrArray         *rows;       /* AmendsCsvRow, the header row excluded */
  GPtrArray         *read_problems;
  GHashTable        *mapping;    /* column → field, for the unknown formats */
  AmendsCsvDates     dates;      /* the day/month dates of the file */
  AmendsCsvDateOrder date_order; /* as the person said */

  gboolean           confirmed_large;
  AmendsCsvExisting  existing;

  GPtrArray         *problems;
  gboolean           validated;  /* and no problems: the rows may be saved */
  char              *file_name;  /* for the audit log, when read from a file */

  /* While inserting */
  AmendsCsvInserter  inserter;
  GTimeZone         *zone;
  guint              next_row;
  double             fraction;
  gboolean           running;
};

AmendsCsvInput amends_csv_import_get_input    (AmendsCsvImport  *self);
gboolean       amends_csv_import_take_results (AmendsCsvImport  *self,
                                               GPtrArray        *problems,
                                               GError          **error);
void           amends_csv_import_set_fraction (AmendsCsvImport  *self,
                                               double            fraction);

G_END_DECLS
