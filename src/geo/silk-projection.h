/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-geometry.h"

G_BEGIN_DECLS

/* A spherical Lambert conformal conic projection. Projected coordinates are in
 * kilometres on the ground at the standard parallels, x east and y north, with
 * (0, 0) at the origin (central meridian, origin latitude).
 *
 * Conformal, so shapes of countries and the angles of routes read true at any zoom;
 * the two standard parallels bracket the region so the scale error stays under
 * about 4 % from the Caspian to the Pacific coast. */
typedef struct
{
  double lon0;   /* central meridian, radians */
  double n;      /* cone constant */
  double F;      /* scaled so that rho is in kilometres */
  double rho0;   /* rho at the origin latitude */
} SilkProjection;

/* Mean Earth radius (IUGG), kilometres. */
#define SILK_EARTH_RADIUS_KM 6371.0088

void                  silk_projection_init_lcc      (SilkProjection       *projection,
                                                     double                standard_parallel_1,
                                                     double                standard_parallel_2,
                                                     double                central_meridian,
                                                     double                origin_latitude);
/* The projection fitted to China and Central Asia: standard parallels 30°N and 50°N,
 * central meridian 90°E, origin latitude 38°N. */
const SilkProjection *silk_projection_get_region    (void);

/* Degrees in, kilometres out. Latitudes are clamped to [-89, 89] since the cone's
 * apex lies at the pole. */
void                  silk_projection_forward       (const SilkProjection *projection,
                                                     double                longitude,
                                                     double                latitude,
                                                     double               *x,
                                                     double               *y);
/* Kilometres in, degrees out (longitude in [-180, 180]). */
void                  silk_projection_inverse       (const SilkProjection *projection,
                                                     double                x,
                                                     double                y,
                                                     double               *longitude,
                                                     double               *latitude);
/* A projected copy of a geometry in degrees: same parts, projected points and
 * bounds. */
SilkGeometry         *silk_projection_project       (const SilkProjection *projection,
                                                     const SilkGeometry   *geometry);
/* Scale factor of the projection at @latitude (1 at the standard parallels): the
 * ratio of projected distance to true ground distance. */
double                silk_projection_scale_factor  (const SilkProjection *projection,
                                                     double                latitude);

G_END_DECLS
