/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "silk-renderer.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "silk-map-data-private.h"

#define FONT_FAMILY "Noto Sans, DejaVu Sans, sans-serif"
#define WATER_FONT_FAMILY "Noto Serif, DejaVu Serif, serif"

typedef enum
{
  LABEL_COUNTRY,
  LABEL_COUNTRY_SMALL,
  LABEL_NEIGHBOUR,
  LABEL_CAPITAL,
  LABEL_CITY,
  LABEL_TOWN,
  LABEL_LAKE,
  LABEL_ROUTE,
  LABEL_LEGEND,
  LABEL_SMALL,
} LabelKind;

typedef struct
{
  PangoLayout *layout;
  double width;
  double height;
  /* The halo as an alpha mask, for image surfaces: stroking the outlines of the
   * glyphs costs far more than the text itself, and the halo never changes. */
  cairo_surface_t *halo_mask;
  double halo_scale;
  double halo_width;
} Label;

typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
} Rect;

/* A label placed for this draw, drawn once all are placed. */
typedef struct
{
  Label *label;
  double x;
  double y;
  const SilkColor *color;
  double halo;
} Placed;

struct _SilkRenderer
{
  SilkMapData *data;
  PangoFontMap *font_map;
  PangoContext *context;
  /* Layouts made once per item and reused by every draw: static text never gets a
   * new layout per frame. Keys are items or features. */
  GHashTable *labels;
  GHashTable *legend_labels;   /* const char * (static) → Label */
  Label *scale_label;
  char *scale_text;

  GArray *clip_a;              /* SilkPoint scratch for polygon clipping */
  GArray *clip_b;
  GArray *run;                 /* SilkPoint scratch: a line in screen space */
  GArray *obstacles;           /* Rect */
  GArray *lines;               /* Rect used as a segment (x0, y0)–(x1, y1): routes on screen */
  GArray *placed;              /* Placed */
  double label_margin;         /* labels keep this far inside the view */
  SilkLayers legend_layers;    /* the map layers the legend explains */
};

/* The view transform, precomputed for the inner loops. */
typedef struct
{
  double cx;
  double cy;
  double s;
  double hw;
  double hh;
  double min_step;   /* points closer than this (logical px) are merged */
  double line_step;  /* the same for thin context lines: rivers, coasts, borders */
  SilkBounds clip;   /* projected rectangle worth drawing */
} Xform;

static inline void
xf (const Xform *t,
    double       x,
    double       y,
    double      *sx,
    double      *sy)
{
  *sx = (x - t->cx) * t->s + t->hw;
  *sy = t->hh - (y - t->cy) * t->s;
}

static void
xform_init (Xform          *t,
            const SilkView *view,
            double          margin)
{
  t->cx = view->center_x;
  t->cy = view->center_y;
  t->s = view->scale;
  t->hw = view->width / 2.0;
  t->hh = view->height / 2.0;
  t->min_step = 0.6 / view->device_scale;
  t->line_step = 1.0 / view->device_scale;
  silk_view_get_bounds (view, &t->clip);
  /* A margin so that clipped outlines and wide strokes end off screen. */
  t->clip.min_x -= margin / view->scale;
  t->clip.max_x += margin / view->scale;
  t->clip.min_y -= margin / view->scale;
  t->clip.max_y += margin / view->scale;
}

static void
label_free (gpointer p)
{
  Label *label = p;

  g_clear_object (&label->layout);
  g_clear_pointer (&label->halo_mask, cairo_surface_destroy);
  g_free (label);
}

/* The user's first language as Pango names it ("zh-cn"): the first of GLib's list
 * without an encoding or modifier. */
static PangoLanguage *
user_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (strpbrk (names[i], ".@") == NULL)
      return pango_language_from_string (names[i]);
  return pango_language_get_default ();
}

SilkRenderer *
silk_renderer_new (SilkMapData *data)
{
  SilkRenderer *renderer;
  cairo_font_options_t *options;

  g_return_val_if_fail (data != NULL, NULL);

  renderer = g_new0 (SilkRenderer, 1);
  renderer->data = silk_map_data_ref (data);
  /* A font map of its own: the thread-default one belongs to whichever thread
   * created it, and the renderer may move between threads. */
  renderer->font_map = pango_cairo_font_map_new ();
  renderer->context = pango_font_map_create_context (renderer->font_map);
  /* Unhinted metrics keep label sizes the same at every scale and on every
   * surface, so layouts can be measured once. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (renderer->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (renderer->context, FALSE);
  /* The names are in the user's language (SilkText picks by the same list): say so,
   * so that Han characters take the Simplified Chinese forms under zh_CN even when
   * LC_CTYPE says otherwise. */
  pango_context_set_language (renderer->context, user_language ());
  renderer->legend_layers = SILK_LAYERS_MAP;

  renderer->labels = g_hash_table_new_full (NULL, NULL, NULL, label_free);
  renderer->legend_labels = g_hash_table_new_full (NULL, NULL, NULL, label_free);
  renderer->clip_a = g_array_new (FALSE, FALSE, sizeof (SilkPoint));
  renderer->clip_b = g_array_new (FALSE, FALSE, sizeof (SilkPoint));
  renderer->run = g_array_new (FALSE, FALSE, sizeof (SilkPoint));
  renderer->obstacles = g_array_new (FALSE, FALSE, sizeof (Rect));
  renderer->lines = g_array_new (FALSE, FALSE, sizeof (Rect));
  renderer->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  return renderer;
}

void
silk_renderer_free (SilkRenderer *renderer)
{
  if (renderer == NULL)
    return;

  g_hash_table_unref (renderer->labels);
  g_hash_table_unref (renderer->legend_labels);
  g_clear_pointer (&renderer->scale_label, label_free);
  g_free (renderer->scale_text);
  g_array_unref (renderer->clip_a);
  g_array_unref (renderer->clip_b);
  g_array_unref (renderer->run);
  g_array_unref (renderer->obstacles);
  g_array_unref (renderer->lines);
  g_array_unref (renderer->placed);
  g_object_unref (renderer->context);
  g_object_unref (renderer->font_map);
  silk_map_data_unref (renderer->data);
  g_free (renderer);
}

SilkMapData *
silk_renderer_get_data (SilkRenderer *renderer)
{
  return renderer->data;
}

void
silk_renderer_set_label_margin (SilkRenderer *renderer,
                                double        margin)
{
  g_return_if_fail (renderer != NULL);

  renderer->label_margin = MAX (margin, 0);
}

/* Labels */

static Label *
label_new (SilkRenderer *renderer,
           const char   *text,
           LabelKind     kind)
{
  g_autoptr(PangoFontDescription) font = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();
  Label *label = g_new0 (Label, 1);
  g_autofree char *upper = NULL;
  PangoRectangle ink, logical;
  double size = 11;
  const char *family = FONT_FAMILY;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle style = PANGO_STYLE_NORMAL;
  int spacing = 0;

  switch (kind)
    {
    case LABEL_COUNTRY:
      size = 15;
      weight = PANGO_WEIGHT_SEMIBOLD;
      spacing = 3;
      text = upper = g_utf8_strup (text, -1);
      break;
    case LABEL_COUNTRY_SMALL:
      size = 12;
      weight = PANGO_WEIGHT_SEMIBOLD;
      spacing = 2;
      text = upper = g_utf8_strup (text, -1);
      break;
    case LABEL_NEIGHBOUR:
      size = 11;
      spacing = 2;
      text = upper = g_utf8_strup (text, -1);
      break;
    case LABEL_CAPITAL:
      size = 12.5;
      weight = PANGO_WEIGHT_SEMIBOLD;
      break;
    case LABEL_CITY:
      size = 11.5;
      break;
    case LABEL_TOWN:
      size = 10.5;
      break;
    case LABEL_LAKE:
      size = 11;
      family = WATER_FONT_FAMILY;
      style = PANGO_STYLE_ITALIC;
      spacing = 1;
      break;
    case LABEL_ROUTE:
      size = 11;
      weight = PANGO_WEIGHT_SEMIBOLD;
      style = PANGO_STYLE_ITALIC;
      break;
    case LABEL_LEGEND:
      size = 11;
      break;
    case LABEL_SMALL:
      size = 9.5;
      break;
    default:
      g_assert_not_reached ();
    }

  font = pango_font_description_from_string (family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);

  label->layout = pango_layout_new (renderer->context);
  pango_layout_set_font_description (label->layout, font);
  if (spacing)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (spacing * PANGO_SCALE));
  pango_layout_set_attributes (label->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (label->layout, text, -1);
  pango_layout_get_pixel_extents (label->layout, &ink, &logical);
  /* Letter spacing trails the last letter; leave it out so names centre truly. */
  label->width = MAX (logical.width - spacing, 1);
  label->height = MAX (logical.height, 1);
  return label;
}

static Label *
get_label (SilkRenderer *renderer,
           gconstpointer key,
           const char   *text,
           LabelKind     kind)
{
  Label *label = g_hash_table_lookup (renderer->labels, key);

  if (label == NULL)
    {
      label = label_new (renderer, text, kind);
      g_hash_table_insert (renderer->labels, (gpointer) key, label);
    }
  return label;
}

static Label *
get_legend_label (SilkRenderer *renderer,
                  const char   *text,
                  LabelKind     kind)
{
  Label *label = g_hash_table_lookup (renderer->legend_labels, text);

  if (label == NULL)
    {
      label = label_new (renderer, text, kind);
      g_hash_table_insert (renderer->legend_labels, (gpointer) text, label);
    }
  return label;
}

