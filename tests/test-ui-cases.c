/* test-ui-cases.c: the Cases screen in the real window, as a person uses it
 *
 * The widgets have tests of their own (test-ui-intake, -sidebar, -editor);
 * these follow a person through the window: log a case, find it, trash it
 * and take it back, act on several cases at once and undo that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include <gtk/gtkunixprint.h>

#include "amends-application.h"
#include "amends-case-editor.h"
#include "amends-case-list.h"
#include "amends-case-sidebar.h"
#include "amends-demo.h"
#include "amends-import-dialog.h"
#include "amends-intake-dialog.h"
#include "amends-test-utils.h"
#include "amends-window-private.h"

static AmendsApplication *app;

typedef struct
{
  AmendsTestDb  db;
  GSettings    *settings;
  AmendsWindow *window;
  gint64        ada_id;
} Fixture;

static void
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  amends_ui_test_wait_until (done, data);
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

static GListModel *
shown_cases (Fixture *f)
{
  GtkListView *view = GTK_LIST_VIEW (amends_ui_test_find_child (GTK_WIDGET (sidebar_of (f)), "list_view", GTK_TYPE_LIST_VIEW));

  return G_LIST_MODEL (gtk_list_view_get_model (view));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;

  amends_test_db_setup (&f->db, data);
  ada = amends_test_add_staff (f->db.store, "Ada Moreau");
  f->ada_id = amends_record_get_id (AMENDS_RECORD (ada));

  f->settings = g_settings_new (APP_ID);
  g_settings_set_int64 (f->settings, "current-staff", f->ada_id);
  amends_application_set_store (app, f->db.store);
}

static void
open_window (Fixture *f)
{
  f->window = amends_window_new (GTK_APPLICATION (app), f->db.store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
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

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

typedef struct
{
  Fixture *f;
  gint64   case_id;
  guint    n;
} Expect;

static gboolean
case_is_selected (gpointer data)
{
  Expect *expect = data;
  AmendsCase *selected = amends_case_sidebar_get_selected_case (sidebar_of (expect->f));

  return selected != NULL && amends_record_get_id (AMENDS_RECORD (selected)) == expect->case_id;
}

static gboolean
list_has_n (gpointer data)
{
  Expect *expect = data;

  return g_list_model_get_n_items (shown_cases (expect->f)) == expect->n;
}

static void press_ctrl_z (Fixture *f);

static gint64 logged_id;

static void
on_case_logged (AmendsIntakeDialog *dialog,
                gint64              case_id,
                gpointer            user_data)
{
  logged_id = case_id;
}

static gboolean
case_was_logged (gpointer data)
{
  return logged_id != 0;
}

/* The focus is on the list's row of the case expected (issue 13: it was
 * left on the "+" button). */
static gboolean
focus_is_on_case_row (gpointer data)
{
  Expect *expect = data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (expect->f->window));
  GtkListView *view = GTK_LIST_VIEW (amends_ui_test_find_child (GTK_WIDGET (sidebar_of (expect->f)), "list_view", GTK_TYPE_LIST_VIEW));

  if (focus == NULL)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      g_autoptr(AmendsCase) kase = NULL;

      if (row == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (row), "case") == NULL)
        continue;
      g_object_get (row, "case", &kase, NULL);
      if (kase != NULL && amends_record_get_id (AMENDS_RECORD (kase)) == expect->case_id)
        return focus == child || gtk_widget_is_ancestor (focus, child);
    }

  return FALSE;
}

static void
test_log_find_trash_undo (Fixture       *f,
                          gconstpointer  data)
{
  GtkStack *cases_stack;
  GtkWindow *intake;
  GtkWidget *summary;
  GtkWidget *search;
  AmendsCaseEditor *editor;
  Expect expect = { f, 0, 0 };

  open_window (f);
  cases_stack = GTK_STACK (window_child (f, "cases_stack", GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (cases_stack), ==, "empty");

  /* Ctrl+N's action opens the intake; what went wrong, then Log. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL));
  amends_ui_test_drain ();
  intake = find_toplevel (AMENDS_TYPE_INTAKE_DIALOG);
  g_assert_nonnull (intake);
  g_signal_connect (intake, "case-logged", G_CALLBACK (on_case_logged), NULL);
  summary = amends_ui_test_find_child (GTK_WIDGET (intake), "summary_row", ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (summary);
  gtk_editable_set_text (GTK_EDITABLE (summary), "Only one lapel pin for two children");
  amends_ui_test_drain ();
  logged_id = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (intake), "intake.log", NULL));
  wait_for (case_was_logged, NULL);

  /* The new case is selected, in the editor, its clock started, and the
   * focus is on its row. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (cases_stack), ==, "browse");
  expect.case_id = logged_id;
  wait_for (case_is_selected, &expect);
  wait_for (focus_is_on_case_row, &expect);
  editor = AMENDS_CASE_EDITOR (amends_ui_test_find_child (GTK_WIDGET (f->window), NULL, AMENDS_TYPE_CASE_EDITOR));
  g_assert_cmpint (amends_case_editor_get_case_id (editor), ==, logged_id);
  {
    g_autoptr(AmendsCase) kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, logged_id, NULL);
    g_assert_cmpint (amends_case_get_owner_id (kase), ==, f->ada_id);
    g_assert_nonnull (amends_case_get_recovery_due_at (kase));
  }

  /* Another case, then search finds the first by a word of it. */
  {
    g_autoptr(AmendsCase) other = amends_test_add_case (f->db.store, "Cold soup at dinner", NULL);
  }
  expect.n = 2;
  wait_for (list_has_n, &expect);
  search = amends_ui_test_find_child (GTK_WIDGET (sidebar_of (f)), "search_entry", GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "lapel");
  expect.n = 1;
  wait_for (list_has_n, &expect);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  expect.n = 2;
  wait_for (list_has_n, &expect);
  amends_case_sidebar_select_case (sidebar_of (f), logged_id);
  wait_for (case_is_selected, &expect);

  /* Ctrl+Delete moves it to the trash; the toast's Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-cases", NULL));
  amends_ui_test_drain ();
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 1);
  expect.n = 1;
  wait_for (list_has_n, &expect);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  amends_ui_test_drain ();
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 2);
  expect.n = 2;
  wait_for (list_has_n, &expect);
}

/* The editor beside the list shows the case selected in it: the reference
 * in its header and its own case id agree with the list's selection. */
static void
assert_editor_shows_selection (Fixture *f)
{
  AmendsCaseEditor *editor = AMENDS_CASE_EDITOR (window_child (f, NULL, AMENDS_TYPE_CASE_EDITOR));
  GtkLabel *reference = GTK_LABEL (amends_ui_test_find_child (GTK_WIDGET (editor), "reference_label", GTK_TYPE_LABEL));
  AmendsCase *selected = amends_case_sidebar_get_selected_case (sidebar_of (f));

  g_assert_nonnull (selected);
  g_assert_cmpint (amends_case_editor_get_case_id (editor), ==, amends_record_get_id (AMENDS_RECORD (selected)));
  g_assert_cmpstr (gtk_label_get_label (reference), ==, amends_case_get_reference (selected));
}

static GtkWidget *
row_widget_at (Fixture *f,
               guint    position)
{
  GtkListView *view = GTK_LIST_VIEW (amends_ui_test_find_child (GTK_WIDGET (sidebar_of (f)), "list_view", GTK_TYPE_LIST_VIEW));
  g_autoptr(AmendsCase) wanted = g_list_model_get_item (shown_cases (f), position);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (row), "case") != NULL)
        {
          g_autoptr(AmendsCase) kase = NULL;

          g_object_get (row, "case", &kase, NULL);
          if (kase == wanted)
            return child;
        }
    }

  g_assert_not_reached ();
  return NULL;
}

