/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "silk-document.h"
#include "silk-json-locate.h"

/* Objects with more members than this find duplicate names through a hash table
 * rather than by comparing each new name with all earlier ones. */
#define MAX_LINEAR_KEYS 16

/* A member name as it stands between its quotes, escapes included. */
typedef struct
{
  gsize start;
  gsize end;
} KeySpan;

/* The member name between @start and @end, escapes decoded: the name json-glib and
 * silk_json_parse() give the member. As a C string it ends at a "\u0000", as
 * theirs does. The text must have passed the string checks of silk_json_check(). */
static char *
decode_name (const char *d,
             gsize       start,
             gsize       end)
{
  GString *decoded = g_string_new (NULL);

  for (gsize i = start; i < end; i++)
    {
      gunichar ch;

      if (d[i] != '\\')
        {
          g_string_append_c (decoded, d[i]);
          continue;
        }

      i++;
      switch (d[i])
        {
        case 'b': g_string_append_c (decoded, '\b'); break;
        case 'f': g_string_append_c (decoded, '\f'); break;
        case 'n': g_string_append_c (decoded, '\n'); break;
        case 'r': g_string_append_c (decoded, '\r'); break;
        case 't': g_string_append_c (decoded, '\t'); break;
        case 'u':
          {
            char hex[5] = { 0, };

            memcpy (hex, d + i + 1, 4);
            ch = strtoul (hex, NULL, 16);
            i += 4;
            if (ch >= 0xD800 && ch <= 0xDBFF && i + 6 < end)
              {
                gunichar low;

                memcpy (hex, d + i + 3, 4);
                low = strtoul (hex, NULL, 16);
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
              }
            g_string_append_unichar (decoded, ch);
          }
          break;
        default:
          g_string_append_c (decoded, d[i]);
          break;
        }
    }

  return g_string_free (decoded, FALSE);
}

typedef struct
{
  char kind; /* '{' or '[' */
  gsize offset;
  guint keys_start;
  GHashTable *key_set;
} Frame;

typedef enum
{
  EXPECT_TOP,
  EXPECT_FIRST_ELEMENT,
  EXPECT_AFTER_COMMA,
  EXPECT_AFTER_COLON,
} Expect;

typedef struct
{
  const char *data;
  gsize length;
  gsize pos;
  guint max_depth;
  Frame *frames;
  guint depth;
  GArray *keys;
  gsize error_offset;
  GError *error;
} Checker;

static gboolean G_GNUC_PRINTF (4, 5)
fail (Checker      *c,
      gsize         offset,
      SilkLoadError code,
      const char   *format,
      ...)
{
  va_list args;

  if (c->error != NULL)
    return FALSE;

  va_start (args, format);
  c->error = g_error_new_valist (SILK_LOAD_ERROR, code, format, args);
  va_end (args);
  c->error_offset = offset;
  return FALSE;
}

/* How a message names what stands at @offset: a word, one character, or the end. */
static char *
describe_at (Checker *c,
             gsize    offset)
{
  const char *p = c->data + offset;
  gsize n = 0;

  if (offset >= c->length)
    return g_strdup ("the end of the file");

  if (g_ascii_isalpha (*p) || *p == '_')
    {
      while (offset + n < c->length && n < 24 && (g_ascii_isalnum (p[n]) || p[n] == '_'))
        n++;
      return g_strdup_printf ("\"%.*s\"", (int) n, p);
    }

  if ((guchar) *p < 0x20)
    return g_strdup_printf ("the control character U+%04X", (guint) (guchar) *p);

  /* The text is valid UTF-8 (checked first), so this is a whole character. */
  n = g_utf8_next_char (p) - p;
  return g_strdup_printf ("\"%.*s\"", (int) n, p);
}

static void
skip_whitespace (Checker *c)
{
  while (c->pos < c->length)
    {
      char ch = c->data[c->pos];

      if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t')
        break;
      c->pos++;
    }
}

static gboolean
fail_unclosed (Checker *c)
{
  Frame *frame = &c->frames[c->depth - 1];
  guint line, column;

  silk_json_get_position (c->data, c->length, c->length, &line, &column);
  return fail (c, frame->offset, SILK_LOAD_ERROR_SYNTAX,
               "the %s that begins here is not closed: the file ends at line %u, "
               "column %u without its \"%c\" (is the file truncated?)",
               frame->kind == '{' ? "object" : "array", line, column,
               frame->kind == '{' ? '}' : ']');
}

