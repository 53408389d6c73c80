/* amends-store-measures.h: the headline measures, by SQL aggregates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

/* A share and what it is of; the share is -1 when there is nothing to
 * measure yet. */
typedef struct
{
  double share;
  guint  n_counted;
  guint  n_of;
} AmendsShare;

gboolean amends_store_measure_headlines (AmendsStore  *self,
                                         GDateTime    *from,
                                         GDateTime    *until,
                                         AmendsShare  *recovered_within,
                                         AmendsShare  *blown_away,
                                         GError      **error);

G_END_DECLS
