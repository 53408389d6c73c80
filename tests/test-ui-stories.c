/* test-ui-stories.c: the story editor, the heroes panel and the staff room,
 * driven as a manager would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <adwaita.h>

#include "amends-heroes-panel.h"
#include "amends-staff-room.h"
#include "amends-store-stories.h"
#include "amends-story-editor.h"
#include "amends-test-utils.h"

/* The store's now is Wednesday 2026-11-18 10:00 UTC (amends-test-utils.c),
 * and the tests run in UTC: this week is Monday 16 to Sunday 22 November. */

typedef struct
{
  AmendsTestDb  db;
  gint64        ada_id;
  gint64        bilal_id;
  gint64        chiara_id;
  gint64        case_id;      /* recovered by Ada, customer blown away */
  AmendsStory  *story;        /* its candidate story, without heroes */
  GtkWindow    *window;       /* what the test opened, weakly */
  gint64        saved_id;
} Fixture;

static gint64
add_staff (AmendsStore *store,
           const char  *name,
           const char  *team)
{
  g_autoptr(AmendsStaff) staff = amends_test_add_staff (store, name);
  g_autoptr(GError) error = NULL;

  g_object_set (staff, "team", team, NULL);
  amends_store_update (store, AMENDS_RECORD (staff), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (staff));
}

