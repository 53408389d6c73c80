/* amends-staff-page.c: the people who may be at the desk, added, renamed and deactivated
 *
 * Nobody is ever deleted: a person who leaves is deactivated, so that the
 * cases they owned and the changes they made keep their name.  Every change
 * is saved at once, a name or a team when the person presses Enter or the
 * row's apply button rather than on every key.  The list follows the
 * store's ::record-changed, so a change made elsewhere shows here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-staff-page"

#include "config.h"

#include "amends-staff-page.h"

#include <glib/gi18n.h>

#include "amends-staff-row.h"
#include "amends-utils.h"

struct _AmendsStaffPage
{
  AdwPreferencesPage   parent_instance;

  AmendsStore         *store;
  /* The roles' labels, in the order of AmendsStaffRole. */
  GListModel          *roles;

  /* The AmendsStaffRows in the order shown, one a person. */
  GPtrArray           *rows;
  /* Set by ::record-changed for a member of staff; the list is refreshed
   * once the whole transaction has been announced. */
  gboolean             staff_changed;

  AdwEntryRow         *add_row;
  GtkLabel            *error_label;
  AdwPreferencesGroup *people_group;
  AdwActionRow        *empty_row;
};

G_DEFINE_FINAL_TYPE (AmendsStaffPage, amends_staff_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Errors */

static void
show_error (AmendsStaffPage *self,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (error != NULL);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      /* A toast's title is markup; a message may hold a name with "&". */
      g_autofree char *title = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }
  else
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
clear_error (AmendsStaffPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Loads the person afresh and changes only what was asked, so that a
 * change made meanwhile in another window is not written back over. */
static gboolean
on_row_change_cb (AmendsStaffRow  *row,
                  const char      *property,
                  const GValue    *value,
                  AmendsStaffPage *self)
{
  AmendsStaff *shown = amends_staff_row_get_staff (row);
  g_autoptr(AmendsStaff) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = amends_store_load (self->store, AMENDS_TYPE_STAFF,
                              amends_record_get_id (AMENDS_RECORD (shown)), &error);
  if (stored != NULL)
    {
      g_object_set_property (G_OBJECT (stored), property, value);
      if (amends_store_update (self->store, AMENDS_RECORD (stored), &error))
        {
          clear_error (self);
          return TRUE;
        }
    }

  show_error (self, error);
  return FALSE;
}

static GtkWidget *
create_row (AmendsStaffPage *self,
            AmendsStaff     *staff)
{
  GtkWidget *row = amends_staff_row_new (staff, self->roles);

  g_signal_connect_object (amends_staff_row_from_widget (row), "change",
                           G_CALLBACK (on_row_change_cb), self, 0);

  return row;
}

/* The list */

static GtkWidget *
find_row (GPtrArray *rows,
          gint64     staff_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (rows, i);

      AmendsStaff *staff = amends_staff_row_get_staff (amends_staff_row_from_widget (widget));

      if (amends_record_get_id (AMENDS_RECORD (staff)) == staff_id)
        return widget;
    }

  return NULL;
}

static gboolean
same_rows (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;

  return TRUE;
}

/* Known people keep their row, updated in place; the rows are put back in
 * order only when a name or the set of people changed, with the keyboard
 * focus where it was, so that renaming someone does not lose one's place. */
static void
refresh_people (AmendsStaffPage *self)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n_staff;

  if (self->rows == NULL)
    return;

  staff = amends_store_list_staff (self->store, TRUE, &error);
  if (staff == NULL)
    {
      show_error (self, error);
      return;
    }

  n_staff = g_list_model_get_n_items (staff);
  rows = g_ptr_array_new_full (n_staff, g_object_unref);

  for (guint i = 0; i < n_staff; i++)
    {
      g_autoptr(AmendsStaff) person = g_list_model_get_item (staff, i);
      GtkWidget *widget = find_row (self->rows, amends_record_get_id (AMENDS_RECORD (person)));

      if (widget != NULL)
        amends_record_copy_fields (AMENDS_RECORD (amends_staff_row_get_staff (amends_staff_row_from_widget (widget))),
                                   AMENDS_RECORD (person));
      else
        widget = create_row (self, person);

      g_ptr_array_add (rows, g_object_ref_sink (widget));
    }

  if (!same_rows (rows, self->rows))
    {
      GtkWidget *people = GTK_WIDGET (self->people_group);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      g_autoptr(GtkWidget) focus = NULL;

      if (root != NULL && gtk_root_get_focus (root) != NULL &&
          gtk_widget_is_ancestor (gtk_root_get_focus (root), people))
        focus = g_object_ref (gtk_root_get_focus (root));

      for (guint i = 0; i < self->rows->len; i++)
        adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->rows, i));
      for (guint i = 0; i < rows->len; i++)
        adw_preferences_group_add (self->people_group, g_ptr_array_index (rows, i));

      if (focus != NULL && gtk_widget_is_ancestor (focus, people))
        {
          if (GTK_IS_TEXT (focus))
            gtk_text_grab_focus_without_selecting (GTK_TEXT (focus));
          else
            gtk_widget_grab_focus (focus);
        }
    }

  g_ptr_array_unref (self->rows);
  self->rows = g_steal_pointer (&rows);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), self->rows->len == 0);
}

