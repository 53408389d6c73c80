/* amends-store.c: the SQLite database behind every record
 *
 * The store owns one SQLite connection.  Every statement comes from a cache
 * keyed by its SQL text and takes its values as bound parameters.  Every
 * change runs inside a transaction (nested calls become savepoints), writes
 * an audit row for each field it changes, and is announced with
 * ::record-changed once the outermost transaction has committed, followed
 * by one ::changes-committed, so that a list can refresh once for a batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "amends-schema.h"
#include "amends-store-private.h"

struct _AmendsStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;     /* SQL text → sqlite3_stmt */
  GHashTable *select_sql;     /* GType → SQL text reading one record */

  gint64      actor_id;
  int         recovery_target_hours;
  GDateTime  *fixed_now;
  guint64     rows_read;

  guint       depth;          /* transaction nesting */
  GArray     *pending;        /* ChangeEntry, announced on commit */
  GArray     *marks;          /* pending->len at each savepoint */
};

typedef struct
{
  GType  type;
  gint64 id;
} ChangeEntry;

G_DEFINE_FINAL_TYPE (AmendsStore, amends_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_ACTOR_ID,
  PROP_RECOVERY_TARGET_HOURS,
  N_PROPS
};

enum {
  RECORD_CHANGED,
  CHANGES_COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_QUARK (amends-store-error-quark, amends_store_error)

/* Fields shown with a record but kept in another table. */
static const struct {
  const char *table;
  const char *field;
  const char *expression;
} derived_fields[] = {
  { "cases", "customer-name", "(SELECT x.name FROM customers AS x WHERE x.id = r.customer_id)" },
  { "cases", "owner-name", "(SELECT x.name FROM staff AS x WHERE x.id = r.owner_id)" },
  { "actions", "staff-name", "(SELECT x.name FROM staff AS x WHERE x.id = r.staff_id)" },
};

void
amends_audit_entry_free (AmendsAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->table);
  g_free (entry->field);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry);
}

void
amends_stmt_release (AmendsStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Errors, in words a person at the desk can act on. */
static void
set_error_from_code (GError     **error,
                     int          rc,
                     const char  *path,
                     const char  *detail)
{
  g_autofree char *name = path ? g_filename_display_basename (path) : g_strdup ("");

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is not an Amends database."), name);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged. Restore it from a backup."), name);
      break;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
                   _("Amends cannot write to “%s”. Check that the disk is not read-only and that you may change the file."),
                   name);
      break;

    case SQLITE_FULL:
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_DISK_FULL,
                           _("The disk is full, so the change was not saved. Free some space and try again."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_BUSY,
                           _("Another program is using the database. Try again in a moment."));
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                   _("The change does not fit the rest of the data: %s"), detail);
      break;

    default:
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                   _("The database reported a problem: %s"), detail);
      break;
    }
}

