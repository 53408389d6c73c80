/* amends-staff-record.h: a member of staff's recovery record, for reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STAFF_RECORD (amends_staff_record_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStaffRecordWindow, amends_staff_record, AMENDS, STAFF_RECORD, AdwWindow)

AmendsStaffRecordWindow *amends_staff_record_new        (GtkWindow               *parent,
                                                         AmendsStore             *store,
                                                         gint64                   staff_id);
gboolean                 amends_staff_record_is_busy    (AmendsStaffRecordWindow *self);
gboolean                 amends_staff_record_save_to    (AmendsStaffRecordWindow *self,
                                                         const char              *path,
                                                         GError                 **error);

G_END_DECLS
