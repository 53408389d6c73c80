/* amends-action.h: one entry on a case's timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-enums.h"
#include "amends-record.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_ACTION (amends_action_get_type ())

G_DECLARE_FINAL_TYPE (AmendsAction, amends_action, AMENDS, ACTION, AmendsRecord)

AmendsAction *amends_action_new (void);
gint64 amends_action_get_case_id (AmendsAction *self);
AmendsActionKind amends_action_get_kind (AmendsAction *self);
GDateTime *amends_action_get_done_at (AmendsAction *self);
gint64 amends_action_get_staff_id (AmendsAction *self);
const char *amends_action_get_staff_name (AmendsAction *self);
const char *amends_action_get_text (AmendsAction *self);
GDateTime *amends_action_get_corrected_at (AmendsAction *self);
const char *amends_action_get_corrected_by_name (AmendsAction *self);
gboolean amends_action_kind_is_automatic (AmendsActionKind kind);

G_END_DECLS
