/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "silk-map-data.h"
#include "silk-map-view-private.h"

typedef struct
{
  SilkDocument *document;
  SilkSelection *selection;
  GtkWindow *window;
  SilkMapView *map;
} Fixture;

/* Runs the main loop until the map has drawn its base and is idle. */
static void
wait_idle (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (silk_map_view_is_busy (f->map) || silk_map_view_get_n_base_renders (f->map) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->map));
}

/* The map in a window, its first frame not yet drawn. */
static void
fixture_set_up_unshown (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  f->document = silk_document_load_bundled (&error);
  g_assert_no_error (error);
  f->selection = silk_selection_new ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->map = SILK_MAP_VIEW (silk_map_view_new ());
  g_object_set (f->map, "document", f->document, "selection", f->selection, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->map));
  gtk_window_present (f->window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  fixture_set_up_unshown (f, user_data);
  wait_idle (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->selection);
  g_assert_finalize_object (f->document);
}

static void
screen_of (Fixture *f,
           double   lon,
           double   lat,
           double  *sx,
           double  *sy)
{
  SilkView view;
  double x, y;

  silk_map_view_get_view (f->map, &view);
  silk_map_data_project (silk_map_view_get_map_data (f->map), lon, lat, &x, &y);
  silk_view_to_screen (&view, x, y, sx, sy);
}

static void
test_fits_region (Fixture       *f,
                  gconstpointer  user_data)
{
  SilkView view;
  const SilkBounds *region = silk_map_data_get_region (silk_map_view_get_map_data (f->map));
  SilkBounds shown;

  silk_map_view_get_view (f->map, &view);
  g_assert_cmpint (view.width, ==, gtk_widget_get_width (GTK_WIDGET (f->map)));
  silk_view_get_bounds (&view, &shown);
  g_assert_cmpfloat (shown.min_x, <=, region->min_x);
  g_assert_cmpfloat (shown.max_x, >=, region->max_x);
  g_assert_cmpfloat (shown.min_y, <=, region->min_y);
  g_assert_cmpfloat (shown.max_y, >=, region->max_y);
}

static void
test_drag_pans (Fixture       *f,
                gconstpointer  user_data)
{
  SilkView before, after;

  silk_map_view_get_view (f->map, &before);
  silk_map_view_test_drag (f->map, 500, 350, 120, -80);
  silk_map_view_get_view (f->map, &after);

  /* Dragging right and up moves the map with the pointer: the view looks further
   * west and south. */
  g_assert_cmpfloat_with_epsilon (after.center_x, before.center_x - 120 / before.scale, 1e-6);
  g_assert_cmpfloat_with_epsilon (after.center_y, before.center_y - 80 / before.scale, 1e-6);
  g_assert_cmpfloat (after.scale, ==, before.scale);
  wait_idle (f);
}

static void
test_click_selects (Fixture       *f,
                    gconstpointer  user_data)
{
  SilkItem *kg = silk_document_lookup (f->document, "KG");
  SilkItem *uz = silk_document_lookup (f->document, "UZ");
  double sx, sy;

  /* Near Naryn, inside Kyrgyzstan, away from the routes. */
  screen_of (f, 75.5, 41.2, &sx, &sy);
  silk_map_view_test_click (f->map, sx, sy);
  g_assert_true (silk_selection_get_item (f->selection) == kg);

  /* Samarkand's surroundings, Uzbekistan. */
  screen_of (f, 66.3, 40.0, &sx, &sy);
  silk_map_view_test_click (f->map, sx, sy);
  g_assert_true (silk_selection_get_item (f->selection) == uz);

  /* The sea selects nothing: it clears. */
  screen_of (f, 50.5, 42.0, &sx, &sy);
  silk_map_view_test_click (f->map, sx, sy);
  g_assert_null (silk_selection_get_item (f->selection));
}

