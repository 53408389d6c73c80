/* amends-history-format.h: a row of the audit log in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-history-entry.h"
#include "amends-store.h"

G_BEGIN_DECLS

/* How long a quoted text may be in the list before it is shortened. */
#define AMENDS_HISTORY_SHORT_TEXT 60

/* What a row does not say by itself, found by the reader. */
typedef struct
{
  const char *actor;        /* who made the change; NULL: nobody was at the desk */
  GHashTable *staff;        /* (nullable) gint64 id → name */
  GHashTable *customers;    /* (nullable) gint64 id → name */
  const char *entry_kind;   /* a timeline entry's kind (its nick), for "created" */
  const char *entry_text;   /* what a timeline entry said when it was written */
  const char *currency;     /* (nullable) ISO code written before money */
  GDateTime  *now;          /* (nullable) times as the editor writes them
                             * ("today 14:30"); NULL: whole dates, for paper */
} AmendsHistoryFacts;

AmendsHistoryKind  amends_history_kind_of      (const AmendsAuditEntry   *row);
char              *amends_history_format_time  (GDateTime                *when,
                                                GDateTime                *now);
char              *amends_history_describe     (const AmendsAuditEntry   *row,
                                                const AmendsHistoryFacts *facts,
                                                guint                     max_chars);

G_END_DECLS
