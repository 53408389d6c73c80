/* amends-report-training.h: the training pack, the stories marked to be
 * taught from, as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

gboolean amends_training_pack_write_pdf (AmendsStore  *store,
                                         const char   *organisation,
                                         GDateTime    *made_at,
                                         const char   *path,
                                         guint        *n_stories,
                                         GError      **error);

G_END_DECLS
