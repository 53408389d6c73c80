/* amends-case-editor.c: one case, from what went wrong to the customer won back
 *
 * The editor works on its own copy of the case, loaded from the store,
 * and saves it as the person types (amends-case-editor-fields.c).  When
 * the case changes elsewhere (here, or in another program: the store
 * notices within a second), the copy is read again and every field the
 * person is not typing in follows; the one they are typing in keeps the
 * value they began from, so that saving it can tell whether someone else
 * changed it too.  The timeline and the customer card are widgets of
 * their own, made here once the store is known; so is the guest's stay
 * (AmendsStayGroup), which saves its own three fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-accessible.h"
#include "amends-case-editor-private.h"
#include "amends-case-history.h"
#include "amends-case-helpers.h"

#define CLOCK_INTERVAL_S 30

G_DEFINE_FINAL_TYPE (AmendsCaseEditor, amends_case_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

enum {
  OPEN_CASE,
  ERROR,
  NOTICE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
clock_tick_cb (gpointer user_data)
{
  AmendsCaseEditor *self = user_data;

  _amends_case_editor_update_clock (self);

  return G_SOURCE_CONTINUE;
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return 0;
}

static void
load_staff (AmendsCaseEditor *self)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 owner = self->kase ? amends_case_get_owner_id (self->kase) : 0;
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->owner_row));
  gint64 selected = position < self->owner_ids->len ?
                    g_array_index (self->owner_ids, gint64, position) : 0;
  gint64 nobody = 0;

  self->needs_staff = FALSE;

  if (!(staff = amends_store_list_staff (self->store, TRUE, &error)))
    _amends_case_editor_report_error (self, error->message);

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (names, _("Unowned"));
  g_array_append_val (self->owner_ids, nobody);

  /* Active staff, and whoever owns the case even if they have left. */
  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) member = g_list_model_get_item (staff, i);
      gint64 id = amends_record_get_id (AMENDS_RECORD (member));

      if (!amends_staff_get_active (member) && id != owner && id != selected)
        continue;
      gtk_string_list_append (names, amends_staff_get_name (member));
      g_array_append_val (self->owner_ids, id);
    }

  self->showing = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->owner_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->owner_row), position_of (self->owner_ids, selected));
  self->showing = FALSE;
}

static void
load_categories (AmendsCaseEditor *self)
{
  g_auto(GStrv) categories = amends_store_list_categories (self->store, NULL);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (categories[i], NULL);

      g_menu_item_set_action_and_target_value (item, "case.set-category",
                                               g_variant_new_string (categories[i]));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->category_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->category_button),
                          categories != NULL && categories[0] != NULL);
}

static void
load_case (AmendsCaseEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkAdjustment *vadjustment;

  self->needs_reload = FALSE;
  _amends_case_editor_clear_save_error (self);

  self->kase = NULL;
  if (!amends_autosave_load (self->autosave, self->case_id, &error))
    _amends_case_editor_report_error (self, error->message);
  self->kase = AMENDS_CASE (amends_autosave_get_record (self->autosave));
  _amends_case_editor_update_waiting (self);

  gtk_stack_set_visible_child_name (self->stack, self->kase ? "case" : "empty");

  /* While the server is away, what cannot be read (the timeline, the
   * customer, the staff) stays empty without a toast each: the window's
   * bar says why, and the fields typed into are kept. */
  self->loading = TRUE;
  amends_timeline_set_case_id (self->timeline, self->kase ? self->case_id : 0);
  amends_attachments_show_case (self->attachments, self->store, self->kase ? self->case_id : 0);
  amends_lesson_cause_set_case_id (self->lesson_cause, self->kase ? self->case_id : 0);
  amends_customer_card_set_current_case_id (self->customer_card, self->case_id);
  amends_customer_card_set_customer_id (self->customer_card,
                                        self->kase ? amends_case_get_customer_id (self->kase) : 0);
  amends_customer_card_set_room (self->customer_card, self->kase ? amends_case_get_room (self->kase) : NULL);
  amends_stay_group_set_case_id (self->stay_group, self->kase ? self->case_id : 0);

  if (self->kase != NULL)
    {
      load_staff (self);
      load_categories (self);
      amends_autosave_show (self->autosave, TRUE);
    }
  self->loading = FALSE;
  _amends_case_editor_update_header (self);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
reload_case (AmendsCaseEditor *self)
{
  g_autoptr(GError) error = NULL;

  self->needs_reload = FALSE;
  if (self->kase == NULL)
    return;

  if (!amends_autosave_reload (self->autosave, &error))
    {
      if (g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND))
        {
          /* Deleted for good: nothing is left to save it to. */
          amends_autosave_load (self->autosave, 0, NULL);
          self->kase = NULL;
          amends_case_editor_set_case_id (self, 0);
        }
      else
        _amends_case_editor_report_error (self, error->message);
      return;
    }

  amends_customer_card_set_customer_id (self->customer_card,
                                        amends_case_get_customer_id (self->kase));
  amends_customer_card_set_room (self->customer_card, amends_case_get_room (self->kase));
  _amends_case_editor_update_header (self);
}

