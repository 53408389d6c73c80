/* amends-case-selection.c: a multiple selection that holds positions only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-selection"

#include "config.h"

#include "amends-case-selection.h"

/* GtkMultiSelection in GTK 4.8 reads every item it selects: Ctrl+A over a
 * million cases took 24 s.  This selection keeps a bitset of positions and
 * never asks the model for an item, so selecting all is instant.
 *
 * It is also the one model a list view has for its life: a new list is
 * swapped in underneath (amends_case_selection_begin_swap) rather than
 * the view being given a new model. */

struct _AmendsCaseSelection
{
  GObject     parent_instance;

  GType       item_type;
  GListModel *model;          /* NULL: no items */
  GListModel *leaving;        /* during a swap, the list after @model */
  GtkBitset  *selected;
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void amends_case_selection_list_model_init (GListModelInterface *iface);
static void amends_case_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmendsCaseSelection, amends_case_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      amends_case_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      amends_case_selection_selection_model_init))

static GType
amends_case_selection_get_item_type (GListModel *model)
{
  return AMENDS_CASE_SELECTION (model)->item_type;
}

static guint
amends_case_selection_get_n_items (GListModel *model)
{
  AmendsCaseSelection *self = AMENDS_CASE_SELECTION (model);

  return (self->model != NULL ? g_list_model_get_n_items (self->model) : 0) +
         (self->leaving != NULL ? g_list_model_get_n_items (self->leaving) : 0);
}

static gpointer
amends_case_selection_get_item (GListModel *model,
                                guint       position)
{
  AmendsCaseSelection *self = AMENDS_CASE_SELECTION (model);
  guint n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  if (position < n_items)
    return g_list_model_get_item (self->model, position);
  if (self->leaving != NULL)
    return g_list_model_get_item (self->leaving, position - n_items);
  return NULL;
}

static void
amends_case_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = amends_case_selection_get_item_type;
  iface->get_n_items = amends_case_selection_get_n_items;
  iface->get_item = amends_case_selection_get_item;
}

static gboolean
amends_case_selection_is_selected (GtkSelectionModel *model,
                                   guint              position)
{
  return gtk_bitset_contains (AMENDS_CASE_SELECTION (model)->selected, position);
}

static GtkBitset *
amends_case_selection_get_selection_in_range (GtkSelectionModel *model,
                                              guint              position,
                                              guint              n_items)
{
  return gtk_bitset_ref (AMENDS_CASE_SELECTION (model)->selected);
}

/* Every select and unselect of GtkSelectionModel ends here. */
static gboolean
amends_case_selection_set_selection (GtkSelectionModel *model,
                                     GtkBitset         *selected,
                                     GtkBitset         *mask)
{
  AmendsCaseSelection *self = AMENDS_CASE_SELECTION (model);
  g_autoptr(GtkBitset) changes = gtk_bitset_copy (self->selected);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self));
  guint min, max;

  gtk_bitset_difference (changes, selected);
  gtk_bitset_intersect (changes, mask);
  if (n_items == 0)
    gtk_bitset_remove_all (changes);
  else
    gtk_bitset_remove_range (changes, n_items, G_MAXUINT - n_items);
  if (gtk_bitset_is_empty (changes))
    return TRUE;

  gtk_bitset_difference (self->selected, changes);
  min = gtk_bitset_get_minimum (changes);
  max = gtk_bitset_get_maximum (changes);
  gtk_selection_model_selection_changed (model, min, max - min + 1);

  return TRUE;
}

static void
amends_case_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = amends_case_selection_is_selected;
  iface->get_selection_in_range = amends_case_selection_get_selection_in_range;
  iface->set_selection = amends_case_selection_set_selection;
}

static void
on_selection_model_items_changed_cb (AmendsCaseSelection *self,
                                     guint                position,
                                     guint                removed,
                                     guint                added,
                                     GListModel          *model)
{
  gtk_bitset_splice (self->selected, position, removed, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
amends_case_selection_dispose (GObject *object)
{
  AmendsCaseSelection *self = AMENDS_CASE_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->leaving);

  G_OBJECT_CLASS (amends_case_selection_parent_class)->dispose (object);
}

static void
amends_case_selection_finalize (GObject *object)
{
  AmendsCaseSelection *self = AMENDS_CASE_SELECTION (object);

  g_clear_pointer (&self->selected, gtk_bitset_unref);

  G_OBJECT_CLASS (amends_case_selection_parent_class)->finalize (object);
}

static void
amends_case_selection_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AmendsCaseSelection *self = AMENDS_CASE_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_selection_class_init (AmendsCaseSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amends_case_selection_dispose;
  object_class->finalize = amends_case_selection_finalize;
  object_class->get_property = amends_case_selection_get_property;

  /* As GtkMultiSelection's: the list it selects in, %NULL for none. */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amends_case_selection_init (AmendsCaseSelection *self)
{
  self->selected = gtk_bitset_new_empty ();
}

/**
 * amends_case_selection_new:
 * @item_type: the type of the items of every list it will select in
 *
 * Returns: (transfer full): a selection over no list yet
 */
GtkSelectionModel *
amends_case_selection_new (GType item_type)
{
  AmendsCaseSelection *self = g_object_new (AMENDS_TYPE_CASE_SELECTION, NULL);

  self->item_type = item_type;

  return GTK_SELECTION_MODEL (self);
}

/**
 * amends_case_selection_begin_swap:
 * @model: (nullable): the list to select in from now on, of the item type
 *   given at construction
 *
 * Puts @model's items in front of the current list's, which stay, still
 * selected as they were, until amends_case_selection_end_swap().
 *
 * A swap is said as two ::items-changed, the new items added and then the
 * old removed: one signal that removes and adds a million items makes
 * GtkListView ask for each of them.  In between, the caller scrolls the
 * view to the top: GtkListView then binds the row widgets it has to the
 * new items instead of destroying them and building new ones.
 */
void
amends_case_selection_begin_swap (AmendsCaseSelection *self,
                                  GListModel          *model)
{
  guint n_added;

  g_return_if_fail (AMENDS_IS_CASE_SELECTION (self));
  g_return_if_fail (self->leaving == NULL);
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));
  g_return_if_fail (model == NULL ||
                    g_type_is_a (g_list_model_get_item_type (model), self->item_type));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  self->leaving = g_steal_pointer (&self->model);

  if (model != NULL)
    self->model = g_object_ref (model);
  n_added = model != NULL ? g_list_model_get_n_items (model) : 0;
  if (n_added > 0)
    {
      gtk_bitset_splice (self->selected, 0, 0, n_added);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_added);
    }
}

/**
 * amends_case_selection_end_swap:
 *
 * Lets go of the list amends_case_selection_begin_swap() replaced.
 */
void
amends_case_selection_end_swap (AmendsCaseSelection *self)
{
  guint n_kept, n_removed;

  g_return_if_fail (AMENDS_IS_CASE_SELECTION (self));

  n_kept = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  n_removed = self->leaving != NULL ? g_list_model_get_n_items (self->leaving) : 0;
  g_clear_object (&self->leaving);
  if (n_removed > 0)
    {
      gtk_bitset_splice (self->selected, n_kept, n_removed, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), n_kept, n_removed, 0);
    }

  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed",
                              G_CALLBACK (on_selection_model_items_changed_cb), self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}
