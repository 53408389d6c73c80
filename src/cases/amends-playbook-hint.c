/* amends-playbook-hint.c: the playbook of the case's category, beside the fix and the surprise
 *
 * "Amazing service recovery doesn't happen through serendipity" (seeds/004,
 * service strategy): the person putting a case right sees, above the fix,
 * what the site has agreed putting it right means for this category, what
 * may be spent on the surprise, and the surprises that blew customers away
 * in the told stories of the same category.  Folded into one row, so that
 * it is there without taking the page; hidden for a category with nothing
 * written and no story told.
 *
 * It follows the category as it is typed or picked (the editor binds the
 * category row's text to #AmendsPlaybookHint:category) and the store, so
 * a playbook saved in Preferences shows at once.  A playbook is one row
 * and the ideas a few rows of the told stories: read on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-playbook-hint"

#include "config.h"

#include "amends-playbook-hint.h"

#include <glib/gi18n.h>

#include "amends-accessible.h"
#include "amends-store-playbooks.h"

#define N_IDEAS 5

struct _AmendsPlaybookHint
{
  GtkWidget        parent_instance;

  AmendsStore     *store;
  char            *category;

  AdwExpanderRow  *expander;
  AdwActionRow    *put_right_row;
  AdwActionRow    *spending_row;
  AdwActionRow    *ideas_row;
};

G_DEFINE_FINAL_TYPE (AmendsPlaybookHint, amends_playbook_hint, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_text (AdwActionRow *row,
           const char   *text)
{
  gboolean shown = text != NULL && *text != '\0';

  adw_action_row_set_subtitle (row, shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), shown);
}

static char *
dup_ideas_text (GStrv ideas)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ideas != NULL && ideas[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: an item of the list of ideas in a playbook */
      g_string_append_printf (text, _("• %s"), ideas[i]);
    }

  return g_string_free (g_steal_pointer (&text), text->len == 0);
}

/* What the folded row holds, in a few words: "What putting it right
 * means, what to spend, 2 ideas". */
static char *
dup_summary (const AmendsPlaybook *playbook,
             guint                 n_ideas)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (playbook->put_right != NULL)
    g_ptr_array_add (parts, g_strdup (_("What putting it right means")));
  if (playbook->spending_guide != NULL)
    g_ptr_array_add (parts, g_strdup (parts->len ? _("what to spend") : _("What to spend")));
  if (n_ideas > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u idea that blew a customer away",
                                                       "%u ideas that blew customers away",
                                                       n_ideas),
                                             n_ideas));
  g_ptr_array_add (parts, NULL);

  /* Translators: between the parts of a playbook, as in "What putting it right means, what to spend" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
reload (AmendsPlaybookHint *self)
{
  g_autoptr(AmendsPlaybook) playbook = NULL;
  g_auto(GStrv) ideas = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *ideas_text = NULL;
  g_autofree char *subtitle = NULL;

  if (self->store == NULL || self->category == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  if (!(playbook = amends_store_load_playbook (self->store, self->category, &error)) ||
      !(ideas = amends_store_list_playbook_ideas (self->store, self->category, N_IDEAS, &error)))
    {
      /* A hint, not a field: the case can be put right without it. */
      g_debug ("The playbook of “%s” could not be read: %s", self->category, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  ideas_text = dup_ideas_text (ideas);
  if (amends_playbook_is_empty (playbook) && ideas_text == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  /* Translators: the folded row above a case's fix; %s is its category */
  title = g_strdup_printf (_("Playbook for %s"), self->category);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->expander), title);

  subtitle = dup_summary (playbook, g_strv_length (ideas));
  adw_expander_row_set_subtitle (self->expander, subtitle);

  show_text (self->put_right_row, playbook->put_right);
  show_text (self->spending_row, playbook->spending_guide);
  show_text (self->ideas_row, ideas_text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
on_changes_committed_cb (AmendsPlaybookHint *self)
{
  reload (self);
}

static void
amends_playbook_hint_dispose (GObject *object)
{
  GtkWidget *child;
  AmendsPlaybookHint *self = AMENDS_PLAYBOOK_HINT (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_PLAYBOOK_HINT);
  /* The template's top widget is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_playbook_hint_parent_class)->dispose (object);
}

static void
amends_playbook_hint_finalize (GObject *object)
{
  AmendsPlaybookHint *self = AMENDS_PLAYBOOK_HINT (object);

  g_free (self->category);

  G_OBJECT_CLASS (amends_playbook_hint_parent_class)->finalize (object);
}

static void
amends_playbook_hint_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AmendsPlaybookHint *self = AMENDS_PLAYBOOK_HINT (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_playbook_hint_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AmendsPlaybookHint *self = AMENDS_PLAYBOOK_HINT (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      amends_playbook_hint_set_category (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_playbook_hint_class_init (AmendsPlaybookHintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_playbook_hint_dispose;
  object_class->finalize = amends_playbook_hint_finalize;
  object_class->get_property = amends_playbook_hint_get_property;
  object_class->set_property = amends_playbook_hint_set_property;

  /**
   * AmendsPlaybookHint:category:
   *
   * The category whose playbook is shown, as typed: blanks around it
   * aside, and none when empty.
   */
  properties [PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-playbook-hint.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsPlaybookHint, expander);
  gtk_widget_class_bind_template_child (widget_class, AmendsPlaybookHint, put_right_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsPlaybookHint, spending_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsPlaybookHint, ideas_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "playbookhint");
}

static void
amends_playbook_hint_init (AmendsPlaybookHint *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amends_accessible_name_group_list (GTK_WIDGET (self->expander), _("The playbook of the category"));
}

GtkWidget *
amends_playbook_hint_new (void)
{
  return g_object_new (AMENDS_TYPE_PLAYBOOK_HINT, NULL);
}

/**
 * amends_playbook_hint_set_store:
 *
 * Gives the hint its store, once.
 */
void
amends_playbook_hint_set_store (AmendsPlaybookHint *self,
                                AmendsStore        *store)
{
  g_return_if_fail (AMENDS_IS_PLAYBOOK_HINT (self));
  g_return_if_fail (AMENDS_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

const char *
amends_playbook_hint_get_category (AmendsPlaybookHint *self)
{
  g_return_val_if_fail (AMENDS_IS_PLAYBOOK_HINT (self), NULL);

  return self->category;
}

void
amends_playbook_hint_set_category (AmendsPlaybookHint *self,
                                   const char         *category)
{
  g_autofree char *kept = NULL;

  g_return_if_fail (AMENDS_IS_PLAYBOOK_HINT (self));

  kept = g_strstrip (g_strdup (category ? category : ""));
  if (*kept == '\0')
    g_clear_pointer (&kept, g_free);

  if (g_strcmp0 (kept, self->category) == 0)
    return;

  g_free (self->category);
  self->category = g_steal_pointer (&kept);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATEGORY]);
}
