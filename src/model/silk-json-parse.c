/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <errno.h>
#include <math.h>
#include <string.h>

#include "silk-document.h"
#include "silk-json-parse.h"

/* A decimal number whose digits make an integer of at most 2^53, scaled by at most
 * MAX_EXACT_POWER powers of ten, converts with one correctly rounded division or
 * multiplication of two exact doubles (Clinger's fast path): the same double
 * g_ascii_strtod() gives, without its arbitrary-precision arithmetic. */
#define MAX_EXACT_POWER 22

static const double powers_of_ten[MAX_EXACT_POWER + 1] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Where a placeholder's numbers are: the arrays above the positions, in the order
 * they open, give their number of elements in counts[first_count...]; the positions
 * follow in points[first_point...]. */
typedef struct
{
  gsize start;       /* the value's text, for the full tree if it is needed */
  gsize end;
  guint depth;       /* 1 for a single position, 2 for an array of them, ... */
  guint first_count;
  guint first_point;
  guint n_points;
  /* For a Polygon or MultiPolygon shape: whether silk_json_coordinates_check_polygons()
   * found its rings valid, if it ran. */
  guint8 polygons;
} Placeholder;

enum { POLYGONS_UNCHECKED, POLYGONS_VALID, POLYGONS_INVALID };

struct _SilkJsonCoordinates
{
  const char *data;
  gsize length;
  /* Grown by hand: appending to a GArray, one call per number, was a sixth of the
   * time to load an atlas. */
  SilkPoint *points;
  guint n_points;
  guint points_size;
  guint *counts;
  guint n_counts;
  guint counts_size;
  GArray *placeholders;  /* Placeholder */
  GHashTable *by_array;  /* JsonArray* → index in placeholders + 1 */
};

typedef struct
{
  const char *data;
  gsize length;
  gsize pos;
  guint depth;
  SilkJsonCoordinates *coordinates;
  GString *buffer;
  GError *error;
  gsize error_offset;
} Parser;

static gboolean G_GNUC_PRINTF (3, 4)
fail (Parser     *p,
      gsize       offset,
      const char *format,
      ...)
{
  va_list args;

  if (p->error != NULL)
    return FALSE;

  va_start (args, format);
  p->error = g_error_new_valist (SILK_LOAD_ERROR, SILK_LOAD_ERROR_SYNTAX, format, args);
  va_end (args);
  p->error_offset = offset;
  return FALSE;
}

static inline void
skip_whitespace (Parser *p)
{
  while (p->pos < p->length)
    {
      char ch = p->data[p->pos];

      if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t')
        break;
      p->pos++;
    }
}

static inline gboolean
at (Parser *p,
    char    ch)
{
  return p->pos < p->length && p->data[p->pos] == ch;
}

/* Numbers */

typedef struct
{
  gboolean integer;
  gint64 int_value;
  double value;
} Number;

/* Reads the number at p->pos as RFC 8259 writes it. Most of an atlas is numbers
 * such as 77.7986, so this keeps to one pass over their digits. */
