/* amends-customer-card.c: who the customer is, what would delight them, and their earlier cases
 *
 * Below them, the other cases of the same room or area, with or without
 * a customer: the room that keeps going wrong is a cause to fix.  Only
 * the newest few are read (an indexed, LIMITed query), as a room may
 * have hundreds over the years.
 *
 * The card edits its own copy of the customer and saves it as the person
 * types, as the case editor does (AmendsAutosave): only the fields typed
 * in, asking about a conflict with someone else's change.  A name left
 * empty is refused on the spot and not written; the other fields still
 * are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-customer-card"

#include "config.h"

#include "amends-customer-card.h"

#include <glib/gi18n.h>

#include "amends-autosave.h"

/* The room's other cases shown: the newest, enough to see a pattern. */
#define ROOM_CASES_LIMIT 5

typedef enum
{
  FIELD_NAME,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_NOTES,
  N_FIELDS
} Field;

static const AmendsAutosaveField fields[N_FIELDS] = {
  { "name",  N_("Name"),  AMENDS_AUTOSAVE_FIELD_TEXT },
  { "phone", N_("Phone"), AMENDS_AUTOSAVE_FIELD_TEXT },
  { "email", N_("Email"), AMENDS_AUTOSAVE_FIELD_TEXT },
  { "notes", N_("Notes"), AMENDS_AUTOSAVE_FIELD_TEXT },
};

struct _AmendsCustomerCard
{
  GtkWidget        parent_instance;

  AmendsStore     *store;
  AmendsAutosave  *autosave;
  gint64           customer_id;
  gint64           current_case_id;
  char            *room;

  gboolean         needs_reload;
  gboolean         needs_cases;

  GtkStack        *stack;
  AdwEntryRow     *name_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *email_row;
  GtkTextView     *notes_view;
  GtkTextBuffer   *notes_buffer;
  GtkLabel        *name_error_label;
  AdwPreferencesGroup *cases_group;
  GtkListBox      *cases_list;
  AdwPreferencesGroup *room_group;
  GtkListBox      *room_list;
};

G_DEFINE_FINAL_TYPE (AmendsCustomerCard, amends_customer_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  PROP_CURRENT_CASE_ID,
  PROP_ROOM,
  N_PROPS
};

enum {
  CASE_ACTIVATED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GtkWidget *
field_widget (AmendsCustomerCard *self,
              Field               field)
{
  switch (field)
    {
    case FIELD_NAME:  return GTK_WIDGET (self->name_row);
    case FIELD_PHONE: return GTK_WIDGET (self->phone_row);
    case FIELD_EMAIL: return GTK_WIDGET (self->email_row);
    case FIELD_NOTES: return GTK_WIDGET (self->notes_view);
    case N_FIELDS:
    default:          g_return_val_if_reached (NULL);
    }
}

static char *
field_dup_text (AmendsCustomerCard *self,
                Field               field)
{
  GtkTextIter start, end;

  if (field != FIELD_NOTES)
    return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_widget (self, field)))));

  gtk_text_buffer_get_bounds (self->notes_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->notes_buffer, &start, &end, FALSE);
}

static void
set_name_error (AmendsCustomerCard *self,
                const char         *message)
{
  GtkWidget *row = GTK_WIDGET (self->name_row);

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_widget_set_tooltip_text (row, message);
  gtk_label_set_label (self->name_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->name_error_label), message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
report_error (AmendsCustomerCard *self,
              const GError       *error)
{
  g_signal_emit (self, signals [ERROR], 0, error->message);
}

static GtkWidget *
get_widget_cb (gpointer view,
               guint    index)
{
  return field_widget (view, index);
}

static gboolean
read_field_cb (gpointer   view,
               guint      index,
               GValue    *value,
               GError   **error)
{
  g_autofree char *text = field_dup_text (view, index);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (index == FIELD_NAME && *stripped == '\0')
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("A customer needs a name."));
      return FALSE;
    }

  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, *stripped ? text : NULL);

  return TRUE;
}

static void
show_field_cb (gpointer      view,
               guint         index,
               const GValue *value)
{
  AmendsCustomerCard *self = view;
  const char *text = g_value_get_string (value);
  g_autofree char *shown = field_dup_text (self, index);

  if (g_strcmp0 (text ? text : "", shown) == 0)
    return;

  if (index == FIELD_NOTES)
    gtk_text_buffer_set_text (self->notes_buffer, text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field_widget (self, index)), text ? text : "");
}

