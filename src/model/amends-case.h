/* amends-case.h: one service breakdown and its recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-enums.h"
#include "amends-record.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE (amends_case_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCase, amends_case, AMENDS, CASE, AmendsRecord)

AmendsCase       *amends_case_new                  (void);
const char       *amends_case_get_reference        (AmendsCase *self);
const char       *amends_case_get_summary          (AmendsCase *self);
void              amends_case_set_summary          (AmendsCase *self,
                                                    const char *summary);
const char       *amends_case_get_customer_name    (AmendsCase *self);
gint64            amends_case_get_customer_id      (AmendsCase *self);
const char       *amends_case_get_category         (AmendsCase *self);
gint64            amends_case_get_owner_id         (AmendsCase *self);
void              amends_case_set_owner_id         (AmendsCase *self,
                                                    gint64      owner_id);
const char       *amends_case_get_owner_name       (AmendsCase *self);
AmendsCaseStatus  amends_case_get_status           (AmendsCase *self);
void              amends_case_set_status           (AmendsCase       *self,
                                                    AmendsCaseStatus  status);
AmendsSeverity    amends_case_get_severity         (AmendsCase *self);
AmendsNoticedBy   amends_case_get_noticed_by       (AmendsCase *self);
GDateTime        *amends_case_get_occurred_at      (AmendsCase *self);
void              amends_case_set_occurred_at      (AmendsCase *self,
                                                    GDateTime  *occurred_at);
GDateTime        *amends_case_get_logged_at        (AmendsCase *self);
GDateTime        *amends_case_get_recovery_due_at  (AmendsCase *self);
GDateTime        *amends_case_get_recovered_at     (AmendsCase *self);
GDateTime        *amends_case_get_closed_at        (AmendsCase *self);
AmendsCloseReason amends_case_get_close_reason     (AmendsCase *self);
const char       *amends_case_get_fix              (AmendsCase *self);
GDateTime        *amends_case_get_paused_at        (AmendsCase *self);
gint64            amends_case_get_paused_seconds   (AmendsCase *self);
GDateTime        *amends_case_get_follow_up_due_at (AmendsCase *self);
GDateTime        *amends_case_get_deleted_at       (AmendsCase *self);
gboolean          amends_case_is_active            (AmendsCase *self);
gboolean          amends_case_is_recovered         (AmendsCase *self);
char             *amends_case_dup_story_draft      (AmendsCase *self);
gint64            amends_case_get_target_seconds   (AmendsCase *self);
const char       *amends_case_get_lesson_cause     (AmendsCase *self);
gboolean          amends_case_get_process_changed  (AmendsCase *self);
const char       *amends_case_get_room             (AmendsCase *self);
GDateTime        *amends_case_get_arrival_at       (AmendsCase *self);
GDateTime        *amends_case_get_departure_at     (AmendsCase *self);

G_END_DECLS
