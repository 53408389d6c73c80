/* test-ui-sidebar.c: the case list, driven as a person at the desk would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include <adwaita.h>

#include "amends-case-list.h"
#include "amends-case-row.h"
#include "amends-case-sidebar.h"
#include "amends-clock.h"
#include "amends-test-utils.h"

/* Long enough for a query on a loaded machine; a test that waits this long
 * has failed, it does not pass late. */
#define WAIT_SECONDS 20

typedef struct
{
  AmendsTestDb       db;
  GtkWindow         *window;
  AmendsCaseSidebar *sidebar;
  guint              n_lists;
  guint              n_selected_notifies;
  guint              n_n_selected_notifies;
  gint64             ada_id;
  gint64             bilal_id;
  gint64             soup_id;
  gint64             room_id;
  gint64             booking_id;
  gint64             noise_id;
  gint64             kettle_id;
  GtkWidget         *editor;     /* beside the sidebar, for the Tab test */
  GtkWidget         *overlay;    /* around it, for the toast test */
} Fixture;

static gboolean
on_wait_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run until a new list has been put under the list
 * view's model since @before (a search or a filter landed), then until it
 * is drawn. */
static void
wait_for_new_list (Fixture *fixture,
                   guint    before)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout_cb, &timed_out);

  while (fixture->n_lists == before && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
sidebar_child (Fixture *fixture,
               GType    type)
{
  GtkWidget *child = find_widget (GTK_WIDGET (fixture->sidebar), type);

  g_assert_nonnull (child);
  return child;
}

static GtkListView *
list_view (Fixture *fixture)
{
  return GTK_LIST_VIEW (sidebar_child (fixture, GTK_TYPE_LIST_VIEW));
}

static GtkSelectionModel *
selection (Fixture *fixture)
{
  GtkSelectionModel *model = gtk_list_view_get_model (list_view (fixture));

  g_assert_nonnull (model);
  return model;
}

static guint
n_cases (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (selection (fixture)));
}

static AmendsCase *
case_at (Fixture *fixture,
         guint    position)
{
  AmendsCase *kase = g_list_model_get_item (G_LIST_MODEL (selection (fixture)), position);

  g_assert_nonnull (kase);
  g_object_unref (kase);     /* the list keeps it */
  return kase;
}

static const char *
summary_at (Fixture *fixture,
            guint    position)
{
  return amends_case_get_summary (case_at (fixture, position));
}

static AmendsCaseRow *
find_row (GtkWidget  *widget,
          AmendsCase *kase)
{
  if (AMENDS_IS_CASE_ROW (widget) && amends_case_row_get_case (AMENDS_CASE_ROW (widget)) == kase)
    return AMENDS_CASE_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AmendsCaseRow *row = find_row (child, kase);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The row the view shows for the case at @position. */
static AmendsCaseRow *
row_at (Fixture *fixture,
        guint    position)
{
  AmendsCaseRow *row = find_row (GTK_WIDGET (list_view (fixture)), case_at (fixture, position));

  g_assert_nonnull (row);
  return row;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  else if (GTK_IS_INSCRIPTION (widget))
    g_string_append_printf (text, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)) ?: "");

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* What a person reads on a widget: its visible text, a line a label. */
static char *
text_of (gpointer widget)
{
  GString *text = g_string_new (NULL);

  collect_text (GTK_WIDGET (widget), text);
  return g_string_free (text, FALSE);
}

static GtkWidget *
find_css (GtkWidget  *widget,
          const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What GTK does with a Tab press on @target: its capture-phase key
 * controllers first (and those of its ancestors, none here), then, if
 * none took it, the window's Tab binding, which moves the focus on. */
static void
press_tab (Fixture   *fixture,
           GtkWidget *target)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (target);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Tab, 0, (GdkModifierType) 0, &handled);
    }

  if (!handled)
    g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_FORWARD);
  amends_ui_test_drain ();
}

static gboolean
list_caught_up (Fixture *fixture)
{
  gboolean busy;

  g_object_get (fixture->sidebar, "busy", &busy, NULL);
  return !busy;
}

static void save_screenshot (GtkWidget  *widget,
                             const char *path);

static void
assert_row_says (Fixture    *fixture,
                 guint       position,
                 const char *expected)
{
  g_autofree char *text = text_of (row_at (fixture, position));

  if (strstr (text, expected) == NULL)
    g_error ("Row %u does not say “%s”; it says:\n%s", position, expected, text);
}

static GtkWidget *
clock_label_of (AmendsCaseRow *row)
{
  for (GtkWidget *w = find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (gtk_widget_has_css_class (w, "clock"))
      return w;

  g_assert_not_reached ();
}

static const char *
counts_text (Fixture *fixture)
{
  GtkWidget *sidebar = GTK_WIDGET (fixture->sidebar);

  /* The counts line is the sidebar's last child. */
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (sidebar)));
}

static const char *
placeholder_title (Fixture *fixture)
{
  GtkWidget *page = sidebar_child (fixture, ADW_TYPE_STATUS_PAGE);

  if (!gtk_widget_is_drawable (page))
    return NULL;
  return adw_status_page_get_title (ADW_STATUS_PAGE (page));
}

/* Does what choosing a menu item does: activates the action it names. */
static void
choose (Fixture    *fixture,
        const char *action,
        const char *format,
        ...)
{
  guint before = fixture->n_lists;
  GVariant *target = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      target = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->sidebar), action, target));
  wait_for_new_list (fixture, before);
}

static void
type_search (Fixture    *fixture,
             const char *text)
{
  GtkWidget *entry = sidebar_child (fixture, GTK_TYPE_SEARCH_ENTRY);
  guint before = fixture->n_lists;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_for_new_list (fixture, before);
}

static gint64
add_staff (AmendsStore *store,
           const char  *name)
{
  g_autoptr(AmendsStaff) staff = amends_test_add_staff (store, name);

  return amends_record_get_id (AMENDS_RECORD (staff));
}

static GDateTime *
hours_ago (Fixture *fixture,
           double   hours)
{
  return g_date_time_add_seconds (fixture->db.now, -hours * 3600);
}

