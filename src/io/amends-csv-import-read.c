/* amends-csv-import-read.c: a CSV file read into an import
 *
 * The rows are read whole (amends-csv-reader.c); the header row gives the
 * columns' names, made readable even when the file is not UTF-8, and the
 * format (amends-csv-formats.c), or a mapping remembered for the same
 * columns (amends-csv-mapping.c); all the cells tell how the file writes
 * its dates (amends-csv-dates.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-import"

#include "config.h"

#include "amends-csv-import.h"
#include "amends-csv-import-private.h"

#include <glib/gi18n.h>

#include "amends-csv-formats.h"
#include "amends-csv-mapping.h"
#include "amends-csv-reader.h"

static void
reset (AmendsCsvImport *self)
{
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->file_name, g_free);
  self->validated = FALSE;
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->read_problems, 0);
  g_ptr_array_set_size (self->problems, 0);
  self->format = AMENDS_CSV_FORMAT_UNKNOWN;
  self->delimiter = ',';
  amends_csv_inserter_reset_counts (&self->inserter);
  self->fraction = 0;
  amends_csv_dates_clear (&self->dates);
}

/**
 * amends_csv_import_read:
 *
 * Reads and parses the whole of @in.  Fails on a file that is empty or
 * is not well-formed CSV (the message says on which line); the problems of
 * single rows are found by amends_csv_import_validate().
 */
gboolean
amends_csv_import_read (AmendsCsvImport  *self,
                        GInputStream     *in,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean has_text = FALSE;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  reset (self);

  if (!amends_csv_read_rows (in, self->rows, &self->delimiter, &has_text, cancellable, &local_error))
    {
      if (local_error->domain == AMENDS_CSV_ERROR)
        g_ptr_array_add (self->read_problems, g_strdup (local_error->message));
      g_ptr_array_set_size (self->rows, 0);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->rows->len == 0)
    {
      g_set_error_literal (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_EMPTY, _("The file is empty."));
      g_ptr_array_add (self->read_problems, g_strdup (_("The file is empty.")));
      return FALSE;
    }

  /* The header row, trimmed and made readable even if it is not UTF-8. */
  {
    AmendsCsvRow *header = self->rows->pdata[0];
    guint n = g_strv_length (header->fields);

    self->headers = g_new0 (char *, n + 1);
    for (guint i = 0; i < n; i++)
      {
        if (!g_utf8_validate (header->fields[i], -1, NULL))
          {
            if (self->read_problems->len == 0)
              amends_csv_add_problem (self->read_problems, header->line,
                                                 _("the header row is not valid UTF-8; save the file as UTF-8 and try again."));
            self->headers[i] = g_utf8_make_valid (header->fields[i], -1);
          }
        else
          self->headers[i] = g_strdup (header->fields[i]);
        g_strstrip (self->headers[i]);
      }
    g_ptr_array_remove_index (self->rows, 0);
  }

  self->format = amends_csv_detect_format ((const char * const *) self->headers);
  if (self->format == AMENDS_CSV_FORMAT_UNKNOWN &&
      (self->mapping = amends_csv_mapping_load (self->config_dir,
                                                (const char * const *) self->headers)) != NULL)
    self->format = AMENDS_CSV_FORMAT_CUSTOM;

  amends_csv_dates_scan (&self->dates, self->rows);

  if (self->format == AMENDS_CSV_FORMAT_AMENDS)
    {
      self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; self->headers[i] != NULL; i++)
        g_hash_table_insert (self->mapping, g_strdup (self->headers[i]), g_strdup (self->headers[i]));
    }

  return TRUE;
}

gboolean
amends_csv_import_read_path (AmendsCsvImport  *self,
                             const char       *path,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;

  g_return_val_if_fail (AMENDS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  if (!(in = g_file_read (file, cancellable, error)) ||
      !amends_csv_import_read (self, G_INPUT_STREAM (in), cancellable, error))
    return FALSE;

  self->file_name = g_filename_display_basename (path);
  return TRUE;
}
