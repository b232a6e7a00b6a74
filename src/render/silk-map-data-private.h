/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-map-data.h"

G_BEGIN_DECLS

/* What the renderer reads of a SilkMapData. */

typedef struct
{
  SilkCountry *country;
  int tint;                /* -1 for neighbours */
  SilkPoint label;         /* projected */
  gboolean has_label;
  SilkBounds bounds;       /* projected, coarsest level */
} SilkMapCountry;

typedef struct
{
  SilkProject *project;
  SilkGeometry *line;      /* projected */
} SilkMapRoute;

typedef struct
{
  SilkPlace *place;
  SilkPoint point;         /* projected */
  gboolean is_capital;
  gboolean is_route_end;   /* the first or last place a drawn project connects */
} SilkMapPlace;

typedef struct
{
  SilkFeature *feature;
  SilkGeometry *geometry;  /* projected */
  double length;           /* of all its lines or rings, projected kilometres */
} SilkMapFeature;

/* Arrays, owned by @data. */
const SilkMapCountry *silk_map_data_get_countries       (SilkMapData *data,
                                                         guint       *n_countries);
const SilkMapRoute   *silk_map_data_get_routes          (SilkMapData *data,
                                                         guint       *n_routes);
const SilkMapPlace   *silk_map_data_get_places          (SilkMapData *data,
                                                         guint       *n_places);
const SilkMapFeature *silk_map_data_get_lakes           (SilkMapData *data,
                                                         guint       *n_lakes);
const SilkMapFeature *silk_map_data_get_rivers          (SilkMapData *data,
                                                         guint       *n_rivers);
/* Projected geometry of country @i at @level; projects the level on first use. */
SilkGeometry         *silk_map_data_get_country_geometry (SilkMapData *data,
                                                          guint        i,
                                                          guint        level);
const SilkMapFeature *silk_map_data_get_borders         (SilkMapData *data,
                                                         guint        level,
                                                         guint       *n_borders);
const SilkMapCountry *silk_map_data_find_country        (SilkMapData *data,
                                                         SilkItem    *item,
                                                         guint       *index);
const SilkMapRoute   *silk_map_data_find_route          (SilkMapData *data,
                                                         SilkItem    *item);
const SilkMapPlace   *silk_map_data_find_place          (SilkMapData *data,
                                                         SilkItem    *item);

G_END_DECLS
