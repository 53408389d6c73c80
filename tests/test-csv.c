/* test-csv.c: CSV export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "amends-test-utils.h"
#include "amends-case-list.h"
#include "amends-csv-export.h"
#include "amends-csv-import.h"
#include "amends-demo.h"

static const char ours_header[] =
  "reference,summary,description,customer,customer_phone,customer_email,category,"
  "severity,channel,noticed_by,occurred_at,logged_at,owner,team,status,"
  "recovery_due_at,recovered_at,closed_at,paused_seconds,fix,surprise,surprise_cost,"
  "rule_bent,bent_rule,bent_rule_why,rater_failed,rater_shown,reaction,came_back,"
  "lesson,follow_up_due_at\r\n";

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

static AmendsCsvImport *
read_text (AmendsStore *store,
           const char  *text,
           gssize       len,
           GError     **error)
{
  g_autoptr(AmendsCsvImport) import = amends_csv_import_new (store);
  g_autoptr(GInputStream) in = NULL;

  if (len < 0)
    len = strlen (text);
  in = g_memory_input_stream_new_from_data (g_memdup2 (text, len), len, g_free);
  amends_csv_import_read (import, in, NULL, error);

  return g_steal_pointer (&import);
}

/* Reads and imports @text, which must import cleanly. */
static void
import_text (AmendsStore *store,
             const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = read_text (store, text, -1, &error);

  g_assert_no_error (error);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_get_problems (import)->len, ==, 0);
}

static GPtrArray *
list_cases (AmendsStore *store)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCaseList) list = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);

  filter.sort = AMENDS_CASE_SORT_OLDEST;
  list = amends_case_list_new (AMENDS_CASE_SOURCE (store), &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (cases, g_list_model_get_item (G_LIST_MODEL (list), i));

  return cases;
}

static AmendsCase *
only_case (AmendsStore *store)
{
  g_autoptr(GPtrArray) cases = list_cases (store);

  g_assert_cmpuint (cases->len, ==, 1);
  return g_object_ref (cases->pdata[0]);
}

static char *
get_string (gpointer    object,
            const char *name)
{
  char *value = NULL;

  g_object_get (object, name, &value, NULL);
  return value;
}

static void
assert_time (AmendsCase *kase,
             const char *field,
             const char *expected)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  g_object_get (kase, field, &time, NULL);
  text = amends_csv_format_time (time);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_nick (AmendsCase *kase,
             const char *field,
             const char *expected)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (kase), field);
  g_auto(GValue) value = G_VALUE_INIT;
  GEnumValue *ev;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (kase), field, &value);
  ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, g_value_get_enum (&value));
  g_assert_cmpstr (ev->value_nick, ==, expected);
}

static void
assert_nothing_imported (AmendsStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (amends_store_count_cases (store, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_round_trip (AmendsTestDb  *db,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = amends_test_new_location (dir, "other.db");
  g_autofree char *csv_path = g_build_filename (dir, "cases.csv", NULL);
  g_autofree char *timeline_path = g_build_filename (dir, "timeline.csv", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *timeline = NULL;
  g_autoptr(AmendsStore) other = NULL;
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) by_reference = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *columns = amends_csv_case_columns ();

  amends_demo_populate (db->store, db->now, &error);
  g_assert_no_error (error);

  amends_csv_export_cases_to_path (db->store, csv_path, NULL, &error);
  g_assert_no_error (error);
  amends_csv_export_timeline_to_path (db->store, timeline_path, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (timeline_path, &timeline, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (timeline, "reference,kind,done_at,staff,text\r\n"));
  g_assert_cmpuint (strlen (timeline), >, 40);

  other = amends_store_open (path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (other, db->now);

  import = amends_csv_import_new (other);
  amends_csv_import_read_path (import, csv_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_csv_import_get_format (import), ==, AMENDS_CSV_FORMAT_AMENDS);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);

  before = list_cases (db->store);
  after = list_cases (other);
  g_assert_cmpuint (before->len, >, 10);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpuint (amends_csv_import_get_n_imported (import), ==, before->len);

  for (guint i = 0; i < after->len; i++)
    g_hash_table_insert (by_reference,
                         (gpointer) amends_case_get_reference (after->pdata[i]),
                         after->pdata[i]);

  for (guint i = 0; i < before->len; i++)
    {
      AmendsCase *a = before->pdata[i];
      AmendsCase *b = g_hash_table_lookup (by_reference, amends_case_get_reference (a));

      g_assert_nonnull (b);
      g_assert_cmpstr (amends_case_get_customer_name (a), ==, amends_case_get_customer_name (b));
      g_assert_cmpstr (amends_case_get_owner_name (a), ==, amends_case_get_owner_name (b));

      for (guint c = 0; columns[c] != NULL; c++)
        {
          g_autofree char *name = g_strdelimit (g_strdup (columns[c]), "_", '-');
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), name);

          if (pspec == NULL)
            continue;   /* customer, owner, money: compared through the export below */
          if (!amends_record_field_equal (pspec,
                                          amends_record_peek_value (AMENDS_RECORD (a), pspec),
                                          amends_record_peek_value (AMENDS_RECORD (b), pspec)))
            g_error ("%s differs in %s", columns[c], amends_case_get_reference (a));
        }
    }

  first = export_cases (db->store);
  second = export_cases (other);
  g_assert_cmpstr (first, ==, second);

  g_clear_object (&import);
  g_assert_finalize_object (g_steal_pointer (&other));
  amends_test_remove_dir (dir);
}

static void
test_quoting (AmendsTestDb  *db,
              gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autofree char *description = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *text = g_strconcat (ours_header,
    "C-2026-00001,\"Lift broken, again\",\"He said \"\"never\"\"\r\nand left\",,,,,"
    "major,phone,staff,2026-11-01T09:30:00Z,,,,open,,,,,,,12.5,yes,,,"
    "reliability|empathy,,,,,\r\n", NULL);

  import_text (db->store, text);
  kase = only_case (db->store);

  description = get_string (kase, "description");
  g_assert_cmpstr (amends_case_get_summary (kase), ==, "Lift broken, again");
  g_assert_cmpstr (description, ==, "He said \"never\"\r\nand left");
  assert_nick (kase, "severity", "major");
  assert_nick (kase, "channel", "phone");
  assert_nick (kase, "noticed-by", "staff");
  assert_time (kase, "occurred-at", "2026-11-01T09:30:00Z");

  exported = export_cases (db->store);
  g_assert_nonnull (strstr (exported, "\"Lift broken, again\""));
  g_assert_nonnull (strstr (exported, "\"He said \"\"never\"\"\r\nand left\""));
  g_assert_nonnull (strstr (exported, ",12.50,yes,"));
  g_assert_nonnull (strstr (exported, "reliability|empathy"));
}

static void
test_bom_and_semicolons (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  const char text[] =
    "\xEF\xBB\xBFsummary;customer;occurred_at;surprise_cost\n"
    "Wrong room; Ana Lima;2026-10-02;3,50\n"
    "\"Cold; soup\";Bo;2026-10-03T12:00:00Z;\n";

  import = read_text (db->store, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_csv_import_get_delimiter (import), ==, ';');
  g_assert_cmpint (amends_csv_import_get_format (import), ==, AMENDS_CSV_FORMAT_AMENDS);
  g_assert_cmpstr (amends_csv_import_get_headers (import)[0], ==, "summary");
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);

  cases = list_cases (db->store);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpstr (amends_case_get_summary (cases->pdata[0]), ==, "Wrong room");
  g_assert_cmpstr (amends_case_get_customer_name (cases->pdata[0]), ==, "Ana Lima");
  g_assert_cmpstr (amends_case_get_summary (cases->pdata[1]), ==, "Cold; soup");
  {
    gint64 cents = 0;
    g_object_get (cases->pdata[0], "surprise-cost-cents", &cents, NULL);
    g_assert_cmpint (cents, ==, 350);
  }
}

/* A cost as people write it: the decimal comma, one decimal, and digits
 * grouped by threes either way (amends_money_parse()). */
static void
test_costs_as_written (AmendsTestDb  *db,
                       gconstpointer  data)
{
  static const gint64 expected[] = { 1250, 1250, 125050, 125050, 50, 0 };
  const char text[] =
    "summary,occurred_at,surprise_cost\n"
    "One,2026-10-01,\"12,5\"\n"
    "Two,2026-10-02,12.50\n"
    "Three,2026-10-03,\"1.250,50\"\n"
    "Four,2026-10-04,\"1,250.50\"\n"
    "Five,2026-10-05,.50\n"
    "Six,2026-10-06, \n";
  g_autoptr(GPtrArray) cases = NULL;

  import_text (db->store, text);

  cases = list_cases (db->store);
  g_assert_cmpuint (cases->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < cases->len; i++)
    {
      gint64 cents = -1;

      g_object_get (cases->pdata[i], "surprise-cost-cents", &cents, NULL);
      g_assert_cmpint (cents, ==, expected[i]);
    }
}

/* Not amounts: each row is refused, with its line. */
static void
test_costs_refused (AmendsTestDb  *db,
                    gconstpointer  data)
{
  const char text[] =
    "summary,surprise_cost\n"
    "One,12.5.0\n"
    "Two,-5\n"
    "Three,\"1,25,0\"\n"
    "Four,twelve\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = read_text (db->store, text, -1, &error);
  GPtrArray *problems;

  g_assert_no_error (error);
  g_assert_false (amends_csv_import_run (import, &error));
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_INVALID);
  problems = amends_csv_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (problems->pdata[0], ==,
                   "Line 2: “12.5.0” in surprise_cost is not an amount of money like 12.50.");
  g_assert_cmpstr (problems->pdata[1], ==,
                   "Line 3: “-5” in surprise_cost is not an amount of money like 12.50.");
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 0);
}

