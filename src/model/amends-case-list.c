/* amends-case-list.c: the cases, filtered and sorted, read lazily from the store
 *
 * One query, which does all the filtering, sorting and full-text matching
 * in SQLite, gives the ids of the cases in order; that array is all the
 * list holds of a million rows (8 bytes a case).  A case is read only when
 * a view asks for its position, a page of neighbours at a time, and kept in
 * a small cache of the most recently used.  When the store commits a
 * change, cached cases are refreshed in place (so rows on screen follow)
 * and the ids are queried again; ::items-changed then names only the span
 * between the first and the last position that differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "amends-case-list.h"
#include "amends-enum-types.h"
#include "amends-store-private.h"

#define PAGE_SIZE  64
#define CACHE_SIZE 1024

struct _AmendsCaseList
{
  GObject           parent_instance;

  AmendsStore      *store;
  AmendsCaseFilter  filter;
  GArray           *ids;
  guint             n_open;
  guint             n_overdue;
  GHashTable       *cache;       /* id → GList link in lru */
  GQueue            lru;         /* AmendsCase, most recent first */
  guint64           rows_loaded;
  gboolean          dirty;
  gulong            record_changed_id;
  gulong            committed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmendsCaseList, amends_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  PROP_N_OPEN,
  PROP_N_OVERDUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Turns what a person typed into an FTS5 query: every word must appear,
 * as the start of a word, and nothing typed is read as FTS syntax. */
static char *
make_match_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \t\n\r", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_strdup (words[i]);

      g_strdelimit (word, "\"", ' ');
      g_strstrip (word);
      if (*word == '\0')
        continue;
      g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word);
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

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
 * probe a year: the smallest reference of the next year on.  Taking at
 * least y + 1 each step ends the walk even over a reference like
 * "C-20x1" that some import brought in. */
static const char reference_any_year_sql[] =
  "WITH RECURSIVE"
  " ref_year (y) AS ("
  "   SELECT CAST (substr (min (reference), 3, 4) AS INTEGER) FROM cases"
  "     WHERE reference >= 'C-0000' AND reference < 'C-:'"
  "   UNION ALL"
  "   SELECT max (y + 1, (SELECT CAST (substr (min (reference), 3, 4) AS INTEGER) FROM cases"
  "                         WHERE reference >= printf ('C-%04d', y + 1) AND reference < 'C-:'))"
  "     FROM ref_year WHERE y < 9999),";

static const char reference_given_year_sql[] =
  "WITH RECURSIVE"
  " ref_year (y) AS (VALUES (:ref_year)),";

static const char reference_hits_sql[] =
  " ref_width (w) AS ("
  "   SELECT length (:ref_number) UNION ALL SELECT w + 1 FROM ref_width WHERE w < 9),"
  " ref_hit (id) AS ("
  "   SELECT r.id FROM ref_year, ref_width, cases AS r"
  "     WHERE ref_year.y IS NOT NULL"
  "       AND r.reference = printf ('C-%04d-%0*d', ref_year.y, ref_width.w, :ref_number)) ";

/* The ids alone, so that the list's order is read from its index without
 * touching the rows (0.10 s for a million, against 2.0 s with the columns
 * the counts need); with @counts, the open and overdue counts of the same
 * cases, from the few that are open. */
