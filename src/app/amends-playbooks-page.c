/* amends-playbooks-page.c: Preferences → Playbooks: a playbook per category, and the causes
 *
 * The service strategy of seeds/004 written down where it is used: for
 * each category the cases use (most used first), what putting it right
 * means here and what may be spent on the surprise.  The case editor
 * shows them beside the fix and the surprise (AmendsPlaybookHint).  The
 * texts are saved as they are typed, a moment after the last key, and at
 * once when the page goes.
 *
 * Below, the causes a lesson can name (AmendsLessonCause).  One taken off
 * the list is only made inactive: the lessons that named it keep it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-playbooks-page"

#include "config.h"

#include "amends-playbooks-page.h"

#include <string.h>
#include <glib/gi18n.h>

#include "amends-accessible.h"
#include "amends-store-playbooks.h"

#define SAVE_DELAY_MS 600

typedef struct
{
  AmendsPlaybooksPage *page;
  char                *category;
  AdwExpanderRow      *expander;
  GtkEditable         *put_right;
  GtkEditable         *spending;
  guint                save_source;
} PlaybookRow;

struct _AmendsPlaybooksPage
{
  AdwPreferencesPage   parent_instance;

  AmendsStore         *store;
  GPtrArray           *playbook_rows;   /* PlaybookRow* */
  GPtrArray           *cause_rows;      /* GtkWidget*, in the causes group */
  gboolean             causes_changed;

  AdwPreferencesGroup *playbooks_group;
  AdwPreferencesGroup *causes_group;
  GtkWidget           *empty_row;
  AdwEntryRow         *add_cause_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (AmendsPlaybooksPage, amends_playbooks_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_error (AmendsPlaybooksPage *self,
            const GError        *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* Playbooks */

static void
show_summary (PlaybookRow *row,
              const char  *put_right)
{
  g_autofree char *first = NULL;
  const char *end;

  if (put_right == NULL || *put_right == '\0')
    {
      adw_expander_row_set_subtitle (row->expander, _("Not written yet"));
      return;
    }

  end = strchr (put_right, '\n');
  first = end ? g_strndup (put_right, end - put_right) : g_strdup (put_right);
  adw_expander_row_set_subtitle (row->expander, first);
}

static gboolean
save_row (PlaybookRow  *row,
          GError      **error)
{
  g_autofree char *put_right = g_strstrip (g_strdup (gtk_editable_get_text (row->put_right)));

  g_clear_handle_id (&row->save_source, g_source_remove);
  if (!amends_store_save_playbook (row->page->store, row->category, put_right,
                                   gtk_editable_get_text (row->spending), error))
    return FALSE;

  show_summary (row, put_right);
  return TRUE;
}

static gboolean
save_row_cb (gpointer data)
{
  PlaybookRow *row = data;
  g_autoptr(GError) error = NULL;

  row->save_source = 0;
  show_error (row->page, save_row (row, &error) ? NULL : error);

  return G_SOURCE_REMOVE;
}

static void
on_playbook_changed_cb (PlaybookRow *row)
{
  g_clear_handle_id (&row->save_source, g_source_remove);
  row->save_source = g_timeout_add (SAVE_DELAY_MS, save_row_cb, row);
}

static void
playbook_row_free (PlaybookRow *row)
{
  g_clear_handle_id (&row->save_source, g_source_remove);
  g_signal_handlers_disconnect_by_data (row->put_right, row);
  g_signal_handlers_disconnect_by_data (row->spending, row);
  g_free (row->category);
  g_free (row);
}

/* An entry row of a playbook: what is typed is saved a moment later. */
static GtkEditable *
add_text_row (PlaybookRow *row,
              const char  *title,
              const char  *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  adw_expander_row_add_row (row->expander, entry);

  return GTK_EDITABLE (entry);
}

static void
add_playbook_row (AmendsPlaybooksPage *self,
                  const char          *category)
{
  g_autoptr(AmendsPlaybook) playbook = NULL;
  g_autoptr(GError) error = NULL;
  PlaybookRow *row = g_new0 (PlaybookRow, 1);

  row->page = self;
  row->category = g_strdup (category);
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), category);
  amends_accessible_name_group_list (GTK_WIDGET (row->expander), category);

  if (!(playbook = amends_store_load_playbook (self->store, category, &error)))
    show_error (self, error);
  row->put_right = add_text_row (row, _("What Putting It Right Means Here"),
                                 playbook ? playbook->put_right : NULL);
  row->spending = add_text_row (row, _("What to Spend on the Surprise"),
                                playbook ? playbook->spending_guide : NULL);
  show_summary (row, playbook ? playbook->put_right : NULL);

  g_signal_connect_swapped (row->put_right, "changed", G_CALLBACK (on_playbook_changed_cb), row);
  g_signal_connect_swapped (row->spending, "changed", G_CALLBACK (on_playbook_changed_cb), row);

  g_ptr_array_add (self->playbook_rows, row);
  adw_preferences_group_add (self->playbooks_group, GTK_WIDGET (row->expander));
}

