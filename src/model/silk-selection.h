/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-item.h"

G_BEGIN_DECLS

#define SILK_TYPE_SELECTION (silk_selection_get_type ())

/* The one selection of a window: the map, the sidebar, search and the timeline all
 * set it and all follow it. */
G_DECLARE_FINAL_TYPE (SilkSelection, silk_selection, SILK, SELECTION, GObject)

SilkSelection *silk_selection_new      (void);
/* Returns NULL when nothing is selected. */
SilkItem      *silk_selection_get_item (SilkSelection *self);
/* Notifies "item" only when the item really changes. */
void           silk_selection_set_item (SilkSelection *self,
                                        SilkItem      *item);
void           silk_selection_clear    (SilkSelection *self);

G_END_DECLS
