/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "silk-map-data-private.h"
#include "silk-renderer.h"

#define WIDTH 1600
#define HEIGHT 1000

typedef struct
{
  SilkDocument *document;
  SilkMapData *data;
  SilkRenderer *renderer;
  SilkView view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  f->document = silk_document_load_bundled (&error);
  g_assert_no_error (error);
  f->data = silk_map_data_new (f->document);
  f->renderer = silk_renderer_new (f->data);
  silk_view_init (&f->view, WIDTH, HEIGHT, 1);
  silk_view_fit (&f->view, silk_map_data_get_region (f->data), 16);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  silk_renderer_free (f->renderer);
  silk_map_data_unref (f->data);
  g_assert_finalize_object (f->document);
}

static cairo_surface_t *
render_with (SilkRenderer   *renderer,
             const SilkView *view,
             gboolean        dark,
             SilkLayers      layers,
             SilkItem       *selected)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (view->width * view->device_scale),
                                        (int) (view->height * view->device_scale));
  cairo_surface_set_device_scale (surface, view->device_scale, view->device_scale);
  cr = cairo_create (surface);
  silk_renderer_draw (renderer, cr, view, silk_palette_get (dark), layers, selected, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
render (Fixture        *f,
        const SilkView *view,
        gboolean        dark,
        SilkLayers      layers,
        SilkItem       *selected)
{
  return render_with (f->renderer, view, dark, layers, selected);
}

/* The pixel under logical (x, y). */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  double sx, sy;
  int px, py;
  const guchar *data = cairo_image_surface_get_data (surface);

  cairo_surface_get_device_scale (surface, &sx, &sy);
  px = (int) floor (x * sx);
  py = (int) floor (y * sy);
  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (const void *) (data + py * cairo_image_surface_get_stride (surface) + px * 4);
}

static gboolean
same_color (guint32 a,
            guint32 b)
{
  for (int shift = 0; shift < 32; shift += 8)
    if (abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 2)
      return FALSE;
  return TRUE;
}

static void
screen_of (Fixture        *f,
           const SilkView *view,
           double          lon,
           double          lat,
           double         *sx,
           double         *sy)
{
  double x, y;

  silk_map_data_project (f->data, lon, lat, &x, &y);
  silk_view_to_screen (view, x, y, sx, sy);
}

/* Deep inside each member (where its name goes, so drawn without labels) the land
 * shows that member's tint, and the six tints differ. */
static void
test_tints (Fixture       *f,
            gconstpointer  user_data)
{
  GListModel *countries = silk_document_get_items (f->document, SILK_ITEM_COUNTRY);
  const SilkPalette *palette = silk_palette_get (FALSE);
  cairo_surface_t *surface = render (f, &f->view, FALSE, SILK_LAYER_LAND | SILK_LAYER_LAKES | SILK_LAYER_BORDERS, NULL);
  guint32 seen[SILK_PALETTE_N_TINTS];

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(SilkCountry) country = g_list_model_get_item (countries, i);
      int tint = silk_map_data_get_tint (f->data, country);
      double x, y, sx, sy;
      guint32 got;

      g_assert_cmpint (tint, >=, 0);
      g_assert_true (silk_map_data_get_label_point (f->data, country, &x, &y));
      /* The label point lies in the country. */
      g_assert_true (silk_map_data_pick (f->data, x, y, 0, NULL) == SILK_ITEM (country));
      silk_view_to_screen (&f->view, x, y, &sx, &sy);
      got = pixel_at (surface, sx, sy);
      if (!same_color (got, silk_color_to_argb32 (&palette->tints[tint])))
        g_error ("%s at (%.0f, %.0f): %08x, expected its tint %08x",
                 silk_item_get_id (SILK_ITEM (country)), sx, sy, got,
                 silk_color_to_argb32 (&palette->tints[tint]));
      seen[i] = got;
      for (guint k = 0; k < i; k++)
        g_assert_false (same_color (seen[k], got));
    }
  cairo_surface_destroy (surface);
}

/* A lake inside a country is water, not the country's tint. */
static void
test_lake (Fixture       *f,
           gconstpointer  user_data)
{
  const SilkPalette *palette = silk_palette_get (FALSE);
  cairo_surface_t *surface = render (f, &f->view, FALSE, SILK_LAYERS_MAP, NULL);
  double sx, sy;

  screen_of (f, &f->view, 77.30, 42.45, &sx, &sy); /* Issyk-Kul */
  g_assert_cmphex (pixel_at (surface, sx, sy), ==, silk_color_to_argb32 (&palette->water));
  screen_of (f, &f->view, 50.5, 42.0, &sx, &sy); /* the Caspian */
  g_assert_cmphex (pixel_at (surface, sx, sy), ==, silk_color_to_argb32 (&palette->water));
  cairo_surface_destroy (surface);
}

