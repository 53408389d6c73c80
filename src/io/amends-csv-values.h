/* amends-csv-values.h: the text of a row's cells made a case's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amends-case.h"
#include "amends-csv-import.h"

G_BEGIN_DECLS

/* A row turned into a case, not yet in the store. */
typedef struct
{
  guint       line;
  guint64     fields;   /* bit i: field i of amends_csv_case_columns() came from the file */
  AmendsCase *kase;
  char       *customer;
  char       *customer_phone;
  char       *customer_email;
  char       *owner;
  char       *customer_key;   /* the names as looked up (amends_csv_name_key()) */
  char       *owner_key;
} AmendsCsvDraft;

/* The text of each of our fields in one row, with the column it came from
 * (for the problems' words). */
typedef struct
{
  const char *text[64];    /* the row's own, or one of owned */
  char       *owned[64];
  const char *column[64];
} AmendsCsvRowValues;

/* How a row's values are read: the same for every row of a file. */
typedef struct
{
  AmendsCsvDateOrder  date_order;
  GTimeZone          *zone;
} AmendsCsvValueContext;

void            amends_csv_add_problem        (GPtrArray                   *problems,
                                               guint                        line,
                                               const char                  *format,
                                               ...) G_GNUC_PRINTF (3, 4);
int             amends_csv_field_index        (const char                  *field);
char           *amends_csv_name_key           (const char                  *name);

void            amends_csv_row_values_set     (AmendsCsvRowValues          *values,
                                               const char                  *field,
                                               const char                  *column,
                                               const char                  *text);
void            amends_csv_row_values_clear   (AmendsCsvRowValues          *values);

AmendsCsvDraft *amends_csv_draft_from_values  (AmendsCsvRowValues          *values,
                                               guint                        line,
                                               const AmendsCsvValueContext *context,
                                               GPtrArray                   *problems);
void            amends_csv_draft_free         (AmendsCsvDraft              *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsCsvDraft, amends_csv_draft_free)

G_END_DECLS
