/* amends-case-history.h: who changed what on a case, when, in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_HISTORY (amends_case_history_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseHistory, amends_case_history, AMENDS, CASE_HISTORY, AdwWindow)

GtkWidget  *amends_case_history_new          (AmendsStore       *store,
                                              gint64             case_id);
GtkWidget  *amends_case_history_present      (GtkWidget         *from,
                                              AmendsStore       *store,
                                              gint64             case_id);
gint64      amends_case_history_get_case_id  (AmendsCaseHistory *self);
gboolean    amends_case_history_get_busy     (AmendsCaseHistory *self);
GListModel *amends_case_history_get_shown    (AmendsCaseHistory *self);
gboolean    amends_case_history_export_pdf   (AmendsCaseHistory *self,
                                              const char        *path,
                                              GError           **error);

G_END_DECLS
