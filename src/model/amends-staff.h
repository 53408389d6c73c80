/* amends-staff.h: a member of staff, who may be at the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-enums.h"
#include "amends-record.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STAFF (amends_staff_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStaff, amends_staff, AMENDS, STAFF, AmendsRecord)

AmendsStaff *amends_staff_new (void);
const char *amends_staff_get_name (AmendsStaff *self);
const char *amends_staff_get_team (AmendsStaff *self);
AmendsStaffRole amends_staff_get_role (AmendsStaff *self);
gboolean amends_staff_get_active (AmendsStaff *self);
gboolean amends_staff_get_lead (AmendsStaff *self);

G_END_DECLS
