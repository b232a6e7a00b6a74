/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reads an atlas (docs/atlas-format.md): the manifest, then the GeoJSON files it
 * names, then the items, whose ids are resolved once every id is known. Nothing stops
 * at the first problem that it need not: each is collected as "FILE:LINE:COLUMN:
 * message" and the load fails at the end if there was any, so that a person fixing
 * an atlas sees many problems at once.
 *
 * The checking code walks json-glib's tree and keeps, in LoadFile.path, the path of
 * the value it is looking at. Only when it reports a problem does silk-json-locate
 * find where that value begins in the raw text: a valid atlas pays nothing for
 * positions. */

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "silk-json-locate.h"
#include "silk-json-parse.h"
#include "silk-loader.h"
#include "silk-model-private.h"

/* A path holds one step per nesting level, and silk_json_check() has already
 * refused deeper files. */
#define PATH_CAPACITY (SILK_LOAD_MAX_DEPTH + 1)
/* Paths to ids are short: "sources"/3/"id" or "features"/3/"properties"/"id". */
#define MAX_ID_PATH 6
/* A message lists at most this many known ids. */
#define MAX_KNOWN_IDS 20
#define READ_CHUNK (64 * 1024)

#define KIND_BIT(kind) (1u << (kind))

typedef struct _Loader Loader;

typedef struct
{
  Loader *loader;
  char *display;
  GBytes *bytes;
  const char *data;
  gsize length;
  JsonNode *root;
  /* Geometry files: the coordinates silk_json_parse() kept out of root. */
  SilkJsonCoordinates *coordinates;
  SilkJsonStep path[PATH_CAPACITY];
  guint depth;

  /* Where the last problem was found. Problems come mostly in file order, so the
   * next search resumes from there: reporting the 50 problems of a large file scans
   * it about once rather than 50 times. */
  gsize root_offset;
  SilkJsonStep found_path[PATH_CAPACITY];
  char *found_names[PATH_CAPACITY];
  gsize found_offsets[PATH_CAPACITY];
  guint found_depth;
  gsize position_offset;
  guint position_line;
  guint position_column;
} LoadFile;

typedef struct
{
  SilkItem *item;
  LoadFile *file;
  SilkJsonStep path[MAX_ID_PATH];
  guint n_steps;
} IdEntry;

typedef enum
{
  FILE_COUNTRIES,
  FILE_BORDERS,
  FILE_LAKES,
  FILE_RIVERS,
  FILE_PLACES,
  FILE_ROUTES,
} FileKind;

/* What the loader keeps of one GeoJSON feature once its file's tree is freed. */
typedef struct
{
  char *id;
  LoadFile *file;
  guint index;
  gboolean id_in_properties;
  SilkGeometry *geometry;
  SilkText *name;
  int kind;     /* index into the file kind's names, or -1 */
  int role;     /* countries: index into role_names, or -1; checked, not used */
  int mode;     /* routes: index into mode_names, or -1 */
  char *country;
  gboolean approximate;
  char **countries;
  gboolean matched;
} FeatureRecord;

/* A manifest item whose references wait until every id is known. */
typedef struct
{
  SilkItem *item;
  const char *array;
  guint index;
  JsonObject *object;
} Pending;

struct _Loader
{
  GCancellable *cancellable;
  GError *fatal;
  GPtrArray *files;
  GString *problems;
  guint n_problems;
  guint n_found;
  guint64 n_positions;
  SilkLoadError code;

  char *language;
  SilkDocument *document;
  LoadFile *manifest;
  GHashTable *ids;
  GPtrArray *pending;
  GPtrArray *records;

  GHashTable *country_features;
  GPtrArray *country_order;
  gboolean countries_failed;
  /* Per simplified level (index 0 is level 1): id → FeatureRecord*. */
  GPtrArray *country_levels;
  guint n_border_levels;
  /* Per level: GPtrArray of FeatureRecord*, or NULL. */
  GPtrArray *border_levels;
  GPtrArray *lakes;
  GPtrArray *rivers;
  gboolean has_places_file;
  gboolean places_failed;
  GHashTable *place_features;
  GPtrArray *place_order;
  gboolean routes_failed;
  GPtrArray *route_order;
  GHashTable *parents;

  /* Reading ahead, while the geometry section is read: path → ReadAhead*. */
  GThreadPool *pool;
  guint n_workers;
  GHashTable *ahead;          /* path → ReadAhead*, until this thread takes it */
  GPtrArray *ahead_order;     /* ReadAhead*, in the order they were queued */
  GMutex ahead_mutex;
  GCond ahead_cond;
  gboolean ahead_stopping;

  /* SILK_LOAD_ONE_THREAD */
  gboolean one_thread;

  /* SILK_LOAD_DEFER_FINEST, and whether it applied to each kind. */
  gboolean defer_finest;
  gboolean deferred_countries;
  gboolean deferred_borders;
};

/* The members a JSON object of each sort may have, and the words of each enumeration
 * as the atlas writes them. Enumerations keep the order of their C enum. */
static const char * const manifest_members[] = {
  "silk-atlas", "id", "title", "language", "description", "geometry", "sources",
  "countries", "places", "projects", "figures", "events", "notes", NULL
};
static const char * const geometry_members[] = {
  "countries", "countries-simplified", "borders", "borders-simplified", "lakes", "rivers",
  "places", "routes", NULL
};
static const char * const source_members[] = {
  "id", "title", "publisher", "date", "url", "citation", "kind", "sources", NULL
};
static const char * const country_members[] = {
  "id", "name", "capital", "summary", "sources", NULL
};
static const char * const place_members[] = { "id", "name", "sources", NULL };
static const char * const project_members[] = {
  "id", "name", "mode", "status", "countries", "parent", "connects", "description",
  "alignment-note", "sources", NULL
};
static const char * const figure_members[] = {
  "id", "label", "meaning", "topic", "value", "unit", "change", "period", "qualifier",
  "estimated-by", "derivation", "concerns", "sources", NULL
};
static const char * const event_members[] = {
  "id", "date", "title", "description", "qualifier", "derivation", "concerns", "sources",
  NULL
};
static const char * const note_members[] = {
  "id", "title", "text", "topic", "concerns", "sources", NULL
};

static const char * const mode_names[] = { "railway", "highway", "tunnel", NULL };
static const char * const status_names[] = {
  "planned", "under-construction", "pilot-operation", "in-operation", NULL
};
static const char * const qualifier_names[] = {
  "reported", "estimate", "forecast", "derived", NULL
};
static const char * const topic_names[] = {
  "trade", "investment", "travel", "flights", "sister-cities", "institutions",
  "infrastructure", "economy", "education", "culture", "politics", NULL
};
static const char * const unit_names[] = {
  "usd-billion", "percent", "km", "days", "per-week", "count", "years", NULL
};
static const char * const source_kind_names[] = { "report", "dataset", NULL };
static const char * const place_kind_names[] = { "capital", "city", "town", "pass", NULL };
static const char * const role_names[] = { "member", "neighbour", NULL };
static const char * const lake_kind_names[] = { "lake", "sea", NULL };
static const char * const border_kind_names[] = { "border", "coast", NULL };
static const char * const alignment_names[] = { "approximate", "surveyed", NULL };

enum { ALIGNMENT_APPROXIMATE, ALIGNMENT_SURVEYED };

/* Problems */

/* Appends @text with its control characters written as JSON escapes: messages quote
 * the atlas' own strings, and a line break in one ("a\nb" in the file) would break
 * the promise of one problem per line. A quote cut short ("%.32s") can end inside a
 * character; that half character becomes U+FFFD, as messages must be UTF-8. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar ch = *p;

      if (ch == '\n')
        g_string_append (out, "\\n");
      else if (ch == '\r')
        g_string_append (out, "\\r");
      else if (ch == '\t')
        g_string_append (out, "\\t");
      else if (ch < 0x20 || ch == 0x7F)
        g_string_append_printf (out, "\\u%04X", (guint) ch);
      else
        g_string_append_c (out, *p);
    }
}

static void
add_problem (Loader        *l,
             SilkLoadError  code,
             const char    *where,
             const char    *message)
{
  l->n_found++;
  if (l->n_problems >= SILK_LOAD_MAX_PROBLEMS)
    return;

  if (l->n_problems == 0)
    l->code = code;
  else
    g_string_append_c (l->problems, '\n');

  append_escaped (l->problems, where);
  g_string_append (l->problems, ": ");
  append_escaped (l->problems, message);
  l->n_problems++;
}

static gboolean
loader_full (Loader *l)
{
  return l->n_problems >= SILK_LOAD_MAX_PROBLEMS || l->fatal != NULL;
}

static void
file_position (LoadFile *f,
               gsize     offset,
               guint    *line,
               guint    *column)
{
  guint l, c;

  if (offset < f->position_offset)
    {
      f->position_offset = 0;
      f->position_line = 1;
      f->position_column = 1;
    }

  silk_json_get_position_from (f->data, f->length, f->position_offset, f->position_line,
                               f->position_column, offset, &l, &c);
  f->position_offset = MIN (offset, f->length);
  f->position_line = l;
  f->position_column = c;

  if (line != NULL)
    *line = l;
  if (column != NULL)
    *column = c;
}

static gboolean
steps_equal (const SilkJsonStep *a,
             const SilkJsonStep *b)
{
  if (a->member != NULL || b->member != NULL)
    return a->member != NULL && b->member != NULL && g_str_equal (a->member, b->member);
  return a->index == b->index;
}

/* silk_json_locate(), resuming from the last value found in @f. */
static gboolean
file_locate (LoadFile           *f,
             const SilkJsonStep *path,
             guint               n_steps,
             gboolean            want_key,
             gsize              *offset)
{
  gsize offsets[PATH_CAPACITY];
  guint common = 0, first;
  gsize start;

  g_assert (n_steps <= PATH_CAPACITY);

  if (n_steps == 0)
    {
      *offset = f->root_offset;
      return TRUE;
    }

  while (common < n_steps && common < f->found_depth
         && steps_equal (&path[common], &f->found_path[common]))
    common++;

  /* The offset of a name is not that of its value: redo the last step. */
  if (want_key)
    common = MIN (common, n_steps - 1);

  memcpy (offsets, f->found_offsets, common * sizeof (gsize));

  if (common < n_steps && common < f->found_depth
      && path[common].member == NULL && f->found_path[common].member == NULL
      && f->found_path[common].index < path[common].index)
    {
      /* A later element of the same array: skip on from the one found. */
      start = f->found_offsets[common];
      if (!silk_json_skip_elements (f->data, f->length, &start,
                                    path[common].index - f->found_path[common].index))
        return FALSE;
      offsets[common] = start;
      first = common + 1;
    }
  else
    {
      start = common > 0 ? offsets[common - 1] : f->root_offset;
      first = common;
    }

  if (!silk_json_follow (f->data, f->length, start, path + first, n_steps - first, want_key,
                         offsets + first))
    return FALSE;

  *offset = offsets[n_steps - 1];
  if (want_key)
    return TRUE;

  /* Member names can come from a tree that is freed before the next search. */
  for (guint i = 0; i < f->found_depth; i++)
    g_clear_pointer (&f->found_names[i], g_free);
  for (guint i = 0; i < n_steps; i++)
    {
      f->found_names[i] = g_strdup (path[i].member);
      f->found_path[i].member = f->found_names[i];
      f->found_path[i].index = path[i].index;
      f->found_offsets[i] = offsets[i];
    }
  f->found_depth = n_steps;

  return TRUE;
}

static void
report_offset (LoadFile      *f,
               gsize          offset,
               SilkLoadError  code,
               const char    *message)
{
  g_autofree char *where = NULL;
  guint line, column;

  file_position (f, offset, &line, &column);
  where = g_strdup_printf ("%s:%u:%u", f->display, line, column);
  add_problem (f->loader, code, where, message);
}

static void
report_path_valist (LoadFile           *f,
                    const SilkJsonStep *path,
                    guint               n_steps,
                    gboolean            want_key,
                    SilkLoadError       code,
                    const char         *format,
                    va_list             args)
{
  g_autofree char *message = NULL;
  gsize offset = 0;

  /* Past the limit the message would be dropped: spare the scan. */
  if (loader_full (f->loader))
    {
      f->loader->n_found++;
      return;
    }

  message = g_strdup_vprintf (format, args);

  /* The path always exists, but should it not, the nearest enclosing value that does
   * is still a useful place to point at. */
  for (guint n = n_steps;; n--)
    {
      if (file_locate (f, path, n, want_key && n == n_steps, &offset))
        break;
      if (n == 0)
        {
          offset = 0;
          break;
        }
    }

  report_offset (f, offset, code, message);
}

static void G_GNUC_PRINTF (3, 4)
report (LoadFile      *f,
        SilkLoadError  code,
        const char    *format,
        ...)
{
  va_list args;

  va_start (args, format);
  report_path_valist (f, f->path, f->depth, FALSE, code, format, args);
  va_end (args);
}

static void
push_member (LoadFile   *f,
             const char *member)
{
  g_assert (f->depth < PATH_CAPACITY);
  f->path[f->depth].member = member;
  f->path[f->depth].index = 0;
  f->depth++;
}

static void
push_index (LoadFile *f,
            guint     index)
{
  g_assert (f->depth < PATH_CAPACITY);
  f->path[f->depth].member = NULL;
  f->path[f->depth].index = index;
  f->depth++;
}

static void
pop (LoadFile *f)
{
  g_assert (f->depth > 0);
  f->depth--;
}

static void G_GNUC_PRINTF (4, 5)
report_member (LoadFile      *f,
               const char    *member,
               SilkLoadError  code,
               const char    *format,
               ...)
{
  va_list args;

  push_member (f, member);
  va_start (args, format);
  report_path_valist (f, f->path, f->depth, FALSE, code, format, args);
  va_end (args);
  pop (f);
}

static void G_GNUC_PRINTF (4, 5)
report_key (LoadFile      *f,
            const char    *member,
            SilkLoadError  code,
            const char    *format,
            ...)
{
  va_list args;

  push_member (f, member);
  va_start (args, format);
  report_path_valist (f, f->path, f->depth, TRUE, code, format, args);
  va_end (args);
  pop (f);
}

/* JSON values */

static const char *
node_kind_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return "a string";
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node) ? "true" : "false";
  return "a number";
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && (json_node_get_value_type (node) == G_TYPE_INT64
             || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static char *
join_names (const char * const *names,
            const char         *last_separator)
{
  GString *string = g_string_new (NULL);
  guint n = g_strv_length ((char **) names);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (string, i + 1 == n ? last_separator : ", ");
      g_string_append (string, names[i]);
    }

  return g_string_free (string, FALSE);
}

static gboolean
is_valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length < 1 || length > 64)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '-' && id[i] != '_' && id[i] != '.')
      return FALSE;

  return TRUE;
}

/* POSIX locale names without encoding: "en", "zh_CN", "sr_RS@latin". */
static gboolean
is_language_code (const char *code)
{
  gsize i = 0, start;

  while (g_ascii_islower (code[i]))
    i++;
  if (i < 2 || i > 3)
    return FALSE;

  if (code[i] == '_')
    {
      start = ++i;
      while (g_ascii_isupper (code[i]))
        i++;
      if (i - start != 2)
        return FALSE;
    }

  if (code[i] == '@')
    {
      start = ++i;
      while (g_ascii_isalnum (code[i]))
        i++;
      if (i == start)
        return FALSE;
    }

  return code[i] == '\0';
}

