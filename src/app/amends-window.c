/* amends-window.c: the main window: who is at the desk, and the three views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-window"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-accessible.h"
#include "amends-preferences-window.h"
#include "amends-window-private.h"

G_DEFINE_FINAL_TYPE (AmendsWindow, amends_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The staff picker lists an unsaved AmendsStaff (id 0) first: choosing it
 * says that nobody is at the desk.  Another, last, is "Add People…": on a
 * new database the picker would offer nobody else, and the way to add
 * them is in the preferences. */
#define ADD_PEOPLE_KEY "amends-add-people"

static gboolean
staff_is_add_people (AmendsStaff *staff)
{
  return staff != NULL && g_object_get_data (G_OBJECT (staff), ADD_PEOPLE_KEY) != NULL;
}

static gboolean
staff_is_nobody (AmendsStaff *staff)
{
  return staff == NULL ||
         (amends_record_get_id (AMENDS_RECORD (staff)) == 0 && !staff_is_add_people (staff));
}

static char *
staff_button_label (GtkListItem *list_item,
                    AmendsStaff *staff,
                    gpointer     user_data)
{
  if (staff_is_nobody (staff))
    return g_strdup (_("Who is at the desk?"));

  return g_strdup (amends_staff_get_name (staff));
}

static char *
staff_row_label (GtkListItem *list_item,
                 AmendsStaff *staff,
                 gpointer     user_data)
{
  if (staff_is_add_people (staff))
    return g_strdup (_("Add People…"));

  if (staff_is_nobody (staff))
    return g_strdup (_("Nobody"));

  return g_strdup (amends_staff_get_name (staff));
}

static char *
staff_row_detail (GtkListItem *list_item,
                  AmendsStaff *staff,
                  gpointer     user_data)
{
  if (staff_is_add_people (staff))
    return g_strdup (_("Opens the staff list in Preferences"));

  if (staff_is_nobody (staff))
    return g_strdup (_("Changes are saved without a name"));

  return g_strdup (amends_staff_get_team (staff));
}

static gboolean
string_is_set (GtkListItem *list_item,
               const char  *text,
               gpointer     user_data)
{
  return text != NULL && text[0] != '\0';
}

/* Binds @property of @widget to the text @callback makes of the list item's
 * staff member, for as long as the widget lives; returns that text's
 * expression, so that more can be derived from it. */
static GtkExpression *
bind_staff_text (GtkListItem *list_item,
                 GtkWidget   *widget,
                 const char  *property,
                 GCallback    callback)
{
  GtkExpression *item;
  GtkExpression *text;

  item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  text = gtk_cclosure_expression_new (G_TYPE_STRING, NULL,
                                      1, &item,
                                      callback, NULL, NULL);
  gtk_expression_bind (gtk_expression_ref (text), widget, property, list_item);

  return text;
}

static void
on_staff_button_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          gpointer                  user_data)
{
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  image = gtk_image_new_from_icon_name ("avatar-default-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("At the desk"),
                                  -1);
  gtk_box_append (GTK_BOX (box), image);

  label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Enough to start a first name when the header bar is short of room:
   * on a 360 px wide window it shares the bar with two buttons and the
   * title. */
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);

  gtk_expression_unref (bind_staff_text (list_item, label, "label",
                                         G_CALLBACK (staff_button_label)));

  gtk_list_item_set_child (list_item, box);
}

static void
on_staff_row_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *name;
  GtkWidget *detail;
  GtkWidget *check;
  GtkExpression *detail_text;
  GtkExpression *has_detail;
  GtkExpression *selected;

  /* The popup is only as wide as its rows ask for, however long a name. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_size_request (row, 260, -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (row), box);

  name = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_box_append (GTK_BOX (box), name);

  detail = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), detail);

  /* A custom list factory loses GtkDropDown's own mark of the choice. */
  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("At the desk"),
                                  -1);
  gtk_box_append (GTK_BOX (row), check);

  gtk_expression_unref (bind_staff_text (list_item, name, "label",
                                         G_CALLBACK (staff_row_label)));

  detail_text = bind_staff_text (list_item, detail, "label",
                                 G_CALLBACK (staff_row_detail));
  has_detail = gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL,
                                            1, &detail_text,
                                            G_CALLBACK (string_is_set), NULL, NULL);
  gtk_expression_bind (has_detail, detail, "visible", list_item);

  selected = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "selected");
  gtk_expression_bind (selected, check, "visible", list_item);

  gtk_list_item_set_child (list_item, row);
}

