/* amends-case-cache.h: the cases a list has read, the most recent kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-case-source.h"

G_BEGIN_DECLS

/* How many cases a list reads at once: the page around the one a view
 * asks for. */
#define AMENDS_CASE_CACHE_PAGE_SIZE 64

typedef struct _AmendsCaseCache AmendsCaseCache;

AmendsCaseCache *amends_case_cache_new              (guint             capacity);
void             amends_case_cache_free             (AmendsCaseCache  *self);
AmendsCase      *amends_case_cache_get              (AmendsCaseCache  *self,
                                                     AmendsCaseSource *source,
                                                     GArray           *ids,
                                                     guint             position);
void             amends_case_cache_reload           (AmendsCaseCache  *self,
                                                     AmendsCaseSource *source,
                                                     gint64            id);
void             amends_case_cache_reload_referring (AmendsCaseCache  *self,
                                                     AmendsCaseSource *source,
                                                     GType             type,
                                                     gint64            id);
void             amends_case_cache_clear            (AmendsCaseCache  *self);
guint            amends_case_cache_get_size         (AmendsCaseCache  *self);
guint64          amends_case_cache_get_rows_loaded  (AmendsCaseCache  *self);
guint            amends_case_cache_get_n_pages_read (AmendsCaseCache  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsCaseCache, amends_case_cache_free)

G_END_DECLS
