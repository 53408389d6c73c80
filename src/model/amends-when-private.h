/* amends-when-private.h: what reading and writing "when it happened" share
 *
 * amends-when.c reads the forms a person types, amends-when-format.c writes
 * them, and amends-when-scan.c holds the scanners both build on: words in
 * the person's language, digits, clock times, dates and zones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* More digits than this in "N h ago" are not a count anyone means. */
#define MAX_COUNT_DIGITS 6

typedef enum
{
  READ_NO,     /* not this form */
  READ_OK,     /* read, *out set */
  READ_RANGE,  /* this form, but a number is out of range */
} ReadResult;

typedef enum
{
  WORDS_NOW,
  WORDS_TODAY,
  WORDS_YESTERDAY,
  WORDS_TOMORROW,
  WORDS_AT,
  WORDS_ONE,
  WORDS_MINUTES,
  WORDS_HOURS,
  WORDS_DAYS,
  WORDS_WEEKS,
  WORDS_OCLOCK,
} Words;

/* Which of the first two numbers of "03/04/2026" is the day. */
typedef enum
{
  AMENDS_WHEN_ORDER_LOCALE,       /* as the locale writes dates (LC_TIME) */
  AMENDS_WHEN_ORDER_DAY_FIRST,    /* 03/04/2026 is 3 April */
  AMENDS_WHEN_ORDER_MONTH_FIRST,  /* 03/04/2026 is 4 March */
} AmendsWhenOrder;

typedef struct
{
  int hour;
  int minute;
  int second;
} ClockTime;

char      *amends_when_normalize        (const char *text);
void       amends_when_skip_space       (const char **p);
gboolean   amends_when_scan_literal     (const char **p,
                                         const char *word,
                                         gsize len);
gboolean   amends_when_scan_words       (const char **p,
                                         Words which);
char      *amends_when_first_word       (Words which);
gboolean   amends_when_scan_digits      (const char **p,
                                         guint min,
                                         guint max,
                                         int *value);
gboolean   amends_when_scan_char        (const char **p,
                                         char c);
gboolean   amends_when_at_end           (const char *p);
GDate     *amends_when_local_date       (GDateTime *now,
                                         int days_back);
ReadResult amends_when_make_local       (GTimeZone *tz,
                                         const GDate *date,
                                         const ClockTime *clock,
                                         GDateTime **out);
ReadResult amends_when_scan_clock       (const char **p,
                                         ClockTime *clock);
ReadResult amends_when_scan_span_back   (const char **p,
                                         GDateTime *now,
                                         GDateTime **out);
ReadResult amends_when_scan_date_time   (const char **p,
                                         ClockTime *clock,
                                         GTimeZone **zone);
AmendsWhenOrder amends_when_locale_order (void);
gboolean   amends_when_scan_month       (const char **p,
                                         int *month);
gboolean   amends_when_scan_weekday     (const char **p);

char      *amends_when_format_with      (GDateTime *when,
                                         GDateTime *now,
                                         const char *date_time_format,
                                         const char *clock_format);
const char *amends_when_clock_format    (void);

GDateTime *amends_when_parse_in_order   (const char *text,
                                         GDateTime *now,
                                         AmendsWhenOrder order,
                                         GError **error);
GDateTime *amends_when_parse_full       (const char *text,
                                         GDateTime *now,
                                         AmendsWhenOrder order,
                                         gboolean allow_future,
                                         GError **error);

G_END_DECLS