/* Hovering outlines without a new base render. */
static void
test_hover (Fixture       *f,
            gconstpointer  user_data)
{
  guint renders = silk_map_view_get_n_base_renders (f->map);
  double sx, sy;

  screen_of (f, 68, 48.5, &sx, &sy);
  silk_map_view_test_motion (f->map, sx, sy);
  g_assert_true (silk_map_view_get_hover (f->map) == silk_document_lookup (f->document, "KZ"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->map));

  /* Mongolia is a neighbour: context, not hovered. */
  screen_of (f, 103, 46.5, &sx, &sy);
  silk_map_view_test_motion (f->map, sx, sy);
  g_assert_null (silk_map_view_get_hover (f->map));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->map));

  silk_selection_set_item (f->selection, silk_document_lookup (f->document, "TJ"));
  g_assert_cmpuint (silk_map_view_get_n_base_renders (f->map), ==, renders);
}

/* Selecting from elsewhere flies to the item. */
static void
test_select_fits (Fixture       *f,
                  gconstpointer  user_data)
{
  SilkItem *project = silk_document_lookup (f->document, "cku-railway");
  SilkMapData *data = silk_map_view_get_map_data (f->map);
  SilkView before, after;
  SilkBounds item, shown;

  g_assert_nonnull (project);
  silk_map_view_get_view (f->map, &before);
  silk_selection_set_item (f->selection, project);
  wait_idle (f);
  silk_map_view_get_view (f->map, &after);

  g_assert_cmpfloat (after.scale, >, before.scale * 2);
  g_assert_true (silk_map_data_get_item_bounds (data, project, &item));
  silk_view_get_bounds (&after, &shown);
  g_assert_cmpfloat (shown.min_x, <=, item.min_x);
  g_assert_cmpfloat (shown.max_x, >=, item.max_x);
  g_assert_cmpfloat (shown.min_y, <=, item.min_y);
  g_assert_cmpfloat (shown.max_y, >=, item.max_y);
}

