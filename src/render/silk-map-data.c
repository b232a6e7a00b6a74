/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "silk-map-data-private.h"

#include <math.h>

#include "silk-palette.h"
#include "silk-spatial-index.h"
#include "silk-view.h"

struct _SilkMapData
{
  gatomicrefcount ref_count;

  SilkDocument *document;
  const SilkProjection *projection;
  guint n_levels;

  GArray *countries;          /* SilkMapCountry */
  GArray *routes;             /* SilkMapRoute */
  GArray *places;             /* SilkMapPlace */
  SilkBounds region;

  /* Mean segment length of each level, kilometres. */
  double *level_km;

  /* Built on first use, under @lock; never freed before the data, so that pointers
   * handed out stay valid. */
  GMutex lock;
  GArray *lakes;                   /* SilkMapFeature, with rivers: see ensure_water() */
  GArray *rivers;                  /* SilkMapFeature */
  SilkGeometry ***country_levels;  /* [level][country] */
  GArray **border_levels;          /* [level] of SilkMapFeature */
  gboolean labels_done;
  SilkSpatialIndex **country_indices;  /* [level] */
  SilkSpatialIndex *lake_index;
  SilkSpatialIndex *route_index;
};

G_DEFINE_BOXED_TYPE (SilkMapData, silk_map_data, silk_map_data_ref, silk_map_data_unref)

/* Tints by country, chosen so that no two members that share a border have similar
 * hues; other atlases' members take the tints in order. */
static const struct
{
  const char *id;
  int tint;
} known_tints[] = {
  { "TJ", 0 }, /* amber */
  { "KZ", 1 }, /* straw */
  { "KG", 2 }, /* sage */
  { "CN", 3 }, /* coral */
  { "UZ", 4 }, /* lilac */
  { "TM", 5 }, /* mint */
};

static void
clear_feature (gpointer p)
{
  SilkMapFeature *feature = p;

  g_clear_pointer (&feature->geometry, silk_geometry_unref);
}

static void
clear_route (gpointer p)
{
  SilkMapRoute *route = p;

  g_clear_pointer (&route->line, silk_geometry_unref);
  g_clear_object (&route->project);
}

static void
clear_place (gpointer p)
{
  SilkMapPlace *place = p;

  g_clear_object (&place->place);
}

static void
clear_country (gpointer p)
{
  SilkMapCountry *country = p;

  g_clear_object (&country->country);
}

static GArray *
project_features (const SilkProjection *projection,
                  GPtrArray            *features)
{
  GArray *result = g_array_sized_new (FALSE, TRUE, sizeof (SilkMapFeature), features->len);

  g_array_set_clear_func (result, clear_feature);
  for (guint i = 0; i < features->len; i++)
    {
      SilkFeature *feature = g_ptr_array_index (features, i);
      SilkMapFeature mapped;

      if (feature->geometry == NULL || feature->geometry->n_points == 0)
        continue;
      mapped.feature = feature;
      mapped.geometry = silk_projection_project (projection, feature->geometry);
      mapped.length = 0;
      for (guint p = 0; p < mapped.geometry->n_parts; p++)
        {
          const SilkPart *part = &mapped.geometry->parts[p];

          for (guint k = 1; k < part->n_points; k++)
            mapped.length += hypot (mapped.geometry->points[part->first + k].x
                                    - mapped.geometry->points[part->first + k - 1].x,
                                    mapped.geometry->points[part->first + k].y
                                    - mapped.geometry->points[part->first + k - 1].y);
        }
      g_array_append_val (result, mapped);
    }
  return result;
}

static double
geometry_length_km (const SilkGeometry *geometry,
                    guint              *n_segments)
{
  double length = 0;

  for (guint p = 0; p < geometry->n_parts; p++)
    {
      const SilkPart *part = &geometry->parts[p];

      for (guint i = 1; i < part->n_points; i++)
        {
          const SilkPoint *a = &geometry->points[part->first + i - 1];
          const SilkPoint *b = &geometry->points[part->first + i];
          double dx = (b->x - a->x) * cos ((a->y + b->y) * G_PI / 360);
          double dy = b->y - a->y;

          length += 111.2 * sqrt (dx * dx + dy * dy);
        }
      *n_segments += part->n_points > 0 ? part->n_points - 1 : 0;
    }
  return length;
}

