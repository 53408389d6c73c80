/* amends-store-case-ids.h: the store as a source of lists of cases
 *
 * What amends-store-case-ids.c (the query) and amends-store-case-source.c
 * (the interface, its threads and connection) share with the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-case-source.h"
#include "amends-store-private.h"

G_BEGIN_DECLS

AmendsCaseIds *amends_store_case_ids_run       (AmendsDb                *db,
                                                const AmendsCaseFilter  *filter,
                                                gint64                   now,
                                                const AmendsCaseIds     *reuse,
                                                GError                 **error);
gboolean       amends_store_case_ids_set_cancelled (GError                 **error);

/* A read connection of the store's own for the lists' queries, in worker
 * threads: one thread at a time uses it, and it keeps its page cache
 * warm between queries. */
typedef struct _AmendsCaseReader AmendsCaseReader;

void amends_case_reader_unref            (AmendsCaseReader          *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsCaseReader, amends_case_reader_unref)

void amends_store_case_source_iface_init (AmendsCaseSourceInterface *iface);

G_END_DECLS
