/* amends-csv-mapping.h: the columns' fields, remembered by the header row they were chosen for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GHashTable *amends_csv_mapping_load (const char          *config_dir,
                                     const char * const  *headers);
gboolean    amends_csv_mapping_save (const char          *config_dir,
                                     const char * const  *headers,
                                     GHashTable          *mapping,
                                     GError             **error);

G_END_DECLS
