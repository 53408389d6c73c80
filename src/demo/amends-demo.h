/* amends-demo.h: a realistic set of cases to show and try Amends with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

char     *amends_demo_get_default_path (void);
gboolean  amends_demo_populate         (AmendsStore  *store,
                                        GDateTime    *now,
                                        GError      **error);

G_END_DECLS
