/* amends-money.h: amounts of money, kept in cents, read and written as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AMENDS_MONEY_ERROR (amends_money_error_quark ())

typedef enum
{
  AMENDS_MONEY_ERROR_INVALID,    /* not an amount */
  AMENDS_MONEY_ERROR_NEGATIVE,   /* a cost is never below nothing */
  AMENDS_MONEY_ERROR_TOO_LARGE,
} AmendsMoneyError;

GQuark    amends_money_error_quark  (void);
gboolean  amends_money_parse        (const char  *text,
                                     gint64      *cents,
                                     GError     **error);
gboolean  amends_money_parse_plain  (const char  *text,
                                     gint64      *cents,
                                     GError     **error);
char     *amends_money_format       (gint64       cents);
char     *amends_money_format_amount (const char *currency,
                                     gint64       cents);
char     *amends_money_format_plain (gint64       cents);

G_END_DECLS
