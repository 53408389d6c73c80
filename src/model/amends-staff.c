/* amends-staff.c: a member of staff, who may be at the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-staff"

#include "config.h"

#include "amends-staff.h"

#include "amends-enum-types.h"

struct _AmendsStaff
{
  AmendsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmendsStaff, amends_staff, AMENDS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TEAM,
  PROP_ROLE,
  PROP_ACTIVE,
  PROP_LEAD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
amends_staff_class_init (AmendsStaffClass *klass)
{
  properties [PROP_NAME] = amends_record_string_field ("name");
  properties [PROP_TEAM] = amends_record_string_field ("team");
  properties [PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       AMENDS_TYPE_STAFF_ROLE, AMENDS_STAFF_ROLE_FRONT_DESK,
                       AMENDS_RECORD_FIELD_FLAGS);
  properties [PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          AMENDS_RECORD_FIELD_FLAGS);
  /* A team lead: overdue cases are escalated to them (issue 14). */
  properties [PROP_LEAD] =
    g_param_spec_boolean ("lead", NULL, NULL, FALSE,
                          AMENDS_RECORD_FIELD_FLAGS);

  amends_record_class_install_fields (AMENDS_RECORD_CLASS (klass), "staff",
                                      N_PROPS, properties);
}

static void
amends_staff_init (AmendsStaff *self)
{
}

AmendsStaff *
amends_staff_new (void)
{
  return g_object_new (AMENDS_TYPE_STAFF, NULL);
}

const char *
amends_staff_get_name (AmendsStaff *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_NAME]);
}

const char *
amends_staff_get_team (AmendsStaff *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_TEAM]);
}

AmendsStaffRole
amends_staff_get_role (AmendsStaff *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF (self), 0);
  return amends_record_get_enum (AMENDS_RECORD (self), properties [PROP_ROLE]);
}

gboolean
amends_staff_get_active (AmendsStaff *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF (self), 0);
  return amends_record_get_boolean (AMENDS_RECORD (self), properties [PROP_ACTIVE]);
}

gboolean
amends_staff_get_lead (AmendsStaff *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF (self), FALSE);
  return amends_record_get_boolean (AMENDS_RECORD (self), properties [PROP_LEAD]);
}
