/* amends-window-cases.c: the Cases view of the window: list, editor, batches
 *
 * The sidebar lists the cases and says which are selected; this file puts
 * the editor beside it for one case, the batch page for several (in the
 * trash, a page to restore them), in its place on a narrow window, and
 * owns the window's actions on cases (log, trash, restore, assign, set
 * status or category).  Their undo is in amends-window-undo.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-window-cases"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-enum-types.h"
#include "amends-intake-dialog.h"
#include "amends-window-private.h"

static void
show_error (AmendsWindow *self,
            const GError *error)
{
  amends_window_show_error (self, error->message);
}

static GArray *
selected_ids (AmendsWindow *self)
{
  return amends_case_sidebar_get_selected_ids (self->sidebar);
}

static void
amends_window_trash_cases_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AmendsBatch *batch;

  if (ids->len == 0 || amends_case_sidebar_get_showing_trash (self->sidebar))
    return;

  amends_case_editor_flush (self->editor, NULL);
  batch = amends_batch_trash (self->store, (const gint64 *) (gpointer) ids->data, ids->len, &error);
  if (batch == NULL)
    {
      show_error (self, error);
      return;
    }

  title = g_strdup_printf (ngettext ("Moved %u case to the trash",
                                     "Moved %u cases to the trash", ids->len), ids->len);
  amends_window_offer_undo (self, batch, title);
}

/* Out of the trash, all the cases selected in it at once. */
static void
amends_window_restore_cases_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AmendsBatch *batch;

  if (ids->len == 0 || !amends_case_sidebar_get_showing_trash (self->sidebar))
    return;

  batch = amends_batch_restore (self->store, (const gint64 *) (gpointer) ids->data, ids->len, &error);
  if (batch == NULL)
    {
      show_error (self, error);
      return;
    }

  title = g_strdup_printf (ngettext ("Restored %u case from the trash",
                                     "Restored %u cases from the trash", ids->len), ids->len);
  amends_window_offer_undo (self, batch, title);
}

static void
amends_window_assign_owner_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AmendsBatch *batch;

  if (ids->len == 0)
    return;

  batch = amends_batch_assign_owner (self->store, (const gint64 *) (gpointer) ids->data, ids->len,
                                     g_variant_get_int64 (parameter), &error);
  if (batch == NULL)
    {
      show_error (self, error);
      return;
    }

  title = g_strdup_printf (ngettext ("Owner set for %u case", "Owner set for %u cases", ids->len),
                           ids->len);
  amends_window_offer_undo (self, batch, title);
}

/* The cases a batch left as they were, named: "C-2026-00003 has no fix
 * written down: left as it was."  NULL when there are none. */
static char *
describe_refused (GPtrArray *references)
{
  g_autoptr(GString) names = NULL;
  guint shown;

  if (references == NULL || references->len == 0)
    return NULL;

  if (references->len == 1)
    /* Translators: %s is a case's reference */
    return g_strdup_printf (_("%s has no fix written down: left as it was."),
                            (const char *) references->pdata[0]);

  /* A toast is one line: three references, then how many more. */
  shown = MIN (references->len, 3);
  names = g_string_new (NULL);
  for (guint i = 0; i < shown; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", (const char *) references->pdata[i]);
  if (references->len > shown)
    {
      guint more = references->len - shown;
      /* Translators: after a list of references, as in "C-1, C-2, C-3 and 4 more" */
      g_autofree char *rest = g_strdup_printf (ngettext (" and %u more", " and %u more", more), more);
      g_string_append (names, rest);
    }

  /* Translators: %s is a list of case references */
  return g_strdup_printf (_("No fix written down for %s: left as they were."), names->str);
}

static void
amends_window_set_status_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  g_autoptr(GEnumClass) statuses = g_type_class_ref (AMENDS_TYPE_CASE_STATUS);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *refused = NULL;
  GEnumValue *status;
  AmendsBatch *batch;
  guint n_changed;

  status = g_enum_get_value_by_nick (statuses, g_variant_get_string (parameter, NULL));
  if (ids->len == 0 || status == NULL)
    return;

  batch = amends_batch_set_status (self->store, (const gint64 *) (gpointer) ids->data, ids->len,
                                   status->value, &error);
  if (batch == NULL)
    {
      show_error (self, error);
      return;
    }

  refused = describe_refused (amends_batch_get_refused (batch));
  n_changed = amends_batch_get_n_cases (batch);
  if (n_changed == 0)
    {
      amends_batch_free (batch);
      amends_window_show_error (self, refused);
      return;
    }

  /* Translators: %s is a status such as "Recovered" */
  title = g_strdup_printf (ngettext ("%u case is now %s", "%u cases are now %s", n_changed),
                           n_changed, amends_case_status_to_label (status->value));
  if (refused != NULL)
    {
      /* Translators: what was done, then what was not, as in "2 cases are
       * now Recovered. C-2026-00003 has no fix written down: left as it was." */
      g_autofree char *both = g_strdup_printf (_("%s. %s"), title, refused);
      g_free (title);
      title = g_steal_pointer (&both);
    }
  amends_window_offer_undo (self, batch, title);
}

