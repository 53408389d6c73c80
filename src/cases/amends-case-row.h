/* amends-case-row.h: one case in the case list, at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amends-case.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_ROW (amends_case_row_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseRow, amends_case_row, AMENDS, CASE_ROW, GtkWidget)

GtkWidget  *amends_case_row_new      (void);
AmendsCase *amends_case_row_get_case (AmendsCaseRow *self);
void        amends_case_row_set_case (AmendsCaseRow *self,
                                      AmendsCase    *kase);
GDateTime  *amends_case_row_get_now  (AmendsCaseRow *self);
void        amends_case_row_set_now  (AmendsCaseRow *self,
                                      GDateTime     *now);

G_END_DECLS
