/* amends-stay-group.c: where the guest stays and when they leave, on a case
 *
 * A room or area, an arrival and a departure: all optional, so that a
 * clinic or a shop, which has none of them, sees one folded row ("Stay",
 * "Optional: …") and nothing more.  A case that has any of them shows the
 * row unfolded; folded, its subtitle says the stay in one line.
 *
 * The group edits its own copy of the case and saves it as the person
 * types (AmendsAutosave), as the customer card does: only these three
 * fields are written, so the editor's own copy and this one never write
 * over each other, and each follows the other's changes through the
 * store.  Times are read as amends_stay_parse_time() reads them, past or
 * to come ("tomorrow 11:00").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-stay-group"

#include "config.h"

#include "amends-stay-group.h"

#include <glib/gi18n.h>

#include "amends-accessible.h"
#include "amends-autosave.h"
#include "amends-case-sidebar.h"
#include "amends-stay.h"
#include "amends-utils.h"

typedef enum
{
  FIELD_ROOM,
  FIELD_ARRIVAL,
  FIELD_DEPARTURE,
  N_FIELDS
} Field;

static const AmendsAutosaveField fields[N_FIELDS] = {
  { "room",         N_("Room or Area"), AMENDS_AUTOSAVE_FIELD_TEXT },
  { "arrival-at",   N_("Arrival"),      AMENDS_AUTOSAVE_FIELD_TEXT },
  { "departure-at", N_("Departure"),    AMENDS_AUTOSAVE_FIELD_TEXT },
};

struct _AmendsStayGroup
{
  GtkWidget        parent_instance;

  AmendsStore     *store;
  AmendsAutosave  *autosave;
  gint64           case_id;
  gboolean         needs_reload;
  char            *errors[N_FIELDS];

  AdwExpanderRow  *stay_row;
  AdwEntryRow     *room_row;
  AdwEntryRow     *arrival_row;
  AdwEntryRow     *departure_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (AmendsStayGroup, amends_stay_group, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static AdwEntryRow *
field_row (AmendsStayGroup *self,
           Field            field)
{
  switch (field)
    {
    case FIELD_ROOM:      return self->room_row;
    case FIELD_ARRIVAL:   return self->arrival_row;
    case FIELD_DEPARTURE: return self->departure_row;
    case N_FIELDS:
    default:              g_return_val_if_reached (NULL);
    }
}

static char *
dup_row_text (AmendsStayGroup *self,
              Field            field)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_row (self, field)))));
}

static AmendsCase *
get_case (AmendsStayGroup *self)
{
  return self->autosave ? AMENDS_CASE (amends_autosave_get_record (self->autosave)) : NULL;
}

/* The time typed in @field: NULL and no error when the row is empty. */
static GDateTime *
read_time (AmendsStayGroup  *self,
           Field             field,
           GDateTime        *now,
           GError          **error)
{
  g_autofree char *text = dup_row_text (self, field);

  if (*text == '\0')
    return NULL;

  return amends_stay_parse_time (text, now, error);
}

static void
update_summary (AmendsStayGroup *self)
{
  AmendsCase *kase = get_case (self);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *summary = NULL;

  if (kase != NULL)
    {
      now = amends_store_dup_now (self->store);
      summary = amends_stay_summarize (kase, now);
    }

  adw_expander_row_set_subtitle (self->stay_row, summary ? summary :
                                 _("Optional: the room or area, and when the guest arrives and leaves"));
}

static void
show_errors (AmendsStayGroup *self)
{
  const char *message = NULL;

  for (guint i = 0; i < N_FIELDS && message == NULL; i++)
    message = self->errors[i];

  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* AmendsAutosave's callbacks */

static GtkWidget *
get_widget_cb (gpointer view,
               guint    index)
{
  return GTK_WIDGET (field_row (view, index));
}

static gboolean
read_field_cb (gpointer   view,
               guint      index,
               GValue    *value,
               GError   **error)
{
  AmendsStayGroup *self = view;
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autoptr(GDateTime) arrival = NULL;
  g_autoptr(GDateTime) departure = NULL;

  if (index == FIELD_ROOM)
    {
      g_autofree char *room = dup_row_text (self, FIELD_ROOM);

      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, *room ? room : NULL);
      return TRUE;
    }

  {
    GError *local_error = NULL;
    GDateTime *typed = read_time (self, index, now, &local_error);

    if (local_error != NULL)
      {
        g_propagate_error (error, local_error);
        return FALSE;
      }
    /* The other one, only to compare: its own errors are its row's. */
    if (index == FIELD_ARRIVAL)
      {
        arrival = typed;
        departure = read_time (self, FIELD_DEPARTURE, now, NULL);
      }
    else
      {
        departure = typed;
        arrival = read_time (self, FIELD_ARRIVAL, now, NULL);
      }
  }

  if (arrival != NULL && departure != NULL && g_date_time_compare (departure, arrival) < 0)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("The departure is before the arrival."));
      return FALSE;
    }

  g_value_init (value, G_TYPE_DATE_TIME);
  g_value_set_boxed (value, index == FIELD_ARRIVAL ? arrival : departure);
  return TRUE;
}