static void
amends_window_set_category_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *category = g_variant_get_string (parameter, NULL);
  AmendsBatch *batch;

  if (ids->len == 0)
    return;

  batch = amends_batch_set_category (self->store, (const gint64 *) (gpointer) ids->data, ids->len,
                                     *category ? category : NULL, &error);
  if (batch == NULL)
    {
      show_error (self, error);
      return;
    }

  title = g_strdup_printf (ngettext ("Category set for %u case", "Category set for %u cases", ids->len),
                           ids->len);
  amends_window_offer_undo (self, batch, title);
}

static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return GTK_LIST_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The list of cases inside the sidebar. */
GtkListView *
amends_window_find_case_list (AmendsWindow *self)
{
  return find_list_view (GTK_WIDGET (self->sidebar));
}

/* The row the list shows selected, once it has one on screen. */
static GtkWidget *
find_selected_row (AmendsWindow *self)
{
  GtkListView *list = amends_window_find_case_list (self);

  if (list == NULL)
    return NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      if (gtk_widget_get_mapped (row) && gtk_widget_get_focusable (row) &&
          (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0)
        return row;
    }

  return NULL;
}

static void
stop_focusing_case (AmendsWindow *self)
{
  self->focus_case_id = 0;
  if (self->focus_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
  self->focus_tick_id = 0;
}

/* A few frames at most: the list scrolls to the new row and makes it. */
#define FOCUS_CASE_FRAMES 30

static gboolean
focus_logged_case_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  AmendsCase *selected = amends_case_sidebar_get_selected_case (self->sidebar);
  GtkWidget *row;

  if (selected != NULL && amends_record_get_id (AMENDS_RECORD (selected)) == self->focus_case_id &&
      (row = find_selected_row (self)) != NULL)
    {
      gtk_widget_grab_focus (row);
      self->focus_tick_id = 0;
      stop_focusing_case (self);
      return G_SOURCE_REMOVE;
    }

  if (++self->focus_ticks < FOCUS_CASE_FRAMES)
    return G_SOURCE_CONTINUE;

  self->focus_tick_id = 0;
  stop_focusing_case (self);
  return G_SOURCE_REMOVE;
}

/* After the quick intake the focus goes to the new case's row, selected
 * in the list: the person sees where it went, can go on to the next
 * case with the arrows, or Tab into its editor to add what they know.
 * (Not the "+" button: logging another is Ctrl+N from anywhere.) */
static void
on_case_logged_cb (AmendsWindow       *self,
                   gint64              case_id,
                   AmendsIntakeDialog *dialog)
{
  gtk_stack_set_visible_child_name (self->cases_stack, "browse");
  adw_view_stack_set_visible_child_name (self->stack, "cases");
  amends_case_sidebar_select_case (self->sidebar, case_id);

  stop_focusing_case (self);
  self->focus_case_id = case_id;
  self->focus_ticks = 0;
  self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_logged_case_cb, NULL, NULL);
}

