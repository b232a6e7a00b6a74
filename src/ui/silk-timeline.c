/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#include <math.h>

#include "silk-format.h"
#include "silk-timeline.h"
#include "silk-ui-util.h"

/* Axis units: a month is one unit, a year with only year-dated events gets
 * COMPACT_YEAR units, a folded gap BREAK_UNITS. */
#define COMPACT_YEAR   1.8
#define BREAK_UNITS    0.9
#define MARGIN_X       18.0
#define TOP            8.0
#define LANE_HEIGHT    20.0
#define N_LANES        4
#define AXIS_Y         (TOP + N_LANES * LANE_HEIGHT + 8.0)
#define HEIGHT         (AXIS_Y + 42.0)
#define MARKER_RADIUS  4.5
#define LABEL_MAX      170.0
#define LABEL_MIN      64.0
#define LABEL_GAP      4.0
#define LANE_GAP       10.0

typedef struct
{
  guint year;
  gboolean months;
  double x0;
  double x1;
} Segment;

typedef struct
{
  SilkEvent *event;
  double x;          /* marker on the axis */
  int lane;          /* -1 when the label did not fit */
  double label_x;
  double label_width;
} Mark;

struct _SilkTimeline
{
  GtkWidget parent_instance;

  SilkDocument *document;
  SilkSelection *selection;

  GPtrArray *events;   /* SilkEvent*, by date */
  GArray *segments;    /* Segment, by year */
  GArray *breaks;      /* double: x of each folded gap */
  GArray *marks;       /* Mark, one per event in the order of events */
  int layout_width;    /* width the layout is for, or -1 */

  int current;
  int hover;
};

G_DEFINE_FINAL_TYPE (SilkTimeline, silk_timeline, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
days_in_month (guint year,
               guint month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static const Segment *
find_segment (SilkTimeline *self,
              guint         year)
{
  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);

      if (segment->year == year)
        return segment;
    }
  return NULL;
}

static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const Segment *sa = a;
  const Segment *sb = b;

  return (int) sa->year - (int) sb->year;
}

/* The years the events touch, and whether each needs its months: built once per
 * document; x positions come later, per width. */
static void
build_segments (SilkTimeline *self)
{
  g_array_set_size (self->segments, 0);

  for (guint i = 0; i < self->events->len; i++)
    {
      const SilkPeriod *date = silk_event_get_date (g_ptr_array_index (self->events, i));
      const SilkDate *ends[] = { &date->start, &date->end };

      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        {
          Segment *segment = NULL;

          if (ends[e]->precision == SILK_DATE_NONE)
            continue;

          for (guint s = 0; s < self->segments->len && segment == NULL; s++)
            if (g_array_index (self->segments, Segment, s).year == ends[e]->year)
              segment = &g_array_index (self->segments, Segment, s);

          if (segment == NULL)
            {
              Segment added = { .year = ends[e]->year };

              g_array_append_val (self->segments, added);
              segment = &g_array_index (self->segments, Segment, self->segments->len - 1);
            }
          segment->months |= ends[e]->precision != SILK_DATE_YEAR;
        }
    }

  g_array_sort (self->segments, compare_segments);
}

static void
place_segments (SilkTimeline *self,
                double        width)
{
  double units = 0;
  double unit, x;

  g_array_set_size (self->breaks, 0);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);

      if (i > 0 && segment->year > g_array_index (self->segments, Segment, i - 1).year + 1)
        units += BREAK_UNITS;
      units += segment->months ? 12 : COMPACT_YEAR;
    }

  unit = units > 0 ? MAX (1, width - 2 * MARGIN_X) / units : 0;
  x = MARGIN_X;

  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);

      if (i > 0 && segment->year > g_array_index (self->segments, Segment, i - 1).year + 1)
        {
          double gap = BREAK_UNITS * unit;

          g_array_append_vals (self->breaks, &(double) { x + gap / 2 }, 1);
          x += gap;
        }
      segment->x0 = x;
      x += (segment->months ? 12 : COMPACT_YEAR) * unit;
      segment->x1 = x;
    }
}

/* The x of a single date: its day, the middle of its month, or the middle of its
 * year. */
