/* amends-case-selection.h: a multiple selection that holds positions only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_SELECTION (amends_case_selection_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseSelection, amends_case_selection, AMENDS, CASE_SELECTION, GObject)

GtkSelectionModel *amends_case_selection_new        (GType                item_type);
void               amends_case_selection_begin_swap (AmendsCaseSelection *self,
                                                     GListModel          *model);
void               amends_case_selection_end_swap   (AmendsCaseSelection *self);

G_END_DECLS