/* Whether @place ends one of the routes drawn: such places are named on the map
 * whatever their size, since the route's end marker points at them. */
static gboolean
is_route_end (SilkMapData *data,
              SilkPlace   *place)
{
  for (guint i = 0; i < data->routes->len; i++)
    {
      const SilkMapRoute *route = &g_array_index (data->routes, SilkMapRoute, i);
      GPtrArray *connects = silk_project_get_connects (route->project);

      if (connects->len > 0
          && (g_ptr_array_index (connects, 0) == place
              || g_ptr_array_index (connects, connects->len - 1) == place))
        return TRUE;
    }

  return FALSE;
}

SilkMapData *
silk_map_data_new (SilkDocument *document)
{
  SilkMapData *data;
  GListModel *members;
  GListModel *places;
  GListModel *projects;
  GPtrArray *neighbours;
  guint coarsest;
  double coarse_length = 0;
  guint coarse_segments = 0;

  g_return_val_if_fail (SILK_IS_DOCUMENT (document), NULL);

  data = g_new0 (SilkMapData, 1);
  g_atomic_ref_count_init (&data->ref_count);
  g_mutex_init (&data->lock);
  data->document = g_object_ref (document);
  data->projection = silk_projection_get_region ();
  data->n_levels = MAX (silk_document_get_n_detail_levels (document), 1);
  coarsest = data->n_levels - 1;

  data->countries = g_array_new (FALSE, TRUE, sizeof (SilkMapCountry));
  g_array_set_clear_func (data->countries, clear_country);
  data->country_levels = g_new0 (SilkGeometry **, data->n_levels);
  data->border_levels = g_new0 (GArray *, data->n_levels);
  data->country_indices = g_new0 (SilkSpatialIndex *, data->n_levels);
  data->level_km = g_new0 (double, data->n_levels);
  silk_bounds_init_empty (&data->region);

  /* Members first: they are drawn over the neighbours and win a pick. */
  members = silk_document_get_items (document, SILK_ITEM_COUNTRY);
  neighbours = silk_document_get_neighbours (document);
  for (guint i = 0; i < g_list_model_get_n_items (members) + neighbours->len; i++)
    {
      SilkMapCountry country = { 0 };
      guint n_members = g_list_model_get_n_items (members);

      if (i < n_members)
        country.country = g_list_model_get_item (members, i);
      else
        country.country = g_object_ref (g_ptr_array_index (neighbours, i - n_members));

      country.tint = -1;
      if (silk_country_is_member (country.country))
        {
          const char *id = silk_item_get_id (SILK_ITEM (country.country));

          country.tint = i % SILK_PALETTE_N_TINTS;
          for (guint k = 0; k < G_N_ELEMENTS (known_tints); k++)
            if (g_strcmp0 (id, known_tints[k].id) == 0)
              country.tint = known_tints[k].tint;
        }
      g_array_append_val (data->countries, country);
    }

  /* The coarsest level is what a whole-region view draws: project it now. */
  data->country_levels[coarsest] = g_new0 (SilkGeometry *, data->countries->len);
  for (guint i = 0; i < data->countries->len; i++)
    {
      SilkMapCountry *country = &g_array_index (data->countries, SilkMapCountry, i);
      SilkGeometry *geometry = silk_country_get_geometry (country->country, coarsest);

      data->country_levels[coarsest][i] = silk_projection_project (data->projection, geometry);
      country->bounds = data->country_levels[coarsest][i]->bounds;
      if (country->tint >= 0 && data->country_levels[coarsest][i]->n_points > 0)
        silk_bounds_union (&data->region, &country->bounds);
      coarse_length += geometry_length_km (geometry, &coarse_segments);
    }
  if (silk_bounds_is_empty (&data->region))
    silk_bounds_add_point (&data->region, 0, 0);

  /* Simplification keeps the outline's length about the same, so the mean segment
   * of a level is the coarse outline's length over that level's segment count.
   * Level 0 needs none: it is what silk_map_data_choose_level() falls back to
   * (and counting it would read the bundled atlas' deferred 1:10m files now). */
  for (guint level = 1; level < data->n_levels; level++)
    {
      guint n_segments = 0;

      for (guint i = 0; i < data->countries->len; i++)
        {
          SilkMapCountry *country = &g_array_index (data->countries, SilkMapCountry, i);
          SilkGeometry *geometry = silk_country_get_geometry (country->country, level);

          n_segments += geometry->n_points - MIN (geometry->n_parts, geometry->n_points);
        }
      data->level_km[level] = coarse_length / MAX (n_segments, 1);
    }

  data->routes = g_array_new (FALSE, TRUE, sizeof (SilkMapRoute));
  g_array_set_clear_func (data->routes, clear_route);
  projects = silk_document_get_items (document, SILK_ITEM_PROJECT);
  /* Tunnels last: they are drawn over their railway and win a pick on it. */
  for (guint i = 0; i < 2 * g_list_model_get_n_items (projects); i++)
    {
      guint n_projects = g_list_model_get_n_items (projects);
      g_autoptr(SilkProject) project = g_list_model_get_item (projects, i % n_projects);
      SilkGeometry *route = silk_project_get_route (project);
      gboolean tunnel = silk_project_get_mode (project) == SILK_MODE_TUNNEL;
      SilkMapRoute mapped;

      if (route == NULL || route->n_points < 2 || tunnel != (i >= n_projects))
        continue;
      mapped.project = g_object_ref (project);
      mapped.line = silk_projection_project (data->projection, route);
      g_array_append_val (data->routes, mapped);
    }

  data->places = g_array_new (FALSE, TRUE, sizeof (SilkMapPlace));
  g_array_set_clear_func (data->places, clear_place);
  places = silk_document_get_items (document, SILK_ITEM_PLACE);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      SilkMapPlace mapped;

      mapped.place = g_list_model_get_item (places, i);
      mapped.is_capital = silk_place_get_place_kind (mapped.place) == SILK_PLACE_CAPITAL;
      mapped.is_route_end = is_route_end (data, mapped.place);
      silk_projection_forward (data->projection,
                               silk_place_get_longitude (mapped.place),
                               silk_place_get_latitude (mapped.place),
                               &mapped.point.x, &mapped.point.y);
      g_array_append_val (data->places, mapped);
    }

  return data;
}

