/* test-stay.c: the guest's stay: its words beside the clock, the store and the CSV
 *
 * Every expected text and time is written here by hand, from the rules in
 * amends-stay.c: Wednesday 18 November 2026, 10:00 in Berlin is "now".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "amends-test-utils.h"
#include "amends-clock.h"
#include "amends-csv-export.h"
#include "amends-csv-import.h"
#include "amends-stay.h"
#include "amends-when.h"

#define HOURS(n) ((GTimeSpan) (n) * G_TIME_SPAN_HOUR)

static GTimeZone *berlin;

static GDateTime *
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  GDateTime *time = g_date_time_new (berlin, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return time;
}

/* Wednesday 18 November 2026, 10:00. */
static GDateTime *
wednesday (void)
{
  return local (2026, 11, 18, 10, 0);
}

/* Open, happened today at 09:00, due in 24 h: tomorrow at 09:00. */
static AmendsCase *
make_case (void)
{
  AmendsCase *kase = amends_case_new ();
  g_autoptr(GDateTime) occurred = local (2026, 11, 18, 9, 0);
  g_autoptr(GDateTime) due = local (2026, 11, 19, 9, 0);

  g_object_set (kase, "occurred-at", occurred, "recovery-due-at", due, NULL);
  return kase;
}

static void
assert_day_time (int         year,
                 int         month,
                 int         day,
                 int         hour,
                 int         minute,
                 const char *expected)
{
  g_autoptr(GDateTime) now = wednesday ();
  g_autoptr(GDateTime) when = local (year, month, day, hour, minute);
  g_autofree char *text = amends_stay_format_day_time (when, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_day_time_words (void)
{
  assert_day_time (2026, 11, 18, 11, 0, "today 11:00");
  assert_day_time (2026, 11, 18, 0, 0, "today 00:00");
  assert_day_time (2026, 11, 19, 11, 0, "tomorrow 11:00");
  assert_day_time (2026, 11, 17, 9, 15, "yesterday 09:15");
  assert_day_time (2026, 11, 20, 11, 0, "Friday 11:00");
  assert_day_time (2026, 11, 24, 11, 0, "Tuesday 11:00");    /* six days on */
  assert_day_time (2026, 11, 25, 11, 0, "25 Nov 11:00");     /* a week on: a date */
  assert_day_time (2026, 11, 13, 8, 0, "Friday 08:00");      /* five days back */
  assert_day_time (2027, 1, 5, 11, 0, "5 Jan 2027 11:00");
}

/* Days are the calendar's, not 24-hour spans: 00:30 is tomorrow at 23:30. */
static void
test_day_time_across_midnight (void)
{
  g_autoptr(GDateTime) now = local (2026, 11, 18, 23, 30);
  g_autoptr(GDateTime) soon = local (2026, 11, 19, 0, 30);
  g_autoptr(GDateTime) later = local (2026, 11, 20, 22, 0);
  g_autofree char *soon_text = amends_stay_format_day_time (soon, now);
  g_autofree char *later_text = amends_stay_format_day_time (later, now);

  g_assert_cmpstr (soon_text, ==, "tomorrow 00:30");
  g_assert_cmpstr (later_text, ==, "Friday 22:00");
}

static void
assert_departure (AmendsCase *kase,
                  GDateTime  *now,
                  const char *expected)
{
  g_autofree char *text = amends_stay_describe_departure (kase, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_departure_words (void)
{
  g_autoptr(AmendsCase) kase = make_case ();
  g_autoptr(GDateTime) now = wednesday ();
  g_autoptr(GDateTime) tomorrow = local (2026, 11, 19, 11, 0);
  g_autoptr(GDateTime) this_morning = local (2026, 11, 18, 9, 30);
  g_autoptr(GDateTime) friday = local (2026, 11, 20, 11, 0);
  g_autoptr(GDateTime) trashed_at = local (2026, 11, 18, 9, 45);

  assert_departure (kase, now, NULL);

  g_object_set (kase, "departure-at", tomorrow, NULL);
  assert_departure (kase, now, "leaves tomorrow 11:00");
  g_object_set (kase, "departure-at", friday, NULL);
  assert_departure (kase, now, "leaves Friday 11:00");
  /* Leaving this very minute: not gone yet. */
  g_object_set (kase, "departure-at", now, NULL);
  assert_departure (kase, now, "leaves today 10:00");
  g_object_set (kase, "departure-at", this_morning, NULL);
  assert_departure (kase, now, "left today 09:30");

  /* In recovery the clock still runs; recovered, in the trash, it asks nothing. */
  g_object_set (kase, "departure-at", tomorrow, "status", AMENDS_CASE_STATUS_IN_RECOVERY, NULL);
  assert_departure (kase, now, "leaves tomorrow 11:00");
  g_object_set (kase, "status", AMENDS_CASE_STATUS_RECOVERED, "recovered-at", now, NULL);
  assert_departure (kase, now, NULL);
  g_object_set (kase, "status", AMENDS_CASE_STATUS_OPEN, "recovered-at", NULL,
                "deleted-at", trashed_at, NULL);
  assert_departure (kase, now, NULL);
}

static void
assert_flag (AmendsCase *kase,
             GDateTime  *now,
             int         year,
             int         month,
             int         day,
             int         hour,
             int         minute,
             gboolean    expected)
{
  g_autoptr(GDateTime) departure = local (year, month, day, hour, minute);

  g_object_set (kase, "departure-at", departure, NULL);
  g_assert_cmpint (amends_stay_is_due_after_departure (kase, now), ==, expected);
}

/* Due tomorrow at 09:00. */
static void
test_due_after_departure (void)
{
  g_autoptr(AmendsCase) kase = make_case ();
  g_autoptr(GDateTime) now = wednesday ();

  g_assert_false (amends_stay_is_due_after_departure (kase, now));

  assert_flag (kase, now, 2026, 11, 19, 11, 0, FALSE);   /* leaves after it is due */
  assert_flag (kase, now, 2026, 11, 18, 18, 0, TRUE);    /* leaves tonight */
  assert_flag (kase, now, 2026, 11, 19, 9, 0, FALSE);    /* leaves as it is due: in time */
  assert_flag (kase, now, 2026, 11, 19, 8, 59, TRUE);    /* a minute before */
  assert_flag (kase, now, 2026, 11, 18, 9, 30, FALSE);   /* already gone */
  assert_flag (kase, now, 2026, 11, 18, 10, 0, TRUE);    /* leaving now */

  /* Recovered: nothing is due any more. */
  assert_flag (kase, now, 2026, 11, 18, 18, 0, TRUE);
  g_object_set (kase, "status", AMENDS_CASE_STATUS_RECOVERED, "recovered-at", now, "fix", "Refund", NULL);
  g_assert_false (amends_stay_is_due_after_departure (kase, now));
}

/* A paused clock's due time moves on: paused since 10:00 with 23 h left,
 * at 08:00 tomorrow it is due at 07:00 the day after. */
static void
test_due_after_departure_paused (void)
{
  g_autoptr(AmendsCase) kase = make_case ();
  g_autoptr(GDateTime) paused_at = wednesday ();
  g_autoptr(GDateTime) later = local (2026, 11, 19, 8, 0);

  g_object_set (kase, "paused-at", paused_at, NULL);
  assert_flag (kase, later, 2026, 11, 19, 12, 0, TRUE);
  assert_flag (kase, later, 2026, 11, 20, 7, 0, FALSE);
  assert_flag (kase, later, 2026, 11, 20, 6, 59, TRUE);
}

static void
assert_parses (const char *text,
               int         year,
               int         month,
               int         day,
               int         hour,
               int         minute)
{
  g_autoptr(GDateTime) now = wednesday ();
  g_autoptr(GDateTime) expected = local (year, month, day, hour, minute);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = amends_stay_parse_time (text, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_to_unix (when), ==, g_date_time_to_unix (expected));
}

static void
test_parse (void)
{
  g_autoptr(GDateTime) now = wednesday ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) nothing = NULL;
  g_autoptr(GDateTime) refused = NULL;

  assert_parses ("tomorrow 11:00", 2026, 11, 19, 11, 0);
  assert_parses ("Tomorrow at 11 am", 2026, 11, 19, 11, 0);
  assert_parses ("2026-11-30 11:00", 2026, 11, 30, 11, 0);
  assert_parses ("yesterday 15:00", 2026, 11, 17, 15, 0);
  assert_parses ("18:00", 2026, 11, 18, 18, 0);

  nothing = amends_stay_parse_time ("next week-ish", now, &error);
  g_assert_error (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_INVALID);
  g_assert_null (nothing);
  g_clear_error (&error);

  /* When a breakdown happened is still never in the future. */
  refused = amends_when_parse ("tomorrow 11:00", now, &error);
  g_assert_error (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_FUTURE);
  g_assert_null (refused);
}

static void
assert_formats (int         year,
                int         month,
                int         day,
                int         hour,
                int         minute,
                const char *expected)
{
  g_autoptr(GDateTime) now = wednesday ();
  g_autoptr(GDateTime) when = local (year, month, day, hour, minute);
  g_autofree char *text = amends_stay_format_time (when, now);
  g_autoptr(GDateTime) back = NULL;

  g_assert_cmpstr (text, ==, expected);
  back = amends_stay_parse_time (text, now, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (g_date_time_to_unix (back), ==, g_date_time_to_unix (when));
}

static void
test_format_reads_back (void)
{
  assert_formats (2026, 11, 19, 11, 0, "tomorrow 11:00");
  assert_formats (2026, 11, 18, 14, 0, "today 14:00");
  assert_formats (2026, 11, 17, 9, 15, "yesterday 09:15");
  assert_formats (2026, 11, 25, 11, 0, "2026-11-25 11:00");
}

static void
test_summary (void)
{
  g_autoptr(AmendsCase) kase = make_case ();
  g_autoptr(GDateTime) now = wednesday ();
  g_autoptr(GDateTime) arrival = local (2026, 11, 17, 15, 0);
  g_autoptr(GDateTime) departure = local (2026, 11, 19, 11, 0);
  g_autofree char *empty = amends_stay_summarize (kase, now);
  g_autofree char *room_only = NULL;
  g_autofree char *full = NULL;

  g_assert_null (empty);
  g_assert_true (amends_stay_is_empty (kase));

  g_object_set (kase, "room", "112", NULL);
  g_assert_false (amends_stay_is_empty (kase));
  room_only = amends_stay_summarize (kase, now);
  g_assert_cmpstr (room_only, ==, "112");

  g_object_set (kase, "arrival-at", arrival, "departure-at", departure, NULL);
  full = amends_stay_summarize (kase, now);
  g_assert_cmpstr (full, ==, "112 · arrived yesterday 15:00 · leaves tomorrow 11:00");
}

/* The store */

static AmendsCase *
add_case (AmendsStore *store,
          const char  *summary,
          const char  *room,
          const char  *occurred)
{
  g_autoptr(GDateTime) at = amends_test_time (occurred);
  g_autoptr(GError) error = NULL;
  AmendsCase *kase = amends_case_new ();

  g_object_set (kase, "summary", summary, "occurred-at", at, "room", room, NULL);
  amends_store_insert (store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return kase;
}

static const AmendsAuditEntry *
find_audit (GPtrArray  *audit,
            const char *field)
{
  for (guint i = 0; i < audit->len; i++)
    {
      const AmendsAuditEntry *entry = audit->pdata[i];

      if (g_strcmp0 (entry->field, field) == 0)
        return entry;
    }

  g_error ("No audit row for %s", field);
}

static void
test_store_saves_and_audits (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = add_case (db->store, "Cold shower", "112", "2026-11-18T08:00:00Z");
  g_autoptr(GDateTime) arrival = amends_test_time ("2026-11-16T14:00:00Z");
  g_autoptr(GDateTime) departure = amends_test_time ("2026-11-19T10:00:00Z");
  g_autoptr(AmendsCase) loaded = NULL;
  g_autoptr(AmendsCase) reopened = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));
  const AmendsAuditEntry *entry;

  g_object_set (kase, "room", "114", "arrival-at", arrival, "departure-at", departure, NULL);
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  amends_test_db_reopen (db);
  reopened = amends_store_load (db->store, AMENDS_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_case_get_room (reopened), ==, "114");
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_arrival_at (reopened)), ==, 1794837600);
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_departure_at (reopened)), ==, 1795082400);

  audit = amends_store_list_audit (db->store, "cases", id, &error);
  g_assert_no_error (error);
  entry = find_audit (audit, "room");
  g_assert_cmpstr (entry->before, ==, "112");
  g_assert_cmpstr (entry->after, ==, "114");
  entry = find_audit (audit, "arrival_at");
  g_assert_null (entry->before);
  g_assert_cmpstr (entry->after, ==, "2026-11-16T14:00:00Z");
  entry = find_audit (audit, "departure_at");
  g_assert_cmpstr (entry->after, ==, "2026-11-19T10:00:00Z");

  /* Emptied again: NULL in the store, not an empty text. */
  g_object_set (reopened, "room", NULL, "departure-at", NULL, NULL);
  amends_store_update (db->store, AMENDS_RECORD (reopened), &error);
  g_assert_no_error (error);
  loaded = amends_store_load (db->store, AMENDS_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  g_assert_null (amends_case_get_room (loaded));
  g_assert_null (amends_case_get_departure_at (loaded));
  g_assert_nonnull (amends_case_get_arrival_at (loaded));
}