/* A click on a row, as GTK 4.8 handles it: the item's "listitem.select". */
static void
click_case (Fixture *f,
            guint    position)
{
  g_assert_true (gtk_widget_activate_action (row_widget_at (f, position), "listitem.select", "(bb)", FALSE, FALSE));
  amends_ui_test_drain ();
}

static gboolean
editor_is_empty (gpointer data)
{
  Fixture *f = data;
  AmendsCaseEditor *editor = AMENDS_CASE_EDITOR (window_child (f, NULL, AMENDS_TYPE_CASE_EDITOR));

  return amends_case_editor_get_case_id (editor) == 0;
}

static void
test_editor_follows_selection (Fixture       *f,
                               gconstpointer  data)
{
  static const char *summaries[] = {
    "Cold soup at dinner", "Lost reservation", "Noisy room above the bar",
    "Wrong bill at checkout", "Late breakfast tray", "Broken kettle",
  };
  g_autoptr(AmendsCustomer) guest = amends_test_add_customer (f->db.store, "Léa Martin", NULL);
  gint64 ids[G_N_ELEMENTS (summaries)];
  Expect expect = { f, 0, G_N_ELEMENTS (summaries) };
  AmendsCaseEditor *editor;
  GtkWidget *summary;
  GtkWidget *search;
  GtkWindow *intake;
  gint64 typed_id;

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summaries[i], NULL);

      /* Two of them are the same guest's, for the customer card's link. */
      if (i == 1 || i == 4)
        {
          g_object_set (kase, "customer-id", amends_record_get_id (AMENDS_RECORD (guest)), NULL);
          g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (kase), NULL));
        }
      ids[i] = amends_record_get_id (AMENDS_RECORD (kase));
    }

  open_window (f);
  wait_for (list_has_n, &expect);
  editor = AMENDS_CASE_EDITOR (window_child (f, NULL, AMENDS_TYPE_CASE_EDITOR));

  /* By mouse: one case after another, out of order. */
  click_case (f, 0);
  assert_editor_shows_selection (f);
  click_case (f, 3);
  assert_editor_shows_selection (f);
  click_case (f, 5);
  assert_editor_shows_selection (f);
  click_case (f, 1);
  assert_editor_shows_selection (f);

  /* What was typed into one case is saved to that case when the next is
   * picked, before the usual pause has passed. */
  typed_id = amends_case_editor_get_case_id (editor);
  summary = amends_ui_test_find_child (GTK_WIDGET (editor), "summary_row", ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (summary), "Lost reservation for the anniversary dinner");
  click_case (f, 2);
  assert_editor_shows_selection (f);
  {
    g_autoptr(AmendsCase) stored = amends_store_load (f->db.store, AMENDS_TYPE_CASE, typed_id, NULL);
    g_assert_cmpstr (amends_case_get_summary (stored), ==, "Lost reservation for the anniversary dinner");
  }
  {
    g_autoptr(AmendsCase) other = amends_store_load (f->db.store, AMENDS_TYPE_CASE,
                                                     amends_case_editor_get_case_id (editor), NULL);
    g_assert_cmpstr (amends_case_get_summary (other), !=, "Lost reservation for the anniversary dinner");
  }

  /* By keyboard: Alt+Down twice, Alt+Up once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-case", NULL));
  amends_ui_test_drain ();
  assert_editor_shows_selection (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-case", NULL));
  amends_ui_test_drain ();
  assert_editor_shows_selection (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-case", NULL));
  amends_ui_test_drain ();
  assert_editor_shows_selection (f);

  /* An earlier case of the same guest, from the customer card. */
  expect.case_id = ids[1];
  amends_case_sidebar_select_case (sidebar_of (f), ids[1]);
  wait_for (case_is_selected, &expect);
  assert_editor_shows_selection (f);
  {
    GtkListBox *earlier = GTK_LIST_BOX (amends_ui_test_find_child (GTK_WIDGET (editor), "cases_list", GTK_TYPE_LIST_BOX));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (earlier, 0);

    g_assert_nonnull (row);
    g_signal_emit_by_name (earlier, "row-activated", row);
  }
  expect.case_id = ids[4];
  wait_for (case_is_selected, &expect);
  assert_editor_shows_selection (f);

  /* After a quick intake, the new case. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL));
  amends_ui_test_drain ();
  intake = find_toplevel (AMENDS_TYPE_INTAKE_DIALOG);
  g_assert_nonnull (intake);
  g_signal_connect (intake, "case-logged", G_CALLBACK (on_case_logged), NULL);
  gtk_editable_set_text (GTK_EDITABLE (amends_ui_test_find_child (GTK_WIDGET (intake), "summary_row", ADW_TYPE_ENTRY_ROW)),
                         "Towels missing in room 12");
  amends_ui_test_drain ();
  logged_id = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (intake), "intake.log", NULL));
  wait_for (case_was_logged, NULL);
  expect.case_id = logged_id;
  wait_for (case_is_selected, &expect);
  wait_for (focus_is_on_case_row, &expect);
  assert_editor_shows_selection (f);

  /* A search that leaves the selected case out empties the editor; the
   * case comes back with it when the search is cleared. */
  click_case (f, 0);
  expect.case_id = amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (sidebar_of (f))));
  search = amends_ui_test_find_child (GTK_WIDGET (sidebar_of (f)), "search_entry", GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "kettle");
  if (expect.case_id == ids[5])
    gtk_editable_set_text (GTK_EDITABLE (search), "soup");
  wait_for (editor_is_empty, f);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_for (case_is_selected, &expect);
  assert_editor_shows_selection (f);

  /* Trash it, then Undo: the case is back in the list and in the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-cases", NULL));
  wait_for (editor_is_empty, f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  wait_for (case_is_selected, &expect);
  assert_editor_shows_selection (f);
}

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

typedef struct
{
  GtkWidget  *view;
  const char *text;
} ViewHas;

static gboolean
view_has_text (gpointer data)
{
  ViewHas *has = data;
  g_autofree char *text = text_view_text (has->view);

  return g_str_equal (text, has->text);
}

/* A clerk goes through cases by keyboard, typing, while another desk's
 * program writes to the same database: each sees the other's changes,
 * and nobody's change is written over. */
