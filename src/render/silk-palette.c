/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "silk-palette.h"

#include <math.h>

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* Tints follow the soft, equal-lightness hues of printed political atlases: each
 * member distinct from every neighbour it borders, none close to the water blue, and
 * the routes (dark railway, red highway) readable over all of them. */
static const SilkPalette light = {
  .dark = FALSE,
  .water = RGB (0xa9cde6),
  .coast = RGB (0x6f9fc2),
  .river = RGB (0x7fb0d6),
  .water_label = RGB (0x2f6a98),
  .tints = {
    RGB (0xf6d08b), /* amber */
    RGB (0xf2e9a6), /* straw */
    RGB (0xc6e0a8), /* sage */
    RGB (0xf3c0b4), /* coral */
    RGB (0xd8c9e8), /* lilac */
    RGB (0xb5ddcb), /* mint */
  },
  .neighbour = RGB (0xeceae4),
  .border = RGB (0x6d5a7a),
  .border_muted = RGB (0xaba59c),
  .railway = RGB (0x2b2b33),
  .highway = RGB (0xd7402f),
  .highway_casing = RGB (0x7c1d14),
  .highway_text = RGB (0x8c2418),
  .route_halo = RGBA (0xffffff, 0.85),
  .endpoint = RGB (0xffffff),
  .text = RGB (0x26242b),
  .text_muted = RGB (0x7d7870),
  .halo = RGBA (0xffffff, 0.9),
  .capital = RGB (0xb3261e),
  .place = RGB (0x3a3640),
  .veil = RGBA (0xffffff, 0.42),
  .selection = RGB (0x1c4f9c),
  .hover = RGBA (0x1c4f9c, 0.85),
  .panel = RGBA (0xffffff, 0.88),
  .panel_border = RGBA (0x000000, 0.18),
};

static const SilkPalette dark = {
  .dark = TRUE,
  .water = RGB (0x1b2f42),
  .coast = RGB (0x3f6788),
  .river = RGB (0x3e6a90),
  .water_label = RGB (0x86b3d9),
  .tints = {
    RGB (0x7d6332), /* amber */
    RGB (0x6e6a3c), /* straw */
    RGB (0x4c6640), /* sage */
    RGB (0x7a4d45), /* coral */
    RGB (0x5c4f72), /* lilac */
    RGB (0x3d6658), /* mint */
  },
  .neighbour = RGB (0x34363b),
  .border = RGB (0xc9b8d6),
  .border_muted = RGB (0x6a6760),
  .railway = RGB (0xe9e6dc),
  .highway = RGB (0xff7a5c),
  .highway_casing = RGB (0x3b0f08),
  .highway_text = RGB (0xff9c85),
  .route_halo = RGBA (0x000000, 0.6),
  .endpoint = RGB (0x1e1e22),
  .text = RGB (0xf1efe9),
  .text_muted = RGB (0xa29d94),
  .halo = RGBA (0x111114, 0.85),
  .capital = RGB (0xff8a7a),
  .place = RGB (0xe2dfd8),
  .veil = RGBA (0x000000, 0.42),
  .selection = RGB (0x8cc2ff),
  .hover = RGBA (0x8cc2ff, 0.9),
  .panel = RGBA (0x202024, 0.9),
  .panel_border = RGBA (0xffffff, 0.16),
};

const SilkPalette *
silk_palette_get (gboolean is_dark)
{
  return is_dark ? &dark : &light;
}

void
silk_color_set_source (cairo_t         *cr,
                       const SilkColor *color)
{
  if (color->alpha >= 1.0)
    cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  else
    cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

guint32
silk_color_to_argb32 (const SilkColor *color)
{
  guint32 a = (guint32) lround (color->alpha * 255);
  guint32 r = (guint32) lround (color->red * color->alpha * 255);
  guint32 g = (guint32) lround (color->green * color->alpha * 255);
  guint32 b = (guint32) lround (color->blue * color->alpha * 255);

  return a << 24 | r << 16 | g << 8 | b;
}