/* Lakes and rivers are projected when first asked for, most of the projecting
 * there is: the window's first map then has them projected on the thread that
 * warms its renderer up, not on the main thread while it builds the window. */
static void
ensure_water (SilkMapData *data)
{
  g_mutex_lock (&data->lock);
  if (data->lakes == NULL)
    {
      data->lakes = project_features (data->projection, silk_document_get_lakes (data->document));
      data->rivers = project_features (data->projection, silk_document_get_rivers (data->document));
    }
  g_mutex_unlock (&data->lock);
}

SilkMapData *
silk_map_data_ref (SilkMapData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
silk_map_data_unref (SilkMapData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;

  for (guint level = 0; level < data->n_levels; level++)
    {
      if (data->country_levels[level] != NULL)
        for (guint i = 0; i < data->countries->len; i++)
          g_clear_pointer (&data->country_levels[level][i], silk_geometry_unref);
      g_free (data->country_levels[level]);
      g_clear_pointer (&data->border_levels[level], g_array_unref);
    }
  g_free (data->country_levels);
  g_free (data->border_levels);
  g_free (data->level_km);
  for (guint level = 0; level < data->n_levels; level++)
    g_clear_pointer (&data->country_indices[level], silk_spatial_index_free);
  g_free (data->country_indices);
  g_clear_pointer (&data->lake_index, silk_spatial_index_free);
  g_clear_pointer (&data->route_index, silk_spatial_index_free);
  g_array_unref (data->countries);
  g_array_unref (data->routes);
  g_array_unref (data->places);
  g_clear_pointer (&data->lakes, g_array_unref);
  g_clear_pointer (&data->rivers, g_array_unref);
  g_mutex_clear (&data->lock);
  g_object_unref (data->document);
  g_free (data);
}

SilkDocument *
silk_map_data_get_document (SilkMapData *data)
{
  return data->document;
}

const SilkProjection *
silk_map_data_get_projection (SilkMapData *data)
{
  return data->projection;
}

void
silk_map_data_project (SilkMapData *data,
                       double       longitude,
                       double       latitude,
                       double      *x,
                       double      *y)
{
  silk_projection_forward (data->projection, longitude, latitude, x, y);
}

const SilkBounds *
silk_map_data_get_region (SilkMapData *data)
{
  return &data->region;
}

/* With the lock held. */
static void
ensure_level_locked (SilkMapData *data,
                     guint        level)
{
  if (data->country_levels[level] == NULL)
    {
      SilkGeometry **geometries = g_new0 (SilkGeometry *, data->countries->len);

      for (guint i = 0; i < data->countries->len; i++)
        {
          SilkMapCountry *country = &g_array_index (data->countries, SilkMapCountry, i);

          geometries[i] = silk_projection_project (data->projection,
                                                   silk_country_get_geometry (country->country,
                                                                              level));
        }
      data->country_levels[level] = geometries;
    }
  if (data->border_levels[level] == NULL)
    data->border_levels[level] = project_features (data->projection,
                                                   silk_document_get_borders (data->document,
                                                                              level));
}

SilkGeometry *
silk_map_data_get_country_geometry (SilkMapData *data,
                                    guint        i,
                                    guint        level)
{
  SilkGeometry *geometry;

  g_return_val_if_fail (i < data->countries->len, NULL);

  level = MIN (level, data->n_levels - 1);
  /* Outside the lock: the finest level may have to be read first. */
  if (level == 0)
    silk_document_ensure_finest (data->document);
  g_mutex_lock (&data->lock);
  ensure_level_locked (data, level);
  geometry = data->country_levels[level][i];
  g_mutex_unlock (&data->lock);
  return geometry;
}

const SilkMapFeature *
silk_map_data_get_borders (SilkMapData *data,
                           guint        level,
                           guint       *n_borders)
{
  GArray *borders;

  level = MIN (level, data->n_levels - 1);
  if (level == 0)
    silk_document_ensure_finest (data->document);
  g_mutex_lock (&data->lock);
  ensure_level_locked (data, level);
  borders = data->border_levels[level];
  g_mutex_unlock (&data->lock);
  *n_borders = borders->len;
  return (const SilkMapFeature *) (void *) borders->data;
}

/* Distance from (x, y) to the rectangle's edge, negative outside. */
static double
inset_distance (const SilkBounds *box,
                double            x,
                double            y)
{
  return MIN (MIN (x - box->min_x, box->max_x - x), MIN (y - box->min_y, box->max_y - y));
}

/* A square of the label search: its centre's distance to the outline (or the
 * box), and the most any point of the square could have. */
typedef struct
{
  double x, y;
  double half;
  double d;
  double max;
} LabelCell;

/* Label points are computed on the coarsest level, whose segments are kilometres
 * long: a point within 1/100 of the polygon's size (and at least a kilometre) of
 * the true optimum is as good on screen, at any zoom the label shows at. */
#define LABEL_PRECISION 0.01
#define LABEL_MIN_PRECISION_KM 1.0
/* A bound for outlines no search converges on quickly. */
#define LABEL_MAX_CELLS 4096

static LabelCell
label_cell (const SilkGeometry *geometry,
            guint               polygon,
            const SilkBounds   *box,
            double              x,
            double              y,
            double              half)
{
  LabelCell cell = { x, y, half, 0, 0 };

  cell.d = MIN (silk_geometry_polygon_signed_distance (geometry, polygon, x, y),
                inset_distance (box, x, y));
  /* Both distances change no faster than the point moves, so nothing in the
   * square is farther than its centre's distance plus half its diagonal. */
  cell.max = cell.d + half * G_SQRT2;
  return cell;
}

static void
label_heap_push (GArray    *heap,
                 LabelCell  cell)
{
  guint i = heap->len;

  g_array_append_val (heap, cell);
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      LabelCell *cells = (LabelCell *) (void *) heap->data;

      if (cells[parent].max >= cells[i].max)
        break;
      cell = cells[parent];
      cells[parent] = cells[i];
      cells[i] = cell;
      i = parent;
    }
}