gboolean
amends_store_set_error (AmendsStore  *self,
                        int           rc,
                        GError      **error)
{
  set_error_from_code (error, rc, self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3 *
amends_store_get_db (AmendsStore *self)
{
  return self->db;
}

AmendsStmt *
amends_store_prepare (AmendsStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
amends_store_step_done (AmendsStore  *self,
                        AmendsStmt   *stmt,
                        GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  return amends_store_set_error (self, rc, error);
}

static gboolean
exec_plain (AmendsStore  *self,
            const char   *sql,
            GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  return TRUE;
}

gint64
amends_store_now (AmendsStore *self)
{
  if (self->fixed_now != NULL)
    return g_date_time_to_unix (self->fixed_now);

  return g_get_real_time () / G_USEC_PER_SEC;
}

/* For tests and the demo: the store's clock stands still at @now. */
void
amends_store_set_fixed_now (AmendsStore *self,
                            GDateTime   *now)
{
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_ref (now);
}

guint64
amends_store_get_rows_read (AmendsStore *self)
{
  return self->rows_read;
}

gboolean
amends_store_set_busy_timeout (AmendsStore *self,
                               int          milliseconds)
{
  return sqlite3_busy_timeout (self->db, milliseconds) == SQLITE_OK;
}

/* Transactions */

gboolean
amends_store_begin (AmendsStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  /* IMMEDIATE: take the write lock now, not on the first write, so a
   * transaction never fails half-way because another process wrote. */
  if (!exec_plain (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT amends_nested", error))
    return FALSE;

  g_array_append_val (self->marks, self->pending->len);
  self->depth++;

  return TRUE;
}

static void
emit_pending (AmendsStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_array_new (FALSE, FALSE, sizeof (ChangeEntry));

  if (pending->len == 0)
    return;

  for (guint i = 0; i < pending->len; i++)
    {
      const ChangeEntry *change = &g_array_index (pending, ChangeEntry, i);
      g_signal_emit (self, signals [RECORD_CHANGED], 0, change->type, change->id);
    }

  g_signal_emit (self, signals [CHANGES_COMMITTED], 0);
}

gboolean
amends_store_commit (AmendsStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!exec_plain (self, self->depth == 1 ? "COMMIT" : "RELEASE amends_nested", error))
    {
      amends_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  g_array_set_size (self->marks, self->depth);

  if (self->depth == 0)
    emit_pending (self);

  return TRUE;
}

void
amends_store_rollback (AmendsStore *self)
{
  guint mark;

  g_return_if_fail (AMENDS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO amends_nested; RELEASE amends_nested", NULL, NULL, NULL);

  self->depth--;
  mark = g_array_index (self->marks, guint, self->depth);
  g_array_set_size (self->marks, self->depth);
  g_array_set_size (self->pending, mark);
}

void
amends_store_queue_change (AmendsStore *self,
                           GType        type,
                           gint64       id)
{
  ChangeEntry change = { type, id };

  for (guint i = 0; i < self->pending->len; i++)
    {
      const ChangeEntry *other = &g_array_index (self->pending, ChangeEntry, i);
      if (other->type == type && other->id == id)
        return;
    }

  g_array_append_val (self->pending, change);
}

/* Mapping GValues to columns.  A property "owner-id" is the column
 * "owner_id"; an id of 0 is NULL; enums are stored by nick. */

static char *
column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

static gboolean
is_reference (GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_INT64 && g_str_has_suffix (pspec->name, "-id");
}

static void
bind_value (AmendsStmt   *stmt,
            int           index,
            GParamSpec   *pspec,
            const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (value);
      if (str == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, str, -1, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (value);
      if (v == 0 && is_reference (pspec))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, v);
    }
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));
      sqlite3_bind_text (stmt, index, ev ? ev->value_nick : "", -1, SQLITE_STATIC);
    }
  else if (G_TYPE_IS_FLAGS (type))
    sqlite3_bind_int64 (stmt, index, g_value_get_flags (value));
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);
      if (dt == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (dt));
    }
  else
    g_assert_not_reached ();
}

static void
read_value (AmendsStmt *stmt,
            int         column,
            GParamSpec *pspec,
            GValue     *value)
{
  GType type = pspec->value_type;
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  g_value_init (value, type);

  if (is_null)
    g_param_value_set_default (pspec, value);
  else if (type == G_TYPE_STRING)
    g_value_set_string (value, (const char *) sqlite3_column_text (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      const char *nick = (const char *) sqlite3_column_text (stmt, column);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, nick);

      /* An unknown nick (a newer build's value) reads as the default. */
      if (ev != NULL)
        g_value_set_enum (value, ev->value);
      else
        g_param_value_set_default (pspec, value);
    }
  else if (G_TYPE_IS_FLAGS (type))
    g_value_set_flags (value, sqlite3_column_int64 (stmt, column));
  else if (type == G_TYPE_DATE_TIME)
    g_value_take_boxed (value, g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt, column)));
  else
    g_assert_not_reached ();
}

