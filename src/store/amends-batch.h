/* amends-batch.h: one change to several cases at once, and its undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

typedef struct _AmendsBatch AmendsBatch;

AmendsBatch *amends_batch_assign_owner  (AmendsStore      *store,
                                         const gint64     *case_ids,
                                         guint             n_case_ids,
                                         gint64            owner_id,
                                         GError          **error);
AmendsBatch *amends_batch_set_status    (AmendsStore      *store,
                                         const gint64     *case_ids,
                                         guint             n_case_ids,
                                         AmendsCaseStatus  status,
                                         GError          **error);
AmendsBatch *amends_batch_set_category  (AmendsStore      *store,
                                         const gint64     *case_ids,
                                         guint             n_case_ids,
                                         const char       *category,
                                         GError          **error);
AmendsBatch *amends_batch_trash         (AmendsStore      *store,
                                         const gint64     *case_ids,
                                         guint             n_case_ids,
                                         GError          **error);
AmendsBatch *amends_batch_restore       (AmendsStore      *store,
                                         const gint64     *case_ids,
                                         guint             n_case_ids,
                                         GError          **error);
AmendsBatch *amends_batch_new_for_change (AmendsStore     *store,
                                         AmendsCase       *before,
                                         AmendsCase       *after);
guint        amends_batch_get_n_cases   (AmendsBatch      *batch);
GPtrArray   *amends_batch_get_refused   (AmendsBatch      *batch);
gboolean     amends_batch_undo          (AmendsBatch      *batch,
                                         GError          **error);
void         amends_batch_free          (AmendsBatch      *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsBatch, amends_batch_free)

G_END_DECLS
