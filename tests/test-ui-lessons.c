/* test-ui-lessons.c: the playbook beside the fix, the cause under the lesson, and what the lessons add up to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <adwaita.h>

#include "amends-case-editor.h"
#include "amends-lesson-cause.h"
#include "amends-lessons-section.h"
#include "amends-measures-view.h"
#include "amends-playbook-hint.h"
#include "amends-playbooks-page.h"
#include "amends-store-playbooks.h"
#include "amends-store-stories.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb  db;
  gint64        case_id;
  GtkWindow    *window;
  GtkWidget    *widget;
} Fixture;

static gint64
add_case (Fixture    *f,
          const char *summary,
          const char *occurred_at,
          const char *category)
{
  g_autoptr(GDateTime) when = amends_test_time (occurred_at);
  g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summary, when);
  g_autoptr(GError) error = NULL;

  g_object_set (kase, "category", category, NULL);
  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
show_in_window (Fixture   *f,
                GtkWidget *widget,
                int        width,
                int        height)
{
  load_style ();
  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (f->window, width, height);
  f->widget = widget;
  gtk_window_set_child (f->window, widget);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
}

/* A told story of Housekeeping whose customer was blown away: its
 * surprise is an idea in the playbook. */
static void
tell_story (Fixture    *f,
            const char *summary,
            const char *surprise)
{
  g_autoptr(GDateTime) when = amends_test_time ("2026-11-02T09:00:00Z");
  g_autoptr(GDateTime) recovered = amends_test_time ("2026-11-02T12:00:00Z");
  g_autoptr(AmendsCase) kase = amends_test_add_case (f->db.store, summary, when);
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (kase, "category", "Housekeeping", "surprise", surprise, "fix", "Put right",
                "status", AMENDS_CASE_STATUS_RECOVERED, "recovered-at", recovered,
                "reaction", AMENDS_REACTION_BLOWN_AWAY, NULL);
  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (kase), &error));
  story = amends_store_propose_story (f->db.store, amends_record_get_id (AMENDS_RECORD (kase)), &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_move_story (f->db.store, story, AMENDS_STORY_STAGE_TOLD, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&f->db, data);
  f->case_id = add_case (f, "Room not cleaned by 15:00", "2026-11-18T09:00:00Z", "Housekeeping");
  add_case (f, "Minibar charged twice", "2026-11-18T10:00:00Z", "Billing");

  g_assert_true (amends_store_save_playbook (f->db.store, "Housekeeping",
                                             "The room cleaned again within the hour, checked by the duty manager",
                                             "Up to 30.00 without asking anyone", &error));
  g_assert_true (amends_store_save_playbook (f->db.store, "Billing",
                                             "The charge refunded the same day, and a printed bill that adds up",
                                             NULL, &error));
  tell_story (f, "Towels missing on the honeymoon", "A bottle of local wine and a note from the housekeeper");
  g_assert_true (amends_store_add_cause (f->db.store, "Staffing", &error));
  g_assert_true (amends_store_add_cause (f->db.store, "Broken equipment", &error));
  g_assert_no_error (error);
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
  amends_test_db_teardown (&f->db, data);
}

static GtkWidget *
child (Fixture    *f,
       const char *id,
       GType       type)
{
  GtkWidget *found = amends_ui_test_find_child (f->widget, id, type);

  g_assert_nonnull (found);
  return found;
}

static AmendsCaseEditor *
open_editor (Fixture *f)
{
  AmendsCaseEditor *editor = AMENDS_CASE_EDITOR (amends_case_editor_new (f->db.store));

  show_in_window (f, GTK_WIDGET (editor), 800, 1000);
  amends_case_editor_set_case_id (editor, f->case_id);
  amends_ui_test_drain ();

  return editor;
}

static void
save_png (Fixture    *f,
          const char *name)
{
  g_autofree char *path = g_build_filename (amends_ui_test_screenshot_dir (), name, NULL);

  amends_ui_test_save_png (GTK_WIDGET (f->window), path);
}

