/* amends-measurer.c: the measures, on a read-only connection of its own
 *
 * For a worker thread (AmendsMeasuresSheet): the same SQL as the store's
 * own calls in amends-store-measures.c, on a connection opened on first
 * use, with the store's notion of now as it was when the measurer was
 * made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-measurer"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-store-measures.h"

#include <string.h>

#include "amends-store-measures-private.h"

struct _AmendsMeasurer
{
  char    *uri;
  gint64   now;
  AmendsDb *db;
};

/**
 * amends_measurer_new:
 *
 * A measurer for a worker thread: it reads @store's file on a read-only
 * connection of its own, opened on first use, with the store's notion of
 * now as it is at this call.  Call this on the thread that owns @store;
 * then use the measurer on one thread at a time.
 */
AmendsMeasurer *
amends_measurer_new (AmendsStore *store)
{
  AmendsMeasurer *self;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  self = g_new0 (AmendsMeasurer, 1);
  self->uri = amends_store_dup_reader_uri (store);
  self->now = amends_store_now (store);

  return self;
}

void
amends_measurer_free (AmendsMeasurer *self)
{
  if (self == NULL)
    return;

  amends_db_close (self->db);
  g_free (self->uri);
  g_free (self);
}

static gboolean
measurer_source (AmendsMeasurer       *self,
                 AmendsMeasureSource  *source,
                 GError              **error)
{
  /* A server that went away since the last job: a new connection. */
  amends_store_worker_refresh (&self->db);
  if (self->db == NULL && !(self->db = amends_store_open_worker (self->uri, AMENDS_WORKER_READ, error)))
    return FALSE;

  *source = (AmendsMeasureSource) { NULL, self->db, self->now };
  return TRUE;
}

gint64
amends_measurer_get_now (AmendsMeasurer *self)
{
  return self->now;
}

gboolean
amends_measurer_measure (AmendsMeasurer  *self,
                         GDateTime       *from,
                         GDateTime       *until,
                         AmendsMeasures  *measures,
                         GError         **error)
{
  AmendsMeasureSource source;

  memset (measures, 0, sizeof *measures);
  return measurer_source (self, &source, error) &&
         amends_measure_period (&source, from, until, measures, error);
}

GPtrArray *
amends_measurer_measure_by (AmendsMeasurer   *self,
                            AmendsMeasureBy   by,
                            GDateTime        *from,
                            GDateTime        *until,
                            GError          **error)
{
  AmendsMeasureSource source;

  g_return_val_if_fail (amends_measure_group_column (by) != NULL, NULL);

  if (!measurer_source (self, &source, error))
    return NULL;
  return amends_measure_groups (&source, by, from, until, error);
}

GPtrArray *
amends_measurer_measure_weeks (AmendsMeasurer  *self,
                               GDateTime       *last_week_start,
                               guint            n_weeks,
                               GError         **error)
{
  AmendsMeasureSource source;

  if (!measurer_source (self, &source, error))
    return NULL;
  return amends_measure_weeks (&source, last_week_start, n_weeks, error);
}

/* One AmendsMeasures a span [bounds[i], bounds[i + 1]), oldest first. */
GPtrArray *
amends_measurer_measure_spans (AmendsMeasurer  *self,
                               GPtrArray       *bounds,
                               GError         **error)
{
  AmendsMeasureSource source;

  if (!measurer_source (self, &source, error))
    return NULL;
  return amends_measure_spans (&source, bounds, error);
}