static char *
describe_value_cb (gpointer      view,
                   guint         index,
                   const GValue *value)
{
  return g_value_dup_string (value);
}

static void
set_field_error_cb (gpointer    view,
                    guint       index,
                    const char *message)
{
  if (index == FIELD_NAME)
    set_name_error (view, message);
}

static char *
dup_conflict_intro_cb (gpointer      view,
                       AmendsRecord *record,
                       guint         n_conflicts)
{
  return g_strdup_printf (/* Translators: %s is a customer's name */
                          _("While you were typing, someone else saved something else about %s."),
                          amends_customer_get_name (AMENDS_CUSTOMER (record)));
}

static const AmendsAutosaveFuncs autosave_funcs = {
  .get_widget = get_widget_cb,
  .read_field = read_field_cb,
  .show_field = show_field_cb,
  .describe_value = describe_value_cb,
  .set_field_error = set_field_error_cb,
  .dup_conflict_intro = dup_conflict_intro_cb,
};

static void
on_save_failed_cb (AmendsCustomerCard *self,
                   const GError       *error)
{
  /* A conflict is asked about by the autosave; what waits for the
   * server is said by the editor, under its header. */
  if (!g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT) &&
      !g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE))
    report_error (self, error);
}

static void
on_name_changed_cb (AmendsCustomerCard *self)
{
  amends_autosave_changed (self->autosave, FIELD_NAME);
}

static void
on_phone_changed_cb (AmendsCustomerCard *self)
{
  amends_autosave_changed (self->autosave, FIELD_PHONE);
}

static void
on_email_changed_cb (AmendsCustomerCard *self)
{
  amends_autosave_changed (self->autosave, FIELD_EMAIL);
}

static void
on_notes_changed_cb (AmendsCustomerCard *self)
{
  amends_autosave_changed (self->autosave, FIELD_NOTES);
}

static GtkWidget *
find_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_TEXT (child) ? child : find_text (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* libadwaita 1.2 names an entry row but not the text inside it, which is
 * what has the focus when a screen reader speaks. */
static void
name_entry_text (AdwEntryRow *row)
{
  GtkWidget *text = find_text (GTK_WIDGET (row));

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                    -1);
}

static char *
describe_case (AmendsCase *kase)
{
  GDateTime *when = amends_case_get_occurred_at (kase);
  /* Translators: a date in an earlier case's row, a g_date_time_format() format: "25 Nov 2026" */
  g_autofree char *date = when ? g_date_time_format (when, _("%-d %b %Y")) : g_strdup ("");

  /* Translators: an earlier case: its reference, when it happened and its
   * status, as in "C-2026-00012 · 12 Oct 2026 · Closed" */
  return g_strdup_printf (_("%s · %s · %s"),
                          amends_case_get_reference (kase),
                          date,
                          amends_case_status_to_label (amends_case_get_status (kase)));
}

static GtkWidget *
create_case_row (gpointer item,
                 gpointer user_data)
{
  AmendsCase *kase = item;
  g_autofree char *subtitle = describe_case (kase);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amends_case_get_summary (kase));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open this case"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "case", g_object_ref (kase), g_object_unref);

  return row;
}

static void
on_case_row_activated_cb (GtkListBox         *list,
                          GtkListBoxRow      *row,
                          AmendsCustomerCard *self)
{
  AmendsRecord *kase = g_object_get_data (G_OBJECT (row), "case");

  if (kase != NULL)
    g_signal_emit (self, signals [CASE_ACTIVATED], 0, amends_record_get_id (kase));
}

static void
load_cases (AmendsCustomerCard *self)
{
  g_autoptr(GListStore) earlier = g_list_store_new (AMENDS_TYPE_CASE);
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;

  self->needs_cases = FALSE;

  if (self->customer_id > 0)
    cases = amends_store_list_customer_cases (self->store, self->customer_id, &error);
  if (error != NULL)
    report_error (self, error);

  for (guint i = 0; cases != NULL && i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(AmendsRecord) kase = g_list_model_get_item (cases, i);

      if (amends_record_get_id (kase) != self->current_case_id)
        g_list_store_append (earlier, kase);
    }

  gtk_list_box_bind_model (self->cases_list, G_LIST_MODEL (earlier),
                           create_case_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->cases_group),
                          g_list_model_get_n_items (G_LIST_MODEL (earlier)) > 0);
}