/* Shows the copy's value, leaving alone a row that already holds the same
 * value in other words ("11:00" for today at 11:00). */
static void
show_field_cb (gpointer      view,
               guint         index,
               const GValue *value)
{
  AmendsStayGroup *self = view;
  g_autofree char *shown = dup_row_text (self, index);
  g_autofree char *text = NULL;

  if (index == FIELD_ROOM)
    text = g_value_dup_string (value);
  else if (g_value_get_boxed (value) != NULL)
    {
      g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
      g_autoptr(GDateTime) typed = read_time (self, index, now, NULL);

      if (typed != NULL && g_date_time_equal (typed, g_value_get_boxed (value)))
        return;
      text = amends_stay_format_time (g_value_get_boxed (value), now);
    }

  if (g_strcmp0 (shown, text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (field_row (self, index)), text ? text : "");
}

static char *
describe_value_cb (gpointer      view,
                   guint         index,
                   const GValue *value)
{
  AmendsStayGroup *self = view;
  g_autoptr(GDateTime) now = NULL;

  if (index == FIELD_ROOM)
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
  if (g_value_get_boxed (value) == NULL)
    return g_strdup ("");

  now = amends_store_dup_now (self->store);
  return amends_stay_format_time (g_value_get_boxed (value), now);
}

static void
set_field_error_cb (gpointer    view,
                    guint       index,
                    const char *message)
{
  AmendsStayGroup *self = view;
  AdwEntryRow *row = field_row (self, index);

  g_free (self->errors[index]);
  self->errors[index] = g_strdup (message);

  amends_entry_row_set_invalid (row, self->error_label, message != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
  show_errors (self);
}

static char *
dup_conflict_intro_cb (gpointer      view,
                       AmendsRecord *record,
                       guint         n_conflicts)
{
  return g_strdup_printf (/* Translators: %s is a case's reference */
                          ngettext ("While you were typing, someone else saved another value in this field of %s.",
                                    "While you were typing, someone else saved other values in these fields of %s.",
                                    n_conflicts),
                          amends_case_get_reference (AMENDS_CASE (record)));
}

/* While the server cannot be reached, the case as the list read it, as
 * the editor does. */
static AmendsRecord *
find_listed_cb (gpointer view,
                gint64   id)
{
  return (AmendsRecord *) amends_case_sidebar_dup_listed_case (GTK_WIDGET (view), id);
}

static const AmendsAutosaveFuncs autosave_funcs = {
  .get_widget = get_widget_cb,
  .read_field = read_field_cb,
  .show_field = show_field_cb,
  .describe_value = describe_value_cb,
  .set_field_error = set_field_error_cb,
  .dup_conflict_intro = dup_conflict_intro_cb,
  .find_listed = find_listed_cb,
};

/* Signals */

static void
on_saved_cb (AmendsStayGroup *self)
{
  update_summary (self);
}

static void
on_save_failed_cb (AmendsStayGroup *self,
                   const GError    *error)
{
  /* A conflict is asked about by the autosave; what waits for the
   * server is said by the editor, under its header. */
  if (!g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT) &&
      !g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE))
    g_signal_emit (self, signals [ERROR], 0, error->message);
}

static void
on_row_changed_cb (AmendsStayGroup *self,
                   GtkEditable     *row)
{
  if (self->autosave == NULL)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    if (GTK_EDITABLE (field_row (self, i)) == row)
      amends_autosave_changed (self->autosave, i);
}

static void
on_record_changed_cb (AmendsStayGroup *self,
                      GType            type,
                      gint64           id)
{
  if (type == AMENDS_TYPE_CASE && id == self->case_id && id > 0)
    self->needs_reload = TRUE;
}

/* Once a transaction, as the editor does. */
static void
on_changes_committed_cb (AmendsStayGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->needs_reload || self->autosave == NULL)
    return;

  self->needs_reload = FALSE;
  if (!amends_autosave_reload (self->autosave, &error))
    {
      if (error == NULL)
        return;
      /* Deleted for good: the editor shows no case either. */
      if (g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND))
        amends_stay_group_set_case_id (self, 0);
      else
        g_signal_emit (self, signals [ERROR], 0, error->message);
      return;
    }

  update_summary (self);
}

static void
load_case (AmendsStayGroup *self)
{
  g_autoptr(GError) error = NULL;
  AmendsCase *kase;

  self->needs_reload = FALSE;
  if (!amends_autosave_load (self->autosave, self->case_id, &error))
    g_signal_emit (self, signals [ERROR], 0, error->message);

  /* Unfolded when there is a stay to see; a clinic's case stays folded. */
  kase = get_case (self);
  adw_expander_row_set_expanded (self->stay_row, kase != NULL && !amends_stay_is_empty (kase));
  update_summary (self);
}

