/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-document.h"

G_BEGIN_DECLS

#define SILK_TYPE_SEARCH_POPOVER (silk_search_popover_get_type ())

/* Search as you type over the atlas' countries, places, projects, events and
 * figures, by name in any language of the atlas or by id. Results are rows with a
 * kind icon; Enter picks the first, a click or Enter on a row picks that one, through
 * win.select-item. Before anything is typed it says what can be searched; when
 * nothing matches it says so. */
G_DECLARE_FINAL_TYPE (SilkSearchPopover, silk_search_popover, SILK, SEARCH_POPOVER, GtkPopover)

GtkWidget  *silk_search_popover_new           (void);
void        silk_search_popover_set_document  (SilkSearchPopover *self,
                                               SilkDocument      *document);
/* Sets the entry's text and shows its results at once, without the typing delay. */
void        silk_search_popover_search        (SilkSearchPopover *self,
                                               const char        *text);
/* Picks the first result as Enter does; FALSE if there is none. */
gboolean    silk_search_popover_activate_first (SilkSearchPopover *self);
guint       silk_search_popover_get_n_results (SilkSearchPopover *self);
SilkItem   *silk_search_popover_get_result    (SilkSearchPopover *self,
                                               guint              index);
/* What the popover shows: "hint", "results" or "no-results". */
const char *silk_search_popover_get_state     (SilkSearchPopover *self);

G_END_DECLS
