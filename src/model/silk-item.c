/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "silk-model-private.h"

typedef struct
{
  char *id;
  SilkText *name;
  SilkText *description;
  GPtrArray *sources;
  GPtrArray *concerns;
} SilkItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SilkItem, silk_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
silk_item_finalize (GObject *object)
{
  SilkItem *self = SILK_ITEM (object);
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->name, silk_text_unref);
  g_clear_pointer (&priv->description, silk_text_unref);
  g_clear_pointer (&priv->sources, g_ptr_array_unref);
  g_clear_pointer (&priv->concerns, g_ptr_array_unref);

  G_OBJECT_CLASS (silk_item_parent_class)->finalize (object);
}

static void
silk_item_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SilkItem *self = SILK_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, silk_item_get_id (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, silk_item_get_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
silk_item_class_init (SilkItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = silk_item_finalize;
  object_class->get_property = silk_item_get_property;

  /* Read-only: an item never changes once loaded. They exist so that list views
   * can sort, filter and show items through GtkPropertyExpression. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
silk_item_init (SilkItem *self)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  priv->sources = g_ptr_array_new_with_free_func (g_object_unref);
  priv->concerns = g_ptr_array_new_with_free_func (g_object_unref);
}

const char *
silk_item_get_id (SilkItem *self)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_val_if_fail (SILK_IS_ITEM (self), NULL);

  return priv->id;
}

SilkItemKind
silk_item_get_kind (SilkItem *self)
{
  g_return_val_if_fail (SILK_IS_ITEM (self), SILK_ITEM_SOURCE);

  return SILK_ITEM_GET_CLASS (self)->kind;
}

const char *
silk_item_get_name (SilkItem *self)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_val_if_fail (SILK_IS_ITEM (self), NULL);

  /* The loader gives every item a name; the id is only a last resort. */
  if (priv->name == NULL)
    return priv->id;

  return silk_text_get (priv->name);
}

SilkText *
silk_item_get_name_text (SilkItem *self)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_val_if_fail (SILK_IS_ITEM (self), NULL);

  return priv->name;
}

const char *
silk_item_get_description (SilkItem *self)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_val_if_fail (SILK_IS_ITEM (self), NULL);

  return priv->description != NULL ? silk_text_get (priv->description) : NULL;
}

SilkText *
silk_item_get_description_text (SilkItem *self)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_val_if_fail (SILK_IS_ITEM (self), NULL);

  return priv->description;
}

GPtrArray *
silk_item_get_sources (SilkItem *self)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_val_if_fail (SILK_IS_ITEM (self), NULL);

  return priv->sources;
}

GPtrArray *
silk_item_get_concerns (SilkItem *self)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_val_if_fail (SILK_IS_ITEM (self), NULL);

  return priv->concerns;
}

gboolean
silk_item_concerns (SilkItem *self,
                    SilkItem *other)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_val_if_fail (SILK_IS_ITEM (self), FALSE);
  g_return_val_if_fail (SILK_IS_ITEM (other), FALSE);

  return g_ptr_array_find (priv->concerns, other, NULL);
}

void
silk_item_set_id (SilkItem   *self,
                  const char *id)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_if_fail (SILK_IS_ITEM (self));

  g_free (priv->id);
  priv->id = g_strdup (id);
}

void
silk_item_set_name_text (SilkItem *self,
                         SilkText *text)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_if_fail (SILK_IS_ITEM (self));

  if (text != NULL)
    silk_text_ref (text);
  g_clear_pointer (&priv->name, silk_text_unref);
  priv->name = text;
}

void
silk_item_set_description_text (SilkItem *self,
                                SilkText *text)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_if_fail (SILK_IS_ITEM (self));

  if (text != NULL)
    silk_text_ref (text);
  g_clear_pointer (&priv->description, silk_text_unref);
  priv->description = text;
}

void
silk_item_add_source (SilkItem   *self,
                      SilkSource *source)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_if_fail (SILK_IS_ITEM (self));
  g_return_if_fail (SILK_IS_SOURCE (source));

  g_ptr_array_add (priv->sources, g_object_ref (source));
}

void
silk_item_add_concern (SilkItem *self,
                       SilkItem *concern)
{
  SilkItemPrivate *priv = silk_item_get_instance_private (self);

  g_return_if_fail (SILK_IS_ITEM (self));
  g_return_if_fail (SILK_IS_ITEM (concern));
  /* Items hold strong references to what they concern, so a cycle would leak. */
  g_return_if_fail (concern != self);

  if (!g_ptr_array_find (priv->concerns, concern, NULL))
    g_ptr_array_add (priv->concerns, g_object_ref (concern));
}