static gboolean
rects_overlap (const Rect *a,
               const Rect *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Liang–Barsky: does the segment cross the rectangle? */
static gboolean
segment_hits_rect (const Rect *segment,
                   const Rect *rect)
{
  double t0 = 0, t1 = 1;
  double dx = segment->x1 - segment->x0;
  double dy = segment->y1 - segment->y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { segment->x0 - rect->x0, rect->x1 - segment->x0,
                  segment->y0 - rect->y0, rect->y1 - segment->y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* A label may not cover another label, a marker, the chrome or a route's line. */
static gboolean
is_free (SilkRenderer   *renderer,
         const SilkView *view,
         const Rect     *rect)
{
  double m = renderer->label_margin + 2;

  if (rect->x0 < m || rect->y0 < m || rect->x1 > view->width - m || rect->y1 > view->height - m)
    return FALSE;
  for (guint i = 0; i < renderer->obstacles->len; i++)
    if (rects_overlap (rect, &g_array_index (renderer->obstacles, Rect, i)))
      return FALSE;
  for (guint i = 0; i < renderer->lines->len; i++)
    if (segment_hits_rect (&g_array_index (renderer->lines, Rect, i), rect))
      return FALSE;
  return TRUE;
}

static void
add_obstacle (SilkRenderer *renderer,
              double        x0,
              double        y0,
              double        x1,
              double        y1)
{
  Rect rect = { x0, y0, x1, y1 };

  g_array_append_val (renderer->obstacles, rect);
}

/* Places @label with its top left corner at one of the candidate positions
 * (@n_candidates pairs of x, y); the first free one wins. A little padding keeps
 * halos apart. */
static gboolean
place_label (SilkRenderer    *renderer,
             const SilkView  *view,
             Label           *label,
             const double    *candidates,
             guint            n_candidates,
             const SilkColor *color,
             double           halo)
{
  for (guint i = 0; i < n_candidates; i++)
    {
      double x = candidates[2 * i];
      double y = candidates[2 * i + 1];
      Rect rect = { x - 2, y, x + label->width + 2, y + label->height };
      Placed placed = { label, x, y, color, halo };

      if (!is_free (renderer, view, &rect))
        continue;
      g_array_append_val (renderer->obstacles, rect);
      g_array_append_val (renderer->placed, placed);
      return TRUE;
    }
  return FALSE;
}

#define HALO_PAD 6

static cairo_surface_t *
get_halo_mask (Label  *label,
               double  scale,
               double  halo)
{
  if (label->halo_mask == NULL || label->halo_scale != scale || label->halo_width != halo)
    {
      cairo_t *cr;

      g_clear_pointer (&label->halo_mask, cairo_surface_destroy);
      label->halo_mask = cairo_image_surface_create (CAIRO_FORMAT_A8,
                                                     (int) ceil ((label->width + 2 * HALO_PAD) * scale),
                                                     (int) ceil ((label->height + 2 * HALO_PAD) * scale));
      cairo_surface_set_device_scale (label->halo_mask, scale, scale);
      cr = cairo_create (label->halo_mask);
      cairo_move_to (cr, HALO_PAD, HALO_PAD);
      pango_cairo_layout_path (cr, label->layout);
      cairo_set_line_width (cr, halo);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_destroy (cr);
      label->halo_scale = scale;
      label->halo_width = halo;
    }
  return label->halo_mask;
}

static void
draw_label (cairo_t           *cr,
            Label             *label,
            double             x,
            double             y,
            const SilkColor   *color,
            const SilkColor   *halo_color,
            double             halo)
{
  cairo_surface_t *target = cairo_get_target (cr);
  gboolean image = cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE;
  double scale = 1;

  if (image)
    {
      double sx, sy, dx, dy;
      cairo_matrix_t matrix;

      /* Whole device pixels: crisp text, and the cached halo lands unresampled. */
      cairo_surface_get_device_scale (target, &sx, &sy);
      cairo_get_matrix (cr, &matrix);
      scale = sx;
      dx = matrix.x0;
      dy = matrix.y0;
      x = round ((x + dx) * scale) / scale - dx;
      y = round ((y + dy) * scale) / scale - dy;
    }

  if (halo > 0)
    {
      silk_color_set_source (cr, halo_color);
      if (image)
        cairo_mask_surface (cr, get_halo_mask (label, scale, halo), x - HALO_PAD, y - HALO_PAD);
      else
        {
          cairo_move_to (cr, x, y);
          pango_cairo_layout_path (cr, label->layout);
          cairo_set_line_width (cr, halo);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke (cr);
        }
    }
  cairo_move_to (cr, x, y);
  silk_color_set_source (cr, color);
  pango_cairo_show_layout (cr, label->layout);
}

/* Paths */

static inline gboolean
inside_edge (const SilkPoint  *p,
             int               edge,
             const SilkBounds *b)
{
  switch (edge)
    {
    case 0: return p->x >= b->min_x;
    case 1: return p->x <= b->max_x;
    case 2: return p->y >= b->min_y;
    default: return p->y <= b->max_y;
    }
}

static inline SilkPoint
intersect_edge (const SilkPoint  *a,
                const SilkPoint  *b,
                int               edge,
                const SilkBounds *r)
{
  SilkPoint p;
  double t;

  if (edge < 2)
    {
      double x = edge == 0 ? r->min_x : r->max_x;

      t = (x - a->x) / (b->x - a->x);
      p.x = x;
      p.y = a->y + t * (b->y - a->y);
    }
  else
    {
      double y = edge == 2 ? r->min_y : r->max_y;

      t = (y - a->y) / (b->y - a->y);
      p.x = a->x + t * (b->x - a->x);
      p.y = y;
    }
  return p;
}

/* Sutherland–Hodgman against the clip rectangle. A ring much larger than the view
 * (a country's outline when zoomed in) then costs cairo only the few points near the
 * view; the extra edges clipping adds run along the rectangle, off screen. */
static const SilkPoint *
clip_ring (SilkRenderer     *renderer,
           const SilkPoint  *points,
           guint             n_points,
           const SilkBounds *rect,
           guint            *n_out)
{
  GArray *in = renderer->clip_a;
  GArray *out = renderer->clip_b;

  g_array_set_size (in, 0);
  g_array_append_vals (in, points, n_points);

  for (int edge = 0; edge < 4 && in->len > 0; edge++)
    {
      GArray *swap;

      g_array_set_size (out, 0);
      for (guint i = 0; i < in->len; i++)
        {
          const SilkPoint *cur = &g_array_index (in, SilkPoint, i);
          const SilkPoint *prev = &g_array_index (in, SilkPoint, (i + in->len - 1) % in->len);
          gboolean cur_in = inside_edge (cur, edge, rect);
          gboolean prev_in = inside_edge (prev, edge, rect);

          if (cur_in)
            {
              if (!prev_in)
                {
                  SilkPoint p = intersect_edge (prev, cur, edge, rect);

                  g_array_append_val (out, p);
                }
              g_array_append_vals (out, cur, 1);
            }
          else if (prev_in)
            {
              SilkPoint p = intersect_edge (prev, cur, edge, rect);

              g_array_append_val (out, p);
            }
        }
      swap = in;
      in = out;
      out = swap;
    }

  *n_out = in->len;
  return (const SilkPoint *) (void *) in->data;
}

static void
emit_ring (cairo_t         *cr,
           const Xform     *t,
           const SilkPoint *points,
           guint            n_points)
{
  double lx, ly;

  if (n_points < 3)
    return;
  xf (t, points[0].x, points[0].y, &lx, &ly);
  cairo_move_to (cr, lx, ly);
  for (guint i = 1; i < n_points; i++)
    {
      double sx, sy;

      xf (t, points[i].x, points[i].y, &sx, &sy);
      if (fabs (sx - lx) + fabs (sy - ly) < t->min_step)
        continue;
      cairo_line_to (cr, sx, sy);
      lx = sx;
      ly = sy;
    }
  cairo_close_path (cr);
}

/* Adds the polygon rings of @geometry that touch the view to the current path,
 * skipping those smaller than a pixel and clipping those larger than the view. */
static void
path_polygons (SilkRenderer       *renderer,
               cairo_t            *cr,
               const Xform        *t,
               const SilkGeometry *geometry)
{
  if (geometry == NULL || !silk_bounds_intersects (&geometry->bounds, &t->clip))
    return;

  for (guint p = 0; p < geometry->n_parts; p++)
    {
      const SilkPart *part = &geometry->parts[p];
      const SilkPoint *points = &geometry->points[part->first];
      guint n = part->n_points;
      SilkBounds b;

      if (n < 4)
        continue;
      silk_bounds_init_empty (&b);
      for (guint i = 0; i < n; i++)
        {
          b.min_x = MIN (b.min_x, points[i].x);
          b.max_x = MAX (b.max_x, points[i].x);
          b.min_y = MIN (b.min_y, points[i].y);
          b.max_y = MAX (b.max_y, points[i].y);
        }
      if (!silk_bounds_intersects (&b, &t->clip))
        continue;
      if ((b.max_x - b.min_x) * t->s < 0.7 && (b.max_y - b.min_y) * t->s < 0.7)
        continue;
      if (b.min_x < t->clip.min_x || b.max_x > t->clip.max_x
          || b.min_y < t->clip.min_y || b.max_y > t->clip.max_y)
        {
          guint n_clipped;
          const SilkPoint *clipped = clip_ring (renderer, points, n - 1, &t->clip, &n_clipped);

          emit_ring (cr, t, clipped, n_clipped);
        }
      else
        emit_ring (cr, t, points, n - 1);
    }
}

/* Cairo masks a stroke over the whole extent of its path, so one path of lines
 * spread over the view costs a mask the size of the view. Stroking in compact
 * chunks keeps the masks small: several times faster for rivers and borders. */
typedef struct
{
  cairo_t *cr;
  double x0, y0, x1, y1;
} Chunk;

#define CHUNK_SIZE 160.0

static inline void
chunk_add (Chunk  *chunk,
           double  x,
           double  y)
{
  if (chunk == NULL)
    return;
  chunk->x0 = MIN (chunk->x0, x);
  chunk->y0 = MIN (chunk->y0, y);
  chunk->x1 = MAX (chunk->x1, x);
  chunk->y1 = MAX (chunk->y1, y);
  if (chunk->x1 - chunk->x0 > CHUNK_SIZE || chunk->y1 - chunk->y0 > CHUNK_SIZE)
    {
      cairo_stroke (chunk->cr);
      cairo_move_to (chunk->cr, x, y);
      chunk->x0 = chunk->x1 = x;
      chunk->y0 = chunk->y1 = y;
    }
}

static void
chunk_init (Chunk   *chunk,
            cairo_t *cr)
{
  chunk->cr = cr;
  chunk->x0 = chunk->y0 = G_MAXDOUBLE;
  chunk->x1 = chunk->y1 = -G_MAXDOUBLE;
}

/* Adds the lines of @geometry to the current path: segments off the view are left
 * out, runs of points closer than a pixel merged. With @chunk, strokes as it goes
 * (with the current source and line width) whenever the path grows large. */
static void
path_lines_chunked (cairo_t            *cr,
                    const Xform        *t,
                    const SilkGeometry *geometry,
                    Chunk              *chunk)
{
  if (geometry == NULL || !silk_bounds_intersects (&geometry->bounds, &t->clip))
    return;

  for (guint p = 0; p < geometry->n_parts; p++)
    {
      const SilkPart *part = &geometry->parts[p];
      const SilkPoint *points = &geometry->points[part->first];
      gboolean pen = FALSE;
      gboolean pending = FALSE;
      double lx = 0, ly = 0, px = 0, py = 0;

      for (guint i = 0; i + 1 < part->n_points; i++)
        {
          const SilkPoint *a = &points[i];
          const SilkPoint *b = &points[i + 1];
          double sx, sy;

          if (MAX (a->x, b->x) < t->clip.min_x || MIN (a->x, b->x) > t->clip.max_x
              || MAX (a->y, b->y) < t->clip.min_y || MIN (a->y, b->y) > t->clip.max_y)
            {
              if (pending)
                {
                  cairo_line_to (cr, px, py);
                  chunk_add (chunk, px, py);
                }
              pen = pending = FALSE;
              continue;
            }
          if (!pen)
            {
              xf (t, a->x, a->y, &lx, &ly);
              cairo_move_to (cr, lx, ly);
              chunk_add (chunk, lx, ly);
              pen = TRUE;
            }
          xf (t, b->x, b->y, &sx, &sy);
          if (fabs (sx - lx) + fabs (sy - ly) < t->line_step)
            {
              pending = TRUE;
              px = sx;
              py = sy;
              continue;
            }
          cairo_line_to (cr, sx, sy);
          chunk_add (chunk, sx, sy);
          lx = sx;
          ly = sy;
          pending = FALSE;
        }
      if (pending)
        {
          cairo_line_to (cr, px, py);
          chunk_add (chunk, px, py);
        }
    }
}

static void
path_lines (cairo_t            *cr,
            const Xform        *t,
            const SilkGeometry *geometry)
{
  path_lines_chunked (cr, t, geometry, NULL);
}

/* The on-screen points of one line part, merged like path_lines() but kept whole
 * (routes are short): for cross-ties, tunnel portals and label positions. */
static GArray *
screen_run (SilkRenderer       *renderer,
            const Xform        *t,
            const SilkGeometry *geometry,
            guint               part_index)
{
  const SilkPart *part = &geometry->parts[part_index];
  GArray *run = renderer->run;

  g_array_set_size (run, 0);
  for (guint i = 0; i < part->n_points; i++)
    {
      SilkPoint s;

      xf (t, geometry->points[part->first + i].x, geometry->points[part->first + i].y, &s.x, &s.y);
      if (run->len > 0 && i + 1 < part->n_points)
        {
          const SilkPoint *last = &g_array_index (run, SilkPoint, run->len - 1);

          if (fabs (s.x - last->x) + fabs (s.y - last->y) < 1.0)
            continue;
        }
      g_array_append_val (run, s);
    }
  return run;
}

/* Land and water */

/* Pixels per kilometre from which coasts and shores get a line of their own. */
#define COAST_MIN_SCALE 0.6

static void
draw_land (SilkRenderer      *renderer,
           cairo_t           *cr,
           const Xform       *t,
           const SilkPalette *palette,
           guint              level,
           SilkLayers         layers)
{
  SilkMapData *data = renderer->data;
  const SilkMapCountry *countries;
  guint n;

  countries = silk_map_data_get_countries (data, &n);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);

  /* The neighbours share one colour and never overlap: one path, one fill. */
  cairo_new_path (cr);
  if (layers & SILK_LAYER_NEIGHBOURS)
    for (guint i = 0; i < n; i++)
      if (countries[i].tint < 0)
        path_polygons (renderer, cr, t, silk_map_data_get_country_geometry (data, i, level));
  silk_color_set_source (cr, &palette->neighbour);
  cairo_fill (cr);

  for (guint i = 0; i < n; i++)
    {
      if (countries[i].tint < 0)
        continue;
      path_polygons (renderer, cr, t, silk_map_data_get_country_geometry (data, i, level));
      silk_color_set_source (cr, &palette->tints[countries[i].tint % SILK_PALETTE_N_TINTS]);
      cairo_fill (cr);
    }
}

static void
draw_lakes (SilkRenderer      *renderer,
            cairo_t           *cr,
            const Xform       *t,
            const SilkPalette *palette)
{
  const SilkMapFeature *lakes;
  guint n;
  Chunk chunk;

  lakes = silk_map_data_get_lakes (renderer->data, &n);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    path_polygons (renderer, cr, t, lakes[i].geometry);
  silk_color_set_source (cr, &palette->water);
  cairo_fill (cr);

  /* Whole-region views show shores by the fill alone: a line along every shore costs
   * more than all the land. Closer in, a shore line where the lake is big enough. */
  if (t->s < COAST_MIN_SCALE)
    return;
  silk_color_set_source (cr, &palette->coast);
  cairo_set_line_width (cr, 0.6);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_new_path (cr);
  chunk_init (&chunk, cr);
  for (guint i = 0; i < n; i++)
    {
      const SilkBounds *b = &lakes[i].geometry->bounds;

      if ((b->max_x - b->min_x + b->max_y - b->min_y) * t->s > 40)
        path_lines_chunked (cr, t, lakes[i].geometry, &chunk);
    }
  cairo_stroke (cr);
}

static void
draw_rivers (SilkRenderer      *renderer,
             cairo_t           *cr,
             const Xform       *t,
             const SilkPalette *palette)
{
  const SilkMapFeature *rivers;
  guint n;

  Chunk chunk;

  rivers = silk_map_data_get_rivers (renderer->data, &n);
  /* Rivers are context: faint when the whole region is in view, fuller zoomed in. */
  cairo_set_source_rgba (cr, palette->river.red, palette->river.green, palette->river.blue,
                         CLAMP (0.35 + t->s * 0.6, 0.45, 1));
  cairo_set_line_width (cr, CLAMP (t->s * 1.6, 0.5, 1.5));
  /* Round joins cost a polygon per vertex; at these widths bevels look the same. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_new_path (cr);
  chunk_init (&chunk, cr);
  /* Only rivers long against the view: the tributaries come in as the map zooms in,
   * as on printed atlas pages of larger scale. */
  for (guint i = 0; i < n; i++)
    if (rivers[i].length * t->s >= MAX (t->hw, t->hh) / 5)
      path_lines_chunked (cr, t, rivers[i].geometry, &chunk);
  cairo_stroke (cr);
}

static gboolean
border_touches_member (SilkMapData       *data,
                       const SilkFeature *feature)
{
  if (feature->countries == NULL)
    return TRUE;
  for (guint i = 0; feature->countries[i] != NULL; i++)
    {
      SilkItem *item = silk_document_lookup (silk_map_data_get_document (data),
                                             feature->countries[i]);

      if (SILK_IS_COUNTRY (item) && silk_country_is_member (SILK_COUNTRY (item)))
        return TRUE;
    }
  return FALSE;
}

/* Every shared border is one feature of the borders layer, so each is stroked once
 * (stroking every country's outline would stroke each border twice). */
static void
draw_borders (SilkRenderer      *renderer,
              cairo_t           *cr,
              const Xform       *t,
              const SilkPalette *palette,
              guint              level,
              SilkLayers         layers)
{
  const SilkMapFeature *borders;
  guint n;
  double zoom = CLAMP (t->s / 0.3, 1, 3);

  borders = silk_map_data_get_borders (renderer->data, level, &n);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* Coasts, then borders between neighbours, then borders of members on top. The
   * whole region shows its coasts by the fill alone, as lakes. */
  for (int pass = t->s < COAST_MIN_SCALE ? 1 : 0; pass < 3; pass++)
    {
      Chunk chunk;

      switch (pass)
        {
        case 0:
          silk_color_set_source (cr, &palette->coast);
          cairo_set_line_width (cr, 0.6 * sqrt (zoom));
          break;
        case 1:
          silk_color_set_source (cr, &palette->border_muted);
          cairo_set_line_width (cr, 0.7 * sqrt (zoom));
          break;
        default:
          silk_color_set_source (cr, &palette->border);
          cairo_set_line_width (cr, 1.1 * sqrt (zoom));
          break;
        }
      cairo_new_path (cr);
      chunk_init (&chunk, cr);
      for (guint i = 0; i < n; i++)
        {
          const SilkFeature *feature = borders[i].feature;
          gboolean coast = g_strcmp0 (feature->kind, "coast") == 0;
          int kind = coast ? 0 : border_touches_member (renderer->data, feature) ? 2 : 1;

          /* Without the neighbours, only the members' own outlines. */
          if (kind == pass
              && (kind == 2 || (layers & SILK_LAYER_NEIGHBOURS)
                  || (kind == 0 && border_touches_member (renderer->data, feature))))
            path_lines_chunked (cr, t, borders[i].geometry, &chunk);
        }
      cairo_stroke (cr);
    }
}

/* Routes */

static void
set_status_dash (cairo_t    *cr,
                 SilkStatus  status,
                 double      em)
{
  double dashes[2];

  switch (status)
    {
    case SILK_STATUS_IN_OPERATION:
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    case SILK_STATUS_PILOT_OPERATION:
      dashes[0] = 16 * em;
      dashes[1] = 4 * em;
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    case SILK_STATUS_UNDER_CONSTRUCTION:
      dashes[0] = 7 * em;
      dashes[1] = 4.5 * em;
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    case SILK_STATUS_PLANNED:
      dashes[0] = 0;
      dashes[1] = 5.5 * em;
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Cross-ties every few pixels along a screen polyline. */
static void
path_ties (cairo_t      *cr,
           const GArray *run,
           double        spacing,
           double        half)
{
  double next = spacing / 2;
  double walked = 0;

  for (guint i = 0; i + 1 < run->len; i++)
    {
      const SilkPoint *a = &g_array_index (run, SilkPoint, i);
      const SilkPoint *b = &g_array_index (run, SilkPoint, i + 1);
      double len = hypot (b->x - a->x, b->y - a->y);
      double ux, uy;

      if (len <= 0)
        continue;
      ux = (b->x - a->x) / len;
      uy = (b->y - a->y) / len;
      while (next <= walked + len)
        {
          double d = next - walked;
          double x = a->x + ux * d;
          double y = a->y + uy * d;

          cairo_move_to (cr, x - uy * half, y + ux * half);
          cairo_line_to (cr, x + uy * half, y - ux * half);
          next += spacing;
        }
      walked += len;
    }
}

/* The tunnel portal: a bar across the line with flared ends, opening towards the
 * tunnel, the classic symbol of topographic maps. */
static void
path_portal (cairo_t         *cr,
             const SilkPoint *at,
             const SilkPoint *toward,
             double           em)
{
  double dx = toward->x - at->x;
  double dy = toward->y - at->y;
  double len = hypot (dx, dy);
  double ux, uy, nx, ny, half = 5.5 * em, flare = 3 * em;

  if (len <= 0)
    return;
  ux = dx / len;
  uy = dy / len;
  nx = -uy;
  ny = ux;
  cairo_move_to (cr, at->x + nx * (half + flare) - ux * flare, at->y + ny * (half + flare) - uy * flare);
  cairo_line_to (cr, at->x + nx * half, at->y + ny * half);
  cairo_line_to (cr, at->x - nx * half, at->y - ny * half);
  cairo_line_to (cr, at->x - nx * (half + flare) - ux * flare, at->y - ny * (half + flare) - uy * flare);
}

static void
draw_route (SilkRenderer       *renderer,
            cairo_t            *cr,
            const Xform        *t,
            const SilkPalette  *palette,
            const SilkMapRoute *route,
            double              em)
{
  SilkMode mode = silk_project_get_mode (route->project);
  SilkStatus status = silk_project_get_status (route->project);
  const SilkGeometry *line = route->line;

  if (!silk_bounds_intersects (&line->bounds, &t->clip))
    return;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* A halo under every route so it reads over any tint. */
  cairo_new_path (cr);
  path_lines (cr, t, line);
  silk_color_set_source (cr, &palette->route_halo);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, (mode == SILK_MODE_HIGHWAY ? 8.5 : 8) * em);
  cairo_stroke (cr);

  switch (mode)
    {
    case SILK_MODE_RAILWAY:
      cairo_new_path (cr);
      for (guint p = 0; p < line->n_parts; p++)
        path_ties (cr, screen_run (renderer, t, line, p), 9 * em, 3.6 * em);
      silk_color_set_source (cr, &palette->railway);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_width (cr, 1.3 * em);
      cairo_stroke (cr);

      path_lines (cr, t, line);
      set_status_dash (cr, status, em);
      cairo_set_line_width (cr, 2.6 * em);
      cairo_stroke (cr);
      break;

    case SILK_MODE_HIGHWAY:
      path_lines (cr, t, line);
      set_status_dash (cr, status, em);
      silk_color_set_source (cr, &palette->highway_casing);
      cairo_set_line_width (cr, 5.2 * em);
      cairo_stroke_preserve (cr);
      silk_color_set_source (cr, &palette->highway);
      cairo_set_line_width (cr, 3.0 * em);
      cairo_stroke (cr);
      break;

    case SILK_MODE_TUNNEL:
      /* Underground: a thin dashed line between two portals. */
      path_lines (cr, t, line);
      silk_color_set_source (cr, &palette->route_halo);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_width (cr, 6 * em);
      cairo_stroke_preserve (cr);
      {
        double dashes[2] = { 3 * em, 2.5 * em };

        cairo_set_dash (cr, dashes, 2, 0);
      }
      silk_color_set_source (cr, &palette->railway);
      cairo_set_line_width (cr, 1.6 * em);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint p = 0; p < line->n_parts; p++)
        {
          GArray *run = screen_run (renderer, t, line, p);

          if (run->len < 2)
            continue;
          path_portal (cr, &g_array_index (run, SilkPoint, 0),
                       &g_array_index (run, SilkPoint, 1), em);
          path_portal (cr, &g_array_index (run, SilkPoint, run->len - 1),
                       &g_array_index (run, SilkPoint, run->len - 2), em);
        }
      cairo_set_line_width (cr, 1.8 * em);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_restore (cr);
}

static void
route_ends (const SilkMapRoute *route,
            SilkPoint          *first,
            SilkPoint          *last)
{
  const SilkGeometry *line = route->line;
  const SilkPart *part = &line->parts[line->n_parts - 1];

  *first = line->points[line->parts[0].first];
  *last = line->points[part->first + part->n_points - 1];
}

static void
draw_endpoint (cairo_t           *cr,
               const SilkPalette *palette,
               double             x,
               double             y,
               const SilkColor   *ring,
               double             em)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, 3.6 * em, 0, 2 * G_PI);
  silk_color_set_source (cr, &palette->endpoint);
  cairo_fill_preserve (cr);
  silk_color_set_source (cr, ring);
  cairo_set_line_width (cr, 1.7 * em);
  cairo_stroke (cr);
}

static void
draw_route_endpoints (cairo_t            *cr,
                      const Xform        *t,
                      const SilkPalette  *palette,
                      const SilkMapRoute *route,
                      double              em)
{
  SilkPoint ends[2];
  SilkMode mode = silk_project_get_mode (route->project);

  /* A tunnel's ends are its portals. */
  if (mode == SILK_MODE_TUNNEL)
    return;
  route_ends (route, &ends[0], &ends[1]);
  for (guint i = 0; i < 2; i++)
    {
      double sx, sy;

      xf (t, ends[i].x, ends[i].y, &sx, &sy);
      draw_endpoint (cr, palette, sx, sy,
                     mode == SILK_MODE_HIGHWAY ? &palette->highway_casing : &palette->railway, em);
    }
}

/* A tunnel belongs to its railway: it shows and hides with the railways. */
static gboolean
route_shown (const SilkMapRoute *route,
             SilkLayers          layers)
{
  SilkMode mode = silk_project_get_mode (route->project);

  return (layers & (mode == SILK_MODE_HIGHWAY ? SILK_LAYER_HIGHWAYS : SILK_LAYER_RAILWAYS)) != 0;
}

static void
draw_routes (SilkRenderer      *renderer,
             cairo_t           *cr,
             const Xform       *t,
             const SilkPalette *palette,
             SilkLayers         layers)
{
  const SilkMapRoute *routes;
  guint n;

  routes = silk_map_data_get_routes (renderer->data, &n);
  /* Highways under railways: the railway symbol is the thinner one. */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < n; i++)
      {
        SilkMode mode = silk_project_get_mode (routes[i].project);

        if ((pass == 0) == (mode == SILK_MODE_HIGHWAY)
            && (pass == 2) == (mode == SILK_MODE_TUNNEL)
            && route_shown (&routes[i], layers))
          draw_route (renderer, cr, t, palette, &routes[i], 1.0);
      }
  for (guint i = 0; i < n; i++)
    if (route_shown (&routes[i], layers))
      draw_route_endpoints (cr, t, palette, &routes[i], 1.0);
}

