/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-document.h"

G_BEGIN_DECLS

/* The command line's work that needs no display. Each returns the process' exit
 * status and prints to stdout (results) and stderr (problems). */

/* @kind: countries, places, projects, figures, events, sources or notes. */
int silk_cli_list     (SilkDocument *document,
                       const char   *kind);
int silk_cli_validate (GFile        *file);

/* Parses "KIND:ID" (country:KZ, project:cku-railway, place:kashgar) against
 * @document. */
SilkItem *silk_cli_parse_select (SilkDocument *document,
                                 const char   *select,
                                 GError      **error);

G_END_DECLS
