/* amends-intake-dialog.h: log what went wrong for a customer, in seconds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_INTAKE_DIALOG (amends_intake_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendsIntakeDialog, amends_intake_dialog, AMENDS, INTAKE_DIALOG, AdwWindow)

AmendsIntakeDialog *amends_intake_dialog_new       (GtkWindow          *parent,
                                                    AmendsStore        *store);
AmendsStore        *amends_intake_dialog_get_store (AmendsIntakeDialog *self);

G_END_DECLS