/* A case that happened @hours ago, with "property", value, ... set. */
static gint64
add_case (Fixture    *fixture,
          const char *summary,
          double      hours,
          const char *first_property,
          ...)
{
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GDateTime) occurred = hours_ago (fixture, hours);
  g_autoptr(GError) error = NULL;
  va_list args;

  g_object_set (kase, "summary", summary, "occurred-at", occurred, NULL);
  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (kase), first_property, args);
  va_end (args);

  amends_store_insert (fixture->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static gint64
add_customer (Fixture    *fixture,
              const char *name)
{
  g_autoptr(AmendsCustomer) customer = amends_test_add_customer (fixture->db.store, name, NULL);

  return amends_record_get_id (AMENDS_RECORD (customer));
}

/* The view keeps its one selection model; a new list goes under it. */
static void
on_list_swapped_cb (GtkSelectionModel *model,
                    GParamSpec        *pspec,
                    Fixture           *fixture)
{
  fixture->n_lists++;
}

static void
on_selected_case_changed_cb (AmendsCaseSidebar *sidebar,
                             GParamSpec        *pspec,
                             Fixture           *fixture)
{
  fixture->n_selected_notifies++;
}

static void
on_n_selected_changed_cb (AmendsCaseSidebar *sidebar,
                          GParamSpec        *pspec,
                          Fixture           *fixture)
{
  fixture->n_n_selected_notifies++;
}

typedef enum
{
  AROUND_NOTHING,
  AROUND_EDITOR,    /* an entry after the sidebar, as the editor is */
  AROUND_TOASTS,    /* an AdwToastOverlay around it, as the window has */
} Around;

static void
fixture_open_in (Fixture *fixture,
                 int      width,
                 int      height,
                 Around   around)
{
  guint before = fixture->n_lists;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  fixture->sidebar = g_object_new (AMENDS_TYPE_CASE_SIDEBAR, NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->sidebar), (gpointer *) &fixture->sidebar);
  if (around == AROUND_EDITOR)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      fixture->editor = gtk_entry_new ();
      gtk_widget_set_hexpand (GTK_WIDGET (fixture->sidebar), TRUE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->sidebar));
      gtk_box_append (GTK_BOX (box), fixture->editor);
      gtk_window_set_child (fixture->window, box);
    }
  else if (around == AROUND_TOASTS)
    {
      fixture->overlay = adw_toast_overlay_new ();
      adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->sidebar));
      gtk_window_set_child (fixture->window, fixture->overlay);
    }
  else
    gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->sidebar));

  g_signal_connect (selection (fixture), "notify::model",
                    G_CALLBACK (on_list_swapped_cb), fixture);
  g_signal_connect (fixture->sidebar, "notify::selected-case",
                    G_CALLBACK (on_selected_case_changed_cb), fixture);
  g_signal_connect (fixture->sidebar, "notify::n-selected",
                    G_CALLBACK (on_n_selected_changed_cb), fixture);

  g_object_set (fixture->sidebar, "store", fixture->db.store, NULL);
  gtk_window_present (fixture->window);
  wait_for_new_list (fixture, before);
}

static void
fixture_open (Fixture *fixture,
              int      width,
              int      height)
{
  fixture_open_in (fixture, width, height, AROUND_NOTHING);
}

/* Five cases: one overdue, one due within the hour, one with time to go,
 * one recovered, and one in the trash. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) recovered_at = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ines, tomas;

  amends_test_db_setup (&fixture->db, data);
  fixture->ada_id = add_staff (fixture->db.store, "Ada Moreau");
  fixture->bilal_id = add_staff (fixture->db.store, "Bilal Okafor");
  ines = add_customer (fixture, "Ines Duarte");
  tomas = add_customer (fixture, "Tomás Lind");

  recovered_at = hours_ago (fixture, 1);
  fixture->soup_id = add_case (fixture, "Cold soup", 26,
                               "owner-id", fixture->ada_id, "customer-id", ines,
                               "category", "Food", NULL);
  fixture->room_id = add_case (fixture, "Room not ready", 23,
                               "customer-id", tomas, "category", "Rooms", NULL);
  fixture->booking_id = add_case (fixture, "Lost booking", 2,
                                  "owner-id", fixture->bilal_id, "category", "Front desk", NULL);
  fixture->noise_id = add_case (fixture, "Noisy neighbours", 5,
                                "owner-id", fixture->ada_id, "category", "Rooms",
                                "status", AMENDS_CASE_STATUS_RECOVERED,
                                "recovered-at", recovered_at, NULL);
  fixture->kettle_id = add_case (fixture, "Broken kettle", 3, "category", "Rooms", NULL);
  amends_store_trash_case (fixture->db.store, fixture->kettle_id, &error);
  g_assert_no_error (error);

  fixture_open (fixture, 360, 720);
}

static void
fixture_set_up_beside_editor (Fixture       *fixture,
                              gconstpointer  data)
{
  fixture_set_up (fixture, data);
  gtk_window_destroy (fixture->window);
  amends_ui_test_drain ();
  fixture_open_in (fixture, 720, 720, AROUND_EDITOR);
}

static void
fixture_set_up_with_toasts (Fixture       *fixture,
                            gconstpointer  data)
{
  fixture_set_up (fixture, data);
  gtk_window_destroy (fixture->window);
  amends_ui_test_drain ();
  fixture_open_in (fixture, 360, 720, AROUND_TOASTS);
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  amends_test_db_setup (&fixture->db, data);
  fixture_open (fixture, 360, 720);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  gtk_window_destroy (fixture->window);
  amends_ui_test_drain ();
  g_assert_null (fixture->sidebar);

  /* A query still under way when the window closed lets go of the store
   * when it notices it was cancelled. */
  timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout_cb, &timed_out);
  while (G_OBJECT (fixture->db.store)->ref_count > 1 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  amends_test_db_teardown (&fixture->db, data);
}

