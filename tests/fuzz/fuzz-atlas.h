/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the atlas harnesses share: a temporary atlas folder made once per process,
 * holding copies of the test atlas' GeoJSON files, into which each input is written
 * before the loader reads it. Writing a file costs microseconds on tmpfs (the fuzz
 * script points TMPDIR there) and leaves the loader exactly as the application
 * uses it. */

#include "silk-document.h"

G_BEGIN_DECLS

/* Makes the folder, with geo/ holding every GeoJSON file of the test atlas
 * (SILK_FUZZ_ATLAS_DIR), removed at exit; returns its path. */
const char *fuzz_make_folder      (void);
/* Writes @length bytes of @data to @path, or aborts. */
void        fuzz_write            (const char   *path,
                                   const char   *data,
                                   gsize         length);
/* The content of a file of the test atlas, by its path relative to it. */
char       *fuzz_read_fixture     (const char   *relative,
                                   gsize        *length);
/* Walks what a user of a loaded atlas reaches. */
void        fuzz_walk_document    (SilkDocument *document);
/* Checks what a load returned and frees it: a document and no error, walked; or
 * no document and a load error whose message is UTF-8, at most the promised
 * number of lines, each "FILE…: message". Aborts otherwise. */
void        fuzz_check_load       (SilkDocument *document,
                                   GError       *error);

G_END_DECLS
