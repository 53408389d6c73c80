/* amends-batch.c: one change to several cases at once, and its undo
 *
 * A batch is one transaction: all of its cases change, or none does.  It
 * keeps each case as it was before, so that one undo (another single
 * transaction) puts every field back.  Entries the change wrote on the
 * timelines stay: they are history, like the audit rows of both steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-batch"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-batch.h"

/* What undo does: put the fields back, or move the cases out of the
 * trash or into it again. */
typedef enum
{
  UNDO_FIELDS,
  UNDO_TRASH,
  UNDO_RESTORE,
} UndoKind;

struct _AmendsBatch
{
  AmendsStore *store;
  GPtrArray   *before;     /* AmendsCase, as each was before */
  GPtrArray   *refused;    /* references of the cases the change did not fit */
  UndoKind     undo;
};

typedef gboolean (*ChangeFunc) (AmendsStore  *store,
                                AmendsCase   *kase,
                                gconstpointer data,
                                GError      **error);

void
amends_batch_free (AmendsBatch *batch)
{
  if (batch == NULL)
    return;

  g_clear_object (&batch->store);
  g_clear_pointer (&batch->before, g_ptr_array_unref);
  g_clear_pointer (&batch->refused, g_ptr_array_unref);
  g_free (batch);
}

static AmendsBatch *
batch_new (AmendsStore *store)
{
  AmendsBatch *batch = g_new0 (AmendsBatch, 1);

  batch->store = g_object_ref (store);
  batch->before = g_ptr_array_new_with_free_func (g_object_unref);
  batch->refused = g_ptr_array_new_with_free_func (g_free);

  return batch;
}

static AmendsBatch *
run_batch (AmendsStore   *store,
           const gint64  *case_ids,
           guint          n_case_ids,
           ChangeFunc     change,
           gconstpointer  data,
           GError       **error)
{
  g_autoptr(AmendsBatch) batch = batch_new (store);

  if (!amends_store_begin (store, error))
    return NULL;

  for (guint i = 0; i < n_case_ids; i++)
    {
      g_autoptr(AmendsCase) before = amends_store_load (store, AMENDS_TYPE_CASE, case_ids[i], error);
      g_autoptr(AmendsCase) kase = NULL;

      g_autoptr(GError) local_error = NULL;

      if (before == NULL ||
          !(kase = amends_store_load (store, AMENDS_TYPE_CASE, case_ids[i], error)))
        {
          amends_store_rollback (store);
          return NULL;
        }

      if (!change (store, kase, data, &local_error))
        {
          /* A case the step does not fit (recovered without a fix) is
           * left as it is, and named; the others go on. */
          if (g_error_matches (local_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_REFUSED))
            {
              g_ptr_array_add (batch->refused, g_strdup (amends_case_get_reference (before)));
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          amends_store_rollback (store);
          return NULL;
        }

      /* So that undo puts back what this changed, and only that. */
      amends_record_take_saved_values (AMENDS_RECORD (before), AMENDS_RECORD (kase));
      g_ptr_array_add (batch->before, g_steal_pointer (&before));
    }

  if (!amends_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&batch);
}

static gboolean
change_owner (AmendsStore   *store,
              AmendsCase    *kase,
              gconstpointer  data,
              GError       **error)
{
  return amends_store_take_ownership (store, kase, *(const gint64 *) data, error);
}

static gboolean
change_status (AmendsStore   *store,
               AmendsCase    *kase,
               gconstpointer  data,
               GError       **error)
{
  return amends_store_set_case_status (store, kase, *(const AmendsCaseStatus *) data, error);
}

static gboolean
change_category (AmendsStore   *store,
                 AmendsCase    *kase,
                 gconstpointer  data,
                 GError       **error)
{
  g_object_set (kase, "category", (const char *) data, NULL);
  return amends_store_update (store, AMENDS_RECORD (kase), error);
}

static gboolean
change_trash (AmendsStore   *store,
              AmendsCase    *kase,
              gconstpointer  data,
              GError       **error)
{
  return amends_store_trash_case (store, amends_record_get_id (AMENDS_RECORD (kase)), error);
}

static gboolean
change_restore (AmendsStore   *store,
                AmendsCase    *kase,
                gconstpointer  data,
                GError       **error)
{
  return amends_store_restore_case (store, amends_record_get_id (AMENDS_RECORD (kase)), error);
}

/**
 * amends_batch_assign_owner:
 * @owner_id: the new owner, or 0 for none
 *
 * Returns: (transfer full): the batch, to undo it; %NULL with @error set
 *   when nothing was changed
 */
AmendsBatch *
amends_batch_assign_owner (AmendsStore   *store,
                           const gint64  *case_ids,
                           guint          n_case_ids,
                           gint64         owner_id,
                           GError       **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return run_batch (store, case_ids, n_case_ids, change_owner, &owner_id, error);
}

AmendsBatch *
amends_batch_set_status (AmendsStore       *store,
                         const gint64      *case_ids,
                         guint              n_case_ids,
                         AmendsCaseStatus   status,
                         GError           **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return run_batch (store, case_ids, n_case_ids, change_status, &status, error);
}

AmendsBatch *
amends_batch_set_category (AmendsStore   *store,
                           const gint64  *case_ids,
                           guint          n_case_ids,
                           const char    *category,
                           GError       **error)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return run_batch (store, case_ids, n_case_ids, change_category, category, error);
}

