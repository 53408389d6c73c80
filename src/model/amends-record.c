/* amends-record.c: the base of every stored object
 *
 * Each stored type (case, action, customer, staff member, story) is a
 * subclass that only declares its properties.  The values live here, in one
 * GValue a property, so that setting, comparing, notifying and the store's
 * mapping to SQLite columns are written once for all of them.
 *
 * A record read from the store also keeps the values as they were read
 * (or last saved), and the row's version: a change is what differs from
 * those, so that saving writes only what was changed here and never puts
 * back an old value over someone else's newer one.  When someone else
 * changed the same field meanwhile, to another value, the store leaves
 * their value here as a conflict, for the person to choose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-record"

#include "config.h"

#include "amends-record.h"

typedef struct
{
  gint64     id;
  gint64     version;
  GValue    *values;
  GValue    *saved;       /* as read or last saved; NULL if never */
  GValue    *theirs;      /* someone else's values of the conflicts */
  GPtrArray *conflicts;   /* GParamSpec, in field order */
  guint      n_values;
} AmendsRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AmendsRecord, amends_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];
static GQuark derived_quark;

static GValue *
new_values (AmendsRecord *self)
{
  AmendsRecordClass *own = AMENDS_RECORD_GET_CLASS (self);
  GValue *values = g_new0 (GValue, own->n_fields);

  for (guint i = 0; i < own->n_fields; i++)
    {
      g_value_init (&values[i], own->fields[i]->value_type);
      g_param_value_set_default (own->fields[i], &values[i]);
    }

  return values;
}

static void
free_values (GValue **values,
             guint    n_values)
{
  if (*values == NULL)
    return;

  for (guint i = 0; i < n_values; i++)
    g_value_unset (&(*values)[i]);
  g_clear_pointer (values, g_free);
}

static guint
field_index (GParamSpec *pspec)
{
  AmendsRecordClass *klass = g_type_class_peek (pspec->owner_type);
  guint index = pspec->param_id - 1;

  g_assert (klass != NULL);
  g_assert (index < klass->n_fields);

  return index;
}

static GValue *
lookup_value (AmendsRecord *self,
              GParamSpec   *pspec)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);
  guint index = field_index (pspec);

  if (priv->values == NULL)
    {
      priv->n_values = AMENDS_RECORD_GET_CLASS (self)->n_fields;
      priv->values = new_values (self);
    }

  return &priv->values[index];
}

static void
amends_record_field_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  g_value_copy (lookup_value (AMENDS_RECORD (object), pspec), value);
}

static void
amends_record_field_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  amends_record_set_value (AMENDS_RECORD (object), pspec, value);
}

static void
amends_record_finalize (GObject *object)
{
  AmendsRecord *self = (AmendsRecord *)object;
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  free_values (&priv->values, priv->n_values);
  free_values (&priv->saved, priv->n_values);
  free_values (&priv->theirs, priv->n_values);
  g_clear_pointer (&priv->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (amends_record_parent_class)->finalize (object);
}

static void
amends_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmendsRecord *self = AMENDS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, amends_record_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AmendsRecord *self = AMENDS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      amends_record_set_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_record_class_init (AmendsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amends_record_finalize;
  object_class->get_property = amends_record_get_property;
  object_class->set_property = amends_record_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  derived_quark = g_quark_from_static_string ("amends-record-derived");
}

static void
amends_record_init (AmendsRecord *self)
{
}

/**
 * amends_record_class_install_fields:
 * @pspecs: (array length=n_pspecs): as for g_object_class_install_properties(),
 *   with @pspecs[0] left %NULL
 *
 * Installs the subclass' properties and routes them through the generic
 * storage.  Every property must be %G_PARAM_EXPLICIT_NOTIFY: notification
 * happens here, only when a value really changes.
 */
void
amends_record_class_install_fields (AmendsRecordClass  *klass,
                                    const char         *table,
                                    guint               n_pspecs,
                                    GParamSpec        **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (n_pspecs > 1);
  g_return_if_fail (pspecs[0] == NULL);

  object_class->get_property = amends_record_field_get_property;
  object_class->set_property = amends_record_field_set_property;
  g_object_class_install_properties (object_class, n_pspecs, pspecs);

  klass->table = table;
  klass->fields = &pspecs[1];
  klass->n_fields = n_pspecs - 1;

  for (guint i = 0; i < klass->n_fields; i++)
    g_assert (klass->fields[i]->flags & G_PARAM_EXPLICIT_NOTIFY);
}

/* A derived field is shown with the record (an owner's name, say) but is
 * stored elsewhere; the store reads it and never writes it. */
void
amends_record_field_set_derived (GParamSpec *pspec)
{
  g_param_spec_set_qdata (pspec, derived_quark, GINT_TO_POINTER (TRUE));
}

gboolean
amends_record_field_is_derived (GParamSpec *pspec)
{
  return g_param_spec_get_qdata (pspec, derived_quark) != NULL;
}

GParamSpec *
amends_record_string_field (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, AMENDS_RECORD_FIELD_FLAGS);
}