static LabelCell
label_heap_pop (GArray *heap)
{
  LabelCell *cells = (LabelCell *) (void *) heap->data;
  LabelCell top = cells[0];
  guint n = heap->len - 1;
  guint i = 0;

  cells[0] = cells[n];
  g_array_set_size (heap, n);
  for (;;)
    {
      guint largest = i, left = 2 * i + 1, right = 2 * i + 2;
      LabelCell swap;

      if (left < n && cells[left].max > cells[largest].max)
        largest = left;
      if (right < n && cells[right].max > cells[largest].max)
        largest = right;
      if (largest == i)
        break;
      swap = cells[i];
      cells[i] = cells[largest];
      cells[largest] = swap;
      i = largest;
    }
  return top;
}

/* The point of the largest polygon farthest from its outline and from the edge of
 * @box. Squares are searched best bound first and split until none could hold a
 * point better by more than the precision (the "pole of inaccessibility"
 * search of Mapbox's polylabel): a few dozen distance computations over one
 * polygon where a fixed grid needed thousands over the whole country. It runs
 * once per document, during the first frame. */
static gboolean
find_label_point (const SilkGeometry *geometry,
                  const SilkBounds   *box,
                  SilkPoint          *result)
{
  g_autoptr(GArray) heap = g_array_new (FALSE, FALSE, sizeof (LabelCell));
  SilkBounds search;
  double best_area = 0;
  guint best_polygon = G_MAXUINT;
  double size, half, precision;
  LabelCell best;

  for (guint p = 0; p < geometry->n_parts; p++)
    {
      const SilkPart *part = &geometry->parts[p];
      SilkBounds part_bounds;
      double area;

      if (part->hole)
        continue;
      silk_bounds_init_empty (&part_bounds);
      for (guint i = 0; i < part->n_points; i++)
        silk_bounds_add_point (&part_bounds, geometry->points[part->first + i].x,
                               geometry->points[part->first + i].y);
      if (!silk_bounds_intersects (&part_bounds, box))
        continue;
      area = fabs (silk_ring_signed_area2 (&geometry->points[part->first], part->n_points));
      if (area > best_area)
        {
          best_area = area;
          best_polygon = part->polygon;
          search = part_bounds;
        }
    }
  if (best_polygon == G_MAXUINT)
    return FALSE;

  search.min_x = MAX (search.min_x, box->min_x);
  search.max_x = MIN (search.max_x, box->max_x);
  search.min_y = MAX (search.min_y, box->min_y);
  search.max_y = MIN (search.max_y, box->max_y);
  size = MIN (search.max_x - search.min_x, search.max_y - search.min_y);
  if (!(size > 0))
    return FALSE;
  half = size / 2;
  precision = MAX (LABEL_MIN_PRECISION_KM,
                   LABEL_PRECISION * MAX (search.max_x - search.min_x, search.max_y - search.min_y));

  for (double x = search.min_x; x < search.max_x; x += size)
    for (double y = search.min_y; y < search.max_y; y += size)
      label_heap_push (heap, label_cell (geometry, best_polygon, box, x + half, y + half, half));
  best = label_cell (geometry, best_polygon, box, (search.min_x + search.max_x) / 2,
                     (search.min_y + search.max_y) / 2, 0);

  for (guint visited = 0; heap->len > 0 && visited < LABEL_MAX_CELLS; visited++)
    {
      LabelCell cell = label_heap_pop (heap);

      if (cell.d > best.d)
        best = cell;
      if (cell.max - best.d <= precision)
        continue;

      half = cell.half / 2;
      label_heap_push (heap, label_cell (geometry, best_polygon, box, cell.x - half, cell.y - half, half));
      label_heap_push (heap, label_cell (geometry, best_polygon, box, cell.x + half, cell.y - half, half));
      label_heap_push (heap, label_cell (geometry, best_polygon, box, cell.x - half, cell.y + half, half));
      label_heap_push (heap, label_cell (geometry, best_polygon, box, cell.x + half, cell.y + half, half));
    }

  if (!(best.d > 0))
    return FALSE;
  result->x = best.x;
  result->y = best.y;
  return TRUE;
}