static void
test_walk_while_another_writes (Fixture       *f,
                                gconstpointer  data)
{
  static const char *summaries[] = { "Cold soup", "Wrong bill", "Noisy room" };
  g_autoptr(AmendsStore) other = NULL;
  gint64 ids[G_N_ELEMENTS (summaries)];
  Expect expect = { f, 0, G_N_ELEMENTS (summaries) };
  AmendsCaseEditor *editor;
  GtkWidget *description;
  GtkWidget *fix;

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summaries[i], NULL);
      ids[i] = amends_record_get_id (AMENDS_RECORD (kase));
    }

  open_window (f);
  wait_for (list_has_n, &expect);
  editor = AMENDS_CASE_EDITOR (window_child (f, NULL, AMENDS_TYPE_CASE_EDITOR));
  description = amends_ui_test_find_child (GTK_WIDGET (editor), "description_view", GTK_TYPE_TEXT_VIEW);
  fix = amends_ui_test_find_child (GTK_WIDGET (editor), "fix_view", GTK_TYPE_TEXT_VIEW);

  /* Another program: a connection of its own on the same file. */
  other = amends_store_open (f->db.path, NULL);
  g_assert_nonnull (other);

  click_case (f, 0);
  assert_editor_shows_selection (f);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (description)),
                            "Served cold at the wedding table", -1);

  /* Meanwhile the other desk writes the fix of the case shown, and of
   * another. */
  {
    g_autoptr(AmendsCase) shown = amends_store_load (other, AMENDS_TYPE_CASE, amends_case_editor_get_case_id (editor), NULL);
    g_autoptr(AmendsCase) next = NULL;

    g_object_set (shown, "fix", "A fresh bowl from the kitchen", NULL);
    g_assert_true (amends_store_update (other, AMENDS_RECORD (shown), NULL));
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      if (ids[i] != amends_case_editor_get_case_id (editor))
        {
          next = amends_store_load (other, AMENDS_TYPE_CASE, ids[i], NULL);
          break;
        }
    g_object_set (next, "lesson", "Check the room list twice", NULL);
    g_assert_true (amends_store_update (other, AMENDS_RECORD (next), NULL));
  }

  /* The open editor shows the other desk's fix, and keeps what is typed. */
  {
    ViewHas has = { fix, "A fresh bowl from the kitchen" };
    wait_for (view_has_text, &has);
  }
  {
    g_autofree char *typed = text_view_text (description);
    g_assert_cmpstr (typed, ==, "Served cold at the wedding table");
  }

  /* On to the next cases by keyboard, and back. */
  {
    gint64 first = amends_case_editor_get_case_id (editor);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-case", NULL));
    amends_ui_test_drain ();
    assert_editor_shows_selection (f);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-case", NULL));
    amends_ui_test_drain ();
    assert_editor_shows_selection (f);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-case", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-case", NULL));
    amends_ui_test_drain ();
    assert_editor_shows_selection (f);
    g_assert_cmpint (amends_case_editor_get_case_id (editor), ==, first);

    /* Both changes are in the file, neither written over. */
    {
      g_autoptr(AmendsCase) stored = amends_store_load (other, AMENDS_TYPE_CASE, first, NULL);
      g_autofree char *fix_text = NULL;

      g_object_get (stored, "fix", &fix_text, NULL);
      g_assert_cmpstr (fix_text, ==, "A fresh bowl from the kitchen");
    }
    {
      g_autoptr(AmendsCase) stored = amends_store_load (f->db.store, AMENDS_TYPE_CASE, first, NULL);
      g_autofree char *typed = NULL;

      g_object_get (stored, "description", &typed, NULL);
      g_assert_cmpstr (typed, ==, "Served cold at the wedding table");
    }
  }

  /* The lesson the other desk wrote on another case is still there. */
  {
    guint with_lesson = 0;

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(AmendsCase) stored = amends_store_load (f->db.store, AMENDS_TYPE_CASE, ids[i], NULL);
        g_autofree char *lesson = NULL;

        g_object_get (stored, "lesson", &lesson, NULL);
        if (g_strcmp0 (lesson, "Check the room list twice") == 0)
          with_lesson++;
      }
    g_assert_cmpuint (with_lesson, ==, 1);
  }
}

