/* amends-case-editor-fields.c: the case editor's fields: read, checked and shown
 *
 * Each field is a row in the editor's template and a property of the
 * case, listed once in fields[] below; reading, showing, checking and
 * connecting are written once for each kind of row.  Saving them as the
 * person types, and asking about a conflict with someone else's change,
 * is AmendsAutosave's: a field is read from its widget only when it is
 * saved, and a value that cannot be saved is marked on its row and
 * explained under its group, so the other fields are still written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-editor-fields"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "amends-case-editor-private.h"
#include "amends-case-sidebar.h"
#include "amends-money.h"
#include "amends-when.h"

typedef enum
{
  KIND_TEXT,        /* AdwEntryRow; empty is unset */
  KIND_REQUIRED,    /* AdwEntryRow; never empty */
  KIND_LONG_TEXT,   /* GtkTextView */
  KIND_CHOICE,      /* AdwComboRow over an enumeration: position = value */
  KIND_OWNER,       /* AdwComboRow over the staff, "Unowned" first */
  KIND_SWITCH,      /* AdwExpanderRow's switch */
  KIND_OCCURRED,    /* AdwEntryRow, read with amends_when_parse() */
  KIND_DUE,         /* AdwEntryRow, a date and time to come */
  KIND_MONEY,       /* AdwEntryRow, an amount kept in cents */
  KIND_RATER,       /* AMENDS_CASE_EDITOR_N_RATER GtkCheckButtons */
} FieldKind;

typedef struct
{
  const char *property;   /* of AmendsCase */
  FieldKind   kind;
  gsize       widget;     /* offset of the widget in AmendsCaseEditor */
  gsize       error;      /* offset of the label explaining a refusal, or 0 */
  const char *label;      /* as its row or group says, for the conflict dialog */
} FieldInfo;

#define W(member) G_STRUCT_OFFSET (AmendsCaseEditor, member)

static const FieldInfo fields[] = {
  { "summary",             KIND_REQUIRED,  W (summary_row),      W (summary_error_label), N_("Summary") },
  { "description",         KIND_LONG_TEXT, W (description_view), 0, N_("Description") },
  { "category",            KIND_TEXT,      W (category_row),     0, N_("Category") },
  { "severity",            KIND_CHOICE,    W (severity_row),     0, N_("Severity") },
  { "channel",             KIND_CHOICE,    W (channel_row),      0, N_("Channel") },
  { "noticed-by",          KIND_CHOICE,    W (noticed_row),      0, N_("Who Noticed") },
  { "occurred-at",         KIND_OCCURRED,  W (occurred_row),     W (occurred_error_label), N_("When It Happened") },
  { "owner-id",            KIND_OWNER,     W (owner_row),        0, N_("Owner") },
  { "team",                KIND_TEXT,      W (team_row),         0, N_("Team or Location") },
  { "fix",                 KIND_LONG_TEXT, W (fix_view),         0, N_("What Was Done to Put It Right") },
  { "surprise",            KIND_LONG_TEXT, W (surprise_view),    0, N_("Something They Would Not Expect") },
  { "surprise-cost-cents", KIND_MONEY,     W (cost_row),         W (cost_error_label), N_("Cost of the Surprise") },
  { "rule-bent",           KIND_SWITCH,    W (rule_row),         0, N_("A Rule Was Bent") },
  { "bent-rule",           KIND_TEXT,      W (bent_rule_row),    0, N_("Which Rule") },
  { "bent-rule-why",       KIND_LONG_TEXT, W (why_view),         0, N_("Why It Was Right to Bend It") },
  { "rater-failed",        KIND_RATER,     W (failed_checks),    0, N_("Service Quality That Failed") },
  { "rater-shown",         KIND_RATER,     W (shown_checks),     0, N_("Service Quality Shown") },
  { "reaction",            KIND_CHOICE,    W (reaction_row),     0, N_("Customer’s Reaction") },
  { "came-back",           KIND_CHOICE,    W (came_back_row),    0, N_("Did They Come Back") },
  { "follow-up-due-at",    KIND_DUE,       W (follow_up_row),    W (follow_up_error_label), N_("Follow-up Due") },
  { "lesson",              KIND_LONG_TEXT, W (lesson_view),      0, N_("Lesson Learned") },
  /* The timeline's entry not added yet: a draft, kept as it is typed. */
  { "timeline-draft",      KIND_TEXT,      W (timeline_entry),   0, N_("Timeline entry") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == AMENDS_CASE_EDITOR_N_FIELDS);

static GtkWidget *
field_widget (AmendsCaseEditor *self,
              guint             index)
{
  return *(GtkWidget **) G_STRUCT_MEMBER_P (self, fields[index].widget);
}

static GtkWidget **
field_checks (AmendsCaseEditor *self,
              guint             index)
{
  return (GtkWidget **) G_STRUCT_MEMBER_P (self, fields[index].widget);
}

static GParamSpec *
field_pspec (guint index)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (AMENDS_TYPE_CASE);

  return g_object_class_find_property (G_OBJECT_CLASS (klass), fields[index].property);
}

