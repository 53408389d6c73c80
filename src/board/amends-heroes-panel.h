/* amends-heroes-panel.h: who put things right this week, month or year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amends-store.h"

G_BEGIN_DECLS

typedef enum
{
  AMENDS_HEROES_PERIOD_WEEK,
  AMENDS_HEROES_PERIOD_MONTH,
  AMENDS_HEROES_PERIOD_YEAR,
} AmendsHeroesPeriod;

#define AMENDS_TYPE_HEROES_PERIOD (amends_heroes_period_get_type ())
GType amends_heroes_period_get_type (void);

#define AMENDS_TYPE_HEROES_PANEL (amends_heroes_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmendsHeroesPanel, amends_heroes_panel, AMENDS, HEROES_PANEL, GtkWidget)

void                amends_heroes_period_get_range    (AmendsHeroesPeriod   period,
                                                       GDateTime           *now,
                                                       GDateTime          **from,
                                                       GDateTime          **until);

GtkWidget          *amends_heroes_panel_new           (AmendsStore         *store);
AmendsStore        *amends_heroes_panel_get_store     (AmendsHeroesPanel   *self);
void                amends_heroes_panel_set_store     (AmendsHeroesPanel   *self,
                                                       AmendsStore         *store);
AmendsHeroesPeriod  amends_heroes_panel_get_period    (AmendsHeroesPanel   *self);
void                amends_heroes_panel_set_period    (AmendsHeroesPanel   *self,
                                                       AmendsHeroesPeriod   period);
void                amends_heroes_panel_get_range     (AmendsHeroesPanel   *self,
                                                       GDateTime          **from,
                                                       GDateTime          **until);
guint               amends_heroes_panel_get_n_heroes  (AmendsHeroesPanel   *self);

gboolean           amends_heroes_panel_is_busy    (AmendsHeroesPanel  *self);

G_END_DECLS