static void
amends_window_new_case_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  AmendsIntakeDialog *dialog;

  dialog = amends_intake_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "case-logged",
                           G_CALLBACK (on_case_logged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shortcuts that reach into the sidebar or the editor, from anywhere in
 * the window. */
static void
amends_window_forward_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "cases");

  if (g_str_equal (action_name, "win.focus-search"))
    amends_case_sidebar_focus_search (self->sidebar);
  else if (g_str_equal (action_name, "win.next-case"))
    gtk_widget_activate_action (GTK_WIDGET (self->sidebar), "sidebar.next-case", NULL);
  else if (g_str_equal (action_name, "win.previous-case"))
    gtk_widget_activate_action (GTK_WIDGET (self->sidebar), "sidebar.previous-case", NULL);
  else if (amends_case_editor_get_case_id (self->editor) != 0)
    {
      if (g_str_equal (action_name, "win.mark-recovered"))
        gtk_widget_activate_action (GTK_WIDGET (self->editor), "case.mark-recovered", NULL);
      else if (g_str_equal (action_name, "win.add-action"))
        gtk_widget_activate_action (GTK_WIDGET (self->editor), "case.add-action", NULL);
      else if (g_str_equal (action_name, "win.case-history"))
        gtk_widget_activate_action (GTK_WIDGET (self->editor), "case.history", NULL);
    }
}

static void
rebuild_assign_menu (AmendsWindow *self)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GMenuItem) nobody = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->assign_menu);

  nobody = g_menu_item_new (_("Unowned"), NULL);
  g_menu_item_set_action_and_target_value (nobody, "win.assign-owner", g_variant_new_int64 (0));
  g_menu_append_item (self->assign_menu, nobody);

  if (!(staff = amends_store_list_staff (self->store, FALSE, &error)))
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) person = g_list_model_get_item (staff, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (amends_staff_get_name (person), NULL);

      g_menu_item_set_action_and_target_value (item, "win.assign-owner",
                                               g_variant_new_int64 (amends_record_get_id (AMENDS_RECORD (person))));
      g_menu_append_item (self->assign_menu, item);
    }
}

static void
rebuild_category_menu (AmendsWindow *self)
{
  g_auto(GStrv) categories = NULL;
  g_autoptr(GMenuItem) none = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->category_menu);

  if (!(categories = amends_store_list_categories (self->store, &error)))
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; categories[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);

      /* A category is data, not markup or a mnemonic. */
      g_menu_item_set_attribute (item, "label", "s", categories[i]);
      g_menu_item_set_action_and_target_value (item, "win.set-category", g_variant_new_string (categories[i]));
      g_menu_append_item (self->category_menu, item);
    }

  none = g_menu_item_new (_("No Category"), NULL);
  g_menu_item_set_action_and_target_value (none, "win.set-category", g_variant_new_string (""));
  g_menu_append_item (self->category_menu, none);
}

/* Esc and Alt+Left go back to the list only where there is a way back:
 * on the Cases view of a narrow window, showing a case. */
static void
update_back (AmendsWindow *self)
{
  gboolean can_go_back =
    adw_leaflet_get_folded (self->cases_leaflet) &&
    adw_leaflet_get_visible_child (self->cases_leaflet) == self->detail_box &&
    g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "cases") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-case-list", can_go_back);
}

/* On a narrow window, choosing a case (or several) shows it in place of
 * the list. */
static void
show_detail_if_chosen (AmendsWindow *self,
                       GArray       *ids)
{
  gint64 case_id = ids->len == 1 ? g_array_index (ids, gint64, 0) : 0;
  gboolean chosen = (case_id != 0 && case_id != self->detail_case_id) ||
                    (ids->len > 1 && self->detail_n_selected < 2);

  self->detail_case_id = case_id;
  self->detail_n_selected = ids->len;

  if (!adw_leaflet_get_folded (self->cases_leaflet))
    return;

  if (chosen && !self->walking_list)
    adw_leaflet_set_visible_child (self->cases_leaflet, self->detail_box);
  else if (ids->len == 0)
    adw_leaflet_set_visible_child (self->cases_leaflet, GTK_WIDGET (self->sidebar));
}

/* A case asked for from outside the window (a desktop notification's
 * click): the Cases view, with the case selected, as after the intake. */
static void
amends_window_show_case_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->cases_stack, "browse");
  adw_view_stack_set_visible_child_name (self->stack, "cases");
  amends_case_sidebar_select_case (self->sidebar, g_variant_get_int64 (parameter));
}

/* Back to the list: nothing stays selected, so that choosing the same
 * case again shows it again. */
static void
amends_window_show_case_list_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  GtkListView *list = amends_window_find_case_list (self);

  adw_leaflet_set_visible_child (self->cases_leaflet, GTK_WIDGET (self->sidebar));
  if (list != NULL)
    {
      gtk_selection_model_unselect_all (gtk_list_view_get_model (list));
      gtk_widget_grab_focus (GTK_WIDGET (list));
    }
}

