/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-document.h"

G_BEGIN_DECLS

#define SILK_TYPE_OVERVIEW_PAGE (silk_overview_page_get_type ())

/* The sidebar page shown when nothing is selected: the atlas' headline figures as
 * cards by topic, with a small chart wherever a topic has figures to compare; the
 * projects by length; and the projects, countries and events to select, the notes
 * and the sources. */
G_DECLARE_FINAL_TYPE (SilkOverviewPage, silk_overview_page, SILK, OVERVIEW_PAGE, AdwBin)

GtkWidget *silk_overview_page_new          (void);
void       silk_overview_page_set_document (SilkOverviewPage *self,
                                            SilkDocument     *document);
/* The page shows its top at once and adds the rest after the first frame that
 * shows it. This adds whatever is still missing now. */
void       silk_overview_page_complete     (SilkOverviewPage *self);
gboolean   silk_overview_page_is_complete  (SilkOverviewPage *self);

G_END_DECLS
