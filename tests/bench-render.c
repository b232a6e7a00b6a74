/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Render and pick timings against floors measured in the same run, one line per
 * figure: "name: median unit (floor: median unit, ratio: r)". Not a test: the
 * machines are shared and noisy, so only the ratios mean much.
 *
 *   ninja -C _build tests/bench-render && _build/tests/bench-render */

#include <math.h>

#include "silk-bench-util.h"
#include "silk-map-data-private.h"
#include "silk-renderer.h"

#define RUNS 9

typedef void (*BenchFunc) (gpointer data);

/* Median wall time of one call, in milliseconds, after a warm-up call. */
static double
measure (BenchFunc func,
         gpointer  data,
         guint     repeat)
{
  double times[RUNS];

  func (data);
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < repeat; i++)
        func (data);
      times[r] = (g_get_monotonic_time () - start) / 1000.0 / repeat;
    }
  return silk_bench_percentile (times, RUNS, 0.5);
}

typedef struct
{
  SilkMapData *data;
  SilkRenderer *renderer;
  SilkView view;
  cairo_surface_t *target;
  cairo_surface_t *base;       /* for the interactive frame: the cached layers */
  cairo_surface_t *selection;
  SilkView base_view;
  SilkItem *selected;
  SilkItem *hover;
  double *points;              /* pick positions, x y pairs */
  guint n_points;
} Bench;

/* The floor: every ring of the finest countries filled and stroked, at full detail,
 * as a first attempt would draw them. */
static void
naive_render (gpointer user_data)
{
  Bench *b = user_data;
  guint n;
  cairo_t *cr = cairo_create (b->target);

  silk_map_data_get_countries (b->data, &n);
  cairo_set_source_rgb (cr, 0.66, 0.8, 0.9);
  cairo_paint (cr);
  for (guint i = 0; i < n; i++)
    {
      SilkGeometry *geometry = silk_map_data_get_country_geometry (b->data, i, 0);

      for (guint p = 0; p < geometry->n_parts; p++)
        {
          const SilkPart *part = &geometry->parts[p];

          for (guint k = 0; k < part->n_points; k++)
            {
              double sx, sy;

              silk_view_to_screen (&b->view, geometry->points[part->first + k].x,
                                   geometry->points[part->first + k].y, &sx, &sy);
              if (k == 0)
                cairo_move_to (cr, sx, sy);
              else
                cairo_line_to (cr, sx, sy);
            }
          cairo_close_path (cr);
        }
      cairo_set_source_rgb (cr, 0.95, 0.9, 0.7);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.4, 0.35, 0.45);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
base_render (gpointer user_data)
{
  Bench *b = user_data;
  cairo_t *cr = cairo_create (b->target);

  silk_renderer_draw_base (b->renderer, cr, &b->view, silk_palette_get (FALSE), SILK_LAYERS_MAP);
  cairo_destroy (cr);
}

/* What the map widget does on the main thread for a pan step with a hover: place the
 * cached base and selection layers, draw the hover outline and the scale bar. (GTK
 * composes the textures on the GPU; cairo here composes them on the CPU, which
 * costs more.) */
static void
interactive_frame (gpointer user_data)
{
  Bench *b = user_data;
  cairo_t *cr = cairo_create (b->target);
  SilkView view = b->view;

  silk_view_pan (&view, 37, -21);
  cairo_set_source_surface (cr, b->base, -128 + 37, -128 - 21);
  cairo_paint (cr);
  cairo_set_source_surface (cr, b->selection, -128 + 37, -128 - 21);
  cairo_paint (cr);
  silk_renderer_draw_hover (b->renderer, cr, &view, silk_palette_get (FALSE), b->hover);
  silk_renderer_draw_chrome (b->renderer, cr, &view, silk_palette_get (FALSE),
                             SILK_LAYER_SCALE_BAR | SILK_LAYER_ATTRIBUTION);
  cairo_destroy (cr);
}

/* The part of that frame GTK leaves to the main thread's CPU: the hover and the
 * scale bar as cairo nodes of their own size (GTK composes textures on the GPU). */
static void
interactive_overlay (gpointer user_data)
{
  Bench *b = user_data;
  SilkView view = b->view;
  cairo_rectangle_int_t extents;
  cairo_surface_t *surface;
  cairo_t *cr;

  silk_view_pan (&view, 37, -21);
  if (silk_renderer_get_item_extents (b->renderer, &view, b->hover, &extents))
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, extents.width, extents.height);
      cr = cairo_create (surface);
      cairo_translate (cr, -extents.x, -extents.y);
      silk_renderer_draw_hover (b->renderer, cr, &view, silk_palette_get (FALSE), b->hover);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 64);
  cr = cairo_create (surface);
  cairo_translate (cr, -(view.width - 320), -(view.height - 64));
  silk_renderer_draw_chrome (b->renderer, cr, &view, silk_palette_get (FALSE),
                             SILK_LAYER_SCALE_BAR | SILK_LAYER_ATTRIBUTION);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
