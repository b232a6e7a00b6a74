/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loader's JSON parser: the tree it builds is the one json-glib builds, number
 * for number; it refuses exactly what silk_json_check() refuses (the loader skips
 * the checker when the parser accepts); and the coordinates it keeps out of the
 * tree make the geometry the loader would have read from the tree, or make way for
 * the tree when they are not a valid geometry. */

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "silk-document.h"
#include "silk-json-locate.h"
#include "silk-json-parse.h"

/* Trees */

static void
assert_same_tree (JsonNode   *expected,
                  JsonNode   *actual,
                  const char *where)
{
  g_assert_cmpint (json_node_get_node_type (actual), ==, json_node_get_node_type (expected));

  switch (json_node_get_node_type (expected))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *a = json_node_get_object (expected);
        JsonObject *b = json_node_get_object (actual);
        g_autoptr(GList) names_a = json_object_get_members (a);
        g_autoptr(GList) names_b = json_object_get_members (b);

        g_assert_cmpuint (g_list_length (names_b), ==, g_list_length (names_a));
        for (GList *l = names_a, *m = names_b; l != NULL; l = l->next, m = m->next)
          {
            g_assert_cmpstr (m->data, ==, l->data);
            assert_same_tree (json_object_get_member (a, l->data),
                              json_object_get_member (b, m->data), where);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (expected);
        JsonArray *b = json_node_get_array (actual);

        g_assert_cmpuint (json_array_get_length (b), ==, json_array_get_length (a));
        for (guint i = 0; i < json_array_get_length (a); i++)
          assert_same_tree (json_array_get_element (a, i), json_array_get_element (b, i), where);
      }
      break;

    case JSON_NODE_VALUE:
      g_assert_cmpuint (json_node_get_value_type (actual), ==, json_node_get_value_type (expected));
      switch (json_node_get_value_type (expected))
        {
        case G_TYPE_INT64:
          g_assert_cmpint (json_node_get_int (actual), ==, json_node_get_int (expected));
          break;
        case G_TYPE_DOUBLE:
          {
            double x = json_node_get_double (expected);
            double y = json_node_get_double (actual);

            /* Bit for bit: the same rounding, the same sign of zero. */
            if (memcmp (&x, &y, sizeof x) != 0)
              g_error ("%s: %.17g parsed as %.17g", where, x, y);
          }
          break;
        case G_TYPE_BOOLEAN:
          g_assert_cmpint (json_node_get_boolean (actual), ==, json_node_get_boolean (expected));
          break;
        case G_TYPE_STRING:
          g_assert_cmpstr (json_node_get_string (actual), ==, json_node_get_string (expected));
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

static void
assert_parses_as_json_glib (const char *text,
                            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize offset = 0;

  if (!json_parser_load_from_data (parser, text, length, &error))
    g_error ("json-glib refuses %.60s: %s", text, error->message);

  root = silk_json_parse (text, length, NULL, &offset, &error);
  g_assert_no_error (error);
  assert_same_tree (json_parser_get_root (parser), root, text);
}

static void
test_values (void)
{
  static const char * const texts[] = {
    "{}", "[]", "null", "true", "false", "0", "-0", "-0.0", "0.0", "1", "-1", "42",
    "9223372036854775807", "-9223372036854775808", "123456789012345678",
    "1234567890123456789", "0.1", "0.30000000000000004", "77.7986", "-179.9999",
    "1e2", "1E2", "1.5e+3", "2.5E-3", "1e22", "1e23", "1e-22", "1e-23", "1e308",
    "1e400", "-1e400", "1e-400", "4.9e-324", "2.2250738585072014e-308",
    "0.000001234", "123456789012345678901234567890.0", "9007199254740993.0",
    "9007199254740992.5", "3.14159265358979323846264338327950288",
    "\"\"", "\"plain\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u00e9t\\u00E9\"",
    "\"\\ud83d\\ude00 and \\u4e2d\"", "\"caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87\"",
    "\"before\\u0000after\"",
    "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}",
    "  \r\n\t[ 1 , 2 ,\n 3 ]  \n",
    "{\"type\": \"Point\", \"coordinates\": [1, 2]}",
    "[[[[1,2],[3,4]]],[[[5,6]]]]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_parses_as_json_glib (texts[i], strlen (texts[i]));
}

static void assert_same_verdict (const char *text,
                                 gsize       length);

/* Numbers as people and programs write them, in every precision. Integers too long
 * for 64 bits (json-glib wraps them) are refused, as the checker refuses them. */
static void
test_numbers (void)
{
  GRand *rand = g_rand_new_with_seed (7);
  static const char * const formats[] = { "%.4f", "%.3f", "%.17g", "%.15g", "%g", "%.6e", "%.0f" };

  for (guint i = 0; i < 20000; i++)
    {
      double magnitude = pow (10, g_rand_int_range (rand, -30, 30));
      double value = g_rand_double_range (rand, -1, 1) * magnitude;
      char number[64], text[80];

      g_ascii_formatd (number, sizeof number, formats[i % G_N_ELEMENTS (formats)], value);
      g_snprintf (text, sizeof text, "[%s]", number);
      assert_same_verdict (text, strlen (text));
      if (strpbrk (number, ".eE") != NULL || strlen (number) < 19)
        assert_parses_as_json_glib (text, strlen (text));
    }
  g_rand_free (rand);
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("SILK_ATLAS_DATA"), name, NULL);
}

/* The bundled atlas, every file of it, and the test atlas. */
static GPtrArray *
atlas_files (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *folders[] = { g_getenv ("SILK_ATLAS_DATA"), NULL, NULL, NULL };
  g_autofree char *geo = data_path ("geo");
  g_autofree char *tests = g_test_build_filename (G_TEST_DIST, "data", "atlas", NULL);
  g_autofree char *tests_geo = g_test_build_filename (G_TEST_DIST, "data", "atlas", "geo", NULL);

  folders[1] = geo;
  folders[2] = tests;
  folders[3] = tests_geo;
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autoptr(GDir) dir = g_dir_open (folders[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".geojson"))
          g_ptr_array_add (paths, g_build_filename (folders[i], name, NULL));
    }
  g_assert_cmpuint (paths->len, >, 11);
  return paths;
}

static void
test_files (void)
{
  g_autoptr(GPtrArray) paths = atlas_files ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      gsize offset;
      gsize length;

      g_assert_true (g_file_get_contents (paths->pdata[i], &text, &length, &error));
      if (silk_json_check (text, length, SILK_LOAD_MAX_DEPTH, &offset, &error))
        assert_parses_as_json_glib (text, length);
    }
}

