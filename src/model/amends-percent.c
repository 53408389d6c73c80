/* amends-percent.c: a share, as a whole percentage and in words
 *
 * The Measures view, its trend chart, the staff-room screen and the
 * printed summary all show shares, and compare them with targets: they
 * must round alike, or "90 %" on screen could be "89 %" on paper.  A
 * share is rounded to the nearest whole percent, halves up, and kept
 * between 0 and 100.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-percent"

#include "config.h"

#include "amends-percent.h"

#include <math.h>
#include <glib/gi18n.h>

/**
 * amends_percent_of:
 * @share: a share, from 0 to 1
 *
 * Returns: @share in whole percent, as it is shown
 */
int
amends_percent_of (double share)
{
  /* 179 of 200 is 0.895, which is 89.4999… percent in binary: the nudge
   * makes an exact half round up, as it does on paper. */
  return (int) floor (CLAMP (share, 0.0, 1.0) * 100.0 + 0.5 + 1e-9);
}

/**
 * amends_percent_format:
 *
 * Returns: (transfer full): @percent in words, "83 %"
 */
char *
amends_percent_format (int percent)
{
  /* Translators: a share in percent, "83 %"; %d is the number */
  return g_strdup_printf (_("%d %%"), percent);
}
