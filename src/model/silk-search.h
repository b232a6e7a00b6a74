/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-document.h"

G_BEGIN_DECLS

/* The form both a query and the searched text are compared in: case folded, accents
 * and other combining marks dropped, and every run of spaces and punctuation (dashes,
 * hyphens, quotes, underscores) made one space, so "china-kyrgyz" finds
 * "China–Kyrgyzstan" and "cku railway" finds the id "cku-railway". */
char      *silk_search_normalize (const char   *text);

/* The countries, places, projects, events and figures of @document whose name (in
 * any language the atlas has it in) or id contains every word of @query, best match
 * first: an id or a name equal to the query, then names that start with it, then
 * names with a word that starts with each query word, then the rest; within one
 * rank, countries before projects, places, events and figures, each in atlas order.
 * At most @max_results. An empty or blank query matches nothing. Returns an array of
 * SilkItem*, with references. */
GPtrArray *silk_search_items     (SilkDocument *document,
                                  const char   *query,
                                  guint         max_results);

G_END_DECLS
