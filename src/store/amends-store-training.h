/* amends-store-training.h: stories marked to be taught from, and who has
 * read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

/* One person who has read a training story, and when. */
typedef struct
{
  gint64  staff_id;
  char   *name;
  gint64  read_at;    /* Unix seconds */
} AmendsStoryReader;

/* A told story marked for training, with what its case says. */
typedef struct
{
  gint64     story_id;
  char      *title;
  char      *text;          /* the story as told */
  gint64     told_at;       /* Unix seconds; 0 if not told */
  char      *reference;     /* of its case */
  char      *went_wrong;    /* the case's summary */
  char      *description;
  char      *fix;
  char      *surprise;
  gboolean   rule_bent;
  char      *bent_rule;
  char      *bent_rule_why;
  char      *lesson;
  GStrv      heroes;        /* names */
  GPtrArray *readers;       /* AmendsStoryReader, in the order they read it */
} AmendsTrainingStory;

void       amends_story_reader_free            (AmendsStoryReader   *reader);
void       amends_training_story_free          (AmendsTrainingStory *story);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsStoryReader, amends_story_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsTrainingStory, amends_training_story_free)

gboolean   amends_store_set_story_training     (AmendsStore  *self,
                                                AmendsStory  *story,
                                                gboolean      training,
                                                GError      **error);
GPtrArray *amends_store_list_story_readers     (AmendsStore  *self,
                                                gint64        story_id,
                                                GError      **error);
gboolean   amends_store_mark_story_read        (AmendsStore  *self,
                                                gint64        story_id,
                                                gint64        staff_id,
                                                GError      **error);
GPtrArray *amends_store_list_training_stories  (AmendsStore  *self,
                                                GError      **error);

G_END_DECLS