gboolean
silk_map_data_get_label_point (SilkMapData *data,
                               SilkCountry *country,
                               double      *x,
                               double      *y)
{
  const SilkMapCountry *mapped;
  guint i;

  mapped = silk_map_data_find_country (data, SILK_ITEM (country), &i);
  if (mapped == NULL)
    return FALSE;

  g_mutex_lock (&data->lock);
  if (!data->labels_done)
    {
      guint coarsest = data->n_levels - 1;
      SilkBounds box = data->region;
      double margin_x = (box.max_x - box.min_x) * 0.3;
      double margin_y = (box.max_y - box.min_y) * 0.3;

      /* A neighbour's name belongs near the region, not in the middle of a
       * continent far off screen. */
      box.min_x -= margin_x;
      box.max_x += margin_x;
      box.min_y -= margin_y;
      box.max_y += margin_y;
      for (guint k = 0; k < data->countries->len; k++)
        {
          SilkMapCountry *c = &g_array_index (data->countries, SilkMapCountry, k);

          c->has_label = find_label_point (data->country_levels[coarsest][k], &box, &c->label);
        }
      data->labels_done = TRUE;
    }
  g_mutex_unlock (&data->lock);

  if (!mapped->has_label)
    return FALSE;
  *x = mapped->label.x;
  *y = mapped->label.y;
  return TRUE;
}