static void
test_sidebar_lists_by_urgency (Fixture       *fixture,
                               gconstpointer  data)
{
  AmendsCase *soup;
  g_autofree char *clock = NULL;
  g_autofree char *expected_label = NULL;

  g_assert_cmpuint (n_cases (fixture), ==, 4);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Cold soup");
  g_assert_cmpstr (summary_at (fixture, 1), ==, "Room not ready");
  g_assert_cmpstr (summary_at (fixture, 2), ==, "Lost booking");
  g_assert_cmpstr (summary_at (fixture, 3), ==, "Noisy neighbours");

  /* What the rows say */
  assert_row_says (fixture, 0, "Cold soup");
  assert_row_says (fixture, 0, "overdue by");
  assert_row_says (fixture, 0, "Ines Duarte");
  assert_row_says (fixture, 0, "Ada Moreau");
  assert_row_says (fixture, 0, "C-2026-00001");
  assert_row_says (fixture, 0, "Open");
  assert_row_says (fixture, 1, "1 h left");
  assert_row_says (fixture, 1, "Unowned");
  g_assert_true (gtk_widget_has_css_class (clock_label_of (row_at (fixture, 0)), "overdue"));
  g_assert_true (gtk_widget_has_css_class (clock_label_of (row_at (fixture, 1)), "due-soon"));
  g_assert_true (gtk_widget_has_css_class (clock_label_of (row_at (fixture, 2)), "running"));
  g_assert_true (gtk_widget_has_css_class (clock_label_of (row_at (fixture, 3)), "recovered"));

  /* A clock too long for its label is given whole as a tooltip, asked
   * for when the pointer rests, never set on each bind (a round trip to
   * the X server per row in GTK 4.8). */
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *label = clock_label_of (row_at (fixture, i));

      g_assert_true (gtk_widget_get_has_tooltip (label));
      g_assert_null (gtk_widget_get_tooltip_text (label));
    }

  /* ... and what a screen reader says */
  soup = case_at (fixture, 0);
  clock = amends_clock_describe (soup, fixture->db.now);
  expected_label = g_strdup_printf ("C-2026-00001, Cold soup, %s, owner Ada Moreau", clock);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_at (fixture, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, expected_label);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_view (fixture)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Cases");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sidebar_child (fixture, GTK_TYPE_SEARCH_ENTRY)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search cases");

  g_assert_cmpstr (counts_text (fixture), ==, "3 open, 1 overdue");
  g_assert_null (placeholder_title (fixture));
  g_assert_false (amends_case_sidebar_get_showing_trash (fixture->sidebar));
}

static void
test_sidebar_search_narrows (Fixture       *fixture,
                             gconstpointer  data)
{
  type_search (fixture, "soup");
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Cold soup");
  assert_row_says (fixture, 0, "Cold soup");

  /* A customer's name is found too, from the first letters typed. */
  type_search (fixture, "tom");
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Room not ready");

  type_search (fixture, "nothing like this");
  g_assert_cmpuint (n_cases (fixture), ==, 0);
  g_assert_cmpstr (placeholder_title (fixture), ==, "No Cases Match");

  type_search (fixture, "");
  g_assert_cmpuint (n_cases (fixture), ==, 4);
  g_assert_null (placeholder_title (fixture));
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_strcmp0 (item_label, label) == 0)
        return TRUE;

      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          gboolean found = menu_has_label (link, label);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_sidebar_filters (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *bilal = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->bilal_id);
  GtkMenuButton *filter_button = GTK_MENU_BUTTON (sidebar_child (fixture, GTK_TYPE_MENU_BUTTON));
  GMenuModel *menu = gtk_menu_button_get_menu_model (filter_button);
  g_autofree char *label = NULL;
  guint before;

  label = text_of (filter_button);
  g_assert_cmpstr (label, ==, "All Cases\n");
  g_clear_pointer (&label, g_free);

  /* The menu offers the people and the categories as it opens. */
  g_assert_false (menu_has_label (menu, "Bilal Okafor"));
  gtk_menu_button_popup (filter_button);
  amends_ui_test_drain ();
  g_assert_true (menu_has_label (menu, "Ada Moreau"));
  g_assert_true (menu_has_label (menu, "Bilal Okafor"));
  g_assert_true (menu_has_label (menu, "Rooms"));
  g_assert_true (menu_has_label (menu, "Front desk"));
  gtk_menu_button_popdown (filter_button);
  amends_ui_test_drain ();

  choose (fixture, "sidebar.status", "i", AMENDS_CASE_STATUS_OPEN);
  g_assert_cmpuint (n_cases (fixture), ==, 3);
  choose (fixture, "sidebar.status", "i", AMENDS_CASE_STATUS_RECOVERED);
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Noisy neighbours");
  g_assert_cmpstr (counts_text (fixture), ==, "1 case");
  choose (fixture, "sidebar.clear-filters", NULL);
  g_assert_cmpuint (n_cases (fixture), ==, 4);

  /* Mine, with nobody at the desk: nothing, and the sidebar says why. */
  choose (fixture, "sidebar.owner", "s", "mine");
  g_assert_cmpuint (n_cases (fixture), ==, 0);
  g_assert_cmpstr (placeholder_title (fixture), ==, "Nobody Is at the Desk");
  g_assert_cmpstr (counts_text (fixture), ==, "Nobody is at the desk");

  /* Ada sits down: her cases. */
  before = fixture->n_lists;
  amends_store_set_actor_id (fixture->db.store, fixture->ada_id);
  wait_for_new_list (fixture, before);
  g_assert_cmpuint (n_cases (fixture), ==, 2);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Cold soup");
  g_assert_cmpstr (summary_at (fixture, 1), ==, "Noisy neighbours");

  choose (fixture, "sidebar.owner", "s", "unowned");
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Room not ready");

  choose (fixture, "sidebar.owner", "s", bilal);
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Lost booking");
  label = text_of (filter_button);
  g_assert_cmpstr (label, ==, "Bilal Okafor\n");
  g_clear_pointer (&label, g_free);
  choose (fixture, "sidebar.owner", "s", "anyone");

  choose (fixture, "sidebar.overdue-only", NULL);
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Cold soup");
  g_assert_cmpstr (counts_text (fixture), ==, "1 open, 1 overdue");
  choose (fixture, "sidebar.overdue-only", NULL);
  g_assert_cmpuint (n_cases (fixture), ==, 4);

  choose (fixture, "sidebar.category", "s", "Rooms");
  g_assert_cmpuint (n_cases (fixture), ==, 2);
  choose (fixture, "sidebar.status", "i", AMENDS_CASE_STATUS_OPEN);
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  label = text_of (filter_button);
  g_assert_cmpstr (label, ==, "Open, Rooms\n");
  g_clear_pointer (&label, g_free);
  choose (fixture, "sidebar.status", "i", -1);
  choose (fixture, "sidebar.category", "s", "");
  g_assert_cmpuint (n_cases (fixture), ==, 4);

  choose (fixture, "sidebar.show-trash", NULL);
  g_assert_true (amends_case_sidebar_get_showing_trash (fixture->sidebar));
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Broken kettle");
  g_assert_cmpstr (counts_text (fixture), ==, "1 case in the trash");

  /* A case past its time, in the trash, is not shown as overdue in red:
   * nothing more is asked of it there. */
  {
    g_autoptr(GError) trash_error = NULL;

    g_assert_true (amends_store_trash_case (fixture->db.store, fixture->soup_id, &trash_error));
    g_assert_no_error (trash_error);
    amends_ui_test_wait_for_cases (GTK_WIDGET (fixture->sidebar));
    g_assert_cmpuint (n_cases (fixture), ==, 2);
    for (guint i = 0; i < 2; i++)
      g_assert_false (gtk_widget_has_css_class (clock_label_of (row_at (fixture, i)), "overdue"));
    g_assert_true (amends_store_restore_case (fixture->db.store, fixture->soup_id, &trash_error));
    amends_ui_test_wait_for_cases (GTK_WIDGET (fixture->sidebar));
  }

  /* Sorting keeps what is shown and changes the order. */
  choose (fixture, "sidebar.clear-filters", NULL);
  g_assert_false (amends_case_sidebar_get_showing_trash (fixture->sidebar));
  choose (fixture, "sidebar.sort", "s", "newest");
  g_assert_cmpuint (n_cases (fixture), ==, 4);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Lost booking");
  g_assert_cmpstr (summary_at (fixture, 3), ==, "Cold soup");
  choose (fixture, "sidebar.sort", "s", "oldest");
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Cold soup");
}