/* A reference to another record; 0 is none. */
GParamSpec *
amends_record_id_field (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             AMENDS_RECORD_FIELD_FLAGS);
}

/* An instant, stored as Unix seconds; %NULL is not set. */
GParamSpec *
amends_record_time_field (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME,
                             AMENDS_RECORD_FIELD_FLAGS);
}

gint64
amends_record_get_id (AmendsRecord *self)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_val_if_fail (AMENDS_IS_RECORD (self), 0);

  return priv->id;
}

void
amends_record_set_id (AmendsRecord *self,
                      gint64        id)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_if_fail (AMENDS_IS_RECORD (self));

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
    }
}

const GValue *
amends_record_peek_value (AmendsRecord *self,
                          GParamSpec   *pspec)
{
  g_return_val_if_fail (AMENDS_IS_RECORD (self), NULL);

  return lookup_value (self, pspec);
}

/* GParamSpecBoxed compares pointers, which would call two equal times
 * different; dates compare by instant. */
gboolean
amends_record_field_equal (GParamSpec   *pspec,
                           const GValue *a,
                           const GValue *b)
{
  if (pspec->value_type == G_TYPE_DATE_TIME)
    {
      GDateTime *da = g_value_get_boxed (a);
      GDateTime *db = g_value_get_boxed (b);

      if (da == NULL || db == NULL)
        return da == db;
      return g_date_time_to_unix (da) == g_date_time_to_unix (db);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/**
 * amends_record_set_value:
 *
 * Returns: %TRUE if the value changed (and was notified)
 */
gboolean
amends_record_set_value (AmendsRecord *self,
                         GParamSpec   *pspec,
                         const GValue *value)
{
  GValue *current;

  g_return_val_if_fail (AMENDS_IS_RECORD (self), FALSE);

  current = lookup_value (self, pspec);
  if (amends_record_field_equal (pspec, current, value))
    return FALSE;

  g_value_copy (value, current);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

static void
copy_saved (AmendsRecord *self,
            AmendsRecord *from)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);
  AmendsRecordPrivate *from_priv = amends_record_get_instance_private (from);

  lookup_value (self, AMENDS_RECORD_GET_CLASS (self)->fields[0]);
  free_values (&priv->saved, priv->n_values);
  if (from_priv->saved != NULL)
    {
      priv->saved = new_values (self);
      for (guint i = 0; i < priv->n_values; i++)
        g_value_copy (&from_priv->saved[i], &priv->saved[i]);
    }
}

/* Takes every field of @from, notifying only those that differ, so that
 * widgets bound to a record shown on screen follow a reload without
 * flicker; and what @from knows of the stored row: the values as read
 * and the version. */
void
amends_record_copy_fields (AmendsRecord *self,
                           AmendsRecord *from)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);
  AmendsRecordClass *klass;

  g_return_if_fail (AMENDS_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  klass = AMENDS_RECORD_GET_CLASS (self);

  g_object_freeze_notify (G_OBJECT (self));
  amends_record_set_id (self, amends_record_get_id (from));
  for (guint i = 0; i < klass->n_fields; i++)
    amends_record_set_value (self, klass->fields[i],
                             lookup_value (from, klass->fields[i]));
  copy_saved (self, from);
  priv->version = amends_record_get_version (from);
  amends_record_clear_conflicts (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * amends_record_get_version:
 *
 * Returns: the version of the stored row this record was read at; the
 *   store counts up every change of the row
 */
gint64
amends_record_get_version (AmendsRecord *self)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_val_if_fail (AMENDS_IS_RECORD (self), 0);

  return priv->version;
}

void
amends_record_set_version (AmendsRecord *self,
                           gint64        version)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_if_fail (AMENDS_IS_RECORD (self));

  priv->version = version;
}