static void
on_record_changed_cb (AmendsCaseEditor *self,
                      GType             type,
                      gint64            id)
{
  if (self->kase == NULL)
    return;

  if ((type == AMENDS_TYPE_CASE && id == self->case_id) ||
      (type == AMENDS_TYPE_CUSTOMER && id == amends_case_get_customer_id (self->kase)))
    self->needs_reload = TRUE;
  else if (type == AMENDS_TYPE_STAFF)
    self->needs_staff = TRUE;
}

/* Once a transaction, so that a batch of changes costs one reload. */
static void
on_changes_committed_cb (AmendsCaseEditor *self)
{
  if (self->needs_staff)
    load_staff (self);
  if (self->needs_reload)
    reload_case (self);
}

static void
on_actor_changed_cb (AmendsCaseEditor *self)
{
  _amends_case_editor_update_actions (self);
}

/* The integrity check's verdict, after the window opened, can turn the
 * store read-only under a case being shown. */
static void
on_read_only_changed_cb (AmendsCaseEditor *self)
{
  _amends_case_editor_update_header (self);
}

static void
on_child_error_cb (AmendsCaseEditor *self,
                   const char       *message)
{
  _amends_case_editor_report_error (self, message);
}

static void
on_case_activated_cb (AmendsCaseEditor *self,
                      gint64            case_id)
{
  g_signal_emit (self, signals [OPEN_CASE], 0, case_id);
}

