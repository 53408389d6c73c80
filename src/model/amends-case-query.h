/* amends-case-query.h: what the list of cases is asked to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amends-case-filter.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CASE_QUERY (amends_case_query_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCaseQuery, amends_case_query, AMENDS, CASE_QUERY, GObject)

AmendsCaseQuery *amends_case_query_new                 (void);
int              amends_case_query_get_status          (AmendsCaseQuery  *self);
void             amends_case_query_set_status          (AmendsCaseQuery  *self,
                                                        int               status);
const char      *amends_case_query_get_owner           (AmendsCaseQuery  *self);
void             amends_case_query_set_owner           (AmendsCaseQuery  *self,
                                                        const char       *owner);
gint64           amends_case_query_get_actor_id        (AmendsCaseQuery  *self);
void             amends_case_query_set_actor_id        (AmendsCaseQuery  *self,
                                                        gint64            actor_id);
const char      *amends_case_query_get_category        (AmendsCaseQuery  *self);
void             amends_case_query_set_category        (AmendsCaseQuery  *self,
                                                        const char       *category);
gboolean         amends_case_query_get_overdue_only    (AmendsCaseQuery  *self);
void             amends_case_query_set_overdue_only    (AmendsCaseQuery  *self,
                                                        gboolean          overdue_only);
gboolean         amends_case_query_get_follow_up_due   (AmendsCaseQuery  *self);
void             amends_case_query_set_follow_up_due   (AmendsCaseQuery  *self,
                                                        gboolean          follow_up_due);
gboolean         amends_case_query_get_trash           (AmendsCaseQuery  *self);
void             amends_case_query_set_trash           (AmendsCaseQuery  *self,
                                                        gboolean          trash);
AmendsCaseSort   amends_case_query_get_sort            (AmendsCaseQuery  *self);
void             amends_case_query_set_sort            (AmendsCaseQuery  *self,
                                                        AmendsCaseSort    sort);
const char      *amends_case_query_get_search_text     (AmendsCaseQuery  *self);
void             amends_case_query_set_search_text     (AmendsCaseQuery  *self,
                                                        const char       *search_text);
gboolean         amends_case_query_get_needs_lead      (AmendsCaseQuery  *self);
void             amends_case_query_set_needs_lead      (AmendsCaseQuery  *self,
                                                        gboolean          needs_lead);
int              amends_case_query_get_escalation_hours (AmendsCaseQuery *self);
void             amends_case_query_set_escalation_hours (AmendsCaseQuery *self,
                                                         int              hours);
GDateTime       *amends_case_query_get_now             (AmendsCaseQuery  *self);
void             amends_case_query_set_now             (AmendsCaseQuery  *self,
                                                        GDateTime        *now);
gint64           amends_case_query_get_owner_id        (AmendsCaseQuery  *self);
gboolean         amends_case_query_get_nobody_at_desk  (AmendsCaseQuery  *self);
gboolean         amends_case_query_is_default          (AmendsCaseQuery  *self);
gboolean         amends_case_query_is_trash_alone      (AmendsCaseQuery  *self);
void             amends_case_query_reset               (AmendsCaseQuery  *self);
void             amends_case_query_get_filter          (AmendsCaseQuery  *self,
                                                        AmendsCaseFilter *filter);

G_END_DECLS
