/* amends-case-filter.c: which cases a list shows, and in which order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-filter"

#include "config.h"

#include "amends-case-filter.h"

void
amends_case_filter_copy (AmendsCaseFilter       *dest,
                         const AmendsCaseFilter *src)
{
  *dest = *src;
  dest->query = g_strdup (src->query);
  dest->category = g_strdup (src->category);
}

void
amends_case_filter_clear (AmendsCaseFilter *filter)
{
  g_clear_pointer (&filter->query, g_free);
  g_clear_pointer (&filter->category, g_free);
}

/* Whether @a and @b show the same cases in the same order but for the
 * words searched for: then the cases of one, without its search, are the
 * cases the other searches among. */
gboolean
amends_case_filter_equal_but_query (const AmendsCaseFilter *a,
                                    const AmendsCaseFilter *b)
{
  return a->status == b->status &&
         a->owner_id == b->owner_id &&
         a->overdue_only == b->overdue_only &&
         a->follow_up_due == b->follow_up_due &&
         a->needs_lead_after == b->needs_lead_after &&
         g_strcmp0 (a->category, b->category) == 0 &&
         a->trash == b->trash &&
         a->sort == b->sort;
}