pick_indexed (gpointer user_data)
{
  Bench *b = user_data;

  for (guint i = 0; i < b->n_points; i++)
    silk_map_data_pick (b->data, b->points[2 * i], b->points[2 * i + 1], 2, NULL);
}

static void
pick_linear (gpointer user_data)
{
  Bench *b = user_data;

  for (guint i = 0; i < b->n_points; i++)
    silk_map_data_pick_linear (b->data, b->points[2 * i], b->points[2 * i + 1], 2);
}

static void
set_size (Bench *b,
          int    width,
          int    height)
{
  g_clear_pointer (&b->target, cairo_surface_destroy);
  b->target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  silk_view_init (&b->view, width, height, 1);
  silk_view_fit (&b->view, silk_map_data_get_region (b->data), 16);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = silk_document_load_bundled (&error);
  Bench b = { 0 };
  const int sizes[][2] = { { 1920, 1080 }, { 3840, 2160 } };
  double floor_1080 = 0;
  const SilkBounds *region;
  GRand *rand;
  cairo_t *cr;

  if (document == NULL)
    g_error ("%s", error->message);

  b.data = silk_map_data_new (document);
  b.renderer = silk_renderer_new (b.data);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("base render %dx%d", sizes[s][0], sizes[s][1]);
      double floor, value;

      set_size (&b, sizes[s][0], sizes[s][1]);
      floor = measure (naive_render, &b, 1);
      value = measure (base_render, &b, 1);
      if (s == 0)
        floor_1080 = floor;
      silk_bench_report (name, value, floor, "ms");
    }

  /* The interactive frame at 1920×1080 with Kyrgyzstan selected and Kazakhstan
   * hovered, against the same floor. */
  set_size (&b, 1920, 1080);
  b.selected = silk_document_lookup (document, "KG");
  b.hover = silk_document_lookup (document, "KZ");
  b.base_view = b.view;
  b.base_view.width += 256;
  b.base_view.height += 256;
  b.base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, b.base_view.width, b.base_view.height);
  cr = cairo_create (b.base);
  silk_renderer_draw_base (b.renderer, cr, &b.base_view, silk_palette_get (FALSE), SILK_LAYERS_MAP);
  cairo_destroy (cr);
  b.selection = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, b.base_view.width, b.base_view.height);
  cr = cairo_create (b.selection);
  silk_renderer_draw_selection (b.renderer, cr, &b.base_view, silk_palette_get (FALSE), b.selected);
  cairo_destroy (cr);
  silk_bench_report ("interactive frame 1920x1080, composed on the CPU", measure (interactive_frame, &b, 1),
          floor_1080, "ms");
  silk_bench_report ("interactive frame 1920x1080, main-thread drawing", measure (interactive_overlay, &b, 1),
          floor_1080, "ms");

  /* Picks at random points of the region, against a scan of every vertex. */
  region = silk_map_data_get_region (b.data);
  rand = g_rand_new_with_seed (1);
  b.n_points = 2000;
  b.points = g_new (double, 2 * b.n_points);
  for (guint i = 0; i < b.n_points; i++)
    {
      b.points[2 * i] = g_rand_double_range (rand, region->min_x, region->max_x);
      b.points[2 * i + 1] = g_rand_double_range (rand, region->min_y, region->max_y);
    }
  {
    double fast = measure (pick_indexed, &b, 1) * 1000 / b.n_points;
    double slow;

    b.n_points = 200;
    slow = measure (pick_linear, &b, 1) * 1000 / b.n_points;
    silk_bench_report ("pick", fast, slow, "us");
    g_print ("summary: base %.0f%% of the naive floor at 1920x1080; pick %.0fx faster than a scan "
             "over %u segments\n",
             100 * measure (base_render, &b, 1) / floor_1080, slow / fast,
             silk_map_data_get_n_pick_segments (b.data));
  }

  g_rand_free (rand);
  g_free (b.points);
  cairo_surface_destroy (b.base);
  cairo_surface_destroy (b.selection);
  cairo_surface_destroy (b.target);
  silk_renderer_free (b.renderer);
  silk_map_data_unref (b.data);
  return 0;
}
