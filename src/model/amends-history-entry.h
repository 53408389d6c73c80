/* amends-history-entry.h: one change in a case's history, in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a change was about, as the History page filters it. */
typedef enum
{
  AMENDS_HISTORY_KIND_STEPS,     /* the case's status, steps, choices and times */
  AMENDS_HISTORY_KIND_TEXTS,     /* what people wrote on the case */
  AMENDS_HISTORY_KIND_TIMELINE,  /* its timeline entries */
  AMENDS_HISTORY_KIND_STORY,     /* its story */
} AmendsHistoryKind;

#define AMENDS_TYPE_HISTORY_KIND (amends_history_kind_get_type ())
GType amends_history_kind_get_type (void);

#define AMENDS_TYPE_HISTORY_ENTRY (amends_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (AmendsHistoryEntry, amends_history_entry, AMENDS, HISTORY_ENTRY, GObject)

AmendsHistoryEntry *amends_history_entry_new           (gint64             id,
                                                        GDateTime         *at,
                                                        gint64             actor_id,
                                                        const char        *actor_name,
                                                        AmendsHistoryKind  kind,
                                                        const char        *sentence,
                                                        const char        *full_sentence);
gint64              amends_history_entry_get_id        (AmendsHistoryEntry *self);
GDateTime          *amends_history_entry_get_at        (AmendsHistoryEntry *self);
gint64              amends_history_entry_get_actor_id  (AmendsHistoryEntry *self);
const char         *amends_history_entry_get_actor_name (AmendsHistoryEntry *self);
AmendsHistoryKind   amends_history_entry_get_kind      (AmendsHistoryEntry *self);
const char         *amends_history_entry_get_sentence  (AmendsHistoryEntry *self);
const char         *amends_history_entry_get_full_sentence (AmendsHistoryEntry *self);
gboolean            amends_history_entry_is_shortened  (AmendsHistoryEntry *self);
gboolean            amends_history_entry_matches       (AmendsHistoryEntry *self,
                                                        const char         *text);

G_END_DECLS
