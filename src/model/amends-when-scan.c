/* amends-when-scan.c: the scanners "when it happened" is read with
 *
 * Each scanner reads one thing at *p (a word from a translated list,
 * digits, a clock time, a date, a zone) and moves *p past it, or leaves
 * *p alone and returns FALSE.  Texts are normalized first: lower case,
 * commas as spaces, one space between words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-when-scan"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "amends-when.h"
#include "amends-when-private.h"

static const char * const english_words[] = {
  [WORDS_NOW] = "now",
  [WORDS_TODAY] = "today",
  [WORDS_YESTERDAY] = "yesterday",
  [WORDS_TOMORROW] = "tomorrow",
  [WORDS_AT] = "at",
  [WORDS_ONE] = "a|an|one",
  [WORDS_MINUTES] = "m|min|mins|minute|minutes",
  [WORDS_HOURS] = "h|hr|hrs|hour|hours",
  [WORDS_DAYS] = "d|day|days",
  [WORDS_WEEKS] = "w|wk|wks|week|weeks",
  [WORDS_OCLOCK] = "o'clock",
};

static const char * const english_months[] = {
  "jan|january", "feb|february", "mar|march", "apr|april", "may", "jun|june",
  "jul|july", "aug|august", "sep|sept|september", "oct|october", "nov|november",
  "dec|december",
};

static const char * const english_weekdays[] = {
  "mon|monday", "tue|tues|tuesday", "wed|wednesday", "thu|thur|thurs|thursday",
  "fri|friday", "sat|saturday", "sun|sunday",
};

static const char *
translated_words (Words which)
{
  switch (which)
    {
    case WORDS_NOW:
      /* Translators: words a person may type in the “when did it happen”
       * entry for the present moment: lower case, separated by “|”.  The
       * first is also what Amends writes there.  English always works too.
       * The same goes for the lists below. */
      return C_("when: the present moment", "now");
    case WORDS_TODAY:
      /* Translators: lower case, separated by “|”; the first is written */
      return C_("when: this day", "today");
    case WORDS_YESTERDAY:
      /* Translators: lower case, separated by “|”; the first is written */
      return C_("when: the day before today", "yesterday");
    case WORDS_TOMORROW:
      /* Translators: lower case, separated by “|”; the first is written
       * (a guest's departure, “tomorrow 11:00”) */
      return C_("when: the day after today", "tomorrow");
    case WORDS_AT:
      /* Translators: lower case, separated by “|” */
      return C_("when: before a clock time, as in “today at 9:15”", "at");
    case WORDS_ONE:
      /* Translators: lower case, separated by “|” */
      return C_("when: the number one, as in “an hour ago”", "a|an|one");
    case WORDS_MINUTES:
      /* Translators: lower case, separated by “|” */
      return C_("when: minutes, as in “5 min ago”", "m|min|mins|minute|minutes");
    case WORDS_HOURS:
      /* Translators: lower case, separated by “|” */
      return C_("when: hours, as in “2 h ago”", "h|hr|hrs|hour|hours");
    case WORDS_DAYS:
      /* Translators: lower case, separated by “|” */
      return C_("when: days, as in “3 days ago”", "d|day|days");
    case WORDS_WEEKS:
      /* Translators: lower case, separated by “|” */
      return C_("when: weeks, as in “a week ago”", "w|wk|wks|week|weeks");
    case WORDS_OCLOCK:
      /* Translators: lower case, separated by “|”: a word that may follow
       * a clock time, as German “Uhr” in “11:20 Uhr”; if your pattern for
       * a clock time (“%H:%M”) has such a word, list it here */
      return C_("when: after a clock time, as in “11:20 Uhr”", "o'clock");
    default:
      g_return_val_if_reached (english_words[WORDS_NOW]);
    }
}

/* Lower case, commas as spaces, one space between words, none around. */
char *
amends_when_normalize (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == ',')
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_word_end (const char *p)
{
  return *p == '\0' || *p == ' ';
}

void
amends_when_skip_space (const char **p)
{
  if (**p == ' ')
    (*p)++;
}

