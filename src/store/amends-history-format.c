/* amends-history-format.c: a row of the audit log in plain words
 *
 * The audit log keeps each change as storage has it: a column, and its
 * value before and after as text (enumerations by nick, times in ISO 8601,
 * people by id, money in cents; amends-store-records.c).  A person reads
 * "Ada Moreau changed the status from Open to In recovery": each column
 * has its words here, and its values are written as the editor shows
 * them.  Long texts are shortened in the list; the whole sentence is kept
 * for the tooltip and the printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-history-format"

#include "config.h"

#include "amends-history-format.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "amends-enum-types.h"
#include "amends-money.h"
#include "amends-when.h"

typedef enum
{
  VALUE_TEXT,       /* quoted */
  VALUE_ENUM,       /* a label */
  VALUE_TIME,
  VALUE_STAFF,
  VALUE_CUSTOMER,
  VALUE_MONEY,
  VALUE_SECONDS,
  VALUE_BOOLEAN,
  VALUE_RATER,
  VALUE_HEROES,
} ValueType;

typedef struct
{
  const char        *table;
  const char        *field;
  const char        *words;      /* "the fix", in a sentence */
  ValueType          type;
  AmendsHistoryKind  kind;
} Field;

#define STEPS AMENDS_HISTORY_KIND_STEPS
#define TEXTS AMENDS_HISTORY_KIND_TEXTS

/* Translators: the words for a field of a case inside a sentence of its
 * history, as in "Ada changed ‹the fix› from “…” to “…”". */
