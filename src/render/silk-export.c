/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "silk-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "silk-renderer.h"

G_DEFINE_QUARK (silk-export-error-quark, silk_export_error)

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

typedef struct
{
  int fd;
  int error;  /* errno of the first failed write, or 0 */
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->error = errno;
          break;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
format_from_path (const char *path,
                  Format     *format,
                  GError    **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  const char *dot = strrchr (basename, '.');

  if (dot != NULL && g_ascii_strcasecmp (dot, ".png") == 0)
    *format = FORMAT_PNG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = FORMAT_SVG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = FORMAT_PDF;
  else
    {
      g_set_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_FORMAT,
                   _("Cannot export to “%s”: the file name must end in .png, .svg or .pdf"),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_size (int      width,
            int      height,
            GError **error)
{
  if (width < SILK_EXPORT_MIN_SIZE || height < SILK_EXPORT_MIN_SIZE
      || width > SILK_EXPORT_MAX_SIZE || height > SILK_EXPORT_MAX_SIZE)
    {
      g_set_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_SIZE,
                   _("Cannot export a map of %d×%d: width and height must be from %d to %d"),
                   width, height, SILK_EXPORT_MIN_SIZE, SILK_EXPORT_MAX_SIZE);
      return FALSE;
    }
  return TRUE;
}

gboolean
silk_export_parse_size (const char *text,
                        int        *width,
                        int        *height,
                        GError    **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, "x", -1);
  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT, &w, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT, &h, NULL))
    {
      g_set_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_SIZE,
                   _("Invalid size “%s”: expected WIDTHxHEIGHT in pixels, for example 1920x1080"),
                   text);
      return FALSE;
    }
  if (!check_size ((int) w, (int) h, error))
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static void
draw_map (SilkMapData *data,
          SilkItem    *selected,
          cairo_t     *cr,
          int          width,
          int          height,
          gboolean     dark)
{
  g_autoptr(SilkRenderer) renderer = silk_renderer_new (data);
  const SilkPalette *palette = silk_palette_get (dark);
  SilkView view;
  SilkBounds bounds;

  silk_view_init (&view, width, height, 1);
  if (selected != NULL && silk_map_data_get_item_bounds (data, selected, &bounds))
    {
      /* Room around the item for its neighbours, to say where it is. */
      silk_view_fit (&view, &bounds, MIN (width, height) * 0.12);
    }
  else
    silk_view_fit (&view, silk_map_data_get_region (data), MIN (width, height) * 0.03);

  silk_renderer_draw (renderer, cr, &view, palette, SILK_LAYERS_ALL, selected, NULL);
}

gboolean
silk_export_map_data (SilkMapData *data,
                      SilkItem    *selected,
                      const char  *path,
                      int          width,
                      int          height,
                      gboolean     dark,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  Format format;
  Sink sink = { -1, 0 };
  cairo_t *cr;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (selected == NULL || SILK_IS_ITEM (selected), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!format_from_path (path, &format, error) || !check_size (width, height, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  sink.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write, &sink, width, height);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, width, height);
      break;
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  draw_map (data, selected, cr, width, height, dark);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, &sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && sink.error == 0 && fsync (sink.fd) != 0)
    sink.error = errno;
  if (close (sink.fd) != 0 && sink.error == 0)
    sink.error = errno;

  if (status != CAIRO_STATUS_SUCCESS || sink.error != 0)
    {
      g_set_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path,
                   sink.error != 0 ? g_strerror (sink.error) : cairo_status_to_string (status));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_set_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

gboolean
silk_export_map (SilkDocument *document,
                 SilkItem     *selected,
                 const char   *path,
                 int           width,
                 int           height,
                 gboolean      dark,
                 GError      **error)
{
  g_autoptr(SilkMapData) data = NULL;

  g_return_val_if_fail (SILK_IS_DOCUMENT (document), FALSE);

  data = silk_map_data_new (document);
  return silk_export_map_data (data, selected, path, width, height, dark, error);
}