/* Places */

static void
draw_place_marker (cairo_t           *cr,
                   const SilkPalette *palette,
                   SilkPlaceKind      kind,
                   double             x,
                   double             y)
{
  cairo_new_path (cr);
  switch (kind)
    {
    case SILK_PLACE_CAPITAL:
      /* A ringed dot, as atlases mark capitals. */
      cairo_arc (cr, x, y, 4.6, 0, 2 * G_PI);
      silk_color_set_source (cr, &palette->endpoint);
      cairo_fill_preserve (cr);
      silk_color_set_source (cr, &palette->capital);
      cairo_set_line_width (cr, 1.6);
      cairo_stroke (cr);
      cairo_arc (cr, x, y, 2.1, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case SILK_PLACE_PASS:
      cairo_move_to (cr, x, y - 3.8);
      cairo_line_to (cr, x + 3.6, y + 2.6);
      cairo_line_to (cr, x - 3.6, y + 2.6);
      cairo_close_path (cr);
      silk_color_set_source (cr, &palette->halo);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke_preserve (cr);
      silk_color_set_source (cr, &palette->place);
      cairo_fill (cr);
      break;
    case SILK_PLACE_CITY:
    case SILK_PLACE_TOWN:
    default:
      cairo_arc (cr, x, y, kind == SILK_PLACE_CITY ? 2.6 : 2.1, 0, 2 * G_PI);
      silk_color_set_source (cr, &palette->halo);
      cairo_set_line_width (cr, 2);
      cairo_stroke_preserve (cr);
      silk_color_set_source (cr, &palette->place);
      cairo_fill (cr);
      break;
    }
}

static LabelKind
place_label_kind (SilkPlaceKind kind)
{
  switch (kind)
    {
    case SILK_PLACE_CAPITAL:
      return LABEL_CAPITAL;
    case SILK_PLACE_CITY:
      return LABEL_CITY;
    case SILK_PLACE_TOWN:
    case SILK_PLACE_PASS:
    default:
      return LABEL_TOWN;
    }
}

/* The label positions around a marker at (x, y) of radius r: right, left, above,
 * below, then the diagonals. */
static guint
marker_candidates (const Label *label,
                   double       x,
                   double       y,
                   double       r,
                   double      *c)
{
  double w = label->width, h = label->height;

  c[0] = x + r + 3;       c[1] = y - h / 2;
  c[2] = x - r - 3 - w;   c[3] = y - h / 2;
  c[4] = x - w / 2;       c[5] = y - r - 1 - h;
  c[6] = x - w / 2;       c[7] = y + r + 1;
  c[8] = x + r;           c[9] = y - r - h + 2;
  c[10] = x + r;          c[11] = y + r - 2;
  c[12] = x - r - w;      c[13] = y - r - h + 2;
  c[14] = x - r - w;      c[15] = y + r - 2;
  return 8;
}

typedef struct
{
  const SilkMapPlace *place;
  double x;
  double y;
} VisiblePlace;

static int
compare_place_rank (gconstpointer a,
                    gconstpointer b)
{
  const VisiblePlace *pa = a;
  const VisiblePlace *pb = b;

  return (int) silk_place_get_place_kind (pa->place->place)
         - (int) silk_place_get_place_kind (pb->place->place);
}

/* The point a @fraction of the way along a screen polyline (by length), and the
 * direction there. */
static gboolean
run_at (const GArray *run,
        double        fraction,
        SilkPoint    *at,
        double       *dx,
        double       *dy)
{
  double total = 0, walked = 0;

  for (guint i = 0; i + 1 < run->len; i++)
    total += hypot (g_array_index (run, SilkPoint, i + 1).x - g_array_index (run, SilkPoint, i).x,
                    g_array_index (run, SilkPoint, i + 1).y - g_array_index (run, SilkPoint, i).y);
  if (total <= 0)
    return FALSE;
  for (guint i = 0; i + 1 < run->len; i++)
    {
      const SilkPoint *a = &g_array_index (run, SilkPoint, i);
      const SilkPoint *b = &g_array_index (run, SilkPoint, i + 1);
      double len = hypot (b->x - a->x, b->y - a->y);

      if (walked + len >= total * fraction && len > 0)
        {
          double f = (total * fraction - walked) / len;

          at->x = a->x + f * (b->x - a->x);
          at->y = a->y + f * (b->y - a->y);
          *dx = (b->x - a->x) / len;
          *dy = (b->y - a->y) / len;
          return TRUE;
        }
      walked += len;
    }
  return FALSE;
}

static void
reserve_chrome (SilkRenderer   *renderer,
                const SilkView *view,
                SilkLayers      layers);
static void
draw_legend    (SilkRenderer      *renderer,
                cairo_t           *cr,
                const SilkView    *view,
                const SilkPalette *palette);

/* Decides which labels fit, by priority: member countries, capitals, projects,
 * lakes, neighbours, cities, towns. A label that would overlap one already placed
 * (or a marker, or the chrome) is dropped, never drawn on top. Also draws the place
 * markers, since a city whose name does not fit gets no dot either. */
static void
draw_places_and_labels (SilkRenderer      *renderer,
                        cairo_t           *cr,
                        const SilkView    *view,
                        const Xform       *t,
                        const SilkPalette *palette,
                        SilkLayers         layers)
{
  SilkMapData *data = renderer->data;
  const SilkMapCountry *countries;
  const SilkMapPlace *places;
  const SilkMapRoute *routes;
  const SilkMapFeature *lakes;
  guint n_countries, n_places, n_routes, n_lakes;
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (VisiblePlace));
  gboolean labels = (layers & SILK_LAYER_LABELS) != 0;
  gboolean markers = (layers & SILK_LAYER_PLACES) != 0;
  double c[32];

  g_array_set_size (renderer->obstacles, 0);
  g_array_set_size (renderer->lines, 0);
  g_array_set_size (renderer->placed, 0);
  reserve_chrome (renderer, view, layers);

  countries = silk_map_data_get_countries (data, &n_countries);
  places = silk_map_data_get_places (data, &n_places);
  routes = silk_map_data_get_routes (data, &n_routes);
  lakes = silk_map_data_get_lakes (data, &n_lakes);

  for (guint i = 0; i < n_places; i++)
    {
      VisiblePlace v;

      xf (t, places[i].point.x, places[i].point.y, &v.x, &v.y);
      if (v.x < -20 || v.y < -20 || v.x > view->width + 20 || v.y > view->height + 20)
        continue;
      v.place = &places[i];
      g_array_append_val (visible, v);
    }
  g_array_sort (visible, compare_place_rank);

  /* Capitals and project ends are always marked: reserve their room first. */
  if (markers)
    for (guint i = 0; i < visible->len; i++)
      {
        const VisiblePlace *v = &g_array_index (visible, VisiblePlace, i);

        if (v->place->is_capital)
          add_obstacle (renderer, v->x - 5, v->y - 5, v->x + 5, v->y + 5);
      }
  if (layers & SILK_LAYER_ROUTES)
    for (guint i = 0; i < n_routes; i++)
      {
        SilkPoint ends[2];

        if (!route_shown (&routes[i], layers))
          continue;
        route_ends (&routes[i], &ends[0], &ends[1]);
        for (guint k = 0; k < 2; k++)
          {
            double sx, sy;

            xf (t, ends[k].x, ends[k].y, &sx, &sy);
            add_obstacle (renderer, sx - 4, sy - 4, sx + 4, sy + 4);
          }
      }

  if (layers & SILK_LAYER_ROUTES)
    for (guint i = 0; i < n_routes; i++)
      {
        if (!route_shown (&routes[i], layers)
            || !silk_bounds_intersects (&routes[i].line->bounds, &t->clip))
          continue;
        for (guint p = 0; p < routes[i].line->n_parts; p++)
          {
            GArray *run = screen_run (renderer, t, routes[i].line, p);

            for (guint k = 0; k + 1 < run->len; k++)
              {
                const SilkPoint *a = &g_array_index (run, SilkPoint, k);
                const SilkPoint *b = &g_array_index (run, SilkPoint, k + 1);
                Rect segment = { a->x, a->y, b->x, b->y };

                g_array_append_val (renderer->lines, segment);
              }
          }
      }

  if (labels)
    for (guint i = 0; i < n_countries; i++)
      {
        Label *label;
        double lx, ly, sx, sy;
        double width = (countries[i].bounds.max_x - countries[i].bounds.min_x) * t->s;

        if (countries[i].tint < 0
            || !silk_map_data_get_label_point (data, countries[i].country, &lx, &ly))
          continue;
        xf (t, lx, ly, &sx, &sy);
        /* The full size, else a smaller one; at the name point or nudged around it.
         * A name much wider than its country would sprawl over the neighbours. */
        for (int size = 0; size < 2; size++)
          {
            /* The small layouts are keyed one byte past the item: never read. */
            gconstpointer key = (const guint8 *) countries[i].country + size;
            static const double nudges[][2] = {
              { 0, 0 }, { 0, -0.9 }, { 0, 0.9 }, { -0.25, 0 }, { 0.25, 0 },
              { -0.25, -0.9 }, { 0.25, -0.9 }, { -0.25, 0.9 }, { 0.25, 0.9 },
            };
            guint n = 0;

            label = get_label (renderer, key,
                               silk_item_get_name (SILK_ITEM (countries[i].country)),
                               size == 0 ? LABEL_COUNTRY : LABEL_COUNTRY_SMALL);
            if (label->width > width * (size == 0 ? 1.0 : 1.6))
              continue;
            for (guint k = 0; k < G_N_ELEMENTS (nudges); k++, n++)
              {
                c[2 * n] = sx - label->width * (0.5 + nudges[k][0]);
                c[2 * n + 1] = sy - label->height * (0.5 + nudges[k][1]);
              }
            if (place_label (renderer, view, label, c, n, &palette->text, 4))
              break;
          }
      }

  if (labels)
    for (guint i = 0; i < visible->len; i++)
      {
        const VisiblePlace *v = &g_array_index (visible, VisiblePlace, i);
        Label *label;
        guint n;

        if (!v->place->is_capital
            && !(v->place->is_route_end && (layers & SILK_LAYER_ROUTES)))
          continue;
        label = get_label (renderer, v->place->place, silk_item_get_name (SILK_ITEM (v->place->place)),
                           v->place->is_capital
                           ? LABEL_CAPITAL
                           : place_label_kind (silk_place_get_place_kind (v->place->place)));
        n = marker_candidates (label, v->x, v->y, 5, c);
        place_label (renderer, view, label, c, n, &palette->text, 3);
      }

  if (labels && (layers & SILK_LAYER_ROUTES))
    for (guint i = 0; i < n_routes; i++)
      {
        const SilkMapRoute *route = &routes[i];
        SilkMode mode = silk_project_get_mode (route->project);
        static const double fractions[] = { 0.5, 0.38, 0.62, 0.25, 0.75, 0.12, 0.88 };
        Label *label;
        GArray *run;
        guint n;

        if (mode == SILK_MODE_TUNNEL || !route_shown (route, layers)
            || !silk_bounds_intersects (&route->line->bounds, &t->clip))
          continue;
        run = screen_run (renderer, t, route->line, 0);
        label = get_label (renderer, route->project,
                           silk_item_get_name (SILK_ITEM (route->project)), LABEL_ROUTE);
        /* A name far longer than its line would float away from it: the name waits
         * for the zoom (the tooltip and the legend say what the line is). */
        {
          double length = 0;

          for (guint k = 0; k + 1 < run->len; k++)
            length += hypot (g_array_index (run, SilkPoint, k + 1).x - g_array_index (run, SilkPoint, k).x,
                             g_array_index (run, SilkPoint, k + 1).y - g_array_index (run, SilkPoint, k).y);
          if (length < label->width * 0.6)
            continue;
        }
        /* Beside the line, just clear of it, on either side, from the middle out. */
        n = 0;
        for (guint k = 0; k < G_N_ELEMENTS (fractions); k++)
          {
            SilkPoint at;
            double dx, dy;

            if (!run_at (run, fractions[k], &at, &dx, &dy))
              continue;
            for (int side = -1; side <= 1; side += 2)
              {
                double nx = -dy * side, ny = dx * side;
                double reach = fabs (nx) * label->width / 2 + fabs (ny) * label->height / 2 + 6;

                c[2 * n] = at.x + nx * reach - label->width / 2;
                c[2 * n + 1] = at.y + ny * reach - label->height / 2;
                n++;
              }
          }
        place_label (renderer, view, label, c, n,
                     mode == SILK_MODE_HIGHWAY ? &palette->highway_text : &palette->railway, 3);
      }

  if (labels)
    for (guint i = 0; i < n_lakes; i++)
      {
        const SilkMapFeature *lake = &lakes[i];
        const SilkBounds *b = &lake->geometry->bounds;
        Label *label;
        double sx, sy;

        if (lake->feature->name == NULL || !silk_bounds_intersects (b, &t->clip))
          continue;
        label = get_label (renderer, lake->feature, silk_text_get (lake->feature->name), LABEL_LAKE);
        /* Name a lake only once it is large enough to hold most of its name. */
        if ((b->max_x - b->min_x) * t->s < label->width * 0.6)
          continue;
        xf (t, (b->min_x + b->max_x) / 2, (b->min_y + b->max_y) / 2, &sx, &sy);
        c[0] = sx - label->width / 2;  c[1] = sy - label->height / 2;
        c[2] = sx - label->width / 2;  c[3] = sy + label->height * 0.6;
        place_label (renderer, view, label, c, 2, &palette->water_label, 3);
      }

  if (labels && (layers & SILK_LAYER_NEIGHBOURS))
    for (guint i = 0; i < n_countries; i++)
      {
        Label *label;
        double lx, ly, sx, sy;

        if (countries[i].tint >= 0
            || !silk_map_data_get_label_point (data, countries[i].country, &lx, &ly))
          continue;
        label = get_label (renderer, countries[i].country,
                           silk_item_get_name (SILK_ITEM (countries[i].country)), LABEL_NEIGHBOUR);
        if (label->width > (countries[i].bounds.max_x - countries[i].bounds.min_x) * t->s)
          continue;
        xf (t, lx, ly, &sx, &sy);
        c[0] = sx - label->width / 2;  c[1] = sy - label->height / 2;
        place_label (renderer, view, label, c, 1, &palette->text_muted, 3);
      }

  /* Capitals are marked whether or not their name fits; other places only with
   * their name. */
  for (guint i = 0; i < visible->len; i++)
    {
      const VisiblePlace *v = &g_array_index (visible, VisiblePlace, i);
      SilkPlaceKind kind = silk_place_get_place_kind (v->place->place);
      Label *label;
      double r = kind == SILK_PLACE_CITY ? 3.5 : 3;
      Rect marker = { v->x - r, v->y - r, v->x + r, v->y + r };
      guint n;

      if (v->place->is_capital)
        {
          if (markers)
            draw_place_marker (cr, palette, kind, v->x, v->y);
          continue;
        }
      /* Named above; the route's end marker marks it. */
      if (v->place->is_route_end && (layers & SILK_LAYER_ROUTES))
        continue;
      if (!markers)
        continue;
      if (!is_free (renderer, view, &marker))
        continue;
      if (labels)
        {
          label = get_label (renderer, v->place->place,
                             silk_item_get_name (SILK_ITEM (v->place->place)),
                             place_label_kind (kind));
          n = marker_candidates (label, v->x, v->y, r, c);
          g_array_append_val (renderer->obstacles, marker);
          if (!place_label (renderer, view, label, c, n, &palette->text, 3))
            {
              g_array_set_size (renderer->obstacles, renderer->obstacles->len - 1);
              continue;
            }
        }
      draw_place_marker (cr, palette, kind, v->x, v->y);
    }

  for (guint i = 0; i < renderer->placed->len; i++)
    {
      const Placed *p = &g_array_index (renderer->placed, Placed, i);

      draw_label (cr, p->label, p->x, p->y, p->color, &palette->halo, p->halo);
    }
}

