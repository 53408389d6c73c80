/* amends-lesson-cause.h: the cause a case's lesson names, and whether the process changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_LESSON_CAUSE (amends_lesson_cause_get_type ())

G_DECLARE_FINAL_TYPE (AmendsLessonCause, amends_lesson_cause, AMENDS, LESSON_CAUSE, AdwPreferencesGroup)

GtkWidget *amends_lesson_cause_new         (void);
void       amends_lesson_cause_set_store   (AmendsLessonCause  *self,
                                            AmendsStore        *store);
void       amends_lesson_cause_set_case_id (AmendsLessonCause  *self,
                                            gint64              case_id);
gboolean   amends_lesson_cause_flush       (AmendsLessonCause  *self,
                                            GError            **error);

G_END_DECLS
