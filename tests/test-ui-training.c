/* test-ui-training.c: training examples on the board, the training pack,
 * helpers and the hand-over in the case editor, and a staff member's
 * recovery record, driven as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-ui-test-utils.h"

#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "amends-board-page.h"
#include "amends-board-view.h"
#include "amends-case-editor.h"
#include "amends-staff-page.h"
#include "amends-staff-record.h"
#include "amends-store-helpers.h"
#include "amends-store-stories.h"
#include "amends-store-training.h"
#include "amends-story-card.h"
#include "amends-story-editor.h"
#include "amends-test-utils.h"
#include "amends-training-pack.h"

typedef struct
{
  AmendsTestDb  db;
  gint64        ada;
  gint64        bilal;
  gint64        case_id;     /* recovered, blown away, a rule bent */
  gint64        story_id;    /* its story, told */
  GtkWindow    *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AmendsStaff) ada = NULL;
  g_autoptr(AmendsStaff) bilal = NULL;
  g_autoptr(AmendsCase) kase = amends_case_new ();
  g_autoptr(AmendsStory) story = NULL;
  g_autoptr(GDateTime) occurred = amends_test_time ("2026-11-16T09:00:00Z");
  g_autoptr(GDateTime) recovered = amends_test_time ("2026-11-16T10:30:00Z");
  g_autoptr(GDateTime) told = amends_test_time ("2026-11-17T08:00:00Z");
  g_autoptr(GError) error = NULL;

  amends_test_db_setup (&f->db, data);
  ada = amends_test_add_staff (f->db.store, "Ada Moreau");
  bilal = amends_test_add_staff (f->db.store, "Bilal Okafor");
  f->ada = amends_record_get_id (AMENDS_RECORD (ada));
  f->bilal = amends_record_get_id (AMENDS_RECORD (bilal));

  g_object_set (kase, "summary", "Only one lapel pin for two children",
                "occurred-at", occurred, "recovered-at", recovered,
                "status", AMENDS_CASE_STATUS_RECOVERED, "reaction", AMENDS_REACTION_BLOWN_AWAY,
                "owner-id", f->ada, "team", "Registration",
                "fix", "Two more pins handed over in the first session",
                "surprise", "A tap on the shoulder, before he had even asked again",
                "rule-bent", TRUE, "bent-rule", "One pin per participant",
                "bent-rule-why", "Fifty cents against a guest who paid a thousand dollars",
                "lesson", "Rules that are never broken never change", NULL);
  amends_store_insert (f->db.store, AMENDS_RECORD (kase), &error);
  g_assert_no_error (error);
  f->case_id = amends_record_get_id (AMENDS_RECORD (kase));

  story = amends_store_propose_story (f->db.store, f->case_id, &error);
  g_assert_no_error (error);
  g_object_set (story, "stage", AMENDS_STORY_STAGE_TOLD, "told-at", told,
                "text", "He asked for a second pin and was told no; minutes later two were handed to him.",
                NULL);
  amends_store_update (f->db.store, AMENDS_RECORD (story), &error);
  g_assert_no_error (error);
  f->story_id = amends_record_get_id (AMENDS_RECORD (story));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  amends_ui_test_drain ();
  amends_test_db_teardown (&f->db, data);
}

static void
show (Fixture   *f,
      GtkWidget *content,
      int        width,
      int        height)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, height);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), content);
  gtk_window_set_child (f->window, overlay);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  amends_ui_test_drain ();
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Pictures go where the other screenshot tests put theirs. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *path = g_build_filename (amends_ui_test_screenshot_dir (), name, NULL);

  amends_ui_test_save_png (widget, path);
}

/* Scrolls the editor so that @widget shows, to click it or for a picture
 * of it. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double x, y;

  if (scroller == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (gtk_widget_translate_coordinates (widget, scroller, 0, 0, &x, &y))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 240);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  amends_ui_test_drain ();
}

static gboolean
board_settled (gpointer data)
{
  return !amends_board_view_is_busy (data);
}

static AmendsStory *
load_story (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AmendsStory *story = amends_store_load (f->db.store, AMENDS_TYPE_STORY, f->story_id, &error);

  g_assert_no_error (error);
  return story;
}

static AmendsStoryCard *
find_card (GtkWidget *widget,
           gint64     story_id)
{
  if (AMENDS_IS_STORY_CARD (widget))
    {
      AmendsStory *story = amends_story_card_get_story (AMENDS_STORY_CARD (widget));

      return story != NULL && amends_record_get_id (AMENDS_RECORD (story)) == story_id &&
             gtk_widget_get_mapped (widget) ? AMENDS_STORY_CARD (widget) : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AmendsStoryCard *found = find_card (child, story_id);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether the card's menu offers @label, checked when @checked. */
