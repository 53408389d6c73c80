/* amends-csv-insert.h: the checked rows of a file saved as cases, in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-csv-import.h"
#include "amends-csv-values.h"
#include "amends-store-import.h"

G_BEGIN_DECLS

/* What saving the rows of one import holds, from amends_csv_inserter_begin()
 * to amends_csv_inserter_clear(); the counts stay until reset. */
typedef struct
{
  AmendsStore       *store;          /* not owned */
  AmendsCsvExisting  existing;
  GHashTable        *staff;          /* casefolded name → id */
  GHashTable        *customers;      /* casefolded name → id */
  GHashTable        *inserted;       /* references this import gave cases */
  AmendsStoreBulk   *bulk;           /* the new cases, a batch at a time */
  gboolean           had_cases;      /* the database had cases when it began */
  gboolean           had_customers;
  guint              n_imported;
  guint              n_updated;
  guint              n_skipped;
} AmendsCsvInserter;

gboolean amends_csv_inserter_begin        (AmendsCsvInserter  *self,
                                           AmendsStore        *store,
                                           AmendsCsvExisting   existing,
                                           GError            **error);
gboolean amends_csv_inserter_add          (AmendsCsvInserter  *self,
                                           AmendsCsvDraft     *draft,
                                           GError            **error);
gboolean amends_csv_inserter_end          (AmendsCsvInserter  *self,
                                           const char         *file_name,
                                           GError            **error);
void     amends_csv_inserter_clear        (AmendsCsvInserter  *self);
void     amends_csv_inserter_reset_counts (AmendsCsvInserter  *self);

G_END_DECLS