static double
date_x (SilkTimeline   *self,
        const SilkDate *date)
{
  const Segment *segment = find_segment (self, date->year);
  double month_width, fraction;

  g_assert (segment != NULL);

  if (!segment->months || date->precision == SILK_DATE_YEAR)
    return (segment->x0 + segment->x1) / 2;

  month_width = (segment->x1 - segment->x0) / 12;
  fraction = date->precision == SILK_DATE_DAY
             ? (date->day - 0.5) / days_in_month (date->year, date->month)
             : 0.5;

  return segment->x0 + (date->month - 1 + fraction) * month_width;
}

static double
event_x (SilkTimeline *self,
         SilkEvent    *event)
{
  /* An interval sits where it begins; its tooltip says how long it runs. */
  return date_x (self, &silk_event_get_date (event)->start);
}

static PangoLayout *
create_label_layout (SilkTimeline *self,
                     const char   *text,
                     gboolean      bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_attr_list_unref (attrs);

  return layout;
}

static double
text_width (SilkTimeline *self,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = create_label_layout (self, text, TRUE);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *ma = *(const Mark **) a;
  const Mark *mb = *(const Mark **) b;

  return ma->x < mb->x ? -1 : ma->x > mb->x ? 1 : 0;
}

/* Gives labels to as many events as fit, left to right, each in the first lane
 * free at its marker: to the right of the marker, or to its left when the right
 * runs out of room. */
static void
place_labels (SilkTimeline *self,
              double        width)
{
  double lane_end[N_LANES];
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  double right_limit = width - 4;

  for (guint l = 0; l < N_LANES; l++)
    lane_end[l] = -G_MAXDOUBLE;

  for (guint i = 0; i < self->marks->len; i++)
    g_ptr_array_add (order, &g_array_index (self->marks, Mark, i));
  g_ptr_array_sort (order, compare_marks);

  for (guint i = 0; i < order->len; i++)
    {
      Mark *mark = g_ptr_array_index (order, i);
      double wanted = MIN (LABEL_MAX, text_width (self, silk_item_get_name (SILK_ITEM (mark->event))));
      double start = mark->x - MARKER_RADIUS;

      mark->lane = -1;
      for (guint l = 0; l < N_LANES && mark->lane < 0; l++)
        {
          double room_right = right_limit - (mark->x + MARKER_RADIUS + LABEL_GAP);
          double room_left = mark->x - MARKER_RADIUS - LABEL_GAP - (lane_end[l] + LANE_GAP);

          if (start >= lane_end[l] + LANE_GAP && room_right >= MIN (wanted, LABEL_MIN))
            {
              mark->lane = l;
              mark->label_width = MIN (wanted, room_right);
              mark->label_x = mark->x + MARKER_RADIUS + LABEL_GAP;
              lane_end[l] = mark->label_x + mark->label_width;
            }
          else if (room_right < wanted && room_left >= MIN (wanted, LABEL_MIN))
            {
              mark->lane = l;
              mark->label_width = MIN (wanted, room_left);
              mark->label_x = mark->x - MARKER_RADIUS - LABEL_GAP - mark->label_width;
              lane_end[l] = mark->x + MARKER_RADIUS;
            }
        }
    }
}

static void
ensure_layout (SilkTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (width <= 0 || width == self->layout_width)
    return;

  self->layout_width = width;
  place_segments (self, width);

  g_array_set_size (self->marks, 0);
  for (guint i = 0; i < self->events->len; i++)
    {
      Mark mark = { 0 };

      mark.event = g_ptr_array_index (self->events, i);
      mark.x = event_x (self, mark.event);
      mark.lane = -1;
      g_array_append_val (self->marks, mark);
    }

  place_labels (self, width);
}

static double
lane_y (int lane)
{
  /* Lane 0 sits nearest the axis, so the busiest labels have the shortest
   * leaders. */
  return TOP + (N_LANES - 1 - lane) * LANE_HEIGHT + LANE_HEIGHT / 2;
}

static gboolean
concerns_selection (SilkTimeline *self,
                    SilkEvent    *event)
{
  SilkItem *item = self->selection != NULL ? silk_selection_get_item (self->selection) : NULL;

  return item == NULL || silk_item_concerns (SILK_ITEM (event), item);
}

