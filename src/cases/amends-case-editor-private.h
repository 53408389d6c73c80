/* amends-case-editor-private.h: what the case editor's own files share
 *
 * The editor is one widget in five files, as GNOME Text Editor splits its
 * page: amends-case-editor.c loads the case and follows the store,
 * amends-case-editor-fields.c reads, checks and shows the fields (which
 * AmendsAutosave saves), amends-case-editor-rows.c makes the rows that
 * are made in code, amends-case-editor-header.c draws the header and the
 * clock, and amends-case-editor-steps.c takes the steps of a recovery
 * (with the dialogs that ask before them); amends-case-editor-desk.c asks
 * who is taking ownership when nobody is at the desk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-attachments.h"
#include "amends-autosave.h"
#include "amends-case-editor.h"
#include "amends-customer-card.h"
#include "amends-lesson-cause.h"
#include "amends-playbook-hint.h"
#include "amends-stay-group.h"
#include "amends-timeline.h"

G_BEGIN_DECLS

#define AMENDS_CASE_EDITOR_N_FIELDS 22
#define AMENDS_CASE_EDITOR_N_RATER  5

/* The dimensions of service quality, in the order of the RATER rows. */
static const AmendsRater amends_case_editor_rater[AMENDS_CASE_EDITOR_N_RATER] = {
  AMENDS_RATER_RELIABILITY,
  AMENDS_RATER_ASSURANCE,
  AMENDS_RATER_TANGIBLES,
  AMENDS_RATER_EMPATHY,
  AMENDS_RATER_RESPONSIVENESS,
};

typedef struct
{
  AmendsCaseEditor *self;
  guint             index;
} AmendsCaseEditorFieldRef;

struct _AmendsCaseEditor
{
  GtkWidget            parent_instance;

  AmendsStore         *store;
  AmendsAutosave      *autosave;
  AmendsCase          *kase;          /* the autosave's copy, while one is shown */
  gint64               case_id;
  GArray              *owner_ids;     /* gint64, parallel to the owner row's model */

  guint                clock_source;
  gboolean             showing;       /* writing values into the widgets */
  gboolean             needs_reload;
  gboolean             needs_staff;
  gboolean             showing_waiting; /* save_error_label says what waits for the server */
  gboolean             loading;         /* showing another case: its parts being read */

  GtkRevealer         *trash_revealer;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkLabel            *reference_label;
  GtkLabel            *status_label;
  GtkLabel            *follow_up_due_label;
  GtkLabel            *summary_label;
  GtkWidget           *clock_box;
  GtkImage            *clock_icon;
  GtkLabel            *clock_label;
  GtkLabel            *clock_detail_label;
  GtkLabel            *save_error_label;
  GtkWidget           *actions_box;
  GtkWidget           *take_ownership_button;
  GtkWidget           *start_recovery_button;
  GtkWidget           *mark_recovered_button;
  GtkWidget           *close_button;
  GtkWidget           *reopen_button;
  GtkWidget           *propose_button;
  GtkWidget           *pause_button;
  GtkWidget           *resume_button;
  GtkWidget           *next_step;     /* the step that stands out, or NULL */
  GtkPopover          *who_popover;   /* "Who are you?", under Take Ownership */
  GtkWidget           *who_list;
  GtkWidget           *who_scroller;
  GtkWidget           *who_empty_box;
  GtkWidget           *who_add_button;
  GtkWidget           *fields_box;

  GtkWidget           *summary_row;
  GtkWidget           *description_view;
  AdwActionRow        *customer_row;
  GtkWidget           *category_row;
  GtkMenuButton       *category_button;
  GtkWidget           *severity_row;
  GtkWidget           *channel_row;
  GtkWidget           *noticed_row;
  GtkWidget           *occurred_row;
  GtkWidget           *summary_error_label;
  GtkWidget           *occurred_error_label;
  AdwBin              *customer_card_bin;
  AmendsCustomerCard  *customer_card;
  GtkWidget           *owner_row;
  GtkWidget           *team_row;
  GtkWidget           *fix_view;
  GtkWidget           *surprise_view;
  GtkWidget           *cost_row;
  GtkWidget           *cost_error_label;
  AdwBin              *timeline_bin;
  AmendsTimeline      *timeline;
  GtkWidget           *timeline_entry;  /* the timeline's, for its draft */
  GtkWidget           *rule_row;
  GtkWidget           *bent_rule_row;
  GtkWidget           *why_view;
  AdwPreferencesGroup *rater_group;
  GtkWidget           *failed_checks[AMENDS_CASE_EDITOR_N_RATER];
  GtkWidget           *shown_checks[AMENDS_CASE_EDITOR_N_RATER];
  GtkWidget           *reaction_row;
  GtkWidget           *came_back_row;
  GtkWidget           *follow_up_row;
  GtkWidget           *follow_up_error_label;
  GtkPopover          *follow_up_popover;
  GtkCalendar         *follow_up_calendar;
  GtkWidget           *lesson_view;
  AmendsPlaybookHint  *playbook_hint;
  AmendsLessonCause   *lesson_cause;
  AmendsStayGroup     *stay_group;
  GtkWidget           *stay_flag_box;

  AmendsCaseEditorFieldRef refs[AMENDS_CASE_EDITOR_N_FIELDS];

  AmendsAttachments   *attachments;
};

/* amends-case-editor.c */
void _amends_case_editor_report_error      (AmendsCaseEditor *self,
                                            const char       *message);

/* amends-case-editor-fields.c */
void _amends_case_editor_init_fields       (AmendsCaseEditor *self);

/* amends-case-editor-rows.c */
void _amends_case_editor_build_rows        (AmendsCaseEditor *self);
GDateTime *_amends_case_editor_parse_due   (const char       *text,
                                            GDateTime        *now,
                                            GError          **error);
char *_amends_case_editor_format_due       (GDateTime        *due);
void _amends_case_editor_init_autosave     (AmendsCaseEditor *self);
void _amends_case_editor_clear_save_error  (AmendsCaseEditor *self);
void _amends_case_editor_update_waiting    (AmendsCaseEditor *self);
void _amends_case_editor_follow_waiting    (AmendsCaseEditor *self,
                                            AmendsAutosave   *autosave);
void _amends_case_editor_set_from_dialog   (AmendsCaseEditor *self,
                                            const char       *property,
                                            const GValue     *value);

/* amends-case-editor-steps.c */
void _amends_case_editor_class_init_steps  (GtkWidgetClass   *widget_class);
void _amends_case_editor_class_init_handover (GtkWidgetClass *widget_class);
void _amends_case_editor_init_steps        (AmendsCaseEditor *self);
void _amends_case_editor_update_header     (AmendsCaseEditor *self);
void _amends_case_editor_update_actions    (AmendsCaseEditor *self);
void _amends_case_editor_update_clock      (AmendsCaseEditor *self);
void _amends_case_editor_take_ownership    (AmendsCaseEditor *self,
                                            gint64            staff_id);

/* amends-case-editor-desk.c */
void _amends_case_editor_init_desk         (AmendsCaseEditor *self);
void _amends_case_editor_dispose_desk      (AmendsCaseEditor *self);
void _amends_case_editor_ask_who           (AmendsCaseEditor *self);

G_END_DECLS
