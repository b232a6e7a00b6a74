/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fuzzes the atlas loader through its manifest: each input is an atlas.json beside
 * the test atlas' GeoJSON files (geo/countries.geojson, geo/places.geojson, ...), so
 * inputs that keep the manifest's shape reach the item checks, the id resolution
 * and the geometry files. A load must fail with a SILK_LOAD_ERROR (or succeed) and
 * never crash, leak or hang. */

#include "fuzz-atlas.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *manifest_path;
static GFile *manifest_file;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *folder = fuzz_make_folder ();

  manifest_path = g_build_filename (folder, "atlas.json", NULL);
  manifest_file = g_file_new_for_path (manifest_path);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  GError *error = NULL;
  SilkDocument *document;

  fuzz_write (manifest_path, (const char *) data, size);
  document = silk_document_load (manifest_file, NULL, &error);

  fuzz_check_load (document, error);

  return 0;
}