static void
draw_axis (SilkTimeline  *self,
           cairo_t       *cr,
           const GdkRGBA *foreground)
{
  g_autoptr(PangoLayout) probe = create_label_layout (self, "Ag", FALSE);
  int text_height;

  pango_layout_get_pixel_size (probe, NULL, &text_height);
  cairo_set_line_width (cr, 1);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);
      g_autofree char *year = g_strdup_printf ("%u", segment->year);
      g_autoptr(PangoLayout) year_layout = create_label_layout (self, year, TRUE);
      int year_width;

      /* The axis itself, interrupted at breaks. */
      cairo_set_source_rgba (cr, foreground->red, foreground->green, foreground->blue, 0.45);
      cairo_move_to (cr, segment->x0, AXIS_Y + 0.5);
      cairo_line_to (cr, segment->x1, AXIS_Y + 0.5);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (year_layout, &year_width, NULL);

      if (segment->months)
        {
          double month_width = (segment->x1 - segment->x0) / 12;

          for (guint m = 0; m <= 12; m++)
            {
              double x = round (segment->x0 + m * month_width) + 0.5;

              cairo_move_to (cr, x, AXIS_Y - 3);
              cairo_line_to (cr, x, AXIS_Y + (m == 0 || m == 12 ? 8 : 4));
              cairo_stroke (cr);
            }

          for (guint m = 1; m <= 12; m++)
            {
              g_autoptr(GDateTime) time = g_date_time_new_utc (segment->year, m, 1, 0, 0, 0);
              /* Translators: a month on the timeline's axis, abbreviated, in
               * strftime format */
              g_autofree char *name = g_date_time_format (time, _("%b"));
              g_autoptr(PangoLayout) layout = create_label_layout (self, name, FALSE);
              int name_width;

              pango_layout_get_pixel_size (layout, &name_width, NULL);
              if (name_width + 4 > month_width)
                {
                  /* Too narrow for names: every third month, by its initial. */
                  if ((m - 1) % 3 != 0)
                    continue;
                  pango_layout_set_width (layout, (int) (3 * month_width * PANGO_SCALE));
                }
              cairo_move_to (cr, segment->x0 + (m - 0.5) * month_width - MIN (name_width, 3 * month_width) / 2,
                             AXIS_Y + 5);
              pango_cairo_show_layout (cr, layout);
            }

          cairo_move_to (cr, segment->x0 + 2, AXIS_Y + 7 + text_height);
        }
      else
        {
          /* A folded year: a shaded slot with its number. */
          cairo_rectangle (cr, segment->x0 + 2, AXIS_Y - 4, segment->x1 - segment->x0 - 4, 8);
          cairo_set_source_rgba (cr, foreground->red, foreground->green, foreground->blue, 0.08);
          cairo_fill (cr);
          cairo_set_source_rgba (cr, foreground->red, foreground->green, foreground->blue, 0.45);
          cairo_move_to (cr, (segment->x0 + segment->x1) / 2 - year_width / 2.0,
                         AXIS_Y + 7 + text_height);
        }

      cairo_set_source_rgba (cr, foreground->red, foreground->green, foreground->blue, 0.8);
      pango_cairo_show_layout (cr, year_layout);
    }

  /* A break: the axis cut by two slanted strokes, as on a printed chart. */
  cairo_set_source_rgba (cr, foreground->red, foreground->green, foreground->blue, 0.6);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < self->breaks->len; i++)
    {
      double x = g_array_index (self->breaks, double, i);

      for (int s = -1; s <= 1; s += 2)
        {
          cairo_move_to (cr, x + s * 3 - 3, AXIS_Y + 6);
          cairo_line_to (cr, x + s * 3 + 3, AXIS_Y - 6);
          cairo_stroke (cr);
        }
    }
}

