/* amends-schema-pg.h: the database's tables on a PostgreSQL server (private to the store)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amends-db.h"

G_BEGIN_DECLS

/* The one lock for writing an Amends database on a server, a transaction
 * advisory lock (per database, so Amends databases in one cluster never
 * meet): every migration takes it, the audit log's trigger takes it for
 * every writer, and the store takes it at the start of each transaction
 * (AMENDS_SCHEMA_PG_BEGIN), before its first row lock, so that its
 * writers queue rather than deadlock.  See amends-schema-pg.c for why. */
#define AMENDS_SCHEMA_PG_WRITE_LOCK "1097690724"

/* What amends_store_begin() is to run on PostgreSQL instead of BEGIN. */
#define AMENDS_SCHEMA_PG_BEGIN \
  "BEGIN; SELECT pg_advisory_xact_lock (" AMENDS_SCHEMA_PG_WRITE_LOCK ")"

/* The channel on which each transaction that wrote to the audit log is
 * announced, after it committed; the payload is the name of a table that
 * changed (one notification per table and transaction). */
#define AMENDS_SCHEMA_PG_CHANNEL "amends_changes"

gboolean amends_schema_pg_migrate (AmendsDb  *db,
                                   GError   **error);

G_END_DECLS