static char *
dup_widget_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Reads the value a field's widget holds; FALSE with @error when it
 * cannot be saved as it is. */
static gboolean
field_read (AmendsCaseEditor  *self,
            guint              index,
            GValue            *value,
            GError           **error)
{
  GtkWidget *widget = field_widget (self, index);
  GParamSpec *pspec = field_pspec (index);
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  GDateTime *when = NULL;
  gint64 cents = 0;
  guint flags = 0;

  g_value_init (value, pspec->value_type);

  if (fields[index].kind != KIND_RATER && fields[index].kind != KIND_CHOICE &&
      fields[index].kind != KIND_OWNER && fields[index].kind != KIND_SWITCH)
    text = dup_widget_text (widget);

  switch (fields[index].kind)
    {
    case KIND_REQUIRED:
      if (*g_strstrip (text) == '\0')
        {
          g_set_error_literal (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                               _("Say in a few words what went wrong."));
          return FALSE;
        }
      g_value_set_string (value, text);
      return TRUE;

    case KIND_TEXT:
      g_value_set_string (value, *g_strstrip (text) ? text : NULL);
      return TRUE;

    case KIND_LONG_TEXT:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        g_value_set_string (value, *stripped ? text : NULL);
      }
      return TRUE;

    case KIND_CHOICE:
      g_value_set_enum (value, adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));
      return TRUE;

    case KIND_OWNER:
      {
        guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));
        g_value_set_int64 (value, position < self->owner_ids->len ?
                                  g_array_index (self->owner_ids, gint64, position) : 0);
      }
      return TRUE;

    case KIND_SWITCH:
      g_value_set_boolean (value, adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (widget)));
      return TRUE;

    case KIND_OCCURRED:
      if (*g_strstrip (text) == '\0')
        {
          g_set_error_literal (error, AMENDS_WHEN_ERROR, AMENDS_WHEN_ERROR_INVALID,
                               _("Say when it happened, such as 14:30 or 2026-11-17 14:30."));
          return FALSE;
        }
      if (!(when = amends_when_parse (text, now, error)))
        return FALSE;
      g_value_take_boxed (value, when);
      return TRUE;

    case KIND_DUE:
      if (*g_strstrip (text) != '\0' && !(when = _amends_case_editor_parse_due (text, now, error)))
        return FALSE;
      g_value_take_boxed (value, when);
      return TRUE;

    case KIND_MONEY:
      if (!amends_money_parse (text, &cents, error))
        return FALSE;
      g_value_set_int64 (value, cents);
      return TRUE;

    case KIND_RATER:
      for (guint i = 0; i < AMENDS_CASE_EDITOR_N_RATER; i++)
        if (gtk_check_button_get_active (GTK_CHECK_BUTTON (field_checks (self, index)[i])))
          flags |= amends_case_editor_rater[i];
      g_value_set_flags (value, flags);
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
set_text_if_changed (GtkWidget  *widget,
                     const char *text)
{
  g_autofree char *shown = dup_widget_text (widget);

  if (g_strcmp0 (shown, text ? text : "") == 0)
    return;

  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text ? text : "", -1);
}

static guint
owner_position (AmendsCaseEditor *self,
                gint64            owner_id)
{
  for (guint i = 0; i < self->owner_ids->len; i++)
    if (g_array_index (self->owner_ids, gint64, i) == owner_id)
      return i;

  return 0;
}