static void
silk_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SilkTimeline *self = SILK_TIMELINE (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA foreground, background, accent, accent_bg, accent_fg;
  cairo_t *cr;

  ensure_layout (self);
  if (width <= 0 || self->events->len == 0)
    return;

  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent_bg))
    gdk_rgba_parse (&accent_bg, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "accent_fg_color", &accent_fg))
    gdk_rgba_parse (&accent_fg, "#ffffff");
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &background))
    gdk_rgba_parse (&background, "#ffffff");

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_axis (self, cr, &foreground);

  /* Leaders first, then labels on a patch of background, so a leader that climbs
   * to a higher lane passes behind the labels below it instead of through them. */
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      double alpha = concerns_selection (self, mark->event) || (int) i == self->current ? 1.0 : 0.3;

      if (mark->lane < 0)
        continue;

      cairo_set_source_rgba (cr, foreground.red, foreground.green, foreground.blue, 0.3 * alpha);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (mark->x) + 0.5, lane_y (mark->lane));
      cairo_line_to (cr, round (mark->x) + 0.5, AXIS_Y);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      gboolean current = (int) i == self->current;
      gboolean hover = (int) i == self->hover;
      double alpha = concerns_selection (self, mark->event) || current ? 1.0 : 0.4;
      double y = lane_y (mark->lane);
      g_autoptr(PangoLayout) layout = NULL;
      int text_height;

      if (mark->lane < 0)
        continue;

      layout = create_label_layout (self, silk_item_get_name (SILK_ITEM (mark->event)), current);
      pango_layout_set_width (layout, (int) (mark->label_width * PANGO_SCALE));
      pango_layout_get_pixel_size (layout, NULL, &text_height);

      cairo_rectangle (cr, mark->label_x - 3, y - text_height / 2.0 - 1,
                       mark->label_width + 6, text_height + 2);
      gdk_cairo_set_source_rgba (cr, current ? &accent_bg : &background);
      cairo_fill (cr);

      cairo_new_path (cr);
      cairo_arc (cr, mark->x, y, 2, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, foreground.red, foreground.green, foreground.blue, 0.5 * alpha);
      cairo_fill (cr);

      if (current)
        gdk_cairo_set_source_rgba (cr, &accent_fg);
      else
        cairo_set_source_rgba (cr, foreground.red, foreground.green, foreground.blue,
                               (hover ? 1.0 : 0.85) * alpha);
      cairo_move_to (cr, mark->label_x, y - text_height / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* Markers on the axis; dimmed ones first, so the ones that matter are on top. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->marks->len; i++)
      {
        const Mark *mark = &g_array_index (self->marks, Mark, i);
        gboolean current = (int) i == self->current;
        gboolean emphasised = concerns_selection (self, mark->event) || current;
        double radius = MARKER_RADIUS + (current || (int) i == self->hover ? 1.5 : 0);

        if ((pass == 1) != emphasised)
          continue;

        /* A fresh path: showing a label leaves a current point that cairo_arc()
         * would otherwise join to the marker with a line. */
        cairo_new_path (cr);
        cairo_arc (cr, mark->x, AXIS_Y + 0.5, radius, 0, 2 * G_PI);
        if (emphasised)
          gdk_cairo_set_source_rgba (cr, &accent);
        else
          cairo_set_source_rgba (cr, foreground.red, foreground.green, foreground.blue, 0.35);
        cairo_fill_preserve (cr);
        gdk_cairo_set_source_rgba (cr, &background);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);

        if (current)
          {
            cairo_new_path (cr);
            cairo_arc (cr, mark->x, AXIS_Y + 0.5, radius + 3.5, 0, 2 * G_PI);
            gdk_cairo_set_source_rgba (cr, &accent);
            cairo_set_line_width (cr, 2);
            cairo_stroke (cr);
          }
      }

  if (gtk_widget_has_visible_focus (widget))
    {
      double x0 = 2, x1 = width - 2;

      if (self->current >= 0)
        {
          const Mark *mark = &g_array_index (self->marks, Mark, self->current);

          x0 = mark->x - 14;
          x1 = mark->x + 14;
        }
      cairo_rectangle (cr, x0 + 0.5, 2.5, x1 - x0 - 1, height - 5);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.6);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
silk_timeline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 800;
    }
  else
    {
      *minimum = *natural = (int) HEIGHT;
    }
}

static void
silk_timeline_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ensure_layout (SILK_TIMELINE (widget));
}

/* The event under (@x, @y): its label, its marker, or its leader. */
static int
hit_test (SilkTimeline *self,
          double        x,
          double        y)
{
  int best = -1;
  double best_distance = 10;

  ensure_layout (self);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      double distance;

      if (mark->lane >= 0)
        {
          double ly = lane_y (mark->lane);

          if (x >= mark->label_x - 2 && x <= mark->label_x + mark->label_width + 2
              && fabs (y - ly) <= LANE_HEIGHT / 2)
            return i;
          if (y >= ly && y <= AXIS_Y && fabs (x - mark->x) <= 3)
            return i;
        }

      distance = hypot (x - mark->x, y - AXIS_Y);
      if (distance < best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }

  return best;
}

