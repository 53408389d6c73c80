/* fuzz-iso-week.c: any text as a week, "2026-W47"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-fuzz.h"
#include "amends-store-measures.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GError) error = NULL;

  amends_fuzz_init ();

  if (!amends_iso_week_parse (text, size > 0 && data[0] == '1' ? NULL : utc, &from, &until, &error))
    {
      g_assert_nonnull (error);
      g_assert_null (from);
      g_assert_null (until);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (from);
  g_assert_nonnull (until);
  g_assert_cmpint (g_date_time_compare (from, until), <, 0);
  {
    g_autofree char *week = amends_iso_week_format (from);
    g_autoptr(GDateTime) start = amends_iso_week_start (from);

    g_assert_nonnull (week);
    g_assert_cmpint (g_date_time_compare (start, from), ==, 0);
  }

  return 0;
}