static gboolean
read_number (Parser *p,
             Number *number)
{
  const char *d = p->data;
  const char *end = d + p->length;
  const char *q = d + p->pos;
  const char *start = q;
  const char *digits;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  guint n_digits;
  guint n_fraction = 0;
  int exponent = 0;
  gboolean integer = TRUE;

  if (q < end && *q == '-')
    {
      negative = TRUE;
      q++;
    }

  digits = q;
  while (q < end && (guint) (*q - '0') < 10)
    mantissa = mantissa * 10 + (guint) (*q++ - '0');
  n_digits = q - digits;
  if (n_digits == 0)
    return fail (p, start - d, "expected a digit");
  if (n_digits > 1 && *digits == '0')
    return fail (p, start - d, "a number may not begin with 0 followed by more digits");

  if (q < end && *q == '.')
    {
      const char *fraction = ++q;

      integer = FALSE;
      while (q < end && (guint) (*q - '0') < 10)
        mantissa = mantissa * 10 + (guint) (*q++ - '0');
      n_fraction = q - fraction;
      if (n_fraction == 0)
        return fail (p, start - d, "a decimal point must be followed by a digit");
      n_digits += n_fraction;
    }

  if (q < end && (*q == 'e' || *q == 'E'))
    {
      gboolean exponent_negative = FALSE;
      const char *exponent_digits;

      integer = FALSE;
      q++;
      if (q < end && (*q == '+' || *q == '-'))
        exponent_negative = *q++ == '-';
      exponent_digits = q;
      for (; q < end && (guint) (*q - '0') < 10; q++)
        if (exponent < 100000)
          exponent = exponent * 10 + (*q - '0');
      if (q == exponent_digits)
        return fail (p, start - d, "the exponent of a number must have at least one digit");
      if (exponent_negative)
        exponent = -exponent;
    }

  p->pos = q - d;
  number->integer = integer;

  /* 19 digits never overflow the mantissa; leading zeros add nothing to it. */
  if (integer && n_digits <= 18)
    {
      number->int_value = negative ? -(gint64) mantissa : (gint64) mantissa;
      return TRUE;
    }

  exponent -= n_fraction;
  if (!integer && n_digits <= 19 && mantissa <= (G_GUINT64_CONSTANT (1) << 53)
      && exponent >= -MAX_EXACT_POWER && exponent <= MAX_EXACT_POWER)
    {
      double value = (double) mantissa;

      value = exponent < 0 ? value / powers_of_ten[-exponent] : value * powers_of_ten[exponent];
      number->value = negative ? -value : value;
      return TRUE;
    }

  /* Long or extreme numbers: rare in an atlas, left to the C library, which rounds
   * them correctly too. */
  {
    g_autofree char *text = g_strndup (start, q - start);

    if (integer)
      {
        errno = 0;
        number->int_value = g_ascii_strtoll (text, NULL, 10);
        if (errno == ERANGE)
          return fail (p, start - d, "the integer does not fit in 64 bits");
      }
    else
      {
        number->value = g_ascii_strtod (text, NULL);
      }
  }
  return TRUE;
}

/* Strings */

static gboolean
read_hex4 (Parser *p,
           gsize   offset,
           guint  *value)
{
  guint result = 0;

  if (offset + 4 > p->length)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p->data[offset + i]);

      if (digit < 0)
        return FALSE;
      result = result * 16 + digit;
    }

  *value = result;
  return TRUE;
}

/* Reads the string at p->pos into p->buffer, escapes decoded. As with json-glib, a
 * string ends at an escaped U+0000. */
static gboolean
read_string (Parser *p)
{
  gsize open = p->pos;
  gsize i = open + 1;
  gsize run = i;
  gboolean ended = FALSE;
  gboolean ascii = TRUE;

  g_string_truncate (p->buffer, 0);

  while (i < p->length)
    {
      guchar ch = p->data[i];

      if (ch == '"')
        {
          const char *invalid;

          if (!ascii && !g_utf8_validate_len (p->data + open + 1, i - open - 1, &invalid))
            return fail (p, invalid - p->data, "a string is not valid UTF-8");
          if (!ended)
            g_string_append_len (p->buffer, p->data + run, i - run);
          p->pos = i + 1;
          return TRUE;
        }

      if (ch < 0x20)
        return fail (p, i, "a control character may not appear in a string as it is");

      if (ch != '\\')
        {
          ascii &= ch < 0x80;
          i++;
          continue;
        }

      if (!ended)
        g_string_append_len (p->buffer, p->data + run, i - run);
      if (i + 1 >= p->length)
        break;

      switch (p->data[i + 1])
        {
        case '"': case '\\': case '/':
          if (!ended)
            g_string_append_c (p->buffer, p->data[i + 1]);
          i += 2;
          break;
        case 'b':
          if (!ended)
            g_string_append_c (p->buffer, '\b');
          i += 2;
          break;
        case 'f':
          if (!ended)
            g_string_append_c (p->buffer, '\f');
          i += 2;
          break;
        case 'n':
          if (!ended)
            g_string_append_c (p->buffer, '\n');
          i += 2;
          break;
        case 'r':
          if (!ended)
            g_string_append_c (p->buffer, '\r');
          i += 2;
          break;
        case 't':
          if (!ended)
            g_string_append_c (p->buffer, '\t');
          i += 2;
          break;
        case 'u':
          {
            guint unit, low;
            gunichar c;

            if (!read_hex4 (p, i + 2, &unit))
              return fail (p, i, "\"\\u\" must be followed by four hexadecimal digits");
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              return fail (p, i, "a second half of a surrogate pair without its first half");
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                if (i + 7 >= p->length || p->data[i + 6] != '\\' || p->data[i + 7] != 'u'
                    || !read_hex4 (p, i + 8, &low) || low < 0xDC00 || low > 0xDFFF)
                  return fail (p, i, "a first half of a surrogate pair without its second half");
                c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                i += 12;
              }
            else
              {
                c = unit;
                i += 6;
              }
            if (c == 0)
              ended = TRUE;
            else if (!ended)
              g_string_append_unichar (p->buffer, c);
          }
          break;
        default:
          return fail (p, i, "invalid escape in a string");
        }
      run = i;
    }

  return fail (p, open, "this string is not closed");
}

