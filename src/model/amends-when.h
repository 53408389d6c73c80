/* amends-when.h: reading "when it happened" as a person types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AMENDS_WHEN_ERROR (amends_when_error_quark ())

typedef enum
{
  AMENDS_WHEN_ERROR_INVALID,    /* not a time we can read */
  AMENDS_WHEN_ERROR_FUTURE,     /* a breakdown cannot happen in the future */
} AmendsWhenError;

GQuark     amends_when_error_quark (void);
GDateTime *amends_when_parse       (const char  *text,
                                    GDateTime   *now,
                                    GError     **error);
char      *amends_when_format      (GDateTime   *when,
                                    GDateTime   *now);

G_END_DECLS
