/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The promises start-up rests on, without timing anything: the bundled atlas
 * leaves its 1:10m outlines on disk until something needs them, and drawing the
 * first frame of the whole region does not; when they are needed they are exactly
 * what a full load reads, once, whichever threads ask. An atlas a user opens is
 * read, and checked, in full at once. */

#include "silk-map-data-private.h"
#include "silk-renderer.h"

static SilkDocument *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  SilkDocument *document = silk_document_load_bundled (&error);

  g_assert_no_error (error);
  return document;
}

/* The bundled atlas read in full, as a user's atlas is. */
static SilkDocument *
load_bundled_in_full (void)
{
  g_autoptr(SilkDocument) bundled = load_bundled ();
  g_autoptr(GError) error = NULL;
  SilkDocument *document;

  document = silk_document_load (silk_document_get_file (bundled), NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
assert_same_geometry (const SilkGeometry *expected,
                      const SilkGeometry *actual)
{
  g_assert_cmpuint (actual->n_points, ==, expected->n_points);
  g_assert_cmpuint (actual->n_parts, ==, expected->n_parts);
  g_assert_cmpmem (actual->points, actual->n_points * sizeof (SilkPoint),
                   expected->points, expected->n_points * sizeof (SilkPoint));
}

static guint
count_points (GPtrArray *features)
{
  guint n = 0;

  for (guint i = 0; i < features->len; i++)
    n += ((SilkFeature *) features->pdata[i])->geometry->n_points;
  return n;
}

/* Drawing the whole region, as the first frame does, needs no 1:10m outline. */
static void
test_first_frame (void)
{
  g_autoptr(SilkDocument) document = load_bundled ();
  g_autoptr(SilkMapData) data = NULL;
  g_autoptr(SilkRenderer) renderer = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  SilkView view;
  guint level;

  g_assert_false (silk_document_has_finest (document));
  g_assert_cmpuint (silk_document_get_n_detail_levels (document), ==, 3);

  data = silk_map_data_new (document);
  renderer = silk_renderer_new (data);
  silk_view_init (&view, 1280 + 256, 800 + 256, 1);
  silk_view_fit (&view, silk_map_data_get_region (data), 16);
  level = silk_map_data_choose_level (data, view.scale);
  g_assert_cmpuint (level, >, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view.width, view.height);
  cr = cairo_create (surface);
  silk_renderer_draw_base (renderer, cr, &view, silk_palette_get (FALSE), SILK_LAYERS_MAP);
  silk_renderer_draw_chrome (renderer, cr, &view, silk_palette_get (FALSE), SILK_LAYERS_CHROME);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* The coarser levels answer without it too. */
  for (guint i = 0; i < silk_document_get_neighbours (document)->len; i++)
    g_assert_nonnull (silk_country_get_geometry (silk_document_get_neighbours (document)->pdata[i], 1));
  g_assert_cmpuint (silk_document_get_borders (document, 1)->len, >, 0);

  g_assert_false (silk_document_has_finest (document));
}

/* Asked for, the finest level is what the full load reads. */
static void
test_finest_on_demand (void)
{
  g_autoptr(SilkDocument) document = load_bundled ();
  g_autoptr(SilkDocument) full = load_bundled_in_full ();
  GListModel *members = silk_document_get_items (document, SILK_ITEM_COUNTRY);
  GListModel *full_members = silk_document_get_items (full, SILK_ITEM_COUNTRY);
  GPtrArray *borders, *full_borders;
  SilkGeometry *coarse;

  g_assert_true (silk_document_has_finest (full));
  g_assert_false (silk_document_has_finest (document));

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SilkCountry) country = g_list_model_get_item (members, i);
      g_autoptr(SilkCountry) full_country = g_list_model_get_item (full_members, i);

      coarse = silk_country_get_geometry (country, 1);
      assert_same_geometry (silk_country_get_geometry (full_country, 0),
                            silk_country_get_geometry (country, 0));
      g_assert_true (silk_document_has_finest (document));
      /* The finer outline has more to it, and the simplified levels stay. */
      g_assert_cmpuint (silk_country_get_geometry (country, 0)->n_points, >, coarse->n_points);
      assert_same_geometry (silk_country_get_geometry (full_country, 1),
                            silk_country_get_geometry (country, 1));
      assert_same_geometry (silk_country_get_geometry (full_country, 2),
                            silk_country_get_geometry (country, 2));
    }

  for (guint i = 0; i < silk_document_get_neighbours (document)->len; i++)
    assert_same_geometry (silk_country_get_geometry (silk_document_get_neighbours (full)->pdata[i], 0),
                          silk_country_get_geometry (silk_document_get_neighbours (document)->pdata[i], 0));

  for (guint level = 0; level < 3; level++)
    {
      borders = silk_document_get_borders (document, level);
      full_borders = silk_document_get_borders (full, level);
      g_assert_cmpuint (borders->len, ==, full_borders->len);
      g_assert_cmpuint (count_points (borders), ==, count_points (full_borders));
    }
  g_assert_cmpuint (count_points (silk_document_get_borders (document, 0)), >,
                    count_points (silk_document_get_borders (document, 1)));

  g_assert_cmpmem (silk_document_get_bounds (document), sizeof (SilkBounds),
                   silk_document_get_bounds (full), sizeof (SilkBounds));
}