static gboolean
menu_has_check (AmendsStoryCard *card,
                const char      *action)
{
  GtkWidget *button = find_type (GTK_WIDGET (card), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *name = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
              g_str_equal (name, action))
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_mark_training_from_menu (Fixture       *f,
                              gconstpointer  data)
{
  AmendsBoardView *board = AMENDS_BOARD_VIEW (amends_board_view_new ());
  g_autoptr(AmendsStory) stored = NULL;
  AmendsStoryCard *card;
  GtkWidget *pill;

  amends_board_view_set_store (board, f->db.store);
  show (f, GTK_WIDGET (board), 1100, 800);
  amends_ui_test_wait_until (board_settled, board);

  card = find_card (GTK_WIDGET (board), f->story_id);
  g_assert_nonnull (card);
  g_assert_true (menu_has_check (card, "card.training"));

  /* The menu's check item, as a click on it activates it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.training", NULL));
  amends_ui_test_drain ();
  amends_ui_test_wait_until (board_settled, board);

  stored = load_story (f);
  g_assert_true (amends_story_get_training (stored));

  card = find_card (GTK_WIDGET (board), f->story_id);
  pill = amends_ui_test_find_child (GTK_WIDGET (card), "training_label", GTK_TYPE_LABEL);
  g_assert_true (gtk_widget_get_visible (pill));
  save_png (GTK_WIDGET (f->window), "board-training-card.png");

  /* Again: no longer a training example. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.training", NULL));
  amends_ui_test_drain ();
  g_clear_object (&stored);
  stored = load_story (f);
  g_assert_false (amends_story_get_training (stored));
}

static void
test_export_pack (Fixture       *f,
                  gconstpointer  data)
{
  AmendsBoardPage *page = AMENDS_BOARD_PAGE (amends_board_page_new ());
  g_autoptr(AmendsStory) story = load_story (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->db.dir, "pack.pdf", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };
  int status = 0;

  amends_store_set_story_training (f->db.store, story, TRUE, &error);
  g_assert_no_error (error);

  amends_board_page_set_store (page, f->db.store);
  show (f, GTK_WIDGET (page), 1200, 800);

  /* The button is there and its action can be taken. */
  g_assert_true (gtk_widget_is_sensitive (amends_ui_test_find_child (GTK_WIDGET (page), "training_pack_button",
                                                                      GTK_TYPE_BUTTON)));
  g_assert_true (amends_training_pack_save_to (GTK_WIDGET (page), path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Only one lapel pin for two children"));
  g_assert_nonnull (strstr (out, "One pin per participant"));

  if (amends_ui_test_screenshot_dir () != NULL)
    {
      g_autofree char *copy = g_build_filename (amends_ui_test_screenshot_dir (), "training-pack.pdf", NULL);
      g_autoptr(GFile) src = g_file_new_for_path (path);
      g_autoptr(GFile) dst = g_file_new_for_path (copy);

      g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
      save_png (GTK_WIDGET (f->window), "board-training-pack-button.png");
    }
}

/* In the story editor: the Training Example switch is saved with the
 * story; Mark as Read by Me records the person at the desk at once. */
static void
test_story_editor_training (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AmendsStory) story = load_story (f);
  g_autoptr(AmendsStory) stored = NULL;
  g_autoptr(GPtrArray) readers = NULL;
  AmendsStoryEditor *editor;
  GtkWidget *training;
  GtkWidget *read_row;
  GtkWidget *read_button;

  amends_store_set_actor_id (f->db.store, f->bilal);
  editor = amends_story_editor_new (NULL, f->db.store, story);
  gtk_window_set_default_size (GTK_WINDOW (editor), 600, 1100);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  amends_ui_test_drain ();

  training = amends_ui_test_find_child (GTK_WIDGET (editor), "training_switch", GTK_TYPE_SWITCH);
  read_row = amends_ui_test_find_child (GTK_WIDGET (editor), "read_row", ADW_TYPE_ACTION_ROW);
  read_button = amends_ui_test_find_child (GTK_WIDGET (editor), "read_button", GTK_TYPE_BUTTON);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (training)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (read_row)), ==, "Nobody yet");
  g_assert_true (gtk_widget_is_sensitive (read_button));

  g_signal_emit_by_name (read_button, "clicked");
  amends_ui_test_drain ();
  readers = amends_store_list_story_readers (f->db.store, f->story_id, NULL);
  g_assert_cmpuint (readers->len, ==, 1);
  g_assert_cmpint (((AmendsStoryReader *) readers->pdata[0])->staff_id, ==, f->bilal);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (read_row)), ==, "Bilal Okafor (18 Nov 2026)");
  /* Read once is enough. */
  g_assert_false (gtk_widget_is_sensitive (read_button));

  g_assert_false (amends_story_editor_get_modified (editor));
  gtk_switch_set_active (GTK_SWITCH (training), TRUE);
  g_assert_true (amends_story_editor_get_modified (editor));
  scroll_to (read_row);
  save_png (GTK_WIDGET (editor), "story-editor-training.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "story-editor.save", NULL));
  amends_ui_test_drain ();

  stored = load_story (f);
  g_assert_true (amends_story_get_training (stored));
}

