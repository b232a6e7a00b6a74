/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-atlas.h"
#include "silk-format.h"
#include "silk-search.h"

/* Set by tests/fuzz/meson.build: the test atlas whose files seed the folder. */
#ifndef SILK_FUZZ_ATLAS_DIR
#error "SILK_FUZZ_ATLAS_DIR must name tests/data/atlas"
#endif

static char *fuzz_folder;

static void
fuzz_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        fuzz_remove_tree (child);
      else
        g_remove (child);
      g_free (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
fuzz_cleanup (void)
{
  if (fuzz_folder != NULL)
    fuzz_remove_tree (fuzz_folder);
  g_clear_pointer (&fuzz_folder, g_free);
}

void
fuzz_write (const char *path,
            const char *data,
            gsize       length)
{
  FILE *stream = fopen (path, "wb");

  if (stream == NULL || (length > 0 && fwrite (data, 1, length, stream) != length)
      || fclose (stream) != 0)
    g_error ("cannot write %s", path);
}

char *
fuzz_read_fixture (const char *relative,
                   gsize      *length)
{
  char *path = g_build_filename (SILK_FUZZ_ATLAS_DIR, relative, NULL);
  GError *error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, &error))
    g_error ("%s", error->message);
  g_free (path);
  return contents;
}

const char *
fuzz_make_folder (void)
{
  GError *error = NULL;
  char *geo;
  char *source;
  GDir *dir;
  const char *name;

  /* GSlice's magazines would hide use-after-free from AddressSanitizer. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);

  fuzz_folder = g_dir_make_tmp ("silk-fuzz-XXXXXX", &error);
  if (fuzz_folder == NULL)
    g_error ("%s", error->message);
  atexit (fuzz_cleanup);

  geo = g_build_filename (fuzz_folder, "geo", NULL);
  g_mkdir (geo, 0700);
  source = g_build_filename (SILK_FUZZ_ATLAS_DIR, "geo", NULL);
  dir = g_dir_open (source, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *relative = g_build_filename ("geo", name, NULL);
      char *target = g_build_filename (geo, name, NULL);
      gsize length;
      char *contents = fuzz_read_fixture (relative, &length);

      fuzz_write (target, contents, length);
      g_free (contents);
      g_free (target);
      g_free (relative);
    }

  g_dir_close (dir);
  g_free (source);
  g_free (geo);
  return fuzz_folder;
}

/* Every item, its relations and formatted values, the geometry at every level and
 * a search, so that a document the loader let through is also walked. */
void
fuzz_walk_document (SilkDocument *document)
{
  guint n_levels = silk_document_get_n_detail_levels (document);
  GPtrArray *found;

  (void) silk_document_get_id (document);
  (void) silk_document_get_title (document);
  (void) silk_document_get_description (document);
  (void) silk_document_get_bounds (document);

  for (SilkItemKind kind = 0; kind < SILK_N_ITEM_KINDS; kind++)
    {
      GListModel *items = silk_document_get_items (document, kind);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          SilkItem *item = g_list_model_get_item (items, i);

          if (silk_document_lookup (document, silk_item_get_id (item)) != item)
            abort ();
          (void) silk_item_get_name (item);
          (void) silk_item_get_description (item);
          for (SilkItemKind related = 0; related < SILK_N_ITEM_KINDS; related++)
            (void) silk_document_get_related (document, item, related);
          if (SILK_IS_COUNTRY (item))
            {
              for (guint level = 0; level <= n_levels; level++)
                (void) silk_country_get_geometry (SILK_COUNTRY (item), level);
              (void) silk_country_get_capital (SILK_COUNTRY (item));
            }
          if (SILK_IS_FIGURE (item))
            {
              g_free (silk_format_figure_value (SILK_FIGURE (item)));
              g_free (silk_format_figure_citation (SILK_FIGURE (item)));
              if (silk_figure_get_period (SILK_FIGURE (item)) != NULL)
                {
                  g_free (silk_format_period (silk_figure_get_period (SILK_FIGURE (item))));
                  g_free (silk_period_to_iso (silk_figure_get_period (SILK_FIGURE (item))));
                }
            }
          if (SILK_IS_EVENT (item))
            {
              g_free (silk_format_period (silk_event_get_date (SILK_EVENT (item))));
              g_free (silk_period_to_iso (silk_event_get_date (SILK_EVENT (item))));
            }
          if (SILK_IS_PROJECT (item))
            {
              (void) silk_project_get_route (SILK_PROJECT (item));
              (void) silk_project_get_parent (SILK_PROJECT (item));
            }
          g_object_unref (item);
        }
    }

  for (guint level = 0; level <= n_levels; level++)
    (void) silk_document_get_borders (document, level);
  (void) silk_document_get_lakes (document);
  (void) silk_document_get_rivers (document);
  (void) silk_document_get_neighbours (document);

  found = silk_search_items (document, "a", 20);
  g_ptr_array_unref (found);
}

void
fuzz_check_load (SilkDocument *document,
                 GError       *error)
{
  char **lines;

  if (document != NULL)
    {
      if (error != NULL)
        abort ();
      fuzz_walk_document (document);
      g_object_unref (document);
      return;
    }

  if (error == NULL || error->domain != SILK_LOAD_ERROR || error->message[0] == '\0'
      || !g_utf8_validate (error->message, -1, NULL))
    abort ();
  lines = g_strsplit (error->message, "\n", -1);
  if (g_strv_length (lines) > SILK_LOAD_MAX_PROBLEMS)
    abort ();
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], ": ") == NULL)
      abort ();
  g_strfreev (lines);
  g_error_free (error);
}
