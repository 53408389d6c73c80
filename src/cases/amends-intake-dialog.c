/* amends-intake-dialog.c: log what went wrong for a customer, in seconds
 *
 * The dialog is made to be filled in from the keyboard alone: focus starts
 * on what went wrong, Tab walks down the form, Enter in any entry logs the
 * case and Escape lets it go (asking first once something is typed, as a
 * stray Escape must not lose a customer's complaint).  Customer and category complete from what the
 * store already holds, so that the same customer is not added twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-intake-dialog"

#include "config.h"

#include "amends-intake-dialog.h"

#include <glib/gi18n.h>

#include "amends-completion-popover.h"
#include "amends-store-targets.h"
#include "amends-utils.h"
#include "amends-when.h"

#define MAX_SUGGESTIONS 6

struct _AmendsIntakeDialog
{
  AdwWindow        parent_instance;

  AmendsStore     *store;
  GStrv            categories;
  AmendsCompletionPopover *customer_completion;
  AmendsCompletionPopover *category_completion;
  gboolean         when_is_valid;
  char            *initial_when;

  GtkWidget       *error_box;
  GtkLabel        *error_label;
  AdwEntryRow     *summary_row;
  AdwEntryRow     *customer_row;
  AdwEntryRow     *category_row;
  AdwEntryRow     *room_row;
  AdwComboRow     *severity_row;
  GtkToggleButton *noticed_customer_button;
  GtkToggleButton *noticed_staff_button;
  AdwEntryRow     *when_row;
  GtkLabel        *when_hint;
  AdwComboRow     *owner_row;
  GtkWidget       *cancel_button;
  GtkWidget       *log_button;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *when_group;
  AdwPreferencesGroup *owner_group;
};

G_DEFINE_FINAL_TYPE (AmendsIntakeDialog, amends_intake_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CASE_LOGGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
dup_stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
amends_intake_dialog_show_error (AmendsIntakeDialog *self,
                                 const char         *message)
{
  /* In full, not in a toast that cuts it short and goes away: the person
   * reads it before trying again. */
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->error_box, TRUE);
}

/* Only what the person is typing right now is worth suggesting for. */
static gboolean
row_has_focus (AdwEntryRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row));
}

/* Callbacks */

static void
on_customer_changed_cb (AmendsIntakeDialog *self)
{
  g_autofree char *typed = dup_stripped_text (self->customer_row);
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[MAX_SUGGESTIONS];
  guint n_names = 0;

  if (amends_completion_popover_is_filling (self->customer_completion))
    return;

  if (*typed == '\0' || !row_has_focus (self->customer_row))
    {
      amends_completion_popover_hide (self->customer_completion);
      return;
    }

  /* A failed look-up only costs the suggestions; saving says what is wrong. */
  customers = amends_store_list_customers (self->store, typed, MAX_SUGGESTIONS, &error);
  if (customers == NULL)
    {
      g_debug ("No customer suggestions: %s", error->message);
      amends_completion_popover_hide (self->customer_completion);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (customers) && n_names < MAX_SUGGESTIONS; i++)
    {
      g_autoptr(AmendsCustomer) customer = g_list_model_get_item (customers, i);
      const char *name = amends_customer_get_name (customer);
      gboolean seen = FALSE;

      /* Two customers of one name read the same in the list. */
      for (guint j = 0; j < n_names && !seen; j++)
        seen = g_strcmp0 (names[j], name) == 0;
      if (!seen && name != NULL)
        names[n_names++] = name;
    }

  /* The names belong to the customers, which @customers holds. */
  amends_completion_popover_show_names (self->customer_completion, names, n_names);
}

static const char *
find_category (AmendsIntakeDialog *self,
               const char         *name)
{
  for (guint i = 0; self->categories != NULL && self->categories[i] != NULL; i++)
    {
      if (amends_completion_popover_same_name (self->categories[i], name))
        return self->categories[i];
    }

  return NULL;
}

static void
on_category_changed_cb (AmendsIntakeDialog *self)
{
  g_autofree char *typed = dup_stripped_text (self->category_row);
  g_autofree char *folded = g_utf8_casefold (typed, -1);
  const char *names[MAX_SUGGESTIONS];
  guint n_names = 0;

  if (amends_completion_popover_is_filling (self->category_completion))
    return;

  /* Most used first, as the store lists them. */
  for (guint i = 0; *folded != '\0' && self->categories != NULL && self->categories[i] != NULL; i++)
    {
      g_autofree char *category = g_utf8_casefold (self->categories[i], -1);

      if (g_str_has_prefix (category, folded))
        names[n_names++] = self->categories[i];
      if (n_names == MAX_SUGGESTIONS)
        break;
    }

  amends_completion_popover_show_names (self->category_completion, names, n_names);
}