static void
on_record_changed_cb (AmendsStaffPage *self,
                      GType            type,
                      gint64           id,
                      AmendsStore     *store)
{
  if (type == AMENDS_TYPE_STAFF)
    self->staff_changed = TRUE;
}

static void
on_changes_committed_cb (AmendsStaffPage *self,
                         AmendsStore     *store)
{
  if (!self->staff_changed)
    return;

  self->staff_changed = FALSE;
  refresh_people (self);
}

/* Adding a person */

static void
on_add_row_apply_cb (AmendsStaffPage *self)
{
  g_autoptr(AmendsStaff) staff = amends_staff_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));

  g_object_set (staff,
                "name", name,
                "role", AMENDS_STAFF_ROLE_FRONT_DESK,
                "active", TRUE,
                NULL);

  if (!amends_store_insert (self->store, AMENDS_RECORD (staff), &error))
    {
      amends_entry_row_set_invalid (self->add_row, NULL, TRUE);
      show_error (self, error);
      return;
    }

  clear_error (self);
  amends_entry_row_set_text_quietly (self->add_row, "");
}

static void
on_add_row_changed_cb (AmendsStaffPage *self)
{
  amends_entry_row_set_invalid (self->add_row, NULL, FALSE);
  clear_error (self);
}

/* GObject */

static void
amends_staff_page_constructed (GObject *object)
{
  AmendsStaffPage *self = (AmendsStaffPage *)object;

  G_OBJECT_CLASS (amends_staff_page_parent_class)->constructed (object);

  g_return_if_fail (AMENDS_IS_STORE (self->store));

  g_signal_connect_object (self->store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self,
                           G_CONNECT_SWAPPED);

  refresh_people (self);
}

static void
amends_staff_page_dispose (GObject *object)
{
  AmendsStaffPage *self = (AmendsStaffPage *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_STAFF_PAGE);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_staff_page_parent_class)->dispose (object);
}

static void
amends_staff_page_finalize (GObject *object)
{
  AmendsStaffPage *self = (AmendsStaffPage *)object;

  g_clear_object (&self->roles);

  G_OBJECT_CLASS (amends_staff_page_parent_class)->finalize (object);
}

static void
amends_staff_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsStaffPage *self = AMENDS_STAFF_PAGE (object);

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
amends_staff_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsStaffPage *self = AMENDS_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_staff_page_class_init (AmendsStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = amends_staff_page_constructed;
  object_class->dispose = amends_staff_page_dispose;
  object_class->finalize = amends_staff_page_finalize;
  object_class->get_property = amends_staff_page_get_property;
  object_class->set_property = amends_staff_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffPage, add_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffPage, people_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffPage, empty_row);
}

static void
amends_staff_page_init (AmendsStaffPage *self)
{
  GtkStringList *roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Connected here rather than in the template, so that
   * `gtk4-builder-tool validate` (suite 'data') can check the file. */
  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (on_add_row_apply_cb), self);
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (on_add_row_apply_cb), self);
  g_signal_connect_swapped (self->add_row, "changed", G_CALLBACK (on_add_row_changed_cb), self);

  gtk_string_list_append (roles, amends_staff_role_to_label (AMENDS_STAFF_ROLE_FRONT_DESK));
  gtk_string_list_append (roles, amends_staff_role_to_label (AMENDS_STAFF_ROLE_MANAGER));
  self->roles = G_LIST_MODEL (roles);

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * amends_staff_page_new:
 * @store: the database whose staff it shows and changes
 *
 * Returns: (transfer floating): a page for an #AdwPreferencesWindow
 */
AmendsStaffPage *
amends_staff_page_new (AmendsStore *store)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_STAFF_PAGE,
                       "store", store,
                       NULL);
}

/**
 * amends_staff_page_get_store:
 *
 * Returns: (transfer none): the store it shows
 */
AmendsStore *
amends_staff_page_get_store (AmendsStaffPage *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_PAGE (self), NULL);

  return self->store;
}