/* A case owned by @owner_id, recovered at @recovered_at with @reaction. */
static gint64
add_recovered_case (AmendsStore    *store,
                    const char     *summary,
                    gint64          owner_id,
                    AmendsReaction  reaction,
                    const char     *recovered_at)
{
  g_autoptr(GDateTime) recovered = amends_test_time (recovered_at);
  g_autoptr(GDateTime) occurred = g_date_time_add_hours (recovered, -3);
  g_autoptr(AmendsCase) kase = amends_test_add_case (store, summary, occurred);
  g_autoptr(GError) error = NULL;

  g_object_set (kase,
                "owner-id", owner_id,
                "status", AMENDS_CASE_STATUS_RECOVERED,
                "recovered-at", recovered,
                "fix", "Put right",
                "reaction", reaction,
                NULL);
  amends_store_update (store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

/* A story of @case_id; @told_at NULL for one not told; heroes end in 0. */
static AmendsStory *
add_story (AmendsStore      *store,
           gint64            case_id,
           const char       *title,
           AmendsStoryStage  stage,
           const char       *told_at,
           ...)
{
  g_autoptr(AmendsStory) story = amends_story_new ();
  g_autoptr(GDateTime) told = told_at ? amends_test_time (told_at) : NULL;
  g_autoptr(GArray) heroes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  va_list args;
  gint64 id;

  g_object_set (story,
                "case-id", case_id,
                "title", title,
                "stage", stage,
                "told-at", told,
                NULL);
  amends_store_insert (store, AMENDS_RECORD (story), &error);
  g_assert_no_error (error);

  va_start (args, told_at);
  while ((id = va_arg (args, gint64)) != 0)
    g_array_append_val (heroes, id);
  va_end (args);

  amends_store_set_story_heroes (store, amends_record_get_id (AMENDS_RECORD (story)),
                                 (const gint64 *) (gpointer) heroes->data, heroes->len, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&story);
}

static AmendsStory *
load_story (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  AmendsStory *story = amends_store_load (fixture->db.store, AMENDS_TYPE_STORY, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (story);

  return story;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&fixture->db, data);

  fixture->ada_id = add_staff (fixture->db.store, "Ada Moreau", "Front desk");
  fixture->bilal_id = add_staff (fixture->db.store, "Bilal Okafor", "Night shift");
  fixture->chiara_id = add_staff (fixture->db.store, "Chiara Bianchi", "Management");

  fixture->case_id = add_recovered_case (fixture->db.store, "Lapel pin refused at registration",
                                         fixture->ada_id, AMENDS_REACTION_BLOWN_AWAY,
                                         "2026-11-12T15:00:00Z");
  kase = amends_store_load (fixture->db.store, AMENDS_TYPE_CASE, fixture->case_id, &error);
  g_assert_no_error (error);
  g_object_set (kase,
                "fix", "Brought two pins to his seat before the first session",
                "surprise", "A third pin and a handwritten note for his children",
                "lesson", "A fifty-cent rule is not worth a customer",
                NULL);
  amends_store_update (fixture->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  fixture->story = add_story (fixture->db.store, fixture->case_id, "Two pins for two children",
                              AMENDS_STORY_STAGE_CANDIDATE, NULL, (gint64) 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  amends_ui_test_drain ();
  g_assert_null (fixture->window);

  g_clear_object (&fixture->story);
  amends_test_db_teardown (&fixture->db, data);
}

static void
present (Fixture   *fixture,
         GtkWindow *window)
{
  fixture->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->window);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  amends_ui_test_drain ();
}

static gboolean
on_slide_timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = amends_ui_test_screenshot_dir ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  /* Let the buttons' style transitions finish: a picture, not a check. */
  {
    gboolean settled = FALSE;

    g_timeout_add (500, on_slide_timeout_cb, &settled);
    while (!settled)
      g_main_context_iteration (NULL, TRUE);
  }
  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  amends_ui_test_drain ();

  path = g_build_filename (dir, name, NULL);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

/* The story editor */

static gpointer
editor_child (AmendsStoryEditor *editor,
              const char        *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (editor), AMENDS_TYPE_STORY_EDITOR, id);

  g_assert_nonnull (child);
  return child;
}

static void
collect_action_rows (GtkWidget *widget,
                     GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_action_rows (child, rows);
}

static GtkCheckButton *
hero_check (AmendsStoryEditor *editor,
            const char        *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_action_rows (editor_child (editor, "hero_picker"), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
        return GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (row));
    }

  g_assert_not_reached ();
}

static char *
editor_text (AmendsStoryEditor *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor_child (editor, "text_view"));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_saved_cb (AmendsStoryEditor *editor,
             gint64             story_id,
             Fixture           *fixture)
{
  fixture->saved_id = story_id;
}

static AmendsStoryEditor *
open_editor (Fixture *fixture)
{
  AmendsStoryEditor *editor = amends_story_editor_new (NULL, fixture->db.store, fixture->story);

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), fixture);
  gtk_window_set_default_size (GTK_WINDOW (editor), 600, 1000);
  present (fixture, GTK_WINDOW (editor));

  return editor;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_editor_saves_told_story_with_heroes (Fixture       *fixture,
                                          gconstpointer  data)
{
  AmendsStoryEditor *editor = open_editor (fixture);
  g_autoptr(AmendsStory) saved = NULL;
  g_autoptr(GArray) heroes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 story_id = amends_record_get_id (AMENDS_RECORD (fixture->story));

  /* The first time, the case's owner is the hero. */
  g_assert_true (gtk_check_button_get_active (hero_check (editor, "Ada Moreau")));
  g_assert_false (gtk_check_button_get_active (hero_check (editor, "Bilal Okafor")));
  g_assert_false (gtk_check_button_get_active (hero_check (editor, "Chiara Bianchi")));
  g_assert_false (amends_story_editor_get_modified (editor));
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "title_row")), ==,
                   "Two pins for two children");

  gtk_editable_set_text (editor_child (editor, "title_row"), "  Two pins, and a third  ");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor_child (editor, "text_view")),
                            "He asked for a second pin; Ada brought him three.", -1);
  gtk_check_button_set_active (hero_check (editor, "Bilal Okafor"), TRUE);
  adw_combo_row_set_selected (editor_child (editor, "stage_row"), 2);
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "told_row")), ==, "");
  g_assert_true (amends_story_editor_get_modified (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "story-editor.save", NULL));
  amends_ui_test_drain ();

  g_assert_cmpint (fixture->saved_id, ==, story_id);
  g_assert_null (fixture->window);

  saved = load_story (fixture, story_id);
  g_assert_cmpstr (amends_story_get_title (saved), ==, "Two pins, and a third");
  g_assert_cmpstr (amends_story_get_text (saved), ==, "He asked for a second pin; Ada brought him three.");
  g_assert_cmpint (amends_story_get_stage (saved), ==, AMENDS_STORY_STAGE_TOLD);
  g_assert_nonnull (amends_story_get_told_at (saved));
  g_assert_true (g_date_time_equal (amends_story_get_told_at (saved), fixture->db.now));

  heroes = amends_store_get_story_heroes (fixture->db.store, story_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heroes->len, ==, 2);
  g_assert_cmpint (g_array_index (heroes, gint64, 0), ==, fixture->ada_id);
  g_assert_cmpint (g_array_index (heroes, gint64, 1), ==, fixture->bilal_id);

  /* What the case editor had in hand is as it was: the editor saved its
   * own copy. */
  g_assert_cmpstr (amends_story_get_title (fixture->story), ==, "Two pins for two children");
}

