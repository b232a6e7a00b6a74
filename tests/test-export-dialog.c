/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Export through the dialog, as "Export Map…" does once the file chooser returns:
 * the chosen format, size, legend and area are what is written, atomically. */

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>

#include "silk-config.h"
#include "silk-test-util.h"

typedef struct
{
  gboolean finished;
  GFile *file;
  GError *error;
} Result;

static void
on_finished (SilkExportDialog *dialog,
             GFile            *file,
             const GError     *error,
             Result           *result)
{
  result->finished = TRUE;
  g_set_object (&result->file, file);
  g_clear_error (&result->error);
  if (error != NULL)
    result->error = g_error_copy (error);
}

static void
result_clear (Result *result)
{
  g_clear_object (&result->file);
  g_clear_error (&result->error);
  result->finished = FALSE;
}

/* Opens the dialog through win.export, sets it as a person would, and exports to
 * @path (the name a person typed in the file chooser). */
static void
export_through_dialog (SilkWindow       *window,
                       SilkExportFormat  format,
                       int               width,
                       int               height,
                       gboolean          legend,
                       SilkExportExtent  extent,
                       const char       *path,
                       Result           *result)
{
  SilkExportDialog *dialog;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (SILK_IS_EXPORT_DIALOG (toplevel)
            && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window)
            && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
          dialog = SILK_EXPORT_DIALOG (toplevel);
      }
  }
  g_assert_nonnull (dialog);

  silk_export_dialog_set_format (dialog, format);
  silk_export_dialog_set_size (dialog, width, height);
  silk_export_dialog_set_legend (dialog, legend);
  silk_export_dialog_set_extent (dialog, extent);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), result);

  silk_export_dialog_export_to (dialog, file);
  while (!result->finished)
    g_main_context_iteration (NULL, TRUE);
}

static char *
read_head (const char *path,
           gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return NULL;
  return g_strndup (contents, MIN (size, length));
}

static void
test_formats (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("silk-export-XXXXXX", &error);
  static const struct
  {
    SilkExportFormat format;
    const char *typed;     /* what the person typed */
    const char *written;   /* what the dialog writes */
    const char *magic;
  } cases[] = {
    { SILK_EXPORT_FORMAT_PNG, "map", "map.png", "\x89PNG\r\n\x1a\n" },
    { SILK_EXPORT_FORMAT_SVG, "map.png", "map.svg", "<?xml" },
    { SILK_EXPORT_FORMAT_PDF, "Map.PDF", "Map.PDF", "%PDF" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result result = { 0 };
      g_autofree char *typed = g_build_filename (dir, cases[i].typed, NULL);
      g_autofree char *written = g_build_filename (dir, cases[i].written, NULL);
      g_autofree char *head = NULL;
      g_autofree char *result_path = NULL;

      export_through_dialog (window, cases[i].format, 640, 400, TRUE,
                             SILK_EXPORT_EXTENT_VIEW, typed, &result);
      g_assert_no_error (result.error);
      result_path = g_file_get_path (result.file);
      g_assert_cmpstr (result_path, ==, written);
      head = read_head (written, strlen (cases[i].magic));
      g_assert_cmpstr (head, ==, cases[i].magic);
      g_unlink (written);
      result_clear (&result);
    }

  /* A PNG of the chosen size. */
  {
    Result result = { 0 };
    g_autofree char *path = g_build_filename (dir, "size.png", NULL);
    cairo_surface_t *surface;

    export_through_dialog (window, SILK_EXPORT_FORMAT_PNG, 321, 123, FALSE,
                           SILK_EXPORT_EXTENT_REGION, path, &result);
    g_assert_no_error (result.error);
    surface = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 321);
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 123);
    cairo_surface_destroy (surface);
    g_unlink (path);
    result_clear (&result);
  }

  g_rmdir (dir);
  silk_test_window_close (window);
}

static guint
count_differences (const char *a,
                   const char *b)
{
  cairo_surface_t *sa = cairo_image_surface_create_from_png (a);
  cairo_surface_t *sb = cairo_image_surface_create_from_png (b);
  int width = cairo_image_surface_get_width (sa);
  int height = cairo_image_surface_get_height (sa);
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (sa), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (sb), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (width, ==, cairo_image_surface_get_width (sb));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint32 *pa = (const guint32 *) (cairo_image_surface_get_data (sa)
                                               + y * cairo_image_surface_get_stride (sa));
        const guint32 *pb = (const guint32 *) (cairo_image_surface_get_data (sb)
                                               + y * cairo_image_surface_get_stride (sb));

        n += pa[x] != pb[x];
      }
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
  return n;
}