static const Field fields[] = {
  { "cases", "reference",           N_("the reference"),                  VALUE_TEXT,     STEPS },
  { "cases", "summary",             N_("the summary"),                    VALUE_TEXT,     TEXTS },
  { "cases", "description",         N_("the description"),                VALUE_TEXT,     TEXTS },
  { "cases", "customer_id",         N_("the customer"),                   VALUE_CUSTOMER, STEPS },
  { "cases", "category",            N_("the category"),                   VALUE_TEXT,     STEPS },
  { "cases", "severity",            N_("the severity"),                   VALUE_ENUM,     STEPS },
  { "cases", "channel",             N_("the channel"),                    VALUE_ENUM,     STEPS },
  { "cases", "noticed_by",          N_("who noticed it"),                 VALUE_ENUM,     STEPS },
  { "cases", "occurred_at",         N_("when it happened"),               VALUE_TIME,     STEPS },
  { "cases", "logged_at",           N_("when it was logged"),             VALUE_TIME,     STEPS },
  { "cases", "logged_by_id",        N_("who logged it"),                  VALUE_STAFF,    STEPS },
  { "cases", "owner_id",            N_("the owner"),                      VALUE_STAFF,    STEPS },
  { "cases", "team",                N_("the team"),                       VALUE_TEXT,     STEPS },
  { "cases", "status",              N_("the status"),                     VALUE_ENUM,     STEPS },
  { "cases", "recovery_due_at",     N_("the recovery due time"),          VALUE_TIME,     STEPS },
  { "cases", "recovered_at",        N_("the recovery time"),              VALUE_TIME,     STEPS },
  { "cases", "closed_at",           N_("the closing time"),               VALUE_TIME,     STEPS },
  { "cases", "close_reason",        N_("the reason for closing"),         VALUE_ENUM,     STEPS },
  { "cases", "paused_at",           N_("the time the clock was paused"),  VALUE_TIME,     STEPS },
  { "cases", "paused_seconds",      N_("the time paused"),                VALUE_SECONDS,  STEPS },
  { "cases", "pause_reason",        N_("the reason for the pause"),       VALUE_TEXT,     TEXTS },
  { "cases", "fix",                 N_("the fix"),                        VALUE_TEXT,     TEXTS },
  { "cases", "surprise",            N_("the surprise"),                   VALUE_TEXT,     TEXTS },
  { "cases", "surprise_cost_cents", N_("the cost of the surprise"),       VALUE_MONEY,    STEPS },
  { "cases", "rule_bent",           N_("whether a rule was bent"),        VALUE_BOOLEAN,  STEPS },
  { "cases", "bent_rule",           N_("the rule bent"),                  VALUE_TEXT,     TEXTS },
  { "cases", "bent_rule_why",       N_("why the rule was bent"),          VALUE_TEXT,     TEXTS },
  { "cases", "rater_failed",        N_("the dimensions that failed"),     VALUE_RATER,    STEPS },
  { "cases", "rater_shown",         N_("the dimensions shown"),           VALUE_RATER,    STEPS },
  { "cases", "reaction",            N_("the customer’s reaction"),        VALUE_ENUM,     STEPS },
  { "cases", "came_back",           N_("whether the customer came back"), VALUE_ENUM,     STEPS },
  { "cases", "lesson",              N_("the lesson"),                     VALUE_TEXT,     TEXTS },
  { "cases", "follow_up_due_at",    N_("the follow-up"),                  VALUE_TIME,     STEPS },
  { "cases", "deleted_at",          N_("the time it went to the trash"),  VALUE_TIME,     STEPS },
  /* Schema version 10 */
  { "cases", "room",                N_("the room or area"),               VALUE_TEXT,     STEPS },
  { "cases", "arrival_at",          N_("the arrival"),                    VALUE_TIME,     STEPS },
  { "cases", "departure_at",        N_("the departure"),                  VALUE_TIME,     STEPS },
  { "cases", "target_seconds",      N_("the recovery target"),            VALUE_SECONDS,  STEPS },
  { "cases", "lesson_cause",        N_("the cause"),                      VALUE_TEXT,     TEXTS },
  { "cases", "process_changed",     N_("whether the process changed"),    VALUE_BOOLEAN,  STEPS },

  { "actions", "kind",              N_("the kind of a timeline entry"),   VALUE_ENUM,     AMENDS_HISTORY_KIND_TIMELINE },
  { "actions", "text",              N_("a timeline entry"),               VALUE_TEXT,     AMENDS_HISTORY_KIND_TIMELINE },
  { "actions", "done_at",           N_("when a timeline entry was done"), VALUE_TIME,     AMENDS_HISTORY_KIND_TIMELINE },
  { "actions", "staff_id",          N_("who did a timeline entry"),       VALUE_STAFF,    AMENDS_HISTORY_KIND_TIMELINE },

  { "stories", "title",             N_("the story’s title"),              VALUE_TEXT,     AMENDS_HISTORY_KIND_STORY },
  { "stories", "text",              N_("the story"),                      VALUE_TEXT,     AMENDS_HISTORY_KIND_STORY },
  { "stories", "stage",             N_("the story’s stage"),              VALUE_ENUM,     AMENDS_HISTORY_KIND_STORY },
  { "stories", "created_at",        N_("when the story was started"),     VALUE_TIME,     AMENDS_HISTORY_KIND_STORY },
  { "stories", "told_at",           N_("when the story was told"),        VALUE_TIME,     AMENDS_HISTORY_KIND_STORY },
  { "stories", "training",          N_("whether it is a training example"), VALUE_BOOLEAN, AMENDS_HISTORY_KIND_STORY },
  { "stories", "heroes",            N_("the story’s heroes"),             VALUE_HEROES,   AMENDS_HISTORY_KIND_STORY },
};

#undef STEPS
#undef TEXTS

static const Field *
find_field (const AmendsAuditEntry *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (fields[i].table, row->table) == 0 &&
          g_strcmp0 (fields[i].field, row->field) == 0)
        return &fields[i];
    }

  return NULL;
}

/**
 * amends_history_kind_of:
 *
 * Returns: what @row is about, as the History page filters it: a timeline
 *   entry, the story, a text written on the case, or the rest of the
 *   case (its status, steps, choices and times)
 */
AmendsHistoryKind
amends_history_kind_of (const AmendsAuditEntry *row)
{
  const Field *field;

  g_return_val_if_fail (row != NULL, AMENDS_HISTORY_KIND_STEPS);

  if (g_strcmp0 (row->table, "actions") == 0)
    return AMENDS_HISTORY_KIND_TIMELINE;
  if (g_strcmp0 (row->table, "stories") == 0)
    return AMENDS_HISTORY_KIND_STORY;
  if ((field = find_field (row)) != NULL)
    return field->kind;

  return AMENDS_HISTORY_KIND_STEPS;
}

