/* amends-measures-format.c: a measure in words, as the Measures view writes it
 *
 * The headlines, the tiles and the tables write shares and times alike:
 * "—" for what there is nothing to measure of, never "0 %".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-measures-format"

#include "config.h"

#include "amends-measures-format.h"

#include "amends-clock.h"
#include "amends-percent.h"

gboolean
amends_measures_share_known (const AmendsShare *share)
{
  return share->n_of > 0 && share->share >= 0;
}

/* "83 %", or "—" when there is nothing to measure */
char *
amends_measures_format_share (const AmendsShare *share)
{
  if (!amends_measures_share_known (share))
    return g_strdup ("—");

  return amends_percent_format (amends_percent_of (share->share));
}

/* "6 h 30 min", or "—" for no time (-1) */
char *
amends_measures_format_seconds (gint64 seconds)
{
  if (seconds < 0)
    return g_strdup ("—");

  return amends_clock_format_span (seconds * G_TIME_SPAN_SECOND);
}
