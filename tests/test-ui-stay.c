/* test-ui-stay.c: the guest's stay in the real window, as a person uses it
 *
 * A room and a departure typed into the editor are saved; the clock and
 * the case's row in the list say when the guest leaves, and flag a case
 * due after that; the customer card lists the room's other cases, and
 * choosing one selects it.  "Now" is Wednesday 18 November 2026, 10:00 UTC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include "amends-application.h"
#include "amends-case-editor.h"
#include "amends-case-row.h"
#include "amends-case-sidebar.h"
#include "amends-intake-dialog.h"
#include "amends-test-utils.h"
#include "amends-window.h"

static AmendsApplication *app;

typedef struct
{
  AmendsTestDb  db;
  GSettings    *settings;
  AmendsWindow *window;
  gint64        case_id;      /* "Cold shower", happened 09:00, due tomorrow 09:00 */
  gint64        earlier_id;   /* "Dripping tap", room 112, ten days ago */
  gint64        spa_id;       /* "Towels missing", the Spa */
} Fixture;

static gint64
add_case (Fixture    *f,
          const char *summary,
          const char *occurred,
          const char *room)
{
  g_autoptr(GDateTime) when = amends_test_time (occurred);
  g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summary, when);
  g_autoptr(GError) error = NULL;

  if (room != NULL)
    {
      g_object_set (kase, "room", room, NULL);
      amends_store_update (f->db.store, AMENDS_RECORD (kase), &error);
      g_assert_no_error (error);
    }

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;

  amends_test_db_setup (&f->db, data);
  ada = amends_test_add_staff (f->db.store, "Ada Moreau");

  f->settings = g_settings_new (APP_ID);
  g_settings_set_int64 (f->settings, "current-staff", amends_record_get_id (AMENDS_RECORD (ada)));
  amends_application_set_store (app, f->db.store);

  f->earlier_id = add_case (f, "Dripping tap", "2026-11-08T20:00:00Z", "112");
  f->spa_id = add_case (f, "Towels missing", "2026-11-12T16:00:00Z", "Spa");
  f->case_id = add_case (f, "Cold shower", "2026-11-18T09:00:00Z", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  g_assert_null (f->window);

  amends_application_set_store (app, NULL);
  g_clear_object (&f->settings);
  amends_test_db_teardown (&f->db, data);
}

static GtkWidget *
window_child (Fixture    *f,
              const char *id,
              GType       type)
{
  GtkWidget *child = amends_ui_test_find_child (GTK_WIDGET (f->window), id, type);

  g_assert_nonnull (child);
  return child;
}

static AmendsCaseSidebar *
sidebar_of (Fixture *f)
{
  return AMENDS_CASE_SIDEBAR (window_child (f, "sidebar", AMENDS_TYPE_CASE_SIDEBAR));
}

static AmendsCaseEditor *
editor_of (Fixture *f)
{
  return AMENDS_CASE_EDITOR (window_child (f, NULL, AMENDS_TYPE_CASE_EDITOR));
}

static GtkWidget *
editor_child (Fixture    *f,
              const char *id,
              GType       type)
{
  GtkWidget *child = amends_ui_test_find_child (GTK_WIDGET (editor_of (f)), id, type);

  g_assert_nonnull (child);
  return child;
}

static gboolean
three_cases_listed (gpointer data)
{
  Fixture *f = data;
  GtkListView *view = GTK_LIST_VIEW (amends_ui_test_find_child (GTK_WIDGET (sidebar_of (f)), "list_view", GTK_TYPE_LIST_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))) == 3;
}

static void
open_window (Fixture *f)
{
  f->window = amends_window_new (GTK_APPLICATION (app), f->db.store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  amends_ui_test_wait_until (three_cases_listed, f);
}

typedef struct
{
  Fixture *f;
  gint64   case_id;
} Expect;

static gboolean
case_is_selected (gpointer data)
{
  Expect *expect = data;
  AmendsCase *selected = amends_case_sidebar_get_selected_case (sidebar_of (expect->f));

  return selected != NULL && amends_record_get_id (AMENDS_RECORD (selected)) == expect->case_id &&
         amends_case_editor_get_case_id (editor_of (expect->f)) == expect->case_id;
}

static void
select_case (Fixture *f,
             gint64   case_id)
{
  Expect expect = { f, case_id };

  g_assert_true (amends_case_sidebar_select_case (sidebar_of (f), case_id));
  amends_ui_test_wait_until (case_is_selected, &expect);
}

/* The row the list shows for @case_id, or NULL while it is not drawn. */
static AmendsCaseRow *
row_of (Fixture *f,
        gint64   case_id)
{
  GtkWidget *view = amends_ui_test_find_child (GTK_WIDGET (sidebar_of (f)), "list_view", GTK_TYPE_LIST_VIEW);

  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      AmendsCase *kase;

      if (row == NULL || !AMENDS_IS_CASE_ROW (row))
        continue;
      kase = amends_case_row_get_case (AMENDS_CASE_ROW (row));
      if (kase != NULL && amends_record_get_id (AMENDS_RECORD (kase)) == case_id)
        return AMENDS_CASE_ROW (row);
    }

  return NULL;
}

