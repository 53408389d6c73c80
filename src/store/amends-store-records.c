/* amends-store-records.c: reading and writing records, with their audit rows
 *
 * A record's fields map to columns by name ("owner-id" is owner_id); an id
 * of 0 is NULL, enumerations are stored by nick, times as Unix seconds.
 * The SQL for each type is built from its class once and cached.
 *
 * Every row has a version, counted up by each change of it (a trigger
 * does that for writers that do not).  Saving a record writes only the
 * fields changed since it was read, and takes everything else as it is
 * stored now: another program's newer values are never written over
 * with old ones.  A field changed both here and there, to different
 * values, is a conflict: nothing is saved and the person chooses.
 *
 * Here: mapping values to columns, reading records, the audit rows and
 * inserting.  A record's checks and defaults are in
 * amends-store-defaults.c, saving changes in amends-store-update.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-records"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-store-import.h"
#include "amends-store-private.h"

/* Fields shown with a record but kept in another table. */
static const struct {
  const char *table;
  const char *field;
  const char *expression;
} derived_fields[] = {
  { "cases", "customer-name", "(SELECT x.name FROM customers AS x WHERE x.id = r.customer_id)" },
  { "cases", "owner-name", "(SELECT x.name FROM staff AS x WHERE x.id = r.owner_id)" },
  { "actions", "staff-name", "(SELECT x.name FROM staff AS x WHERE x.id = r.staff_id)" },
  /* A correction of an entry is in the audit log only (amends-store-timeline.c). */
  { "actions", "corrected-at",
    "(SELECT max (x.at) FROM audit_log AS x"
    " WHERE x.table_name = 'actions' AND x.record_id = r.id AND x.field IN ('text', 'kind'))" },
  { "actions", "corrected-by-name",
    "(SELECT s.name FROM audit_log AS x JOIN staff AS s ON s.id = x.staff_id"
    " WHERE x.table_name = 'actions' AND x.record_id = r.id AND x.field IN ('text', 'kind')"
    " AND x.id = (SELECT max (y.id) FROM audit_log AS y"
    "             WHERE y.table_name = 'actions' AND y.record_id = r.id AND y.field IN ('text', 'kind')))" },
};

/* Mapping GValues to columns.  A property "owner-id" is the column
 * "owner_id"; an id of 0 is NULL; enums are stored by nick. */

char *
amends_store_column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

/* An id of 0 is no record; a target of 0 is one not known (a case
 * logged before targets were kept): both are NULL in the file. */
static gboolean
is_reference (GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_INT64 &&
         (g_str_has_suffix (pspec->name, "-id") || g_str_equal (pspec->name, "target-seconds"));
}

/* Returns: SQLITE_OK, or the code binding a text failed with.  A text
 * is the one value SQLite can refuse (longer than its limit), and a
 * refused value must fail the write rather than go in as NULL; so it is
 * bound here with SQLite's own call, which says so.  A server refuses
 * such a value when the statement runs.  The text is copied. */
int
amends_store_bind_value (AmendsStmt   *stmt,
                         int           index,
                         GParamSpec   *pspec,
                         const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (value);

      if (str == NULL)
        amends_stmt_bind_null (stmt, index);
      else if (stmt->sqlite != NULL)
        return sqlite3_bind_text (stmt->sqlite, index, str, -1, SQLITE_TRANSIENT);
      else
        amends_stmt_bind_text (stmt, index, str);
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (value);

      if (v == 0 && is_reference (pspec))
        amends_stmt_bind_null (stmt, index);
      else
        amends_stmt_bind_int64 (stmt, index, v);
    }
  else if (type == G_TYPE_BOOLEAN)
    amends_stmt_bind_int64 (stmt, index, g_value_get_boolean (value));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

      amends_stmt_bind_text (stmt, index, ev ? ev->value_nick : "");
    }
  else if (G_TYPE_IS_FLAGS (type))
    amends_stmt_bind_int64 (stmt, index, g_value_get_flags (value));
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);

      if (dt == NULL)
        amends_stmt_bind_null (stmt, index);
      else
        amends_stmt_bind_int64 (stmt, index, g_date_time_to_unix (dt));
    }
  else
    g_assert_not_reached ();

  return SQLITE_OK;
}

static void
read_value (AmendsStmt *stmt,
            int         column,
            GParamSpec *pspec,
            GValue     *value)
{
  GType type = pspec->value_type;
  gboolean is_null = amends_stmt_column_is_null (stmt, column);

  g_value_init (value, type);

  if (is_null)
    g_param_value_set_default (pspec, value);
  else if (type == G_TYPE_STRING)
    g_value_set_string (value, amends_stmt_column_text (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, amends_stmt_column_int64 (stmt, column));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, amends_stmt_column_int (stmt, column) != 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      const char *nick = amends_stmt_column_text (stmt, column);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, nick);

      /* An unknown nick (a newer build's value) reads as the default. */
      if (ev != NULL)
        g_value_set_enum (value, ev->value);
      else
        g_param_value_set_default (pspec, value);
    }
  else if (G_TYPE_IS_FLAGS (type))
    g_value_set_flags (value, amends_stmt_column_int64 (stmt, column));
  else if (type == G_TYPE_DATE_TIME)
    g_value_take_boxed (value, amends_store_local_time (amends_stmt_column_int64 (stmt, column)));
  else
    g_assert_not_reached ();
}