static AmendsCaseEditor *
open_editor (Fixture *f)
{
  AmendsCaseEditor *editor = AMENDS_CASE_EDITOR (amends_case_editor_new (f->db.store));

  amends_case_editor_set_case_id (editor, f->case_id);
  show (f, GTK_WIDGET (editor), 820, 1000);
  return editor;
}

static GArray *
helpers_of (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = amends_store_list_case_helpers (f->db.store, f->case_id, &error);

  g_assert_no_error (error);
  return ids;
}

static void
test_add_helper (Fixture       *f,
                 gconstpointer  data)
{
  AmendsCaseEditor *editor = open_editor (f);
  GtkWidget *row = find_type (GTK_WIDGET (editor), g_type_from_name ("AmendsCaseHelpers"));
  GtkWidget *add_button;
  GtkWidget *chips;
  GMenuModel *menu;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *name = NULL;
  GVariant *target;
  gboolean audited = FALSE;

  g_assert_nonnull (row);
  add_button = amends_ui_test_find_child (row, "add_button", GTK_TYPE_MENU_BUTTON);

  /* Brought into view first, as a person does before clicking it: below
   * the attachments the row starts past the bottom of the 1000 px window,
   * and a menu anchored off the screen finds no monitor to place it on
   * (Gdk-CRITICAL in gdk_monitor_get_geometry).  Tabbing to the button
   * scrolls it into view too, but with an animation. */
  scroll_to (row);

  /* The menu offers Bilal, not Ada, who owns the case. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (add_button));
  amends_ui_test_drain ();
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (add_button));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &name));
  g_assert_cmpstr (name, ==, "Bilal Okafor");
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_INT64);
  g_assert_nonnull (target);

  /* Choosing it, as a click on the item does. */
  g_assert_true (gtk_widget_activate_action_variant (row, "helpers.add", target));
  g_variant_unref (target);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (add_button));
  amends_ui_test_drain ();

  ids = helpers_of (f);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->bilal);
  audit = amends_store_list_audit (f->db.store, "cases", f->case_id, NULL);
  for (guint i = 0; i < audit->len; i++)
    {
      AmendsAuditEntry *e = audit->pdata[i];
      audited |= g_str_equal (e->field, "helpers") && g_strcmp0 (e->after, "Bilal Okafor") == 0;
    }
  g_assert_true (audited);

  chips = amends_ui_test_find_child (row, "chips_box", GTK_TYPE_FLOW_BOX);
  g_assert_true (gtk_widget_get_visible (chips));
  g_assert_nonnull (gtk_widget_get_first_child (chips));
  scroll_to (row);
  save_png (GTK_WIDGET (f->window), "editor-helpers.png");

  /* The chip's remove button takes Bilal off again. */
  {
    GtkWidget *remove = find_type (chips, GTK_TYPE_BUTTON);

    g_assert_nonnull (remove);
    /* A click (activating a button clicks it only after its press shows). */
    g_signal_emit_by_name (remove, "clicked");
    amends_ui_test_drain ();
  }
  g_clear_pointer (&ids, g_array_unref);
  ids = helpers_of (f);
  g_assert_cmpuint (ids->len, ==, 0);
}

