/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Printing: one page, through the same GtkPrintOperation the Print dialog runs,
 * exported to PDF so that the test needs no printer. */

#include <glib/gstdio.h>

#include "silk-print.h"
#include "silk-test-util.h"

static guint
count_occurrences (const char *haystack,
                   gsize       length,
                   const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      count++;
  return count;
}

static void
print_to_pdf (SilkWindow *window,
              const char *path)
{
  SilkMapView *map = silk_window_get_map_view (window);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  result = silk_print_run (GTK_WINDOW (window), silk_map_view_get_map_data (map),
                           silk_selection_get_item (silk_window_get_selection (window)),
                           silk_map_view_get_layers (map), GTK_PRINT_OPERATION_ACTION_EXPORT,
                           path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

static void
test_one_page (gconstpointer data)
{
  const char *select = data;
  SilkWindow *window = silk_test_window_new (select);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("silk-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "page.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  print_to_pdf (window, path);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* One page: cairo writes one page object and a page tree of one. */
  g_assert_cmpuint (count_occurrences (contents, length, "/Type /Page\n")
                    + count_occurrences (contents, length, "/Type /Page "), ==, 1);
  g_assert_cmpuint (count_occurrences (contents, length, "/Count 1"), ==, 1);
  /* A map, not an empty page: the routes, land and text make a file of some size. */
  g_assert_cmpuint (length, >, 50000);

  g_unlink (path);
  g_rmdir (dir);
  silk_test_window_close (window);
}

/* The page drawn directly: title, map, details and footer all within the page,
 * whatever its shape, with nothing drawn outside. */
static void
test_page_within_bounds (void)
{
  SilkWindow *window = silk_test_window_new ("project:cku-railway");
  SilkMapView *map = silk_window_get_map_view (window);
  static const double sizes[][2] = { { 770, 523 }, { 523, 770 }, { 300, 200 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      double width = sizes[i][0], height = sizes[i][1];
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                             (int) width + 40,
                                                             (int) height + 40);
      cairo_t *cr = cairo_create (surface);
      guint inside = 0, outside = 0;

      cairo_translate (cr, 20, 20);
      silk_print_draw_page (cr, width, height, silk_map_view_get_map_data (map),
                            silk_selection_get_item (silk_window_get_selection (window)),
                            silk_map_view_get_layers (map));
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      for (int y = 0; y < height + 40; y++)
        for (int x = 0; x < width + 40; x++)
          {
            guint32 pixel = ((guint32 *) (cairo_image_surface_get_data (surface)
                                          + y * cairo_image_surface_get_stride (surface)))[x];
            gboolean in = x >= 19 && y >= 19 && x <= width + 21 && y <= height + 21;

            if (pixel >> 24 == 0)
              continue;
            if (in)
              inside++;
            else
              {
                outside++;
                if (g_test_verbose ())
                  g_printerr ("outside %d %d (page %gx%g)\n", x, y, width, height);
              }
          }
      g_assert_cmpuint (outside, ==, 0);
      g_assert_cmpuint (inside, >, width * height / 4);
      cairo_surface_destroy (surface);
    }

  silk_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/print/one-page/overview", NULL, test_one_page);
  g_test_add_data_func ("/print/one-page/project", "project:cku-railway", test_one_page);
  g_test_add_data_func ("/print/one-page/country", "country:KZ", test_one_page);
  g_test_add_func ("/print/page-within-bounds", test_page_within_bounds);

  return g_test_run ();
}
