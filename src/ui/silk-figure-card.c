/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-figure-card.h"
#include "silk-format.h"
#include "silk-ui-util.h"

struct _SilkFigureCard
{
  AdwPreferencesRow parent_instance;

  SilkFigure *figure;

  GtkLabel *label_label;
  GtkButton *copy_button;
  GtkLabel *value_label;
  GtkLabel *detail_label;
  GtkLabel *meaning_label;
  GtkLabel *derivation_label;
  GtkBox *sources_box;
};

G_DEFINE_FINAL_TYPE (SilkFigureCard, silk_figure_card, ADW_TYPE_PREFERENCES_ROW)

SilkFigure *
silk_figure_card_get_figure (SilkFigureCard *self)
{
  g_return_val_if_fail (SILK_IS_FIGURE_CARD (self), NULL);

  return self->figure;
}

static gboolean
has_period (const SilkPeriod *period)
{
  return period->start.precision != SILK_DATE_NONE || period->end.precision != SILK_DATE_NONE;
}

/* "January–September 2025 · reported", "estimate by the World Bank". */
static char *
format_detail (SilkFigure *figure)
{
  const SilkPeriod *period = silk_figure_get_period (figure);
  const char *estimated_by = silk_figure_get_estimated_by (figure);
  const char *qualifier = silk_format_qualifier (silk_figure_get_qualifier (figure));
  g_autofree char *qualified = NULL;

  if (estimated_by != NULL)
    /* Translators: a qualifier and who made the estimate, e.g. "estimate by World Bank" */
    qualified = g_strdup_printf (_("%s by %s"), qualifier, estimated_by);
  else
    qualified = g_strdup (qualifier);

  if (has_period (period))
    {
      g_autofree char *formatted = silk_format_period (period);

      /* Translators: a figure's period and its qualifier, e.g.
       * "January–September 2025 · reported" */
      return g_strdup_printf (_("%s · %s"), formatted, qualified);
    }

  return g_steal_pointer (&qualified);
}

static void
silk_figure_card_dispose (GObject *object)
{
  SilkFigureCard *self = SILK_FIGURE_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SILK_TYPE_FIGURE_CARD);
  g_clear_object (&self->figure);

  G_OBJECT_CLASS (silk_figure_card_parent_class)->dispose (object);
}

static void
silk_figure_card_class_init (SilkFigureCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_figure_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/silkatlas/SilkAtlas/ui/silk-figure-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SilkFigureCard, label_label);
  gtk_widget_class_bind_template_child (widget_class, SilkFigureCard, copy_button);
  gtk_widget_class_bind_template_child (widget_class, SilkFigureCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, SilkFigureCard, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SilkFigureCard, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, SilkFigureCard, derivation_label);
  gtk_widget_class_bind_template_child (widget_class, SilkFigureCard, sources_box);
  gtk_widget_class_set_css_name (widget_class, "figurecard");
}

static void
silk_figure_card_init (SilkFigureCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
silk_figure_card_new (SilkFigure *figure)
{
  SilkFigureCard *self;
  SilkItem *item = SILK_ITEM (figure);
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *accessible = NULL;
  const char *meaning;
  const char *derivation;
  GPtrArray *sources;

  g_return_val_if_fail (SILK_IS_FIGURE (figure), NULL);

  self = g_object_new (SILK_TYPE_FIGURE_CARD, NULL);
  self->figure = g_object_ref (figure);

  value = silk_format_figure_value (figure);
  detail = format_detail (figure);
  citation = silk_format_figure_citation (figure);
  meaning = silk_item_get_description (item);
  derivation = silk_figure_get_derivation (figure);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), silk_item_get_name (item));
  gtk_label_set_label (self->label_label, silk_item_get_name (item));
  gtk_label_set_label (self->value_label, value);
  gtk_label_set_label (self->detail_label, detail);
  gtk_label_set_label (self->meaning_label, meaning != NULL ? meaning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->meaning_label), meaning != NULL);
  if (derivation != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Derived: %s"), derivation);

      gtk_label_set_label (self->derivation_label, line);
      gtk_widget_set_visible (GTK_WIDGET (self->derivation_label), TRUE);
    }

  /* The source on hover too, wherever the pointer rests on the number. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_label), citation);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "s", silk_item_get_id (item));
  {
    /* Translators: what a screen reader says for a figure's Copy button */
    g_autofree char *copy = g_strdup_printf (_("Copy “%s” with its source"), silk_item_get_name (item));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, copy,
                                    -1);
  }

  sources = silk_item_get_sources (item);
  for (guint i = 0; i < sources->len; i++)
    gtk_box_append (self->sources_box, silk_ui_source_link_new (g_ptr_array_index (sources, i)));

  /* Translators: what a screen reader says for a figure card: its label, value and
   * period with qualifier */
  accessible = g_strdup_printf (_("%s: %s, %s"), silk_item_get_name (item), value, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  if (meaning != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning,
                                    -1);

  return GTK_WIDGET (self);
}