/* The legend switch and the layers popover reach the file. */
static void
test_legend_and_layers (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("silk-export-XXXXXX", &error);
  g_autofree char *full = g_build_filename (dir, "full.png", NULL);
  g_autofree char *no_legend = g_build_filename (dir, "no-legend.png", NULL);
  g_autofree char *no_roads = g_build_filename (dir, "no-highways.png", NULL);
  g_autofree char *full_again = g_build_filename (dir, "full-again.png", NULL);
  Result result = { 0 };

  g_assert_no_error (error);
  export_through_dialog (window, SILK_EXPORT_FORMAT_PNG, 800, 500, TRUE,
                         SILK_EXPORT_EXTENT_REGION, full, &result);
  g_assert_no_error (result.error);
  result_clear (&result);
  export_through_dialog (window, SILK_EXPORT_FORMAT_PNG, 800, 500, FALSE,
                         SILK_EXPORT_EXTENT_REGION, no_legend, &result);
  g_assert_no_error (result.error);
  result_clear (&result);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-highways", NULL);
  export_through_dialog (window, SILK_EXPORT_FORMAT_PNG, 800, 500, TRUE,
                         SILK_EXPORT_EXTENT_REGION, no_roads, &result);
  g_assert_no_error (result.error);
  result_clear (&result);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-highways", NULL);
  export_through_dialog (window, SILK_EXPORT_FORMAT_PNG, 800, 500, TRUE,
                         SILK_EXPORT_EXTENT_REGION, full_again, &result);
  g_assert_no_error (result.error);
  result_clear (&result);

  /* The same choices give the same picture; each change shows. */
  g_assert_cmpuint (count_differences (full, full_again), ==, 0);
  g_assert_cmpuint (count_differences (full, no_legend), >, 1000);
  g_assert_cmpuint (count_differences (full, no_roads), >, 100);

  g_unlink (full);
  g_unlink (no_legend);
  g_unlink (no_roads);
  g_unlink (full_again);
  g_rmdir (dir);
  silk_test_window_close (window);
}

/* A write that fails half-way (here: the file size limit, which binds even root)
 * leaves the old file as it was and nothing beside it, and says why. */
static void
test_failed_write_keeps_old_file (void)
{
  if (g_test_subprocess ())
    {
      SilkWindow *window = silk_test_window_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("silk-export-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "map.png", NULL);
      g_autofree char *contents = NULL;
      struct rlimit limit = { 4096, 4096 };
      GtkWindow *message;
      Result result = { 0 };
      GDir *listing;
      const char *name;
      guint n_files = 0;

      g_assert_no_error (error);
      g_file_set_contents (path, "the old map", -1, &error);
      g_assert_no_error (error);

      /* Over the limit, write() fails with EFBIG instead of killing us. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      export_through_dialog (window, SILK_EXPORT_FORMAT_PNG, 1600, 1000, TRUE,
                             SILK_EXPORT_EXTENT_REGION, path, &result);
      g_assert_nonnull (result.error);
      g_assert_error (result.error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_WRITE);

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, "the old map");
      listing = g_dir_open (dir, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (listing)) != NULL)
        n_files++;
      g_dir_close (listing);
      g_assert_cmpuint (n_files, ==, 1);

      /* The window tells the person, with the reason. */
      silk_test_iterate ();
      message = silk_test_find_message_dialog (window);
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                                result.error->message));

      g_unlink (path);
      g_rmdir (dir);
      result_clear (&result);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The dialog starts from the last choices and remembers new ones. */
static void
test_remembers_choices (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SilkWindow *window = silk_test_window_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("silk-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "remembered", NULL);
  g_autofree char *written = g_build_filename (dir, "remembered.svg", NULL);
  SilkExportDialog *dialog;
  SilkExportOptions options;
  SilkBounds extent;
  Result result = { 0 };
  SilkView view;

  g_assert_no_error (error);
  silk_window_use_settings (window, settings);
  export_through_dialog (window, SILK_EXPORT_FORMAT_SVG, 1000, 700, FALSE,
                         SILK_EXPORT_EXTENT_REGION, path, &result);
  g_assert_no_error (result.error);
  g_assert_true (g_file_test (written, G_FILE_TEST_EXISTS));
  {
    g_autofree char *format = g_settings_get_string (settings, "export-format");

    g_assert_cmpstr (format, ==, "svg");
  }

  silk_map_view_get_view (silk_window_get_map_view (window), &view);
  dialog = silk_export_dialog_new (GTK_WINDOW (window),
                                   silk_map_view_get_map_data (silk_window_get_map_view (window)),
                                   &view, NULL, SILK_LAYERS_MAP, FALSE, settings);
  g_assert_cmpint (silk_export_dialog_get_format (dialog), ==, SILK_EXPORT_FORMAT_SVG);
  silk_export_dialog_get_options (dialog, &options, &extent);
  g_assert_cmpint (options.width, ==, 1000);
  g_assert_cmpint (options.height, ==, 700);
  g_assert_false (options.layers & SILK_LAYER_LEGEND);
  g_assert_true (options.layers & SILK_LAYER_SCALE_BAR);
  g_assert_cmpfloat (extent.min_x, ==, silk_map_data_get_region (silk_map_view_get_map_data (silk_window_get_map_view (window)))->min_x);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-width");
  g_settings_reset (settings, "export-height");
  g_settings_reset (settings, "export-legend");
  g_settings_reset (settings, "export-extent");
  g_unlink (written);
  g_rmdir (dir);
  result_clear (&result);
  silk_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/export-dialog/formats", test_formats);
  g_test_add_func ("/export-dialog/legend-and-layers", test_legend_and_layers);
  g_test_add_func ("/export-dialog/failed-write-keeps-old-file", test_failed_write_keeps_old_file);
  g_test_add_func ("/export-dialog/remembers-choices", test_remembers_choices);

  return g_test_run ();
}
