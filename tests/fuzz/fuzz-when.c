/* fuzz-when.c: any text as "when it happened", as a person types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-fuzz.h"
#include "amends-when.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static GDateTime *now;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;

  amends_fuzz_init ();

  /* Wednesday 18 November 2026, 10:00, where the clocks change too; made
   * once, as reading the zone's file is slower than parsing. */
  if (now == NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");

      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      now = g_date_time_new (zone, 2026, 11, 18, 10, 0, 0);
    }

  when = amends_when_parse (text, now, &error);
  if (when == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  {
    g_autofree char *shown = amends_when_format (when, now);

    g_assert_nonnull (shown);
    g_assert_true (g_utf8_validate (shown, -1, NULL));
  }

  return 0;
}
