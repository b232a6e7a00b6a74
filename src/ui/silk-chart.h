/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "silk-figure.h"

G_BEGIN_DECLS

#define SILK_TYPE_CHART (silk_chart_get_type ())

/* A small horizontal bar chart of figures of one unit, drawn with cairo: one bar
 * per figure with its label above and its formatted value beside it. A lower bound
 * ("> 100") ends in an arrow, a range shows its upper part lighter, and estimates
 * and forecasts are drawn hollow so they never pass for reported numbers. Hovering
 * a bar shows the figure with its source. For assistive technologies the chart is
 * an image whose label is its title and whose description reads every bar. */
G_DECLARE_FINAL_TYPE (SilkChart, silk_chart, SILK, CHART, GtkWidget)

GtkWidget  *silk_chart_new             (const char *title);
const char *silk_chart_get_title       (SilkChart  *self);
/* @label: what the bar is called, or NULL for the figure's label. All figures of a
 * chart share one unit. */
void        silk_chart_add_figure      (SilkChart  *self,
                                        SilkFigure *figure,
                                        const char *label);
guint       silk_chart_get_n_bars      (SilkChart  *self);
SilkFigure *silk_chart_get_figure      (SilkChart  *self,
                                        guint       index);
/* The bar's rectangle in widget coordinates, from zero to its value (to the upper
 * end of a range); FALSE before the chart is allocated. */
gboolean    silk_chart_get_bar_extent  (SilkChart  *self,
                                        guint       index,
                                        graphene_rect_t *rect);
/* What the chart says in words, one bar a line: the accessible description. */
char       *silk_chart_describe        (SilkChart  *self);

G_END_DECLS
