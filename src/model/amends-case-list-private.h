/* amends-case-list-private.h: what the case list's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-case-list.h"

G_BEGIN_DECLS

/* A query of the source under way, for a new list or a list's refresh.
 * It holds neither the source nor the list: a list disposed meanwhile
 * lets its query finish and go, and a source let go of meanwhile is not
 * kept alive for a list nobody can make. */
typedef struct
{
  GWeakRef          source;
  GWeakRef          list;        /* a refresh: the list it is for */
  AmendsCaseFilter  filter;
  guint64           generation;
} AmendsCaseListQuery;

AmendsCaseListQuery *amends_case_list_query_new        (AmendsCaseSource       *source,
                                                        const AmendsCaseFilter *filter);
void                 amends_case_list_query_free       (AmendsCaseListQuery    *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsCaseListQuery, amends_case_list_query_free)

AmendsCaseList      *amends_case_list_create           (AmendsCaseSource       *source,
                                                        const AmendsCaseFilter *filter);
void                 amends_case_list_start_following  (AmendsCaseList         *self,
                                                        AmendsCaseIds          *ids);
const AmendsCaseIds *amends_case_list_get_reusable_ids (AmendsCaseList         *self);

G_END_DECLS
