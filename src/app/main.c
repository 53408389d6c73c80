/* main.c: start Amends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "main"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "amends-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmendsApplication) app = NULL;
  const char *localedir = g_getenv ("AMENDS_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* AMENDS_LOCALEDIR: the translations of a build that is not installed
   * (the tests run the command line in German from the build tree). */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = amends_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