/* GObject */

static void
amends_stay_group_dispose (GObject *object)
{
  AmendsStayGroup *self = (AmendsStayGroup *)object;
  GtkWidget *child;

  /* The store outlives us: it must not call back into a disposed group. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->autosave != NULL)
    amends_autosave_close (self->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_STAY_GROUP);
  /* The template's top widget is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->autosave);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_stay_group_parent_class)->dispose (object);
}

static void
amends_stay_group_finalize (GObject *object)
{
  AmendsStayGroup *self = (AmendsStayGroup *)object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->errors[i]);

  G_OBJECT_CLASS (amends_stay_group_parent_class)->finalize (object);
}

static void
amends_stay_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsStayGroup *self = AMENDS_STAY_GROUP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_stay_group_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsStayGroup *self = AMENDS_STAY_GROUP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_value_get_object (value) != NULL)
        amends_stay_group_set_store (self, g_value_get_object (value));
      break;

    case PROP_CASE_ID:
      amends_stay_group_set_case_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_stay_group_class_init (AmendsStayGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_stay_group_dispose;
  object_class->finalize = amends_stay_group_finalize;
  object_class->get_property = amends_stay_group_get_property;
  object_class->set_property = amends_stay_group_set_property;

  /* Set once: the editor that holds the group knows it after its template. */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_STATIC_STRINGS));

  /* 0: no case */
  properties [PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsStayGroup::error:
   * @message: what went wrong, for the person at the desk
   *
   * A change could not be saved; what was typed stays on screen.
   */
  signals [ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-stay-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsStayGroup, stay_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStayGroup, room_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStayGroup, arrival_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStayGroup, departure_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStayGroup, error_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "staygroup");
}

static void
amends_stay_group_init (AmendsStayGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_FIELDS; i++)
    g_signal_connect_swapped (field_row (self, i), "changed", G_CALLBACK (on_row_changed_cb), self);

  /* libadwaita 1.2 names an entry row but not the text inside it, which
   * has the focus when a screen reader speaks. */
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_accessible_update_property (amends_entry_row_get_text (field_row (self, i)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field_row (self, i))),
                                    -1);

  /* The rows the folded row holds are a list of their own to a screen
   * reader: it says what they are. */
  amends_accessible_name_group_list (GTK_WIDGET (self), _("The guest’s room and stay dates"));

  update_summary (self);
}

/**
 * amends_stay_group_set_store:
 *
 * Gives the group its store, once, before any case is shown.
 */
void
amends_stay_group_set_store (AmendsStayGroup *self,
                             AmendsStore     *store)
{
  g_return_if_fail (AMENDS_IS_STAY_GROUP (self));
  g_return_if_fail (AMENDS_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->autosave = amends_autosave_new (store, AMENDS_TYPE_CASE, fields, N_FIELDS,
                                        &autosave_funcs, self,
                                        _("Someone Else Changed This Case"));
  g_signal_connect_object (self->autosave, "saved",
                           G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "failed",
                           G_CALLBACK (on_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

AmendsStore *
amends_stay_group_get_store (AmendsStayGroup *self)
{
  g_return_val_if_fail (AMENDS_IS_STAY_GROUP (self), NULL);

  return self->store;
}

gint64
amends_stay_group_get_case_id (AmendsStayGroup *self)
{
  g_return_val_if_fail (AMENDS_IS_STAY_GROUP (self), 0);

  return self->case_id;
}

/**
 * amends_stay_group_set_case_id:
 * @case_id: the case to show, or 0 for none
 *
 * Saves what was typed for the case shown, then reads the other one.
 */
void
amends_stay_group_set_case_id (AmendsStayGroup *self,
                               gint64           case_id)
{
  g_return_if_fail (AMENDS_IS_STAY_GROUP (self));
  g_return_if_fail (self->store != NULL);

  if (self->case_id == case_id)
    return;

  amends_autosave_save (self->autosave, NULL);
  self->case_id = case_id;
  load_case (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASE_ID]);
}

/**
 * amends_stay_group_get_autosave:
 *
 * Returns: (transfer none) (nullable): what saves the group's fields,
 *   for the editor to say what waits for the server; %NULL before the
 *   store is set
 */
AmendsAutosave *
amends_stay_group_get_autosave (AmendsStayGroup *self)
{
  g_return_val_if_fail (AMENDS_IS_STAY_GROUP (self), NULL);

  return self->autosave;
}

/**
 * amends_stay_group_flush:
 *
 * Saves what was typed now, rather than after the usual pause.  What
 * cannot be saved stays typed.
 *
 * Returns: %TRUE if everything typed is saved
 */
gboolean
amends_stay_group_flush (AmendsStayGroup  *self,
                         GError          **error)
{
  g_return_val_if_fail (AMENDS_IS_STAY_GROUP (self), FALSE);

  if (self->autosave == NULL)
    return TRUE;

  return amends_autosave_flush (self->autosave, error);
}
