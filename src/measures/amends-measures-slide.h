/* amends-measures-slide.h: the headline measures on the staff-room wall
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMENDS_TYPE_MEASURES_SLIDE (amends_measures_slide_get_type ())

G_DECLARE_FINAL_TYPE (AmendsMeasuresSlide, amends_measures_slide, AMENDS, MEASURES_SLIDE, AdwBin)

double      amends_measures_slide_get_recovered_within_share  (AmendsMeasuresSlide *self);
void        amends_measures_slide_set_recovered_within_share  (AmendsMeasuresSlide *self,
                                                               double               share);
double      amends_measures_slide_get_blown_away_share        (AmendsMeasuresSlide *self);
void        amends_measures_slide_set_blown_away_share        (AmendsMeasuresSlide *self,
                                                               double               share);
int         amends_measures_slide_get_recovered_within_target (AmendsMeasuresSlide *self);
void        amends_measures_slide_set_recovered_within_target (AmendsMeasuresSlide *self,
                                                               int                  percent);
int         amends_measures_slide_get_blown_away_target       (AmendsMeasuresSlide *self);
void        amends_measures_slide_set_blown_away_target       (AmendsMeasuresSlide *self,
                                                               int                  percent);
gboolean    amends_measures_slide_get_recovered_within_met    (AmendsMeasuresSlide *self);
gboolean    amends_measures_slide_get_blown_away_met          (AmendsMeasuresSlide *self);
GDateTime  *amends_measures_slide_get_from                    (AmendsMeasuresSlide *self);
GDateTime  *amends_measures_slide_get_until                   (AmendsMeasuresSlide *self);
void        amends_measures_slide_set_period                  (AmendsMeasuresSlide *self,
                                                               GDateTime           *from,
                                                               GDateTime           *until);
const char *amends_measures_slide_get_period_text             (AmendsMeasuresSlide *self);
void        amends_measures_slide_set_target_hours            (AmendsMeasuresSlide *self,
                                                               int                  hours);
gboolean    amends_measures_slide_get_measuring               (AmendsMeasuresSlide *self);
void        amends_measures_slide_set_measuring               (AmendsMeasuresSlide *self,
                                                               gboolean             measuring);

G_END_DECLS
