/* amends-customer-card.c: who the customer is, what would delight them, and their earlier cases
 *
 * The card edits its own copy of the customer, loaded from the store, and
 * saves it as the person types: 600 ms after the last change, or at once
 * when the card shows someone else or goes away.  A name left empty is
 * refused on the spot and not written; the other fields still are.  Only
 * the fields typed in are written: what someone else saved in the others
 * meanwhile is kept, and when they saved another value in a field typed
 * in here, a dialog shows both to keep one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "amends-conflict-dialog.h"
#include "amends-customer-card.h"

#define SAVE_DELAY_MS 600

typedef enum
{
  FIELD_NAME,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_NOTES,
  N_FIELDS
} Field;

static const char *field_properties[N_FIELDS] = { "name", "phone", "email", "notes" };
static const char *field_labels[N_FIELDS] = { N_("Name"), N_("Phone"), N_("Email"), N_("Notes") };

struct _AmendsCustomerCard
{
  GtkWidget        parent_instance;

  AmendsStore     *store;
  AmendsCustomer  *customer;       /* our own copy; never the list's */
  gint64           customer_id;
  gint64           current_case_id;

  guint            dirty;          /* 1 << Field: typed but not saved yet */
  guint            save_source;
  gboolean         showing;        /* writing values into the widgets */
  gboolean         needs_reload;
  gboolean         needs_cases;
  GtkWidget       *conflict_dialog;

  GtkStack        *stack;
  AdwEntryRow     *name_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *email_row;
  GtkTextView     *notes_view;
  GtkTextBuffer   *notes_buffer;
  GtkLabel        *name_error_label;
  AdwPreferencesGroup *cases_group;
  GtkListBox      *cases_list;
};

G_DEFINE_FINAL_TYPE (AmendsCustomerCard, amends_customer_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  PROP_CURRENT_CASE_ID,
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

static gboolean
contains_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
field_show (AmendsCustomerCard *self,
            Field               field)
{
  g_autofree char *value = NULL;
  g_autofree char *shown = field_dup_text (self, field);

  g_object_get (self->customer, field_properties[field], &value, NULL);
  if (g_strcmp0 (value ? value : "", shown) == 0)
    return;

  self->showing = TRUE;
  if (field == FIELD_NOTES)
    gtk_text_buffer_set_text (self->notes_buffer, value ? value : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field_widget (self, field)), value ? value : "");
  self->showing = FALSE;
}

/* Values that someone is typing, or that are not saved yet, stay. */
static void
show_fields (AmendsCustomerCard *self,
             gboolean            all)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      if (!all && ((self->dirty & (1u << field)) ||
                   contains_focus (field_widget (self, field))))
        continue;
      field_show (self, field);
    }
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

static Field
field_of (GParamSpec *pspec)
{
  for (Field field = 0; field < N_FIELDS; field++)
    if (g_str_equal (field_properties[field], pspec->name))
      return field;

  return N_FIELDS;
}

static gboolean save_now (AmendsCustomerCard  *self,
                          gboolean             ask,
                          GError             **error);

static void
forget_conflict_dialog (AmendsCustomerCard *self)
{
  if (self->conflict_dialog == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (self->conflict_dialog), (gpointer *) &self->conflict_dialog);
  self->conflict_dialog = NULL;
}

