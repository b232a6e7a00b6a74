/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "silk-source.h"

G_BEGIN_DECLS

#define SILK_TYPE_SOURCE_POPOVER (silk_source_popover_get_type ())

/* A source in full: its title, publisher and date, the citation as the source asks
 * to be cited (selectable, with a button to copy it) and a button that opens its
 * link. */
G_DECLARE_FINAL_TYPE (SilkSourcePopover, silk_source_popover, SILK, SOURCE_POPOVER, GtkPopover)

GtkWidget  *silk_source_popover_new        (SilkSource        *source);
SilkSource *silk_source_popover_get_source (SilkSourcePopover *self);
/* The citation a person copies: the source's own, or its title and publisher. */
char       *silk_source_popover_dup_citation (SilkSourcePopover *self);

G_END_DECLS