/* The text an audit row keeps of a value; NULL when it is unset. */
char *
amends_store_value_to_text (GParamSpec   *pspec,
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
 *   the id in column 0, each field in the order of its class and then the
 *   row's version
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
              g_autofree char *column = amends_store_column_name (pspec);
              g_string_append_printf (sql, ", r.%s", column);
            }
        }

      /* Last, so that a field is column (its index + 1) in every caller. */
      g_string_append_printf (sql, ", r.version FROM %s AS r ", klass->table);
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

  amends_record_set_id (record, amends_stmt_column_int64 (stmt, 0));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      read_value (stmt, i + 1, klass->fields[i], &value);
      amends_record_set_value (record, klass->fields[i], &value);
    }
  amends_record_set_version (record, amends_stmt_column_int64 (stmt, klass->n_fields + 1));
  amends_record_mark_saved (record);

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
  AmendsDbStep step;

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      g_autoptr(AmendsRecord) record = amends_store_read_record (self, type, stmt);
      g_list_store_append (list, record);
    }

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

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
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, AMENDS_TYPE_RECORD), NULL);

  sql = amends_store_select_sql (self, type, "WHERE r.id = ?1");
  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  amends_stmt_bind_int64 (stmt, 1, id);
  step = amends_stmt_step (stmt, error);
  if (step == AMENDS_DB_STEP_ROW)
    return amends_store_read_record (self, type, stmt);

  if (step == AMENDS_DB_STEP_DONE)
    g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
                         _("The record is no longer there. Someone may have removed it."));

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

  amends_stmt_bind_int64 (stmt, 1, amends_store_now (self));
  if (self->actor_id > 0)
    amends_stmt_bind_int64 (stmt, 2, self->actor_id);
  else
    amends_stmt_bind_null (stmt, 2);
  amends_stmt_bind_text (stmt, 3, table);
  amends_stmt_bind_int64 (stmt, 4, record_id);
  amends_stmt_bind_text (stmt, 5, field);
  amends_stmt_bind_text (stmt, 6, before);
  amends_stmt_bind_text (stmt, 7, after);

  return amends_stmt_execute (stmt, error);
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
      column = amends_store_column_name (klass->fields[i]);
      g_string_append_printf (sql, "%s%s", n ? ", " : "", column);
      g_string_append_printf (values, "%s?%u", n ? ", " : "", n + 1);
      n++;
    }
  g_string_append_printf (sql, ") VALUES (%s) RETURNING id", values->str);

  if (!(stmt = amends_store_prepare (self, sql->str, error)))
    return FALSE;

  n = 0;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      int rc;

      if (amends_record_field_is_derived (klass->fields[i]))
        continue;
      rc = amends_store_bind_value (stmt, ++n, klass->fields[i],
                                    amends_record_peek_value (record, klass->fields[i]));
      if (rc != SQLITE_OK)
        return amends_store_set_error (self, rc, error);
    }

  /* RETURNING id: the row's id is its one row, on both engines. */
  if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return FALSE;

  amends_record_set_id (record, amends_stmt_column_int64 (stmt, 0));
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

  if (!amends_store_validate_record (record, error) ||
      !amends_store_begin (self, error))
    return FALSE;

  if (!amends_store_fill_defaults (self, record, NULL, error) ||
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

/**
 * amends_store_insert_within:
 *
 * Saves a new @record as amends_store_insert() does, with its audit row
 * and its change announced, but inside the caller's open transaction and
 * without a savepoint of its own, nor reading the row back: for an
 * import, which adds many records and rolls back the whole transaction
 * on any failure.  A savepoint costs more than it seems once the search
 * index has been written in the transaction: FTS5 writes its pending
 * terms to disk at every one.
 */
gboolean
amends_store_insert_within (AmendsStore   *self,
                            AmendsRecord  *record,
                            GError       **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (amends_record_get_id (record) == 0, FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!amends_store_validate_record (record, error) ||
      !amends_store_fill_defaults (self, record, NULL, error) ||
      !insert_row (self, record, error) ||
      !amends_store_audit (self, AMENDS_RECORD_GET_CLASS (record)->table,
                           amends_record_get_id (record), "created",
                           NULL, describe_record (record), error))
    return FALSE;

  amends_store_queue_change (self, G_OBJECT_TYPE (record), amends_record_get_id (record));
  return TRUE;
}
