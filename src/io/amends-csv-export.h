/* amends-csv-export.h: cases and their timelines as CSV files (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amends-store.h"

G_BEGIN_DECLS

const char * const *amends_csv_case_columns          (void);
const char * const *amends_csv_timeline_columns      (void);
char               *amends_csv_format_time           (GDateTime     *time);
char               *amends_csv_neutralise_formula    (const char    *text);
const char         *amends_csv_unneutralise_formula  (const char    *text);

gboolean            amends_csv_export_cases          (AmendsStore   *store,
                                                      GOutputStream *out,
                                                      GCancellable  *cancellable,
                                                      GError       **error);
gboolean            amends_csv_export_timeline       (AmendsStore   *store,
                                                      GOutputStream *out,
                                                      GCancellable  *cancellable,
                                                      GError       **error);
gboolean            amends_csv_export_cases_to_path  (AmendsStore   *store,
                                                      const char    *path,
                                                      GCancellable  *cancellable,
                                                      GError       **error);
gboolean            amends_csv_export_readable_cases_to_path (AmendsStore  *store,
                                                              const char   *path,
                                                              guint        *n_whole,
                                                              guint        *n_partial,
                                                              GCancellable *cancellable,
                                                              GError      **error);
gboolean            amends_csv_export_timeline_to_path (AmendsStore *store,
                                                        const char  *path,
                                                        GCancellable *cancellable,
                                                        GError     **error);

G_END_DECLS
