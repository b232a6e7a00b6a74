/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#include <math.h>

#include "silk-chart.h"
#include "silk-format.h"

#define LABEL_GAP   3.0
#define BAR_HEIGHT  14.0
#define ROW_GAP     12.0
#define VALUE_GAP   8.0
#define ARROW_SIZE  7.0

typedef struct
{
  SilkFigure *figure;
  char *label;
  char *value_text;
} Bar;

struct _SilkChart
{
  GtkWidget parent_instance;

  char *title;
  GArray *bars;
};

G_DEFINE_FINAL_TYPE (SilkChart, silk_chart, GTK_TYPE_WIDGET)

static void
bar_clear (Bar *bar)
{
  g_clear_object (&bar->figure);
  g_clear_pointer (&bar->label, g_free);
  g_clear_pointer (&bar->value_text, g_free);
}

static gboolean
is_hollow (SilkFigure *figure)
{
  SilkQualifier qualifier = silk_figure_get_qualifier (figure);

  return qualifier == SILK_QUALIFIER_ESTIMATE || qualifier == SILK_QUALIFIER_FORECAST;
}

/* The largest number a bar reaches, arrows included, so the longest bar fills the
 * width and an arrow never runs off it. */
static double
bar_reach (const Bar *bar)
{
  const SilkValue *value = silk_figure_get_value (bar->figure);

  switch (value->kind)
    {
    case SILK_VALUE_RANGE:
      return fabs (value->max);
    case SILK_VALUE_ABOVE:
    case SILK_VALUE_APPROACHING:
    case SILK_VALUE_EXACT:
    default:
      return fabs (value->value);
    }
}

static PangoLayout *
create_layout (SilkChart  *self,
               const char *text,
               gboolean    bold,
               double      scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static double
label_height (SilkChart *self)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "Ag", FALSE, 0.9);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static double
row_height (SilkChart *self)
{
  return label_height (self) + LABEL_GAP + BAR_HEIGHT + ROW_GAP;
}

static double
value_width (SilkChart *self)
{
  double widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) layout = create_layout (self, bar->value_text, TRUE, 0.9);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

typedef struct
{
  double x;
  double y;
  double width;      /* to the value, or to the lower end of a range */
  double max_width;  /* to the upper end of a range, else as width */
} BarGeometry;

static gboolean
compute_geometry (SilkChart   *self,
                  guint        index,
                  BarGeometry *geometry)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double area;
  double largest = 0;
  const Bar *bar;
  const SilkValue *value;

  if (width <= 0 || index >= self->bars->len)
    return FALSE;

  for (guint i = 0; i < self->bars->len; i++)
    largest = MAX (largest, bar_reach (&g_array_index (self->bars, Bar, i)));

  area = MAX (1, width - value_width (self) - VALUE_GAP - ARROW_SIZE);
  bar = &g_array_index (self->bars, Bar, index);
  value = silk_figure_get_value (bar->figure);

  geometry->x = 0;
  geometry->y = index * row_height (self) + label_height (self) + LABEL_GAP;
  geometry->width = largest > 0 ? area * fabs (value->value) / largest : 0;
  geometry->max_width = largest > 0 ? area * bar_reach (bar) / largest : 0;
  /* Every bar stays visible, however small its number next to the others. */
  geometry->width = MAX (geometry->width, 2);
  geometry->max_width = MAX (geometry->max_width, geometry->width);

  return TRUE;
}

gboolean
silk_chart_get_bar_extent (SilkChart       *self,
                           guint            index,
                           graphene_rect_t *rect)
{
  BarGeometry geometry;

  g_return_val_if_fail (SILK_IS_CHART (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!compute_geometry (self, index, &geometry))
    return FALSE;

  graphene_rect_init (rect, geometry.x, geometry.y, geometry.max_width, BAR_HEIGHT);
  return TRUE;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
get_colors (SilkChart *self,
            GdkRGBA   *foreground,
            GdkRGBA   *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    gdk_rgba_parse (accent, "#1c71d8");
}

static void
silk_chart_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  SilkChart *self = SILK_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double value_x_limit;
  GdkRGBA foreground, accent;
  cairo_t *cr;

  if (self->bars->len == 0 || width <= 0)
    return;

  get_colors (self, &foreground, &accent);
  value_x_limit = width - value_width (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      const SilkValue *value = silk_figure_get_value (bar->figure);
      g_autoptr(PangoLayout) label = create_layout (self, bar->label, FALSE, 0.9);
      g_autoptr(PangoLayout) value_layout = create_layout (self, bar->value_text, TRUE, 0.9);
      gboolean hollow = is_hollow (bar->figure);
      BarGeometry geometry;
      double end, text_x;
      int text_height;

      compute_geometry (self, i, &geometry);

      /* The label, above its bar. */
      pango_layout_set_width (label, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, 0, i * row_height (self));
      cairo_set_source_rgba (cr, foreground.red, foreground.green, foreground.blue,
                             foreground.alpha * 0.75);
      pango_cairo_show_layout (cr, label);

      /* The bar: solid when reported, hollow when estimated or forecast. */
      rounded_rectangle (cr, geometry.x + 0.75, geometry.y + 0.75,
                         geometry.width - 1.5, BAR_HEIGHT - 1.5, 3);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, hollow ? 0.25 : 1.0);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      end = geometry.x + geometry.width;

      if (value->kind == SILK_VALUE_RANGE && geometry.max_width > geometry.width)
        {
          /* The span a range leaves open, lighter and dashed. */
          rounded_rectangle (cr, end + 0.75, geometry.y + 0.75,
                             geometry.max_width - geometry.width - 1.5, BAR_HEIGHT - 1.5, 3);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.2);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.8);
          cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          end = geometry.x + geometry.max_width;
        }
      else if (value->kind == SILK_VALUE_ABOVE)
        {
          /* "More than": an arrow pointing past the end of the bar. */
          double middle = geometry.y + BAR_HEIGHT / 2;

          cairo_move_to (cr, end + 2, middle - ARROW_SIZE / 1.4);
          cairo_line_to (cr, end + 2 + ARROW_SIZE, middle);
          cairo_line_to (cr, end + 2, middle + ARROW_SIZE / 1.4);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1.0);
          cairo_set_line_width (cr, 2);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke (cr);
          end += ARROW_SIZE + 2;
        }

      pango_layout_get_pixel_size (value_layout, NULL, &text_height);
      text_x = MIN (end + VALUE_GAP, value_x_limit);
      cairo_move_to (cr, text_x, geometry.y + (BAR_HEIGHT - text_height) / 2);
      gdk_cairo_set_source_rgba (cr, &foreground);
      pango_cairo_show_layout (cr, value_layout);
    }

  cairo_destroy (cr);
}

