/* amends-case-empty-page.c: what the sidebar shows instead of an empty list
 *
 * Why the list is empty depends only on what it was asked for (the
 * sidebar's AmendsCaseQuery): "Mine" with nobody at the desk, the trash
 * with nothing in it, no case at all, or a search and filters that match
 * none.  The page follows the query, so it is right whenever the sidebar
 * shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-empty-page"

#include "config.h"

#include "amends-case-empty-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _AmendsCaseEmptyPage
{
  GtkWidget        parent_instance;

  AmendsCaseQuery *query;

  AdwStatusPage   *status_page;
  GtkButton       *button;
};

G_DEFINE_FINAL_TYPE (AmendsCaseEmptyPage, amends_case_empty_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_page (AmendsCaseEmptyPage *self)
{
  const char *icon = "edit-find-symbolic";
  const char *title = _("No Cases Match");
  const char *description = _("Try other words, or clear the filters.");
  const char *button = _("_Clear Filters");

  if (self->query == NULL)
    return;

  if (amends_case_query_get_nobody_at_desk (self->query))
    {
      icon = "avatar-default-symbolic";
      title = _("Nobody Is at the Desk");
      description = _("Choose who is at the desk to see the cases they own.");
      button = _("Show _All Cases");
    }
  else if (amends_case_query_is_trash_alone (self->query))
    {
      icon = "user-trash-symbolic";
      title = _("The Trash Is Empty");
      description = _("Deleted cases wait here until they are restored.");
      button = _("_Back to Cases");
    }
  else if (amends_case_query_is_default (self->query))
    {
      icon = "view-list-bullet-symbolic";
      title = _("No Cases");
      description = _("Cases logged at the desk appear here.");
      button = NULL;
    }

  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->button), button != NULL);
  if (button != NULL)
    {
      gtk_button_set_label (self->button, button);
      /* GTK 4.8 names a button with a mnemonic twice, by this label with
       * its underline and by the label widget ("_Clear Filters Clear
       * Filters"): the label widget alone names it. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static void
amends_case_empty_page_dispose (GObject *object)
{
  AmendsCaseEmptyPage *self = (AmendsCaseEmptyPage *)object;

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  g_clear_object (&self->query);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_CASE_EMPTY_PAGE);

  G_OBJECT_CLASS (amends_case_empty_page_parent_class)->dispose (object);
}

static void
amends_case_empty_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AmendsCaseEmptyPage *self = AMENDS_CASE_EMPTY_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_empty_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AmendsCaseEmptyPage *self = AMENDS_CASE_EMPTY_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      amends_case_empty_page_set_query (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_empty_page_class_init (AmendsCaseEmptyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_case_empty_page_dispose;
  object_class->get_property = amends_case_empty_page_get_property;
  object_class->set_property = amends_case_empty_page_set_property;

  /**
   * AmendsCaseEmptyPage:query:
   *
   * What the empty list was asked for, which says why it is empty.
   */
  properties [PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         AMENDS_TYPE_CASE_QUERY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-case-empty-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseEmptyPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseEmptyPage, button);
}

static void
amends_case_empty_page_init (AmendsCaseEmptyPage *self)
{
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amends_case_empty_page_get_query:
 *
 * Returns: (transfer none) (nullable): what the empty list was asked for
 */
AmendsCaseQuery *
amends_case_empty_page_get_query (AmendsCaseEmptyPage *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_EMPTY_PAGE (self), NULL);

  return self->query;
}

void
amends_case_empty_page_set_query (AmendsCaseEmptyPage *self,
                                  AmendsCaseQuery     *query)
{
  g_return_if_fail (AMENDS_IS_CASE_EMPTY_PAGE (self));
  g_return_if_fail (query == NULL || AMENDS_IS_CASE_QUERY (query));

  if (self->query == query)
    return;

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  g_set_object (&self->query, query);
  if (query != NULL)
    g_signal_connect_object (query, "notify",
                             G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUERY]);
}
