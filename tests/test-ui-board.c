/* test-ui-board.c: the storytelling board, as a manager uses it
 *
 * A real store on a temporary file, the board in a window with a toast
 * overlay: stories come by themselves or are proposed, move from column to
 * column by the card's actions (the menu and the keyboard use them), by a
 * drop and by the board's own function, and a move can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <adwaita.h>

#include "amends-board-view.h"
#include "amends-demo.h"
#include "amends-store-stories.h"
#include "amends-story-card.h"
#include "amends-test-utils.h"

typedef struct
{
  AmendsTestDb     db;
  gint64           ada_id;
  gint64           bilal_id;
  gint64           pins_case_id;      /* recovered in time, blown away */
  gint64           lift_case_id;      /* recovered, satisfied: proposed */
  gint64           late_case_id;      /* blown away, but late */
  GtkWindow       *window;
  AdwToastOverlay *overlay;
  AmendsBoardView *board;
} Fixture;

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static AmendsStoryCard *
find_card_in (GtkWidget *widget,
              gint64     story_id)
{
  if (AMENDS_IS_STORY_CARD (widget))
    {
      AmendsStory *story = amends_story_card_get_story (AMENDS_STORY_CARD (widget));

      if (story != NULL && amends_record_get_id (AMENDS_RECORD (story)) == story_id &&
          gtk_widget_get_mapped (widget))
        return AMENDS_STORY_CARD (widget);
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AmendsStoryCard *found = find_card_in (child, story_id);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Until the board has read what its worker reads and taken in every
 * change announced. */
static void
wait_for_board (Fixture *f)
{
  amends_ui_test_drain ();
  while (amends_board_view_is_busy (f->board))
    g_main_context_iteration (NULL, TRUE);
  amends_ui_test_drain ();
}

/* A key pressed and let go at once, as GTK hands it on: from the focus
 * up, to the first widget with a shortcut for it.  Letting go does what
 * GtkWindow does then (update_focus_visible() in gtkwindow.c): the focus
 * ring shows if the key moved the focus, and is hidden if the focus is
 * where it was and did not show when the key went down.  Both come
 * before the main loop is next idle, as two events queued together do. */
static gboolean
press_keys (Fixture    *f,
            const char *accelerator)
{
  GtkWidget *pressed_on = gtk_window_get_focus_visible (f->window) ? NULL : gtk_window_get_focus (f->window);
  gboolean handled = FALSE;

  for (GtkWidget *widget = gtk_window_get_focus (f->window); widget && !handled; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

              handled = g_str_equal (trigger, accelerator) &&
                        gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                      gtk_shortcut_get_arguments (shortcut));
            }
        }
    }

  gtk_window_set_focus_visible (f->window, pressed_on != gtk_window_get_focus (f->window));

  return handled;
}

/* Whether the focus is on the card of @story_id, or inside it, and shows. */
static gboolean
focus_is_on_card (Fixture *f,
                  gint64   story_id)
{
  GtkWidget *focus = gtk_window_get_focus (f->window);
  GtkWidget *card = focus ? gtk_widget_get_ancestor (focus, AMENDS_TYPE_STORY_CARD) : NULL;
  AmendsStory *story = card ? amends_story_card_get_story (AMENDS_STORY_CARD (card)) : NULL;


  return story != NULL && amends_record_get_id (AMENDS_RECORD (story)) == story_id &&
         gtk_widget_get_mapped (card) && gtk_window_get_focus_visible (f->window);
}