static void
silk_chart_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  SilkChart *self = SILK_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (value_width (self) + VALUE_GAP + ARROW_SIZE + 60);
      *natural = MAX (*minimum, 280);
    }
  else
    {
      *minimum = *natural = (int) ceil (self->bars->len * row_height (self) - ROW_GAP);
    }
}

static gboolean
silk_chart_query_tooltip (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip)
{
  SilkChart *self = SILK_CHART (widget);
  guint index;

  if (keyboard_mode || y < 0)
    return FALSE;

  index = (guint) (y / row_height (self));
  if (index >= self->bars->len)
    return FALSE;

  {
    g_autofree char *citation =
      silk_format_figure_citation (g_array_index (self->bars, Bar, index).figure);

    gtk_tooltip_set_text (tooltip, citation);
  }
  return TRUE;
}

static void
update_accessible (SilkChart *self)
{
  g_autofree char *description = silk_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
silk_chart_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (silk_chart_parent_class)->css_changed (widget, change);

  /* Font size and colours come from the style: a change means new text extents. */
  gtk_widget_queue_resize (widget);
}

static void
silk_chart_finalize (GObject *object)
{
  SilkChart *self = SILK_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (silk_chart_parent_class)->finalize (object);
}

static void
silk_chart_class_init (SilkChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = silk_chart_finalize;

  widget_class->snapshot = silk_chart_snapshot;
  widget_class->measure = silk_chart_measure;
  widget_class->query_tooltip = silk_chart_query_tooltip;
  widget_class->css_changed = silk_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
silk_chart_init (SilkChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) bar_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
silk_chart_new (const char *title)
{
  SilkChart *self = g_object_new (SILK_TYPE_CHART, NULL);

  self->title = g_strdup (title);
  update_accessible (self);

  return GTK_WIDGET (self);
}

const char *
silk_chart_get_title (SilkChart *self)
{
  g_return_val_if_fail (SILK_IS_CHART (self), NULL);

  return self->title;
}

void
silk_chart_add_figure (SilkChart  *self,
                       SilkFigure *figure,
                       const char *label)
{
  Bar bar;

  g_return_if_fail (SILK_IS_CHART (self));
  g_return_if_fail (SILK_IS_FIGURE (figure));
  g_return_if_fail (self->bars->len == 0
                    || g_strcmp0 (silk_figure_get_unit (figure),
                                  silk_figure_get_unit (g_array_index (self->bars, Bar, 0).figure)) == 0);

  bar.figure = g_object_ref (figure);
  bar.label = g_strdup (label != NULL ? label : silk_item_get_name (SILK_ITEM (figure)));
  if (is_hollow (figure))
    {
      g_autofree char *value = silk_format_figure_value (figure);

      /* Translators: a value and its qualifier in a chart, e.g.
       * "> USD 100 bn (forecast)" */
      bar.value_text = g_strdup_printf (_("%s (%s)"), value,
                                        silk_format_qualifier (silk_figure_get_qualifier (figure)));
    }
  else
    {
      bar.value_text = silk_format_figure_value (figure);
    }
  g_array_append_val (self->bars, bar);

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
silk_chart_get_n_bars (SilkChart *self)
{
  g_return_val_if_fail (SILK_IS_CHART (self), 0);

  return self->bars->len;
}

SilkFigure *
silk_chart_get_figure (SilkChart *self,
                       guint      index)
{
  g_return_val_if_fail (SILK_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);

  return g_array_index (self->bars, Bar, index).figure;
}

char *
silk_chart_describe (SilkChart *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (SILK_IS_CHART (self), NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      if (i > 0)
        g_string_append (text, "\n");
      /* Translators: one bar of a chart read aloud: its label and value */
      g_string_append_printf (text, _("%s: %s"), bar->label, bar->value_text);
    }

  return g_string_free (text, FALSE);
}