const SilkMapCountry *
silk_map_data_get_countries (SilkMapData *data,
                             guint       *n_countries)
{
  *n_countries = data->countries->len;
  return (const SilkMapCountry *) (void *) data->countries->data;
}

const SilkMapRoute *
silk_map_data_get_routes (SilkMapData *data,
                          guint       *n_routes)
{
  *n_routes = data->routes->len;
  return (const SilkMapRoute *) (void *) data->routes->data;
}

const SilkMapPlace *
silk_map_data_get_places (SilkMapData *data,
                          guint       *n_places)
{
  *n_places = data->places->len;
  return (const SilkMapPlace *) (void *) data->places->data;
}

const SilkMapFeature *
silk_map_data_get_lakes (SilkMapData *data,
                         guint       *n_lakes)
{
  ensure_water (data);
  *n_lakes = data->lakes->len;
  return (const SilkMapFeature *) (void *) data->lakes->data;
}

const SilkMapFeature *
silk_map_data_get_rivers (SilkMapData *data,
                          guint       *n_rivers)
{
  ensure_water (data);
  *n_rivers = data->rivers->len;
  return (const SilkMapFeature *) (void *) data->rivers->data;
}

const SilkMapCountry *
silk_map_data_find_country (SilkMapData *data,
                            SilkItem    *item,
                            guint       *index)
{
  for (guint i = 0; i < data->countries->len; i++)
    {
      const SilkMapCountry *country = &g_array_index (data->countries, SilkMapCountry, i);

      if ((SilkItem *) country->country == item)
        {
          if (index)
            *index = i;
          return country;
        }
    }
  return NULL;
}

const SilkMapRoute *
silk_map_data_find_route (SilkMapData *data,
                          SilkItem    *item)
{
  for (guint i = 0; i < data->routes->len; i++)
    {
      const SilkMapRoute *route = &g_array_index (data->routes, SilkMapRoute, i);

      if ((SilkItem *) route->project == item)
        return route;
    }
  return NULL;
}

const SilkMapPlace *
silk_map_data_find_place (SilkMapData *data,
                          SilkItem    *item)
{
  for (guint i = 0; i < data->places->len; i++)
    {
      const SilkMapPlace *place = &g_array_index (data->places, SilkMapPlace, i);

      if ((SilkItem *) place->place == item)
        return place;
    }
  return NULL;
}

