/* amends-story-editor-private.h: what the story editor's own files share
 *
 * amends-story-editor.c loads and saves the story, with its heroes;
 * amends-story-editor-stage.c offers its stages and reads when it was
 * told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-hero-picker.h"
#include "amends-story-editor.h"
#include "amends-story-training.h"

G_BEGIN_DECLS

struct _AmendsStoryEditor
{
  AdwWindow         parent_instance;

  AmendsStore      *store;
  AmendsStory      *story;           /* our own copy */
  AmendsStoryStage  initial_stage;
  gboolean          loading;
  gboolean          modified;
  gboolean          discarding;

  GtkWidget        *error_box;
  GtkLabel         *error_label;
  AdwEntryRow      *title_row;
  GtkTextView      *text_view;
  GtkWidget        *draft_button;
  AmendsHeroPicker *hero_picker;
  AdwComboRow      *stage_row;
  AdwEntryRow      *told_row;
  GtkLabel         *told_hint;
  AmendsStoryTraining *training_group;
};

char             *amends_story_editor_dup_row_text     (AdwEntryRow        *row);
void              amends_story_editor_load_stage       (AmendsStoryEditor  *self);
AmendsStoryStage  amends_story_editor_get_chosen_stage (AmendsStoryEditor  *self);
GDateTime        *amends_story_editor_read_told_at     (AmendsStoryEditor  *self,
                                                        GError            **error);
void              amends_story_editor_update_told      (AmendsStoryEditor  *self);

G_END_DECLS
