/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-geometry.h"

G_BEGIN_DECLS

/* A uniform grid over projected geometry for picking.
 *
 * Every outline segment of the added geometries is filed under each grid cell it
 * touches. For polygon features the index also stores, per cell, which features
 * contain the cell's centre (found once, at build time, by one scanline per row of
 * cells). A point query then only needs the segments of the point's own cell: the
 * point is inside a feature when the centre is and the segment from the centre to
 * the point crosses the feature's outline an even number of times, or the other way
 * round. A query thus visits a handful of segments instead of every vertex.
 *
 * Build once (add, then build); queries after that are read-only and may run from
 * any thread. */
typedef struct _SilkSpatialIndex SilkSpatialIndex;

SilkSpatialIndex *silk_spatial_index_new                (void);
void              silk_spatial_index_free               (SilkSpatialIndex   *index);

/* Adds every part of @geometry (projected; SILK_GEOMETRY_POLYGONS or
 * SILK_GEOMETRY_LINES) as feature @id. The index keeps a reference to @geometry.
 * Only before silk_spatial_index_build(). */
void              silk_spatial_index_add                (SilkSpatialIndex   *index,
                                                         SilkGeometry       *geometry,
                                                         guint               id);
void              silk_spatial_index_build              (SilkSpatialIndex   *index);

/* The ids of the polygon features that contain (@x, @y), at most @max_ids of
 * them, in the order they were added. Returns how many. @visited, if not NULL,
 * receives the number of candidate segments and features examined. */
guint             silk_spatial_index_query_point        (const SilkSpatialIndex *index,
                                                         double              x,
                                                         double              y,
                                                         guint              *ids,
                                                         guint               max_ids,
                                                         guint              *visited);
/* The line feature nearest to (@x, @y) within @tolerance, if any. On ties the
 * feature added last wins (it is drawn on top). */
gboolean          silk_spatial_index_query_nearest_line (const SilkSpatialIndex *index,
                                                         double              x,
                                                         double              y,
                                                         double              tolerance,
                                                         guint              *id,
                                                         double             *distance,
                                                         guint              *visited);

guint             silk_spatial_index_get_n_segments     (const SilkSpatialIndex *index);
guint             silk_spatial_index_get_n_features     (const SilkSpatialIndex *index);

/* Distance from (@px, @py) to the segment (@ax, @ay)–(@bx, @by). */
double            silk_segment_distance                 (double              px,
                                                         double              py,
                                                         double              ax,
                                                         double              ay,
                                                         double              bx,
                                                         double              by);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilkSpatialIndex, silk_spatial_index_free)

G_END_DECLS