gboolean
silk_map_data_get_item_bounds (SilkMapData *data,
                               SilkItem    *item,
                               SilkBounds  *bounds)
{
  const SilkMapCountry *country;
  const SilkMapRoute *route;
  const SilkMapPlace *place;
  guint i = 0;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (SILK_IS_ITEM (item), FALSE);

  if ((country = silk_map_data_find_country (data, item, &i)) != NULL)
    {
      /* The bounds of the mainland: a far-flung island must not shrink the country
       * to a speck when the view fits it. */
      *bounds = country->bounds;
      {
        const SilkGeometry *geometry = data->country_levels[data->n_levels - 1][i];
        double best_area = 0;
        guint best_polygon = G_MAXUINT;

        for (guint p = 0; p < geometry->n_parts; p++)
          {
            const SilkPart *part = &geometry->parts[p];
            double area;

            if (part->hole)
              continue;
            area = fabs (silk_ring_signed_area2 (&geometry->points[part->first],
                                                 part->n_points));
            if (area > best_area)
              {
                best_area = area;
                best_polygon = part->polygon;
              }
          }
        if (best_polygon != G_MAXUINT)
          {
            SilkBounds main;

            silk_bounds_init_empty (&main);
            /* Keep every polygon at least a tenth the size of the largest. */
            for (guint p = 0; p < geometry->n_parts; p++)
              {
                const SilkPart *part = &geometry->parts[p];

                if (part->hole)
                  continue;
                if (fabs (silk_ring_signed_area2 (&geometry->points[part->first],
                                                  part->n_points)) < best_area / 10)
                  continue;
                for (guint k = 0; k < part->n_points; k++)
                  silk_bounds_add_point (&main, geometry->points[part->first + k].x,
                                         geometry->points[part->first + k].y);
              }
            *bounds = main;
          }
      }
      return !silk_bounds_is_empty (bounds);
    }
  if ((route = silk_map_data_find_route (data, item)) != NULL)
    {
      *bounds = route->line->bounds;
      return TRUE;
    }
  if ((place = silk_map_data_find_place (data, item)) != NULL)
    {
      /* A place alone has no extent: show the country around it. */
      bounds->min_x = place->point.x - 150;
      bounds->max_x = place->point.x + 150;
      bounds->min_y = place->point.y - 150;
      bounds->max_y = place->point.y + 150;
      return TRUE;
    }
  return FALSE;
}

int
silk_map_data_get_tint (SilkMapData *data,
                        SilkCountry *country)
{
  const SilkMapCountry *mapped = silk_map_data_find_country (data, SILK_ITEM (country), NULL);

  return mapped ? mapped->tint : -1;
}

guint
silk_map_data_choose_level (SilkMapData *data,
                            double       scale)
{
  /* Mean segments up to a few pixels long keep the simplification error under a
   * pixel (the simplification keeps the points that matter most). */
  for (guint level = data->n_levels; level-- > 0;)
    if (data->level_km[level] * scale <= 6.0)
      return level;
  return 0;
}

void
silk_map_data_get_scale_limits (SilkMapData *data,
                                int          width,
                                int          height,
                                double      *min_scale,
                                double      *max_scale)
{
  SilkView view;

  silk_view_init (&view, width, height, 1);
  silk_view_fit (&view, &data->region, 0);
  *min_scale = view.scale / 2;
  /* The finest data has a vertex every kilometre or so: past ten pixels per
   * kilometre there is nothing more to see. */
  *max_scale = MAX (10.0, view.scale * 2);
}

/* The pick index of the countries at @level, and those of the lakes and routes
 * (which have one level only); returns the former. */