/* Scrolls the editor so that @widget is near the top, for a screenshot. */
static void
scroll_to (Fixture   *f,
           GtkWidget *widget)
{
  GtkWidget *scroller = child (f, "scroller", GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 60);
  amends_ui_test_drain ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* The playbook of the case's category shows above the fix, and follows
 * the category as it is typed. */
static void
test_playbook_hint (Fixture       *f,
                    gconstpointer  data)
{
  G_GNUC_UNUSED AmendsCaseEditor *editor = open_editor (f);
  GtkWidget *hint = child (f, "playbook_hint", AMENDS_TYPE_PLAYBOOK_HINT);
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (amends_ui_test_find_child (hint, "expander", ADW_TYPE_EXPANDER_ROW));
  AdwActionRow *put_right = ADW_ACTION_ROW (amends_ui_test_find_child (hint, "put_right_row", ADW_TYPE_ACTION_ROW));
  AdwActionRow *spending = ADW_ACTION_ROW (amends_ui_test_find_child (hint, "spending_row", ADW_TYPE_ACTION_ROW));
  GtkWidget *category = child (f, "category_row", ADW_TYPE_ENTRY_ROW);

  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, "Playbook for Housekeeping");
  g_assert_cmpstr (adw_action_row_get_subtitle (put_right), ==,
                   "The room cleaned again within the hour, checked by the duty manager");
  g_assert_cmpstr (adw_action_row_get_subtitle (spending), ==, "Up to 30.00 without asking anyone");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (spending)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (expander), ==,
                   "What putting it right means, what to spend, 1 idea that blew a customer away");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (amends_ui_test_find_child (hint, "ideas_row", ADW_TYPE_ACTION_ROW))),
                   ==, "• A bottle of local wine and a note from the housekeeper");

  /* Opened at once, not halfway through its animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  adw_expander_row_set_expanded (expander, TRUE);
  amends_ui_test_drain ();
  scroll_to (f, hint);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_png (f, "editor-playbook-hint.png");

  /* Another category, typed: its playbook, which has no spending guide. */
  gtk_editable_set_text (GTK_EDITABLE (category), "Billing");
  amends_ui_test_drain ();
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, "Playbook for Billing");
  g_assert_cmpstr (adw_action_row_get_subtitle (put_right), ==,
                   "The charge refunded the same day, and a printed bill that adds up");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (spending)));

  /* A category with nothing written and no story told: no hint. */
  gtk_editable_set_text (GTK_EDITABLE (category), "Front desk");
  amends_ui_test_drain ();
  g_assert_false (gtk_widget_get_visible (hint));

  /* A playbook written meanwhile (in Preferences) shows at once. */
  g_assert_true (amends_store_save_playbook (f->db.store, "Front desk", "Greet them by name", NULL, NULL));
  amends_ui_test_drain ();
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, "Playbook for Front desk");
}

static AmendsCase *
load_case (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AmendsCase *kase = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->case_id, &error);

  g_assert_no_error (error);
  return kase;
}

static gboolean
cause_saved_as_staffing (gpointer data)
{
  g_autoptr(AmendsCase) kase = load_case (data);

  return g_strcmp0 (amends_case_get_lesson_cause (kase), "Staffing") == 0;
}

/* A cause picked from the site's list, and "did we change the process?",
 * are saved with the case. */
static void
test_cause_saved (Fixture       *f,
                  gconstpointer  data)
{
  AmendsCaseEditor *editor = open_editor (f);
  GtkWidget *cause = child (f, "lesson_cause", AMENDS_TYPE_LESSON_CAUSE);
  GtkWidget *cause_row = amends_ui_test_find_child (cause, "cause_row", ADW_TYPE_ENTRY_ROW);
  GtkWidget *process = amends_ui_test_find_child (cause, "process_switch", GTK_TYPE_SWITCH);
  g_autoptr(AmendsCase) saved = NULL;
  g_autoptr(GError) error = NULL;

  /* As the menu of causes does. */
  g_assert_true (gtk_widget_activate_action (cause, "lesson-cause.pick", "s", "Broken equipment"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cause_row)), ==, "Broken equipment");
  /* As a press of Space on it; without animations it flips at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_widget_activate (process);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (process)));
  scroll_to (f, cause);
  save_png (f, "editor-lesson-cause.png");
  g_assert_true (amends_case_editor_flush (editor, &error));
  g_assert_no_error (error);

  saved = load_case (f);
  g_assert_cmpstr (amends_case_get_lesson_cause (saved), ==, "Broken equipment");
  g_assert_true (amends_case_get_process_changed (saved));
  g_clear_object (&saved);

  /* Typed, and saved a moment later by itself, as the list spells it. */
  gtk_editable_set_text (GTK_EDITABLE (cause_row), "staffing");
  amends_ui_test_wait_until (cause_saved_as_staffing, f);
  saved = load_case (f);
  g_assert_cmpstr (amends_case_get_lesson_cause (saved), ==, "Staffing");

  /* A change made elsewhere shows. */
  g_object_set (saved, "lesson-cause", "Noise", "process-changed", FALSE, NULL);
  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (saved), &error));
  amends_ui_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cause_row)), ==, "Noise");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (process)));
}

static gboolean
section_up_to_date (gpointer data)
{
  return amends_lessons_section_get_up_to_date (data);
}

static guint
count_rows (GtkListBox *table)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (table)); row; row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static const char *
row_label (GtkListBox *table,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (table, index);
  GtkWidget *box = gtk_list_box_row_get_child (row);

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (box)));
}

/* The Measures view's section: the causes, the rules bent, RATER and
 * came back, as the store counts them. */