/* Consumes @word if it stands whole at *p. */
gboolean
amends_when_scan_literal (const char **p,
              const char  *word,
              gsize        len)
{
  if (len == 0 || strncmp (*p, word, len) != 0 || !is_word_end (*p + len))
    return FALSE;

  *p += len;
  return TRUE;
}

static gboolean
scan_one_of (const char **p,
             const char  *alternatives)
{
  const char *word = alternatives;

  for (;;)
    {
      const char *bar = strchr (word, '|');
      gsize len = bar != NULL ? (gsize) (bar - word) : strlen (word);

      if (amends_when_scan_literal (p, word, len))
        return TRUE;
      if (bar == NULL)
        return FALSE;
      word = bar + 1;
    }
}

gboolean
amends_when_scan_words (const char **p,
            Words        which)
{
  const char *translated = translated_words (which);
  g_autofree char *local = NULL;

  if (scan_one_of (p, english_words[which]))
    return TRUE;
  if (strcmp (translated, english_words[which]) == 0)
    return FALSE;

  local = amends_when_normalize (translated);
  return scan_one_of (p, local);
}

char *
amends_when_first_word (Words which)
{
  g_autofree char *local = amends_when_normalize (translated_words (which));

  return g_strndup (local, strcspn (local, "|"));
}

/* Exactly @min to @max ASCII digits, not followed by another digit. */
gboolean
amends_when_scan_digits (const char **p,
             guint        min,
             guint        max,
             int         *value)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit ((*p)[n]))
    {
      if (++n > max)
        return FALSE;
      v = v * 10 + ((*p)[n - 1] - '0');
    }
  if (n < min)
    return FALSE;

  *p += n;
  *value = v;
  return TRUE;
}

gboolean
amends_when_scan_char (const char **p,
           char         c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

gboolean
amends_when_at_end (const char *p)
{
  return *p == '\0';
}

GDate *
amends_when_local_date (GDateTime *now,
                        int        days_back)
{
  GDate *date = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                g_date_time_get_month (now),
                                g_date_time_get_year (now));

  /* Tomorrow is a day back of -1: read, to be refused as the future. */
  if (days_back >= 0)
    g_date_subtract_days (date, days_back);
  else
    g_date_add_days (date, -days_back);
  return date;
}

ReadResult
amends_when_make_local (GTimeZone       *tz,
            const GDate     *date,
            const ClockTime *clock,
            GDateTime      **out)
{
  *out = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), clock->hour, clock->minute,
                          clock->second);
  return *out != NULL ? READ_OK : READ_RANGE;
}

/* What g_date_time_format() writes for %p at @hour, lower case, or "" */
static char *
locale_am_pm (int hour)
{
  g_autoptr(GDateTime) probe = g_date_time_new_utc (2026, 1, 1, hour, 0, 0);
  g_autofree char *written = g_date_time_format (probe, "%p");

  return written != NULL ? amends_when_normalize (written) : g_strdup ("");
}

/* " am", "pm", " p.m.", after a clock time: in English, and as the
 * locale writes them with %p (a translated clock pattern may use it). */
static gboolean
scan_am_pm (const char **p,
            gboolean    *pm)
{
  const char *q = *p;
  g_autofree char *am_word = NULL;
  g_autofree char *pm_word = NULL;

  amends_when_skip_space (&q);
  if (scan_one_of (&q, "am|a.m.|a.m"))
    *pm = FALSE;
  else if (scan_one_of (&q, "pm|p.m.|p.m"))
    *pm = TRUE;
  else if (!g_ascii_isalpha (*q) && (guchar) *q < 0x80)
    return FALSE;
  else if (*(am_word = locale_am_pm (9)) != '\0' && amends_when_scan_literal (&q, am_word, strlen (am_word)))
    *pm = FALSE;
  else if (*(pm_word = locale_am_pm (21)) != '\0' && amends_when_scan_literal (&q, pm_word, strlen (pm_word)))
    *pm = TRUE;
  else
    return FALSE;

  *p = q;
  return TRUE;
}

/* " o'clock", " uhr" (translated) after a clock time. */
static gboolean
scan_oclock (const char **p)
{
  const char *q = *p;

  amends_when_skip_space (&q);
  if (!amends_when_scan_words (&q, WORDS_OCLOCK))
    return FALSE;

  *p = q;
  return TRUE;
}