/* Refusals */

static void
assert_same_verdict (const char *text,
                     gsize       length)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize check_offset = 0, parse_offset = 0;
  gboolean checked;

  checked = silk_json_check (text, length, SILK_LOAD_MAX_DEPTH, &check_offset, &check_error);
  root = silk_json_parse (text, length, NULL, &parse_offset, &parse_error);
  if (checked != (root != NULL))
    g_error ("\"%.*s\": the checker %s it, the parser %s it", (int) MIN (length, 80), text,
             checked ? "accepts" : "refuses", root != NULL ? "accepts" : "refuses");
  if (root == NULL)
    {
      g_assert_error (parse_error, SILK_LOAD_ERROR, SILK_LOAD_ERROR_SYNTAX);
      g_assert_cmpuint (parse_offset, <=, length);
    }
}

static void
test_refusals (void)
{
  static const char * const texts[] = {
    "", " ", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "[01]", "[-]",
    "[1.]", "[.5]", "[1e]", "[1e+]", "[+1]", "[0x10]", "[NaN]", "[Infinity]", "[tru]",
    "[truex]", "[nul]", "[null null]", "[1 2]", "[1]]", "[[1]", "{\"a\":1}}", "/* c */ 1",
    "[\"a\tb\"]", "[\"a\nb\"]", "[\"\\x41\"]", "[\"\\u12\"]", "[\"\\ud800\"]",
    "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]", "[\"unclosed]", "{\"a\":1,\"a\":2}",
    "{\"a\":1,\"b\":2,\"a\":3}", "[99999999999999999999]", "[-99999999999999999999]",
    "[9223372036854775808]", "[1] x", "{\"coordinates\": [[1, 2], [3, 4]] x}",
    "{\"coordinates\": [[1, 2], [3, 4],]}", "{\"coordinates\": [[1, 2], [3 4]]}",
    "{\"coordinates\": [[1, 2], [03, 4]]}", "{\"coordinates\": [[1, 2], [3, 4]}",
    "[\"\xff\"]", "[\"\xc3\"]", "[\"\xed\xa0\x80\"]", "\xef\xbb\xbf[1]", "[1]\xc3\xa9",
    "[\"ok\"]", "{\"coordinates\": [[1, 2], [3, 4]]}", "{\"a\":{\"b\":[1,{\"c\":null}]}}",
  };
  GString *deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_same_verdict (texts[i], strlen (texts[i]));

  /* A NUL byte in the text. */
  assert_same_verdict ("[\"a\0b\"]", 7);
  assert_same_verdict ("[1]\0", 4);

  /* Nesting up to the limit and one past it, in coordinates and elsewhere. */
  for (guint depth = SILK_LOAD_MAX_DEPTH - 1; depth <= SILK_LOAD_MAX_DEPTH + 1; depth++)
    {
      g_string_truncate (deep, 0);
      g_string_append (deep, "{\"coordinates\":");
      for (guint i = 1; i < depth; i++)
        g_string_append_c (deep, '[');
      g_string_append (deep, "1");
      for (guint i = 1; i < depth; i++)
        g_string_append_c (deep, ']');
      g_string_append_c (deep, '}');
      assert_same_verdict (deep->str, deep->len);

      g_string_truncate (deep, 0);
      g_string_append (deep, "{\"coordinates\":");
      for (guint i = 2; i < depth; i++)
        g_string_append_c (deep, '[');
      g_string_append (deep, "[1,2]");
      for (guint i = 2; i < depth; i++)
        g_string_append_c (deep, ']');
      g_string_append_c (deep, '}');
      assert_same_verdict (deep->str, deep->len);
    }
  g_string_free (deep, TRUE);
}

