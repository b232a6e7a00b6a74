/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What must not break the application: names in a script no installed font can
 * show, window sizes from the smallest the window allows to a 4K screen, and a
 * HiDPI scale. tests/meson.build runs this file twice, with --scale=1 and
 * --scale=2 (GDK_SCALE): every test runs at both scales. */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "silk-export.h"
#include "silk-map-view-private.h"
#include "silk-renderer.h"
#include "silk-test-files.h"
#include "silk-test-util.h"
#include "silk-window.h"

/* Kawi (Unicode 15, newer than the fonts Debian 12 ships), a private-use
 * character and an unassigned code point: no installed font has a glyph for any of
 * them, so pango falls back to hex boxes. */
#define NO_GLYPHS "\U00011F04\U00011F05\U00011F06 \uE000\u0378"

static int scale = 1;

/* Copies the test atlas to a temporary folder with its names in NO_GLYPHS. */
static char *
make_atlas_without_glyphs (void)
{
  static const char * const files[] = {
    "atlas.json", "geo/countries.geojson", "geo/countries-coarse.geojson",
    "geo/borders.geojson", "geo/lakes.geojson", "geo/rivers.geojson",
    "geo/places.geojson", "geo/routes.geojson",
  };
  static const char * const names[] = {
    "\"Kazakhstan\"", "\"Kyrgyzstan\"", "\"Russia\"", "\"Astana\"", "\"Bishkek\"",
    "\"Test railway\"", "\"Test tunnel\"", "\"Test atlas\"",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("silk-robustness-XXXXXX", &error);
  g_autofree char *geo = NULL;

  g_assert_no_error (error);
  geo = g_build_filename (dir, "geo", NULL);
  g_assert_cmpint (g_mkdir (geo, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "atlas", files[i],
                                                       NULL);
      g_autofree char *target = g_build_filename (dir, files[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GString) text = NULL;
      guint replaced = 0;

      g_assert_true (g_file_get_contents (source, &contents, NULL, &error));
      text = g_string_new (contents);
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        replaced += g_string_replace (text, names[k], "\"" NO_GLYPHS "\"", 0);
      if (g_str_equal (files[i], "atlas.json") || g_str_equal (files[i], "geo/places.geojson"))
        g_assert_cmpuint (replaced, >, 0);
      g_assert_true (g_file_set_contents (target, text->str, text->len, &error));
    }

  return g_steal_pointer (&dir);
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the map has drawn a base for its current size and is
 * idle, then until the window has drawn a frame. */
static void
wait_for_map (GtkWidget *window)
{
  SilkMapView *map = SILK_MAP_VIEW (silk_test_find_descendant (window, SILK_TYPE_MAP_VIEW));
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  guint timeout = g_timeout_add (100, wake_up, NULL);

  g_assert_nonnull (map);
  while (silk_map_view_is_busy (map) || !silk_map_view_has_base (map))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
  gtk_test_widget_wait_for_draw (window);
}

/* Resizes @window as a user would and waits until it has that size, give or take
 * the room client-side decorations take from the default size. */
static void
resize (GtkWidget *window,
        int        width,
        int        height)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  guint timeout = g_timeout_add (100, wake_up, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  while (ABS (gtk_widget_get_width (window) - width) > 20
         || ABS (gtk_widget_get_height (window) - height) > 20)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the window is %d×%d, not %d×%d", gtk_widget_get_width (window),
                 gtk_widget_get_height (window), width, height);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
  wait_for_map (window);
}

static SilkWindow *
present_window (void)
{
  SilkWindow *window = g_object_ref_sink (g_object_new (SILK_TYPE_WINDOW, NULL));

  silk_window_open (window, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  wait_for_map (GTK_WIDGET (window));
  return window;
}

static void
close_window (SilkWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (window);
}

/* The test really runs at the scale it says: GDK_SCALE reached the display, and
 * the map draws at it. */
static void
test_scale (void)
{
  SilkWindow *window = present_window ();
  SilkMapView *map = SILK_MAP_VIEW (silk_test_find_descendant (GTK_WIDGET (window), SILK_TYPE_MAP_VIEW));
  SilkView view;

  g_assert_cmpint (gtk_widget_get_scale_factor (GTK_WIDGET (window)), ==, scale);
  silk_map_view_get_view (map, &view);
  g_assert_cmpfloat (view.device_scale, ==, scale);
  g_assert_cmpint (view.width, ==, gtk_widget_get_width (GTK_WIDGET (map)));

  close_window (window);
}

/* Names that no font can show load, render, export and show in the window. */
static void
test_missing_glyphs (void)
{
  g_autofree char *dir = make_atlas_without_glyphs ();
  g_autofree char *path = g_build_filename (dir, "atlas.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = silk_document_load (file, NULL, &error);
  const char *exports[] = { "map.png", "map.svg", "map.pdf" };
  SilkWindow *window;
  SilkItem *kz;

  g_assert_no_error (error);
  kz = silk_document_lookup (document, "KZ");
  g_assert_cmpstr (silk_item_get_name (kz), ==, NO_GLYPHS);
  g_assert_cmpstr (silk_item_get_name (silk_document_lookup (document, "astana")), ==,
                   NO_GLYPHS);

  /* Every label, at both scales, with the country selected. */
  for (int s = 1; s <= 2; s++)
    {
      g_autoptr(SilkMapData) data = silk_map_data_new (document);
      SilkRenderer *renderer = silk_renderer_new (data);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                             800 * s, 500 * s);
      cairo_t *cr;
      SilkView view;

      cairo_surface_set_device_scale (surface, s, s);
      cr = cairo_create (surface);
      silk_view_init (&view, 800, 500, s);
      silk_view_fit (&view, silk_map_data_get_region (data), 16);
      silk_renderer_draw (renderer, cr, &view, silk_palette_get (s == 2), SILK_LAYERS_ALL, kz,
                          NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      silk_renderer_free (renderer);
    }

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *target = g_build_filename (dir, exports[i], NULL);

      g_assert_true (silk_export_map (document, kz, target, 640, 400, FALSE, &error));
      g_assert_no_error (error);
    }

  /* The window: map, sidebar and title with the names, the country selected. */
  window = present_window ();
  g_assert_true (silk_window_load (window, file, &error));
  g_assert_no_error (error);
  wait_for_map (GTK_WIDGET (window));
  silk_selection_set_item (silk_window_get_selection (window),
                           silk_document_lookup (silk_window_get_document (window), "KZ"));
  wait_for_map (GTK_WIDGET (window));
  g_assert_cmpstr (silk_item_get_name (silk_selection_get_item (silk_window_get_selection (window))),
                   ==, NO_GLYPHS);

  close_window (window);
  silk_test_remove_tree (dir);
}

/* The smallest size the window allows, a 4K screen's (at this scale) and back: the
 * map renders at each and the window keeps working. */
static void
test_window_sizes (void)
{
  SilkWindow *window = present_window ();
  GtkWidget *widget = GTK_WIDGET (window);
  SilkMapView *map = SILK_MAP_VIEW (silk_test_find_descendant (widget, SILK_TYPE_MAP_VIEW));
  int min_width, min_height;
  guint renders;
  SilkView view;
  GdkMonitor *monitor;
  GdkRectangle screen;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL,
                      NULL);
  g_test_message ("smallest window: %d×%d", min_width, min_height);
  g_assert_cmpint (min_width, >, 0);
  g_assert_cmpint (min_height, >, 0);

  resize (widget, min_width, min_height);
  silk_map_view_get_view (map, &view);
  g_assert_cmpint (view.width, ==, gtk_widget_get_width (GTK_WIDGET (map)));
  g_assert_cmpint (view.height, ==, gtk_widget_get_height (GTK_WIDGET (map)));

  /* GTK keeps a window within its monitor: build-aux/check gives Xvfb a 4K screen. */
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget),
                                                gtk_native_get_surface (GTK_NATIVE (widget)));
  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width * scale < 3840 || screen.height * scale < 2160)
    {
      g_test_skip_printf ("the screen is %d×%d pixels, smaller than 4K", screen.width * scale,
                          screen.height * scale);
    }
  else
    {
      renders = silk_map_view_get_n_base_renders (map);
      resize (widget, 3840 / scale, 2160 / scale);
      g_assert_cmpuint (silk_map_view_get_n_base_renders (map), >, renders);
      silk_map_view_get_view (map, &view);
      g_assert_cmpint (view.width, ==, gtk_widget_get_width (GTK_WIDGET (map)));
      g_assert_cmpint (view.height, ==, gtk_widget_get_height (GTK_WIDGET (map)));
      g_assert_cmpint (view.width, >, 3840 / scale / 2);
    }

  /* Still working: a selection shows, and the map follows it. */
  silk_selection_set_item (silk_window_get_selection (window),
                           silk_document_lookup (silk_window_get_document (window),
                                                 "cku-railway"));
  wait_for_map (widget);
  resize (widget, 1000, 700);
  g_assert_cmpstr (silk_item_get_id (silk_selection_get_item (silk_window_get_selection (window))),
                   ==, "cku-railway");

  close_window (window);
}

