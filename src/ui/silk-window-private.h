/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-export-dialog.h"
#include "silk-map-view.h"
#include "silk-search-popover.h"
#include "silk-sidebar.h"
#include "silk-timeline.h"
#include "silk-window.h"

G_BEGIN_DECLS

/* The parts of the window, for the widget tests to drive and observe. */
SilkSidebar       *silk_window_get_sidebar        (SilkWindow *self);
SilkTimeline      *silk_window_get_timeline       (SilkWindow *self);
SilkMapView       *silk_window_get_map_view       (SilkWindow *self);
SilkSearchPopover *silk_window_get_search_popover (SilkWindow *self);
/* What win.export does: opens the export dialog, returned for the tests to drive
 * (NULL without a map). */
SilkExportDialog  *silk_window_show_export_dialog (SilkWindow *self);

G_END_DECLS