static void
test_editor_refuses_unreadable_told_at (Fixture       *fixture,
                                        gconstpointer  data)
{
  AmendsStoryEditor *editor = open_editor (fixture);
  g_autoptr(AmendsStory) saved = NULL;
  g_autoptr(GArray) heroes = NULL;
  GtkWidget *told_row;

  gtk_editable_set_text (editor_child (editor, "title_row"), "Never saved");
  adw_combo_row_set_selected (editor_child (editor, "stage_row"), 2);
  told_row = editor_child (editor, "told_row");
  gtk_editable_set_text (GTK_EDITABLE (told_row), "next tuesday");
  g_assert_true (gtk_widget_has_css_class (told_row, "error"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "story-editor.save", NULL));
  amends_ui_test_drain ();

  g_assert_nonnull (fixture->window);
  g_assert_cmpint (fixture->saved_id, ==, 0);
  g_assert_true (gtk_widget_has_css_class (told_row, "error"));
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "error_box")));
  g_assert_nonnull (strstr (gtk_label_get_text (editor_child (editor, "error_label")), "next tuesday"));

  saved = load_story (fixture, amends_record_get_id (AMENDS_RECORD (fixture->story)));
  g_assert_cmpstr (amends_story_get_title (saved), ==, "Two pins for two children");
  g_assert_cmpint (amends_story_get_stage (saved), ==, AMENDS_STORY_STAGE_CANDIDATE);
  g_assert_null (amends_story_get_told_at (saved));
  heroes = amends_store_get_story_heroes (fixture->db.store,
                                          amends_record_get_id (AMENDS_RECORD (saved)), NULL);
  g_assert_cmpuint (heroes->len, ==, 0);

  /* Put right, the same form saves. */
  gtk_editable_set_text (GTK_EDITABLE (told_row), "yesterday 16:00");
  g_assert_false (gtk_widget_has_css_class (told_row, "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "story-editor.save", NULL));
  amends_ui_test_drain ();
  g_assert_null (fixture->window);

  g_clear_object (&saved);
  saved = load_story (fixture, amends_record_get_id (AMENDS_RECORD (fixture->story)));
  {
    g_autoptr(GDateTime) expected = amends_test_time ("2026-11-17T16:00:00Z");
    g_assert_true (g_date_time_equal (amends_story_get_told_at (saved), expected));
  }
}

static void
test_editor_cancel_asks_and_discards (Fixture       *fixture,
                                      gconstpointer  data)
{
  AmendsStoryEditor *editor = open_editor (fixture);
  g_autoptr(AmendsStory) saved = NULL;
  AdwMessageDialog *dialog;

  /* Nothing changed: it closes without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  amends_ui_test_drain ();
  g_assert_null (fixture->window);
  g_assert_null (find_message_dialog ());

  editor = open_editor (fixture);
  gtk_editable_set_text (editor_child (editor, "title_row"), "A title nobody keeps");

  /* Escape and Cancel both close the window; it asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  amends_ui_test_drain ();
  g_assert_nonnull (fixture->window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));

  /* Keep Editing keeps what was typed. */
  adw_message_dialog_response (dialog, "keep");
  amends_ui_test_drain ();
  g_assert_nonnull (fixture->window);
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "title_row")), ==, "A title nobody keeps");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  amends_ui_test_drain ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  amends_ui_test_drain ();
  g_assert_null (fixture->window);
  g_assert_cmpint (fixture->saved_id, ==, 0);

  saved = load_story (fixture, amends_record_get_id (AMENDS_RECORD (fixture->story)));
  g_assert_cmpstr (amends_story_get_title (saved), ==, "Two pins for two children");
}

