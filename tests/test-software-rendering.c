/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The choice of GTK's renderer without a GPU (silk-software-rendering.c), against
 * device folders made up in a temporary folder. */

#include <glib/gstdio.h>
#include <unistd.h>

#include "silk-software-rendering.h"
#include "silk-test-files.h"

typedef struct
{
  char *dev_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dev_dir = g_dir_make_tmp ("silk-dev-XXXXXX", &error);
  g_assert_no_error (error);
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  silk_test_remove_tree (fixture->dev_dir);
  g_free (fixture->dev_dir);
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
}

/* Makes @name under the fixture's device folder, an empty file standing for a
 * device node, with @mode. */
static void
add_device (Fixture    *fixture,
            const char *name,
            int         mode)
{
  g_autofree char *path = g_build_filename (fixture->dev_dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
test_no_dri (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_true (silk_software_rendering_expected (fixture->dev_dir));
}

static void
test_render_node (Fixture       *fixture,
                  gconstpointer  data)
{
  add_device (fixture, "dri/card0", 0600);
  /* A card node alone is for display, not rendering. */
  g_assert_true (silk_software_rendering_expected (fixture->dev_dir));

  add_device (fixture, "dri/renderD128", 0600);
  g_assert_false (silk_software_rendering_expected (fixture->dev_dir));
}

static void
test_render_node_out_of_reach (Fixture       *fixture,
                               gconstpointer  data)
{
  /* Root may open any file whatever its mode: nothing to learn from this then. */
  if (geteuid () == 0)
    {
      g_test_skip ("file modes do not bind root");
      return;
    }
  add_device (fixture, "dri/renderD128", 0000);
  g_assert_true (silk_software_rendering_expected (fixture->dev_dir));
}

static void
test_nvidia (Fixture       *fixture,
             gconstpointer  data)
{
  add_device (fixture, "nvidiactl", 0600);
  g_assert_false (silk_software_rendering_expected (fixture->dev_dir));
}

static void
test_mesa_told_to (Fixture       *fixture,
                   gconstpointer  data)
{
  add_device (fixture, "dri/renderD128", 0600);

  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  g_assert_true (silk_software_rendering_expected (fixture->dev_dir));
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "true", TRUE);
  g_assert_true (silk_software_rendering_expected (fixture->dev_dir));
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "0", TRUE);
  g_assert_false (silk_software_rendering_expected (fixture->dev_dir));
}

/* The user's choice stands, whatever the machine: neither the renderer nor OpenGL
 * is touched. */
static void
test_user_choice (void)
{
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_unsetenv ("GDK_DEBUG");
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  silk_software_rendering_choose_renderer ();
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_null (g_getenv ("GDK_DEBUG"));

  g_unsetenv ("GSK_RENDERER");
  silk_software_rendering_choose_renderer ();
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
}

/* GDK_DEBUG flags the user set are kept beside the one that disables OpenGL. */
static void
test_user_debug_flags (void)
{
  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "frames", TRUE);
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  silk_software_rendering_choose_renderer ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "frames,gl-disable");

  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/software-rendering/no-dri", Fixture, NULL,
              fixture_set_up, test_no_dri, fixture_tear_down);
  g_test_add ("/software-rendering/render-node", Fixture, NULL,
              fixture_set_up, test_render_node, fixture_tear_down);
  g_test_add ("/software-rendering/render-node-out-of-reach", Fixture, NULL,
              fixture_set_up, test_render_node_out_of_reach, fixture_tear_down);
  g_test_add ("/software-rendering/nvidia", Fixture, NULL,
              fixture_set_up, test_nvidia, fixture_tear_down);
  g_test_add ("/software-rendering/mesa-told-to", Fixture, NULL,
              fixture_set_up, test_mesa_told_to, fixture_tear_down);
  g_test_add_func ("/software-rendering/user-choice", test_user_choice);
  g_test_add_func ("/software-rendering/user-debug-flags", test_user_debug_flags);

  return g_test_run ();
}
