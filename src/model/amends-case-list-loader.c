/* amends-case-list-loader.c: the list of cases a query asks for, kept current
 *
 * A list's filter is fixed for its life, so each change of the search or
 * the filters (AmendsCaseQuery::changed) makes a new list, off the main
 * thread (amends_case_list_new_async), and a newer change cancels the
 * one on its way.  The list shown meanwhile stays #AmendsCaseListLoader:list
 * until the new one lands; a search then reads only its hits, in the
 * order that list has already (amends_case_list_new_from_async).
 *
 * "Mine" with nobody at the desk has no list at all.  Time passing makes
 * cases overdue: with "Overdue only" on, the list is read again when the
 * query's time moves on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-list-loader"

#include "config.h"

#include "amends-case-list-loader.h"
#include "amends-case-list-private.h"

#include <glib/gi18n.h>

struct _AmendsCaseListLoader
{
  GObject           parent_instance;

  AmendsCaseQuery  *query;
  AmendsCaseSource *source;
  AmendsCaseList   *list;
  GCancellable     *cancellable;   /* while a new list is on its way */
  gboolean          busy;
  char             *error;
};

G_DEFINE_FINAL_TYPE (AmendsCaseListLoader, amends_case_list_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIST,
  PROP_BUSY,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Whether a new list, or the list's refresh after a commit, is on its way. */
static void
update_busy (AmendsCaseListLoader *self)
{
  gboolean busy = self->cancellable != NULL ||
                  (self->list != NULL && amends_case_list_get_refreshing (self->list));

  if (busy != self->busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
    }
}

static void
set_error (AmendsCaseListLoader *self,
           const char           *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
}

static void
set_list (AmendsCaseListLoader *self,
          AmendsCaseList       *list)
{
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);

  /* Set again even when it is the same (no list, say): whoever shows it
   * catches up with the search and the filters. */
  g_set_object (&self->list, list);
  if (list != NULL)
    g_signal_connect_object (list, "notify::refreshing",
                             G_CALLBACK (update_busy), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIST]);
}

static void
cancel_load (AmendsCaseListLoader *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

typedef struct
{
  AmendsCaseListLoader *self;
  GCancellable         *cancellable;
} LoadData;

static void
on_list_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(AmendsCaseListLoader) self = data->self;
  g_autoptr(GCancellable) cancellable = data->cancellable;
  g_autoptr(AmendsCaseList) list = NULL;
  g_autoptr(GError) error = NULL;

  g_free (data);
  list = amends_case_list_new_finish (result, &error);

  /* A newer search or filter took over, or the loader was disposed. */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->cancellable)
    return;

  g_clear_object (&self->cancellable);

  /* All at once, so that whoever hears of one sees the others too. */
  g_object_freeze_notify (G_OBJECT (self));
  if (list == NULL)
    {
      g_autofree char *message = NULL;

      /* Said where the person looks; not a programming error (a damaged
       * database, a full disk), so no warning. */
      g_debug ("Could not list the cases: %s", error->message);
      /* Translators: below the list when the database could not be read */
      message = g_strdup_printf (_("Could not read the cases: %s"), error->message);
      set_error (self, message);
    }
  else
    {
      set_error (self, NULL);
      set_list (self, list);
    }
  update_busy (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_query_changed_cb (AmendsCaseListLoader *self,
                     AmendsCaseQuery      *query)
{
  amends_case_list_loader_reload (self);
}

static void
on_query_now_cb (AmendsCaseListLoader *self,
                 GParamSpec           *pspec,
                 AmendsCaseQuery      *query)
{
  const AmendsCaseIds *ids;
  gint64 now;

  if (self->list == NULL)
    return;

  /* Time passing makes cases overdue, follow-ups due, and moves cases
   * from one clock state to the next in the order by urgency. */
  ids = amends_case_list_get_reusable_ids (self->list);
  now = g_date_time_to_unix (amends_case_query_get_now (query));
  if (amends_case_query_get_overdue_only (query) ||
      amends_case_query_get_follow_up_due (query) ||
      amends_case_query_get_needs_lead (query) ||
      (ids != NULL && now >= ids->order_until))
    amends_case_list_refresh (self->list);
}

static void
amends_case_list_loader_dispose (GObject *object)
{
  AmendsCaseListLoader *self = (AmendsCaseListLoader *)object;

  cancel_load (self);
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);

  g_clear_object (&self->list);
  g_clear_object (&self->source);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (amends_case_list_loader_parent_class)->dispose (object);
}

static void
amends_case_list_loader_finalize (GObject *object)
{
  AmendsCaseListLoader *self = (AmendsCaseListLoader *)object;

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (amends_case_list_loader_parent_class)->finalize (object);
}