/* Coordinates kept out of the tree */

/* What the loader reads from a tree: positions of two numbers, parts as nested. */
static SilkGeometry *
reference_geometry (JsonNode         *coordinates,
                    SilkGeometryType  type,
                    gboolean          multi)
{
  g_autoptr(SilkGeometryBuilder) builder = silk_geometry_builder_new (type);
  JsonArray *outer = json_node_get_array (coordinates);

  if (type == SILK_GEOMETRY_POINT)
    {
      silk_geometry_builder_add_point (builder, json_array_get_double_element (outer, 0),
                                       json_array_get_double_element (outer, 1));
      silk_geometry_builder_end_part (builder, FALSE);
      return silk_geometry_builder_finish (builder);
    }

  for (guint i = 0; i < (multi ? json_array_get_length (outer) : 1); i++)
    {
      JsonArray *item = multi ? json_array_get_array_element (outer, i) : outer;
      guint n_parts = type == SILK_GEOMETRY_POLYGONS ? json_array_get_length (item) : 1;

      for (guint r = 0; r < n_parts; r++)
        {
          JsonArray *part = type == SILK_GEOMETRY_POLYGONS
                            ? json_array_get_array_element (item, r) : item;

          for (guint k = 0; k < json_array_get_length (part); k++)
            {
              JsonArray *position = json_array_get_array_element (part, k);

              silk_geometry_builder_add_point (builder,
                                               json_array_get_double_element (position, 0),
                                               json_array_get_double_element (position, 1));
            }
          silk_geometry_builder_end_part (builder, r == 0);
        }
    }
  return silk_geometry_builder_finish (builder);
}

static void
assert_same_geometry (const SilkGeometry *expected,
                      const SilkGeometry *actual)
{
  g_assert_cmpint (actual->type, ==, expected->type);
  g_assert_cmpuint (actual->n_points, ==, expected->n_points);
  g_assert_cmpuint (actual->n_parts, ==, expected->n_parts);
  g_assert_cmpuint (actual->n_polygons, ==, expected->n_polygons);
  g_assert_cmpmem (actual->points, actual->n_points * sizeof (SilkPoint),
                   expected->points, expected->n_points * sizeof (SilkPoint));
  g_assert_cmpmem (actual->parts, actual->n_parts * sizeof (SilkPart),
                   expected->parts, expected->n_parts * sizeof (SilkPart));
  g_assert_cmpmem (&actual->bounds, sizeof (SilkBounds), &expected->bounds, sizeof (SilkBounds));
}

