/* amends-clock.h: a case's recovery clock, in time and in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-case.h"

G_BEGIN_DECLS

/* Less than this left on the clock and the case is due soon. */
#define AMENDS_CLOCK_DUE_SOON (4 * G_TIME_SPAN_HOUR)

typedef enum
{
  AMENDS_CLOCK_STATE_RUNNING,         /* open, more than 4 h left */
  AMENDS_CLOCK_STATE_DUE_SOON,        /* open, 4 h or less left */
  AMENDS_CLOCK_STATE_OVERDUE,         /* open, past its due time */
  AMENDS_CLOCK_STATE_PAUSED,          /* open, waiting on the customer */
  AMENDS_CLOCK_STATE_RECOVERED,       /* recovered within the target */
  AMENDS_CLOCK_STATE_RECOVERED_LATE,  /* recovered after the target */
  AMENDS_CLOCK_STATE_NOT_RECOVERED,   /* closed without a recovery (no fix) */
} AmendsClockState;

AmendsClockState  amends_clock_get_state             (AmendsCase *kase,
                                                      GDateTime  *now);
GTimeSpan         amends_clock_get_target            (AmendsCase *kase);
gboolean          amends_clock_counts_office_hours   (AmendsCase *kase);
GTimeSpan         amends_clock_get_paused            (AmendsCase *kase,
                                                      GDateTime  *now);
GTimeSpan         amends_clock_get_remaining         (AmendsCase *kase,
                                                      GDateTime  *now);
GTimeSpan         amends_clock_get_time_to_recovery  (AmendsCase *kase);
char             *amends_clock_format_span           (GTimeSpan   span);
char             *amends_clock_describe              (AmendsCase *kase,
                                                      GDateTime  *now);

G_END_DECLS
