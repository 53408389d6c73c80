/* amends-csv-export-private.h: what the files of the CSV export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-csv-export.h"

G_BEGIN_DECLS

/* How a column of the streaming query is written (amends-csv-export-cells.c):
 * as the record would have read and formatted it, without making one. */
typedef enum
{
  AMENDS_CSV_CELL_TEXT,
  AMENDS_CSV_CELL_TIME,
  AMENDS_CSV_CELL_BOOLEAN,
  AMENDS_CSV_CELL_INT64,
  AMENDS_CSV_CELL_ENUM,
  AMENDS_CSV_CELL_FLAGS,
  AMENDS_CSV_CELL_CENTS,
  AMENDS_CSV_CELL_PATHS,
} AmendsCsvCellKind;

typedef struct
{
  AmendsCsvCellKind  kind;
  gboolean           is_text;    /* free text: neutralised */
  GParamSpec        *pspec;      /* its default, and its enum or flags class */
  const char        *prefix;     /* PATHS: the folder each line is in, or NULL */
} AmendsCsvCell;

const gboolean *amends_csv_timeline_is_text         (void);
gboolean        amends_csv_starts_like_formula      (const char          *text);
void            amends_csv_append_field             (GString             *line,
                                                     const char          *text,
                                                     gboolean             first);
void            amends_csv_append_row               (GString             *buffer,
                                                     const char * const  *values,
                                                     const gboolean      *is_text,
                                                     guint                n_values);
gboolean        amends_csv_flush                    (GOutputStream       *out,
                                                     GString             *buffer,
                                                     gboolean             force,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
gboolean        amends_csv_case_column_is_text      (const char          *column);

char           *amends_csv_format_flags             (GParamSpec          *pspec,
                                                     const GValue        *value);
char           *amends_csv_case_column_expression   (const char          *column);
AmendsCsvCell   amends_csv_cell_for_property        (GObjectClass        *klass,
                                                     const char          *column,
                                                     gboolean             is_text);
AmendsCsvCell   amends_csv_case_cell                (GObjectClass        *klass,
                                                     const char          *column);
gboolean        amends_csv_stream_rows              (AmendsStore         *store,
                                                     const char          *sql,
                                                     const AmendsCsvCell *cells,
                                                     guint                n_cells,
                                                     GString             *buffer,
                                                     GOutputStream       *out,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

/* amends-csv-export-attachments.c: the attachments' files beside the
 * cases' CSV file.  The path of attachment a of case c in their folder,
 * "C-2026-00001/IMG_2034.jpg": the reference and the name made safe as
 * file names, and a name that repeats in a case preceded by the id. */
#define AMENDS_CSV_SAFE_NAME(E, x) \
  "(CASE WHEN " x " IN ('', '.', '..') THEN '_' ELSE replace (replace (replace (replace (" \
  x ", '/', '_'), '\\', '_'), " AMENDS_SQL_CHAR (E, "10") ", ' '), " AMENDS_SQL_CHAR (E, "13") ", ' ') END)"
#define AMENDS_CSV_ATTACHMENT_PATH(E, a, c) \
  AMENDS_CSV_SAFE_NAME (E, c ".reference") " || '/' ||" \
  " (CASE WHEN EXISTS (SELECT 1 FROM attachments AS twin WHERE twin.case_id = " a ".case_id" \
  " AND twin.deleted_at IS NULL AND twin.name = " a ".name AND twin.id < " a ".id)" \
  " THEN " a ".id || '-' ELSE '' END) || " AMENDS_CSV_SAFE_NAME (E, a ".name")

char           *amends_csv_attachments_folder_name  (const char          *csv_path);
gboolean        amends_csv_export_attachments       (AmendsStore         *store,
                                                     const char          *csv_path,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

gboolean        amends_csv_export_readable_cases    (AmendsStore         *store,
                                                     GOutputStream       *out,
                                                     guint               *n_whole,
                                                     guint               *n_partial,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
gboolean        amends_csv_export_readable_timeline (AmendsStore         *store,
                                                     GOutputStream       *out,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

G_END_DECLS