/* "14:30", "9:05:10", "2 pm", "2:30pm", "2:30 p.m.", "11:20 uhr", "11 uhr" */
ReadResult
amends_when_scan_clock (const char **p,
            ClockTime   *clock)
{
  const char *q = *p;
  gboolean has_minutes, am = FALSE, pm = FALSE, oclock;

  *clock = (ClockTime) { 0, 0, 0 };
  if (!amends_when_scan_digits (&q, 1, 2, &clock->hour))
    return READ_NO;

  has_minutes = amends_when_scan_char (&q, ':');
  if (has_minutes && !amends_when_scan_digits (&q, 2, 2, &clock->minute))
    return READ_NO;
  if (has_minutes && amends_when_scan_char (&q, ':') && !amends_when_scan_digits (&q, 2, 2, &clock->second))
    return READ_NO;

  if (scan_am_pm (&q, &pm))
    am = !pm;
  oclock = scan_oclock (&q);

  if (!has_minutes && !am && !pm && !oclock)
    return READ_NO;

  *p = q;
  if (am || pm)
    {
      if (clock->hour < 1 || clock->hour > 12)
        return READ_RANGE;
      clock->hour = clock->hour % 12 + (pm ? 12 : 0);
    }

  if (clock->hour > 23 || clock->minute > 59 || clock->second > 59)
    return READ_RANGE;

  return READ_OK;
}

static gboolean
scan_count (const char **p,
            int         *count)
{
  if (amends_when_scan_digits (p, 1, MAX_COUNT_DIGITS, count))
    return TRUE;

  if (!amends_when_scan_words (p, WORDS_ONE))
    return FALSE;

  *count = 1;
  return TRUE;
}

/* COUNT UNIT, as a time @count units before @now. */
ReadResult
amends_when_scan_span_back (const char **p,
                GDateTime   *now,
                GDateTime  **out)
{
  int count;

  if (!scan_count (p, &count))
    return READ_NO;
  amends_when_skip_space (p);

  if (amends_when_scan_words (p, WORDS_MINUTES))
    *out = g_date_time_add (now, -(GTimeSpan) count * G_TIME_SPAN_MINUTE);
  else if (amends_when_scan_words (p, WORDS_HOURS))
    *out = g_date_time_add (now, -(GTimeSpan) count * G_TIME_SPAN_HOUR);
  else if (amends_when_scan_words (p, WORDS_DAYS))
    *out = g_date_time_add_days (now, -count);
  else if (amends_when_scan_words (p, WORDS_WEEKS))
    *out = g_date_time_add_days (now, -7 * count);
  else
    return READ_NO;

  /* Too far back for a calendar: not a count anyone means. */
  return *out != NULL ? READ_OK : READ_NO;
}

/* "z", "+05:30", "-0500", "+01"; *zone stays NULL when there is none. */
static gboolean
scan_zone (const char **p,
           GTimeZone  **zone)
{
  const char *q = *p;
  int sign, hours, minutes = 0;

  if (amends_when_scan_char (&q, 'z'))
    {
      *zone = g_time_zone_new_utc ();
      *p = q;
      return TRUE;
    }

  if (amends_when_scan_char (&q, '+'))
    sign = 1;
  else if (amends_when_scan_char (&q, '-'))
    sign = -1;
  else
    return TRUE;

  if (!amends_when_scan_digits (&q, 2, 2, &hours))
    return FALSE;
  if (g_ascii_isdigit (*q) || amends_when_scan_char (&q, ':'))
    {
      if (!amends_when_scan_digits (&q, 2, 2, &minutes))
        return FALSE;
    }
  if (hours > 23 || minutes > 59)
    return FALSE;

  *zone = g_time_zone_new_offset (sign * (hours * 3600 + minutes * 60));
  *p = q;
  return TRUE;
}

