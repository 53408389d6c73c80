/* amends-store-targets.c: recovery targets per category and severity, and
 * the site's office hours
 *
 * Targets are kept in the database, not in each desk's settings: every
 * desk that works on the same file must give a case the same due time.
 * A row of the table targets is (category, severity, seconds, office
 * hours only), '' meaning "any".  The target in force for a case is the
 * most specific row that gives a time:
 *
 *   (category, severity) > (category, any) > (any, severity) > (any, any)
 *
 * and, when the file has none of these, the store's recovery-target-hours
 * (the desk's old setting, 24 h unless changed).  Whether the clock runs
 * in office hours only is said by the most specific row that matches at
 * all, so "billing: office hours only" can leave the time to the
 * severity's row.  Categories match without regard to case, as the list
 * of cases filters them.
 *
 * The target in force is looked up once, when the case is logged, and
 * kept on the case (cases.target_seconds) with the due time worked out
 * from it: changing a target later never rewrites a case's history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-targets"

#include "config.h"

#include "amends-store-targets.h"

#include <glib/gi18n.h>

#include "amends-clock.h"
#include "amends-enum-types.h"
#include "amends-enums.h"
#include "amends-store-private.h"

void
amends_target_free (AmendsTarget *target)
{
  if (target == NULL)
    return;

  g_free (target->category);
  g_free (target);
}

static const char *
severity_to_nick (int severity)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (severity < 0)
    return "";

  klass = g_type_class_ref (AMENDS_TYPE_SEVERITY);
  value = g_enum_get_value (klass, severity);
  return value ? value->value_nick : "";
}

static int
severity_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (nick == NULL || *nick == '\0')
    return -1;

  klass = g_type_class_ref (AMENDS_TYPE_SEVERITY);
  value = g_enum_get_value_by_nick (klass, nick);
  return value ? value->value : -1;
}

static const char *
category_or_any (const char *category)
{
  return category != NULL ? category : "";
}

#define TARGETS_SQL(E) \
  "SELECT category, severity, seconds, office_hours_only FROM targets" \
  " ORDER BY category != '', " AMENDS_SQL_NOCASE (E, "category") ", severity"

/**
 * amends_store_list_targets:
 *
 * Returns: (transfer full) (element-type AmendsTarget): every row, the
 *   rows for any category first, then by category and severity
 */
GPtrArray *
amends_store_list_targets (AmendsStore  *self,
                           GError      **error)
{
  const char *sql = AMENDS_SQL_FOR (amends_store_get_engine (self), TARGETS_SQL);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) amends_target_free);
  g_autoptr(AmendsStmt) stmt = NULL;
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      AmendsTarget *target = g_new0 (AmendsTarget, 1);

      target->category = g_strdup (amends_stmt_column_text (stmt, 0));
      target->severity = severity_from_nick (amends_stmt_column_text (stmt, 1));
      target->seconds = amends_stmt_column_int64 (stmt, 2);
      target->office_hours_only = amends_stmt_column_int (stmt, 3) != 0;
      g_ptr_array_add (targets, target);
    }

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&targets);
}

/**
 * amends_store_set_target:
 * @category: (nullable): a category, or "" or %NULL for any
 * @severity: an #AmendsSeverity, or -1 for any
 * @seconds: the time allowed, or 0 to take it from a less specific row
 *
 * Adds or replaces a row.  Cases already logged keep their target.
 */
gboolean
amends_store_set_target (AmendsStore  *self,
                         const char   *category,
                         int           severity,
                         gint64        seconds,
                         gboolean      office_hours_only,
                         GError      **error)
{
  static const char sql[] =
    "INSERT INTO targets (category, severity, seconds, office_hours_only)"
    " VALUES (?1, ?2, nullif (?3, 0), ?4)"
    " ON CONFLICT (category, severity) DO UPDATE"
    " SET seconds = excluded.seconds, office_hours_only = excluded.office_hours_only";
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (category_or_any (category)));

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (seconds >= 0, FALSE);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  amends_stmt_bind_text (stmt, 1, trimmed);
  amends_stmt_bind_text (stmt, 2, severity_to_nick (severity));
  amends_stmt_bind_int64 (stmt, 3, seconds);
  amends_stmt_bind_int64 (stmt, 4, office_hours_only ? 1 : 0);

  return amends_stmt_execute (stmt, error);
}

