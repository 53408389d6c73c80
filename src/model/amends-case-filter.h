/* amends-case-filter.h: which cases a list shows, and in which order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amends-enums.h"

G_BEGIN_DECLS

/* What a list shows.  A list's filter is fixed for its life: a view that
 * filters differently makes a new list (see TECH-NOTES: swapping a model is
 * far cheaper than telling a view that a million rows changed). */
typedef struct
{
  char           *query;         /* words to search for, or NULL */
  int             status;        /* an AmendsCaseStatus, or -1 for any */
  gint64          owner_id;      /* -1: anyone; 0: unowned; else that person */
  gboolean        overdue_only;
  char           *category;      /* NULL: any */
  gboolean        trash;         /* the trash instead of the live cases */
  AmendsCaseSort  sort;
  gboolean        follow_up_due; /* a follow-up due now or before */
  gint64          needs_lead_after; /* 0: any; else open, overdue by more than this many seconds */
} AmendsCaseFilter;

#define AMENDS_CASE_FILTER_INIT { NULL, -1, -1, FALSE, NULL, FALSE, AMENDS_CASE_SORT_URGENCY, FALSE, 0 }

void     amends_case_filter_copy            (AmendsCaseFilter       *dest,
                                             const AmendsCaseFilter *src);
void     amends_case_filter_clear           (AmendsCaseFilter       *filter);
gboolean amends_case_filter_equal_but_query (const AmendsCaseFilter *a,
                                             const AmendsCaseFilter *b);

G_END_DECLS
