/* amends-store-staff-record.c: one person's recovery record over a period
 *
 * For reviews: the cases a person owns, how many they recovered in time,
 * how many customers they blew away, the stories they are a hero of and
 * the rules they bent, and why.  The figures are their line of the
 * Measures view's per-owner table for the same period, taken from the
 * very same query (amends_measure_groups()), so the two never disagree:
 *
 * Cases owned: their counted cases that happened in the period (owner
 * as it is now).  Recovered in time: of those, recovered no later than
 * due, out of those recovered or past due.  Blown away: of their cases
 * recovered in the period, the customers blown away, out of those whose
 * reaction was recorded.  Rules bent: their counted cases that happened
 * in the period with a rule bent, each listed with the rule and why.
 * Hero stories: told stories, told in the period, that name them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-staff-record"

#include "config.h"

#include "amends-store-staff-record.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amends-store-measures-private.h"
#include "amends-store-private.h"

struct _AmendsStaffRecordReader
{
  char    *uri;
  gint64   now;
  AmendsDb *db;
};

void
amends_rule_bend_free (AmendsRuleBend *bend)
{
  if (bend == NULL)
    return;

  g_free (bend->reference);
  g_free (bend->summary);
  g_free (bend->rule);
  g_free (bend->why);
  g_free (bend);
}

void
amends_staff_record_free (AmendsStaffRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_clear_pointer (&record->bends, g_ptr_array_unref);
  g_free (record);
}

/* The error is set already, by amends_stmt_step(). */
static gboolean
fail (AmendsMeasureSource *source,
      AmendsStmt          *stmt)
{
  amends_measure_source_release (source, stmt);
  return FALSE;
}

static char *
dup_text (AmendsStmt *stmt,
          int         column)
{
  const char *text = amends_stmt_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static gboolean
read_name (AmendsMeasureSource  *source,
           AmendsStaffRecord    *record,
           GError              **error)
{
  AmendsStmt *stmt = amends_measure_source_prepare (source, "SELECT name FROM staff WHERE id = ?1", error);
  AmendsDbStep step;

  if (stmt == NULL)
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, record->staff_id);
  step = amends_stmt_step (stmt, error);
  if (step == AMENDS_DB_STEP_DONE)
    {
      amends_measure_source_release (source, stmt);
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND,
                           _("This member of staff is no longer there."));
      return FALSE;
    }
  if (step == AMENDS_DB_STEP_ERROR)
    return fail (source, stmt);

  record->name = g_strdup (amends_stmt_column_text (stmt, 0));
  amends_measure_source_release (source, stmt);
  return TRUE;
}

/* Hero stories as amends_sql_heroes counts them; helped cases as cases
 * happened in the period. */
static gboolean
read_counts (AmendsMeasureSource  *source,
             AmendsStaffRecord    *record,
             GError              **error)
{
  static const char sql[] =
    "SELECT"
    " (SELECT count(*) FROM story_heroes AS h JOIN stories AS t ON t.id = h.story_id"
    "    JOIN cases AS c ON c.id = t.case_id"
    "  WHERE h.staff_id = ?3 AND t.stage = 'told' AND c.deleted_at IS NULL"
    "    AND t.told_at >= ?1 AND t.told_at < ?2),"
    " (SELECT count(*) FROM case_helpers AS h JOIN cases AS c ON c.id = h.case_id"
    "  WHERE h.staff_id = ?3 AND " AMENDS_SQL_COUNTED ("c")
    "    AND c.occurred_at >= ?1 AND c.occurred_at < ?2)";
  AmendsStmt *stmt = amends_measure_source_prepare (source, sql, error);

  if (stmt == NULL)
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, record->from);
  amends_stmt_bind_int64 (stmt, 2, record->until);
  amends_stmt_bind_int64 (stmt, 3, record->staff_id);
  /* Two scalar subqueries: always one row. */
  if (amends_stmt_step (stmt, error) != AMENDS_DB_STEP_ROW)
    return fail (source, stmt);

  record->n_hero_stories = amends_stmt_column_int (stmt, 0);
  record->n_helped = amends_stmt_column_int (stmt, 1);
  amends_measure_source_release (source, stmt);
  return TRUE;
}

/* The cases the measures count as rules bent: counted, happened in the
 * period, owned by them now. */