/* The text an audit row keeps of a value; NULL when it is unset. */
static char *
value_to_text (GParamSpec   *pspec,
               const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (value);
      return (v == 0 && is_reference (pspec)) ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, v);
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));
      return g_strdup (ev ? ev->value_nick : "");
    }
  if (G_TYPE_IS_FLAGS (type))
    return g_flags_to_string (type, g_value_get_flags (value));
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);
      g_autoptr(GDateTime) utc = dt ? g_date_time_to_utc (dt) : NULL;
      return utc ? g_date_time_format_iso8601 (utc) : NULL;
    }

  g_assert_not_reached ();
}

static const char *
derived_expression (const char *table,
                    GParamSpec *pspec)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived_fields); i++)
    {
      if (g_str_equal (derived_fields[i].table, table) &&
          g_str_equal (derived_fields[i].field, pspec->name))
        return derived_fields[i].expression;
    }

  g_return_val_if_reached ("NULL");
}

/**
 * amends_store_select_sql:
 * @tail: the rest of the statement after "FROM table AS r", e.g. a WHERE
 *
 * Returns: (transfer full): SQL reading records of @type, one a row, with
 *   the id in column 0 and each field in the order of its class
 */
char *
amends_store_select_sql (AmendsStore *self,
                         GType        type,
                         const char  *tail)
{
  const char *head = g_hash_table_lookup (self->select_sql, GSIZE_TO_POINTER (type));

  if (head == NULL)
    {
      g_autoptr(AmendsRecordClass) klass = g_type_class_ref (type);
      GString *sql = g_string_new ("SELECT r.id");

      for (guint i = 0; i < klass->n_fields; i++)
        {
          GParamSpec *pspec = klass->fields[i];

          if (amends_record_field_is_derived (pspec))
            g_string_append_printf (sql, ", %s", derived_expression (klass->table, pspec));
          else
            {
              g_autofree char *column = column_name (pspec);
              g_string_append_printf (sql, ", r.%s", column);
            }
        }

      g_string_append_printf (sql, " FROM %s AS r ", klass->table);
      head = g_string_free (sql, FALSE);
      g_hash_table_insert (self->select_sql, GSIZE_TO_POINTER (type), (char *) head);
    }

  return g_strconcat (head, tail, NULL);
}

gpointer
amends_store_read_record (AmendsStore *self,
                          GType        type,
                          AmendsStmt  *stmt)
{
  AmendsRecord *record = g_object_new (type, NULL);
  AmendsRecordClass *klass = AMENDS_RECORD_GET_CLASS (record);

  amends_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      read_value (stmt, i + 1, klass->fields[i], &value);
      amends_record_set_value (record, klass->fields[i], &value);
    }

  self->rows_read++;

  return record;
}

GListModel *
amends_store_collect_records (AmendsStore  *self,
                              GType         type,
                              AmendsStmt   *stmt,
                              GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AmendsRecord) record = amends_store_read_record (self, type, stmt);
      g_list_store_append (list, record);
    }

  if (rc != SQLITE_DONE)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gpointer
amends_store_load (AmendsStore  *self,
                   GType         type,
                   gint64        id,
                   GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(AmendsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, AMENDS_TYPE_RECORD), NULL);

  sql = amends_store_select_sql (self, type, "WHERE r.id = ?1");
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return amends_store_read_record (self, type, stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
                         _("The record is no longer there. Someone may have removed it."));
  else
    amends_store_set_error (self, rc, error);

  return NULL;
}

gboolean
amends_store_reload (AmendsStore   *self,
                     AmendsRecord  *record,
                     GError       **error)
{
  g_autoptr(AmendsRecord) fresh = NULL;

  fresh = amends_store_load (self, G_OBJECT_TYPE (record), amends_record_get_id (record), error);
  if (fresh == NULL)
    return FALSE;

  amends_record_copy_fields (record, fresh);
  return TRUE;
}

