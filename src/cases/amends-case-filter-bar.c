/* amends-case-filter-bar.c: the menus that choose what the list of cases shows
 *
 * Two menu buttons over the list: what to show (status, owner, category,
 * overdue only, the trash) and in which order.  Each says on its face
 * what it is set to, from the sidebar's AmendsCaseQuery.  The menus'
 * items name the sidebar's stateful actions, which set the query; this
 * widget only shows it, and fills the menus' people and categories from
 * the store as they open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-filter-bar"

#include "config.h"

#include "amends-case-filter-bar.h"

#include <glib/gi18n.h>

struct _AmendsCaseFilterBar
{
  GtkWidget        parent_instance;

  AmendsCaseQuery *query;
  AmendsStore     *store;
  char            *owner_name;     /* of the one person the query shows */

  GtkMenuButton   *filter_button;
  GtkLabel        *filter_label;
  GtkMenuButton   *sort_button;
  GtkLabel        *sort_label;
  GMenu           *owner_people_section;
  GMenu           *category_section;
};

G_DEFINE_FINAL_TYPE (AmendsCaseFilterBar, amends_case_filter_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUERY,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
sort_label (AmendsCaseSort sort)
{
  switch (sort)
    {
    case AMENDS_CASE_SORT_NEWEST:
      return _("Newest First");
    case AMENDS_CASE_SORT_OLDEST:
      return _("Oldest First");
    case AMENDS_CASE_SORT_URGENCY:
    default:
      return _("Most Urgent First");
    }
}

static const char *
sort_short_label (AmendsCaseSort sort)
{
  switch (sort)
    {
    case AMENDS_CASE_SORT_NEWEST:
      /* Translators: on the sort button; the menu says "Newest First" */
      return C_("sort", "Newest");
    case AMENDS_CASE_SORT_OLDEST:
      /* Translators: on the sort button; the menu says "Oldest First" */
      return C_("sort", "Oldest");
    case AMENDS_CASE_SORT_URGENCY:
    default:
      /* Translators: on the sort button; the menu says "Most Urgent First" */
      return C_("sort", "Most Urgent");
    }
}

/* The filters in force, "Open, Mine", or "All Cases". */
static char *
describe_filters (AmendsCaseFilterBar *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *owner = amends_case_query_get_owner (self->query);
  const char *category = amends_case_query_get_category (self->query);
  int status = amends_case_query_get_status (self->query);

  if (amends_case_query_get_trash (self->query))
    g_ptr_array_add (parts, (gpointer) _("Trash"));
  if (status >= 0)
    g_ptr_array_add (parts, (gpointer) amends_case_status_to_label (status));
  if (g_strcmp0 (owner, "mine") == 0)
    g_ptr_array_add (parts, (gpointer) _("Mine"));
  else if (g_strcmp0 (owner, "unowned") == 0)
    g_ptr_array_add (parts, (gpointer) _("Unowned"));
  else if (amends_case_query_get_owner_id (self->query) > 0)
    g_ptr_array_add (parts, self->owner_name ? self->owner_name : (gpointer) _("One person"));
  if (amends_case_query_get_overdue_only (self->query))
    g_ptr_array_add (parts, (gpointer) _("Overdue"));
  if (amends_case_query_get_follow_up_due (self->query))
    /* Translators: a filter in force, on the filter button */
    g_ptr_array_add (parts, (gpointer) _("Follow-up Due"));
  if (amends_case_query_get_needs_lead (self->query))
    /* Translators: a filter in force, on the filter button */
    g_ptr_array_add (parts, (gpointer) _("Needs a Lead"));
  if (category != NULL && category[0] != '\0')
    g_ptr_array_add (parts, (gpointer) category);

  if (parts->len == 0)
    return g_strdup (_("All Cases"));

  g_ptr_array_add (parts, NULL);
  /* Translators: joins the filters on the filter button, "Open, Mine" */
  return g_strjoinv (C_("filter separator", ", "), (char **) parts->pdata);
}

static void
update_buttons (AmendsCaseFilterBar *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *filter_a11y = NULL;
  g_autofree char *sort_a11y = NULL;
  AmendsCaseSort sort;

  if (self->query == NULL)
    return;

  summary = describe_filters (self);
  gtk_label_set_label (self->filter_label, summary);
  /* Translators: what a screen reader says for the filter button */
  filter_a11y = g_strdup_printf (_("Show: %s"), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, filter_a11y,
                                  -1);

  sort = amends_case_query_get_sort (self->query);
  gtk_label_set_label (self->sort_label, sort_short_label (sort));
  /* Translators: what a screen reader says for the sort button */
  sort_a11y = g_strdup_printf (_("Order: %s"), sort_label (sort));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sort_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sort_a11y,
                                  -1);
}

/* The name on the button when the query shows one person's cases. */
static void
update_owner_name (AmendsCaseFilterBar *self)
{
  const char *owner = amends_case_query_get_owner (self->query);
  gint64 id = amends_case_query_get_owner_id (self->query);

  g_clear_pointer (&self->owner_name, g_free);
  if (id > 0 && g_strcmp0 (owner, "mine") != 0 && self->store != NULL)
    {
      g_autoptr(AmendsStaff) staff = amends_store_load (self->store, AMENDS_TYPE_STAFF, id, NULL);

      if (staff != NULL)
        self->owner_name = g_strdup (amends_staff_get_name (staff));
    }
}