/**
 * amends_history_format_time:
 * @now: (nullable): the present; NULL for the whole date, as on paper
 *
 * Returns: (transfer full): @when as the timeline writes it ("Today
 *   14:30", "Mon 17 Nov 09:15", with the year when it is not @now's), or
 *   the whole date and time when @now is %NULL
 */
char *
amends_history_format_time (GDateTime *when,
                            GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  int y, m, d, ny, nm, nd, yy, ym, yd;

  g_return_val_if_fail (when != NULL, NULL);

  if (now == NULL)
    {
      local = g_date_time_to_local (when);
      /* Translators: a day and a time on paper, a g_date_time_format() format, as in
       * "Mon 17 Nov 2025 09:15" */
      return g_date_time_format (local, _("%a %-d %b %Y %H:%M"));
    }

  /* In @now's zone, so that what is "today" is the same for both. */
  local = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  local_now = g_date_time_ref (now);
  yesterday = g_date_time_add_days (local_now, -1);
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_time_get_ymd (local_now, &ny, &nm, &nd);
  g_date_time_get_ymd (yesterday, &yy, &ym, &yd);

  if (y == ny && m == nm && d == nd)
    /* Translators: a time today, a g_date_time_format() format: "Today 14:30" */
    return g_date_time_format (local, _("Today %H:%M"));
  if (y == yy && m == ym && d == yd)
    /* Translators: a time yesterday, a g_date_time_format() format: "Yesterday 14:30" */
    return g_date_time_format (local, _("Yesterday %H:%M"));
  if (y == ny)
    /* Translators: a day this year and a time, a g_date_time_format() format, as in
     * "Mon 17 Nov 09:15" */
    return g_date_time_format (local, _("%a %-d %b %H:%M"));

  /* Translators: a day in another year and a time, a g_date_time_format() format, as
   * in "Mon 17 Nov 2025 09:15" */
  return g_date_time_format (local, _("%a %-d %b %Y %H:%M"));
}

/* A text in quotes, on one line and shortened to @max_chars (0: whole). */
static char *
quote (const char *text,
       guint       max_chars)
{
  g_autofree char *shown = NULL;

  if (max_chars == 0)
    shown = g_strdup (text);
  else
    {
      g_autofree char *line = g_strdup (text);
      glong length;

      g_strdelimit (line, "\r\n\t", ' ');
      length = g_utf8_strlen (line, -1);
      if ((guint) length <= max_chars)
        shown = g_steal_pointer (&line);
      else
        {
          g_autofree char *cut = g_utf8_substring (line, 0, max_chars);
          const char *next = g_utf8_offset_to_pointer (line, max_chars);
          char *space = strrchr (cut, ' ');

          /* At the end of a word, when one ends not far back. */
          if (*next != ' ' && space != NULL && g_utf8_strlen (space, -1) <= 20)
            *space = '\0';
          shown = g_strconcat (g_strchomp (cut), "…", NULL);
        }
    }

  /* Translators: a text quoted in a sentence of the history */
  return g_strdup_printf (_("“%s”"), shown);
}

static const char *
enum_label (GType       type,
            int         value)
{
  if (type == AMENDS_TYPE_CASE_STATUS)   return amends_case_status_to_label (value);
  if (type == AMENDS_TYPE_CLOSE_REASON)  return amends_close_reason_to_label (value);
  if (type == AMENDS_TYPE_SEVERITY)      return amends_severity_to_label (value);
  if (type == AMENDS_TYPE_CHANNEL)       return amends_channel_to_label (value);
  if (type == AMENDS_TYPE_NOTICED_BY)    return amends_noticed_by_to_label (value);
  if (type == AMENDS_TYPE_REACTION)      return amends_reaction_to_label (value);
  if (type == AMENDS_TYPE_CAME_BACK)     return amends_came_back_to_label (value);
  if (type == AMENDS_TYPE_ACTION_KIND)   return amends_action_kind_to_label (value);
  if (type == AMENDS_TYPE_STORY_STAGE)   return amends_story_stage_to_label (value);
  return NULL;
}