static gboolean
batch_page_shown (gpointer data)
{
  Fixture *f = data;
  GtkStack *detail = GTK_STACK (window_child (f, "detail_stack", GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (detail), "batch") == 0;
}

static void
test_batch_assign_undo (Fixture       *f,
                        gconstpointer  data)
{
  const char *summaries[] = { "No towels in 210", "Wrong bill", "Cold coffee" };
  gint64 ids[G_N_ELEMENTS (summaries)];
  Expect expect = { f, 0, G_N_ELEMENTS (summaries) };
  AdwStatusPage *batch_page;

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summaries[i], NULL);
      ids[i] = amends_record_get_id (AMENDS_RECORD (kase));
    }

  open_window (f);
  wait_for (list_has_n, &expect);

  /* Ctrl+A in the list selects them all; the batch page offers actions. */
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (shown_cases (f)));
  wait_for (batch_page_shown, f);
  batch_page = ADW_STATUS_PAGE (window_child (f, "batch_page", ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (batch_page), ==, "3 Cases Selected");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.assign-owner", "x", f->ada_id));
  amends_ui_test_drain ();
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(AmendsCase) kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, ids[i], NULL);
      g_assert_cmpint (amends_case_get_owner_id (kase), ==, f->ada_id);
    }

  /* One undo takes back the whole batch. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  amends_ui_test_drain ();
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(AmendsCase) kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, ids[i], NULL);
      g_assert_cmpint (amends_case_get_owner_id (kase), ==, 0);
    }

  /* Status for all at once, and back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-status", "s", "in-recovery"));
  amends_ui_test_drain ();
  {
    g_autoptr(AmendsCase) kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, ids[1], NULL);
    g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_IN_RECOVERY);
  }
  /* Ctrl+Z, as the toast's Undo. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  press_ctrl_z (f);
  {
    g_autoptr(AmendsCase) kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, ids[1], NULL);
    g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_OPEN);
  }

  /* Set Status → Recovered follows the editor's rule: the two with their
   * fix written down are recovered; the wrong bill, without one, is left
   * open, and the toast names it. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i += 2)
    {
      g_autoptr(AmendsCase) kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, ids[i], NULL);
      g_object_set (kase, "fix", "Put right at once", NULL);
      g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (kase), NULL));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-status", "s", "recovered"));
  amends_ui_test_drain ();
  {
    g_autoptr(AmendsCase) bill = amends_store_load (f->db.store, AMENDS_TYPE_CASE, ids[1], NULL);
    g_autoptr(AmendsCase) towels = amends_store_load (f->db.store, AMENDS_TYPE_CASE, ids[0], NULL);
    g_autofree char *expected = g_strdup_printf ("2 cases are now Recovered. %s has no fix written down: left as it was.",
                                                 amends_case_get_reference (bill));

    g_assert_cmpint (amends_case_get_status (bill), ==, AMENDS_CASE_STATUS_OPEN);
    g_assert_cmpint (amends_case_get_status (towels), ==, AMENDS_CASE_STATUS_RECOVERED);
    g_assert_nonnull (f->window->undo_toast);
    g_assert_cmpstr (adw_toast_get_title (f->window->undo_toast), ==, expected);
  }
}

static void
on_toast_dismissed (AdwToast *toast,
                    gboolean *dismissed)
{
  *dismissed = TRUE;
}

/* Issue 13: a toast with Undo, or an error, stays until the person
 * dismisses it (timeout 0), and the next toast replaces it rather than
 * queueing behind it. */
static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_toasts_stay_until_replaced (Fixture       *f,
                                 gconstpointer  data)
{
  Expect expect = { f, 0, 2 };
  g_autoptr(AdwToast) error_toast = NULL;
  gboolean dismissed = FALSE;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, i ? "Wrong bill" : "Cold coffee", NULL);
    }

  open_window (f);
  wait_for (list_has_n, &expect);
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (shown_cases (f)));
  wait_for (batch_page_shown, f);

  /* Neither has a fix written down: nothing changes, and the toast that
   * says so is an error. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-status", "s", "recovered"));
  amends_ui_test_drain ();
  g_assert_nonnull (f->window->toast);
  g_assert_cmpstr (adw_toast_get_title (f->window->toast), ==,
                   "No fix written down for C-2026-00001, C-2026-00002: left as they were.");
  g_assert_cmpuint (adw_toast_get_timeout (f->window->toast), ==, 0);
  error_toast = g_object_ref (f->window->toast);
  g_signal_connect (error_toast, "dismissed", G_CALLBACK (on_toast_dismissed), &dismissed);

  /* The trash's toast, with Undo, replaces it and stays too; the error
   * leaves once it has been on screen long enough (amends-window.c). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-cases", NULL));
  amends_ui_test_drain ();
  wait_for (flag_is_set, &dismissed);
  g_assert_nonnull (f->window->undo_toast);
  g_assert_true (f->window->toast == f->window->undo_toast);
  g_assert_cmpstr (adw_toast_get_title (f->window->toast), ==, "Moved 2 cases to the trash");
  g_assert_cmpuint (adw_toast_get_timeout (f->window->toast), ==, 0);
}

/* The name of the action @accelerator triggers in the window, or NULL. */
static char *
dup_action_of_key (GtkWidget  *window,
                   const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, accelerator) && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

/* Ctrl+Z as the window gets it when nothing under the focus took it. */
static void
press_ctrl_z (Fixture *f)
{
  g_autofree char *action = dup_action_of_key (GTK_WIDGET (f->window), "<Control>z");

  g_assert_cmpstr (action, ==, "win.undo-shortcut");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  amends_ui_test_drain ();
}

