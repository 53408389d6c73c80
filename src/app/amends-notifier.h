/* amends-notifier.h: desktop notifications of cases that need someone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_NOTIFIER (amends_notifier_get_type ())

G_DECLARE_FINAL_TYPE (AmendsNotifier, amends_notifier, AMENDS, NOTIFIER, GObject)

AmendsNotifier *amends_notifier_new          (GApplication   *application,
                                              AmendsStore    *store,
                                              GSettings      *settings);
void            amends_notifier_refresh      (AmendsNotifier *self);
gint64          amends_notifier_get_next_wake (AmendsNotifier *self);
guint           amends_notifier_get_n_sent   (AmendsNotifier *self);
guint           amends_notifier_get_n_withdrawn (AmendsNotifier *self);
char           *amends_notifier_dup_state_path (AmendsStore  *store);

G_END_DECLS