/* Coordinates kept out of the tree */

static inline SilkPoint *
add_point (SilkJsonCoordinates *c)
{
  if (G_UNLIKELY (c->n_points == c->points_size))
    {
      c->points_size = MAX (c->points_size * 2, 1024);
      c->points = g_renew (SilkPoint, c->points, c->points_size);
    }
  return &c->points[c->n_points++];
}

static inline guint
add_count (SilkJsonCoordinates *c)
{
  if (G_UNLIKELY (c->n_counts == c->counts_size))
    {
      c->counts_size = MAX (c->counts_size * 2, 256);
      c->counts = g_renew (guint, c->counts, c->counts_size);
    }
  c->counts[c->n_counts] = 0;
  return c->n_counts++;
}

/* Reads the coordinates value at p->pos into the points and counts of
 * p->coordinates; FALSE, with nothing added and p->pos unchanged, for a value of
 * another shape. */
static gboolean
read_compact (Parser      *p,
              Placeholder *placeholder)
{
  SilkJsonCoordinates *c = p->coordinates;
  guint open_counts[SILK_LOAD_MAX_DEPTH];
  guint level = 0;
  guint leaf_level = 0;
  gsize start = p->pos;
  guint counts_len = c->n_counts;
  guint points_len = c->n_points;

  placeholder->start = start;
  placeholder->polygons = POLYGONS_UNCHECKED;
  placeholder->first_count = counts_len;
  placeholder->first_point = points_len;

  for (;;)
    {
      /* At the opening bracket of an array at @level + 1. */
      if (!at (p, '[') || p->depth + level >= SILK_LOAD_MAX_DEPTH)
        goto other_shape;
      p->pos++;
      level++;
      skip_whitespace (p);

      if (at (p, '['))
        {
          /* An array of arrays: its count is filled in when it closes. */
          open_counts[level - 1] = add_count (c);
          continue;
        }

      /* A position: exactly two numbers, all positions at one depth. */
      {
        Number x, y;
        SilkPoint *point;

        if (leaf_level != 0 && leaf_level != level)
          goto other_shape;
        leaf_level = level;

        if (!(at (p, '-') || (p->pos < p->length && g_ascii_isdigit (p->data[p->pos])))
            || !read_number (p, &x))
          goto other_shape;
        skip_whitespace (p);
        if (!at (p, ','))
          goto other_shape;
        p->pos++;
        skip_whitespace (p);
        if (!(at (p, '-') || (p->pos < p->length && g_ascii_isdigit (p->data[p->pos])))
            || !read_number (p, &y))
          goto other_shape;
        skip_whitespace (p);
        if (!at (p, ']'))
          goto other_shape;
        p->pos++;
        level--;

        point = add_point (c);
        point->x = x.integer ? (double) x.int_value : x.value;
        point->y = y.integer ? (double) y.int_value : y.value;
      }

      /* Close the arrays that end here; go on with the next element of the
       * innermost one that does not. */
      for (;;)
        {
          if (level == 0)
            {
              placeholder->end = p->pos;
              placeholder->depth = leaf_level;
              placeholder->n_points = c->n_points - points_len;
              return TRUE;
            }

          c->counts[open_counts[level - 1]]++;
          skip_whitespace (p);
          if (at (p, ','))
            {
              p->pos++;
              skip_whitespace (p);
              break;
            }
          if (!at (p, ']'))
            goto other_shape;
          p->pos++;
          level--;
        }
    }

other_shape:
  g_clear_error (&p->error);
  c->n_counts = counts_len;
  c->n_points = points_len;
  p->pos = start;
  return FALSE;
}

/* The tree */

static JsonNode *parse_value (Parser *p);