static void
assert_same_case (AmendsCase *a,
                  AmendsCase *b)
{
  g_autofree char *fix_a = NULL;
  g_autofree char *fix_b = NULL;

  g_object_get (a, "fix", &fix_a, NULL);
  g_object_get (b, "fix", &fix_b, NULL);
  g_assert_cmpstr (amends_case_get_reference (a), ==, amends_case_get_reference (b));
  g_assert_cmpstr (amends_case_get_summary (a), ==, amends_case_get_summary (b));
  g_assert_cmpstr (amends_case_get_category (a), ==, amends_case_get_category (b));
  g_assert_cmpstr (fix_a, ==, fix_b);
  g_assert_cmpint (amends_case_get_status (a), ==, amends_case_get_status (b));
  g_assert_cmpint (amends_case_get_owner_id (a), ==, amends_case_get_owner_id (b));
  g_assert_null (amends_case_get_deleted_at (b));
}

/* Issue 13: Ctrl+Z takes back the trash, unless the focus is in text,
 * whose own undo it is then. */
static void
test_ctrl_z_undoes_trash (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AmendsCase) soup = amends_test_add_case (f->db.store, "Cold soup", NULL);
  g_autoptr(AmendsCase) bill = amends_test_add_case (f->db.store, "Wrong bill", NULL);
  g_autoptr(AmendsCase) stored = NULL;
  Expect expect = { f, amends_record_get_id (AMENDS_RECORD (soup)), 2 };
  AmendsCaseEditor *editor;
  GtkWidget *summary;

  g_object_set (soup, "category", "Food", "fix", "A fresh bowl", NULL);
  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (soup), NULL));
  g_assert_true (amends_store_take_ownership (f->db.store, soup, f->ada_id, NULL));

  open_window (f);
  wait_for (list_has_n, &expect);
  amends_case_sidebar_select_case (sidebar_of (f), expect.case_id);
  wait_for (case_is_selected, &expect);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-cases", NULL));
  amends_ui_test_drain ();
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 1);

  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  press_ctrl_z (f);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 2);
  stored = amends_store_load (f->db.store, AMENDS_TYPE_CASE, expect.case_id, NULL);
  assert_same_case (soup, stored);
  /* Taken back once: the undo is not offered again. */
  g_assert_null (f->window->last_batch);

  /* Trashed again; then, typing in the other case's summary, Ctrl+Z is
   * the text's: the trash stays as it is. */
  expect.n = 2;
  wait_for (list_has_n, &expect);
  amends_case_sidebar_select_case (sidebar_of (f), expect.case_id);
  wait_for (case_is_selected, &expect);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-cases", NULL));
  amends_ui_test_drain ();
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 1);

  expect.case_id = amends_record_get_id (AMENDS_RECORD (bill));
  expect.n = 1;
  wait_for (list_has_n, &expect);
  amends_case_sidebar_select_case (sidebar_of (f), expect.case_id);
  wait_for (case_is_selected, &expect);
  editor = AMENDS_CASE_EDITOR (window_child (f, NULL, AMENDS_TYPE_CASE_EDITOR));
  summary = amends_ui_test_find_child (GTK_WIDGET (editor), "summary_row", ADW_TYPE_ENTRY_ROW);
  g_assert_true (gtk_widget_grab_focus (summary));
  g_assert_true (GTK_IS_EDITABLE (gtk_window_get_focus (GTK_WINDOW (f->window))));
  press_ctrl_z (f);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 1);

  /* Out of the text, Ctrl+Z is the window's again. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  press_ctrl_z (f);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 2);
}

static gboolean
status_is_closed_in_window (gpointer data)
{
  Fixture *f = data;

  return f->window->shown_case != NULL &&
         amends_case_get_status (f->window->shown_case) == AMENDS_CASE_STATUS_CLOSED;
}

/* Start Recovery in the editor, then Ctrl+Z: open again.  A step another
 * program takes is not offered for undo here, and an undo that would
 * write over it is refused, in words. */
static void
test_ctrl_z_undoes_editor_step (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, "Lost reservation", NULL);
  g_autoptr(AmendsStore) other = NULL;
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));
  Expect expect = { f, id, 1 };
  g_autofree char *started = g_strdup_printf ("%s is now In recovery", amends_case_get_reference (kase));
  g_autofree char *refused = g_strdup_printf ("Not undone: %s was changed elsewhere since. Nothing was changed.",
                                              amends_case_get_reference (kase));
  AmendsCaseEditor *editor;

  open_window (f);
  wait_for (list_has_n, &expect);
  amends_case_sidebar_select_case (sidebar_of (f), id);
  wait_for (case_is_selected, &expect);
  editor = AMENDS_CASE_EDITOR (window_child (f, NULL, AMENDS_TYPE_CASE_EDITOR));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "case.start-recovery", NULL));
  amends_ui_test_drain ();
  amends_store_reload (f->db.store, AMENDS_RECORD (kase), NULL);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_IN_RECOVERY);
  g_assert_nonnull (f->window->undo_toast);
  g_assert_cmpstr (adw_toast_get_title (f->window->undo_toast), ==, started);

  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  press_ctrl_z (f);
  amends_store_reload (f->db.store, AMENDS_RECORD (kase), NULL);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_OPEN);
  g_assert_null (f->window->last_batch);

  /* Again; then another desk closes the case before Ctrl+Z. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "case.start-recovery", NULL));
  amends_ui_test_drain ();
  other = amends_store_open (f->db.path, NULL);
  g_assert_nonnull (other);
  {
    g_autoptr(AmendsCase) theirs = amends_store_load (other, AMENDS_TYPE_CASE, id, NULL);

    g_assert_true (amends_store_close_case (other, theirs, AMENDS_CLOSE_REASON_NOT_RECOVERED, NULL));
  }
  wait_for (status_is_closed_in_window, f);
  /* Their step is theirs: the undo offered is still ours. */
  g_assert_nonnull (f->window->undo_toast);
  g_assert_cmpstr (adw_toast_get_title (f->window->undo_toast), ==, started);

  /* Start Recovery put the focus in the fix field, where Ctrl+Z is the
   * text's own undo. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  press_ctrl_z (f);
  amends_store_reload (f->db.store, AMENDS_RECORD (kase), NULL);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_CLOSED);
  g_assert_nonnull (f->window->toast);
  g_assert_cmpstr (adw_toast_get_title (f->window->toast), ==, refused);
}

static gboolean
trash_batch_page_shown (gpointer data)
{
  Fixture *f = data;
  GtkStack *detail = GTK_STACK (window_child (f, "detail_stack", GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (detail), "trash-batch") == 0;
}

/* Issue 13: several cases out of the trash at once, and back with Ctrl+Z. */
static void
test_restore_several_from_trash (Fixture       *f,
                                 gconstpointer  data)
{
  const char *summaries[] = { "No towels in 210", "Wrong bill", "Cold coffee" };
  Expect expect = { f, 0, 0 };
  GtkWidget *button;

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summaries[i], NULL);
      g_assert_true (amends_store_trash_case (f->db.store, amends_record_get_id (AMENDS_RECORD (kase)), NULL));
    }
  {
    g_autoptr(AmendsCase) live = amends_test_add_case (f->db.store, "Noisy room", NULL);
  }

  open_window (f);
  g_object_set (sidebar_of (f), "show-trash", TRUE, NULL);
  expect.n = 3;
  wait_for (list_has_n, &expect);
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (shown_cases (f)));
  wait_for (trash_batch_page_shown, f);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (window_child (f, "trash_batch_page", ADW_TYPE_STATUS_PAGE))),
                   ==, "3 Cases Selected");

  button = window_child (f, "restore_cases_button", GTK_TYPE_BUTTON);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  amends_ui_test_drain ();
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 4);
  g_assert_cmpstr (adw_toast_get_title (f->window->toast), ==, "Restored 3 cases from the trash");

  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  press_ctrl_z (f);
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 1);
}

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  g_autofree char *path = g_build_filename (amends_ui_test_screenshot_dir (), name, NULL);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_save_png (GTK_WIDGET (f->window), path);
  g_test_message ("Saved %s", path);
}

