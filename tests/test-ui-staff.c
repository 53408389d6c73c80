/* test-ui-staff.c: the Staff page of the preferences, driven as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <adwaita.h>

#include "amends-staff-page.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb          db;
  GtkWindow            *window;
  AmendsStaffPage      *page;
  gint64                ada_id;
  gint64                bilal_id;
  gint64                chiara_id;
  gint64                dmitri_id;
} Fixture;

static gint64
insert_staff (AmendsStore     *store,
              const char      *name,
              const char      *team,
              AmendsStaffRole  role,
              gboolean         active)
{
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (staff,
                "name", name,
                "team", team,
                "role", role,
                "active", active,
                NULL);
  amends_store_insert (store, AMENDS_RECORD (staff), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (staff));
}

static AmendsStaff *
load_staff (Fixture *fixture,
            gint64   staff_id)
{
  g_autoptr(GError) error = NULL;
  AmendsStaff *staff = amends_store_load (fixture->db.store, AMENDS_TYPE_STAFF, staff_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (staff);

  return staff;
}

static guint
count_staff (Fixture  *fixture,
             gboolean  include_inactive)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = amends_store_list_staff (fixture->db.store, include_inactive, &error);

  g_assert_no_error (error);

  return g_list_model_get_n_items (staff);
}

static gboolean
lists_staff (Fixture    *fixture,
             gboolean    include_inactive,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = amends_store_list_staff (fixture->db.store, include_inactive, &error);

  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) person = g_list_model_get_item (staff, i);

      if (g_strcmp0 (amends_staff_get_name (person), name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The page in a preferences window, as the application shows it; or, with
 * @plain, in a plain window, where errors cannot be toasts. */
static void
fixture_open (Fixture  *fixture,
              gboolean  plain)
{
  fixture->page = amends_staff_page_new (fixture->db.store);
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);

  if (plain)
    {
      fixture->window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
    }
  else
    {
      /* As the application's preferences window, without a search. */
      fixture->window = GTK_WINDOW (adw_preferences_window_new ());
      adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (fixture->window), FALSE);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (fixture->window),
                                  ADW_PREFERENCES_PAGE (fixture->page));
    }

  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (fixture->window, 640, 820);
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();
}

static void
fixture_set_up_store (Fixture       *fixture,
                      gconstpointer  data)
{
  amends_test_db_setup (&fixture->db, data);

  fixture->ada_id = insert_staff (fixture->db.store, "Ada Moreau", "Front desk",
                                  AMENDS_STAFF_ROLE_FRONT_DESK, TRUE);
  fixture->bilal_id = insert_staff (fixture->db.store, "Bilal Okafor", "Night shift",
                                    AMENDS_STAFF_ROLE_FRONT_DESK, TRUE);
  fixture->chiara_id = insert_staff (fixture->db.store, "Chiara Bianchi", "Management",
                                     AMENDS_STAFF_ROLE_MANAGER, TRUE);
  fixture->dmitri_id = insert_staff (fixture->db.store, "Dmitri Volkov", "Reception",
                                     AMENDS_STAFF_ROLE_FRONT_DESK, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_store (fixture, data);
  fixture_open (fixture, FALSE);
}

static void
fixture_set_up_plain (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture_set_up_store (fixture, data);
  fixture_open (fixture, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  amends_ui_test_drain ();
  g_assert_null (fixture->window);
  g_assert_null (fixture->page);

  /* Finalizes the store: the page let go of it. */
  amends_test_db_teardown (&fixture->db, data);
}

/* Finding widgets */

static GtkWidget *
template_child (Fixture    *fixture,
                const char *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                  AMENDS_TYPE_STAFF_PAGE, id);

  g_assert_nonnull (child);

  return GTK_WIDGET (child);
}

/* The first descendant of @type, with @title when it is a preferences row
 * and @title is not NULL. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (title == NULL ||
       (ADW_IS_PREFERENCES_ROW (widget) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
child_of (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  GtkWidget *found = find_widget (widget, type, title);

  g_assert_nonnull (found);

  return found;
}

/* A person's row in the list; NULL when there is none. */
static AdwExpanderRow *
person_row (Fixture    *fixture,
            const char *name)
{
  GtkWidget *people = template_child (fixture, "people_group");

  return (AdwExpanderRow *) find_widget (people, ADW_TYPE_EXPANDER_ROW, name);
}

static AdwExpanderRow *
expand_person (Fixture    *fixture,
               const char *name)
{
  AdwExpanderRow *row = person_row (fixture, name);

  g_assert_nonnull (row);
  adw_expander_row_set_expanded (row, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();

  return row;
}

/* The "Active" switch; an expander row has a hidden switch of its own. */
static GtkSwitch *
active_switch_of (AdwExpanderRow *row)
{
  GtkWidget *active_row = child_of (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, "Active");

  return GTK_SWITCH (child_of (active_row, GTK_TYPE_SWITCH, NULL));
}

static GPtrArray *
shown_names (Fixture *fixture)
{
  GtkWidget *people = template_child (fixture, "people_group");
  GtkWidget *list = child_of (people, GTK_TYPE_LIST_BOX, NULL);
  GPtrArray *names = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_EXPANDER_ROW (child) && gtk_widget_get_visible (child))
        g_ptr_array_add (names, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
    }
  g_ptr_array_add (names, NULL);

  return names;
}

static GtkWidget *
find_visible_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_BUTTON (child))
        return child;
      if ((found = find_visible_button (child)) != NULL)
        return found;
    }

  return NULL;
}