static void
test_editor_starts_from_the_case (Fixture       *fixture,
                                  gconstpointer  data)
{
  AmendsStoryEditor *editor = open_editor (fixture);
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_is_sensitive (editor_child (editor, "draft_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "story-editor.draft", NULL));
  amends_ui_test_drain ();

  text = editor_text (editor);
  g_assert_nonnull (strstr (text, "Lapel pin refused at registration"));
  g_assert_nonnull (strstr (text, "Brought two pins to his seat before the first session"));
  g_assert_nonnull (strstr (text, "A third pin and a handwritten note for his children"));
  g_assert_nonnull (strstr (text, "A fifty-cent rule is not worth a customer"));
  g_assert_nonnull (strstr (text, "What the customer did not expect"));

  /* It never writes over words. */
  g_assert_false (gtk_widget_is_sensitive (editor_child (editor, "draft_button")));
  save_png (GTK_WIDGET (editor), "story-editor.png");
}

/* A screen reader announces the editor as a dialog over the window, not
 * as a filler: the role of its accessible context, which is what goes out
 * over AT-SPI. */
static void
test_editor_is_a_dialog (Fixture       *fixture,
                         gconstpointer  data)
{
  AmendsStoryEditor *editor = open_editor (fixture);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_ROLE_DIALOG);
}

/* The heroes panel */

/* Worked out by hand, now being Wednesday 2026-11-18 (in UTC):
 *
 *   story                 told         heroes        week month year
 *   S1 (the fixture's)    not told     -             -    -     -
 *   S2                    Tue 17 Nov   Ada, Bilal    yes  yes   yes
 *   S3                    Tue 17 Nov   Bilal         yes  yes   yes
 *   S4                    Tue  3 Nov   Ada           -    yes   yes
 *   S5                    20 Mar       Ada           -    -     yes
 *   S6                    2025-12-30   Bilal         -    -     -
 *   S7 drafted            -            Bilal         -    -     -
 *
 *   blown away, by owner  recovered                  week month year
 *   Ada (the fixture's)   Thu 12 Nov                 -    yes   yes
 *   Ada                   Tue  5 Nov                 -    yes   yes
 *   Ada                   1 Jun                      -    -     yes
 *   Bilal                 Mon 16 Nov 08:00           yes  yes   yes
 *   Bilal (satisfied)     Mon 16 Nov                 -    -     -
 *
 *   week:  Bilal 2 told · 1 blown away; Ada 1 told · 0 blown away
 *   month: Ada 2 told · 2 blown away; Bilal 2 told · 1 blown away
 *   year:  Ada 3 told · 3 blown away; Bilal 2 told · 1 blown away
 *   Chiara did nothing that counts, and is never listed.
 */
static void
add_hero_data (Fixture *fixture)
{
  AmendsStore *store = fixture->db.store;
  gint64 ada = fixture->ada_id, bilal = fixture->bilal_id;
  gint64 c;
  AmendsStory *s;

#define PLAIN_CASE(summary) add_recovered_case (store, summary, fixture->chiara_id, \
                                                AMENDS_REACTION_SATISFIED, "2025-06-01T12:00:00Z")

  c = PLAIN_CASE ("Cold soup");
  s = add_story (store, c, "Soup", AMENDS_STORY_STAGE_TOLD, "2026-11-17T09:00:00Z", ada, bilal, (gint64) 0);
  g_object_unref (s);
  c = PLAIN_CASE ("Lost key card");
  s = add_story (store, c, "Key card", AMENDS_STORY_STAGE_TOLD, "2026-11-17T15:00:00Z", bilal, (gint64) 0);
  g_object_unref (s);
  c = PLAIN_CASE ("Wrong invoice");
  s = add_story (store, c, "Invoice", AMENDS_STORY_STAGE_TOLD, "2026-11-03T12:00:00Z", ada, (gint64) 0);
  g_object_unref (s);
  c = PLAIN_CASE ("Noisy room");
  s = add_story (store, c, "Noise", AMENDS_STORY_STAGE_TOLD, "2026-03-20T12:00:00Z", ada, (gint64) 0);
  g_object_unref (s);
  c = PLAIN_CASE ("Late taxi");
  s = add_story (store, c, "Taxi", AMENDS_STORY_STAGE_TOLD, "2025-12-30T12:00:00Z", bilal, (gint64) 0);
  g_object_unref (s);
  c = PLAIN_CASE ("Broken lift");
  s = add_story (store, c, "Lift", AMENDS_STORY_STAGE_DRAFTED, NULL, bilal, (gint64) 0);
  g_object_unref (s);

#undef PLAIN_CASE

  add_recovered_case (store, "Missed wake-up call", ada, AMENDS_REACTION_BLOWN_AWAY, "2026-11-05T12:00:00Z");
  add_recovered_case (store, "Double booking", ada, AMENDS_REACTION_BLOWN_AWAY, "2026-06-01T12:00:00Z");
  add_recovered_case (store, "No towels", bilal, AMENDS_REACTION_BLOWN_AWAY, "2026-11-16T08:00:00Z");
  add_recovered_case (store, "Slow breakfast", bilal, AMENDS_REACTION_SATISFIED, "2026-11-16T09:00:00Z");
}

