/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-document.h"

G_BEGIN_DECLS

#define SILK_TYPE_PLACE_PAGE (silk_place_page_get_type ())

/* The sidebar page of a place: what it is and where, its country, and the projects
 * that connect it. */
G_DECLARE_FINAL_TYPE (SilkPlacePage, silk_place_page, SILK, PLACE_PAGE, AdwBin)

GtkWidget *silk_place_page_new       (void);
void       silk_place_page_set_place (SilkPlacePage *self,
                                      SilkDocument  *document,
                                      SilkPlace     *place);
SilkPlace *silk_place_page_get_place (SilkPlacePage *self);

G_END_DECLS
