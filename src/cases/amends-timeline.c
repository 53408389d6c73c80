/* amends-timeline.c: what was done on a case, in order, and an entry to add to it
 *
 * Entries are added by the person at the desk, now: the store stamps both.
 * Pausing and resuming the clock write their own entries (the clock's
 * buttons do that), so they are not offered here.  An entry typed and
 * not added yet is the case's draft: the case editor saves it as it is
 * typed, like its other fields, so closing the window keeps it.
 *
 * An entry can be corrected in place: its Edit button turns the row into
 * an entry and, unless a step wrote it, a choice of kind, with Save and
 * Cancel.  The entry keeps its time and author; the store keeps what it
 * said before.  While an entry is being corrected the timeline is not
 * read again (that would drop what is typed): someone else's correction
 * of the same entry meanwhile is found when saving, and said, not written
 * over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-timeline"

#include "config.h"

#include "amends-timeline.h"

#include "amends-accessible.h"

#include <glib/gi18n.h>

struct _AmendsTimeline
{
  GtkWidget       parent_instance;

  AmendsStore    *store;
  gint64          case_id;
  gboolean        needs_refresh;

  GtkListBox     *list;
  GtkDropDown    *kind_dropdown;
  GtkEntry       *text_entry;

  GListStore     *actions;
  AmendsAction   *editing;          /* the entry being corrected, as read */
  GtkWidget      *edit_entry;       /* in the row of @editing, while it is */
  GtkWidget      *edit_kind;        /* NULL for an entry a step wrote */
  GtkWidget      *edit_error;
};

G_DEFINE_FINAL_TYPE (AmendsTimeline, amends_timeline, GTK_TYPE_WIDGET)

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

/* What a person can add by hand, in the order of a recovery. */
static const AmendsActionKind addable_kinds[] = {
  AMENDS_ACTION_KIND_CONTACT,
  AMENDS_ACTION_KIND_APOLOGY,
  AMENDS_ACTION_KIND_FIX,
  AMENDS_ACTION_KIND_SURPRISE,
  AMENDS_ACTION_KIND_FOLLOW_UP,
  AMENDS_ACTION_KIND_STATUS_REPORT,
  AMENDS_ACTION_KIND_RESOLUTION,
  AMENDS_ACTION_KIND_NOTE,
};

static const char *
kind_icon_name (AmendsActionKind kind)
{
  switch (kind)
    {
    case AMENDS_ACTION_KIND_CONTACT:       return "call-start-symbolic";
    case AMENDS_ACTION_KIND_APOLOGY:       return "face-embarrassed-symbolic";
    case AMENDS_ACTION_KIND_FIX:           return "emblem-system-symbolic";
    case AMENDS_ACTION_KIND_SURPRISE:      return "starred-symbolic";
    case AMENDS_ACTION_KIND_FOLLOW_UP:     return "mail-replied-symbolic";
    case AMENDS_ACTION_KIND_STATUS_REPORT: return "dialog-information-symbolic";
    case AMENDS_ACTION_KIND_RESOLUTION:    return "object-select-symbolic";
    case AMENDS_ACTION_KIND_PAUSE:         return "media-playback-pause-symbolic";
    case AMENDS_ACTION_KIND_RESUME:        return "media-playback-start-symbolic";
    case AMENDS_ACTION_KIND_OWNERSHIP:     return "avatar-default-symbolic";
    case AMENDS_ACTION_KIND_HANDOVER:      return "mail-forward-symbolic";
    case AMENDS_ACTION_KIND_NOTE:
    default:                               return "document-edit-symbolic";
    }
}

static guint
addable_position (AmendsActionKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (addable_kinds); i++)
    if (addable_kinds[i] == kind)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static GtkWidget *
create_kind_icon (AmendsActionKind kind)
{
  const char *kind_label = amends_action_kind_to_label (kind);
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon_name (kind));

  gtk_widget_set_tooltip_text (icon, kind_label);
  gtk_widget_add_css_class (icon, "timeline-kind");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kind_label,
                                  -1);
  return icon;
}

