/* amends-csv-mapping.c: the columns' fields, remembered by the header row they were chosen for
 *
 * A mapping (column → field) chosen for a file whose columns Amends does
 * not know is kept in mappings.ini, one group a header row, so that the
 * next file with the same columns (next month's download from the same
 * program) needs no choosing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-mapping"

#include "config.h"

#include "amends-csv-mapping.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "amends-csv-values.h"

static char *
mapping_group (const char * const *headers)
{
  g_autofree char *joined = g_strjoinv ("\x1f", (char **) headers);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, joined, -1);

  return g_strconcat ("mapping ", sum, NULL);
}

static char *
mappings_path (const char *config_dir)
{
  if (config_dir != NULL)
    return g_build_filename (config_dir, "mappings.ini", NULL);
  return g_build_filename (g_get_user_config_dir (), "amends", "mappings.ini", NULL);
}

/**
 * amends_csv_mapping_load:
 * @config_dir: (nullable): where mappings.ini is; %NULL for
 *   $XDG_CONFIG_HOME/amends
 *
 * Returns: (transfer full) (nullable): column → field, as remembered for
 *   files with this header row; %NULL if none was
 */
GHashTable *
amends_csv_mapping_load (const char          *config_dir,
                         const char * const  *headers)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = mappings_path (config_dir);
  g_autofree char *group = mapping_group (headers);
  g_auto(GStrv) columns = NULL;
  g_auto(GStrv) fields = NULL;
  GHashTable *mapping;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return NULL;

  columns = g_key_file_get_string_list (keys, group, "columns", NULL, NULL);
  fields = g_key_file_get_string_list (keys, group, "fields", NULL, NULL);
  if (columns == NULL || fields == NULL ||
      !g_strv_equal ((const char * const *) columns, headers) ||
      g_strv_length (fields) != g_strv_length (columns))
    return NULL;

  mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; columns[i] != NULL; i++)
    if (*fields[i] != '\0' && amends_csv_field_index (fields[i]) >= 0)
      g_hash_table_insert (mapping, g_strdup (columns[i]), g_strdup (fields[i]));

  return mapping;
}

/**
 * amends_csv_mapping_save:
 * @config_dir: (nullable): where mappings.ini is; %NULL for
 *   $XDG_CONFIG_HOME/amends
 *
 * Remembers @mapping for files with this same header row.
 */
gboolean
amends_csv_mapping_save (const char          *config_dir,
                         const char * const  *headers,
                         GHashTable          *mapping,
                         GError             **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *group = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (headers != NULL && mapping != NULL, FALSE);

  path = mappings_path (config_dir);
  dir = g_path_get_dirname (path);
  group = mapping_group (headers);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The folder “%s” cannot be made: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_KEEP_COMMENTS, &local_error) &&
      !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; headers[i] != NULL; i++)
    {
      const char *field = g_hash_table_lookup (mapping, headers[i]);
      g_ptr_array_add (fields, (gpointer) (field ? field : ""));
    }

  g_key_file_set_string_list (keys, group, "columns", headers,
                              g_strv_length ((char **) headers));
  g_key_file_set_string_list (keys, group, "fields",
                              (const char * const *) fields->pdata, fields->len);

  return g_key_file_save_to_file (keys, path, error);
}
