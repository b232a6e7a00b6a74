/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-document.h"

G_BEGIN_DECLS

/* Appends @field to @csv as one RFC 4180 field: quoted, with its quotes doubled,
 * when it holds a comma, a quote or a line break; as it is otherwise. NULL is an
 * empty field. */
void  silk_csv_append_field   (GString      *csv,
                               const char   *field);

/* The value of @figure as a spreadsheet can read it, independent of the locale:
 * "15.6", "80" for an exact value; ">100" for a lower bound; "~80" for a value the
 * source says was approached; "7-8" for a range. */
char *silk_csv_figure_value   (SilkFigure   *figure);

/* Every figure of @document, one per line in atlas order, as RFC 4180 CSV with a
 * header line and CRLF line ends. Columns: id, label (user's language), value (see
 * silk_csv_figure_value()), unit and qualifier (as written in atlas files),
 * period (ISO 8601, empty when the atlas gives none), source (the full citations,
 * separated by "; "). */
char *silk_csv_write_figures  (SilkDocument *document);

G_END_DECLS
