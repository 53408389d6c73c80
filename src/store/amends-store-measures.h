/* amends-store-measures.h: the headline measures, by SQL aggregates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"
#include "amends-iso-week.h"
#include "amends-store-week-cases.h"

G_BEGIN_DECLS

/* A share and what it is of; the share is -1 when there is nothing to
 * measure yet. */
typedef struct
{
  double share;
  guint  n_counted;
  guint  n_of;
} AmendsShare;

/* Everything measured of a period [from, until).  Shares, counts and
 * times follow the definitions at the top of amends-store-measures.c. */
typedef struct
{
  AmendsShare recovered_within;   /* in time, of cases happened in the period recovered or past due */
  AmendsShare blown_away;         /* of cases recovered in the period with a reaction recorded */
  AmendsShare proactive;          /* staff noticed first, of cases happened */
  guint       n_happened;         /* cases that happened in the period */
  guint       n_pending;          /* ... not recovered and not yet due */
  guint       n_recovered;        /* cases recovered in the period */
  guint       n_reaction_unknown; /* ... whose customer's reaction was not recorded */
  guint       n_open;             /* open at as_of */
  guint       n_overdue;          /* ... of them past due then */
  guint       n_unowned;          /* ... of them without an owner */
  gint64      median_seconds;     /* time to recovery, cases recovered in the period; -1 none */
  gint64      p90_seconds;        /* its 90th percentile; -1 none */
  gint64      surprise_cents;     /* surprise spend, cases recovered in the period */
  guint       n_rule_bends;       /* rules bent, cases happened in the period */
  gint64      as_of;              /* Unix time of the open counts: the period's end, or now */
  gint64      target_min_seconds; /* the shortest target of the cases happened; -1 none */
  gint64      target_max_seconds; /* ... and the longest: the same when they all had one */
} AmendsMeasures;

typedef enum
{
  AMENDS_MEASURE_BY_OWNER,
  AMENDS_MEASURE_BY_TEAM,
  AMENDS_MEASURE_BY_CATEGORY,
} AmendsMeasureBy;

/* One line of a per-owner, per-team or per-category table. */
typedef struct
{
  char           *name;            /* "Unowned" / "No team" / "No category" for none */
  gint64          staff_id;        /* owner tables only; 0 for none */
  AmendsMeasures  measures;
} AmendsMeasureRow;

void       amends_measure_row_free         (AmendsMeasureRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsMeasureRow, amends_measure_row_free)

gboolean   amends_store_measure_headlines (AmendsStore      *self,
                                           GDateTime        *from,
                                           GDateTime        *until,
                                           AmendsShare      *recovered_within,
                                           AmendsShare      *blown_away,
                                           GError          **error);
gboolean   amends_store_measure           (AmendsStore      *self,
                                           GDateTime        *from,
                                           GDateTime        *until,
                                           AmendsMeasures   *measures,
                                           GError          **error);
GPtrArray *amends_store_measure_by        (AmendsStore      *self,
                                           AmendsMeasureBy   by,
                                           GDateTime        *from,
                                           GDateTime        *until,
                                           GError          **error);
/* AmendsMeasures* (g_free), one a week, oldest first, ending with the
 * week that starts at @last_week_start. */
GPtrArray *amends_store_measure_weeks     (AmendsStore      *self,
                                           GDateTime        *last_week_start,
                                           guint             n_weeks,
                                           GError          **error);
/* AmendsMeasures* (g_free), one a span [bounds[i], bounds[i + 1]) of
 * @bounds (GDateTime*), oldest first: the points of a period's trend. */
GPtrArray *amends_store_measure_spans     (AmendsStore      *self,
                                           GPtrArray        *bounds,
                                           GError          **error);
guint      amends_measures_get_n_measured (void);

/* Measures on a read-only connection of its own, for a worker thread. */
typedef struct _AmendsMeasurer AmendsMeasurer;

AmendsMeasurer *amends_measurer_new           (AmendsStore      *store);
void       amends_measurer_free           (AmendsMeasurer   *self);
gint64     amends_measurer_get_now        (AmendsMeasurer   *self);
gboolean   amends_measurer_measure        (AmendsMeasurer   *self,
                                           GDateTime        *from,
                                           GDateTime        *until,
                                           AmendsMeasures   *measures,
                                           GError          **error);
GPtrArray *amends_measurer_measure_by     (AmendsMeasurer   *self,
                                           AmendsMeasureBy   by,
                                           GDateTime        *from,
                                           GDateTime        *until,
                                           GError          **error);
GPtrArray *amends_measurer_measure_weeks  (AmendsMeasurer   *self,
                                           GDateTime        *last_week_start,
                                           guint             n_weeks,
                                           GError          **error);
GPtrArray *amends_measurer_measure_spans  (AmendsMeasurer   *self,
                                           GPtrArray        *bounds,
                                           GError          **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsMeasurer, amends_measurer_free)

G_END_DECLS