static char *
dup_subtitle (AmendsTimeline *self,
              AmendsAction   *action)
{
  const char *kind_label = amends_action_kind_to_label (amends_action_get_kind (action));
  const char *who = amends_action_get_staff_name (action);
  GDateTime *corrected_at = amends_action_get_corrected_at (action);
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autofree char *when = amends_timeline_format_time (amends_action_get_done_at (action), now);
  g_autofree char *subtitle = NULL;

  if (who == NULL || *who == '\0')
    /* Translators: nobody was picked at the desk when this was written */
    who = _("Nobody at the desk");

  /* Translators: under a timeline entry: its kind, who, and when, as in
   * "Apology · Rosa Diaz · Today 14:30" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), kind_label, who, when);

  if (corrected_at != NULL)
    {
      const char *by = amends_action_get_corrected_by_name (action);
      g_autofree char *corrected_when = amends_timeline_format_time (corrected_at, now);

      if (by == NULL || *by == '\0')
        by = _("Nobody at the desk");

      /* Translators: after a timeline entry's kind, author and time, when
       * it was corrected later: who corrected it and when, as in
       * "Apology · Rosa Diaz · Today 14:30 · corrected by Ada Moreau, Today 15:02" */
      return g_strdup_printf (_("%s · corrected by %s, %s"), subtitle, by, corrected_when);
    }

  return g_steal_pointer (&subtitle);
}

static GtkWidget *
create_shown_row (AmendsTimeline *self,
                  AmendsAction   *action)
{
  AmendsActionKind kind = amends_action_get_kind (action);
  g_autofree char *subtitle = dup_subtitle (self, action);
  g_autofree char *edit_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amends_action_get_text (action));
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (kind == AMENDS_ACTION_KIND_PAUSE || kind == AMENDS_ACTION_KIND_RESUME ||
      kind == AMENDS_ACTION_KIND_OWNERSHIP || kind == AMENDS_ACTION_KIND_HANDOVER ||
      kind == AMENDS_ACTION_KIND_STATUS_REPORT)
    gtk_widget_add_css_class (row, "timeline-automatic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_kind_icon (kind));

  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Correct this entry"));
  /* Translators: the accessible name of a timeline entry's Edit button;
   * %s is what the entry says */
  edit_label = g_strdup_printf (_("Correct the entry “%s”"), amends_action_get_text (action));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "timeline.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit),
                                          g_variant_new_int64 (amends_record_get_id (AMENDS_RECORD (action))));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  g_object_set_data (G_OBJECT (row), "edit-button", edit);

  return row;
}

static void
on_edit_entry_activate_cb (AmendsTimeline *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.save-edit", NULL);
}

static gboolean
on_edit_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        AmendsTimeline        *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.cancel-edit", NULL);
  return TRUE;
}

/* The row of the entry being corrected: its kind (unless a step wrote
 * it), its text, Cancel and Save, and what went wrong saving it. */
static GtkWidget *
create_editing_row (AmendsTimeline *self,
                    AmendsAction   *action)
{
  AmendsActionKind kind = amends_action_get_kind (action);
  guint position = addable_position (kind);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel, *save;
  GtkEventController *keys;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "timeline-editing");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  if (position != GTK_INVALID_LIST_POSITION)
    {
      self->edit_kind = GTK_WIDGET (gtk_drop_down_new (g_object_ref (gtk_drop_down_get_model (self->kind_dropdown)), NULL));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->edit_kind), position);
      gtk_widget_set_valign (self->edit_kind, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (self->edit_kind, _("Kind of entry"));
      amends_accessible_name_drop_down (GTK_DROP_DOWN (self->edit_kind), _("Kind of the entry corrected"));
      gtk_box_append (GTK_BOX (line), self->edit_kind);
    }
  else
    {
      self->edit_kind = NULL;
      gtk_box_append (GTK_BOX (line), create_kind_icon (kind));
    }

  self->edit_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->edit_entry, TRUE);
  gtk_widget_set_valign (self->edit_entry, GTK_ALIGN_CENTER);
  gtk_editable_set_text (GTK_EDITABLE (self->edit_entry), amends_action_get_text (action));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Corrected timeline entry"),
                                  -1);
  g_signal_connect_swapped (self->edit_entry, "activate", G_CALLBACK (on_edit_entry_activate_cb), self);
  gtk_box_append (GTK_BOX (line), self->edit_entry);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (cancel, _("Keep the entry as it was"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "timeline.cancel-edit");
  gtk_box_append (GTK_BOX (line), cancel);

  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save the correction; the entry keeps its time and author"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "timeline.save-edit");
  gtk_box_append (GTK_BOX (line), save);
  gtk_box_append (GTK_BOX (box), line);
  amends_accessible_unmnemonic_buttons (line);

  self->edit_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->edit_error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->edit_error), 0);
  gtk_widget_add_css_class (self->edit_error, "error");
  gtk_widget_set_visible (self->edit_error, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->edit_entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->edit_error, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), self->edit_error);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_edit_key_pressed_cb), self);
  gtk_widget_add_controller (box, keys);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AmendsTimeline *self = user_data;
  AmendsAction *action = item;

  if (self->editing != NULL &&
      amends_record_get_id (AMENDS_RECORD (self->editing)) == amends_record_get_id (AMENDS_RECORD (action)))
    return create_editing_row (self, self->editing);

  return create_shown_row (self, action);
}