static gboolean
read_hex4 (Checker *c,
           gsize    offset,
           guint   *value)
{
  guint result = 0;

  if (offset + 4 > c->length)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (c->data[offset + i]);

      if (digit < 0)
        return FALSE;
      result = result * 16 + digit;
    }

  *value = result;
  return TRUE;
}

/* At an opening quote; leaves c->pos after the closing one. */
static gboolean
read_string (Checker *c,
             KeySpan *span)
{
  gsize open = c->pos;
  gsize i = open + 1;

  while (i < c->length)
    {
      guchar ch = c->data[i];

      if (ch == '"')
        {
          span->start = open + 1;
          span->end = i;
          c->pos = i + 1;
          return TRUE;
        }

      if (ch == '\\')
        {
          guint unit, low;

          if (i + 1 >= c->length)
            break;

          switch (c->data[i + 1])
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              i += 2;
              continue;

            case 'u':
              if (!read_hex4 (c, i + 2, &unit))
                return fail (c, i, SILK_LOAD_ERROR_SYNTAX,
                             "\"\\u\" in a string must be followed by four hexadecimal digits");
              if (unit >= 0xDC00 && unit <= 0xDFFF)
                return fail (c, i, SILK_LOAD_ERROR_SYNTAX,
                             "\"\\u%04X\" is the second half of a surrogate pair without its "
                             "first half", unit);
              if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                  if (i + 7 >= c->length || c->data[i + 6] != '\\' || c->data[i + 7] != 'u'
                      || !read_hex4 (c, i + 8, &low) || low < 0xDC00 || low > 0xDFFF)
                    return fail (c, i, SILK_LOAD_ERROR_SYNTAX,
                                 "\"\\u%04X\" begins a surrogate pair but is not followed by "
                                 "its second half (\\uDC00 to \\uDFFF)", unit);
                  i += 12;
                  continue;
                }
              i += 6;
              continue;

            default:
              {
                g_autofree char *what = describe_at (c, i + 1);

                return fail (c, i, SILK_LOAD_ERROR_SYNTAX,
                             "invalid escape in a string: a backslash may be followed by "
                             "\" \\ / b f n r t or u, not %s", what);
              }
            }
        }

      if (ch == '\n' || ch == '\r')
        return fail (c, open, SILK_LOAD_ERROR_SYNTAX,
                     "this string is not closed before the end of its line (a line break "
                     "inside a string must be written \\n)");

      if (ch < 0x20)
        return fail (c, i, SILK_LOAD_ERROR_SYNTAX,
                     "the control character U+%04X may not appear in a string as it is; "
                     "write it as an escape such as \\t or \\u%04X", (guint) ch, (guint) ch);

      i++;
    }

  return fail (c, open, SILK_LOAD_ERROR_SYNTAX,
               "this string is not closed: the file ends before its closing quote "
               "(is the file truncated?)");
}

static gboolean
read_number (Checker *c)
{
  const char *d = c->data;
  gsize start = c->pos;
  gsize i = start;
  gboolean integer = TRUE;

  if (d[i] == '-')
    i++;

  if (i >= c->length || !g_ascii_isdigit (d[i]))
    return fail (c, start, SILK_LOAD_ERROR_SYNTAX, "\"-\" must be followed by a digit");

  if (d[i] == '0')
    {
      i++;
      if (i < c->length && g_ascii_isdigit (d[i]))
        return fail (c, start, SILK_LOAD_ERROR_SYNTAX,
                     "a number may not begin with 0 followed by more digits (write 7, not 07)");
    }
  else
    {
      while (i < c->length && g_ascii_isdigit (d[i]))
        i++;
    }

  if (i < c->length && d[i] == '.')
    {
      integer = FALSE;
      i++;
      if (i >= c->length || !g_ascii_isdigit (d[i]))
        return fail (c, start, SILK_LOAD_ERROR_SYNTAX,
                     "a decimal point must be followed by a digit");
      while (i < c->length && g_ascii_isdigit (d[i]))
        i++;
    }

  if (i < c->length && (d[i] == 'e' || d[i] == 'E'))
    {
      integer = FALSE;
      i++;
      if (i < c->length && (d[i] == '+' || d[i] == '-'))
        i++;
      if (i >= c->length || !g_ascii_isdigit (d[i]))
        return fail (c, start, SILK_LOAD_ERROR_SYNTAX,
                     "the exponent of a number must have at least one digit");
      while (i < c->length && g_ascii_isdigit (d[i]))
        i++;
    }

  /* json-glib stores integers as gint64 and silently wraps those that do not fit;
   * 18 digits always fit. */
  if (integer && i - start > 18)
    {
      g_autofree char *text = g_strndup (d + start, MIN (i - start, 64));

      errno = 0;
      if (i - start > 64 || (g_ascii_strtoll (text, NULL, 10), errno == ERANGE))
        return fail (c, start, SILK_LOAD_ERROR_LIMIT,
                     "the integer %.24s%s does not fit in 64 bits; write it with a decimal "
                     "point or an exponent", text, i - start > 24 ? "…" : "");
    }

  c->pos = i;
  return TRUE;
}

