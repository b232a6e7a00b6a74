/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-document.h"

G_BEGIN_DECLS

#define SILK_TYPE_PROJECT_PAGE (silk_project_page_get_type ())

/* The sidebar page of a project: type, status, length, countries crossed, what it
 * connects, its parts, the approximate-alignment note where it applies, its figures
 * (the expected impact apart, as estimated), its dates and events, and sources. */
G_DECLARE_FINAL_TYPE (SilkProjectPage, silk_project_page, SILK, PROJECT_PAGE, AdwBin)

GtkWidget   *silk_project_page_new         (void);
void         silk_project_page_set_project (SilkProjectPage *self,
                                            SilkDocument    *document,
                                            SilkProject     *project);
SilkProject *silk_project_page_get_project (SilkProjectPage *self);

G_END_DECLS
