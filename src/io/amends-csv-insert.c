/* amends-csv-insert.c: the checked rows of a file saved as cases, in one transaction
 *
 * On the thread that owns the store, inside one transaction that the
 * caller commits or rolls back: a problem or a cancel leaves nothing
 * half-imported.  The customer and the owner a row names are found by
 * name, or added; a row whose reference is a case already here is
 * skipped, or updates that case (AmendsCsvExisting); the new cases go to
 * the store's bulk insert, a batch at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-insert"

#include "config.h"

#include "amends-csv-insert.h"

#include <glib/gi18n.h>

#include "amends-csv-export.h"

/**
 * amends_csv_inserter_begin:
 *
 * Opens the transaction the rows are saved in, and reads the staff, to
 * find the owners by name.
 */
gboolean
amends_csv_inserter_begin (AmendsCsvInserter  *self,
                           AmendsStore        *store,
                           AmendsCsvExisting   existing,
                           GError            **error)
{
  g_autoptr(GListModel) staff = amends_store_list_staff (store, TRUE, error);

  if (staff == NULL)
    return FALSE;

  g_clear_pointer (&self->staff, g_hash_table_unref);
  g_clear_pointer (&self->customers, g_hash_table_unref);
  self->staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) member = g_list_model_get_item (staff, i);
      gint64 *id = g_new (gint64, 1);

      *id = amends_record_get_id (AMENDS_RECORD (member));
      g_hash_table_insert (self->staff, amends_csv_name_key (amends_staff_get_name (member)), id);
    }

  g_clear_pointer (&self->inserted, g_hash_table_unref);
  self->inserted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->store = store;
  self->existing = existing;
  self->n_imported = self->n_updated = self->n_skipped = 0;

  if (!amends_store_begin (self->store, error))
    return FALSE;

  /* Into an empty database no row can name a case or a customer
   * already here: no reason to look for each. */
  if (!amends_store_has_cases_and_customers (self->store, &self->had_cases,
                                             &self->had_customers, error))
    {
      amends_store_rollback (self->store);
      return FALSE;
    }

  g_clear_pointer (&self->bulk, amends_store_bulk_free);
  self->bulk = amends_store_bulk_new (self->store, AMENDS_TYPE_CASE);
  return TRUE;
}

static gint64
resolve_staff (AmendsCsvInserter  *self,
               const char         *name,
               const char         *key,
               const char         *team,
               GError            **error)
{
  g_autoptr(AmendsStaff) member = NULL;
  gint64 *id = g_hash_table_lookup (self->staff, key);

  if (id != NULL)
    return *id;

  member = amends_staff_new ();
  g_object_set (member, "name", name, "team", team, NULL);
  if (!amends_store_insert_within (self->store, AMENDS_RECORD (member), error))
    return 0;

  id = g_new (gint64, 1);
  *id = amends_record_get_id (AMENDS_RECORD (member));
  g_hash_table_insert (self->staff, g_strdup (key), id);
  return *id;
}

static gint64
resolve_customer (AmendsCsvInserter  *self,
                  AmendsCsvDraft     *draft,
                  GError            **error)
{
  g_autoptr(AmendsCustomer) customer = NULL;
  GError *local_error = NULL;
  gint64 *id = g_hash_table_lookup (self->customers, draft->customer_key);

  if (id != NULL)
    return *id;

  if (self->had_customers)
    customer = amends_store_find_customer (self->store, draft->customer, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }

  if (customer == NULL)
    {
      customer = amends_customer_new ();
      g_object_set (customer,
                    "name", draft->customer,
                    "phone", draft->customer_phone,
                    "email", draft->customer_email,
                    NULL);
      if (!amends_store_insert_within (self->store, AMENDS_RECORD (customer), error))
        return 0;
    }

  id = g_new (gint64, 1);
  *id = amends_record_get_id (AMENDS_RECORD (customer));
  g_hash_table_insert (self->customers, g_strdup (draft->customer_key), id);
  return *id;
}

static gboolean
draft_has_field (AmendsCsvDraft *draft,
                 const char     *field)
{
  int i = amends_csv_field_index (field);

  return i >= 0 && (draft->fields & (G_GUINT64_CONSTANT (1) << i)) != 0;
}

/* The customer and the owner the row names, by id, on @kase; found by
 * name, or added. */
static gboolean
resolve_people (AmendsCsvInserter  *self,
                AmendsCsvDraft     *draft,
                AmendsCase         *kase,
                GError            **error)
{
  if (draft->customer != NULL && *draft->customer != '\0')
    {
      gint64 id = resolve_customer (self, draft, error);

      if (id == 0)
        return FALSE;
      g_object_set (kase, "customer-id", id, NULL);
    }
  else if (draft_has_field (draft, "customer"))
    g_object_set (kase, "customer-id", (gint64) 0, NULL);

  if (draft->owner != NULL && *draft->owner != '\0')
    {
      g_autofree char *team = NULL;
      gint64 id;

      g_object_get (draft->kase, "team", &team, NULL);
      if ((id = resolve_staff (self, draft->owner, draft->owner_key, team, error)) == 0)
        return FALSE;
      g_object_set (kase, "owner-id", id, NULL);
    }
  else if (draft_has_field (draft, "owner"))
    g_object_set (kase, "owner-id", (gint64) 0, NULL);

  return TRUE;
}