static gboolean
read_word (Checker *c)
{
  const char *p = c->data + c->pos;
  gsize n = 0;

  while (c->pos + n < c->length && (g_ascii_isalnum (p[n]) || p[n] == '_'))
    n++;

  if ((n == 4 && memcmp (p, "true", 4) == 0)
      || (n == 5 && memcmp (p, "false", 5) == 0)
      || (n == 4 && memcmp (p, "null", 4) == 0))
    {
      c->pos += n;
      return TRUE;
    }

  {
    g_autofree char *what = describe_at (c, c->pos);

    return fail (c, c->pos, SILK_LOAD_ERROR_SYNTAX,
                 "expected a value (an object, array, string, number, true, false or null), "
                 "not %s", what);
  }
}

static gboolean
push (Checker *c,
      char     kind)
{
  Frame *frame;

  if (c->depth >= c->max_depth)
    return fail (c, c->pos, SILK_LOAD_ERROR_LIMIT,
                 "arrays and objects nest more than %u levels deep here; an atlas file may "
                 "nest at most %u levels", c->max_depth, c->max_depth);

  frame = &c->frames[c->depth++];
  frame->kind = kind;
  frame->offset = c->pos;
  frame->keys_start = c->keys->len;
  frame->key_set = NULL;
  c->pos++;
  return TRUE;
}

static void
pop (Checker *c)
{
  Frame *frame = &c->frames[--c->depth];

  g_clear_pointer (&frame->key_set, g_hash_table_unref);
  g_array_set_size (c->keys, frame->keys_start);
  c->pos++;
}

static gboolean
fail_duplicate (Checker       *c,
                const KeySpan *span,
                gsize          first)
{
  guint line, column;

  silk_json_get_position (c->data, c->length, first, &line, &column);
  return fail (c, span->start - 1, SILK_LOAD_ERROR_INVALID,
               "the member name \"%.*s\" appears twice in this object (first at line %u, "
               "column %u); each name may appear only once",
               (int) MIN (span->end - span->start, 64), c->data + span->start, line, column);
}

static gboolean
has_escape (Checker       *c,
            const KeySpan *span)
{
  return memchr (c->data + span->start, '\\', span->end - span->start) != NULL;
}

/* The name of @span as a C string, escapes decoded. */
static char *
span_name (Checker       *c,
           const KeySpan *span)
{
  if (has_escape (c, span))
    return decode_name (c->data, span->start, span->end);
  return g_strndup (c->data + span->start, span->end - span->start);
}

/* Names are the same when they decode to the same string: "a" and "\u0061" are one
 * name, which json-glib would silently give one of the two values. */
static gboolean
spans_equal (Checker       *c,
             const KeySpan *a,
             const KeySpan *b)
{
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;

  if (!has_escape (c, a) && !has_escape (c, b))
    return a->end - a->start == b->end - b->start
           && memcmp (c->data + a->start, c->data + b->start, a->end - a->start) == 0;

  name_a = span_name (c, a);
  name_b = span_name (c, b);
  return g_str_equal (name_a, name_b);
}

