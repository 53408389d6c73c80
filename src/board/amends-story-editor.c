/* amends-story-editor.c: write a recovery up as a story, and name its heroes
 *
 * Managers turn good recoveries into stories so that the staff who did them
 * are celebrated ("make a big deal of what they do", seeds/004).  The editor
 * works on its own copy of the story and saves it all at once, with its
 * heroes, in one transaction: a story is told as a whole, so half of one is
 * never written.  Unlike the case editor it has a Save button, and closing
 * it with changes asks first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-story-editor"

#include "config.h"

#include "amends-story-editor.h"

#include <glib/gi18n.h>

#include "amends-story-editor-private.h"
#include "amends-store-helpers.h"
#include "amends-store-stories.h"
#include "amends-utils.h"

G_DEFINE_FINAL_TYPE (AmendsStoryEditor, amends_story_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
dup_story_text (AmendsStoryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
amends_story_editor_show_error (AmendsStoryEditor *self,
                                const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->error_box, TRUE);
}

static void
amends_story_editor_hide_error (AmendsStoryEditor *self)
{
  gtk_widget_set_visible (self->error_box, FALSE);
}

static void
amends_story_editor_update_draft (AmendsStoryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* A draft only ever fills an empty story: it never writes over words. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story-editor.draft",
                                 gtk_text_buffer_get_char_count (buffer) == 0 &&
                                 amends_story_get_case_id (self->story) > 0);
}

static void
on_changed_cb (AmendsStoryEditor *self)
{
  if (self->loading)
    return;

  self->modified = TRUE;
}

static void
on_text_changed_cb (AmendsStoryEditor *self)
{
  amends_story_editor_update_draft (self);
  on_changed_cb (self);
}

static void
on_told_changed_cb (AmendsStoryEditor *self)
{
  amends_story_editor_update_told (self);
  on_changed_cb (self);
}

static void
on_stage_changed_cb (AmendsStoryEditor *self)
{
  amends_story_editor_update_told (self);
  on_changed_cb (self);
}

static void
amends_story_editor_load_heroes (AmendsStoryEditor *self)
{
  g_autoptr(GArray) heroes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 story_id = amends_record_get_id (AMENDS_RECORD (self->story));

  heroes = amends_store_get_story_heroes (self->store, story_id, &error);
  if (heroes == NULL)
    {
      amends_story_editor_show_error (self, error->message);
      g_clear_error (&error);
    }

  /* The first time, the owner of the case is the hero: the person who took
   * ownership and followed up. */
  if (heroes != NULL && heroes->len == 0 && amends_story_get_case_id (self->story) > 0)
    {
      g_autoptr(AmendsCase) kase = amends_store_load (self->store, AMENDS_TYPE_CASE,
                                                      amends_story_get_case_id (self->story),
                                                      NULL);
      gint64 owner_id = kase ? amends_case_get_owner_id (kase) : 0;
      g_autoptr(GArray) helpers = NULL;

      if (owner_id > 0)
        g_array_append_val (heroes, owner_id);
      /* Those who helped are heroes beside the owner. */
      if (kase != NULL &&
          (helpers = amends_store_list_case_helpers (self->store, amends_story_get_case_id (self->story), NULL)))
        g_array_append_vals (heroes, helpers->data, helpers->len);
    }

  if (!amends_hero_picker_load (self->hero_picker, self->store, heroes, &error))
    amends_story_editor_show_error (self, error->message);
}

static void
amends_story_editor_load (AmendsStoryEditor *self)
{
  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         amends_story_get_title (self->story) ? amends_story_get_title (self->story) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            amends_story_get_text (self->story) ? amends_story_get_text (self->story) : "",
                            -1);

  amends_story_editor_load_stage (self);
  amends_story_editor_load_heroes (self);
  amends_story_editor_update_told (self);
  amends_story_editor_update_draft (self);
  amends_story_training_load (self->training_group, self->store, self->story);

  self->loading = FALSE;
}

/* Actions */