static char *
references (GListModel *cases)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (cases, i);

      g_string_append_printf (text, "%s%s", i ? " " : "", amends_case_get_summary (kase));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_store_room_cases (AmendsTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(AmendsCase) a = add_case (db->store, "A", "112", "2026-11-01T08:00:00Z");
  g_autoptr(AmendsCase) b = add_case (db->store, "B", "112", "2026-11-10T08:00:00Z");
  g_autoptr(AmendsCase) c = add_case (db->store, "C", "Spa", "2026-11-05T08:00:00Z");
  g_autoptr(AmendsCase) d = add_case (db->store, "D", "112", "2026-11-12T08:00:00Z");
  g_autoptr(AmendsCase) e = add_case (db->store, "E", "1120", "2026-11-13T08:00:00Z");
  g_autoptr(AmendsCase) f = add_case (db->store, "F", NULL, "2026-11-14T08:00:00Z");
  g_autoptr(AmendsCase) g = add_case (db->store, "G", "112", "2026-11-15T08:00:00Z");
  g_autoptr(GListModel) room = NULL;
  g_autoptr(GListModel) limited = NULL;
  g_autoptr(GListModel) spa = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *room_text = NULL;
  g_autofree char *limited_text = NULL;
  g_autofree char *spa_text = NULL;
  g_autofree char *plan = NULL;
  sqlite3_stmt *stmt = NULL;

  /* D in the trash is not listed. */
  amends_store_trash_case (db->store, amends_record_get_id (AMENDS_RECORD (d)), &error);
  g_assert_no_error (error);

  /* From G: the others of 112, newest first; not 1120, not G itself. */
  room = amends_store_list_room_cases (db->store, " 112 ", amends_record_get_id (AMENDS_RECORD (g)), 5, &error);
  g_assert_no_error (error);
  room_text = references (room);
  g_assert_cmpstr (room_text, ==, "B A");

  limited = amends_store_list_room_cases (db->store, "112", 0, 2, &error);
  g_assert_no_error (error);
  limited_text = references (limited);
  g_assert_cmpstr (limited_text, ==, "G B");

  spa = amends_store_list_room_cases (db->store, "SPA", 0, 5, &error);
  g_assert_no_error (error);
  spa_text = references (spa);
  g_assert_cmpstr (spa_text, ==, "C");

  none = amends_store_list_room_cases (db->store, "  ", 0, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* A million cases: it reads the room's rows through its index.  (On
   * SQLite only: a server's planner would scan the handful of rows here,
   * whatever the index.) */
  if (amends_test_on_server ())
    {
      g_test_message ("SQLite only: the query plan of the room's cases");
      return;
    }
  g_assert_cmpint (sqlite3_prepare_v2 (amends_store_get_db (db->store),
                                       "EXPLAIN QUERY PLAN SELECT r.id FROM cases AS r "
                                       "WHERE r.room = ?1 COLLATE NOCASE"
                                       " AND r.room IS NOT NULL AND r.room != ''"
                                       " AND r.deleted_at IS NULL AND r.id != ?2 "
                                       "ORDER BY r.room COLLATE NOCASE DESC, r.occurred_at DESC LIMIT ?3",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *joined = g_strconcat (plan ? plan : "", (const char *) sqlite3_column_text (stmt, 3), "\n", NULL);
      g_free (plan);
      plan = joined;
    }
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (plan, "USING INDEX cases_by_room"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));

  (void) c; (void) e; (void) f;
}

