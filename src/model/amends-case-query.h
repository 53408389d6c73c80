/* amends-case-query.h: the query behind a list of cases, on any connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "amends-case-list.h"

G_BEGIN_DECLS

/* An open case of a list's base: its clock's due time, or G_MAXINT64 while
 * the clock is paused (a paused case is never overdue). */
typedef struct
{
  gint64 id;
  gint64 due;
} AmendsOpenCase;

/* What one run of the query gives.  @base is the ids of the same filter
 * without the search text, in the list's order (@ids itself when there is
 * no search), and @open its open cases: a search that follows reuses them
 * and asks SQLite only for the full-text hits.  The arrays are never
 * changed once made, so lists and threads may share them by reference. */
typedef struct
{
  GArray *ids;
  GArray *base;
  GArray *open;
  gint64  base_now;
  guint   n_open;
  guint   n_overdue;
} AmendsCaseIds;

void           amends_case_ids_free          (AmendsCaseIds          *ids);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsCaseIds, amends_case_ids_free)

void           amends_case_filter_copy       (AmendsCaseFilter       *dest,
                                              const AmendsCaseFilter *src);
void           amends_case_filter_clear      (AmendsCaseFilter       *filter);
gboolean       amends_case_ids_can_serve     (const AmendsCaseIds    *ids,
                                              const AmendsCaseFilter *ids_filter,
                                              const AmendsCaseFilter *filter,
                                              gint64                  now);
AmendsCaseIds *amends_case_query_run         (sqlite3                *db,
                                              const AmendsCaseFilter *filter,
                                              gint64                  now,
                                              const AmendsCaseIds    *reuse,
                                              GError                **error);

/* A read connection of a list's own, for its worker threads: one thread
 * at a time uses it, and it keeps its page cache warm between refreshes. */
typedef struct _AmendsCaseReader AmendsCaseReader;

AmendsCaseReader *amends_case_reader_new   (const char             *uri);
AmendsCaseReader *amends_case_reader_ref   (AmendsCaseReader       *reader);
void              amends_case_reader_unref (AmendsCaseReader       *reader);
AmendsCaseIds    *amends_case_reader_run   (AmendsCaseReader       *reader,
                                            const AmendsCaseFilter *filter,
                                            gint64                  now,
                                            const AmendsCaseIds    *reuse,
                                            GCancellable           *cancellable,
                                            GError                **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsCaseReader, amends_case_reader_unref)

G_END_DECLS