/* A bad atlas opened from the window keeps the atlas and the view the user had,
 * says what is wrong where, and offers to open another. */
static void
test_bad_atlas_keeps_view (void)
{
  SilkWindow *window = present_window ();
  SilkMapView *map = SILK_MAP_VIEW (silk_test_find_descendant (GTK_WIDGET (window), SILK_TYPE_MAP_VIEW));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = g_dir_make_tmp ("silk-robustness-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  SilkDocument *before = silk_window_get_document (window);
  SilkView view, after;
  GtkWindow *dialog;
  GtkWidget *label;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "{ \"silk-atlas\": 1, \"id\": \"x\" ", -1, &error));
  file = g_file_new_for_path (path);

  silk_map_view_get_view (map, &view);
  view.scale *= 2;
  silk_map_view_set_view (map, &view);
  wait_for_map (GTK_WIDGET (window));
  silk_map_view_get_view (map, &view);

  g_assert_false (silk_window_load (window, file, &error));
  g_assert_error (error, SILK_LOAD_ERROR, SILK_LOAD_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "bad.json:1:1: "));
  wait_for_map (GTK_WIDGET (window));

  g_assert_true (silk_window_get_document (window) == before);
  g_assert_true (silk_map_view_get_document (map) == before);
  silk_map_view_get_view (map, &after);
  g_assert_true (silk_view_equal (&view, &after));

  /* Opened as the Open action or --dataset does: the same, and a dialog. */
  silk_window_open (window, file, NULL);
  dialog = silk_test_find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "open"));
  label = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "bad.json:1:1: "));
  wait_for_map (GTK_WIDGET (window));
  g_assert_true (silk_window_get_document (window) == before);
  silk_map_view_get_view (map, &after);
  g_assert_true (silk_view_equal (&view, &after));

  gtk_window_destroy (dialog);
  close_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* --scale=N: GDK reads GDK_SCALE when it opens the display. */
  if (argc > 1 && g_str_has_prefix (argv[1], "--scale="))
    {
      scale = atoi (argv[1] + strlen ("--scale="));
      g_assert_cmpint (scale, >=, 1);
      g_setenv ("GDK_SCALE", argv[1] + strlen ("--scale="), TRUE);
      argv[1] = argv[0];
      argv++;
      argc--;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/robustness/scale", test_scale);
  g_test_add_func ("/robustness/missing-glyphs", test_missing_glyphs);
  g_test_add_func ("/robustness/window-sizes", test_window_sizes);
  g_test_add_func ("/robustness/bad-atlas-keeps-view", test_bad_atlas_keeps_view);

  return g_test_run ();
}