void
silk_renderer_draw_base (SilkRenderer      *renderer,
                         cairo_t           *cr,
                         const SilkView    *view,
                         const SilkPalette *palette,
                         SilkLayers         layers)
{
  Xform t;
  guint level;

  g_return_if_fail (renderer != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL && palette != NULL);

  xform_init (&t, view, 16);
  level = silk_map_data_choose_level (renderer->data, view->scale);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);
  silk_color_set_source (cr, &palette->water);
  cairo_paint (cr);
  /* Without the neighbours the members stand on plain ground, not in a sea. */
  if (!(layers & SILK_LAYER_NEIGHBOURS))
    {
      silk_color_set_source (cr, &palette->panel);
      cairo_paint (cr);
    }

  if (layers & SILK_LAYER_LAND)
    draw_land (renderer, cr, &t, palette, level, layers);
  if (layers & SILK_LAYER_LAKES)
    draw_lakes (renderer, cr, &t, palette);
  if (layers & SILK_LAYER_RIVERS)
    draw_rivers (renderer, cr, &t, palette);
  if (layers & SILK_LAYER_BORDERS)
    draw_borders (renderer, cr, &t, palette, level, layers);
  if (layers & SILK_LAYER_ROUTES)
    draw_routes (renderer, cr, &t, palette, layers);
  if (layers & (SILK_LAYER_PLACES | SILK_LAYER_LABELS))
    draw_places_and_labels (renderer, cr, view, &t, palette, layers);

  cairo_restore (cr);
}