/* Shows the copy's value, leaving alone a widget that already holds the
 * same value in other words ("14:30" for today at 14:30). */
static void
show_field_cb (gpointer      view,
               guint         index,
               const GValue *value)
{
  AmendsCaseEditor *self = view;
  GtkWidget *widget = field_widget (self, index);
  g_auto(GValue) shown = G_VALUE_INIT;
  g_autofree char *text = NULL;
  GParamSpec *pspec = field_pspec (index);

  switch (fields[index].kind)
    {
    case KIND_TEXT:
    case KIND_REQUIRED:
    case KIND_LONG_TEXT:
      set_text_if_changed (widget, g_value_get_string (value));
      break;

    case KIND_CHOICE:
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget), g_value_get_enum (value));
      break;

    case KIND_OWNER:
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget),
                                  owner_position (self, g_value_get_int64 (value)));
      break;

    case KIND_SWITCH:
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (widget), g_value_get_boolean (value));
      break;

    case KIND_RATER:
      for (guint i = 0; i < AMENDS_CASE_EDITOR_N_RATER; i++)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (field_checks (self, index)[i]),
                                     (g_value_get_flags (value) & amends_case_editor_rater[i]) != 0);
      break;

    case KIND_OCCURRED:
    case KIND_DUE:
    case KIND_MONEY:
      if (field_read (self, index, &shown, NULL) &&
          amends_record_field_equal (pspec, value, &shown))
        break;

      if (fields[index].kind == KIND_MONEY)
        text = amends_money_format (g_value_get_int64 (value));
      else if (g_value_get_boxed (value) == NULL)
        text = g_strdup ("");
      else if (fields[index].kind == KIND_DUE)
        text = _amends_case_editor_format_due (g_value_get_boxed (value));
      else
        {
          g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
          text = amends_when_format (g_value_get_boxed (value), now);
        }
      set_text_if_changed (widget, text);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
set_field_error (AmendsCaseEditor *self,
                 guint             index,
                 const char       *message)
{
  GtkWidget *row = field_widget (self, index);
  GtkWidget *label;

  if (fields[index].error == 0)
    return;

  label = *(GtkWidget **) G_STRUCT_MEMBER_P (self, fields[index].error);

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_widget_set_tooltip_text (row, message);
  gtk_label_set_label (GTK_LABEL (label), message);
  gtk_widget_set_visible (label, message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
show_save_error (AmendsCaseEditor *self,
                 const char       *message)
{
  gtk_label_set_label (self->save_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), message != NULL);
}

static void
on_field_changed_cb (AmendsCaseEditorFieldRef *ref)
{
  AmendsCaseEditor *self = ref->self;

  if (self->showing || self->kase == NULL)
    return;

  amends_autosave_changed (self->autosave, ref->index);

  if (fields[ref->index].kind == KIND_REQUIRED)
    {
      g_autofree char *text = dup_widget_text (field_widget (self, ref->index));

      if (*g_strstrip (text) != '\0')
        gtk_label_set_label (self->summary_label, text);
    }
}

static void
connect_field (AmendsCaseEditor *self,
               guint             index)
{
  GtkWidget *widget = field_widget (self, index);
  AmendsCaseEditorFieldRef *ref = &self->refs[index];

  ref->self = self;
  ref->index = index;

  switch (fields[index].kind)
    {
    case KIND_LONG_TEXT:
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                                G_CALLBACK (on_field_changed_cb), ref);
      break;

    case KIND_CHOICE:
    case KIND_OWNER:
      g_signal_connect_swapped (widget, "notify::selected", G_CALLBACK (on_field_changed_cb), ref);
      break;

    case KIND_SWITCH:
      g_signal_connect_swapped (widget, "notify::enable-expansion", G_CALLBACK (on_field_changed_cb), ref);
      break;

    case KIND_RATER:
      for (guint i = 0; i < AMENDS_CASE_EDITOR_N_RATER; i++)
        g_signal_connect_swapped (field_checks (self, index)[i], "toggled",
                                  G_CALLBACK (on_field_changed_cb), ref);
      break;

    case KIND_TEXT:
    case KIND_REQUIRED:
    case KIND_OCCURRED:
    case KIND_DUE:
    case KIND_MONEY:
    default:
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_field_changed_cb), ref);
      break;
    }
}

