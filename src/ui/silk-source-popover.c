/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-source-popover.h"
#include "silk-ui-util.h"

struct _SilkSourcePopover
{
  GtkPopover parent_instance;

  SilkSource *source;

  GtkLabel *title_label;
  GtkLabel *publisher_label;
  GtkLabel *citation_label;
  GtkButton *copy_button;
  GtkButton *link_button;
};

G_DEFINE_FINAL_TYPE (SilkSourcePopover, silk_source_popover, GTK_TYPE_POPOVER)

char *
silk_source_popover_dup_citation (SilkSourcePopover *self)
{
  const char *citation;

  g_return_val_if_fail (SILK_IS_SOURCE_POPOVER (self), NULL);

  citation = silk_source_get_citation (self->source);
  if (citation != NULL)
    return g_strdup (citation);

  return silk_ui_source_short_name (self->source);
}

SilkSource *
silk_source_popover_get_source (SilkSourcePopover *self)
{
  g_return_val_if_fail (SILK_IS_SOURCE_POPOVER (self), NULL);

  return self->source;
}

static void
on_copy_clicked (SilkSourcePopover *self)
{
  g_autofree char *citation = silk_source_popover_dup_citation (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Citation copied"));
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_link_clicked (SilkSourcePopover *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* GtkUriLauncher would be the modern way but needs GTK 4.10. */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                silk_source_get_url (self->source), GDK_CURRENT_TIME);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_show (SilkSourcePopover *self)
{
  /* Otherwise the selectable citation takes the focus and shows all of its text
   * selected. */
  gtk_widget_grab_focus (GTK_WIDGET (self->copy_button));
}

static void
silk_source_popover_dispose (GObject *object)
{
  SilkSourcePopover *self = SILK_SOURCE_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SILK_TYPE_SOURCE_POPOVER);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (silk_source_popover_parent_class)->dispose (object);
}

static void
silk_source_popover_class_init (SilkSourcePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_source_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/silkatlas/SilkAtlas/ui/silk-source-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SilkSourcePopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, SilkSourcePopover, publisher_label);
  gtk_widget_class_bind_template_child (widget_class, SilkSourcePopover, citation_label);
  gtk_widget_class_bind_template_child (widget_class, SilkSourcePopover, copy_button);
  gtk_widget_class_bind_template_child (widget_class, SilkSourcePopover, link_button);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_link_clicked);
}

static void
silk_source_popover_init (SilkSourcePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
}

GtkWidget *
silk_source_popover_new (SilkSource *source)
{
  SilkSourcePopover *self;
  g_autofree char *publisher = NULL;
  g_autofree char *citation = NULL;
  const char *url;

  g_return_val_if_fail (SILK_IS_SOURCE (source), NULL);

  self = g_object_new (SILK_TYPE_SOURCE_POPOVER, NULL);
  self->source = g_object_ref (source);

  publisher = silk_ui_source_short_name (source);
  citation = silk_source_popover_dup_citation (self);
  url = silk_source_get_url (source);

  gtk_label_set_label (self->title_label, silk_item_get_name (SILK_ITEM (source)));
  gtk_label_set_label (self->publisher_label, publisher);
  gtk_label_set_label (self->citation_label, citation);
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), url != NULL);
  if (url != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button), url);

  return GTK_WIDGET (self);
}
