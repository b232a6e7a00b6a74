/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "silk-geometry.h"

G_BEGIN_DECLS

/* A JSON parser that builds the same tree as json-glib's JsonParser, several times
 * faster: JsonParser emits a GObject signal for every array element and object
 * member and scans with a general-purpose tokenizer, which made it most of the time
 * the loader took. It refuses exactly what silk_json_check() refuses, so that the
 * loader needs the checker only to explain a refusal.
 *
 * It can also keep GeoJSON coordinates out of the tree. The value of each member
 * named "coordinates" that is made of arrays and numbers only, with positions of
 * two numbers all at the same depth, is then read straight into an array of points,
 * and the tree holds an empty array in its place: a 1:10m outline would otherwise
 * cost three tree nodes per vertex. silk_json_coordinates_take_geometry() builds
 * the geometry from those points, or, when they do not form a valid geometry, puts
 * the full tree in the placeholder's stead so that the loader checks it and reports
 * what is wrong as it does for any other value. */

typedef struct _SilkJsonCoordinates SilkJsonCoordinates;

/* Parses @data, any bytes. @data must stay alive as long as *@coordinates. With
 * @coordinates not NULL, sets it to the coordinates kept out of the tree (free with
 * silk_json_coordinates_free()). Returns NULL for a text silk_json_check() refuses,
 * setting @error (SILK_LOAD_ERROR_SYNTAX, a short message) and @error_offset to
 * where the parser stopped. */
JsonNode     *silk_json_parse                     (const char           *data,
                                                   gsize                 length,
                                                   SilkJsonCoordinates **coordinates,
                                                   gsize                *error_offset,
                                                   GError              **error);

/* The geometry that @node, a placeholder of @coordinates, holds, when its shape is
 * that of @type (@multi: a MultiLineString or MultiPolygon) and it passes every
 * check the loader makes of coordinates: positions in range, lines of two
 * positions or more, rings of four or more that close and, for outer rings, do not
 * cross themselves, at most SILK_LOAD_MAX_POSITIONS positions. Otherwise, or when
 * @node is no placeholder, returns NULL, and @node holds the full tree. */
SilkGeometry *silk_json_coordinates_take_geometry (SilkJsonCoordinates  *coordinates,
                                                   JsonNode             *node,
                                                   SilkGeometryType      type,
                                                   gboolean              multi);

/* Checks the rings of the placeholders of @coordinates shaped as a Polygon or
 * MultiPolygon now, as silk_json_coordinates_take_geometry() would for @type
 * SILK_GEOMETRY_POLYGONS, which then uses the result: the crossing test is most of
 * the cost of taking a polygon, and this can run on other threads. The
 * placeholders are shared out by their number of positions into @n_parts parts;
 * this checks part @part. Parts may be checked at once on different threads, but
 * not while the placeholders are taken. */
void          silk_json_coordinates_check_polygons (SilkJsonCoordinates *coordinates,
                                                    guint                part,
                                                    guint                n_parts);

void          silk_json_coordinates_free          (SilkJsonCoordinates  *coordinates);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilkJsonCoordinates, silk_json_coordinates_free)

G_END_DECLS
