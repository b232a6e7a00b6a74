/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Coordinates are (x, y): longitude/latitude in degrees for geographic geometry,
 * or projected units once projected. */
typedef struct
{
  double x;
  double y;
} SilkPoint;

typedef struct
{
  double min_x;
  double min_y;
  double max_x;
  double max_y;
} SilkBounds;

typedef enum
{
  SILK_GEOMETRY_POINT,
  SILK_GEOMETRY_LINES,    /* LineString or MultiLineString */
  SILK_GEOMETRY_POLYGONS, /* Polygon or MultiPolygon */
} SilkGeometryType;

/* One ring of a polygon or one line: a run of points in SilkGeometry.points. */
typedef struct
{
  guint first;    /* index of the first point */
  guint n_points;
  guint polygon;  /* for rings: index of the polygon the ring belongs to */
  gboolean hole;  /* for rings: an interior ring */
} SilkPart;

/* Immutable once built; shared by reference. The points of all parts are stored in
 * one array so that projecting a geometry is one pass over one array. */
typedef struct
{
  SilkGeometryType type;
  SilkPoint *points;
  guint n_points;
  SilkPart *parts;
  guint n_parts;
  guint n_polygons;
  SilkBounds bounds;
} SilkGeometry;

#define SILK_TYPE_GEOMETRY (silk_geometry_get_type ())

GType         silk_geometry_get_type        (void) G_GNUC_CONST;
SilkGeometry *silk_geometry_ref             (SilkGeometry      *geometry);
void          silk_geometry_unref           (SilkGeometry      *geometry);

/* Builder: append parts, then finish. */
typedef struct _SilkGeometryBuilder SilkGeometryBuilder;

SilkGeometryBuilder *silk_geometry_builder_new       (SilkGeometryType     type);
void                 silk_geometry_builder_free      (SilkGeometryBuilder *builder);
void                 silk_geometry_builder_add_point (SilkGeometryBuilder *builder,
                                                      double               x,
                                                      double               y);
void                 silk_geometry_builder_add_points (SilkGeometryBuilder *builder,
                                                       const SilkPoint     *points,
                                                       guint                n_points);
/* Closes the part that the points added since the last call form. For polygons,
 * @new_polygon starts a new polygon with this part as its exterior ring. */
void                 silk_geometry_builder_end_part  (SilkGeometryBuilder *builder,
                                                      gboolean             new_polygon);
/* The geometry of the points and parts added so far. The builder stays the
 * caller's to free (or to reuse: it is empty again). */
SilkGeometry        *silk_geometry_builder_finish    (SilkGeometryBuilder *builder);

gboolean      silk_point_is_finite          (double             x,
                                             double             y);
gboolean      silk_point_is_lonlat          (double             x,
                                             double             y);
gboolean      silk_ring_is_closed           (const SilkPoint   *points,
                                             guint              n_points);
/* Twice the signed area: positive when counter-clockwise (x east, y north). */
double        silk_ring_signed_area2        (const SilkPoint   *points,
                                             guint              n_points);
/* Finds two segments of a ring that properly cross (segment i runs from point i to
 * point i + 1); touching without crossing does not count. Returns FALSE if none do. */
gboolean      silk_ring_find_crossing       (const SilkPoint   *points,
                                             guint              n_points,
                                             guint             *segment_a,
                                             guint             *segment_b);

typedef enum
{
  SILK_RING_SIMPLE,
  SILK_RING_CROSSES,
  SILK_RING_TOO_INTRICATE,
} SilkRingCheck;

/* silk_ring_find_crossing() with a bound on its work. It sweeps from west to east
 * and tests each segment against those whose longitudes are still open, so a ring
 * whose segments mostly span the same longitudes (a zigzag from coast to coast)
 * costs the square of its size. With more than @max_open segments open at once,
 * it gives up and returns SILK_RING_TOO_INTRICATE. */
SilkRingCheck silk_ring_check_crossing      (const SilkPoint   *points,
                                             guint              n_points,
                                             guint              max_open,
                                             guint             *segment_a,
                                             guint             *segment_b);

void          silk_bounds_init_empty        (SilkBounds        *bounds);
gboolean      silk_bounds_is_empty          (const SilkBounds  *bounds);
void          silk_bounds_add_point         (SilkBounds        *bounds,
                                             double             x,
                                             double             y);
void          silk_bounds_union             (SilkBounds        *bounds,
                                             const SilkBounds  *other);
gboolean      silk_bounds_intersects        (const SilkBounds  *a,
                                             const SilkBounds  *b);
gboolean      silk_bounds_contains_point    (const SilkBounds  *bounds,
                                             double             x,
                                             double             y);

/* Even-odd rule over all rings of a polygon geometry. */
gboolean      silk_geometry_contains_point  (const SilkGeometry *geometry,
                                             double              x,
                                             double              y);
/* Smallest distance from (x, y) to any part's outline or line; G_MAXDOUBLE for an
 * empty geometry. */
double        silk_geometry_distance_to     (const SilkGeometry *geometry,
                                             double              x,
                                             double              y);
/* Distance from (x, y) to the outline of one polygon (its outer ring and holes):
 * positive inside the polygon, negative outside. */
double        silk_geometry_polygon_signed_distance (const SilkGeometry *geometry,
                                                     guint               polygon,
                                                     double              x,
                                                     double              y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilkGeometry, silk_geometry_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilkGeometryBuilder, silk_geometry_builder_free)

G_END_DECLS
