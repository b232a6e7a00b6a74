/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Files the tests make: GLib only, for unit and widget tests alike. */

#include <glib.h>
#include <glib/gstdio.h>

/* Removes @path and everything below it, asserting that each removal works. */
static inline void
silk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        silk_test_remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}