/* Within a few pixels of a point on a route, the route's own colour shows. */
static gboolean
color_near (cairo_surface_t *surface,
            double           x,
            double           y,
            int              radius,
            guint32          color)
{
  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      if (same_color (pixel_at (surface, x + dx, y + dy), color))
        return TRUE;
  return FALSE;
}

static void
test_routes (Fixture       *f,
             gconstpointer  user_data)
{
  const SilkPalette *palette = silk_palette_get (FALSE);
  const SilkMapRoute *routes;
  guint n_routes;
  SilkView view = f->view;
  cairo_surface_t *surface;
  cairo_surface_t *bare;

  /* Zoomed on Central Asia, where the routes are. */
  silk_view_zoom_at (&view, 2.5, 0, 0);
  {
    double x, y;

    silk_map_data_project (f->data, 73, 41, &x, &y);
    view.center_x = x;
    view.center_y = y;
  }
  surface = render (f, &view, FALSE, SILK_LAYER_LAND | SILK_LAYER_ROUTES, NULL);
  bare = render (f, &view, FALSE, SILK_LAYER_LAND, NULL);

  routes = silk_map_data_get_routes (f->data, &n_routes);
  g_assert_cmpuint (n_routes, >, 0);
  for (guint i = 0; i < n_routes; i++)
    {
      SilkMode mode = silk_project_get_mode (routes[i].project);
      const SilkGeometry *line = routes[i].line;
      const SilkPoint *p = &line->points[line->n_points / 2];
      guint32 color = silk_color_to_argb32 (mode == SILK_MODE_HIGHWAY ? &palette->highway
                                                                     : &palette->railway);
      double sx, sy;

      silk_view_to_screen (&view, p->x, p->y, &sx, &sy);
      if (sx < 10 || sy < 10 || sx > view.width - 10 || sy > view.height - 10)
        continue;
      if (!color_near (surface, sx, sy, 6, color))
        g_error ("no %08x near %s at (%.0f, %.0f)", color,
                 silk_item_get_id (SILK_ITEM (routes[i].project)), sx, sy);
      g_assert_false (color_near (bare, sx, sy, 6, color));
    }
  cairo_surface_destroy (surface);
  cairo_surface_destroy (bare);
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   double           x0,
                   double           y0,
                   double           x1,
                   double           y1)
{
  guint n = 0;

  for (double y = MAX (y0, 0); y < MIN (y1, HEIGHT); y++)
    for (double x = MAX (x0, 0); x < MIN (x1, WIDTH); x++)
      if (!same_color (pixel_at (a, x, y), pixel_at (b, x, y)))
        n++;
  return n;
}

/* Selecting Kyrgyzstan dims the others and leaves Kyrgyzstan as it was. */
static void
test_selection (Fixture       *f,
                gconstpointer  user_data)
{
  SilkItem *kg = silk_document_lookup (f->document, "KG");
  SilkItem *kz = silk_document_lookup (f->document, "KZ");
  cairo_surface_t *plain = render (f, &f->view, FALSE, SILK_LAYERS_MAP, NULL);
  cairo_surface_t *selected = render (f, &f->view, FALSE, SILK_LAYERS_MAP, kg);
  double x, y, sx, sy;

  g_assert_nonnull (kg);
  g_assert_true (silk_map_data_get_label_point (f->data, SILK_COUNTRY (kz), &x, &y));
  silk_view_to_screen (&f->view, x, y, &sx, &sy);
  g_assert_false (same_color (pixel_at (plain, sx, sy + 30), pixel_at (selected, sx, sy + 30)));

  g_assert_true (silk_map_data_get_label_point (f->data, SILK_COUNTRY (kg), &x, &y));
  silk_view_to_screen (&f->view, x, y, &sx, &sy);
  g_assert_true (same_color (pixel_at (plain, sx, sy), pixel_at (selected, sx, sy)));
  /* The outline: pixels around Kyrgyzstan changed beyond the veil alone. */
  g_assert_cmpuint (count_differences (plain, selected, 0, 0, WIDTH, HEIGHT), >, WIDTH * HEIGHT / 2);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
}

