/* amends-case-query.c: what the list of cases is asked to show
 *
 * The search text and the filters a person chose, as properties a view
 * binds to (the sidebar's menus name them as stateful actions), and the
 * AmendsCaseFilter they make.  A list's filter is fixed for its life, so
 * ::changed says when a new list is due: once for a change of any
 * property that the filter depends on, and once for a reset however many
 * properties it put back.
 *
 * "Mine" is the cases of whoever is at the desk (#AmendsCaseQuery:actor-id,
 * which the view follows from the store); with nobody there it shows
 * nothing.  #AmendsCaseQuery:now is the time the rows' clocks are told
 * against: it changes no filter, but with "Overdue only" on, time passing
 * makes more cases overdue, so whoever holds the list refreshes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-query"

#include "config.h"

#include "amends-case-query.h"

#include "amends-enum-types.h"

struct _AmendsCaseQuery
{
  GObject         parent_instance;

  int             status;         /* an AmendsCaseStatus, or -1 for any */
  char           *owner;          /* "anyone", "mine", "unowned" or a staff id */
  gint64          actor_id;       /* who is at the desk, for "mine"; 0 nobody */
  char           *category;       /* "" for any */
  gboolean        overdue_only;
  gboolean        follow_up_due;
  gboolean        trash;
  AmendsCaseSort  sort;
  char           *search_text;    /* stripped; NULL when blank */
  GDateTime      *now;
  gboolean        needs_lead;
  int             escalation_hours;

  guint           batch;          /* within a reset: ::changed waits */
  gboolean        changed_in_batch;
};

