/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-geometry.h"
#include "silk-item.h"
#include "silk-place.h"

G_BEGIN_DECLS

#define SILK_TYPE_COUNTRY (silk_country_get_type ())

G_DECLARE_FINAL_TYPE (SilkCountry, silk_country, SILK, COUNTRY, SilkItem)

/* TRUE for the countries the atlas is about, FALSE for neighbours shown as context. */
gboolean      silk_country_is_member     (SilkCountry *self);
/* NULL when the atlas names none. */
SilkPlace    *silk_country_get_capital   (SilkCountry *self);
/* @level: 0 is the finest detail; a level the atlas lacks gives the nearest finer
 * one. Never NULL. Level 0 of the bundled atlas may block on first use: see
 * silk_document_ensure_finest(). Any thread. */
SilkGeometry *silk_country_get_geometry  (SilkCountry *self,
                                          guint        level);

G_END_DECLS
