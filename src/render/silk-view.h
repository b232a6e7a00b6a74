/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-geometry.h"

G_BEGIN_DECLS

/* What part of the projected plane is drawn, and how big. Screen coordinates are
 * logical pixels, x right and y down, (0, 0) at the top left; projected coordinates
 * are kilometres, y north. */
typedef struct
{
  double center_x;      /* projected kilometres */
  double center_y;
  double scale;         /* logical pixels per kilometre */
  int width;            /* logical pixels */
  int height;
  double device_scale;  /* device pixels per logical pixel (HiDPI factor) */
} SilkView;

void     silk_view_init         (SilkView         *view,
                                 int               width,
                                 int               height,
                                 double            device_scale);
void     silk_view_to_screen    (const SilkView   *view,
                                 double            x,
                                 double            y,
                                 double           *sx,
                                 double           *sy);
void     silk_view_from_screen  (const SilkView   *view,
                                 double            sx,
                                 double            sy,
                                 double           *x,
                                 double           *y);
/* The projected rectangle the view shows. */
void     silk_view_get_bounds   (const SilkView   *view,
                                 SilkBounds       *bounds);
/* Centres @bounds and scales it to fill the view less @padding logical pixels on
 * each side. */
void     silk_view_fit          (SilkView         *view,
                                 const SilkBounds *bounds,
                                 double            padding);
/* Multiplies the scale by @factor keeping the point under (@sx, @sy) in place. */
void     silk_view_zoom_at      (SilkView         *view,
                                 double            factor,
                                 double            sx,
                                 double            sy);
/* Moves the content by (@dx, @dy) logical pixels. */
void     silk_view_pan          (SilkView         *view,
                                 double            dx,
                                 double            dy);
gboolean silk_view_equal        (const SilkView   *a,
                                 const SilkView   *b);

G_END_DECLS