/**
 * _amends_case_editor_init_fields:
 *
 * Fills the choices and the RATER rows, and follows every field's changes.
 */
void
_amends_case_editor_init_fields (AmendsCaseEditor *self)
{
  _amends_case_editor_build_rows (self);

  /* The timeline's entry is made with the timeline, once the store is
   * known: it is followed from _amends_case_editor_init_autosave(). */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].widget != W (timeline_entry))
      connect_field (self, i);

}

/* A value as its field shows it, for the conflict dialog. */
static char *
describe_value_cb (gpointer      view,
                   guint         index,
                   const GValue *value)
{
  AmendsCaseEditor *self = view;
  GtkWidget *widget = field_widget (self, index);
  g_autoptr(GString) text = g_string_new (NULL);

  switch (fields[index].kind)
    {
    case KIND_TEXT:
    case KIND_REQUIRED:
    case KIND_LONG_TEXT:
      g_string_append (text, g_value_get_string (value) ? g_value_get_string (value) : "");
      break;

    case KIND_CHOICE:
      {
        GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (widget));
        guint position = g_value_get_enum (value);

        if (model != NULL && position < g_list_model_get_n_items (model))
          {
            g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);
            g_string_append (text, gtk_string_object_get_string (item));
          }
      }
      break;

    case KIND_OWNER:
      {
        GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (widget));
        guint position = owner_position (self, g_value_get_int64 (value));

        if (model != NULL && position < g_list_model_get_n_items (model))
          {
            g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);
            g_string_append (text, gtk_string_object_get_string (item));
          }
      }
      break;

    case KIND_SWITCH:
      g_string_append (text, g_value_get_boolean (value) ? _("Yes") : _("No"));
      break;

    case KIND_RATER:
      for (guint i = 0; i < AMENDS_CASE_EDITOR_N_RATER; i++)
        if (g_value_get_flags (value) & amends_case_editor_rater[i])
          g_string_append_printf (text, "%s%s", text->len ? ", " : "",
                                  amends_rater_to_label (amends_case_editor_rater[i]));
      break;

    case KIND_MONEY:
      {
        g_autofree char *money = amends_money_format (g_value_get_int64 (value));
        g_string_append (text, money);
      }
      break;

    case KIND_DUE:
    case KIND_OCCURRED:
      if (g_value_get_boxed (value) != NULL)
        {
          g_autofree char *when = _amends_case_editor_format_due (g_value_get_boxed (value));
          g_string_append (text, when);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
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
  return field_read (view, index, value, error);
}

static void
set_field_error_cb (gpointer    view,
                    guint       index,
                    const char *message)
{
  set_field_error (view, index, message);
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

/* While the server cannot be reached, the case as the list read it
 * before: the person can go on typing, and it is saved once it is back. */
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

/* The fields as the autosave knows them: fields[] without the widgets. */
static const AmendsAutosaveField *
get_autosave_fields (void)
{
  static AmendsAutosaveField autosave_fields[G_N_ELEMENTS (fields)];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          FieldKind kind = fields[i].kind;

          autosave_fields[i].property = fields[i].property;
          autosave_fields[i].label = fields[i].label;
          if (kind == KIND_RATER)
            autosave_fields[i].flags = AMENDS_AUTOSAVE_FIELD_NO_FOCUS;
          else if (kind != KIND_CHOICE && kind != KIND_OWNER && kind != KIND_SWITCH)
            autosave_fields[i].flags = AMENDS_AUTOSAVE_FIELD_TEXT;
        }
      g_once_init_leave (&initialized, 1);
    }

  return autosave_fields;
}

/**
 * _amends_case_editor_update_waiting:
 *
 * Says under the header what waits for the database server: what was
 * typed into this case, and the other cases' changes put aside.  A save
 * that failed is never shown as saved: the line stays until the saves
 * it speaks of are made.
 */
