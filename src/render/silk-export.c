/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "silk-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <png.h>
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

static void
png_write_data (png_structp  png,
                png_bytep    data,
                png_size_t   length)
{
  Sink *sink = png_get_io_ptr (png);

  /* A failed write is in sink->error; libpng goes on, and its output is dropped. */
  while (length > 0)
    {
      unsigned int chunk = (unsigned int) MIN (length, G_MAXUINT);

      sink_write (sink, data, chunk);
      data += chunk;
      length -= chunk;
    }
}

static void
png_flush_data (png_structp png)
{
}

/* Writes the image @surface (ARGB32) as PNG. cairo's own writer uses zlib's default
 * level and lets libpng try every filter on every row, which was three fifths of a
 * 3840×2160 export; a map of flat colours compresses as small with no filter at a
 * low level, in a quarter of the time. An opaque map is written without alpha. */
static cairo_status_t
write_png (cairo_surface_t *surface,
           Sink            *sink)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *pixels;
  gboolean opaque = TRUE;
  png_structp png;
  png_infop info;
  guchar * volatile row = NULL;
  volatile cairo_status_t status = CAIRO_STATUS_WRITE_ERROR;

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height && opaque; y++)
    {
      const guint32 *line = (const guint32 *) (const void *) (pixels + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((line[x] >> 24) != 0xff)
          {
            opaque = FALSE;
            break;
          }
    }

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }

  if (setjmp (png_jmpbuf (png)) == 0)
    {
      png_set_write_fn (png, sink, png_write_data, png_flush_data);
      png_set_IHDR (png, info, width, height, 8,
                    opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                    PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
      png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
      png_set_compression_level (png, 3);
      png_write_info (png, info);

      row = g_malloc ((gsize) width * 4);
      for (int y = 0; y < height; y++)
        {
          const guint32 *line = (const guint32 *) (const void *) (pixels + (gsize) y * stride);
          guchar *out = row;

          /* cairo stores premultiplied 0xAARRGGBB words; PNG wants straight alpha. */
          for (int x = 0; x < width; x++)
            {
              guint32 pixel = line[x];
              guint alpha = pixel >> 24;
              guint red = (pixel >> 16) & 0xff;
              guint green = (pixel >> 8) & 0xff;
              guint blue = pixel & 0xff;

              if (!opaque)
                {
                  if (alpha != 0)
                    {
                      red = (red * 255 + alpha / 2) / alpha;
                      green = (green * 255 + alpha / 2) / alpha;
                      blue = (blue * 255 + alpha / 2) / alpha;
                    }
                  out[3] = alpha;
                }
              out[0] = red;
              out[1] = green;
              out[2] = blue;
              out += opaque ? 3 : 4;
            }
          png_write_row (png, row);
        }
      png_write_end (png, info);
      status = sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
    }

  g_free (row);
  png_destroy_write_struct (&png, &info);
  return status;
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

void
silk_export_options_init (SilkExportOptions *options,
                          int                width,
                          int                height)
{
  g_return_if_fail (options != NULL);

  *options = (SilkExportOptions) {
    .width = width,
    .height = height,
    .dark = FALSE,
    .layers = SILK_LAYERS_ALL,
    .selected = NULL,
    .extent = NULL,
  };
}

static void
draw_map (SilkMapData             *data,
          const SilkExportOptions *options,
          cairo_t                 *cr)
{
  g_autoptr(SilkRenderer) renderer = silk_renderer_new (data);
  const SilkPalette *palette = silk_palette_get (options->dark);
  int width = options->width;
  int height = options->height;
  SilkView view;
  SilkBounds bounds;

  silk_view_init (&view, width, height, 1);
  if (options->extent != NULL)
    silk_view_fit (&view, options->extent, 0);
  else if (options->selected != NULL
           && silk_map_data_get_item_bounds (data, options->selected, &bounds))
    {
      /* Room around the item for its neighbours, to say where it is. */
      silk_view_fit (&view, &bounds, MIN (width, height) * 0.12);
    }
  else
    silk_view_fit (&view, silk_map_data_get_region (data), MIN (width, height) * 0.03);

  silk_renderer_draw (renderer, cr, &view, palette, options->layers, options->selected, NULL);
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
  SilkExportOptions options;

  silk_export_options_init (&options, width, height);
  options.selected = selected;
  options.dark = dark;

  return silk_export_map_full (data, path, &options, error);
}

gboolean
silk_export_map_full (SilkMapData             *data,
                      const char              *path,
                      const SilkExportOptions *options,
                      GError                 **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  Format format;
  Sink sink = { -1, 0 };
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->selected == NULL || SILK_IS_ITEM (options->selected), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  width = options->width;
  height = options->height;
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
  draw_map (data, options, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = write_png (surface, &sink);
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
