/* amends-csv-measures.h: a period's measures as a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-measures-sheet.h"

G_BEGIN_DECLS

const char * const *amends_csv_measures_columns  (void);
char               *amends_csv_measures_format   (const AmendsMeasuresSheet  *sheet,
                                                  const char                 *period_name);
gboolean            amends_csv_measures_to_path  (const AmendsMeasuresSheet  *sheet,
                                                  const char                 *period_name,
                                                  const char                 *path,
                                                  GError                    **error);

G_END_DECLS
