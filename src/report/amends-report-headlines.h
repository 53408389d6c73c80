/* amends-report-headlines.h: the top of the summary's first page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-report.h"
#include "amends-report-page.h"
#include "amends-store-measures.h"

G_BEGIN_DECLS

void amends_report_place_headlines   (AmendsPageCursor          *cur,
                                      const AmendsReportOptions *options,
                                      const AmendsMeasures      *now,
                                      const AmendsMeasures      *before,
                                      gboolean                   week);
void amends_report_place_key_figures (AmendsPageCursor          *cur,
                                      const AmendsMeasures      *now,
                                      gboolean                   over,
                                      gboolean                   week);

G_END_DECLS