static void
on_conflict_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         AmendsCustomerCard *self)
{
  AmendsCustomer *customer = g_object_get_data (G_OBJECT (dialog), "customer");
  GPtrArray *conflicts = amends_record_get_conflicts (AMENDS_RECORD (customer));
  gboolean keep_mine = g_str_equal (response, "mine");
  gboolean current = customer == self->customer;
  g_autoptr(GPtrArray) resolved = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (self->conflict_dialog == GTK_WIDGET (dialog))
    forget_conflict_dialog (self);

  /* Closed without a choice: the typed text stays, and is asked about
   * again with the next change. */
  if (!keep_mine && !g_str_equal (response, "theirs"))
    return;

  if (conflicts != NULL)
    g_ptr_array_extend (resolved, conflicts, NULL, NULL);

  for (guint i = 0; i < resolved->len; i++)
    {
      Field field = field_of (resolved->pdata[i]);

      amends_record_resolve_conflict (AMENDS_RECORD (customer), resolved->pdata[i], keep_mine);
      if (current && !keep_mine && field < N_FIELDS)
        {
          self->dirty &= ~(1u << field);
          field_show (self, field);
        }
    }

  if (current && self->dirty != 0)
    save_now (self, TRUE, NULL);
  else if (!amends_store_update (self->store, AMENDS_RECORD (customer), &error))
    report_error (self, error);
}

static char *
describe_text (const GValue *value)
{
  const char *text = g_value_get_string (value);

  if (text == NULL || *text == '\0')
    /* Translators: a field left empty, in the conflict dialog */
    return g_strdup (_("(empty)"));

  if (g_utf8_strlen (text, -1) > 300)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 300);
      return g_strconcat (start, "…", NULL);
    }

  return g_strdup (text);
}

static void
ask_about_conflict (AmendsCustomerCard *self)
{
  GPtrArray *conflicts = amends_record_get_conflicts (AMENDS_RECORD (self->customer));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (self->conflict_dialog != NULL || conflicts == NULL || conflicts->len == 0 ||
      !GTK_IS_WINDOW (root))
    return;

  g_string_append_printf (body,
                          /* Translators: %s is a customer's name */
                          _("While you were typing, someone else saved something else about %s."),
                          amends_customer_get_name (self->customer));

  for (guint i = 0; i < conflicts->len; i++)
    {
      GParamSpec *pspec = conflicts->pdata[i];
      Field field = field_of (pspec);
      g_autofree char *theirs = NULL;
      g_autofree char *mine = NULL;

      if (field == N_FIELDS)
        continue;

      theirs = describe_text (amends_record_peek_their_value (AMENDS_RECORD (self->customer), pspec));
      mine = describe_text (amends_record_peek_value (AMENDS_RECORD (self->customer), pspec));
      amends_conflict_dialog_append_field (body, _(field_labels[field]), theirs, mine);
    }

  dialog = amends_conflict_dialog_new (GTK_WINDOW (root), _("Someone Else Changed This Customer"), body->str);
  g_object_set_data_full (G_OBJECT (dialog), "customer", g_object_ref (self->customer), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response_cb), self, 0);

  self->conflict_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->conflict_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @ask: on a conflict, ask which to keep (not while flushing or closing:
 * then the caller hears of it).  FALSE if anything typed is not saved. */