static gboolean
is_blank (const char *string)
{
  for (; *string != '\0'; string++)
    if (!g_ascii_isspace (*string))
      return FALSE;
  return TRUE;
}

/* An object being checked: where it is, and how messages name it ("project
 * \"cku-railway\""). */
typedef struct
{
  LoadFile *file;
  JsonObject *object;
  const char *owner;
} Obj;

static void
check_members (Obj                *o,
               const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (o->object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (allowed, name))
        {
          g_autofree char *known = join_names (allowed, ", ");

          report_key (o->file, name, SILK_LOAD_ERROR_INVALID,
                      "unknown member \"%.64s\" in %s (known members: %s)",
                      name, o->owner, known);
        }
    }
}

/* The member, or NULL; reports a missing required one at the object. A null value
 * of an optional member counts as missing. */
static JsonNode *
get_member (Obj        *o,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (o->object, name);

  if (node == NULL && required)
    report (o->file, SILK_LOAD_ERROR_INVALID,
            "%s lacks the required member \"%s\"", o->owner, name);

  if (node != NULL && !required && JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

/* Reports a string longer than SILK_LOAD_MAX_TEXT_LENGTH at @f's current path. */
static gboolean
is_too_long (LoadFile   *f,
             const char *string,
             const char *name)
{
  glong n;

  if (strlen (string) <= SILK_LOAD_MAX_TEXT_LENGTH)
    return FALSE;

  n = g_utf8_strlen (string, -1);
  if (n <= SILK_LOAD_MAX_TEXT_LENGTH)
    return FALSE;

  report (f, SILK_LOAD_ERROR_LIMIT,
          "\"%s\" has %ld characters, more than the %u a text may have", name, n,
          SILK_LOAD_MAX_TEXT_LENGTH);
  return TRUE;
}

static gboolean
get_string (Obj         *o,
            const char  *name,
            gboolean     required,
            const char **out)
{
  JsonNode *node = get_member (o, name, required);

  *out = NULL;
  if (node == NULL)
    return !required;

  if (!node_is_string (node))
    {
      report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                     "\"%s\" must be a string, not %s", name, node_kind_name (node));
      return FALSE;
    }

  if (is_blank (json_node_get_string (node)))
    {
      report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                     "\"%s\" must not be empty", name);
      return FALSE;
    }

  push_member (o->file, name);
  if (is_too_long (o->file, json_node_get_string (node), name))
    {
      pop (o->file);
      return FALSE;
    }
  pop (o->file);

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
check_id_syntax (LoadFile   *f,
                 const char *name,
                 const char *id)
{
  if (is_valid_id (id))
    return TRUE;

  report (f, SILK_LOAD_ERROR_INVALID,
          "\"%s\" must be an id of 1 to 64 characters from A-Z a-z 0-9 - _ . , not \"%.80s\"",
          name, id);
  return FALSE;
}

static gboolean
get_id (Obj         *o,
        const char  *name,
        gboolean     required,
        const char **out)
{
  const char *id;
  gboolean ok;

  *out = NULL;
  if (!get_string (o, name, required, &id) || id == NULL)
    return id == NULL && !required;

  push_member (o->file, name);
  ok = check_id_syntax (o->file, name, id);
  pop (o->file);

  if (ok)
    *out = id;
  return ok;
}

/* Reads the text at the current path: a string, or an object of translations. */
static SilkText *
read_text_value (LoadFile   *f,
                 JsonNode   *node,
                 const char *name)
{
  const char *language = f->loader->language;
  g_autoptr(SilkText) text = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  guint found = f->loader->n_found;

  if (node_is_string (node))
    {
      if (is_blank (json_node_get_string (node)))
        {
          report (f, SILK_LOAD_ERROR_INVALID, "\"%s\" must not be empty", name);
          return NULL;
        }
      if (is_too_long (f, json_node_get_string (node), name))
        return NULL;
      return silk_text_new_plain (language, json_node_get_string (node));
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "\"%s\" must be a string or an object of translations such as "
              "{\"en\": \"…\", \"ru\": \"…\"}, not %s", name, node_kind_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  if (members == NULL)
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "\"%s\" has no translation: give at least one language, such as "
              "{\"en\": \"…\"}", name);
      return NULL;
    }

  text = silk_text_new (language);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *code = l->data;
      JsonNode *value = json_object_get_member (object, code);

      if (!is_language_code (code))
        {
          report_key (f, code, SILK_LOAD_ERROR_INVALID,
                      "\"%.32s\" in \"%s\" is not a language code: expected a POSIX locale "
                      "name without encoding, such as en, ru or zh_CN", code, name);
          continue;
        }

      push_member (f, code);
      if (!node_is_string (value))
        report (f, SILK_LOAD_ERROR_INVALID,
                "the \"%s\" translation of \"%s\" must be a string, not %s",
                code, name, node_kind_name (value));
      else if (is_blank (json_node_get_string (value)))
        report (f, SILK_LOAD_ERROR_INVALID,
                "the \"%s\" translation of \"%s\" must not be empty", code, name);
      else if (!is_too_long (f, json_node_get_string (value), name))
        silk_text_add (text, code, json_node_get_string (value));
      pop (f);
    }

  if (f->loader->n_found != found)
    return NULL;

  return g_steal_pointer (&text);
}

static gboolean
get_text (Obj         *o,
          const char  *name,
          gboolean     required,
          SilkText   **out)
{
  JsonNode *node = get_member (o, name, required);

  *out = NULL;
  if (node == NULL)
    return !required;

  push_member (o->file, name);
  *out = read_text_value (o->file, node, name);
  pop (o->file);

  return *out != NULL;
}

static gboolean
get_enum (Obj                *o,
          const char         *name,
          gboolean            required,
          const char * const *values,
          int                *out)
{
  JsonNode *node = get_member (o, name, required);
  g_autofree char *known = NULL;

  *out = -1;
  if (node == NULL)
    return !required;

  if (node_is_string (node))
    {
      const char *value = json_node_get_string (node);

      for (guint i = 0; values[i] != NULL; i++)
        {
          if (g_str_equal (values[i], value))
            {
              *out = i;
              return TRUE;
            }
        }

      known = join_names (values, ", ");
      report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                     "\"%s\" must be one of %s, not \"%.64s\"", name, known, value);
      return FALSE;
    }

  known = join_names (values, ", ");
  report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                 "\"%s\" must be a string, one of %s, not %s", name, known,
                 node_kind_name (node));
  return FALSE;
}

static gboolean
get_boolean (Obj        *o,
             const char *name,
             gboolean    required,
             gboolean   *out)
{
  JsonNode *node = get_member (o, name, required);

  if (node == NULL)
    return !required;

  if (!node_is_boolean (node))
    {
      report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                     "\"%s\" must be true or false, not %s", name, node_kind_name (node));
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_array (Obj         *o,
           const char  *name,
           gboolean     required,
           JsonArray  **out)
{
  JsonNode *node = get_member (o, name, required);

  *out = NULL;
  if (node == NULL)
    return !required;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                     "\"%s\" must be an array, not %s", name, node_kind_name (node));
      return FALSE;
    }

  *out = json_node_get_array (node);
  return TRUE;
}

/* Reads a finite number at the current path. */
static gboolean
read_number_value (LoadFile   *f,
                   JsonNode   *node,
                   const char *name,
                   double     *out)
{
  double value;

  if (!node_is_number (node))
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "\"%s\" must be a number, not %s", name, node_kind_name (node));
      return FALSE;
    }

  value = json_node_get_double (node);
  if (!isfinite (value))
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "\"%s\" is too large to be a finite number", name);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

enum
{
  DATE_SINGLE = 1 << 0,
  DATE_INTERVAL = 1 << 1,
  DATE_OPEN = 1 << 2,
};

static char *
date_forms (guint allowed)
{
  g_autoptr(GPtrArray) forms = g_ptr_array_new ();

  g_ptr_array_add (forms, (char *) "a date such as 2025, 2025-06 or 2025-04-29");
  if (allowed & DATE_INTERVAL)
    g_ptr_array_add (forms, (char *) "an interval such as 2025-01/2025-09");
  if (allowed & DATE_OPEN)
    g_ptr_array_add (forms, (char *) "an open interval such as ../2025-12");
  g_ptr_array_add (forms, NULL);

  return join_names ((const char * const *) forms->pdata, forms->len > 2 ? ", or " : " or ");
}

static gboolean
get_period (Obj         *o,
            const char  *name,
            gboolean     required,
            guint        allowed,
            SilkPeriod  *out)
{
  SilkPeriod period;
  const char *text;
  const char *slash;
  g_autofree char *forms = NULL;

  memset (out, 0, sizeof *out);
  if (!get_string (o, name, required, &text) || text == NULL)
    return text == NULL && !required;

  forms = date_forms (allowed);
  slash = strchr (text, '/');

  if (!silk_period_parse (text, &period))
    {
      g_autofree char *start = slash != NULL ? g_strndup (text, slash - text) : NULL;
      SilkPeriod part;

      if (slash != NULL && (allowed & (DATE_INTERVAL | DATE_OPEN))
          && (g_str_equal (start, "..") || silk_period_parse (start, &part))
          && strchr (slash + 1, '/') == NULL && silk_period_parse (slash + 1, &part))
        report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                       "the interval \"%s\" in \"%s\" must end after it begins", text, name);
      else
        report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                       "\"%s\" must be %s (ISO 8601), not \"%.64s\"", name, forms, text);
      return FALSE;
    }

  if ((period.start.precision == SILK_DATE_NONE && !(allowed & DATE_OPEN))
      || (period.start.precision != SILK_DATE_NONE && period.end.precision != SILK_DATE_NONE
          && !(allowed & DATE_INTERVAL)))
    {
      report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                     "\"%s\" must be %s, not \"%.64s\"", name, forms, text);
      return FALSE;
    }

  *out = period;
  return TRUE;
}

/* Ids */

static char *
kind_with_article (SilkItemKind kind)
{
  const char *name = silk_item_kind_to_string (kind);

  return g_strdup_printf ("%s %s", strchr ("aeiou", name[0]) != NULL ? "an" : "a", name);
}

/* "a country", "a country or a project", "a country, a place or a project" */
static char *
kinds_phrase (guint    mask,
              gboolean article)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint kind = 0; kind < SILK_N_ITEM_KINDS; kind++)
    if (mask & KIND_BIT (kind))
      g_ptr_array_add (names, article ? kind_with_article (kind)
                                      : g_strdup (silk_item_kind_to_string (kind)));
  g_ptr_array_add (names, NULL);

  return join_names ((const char * const *) names->pdata, " or ");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
known_ids (Loader *l,
           guint   mask)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GString) string = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, l->ids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      IdEntry *entry = value;

      if (mask & KIND_BIT (silk_item_get_kind (entry->item)))
        g_ptr_array_add (ids, key);
    }

  if (ids->len == 0)
    return g_strdup ("none");

  g_ptr_array_sort (ids, compare_strings);
  for (guint i = 0; i < MIN (ids->len, MAX_KNOWN_IDS); i++)
    g_string_append_printf (string, "%s%s", i > 0 ? ", " : "", (char *) ids->pdata[i]);
  if (ids->len > MAX_KNOWN_IDS)
    g_string_append_printf (string, ", … %u in all", ids->len);

  return g_string_free (g_steal_pointer (&string), FALSE);
}

/* Registers @item under @id, reporting a duplicate at the current path of @f. */
static gboolean
register_id (Loader     *l,
             LoadFile   *f,
             const char *id,
             SilkItem   *item)
{
  IdEntry *first = g_hash_table_lookup (l->ids, id);
  IdEntry *entry;

  if (first != NULL)
    {
      gsize offset = 0;
      guint line, column;

      file_locate (first->file, first->path, first->n_steps, FALSE, &offset);
      file_position (first->file, offset, &line, &column);

      if (first->file == f)
        report (f, SILK_LOAD_ERROR_INVALID,
                "duplicate id \"%s\" (first used at line %u)", id, line);
      else
        report (f, SILK_LOAD_ERROR_INVALID,
                "duplicate id \"%s\" (first used at %s:%u:%u)", id, first->file->display,
                line, column);
      return FALSE;
    }

  g_assert (f->depth <= MAX_ID_PATH);

  entry = g_new0 (IdEntry, 1);
  entry->item = item;
  entry->file = f;
  entry->n_steps = f->depth;
  memcpy (entry->path, f->path, f->depth * sizeof (SilkJsonStep));
  g_hash_table_insert (l->ids, g_strdup (id), entry);
  return TRUE;
}

/* Resolves the id at the current path, naming @list in messages; @in_list says
 * whether the id is one element of it. */
static SilkItem *
resolve_id (Loader     *l,
            LoadFile   *f,
            JsonNode   *node,
            guint       mask,
            const char *list,
            gboolean    in_list)
{
  g_autofree char *kinds = kinds_phrase (mask, FALSE);
  IdEntry *entry;
  const char *id;

  if (!node_is_string (node))
    {
      g_autofree char *expected = kinds_phrase (mask, TRUE);

      if (in_list)
        report (f, SILK_LOAD_ERROR_INVALID,
                "each id in \"%s\" must be a string (the id of %s), not %s", list, expected,
                node_kind_name (node));
      else
        report (f, SILK_LOAD_ERROR_INVALID,
                "\"%s\" must be a string (the id of %s), not %s", list, expected,
                node_kind_name (node));
      return NULL;
    }

  id = json_node_get_string (node);
  entry = g_hash_table_lookup (l->ids, id);

  /* Neighbours and places can come from a geometry file that did not load: its
   * own problems are reported, and every id it held would only follow. */
  if (entry == NULL
      && (((mask & KIND_BIT (SILK_ITEM_COUNTRY)) && l->countries_failed)
          || ((mask & KIND_BIT (SILK_ITEM_PLACE)) && l->places_failed)))
    return NULL;

  if (entry == NULL)
    {
      g_autofree char *known = known_ids (l, mask);

      report (f, SILK_LOAD_ERROR_INVALID,
              "unknown %s id \"%.64s\" in \"%s\" (known: %s)", kinds, id, list, known);
      return NULL;
    }

  if (!(mask & KIND_BIT (silk_item_get_kind (entry->item))))
    {
      g_autofree char *is = kind_with_article (silk_item_get_kind (entry->item));
      g_autofree char *expected = kinds_phrase (mask, TRUE);

      report (f, SILK_LOAD_ERROR_INVALID,
              "\"%s\" in \"%s\" is %s, not %s", id, list, is, expected);
      return NULL;
    }

  return entry->item;
}

static SilkItem *
get_reference (Loader     *l,
               Obj        *o,
               const char *name,
               gboolean    required,
               guint       mask)
{
  JsonNode *node = get_member (o, name, required);
  SilkItem *item;

  if (node == NULL)
    return NULL;

  push_member (o->file, name);
  item = resolve_id (l, o->file, node, mask, name, FALSE);
  pop (o->file);
  return item;
}

