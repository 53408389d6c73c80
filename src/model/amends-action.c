/* amends-action.c: one entry on a case's timeline
 *
 * An entry can be corrected after it was written (its text, and its kind
 * unless a step wrote it): it keeps when it was done and by whom, and
 * the audit log keeps what it said before.  When and by whom it was last
 * corrected are read from that log, shown with the entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-action"

#include "config.h"

#include "amends-action.h"

#include "amends-enum-types.h"

struct _AmendsAction
{
  AmendsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmendsAction, amends_action, AMENDS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_KIND,
  PROP_DONE_AT,
  PROP_STAFF_ID,
  PROP_STAFF_NAME,
  PROP_TEXT,
  PROP_CORRECTED_AT,
  PROP_CORRECTED_BY_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
amends_action_class_init (AmendsActionClass *klass)
{
  properties [PROP_CASE_ID] = amends_record_id_field ("case-id");
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       AMENDS_TYPE_ACTION_KIND, AMENDS_ACTION_KIND_NOTE,
                       AMENDS_RECORD_FIELD_FLAGS);
  properties [PROP_DONE_AT] = amends_record_time_field ("done-at");
  properties [PROP_STAFF_ID] = amends_record_id_field ("staff-id");
  properties [PROP_STAFF_NAME] = amends_record_string_field ("staff-name");
  properties [PROP_TEXT] = amends_record_string_field ("text");
  properties [PROP_CORRECTED_AT] = amends_record_time_field ("corrected-at");
  properties [PROP_CORRECTED_BY_NAME] = amends_record_string_field ("corrected-by-name");
  amends_record_field_set_derived (properties [PROP_STAFF_NAME]);
  amends_record_field_set_derived (properties [PROP_CORRECTED_AT]);
  amends_record_field_set_derived (properties [PROP_CORRECTED_BY_NAME]);

  amends_record_class_install_fields (AMENDS_RECORD_CLASS (klass), "actions",
                                      N_PROPS, properties);
}

static void
amends_action_init (AmendsAction *self)
{
}

AmendsAction *
amends_action_new (void)
{
  return g_object_new (AMENDS_TYPE_ACTION, NULL);
}

gint64
amends_action_get_case_id (AmendsAction *self)
{
  g_return_val_if_fail (AMENDS_IS_ACTION (self), 0);
  return amends_record_get_int64 (AMENDS_RECORD (self), properties [PROP_CASE_ID]);
}

AmendsActionKind
amends_action_get_kind (AmendsAction *self)
{
  g_return_val_if_fail (AMENDS_IS_ACTION (self), 0);
  return amends_record_get_enum (AMENDS_RECORD (self), properties [PROP_KIND]);
}

GDateTime *
amends_action_get_done_at (AmendsAction *self)
{
  g_return_val_if_fail (AMENDS_IS_ACTION (self), 0);
  return amends_record_get_date_time (AMENDS_RECORD (self), properties [PROP_DONE_AT]);
}

gint64
amends_action_get_staff_id (AmendsAction *self)
{
  g_return_val_if_fail (AMENDS_IS_ACTION (self), 0);
  return amends_record_get_int64 (AMENDS_RECORD (self), properties [PROP_STAFF_ID]);
}

const char *
amends_action_get_staff_name (AmendsAction *self)
{
  g_return_val_if_fail (AMENDS_IS_ACTION (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_STAFF_NAME]);
}

const char *
amends_action_get_text (AmendsAction *self)
{
  g_return_val_if_fail (AMENDS_IS_ACTION (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_TEXT]);
}

/* Returns: (nullable): when the entry was last corrected, or %NULL if never */
GDateTime *
amends_action_get_corrected_at (AmendsAction *self)
{
  g_return_val_if_fail (AMENDS_IS_ACTION (self), NULL);
  return amends_record_get_date_time (AMENDS_RECORD (self), properties [PROP_CORRECTED_AT]);
}

/* Returns: (nullable): who last corrected the entry; %NULL if nobody was
 *   at the desk then, or it was never corrected */
const char *
amends_action_get_corrected_by_name (AmendsAction *self)
{
  g_return_val_if_fail (AMENDS_IS_ACTION (self), NULL);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_CORRECTED_BY_NAME]);
}

/**
 * amends_action_kind_is_automatic:
 *
 * Returns: whether entries of @kind are written by a step (pausing and
 *   resuming the clock, taking ownership), never by hand: such an entry
 *   keeps its kind when corrected, and no entry takes it
 */
gboolean
amends_action_kind_is_automatic (AmendsActionKind kind)
{
  return kind == AMENDS_ACTION_KIND_PAUSE ||
         kind == AMENDS_ACTION_KIND_RESUME ||
         kind == AMENDS_ACTION_KIND_OWNERSHIP ||
         kind == AMENDS_ACTION_KIND_HANDOVER;
}
