/* amends-store-import.h: many new records in one transaction, for an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

typedef struct _AmendsStoreBulk AmendsStoreBulk;

gboolean         amends_store_insert_within           (AmendsStore      *self,
                                                       AmendsRecord     *record,
                                                       GError          **error);
gboolean         amends_store_has_cases_and_customers (AmendsStore      *self,
                                                       gboolean         *has_cases,
                                                       gboolean         *has_customers,
                                                       GError          **error);
gint64           amends_store_find_case_by_reference  (AmendsStore      *self,
                                                       const char       *reference,
                                                       GError          **error);
gboolean         amends_store_note_import             (AmendsStore      *self,
                                                       guint             n_cases,
                                                       const char       *file_name,
                                                       GError          **error);

AmendsStoreBulk *amends_store_bulk_new                (AmendsStore      *store,
                                                       GType             type);
gboolean         amends_store_bulk_add                (AmendsStoreBulk  *self,
                                                       AmendsRecord     *record,
                                                       guint             tag,
                                                       guint            *failed_tag,
                                                       GError          **error);
gboolean         amends_store_bulk_flush              (AmendsStoreBulk  *self,
                                                       guint            *failed_tag,
                                                       GError          **error);
guint            amends_store_bulk_get_n_inserted     (AmendsStoreBulk  *self);
void             amends_store_bulk_free               (AmendsStoreBulk  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendsStoreBulk, amends_store_bulk_free)

G_END_DECLS
