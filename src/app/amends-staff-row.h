/* amends-staff-row.h: one person on the staff page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-staff.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STAFF_ROW (amends_staff_row_get_type())

G_DECLARE_FINAL_TYPE (AmendsStaffRow, amends_staff_row, AMENDS, STAFF_ROW, GObject)

GtkWidget      *amends_staff_row_new         (AmendsStaff    *staff,
                                              GListModel     *roles);
AmendsStaffRow *amends_staff_row_from_widget (GtkWidget      *widget);
AmendsStaff    *amends_staff_row_get_staff   (AmendsStaffRow *self);

G_END_DECLS
