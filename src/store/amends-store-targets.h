/* amends-store-targets.h: recovery targets per category and severity, and
 * the site's office hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"
#include "amends-office-hours.h"

G_BEGIN_DECLS

/* One row of the table targets.  @category is "" for any category,
 * @severity -1 for any severity; @seconds is 0 when the row only says
 * that the clock runs in office hours, and takes the time from a less
 * specific row. */
typedef struct
{
  char     *category;
  int       severity;        /* an AmendsSeverity, or -1: any */
  gint64    seconds;
  gboolean  office_hours_only;
} AmendsTarget;

/* The target in force for a case, as looked up when it is logged. */
typedef struct
{
  gint64   seconds;
  gboolean office_hours_only;
} AmendsTargetInForce;

void       amends_target_free               (AmendsTarget         *target);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsTarget, amends_target_free)

GPtrArray *amends_store_list_targets        (AmendsStore          *self,
                                             GError              **error);
gboolean   amends_store_set_target          (AmendsStore          *self,
                                             const char           *category,
                                             int                   severity,
                                             gint64                seconds,
                                             gboolean              office_hours_only,
                                             GError              **error);
gboolean   amends_store_remove_target       (AmendsStore          *self,
                                             const char           *category,
                                             int                   severity,
                                             GError              **error);
gboolean   amends_store_seed_default_target (AmendsStore          *self,
                                             int                   hours,
                                             GError              **error);
gboolean   amends_store_lookup_target       (AmendsStore          *self,
                                             const char           *category,
                                             int                   severity,
                                             AmendsTargetInForce  *target,
                                             GError              **error);

GArray    *amends_store_get_office_hours    (AmendsStore          *self,
                                             GError              **error);
gboolean   amends_store_set_office_hours    (AmendsStore          *self,
                                             int                   weekday,
                                             int                   opens,
                                             int                   closes,
                                             GError              **error);

GDateTime *amends_store_compute_due         (AmendsStore          *self,
                                             const char           *category,
                                             int                   severity,
                                             GDateTime            *occurred_at,
                                             gint64               *target_seconds,
                                             GError              **error);

char      *amends_target_format_range       (gint64                min_seconds,
                                             gint64                max_seconds);
char      *amends_target_format_within      (gint64                min_seconds,
                                             gint64                max_seconds,
                                             int                   fallback_hours);

G_END_DECLS