static AmendsStoryCard *
card_of (Fixture *f,
         gint64   story_id)
{
  AmendsStoryCard *card;

  wait_for_board (f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  card = find_card_in (GTK_WIDGET (f->board), story_id);
  g_assert_nonnull (card);

  return card;
}

static AmendsStory *
story_of_case (Fixture *f,
               gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  AmendsStory *story = amends_store_find_story (f->db.store, case_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (story);

  return story;
}

static gint64
story_id_of_case (Fixture *f,
                  gint64   case_id)
{
  g_autoptr(AmendsStory) story = story_of_case (f, case_id);

  return amends_record_get_id (AMENDS_RECORD (story));
}

static void
assert_counts (Fixture *f,
               guint    candidates,
               guint    drafted,
               guint    told)
{
  wait_for_board (f);
  g_assert_cmpuint (amends_board_view_get_n_stories (f->board, AMENDS_STORY_STAGE_CANDIDATE), ==, candidates);
  g_assert_cmpuint (amends_board_view_get_n_stories (f->board, AMENDS_STORY_STAGE_DRAFTED), ==, drafted);
  g_assert_cmpuint (amends_board_view_get_n_stories (f->board, AMENDS_STORY_STAGE_TOLD), ==, told);
}

/* A case recovered @minutes after it happened, an hour before "now". */
static gint64
add_recovered_case (AmendsStore    *store,
                    const char     *summary,
                    int             minutes,
                    AmendsReaction  reaction,
                    gint64          owner_id,
                    GDateTime      *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(GDateTime) recovered_at = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) occurred_at = g_date_time_add_minutes (recovered_at, -minutes);

  g_object_set (kase,
                "summary", summary,
                "occurred-at", occurred_at,
                "status", AMENDS_CASE_STATUS_RECOVERED,
                "recovered-at", recovered_at,
                "fix", "Put right",
                "owner-id", owner_id,
                "fix", "Moved the guests to a quiet room on the top floor",
                "surprise", "Two lapel pins for the children",
                "reaction", reaction,
                NULL);
  amends_store_insert (store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
open_board (Fixture *f,
            int      width,
            int      height)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (f->window, width, height);

  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  f->board = AMENDS_BOARD_VIEW (amends_board_view_new ());
  g_object_add_weak_pointer (G_OBJECT (f->board), (gpointer *) &f->board);
  amends_board_view_set_store (f->board, f->db.store);
  adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->board));
  gtk_window_set_child (f->window, GTK_WIDGET (f->overlay));

  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  wait_for_board (f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bilal = NULL;
  g_autoptr(AmendsStory) proposed = NULL;
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&f->db, data);
  ada = amends_test_add_staff (f->db.store, "Ada Moreau");
  bilal = amends_test_add_staff (f->db.store, "Bilal Khan");
  f->ada_id = amends_record_get_id (AMENDS_RECORD (ada));
  f->bilal_id = amends_record_get_id (AMENDS_RECORD (bilal));

  f->pins_case_id = add_recovered_case (f->db.store, "Noisy room on the wedding night",
                                        100, AMENDS_REACTION_BLOWN_AWAY, f->ada_id, f->db.now);
  f->lift_case_id = add_recovered_case (f->db.store, "Lift out of order for a wheelchair user",
                                        30, AMENDS_REACTION_SATISFIED, f->bilal_id, f->db.now);
  f->late_case_id = add_recovered_case (f->db.store, "Lost luggage found after two days",
                                        48 * 60, AMENDS_REACTION_BLOWN_AWAY, f->ada_id, f->db.now);

  proposed = amends_store_propose_story (f->db.store, f->lift_case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (proposed);

  open_board (f, 1200, 800);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  amends_ui_test_drain ();
  g_assert_null (f->window);
  g_assert_null (f->board);

  amends_test_db_teardown (&f->db, data);
}

static void
test_candidates_come_by_themselves (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(AmendsStory) pins = story_of_case (f, f->pins_case_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStory) late = amends_store_find_story (f->db.store, f->late_case_id, &error);

  /* The blown-away recovery in time came by itself, the lift was proposed,
   * the late one is not a candidate. */
  g_assert_no_error (error);
  g_assert_null (late);
  g_assert_cmpint (amends_story_get_stage (pins), ==, AMENDS_STORY_STAGE_CANDIDATE);
  assert_counts (f, 2, 0, 0);

  card_of (f, amends_record_get_id (AMENDS_RECORD (pins)));
}

static void
test_keyboard_moves_and_undo (Fixture       *f,
                              gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->pins_case_id);
  g_autoptr(AmendsStory) story = NULL;
  AmendsStoryCard *card = card_of (f, story_id);

  /* Already in the first column: Ctrl+Left has nowhere to go. */
  gtk_widget_activate_action (GTK_WIDGET (card), "card.move-left", NULL);
  assert_counts (f, 2, 0, 0);

  gtk_widget_grab_focus (GTK_WIDGET (card));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.move", "s", "drafted"));
  assert_counts (f, 1, 1, 0);
  story = story_of_case (f, f->pins_case_id);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_DRAFTED);
  g_assert_null (amends_story_get_told_at (story));
  g_clear_object (&story);

  /* Ctrl+Right's action, on the card rebuilt in its new column; the focus
   * followed it there. */
  card = card_of (f, story_id);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.move-right", NULL));
  assert_counts (f, 1, 0, 1);
  story = story_of_case (f, f->pins_case_id);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_TOLD);
  g_assert_nonnull (amends_story_get_told_at (story));
  g_assert_true (g_date_time_equal (amends_story_get_told_at (story), f->db.now));
  g_clear_object (&story);

  /* Told is the last column. */
  card = card_of (f, story_id);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.move-right", NULL);
  assert_counts (f, 1, 0, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.undo-move", NULL));
  assert_counts (f, 1, 1, 0);
  story = story_of_case (f, f->pins_case_id);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_DRAFTED);
  g_assert_null (amends_story_get_told_at (story));

  /* One undo: the move before it stays. */
  gtk_widget_activate_action (GTK_WIDGET (f->board), "board.undo-move", NULL);
  assert_counts (f, 1, 1, 0);
}

