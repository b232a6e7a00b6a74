/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-document.h"

G_BEGIN_DECLS

#define SILK_TYPE_COUNTRY_PAGE (silk_country_page_get_type ())

/* The sidebar page of a country: its name, capital and summary; the projects in or
 * touching it; the figures and events that concern it; the cooperation notes; and,
 * plainly, when the atlas names nothing specific to it. */
G_DECLARE_FINAL_TYPE (SilkCountryPage, silk_country_page, SILK, COUNTRY_PAGE, AdwBin)

GtkWidget   *silk_country_page_new         (void);
void         silk_country_page_set_country (SilkCountryPage *self,
                                            SilkDocument    *document,
                                            SilkCountry     *country);
SilkCountry *silk_country_page_get_country (SilkCountryPage *self);

/* The projects of @document that cross or touch @country, in atlas order
 * (SilkProject*, no references). */
GPtrArray   *silk_country_page_list_projects (SilkDocument *document,
                                              SilkCountry  *country);

G_END_DECLS
