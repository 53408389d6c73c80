/* amends-measures-view.h: the Measures dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"
#include "amends-store-measures.h"
#include "amends-trend-chart.h"

G_BEGIN_DECLS

typedef enum
{
  AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN,
  AMENDS_MEASURES_HEADLINE_BLOWN_AWAY,
} AmendsMeasuresHeadline;

typedef enum
{
  AMENDS_MEASURES_TILE_CASES,
  AMENDS_MEASURES_TILE_OPEN,
  AMENDS_MEASURES_TILE_OVERDUE,
  AMENDS_MEASURES_TILE_UNOWNED,
  AMENDS_MEASURES_TILE_PENDING,
  AMENDS_MEASURES_TILE_MEDIAN,
  AMENDS_MEASURES_TILE_P90,
  AMENDS_MEASURES_TILE_PROACTIVE,
  AMENDS_MEASURES_TILE_SURPRISE_SPEND,
  AMENDS_MEASURES_TILE_RULE_BENDS,
} AmendsMeasuresTile;

#define AMENDS_TYPE_MEASURES_VIEW (amends_measures_view_get_type ())

G_DECLARE_FINAL_TYPE (AmendsMeasuresView, amends_measures_view, AMENDS, MEASURES_VIEW, GtkWidget)

GtkWidget        *amends_measures_view_new                 (void);
AmendsStore      *amends_measures_view_get_store           (AmendsMeasuresView     *self);
void              amends_measures_view_set_store           (AmendsMeasuresView     *self,
                                                            AmendsStore            *store);
void              amends_measures_view_set_period          (AmendsMeasuresView     *self,
                                                            GDateTime              *from,
                                                            GDateTime              *until);
GDateTime        *amends_measures_view_get_from            (AmendsMeasuresView     *self);
GDateTime        *amends_measures_view_get_until           (AmendsMeasuresView     *self);
void              amends_measures_view_reload              (AmendsMeasuresView     *self);
const char       *amends_measures_view_get_period_text     (AmendsMeasuresView     *self);
const char       *amends_measures_view_get_headline_figure (AmendsMeasuresView     *self,
                                                            AmendsMeasuresHeadline  headline);
const char       *amends_measures_view_get_headline_target (AmendsMeasuresView     *self,
                                                            AmendsMeasuresHeadline  headline);
const char       *amends_measures_view_get_headline_basis  (AmendsMeasuresView     *self,
                                                            AmendsMeasuresHeadline  headline);
const char       *amends_measures_view_get_headline_change (AmendsMeasuresView     *self,
                                                            AmendsMeasuresHeadline  headline);
gboolean          amends_measures_view_get_headline_met    (AmendsMeasuresView     *self,
                                                            AmendsMeasuresHeadline  headline);
const char       *amends_measures_view_get_tile_text       (AmendsMeasuresView     *self,
                                                            AmendsMeasuresTile      tile);
const char       *amends_measures_view_get_tile_caption    (AmendsMeasuresView     *self,
                                                            AmendsMeasuresTile      tile);
guint             amends_measures_view_get_n_rows          (AmendsMeasuresView     *self,
                                                            AmendsMeasureBy         by);
char             *amends_measures_view_dup_row_text        (AmendsMeasuresView     *self,
                                                            AmendsMeasureBy         by,
                                                            guint                   index);
AmendsTrendChart *amends_measures_view_get_trend_chart     (AmendsMeasuresView     *self);
gboolean          amends_measures_view_get_up_to_date      (AmendsMeasuresView     *self);

G_END_DECLS