static void
resize_window (Fixture *f,
               int      width,
               int      height)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
}

static gboolean
window_is_width (gpointer data)
{
  Expect *expect = data;

  return gtk_widget_get_width (GTK_WIDGET (expect->f->window)) == (int) expect->n;
}

/* Where things end up, not how they slide there: the leaflet and the
 * switcher bar have finished moving. */
static gboolean
narrow_layout_settled (gpointer data)
{
  Fixture *f = data;
  AdwLeaflet *leaflet = ADW_LEAFLET (window_child (f, "cases_leaflet", ADW_TYPE_LEAFLET));
  GtkWidget *visible = adw_leaflet_get_visible_child (leaflet);
  GtkWidget *bar = window_child (f, "switcher_bar", ADW_TYPE_VIEW_SWITCHER_BAR);
  GtkWidget *revealer = amends_ui_test_find_child (bar, NULL, GTK_TYPE_REVEALER);

  return adw_leaflet_get_folded (leaflet) &&
         !adw_leaflet_get_child_transition_running (leaflet) &&
         gtk_widget_get_width (visible) == gtk_widget_get_width (GTK_WIDGET (leaflet)) &&
         gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

/* Under Xvfb, without a window manager, a window made wider again can
 * end a few pixels short of its default size. */
static gboolean
window_is_wider (gpointer data)
{
  Expect *expect = data;

  return gtk_widget_get_width (GTK_WIDGET (expect->f->window)) >= (int) expect->n;
}

static gboolean
wide_layout_settled (gpointer data)
{
  Fixture *f = data;
  AdwLeaflet *leaflet = ADW_LEAFLET (window_child (f, "cases_leaflet", ADW_TYPE_LEAFLET));
  GtkWidget *sidebar = window_child (f, "sidebar", AMENDS_TYPE_CASE_SIDEBAR);
  GtkWidget *detail = window_child (f, "detail_box", GTK_TYPE_BOX);
  GtkWidget *bar = window_child (f, "switcher_bar", ADW_TYPE_VIEW_SWITCHER_BAR);
  GtkWidget *revealer = amends_ui_test_find_child (bar, NULL, GTK_TYPE_REVEALER);
  graphene_rect_t bounds;

  return !adw_leaflet_get_folded (leaflet) &&
         gtk_widget_compute_bounds (detail, GTK_WIDGET (leaflet), &bounds) &&
         bounds.origin.x >= gtk_widget_get_width (sidebar) &&
         !gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

static GtkWidget *
shown_detail (Fixture *f)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (window_child (f, "cases_leaflet", ADW_TYPE_LEAFLET)));
}

/* Issue 13: on a 360 px wide window the Cases view is the list or the
 * case, with a way back; at 1078 px both, side by side. */
