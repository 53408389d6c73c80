/* amends-money.c: amounts of money, kept in cents, read and written as people type them
 *
 * Amends keeps every amount as a whole number of cents: no sum is ever
 * off by a rounding.  This is the one place that reads and writes them.
 *
 * amends_money_parse() reads what a person types: "12", "12.5", "12.50",
 * "12,50" (the decimal comma of most of Europe), "1,250.50", "1.250,50",
 * "1 250,50" and "1'250.50" (digits grouped by threes).  The last "." or
 * "," followed by one or two digits is the decimal mark, whichever the
 * locale uses; any other separator, one kind and not the mark, must group
 * digits by threes.  The one reading left to the locale: the locale's own
 * decimal mark followed by three digits and nothing else ("1,250" in
 * German, "1.250" in English) could be either, and is refused with a
 * message that says so.  Empty text is nothing spent (0).  A negative
 * amount is refused.
 *
 * amends_money_parse_plain() reads a CSV file's amounts with the same
 * rules but whatever the locale ("1.250" and "1,250" are both 1250.00):
 * a file must read the same on every computer.
 *
 * amends_money_format() writes an amount for an entry in the person's
 * locale, with its decimal mark and its grouping ("1,250.50" in English,
 * "1.250,50" in German), which reads back the same; empty for 0.
 * amends_money_format_amount() writes it for reading, with the currency
 * ("EUR 1.250,50"), on screen and on paper.  amends_money_format_plain()
 * writes "1250.50" whatever the locale, for files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-money"

#include "config.h"

#include "amends-money.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

G_DEFINE_QUARK (amends-money-error-quark, amends_money_error)

static gboolean
is_group_separator (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == '\'' || c == 0x2019 ||
         c == '.' || c == ',';
}

static void
set_invalid (GError **error)
{
  g_autofree char *example = amends_money_format (1250);

  g_set_error (error, AMENDS_MONEY_ERROR, AMENDS_MONEY_ERROR_INVALID,
               /* Translators: %s is an amount, "12.50" (in German "12,50") */
               _("Type the cost as an amount, such as %s."), example);
}

/* Reads the whole units: digits, perhaps grouped by threes with one kind
 * of separator. */
static gboolean
read_units (const char *start,
            const char *end,
            guint64    *units,
            gunichar   *separator_out)
{
  gunichar separator = 0;
  guint group = 0;
  gboolean grouped = FALSE;

  *units = 0;
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        {
          if (*units > (G_MAXINT64 / 100 - 9) / 10)
            return FALSE;
          *units = *units * 10 + (c - '0');
          group++;
          continue;
        }

      if (!is_group_separator (c) || group == 0 || (grouped && group != 3) ||
          (separator != 0 && c != separator) || (!grouped && group > 3))
        return FALSE;
      separator = c;
      grouped = TRUE;
      group = 0;
    }

  *separator_out = separator;
  return group > 0 && (!grouped || group == 3);
}

/* The locale's decimal mark, if it is one the parser reads, else ".". */
static char
locale_mark (void)
{
  const char *mark = localeconv ()->decimal_point;

  return mark != NULL && strcmp (mark, ",") == 0 ? ',' : '.';
}

/* The locale's grouping of thousands, if it is one the parser reads and
 * groups by threes; else "" (no grouping, as in C). */
static const char *
locale_group (char mark)
{
  static const char * const readable[] = { ".", ",", " ", "\u00A0", "\u202F", "'", "\u2019" };
  struct lconv *conv = localeconv ();

  if (conv->thousands_sep == NULL || conv->grouping == NULL || conv->grouping[0] != 3)
    return "";
  if (conv->thousands_sep[0] == mark && conv->thousands_sep[1] == '\0')
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (readable); i++)
    if (strcmp (conv->thousands_sep, readable[i]) == 0)
      return conv->thousands_sep;
  return "";
}

static void
set_ambiguous (GError     **error,
               const char  *text,
               char         mark)
{
  g_autofree char *grouped = g_strdup (text);
  g_autofree char *decimal = NULL;
  char *sep = strchr (grouped, mark);

  /* "1,250" is "1.250" grouped, or "1,25" with a digit too many. */
  *sep = mark == ',' ? '.' : ',';
  decimal = g_strndup (text, sep - grouped + 3);
  g_set_error (error, AMENDS_MONEY_ERROR, AMENDS_MONEY_ERROR_INVALID,
               /* Translators: %s is what the person typed, such as "1,250"
                * in German (or "1.250" in English): it could mean "1.250"
                * (the second %s) or "1,25" (the third) */
               _("“%s” could be %s or %s: write the amount with two digits after the decimal mark."),
               text, grouped, decimal);
}

/* @ambiguous: the decimal mark that, followed by three digits alone, could
 * also group them; 0 to read it as grouping. */