static void
load_playbooks (AmendsPlaybooksPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = amends_store_list_categories (self->store, &error);

  if (error != NULL)
    show_error (self, error);

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    add_playbook_row (self, categories[i]);

  gtk_widget_set_visible (self->empty_row, self->playbook_rows->len == 0);
}

/* Causes */

static void
on_remove_cause_cb (GtkButton           *button,
                    AmendsPlaybooksPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = g_object_get_data (G_OBJECT (button), "amends-cause");

  show_error (self, amends_store_remove_cause (self->store, name, &error) ? NULL : error);
}

static void
load_causes (AmendsPlaybooksPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) causes = amends_store_list_causes (self->store, &error);

  self->causes_changed = FALSE;
  if (error != NULL)
    show_error (self, error);

  for (guint i = 0; i < self->cause_rows->len; i++)
    adw_preferences_group_remove (self->causes_group, self->cause_rows->pdata[i]);
  g_ptr_array_set_size (self->cause_rows, 0);

  for (guint i = 0; causes != NULL && causes[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: the accessible name of the button that takes a cause off the list */
      g_autofree char *label = g_strdup_printf (_("Take “%s” off the list"), causes[i]);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), causes[i]);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Take Off the List"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (remove), "amends-cause", g_strdup (causes[i]), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_cause_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      g_ptr_array_add (self->cause_rows, row);
      adw_preferences_group_add (self->causes_group, row);
    }
}

static void
on_add_cause_apply_cb (AmendsPlaybooksPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_cause_row))));

  /* Enter in an empty row, or after the apply button took the text. */
  if (*name == '\0')
    return;

  if (amends_store_add_cause (self->store, name, &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->add_cause_row), "");
      show_error (self, NULL);
    }
  else
    show_error (self, error);
}

static void
on_record_changed_cb (AmendsPlaybooksPage *self,
                      GType                type,
                      gint64               id)
{
  if (type == AMENDS_TYPE_CAUSES)
    self->causes_changed = TRUE;
}

static void
on_changes_committed_cb (AmendsPlaybooksPage *self)
{
  if (self->causes_changed)
    load_causes (self);
}

/* GObject */

static void
amends_playbooks_page_dispose (GObject *object)
{
  AmendsPlaybooksPage *self = AMENDS_PLAYBOOKS_PAGE (object);

  /* What was typed is saved, whatever closes the page. */
  if (self->store != NULL)
    {
      amends_playbooks_page_flush (self, NULL);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  g_clear_pointer (&self->playbook_rows, g_ptr_array_unref);
  g_clear_pointer (&self->cause_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_PLAYBOOKS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_playbooks_page_parent_class)->dispose (object);
}

static void
amends_playbooks_page_class_init (AmendsPlaybooksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_playbooks_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-playbooks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsPlaybooksPage, playbooks_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsPlaybooksPage, causes_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsPlaybooksPage, empty_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsPlaybooksPage, add_cause_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsPlaybooksPage, error_label);
}

static void
amends_playbooks_page_init (AmendsPlaybooksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->playbook_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) playbook_row_free);
  self->cause_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->add_cause_row, "apply", G_CALLBACK (on_add_cause_apply_cb), self);
  g_signal_connect_swapped (self->add_cause_row, "entry-activated", G_CALLBACK (on_add_cause_apply_cb), self);
}

GtkWidget *
amends_playbooks_page_new (AmendsStore *store)
{
  AmendsPlaybooksPage *self;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  self = g_object_new (AMENDS_TYPE_PLAYBOOKS_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);
  load_playbooks (self);
  load_causes (self);

  return GTK_WIDGET (self);
}

/**
 * amends_playbooks_page_flush:
 *
 * Saves the playbooks typed in now, rather than after the usual pause.
 */
gboolean
amends_playbooks_page_flush (AmendsPlaybooksPage  *self,
                             GError              **error)
{
  g_return_val_if_fail (AMENDS_IS_PLAYBOOKS_PAGE (self), FALSE);

  for (guint i = 0; self->playbook_rows != NULL && i < self->playbook_rows->len; i++)
    {
      PlaybookRow *row = self->playbook_rows->pdata[i];

      if (row->save_source != 0 && !save_row (row, error))
        return FALSE;
    }

  return TRUE;
}
