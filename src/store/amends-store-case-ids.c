/* amends-store-case-ids.c: the store as the source of the lists of cases
 *
 * A list of cases (model/amends-case-list.c) is the ids of its cases in
 * order, which it asks of an AmendsCaseSource; the store is one, and
 * answers here, with SQL.  Without a search, one query gives them, read
 * from the index in the list's order.  With a search,
 * SQLite is asked only for the full-text hits (and the cases whose
 * reference was typed); they are kept, in order, from the ids of the same
 * filter without the search, which the list had already (its "base"):
 * sorting 400,000 hits of "l" by urgency in SQLite took 1.2 s, walking a
 * million ids against a bitmap of the hits takes a few milliseconds.  The
 * open and overdue counts come the same way, from the base's open cases.
 *
 * The queries run in whatever thread has the connection and touch no
 * GObject: on the store's own connection for a list made in the caller's
 * thread, else in a worker thread on the lists' read connection (see
 * amends-store-case-source.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-store-case-ids"

#include "config.h"

#include "amends-store-case-ids.h"

#include <string.h>

#include "amends-clock.h"
#include "amends-enum-types.h"
#include "amends-store-private.h"

/* Whether @text is one of our references, or its number alone, as a
 * front-desk user reads it off a receipt or an e-mail: "C-2026-00057",
 * "c-2026-57", "2026-00057", "00057", "57" or "#57".  @year is -1 when no
 * year was typed.
 *
 * The number must equal a case's number, not start or end it: "57" finds
 * C-2026-00057 but not C-2026-00570 or C-2026-00157.  Someone who has a
 * number types all of it, and as the list follows each key, a prefix
 * match would bury the one case asked for under every case from 570 to
 * 579 (and 5700 to 5799, …) while the number is typed. */
static gboolean
parse_reference (const char *text,
                 int        *year,
                 gint64     *number)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year_digits = NULL;
  g_autofree char *number_digits = NULL;

  if (text == NULL)
    return FALSE;

  /* [0-9], not \d, which would also take digits of other scripts. */
  regex = g_regex_new ("^\\s*#?(?:(?:C-?)?([0-9]{4})-)?([0-9]{1,9})\\s*$",
                       G_REGEX_CASELESS, 0, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  year_digits = g_match_info_fetch (match, 1);
  number_digits = g_match_info_fetch (match, 2);
  *year = year_digits && *year_digits ? (int) g_ascii_strtoll (year_digits, NULL, 10) : -1;
  *number = g_ascii_strtoll (number_digits, NULL, 10);

  return TRUE;
}

/* The cases whose reference has the number typed (:ref_number), in the
 * year typed (:ref_year) or in any year.  Each candidate reference is
 * looked up on the unique index on cases.reference, so this costs a few
 * index probes a year at a million cases, never a scan.
 *
 * The store writes C-YYYY-NNNNN, but reads any padding of the number as
 * the same number (an imported C-2026-0057 moves the counter to 57), so
 * every width from the number's own digits up to nine is tried.
 *
 * Without a year, the years are found by hopping through the index, one
 * probe a year (amends_sql_reference_any_year). */

/* The conditions of @filter other than the search, after a WHERE. */
static void
append_conditions (GString                *sql,
                   AmendsDbEngine          engine,
                   const AmendsCaseFilter *filter)
{
  g_string_append (sql, filter->trash ? "c.deleted_at IS NOT NULL" : "c.deleted_at IS NULL");

  if (filter->status >= 0)
    g_string_append (sql, " AND c.status = :status");
  if (filter->owner_id == 0)
    g_string_append (sql, " AND c.owner_id IS NULL");
  else if (filter->owner_id > 0)
    g_string_append (sql, " AND c.owner_id = :owner");
  if (filter->overdue_only)
    g_string_append (sql, " AND " AMENDS_SQL_OVERDUE ("c", ":now"));
  if (filter->category != NULL)
    g_string_append (sql, " AND c.category = :category");
  /* As the rows' marker (amends-case-row.c): set, due by now, not closed. */
  if (filter->follow_up_due)
    g_string_append (sql, " AND c.follow_up_due_at <= :now AND c.status != 'closed'");
  /* Escalated to a lead: overdue, by more than the escalation time. */
  if (filter->needs_lead_after > 0 && engine == AMENDS_DB_ENGINE_POSTGRESQL)
    g_string_append (sql, " AND " AMENDS_SQL_OVERDUE ("c", "(" AMENDS_SQL_INT_PARAM (PG, ":now") " - :lead_after)"));
  else if (filter->needs_lead_after > 0)
    g_string_append (sql, " AND " AMENDS_SQL_OVERDUE ("c", "(:now - :lead_after)"));
}

