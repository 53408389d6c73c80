/* test-csv-export.c: the CSV export streams: rows straight from one query,
 * written as they come, never a whole file (or a record a row) in memory
 *
 * The bytes the export writes are checked by test-csv.c; this checks how.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-test-utils.h"
#include "amends-csv-export.h"

#define N_CASES 8000
/* What a stream may be handed at once: the export's buffer, flushed at
 * 64 KiB, and a row on top. */
#define MAX_WRITE (128 * 1024)

/* An output stream that keeps nothing, only counts what it is given. */
#define COUNTING_TYPE_STREAM (counting_stream_get_type ())
G_DECLARE_FINAL_TYPE (CountingStream, counting_stream, COUNTING, STREAM, GOutputStream)

struct _CountingStream
{
  GOutputStream parent_instance;

  gsize  n_bytes;
  guint  n_writes;
  gsize  largest_write;
  guint  n_lines;
};

G_DEFINE_FINAL_TYPE (CountingStream, counting_stream, G_TYPE_OUTPUT_STREAM)

static gssize
counting_stream_write_fn (GOutputStream  *stream,
                          const void     *buffer,
                          gsize           count,
                          GCancellable   *cancellable,
                          GError        **error)
{
  CountingStream *self = COUNTING_STREAM (stream);
  const char *bytes = buffer;

  self->n_bytes += count;
  self->n_writes++;
  self->largest_write = MAX (self->largest_write, count);
  for (gsize i = 0; i < count; i++)
    if (bytes[i] == '\n')
      self->n_lines++;

  return count;
}

static void
counting_stream_class_init (CountingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = counting_stream_write_fn;
}

static void
counting_stream_init (CountingStream *self)
{
}

/* N_CASES cases with a customer, an owner and a line of timeline each,
 * made in SQL from one made the usual way. */
static void
fill (AmendsTestDb *db)
{
  /* The numbers 1 to N_CASES - 1 as n (i), and i as five digits. */
  static const char numbers_sqlite[] =
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)";
  static const char numbers_pg[] =
    "WITH n (i) AS (SELECT generate_series (1, %d))";
  static const char digits_sqlite[] = "printf ('%05d', n.i)";
  static const char digits_pg[] = "lpad (n.i::text, 5, '0')";
  static const char copy_cases[] =
    "%s"
    " INSERT INTO cases (reference, summary, description, customer_id, owner_id, severity,"
    "   channel, noticed_by, occurred_at, logged_at, status, recovery_due_at, reaction, came_back)"
    " SELECT 'C-TEST-' || %s, 'Case ' || n.i, '=1+1 said the customer', c.customer_id,"
    "   c.owner_id, c.severity, c.channel, c.noticed_by, c.occurred_at + n.i, c.logged_at + n.i,"
    "   c.status, c.recovery_due_at + n.i, c.reaction, c.came_back"
    " FROM n, (SELECT * FROM cases LIMIT 1) AS c";
  gboolean server = amends_test_on_server ();
  g_autofree char *numbers = g_strdup_printf (server ? numbers_pg : numbers_sqlite, N_CASES - 1);
  g_autofree char *copy = g_strdup_printf (copy_cases, numbers, server ? digits_pg : digits_sqlite);
  static const char add_actions[] =
    "INSERT INTO actions (case_id, kind, done_at, staff_id, text)"
    " SELECT id, 'contact', logged_at + 60, owner_id, 'Called back about ' || summary FROM cases";
  g_autoptr(AmendsStaff) owner = amends_test_add_staff (db->store, "Dora Nakamura");
  g_autoptr(AmendsCustomer) customer = amends_test_add_customer (db->store, "Ines Berg", NULL);
  g_autoptr(GDateTime) when = amends_test_time ("2026-11-16T08:00:00Z");
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Lost luggage", when);
  g_autoptr(GError) error = NULL;

  g_object_set (kase,
                "owner-id", amends_record_get_id (AMENDS_RECORD (owner)),
                "customer-id", amends_record_get_id (AMENDS_RECORD (customer)),
                NULL);
  g_assert_true (amends_store_update (db->store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);

  amends_test_store_exec (db->store, copy);
  amends_test_store_exec (db->store, add_actions);
}

typedef gboolean (*ExportFunc) (AmendsStore *, GOutputStream *, GCancellable *, GError **);

static void
check_streams (AmendsTestDb *db,
               ExportFunc    export)
{
  g_autoptr(CountingStream) out = g_object_new (COUNTING_TYPE_STREAM, NULL);
  g_autoptr(GError) error = NULL;
  guint64 rows_read = amends_store_get_rows_read (db->store);

  g_assert_true (export (db->store, G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);

  /* A header and a row a case (or a line of timeline a case). */
  g_assert_cmpuint (out->n_lines, ==, N_CASES + 1);
  /* Written as it was read, in pieces no larger than the buffer... */
  g_assert_cmpuint (out->n_bytes, >, 2 * MAX_WRITE);
  g_assert_cmpuint (out->largest_write, <=, MAX_WRITE);
  g_assert_cmpuint (out->n_writes, >=, out->n_bytes / MAX_WRITE);
  /* ...from the rows of a query, not from a record made of each. */
  g_assert_cmpuint (amends_store_get_rows_read (db->store), ==, rows_read);
}

static void
test_cases_stream (AmendsTestDb  *db,
                   gconstpointer  data)
{
  fill (db);
  check_streams (db, amends_csv_export_cases);
}

static void
test_timeline_streams (AmendsTestDb  *db,
                       gconstpointer  data)
{
  fill (db);
  check_streams (db, amends_csv_export_timeline);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/csv/export/cases-stream-in-constant-memory", AmendsTestDb, NULL,
              amends_test_db_setup, test_cases_stream, amends_test_db_teardown);
  g_test_add ("/csv/export/timeline-streams-in-constant-memory", AmendsTestDb, NULL,
              amends_test_db_setup, test_timeline_streams, amends_test_db_teardown);

  return g_test_run ();
}
