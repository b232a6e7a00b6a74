/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "silk-map-data.h"
#include "silk-palette.h"
#include "silk-view.h"

G_BEGIN_DECLS

typedef enum
{
  SILK_LAYER_LAND        = 1 << 0,
  SILK_LAYER_LAKES       = 1 << 1,
  SILK_LAYER_RIVERS      = 1 << 2,
  SILK_LAYER_BORDERS     = 1 << 3,
  SILK_LAYER_RAILWAYS    = 1 << 4,  /* railway projects and their tunnels */
  SILK_LAYER_PLACES      = 1 << 5,
  SILK_LAYER_LABELS      = 1 << 6,
  SILK_LAYER_LEGEND      = 1 << 7,
  SILK_LAYER_SCALE_BAR   = 1 << 8,
  SILK_LAYER_ATTRIBUTION = 1 << 9,
  SILK_LAYER_HIGHWAYS    = 1 << 10,
  /* The countries around the members: their land, borders and names. */
  SILK_LAYER_NEIGHBOURS  = 1 << 11,
} SilkLayers;

/* Every route, whatever its mode; `layers & SILK_LAYER_ROUTES` asks for any. */
#define SILK_LAYER_ROUTES  (SILK_LAYER_RAILWAYS | SILK_LAYER_HIGHWAYS)
#define SILK_LAYERS_MAP    (SILK_LAYER_LAND | SILK_LAYER_LAKES | SILK_LAYER_RIVERS \
                            | SILK_LAYER_BORDERS | SILK_LAYER_ROUTES | SILK_LAYER_PLACES \
                            | SILK_LAYER_LABELS | SILK_LAYER_NEIGHBOURS)
#define SILK_LAYERS_CHROME (SILK_LAYER_LEGEND | SILK_LAYER_SCALE_BAR | SILK_LAYER_ATTRIBUTION)
#define SILK_LAYERS_ALL    (SILK_LAYERS_MAP | SILK_LAYERS_CHROME)

/* Draws a document's map onto any cairo context; knows nothing of GTK.
 *
 * The map comes in three layers so that an interactive frame redraws only what
 * changed: the base (everything static for a view: land, water, borders, routes,
 * places, labels), the selection and hover overlays, and the chrome fixed to the
 * corners of the view (legend, scale bar, attribution).
 *
 * All drawing is in logical pixels of @view; for HiDPI give the cairo surface a
 * device scale. A renderer keeps its text layouts between draws, so it must be used
 * by one thread at a time; make one per thread. */
typedef struct _SilkRenderer SilkRenderer;

SilkRenderer *silk_renderer_new             (SilkMapData       *data);
void          silk_renderer_free            (SilkRenderer      *renderer);
SilkMapData  *silk_renderer_get_data        (SilkRenderer      *renderer);
/* Labels keep @margin logical pixels inside the view's edges: for a base rendered
 * larger than the screen, so that no name is cut at the screen's edge. */
void          silk_renderer_set_label_margin (SilkRenderer     *renderer,
                                              double            margin);

/* The static map. When @layers holds chrome layers, labels keep clear of where the
 * chrome goes (as for export); the chrome itself is drawn by draw_chrome. */
void          silk_renderer_draw_base       (SilkRenderer      *renderer,
                                             cairo_t           *cr,
                                             const SilkView    *view,
                                             const SilkPalette *palette,
                                             SilkLayers         layers);
/* Dims everything but @selected and emphasises it. Draws nothing for NULL or for
 * an item without a place on the map. */
void          silk_renderer_draw_selection  (SilkRenderer      *renderer,
                                             cairo_t           *cr,
                                             const SilkView    *view,
                                             const SilkPalette *palette,
                                             SilkItem          *selected);
void          silk_renderer_draw_hover      (SilkRenderer      *renderer,
                                             cairo_t           *cr,
                                             const SilkView    *view,
                                             const SilkPalette *palette,
                                             SilkItem          *hover);
void          silk_renderer_draw_chrome     (SilkRenderer      *renderer,
                                             cairo_t           *cr,
                                             const SilkView    *view,
                                             const SilkPalette *palette,
                                             SilkLayers         layers);
/* The scale bar draw_chrome draws at @view: its length in kilometres, and in
 * pixels through @pixels. */
double        silk_renderer_get_scale_bar   (SilkRenderer      *renderer,
                                             const SilkView    *view,
                                             double            *pixels);
/* The map layers the legend explains (SILK_LAYERS_MAP unless set): rows for
 * hidden layers are left out. silk_renderer_draw() sets it from its @layers. */
void          silk_renderer_set_legend_layers (SilkRenderer    *renderer,
                                               SilkLayers       layers);
/* The legend alone, its top left corner at (@x, @y); for a widget that keeps it in a
 * cache of its own. */
void          silk_renderer_get_legend_size (SilkRenderer      *renderer,
                                             double            *width,
                                             double            *height);
void          silk_renderer_draw_legend     (SilkRenderer      *renderer,
                                             cairo_t           *cr,
                                             const SilkPalette *palette,
                                             double             x,
                                             double             y);
/* Everything in order: base, selection, hover, chrome. */
void          silk_renderer_draw            (SilkRenderer      *renderer,
                                             cairo_t           *cr,
                                             const SilkView    *view,
                                             const SilkPalette *palette,
                                             SilkLayers         layers,
                                             SilkItem          *selected,
                                             SilkItem          *hover);
/* The screen rectangle the hover outline of @item can touch, clipped to the view;
 * FALSE when it is off screen or has no place on the map. */
gboolean      silk_renderer_get_item_extents (SilkRenderer     *renderer,
                                              const SilkView   *view,
                                              SilkItem         *item,
                                              cairo_rectangle_int_t *extents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilkRenderer, silk_renderer_free)

G_END_DECLS