/* Resolves an array of ids into @out, refusing duplicates. */
static void
get_reference_list (Loader     *l,
                    Obj        *o,
                    const char *name,
                    gboolean    required,
                    gboolean    non_empty,
                    guint       mask,
                    GPtrArray  *out)
{
  JsonArray *array;

  if (!get_array (o, name, required, &array) || array == NULL)
    return;

  if (non_empty && json_array_get_length (array) == 0)
    {
      g_autofree char *kinds = kinds_phrase (mask, FALSE);

      report_member (o->file, name, SILK_LOAD_ERROR_INVALID,
                     "\"%s\" must name at least one %s", name, kinds);
      return;
    }

  push_member (o->file, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      SilkItem *item;

      push_index (o->file, i);
      item = resolve_id (l, o->file, json_array_get_element (array, i), mask, name, TRUE);
      if (item != NULL && g_ptr_array_find (out, item, NULL))
        report (o->file, SILK_LOAD_ERROR_INVALID,
                "\"%s\" is listed twice in \"%s\"", silk_item_get_id (item), name);
      else if (item != NULL)
        g_ptr_array_add (out, item);
      pop (o->file);
    }
  pop (o->file);
}

/* Files */

static void
load_file_free (LoadFile *f)
{
  for (guint i = 0; i < f->found_depth; i++)
    g_free (f->found_names[i]);
  g_clear_pointer (&f->root, json_node_unref);
  g_clear_pointer (&f->coordinates, silk_json_coordinates_free);
  g_clear_pointer (&f->bytes, g_bytes_unref);
  g_free (f->display);
  g_free (f);
}

/* The name messages use: relative to the working directory when the file is below
 * it, as the user most likely typed it; else the absolute path; the URI for files
 * that have no path, such as the bundled atlas in the resources. */
static char *
display_name (GFile *file)
{
  g_autofree char *cwd = NULL;
  g_autoptr(GFile) cwd_file = NULL;
  char *relative;

  if (!g_file_is_native (file))
    return g_file_get_uri (file);

  cwd = g_get_current_dir ();
  cwd_file = g_file_new_for_path (cwd);
  relative = g_file_get_relative_path (cwd_file, file);
  if (relative != NULL)
    return relative;

  return g_file_get_path (file);
}

/* Reports a file that cannot be read: at @referrer's current path (the path string
 * in the manifest) when there is one, else with the file name alone, having no
 * position to give. */
static void
report_unreadable (Loader        *l,
                   LoadFile      *referrer,
                   const char    *display,
                   const char    *path,
                   SilkLoadError  code,
                   const char    *reason)
{
  if (referrer != NULL)
    report (referrer, code, "cannot read \"%s\": %s", path, reason);
  else
    add_problem (l, code, display, reason);
}

static char *
io_reason (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup ("no such file");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup ("permission denied");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_strdup ("it is a folder, not a file");
  return g_strdup (error->message);
}

static GBytes *
read_bounded (GFile         *file,
              goffset        size_hint,
              GCancellable  *cancellable,
              gboolean      *too_large,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;

  *too_large = FALSE;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* Room for the last read too, which asks for a whole chunk: the buffer is then
   * never moved. */
  buffer = g_byte_array_sized_new (CLAMP (size_hint, 0, SILK_LOAD_MAX_FILE_SIZE) + READ_CHUNK + 1);

  /* The size from the file system can be wrong (a pipe, a file still growing), so
   * the read itself stops past the limit too. */
  for (;;)
    {
      guint old_length = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, old_length + READ_CHUNK);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_length, READ_CHUNK,
                               cancellable, error);
      if (n < 0)
        return NULL;

      g_byte_array_set_size (buffer, old_length + n);
      if (n == 0)
        break;

      if (buffer->len > SILK_LOAD_MAX_FILE_SIZE)
        {
          *too_large = TRUE;
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

typedef enum
{
  READ_OK,
  READ_UNREADABLE, /* error: why the file cannot be read */
  READ_FOLDER,
  READ_TOO_LARGE,  /* size: the size the file system gives, or 0 if the read found it */
  READ_EMPTY,
  READ_BAD_TEXT,   /* error: a SILK_LOAD_ERROR whose problem begins at offset */
  READ_CANCELLED,  /* error */
} ReadStatus;

/* Reading, checking and parsing one JSON file: what may run on a worker thread, so
 * it touches nothing but its own fields. */
typedef struct
{
  GFile *file;
  gboolean geometry; /* a GeoJSON file: keep its coordinates out of the tree */
  gboolean polygons; /* and check its polygons' rings here */
  ReadStatus status;
  GError *error;
  goffset size;
  gsize offset;
  GBytes *bytes;
  const char *data;
  gsize length;
  JsonNode *root;
  SilkJsonCoordinates *coordinates;
} JsonRead;

static void
json_read_clear (JsonRead *r)
{
  g_clear_object (&r->file);
  g_clear_error (&r->error);
  g_clear_pointer (&r->bytes, g_bytes_unref);
  g_clear_pointer (&r->root, json_node_unref);
  g_clear_pointer (&r->coordinates, silk_json_coordinates_free);
}

static void
json_read_run (JsonRead     *r,
               GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  gboolean too_large = FALSE;

  info = g_file_query_info (r->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &r->error);
  if (info == NULL)
    {
      r->status = g_error_matches (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                  ? READ_CANCELLED : READ_UNREADABLE;
      return;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      r->status = READ_FOLDER;
      return;
    }

  /* Checked before reading, so that a huge file is refused at once. */
  r->size = g_file_info_get_size (info);
  if (r->size > SILK_LOAD_MAX_FILE_SIZE)
    {
      r->status = READ_TOO_LARGE;
      return;
    }

  /* The bundled atlas is in the binary already: take its bytes where they are. */
  if (g_file_has_uri_scheme (r->file, "resource"))
    r->bytes = g_file_load_bytes (r->file, cancellable, NULL, &r->error);
  else
    r->bytes = read_bounded (r->file, r->size, cancellable, &too_large, &r->error);
  if (r->bytes == NULL)
    {
      r->size = 0;
      r->status = too_large ? READ_TOO_LARGE
                  : g_error_matches (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                  ? READ_CANCELLED : READ_UNREADABLE;
      return;
    }

  r->data = g_bytes_get_data (r->bytes, &r->length);
  if (r->data == NULL)
    r->data = "";

  /* RFC 8259 lets a parser ignore a byte order mark; editors on Windows write one. */
  if (r->length >= 3 && memcmp (r->data, "\xEF\xBB\xBF", 3) == 0)
    {
      r->data += 3;
      r->length -= 3;
    }

  if (r->length == 0)
    {
      r->status = READ_EMPTY;
      return;
    }

  /* silk_json_parse() refuses what silk_json_check() refuses, in one pass rather
   * than two; the checker, whose messages say more, runs to explain a refusal. */
  r->root = silk_json_parse (r->data, r->length, r->geometry ? &r->coordinates : NULL,
                             &r->offset, &r->error);
  if (r->root != NULL)
    {
      if (r->polygons)
        silk_json_coordinates_check_polygons (r->coordinates, 0, 1);
      r->status = READ_OK;
      return;
    }

  r->status = READ_BAD_TEXT;
  {
    g_autoptr(GError) check_error = NULL;
    gsize check_offset;

    if (!silk_json_check (r->data, r->length, SILK_LOAD_MAX_DEPTH, &check_offset, &check_error))
      {
        g_clear_error (&r->error);
        r->error = g_steal_pointer (&check_error);
        r->offset = check_offset;
      }
  }
}

/* Reports what went wrong with @r, or turns it into a LoadFile. IO problems go to
 * @referrer's current path when there is one. */
static LoadFile *
json_read_finish (Loader     *l,
                  JsonRead   *r,
                  LoadFile   *referrer,
                  const char *path)
{
  g_autofree char *display = display_name (r->file);
  g_autofree char *where = g_strdup_printf ("%s:1:1", display);
  g_autofree char *message = NULL;
  LoadFile *f;

  switch (r->status)
    {
    case READ_CANCELLED:
      if (l->fatal == NULL)
        l->fatal = g_steal_pointer (&r->error);
      return NULL;

    case READ_UNREADABLE:
      message = io_reason (r->error);
      report_unreadable (l, referrer, display, path, SILK_LOAD_ERROR_IO, message);
      return NULL;

    case READ_FOLDER:
      report_unreadable (l, referrer, display, path, SILK_LOAD_ERROR_IO,
                         "it is a folder, not a file");
      return NULL;

    case READ_TOO_LARGE:
      if (r->size > 0)
        message = g_strdup_printf ("the file is %.1f MiB; an atlas file may be at most %u MiB",
                                   r->size / (1024.0 * 1024.0),
                                   SILK_LOAD_MAX_FILE_SIZE / (1024 * 1024));
      else
        message = g_strdup_printf ("the file is larger than %u MiB, the most an atlas file "
                                   "may be", SILK_LOAD_MAX_FILE_SIZE / (1024 * 1024));
      add_problem (l, SILK_LOAD_ERROR_LIMIT, where, message);
      return NULL;

    case READ_EMPTY:
      add_problem (l, SILK_LOAD_ERROR_SYNTAX, where, "the file is empty; expected a JSON object");
      return NULL;

    case READ_BAD_TEXT:
    case READ_OK:
    default:
      break;
    }

  f = g_new0 (LoadFile, 1);
  f->loader = l;
  f->display = g_steal_pointer (&display);
  f->bytes = g_steal_pointer (&r->bytes);
  f->data = r->data;
  f->length = r->length;
  f->root = g_steal_pointer (&r->root);
  f->coordinates = g_steal_pointer (&r->coordinates);
  f->position_line = 1;
  f->position_column = 1;
  silk_json_locate (f->data, f->length, NULL, 0, FALSE, &f->root_offset);
  g_ptr_array_add (l->files, f);

  if (r->status == READ_BAD_TEXT)
    {
      report_offset (f, r->offset, r->error->code, r->error->message);
      return NULL;
    }

  return f;
}

/* Reads and parses a JSON file on this thread; NULL after reporting why not. */
static LoadFile *
load_file (Loader     *l,
           GFile      *file,
           LoadFile   *referrer,
           const char *path,
           gboolean    geometry,
           gboolean    polygons)
{
  JsonRead r = { 0, };
  LoadFile *f;

  r.file = g_object_ref (file);
  r.geometry = geometry;
  r.polygons = polygons;
  json_read_run (&r, l->cancellable);
  f = json_read_finish (l, &r, referrer, path);
  json_read_clear (&r);
  return f;
}

/* The file a geometry path of the manifest names; NULL, with what to report in
 * @code and @message, when it may not be read. */
static GFile *
try_resolve_path (Loader         *l,
                  const char     *path,
                  SilkLoadError  *code,
                  char          **message)
{
  g_autoptr(GFile) folder = NULL;
  g_auto(GStrv) components = NULL;
  GFile *manifest_file = silk_document_get_file (l->document);

  if (g_path_is_absolute (path) || path[0] == '/' || path[0] == '\\')
    {
      *code = SILK_LOAD_ERROR_INVALID;
      *message = g_strdup_printf ("\"%s\" is an absolute path; geometry paths are relative "
                                  "to the manifest's folder", path);
      return NULL;
    }

  components = g_strsplit_set (path, "/\\", -1);
  for (guint i = 0; components[i] != NULL; i++)
    {
      if (g_str_equal (components[i], ".."))
        {
          *code = SILK_LOAD_ERROR_INVALID;
          *message = g_strdup_printf ("\"%s\" leaves the atlas folder; geometry paths may "
                                      "not contain \"..\"", path);
          return NULL;
        }
    }

  folder = g_file_get_parent (manifest_file);
  if (folder == NULL)
    {
      *code = SILK_LOAD_ERROR_IO;
      *message = g_strdup_printf ("cannot read \"%s\": the manifest has no folder", path);
      return NULL;
    }

  return g_file_resolve_relative_path (folder, path);
}

/* Resolves a geometry path of the manifest (at the manifest's current path). */
static GFile *
resolve_path (Loader     *l,
              const char *path)
{
  g_autofree char *message = NULL;
  SilkLoadError code;
  GFile *file = try_resolve_path (l, path, &code, &message);

  if (file == NULL)
    report (l->manifest, code, "%s", message);
  return file;
}

/* Geometry */

typedef struct
{
  LoadFile *file;
  guint n_positions;
  gboolean over_limit;
  GArray *ring;
} GeometryReader;

static gboolean
check_position_budget (GeometryReader *r,
                       guint           n)
{
  if (r->over_limit)
    return FALSE;

  if (r->n_positions + (guint64) n > SILK_LOAD_MAX_POSITIONS)
    {
      report (r->file, SILK_LOAD_ERROR_LIMIT,
              "this geometry has more than %u positions, the most one geometry may have",
              SILK_LOAD_MAX_POSITIONS);
      r->over_limit = TRUE;
      return FALSE;
    }

  r->n_positions += n;
  return TRUE;
}

/* Reads the position at the current path into @point. */
static gboolean
read_position (GeometryReader *r,
               JsonNode       *node,
               SilkPoint      *point)
{
  LoadFile *f = r->file;
  static const char * const names[] = { "longitude", "latitude", "altitude" };
  double values[3];
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "a position must be an array [longitude, latitude], not %s",
              node_kind_name (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 2 || n > 3)
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "a position must have 2 numbers (longitude, latitude) or 3 (and altitude), "
              "not %u", n);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      push_index (f, i);
      if (!node_is_number (element))
        {
          report (f, SILK_LOAD_ERROR_INVALID,
                  "the %s must be a number, not %s", names[i], node_kind_name (element));
          pop (f);
          return FALSE;
        }

      values[i] = json_node_get_double (element);
      if (!isfinite (values[i]))
        {
          report (f, SILK_LOAD_ERROR_INVALID,
                  "the %s is too large to be a finite number", names[i]);
          pop (f);
          return FALSE;
        }

      if ((i == 0 && (values[i] < -180.0 || values[i] > 180.0))
          || (i == 1 && (values[i] < -90.0 || values[i] > 90.0)))
        {
          report (f, SILK_LOAD_ERROR_INVALID,
                  "%s %g is out of range: it must lie between %d and %d",
                  names[i], values[i], i == 0 ? -180 : -90, i == 0 ? 180 : 90);
          pop (f);
          return FALSE;
        }
      pop (f);
    }

  point->x = values[0];
  point->y = values[1];
  return TRUE;
}

/* Reads the positions of the array at the current path into r->ring. */
static gboolean
read_positions (GeometryReader *r,
                JsonArray      *array)
{
  gboolean ok = TRUE;
  guint n = json_array_get_length (array);

  g_array_set_size (r->ring, 0);
  if (!check_position_budget (r, n))
    return FALSE;

  for (guint i = 0; i < n && !loader_full (r->file->loader); i++)
    {
      SilkPoint point;

      push_index (r->file, i);
      if (read_position (r, json_array_get_element (array, i), &point))
        g_array_append_val (r->ring, point);
      else
        ok = FALSE;
      pop (r->file);
    }

  return ok && r->ring->len == n;
}

static void
read_line (GeometryReader      *r,
           JsonNode            *node,
           SilkGeometryBuilder *builder)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (r->file, SILK_LOAD_ERROR_INVALID,
              "a line must be an array of positions, not %s", node_kind_name (node));
      return;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) < 2)
    {
      report (r->file, SILK_LOAD_ERROR_INVALID,
              "a line needs at least 2 positions, not %u", json_array_get_length (array));
      return;
    }

  if (!read_positions (r, array))
    return;

  for (guint i = 0; i < r->ring->len; i++)
    {
      SilkPoint *point = &g_array_index (r->ring, SilkPoint, i);

      silk_geometry_builder_add_point (builder, point->x, point->y);
    }
  silk_geometry_builder_end_part (builder, FALSE);
}