static AmendsCase *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AmendsCase *kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->case_id, &error);

  g_assert_no_error (error);
  return kase;
}

typedef struct
{
  Fixture    *f;
  const char *room;
  gint64      departure;   /* Unix seconds */
} StayExpect;

static gboolean
stay_is_stored (gpointer data)
{
  StayExpect *expect = data;
  g_autoptr(AmendsCase) kase = stored (expect->f);
  GDateTime *departure = amends_case_get_departure_at (kase);

  return g_strcmp0 (amends_case_get_room (kase), expect->room) == 0 &&
         departure != NULL && g_date_time_to_unix (departure) == expect->departure;
}

static gboolean
row_says_leaves_today (gpointer data)
{
  Fixture *f = data;
  AmendsCaseRow *row = row_of (f, f->case_id);
  GtkWidget *label = row ? amends_ui_test_find_child (GTK_WIDGET (row), "stay_label", GTK_TYPE_LABEL) : NULL;

  return label != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), "leaves today 18:00") == 0;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *path = g_build_filename (amends_ui_test_screenshot_dir (), name, NULL);

  gtk_test_widget_wait_for_draw (widget);
  amends_ui_test_save_png (widget, path);
  g_test_message ("Saved %s", path);
}

static void
test_stay_typed_and_told (Fixture       *f,
                          gconstpointer  data)
{
  StayExpect tomorrow = { f, "112", 1795086000 };   /* 2026-11-19T11:00:00Z */
  StayExpect tonight = { f, "112", 1795024800 };    /* 2026-11-18T18:00:00Z */
  AdwExpanderRow *stay_row;
  GtkWidget *flag;
  GtkWidget *row_flag;
  AmendsCaseRow *row;
  const char *detail;

  open_window (f);
  select_case (f, f->case_id);

  /* Nothing of a stay yet: one folded row, and no word of it on the clock. */
  stay_row = ADW_EXPANDER_ROW (editor_child (f, "stay_row", ADW_TYPE_EXPANDER_ROW));
  g_assert_false (adw_expander_row_get_expanded (stay_row));
  detail = gtk_label_get_label (GTK_LABEL (editor_child (f, "clock_detail_label", GTK_TYPE_LABEL)));
  g_assert_null (strstr (detail, "leaves"));
  flag = editor_child (f, "stay_flag_box", GTK_TYPE_BOX);
  g_assert_false (gtk_widget_get_visible (flag));

  adw_expander_row_set_expanded (stay_row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (f, "room_row", ADW_TYPE_ENTRY_ROW)), "112");
  gtk_editable_set_text (GTK_EDITABLE (editor_child (f, "departure_row", ADW_TYPE_ENTRY_ROW)), "tomorrow 11:00");
  amends_ui_test_wait_until (stay_is_stored, &tomorrow);
  amends_ui_test_drain ();

  /* Due tomorrow 09:00, they leave at 11:00: told, not flagged. */
  detail = gtk_label_get_label (GTK_LABEL (editor_child (f, "clock_detail_label", GTK_TYPE_LABEL)));
  g_assert_nonnull (strstr (detail, "leaves tomorrow 11:00"));
  g_assert_false (gtk_widget_get_visible (flag));
  g_assert_cmpstr (adw_expander_row_get_subtitle (stay_row), ==, "112 · leaves tomorrow 11:00");

  /* They leave tonight: recovery must come before. */
  gtk_editable_set_text (GTK_EDITABLE (editor_child (f, "departure_row", ADW_TYPE_ENTRY_ROW)), "18:00");
  amends_ui_test_wait_until (stay_is_stored, &tonight);
  amends_ui_test_drain ();

  detail = gtk_label_get_label (GTK_LABEL (editor_child (f, "clock_detail_label", GTK_TYPE_LABEL)));
  g_assert_nonnull (strstr (detail, "leaves today 18:00"));
  g_assert_true (gtk_widget_get_visible (flag));

  /* The list's row says it too, in words and with its marker. */
  amends_ui_test_wait_until (row_says_leaves_today, f);
  row = row_of (f, f->case_id);
  row_flag = amends_ui_test_find_child (GTK_WIDGET (row), "stay_flag_box", GTK_TYPE_BOX);
  g_assert_nonnull (row_flag);
  g_assert_true (gtk_widget_get_visible (row_flag));
  /* The others, with no departure, say nothing of one. */
  g_assert_false (gtk_widget_get_visible (amends_ui_test_find_child (GTK_WIDGET (row_of (f, f->spa_id)),
                                                                     "stay_label", GTK_TYPE_LABEL)));
  g_assert_false (gtk_widget_get_visible (amends_ui_test_find_child (GTK_WIDGET (row_of (f, f->spa_id)),
                                                                     "stay_flag_box", GTK_TYPE_BOX)));

  save_screenshot (GTK_WIDGET (f->window), "stay-editor.png");
  save_screenshot (GTK_WIDGET (row), "stay-list-row.png");
  /* The group itself, scrolled to the top of the editor. */
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (editor_child (f, "scroller", GTK_TYPE_SCROLLED_WINDOW));
    GtkWidget *group = editor_child (f, "stay_group", GTK_TYPE_WIDGET);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (group, gtk_scrolled_window_get_child (scroller),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 300);
    save_screenshot (GTK_WIDGET (f->window), "stay-editor-group.png");
  }
}