static void
load_room_cases (AmendsCustomerCard *self)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  /* Not once the card is going away. */
  if (self->store == NULL || self->room_list == NULL)
    return;

  if (self->room != NULL)
    cases = amends_store_list_room_cases (self->store, self->room, self->current_case_id,
                                          ROOM_CASES_LIMIT, &error);
  if (error != NULL)
    report_error (self, error);

  gtk_list_box_bind_model (self->room_list, cases, create_case_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->room_group),
                          cases != NULL && g_list_model_get_n_items (cases) > 0);
  if (self->room != NULL)
    {
      /* Translators: under "Same Room"; %s is a room or area, such as "112" */
      description = g_strdup_printf (_("Other cases of “%s”, newest first"), self->room);
      adw_preferences_group_set_description (self->room_group, description);
    }
}

static void
load_customer (AmendsCustomerCard *self)
{
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  self->needs_reload = FALSE;
  if (!(loaded = amends_autosave_load (self->autosave, self->customer_id, &error)))
    report_error (self, error);

  gtk_stack_set_visible_child_name (self->stack,
                                    loaded && self->customer_id > 0 ? "card" : "none");
  load_cases (self);
}

static void
reload_customer (AmendsCustomerCard *self)
{
  g_autoptr(GError) error = NULL;

  self->needs_reload = FALSE;
  if (amends_autosave_reload (self->autosave, &error))
    return;

  if (g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND))
    amends_customer_card_set_customer_id (self, 0);
  else
    report_error (self, error);
}

static void
on_record_changed_cb (AmendsCustomerCard *self,
                      GType               type,
                      gint64              id)
{
  if (type == AMENDS_TYPE_CUSTOMER && id == self->customer_id && id > 0)
    self->needs_reload = TRUE;
  /* The case on screen is not among the earlier ones: saving it, which
   * happens as the person types, rebuilds nothing here. */
  else if (type == AMENDS_TYPE_CASE && (self->customer_id > 0 || self->room != NULL) &&
           id != self->current_case_id)
    self->needs_cases = TRUE;
}

/* Once a transaction a batch of changes refreshes the card once. */
static void
on_changes_committed_cb (AmendsCustomerCard *self)
{
  if (self->needs_reload)
    reload_customer (self);
  if (self->needs_cases)
    {
      load_cases (self);
      load_room_cases (self);
    }
}

static void
amends_customer_card_set_store (AmendsCustomerCard *self,
                                AmendsStore *store)
{
  g_return_if_fail (AMENDS_IS_STORE (store));

  self->store = g_object_ref (store);
  self->autosave = amends_autosave_new (store, AMENDS_TYPE_CUSTOMER, fields, N_FIELDS,
                                        &autosave_funcs, self,
                                        _("Someone Else Changed This Customer"));
  g_signal_connect_object (self->autosave, "failed",
                           G_CALLBACK (on_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);
}

static void
amends_customer_card_dispose (GObject *object)
{
  AmendsCustomerCard *self = (AmendsCustomerCard *)object;
  GtkWidget *child;

  /* The store outlives the card: it must not call back into it now. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->autosave != NULL)
    amends_autosave_close (self->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_CUSTOMER_CARD);
  /* The template's top widget is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->autosave);
  g_clear_object (&self->store);
  g_clear_pointer (&self->room, g_free);

  G_OBJECT_CLASS (amends_customer_card_parent_class)->dispose (object);
}

static void
amends_customer_card_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AmendsCustomerCard *self = AMENDS_CUSTOMER_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_CURRENT_CASE_ID:
      g_value_set_int64 (value, self->current_case_id);
      break;

    case PROP_ROOM:
      g_value_set_string (value, self->room);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_customer_card_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AmendsCustomerCard *self = AMENDS_CUSTOMER_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amends_customer_card_set_store (self, g_value_get_object (value));
      break;

    case PROP_CUSTOMER_ID:
      amends_customer_card_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENT_CASE_ID:
      amends_customer_card_set_current_case_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROOM:
      amends_customer_card_set_room (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_customer_card_class_init (AmendsCustomerCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_customer_card_dispose;
  object_class->get_property = amends_customer_card_get_property;
  object_class->set_property = amends_customer_card_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* 0: the case has no customer */
  properties [PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The case on screen, left out of the earlier cases. */
  properties [PROP_CURRENT_CASE_ID] =
    g_param_spec_int64 ("current-case-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The case's room or area, whose other cases are listed; NULL for none */
  properties [PROP_ROOM] =
    g_param_spec_string ("room", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsCustomerCard::case-activated:
   * @case_id: the earlier case the person chose
   */
  signals [CASE_ACTIVATED] =
    g_signal_new ("case-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * AmendsCustomerCard::error:
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
                                               RESOURCE_PREFIX "/ui/amends-customer-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, stack);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, email_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, notes_buffer);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, cases_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, cases_list);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, room_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsCustomerCard, room_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customercard");
}

static void
amends_customer_card_init (AmendsCustomerCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect_swapped (self->phone_row, "changed", G_CALLBACK (on_phone_changed_cb), self);
  g_signal_connect_swapped (self->email_row, "changed", G_CALLBACK (on_email_changed_cb), self);
  g_signal_connect_swapped (self->notes_buffer, "changed", G_CALLBACK (on_notes_changed_cb), self);
  g_signal_connect (self->cases_list, "row-activated", G_CALLBACK (on_case_row_activated_cb), self);
  g_signal_connect (self->room_list, "row-activated", G_CALLBACK (on_case_row_activated_cb), self);

  name_entry_text (self->name_row);
  name_entry_text (self->phone_row);
  name_entry_text (self->email_row);

  gtk_stack_set_visible_child_name (self->stack, "none");
}

GtkWidget *
amends_customer_card_new (AmendsStore *store)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_CUSTOMER_CARD, "store", store, NULL);
}

AmendsStore *
amends_customer_card_get_store (AmendsCustomerCard *self)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER_CARD (self), NULL);

  return self->store;
}