static void
test_undo_back_to_told_keeps_its_date (Fixture       *f,
                                       gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->pins_case_id);
  g_autoptr(GDateTime) later = g_date_time_add_days (f->db.now, 3);
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_board_view_move_story (f->board, story_id, AMENDS_STORY_STAGE_TOLD, &error));
  g_assert_no_error (error);

  amends_store_set_fixed_now (f->db.store, later);
  g_assert_true (amends_board_view_move_story (f->board, story_id, AMENDS_STORY_STAGE_DRAFTED, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.undo-move", NULL));
  amends_ui_test_drain ();

  story = story_of_case (f, f->pins_case_id);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_TOLD);
  g_assert_true (g_date_time_equal (amends_story_get_told_at (story), f->db.now));
}

static void
test_move_through_the_board (Fixture       *f,
                             gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->lift_case_id);
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GError) error = NULL;

  /* What a drop calls: straight from candidate to told. */
  g_assert_true (amends_board_view_move_story (f->board, story_id, AMENDS_STORY_STAGE_TOLD, &error));
  g_assert_no_error (error);
  assert_counts (f, 1, 0, 1);
  story = story_of_case (f, f->lift_case_id);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_TOLD);

  /* Dropped where it already is: nothing happens, the undo stays. */
  g_assert_true (amends_board_view_move_story (f->board, story_id, AMENDS_STORY_STAGE_TOLD, &error));
  g_assert_no_error (error);
  assert_counts (f, 1, 0, 1);

  /* A story that is not there says so. */
  g_assert_false (amends_board_view_move_story (f->board, 9999, AMENDS_STORY_STAGE_TOLD, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND);
  assert_counts (f, 1, 0, 1);
}

static gboolean
drop_on_column (Fixture *f,
                guint    column,
                gint64   story_id)
{
  GtkWidget *columns = amends_ui_test_find_child (GTK_WIDGET (f->board), "columns", GTK_TYPE_BOX);
  GtkWidget *pane = gtk_widget_get_first_child (columns);
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  for (guint i = 0; i < column; i++)
    pane = gtk_widget_get_next_sibling (pane);

  controllers = gtk_widget_observe_controllers (pane);
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, story_id);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
          return dropped;
        }
    }

  g_assert_not_reached ();
}