static GtkListBoxRow *
first_row (GtkListBox *list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  g_assert_nonnull (row);
  return row;
}

static void
test_same_room_on_card (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = stored (f);
  g_autoptr(GError) error = NULL;
  Expect earlier = { f, f->earlier_id };
  GtkWidget *group;
  GtkListBox *list;
  GtkListBoxRow *row;

  g_object_set (kase, "room", "112", NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  open_window (f);
  select_case (f, f->spa_id);

  /* The Spa has no other case: no "Same Room" at all. */
  group = editor_child (f, "room_group", ADW_TYPE_PREFERENCES_GROUP);
  g_assert_false (gtk_widget_get_visible (group));

  select_case (f, f->case_id);
  g_assert_true (gtk_widget_get_visible (group));
  list = GTK_LIST_BOX (editor_child (f, "room_list", GTK_TYPE_LIST_BOX));
  row = first_row (list);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Dripping tap");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   amends_case_get_reference (kase) ? "C-" : "C-"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "8 Nov 2026"));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));

  save_screenshot (GTK_WIDGET (group), "stay-same-room.png");

  /* Chosen, it is the case selected in the list and shown. */
  g_signal_emit_by_name (list, "row-activated", row);
  amends_ui_test_wait_until (case_is_selected, &earlier);
}

static gboolean
case_was_logged (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GError) error = NULL;

  return amends_store_count_cases (f->db.store, &error) == 4;
}

static GtkWindow *
find_intake (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (AMENDS_IS_INTAKE_DIALOG (window))
        return window;
    }

  return NULL;
}

/* The quick intake takes a room too, and nothing else of the stay. */
static void
test_intake_room (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *intake;

  open_window (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL));
  amends_ui_test_drain ();
  intake = find_intake ();
  g_assert_nonnull (intake);

  gtk_editable_set_text (GTK_EDITABLE (amends_ui_test_find_child (GTK_WIDGET (intake), "summary_row", ADW_TYPE_ENTRY_ROW)),
                         "Kettle broken");
  gtk_editable_set_text (GTK_EDITABLE (amends_ui_test_find_child (GTK_WIDGET (intake), "room_row", ADW_TYPE_ENTRY_ROW)),
                         " 214 ");
  g_assert_null (amends_ui_test_find_child (GTK_WIDGET (intake), "departure_row", GTK_TYPE_WIDGET));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (intake), "intake.log", NULL));
  amends_ui_test_wait_until (case_was_logged, f);

  cases = amends_store_list_room_cases (f->db.store, "214", 0, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The words are checked in English, the times in UTC. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  ADD_TEST ("/ui/stay/typed-saved-and-told", test_stay_typed_and_told);
  ADD_TEST ("/ui/stay/same-room-on-customer-card", test_same_room_on_card);
  ADD_TEST ("/ui/stay/intake-takes-a-room", test_intake_room);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