static void
read_ring (GeometryReader      *r,
           JsonNode            *node,
           SilkGeometryBuilder *builder,
           guint                polygon,
           guint                ring)
{
  const SilkPoint *points;
  JsonArray *array;
  guint n, a, b;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (r->file, SILK_LOAD_ERROR_INVALID,
              "ring %u of polygon %u must be an array of positions, not %s",
              ring + 1, polygon + 1, node_kind_name (node));
      return;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 4)
    {
      report (r->file, SILK_LOAD_ERROR_INVALID,
              "ring %u of polygon %u has %u position%s; a ring needs at least 4 (its last "
              "position repeats its first)", ring + 1, polygon + 1, n, n == 1 ? "" : "s");
      return;
    }

  if (!read_positions (r, array))
    return;

  points = (const SilkPoint *) (void *) r->ring->data;
  if (!silk_ring_is_closed (points, n))
    {
      report (r->file, SILK_LOAD_ERROR_INVALID,
              "ring %u of polygon %u is not closed: its last position must equal its first",
              ring + 1, polygon + 1);
      return;
    }

  /* An outer ring that crosses itself fills wrongly and breaks point-in-polygon
   * hits. silk_ring_check_crossing() sweeps rather than testing every pair, so even
   * the 1:10m outlines are checked in full; the bound keeps a ring made to defeat
   * the sweep from taking hours. */
  if (ring == 0)
    switch (silk_ring_check_crossing (points, n, SILK_LOAD_MAX_EDGES_PER_MERIDIAN, &a, &b))
      {
      case SILK_RING_CROSSES:
        push_index (r->file, a);
        report (r->file, SILK_LOAD_ERROR_INVALID,
                "the outer ring of polygon %u crosses itself: its edge from position %u to "
                "%u crosses the edge from position %u to %u",
                polygon + 1, a + 1, a + 2, b + 1, b + 2);
        pop (r->file);
        return;

      case SILK_RING_TOO_INTRICATE:
        report (r->file, SILK_LOAD_ERROR_LIMIT,
                "the outer ring of polygon %u has more than %u edges that cross one "
                "meridian, the most a ring may have",
                polygon + 1, SILK_LOAD_MAX_EDGES_PER_MERIDIAN);
        return;

      case SILK_RING_SIMPLE:
      default:
        break;
      }

  for (guint i = 0; i < n; i++)
    silk_geometry_builder_add_point (builder, points[i].x, points[i].y);
  silk_geometry_builder_end_part (builder, ring == 0);
}

static void
read_polygon (GeometryReader      *r,
              JsonNode            *node,
              SilkGeometryBuilder *builder,
              guint                polygon)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (r->file, SILK_LOAD_ERROR_INVALID,
              "polygon %u must be an array of rings, not %s", polygon + 1,
              node_kind_name (node));
      return;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    {
      report (r->file, SILK_LOAD_ERROR_INVALID,
              "polygon %u has no rings; it needs at least its outer ring", polygon + 1);
      return;
    }

  for (guint i = 0; i < json_array_get_length (array) && !r->over_limit; i++)
    {
      push_index (r->file, i);
      read_ring (r, json_array_get_element (array, i), builder, polygon, i);
      pop (r->file);
    }
}

/* Counts @geometry's positions towards the atlas' total; NULL after reporting
 * the first geometry over SILK_LOAD_MAX_TOTAL_POSITIONS. Takes @geometry. */
static SilkGeometry *
count_positions (LoadFile     *f,
                 SilkGeometry *geometry)
{
  Loader *l = f->loader;
  gboolean was_over = l->n_positions > SILK_LOAD_MAX_TOTAL_POSITIONS;

  l->n_positions += geometry->n_points;
  if (l->n_positions <= SILK_LOAD_MAX_TOTAL_POSITIONS)
    return geometry;

  silk_geometry_unref (geometry);
  if (!was_over)
    report (f, SILK_LOAD_ERROR_LIMIT,
            "with this geometry, the atlas' geometry files have more than %u positions "
            "together, the most an atlas may have", SILK_LOAD_MAX_TOTAL_POSITIONS);
  return NULL;
}

/* Reads the geometry at the current path; NULL after reporting. */
static SilkGeometry *
read_geometry (LoadFile         *f,
               JsonNode         *node,
               SilkGeometryType  type)
{
  static const char * const expected[] = {
    [SILK_GEOMETRY_POINT] = "a Point",
    [SILK_GEOMETRY_LINES] = "a LineString or MultiLineString",
    [SILK_GEOMETRY_POLYGONS] = "a Polygon or MultiPolygon",
  };
  g_autoptr(SilkGeometryBuilder) builder = NULL;
  g_autoptr(GArray) ring = NULL;
  GeometryReader r = { f, 0, FALSE, NULL };
  Obj o = { f, NULL, "the geometry" };
  const char *type_name;
  const char *name;
  JsonArray *coordinates;
  guint found = f->loader->n_found;
  gboolean multi;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "this feature has no geometry (null); expected %s", expected[type]);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "\"geometry\" must be an object, not %s", node_kind_name (node));
      return NULL;
    }

  o.object = json_node_get_object (node);
  if (!get_string (&o, "type", TRUE, &type_name) || type_name == NULL)
    return NULL;

  name = type_name;
  switch (type)
    {
    case SILK_GEOMETRY_POINT:
      multi = FALSE;
      if (!g_str_equal (name, "Point"))
        name = NULL;
      break;

    case SILK_GEOMETRY_LINES:
      multi = g_str_equal (name, "MultiLineString");
      if (!multi && !g_str_equal (name, "LineString"))
        name = NULL;
      break;

    case SILK_GEOMETRY_POLYGONS:
    default:
      multi = g_str_equal (name, "MultiPolygon");
      if (!multi && !g_str_equal (name, "Polygon"))
        name = NULL;
      break;
    }

  if (name == NULL)
    {
      report_member (f, "type", SILK_LOAD_ERROR_INVALID,
                     "expected %s geometry here, not \"%.32s\"", expected[type], type_name);
      return NULL;
    }

  if (f->coordinates != NULL)
    {
      SilkGeometry *geometry =
        silk_json_coordinates_take_geometry (f->coordinates,
                                             json_object_get_member (o.object, "coordinates"),
                                             type, multi);

      /* Otherwise the full tree is there to check and report on. */
      if (geometry != NULL)
        return count_positions (f, geometry);
    }

  if (!get_array (&o, "coordinates", TRUE, &coordinates) || coordinates == NULL)
    return NULL;

  builder = silk_geometry_builder_new (type);
  ring = g_array_new (FALSE, FALSE, sizeof (SilkPoint));
  r.ring = ring;

  push_member (f, "coordinates");
  if (type == SILK_GEOMETRY_POINT)
    {
      SilkPoint point;

      if (read_position (&r, json_object_get_member (o.object, "coordinates"), &point))
        {
          silk_geometry_builder_add_point (builder, point.x, point.y);
          silk_geometry_builder_end_part (builder, FALSE);
        }
    }
  else if (!multi)
    {
      if (type == SILK_GEOMETRY_LINES)
        read_line (&r, json_object_get_member (o.object, "coordinates"), builder);
      else
        read_polygon (&r, json_object_get_member (o.object, "coordinates"), builder, 0);
    }
  else if (json_array_get_length (coordinates) == 0)
    {
      report (f, SILK_LOAD_ERROR_INVALID, "this %s has no %s", name,
              type == SILK_GEOMETRY_LINES ? "lines" : "polygons");
    }
  else
    {
      for (guint i = 0; i < json_array_get_length (coordinates) && !r.over_limit
                        && !loader_full (f->loader); i++)
        {
          push_index (f, i);
          if (type == SILK_GEOMETRY_LINES)
            read_line (&r, json_array_get_element (coordinates, i), builder);
          else
            read_polygon (&r, json_array_get_element (coordinates, i), builder, i);
          pop (f);
        }
    }
  pop (f);

  if (f->loader->n_found != found)
    return NULL;

  return count_positions (f, silk_geometry_builder_finish (builder));
}

/* Features */

static void
feature_record_free (FeatureRecord *record)
{
  g_free (record->id);
  g_clear_pointer (&record->geometry, silk_geometry_unref);
  g_clear_pointer (&record->name, silk_text_unref);
  g_free (record->country);
  g_strfreev (record->countries);
  g_free (record);
}

/* Points @f's path at a member of a feature's properties, or at the feature's id. */
static void
set_feature_path (LoadFile      *f,
                  FeatureRecord *record,
                  const char    *property)
{
  f->depth = 0;
  push_member (f, "features");
  push_index (f, record->index);
  if (property != NULL || record->id_in_properties)
    push_member (f, "properties");
  push_member (f, property != NULL ? property : "id");
}

static const char *
file_kind_noun (FileKind kind)
{
  switch (kind)
    {
    case FILE_COUNTRIES:
      return "country";
    case FILE_PLACES:
      return "place";
    case FILE_ROUTES:
      return "route";
    case FILE_BORDERS:
    case FILE_LAKES:
    case FILE_RIVERS:
    default:
      return "feature";
    }
}

static SilkGeometryType
file_kind_geometry (FileKind kind)
{
  switch (kind)
    {
    case FILE_COUNTRIES:
    case FILE_LAKES:
      return SILK_GEOMETRY_POLYGONS;
    case FILE_PLACES:
      return SILK_GEOMETRY_POINT;
    case FILE_BORDERS:
    case FILE_RIVERS:
    case FILE_ROUTES:
    default:
      return SILK_GEOMETRY_LINES;
    }
}

/* The feature's id, from "id" or, as GIS tools often write it, "properties"/"id". */
static gboolean
read_feature_id (Obj           *feature,
                 JsonObject    *properties,
                 FileKind       kind,
                 FeatureRecord *record)
{
  LoadFile *f = feature->file;
  JsonNode *node = json_object_get_member (feature->object, "id");
  gboolean needed = kind == FILE_COUNTRIES || kind == FILE_PLACES || kind == FILE_ROUTES;
  gboolean in_properties = FALSE;
  gboolean ok;

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && properties != NULL)
    {
      node = json_object_get_member (properties, "id");
      in_properties = TRUE;
    }

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (needed)
        report (f, SILK_LOAD_ERROR_INVALID,
                "%s has no \"id\": a %s feature needs the id its items use, such as "
                "\"id\": \"%s\"", feature->owner, file_kind_noun (kind),
                kind == FILE_COUNTRIES ? "KZ" : kind == FILE_PLACES ? "kashgar" : "cku-railway");
      return !needed;
    }

  if (in_properties)
    push_member (f, "properties");
  push_member (f, "id");

  if (!node_is_string (node))
    {
      report (f, SILK_LOAD_ERROR_INVALID, "\"id\" must be a string, not %s",
              node_kind_name (node));
      ok = FALSE;
    }
  else
    {
      ok = check_id_syntax (f, "id", json_node_get_string (node));
    }

  pop (f);
  if (in_properties)
    pop (f);

  if (ok)
    {
      record->id = g_strdup (json_node_get_string (node));
      record->id_in_properties = in_properties;
    }
  return ok;
}

static void
read_feature_properties (Obj           *p,
                         FileKind       kind,
                         guint          level,
                         FeatureRecord *record)
{
  JsonArray *countries;

  switch (kind)
    {
    case FILE_COUNTRIES:
      if (level == 0)
        {
          /* "role" says what the manifest decides (members are the countries it
           * lists), for GIS users; only its spelling is checked, so that a smaller
           * atlas can reuse these files as they are. */
          get_text (p, "name", FALSE, &record->name);
          get_enum (p, "role", FALSE, role_names, &record->role);
        }
      break;

    case FILE_BORDERS:
      get_enum (p, "kind", TRUE, border_kind_names, &record->kind);
      if (get_array (p, "countries", FALSE, &countries) && countries != NULL)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          gboolean ok = TRUE;

          push_member (p->file, "countries");
          for (guint i = 0; i < json_array_get_length (countries); i++)
            {
              JsonNode *node = json_array_get_element (countries, i);

              push_index (p->file, i);
              if (node_is_string (node))
                g_strv_builder_add (builder, json_node_get_string (node));
              else
                {
                  report (p->file, SILK_LOAD_ERROR_INVALID,
                          "each id in \"countries\" must be a string (a country id), not %s",
                          node_kind_name (node));
                  ok = FALSE;
                }
              pop (p->file);
            }
          pop (p->file);

          if (ok)
            record->countries = g_strv_builder_end (builder);
        }
      break;

    case FILE_LAKES:
      get_text (p, "name", FALSE, &record->name);
      get_enum (p, "kind", FALSE, lake_kind_names, &record->kind);
      break;

    case FILE_RIVERS:
      get_text (p, "name", FALSE, &record->name);
      break;

    case FILE_PLACES:
      {
        const char *country = NULL;

        get_text (p, "name", FALSE, &record->name);
        get_enum (p, "kind", TRUE, place_kind_names, &record->kind);
        if (get_id (p, "country", FALSE, &country))
          record->country = g_strdup (country);
        get_boolean (p, "approximate", FALSE, &record->approximate);
      }
      break;

    case FILE_ROUTES:
      {
        int alignment = -1;

        get_enum (p, "mode", FALSE, mode_names, &record->mode);
        if (get_enum (p, "alignment", TRUE, alignment_names, &alignment))
          record->approximate = alignment == ALIGNMENT_APPROXIMATE;
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Reads the feature at the current path ("features"/@index); NULL after reporting
 * problems that leave nothing to keep. */
static FeatureRecord *
read_feature (LoadFile *f,
              JsonNode *node,
              FileKind  kind,
              guint     level,
              guint     index)
{
  g_autofree char *owner = g_strdup_printf ("feature %u", index + 1);
  g_autofree char *properties_owner = g_strdup_printf ("the properties of feature %u",
                                                       index + 1);
  g_autoptr(JsonObject) empty = NULL;
  Obj feature = { f, NULL, owner };
  Obj properties = { f, NULL, properties_owner };
  FeatureRecord *record;
  JsonNode *member;
  const char *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "each feature must be a GeoJSON Feature object, not %s", node_kind_name (node));
      return NULL;
    }

  feature.object = json_node_get_object (node);
  if (get_string (&feature, "type", TRUE, &type) && type != NULL
      && !g_str_equal (type, "Feature"))
    report_member (f, "type", SILK_LOAD_ERROR_INVALID,
                   "\"type\" of a feature must be \"Feature\", not \"%.32s\"", type);

  member = json_object_get_member (feature.object, "properties");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      properties.object = json_node_get_object (member);
    }
  else
    {
      if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
        report_member (f, "properties", SILK_LOAD_ERROR_INVALID,
                       "\"properties\" must be an object or null, not %s",
                       node_kind_name (member));
      /* Checked all the same, so that missing required properties are named. A
       * path into properties that do not exist points at the feature. */
      empty = json_object_new ();
      properties.object = empty;
    }

  record = g_new0 (FeatureRecord, 1);
  record->file = f;
  record->index = index;
  record->kind = -1;
  record->role = -1;
  record->mode = -1;

  push_member (f, "properties");
  read_feature_properties (&properties, kind, level, record);
  pop (f);

  read_feature_id (&feature, empty == NULL ? properties.object : NULL, kind, record);

  member = json_object_get_member (feature.object, "geometry");
  if (member == NULL)
    {
      report (f, SILK_LOAD_ERROR_INVALID, "%s lacks the required member \"geometry\"", owner);
    }
  else
    {
      push_member (f, "geometry");
      record->geometry = read_geometry (f, member, file_kind_geometry (kind));
      pop (f);
    }

  return record;
}