static gboolean
check_duplicate (Checker       *c,
                 const KeySpan *span)
{
  Frame *frame = &c->frames[c->depth - 1];

  if (frame->key_set != NULL)
    {
      char *key = span_name (c, span);
      gpointer first;

      if (g_hash_table_lookup_extended (frame->key_set, key, NULL, &first))
        {
          g_free (key);
          return fail_duplicate (c, span, GPOINTER_TO_SIZE (first));
        }
      g_hash_table_insert (frame->key_set, key, GSIZE_TO_POINTER (span->start - 1));
      return TRUE;
    }

  for (guint i = frame->keys_start; i < c->keys->len; i++)
    {
      const KeySpan *other = &g_array_index (c->keys, KeySpan, i);

      if (spans_equal (c, other, span))
        return fail_duplicate (c, span, other->start - 1);
    }

  g_array_append_val (c->keys, *span);

  if (c->keys->len - frame->keys_start > MAX_LINEAR_KEYS)
    {
      frame->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = frame->keys_start; i < c->keys->len; i++)
        {
          const KeySpan *other = &g_array_index (c->keys, KeySpan, i);

          g_hash_table_insert (frame->key_set, span_name (c, other),
                               GSIZE_TO_POINTER (other->start - 1));
        }
    }

  return TRUE;
}

/* A member name and its colon. */
static gboolean
read_key (Checker *c)
{
  KeySpan span;

  skip_whitespace (c);
  if (c->pos >= c->length)
    return fail_unclosed (c);

  if (c->data[c->pos] != '"')
    {
      g_autofree char *what = describe_at (c, c->pos);

      return fail (c, c->pos, SILK_LOAD_ERROR_SYNTAX,
                   "expected a member name in double quotes, not %s", what);
    }

  if (!read_string (c, &span) || !check_duplicate (c, &span))
    return FALSE;

  skip_whitespace (c);
  if (c->pos >= c->length)
    return fail_unclosed (c);

  if (c->data[c->pos] != ':')
    {
      g_autofree char *what = describe_at (c, c->pos);

      return fail (c, c->pos, SILK_LOAD_ERROR_SYNTAX,
                   "expected \":\" after the member name, not %s", what);
    }

  c->pos++;
  return TRUE;
}

static gboolean
check_text (Checker *c)
{
  gboolean expect_value = TRUE;
  Expect expect = EXPECT_TOP;
  gsize comma = 0;

  skip_whitespace (c);
  if (c->pos >= c->length)
    return fail (c, 0, SILK_LOAD_ERROR_SYNTAX,
                 "the file holds no JSON value, only white space");

  for (;;)
    {
      skip_whitespace (c);

      if (expect_value)
        {
          KeySpan span;
          char ch;

          if (c->pos >= c->length)
            return fail_unclosed (c);

          ch = c->data[c->pos];
          switch (ch)
            {
            case '{':
              if (!push (c, '{'))
                return FALSE;
              skip_whitespace (c);
              if (c->pos < c->length && c->data[c->pos] == '}')
                {
                  pop (c);
                  expect_value = FALSE;
                  continue;
                }
              if (!read_key (c))
                return FALSE;
              expect = EXPECT_AFTER_COLON;
              continue;

            case '[':
              if (!push (c, '['))
                return FALSE;
              skip_whitespace (c);
              if (c->pos < c->length && c->data[c->pos] == ']')
                {
                  pop (c);
                  expect_value = FALSE;
                  continue;
                }
              expect = EXPECT_FIRST_ELEMENT;
              continue;

            case '"':
              if (!read_string (c, &span))
                return FALSE;
              break;

            case '-': case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':
              if (!read_number (c))
                return FALSE;
              break;

            case ']':
            case '}':
              if (expect == EXPECT_AFTER_COMMA)
                return fail (c, comma, SILK_LOAD_ERROR_SYNTAX,
                             "a comma must be followed by another element; JSON allows "
                             "no comma before \"%c\"", ch);
              if (expect == EXPECT_AFTER_COLON)
                return fail (c, c->pos, SILK_LOAD_ERROR_SYNTAX,
                             "expected a value after \":\", not \"%c\"", ch);
              return fail (c, c->pos, SILK_LOAD_ERROR_SYNTAX,
                           "unexpected \"%c\": nothing is open here to close", ch);

            default:
              if (g_ascii_isalpha (ch) || ch == '_')
                {
                  if (!read_word (c))
                    return FALSE;
                  break;
                }
              {
                g_autofree char *what = describe_at (c, c->pos);

                return fail (c, c->pos, SILK_LOAD_ERROR_SYNTAX,
                             "expected a value (an object, array, string, number, true, "
                             "false or null), not %s", what);
              }
            }

          expect_value = FALSE;
          continue;
        }

      if (c->depth == 0)
        {
          g_autofree char *what = NULL;

          if (c->pos >= c->length)
            return TRUE;

          what = describe_at (c, c->pos);
          return fail (c, c->pos, SILK_LOAD_ERROR_SYNTAX,
                       "unexpected %s after the end of the JSON value (a file holds only "
                       "one value)", what);
        }

      if (c->pos >= c->length)
        return fail_unclosed (c);

      if (c->frames[c->depth - 1].kind == '[')
        {
          switch (c->data[c->pos])
            {
            case ',':
              comma = c->pos++;
              expect = EXPECT_AFTER_COMMA;
              expect_value = TRUE;
              continue;

            case ']':
              pop (c);
              continue;

            default:
              {
                g_autofree char *what = describe_at (c, c->pos);

                return fail (c, c->pos, SILK_LOAD_ERROR_SYNTAX,
                             "expected \",\" or \"]\" after an array element, not %s", what);
              }
            }
        }
      else
        {
          switch (c->data[c->pos])
            {
            case ',':
              comma = c->pos++;
              skip_whitespace (c);
              if (c->pos < c->length && c->data[c->pos] == '}')
                return fail (c, comma, SILK_LOAD_ERROR_SYNTAX,
                             "a comma must be followed by another member; JSON allows no "
                             "comma before \"}\"");
              if (!read_key (c))
                return FALSE;
              expect = EXPECT_AFTER_COLON;
              expect_value = TRUE;
              continue;

            case '}':
              pop (c);
              continue;

            default:
              {
                g_autofree char *what = describe_at (c, c->pos);

                return fail (c, c->pos, SILK_LOAD_ERROR_SYNTAX,
                             "expected \",\" or \"}\" after a member value, not %s", what);
              }
            }
        }
    }
}

