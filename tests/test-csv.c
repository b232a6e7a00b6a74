/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>

#include "silk-csv.h"
#include "silk-document.h"

/* A strict RFC 4180 reader: records of fields, CRLF between records. Fails the test
 * on anything malformed, so the writer cannot pass by being lenient. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) record = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  g_string_append_c (field, *p++);
                }
            }
        }
      else
        {
          while (*p != '\0' && *p != ',' && *p != '\r' && *p != '\n')
            {
              g_assert_true (*p != '"');
              g_string_append_c (field, *p++);
            }
        }

      g_strv_builder_add (record, field->str);
      g_string_truncate (field, 0);

      if (*p == ',')
        {
          p++;
          continue;
        }

      /* The end of a record: CRLF, never a bare LF. */
      g_assert_cmpint (*p, ==, '\r');
      g_assert_cmpint (p[1], ==, '\n');
      p += 2;
      g_ptr_array_add (records, g_strv_builder_end (record));
      g_clear_pointer (&record, g_strv_builder_unref);
      record = g_strv_builder_new ();
    }

  return records;
}

static void
test_quoting (void)
{
  static const struct
  {
    const char *field;
    const char *written;
  } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a, b", "\"a, b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { "Xinhua (Beijing), 29 December 2025, \"Special Report\"",
      "\"Xinhua (Beijing), 29 December 2025, \"\"Special Report\"\"\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) csv = g_string_new (NULL);

      silk_csv_append_field (csv, cases[i].field);
      g_assert_cmpstr (csv->str, ==, cases[i].written);
    }

  {
    g_autoptr(GString) csv = g_string_new ("x");

    silk_csv_append_field (csv, NULL);
    g_assert_cmpstr (csv->str, ==, "x");
  }
}

static SilkDocument *
load (const char *name)
{
  g_autoptr(GError) error = NULL;
  SilkDocument *document;

  if (name == NULL)
    {
      document = silk_document_load_bundled (&error);
    }
  else
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, "atlas.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      document = silk_document_load (file, NULL, &error);
    }
  g_assert_no_error (error);
  return document;
}

static char *
citations (SilkItem *item)
{
  GPtrArray *sources = silk_item_get_sources (item);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "; " : "",
                            silk_source_get_citation (g_ptr_array_index (sources, i)));
  return g_string_free (out, FALSE);
}

static void
test_every_figure_with_its_source (void)
{
  g_autoptr(SilkDocument) document = load (NULL);
  GListModel *figures = silk_document_get_items (document, SILK_ITEM_FIGURE);
  g_autofree char *csv = silk_csv_write_figures (document);
  g_autoptr(GPtrArray) records = parse_csv (csv);
  const char *header[] = { "id", "label", "value", "unit", "period", "qualifier", "source", NULL };
  guint n = g_list_model_get_n_items (figures);

  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (records->len, ==, n + 1);
  g_assert_cmpstrv (g_ptr_array_index (records, 0), header);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SilkFigure) figure = g_list_model_get_item (figures, i);
      SilkItem *item = SILK_ITEM (figure);
      char **record = g_ptr_array_index (records, i + 1);
      g_autofree char *expected_sources = citations (item);
      g_autofree char *value = silk_csv_figure_value (figure);

      g_assert_cmpuint (g_strv_length (record), ==, 7);
      g_assert_cmpstr (record[0], ==, silk_item_get_id (item));
      g_assert_cmpstr (record[1], ==, silk_item_get_name (item));
      g_assert_cmpstr (record[2], ==, value);
      g_assert_cmpstr (record[3], ==, silk_figure_get_unit (figure));
      g_assert_cmpstr (record[5], ==, silk_qualifier_to_string (silk_figure_get_qualifier (figure)));
      /* Every figure names its source, in full. */
      g_assert_cmpstr (record[6], !=, "");
      g_assert_cmpstr (record[6], ==, expected_sources);
      g_assert_nonnull (strstr (record[6], "Xinhua"));
    }
}

static void
test_values_and_periods (void)
{
  g_autoptr(SilkDocument) document = load ("format");
  g_autofree char *csv = silk_csv_write_figures (document);
  g_autoptr(GPtrArray) records = parse_csv (csv);
  static const struct
  {
    const char *id;
    const char *value;
    const char *period;
  } expected[] = {
    { "approaching", "~80", "2025-01/2025-09" },
    { "growth", "15.6", "2025-01/2025-09" },
    { "above", ">100", "2025" },
    { "range", "7-8", "2025-04-29" },
    { "large", "1234567.5", "../2025-12" },
    { "weekly", ">100", "2025-12" },
  };

  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (expected) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      char **record = g_ptr_array_index (records, i + 1);

      g_assert_cmpstr (record[0], ==, expected[i].id);
      g_assert_cmpstr (record[2], ==, expected[i].value);
      g_assert_cmpstr (record[4], ==, expected[i].period);
    }
}

static void
test_values_ignore_the_locale (void)
{
  g_autoptr(SilkDocument) document = load ("format");
  g_autofree char *csv = NULL;

  /* Russian writes "15,6" and groups with spaces: a CSV must not. */
  if (setlocale (LC_NUMERIC, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("locale ru_RU.UTF-8 is not generated");
      return;
    }

  csv = silk_csv_write_figures (document);
  setlocale (LC_NUMERIC, "C.UTF-8");

  g_assert_nonnull (strstr (csv, ",15.6,"));
  g_assert_nonnull (strstr (csv, ",1234567.5,"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/every-figure-with-its-source", test_every_figure_with_its_source);
  g_test_add_func ("/csv/values-and-periods", test_values_and_periods);
  g_test_add_func ("/csv/values-ignore-the-locale", test_values_ignore_the_locale);

  return g_test_run ();
}