static char *
build_sql (const AmendsCaseFilter *filter,
           gboolean                has_match,
           gboolean                counts)
{
  GString *sql = g_string_new (NULL);
  gboolean has_reference = FALSE;
  gint64 number;
  int year;

  if (has_match && parse_reference (filter->query, &year, &number))
    {
      has_reference = TRUE;
      g_string_append (sql, year >= 0 ? reference_given_year_sql : reference_any_year_sql);
      g_string_append (sql, reference_hits_sql);
    }

  if (counts)
    g_string_append (sql,
                     "SELECT count(*),"
                     " coalesce (sum (c.paused_at IS NULL AND c.recovery_due_at + c.paused_seconds < :now), 0)"
                     " FROM cases AS c WHERE c.status IN ('open', 'in-recovery') AND ");
  else
    g_string_append (sql, "SELECT c.id FROM cases AS c WHERE ");

  g_string_append (sql, filter->trash ? "c.deleted_at IS NOT NULL" : "c.deleted_at IS NULL");

  if (filter->status >= 0)
    g_string_append (sql, " AND c.status = :status");
  if (filter->owner_id == 0)
    g_string_append (sql, " AND c.owner_id IS NULL");
  else if (filter->owner_id > 0)
    g_string_append (sql, " AND c.owner_id = :owner");
  if (filter->overdue_only)
    g_string_append (sql, " AND c.status IN ('open', 'in-recovery') AND c.paused_at IS NULL"
                          " AND c.recovery_due_at + c.paused_seconds < :now");
  if (filter->category != NULL)
    g_string_append (sql, " AND c.category = :category");
  /* The other filters apply to reference hits as to full-text ones. */
  if (has_reference)
    g_string_append (sql, " AND c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH :match"
                          "              UNION ALL SELECT id FROM ref_hit)");
  else if (has_match)
    g_string_append (sql, " AND c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH :match)");

  if (counts)
    return g_string_free (sql, FALSE);

  /* The case whose number was typed comes first, even above a more urgent
   * case that merely mentions the number: it is the one asked for.  Each
   * part keeps the list's own order.  SQLite sorts a search's hits anyway
   * (they come from the search index, not from an index in the list's
   * order), so this adds a sort key, not a sort. */
  g_string_append (sql, " ORDER BY ");
  if (has_reference)
    g_string_append (sql, "c.id IN (SELECT id FROM ref_hit) DESC, ");

  switch (filter->sort)
    {
    case AMENDS_CASE_SORT_NEWEST:
      g_string_append (sql, "c.occurred_at DESC, c.id DESC");
      break;

    case AMENDS_CASE_SORT_OLDEST:
      g_string_append (sql, "c.occurred_at, c.id");
      break;

    case AMENDS_CASE_SORT_URGENCY:
    default:
      g_string_append (sql, "c.urgency_group, c.urgency_key, c.id");
      break;
    }

  return g_string_free (sql, FALSE);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* What one run of the query gives: the ids in order, and the counts the
 * sidebar shows. */
typedef struct
{
  GArray *ids;
  guint   n_open;
  guint   n_overdue;
} QueryResult;

static void
query_result_free (QueryResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QueryResult, query_result_free)

static void
bind_filter (sqlite3_stmt           *stmt,
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
  bind_named_text (stmt, ":category", filter->category);
  bind_named_text (stmt, ":match", match);

  if (parse_reference (filter->query, &year, &number))
    {
      bind_named_int64 (stmt, ":ref_year", year);
      bind_named_int64 (stmt, ":ref_number", number);
    }
}

/* Steps through the bound statement; returns the SQLite result code. */
static int
collect_ids (sqlite3_stmt *stmt,
             QueryResult  *result)
{
  int rc;

  result->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (result->ids, id);
    }

  return rc;
}

static int
collect_counts (sqlite3_stmt *stmt,
                QueryResult  *result)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    return rc;

  result->n_open = sqlite3_column_int (stmt, 0);
  result->n_overdue = sqlite3_column_int (stmt, 1);
  return SQLITE_DONE;
}

