/* amends-story.c: a recovery told as a story, to celebrate its heroes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-story"

#include "config.h"

#include "amends-story.h"

#include "amends-enum-types.h"

struct _AmendsStory
{
  AmendsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmendsStory, amends_story, AMENDS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_TITLE,
  PROP_TEXT,
  PROP_STAGE,
  PROP_CREATED_AT,
  PROP_TOLD_AT,
  PROP_TRAINING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
amends_story_class_init (AmendsStoryClass *klass)
{
  properties [PROP_CASE_ID] = amends_record_id_field ("case-id");
  properties [PROP_TITLE] = amends_record_string_field ("title");
  properties [PROP_TEXT] = amends_record_string_field ("text");
  properties [PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       AMENDS_TYPE_STORY_STAGE, AMENDS_STORY_STAGE_CANDIDATE,
                       AMENDS_RECORD_FIELD_FLAGS);
  properties [PROP_CREATED_AT] = amends_record_time_field ("created-at");
  properties [PROP_TOLD_AT] = amends_record_time_field ("told-at");
  /* Marked to be taught from: it goes into the training pack. */
  properties [PROP_TRAINING] =
    g_param_spec_boolean ("training", NULL, NULL, FALSE, AMENDS_RECORD_FIELD_FLAGS);

  amends_record_class_install_fields (AMENDS_RECORD_CLASS (klass), "stories",
                                      N_PROPS, properties);
}

static void
amends_story_init (AmendsStory *self)
{
}

AmendsStory *
amends_story_new (void)
{
  return g_object_new (AMENDS_TYPE_STORY, NULL);
}

gint64
amends_story_get_case_id (AmendsStory *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY (self), 0);
  return amends_record_get_int64 (AMENDS_RECORD (self), properties [PROP_CASE_ID]);
}

const char *
amends_story_get_title (AmendsStory *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_TITLE]);
}

const char *
amends_story_get_text (AmendsStory *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_TEXT]);
}

AmendsStoryStage
amends_story_get_stage (AmendsStory *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY (self), 0);
  return amends_record_get_enum (AMENDS_RECORD (self), properties [PROP_STAGE]);
}

GDateTime *
amends_story_get_told_at (AmendsStory *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY (self), 0);
  return amends_record_get_date_time (AMENDS_RECORD (self), properties [PROP_TOLD_AT]);
}

gboolean
amends_story_get_training (AmendsStory *self)
{
  g_return_val_if_fail (AMENDS_IS_STORY (self), FALSE);
  return amends_record_get_boolean (AMENDS_RECORD (self), properties [PROP_TRAINING]);
}