static gboolean
geometry_type (const char       *name,
               SilkGeometryType *type,
               gboolean         *multi)
{
  static const struct
  {
    const char *name;
    SilkGeometryType type;
    gboolean multi;
  } types[] = {
    { "Point", SILK_GEOMETRY_POINT, FALSE },
    { "LineString", SILK_GEOMETRY_LINES, FALSE },
    { "MultiLineString", SILK_GEOMETRY_LINES, TRUE },
    { "Polygon", SILK_GEOMETRY_POLYGONS, FALSE },
    { "MultiPolygon", SILK_GEOMETRY_POLYGONS, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (name, types[i].name) == 0)
      {
        *type = types[i].type;
        *multi = types[i].multi;
        return TRUE;
      }
  return FALSE;
}

/* Every geometry of the bundled GeoJSON files, read both ways. */
static void
test_bundled_geometry (void)
{
  g_autofree char *folder = data_path ("geo");
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n_geometries = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(SilkJsonCoordinates) coordinates = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      JsonArray *expected_features, *features;
      gsize length, offset;

      if (!g_str_has_suffix (name, ".geojson"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, &length, &error));
      g_assert_true (json_parser_load_from_data (parser, text, length, &error));
      root = silk_json_parse (text, length, &coordinates, &offset, &error);
      g_assert_no_error (error);
      g_assert_nonnull (coordinates);
      /* The rings of the countries checked ahead, in parts as the loader's workers
       * do; those of the lakes when taken. */
      if (g_str_has_prefix (name, "countries"))
        for (guint part = 0; part < 3; part++)
          silk_json_coordinates_check_polygons (coordinates, part, 3);

      expected_features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                        "features");
      features = json_object_get_array_member (json_node_get_object (root), "features");
      g_assert_cmpuint (json_array_get_length (features), ==,
                        json_array_get_length (expected_features));

      for (guint i = 0; i < json_array_get_length (features); i++)
        {
          JsonObject *expected = json_object_get_object_member (json_array_get_object_element (expected_features, i),
                                                                "geometry");
          JsonObject *actual = json_object_get_object_member (json_array_get_object_element (features, i),
                                                              "geometry");
          g_autoptr(SilkGeometry) reference = NULL;
          g_autoptr(SilkGeometry) geometry = NULL;
          SilkGeometryType type = SILK_GEOMETRY_POINT;
          gboolean multi = FALSE;

          g_assert_true (geometry_type (json_object_get_string_member (actual, "type"),
                                        &type, &multi));
          /* Kept out of the tree: the placeholder is empty. */
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (actual, "coordinates")),
                            ==, 0);
          reference = reference_geometry (json_object_get_member (expected, "coordinates"),
                                          type, multi);
          geometry = silk_json_coordinates_take_geometry (coordinates,
                                                          json_object_get_member (actual, "coordinates"),
                                                          type, multi);
          g_assert_nonnull (geometry);
          assert_same_geometry (reference, geometry);
          n_geometries++;
        }
    }
  g_assert_cmpuint (n_geometries, >, 500);
}

/* Coordinates that are not a valid geometry of the asked type give no geometry,
 * and the full tree takes the placeholder's place for the loader to report on;
 * the same whether silk_json_coordinates_check_polygons() checked the rings ahead,
 * in @n_parts parts, or not (0). */
static void
check_fallback (const char       *coordinates_text,
                SilkGeometryType  type,
                gboolean          multi,
                gboolean          valid,
                guint             n_parts)
{
  g_autofree char *text = g_strdup_printf ("{\"coordinates\": %s}", coordinates_text);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SilkJsonCoordinates) coordinates = NULL;
  g_autoptr(SilkGeometry) geometry = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  gsize offset;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  root = silk_json_parse (text, strlen (text), &coordinates, &offset, &error);
  g_assert_no_error (error);
  node = json_object_get_member (json_node_get_object (root), "coordinates");
  for (guint part = 0; part < n_parts; part++)
    silk_json_coordinates_check_polygons (coordinates, part, n_parts);
  geometry = silk_json_coordinates_take_geometry (coordinates, node, type, multi);
  if (valid)
    {
      g_autoptr(SilkGeometry) reference =
        reference_geometry (json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                                    "coordinates"),
                            type, multi);

      g_assert_nonnull (geometry);
      assert_same_geometry (reference, geometry);
    }
  else
    {
      g_assert_null (geometry);
      assert_same_tree (json_parser_get_root (parser), root, text);
      /* Once expanded, the node is no placeholder any more. */
      g_assert_null (silk_json_coordinates_take_geometry (coordinates, node, type, multi));
    }
}

/* A ring of @n positions around a circle, as JSON; with @crossing, two positions
 * far apart swap places, so that the ring crosses itself. Large enough for the
 * sweep rather than the test of every pair. */