static void
amends_case_list_loader_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AmendsCaseListLoader *self = AMENDS_CASE_LIST_LOADER (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_list_loader_class_init (AmendsCaseListLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amends_case_list_loader_dispose;
  object_class->finalize = amends_case_list_loader_finalize;
  object_class->get_property = amends_case_list_loader_get_property;

  /**
   * AmendsCaseListLoader:list:
   *
   * The latest list that landed; %NULL until the first, and while "Mine"
   * has nobody at the desk.  Notified also when it is set to the same.
   */
  properties [PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         AMENDS_TYPE_CASE_LIST,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseListLoader:busy:
   *
   * %TRUE while a new list is being read or the list is catching up with
   * a change: what it shows is then not yet what the query and the
   * database say.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AmendsCaseListLoader:error:
   *
   * Why the last list could not be read, for a person; %NULL once one is.
   */
  properties [PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amends_case_list_loader_init (AmendsCaseListLoader *self)
{
}

/**
 * amends_case_list_loader_new:
 *
 * Returns: (transfer full): a loader that follows @query; it reads its
 *   first list when it is given a source
 */
AmendsCaseListLoader *
amends_case_list_loader_new (AmendsCaseQuery *query)
{
  AmendsCaseListLoader *self;

  g_return_val_if_fail (AMENDS_IS_CASE_QUERY (query), NULL);

  self = g_object_new (AMENDS_TYPE_CASE_LIST_LOADER, NULL);
  self->query = g_object_ref (query);
  g_signal_connect_object (query, "changed",
                           G_CALLBACK (on_query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (query, "notify::now",
                           G_CALLBACK (on_query_now_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * amends_case_list_loader_set_source:
 *
 * Gives the loader its source, once, and reads the first list.
 */
void
amends_case_list_loader_set_source (AmendsCaseListLoader *self,
                                    AmendsCaseSource     *source)
{
  g_return_if_fail (AMENDS_IS_CASE_LIST_LOADER (self));
  g_return_if_fail (AMENDS_IS_CASE_SOURCE (source));
  g_return_if_fail (self->source == NULL);

  self->source = g_object_ref (source);
  amends_case_list_loader_reload (self);
}

/**
 * amends_case_list_loader_get_list:
 *
 * Returns: (transfer none) (nullable): the latest list that landed
 */
AmendsCaseList *
amends_case_list_loader_get_list (AmendsCaseListLoader *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST_LOADER (self), NULL);

  return self->list;
}

/**
 * amends_case_list_loader_get_loading:
 *
 * Returns: %TRUE while a new list is on its way, which will replace the
 *   one there is
 */
gboolean
amends_case_list_loader_get_loading (AmendsCaseListLoader *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST_LOADER (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
amends_case_list_loader_get_busy (AmendsCaseListLoader *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST_LOADER (self), FALSE);

  return self->busy;
}

/**
 * amends_case_list_loader_get_error:
 *
 * Returns: (nullable): why the last list could not be read
 */
const char *
amends_case_list_loader_get_error (AmendsCaseListLoader *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_LIST_LOADER (self), NULL);

  return self->error;
}

/**
 * amends_case_list_loader_dup_counts:
 *
 * Returns: (transfer full): what a line below the list says of it: how
 *   many cases, open and overdue; or why there is no list
 */
char *
amends_case_list_loader_dup_counts (AmendsCaseListLoader *self)
{
  guint n_items, n_open, n_overdue;

  g_return_val_if_fail (AMENDS_IS_CASE_LIST_LOADER (self), NULL);

  if (self->error != NULL)
    return g_strdup (self->error);
  if (amends_case_query_get_nobody_at_desk (self->query))
    return g_strdup (_("Nobody is at the desk"));
  if (self->list == NULL)
    return g_strdup ("");

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  if (amends_case_query_get_trash (self->query))
    return g_strdup_printf (ngettext ("%u case in the trash", "%u cases in the trash", n_items),
                            n_items);

  n_open = amends_case_list_get_n_open (self->list);
  n_overdue = amends_case_list_get_n_overdue (self->list);

  if (n_open > 0 && n_overdue > 0)
    {
      g_autofree char *open = NULL;
      g_autofree char *overdue = NULL;

      /* Translators: cases still to recover, in the counts below the list */
      open = g_strdup_printf (ngettext ("%u open", "%u open", n_open), n_open);
      /* Translators: cases past their recovery time, in the counts below the list */
      overdue = g_strdup_printf (ngettext ("%u overdue", "%u overdue", n_overdue), n_overdue);
      /* Translators: joins "12 open" and "3 overdue" below the list */
      return g_strdup_printf (_("%s, %s"), open, overdue);
    }

  if (n_open > 0)
    return g_strdup_printf (ngettext ("%u open", "%u open", n_open), n_open);

  if (n_items == 0)
    return g_strdup (_("No cases"));

  return g_strdup_printf (ngettext ("%u case", "%u cases", n_items), n_items);
}

/**
 * amends_case_list_loader_reload:
 *
 * Asks for a new list with the query as it is now, whether it changed
 * or not; the list there is stays until the new one lands.
 */
void
amends_case_list_loader_reload (AmendsCaseListLoader *self)
{
  AmendsCaseFilter filter = AMENDS_CASE_FILTER_INIT;
  LoadData *data;

  g_return_if_fail (AMENDS_IS_CASE_LIST_LOADER (self));

  if (self->source == NULL)
    return;

  cancel_load (self);

  if (amends_case_query_get_nobody_at_desk (self->query))
    {
      g_object_freeze_notify (G_OBJECT (self));
      set_list (self, NULL);
      update_busy (self);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  amends_case_query_get_filter (self->query, &filter);
  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  if (self->list != NULL)
    amends_case_list_new_from_async (self->list, &filter, self->cancellable,
                                     on_list_loaded_cb, data);
  else
    amends_case_list_new_async (self->source, &filter, self->cancellable,
                                on_list_loaded_cb, data);
  amends_case_filter_clear (&filter);
  update_busy (self);
}
