/* amends-customer.c: a person whose service went wrong, and what would delight them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-customer"

#include "config.h"

#include "amends-customer.h"

#include "amends-enum-types.h"

struct _AmendsCustomer
{
  AmendsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmendsCustomer, amends_customer, AMENDS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NOTES,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
amends_customer_class_init (AmendsCustomerClass *klass)
{
  properties [PROP_NAME] = amends_record_string_field ("name");
  properties [PROP_PHONE] = amends_record_string_field ("phone");
  properties [PROP_EMAIL] = amends_record_string_field ("email");
  properties [PROP_NOTES] = amends_record_string_field ("notes");
  properties [PROP_CREATED_AT] = amends_record_time_field ("created-at");

  amends_record_class_install_fields (AMENDS_RECORD_CLASS (klass), "customers",
                                      N_PROPS, properties);
}

static void
amends_customer_init (AmendsCustomer *self)
{
}

AmendsCustomer *
amends_customer_new (void)
{
  return g_object_new (AMENDS_TYPE_CUSTOMER, NULL);
}

const char *
amends_customer_get_name (AmendsCustomer *self)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_NAME]);
}

const char *
amends_customer_get_phone (AmendsCustomer *self)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_PHONE]);
}

const char *
amends_customer_get_email (AmendsCustomer *self)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_EMAIL]);
}

const char *
amends_customer_get_notes (AmendsCustomer *self)
{
  g_return_val_if_fail (AMENDS_IS_CUSTOMER (self), 0);
  return amends_record_get_string (AMENDS_RECORD (self), properties [PROP_NOTES]);
}
