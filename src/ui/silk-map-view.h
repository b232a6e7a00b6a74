/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "silk-document.h"
#include "silk-map-data.h"
#include "silk-renderer.h"
#include "silk-selection.h"
#include "silk-view.h"

G_BEGIN_DECLS

#define SILK_TYPE_MAP_VIEW (silk_map_view_get_type ())

/* The map: pan, zoom, hover and click over the renderer's layers.
 *
 * The base map is rendered off the main thread into a cached texture (with a margin
 * around the view, so a pan shows map, not blank); while a new one renders, the old
 * one is moved and scaled. Selection and hover are overlays, so a frame costs a few
 * texture draws. Selecting from elsewhere (setting the selection) pans and zooms to
 * the item smoothly.
 *
 * Actions: map.zoom-in, map.zoom-out, map.zoom-fit, map.pan (a direction: "left",
 * "right", "up", "down") and map.clear-selection, bound to +, -, 0, the arrows and
 * Escape. */
G_DECLARE_FINAL_TYPE (SilkMapView, silk_map_view, SILK, MAP_VIEW, GtkWidget)

GtkWidget     *silk_map_view_new           (void);

SilkDocument  *silk_map_view_get_document  (SilkMapView   *self);
void           silk_map_view_set_document  (SilkMapView   *self,
                                            SilkDocument  *document);
SilkSelection *silk_map_view_get_selection (SilkMapView   *self);
void           silk_map_view_set_selection (SilkMapView   *self,
                                            SilkSelection *selection);
/* The projected document the map draws, or NULL without a document; export can
 * reuse it. */
SilkMapData   *silk_map_view_get_map_data  (SilkMapView   *self);
/* The view as it is now (during an animation, the current frame's). */
void           silk_map_view_get_view      (SilkMapView   *self,
                                            SilkView      *view);
/* Shows @view's centre and scale (its size is the widget's); before the widget has
 * a size, once it has one. A view that is not finite is ignored. */
void           silk_map_view_set_view      (SilkMapView   *self,
                                            const SilkView *view);
/* The map layers drawn, SILK_LAYERS_MAP by default. */
SilkLayers     silk_map_view_get_layers    (SilkMapView   *self);
void           silk_map_view_set_layers    (SilkMapView   *self,
                                            SilkLayers     layers);

G_END_DECLS
