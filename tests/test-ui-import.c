/* test-ui-import.c: choosing the columns of a CSV file Amends does not know
 *
 * A file of guests' complaints, with its own header row, is read into an
 * import on a real database; the dialog shows a row for each column and the
 * first rows of the file, and the tests choose what each column holds as a
 * person would: the row opens its list, and an entry of the list is
 * activated.  The chosen columns are remembered in $XDG_CONFIG_HOME, a
 * temporary folder of the test's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <glib/gstdio.h>

#include "amends-case-list.h"
#include "amends-csv-export.h"
#include "amends-csv-import.h"
#include "amends-import-dialog.h"
#include "amends-test-utils.h"

static const char guests_csv[] =
  "Problem;Guest;When\n"
  "Cold soup;Edward Caulfield;2026-11-12 19:30\n"
  "Noisy room;Mina Park;2026-11-13 23:10\n"
  "Late check-in;Tom Reyes;2026-11-14 16:00\n";

/* Headers that name our fields, in words a person would use. */
static const char known_csv[] =
  "Summary,customer,When it happened,Notes\n"
  "Cold soup,Edward Caulfield,2026-11-12 19:30,Table 4\n";

typedef struct
{
  AmendsTestDb        db;
  char               *csv_path;
  GtkWindow          *parent;
  AmendsCsvImport    *import;
  AmendsImportDialog *dialog;
  guint               n_mapped;
} Fixture;

static char *
mappings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "amends", "mappings.ini", NULL);
}

static void
on_mapped_cb (AmendsImportDialog *dialog,
              Fixture            *fixture)
{
  fixture->n_mapped++;
}

static void
fixture_read (Fixture    *fixture,
              const char *csv,
              gssize      len)
{
  g_autoptr(GError) error = NULL;

  fixture->csv_path = g_build_filename (fixture->db.dir, "guests.csv", NULL);
  g_assert_true (g_file_set_contents (fixture->csv_path, csv, len, &error));
  g_assert_no_error (error);

  fixture->import = amends_csv_import_new (fixture->db.store);
  amends_csv_import_read_path (fixture->import, fixture->csv_path, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_show (Fixture *fixture)
{
  fixture->parent = GTK_WINDOW (adw_window_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->parent), (gpointer *) &fixture->parent);
  gtk_window_present (fixture->parent);

  fixture->dialog = amends_import_dialog_new (fixture->parent, fixture->import);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (fixture->dialog, "mapped", G_CALLBACK (on_mapped_cb), fixture);

  gtk_window_present (GTK_WINDOW (fixture->dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->dialog));
  amends_ui_test_drain ();
}

static void
fixture_open (Fixture    *fixture,
              const char *csv)
{
  amends_test_db_setup (&fixture->db, NULL);
  fixture_read (fixture, csv, -1);
  g_assert_cmpint (amends_csv_import_get_format (fixture->import), ==, AMENDS_CSV_FORMAT_UNKNOWN);
  g_assert_true (amends_import_dialog_is_needed (fixture->import));
  fixture_show (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_open (fixture, guests_csv);
}

static void
fixture_set_up_known (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture_open (fixture, known_csv);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autofree char *mappings = mappings_path ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  g_assert_null (fixture->dialog);
  g_assert_null (fixture->parent);

  /* The dialog let go of the import. */
  g_assert_finalize_object (fixture->import);

  g_remove (mappings);
  g_clear_pointer (&fixture->csv_path, g_free);
  amends_test_db_teardown (&fixture->db, data);
}

/* Widgets */

static void
collect_combo_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (ADW_IS_COMBO_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_combo_rows (child, rows);
}

static GtkWidget *
child_of (Fixture    *fixture,
          const char *id,
          GType       type)
{
  GtkWidget *child = amends_ui_test_find_child (GTK_WIDGET (fixture->dialog), id, type);

  g_assert_nonnull (child);
  return child;
}

static GPtrArray *
column_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_combo_rows (child_of (fixture, "columns_group", ADW_TYPE_PREFERENCES_GROUP), rows);
  return rows;
}

static AdwComboRow *
column_row (Fixture    *fixture,
            const char *header)
{
  g_autoptr(GPtrArray) rows = column_rows (fixture);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), header) == 0)
      return rows->pdata[i];

  g_assert_not_reached ();
}

