/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "silk-map-data-private.h"
#include "silk-spatial-index.h"

/* Points inside a lake or at sea. */
static const struct
{
  const char *name;
  double lon;
  double lat;
} water[] = {
  { "Issyk-Kul", 77.30, 42.45 },
  { "Caspian Sea", 50.50, 42.00 },
  { "Caspian Sea, north", 50.00, 45.20 },
};

static SilkDocument *
load_document (void)
{
  g_autoptr(GError) error = NULL;
  SilkDocument *document = silk_document_load_bundled (&error);

  g_assert_no_error (error);
  return document;
}

static SilkGeometry *
square (double x0,
        double y0,
        double size,
        gboolean with_hole)
{
  g_autoptr(SilkGeometryBuilder) builder = silk_geometry_builder_new (SILK_GEOMETRY_POLYGONS);
  /* Many points per side, so the square has many short segments as real outlines do. */
  const int n = 50;

  for (int i = 0; i < 4 * n; i++)
    {
      int side = i / n;
      double t = (double) (i % n) / n * size;
      double x = side == 0 ? x0 + t : side == 1 ? x0 + size : side == 2 ? x0 + size - t : x0;
      double y = side == 0 ? y0 : side == 1 ? y0 + t : side == 2 ? y0 + size : y0 + size - t;

      silk_geometry_builder_add_point (builder, x, y);
    }
  silk_geometry_builder_add_point (builder, x0, y0);
  silk_geometry_builder_end_part (builder, TRUE);
  if (with_hole)
    {
      silk_geometry_builder_add_point (builder, x0 + size * 0.4, y0 + size * 0.4);
      silk_geometry_builder_add_point (builder, x0 + size * 0.6, y0 + size * 0.4);
      silk_geometry_builder_add_point (builder, x0 + size * 0.6, y0 + size * 0.6);
      silk_geometry_builder_add_point (builder, x0 + size * 0.4, y0 + size * 0.6);
      silk_geometry_builder_add_point (builder, x0 + size * 0.4, y0 + size * 0.4);
      silk_geometry_builder_end_part (builder, FALSE);
    }
  return silk_geometry_builder_finish (builder);
}

/* The index answers exactly as a scan of every vertex does, on shapes with holes,
 * shared edges and points on grid lines. */
static void
test_index_matches_scan (void)
{
  g_autoptr(SilkSpatialIndex) index = silk_spatial_index_new ();
  g_autoptr(SilkGeometry) a = square (0, 0, 100, TRUE);
  g_autoptr(SilkGeometry) b = square (100, 0, 100, FALSE);  /* shares an edge with a */
  g_autoptr(SilkGeometry) c = square (150, 50, 30, FALSE);  /* overlaps b */
  SilkGeometry *shapes[] = { a, b, c };
  GRand *rand = g_rand_new_with_seed (7);
  guint max_visited = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    silk_spatial_index_add (index, shapes[i], 10 + i);
  silk_spatial_index_build (index);
  g_assert_cmpuint (silk_spatial_index_get_n_features (index), ==, 3);

  for (int k = 0; k < 20000; k++)
    {
      double x = g_rand_double_range (rand, -10, 210);
      double y = g_rand_double_range (rand, -10, 110);
      guint ids[3];
      guint n, visited, expected = 0;

      /* Every tenth point level with vertices of the vertical edges (every 2 units),
       * where a crossing count can go wrong. Points exactly on an outline may go
       * either way, so they stay off the edges (all at multiples of 10). */
      if (k % 10 == 0)
        {
          x = round (x) + 0.5;
          y = 2 * round (y / 2);
          if (fmod (y, 10) == 0)
            y += 2;
        }
      n = silk_spatial_index_query_point (index, x, y, ids, 3, &visited);
      max_visited = MAX (max_visited, visited);
      for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
        if (silk_geometry_contains_point (shapes[i], x, y))
          {
            g_assert_cmpuint (expected, <, n);
            g_assert_cmpuint (ids[expected], ==, 10 + i);
            expected++;
          }
      if (n != expected)
        g_error ("(%g, %g): index finds %u features, scan %u", x, y, n, expected);
    }
  g_assert_cmpuint (max_visited, <, silk_spatial_index_get_n_segments (index) / 10);
  g_rand_free (rand);
}