static void
report_at_record (FeatureRecord *record,
                  const char    *property,
                  const char    *message)
{
  set_feature_path (record->file, record, property);
  report (record->file, SILK_LOAD_ERROR_INVALID, "%s", message);
}

static guint
record_line (FeatureRecord *record)
{
  LoadFile *f = record->file;
  gsize offset = 0;
  guint line;

  set_feature_path (f, record, NULL);
  file_locate (f, f->path, f->depth, FALSE, &offset);
  file_position (f, offset, &line, NULL);
  return line;
}

/* Reads a FeatureCollection into an array of records that l->records owns; NULL if
 * the file is not a FeatureCollection at all. */
static GPtrArray *
read_feature_collection (LoadFile *g,
                         FileKind  kind,
                         guint     level)
{
  Loader *l = g->loader;
  Obj o = { g, NULL, "the FeatureCollection" };
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *records;
  JsonArray *features;
  const char *type;
  gboolean unique = kind == FILE_COUNTRIES || kind == FILE_PLACES || kind == FILE_ROUTES;

  g->depth = 0;
  if (!JSON_NODE_HOLDS_OBJECT (g->root))
    {
      report (g, SILK_LOAD_ERROR_INVALID,
              "a geometry file must hold a GeoJSON FeatureCollection object, not %s",
              node_kind_name (g->root));
      return NULL;
    }

  o.object = json_node_get_object (g->root);
  if (!get_string (&o, "type", TRUE, &type) || type == NULL)
    return NULL;

  if (!g_str_equal (type, "FeatureCollection"))
    {
      report_member (g, "type", SILK_LOAD_ERROR_INVALID,
                     "a geometry file must hold a GeoJSON FeatureCollection: \"type\" must "
                     "be \"FeatureCollection\", not \"%.32s\"", type);
      return NULL;
    }

  if (!get_array (&o, "features", TRUE, &features) || features == NULL)
    return NULL;

  records = g_ptr_array_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (features) && !loader_full (l); i++)
    {
      FeatureRecord *record;
      FeatureRecord *first;

      g->depth = 0;
      push_member (g, "features");
      push_index (g, i);
      record = read_feature (g, json_array_get_element (features, i), kind, level, i);
      if (record == NULL)
        continue;

      g_ptr_array_add (l->records, record);

      if (unique && record->id != NULL
          && (first = g_hash_table_lookup (seen, record->id)) != NULL)
        {
          guint line = record_line (first);
          g_autofree char *message =
            g_strdup_printf ("duplicate %s id \"%s\" in this file (first used at line %u)",
                             file_kind_noun (kind), record->id, line);

          report_at_record (record, NULL, message);
          continue;
        }

      if (unique && record->id != NULL)
        g_hash_table_insert (seen, record->id, record);
      g_ptr_array_add (records, record);
    }

  g->depth = 0;
  return records;
}

static void
hash_table_unref_nullable (gpointer data)
{
  if (data != NULL)
    g_hash_table_unref (data);
}

static void
ptr_array_unref_nullable (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static void
mark_failed (Loader   *l,
             FileKind  kind,
             guint     level)
{
  if (kind == FILE_COUNTRIES && level == 0)
    l->countries_failed = TRUE;
  else if (kind == FILE_PLACES)
    l->places_failed = TRUE;
  else if (kind == FILE_ROUTES)
    l->routes_failed = TRUE;
}

/* Keeps the records of one geometry file; takes @records. */
static void
store_records (Loader    *l,
               FileKind   kind,
               guint      level,
               GPtrArray *records)
{
  GHashTable *table;

  switch (kind)
    {
    case FILE_COUNTRIES:
      if (level == 0)
        {
          l->country_order = records;
          for (guint i = 0; i < records->len; i++)
            {
              FeatureRecord *record = records->pdata[i];

              if (record->id != NULL)
                g_hash_table_insert (l->country_features, record->id, record);
            }
          return;
        }

      table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < records->len; i++)
        {
          FeatureRecord *record = records->pdata[i];

          if (record->id == NULL)
            continue;

          if (!l->countries_failed
              && !g_hash_table_contains (l->country_features, record->id))
            {
              g_autofree char *message =
                g_strdup_printf ("country \"%s\" is not in the finest countries file, the "
                                 "\"countries\" of the manifest's \"geometry\"", record->id);

              report_at_record (record, NULL, message);
              continue;
            }

          g_hash_table_insert (table, record->id, record);
        }

      if (level > l->country_levels->len)
        g_ptr_array_set_size (l->country_levels, level);
      l->country_levels->pdata[level - 1] = table;
      g_ptr_array_unref (records);
      return;

    case FILE_BORDERS:
      if (level >= l->border_levels->len)
        g_ptr_array_set_size (l->border_levels, level + 1);
      l->border_levels->pdata[level] = records;
      return;

    case FILE_LAKES:
      g_clear_pointer (&l->lakes, g_ptr_array_unref);
      l->lakes = records;
      return;

    case FILE_RIVERS:
      g_clear_pointer (&l->rivers, g_ptr_array_unref);
      l->rivers = records;
      return;

    case FILE_PLACES:
      l->place_order = records;
      for (guint i = 0; i < records->len; i++)
        {
          FeatureRecord *record = records->pdata[i];

          if (record->id != NULL)
            g_hash_table_insert (l->place_features, record->id, record);
        }
      return;

    case FILE_ROUTES:
      l->route_order = records;
      return;

    default:
      g_assert_not_reached ();
    }
}

/* Reading ahead: the GeoJSON files are read, parsed and their rings checked on
 * worker threads while this thread checks the files before them, so that the two
 * 1:10m files do not take their turns one after the other. Only json_read_run()
 * and the ring checks run there; everything that reports still happens here, file
 * by file in the manifest's order, so problems come out in the same order, with
 * the same limits, as a load on one thread would give.
 *
 * This thread is one of the readers: while it waits for a file, it reads one that
 * no worker has begun, or takes a part of the file's ring checks. So there is one
 * worker fewer than processors, and no thread waits while another is kept from a
 * processor: with a worker for each processor, this thread's own work on a file
 * shared the processors with two reads. */

/* At most this many threads read: the workers and this one. */
#define MAX_AHEAD_THREADS 4

/* A file's ring checks come in this many parts, each taken by whichever thread is
 * free first: the one that read the file, the others as their reads end, and this
 * one while it waits for the file. Small parts even out a file in which one
 * country has a tenth of the points. */
#define CHECK_PARTS 16

typedef struct _ReadAhead ReadAhead;

typedef enum
{
  TASK_READ,
  TASK_CHECK,
} TaskKind;

typedef struct
{
  TaskKind kind;
  ReadAhead *ahead;
} AheadTask;

/* A file read ahead. The loader's table, and each task queued for it, hold a
 * reference: a task may run after this thread has taken the file and moved on. */
struct _ReadAhead
{
  int ref_count;     /* atomic */
  Loader *loader;
  JsonRead read;
  gboolean polygons;
  int claimed;       /* atomic: someone has begun the read */
  int next_part;     /* atomic: the next part of the checks to take */
  /* Under ahead_mutex. */
  gboolean read_done;
  guint n_parts;     /* parts of the checks to do: CHECK_PARTS, or 0 */
  guint parts_done;
};

/* Freeing a file's tree took this thread a third as long as checking the file:
 * a thread of its own does it, while this thread goes on with the next file. The
 * load does not wait for it: that wait was the last tenth of a load. */
typedef struct
{
  JsonNode *root;
  SilkJsonCoordinates *coordinates;
} Discard;

static ReadAhead *
read_ahead_ref (ReadAhead *ahead)
{
  g_atomic_int_inc (&ahead->ref_count);
  return ahead;
}

static void
read_ahead_unref (ReadAhead *ahead)
{
  if (!g_atomic_int_dec_and_test (&ahead->ref_count))
    return;
  json_read_clear (&ahead->read);
  g_free (ahead);
}

static gboolean
reading_ahead_stopped (Loader *l)
{
  gboolean stopping;

  g_mutex_lock (&l->ahead_mutex);
  stopping = l->ahead_stopping;
  g_mutex_unlock (&l->ahead_mutex);
  return stopping;
}

static void
push_task (Loader    *l,
           AheadTask *task)
{
  read_ahead_ref (task->ahead);
  g_thread_pool_push (l->pool, task, NULL);
}

/* Checks parts of @ahead's rings until none is left to take. */
static void
check_parts (ReadAhead *ahead)
{
  Loader *l = ahead->loader;
  int part;

  while ((part = g_atomic_int_add (&ahead->next_part, 1)) < CHECK_PARTS)
    {
      silk_json_coordinates_check_polygons (ahead->read.coordinates, part, CHECK_PARTS);

      g_mutex_lock (&l->ahead_mutex);
      if (++ahead->parts_done == ahead->n_parts)
        g_cond_broadcast (&l->ahead_cond);
      g_mutex_unlock (&l->ahead_mutex);
    }
}

/* Reads @ahead's file, unless another thread has begun it, and checks its rings
 * with whoever comes to help. */
static void
run_read (ReadAhead *ahead)
{
  Loader *l = ahead->loader;
  gboolean checks = FALSE;

  if (!g_atomic_int_compare_and_exchange (&ahead->claimed, 0, 1))
    return;

  json_read_run (&ahead->read, l->cancellable);

  /* Under the lock that stop_reading_ahead() sets ahead_stopping with: the pool
   * takes no tasks once it is being freed. Without the checks, take_geometry()
   * makes them as it expands the shapes. */
  g_mutex_lock (&l->ahead_mutex);
  if (ahead->read.status == READ_OK && ahead->polygons && !l->ahead_stopping)
    {
      checks = TRUE;
      ahead->n_parts = CHECK_PARTS;
      for (guint i = 0; i < l->n_workers; i++)
        {
          AheadTask *help = g_new (AheadTask, 1);

          help->kind = TASK_CHECK;
          help->ahead = ahead;
          push_task (l, help);
          g_thread_pool_move_to_front (l->pool, help);
        }
    }
  ahead->read_done = TRUE;
  g_cond_broadcast (&l->ahead_cond);
  g_mutex_unlock (&l->ahead_mutex);

  if (checks)
    check_parts (ahead);
}

/* The workers' side. Once the load no longer waits for files, tasks do nothing. */
static void
read_ahead_run (gpointer data,
                gpointer user_data)
{
  AheadTask *task = data;
  ReadAhead *ahead = task->ahead;

  if (!reading_ahead_stopped (ahead->loader))
    {
      if (task->kind == TASK_READ)
        run_read (ahead);
      else
        check_parts (ahead);
    }

  g_free (task);
  read_ahead_unref (ahead);
}

static void
discard_run (gpointer data,
             gpointer user_data)
{
  Discard *discard = data;

  g_clear_pointer (&discard->root, json_node_unref);
  g_clear_pointer (&discard->coordinates, silk_json_coordinates_free);
  g_free (discard);
}

/* Frees @f's tree, on the discarding thread if there are workers (and so more than
 * one processor). */
static void
discard_tree (Loader   *l,
              LoadFile *f)
{
  static GThreadPool *discarding;
  Discard *discard;

  if (l->pool == NULL)
    {
      g_clear_pointer (&f->root, json_node_unref);
      g_clear_pointer (&f->coordinates, silk_json_coordinates_free);
      return;
    }

  if (g_once_init_enter (&discarding))
    g_once_init_leave (&discarding, g_thread_pool_new (discard_run, NULL, 1, FALSE, NULL));

  discard = g_new (Discard, 1);
  discard->root = g_steal_pointer (&f->root);
  discard->coordinates = g_steal_pointer (&f->coordinates);
  g_thread_pool_push (discarding, discard, NULL);
}

/* Starts reading the file at @path, a geometry file of @kind, unless it is read
 * already or may not be read at all (load_geometry() reports that later). */
static void
read_ahead (Loader     *l,
            JsonNode   *node,
            FileKind    kind)
{
  g_autofree char *message = NULL;
  SilkLoadError code;
  ReadAhead *ahead;
  AheadTask *task;
  const char *path;
  GFile *file;

  if (node == NULL || !node_is_string (node) || is_blank (json_node_get_string (node)))
    return;

  path = json_node_get_string (node);
  if (g_hash_table_contains (l->ahead, path))
    return;

  file = try_resolve_path (l, path, &code, &message);
  if (file == NULL)
    return;

  ahead = g_new0 (ReadAhead, 1);
  ahead->ref_count = 1;
  ahead->loader = l;
  ahead->read.file = file;
  ahead->read.geometry = TRUE;
  ahead->polygons = file_kind_geometry (kind) == SILK_GEOMETRY_POLYGONS;
  g_hash_table_insert (l->ahead, g_strdup (path), ahead);
  g_ptr_array_add (l->ahead_order, read_ahead_ref (ahead));

  task = g_new (AheadTask, 1);
  task->kind = TASK_READ;
  task->ahead = ahead;
  push_task (l, task);
}

/* Starts reading the files of the manifest's "geometry" that load_geometry_member()
 * and load_geometry_levels() will load, in the order they will. */
static void
start_reading_ahead (Loader     *l,
                     JsonObject *geometry)
{
  static const struct
  {
    const char *name;
    FileKind kind;
  } members[] = {
    { "countries", FILE_COUNTRIES },
    { "countries-simplified", FILE_COUNTRIES },
    { "borders", FILE_BORDERS },
    { "borders-simplified", FILE_BORDERS },
    { "lakes", FILE_LAKES },
    { "rivers", FILE_RIVERS },
    { "places", FILE_PLACES },
    { "routes", FILE_ROUTES },
  };
  guint n_threads = MIN (g_get_num_processors (), MAX_AHEAD_THREADS);

  /* Alone on one processor, this thread may as well read them itself. */
  if (n_threads < 2 || l->one_thread)
    return;

  l->n_workers = n_threads - 1;
  l->pool = g_thread_pool_new (read_ahead_run, NULL, l->n_workers, FALSE, NULL);
  l->ahead = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) read_ahead_unref);
  l->ahead_order = g_ptr_array_new_with_free_func ((GDestroyNotify) read_ahead_unref);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (geometry, members[i].name);
      JsonArray *array;

      if (node == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          /* The finest level that SILK_LOAD_DEFER_FINEST leaves for later. */
          if (l->defer_finest && (members[i].kind == FILE_COUNTRIES
                                  || members[i].kind == FILE_BORDERS))
            {
              g_autofree char *levels_name = g_strconcat (members[i].name, "-simplified", NULL);
              JsonNode *levels = json_object_get_member (geometry, levels_name);

              if (levels != NULL && JSON_NODE_HOLDS_ARRAY (levels)
                  && json_array_get_length (json_node_get_array (levels)) > 0)
                continue;
            }
          read_ahead (l, node, members[i].kind);
          continue;
        }

      /* load_geometry_levels() reads none of a list that is too long. */
      array = json_node_get_array (node);
      if (json_array_get_length (array) > SILK_LOAD_MAX_SIMPLIFIED)
        continue;
      for (guint k = 0; k < json_array_get_length (array); k++)
        read_ahead (l, json_array_get_element (array, k), members[i].kind);
    }
}

