/* amends-measures-table.h: the measures per owner, team or category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "amends-store-measures.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_MEASURES_TABLE (amends_measures_table_get_type ())

G_DECLARE_FINAL_TYPE (AmendsMeasuresTable, amends_measures_table, AMENDS, MEASURES_TABLE, GtkWidget)

void   amends_measures_table_fill         (AmendsMeasuresTable *self,
                                           AmendsMeasureBy      by,
                                           GPtrArray           *rows,
                                           int                  hours);
guint  amends_measures_table_get_n_rows   (AmendsMeasuresTable *self);
char  *amends_measures_table_dup_row_text (AmendsMeasuresTable *self,
                                           guint                index);

G_END_DECLS
