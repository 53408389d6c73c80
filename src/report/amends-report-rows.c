/* amends-report-rows.c: the cells of the summary's tables, read from the store
 *
 * Each function reads one table's rows for the week and words them: a
 * GPtrArray of NULL-terminated string arrays, a row each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-report-rows"

#include "config.h"

#include "amends-report-rows.h"

#include <glib/gi18n.h>

#include "amends-case-list.h"
#include "amends-clock.h"
#include "amends-report-format.h"
#include "amends-store-stories.h"
#include "amends-store-targets.h"

/* The most overdue cases listed, about 14 pages: a printout for a meeting,
 * not the whole backlog of a large desk (15,000 cases past due made 400
 * pages and took seconds); the heading still counts them all, and a
 * closing line says how many more the case list shows. */
#define MAX_OVERDUE_ROWS 500

GPtrArray *
amends_report_owner_rows (AmendsStore  *store,
                          GDateTime    *from,
                          GDateTime    *until,
                          GError      **error)
{
  g_autoptr(GPtrArray) measured = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  measured = amends_store_measure_by (store, AMENDS_MEASURE_BY_OWNER, from, until, error);
  if (measured == NULL)
    return NULL;

  for (guint i = 0; i < measured->len; i++)
    {
      AmendsMeasureRow *row = measured->pdata[i];
      char **cells = g_new0 (char *, 7);

      cells[0] = g_strdup (row->name);
      cells[1] = g_strdup_printf ("%u", row->measures.n_happened);
      cells[2] = amends_report_format_share (&row->measures.recovered_within);
      cells[3] = amends_report_format_share (&row->measures.blown_away);
      cells[4] = amends_report_format_span (row->measures.median_seconds);
      cells[5] = amends_target_format_range (row->measures.target_min_seconds,
                                             row->measures.target_max_seconds);
      g_ptr_array_add (rows, cells);
    }

  return g_steal_pointer (&rows);
}

typedef char **(*RowFunc) (gpointer   item,
                           gpointer   data,
                           GError   **error);

/* A row of cells for each item of @list, or NULL if @list is NULL (its
 * error set) or a row could not be made. */
static GPtrArray *
rows_of (GListModel  *list,
         RowFunc      row,
         gpointer     data,
         GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n;

  if (list == NULL)
    return NULL;

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      char **cells = row (item, data, error);

      if (cells == NULL)
        return NULL;
      g_ptr_array_add (rows, cells);
    }

  return g_steal_pointer (&rows);
}

static char **
overdue_row (gpointer   item,
             gpointer   data,
             GError   **error)
{
  AmendsCase *kase = item;
  GDateTime *as_of = data;
  char **cells = g_new0 (char *, 5);
  GTimeSpan remaining;

  remaining = g_date_time_difference (amends_case_get_recovery_due_at (kase), as_of)
              + amends_case_get_paused_seconds (kase) * G_TIME_SPAN_SECOND;
  cells[0] = g_strdup (amends_case_get_reference (kase));
  cells[1] = amends_report_truncate (amends_case_get_summary (kase));
  if (amends_case_get_owner_id (kase) != 0 && amends_case_get_owner_name (kase) != NULL)
    cells[2] = g_strdup (amends_case_get_owner_name (kase));
  else
    cells[2] = g_strdup (_("Unowned"));
  cells[3] = amends_clock_format_span (remaining < 0 ? -remaining : 0);

  return cells;
}

GPtrArray *
amends_report_overdue_rows (AmendsStore  *store,
                            GDateTime    *as_of,
                            guint        *n_past_due,
                            GError      **error)
{
  g_autoptr(GListModel) list = NULL;

  list = amends_store_list_past_due_first (store, as_of, MAX_OVERDUE_ROWS, n_past_due, error);
  return rows_of (list, overdue_row, as_of, error);
}

static char *
hero_names (AmendsStore  *store,
            gint64        story_id,
            GError      **error)
{
  g_autoptr(GArray) ids = amends_store_get_story_heroes (store, story_id, error);
  g_autoptr(GString) names = g_string_new (NULL);

  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AmendsStaff) staff = NULL;

      staff = amends_store_load (store, AMENDS_TYPE_STAFF, g_array_index (ids, gint64, i), NULL);
      if (staff == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, amends_staff_get_name (staff));
    }

  if (names->len == 0)
    return g_strdup ("—");
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char **
story_row (gpointer   item,
           gpointer   data,
           GError   **error)
{
  AmendsStory *story = item;
  char *heroes = hero_names (data, amends_record_get_id (AMENDS_RECORD (story)), error);
  char **cells;

  /* Made only once the heroes are read: nothing to free on failure. */
  if (heroes == NULL)
    return NULL;

  cells = g_new0 (char *, 3);
  cells[0] = amends_report_truncate (amends_story_get_title (story));
  cells[1] = heroes;
  return cells;
}

GPtrArray *
amends_report_story_rows (AmendsStore  *store,
                          GDateTime    *from,
                          GDateTime    *until,
                          GError      **error)
{
  g_autoptr(GListModel) stories = amends_store_list_stories_told (store, from, until, error);

  return rows_of (stories, story_row, store, error);
}

static char **
lesson_row (gpointer   item,
            gpointer   data,
            GError   **error)
{
  AmendsCase *kase = item;
  g_autofree char *lesson = NULL;
  char **cells = g_new0 (char *, 3);

  g_object_get (kase, "lesson", &lesson, NULL);
  cells[0] = g_strdup (amends_case_get_reference (kase));
  cells[1] = amends_report_truncate (lesson);
  return cells;
}

GPtrArray *
amends_report_lesson_rows (AmendsStore  *store,
                           GDateTime    *from,
                           GDateTime    *until,
                           GError      **error)
{
  g_autoptr(GListModel) lessons = amends_store_list_lessons (store, from, until, error);

  return rows_of (lessons, lesson_row, NULL, error);
}
