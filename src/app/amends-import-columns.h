/* amends-import-columns.h: what a column of a CSV file is called, and what it holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkStringList *amends_import_fill_choices        (const char * const *fields,
                                                  GPtrArray          *choices);
gboolean       amends_import_header_names_field  (const char         *header,
                                                  const char         *field);
const char    *amends_import_preview_value       (GPtrArray          *preview,
                                                  guint               row,
                                                  guint               column);
char          *amends_import_dup_column_title    (const char         *header,
                                                  guint               column);
char          *amends_import_dup_column_subtitle (GPtrArray          *preview,
                                                  guint               column,
                                                  guint               n_rows);
GtkWidget     *amends_import_preview_cell        (const char         *text,
                                                  gboolean            is_header);

G_END_DECLS