static GType
enum_type_of (const char *table,
              const char *field)
{
  static const struct { const char *table, *field; GType (*get_type) (void); } types[] = {
    { "cases", "status", amends_case_status_get_type },
    { "cases", "close_reason", amends_close_reason_get_type },
    { "cases", "severity", amends_severity_get_type },
    { "cases", "channel", amends_channel_get_type },
    { "cases", "noticed_by", amends_noticed_by_get_type },
    { "cases", "reaction", amends_reaction_get_type },
    { "cases", "came_back", amends_came_back_get_type },
    { "actions", "kind", amends_action_kind_get_type },
    { "stories", "stage", amends_story_stage_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].table, table) && g_str_equal (types[i].field, field))
      return types[i].get_type ();

  return G_TYPE_INVALID;
}

/* The label of an enumeration's nick; the nick itself when a newer
 * build wrote one this one does not know. */
static char *
nick_to_label (GType       type,
               const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;
  const char *label = NULL;

  if (type == G_TYPE_INVALID)
    return g_strdup (nick);

  klass = g_type_class_ref (type);
  if ((value = g_enum_get_value_by_nick (klass, nick)) != NULL)
    label = enum_label (type, value->value);

  return g_strdup (label ? label : nick);
}

static const char *
name_of (GHashTable *names,
         gint64      id)
{
  return names ? g_hash_table_lookup (names, &id) : NULL;
}

static char *
format_seconds (gint64 seconds)
{
  gint64 minutes = (seconds + 30) / 60;

  if (minutes < 60)
    /* Translators: a length of time in minutes */
    return g_strdup_printf (ngettext ("%d minute", "%d minutes", minutes), (int) minutes);
  if (minutes % 60 == 0)
    /* Translators: a length of time in hours */
    return g_strdup_printf (ngettext ("%d hour", "%d hours", minutes / 60), (int) (minutes / 60));

  /* Translators: a length of time, "2 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

/* Reads what g_flags_to_string() wrote ("AMENDS_RATER_RELIABILITY |
 * AMENDS_RATER_EMPATHY"), or a number. */
static AmendsRater
parse_rater (const char *text)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (AMENDS_TYPE_RATER);
  g_auto(GStrv) parts = g_strsplit (text, "|", -1);
  guint flags = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      GFlagsValue *value = g_flags_get_value_by_name (klass, part);

      if (value == NULL)
        value = g_flags_get_value_by_nick (klass, part);
      if (value != NULL)
        flags |= value->value;
      else if (g_ascii_isdigit (*part))
        flags |= (guint) g_ascii_strtoull (part, NULL, 0);
    }

  return flags & klass->mask;
}

static char *
format_heroes (const char *text,
               GHashTable *staff)
{
  g_auto(GStrv) ids = g_strsplit (text, ",", -1);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
      const char *name = name_of (staff, id);

      if (id <= 0)
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      /* Translators: a hero who is no longer on the staff list */
      g_string_append (names, name ? name : _("someone"));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Whether @text means "nothing there" for a field of @type. */
static gboolean
is_empty (const Field *field,
          const char  *text)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  if (field == NULL)
    return FALSE;

  switch (field->type)
    {
    case VALUE_MONEY:
    case VALUE_SECONDS:
    case VALUE_STAFF:
    case VALUE_CUSTOMER:
      return g_ascii_strtoll (text, NULL, 10) == 0;
    case VALUE_RATER:
      return parse_rater (text) == 0;
    case VALUE_HEROES:
      {
        g_auto(GStrv) ids = g_strsplit (text, ",", -1);
        return g_strv_length (ids) == 0 || g_ascii_strtoll (ids[0], NULL, 10) <= 0;
      }
    case VALUE_TEXT:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        return *stripped == '\0';
      }
    case VALUE_ENUM:
    case VALUE_TIME:
    case VALUE_BOOLEAN:
    default:
      return FALSE;
    }
}

static gboolean
is_true (const char *text)
{
  return text != NULL && (g_str_equal (text, "true") || g_str_equal (text, "1"));
}