static void
test_sidebar_clear_filters_from_placeholder (Fixture       *fixture,
                                             gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *button;
  guint before;

  choose (fixture, "sidebar.status", "i", AMENDS_CASE_STATUS_CLOSED);
  type_search (fixture, "soup");
  g_assert_cmpuint (n_cases (fixture), ==, 0);
  g_assert_cmpstr (placeholder_title (fixture), ==, "No Cases Match");

  page = sidebar_child (fixture, ADW_TYPE_STATUS_PAGE);
  button = find_widget (page, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));

  before = fixture->n_lists;
  g_signal_emit_by_name (button, "clicked");
  wait_for_new_list (fixture, before);
  g_assert_cmpuint (n_cases (fixture), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sidebar_child (fixture, GTK_TYPE_SEARCH_ENTRY))), ==, "");
}

static void
test_sidebar_empty_trash (Fixture       *fixture,
                          gconstpointer  data)
{
  g_assert_cmpuint (n_cases (fixture), ==, 0);
  g_assert_cmpstr (placeholder_title (fixture), ==, "No Cases");

  choose (fixture, "sidebar.show-trash", NULL);
  g_assert_cmpuint (n_cases (fixture), ==, 0);
  g_assert_cmpstr (placeholder_title (fixture), ==, "The Trash Is Empty");
  g_assert_cmpstr (counts_text (fixture), ==, "0 cases in the trash");
}

static void
test_sidebar_selection (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  guint notifies;

  g_assert_null (amends_case_sidebar_get_selected_case (fixture->sidebar));

  notifies = fixture->n_selected_notifies;
  gtk_selection_model_select_item (selection (fixture), 1, TRUE);
  g_assert_cmpuint (fixture->n_selected_notifies, ==, notifies + 1);
  g_assert_true (amends_case_sidebar_get_selected_case (fixture->sidebar) == case_at (fixture, 1));

  /* Two selected (Ctrl+click): no single case, two ids. */
  gtk_selection_model_select_item (selection (fixture), 3, FALSE);
  g_assert_null (amends_case_sidebar_get_selected_case (fixture->sidebar));
  ids = amends_case_sidebar_get_selected_ids (fixture->sidebar);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->room_id);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, fixture->noise_id);
  g_clear_pointer (&ids, g_array_unref);

  /* Ctrl+A: the list view's own action. */
  notifies = fixture->n_selected_notifies;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view (fixture)), "list.select-all", NULL));
  g_assert_cmpuint (amends_case_sidebar_get_n_selected (fixture->sidebar), ==, 4);
  g_assert_cmpuint (fixture->n_n_selected_notifies, >, 0);
  g_assert_cmpuint (fixture->n_selected_notifies, ==, notifies);
  ids = amends_case_sidebar_get_selected_ids (fixture->sidebar);
  g_assert_cmpuint (ids->len, ==, 4);
  g_clear_pointer (&ids, g_array_unref);

  /* Next and previous move a single selection. */
  gtk_selection_model_select_item (selection (fixture), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.next-case", NULL));
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 1));
  g_assert_false (gtk_selection_model_is_selected (selection (fixture), 0));
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->room_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.next-case", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.next-case", NULL);
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->noise_id);
  /* At the end, there is no next case. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.next-case", NULL);
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->noise_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.previous-case", NULL);
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 2));

  /* Deselecting everything */
  gtk_selection_model_unselect_all (selection (fixture));
  g_assert_null (amends_case_sidebar_get_selected_case (fixture->sidebar));
}

/* What a click, a Ctrl+click and a Shift+click on a row do in GTK 4.8:
 * the row's "listitem.select" action, with (modify, extend). */
static void
click_row (Fixture  *fixture,
           guint     position,
           gboolean  ctrl,
           gboolean  shift)
{
  GtkWidget *item_widget = gtk_widget_get_parent (GTK_WIDGET (row_at (fixture, position)));

  g_assert_true (gtk_widget_activate_action (item_widget, "listitem.select", "(bb)", ctrl, shift));
}

static void
test_sidebar_clicks (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;

  click_row (fixture, 0, FALSE, FALSE);
  g_assert_true (amends_case_sidebar_get_selected_case (fixture->sidebar) == case_at (fixture, 0));

  click_row (fixture, 2, FALSE, TRUE);
  g_assert_null (amends_case_sidebar_get_selected_case (fixture->sidebar));
  g_assert_cmpuint (amends_case_sidebar_get_n_selected (fixture->sidebar), ==, 3);
  ids = amends_case_sidebar_get_selected_ids (fixture->sidebar);
  g_assert_cmpuint (ids->len, ==, 3);
  g_clear_pointer (&ids, g_array_unref);

  click_row (fixture, 1, TRUE, FALSE);
  ids = amends_case_sidebar_get_selected_ids (fixture->sidebar);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->soup_id);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, fixture->booking_id);
  g_clear_pointer (&ids, g_array_unref);

  click_row (fixture, 3, FALSE, FALSE);
  g_assert_true (amends_case_sidebar_get_selected_case (fixture->sidebar) == case_at (fixture, 3));
  ids = amends_case_sidebar_get_selected_ids (fixture->sidebar);
  g_assert_cmpuint (ids->len, ==, 1);
}