static const char *
chosen_label (AdwComboRow *row)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

static GtkWidget *
import_button (Fixture *fixture)
{
  GtkWidget *button = amends_ui_test_find_child (GTK_WIDGET (fixture->dialog), "import_button", GTK_TYPE_BUTTON);

  g_assert_nonnull (button);
  return button;
}

/* Opens the column's list, as a click or Enter on the row does, and
 * activates the entry that reads @label. */
static void
choose_in_row (AdwComboRow *row,
               const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);
  GtkWidget *popover;
  GtkWidget *list;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  amends_ui_test_drain ();
  /* The row shows its choice in a list view of its own; the choices are
   * in the list view of its popover. */
  popover = amends_ui_test_find_child (GTK_WIDGET (row), NULL, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  list = amends_ui_test_find_child (popover, NULL, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);

  /* A click on an entry selects it in the list, then activates it. */
  g_assert_true (gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)),
                                                  position, TRUE));
  g_signal_emit_by_name (list, "activate", position);
  amends_ui_test_drain ();

  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (chosen_label (row), ==, label);
}

static void
choose (Fixture    *fixture,
        const char *header,
        const char *label)
{
  choose_in_row (column_row (fixture, header), label);
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

static AmendsCsvFormat
format_of_file_read_again (Fixture *fixture)
{
  g_autoptr(AmendsCsvImport) again = amends_csv_import_new (fixture->db.store);
  g_autoptr(GError) error = NULL;

  amends_csv_import_read_path (again, fixture->csv_path, NULL, &error);
  g_assert_no_error (error);
  return amends_csv_import_get_format (again);
}

/* Tests */

static void
test_import_shows_a_row_per_column (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = column_rows (fixture);
  static const char * const headers[] = { "Problem", "Guest", "When" };
  static const char * const subtitles[] = {
    "Cold soup, Noisy room, Late check-in",
    "Edward Caulfield, Mina Park, Tom Reyes",
    "2026-11-12 19:30, 2026-11-13 23:10, 2026-11-14 16:00",
  };

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Choose the Columns");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) == fixture->parent);
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (fixture->dialog)) == import_button (fixture));

  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==, headers[i]);
      g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[i]), ==, subtitles[i]);
      g_assert_cmpstr (chosen_label (rows->pdata[i]), ==, "Do not import");
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (rows->pdata[i]),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, headers[i]);
    }

  /* Ready for the keyboard: focus is on the first column. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->dialog)) == rows->pdata[0]);
}

static void
test_import_previews_first_rows (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkGrid *grid = GTK_GRID (amends_ui_test_find_child (GTK_WIDGET (fixture->dialog), "preview_grid", GTK_TYPE_GRID));
  static const char * const cells[4][3] = {
    { "Problem", "Guest", "When" },
    { "Cold soup", "Edward Caulfield", "2026-11-12 19:30" },
    { "Noisy room", "Mina Park", "2026-11-13 23:10" },
    { "Late check-in", "Tom Reyes", "2026-11-14 16:00" },
  };

  g_assert_nonnull (grid);
  for (guint r = 0; r < 4; r++)
    for (guint c = 0; c < 3; c++)
      {
        GtkWidget *cell = gtk_grid_get_child_at (grid, c, r);

        g_assert_true (GTK_IS_LABEL (cell));
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, cells[r][c]);
      }
  g_assert_null (gtk_grid_get_child_at (grid, 0, 4));
  g_assert_null (gtk_grid_get_child_at (grid, 3, 0));
}

static void
test_import_needs_a_summary_column (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *button = import_button (fixture);

  g_assert_false (gtk_widget_get_sensitive (button));
  choose (fixture, "Guest", "Customer");
  choose (fixture, "When", "When it happened");
  g_assert_false (gtk_widget_get_sensitive (button));

  choose (fixture, "Problem", "What went wrong (summary)");
  g_assert_true (gtk_widget_get_sensitive (button));

  choose (fixture, "Problem", "Do not import");
  g_assert_false (gtk_widget_get_sensitive (button));
}

static void
test_import_maps_remembers_and_imports (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const summaries[] = { "Cold soup", "Noisy room", "Late check-in" };
  static const char * const customers[] = { "Edward Caulfield", "Mina Park", "Tom Reyes" };
  static const char * const times[] = { "12 19:30", "13 23:10", "14 16:00" };

  choose (fixture, "Problem", "What went wrong (summary)");
  choose (fixture, "Guest", "Customer");
  choose (fixture, "When", "When it happened");

  g_assert_true (gtk_widget_get_sensitive (import_button (fixture)));
  g_signal_emit_by_name (import_button (fixture), "clicked");
  amends_ui_test_drain ();

  g_assert_cmpuint (fixture->n_mapped, ==, 1);
  g_assert_null (fixture->dialog);

  g_assert_cmpstr (g_hash_table_lookup (amends_csv_import_get_mapping (fixture->import), "Problem"), ==, "summary");
  g_assert_true (amends_csv_import_run (fixture->import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_get_n_imported (fixture->import), ==, 3);

  cases = list_cases (fixture->db.store);
  g_assert_cmpuint (cases->len, ==, 3);
  for (guint i = 0; i < cases->len; i++)
    {
      g_autofree char *when = g_date_time_format (amends_case_get_occurred_at (cases->pdata[i]), "%d %H:%M");

      g_assert_cmpstr (amends_case_get_summary (cases->pdata[i]), ==, summaries[i]);
      g_assert_cmpstr (amends_case_get_customer_name (cases->pdata[i]), ==, customers[i]);
      g_assert_cmpstr (when, ==, times[i]);
    }

  /* The next file with the same header row needs no choosing. */
  g_assert_cmpint (format_of_file_read_again (fixture), ==, AMENDS_CSV_FORMAT_CUSTOM);
}