static void
assert_heroes (AmendsHeroesPanel *panel,
               ...)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  va_list args;
  const char *name;
  guint i = 0;

  /* The panel counts in a worker thread, a moment after a change. */
  amends_ui_test_drain ();
  while (amends_heroes_panel_is_busy (panel))
    g_main_context_iteration (NULL, TRUE);
  amends_ui_test_drain ();

  collect_action_rows (GTK_WIDGET (panel), rows);

  va_start (args, panel);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *counts = va_arg (args, const char *);
      AdwActionRow *row;

      g_assert_cmpuint (i, <, rows->len);
      row = g_ptr_array_index (rows, i);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, name);
      g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, counts);
      i++;
    }
  va_end (args);

  g_assert_cmpuint (rows->len, ==, i);
  g_assert_cmpuint (amends_heroes_panel_get_n_heroes (panel), ==, i);
}

static GtkWidget *
find_star (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "hero-star"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *star = find_star (child);

      if (star != NULL)
        return star;
    }

  return NULL;
}

static AmendsHeroesPanel *
open_panel (Fixture *fixture)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = amends_heroes_panel_new (fixture->db.store);

  gtk_widget_set_margin_top (panel, 24);
  gtk_widget_set_margin_bottom (panel, 24);
  gtk_widget_set_margin_start (panel, 24);
  gtk_widget_set_margin_end (panel, 24);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_set_title (GTK_WINDOW (window), "Heroes");
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 420);
  present (fixture, GTK_WINDOW (window));

  return AMENDS_HEROES_PANEL (panel);
}