static QueryResult *
query_ids (AmendsCaseList  *self,
           GError         **error)
{
  g_autofree char *match = make_match_query (self->filter.query);
  g_autofree char *sql = build_sql (&self->filter, match != NULL, FALSE);
  g_autofree char *counts_sql = build_sql (&self->filter, match != NULL, TRUE);
  g_autoptr(AmendsStmt) stmt = NULL;
  g_autoptr(QueryResult) result = g_new0 (QueryResult, 1);
  int rc;

  if (!(stmt = amends_store_prepare (self->store, sql, error)))
    return NULL;

  bind_filter (stmt, &self->filter, match, amends_store_now (self->store));
  rc = collect_ids (stmt, result);
  if (rc != SQLITE_DONE)
    {
      amends_store_set_error (self->store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, amends_stmt_release);

  if (!(stmt = amends_store_prepare (self->store, counts_sql, error)))
    return NULL;
  bind_filter (stmt, &self->filter, match, amends_store_now (self->store));
  rc = collect_counts (stmt, result);
  if (rc != SQLITE_DONE)
    {
      amends_store_set_error (self->store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&result);
}

static void
cache_remove (AmendsCaseList *self,
              gint64          id)
{
  GList *link = g_hash_table_lookup (self->cache, &id);

  if (link == NULL)
    return;

  g_hash_table_remove (self->cache, &id);
  g_object_unref (link->data);
  g_queue_delete_link (&self->lru, link);
}

static void
cache_clear (AmendsCaseList *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->lru, g_object_unref);
}

static AmendsCase *
cache_lookup (AmendsCaseList *self,
              gint64          id)
{
  GList *link = g_hash_table_lookup (self->cache, &id);

  if (link == NULL)
    return NULL;

  g_queue_unlink (&self->lru, link);
  g_queue_push_head_link (&self->lru, link);

  return link->data;
}

static void
cache_insert (AmendsCaseList *self,
              AmendsCase     *kase)
{
  gint64 *key = g_new (gint64, 1);

  *key = amends_record_get_id (AMENDS_RECORD (kase));
  g_queue_push_head (&self->lru, kase);
  g_hash_table_insert (self->cache, key, self->lru.head);

  while (self->lru.length > CACHE_SIZE)
    cache_remove (self, amends_record_get_id (AMENDS_RECORD (self->lru.tail->data)));
}

/* Reads the page around @position, skipping the cases already cached. */
static void
load_page (AmendsCaseList *self,
           guint           position)
{
  guint first = position - position % PAGE_SIZE;
  guint last = MIN (first + PAGE_SIZE, self->ids->len);

  for (guint i = first; i < last; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      g_autoptr(GError) error = NULL;
      AmendsCase *kase;

      if (cache_lookup (self, id) != NULL)
        continue;

      kase = amends_store_load (self->store, AMENDS_TYPE_CASE, id, &error);
      if (kase == NULL)
        {
          /* Another program removed it since the ids were read; show an
           * empty row until the next refresh rather than fail the view. */
          g_debug ("Case %" G_GINT64_FORMAT " could not be read: %s", id, error->message);
          kase = amends_case_new ();
          amends_record_set_id (AMENDS_RECORD (kase), id);
        }

      self->rows_loaded++;
      cache_insert (self, kase);
    }
}

static GType
amends_case_list_get_item_type (GListModel *model)
{
  return AMENDS_TYPE_CASE;
}

static guint
amends_case_list_get_n_items (GListModel *model)
{
  return AMENDS_CASE_LIST (model)->ids->len;
}

static gpointer
amends_case_list_get_item (GListModel *model,
                           guint       position)
{
  AmendsCaseList *self = AMENDS_CASE_LIST (model);
  AmendsCase *kase;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  kase = cache_lookup (self, id);
  if (kase == NULL)
    {
      load_page (self, position);
      kase = cache_lookup (self, id);
    }

  return g_object_ref (kase);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = amends_case_list_get_item_type;
  iface->get_n_items = amends_case_list_get_n_items;
  iface->get_item = amends_case_list_get_item;
}

static void
refresh_cached (AmendsCaseList *self,
                gint64          id)
{
  AmendsCase *kase = cache_lookup (self, id);
  g_autoptr(GError) error = NULL;

  if (kase != NULL && !amends_store_reload (self->store, AMENDS_RECORD (kase), &error))
    cache_remove (self, id);
}

/* A changed name of a customer or owner shows on every row that has it. */
static void
refresh_cached_referring (AmendsCaseList *self,
                          GType           type,
                          gint64          id)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GList *l = self->lru.head; l; l = l->next)
    {
      AmendsCase *kase = l->data;
      gint64 ref = type == AMENDS_TYPE_CUSTOMER ? amends_case_get_customer_id (kase)
                                                : amends_case_get_owner_id (kase);
      if (ref == id)
        {
          gint64 case_id = amends_record_get_id (AMENDS_RECORD (kase));
          g_array_append_val (stale, case_id);
        }
    }

  for (guint i = 0; i < stale->len; i++)
    refresh_cached (self, g_array_index (stale, gint64, i));
}

static void
on_record_changed_cb (AmendsCaseList *self,
                      GType           type,
                      gint64          id,
                      AmendsStore    *store)
{
  if (type == AMENDS_TYPE_CASE)
    {
      refresh_cached (self, id);
      self->dirty = TRUE;
    }
  else if (type == AMENDS_TYPE_CUSTOMER || type == AMENDS_TYPE_STAFF)
    {
      refresh_cached_referring (self, type, id);
      /* A new customer name can make a case match the search. */
      if (self->filter.query != NULL)
        self->dirty = TRUE;
    }
  else if (type == AMENDS_TYPE_ACTION && self->filter.query != NULL)
    self->dirty = TRUE;
}

static void
on_changes_committed_cb (AmendsCaseList *self,
                         AmendsStore    *store)
{
  g_autoptr(GError) error = NULL;

  if (!self->dirty)
    return;

  if (!amends_case_list_refresh (self, &error))
    g_warning ("Could not refresh the list of cases: %s", error->message);
}