static void
update_add_action (AmendsTimeline *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_entry))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add",
                                 self->case_id > 0 && *text != '\0');
}

static void
refresh (AmendsTimeline *self)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  self->needs_refresh = FALSE;

  if (self->case_id > 0)
    actions = amends_store_list_actions (self->store, self->case_id, &error);
  if (error != NULL)
    g_signal_emit (self, signals [ERROR], 0, error->message);

  g_set_object (&self->actions, G_LIST_STORE (actions));
  gtk_list_box_bind_model (self->list, actions, create_row, self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_entry), self->case_id > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), self->case_id > 0);
  update_add_action (self);
}

/* Adds the entry typed; FALSE (and the text kept, to try again) when it
 * cannot be saved. */
static gboolean
add_typed (AmendsTimeline  *self,
           GError         **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_entry))));
  guint position = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autoptr(AmendsAction) action = NULL;

  if (self->case_id == 0 || *text == '\0' || position >= G_N_ELEMENTS (addable_kinds))
    return TRUE;

  action = amends_store_add_action (self->store, self->case_id, addable_kinds[position], text, error);
  if (action == NULL)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), "");
  /* The next entry is most often a contact again: the kind does not stick,
   * or a phone call is saved as the apology written before it. */
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  return TRUE;
}

static gboolean
find_entry (AmendsTimeline *self,
            gint64          id,
            guint          *position)
{
  GListModel *actions = G_LIST_MODEL (self->actions);

  for (guint i = 0; actions != NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(AmendsRecord) record = g_list_model_get_item (actions, i);

      if (amends_record_get_id (record) == id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Makes the row of entry @id again, as it is shown or being corrected. */
static GtkWidget *
remake_row (AmendsTimeline *self,
            gint64          id)
{
  g_autoptr(GObject) item = NULL;
  guint position;

  if (!find_entry (self, id, &position))
    return NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->actions), position);
  g_list_store_splice (self->actions, position, 1, (gpointer *) &item, 1);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, position));
}

/* Ends a correction, saved or not, and puts the focus back on the entry's
 * Edit button, where it was. */
static void
stop_editing (AmendsTimeline *self)
{
  gint64 id;
  GtkWidget *row;
  GtkWidget *edit;

  if (self->editing == NULL)
    return;

  id = amends_record_get_id (AMENDS_RECORD (self->editing));
  g_clear_object (&self->editing);
  self->edit_entry = self->edit_kind = self->edit_error = NULL;

  if (self->needs_refresh)
    refresh (self);

  row = remake_row (self, id);
  edit = row != NULL ? g_object_get_data (G_OBJECT (row), "edit-button") : NULL;
  if (edit != NULL)
    gtk_widget_grab_focus (edit);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmendsTimeline *self = AMENDS_TIMELINE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  guint position;

  if (!find_entry (self, id, &position))
    return;

  /* One at a time: another one being corrected is left as it was. */
  if (self->editing != NULL)
    {
      g_clear_object (&self->editing);
      refresh (self);
      if (!find_entry (self, id, &position))
        return;
    }

  /* The copy read with the timeline: saving it tells whether someone
   * else corrected it since. */
  self->editing = g_list_model_get_item (G_LIST_MODEL (self->actions), position);
  remake_row (self, id);
  if (self->edit_entry != NULL)
    gtk_widget_grab_focus (self->edit_entry);
}