/* Overlays */

static void
path_country (SilkRenderer   *renderer,
              cairo_t        *cr,
              const Xform    *t,
              const SilkView *view,
              guint           index)
{
  guint level = silk_map_data_choose_level (renderer->data, view->scale);

  path_polygons (renderer, cr, t,
                 silk_map_data_get_country_geometry (renderer->data, index, level));
}

void
silk_renderer_draw_selection (SilkRenderer      *renderer,
                              cairo_t           *cr,
                              const SilkView    *view,
                              const SilkPalette *palette,
                              SilkItem          *selected)
{
  SilkMapData *data;
  const SilkMapRoute *route;
  const SilkMapPlace *place;
  guint index;
  Xform t;

  g_return_if_fail (renderer != NULL);
  g_return_if_fail (cr != NULL);

  if (selected == NULL)
    return;

  data = renderer->data;
  xform_init (&t, view, 16);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (silk_map_data_find_country (data, selected, &index) != NULL)
    {
      /* The veil covers everything but the country: the view rectangle and the
       * country's rings, filled even-odd. */
      cairo_new_path (cr);
      cairo_rectangle (cr, -1, -1, view->width + 2, view->height + 2);
      path_country (renderer, cr, &t, view, index);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      silk_color_set_source (cr, &palette->veil);
      cairo_fill (cr);

      cairo_new_path (cr);
      path_country (renderer, cr, &t, view, index);
      silk_color_set_source (cr, &palette->halo);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      silk_color_set_source (cr, &palette->selection);
      cairo_set_line_width (cr, 2.4);
      cairo_stroke (cr);
    }
  else if ((route = silk_map_data_find_route (data, selected)) != NULL)
    {
      silk_color_set_source (cr, &palette->veil);
      cairo_paint (cr);

      /* One stroke covers the places where the line overlaps itself only once,
       * so a translucent colour needs no group (and a group leaks in cairo 1.16's
       * SVG surface when its pattern is released). */
      cairo_new_path (cr);
      path_lines (cr, &t, route->line);
      cairo_set_source_rgba (cr, palette->selection.red, palette->selection.green,
                             palette->selection.blue, palette->selection.alpha * 0.3);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, 15);
      cairo_stroke (cr);
      draw_route (renderer, cr, &t, palette, route, 1.35);
      draw_route_endpoints (cr, &t, palette, route, 1.35);
    }
  else if ((place = silk_map_data_find_place (data, selected)) != NULL)
    {
      double sx, sy;

      silk_color_set_source (cr, &palette->veil);
      cairo_paint (cr);
      xf (&t, place->point.x, place->point.y, &sx, &sy);
      cairo_new_path (cr);
      cairo_arc (cr, sx, sy, 10, 0, 2 * G_PI);
      silk_color_set_source (cr, &palette->halo);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      silk_color_set_source (cr, &palette->selection);
      cairo_set_line_width (cr, 2.4);
      cairo_stroke (cr);
      draw_place_marker (cr, palette, silk_place_get_place_kind (place->place), sx, sy);
    }

  cairo_restore (cr);
}

