/* amends-timeline.h: what was done on a case, in order, and an entry to add to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_TIMELINE (amends_timeline_get_type ())

G_DECLARE_FINAL_TYPE (AmendsTimeline, amends_timeline, AMENDS, TIMELINE, GtkWidget)

GtkWidget   *amends_timeline_new          (AmendsStore    *store);
AmendsStore *amends_timeline_get_store    (AmendsTimeline *self);
gint64       amends_timeline_get_case_id  (AmendsTimeline *self);
void         amends_timeline_set_case_id  (AmendsTimeline *self,
                                           gint64          case_id);
GtkWidget   *amends_timeline_get_entry    (AmendsTimeline *self);
void         amends_timeline_focus_entry  (AmendsTimeline *self);
char        *amends_timeline_format_time  (GDateTime      *when,
                                           GDateTime      *now);

G_END_DECLS
