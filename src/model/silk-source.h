/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-item.h"

G_BEGIN_DECLS

#define SILK_TYPE_SOURCE (silk_source_get_type ())

G_DECLARE_FINAL_TYPE (SilkSource, silk_source, SILK, SOURCE, SilkItem)

const char *silk_source_get_publisher (SilkSource *self);
/* ISO date as written in the atlas, or NULL. */
const char *silk_source_get_date      (SilkSource *self);
const char *silk_source_get_url       (SilkSource *self);
const char *silk_source_get_citation  (SilkSource *self);
/* "report" or "dataset". */
const char *silk_source_get_kind_name (SilkSource *self);

G_END_DECLS