static void
cancel_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  stop_editing (AMENDS_TIMELINE (widget));
}

static void
show_edit_error (AmendsTimeline *self,
                 const GError   *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT))
    {
      const char *theirs = amends_action_get_text (self->editing);
      GPtrArray *conflicts = amends_record_get_conflicts (AMENDS_RECORD (self->editing));

      for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
        {
          GParamSpec *pspec = conflicts->pdata[i];

          if (g_str_equal (pspec->name, "text"))
            theirs = g_value_get_string (amends_record_peek_their_value (AMENDS_RECORD (self->editing), pspec));
        }

      /* Translators: %s is what someone else corrected the entry to */
      message = g_strdup_printf (_("Someone else corrected this entry while you were editing it. It now says: “%s”. Save again to keep yours instead, or cancel to keep theirs."),
                                 theirs ? theirs : "");
    }
  else
    message = g_strdup (error->message);

  gtk_label_set_text (GTK_LABEL (self->edit_error), message);
  gtk_widget_set_visible (self->edit_error, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->edit_entry),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

static void
save_edit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AmendsTimeline *self = AMENDS_TIMELINE (widget);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  AmendsRecord *record;
  AmendsActionKind kind;

  if (self->editing == NULL)
    return;

  record = AMENDS_RECORD (self->editing);

  kind = amends_action_get_kind (self->editing);
  if (self->edit_kind != NULL)
    {
      guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->edit_kind));

      if (position < G_N_ELEMENTS (addable_kinds))
        kind = addable_kinds[position];
    }

  /* Saving again after being told of someone else's correction keeps
   * this one. */
  if (amends_record_get_conflicts (record) != NULL)
    conflicts = g_ptr_array_copy (amends_record_get_conflicts (record), NULL, NULL);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    amends_record_resolve_conflict (record, conflicts->pdata[i], TRUE);

  if (!amends_store_correct_action (self->store, self->editing, kind,
                                    gtk_editable_get_text (GTK_EDITABLE (self->edit_entry)), &error))
    {
      show_edit_error (self, error);
      return;
    }

  self->needs_refresh = TRUE;
  stop_editing (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AmendsTimeline *self = AMENDS_TIMELINE (widget);
  g_autoptr(GError) error = NULL;

  if (!add_typed (self, &error))
    g_signal_emit (self, signals [ERROR], 0, error->message);
}

static void
on_text_entry_activate_cb (AmendsTimeline *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.add", NULL);
}

static void
on_text_entry_changed_cb (AmendsTimeline *self)
{
  update_add_action (self);
}

static void
on_record_changed_cb (AmendsTimeline *self,
                      GType           type,
                      gint64          id)
{
  /* A new entry's case is not known without reading it; reading the
   * timeline again is as cheap.  A change to the case itself (saved as
   * the person types) changes no entry: the timeline is not made again,
   * which shaped every entry's text once more. */
  if (self->case_id > 0 &&
      (type == AMENDS_TYPE_ACTION || type == AMENDS_TYPE_STAFF))
    self->needs_refresh = TRUE;
}

static void
on_changes_committed_cb (AmendsTimeline *self)
{
  /* Not while an entry is being corrected: its row would go, and what
   * was typed in it.  The timeline is read again when it is done. */
  if (self->needs_refresh && self->editing == NULL)
    refresh (self);
}

