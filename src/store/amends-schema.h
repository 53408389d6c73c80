/* amends-schema.h: the database's tables, numbered migrations (private to the store)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* 'Amnd': marks a file as ours in its header (PRAGMA application_id). */
#define AMENDS_SCHEMA_APPLICATION_ID 0x416d6e64

int      amends_schema_get_latest_version (void);
gboolean amends_schema_migrate            (sqlite3  *db,
                                           int       from_version,
                                           int       to_version,
                                           GError  **error);

G_END_DECLS