static gboolean
parse_array_into (Parser   *p,
                  JsonNode *node)
{
  JsonArray *array = json_array_new ();

  json_node_take_array (node, array);
  p->pos++;
  skip_whitespace (p);
  if (at (p, ']'))
    {
      p->pos++;
      return TRUE;
    }

  for (;;)
    {
      JsonNode *element = parse_value (p);

      if (element == NULL)
        return FALSE;
      json_node_set_parent (element, node);
      json_array_add_element (array, element);

      skip_whitespace (p);
      if (at (p, ','))
        {
          p->pos++;
          skip_whitespace (p);
          continue;
        }
      if (at (p, ']'))
        {
          p->pos++;
          return TRUE;
        }
      return fail (p, p->pos, "expected \",\" or \"]\" in an array");
    }
}

static gboolean
parse_object_into (Parser   *p,
                   JsonNode *node)
{
  JsonObject *object = json_object_new ();

  json_node_take_object (node, object);
  p->pos++;
  skip_whitespace (p);
  if (at (p, '}'))
    {
      p->pos++;
      return TRUE;
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *member = NULL;
      gsize name_offset = p->pos;

      if (!at (p, '"'))
        return fail (p, p->pos, "expected a member name in double quotes");
      if (!read_string (p))
        return FALSE;
      name = g_strndup (p->buffer->str, p->buffer->len);
      if (json_object_has_member (object, name))
        return fail (p, name_offset, "a member name appears twice in an object");

      skip_whitespace (p);
      if (!at (p, ':'))
        return fail (p, p->pos, "expected \":\" after a member name");
      p->pos++;
      skip_whitespace (p);

      if (p->coordinates != NULL && g_str_equal (name, "coordinates") && at (p, '['))
        {
          Placeholder placeholder;

          if (read_compact (p, &placeholder))
            {
              SilkJsonCoordinates *c = p->coordinates;
              JsonArray *empty = json_array_new ();

              member = json_node_init_array (json_node_alloc (), empty);
              g_array_append_val (c->placeholders, placeholder);
              g_hash_table_insert (c->by_array, empty, GUINT_TO_POINTER (c->placeholders->len));
              json_array_unref (empty);
            }
        }

      if (member == NULL)
        member = parse_value (p);
      if (member == NULL)
        return FALSE;
      json_node_set_parent (member, node);
      json_object_set_member (object, name, member);

      skip_whitespace (p);
      if (at (p, ','))
        {
          p->pos++;
          skip_whitespace (p);
          continue;
        }
      if (at (p, '}'))
        {
          p->pos++;
          return TRUE;
        }
      return fail (p, p->pos, "expected \",\" or \"}\" in an object");
    }
}

static gboolean
match_word (Parser     *p,
            const char *word)
{
  gsize n = strlen (word);

  if (p->pos + n > p->length || memcmp (p->data + p->pos, word, n) != 0)
    return FALSE;
  p->pos += n;
  return TRUE;
}

static JsonNode *
parse_value (Parser *p)
{
  JsonNode *node;
  gboolean ok;

  if (p->pos >= p->length)
    {
      fail (p, p->pos, "expected a value, not the end of the text");
      return NULL;
    }

  switch (p->data[p->pos])
    {
    case '{':
    case '[':
      if (p->depth >= SILK_LOAD_MAX_DEPTH)
        {
          fail (p, p->pos, "arrays and objects nest too deep");
          return NULL;
        }
      p->depth++;
      node = json_node_alloc ();
      if (p->data[p->pos] == '{')
        {
          json_node_init_object (node, NULL);
          ok = parse_object_into (p, node);
        }
      else
        {
          json_node_init_array (node, NULL);
          ok = parse_array_into (p, node);
        }
      p->depth--;
      if (!ok)
        {
          json_node_unref (node);
          return NULL;
        }
      return node;

    case '"':
      if (!read_string (p))
        return NULL;
      return json_node_init_string (json_node_alloc (), p->buffer->str);

    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      {
        Number number;

        if (!read_number (p, &number))
          return NULL;
        if (number.integer)
          return json_node_init_int (json_node_alloc (), number.int_value);
        return json_node_init_double (json_node_alloc (), number.value);
      }

    default:
      if (match_word (p, "true"))
        return json_node_init_boolean (json_node_alloc (), TRUE);
      if (match_word (p, "false"))
        return json_node_init_boolean (json_node_alloc (), FALSE);
      if (match_word (p, "null"))
        return json_node_init_null (json_node_alloc ());
      fail (p, p->pos, "expected a value");
      return NULL;
    }
}