void
_amends_case_editor_update_waiting (AmendsCaseEditor *self)
{
  AmendsAutosave *stay = amends_stay_group_get_autosave (self->stay_group);
  AmendsAutosave *card = self->customer_card ? amends_customer_card_get_autosave (self->customer_card) : NULL;
  guint n_pending = amends_autosave_get_n_pending (self->autosave);
  guint n_customers = card ? amends_autosave_get_n_pending (card) : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  /* The stay's fields are the case's too: a case counted once. */
  for (guint i = 0; stay != NULL && i < amends_autosave_get_n_pending (stay); i++)
    if (!amends_autosave_has_pending (self->autosave, amends_autosave_get_pending_id (stay, i)))
      n_pending++;

  if (amends_autosave_get_waiting (self->autosave) ||
      (stay != NULL && amends_autosave_get_waiting (stay)) ||
      (card != NULL && amends_autosave_get_waiting (card)))
    g_string_append (text, _("Not saved yet: the database server cannot be reached. "
                             "What you typed stays here, and is saved once the server is back."));

  if (n_pending > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("Changes to %u other case are waiting to be saved.",
                                        "Changes to %u other cases are waiting to be saved.",
                                        n_pending),
                              n_pending);
    }

  if (n_customers > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("Changes to %u customer are waiting to be saved.",
                                        "Changes to %u customers are waiting to be saved.",
                                        n_customers),
                              n_customers);
    }

  if (text->len > 0)
    {
      show_save_error (self, text->str);
      self->showing_waiting = TRUE;
    }
  else if (self->showing_waiting)
    {
      show_save_error (self, NULL);
      self->showing_waiting = FALSE;
    }
}

static void
on_saved_cb (AmendsCaseEditor *self)
{
  show_save_error (self, NULL);
  self->showing_waiting = FALSE;
  _amends_case_editor_update_waiting (self);
  _amends_case_editor_update_header (self);
}

static void
on_save_failed_cb (AmendsCaseEditor *self,
                   const GError     *error)
{
  /* The server away: the window's bar says so, and the line under the
   * header what waits for it; no toast at every pause in the typing. */
  if (g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE))
    {
      _amends_case_editor_update_waiting (self);
      return;
    }

  /* What was typed stays on screen, to be saved again; a conflict is
   * asked about by the autosave. */
  self->showing_waiting = FALSE;
  show_save_error (self, error->message);
  if (!g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT))
    _amends_case_editor_report_error (self, error->message);
}

/* Another case's change, put aside while the server was away, failed
 * once it was back: in a toast, since the fields show this case. */
static void
on_pending_failed_cb (AmendsCaseEditor *self,
                      const GError     *error)
{
  if (!g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE) &&
      !g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT))
    _amends_case_editor_report_error (self, error->message);
}

/**
 * _amends_case_editor_follow_waiting:
 *
 * The stay's and the customer card's saves wait for the server too: the
 * line under the header says so, and their other cases' failures are
 * toasts, as the editor's own.
 */
void
_amends_case_editor_follow_waiting (AmendsCaseEditor *self,
                                    AmendsAutosave   *autosave)
{
  g_signal_connect_object (autosave, "pending-failed",
                           G_CALLBACK (on_pending_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (autosave, "waiting-changed",
                           G_CALLBACK (_amends_case_editor_update_waiting), self, G_CONNECT_SWAPPED);
}

/**
 * _amends_case_editor_init_autosave:
 *
 * Saves the fields as they are typed, once the store is known.
 */
void
_amends_case_editor_init_autosave (AmendsCaseEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].widget == W (timeline_entry))
      connect_field (self, i);

  self->autosave = amends_autosave_new (self->store, AMENDS_TYPE_CASE,
                                        get_autosave_fields (), G_N_ELEMENTS (fields),
                                        &autosave_funcs, self,
                                        _("Someone Else Changed This Case"));
  g_signal_connect_object (self->autosave, "saved",
                           G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "failed",
                           G_CALLBACK (on_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "pending-failed",
                           G_CALLBACK (on_pending_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "waiting-changed",
                           G_CALLBACK (_amends_case_editor_update_waiting), self, G_CONNECT_SWAPPED);
}

void
_amends_case_editor_clear_save_error (AmendsCaseEditor *self)
{
  show_save_error (self, NULL);
  self->showing_waiting = FALSE;
}

/* Recording a value that a dialog asked for, in place of anything typed
 * in its field and not saved yet. */
void
_amends_case_editor_set_from_dialog (AmendsCaseEditor *self,
                                     const char       *property,
                                     const GValue     *value)
{
  amends_autosave_forget (self->autosave, property);
  g_object_set_property (G_OBJECT (self->kase), property, value);
}
