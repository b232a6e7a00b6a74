/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A scanner over the raw bytes of a JSON file. json-glib gives a parsed tree no
 * positions, so the loader keeps the path of the value it is checking and, only when
 * it has a problem to report, asks this scanner where that value begins. */

/* One step of a path from the root: a member of an object, or (member == NULL) the
 * element @index of an array. */
typedef struct
{
  const char *member;
  guint index;
} SilkJsonStep;

/* Checks that @data is one strict JSON text (RFC 8259) in UTF-8, nesting at most
 * @max_depth arrays and objects, with no duplicate member names and integers that
 * fit in 64 bits. This runs before json-glib parses the text: json-glib accepts
 * comments, single quotes, hexadecimal and leading zeros, reports the end of the
 * token it choked on rather than its start, and recurses once per nesting level.
 * On failure, sets @error (SILK_LOAD_ERROR, message without position) and
 * @error_offset to the byte where the problem begins. */
gboolean silk_json_check        (const char          *data,
                                 gsize                length,
                                 guint                max_depth,
                                 gsize               *error_offset,
                                 GError             **error);

/* Finds the byte offset where the value at @path begins in @data, which must have
 * passed silk_json_check(). With @want_key and a path ending in a member, gives
 * the offset of that member's name instead. Returns FALSE if no value is there. */
gboolean silk_json_locate       (const char          *data,
                                 gsize                length,
                                 const SilkJsonStep  *path,
                                 guint                n_steps,
                                 gboolean             want_key,
                                 gsize               *offset);

/* The steps of silk_json_locate() from the value that begins at @offset, so that a
 * caller can resume from a value it found before. @offsets (may be NULL) receives
 * where the value after each step begins; the last one is the result. */
gboolean silk_json_follow       (const char          *data,
                                 gsize                length,
                                 gsize                offset,
                                 const SilkJsonStep  *path,
                                 guint                n_steps,
                                 gboolean             want_key,
                                 gsize               *offsets);

/* Moves @offset from an array element to the one @n elements further on. */
gboolean silk_json_skip_elements (const char         *data,
                                  gsize               length,
                                  gsize              *offset,
                                  guint               n);

/* 1-based line and column of the byte at @offset. Columns count characters, not
 * bytes, as text editors do; @data must be valid UTF-8 up to @offset. */
void     silk_json_get_position (const char          *data,
                                 gsize                length,
                                 gsize                offset,
                                 guint               *line,
                                 guint               *column);

/* The same, counting on from a position already known: @from_offset is at
 * @from_line, @from_column and not after @offset. */
void     silk_json_get_position_from (const char     *data,
                                      gsize           length,
                                      gsize           from_offset,
                                      guint           from_line,
                                      guint           from_column,
                                      gsize           offset,
                                      guint          *line,
                                      guint          *column);

G_END_DECLS
