/* amends-stay.h: the guest's stay, read as typed and told beside the clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-case.h"

G_BEGIN_DECLS

GDateTime *amends_stay_parse_time               (const char  *text,
                                                 GDateTime   *now,
                                                 GError     **error);
char      *amends_stay_format_time              (GDateTime   *when,
                                                 GDateTime   *now);
char      *amends_stay_format_day_time          (GDateTime   *when,
                                                 GDateTime   *now);
char      *amends_stay_describe_departure       (AmendsCase  *kase,
                                                 GDateTime   *now);
gboolean   amends_stay_is_due_after_departure   (AmendsCase  *kase,
                                                 GDateTime   *now);
char      *amends_stay_summarize                (AmendsCase  *kase,
                                                 GDateTime   *now);
gboolean   amends_stay_is_empty                 (AmendsCase  *kase);

G_END_DECLS