/* F6 moves between the list and the case, as GtkPaned did before the
 * leaflet: into the selected row (or the list), or into the case's first
 * control.  On a narrow window it turns the page as well. */
static void
amends_window_next_pane_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *sidebar = GTK_WIDGET (self->sidebar);
  gboolean in_list = focus != NULL && (focus == sidebar || gtk_widget_is_ancestor (focus, sidebar));
  GtkWidget *row;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "cases") != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->cases_leaflet)))
    return;

  if (in_list)
    {
      if (adw_leaflet_get_folded (self->cases_leaflet))
        adw_leaflet_set_visible_child (self->cases_leaflet, self->detail_box);
      gtk_widget_child_focus (self->detail_box, GTK_DIR_TAB_FORWARD);
      return;
    }

  if (adw_leaflet_get_folded (self->cases_leaflet))
    adw_leaflet_set_visible_child (self->cases_leaflet, sidebar);
  row = find_selected_row (self);
  if (row != NULL)
    gtk_widget_grab_focus (row);
  else if (amends_window_find_case_list (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (amends_window_find_case_list (self)));
}

static gboolean
on_list_key_pressed_cb (AmendsWindow          *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *keys)
{
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
    case GDK_KEY_End: case GDK_KEY_KP_End:
      self->walking_list = TRUE;
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_list_pressed_cb (AmendsWindow *self)
{
  self->walking_list = FALSE;
}

/* Enter on a row (or a double click): the case, also on a narrow window. */
static void
on_list_activate_cb (AmendsWindow *self)
{
  self->walking_list = FALSE;
  if (adw_leaflet_get_folded (self->cases_leaflet) && self->detail_n_selected > 0)
    adw_leaflet_set_visible_child (self->cases_leaflet, self->detail_box);
}

static void
watch_case_list (AmendsWindow *self)
{
  GtkListView *list = amends_window_find_case_list (self);
  GtkEventController *keys;
  GtkGesture *click;

  g_return_if_fail (list != NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (list), keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_list_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (list), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (list, "activate", G_CALLBACK (on_list_activate_cb), self, G_CONNECT_SWAPPED);
}

static void
on_leaflet_changed_cb (AmendsWindow *self)
{
  update_back (self);
}

static void
update_detail (AmendsWindow *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  gboolean in_trash = amends_case_sidebar_get_showing_trash (self->sidebar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash-cases",
                                 ids->len > 0 && !in_trash && !amends_store_get_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-cases",
                                 ids->len > 0 && in_trash && !amends_store_get_read_only (self->store));

  amends_window_follow_shown_case (self, ids->len == 1 ? g_array_index (ids, gint64, 0) : 0);

  if (ids->len == 1)
    {
      amends_case_editor_set_case_id (self->editor, g_array_index (ids, gint64, 0));
      gtk_stack_set_visible_child_name (self->detail_stack, "editor");
    }
  else
    {
      amends_case_editor_set_case_id (self->editor, 0);
      gtk_stack_set_visible_child_name (self->detail_stack,
                                        ids->len < 2 ? "none" : in_trash ? "trash-batch" : "batch");
    }

  show_detail_if_chosen (self, ids);

  if (ids->len > 1)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Case Selected", "%u Cases Selected", ids->len),
                                                ids->len);
      adw_status_page_set_title (in_trash ? self->trash_batch_page : self->batch_page, title);
      if (!in_trash)
        rebuild_category_menu (self);
    }
}

static void
on_selection_changed_cb (AmendsWindow      *self,
                         GParamSpec        *pspec,
                         AmendsCaseSidebar *sidebar)
{
  update_detail (self);
}

static void
on_editor_notice_cb (AmendsWindow *self,
                     const char   *message)
{
  /* A toast's title is markup; a message may hold a name with "&". */
  g_autofree char *title = g_markup_escape_text (message, -1);

  amends_window_add_toast (self, adw_toast_new (title));
}

static void
on_open_case_cb (AmendsWindow     *self,
                 gint64            case_id,
                 AmendsCaseEditor *editor)
{
  amends_case_sidebar_select_case (self->sidebar, case_id);
}

