/* amends-iso-week.h: ISO weeks, Monday to Monday
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   amends_iso_week_parse  (const char  *text,
                                   GTimeZone   *zone,
                                   GDateTime  **from,
                                   GDateTime  **until,
                                   GError     **error);
GDateTime *amends_iso_week_start  (GDateTime   *when);
char      *amends_iso_week_format (GDateTime   *week_start);

G_END_DECLS
