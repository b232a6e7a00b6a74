/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "silk-export.h"
#include "silk-test-files.h"

typedef struct
{
  SilkDocument *document;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  f->document = silk_document_load_bundled (&error);
  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("silk-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  silk_test_remove_tree (f->dir);
  g_free (f->dir);
  g_assert_finalize_object (f->document);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_png (Fixture       *f,
          gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (silk_export_map (f->document, NULL, path, 800, 500, FALSE, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 500);
  cairo_surface_destroy (surface);
  /* Nothing but the file itself is left behind. */
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_vector (Fixture       *f,
             gconstpointer  user_data)
{
  const char *names[] = { "map.svg", "MAP.SVG", "map.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (silk_export_map (f->document, silk_document_lookup (f->document, "cku-railway"),
                                      path, 1200, 800, i == 1, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 10000);
      if (g_str_has_suffix (names[i], "pdf"))
        g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      else
        {
          g_assert_true (g_str_has_prefix (contents, "<?xml") || g_str_has_prefix (contents, "<svg"));
          g_assert_nonnull (strstr (contents, "</svg>"));
        }
    }
}

/* The selected item changes the picture (it is fitted and emphasised). */
static void
test_selected (Fixture       *f,
               gconstpointer  user_data)
{
  g_autofree char *plain = g_build_filename (f->dir, "plain.png", NULL);
  g_autofree char *selected = g_build_filename (f->dir, "selected.png", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize la, lb;

  g_assert_true (silk_export_map (f->document, NULL, plain, 640, 400, TRUE, NULL));
  g_assert_true (silk_export_map (f->document, silk_document_lookup (f->document, "KG"),
                                  selected, 640, 400, TRUE, NULL));
  g_assert_true (g_file_get_contents (plain, &a, &la, NULL));
  g_assert_true (g_file_get_contents (selected, &b, &lb, NULL));
  g_assert_true (la != lb || memcmp (a, b, la) != 0);
}

static void
test_errors (Fixture       *f,
             gconstpointer  user_data)
{
  g_autofree char *old = g_build_filename (f->dir, "old.png", NULL);
  g_autofree char *bad_ext = g_build_filename (f->dir, "map.jpeg", NULL);
  g_autofree char *no_dir = g_build_filename (f->dir, "missing", "map.png", NULL);
  g_autofree char *is_dir = g_build_filename (f->dir, "folder.png", NULL);
  g_autofree char *inside = g_build_filename (is_dir, "keep", NULL);
  g_autofree char *contents = NULL;
  GError *error = NULL;

  g_assert_true (g_file_set_contents (old, "old contents", -1, NULL));

  g_assert_false (silk_export_map (f->document, NULL, bad_ext, 800, 600, FALSE, &error));
  g_assert_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, ".png, .svg or .pdf"));
  g_clear_error (&error);

  g_assert_false (silk_export_map (f->document, NULL, no_dir, 800, 600, FALSE, &error));
  g_assert_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, no_dir));
  g_clear_error (&error);

  /* The rename fails at the very end, over a directory: nothing is left behind. */
  g_assert_cmpint (g_mkdir (is_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", -1, NULL));
  g_assert_false (silk_export_map (f->document, NULL, is_dir, 300, 200, FALSE, &error));
  g_assert_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_false (silk_export_map (f->document, NULL, old, 20, 600, FALSE, &error));
  g_assert_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_SIZE);
  g_clear_error (&error);

  /* The old file is untouched, and the failures left no temporary file. */
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  g_assert_cmpuint (count_files (f->dir), ==, 2);

  /* A successful export replaces it whole. */
  g_assert_true (silk_export_map (f->document, NULL, old, 300, 200, FALSE, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  g_assert_cmpuint (count_files (f->dir), ==, 2);
}

/* The bytes of a file that an export must leave as they are. */
static const char old_bytes[] = "\x89PNG\r\n\x1a\n an older map, not to be cut short";

static void
assert_old_file_kept (Fixture    *f,
                      const char *old)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (old, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, old_bytes, sizeof old_bytes - 1);
  /* No temporary file is left beside it. */
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

/* A disk that fills up during the write, as a file size limit simulates for any
 * user, root included: the write fails part-way, the error says why, and the old
 * file stays whole. In a child process, since the limit holds for the process. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  user_data)
{
  const char *names[] = { "map.png", "map.svg", "map.pdf" };
  struct rlimit limit = { 4096, 4096 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* Over the limit, write() fails with EFBIG instead of the process being killed. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *old = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (old, old_bytes, sizeof old_bytes - 1, NULL));
      g_assert_false (silk_export_map (f->document, NULL, old, 1200, 800, FALSE, &error));
      g_assert_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, old));
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
      assert_old_file_kept (f, old);
      g_assert_cmpint (g_unlink (old), ==, 0);
    }
}

/* A folder the export may not write into: the temporary file cannot be made. Root
 * may write anywhere, so for root a path under a regular file stands in. */
static void
test_unwritable_folder (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autofree char *old = g_build_filename (f->dir, "map.png", NULL);
  g_autofree char *under_file = g_build_filename (old, "map.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (old, old_bytes, sizeof old_bytes - 1, NULL));

  g_assert_false (silk_export_map (f->document, NULL, under_file, 300, 200, FALSE, &error));
  g_assert_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, under_file));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOTDIR)));
  g_clear_error (&error);
  assert_old_file_kept (f, old);

  if (geteuid () == 0)
    {
      g_test_message ("running as root, for whom a read-only folder is writable: "
                      "only the path under a file was tried");
      return;
    }

  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  g_assert_false (silk_export_map (f->document, NULL, old, 300, 200, FALSE, &error));
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, old));
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
  assert_old_file_kept (f, old);
}

static void
test_parse_size (void)
{
  const char *bad[] = { "800", "800x", "x600", "axb", "800x600x2", "0x600", "-800x600",
                        "20x20", "99999x100", "800 x 600", "" };
  GError *error = NULL;
  int w, h;

  g_assert_true (silk_export_parse_size ("1920x1080", &w, &h, &error));
  g_assert_no_error (error);
  g_assert_cmpint (w, ==, 1920);
  g_assert_cmpint (h, ==, 1080);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (silk_export_parse_size (bad[i], &w, &h, &error))
        g_error ("“%s” was accepted", bad[i]);
      g_assert_error (error, SILK_EXPORT_ERROR, SILK_EXPORT_ERROR_SIZE);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/export/vector", Fixture, NULL, fixture_set_up, test_vector, fixture_tear_down);
  g_test_add ("/export/selected", Fixture, NULL, fixture_set_up, test_selected, fixture_tear_down);
  g_test_add ("/export/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/export/disk-full", Fixture, NULL, fixture_set_up, test_disk_full,
              fixture_tear_down);
  g_test_add ("/export/unwritable-folder", Fixture, NULL, fixture_set_up,
              test_unwritable_folder, fixture_tear_down);
  g_test_add_func ("/export/parse-size", test_parse_size);

  return g_test_run ();
}