static void
test_sidebar_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *entry = sidebar_child (fixture, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.focus-search", NULL));
  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Every control can be reached with Tab. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (list_view (fixture))) ||
                 gtk_widget_child_focus (GTK_WIDGET (list_view (fixture)), GTK_DIR_TAB_FORWARD));
  for (GtkWidget *w = find_widget (GTK_WIDGET (fixture->sidebar), GTK_TYPE_MENU_BUTTON); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_MENU_BUTTON (w))
      g_assert_true (gtk_widget_child_focus (w, GTK_DIR_TAB_FORWARD));

  /* With the focus in the list, the next case takes the focus along. */
  gtk_selection_model_select_item (selection (fixture), 0, TRUE);
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row_at (fixture, 0))));
  gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.next-case", NULL);
  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (row_at (fixture, 1)), focus) ||
                 focus == gtk_widget_get_parent (GTK_WIDGET (row_at (fixture, 1))));
}

static void
test_sidebar_row_follows_store (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(AmendsCase) copy = NULL;
  g_autoptr(GError) error = NULL;
  AmendsCaseRow *row = row_at (fixture, 0);
  GtkSelectionModel *model = selection (fixture);
  guint models = fixture->n_lists;

  assert_row_says (fixture, 0, "Cold soup");

  /* Another window (the editor) saves its own copy of the case. */
  copy = amends_store_load (fixture->db.store, AMENDS_TYPE_CASE, fixture->soup_id, &error);
  g_assert_no_error (error);
  amends_case_set_summary (copy, "Cold soup, twice");
  amends_store_update (fixture->db.store, AMENDS_RECORD (copy), &error);
  g_assert_no_error (error);
  amends_ui_test_wait_for_cases (GTK_WIDGET (fixture->sidebar));

  /* The same row of the same list says so. */
  g_assert_true (selection (fixture) == model);
  g_assert_cmpuint (fixture->n_lists, ==, models);
  g_assert_true (row_at (fixture, 0) == row);
  assert_row_says (fixture, 0, "Cold soup, twice");

  /* Taking ownership shows too. */
  g_object_set (copy, "owner-id", (gint64) 0, NULL);
  amends_store_update (fixture->db.store, AMENDS_RECORD (copy), &error);
  g_assert_no_error (error);
  amends_ui_test_wait_for_cases (GTK_WIDGET (fixture->sidebar));
  assert_row_says (fixture, 0, "Unowned");
}

static gboolean
row_says (Fixture    *fixture,
          guint       position,
          const char *expected)
{
  g_autofree char *text = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  AmendsCaseRow *row;

  if (position >= n_cases (fixture))
    return FALSE;
  kase = g_list_model_get_item (G_LIST_MODEL (selection (fixture)), position);
  row = find_row (GTK_WIDGET (list_view (fixture)), kase);
  if (row == NULL)
    return FALSE;
  text = text_of (row);
  return strstr (text, expected) != NULL;
}

/* Another program on the same file changes a case and logs one: the list
 * shows both by itself, with nothing done in this one. */
static void
test_sidebar_follows_other_program (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(AmendsStore) other = NULL;
  g_autoptr(AmendsCase) copy = NULL;
  g_autoptr(AmendsCase) added = NULL;
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  guint before = n_cases (fixture);
  guint timeout_id;

  assert_row_says (fixture, 0, "Cold soup");

  other = amends_store_open (fixture->db.path, &error);
  g_assert_no_error (error);
  amends_store_set_fixed_now (other, fixture->db.now);
  copy = amends_store_load (other, AMENDS_TYPE_CASE, fixture->soup_id, &error);
  g_assert_no_error (error);
  amends_case_set_summary (copy, "Cold soup, at the other desk");
  g_assert_true (amends_store_update (other, AMENDS_RECORD (copy), &error));
  added = amends_test_add_case (other, "Logged at the other desk", fixture->db.now);

  /* A limit to give up at, not a measure: the store looks every second. */
  timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout_cb, &timed_out);
  while (!(row_says (fixture, 0, "Cold soup, at the other desk") && n_cases (fixture) == before + 1) &&
         !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  g_assert_cmpuint (n_cases (fixture), ==, before + 1);
}

static void
test_sidebar_clock_moves_on (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) later = g_date_time_add_hours (fixture->db.now, 2);
  GtkSelectionModel *model;
  guint models;

  assert_row_says (fixture, 1, "Room not ready");
  assert_row_says (fixture, 1, "1 h left");

  choose (fixture, "sidebar.overdue-only", NULL);
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  model = selection (fixture);
  models = fixture->n_lists;

  /* Two hours go by: the next tick brings "now" on. */
  amends_store_set_fixed_now (fixture->db.store, later);
  g_object_set (fixture->sidebar, "now", later, NULL);
  amends_ui_test_wait_for_cases (GTK_WIDGET (fixture->sidebar));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();

  /* Overdue only: the list was read again, in place. */
  g_assert_true (selection (fixture) == model);
  g_assert_cmpuint (fixture->n_lists, ==, models);
  g_assert_cmpuint (n_cases (fixture), ==, 2);
  g_assert_cmpstr (summary_at (fixture, 1), ==, "Room not ready");
  assert_row_says (fixture, 1, "overdue by");
  g_assert_true (gtk_widget_has_css_class (clock_label_of (row_at (fixture, 1)), "overdue"));
  g_assert_cmpstr (counts_text (fixture), ==, "2 open, 2 overdue");
}

static void
test_sidebar_keeps_selection (Fixture       *fixture,
                              gconstpointer  data)
{
  AmendsCase *selected;

  gtk_selection_model_select_item (selection (fixture), 1, TRUE);
  selected = amends_case_sidebar_get_selected_case (fixture->sidebar);
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (selected)), ==, fixture->room_id);

  /* A more urgent case arrives on top. */
  add_case (fixture, "Wrong bill", 30, NULL);
  amends_ui_test_wait_for_cases (GTK_WIDGET (fixture->sidebar));
  g_assert_cmpuint (n_cases (fixture), ==, 5);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Wrong bill");
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 2));
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->room_id);

  /* Searching for it, then clearing the search, keeps it. */
  type_search (fixture, "room");
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 0));
  type_search (fixture, "");
  g_assert_cmpuint (n_cases (fixture), ==, 5);
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 2));
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->room_id);
}

/* A case logged at the desk and asked for at once, as the intake does:
 * the commit returns before the list has read its ids again (in a thread),
 * and the case is selected when it has, with no filter cleared. */
