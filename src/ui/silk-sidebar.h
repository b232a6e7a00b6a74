/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-document.h"
#include "silk-selection.h"

G_BEGIN_DECLS

#define SILK_TYPE_SIDEBAR (silk_sidebar_get_type ())

/* The pages beside the map, one at a time: the overview when nothing is selected,
 * else the page of the selected country, project or place. It follows the
 * selection; its back button (and Escape, through win.go-back) clears it. */
G_DECLARE_FINAL_TYPE (SilkSidebar, silk_sidebar, SILK, SIDEBAR, AdwBin)

void        silk_sidebar_set_document   (SilkSidebar   *self,
                                         SilkDocument  *document);
void        silk_sidebar_set_selection  (SilkSidebar   *self,
                                         SilkSelection *selection);
/* "overview", "country", "project" or "place". */
const char *silk_sidebar_get_page_name  (SilkSidebar   *self);
/* The visible page, whole: the overview adds what it had left for after the first
 * frame. */
GtkWidget  *silk_sidebar_get_page       (SilkSidebar   *self);
/* FALSE while the visible page still builds what it left for after the first
 * frame. */
gboolean    silk_sidebar_is_complete    (SilkSidebar   *self);
/* Scrolls the visible page to @item's card or row and focuses it; FALSE if the page
 * does not show it. */
gboolean    silk_sidebar_reveal_item    (SilkSidebar   *self,
                                         SilkItem      *item);

G_END_DECLS
