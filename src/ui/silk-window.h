/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-document.h"
#include "silk-selection.h"

G_BEGIN_DECLS

#define SILK_TYPE_WINDOW (silk_window_get_type ())

G_DECLARE_FINAL_TYPE (SilkWindow, silk_window, SILK, WINDOW, AdwApplicationWindow)

/* Opens @file, or the bundled atlas when @file is NULL, and selects @select
 * ("KIND:ID") if given. When @file cannot be loaded, the window keeps (or falls back
 * to) an atlas that loads and tells the user what was wrong. */
void           silk_window_open          (SilkWindow   *self,
                                          GFile        *file,
                                          const char   *select);
/* Replaces the atlas shown; FALSE, with @error set and nothing changed, if @file
 * is not a valid atlas. */
gboolean       silk_window_load          (SilkWindow   *self,
                                          GFile        *file,
                                          GError      **error);
SilkDocument  *silk_window_get_document  (SilkWindow   *self);
SilkSelection *silk_window_get_selection (SilkWindow   *self);

/* Restores the window's state from @settings (the application's schema): size,
 * sidebar, layer switches, and (unless something is selected already) the last
 * selection and view. The layer switches follow @settings from then on; the rest
 * is written back by silk_window_save_state(), which closing the window calls. */
void           silk_window_use_settings  (SilkWindow   *self,
                                          GSettings    *settings);
void           silk_window_save_state    (SilkWindow   *self);

G_END_DECLS