static void
test_heroes_counts_by_period (Fixture       *fixture,
                              gconstpointer  data)
{
  AmendsHeroesPanel *panel;
  GtkWidget *star, *row;

  add_hero_data (fixture);
  panel = open_panel (fixture);

  g_assert_cmpint (amends_heroes_panel_get_period (panel), ==, AMENDS_HEROES_PERIOD_WEEK);
  assert_heroes (panel,
                 "Bilal Okafor", "2 stories told · 1 blown away",
                 "Ada Moreau", "1 story told · 0 blown away",
                 NULL);
  star = find_star (GTK_WIDGET (panel));
  g_assert_nonnull (star);
  row = gtk_widget_get_ancestor (star, ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Bilal Okafor");

  amends_heroes_panel_set_period (panel, AMENDS_HEROES_PERIOD_MONTH);
  g_assert_true (gtk_toggle_button_get_active ((GtkToggleButton *) gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                                              AMENDS_TYPE_HEROES_PANEL,
                                                                              "month_button")));
  g_assert_false (gtk_toggle_button_get_active ((GtkToggleButton *) gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                                               AMENDS_TYPE_HEROES_PANEL,
                                                                               "week_button")));
  assert_heroes (panel,
                 "Ada Moreau", "2 stories told · 2 blown away",
                 "Bilal Okafor", "2 stories told · 1 blown away",
                 NULL);
  save_png (GTK_WIDGET (fixture->window), "heroes-panel.png");

  /* The toggle buttons do the same. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                                                  AMENDS_TYPE_HEROES_PANEL,
                                                                                  "year_button")),
                                TRUE);
  g_assert_cmpint (amends_heroes_panel_get_period (panel), ==, AMENDS_HEROES_PERIOD_YEAR);
  assert_heroes (panel,
                 "Ada Moreau", "3 stories told · 3 blown away",
                 "Bilal Okafor", "2 stories told · 1 blown away",
                 NULL);
  star = find_star (GTK_WIDGET (panel));
  row = gtk_widget_get_ancestor (star, ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Ada Moreau");
}

static void
test_heroes_refresh_on_commit (Fixture       *fixture,
                               gconstpointer  data)
{
  AmendsHeroesPanel *panel = open_panel (fixture);
  g_autoptr(GError) error = NULL;
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                              AMENDS_TYPE_HEROES_PANEL, "stack"));

  /* The fixture's blown-away recovery was last week. */
  assert_heroes (panel, NULL);
  g_assert_true (gtk_stack_get_visible_child (stack) ==
                 GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                            AMENDS_TYPE_HEROES_PANEL, "empty_page")));

  amends_store_set_story_heroes (fixture->db.store, amends_record_get_id (AMENDS_RECORD (fixture->story)),
                                 &fixture->chiara_id, 1, &error);
  g_assert_no_error (error);
  amends_store_move_story (fixture->db.store, fixture->story, AMENDS_STORY_STAGE_TOLD, &error);
  g_assert_no_error (error);
  amends_ui_test_drain ();

  assert_heroes (panel, "Chiara Bianchi", "1 story told · 0 blown away", NULL);
}

