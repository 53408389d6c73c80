/* amends-report.h: the weekly summary, laid out in pages and drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "amends-period.h"
#include "amends-store.h"

G_BEGIN_DECLS

/* A4 in points: what the summary is printed on unless told otherwise. */
#define AMENDS_REPORT_A4_WIDTH  595.0
#define AMENDS_REPORT_A4_HEIGHT 842.0

/* What the report needs to know that is not in the database.  The caller
 * fills it (from GSettings, in the application and on the command line);
 * the report keeps its own copy. */
typedef struct
{
  char   *organisation;               /* NULL or "": no name printed */
  int     target_recovered_within;    /* percent */
  int     target_blown_away;          /* percent */
  int     recovery_target_hours;
  double  page_width;                 /* points */
  double  page_height;
  int     escalation_hours;           /* overdue by more: escalated to a lead */
} AmendsReportOptions;

void amends_report_options_init  (AmendsReportOptions *options);
void amends_report_options_clear (AmendsReportOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmendsReportOptions, amends_report_options_clear)

#define AMENDS_TYPE_REPORT (amends_report_get_type ())

G_DECLARE_FINAL_TYPE (AmendsReport, amends_report, AMENDS, REPORT, GObject)

AmendsReport *amends_report_new             (AmendsStore               *store,
                                             GDateTime                 *week_start,
                                             const AmendsReportOptions *options);
AmendsReport *amends_report_new_for_period  (AmendsStore               *store,
                                             AmendsPeriod              *period,
                                             const AmendsReportOptions *options);
char         *amends_report_dup_title       (AmendsReport              *self);
gboolean      amends_report_layout          (AmendsReport              *self,
                                             cairo_t                   *cr,
                                             double                     page_width,
                                             double                     page_height,
                                             GError                   **error);
guint         amends_report_get_n_pages     (AmendsReport              *self);
void          amends_report_draw_page       (AmendsReport              *self,
                                             cairo_t                   *cr,
                                             guint                      page);
gboolean      amends_report_write_pdf       (AmendsReport              *self,
                                             const char                *path,
                                             GError                   **error);

G_END_DECLS
