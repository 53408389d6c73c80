/* amends-story-editor-stage.c: the story editor's stage, and when the
 * story was told
 *
 * The told time is read as people type it (amends-when), and only when
 * the story is told; the hint under the row says what it is read as, or
 * why it cannot be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-story-editor-stage"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-story-editor-private.h"
#include "amends-utils.h"
#include "amends-when.h"

/* The stages the editor offers, in the order of the combo row. */
static const AmendsStoryStage stages[] = {
  AMENDS_STORY_STAGE_CANDIDATE,
  AMENDS_STORY_STAGE_DRAFTED,
  AMENDS_STORY_STAGE_TOLD,
};

/* A row's text without the spaces around it. */
char *
amends_story_editor_dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Fills the stage row and the told time from the story. */
void
amends_story_editor_load_stage (AmendsStoryEditor *self)
{
  g_autoptr(GtkStringList) stage_labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  GDateTime *told_at = amends_story_get_told_at (self->story);
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      gtk_string_list_append (stage_labels, amends_story_stage_to_label (stages[i]));
      if (stages[i] == self->initial_stage)
        selected = i;
    }
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stage_labels));
  adw_combo_row_set_selected (self->stage_row, selected);

  if (told_at != NULL)
    {
      g_autofree char *text = amends_when_format (told_at, now);
      gtk_editable_set_text (GTK_EDITABLE (self->told_row), text);
    }
}

AmendsStoryStage
amends_story_editor_get_chosen_stage (AmendsStoryEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  /* A dismissed story keeps its stage unless another one is chosen. */
  if (self->initial_stage == AMENDS_STORY_STAGE_DISMISSED && selected == 0)
    return AMENDS_STORY_STAGE_DISMISSED;

  return selected < G_N_ELEMENTS (stages) ? stages[selected] : AMENDS_STORY_STAGE_CANDIDATE;
}

/* Reads the told time as the form says: %NULL without an error when the
 * story is not told; now when it is told and the row is empty. */
GDateTime *
amends_story_editor_read_told_at (AmendsStoryEditor  *self,
                                  GError            **error)
{
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autofree char *text = amends_story_editor_dup_row_text (self->told_row);

  if (amends_story_editor_get_chosen_stage (self) != AMENDS_STORY_STAGE_TOLD)
    return NULL;

  /* amends_when_parse() reads "" as now, too; but say so here, where an
   * empty row means "now" only because the story is told. */
  if (*text == '\0')
    return g_steal_pointer (&now);

  return amends_when_parse (text, now, error);
}

/* Says what the told time is read as, or why it cannot be read. */
void
amends_story_editor_update_told (AmendsStoryEditor *self)
{
  g_autoptr(GDateTime) told_at = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = amends_story_editor_dup_row_text (self->told_row);
  gboolean told = amends_story_editor_get_chosen_stage (self) == AMENDS_STORY_STAGE_TOLD;

  gtk_widget_set_sensitive (GTK_WIDGET (self->told_row), told);

  if (!told)
    {
      gtk_label_set_text (self->told_hint, _("Choose “Told” once the story has been told to the team."));
      amends_entry_row_set_invalid (self->told_row, self->told_hint, FALSE);
      return;
    }

  if (*text == '\0')
    {
      gtk_label_set_text (self->told_hint, _("Empty: told now, when you save."));
      amends_entry_row_set_invalid (self->told_row, self->told_hint, FALSE);
      return;
    }

  told_at = amends_story_editor_read_told_at (self, &error);
  if (told_at == NULL)
    {
      gtk_label_set_text (self->told_hint, error->message);
      amends_entry_row_set_invalid (self->told_row, self->told_hint, TRUE);
    }
  else
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (told_at);
      /* Translators: a g_date_time_format() format: "Told on 17 November 2026 at 09:00" */
      g_autofree char *hint = g_date_time_format (local, _("Told on %-d %B %Y at %H:%M"));

      gtk_label_set_text (self->told_hint, hint);
      amends_entry_row_set_invalid (self->told_row, self->told_hint, FALSE);
    }
}