typedef struct
{
  const char *name;
  const char *text;
  gssize      len;
  const char *problem;
} Malformed;

static const Malformed malformed[] = {
  { "unbalanced-quote",
    "summary,description\nOne,fine\nTwo,\"not closed\nThree,x\n", -1,
    "Line 3: a quoted field is not closed." },
  { "misplaced-quote",
    "summary,description\nOne,fi\"ne\n", -1,
    "Line 2: a quotation mark is in the wrong place" },
  { "column-count",
    "summary,description\nOne,fine\nTwo\n\"Three\nlines\",x,y\n", -1,
    "Line 3: the row has 1 column, but the header row has 2." },
  { "column-count-multiline",
    "summary,description\nOne,fine\n\"Three\nlines\",x,y\n", -1,
    "Line 3: the row has 3 columns, but the header row has 2." },
  { "bad-date",
    "summary,occurred_at\nOne,2026-02-01\n\"Two\nlines\",2026-02-02\nThree,31/02/2026\n", -1,
    "Line 5: the date “31/02/2026” in occurred_at is not a date." },
  { "unknown-status",
    "summary,status\nOne,open\nTwo,done\n", -1,
    "Line 3: the status “done” is not one Amends knows (open, in-recovery, recovered, closed)." },
  { "invalid-utf8",
    "summary,description\nOne,caf\xE9\n", -1,
    "Line 2: the text in description is not valid UTF-8; save the file as UTF-8 and try again." },
  { "empty-summary",
    "summary,description\n  ,nothing\n", -1,
    "Line 2: the summary is empty." },
  { "nul-byte",
    "summary,description\nOne,fi\0ne\n", 30,
    "Line 2, column 7: the file contains a NUL byte" },
  { "nul-byte-counts-characters",
    "summary,description\n\"Café\nau lait\",très\0\n", 43,
    "Line 3, column 14: the file contains a NUL byte" },
  { "utf-16",
    "\xFF\xFEs\0u\0m\0\n\0", 10,
    "Line 1, column 4: the file contains a NUL byte" },
  { "dates-written-both-ways",
    "summary,occurred_at\nOne,13/01/2026\nTwo,01/02/2026\nThree,01/13/2026\n", -1,
    "The dates of this file are written both ways: “13/01/2026” on line 2 is day first, "
    "and “01/13/2026” on line 4 month first." },
  { "empty-file", "", 0, "The file is empty." },
  { "blank-file", "\xEF\xBB\xBF\r\n\r\n", -1, "The file is empty." },
  { "header-only", "summary,description\r\n", -1, "The file has a header row but no cases." },
};

static void
test_malformed (AmendsTestDb  *db,
                gconstpointer  data)
{
  const Malformed *m = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = read_text (db->store, m->text, m->len, &error);
  GPtrArray *problems;
  gboolean found = FALSE;

  g_clear_error (&error);
  g_assert_false (amends_csv_import_run (import, &error));
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_INVALID);

  problems = amends_csv_import_get_problems (import);
  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (problems->pdata[i], m->problem))
      found = TRUE;
  if (!found)
    g_error ("expected “%s”, got “%s”", m->problem, (char *) problems->pdata[0]);

  assert_nothing_imported (db->store);
}

/* Every bad row is reported, not just the first. */
static void
test_every_problem (AmendsTestDb  *db,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import =
    read_text (db->store,
               "summary,status,occurred_at\n"
               "One,open,2026-01-01\n"
               "Two,lost,2026-01-02\n"
               ",open,yesterday\n"
               "Four,closed,2026-01-04\n", -1, &error);
  GPtrArray *problems;

  g_assert_no_error (error);
  g_assert_false (amends_csv_import_validate (import, &error));
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The file has 3 problems; nothing was imported.");

  problems = amends_csv_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "Line 3: the status “lost”"));
  g_assert_cmpstr (problems->pdata[1], ==, "Line 4: the date “yesterday” in occurred_at is not a date.");
  g_assert_cmpstr (problems->pdata[2], ==, "Line 4: the summary is empty.");
  assert_nothing_imported (db->store);
}

