/* amends-case-sidebar.c: the searchable, filterable list of cases
 *
 * The search entry and the filter bar (amends-case-filter-bar.c) set an
 * AmendsCaseQuery; on each change an AmendsCaseListLoader reads a new
 * AmendsCaseList off the main thread.  The list holds the ids of the cases
 * that match, in order, and reads a case only when a row shows it.  It is
 * swapped in under the view's one selection model when it lands (see
 * on_list_landed_cb): a new model would make the view build every row
 * widget again, and one signal that a million rows changed would make it
 * read every row.  Nothing here walks the list's items, except
 * amends_case_list_find() to keep the selected case selected.
 *
 * GtkMultiSelection cannot be used over such a list: GTK 4.8's keeps every
 * selected item object (to follow it when items move), so Ctrl+A reads a
 * million cases, and so does the click that selects one row after it.
 * AmendsCaseSelection (amends-case-selection.c) keeps only a bitset of
 * positions; the sidebar follows the chosen case by its id instead
 * (amends-case-sidebar-selection.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-sidebar"

#include "config.h"

#include "amends-case-sidebar.h"

#include "amends-case-sidebar-private.h"

#include "amends-case-empty-page.h"
#include "amends-case-filter-bar.h"
#include "amends-case-list.h"
#include "amends-case-list-loader.h"
#include "amends-case-query.h"
#include "amends-case-row.h"
#include "amends-case-selection.h"
#include "amends-enum-types.h"

/* How often the clocks on the rows move on. */
#define TICK_SECONDS 30

G_DEFINE_FINAL_TYPE (AmendsCaseSidebar, amends_case_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOW,
  PROP_SELECTED_CASE,
  PROP_N_SELECTED,
  PROP_STATUS,
  PROP_OWNER,
  PROP_OVERDUE_ONLY,
  PROP_FOLLOW_UP_DUE,
  PROP_CATEGORY,
  PROP_SHOW_TRASH,
  PROP_SORT,
  PROP_BUSY,
  PROP_NEEDS_LEAD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* "Mine" with nobody at the desk shows nothing, and says why. */
static gboolean
nobody_at_desk (AmendsCaseSidebar *self)
{
  return amends_case_query_get_nobody_at_desk (self->query);
}

/* The counts below the list, and the placeholder when it is empty. */
static void
update_state (AmendsCaseSidebar *self)
{
  g_autofree char *counts = amends_case_list_loader_dup_counts (self->loader);
  gboolean empty;

  empty = self->selection != NULL &&
          (self->list != NULL || nobody_at_desk (self)) &&
          g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  gtk_label_set_label (self->counts_label, counts);
}

/* The selected case, when exactly one is selected; and how many are. */
void
amends_case_sidebar_update_selected_case (AmendsCaseSidebar *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  guint n_selected = 0;

  if (self->selection != NULL)
    {
      selected = gtk_selection_model_get_selection (self->selection);
      n_selected = (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT);
      if (n_selected == 1)
        kase = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                      gtk_bitset_get_minimum (selected));
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->selected_case, kase))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_CASE]);
  if (self->n_selected != n_selected)
    {
      self->n_selected = n_selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SELECTED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  amends_case_sidebar_update_move_actions (self);
}

static void
on_selection_changed_cb (AmendsCaseSidebar *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  amends_case_sidebar_update_selected_case (self);
  self->pending_id = 0;

  /* Zero or several selected: a person chose that, nothing to restore. */
  self->remembered_id = self->selected_case != NULL
                        ? amends_record_get_id (AMENDS_RECORD (self->selected_case))
                        : 0;
}

static void
on_items_changed_cb (AmendsCaseSidebar *self,
                     guint              position,
                     guint              removed,
                     guint              added,
                     GListModel        *model)
{
  /* Half of a swap: on_list_landed_cb () catches up once it is whole. */
  if (self->swapping_list)
    return;

  if (!amends_case_sidebar_restore_selection (self))
    amends_case_sidebar_update_selected_case (self);
  update_state (self);
}

/* Puts the loader's new list (or nothing) under the view's selection
 * model. */
