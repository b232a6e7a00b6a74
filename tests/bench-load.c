/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Atlas load and export timings against floors measured in the same run, one line
 * per figure: "name: median unit (floor: median unit, ratio: r)". Not a test: run
 * by build-aux/bench, which applies the budgets.
 *
 *   ninja -C _build tests/bench-load && _build/tests/bench-load DATA_DIR */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "silk-bench-util.h"
#include "silk-export.h"
#include "silk-map-data.h"
#include "silk-renderer.h"

#define RUNS 15

typedef void (*BenchFunc) (gpointer data);

/* Median wall time of one call, in milliseconds, after two warm-up calls. */
static double
measure (BenchFunc func,
         gpointer  data,
         guint     runs)
{
  g_autofree double *times = g_new (double, runs);

  func (data);
  func (data);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return silk_bench_percentile (times, runs, 0.5);
}

/* Loads */

typedef struct
{
  GFile *file;         /* NULL: the bundled atlas */
  GPtrArray *floor;    /* GFile*: what the floor parses */
} Load;

static void
load_document (gpointer user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = NULL;

  document = load->file != NULL ? silk_document_load (load->file, NULL, &error)
                                : silk_document_load_bundled (&error);
  if (document == NULL)
    g_error ("%s", error->message);
}

static void
load_finest (gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = silk_document_load_bundled (&error);
  gint64 start;

  if (document == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  silk_document_ensure_finest (document);
  *(gint64 *) user_data = g_get_monotonic_time () - start;
}

/* The floor: json-glib's parser reading the same files, as a first loader would,
 * before checking anything. */
static void
parse_with_json_glib (gpointer user_data)
{
  GPtrArray *files = user_data;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_file_load_bytes (files->pdata[i], NULL, NULL, &error);
      gsize length;
      const char *text;

      if (bytes == NULL)
        g_error ("%s", error->message);
      text = g_bytes_get_data (bytes, &length);
      if (!json_parser_load_from_data (parser, text, length, &error))
        g_error ("%s", error->message);
    }
}

/* The files a load of @manifest reads: all of them, or with the finest countries
 * and borders left for later (as silk_document_load_bundled() does). */
static GPtrArray *
atlas_files (GFile    *manifest,
             gboolean  deferred)
{
  static const char * const members[] = {
    "countries", "countries-simplified", "borders", "borders-simplified", "lakes", "rivers",
    "places", "routes",
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (manifest, NULL, NULL, &error);
  g_autoptr(GFile) folder = g_file_get_parent (manifest);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *geometry;

  if (bytes == NULL
      || !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);

  g_ptr_array_add (files, g_object_ref (manifest));
  geometry = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "geometry");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (geometry, members[i]);

      if (node == NULL)
        continue;
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint k = 0; k < json_array_get_length (array); k++)
            g_ptr_array_add (files, g_file_resolve_relative_path (folder,
                                                                  json_array_get_string_element (array, k)));
        }
      else if (!deferred || !(g_str_equal (members[i], "countries")
                              || g_str_equal (members[i], "borders")))
        {
          g_ptr_array_add (files, g_file_resolve_relative_path (folder, json_node_get_string (node)));
        }
    }
  return files;
}

/* Export */

typedef struct
{
  SilkDocument *document;
  char *path;
  cairo_surface_t *surface;
} Export;

static void
export_png (gpointer user_data)
{
  Export *e = user_data;
  g_autoptr(GError) error = NULL;

  if (!silk_export_map (e->document, NULL, e->path, 3840, 2160, FALSE, &error))
    g_error ("%s", error->message);
}

/* The floor: cairo encoding the same picture as PNG, which export cannot avoid. */
static void
encode_png (gpointer user_data)
{
  Export *e = user_data;

  if (cairo_surface_write_to_png (e->surface, e->path) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot write %s", e->path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) manifest = NULL;
  g_autoptr(GPtrArray) all_files = NULL;
  g_autoptr(GPtrArray) first_files = NULL;
  g_autoptr(GPtrArray) finest_files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  Load load = { NULL, NULL };
  Export e = { NULL, NULL, NULL };
  double value, floor;

  if (argc != 2)
    {
      g_printerr ("usage: %s DATA_DIR (the folder of the bundled atlas.json)\n", argv[0]);
      return 2;
    }

  manifest = g_file_new_build_filename (argv[1], "atlas.json", NULL);
  all_files = atlas_files (manifest, FALSE);
  first_files = atlas_files (manifest, TRUE);
  finest_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all_files->len; i++)
    if (!g_ptr_array_find_with_equal_func (first_files, all_files->pdata[i],
                                           (GEqualFunc) g_file_equal, NULL))
      g_ptr_array_add (finest_files, g_object_ref (all_files->pdata[i]));

  /* What the window waits for: the bundled atlas, finest level deferred. */
  value = measure (load_document, &load, RUNS);
  floor = measure (parse_with_json_glib, first_files, RUNS);
  silk_bench_report ("atlas load from the GResource", value, floor, "ms");

  /* What opening an atlas file costs: every level, checked. */
  load.file = manifest;
  value = measure (load_document, &load, RUNS);
  floor = measure (parse_with_json_glib, all_files, RUNS);
  silk_bench_report ("atlas load from a file", value, floor, "ms");

  /* The deferred finest level, read after the first frame on a worker thread. */
  {
    double times[RUNS];
    gint64 warm_up;

    load_finest (&warm_up);
    for (guint r = 0; r < RUNS; r++)
      {
        gint64 elapsed;

        load_finest (&elapsed);
        times[r] = elapsed / 1000.0;
      }
    silk_bench_report ("finest level, read after the first frame",
                       silk_bench_percentile (times, RUNS, 0.5),
            measure (parse_with_json_glib, finest_files, RUNS), "ms");
  }

  /* Export as the command line does it, the atlas loaded already. */
  e.document = silk_document_load_bundled (&error);
  if (e.document == NULL)
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("silk-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  e.path = g_build_filename (dir, "map.png", NULL);
  value = measure (export_png, &e, 7);
  e.surface = cairo_image_surface_create_from_png (e.path);
  floor = measure (encode_png, &e, 7);
  silk_bench_report ("export 3840x2160 PNG", value, floor, "ms");

  cairo_surface_destroy (e.surface);
  g_unlink (e.path);
  g_rmdir (dir);
  g_free (e.path);
  g_object_unref (e.document);
  return 0;
}
