/* amends-store-measures-private.h: what the measures' files share: the
 * SQL of the spans, and where the SQL runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store-measures.h"
#include "amends-store-private.h"

/* The numbers of digits the time a finished case took can have, 1 to 19,
 * each with its width, 10 to the digits: one short range each of the
 * index cases_by_span (why, above FINISHED_CANDIDATES in
 * amends-store-measures.c). */
#define AMENDS_SQL_SPANS \
  "WITH RECURSIVE spans (digits, width) AS" \
  " (SELECT 1, 10 UNION ALL SELECT digits + 1, width * 10 FROM spans WHERE digits < 19) "

/* Where the SQL runs: the store's own connection (and its statement
 * cache) on the main thread, or a read-only connection of a measurer's
 * own in a worker thread. */
typedef struct
{
  AmendsStore *store;
  AmendsDb    *db;
  gint64       now;
} AmendsMeasureSource;

/* A statement on either connection: the store's cache, or the worker's
 * own; released (or freed) with amends_measure_source_release(). */
AmendsStmt *amends_measure_source_prepare (AmendsMeasureSource  *source,
                                           const char           *sql,
                                           GError              **error);
void        amends_measure_source_release (AmendsMeasureSource  *source,
                                           AmendsStmt           *stmt);
AmendsDbEngine amends_measure_source_get_engine (AmendsMeasureSource *source);

const char *amends_measure_group_column (int                   by);
gboolean    amends_measure_period       (AmendsMeasureSource  *source,
                                         GDateTime            *from,
                                         GDateTime            *until,
                                         AmendsMeasures       *measures,
                                         GError              **error);
GPtrArray  *amends_measure_groups       (AmendsMeasureSource  *source,
                                         int                   by,
                                         GDateTime            *from,
                                         GDateTime            *until,
                                         GError              **error);
GPtrArray  *amends_measure_weeks        (AmendsMeasureSource  *source,
                                         GDateTime            *last_week_start,
                                         guint                 n_weeks,
                                         GError              **error);
GPtrArray  *amends_measure_spans        (AmendsMeasureSource  *source,
                                         GPtrArray            *bounds,
                                         GError              **error);