/* The drop-down's label does not reach the toggle button inside it, which
 * is what has the focus: a screen reader said "toggle button". */
static void
label_staff_button (AmendsWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;

      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Person at the desk"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Every change is recorded under this name"),
                                      -1);
    }
}

static void
amends_window_follow_current_staff (AmendsWindow *self)
{
  GListModel *staff = gtk_drop_down_get_model (self->staff_dropdown);
  gint64 staff_id = g_settings_get_int64 (self->settings, "current-staff");
  guint n_items = g_list_model_get_n_items (staff);
  guint position = 0;

  for (guint i = 1; i < n_items && staff_id > 0; i++)
    {
      g_autoptr(AmendsRecord) record = g_list_model_get_item (staff, i);

      if (amends_record_get_id (record) == staff_id)
        {
          position = i;
          break;
        }
    }

  self->following_settings = TRUE;
  gtk_drop_down_set_selected (self->staff_dropdown, position);
  self->following_settings = FALSE;
}

static void
on_current_staff_changed_cb (AmendsWindow *self,
                             const char   *key,
                             GSettings    *settings)
{
  amends_window_follow_current_staff (self);
}

static void
on_staff_selected_cb (AmendsWindow *self,
                      GParamSpec   *pspec,
                      GtkDropDown  *dropdown)
{
  AmendsStaff *staff;
  gint64 staff_id;

  if (self->following_settings)
    return;

  staff = gtk_drop_down_get_selected_item (dropdown);
  if (staff_is_add_people (staff))
    {
      /* A way to the staff list, not a person: whoever was at the desk
       * stays there. */
      amends_window_follow_current_staff (self);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.add-people", NULL);
      return;
    }

  staff_id = staff_is_nobody (staff) ? 0 : amends_record_get_id (AMENDS_RECORD (staff));

  /* The application binds this setting to the store's actor. */
  g_settings_set_int64 (self->settings, "current-staff", staff_id);
}

