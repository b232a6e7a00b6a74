/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "silk-view.h"

#include <math.h>

void
silk_view_init (SilkView *view,
                int       width,
                int       height,
                double    device_scale)
{
  g_return_if_fail (view != NULL);

  view->center_x = 0;
  view->center_y = 0;
  view->scale = 1;
  view->width = MAX (width, 1);
  view->height = MAX (height, 1);
  view->device_scale = device_scale > 0 ? device_scale : 1;
}

void
silk_view_to_screen (const SilkView *view,
                     double          x,
                     double          y,
                     double         *sx,
                     double         *sy)
{
  *sx = (x - view->center_x) * view->scale + view->width / 2.0;
  *sy = view->height / 2.0 - (y - view->center_y) * view->scale;
}

void
silk_view_from_screen (const SilkView *view,
                       double          sx,
                       double          sy,
                       double         *x,
                       double         *y)
{
  *x = view->center_x + (sx - view->width / 2.0) / view->scale;
  *y = view->center_y - (sy - view->height / 2.0) / view->scale;
}

void
silk_view_get_bounds (const SilkView *view,
                      SilkBounds     *bounds)
{
  double half_w = view->width / 2.0 / view->scale;
  double half_h = view->height / 2.0 / view->scale;

  bounds->min_x = view->center_x - half_w;
  bounds->max_x = view->center_x + half_w;
  bounds->min_y = view->center_y - half_h;
  bounds->max_y = view->center_y + half_h;
}

void
silk_view_fit (SilkView         *view,
               const SilkBounds *bounds,
               double            padding)
{
  double w, h, avail_w, avail_h;

  g_return_if_fail (view != NULL);
  g_return_if_fail (bounds != NULL && !silk_bounds_is_empty (bounds));

  w = MAX (bounds->max_x - bounds->min_x, 1e-3);
  h = MAX (bounds->max_y - bounds->min_y, 1e-3);
  avail_w = MAX (view->width - 2 * padding, view->width * 0.25);
  avail_h = MAX (view->height - 2 * padding, view->height * 0.25);

  view->center_x = (bounds->min_x + bounds->max_x) / 2;
  view->center_y = (bounds->min_y + bounds->max_y) / 2;
  view->scale = MIN (avail_w / w, avail_h / h);
}

void
silk_view_zoom_at (SilkView *view,
                   double    factor,
                   double    sx,
                   double    sy)
{
  double x, y;

  g_return_if_fail (view != NULL);
  g_return_if_fail (factor > 0);

  silk_view_from_screen (view, sx, sy, &x, &y);
  view->scale *= factor;
  /* Put (x, y) back under (sx, sy). */
  view->center_x = x - (sx - view->width / 2.0) / view->scale;
  view->center_y = y + (sy - view->height / 2.0) / view->scale;
}

void
silk_view_pan (SilkView *view,
               double    dx,
               double    dy)
{
  g_return_if_fail (view != NULL);

  view->center_x -= dx / view->scale;
  view->center_y += dy / view->scale;
}

gboolean
silk_view_equal (const SilkView *a,
                 const SilkView *b)
{
  return a->center_x == b->center_x && a->center_y == b->center_y
         && a->scale == b->scale && a->width == b->width && a->height == b->height
         && a->device_scale == b->device_scale;
}