static void
amends_case_list_dispose (GObject *object)
{
  AmendsCaseList *self = (AmendsCaseList *)object;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->record_changed_id, self->store);
      g_clear_signal_handler (&self->committed_id, self->store);
    }
  g_clear_object (&self->store);
  cache_clear (self);

  G_OBJECT_CLASS (amends_case_list_parent_class)->dispose (object);
}

static void
amends_case_list_finalize (GObject *object)
{
  AmendsCaseList *self = (AmendsCaseList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->filter.query, g_free);
  g_clear_pointer (&self->filter.category, g_free);

  G_OBJECT_CLASS (amends_case_list_parent_class)->finalize (object);
}

static void
amends_case_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmendsCaseList *self = AMENDS_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    case PROP_N_OPEN:
      g_value_set_uint (value, self->n_open);
      break;

    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_list_class_init (AmendsCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amends_case_list_dispose;
  object_class->finalize = amends_case_list_finalize;
  object_class->get_property = amends_case_list_get_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Of the cases shown: those still open or in recovery, and of those the
   * ones past their due time with the clock running. */
  properties [PROP_N_OPEN] =
    g_param_spec_uint ("n-open", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amends_case_list_init (AmendsCaseList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->lru);
}

/**
 * amends_case_list_new:
 * @filter: (nullable): what to show; %NULL for every live case, most
 *   urgent first
 *
 * Returns: (transfer full): a list that follows the store's changes
 */
static AmendsCaseList *
create_list (AmendsStore            *store,
             const AmendsCaseFilter *filter)
{
  static const AmendsCaseFilter all = AMENDS_CASE_FILTER_INIT;
  AmendsCaseList *self;

  if (filter == NULL)
    filter = &all;

  self = g_object_new (AMENDS_TYPE_CASE_LIST, NULL);
  self->store = g_object_ref (store);
  self->filter = *filter;
  self->filter.query = g_strdup (filter->query);
  self->filter.category = g_strdup (filter->category);

  return self;
}

/* Takes the ids and counts of @result and starts following the store. */
static void
take_result (AmendsCaseList *self,
             QueryResult    *result)
{
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_steal_pointer (&result->ids);
  self->n_open = result->n_open;
  self->n_overdue = result->n_overdue;

  self->record_changed_id =
    g_signal_connect_object (self->store, "record-changed",
                             G_CALLBACK (on_record_changed_cb), self,
                             G_CONNECT_SWAPPED);
  self->committed_id =
    g_signal_connect_object (self->store, "changes-committed",
                             G_CALLBACK (on_changes_committed_cb), self,
                             G_CONNECT_SWAPPED);
}

/**
 * amends_case_list_new:
 * @filter: (nullable): what to show; %NULL for every live case, most
 *   urgent first
 *
 * Returns: (transfer full): a list that follows the store's changes
 */
AmendsCaseList *
amends_case_list_new (AmendsStore             *store,
                      const AmendsCaseFilter  *filter,
                      GError                 **error)
{
  g_autoptr(AmendsCaseList) self = NULL;
  g_autoptr(QueryResult) result = NULL;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  self = create_list (store, filter);
  if (!(result = query_ids (self, error)))
    return NULL;

  take_result (self, result);

  return g_steal_pointer (&self);
}

/* The task holds no object: its last reference may be dropped in the
 * worker thread, and neither the store nor a list may be finalized there. */
typedef struct
{
  GWeakRef          store;
  char             *uri;
  char             *sql;
  char             *counts_sql;
  char             *match;
  AmendsCaseFilter  filter;
  gint64            now;
} QueryTask;

static void
query_task_free (QueryTask *task)
{
  g_weak_ref_clear (&task->store);
  g_free (task->uri);
  g_free (task->sql);
  g_free (task->counts_sql);
  g_free (task->match);
  g_free (task->filter.query);
  g_free (task->filter.category);
  g_free (task);
}

/* Runs in a worker thread, on a connection of its own: SQLite connections
 * are not shared between threads, and WAL lets this read while the main
 * connection writes. */
static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryTask *query = task_data;
  g_autoptr(QueryResult) result = g_new0 (QueryResult, 1);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (query->uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, query->sql, -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      bind_filter (stmt, &query->filter, query->match, query->now);
      rc = collect_ids (stmt, result);
    }
  if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      stmt = NULL;
      rc = sqlite3_prepare_v2 (db, query->counts_sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          bind_filter (stmt, &query->filter, query->match, query->now);
          rc = collect_counts (stmt, result);
        }
    }

  if (rc != SQLITE_DONE)
    g_task_return_new_error (task, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_FAILED,
                             "%s", db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) query_result_free);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/**
 * amends_case_list_new_async:
 *
 * Like amends_case_list_new(), with the query run in a thread, so that
 * searching a large database as someone types never blocks the window.
 */