/**
 * amends_record_mark_saved:
 *
 * Says that the values as they are now are those of the stored row: the
 * store calls it when it has read or written the record.
 */
void
amends_record_mark_saved (AmendsRecord *self)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_if_fail (AMENDS_IS_RECORD (self));

  lookup_value (self, AMENDS_RECORD_GET_CLASS (self)->fields[0]);
  if (priv->saved == NULL)
    priv->saved = new_values (self);
  for (guint i = 0; i < priv->n_values; i++)
    g_value_copy (&priv->values[i], &priv->saved[i]);
  amends_record_clear_conflicts (self);
}

/* FALSE for a record made here and never read from the store. */
gboolean
amends_record_has_saved_values (AmendsRecord *self)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_val_if_fail (AMENDS_IS_RECORD (self), FALSE);

  return priv->saved != NULL;
}

/**
 * amends_record_peek_saved_value:
 *
 * Returns: (nullable): the value of @pspec as last read or saved, or
 *   %NULL when the record was never read from the store
 */
const GValue *
amends_record_peek_saved_value (AmendsRecord *self,
                                GParamSpec   *pspec)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_val_if_fail (AMENDS_IS_RECORD (self), NULL);

  if (priv->saved == NULL)
    return NULL;

  return &priv->saved[field_index (pspec)];
}

/* Whether @pspec was changed here since the record was read or saved. */
gboolean
amends_record_field_is_changed (AmendsRecord *self,
                                GParamSpec   *pspec)
{
  const GValue *saved;

  g_return_val_if_fail (AMENDS_IS_RECORD (self), FALSE);

  saved = amends_record_peek_saved_value (self, pspec);
  if (saved == NULL)
    return TRUE;

  return !amends_record_field_equal (pspec, lookup_value (self, pspec), saved);
}

/**
 * amends_record_take_saved_values:
 *
 * Makes what @from knows of the stored row (its values as read and its
 * version) this record's, keeping this record's values: saving it then
 * writes wherever they differ.  An undo keeps the record as it was before
 * a change and takes the values as the change left them, so that it puts
 * back what the change did, and nothing someone did since.
 */
void
amends_record_take_saved_values (AmendsRecord *self,
                                 AmendsRecord *from)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_if_fail (AMENDS_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  copy_saved (self, from);
  priv->version = amends_record_get_version (from);
  amends_record_clear_conflicts (self);
}

/**
 * amends_record_take_field:
 *
 * Takes one field of @from, a fresher copy of the same row: its value and
 * its value as stored.  An editor takes those that the person is not
 * changing, and leaves the others as they were when they began.
 */
void
amends_record_take_field (AmendsRecord *self,
                          AmendsRecord *from,
                          GParamSpec   *pspec)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);
  const GValue *saved;

  g_return_if_fail (AMENDS_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  amends_record_set_value (self, pspec, lookup_value (from, pspec));

  saved = amends_record_peek_saved_value (from, pspec);
  if (saved == NULL)
    return;
  if (priv->saved == NULL)
    priv->saved = new_values (self);
  g_value_copy (saved, &priv->saved[field_index (pspec)]);
}