static void
test_index_lines (void)
{
  g_autoptr(SilkSpatialIndex) index = silk_spatial_index_new ();
  g_autoptr(SilkGeometryBuilder) builder = silk_geometry_builder_new (SILK_GEOMETRY_LINES);
  g_autoptr(SilkGeometry) line = NULL;
  guint id;
  double distance;

  silk_geometry_builder_add_point (builder, 0, 0);
  silk_geometry_builder_add_point (builder, 100, 0);
  silk_geometry_builder_add_point (builder, 100, 100);
  silk_geometry_builder_end_part (builder, FALSE);
  line = silk_geometry_builder_finish (builder);
  silk_spatial_index_add (index, line, 4);
  silk_spatial_index_build (index);

  g_assert_true (silk_spatial_index_query_nearest_line (index, 50, 2, 3, &id, &distance, NULL));
  g_assert_cmpuint (id, ==, 4);
  g_assert_cmpfloat_with_epsilon (distance, 2, 1e-9);
  g_assert_true (silk_spatial_index_query_nearest_line (index, 103, 60, 3.5, &id, &distance, NULL));
  g_assert_false (silk_spatial_index_query_nearest_line (index, 50, 5, 3, &id, &distance, NULL));
  g_assert_false (silk_spatial_index_query_nearest_line (index, 50, 50, 3, &id, &distance, NULL));
}

/* Where @country's capital is on the map. */
static SilkPlace *
capital_position (SilkMapData *data,
                  SilkCountry *country,
                  double      *x,
                  double      *y)
{
  SilkPlace *capital = silk_country_get_capital (country);

  g_assert_nonnull (capital);
  silk_map_data_project (data, silk_place_get_longitude (capital),
                         silk_place_get_latitude (capital), x, y);
  return capital;
}

static void
test_capitals_pick_their_country (void)
{
  g_autoptr(SilkDocument) document = load_document ();
  g_autoptr(SilkMapData) data = silk_map_data_new (document);
  GListModel *countries = silk_document_get_items (document, SILK_ITEM_COUNTRY);
  guint n_segments = silk_map_data_get_n_pick_segments (data);

  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(SilkCountry) country = g_list_model_get_item (countries, i);
      double x, y;
      SilkPlace *capital = capital_position (data, country, &x, &y);
      guint visited;
      SilkItem *picked;

      picked = silk_map_data_pick (data, x, y, 0, &visited);
      if (picked != SILK_ITEM (country))
        g_error ("%s at (%.1f, %.1f) picks %s, not %s",
                 silk_item_get_name (SILK_ITEM (capital)), x, y,
                 picked ? silk_item_get_id (picked) : "nothing",
                 silk_item_get_id (SILK_ITEM (country)));
      g_assert_true (silk_map_data_pick_linear (data, x, y, 0) == SILK_ITEM (country));
      /* A pick looks at a few cells' segments, not at every vertex. */
      g_assert_cmpuint (visited, >, 0);
      g_assert_cmpuint (visited * 100, <, n_segments);
    }
}

/* Picking at the level the map draws finds the same countries there, and picking
 * at a simplified level does not read the finest outlines, which the bundled atlas
 * leaves for later. */
static void
test_pick_at_level (void)
{
  g_autoptr(SilkDocument) document = load_document ();
  g_autoptr(SilkMapData) data = silk_map_data_new (document);
  GListModel *countries = silk_document_get_items (document, SILK_ITEM_COUNTRY);
  guint n_levels = silk_document_get_n_detail_levels (document);

  g_assert_cmpuint (n_levels, >=, 2);
  for (guint level = n_levels - 1; level > 0; level--)
    {
      for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
        {
          g_autoptr(SilkCountry) country = g_list_model_get_item (countries, i);
          double x, y;

          capital_position (data, country, &x, &y);
          g_assert_true (silk_map_data_pick_at_level (data, level, x, y, 0, NULL) == SILK_ITEM (country));
        }
      for (guint i = 0; i < G_N_ELEMENTS (water); i++)
        {
          double x, y;

          silk_map_data_project (data, water[i].lon, water[i].lat, &x, &y);
          g_assert_null (silk_map_data_pick_at_level (data, level, x, y, 0, NULL));
        }
    }
  g_assert_false (silk_document_has_finest (document));

  silk_map_data_prepare_pick (data, 0);
  g_assert_true (silk_document_has_finest (document));
}

/* A vertex of @route farther than @clearance from every other route but its
 * parent, so that the route to pick there is unambiguous. */
