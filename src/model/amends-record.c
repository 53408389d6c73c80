/* amends-record.c: the base of every stored object
 *
 * Each stored type (case, action, customer, staff member, story) is a
 * subclass that only declares its properties.  The values live here, in one
 * GValue a property, so that setting, comparing, notifying and the store's
 * mapping to SQLite columns are written once for all of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "amends-record.h"

typedef struct
{
  gint64  id;
  GValue *values;
  guint   n_values;
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
lookup_value (AmendsRecord *self,
              GParamSpec   *pspec)
{
  AmendsRecordPrivate *priv = amends_record_get_instance_private (self);
  AmendsRecordClass *klass = g_type_class_peek (pspec->owner_type);
  guint index = pspec->param_id - 1;

  g_assert (klass != NULL);
  g_assert (index < klass->n_fields);

  if (priv->values == NULL)
    {
      AmendsRecordClass *own = AMENDS_RECORD_GET_CLASS (self);

      priv->n_values = own->n_fields;
      priv->values = g_new0 (GValue, priv->n_values);
      for (guint i = 0; i < priv->n_values; i++)
        {
          g_value_init (&priv->values[i], own->fields[i]->value_type);
          g_param_value_set_default (own->fields[i], &priv->values[i]);
        }
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

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);

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

/* Takes every field of @from, notifying only those that differ, so that
 * widgets bound to a record shown on screen follow a reload without
 * flicker. */
void
amends_record_copy_fields (AmendsRecord *self,
                           AmendsRecord *from)
{
  AmendsRecordClass *klass;

  g_return_if_fail (AMENDS_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  klass = AMENDS_RECORD_GET_CLASS (self);

  g_object_freeze_notify (G_OBJECT (self));
  amends_record_set_id (self, amends_record_get_id (from));
  for (guint i = 0; i < klass->n_fields; i++)
    amends_record_set_value (self, klass->fields[i],
                             lookup_value (from, klass->fields[i]));
  g_object_thaw_notify (G_OBJECT (self));
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
