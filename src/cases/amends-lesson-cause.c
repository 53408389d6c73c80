/* amends-lesson-cause.c: the cause a case's lesson names, and whether the process changed
 *
 * "Service recovery isn't about applying the rules and policies of the
 * organization ...; rather it's about solving the problem" (seeds/004,
 * problem solving).  Under the lesson, the person names what caused the
 * breakdown, typed or picked from the short list the site keeps
 * (Preferences → Playbooks), so that the Measures view can count the
 * causes that keep coming back; and says whether the process was changed.
 *
 * The two fields are saved as they are typed, by an AmendsAutosave of
 * their own on their own copy of the case: the editor's copy and this one
 * each write only their own fields, and each reads the other's saves
 * back as any change made elsewhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-lesson-cause"
#define MAX_SUGGESTIONS 6

#include "config.h"

#include "amends-lesson-cause.h"

#include <glib/gi18n.h>

#include "amends-autosave.h"
#include "amends-completion-popover.h"
#include "amends-store-playbooks.h"

enum {
  FIELD_CAUSE,
  FIELD_PROCESS_CHANGED,
  N_FIELDS
};

static const AmendsAutosaveField fields[N_FIELDS] = {
  { "lesson-cause",    N_("Cause of the Breakdown"),     AMENDS_AUTOSAVE_FIELD_TEXT },
  { "process-changed", N_("Did We Change the Process?"), 0 },
};

struct _AmendsLessonCause
{
  AdwPreferencesGroup  parent_instance;

  AmendsStore         *store;
  AmendsAutosave      *autosave;
  gint64               case_id;
  gboolean             needs_reload;
  gboolean             needs_causes;
  GStrv                causes;          /* the site's list, to pick and complete from */
  AmendsCompletionPopover *completion;

  AdwEntryRow         *cause_row;
  GtkMenuButton       *cause_button;
  GtkSwitch           *process_switch;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (AmendsLessonCause, amends_lesson_cause, ADW_TYPE_PREFERENCES_GROUP)

static void
show_error (AmendsLessonCause *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The autosave's view of the two fields */

static GtkWidget *
get_widget_cb (gpointer view,
               guint    index)
{
  AmendsLessonCause *self = view;

  return index == FIELD_CAUSE ? GTK_WIDGET (self->cause_row) : GTK_WIDGET (self->process_switch);
}

static gboolean
read_field_cb (gpointer   view,
               guint      index,
               GValue    *value,
               GError   **error)
{
  AmendsLessonCause *self = view;

  if (index == FIELD_PROCESS_CHANGED)
    {
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, gtk_switch_get_active (self->process_switch));
    }
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cause_row))));
      const char *kept = text;

      /* "staffing" is the list's "Staffing": one cause, one spelling. */
      for (guint i = 0; self->causes != NULL && self->causes[i] != NULL; i++)
        if (amends_completion_popover_same_name (self->causes[i], text))
          kept = self->causes[i];

      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, *kept != '\0' ? kept : NULL);
    }

  return TRUE;
}

static void
show_field_cb (gpointer      view,
               guint         index,
               const GValue *value)
{
  AmendsLessonCause *self = view;

  if (index == FIELD_PROCESS_CHANGED)
    gtk_switch_set_active (self->process_switch, g_value_get_boolean (value));
  else
    {
      const char *text = g_value_get_string (value);
      g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cause_row))));

      /* "Staffing " is still "Staffing": a blank typed is not undone. */
      if (g_strcmp0 (text ? text : "", shown) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->cause_row), text ? text : "");
    }
}

static char *
describe_value_cb (gpointer      view,
                   guint         index,
                   const GValue *value)
{
  if (index == FIELD_PROCESS_CHANGED)
    return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));

  return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
}

static void
set_field_error_cb (gpointer    view,
                    guint       index,
                    const char *message)
{
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

static const AmendsAutosaveFuncs autosave_funcs = {
  .get_widget = get_widget_cb,
  .read_field = read_field_cb,
  .show_field = show_field_cb,
  .describe_value = describe_value_cb,
  .set_field_error = set_field_error_cb,
  .dup_conflict_intro = dup_conflict_intro_cb,
};

/* The causes the site keeps, to pick from */

static void
load_causes (AmendsLessonCause *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  GStrv causes;

  self->needs_causes = FALSE;
  g_strfreev (self->causes);
  causes = self->causes = amends_store_list_causes (self->store, &error);
  if (error != NULL)
    g_debug ("The causes could not be read: %s", error->message);

  for (guint i = 0; causes != NULL && causes[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (causes[i], NULL);

      g_menu_item_set_action_and_target_value (item, "lesson-cause.pick",
                                               g_variant_new_string (causes[i]));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->cause_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->cause_button), causes != NULL && causes[0] != NULL);
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmendsLessonCause *self = AMENDS_LESSON_CAUSE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->cause_row), g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (self->cause_row), -1);
}

/* Following the case */

