/* amends-headline-card.h: a headline measure against its target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "amends-store-measures.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_HEADLINE_CARD (amends_headline_card_get_type ())

G_DECLARE_FINAL_TYPE (AmendsHeadlineCard, amends_headline_card, AMENDS, HEADLINE_CARD, GtkBox)

void        amends_headline_card_show_recovered_within (AmendsHeadlineCard   *self,
                                                        const AmendsMeasures *m,
                                                        const AmendsMeasures *before,
                                                        int                   hours,
                                                        int                   target,
                                                        const char           *compare_text);
void        amends_headline_card_show_blown_away       (AmendsHeadlineCard   *self,
                                                        const AmendsMeasures *m,
                                                        const AmendsMeasures *before,
                                                        int                   target,
                                                        const char           *compare_text);
const char *amends_headline_card_get_figure  (AmendsHeadlineCard *self);
const char *amends_headline_card_get_target  (AmendsHeadlineCard *self);
const char *amends_headline_card_get_basis   (AmendsHeadlineCard *self);
const char *amends_headline_card_get_change  (AmendsHeadlineCard *self);
gboolean    amends_headline_card_get_met     (AmendsHeadlineCard *self);

G_END_DECLS
