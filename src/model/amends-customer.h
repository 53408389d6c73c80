/* amends-customer.h: a person whose service went wrong, and what would delight them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-enums.h"
#include "amends-record.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CUSTOMER (amends_customer_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCustomer, amends_customer, AMENDS, CUSTOMER, AmendsRecord)

AmendsCustomer *amends_customer_new (void);
const char *amends_customer_get_name (AmendsCustomer *self);
const char *amends_customer_get_phone (AmendsCustomer *self);
const char *amends_customer_get_email (AmendsCustomer *self);
const char *amends_customer_get_notes (AmendsCustomer *self);

G_END_DECLS