static void
amends_story_editor_draft_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AmendsStoryEditor *self = AMENDS_STORY_EDITOR (widget);
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *title = amends_story_editor_dup_row_text (self->title_row);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  if (gtk_text_buffer_get_char_count (buffer) > 0)
    return;

  kase = amends_store_load (self->store, AMENDS_TYPE_CASE,
                            amends_story_get_case_id (self->story), &error);
  if (kase == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "Another program is using the database." */
      message = g_strdup_printf (_("The case could not be read. %s"), error->message);
      amends_story_editor_show_error (self, message);
      return;
    }

  draft = amends_case_dup_story_draft (kase);
  gtk_text_buffer_set_text (buffer, draft, -1);

  if (*title == '\0' && amends_case_get_summary (kase) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), amends_case_get_summary (kase));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Sets the fields on our copy of the story, and saves it with its heroes:
 * on failure the store reads the copy again as it has it. */
static gboolean
amends_story_editor_save (AmendsStoryEditor  *self,
                          const char         *title,
                          const char         *text,
                          AmendsStoryStage    stage,
                          GDateTime          *told_at,
                          GArray             *heroes,
                          GError            **error)
{
  g_object_set (self->story,
                "title", title,
                "text", *text != '\0' ? text : NULL,
                "stage", stage,
                "told-at", told_at,
                "training", amends_story_training_get_active (self->training_group),
                NULL);

  return amends_store_save_story (self->store, self->story, heroes, error);
}

static void
amends_story_editor_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AmendsStoryEditor *self = AMENDS_STORY_EDITOR (widget);
  g_autofree char *title = amends_story_editor_dup_row_text (self->title_row);
  g_autofree char *text = dup_story_text (self);
  g_autoptr(GArray) heroes = amends_hero_picker_dup_chosen (self->hero_picker);
  g_autoptr(GDateTime) told_at = NULL;
  g_autoptr(GError) error = NULL;
  AmendsStoryStage stage = amends_story_editor_get_chosen_stage (self);

  if (*title == '\0')
    {
      amends_story_editor_show_error (self, _("Give the story a title: it is what the team reads first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }

  if (heroes->len == 0)
    {
      amends_story_editor_show_error (self, _("Choose at least one hero: the story celebrates who put things right."));
      return;
    }

  told_at = amends_story_editor_read_told_at (self, &error);
  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "“next tuesday” is not a time Amends can read." */
      message = g_strdup_printf (_("The story was not saved. %s"), error->message);
      amends_story_editor_update_told (self);
      amends_entry_row_set_invalid (self->told_row, self->told_hint, TRUE);
      amends_story_editor_show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->told_row));
      return;
    }

  if (!amends_story_editor_save (self, title, text, stage, told_at, heroes, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "Another program is using the database." */
      message = g_strdup_printf (_("The story was not saved. %s"), error->message);
      amends_story_editor_show_error (self, message);
      return;
    }

  amends_story_editor_hide_error (self);
  self->modified = FALSE;

  g_object_ref (self);
  g_signal_emit (self, signals [SAVED], 0, amends_record_get_id (AMENDS_RECORD (self->story)));
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
destroy_discarded_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
on_discard_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        AmendsStoryEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Once the dialog is done with its response: it is transient for the
   * editor, and closes itself after this returns. */
  self->discarding = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_discarded_cb,
                   g_object_ref (self), g_object_unref);
}

