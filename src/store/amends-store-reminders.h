/* amends-store-reminders.h: the cases the reminders look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-reminders.h"
#include "amends-store.h"

G_BEGIN_DECLS

/* At most this many cases are read: more at once would be a flood nobody
 * reads, and the notifier says how many more there are in one
 * notification.  A read that came to it may have left out a case that
 * is still there. */
#define AMENDS_REMINDER_MAX_CASES 500

/* Which cases to read around a moment: the work (a running clock, or a
 * follow-up still to make) whose due time lies in [from, until], the
 * unowned open cases logged since @logged_from; and @later, the first
 * due time after @until, when to look again at the latest. */
typedef struct
{
  gint64 from;
  gint64 until;
  gint64 logged_from;
} AmendsReminderWindow;

void   amends_reminder_window_init         (AmendsReminderWindow      *window,
                                            const AmendsReminderRules *rules,
                                            gint64                     now);
GArray *amends_store_read_reminder_cases   (AmendsStore                *self,
                                            const AmendsReminderWindow *window,
                                            gint64                     *later,
                                            GError                    **error);
void   amends_store_read_reminder_cases_async  (AmendsStore                *self,
                                                const AmendsReminderWindow *window,
                                                GCancellable               *cancellable,
                                                GAsyncReadyCallback         callback,
                                                gpointer                    user_data);
GArray *amends_store_read_reminder_cases_finish (GAsyncResult  *result,
                                                 gint64        *later,
                                                 GError       **error);

G_END_DECLS