/* The CSV */

static char *
export_cases (AmendsStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  amends_csv_export_cases (store, out, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
import_text (AmendsStore *store,
             const char  *text)
{
  g_autoptr(AmendsCsvImport) import = amends_csv_import_new (store);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);
  g_autoptr(GError) error = NULL;

  amends_csv_import_read (import, in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_csv_import_get_format (import), ==, AMENDS_CSV_FORMAT_AMENDS);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_get_problems (import)->len, ==, 0);
}

static AmendsCase *
load_by_summary (AmendsStore *store,
                 const char  *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = amends_store_list_room_cases (store, "112", 0, 10, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(AmendsCase) kase = g_list_model_get_item (all, i);

      if (g_str_equal (amends_case_get_summary (kase), summary))
        return g_steal_pointer (&kase);
    }

  g_assert_not_reached ();
}

static void
test_csv_round_trip (AmendsTestDb  *db,
                     gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = add_case (db->store, "Cold shower", "112", "2026-11-18T08:00:00Z");
  g_autoptr(AmendsCase) other = add_case (db->store, "Noisy neighbours", NULL, "2026-11-18T09:00:00Z");
  g_autoptr(GDateTime) arrival = amends_test_time ("2026-11-16T14:00:00Z");
  g_autoptr(GDateTime) departure = amends_test_time ("2026-11-19T10:00:00Z");
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = amends_test_new_location (dir, "other.db");
  g_autofree char *text = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(AmendsCase) back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_object_set (kase, "arrival-at", arrival, "departure-at", departure, NULL);
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  text = export_cases (db->store);
  lines = g_strsplit (text, "\r\n", -1);
  /* The stay's columns, the lesson's cause (none) and whether the
   * process changed (no), then the attachments' (none here), last. */
  g_assert_true (g_str_has_suffix (lines[0], ",follow_up_due_at,room,arrival_at,departure_at,lesson_cause,process_changed,attachments"));
  g_assert_true (g_str_has_suffix (lines[1], ",112,2026-11-16T14:00:00Z,2026-11-19T10:00:00Z,,no,"));
  g_assert_true (g_str_has_suffix (lines[2], ",,,,,no,"));

  store = amends_store_open (path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (store, db->now);
  import_text (store, text);

  back = load_by_summary (store, "Cold shower");
  g_assert_cmpstr (amends_case_get_room (back), ==, "112");
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_arrival_at (back)), ==, 1794837600);
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_departure_at (back)), ==, 1795082400);
  g_assert_cmpint (amends_store_count_cases (store, &error), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&store));
  amends_test_remove_dir (dir);
  (void) other;
}

