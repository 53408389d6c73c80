/* amends-measure-tile.h: one figure of the Measures view, on a tile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "amends-measures-view.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_MEASURE_TILE (amends_measure_tile_get_type ())

G_DECLARE_FINAL_TYPE (AmendsMeasureTile, amends_measure_tile, AMENDS, MEASURE_TILE, GtkFlowBoxChild)

GtkWidget  *amends_measure_tile_new         (AmendsMeasuresTile  tile);
void        amends_measure_tile_show        (AmendsMeasureTile    *self,
                                             const AmendsMeasures *m,
                                             gboolean              period_over,
                                             const char           *currency);
const char *amends_measure_tile_get_text    (AmendsMeasureTile  *self);
const char *amends_measure_tile_get_caption (AmendsMeasureTile  *self);

G_END_DECLS
