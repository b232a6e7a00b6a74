/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-item.h"

G_BEGIN_DECLS

#define SILK_TYPE_FIGURE (silk_figure_get_type ())

G_DECLARE_FINAL_TYPE (SilkFigure, silk_figure, SILK, FIGURE, SilkItem)

/* As written in the atlas: "trade", "travel", ... */
const char      *silk_figure_get_topic        (SilkFigure *self);
const SilkValue *silk_figure_get_value        (SilkFigure *self);
/* As written in the atlas: "usd-billion", "percent", ... */
const char      *silk_figure_get_unit         (SilkFigure *self);
/* TRUE when the value is a change, shown with a sign. */
gboolean         silk_figure_is_change        (SilkFigure *self);
/* Both ends SILK_DATE_NONE when the atlas gives no period. */
const SilkPeriod *silk_figure_get_period      (SilkFigure *self);
SilkQualifier    silk_figure_get_qualifier    (SilkFigure *self);
/* Who made the estimate the source reports, or NULL. */
const char      *silk_figure_get_estimated_by (SilkFigure *self);
/* How a derived value was derived (user's language), or NULL. */
const char      *silk_figure_get_derivation   (SilkFigure *self);

G_END_DECLS