G_DEFINE_FINAL_TYPE (AmendsCaseQuery, amends_case_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_OWNER,
  PROP_ACTOR_ID,
  PROP_CATEGORY,
  PROP_OVERDUE_ONLY,
  PROP_FOLLOW_UP_DUE,
  PROP_TRASH,
  PROP_SORT,
  PROP_SEARCH_TEXT,
  PROP_NOW,
  PROP_NEEDS_LEAD,
  PROP_ESCALATION_HOURS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* @pspec changed, and with it the filter. */
static void
changed (AmendsCaseQuery *self,
         GParamSpec      *pspec)
{
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  if (self->batch > 0)
    self->changed_in_batch = TRUE;
  else
    g_signal_emit (self, signals [CHANGED], 0);
}

static gboolean
owner_is_mine (AmendsCaseQuery *self)
{
  return g_strcmp0 (self->owner, "mine") == 0;
}

static void
amends_case_query_finalize (GObject *object)
{
  AmendsCaseQuery *self = (AmendsCaseQuery *)object;

  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (amends_case_query_parent_class)->finalize (object);
}

static void
amends_case_query_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsCaseQuery *self = AMENDS_CASE_QUERY (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_NEEDS_LEAD:
      g_value_set_boolean (value, self->needs_lead);
      break;

    case PROP_ESCALATION_HOURS:
      g_value_set_int (value, self->escalation_hours);
      break;

    case PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, self->overdue_only);
      break;

    case PROP_FOLLOW_UP_DUE:
      g_value_set_boolean (value, self->follow_up_due);
      break;

    case PROP_TRASH:
      g_value_set_boolean (value, self->trash);
      break;

    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_query_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsCaseQuery *self = AMENDS_CASE_QUERY (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      amends_case_query_set_status (self, g_value_get_int (value));
      break;

    case PROP_OWNER:
      amends_case_query_set_owner (self, g_value_get_string (value));
      break;

    case PROP_ACTOR_ID:
      amends_case_query_set_actor_id (self, g_value_get_int64 (value));
      break;

    case PROP_CATEGORY:
      amends_case_query_set_category (self, g_value_get_string (value));
      break;

    case PROP_OVERDUE_ONLY:
      amends_case_query_set_overdue_only (self, g_value_get_boolean (value));
      break;

    case PROP_NEEDS_LEAD:
      amends_case_query_set_needs_lead (self, g_value_get_boolean (value));
      break;

    case PROP_ESCALATION_HOURS:
      amends_case_query_set_escalation_hours (self, g_value_get_int (value));
      break;

    case PROP_FOLLOW_UP_DUE:
      amends_case_query_set_follow_up_due (self, g_value_get_boolean (value));
      break;

    case PROP_TRASH:
      amends_case_query_set_trash (self, g_value_get_boolean (value));
      break;

    case PROP_SORT:
      amends_case_query_set_sort (self, g_value_get_enum (value));
      break;

    case PROP_SEARCH_TEXT:
      amends_case_query_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_NOW:
      amends_case_query_set_now (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_query_class_init (AmendsCaseQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amends_case_query_finalize;
  object_class->get_property = amends_case_query_get_property;
  object_class->set_property = amends_case_query_set_property;

  properties [PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      -1, AMENDS_CASE_STATUS_CLOSED, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseQuery:owner:
   *
   * "anyone", "mine", "unowned", or a staff member's id in decimal; as
   * the menus name it in their actions' targets.
   */
  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         "anyone",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OVERDUE_ONLY] =
    g_param_spec_boolean ("overdue-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseQuery:follow-up-due:
   *
   * Only the cases whose follow-up is due now or was due before (and not
   * closed), as the rows' "Follow-up due" marker says; like "Overdue
   * only", time passing adds cases to it.
   */
  properties [PROP_FOLLOW_UP_DUE] =
    g_param_spec_boolean ("follow-up-due", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseQuery:needs-lead:
   *
   * Only the open cases overdue by more than the escalation time: they
   * are escalated to a team lead.  Time passing adds cases to it.
   */
  properties [PROP_NEEDS_LEAD] =
    g_param_spec_boolean ("needs-lead", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseQuery:escalation-hours:
   *
   * How long overdue a case is before it needs a lead (the setting
   * "escalation-hours").
   */
  properties [PROP_ESCALATION_HOURS] =
    g_param_spec_int ("escalation-hours", NULL, NULL,
                      1, 168, 4,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TRASH] =
    g_param_spec_boolean ("trash", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       AMENDS_TYPE_CASE_SORT,
                       AMENDS_CASE_SORT_URGENCY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmendsCaseQuery::changed:
   *
   * The filter is no longer what it was: a new list is due.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
amends_case_query_init (AmendsCaseQuery *self)
{
  self->status = -1;
  self->owner = g_strdup ("anyone");
  self->category = g_strdup ("");
  self->sort = AMENDS_CASE_SORT_URGENCY;
  self->now = g_date_time_new_now_local ();
  self->escalation_hours = 4;
}

/**
 * amends_case_query_new:
 *
 * Returns: (transfer full): a query for the default list: every live
 *   case, most urgent first
 */
AmendsCaseQuery *
amends_case_query_new (void)
{
  return g_object_new (AMENDS_TYPE_CASE_QUERY, NULL);
}

int
amends_case_query_get_status (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), -1);

  return self->status;
}

void
amends_case_query_set_status (AmendsCaseQuery *self,
                              int              status)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  if (self->status == status)
    return;

  self->status = status;
  changed (self, properties [PROP_STATUS]);
}

const char *
amends_case_query_get_owner (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), NULL);

  return self->owner;
}

/**
 * amends_case_query_set_owner:
 * @owner: (nullable): see #AmendsCaseQuery:owner; %NULL or "" for anyone
 */
void
amends_case_query_set_owner (AmendsCaseQuery *self,
                             const char      *owner)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  if (is_blank (owner))
    owner = "anyone";
  if (g_strcmp0 (self->owner, owner) == 0)
    return;

  g_free (self->owner);
  self->owner = g_strdup (owner);
  changed (self, properties [PROP_OWNER]);
}

gint64
amends_case_query_get_actor_id (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), 0);

  return self->actor_id;
}

/**
 * amends_case_query_set_actor_id:
 * @actor_id: who is at the desk, or 0 for nobody
 *
 * Changes the filter only when it shows "Mine".
 */
void
amends_case_query_set_actor_id (AmendsCaseQuery *self,
                                gint64           actor_id)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  actor_id = MAX (actor_id, 0);
  if (self->actor_id == actor_id)
    return;

  self->actor_id = actor_id;
  if (owner_is_mine (self))
    changed (self, properties [PROP_ACTOR_ID]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTOR_ID]);
}