gboolean
amends_store_audit (AmendsStore  *self,
                    const char   *table,
                    gint64        record_id,
                    const char   *field,
                    const char   *before,
                    const char   *after,
                    GError      **error)
{
  static const char sql[] =
    "INSERT INTO audit_log (at, staff_id, table_name, record_id, field, before, after) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, amends_store_now (self));
  if (self->actor_id > 0)
    sqlite3_bind_int64 (stmt, 2, self->actor_id);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, record_id);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, before, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, after, -1, SQLITE_TRANSIENT);

  return amends_store_step_done (self, stmt, error);
}

/* Inserting and updating records */

static gboolean
require_text (AmendsRecord  *record,
              const char    *property,
              const char    *message,
              GError       **error)
{
  g_autofree char *text = NULL;

  g_object_get (record, property, &text, NULL);
  if (text == NULL || *g_strstrip (text) == '\0')
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_record (AmendsRecord  *record,
                 GError       **error)
{
  if (AMENDS_IS_CASE (record))
    return require_text (record, "summary", _("Say in a few words what went wrong."), error);
  if (AMENDS_IS_CUSTOMER (record))
    return require_text (record, "name", _("A customer needs a name."), error);
  if (AMENDS_IS_STAFF (record))
    return require_text (record, "name", _("A member of staff needs a name."), error);
  return TRUE;
}

static GDateTime *
date_time_from_unix (gint64 t)
{
  return g_date_time_new_from_unix_local (t);
}

/* Allocates the next readable reference for the year the case was logged
 * in, e.g. C-2026-00042, inside the caller's transaction. */
static char *
next_reference (AmendsStore  *self,
                GDateTime    *logged_at,
                GError      **error)
{
  static const char sql[] =
    "INSERT INTO reference_counters (year, last) VALUES (?1, 1) "
    "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last";
  g_autoptr(AmendsStmt) stmt = amends_store_prepare (self, sql, error);
  int year = g_date_time_get_year (logged_at);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      amends_store_set_error (self, rc, error);
      return NULL;
    }

  return g_strdup_printf ("C-%04d-%05" G_GINT64_FORMAT, year, (gint64) sqlite3_column_int64 (stmt, 0));
}

static gboolean
fill_case_defaults (AmendsStore  *self,
                    AmendsCase   *kase,
                    GError      **error)
{
  g_autoptr(GDateTime) now = date_time_from_unix (amends_store_now (self));
  GDateTime *logged_at = amends_case_get_logged_at (kase);
  GDateTime *occurred_at;

  if (logged_at == NULL)
    {
      g_object_set (kase, "logged-at", now, NULL);
      logged_at = now;
    }

  if (amends_case_get_occurred_at (kase) == NULL)
    amends_case_set_occurred_at (kase, logged_at);
  occurred_at = amends_case_get_occurred_at (kase);

  if (amends_case_get_recovery_due_at (kase) == NULL)
    {
      g_autoptr(GDateTime) due = g_date_time_add_hours (occurred_at, self->recovery_target_hours);
      g_object_set (kase, "recovery-due-at", due, NULL);
    }

  if (amends_case_get_reference (kase) == NULL)
    {
      g_autofree char *reference = next_reference (self, logged_at, error);
      if (reference == NULL)
        return FALSE;
      g_object_set (kase, "reference", reference, NULL);
    }

  if (self->actor_id > 0)
    {
      gint64 logged_by = 0;
      g_object_get (kase, "logged-by-id", &logged_by, NULL);
      if (logged_by == 0)
        g_object_set (kase, "logged-by-id", self->actor_id, NULL);
    }

  return TRUE;
}

