/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fuzzes the GeoJSON geometry reader: the test atlas' manifest stays as it is, but
 * one of its geometry files is replaced by the input. The first byte of an input
 * picks which (countries, coarse countries, borders, lakes, rivers, places or
 * routes: each kind reads other geometry types and properties); the rest is that
 * file's content. */

#include "fuzz-atlas.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* The manifest's paths, in the order the selector byte counts them. */
static const char * const slots[] = {
  "\"geo/countries.geojson\"",
  "\"geo/countries-coarse.geojson\"",
  "\"geo/borders.geojson\"",
  "\"geo/lakes.geojson\"",
  "\"geo/rivers.geojson\"",
  "\"geo/places.geojson\"",
  "\"./geo/routes.geojson\"",
};

static GFile *manifests[G_N_ELEMENTS (slots)];
static char *input_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *folder = fuzz_make_folder ();
  gsize length;
  char *manifest = fuzz_read_fixture ("atlas.json", &length);

  input_path = g_build_filename (folder, "fuzzed.geojson", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      GString *text = g_string_new_len (manifest, length);
      char *name = g_strdup_printf ("atlas-%u.json", i);
      char *path = g_build_filename (folder, name, NULL);

      if (g_string_replace (text, slots[i], "\"fuzzed.geojson\"", 1) != 1)
        g_error ("the test atlas no longer names %s", slots[i]);
      fuzz_write (path, text->str, text->len);
      manifests[i] = g_file_new_for_path (path);

      g_free (path);
      g_free (name);
      g_string_free (text, TRUE);
    }

  g_free (manifest);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  GError *error = NULL;
  SilkDocument *document;

  if (size < 1)
    return -1;

  fuzz_write (input_path, (const char *) data + 1, size - 1);
  document = silk_document_load (manifests[data[0] % G_N_ELEMENTS (slots)], NULL, &error);

  fuzz_check_load (document, error);

  return 0;
}
