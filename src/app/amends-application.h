/* amends-application.h: the application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amends-store.h"

G_BEGIN_DECLS

#define AMENDS_TYPE_APPLICATION (amends_application_get_type ())

G_DECLARE_FINAL_TYPE (AmendsApplication, amends_application, AMENDS, APPLICATION, AdwApplication)

AmendsApplication *amends_application_new       (void);
AmendsStore       *amends_application_get_store (AmendsApplication *self);
void               amends_application_set_store (AmendsApplication *self,
                                                 AmendsStore       *store);
GtkWindow         *amends_application_restore_backup (AmendsApplication  *self,
                                                      const char         *backup,
                                                      char              **replaced,
                                                      GError            **error);

G_END_DECLS