static char *
circle_polygon (guint    n,
                gboolean crossing)
{
  GString *text = g_string_new ("[[");

  for (guint i = 0; i < n; i++)
    {
      guint k = i == n - 1 ? 0 : crossing && i == 10 ? 40 : crossing && i == 40 ? 10 : i;
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (x, sizeof x, "%.4f", 10 * cos (2 * G_PI * k / (n - 1)));
      g_ascii_formatd (y, sizeof y, "%.4f", 10 * sin (2 * G_PI * k / (n - 1)));
      g_string_append_printf (text, "%s[%s, %s]", i > 0 ? ", " : "", x, y);
    }
  g_string_append (text, "]]");
  return g_string_free (text, FALSE);
}

static void
test_fallback (void)
{
  g_autofree char *circle = circle_polygon (100, FALSE);
  g_autofree char *crossing_circle = circle_polygon (100, TRUE);
  static const struct
  {
    const char *coordinates;
    SilkGeometryType type;
    gboolean multi;
    gboolean valid;
  } cases[] = {
    { "[1, 2]", SILK_GEOMETRY_POINT, FALSE, TRUE },
    { "[1, 2, 3]", SILK_GEOMETRY_POINT, FALSE, FALSE },
    { "[181, 2]", SILK_GEOMETRY_POINT, FALSE, FALSE },
    { "[1, -91]", SILK_GEOMETRY_POINT, FALSE, FALSE },
    { "[1e400, 2]", SILK_GEOMETRY_POINT, FALSE, FALSE },
    { "[[1, 2], [3, 4]]", SILK_GEOMETRY_LINES, FALSE, TRUE },
    { "[[1, 2]]", SILK_GEOMETRY_LINES, FALSE, FALSE },
    { "[[1, 2], [3, 4, 5]]", SILK_GEOMETRY_LINES, FALSE, FALSE },
    { "[[1, 2], \"x\"]", SILK_GEOMETRY_LINES, FALSE, FALSE },
    { "[[1, 2], [3, 4]]", SILK_GEOMETRY_LINES, TRUE, FALSE },
    { "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]", SILK_GEOMETRY_LINES, TRUE, TRUE },
    { "[[[1, 2], [3, 4]], []]", SILK_GEOMETRY_LINES, TRUE, FALSE },
    { "[[[0, 0], [1, 0], [1, 1], [0, 0]]]", SILK_GEOMETRY_POLYGONS, FALSE, TRUE },
    { "[[[0, 0], [1, 0], [1, 1], [0, 1]]]", SILK_GEOMETRY_POLYGONS, FALSE, FALSE },
    { "[[[0, 0], [1, 0], [0, 0]]]", SILK_GEOMETRY_POLYGONS, FALSE, FALSE },
    { "[[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]", SILK_GEOMETRY_POLYGONS, FALSE, FALSE },
    { "[[[0, 0], [9, 0], [9, 9], [0, 0]], [[1, 1], [2, 1], [1, 2], [1, 1]]]",
      SILK_GEOMETRY_POLYGONS, FALSE, TRUE },
    { "[[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]]",
      SILK_GEOMETRY_POLYGONS, TRUE, TRUE },
    { "[[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[5, 5], [6, 5], [6, 6], [5, 5]]]",
      SILK_GEOMETRY_POLYGONS, TRUE, FALSE },
    { "[[[0, 0], [1, 0], [1, 1], [0, 0]]]", SILK_GEOMETRY_POLYGONS, TRUE, FALSE },
    { "[]", SILK_GEOMETRY_POLYGONS, TRUE, FALSE },
  };


  for (guint n_parts = 0; n_parts <= 3; n_parts++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        check_fallback (cases[i].coordinates, cases[i].type, cases[i].multi, cases[i].valid,
                        n_parts);
      check_fallback (circle, SILK_GEOMETRY_POLYGONS, FALSE, TRUE, n_parts);
      check_fallback (crossing_circle, SILK_GEOMETRY_POLYGONS, FALSE, FALSE, n_parts);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-parse/values", test_values);
  g_test_add_func ("/json-parse/numbers", test_numbers);
  g_test_add_func ("/json-parse/files", test_files);
  g_test_add_func ("/json-parse/refusals", test_refusals);
  g_test_add_func ("/json-parse/bundled-geometry", test_bundled_geometry);
  g_test_add_func ("/json-parse/fallback", test_fallback);

  return g_test_run ();
}
