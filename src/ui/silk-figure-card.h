/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-figure.h"

G_BEGIN_DECLS

#define SILK_TYPE_FIGURE_CARD (silk_figure_card_get_type ())

/* One figure, read honestly: what it is, the number large with its unit, its period
 * and qualifier, one line on what it means, and its source (a button opening the
 * full citation). Copy puts the figure with its source on the clipboard through
 * win.copy-figure. A row, so that cards line up in the sidebar's boxed lists and
 * are reached with the keyboard like any row. */
G_DECLARE_FINAL_TYPE (SilkFigureCard, silk_figure_card, SILK, FIGURE_CARD, AdwPreferencesRow)

GtkWidget  *silk_figure_card_new        (SilkFigure     *figure);
SilkFigure *silk_figure_card_get_figure (SilkFigureCard *self);

G_END_DECLS
