/* amends-demo-private.h: the demo's data, as amends-demo.c reads it
 *
 * amends-demo-data.c holds the tables, amends-demo.c writes them to a
 * store.  Durations in the tables are minutes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-store.h"

G_BEGIN_DECLS

/* Durations in the tables are minutes. */
#define HOURS(n) ((n) * 60)
#define DAYS(n)  ((n) * 24 * 60)
#define FRONT_OFFICE "Front Office"
#define EVENTS       "Conference & Events"
#define RESTAURANT   "Restaurant & Bar"
#define PHRASES(array) { array, G_N_ELEMENTS (array) }

typedef enum
{
  NOBODY,
  MARIA,
  TOM,
  AIKO,
  JOSH,
  PRIYA,
  LUKAS,
  ROSA,
  SAM,
  HANNAH,
  N_DEMO_STAFF
} DemoStaffKey;

typedef struct
{
  const char      *name;
  const char      *team;
  AmendsStaffRole  role;
  gboolean         active;
} DemoStaff;

typedef enum
{
  KAUFMANN,
  WHITFIELD,
  BOATENG,
  HART,
  ZHANG,
  AL_SAYED,
  KOWALCZYK,
  ORTIZ,
  NOWAK,
  LIU,
  JENSEN,
  NWOSU,
  OBRIEN,
  ROSSI,
  PATEL,
  CARVER,
  ACHEBE,
  SATO,
  MENDOZA,
  HALVORSEN,
  SIMMONS,
  BROOKS,
  KARIMI,
  DOYLE,
  MEHTA,
  GOLDBERG,
  MARTIN,
  VAN_DIJK,
  SANTOS,
  THOMPSON,
  N_DEMO_CUSTOMERS
} DemoCustomerKey;

typedef struct
{
  const char *name;
  const char *call;     /* how the staff write of them on the timeline */
  const char *phone;
  const char *email;
  const char *notes;
} DemoCustomer;

/* One entry of a timeline written out by hand. */
typedef struct
{
  AmendsActionKind  kind;
  DemoStaffKey      staff;
  int               minutes;   /* after the breakdown happened */
  const char       *text;
} DemoStep;

typedef struct
{
  const char       *key;              /* for stories, or NULL */
  DemoCustomerKey   customer;
  DemoStaffKey      owner;            /* NOBODY: nobody has taken it yet */
  DemoStaffKey      logged_by;        /* NOBODY: the owner */
  const char       *category;
  AmendsSeverity    severity;
  AmendsChannel     channel;
  AmendsNoticedBy   noticed_by;
  AmendsCaseStatus  status;

  /* When it happened: @days_ago days before now at @at (HHMM, in now's
   * time zone); or, with @days_ago 0, the last @at that is at least
   * @min_age minutes before now, so that the freshest cases happen at
   * their usual time of day whenever the demo is made. */
  int               days_ago;
  int               at;
  int               min_age;

  /* Minutes after it happened; 0: a few minutes for logging, never for
   * the others. */
  int               logged_after;
  int               fixed_after;      /* 0: shortly before the recovery */
  int               recovered_after;
  int               closed_after;     /* days after the recovery */
  int               follow_up_after;  /* hours after the recovery (or logging) */
  int               paused_after;     /* minutes after logging */
  int               paused_for;       /* minutes; 0: still paused */
  const char       *pause_reason;

  const char       *summary;
  const char       *description;
  const char       *fix;
  const char       *surprise;
  gint64            surprise_cost;    /* cents */
  const char       *bent_rule;
  const char       *bent_rule_why;
  AmendsRater       failed;
  AmendsRater       shown;
  AmendsReaction    reaction;
  AmendsCameBack    came_back;
  const char       *lesson;
  const DemoStep   *steps;            /* instead of a generated timeline */
} DemoCase;

typedef struct
{
  const char       *case_key;
  AmendsStoryStage  stage;
  DemoStaffKey      heroes[2];
  int               written_after;   /* minutes after the recovery */
  int               told_after;
  const char       *title;
  const char       *text;
} DemoStory;

typedef struct
{
  const char * const *texts;
  guint               n_texts;
} DemoPhrases;

extern const DemoStaff    amends_demo_staff[N_DEMO_STAFF];
extern const DemoCustomer amends_demo_customers[N_DEMO_CUSTOMERS];
extern const DemoCase     amends_demo_cases[];
extern const guint        amends_demo_n_cases;
extern const DemoStory    amends_demo_stories[];
extern const guint        amends_demo_n_stories;
extern const DemoPhrases  amends_demo_contact_phrases[AMENDS_CHANNEL_SURVEY + 1];
extern const DemoPhrases  amends_demo_resolution_phrases[AMENDS_REACTION_STILL_UNHAPPY + 1];
extern const DemoPhrases  amends_demo_follow_up_phrases[AMENDS_CAME_BACK_NO + 1];
extern const DemoPhrases  amends_demo_contact_proactive;
extern const DemoPhrases  amends_demo_apologies;
extern const DemoPhrases  amends_demo_status_reports;
extern const DemoPhrases  amends_demo_lesson_notes;
extern const DemoPhrases  amends_demo_overdue_nudges;
extern const DemoPhrases  amends_demo_overdue_own;
extern const DemoPhrases  amends_demo_unowned_notes;

/* Populating: amends-demo.c and amends-demo-timeline.c */

typedef struct
{
  AmendsStore *store;
  GDateTime   *now;
  GRand       *rand;
  gint64       staff_ids[N_DEMO_STAFF];
  gint64       customer_ids[N_DEMO_CUSTOMERS];
  gint64      *case_ids;     /* amends_demo_n_cases of them */
} DemoContext;

/* The times of one case, all at or before now. */
typedef struct
{
  GDateTime *occurred;
  GDateTime *logged;
  GDateTime *due;
  GDateTime *paused;        /* the clock stands still since then */
  GDateTime *resumed;       /* it stood still until then */
  GDateTime *recovered;
  GDateTime *closed;
  GDateTime *follow_up;
} DemoTimes;

void          amends_demo_times_clear      (DemoTimes          *times);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoTimes, amends_demo_times_clear)

DemoStaffKey  amends_demo_case_logger      (const DemoCase     *dc);
DemoStaffKey  amends_demo_case_worker      (const DemoCase     *dc);
DemoStaffKey  amends_demo_manager_of       (const char         *team);
void          amends_demo_act_as           (DemoContext        *ctx,
                                            DemoStaffKey        staff,
                                            GDateTime          *when);
char         *amends_demo_fill_in          (const char         *pattern,
                                            const char         *name,
                                            const char         *text);
GDateTime    *amends_demo_minutes_after    (DemoContext        *ctx,
                                            GDateTime          *time,
                                            gint64              minutes);
GDateTime    *amends_demo_not_after_now    (DemoContext        *ctx,
                                            GDateTime          *time);
const char   *amends_demo_pick             (DemoContext        *ctx,
                                            const DemoPhrases  *phrases);
int           amends_demo_random_between   (DemoContext        *ctx,
                                            int                 low,
                                            int                 high);
gboolean      amends_demo_insert_timeline  (DemoContext        *ctx,
                                            const DemoCase     *dc,
                                            gint64              case_id,
                                            const DemoTimes    *times,
                                            GError            **error);

G_END_DECLS
