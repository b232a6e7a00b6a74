/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-item.h"

G_BEGIN_DECLS

#define SILK_TYPE_NOTE (silk_note_get_type ())

/* A cooperation theme the atlas names without a number. Its text is the item's
 * description. */
G_DECLARE_FINAL_TYPE (SilkNote, silk_note, SILK, NOTE, SilkItem)

const char *silk_note_get_topic (SilkNote *self);

G_END_DECLS