/* A value as a person reads it in a sentence. */
static char *
format_value (const AmendsAuditEntry   *row,
              const Field              *field,
              const char               *text,
              const AmendsHistoryFacts *facts,
              guint                     max_chars)
{
  if (field == NULL)
    return quote (text, max_chars);

  switch (field->type)
    {
    case VALUE_TEXT:
      return quote (text, max_chars);

    case VALUE_ENUM:
      return nick_to_label (enum_type_of (row->table, row->field), text);

    case VALUE_TIME:
      {
        g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
        g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (text, utc);
        g_autoptr(GDateTime) local = NULL;

        if (when == NULL)
          return g_strdup (text);
        if (facts->now != NULL)
          return amends_when_format (when, facts->now);
        local = g_date_time_to_local (when);
        /* Translators: the same pattern as for the "when" entries */
        return g_date_time_format (local, C_("when", "%Y-%m-%d %H:%M"));
      }

    case VALUE_STAFF:
      {
        const char *name = name_of (facts->staff, g_ascii_strtoll (text, NULL, 10));
        /* Translators: a member of staff no longer on the staff list */
        return g_strdup (name ? name : _("someone"));
      }

    case VALUE_CUSTOMER:
      {
        const char *name = name_of (facts->customers, g_ascii_strtoll (text, NULL, 10));
        /* Translators: a customer whose record is gone */
        return g_strdup (name ? name : _("another customer"));
      }

    case VALUE_MONEY:
      {
        gint64 cents = g_ascii_strtoll (text, NULL, 10);

        return amends_money_format_amount (facts->currency, cents);
      }

    case VALUE_SECONDS:
      return format_seconds (g_ascii_strtoll (text, NULL, 10));

    case VALUE_BOOLEAN:
      return g_strdup (is_true (text) ? _("yes") : _("no"));

    case VALUE_RATER:
      return amends_rater_to_string (parse_rater (text));

    case VALUE_HEROES:
      return format_heroes (text, facts->staff);

    default:
      g_return_val_if_reached (g_strdup (text));
    }
}

/* The words for a column this build does not know: "the lesson cause". */
static char *
field_words (const Field            *field,
             const AmendsAuditEntry *row)
{
  g_autofree char *spaced = NULL;

  if (field != NULL)
    return g_strdup (_(field->words));

  spaced = g_strdelimit (g_strdup (row->field), "_-", ' ');
  /* Translators: a field this version does not know, by its column name */
  return g_strdup_printf (_("the %s"), spaced);
}