static void
test_narrow_window (Fixture       *f,
                    gconstpointer  data)
{
  const char *summaries[] = { "No towels in 210", "Wrong bill at checkout", "Cold coffee at breakfast" };
  Expect expect = { f, 0, G_N_ELEMENTS (summaries) };
  Expect width = { f, 0, 360 };
  g_autofree char *layout = NULL;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *detail;
  GtkWidget *editor;
  GtkWidget *back;

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summaries[i], NULL);
    }

  /* GNOME's title bar has a close button only; Xvfb, without a desktop's
   * settings, would add minimize and maximize. */
  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  open_window (f);
  wait_for (list_has_n, &expect);
  leaflet = ADW_LEAFLET (window_child (f, "cases_leaflet", ADW_TYPE_LEAFLET));
  sidebar = GTK_WIDGET (sidebar_of (f));
  detail = window_child (f, "detail_box", GTK_TYPE_BOX);
  editor = window_child (f, NULL, AMENDS_TYPE_CASE_EDITOR);
  back = window_child (f, "back_button", GTK_TYPE_BUTTON);

  /* 360 × 640: the window is as narrow as asked, and shows the list. */
  resize_window (f, 360, 640);
  wait_for (window_is_width, &width);
  wait_for (narrow_layout_settled, f);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (shown_detail (f) == sidebar);
  g_assert_cmpint (gtk_widget_get_width (sidebar), ==, 360);
  /* The views are at the bottom: the title bar has no room for them. */
  g_assert_true (gtk_widget_get_mapped (window_child (f, "switcher_bar", ADW_TYPE_VIEW_SWITCHER_BAR)));
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (window_child (f, "switcher_bar", ADW_TYPE_VIEW_SWITCHER_BAR))));
  save_screenshot (f, "cases-360-list.png");

  /* A case chosen: its editor, with a way back, and the window as wide
   * as before. */
  {
    g_autoptr(AmendsCase) second = g_list_model_get_item (shown_cases (f), 1);
    expect.case_id = amends_record_get_id (AMENDS_RECORD (second));
  }
  click_case (f, 1);
  wait_for (case_is_selected, &expect);
  g_assert_true (shown_detail (f) == detail);
  wait_for (narrow_layout_settled, f);
  wait_for (window_is_width, &width);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_get_mapped (back));
  g_assert_false (gtk_widget_get_mapped (sidebar));
  /* The case fits: nothing to scroll to sideways. */
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (window_child (f, "detail_scroller", GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scroller);

    g_test_message ("case: %.0f of %.0f", gtk_adjustment_get_page_size (h), gtk_adjustment_get_upper (h));
    g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h));
  }
  save_screenshot (f, "cases-360-editor.png");

  /* Esc (and Alt+Left) go back to the list. */
  {
    g_autofree char *escape = dup_action_of_key (GTK_WIDGET (f->window), "Escape");
    g_autofree char *alt_left = dup_action_of_key (GTK_WIDGET (f->window), "<Alt>Left");

    g_assert_cmpstr (escape, ==, "win.show-case-list");
    g_assert_cmpstr (alt_left, ==, "win.show-case-list");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), escape, NULL));
    amends_ui_test_drain ();
  }
  g_assert_true (shown_detail (f) == sidebar);

  /* The same case again shows it again; the Back button goes back too. */
  click_case (f, 1);
  wait_for (case_is_selected, &expect);
  g_assert_true (shown_detail (f) == detail);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  g_signal_emit_by_name (back, "clicked");
  amends_ui_test_drain ();
  g_assert_true (shown_detail (f) == sidebar);

  /* 1078 × 705: both, side by side, and no Back button. */
  click_case (f, 2);
  resize_window (f, 1078, 705);
  width.n = 1000;
  wait_for (window_is_wider, &width);
  wait_for (wide_layout_settled, f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_false (gtk_widget_get_mapped (back));
  g_assert_cmpint (gtk_widget_get_width (sidebar), >=, 360);
  g_assert_cmpint (gtk_widget_get_width (editor), >=, 1000 - 2 * gtk_widget_get_width (sidebar));
  save_screenshot (f, "cases-1078.png");

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
}

/* On a narrow window the arrows walk the list, each case selected in
 * turn, without turning the page at every step; Enter opens the case. */
static void
test_narrow_arrows_walk_the_list (Fixture       *f,
                                  gconstpointer  data)
{
  const char *summaries[] = { "No towels in 210", "Wrong bill at checkout", "Cold coffee at breakfast" };
  Expect expect = { f, 0, G_N_ELEMENTS (summaries) };
  Expect width = { f, 0, 360 };
  g_autofree char *layout = NULL;
  GtkWidget *sidebar;
  GtkWidget *detail;

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summaries[i], NULL);
    }

  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  open_window (f);
  wait_for (list_has_n, &expect);
  sidebar = GTK_WIDGET (sidebar_of (f));
  detail = window_child (f, "detail_box", GTK_TYPE_BOX);
  resize_window (f, 360, 640);
  wait_for (window_is_width, &width);
  wait_for (narrow_layout_settled, f);
  g_assert_true (shown_detail (f) == sidebar);

  gtk_widget_grab_focus (row_widget_at (f, 0));
  if (!amends_ui_test_press_keys (GTK_WINDOW (f->window), "Down"))
    {
      g_test_skip ("No X server and xdotool to press keys with");
      g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
      return;
    }

  /* Down, Down: the third case is selected, and the list still shown. */
  g_assert_true (amends_ui_test_press_keys (GTK_WINDOW (f->window), "Down"));
  {
    g_autoptr(AmendsCase) third = g_list_model_get_item (shown_cases (f), 2);
    expect.case_id = amends_record_get_id (AMENDS_RECORD (third));
  }
  wait_for (case_is_selected, &expect);
  amends_ui_test_drain ();
  g_assert_true (shown_detail (f) == sidebar);

  /* Enter: that case. */
  g_assert_true (amends_ui_test_press_keys (GTK_WINDOW (f->window), "Return"));
  g_assert_true (shown_detail (f) == detail);
  g_assert_cmpint (amends_case_editor_get_case_id (AMENDS_CASE_EDITOR (window_child (f, NULL, AMENDS_TYPE_CASE_EDITOR))),
                   ==, expect.case_id);

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
}

static void
test_mark_recovered_shortcut (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, "Lost reservation", NULL);
  gint64 id = amends_record_get_id (AMENDS_RECORD (kase));
  Expect expect = { f, id, 1 };

  /* With the fix written, Ctrl+R marks the case recovered at once. */
  g_object_set (kase, "fix", "Upgraded to a suite", NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (kase), NULL);

  open_window (f);
  wait_for (list_has_n, &expect);
  amends_case_sidebar_select_case (sidebar_of (f), id);
  wait_for (case_is_selected, &expect);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.mark-recovered", NULL));
  amends_ui_test_drain ();
  amends_store_reload (f->db.store, AMENDS_RECORD (kase), NULL);
  g_assert_cmpint (amends_case_get_status (kase), ==, AMENDS_CASE_STATUS_RECOVERED);
  g_assert_cmpint (g_date_time_to_unix (amends_case_get_recovered_at (kase)), ==, g_date_time_to_unix (f->db.now));
}

static gboolean
print_dialog_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG) != NULL;
}

static void
test_print_opens_dialog (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, "Cold soup", NULL);

  open_window (f);

  /* Ctrl+P: the standard print dialog, over the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  wait_for (print_dialog_shown, NULL);
  g_assert_true (gtk_window_get_transient_for (find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG)) == GTK_WINDOW (f->window));

  /* Cancel lets go of the summary, and of the database with it. */
  gtk_dialog_response (GTK_DIALOG (find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG)), GTK_RESPONSE_CANCEL);
  amends_ui_test_drain ();
  g_assert_null (find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG));
}