/* Waits for the workers and drops what nothing took. */
static void
stop_reading_ahead (Loader *l)
{
  if (l->pool == NULL)
    return;

  /* Files not begun are not read at all, but every tree is freed. */
  g_mutex_lock (&l->ahead_mutex);
  l->ahead_stopping = TRUE;
  g_mutex_unlock (&l->ahead_mutex);
  g_thread_pool_free (l->pool, FALSE, TRUE);
  l->pool = NULL;
  g_clear_pointer (&l->ahead_order, g_ptr_array_unref);
  g_clear_pointer (&l->ahead, g_hash_table_unref);
}

/* Whether @ahead's file is read and its rings checked. Under ahead_mutex. */
static gboolean
read_ahead_is_ready (ReadAhead *ahead)
{
  return ahead->read_done && ahead->parts_done == ahead->n_parts;
}

/* Does some of the reading on this thread while it waits for @ahead: @ahead's own
 * read if no worker has begun it, a part of its checks, or else the read of the
 * next file in the manifest's order that no worker has begun. FALSE when there is
 * nothing to do but wait for @ahead. */
static gboolean
help_reading_ahead (Loader    *l,
                    ReadAhead *ahead)
{
  gboolean checking;

  if (g_atomic_int_get (&ahead->claimed) == 0)
    {
      run_read (ahead);
      return TRUE;
    }

  g_mutex_lock (&l->ahead_mutex);
  checking = ahead->read_done && ahead->n_parts > 0;
  g_mutex_unlock (&l->ahead_mutex);
  if (checking && g_atomic_int_get (&ahead->next_part) < CHECK_PARTS)
    {
      check_parts (ahead);
      return TRUE;
    }

  for (guint i = 0; i < l->ahead_order->len; i++)
    {
      ReadAhead *other = g_ptr_array_index (l->ahead_order, i);

      if (g_atomic_int_get (&other->claimed) == 0)
        {
          run_read (other);
          return TRUE;
        }
    }
  return FALSE;
}

/* Reads and parses the geometry file @file, at @path in the manifest, or takes it
 * from the thread that read it ahead. */
static LoadFile *
load_geometry_file (Loader     *l,
                    GFile      *file,
                    const char *path,
                    FileKind    kind)
{
  char *key = NULL;
  ReadAhead *ahead = NULL;
  LoadFile *f;

  /* A path named twice is read ahead once; the second load reads it again. */
  if (l->ahead == NULL
      || !g_hash_table_steal_extended (l->ahead, path, (gpointer *) &key, (gpointer *) &ahead))
    return load_file (l, file, l->manifest, path, TRUE,
                      file_kind_geometry (kind) == SILK_GEOMETRY_POLYGONS);
  g_free (key);

  g_mutex_lock (&l->ahead_mutex);
  while (!read_ahead_is_ready (ahead))
    {
      gboolean read_done = ahead->read_done;
      gboolean helped;

      g_mutex_unlock (&l->ahead_mutex);
      helped = help_reading_ahead (l, ahead);
      g_mutex_lock (&l->ahead_mutex);

      /* Nothing to do here until the file is read, or its checks end: either wakes
       * this thread. */
      if (!helped && ahead->read_done == read_done && !read_ahead_is_ready (ahead))
        g_cond_wait (&l->ahead_cond, &l->ahead_mutex);
    }
  g_mutex_unlock (&l->ahead_mutex);

  f = json_read_finish (l, &ahead->read, l->manifest, path);
  read_ahead_unref (ahead);
  return f;
}

/* Loads the GeoJSON file whose path is the manifest value at the current path. */
static void
load_geometry (Loader   *l,
               JsonNode *node,
               FileKind  kind,
               guint     level)
{
  LoadFile *m = l->manifest;
  g_autoptr(GFile) file = NULL;
  GPtrArray *records;
  const char *path;
  LoadFile *g;

  if (!node_is_string (node) || is_blank (json_node_get_string (node)))
    {
      report (m, SILK_LOAD_ERROR_INVALID,
              "a geometry path must be a string such as \"geo/countries.geojson\", not %s",
              node_is_string (node) ? "an empty string" : node_kind_name (node));
      mark_failed (l, kind, level);
      return;
    }

  path = json_node_get_string (node);
  file = resolve_path (l, path);
  g = file != NULL ? load_geometry_file (l, file, path, kind) : NULL;
  if (g == NULL)
    {
      mark_failed (l, kind, level);
      return;
    }

  records = read_feature_collection (g, kind, level);

  /* The tree of a 1:10m file is many times the size of its text: keep only what the
   * records took from it. The text stays for positions in later messages. */
  discard_tree (l, g);

  if (records == NULL)
    {
      mark_failed (l, kind, level);
      return;
    }

  store_records (l, kind, level, records);
}

static gboolean
load_geometry_member (Loader     *l,
                      Obj        *o,
                       const char *name,
                       gboolean    required,
                       FileKind    kind)
{
  JsonNode *node = get_member (o, name, required);

  if (node == NULL)
    {
      if (required)
        mark_failed (l, kind, 0);
      return FALSE;
    }

  /* SILK_LOAD_DEFER_FINEST: the first simplified level stands in for the finest,
   * as level 0, and load_geometry_levels() then skips it. */
  if (l->defer_finest && (kind == FILE_COUNTRIES || kind == FILE_BORDERS))
    {
      g_autofree char *levels_name = g_strconcat (name, "-simplified", NULL);
      JsonNode *levels = json_object_get_member (o->object, levels_name);

      if (levels != NULL && JSON_NODE_HOLDS_ARRAY (levels)
          && json_array_get_length (json_node_get_array (levels)) > 0)
        {
          node = json_array_get_element (json_node_get_array (levels), 0);
          if (kind == FILE_COUNTRIES)
            l->deferred_countries = TRUE;
          else
            l->deferred_borders = TRUE;
        }
    }

  push_member (o->file, name);
  load_geometry (l, node, kind, 0);
  pop (o->file);
  return TRUE;
}

static guint
load_geometry_levels (Loader     *l,
                      Obj        *o,
                       const char *name,
                       FileKind    kind)
{
  JsonArray *array;
  guint n;

  if (!get_array (o, name, FALSE, &array) || array == NULL)
    return 0;

  n = json_array_get_length (array);
  if (n > SILK_LOAD_MAX_SIMPLIFIED)
    {
      report_member (o->file, name, SILK_LOAD_ERROR_LIMIT,
                     "\"%s\" lists %u files; an atlas may have at most %u simplified "
                     "levels", name, n, SILK_LOAD_MAX_SIMPLIFIED);
      return 0;
    }

  push_member (o->file, name);
  /* With the finest level deferred, the first of these is level 0 already: level 1
   * falls back to it. */
  for (guint i = (kind == FILE_COUNTRIES ? l->deferred_countries : l->deferred_borders) ? 1 : 0;
       i < n && !loader_full (l); i++)
    {
      push_index (o->file, i);
      load_geometry (l, json_array_get_element (array, i), kind, i + 1);
      pop (o->file);
    }
  pop (o->file);

  return n;
}

static void
read_geometry_section (Loader *l,
                       Obj    *top)
{
  LoadFile *m = l->manifest;
  Obj o = { m, NULL, "\"geometry\"" };
  JsonNode *node = get_member (top, "geometry", TRUE);
  guint n_country_levels, n_border_levels = 0;
  gboolean has_borders;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      if (node != NULL)
        report_member (m, "geometry", SILK_LOAD_ERROR_INVALID,
                       "\"geometry\" must be an object naming the GeoJSON files, not %s",
                       node_kind_name (node));
      l->countries_failed = l->places_failed = l->routes_failed = TRUE;
      return;
    }

  o.object = json_node_get_object (node);
  push_member (m, "geometry");
  check_members (&o, geometry_members);
  start_reading_ahead (l, o.object);

  load_geometry_member (l, &o, "countries", TRUE, FILE_COUNTRIES);
  n_country_levels = 1 + load_geometry_levels (l, &o, "countries-simplified", FILE_COUNTRIES);

  has_borders = load_geometry_member (l, &o, "borders", FALSE, FILE_BORDERS);
  if (json_object_get_member (o.object, "borders-simplified") != NULL && !has_borders)
    report_member (m, "borders-simplified", SILK_LOAD_ERROR_INVALID,
                   "\"borders-simplified\" needs \"borders\", the finest detail, beside it");
  else
    n_border_levels = 1 + load_geometry_levels (l, &o, "borders-simplified", FILE_BORDERS);

  load_geometry_member (l, &o, "lakes", FALSE, FILE_LAKES);
  load_geometry_member (l, &o, "rivers", FALSE, FILE_RIVERS);
  l->has_places_file = load_geometry_member (l, &o, "places", FALSE, FILE_PLACES);
  load_geometry_member (l, &o, "routes", FALSE, FILE_ROUTES);
  pop (m);
  stop_reading_ahead (l);

  silk_document_set_n_detail_levels (l->document, MAX (n_country_levels, n_border_levels));
}

/* Items */

static gboolean
read_value (Obj       *o,
            SilkValue *out)
{
  LoadFile *f = o->file;
  JsonNode *node = get_member (o, "value", TRUE);
  SilkValue value = { SILK_VALUE_EXACT, 0.0, 0.0 };
  guint found = f->loader->n_found;

  if (node == NULL)
    return FALSE;

  push_member (f, "value");
  if (node_is_number (node))
    {
      read_number_value (f, node, "value", &value.value);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      guint size = json_object_get_size (object);
      const char *name = NULL;

      if (size == 1 && json_object_has_member (object, "approaching"))
        {
          value.kind = SILK_VALUE_APPROACHING;
          name = "approaching";
        }
      else if (size == 1 && json_object_has_member (object, "above"))
        {
          value.kind = SILK_VALUE_ABOVE;
          name = "above";
        }
      else if (size == 2 && json_object_has_member (object, "min")
               && json_object_has_member (object, "max"))
        {
          value.kind = SILK_VALUE_RANGE;
          name = "min";
        }
      else
        {
          report (f, SILK_LOAD_ERROR_INVALID,
                  "\"value\" must be a number, {\"approaching\": N}, {\"above\": N} or "
                  "{\"min\": A, \"max\": B}");
        }

      if (name != NULL)
        {
          push_member (f, name);
          read_number_value (f, json_object_get_member (object, name), name, &value.value);
          pop (f);
        }

      if (value.kind == SILK_VALUE_RANGE)
        {
          push_member (f, "max");
          if (read_number_value (f, json_object_get_member (object, "max"), "max", &value.max)
              && found == f->loader->n_found && value.max <= value.value)
            report (f, SILK_LOAD_ERROR_INVALID,
                    "the \"max\" of a range (%g) must be greater than its \"min\" (%g)",
                    value.max, value.value);
          pop (f);
        }
    }
  else
    {
      report (f, SILK_LOAD_ERROR_INVALID,
              "\"value\" must be a number, {\"approaching\": N}, {\"above\": N} or "
              "{\"min\": A, \"max\": B}, not %s", node_kind_name (node));
    }
  pop (f);

  if (found != f->loader->n_found)
    return FALSE;

  *out = value;
  return TRUE;
}

/* Reads "qualifier" and "derivation", which figures and events share. */
static void
read_qualifier (Obj           *o,
                gboolean       required,
                SilkQualifier *qualifier,
                SilkText     **derivation)
{
  int value = SILK_QUALIFIER_REPORTED;

  *qualifier = SILK_QUALIFIER_REPORTED;
  if (!get_enum (o, "qualifier", required, qualifier_names, &value))
    {
      get_text (o, "derivation", FALSE, derivation);
      return;
    }

  if (value >= 0)
    *qualifier = value;

  if (!get_text (o, "derivation", FALSE, derivation))
    return;

  if (*qualifier == SILK_QUALIFIER_DERIVED && *derivation == NULL)
    report_member (o->file, "qualifier", SILK_LOAD_ERROR_INVALID,
                   "%s is \"derived\" but says not how: add \"derivation\"", o->owner);
}

static void
read_source (Obj        *o,
             SilkSource *source)
{
  g_autoptr(SilkText) title = NULL;
  g_autoptr(SilkText) publisher = NULL;
  g_autoptr(SilkText) citation = NULL;
  SilkPeriod date;
  const char *url;
  int kind;

  check_members (o, source_members);

  if (get_text (o, "title", TRUE, &title))
    silk_item_set_name_text (SILK_ITEM (source), title);
  if (get_text (o, "publisher", TRUE, &publisher))
    silk_source_set_publisher (source, publisher);
  if (get_period (o, "date", FALSE, DATE_SINGLE, &date) && date.start.precision != SILK_DATE_NONE)
    silk_source_set_date (source, json_object_get_string_member (o->object, "date"));

  if (get_string (o, "url", FALSE, &url) && url != NULL)
    {
      const char *scheme = g_uri_peek_scheme (url);

      if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL)
          || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
        report_member (o->file, "url", SILK_LOAD_ERROR_INVALID,
                       "\"url\" must be an http or https address, not \"%.80s\"", url);
      else
        silk_source_set_url (source, url);
    }

  if (get_text (o, "citation", TRUE, &citation))
    silk_source_set_citation (source, citation);
  if (get_enum (o, "kind", TRUE, source_kind_names, &kind) && kind >= 0)
    silk_source_set_kind_name (source, source_kind_names[kind]);
}

static void
set_country_geometries (Loader        *l,
                        SilkCountry   *country,
                        FeatureRecord *record)
{
  record->matched = TRUE;
  if (record->geometry == NULL)
    return;

  silk_country_set_geometry (country, 0, record->geometry);
  for (guint level = 1; level <= l->country_levels->len; level++)
    {
      GHashTable *table = l->country_levels->pdata[level - 1];
      FeatureRecord *coarse = table != NULL ? g_hash_table_lookup (table, record->id) : NULL;

      if (coarse != NULL && coarse->geometry != NULL)
        silk_country_set_geometry (country, level, coarse->geometry);
    }
}