/* "T14:30", " 14:30", " at 2 pm", with an optional zone after it. */
ReadResult
amends_when_scan_date_time (const char **p,
                ClockTime   *clock,
                GTimeZone  **zone)
{
  ReadResult result;

  if (!amends_when_scan_char (p, 't'))
    {
      amends_when_skip_space (p);
      if (amends_when_scan_words (p, WORDS_AT))
        amends_when_skip_space (p);
    }

  result = amends_when_scan_clock (p, clock);
  if (result != READ_OK)
    return result;

  amends_when_skip_space (p);
  return scan_zone (p, zone) ? READ_OK : READ_NO;
}

/* Whether the locale writes the day before the month, as en_GB's
 * "22/11/99" and de_DE's "22.11.1999" do, or after it, as C's and en_US's
 * "11/22/99" do.  Learnt from how it writes a day that cannot be a month;
 * a locale that writes the year first ("1999-11-22") puts the month
 * before the day too. */
AmendsWhenOrder
amends_when_locale_order (void)
{
  g_autoptr(GDateTime) probe = g_date_time_new_utc (1999, 11, 22, 0, 0, 0);
  g_autofree char *written = g_date_time_format (probe, "%x");
  const char *day, *month;

  if (written == NULL)
    return AMENDS_WHEN_ORDER_MONTH_FIRST;

  day = strstr (written, "22");
  month = strstr (written, "11");
  if (day != NULL && month != NULL && day < month)
    return AMENDS_WHEN_ORDER_DAY_FIRST;

  return AMENDS_WHEN_ORDER_MONTH_FIRST;
}

/* One of @english (lists of names, one for each of @n things) or of the
 * names g_date_time_format() writes for @formats in the locale: the
 * longest that stands whole at *p, perhaps with a full stop after it. */
static gboolean
scan_name (const char         **p,
           const char * const  *english,
           guint                n,
           const char * const  *formats,
           GDateTime         *(*probe) (guint i),
           int                 *index)
{
  gsize best_len = 0;
  int best = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) when = probe (i);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) words = g_strsplit (english[i], "|", -1);

      for (guint w = 0; words[w] != NULL; w++)
        g_ptr_array_add (names, g_strdup (words[w]));
      for (guint f = 0; formats[f] != NULL; f++)
        {
          g_autofree char *written = g_date_time_format (when, formats[f]);

          if (written != NULL)
            g_ptr_array_add (names, amends_when_normalize (written));
        }

      for (guint k = 0; k < names->len; k++)
        {
          const char *name = g_ptr_array_index (names, k);
          gsize len = strlen (name);
          const char *after = *p + len;

          /* A name written with its own full stop ("nov.") matches too. */
          if (len > 0 && name[len - 1] == '.')
            len--, after--;
          if (len <= best_len || strncmp (*p, name, len) != 0)
            continue;
          if (*after != '\0' && g_unichar_isalpha (g_utf8_get_char (after)))
            continue;
          best_len = len;
          best = (int) i;
        }
    }

  if (best < 0)
    return FALSE;

  *p += best_len;
  amends_when_scan_char (p, '.');
  *index = best;
  return TRUE;
}

static GDateTime *
month_probe (guint i)
{
  return g_date_time_new_utc (2026, i + 1, 1, 12, 0, 0);
}

/* 2 March 2026 was a Monday. */
static GDateTime *
weekday_probe (guint i)
{
  return g_date_time_new_utc (2026, 3, 2 + i, 12, 0, 0);
}

/* A month by its name, "nov", "november", "nov.", "märz", as the locale
 * writes it (%b, %B and the forms that stand alone) or in English;
 * *month is 1-12. */
gboolean
amends_when_scan_month (const char **p,
                        int         *month)
{
  static const char * const formats[] = { "%b", "%B", "%Ob", "%OB", NULL };

  if (!scan_name (p, english_months, G_N_ELEMENTS (english_months), formats, month_probe, month))
    return FALSE;
  (*month)++;
  return TRUE;
}

/* A day of the week by its name, "mi", "mi.", "mittwoch", "wed", as the
 * locale writes it (%a, %A) or in English. */
gboolean
amends_when_scan_weekday (const char **p)
{
  static const char * const formats[] = { "%a", "%A", NULL };
  int day;

  return scan_name (p, english_weekdays, G_N_ELEMENTS (english_weekdays), formats, weekday_probe, &day);
}