static gboolean
read_bends (AmendsMeasureSource  *source,
            AmendsStaffRecord    *record,
            GError              **error)
{
  static const char sql[] =
    "SELECT c.id, c.reference, c.summary, c.occurred_at, c.bent_rule, c.bent_rule_why"
    " FROM cases AS c"
    " WHERE c.owner_id = ?3 AND c.rule_bent <> 0 AND " AMENDS_SQL_COUNTED ("c")
    "   AND c.occurred_at >= ?1 AND c.occurred_at < ?2"
    " ORDER BY c.occurred_at, c.id";
  AmendsStmt *stmt = amends_measure_source_prepare (source, sql, error);
  AmendsDbStep step;

  if (stmt == NULL)
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, record->from);
  amends_stmt_bind_int64 (stmt, 2, record->until);
  amends_stmt_bind_int64 (stmt, 3, record->staff_id);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      AmendsRuleBend *bend = g_new0 (AmendsRuleBend, 1);

      bend->case_id = amends_stmt_column_int64 (stmt, 0);
      bend->reference = dup_text (stmt, 1);
      bend->summary = dup_text (stmt, 2);
      bend->occurred_at = amends_stmt_column_int64 (stmt, 3);
      bend->rule = dup_text (stmt, 4);
      bend->why = dup_text (stmt, 5);
      g_ptr_array_add (record->bends, bend);
    }
  if (step == AMENDS_DB_STEP_ERROR)
    return fail (source, stmt);

  amends_measure_source_release (source, stmt);
  return TRUE;
}

static AmendsStaffRecord *
read_record (AmendsMeasureSource  *source,
             gint64                staff_id,
             GDateTime            *from,
             GDateTime            *until,
             GError              **error)
{
  g_autoptr(AmendsStaffRecord) record = g_new0 (AmendsStaffRecord, 1);
  g_autoptr(GPtrArray) rows = NULL;

  record->staff_id = staff_id;
  record->from = g_date_time_to_unix (from);
  record->until = g_date_time_to_unix (until);
  record->bends = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_rule_bend_free);
  record->measures.recovered_within.share = -1;
  record->measures.blown_away.share = -1;
  record->measures.proactive.share = -1;
  record->measures.median_seconds = -1;
  record->measures.p90_seconds = -1;

  if (!read_name (source, record, error))
    return NULL;

  /* Their line of the per-owner table, as the Measures view shows it. */
  if (!(rows = amends_measure_groups (source, AMENDS_MEASURE_BY_OWNER, from, until, error)))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      AmendsMeasureRow *row = rows->pdata[i];

      if (row->staff_id == staff_id)
        record->measures = row->measures;
    }

  if (!read_counts (source, record, error) ||
      !read_bends (source, record, error))
    return NULL;

  return g_steal_pointer (&record);
}

/**
 * amends_store_read_staff_record:
 * @from: the start of the period (included)
 * @until: its end (excluded)
 *
 * Reads one person's recovery record on the store's own connection: for
 * the command line and the tests.  A window reads it on a worker thread
 * (amends_staff_record_reader_read()), as it measures every case of the
 * period.
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
AmendsStaffRecord *
amends_store_read_staff_record (AmendsStore  *self,
                                gint64        staff_id,
                                GDateTime    *from,
                                GDateTime    *until,
                                GError      **error)
{
  AmendsMeasureSource source;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  source = (AmendsMeasureSource) { self, amends_store_get_conn (self), amends_store_now (self) };
  return read_record (&source, staff_id, from, until, error);
}

/**
 * amends_staff_record_reader_new:
 *
 * Call on the thread that owns @store; then use the reader on one thread
 * at a time.  It opens a read-only connection of its own on first use.
 */
AmendsStaffRecordReader *
amends_staff_record_reader_new (AmendsStore *store)
{
  AmendsStaffRecordReader *self;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  self = g_new0 (AmendsStaffRecordReader, 1);
  self->uri = amends_store_dup_reader_uri (store);
  self->now = amends_store_now (store);

  return self;
}

void
amends_staff_record_reader_free (AmendsStaffRecordReader *self)
{
  if (self == NULL)
    return;

  amends_db_close (self->db);
  g_free (self->uri);
  g_free (self);
}

AmendsStaffRecord *
amends_staff_record_reader_read (AmendsStaffRecordReader  *self,
                                 gint64                    staff_id,
                                 GDateTime                *from,
                                 GDateTime                *until,
                                 GError                  **error)
{
  AmendsMeasureSource source;

  g_return_val_if_fail (self != NULL, NULL);

  /* A server that went away since the last job: a new connection. */
  amends_store_worker_refresh (&self->db);
  if (self->db == NULL && !(self->db = amends_store_open_worker (self->uri, AMENDS_WORKER_READ, error)))
    return NULL;

  source = (AmendsMeasureSource) { NULL, self->db, self->now };
  return read_record (&source, staff_id, from, until, error);
}