static void
test_actions (Fixture       *f,
              gconstpointer  user_data)
{
  SilkView start, view;

  silk_map_view_get_view (f->map, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.zoom-in", NULL));
  wait_idle (f);
  silk_map_view_get_view (f->map, &view);
  g_assert_cmpfloat_with_epsilon (view.scale, start.scale * 1.5, 1e-9);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.pan", "s", "left"));
  wait_idle (f);
  silk_map_view_get_view (f->map, &view);
  g_assert_cmpfloat (view.center_x, <, start.center_x);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.zoom-fit", NULL));
  wait_idle (f);
  silk_map_view_get_view (f->map, &view);
  g_assert_cmpfloat_with_epsilon (view.scale, start.scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.center_x, start.center_x, 1e-6);

  /* Zoom limits: the region never shrinks to nothing. */
  for (int i = 0; i < 12; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.zoom-out", NULL));
  wait_idle (f);
  silk_map_view_get_view (f->map, &view);
  g_assert_cmpfloat (view.scale, >=, start.scale / 2 - 1e-9);

  silk_selection_set_item (f->selection, silk_document_lookup (f->document, "KZ"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.clear-selection", NULL));
  g_assert_null (silk_selection_get_item (f->selection));
  wait_idle (f);
}

/* A pan moves the cached layers whole pixels at the scale they were drawn at, and
 * leaves the scale bar as it was; a zoom redraws the bar. */
static void
test_pan_keeps_scale (Fixture       *f,
                      gconstpointer  user_data)
{
  SilkView start, previous, view;
  guint n_chrome_draws;

  silk_map_view_get_view (f->map, &start);
  previous = start;
  n_chrome_draws = silk_map_view_get_n_chrome_draws (f->map);
  g_assert_cmpuint (n_chrome_draws, >, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.pan", "s",
                                                 i % 2 ? "left" : "right"));
      wait_idle (f);
      silk_map_view_get_view (f->map, &view);
      /* Exactly: a scale off by a rounding error draws the map between pixels. */
      g_assert_true (view.scale == start.scale);
      g_assert_cmpfloat (view.center_x, !=, previous.center_x);
      previous = view;
    }
  g_assert_cmpuint (silk_map_view_get_n_chrome_draws (f->map), ==, n_chrome_draws);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.zoom-in", NULL));
  wait_idle (f);
  g_assert_cmpuint (silk_map_view_get_n_chrome_draws (f->map), >, n_chrome_draws);
}

/* How many nodes of @type there are in @node's tree, through the kinds of node a
 * widget's snapshot wraps others in. */
static guint
count_nodes (GskRenderNode     *node,
             GskRenderNodeType  type)
{
  GskRenderNodeType node_type = gsk_render_node_get_node_type (node);
  guint n = node_type == type;

  if (node_type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      n += count_nodes (gsk_container_node_get_child (node, i), type);
  else if (node_type == GSK_CLIP_NODE)
    n += count_nodes (gsk_clip_node_get_child (node), type);
  else if (node_type == GSK_ROUNDED_CLIP_NODE)
    n += count_nodes (gsk_rounded_clip_node_get_child (node), type);
  else if (node_type == GSK_TRANSFORM_NODE)
    n += count_nodes (gsk_transform_node_get_child (node), type);
  else if (node_type == GSK_OPACITY_NODE)
    n += count_nodes (gsk_opacity_node_get_child (node), type);
  else if (node_type == GSK_DEBUG_NODE)
    n += count_nodes (gsk_debug_node_get_child (node), type);
  return n;
}

/* What the map draws now: its snapshot function's nodes, made on the spot (a
 * GtkWidgetPaintable would give the last frame's). */
static GskRenderNode *
snapshot_map (Fixture *f)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (f->map)->snapshot (GTK_WIDGET (f->map), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* GTK's cairo renderer shrinks a texture with a filter that convolves every pixel
 * of it. The map's layer, drawn smaller than its pixels until the render that
 * follows a zoom out lands, is drawn through cairo instead, with the bilinear
 * filter: a cairo node, not a texture. At its own size it is a texture again. */
static void
test_zoom_out_layer (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autoptr(GskRenderNode) at_rest = snapshot_map (f);
  g_autoptr(GskRenderNode) zoomed = NULL;
  g_autoptr(GskRenderNode) rendered = NULL;
  SilkView view;

  g_assert_cmpuint (count_nodes (at_rest, GSK_CAIRO_NODE), ==, 0);

  silk_map_view_get_view (f->map, &view);
  view.scale *= 0.8;
  silk_map_view_set_view (f->map, &view);
  /* Before the main loop lands the new render. */
  zoomed = snapshot_map (f);
  g_assert_cmpuint (count_nodes (zoomed, GSK_CAIRO_NODE), ==, 1);
  g_assert_cmpuint (count_nodes (zoomed, GSK_TEXTURE_NODE), ==,
                    count_nodes (at_rest, GSK_TEXTURE_NODE) - 1);

  wait_idle (f);
  rendered = snapshot_map (f);
  g_assert_cmpuint (count_nodes (rendered, GSK_CAIRO_NODE), ==, 0);
}

/* The first frame's map covers the view alone, for that frame waits for it; the
 * margin around the view that pans move into view follows once the frame is
 * drawn, from a second render. */
static void
test_first_map (Fixture       *f,
                gconstpointer  user_data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (!silk_map_view_has_base (f->map))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (silk_map_view_get_n_base_renders (f->map), ==, 1);
  g_assert_cmpint (silk_map_view_get_base_margin (f->map), ==, 0);

  wait_idle (f);
  g_assert_cmpuint (silk_map_view_get_n_base_renders (f->map), ==, 2);
  g_assert_cmpint (silk_map_view_get_base_margin (f->map), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The renderer silk-atlas draws with on a machine without a GPU, whose way of
   * shrinking textures /map-view/zoom-out-layer is about. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/map-view/fits-region", test_fits_region);
  ADD ("/map-view/drag", test_drag_pans);
  ADD ("/map-view/click", test_click_selects);
  ADD ("/map-view/hover", test_hover);
  ADD ("/map-view/select-fits", test_select_fits);
  ADD ("/map-view/actions", test_actions);
  ADD ("/map-view/pan-keeps-scale", test_pan_keeps_scale);
  ADD ("/map-view/zoom-out-layer", test_zoom_out_layer);
#undef ADD
  g_test_add ("/map-view/first-map", Fixture, NULL, fixture_set_up_unshown, test_first_map,
              fixture_tear_down);

  return g_test_run ();
}