static gboolean
two_cases_stored (gpointer data)
{
  Fixture *f = data;

  return amends_store_count_cases (f->db.store, NULL) == 2;
}

static void
test_import_and_export (Fixture       *f,
                        gconstpointer  data)
{
  static const char osticket[] =
    "Ticket Number,Date Created,Subject,From,From Email,Priority,Department,Help Topic,"
    "Current Status,Closed Date,Agent Assigned,Due Date,Last Updated\r\n"
    "100234,2026-11-16 09:12,Shower cold in 214,Edith Pratt,edith@example.org,High,"
    "Front Office,Room,Open,,,2026-11-17 09:12,2026-11-16 09:12\r\n"
    "100235,2026-11-16 10:40,\"Bill charged twice, refund asked\",Raj Patel,raj@example.org,"
    "Normal,Front Office,Billing,Closed,2026-11-16 15:00,Ada Moreau,,2026-11-16 15:00\r\n";
  g_autofree char *csv = g_build_filename (f->db.dir, "osticket.csv", NULL);
  g_autofree char *bad = g_build_filename (f->db.dir, "bad.csv", NULL);
  g_autofree char *out = g_build_filename (f->db.dir, "export.csv", NULL);
  g_autofree char *timeline = g_build_filename (f->db.dir, "export-timeline.csv", NULL);
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  open_window (f);

  /* A file with an unclosed quote is refused and says where. */
  g_assert_true (g_file_set_contents (bad, "Subject,Date Created\n\"Cold soup,2026-11-16\n", -1, NULL));
  amends_window_import_file (f->window, bad);
  amends_ui_test_drain ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Line 2"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 0);

  /* An osTicket export comes in, in the background, all of it. */
  g_assert_true (g_file_set_contents (csv, osticket, -1, NULL));
  amends_window_import_file (f->window, csv);
  wait_for (two_cases_stored, f);

  /* Columns of another system ask which is which. */
  {
    g_autofree char *other = g_build_filename (f->db.dir, "other.csv", NULL);
    GtkWindow *mapping;

    g_assert_true (g_file_set_contents (other, "Problem;Guest\nCold soup;Edith\n", -1, NULL));
    amends_window_import_file (f->window, other);
    amends_ui_test_drain ();
    mapping = find_toplevel (AMENDS_TYPE_IMPORT_DIALOG);
    g_assert_nonnull (mapping);
    gtk_window_destroy (mapping);
    amends_ui_test_drain ();
    g_assert_cmpint (amends_store_count_cases (f->db.store, NULL), ==, 2);
  }

  /* And goes out again, with the timelines beside it. */
  g_assert_true (amends_window_export_file (f->window, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "Shower cold in 214"));
  g_assert_nonnull (strstr (exported, "\"Bill charged twice, refund asked\""));
  g_assert_true (g_file_test (timeline, G_FILE_TEST_EXISTS));
}

static gboolean
find_pin_case (AmendsStore *store,
               gint64      *id)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  g_autoptr(AmendsCaseList) list = NULL;
  g_autoptr(AmendsCase) kase = NULL;

  filter.query = (char *) "lapel";
  list = amends_case_list_new (AMENDS_CASE_SOURCE (store), &filter, NULL);
  if (list == NULL || g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return FALSE;
  kase = g_list_model_get_item (G_LIST_MODEL (list), 0);
  *id = amends_record_get_id (AMENDS_RECORD (kase));
  return TRUE;
}

static void
test_screenshot (void)
{
  const char *dir = amends_ui_test_screenshot_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Fixture f = { 0 };
  Expect expect = { &f, 0, 0 };

  f.db.dir = amends_test_make_dir ();
  f.db.path = g_build_filename (f.db.dir, "demo.db", NULL);
  f.db.now = g_date_time_ref (now);
  f.db.store = amends_store_open (f.db.path, &error);
  g_assert_no_error (error);
  amends_demo_populate (f.db.store, now, &error);
  g_assert_no_error (error);
  f.settings = g_settings_new (APP_ID);
  amends_application_set_store (app, f.db.store);

  open_window (&f);
  g_assert_true (find_pin_case (f.db.store, &expect.case_id));
  amends_case_sidebar_select_case (sidebar_of (&f), expect.case_id);
  wait_for (case_is_selected, &expect);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));

  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "cases.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);
  g_test_message ("Saved %s", path);

  /* The board, with its heroes beside it. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (window_child (&f, "stack", ADW_TYPE_VIEW_STACK)), "board");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  amends_ui_test_drain ();
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "board.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);

  fixture_teardown (&f, NULL);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  ADD_TEST ("/ui/cases/log-find-trash-and-undo", test_log_find_trash_undo);
  ADD_TEST ("/ui/cases/editor-follows-selection", test_editor_follows_selection);
  ADD_TEST ("/ui/cases/walk-while-another-desk-writes", test_walk_while_another_writes);
  ADD_TEST ("/ui/cases/several-at-once-then-undo", test_batch_assign_undo);
  ADD_TEST ("/ui/cases/mark-recovered-shortcut", test_mark_recovered_shortcut);
  ADD_TEST ("/ui/cases/toasts-stay-until-replaced", test_toasts_stay_until_replaced);
  ADD_TEST ("/ui/cases/ctrl-z-undoes-trash", test_ctrl_z_undoes_trash);
  ADD_TEST ("/ui/cases/ctrl-z-undoes-editor-step", test_ctrl_z_undoes_editor_step);
  ADD_TEST ("/ui/cases/restore-several-from-trash", test_restore_several_from_trash);
  ADD_TEST ("/ui/cases/narrow-window", test_narrow_window);
  ADD_TEST ("/ui/cases/narrow-arrows-walk-the-list", test_narrow_arrows_walk_the_list);
  ADD_TEST ("/ui/cases/import-and-export-csv", test_import_and_export);
  ADD_TEST ("/ui/summary/print-opens-dialog", test_print_opens_dialog);
  g_test_add_func ("/ui/cases/screenshot", test_screenshot);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