const char *
amends_case_query_get_category (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), NULL);

  return self->category;
}

/**
 * amends_case_query_set_category:
 * @category: (nullable): %NULL or "" for any
 */
void
amends_case_query_set_category (AmendsCaseQuery *self,
                                const char      *category)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  if (category == NULL)
    category = "";
  if (g_strcmp0 (self->category, category) == 0)
    return;

  g_free (self->category);
  self->category = g_strdup (category);
  changed (self, properties [PROP_CATEGORY]);
}

gboolean
amends_case_query_get_overdue_only (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), FALSE);

  return self->overdue_only;
}

void
amends_case_query_set_overdue_only (AmendsCaseQuery *self,
                                    gboolean         overdue_only)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  overdue_only = !!overdue_only;
  if (self->overdue_only == overdue_only)
    return;

  self->overdue_only = overdue_only;
  changed (self, properties [PROP_OVERDUE_ONLY]);
}

gboolean
amends_case_query_get_follow_up_due (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), FALSE);

  return self->follow_up_due;
}

void
amends_case_query_set_follow_up_due (AmendsCaseQuery *self,
                                     gboolean         follow_up_due)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  follow_up_due = !!follow_up_due;
  if (self->follow_up_due == follow_up_due)
    return;

  self->follow_up_due = follow_up_due;
  changed (self, properties [PROP_FOLLOW_UP_DUE]);
}

gboolean
amends_case_query_get_trash (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), FALSE);

  return self->trash;
}

void
amends_case_query_set_trash (AmendsCaseQuery *self,
                             gboolean         trash)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  trash = !!trash;
  if (self->trash == trash)
    return;

  self->trash = trash;
  changed (self, properties [PROP_TRASH]);
}

AmendsCaseSort
amends_case_query_get_sort (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), AMENDS_CASE_SORT_URGENCY);

  return self->sort;
}

void
amends_case_query_set_sort (AmendsCaseQuery *self,
                            AmendsCaseSort   sort)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  changed (self, properties [PROP_SORT]);
}

/**
 * amends_case_query_get_search_text:
 *
 * Returns: (nullable): the words searched for, stripped; %NULL for none
 */
const char *
amends_case_query_get_search_text (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), NULL);

  return self->search_text;
}

/**
 * amends_case_query_set_search_text:
 * @search_text: (nullable): as typed; spaces around it do not count
 */
void
amends_case_query_set_search_text (AmendsCaseQuery *self,
                                   const char      *search_text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  if (search_text != NULL)
    stripped = g_strstrip (g_strdup (search_text));
  if (is_blank (stripped))
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (self->search_text, stripped) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_steal_pointer (&stripped);
  changed (self, properties [PROP_SEARCH_TEXT]);
}

gboolean
amends_case_query_get_needs_lead (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), FALSE);

  return self->needs_lead;
}

void
amends_case_query_set_needs_lead (AmendsCaseQuery *self,
                                  gboolean         needs_lead)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  needs_lead = !!needs_lead;
  if (self->needs_lead == needs_lead)
    return;

  self->needs_lead = needs_lead;
  changed (self, properties [PROP_NEEDS_LEAD]);
}

int
amends_case_query_get_escalation_hours (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), 4);

  return self->escalation_hours;
}

void
amends_case_query_set_escalation_hours (AmendsCaseQuery *self,
                                        int              hours)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));
  g_return_if_fail (hours > 0);

  if (self->escalation_hours == hours)
    return;

  self->escalation_hours = hours;
  /* Only a list that shows the escalated cases changes with it. */
  if (self->needs_lead)
    changed (self, properties [PROP_ESCALATION_HOURS]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ESCALATION_HOURS]);
}

/**
 * amends_case_query_get_now:
 *
 * Returns: (transfer none): the time the rows' clocks are told against
 */
GDateTime *
amends_case_query_get_now (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), NULL);

  return self->now;
}

void
amends_case_query_set_now (AmendsCaseQuery *self,
                           GDateTime       *now)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));
  g_return_if_fail (now != NULL);

  if (g_date_time_equal (self->now, now))
    return;

  g_date_time_unref (self->now);
  self->now = g_date_time_ref (now);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOW]);
}