static void
test_sidebar_selects_case_just_logged (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkSelectionModel *model = selection (fixture);
  guint models = fixture->n_lists;
  guint before = n_cases (fixture);
  gboolean busy = FALSE;
  gint64 id;

  id = add_case (fixture, "Wrong bill", 30, NULL);
  g_object_get (fixture->sidebar, "busy", &busy, NULL);
  g_assert_true (busy);
  g_assert_cmpuint (n_cases (fixture), ==, before);

  g_assert_true (amends_case_sidebar_select_case (fixture->sidebar, id));
  amends_ui_test_wait_for_cases (GTK_WIDGET (fixture->sidebar));

  g_assert_cmpuint (n_cases (fixture), ==, before + 1);
  g_assert_true (selection (fixture) == model);
  g_assert_cmpuint (fixture->n_lists, ==, models);
  g_assert_nonnull (amends_case_sidebar_get_selected_case (fixture->sidebar));
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, id);
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 0));
}

static void
on_items_changed_record_cb (GListModel *model,
                            guint       position,
                            guint       removed,
                            guint       added,
                            GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

/* A new list goes in front of the old one, then the old one goes: two
 * signals, never one that both removes and adds every row. */
static void
assert_swapped (GArray *changes,
                guint   n_before,
                guint   n_after)
{
  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, n_after);
  g_assert_cmpuint (g_array_index (changes, guint, 3), ==, n_after);
  g_assert_cmpuint (g_array_index (changes, guint, 4), ==, n_before);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, 0);
  g_array_set_size (changes, 0);
}

static void
test_sidebar_one_model_for_life (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkSelectionModel *model = selection (fixture);
  guint notifies;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_record_cb), changes);
  gtk_selection_model_select_item (model, 1, TRUE);
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->room_id);

  /* A filter keeps the view's model; the chosen case stays chosen without
   * the editor emptying between. */
  notifies = fixture->n_selected_notifies;
  choose (fixture, "sidebar.category", "s", "Rooms");
  g_assert_true (selection (fixture) == model);
  assert_swapped (changes, 4, 2);
  g_assert_cmpuint (fixture->n_selected_notifies, <=, notifies + 1);
  g_assert_cmpuint (amends_case_sidebar_get_n_selected (fixture->sidebar), ==, 1);
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->room_id);
  g_assert_true (gtk_selection_model_is_selected (model, 0));
  choose (fixture, "sidebar.category", "s", "");
  g_assert_true (selection (fixture) == model);
  assert_swapped (changes, 2, 4);
  g_assert_true (gtk_selection_model_is_selected (model, 1));

  /* A search without it empties the selection; clearing it brings the
   * case back. */
  type_search (fixture, "soup");
  g_assert_true (selection (fixture) == model);
  assert_swapped (changes, 4, 1);
  g_assert_cmpuint (amends_case_sidebar_get_n_selected (fixture->sidebar), ==, 0);
  g_assert_null (amends_case_sidebar_get_selected_case (fixture->sidebar));
  type_search (fixture, "");
  g_assert_true (selection (fixture) == model);
  assert_swapped (changes, 1, 4);
  g_assert_true (gtk_selection_model_is_selected (model, 1));
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->room_id);

  /* Several chosen: nothing to keep across a filter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view (fixture)), "list.select-all", NULL));
  g_assert_cmpuint (amends_case_sidebar_get_n_selected (fixture->sidebar), ==, 4);
  choose (fixture, "sidebar.overdue-only", NULL);
  g_assert_true (selection (fixture) == model);
  g_assert_cmpuint (amends_case_sidebar_get_n_selected (fixture->sidebar), ==, 0);
  g_assert_null (amends_case_sidebar_get_selected_case (fixture->sidebar));

  g_signal_handlers_disconnect_by_data (model, changes);
}

static void
test_sidebar_select_case (Fixture       *fixture,
                          gconstpointer  data)
{
  guint before;
  int status;

  choose (fixture, "sidebar.status", "i", AMENDS_CASE_STATUS_RECOVERED);
  type_search (fixture, "noisy");
  g_assert_cmpuint (n_cases (fixture), ==, 1);

  /* The filter hides it: back to the default list, with it selected. */
  before = fixture->n_lists;
  g_assert_true (amends_case_sidebar_select_case (fixture->sidebar, fixture->soup_id));
  wait_for_new_list (fixture, before);
  g_object_get (fixture->sidebar, "status", &status, NULL);
  g_assert_cmpint (status, ==, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sidebar_child (fixture, GTK_TYPE_SEARCH_ENTRY))), ==, "");
  g_assert_cmpuint (n_cases (fixture), ==, 4);
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->soup_id);

  /* Shown already: selected at once. */
  before = fixture->n_lists;
  g_assert_true (amends_case_sidebar_select_case (fixture->sidebar, fixture->booking_id));
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 2));
  g_assert_false (gtk_selection_model_is_selected (selection (fixture), 0));
  g_assert_cmpuint (fixture->n_lists, ==, before);

  /* In the trash: not in the list of live cases. */
  g_assert_false (amends_case_sidebar_select_case (fixture->sidebar, fixture->kettle_id));
}

/* Colour is never the only signal (issue 13): the severity is written on
 * every row, and a clock due soon says so in words beside its amber. */
static void
test_sidebar_words_not_colour (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(AmendsCase) soup = amends_store_load (fixture->db.store, AMENDS_TYPE_CASE, fixture->soup_id, NULL);
  g_autoptr(GError) error = NULL;

  /* Room not ready: logged 23 h ago, 1 h left: due soon. */
  g_assert_cmpstr (summary_at (fixture, 1), ==, "Room not ready");
  assert_row_says (fixture, 1, "Due soon");
  assert_row_says (fixture, 1, "Moderate");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_at (fixture, 1)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Moderate, Open, customer Tomás Lind, due soon");

  /* Overdue and running clocks are not due soon. */
  text = text_of (row_at (fixture, 0));
  g_assert_null (strstr (text, "Due soon"));
  g_clear_pointer (&text, g_free);
  text = text_of (row_at (fixture, 2));
  g_assert_null (strstr (text, "Due soon"));

  /* A change of severity shows on the row. */
  g_object_set (soup, "severity", AMENDS_SEVERITY_MAJOR, NULL);
  amends_store_update (fixture->db.store, AMENDS_RECORD (soup), &error);
  g_assert_no_error (error);
  amends_ui_test_wait_until ((gboolean (*) (gpointer)) list_caught_up, fixture);
  assert_row_says (fixture, 0, "Major");
}

