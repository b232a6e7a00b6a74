/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-map-view.h"

G_BEGIN_DECLS

/* For tests: GTK offers no public way to synthesize pointer events, so these run
 * the same handlers the widget's gesture controllers call, with widget
 * coordinates. */
void      silk_map_view_test_drag           (SilkMapView *self,
                                             double       start_x,
                                             double       start_y,
                                             double       offset_x,
                                             double       offset_y);
void      silk_map_view_test_click          (SilkMapView *self,
                                             double       x,
                                             double       y);
void      silk_map_view_test_motion         (SilkMapView *self,
                                             double       x,
                                             double       y);
SilkItem *silk_map_view_get_hover           (SilkMapView *self);
/* Base renders started since the widget was created: hover and selection changes
 * must not add to it. */
guint     silk_map_view_get_n_base_renders  (SilkMapView *self);
/* Whether the map is drawn: a frame before that shows the water colour only. */
gboolean  silk_map_view_has_base            (SilkMapView *self);
/* The margin around the view that the drawn map covers, in logical pixels: none for
 * a document's first map. */
int       silk_map_view_get_base_margin     (SilkMapView *self);
/* Times the scale bar and attribution were drawn: not every frame, only when they
 * change. */
guint     silk_map_view_get_n_chrome_draws  (SilkMapView *self);
/* TRUE while a base render runs or waits to run, an animation plays, or the pick
 * index is being built. */
gboolean  silk_map_view_is_busy             (SilkMapView *self);

G_END_DECLS
