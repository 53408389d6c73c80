/* amends-copy.h: moving the history between a SQLite file and a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmendsCopyTable:
 * @name: the table
 * @n_rows: how many rows were copied (and found on both sides)
 */
typedef struct
{
  char   *name;
  gint64  n_rows;
} AmendsCopyTable;

/**
 * AmendsCopyResult:
 * @tables: (element-type AmendsCopyTable): the tables copied, in the
 *   order they were written
 * @target: the target's name as shown to a person
 */
typedef struct
{
  GPtrArray *tables;
  char      *target;
} AmendsCopyResult;

gboolean  amends_copy_database          (const char        *from,
                                         const char        *to,
                                         AmendsCopyResult **result,
                                         GError           **error);
gint64    amends_copy_result_get_rows   (AmendsCopyResult  *result,
                                         const char        *table);
gint64    amends_copy_result_get_total  (AmendsCopyResult  *result);
void      amends_copy_result_free       (AmendsCopyResult  *result);

const char * const *amends_copy_get_derived_tables (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsCopyResult, amends_copy_result_free)

G_END_DECLS