static void
test_drop_on_a_column (Fixture       *f,
                       gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->lift_case_id);
  g_autoptr(AmendsStory) story = NULL;

  /* The drag source of a card offers its story's id... */
  g_assert_nonnull (find_child (GTK_WIDGET (card_of (f, story_id)), GTK_TYPE_WIDGET));

  /* ...and an empty column takes it. */
  g_assert_true (drop_on_column (f, 1, story_id));
  assert_counts (f, 1, 1, 0);
  story = story_of_case (f, f->lift_case_id);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_DRAFTED);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.undo-move", NULL));
  assert_counts (f, 2, 0, 0);
}

static void
test_dismiss_a_candidate (Fixture       *f,
                          gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->lift_case_id);
  g_autoptr(AmendsStory) story = NULL;
  AmendsStoryCard *card = card_of (f, story_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.dismiss", NULL));
  assert_counts (f, 1, 0, 0);
  story = story_of_case (f, f->lift_case_id);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_DISMISSED);

  /* Only a candidate can be dismissed; the menu hides it elsewhere. */
  story_id = story_id_of_case (f, f->pins_case_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card_of (f, story_id)), "card.move-to-drafted", NULL));
  assert_counts (f, 0, 1, 0);
  card = card_of (f, story_id);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.dismiss", NULL);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.move-to-drafted", NULL);
  assert_counts (f, 0, 1, 0);
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static void
test_card_tells_the_story (Fixture       *f,
                           gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->pins_case_id);
  const gint64 heroes[] = { f->ada_id, f->bilal_id };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  AmendsStoryCard *card;

  amends_store_set_story_heroes (f->db.store, story_id, heroes, G_N_ELEMENTS (heroes), &error);
  g_assert_no_error (error);
  amends_ui_test_drain ();

  card = card_of (f, story_id);
  collect_labels (GTK_WIDGET (card), text);
  g_test_message ("%s", text->str);

  g_assert_nonnull (strstr (text->str, "Noisy room on the wedding night\n"));
  g_assert_nonnull (strstr (text->str, "Heroes: Ada Moreau, Bilal Khan\n"));
  g_assert_nonnull (strstr (text->str, "Fix: Moved the guests to a quiet room on the top floor\n"));
  g_assert_nonnull (strstr (text->str, "Surprise: Two lapel pins for the children\n"));
  g_assert_nonnull (strstr (text->str, "recovered in 1 h 40 min\n"));
  g_assert_nonnull (strstr (text->str, "Blown away\n"));
  g_assert_nonnull (strstr (text->str, "18 Nov 2026\n"));

  /* One hero. */
  g_string_truncate (text, 0);
  collect_labels (GTK_WIDGET (card_of (f, story_id_of_case (f, f->lift_case_id))), text);
  g_assert_nonnull (strstr (text->str, "Hero: Bilal Khan\n"));
}

static void
on_edit_story_cb (AmendsBoardView *board,
                  AmendsStory     *story,
                  gint64          *edited)
{
  *edited = amends_record_get_id (AMENDS_RECORD (story));
}

static void
test_edit_asks_the_window (Fixture       *f,
                           gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->pins_case_id);
  gint64 edited = 0;

  g_signal_connect (f->board, "edit-story", G_CALLBACK (on_edit_story_cb), &edited);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card_of (f, story_id)), "card.edit", NULL));
  g_assert_cmpint (edited, ==, story_id);
}