static gboolean
fill_defaults (AmendsStore   *self,
               AmendsRecord  *record,
               GError       **error)
{
  g_autoptr(GDateTime) now = date_time_from_unix (amends_store_now (self));

  if (AMENDS_IS_CASE (record))
    return fill_case_defaults (self, AMENDS_CASE (record), error);

  if (AMENDS_IS_ACTION (record))
    {
      if (amends_action_get_done_at (AMENDS_ACTION (record)) == NULL)
        g_object_set (record, "done-at", now, NULL);
      if (amends_action_get_staff_id (AMENDS_ACTION (record)) == 0 && self->actor_id > 0)
        g_object_set (record, "staff-id", self->actor_id, NULL);
    }
  else if (AMENDS_IS_CUSTOMER (record) || AMENDS_IS_STORY (record))
    {
      GDateTime *created_at = NULL;
      g_object_get (record, "created-at", &created_at, NULL);
      if (created_at == NULL)
        g_object_set (record, "created-at", now, NULL);
      g_clear_pointer (&created_at, g_date_time_unref);
    }

  return TRUE;
}

static gboolean
insert_row (AmendsStore   *self,
            AmendsRecord  *record,
            GError       **error)
{
  AmendsRecordClass *klass = AMENDS_RECORD_GET_CLASS (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(AmendsStmt) stmt = NULL;
  guint n = 0;

  g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *column = NULL;

      if (amends_record_field_is_derived (klass->fields[i]))
        continue;
      column = column_name (klass->fields[i]);
      g_string_append_printf (sql, "%s%s", n ? ", " : "", column);
      g_string_append_printf (values, "%s?%u", n ? ", " : "", n + 1);
      n++;
    }
  g_string_append_printf (sql, ") VALUES (%s)", values->str);

  if (!(stmt = amends_store_prepare (self, sql->str, error)))
    return FALSE;

  n = 0;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (amends_record_field_is_derived (klass->fields[i]))
        continue;
      bind_value (stmt, ++n, klass->fields[i],
                  amends_record_peek_value (record, klass->fields[i]));
    }

  if (!amends_store_step_done (self, stmt, error))
    return FALSE;

  amends_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

static const char *
describe_record (AmendsRecord *record)
{
  if (AMENDS_IS_CASE (record))
    return amends_case_get_reference (AMENDS_CASE (record));
  if (AMENDS_IS_CUSTOMER (record))
    return amends_customer_get_name (AMENDS_CUSTOMER (record));
  if (AMENDS_IS_STAFF (record))
    return amends_staff_get_name (AMENDS_STAFF (record));
  if (AMENDS_IS_STORY (record))
    return amends_story_get_title (AMENDS_STORY (record));
  return NULL;
}

/**
 * amends_store_insert:
 *
 * Saves a new @record, gives it its id (and a case its reference, its
 * logged and due times when unset) and reads back what the store adds.
 */
gboolean
amends_store_insert (AmendsStore   *self,
                     AmendsRecord  *record,
                     GError       **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (amends_record_get_id (record) == 0, FALSE);

  if (!validate_record (record, error) ||
      !amends_store_begin (self, error))
    return FALSE;

  if (!fill_defaults (self, record, error) ||
      !insert_row (self, record, error) ||
      !amends_store_audit (self, AMENDS_RECORD_GET_CLASS (record)->table,
                           amends_record_get_id (record), "created",
                           NULL, describe_record (record), error) ||
      !amends_store_reload (self, record, error))
    goto failed;

  amends_store_queue_change (self, G_OBJECT_TYPE (record), amends_record_get_id (record));

  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  amends_record_set_id (record, 0);
  return FALSE;
}