static void
amends_timeline_set_store (AmendsTimeline *self,
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
amends_timeline_dispose (GObject *object)
{
  AmendsTimeline *self = (AmendsTimeline *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_TIMELINE);
  /* The template's top widget is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->editing);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (amends_timeline_parent_class)->dispose (object);
}

static void
amends_timeline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmendsTimeline *self = AMENDS_TIMELINE (object);

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
amends_timeline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AmendsTimeline *self = AMENDS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amends_timeline_set_store (self, g_value_get_object (value));
      break;

    case PROP_CASE_ID:
      amends_timeline_set_case_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_timeline_class_init (AmendsTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_timeline_dispose;
  object_class->get_property = amends_timeline_get_property;
  object_class->set_property = amends_timeline_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsTimeline::error:
   * @message: what went wrong, for the person at the desk
   */
  signals [ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsTimeline, list);
  gtk_widget_class_bind_template_child (widget_class, AmendsTimeline, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmendsTimeline, text_entry);

  gtk_widget_class_install_action (widget_class, "timeline.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "timeline.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "timeline.save-edit", NULL, save_edit_action);
  gtk_widget_class_install_action (widget_class, "timeline.cancel-edit", NULL, cancel_edit_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
amends_timeline_init (AmendsTimeline *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (addable_kinds); i++)
    gtk_string_list_append (kinds, amends_action_kind_to_label (addable_kinds[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  amends_accessible_name_drop_down (self->kind_dropdown, _("Kind of entry"));

  g_signal_connect_swapped (self->text_entry, "activate", G_CALLBACK (on_text_entry_activate_cb), self);
  g_signal_connect_swapped (self->text_entry, "changed", G_CALLBACK (on_text_entry_changed_cb), self);

  update_add_action (self);
}

GtkWidget *
amends_timeline_new (AmendsStore *store)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_TIMELINE, "store", store, NULL);
}

AmendsStore *
amends_timeline_get_store (AmendsTimeline *self)
{
  g_return_val_if_fail (AMENDS_IS_TIMELINE (self), NULL);

  return self->store;
}

gint64
amends_timeline_get_case_id (AmendsTimeline *self)
{
  g_return_val_if_fail (AMENDS_IS_TIMELINE (self), 0);

  return self->case_id;
}

void
amends_timeline_set_case_id (AmendsTimeline *self,
                             gint64          case_id)
{
  g_return_if_fail (AMENDS_IS_TIMELINE (self));
  g_return_if_fail (self->store != NULL);

  if (self->case_id == case_id)
    return;

  /* A correction not saved is dropped with the case it was on. */
  g_clear_object (&self->editing);
  self->edit_entry = self->edit_kind = self->edit_error = NULL;
  self->case_id = case_id;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASE_ID]);
}

/**
 * amends_timeline_focus_entry:
 *
 * Puts the cursor in the field that adds an entry, ready to type.
 */
/**
 * amends_timeline_get_entry:
 *
 * Returns: (transfer none): the entry where the next entry is written; the
 *   case editor keeps what is typed there as the case's draft
 */
GtkWidget *
amends_timeline_get_entry (AmendsTimeline *self)
{
  g_return_val_if_fail (AMENDS_IS_TIMELINE (self), NULL);

  return GTK_WIDGET (self->text_entry);
}

void
amends_timeline_focus_entry (AmendsTimeline *self)
{
  g_return_if_fail (AMENDS_IS_TIMELINE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
}

/**
 * amends_timeline_format_time:
 *
 * Returns: (transfer full): @when as a timeline shows it: "Today 14:30",
 *   "Yesterday 09:15", "Mon 17 Nov 09:15", or with the year when it was
 *   another year than @now's
 */
char *
amends_timeline_format_time (GDateTime *when,
                             GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  int y, m, d, ny, nm, nd, yy, ym, yd;

  g_return_val_if_fail (when != NULL && now != NULL, NULL);

  local = g_date_time_to_local (when);
  local_now = g_date_time_to_local (now);
  yesterday = g_date_time_add_days (local_now, -1);
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_time_get_ymd (local_now, &ny, &nm, &nd);
  g_date_time_get_ymd (yesterday, &yy, &ym, &yd);

  if (y == ny && m == nm && d == nd)
    /* Translators: a time today, a g_date_time_format() format: "Today 14:30" */
    return g_date_time_format (local, _("Today %H:%M"));
  if (y == yy && m == ym && d == yd)
    /* Translators: a time yesterday, a g_date_time_format() format: "Yesterday 14:30" */
    return g_date_time_format (local, _("Yesterday %H:%M"));
  if (y == ny)
    /* Translators: a day this year and a time, a g_date_time_format() format, as in
     * "Mon 17 Nov 09:15" */
    return g_date_time_format (local, _("%a %-d %b %H:%M"));

  /* Translators: a day in another year and a time, a g_date_time_format() format, as
   * in "Mon 17 Nov 2025 09:15" */
  return g_date_time_format (local, _("%a %-d %b %Y %H:%M"));
}
