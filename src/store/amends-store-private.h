/* amends-store-private.h: what the store's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "amends-store.h"
#include "amends-stmt.h"
#include "amends-store-sql.h"

G_BEGIN_DECLS

/* How long a connection waits for another program's write to end. */
#define BUSY_TIMEOUT_MS 5000

struct _AmendsStore
{
  GObject     parent_instance;

  AmendsDb   *conn;           /* the store's connection, either engine */
  sqlite3    *db;             /* the same on a file; NULL on a server */
  char       *path;           /* the file, or the server's connection string */
  char       *display_name;   /* for the subtitle: see amends_store_get_display_name() */
  gboolean    offline;        /* a server database's connection is lost */
  guint       reconnect_id;   /* the timeout that tries again */
  gboolean    probing;        /* a worker is trying the server */
  guint       reconnect_delay_ms;
  GHashTable *statements;     /* SQL text → AmendsStmt */
  GHashTable *select_sql;     /* GType → SQL text reading one record */

  gint64      actor_id;
  int         recovery_target_hours;
  GDateTime  *fixed_now;
  guint64     rows_read;

  guint       depth;          /* transaction nesting */
  GArray     *pending;        /* AmendsStoreChange, announced on commit */
  GHashTable *pending_set;    /* the same, to find one fast */
  GArray     *marks;          /* pending->len at each savepoint */

  gboolean    read_only;      /* no write may even begin */
  gboolean    damaged;        /* PRAGMA quick_check failed at open */
  char       *uri;            /* how the connection was opened, for readers */

  /* Following other programs' commits (amends_store_check_for_changes) */
  GSource    *watch_source;
  gint64      data_version;
  gint64      last_audit_id;  /* the newest audit row announced or our own */
  gboolean    audit_unseen;   /* rows may wait even if data_version is still */

  /* PRAGMA quick_check when it runs after opening (amends-store.c) */
  struct _AmendsStoreCheck *check;

  /* The lists' queries' own read connection (amends-store-case-ids.c) */
  struct _AmendsCaseReader *case_reader;

  /* The UPDATE statements, a few of the many column combinations
   * (amends-store-update.c) */
  struct _AmendsUpdateCache *update_cache;
};

typedef struct
{
  GType  type;
  gint64 id;
} AmendsStoreChange;


/* A statement from the store's cache: reset and unbound when it goes out
 * of scope, never finalized (the store does that when it closes). */
/* The cohorts of the measures, in one place: the Measures view, the
 * weekly summary, the staff-room screen, the heroes and the board's
 * candidates all count with these.  @t is the alias of the cases table.
 *
 * Counted: not in the trash, and not closed as "not a service breakdown"
 * or as a duplicate.
 * Recovered: a recovery time and the fix written down; a case closed
 * without a fix is not a recovery.
 * Due: when the clock runs out, the time it was paused added.
 * In time: recovered no later than due.
 * Past due at @when: not recovered, and due before @when, or before the
 * clock was paused if it is paused now. */
#define AMENDS_SQL_COUNTED(t) \
  t ".deleted_at IS NULL AND " t ".close_reason NOT IN ('not-a-breakdown', 'duplicate')"
#define AMENDS_SQL_RECOVERED(t) \
  "(" t ".recovered_at IS NOT NULL AND length (trim (coalesce (" t ".fix, ''))) > 0)"
#define AMENDS_SQL_DUE(t) \
  "(" t ".recovery_due_at + " t ".paused_seconds)"
#define AMENDS_SQL_IN_TIME(t) \
  "(" AMENDS_SQL_RECOVERED (t) " AND " t ".recovered_at <= " AMENDS_SQL_DUE (t) ")"
#define AMENDS_SQL_PAST_DUE(E, t, when) \
  "(NOT " AMENDS_SQL_RECOVERED (t) " AND " AMENDS_SQL_PAST_DUE_AT (E, t, when) ")"

/* Overdue, the rule of the list of cases (its "overdue" filter and its
 * counts) and of the clock (AMENDS_CLOCK_STATE_OVERDUE in amends-clock.c;
 * tests/test-overdue.c checks that the two agree): open or in recovery,
 * the clock running, and due before @now.  Exactly at the due time is
 * not overdue yet.  A paused clock is never overdue: it stands still.
 *
 * Overdue after: the time after which an open case is overdue, its due
 * time while the clock runs; NULL (never) while it is paused.  The list
 * keeps it for the open cases, to count those overdue at a later @now.
 *
 * Past due (above) is the measures': a case of a period, open or not,
 * not recovered by @when and due before it, or before its pause.  On an
 * open case whose clock runs, it is overdue; the two differ only on the
 * finished cases, and on a case paused once past due, which the store
 * refuses but an import may bring. */
#define AMENDS_SQL_OPEN(t) \
  t ".status IN ('open', 'in-recovery')"
#define AMENDS_SQL_OVERDUE_AFTER(t) \
  "(CASE WHEN " t ".paused_at IS NULL THEN " AMENDS_SQL_DUE (t) " END)"
#define AMENDS_SQL_OVERDUE(t, now) \
  "(" AMENDS_SQL_OPEN (t) " AND " AMENDS_SQL_OVERDUE_AFTER (t) " < " now ")"
/* AMENDS_SQL_SPAN_DIGITS, the expression of the index cases_by_span,
 * has a spelling per engine: amends-store-sql.h. */


sqlite3    *amends_store_get_db            (AmendsStore   *self);
AmendsDb   *amends_store_get_conn          (AmendsStore   *self);
AmendsDbEngine amends_store_get_engine     (AmendsStore   *self);
AmendsStmt *amends_store_prepare           (AmendsStore   *self,
                                            const char    *sql,
                                            GError       **error);
