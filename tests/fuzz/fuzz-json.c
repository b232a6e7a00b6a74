/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fuzzes silk-json-locate and silk-json-parse against json-glib. silk_json_check()
 * must refuse what it says it refuses and accept only what json-glib then parses;
 * silk_json_parse() must refuse what the checker refuses and otherwise build the
 * tree json-glib builds; for every value of an accepted text, silk_json_locate()
 * must find where that value begins (the loader's positions in messages depend on
 * it) and silk_json_follow() must agree with it. */

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "silk-document.h"
#include "silk-json-locate.h"
#include "silk-json-parse.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Locating is linear in the text, so visit a bounded number of values. */
#define MAX_VISITS 400

typedef struct
{
  const char *data;
  gsize length;
  SilkJsonStep path[SILK_LOAD_MAX_DEPTH + 1];
  gsize offsets[SILK_LOAD_MAX_DEPTH + 1];
  guint visits;
} Walk;

static void
fail (const char *what)
{
  g_printerr ("fuzz-json: %s\n", what);
  abort ();
}

static gboolean
begins_like (JsonNode *node,
             char      ch)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return ch == '{';
    case JSON_NODE_ARRAY:
      return ch == '[';
    case JSON_NODE_NULL:
      return ch == 'n';
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return ch == '"';
    case G_TYPE_BOOLEAN:
      return ch == 't' || ch == 'f';
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return ch == '-' || g_ascii_isdigit (ch);
    default:
      return FALSE;
    }
}

static guint
node_depth (JsonNode *node)
{
  guint deepest = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        deepest = MAX (deepest, node_depth (member));
      return deepest + 1;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        deepest = MAX (deepest, node_depth (json_array_get_element (array, i)));
      return deepest + 1;
    }

  return 0;
}

/* @node is the value at w->path[0 .. n_steps), which begins at w->offsets[n_steps - 1]
 * (or at the root's offset for n_steps == 0, held in w->offsets[0] by the caller). */
static void
visit (Walk     *w,
       JsonNode *node,
       guint     n_steps,
       gsize     offset)
{
  gsize found;

  if (w->visits++ >= MAX_VISITS)
    return;

  if (!silk_json_locate (w->data, w->length, w->path, n_steps, FALSE, &found))
    fail ("silk_json_locate() found no value where json-glib has one");
  if (found != offset)
    fail ("silk_json_locate() and silk_json_follow() disagree");
  if (!begins_like (node, w->data[found]))
    fail ("silk_json_locate() gave the offset of a value of another type");

  if (n_steps > 0 && w->path[n_steps - 1].member != NULL)
    {
      if (!silk_json_locate (w->data, w->length, w->path, n_steps, TRUE, &found)
          || w->data[found] != '"' || found >= offset)
        fail ("silk_json_locate() found no member name before the value");
    }

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      /* silk_json_check() refuses integers that json-glib would wrap. The input
       * has no NUL after it: read a copy. */
      g_autofree char *text = g_strndup (w->data + offset, MIN (w->length - offset, 32));

      if (g_ascii_strtoll (text, NULL, 10) != json_node_get_int (node))
        fail ("json-glib read an integer other than the text's");
    }

  if (n_steps >= SILK_LOAD_MAX_DEPTH)
    return;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          gsize next;

          w->path[n_steps].member = name;
          w->path[n_steps].index = 0;
          if (!silk_json_follow (w->data, w->length, offset, &w->path[n_steps], 1, FALSE, &next))
            fail ("silk_json_follow() found no member that json-glib has");
          visit (w, member, n_steps + 1, next);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && w->visits < MAX_VISITS; i++)
        {
          gsize next;

          w->path[n_steps].member = NULL;
          w->path[n_steps].index = i;
          if (!silk_json_follow (w->data, w->length, offset, &w->path[n_steps], 1, FALSE, &next))
            fail ("silk_json_follow() found no element that json-glib has");
          visit (w, json_array_get_element (array, i), n_steps + 1, next);
        }
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* GSlice's magazines would hide use-after-free from AddressSanitizer. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *bytes,
                        size_t        size)
{
  const char *data = (const char *) bytes;
  GError *error = NULL;
  JsonParser *parser;
  JsonNode *root;
  JsonNode *parsed;
  SilkJsonCoordinates *coordinates = NULL;
  gsize offset = 0;
  guint line, column, depth;
  Walk w = { data, size, };

  if (!silk_json_check (data, size, SILK_LOAD_MAX_DEPTH, &offset, &error))
    {
      if (error == NULL || error->domain != SILK_LOAD_ERROR || offset > size)
        fail ("silk_json_check() failed without a proper error");
      silk_json_get_position (data, size, offset, &line, &column);
      if (line < 1 || column < 1 || line > size + 1 || column > size + 1)
        fail ("silk_json_get_position() gave an impossible position");
      g_clear_error (&error);

      /* An empty text never reaches the parser: the loader refuses it first. */
      if (size > 0)
        {
          parsed = silk_json_parse (data, size, NULL, &offset, &error);
          if (parsed != NULL)
            fail ("silk_json_parse() accepted a text that silk_json_check() refuses");
          if (error == NULL || offset > size)
            fail ("silk_json_parse() failed without a proper error");
          g_clear_error (&error);
        }
      return 0;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, size, &error))
    {
      g_printerr ("json-glib: %s\n", error->message);
      fail ("silk_json_check() accepted a text that json-glib refuses");
    }

  root = json_parser_get_root (parser);

  parsed = silk_json_parse (data, size, NULL, &offset, &error);
  if (parsed == NULL)
    {
      g_printerr ("silk_json_parse: %s\n", error->message);
      fail ("silk_json_parse() refused a text that silk_json_check() accepts");
    }
  if (!json_node_equal (parsed, root))
    fail ("silk_json_parse() built another tree than json-glib");
  json_node_unref (parsed);

  /* Keeping coordinates out of the tree must not change what it accepts. */
  parsed = silk_json_parse (data, size, &coordinates, &offset, &error);
  if (parsed == NULL)
    fail ("silk_json_parse() with coordinates refused a text it accepts without");
  json_node_unref (parsed);
  silk_json_coordinates_free (coordinates);
  if (root == NULL || !silk_json_locate (data, size, NULL, 0, FALSE, &offset))
    fail ("no root value");

  visit (&w, root, 0, offset);

  /* The nesting limit is exact: the text passes at its own depth, not one below. */
  depth = node_depth (root);
  if (depth > 1)
    {
      if (!silk_json_check (data, size, depth, &offset, NULL))
        fail ("silk_json_check() refused a text at its own depth");
      if (silk_json_check (data, size, depth - 1, &offset, &error))
        fail ("silk_json_check() accepted a text deeper than its limit");
      if (!g_error_matches (error, SILK_LOAD_ERROR, SILK_LOAD_ERROR_LIMIT))
        fail ("a text over the nesting limit gave another error than LIMIT");
      g_error_free (error);
    }

  g_object_unref (parser);
  return 0;
}