void
amends_case_list_new_async (AmendsStore            *store,
                            const AmendsCaseFilter *filter,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  static const AmendsCaseFilter all = AMENDS_CASE_FILTER_INIT;
  g_autoptr(GTask) task = NULL;
  QueryTask *query;

  g_return_if_fail (AMENDS_IS_STORE (store));

  if (filter == NULL)
    filter = &all;

  query = g_new0 (QueryTask, 1);
  g_weak_ref_init (&query->store, store);
  query->uri = amends_store_dup_reader_uri (store);
  query->match = make_match_query (filter->query);
  query->sql = build_sql (filter, query->match != NULL, FALSE);
  query->counts_sql = build_sql (filter, query->match != NULL, TRUE);
  query->filter = *filter;
  query->filter.query = g_strdup (filter->query);
  query->filter.category = g_strdup (filter->category);
  query->now = amends_store_now (store);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amends_case_list_new_async);
  g_task_set_task_data (task, query, (GDestroyNotify) query_task_free);
  g_task_run_in_thread (task, query_thread);
}

/**
 * amends_case_list_new_finish:
 *
 * Returns: (transfer full): the list, or %NULL with @error set (also when
 *   the query was cancelled)
 */
AmendsCaseList *
amends_case_list_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(QueryResult) ids = NULL;
  g_autoptr(AmendsStore) store = NULL;
  QueryTask *query;
  AmendsCaseList *self;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  if (!(ids = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  query = g_task_get_task_data (G_TASK (result));
  if (!(store = g_weak_ref_get (&query->store)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           "The database was closed while the cases were being read.");
      return NULL;
    }

  self = create_list (store, &query->filter);
  take_result (self, ids);

  return self;
}

AmendsStore *
amends_case_list_get_store (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), NULL);

  return self->store;
}

/**
 * amends_case_list_find:
 *
 * Returns: the position of the case, or %GTK_INVALID_LIST_POSITION
 *   (G_MAXUINT) when the list does not show it
 */
guint
amends_case_list_find (AmendsCaseList *self,
                       gint64          case_id)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == case_id)
        return i;
    }

  return G_MAXUINT;
}

/**
 * amends_case_list_refresh:
 *
 * Reads the ids again, for when something besides a change in the store
 * moves cases (time passing makes cases overdue), and emits
 * ::items-changed for the span that differs.
 */
gboolean
amends_case_list_refresh (AmendsCaseList  *self,
                          GError         **error)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(QueryResult) result = NULL;
  GArray *new_ids;
  guint prefix = 0;
  guint suffix = 0;
  guint old_n, new_n;

  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), FALSE);

  if (!(result = query_ids (self, error)))
    return FALSE;

  self->dirty = FALSE;
  new_ids = g_steal_pointer (&result->ids);
  if (self->n_open != result->n_open)
    {
      self->n_open = result->n_open;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_OPEN]);
    }
  if (self->n_overdue != result->n_overdue)
    {
      self->n_overdue = result->n_overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_OVERDUE]);
    }
  old_ids = g_steal_pointer (&self->ids);
  self->ids = new_ids;
  old_n = old_ids->len;
  new_n = new_ids->len;

  while (prefix < old_n && prefix < new_n &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (new_ids, gint64, prefix))
    prefix++;

  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old_ids, gint64, old_n - 1 - suffix) ==
         g_array_index (new_ids, gint64, new_n - 1 - suffix))
    suffix++;

  if (prefix == old_n && prefix == new_n)
    return TRUE;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_n - prefix - suffix,
                              new_n - prefix - suffix);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);

  return TRUE;
}

/**
 * amends_case_list_get_rows_loaded:
 *
 * Returns: how many cases this list has read from the store so far; lets
 *   tests and benchmarks check that it reads only what is asked for
 */
guint64
amends_case_list_get_rows_loaded (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  return self->rows_loaded;
}

guint
amends_case_list_get_n_open (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  return self->n_open;
}

guint
amends_case_list_get_n_overdue (AmendsCaseList *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  return self->n_overdue;
}

/**
 * amends_case_list_get_id:
 *
 * Returns: the id of the case at @position, without reading the case; 0
 *   when @position is past the end
 */
gint64
amends_case_list_get_id (AmendsCaseList *self,
                         guint           position)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}
