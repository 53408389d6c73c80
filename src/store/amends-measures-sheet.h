/* amends-measures-sheet.h: a period's measures, read in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-store-measures.h"

G_BEGIN_DECLS

/* What a sheet holds besides the period's own measures. */
typedef enum
{
  AMENDS_MEASURES_SHEET_PERIOD = 0,
  AMENDS_MEASURES_SHEET_BEFORE = 1 << 0, /* the period before, as long */
  AMENDS_MEASURES_SHEET_WEEKS  = 1 << 1, /* the weeks of the trend */
  AMENDS_MEASURES_SHEET_TABLES = 1 << 2, /* per owner, team and category */
  AMENDS_MEASURES_SHEET_SPANS  = 1 << 3, /* the spans of the trend, any length */
} AmendsMeasuresSheetParts;

/* Everything measured for one look at a period. */
typedef struct
{
  GDateTime      *from;
  GDateTime      *until;
  gint64          now;        /* Unix time the sheet was measured as of */
  AmendsMeasures  period;
  AmendsMeasures  before;     /* BEFORE only */
  GPtrArray      *weeks;      /* WEEKS only: AmendsMeasures*, oldest first */
  GDateTime      *last_week;  /* WEEKS only: the start of the last of them */
  GPtrArray      *owners;     /* TABLES only: AmendsMeasureRow* */
  GPtrArray      *teams;
  GPtrArray      *categories;
  GPtrArray      *bounds;     /* SPANS only: GDateTime*, one more than spans */
  GPtrArray      *spans;      /* SPANS only: AmendsMeasures*, oldest first */
} AmendsMeasuresSheet;

void                 amends_measures_sheet_free           (AmendsMeasuresSheet      *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsMeasuresSheet, amends_measures_sheet_free)

void                 amends_measures_sheet_measure_async  (AmendsStore              *store,
                                                           GDateTime                *from,
                                                           GDateTime                *until,
                                                           GDateTime                *before_from,
                                                           GDateTime                *before_until,
                                                           GDateTime                *last_week,
                                                           guint                     n_weeks,
                                                           AmendsMeasuresSheetParts  parts,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data);
void                 amends_measures_sheet_measure_spans_async (AmendsStore          *store,
                                                           GDateTime                *from,
                                                           GDateTime                *until,
                                                           GDateTime                *before_from,
                                                           GDateTime                *before_until,
                                                           GPtrArray                *bounds,
                                                           AmendsMeasuresSheetParts  parts,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data);
AmendsMeasuresSheet *amends_measures_sheet_measure_finish (GAsyncResult             *result,
                                                           GError                  **error);

G_END_DECLS