static void
on_query_notify_cb (AmendsCaseFilterBar *self,
                    GParamSpec          *pspec,
                    AmendsCaseQuery     *query)
{
  if (g_str_equal (pspec->name, "owner"))
    update_owner_name (self);
  update_buttons (self);
}

static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
fill_people (AmendsCaseFilterBar *self)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->owner_people_section);
  if (!(staff = amends_store_list_staff (self->store, FALSE, &error)))
    {
      g_warning ("Could not list the staff: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) person = g_list_model_get_item (staff, i);
      g_autofree char *label = escape_mnemonic (amends_staff_get_name (person));
      g_autofree char *target = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 amends_record_get_id (AMENDS_RECORD (person)));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "sidebar.owner", "s", target);
      g_menu_append_item (self->owner_people_section, item);
    }
}

static void
fill_categories (AmendsCaseFilterBar *self)
{
  g_auto(GStrv) categories = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->category_section);
  if (!(categories = amends_store_list_categories (self->store, &error)))
    {
      g_warning ("Could not list the categories: %s", error->message);
      return;
    }

  for (guint i = 0; categories[i] != NULL; i++)
    {
      g_autofree char *label = escape_mnemonic (categories[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "sidebar.category", "s", categories[i]);
      g_menu_append_item (self->category_section, item);
    }
}

/* The people and the categories change as cases are written, so the menu
 * reads them each time it opens rather than on every change. */
static void
on_filter_popup_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  AmendsCaseFilterBar *self = user_data;

  if (self->store == NULL)
    return;

  fill_people (self);
  fill_categories (self);
}

static void
amends_case_filter_bar_dispose (GObject *object)
{
  AmendsCaseFilterBar *self = (AmendsCaseFilterBar *)object;

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_CASE_FILTER_BAR);

  g_clear_object (&self->query);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_case_filter_bar_parent_class)->dispose (object);
}

static void
amends_case_filter_bar_finalize (GObject *object)
{
  AmendsCaseFilterBar *self = (AmendsCaseFilterBar *)object;

  g_clear_pointer (&self->owner_name, g_free);

  G_OBJECT_CLASS (amends_case_filter_bar_parent_class)->finalize (object);
}

static void
amends_case_filter_bar_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AmendsCaseFilterBar *self = AMENDS_CASE_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_filter_bar_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AmendsCaseFilterBar *self = AMENDS_CASE_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      amends_case_filter_bar_set_query (self, g_value_get_object (value));
      break;

    case PROP_STORE:
      amends_case_filter_bar_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_filter_bar_class_init (AmendsCaseFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_case_filter_bar_dispose;
  object_class->finalize = amends_case_filter_bar_finalize;
  object_class->get_property = amends_case_filter_bar_get_property;
  object_class->set_property = amends_case_filter_bar_set_property;

  /**
   * AmendsCaseFilterBar:query:
   *
   * What the list shows, which the buttons say.
   */
  properties [PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         AMENDS_TYPE_CASE_QUERY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseFilterBar:store:
   *
   * Where the menus find the people and the categories.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-case-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseFilterBar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseFilterBar, filter_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseFilterBar, sort_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseFilterBar, sort_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseFilterBar, owner_people_section);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseFilterBar, category_section);
}

static void
amends_case_filter_bar_init (AmendsCaseFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->filter_button, on_filter_popup_cb, self, NULL);
}

/**
 * amends_case_filter_bar_get_query:
 *
 * Returns: (transfer none) (nullable): what the list shows
 */
AmendsCaseQuery *
amends_case_filter_bar_get_query (AmendsCaseFilterBar *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_FILTER_BAR (self), NULL);

  return self->query;
}

void
amends_case_filter_bar_set_query (AmendsCaseFilterBar *self,
                                  AmendsCaseQuery     *query)
{
  g_return_if_fail (AMENDS_IS_CASE_FILTER_BAR (self));
  g_return_if_fail (query == NULL || AMENDS_IS_CASE_QUERY (query));

  if (self->query == query)
    return;

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  g_set_object (&self->query, query);
  if (query != NULL)
    {
      g_signal_connect_object (query, "notify",
                               G_CALLBACK (on_query_notify_cb), self,
                               G_CONNECT_SWAPPED);
      update_owner_name (self);
      update_buttons (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUERY]);
}

/**
 * amends_case_filter_bar_get_store:
 *
 * Returns: (transfer none) (nullable): where the menus find the people
 *   and the categories
 */
AmendsStore *
amends_case_filter_bar_get_store (AmendsCaseFilterBar *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_FILTER_BAR (self), NULL);

  return self->store;
}

void
amends_case_filter_bar_set_store (AmendsCaseFilterBar *self,
                                  AmendsStore         *store)
{
  g_return_if_fail (AMENDS_IS_CASE_FILTER_BAR (self));
  g_return_if_fail (store == NULL || AMENDS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->query != NULL)
    {
      update_owner_name (self);
      update_buttons (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}