static gboolean
update_fields (AmendsStore   *self,
               AmendsRecord  *record,
               AmendsRecord  *stored,
               GError       **error)
{
  AmendsRecordClass *klass = AMENDS_RECORD_GET_CLASS (record);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(AmendsStmt) stmt = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = klass->fields[i];

      if (!amends_record_field_is_derived (pspec) &&
          !amends_record_field_equal (pspec,
                                      amends_record_peek_value (record, pspec),
                                      amends_record_peek_value (stored, pspec)))
        g_ptr_array_add (changed, pspec);
    }

  if (changed->len == 0)
    return TRUE;

  g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
  for (guint i = 0; i < changed->len; i++)
    {
      g_autofree char *column = column_name (changed->pdata[i]);
      g_string_append_printf (sql, "%s%s = ?%u", i ? ", " : "", column, i + 1);
    }
  g_string_append_printf (sql, " WHERE id = ?%u", changed->len + 1);

  if (!(stmt = amends_store_prepare (self, sql->str, error)))
    return FALSE;

  for (guint i = 0; i < changed->len; i++)
    bind_value (stmt, i + 1, changed->pdata[i],
                amends_record_peek_value (record, changed->pdata[i]));
  sqlite3_bind_int64 (stmt, changed->len + 1, amends_record_get_id (record));

  if (!amends_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < changed->len; i++)
    {
      GParamSpec *pspec = changed->pdata[i];
      g_autofree char *column = column_name (pspec);
      g_autofree char *before = value_to_text (pspec, amends_record_peek_value (stored, pspec));
      g_autofree char *after = value_to_text (pspec, amends_record_peek_value (record, pspec));

      if (!amends_store_audit (self, klass->table, amends_record_get_id (record),
                               column, before, after, error))
        return FALSE;
    }

  amends_store_queue_change (self, G_OBJECT_TYPE (record), amends_record_get_id (record));

  return TRUE;
}

/**
 * amends_store_update:
 *
 * Saves the fields of @record that differ from the stored row, with an
 * audit row for each, then reads back the fields kept elsewhere (an
 * owner's name when the owner changed).  Saving an unchanged record writes
 * nothing.
 */
gboolean
amends_store_update (AmendsStore   *self,
                     AmendsRecord  *record,
                     GError       **error)
{
  g_autoptr(AmendsRecord) stored = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_RECORD (record), FALSE);

  if (!validate_record (record, error) ||
      !amends_store_begin (self, error))
    return FALSE;

  stored = amends_store_load (self, G_OBJECT_TYPE (record), amends_record_get_id (record), error);
  if (stored == NULL ||
      !update_fields (self, record, stored, error) ||
      !amends_store_reload (self, record, error))
    {
      amends_store_rollback (self);
      return FALSE;
    }

  return amends_store_commit (self, error);
}

/* Opening */

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *probe = NULL;
  g_autofree char *name = g_filename_display_name (folder);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    goto cannot_write;

  /* access() says yes to root on a read-only mount; a real file does not
   * lie.  SQLite needs the folder for its -wal and -shm files too. */
  probe = g_build_filename (folder, ".amends-write-test-XXXXXX", NULL);
  fd = g_mkstemp_full (probe, O_RDWR, 0600);
  if (fd < 0)
    goto cannot_write;
  close (fd);
  g_unlink (probe);

  return TRUE;

cannot_write:
  g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_READ_ONLY,
               _("Amends cannot save in the folder “%s”: %s. Choose a folder you may write to."),
               name, g_strerror (errno));
  return FALSE;
}

static gboolean
query_int (AmendsStore  *self,
           const char   *sql,
           int          *value,
           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  return TRUE;
}

/* Reads the header only: nothing here writes to the file, so a file we
 * refuse is left exactly as it was. */
static gboolean
check_file (AmendsStore  *self,
            int          *version,
            GError      **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  int application_id = 0;
  int n_objects = 0;

  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", version, error))
    return FALSE;

  if ((application_id != 0 && application_id != AMENDS_SCHEMA_APPLICATION_ID) ||
      (application_id == 0 && n_objects > 0))
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is a database of another program, not of Amends."), name);
      return FALSE;
    }

  if (*version > amends_schema_get_latest_version ())
    {
      g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was saved by a newer version of Amends. Update Amends to open it."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (AmendsStore  *self,
                      GError      **error)
{
  int mode = 0;

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  /* synchronous stays FULL (Debian's default): a saved edit survives a
   * power cut. */
  return exec_plain (self, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;", error) &&
         query_int (self, "PRAGMA foreign_keys", &mode, error);
}

static gboolean
backup_before_migration (AmendsStore  *self,
                         int           version,
                         GError      **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, version);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_unlink (backup);
  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return amends_store_set_error (self, rc, error);

  g_chmod (backup, 0600);
  return TRUE;
}