static void
test_osticket (AmendsTestDb  *db,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autofree char *description = NULL;
  g_autofree char *team = NULL;
  g_autofree char *category = NULL;
  const char text[] =
    "Ticket Number,Date Created,Subject,From,From Email,Phone Number,Priority,Department,"
    "Help Topic,Source,Current Status,Last Updated,Due Date,Overdue,Answered,Agent Assigned,"
    "Team Assigned,Thread Count,Attachment Count,Closed Date\n"
    "481516,2026-03-02 14:05:00,\"Room not cleaned, twice\",Maria Silva,maria@example.com,"
    "555-0101,Emergency,Housekeeping,Room,Web,Closed,2026-03-03 10:00:00,2026-03-03 14:05:00,"
    "0,1,Jo Park,Floor 2,3,0,2026-03-03 09:00:00\n"
    "481517,03/04/2026 8:15 AM,Late breakfast,Tom Reed,tom@example.com,,Low,Kitchen,Food,"
    "Phone,Open,03/04/2026 9:00 AM,,0,0,,,1,0,\n";

  import = read_text (db->store, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_csv_import_get_format (import), ==, AMENDS_CSV_FORMAT_OSTICKET);

  /* 03/04/2026 is the only kind of day/month date in the file: osTicket
   * writes them as its administrator chose, so someone has to say. */
  g_assert_true (amends_csv_import_needs_date_order (import));
  g_assert_cmpstr (amends_csv_import_get_ambiguous_date (import), ==, "03/04/2026 8:15 AM");
  g_assert_false (amends_csv_import_run (import, &error));
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_DATE_ORDER);
  g_clear_error (&error);
  assert_nothing_imported (db->store);

  amends_csv_import_set_date_order (import, AMENDS_CSV_DATE_ORDER_MONTH_FIRST);
  g_assert_false (amends_csv_import_needs_date_order (import));
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);

  cases = list_cases (db->store);
  g_assert_cmpuint (cases->len, ==, 2);

  g_assert_cmpstr (amends_case_get_summary (cases->pdata[0]), ==, "Room not cleaned, twice");
  g_assert_cmpstr (amends_case_get_customer_name (cases->pdata[0]), ==, "Maria Silva");
  g_assert_cmpstr (amends_case_get_owner_name (cases->pdata[0]), ==, "Jo Park");
  assert_nick (cases->pdata[0], "severity", "colossal");
  assert_nick (cases->pdata[0], "status", "closed");
  assert_nick (cases->pdata[0], "channel", "email");
  assert_time (cases->pdata[0], "occurred-at", "2026-03-02T14:05:00Z");
  assert_time (cases->pdata[0], "closed-at", "2026-03-03T09:00:00Z");
  assert_time (cases->pdata[0], "recovered-at", "2026-03-03T09:00:00Z");
  assert_time (cases->pdata[0], "recovery-due-at", "2026-03-03T14:05:00Z");
  team = get_string (cases->pdata[0], "team");
  category = get_string (cases->pdata[0], "category");
  description = get_string (cases->pdata[0], "description");
  g_assert_cmpstr (team, ==, "Housekeeping");
  g_assert_cmpstr (category, ==, "Room");
  g_assert_nonnull (strstr (description, "481516"));

  g_assert_cmpstr (amends_case_get_summary (cases->pdata[1]), ==, "Late breakfast");
  assert_nick (cases->pdata[1], "severity", "minor");
  assert_nick (cases->pdata[1], "status", "open");
  assert_nick (cases->pdata[1], "channel", "phone");
  assert_time (cases->pdata[1], "occurred-at", "2026-03-04T08:15:00Z");
  g_assert_null (amends_case_get_recovered_at (cases->pdata[1]));

  /* The unknown agent became a member of staff. */
  staff = amends_store_list_staff (db->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 1);
}

static void
test_cfpb (AmendsTestDb  *db,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autofree char *description = NULL;
  g_autofree char *category = NULL;
  const char text[] =
    "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,"
    "Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,"
    "Submitted via,Date sent to company,Company response to consumer,Timely response?,"
    "Consumer disputed?,Complaint ID\n"
    "05/04/2026,Checking or savings account,Checking account,Managing an account,"
    "Deposits and withdrawals,\"They held my deposit for 10 days, \"\"for review\"\".\","
    ",ACME BANK,CA,90210,Older American,Consent provided,Web,05/05/2026,"
    "Closed with monetary relief,Yes,N/A,8812345\n"
    "2026-06-01,Credit card,General-purpose credit card,Fees or interest,,,"
    ",ACME BANK,NY,10001,,Consent not provided,Phone,2026-06-02,In progress,Yes,,8812346\n";

  import = read_text (db->store, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_csv_import_get_format (import), ==, AMENDS_CSV_FORMAT_CFPB);
  /* The bureau writes its dates month first, always. */
  g_assert_false (amends_csv_import_needs_date_order (import));
  g_assert_cmpint (amends_csv_import_get_date_order (import), ==, AMENDS_CSV_DATE_ORDER_MONTH_FIRST);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);

  cases = list_cases (db->store);
  g_assert_cmpuint (cases->len, ==, 2);

  g_assert_cmpstr (amends_case_get_summary (cases->pdata[0]), ==, "Managing an account");
  category = get_string (cases->pdata[0], "category");
  description = get_string (cases->pdata[0], "description");
  g_assert_cmpstr (category, ==, "Checking or savings account");
  g_assert_true (g_str_has_prefix (description, "They held my deposit for 10 days, \"for review\"."));
  g_assert_nonnull (strstr (description, "8812345"));
  assert_nick (cases->pdata[0], "channel", "email");
  assert_nick (cases->pdata[0], "status", "closed");
  assert_time (cases->pdata[0], "occurred-at", "2026-05-04T00:00:00Z");
  assert_time (cases->pdata[0], "logged-at", "2026-05-05T00:00:00Z");

  g_assert_cmpstr (amends_case_get_summary (cases->pdata[1]), ==, "Fees or interest");
  assert_nick (cases->pdata[1], "channel", "phone");
  assert_nick (cases->pdata[1], "status", "open");
  assert_time (cases->pdata[1], "occurred-at", "2026-06-01T00:00:00Z");
}

static void
test_mapping_remembered (AmendsTestDb  *db,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autoptr(AmendsCsvImport) again = NULL;
  g_autoptr(GHashTable) mapping = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *config = g_build_filename (db->dir, "config", NULL);
  const char text[] =
    "Guest,What happened,When,Stage,Notes\n"
    "Ana Lima,Broken kettle,2026-02-10 08:00,In recovery,kettle\n"
    "Bo Chen,No towels,2026-02-11 21:30,closed,\n";

  import = read_text (db->store, text, -1, &error);
  amends_csv_import_set_config_dir (import, config);
  g_assert_no_error (error);
  g_assert_cmpint (amends_csv_import_get_format (import), ==, AMENDS_CSV_FORMAT_UNKNOWN);
  g_assert_cmpuint (g_strv_length ((char **) amends_csv_import_get_headers (import)), ==, 5);

  preview = amends_csv_import_get_preview (import, 5);
  g_assert_cmpuint (preview->len, ==, 2);
  g_assert_cmpstr (((char **) preview->pdata[1])[1], ==, "No towels");

  g_assert_false (amends_csv_import_validate (import, &error));
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_NO_MAPPING);
  g_clear_error (&error);

  g_hash_table_insert (mapping, "Guest", "customer");
  g_hash_table_insert (mapping, "What happened", "summary");
  g_hash_table_insert (mapping, "When", "occurred_at");
  g_hash_table_insert (mapping, "Stage", "status");
  g_hash_table_insert (mapping, "Notes", "");
  amends_csv_import_set_mapping (import, mapping);
  amends_csv_import_save_mapping (import, &error);
  g_assert_no_error (error);

  /* A second file with the same header finds its mapping by itself. */
  again = read_text (db->store, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_csv_import_get_format (again), ==, AMENDS_CSV_FORMAT_UNKNOWN);
  g_clear_object (&again);

  again = amends_csv_import_new (db->store);
  amends_csv_import_set_config_dir (again, config);
  {
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (text, -1, NULL);
    amends_csv_import_read (again, in, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (amends_csv_import_get_format (again), ==, AMENDS_CSV_FORMAT_CUSTOM);
  g_assert_cmpstr (g_hash_table_lookup (amends_csv_import_get_mapping (again), "When"), ==, "occurred_at");
  g_assert_null (g_hash_table_lookup (amends_csv_import_get_mapping (again), "Notes"));
  amends_csv_import_run (again, &error);
  g_assert_no_error (error);

  cases = list_cases (db->store);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpstr (amends_case_get_summary (cases->pdata[0]), ==, "Broken kettle");
  g_assert_cmpstr (amends_case_get_customer_name (cases->pdata[0]), ==, "Ana Lima");
  assert_nick (cases->pdata[0], "status", "in-recovery");
  assert_time (cases->pdata[0], "occurred-at", "2026-02-10T08:00:00Z");
  assert_nick (cases->pdata[1], "status", "closed");
}

typedef struct
{
  GCancellable *cancellable;
  GAsyncResult *result;
  guint         notified;
} CancelState;

static void
on_fraction_cb (AmendsCsvImport *import,
                GParamSpec      *pspec,
                CancelState     *state)
{
  double fraction = amends_csv_import_get_fraction (import);

  state->notified++;
  /* Half-way: some cases are inserted, none committed. */
  if (fraction > 0.0 && fraction < 1.0)
    g_cancellable_cancel (state->cancellable);
}

static void
on_run_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CancelState *state = user_data;

  state->result = g_object_ref (result);
}