static gboolean
press_keys (GtkWindow  *window,
            const char *command,
            const char *keys)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int status = 0;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  {
    const char *argv[] = { xdotool, "windowfocus", "--sync", xid, command, "--clearmodifiers", keys, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  gdk_display_sync (gdk_surface_get_display (surface));
  amends_ui_test_drain ();
  return TRUE;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_has_focus (gpointer data)
{
  AdwMessageDialog *dialog = find_dialog ();

  return dialog != NULL && gtk_window_is_active (GTK_WINDOW (dialog)) &&
         GTK_IS_TEXT (gtk_window_get_focus (GTK_WINDOW (dialog)));
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static void
test_hand_over_by_keyboard (Fixture       *f,
                            gconstpointer  data)
{
  AmendsCaseEditor *editor = open_editor (f);
  g_autoptr(AmendsCase) stored = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(AmendsAction) entry = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *team = NULL;
  AdwMessageDialog *dialog;

  /* Hand Over… from the editor's menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "case.hand-over", NULL));
  amends_ui_test_drain ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "hand-over"));
  amends_ui_test_wait_until (dialog_has_focus, NULL);

  /* The team, Tab, the note, Enter. */
  if (!press_keys (GTK_WINDOW (dialog), "type", "Housekeeping"))
    {
      g_test_skip ("xdotool is needed to type as a person does");
      return;
    }
  save_png (GTK_WIDGET (dialog), "editor-hand-over-dialog.png");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "hand-over"));
  press_keys (GTK_WINDOW (dialog), "key", "Tab");
  press_keys (GTK_WINDOW (dialog), "type", "Pins for the children by 9");
  press_keys (GTK_WINDOW (dialog), "key", "Return");
  amends_ui_test_wait_until (dialog_gone, NULL);
  amends_ui_test_drain ();

  stored = amends_store_load (f->db.store, AMENDS_TYPE_CASE, f->case_id, NULL);
  g_object_get (stored, "team", &team, NULL);
  g_assert_cmpstr (team, ==, "Housekeeping");
  g_assert_cmpint (amends_case_get_owner_id (stored), ==, 0);
  ids = helpers_of (f);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->ada);

  actions = amends_store_list_actions (f->db.store, f->case_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
  entry = g_list_model_get_item (actions, 0);
  g_assert_cmpint (amends_action_get_kind (entry), ==, AMENDS_ACTION_KIND_HANDOVER);
  g_assert_cmpstr (amends_action_get_text (entry), ==,
                   "Handed over from Registration to Housekeeping: Pins for the children by 9");
  scroll_to (find_type (GTK_WIDGET (editor), g_type_from_name ("AmendsTimeline")));
  save_png (GTK_WIDGET (f->window), "editor-after-hand-over.png");
}

static gboolean
record_counted (gpointer data)
{
  return !amends_staff_record_is_busy (data);
}

static void
test_staff_record_window (Fixture       *f,
                          gconstpointer  data)
{
  AmendsStaffPage *page = amends_staff_page_new (f->db.store);
  AmendsStaffRecordWindow *record = NULL;
  GtkWidget *button;
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->db.dir, "record.pdf", NULL);

  show (f, GTK_WIDGET (page), 640, 820);

  /* Ada's row's Show… button opens her record. */
  button = amends_ui_test_find_child (GTK_WIDGET (page), "record_button", GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  amends_ui_test_drain ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (AMENDS_IS_STAFF_RECORD (window))
        record = AMENDS_STAFF_RECORD (window);
    }
  g_assert_nonnull (record);
  amends_ui_test_wait_until (record_counted, record);
  amends_ui_test_drain ();

  /* From 1 January 2026 to 18 November: one case, recovered in 1 h 30
   * (in time), blown away, one rule bent, one story told. */
  {
    GtkWidget *title = find_type (GTK_WIDGET (record), ADW_TYPE_WINDOW_TITLE);
    g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "Ada Moreau");
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (record));
  save_png (GTK_WIDGET (record), "staff-record-window.png");

  g_assert_true (amends_staff_record_save_to (record, path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
    g_autofree char *out = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, &out, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (out, "Ada Moreau"));
    g_assert_nonnull (strstr (out, "100 % (1 of 1)"));
    g_assert_nonnull (strstr (out, "One pin per participant"));
  }
  if (amends_ui_test_screenshot_dir () != NULL)
    {
      g_autofree char *copy = g_build_filename (amends_ui_test_screenshot_dir (), "staff-record.pdf", NULL);
      g_autoptr(GFile) src = g_file_new_for_path (path);
      g_autoptr(GFile) dst = g_file_new_for_path (copy);

      g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/training/mark-from-menu", test_mark_training_from_menu);
  ADD ("/ui/training/export-pack", test_export_pack);
  ADD ("/ui/training/story-editor", test_story_editor_training);
  ADD ("/ui/helpers/add-in-editor", test_add_helper);
  ADD ("/ui/helpers/hand-over-by-keyboard", test_hand_over_by_keyboard);
  ADD ("/ui/staff-record/window", test_staff_record_window);
#undef ADD

  return g_test_run ();
}
