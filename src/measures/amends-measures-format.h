/* amends-measures-format.h: a measure in words, as the Measures view writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "amends-store-measures.h"

G_BEGIN_DECLS

gboolean  amends_measures_share_known    (const AmendsShare *share);
char     *amends_measures_format_share   (const AmendsShare *share);
char     *amends_measures_format_seconds (gint64             seconds);

G_END_DECLS