static gpointer
ask_for_finest (gpointer user_data)
{
  SilkCountry *country = user_data;

  return silk_country_get_geometry (country, 0);
}

/* Threads that ask at once wait for one load and get one answer. */
static void
test_finest_threads (void)
{
  g_autoptr(SilkDocument) document = load_bundled ();
  g_autoptr(SilkCountry) kz = g_object_ref (SILK_COUNTRY (silk_document_lookup (document, "KZ")));
  GThread *threads[4];
  gpointer results[G_N_ELEMENTS (threads)];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("finest", ask_for_finest, kz);
  silk_document_ensure_finest (document);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    results[i] = g_thread_join (threads[i]);

  g_assert_true (silk_document_has_finest (document));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (results[i] == silk_country_get_geometry (kz, 0));
}

/* Countries and the document part ways in any order. */
static void
test_country_outlives_document (void)
{
  g_autoptr(SilkDocument) full = load_bundled_in_full ();
  SilkDocument *document = load_bundled ();
  g_autoptr(SilkCountry) kg = g_object_ref (SILK_COUNTRY (silk_document_lookup (document, "KG")));

  g_assert_finalize_object (document);
  assert_same_geometry (silk_country_get_geometry (SILK_COUNTRY (silk_document_lookup (full, "KG")), 0),
                        silk_country_get_geometry (kg, 0));
}

/* The bundled atlas read ahead on a thread of its own, as the application does
 * while it builds its window, is the next load's, and the same as one read on the
 * spot: every item, every outline, and the finest level still left for later. The
 * load after it reads anew. */
static void
test_preload (void)
{
  g_autoptr(SilkDocument) expected = load_bundled ();
  g_autoptr(SilkDocument) preloaded = NULL;
  g_autoptr(SilkDocument) next = NULL;
  GListModel *members, *expected_members;

  silk_document_preload_bundled ();
  /* A second call while the first one reads starts no other. */
  silk_document_preload_bundled ();
  preloaded = load_bundled ();
  next = load_bundled ();
  g_assert_true (preloaded != next);
  g_assert_true (preloaded != expected);
  g_assert_false (silk_document_has_finest (preloaded));

  for (SilkItemKind kind = 0; kind < SILK_N_ITEM_KINDS; kind++)
    g_assert_cmpuint (g_list_model_get_n_items (silk_document_get_items (preloaded, kind)), ==,
                      g_list_model_get_n_items (silk_document_get_items (expected, kind)));
  g_assert_cmpuint (silk_document_get_neighbours (preloaded)->len, ==,
                    silk_document_get_neighbours (expected)->len);
  g_assert_cmpmem (silk_document_get_bounds (preloaded), sizeof (SilkBounds),
                   silk_document_get_bounds (expected), sizeof (SilkBounds));

  members = silk_document_get_items (preloaded, SILK_ITEM_COUNTRY);
  expected_members = silk_document_get_items (expected, SILK_ITEM_COUNTRY);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SilkCountry) country = g_list_model_get_item (members, i);
      g_autoptr(SilkCountry) expected_country = g_list_model_get_item (expected_members, i);

      g_assert_cmpstr (silk_item_get_id (SILK_ITEM (country)), ==,
                       silk_item_get_id (SILK_ITEM (expected_country)));
      for (guint level = 0; level < 3; level++)
        assert_same_geometry (silk_country_get_geometry (expected_country, level),
                              silk_country_get_geometry (country, level));
    }
  for (guint level = 0; level < 3; level++)
    g_assert_cmpuint (count_points (silk_document_get_borders (preloaded, level)), ==,
                      count_points (silk_document_get_borders (expected, level)));
}

/* An atlas opened from a file has every level, checked, at once. */
static void
test_user_atlas (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "atlas", "atlas.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = silk_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (silk_document_has_finest (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/detail/first-frame", test_first_frame);
  g_test_add_func ("/detail/finest-on-demand", test_finest_on_demand);
  g_test_add_func ("/detail/finest-threads", test_finest_threads);
  g_test_add_func ("/detail/country-outlives-document", test_country_outlives_document);
  g_test_add_func ("/detail/user-atlas", test_user_atlas);
  g_test_add_func ("/detail/preload", test_preload);

  return g_test_run ();
}
