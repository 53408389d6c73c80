/* amends-store-history.h: the history of a case, read from the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-history-entry.h"
#include "amends-store.h"

G_BEGIN_DECLS

GListModel *amends_store_read_history        (AmendsStore          *store,
                                              gint64                case_id,
                                              GDateTime            *now,
                                              const char           *currency,
                                              GCancellable         *cancellable,
                                              GError              **error);
void        amends_store_read_history_async  (AmendsStore          *store,
                                              gint64                case_id,
                                              GDateTime            *now,
                                              const char           *currency,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GListModel *amends_store_read_history_finish (AmendsStore          *store,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
