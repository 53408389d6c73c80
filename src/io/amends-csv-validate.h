/* amends-csv-validate.h: every row of a file checked, and its problems told
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-csv-dates.h"
#include "amends-csv-import.h"
#include "amends-csv-reader.h"
#include "amends-csv-values.h"

G_BEGIN_DECLS

/* What is read of the import: may be read from a worker thread, as none
 * of it changes while an import runs. */
typedef struct
{
  AmendsCsvFormat     format;
  const char * const *headers;
  GHashTable         *mapping;
  GPtrArray          *rows;
  GPtrArray          *read_problems;
  AmendsCsvDateOrder  date_order;       /* as the person said */
  AmendsCsvDateOrder  effective_order;  /* the same, or what the file shows */
  AmendsCsvDates      dates;            /* the import's: its texts are not owned */
  gboolean            confirmed_large;
} AmendsCsvInput;

gboolean        amends_csv_check_file        (AmendsCsvInput               *in,
                                              GPtrArray                    *problems,
                                              GError                      **error);
AmendsCsvDraft *amends_csv_row_to_draft      (const AmendsCsvInput         *in,
                                              const int                    *columns,
                                              const AmendsCsvValueContext  *context,
                                              AmendsCsvRow                 *row,
                                              GPtrArray                    *problems);
gboolean        amends_csv_check_rows        (AmendsCsvInput               *in,
                                              GCancellable                 *cancellable,
                                              GPtrArray                   **out_problems,
                                              GError                      **error);
gboolean        amends_csv_problems_to_error (GPtrArray                    *problems,
                                              GError                      **error);

G_END_DECLS