/* Whether an entry row shows its apply button: it is the only button. */
static gboolean
has_visible_button (GtkWidget *widget)
{
  return find_visible_button (widget) != NULL;
}

static gboolean
tree_has_text (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (tree_has_text (child, text))
        return TRUE;
    }

  return FALSE;
}

/* Typing and pressing keys */

/* Puts the keyboard focus in @entry_row and replaces its text, as typing
 * would; the row reveals its apply button. */
static void
type_into (Fixture     *fixture,
           AdwEntryRow *entry_row,
           const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry_row));
  amends_ui_test_drain ();
  g_assert_true (gtk_widget_has_focus (child_of (GTK_WIDGET (entry_row), GTK_TYPE_TEXT, NULL)));

  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  amends_ui_test_drain ();
}

/* Enter in an entry row: its GtkText is activated, and the row turns that
 * into ::apply (text changed) or ::entry-activated, as it decides. */
static void
press_enter (AdwEntryRow *entry_row)
{
  g_signal_emit_by_name (child_of (GTK_WIDGET (entry_row), GTK_TYPE_TEXT, NULL), "activate");
  amends_ui_test_drain ();
}

static void
click_apply_button (AdwEntryRow *entry_row)
{
  GtkWidget *button = find_visible_button (GTK_WIDGET (entry_row));

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  amends_ui_test_drain ();
}

/* The tests */

