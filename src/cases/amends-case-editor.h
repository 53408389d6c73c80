/* amends-case-editor.h: one case, from what went wrong to the customer won back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_EDITOR (amends_case_editor_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseEditor, amends_case_editor, AMENDS, CASE_EDITOR, GtkWidget)

GtkWidget   *amends_case_editor_new          (AmendsStore      *store);
AmendsStore *amends_case_editor_get_store    (AmendsCaseEditor *self);
gint64       amends_case_editor_get_case_id  (AmendsCaseEditor *self);
void         amends_case_editor_set_case_id  (AmendsCaseEditor *self,
                                              gint64            case_id);
gboolean     amends_case_editor_flush        (AmendsCaseEditor *self,
                                              GError          **error);
char        *amends_case_editor_dup_unsaved_text (AmendsCaseEditor *self);

G_END_DECLS