gint64
amends_customer_card_get_customer_id (AmendsCustomerCard *self)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER_CARD (self), 0);

  return self->customer_id;
}

/**
 * amends_customer_card_set_customer_id:
 *
 * Shows another customer, after saving what was typed for the last one.
 */
void
amends_customer_card_set_customer_id (AmendsCustomerCard *self,
                                      gint64              customer_id)
{
  g_return_if_fail (AMENDS_IS_CUSTOMER_CARD (self));
  g_return_if_fail (self->store != NULL);

  if (self->customer_id == customer_id)
    return;

  amends_autosave_save (self->autosave, NULL);
  self->customer_id = customer_id;
  load_customer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CUSTOMER_ID]);
}

gint64
amends_customer_card_get_current_case_id (AmendsCustomerCard *self)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER_CARD (self), 0);

  return self->current_case_id;
}

void
amends_customer_card_set_current_case_id (AmendsCustomerCard *self,
                                          gint64              case_id)
{
  g_return_if_fail (AMENDS_IS_CUSTOMER_CARD (self));

  if (self->current_case_id == case_id)
    return;

  self->current_case_id = case_id;
  if (self->store != NULL)
    {
      load_cases (self);
      load_room_cases (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_CASE_ID]);
}

/**
 * amends_customer_card_get_autosave:
 *
 * Returns: (transfer none): what saves the card's fields, for the editor
 *   to say what waits for the server
 */
AmendsAutosave *
amends_customer_card_get_autosave (AmendsCustomerCard *self)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER_CARD (self), NULL);

  return self->autosave;
}

/**
 * amends_customer_card_flush:
 *
 * Saves what was typed now, rather than after the usual pause.  What
 * cannot be saved stays typed.
 *
 * Returns: %TRUE if everything typed is saved
 */
gboolean
amends_customer_card_flush (AmendsCustomerCard  *self,
                            GError             **error)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER_CARD (self), FALSE);

  return amends_autosave_flush (self->autosave, error);
}

const char *
amends_customer_card_get_room (AmendsCustomerCard *self)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER_CARD (self), NULL);

  return self->room;
}

/**
 * amends_customer_card_set_room:
 * @room: (nullable): the case's room or area; %NULL or blank for none
 *
 * Lists the other cases of @room ("112" and " 112 " are the same room;
 * so are "Spa" and "spa").
 */
void
amends_customer_card_set_room (AmendsCustomerCard *self,
                               const char         *room)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (AMENDS_IS_CUSTOMER_CARD (self));

  stripped = g_strstrip (g_strdup (room ? room : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (self->room, stripped) == 0)
    return;

  g_free (self->room);
  self->room = g_steal_pointer (&stripped);
  if (self->store != NULL)
    load_room_cases (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROOM]);
}
