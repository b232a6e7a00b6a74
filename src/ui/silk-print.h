/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "silk-map-data.h"
#include "silk-renderer.h"

G_BEGIN_DECLS

/* Draws the printed page: the atlas' title, the map with its legend and scale
 * bar, the details of @selected (or of the region as a whole) with their figures,
 * and the sources and attribution. @width and @height are the printable area in
 * points; cairo's unit must be the point. Needs no display. */
void                    silk_print_draw_page (cairo_t                 *cr,
                                              double                   width,
                                              double                   height,
                                              SilkMapData             *data,
                                              SilkItem                *selected,
                                              SilkLayers               layers);

/* Prints that page, one page, through GtkPrintOperation: with the print dialog
 * (which previews it) for GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, straight to
 * @export_filename as PDF for GTK_PRINT_OPERATION_ACTION_EXPORT. The dialog runs
 * asynchronously; errors it meets are shown to the user. */
GtkPrintOperationResult silk_print_run       (GtkWindow               *parent,
                                              SilkMapData             *data,
                                              SilkItem                *selected,
                                              SilkLayers               layers,
                                              GtkPrintOperationAction  action,
                                              const char              *export_filename,
                                              GError                 **error);

G_END_DECLS
