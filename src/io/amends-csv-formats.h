/* amends-csv-formats.h: the files Amends knows, and a row's cells as our fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amends-csv-import.h"
#include "amends-csv-reader.h"
#include "amends-csv-values.h"

G_BEGIN_DECLS

AmendsCsvFormat amends_csv_detect_format   (const char * const *headers);
int            *amends_csv_map_columns     (const char * const *headers,
                                            GHashTable         *mapping);
gboolean        amends_csv_format_read_row (AmendsCsvFormat     format,
                                            const char * const *headers,
                                            const int          *columns,
                                            AmendsCsvRow       *row,
                                            AmendsCsvRowValues *values,
                                            GPtrArray          *problems);

G_END_DECLS