static void
read_country (Loader      *l,
              Obj         *o,
              SilkCountry *country)
{
  const char *id = silk_item_get_id (SILK_ITEM (country));
  g_autoptr(SilkText) name = NULL;
  g_autoptr(SilkText) summary = NULL;
  FeatureRecord *record;

  check_members (o, country_members);
  silk_country_set_member (country, TRUE);

  get_text (o, "name", FALSE, &name);
  if (get_text (o, "summary", FALSE, &summary) && summary != NULL)
    silk_item_set_description_text (SILK_ITEM (country), summary);

  if (l->countries_failed)
    return;

  record = g_hash_table_lookup (l->country_features, id);
  if (record == NULL)
    {
      report_member (o->file, "id", SILK_LOAD_ERROR_INVALID,
                     "country \"%s\" has no feature in the countries file; every country needs "
                     "its outline there", id);
      return;
    }

  set_country_geometries (l, country, record);

  if (name == NULL && record->name != NULL)
    name = silk_text_ref (record->name);

  if (name == NULL)
    report (o->file, SILK_LOAD_ERROR_INVALID,
            "country \"%s\" has no name: give \"name\" here or \"name\" in the properties of "
            "its feature", id);
  else
    silk_item_set_name_text (SILK_ITEM (country), name);
}

static void
apply_place_record (SilkPlace     *place,
                    FeatureRecord *record)
{
  record->matched = TRUE;
  if (record->geometry != NULL && record->geometry->n_points > 0)
    silk_place_set_location (place, record->geometry->points[0].x,
                             record->geometry->points[0].y);
  if (record->kind >= 0)
    silk_place_set_place_kind (place, record->kind);
  silk_place_set_country_id (place, record->country);
  silk_place_set_approximate (place, record->approximate);
}

static void
read_place (Loader    *l,
            Obj       *o,
            SilkPlace *place)
{
  const char *id = silk_item_get_id (SILK_ITEM (place));
  g_autoptr(SilkText) name = NULL;
  FeatureRecord *record;

  check_members (o, place_members);
  get_text (o, "name", FALSE, &name);

  if (!l->has_places_file)
    {
      report_member (o->file, "id", SILK_LOAD_ERROR_INVALID,
                     "place \"%s\" needs a location, but the manifest's \"geometry\" names no "
                     "\"places\" file", id);
      return;
    }

  if (l->places_failed)
    return;

  record = g_hash_table_lookup (l->place_features, id);
  if (record == NULL)
    {
      report_member (o->file, "id", SILK_LOAD_ERROR_INVALID,
                     "place \"%s\" has no Point feature in the places file", id);
      return;
    }

  apply_place_record (place, record);

  if (name == NULL && record->name != NULL)
    name = silk_text_ref (record->name);

  if (name == NULL)
    report (o->file, SILK_LOAD_ERROR_INVALID,
            "place \"%s\" has no name: give \"name\" here or \"name\" in the properties of its "
            "feature", id);
  else
    silk_item_set_name_text (SILK_ITEM (place), name);
}

static void
read_project (Obj         *o,
              SilkProject *project)
{
  g_autoptr(SilkText) name = NULL;
  g_autoptr(SilkText) description = NULL;
  g_autoptr(SilkText) note = NULL;
  int value;

  check_members (o, project_members);

  if (get_text (o, "name", TRUE, &name))
    silk_item_set_name_text (SILK_ITEM (project), name);
  if (get_enum (o, "mode", TRUE, mode_names, &value) && value >= 0)
    silk_project_set_mode (project, value);
  if (get_enum (o, "status", TRUE, status_names, &value) && value >= 0)
    silk_project_set_status (project, value);
  if (get_text (o, "description", TRUE, &description))
    silk_item_set_description_text (SILK_ITEM (project), description);
  if (get_text (o, "alignment-note", FALSE, &note) && note != NULL)
    silk_project_set_alignment_note (project, note);
}

static void
read_figure (Obj        *o,
             SilkFigure *figure)
{
  g_autoptr(SilkText) label = NULL;
  g_autoptr(SilkText) meaning = NULL;
  g_autoptr(SilkText) derivation = NULL;
  SilkQualifier qualifier;
  SilkPeriod period;
  SilkValue value;
  const char *estimated_by;
  gboolean change = FALSE;
  int index;

  check_members (o, figure_members);

  if (get_text (o, "label", TRUE, &label))
    silk_item_set_name_text (SILK_ITEM (figure), label);
  if (get_text (o, "meaning", TRUE, &meaning))
    silk_item_set_description_text (SILK_ITEM (figure), meaning);
  if (get_enum (o, "topic", TRUE, topic_names, &index) && index >= 0)
    silk_figure_set_topic (figure, topic_names[index]);
  if (read_value (o, &value))
    silk_figure_set_value (figure, &value);
  if (get_enum (o, "unit", TRUE, unit_names, &index) && index >= 0)
    silk_figure_set_unit (figure, unit_names[index]);
  if (get_boolean (o, "change", FALSE, &change))
    silk_figure_set_change (figure, change);
  if (get_period (o, "period", FALSE, DATE_SINGLE | DATE_INTERVAL | DATE_OPEN, &period))
    silk_figure_set_period (figure, &period);
  if (get_string (o, "estimated-by", FALSE, &estimated_by) && estimated_by != NULL)
    silk_figure_set_estimated_by (figure, estimated_by);

  read_qualifier (o, TRUE, &qualifier, &derivation);
  silk_figure_set_qualifier (figure, qualifier);
  if (derivation != NULL)
    silk_figure_set_derivation (figure, derivation);
}

static void
read_event (Obj       *o,
            SilkEvent *event)
{
  g_autoptr(SilkText) title = NULL;
  g_autoptr(SilkText) description = NULL;
  g_autoptr(SilkText) derivation = NULL;
  SilkQualifier qualifier;
  SilkPeriod date;

  check_members (o, event_members);

  if (get_period (o, "date", TRUE, DATE_SINGLE | DATE_INTERVAL, &date))
    silk_event_set_date (event, &date);
  if (get_text (o, "title", TRUE, &title))
    silk_item_set_name_text (SILK_ITEM (event), title);
  if (get_text (o, "description", TRUE, &description))
    silk_item_set_description_text (SILK_ITEM (event), description);

  read_qualifier (o, FALSE, &qualifier, &derivation);
  silk_event_set_qualifier (event, qualifier);
  if (derivation != NULL)
    silk_event_set_derivation (event, derivation);
}

static void
read_note (Obj      *o,
           SilkNote *note)
{
  g_autoptr(SilkText) title = NULL;
  g_autoptr(SilkText) text = NULL;
  int index;

  check_members (o, note_members);

  if (get_text (o, "title", TRUE, &title))
    silk_item_set_name_text (SILK_ITEM (note), title);
  if (get_text (o, "text", TRUE, &text))
    silk_item_set_description_text (SILK_ITEM (note), text);
  if (get_enum (o, "topic", TRUE, topic_names, &index) && index >= 0)
    silk_note_set_topic (note, topic_names[index]);
}

static SilkItem *
item_new (SilkItemKind  kind,
          const char   *id)
{
  switch (kind)
    {
    case SILK_ITEM_SOURCE:
      return SILK_ITEM (silk_source_new (id));
    case SILK_ITEM_COUNTRY:
      return SILK_ITEM (silk_country_new (id));
    case SILK_ITEM_PLACE:
      return SILK_ITEM (silk_place_new (id));
    case SILK_ITEM_PROJECT:
      return SILK_ITEM (silk_project_new (id));
    case SILK_ITEM_FIGURE:
      return SILK_ITEM (silk_figure_new (id));
    case SILK_ITEM_EVENT:
      return SILK_ITEM (silk_event_new (id));
    case SILK_ITEM_NOTE:
      return SILK_ITEM (silk_note_new (id));
    case SILK_N_ITEM_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Reads the manifest item at the current path (@array/@index). */
static void
read_item (Loader       *l,
           SilkItemKind  kind,
           const char   *array,
           guint         index,
           JsonObject   *object)
{
  LoadFile *m = l->manifest;
  g_autofree char *fallback = g_strdup_printf ("%s %u", silk_item_kind_to_string (kind),
                                               index + 1);
  g_autofree char *owner = NULL;
  g_autoptr(SilkItem) item = NULL;
  Obj o = { m, object, fallback };
  const char *id;
  gboolean registered;

  if (!get_id (&o, "id", TRUE, &id) || id == NULL)
    return;

  owner = g_strdup_printf ("%s \"%s\"", silk_item_kind_to_string (kind), id);
  o.owner = owner;
  item = item_new (kind, id);

  push_member (m, "id");
  registered = register_id (l, m, id, item);
  pop (m);

  switch (kind)
    {
    case SILK_ITEM_SOURCE:
      read_source (&o, SILK_SOURCE (item));
      break;
    case SILK_ITEM_COUNTRY:
      read_country (l, &o, SILK_COUNTRY (item));
      break;
    case SILK_ITEM_PLACE:
      read_place (l, &o, SILK_PLACE (item));
      break;
    case SILK_ITEM_PROJECT:
      read_project (&o, SILK_PROJECT (item));
      break;
    case SILK_ITEM_FIGURE:
      read_figure (&o, SILK_FIGURE (item));
      break;
    case SILK_ITEM_EVENT:
      read_event (&o, SILK_EVENT (item));
      break;
    case SILK_ITEM_NOTE:
      read_note (&o, SILK_NOTE (item));
      break;
    case SILK_N_ITEM_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (registered)
    {
      Pending *pending = g_new0 (Pending, 1);

      silk_document_add_item (l->document, item);
      pending->item = item;
      pending->array = array;
      pending->index = index;
      pending->object = object;
      g_ptr_array_add (l->pending, pending);
    }
}

static void
read_item_array (Loader       *l,
                 Obj          *top,
                 const char   *name,
                 SilkItemKind  kind,
                 gboolean      required)
{
  LoadFile *m = l->manifest;
  JsonArray *array;

  if (!get_array (top, name, required, &array) || array == NULL)
    return;

  if (kind == SILK_ITEM_COUNTRY && json_array_get_length (array) == 0)
    {
      report_member (m, name, SILK_LOAD_ERROR_INVALID,
                     "\"countries\" must list at least one country: the countries the atlas "
                     "is about");
      return;
    }

  push_member (m, name);
  for (guint i = 0; i < json_array_get_length (array) && !loader_full (l); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      push_index (m, i);
      if (JSON_NODE_HOLDS_OBJECT (node))
        read_item (l, kind, name, i, json_node_get_object (node));
      else
        report (m, SILK_LOAD_ERROR_INVALID, "each %s must be an object, not %s",
                silk_item_kind_to_string (kind), node_kind_name (node));
      pop (m);
    }
  pop (m);
}

/* The countries of the countries file that the manifest does not list. */
static void
add_neighbours (Loader *l)
{
  if (l->country_order == NULL)
    return;

  for (guint i = 0; i < l->country_order->len && !loader_full (l); i++)
    {
      FeatureRecord *record = l->country_order->pdata[i];
      g_autoptr(SilkCountry) country = NULL;

      if (record->matched || record->id == NULL)
        continue;

      country = silk_country_new (record->id);
      set_country_geometries (l, country, record);

      if (record->name == NULL)
        {
          g_autofree char *message =
            g_strdup_printf ("country \"%s\" has no \"name\" in its properties, and the "
                             "manifest does not list it to give one", record->id);

          report_at_record (record, NULL, message);
        }
      else
        {
          silk_item_set_name_text (SILK_ITEM (country), record->name);
        }

      set_feature_path (record->file, record, NULL);
      if (register_id (l, record->file, record->id, SILK_ITEM (country)))
        silk_document_add_neighbour (l->document, country);
    }
}

/* The places of the places file that the manifest does not list. */
static void
add_feature_places (Loader *l)
{
  if (l->place_order == NULL)
    return;

  for (guint i = 0; i < l->place_order->len && !loader_full (l); i++)
    {
      FeatureRecord *record = l->place_order->pdata[i];
      g_autoptr(SilkPlace) place = NULL;

      if (record->matched || record->id == NULL)
        continue;

      place = silk_place_new (record->id);
      apply_place_record (place, record);

      if (record->name == NULL)
        {
          g_autofree char *message =
            g_strdup_printf ("place \"%s\" has no \"name\" in its properties, and the "
                             "manifest does not list it to give one", record->id);

          report_at_record (record, NULL, message);
        }
      else
        {
          silk_item_set_name_text (SILK_ITEM (place), record->name);
        }

      set_feature_path (record->file, record, NULL);
      if (register_id (l, record->file, record->id, SILK_ITEM (place)))
        silk_document_add_item (l->document, SILK_ITEM (place));
    }
}

/* Checks that the id of a feature's property names an item of @mask. */
static void
check_record_reference (Loader        *l,
                        FeatureRecord *record,
                        const char    *property,
                        gint           index,
                        const char    *id,
                        guint          mask)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), id);

  set_feature_path (record->file, record, property);
  if (index >= 0)
    push_index (record->file, index);
  resolve_id (l, record->file, node, mask, property, index >= 0);
}

static void
resolve_pending (Loader  *l,
                 Pending *p)
{
  LoadFile *m = l->manifest;
  SilkItemKind kind = silk_item_get_kind (p->item);
  g_autofree char *owner = g_strdup_printf ("%s \"%s\"", silk_item_kind_to_string (kind),
                                            silk_item_get_id (p->item));
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  Obj o = { m, p->object, owner };
  gboolean states_facts = kind == SILK_ITEM_PROJECT || kind == SILK_ITEM_FIGURE
                          || kind == SILK_ITEM_EVENT || kind == SILK_ITEM_NOTE;
  SilkItem *reference;

  m->depth = 0;
  push_member (m, p->array);
  push_index (m, p->index);

  get_reference_list (l, &o, "sources", states_facts, states_facts,
                      KIND_BIT (SILK_ITEM_SOURCE), list);
  for (guint i = 0; i < list->len; i++)
    silk_item_add_source (p->item, list->pdata[i]);
  g_ptr_array_set_size (list, 0);

  switch (kind)
    {
    case SILK_ITEM_COUNTRY:
      /* Optional: an atlas may draw no places at all. */
      reference = get_reference (l, &o, "capital", FALSE, KIND_BIT (SILK_ITEM_PLACE));
      if (reference != NULL)
        {
          const char *where = silk_place_get_country_id (SILK_PLACE (reference));

          silk_country_set_capital (SILK_COUNTRY (p->item), SILK_PLACE (reference));
          if (where != NULL && !g_str_equal (where, silk_item_get_id (p->item)))
            report_member (m, "capital", SILK_LOAD_ERROR_INVALID,
                           "capital \"%s\" lies in country \"%s\" according to the places "
                           "file, not in \"%s\"", silk_item_get_id (reference), where,
                           silk_item_get_id (p->item));
        }
      break;

    case SILK_ITEM_PROJECT:
      get_reference_list (l, &o, "countries", TRUE, TRUE, KIND_BIT (SILK_ITEM_COUNTRY), list);
      for (guint i = 0; i < list->len; i++)
        {
          silk_project_add_country (SILK_PROJECT (p->item), list->pdata[i]);
          silk_item_add_concern (p->item, list->pdata[i]);
        }
      g_ptr_array_set_size (list, 0);

      reference = get_reference (l, &o, "parent", FALSE, KIND_BIT (SILK_ITEM_PROJECT));
      if (reference == p->item)
        report_member (m, "parent", SILK_LOAD_ERROR_INVALID,
                       "a project cannot be its own \"parent\"");
      else if (reference != NULL)
        g_hash_table_insert (l->parents, p, reference);

      get_reference_list (l, &o, "connects", FALSE, FALSE, KIND_BIT (SILK_ITEM_PLACE), list);
      for (guint i = 0; i < list->len; i++)
        {
          silk_project_add_connect (SILK_PROJECT (p->item), list->pdata[i]);
          silk_item_add_concern (p->item, list->pdata[i]);
        }
      break;

    case SILK_ITEM_FIGURE:
    case SILK_ITEM_EVENT:
    case SILK_ITEM_NOTE:
      get_reference_list (l, &o, "concerns", FALSE, FALSE,
                          KIND_BIT (SILK_ITEM_COUNTRY) | KIND_BIT (SILK_ITEM_PLACE)
                          | KIND_BIT (SILK_ITEM_PROJECT), list);
      for (guint i = 0; i < list->len; i++)
        silk_item_add_concern (p->item, list->pdata[i]);
      break;

    case SILK_ITEM_SOURCE:
    case SILK_ITEM_PLACE:
    case SILK_N_ITEM_KINDS:
    default:
      break;
    }
}