/* The case already here takes the row's values, for the columns the file
 * has: an emptied cell empties the field, as the person who edited the
 * file meant.  The store writes only what differs, into the audit log. */
static gboolean
update_case (AmendsCsvInserter  *self,
             AmendsCsvDraft     *draft,
             gint64              id,
             GError            **error)
{
  const char * const *fields = amends_csv_case_columns ();
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(kase = amends_store_load (self->store, AMENDS_TYPE_CASE, id, error)))
    return FALSE;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec;

      if (!draft_has_field (draft, fields[i]) ||
          g_str_equal (fields[i], "reference") ||
          g_str_equal (fields[i], "customer") ||
          g_str_equal (fields[i], "customer_phone") ||
          g_str_equal (fields[i], "customer_email") ||
          g_str_equal (fields[i], "owner"))
        continue;

      if (g_str_equal (fields[i], "surprise_cost"))
        name = g_strdup ("surprise-cost-cents");
      else
        name = g_strdelimit (g_strdup (fields[i]), "_", '-');

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (kase), name);
      g_assert (pspec != NULL);
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (draft->kase), name, &value);
      g_object_set_property (G_OBJECT (kase), name, &value);
    }

  if (!resolve_people (self, draft, kase, error))
    return FALSE;

  if (!amends_store_update (self->store, AMENDS_RECORD (kase), &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Line %u: %s"), draft->line, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The reference is taken by a row above: the case gets a new one, and
 * keeps the old one in its description. */
static void
give_new_reference (AmendsCsvDraft *draft,
                    const char     *reference)
{
  g_autofree char *description = NULL;
  g_autofree char *note = NULL;

  g_object_get (draft->kase, "description", &description, NULL);
  /* Translators: a note in an imported case whose reference was taken */
  note = g_strdup_printf (_("Imported with the reference %s."), reference);
  if (description != NULL && *description != '\0')
    {
      char *both = g_strconcat (description, "\n", note, NULL);
      g_free (note);
      note = both;
    }
  g_object_set (draft->kase, "reference", NULL, "description", note, NULL);
}

static gboolean
set_line_error (GError  **error,
                guint     line,
                GError   *local_error)
{
  if (line == 0)
    g_propagate_error (error, local_error);
  else
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Line %u: %s"), line, local_error->message);
      g_error_free (local_error);
    }
  return FALSE;
}

gboolean
amends_csv_inserter_add (AmendsCsvInserter  *self,
                         AmendsCsvDraft     *draft,
                         GError            **error)
{
  GError *local_error = NULL;
  const char *reference = amends_case_get_reference (draft->kase);
  guint failed_line = 0;

  if (reference != NULL && g_hash_table_contains (self->inserted, reference))
    give_new_reference (draft, reference);
  else if (reference != NULL && self->had_cases)
    {
      /* One of our references, of a case already here. */
      gint64 id = amends_store_find_case_by_reference (self->store, reference, error);

      if (id < 0)
        return FALSE;
      if (id > 0 && self->existing == AMENDS_CSV_EXISTING_SKIP)
        {
          self->n_skipped++;
          return TRUE;
        }
      if (id > 0)
        {
          if (!update_case (self, draft, id, error))
            return FALSE;
          self->n_updated++;
          return TRUE;
        }
    }

  if (!resolve_people (self, draft, draft->kase, error))
    return FALSE;

  if (!amends_store_bulk_add (self->bulk, AMENDS_RECORD (draft->kase), draft->line,
                              &failed_line, &local_error))
    return set_line_error (error, failed_line, local_error);

  /* As given, or as the store gave it to a row without one. */
  g_hash_table_add (self->inserted, g_strdup (amends_case_get_reference (draft->kase)));
  self->n_imported++;
  return TRUE;
}

/* The last batch, and the import in the audit log as one entry
 * (amends_store_note_import()). */
gboolean
amends_csv_inserter_end (AmendsCsvInserter  *self,
                         const char         *file_name,
                         GError            **error)
{
  GError *local_error = NULL;
  guint failed_line = 0;

  if (!amends_store_bulk_flush (self->bulk, &failed_line, &local_error))
    return set_line_error (error, failed_line, local_error);

  if (self->n_imported == 0)
    return TRUE;

  return amends_store_note_import (self->store, self->n_imported, file_name, error);
}

/* Lets go of what saving held; the counts stay. */
void
amends_csv_inserter_clear (AmendsCsvInserter *self)
{
  g_clear_pointer (&self->staff, g_hash_table_unref);
  g_clear_pointer (&self->customers, g_hash_table_unref);
  g_clear_pointer (&self->inserted, g_hash_table_unref);
  g_clear_pointer (&self->bulk, amends_store_bulk_free);
}

/* Nothing was saved after all: the transaction was rolled back. */
void
amends_csv_inserter_reset_counts (AmendsCsvInserter *self)
{
  self->n_imported = self->n_updated = self->n_skipped = 0;
}
