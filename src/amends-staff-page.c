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

#include "config.h"

#include <glib/gi18n.h>

#include "amends-staff-page.h"

#define STAFF_ROW_KEY "amends-staff-row"

/* The widgets of one person's row.  It lives as long as the row (object
 * data on the AdwExpanderRow).  The widgets are bound to @staff, which a
 * refresh updates with amends_record_copy_fields(), so that only what
 * changed is touched and an expanded row stays open. */
typedef struct
{
  AmendsStaffPage *page;          /* weak */
  AmendsStaff     *staff;
  AdwExpanderRow  *row;           /* owns this struct */
  AdwAvatar       *avatar;
  AdwEntryRow     *name_row;
  AdwEntryRow     *team_row;
  AdwComboRow     *role_row;
  GtkSwitch       *active_switch;
} StaffRow;

struct _AmendsStaffPage
{
  AdwPreferencesPage   parent_instance;

  AmendsStore         *store;
  /* The roles' labels, in the order of AmendsStaffRole. */
  GListModel          *roles;

  /* The AdwExpanderRows in the order shown, one a person. */
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

/* Entry rows */

static AdwEntryRow *
entry_row_new (const char *title)
{
  AdwEntryRow *entry_row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry_row), title);
  adw_entry_row_set_show_apply_button (entry_row, TRUE);

  return entry_row;
}

/* AdwEntryRow reveals its apply button whenever its text changes while it
 * has the focus, also when the program sets it; turning the button off
 * and on again hides it, which is right for a value that is now saved. */
static void
entry_row_set_text_quietly (AdwEntryRow *entry_row,
                            const char  *text)
{
  if (text == NULL)
    text = "";

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry_row)), text) == 0)
    return;

  adw_entry_row_set_show_apply_button (entry_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  adw_entry_row_set_show_apply_button (entry_row, TRUE);
}

static void
entry_row_set_invalid (AdwEntryRow *entry_row,
                       gboolean     invalid)
{
  if (invalid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static char *
dup_stripped_text (AdwEntryRow *entry_row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry_row))));
}

/* One person's row */

static StaffRow *
staff_row_from_widget (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), STAFF_ROW_KEY);
}

static gint64
staff_row_get_id (StaffRow *row)
{
  return amends_record_get_id (AMENDS_RECORD (row->staff));
}

static void
staff_row_free (gpointer data)
{
  StaffRow *row = data;

  if (row->page != NULL)
    g_object_remove_weak_pointer (G_OBJECT (row->page), (gpointer *) &row->page);
  g_signal_handlers_disconnect_by_data (row->staff, row);
  g_clear_object (&row->staff);
  g_free (row);
}

/* Loads the person afresh and changes only what was asked, so that a
 * change made meanwhile in another window is not written back over. */
static gboolean
staff_row_save (StaffRow   *row,
                const char *first_property,
                ...) G_GNUC_NULL_TERMINATED;

static gboolean
staff_row_save (StaffRow   *row,
                const char *first_property,
                ...)
{
  AmendsStaffPage *self = row->page;
  g_autoptr(AmendsStaff) stored = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  if (self == NULL || self->store == NULL)
    return FALSE;

  stored = amends_store_load (self->store, AMENDS_TYPE_STAFF, staff_row_get_id (row), &error);
  if (stored != NULL)
    {
      va_start (args, first_property);
      g_object_set_valist (G_OBJECT (stored), first_property, args);
      va_end (args);

      if (amends_store_update (self->store, AMENDS_RECORD (stored), &error))
        {
          clear_error (self);
          return TRUE;
        }
    }

  show_error (self, error);
  return FALSE;
}

static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *a_folded = g_utf8_casefold (a, -1);
  g_autofree char *b_folded = g_utf8_casefold (b, -1);

  return g_strcmp0 (a_folded, b_folded) == 0;
}

static char *
staff_summary (AmendsStaff *staff)
{
  const char *team = amends_staff_get_team (staff);
  const char *role = amends_staff_role_to_label (amends_staff_get_role (staff));
  const char *parts[4];
  guint n = 0;

  /* A team called "Front desk" need not be followed by the role "Front desk". */
  if (team != NULL && *team != '\0' && !same_words (team, role))
    parts[n++] = team;
  parts[n++] = role;
  if (!amends_staff_get_active (staff))
    parts[n++] = _("Inactive");
  parts[n] = NULL;

  /* Translators: between the team, the role and "Inactive" under a
   * person's name, as in "Night shift · Front desk · Inactive" */
  return g_strjoinv (_(" · "), (char **) parts);
}

static void
on_staff_notify_cb (StaffRow *row)
{
  g_autofree char *summary = staff_summary (row->staff);
  gboolean active = amends_staff_get_active (row->staff);

  adw_expander_row_set_subtitle (row->row, summary);

  if (active)
    gtk_widget_remove_css_class (GTK_WIDGET (row->avatar), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row->avatar), "dim-label");
}

static void
on_staff_name_cb (StaffRow *row)
{
  entry_row_set_text_quietly (row->name_row, amends_staff_get_name (row->staff));
  entry_row_set_invalid (row->name_row, FALSE);
}

static void
on_staff_team_cb (StaffRow *row)
{
  entry_row_set_text_quietly (row->team_row, amends_staff_get_team (row->staff));
}

static void
on_name_apply_cb (StaffRow *row)
{
  g_autofree char *name = dup_stripped_text (row->name_row);

  if (g_strcmp0 (name, amends_staff_get_name (row->staff)) == 0)
    {
      /* Nothing to save, but spaces typed around the name go. */
      on_staff_name_cb (row);
      return;
    }

  /* An empty name goes to the store too: its refusal is the message. */
  if (!staff_row_save (row, "name", name, NULL))
    entry_row_set_invalid (row->name_row, TRUE);
}