static void
test_measures_section (Fixture       *f,
                       gconstpointer  data)
{
  AmendsMeasuresView *view = AMENDS_MEASURES_VIEW (amends_measures_view_new ());
  g_autoptr(GDateTime) from = amends_test_time ("2026-11-16T00:00:00Z");
  g_autoptr(GDateTime) until = amends_test_time ("2026-11-23T00:00:00Z");
  g_autoptr(AmendsCase) kase = load_case (f);
  g_autoptr(GDateTime) recovered = amends_test_time ("2026-11-18T11:00:00Z");
  g_autoptr(GError) error = NULL;
  AmendsLessonsSection *section;
  GtkListBox *causes, *rules, *rater;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;

  g_object_set (kase, "lesson-cause", "Staffing", "process-changed", TRUE,
                "rule-bent", TRUE, "bent-rule", "Checkout at 11",
                "rater-failed", AMENDS_RATER_RELIABILITY, "rater-shown", AMENDS_RATER_EMPATHY,
                "status", AMENDS_CASE_STATUS_RECOVERED, "recovered-at", recovered, "fix", "Cleaned",
                "reaction", AMENDS_REACTION_BLOWN_AWAY, "came-back", AMENDS_CAME_BACK_YES, NULL);
  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (kase), &error));
  g_assert_no_error (error);

  amends_measures_view_set_store (view, f->db.store);
  show_in_window (f, GTK_WIDGET (view), 1000, 900);
  amends_measures_view_set_period (view, from, until);
  section = AMENDS_LESSONS_SECTION (child (f, "lessons_section", AMENDS_TYPE_LESSONS_SECTION));
  amends_ui_test_wait_until (section_up_to_date, section);

  causes = amends_lessons_section_get_table (section, "causes");
  rules = amends_lessons_section_get_table (section, "rules");
  rater = amends_lessons_section_get_table (section, "rater");
  /* A heading row and a row each. */
  g_assert_cmpuint (count_rows (causes), ==, 2);
  g_assert_cmpstr (row_label (causes, 1), ==, "Staffing");
  g_assert_cmpuint (count_rows (rules), ==, 2);
  g_assert_cmpstr (row_label (rules, 1), ==, "Checkout at 11");
  g_assert_cmpuint (count_rows (rater), ==, 6);
  g_assert_cmpstr (row_label (rater, 1), ==, "Reliability");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (f, "came_back_figure", GTK_TYPE_LABEL))), ==, "100 %");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (f, "came_back_detail", GTK_TYPE_LABEL))), ==,
                   "1 of 1 recorded · not recorded: 0 of 1");

  scroller = child (f, "scroller", GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  amends_ui_test_drain ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_png (f, "measures-lessons-section.png");

  /* Another change: measured again. */
  g_object_set (kase, "lesson-cause", "Noise", NULL);
  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (kase), &error));
  amends_measures_view_reload (view);
  amends_ui_test_wait_until (section_up_to_date, section);
  g_assert_cmpstr (row_label (causes, 1), ==, "Noise");
}

static GtkWidget *
find_titled (GtkWidget  *widget,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_titled (c, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Preferences → Playbooks: a category's playbook typed in is saved, and
 * a cause added goes on the list the editor offers. */
static void
test_playbooks_page (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page = amends_playbooks_page_new (f->db.store);
  GtkWidget *expander, *spending, *add;
  g_autoptr(AmendsPlaybook) saved = NULL;
  g_auto(GStrv) causes = NULL;
  g_autoptr(GError) error = NULL;

  show_in_window (f, page, 700, 900);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  expander = find_titled (page, ADW_TYPE_EXPANDER_ROW, "Billing");
  g_assert_nonnull (expander);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "The charge refunded the same day, and a printed bill that adds up");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  spending = find_titled (expander, ADW_TYPE_ENTRY_ROW, "What to Spend on the Surprise");
  g_assert_nonnull (spending);
  gtk_editable_set_text (GTK_EDITABLE (spending), "Up to 20.00; more with the duty manager");
  g_assert_true (amends_playbooks_page_flush (AMENDS_PLAYBOOKS_PAGE (page), &error));
  g_assert_no_error (error);
  saved = amends_store_load_playbook (f->db.store, "Billing", &error);
  g_assert_cmpstr (saved->spending_guide, ==, "Up to 20.00; more with the duty manager");
  g_assert_cmpstr (saved->put_right, ==, "The charge refunded the same day, and a printed bill that adds up");

  add = child (f, "add_cause_row", ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (add), "Noise from works");
  g_signal_emit_by_name (add, "apply");
  amends_ui_test_drain ();
  causes = amends_store_list_causes (f->db.store, &error);
  g_assert_cmpuint (g_strv_length (causes), ==, 3);
  g_assert_cmpstr (causes[1], ==, "Noise from works");
  g_assert_nonnull (find_titled (page, ADW_TYPE_ACTION_ROW, "Noise from works"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_png (f, "preferences-playbooks.png");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/lessons-ui/playbook-hint", Fixture, NULL, fixture_setup, test_playbook_hint, fixture_teardown);
  g_test_add ("/lessons-ui/cause-saved", Fixture, NULL, fixture_setup, test_cause_saved, fixture_teardown);
  g_test_add ("/lessons-ui/playbooks-page", Fixture, NULL, fixture_setup, test_playbooks_page, fixture_teardown);
  g_test_add ("/lessons-ui/measures-section", Fixture, NULL, fixture_setup, test_measures_section, fixture_teardown);

  return g_test_run ();
}
