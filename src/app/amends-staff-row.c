/* amends-staff-row.c: one person on the staff page
 *
 * An AdwExpanderRow, built from amends-staff-row.ui, and this object,
 * which the row owns (amends_staff_row_from_widget()).  It is not a
 * subclass of AdwExpanderRow: in libadwaita 1.2 the expander row's own
 * template binds its header to the row by class name, which a subclass
 * breaks (its title would be read as markup, its switch shown).
 *
 * The row shows a copy of the person, which the page refreshes with
 * amends_record_copy_fields() so that only what changed is touched and an
 * expanded row stays open.  A name or a team is changed when the person
 * presses Enter or the row's apply button, a role or "Active" at once:
 * the row asks for each change with ::change, and the page saves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-staff-row"

#include "config.h"

#include "amends-staff-row.h"

#include <glib/gi18n.h>
#include <gobject/gvaluecollector.h>

#include "amends-staff-page.h"
#include "amends-staff-record.h"
#include "amends-utils.h"

#define ROW_KEY "amends-staff-row"

struct _AmendsStaffRow
{
  GObject         parent_instance;

  AmendsStaff    *staff;
  GListModel     *roles;

  /* Owned by the expander row, which owns us. */
  AdwExpanderRow *row;
  AdwAvatar      *avatar;
  AdwEntryRow    *name_row;
  AdwEntryRow    *team_row;
  AdwComboRow    *role_row;
  GtkSwitch      *active_switch;
  GtkSwitch      *lead_switch;
};

G_DEFINE_FINAL_TYPE (AmendsStaffRow, amends_staff_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAFF,
  PROP_ROLES,
  N_PROPS
};

enum {
  CHANGE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Asks for @property to be changed to the value that follows; FALSE when
 * it was not. */
static gboolean
change (AmendsStaffRow *self,
        const char     *property,
        ...)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->staff), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  gboolean changed = FALSE;
  va_list args;

  va_start (args, property);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
  va_end (args);
  g_return_val_if_fail (error == NULL, FALSE);

  g_signal_emit (self, signals [CHANGE], 0, property, &value, &changed);

  return changed;
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
describe (AmendsStaff *staff)
{
  const char *team = amends_staff_get_team (staff);
  const char *role = amends_staff_role_to_label (amends_staff_get_role (staff));
  const char *parts[5];
  guint n = 0;

  /* A team called "Front desk" need not be followed by the role "Front desk". */
  if (team != NULL && *team != '\0' && !same_words (team, role))
    parts[n++] = team;
  parts[n++] = role;
  if (amends_staff_get_lead (staff))
    /* Translators: under a person's name in Preferences → Staff */
    parts[n++] = _("Team lead");
  if (!amends_staff_get_active (staff))
    parts[n++] = _("Inactive");
  parts[n] = NULL;

  /* Translators: between the team, the role and "Inactive" under a
   * person's name, as in "Night shift · Front desk · Inactive" */
  return g_strjoinv (_(" · "), (char **) parts);
}

static void
on_staff_notify_cb (AmendsStaffRow *self)
{
  g_autofree char *subtitle = describe (self->staff);

  adw_expander_row_set_subtitle (self->row, subtitle);

  if (amends_staff_get_active (self->staff))
    gtk_widget_remove_css_class (GTK_WIDGET (self->avatar), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->avatar), "dim-label");
}

static void
on_staff_name_cb (AmendsStaffRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), amends_staff_get_name (self->staff));
  adw_avatar_set_text (self->avatar, amends_staff_get_name (self->staff));
  amends_entry_row_set_text_quietly (self->name_row, amends_staff_get_name (self->staff));
  amends_entry_row_set_invalid (self->name_row, NULL, FALSE);
}

static void
on_staff_team_cb (AmendsStaffRow *self)
{
  amends_entry_row_set_text_quietly (self->team_row, amends_staff_get_team (self->staff));
}

