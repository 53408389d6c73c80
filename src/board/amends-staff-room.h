/* amends-staff-room.h: told stories and the headline measures, on the wall
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-measures-slide.h"
#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STAFF_ROOM (amends_staff_room_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStaffRoom, amends_staff_room, AMENDS, STAFF_ROOM, AdwWindow)

AmendsStaffRoom     *amends_staff_room_new                  (GtkWindow       *parent,
                                                            AmendsStore     *store);
AmendsStore         *amends_staff_room_get_store            (AmendsStaffRoom *self);
AmendsMeasuresSlide *amends_staff_room_get_measures_slide   (AmendsStaffRoom *self);
guint                amends_staff_room_get_interval_seconds (AmendsStaffRoom *self);
void                 amends_staff_room_set_interval_seconds (AmendsStaffRoom *self,
                                                            guint            seconds);
guint                amends_staff_room_get_n_slides         (AmendsStaffRoom *self);
guint                amends_staff_room_get_current          (AmendsStaffRoom *self);
void                 amends_staff_room_next                 (AmendsStaffRoom *self);
void                 amends_staff_room_previous             (AmendsStaffRoom *self);
gboolean             amends_staff_room_get_paused           (AmendsStaffRoom *self);
gboolean             amends_staff_room_get_advancing        (AmendsStaffRoom *self);

G_END_DECLS