JsonNode *
silk_json_parse (const char           *data,
                 gsize                 length,
                 SilkJsonCoordinates **coordinates,
                 gsize                *error_offset,
                 GError              **error)
{
  Parser p = { data, length, 0, 0, NULL, NULL, NULL, 0 };
  g_autoptr(SilkJsonCoordinates) c = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (coordinates != NULL)
    {
      c = g_new0 (SilkJsonCoordinates, 1);
      c->data = data;
      c->length = length;
      c->placeholders = g_array_new (FALSE, FALSE, sizeof (Placeholder));
      c->by_array = g_hash_table_new (NULL, NULL);
      p.coordinates = c;
    }

  p.buffer = g_string_new (NULL);
  skip_whitespace (&p);
  root = parse_value (&p);
  if (root != NULL)
    {
      skip_whitespace (&p);
      if (p.pos < length)
        {
          fail (&p, p.pos, "unexpected text after the end of the JSON value");
          g_clear_pointer (&root, json_node_unref);
        }
    }
  g_string_free (p.buffer, TRUE);

  if (root == NULL)
    {
      if (error_offset != NULL)
        *error_offset = p.error_offset;
      g_propagate_error (error, p.error);
      return NULL;
    }

  if (coordinates != NULL)
    *coordinates = g_steal_pointer (&c);
  return root;
}

/* Geometry from the kept coordinates */

typedef struct
{
  const SilkPoint *points;
  const guint *counts;
  guint next_point;
  guint next_count;
  SilkGeometryBuilder *builder;
} Reader;

static gboolean
positions_are_valid (const SilkPoint *points,
                     guint            n)
{
  for (guint i = 0; i < n; i++)
    if (!isfinite (points[i].x) || !isfinite (points[i].y)
        || points[i].x < -180.0 || points[i].x > 180.0
        || points[i].y < -90.0 || points[i].y > 90.0)
      return FALSE;
  return TRUE;
}

/* The next @n positions as one part. */
static void
take_part (Reader   *r,
           guint     n,
           gboolean  new_polygon)
{
  silk_geometry_builder_add_points (r->builder, r->points + r->next_point, n);
  silk_geometry_builder_end_part (r->builder, new_polygon);
  r->next_point += n;
}

static gboolean
take_line (Reader *r)
{
  guint n = r->counts[r->next_count++];

  if (n < 2 || !positions_are_valid (r->points + r->next_point, n))
    return FALSE;
  take_part (r, n, FALSE);
  return TRUE;
}

static gboolean
ring_is_valid (const SilkPoint *points,
               guint            n,
               gboolean         outer)
{
  return n >= 4 && positions_are_valid (points, n) && silk_ring_is_closed (points, n)
         && (!outer || silk_ring_check_crossing (points, n, SILK_LOAD_MAX_EDGES_PER_MERIDIAN,
                                                 NULL, NULL) == SILK_RING_SIMPLE);
}

/* The next polygon, its rings checked unless @checked says they were already. */
static gboolean
take_polygon (Reader   *r,
              gboolean  checked)
{
  guint n_rings = r->counts[r->next_count++];

  for (guint ring = 0; ring < n_rings; ring++)
    {
      const SilkPoint *points = r->points + r->next_point;
      guint n = r->counts[r->next_count++];

      if (!checked && !ring_is_valid (points, n, ring == 0))
        return FALSE;
      take_part (r, n, ring == 0);
    }
  return TRUE;
}

/* What take_polygon() checks, for the @n_polygons polygons from r's position on,
 * without building anything. */
static gboolean
polygons_are_valid (Reader *r,
                    guint   n_polygons)
{
  for (guint i = 0; i < n_polygons; i++)
    {
      guint n_rings = r->counts[r->next_count++];

      for (guint ring = 0; ring < n_rings; ring++)
        {
          guint n = r->counts[r->next_count++];

          if (!ring_is_valid (r->points + r->next_point, n, ring == 0))
            return FALSE;
          r->next_point += n;
        }
    }
  return TRUE;
}

