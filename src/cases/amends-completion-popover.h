/* amends-completion-popover.h: what an entry row could be completed to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMENDS_TYPE_COMPLETION_POPOVER (amends_completion_popover_get_type())

G_DECLARE_FINAL_TYPE (AmendsCompletionPopover, amends_completion_popover, AMENDS, COMPLETION_POPOVER, GtkPopover)

AmendsCompletionPopover *amends_completion_popover_new        (AdwEntryRow              *row,
                                                               const char               *list_label);
void                     amends_completion_popover_show_names (AmendsCompletionPopover  *self,
                                                               const char * const       *names,
                                                               guint                     n_names);
void                     amends_completion_popover_hide       (AmendsCompletionPopover  *self);
gboolean                 amends_completion_popover_is_filling (AmendsCompletionPopover  *self);
gboolean                 amends_completion_popover_same_name  (const char               *a,
                                                               const char               *b);

G_END_DECLS
