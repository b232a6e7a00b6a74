/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "silk-selection.h"

struct _SilkSelection
{
  GObject parent_instance;

  SilkItem *item;
};

G_DEFINE_FINAL_TYPE (SilkSelection, silk_selection, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
silk_selection_dispose (GObject *object)
{
  SilkSelection *self = SILK_SELECTION (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (silk_selection_parent_class)->dispose (object);
}

static void
silk_selection_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SilkSelection *self = SILK_SELECTION (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
silk_selection_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SilkSelection *self = SILK_SELECTION (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      silk_selection_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
silk_selection_class_init (SilkSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = silk_selection_dispose;
  object_class->get_property = silk_selection_get_property;
  object_class->set_property = silk_selection_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         SILK_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
silk_selection_init (SilkSelection *self)
{
}

SilkSelection *
silk_selection_new (void)
{
  return g_object_new (SILK_TYPE_SELECTION, NULL);
}

SilkItem *
silk_selection_get_item (SilkSelection *self)
{
  g_return_val_if_fail (SILK_IS_SELECTION (self), NULL);

  return self->item;
}

void
silk_selection_set_item (SilkSelection *self,
                         SilkItem      *item)
{
  g_return_if_fail (SILK_IS_SELECTION (self));
  g_return_if_fail (item == NULL || SILK_IS_ITEM (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
silk_selection_clear (SilkSelection *self)
{
  g_return_if_fail (SILK_IS_SELECTION (self));

  silk_selection_set_item (self, NULL);
}