/* The order by urgency: first the cases whose work is still to do
 * (list_group 0, see migration 9), cut by their clock state at :now into
 * overdue, due soon and running; then the paused clocks; then the
 * finished cases.  Within each part the worst severity comes first, then
 * the case due soonest (or most overdue); the finished ones, which all
 * have rank 0, most recently finished first.
 *
 * Each part is its own statement, read in the index's order: one ORDER BY
 * over the clock state would be a sort of every case (a temp B-tree),
 * while the few cases of group 0 are walked three times in the index.
 * The second column of the first three is when the case changes part as
 * time goes on (never for an overdue one). */
static const struct
{
  const char *where;
  const char *order;
  const char *changes_at;
} urgency_parts[] = {
  { " AND c.list_group = 0 AND c.list_key < :now",
    "c.list_rank, c.list_key, c.id", "NULL" },
  { " AND c.list_group = 0 AND c.list_key >= :now AND c.list_key <= :soon",
    "c.list_rank, c.list_key, c.id", "c.list_key + 1" },
  { " AND c.list_group = 0 AND c.list_key > :soon",
    "c.list_rank, c.list_key, c.id", "c.list_key - :soon_span" },
  { " AND c.list_group > 0",
    "c.list_group, c.list_rank, c.list_key, c.id", "NULL" },
};

/* The ids alone (and, by urgency, when the order changes), so that the
 * list's order is read from its index without touching the rows (0.10 s
 * for a million, against 2.0 s with the columns the counts need).  By
 * urgency, @part picks one of urgency_parts. */
static char *
build_base_sql (AmendsDbEngine          engine,
                const AmendsCaseFilter *filter,
                guint                   part)
{
  GString *sql = g_string_new ("SELECT c.id");

  if (filter->sort == AMENDS_CASE_SORT_URGENCY)
    g_string_append_printf (sql, ", %s", urgency_parts[part].changes_at);
  g_string_append (sql, " FROM cases AS c WHERE ");
  append_conditions (sql, engine, filter);
  switch (filter->sort)
    {
    case AMENDS_CASE_SORT_NEWEST:
      g_string_append (sql, " ORDER BY c.occurred_at DESC, c.id DESC");
      break;

    case AMENDS_CASE_SORT_OLDEST:
      g_string_append (sql, " ORDER BY c.occurred_at, c.id");
      break;

    case AMENDS_CASE_SORT_URGENCY:
    default:
      g_string_append_printf (sql, "%s ORDER BY %s",
                              urgency_parts[part].where, urgency_parts[part].order);
      break;
    }

  return g_string_free (sql, FALSE);
}

/* The open cases of the base, from the few that are open, with the time
 * after which they are overdue (NULL while the clock is paused): the
 * counts at any later time are made from them, by the same rule as the
 * overdue filter. */
static char *
build_open_sql (AmendsDbEngine          engine,
                const AmendsCaseFilter *filter)
{
  GString *sql = g_string_new ("SELECT c.id, " AMENDS_SQL_OVERDUE_AFTER ("c")
                               " FROM cases AS c WHERE " AMENDS_SQL_OPEN ("c") " AND ");

  append_conditions (sql, engine, filter);
  return g_string_free (sql, FALSE);
}

static char *
build_reference_sql (AmendsDbEngine engine,
                     int            year)
{
  const AmendsSql *years = year >= 0 ? &amends_sql_reference_given_year
                                     : &amends_sql_reference_any_year;

  return g_strconcat (amends_sql_pick (years, engine),
                      amends_sql_pick (&amends_sql_reference_hits, engine),
                      "SELECT id FROM ref_hit", NULL);
}

/* The list's SQL names its parameters (:now, :owner…), as the pieces it
 * is made of need; amends_sql_number_names() has numbered them, in the
 * order of @names, before the statement was prepared. */
typedef struct
{
  AmendsStmt *stmt;
  GPtrArray  *names;
} NamedStmt;

static int
parameter_index (NamedStmt  *named,
                 const char *name)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (named->names, name, g_str_equal, &index))
    return 0;
  return (int) index + 1;
}

static void
bind_named_int64 (NamedStmt  *named,
                  const char *name,
                  gint64      value)
{
  int index = parameter_index (named, name);

  if (index > 0)
    amends_stmt_bind_int64 (named->stmt, index, value);
}

static void
bind_named_text (NamedStmt  *named,
                 const char *name,
                 const char *value)
{
  int index = parameter_index (named, name);

  if (index > 0)
    amends_stmt_bind_text (named->stmt, index, value);
}

