/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-document.h"
#include "silk-projection.h"

G_BEGIN_DECLS

/* The projected copy of a document that the renderer and picking work on: built
 * once per document, never per frame. Coarse detail is projected at once; finer
 * levels and the pick index are built the first time something asks for them, so
 * the first frame pays only for what it draws.
 *
 * Thread-safe: the render thread and the main thread may share one. */
typedef struct _SilkMapData SilkMapData;

#define SILK_TYPE_MAP_DATA (silk_map_data_get_type ())

GType                 silk_map_data_get_type             (void) G_GNUC_CONST;
SilkMapData          *silk_map_data_new                  (SilkDocument     *document);
SilkMapData          *silk_map_data_ref                  (SilkMapData      *data);
void                  silk_map_data_unref                (SilkMapData      *data);

SilkDocument         *silk_map_data_get_document         (SilkMapData      *data);
const SilkProjection *silk_map_data_get_projection       (SilkMapData      *data);
void                  silk_map_data_project              (SilkMapData      *data,
                                                          double            longitude,
                                                          double            latitude,
                                                          double           *x,
                                                          double           *y);
/* Projected bounds of the member countries: what "fit the region" shows. */
const SilkBounds     *silk_map_data_get_region           (SilkMapData      *data);
/* Projected bounds to show for @item (a country, project or place); FALSE for items
 * that have no place on the map. */
gboolean              silk_map_data_get_item_bounds      (SilkMapData      *data,
                                                          SilkItem         *item,
                                                          SilkBounds       *bounds);
/* The index of a member's tint in the palette, or -1 for a neighbour. */
int                   silk_map_data_get_tint             (SilkMapData      *data,
                                                          SilkCountry      *country);
/* Where the country's name goes: the point deepest inside its largest polygon. */
gboolean              silk_map_data_get_label_point      (SilkMapData      *data,
                                                          SilkCountry      *country,
                                                          double           *x,
                                                          double           *y);
/* The detail level to draw at @scale pixels per kilometre: the coarsest whose
 * segments are still short on screen. */
guint                 silk_map_data_choose_level         (SilkMapData      *data,
                                                          double            scale);
/* Smallest and largest scale (pixels per kilometre) worth showing in a view of this
 * size: half the region at least, a few kilometres across at most. */
void                  silk_map_data_get_scale_limits     (SilkMapData      *data,
                                                          int               width,
                                                          int               height,
                                                          double           *min_scale,
                                                          double           *max_scale);

/* The selectable item at projected (@x, @y): a project whose line passes within
 * @tolerance kilometres (the nearest wins), else a country (member or neighbour)
 * containing the point, but nothing on a lake or at sea. @visited, if not NULL,
 * receives the number of candidates examined. */
SilkItem             *silk_map_data_pick                 (SilkMapData      *data,
                                                          double            x,
                                                          double            y,
                                                          double            tolerance,
                                                          guint            *visited);
/* The same against the countries' outlines at one detail level: the one the map
 * draws, so that what is picked is what the pointer is seen to be over, and the
 * finest outlines are read only once the map is zoomed in far enough to draw
 * them. silk_map_data_pick() picks at level 0. */
SilkItem             *silk_map_data_pick_at_level        (SilkMapData      *data,
                                                          guint             level,
                                                          double            x,
                                                          double            y,
                                                          double            tolerance,
                                                          guint            *visited);
/* Builds the pick index of @level now, so that the first pick there does not
 * (for a worker thread to call ahead of the main thread's picks). */
void                  silk_map_data_prepare_pick         (SilkMapData      *data,
                                                          guint             level);
/* The same answer by a scan over every vertex; for tests and the benchmark. */
SilkItem             *silk_map_data_pick_linear          (SilkMapData      *data,
                                                          double            x,
                                                          double            y,
                                                          double            tolerance);
/* Segments the pick index holds (countries, lakes and routes at finest detail). */
guint                 silk_map_data_get_n_pick_segments  (SilkMapData      *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilkMapData, silk_map_data_unref)

G_END_DECLS