static void
amends_intake_dialog_update_can_log (AmendsIntakeDialog *self)
{
  g_autofree char *summary = dup_stripped_text (self->summary_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.log",
                                 *summary != '\0' && self->when_is_valid);
}

static void
on_summary_changed_cb (AmendsIntakeDialog *self)
{
  amends_intake_dialog_update_can_log (self);
}

/* "today at 08:00", "yesterday at 14:30", "Monday 16 November at 09:00" */
static char *
describe_time (GDateTime *when,
               GDateTime *now)
{
  g_autoptr(GDateTime) local_when = g_date_time_to_local (when);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  GDate when_day, today;
  int days_ago;
  const char *format;

  g_date_clear (&when_day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&when_day,
                  g_date_time_get_day_of_month (local_when),
                  g_date_time_get_month (local_when),
                  g_date_time_get_year (local_when));
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now),
                  g_date_time_get_year (local_now));
  days_ago = g_date_days_between (&when_day, &today);

  if (days_ago == 0)
    /* Translators: a g_date_time_format() format, for a time today: "today at 14:30" */
    format = _("today at %H:%M");
  else if (days_ago == 1)
    /* Translators: a g_date_time_format() format, for a time yesterday: "yesterday at 14:30" */
    format = _("yesterday at %H:%M");
  else if (days_ago == -1)
    /* Translators: a g_date_time_format() format, for a time tomorrow: "tomorrow at 14:30" */
    format = _("tomorrow at %H:%M");
  else if (g_date_get_year (&when_day) == g_date_get_year (&today))
    /* Translators: a g_date_time_format() format, for a day this year: "Wednesday 25 November at 14:30" */
    format = _("%A %-d %B at %H:%M");
  else
    /* Translators: a g_date_time_format() format, for a day in another year: "25 November 2025 at 14:30" */
    format = _("%-d %B %Y at %H:%M");

  return g_date_time_format (local_when, format);
}

/* Says at once what the time typed is read as, and when the recovery is
 * due by, or why the time cannot be read. */
static void
on_when_changed_cb (AmendsIntakeDialog *self)
{
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;

  when = amends_when_parse (gtk_editable_get_text (GTK_EDITABLE (self->when_row)), now, &error);
  self->when_is_valid = when != NULL;

  if (when != NULL)
    {
      g_autofree char *category = dup_stripped_text (self->category_row);
      /* The due time the case will be given: its category's and
       * severity's target, in office hours if they say so. */
      g_autoptr(GDateTime) due =
        amends_store_compute_due (self->store, category,
                                  (int) adw_combo_row_get_selected (self->severity_row), when, NULL, NULL);

      if (due == NULL)
        due = g_date_time_add_hours (when, amends_store_get_recovery_target_hours (self->store));
      g_autofree char *happened = describe_time (when, now);
      g_autofree char *due_by = describe_time (due, now);
      g_autofree char *hint = NULL;

      /* Translators: "Happened today at 08:00 · recovery due tomorrow at 08:00" */
      hint = g_strdup_printf (_("Happened %s · recovery due %s"), happened, due_by);
      gtk_label_set_text (self->when_hint, hint);
    }
  else
    gtk_label_set_text (self->when_hint, error->message);

  amends_entry_row_set_invalid (self->when_row, self->when_hint, when == NULL);

  amends_intake_dialog_update_can_log (self);
}

static char *
owner_name (AmendsStaff *staff,
            gpointer     user_data)
{
  if (staff == NULL || amends_record_get_id (AMENDS_RECORD (staff)) == 0)
    return g_strdup (_("Unowned"));

  return g_strdup (amends_staff_get_name (staff));
}

