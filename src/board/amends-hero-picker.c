/* amends-hero-picker.c: choosing who put things right
 *
 * A row for each member of staff, with a check button to make them a
 * hero of the story.  Someone who has left stays a hero of what they did,
 * but is not offered for new stories.  ::changed says the choice changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-hero-picker"

#include "config.h"

#include "amends-hero-picker.h"

struct _AmendsHeroPicker
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;     /* AdwActionRow, with "staff-id" and "check" */
};

G_DEFINE_FINAL_TYPE (AmendsHeroPicker, amends_hero_picker, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
id_in (GArray *ids,
       gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static void
on_toggled_cb (AmendsHeroPicker *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static GtkWidget *
create_row (AmendsHeroPicker *self,
            AmendsStaff      *person,
            gboolean          is_hero)
{
  gint64 id = amends_record_get_id (AMENDS_RECORD (person));
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_hero);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, amends_staff_get_name (person),
                                  -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_toggled_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amends_staff_get_name (person));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (amends_staff_get_team (person) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), amends_staff_get_team (person));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "staff-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);

  return row;
}

static void
amends_hero_picker_dispose (GObject *object)
{
  AmendsHeroPicker *self = (AmendsHeroPicker *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (amends_hero_picker_parent_class)->dispose (object);
}

static void
amends_hero_picker_class_init (AmendsHeroPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amends_hero_picker_dispose;

  /**
   * AmendsHeroPicker::changed:
   *
   * Someone was made a hero, or is not one any more.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
amends_hero_picker_init (AmendsHeroPicker *self)
{
  self->rows = g_ptr_array_new ();
}

/**
 * amends_hero_picker_load:
 * @heroes: (element-type gint64) (nullable): the staff chosen at first
 *
 * Offers the staff of @store, with @heroes chosen.
 *
 * Returns: %FALSE if the staff could not be read
 */
gboolean
amends_hero_picker_load (AmendsHeroPicker  *self,
                         AmendsStore       *store,
                         GArray            *heroes,
                         GError           **error)
{
  g_autoptr(GListModel) staff = NULL;

  g_return_val_if_fail (AMENDS_IS_HERO_PICKER (self), FALSE);
  g_return_val_if_fail (AMENDS_IS_STORE (store), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);

  if (!(staff = amends_store_list_staff (store, TRUE, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) person = g_list_model_get_item (staff, i);
      gboolean is_hero = id_in (heroes, amends_record_get_id (AMENDS_RECORD (person)));
      GtkWidget *row;

      if (!amends_staff_get_active (person) && !is_hero)
        continue;

      row = create_row (self, person, is_hero);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  return TRUE;
}

/**
 * amends_hero_picker_dup_chosen:
 *
 * Returns: (transfer full) (element-type gint64): the staff chosen
 */
GArray *
amends_hero_picker_dup_chosen (AmendsHeroPicker *self)
{
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (AMENDS_IS_HERO_PICKER (self), chosen);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = self->rows->pdata[i];

      if (gtk_check_button_get_active (g_object_get_data (row, "check")))
        g_array_append_val (chosen, *(gint64 *) g_object_get_data (row, "staff-id"));
    }

  return chosen;
}
