/* amends-money.c: amounts of money, kept in cents, read and written as people type them
 *
 * Amends keeps every amount as a whole number of cents: no sum is ever
 * off by a rounding.  amends_money_parse() reads what a person types or a
 * CSV file holds: "12", "12.5", "12.50", "12,50" (the decimal comma of
 * most of Europe), "1,250.50", "1.250,50", "1 250,50" and "1'250.50"
 * (digits grouped by threes).  The last "." or "," followed by one or two
 * digits is the decimal mark; any other separator, one kind and not the
 * mark, must group digits by threes.  Empty text is nothing spent (0).  A negative amount is refused.
 *
 * amends_money_format() writes an amount for an entry in the person's
 * locale ("12.50", or "12,50" where the decimal mark is a comma), without
 * grouping, so that it reads back the same; empty for 0.
 * amends_money_format_plain() writes "12.50" whatever the locale, for
 * files.
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
  g_set_error_literal (error, AMENDS_MONEY_ERROR, AMENDS_MONEY_ERROR_INVALID,
                       _("Type the cost as an amount, such as 12.50."));
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

/**
 * amends_money_parse:
 * @cents: (out): the amount in cents
 *
 * Returns: %FALSE with @error when @text is not an amount
 */
gboolean
amends_money_parse (const char  *text,
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

static char *
format_with_mark (gint64      cents,
                  const char *mark)
{
  guint64 amount = cents < 0 ? -(guint64) cents : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%02d", cents < 0 ? "-" : "",
                          amount / 100, mark, (int) (amount % 100));
}

/**
 * amends_money_format:
 *
 * Returns: (transfer full): @cents for an entry, in the locale's decimal
 *   mark; empty for 0
 */
char *
amends_money_format (gint64 cents)
{
  const char *mark = localeconv ()->decimal_point;

  if (cents == 0)
    return g_strdup ("");

  /* Only the marks that read back: a locale's odd one would not. */
  if (mark == NULL || (strcmp (mark, ".") != 0 && strcmp (mark, ",") != 0))
    mark = ".";

  return format_with_mark (cents, mark);
}

/**
 * amends_money_format_plain:
 *
 * Returns: (transfer full): @cents as "12.50", whatever the locale
 */
char *
amends_money_format_plain (gint64 cents)
{
  return format_with_mark (cents, ".");
}
