/* amends-print.h: the weekly summary through the print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amends-period.h"
#include "amends-store.h"

G_BEGIN_DECLS

GtkPrintOperation *amends_print_operation_new  (AmendsStore       *store,
                                                GDateTime         *week);
void               amends_print_operation_run  (GtkPrintOperation *operation,
                                                GtkWindow         *parent);
void               amends_print_weekly_summary (GtkWindow         *parent,
                                                AmendsStore       *store,
                                                GDateTime         *week);

GtkPrintOperation *amends_print_operation_new_for_period (AmendsStore  *store,
                                                         AmendsPeriod *period);
void               amends_print_summary        (GtkWindow         *parent,
                                                AmendsStore       *store,
                                                AmendsPeriod      *period);

G_END_DECLS