static void
test_staff_page_lists_everyone (Fixture       *fixture,
                                gconstpointer  data)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (fixture->page);
  AdwPreferencesGroup *people = ADW_PREFERENCES_GROUP (template_child (fixture, "people_group"));
  AdwPreferencesGroup *add = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (template_child (fixture, "add_row"),
                                                                          ADW_TYPE_PREFERENCES_GROUP));
  const char *expected[] = { "Ada Moreau", "Bilal Okafor", "Chiara Bianchi", "Dmitri Volkov", NULL };
  g_autoptr(GPtrArray) names = shown_names (fixture);
  AdwExpanderRow *dmitri;
  AdwExpanderRow *chiara;

  g_assert_cmpstr (adw_preferences_page_get_title (page), ==, "Staff");
  g_assert_cmpstr (adw_preferences_page_get_icon_name (page), ==, "system-users-symbolic");
  g_assert_true (amends_staff_page_get_store (fixture->page) == fixture->db.store);

  g_assert_cmpstr (adw_preferences_group_get_title (add), ==, "Add a Person");
  g_assert_cmpstr (adw_preferences_group_get_title (people), ==, "People at the Desk");
  g_assert_cmpstr (adw_preferences_group_get_description (people), ==,
                   "Everyone who may log and recover cases. A person who leaves is "
                   "deactivated, not deleted, so their history stays.");

  /* Everyone, the inactive too, by name. */
  g_assert_cmpstrv ((char **) names->pdata, expected);
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "empty_row")));

  /* A team named like the role is not said twice. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (person_row (fixture, "Ada Moreau")), ==, "Front desk");

  chiara = person_row (fixture, "Chiara Bianchi");
  g_assert_cmpstr (adw_expander_row_get_subtitle (chiara), ==, "Management · Manager");
  dmitri = person_row (fixture, "Dmitri Volkov");
  g_assert_cmpstr (adw_expander_row_get_subtitle (dmitri), ==, "Reception · Front desk · Inactive");
  g_assert_true (gtk_widget_has_css_class (child_of (GTK_WIDGET (dmitri), ADW_TYPE_AVATAR, NULL), "dim-label"));
  g_assert_false (gtk_widget_has_css_class (child_of (GTK_WIDGET (chiara), ADW_TYPE_AVATAR, NULL), "dim-label"));

  /* Each row holds the person's fields, and the switch says what it is. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (GTK_WIDGET (chiara), ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, "Chiara Bianchi");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (GTK_WIDGET (chiara), ADW_TYPE_ENTRY_ROW, "Team or Location"))),
                   ==, "Management");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child_of (GTK_WIDGET (chiara), ADW_TYPE_COMBO_ROW, "Role"))),
                    ==, AMENDS_STAFF_ROLE_MANAGER);
  g_assert_true (gtk_switch_get_active (active_switch_of (chiara)));
  g_assert_false (gtk_switch_get_active (active_switch_of (dmitri)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (active_switch_of (dmitri)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Active");
}

static void
test_staff_page_empty_store (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) names = NULL;

  amends_test_db_setup (&fixture->db, data);
  fixture_open (fixture, FALSE);

  names = shown_names (fixture);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "empty_row")));
}

static void
test_staff_page_add_person (Fixture       *fixture,
                            gconstpointer  data)
{
  AdwEntryRow *add_row = ADW_ENTRY_ROW (template_child (fixture, "add_row"));
  g_autoptr(AmendsStaff) added = NULL;
  g_autoptr(GListModel) staff = NULL;
  AdwExpanderRow *row;

  g_assert_null (person_row (fixture, "Erin Walsh"));

  type_into (fixture, add_row, "  Erin Walsh ");
  g_assert_cmpuint (count_staff (fixture, TRUE), ==, 4);
  g_assert_true (has_visible_button (GTK_WIDGET (add_row)));

  press_enter (add_row);

  /* Stored: active, at the front desk, without the spaces. */
  g_assert_cmpuint (count_staff (fixture, TRUE), ==, 5);
  g_assert_true (lists_staff (fixture, FALSE, "Erin Walsh"));
  staff = amends_store_list_staff (fixture->db.store, FALSE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (staff) && added == NULL; i++)
    {
      g_autoptr(AmendsStaff) person = g_list_model_get_item (staff, i);

      if (g_strcmp0 (amends_staff_get_name (person), "Erin Walsh") == 0)
        added = g_steal_pointer (&person);
    }
  g_assert_nonnull (added);
  g_assert_true (amends_staff_get_active (added));
  g_assert_cmpint (amends_staff_get_role (added), ==, AMENDS_STAFF_ROLE_FRONT_DESK);

  /* The row is ready for the next one, and the person is listed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_assert_false (has_visible_button (GTK_WIDGET (add_row)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (add_row), "error"));
  row = person_row (fixture, "Erin Walsh");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Front desk");

  /* The apply button does the same as Enter. */
  type_into (fixture, add_row, "Farid Haddad");
  click_apply_button (add_row);
  g_assert_true (lists_staff (fixture, FALSE, "Farid Haddad"));
  g_assert_nonnull (person_row (fixture, "Farid Haddad"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
}

static void
test_staff_page_empty_name_refused (Fixture       *fixture,
                                    gconstpointer  data)
{
  AdwEntryRow *add_row = ADW_ENTRY_ROW (template_child (fixture, "add_row"));
  const char *message = "A member of staff needs a name.";
  g_autoptr(AmendsStaff) ada = NULL;
  AdwExpanderRow *row;
  AdwEntryRow *name_row;

  g_assert_false (tree_has_text (GTK_WIDGET (fixture->window), message));

  /* Enter in the empty row, and with only spaces typed. */
  gtk_widget_grab_focus (GTK_WIDGET (add_row));
  press_enter (add_row);
  g_assert_cmpuint (count_staff (fixture, TRUE), ==, 4);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (add_row), "error"));
  g_assert_true (tree_has_text (GTK_WIDGET (fixture->window), message));
  /* In a preferences window the message is a toast, not the label. */
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "error_label")));

  type_into (fixture, add_row, "   ");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (add_row), "error"));
  press_enter (add_row);
  g_assert_cmpuint (count_staff (fixture, TRUE), ==, 4);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (add_row), "error"));

  /* Renaming someone to nothing is refused the same way. */
  row = expand_person (fixture, "Ada Moreau");
  name_row = ADW_ENTRY_ROW (child_of (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Name"));
  type_into (fixture, name_row, "");
  press_enter (name_row);
  ada = load_staff (fixture, fixture->ada_id);
  g_assert_cmpstr (amends_staff_get_name (ada), ==, "Ada Moreau");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Ada Moreau");

  /* Typing a name again clears the mark, and saves. */
  type_into (fixture, name_row, "Ada Moreau-Laurent");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  press_enter (name_row);
  g_clear_object (&ada);
  ada = load_staff (fixture, fixture->ada_id);
  g_assert_cmpstr (amends_staff_get_name (ada), ==, "Ada Moreau-Laurent");
}

static void
test_staff_page_error_label_outside_preferences (Fixture       *fixture,
                                                 gconstpointer  data)
{
  AdwEntryRow *add_row = ADW_ENTRY_ROW (template_child (fixture, "add_row"));
  GtkWidget *error_label = template_child (fixture, "error_label");

  g_assert_false (gtk_widget_get_visible (error_label));

  gtk_widget_grab_focus (GTK_WIDGET (add_row));
  press_enter (add_row);
  g_assert_cmpuint (count_staff (fixture, TRUE), ==, 4);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, "A member of staff needs a name.");

  /* Typing takes it away, and a person is added as usual. */
  type_into (fixture, add_row, "Erin Walsh");
  g_assert_false (gtk_widget_get_visible (error_label));
  press_enter (add_row);
  g_assert_true (lists_staff (fixture, FALSE, "Erin Walsh"));
}

