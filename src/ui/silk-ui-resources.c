/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>

#include "silk-ui-resources.h"
#include "silk-ui-resources-data.h"

void
silk_ui_resources_ensure (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      /* With --manual-register the resource exists only once initialised here. */
      silk_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
