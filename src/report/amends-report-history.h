/* amends-report-history.h: a case's history on paper, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define AMENDS_TYPE_REPORT_HISTORY (amends_report_history_get_type ())

G_DECLARE_FINAL_TYPE (AmendsReportHistory, amends_report_history, AMENDS, REPORT_HISTORY, GObject)

AmendsReportHistory *amends_report_history_new         (const char          *title,
                                                        const char          *subtitle,
                                                        GListModel          *entries,
                                                        GDateTime           *printed_at);
void                 amends_report_history_layout      (AmendsReportHistory *self,
                                                        cairo_t             *cr,
                                                        double               page_width,
                                                        double               page_height);
guint                amends_report_history_get_n_pages (AmendsReportHistory *self);
void                 amends_report_history_draw_page   (AmendsReportHistory *self,
                                                        cairo_t             *cr,
                                                        guint                page);
gboolean             amends_report_history_write_pdf   (AmendsReportHistory *self,
                                                        const char          *path,
                                                        double               page_width,
                                                        double               page_height,
                                                        GError             **error);

G_END_DECLS