gboolean
silk_json_check (const char  *data,
                 gsize        length,
                 guint        max_depth,
                 gsize       *error_offset,
                 GError     **error)
{
  Checker c = { 0, };
  const char *invalid = NULL;
  gboolean result;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (max_depth > 0, FALSE);
  g_return_val_if_fail (error_offset != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      gsize offset = invalid - data;

      *error_offset = offset;
      if (data[offset] == '\0')
        g_set_error (error, SILK_LOAD_ERROR, SILK_LOAD_ERROR_SYNTAX,
                     "the file contains a NUL byte here; an atlas file is UTF-8 text");
      else
        g_set_error (error, SILK_LOAD_ERROR, SILK_LOAD_ERROR_SYNTAX,
                     "the byte 0x%02X here is not valid UTF-8; an atlas file must be saved "
                     "as UTF-8 text", (guint) (guchar) data[offset]);
      return FALSE;
    }

  c.data = data;
  c.length = length;
  c.max_depth = max_depth;
  c.frames = g_new0 (Frame, max_depth);
  c.keys = g_array_new (FALSE, FALSE, sizeof (KeySpan));

  result = check_text (&c);

  for (guint i = 0; i < c.depth; i++)
    g_clear_pointer (&c.frames[i].key_set, g_hash_table_unref);
  g_free (c.frames);
  g_array_unref (c.keys);

  if (!result)
    {
      g_assert (c.error != NULL);
      *error_offset = c.error_offset;
      g_propagate_error (error, c.error);
    }

  return result;
}

