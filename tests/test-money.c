/* test-money.c: amounts as people type them, to the cent; shares in percent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "amends-money.h"
#include "amends-percent.h"

static void
test_parse_accepts (void)
{
  /* Written by hand: what a clerk may type, and the cents it means. */
  static const struct { const char *text; gint64 cents; } cases[] = {
    { "", 0 },
    { "   ", 0 },
    { "0", 0 },
    { "12", 1200 },
    { " 12.50 ", 1250 },
    { "12.5", 1250 },
    { "12,50", 1250 },
    { "12,5", 1250 },
    { ".50", 50 },
    { "0,05", 5 },
    { "1,250", 125000 },
    { "1,250.50", 125050 },
    { "1.250,50", 125050 },
    { "1 250,50", 125050 },
    { "1\u202F250,50", 125050 },
    { "1'250.50", 125050 },
    { "12.345.678", 1234567800 },
    { "92233720368547", 9223372036854700 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (amends_money_parse (cases[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_parse_refuses (void)
{
  static const struct { const char *text; int code; } cases[] = {
    { "-5", AMENDS_MONEY_ERROR_NEGATIVE },
    { "−5", AMENDS_MONEY_ERROR_NEGATIVE },
    { "abc", AMENDS_MONEY_ERROR_INVALID },
    { "12.50 EUR", AMENDS_MONEY_ERROR_INVALID },
    { "12.5050", AMENDS_MONEY_ERROR_INVALID },
    { "1,2,3", AMENDS_MONEY_ERROR_INVALID },
    { "1,25,000", AMENDS_MONEY_ERROR_INVALID },
    { "1.250.5", AMENDS_MONEY_ERROR_INVALID },
    { "1,250.000,00", AMENDS_MONEY_ERROR_INVALID },
    { "12.", AMENDS_MONEY_ERROR_INVALID },
    { "1e5", AMENDS_MONEY_ERROR_INVALID },
    { "99999999999999999999", AMENDS_MONEY_ERROR_TOO_LARGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 42;

      g_test_message ("%s", cases[i].text);
      g_assert_false (amends_money_parse (cases[i].text, &cents, &error));
      g_assert_error (error, AMENDS_MONEY_ERROR, cases[i].code);
      g_assert_cmpint (cents, ==, 42);
    }
}

static void
test_format_reads_back (void)
{
  static const gint64 amounts[] = { 1, 5, 50, 99, 100, 1250, 125050, 9223372036854700 };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = amends_money_format (amounts[i]);
      gint64 cents = -1;

      g_assert_true (amends_money_parse (text, &cents, NULL));
      g_assert_cmpint (cents, ==, amounts[i]);
    }

  {
    g_autofree char *nothing = amends_money_format (0);
    g_assert_cmpstr (nothing, ==, "");
  }
}

static void
test_format_plain (void)
{
  g_autofree char *zero = amends_money_format_plain (0);
  g_autofree char *some = amends_money_format_plain (1205);
  g_autofree char *below = amends_money_format_plain (-50);

  g_assert_cmpstr (zero, ==, "0.00");
  g_assert_cmpstr (some, ==, "12.05");
  g_assert_cmpstr (below, ==, "-0.50");
}

/* Under @locale; the build makes C.UTF-8 and de_DE.UTF-8 in tests/locale/
 * (LOCPATH), and a test that cannot switch fails rather than passing
 * without having looked. */
static gboolean
use_locale (const char *locale)
{
  if (setlocale (LC_ALL, locale) != NULL)
    return TRUE;

  g_test_fail_printf ("%s is not available (LOCPATH=%s)", locale, g_getenv ("LOCPATH"));
  return FALSE;
}

static void
assert_reads (const char *text,
              gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = -1;

  g_test_message ("%s", text);
  g_assert_true (amends_money_parse (text, &cents, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cents, ==, expected);
}

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = 42;

  g_test_message ("%s", text);
  g_assert_false (amends_money_parse (text, &cents, &error));
  g_assert_error (error, AMENDS_MONEY_ERROR, AMENDS_MONEY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (cents, ==, 42);
}

static void
assert_formats (gint64      cents,
                const char *entry,
                const char *amount)
{
  g_autofree char *entry_text = amends_money_format (cents);
  g_autofree char *amount_text = amends_money_format_amount ("EUR", cents);
  gint64 back = -1;

  g_assert_cmpstr (entry_text, ==, entry);
  g_assert_cmpstr (amount_text, ==, amount);
  g_assert_true (amends_money_parse (entry_text, &back, NULL));
  g_assert_cmpint (back, ==, cents);
}

/* In C (and English) "." is the decimal mark: "12.505" could be twelve
 * and a half with a digit too many, or 12,505 grouped. */
static void
test_c_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (!use_locale ("C.UTF-8"))
    return;

  assert_reads ("12,505", 1250500);
  assert_refused ("12.505", "“12.505” could be 12,505 or 12.50: write the amount with two digits after the decimal mark.");
  assert_refused ("twelve", "Type the cost as an amount, such as 12.50.");

  /* C groups no digits. */
  assert_formats (5, "0.05", "EUR 0.05");
  assert_formats (1250, "12.50", "EUR 12.50");
  assert_formats (125050, "1250.50", "EUR 1250.50");
  {
    g_autofree char *zero = amends_money_format_amount ("EUR", 0);
    g_autofree char *bare = amends_money_format_amount (NULL, 1250);

    g_assert_cmpstr (zero, ==, "EUR 0.00");
    g_assert_cmpstr (bare, ==, "12.50");
  }

  setlocale (LC_ALL, saved);
}

/* German: a decimal comma, and "." between each three digits. */
static void
test_german_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (!use_locale ("de_DE.UTF-8"))
    return;

  assert_reads ("12,50", 1250);
  assert_reads ("12.50", 1250);
  assert_reads ("12,5", 1250);
  assert_reads ("1.250,00", 125000);
  assert_reads ("1.250", 125000);
  assert_reads ("12.505", 1250500);
  assert_reads ("1 250,50", 125050);
  assert_reads ("1,250.50", 125050);
  assert_refused ("1,250", "“1,250” could be 1.250 or 1,25: write the amount with two digits after the decimal mark.");
  assert_refused ("12,50 €", "Type the cost as an amount, such as 12,50.");
  assert_refused ("zwölf", "Type the cost as an amount, such as 12,50.");

  assert_formats (5, "0,05", "EUR 0,05");
  assert_formats (1250, "12,50", "EUR 12,50");
  assert_formats (99999, "999,99", "EUR 999,99");
  assert_formats (100000, "1.000,00", "EUR 1.000,00");
  assert_formats (125050, "1.250,50", "EUR 1.250,50");
  assert_formats (123456789, "1.234.567,89", "EUR 1.234.567,89");
  {
    g_autofree char *zero = amends_money_format_amount ("EUR", 0);
    g_autofree char *plain = amends_money_format_plain (125050);

    g_assert_cmpstr (zero, ==, "EUR 0,00");
    g_assert_cmpstr (plain, ==, "1250.50");
  }

  setlocale (LC_ALL, saved);
}

/* A file's amounts read the same in every locale. */
static void
test_parse_plain (void)
{
  static const char * const locales[] = { "C.UTF-8", "de_DE.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      static const struct { const char *text; gint64 cents; } cases[] = {
        { "12.50", 1250 }, { "12,50", 1250 }, { "1,250", 125000 }, { "1.250", 125000 },
        { "12.505", 1250500 }, { "1,250.50", 125050 }, { "", 0 },
      };

      if (!use_locale (locales[i]))
        break;
      for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
        {
          gint64 cents = -1;

          g_test_message ("%s: %s", locales[i], cases[k].text);
          g_assert_true (amends_money_parse_plain (cases[k].text, &cents, NULL));
          g_assert_cmpint (cents, ==, cases[k].cents);
        }
    }

  setlocale (LC_ALL, saved);
}

static void
test_percent (void)
{
  /* Written by hand: n of m, and the whole percent a person would write. */
  static const struct { int n, of, percent; } cases[] = {
    { 0, 5, 0 }, { 5, 5, 100 }, { 1, 3, 33 }, { 2, 3, 67 },
    { 1, 200, 1 },        /* 0.5 %: a half rounds up */
    { 179, 200, 90 },     /* 89.5 % */
    { 177, 200, 89 },     /* 88.5 % */
    { 89, 100, 89 }, { 1, 8, 13 }, { 7, 8, 88 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%d of %d", cases[i].n, cases[i].of);
      g_assert_cmpint (amends_percent_of ((double) cases[i].n / cases[i].of), ==, cases[i].percent);
    }

  g_assert_cmpint (amends_percent_of (-0.2), ==, 0);
  g_assert_cmpint (amends_percent_of (1.7), ==, 100);

  {
    g_autofree char *text = amends_percent_format (83);
    g_assert_cmpstr (text, ==, "83 %");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/accepts", test_parse_accepts);
  g_test_add_func ("/money/parse/refuses", test_parse_refuses);
  g_test_add_func ("/money/format/reads-back", test_format_reads_back);
  g_test_add_func ("/money/format/plain", test_format_plain);
  g_test_add_func ("/money/locale/c", test_c_locale);
  g_test_add_func ("/money/locale/german", test_german_locale);
  g_test_add_func ("/money/parse/plain-whatever-the-locale", test_parse_plain);
  g_test_add_func ("/percent/rounds-halves-up", test_percent);

  return g_test_run ();
}