static void
amends_story_editor_ask_discard (AmendsStoryEditor *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Discard Changes?"),
                                   _("The changes to this story have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GtkWindow */

static gboolean
amends_story_editor_close_request (GtkWindow *window)
{
  AmendsStoryEditor *self = AMENDS_STORY_EDITOR (window);

  if (self->modified && !self->discarding)
    {
      amends_story_editor_ask_discard (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (amends_story_editor_parent_class)->close_request (window);
}

/* GObject */

static void
amends_story_editor_constructed (GObject *object)
{
  AmendsStoryEditor *self = (AmendsStoryEditor *)object;
  g_autoptr(AmendsStory) copy = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (amends_story_editor_parent_class)->constructed (object);

  g_assert (AMENDS_IS_STORE (self->store));
  g_assert (AMENDS_IS_STORY (self->story));

  /* Its own copy, fresh from the store: what the caller holds may be old,
   * and stays as it is until the story is saved. */
  copy = amends_store_load (self->store, AMENDS_TYPE_STORY,
                            amends_record_get_id (AMENDS_RECORD (self->story)), &error);
  if (copy != NULL)
    g_set_object (&self->story, copy);
  else
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "Another program is using the database." */
      message = g_strdup_printf (_("The story could not be read again; this is how it was. %s"),
                                 error->message);
      amends_story_editor_show_error (self, message);
      copy = amends_story_new ();
      amends_record_copy_fields (AMENDS_RECORD (copy), AMENDS_RECORD (self->story));
      g_set_object (&self->story, copy);
    }

  self->initial_stage = amends_story_get_stage (self->story);
  amends_story_editor_load (self);

  g_signal_connect_object (self->title_row, "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage_row, "notify::selected",
                           G_CALLBACK (on_stage_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->told_row, "changed",
                           G_CALLBACK (on_told_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
amends_story_editor_dispose (GObject *object)
{
  AmendsStoryEditor *self = (AmendsStoryEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_STORY_EDITOR);

  G_OBJECT_CLASS (amends_story_editor_parent_class)->dispose (object);
}

static void
amends_story_editor_finalize (GObject *object)
{
  AmendsStoryEditor *self = (AmendsStoryEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->story);

  G_OBJECT_CLASS (amends_story_editor_parent_class)->finalize (object);
}

static void
amends_story_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmendsStoryEditor *self = AMENDS_STORY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_story_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmendsStoryEditor *self = AMENDS_STORY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_STORY:
      self->story = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_story_editor_class_init (AmendsStoryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (AMENDS_TYPE_HERO_PICKER);
  g_type_ensure (AMENDS_TYPE_STORY_TRAINING);

  object_class->constructed = amends_story_editor_constructed;
  object_class->dispose = amends_story_editor_dispose;
  object_class->finalize = amends_story_editor_finalize;
  object_class->get_property = amends_story_editor_get_property;
  object_class->set_property = amends_story_editor_set_property;

  window_class->close_request = amends_story_editor_close_request;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* Given: the story to edit; read: the editor's own copy. */
  properties [PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL,
                         AMENDS_TYPE_STORY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsStoryEditor::saved:
   * @self: the editor
   * @story_id: the id of the story just saved
   *
   * The story and its heroes are saved; the editor closes right after.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /* A window of its own over the main one: read out as a dialog, not as
   * the filler a plain window is.  The template says so again: with a
   * screen reader running, GTK 4.8 makes the window's accessible context
   * while GtkWindow's own init runs, with GtkWindow's role. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-story-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, draft_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, hero_picker);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, told_row);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, told_hint);
  gtk_widget_class_bind_template_child (widget_class, AmendsStoryEditor, training_group);

  gtk_widget_class_install_action (widget_class, "story-editor.save", NULL,
                                   amends_story_editor_save_action);
  gtk_widget_class_install_action (widget_class, "story-editor.draft", NULL,
                                   amends_story_editor_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "story-editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amends_story_editor_init (AmendsStoryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->hero_picker, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->training_group, "changed", G_CALLBACK (on_changed_cb), self);

  gtk_accessible_update_property (amends_entry_row_get_text (self->title_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  -1);
  gtk_accessible_update_property (amends_entry_row_get_text (self->told_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("When it was told"),
                                  -1);
  gtk_accessible_update_relation (amends_entry_row_get_text (self->told_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->told_hint, NULL,
                                  -1);

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * amends_story_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: where the story is saved
 * @story: the story to edit; the editor reads its own copy
 *
 * Returns: (transfer none): a new story editor, modal for @parent; the
 *   caller presents it
 */
AmendsStoryEditor *
amends_story_editor_new (GtkWindow   *parent,
                         AmendsStore *store,
                         AmendsStory *story)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (AMENDS_IS_STORY (story), NULL);

  return g_object_new (AMENDS_TYPE_STORY_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "story", story,
                       NULL);
}

AmendsStore *
amends_story_editor_get_store (AmendsStoryEditor *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY_EDITOR (self), NULL);

  return self->store;
}

/**
 * amends_story_editor_get_story:
 *
 * Returns: (transfer none): the editor's own copy of the story
 */
AmendsStory *
amends_story_editor_get_story (AmendsStoryEditor *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY_EDITOR (self), NULL);

  return self->story;
}

/* Whether anything was changed since the story was opened or saved. */
gboolean
amends_story_editor_get_modified (AmendsStoryEditor *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY_EDITOR (self), FALSE);

  return self->modified;
}