void
amends_window_load_staff (AmendsWindow *self)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListStore) nobody = NULL;
  g_autoptr(AmendsStaff) placeholder = NULL;
  g_autoptr(GListStore) add_people = NULL;
  g_autoptr(AmendsStaff) add_people_item = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *parts;

  staff = amends_store_list_staff (self->store, FALSE, &error);
  if (staff == NULL)
    {
      amends_window_show_error (self, error->message);
      staff = G_LIST_MODEL (g_list_store_new (AMENDS_TYPE_STAFF));
    }

  placeholder = amends_staff_new ();
  nobody = g_list_store_new (AMENDS_TYPE_STAFF);
  g_list_store_append (nobody, placeholder);

  add_people_item = amends_staff_new ();
  g_object_set_data (G_OBJECT (add_people_item), ADD_PEOPLE_KEY, GINT_TO_POINTER (TRUE));
  add_people = g_list_store_new (AMENDS_TYPE_STAFF);
  g_list_store_append (add_people, add_people_item);

  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, nobody);
  g_list_store_append (parts, staff);
  g_list_store_append (parts, add_people);

  self->following_settings = TRUE;
  gtk_drop_down_set_model (self->staff_dropdown,
                           G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts))));
  self->following_settings = FALSE;

  amends_window_follow_current_staff (self);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AmendsWindow     *self)
{
  if (g_str_equal (response, "retry"))
    gtk_window_close (GTK_WINDOW (self));
  else if (g_str_equal (response, "copy"))
    {
      g_autofree char *text = amends_case_editor_dup_unsaved_text (self->editor);

      /* The window stays: the clipboard empties when Amends quits. */
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text ? text : "");
      amends_window_add_toast (self, adw_toast_new (_("What was not saved is on the clipboard")));
    }
  else if (g_str_equal (response, "close"))
    {
      self->close_anyway = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* A save that fails at closing (a full disk, a locked or read-only
 * database) is never dropped silently: the person decides. */
static void
ask_about_unsaved (AmendsWindow *self,
                   const GError *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  /* Translators: %s says why the save failed */
  body = g_strdup_printf (_("%s\n\nWhat you typed is still in the case. Try again, copy it to paste elsewhere, or close without it."),
                          error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Last Change Was Not Saved"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "copy", _("_Copy Text"),
                                    "close", _("Close _Anyway"),
                                    "retry", _("_Retry"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
amends_window_close_request (GtkWindow *window)
{
  AmendsWindow *self = AMENDS_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  g_autoptr(GError) error = NULL;

  if (!self->close_anyway && self->editor != NULL &&
      !amends_case_editor_flush (self->editor, &error))
    {
      ask_about_unsaved (self, error);
      return TRUE;
    }

  /* As GNOME Text Editor does: remember the size the user gave the window,
   * not the size of the screen it was maximized to. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  return GTK_WINDOW_CLASS (amends_window_parent_class)->close_request (window);
}

/* AMENDS_QUIT_AFTER_FIRST_FRAME=1 makes the application quit right after
 * the first frame that shows the case list filled, so that start-up can
 * be timed from outside (see the README's Performance section). */
static void
on_after_paint_quit_cb (GdkFrameClock *clock,
                        AmendsWindow  *self)
{
  GtkListView *list = amends_window_find_case_list (self);
  GListModel *model = list != NULL ? G_LIST_MODEL (gtk_list_view_get_model (list)) : NULL;

  if (model == NULL || g_list_model_get_n_items (model) == 0)
    return;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_quit_cb, self);
  g_application_quit (g_application_get_default ());
}

static void
on_realize_quit_cb (AmendsWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_after_paint_quit_cb), self, 0);
}

static void
amends_window_constructed (GObject *object)
{
  AmendsWindow *self = (AmendsWindow *)object;

  G_OBJECT_CLASS (amends_window_parent_class)->constructed (object);

  g_assert (AMENDS_IS_STORE (self->store));

  amends_window_load_staff (self);
  amends_window_undo_constructed (self);
  amends_window_cases_constructed (self);
  amends_window_board_constructed (self);
  amends_window_show_database_state (self);
  amends_window_shared_constructed (self);

  g_signal_connect_object (self->staff_dropdown, "notify::selected",
                           G_CALLBACK (on_staff_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::current-staff",
                           G_CALLBACK (on_current_staff_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The integrity check gives its verdict after the window is shown. */
  g_signal_connect_object (self->store, "notify::checking",
                           G_CALLBACK (amends_window_show_database_state), self,
                           G_CONNECT_SWAPPED);

  if (g_strcmp0 (g_getenv ("AMENDS_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (self, "realize", G_CALLBACK (on_realize_quit_cb), NULL);
}

static void
amends_window_dispose (GObject *object)
{
  AmendsWindow *self = (AmendsWindow *)object;

  amends_window_cases_dispose (self);
  amends_window_undo_dispose (self);
  g_clear_handle_id (&self->toast_settle_id, g_source_remove);
  g_clear_object (&self->toast_waiting);
  self->toast = NULL;
  self->toast_shown = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_WINDOW);

  G_OBJECT_CLASS (amends_window_parent_class)->dispose (object);
}

static void
amends_window_finalize (GObject *object)
{
  AmendsWindow *self = (AmendsWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amends_window_parent_class)->finalize (object);
}

static void
amends_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmendsWindow *self = AMENDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AmendsWindow *self = AMENDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Alt+1, 2 and 3: the focus goes into the view shown, so that its own
 * keys (Alt+Left and Right in the Measures) work at once. */
static void
amends_window_show_view_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->stack, name);

  if (page == NULL)
    return;

  adw_view_stack_set_visible_child (self->stack, page);
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* The staff page of the preferences, where people are added. */
static void
amends_window_add_people_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  AmendsPreferencesWindow *preferences;

  preferences = amends_preferences_window_new (GTK_WINDOW (self), self->store);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "staff");
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
amends_window_class_init (AmendsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = amends_window_constructed;
  object_class->dispose = amends_window_dispose;
  object_class->finalize = amends_window_finalize;
  object_class->get_property = amends_window_get_property;
  object_class->set_property = amends_window_set_property;

  window_class->close_request = amends_window_close_request;

  /**
   * AmendsWindow:store:
   *
   * The database the window shows and changes.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, cases_stack);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", amends_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.add-people", NULL, amends_window_add_people_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "cases");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "board");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "measures");

  amends_window_cases_class_init (widget_class);
  amends_window_undo_class_init (widget_class);
  amends_window_board_class_init (widget_class);
  amends_window_io_class_init (widget_class);
  amends_window_backup_class_init (widget_class);
  amends_window_shared_class_init (widget_class);
}

static void
amends_window_init (AmendsWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  amends_accessible_unmnemonic_buttons (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_staff_button_setup_cb), NULL);
  gtk_drop_down_set_factory (self->staff_dropdown, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_staff_row_setup_cb), NULL);
  gtk_drop_down_set_list_factory (self->staff_dropdown, factory);
  g_object_unref (factory);

  label_staff_button (self);

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

AmendsWindow *
amends_window_new (GtkApplication *application,
                   AmendsStore    *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * amends_window_get_store:
 *
 * Returns: (transfer none): the database the window shows
 */
AmendsStore *
amends_window_get_store (AmendsWindow *self)
{
  g_return_val_if_fail (AMENDS_IS_WINDOW (self), NULL);

  return self->store;
}

/* libadwaita 1.2 forgets a toast when the animation that hides it ends,
 * even while the one that shows it still runs (500 ms when it replaced
 * another); that one's end then writes into the forgotten toast's freed
 * memory, and Amends crashed (test-ui-cases, about one run in three).  So
 * the toast on the overlay leaves it, whoever dismisses it (a newer toast,
 * an undo, the board, its close button), only once it has been there
 * longer than both animations; until then the dismissal waits. */
#define TOAST_SETTLE_USEC (600 * G_TIME_SPAN_MILLISECOND)

static void settle_toasts (AmendsWindow *self);

static gboolean
on_toast_settled_cb (gpointer user_data)
{
  AmendsWindow *self = user_data;

  self->toast_settle_id = 0;
  settle_toasts (self);

  return G_SOURCE_REMOVE;
}

static gboolean
toast_shown_has_settled (AmendsWindow *self)
{
  gint64 wait = self->toast_shown_since + TOAST_SETTLE_USEC - g_get_monotonic_time ();

  if (wait <= 0)
    return TRUE;

  if (self->toast_settle_id == 0)
    self->toast_settle_id = g_timeout_add (wait / G_TIME_SPAN_MILLISECOND + 1,
                                           on_toast_settled_cb, self);
  return FALSE;
}

/* Runs first of the toast's "dismissed" handlers: connected before the
 * overlay's own. */
static void
on_toast_dismissed_cb (AmendsWindow *self,
                       AdwToast     *toast)
{
  if (toast == self->toast_shown && !toast_shown_has_settled (self))
    {
      g_signal_stop_emission_by_name (toast, "dismissed");
      self->toast_dismiss_shown = TRUE;
      return;
    }

  if (self->toast == toast)
    self->toast = NULL;
  if (self->toast_shown == toast)
    self->toast_shown = NULL;
}

/* The shown toast leaves when a dismissal or a newer toast waits for it
 * and it has settled; then the newer one comes on. */
static void
settle_toasts (AmendsWindow *self)
{
  if (self->toast_shown != NULL && (self->toast_waiting != NULL || self->toast_dismiss_shown))
    {
      if (!toast_shown_has_settled (self))
        return;

      adw_toast_dismiss (self->toast_shown);
      self->toast_shown = NULL;
    }
  self->toast_dismiss_shown = FALSE;

  if (self->toast_waiting == NULL)
    return;

  self->toast_shown = self->toast_waiting;
  self->toast_shown_since = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&self->toast_waiting));
}

/**
 * amends_window_add_toast:
 * @toast: (transfer full): the toast to show
 *
 * The rule for every toast of the window: the one shown gives way to the
 * next at once, and one with a button (Undo) stays until the person
 * dismisses it: it is not gone after five seconds while they reach for
 * it.  Errors stay too (amends_window_show_error()).
 */
void
amends_window_add_toast (AmendsWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (AMENDS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (adw_toast_get_button_label (toast) != NULL)
    adw_toast_set_timeout (toast, 0);

  /* A toast that stays would hold every later one back in the overlay's
   * queue: the newer news replaces it.  One still waiting was never seen:
   * it goes at once, and says so to whoever keeps it (the undo). */
  if (self->toast_waiting != NULL)
    {
      g_autoptr(AdwToast) unseen = g_steal_pointer (&self->toast_waiting);

      g_signal_emit_by_name (unseen, "dismissed");
    }

  self->toast = toast;
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (on_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  self->toast_waiting = toast;
  settle_toasts (self);
}

/**
 * amends_window_show_error:
 * @message: what went wrong, in words for the person at the desk
 *
 * An error in a toast that stays until it is dismissed or replaced: it
 * may need reading twice, or to be read out to someone.
 */
void
amends_window_show_error (AmendsWindow *self,
                          const char   *message)
{
  /* A toast's title is markup; a message may hold a name with "&". */
  g_autofree char *title = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  amends_window_add_toast (self, toast);
}