static gboolean
amends_store_open_file (AmendsStore  *self,
                        GError      **error)
{
  gboolean existed = g_file_test (self->path, G_FILE_TEST_EXISTS);
  int version = 0;
  int rc;

  if (!ensure_folder (self->path, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, self->path,
                           self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  if (!check_file (self, &version, error))
    return FALSE;

  if (!existed)
    g_chmod (self->path, 0600);

  if (!configure_connection (self, error))
    return FALSE;

  if (version < amends_schema_get_latest_version ())
    {
      if (version > 0 && !backup_before_migration (self, version, error))
        return FALSE;
      if (!amends_schema_migrate (self->db, version, amends_schema_get_latest_version (), error))
        return FALSE;
    }

  return TRUE;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
amends_store_finalize (GObject *object)
{
  AmendsStore *self = (AmendsStore *)object;

  /* Statements first: sqlite3_close refuses while any is alive. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->select_sql, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (amends_store_parent_class)->finalize (object);
}

static void
amends_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AmendsStore *self = AMENDS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;

    case PROP_RECOVERY_TARGET_HOURS:
      g_value_set_int (value, self->recovery_target_hours);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AmendsStore *self = AMENDS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_ACTOR_ID:
      amends_store_set_actor_id (self, g_value_get_int64 (value));
      break;

    case PROP_RECOVERY_TARGET_HOURS:
      amends_store_set_recovery_target_hours (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_store_class_init (AmendsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amends_store_finalize;
  object_class->get_property = amends_store_get_property;
  object_class->set_property = amends_store_set_property;

  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* The member of staff at the desk: every change is recorded as theirs. */
  properties [PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_RECOVERY_TARGET_HOURS] =
    g_param_spec_int ("recovery-target-hours", NULL, NULL,
                      1, 24 * 14, 24,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsStore::record-changed:
   * @type: the record's type
   * @id: the record's id
   *
   * A record was added, changed, trashed, restored or removed; emitted
   * after the change is committed.
   */
  signals [RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);

  /**
   * AmendsStore::changes-committed:
   *
   * Follows the ::record-changed signals of one transaction.
   */
  signals [CHANGES_COMMITTED] =
    g_signal_new ("changes-committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
amends_store_init (AmendsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->select_sql = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (ChangeEntry));
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->recovery_target_hours = 24;
}

/**
 * amends_store_get_default_path:
 *
 * Returns: (transfer full): where the database lives unless told otherwise
 */
char *
amends_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "amends", "amends.db", NULL);
}

/**
 * amends_store_open:
 * @path: the database file; created (with its folder) when missing
 *
 * Opens the database, bringing an older one up to date after taking a
 * copy of it beside the file.  A file that is not an Amends database, one
 * from a newer Amends, or a folder that cannot be written is refused
 * with an #AmendsStoreError, and the file is not touched.
 */
AmendsStore *
amends_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(AmendsStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (AMENDS_TYPE_STORE, "path", path, NULL);
  if (!amends_store_open_file (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
amends_store_get_path (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  return self->path;
}

gint64
amends_store_get_actor_id (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), 0);

  return self->actor_id;
}

void
amends_store_set_actor_id (AmendsStore *self,
                           gint64       staff_id)
{
  g_return_if_fail (AMENDS_IS_STORE (self));

  if (self->actor_id != staff_id)
    {
      self->actor_id = staff_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTOR_ID]);
    }
}

int
amends_store_get_recovery_target_hours (AmendsStore *self)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), 24);

  return self->recovery_target_hours;
}

void
amends_store_set_recovery_target_hours (AmendsStore *self,
                                        int          hours)
{
  g_return_if_fail (AMENDS_IS_STORE (self));
  g_return_if_fail (hours > 0);

  if (self->recovery_target_hours != hours)
    {
      self->recovery_target_hours = hours;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECOVERY_TARGET_HOURS]);
    }
}
