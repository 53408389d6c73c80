/* amends-percent.h: a share, as a whole percentage and in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   amends_percent_of     (double share);
char *amends_percent_format (int    percent);

G_END_DECLS
