/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "silk-projection.h"

#include <math.h>

#define DEG (G_PI / 180.0)

static double
clamp_latitude (double latitude)
{
  return CLAMP (latitude, -89.0, 89.0);
}

void
silk_projection_init_lcc (SilkProjection *projection,
                          double          standard_parallel_1,
                          double          standard_parallel_2,
                          double          central_meridian,
                          double          origin_latitude)
{
  double phi1 = standard_parallel_1 * DEG;
  double phi2 = standard_parallel_2 * DEG;
  double phi0 = origin_latitude * DEG;

  g_return_if_fail (projection != NULL);

  /* Snyder, "Map Projections: A Working Manual", equations 15-1 to 15-3. */
  if (fabs (phi1 - phi2) < 1e-10)
    projection->n = sin (phi1);
  else
    projection->n = log (cos (phi1) / cos (phi2))
                    / log (tan (G_PI / 4 + phi2 / 2) / tan (G_PI / 4 + phi1 / 2));
  projection->F = cos (phi1) * pow (tan (G_PI / 4 + phi1 / 2), projection->n) / projection->n;
  projection->F *= SILK_EARTH_RADIUS_KM;
  projection->rho0 = projection->F / pow (tan (G_PI / 4 + phi0 / 2), projection->n);
  projection->lon0 = central_meridian * DEG;
}

const SilkProjection *
silk_projection_get_region (void)
{
  static SilkProjection region;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      silk_projection_init_lcc (&region, 30.0, 50.0, 90.0, 38.0);
      g_once_init_leave (&initialized, 1);
    }

  return &region;
}

void
silk_projection_forward (const SilkProjection *projection,
                         double                longitude,
                         double                latitude,
                         double               *x,
                         double               *y)
{
  double dlon = longitude * DEG - projection->lon0;
  double phi = clamp_latitude (latitude) * DEG;
  double rho;
  double theta;

  /* Keep the meridian difference in (-π, π] so that a ring crossing the antimeridian
   * stays in one piece; the seam then lies opposite the central meridian, far from
   * the region. */
  if (dlon > G_PI)
    dlon -= 2 * G_PI;
  else if (dlon <= -G_PI)
    dlon += 2 * G_PI;

  rho = projection->F / pow (tan (G_PI / 4 + phi / 2), projection->n);
  theta = projection->n * dlon;
  *x = rho * sin (theta);
  *y = projection->rho0 - rho * cos (theta);
}

void
silk_projection_inverse (const SilkProjection *projection,
                         double                x,
                         double                y,
                         double               *longitude,
                         double               *latitude)
{
  double dy = projection->rho0 - y;
  double rho = copysign (sqrt (x * x + dy * dy), projection->n);
  double theta;
  double lon;

  if (projection->n < 0)
    theta = atan2 (-x, -dy);
  else
    theta = atan2 (x, dy);

  if (rho == 0)
    *latitude = copysign (90.0, projection->n);
  else
    *latitude = (2 * atan (pow (projection->F / rho, 1 / projection->n)) - G_PI / 2) / DEG;

  lon = (theta / projection->n + projection->lon0) / DEG;
  while (lon > 180.0)
    lon -= 360.0;
  while (lon < -180.0)
    lon += 360.0;
  *longitude = lon;
}

double
silk_projection_scale_factor (const SilkProjection *projection,
                              double                latitude)
{
  double phi = clamp_latitude (latitude) * DEG;
  double rho = projection->F / pow (tan (G_PI / 4 + phi / 2), projection->n);

  return rho * projection->n / (SILK_EARTH_RADIUS_KM * cos (phi));
}

SilkGeometry *
silk_projection_project (const SilkProjection *projection,
                         const SilkGeometry   *geometry)
{
  g_autoptr(SilkGeometryBuilder) builder = NULL;
  guint last_polygon = G_MAXUINT;

  g_return_val_if_fail (projection != NULL, NULL);
  g_return_val_if_fail (geometry != NULL, NULL);

  builder = silk_geometry_builder_new (geometry->type);

  if (geometry->n_parts == 0)
    {
      /* A point geometry may have no parts: project its points one by one. */
      for (guint i = 0; i < geometry->n_points; i++)
        {
          double x, y;

          silk_projection_forward (projection, geometry->points[i].x, geometry->points[i].y,
                                   &x, &y);
          silk_geometry_builder_add_point (builder, x, y);
        }
      return silk_geometry_builder_finish (builder);
    }

  for (guint p = 0; p < geometry->n_parts; p++)
    {
      const SilkPart *part = &geometry->parts[p];
      gboolean new_polygon;

      for (guint i = 0; i < part->n_points; i++)
        {
          const SilkPoint *pt = &geometry->points[part->first + i];
          double x, y;

          silk_projection_forward (projection, pt->x, pt->y, &x, &y);
          silk_geometry_builder_add_point (builder, x, y);
        }

      new_polygon = geometry->type == SILK_GEOMETRY_POLYGONS && part->polygon != last_polygon;
      last_polygon = part->polygon;
      silk_geometry_builder_end_part (builder, new_polygon);
    }

  return silk_geometry_builder_finish (builder);
}