/* The list is one Tab stop: Tab from a row leaves the list for what comes
 * after it (the editor), instead of going to the next row. */
static void
test_sidebar_tab_leaves_list (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (row_at (fixture, 0)));
  GtkWidget *focus;

  gtk_widget_grab_focus (item);
  g_assert_true (gtk_window_get_focus (fixture->window) == item);

  press_tab (fixture, GTK_WIDGET (list_view (fixture)));
  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (list_view (fixture))));
  g_assert_true (focus == fixture->editor || gtk_widget_is_ancestor (focus, fixture->editor));

  /* Arrows still move inside the list (GtkListView's own keys). */
  gtk_widget_grab_focus (item);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (list_view (fixture)), GTK_DIR_DOWN));
  focus = gtk_window_get_focus (fixture->window);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (list_view (fixture))));
}

/* A recovered case whose follow-up is due sorts with the open cases, and
 * the "Follow-up Due" filter shows it alone. */
static void
test_sidebar_follow_up_due (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AmendsCase) noise = amends_store_load (fixture->db.store, AMENDS_TYPE_CASE, fixture->noise_id, NULL);
  g_autoptr(GDateTime) half_an_hour_ago = hours_ago (fixture, 0.5);
  GtkMenuButton *filter_button = GTK_MENU_BUTTON (sidebar_child (fixture, GTK_TYPE_MENU_BUTTON));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_true (menu_has_label (gtk_menu_button_get_menu_model (filter_button), "_Follow-up Due"));
  g_assert_cmpstr (summary_at (fixture, 3), ==, "Noisy neighbours");

  g_object_set (noise, "follow-up-due-at", half_an_hour_ago, NULL);
  amends_store_update (fixture->db.store, AMENDS_RECORD (noise), &error);
  g_assert_no_error (error);
  amends_ui_test_wait_until ((gboolean (*) (gpointer)) list_caught_up, fixture);

  /* Overdue by half an hour: after the soup (2 h overdue, as severe),
   * before the room (due soon). */
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Cold soup");
  g_assert_cmpstr (summary_at (fixture, 1), ==, "Noisy neighbours");
  g_assert_cmpstr (summary_at (fixture, 2), ==, "Room not ready");

  choose (fixture, "sidebar.follow-up-due", NULL);
  g_assert_cmpuint (n_cases (fixture), ==, 1);
  g_assert_cmpstr (summary_at (fixture, 0), ==, "Noisy neighbours");
  assert_row_says (fixture, 0, "Follow-up due");
  label = text_of (filter_button);
  g_assert_cmpstr (label, ==, "Follow-up Due\n");
}

/* At text scaling 1.5 a summary wraps to a second line before it is cut;
 * every row keeps the same height, so the list never measures rows. */
static void
test_sidebar_large_text (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *path = g_build_filename (amends_ui_test_screenshot_dir (), "sidebar-text-1.5.png", NULL);
  int old_dpi;
  GtkWidget *summary, *customer;
  int heights[4];
  int summary_height, customer_height;

  g_object_get (settings, "gtk-xft-dpi", &old_dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", (int) (1.5 * 96 * 1024), NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();
  save_screenshot (GTK_WIDGET (fixture->window), path);

  summary = find_css (GTK_WIDGET (row_at (fixture, 0)), "summary");
  customer = find_css (GTK_WIDGET (row_at (fixture, 0)), "customer");
  /* Two lines kept for the summary, one for the customer's name, in the
   * same font size: at least 1.8 times the height, however short the
   * summary (the rows are not measured one by one). */
  gtk_widget_measure (summary, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (summary),
                      &summary_height, NULL, NULL, NULL);
  gtk_widget_measure (customer, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (customer),
                      &customer_height, NULL, NULL, NULL);
  g_assert_cmpint (summary_height * 10, >=, customer_height * 18);

  for (guint i = 0; i < 4; i++)
    heights[i] = gtk_widget_get_height (GTK_WIDGET (row_at (fixture, i)));
  for (guint i = 1; i < 4; i++)
    g_assert_cmpint (heights[i], ==, heights[0]);

  g_object_set (settings, "gtk-xft-dpi", old_dpi, NULL);
}

static gboolean
says_filters_cleared (Fixture *fixture)
{
  g_autofree char *toasts = text_of (fixture->overlay);

  return strstr (toasts, "Filters cleared to show C-2026-00003") != NULL;
}

/* Opening a case the search hides (an earlier case from the customer
 * card) clears the search before the person's eyes and says so. */
static void
test_sidebar_select_hidden_says_why (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *toasts = NULL;
  guint before;

  type_search (fixture, "noisy");
  g_assert_cmpuint (n_cases (fixture), ==, 1);

  before = fixture->n_lists;
  g_assert_true (amends_case_sidebar_select_case (fixture->sidebar, fixture->soup_id));
  wait_for_new_list (fixture, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sidebar_child (fixture, GTK_TYPE_SEARCH_ENTRY))), ==, "");
  g_assert_cmpint (amends_record_get_id (AMENDS_RECORD (amends_case_sidebar_get_selected_case (fixture->sidebar))),
                   ==, fixture->soup_id);
  toasts = text_of (fixture->overlay);
  if (strstr (toasts, "Search “noisy” cleared to show C-2026-00001") == NULL)
    g_error ("No toast says why the search was cleared; the window says:\n%s", toasts);
  g_clear_pointer (&toasts, g_free);

  /* A filter alone */
  choose (fixture, "sidebar.status", "i", AMENDS_CASE_STATUS_RECOVERED);
  before = fixture->n_lists;
  g_assert_true (amends_case_sidebar_select_case (fixture->sidebar, fixture->booking_id));
  wait_for_new_list (fixture, before);
  /* It replaces the first toast, which would otherwise hold it back. */
  amends_ui_test_wait_until ((gboolean (*) (gpointer)) says_filters_cleared, fixture);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved a screenshot of %dx%d to %s", width, height, path);
}