static void
test_staff_page_rename_saves_on_apply (Fixture       *fixture,
                                       gconstpointer  data)
{
  AdwExpanderRow *row = expand_person (fixture, "Bilal Okafor");
  AdwEntryRow *name_row = ADW_ENTRY_ROW (child_of (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Name"));
  AdwEntryRow *team_row = ADW_ENTRY_ROW (child_of (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Team or Location"));
  GtkWidget *name_text = child_of (GTK_WIDGET (name_row), GTK_TYPE_TEXT, NULL);
  g_autoptr(AmendsStaff) bilal = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  const char *expected[] = { "Ada Moreau", "Chiara Bianchi", "Dmitri Volkov", "Zeynep Okafor", NULL };

  /* Typing saves nothing yet... */
  type_into (fixture, name_row, "Zeynep Okafor");
  bilal = load_staff (fixture, fixture->bilal_id);
  g_assert_cmpstr (amends_staff_get_name (bilal), ==, "Bilal Okafor");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Bilal Okafor");
  g_assert_true (has_visible_button (GTK_WIDGET (name_row)));

  /* ... Enter does, once, with the person at the desk in the audit. */
  amends_store_set_actor_id (fixture->db.store, fixture->chiara_id);
  press_enter (name_row);
  g_clear_object (&bilal);
  bilal = load_staff (fixture, fixture->bilal_id);
  g_assert_cmpstr (amends_staff_get_name (bilal), ==, "Zeynep Okafor");
  audit = amends_store_list_audit (fixture->db.store, "staff", fixture->bilal_id, NULL);
  g_assert_nonnull (audit);
  g_assert_cmpuint (audit->len, >=, 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < audit->len; i++)
      {
        AmendsAuditEntry *entry = g_ptr_array_index (audit, i);

        if (g_strcmp0 (entry->field, "name") == 0)
          {
            g_assert_false (found);
            found = TRUE;
            g_assert_cmpstr (entry->before, ==, "Bilal Okafor");
            g_assert_cmpstr (entry->after, ==, "Zeynep Okafor");
            g_assert_cmpint (entry->staff_id, ==, fixture->chiara_id);
          }
      }
    g_assert_true (found);
  }

  /* The same row, moved to its new place, still open, still in focus, and
   * with nothing left to apply. */
  g_assert_true (person_row (fixture, "Zeynep Okafor") == row);
  names = shown_names (fixture);
  g_assert_cmpstrv ((char **) names->pdata, expected);
  g_assert_true (adw_expander_row_get_expanded (row));
  g_assert_true (gtk_widget_has_focus (name_text));
  g_assert_false (has_visible_button (GTK_WIDGET (name_row)));
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (child_of (GTK_WIDGET (row), ADW_TYPE_AVATAR, NULL))),
                   ==, "Zeynep Okafor");

  /* The team, with the apply button; an empty team is none. */
  type_into (fixture, team_row, "Day shift");
  g_clear_object (&bilal);
  bilal = load_staff (fixture, fixture->bilal_id);
  g_assert_cmpstr (amends_staff_get_team (bilal), ==, "Night shift");
  click_apply_button (team_row);
  g_clear_object (&bilal);
  bilal = load_staff (fixture, fixture->bilal_id);
  g_assert_cmpstr (amends_staff_get_team (bilal), ==, "Day shift");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Day shift · Front desk");

  type_into (fixture, team_row, "");
  press_enter (team_row);
  g_clear_object (&bilal);
  bilal = load_staff (fixture, fixture->bilal_id);
  g_assert_null (amends_staff_get_team (bilal));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Front desk");
}

static void
test_staff_page_deactivate_keeps_history (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (fixture->db.store, "Cold soup at dinner", fixture->db.now);
  g_autoptr(AmendsCase) reloaded = NULL;
  g_autoptr(AmendsStaff) bilal = NULL;
  g_autoptr(GError) error = NULL;
  AdwExpanderRow *row;
  GtkWidget *active_row;
  GtkSwitch *active_switch;

  amends_store_take_ownership (fixture->db.store, kase, fixture->bilal_id, &error);
  g_assert_no_error (error);

  row = expand_person (fixture, "Bilal Okafor");
  active_row = child_of (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, "Active");
  active_switch = GTK_SWITCH (child_of (active_row, GTK_TYPE_SWITCH, NULL));
  g_assert_true (gtk_switch_get_active (active_switch));

  /* Enter on the focused "Active" row flips its switch. */
  g_assert_true (gtk_widget_activate (active_row));
  amends_ui_test_drain ();

  bilal = load_staff (fixture, fixture->bilal_id);
  g_assert_false (amends_staff_get_active (bilal));
  g_assert_false (gtk_switch_get_active (active_switch));
  g_assert_false (lists_staff (fixture, FALSE, "Bilal Okafor"));
  g_assert_true (lists_staff (fixture, TRUE, "Bilal Okafor"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Night shift · Front desk · Inactive");
  g_assert_true (gtk_widget_has_css_class (child_of (GTK_WIDGET (row), ADW_TYPE_AVATAR, NULL), "dim-label"));
  g_assert_true (person_row (fixture, "Bilal Okafor") == row);

  /* Their case is still theirs, by name. */
  reloaded = amends_store_load (fixture->db.store, AMENDS_TYPE_CASE,
                                amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_case_get_owner_id (reloaded), ==, fixture->bilal_id);
  g_assert_cmpstr (amends_case_get_owner_name (reloaded), ==, "Bilal Okafor");

  /* Back at the desk. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (active_switch)));
  amends_ui_test_drain ();
  g_clear_object (&bilal);
  bilal = load_staff (fixture, fixture->bilal_id);
  g_assert_true (amends_staff_get_active (bilal));
  g_assert_true (lists_staff (fixture, FALSE, "Bilal Okafor"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Night shift · Front desk");
  g_assert_false (gtk_widget_has_css_class (child_of (GTK_WIDGET (row), ADW_TYPE_AVATAR, NULL), "dim-label"));
}

/* "Team Lead" (issue 14): overdue cases are escalated to the leads. */
static void
test_staff_page_team_lead (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AmendsStaff) bilal = NULL;
  AdwExpanderRow *row = expand_person (fixture, "Bilal Okafor");
  GtkWidget *lead_row = child_of (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, "Team Lead");
  GtkSwitch *lead_switch = GTK_SWITCH (child_of (lead_row, GTK_TYPE_SWITCH, NULL));

  g_assert_false (gtk_switch_get_active (lead_switch));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (lead_switch), GTK_ACCESSIBLE_PROPERTY_LABEL, "Team Lead");

  /* Enter on the row flips its switch, and the store keeps it. */
  g_assert_true (gtk_widget_activate (lead_row));
  amends_ui_test_drain ();
  bilal = load_staff (fixture, fixture->bilal_id);
  g_assert_true (amends_staff_get_lead (bilal));
  g_assert_true (gtk_switch_get_active (lead_switch));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Night shift · Front desk · Team lead");

  g_assert_true (gtk_widget_activate (GTK_WIDGET (lead_switch)));
  amends_ui_test_drain ();
  g_clear_object (&bilal);
  bilal = load_staff (fixture, fixture->bilal_id);
  g_assert_false (amends_staff_get_lead (bilal));
}

static void
test_staff_page_change_role (Fixture       *fixture,
                             gconstpointer  data)
{
  AdwExpanderRow *row = expand_person (fixture, "Ada Moreau");
  AdwComboRow *role_row = ADW_COMBO_ROW (child_of (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, "Role"));
  GListModel *roles = adw_combo_row_get_model (role_row);
  g_autoptr(AmendsStaff) ada = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (roles), AMENDS_STAFF_ROLE_FRONT_DESK), ==, "Front desk");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (roles), AMENDS_STAFF_ROLE_MANAGER), ==, "Manager");
  g_assert_cmpuint (adw_combo_row_get_selected (role_row), ==, AMENDS_STAFF_ROLE_FRONT_DESK);

  /* What choosing "Manager" in the row's popover does. */
  adw_combo_row_set_selected (role_row, AMENDS_STAFF_ROLE_MANAGER);
  amends_ui_test_drain ();

  ada = load_staff (fixture, fixture->ada_id);
  g_assert_cmpint (amends_staff_get_role (ada), ==, AMENDS_STAFF_ROLE_MANAGER);
  g_assert_true (amends_staff_get_active (ada));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Front desk · Manager");
}

