/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-item.h"

G_BEGIN_DECLS

#define SILK_TYPE_EVENT (silk_event_get_type ())

G_DECLARE_FINAL_TYPE (SilkEvent, silk_event, SILK, EVENT, SilkItem)

const SilkPeriod *silk_event_get_date       (SilkEvent *self);
SilkQualifier     silk_event_get_qualifier  (SilkEvent *self);
const char       *silk_event_get_derivation (SilkEvent *self);

G_END_DECLS
