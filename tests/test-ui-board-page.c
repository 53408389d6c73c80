/* test-ui-board-page.c: the Board view in the window, wide and narrow
 *
 * The demo hotel's board in the main window, at the size the window first
 * opens with (1078×705) and at 800×600.  At both, the three columns are
 * on screen whole without scrolling sideways, and the heroes and the
 * staff-room button are either beside them or one button away: on the
 * narrow window they fold into a sheet that the Heroes button (F9)
 * slides in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include "amends-application.h"
#include "amends-board-lane.h"
#include "amends-board-page.h"
#include "amends-board-view.h"
#include "amends-demo.h"
#include "amends-heroes-panel.h"
#include "amends-story-card.h"
#include "amends-test-utils.h"
#include "amends-window.h"
#include "amends-window-private.h"

/* Narrower than this, a column would no longer show a card's title and
 * pills readably. */
#define MIN_COLUMN_WIDTH 200

static AmendsApplication *app;

typedef struct
{
  AmendsTestDb  db;
  AmendsWindow *window;
  GtkWidget    *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&f->db, data);
  g_assert_true (amends_demo_populate (f->db.store, f->db.now, &error));
  g_assert_no_error (error);
  amends_application_set_store (app, f->db.store);
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
  amends_test_db_teardown (&f->db, data);
}

static gboolean
board_read (gpointer data)
{
  Fixture *f = data;

  return !amends_board_view_is_busy (AMENDS_BOARD_VIEW (amends_board_page_get_board_view (AMENDS_BOARD_PAGE (f->page))));
}

/* The window at @width × @height, on the Board, as Alt+2 shows it. */
static void
open_board (Fixture *f,
            int      width,
            int      height)
{
  f->window = amends_window_new (GTK_APPLICATION (app), f->db.store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "board"));
  f->page = amends_ui_test_find_child (GTK_WIDGET (f->window), NULL, AMENDS_TYPE_BOARD_PAGE);
  g_assert_nonnull (f->page);
  amends_ui_test_wait_until (board_read, f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();

  /* Nothing on the board makes the window wider or taller than asked
   * (less, by the frame the window draws around itself). */
  g_assert_true (gtk_widget_get_mapped (f->page));
  g_test_message ("window %d×%d", gtk_widget_get_width (GTK_WIDGET (f->window)), gtk_widget_get_height (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, height);
}

static GtkWidget *
child_of (GtkWidget  *widget,
          const char *id,
          GType       type)
{
  GtkWidget *child = amends_ui_test_find_child (widget, id, type);

  g_assert_nonnull (child);
  return child;
}

/* Whether @widget is shown whole inside the window. */
static gboolean
whole_in_window (Fixture   *f,
                 GtkWidget *widget)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, GTK_WIDGET (f->window), &bounds))
    return FALSE;

  g_test_message ("%s at %.0f,%.0f, %.0f×%.0f", G_OBJECT_TYPE_NAME (widget),
                  bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);

  return bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (f->window)) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (f->window));
}

/* Nothing to scroll to sideways, and the three columns whole in the
 * window, none narrower than a card can be read at. */
static void
assert_columns_fit (Fixture *f)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (child_of (f->page, "board_scroller", GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (scroller);
  static const char *lanes[] = { "candidate_lane", "drafted_lane", "told_lane" };

  g_test_message ("board: %.0f of %.0f", gtk_adjustment_get_page_size (hadjustment), gtk_adjustment_get_upper (hadjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment));

  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      GtkWidget *lane = child_of (f->page, lanes[i], AMENDS_TYPE_BOARD_LANE);

      g_assert_true (whole_in_window (f, lane));
      g_assert_cmpint (gtk_widget_get_width (lane), >=, MIN_COLUMN_WIDTH);
    }
}

static void
assert_heroes_beside (Fixture *f)
{
  g_assert_false (amends_board_page_get_heroes_folded (AMENDS_BOARD_PAGE (f->page)));
  g_assert_true (whole_in_window (f, child_of (f->page, "heroes_panel", AMENDS_TYPE_HEROES_PANEL)));
  g_assert_true (whole_in_window (f, child_of (f->page, "staff_room_button", GTK_TYPE_BUTTON)));
  g_assert_false (gtk_widget_is_visible (child_of (f->page, "heroes_button", GTK_TYPE_TOGGLE_BUTTON)));
}

static gboolean
heroes_counted (gpointer heroes)
{
  return !amends_heroes_panel_is_busy (heroes);
}

static void
save_png (Fixture    *f,
          const char *name)
{
  g_autofree char *path = g_build_filename (amends_ui_test_screenshot_dir (), name, NULL);

  amends_ui_test_save_png (GTK_WIDGET (f->window), path);
}

/* A move on the board offers Undo in the window's toast, by the window's
 * rule: it stays until dismissed, and replaces the toast shown before. */