static void
bind_filter (NamedStmt              *stmt,
             const AmendsCaseFilter *filter,
             const char             *match,
             gint64                  now)
{
  gint64 number;
  int year;

  if (filter->status >= 0)
    {
      g_autoptr(GEnumClass) statuses = g_type_class_ref (AMENDS_TYPE_CASE_STATUS);
      GEnumValue *status = g_enum_get_value (statuses, filter->status);

      bind_named_text (stmt, ":status", status ? status->value_nick : "");
    }
  bind_named_int64 (stmt, ":owner", filter->owner_id);
  bind_named_int64 (stmt, ":now", now);
  bind_named_int64 (stmt, ":lead_after", filter->needs_lead_after);
  bind_named_int64 (stmt, ":soon", now + AMENDS_CLOCK_DUE_SOON / G_TIME_SPAN_SECOND);
  bind_named_int64 (stmt, ":soon_span", AMENDS_CLOCK_DUE_SOON / G_TIME_SPAN_SECOND);
  bind_named_text (stmt, ":category", filter->category);
  bind_named_text (stmt, ":match", match);

  if (parse_reference (filter->query, &year, &number))
    {
      bind_named_int64 (stmt, ":ref_year", year);
      bind_named_int64 (stmt, ":ref_number", number);
    }
}

/* The list's query was interrupted: no longer wanted. */
gboolean
amends_store_case_ids_set_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       "The list of cases was no longer wanted.");
  return FALSE;
}

static gboolean collect_into (AmendsDb               *db,
                              const char             *sql,
                              const AmendsCaseFilter *filter,
                              const char             *match,
                              gint64                  now,
                              guint                   n_columns,
                              GArray                 *rows,
                              gint64                 *first_change,
                              GError                **error);

/* Runs @sql with @filter bound and appends each row's columns (@n_columns
 * of them, 1 or 2, integers; a NULL second column read as G_MAXINT64) to a
 * new array of @n_columns gint64s an element. */
static GArray *
collect (AmendsDb               *db,
         const char             *sql,
         const AmendsCaseFilter *filter,
         const char             *match,
         gint64                  now,
         guint                   n_columns,
         GError                **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, n_columns * sizeof (gint64));

  if (!collect_into (db, sql, filter, match, now, n_columns, rows, NULL, error))
    return NULL;

  return g_steal_pointer (&rows);
}
/* Like collect(), into @rows; with @first_change, the ids alone go into
 * @rows and the smallest second column (when the list's order changes)
 * into *@first_change. */
static gboolean
collect_into (AmendsDb               *db,
              const char             *sql,
              const AmendsCaseFilter *filter,
              const char             *match,
              gint64                  now,
              guint                   n_columns,
              GArray                 *rows,
              gint64                 *first_change,
              GError                **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *numbered = amends_sql_number_names (sql, names);
  AmendsStmt *stmt = NULL;
  AmendsDbStep step;

  if (!(stmt = amends_store_db_prepare (db, numbered, error)))
    return FALSE;

  /* An interrupted step (the list no longer wanted) fails here like any
   * other; the reader, which knows its cancellable, says it was that. */
  bind_filter (&(NamedStmt) { stmt, names }, filter, match, now);
  while ((step = amends_stmt_step (stmt, error)) == AMENDS_DB_STEP_ROW)
    {
      /* An id is never NULL; a time overdue after is, while the clock is
       * paused.
       * Each column call costs the connection's mutex: ask once. */
      gint64 row[2] = { amends_stmt_column_int64 (stmt, 0), 0 };

      if (n_columns > 1)
        row[1] = amends_stmt_column_is_null (stmt, 1) ? G_MAXINT64
                                                      : amends_stmt_column_int64 (stmt, 1);
      if (first_change != NULL)
        *first_change = MIN (*first_change, row[1]);
      g_array_append_vals (rows, row, 1);
    }
  amends_stmt_free (stmt);

  return step != AMENDS_DB_STEP_ERROR;
}

/* The base: the ids of @filter without its search, in the list's order,
 * and when that order changes with time (*@order_until). */
static GArray *
collect_base (AmendsDb               *db,
              const AmendsCaseFilter *filter,
              gint64                  now,
              gint64                 *order_until,
              GError                **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_parts = filter->sort == AMENDS_CASE_SORT_URGENCY ? G_N_ELEMENTS (urgency_parts) : 1;

  *order_until = G_MAXINT64;
  for (guint part = 0; part < n_parts; part++)
    {
      g_autofree char *sql = build_base_sql (amends_db_get_engine (db), filter, part);
      gboolean by_urgency = filter->sort == AMENDS_CASE_SORT_URGENCY;

      if (!collect_into (db, sql, filter, NULL, now, by_urgency ? 2 : 1, ids,
                         by_urgency ? order_until : NULL, error))
        return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Which ids a search hit: a bitmap over the ids when they are dense, as
 * rowids are; a hash set when some import left a far-off id. */
typedef struct
{
  guint8     *bits;
  gint64      n_bits;
  GHashTable *set;
} IdSet;

static void
id_set_init (IdSet  *set,
             GArray *ids)
{
  gint64 max = -1;

  memset (set, 0, sizeof *set);
  for (guint i = 0; i < ids->len; i++)
    max = MAX (max, g_array_index (ids, gint64, i));

  if (max < (gint64) 64 * ids->len + (1 << 20))
    {
      set->n_bits = max + 1;
      set->bits = g_malloc0 (set->n_bits / 8 + 1);
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);

          if (id >= 0)
            set->bits[id / 8] |= 1 << (id % 8);
        }
    }
  else
    {
      set->set = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (set->set, &g_array_index (ids, gint64, i));
    }
}