void
silk_renderer_draw_hover (SilkRenderer      *renderer,
                          cairo_t           *cr,
                          const SilkView    *view,
                          const SilkPalette *palette,
                          SilkItem          *hover)
{
  const SilkMapRoute *route;
  guint index;
  Xform t;

  g_return_if_fail (renderer != NULL);
  g_return_if_fail (cr != NULL);

  if (hover == NULL)
    return;

  xform_init (&t, view, 16);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);

  if (silk_map_data_find_country (renderer->data, hover, &index) != NULL)
    {
      path_country (renderer, cr, &t, view, index);
      silk_color_set_source (cr, &palette->hover);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  else if ((route = silk_map_data_find_route (renderer->data, hover)) != NULL)
    {
      path_lines (cr, &t, route->line);
      cairo_set_source_rgba (cr, palette->hover.red, palette->hover.green, palette->hover.blue,
                             palette->hover.alpha * 0.4);
      cairo_set_line_width (cr, 11);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

gboolean
silk_renderer_get_item_extents (SilkRenderer          *renderer,
                                const SilkView        *view,
                                SilkItem              *item,
                                cairo_rectangle_int_t *extents)
{
  SilkBounds b;
  double x0, y0, x1, y1;

  g_return_val_if_fail (renderer != NULL, FALSE);

  if (item == NULL || !silk_map_data_get_item_bounds (renderer->data, item, &b))
    return FALSE;

  /* Whole bounds of a country, islands included, not just the mainland. */
  {
    const SilkMapCountry *country = silk_map_data_find_country (renderer->data, item, NULL);

    if (country != NULL)
      b = country->bounds;
  }
  silk_view_to_screen (view, b.min_x, b.max_y, &x0, &y0);
  silk_view_to_screen (view, b.max_x, b.min_y, &x1, &y1);
  x0 = MAX (floor (x0) - 10, 0);
  y0 = MAX (floor (y0) - 10, 0);
  x1 = MIN (ceil (x1) + 10, view->width);
  y1 = MIN (ceil (y1) + 10, view->height);
  if (x1 <= x0 || y1 <= y0)
    return FALSE;
  extents->x = (int) x0;
  extents->y = (int) y0;
  extents->width = (int) (x1 - x0);
  extents->height = (int) (y1 - y0);
  return TRUE;
}

/* Chrome */

#define CHROME_MARGIN 12.0
#define LEGEND_ROW 19.0
#define LEGEND_SYMBOL 40.0
#define LEGEND_PAD 9.0

typedef enum
{
  SYMBOL_RAILWAY,
  SYMBOL_HIGHWAY,
  SYMBOL_TUNNEL,
  SYMBOL_STATUS,
  SYMBOL_CAPITAL,
  SYMBOL_CITY,
  SYMBOL_ENDPOINT,
} SymbolKind;

typedef struct
{
  SymbolKind kind;
  int status;
  const char *text;
} LegendRow;

/* The rows the legend needs: only the modes and statuses the atlas uses, of the
 * layers shown. */
static guint
legend_rows (SilkRenderer *renderer,
             LegendRow    *rows)
{
  SilkLayers layers = renderer->legend_layers;
  gboolean any_route = FALSE;
  const SilkMapRoute *routes;
  gboolean modes[3] = { FALSE, FALSE, FALSE };
  gboolean statuses[4] = { FALSE, FALSE, FALSE, FALSE };
  guint n_routes, n = 0;
  static const int status_order[] = {
    SILK_STATUS_IN_OPERATION, SILK_STATUS_PILOT_OPERATION,
    SILK_STATUS_UNDER_CONSTRUCTION, SILK_STATUS_PLANNED,
  };

  routes = silk_map_data_get_routes (renderer->data, &n_routes);
  for (guint i = 0; i < n_routes; i++)
    {
      if (!route_shown (&routes[i], layers))
        continue;
      any_route = TRUE;
      modes[silk_project_get_mode (routes[i].project)] = TRUE;
      if (silk_project_get_mode (routes[i].project) != SILK_MODE_TUNNEL)
        statuses[silk_project_get_status (routes[i].project)] = TRUE;
    }

  if (modes[SILK_MODE_RAILWAY])
    rows[n++] = (LegendRow) { SYMBOL_RAILWAY, 0, _("Railway") };
  if (modes[SILK_MODE_HIGHWAY])
    rows[n++] = (LegendRow) { SYMBOL_HIGHWAY, 0, _("Highway") };
  if (modes[SILK_MODE_TUNNEL])
    rows[n++] = (LegendRow) { SYMBOL_TUNNEL, 0, _("Tunnel") };
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    {
      const char *text = NULL;

      if (!statuses[status_order[i]])
        continue;
      switch (status_order[i])
        {
        case SILK_STATUS_IN_OPERATION: text = _("In operation"); break;
        case SILK_STATUS_PILOT_OPERATION: text = _("Pilot operation"); break;
        case SILK_STATUS_UNDER_CONSTRUCTION: text = _("Under construction"); break;
        case SILK_STATUS_PLANNED: text = _("Planned"); break;
        default: g_assert_not_reached ();
        }
      rows[n++] = (LegendRow) { SYMBOL_STATUS, status_order[i], text };
    }
  if (any_route)
    rows[n++] = (LegendRow) { SYMBOL_ENDPOINT, 0, _("Project end point") };
  if (layers & SILK_LAYER_PLACES)
    {
      rows[n++] = (LegendRow) { SYMBOL_CAPITAL, 0, _("Capital") };
      rows[n++] = (LegendRow) { SYMBOL_CITY, 0, _("City") };
    }
  return n;
}

static void
legend_rect (SilkRenderer   *renderer,
             const SilkView *view,
             Rect           *rect,
             LegendRow      *rows,
             guint          *n_rows)
{
  double width = 0;
  Label *title = get_legend_label (renderer, _("Legend"), LABEL_CAPITAL);

  *n_rows = legend_rows (renderer, rows);
  for (guint i = 0; i < *n_rows; i++)
    width = MAX (width, get_legend_label (renderer, rows[i].text, LABEL_LEGEND)->width);
  width = MAX (LEGEND_SYMBOL + 8 + width, title->width) + 2 * LEGEND_PAD;
  rect->x0 = CHROME_MARGIN;
  rect->x1 = rect->x0 + width;
  rect->y1 = view->height - CHROME_MARGIN;
  rect->y0 = rect->y1 - (2 * LEGEND_PAD + title->height + 4 + *n_rows * LEGEND_ROW);
}

static void
draw_legend_symbol (SilkRenderer      *renderer,
                    cairo_t           *cr,
                    const SilkPalette *palette,
                    const LegendRow   *row,
                    double             x,
                    double             y)
{
  double x1 = x + LEGEND_SYMBOL;
  Xform t = {
    .s = 1, .min_step = 0.5, .line_step = 0.5, .clip = { -1e9, -1e9, 1e9, 1e9 },
  };
  SilkGeometryBuilder *builder;
  g_autoptr(SilkGeometry) line = NULL;
  SilkMapRoute route = { 0 };

  cairo_save (cr);
  switch (row->kind)
    {
    case SYMBOL_RAILWAY:
    case SYMBOL_HIGHWAY:
    case SYMBOL_TUNNEL:
      /* Draw the real symbol on a short straight route, in operation. */
      builder = silk_geometry_builder_new (SILK_GEOMETRY_LINES);
      silk_geometry_builder_add_point (builder, x + 2, -y);
      silk_geometry_builder_add_point (builder, x1 - 2, -y);
      silk_geometry_builder_end_part (builder, FALSE);
      line = silk_geometry_builder_finish (builder);
      silk_geometry_builder_free (builder);
      route.line = line;
      {
        SilkMode mode = row->kind == SYMBOL_RAILWAY ? SILK_MODE_RAILWAY
                        : row->kind == SYMBOL_HIGHWAY ? SILK_MODE_HIGHWAY : SILK_MODE_TUNNEL;
        const SilkMapRoute *routes;
        guint n;

        /* Borrow an in-operation look from the mode alone. */
        routes = silk_map_data_get_routes (renderer->data, &n);
        for (guint i = 0; i < n && route.project == NULL; i++)
          if (silk_project_get_mode (routes[i].project) == mode)
            route.project = routes[i].project;
        if (route.project != NULL)
          {
            cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
            if (mode == SILK_MODE_TUNNEL)
              {
                draw_route (renderer, cr, &t, palette, &route, 0.9);
              }
            else
              {
                /* The symbol in its solid form; status has rows of its own. */
                cairo_new_path (cr);
                path_lines (cr, &t, line);
                silk_color_set_source (cr, &palette->route_halo);
                cairo_set_line_width (cr, 7);
                cairo_stroke (cr);
                if (mode == SILK_MODE_RAILWAY)
                  {
                    path_ties (cr, screen_run (renderer, &t, line, 0), 9 * 0.9, 3.6 * 0.9);
                    silk_color_set_source (cr, &palette->railway);
                    cairo_set_line_width (cr, 1.2);
                    cairo_stroke (cr);
                    path_lines (cr, &t, line);
                    cairo_set_line_width (cr, 2.4);
                    cairo_stroke (cr);
                  }
                else
                  {
                    path_lines (cr, &t, line);
                    silk_color_set_source (cr, &palette->highway_casing);
                    cairo_set_line_width (cr, 4.8);
                    cairo_stroke_preserve (cr);
                    silk_color_set_source (cr, &palette->highway);
                    cairo_set_line_width (cr, 2.8);
                    cairo_stroke (cr);
                  }
              }
          }
      }
      break;
    case SYMBOL_STATUS:
      cairo_move_to (cr, x + 2, y);
      cairo_line_to (cr, x1 - 2, y);
      set_status_dash (cr, row->status, 0.8);
      silk_color_set_source (cr, &palette->text);
      cairo_set_line_width (cr, 2.2);
      cairo_stroke (cr);
      break;
    case SYMBOL_CAPITAL:
      draw_place_marker (cr, palette, SILK_PLACE_CAPITAL, x + LEGEND_SYMBOL / 2, y);
      break;
    case SYMBOL_CITY:
      draw_place_marker (cr, palette, SILK_PLACE_CITY, x + LEGEND_SYMBOL / 2, y);
      break;
    case SYMBOL_ENDPOINT:
      draw_endpoint (cr, palette, x + LEGEND_SYMBOL / 2, y, &palette->railway, 1.0);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x0,
              double   y0,
              double   x1,
              double   y1,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
  cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
silk_renderer_set_legend_layers (SilkRenderer *renderer,
                                 SilkLayers    layers)
{
  g_return_if_fail (renderer != NULL);

  renderer->legend_layers = layers;
}

void
silk_renderer_get_legend_size (SilkRenderer *renderer,
                               double       *width,
                               double       *height)
{
  LegendRow rows[16];
  guint n_rows;
  Rect rect;
  SilkView view;

  silk_view_init (&view, 1000, 1000, 1);
  legend_rect (renderer, &view, &rect, rows, &n_rows);
  *width = rect.x1 - rect.x0;
  *height = rect.y1 - rect.y0;
}

void
silk_renderer_draw_legend (SilkRenderer      *renderer,
                           cairo_t           *cr,
                           const SilkPalette *palette,
                           double             x,
                           double             y)
{
  double width, height;
  SilkView view;

  /* A view whose bottom left corner, less the margin, is (x, y + height). */
  silk_renderer_get_legend_size (renderer, &width, &height);
  silk_view_init (&view, 1, 1, 1);
  view.height = (int) ceil (y + height + CHROME_MARGIN);
  cairo_save (cr);
  cairo_translate (cr, x - CHROME_MARGIN, y + height + CHROME_MARGIN - view.height);
  draw_legend (renderer, cr, &view, palette);
  cairo_restore (cr);
}

static void
draw_legend (SilkRenderer      *renderer,
             cairo_t           *cr,
             const SilkView    *view,
             const SilkPalette *palette)
{
  LegendRow rows[16];
  guint n_rows;
  Rect rect;
  Label *title;
  double y;

  legend_rect (renderer, view, &rect, rows, &n_rows);
  title = get_legend_label (renderer, _("Legend"), LABEL_CAPITAL);

  rounded_rect (cr, rect.x0 + 0.5, rect.y0 + 0.5, rect.x1 - 0.5, rect.y1 - 0.5, 6);
  silk_color_set_source (cr, &palette->panel);
  cairo_fill_preserve (cr);
  silk_color_set_source (cr, &palette->panel_border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  draw_label (cr, title, rect.x0 + LEGEND_PAD, rect.y0 + LEGEND_PAD, &palette->text, NULL, 0);
  y = rect.y0 + LEGEND_PAD + title->height + 4;
  for (guint i = 0; i < n_rows; i++)
    {
      Label *label = get_legend_label (renderer, rows[i].text, LABEL_LEGEND);
      double cy = y + LEGEND_ROW / 2;

      draw_legend_symbol (renderer, cr, palette, &rows[i], rect.x0 + LEGEND_PAD, cy);
      draw_label (cr, label, rect.x0 + LEGEND_PAD + LEGEND_SYMBOL + 8, cy - label->height / 2,
                  &palette->text, NULL, 0);
      y += LEGEND_ROW;
    }
}

static double
nice_length (double max_km)
{
  double p = pow (10, floor (log10 (max_km)));

  if (5 * p <= max_km)
    return 5 * p;
  if (2 * p <= max_km)
    return 2 * p;
  return p;
}

/* The bar is true at the latitude of the view's centre: a conformal conic's scale
 * varies by a few percent across the region. */
static double
scale_bar_km (SilkRenderer   *renderer,
              const SilkView *view,
              double         *pixels)
{
  double lon, lat, k, px_per_km, km;

  silk_projection_inverse (silk_map_data_get_projection (renderer->data),
                           view->center_x, view->center_y, &lon, &lat);
  k = silk_projection_scale_factor (silk_map_data_get_projection (renderer->data), lat);
  px_per_km = view->scale * k;
  km = nice_length (140 / px_per_km);
  *pixels = km * px_per_km;
  return km;
}

static Label *
get_attribution (SilkRenderer *renderer)
{
  return get_legend_label (renderer, _("Borders: Natural Earth · Lakes, rivers: GSHHG"),
                           LABEL_SMALL);
}

static void
draw_scale_bar (SilkRenderer      *renderer,
                cairo_t           *cr,
                const SilkView    *view,
                const SilkPalette *palette,
                double             bottom)
{
  double px;
  double km = scale_bar_km (renderer, view, &px);
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  double x1 = view->width - CHROME_MARGIN - 4;
  double x0 = x1 - px;
  double y = bottom - 6;
  Label *label;

  number = g_strdup_printf ("%g", km);
  /* TRANSLATORS: the length of the scale bar, for example "500 km". */
  text = g_strdup_printf (_("%s km"), number);
  /* Only the text changes with the zoom; keep the layout and swap the text. */
  if (renderer->scale_label == NULL)
    renderer->scale_label = label_new (renderer, text, LABEL_LEGEND);
  if (g_strcmp0 (text, renderer->scale_text) != 0)
    {
      PangoRectangle logical;

      pango_layout_set_text (renderer->scale_label->layout, text, -1);
      /* The halo is the old text's. */
      g_clear_pointer (&renderer->scale_label->halo_mask, cairo_surface_destroy);
      pango_layout_get_pixel_extents (renderer->scale_label->layout, NULL, &logical);
      renderer->scale_label->width = logical.width;
      renderer->scale_label->height = logical.height;
      g_free (renderer->scale_text);
      renderer->scale_text = g_steal_pointer (&text);
    }
  label = renderer->scale_label;

  /* Two halves, dark and light, with a halo, as printed scale bars are. */
  cairo_save (cr);
  cairo_rectangle (cr, x0 - 1.5, y - 5.5, px + 3, 8);
  silk_color_set_source (cr, &palette->halo);
  cairo_fill (cr);
  cairo_rectangle (cr, x0, y - 4, px / 2, 5);
  silk_color_set_source (cr, &palette->text);
  cairo_fill (cr);
  cairo_rectangle (cr, x0 + px / 2 + 0.5, y - 3.5, px / 2 - 1, 4);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_label (cr, label, x1 - label->width, y - 7 - label->height, &palette->text,
              &palette->halo, 3);
}

static void
reserve_chrome (SilkRenderer   *renderer,
                const SilkView *view,
                SilkLayers      layers)
{
  if (layers & SILK_LAYER_LEGEND)
    {
      LegendRow rows[16];
      guint n_rows;
      Rect rect;

      legend_rect (renderer, view, &rect, rows, &n_rows);
      add_obstacle (renderer, rect.x0 - 4, rect.y0 - 4, rect.x1 + 4, rect.y1 + 4);
    }
  if (layers & (SILK_LAYER_SCALE_BAR | SILK_LAYER_ATTRIBUTION))
    {
      Label *attribution = get_attribution (renderer);

      add_obstacle (renderer, view->width - CHROME_MARGIN - MAX (attribution->width, 200),
                    view->height - CHROME_MARGIN - attribution->height - 40,
                    view->width, view->height);
    }
}

void
silk_renderer_draw_chrome (SilkRenderer      *renderer,
                           cairo_t           *cr,
                           const SilkView    *view,
                           const SilkPalette *palette,
                           SilkLayers         layers)
{
  double bottom = view->height - CHROME_MARGIN;

  g_return_if_fail (renderer != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  if (layers & SILK_LAYER_ATTRIBUTION)
    {
      Label *attribution = get_attribution (renderer);

      draw_label (cr, attribution, view->width - CHROME_MARGIN - attribution->width,
                  bottom - attribution->height, &palette->text, &palette->halo, 3);
      bottom -= attribution->height + 2;
    }
  if (layers & SILK_LAYER_SCALE_BAR)
    draw_scale_bar (renderer, cr, view, palette, bottom);
  if (layers & SILK_LAYER_LEGEND)
    draw_legend (renderer, cr, view, palette);
  cairo_restore (cr);
}

double
silk_renderer_get_scale_bar (SilkRenderer   *renderer,
                             const SilkView *view,
                             double         *pixels)
{
  double px;
  double km;

  g_return_val_if_fail (renderer != NULL, 0);
  g_return_val_if_fail (view != NULL, 0);

  km = scale_bar_km (renderer, view, &px);
  if (pixels != NULL)
    *pixels = px;
  return km;
}

void
silk_renderer_draw (SilkRenderer      *renderer,
                    cairo_t           *cr,
                    const SilkView    *view,
                    const SilkPalette *palette,
                    SilkLayers         layers,
                    SilkItem          *selected,
                    SilkItem          *hover)
{
  silk_renderer_set_legend_layers (renderer, layers);
  silk_renderer_draw_base (renderer, cr, view, palette, layers);
  silk_renderer_draw_selection (renderer, cr, view, palette, selected);
  silk_renderer_draw_hover (renderer, cr, view, palette, hover);
  silk_renderer_draw_chrome (renderer, cr, view, palette, layers);
}
