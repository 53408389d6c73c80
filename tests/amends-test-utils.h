/* amends-test-utils.h: what the tests share: a fresh database each
 *
 * The store-level tests run on either engine.  By default each fixture
 * has a new SQLite file in a temporary folder; with
 * AMENDS_TEST_ENGINE=postgresql (the NAME-pg tests of tests/meson.build,
 * run by tests/pg-cluster, which sets AMENDS_TEST_PG) it has a new, empty
 * database on that server instead, dropped at teardown, and @path is its
 * connection string.  A test about the SQLite file itself says so with
 * amends_test_sqlite_only().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"
#include "amends-store-private.h"
#include "amends-db.h"

G_BEGIN_DECLS

typedef struct
{
  char        *dir;           /* a temporary folder, on both engines */
  char        *path;          /* the store's location: a file in @dir, or a server database */
  AmendsStore *store;
  GDateTime   *now;
} AmendsTestDb;

void        amends_test_db_setup     (AmendsTestDb  *db,
                                      gconstpointer  data);
void        amends_test_db_teardown  (AmendsTestDb  *db,
                                      gconstpointer  data);
void        amends_test_db_reopen    (AmendsTestDb  *db);
char       *amends_test_make_dir     (void);
void        amends_test_remove_dir   (const char    *dir);
GDateTime  *amends_test_time         (const char    *iso8601);
AmendsStaff *amends_test_add_staff   (AmendsStore   *store,
                                      const char    *name);
AmendsCustomer *amends_test_add_customer (AmendsStore *store,
                                          const char  *name,
                                          const char  *notes);
AmendsCase *amends_test_add_case     (AmendsStore   *store,
                                      const char    *summary,
                                      GDateTime     *occurred_at);

gboolean    amends_test_on_server     (void);
gboolean    amends_test_sqlite_only   (const char   *why);
char       *amends_test_new_location  (const char   *dir,
                                       const char   *name);
void        amends_test_store_exec    (AmendsStore  *store,
                                       const char   *sql);
gint64      amends_test_store_query_int64 (AmendsStore *store,
                                           const char  *sql);

char       *amends_test_make_damaged_db (const char   *dir);
char       *amends_test_make_damaged_db_in (const char  *dir,
                                           const char  *name);

/* AmendsDb on either engine, for the tests that talk to it directly. */
const char *amends_test_server_location (void);
void        amends_test_skip_no_server (void);
void        amends_test_run_pg_cluster (const char   *command,
                                        const char   *dir);
void        amends_test_db_exec        (AmendsDb     *db,
                                        const char   *sql);
gint64      amends_test_db_query_int64 (AmendsDb     *db,
                                        const char   *sql);
char       *amends_test_db_query_text  (AmendsDb     *db,
                                        const char   *sql);

G_END_DECLS
