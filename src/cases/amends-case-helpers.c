/* amends-case-helpers.c: the case editor's Helpers row, under the owner
 *
 * A case has one owner, who answers for it; those who helped put it
 * right are its helpers, credited as heroes of its story beside the
 * owner.  The row shows them as chips, each with a button to remove it,
 * and Add Helper offers the active staff who are neither the owner nor
 * helpers yet.  Each change is saved at once, with its audit row
 * (amends-store-helpers.c).
 *
 * The row follows the case editor it sits in (its case-id and store), so
 * the editor only places it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-helpers"

#include "config.h"

#include "amends-case-helpers.h"

#include <glib/gi18n.h>

#include "amends-case-editor.h"
#include "amends-store-helpers.h"

struct _AmendsCaseHelpers
{
  AdwPreferencesRow  parent_instance;

  AmendsCaseEditor  *editor;      /* unowned: an ancestor while rooted */
  AmendsStore       *store;
  gint64             case_id;

  GtkMenuButton     *add_button;
  GtkFlowBox        *chips_box;
  GtkWidget         *empty_label;
};

G_DEFINE_FINAL_TYPE (AmendsCaseHelpers, amends_case_helpers, ADW_TYPE_PREFERENCES_ROW)

static void
report_error (AmendsCaseHelpers *self,
              const GError      *error)
{
  /* The editor's error bar says it (it listens to its children). */
  g_autofree char *message = g_strdup_printf (_("The helpers were not saved. %s"), error->message);

  gtk_label_set_text (GTK_LABEL (self->empty_label), message);
  gtk_widget_set_visible (self->empty_label, TRUE);
}

static GtkWidget *
create_chip (AmendsCaseHelpers *self,
             AmendsStaff       *staff)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (amends_staff_get_name (staff));
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* Translators: the button on a helper's chip; %s is their name */
  g_autofree char *what = g_strdup_printf (_("Remove %s as a helper"), amends_staff_get_name (staff));

  gtk_widget_add_css_class (chip, "helper-chip");
  gtk_widget_add_css_class (chip, "card");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "helpers.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x",
                                    amends_record_get_id (AMENDS_RECORD (staff)));
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), remove);

  return chip;
}

static void
clear_chips (AmendsCaseHelpers *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);
}

/* One small query: the helpers of the case shown, by name. */
static void
reload (AmendsCaseHelpers *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  clear_chips (self);
  gtk_label_set_text (GTK_LABEL (self->empty_label),
                      _("Nobody else yet: add those who helped put it right."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->store != NULL && self->case_id > 0);

  if (self->store == NULL || self->case_id <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
      return;
    }

  if (!(ids = amends_store_list_case_helpers (self->store, self->case_id, &error)))
    {
      report_error (self, error);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AmendsStaff) staff =
        amends_store_load (self->store, AMENDS_TYPE_STAFF, g_array_index (ids, gint64, i), NULL);

      if (staff != NULL)
        gtk_flow_box_append (self->chips_box, create_chip (self, staff));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), ids->len > 0);
  gtk_widget_set_visible (self->empty_label, ids->len == 0);
}

static gboolean
id_in (GArray *ids,
       gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Built each time it opens: the staff, the owner and the helpers may
 * have changed since. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  AmendsCaseHelpers *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GArray) helpers = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  gint64 owner_id;
  guint n = 0;

  if (self->store == NULL || self->case_id <= 0)
    return;

  staff = amends_store_list_staff (self->store, FALSE, NULL);
  helpers = amends_store_list_case_helpers (self->store, self->case_id, NULL);
  kase = amends_store_load (self->store, AMENDS_TYPE_CASE, self->case_id, NULL);
  owner_id = kase ? amends_case_get_owner_id (kase) : 0;

  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) person = g_list_model_get_item (staff, i);
      gint64 id = amends_record_get_id (AMENDS_RECORD (person));
      g_autoptr(GMenuItem) item = NULL;

      if (id == owner_id || id_in (helpers, id))
        continue;

      item = g_menu_item_new (amends_staff_get_name (person), NULL);
      g_menu_item_set_action_and_target_value (item, "helpers.add", g_variant_new_int64 (id));
      g_menu_append_item (menu, item);
      n++;
    }

  if (n == 0)
    g_menu_append (menu, _("Everyone is on it already"), "helpers.none");

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmendsCaseHelpers *self = AMENDS_CASE_HELPERS (widget);
  gint64 staff_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->store == NULL || self->case_id <= 0)
    return;

  if (g_str_equal (action_name, "helpers.add"))
    ok = amends_store_add_case_helper (self->store, self->case_id, staff_id, &error);
  else
    {
      /* The chip goes, and the focus with it: on to Add Helper. */
      gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      ok = amends_store_remove_case_helper (self->store, self->case_id, staff_id, &error);
    }

  if (!ok)
    report_error (self, error);
  else
    reload (self);
}

static void
nothing_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
}

static void
on_case_id_cb (AmendsCaseHelpers *self)
{
  self->case_id = self->editor ? amends_case_editor_get_case_id (self->editor) : 0;
  reload (self);
}

static void
on_record_changed_cb (AmendsCaseHelpers *self,
                      GType              type,
                      gint64             id)
{
  /* Another window's change, or a hand-over that made the owner a helper. */
  if ((type == AMENDS_TYPE_CASE && id == self->case_id) || type == AMENDS_TYPE_STAFF)
    reload (self);
}

static void
amends_case_helpers_root (GtkWidget *widget)
{
  AmendsCaseHelpers *self = AMENDS_CASE_HELPERS (widget);
  GtkWidget *editor;

  GTK_WIDGET_CLASS (amends_case_helpers_parent_class)->root (widget);

  editor = gtk_widget_get_ancestor (widget, AMENDS_TYPE_CASE_EDITOR);
  if (editor == NULL)
    return;

  self->editor = AMENDS_CASE_EDITOR (editor);
  g_set_object (&self->store, amends_case_editor_get_store (self->editor));
  g_signal_connect_object (editor, "notify::case-id", G_CALLBACK (on_case_id_cb), self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "record-changed", G_CALLBACK (on_record_changed_cb),
                             self, G_CONNECT_SWAPPED);
  on_case_id_cb (self);
}

static void
amends_case_helpers_unroot (GtkWidget *widget)
{
  AmendsCaseHelpers *self = AMENDS_CASE_HELPERS (widget);

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  self->editor = NULL;
  g_clear_object (&self->store);

  GTK_WIDGET_CLASS (amends_case_helpers_parent_class)->unroot (widget);
}

static void
amends_case_helpers_dispose (GObject *object)
{
  AmendsCaseHelpers *self = (AmendsCaseHelpers *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_CASE_HELPERS);

  G_OBJECT_CLASS (amends_case_helpers_parent_class)->dispose (object);
}

static void
amends_case_helpers_class_init (AmendsCaseHelpersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_case_helpers_dispose;
  widget_class->root = amends_case_helpers_root;
  widget_class->unroot = amends_case_helpers_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-case-helpers.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHelpers, add_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHelpers, chips_box);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHelpers, empty_label);

  gtk_widget_class_install_action (widget_class, "helpers.add", "x", change_action);
  gtk_widget_class_install_action (widget_class, "helpers.remove", "x", change_action);
  gtk_widget_class_install_action (widget_class, "helpers.none", NULL, nothing_action);
}

static void
amends_case_helpers_init (AmendsCaseHelpers *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "helpers.none", FALSE);
  gtk_menu_button_set_create_popup_func (self->add_button, create_menu_cb, self, NULL);
  /* Translators: what a screen reader says for the Add Helper button */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Helper"), -1);
}