static void
test_import_a_field_comes_from_one_column (Fixture       *fixture,
                                           gconstpointer  data)
{
  choose (fixture, "Problem", "What went wrong (summary)");
  choose (fixture, "Guest", "What went wrong (summary)");

  g_assert_cmpstr (chosen_label (column_row (fixture, "Problem")), ==, "Do not import");
  g_assert_cmpstr (chosen_label (column_row (fixture, "Guest")), ==, "What went wrong (summary)");
  g_assert_true (gtk_widget_get_sensitive (import_button (fixture)));
}

static void
test_import_escape_closes_without_saving (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autofree char *mappings = mappings_path ();
  GtkEventController *shortcuts = NULL;
  g_autoptr(GListModel) controllers = NULL;

  choose (fixture, "Problem", "What went wrong (summary)");

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->dialog));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && fixture->dialog != NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, "Escape") == 0)
            {
              shortcuts = controller;
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                           GTK_WIDGET (fixture->dialog),
                                                           NULL));
              break;
            }
        }
    }
  g_clear_object (&controllers);
  amends_ui_test_drain ();

  g_assert_nonnull (shortcuts);
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_mapped, ==, 0);
  g_assert_false (g_file_test (mappings, G_FILE_TEST_EXISTS));
  g_assert_cmpint (format_of_file_read_again (fixture), ==, AMENDS_CSV_FORMAT_UNKNOWN);
}

static void
test_import_cancel_closes_without_saving (Fixture       *fixture,
                                          gconstpointer  data)
{
  GtkWidget *cancel = amends_ui_test_find_child (GTK_WIDGET (fixture->dialog), "cancel_button", GTK_TYPE_BUTTON);

  choose (fixture, "Problem", "What went wrong (summary)");
  g_signal_emit_by_name (cancel, "clicked");
  amends_ui_test_drain ();

  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_mapped, ==, 0);
  g_assert_cmpint (format_of_file_read_again (fixture), ==, AMENDS_CSV_FORMAT_UNKNOWN);
}

static void
test_import_guesses_named_columns (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_assert_cmpstr (chosen_label (column_row (fixture, "Summary")), ==, "What went wrong (summary)");
  g_assert_cmpstr (chosen_label (column_row (fixture, "customer")), ==, "Customer");
  g_assert_cmpstr (chosen_label (column_row (fixture, "When it happened")), ==, "When it happened");
  g_assert_cmpstr (chosen_label (column_row (fixture, "Notes")), ==, "Do not import");
  g_assert_true (gtk_widget_get_sensitive (import_button (fixture)));
}