static void
test_heroes_period_ranges (void)
{
  g_autoptr(GDateTime) now = amends_test_time ("2026-11-18T10:00:00Z");
  g_autoptr(GDateTime) sunday = amends_test_time ("2026-11-22T23:30:00Z");
  g_autoptr(GDateTime) new_year = amends_test_time ("2027-01-01T00:00:00Z");
  const struct {
    GDateTime          *now;
    AmendsHeroesPeriod  period;
    const char         *from;
    const char         *until;
  } cases[] = {
    { now, AMENDS_HEROES_PERIOD_WEEK, "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z" },
    { now, AMENDS_HEROES_PERIOD_MONTH, "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z" },
    { now, AMENDS_HEROES_PERIOD_YEAR, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z" },
    /* Sunday is the last day of the ISO week. */
    { sunday, AMENDS_HEROES_PERIOD_WEEK, "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z" },
    /* 2027 begins on a Friday: its first days are in a week from 2026. */
    { new_year, AMENDS_HEROES_PERIOD_WEEK, "2026-12-28T00:00:00Z", "2027-01-04T00:00:00Z" },
    { new_year, AMENDS_HEROES_PERIOD_MONTH, "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) until = NULL;
      g_autoptr(GDateTime) expected_from = amends_test_time (cases[i].from);
      g_autoptr(GDateTime) expected_until = amends_test_time (cases[i].until);

      amends_heroes_period_get_range (cases[i].period, cases[i].now, &from, &until);
      g_assert_true (g_date_time_equal (from, expected_from));
      g_assert_true (g_date_time_equal (until, expected_until));
    }
}

/* The staff room */

static AmendsStaffRoom *
open_staff_room (Fixture *fixture)
{
  AmendsStaffRoom *room = amends_staff_room_new (NULL, fixture->db.store);

  g_object_set (amends_staff_room_get_measures_slide (room),
                "recovered-within-share", 0.92,
                "blown-away-share", 0.61,
                NULL);
  gtk_window_set_default_size (GTK_WINDOW (room), 1280, 800);
  present (fixture, GTK_WINDOW (room));

  return room;
}

static void
test_staff_room_cycles_through_told_stories (Fixture       *fixture,
                                             gconstpointer  data)
{
  AmendsStaffRoom *room;
  g_autoptr(GError) error = NULL;

  add_hero_data (fixture);
  /* The fixture's own story, told with two heroes, to look at. */
  g_object_set (fixture->story, "text",
                "He asked for a second lapel pin for his two children and was told one per "
                "guest. Ten minutes later Ada found him in his seat with two pins, and a third "
                "with a handwritten note for the children. A fifty-cent rule is not worth a customer.",
                NULL);
  amends_store_update (fixture->db.store, AMENDS_RECORD (fixture->story), &error);
  g_assert_no_error (error);
  amends_store_set_story_heroes (fixture->db.store, amends_record_get_id (AMENDS_RECORD (fixture->story)),
                                 (gint64[]) { fixture->ada_id, fixture->bilal_id }, 2, &error);
  g_assert_no_error (error);
  amends_store_move_story (fixture->db.store, fixture->story, AMENDS_STORY_STAGE_TOLD, &error);
  g_assert_no_error (error);

  room = open_staff_room (fixture);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (room), "staff-room"));
  g_assert_cmpuint (amends_staff_room_get_interval_seconds (room), ==, 15);

  /* Six told stories (S6 in 2025 is told too) and the measures. */
  g_assert_cmpuint (amends_staff_room_get_n_slides (room), ==, 6 + 1);
  g_assert_cmpuint (amends_staff_room_get_current (room), ==, 0);

  for (guint i = 1; i < 7; i++)
    {
      amends_staff_room_next (room);
      g_assert_cmpuint (amends_staff_room_get_current (room), ==, i);
    }
  amends_staff_room_next (room);
  g_assert_cmpuint (amends_staff_room_get_current (room), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room), "staff-room.previous", NULL));
  g_assert_cmpuint (amends_staff_room_get_current (room), ==, 6);

  /* A story told elsewhere shows at once. */
  {
    g_autoptr(AmendsStory) drafted = NULL;
    g_autoptr(GListModel) stories = amends_store_list_stories (fixture->db.store,
                                                               AMENDS_STORY_STAGE_DRAFTED, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
    drafted = g_list_model_get_item (stories, 0);
    amends_store_move_story (fixture->db.store, drafted, AMENDS_STORY_STAGE_TOLD, &error);
    g_assert_no_error (error);
    amends_ui_test_drain ();
    g_assert_cmpuint (amends_staff_room_get_n_slides (room), ==, 7 + 1);
  }
}

