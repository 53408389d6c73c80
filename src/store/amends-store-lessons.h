/* amends-store-lessons.h: what the lessons say over a period: causes, rules bent, RATER, came back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-store-measures.h"

G_BEGIN_DECLS

#define AMENDS_LESSONS_N_RATER 5
#define AMENDS_LESSONS_RECENT_DAYS 90

/* One cause, as the lessons name it (in any case: "Staffing" and
 * "staffing" are one). */
typedef struct
{
  char  *name;        /* as the newest lesson wrote it */
  guint  n_period;    /* lessons of cases that happened in the period */
  guint  n_changed;   /* ... of them that changed the process */
  guint  n_recent;    /* lessons of cases that happened in the last 90 days */
} AmendsCauseCount;

/* One rule, as bent (in any case, blanks around it aside). */
typedef struct
{
  char  *rule;        /* as the newest case wrote it */
  guint  n;           /* cases that happened in the period and bent it */
} AmendsBentRuleCount;

/* Everything the lessons of a period [from, until) say; the cohorts are
 * at the top of amends-store-lessons.c. */
typedef struct
{
  GPtrArray   *causes;            /* AmendsCauseCount*, most in the period first */
  GPtrArray   *bent_rules;        /* AmendsBentRuleCount*, most first */
  guint        n_rules_unnamed;   /* rules bent without saying which */
  guint        n_happened;        /* counted cases that happened in the period */
  guint        rater_failed[AMENDS_LESSONS_N_RATER];  /* in the order of amends_lessons_rater */
  guint        rater_shown[AMENDS_LESSONS_N_RATER];
  AmendsShare  blown_away;        /* as amends-store-measures.c counts it, to show beside came back */
  guint        n_reaction_unknown;
  AmendsShare  came_back;         /* of cases recovered in the period with it recorded */
  guint        n_recovered;       /* cases recovered in the period */
  guint        n_came_back_unknown; /* ... whose return was not recorded */
  gint64       recent_from;       /* Unix times of the 90 days */
  gint64       recent_until;
} AmendsLessonMeasures;

/* The RATER dimensions in the order of the tables: R, A, T, E, R. */
extern const AmendsRater amends_lessons_rater[AMENDS_LESSONS_N_RATER];

void                  amends_lesson_measures_free          (AmendsLessonMeasures *measures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsLessonMeasures, amends_lesson_measures_free)

AmendsLessonMeasures *amends_store_measure_lessons         (AmendsStore          *self,
                                                            GDateTime            *from,
                                                            GDateTime            *until,
                                                            GError              **error);
void                  amends_lesson_measures_measure_async (AmendsStore          *store,
                                                            GDateTime            *from,
                                                            GDateTime            *until,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
AmendsLessonMeasures *amends_lesson_measures_measure_finish (GAsyncResult        *result,
                                                             GError             **error);

G_END_DECLS