/* A file from before the stay, or from another program, with a Room
 * column only: it reads as it did, the room where it is given. */
static void
test_csv_old_and_partial_files (AmendsTestDb  *db,
                                gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  import_text (db->store,
               "summary,occurred_at\r\n"
               "Lost key,2026-11-17T08:00:00Z\r\n");
  g_assert_cmpint (amends_store_count_cases (db->store, &error), ==, 1);

  import_text (db->store,
               "summary,occurred_at,room\r\n"
               "Broken lamp,2026-11-17T09:00:00Z,112\r\n");
  kase = load_by_summary (db->store, "Broken lamp");
  g_assert_null (amends_case_get_departure_at (kase));
  g_assert_cmpint (amends_store_count_cases (db->store, &error), ==, 2);
}

#define ADD_DB_TEST(path, func) \
  g_test_add (path, AmendsTestDb, NULL, amends_test_db_setup, func, amends_test_db_teardown)

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The wording is checked in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

  g_test_add_func ("/stay/words/day-and-time", test_day_time_words);
  g_test_add_func ("/stay/words/across-midnight", test_day_time_across_midnight);
  g_test_add_func ("/stay/words/departure", test_departure_words);
  g_test_add_func ("/stay/flag/due-after-departure", test_due_after_departure);
  g_test_add_func ("/stay/flag/paused-clock", test_due_after_departure_paused);
  g_test_add_func ("/stay/entry/reads-times-to-come", test_parse);
  g_test_add_func ("/stay/entry/written-to-read-back", test_format_reads_back);
  g_test_add_func ("/stay/words/summary", test_summary);
  ADD_DB_TEST ("/stay/store/saved-loaded-and-audited", test_store_saves_and_audits);
  ADD_DB_TEST ("/stay/store/same-room-cases", test_store_room_cases);
  ADD_DB_TEST ("/stay/csv/round-trip", test_csv_round_trip);
  ADD_DB_TEST ("/stay/csv/old-and-partial-files", test_csv_old_and_partial_files);

  ret = g_test_run ();

  g_time_zone_unref (berlin);
  return ret;
}
