/* amends-history-entry.c: one change in a case's history, in plain words
 *
 * An entry is written once, when the history is read (in a worker
 * thread), and only read after: the sentence as the list shows it, with
 * long texts shortened, and the whole sentence, for the tooltip, the
 * expander and the printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-history-entry"

#include "config.h"

#include "amends-history-entry.h"

#include <string.h>

G_DEFINE_ENUM_TYPE (AmendsHistoryKind, amends_history_kind,
                    G_DEFINE_ENUM_VALUE (AMENDS_HISTORY_KIND_STEPS, "steps"),
                    G_DEFINE_ENUM_VALUE (AMENDS_HISTORY_KIND_TEXTS, "texts"),
                    G_DEFINE_ENUM_VALUE (AMENDS_HISTORY_KIND_TIMELINE, "timeline"),
                    G_DEFINE_ENUM_VALUE (AMENDS_HISTORY_KIND_STORY, "story"))

struct _AmendsHistoryEntry
{
  GObject            parent_instance;

  gint64             id;
  GDateTime         *at;
  gint64             actor_id;
  char              *actor_name;
  AmendsHistoryKind  kind;
  char              *sentence;
  char              *full_sentence;
  char              *folded;       /* what a search matches, case-folded */
};

G_DEFINE_FINAL_TYPE (AmendsHistoryEntry, amends_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AT,
  PROP_ACTOR_NAME,
  PROP_KIND,
  PROP_SENTENCE,
  PROP_FULL_SENTENCE,
  PROP_SHORTENED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
amends_history_entry_finalize (GObject *object)
{
  AmendsHistoryEntry *self = AMENDS_HISTORY_ENTRY (object);

  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->actor_name);
  g_free (self->sentence);
  g_free (self->full_sentence);
  g_free (self->folded);

  G_OBJECT_CLASS (amends_history_entry_parent_class)->finalize (object);
}

static void
amends_history_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AmendsHistoryEntry *self = AMENDS_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;
    case PROP_ACTOR_NAME:
      g_value_set_string (value, self->actor_name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SENTENCE:
      g_value_set_string (value, self->sentence);
      break;
    case PROP_FULL_SENTENCE:
      g_value_set_string (value, amends_history_entry_get_full_sentence (self));
      break;
    case PROP_SHORTENED:
      g_value_set_boolean (value, amends_history_entry_is_shortened (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_history_entry_class_init (AmendsHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amends_history_entry_finalize;
  object_class->get_property = amends_history_entry_get_property;

  properties [PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACTOR_NAME] =
    g_param_spec_string ("actor-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       AMENDS_TYPE_HISTORY_KIND, AMENDS_HISTORY_KIND_STEPS,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SENTENCE] =
    g_param_spec_string ("sentence", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FULL_SENTENCE] =
    g_param_spec_string ("full-sentence", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHORTENED] =
    g_param_spec_boolean ("shortened", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amends_history_entry_init (AmendsHistoryEntry *self)
{
}

/**
 * amends_history_entry_new:
 * @actor_name: (nullable): who made the change, by name
 * @sentence: the change in words, long texts shortened
 * @full_sentence: (nullable): the same with every text whole, when it
 *   differs from @sentence
 */
AmendsHistoryEntry *
amends_history_entry_new (gint64             id,
                          GDateTime         *at,
                          gint64             actor_id,
                          const char        *actor_name,
                          AmendsHistoryKind  kind,
                          const char        *sentence,
                          const char        *full_sentence)
{
  AmendsHistoryEntry *self;
  g_autofree char *search = NULL;

  g_return_val_if_fail (at != NULL, NULL);
  g_return_val_if_fail (sentence != NULL, NULL);

  self = g_object_new (AMENDS_TYPE_HISTORY_ENTRY, NULL);
  self->id = id;
  self->at = g_date_time_ref (at);
  self->actor_id = actor_id;
  self->actor_name = g_strdup (actor_name);
  self->kind = kind;
  self->sentence = g_strdup (sentence);
  if (full_sentence != NULL && g_strcmp0 (full_sentence, sentence) != 0)
    self->full_sentence = g_strdup (full_sentence);

  search = g_utf8_normalize (amends_history_entry_get_full_sentence (self), -1, G_NORMALIZE_ALL);
  self->folded = g_utf8_casefold (search, -1);

  return self;
}

gint64
amends_history_entry_get_id (AmendsHistoryEntry *self)
{
  g_return_val_if_fail (AMENDS_IS_HISTORY_ENTRY (self), 0);
  return self->id;
}

GDateTime *
amends_history_entry_get_at (AmendsHistoryEntry *self)
{
  g_return_val_if_fail (AMENDS_IS_HISTORY_ENTRY (self), NULL);
  return self->at;
}

/* Returns: the staff member who made the change, 0 when nobody was at the desk */
gint64
amends_history_entry_get_actor_id (AmendsHistoryEntry *self)
{
  g_return_val_if_fail (AMENDS_IS_HISTORY_ENTRY (self), 0);
  return self->actor_id;
}

const char *
amends_history_entry_get_actor_name (AmendsHistoryEntry *self)
{
  g_return_val_if_fail (AMENDS_IS_HISTORY_ENTRY (self), NULL);
  return self->actor_name;
}

AmendsHistoryKind
amends_history_entry_get_kind (AmendsHistoryEntry *self)
{
  g_return_val_if_fail (AMENDS_IS_HISTORY_ENTRY (self), AMENDS_HISTORY_KIND_STEPS);
  return self->kind;
}

const char *
amends_history_entry_get_sentence (AmendsHistoryEntry *self)
{
  g_return_val_if_fail (AMENDS_IS_HISTORY_ENTRY (self), NULL);
  return self->sentence;
}

/* Returns: the sentence with every text whole */
const char *
amends_history_entry_get_full_sentence (AmendsHistoryEntry *self)
{
  g_return_val_if_fail (AMENDS_IS_HISTORY_ENTRY (self), NULL);
  return self->full_sentence ? self->full_sentence : self->sentence;
}

gboolean
amends_history_entry_is_shortened (AmendsHistoryEntry *self)
{
  g_return_val_if_fail (AMENDS_IS_HISTORY_ENTRY (self), FALSE);
  return self->full_sentence != NULL;
}

/**
 * amends_history_entry_matches:
 * @text: (nullable): what a person searches for
 *
 * Returns: whether the whole sentence (which names who made the change)
 *   holds @text, ignoring case; an empty @text matches every entry
 */
gboolean
amends_history_entry_matches (AmendsHistoryEntry *self,
                              const char         *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (AMENDS_IS_HISTORY_ENTRY (self), FALSE);

  if (text == NULL || *text == '\0')
    return TRUE;

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (normal, -1);
  return strstr (self->folded, g_strstrip (folded)) != NULL;
}
