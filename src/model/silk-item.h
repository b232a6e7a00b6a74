/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "silk-text.h"
#include "silk-types.h"

G_BEGIN_DECLS

#define SILK_TYPE_ITEM (silk_item_get_type ())

/* Everything of an atlas that has an id and can be selected, listed and cited. */
G_DECLARE_DERIVABLE_TYPE (SilkItem, silk_item, SILK, ITEM, GObject)

struct _SilkItemClass
{
  GObjectClass parent_class;

  SilkItemKind kind;
};

const char     *silk_item_get_id               (SilkItem *self);
SilkItemKind    silk_item_get_kind             (SilkItem *self);
/* The name, label or title, in the user's language. */
const char     *silk_item_get_name             (SilkItem *self);
SilkText       *silk_item_get_name_text        (SilkItem *self);
/* The description, meaning, summary or text; NULL if the atlas has none. */
const char     *silk_item_get_description      (SilkItem *self);
SilkText       *silk_item_get_description_text (SilkItem *self);
/* Array of SilkSource*, possibly empty; owned by the item. */
GPtrArray      *silk_item_get_sources          (SilkItem *self);
/* Array of SilkItem* that this item is about (countries, projects); owned by the
 * item. */
GPtrArray      *silk_item_get_concerns         (SilkItem *self);
gboolean        silk_item_concerns             (SilkItem *self,
                                                SilkItem *other);

G_END_DECLS
