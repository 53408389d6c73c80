/* amends-store-stories-private.h: what the stories' store shares with
 * the board's reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store-private.h"

/* A case that should be a candidate and has no story yet. */
#define CANDIDATE(t) \
  t ".status IN ('recovered', 'closed')" \
  " AND " t ".reaction = 'blown-away'" \
  " AND " AMENDS_SQL_COUNTED (t) \
  " AND " AMENDS_SQL_IN_TIME (t) \
  " AND NOT EXISTS (SELECT 1 FROM stories AS s WHERE s.case_id = " t ".id)"

/* Where a story shows on the board: its stage, unless its case is in the
 * trash, or is a candidate whose case was opened again (it comes back
 * when the case is recovered again). */
#define BOARD_SHOWN(s, c) \
  "(" c ".deleted_at IS NULL AND (" s ".stage != 'candidate' OR " c ".status NOT IN ('open', 'in-recovery')))"
/* The order of amends_store_list_stories(): the newest first. */
#define BOARD_KEY(s) "coalesce (" s ".told_at, " s ".created_at, 0)"

/* The rows of amends_sql_heroes (amends-store-sql.c): each member of
 * staff's told stories and blown-away recoveries in the period ?1 to ?2,
 * for amends_store_count_heroes() and the board's reader. */
GPtrArray *amends_collect_heroes (AmendsStmt   *stmt,
                                  GDateTime    *from,
                                  GDateTime    *until,
                                  GError      **error);
