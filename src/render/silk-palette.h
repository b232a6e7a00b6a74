/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} SilkColor;

#define SILK_PALETTE_N_TINTS 6

/* The colours of the map. One light and one dark palette; the map widget follows
 * the system style, export takes --style. */
typedef struct
{
  gboolean dark;

  SilkColor water;            /* sea, Caspian, lakes: one blue */
  SilkColor coast;            /* the line where land meets water */
  SilkColor river;
  SilkColor water_label;

  SilkColor tints[SILK_PALETTE_N_TINTS]; /* the member countries */
  SilkColor neighbour;        /* muted land of the neighbours */
  SilkColor border;           /* a land border touching a member */
  SilkColor border_muted;     /* a land border between neighbours */

  SilkColor railway;          /* the dark line and cross-ties */
  SilkColor highway;
  SilkColor highway_casing;
  SilkColor highway_text;     /* a highway's name */
  SilkColor route_halo;       /* under every route so it reads over any tint */
  SilkColor endpoint;         /* fill of the project end point marker */

  SilkColor text;
  SilkColor text_muted;       /* neighbours' names */
  SilkColor halo;             /* behind every label */
  SilkColor capital;          /* capital marker */
  SilkColor place;            /* other places' dots */

  SilkColor veil;             /* laid over everything but the selection */
  SilkColor selection;        /* the selected item's outline */
  SilkColor hover;

  SilkColor panel;            /* legend background */
  SilkColor panel_border;
} SilkPalette;

const SilkPalette *silk_palette_get        (gboolean           dark);
void               silk_color_set_source   (cairo_t           *cr,
                                            const SilkColor   *color);
/* The colour as cairo stores it in an ARGB32 image: 0xAARRGGBB, premultiplied. */
guint32            silk_color_to_argb32    (const SilkColor   *color);

G_END_DECLS