gboolean
amends_store_remove_target (AmendsStore  *self,
                            const char   *category,
                            int           severity,
                            GError      **error)
{
  static const char sql[] = "DELETE FROM targets WHERE category = ?1 AND severity = ?2";
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  amends_stmt_bind_text (stmt, 1, category_or_any (category));
  amends_stmt_bind_text (stmt, 2, severity_to_nick (severity));

  return amends_stmt_execute (stmt, error);
}

/**
 * amends_store_seed_default_target:
 * @hours: the desk's recovery-target-hours setting
 *
 * Brings the old per-desk setting into the file as the row for any
 * category and any severity, the first time a desk opens a file whose
 * table of targets is still empty.  After that the file's targets rule,
 * and the setting is only the last fallback.
 */
gboolean
amends_store_seed_default_target (AmendsStore  *self,
                                  int           hours,
                                  GError      **error)
{
  static const char sql[] =
    "INSERT INTO targets (category, severity, seconds)"
    " SELECT '', '', ?1 WHERE NOT EXISTS (SELECT 1 FROM targets)";
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hours > 0, FALSE);

  if (amends_store_get_read_only (self))
    return TRUE;

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  amends_stmt_bind_int64 (stmt, 1, (gint64) hours * 3600);

  return amends_stmt_execute (stmt, error);
}

/**
 * amends_store_lookup_target:
 * @category: (nullable): the case's category
 * @severity: the case's #AmendsSeverity
 *
 * The target in force for a case of @category and @severity logged now;
 * see the top of this file.
 */
gboolean
amends_store_lookup_target (AmendsStore          *self,
                            const char           *category,
                            int                   severity,
                            AmendsTargetInForce  *target,
                            GError              **error)
{
  /* The most specific row first: the order of the rule above. */
  const char *sql = amends_sql_pick (&amends_sql_target_lookup, amends_store_get_engine (self));
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (category_or_any (category)));
  gboolean first = TRUE;
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  target->seconds = 0;
  target->office_hours_only = FALSE;

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return FALSE;

  amends_stmt_bind_text (stmt, 1, trimmed);
  amends_stmt_bind_text (stmt, 2, severity_to_nick (severity));

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      if (first)
        target->office_hours_only = amends_stmt_column_int (stmt, 1) != 0;
      first = FALSE;

      if (target->seconds == 0 && !amends_stmt_column_is_null (stmt, 0))
        target->seconds = amends_stmt_column_int64 (stmt, 0);
    }

  if (step == AMENDS_DB_STEP_ERROR)
    return FALSE;

  if (target->seconds <= 0)
    target->seconds = (gint64) amends_store_get_recovery_target_hours (self) * 3600;

  return TRUE;
}

/**
 * amends_store_get_office_hours:
 *
 * Returns: (transfer full) (element-type AmendsOfficeSpan): the spans, by
 *   weekday and opening; empty when the site keeps no office hours
 */
GArray *
amends_store_get_office_hours (AmendsStore  *self,
                               GError      **error)
{
  static const char sql[] =
    "SELECT weekday, opens, closes FROM business_hours ORDER BY weekday, opens";
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (AmendsOfficeSpan));
  g_autoptr(AmendsStmt) stmt = NULL;
  AmendsDbStep step;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);

  if (!(stmt = amends_store_prepare (self, sql, error)))
    return NULL;

  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      AmendsOfficeSpan span = {
        amends_stmt_column_int (stmt, 0), amends_stmt_column_int (stmt, 1), amends_stmt_column_int (stmt, 2),
      };
      g_array_append_val (spans, span);
    }

  if (step == AMENDS_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&spans);
}

/**
 * amends_store_set_office_hours:
 * @weekday: 1 = Monday … 7 = Sunday
 * @opens: minutes from midnight
 * @closes: minutes from midnight, after @opens; or not, for a closed day
 *
 * Replaces the office hours of @weekday with one span, or with none.
 */
gboolean
amends_store_set_office_hours (AmendsStore  *self,
                               int           weekday,
                               int           opens,
                               int           closes,
                               GError      **error)
{
  static const char delete_sql[] = "DELETE FROM business_hours WHERE weekday = ?1";
  static const char insert_sql[] =
    "INSERT INTO business_hours (weekday, opens, closes) VALUES (?1, ?2, ?3)";
  g_autoptr(AmendsStmt) stmt = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, FALSE);

  if (!amends_store_begin (self, error))
    return FALSE;

  if (!(stmt = amends_store_prepare (self, delete_sql, error)))
    goto failed;
  amends_stmt_bind_int64 (stmt, 1, weekday);
  if (!amends_stmt_execute (stmt, error))
    goto failed;
  g_clear_pointer (&stmt, amends_stmt_release);

  if (opens >= 0 && closes <= 24 * 60 && opens < closes)
    {
      if (!(stmt = amends_store_prepare (self, insert_sql, error)))
        goto failed;
      amends_stmt_bind_int64 (stmt, 1, weekday);
      amends_stmt_bind_int64 (stmt, 2, opens);
      amends_stmt_bind_int64 (stmt, 3, closes);
      if (!amends_stmt_execute (stmt, error))
        goto failed;
    }

  return amends_store_commit (self, error);

