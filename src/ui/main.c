/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#include <locale.h>

#include "silk-application.h"
#include "silk-config.h"
#include "silk-software-rendering.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SilkApplication) app = NULL;
  const char *localedir = g_getenv ("SILK_ATLAS_LOCALEDIR");

  /* Before anything prints: --list and --help speak the user's language too.
   * SILK_ATLAS_LOCALEDIR points at the build tree's translations (build-aux/run and
   * the tests), which are not installed there. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  silk_software_rendering_choose_renderer ();

  app = silk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