static void
amends_case_editor_constructed (GObject *object)
{
  AmendsCaseEditor *self = (AmendsCaseEditor *)object;

  G_OBJECT_CLASS (amends_case_editor_parent_class)->constructed (object);

  g_return_if_fail (AMENDS_IS_STORE (self->store));

  /* Made here rather than in the template: they need the store to be. */
  self->timeline = AMENDS_TIMELINE (amends_timeline_new (self->store));
  adw_bin_set_child (self->timeline_bin, GTK_WIDGET (self->timeline));
  self->timeline_entry = amends_timeline_get_entry (self->timeline);

  _amends_case_editor_init_autosave (self);
  amends_playbook_hint_set_store (self->playbook_hint, self->store);
  amends_lesson_cause_set_store (self->lesson_cause, self->store);
  self->customer_card = AMENDS_CUSTOMER_CARD (amends_customer_card_new (self->store));
  adw_bin_set_child (self->customer_card_bin, GTK_WIDGET (self->customer_card));

  g_signal_connect_swapped (self->timeline, "error", G_CALLBACK (on_child_error_cb), self);
  g_signal_connect_swapped (self->customer_card, "error", G_CALLBACK (on_child_error_cb), self);
  g_signal_connect_swapped (self->customer_card, "case-activated", G_CALLBACK (on_case_activated_cb), self);
  amends_stay_group_set_store (self->stay_group, self->store);
  g_signal_connect_swapped (self->stay_group, "error", G_CALLBACK (on_child_error_cb), self);
  _amends_case_editor_follow_waiting (self, amends_stay_group_get_autosave (self->stay_group));
  _amends_case_editor_follow_waiting (self, amends_customer_card_get_autosave (self->customer_card));

  g_signal_connect_object (self->store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::actor-id",
                           G_CALLBACK (on_actor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::read-only",
                           G_CALLBACK (on_read_only_changed_cb), self, G_CONNECT_SWAPPED);

  load_case (self);
}

static void
amends_case_editor_dispose (GObject *object)
{
  AmendsCaseEditor *self = (AmendsCaseEditor *)object;
  GtkWidget *child;

  /* What was typed is saved, whatever closes the editor; the window
   * flushes first to hear of a failure (amends_case_editor_flush()). */
  if (self->autosave != NULL)
    amends_autosave_close (self->autosave);
  g_clear_handle_id (&self->clock_source, g_source_remove);

  _amends_case_editor_dispose_desk (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_CASE_EDITOR);
  /* The template's top widget is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->kase = NULL;
  g_clear_object (&self->autosave);
  g_clear_object (&self->store);
  g_clear_pointer (&self->owner_ids, g_array_unref);

  G_OBJECT_CLASS (amends_case_editor_parent_class)->dispose (object);
}

static void
amends_case_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (object);

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
amends_case_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CASE_ID:
      amends_case_editor_set_case_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What was typed is saved first, so that the history has it. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmendsCaseEditor *self = AMENDS_CASE_EDITOR (widget);

  if (self->case_id == 0)
    return;
  amends_autosave_save (self->autosave, NULL);
  amends_case_history_present (widget, self->store, self->case_id);
}

static void
amends_case_editor_class_init (AmendsCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = amends_case_editor_constructed;
  object_class->dispose = amends_case_editor_dispose;
  object_class->get_property = amends_case_editor_get_property;
  object_class->set_property = amends_case_editor_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* 0: no case; the editor says to pick one */
  properties [PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsCaseEditor::open-case:
   * @case_id: a case the person chose to look at, such as the customer's
   *   earlier case
   */
  signals [OPEN_CASE] =
    g_signal_new ("open-case",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * AmendsCaseEditor::error:
   * @message: what went wrong, in words for the person at the desk
   *
   * A change could not be saved (the disk is full, another program holds
   * the database) or a step failed; what was typed stays on screen.
   */
  signals [ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * AmendsCaseEditor::notice:
   * @message: what a step did, in words for the person at the desk
   *
   * A step was taken whose result shows elsewhere (a story proposed goes
   * to the board): the window says so in a toast.
   */
  signals [NOTICE] =
    g_signal_new ("notice",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (AMENDS_TYPE_ATTACHMENTS);
  g_type_ensure (AMENDS_TYPE_PLAYBOOK_HINT);
  g_type_ensure (AMENDS_TYPE_LESSON_CAUSE);
  g_type_ensure (AMENDS_TYPE_STAY_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-case-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AmendsCaseEditor, name)
  BIND (trash_revealer);
  BIND (stack);
  BIND (scroller);
  BIND (reference_label);
  BIND (status_label);
  BIND (follow_up_due_label);
  BIND (summary_label);
  BIND (clock_box);
  BIND (clock_icon);
  BIND (clock_label);
  BIND (clock_detail_label);
  BIND (save_error_label);
  BIND (actions_box);
  BIND (take_ownership_button);
  BIND (start_recovery_button);
  BIND (mark_recovered_button);
  BIND (close_button);
  BIND (reopen_button);
  BIND (propose_button);
  BIND (pause_button);
  BIND (resume_button);
  BIND (fields_box);
  BIND (summary_row);
  BIND (description_view);
  BIND (customer_row);
  BIND (category_row);
  BIND (category_button);
  BIND (severity_row);
  BIND (channel_row);
  BIND (noticed_row);
  BIND (occurred_row);
  BIND (summary_error_label);
  BIND (occurred_error_label);
  BIND (customer_card_bin);
  BIND (owner_row);
  BIND (team_row);
  BIND (fix_view);
  BIND (surprise_view);
  BIND (cost_row);
  BIND (cost_error_label);
  BIND (timeline_bin);
  BIND (attachments);
  BIND (rule_row);
  BIND (bent_rule_row);
  BIND (why_view);
  BIND (rater_group);
  BIND (reaction_row);
  BIND (came_back_row);
  BIND (follow_up_row);
  BIND (follow_up_error_label);
  BIND (follow_up_popover);
  BIND (follow_up_calendar);
  BIND (lesson_view);
  BIND (playbook_hint);
  BIND (lesson_cause);
  BIND (stay_group);
  BIND (stay_flag_box);
#undef BIND

  _amends_case_editor_class_init_steps (widget_class);
  gtk_widget_class_install_action (widget_class, "case.history", NULL, history_action);
  _amends_case_editor_class_init_handover (widget_class);
  g_type_ensure (AMENDS_TYPE_CASE_HELPERS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caseeditor");
}

static void
amends_case_editor_init (AmendsCaseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  _amends_case_editor_init_fields (self);
  _amends_case_editor_init_steps (self);

  amends_accessible_unmnemonic_buttons (GTK_WIDGET (self));
  amends_accessible_name_group_list (GTK_WIDGET (self->rule_row), _("The rule bent, and why"));

  self->clock_source = g_timeout_add_seconds (CLOCK_INTERVAL_S, clock_tick_cb, self);
}

GtkWidget *
amends_case_editor_new (AmendsStore *store)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_CASE_EDITOR, "store", store, NULL);
}

AmendsStore *
amends_case_editor_get_store (AmendsCaseEditor *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_EDITOR (self), NULL);

  return self->store;
}

gint64
amends_case_editor_get_case_id (AmendsCaseEditor *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_EDITOR (self), 0);

  return self->case_id;
}

/**
 * amends_case_editor_set_case_id:
 * @case_id: the case to show, or 0 for none
 *
 * Saves what was typed for the case shown, then loads its own copy of
 * the other one.
 */
void
amends_case_editor_set_case_id (AmendsCaseEditor *self,
                                gint64            case_id)
{
  g_return_if_fail (AMENDS_IS_CASE_EDITOR (self));

  if (self->case_id == case_id)
    return;

  /* A conflict asks about the case it is in, after this one has gone.
   * What the server could not take is put aside by each autosave, to be
   * saved once it is back (amends-autosave.c says why). */
  if (self->autosave != NULL)
    amends_autosave_save (self->autosave, NULL);
  amends_customer_card_flush (self->customer_card, NULL);
  amends_stay_group_flush (self->stay_group, NULL);
  self->case_id = case_id;
  if (self->store != NULL)
    load_case (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASE_ID]);
}

/**
 * amends_case_editor_flush:
 *
 * Saves what was typed now, rather than after the usual pause: the
 * case's fields (the entry being written on the timeline is one: a draft),
 * the customer card's and the stay's.  When any of it cannot be saved
 * (the disk is full, the database is read-only or busy, someone else
 * changed the same field, a value is not one that can be saved) it
 * stays typed on screen, to try again or to copy.
 *
 * Returns: %TRUE if everything typed is saved; %FALSE with @error set to
 *   the first failure
 */
gboolean
amends_case_editor_flush (AmendsCaseEditor  *self,
                          GError           **error)
{
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) card_error = NULL;
  gboolean ok;

  g_return_val_if_fail (AMENDS_IS_CASE_EDITOR (self), FALSE);

  ok = amends_autosave_flush (self->autosave, &first);
  ok = amends_lesson_cause_flush (self->lesson_cause, first == NULL ? &first : NULL) && ok;

  if (!amends_customer_card_flush (self->customer_card, &card_error))
    {
      ok = FALSE;
      if (first == NULL)
        first = g_steal_pointer (&card_error);
    }

  g_clear_error (&card_error);
  if (!amends_stay_group_flush (self->stay_group, &card_error))
    {
      ok = FALSE;
      if (first == NULL)
        first = g_steal_pointer (&card_error);
    }

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&first));

  return ok;
}

/**
 * amends_case_editor_dup_unsaved_text:
 *
 * What was typed and not saved — fields and the timeline's unsent entry —
 * as text a person can paste elsewhere, when a save failed.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing
 *   typed is unsaved
 */
char *
amends_case_editor_dup_unsaved_text (AmendsCaseEditor *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_EDITOR (self), NULL);

  /* The timeline's entry is one of the fields: its draft is among them. */
  return amends_autosave_dup_unsaved_text (self->autosave);
}

void
_amends_case_editor_report_error (AmendsCaseEditor *self,
                                  const char       *message)
{
  if (self->loading && !amends_store_get_online (self->store))
    {
      g_debug ("Not read while offline: %s", message);
      return;
    }

  g_signal_emit (self, signals [ERROR], 0, message);
}
