/* amends-store-week-cases.h: the cases a week's summary names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

/* Cases closed in the period with a lesson written, oldest first. */
GListModel *amends_store_list_lessons     (AmendsStore      *self,
                                           GDateTime        *from,
                                           GDateTime        *until,
                                           GError          **error);

/* Cases open and past due at @when, the most overdue first. */
GListModel *amends_store_list_past_due_at (AmendsStore      *self,
                                           GDateTime        *when,
                                           GError          **error);
/* The same, the @limit most overdue, and how many there are in all. */
GListModel *amends_store_list_past_due_first (AmendsStore    *self,
                                              GDateTime      *when,
                                              guint           limit,
                                              guint          *n_past_due,
                                              GError        **error);

G_END_DECLS