static void
amends_intake_dialog_load_owners (AmendsIntakeDialog *self)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListStore) unowned = g_list_store_new (AMENDS_TYPE_STAFF);
  g_autoptr(AmendsStaff) placeholder = amends_staff_new ();
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkFlattenListModel) owners = NULL;
  gint64 actor_id = amends_store_get_actor_id (self->store);
  guint selected = 0;

  staff = amends_store_list_staff (self->store, FALSE, &error);
  if (staff == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "Another program is using the database." */
      message = g_strdup_printf (_("Only “Unowned” can be chosen as the owner. %s"), error->message);
      amends_intake_dialog_show_error (self, message);
      staff = G_LIST_MODEL (g_list_store_new (AMENDS_TYPE_STAFF));
    }

  /* An unsaved staff member (id 0) stands for nobody. */
  g_list_store_append (unowned, placeholder);
  g_list_store_append (parts, unowned);
  g_list_store_append (parts, staff);
  owners = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));

  /* The person at the desk owns what they log, unless they choose else. */
  for (guint i = 1; actor_id > 0 && i < g_list_model_get_n_items (G_LIST_MODEL (owners)); i++)
    {
      g_autoptr(AmendsRecord) record = g_list_model_get_item (G_LIST_MODEL (owners), i);

      if (amends_record_get_id (record) == actor_id)
        {
          selected = i;
          break;
        }
    }

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (owner_name), NULL, NULL);
  adw_combo_row_set_expression (self->owner_row, expression);
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  adw_combo_row_set_selected (self->owner_row, selected);
}

static void
amends_intake_dialog_load_choices (AmendsIntakeDialog *self)
{
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  for (AmendsSeverity s = AMENDS_SEVERITY_MINOR; s <= AMENDS_SEVERITY_COLOSSAL; s++)
    gtk_string_list_append (severities, amends_severity_to_label (s));
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));
  adw_combo_row_set_selected (self->severity_row, AMENDS_SEVERITY_MODERATE);

  gtk_button_set_label (GTK_BUTTON (self->noticed_customer_button),
                        amends_noticed_by_to_label (AMENDS_NOTICED_BY_CUSTOMER));
  gtk_button_set_label (GTK_BUTTON (self->noticed_staff_button),
                        amends_noticed_by_to_label (AMENDS_NOTICED_BY_STAFF));

  self->categories = amends_store_list_categories (self->store, &error);
  if (self->categories == NULL)
    g_debug ("No category suggestions: %s", error->message);

  amends_intake_dialog_load_owners (self);
}

/* Returns the id of the customer called @name, whom it adds when there is
 * none yet; 0 with @error set when the store fails. */
static gint64
amends_intake_dialog_find_or_add_customer (AmendsIntakeDialog  *self,
                                           const char          *name,
                                           GError             **error)
{
  g_autoptr(AmendsCustomer) customer = NULL;
  GError *local_error = NULL;

  customer = amends_store_find_customer (self->store, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }

  if (customer == NULL)
    {
      customer = amends_customer_new ();
      g_object_set (customer, "name", name, NULL);
      if (!amends_store_insert (self->store, AMENDS_RECORD (customer), error))
        return 0;
    }

  return amends_record_get_id (AMENDS_RECORD (customer));
}

/* Saves the case as the form says, all or nothing; returns its id, or 0
 * with @error set. */
static gint64
amends_intake_dialog_save (AmendsIntakeDialog  *self,
                           GError             **error)
{
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autoptr(GDateTime) occurred_at = NULL;
  g_autoptr(AmendsCase) kase = NULL;
  g_autofree char *summary = dup_stripped_text (self->summary_row);
  g_autofree char *customer = dup_stripped_text (self->customer_row);
  g_autofree char *category = dup_stripped_text (self->category_row);
  g_autofree char *room = dup_stripped_text (self->room_row);
  const char *known_category;
  AmendsStaff *owner;
  gint64 customer_id = 0;

  occurred_at = amends_when_parse (gtk_editable_get_text (GTK_EDITABLE (self->when_row)), now, error);
  if (occurred_at == NULL)
    return 0;

  /* "housekeeping" is the "Housekeeping" already in use, so that recurring
   * categories count as one. */
  known_category = find_category (self, category);
  if (known_category != NULL)
    {
      g_free (category);
      category = g_strdup (known_category);
    }

  owner = adw_combo_row_get_selected_item (self->owner_row);

  kase = amends_case_new ();
  g_object_set (kase,
                "summary", summary,
                "category", *category != '\0' ? category : NULL,
                "severity", (AmendsSeverity) adw_combo_row_get_selected (self->severity_row),
                "noticed-by", gtk_toggle_button_get_active (self->noticed_staff_button)
                                ? AMENDS_NOTICED_BY_STAFF : AMENDS_NOTICED_BY_CUSTOMER,
                "occurred-at", occurred_at,
                "owner-id", owner ? amends_record_get_id (AMENDS_RECORD (owner)) : (gint64) 0,
                "room", *room != '\0' ? room : NULL,
                NULL);

  if (!amends_store_begin (self->store, error))
    return 0;

  if (*customer != '\0')
    {
      customer_id = amends_intake_dialog_find_or_add_customer (self, customer, error);
      if (customer_id == 0)
        {
          amends_store_rollback (self->store);
          return 0;
        }
      g_object_set (kase, "customer-id", customer_id, NULL);
    }

  if (!amends_store_insert (self->store, AMENDS_RECORD (kase), error))
    {
      amends_store_rollback (self->store);
      return 0;
    }

  /* A failed commit has already rolled back. */
  if (!amends_store_commit (self->store, error))
    return 0;

  return amends_record_get_id (AMENDS_RECORD (kase));
}