static void
test_follows_the_store (Fixture       *f,
                        gconstpointer  data)
{
  /* Recovered elsewhere in the application: the board sees it come. */
  add_recovered_case (f->db.store, "Birthday cake forgotten", 20,
                      AMENDS_REACTION_BLOWN_AWAY, f->bilal_id, f->db.now);
  amends_ui_test_drain ();
  assert_counts (f, 3, 0, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.refresh", NULL));
  assert_counts (f, 3, 0, 0);
}

/* A change to one case is taken in by itself: the case is looked at, its
 * story made or moved, and the board is not read again.  A candidate
 * whose case is opened again leaves the board until it is recovered
 * again. */
static void
test_a_changed_case_alone (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AmendsCase) pins = NULL;
  g_autoptr(GError) error = NULL;
  guint reads = amends_board_reader_get_n_reads ();
  gint64 cake_id;

  cake_id = add_recovered_case (f->db.store, "Birthday cake forgotten", 20,
                                AMENDS_REACTION_BLOWN_AWAY, f->bilal_id, f->db.now);
  assert_counts (f, 3, 0, 0);
  card_of (f, story_id_of_case (f, cake_id));

  pins = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->pins_case_id, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_set_case_status (f->db.store, pins, AMENDS_CASE_STATUS_OPEN, &error));
  g_assert_no_error (error);
  assert_counts (f, 2, 0, 0);

  g_assert_true (amends_store_set_case_status (f->db.store, pins, AMENDS_CASE_STATUS_RECOVERED, &error));
  g_assert_no_error (error);
  assert_counts (f, 3, 0, 0);
  card_of (f, story_id_of_case (f, f->pins_case_id));

  /* Trashed, the story goes with the case. */
  g_assert_true (amends_store_trash_case (f->db.store, cake_id, &error));
  g_assert_no_error (error);
  assert_counts (f, 2, 0, 0);

  g_assert_cmpuint (amends_board_reader_get_n_reads (), ==, reads);
}

/* A case edited elsewhere shows on its card at once, the card itself
 * kept: nothing else on the board is made again. */
static void
test_a_card_follows_its_case (Fixture       *f,
                              gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->pins_case_id);
  AmendsStoryCard *card = card_of (f, story_id);
  g_autoptr(AmendsCase) pins = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *fix;

  pins = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->pins_case_id, &error);
  g_assert_no_error (error);
  g_object_set (pins, "fix", "Gave them the honeymoon suite", NULL);
  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (pins), &error));
  g_assert_no_error (error);

  wait_for_board (f);
  g_assert_true (card_of (f, story_id) == card);
  fix = amends_ui_test_find_child (GTK_WIDGET (card), "fix_label", GTK_TYPE_LABEL);
  g_assert_nonnull (fix);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (fix)), "honeymoon suite"));
}

/* Changes made while the board is out of sight wait for it, and are
 * taken in when it is shown again. */
static void
test_changes_wait_while_hidden (Fixture       *f,
                                gconstpointer  data)
{
  guint reads = amends_board_reader_get_n_reads ();

  gtk_widget_set_visible (GTK_WIDGET (f->board), FALSE);
  wait_for_board (f);
  add_recovered_case (f->db.store, "Birthday cake forgotten", 20,
                      AMENDS_REACTION_BLOWN_AWAY, f->bilal_id, f->db.now);
  wait_for_board (f);
  g_assert_cmpuint (amends_board_view_get_n_stories (f->board, AMENDS_STORY_STAGE_CANDIDATE), ==, 2);

  gtk_widget_set_visible (GTK_WIDGET (f->board), TRUE);
  assert_counts (f, 3, 0, 0);
  g_assert_cmpuint (amends_board_reader_get_n_reads (), ==, reads);
}

