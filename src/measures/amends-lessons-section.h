/* amends-lessons-section.h: the Measures view's part on what the lessons say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store-lessons.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_LESSONS_SECTION (amends_lessons_section_get_type ())

G_DECLARE_FINAL_TYPE (AmendsLessonsSection, amends_lessons_section, AMENDS, LESSONS_SECTION, GtkWidget)

GtkWidget                  *amends_lessons_section_new            (void);
void                        amends_lessons_section_measure        (AmendsLessonsSection *self,
                                                                   AmendsStore          *store,
                                                                   GDateTime            *from,
                                                                   GDateTime            *until);
gboolean                    amends_lessons_section_get_up_to_date (AmendsLessonsSection *self);
const AmendsLessonMeasures *amends_lessons_section_get_measures   (AmendsLessonsSection *self);
GtkListBox                 *amends_lessons_section_get_table      (AmendsLessonsSection *self,
                                                                   const char           *name);

G_END_DECLS
