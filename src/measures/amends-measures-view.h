/* amends-measures-view.h: the Measures dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-period.h"
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

/* Declared in amends-headline-card.h, amends-measure-tile.h and
 * amends-measures-table.h, which need the enums above. */
typedef struct _AmendsHeadlineCard AmendsHeadlineCard;
typedef struct _AmendsMeasureTile AmendsMeasureTile;
typedef struct _AmendsMeasuresTable AmendsMeasuresTable;

#define AMENDS_TYPE_MEASURES_VIEW (amends_measures_view_get_type ())

G_DECLARE_FINAL_TYPE (AmendsMeasuresView, amends_measures_view, AMENDS, MEASURES_VIEW, GtkWidget)

GtkWidget        *amends_measures_view_new                 (void);
AmendsStore      *amends_measures_view_get_store           (AmendsMeasuresView     *self);
void              amends_measures_view_set_store           (AmendsMeasuresView     *self,
                                                            AmendsStore            *store);
void              amends_measures_view_set_period          (AmendsMeasuresView     *self,
                                                            GDateTime              *from,
                                                            GDateTime              *until);
AmendsPeriod     *amends_measures_view_get_period          (AmendsMeasuresView     *self);
void              amends_measures_view_export_csv          (AmendsMeasuresView     *self,
                                                            GFile                  *file);
GDateTime        *amends_measures_view_get_from            (AmendsMeasuresView     *self);
GDateTime        *amends_measures_view_get_until           (AmendsMeasuresView     *self);
void              amends_measures_view_reload              (AmendsMeasuresView     *self);
const char       *amends_measures_view_get_period_text     (AmendsMeasuresView     *self);
AmendsHeadlineCard *amends_measures_view_get_headline      (AmendsMeasuresView     *self,
                                                            AmendsMeasuresHeadline  headline);
AmendsMeasureTile *amends_measures_view_get_tile           (AmendsMeasuresView     *self,
                                                            AmendsMeasuresTile      tile);
AmendsMeasuresTable *amends_measures_view_get_table        (AmendsMeasuresView     *self,
                                                            AmendsMeasureBy         by);
AmendsTrendChart *amends_measures_view_get_trend_chart     (AmendsMeasuresView     *self);
gboolean          amends_measures_view_get_up_to_date      (AmendsMeasuresView     *self);

G_END_DECLS