static gboolean
find_clear_vertex (const SilkMapRoute *routes,
                   guint               n_routes,
                   guint               which,
                   double              clearance,
                   SilkPoint          *point)
{
  const SilkGeometry *line = routes[which].line;

  /* From the middle outwards: the ends touch other routes at shared cities. */
  for (guint k = 0; k < 2 * line->n_points; k++)
    {
      int i = (int) line->n_points / 2 + (k % 2 ? (int) (k + 1) / 2 : -(int) (k / 2));
      const SilkPoint *p;
      gboolean clear = TRUE;

      if (i < 0 || i >= (int) line->n_points)
        continue;
      p = &line->points[i];

      for (guint r = 0; r < n_routes && clear; r++)
        {
          /* A tunnel lies on its railway and is drawn over it: there it wins. */
          if (r == which
              || silk_project_get_parent (routes[which].project) == routes[r].project)
            continue;
          if (silk_geometry_distance_to (routes[r].line, p->x, p->y) < clearance)
            clear = FALSE;
        }
      if (clear)
        {
          *point = *p;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_routes_pick_their_project (void)
{
  g_autoptr(SilkDocument) document = load_document ();
  g_autoptr(SilkMapData) data = silk_map_data_new (document);
  const SilkMapRoute *routes;
  guint n_routes;
  guint n_segments = silk_map_data_get_n_pick_segments (data);
  const double tolerance = 8; /* km: a few pixels at the whole-region zoom */

  routes = silk_map_data_get_routes (data, &n_routes);
  g_assert_cmpuint (n_routes, >, 0);
  for (guint i = 0; i < n_routes; i++)
    {
      SilkPoint p;
      guint visited;
      SilkItem *picked;

      if (!find_clear_vertex (routes, n_routes, i, 3 * tolerance, &p))
        g_error ("%s runs along other routes all the way",
                 silk_item_get_id (SILK_ITEM (routes[i].project)));
      /* Slightly off the line, as a pointer would be. */
      picked = silk_map_data_pick (data, p.x + tolerance / 3, p.y - tolerance / 3, tolerance,
                                   &visited);
      if (picked != SILK_ITEM (routes[i].project))
        g_error ("a point on %s picks %s", silk_item_get_id (SILK_ITEM (routes[i].project)),
                 picked ? silk_item_get_id (picked) : "nothing");
      g_assert_cmpuint (visited * 100, <, n_segments);
      /* Without the tolerance the country beneath answers. */
      picked = silk_map_data_pick (data, p.x + tolerance / 3, p.y - tolerance / 3, 0, NULL);
      g_assert_true (picked == NULL || SILK_IS_COUNTRY (picked));
    }
}

static void
test_water_picks_nothing (void)
{
  g_autoptr(SilkDocument) document = load_document ();
  g_autoptr(SilkMapData) data = silk_map_data_new (document);

  for (guint i = 0; i < G_N_ELEMENTS (water); i++)
    {
      double x, y;
      SilkItem *picked;

      silk_map_data_project (data, water[i].lon, water[i].lat, &x, &y);
      picked = silk_map_data_pick (data, x, y, 0, NULL);
      if (picked != NULL)
        g_error ("%s picks %s", water[i].name, silk_item_get_id (picked));
      g_assert_null (silk_map_data_pick_linear (data, x, y, 0));
    }
}

/* Random points over the region: the index agrees with the scan everywhere. */
static void
test_pick_matches_scan (void)
{
  g_autoptr(SilkDocument) document = load_document ();
  g_autoptr(SilkMapData) data = silk_map_data_new (document);
  const SilkBounds *region = silk_map_data_get_region (data);
  GRand *rand = g_rand_new_with_seed (42);
  guint total_visited = 0;
  const guint n = 3000;

  for (guint k = 0; k < n; k++)
    {
      double x = g_rand_double_range (rand, region->min_x, region->max_x);
      double y = g_rand_double_range (rand, region->min_y, region->max_y);
      double tolerance = k % 2 ? 10 : 0;
      guint visited;
      SilkItem *fast = silk_map_data_pick (data, x, y, tolerance, &visited);
      SilkItem *slow = silk_map_data_pick_linear (data, x, y, tolerance);

      total_visited += visited;
      if (fast != slow)
        {
          /* Two routes at the very same distance may tie differently; nothing
           * else may differ. */
          g_assert_true (SILK_IS_PROJECT (fast) && SILK_IS_PROJECT (slow));
        }
    }
  g_assert_cmpuint (total_visited / n * 200, <, silk_map_data_get_n_pick_segments (data));
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pick/index/matches-scan", test_index_matches_scan);
  g_test_add_func ("/pick/index/lines", test_index_lines);
  g_test_add_func ("/pick/capitals", test_capitals_pick_their_country);
  g_test_add_func ("/pick/at-level", test_pick_at_level);
  g_test_add_func ("/pick/routes", test_routes_pick_their_project);
  g_test_add_func ("/pick/water", test_water_picks_nothing);
  g_test_add_func ("/pick/matches-scan", test_pick_matches_scan);

  return g_test_run ();
}