static void
test_dark (Fixture       *f,
           gconstpointer  user_data)
{
  cairo_surface_t *light = render (f, &f->view, FALSE, SILK_LAYERS_ALL, NULL);
  cairo_surface_t *dark = render (f, &f->view, TRUE, SILK_LAYERS_ALL, NULL);
  double sx, sy;

  screen_of (f, &f->view, 50.5, 42.0, &sx, &sy);
  g_assert_cmphex (pixel_at (dark, sx, sy), ==, silk_color_to_argb32 (&silk_palette_get (TRUE)->water));
  g_assert_false (same_color (pixel_at (light, sx, sy), pixel_at (dark, sx, sy)));
  g_assert_cmpuint (count_differences (light, dark, 0, 0, WIDTH, HEIGHT), >, WIDTH * HEIGHT * 9 / 10);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

/* Labels are drawn (text near each member's name point) and nothing is drawn
 * outside the view's own rectangle. */
static void
test_labels (Fixture       *f,
             gconstpointer  user_data)
{
  GListModel *countries = silk_document_get_items (f->document, SILK_ITEM_COUNTRY);
  cairo_surface_t *with = render (f, &f->view, FALSE, SILK_LAYERS_MAP, NULL);
  cairo_surface_t *without = render (f, &f->view, FALSE, SILK_LAYERS_MAP & ~SILK_LAYER_LABELS, NULL);
  guint labelled = 0;

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(SilkCountry) country = g_list_model_get_item (countries, i);
      double x, y, sx, sy;

      silk_map_data_get_label_point (f->data, country, &x, &y);
      silk_view_to_screen (&f->view, x, y, &sx, &sy);
      if (count_differences (with, without, sx - 40, sy - 20, sx + 40, sy + 20) > 60)
        labelled++;
    }
  /* At the whole-region zoom every member's name fits. */
  g_assert_cmpuint (labelled, ==, g_list_model_get_n_items (countries));
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* At HiDPI scale 2 the map is the same map with twice the pixels. */
static void
test_hidpi (Fixture       *f,
            gconstpointer  user_data)
{
  SilkView view = f->view;
  GListModel *countries = silk_document_get_items (f->document, SILK_ITEM_COUNTRY);
  g_autoptr(SilkCountry) country = g_list_model_get_item (countries, 0);
  const SilkPalette *palette = silk_palette_get (FALSE);
  cairo_surface_t *surface;
  double x, y, sx, sy;

  view.device_scale = 2;
  surface = render (f, &view, FALSE, SILK_LAYER_LAND, NULL);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2 * WIDTH);
  silk_map_data_get_label_point (f->data, country, &x, &y);
  silk_view_to_screen (&view, x, y, &sx, &sy);
  g_assert_cmphex (pixel_at (surface, sx, sy), ==,
                   silk_color_to_argb32 (&palette->tints[silk_map_data_get_tint (f->data, country)]));
  cairo_surface_destroy (surface);
}

/* Zoomed far in, detail comes from the finest level and a large country still
 * renders correctly after clipping. */
static void
test_zoomed (Fixture       *f,
             gconstpointer  user_data)
{
  SilkItem *kg = silk_document_lookup (f->document, "KG");
  const SilkPalette *palette = silk_palette_get (FALSE);
  SilkView view = f->view;
  cairo_surface_t *surface;
  double x, y;

  g_assert_true (silk_map_data_get_label_point (f->data, SILK_COUNTRY (kg), &x, &y));
  view.center_x = x;
  view.center_y = y;
  view.scale = 8;
  g_assert_cmpuint (silk_map_data_choose_level (f->data, view.scale), ==, 0);
  g_assert_cmpuint (silk_map_data_choose_level (f->data, f->view.scale), >, 0);
  surface = render (f, &view, FALSE, SILK_LAYER_LAND, NULL);
  /* The middle of the view lies deep in Kyrgyzstan. */
  g_assert_cmphex (pixel_at (surface, WIDTH / 2, HEIGHT / 2), ==,
                   silk_color_to_argb32 (&palette->tints[silk_map_data_get_tint (f->data, SILK_COUNTRY (kg))]));
  cairo_surface_destroy (surface);
}

/* A surface for @view that leaves out @crop logical pixels along each side, as the
 * map view's are. */
static cairo_surface_t *
create_cropped_surface (const SilkView *view,
                        int             crop)
{
  int device_crop = crop * view->device_scale;
  cairo_surface_t *surface;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        view->width * view->device_scale - 2 * device_crop,
                                        view->height * view->device_scale - 2 * device_crop);
  cairo_surface_set_device_scale (surface, view->device_scale, view->device_scale);
  cairo_surface_set_device_offset (surface, -device_crop, -device_crop);
  return surface;
}

typedef struct
{
  SilkRenderer *renderer;
  SilkView view;
  gboolean strip;   /* into a strip two pixels high, as the map view does */
} WarmUp;

