/* amends-import-dialog.h: which column of a CSV file holds what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-csv-import.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_IMPORT_DIALOG (amends_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendsImportDialog, amends_import_dialog, AMENDS, IMPORT_DIALOG, AdwWindow)

gboolean            amends_import_dialog_is_needed  (AmendsCsvImport    *import);
AmendsImportDialog *amends_import_dialog_new        (GtkWindow          *parent,
                                                     AmendsCsvImport    *import);
AmendsCsvImport    *amends_import_dialog_get_import (AmendsImportDialog *self);

G_END_DECLS