void
silk_json_coordinates_check_polygons (SilkJsonCoordinates *coordinates,
                                      guint                part,
                                      guint                n_parts)
{
  guint64 before = 0;

  g_return_if_fail (coordinates != NULL);
  g_return_if_fail (part < n_parts);

  for (guint i = 0; i < coordinates->placeholders->len; i++)
    {
      Placeholder *placeholder = &g_array_index (coordinates->placeholders, Placeholder, i);
      Reader r = { coordinates->points, coordinates->counts, placeholder->first_point,
                   placeholder->first_count, NULL };
      gboolean mine = before * n_parts / MAX (coordinates->n_points, 1) == part;
      gboolean valid;

      before += placeholder->n_points;

      /* take_geometry() expands these without looking at their rings. */
      if (!mine || (placeholder->depth != 3 && placeholder->depth != 4)
          || placeholder->n_points > SILK_LOAD_MAX_POSITIONS)
        continue;

      valid = polygons_are_valid (&r, placeholder->depth == 4 ? r.counts[r.next_count++] : 1);
      placeholder->polygons = valid ? POLYGONS_VALID : POLYGONS_INVALID;
    }
}

/* Puts the full tree of @placeholder's value into @node. */
static void
expand (SilkJsonCoordinates *c,
        JsonNode            *node,
        const Placeholder   *placeholder)
{
  Parser p = { c->data, placeholder->end, placeholder->start, 0, NULL, NULL, NULL, 0 };
  JsonArray *array = json_node_get_array (node);
  gboolean ok;

  g_hash_table_remove (c->by_array, array);
  p.buffer = g_string_new (NULL);
  /* The text parsed once already. */
  ok = parse_array_into (&p, node);
  g_assert (ok);
  g_string_free (p.buffer, TRUE);
}

SilkGeometry *
silk_json_coordinates_take_geometry (SilkJsonCoordinates *coordinates,
                                     JsonNode            *node,
                                     SilkGeometryType     type,
                                     gboolean             multi)
{
  g_autoptr(SilkGeometryBuilder) builder = NULL;
  const Placeholder *placeholder;
  Reader r;
  guint index;
  guint depth;
  gboolean ok = TRUE;

  g_return_val_if_fail (coordinates != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (coordinates->by_array,
                                                 json_node_get_array (node)));
  if (index == 0)
    return NULL;
  placeholder = &g_array_index (coordinates->placeholders, Placeholder, index - 1);

  switch (type)
    {
    case SILK_GEOMETRY_POINT:
      depth = 1;
      break;
    case SILK_GEOMETRY_LINES:
      depth = multi ? 3 : 2;
      break;
    case SILK_GEOMETRY_POLYGONS:
    default:
      depth = multi ? 4 : 3;
      break;
    }

  if (placeholder->depth != depth || placeholder->n_points > SILK_LOAD_MAX_POSITIONS)
    {
      expand (coordinates, node, placeholder);
      return NULL;
    }

  builder = silk_geometry_builder_new (type);
  r.points = coordinates->points;
  r.counts = coordinates->counts;
  r.next_point = placeholder->first_point;
  r.next_count = placeholder->first_count;
  r.builder = builder;

  if (type == SILK_GEOMETRY_POINT)
    {
      ok = positions_are_valid (r.points + r.next_point, 1);
      if (ok)
        take_part (&r, 1, FALSE);
    }
  else
    {
      guint n = multi ? r.counts[r.next_count++] : 1;
      gboolean checked = placeholder->polygons != POLYGONS_UNCHECKED;

      if (type == SILK_GEOMETRY_POLYGONS && placeholder->polygons == POLYGONS_INVALID)
        ok = FALSE;
      for (guint i = 0; i < n && ok; i++)
        ok = type == SILK_GEOMETRY_LINES ? take_line (&r) : take_polygon (&r, checked);
    }

  if (!ok)
    {
      expand (coordinates, node, placeholder);
      return NULL;
    }

  g_hash_table_remove (coordinates->by_array, json_node_get_array (node));
  return silk_geometry_builder_finish (builder);
}

void
silk_json_coordinates_free (SilkJsonCoordinates *coordinates)
{
  if (coordinates == NULL)
    return;

  g_free (coordinates->points);
  g_free (coordinates->counts);
  g_array_unref (coordinates->placeholders);
  g_hash_table_unref (coordinates->by_array);
  g_free (coordinates);
}
