/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Which of GTK's renderers draws the window on a machine without a GPU.
 *
 * GTK 4.8 draws with OpenGL wherever OpenGL is available, and without a GPU that is
 * Mesa's software rasteriser, llvmpipe: every frame shades the whole window on the
 * processor, and the process keeps LLVM and the shaders it compiled. GTK's cairo
 * renderer draws the same nodes with cairo and repaints only what changed. For this
 * window on such a machine it starts sooner, takes far less memory and keeps a
 * pan's frames shorter (the figures are in docs/performance.md). GTK itself no
 * longer puts its newer renderers on llvmpipe from 4.14 on; 4.8 has no such check,
 * and looking at OpenGL's renderer string would mean starting OpenGL, which is most
 * of what there is to save. So the choice is made before GTK starts, from whether
 * the machine has a GPU to render on at all.
 *
 * Choosing the renderer is not enough: GDK 4.8 on X11 starts OpenGL when it opens
 * the display, to pick the window's visual, whichever renderer draws. Loading Mesa
 * and LLVM and making a context costs a fifth of the start-up and half of the
 * memory, for nothing once the cairo renderer draws; GDK_DEBUG's "gl-disable",
 * which GTK reads in every build, keeps OpenGL from starting at all. */

#include "silk-software-rendering.h"

#include <glib/gstdio.h>
#include <unistd.h>

static gboolean
can_use_device (const char *path)
{
  return g_access (path, R_OK | W_OK) == 0;
}

/* Mesa takes "1", "true" and "yes" for a set flag. */
static gboolean
flag_is_set (const char *value)
{
  return value != NULL && (g_ascii_strcasecmp (value, "1") == 0
                           || g_ascii_strcasecmp (value, "true") == 0
                           || g_ascii_strcasecmp (value, "yes") == 0);
}

/* Whether OpenGL would be drawn on the processor here: Mesa is told to, or there
 * is no GPU the user may render on (no DRM render node under @dev_dir/dri, nor
 * NVIDIA's own driver's control device). @dev_dir is "/dev" but in the tests. */
gboolean
silk_software_rendering_expected (const char *dev_dir)
{
  g_autofree char *dri_dir = NULL;
  g_autofree char *nvidia = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (dev_dir != NULL, FALSE);

  if (flag_is_set (g_getenv ("LIBGL_ALWAYS_SOFTWARE")))
    return TRUE;

  nvidia = g_build_filename (dev_dir, "nvidiactl", NULL);
  if (can_use_device (nvidia))
    return FALSE;

  dri_dir = g_build_filename (dev_dir, "dri", NULL);
  dir = g_dir_open (dri_dir, 0, NULL);
  if (dir == NULL)
    return TRUE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, "renderD"))
        continue;
      path = g_build_filename (dri_dir, name, NULL);
      if (can_use_device (path))
        return FALSE;
    }
  return TRUE;
}

/* Adds "gl-disable" to the user's own GDK_DEBUG flags, if any. */
static void
disable_opengl (void)
{
  const char *flags = g_getenv ("GDK_DEBUG");
  g_autofree char *more_flags = NULL;

  if (flags == NULL || *flags == '\0')
    {
      g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
      return;
    }
  more_flags = g_strconcat (flags, ",gl-disable", NULL);
  g_setenv ("GDK_DEBUG", more_flags, TRUE);
}

/* Picks GTK's cairo renderer, and keeps OpenGL from starting, when OpenGL would run
 * on the processor, unless the user chose a renderer with GSK_RENDERER. Call it
 * before GTK starts, while the process has one thread: it sets environment
 * variables. The programs this one starts inherit them, and they run on the same
 * machine. */
void
silk_software_rendering_choose_renderer (void)
{
  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (!silk_software_rendering_expected ("/dev"))
    return;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  disable_opengl ();
}