AmendsBatch *
amends_batch_trash (AmendsStore   *store,
                    const gint64  *case_ids,
                    guint          n_case_ids,
                    GError       **error)
{
  AmendsBatch *batch;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  batch = run_batch (store, case_ids, n_case_ids, change_trash, NULL, error);
  if (batch != NULL)
    batch->undo = UNDO_TRASH;

  return batch;
}

/**
 * amends_batch_restore:
 *
 * Takes cases out of the trash, all at once; undo puts them back in.
 */
AmendsBatch *
amends_batch_restore (AmendsStore   *store,
                      const gint64  *case_ids,
                      guint          n_case_ids,
                      GError       **error)
{
  AmendsBatch *batch;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  batch = run_batch (store, case_ids, n_case_ids, change_restore, NULL, error);
  if (batch != NULL)
    batch->undo = UNDO_RESTORE;

  return batch;
}

/**
 * amends_batch_new_for_change:
 * @before: the case as it was read before a change to it
 * @after: the same case as the change saved it
 *
 * A change already saved to one case (a step of its recovery), kept so
 * that it can be undone like a batch: undo puts back the fields that
 * differ between @before and @after, and nothing anyone changed since.
 *
 * Returns: (transfer full): the batch, of one case
 */
AmendsBatch *
amends_batch_new_for_change (AmendsStore *store,
                             AmendsCase  *before,
                             AmendsCase  *after)
{
  AmendsBatch *batch;
  AmendsCase *copy;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (AMENDS_IS_CASE (before), NULL);
  g_return_val_if_fail (AMENDS_IS_CASE (after), NULL);
  g_return_val_if_fail (amends_record_get_id (AMENDS_RECORD (before)) ==
                        amends_record_get_id (AMENDS_RECORD (after)), NULL);

  batch = batch_new (store);
  copy = amends_case_new ();
  amends_record_copy_fields (AMENDS_RECORD (copy), AMENDS_RECORD (before));
  amends_record_take_saved_values (AMENDS_RECORD (copy), AMENDS_RECORD (after));
  g_ptr_array_add (batch->before, copy);

  return batch;
}

guint
amends_batch_get_n_cases (AmendsBatch *batch)
{
  g_return_val_if_fail (batch != NULL, 0);

  return batch->before->len;
}

/**
 * amends_batch_get_refused:
 *
 * Returns: (transfer none) (element-type utf8): the references of the
 *   cases the change did not fit, left as they were
 */
GPtrArray *
amends_batch_get_refused (AmendsBatch *batch)
{
  g_return_val_if_fail (batch != NULL, NULL);

  return batch->refused;
}

static gboolean
undo_one (AmendsBatch   *batch,
          AmendsRecord  *before,
          GError       **error)
{
  gint64 id = amends_record_get_id (before);

  switch (batch->undo)
    {
    case UNDO_TRASH:   return amends_store_restore_case (batch->store, id, error);
    case UNDO_RESTORE: return amends_store_trash_case (batch->store, id, error);
    case UNDO_FIELDS:
    default:           return amends_store_update (batch->store, before, error);
    }
}

/**
 * amends_batch_undo:
 *
 * Puts every case of the batch back as it was, in one transaction.  A
 * case someone changed since, in a field the batch changed too, is not
 * written over: nothing is undone, and the error says which case
 * (%AMENDS_STORE_ERROR_CONFLICT).
 */
gboolean
amends_batch_undo (AmendsBatch  *batch,
                   GError      **error)
{
  g_return_val_if_fail (batch != NULL, FALSE);

  if (!amends_store_begin (batch->store, error))
    return FALSE;

  for (guint i = 0; i < batch->before->len; i++)
    {
      AmendsRecord *before = g_ptr_array_index (batch->before, i);
      g_autoptr(GError) local_error = NULL;

      if (!undo_one (batch, before, &local_error))
        {
          amends_store_rollback (batch->store);
          amends_record_clear_conflicts (before);
          if (g_error_matches (local_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT))
            g_set_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT,
                         /* Translators: %s is a case's reference */
                         _("Not undone: %s was changed elsewhere since. Nothing was changed."),
                         amends_case_get_reference (AMENDS_CASE (before)));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return amends_store_commit (batch->store, error);
}
