/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "silk-geometry.h"

/* A 10 × 10 square from (0, 0) with a 2 × 2 hole in its middle, counter-clockwise
 * outside and clockwise inside, as RFC 7946 asks. */
static SilkGeometry *
square_with_hole (void)
{
  g_autoptr(SilkGeometryBuilder) builder = silk_geometry_builder_new (SILK_GEOMETRY_POLYGONS);
  static const SilkPoint outer[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 }, { 0, 0 } };
  static const SilkPoint hole[] = { { 4, 4 }, { 4, 6 }, { 6, 6 }, { 6, 4 }, { 4, 4 } };

  for (guint i = 0; i < G_N_ELEMENTS (outer); i++)
    silk_geometry_builder_add_point (builder, outer[i].x, outer[i].y);
  silk_geometry_builder_end_part (builder, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (hole); i++)
    silk_geometry_builder_add_point (builder, hole[i].x, hole[i].y);
  silk_geometry_builder_end_part (builder, FALSE);

  return silk_geometry_builder_finish (builder);
}

static void
test_builder_parts (void)
{
  g_autoptr(SilkGeometry) geometry = square_with_hole ();
  g_autoptr(SilkGeometry) copy = NULL;
  g_autoptr(SilkGeometryBuilder) builder = silk_geometry_builder_new (SILK_GEOMETRY_POLYGONS);
  g_autoptr(SilkGeometry) two = NULL;

  g_assert_cmpint (geometry->type, ==, SILK_GEOMETRY_POLYGONS);
  g_assert_cmpuint (geometry->n_points, ==, 10);
  g_assert_cmpuint (geometry->n_parts, ==, 2);
  g_assert_cmpuint (geometry->n_polygons, ==, 1);
  g_assert_cmpuint (geometry->parts[0].first, ==, 0);
  g_assert_cmpuint (geometry->parts[0].n_points, ==, 5);
  g_assert_false (geometry->parts[0].hole);
  g_assert_cmpuint (geometry->parts[1].first, ==, 5);
  g_assert_cmpuint (geometry->parts[1].n_points, ==, 5);
  g_assert_true (geometry->parts[1].hole);
  g_assert_cmpuint (geometry->parts[1].polygon, ==, 0);

  copy = silk_geometry_ref (geometry);
  g_assert_true (copy == geometry);

  /* Two polygons: the second ring opens a new one. */
  for (guint p = 0; p < 2; p++)
    {
      silk_geometry_builder_add_point (builder, p * 20, 0);
      silk_geometry_builder_add_point (builder, p * 20 + 1, 0);
      silk_geometry_builder_add_point (builder, p * 20 + 1, 1);
      silk_geometry_builder_add_point (builder, p * 20, 0);
      silk_geometry_builder_end_part (builder, TRUE);
    }
  two = silk_geometry_builder_finish (builder);
  g_assert_cmpuint (two->n_polygons, ==, 2);
  g_assert_cmpuint (two->parts[1].polygon, ==, 1);
  g_assert_false (two->parts[1].hole);
  g_assert_true (g_type_is_a (SILK_TYPE_GEOMETRY, G_TYPE_BOXED));
}

static void
test_ring_closure (void)
{
  static const SilkPoint closed[] = { { 1, 1 }, { 2, 1 }, { 2, 2 }, { 1, 1 } };
  static const SilkPoint open[] = { { 1, 1 }, { 2, 1 }, { 2, 2 }, { 1, 1.000001 } };

  g_assert_true (silk_ring_is_closed (closed, G_N_ELEMENTS (closed)));
  g_assert_false (silk_ring_is_closed (open, G_N_ELEMENTS (open)));
  g_assert_false (silk_ring_is_closed (closed, 0));
}

