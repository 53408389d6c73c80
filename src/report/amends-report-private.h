/* amends-report-private.h: what the report's sibling files may see of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-report.h"

G_BEGIN_DECLS

void amends_report_get_page_size (AmendsReport *self,
                                  double       *width,
                                  double       *height);

G_END_DECLS