static gboolean
save_now (AmendsCustomerCard  *self,
          gboolean             ask,
          GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean name_refused = FALSE;
  guint applied = 0;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->customer == NULL || self->dirty == 0)
    return TRUE;

  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autofree char *text = NULL;
      g_autofree char *stripped = NULL;

      if (!(self->dirty & (1u << field)))
        continue;

      text = field_dup_text (self, field);
      stripped = g_strstrip (g_strdup (text));
      if (field == FIELD_NAME)
        {
          if (*stripped == '\0')
            {
              set_name_error (self, _("A customer needs a name."));
              name_refused = TRUE;
              continue;
            }
          set_name_error (self, NULL);
        }

      g_object_set (self->customer, field_properties[field], *stripped ? text : NULL, NULL);
      applied |= 1u << field;
    }

  if (applied != 0 &&
      !amends_store_update (self->store, AMENDS_RECORD (self->customer), &local_error))
    {
      /* Kept as typed, and tried again with the next change. */
      if (g_error_matches (local_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT))
        {
          if (ask)
            ask_about_conflict (self);
        }
      else
        report_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->dirty &= ~applied;

  if (name_refused)
    {
      g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                           _("A customer needs a name."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AmendsCustomerCard *self = user_data;

  self->save_source = 0;
  save_now (self, TRUE, NULL);

  return G_SOURCE_REMOVE;
}

static void
on_field_changed (AmendsCustomerCard *self,
                  Field               field)
{
  if (self->showing || self->customer == NULL)
    return;

  self->dirty |= 1u << field;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_name_changed_cb (AmendsCustomerCard *self)
{
  on_field_changed (self, FIELD_NAME);
}

static void
on_phone_changed_cb (AmendsCustomerCard *self)
{
  on_field_changed (self, FIELD_PHONE);
}

static void
on_email_changed_cb (AmendsCustomerCard *self)
{
  on_field_changed (self, FIELD_EMAIL);
}

static void
on_notes_changed_cb (AmendsCustomerCard *self)
{
  on_field_changed (self, FIELD_NOTES);
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
  /* Translators: a date in an earlier case's row, in strftime format */
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
load_customer (AmendsCustomerCard *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->customer);
  self->dirty = 0;
  self->needs_reload = FALSE;
  set_name_error (self, NULL);

  if (self->customer_id > 0)
    {
      self->customer = amends_store_load (self->store, AMENDS_TYPE_CUSTOMER,
                                          self->customer_id, &error);
      if (self->customer == NULL)
        report_error (self, error);
    }

  gtk_stack_set_visible_child_name (self->stack, self->customer ? "card" : "none");
  if (self->customer != NULL)
    show_fields (self, TRUE);

  load_cases (self);
}

/* A field someone is typing in, or typed in and has not saved, keeps the
 * value they began from: saving it can then tell whether someone else
 * changed it too. */
static void
reload_customer (AmendsCustomerCard *self)
{
  g_autoptr(AmendsCustomer) fresh = NULL;
  g_autoptr(GError) error = NULL;
  AmendsRecordClass *klass;

  self->needs_reload = FALSE;
  if (self->customer == NULL)
    return;

  fresh = amends_store_load (self->store, AMENDS_TYPE_CUSTOMER, self->customer_id, &error);
  if (fresh == NULL)
    {
      if (g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND))
        amends_customer_card_set_customer_id (self, 0);
      else
        report_error (self, error);
      return;
    }

  klass = AMENDS_RECORD_GET_CLASS (fresh);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      Field field = field_of (klass->fields[i]);

      if (field < N_FIELDS && ((self->dirty & (1u << field)) ||
                               contains_focus (field_widget (self, field))))
        continue;
      amends_record_take_field (AMENDS_RECORD (self->customer), AMENDS_RECORD (fresh), klass->fields[i]);
    }
  amends_record_set_version (AMENDS_RECORD (self->customer), amends_record_get_version (AMENDS_RECORD (fresh)));

  show_fields (self, FALSE);
}

static void
on_record_changed_cb (AmendsCustomerCard *self,
                      GType               type,
                      gint64              id)
{
  if (type == AMENDS_TYPE_CUSTOMER && id == self->customer_id && id > 0)
    self->needs_reload = TRUE;
  else if (type == AMENDS_TYPE_CASE && self->customer_id > 0)
    self->needs_cases = TRUE;
}

/* Once a transaction a batch of changes refreshes the card once. */
static void
on_changes_committed_cb (AmendsCustomerCard *self)
{
  if (self->needs_reload)
    reload_customer (self);
  if (self->needs_cases)
    load_cases (self);
}

static void
amends_customer_card_set_store (AmendsCustomerCard *self,
                                AmendsStore *store)
{
  g_return_if_fail (AMENDS_IS_STORE (store));

  self->store = g_object_ref (store);
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

  save_now (self, FALSE, NULL);
  if (self->conflict_dialog != NULL)
    {
      GtkWidget *dialog = self->conflict_dialog;

      forget_conflict_dialog (self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_CUSTOMER_CARD);
  /* The template's top widget is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->customer);
  g_clear_object (&self->store);

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

  save_now (self, TRUE, NULL);
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
    load_cases (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_CASE_ID]);
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

  return save_now (self, FALSE, error);
}
