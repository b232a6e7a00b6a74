/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-geometry.h"
#include "silk-text.h"

G_BEGIN_DECLS

/* A piece of map context that is drawn but not selected: a lake, a river, a border
 * or coast line. Owned by its document; immutable. */
typedef struct
{
  char *id;               /* NULL when the file gives none */
  SilkText *name;         /* NULL when unnamed */
  char *kind;             /* "lake", "sea", "river", "border", "coast" */
  char **countries;       /* for borders and coasts: the country ids, or NULL */
  SilkGeometry *geometry;
} SilkFeature;

void silk_feature_free (SilkFeature *feature);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilkFeature, silk_feature_free)

G_END_DECLS