static gsize
skip_ws (const char *d,
         gsize       length,
         gsize       i)
{
  while (i < length && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t'))
    i++;
  return i;
}

/* At an opening quote; returns the index after the closing one. */
static gsize
skip_string (const char *d,
             gsize       length,
             gsize       i)
{
  for (i++; i < length; i++)
    {
      if (d[i] == '\\')
        i++;
      else if (d[i] == '"')
        return i + 1;
    }
  return length;
}

static gsize
skip_value (const char *d,
            gsize       length,
            gsize       i)
{
  guint depth = 0;

  if (i >= length)
    return length;

  if (d[i] == '"')
    return skip_string (d, length, i);

  if (d[i] != '{' && d[i] != '[')
    {
      while (i < length && strchr (",]} \t\r\n", d[i]) == NULL)
        i++;
      return i;
    }

  while (i < length)
    {
      switch (d[i])
        {
        case '"':
          i = skip_string (d, length, i);
          continue;

        case '{':
        case '[':
          depth++;
          break;

        case '}':
        case ']':
          if (--depth == 0)
            return i + 1;
          break;

        default:
          break;
        }
      i++;
    }

  return length;
}

/* Compares the member name between @start and @end, escapes decoded, with @name. */
static gboolean
key_equals (const char *d,
            gsize       start,
            gsize       end,
            const char *name)
{
  g_autofree char *decoded = NULL;

  if (memchr (d + start, '\\', end - start) == NULL)
    return strlen (name) == end - start && memcmp (d + start, name, end - start) == 0;

  decoded = decode_name (d, start, end);
  return g_str_equal (decoded, name);
}

gboolean
silk_json_skip_elements (const char *data,
                         gsize       length,
                         gsize      *offset,
                         guint       n)
{
  gsize i = *offset;

  for (guint k = 0; k < n; k++)
    {
      i = skip_ws (data, length, skip_value (data, length, i));
      if (i >= length || data[i] != ',')
        return FALSE;
      i = skip_ws (data, length, i + 1);
    }

  *offset = i;
  return i < length;
}

gboolean
silk_json_follow (const char         *data,
                  gsize               length,
                  gsize               offset,
                  const SilkJsonStep *path,
                  guint               n_steps,
                  gboolean            want_key,
                  gsize              *offsets)
{
  gsize i = offset;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (path != NULL || n_steps == 0, FALSE);

  for (guint s = 0; s < n_steps; s++)
    {
      if (i >= length)
        return FALSE;

      if (path[s].member != NULL)
        {
          gboolean found = FALSE;

          if (data[i] != '{')
            return FALSE;

          i = skip_ws (data, length, i + 1);
          while (i < length && data[i] == '"')
            {
              gsize key = i;
              gsize key_end = skip_string (data, length, i);
              gboolean match = key_end >= key + 2
                               && key_equals (data, key + 1, key_end - 1, path[s].member);

              i = skip_ws (data, length, key_end);
              i = skip_ws (data, length, i + 1);

              /* silk_json_check() refused duplicate names, so the first match is the
               * only one. */
              if (match)
                {
                  if (want_key && s + 1 == n_steps)
                    i = key;
                  found = TRUE;
                  break;
                }

              i = skip_ws (data, length, skip_value (data, length, i));
              if (i < length && data[i] == ',')
                i = skip_ws (data, length, i + 1);
            }

          if (!found)
            return FALSE;
        }
      else
        {
          if (data[i] != '[')
            return FALSE;

          i = skip_ws (data, length, i + 1);
          if (i >= length || data[i] == ']'
              || !silk_json_skip_elements (data, length, &i, path[s].index))
            return FALSE;
        }

      if (offsets != NULL)
        offsets[s] = i;
    }

  return i < length;
}

gboolean
silk_json_locate (const char         *data,
                  gsize               length,
                  const SilkJsonStep *path,
                  guint               n_steps,
                  gboolean            want_key,
                  gsize              *offset)
{
  g_autofree gsize *offsets = NULL;
  gsize root;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (offset != NULL, FALSE);

  root = skip_ws (data, length, 0);
  if (n_steps == 0)
    {
      *offset = root;
      return root < length;
    }

  offsets = g_new (gsize, n_steps);
  if (!silk_json_follow (data, length, root, path, n_steps, want_key, offsets))
    return FALSE;

  *offset = offsets[n_steps - 1];
  return TRUE;
}

void
silk_json_get_position_from (const char *data,
                             gsize       length,
                             gsize       from_offset,
                             guint       from_line,
                             guint       from_column,
                             gsize       offset,
                             guint      *line,
                             guint      *column)
{
  guint l = from_line, col = from_column;

  g_return_if_fail (data != NULL || length == 0);
  g_return_if_fail (from_offset <= offset);

  offset = MIN (offset, length);
  for (gsize i = from_offset; i < offset; i++)
    {
      guchar b = data[i];

      if (b == '\n')
        {
          l++;
          col = 1;
        }
      else if ((b & 0xC0) != 0x80)
        {
          col++;
        }
    }

  if (line != NULL)
    *line = l;
  if (column != NULL)
    *column = col;
}

void
silk_json_get_position (const char *data,
                        gsize       length,
                        gsize       offset,
                        guint      *line,
                        guint      *column)
{
  silk_json_get_position_from (data, length, 0, 1, 1, offset, line, column);
}