static gboolean
parse_amount (const char  *text,
              char         ambiguous,
              gint64      *cents,
              GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *end = copy + strlen (copy);
  const char *mark = NULL;
  gunichar separator = 0;
  guint64 units = 0;
  int fraction = 0;

  g_return_val_if_fail (cents != NULL, FALSE);

  if (*copy == '\0')
    {
      *cents = 0;
      return TRUE;
    }

  if (*copy == '-' || g_str_has_prefix (copy, "−"))
    {
      g_set_error_literal (error, AMENDS_MONEY_ERROR, AMENDS_MONEY_ERROR_NEGATIVE,
                           _("A cost cannot be negative."));
      return FALSE;
    }

  /* The decimal mark: the last "." or ",", with one or two digits after it. */
  for (const char *p = end - 1; p >= copy && p >= end - 3; p--)
    if (*p == '.' || *p == ',')
      {
        if (end - p >= 2 && g_ascii_isdigit (p[1]) && (end - p == 2 || g_ascii_isdigit (p[2])))
          mark = p;
        break;
      }

  if (mark != NULL)
    {
      fraction = (mark[1] - '0') * 10 + (end - mark == 3 ? mark[2] - '0' : 0);
      end = mark;
    }

  if (mark == NULL && ambiguous != 0 && end - copy >= 5 && end[-4] == ambiguous &&
      strspn (copy, "0123456789") == (gsize) (end - copy - 4) && strspn (end - 3, "0123456789") == 3 &&
      end - copy - 4 <= 3)
    {
      set_ambiguous (error, copy, ambiguous);
      return FALSE;
    }

  /* ".50" is half of one. */
  if (end == copy && mark != NULL)
    units = 0;
  else if (!read_units (copy, end, &units, &separator) ||
           (mark != NULL && separator == (gunichar) *mark))
    {
      if (g_utf8_strlen (copy, -1) > 0 && strspn (copy, "0123456789") == strlen (copy))
        g_set_error_literal (error, AMENDS_MONEY_ERROR, AMENDS_MONEY_ERROR_TOO_LARGE,
                             _("That amount is too large."));
      else
        set_invalid (error);
      return FALSE;
    }

  *cents = (gint64) units * 100 + fraction;
  return TRUE;
}

/**
 * amends_money_parse:
 * @text: what a person typed, such as "12,50"
 * @cents: (out): the amount in cents
 *
 * Returns: %FALSE with @error when @text is not an amount
 */
gboolean
amends_money_parse (const char  *text,
                    gint64      *cents,
                    GError     **error)
{
  return parse_amount (text, locale_mark (), cents, error);
}

/**
 * amends_money_parse_plain:
 * @text: an amount in a file, such as "12.50"
 * @cents: (out): the amount in cents
 *
 * As amends_money_parse(), whatever the locale: a file reads the same on
 * every computer.
 *
 * Returns: %FALSE with @error when @text is not an amount
 */
gboolean
amends_money_parse_plain (const char  *text,
                          gint64      *cents,
                          GError     **error)
{
  return parse_amount (text, 0, cents, error);
}

/* @cents with @mark before the cents, and @group between each three
 * digits of the whole units ("" for none). */
static char *
format_with (gint64      cents,
             char        mark,
             const char *group)
{
  guint64 amount = cents < 0 ? -(guint64) cents : (guint64) cents;
  g_autofree char *units = g_strdup_printf ("%" G_GUINT64_FORMAT, amount / 100);
  GString *out = g_string_new (cents < 0 ? "-" : "");
  gsize n = strlen (units);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, units[i]);
    }
  g_string_append_printf (out, "%c%02d", mark, (int) (amount % 100));

  return g_string_free (out, FALSE);
}

/**
 * amends_money_format:
 *
 * Returns: (transfer full): @cents for an entry, with the locale's
 *   decimal mark and grouping, as amends_money_parse() reads it back;
 *   empty for 0
 */
char *
amends_money_format (gint64 cents)
{
  char mark = locale_mark ();

  if (cents == 0)
    return g_strdup ("");

  return format_with (cents, mark, locale_group (mark));
}

/**
 * amends_money_format_amount:
 * @currency: (nullable): the currency's ISO code, such as "EUR"
 *
 * Returns: (transfer full): @cents to be read, on screen or on paper:
 *   "EUR 1,250.50", in German "EUR 1.250,50"; "EUR 0.00" for 0
 */
char *
amends_money_format_amount (const char *currency,
                            gint64      cents)
{
  char mark = locale_mark ();
  g_autofree char *amount = format_with (cents, mark, locale_group (mark));

  if (currency == NULL || *currency == '\0')
    return g_steal_pointer (&amount);

  /* Translators: money, "EUR 42.50": the first %s is the currency's ISO
   * code, the second the amount, already written with your locale's
   * decimal mark; swap them with %2$s %1$s if your language puts the
   * currency after the amount */
  return g_strdup_printf (C_("money", "%s %s"), currency, amount);
}

/**
 * amends_money_format_plain:
 *
 * Returns: (transfer full): @cents as "1250.50", whatever the locale
 */
char *
amends_money_format_plain (gint64 cents)
{
  return format_with (cents, '.', "");
}
