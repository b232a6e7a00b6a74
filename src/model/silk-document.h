/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "silk-country.h"
#include "silk-event.h"
#include "silk-feature.h"
#include "silk-figure.h"
#include "silk-item.h"
#include "silk-note.h"
#include "silk-place.h"
#include "silk-project.h"
#include "silk-source.h"

G_BEGIN_DECLS

#define SILK_LOAD_ERROR (silk_load_error_quark ())

typedef enum
{
  SILK_LOAD_ERROR_IO,      /* missing, unreadable, a directory, ... */
  SILK_LOAD_ERROR_SYNTAX,  /* not JSON, not UTF-8, truncated */
  SILK_LOAD_ERROR_INVALID, /* JSON, but not a valid atlas */
  SILK_LOAD_ERROR_LIMIT,   /* over a size, nesting or vertex limit */
} SilkLoadError;

/* Limits a loaded file must respect; see docs/atlas-format.md. */
#define SILK_LOAD_MAX_FILE_SIZE     (64 * 1024 * 1024)
#define SILK_LOAD_MAX_DEPTH         64
#define SILK_LOAD_MAX_POSITIONS     1000000
/* Checking that an outer ring does not cross itself costs, per edge, the number of
 * its edges that cross the same meridian; the 1:10m outlines have at most 56. */
#define SILK_LOAD_MAX_EDGES_PER_MERIDIAN 1000
/* Each simplified level is held in memory in full; the bundled atlas has 2. */
#define SILK_LOAD_MAX_SIMPLIFIED    8
/* All geometry files together: 160 MB as points before the map projects them; the
 * bundled atlas has 285,000, the whole world at 1:10m about 1.5 million. */
#define SILK_LOAD_MAX_TOTAL_POSITIONS 10000000
/* Characters in one string or translation: names are laid out on every frame of the
 * map; the longest text of the bundled atlas has 600. */
#define SILK_LOAD_MAX_TEXT_LENGTH   10000
/* At most this many problems are reported for one atlas. */
#define SILK_LOAD_MAX_PROBLEMS      50

#define SILK_BUNDLED_ATLAS_URI "resource:///io/github/silkatlas/SilkAtlas/atlas/atlas.json"

#define SILK_TYPE_DOCUMENT (silk_document_get_type ())

/* A loaded atlas. Immutable once loaded: to change it, load another. */
G_DECLARE_FINAL_TYPE (SilkDocument, silk_document, SILK, DOCUMENT, GObject)

GQuark        silk_load_error_quark              (void);

/* Loads and checks an atlas manifest and its GeoJSON files. On failure, returns NULL
 * and sets @error; its message holds one "FILE:LINE:COLUMN: message" line per problem
 * (at most SILK_LOAD_MAX_PROBLEMS). */
SilkDocument *silk_document_load                 (GFile        *file,
                                                  GCancellable *cancellable,
                                                  GError      **error);
SilkDocument *silk_document_load_bundled         (GError      **error);
/* Starts reading the bundled atlas on a thread of its own, on that thread alone; the
 * next silk_document_load_bundled() returns what it read, waiting for it if it has
 * not finished. For a program that will need the atlas once its other work is done. */
void          silk_document_preload_bundled      (void);

GFile        *silk_document_get_file             (SilkDocument *self);
const char   *silk_document_get_id               (SilkDocument *self);
const char   *silk_document_get_title            (SilkDocument *self);
const char   *silk_document_get_description      (SilkDocument *self);
/* The language plain strings of the atlas are written in. */
const char   *silk_document_get_language         (SilkDocument *self);

/* Any item by id (members, neighbours, places, projects, ...), or NULL. */
SilkItem     *silk_document_lookup               (SilkDocument *self,
                                                  const char   *id);
/* A GListModel of the items of @kind in the order of the atlas file. For countries:
 * the members only. */
GListModel   *silk_document_get_items            (SilkDocument *self,
                                                  SilkItemKind  kind);
/* Array of SilkCountry* that are not members: context on the map. */
GPtrArray    *silk_document_get_neighbours       (SilkDocument *self);
/* Items (figures, events, notes, projects) that concern @item, in file order. */
GPtrArray    *silk_document_get_related          (SilkDocument *self,
                                                  SilkItem     *item,
                                                  SilkItemKind  kind);

/* Number of geometry detail levels (≥ 1); level 0 is the finest. */
guint         silk_document_get_n_detail_levels  (SilkDocument *self);
/* silk_document_load_bundled() leaves the finest countries and borders (3.5 MB of
 * GeoJSON that a whole-region view never draws) to be read when something first
 * asks for level 0: that call then blocks while they load, and any other thread
 * asking meanwhile waits for the same load. silk_document_ensure_finest() loads
 * them ahead of need, on a worker thread for instance; has_finest() says whether
 * that has happened. A document from silk_document_load() has every level. */
gboolean      silk_document_has_finest           (SilkDocument *self);
void          silk_document_ensure_finest        (SilkDocument *self);
/* Arrays of SilkFeature*; never NULL, possibly empty. */
GPtrArray    *silk_document_get_borders          (SilkDocument *self,
                                                  guint         level);
GPtrArray    *silk_document_get_lakes            (SilkDocument *self);
GPtrArray    *silk_document_get_rivers           (SilkDocument *self);
/* Bounds of all member and neighbour countries, in degrees. */
const SilkBounds *silk_document_get_bounds       (SilkDocument *self);

G_END_DECLS