static inline gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  if (set->set != NULL)
    return g_hash_table_contains (set->set, &id);

  return id >= 0 && id < set->n_bits && (set->bits[id / 8] & (1 << (id % 8))) != 0;
}

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->bits, g_free);
  g_clear_pointer (&set->set, g_hash_table_unref);
}

static void
count_open (AmendsCaseIds *result,
            const IdSet   *hits,
            const IdSet   *references,
            gint64         now)
{
  result->n_open = result->n_overdue = 0;

  for (guint i = 0; i < result->open->len; i++)
    {
      const AmendsOpenCase *open = &g_array_index (result->open, AmendsOpenCase, i);

      if (hits != NULL && !id_set_contains (hits, open->id) && !id_set_contains (references, open->id))
        continue;

      /* AMENDS_SQL_OVERDUE: open (as all here are) and overdue after a
       * time before @now. */
      result->n_open++;
      if (open->overdue_after < now)
        result->n_overdue++;
    }
}

/* Keeps the hits of the base, in its order; the case whose number was
 * typed first, even above a more urgent case that merely mentions the
 * number: it is the one asked for.  Each part keeps the list's order. */
static GArray *
intersect (GArray      *base,
           const IdSet *hits,
           const IdSet *references,
           gboolean     has_references)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) rest = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < base->len; i++)
    {
      gint64 id = g_array_index (base, gint64, i);

      if (has_references && id_set_contains (references, id))
        g_array_append_val (ids, id);
      else if (id_set_contains (hits, id))
        g_array_append_val (rest, id);
    }

  g_array_append_vals (ids, rest->data, rest->len);
  return ids;
}

/**
 * amends_store_case_ids_run:
 * @reuse: (nullable): a result whose base serves @filter, so that only
 *   the search's hits are asked for
 *
 * Runs the list's query on @db, in the caller's thread.
 *
 * Returns: (transfer full): the ids and counts, or %NULL with @error set
 */
AmendsCaseIds *
amends_store_case_ids_run (AmendsDb                *db,
                           const AmendsCaseFilter  *filter,
                           gint64                   now,
                           const AmendsCaseIds     *reuse,
                           GError                 **error)
{
  g_autoptr(AmendsCaseIds) result = g_new0 (AmendsCaseIds, 1);
  AmendsDbEngine engine = amends_db_get_engine (db);
  g_autofree char *match = amends_sql_match_query (filter->query);
  g_autoptr(GArray) hit_ids = NULL;
  g_autoptr(GArray) reference_ids = NULL;
  IdSet hits, references;
  gint64 number;
  int year = -1;
  gboolean has_references;

  amends_case_filter_copy (&result->filter, filter);
  if (reuse != NULL)
    {
      result->base = g_array_ref (reuse->base);
      result->open = g_array_ref (reuse->open);
      result->base_now = reuse->base_now;
      result->order_until = reuse->order_until;
    }
  else
    {
      g_autofree char *open_sql = build_open_sql (engine, filter);

      if (!(result->base = collect_base (db, filter, now, &result->order_until, error)) ||
          !(result->open = collect (db, open_sql, filter, NULL, now, 2, error)))
        return NULL;
      result->base_now = now;
    }

  if (match == NULL)
    {
      result->ids = g_array_ref (result->base);
      count_open (result, NULL, NULL, now);
      return g_steal_pointer (&result);
    }

  /* SQLite's FTS5 takes the query made of the words; the server's
   * amends_search_query () makes its own of the text as typed. */
  if (engine == AMENDS_DB_ENGINE_POSTGRESQL)
    {
      g_free (match);
      match = g_strdup (filter->query);
    }
  if (!(hit_ids = collect (db, amends_sql_pick (&amends_sql_case_search, engine), filter, match, now, 1, error)))
    return NULL;

  has_references = parse_reference (filter->query, &year, &number);
  if (has_references)
    {
      g_autofree char *reference_sql = build_reference_sql (engine, year);

      if (!(reference_ids = collect (db, reference_sql, filter, match, now, 1, error)))
        return NULL;
    }
  else
    reference_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  id_set_init (&hits, hit_ids);
  id_set_init (&references, reference_ids);
  result->ids = intersect (result->base, &hits, &references, has_references);
  count_open (result, &hits, &references, now);
  id_set_clear (&hits);
  id_set_clear (&references);

  return g_steal_pointer (&result);
}