AmendsStmt *amends_store_prepare_once      (AmendsStore   *self,
                                            const char    *sql,
                                            GError       **error);

/* Workers' own connections, on either engine (amends-store.c) */
/* How a worker opens its connection to a file: to read, with one
 * sentence for every failure (the board, the measures, the history), or
 * with SQLite's reason (the list, reminders, attachments); or to write. */
typedef enum
{
  AMENDS_WORKER_READ,
  AMENDS_WORKER_READ_DETAILED,
  AMENDS_WORKER_WRITE,
} AmendsWorkerOpen;

AmendsDb   *amends_store_open_worker       (const char    *location,
                                            AmendsWorkerOpen how,
                                            GError       **error);
AmendsStmt *amends_store_db_prepare        (AmendsDb      *db,
                                            const char    *sql,
                                            GError       **error);
gboolean    amends_store_db_exec           (AmendsDb      *db,
                                            const char    *sql,
                                            GError       **error);
void        amends_store_error_from_db     (GError       **error,
                                            GError        *db_error);
GBytes     *amends_store_bytes_from_hex    (const char    *hex);
void        amends_store_worker_refresh    (AmendsDb     **db);

/* A server's connection was lost: go offline and try again by itself
 * (amends-store-transaction.c). */
void        amends_store_lost_connection   (AmendsStore   *self);
void        amends_store_set_offline       (AmendsStore   *self,
                                            gboolean       offline);
gboolean    amends_store_set_error         (AmendsStore   *self,
                                            int            rc,
                                            GError       **error);
gboolean    amends_store_step_done         (AmendsStore   *self,
                                            AmendsStmt    *stmt,
                                            GError       **error);
char       *amends_store_select_sql        (AmendsStore   *self,
                                            GType          type,
                                            const char    *tail);
gpointer    amends_store_read_record       (AmendsStore   *self,
                                            GType          type,
                                            AmendsStmt    *stmt);
GListModel *amends_store_collect_records   (AmendsStore   *self,
                                            GType          type,
                                            AmendsStmt    *stmt,
                                            GError       **error);
gboolean    amends_store_audit             (AmendsStore   *self,
                                            const char    *table,
                                            gint64         record_id,
                                            const char    *field,
                                            const char    *before,
                                            const char    *after,
                                            GError       **error);
void        amends_store_queue_change      (AmendsStore   *self,
                                            GType          type,
                                            gint64         id);
gint64      amends_store_now               (AmendsStore   *self);
void        amends_store_set_fixed_now     (AmendsStore   *self,
                                            GDateTime     *now);
guint64     amends_store_get_rows_read     (AmendsStore   *self);
gboolean    amends_store_set_busy_timeout  (AmendsStore   *self,
                                            int            milliseconds);
char       *amends_store_dup_reader_uri    (AmendsStore   *self);
GDateTime  *amends_store_local_time        (gint64         t);

/* Shared by amends-store-records.c and the bulk insert of
 * amends-store-import.c: a record's values to columns, checks and
 * defaults, the same for one record or many. */
int         amends_store_bind_value        (AmendsStmt    *stmt,
                                            int            index,
                                            GParamSpec    *pspec,
                                            const GValue  *value);
gboolean    amends_store_validate_record   (AmendsRecord  *record,
                                            GError       **error);
gboolean    amends_store_fill_defaults     (AmendsStore   *self,
                                            AmendsRecord  *record,
                                            GHashTable    *noted,
                                            GError       **error);

/* amends-store-records.c, for amends-store-update.c */
char       *amends_store_column_name       (GParamSpec    *pspec);
char       *amends_store_value_to_text     (GParamSpec    *pspec,
                                            const GValue  *value);

/* amends-store-update.c */
typedef struct _AmendsUpdateCache AmendsUpdateCache;

void        amends_update_cache_free       (AmendsUpdateCache *cache);

/* amends-store-defaults.c, for amends-store-update.c */
void        amends_store_settle_close_reason (AmendsCase  *kase);
void        amends_store_follow_occurred_at  (AmendsCase  *kase,
                                              AmendsCase  *stored);

/* amends-store-check.c: the integrity check, at open or after it */
typedef struct _AmendsStoreCheck AmendsStoreCheck;

int               amends_store_quick_check   (sqlite3      *db,
                                              const char   *path,
                                              gboolean     *damaged);
AmendsStoreCheck *amends_store_check_new     (AmendsStore  *self,
                                              gboolean      wal_existed);
void              amends_store_await_verdict (AmendsStore  *self);
void              amends_store_cancel_check  (AmendsStore  *self);

/* amends-store-open.c */
gboolean          amends_store_turn_damaged  (AmendsStore  *self,
                                              gboolean      wal_existed,
                                              GError      **error);

/* amends-store.c: errors, plain statements, the signals */
void     amends_store_set_error_from_code (GError      **error,
                                           int           rc,
                                           const char   *path,
                                           const char   *detail);
gboolean amends_store_exec_plain          (AmendsStore  *self,
                                           const char   *sql,
                                           GError      **error);
gboolean amends_store_query_int64         (AmendsStore  *self,
                                           const char   *sql,
                                           gint64       *value,
                                           GError      **error);
gboolean amends_store_query_int           (AmendsStore  *self,
                                           const char   *sql,
                                           int          *value,
                                           GError      **error);
void     amends_store_emit_pending        (AmendsStore  *self);

/* amends-store-transaction.c: the queue of changes, the watch */
guint    amends_store_change_hash         (gconstpointer key);
gboolean amends_store_change_equal        (gconstpointer a,
                                           gconstpointer b);
void     amends_store_start_watching      (AmendsStore  *self);

G_END_DECLS
