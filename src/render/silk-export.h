/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-document.h"
#include "silk-map-data.h"
#include "silk-renderer.h"

G_BEGIN_DECLS

#define SILK_EXPORT_ERROR (silk_export_error_quark ())

typedef enum
{
  SILK_EXPORT_ERROR_FORMAT, /* the file name's extension names no format we write */
  SILK_EXPORT_ERROR_SIZE,   /* a size out of range or not WIDTHxHEIGHT */
  SILK_EXPORT_ERROR_WRITE,  /* the file could not be written */
} SilkExportError;

/* Smallest and largest width or height of an export, in pixels (or points for SVG
 * and PDF). */
#define SILK_EXPORT_MIN_SIZE 64
#define SILK_EXPORT_MAX_SIZE 16384

GQuark   silk_export_error_quark  (void);

/* Writes the map as PNG, SVG or PDF, chosen by @path's extension (.png, .svg, .pdf,
 * any case), @width × @height pixels (points for SVG and PDF), light or @dark. The
 * view fits the region, or @selected (a country, project or place) when given,
 * which is drawn emphasised.
 *
 * Atomic: the map is written to a temporary file beside @path and renamed over it
 * only once complete, so on failure @path is untouched and nothing is left behind.
 * Needs no display. */
gboolean silk_export_map          (SilkDocument *document,
                                   SilkItem     *selected,
                                   const char   *path,
                                   int           width,
                                   int           height,
                                   gboolean      dark,
                                   GError      **error);
/* The same with an existing projected document, as the window has one. */
gboolean silk_export_map_data     (SilkMapData  *data,
                                   SilkItem     *selected,
                                   const char   *path,
                                   int           width,
                                   int           height,
                                   gboolean      dark,
                                   GError      **error);
/* What silk_export_map_full() draws. */
typedef struct
{
  int width;                /* pixels for PNG, points for SVG and PDF */
  int height;
  gboolean dark;
  SilkLayers layers;        /* map layers and chrome (legend, scale bar, attribution) */
  SilkItem *selected;       /* drawn emphasised, or NULL */
  /* The projected rectangle to show, fitted to the image; NULL shows @selected and
   * its surroundings, or else the whole region. */
  const SilkBounds *extent;
} SilkExportOptions;

/* Every layer, light, nothing selected, the whole region. */
void     silk_export_options_init (SilkExportOptions       *options,
                                   int                      width,
                                   int                      height);
/* silk_export_map_data() with every choice the export dialog offers; the same
 * atomic write. */
gboolean silk_export_map_full     (SilkMapData             *data,
                                   const char              *path,
                                   const SilkExportOptions *options,
                                   GError                 **error);
/* Parses "WIDTHxHEIGHT" (for --size) within the export limits. */
gboolean silk_export_parse_size   (const char   *text,
                                   int          *width,
                                   int          *height,
                                   GError      **error);

G_END_DECLS
