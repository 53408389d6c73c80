/* test-history-report.c: a case's history printed, as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "amends-test-utils.h"

#include "amends-history-entry.h"
#include "report/amends-report-history.h"

#define A4_WIDTH  595.0
#define A4_HEIGHT 842.0

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The text of the PDF on one line a page, spaces squashed: pdftotext
 * wraps and spaces as it likes. */
static char **
pdf_pages_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *text = run (argv);
  g_autoptr(GString) squashed = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p) || *p == '\f')
      g_string_append_c (squashed, *p);

  return g_strsplit (squashed->str, "\f", -1);
}

static char *
squash (const char *text)
{
  GString *squashed = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squashed, *p);

  return g_string_free (squashed, FALSE);
}

/* @n entries, one line each, the newest first; the last (the oldest) a
 * long text shortened in the list and whole on paper. */
static GListModel *
make_entries (guint n)
{
  GListStore *store = g_list_store_new (AMENDS_TYPE_HISTORY_ENTRY);
  g_autoptr(GDateTime) start = amends_test_time ("2026-11-18T10:00:00Z");

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (start, i);
      g_autoptr(AmendsHistoryEntry) entry = NULL;
      g_autofree char *sentence = NULL;
      g_autofree char *full = NULL;

      if (i == 1)
        {
          sentence = g_strdup ("Ada Moreau set the fix to “Gave the guest a new…”");
          full = g_strdup ("Ada Moreau set the fix to “Gave the guest a new key card at once”");
        }
      else
        sentence = g_strdup_printf ("Ada Moreau changed the status, change number %u", i);

      entry = amends_history_entry_new (i, at, 4, "Ada Moreau", AMENDS_HISTORY_KIND_STEPS, sentence, full);
      g_list_store_append (store, entry);
    }

  return G_LIST_MODEL (store);
}

static void
write_pdf (guint        n_entries,
           const char  *path,
           guint       *n_pages)
{
  g_autoptr(GListModel) entries = make_entries (n_entries);
  g_autoptr(GDateTime) printed = amends_test_time ("2026-11-18T12:00:00Z");
  g_autoptr(AmendsReportHistory) report = NULL;
  g_autoptr(GError) error = NULL;

  report = amends_report_history_new ("History of C-2026-00007", "Key card did not work", entries, printed);
  g_assert_true (amends_report_history_write_pdf (report, path, A4_WIDTH, A4_HEIGHT, &error));
  g_assert_no_error (error);

  /* It holds what guests complained of: readable by its owner only. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  *n_pages = amends_report_history_get_n_pages (report);
}

static void
test_one_page (void)
{
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "history.pdf", NULL);
  g_auto(GStrv) pages = NULL;
  g_autofree char *whole = squash ("Ada Moreau set the fix to “Gave the guest a new key card at once”");
  guint n_pages;

  write_pdf (3, path, &n_pages);

  g_assert_cmpuint (pdf_pages (path), ==, 1);
  g_assert_cmpuint (n_pages, ==, 1);

  pages = pdf_pages_text (path);
  g_assert_nonnull (strstr (pages[0], "HistoryofC-2026-00007"));
  g_assert_nonnull (strstr (pages[0], "Keycarddidnotwork"));
  g_assert_nonnull (strstr (pages[0], "3changes,thenewestfirst"));
  g_assert_nonnull (strstr (pages[0], "AdaMoreauchangedthestatus,changenumber3"));
  g_assert_nonnull (strstr (pages[0], "AdaMoreauchangedthestatus,changenumber2"));
  /* On paper, the text whole. */
  g_assert_nonnull (strstr (pages[0], whole));
  g_assert_nonnull (strstr (pages[0], "Page1of1"));

  amends_test_remove_dir (dir);
}

/* A row a line of 9 pt type with its padding is about 18 pt; an A4 page
 * has about 740 pt between its margins, about 40 rows: 100 rows and the
 * title take three pages, the last of them part full. */
static void
test_three_pages (void)
{
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "history.pdf", NULL);
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  write_pdf (100, path, &n_pages);

  g_assert_cmpuint (pdf_pages (path), ==, 3);
  g_assert_cmpuint (n_pages, ==, 3);

  pages = pdf_pages_text (path);
  g_assert_nonnull (strstr (pages[0], "changenumber100"));
  g_assert_nonnull (strstr (pages[0], "Page1of3"));
  g_assert_nonnull (strstr (pages[1], "Page2of3"));
  /* The running head on the pages after the first. */
  g_assert_nonnull (strstr (pages[1], "HistoryofC-2026-00007"));
  g_assert_nonnull (strstr (pages[2], "Page3of3"));
  g_assert_nonnull (strstr (pages[2], "AdaMoreausetthefixto"));
  g_assert_null (strstr (pages[0], "AdaMoreausetthefixto"));

  if (g_getenv ("AMENDS_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("AMENDS_TEST_KEEP_PDF"), "history.pdf", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_file_get_contents (path, &contents, &length, NULL);
      g_file_set_contents (copy, contents, length, NULL);
    }

  amends_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/report/one-page", test_one_page);
  g_test_add_func ("/history/report/three-pages", test_three_pages);

  return g_test_run ();
}