static void
test_toast_offers_undo (Fixture       *f,
                        gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->pins_case_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStory) story = NULL;
  GtkWidget *undo_button = NULL;

  g_assert_true (amends_board_view_move_story (f->board, story_id, AMENDS_STORY_STAGE_DRAFTED, &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();

  /* The toast's button, clicked as a person would. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (f->overlay)); w; w = gtk_widget_get_next_sibling (w))
    if (w != GTK_WIDGET (f->board) && (undo_button = find_child (w, GTK_TYPE_BUTTON)) != NULL &&
        gtk_button_get_use_underline (GTK_BUTTON (undo_button)))
      break;
  g_assert_nonnull (undo_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (undo_button)), ==, "_Undo");
  g_signal_emit_by_name (undo_button, "clicked");
  amends_ui_test_drain ();

  story = story_of_case (f, f->pins_case_id);
  g_assert_cmpint (amends_story_get_stage (story), ==, AMENDS_STORY_STAGE_CANDIDATE);
  assert_counts (f, 2, 0, 0);
}

/* The keys move a card and undo the move; the focus, and its ring, stay
 * on the card moved, in whichever column it lands. */
static void
test_focus_follows_the_moved_card (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->pins_case_id);

  /* Clicked on: the focus is there, without its ring. */
  gtk_widget_grab_focus (GTK_WIDGET (card_of (f, story_id)));
  gtk_window_set_focus_visible (f->window, FALSE);

  g_assert_true (press_keys (f, "<Control>Right"));
  assert_counts (f, 1, 1, 0);
  card_of (f, story_id);
  g_assert_true (focus_is_on_card (f, story_id));

  g_assert_true (press_keys (f, "<Control>Right"));
  assert_counts (f, 1, 0, 1);
  card_of (f, story_id);
  g_assert_true (focus_is_on_card (f, story_id));

  /* Undone: back in Drafted, and the focus with it. */
  g_assert_true (press_keys (f, "<Control>z"));
  assert_counts (f, 1, 1, 0);
  card_of (f, story_id);
  g_assert_true (focus_is_on_card (f, story_id));

  /* The lift, the other candidate, moved with the keys and undone. */
  story_id = story_id_of_case (f, f->lift_case_id);
  gtk_widget_grab_focus (GTK_WIDGET (card_of (f, story_id)));
  g_assert_true (press_keys (f, "<Control>Right"));
  assert_counts (f, 0, 2, 0);
  card_of (f, story_id);
  g_assert_true (focus_is_on_card (f, story_id));
  g_assert_true (press_keys (f, "<Control>z"));
  assert_counts (f, 1, 1, 0);
  card_of (f, story_id);
  g_assert_true (focus_is_on_card (f, story_id));
}

/* A screen reader tells the story menus apart: each names its story, and
 * follows the title when it changes. */
static void
test_story_menus_name_their_story (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 story_id = story_id_of_case (f, f->pins_case_id);
  g_autoptr(AmendsStory) story = story_of_case (f, f->pins_case_id);
  g_autoptr(GError) error = NULL;
  GtkWidget *menu;

  /* No title yet: the card, and its menu, go by the case's summary. */
  menu = amends_ui_test_find_child (GTK_WIDGET (card_of (f, story_id)), "menu_button", GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Menu for story Noisy room on the wedding night");

  menu = amends_ui_test_find_child (GTK_WIDGET (card_of (f, story_id_of_case (f, f->lift_case_id))),
                                    "menu_button", GTK_TYPE_MENU_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Menu for story Lift out of order for a wheelchair user");

  /* Written, as the story editor saves it. */
  g_object_set (story, "title", "Two pins for two children", NULL);
  g_assert_true (amends_store_update (f->db.store, AMENDS_RECORD (story), &error));
  g_assert_no_error (error);
  menu = amends_ui_test_find_child (GTK_WIDGET (card_of (f, story_id)), "menu_button", GTK_TYPE_MENU_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Menu for story Two pins for two children");
}

static gboolean
hint_shown (Fixture *f)
{
  GtkWidget *hint = amends_ui_test_find_child (GTK_WIDGET (f->board), "empty_hint_label", GTK_TYPE_LABEL);

  g_assert_nonnull (hint);
  return gtk_widget_get_mapped (hint);
}

/* A board without a single story says, in one line, how stories come;
 * once one has come, the line goes. */
static void
test_empty_board_says_how_stories_come (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(AmendsStaff) ada = NULL;
  Fixture f = { 0 };
  GtkWidget *hint;
  gint64 case_id;

  amends_test_db_setup (&f.db, NULL);
  ada = amends_test_add_staff (f.db.store, "Ada Moreau");
  open_board (&f, 1200, 800);
  assert_counts (&f, 0, 0, 0);
  g_assert_true (hint_shown (&f));
  hint = amends_ui_test_find_child (GTK_WIDGET (f.board), "empty_hint_label", GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==,
                   "No stories yet. To start one, open a finished case and choose Propose as Story.");

  /* A case proposed from its editor. */
  case_id = add_recovered_case (f.db.store, "Lift out of order for a wheelchair user",
                                30, AMENDS_REACTION_SATISFIED,
                                amends_record_get_id (AMENDS_RECORD (ada)), f.db.now);
  assert_counts (&f, 0, 0, 0);
  g_assert_true (hint_shown (&f));
  story = amends_store_propose_story (f.db.store, case_id, &error);
  g_assert_no_error (error);
  assert_counts (&f, 1, 0, 0);
  g_assert_false (hint_shown (&f));

  /* Dismissed, the board is empty again. */
  g_assert_true (amends_board_view_move_story (f.board, amends_record_get_id (AMENDS_RECORD (story)),
                                               AMENDS_STORY_STAGE_DISMISSED, &error));
  g_assert_no_error (error);
  assert_counts (&f, 0, 0, 0);
  g_assert_true (hint_shown (&f));

  gtk_window_destroy (f.window);
  amends_ui_test_drain ();
  g_assert_null (f.board);
  g_clear_object (&story);
  g_clear_object (&ada);
  amends_test_db_teardown (&f.db, NULL);
}

static void
test_screenshot (void)
{
  const char *dir = amends_ui_test_screenshot_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Fixture f = { 0 };

  f.db.dir = amends_test_make_dir ();
  f.db.path = g_build_filename (f.db.dir, "demo.db", NULL);
  f.db.store = amends_store_open (f.db.path, &error);
  g_assert_no_error (error);
  amends_demo_populate (f.db.store, now, &error);
  g_assert_no_error (error);

  open_board (&f, 1280, 800);
  path = g_build_filename (dir, "board.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);
  g_clear_pointer (&path, g_free);

  /* The dark style too: the colours are Adwaita's named ones. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  amends_ui_test_drain ();
  path = g_build_filename (dir, "board-dark.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (f.window);
  amends_ui_test_drain ();
  g_assert_finalize_object (f.db.store);

  /* A board with nothing on it yet says how stories get there. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (f.db.dir, "empty.db", NULL);
  f.db.store = amends_store_open (path, &error);
  g_assert_no_error (error);
  open_board (&f, 1024, 480);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "board-empty.png", NULL);
  amends_ui_test_save_png (GTK_WIDGET (f.window), path);
  gtk_window_destroy (f.window);
  amends_ui_test_drain ();
  g_assert_finalize_object (f.db.store);

  amends_test_remove_dir (f.db.dir);
  g_free (f.db.path);
  g_free (f.db.dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_style ();

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/ui/board/candidates-come-by-themselves", test_candidates_come_by_themselves);
  ADD_TEST ("/ui/board/keyboard-moves-and-undo", test_keyboard_moves_and_undo);
  ADD_TEST ("/ui/board/undo-back-to-told-keeps-its-date", test_undo_back_to_told_keeps_its_date);
  ADD_TEST ("/ui/board/move-through-the-board", test_move_through_the_board);
  ADD_TEST ("/ui/board/drop-on-a-column", test_drop_on_a_column);
  ADD_TEST ("/ui/board/dismiss-a-candidate", test_dismiss_a_candidate);
  ADD_TEST ("/ui/board/card-tells-the-story", test_card_tells_the_story);
  ADD_TEST ("/ui/board/edit-asks-the-window", test_edit_asks_the_window);
  ADD_TEST ("/ui/board/follows-the-store", test_follows_the_store);
  ADD_TEST ("/ui/board/a-changed-case-is-taken-in-alone", test_a_changed_case_alone);
  ADD_TEST ("/ui/board/changes-wait-while-hidden", test_changes_wait_while_hidden);
  ADD_TEST ("/ui/board/a-card-follows-its-case", test_a_card_follows_its_case);
  ADD_TEST ("/ui/board/toast-offers-undo", test_toast_offers_undo);
  ADD_TEST ("/ui/board/focus-follows-the-moved-card", test_focus_follows_the_moved_card);
  ADD_TEST ("/ui/board/story-menus-name-their-story", test_story_menus_name_their_story);
  g_test_add_func ("/ui/board/empty-board-says-how-stories-come", test_empty_board_says_how_stories_come);
  g_test_add_func ("/ui/board/screenshot", test_screenshot);

  return g_test_run ();
}