static void
on_name_apply_cb (AmendsStaffRow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (g_strcmp0 (name, amends_staff_get_name (self->staff)) == 0)
    {
      /* Nothing to save, but spaces typed around the name go. */
      on_staff_name_cb (self);
      return;
    }

  /* An empty name goes to the store too: its refusal is the message. */
  if (!change (self, "name", name))
    amends_entry_row_set_invalid (self->name_row, NULL, TRUE);
}

static void
on_name_changed_cb (AmendsStaffRow *self)
{
  amends_entry_row_set_invalid (self->name_row, NULL, FALSE);
}

static void
on_team_apply_cb (AmendsStaffRow *self)
{
  g_autofree char *team = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->team_row))));

  if (g_strcmp0 (team, amends_staff_get_team (self->staff)) == 0 ||
      (*team == '\0' && amends_staff_get_team (self->staff) == NULL))
    {
      on_staff_team_cb (self);
      return;
    }

  change (self, "team", *team != '\0' ? team : NULL);
}

static void
on_role_selected_cb (AmendsStaffRow *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);
  AmendsStaffRole role = amends_staff_get_role (self->staff);

  if (selected == GTK_INVALID_LIST_POSITION || selected == (guint) role)
    return;

  if (!change (self, "role", (AmendsStaffRole) selected))
    adw_combo_row_set_selected (self->role_row, role);
}

static void
on_active_switch_cb (AmendsStaffRow *self)
{
  gboolean active = gtk_switch_get_active (self->active_switch);
  gboolean stored = amends_staff_get_active (self->staff);

  if (active == stored)
    return;

  if (!change (self, "active", active))
    gtk_switch_set_active (self->active_switch, stored);
}

static void
on_lead_switch_cb (AmendsStaffRow *self)
{
  gboolean lead = gtk_switch_get_active (self->lead_switch);
  gboolean stored = amends_staff_get_lead (self->staff);

  if (lead == stored)
    return;

  if (!change (self, "lead", lead))
    gtk_switch_set_active (self->lead_switch, stored);
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

/* Their recovery record, in a window of its own (amends-staff-record.c). */
static void
on_record_clicked_cb (AmendsStaffRow *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self->row), AMENDS_TYPE_STAFF_PAGE);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->row));

  if (page != NULL && amends_staff_page_get_store (AMENDS_STAFF_PAGE (page)) != NULL)
    gtk_window_present (GTK_WINDOW (amends_staff_record_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             amends_staff_page_get_store (AMENDS_STAFF_PAGE (page)),
                                                             amends_record_get_id (AMENDS_RECORD (self->staff)))));
}

static void
build_row (AmendsStaffRow *self)
{
  GtkBuilder *builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/amends-staff-row.ui");

  self->row = ADW_EXPANDER_ROW (g_object_ref (gtk_builder_get_object (builder, "row")));
  self->avatar = ADW_AVATAR (gtk_builder_get_object (builder, "avatar"));
  self->name_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "name_row"));
  self->team_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "team_row"));
  self->role_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "role_row"));
  self->active_switch = GTK_SWITCH (gtk_builder_get_object (builder, "active_switch"));
  self->lead_switch = GTK_SWITCH (gtk_builder_get_object (builder, "lead_switch"));
  g_signal_connect_swapped (gtk_builder_get_object (builder, "record_button"), "clicked",
                            G_CALLBACK (on_record_clicked_cb), self);

  g_object_unref (builder);

  /* The row owns us from now on, and is floating as a new widget is: the
   * reference we took from the builder is the caller's to sink. */
  g_object_set_data_full (G_OBJECT (self->row), ROW_KEY, self, g_object_unref);
  g_object_force_floating (G_OBJECT (self->row));
}