static void
on_name_changed_cb (StaffRow *row)
{
  entry_row_set_invalid (row->name_row, FALSE);
}

static void
on_team_apply_cb (StaffRow *row)
{
  g_autofree char *team = dup_stripped_text (row->team_row);

  if (g_strcmp0 (team, amends_staff_get_team (row->staff)) == 0 ||
      (*team == '\0' && amends_staff_get_team (row->staff) == NULL))
    {
      on_staff_team_cb (row);
      return;
    }

  staff_row_save (row, "team", *team != '\0' ? team : NULL, NULL);
}

static void
on_role_selected_cb (StaffRow *row)
{
  guint selected = adw_combo_row_get_selected (row->role_row);
  AmendsStaffRole role = amends_staff_get_role (row->staff);

  if (selected == GTK_INVALID_LIST_POSITION || selected == (guint) role)
    return;

  if (!staff_row_save (row, "role", (AmendsStaffRole) selected, NULL))
    adw_combo_row_set_selected (row->role_row, role);
}

static void
on_active_switch_cb (StaffRow *row)
{
  gboolean active = gtk_switch_get_active (row->active_switch);
  gboolean stored = amends_staff_get_active (row->staff);

  if (active == stored)
    return;

  if (!staff_row_save (row, "active", active, NULL))
    gtk_switch_set_active (row->active_switch, stored);
}

static gboolean
role_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static GtkWidget *
staff_row_new (AmendsStaffPage *self,
               AmendsStaff     *staff)
{
  StaffRow *row = g_new0 (StaffRow, 1);
  GtkWidget *active_row;

  row->page = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &row->page);
  row->staff = g_object_ref (staff);

  /* A name is text, never markup: "Tom & Jerry" must show as typed. */
  row->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  g_object_set_data_full (G_OBJECT (row->row), STAFF_ROW_KEY, row, staff_row_free);

  row->avatar = g_object_new (ADW_TYPE_AVATAR,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                              "size", 32,
                              "show-initials", TRUE,
                              NULL);
  adw_expander_row_add_prefix (row->row, GTK_WIDGET (row->avatar));

  row->name_row = entry_row_new (_("Name"));
  adw_entry_row_set_input_purpose (row->name_row, GTK_INPUT_PURPOSE_NAME);
  adw_entry_row_set_input_hints (row->name_row, GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_UPPERCASE_WORDS);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->name_row));

  row->team_row = entry_row_new (_("Team or Location"));
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->team_row));

  row->role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->role_row), _("Role"));
  adw_combo_row_set_model (row->role_row, self->roles);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->role_row));

  active_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (active_row), _("Active"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (active_row),
                               _("Only active people can be picked at the desk or as an owner. Their history stays either way."));
  row->active_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->active_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->active_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Active"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (active_row), GTK_WIDGET (row->active_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (active_row), GTK_WIDGET (row->active_switch));
  adw_expander_row_add_row (row->row, active_row);

  g_object_bind_property (row->staff, "name", row->row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (row->staff, "name", row->avatar, "text", G_BINDING_SYNC_CREATE);
  g_object_bind_property (row->staff, "active", row->active_switch, "active", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (row->staff, "role", row->role_row, "selected",
                               G_BINDING_SYNC_CREATE,
                               role_to_selected, NULL, NULL, NULL);
  g_signal_connect_swapped (row->staff, "notify", G_CALLBACK (on_staff_notify_cb), row);
  g_signal_connect_swapped (row->staff, "notify::name", G_CALLBACK (on_staff_name_cb), row);
  g_signal_connect_swapped (row->staff, "notify::team", G_CALLBACK (on_staff_team_cb), row);
  on_staff_notify_cb (row);
  on_staff_name_cb (row);
  on_staff_team_cb (row);

  /* Connected after the bindings' first values, which are no change. */
  g_signal_connect_swapped (row->name_row, "apply", G_CALLBACK (on_name_apply_cb), row);
  g_signal_connect_swapped (row->name_row, "entry-activated", G_CALLBACK (on_name_apply_cb), row);
  g_signal_connect_swapped (row->name_row, "changed", G_CALLBACK (on_name_changed_cb), row);
  g_signal_connect_swapped (row->team_row, "apply", G_CALLBACK (on_team_apply_cb), row);
  g_signal_connect_swapped (row->team_row, "entry-activated", G_CALLBACK (on_team_apply_cb), row);
  g_signal_connect_swapped (row->role_row, "notify::selected", G_CALLBACK (on_role_selected_cb), row);
  g_signal_connect_swapped (row->active_switch, "notify::active", G_CALLBACK (on_active_switch_cb), row);

  return GTK_WIDGET (row->row);
}

/* The list */

static GtkWidget *
find_row (GPtrArray *rows,
          gint64     staff_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (rows, i);

      if (staff_row_get_id (staff_row_from_widget (widget)) == staff_id)
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
        amends_record_copy_fields (AMENDS_RECORD (staff_row_from_widget (widget)->staff),
                                   AMENDS_RECORD (person));
      else
        widget = staff_row_new (self, person);

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
  g_autofree char *name = dup_stripped_text (self->add_row);

  g_object_set (staff,
                "name", name,
                "role", AMENDS_STAFF_ROLE_FRONT_DESK,
                "active", TRUE,
                NULL);

  if (!amends_store_insert (self->store, AMENDS_RECORD (staff), &error))
    {
      entry_row_set_invalid (self->add_row, TRUE);
      show_error (self, error);
      return;
    }

  clear_error (self);
  entry_row_set_text_quietly (self->add_row, "");
}

static void
on_add_row_changed_cb (AmendsStaffPage *self)
{
  entry_row_set_invalid (self->add_row, FALSE);
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