/* The sentences a few fields have of their own; NULL for the others. */
static char *
describe_special (const AmendsAuditEntry   *row,
                  const AmendsHistoryFacts *facts,
                  const char               *who,
                  guint                     max_chars)
{
  gboolean cases = g_strcmp0 (row->table, "cases") == 0;
  gboolean actions = g_strcmp0 (row->table, "actions") == 0;
  gboolean stories = g_strcmp0 (row->table, "stories") == 0;
  const char *field = row->field;
  gboolean before_set = row->before != NULL && *row->before != '\0';
  gboolean after_set = row->after != NULL && *row->after != '\0';

  if (cases && g_str_equal (field, "created"))
    return after_set
      /* Translators: %1$s is a person, %2$s the case's reference */
      ? g_strdup_printf (_("%1$s logged the case %2$s"), who, row->after)
      : g_strdup_printf (_("%s logged the case"), who);
  if (cases && g_str_equal (field, "trashed"))
    return g_strdup_printf (_("%s moved the case to the trash"), who);
  if (cases && g_str_equal (field, "restored"))
    return g_strdup_printf (_("%s restored the case from the trash"), who);
  if (cases && g_str_equal (field, "purged"))
    return g_strdup_printf (_("%s deleted the case for good"), who);
  if (cases && g_str_equal (field, "paused_at") && !before_set && after_set)
    return g_strdup_printf (_("%s paused the clock"), who);
  if (cases && g_str_equal (field, "paused_at") && before_set && !after_set)
    return g_strdup_printf (_("%s resumed the clock"), who);
  if (cases && g_str_equal (field, "rule_bent"))
    return g_strdup_printf (is_true (row->after) ? _("%s noted that a rule was bent")
                                                 : _("%s noted that no rule was bent"), who);
  if (cases && g_str_equal (field, "process_changed"))
    return g_strdup_printf (is_true (row->after) ? _("%s noted that the process was changed")
                                                 : _("%s noted that the process was not changed"), who);

  if (actions && g_str_equal (field, "created"))
    {
      const char *text = facts->entry_text;
      g_autofree char *quoted = quote (text ? text : "", max_chars);
      g_autofree char *kind = NULL;

      if (facts->entry_kind == NULL)
        /* Translators: %1$s is a person, %2$s what the entry says, quoted */
        return g_strdup_printf (_("%1$s added a timeline entry: %2$s"), who, quoted);
      kind = nick_to_label (AMENDS_TYPE_ACTION_KIND, facts->entry_kind);
      /* Translators: %1$s is a person, %2$s the entry's kind ("Contact"),
       * %3$s what it says, quoted */
      return g_strdup_printf (_("%1$s added a timeline entry (%2$s): %3$s"), who, kind, quoted);
    }
  if (actions && g_str_equal (field, "text") && before_set && after_set)
    {
      g_autofree char *before = quote (row->before, max_chars);
      g_autofree char *after = quote (row->after, max_chars);

      /* Translators: %1$s is a person, then the entry's text before and after, quoted */
      return g_strdup_printf (_("%1$s corrected a timeline entry from %2$s to %3$s"), who, before, after);
    }

  if (stories && g_str_equal (field, "created"))
    {
      g_autofree char *title = after_set ? quote (row->after, max_chars) : NULL;

      return title
        /* Translators: %1$s is a person, %2$s the story's title, quoted */
        ? g_strdup_printf (_("%1$s started the story %2$s"), who, title)
        : g_strdup_printf (_("%s started a story of the case"), who);
    }
  if (stories && g_str_equal (field, "stage") && before_set && after_set)
    {
      g_autofree char *before = nick_to_label (AMENDS_TYPE_STORY_STAGE, row->before);
      g_autofree char *after = nick_to_label (AMENDS_TYPE_STORY_STAGE, row->after);

      /* Translators: %1$s is a person, then the story's stages ("Drafted") */
      return g_strdup_printf (_("%1$s moved the story from %2$s to %3$s"), who, before, after);
    }
  if (stories && g_str_equal (field, "training"))
    return g_strdup_printf (is_true (row->after) ? _("%s marked the story as a training example")
                                                 : _("%s took the story out of the training examples"), who);

  return NULL;
}

/**
 * amends_history_describe:
 * @row: a row of the audit log
 * @facts: what the row does not say by itself
 * @max_chars: how long a quoted text may be before it is shortened with
 *   "…"; 0 to keep every text whole
 *
 * Returns: (transfer full): the change in plain words: "Ada Moreau changed
 *   the status from Open to In recovery", "Ada Moreau set the fix to “New
 *   key card”"
 */
char *
amends_history_describe (const AmendsAuditEntry   *row,
                         const AmendsHistoryFacts *facts,
                         guint                     max_chars)
{
  const Field *field;
  g_autofree char *words = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *special;
  /* Translators: who made a change when nobody was at the desk */
  const char *who = facts->actor ? facts->actor : _("Someone");

  g_return_val_if_fail (row != NULL && facts != NULL, NULL);

  if ((special = describe_special (row, facts, who, max_chars)) != NULL)
    return special;

  field = find_field (row);
  words = field_words (field, row);

  if (is_empty (field, row->before) && is_empty (field, row->after))
    /* Translators: %1$s is a person, %2$s a field ("the fix") */
    return g_strdup_printf (_("%1$s cleared %2$s"), who, words);

  if (is_empty (field, row->before))
    {
      after = format_value (row, field, row->after, facts, max_chars);
      /* Translators: %1$s is a person, %2$s a field ("the fix"), %3$s its value */
      return g_strdup_printf (_("%1$s set %2$s to %3$s"), who, words, after);
    }

  before = format_value (row, field, row->before, facts, max_chars);
  if (is_empty (field, row->after))
    /* Translators: %1$s is a person, %2$s a field ("the fix"), %3$s what it was */
    return g_strdup_printf (_("%1$s cleared %2$s (it was %3$s)"), who, words, before);

  after = format_value (row, field, row->after, facts, max_chars);
  /* Translators: %1$s is a person, %2$s a field ("the status"), then its
   * value before and after: "Ada changed the status from Open to In recovery" */
  return g_strdup_printf (_("%1$s changed %2$s from %3$s to %4$s"), who, words, before, after);
}