static GString *
many_rows (guint n)
{
  GString *text = g_string_new ("summary,occurred_at,owner\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Case %u,2026-01-01T10:00:00Z,Staff %u\n", i, i % 7);
  return text;
}

static void
test_cancel (AmendsTestDb  *db,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = many_rows (1000);
  g_autoptr(AmendsCsvImport) import = read_text (db->store, text->str, text->len, &error);
  CancelState state = { g_cancellable_new (), NULL, 0 };
  g_autoptr(GListModel) staff = NULL;

  g_assert_no_error (error);
  g_signal_connect (import, "notify::fraction", G_CALLBACK (on_fraction_cb), &state);
  amends_csv_import_run_async (import, state.cancellable, on_run_cb, &state);

  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (amends_csv_import_run_finish (import, state.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (state.notified, >=, 1);
  assert_nothing_imported (db->store);

  /* Not even the staff the file named. */
  staff = amends_store_list_staff (db->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 0);

  g_clear_object (&state.result);
  g_clear_object (&state.cancellable);
}

static void
test_async (AmendsTestDb  *db,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = many_rows (250);
  g_autoptr(AmendsCsvImport) import = read_text (db->store, text->str, text->len, &error);
  CancelState state = { NULL, NULL, 0 };

  g_assert_no_error (error);
  amends_csv_import_run_async (import, NULL, on_run_cb, &state);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  amends_csv_import_run_finish (import, state.result, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (amends_csv_import_get_fraction (import), ==, 1.0);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 250);
  g_clear_object (&state.result);
}

/* Formulas: what a spreadsheet would run is written with a leading quote,
 * and comes back as it was. */

typedef struct
{
  const char *property;
  const char *value;
  const char *exported;   /* the cell as written, or NULL: as the value */
} Neutralised;

static const Neutralised neutralised[] = {
  { "summary",       "=HYPERLINK(\"http://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"" },
  { "description",   "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0" },
  { "fix",           "-5 on the bill", "'-5 on the bill" },
  { "lesson",        "@SUM(1,2)", "\"'@SUM(1,2)\"" },
  { "category",      "\tTabbed", "'\tTabbed" },
  { "bent-rule",     "\rReturned", "\"'\rReturned\"" },
  { "bent-rule-why", "'=already quoted", "''=already quoted" },
  { "team",          "'plain quote", "'plain quote" },
  { "surprise",      "Five-star", "Five-star" },
};

static AmendsCase *
add_formula_case (AmendsStore *store)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(AmendsCustomer) customer = amends_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = amends_test_time ("2026-11-02T09:00:00Z");

  g_object_set (customer, "name", "=Mallory", "phone", "+44 20 7946 0000", NULL);
  amends_store_insert (store, AMENDS_RECORD (customer), &error);
  g_assert_no_error (error);

  g_object_set (kase,
                "occurred-at", when,
                "customer-id", amends_record_get_id (AMENDS_RECORD (customer)),
                "surprise-cost-cents", (gint64) 1250,
                "paused-seconds", (gint64) 300,
                NULL);
  for (guint i = 0; i < G_N_ELEMENTS (neutralised); i++)
    g_object_set (kase, neutralised[i].property, neutralised[i].value, NULL);
  amends_store_insert (store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&kase);
}

static void
test_formulas_neutralised (AmendsTestDb  *db,
                           gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = add_formula_case (db->store);
  g_autofree char *exported = export_cases (db->store);
  const char *row = strstr (exported, "\r\n") + 2;

  g_test_message ("%s", row);
  for (guint i = 0; i < G_N_ELEMENTS (neutralised); i++)
    {
      g_autofree char *cell = g_strconcat (",", neutralised[i].exported, ",", NULL);

      if (strstr (row, cell) == NULL)
        g_error ("%s was not written as %s", neutralised[i].property, neutralised[i].exported);
    }

  /* The exported bytes of the first text cell start with the quote. */
  g_assert_nonnull (strstr (row, ",\"'=HYPERLINK("));
  g_assert_nonnull (strstr (row, ",'=Mallory,'+44 20 7946 0000,"));

  /* Numbers, money and times are ours, typed: never quoted, so that a
   * spreadsheet still reads them as numbers. */
  g_assert_nonnull (strstr (row, ",300,"));
  g_assert_nonnull (strstr (row, ",12.50,"));
  g_assert_nonnull (strstr (row, ",2026-11-02T09:00:00Z,"));
}

static void
test_formulas_round_trip (AmendsTestDb  *db,
                          gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = add_formula_case (db->store);
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = amends_test_new_location (dir, "other.db");
  g_autofree char *exported = export_cases (db->store);
  g_autoptr(AmendsStore) other = NULL;
  g_autoptr(AmendsCase) back = NULL;
  g_autoptr(AmendsCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  other = amends_store_open (path, &error);
  g_assert_no_error (error);
  import_text (other, exported);

  back = only_case (other);
  for (guint i = 0; i < G_N_ELEMENTS (neutralised); i++)
    {
      g_autofree char *value = get_string (back, neutralised[i].property);

      g_assert_cmpstr (value, ==, neutralised[i].value);
    }
  g_assert_cmpstr (amends_case_get_customer_name (back), ==, "=Mallory");
  customer = amends_store_load (other, AMENDS_TYPE_CUSTOMER, amends_case_get_customer_id (back), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amends_customer_get_phone (customer), ==, "+44 20 7946 0000");

  /* And out again, byte for byte. */
  {
    g_autofree char *again = export_cases (other);
    g_assert_cmpstr (again, ==, exported);
  }

  g_clear_object (&back);
  g_clear_object (&customer);
  g_assert_finalize_object (g_steal_pointer (&other));
  amends_test_remove_dir (dir);
}

/* What the lesson was of, and whether the process changed for it: out
 * in their own columns, after the stay's and before the attachments',
 * and back into another database as they were. */
static void
test_lesson_cause_round_trip (AmendsTestDb  *db,
                              gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Cold soup", db->now);
  g_autoptr(AmendsCase) plain = amends_test_add_case (db->store, "Late taxi", db->now);
  g_autofree char *dir = amends_test_make_dir ();
  g_autofree char *path = amends_test_new_location (dir, "other.db");
  g_autofree char *exported = NULL;
  g_autoptr(AmendsStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_object_set (kase, "lesson", "Check the soup's heat before it leaves the kitchen",
                "lesson-cause", "Kitchen pass", "process-changed", TRUE, NULL);
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  exported = export_cases (db->store);
  lines = g_strsplit (exported, "\r\n", -1);
  g_assert_true (g_str_has_suffix (lines[0], ",departure_at,lesson_cause,process_changed,attachments"));
  g_assert_nonnull (strstr (exported, ",Kitchen pass,yes,\r\n"));
  g_assert_nonnull (strstr (exported, ",,no,\r\n"));

  other = amends_store_open (path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (other, db->now);
  import_text (other, exported);
  g_assert_cmpint (amends_store_count_cases (other, &error), ==, 2);

  {
    g_autoptr(GPtrArray) cases = list_cases (other);

    for (guint i = 0; i < cases->len; i++)
      {
        /* The whole record, not the list's row. */
        g_autoptr(AmendsCase) back = amends_store_load (other, AMENDS_TYPE_CASE,
                                                        amends_record_get_id (cases->pdata[i]), &error);

        g_assert_no_error (error);
        if (g_str_equal (amends_case_get_summary (back), "Cold soup"))
          {
            g_assert_cmpstr (amends_case_get_lesson_cause (back), ==, "Kitchen pass");
            g_assert_true (amends_case_get_process_changed (back));
          }
        else
          {
            g_assert_cmpstr (amends_case_get_summary (back), ==, "Late taxi");
            g_assert_true (amends_case_get_lesson_cause (back) == NULL ||
                           *amends_case_get_lesson_cause (back) == '\0');
            g_assert_false (amends_case_get_process_changed (back));
          }
      }
  }

  g_assert_finalize_object (g_steal_pointer (&other));
  amends_test_remove_dir (dir);
  (void) plain;
}

/* A file from before schema 10, without the two columns: it imports as
 * it did, with no cause and no change of process. */
static void
test_lesson_cause_old_file (AmendsTestDb  *db,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(AmendsCase) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lesson = NULL;

  import_text (db->store,
               "summary,occurred_at,lesson\r\n"
               "Lost key,2026-11-17T08:00:00Z,Keep a spare at the desk\r\n");
  cases = list_cases (db->store);
  g_assert_cmpuint (cases->len, ==, 1);
  back = amends_store_load (db->store, AMENDS_TYPE_CASE, amends_record_get_id (cases->pdata[0]), &error);
  g_assert_no_error (error);
  lesson = get_string (back, "lesson");
  g_assert_cmpstr (lesson, ==, "Keep a spare at the desk");
  g_assert_null (amends_case_get_lesson_cause (back));
  g_assert_false (amends_case_get_process_changed (back));
}

/* The quote is taken off only where our export would have put it. */
static void
test_formulas_unneutralised (void)
{
  static const char * const cases[][2] = {
    { "'=1+1", "=1+1" },
    { "'-5", "-5" },
    { "'+44 20", "+44 20" },
    { "'@x", "@x" },
    { "'\tx", "\tx" },
    { "'\rx", "\rx" },
    { "''=x", "'=x" },
    { "'plain", "'plain" },
    { "'", "'" },
    { "''", "''" },
    { "-5", "-5" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *neutral = NULL;

      g_assert_cmpstr (amends_csv_unneutralise_formula (cases[i][0]), ==, cases[i][1]);
      /* Neutralising and taking it off again gives the text back. */
      neutral = amends_csv_neutralise_formula (cases[i][1]);
      g_assert_cmpstr (amends_csv_unneutralise_formula (neutral ? neutral : cases[i][1]), ==, cases[i][1]);
    }
}

/* Limits */

/* A field of more than 1 MB is refused, where it is, and the rest of the
 * file is never read. */
static void
test_field_too_long (AmendsTestDb  *db,
                     gconstpointer  data)
{
  gsize size = 8 * 1024 * 1024;
  char *text = g_malloc (size);
  const char head[] = "summary,description\r\nCold soup,fine\r\nLost key,\"";
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(AmendsCsvImport) import = amends_csv_import_new (db->store);
  g_autoptr(GError) error = NULL;
  goffset read;

  memset (text, 'x', size);
  memcpy (text, head, strlen (head));
  in = g_memory_input_stream_new_from_data (text, size, g_free);

  g_assert_false (amends_csv_import_read (import, in, NULL, &error));
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_FIELD_TOO_LONG);
  g_assert_cmpstr (error->message, ==,
                   "Line 3, column 2 (description): the field is longer than 1 MB; "
                   "Amends takes at most 1 MB of text a field.");

  read = g_seekable_tell (G_SEEKABLE (in));
  g_assert_cmpint (read, <, 2 * 1024 * 1024);
  g_assert_cmpuint (amends_csv_import_get_n_rows (import), ==, 0);

  g_clear_error (&error);
  g_assert_false (amends_csv_import_run (import, &error));
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_INVALID);
  assert_nothing_imported (db->store);
}

/* Just under the limit is a field like any other; an unquoted field and
 * one that ends within a block are measured too. */
static void
test_field_at_limit (AmendsTestDb  *db,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("summary,description\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  g_autofree char *description = NULL;

  g_string_append (text, "Long one,");
  for (guint i = 0; i < AMENDS_CSV_MAX_FIELD_SIZE; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (text, "\n");

  import_text (db->store, text->str);
  kase = only_case (db->store);
  description = get_string (kase, "description");
  g_assert_cmpuint (strlen (description), ==, AMENDS_CSV_MAX_FIELD_SIZE);

  /* One byte more, unquoted, on the first line of the cases. */
  g_string_insert_c (text, strlen ("summary,description\nLong one,"), 'z');
  import = read_text (db->store, text->str, text->len, &error);
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_FIELD_TOO_LONG);
  g_assert_true (g_str_has_prefix (error->message, "Line 2, column 2 (description):"));
}

static GString *
rows_of (guint n)
{
  GString *text = g_string_new ("summary\n");

  for (guint i = 0; i < n; i++)
    g_string_append (text, "x\n");
  return text;
}

/* Up to 100,000 rows go in as they are; one more needs a yes. */
static void
test_many_rows_need_confirmation (AmendsTestDb  *db,
                                  gconstpointer  data)
{
  g_autoptr(GString) text = rows_of (AMENDS_CSV_MAX_ROWS_UNCONFIRMED + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = read_text (db->store, text->str, text->len, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_get_n_rows (import), ==, 100001);
  g_assert_true (amends_csv_import_needs_confirmation (import));

  g_assert_false (amends_csv_import_run (import, &error));
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_TOO_MANY_ROWS);
  g_assert_cmpstr (error->message, ==,
                   "The file has 100001 cases, more than 100000: confirm that all of them are to be imported.");
  g_clear_error (&error);
  assert_nothing_imported (db->store);

  amends_csv_import_set_confirmed_large (import, TRUE);
  g_assert_false (amends_csv_import_needs_confirmation (import));
  g_assert_true (amends_csv_import_validate (import, &error));
  g_assert_no_error (error);

  /* The answer holds for the next file read with the same import. */
  g_clear_object (&import);
  import = read_text (db->store, text->str, text->len, &error);
  g_object_set (import, "confirmed-large", TRUE, NULL);
  g_assert_false (amends_csv_import_needs_confirmation (import));

  g_string_truncate (text, strlen ("summary\n") + 2 * AMENDS_CSV_MAX_ROWS_UNCONFIRMED);
  g_clear_object (&import);
  import = read_text (db->store, text->str, text->len, &error);
  g_assert_cmpuint (amends_csv_import_get_n_rows (import), ==, 100000);
  g_assert_false (amends_csv_import_needs_confirmation (import));
  g_assert_true (amends_csv_import_validate (import, &error));
  g_assert_no_error (error);
}

/* Our own export, read back */

static char *
export_to_file (AmendsTestDb *db)
{
  g_autofree char *path = g_build_filename (db->dir, "cases.csv", NULL);
  g_autoptr(GError) error = NULL;

  amends_csv_export_cases_to_path (db->store, path, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_reimport_skips_existing (AmendsTestDb  *db,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AmendsCsvImport) import = amends_csv_import_new (db->store);
  gint64 n_cases;

  amends_demo_populate (db->store, db->now, &error);
  g_assert_no_error (error);
  n_cases = amends_store_count_cases (db->store, NULL);
  g_assert_cmpint (n_cases, >, 10);

  path = export_to_file (db);
  before = export_cases (db->store);

  amends_csv_import_read_path (import, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_csv_import_get_reference_column (import), ==, 0);
  g_assert_cmpuint (amends_csv_import_count_existing (import, -1, &error), ==, n_cases);
  g_assert_no_error (error);
  g_assert_cmpint (amends_csv_import_get_existing (import), ==, AMENDS_CSV_EXISTING_SKIP);

  amends_csv_import_run (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_get_n_imported (import), ==, 0);
  g_assert_cmpuint (amends_csv_import_get_n_skipped (import), ==, n_cases);
  g_assert_cmpuint (amends_csv_import_get_n_updated (import), ==, 0);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, n_cases);

  after = export_cases (db->store);
  g_assert_cmpstr (after, ==, before);
}

/* A row of a new case beside the ones already here goes in; a row that
 * names a case already here twice is skipped twice. */
static void
test_reimport_adds_new_rows (AmendsTestDb  *db,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Cold soup", db->now);
  g_autofree char *exported = export_cases (db->store);
  g_autofree char *text = NULL;
  const char *row = strstr (exported, "\r\n") + 2;
  g_autoptr(AmendsCsvImport) import = NULL;

  text = g_strconcat (exported, row,
                      "C-2026-04711,Noisy room,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n",
                      ",Late check-in,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n", NULL);
  import = read_text (db->store, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_count_existing (import, -1, &error), ==, 1);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (amends_csv_import_get_n_imported (import), ==, 2);
  g_assert_cmpuint (amends_csv_import_get_n_skipped (import), ==, 2);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 3);
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

static void
test_reimport_updates_existing (AmendsTestDb  *db,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Cold soup", db->now);
  g_autoptr(AmendsCase) other = amends_test_add_case (db->store, "Noisy room", db->now);
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *again = NULL;
  g_autofree char *description = NULL;
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));

  g_object_set (kase, "description", "Table 4", NULL);
  amends_store_update (db->store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  /* Someone corrects the file in a spreadsheet. */
  exported = export_cases (db->store);
  edited = replace_once (exported, "Cold soup,Table 4,", "Cold soup at dinner,Table 4 by the window,");

  import = read_text (db->store, edited, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_count_existing (import, -1, &error), ==, 2);
  amends_csv_import_set_existing (import, AMENDS_CSV_EXISTING_UPDATE);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (amends_csv_import_get_n_imported (import), ==, 0);
  g_assert_cmpuint (amends_csv_import_get_n_updated (import), ==, 2);
  g_assert_cmpuint (amends_csv_import_get_n_skipped (import), ==, 0);
  g_assert_cmpint (amends_store_count_cases (db->store, NULL), ==, 2);

  g_clear_object (&kase);
  kase = amends_store_load (db->store, AMENDS_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  description = get_string (kase, "description");
  g_assert_cmpstr (amends_case_get_summary (kase), ==, "Cold soup at dinner");
  g_assert_cmpstr (description, ==, "Table 4 by the window");

  /* Nothing else changed: the database now exports as the edited file. */
  again = export_cases (db->store);
  g_assert_cmpstr (again, ==, edited);
}

/* Many rows at once */

static const char * const many_customers[] = { "Ana Lima", "Bo Chen", "Cy Okafor", "Di Rossi" };

/* @n rows of cases, each with one of four customers and one of seven
 * owners; every 100th description names a zebra. */
static char *
write_many_cases (const char *dir,
                  guint       n)
{
  g_autoptr(GString) text = g_string_new ("summary,description,customer,owner,occurred_at\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "many.csv", NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Case %u,%s room %u,%s,Staff %u,2026-01-%02uT10:00:00Z\n",
                            i, i % 100 == 0 ? "A zebra in the" : "Nothing in the",
                            i, many_customers[i % 4], i % 7, 1 + i % 28);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

static void
on_import_record_changed (AmendsStore *store,
                          GType        type,
                          gint64       id,
                          guint       *n_cases)
{
  if (type == AMENDS_TYPE_CASE)
    (*n_cases)++;
}

static void
on_import_committed (AmendsStore *store,
                     guint       *n_committed)
{
  (*n_committed)++;
}

/* An import is one entry of the audit log, naming how many cases came
 * from which file, not one a case; and one change of the cases, so that
 * an open list is read again once, not once a row. */
static void
test_import_is_one_audit_entry (AmendsTestDb  *db,
                                gconstpointer  data)
{
  g_autofree char *path = write_many_cases (db->dir, 600);
  g_autoptr(AmendsCsvImport) import = amends_csv_import_new (db->store);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) of_a_case = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  AmendsAuditEntry *entry;
  guint n_cases_changed = 0;
  guint n_committed = 0;

  g_signal_connect (db->store, "record-changed", G_CALLBACK (on_import_record_changed), &n_cases_changed);
  g_signal_connect (db->store, "changes-committed", G_CALLBACK (on_import_committed), &n_committed);

  amends_csv_import_read_path (import, path, NULL, &error);
  g_assert_no_error (error);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_get_n_imported (import), ==, 600);

  entries = amends_store_list_audit (db->store, "cases", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpstr (entry->field, ==, "imported");
  g_assert_cmpstr (entry->after, ==, "imported 600 cases from many.csv");

  cases = list_cases (db->store);
  g_assert_cmpuint (cases->len, ==, 600);
  of_a_case = amends_store_list_audit (db->store, "cases",
                                       amends_record_get_id (cases->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_a_case->len, ==, 0);

  g_assert_cmpuint (n_cases_changed, ==, 1);
  g_assert_cmpuint (n_committed, ==, 1);

  g_signal_handlers_disconnect_by_data (db->store, &n_cases_changed);
  g_signal_handlers_disconnect_by_data (db->store, &n_committed);
}

/* A few thousand rows, more than one batch of the store's and a part
 * of one: each row is a case, with its customer and owner, and the
 * search finds them by a word of their description. */
static void
test_import_many_rows (AmendsTestDb  *db,
                       gconstpointer  data)
{
  g_autofree char *path = write_many_cases (db->dir, 3001);
  g_autoptr(AmendsCsvImport) import = amends_csv_import_new (db->store);
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(AmendsCaseList) zebras = NULL;
  g_autoptr(GHashTable) summaries = g_hash_table_new (g_str_hash, g_str_equal);
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GError) error = NULL;

  amends_csv_import_read_path (import, path, NULL, &error);
  g_assert_no_error (error);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_get_n_imported (import), ==, 3001);

  cases = list_cases (db->store);
  g_assert_cmpuint (cases->len, ==, 3001);
  for (guint i = 0; i < cases->len; i++)
    {
      AmendsCase *kase = cases->pdata[i];
      guint n = 0;

      g_assert_true (sscanf (amends_case_get_summary (kase), "Case %u", &n) == 1);
      g_hash_table_add (summaries, (gpointer) amends_case_get_summary (kase));
      {
        g_autofree char *owner = g_strdup_printf ("Staff %u", n % 7);

        g_assert_cmpstr (amends_case_get_customer_name (kase), ==, many_customers[n % 4]);
        g_assert_cmpstr (amends_case_get_owner_name (kase), ==, owner);
      }
      g_assert_nonnull (amends_case_get_reference (kase));
    }
  g_assert_cmpuint (g_hash_table_size (summaries), ==, 3001);

  staff = amends_store_list_staff (db->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 7);

  filter.query = (char *) "zebra";
  zebras = amends_case_list_new (AMENDS_CASE_SOURCE (db->store), &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zebras)), ==, 31);
  g_clear_object (&zebras);

  /* And by the customer's name, added in the same transaction. */
  filter.query = (char *) "Okafor";
  zebras = amends_case_list_new (AMENDS_CASE_SOURCE (db->store), &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zebras)), ==, 750);
}