static void
update_accessible (SilkTimeline *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Timeline of %u event",
                                        "Timeline of %u events", self->events->len),
                           self->events->len);

  if (self->current >= 0)
    {
      SilkEvent *event = g_ptr_array_index (self->events, self->current);
      g_autofree char *date = silk_format_period (silk_event_get_date (event));

      /* Translators: the timeline's current event read aloud: date and title */
      description = g_strdup_printf (_("%s: %s. Left and Right step through the events."),
                                     date, silk_item_get_name (SILK_ITEM (event)));
    }
  else
    {
      description = g_strdup (_("Left and Right step through the events."));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
set_current (SilkTimeline *self,
             int           index)
{
  if (self->current == index)
    return;

  self->current = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_index (SilkTimeline *self,
                int           index)
{
  SilkEvent *event;

  if (index < 0 || index >= (int) self->events->len)
    return;

  event = g_ptr_array_index (self->events, index);
  set_current (self, index);
  g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, event);
  /* What the window selected may not concern the event (the region as a whole):
   * the event stays current all the same, since the person chose it. */
  set_current (self, index);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SilkTimeline    *self)
{
  int index = hit_test (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index >= 0)
    activate_index (self, index);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SilkTimeline             *self)
{
  int index = hit_test (self, x, y);

  if (index != self->hover)
    {
      self->hover = index;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          SilkTimeline             *self)
{
  if (self->hover >= 0)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilkTimeline *self = SILK_TIMELINE (widget);
  int step = g_variant_get_int32 (parameter);
  int n = self->events->len;
  int index;

  if (n == 0)
    return;

  if (step == G_MININT32)
    index = 0;
  else if (step == G_MAXINT32)
    index = n - 1;
  else if (self->current < 0)
    index = step > 0 ? 0 : n - 1;
  else
    index = CLAMP (self->current + step, 0, n - 1);

  activate_index (self, index);
}

static gboolean
silk_timeline_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  SilkTimeline *self = SILK_TIMELINE (widget);
  int index = keyboard_mode ? self->current : hit_test (self, x, y);
  SilkEvent *event;
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;
  const char *description;

  if (index < 0)
    return FALSE;

  event = g_ptr_array_index (self->events, index);
  date = silk_format_period (silk_event_get_date (event));
  description = silk_item_get_description (SILK_ITEM (event));
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s%s%s", silk_item_get_name (SILK_ITEM (event)),
                                    date, description != NULL ? "\n" : "",
                                    description != NULL ? description : "");
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
on_selection_changed (SilkTimeline *self)
{
  SilkItem *item = silk_selection_get_item (self->selection);

  /* The highlight goes when the person moves on to something else. */
  if (self->current >= 0 && item != NULL
      && !silk_item_concerns (g_ptr_array_index (self->events, self->current), item))
    set_current (self, -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
silk_timeline_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  SilkTimeline *self = SILK_TIMELINE (widget);

  GTK_WIDGET_CLASS (silk_timeline_parent_class)->css_changed (widget, change);

  /* Text may have a new size: lay the labels out again. */
  self->layout_width = -1;
  gtk_widget_queue_draw (widget);
}

static void
silk_timeline_dispose (GObject *object)
{
  SilkTimeline *self = SILK_TIMELINE (object);

  g_clear_object (&self->document);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (silk_timeline_parent_class)->dispose (object);
}

static void
silk_timeline_finalize (GObject *object)
{
  SilkTimeline *self = SILK_TIMELINE (object);

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->breaks, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (silk_timeline_parent_class)->finalize (object);
}

static void
silk_timeline_class_init (SilkTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_timeline_dispose;
  object_class->finalize = silk_timeline_finalize;

  widget_class->snapshot = silk_timeline_snapshot;
  widget_class->measure = silk_timeline_measure;
  widget_class->size_allocate = silk_timeline_size_allocate;
  widget_class->query_tooltip = silk_timeline_query_tooltip;
  widget_class->css_changed = silk_timeline_css_changed;

  /**
   * SilkTimeline::event-activated:
   * @event: the event clicked or stepped to
   */
  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SILK_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "timeline.step", "i", step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "timeline.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "timeline.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.step", "i", G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.step", "i", G_MAXINT32);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
silk_timeline_init (SilkTimeline *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  self->breaks = g_array_new (FALSE, TRUE, sizeof (double));
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  self->layout_width = -1;
  self->current = -1;
  self->hover = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  update_accessible (self);
}

GtkWidget *
silk_timeline_new (void)
{
  return g_object_new (SILK_TYPE_TIMELINE, NULL);
}

void
silk_timeline_set_document (SilkTimeline *self,
                            SilkDocument *document)
{
  GListModel *events;

  g_return_if_fail (SILK_IS_TIMELINE (self));
  g_return_if_fail (SILK_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_ptr_array_set_size (self->events, 0);
  events = silk_document_get_items (document, SILK_ITEM_EVENT);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    g_ptr_array_add (self->events, g_list_model_get_item (events, i));
  silk_ui_sort_events (self->events);

  build_segments (self);
  self->layout_width = -1;
  self->current = -1;
  self->hover = -1;
  update_accessible (self);
  gtk_widget_set_visible (GTK_WIDGET (self), self->events->len > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
silk_timeline_set_selection (SilkTimeline  *self,
                             SilkSelection *selection)
{
  g_return_if_fail (SILK_IS_TIMELINE (self));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  if (!g_set_object (&self->selection, selection))
    return;
  if (selection != NULL)
    g_signal_connect_object (selection, "notify::item", G_CALLBACK (on_selection_changed),
                             self, G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
silk_timeline_get_n_events (SilkTimeline *self)
{
  g_return_val_if_fail (SILK_IS_TIMELINE (self), 0);

  return self->events->len;
}

SilkEvent *
silk_timeline_get_event (SilkTimeline *self,
                         guint         index)
{
  g_return_val_if_fail (SILK_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);

  return g_ptr_array_index (self->events, index);
}

SilkEvent *
silk_timeline_get_current_event (SilkTimeline *self)
{
  g_return_val_if_fail (SILK_IS_TIMELINE (self), NULL);

  return self->current >= 0 ? g_ptr_array_index (self->events, self->current) : NULL;
}

void
silk_timeline_set_current_event (SilkTimeline *self,
                                 SilkEvent    *event)
{
  guint index;

  g_return_if_fail (SILK_IS_TIMELINE (self));

  if (event == NULL || !g_ptr_array_find (self->events, event, &index))
    set_current (self, -1);
  else
    set_current (self, index);
}

gboolean
silk_timeline_is_emphasised (SilkTimeline *self,
                             SilkEvent    *event)
{
  g_return_val_if_fail (SILK_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (SILK_IS_EVENT (event), FALSE);

  return concerns_selection (self, event) || event == silk_timeline_get_current_event (self);
}

static const Mark *
find_mark (SilkTimeline *self,
           SilkEvent    *event)
{
  ensure_layout (self);

  for (guint i = 0; i < self->marks->len; i++)
    if (g_array_index (self->marks, Mark, i).event == event)
      return &g_array_index (self->marks, Mark, i);

  return NULL;
}

gboolean
silk_timeline_get_marker_position (SilkTimeline *self,
                                   SilkEvent    *event,
                                   double       *x,
                                   double       *y)
{
  const Mark *mark;

  g_return_val_if_fail (SILK_IS_TIMELINE (self), FALSE);

  mark = find_mark (self, event);
  if (mark == NULL)
    return FALSE;

  *x = mark->x;
  *y = AXIS_Y;
  return TRUE;
}

gboolean
silk_timeline_get_label_extent (SilkTimeline    *self,
                                SilkEvent       *event,
                                graphene_rect_t *rect)
{
  const Mark *mark;

  g_return_val_if_fail (SILK_IS_TIMELINE (self), FALSE);

  mark = find_mark (self, event);
  if (mark == NULL || mark->lane < 0)
    return FALSE;

  graphene_rect_init (rect, mark->label_x, lane_y (mark->lane) - LANE_HEIGHT / 2,
                      mark->label_width, LANE_HEIGHT);
  return TRUE;
}

gboolean
silk_timeline_get_year_extent (SilkTimeline *self,
                               guint         year,
                               double       *x0,
                               double       *x1)
{
  const Segment *segment;

  g_return_val_if_fail (SILK_IS_TIMELINE (self), FALSE);

  ensure_layout (self);
  segment = find_segment (self, year);
  if (segment == NULL || self->layout_width < 0)
    return FALSE;

  *x0 = segment->x0;
  *x1 = segment->x1;
  return TRUE;
}