/* Items hold strong references to their parent, so a cycle of parents would leak as
 * well as loop: parents are set only once none is found. */
static void
set_parents (Loader *l)
{
  GHashTable *parent_of = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, l->parents);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (parent_of, ((Pending *) key)->item, value);

  for (guint i = 0; i < l->pending->len; i++)
    {
      Pending *p = l->pending->pdata[i];
      SilkItem *parent = g_hash_table_lookup (l->parents, p);
      SilkItem *ancestor = parent;
      guint steps = 0;

      if (parent == NULL)
        continue;

      while (ancestor != NULL && ancestor != p->item && steps++ <= l->pending->len)
        ancestor = g_hash_table_lookup (parent_of, ancestor);

      if (ancestor == p->item)
        {
          LoadFile *m = l->manifest;

          m->depth = 0;
          push_member (m, p->array);
          push_index (m, p->index);
          report_member (m, "parent", SILK_LOAD_ERROR_INVALID,
                         "project \"%s\" is its own ancestor: following \"parent\" leads "
                         "back to it", silk_item_get_id (p->item));
          continue;
        }

      silk_project_set_parent (SILK_PROJECT (p->item), SILK_PROJECT (parent));
      silk_item_add_concern (p->item, parent);
    }

  g_hash_table_unref (parent_of);
}

/* A source may cite other sources, and items hold strong references to their
 * sources: a circle of citations would leak the whole document. One depth-first
 * walk over the source graph finds every edge that closes a circle; each is
 * reported and dropped. The walk keeps its own stack, since a chain of sources can
 * be as long as a 64 MiB manifest allows. */
static void
check_source_cycles (Loader *l)
{
  g_autoptr(GHashTable) pending_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) state = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gpointer));
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));
  enum { ON_STACK = 1, DONE = 2 };

  for (guint i = 0; i < l->pending->len; i++)
    {
      Pending *p = l->pending->pdata[i];

      if (silk_item_get_kind (p->item) == SILK_ITEM_SOURCE)
        g_hash_table_insert (pending_of, p->item, p);
    }

  for (guint i = 0; i < l->pending->len; i++)
    {
      SilkItem *root = ((Pending *) l->pending->pdata[i])->item;
      guint zero = 0;

      if (silk_item_get_kind (root) != SILK_ITEM_SOURCE
          || g_hash_table_contains (state, root))
        continue;

      g_hash_table_insert (state, root, GUINT_TO_POINTER (ON_STACK));
      g_array_append_val (stack, root);
      g_array_append_val (next, zero);

      while (stack->len > 0)
        {
          SilkItem *item = g_array_index (stack, SilkItem *, stack->len - 1);
          guint *child = &g_array_index (next, guint, next->len - 1);
          GPtrArray *sources = silk_item_get_sources (item);
          SilkItem *cited;
          guint cited_state;

          if (*child >= sources->len)
            {
              g_hash_table_insert (state, item, GUINT_TO_POINTER (DONE));
              g_array_set_size (stack, stack->len - 1);
              g_array_set_size (next, next->len - 1);
              continue;
            }

          cited = sources->pdata[*child];
          cited_state = GPOINTER_TO_UINT (g_hash_table_lookup (state, cited));
          if (cited_state == ON_STACK)
            {
              Pending *p = g_hash_table_lookup (pending_of, item);
              LoadFile *m = l->manifest;

              m->depth = 0;
              push_member (m, p->array);
              push_index (m, p->index);
              if (cited == item)
                report_member (m, "sources", SILK_LOAD_ERROR_INVALID,
                               "source \"%s\" cites itself in \"sources\"",
                               silk_item_get_id (item));
              else
                report_member (m, "sources", SILK_LOAD_ERROR_INVALID,
                               "source \"%s\" cites \"%s\", which cites it back through "
                               "\"sources\"; citations may not go round in a circle",
                               silk_item_get_id (item), silk_item_get_id (cited));
              g_ptr_array_remove_index (sources, *child);
              continue;
            }

          (*child)++;
          if (cited_state == 0)
            {
              g_hash_table_insert (state, cited, GUINT_TO_POINTER (ON_STACK));
              g_array_append_val (stack, cited);
              g_array_append_val (next, zero);
            }
        }
    }
}

static void
attach_routes (Loader *l)
{
  if (l->route_order == NULL)
    return;

  for (guint i = 0; i < l->route_order->len && !loader_full (l); i++)
    {
      FeatureRecord *record = l->route_order->pdata[i];
      SilkProject *project;
      IdEntry *entry;

      if (record->id == NULL)
        continue;

      entry = g_hash_table_lookup (l->ids, record->id);
      if (entry == NULL || !SILK_IS_PROJECT (entry->item))
        {
          g_autofree char *known = known_ids (l, KIND_BIT (SILK_ITEM_PROJECT));
          g_autofree char *is = entry != NULL ? kind_with_article (silk_item_get_kind (entry->item))
                                              : NULL;
          g_autofree char *message =
            entry != NULL
            ? g_strdup_printf ("route \"%s\" names %s, not a project: a route's \"id\" is the id "
                               "of the project it draws", record->id, is)
            : g_strdup_printf ("route \"%s\" matches no project (known: %s)", record->id, known);

          report_at_record (record, NULL, message);
          continue;
        }

      project = SILK_PROJECT (entry->item);
      if (record->mode >= 0 && (SilkMode) record->mode != silk_project_get_mode (project))
        {
          g_autofree char *message =
            g_strdup_printf ("\"mode\" is \"%s\" here, but project \"%s\" has mode \"%s\" in "
                             "the manifest", mode_names[record->mode], record->id,
                             silk_mode_to_string (silk_project_get_mode (project)));

          report_at_record (record, "mode", message);
        }

      if (record->geometry != NULL)
        silk_project_set_route (project, record->geometry, record->approximate);
    }
}

static void
check_feature_references (Loader *l)
{
  guint country = KIND_BIT (SILK_ITEM_COUNTRY);

  for (guint i = 0; l->place_order != NULL && i < l->place_order->len; i++)
    {
      FeatureRecord *record = l->place_order->pdata[i];

      if (record->country != NULL)
        check_record_reference (l, record, "country", -1, record->country, country);
    }

  for (guint level = 0; level < l->border_levels->len; level++)
    {
      GPtrArray *records = l->border_levels->pdata[level];

      for (guint i = 0; records != NULL && i < records->len && !loader_full (l); i++)
        {
          FeatureRecord *record = records->pdata[i];

          for (guint j = 0; record->countries != NULL && record->countries[j] != NULL; j++)
            check_record_reference (l, record, "countries", j, record->countries[j], country);
        }
    }
}

static void
read_manifest (Loader *l)
{
  LoadFile *m = l->manifest;
  Obj o = { m, NULL, "the atlas manifest" };
  g_autoptr(SilkText) title = NULL;
  g_autoptr(SilkText) description = NULL;
  JsonNode *version;
  const char *language;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (m->root))
    {
      report (m, SILK_LOAD_ERROR_INVALID,
              "an atlas manifest must be a JSON object, not %s", node_kind_name (m->root));
      return;
    }

  o.object = json_node_get_object (m->root);

  /* Without the version member this is most likely some other JSON file (a GeoJSON
   * file opened by mistake): one clear message beats a page of missing members. */
  version = json_object_get_member (o.object, "silk-atlas");
  if (version == NULL)
    {
      report (m, SILK_LOAD_ERROR_INVALID,
              "this is not a Silk Atlas manifest: it lacks the member \"silk-atlas\" (the "
              "format version, 1)");
      return;
    }

  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      report_member (m, "silk-atlas", SILK_LOAD_ERROR_INVALID,
                     "\"silk-atlas\" must be the format version, the integer 1, not %s",
                     node_kind_name (version));
      return;
    }

  if (json_node_get_int (version) != 1)
    {
      report_member (m, "silk-atlas", SILK_LOAD_ERROR_INVALID,
                     "this atlas is in format version %" G_GINT64_FORMAT "; this version of "
                     "Silk Atlas reads version 1", json_node_get_int (version));
      return;
    }

  check_members (&o, manifest_members);

  if (get_string (&o, "language", FALSE, &language) && language != NULL)
    {
      if (is_language_code (language))
        {
          g_free (l->language);
          l->language = g_strdup (language);
        }
      else
        report_member (m, "language", SILK_LOAD_ERROR_INVALID,
                       "\"language\" must be a language code such as en, ru or zh_CN, not "
                       "\"%.32s\"", language);
    }
  silk_document_set_language (l->document, l->language);

  if (get_id (&o, "id", TRUE, &id) && id != NULL)
    silk_document_set_id (l->document, id);
  if (get_text (&o, "title", TRUE, &title))
    silk_document_set_title (l->document, title);
  if (get_text (&o, "description", FALSE, &description) && description != NULL)
    silk_document_set_description (l->document, description);

  read_geometry_section (l, &o);
  if (l->fatal != NULL)
    return;

  read_item_array (l, &o, "sources", SILK_ITEM_SOURCE, TRUE);
  read_item_array (l, &o, "countries", SILK_ITEM_COUNTRY, TRUE);
  read_item_array (l, &o, "places", SILK_ITEM_PLACE, FALSE);
  read_item_array (l, &o, "projects", SILK_ITEM_PROJECT, FALSE);
  read_item_array (l, &o, "figures", SILK_ITEM_FIGURE, FALSE);
  read_item_array (l, &o, "events", SILK_ITEM_EVENT, FALSE);
  read_item_array (l, &o, "notes", SILK_ITEM_NOTE, FALSE);

  add_neighbours (l);
  add_feature_places (l);

  for (guint i = 0; i < l->pending->len && !loader_full (l); i++)
    resolve_pending (l, l->pending->pdata[i]);
  check_source_cycles (l);
  set_parents (l);

  attach_routes (l);
  check_feature_references (l);
}

static SilkFeature *
feature_from_record (FeatureRecord *record,
                     const char    *kind)
{
  SilkFeature *feature = silk_feature_new (record->id, record->name, kind, record->geometry);

  feature->countries = g_strdupv (record->countries);
  return feature;
}

static SilkDocument *
finish (Loader  *l,
        GError **error)
{
  if (l->fatal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&l->fatal));
      return NULL;
    }

  if (l->n_found > 0)
    {
      g_set_error_literal (error, SILK_LOAD_ERROR, l->code, l->problems->str);
      return NULL;
    }

  for (guint level = 0; level < l->border_levels->len; level++)
    {
      GPtrArray *records = l->border_levels->pdata[level];

      for (guint i = 0; records != NULL && i < records->len; i++)
        {
          FeatureRecord *record = records->pdata[i];

          silk_document_add_border (l->document, level,
                                    feature_from_record (record, border_kind_names[record->kind]));
        }
    }

  for (guint i = 0; l->lakes != NULL && i < l->lakes->len; i++)
    {
      FeatureRecord *record = l->lakes->pdata[i];

      silk_document_add_lake (l->document,
                              feature_from_record (record, lake_kind_names[MAX (record->kind, 0)]));
    }

  for (guint i = 0; l->rivers != NULL && i < l->rivers->len; i++)
    silk_document_add_river (l->document, feature_from_record (l->rivers->pdata[i], "river"));

  silk_document_finish (l->document);
  return g_steal_pointer (&l->document);
}

static void
id_entry_free (gpointer data)
{
  g_free (data);
}

SilkDocument *
silk_loader_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return silk_loader_load_full (file, SILK_LOAD_FLAGS_NONE, cancellable, error);
}

SilkDocument *
silk_loader_load_full (GFile         *file,
                       SilkLoadFlags  flags,
                       GCancellable  *cancellable,
                       GError       **error)
{
  Loader l = { 0, };
  SilkDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  l.defer_finest = (flags & SILK_LOAD_DEFER_FINEST) != 0;
  l.one_thread = (flags & SILK_LOAD_ONE_THREAD) != 0;
  l.cancellable = cancellable;
  l.files = g_ptr_array_new_with_free_func ((GDestroyNotify) load_file_free);
  l.problems = g_string_new (NULL);
  l.language = g_strdup ("en");
  l.document = silk_document_new (file);
  l.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, id_entry_free);
  l.pending = g_ptr_array_new_with_free_func (g_free);
  l.records = g_ptr_array_new_with_free_func ((GDestroyNotify) feature_record_free);
  l.country_features = g_hash_table_new (g_str_hash, g_str_equal);
  l.country_levels = g_ptr_array_new_with_free_func (hash_table_unref_nullable);
  l.border_levels = g_ptr_array_new_with_free_func (ptr_array_unref_nullable);
  l.place_features = g_hash_table_new (g_str_hash, g_str_equal);
  l.parents = g_hash_table_new (NULL, NULL);
  g_mutex_init (&l.ahead_mutex);
  g_cond_init (&l.ahead_cond);

  l.manifest = load_file (&l, file, NULL, NULL, FALSE, FALSE);
  if (l.manifest != NULL)
    read_manifest (&l);

  document = finish (&l, error);
  if (document != NULL && (l.deferred_countries || l.deferred_borders))
    silk_document_defer_finest (document, l.deferred_countries, l.deferred_borders);

  stop_reading_ahead (&l);
  g_cond_clear (&l.ahead_cond);
  g_mutex_clear (&l.ahead_mutex);
  g_clear_error (&l.fatal);
  g_clear_object (&l.document);
  g_hash_table_unref (l.parents);
  g_hash_table_unref (l.place_features);
  g_clear_pointer (&l.place_order, g_ptr_array_unref);
  g_clear_pointer (&l.route_order, g_ptr_array_unref);
  g_clear_pointer (&l.lakes, g_ptr_array_unref);
  g_clear_pointer (&l.rivers, g_ptr_array_unref);
  g_ptr_array_unref (l.border_levels);
  g_ptr_array_unref (l.country_levels);
  g_clear_pointer (&l.country_order, g_ptr_array_unref);
  g_hash_table_unref (l.country_features);
  g_ptr_array_unref (l.pending);
  g_hash_table_unref (l.ids);
  g_ptr_array_unref (l.records);
  g_ptr_array_unref (l.files);
  g_string_free (l.problems, TRUE);
  g_free (l.language);

  return document;
}
