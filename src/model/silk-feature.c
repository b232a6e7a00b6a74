/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "silk-model-private.h"

SilkFeature *
silk_feature_new (const char   *id,
                  SilkText     *name,
                  const char   *kind,
                  SilkGeometry *geometry)
{
  SilkFeature *feature;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (geometry != NULL, NULL);

  feature = g_new0 (SilkFeature, 1);
  feature->id = g_strdup (id);
  feature->name = name != NULL ? silk_text_ref (name) : NULL;
  feature->kind = g_strdup (kind);
  feature->geometry = silk_geometry_ref (geometry);
  return feature;
}

void
silk_feature_free (SilkFeature *feature)
{
  if (feature == NULL)
    return;

  g_free (feature->id);
  g_clear_pointer (&feature->name, silk_text_unref);
  g_free (feature->kind);
  g_strfreev (feature->countries);
  g_clear_pointer (&feature->geometry, silk_geometry_unref);
  g_free (feature);
}