/* Questions besides the columns */

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
click_import (Fixture *fixture)
{
  g_assert_true (gtk_widget_get_sensitive (import_button (fixture)));
  g_signal_emit_by_name (import_button (fixture), "clicked");
  amends_ui_test_drain ();
}

/* Three cases in the database, exported: the file the fixture reads. */
static char *
export_three_cases (Fixture *fixture)
{
  static const char * const summaries[] = { "Cold soup", "Noisy room", "Late check-in" };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    g_object_unref (amends_test_add_case (fixture->db.store, summaries[i], fixture->db.now));

  amends_csv_export_cases (fixture->db.store, out, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
fixture_set_up_own_export (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *exported = NULL;
  g_autofree char *edited = NULL;
  char *at;

  amends_test_db_setup (&fixture->db, NULL);
  exported = export_three_cases (fixture);

  /* Corrected in a spreadsheet before it comes back. */
  at = strstr (exported, "Noisy room");
  g_assert_nonnull (at);
  edited = g_strdup_printf ("%.*sNoisy room 214%s", (int) (at - exported), exported,
                            at + strlen ("Noisy room"));

  fixture_read (fixture, edited, -1);
  g_assert_cmpint (amends_csv_import_get_format (fixture->import), ==, AMENDS_CSV_FORMAT_AMENDS);
  g_assert_true (amends_import_dialog_is_needed (fixture->import));
  fixture_show (fixture);
}

static GPtrArray *
summaries_of (AmendsStore *store)
{
  g_autoptr(GPtrArray) cases = list_cases (store);
  GPtrArray *summaries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (summaries, g_strdup (amends_case_get_summary (cases->pdata[i])));
  return summaries;
}

static void
test_import_own_export_asks (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *existing = child_of (fixture, "existing_group", ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *skip = child_of (fixture, "skip_check", GTK_TYPE_CHECK_BUTTON);
  GtkWidget *update = child_of (fixture, "update_check", GTK_TYPE_CHECK_BUTTON);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Import Cases");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (fixture, "intro_label", GTK_TYPE_LABEL))), ==,
                   "The file holds 3 cases (Amends export). Say how to import them.");

  /* Our own columns need no choosing, and the dates are ISO 8601. */
  g_assert_false (gtk_widget_get_visible (child_of (fixture, "columns_group", ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_false (gtk_widget_get_visible (child_of (fixture, "preview_group", ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_false (gtk_widget_get_visible (child_of (fixture, "dates_group", ADW_TYPE_PREFERENCES_GROUP)));

  g_assert_true (gtk_widget_get_visible (existing));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (existing)), ==,
                   "3 cases already here");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (skip)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (update)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (update), GTK_ACCESSIBLE_PROPERTY_LABEL, "Update them");
}

static void
test_import_own_export_skips (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  click_import (fixture);
  g_assert_cmpuint (fixture->n_mapped, ==, 1);
  g_assert_null (fixture->dialog);
  g_assert_cmpint (amends_csv_import_get_existing (fixture->import), ==, AMENDS_CSV_EXISTING_SKIP);

  g_assert_true (amends_csv_import_run (fixture->import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_get_n_skipped (fixture->import), ==, 3);
  g_assert_cmpuint (amends_csv_import_get_n_imported (fixture->import), ==, 0);

  summaries = summaries_of (fixture->db.store);
  g_assert_cmpuint (summaries->len, ==, 3);
  g_assert_cmpstr (summaries->pdata[1], ==, "Noisy room");
}

static void
test_import_own_export_updates (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *update_row = child_of (fixture, "update_row", ADW_TYPE_ACTION_ROW);

  /* A click on the row chooses it. */
  g_assert_true (gtk_widget_activate (update_row));
  amends_ui_test_drain ();
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child_of (fixture, "update_check", GTK_TYPE_CHECK_BUTTON))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (child_of (fixture, "skip_check", GTK_TYPE_CHECK_BUTTON))));

  click_import (fixture);
  g_assert_cmpuint (fixture->n_mapped, ==, 1);
  g_assert_cmpint (amends_csv_import_get_existing (fixture->import), ==, AMENDS_CSV_EXISTING_UPDATE);

  g_assert_true (amends_csv_import_run (fixture->import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (amends_csv_import_get_n_updated (fixture->import), ==, 3);
  g_assert_cmpuint (amends_csv_import_get_n_imported (fixture->import), ==, 0);

  summaries = summaries_of (fixture->db.store);
  g_assert_cmpuint (summaries->len, ==, 3);
  g_assert_cmpstr (summaries->pdata[0], ==, "Cold soup");
  g_assert_cmpstr (summaries->pdata[1], ==, "Noisy room 214");
  g_assert_cmpstr (summaries->pdata[2], ==, "Late check-in");
}

/* Dates 01/02/2026 in columns of another system: asked beside them. */
static const char european_csv[] =
  "Problem;Guest;When\n"
  "Cold soup;Edward Caulfield;01/02/2026 19:30\n"
  "Noisy room;Mina Park;03/02/2026 23:10\n";

static void
fixture_set_up_european (Fixture       *fixture,
                         gconstpointer  data)
{
  fixture_open (fixture, european_csv);
}

static void
test_import_asks_date_order (Fixture       *fixture,
                             gconstpointer  data)
{
  AdwComboRow *order = ADW_COMBO_ROW (child_of (fixture, "date_order_row", ADW_TYPE_COMBO_ROW));
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_get_visible (child_of (fixture, "dates_group", ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_true (gtk_widget_get_visible (child_of (fixture, "columns_group", ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (order)), ==, "Dates are written as");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (order)), ==, "The file has dates like “01/02/2026 19:30”");
  /* The tests run in the C locale, whose dates are month first. */
  g_assert_cmpstr (chosen_label (order), ==, "month/day/year");

  choose_in_row (order, "day/month/year");
  choose (fixture, "Problem", "What went wrong (summary)");
  choose (fixture, "When", "When it happened");
  click_import (fixture);
  g_assert_cmpuint (fixture->n_mapped, ==, 1);
  g_assert_cmpint (amends_csv_import_get_date_order (fixture->import), ==, AMENDS_CSV_DATE_ORDER_DAY_FIRST);

  g_assert_true (amends_csv_import_run (fixture->import, &error));
  g_assert_no_error (error);
  cases = list_cases (fixture->db.store);
  g_assert_cmpuint (cases->len, ==, 2);
  {
    g_autofree char *first = g_date_time_format (amends_case_get_occurred_at (cases->pdata[0]), "%F %R");
    g_autofree char *second = g_date_time_format (amends_case_get_occurred_at (cases->pdata[1]), "%F %R");

    g_assert_cmpstr (first, ==, "2026-02-01 19:30");
    g_assert_cmpstr (second, ==, "2026-02-03 23:10");
  }
}

/* The dialog's default is the month first too: asked and answered. */
static void
test_import_date_order_as_shown (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  choose (fixture, "Problem", "What went wrong (summary)");
  choose (fixture, "When", "When it happened");
  click_import (fixture);
  g_assert_cmpint (amends_csv_import_get_date_order (fixture->import), ==, AMENDS_CSV_DATE_ORDER_MONTH_FIRST);

  g_assert_true (amends_csv_import_run (fixture->import, &error));
  g_assert_no_error (error);
  cases = list_cases (fixture->db.store);
  {
    g_autofree char *second = g_date_time_format (amends_case_get_occurred_at (cases->pdata[1]), "%F %R");
    g_assert_cmpstr (second, ==, "2026-03-02 23:10");
  }
}

/* A reference column chosen by hand finds the cases already here too. */
static void
fixture_set_up_references (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autofree char *csv = NULL;

  amends_test_db_setup (&fixture->db, NULL);
  kase = amends_test_add_case (fixture->db.store, "Cold soup", fixture->db.now);
  csv = g_strdup_printf ("Ticket;Problem\n%s;Cold soup\nC-1999-00001;Lift\n",
                         amends_case_get_reference (kase));
  fixture_read (fixture, csv, -1);
  fixture_show (fixture);
}

static void
test_import_reference_column_counts (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkWidget *existing = child_of (fixture, "existing_group", ADW_TYPE_PREFERENCES_GROUP);

  g_assert_false (gtk_widget_get_visible (existing));
  choose (fixture, "Ticket", "Reference");
  g_assert_true (gtk_widget_get_visible (existing));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (existing)), ==,
                   "1 case already here");
  choose (fixture, "Ticket", "Do not import");
  g_assert_false (gtk_widget_get_visible (existing));
}

/* More than 100,000 rows: Import asks once more, in a message dialog. */
static void
fixture_set_up_large (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("summary\n");

  for (guint i = 0; i <= AMENDS_CSV_MAX_ROWS_UNCONFIRMED; i++)
    g_string_append (csv, "Cold soup\n");

  amends_test_db_setup (&fixture->db, NULL);
  fixture_read (fixture, csv->str, csv->len);
  g_assert_true (amends_csv_import_needs_confirmation (fixture->import));
  g_assert_true (amends_import_dialog_is_needed (fixture->import));
  fixture_show (fixture);
}

static void
test_import_large_asks_once_more (Fixture       *fixture,
                                  gconstpointer  data)
{
  AdwMessageDialog *confirm;
  g_autoptr(GError) error = NULL;

  g_assert_null (find_message_dialog ());
  click_import (fixture);

  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (confirm)) == GTK_WINDOW (fixture->dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Import 100001 Cases?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "100001 cases, more than the 100000"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (confirm), ==, "cancel");

  /* No: back to the dialog, nothing decided. */
  adw_message_dialog_response (confirm, "cancel");
  gtk_window_close (GTK_WINDOW (confirm));
  amends_ui_test_drain ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (fixture->n_mapped, ==, 0);
  g_assert_nonnull (fixture->dialog);
  g_assert_false (amends_csv_import_get_confirmed_large (fixture->import));

  click_import (fixture);
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  /* As a click on the button does: the response, then the dialog closes. */
  adw_message_dialog_response (confirm, "import");
  gtk_window_close (GTK_WINDOW (confirm));
  amends_ui_test_drain ();
  g_assert_cmpuint (fixture->n_mapped, ==, 1);
  g_assert_null (fixture->dialog);
  g_assert_true (amends_csv_import_get_confirmed_large (fixture->import));
  g_assert_true (amends_csv_import_validate (fixture->import, &error));
  g_assert_no_error (error);
}

/* A field of nearly 1 MB shows its start only, in the row and in the
 * preview: the widgets never hold the whole of it. */
static void
fixture_set_up_long_field (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("Problem;Notes\nCold soup;");

  for (guint i = 0; i < 1000 * 1000; i++)
    g_string_append_c (csv, 'a' + i % 26);
  g_string_append (csv, "\n");
  fixture_open (fixture, csv->str);
}

static void
test_import_long_field_stays_short (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkGrid *grid = GTK_GRID (child_of (fixture, "preview_grid", GTK_TYPE_GRID));
  GtkWidget *cell = gtk_grid_get_child_at (grid, 1, 1);
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (column_row (fixture, "Notes")));

  g_assert_true (GTK_IS_LABEL (cell));
  g_assert_cmpuint (g_utf8_strlen (gtk_label_get_label (GTK_LABEL (cell)), -1), ==, 200);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (cell)), "abcdefghij"));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (cell)), "…"));
  g_assert_cmpuint (g_utf8_strlen (gtk_widget_get_tooltip_text (cell), -1), ==, 200);
  g_assert_cmpuint (g_utf8_strlen (subtitle, -1), ==, 40);
}