static void
on_record_changed_cb (AmendsWindow *self,
                      GType         type,
                      gint64        id,
                      AmendsStore  *store)
{
  if (type == AMENDS_TYPE_STAFF)
    {
      amends_window_load_staff (self);
      rebuild_assign_menu (self);
    }
}

void
amends_window_cases_class_init (GtkWidgetClass *widget_class)
{
  static const struct {
    const char *name;
    guint       key;
    GdkModifierType modifiers;
  } forwarded[] = {
    { "win.focus-search", GDK_KEY_f, GDK_CONTROL_MASK },
    { "win.next-case", GDK_KEY_Down, GDK_ALT_MASK },
    { "win.previous-case", GDK_KEY_Up, GDK_ALT_MASK },
    { "win.mark-recovered", GDK_KEY_r, GDK_CONTROL_MASK },
    { "win.add-action", GDK_KEY_t, GDK_CONTROL_MASK },
    { "win.case-history", GDK_KEY_h, GDK_CONTROL_MASK },
  };

  g_type_ensure (AMENDS_TYPE_CASE_SIDEBAR);

  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, cases_leaflet);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, detail_box);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, batch_page);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, trash_batch_page);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, assign_menu);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, category_menu);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, amends_window_new_case_action);
  gtk_widget_class_install_action (widget_class, "win.trash-cases", NULL, amends_window_trash_cases_action);
  gtk_widget_class_install_action (widget_class, "win.restore-cases", NULL, amends_window_restore_cases_action);
  gtk_widget_class_install_action (widget_class, "win.assign-owner", "x", amends_window_assign_owner_action);
  gtk_widget_class_install_action (widget_class, "win.set-status", "s", amends_window_set_status_action);
  gtk_widget_class_install_action (widget_class, "win.set-category", "s", amends_window_set_category_action);

  gtk_widget_class_install_action (widget_class, "win.show-case-list", NULL, amends_window_show_case_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-case", "x", amends_window_show_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.show-case-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.show-case-list", NULL);

  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, amends_window_next_pane_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.next-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.next-pane", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.trash-cases", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    {
      gtk_widget_class_install_action (widget_class, forwarded[i].name, NULL, amends_window_forward_action);
      gtk_widget_class_add_binding_action (widget_class, forwarded[i].key, forwarded[i].modifiers,
                                           forwarded[i].name, NULL);
    }
}

void
amends_window_cases_constructed (AmendsWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean has_cases;

  amends_case_sidebar_set_store (self->sidebar, self->store);

  self->editor = AMENDS_CASE_EDITOR (amends_case_editor_new (self->store));
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->editor), "editor");
  g_signal_connect_object (self->editor, "open-case",
                           G_CALLBACK (on_open_case_cb), self,
                           G_CONNECT_SWAPPED);
  /* What a step did, or why it failed, in a toast (the editor keeps what
   * was typed on screen either way). */
  g_signal_connect_object (self->editor, "error",
                           G_CALLBACK (amends_window_show_error), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notice",
                           G_CALLBACK (on_editor_notice_cb), self,
                           G_CONNECT_SWAPPED);

  /* Going from one case to another keeps n-selected at 1: the editor
   * follows selected-case as well, or it would go on showing the first. */
  g_signal_connect_object (self->sidebar, "notify::n-selected",
                           G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::selected-case",
                           G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->cases_leaflet, "notify::folded",
                           G_CALLBACK (on_leaflet_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cases_leaflet, "notify::visible-child",
                           G_CALLBACK (on_leaflet_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_leaflet_changed_cb), self,
                           G_CONNECT_SWAPPED);

  watch_case_list (self);
  rebuild_assign_menu (self);
  update_detail (self);
  update_back (self);

  /* A new database opens on a welcome that offers to log the first case;
   * once there are cases, the list is the place to be. */
  has_cases = amends_store_has_cases (self->store, &error);
  /* Every case in the trash: the list still, where the trash is. */
  if (!has_cases && error == NULL)
    has_cases = amends_store_has_trashed_cases (self->store, &error);
  if (error != NULL)
    show_error (self, error);
  gtk_stack_set_visible_child_name (self->cases_stack, has_cases ? "browse" : "empty");
}

void
amends_window_cases_dispose (AmendsWindow *self)
{
  if (self->editor != NULL)
    amends_case_editor_flush (self->editor, NULL);
  self->editor = NULL;
  stop_focusing_case (self);
}