/* The causes on the list that begin with what is typed. */
static void
suggest (AmendsLessonCause *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cause_row))));
  g_autofree char *folded = g_utf8_casefold (typed, -1);
  const char *names[MAX_SUGGESTIONS];
  guint n_names = 0;

  for (guint i = 0; *folded != '\0' && self->causes != NULL && self->causes[i] != NULL; i++)
    {
      g_autofree char *cause = g_utf8_casefold (self->causes[i], -1);

      if (g_str_has_prefix (cause, folded) && !g_str_equal (cause, folded))
        names[n_names++] = self->causes[i];
      if (n_names == MAX_SUGGESTIONS)
        break;
    }

  amends_completion_popover_show_names (self->completion, names, n_names);
}

static void
on_cause_changed_cb (AmendsLessonCause *self)
{
  if (self->case_id == 0)
    return;

  amends_autosave_changed (self->autosave, FIELD_CAUSE);
  if (!amends_completion_popover_is_filling (self->completion))
    suggest (self);
}

static void
on_process_changed_cb (AmendsLessonCause *self)
{
  if (self->case_id > 0)
    amends_autosave_changed (self->autosave, FIELD_PROCESS_CHANGED);
}

static void
on_saved_cb (AmendsLessonCause *self)
{
  show_error (self, NULL);
}

static void
on_save_failed_cb (AmendsLessonCause *self,
                   const GError      *error)
{
  /* What was typed stays, to be saved again; a conflict is asked about
   * by the autosave. */
  if (!g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT))
    show_error (self, error->message);
}

static void
on_record_changed_cb (AmendsLessonCause *self,
                      GType              type,
                      gint64             id)
{
  if (type == AMENDS_TYPE_CASE && id == self->case_id && id > 0)
    self->needs_reload = TRUE;
  else if (type == AMENDS_TYPE_CAUSES)
    self->needs_causes = TRUE;
}

static void
on_changes_committed_cb (AmendsLessonCause *self)
{
  g_autoptr(GError) error = NULL;

  if (self->needs_causes)
    load_causes (self);

  if (!self->needs_reload)
    return;

  self->needs_reload = FALSE;
  /* Gone for good: the editor shows no case either. */
  if (!amends_autosave_reload (self->autosave, &error) &&
      !g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND))
    show_error (self, error->message);
}

static void
amends_lesson_cause_dispose (GObject *object)
{
  AmendsLessonCause *self = AMENDS_LESSON_CAUSE (object);

  /* What was typed is saved, whatever closes the editor. */
  if (self->autosave != NULL)
    amends_autosave_close (self->autosave);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->completion != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->completion)));
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_LESSON_CAUSE);
  g_clear_object (&self->autosave);
  g_clear_pointer (&self->causes, g_strfreev);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_lesson_cause_parent_class)->dispose (object);
}

static void
amends_lesson_cause_class_init (AmendsLessonCauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_lesson_cause_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-lesson-cause.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonCause, cause_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonCause, cause_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonCause, process_switch);
  gtk_widget_class_bind_template_child (widget_class, AmendsLessonCause, error_label);

  gtk_widget_class_install_action (widget_class, "lesson-cause.pick", "s", pick_action);
}

static void
amends_lesson_cause_init (AmendsLessonCause *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->completion = amends_completion_popover_new (self->cause_row, _("Causes on the list"));

  g_signal_connect_swapped (self->cause_row, "changed", G_CALLBACK (on_cause_changed_cb), self);
  g_signal_connect_swapped (self->process_switch, "notify::active", G_CALLBACK (on_process_changed_cb), self);
}

GtkWidget *
amends_lesson_cause_new (void)
{
  return g_object_new (AMENDS_TYPE_LESSON_CAUSE, NULL);
}

/**
 * amends_lesson_cause_set_store:
 *
 * Gives the group its store, once, before any case.
 */
void
amends_lesson_cause_set_store (AmendsLessonCause *self,
                               AmendsStore       *store)
{
  g_return_if_fail (AMENDS_IS_LESSON_CAUSE (self));
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
  load_causes (self);
}

/**
 * amends_lesson_cause_set_case_id:
 * @case_id: the case shown, or 0 for none
 *
 * Saves what was typed for the case shown, then shows the other one's.
 */
void
amends_lesson_cause_set_case_id (AmendsLessonCause *self,
                                 gint64             case_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AMENDS_IS_LESSON_CAUSE (self));
  g_return_if_fail (self->autosave != NULL);

  if (self->case_id == case_id)
    return;

  amends_autosave_save (self->autosave, NULL);
  /* Loading writes the new values into the rows: not a change to save. */
  self->case_id = 0;
  self->needs_reload = FALSE;
  show_error (self, NULL);
  if (!amends_autosave_load (self->autosave, case_id, &error))
    show_error (self, error->message);
  self->case_id = amends_autosave_get_record (self->autosave) != NULL ? case_id : 0;
}

/**
 * amends_lesson_cause_flush:
 *
 * Saves what was typed now, rather than after the usual pause.
 */
gboolean
amends_lesson_cause_flush (AmendsLessonCause  *self,
                           GError            **error)
{
  g_return_val_if_fail (AMENDS_IS_LESSON_CAUSE (self), FALSE);

  return self->autosave == NULL || amends_autosave_flush (self->autosave, error);
}