/* A file of ours with new cases only and ISO dates needs no dialog. */
static void
test_import_nothing_to_ask (void)
{
  AmendsTestDb db = { 0 };
  g_autoptr(AmendsCsvImport) import = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  static const char csv[] = "reference,summary,occurred_at\nC-2026-00042,Cold soup,2026-11-12T19:30:00Z\n";

  amends_test_db_setup (&db, NULL);
  import = amends_csv_import_new (db.store);
  in = g_memory_input_stream_new_from_data (csv, -1, NULL);
  amends_csv_import_read (import, in, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (amends_import_dialog_is_needed (import));
  g_clear_object (&import);
  amends_test_db_teardown (&db, NULL);
}

/* Screenshots, for people to look at (not compared with anything) */

static void
save_png (GtkWidget  *widget,
          const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  gtk_test_widget_wait_for_draw (widget);
  amends_ui_test_drain ();
  amends_ui_test_save_png (widget, path);
}

static void
test_import_screenshot (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *dir = g_getenv ("AMENDS_SCREENSHOT_DIR");

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("Set AMENDS_SCREENSHOT_DIR to a folder to save screenshots");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  save_png (GTK_WIDGET (fixture->dialog), dir, "import-columns.png");

  choose (fixture, "Problem", "What went wrong (summary)");
  choose (fixture, "Guest", "Customer");
  choose (fixture, "When", "When it happened");
  save_png (GTK_WIDGET (fixture->dialog), dir, "import-columns-chosen.png");

  {
    AdwComboRow *row = column_row (fixture, "Guest");
    GtkWidget *popover;

    g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
    popover = amends_ui_test_find_child (GTK_WIDGET (row), NULL, GTK_TYPE_POPOVER);
    save_png (popover, dir, "import-columns-list.png");
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
}

/* The questions of a file Amends knows: cases already here, and the
 * dates of another one. */
static void
test_import_screenshot_questions (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *dir = g_getenv ("AMENDS_SCREENSHOT_DIR");

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("Set AMENDS_SCREENSHOT_DIR to a folder to save screenshots");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  save_png (GTK_WIDGET (fixture->dialog), dir,
            gtk_widget_get_visible (child_of (fixture, "dates_group", ADW_TYPE_PREFERENCES_GROUP))
            ? "import-columns-and-dates.png" : "import-cases-already-here.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = amends_test_make_dir ();
  int status;

  /* Before anything reads it: remembered columns go to a folder of our own. */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("TZ", "UTC", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_assert_cmpstr (g_get_user_config_dir (), ==, config_home);

#define ADD_TEST(path, func, setup) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD_TEST ("/ui/import/shows-a-row-per-column", test_import_shows_a_row_per_column, fixture_set_up);
  ADD_TEST ("/ui/import/previews-first-rows", test_import_previews_first_rows, fixture_set_up);
  ADD_TEST ("/ui/import/needs-a-summary-column", test_import_needs_a_summary_column, fixture_set_up);
  ADD_TEST ("/ui/import/maps-remembers-and-imports", test_import_maps_remembers_and_imports, fixture_set_up);
  ADD_TEST ("/ui/import/a-field-comes-from-one-column", test_import_a_field_comes_from_one_column, fixture_set_up);
  ADD_TEST ("/ui/import/escape-closes-without-saving", test_import_escape_closes_without_saving, fixture_set_up);
  ADD_TEST ("/ui/import/cancel-closes-without-saving", test_import_cancel_closes_without_saving, fixture_set_up);
  ADD_TEST ("/ui/import/guesses-named-columns", test_import_guesses_named_columns, fixture_set_up_known);
  ADD_TEST ("/ui/import/own-export-again-asks-skip-or-update", test_import_own_export_asks, fixture_set_up_own_export);
  ADD_TEST ("/ui/import/own-export-again-skips-by-default", test_import_own_export_skips, fixture_set_up_own_export);
  ADD_TEST ("/ui/import/own-export-again-updates-when-chosen", test_import_own_export_updates, fixture_set_up_own_export);
  ADD_TEST ("/ui/import/ambiguous-dates-asked-beside-the-columns", test_import_asks_date_order, fixture_set_up_european);
  ADD_TEST ("/ui/import/ambiguous-dates-read-as-shown", test_import_date_order_as_shown, fixture_set_up_european);
  ADD_TEST ("/ui/import/reference-column-counts-cases-already-here", test_import_reference_column_counts, fixture_set_up_references);
  ADD_TEST ("/ui/import/over-100000-rows-asks-once-more", test_import_large_asks_once_more, fixture_set_up_large);
  ADD_TEST ("/ui/import/long-field-stays-short-in-widgets", test_import_long_field_stays_short, fixture_set_up_long_field);
  g_test_add_func ("/ui/import/nothing-to-ask-for-a-plain-file", test_import_nothing_to_ask);
  ADD_TEST ("/ui/import/screenshot", test_import_screenshot, fixture_set_up);
  ADD_TEST ("/ui/import/screenshot-questions", test_import_screenshot_questions, fixture_set_up_own_export);
  ADD_TEST ("/ui/import/screenshot-dates", test_import_screenshot_questions, fixture_set_up_european);

#undef ADD_TEST

  status = g_test_run ();
  amends_test_remove_dir (config_home);

  return status;
}