static void
fixture_set_up_varied (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) an_hour_ago = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  g_autoptr(GDateTime) paused_at = NULL;
  gint64 ada, bilal, chen;

  amends_test_db_setup (&fixture->db, data);
  ada = add_staff (fixture->db.store, "Ada Moreau");
  bilal = add_staff (fixture->db.store, "Bilal Okafor");
  chen = add_staff (fixture->db.store, "Chen Wei");
  an_hour_ago = hours_ago (fixture, 1);
  yesterday = hours_ago (fixture, 20);
  paused_at = hours_ago (fixture, 3);

  add_case (fixture, "Cold soup at the anniversary dinner", 26,
            "owner-id", ada, "customer-id", add_customer (fixture, "Ines Duarte"),
            "category", "Restaurant", "follow-up-due-at", an_hour_ago, NULL);
  add_case (fixture, "Room not ready at check-in", 23,
            "customer-id", add_customer (fixture, "Tomás Lind"), "category", "Rooms", NULL);
  add_case (fixture, "Wake-up call never came", 21,
            "owner-id", bilal, "customer-id", add_customer (fixture, "Margaret Okonkwo-Whitfield"),
            "category", "Front desk", "status", AMENDS_CASE_STATUS_IN_RECOVERY, NULL);
  add_case (fixture, "Lost booking for the spa", 3,
            "owner-id", chen, "customer-id", add_customer (fixture, "Jun Park"),
            "category", "Spa", NULL);
  add_case (fixture, "Shower too cold", 1,
            "customer-id", add_customer (fixture, "Aroha Ngata"), "category", "Rooms", NULL);
  add_case (fixture, "Waiting on the laundry's answer", 10,
            "owner-id", ada, "customer-id", add_customer (fixture, "Pieter de Vries"),
            "category", "Housekeeping", "paused-at", paused_at, NULL);
  add_case (fixture, "Noisy neighbours on the fourth floor", 10,
            "owner-id", bilal, "customer-id", add_customer (fixture, "Sofia Rossi"),
            "category", "Rooms", "status", AMENDS_CASE_STATUS_RECOVERED,
            "recovered-at", an_hour_ago, NULL);
  add_case (fixture, "Minibar charged twice", 50,
            "owner-id", chen, "customer-id", add_customer (fixture, "Lukas Berger"),
            "category", "Billing", "status", AMENDS_CASE_STATUS_RECOVERED,
            "recovered-at", yesterday, "follow-up-due-at", an_hour_ago, NULL);
  add_case (fixture, "Parking barrier stuck", 70,
            "owner-id", ada, "customer-id", add_customer (fixture, "Emma Laurent"),
            "category", "Parking", "status", AMENDS_CASE_STATUS_CLOSED,
            "recovered-at", yesterday, NULL);
  add_case (fixture, "Allergy not passed to the kitchen", 12,
            "owner-id", chen, "customer-id", add_customer (fixture, "Yusuf Demir"),
            "category", "Restaurant", "status", AMENDS_CASE_STATUS_IN_RECOVERY, NULL);

  fixture_open (fixture, 320, 820);
}

/* Saves what the sidebar looks like to $AMENDS_SCREENSHOT_DIR, for people
 * to look at (not compared with anything). */
static void
test_sidebar_screenshot (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *dir = amends_ui_test_screenshot_dir ();
  g_autofree char *path = NULL;
  g_autofree char *filtered_path = NULL;

  g_assert_cmpuint (n_cases (fixture), ==, 10);
  gtk_selection_model_select_item (selection (fixture), 1, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();

  path = g_build_filename (dir, "sidebar.png", NULL);
  save_screenshot (GTK_WIDGET (fixture->window), path);

  choose (fixture, "sidebar.status", "i", AMENDS_CASE_STATUS_CLOSED);
  type_search (fixture, "kettle");
  filtered_path = g_build_filename (dir, "sidebar-no-match.png", NULL);
  save_screenshot (GTK_WIDGET (fixture->window), filtered_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = NULL;

  /* Never touch the user's own settings, whatever the environment says. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* What AdwApplication does for the application's windows */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD_TEST(path, func, setup) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD_TEST ("/ui/sidebar/lists-most-urgent-first", test_sidebar_lists_by_urgency, fixture_set_up);
  ADD_TEST ("/ui/sidebar/search-narrows-the-list", test_sidebar_search_narrows, fixture_set_up);
  ADD_TEST ("/ui/sidebar/filters-and-sort", test_sidebar_filters, fixture_set_up);
  ADD_TEST ("/ui/sidebar/placeholder-clears-filters", test_sidebar_clear_filters_from_placeholder, fixture_set_up);
  ADD_TEST ("/ui/sidebar/empty-trash-says-so", test_sidebar_empty_trash, fixture_set_up_empty);
  ADD_TEST ("/ui/sidebar/selection", test_sidebar_selection, fixture_set_up);
  ADD_TEST ("/ui/sidebar/clicks-select", test_sidebar_clicks, fixture_set_up);
  ADD_TEST ("/ui/sidebar/keyboard", test_sidebar_keyboard, fixture_set_up);
  ADD_TEST ("/ui/sidebar/row-follows-store", test_sidebar_row_follows_store, fixture_set_up);
  ADD_TEST ("/ui/sidebar/follows-other-program", test_sidebar_follows_other_program, fixture_set_up);
  ADD_TEST ("/ui/sidebar/clock-moves-on", test_sidebar_clock_moves_on, fixture_set_up);
  ADD_TEST ("/ui/sidebar/keeps-selection", test_sidebar_keeps_selection, fixture_set_up);
  ADD_TEST ("/ui/sidebar/selects-case-just-logged", test_sidebar_selects_case_just_logged, fixture_set_up);
  ADD_TEST ("/ui/sidebar/one-model-for-life", test_sidebar_one_model_for_life, fixture_set_up);
  ADD_TEST ("/ui/sidebar/select-case-clears-filters", test_sidebar_select_case, fixture_set_up);
  ADD_TEST ("/ui/sidebar/screenshot", test_sidebar_screenshot, fixture_set_up_varied);
  ADD_TEST ("/ui/sidebar/words-not-colour", test_sidebar_words_not_colour, fixture_set_up);
  ADD_TEST ("/ui/sidebar/tab-leaves-list", test_sidebar_tab_leaves_list, fixture_set_up_beside_editor);
  ADD_TEST ("/ui/sidebar/follow-up-due", test_sidebar_follow_up_due, fixture_set_up);
  ADD_TEST ("/ui/sidebar/large-text-wraps-summary", test_sidebar_large_text, fixture_set_up_varied);
  ADD_TEST ("/ui/sidebar/select-hidden-says-why", test_sidebar_select_hidden_says_why, fixture_set_up_with_toasts);

#undef ADD_TEST

  return g_test_run ();
}