static void
test_signed_area (void)
{
  static const SilkPoint ccw[] = { { 0, 0 }, { 4, 0 }, { 4, 3 }, { 0, 3 }, { 0, 0 } };
  static const SilkPoint cw[] = { { 0, 0 }, { 0, 3 }, { 4, 3 }, { 4, 0 }, { 0, 0 } };
  /* The same triangle far from the origin: the area must not lose precision. */
  static const SilkPoint far[] = { { 179, 89 }, { 180, 89 }, { 180, 90 }, { 179, 89 } };

  g_assert_cmpfloat_with_epsilon (silk_ring_signed_area2 (ccw, G_N_ELEMENTS (ccw)), 24.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (silk_ring_signed_area2 (cw, G_N_ELEMENTS (cw)), -24.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (silk_ring_signed_area2 (far, G_N_ELEMENTS (far)), 1.0, 1e-12);
  g_assert_cmpfloat (silk_ring_signed_area2 (ccw, 2), ==, 0.0);
}

static void
test_bounds (void)
{
  g_autoptr(SilkGeometry) geometry = square_with_hole ();
  SilkBounds bounds, other = { 20, 20, 30, 30 };

  silk_bounds_init_empty (&bounds);
  g_assert_true (silk_bounds_is_empty (&bounds));
  g_assert_false (silk_bounds_intersects (&bounds, &geometry->bounds));

  silk_bounds_add_point (&bounds, 3, -2);
  g_assert_false (silk_bounds_is_empty (&bounds));
  g_assert_cmpfloat (bounds.min_x, ==, 3);
  g_assert_cmpfloat (bounds.max_x, ==, 3);

  silk_bounds_union (&bounds, &geometry->bounds);
  g_assert_cmpfloat (bounds.min_x, ==, 0);
  g_assert_cmpfloat (bounds.min_y, ==, -2);
  g_assert_cmpfloat (bounds.max_x, ==, 10);
  g_assert_cmpfloat (bounds.max_y, ==, 10);

  g_assert_cmpfloat (geometry->bounds.min_x, ==, 0);
  g_assert_cmpfloat (geometry->bounds.max_y, ==, 10);
  g_assert_true (silk_bounds_contains_point (&geometry->bounds, 10, 10));
  g_assert_false (silk_bounds_contains_point (&geometry->bounds, 10.5, 5));
  g_assert_false (silk_bounds_intersects (&geometry->bounds, &other));
  other.min_x = 10;
  other.min_y = 5;
  g_assert_true (silk_bounds_intersects (&geometry->bounds, &other));
}

static void
test_point_checks (void)
{
  g_assert_true (silk_point_is_lonlat (-180, 90));
  g_assert_true (silk_point_is_lonlat (75.99, 39.47));
  g_assert_false (silk_point_is_lonlat (180.5, 0));
  g_assert_false (silk_point_is_lonlat (0, -90.01));
  g_assert_false (silk_point_is_lonlat (NAN, 0));
  g_assert_false (silk_point_is_finite (INFINITY, 0));
  g_assert_true (silk_point_is_finite (1e300, -1e300));
}

static void
test_point_in_polygon (void)
{
  g_autoptr(SilkGeometry) geometry = square_with_hole ();

  g_assert_true (silk_geometry_contains_point (geometry, 1, 1));
  g_assert_true (silk_geometry_contains_point (geometry, 9, 5));
  g_assert_false (silk_geometry_contains_point (geometry, 5, 5));   /* in the hole */
  g_assert_false (silk_geometry_contains_point (geometry, -1, 5));
  g_assert_false (silk_geometry_contains_point (geometry, 11, 5));
  /* A ray through a vertex of the hole must not count it twice. */
  g_assert_true (silk_geometry_contains_point (geometry, 2, 4));
  g_assert_true (silk_geometry_contains_point (geometry, 2, 6));
}

static void
test_polygon_signed_distance (void)
{
  g_autoptr(SilkGeometryBuilder) builder = silk_geometry_builder_new (SILK_GEOMETRY_POLYGONS);
  g_autoptr(SilkGeometry) geometry = square_with_hole ();
  g_autoptr(SilkGeometry) two = NULL;
  static const SilkPoint island[] = { { 20, 0 }, { 22, 0 }, { 22, 2 }, { 20, 2 } };

  for (guint i = 0; i < geometry->n_parts; i++)
    {
      silk_geometry_builder_add_points (builder, &geometry->points[geometry->parts[i].first],
                                        geometry->parts[i].n_points);
      silk_geometry_builder_end_part (builder, !geometry->parts[i].hole);
    }
  silk_geometry_builder_add_points (builder, island, G_N_ELEMENTS (island));
  silk_geometry_builder_end_part (builder, TRUE);
  two = silk_geometry_builder_finish (builder);
  g_assert_cmpuint (two->n_polygons, ==, 2);

  /* Inside: positive, the nearest edge of the outer ring or of the hole. */
  g_assert_cmpfloat_with_epsilon (silk_geometry_polygon_signed_distance (two, 0, 2, 5), 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (silk_geometry_polygon_signed_distance (two, 0, 1, 1), 1.0, 1e-12);
  /* In the hole and beyond the outer ring: negative. */
  g_assert_cmpfloat_with_epsilon (silk_geometry_polygon_signed_distance (two, 0, 5, 5), -1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (silk_geometry_polygon_signed_distance (two, 0, 13, 5), -3.0, 1e-12);
  /* The other polygon does not count, inside or out. */
  g_assert_cmpfloat_with_epsilon (silk_geometry_polygon_signed_distance (two, 0, 21, 1), -11.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (silk_geometry_polygon_signed_distance (two, 1, 21, 1), 1.0, 1e-12);
  /* An unclosed ring still has its closing edge. */
  g_assert_cmpfloat_with_epsilon (silk_geometry_polygon_signed_distance (two, 1, 19, 1), -1.0, 1e-12);
}

static void
test_distance_to_line (void)
{
  g_autoptr(SilkGeometryBuilder) builder = silk_geometry_builder_new (SILK_GEOMETRY_LINES);
  g_autoptr(SilkGeometryBuilder) empty_builder = silk_geometry_builder_new (SILK_GEOMETRY_LINES);
  g_autoptr(SilkGeometry) line = NULL;
  g_autoptr(SilkGeometry) empty = NULL;
  g_autoptr(SilkGeometry) square = square_with_hole ();

  silk_geometry_builder_add_point (builder, 0, 0);
  silk_geometry_builder_add_point (builder, 10, 0);
  silk_geometry_builder_add_point (builder, 10, 10);
  silk_geometry_builder_end_part (builder, FALSE);
  line = silk_geometry_builder_finish (builder);

  g_assert_cmpfloat_with_epsilon (silk_geometry_distance_to (line, 5, 3), 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (silk_geometry_distance_to (line, 12, 5), 2.0, 1e-12);
  /* Beyond the end: the distance to the end point. */
  g_assert_cmpfloat_with_epsilon (silk_geometry_distance_to (line, -3, -4), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (silk_geometry_distance_to (line, 10, 10), 0.0, 1e-12);

  /* For polygons, the outline counts, hole included. */
  g_assert_cmpfloat_with_epsilon (silk_geometry_distance_to (square, 5, 5), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (silk_geometry_distance_to (square, 5, -2), 2.0, 1e-12);

  empty = silk_geometry_builder_finish (empty_builder);
  g_assert_cmpuint (empty->n_parts, ==, 0);
  g_assert_true (silk_bounds_is_empty (&empty->bounds));
  g_assert_cmpfloat (silk_geometry_distance_to (empty, 0, 0), ==, G_MAXDOUBLE);
}

static void
test_ring_crossing (void)
{
  static const SilkPoint bowtie[] = { { 0, 0 }, { 1, 1 }, { 1, 0 }, { 0, 1 }, { 0, 0 } };
  static const SilkPoint square[] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { 0, 0 } };
  /* Touches itself at (1, 1) without crossing. */
  static const SilkPoint touching[] = {
    { 0, 0 }, { 2, 0 }, { 2, 1 }, { 1, 1 }, { 2, 2 }, { 0, 2 }, { 1, 1 }, { 0, 1 }, { 0, 0 }
  };
  g_autofree SilkPoint *circle = NULL;
  guint n = 20001;
  guint a = 0, b = 0;

  g_assert_true (silk_ring_find_crossing (bowtie, G_N_ELEMENTS (bowtie), &a, &b));
  g_assert_cmpuint (a, ==, 0);
  g_assert_cmpuint (b, ==, 2);
  g_assert_false (silk_ring_find_crossing (square, G_N_ELEMENTS (square), &a, &b));
  g_assert_false (silk_ring_find_crossing (touching, G_N_ELEMENTS (touching), NULL, NULL));

  /* A large ring, as in the 1:10m data: simple, then with one vertex pulled across
   * the ring so that its edges cross the far side. */
  circle = g_new (SilkPoint, n);
  for (guint i = 0; i + 1 < n; i++)
    {
      double angle = 2 * G_PI * i / (n - 1);

      circle[i].x = 70 + 10 * cos (angle);
      circle[i].y = 40 + 5 * sin (angle);
    }
  circle[n - 1] = circle[0];
  g_assert_false (silk_ring_find_crossing (circle, n, NULL, NULL));

  /* The top vertex pulled below the bottom of the ring. */
  circle[5000].y = 30;
  g_assert_true (silk_ring_find_crossing (circle, n, &a, &b));
  g_assert_true (a == 4999 || a == 5000 || b == 4999 || b == 5000);
}

static gboolean
proper_crossing (const SilkPoint *a,
                 const SilkPoint *b,
                 const SilkPoint *c,
                 const SilkPoint *d)
{
  double o1 = (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
  double o2 = (b->x - a->x) * (d->y - a->y) - (b->y - a->y) * (d->x - a->x);
  double o3 = (d->x - c->x) * (a->y - c->y) - (d->y - c->y) * (a->x - c->x);
  double o4 = (d->x - c->x) * (b->y - c->y) - (d->y - c->y) * (b->x - c->x);

  return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
}

/* The sweeps against every pair of edges, on rings large enough for the sweeps
 * (more than 32 points): star-shaped rings, simple by construction, on a coarse
 * grid so that edges touch, overlap and meet at vertices, with one vertex moved at
 * random often enough to make them cross. */
static void
test_ring_crossing_random (void)
{
  guint n_simple = 0, n_crossing = 0;

  for (guint attempt = 0; attempt < 2000; attempt++)
    {
      guint n = g_test_rand_int_range (33, 160);
      g_autofree SilkPoint *ring = g_new (SilkPoint, n + 1);
      gboolean brute = FALSE;
      guint a = 0, b = 0;

      for (guint i = 0; i < n; i++)
        {
          double angle = 2 * G_PI * i / n;
          double radius = g_test_rand_int_range (5, 40);

          ring[i].x = round (50 + radius * cos (angle));
          ring[i].y = round (50 + radius * sin (angle));
        }
      if (attempt % 2 == 0)
        {
          guint moved = g_test_rand_int_range (1, n);

          ring[moved].x = g_test_rand_int_range (10, 90);
          ring[moved].y = g_test_rand_int_range (10, 90);
        }
      ring[n] = ring[0];

      for (guint i = 0; i < n && !brute; i++)
        for (guint j = i + 1; j < n && !brute; j++)
          brute = proper_crossing (&ring[i], &ring[i + 1], &ring[j], &ring[j + 1]);

      if (brute)
        {
          g_assert_true (silk_ring_find_crossing (ring, n + 1, &a, &b));
          g_assert_true (proper_crossing (&ring[a], &ring[a + 1], &ring[b], &ring[b + 1]));
          n_crossing++;
        }
      else
        {
          g_assert_false (silk_ring_find_crossing (ring, n + 1, NULL, NULL));
          n_simple++;
        }
    }
  /* Both answers were asked for often. */
  g_assert_cmpuint (n_simple, >, 300);
  g_assert_cmpuint (n_crossing, >, 300);
}

/* The bounded check gives up on a zigzag whose every edge spans the same
 * longitudes, which would take the unbounded sweep time in the square of its size,
 * and otherwise finds what the unbounded one finds. */
static void
test_ring_crossing_bounded (void)
{
  static const SilkPoint bowtie[] = { { 0, 0 }, { 1, 1 }, { 1, 0 }, { 0, 1 }, { 0, 0 } };
  const guint n = 200;
  g_autofree SilkPoint *zigzag = g_new (SilkPoint, n + 4);
  g_autofree SilkPoint *circle = g_new (SilkPoint, n + 1);
  guint a = 0, b = 0;

  for (guint i = 0; i < n; i++)
    {
      zigzag[i].x = i % 2 ? 70 : 60;
      zigzag[i].y = 40 + 5.0 * i / n;
    }
  zigzag[n] = (SilkPoint) { 71, 46 };
  zigzag[n + 1] = (SilkPoint) { 71, 39 };
  zigzag[n + 2] = (SilkPoint) { 59, 39 };
  zigzag[n + 3] = zigzag[0];

  g_assert_cmpint (silk_ring_check_crossing (zigzag, n + 4, G_MAXUINT, NULL, NULL), ==,
                   SILK_RING_SIMPLE);
  g_assert_cmpint (silk_ring_check_crossing (zigzag, n + 4, n / 2, NULL, NULL), ==,
                   SILK_RING_TOO_INTRICATE);

  g_assert_cmpint (silk_ring_check_crossing (bowtie, G_N_ELEMENTS (bowtie), 1, &a, &b), ==,
                   SILK_RING_CROSSES);
  g_assert_cmpuint (a, ==, 0);
  g_assert_cmpuint (b, ==, 2);

  /* A round ring crosses any meridian twice, or meets it at a vertex where two edges
   * end and two begin: a bound of 4 is enough. */
  for (guint i = 0; i < n; i++)
    {
      circle[i].x = 70 + 10 * cos (2 * G_PI * i / n);
      circle[i].y = 40 + 5 * sin (2 * G_PI * i / n);
    }
  circle[n] = circle[0];
  g_assert_cmpint (silk_ring_check_crossing (circle, n + 1, 4, NULL, NULL), ==,
                   SILK_RING_SIMPLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geometry/builder-parts", test_builder_parts);
  g_test_add_func ("/geometry/ring-closure", test_ring_closure);
  g_test_add_func ("/geometry/signed-area", test_signed_area);
  g_test_add_func ("/geometry/bounds", test_bounds);
  g_test_add_func ("/geometry/point-checks", test_point_checks);
  g_test_add_func ("/geometry/point-in-polygon", test_point_in_polygon);
  g_test_add_func ("/geometry/distance-to-line", test_distance_to_line);
  g_test_add_func ("/geometry/polygon-signed-distance", test_polygon_signed_distance);
  g_test_add_func ("/geometry/ring-crossing", test_ring_crossing);
  g_test_add_func ("/geometry/ring-crossing-bounded", test_ring_crossing_bounded);
  g_test_add_func ("/geometry/ring-crossing-random", test_ring_crossing_random);

  return g_test_run ();
}
