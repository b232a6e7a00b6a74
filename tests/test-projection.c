/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "silk-projection.h"

typedef struct
{
  const char *name;
  double lon;
  double lat;
} City;

static const City beijing = { "Beijing", 116.4074, 39.9042 };
static const City astana = { "Astana", 71.4304, 51.1282 };
static const City tashkent = { "Tashkent", 69.2401, 41.2995 };
static const City bishkek = { "Bishkek", 74.5698, 42.8746 };
static const City dushanbe = { "Dushanbe", 68.7870, 38.5598 };
static const City urumqi = { "Urumqi", 87.6168, 43.8256 };

static void
project (const City *city,
         double     *x,
         double     *y)
{
  silk_projection_forward (silk_projection_get_region (), city->lon, city->lat, x, y);
}

static double
great_circle_km (const City *a,
                 const City *b)
{
  double p1 = a->lat * G_PI / 180, p2 = b->lat * G_PI / 180;
  double dp = p2 - p1, dl = (b->lon - a->lon) * G_PI / 180;
  double h = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  return 2 * SILK_EARTH_RADIUS_KM * asin (sqrt (h));
}

static void
test_round_trip (void)
{
  const SilkProjection *projection = silk_projection_get_region ();

  for (double lon = -179.5; lon <= 180; lon += 6.5)
    for (double lat = -60; lat <= 85; lat += 4.5)
      {
        double x, y, lon2, lat2;

        silk_projection_forward (projection, lon, lat, &x, &y);
        g_assert_true (isfinite (x) && isfinite (y));
        silk_projection_inverse (projection, x, y, &lon2, &lat2);
        g_assert_cmpfloat_with_epsilon (lat2, lat, 1e-9);
        g_assert_cmpfloat_with_epsilon (lon2, lon, 1e-9);
      }
}

static void
test_origin (void)
{
  double x, y;

  /* The origin lies at the central meridian and the origin latitude. */
  silk_projection_forward (silk_projection_get_region (), 90, 38, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-9);

  /* True scale on the standard parallels, a little less between them. */
  g_assert_cmpfloat_with_epsilon (silk_projection_scale_factor (silk_projection_get_region (), 30), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (silk_projection_scale_factor (silk_projection_get_region (), 50), 1, 1e-9);
  g_assert_cmpfloat (silk_projection_scale_factor (silk_projection_get_region (), 40), <, 1);
  g_assert_cmpfloat (silk_projection_scale_factor (silk_projection_get_region (), 40), >, 0.97);
}

static void
test_relative_positions (void)
{
  double bx, by, ax, ay, tx, ty, kx, ky, dx, dy;

  project (&beijing, &bx, &by);
  project (&astana, &ax, &ay);
  project (&tashkent, &tx, &ty);
  project (&bishkek, &kx, &ky);
  project (&dushanbe, &dx, &dy);

  g_assert_cmpfloat (bx, >, ax + 2500);   /* Beijing lies far east of Astana */
  g_assert_cmpfloat (tx, <, kx);          /* Tashkent west of Bishkek */
  g_assert_cmpfloat (ay, >, dy + 1000);   /* Astana well north of Dushanbe */
  /* x grows east and y north in kilometres: Bishkek is about 440 km east-north-east
   * of Tashkent. */
  g_assert_cmpfloat (kx - tx, >, 350);
  g_assert_cmpfloat (kx - tx, <, 500);
}

static void
test_distances (void)
{
  const City *pairs[][2] = {
    { &beijing, &astana }, { &tashkent, &bishkek }, { &astana, &dushanbe },
    { &urumqi, &beijing }, { &dushanbe, &urumqi },
  };

  /* Conformal with standard parallels bracketing the region: projected distances
   * stay within a few percent of the true ones. */
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      double x1, y1, x2, y2;
      double truth = great_circle_km (pairs[i][0], pairs[i][1]);
      double projected;

      project (pairs[i][0], &x1, &y1);
      project (pairs[i][1], &x2, &y2);
      projected = hypot (x2 - x1, y2 - y1);
      if (fabs (projected / truth - 1) > 0.04)
        g_error ("%s–%s: projected %.0f km, true %.0f km", pairs[i][0]->name,
                 pairs[i][1]->name, projected, truth);
    }
}

static void
test_project_geometry (void)
{
  g_autoptr(SilkGeometryBuilder) builder = silk_geometry_builder_new (SILK_GEOMETRY_POLYGONS);
  g_autoptr(SilkGeometry) geometry = NULL;
  g_autoptr(SilkGeometry) projected = NULL;
  double x, y;

  /* A square with a hole, and a second polygon. */
  silk_geometry_builder_add_point (builder, 70, 40);
  silk_geometry_builder_add_point (builder, 80, 40);
  silk_geometry_builder_add_point (builder, 80, 45);
  silk_geometry_builder_add_point (builder, 70, 45);
  silk_geometry_builder_add_point (builder, 70, 40);
  silk_geometry_builder_end_part (builder, TRUE);
  silk_geometry_builder_add_point (builder, 74, 42);
  silk_geometry_builder_add_point (builder, 74, 43);
  silk_geometry_builder_add_point (builder, 76, 43);
  silk_geometry_builder_add_point (builder, 74, 42);
  silk_geometry_builder_end_part (builder, FALSE);
  silk_geometry_builder_add_point (builder, 100, 30);
  silk_geometry_builder_add_point (builder, 101, 30);
  silk_geometry_builder_add_point (builder, 101, 31);
  silk_geometry_builder_add_point (builder, 100, 30);
  silk_geometry_builder_end_part (builder, TRUE);
  geometry = silk_geometry_builder_finish (builder);

  projected = silk_projection_project (silk_projection_get_region (), geometry);
  g_assert_cmpuint (projected->n_points, ==, geometry->n_points);
  g_assert_cmpuint (projected->n_parts, ==, 3);
  g_assert_cmpuint (projected->n_polygons, ==, 2);
  g_assert_true (projected->parts[1].hole);
  g_assert_false (projected->parts[2].hole);
  silk_projection_forward (silk_projection_get_region (), 80, 45, &x, &y);
  g_assert_cmpfloat_with_epsilon (projected->points[2].x, x, 1e-9);
  g_assert_cmpfloat_with_epsilon (projected->points[2].y, y, 1e-9);
  g_assert_true (silk_bounds_contains_point (&projected->bounds, x, y));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/projection/round-trip", test_round_trip);
  g_test_add_func ("/projection/origin", test_origin);
  g_test_add_func ("/projection/relative-positions", test_relative_positions);
  g_test_add_func ("/projection/distances", test_distances);
  g_test_add_func ("/projection/geometry", test_project_geometry);

  return g_test_run ();
}