static gpointer
warm_up (gpointer data)
{
  WarmUp *warm_up = data;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (!warm_up->strip)
    {
      cairo_surface_destroy (render_with (warm_up->renderer, &warm_up->view, TRUE,
                                          SILK_LAYERS_ALL, NULL));
      return NULL;
    }

  surface = create_cropped_surface (&warm_up->view,
                                    (MIN (warm_up->view.width, warm_up->view.height) - 2) / 2);
  cr = cairo_create (surface);
  silk_renderer_draw (warm_up->renderer, cr, &warm_up->view, silk_palette_get (TRUE),
                      SILK_LAYERS_ALL, NULL, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return NULL;
}

/* A renderer draws a view the same whatever it drew before, and on whichever
 * thread: the map view warms up the renderer of the window's first map with a
 * render at another size, on another thread, and that map must not show it. */
static void
test_warmed_up (Fixture       *f,
                gconstpointer  user_data)
{
  cairo_surface_t *fresh = render (f, &f->view, FALSE, SILK_LAYERS_ALL, NULL);
  gsize size = (gsize) cairo_image_surface_get_stride (fresh) * cairo_image_surface_get_height (fresh);

  for (int strip = 0; strip <= 1; strip++)
    {
      WarmUp warm = { silk_renderer_new (f->data), f->view, strip };
      cairo_surface_t *warmed;

      silk_view_init (&warm.view, 880, 600, 1);
      silk_view_fit (&warm.view, silk_map_data_get_region (f->data), 16);
      g_thread_join (g_thread_new ("warm-up", warm_up, &warm));
      warmed = render_with (warm.renderer, &f->view, FALSE, SILK_LAYERS_ALL, NULL);

      g_assert_cmpint (cairo_image_surface_get_stride (warmed), ==,
                       cairo_image_surface_get_stride (fresh));
      g_assert_true (memcmp (cairo_image_surface_get_data (fresh),
                             cairo_image_surface_get_data (warmed), size) == 0);

      cairo_surface_destroy (warmed);
      silk_renderer_free (warm.renderer);
    }
  cairo_surface_destroy (fresh);
}

/* The base layers of @view, drawn into a surface that leaves out @crop logical
 * pixels along each side, as the map view draws its first map. */
static cairo_surface_t *
render_base (SilkRenderer   *renderer,
             const SilkView *view,
             int             crop)
{
  cairo_surface_t *surface = create_cropped_surface (view, crop);
  cairo_t *cr;

  cr = cairo_create (surface);
  silk_renderer_draw_base (renderer, cr, view, silk_palette_get (FALSE), SILK_LAYERS_MAP);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The map view draws its first map over the view alone, leaving out the margin it
 * keeps around the view for panning, and the next one with that margin: within the
 * view the two are the same pixels, labels and all, so that the second replaces the
 * first unseen. */
static void
test_margin (Fixture       *f,
             gconstpointer  user_data)
{
  const int margin = 128;

  silk_renderer_set_label_margin (f->renderer, margin);
  for (int device_scale = 1; device_scale <= 2; device_scale++)
    {
      SilkView view = f->view;
      cairo_surface_t *cropped, *whole;
      const guchar *cropped_data, *whole_data;
      int cropped_stride, whole_stride, offset, row_bytes;

      view.device_scale = device_scale;
      view.width += 2 * margin;
      view.height += 2 * margin;
      cropped = render_base (f->renderer, &view, margin);
      whole = render_base (f->renderer, &view, 0);

      cropped_data = cairo_image_surface_get_data (cropped);
      whole_data = cairo_image_surface_get_data (whole);
      cropped_stride = cairo_image_surface_get_stride (cropped);
      whole_stride = cairo_image_surface_get_stride (whole);
      offset = margin * device_scale;
      row_bytes = cairo_image_surface_get_width (cropped) * 4;
      g_assert_cmpint (cairo_image_surface_get_width (cropped), ==, WIDTH * device_scale);
      g_assert_cmpint (cairo_image_surface_get_height (cropped), ==, HEIGHT * device_scale);
      for (int y = 0; y < cairo_image_surface_get_height (cropped); y++)
        for (int x = 0; x < row_bytes; x++)
          {
            int a = cropped_data[(gsize) y * cropped_stride + x];
            int b = whole_data[(gsize) (y + offset) * whole_stride + offset * 4 + x];

            /* Cairo's rounding of a translated coordinate may tip a channel by one. */
            if (ABS (a - b) > 1)
              g_error ("byte %d of row %d: %d, %d in the whole render, at device scale %d",
                       x, y, a, b, device_scale);
          }

      cairo_surface_destroy (whole);
      cairo_surface_destroy (cropped);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/render/tints", test_tints);
  ADD ("/render/lake", test_lake);
  ADD ("/render/routes", test_routes);
  ADD ("/render/selection", test_selection);
  ADD ("/render/dark", test_dark);
  ADD ("/render/labels", test_labels);
  ADD ("/render/hidpi", test_hidpi);
  ADD ("/render/zoomed", test_zoomed);
  ADD ("/render/warmed-up", test_warmed_up);
  ADD ("/render/margin", test_margin);
#undef ADD

  return g_test_run ();
}
