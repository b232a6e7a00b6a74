/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "silk-document.h"
#include "silk-selection.h"

G_BEGIN_DECLS

#define SILK_TYPE_TIMELINE (silk_timeline_get_type ())

/* The atlas' events on a month axis, drawn with cairo.
 *
 * Years that have events dated to the month or day get twelve months; years with
 * only year-dated events get a narrow slot; a run of years with nothing is folded
 * into a break, so a founding year five years back costs a finger's width, not
 * five years of empty axis. Each event is a marker on the axis; as many as fit get
 * a short label above, in lanes, never overlapping (the rest keep their marker and
 * their tooltip).
 *
 * Events that concern the selected item stand out and the others dim. Clicking an
 * event, or stepping to it with Left and Right, makes it the current event and
 * emits ::event-activated: the window then selects what the event concerns. */
G_DECLARE_FINAL_TYPE (SilkTimeline, silk_timeline, SILK, TIMELINE, GtkWidget)

GtkWidget     *silk_timeline_new                  (void);
void           silk_timeline_set_document         (SilkTimeline  *self,
                                                   SilkDocument  *document);
void           silk_timeline_set_selection        (SilkTimeline  *self,
                                                   SilkSelection *selection);
/* Events in the order of the axis (by date). */
guint          silk_timeline_get_n_events         (SilkTimeline  *self);
SilkEvent     *silk_timeline_get_event            (SilkTimeline  *self,
                                                   guint          index);
/* The highlighted event, or NULL. Setting it does not emit ::event-activated. */
SilkEvent     *silk_timeline_get_current_event    (SilkTimeline  *self);
void           silk_timeline_set_current_event    (SilkTimeline  *self,
                                                   SilkEvent     *event);
/* TRUE when @event is drawn emphasised: it concerns the selected item, or nothing
 * is selected, or it is the current event. */
gboolean       silk_timeline_is_emphasised        (SilkTimeline  *self,
                                                   SilkEvent     *event);
/* Where @event's marker sits on the axis, in widget coordinates. FALSE before the
 * timeline has a size or if @event is not on it. */
gboolean       silk_timeline_get_marker_position  (SilkTimeline  *self,
                                                   SilkEvent     *event,
                                                   double        *x,
                                                   double        *y);
/* The rectangle of @event's label; FALSE if it has none at this width. */
gboolean       silk_timeline_get_label_extent     (SilkTimeline  *self,
                                                   SilkEvent     *event,
                                                   graphene_rect_t *rect);
/* The stretch of axis that @year takes; FALSE if the axis does not show it. */
gboolean       silk_timeline_get_year_extent      (SilkTimeline  *self,
                                                   guint          year,
                                                   double        *x0,
                                                   double        *x1);

G_END_DECLS
