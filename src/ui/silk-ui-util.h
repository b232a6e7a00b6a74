/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-document.h"

G_BEGIN_DECLS

/* Pieces the sidebar pages, search and timeline share, so that one kind of item
 * looks and behaves the same wherever it is listed. */

const char *silk_ui_kind_icon_name        (SilkItemKind   kind);
/* The kind's icon, or for a project the icon of its mode (railway, highway,
 * tunnel). */
const char *silk_ui_item_icon_name        (SilkItem      *item);
/* "Country", "Project", ... in the user's language. */
const char *silk_ui_kind_label            (SilkItemKind   kind);

/* TRUE when @item concerns every member country: something about the region as a
 * whole rather than about one place. */
gboolean    silk_ui_is_regional           (SilkDocument  *document,
                                           SilkItem      *item);

/* What the window selects when a person picks @item: countries, places and projects
 * themselves; for events, figures and notes the first project they concern, else
 * their only country, else NULL (the region as a whole, or several countries
 * without one project between them, which the overview shows best). */
SilkItem   *silk_ui_selection_target      (SilkDocument  *document,
                                           SilkItem      *item);

/* "Xinhua, 29 December 2025": how a source is named on one short line. */
char       *silk_ui_source_short_name     (SilkSource    *source);

/* Appends the sources of @item to @sources (SilkSource*, no references), each
 * once. */
void        silk_ui_collect_sources       (GPtrArray     *sources,
                                           SilkItem      *item);

/* A copy of an array of items that holds its own references, to sort or filter
 * without touching the document's. */
GPtrArray  *silk_ui_copy_items            (GPtrArray     *items);

/* Orders an array of SilkEvent* by date, earliest first. */
void        silk_ui_sort_events           (GPtrArray     *events);

/* A new page of the sidebar, and groups on it. @title and @description may be
 * NULL. */
AdwPreferencesPage  *silk_ui_page_new     (void);
AdwPreferencesGroup *silk_ui_group_new    (AdwPreferencesPage *page,
                                           const char         *title,
                                           const char         *description);
/* The page's heading: the item's name, a line saying what it is, and its
 * description. */
void        silk_ui_add_heading           (AdwPreferencesPage *page,
                                           const char         *title,
                                           const char         *subtitle,
                                           const char         *description);
/* A row that selects @item (through win.select-item) when activated. */
GtkWidget  *silk_ui_item_row_new          (SilkItem      *item,
                                           const char    *subtitle);
/* A row that shows a text when expanded: for events and notes. */
GtkWidget  *silk_ui_text_row_new          (const char    *title,
                                           const char    *subtitle,
                                           const char    *text,
                                           GPtrArray     *sources);
/* A row with the event's date and title that shows its description when
 * expanded. */
GtkWidget  *silk_ui_event_row_new         (SilkEvent     *event);
/* A flat "Source: Xinhua, 29 December 2025" button that opens the source's full
 * citation in a popover. */
GtkWidget  *silk_ui_source_link_new       (SilkSource    *source);
/* A row naming a source that opens its full citation in a popover. */
GtkWidget  *silk_ui_source_row_new        (SilkSource    *source);
/* A group listing the sources of the items in @items (SilkItem*), each once. */
void        silk_ui_add_sources_group     (AdwPreferencesPage *page,
                                           GPtrArray          *items);
/* A plain sentence in a group, for what the atlas does not say. */
GtkWidget  *silk_ui_note_label_new        (const char    *text);

G_END_DECLS