/* A row the database refuses as it is saved, half-way through the file:
 * the error names its line, and nothing of the file is left, not the
 * cases of the batches before it, nor the customers and staff it named,
 * nor an entry in the audit log. */
static void
test_import_failing_row_leaves_nothing (AmendsTestDb  *db,
                                        gconstpointer  data)
{
  g_autofree char *path = write_many_cases (db->dir, 3000);
  g_autoptr(AmendsCsvImport) import = amends_csv_import_new (db->store);
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  /* What no check of the file can see: another program's rule (a
   * trigger on SQLite, a CHECK on the server). */
  if (amends_test_on_server ())
    amends_test_store_exec (db->store,
                            "ALTER TABLE cases ADD CONSTRAINT not_that_one"
                            " CHECK (summary <> 'Case 1700')");
  else
    amends_test_store_exec (db->store,
                            "CREATE TRIGGER no_case_1700 BEFORE INSERT ON cases"
                            " WHEN new.summary = 'Case 1700'"
                            " BEGIN SELECT RAISE (ABORT, 'not that one'); END");

  amends_csv_import_read_path (import, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (amends_csv_import_validate (import, &error));
  g_assert_no_error (error);

  g_assert_false (amends_csv_import_run (import, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  /* The header is line 1: case 1700 is on line 1702. */
  g_assert_true (g_str_has_prefix (error->message, "Line 1702: "));
  /* In words for the person at the desk, not SQLite's own. */
  g_assert_nonnull (strstr (error->message, "does not fit the rest of the data"));
  g_assert_null (strstr (error->message, "not that one"));
  g_assert_null (strstr (error->message, "not_that_one"));
  g_assert_cmpuint (amends_csv_import_get_n_imported (import), ==, 0);
  g_clear_error (&error);

  assert_nothing_imported (db->store);
  staff = amends_store_list_staff (db->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 0);
  customers = amends_store_list_customers (db->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 0);
  entries = amends_store_list_audit (db->store, "cases", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* A value the database refuses to take (longer than its limit, here
 * made small) in a batch of many rows: the error names its line, as a
 * broken rule's does, and nothing of the file is left. */
static void
test_import_refused_value_names_line (AmendsTestDb  *db,
                                      gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("summary,description,occurred_at\n");
  g_autofree char *path = g_build_filename (db->dir, "long.csv", NULL);
  g_autofree char *long_text = g_strnfill (200000, 'x');
  g_autoptr(AmendsCsvImport) import = amends_csv_import_new (db->store);
  g_autoptr(GError) error = NULL;

  /* Ten rows, one batch; the header is line 1, so case 5 is on line 7. */
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (text, "Case %u,%s,2026-01-%02uT10:00:00Z\n",
                            i, i == 5 ? long_text : "Nothing much", 1 + i);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  /* On the server no length is too long for a text (a gigabyte is):
   * the limit is another program's CHECK there. */
  if (amends_test_on_server ())
    amends_test_store_exec (db->store,
                            "ALTER TABLE cases ADD CONSTRAINT description_limit"
                            " CHECK (length (description) <= 100000)");
  else
    sqlite3_limit (amends_store_get_db (db->store), SQLITE_LIMIT_LENGTH, 100000);

  amends_csv_import_read_path (import, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (amends_csv_import_validate (import, &error));
  g_assert_no_error (error);

  g_assert_false (amends_csv_import_run (import, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Line 7: "));
  g_assert_cmpuint (amends_csv_import_get_n_imported (import), ==, 0);
  g_clear_error (&error);

  assert_nothing_imported (db->store);
}

/* References given by the file, in any order, move the counter past the
 * highest, so that neither a row without one nor a case logged later is
 * given one of them; a row whose reference an earlier row of the file
 * took gets a new one. */
static void
test_import_references_counted (AmendsTestDb  *db,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) by_summary = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AmendsCase) later = NULL;
  g_autofree char *description = NULL;

  import_text (db->store,
               "reference,summary\n"
               "C-2026-00007,Seven\n"
               "C-2026-00003,Three\n"
               ",None given\n"
               "C-2026-00005,Five\n"
               "C-2026-00008,Eight again\n");

  cases = list_cases (db->store);
  g_assert_cmpuint (cases->len, ==, 5);
  for (guint i = 0; i < cases->len; i++)
    g_hash_table_insert (by_summary, (gpointer) amends_case_get_summary (cases->pdata[i]), cases->pdata[i]);

  g_assert_cmpstr (amends_case_get_reference (g_hash_table_lookup (by_summary, "Seven")), ==, "C-2026-00007");
  g_assert_cmpstr (amends_case_get_reference (g_hash_table_lookup (by_summary, "Three")), ==, "C-2026-00003");
  g_assert_cmpstr (amends_case_get_reference (g_hash_table_lookup (by_summary, "None given")), ==, "C-2026-00008");
  g_assert_cmpstr (amends_case_get_reference (g_hash_table_lookup (by_summary, "Five")), ==, "C-2026-00005");
  g_assert_cmpstr (amends_case_get_reference (g_hash_table_lookup (by_summary, "Eight again")), ==, "C-2026-00009");
  description = get_string (g_hash_table_lookup (by_summary, "Eight again"), "description");
  g_assert_cmpstr (description, ==, "Imported with the reference C-2026-00008.");

  later = amends_test_add_case (db->store, "Logged after", db->now);
  g_assert_cmpstr (amends_case_get_reference (later), ==, "C-2026-00010");
}

/* Dates written day/month or month/day */

static const char *
occurred_of (AmendsStore *store,
             guint        i)
{
  static char text[64];
  g_autoptr(GPtrArray) cases = list_cases (store);
  g_autofree char *iso = amends_csv_format_time (amends_case_get_occurred_at (cases->pdata[i]));

  g_strlcpy (text, iso, sizeof text);
  return text;
}

static void
test_dates_day_first (AmendsTestDb  *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import =
    read_text (db->store,
               "summary,occurred_at\n"
               "One,01/02/2026\n"
               "Two,13/02/2026 14:30\n"
               "Three,2026-02-03\n", -1, &error);

  g_assert_no_error (error);
  g_assert_false (amends_csv_import_needs_date_order (import));
  g_assert_cmpint (amends_csv_import_get_date_order (import), ==, AMENDS_CSV_DATE_ORDER_DAY_FIRST);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (occurred_of (db->store, 0), ==, "2026-02-01T00:00:00Z");
  g_assert_cmpstr (occurred_of (db->store, 1), ==, "2026-02-03T00:00:00Z");
  g_assert_cmpstr (occurred_of (db->store, 2), ==, "2026-02-13T14:30:00Z");
}

static void
test_dates_month_first (AmendsTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import =
    read_text (db->store,
               "summary;occurred_at\n"
               "One;01/02/2026 2:30 PM\n"
               "Two;02/13/2026\n", -1, &error);

  g_assert_no_error (error);
  g_assert_false (amends_csv_import_needs_date_order (import));
  g_assert_cmpint (amends_csv_import_get_date_order (import), ==, AMENDS_CSV_DATE_ORDER_MONTH_FIRST);
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (occurred_of (db->store, 0), ==, "2026-01-02T14:30:00Z");
  g_assert_cmpstr (occurred_of (db->store, 1), ==, "2026-02-13T00:00:00Z");
}

static void
test_dates_ambiguous (AmendsTestDb  *db,
                      gconstpointer  data)
{
  const char text[] =
    "summary,occurred_at\n"
    "One,01/02/2026\n"
    "Two,03/04/2026\n"
    "Three,2026-05-06\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import = read_text (db->store, text, -1, &error);

  g_assert_no_error (error);
  g_assert_true (amends_csv_import_needs_date_order (import));
  g_assert_cmpint (amends_csv_import_get_date_order (import), ==, AMENDS_CSV_DATE_ORDER_UNKNOWN);
  g_assert_cmpstr (amends_csv_import_get_ambiguous_date (import), ==, "01/02/2026");

  g_assert_false (amends_csv_import_run (import, &error));
  g_assert_error (error, AMENDS_CSV_ERROR, AMENDS_CSV_ERROR_DATE_ORDER);
  g_assert_cmpstr (error->message, ==,
                   "Line 2: the date “01/02/2026” can be read day first or month first, and no date "
                   "of the file tells which: say whether dates are written as day/month/year "
                   "or month/day/year.");
  g_clear_error (&error);
  assert_nothing_imported (db->store);

  if (GPOINTER_TO_INT (data) == AMENDS_CSV_DATE_ORDER_DAY_FIRST)
    {
      amends_csv_import_set_date_order (import, AMENDS_CSV_DATE_ORDER_DAY_FIRST);
      amends_csv_import_run (import, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (occurred_of (db->store, 0), ==, "2026-02-01T00:00:00Z");
      g_assert_cmpstr (occurred_of (db->store, 1), ==, "2026-04-03T00:00:00Z");
    }
  else
    {
      g_object_set (import, "date-order", AMENDS_CSV_DATE_ORDER_MONTH_FIRST, NULL);
      amends_csv_import_run (import, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (occurred_of (db->store, 0), ==, "2026-01-02T00:00:00Z");
      g_assert_cmpstr (occurred_of (db->store, 1), ==, "2026-03-04T00:00:00Z");
    }
  g_assert_cmpstr (occurred_of (db->store, 2), ==, "2026-05-06T00:00:00Z");
}

static void
test_dates_iso_need_no_order (AmendsTestDb  *db,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCsvImport) import =
    read_text (db->store,
               "summary,occurred_at,description\n"
               "One,2026-01-02T10:00:00Z,room 1/2\n"
               "Two,2026/01/03,\n"
               "Three,04.01.2026 09:15,\n", -1, &error);

  g_assert_no_error (error);
  g_assert_false (amends_csv_import_needs_date_order (import));
  g_assert_null (amends_csv_import_get_ambiguous_date (import));
  amends_csv_import_run (import, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (occurred_of (db->store, 0), ==, "2026-01-02T10:00:00Z");
  g_assert_cmpstr (occurred_of (db->store, 1), ==, "2026-01-03T00:00:00Z");
  g_assert_cmpstr (occurred_of (db->store, 2), ==, "2026-01-04T09:15:00Z");
}

#define ADD_DB_TEST(path, func) \
  g_test_add (path, AmendsTestDb, NULL, amends_test_db_setup, func, amends_test_db_teardown)

/* A damaged database: every case that can be found is exported, whole
 * where its row reads and otherwise from its indexes, and the file can be
 * imported into a new database. */
static void
test_export_readable_from_damaged (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(AmendsStore) store = NULL;
  g_autoptr(AmendsStore) target = NULL;
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint n_whole = 0, n_partial = 0;

  if (amends_test_sqlite_only ("a damaged page of the file, whose rows are read from its indexes"))
    return;

  dir = amends_test_make_dir ();
  damaged = amends_test_make_damaged_db (dir);
  csv = g_build_filename (dir, "readable.csv", NULL);
  fresh = g_build_filename (dir, "fresh.db", NULL);
  store = amends_store_open (damaged, NULL);
  g_assert_nonnull (store);
  g_assert_true (amends_store_get_damaged (store));
  g_assert_true (amends_csv_export_readable_cases_to_path (store, csv, &n_whole, &n_partial, NULL, &error));
  g_assert_no_error (error);

  /* The 200 cases all found; the damaged page's rows only in part. */
  g_test_message ("%u whole, %u in part", n_whole, n_partial);
  g_assert_cmpuint (n_whole + n_partial, ==, 200);
  g_assert_cmpuint (n_partial, >, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "C-"));
  g_assert_nonnull (strstr (contents, "The guest waited in the lobby"));

  target = amends_store_open (fresh, NULL);
  import = amends_csv_import_new (target);
  g_assert_true (amends_csv_import_read_path (import, csv, NULL, &error));
  g_assert_true (amends_csv_import_run (import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amends_store_count_cases (target, NULL), ==, 200);

  g_clear_object (&store);
  g_clear_object (&import);
  g_clear_object (&target);
  amends_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Times without a zone are local: make local UTC.  And never read or
   * write the real user's remembered mappings. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("XDG_CONFIG_HOME", "/nonexistent/amends-test-config", TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD_DB_TEST ("/csv/export/round-trip-keeps-every-field", test_round_trip);
  ADD_DB_TEST ("/csv/import/quoted-commas-quotes-and-line-breaks", test_quoting);
  ADD_DB_TEST ("/csv/import/bom-and-semicolons", test_bom_and_semicolons);
  ADD_DB_TEST ("/csv/import/costs-as-people-write-them", test_costs_as_written);
  ADD_DB_TEST ("/csv/import/costs-that-are-not-amounts-are-refused", test_costs_refused);
  ADD_DB_TEST ("/csv/import/every-bad-row-is-reported", test_every_problem);
  ADD_DB_TEST ("/csv/import/osticket", test_osticket);
  ADD_DB_TEST ("/csv/import/cfpb", test_cfpb);
  ADD_DB_TEST ("/csv/import/mapping-is-applied-and-remembered", test_mapping_remembered);
  ADD_DB_TEST ("/csv/import/async-imports-everything", test_async);
  ADD_DB_TEST ("/csv/import/cancel-leaves-nothing", test_cancel);
  ADD_DB_TEST ("/csv/export/formulas-are-neutralised", test_formulas_neutralised);
  ADD_DB_TEST ("/csv/export/formulas-come-back-as-written", test_formulas_round_trip);
  g_test_add_func ("/csv/import/quote-taken-off-only-where-the-export-put-it", test_formulas_unneutralised);
  ADD_DB_TEST ("/csv/import/field-over-1-mb-is-refused-unread", test_field_too_long);
  ADD_DB_TEST ("/csv/import/field-of-1-mb-is-taken", test_field_at_limit);
  ADD_DB_TEST ("/csv/import/over-100000-rows-need-a-yes", test_many_rows_need_confirmation);
  ADD_DB_TEST ("/csv/import/own-export-again-skips-cases-already-here", test_reimport_skips_existing);
  ADD_DB_TEST ("/csv/import/own-export-again-adds-only-new-rows", test_reimport_adds_new_rows);
  ADD_DB_TEST ("/csv/import/own-export-again-updates-cases-already-here", test_reimport_updates_existing);
  ADD_DB_TEST ("/csv/round-trip/lesson-cause-and-process-changed", test_lesson_cause_round_trip);
  ADD_DB_TEST ("/csv/import/file-without-lesson-cause", test_lesson_cause_old_file);
  ADD_DB_TEST ("/csv/import/many/one-audit-entry-and-one-change-an-import", test_import_is_one_audit_entry);
  ADD_DB_TEST ("/csv/import/many/every-row-a-case-and-searchable", test_import_many_rows);
  ADD_DB_TEST ("/csv/import/many/a-row-refused-half-way-leaves-nothing", test_import_failing_row_leaves_nothing);
  ADD_DB_TEST ("/csv/import/many/a-value-refused-names-its-line", test_import_refused_value_names_line);
  ADD_DB_TEST ("/csv/import/references-given-move-the-counter", test_import_references_counted);
  ADD_DB_TEST ("/csv/import/dates/day-first-told-by-the-file", test_dates_day_first);
  ADD_DB_TEST ("/csv/import/dates/month-first-told-by-the-file", test_dates_month_first);
  ADD_DB_TEST ("/csv/import/dates/iso-and-dotted-need-no-order", test_dates_iso_need_no_order);
  g_test_add ("/csv/import/dates/ambiguous-asks-then-day-first", AmendsTestDb,
              GINT_TO_POINTER (AMENDS_CSV_DATE_ORDER_DAY_FIRST),
              amends_test_db_setup, test_dates_ambiguous, amends_test_db_teardown);
  g_test_add ("/csv/import/dates/ambiguous-asks-then-month-first", AmendsTestDb,
              GINT_TO_POINTER (AMENDS_CSV_DATE_ORDER_MONTH_FIRST),
              amends_test_db_setup, test_dates_ambiguous, amends_test_db_teardown);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/import/malformed/%s-imports-nothing",
                                               malformed[i].name);
      g_test_add (path, AmendsTestDb, &malformed[i],
                  amends_test_db_setup, test_malformed, amends_test_db_teardown);
    }

  g_test_add_func ("/csv/export/readable-from-a-damaged-database", test_export_readable_from_damaged);

  return g_test_run ();
}