static SilkSpatialIndex *
ensure_index (SilkMapData *data,
              guint        level)
{
  SilkSpatialIndex *countries;

  level = MIN (level, data->n_levels - 1);
  /* Outside the lock: the finest level may have to be read first. */
  if (level == 0)
    silk_document_ensure_finest (data->document);
  ensure_water (data);
  g_mutex_lock (&data->lock);
  if (data->lake_index == NULL)
    {
      SilkSpatialIndex *lakes = silk_spatial_index_new ();
      SilkSpatialIndex *routes = silk_spatial_index_new ();

      for (guint i = 0; i < data->lakes->len; i++)
        silk_spatial_index_add (lakes, g_array_index (data->lakes, SilkMapFeature, i).geometry, i);
      for (guint i = 0; i < data->routes->len; i++)
        silk_spatial_index_add (routes, g_array_index (data->routes, SilkMapRoute, i).line, i);
      silk_spatial_index_build (lakes);
      silk_spatial_index_build (routes);
      data->lake_index = lakes;
      data->route_index = routes;
    }
  if (data->country_indices[level] == NULL)
    {
      countries = silk_spatial_index_new ();
      ensure_level_locked (data, level);
      for (guint i = 0; i < data->countries->len; i++)
        if (data->country_levels[level][i]->n_points > 0)
          silk_spatial_index_add (countries, data->country_levels[level][i], i);
      silk_spatial_index_build (countries);
      data->country_indices[level] = countries;
    }
  countries = data->country_indices[level];
  g_mutex_unlock (&data->lock);

  return countries;
}

void
silk_map_data_prepare_pick (SilkMapData *data,
                            guint        level)
{
  g_return_if_fail (data != NULL);

  ensure_index (data, level);
}

SilkItem *
silk_map_data_pick (SilkMapData *data,
                    double       x,
                    double       y,
                    double       tolerance,
                    guint       *visited)
{
  return silk_map_data_pick_at_level (data, 0, x, y, tolerance, visited);
}

SilkItem *
silk_map_data_pick_at_level (SilkMapData *data,
                             guint        level,
                             double       x,
                             double       y,
                             double       tolerance,
                             guint       *visited)
{
  SilkSpatialIndex *country_index;
  guint ids[4];
  guint id;
  guint n_visited = 0;
  guint n;
  guint count;
  SilkItem *result = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  country_index = ensure_index (data, level);

  if (tolerance > 0
      && silk_spatial_index_query_nearest_line (data->route_index, x, y, tolerance, &id, NULL,
                                                &count))
    {
      n_visited += count;
      result = (SilkItem *) g_array_index (data->routes, SilkMapRoute, id).project;
      goto out;
    }
  n_visited += tolerance > 0 ? count : 0;

  n = silk_spatial_index_query_point (data->lake_index, x, y, ids, 1, &count);
  n_visited += count;
  if (n > 0)
    goto out;

  n = silk_spatial_index_query_point (country_index, x, y, ids, G_N_ELEMENTS (ids), &count);
  n_visited += count;
  if (n > 0)
    result = (SilkItem *) g_array_index (data->countries, SilkMapCountry, ids[0]).country;

out:
  if (visited)
    *visited = n_visited;
  return result;
}

SilkItem *
silk_map_data_pick_linear (SilkMapData *data,
                           double       x,
                           double       y,
                           double       tolerance)
{
  double best = G_MAXDOUBLE;
  SilkItem *result = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  ensure_index (data, 0);

  if (tolerance > 0)
    for (guint i = 0; i < data->routes->len; i++)
      {
        const SilkMapRoute *route = &g_array_index (data->routes, SilkMapRoute, i);
        double d = silk_geometry_distance_to (route->line, x, y);

        if (d <= tolerance && d <= best)
          {
            best = d;
            result = (SilkItem *) route->project;
          }
      }
  if (result != NULL)
    return result;

  for (guint i = 0; i < data->lakes->len; i++)
    if (silk_geometry_contains_point (g_array_index (data->lakes, SilkMapFeature, i).geometry,
                                      x, y))
      return NULL;

  for (guint i = 0; i < data->countries->len; i++)
    if (silk_geometry_contains_point (data->country_levels[0][i], x, y))
      return (SilkItem *) g_array_index (data->countries, SilkMapCountry, i).country;

  return NULL;
}

guint
silk_map_data_get_n_pick_segments (SilkMapData *data)
{
  return silk_spatial_index_get_n_segments (ensure_index (data, 0))
         + silk_spatial_index_get_n_segments (data->lake_index)
         + silk_spatial_index_get_n_segments (data->route_index);
}