static void
on_list_landed_cb (AmendsCaseSidebar    *self,
                   GParamSpec           *pspec,
                   AmendsCaseListLoader *loader)
{
  AmendsCaseList *list = amends_case_list_loader_get_list (loader);
  guint n_leaving;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);

  g_set_object (&self->list, list);
  if (list != NULL)
    {
      /* A change of status moves the counts without moving any row. */
      g_signal_connect_object (list, "notify::n-open",
                               G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (list, "notify::n-overdue",
                               G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (list, "notify::refreshing",
                               G_CALLBACK (amends_case_sidebar_on_list_refreshing_cb), self, G_CONNECT_SWAPPED);
    }

  /* The new cases are put in front of the old ones, the view is moved onto
   * them, and only then are the old ones removed: the view binds the row
   * widgets it has to the new cases rather than building new ones. */
  self->swapping_list = TRUE;
  n_leaving = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  amends_case_selection_begin_swap (AMENDS_CASE_SELECTION (self->selection),
                                    list != NULL ? G_LIST_MODEL (list) : NULL);
  if (n_leaving > 0 && list != NULL && g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  amends_case_selection_end_swap (AMENDS_CASE_SELECTION (self->selection));
  self->swapping_list = FALSE;

  if (amends_case_sidebar_restore_selection (self))
    {
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (self->selection);
      amends_case_sidebar_scroll_to (self, gtk_bitset_get_minimum (selected));
    }
  amends_case_sidebar_update_selected_case (self);
  update_state (self);

  amends_case_sidebar_select_pending (self);
}

static void
on_busy_cb (AmendsCaseSidebar    *self,
            GParamSpec           *pspec,
            AmendsCaseListLoader *loader)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* The sidebar's own properties are the query's, so that the menus can
 * name them as the sidebar's stateful actions ("sidebar.status"). */
static const char *
query_property_name (GParamSpec *pspec)
{
  return g_str_equal (pspec->name, "show-trash") ? "trash" : pspec->name;
}

static void
on_query_notify_cb (AmendsCaseSidebar *self,
                    GParamSpec        *pspec,
                    AmendsCaseQuery   *query)
{
  const char *name = g_str_equal (pspec->name, "trash") ? "show-trash" : pspec->name;
  GParamSpec *own = g_object_class_find_property (G_OBJECT_GET_CLASS (self), name);

  if (own != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), own);
  amends_case_sidebar_update_clear_filters (self);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 AmendsCaseSidebar        *self)
{
  GtkWidget *row = amends_case_row_new ();

  g_object_bind_property (self, "now", row, "now", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, row);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                AmendsCaseSidebar        *self)
{
  amends_case_row_set_case (AMENDS_CASE_ROW (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  AmendsCaseSidebar        *self)
{
  amends_case_row_set_case (AMENDS_CASE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  AmendsCaseSidebar *self = user_data;
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);

  amends_case_sidebar_set_now (self, now);

  return G_SOURCE_CONTINUE;
}

static void
amends_case_sidebar_map (GtkWidget *widget)
{
  AmendsCaseSidebar *self = AMENDS_CASE_SIDEBAR (widget);

  GTK_WIDGET_CLASS (amends_case_sidebar_parent_class)->map (widget);

  if (self->store != NULL && self->tick_id == 0)
    {
      /* Time went on while nobody looked. */
      on_tick_cb (self);
      self->tick_id = g_timeout_add_seconds (TICK_SECONDS, on_tick_cb, self);
    }
}

static void
amends_case_sidebar_unmap (GtkWidget *widget)
{
  AmendsCaseSidebar *self = AMENDS_CASE_SIDEBAR (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (amends_case_sidebar_parent_class)->unmap (widget);
}

static void
amends_case_sidebar_dispose (GObject *object)
{
  AmendsCaseSidebar *self = (AmendsCaseSidebar *)object;
  GtkWidget *child;

  g_clear_weak_pointer (&self->cleared_toast);
  if (self->loader != NULL)
    g_signal_handlers_disconnect_by_data (self->loader, self);
  g_clear_object (&self->loader);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_CASE_SIDEBAR);
  /* The template's children that no field names */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->selected_case);
  g_clear_object (&self->store);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (amends_case_sidebar_parent_class)->dispose (object);
}

static void
amends_case_sidebar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmendsCaseSidebar *self = AMENDS_CASE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTED_CASE:
      g_value_set_object (value, self->selected_case);
      break;

    case PROP_N_SELECTED:
      g_value_set_uint (value, self->n_selected);
      break;

    case PROP_NOW:
    case PROP_STATUS:
    case PROP_OWNER:
    case PROP_OVERDUE_ONLY:
    case PROP_FOLLOW_UP_DUE:
    case PROP_NEEDS_LEAD:
    case PROP_CATEGORY:
    case PROP_SHOW_TRASH:
    case PROP_SORT:
      g_object_get_property (G_OBJECT (self->query), query_property_name (pspec), value);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, amends_case_list_loader_get_busy (self->loader));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_sidebar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmendsCaseSidebar *self = AMENDS_CASE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amends_case_sidebar_set_store (self, g_value_get_object (value));
      break;

    case PROP_NOW:
    case PROP_STATUS:
    case PROP_OWNER:
    case PROP_OVERDUE_ONLY:
    case PROP_FOLLOW_UP_DUE:
    case PROP_NEEDS_LEAD:
    case PROP_CATEGORY:
    case PROP_SHOW_TRASH:
    case PROP_SORT:
      g_object_set_property (G_OBJECT (self->query), query_property_name (pspec), value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_sidebar_class_init (AmendsCaseSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_case_sidebar_dispose;
  object_class->get_property = amends_case_sidebar_get_property;
  object_class->set_property = amends_case_sidebar_set_property;

  widget_class->map = amends_case_sidebar_map;
  widget_class->unmap = amends_case_sidebar_unmap;

  /**
   * AmendsCaseSidebar:store:
   *
   * Where the cases come from; set once.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseSidebar:now:
   *
   * The time the rows' clocks are told against; moves on by itself every
   * 30 seconds while the sidebar is shown.
   */
  properties [PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseSidebar:selected-case:
   *
   * The selected case, or %NULL when none or several are selected.
   */
  properties [PROP_SELECTED_CASE] =
    g_param_spec_object ("selected-case", NULL, NULL,
                         AMENDS_TYPE_CASE,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseSidebar:n-selected:
   *
   * How many cases are selected; changes also when the selected case does
   * not (from two selected to three, say).
   */
  properties [PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* The filters, one property each so that the menus can name them as
   * stateful actions ("sidebar.status" and so on). */
  properties [PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      -1, AMENDS_CASE_STATUS_CLOSED, -1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         "anyone",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_OVERDUE_ONLY] =
    g_param_spec_boolean ("overdue-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties [PROP_FOLLOW_UP_DUE] =
    g_param_spec_boolean ("follow-up-due", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties [PROP_NEEDS_LEAD] =
    g_param_spec_boolean ("needs-lead", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties [PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_TRASH] =
    g_param_spec_boolean ("show-trash", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties [PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       AMENDS_TYPE_CASE_SORT,
                       AMENDS_CASE_SORT_URGENCY,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseSidebar:busy:
   *
   * %TRUE while a new list is being read (a search, a filter) or the list
   * is catching up with a change; the list shown is then not yet what the
   * search, the filters and the database say.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-case-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseSidebar, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseSidebar, counts_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseSidebar, factory);

  gtk_widget_class_install_property_action (widget_class, "sidebar.status", "status");
  gtk_widget_class_install_property_action (widget_class, "sidebar.owner", "owner");
  gtk_widget_class_install_property_action (widget_class, "sidebar.overdue-only", "overdue-only");
  gtk_widget_class_install_property_action (widget_class, "sidebar.follow-up-due", "follow-up-due");
  gtk_widget_class_install_property_action (widget_class, "sidebar.needs-lead", "needs-lead");
  gtk_widget_class_install_property_action (widget_class, "sidebar.category", "category");
  gtk_widget_class_install_property_action (widget_class, "sidebar.show-trash", "show-trash");
  gtk_widget_class_install_property_action (widget_class, "sidebar.sort", "sort");
  gtk_widget_class_install_action (widget_class, "sidebar.focus-search", NULL, amends_case_sidebar_focus_search_action);
  gtk_widget_class_install_action (widget_class, "sidebar.next-case", NULL, amends_case_sidebar_next_case_action);
  gtk_widget_class_install_action (widget_class, "sidebar.previous-case", NULL, amends_case_sidebar_previous_case_action);
  gtk_widget_class_install_action (widget_class, "sidebar.clear-filters", NULL, amends_case_sidebar_clear_filters_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "sidebar.focus-search", NULL);

  gtk_widget_class_set_css_name (widget_class, "casesidebar");
}

/* The list is one Tab stop, the arrows move inside it (issue 13: Tab
 * went through every row before it reached the editor).  GTK 4.8's list
 * view moves Tab from row to row and has no setting against it (that is
 * GTK 4.12's tab-behavior), so Tab here moves the focus on from the list
 * as a whole: while the list cannot take the focus, the window's focus
 * chain passes over it to the next widget (or the one before). */
static gboolean
on_list_key_pressed_cb (AmendsCaseSidebar     *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkDirectionType direction;
  GtkRoot *root;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  root = gtk_widget_get_root (list);
  if (root == NULL)
    return FALSE;

  direction = (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0)
              ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  gtk_widget_set_can_focus (list, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);

  return TRUE;
}

static void
amends_case_sidebar_init (AmendsCaseSidebar *self)
{
  GtkEventController *keys;

  g_type_ensure (AMENDS_TYPE_CASE_EMPTY_PAGE);
  g_type_ensure (AMENDS_TYPE_CASE_FILTER_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  self->query = amends_case_query_new ();
  {
    /* "Needs a Lead" is overdue by more than the escalation time. */
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_settings_bind (settings, "escalation-hours", self->query, "escalation-hours", G_SETTINGS_BIND_GET);
  }
  amends_case_filter_bar_set_query (self->filter_bar, self->query);
  amends_case_empty_page_set_query (self->empty_page, self->query);

  /* Connected here rather than in the .ui file, which
   * gtk4-builder-tool validates without our callbacks. */
  amends_case_sidebar_connect_search (self);
  g_signal_connect (self->factory, "setup", G_CALLBACK (on_row_setup_cb), self);
  g_signal_connect (self->factory, "bind", G_CALLBACK (on_row_bind_cb), self);
  g_signal_connect (self->factory, "unbind", G_CALLBACK (on_row_unbind_cb), self);
  self->loader = amends_case_list_loader_new (self->query);
  g_signal_connect_object (self->loader, "notify::list",
                           G_CALLBACK (on_list_landed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "notify::busy",
                           G_CALLBACK (on_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "notify::error",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->query, "notify",
                           G_CALLBACK (on_query_notify_cb), self, G_CONNECT_SWAPPED);

  self->selection = amends_case_selection_new (AMENDS_TYPE_CASE);
  gtk_list_view_set_model (self->list_view, self->selection);
  /* After the view's own handlers: the view has caught up by then. */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);

  amends_case_sidebar_update_clear_filters (self);
  amends_case_sidebar_update_move_actions (self);
}

/**
 * amends_case_sidebar_get_store:
 *
 * Returns: (transfer none) (nullable): where the cases come from
 */
AmendsStore *
amends_case_sidebar_get_store (AmendsCaseSidebar *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_SIDEBAR (self), NULL);

  return self->store;
}

/**
 * amends_case_sidebar_set_store:
 *
 * Gives the sidebar its store, once, and starts reading the default list:
 * live cases, most urgent first.
 */
void
amends_case_sidebar_set_store (AmendsCaseSidebar *self,
                               AmendsStore       *store)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (AMENDS_IS_CASE_SIDEBAR (self));
  g_return_if_fail (store == NULL || AMENDS_IS_STORE (store));

  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  amends_case_filter_bar_set_store (self->filter_bar, store);
  /* "Mine" follows whoever is at the desk. */
  g_object_bind_property (store, "actor-id", self->query, "actor-id", G_BINDING_SYNC_CREATE);

  now = amends_store_dup_now (store);
  amends_case_sidebar_set_now (self, now);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (TICK_SECONDS, on_tick_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
  amends_case_list_loader_set_source (self->loader, AMENDS_CASE_SOURCE (store));
}

/**
 * amends_case_sidebar_get_now:
 *
 * Returns: (transfer none): the time the rows' clocks are told against
 */
GDateTime *
amends_case_sidebar_get_now (AmendsCaseSidebar *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_SIDEBAR (self), NULL);

  return amends_case_query_get_now (self->query);
}

/**
 * amends_case_sidebar_set_now:
 *
 * Moves the rows' clocks on to @now.  With "Overdue only" or "Follow-up
 * due" on, or when a case changes clock state in the order by urgency,
 * the list is read again too (amends-case-list-loader.c).
 */
void
amends_case_sidebar_set_now (AmendsCaseSidebar *self,
                             GDateTime         *now)
{
  g_return_if_fail (AMENDS_IS_CASE_SIDEBAR (self));
  g_return_if_fail (now != NULL);

  amends_case_query_set_now (self->query, now);
}

/**
 * amends_case_sidebar_get_showing_trash:
 *
 * Returns: %TRUE when the list shows the cases in the trash
 */
gboolean
amends_case_sidebar_get_showing_trash (AmendsCaseSidebar *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_SIDEBAR (self), FALSE);

  return amends_case_query_get_trash (self->query);
}
