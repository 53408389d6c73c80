/* amends-print.h: the weekly summary through the print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amends-store.h"

G_BEGIN_DECLS

void amends_print_weekly_summary (GtkWindow   *parent,
                                  AmendsStore *store,
                                  GDateTime   *week_start);

G_END_DECLS
