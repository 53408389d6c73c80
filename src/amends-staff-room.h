/* amends-staff-room.h: told stories and the headline measures, on the wall
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_STAFF_ROOM (amends_staff_room_get_type ())

G_DECLARE_FINAL_TYPE (AmendsStaffRoom, amends_staff_room, AMENDS, STAFF_ROOM, AdwWindow)

AmendsStaffRoom *amends_staff_room_new                       (GtkWindow       *parent,
                                                              AmendsStore     *store);
AmendsStore     *amends_staff_room_get_store                 (AmendsStaffRoom *self);
guint            amends_staff_room_get_interval_seconds      (AmendsStaffRoom *self);
void             amends_staff_room_set_interval_seconds      (AmendsStaffRoom *self,
                                                              guint            seconds);
double           amends_staff_room_get_recovered_within_share (AmendsStaffRoom *self);
void             amends_staff_room_set_recovered_within_share (AmendsStaffRoom *self,
                                                              double           share);
double           amends_staff_room_get_blown_away_share      (AmendsStaffRoom *self);
void             amends_staff_room_set_blown_away_share      (AmendsStaffRoom *self,
                                                              double           share);
int              amends_staff_room_get_recovered_within_target (AmendsStaffRoom *self);
void             amends_staff_room_set_recovered_within_target (AmendsStaffRoom *self,
                                                              int              percent);
int              amends_staff_room_get_blown_away_target     (AmendsStaffRoom *self);
void             amends_staff_room_set_blown_away_target     (AmendsStaffRoom *self,
                                                              int              percent);
gboolean         amends_staff_room_get_recovered_within_met  (AmendsStaffRoom *self);
gboolean         amends_staff_room_get_blown_away_met        (AmendsStaffRoom *self);
GDateTime       *amends_staff_room_get_from                  (AmendsStaffRoom *self);
GDateTime       *amends_staff_room_get_until                 (AmendsStaffRoom *self);
void             amends_staff_room_set_period                (AmendsStaffRoom *self,
                                                              GDateTime       *from,
                                                              GDateTime       *until);
const char      *amends_staff_room_get_period_text           (AmendsStaffRoom *self);
guint            amends_staff_room_get_n_slides              (AmendsStaffRoom *self);
guint            amends_staff_room_get_current               (AmendsStaffRoom *self);
void             amends_staff_room_next                      (AmendsStaffRoom *self);
void             amends_staff_room_previous                  (AmendsStaffRoom *self);
gboolean         amends_staff_room_get_measuring             (AmendsStaffRoom *self);
void             amends_staff_room_set_measuring             (AmendsStaffRoom *self,
                                                              gboolean         measuring);

G_END_DECLS