static void
amends_intake_dialog_log_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AmendsIntakeDialog *self = AMENDS_INTAKE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = dup_stripped_text (self->summary_row);
  gint64 case_id;

  if (*summary == '\0' || !self->when_is_valid)
    return;

  case_id = amends_intake_dialog_save (self, &error);
  if (case_id == 0)
    {
      g_autofree char *message = NULL;

      /* Everything typed stays, to try again. */
      /* Translators: %s says why, e.g. "Another program is using the database." */
      message = g_strdup_printf (_("The case was not logged. %s"), error->message);
      amends_intake_dialog_show_error (self, message);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals [CASE_LOGGED], 0, case_id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Whether closing would throw away something the person typed. */
static gboolean
amends_intake_dialog_is_filled (AmendsIntakeDialog *self)
{
  AdwEntryRow *rows[] = { self->summary_row, self->customer_row, self->category_row, self->room_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = dup_stripped_text (rows[i]);

      if (*text != '\0')
        return TRUE;
    }

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->when_row)), self->initial_when) != 0;
}

static void
on_discard_response_cb (AdwMessageDialog   *question,
                        const char         *response,
                        AmendsIntakeDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The question goes first: it must not outlive the window it is
   * transient for, even until its response signal returns. */
  gtk_window_set_transient_for (GTK_WINDOW (question), NULL);
  gtk_window_destroy (GTK_WINDOW (question));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Escape: an empty form goes at once; a filled one asks first, with
 * keeping the default, so that Enter or a second Escape loses nothing. */
static void
amends_intake_dialog_escape_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  AmendsIntakeDialog *self = AMENDS_INTAKE_DIALOG (widget);
  AdwMessageDialog *dialog;

  if (!amends_intake_dialog_is_filled (self))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard this case?"),
                                                       _("What you typed is not logged and will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* AdwEntryRow labels itself, but not the text inside it. */
static void
label_entry_row (AdwEntryRow *row)
{
  gtk_accessible_update_property (amends_entry_row_get_text (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  -1);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A group without a title leaves its list unnamed in libadwaita 1.2, and a
 * screen reader says "GtkListBox" on the way into its first row. */
static void
name_group_list (AdwPreferencesGroup *group,
                 const char          *name)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (group), GTK_TYPE_LIST_BOX);

  g_return_if_fail (list != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* GObject */

static void
amends_intake_dialog_constructed (GObject *object)
{
  AmendsIntakeDialog *self = (AmendsIntakeDialog *)object;

  G_OBJECT_CLASS (amends_intake_dialog_parent_class)->constructed (object);

  g_assert (AMENDS_IS_STORE (self->store));

  amends_intake_dialog_load_choices (self);

  g_signal_connect_object (self->summary_row, "changed",
                           G_CALLBACK (on_summary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->customer_row, "changed",
                           G_CALLBACK (on_customer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_row, "changed",
                           G_CALLBACK (on_category_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->when_row, "changed",
                           G_CALLBACK (on_when_changed_cb), self, G_CONNECT_SWAPPED);
  /* The category and the severity choose the target, so the due time. */
  g_signal_connect_object (self->category_row, "changed",
                           G_CALLBACK (on_when_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->severity_row, "notify::selected",
                           G_CALLBACK (on_when_changed_cb), self, G_CONNECT_SWAPPED);
  on_when_changed_cb (self);
}

static void
amends_intake_dialog_dispose (GObject *object)
{
  AmendsIntakeDialog *self = (AmendsIntakeDialog *)object;

  /* They are the rows' children, which the rows do not unparent. */
  if (self->customer_completion != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->customer_completion)));
  if (self->category_completion != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->category_completion)));
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_INTAKE_DIALOG);

  G_OBJECT_CLASS (amends_intake_dialog_parent_class)->dispose (object);
}

static void
amends_intake_dialog_finalize (GObject *object)
{
  AmendsIntakeDialog *self = (AmendsIntakeDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->initial_when, g_free);

  G_OBJECT_CLASS (amends_intake_dialog_parent_class)->finalize (object);
}

static void
amends_intake_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AmendsIntakeDialog *self = AMENDS_INTAKE_DIALOG (object);

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
amends_intake_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AmendsIntakeDialog *self = AMENDS_INTAKE_DIALOG (object);

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
amends_intake_dialog_class_init (AmendsIntakeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = amends_intake_dialog_constructed;
  object_class->dispose = amends_intake_dialog_dispose;
  object_class->finalize = amends_intake_dialog_finalize;
  object_class->get_property = amends_intake_dialog_get_property;
  object_class->set_property = amends_intake_dialog_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsIntakeDialog::case-logged:
   * @self: the dialog
   * @case_id: the id of the case just saved
   *
   * The case is saved; the dialog closes right after.
   */
  signals [CASE_LOGGED] =
    g_signal_new ("case-logged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-intake-dialog.ui");
  /* A dialog to a screen reader, not a filler it reads nothing for. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, room_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, severity_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, noticed_customer_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, noticed_staff_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, when_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, when_hint);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, log_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, when_group);
  gtk_widget_class_bind_template_child (widget_class, AmendsIntakeDialog, owner_group);

  gtk_widget_class_install_action (widget_class, "intake.log", NULL,
                                   amends_intake_dialog_log_action);

  gtk_widget_class_install_action (widget_class, "intake.escape", NULL,
                                   amends_intake_dialog_escape_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "intake.escape", NULL);
  /* From any field, the severity and the owner too, where Enter opens
   * the list instead. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "intake.log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "intake.log", NULL);
}

static void
amends_intake_dialog_init (AmendsIntakeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->customer_completion = amends_completion_popover_new (self->customer_row, _("Customers with that name"));
  self->category_completion = amends_completion_popover_new (self->category_row, _("Categories in use"));

  label_entry_row (self->summary_row);
  amends_entry_row_set_max_length (self->summary_row, AMENDS_SUMMARY_MAX_LENGTH);
  label_entry_row (self->customer_row);
  label_entry_row (self->category_row);
  label_entry_row (self->room_row);
  label_entry_row (self->when_row);

  gtk_accessible_update_relation (amends_entry_row_get_text (self->when_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->when_hint, NULL,
                                  -1);
  gtk_accessible_update_property (amends_entry_row_get_text (self->summary_row),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  -1);

  /* GTK 4.8 names a button with a mnemonic twice, by its label with the
   * underline and by the label it is labelled by ("_Cancel Cancel"). */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->log_button), GTK_ACCESSIBLE_PROPERTY_LABEL);

  /* Translators: read by a screen reader on entering the first part of
   * the quick intake: what went wrong, the customer, the category */
  name_group_list (self->details_group, C_("intake", "What happened"));
  /* Translators: the severity, who noticed first and when it happened */
  name_group_list (self->when_group, C_("intake", "How serious, and when"));
  /* Translators: the part of the quick intake that chooses the owner */
  name_group_list (self->owner_group, C_("intake", "Who follows up"));

  /* "now" in the language of the desk, as amends_when_parse() reads it
   * back (a literal in the template would stay English). */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *when = amends_when_format (now, now);

    gtk_editable_set_text (GTK_EDITABLE (self->when_row), when);
  }
  self->initial_when = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->when_row)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.log", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
}

/**
 * amends_intake_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: where the case is saved
 *
 * Returns: (transfer none): a new intake dialog, modal for @parent; the
 *   caller presents it
 */
AmendsIntakeDialog *
amends_intake_dialog_new (GtkWindow   *parent,
                          AmendsStore *store)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_INTAKE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

AmendsStore *
amends_intake_dialog_get_store (AmendsIntakeDialog *self)
{
  g_return_val_if_fail (AMENDS_IS_INTAKE_DIALOG (self), NULL);

  return self->store;
}