/* Conflicts */

/* The store records that someone else saved @theirs in @pspec, which was
 * changed here to another value. */
void
amends_record_add_conflict (AmendsRecord *self,
                            GParamSpec   *pspec,
                            const GValue *theirs)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);
  guint index;

  g_return_if_fail (AMENDS_IS_RECORD (self));

  index = field_index (pspec);
  lookup_value (self, pspec);
  if (priv->theirs == NULL)
    priv->theirs = new_values (self);
  if (priv->conflicts == NULL)
    priv->conflicts = g_ptr_array_new ();

  g_value_copy (theirs, &priv->theirs[index]);
  if (!g_ptr_array_find (priv->conflicts, pspec, NULL))
    g_ptr_array_add (priv->conflicts, pspec);
}

void
amends_record_clear_conflicts (AmendsRecord *self)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_if_fail (AMENDS_IS_RECORD (self));

  if (priv->conflicts != NULL)
    g_ptr_array_set_size (priv->conflicts, 0);
}

/**
 * amends_record_get_conflicts:
 *
 * Returns: (transfer none) (element-type GParamSpec) (nullable): the
 *   fields that someone else changed to another value than was typed
 *   here, as the last save found them; %NULL or empty when there are none
 */
GPtrArray *
amends_record_get_conflicts (AmendsRecord *self)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_val_if_fail (AMENDS_IS_RECORD (self), NULL);

  return priv->conflicts;
}

/**
 * amends_record_peek_their_value:
 *
 * Returns: (nullable): what someone else saved in @pspec, when it is a
 *   conflict
 */
const GValue *
amends_record_peek_their_value (AmendsRecord *self,
                                GParamSpec   *pspec)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);

  g_return_val_if_fail (AMENDS_IS_RECORD (self), NULL);

  if (priv->conflicts == NULL || !g_ptr_array_find (priv->conflicts, pspec, NULL))
    return NULL;

  return &priv->theirs[field_index (pspec)];
}

/**
 * amends_record_resolve_conflict:
 * @keep_mine: %TRUE to save the value changed here over theirs; %FALSE
 *   to take theirs in its place
 *
 * Either way their value becomes the one this record was changed from,
 * so that the next save writes the value kept here, or nothing.
 */
void
amends_record_resolve_conflict (AmendsRecord *self,
                                GParamSpec   *pspec,
                                gboolean      keep_mine)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);
  guint index;

  g_return_if_fail (AMENDS_IS_RECORD (self));

  if (amends_record_peek_their_value (self, pspec) == NULL)
    return;

  index = field_index (pspec);
  if (priv->saved == NULL)
    priv->saved = new_values (self);
  g_value_copy (&priv->theirs[index], &priv->saved[index]);
  if (!keep_mine)
    amends_record_set_value (self, pspec, &priv->theirs[index]);
  g_ptr_array_remove (priv->conflicts, pspec);
}

const char *
amends_record_get_string (AmendsRecord *self,
                          GParamSpec   *pspec)
{
  return g_value_get_string (lookup_value (self, pspec));
}

gint64
amends_record_get_int64 (AmendsRecord *self,
                         GParamSpec   *pspec)
{
  return g_value_get_int64 (lookup_value (self, pspec));
}

int
amends_record_get_enum (AmendsRecord *self,
                        GParamSpec   *pspec)
{
  return g_value_get_enum (lookup_value (self, pspec));
}

guint
amends_record_get_flags (AmendsRecord *self,
                         GParamSpec   *pspec)
{
  return g_value_get_flags (lookup_value (self, pspec));
}

gboolean
amends_record_get_boolean (AmendsRecord *self,
                           GParamSpec   *pspec)
{
  return g_value_get_boolean (lookup_value (self, pspec));
}

GDateTime *
amends_record_get_date_time (AmendsRecord *self,
                             GParamSpec   *pspec)
{
  return g_value_get_boxed (lookup_value (self, pspec));
}
