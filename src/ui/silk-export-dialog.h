/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-export.h"
#include "silk-view.h"

G_BEGIN_DECLS

#define SILK_TYPE_EXPORT_DIALOG (silk_export_dialog_get_type ())

/* "Export Map…": format, size (presets or custom), legend, current view or whole
 * region. "Export…" asks for a file and writes it off the main thread, atomically;
 * the dialog hides meanwhile and emits ::finished (file, error or NULL) when done,
 * then closes. */
G_DECLARE_FINAL_TYPE (SilkExportDialog, silk_export_dialog, SILK, EXPORT_DIALOG, AdwWindow)

typedef enum
{
  SILK_EXPORT_FORMAT_PNG,
  SILK_EXPORT_FORMAT_SVG,
  SILK_EXPORT_FORMAT_PDF,
} SilkExportFormat;

typedef enum
{
  SILK_EXPORT_EXTENT_VIEW,
  SILK_EXPORT_EXTENT_REGION,
} SilkExportExtent;

/* @view is what the window's map shows (the "current view" and the "window size"
 * preset), @layers its map layers; @selected is drawn emphasised. With @settings
 * (may be NULL), the dialog starts from the last choices and remembers the new. */
SilkExportDialog *silk_export_dialog_new           (GtkWindow        *parent,
                                                    SilkMapData      *data,
                                                    const SilkView   *view,
                                                    SilkItem         *selected,
                                                    SilkLayers        layers,
                                                    gboolean          dark,
                                                    GSettings        *settings);

/* What "Export…" does once a file is chosen: @file gets the chosen format's
 * extension if it has not, and is written in the background. */
void              silk_export_dialog_export_to     (SilkExportDialog *self,
                                                    GFile            *file);

/* The choices, as the widgets show them (for the tests to set and read). */
SilkExportFormat  silk_export_dialog_get_format    (SilkExportDialog *self);
void              silk_export_dialog_set_format    (SilkExportDialog *self,
                                                    SilkExportFormat  format);
void              silk_export_dialog_set_size      (SilkExportDialog *self,
                                                    int               width,
                                                    int               height);
void              silk_export_dialog_set_extent    (SilkExportDialog *self,
                                                    SilkExportExtent  extent);
void              silk_export_dialog_set_legend    (SilkExportDialog *self,
                                                    gboolean          legend);
/* The options "Export…" writes with; @extent receives the rectangle that
 * options->extent points to. */
void              silk_export_dialog_get_options   (SilkExportDialog  *self,
                                                    SilkExportOptions *options,
                                                    SilkBounds        *extent);

/* "png", "svg" or "pdf". */
const char       *silk_export_format_get_extension (SilkExportFormat  format);

G_END_DECLS