static void
test_staff_page_follows_store (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AmendsStaff) dmitri = load_staff (fixture, fixture->dmitri_id);
  g_autoptr(GError) error = NULL;
  AdwExpanderRow *row = expand_person (fixture, "Dmitri Volkov");
  AdwEntryRow *team_row = ADW_ENTRY_ROW (child_of (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Team or Location"));
  GtkSwitch *active_switch = active_switch_of (row);

  /* Changed in another window: back, on the night shift. */
  g_object_set (dmitri, "team", "Night shift", "active", TRUE, NULL);
  amends_store_update (fixture->db.store, AMENDS_RECORD (dmitri), &error);
  g_assert_no_error (error);
  amends_ui_test_drain ();

  g_assert_true (person_row (fixture, "Dmitri Volkov") == row);
  g_assert_true (adw_expander_row_get_expanded (row));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Night shift · Front desk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (team_row)), ==, "Night shift");
  g_assert_true (gtk_switch_get_active (active_switch));

  /* Added elsewhere, with a name that is not markup. */
  insert_staff (fixture->db.store, "Tom & Jerry <Bell>", NULL, AMENDS_STAFF_ROLE_MANAGER, TRUE);
  amends_ui_test_drain ();
  row = person_row (fixture, "Tom & Jerry <Bell>");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Manager");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (tree_has_text (GTK_WIDGET (row), "Tom & Jerry <Bell>"));
}