static gboolean
room_moved_on (gpointer room)
{
  return amends_staff_room_get_current (room) != 0;
}

static void
test_staff_room_moves_on_by_itself (Fixture       *fixture,
                                    gconstpointer  data)
{
  AmendsStaffRoom *room = open_staff_room (fixture);

  /* No told story: the slide that waits for the first, and the measures. */
  g_assert_cmpuint (amends_staff_room_get_n_slides (room), ==, 2);

  amends_staff_room_set_interval_seconds (room, 1);
  /* Not a timing assertion: it waits for the slide to change, however long. */
  amends_ui_test_wait_until (room_moved_on, room);
  g_assert_cmpuint (amends_staff_room_get_current (room), ==, 1);
}

static void
test_staff_room_escape_leaves (Fixture       *fixture,
                               gconstpointer  data)
{
  AmendsStaffRoom *room = open_staff_room (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room), "staff-room.leave", NULL));
  amends_ui_test_drain ();
  g_assert_null (fixture->window);
}

static void
test_staff_room_screenshot (Fixture       *fixture,
                            gconstpointer  data)
{
  AmendsStaffRoom *room;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_object_set (fixture->story, "text",
                "He asked for a second lapel pin for his two children and was told one per "
                "guest. Ten minutes later Ada found him in his seat with two pins, and a third "
                "with a handwritten note for the children.\n\nA fifty-cent rule is not worth a customer.",
                NULL);
  amends_store_update (fixture->db.store, AMENDS_RECORD (fixture->story), &error);
  g_assert_no_error (error);
  amends_store_set_story_heroes (fixture->db.store, amends_record_get_id (AMENDS_RECORD (fixture->story)),
                                 (gint64[]) { fixture->ada_id, fixture->bilal_id }, 2, &error);
  g_assert_no_error (error);
  amends_store_move_story (fixture->db.store, fixture->story, AMENDS_STORY_STAGE_TOLD, &error);
  g_assert_no_error (error);

  room = open_staff_room (fixture);
  /* Let the hint fade in. */
  g_timeout_add (2500, on_slide_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  save_png (GTK_WIDGET (room), "staff-room-story.png");

  amends_staff_room_next (room);
  done = FALSE;
  g_timeout_add (1500, on_slide_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  save_png (GTK_WIDGET (room), "staff-room-measures.png");
}

int
main (int   argc,
      char *argv[])
{
  /* Periods and told times are read here in UTC. */
  g_setenv ("TZ", "UTC", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* As AdwApplication loads it for the application. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/ui/stories/editor/saves-told-story-with-heroes", test_editor_saves_told_story_with_heroes);
  ADD_TEST ("/ui/stories/editor/refuses-unreadable-told-at", test_editor_refuses_unreadable_told_at);
  ADD_TEST ("/ui/stories/editor/cancel-asks-and-discards", test_editor_cancel_asks_and_discards);
  ADD_TEST ("/ui/stories/editor/starts-from-the-case", test_editor_starts_from_the_case);
  ADD_TEST ("/ui/stories/editor/is-a-dialog", test_editor_is_a_dialog);
  ADD_TEST ("/ui/stories/heroes/counts-by-period", test_heroes_counts_by_period);
  ADD_TEST ("/ui/stories/heroes/refresh-on-commit", test_heroes_refresh_on_commit);
  g_test_add_func ("/ui/stories/heroes/period-ranges", test_heroes_period_ranges);
  ADD_TEST ("/ui/stories/staff-room/cycles-through-told-stories", test_staff_room_cycles_through_told_stories);
  ADD_TEST ("/ui/stories/staff-room/moves-on-by-itself", test_staff_room_moves_on_by_itself);
  ADD_TEST ("/ui/stories/staff-room/escape-leaves", test_staff_room_escape_leaves);
  ADD_TEST ("/ui/stories/staff-room/screenshot", test_staff_room_screenshot);

  return g_test_run ();
}