static void
amends_staff_row_constructed (GObject *object)
{
  AmendsStaffRow *self = (AmendsStaffRow *)object;

  G_OBJECT_CLASS (amends_staff_row_parent_class)->constructed (object);

  g_return_if_fail (AMENDS_IS_STAFF (self->staff));

  build_row (self);

  adw_combo_row_set_model (self->role_row, self->roles);
  g_object_bind_property (self->staff, "active", self->active_switch, "active", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->staff, "lead", self->lead_switch, "active", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->staff, "role", self->role_row, "selected",
                               G_BINDING_SYNC_CREATE, role_to_selected, NULL, NULL, NULL);
  g_signal_connect_object (self->staff, "notify", G_CALLBACK (on_staff_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff, "notify::name", G_CALLBACK (on_staff_name_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff, "notify::team", G_CALLBACK (on_staff_team_cb), self, G_CONNECT_SWAPPED);
  on_staff_notify_cb (self);
  on_staff_name_cb (self);
  on_staff_team_cb (self);

  /* Connected after the bindings' first values, which are no change. */
  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (on_name_apply_cb), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (on_name_apply_cb), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect_swapped (self->team_row, "apply", G_CALLBACK (on_team_apply_cb), self);
  g_signal_connect_swapped (self->team_row, "entry-activated", G_CALLBACK (on_team_apply_cb), self);
  g_signal_connect_swapped (self->role_row, "notify::selected", G_CALLBACK (on_role_selected_cb), self);
  g_signal_connect_swapped (self->active_switch, "notify::active", G_CALLBACK (on_active_switch_cb), self);
  g_signal_connect_swapped (self->lead_switch, "notify::active", G_CALLBACK (on_lead_switch_cb), self);
}

static void
amends_staff_row_dispose (GObject *object)
{
  AmendsStaffRow *self = (AmendsStaffRow *)object;

  g_clear_object (&self->staff);
  g_clear_object (&self->roles);

  G_OBJECT_CLASS (amends_staff_row_parent_class)->dispose (object);
}

static void
amends_staff_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmendsStaffRow *self = AMENDS_STAFF_ROW (object);

  switch (prop_id)
    {
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_ROLES:
      g_value_set_object (value, self->roles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_staff_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AmendsStaffRow *self = AMENDS_STAFF_ROW (object);

  switch (prop_id)
    {
    case PROP_STAFF:
      self->staff = g_value_dup_object (value);
      break;

    case PROP_ROLES:
      self->roles = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_staff_row_class_init (AmendsStaffRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = amends_staff_row_constructed;
  object_class->dispose = amends_staff_row_dispose;
  object_class->get_property = amends_staff_row_get_property;
  object_class->set_property = amends_staff_row_set_property;

  /* The row's own copy, which the page refreshes in place. */
  properties [PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL,
                         AMENDS_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The roles' labels, in the order of AmendsStaffRole. */
  properties [PROP_ROLES] =
    g_param_spec_object ("roles", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsStaffRow::change:
   * @property: the property of the person to change
   * @value: its new value
   *
   * The person at the desk changed something about the person in the
   * row; the handler saves it.
   *
   * Returns: %TRUE if it was saved; else the row shows what is stored
   */
  signals [CHANGE] =
    g_signal_new ("change",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 2,
                  G_TYPE_STRING,
                  G_TYPE_VALUE | G_SIGNAL_TYPE_STATIC_SCOPE);

}

static void
amends_staff_row_init (AmendsStaffRow *self)
{
}

/**
 * amends_staff_row_new:
 *
 * Returns: (transfer none): the person's row, floating as a new widget is;
 *   amends_staff_row_from_widget() gives this object back from it
 */
GtkWidget *
amends_staff_row_new (AmendsStaff *staff,
                      GListModel  *roles)
{
  AmendsStaffRow *self;

  g_return_val_if_fail (AMENDS_IS_STAFF (staff), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (roles), NULL);

  self = g_object_new (AMENDS_TYPE_STAFF_ROW, "staff", staff, "roles", roles, NULL);

  return GTK_WIDGET (self->row);
}

/**
 * amends_staff_row_from_widget:
 *
 * Returns: (transfer none): the row's own object
 */
AmendsStaffRow *
amends_staff_row_from_widget (GtkWidget *widget)
{
  g_return_val_if_fail (ADW_IS_EXPANDER_ROW (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), ROW_KEY);
}

/**
 * amends_staff_row_get_staff:
 *
 * Returns: (transfer none): the row's copy of the person
 */
AmendsStaff *
amends_staff_row_get_staff (AmendsStaffRow *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROW (self), NULL);

  return self->staff;
}