static void
test_board_toasts_follow_the_window (Fixture       *f,
                                     gconstpointer  data)
{
  AmendsBoardView *board;
  GtkWidget *card;
  AdwToast *first;
  g_autoptr(GError) error = NULL;

  open_board (f, 1078, 705);
  board = AMENDS_BOARD_VIEW (amends_board_page_get_board_view (AMENDS_BOARD_PAGE (f->page)));
  card = child_of (child_of (f->page, "candidate_lane", AMENDS_TYPE_BOARD_LANE), NULL, AMENDS_TYPE_STORY_CARD);

  amends_window_show_error (f->window, "Something before");
  first = f->window->toast;
  g_assert_nonnull (first);

  g_assert_true (amends_board_view_move_story (board,
                                               amends_record_get_id (AMENDS_RECORD (amends_story_card_get_story (AMENDS_STORY_CARD (card)))),
                                               AMENDS_STORY_STAGE_DRAFTED, &error));
  g_assert_no_error (error);
  amends_ui_test_drain ();

  g_assert_nonnull (f->window->toast);
  g_assert_true (f->window->toast != first);
  g_assert_cmpstr (adw_toast_get_button_label (f->window->toast), ==, "_Undo");
  g_assert_cmpuint (adw_toast_get_timeout (f->window->toast), ==, 0);
}

/* The size the window first opens with: the board and the heroes side by
 * side, nothing cut off. */
static void
test_fits_at_the_first_size (Fixture       *f,
                             gconstpointer  data)
{
  open_board (f, 1078, 705);

  assert_columns_fit (f);
  assert_heroes_beside (f);
  amends_ui_test_wait_until (heroes_counted, child_of (f->page, "heroes_panel", AMENDS_TYPE_HEROES_PANEL));
  save_png (f, "board-1078x705.png");
}

/* 800×600: the columns share the width, the heroes are one button away. */
static void
test_fits_at_800x600 (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *heroes_button;
  GtkWidget *heroes;

  open_board (f, 800, 600);

  assert_columns_fit (f);
  g_assert_true (amends_board_page_get_heroes_folded (AMENDS_BOARD_PAGE (f->page)));
  heroes_button = child_of (f->page, "heroes_button", GTK_TYPE_TOGGLE_BUTTON);
  g_assert_true (whole_in_window (f, heroes_button));
  g_assert_true (whole_in_window (f, child_of (f->page, "folded_staff_room_button", GTK_TYPE_BUTTON)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heroes_button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Heroes");
  save_png (f, "board-800x600.png");

  /* Clicked, the sheet slides in over the board, the heroes whole. */
  g_signal_emit_by_name (heroes_button, "clicked");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (child_of (f->page, "flap", ADW_TYPE_FLAP))));
  heroes = child_of (f->page, "heroes_panel", AMENDS_TYPE_HEROES_PANEL);
  g_assert_true (whole_in_window (f, heroes));
  amends_ui_test_wait_until (heroes_counted, heroes);
  g_assert_cmpuint (amends_heroes_panel_get_n_heroes (AMENDS_HEROES_PANEL (heroes)), >, 0);
  save_png (f, "board-800x600-heroes.png");
}

/* Narrower and wider again: the heroes fold away and come back beside
 * the board, and the window goes down to 800 wide on the Board. */
static void
test_heroes_fold_and_unfold (Fixture       *f,
                             gconstpointer  data)
{
  int minimum = 0;

  open_board (f, 1078, 705);
  assert_heroes_beside (f);

  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("the board page needs at least %d", minimum);
  g_assert_cmpint (minimum, <=, 800);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 800);
  g_assert_true (amends_board_page_get_heroes_folded (AMENDS_BOARD_PAGE (f->page)));
  assert_columns_fit (f);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1078, 705);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  assert_heroes_beside (f);
  assert_columns_fit (f);
}

/* The page's shortcut for @accelerator, as the key would run it. */
static gboolean
press_key (GtkWidget  *widget,
           const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accelerator))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* F9 slides the sheet in with the focus in it; Escape sends it away, and
 * the focus back to the Heroes button. */
static void
test_heroes_by_keyboard (Fixture       *f,
                         gconstpointer  data)
{
  AdwFlap *flap;
  GtkWidget *side;
  GtkWidget *heroes_button;

  open_board (f, 800, 600);
  flap = ADW_FLAP (child_of (f->page, "flap", ADW_TYPE_FLAP));
  side = child_of (f->page, "side", GTK_TYPE_BOX);
  heroes_button = child_of (f->page, "heroes_button", GTK_TYPE_TOGGLE_BUTTON);
  g_assert_false (adw_flap_get_reveal_flap (flap));

  g_assert_true (press_key (f->page, "F9"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), side));

  /* What AdwFlap does with Escape. */
  adw_flap_set_reveal_flap (flap, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == heroes_button);

  /* Beside the board there is nothing to slide in. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1078, 705);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
  g_assert_false (amends_board_page_get_heroes_folded (AMENDS_BOARD_PAGE (f->page)));
  gtk_widget_activate_action (f->page, "board-page.toggle-heroes", NULL);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  assert_heroes_beside (f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* The sheet is where it goes at once, not a quarter of a second later. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = amends_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/ui/board-page/fits-at-the-first-size", test_fits_at_the_first_size);
  ADD_TEST ("/ui/board-page/fits-at-800x600", test_fits_at_800x600);
  ADD_TEST ("/ui/board-page/heroes-fold-and-unfold", test_heroes_fold_and_unfold);
  ADD_TEST ("/ui/board-page/heroes-by-keyboard", test_heroes_by_keyboard);
  ADD_TEST ("/ui/board-page/toasts-follow-the-window", test_board_toasts_follow_the_window);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