/* Saves what the page looks like to $AMENDS_SCREENSHOT_DIR, for people to
 * look at (not compared with anything). */
static void
save_screenshot (Fixture    *fixture,
                 const char *file_name)
{
  const char *dir = g_getenv ("AMENDS_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GskRenderer *renderer;
  int width, height;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  amends_ui_test_drain ();

  width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  height = gtk_widget_get_height (GTK_WIDGET (fixture->window));
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved a screenshot of %dx%d to %s", width, height, path);
}

static void
test_staff_page_screenshot (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *dir = g_getenv ("AMENDS_SCREENSHOT_DIR");
  AdwEntryRow *add_row = ADW_ENTRY_ROW (template_child (fixture, "add_row"));

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("Set AMENDS_SCREENSHOT_DIR to a folder to save screenshots");
      return;
    }

  save_screenshot (fixture, "staff-page.png");

  expand_person (fixture, "Bilal Okafor");
  save_screenshot (fixture, "staff-page-expanded.png");

  gtk_widget_grab_focus (GTK_WIDGET (add_row));
  press_enter (add_row);
  save_screenshot (fixture, "staff-page-error.png");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* A switch flips, and a row opens, at the end of its animation: without
   * them, what a key does is done when the key's handler returns. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD_TEST(path, func, setup) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD_TEST ("/ui/staff/lists-everyone-active-or-not", test_staff_page_lists_everyone, fixture_set_up);
  ADD_TEST ("/ui/staff/empty-store-says-nobody-yet", test_staff_page_empty_store, NULL);
  ADD_TEST ("/ui/staff/add-person-active-at-front-desk", test_staff_page_add_person, fixture_set_up);
  ADD_TEST ("/ui/staff/empty-name-refused-with-message", test_staff_page_empty_name_refused, fixture_set_up);
  ADD_TEST ("/ui/staff/error-label-outside-preferences",
            test_staff_page_error_label_outside_preferences, fixture_set_up_plain);
  ADD_TEST ("/ui/staff/rename-saved-on-apply-not-before", test_staff_page_rename_saves_on_apply, fixture_set_up);
  ADD_TEST ("/ui/staff/deactivate-keeps-history", test_staff_page_deactivate_keeps_history, fixture_set_up);
  ADD_TEST ("/ui/staff/change-role-to-manager", test_staff_page_change_role, fixture_set_up);
  ADD_TEST ("/ui/staff/team-lead-switch", test_staff_page_team_lead, fixture_set_up);
  ADD_TEST ("/ui/staff/follows-changes-made-elsewhere", test_staff_page_follows_store, fixture_set_up);
  ADD_TEST ("/ui/staff/screenshot", test_staff_page_screenshot, fixture_set_up);

#undef ADD_TEST

  return g_test_run ();
}
