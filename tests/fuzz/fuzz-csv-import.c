/* fuzz-csv-import.c: any bytes as a CSV file to import
 *
 * Reads the input as a file, asks what the dialog and the command line
 * ask (rows, cases already here, date order), validates every row, and
 * imports a small file into a database that already has cases, so that
 * skipping and updating them are reached too.  The import runs inside a
 * transaction that is rolled back, so the database stays as it started.
 *
 * The input's length chooses the answers, so that its bytes are a file
 * and nothing else (blank lines at the end change it): bit 0 of the length
 * updates the cases already here, bits 1 and 2 set the dates day or month
 * first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "amends-csv-import.h"
#include "amends-fuzz.h"

#define MAX_ROWS_TO_INSERT 64

static AmendsStore *store;
static char *dir;

static void
remove_dir (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_clear_object (&store);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  static const char * const summaries[] = { "Cold soup", "Noisy room", "Lift out of order" };

  amends_fuzz_init ();

  dir = g_dir_make_tmp ("amends-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "cases.db", NULL);
  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  atexit (remove_dir);

  /* C-2026-00001 to 3: the corpus has files that name them. */
  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(AmendsCase) kase = amends_case_new ();
      g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 16 + i, 9, 0, 0);

      g_object_set (kase, "summary", summaries[i], "occurred-at", when, "logged-at", when, NULL);
      amends_store_insert (store, AMENDS_RECORD (kase), &error);
      g_assert_no_error (error);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GError) error = NULL;
  guint flags = size % 8;

  if (store == NULL)
    set_up ();

  import = amends_csv_import_new (store);
  amends_csv_import_set_config_dir (import, dir);
  in = g_memory_input_stream_new_from_data (data, size, NULL);
  if (!amends_csv_import_read (import, in, NULL, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  /* What the dialog shows and asks. */
  preview = amends_csv_import_get_preview (import, 5);
  for (guint i = 0; i < preview->len; i++)
    for (char **cell = preview->pdata[i]; *cell != NULL; cell++)
      g_assert_true (g_utf8_validate (*cell, -1, NULL));
  amends_csv_import_needs_date_order (import);
  amends_csv_import_get_ambiguous_date (import);
  amends_csv_import_count_existing (import, -1, &error);
  g_assert_no_error (error);

  if (amends_csv_import_get_format (import) == AMENDS_CSV_FORMAT_UNKNOWN)
    {
      /* Each column in turn fills the next of our fields. */
      const char * const *headers = amends_csv_import_get_headers (import);
      const char * const *fields = amends_csv_import_get_fields ();
      g_autoptr(GHashTable) mapping = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; headers[i] != NULL && fields[i] != NULL; i++)
        g_hash_table_insert (mapping, (gpointer) headers[i], (gpointer) fields[i]);
      amends_csv_import_set_mapping (import, mapping);
    }

  if (flags & 1)
    amends_csv_import_set_existing (import, AMENDS_CSV_EXISTING_UPDATE);
  if (flags & 2)
    amends_csv_import_set_date_order (import, AMENDS_CSV_DATE_ORDER_DAY_FIRST);
  else if (flags & 4)
    amends_csv_import_set_date_order (import, AMENDS_CSV_DATE_ORDER_MONTH_FIRST);
  amends_csv_import_set_confirmed_large (import, TRUE);

  if (!amends_csv_import_validate (import, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  if (amends_csv_import_get_n_rows (import) <= MAX_ROWS_TO_INSERT)
    {
      amends_store_begin (store, &error);
      g_assert_no_error (error);
      /* Failing is fine (a value the store refuses); crashing is not. */
      if (amends_csv_import_run (import, &error))
        g_assert_cmpuint (amends_csv_import_get_n_imported (import) +
                          amends_csv_import_get_n_updated (import) +
                          amends_csv_import_get_n_skipped (import), ==,
                          amends_csv_import_get_n_rows (import));
      amends_store_rollback (store);
    }

  return 0;
}
