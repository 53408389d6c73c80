/* amends-csv-reader.h: the rows of a CSV file, each with the line it starts on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One allocation a row, its fields' text after the array of them: a file
 * of 100,000 rows by 31 columns is not three million small blocks. */
typedef struct
{
  guint  line;     /* the physical line where the record starts, from 1 */
  GStrv  fields;   /* in the same block: never freed on its own */
} AmendsCsvRow;

gboolean amends_csv_read_rows (GInputStream  *in,
                               GPtrArray     *rows,
                               char          *delimiter,
                               gboolean      *has_text,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
