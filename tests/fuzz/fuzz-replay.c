/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A main() for the fuzz harnesses where libFuzzer is not linked (gcc builds, the
 * ASan build): runs the harness once on each file named, or on each file of each
 * folder named, and prints the results as TAP. A harness aborts on what it finds,
 * so a crashing input that was fixed stays a test of the fix. */

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
add_inputs (GPtrArray  *inputs,
            const char *path)
{
  GDir *dir;
  const char *name;
  guint first = inputs->len;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_REGULAR) && name[0] != '.')
        g_ptr_array_add (inputs, child);
      else
        g_free (child);
    }
  if (dir != NULL)
    g_dir_close (dir);

  /* Folder order is the file system's: sort for a stable TAP plan. */
  if (inputs->len > first)
    qsort (inputs->pdata + first, inputs->len - first, sizeof (gpointer), compare_paths);
}

int
main (int   argc,
      char *argv[])
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    add_inputs (inputs, argv[i]);

  if (inputs->len == 0)
    {
      g_printerr ("usage: %s FILE-OR-FOLDER…; no inputs found\n", argv[0]);
      return 1;
    }

  LLVMFuzzerInitialize (&argc, &argv);

  printf ("1..%u\n", inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = inputs->pdata[i];
      GError *error = NULL;
      char *contents;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          g_error_free (error);
          continue;
        }

      fflush (stdout);
      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
      printf ("ok %u - %s\n", i + 1, path);
      g_free (contents);
    }

  g_ptr_array_unref (inputs);
  return 0;
}