failed:
  amends_store_rollback (self);
  return FALSE;
}

/**
 * amends_store_compute_due:
 * @occurred_at: when the breakdown happened
 * @target_seconds: (out) (optional): the target in force
 *
 * Returns: (transfer full) (nullable): the due time of a case of
 *   @category and @severity that happened at @occurred_at, counted in
 *   office hours when its category says so
 */
GDateTime *
amends_store_compute_due (AmendsStore  *self,
                          const char   *category,
                          int           severity,
                          GDateTime    *occurred_at,
                          gint64       *target_seconds,
                          GError      **error)
{
  AmendsTargetInForce target;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GTimeZone) local = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (self), NULL);
  g_return_val_if_fail (occurred_at != NULL, NULL);

  if (!amends_store_lookup_target (self, category, severity, &target, error))
    return NULL;

  if (target_seconds != NULL)
    *target_seconds = target.seconds;

  if (!target.office_hours_only)
    return g_date_time_add_seconds (occurred_at, target.seconds);

  if (!(spans = amends_store_get_office_hours (self, error)))
    return NULL;

  local = g_time_zone_new_local ();
  return amends_office_hours_add (occurred_at, target.seconds, local,
                                  (const AmendsOfficeSpan *) spans->data, spans->len);
}

static char *
format_target (gint64 seconds)
{
  if (seconds % 3600 == 0)
    /* Translators: a recovery target in hours, as in "24 h" */
    return g_strdup_printf (ngettext ("%d h", "%d h", (int) (seconds / 3600)), (int) (seconds / 3600));

  return amends_clock_format_span (seconds * G_TIME_SPAN_SECOND);
}

/**
 * amends_target_format_range:
 *
 * Targets are set in hours and read in hours: "48 h", not "2 d".
 *
 * Returns: the targets of a line of the measures, in words: "4 h" when
 *   its cases all had the same, "4–48 h" when they differ, "—" when it
 *   has no case that happened in the period
 */
char *
amends_target_format_range (gint64 min_seconds,
                            gint64 max_seconds)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (min_seconds <= 0 || max_seconds <= 0)
    return g_strdup ("—");

  if (max_seconds == min_seconds)
    return format_target (min_seconds);

  if (min_seconds % 3600 == 0 && max_seconds % 3600 == 0)
    /* Translators: the targets of the cases of one line of the measures,
     * from the shortest to the longest, in hours, as in "4–48 h" */
    return g_strdup_printf (C_("targets", "%d–%d h"), (int) (min_seconds / 3600), (int) (max_seconds / 3600));

  low = format_target (min_seconds);
  high = format_target (max_seconds);
  /* Translators: the targets of the cases of one line of the measures,
   * from the shortest to the longest, as in "30 min–2 h" */
  return g_strdup_printf (C_("targets", "%s–%s"), low, high);
}

/**
 * amends_target_format_within:
 * @min_seconds: the shortest target of the period's cases, -1 if none
 * @max_seconds: the longest
 * @fallback_hours: the desk's target, for a period without cases
 *
 * The name of the first headline measure, which says the target it is
 * measured against: "Recovered within 24 h" when every case had that
 * target, "Recovered within their targets (4–48 h)" when they differ.
 *
 * Returns: the caption
 */
char *
amends_target_format_within (gint64 min_seconds,
                             gint64 max_seconds,
                             int    fallback_hours)
{
  g_autofree char *range = NULL;

  if (min_seconds <= 0 || max_seconds <= 0)
    {
      min_seconds = max_seconds = (gint64) MAX (fallback_hours, 1) * 3600;
    }

  range = amends_target_format_range (min_seconds, max_seconds);
  if (min_seconds == max_seconds)
    /* Translators: the first headline measure, %s is the target, as in
     * "Recovered within 24 h" */
    return g_strdup_printf (_("Recovered within %s"), range);

  /* Translators: the first headline measure when the cases had different
   * targets (by severity or category), %s as in "4–48 h" */
  return g_strdup_printf (_("Recovered within their targets (%s)"), range);
}
