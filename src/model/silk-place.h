/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-item.h"

G_BEGIN_DECLS

#define SILK_TYPE_PLACE (silk_place_get_type ())

G_DECLARE_FINAL_TYPE (SilkPlace, silk_place, SILK, PLACE, SilkItem)

typedef enum
{
  SILK_PLACE_CAPITAL,
  SILK_PLACE_CITY,
  SILK_PLACE_TOWN,
  SILK_PLACE_PASS,
} SilkPlaceKind;

SilkPlaceKind silk_place_get_place_kind  (SilkPlace *self);
/* Country id as written in the geometry file; NULL if none. */
const char   *silk_place_get_country_id  (SilkPlace *self);
double        silk_place_get_longitude   (SilkPlace *self);
double        silk_place_get_latitude    (SilkPlace *self);
gboolean      silk_place_is_approximate  (SilkPlace *self);

G_END_DECLS
