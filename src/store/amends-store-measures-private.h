/* amends-store-measures-private.h: SQL the measures share with the
 * week's lists of cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* The numbers of digits the time a finished case took can have, 1 to 19,
 * each with its width, 10 to the digits: one short range each of the
 * index cases_by_span (why, above FINISHED_CANDIDATES in
 * amends-store-measures.c). */
#define AMENDS_SQL_SPANS \
  "WITH RECURSIVE spans (digits, width) AS" \
  " (SELECT 1, 10 UNION ALL SELECT digits + 1, width * 10 FROM spans WHERE digits < 19) "
