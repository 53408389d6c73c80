/* amends-customer-card.h: who the customer is, what would delight them, and their earlier cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-autosave.h"
#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_CUSTOMER_CARD (amends_customer_card_get_type ())

G_DECLARE_FINAL_TYPE (AmendsCustomerCard, amends_customer_card, AMENDS, CUSTOMER_CARD, GtkWidget)

GtkWidget   *amends_customer_card_new                  (AmendsStore        *store);
AmendsStore *amends_customer_card_get_store            (AmendsCustomerCard *self);
gint64       amends_customer_card_get_customer_id      (AmendsCustomerCard *self);
void         amends_customer_card_set_customer_id      (AmendsCustomerCard *self,
                                                        gint64              customer_id);
gint64       amends_customer_card_get_current_case_id  (AmendsCustomerCard *self);
void         amends_customer_card_set_current_case_id  (AmendsCustomerCard *self,
                                                        gint64              case_id);
gboolean     amends_customer_card_flush                (AmendsCustomerCard *self,
                                                        GError            **error);
AmendsAutosave *amends_customer_card_get_autosave      (AmendsCustomerCard *self);
const char  *amends_customer_card_get_room             (AmendsCustomerCard *self);
void         amends_customer_card_set_room             (AmendsCustomerCard *self,
                                                        const char         *room);

G_END_DECLS