/**
 * amends_case_query_get_owner_id:
 *
 * Returns: the owner the filter asks for: -1 anyone (also for "mine"
 *   with nobody at the desk), 0 unowned, else a staff member's id
 */
gint64
amends_case_query_get_owner_id (AmendsCaseQuery *self)
{
  gint64 id;

  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), -1);

  if (g_strcmp0 (self->owner, "unowned") == 0)
    return 0;
  if (owner_is_mine (self))
    return self->actor_id > 0 ? self->actor_id : -1;

  id = g_ascii_strtoll (self->owner, NULL, 10);
  return id > 0 ? id : -1;
}

/**
 * amends_case_query_get_nobody_at_desk:
 *
 * Returns: %TRUE when the query shows "Mine" and nobody is at the desk:
 *   then no list shows anything
 */
gboolean
amends_case_query_get_nobody_at_desk (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), FALSE);

  return owner_is_mine (self) && self->actor_id <= 0;
}

/**
 * amends_case_query_is_trash_alone:
 *
 * Returns: %TRUE when the query shows the trash, with no search and no
 *   other filter
 */
gboolean
amends_case_query_is_trash_alone (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), FALSE);

  return self->trash &&
         self->search_text == NULL &&
         self->status < 0 &&
         g_strcmp0 (self->owner, "anyone") == 0 &&
         !self->overdue_only &&
         !self->follow_up_due &&
         !self->needs_lead &&
         is_blank (self->category);
}

/**
 * amends_case_query_is_default:
 *
 * Returns: %TRUE when the query shows every live case: no search, no
 *   filter (the order does not count)
 */
gboolean
amends_case_query_is_default (AmendsCaseQuery *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (self), FALSE);

  return self->search_text == NULL &&
         self->status < 0 &&
         g_strcmp0 (self->owner, "anyone") == 0 &&
         !self->overdue_only &&
         !self->follow_up_due &&
         !self->needs_lead &&
         is_blank (self->category) &&
         !self->trash;
}

/**
 * amends_case_query_reset:
 *
 * Puts the search and the filters back to the default list; the order
 * stays.  ::changed comes once at the end, if anything changed.
 */
void
amends_case_query_reset (AmendsCaseQuery *self)
{
  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));

  g_object_freeze_notify (G_OBJECT (self));
  self->batch++;

  amends_case_query_set_status (self, -1);
  amends_case_query_set_owner (self, "anyone");
  amends_case_query_set_overdue_only (self, FALSE);
  amends_case_query_set_follow_up_due (self, FALSE);
  amends_case_query_set_needs_lead (self, FALSE);
  amends_case_query_set_category (self, "");
  amends_case_query_set_trash (self, FALSE);
  amends_case_query_set_search_text (self, NULL);

  self->batch--;
  g_object_thaw_notify (G_OBJECT (self));

  if (self->batch == 0 && self->changed_in_batch)
    {
      self->changed_in_batch = FALSE;
      g_signal_emit (self, signals [CHANGED], 0);
    }
}

/**
 * amends_case_query_get_filter:
 * @filter: (out caller-allocates): set to the query's filter; clear it
 *   with amends_case_filter_clear()
 */
void
amends_case_query_get_filter (AmendsCaseQuery  *self,
                              AmendsCaseFilter *filter)
{
  AmendsCaseFilter borrowed = AMENDS_CASE_FILTER_INIT;

  g_return_if_fail (AMENDS_IS_CASE_QUERY (self));
  g_return_if_fail (filter != NULL);

  borrowed.query = self->search_text;
  borrowed.status = self->status;
  borrowed.owner_id = amends_case_query_get_owner_id (self);
  borrowed.overdue_only = self->overdue_only;
  borrowed.follow_up_due = self->follow_up_due;
  borrowed.category = is_blank (self->category) ? NULL : self->category;
  borrowed.trash = self->trash;
  borrowed.sort = self->sort;
  borrowed.needs_lead_after = self->needs_lead ? (gint64) self->escalation_hours * 3600 : 0;

  amends_case_filter_copy (filter, &borrowed);
}
