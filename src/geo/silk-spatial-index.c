/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "silk-spatial-index.h"

#include <math.h>
#include <stdlib.h>

/* Where in its cell the reference point of a cell lies, as a fraction of the cell's
 * width and height. Not the exact centre: outlines on round coordinates (a border
 * along a meridian, a test's square) would run right through it, leaving its
 * inside/outside state undefined. */
#define REF_FX 0.4871325
#define REF_FY 0.5127913

/* One segment: points[first] to points[first + 1] of feature @feature. */
typedef struct
{
  guint32 feature;
  guint32 first;
} Segment;

typedef struct
{
  SilkGeometry *geometry;
  guint id;
} Feature;

/* A crossing of a feature's outline with the scanline through a row's cell centres. */
typedef struct
{
  guint32 row;
  guint32 feature;
  double x;
} Crossing;

struct _SilkSpatialIndex
{
  GArray *features;        /* Feature */
  gboolean built;

  SilkBounds bounds;
  guint n_cols;
  guint n_rows;
  double cell_w;
  double cell_h;

  /* Compressed rows: the segments of cell c are segments[cell_start[c] ..
   * cell_start[c + 1]). */
  guint *cell_start;
  Segment *segments;
  guint n_segment_refs;
  guint n_segments;

  /* Likewise, the polygon features that contain the centre of cell c. */
  guint *inside_start;
  guint32 *inside;
};

SilkSpatialIndex *
silk_spatial_index_new (void)
{
  SilkSpatialIndex *index = g_new0 (SilkSpatialIndex, 1);

  index->features = g_array_new (FALSE, FALSE, sizeof (Feature));
  silk_bounds_init_empty (&index->bounds);
  return index;
}

void
silk_spatial_index_free (SilkSpatialIndex *index)
{
  if (index == NULL)
    return;

  for (guint i = 0; i < index->features->len; i++)
    silk_geometry_unref (g_array_index (index->features, Feature, i).geometry);
  g_array_unref (index->features);
  g_free (index->cell_start);
  g_free (index->segments);
  g_free (index->inside_start);
  g_free (index->inside);
  g_free (index);
}

void
silk_spatial_index_add (SilkSpatialIndex *index,
                        SilkGeometry     *geometry,
                        guint             id)
{
  Feature feature;

  g_return_if_fail (index != NULL);
  g_return_if_fail (geometry != NULL);
  g_return_if_fail (geometry->type != SILK_GEOMETRY_POINT);
  g_return_if_fail (!index->built);

  feature.geometry = silk_geometry_ref (geometry);
  feature.id = id;
  g_array_append_val (index->features, feature);
  if (geometry->n_points > 0)
    silk_bounds_union (&index->bounds, &geometry->bounds);
}

static inline guint
col_of (const SilkSpatialIndex *index,
        double                  x)
{
  double c = floor ((x - index->bounds.min_x) / index->cell_w);

  return (guint) CLAMP (c, 0, (double) index->n_cols - 1);
}

static inline guint
row_of (const SilkSpatialIndex *index,
        double                  y)
{
  double r = floor ((y - index->bounds.min_y) / index->cell_h);

  return (guint) CLAMP (r, 0, (double) index->n_rows - 1);
}

/* Calls @func for every cell the segment a–b may touch: for each column it spans,
 * the rows between the segment's heights at the column's edges. */
static void
for_each_cell (SilkSpatialIndex *index,
               const SilkPoint  *a,
               const SilkPoint  *b,
               void            (*func) (SilkSpatialIndex *, guint, gpointer),
               gpointer          data)
{
  const SilkPoint *p = a->x <= b->x ? a : b;
  const SilkPoint *q = a->x <= b->x ? b : a;
  guint c0 = col_of (index, p->x);
  guint c1 = col_of (index, q->x);
  double dx = q->x - p->x;

  for (guint c = c0; c <= c1; c++)
    {
      double x0 = MAX (p->x, index->bounds.min_x + c * index->cell_w);
      double x1 = MIN (q->x, index->bounds.min_x + (c + 1) * index->cell_w);
      double y0, y1;
      guint r0, r1;

      if (dx > 0)
        {
          y0 = p->y + (q->y - p->y) * ((x0 - p->x) / dx);
          y1 = p->y + (q->y - p->y) * ((x1 - p->x) / dx);
        }
      else
        {
          y0 = p->y;
          y1 = q->y;
        }
      /* Rounding must never drop a cell the segment touches. */
      r0 = row_of (index, MIN (y0, y1) - index->cell_h * 1e-9);
      r1 = row_of (index, MAX (y0, y1) + index->cell_h * 1e-9);
      for (guint r = r0; r <= r1; r++)
        func (index, r * index->n_cols + c, data);
    }
}

static void
count_cell (SilkSpatialIndex *index,
            guint             cell,
            gpointer          data)
{
  index->cell_start[cell + 1]++;
}

typedef struct
{
  guint *fill;
  Segment segment;
} FillData;

static void
fill_cell (SilkSpatialIndex *index,
           guint             cell,
           gpointer          data)
{
  FillData *fill = data;

  index->segments[index->cell_start[cell] + fill->fill[cell]++] = fill->segment;
}

typedef void (*SegmentFunc) (SilkSpatialIndex *index,
                             guint             feature,
                             guint             first,
                             gpointer          data);

static void
for_each_segment (SilkSpatialIndex *index,
                  SegmentFunc       func,
                  gpointer          data)
{
  for (guint f = 0; f < index->features->len; f++)
    {
      const SilkGeometry *geometry = g_array_index (index->features, Feature, f).geometry;

      for (guint p = 0; p < geometry->n_parts; p++)
        {
          const SilkPart *part = &geometry->parts[p];

          for (guint i = 0; i + 1 < part->n_points; i++)
            func (index, f, part->first + i, data);
        }
    }
}

static void
count_segment (SilkSpatialIndex *index,
               guint             feature,
               guint             first,
               gpointer          data)
{
  const SilkGeometry *geometry = g_array_index (index->features, Feature, feature).geometry;

  index->n_segments++;
  for_each_cell (index, &geometry->points[first], &geometry->points[first + 1],
                 count_cell, NULL);
}

static void
fill_segment (SilkSpatialIndex *index,
              guint             feature,
              guint             first,
              gpointer          data)
{
  const SilkGeometry *geometry = g_array_index (index->features, Feature, feature).geometry;
  FillData *fill = data;

  fill->segment.feature = feature;
  fill->segment.first = first;
  for_each_cell (index, &geometry->points[first], &geometry->points[first + 1],
                 fill_cell, fill);
}

static void
collect_crossing (SilkSpatialIndex *index,
                  guint             feature,
                  guint             first,
                  gpointer          data)
{
  const SilkGeometry *geometry = g_array_index (index->features, Feature, feature).geometry;
  const SilkPoint *a = &geometry->points[first];
  const SilkPoint *b = &geometry->points[first + 1];
  GArray *crossings = data;
  double lo = MIN (a->y, b->y);
  double hi = MAX (a->y, b->y);
  double r0, r1;

  if (geometry->type != SILK_GEOMETRY_POLYGONS || lo == hi)
    return;

  /* Rows whose centre height y satisfies lo <= y < hi: the same half-open rule as
   * the crossing test of a query, so that both agree at vertices. */
  r0 = ceil ((lo - index->bounds.min_y) / index->cell_h - REF_FY);
  r1 = ceil ((hi - index->bounds.min_y) / index->cell_h - REF_FY) - 1;
  r0 = MAX (r0, 0);
  r1 = MIN (r1, (double) index->n_rows - 1);

  for (double r = r0; r <= r1; r++)
    {
      double y = index->bounds.min_y + (r + REF_FY) * index->cell_h;
      Crossing crossing;

      if (!((a->y <= y) != (b->y <= y)))
        continue;
      crossing.row = (guint32) r;
      crossing.feature = feature;
      crossing.x = a->x + (y - a->y) * (b->x - a->x) / (b->y - a->y);
      g_array_append_val (crossings, crossing);
    }
}

static int
compare_crossings (const void *pa,
                   const void *pb)
{
  const Crossing *a = pa;
  const Crossing *b = pb;

  if (a->row != b->row)
    return a->row < b->row ? -1 : 1;
  if (a->feature != b->feature)
    return a->feature < b->feature ? -1 : 1;
  return (a->x > b->x) - (a->x < b->x);
}

/* For every cell, which polygon features contain its reference point: walk each row's
 * sorted crossings per feature, toggling inside/outside. */
static void
build_inside (SilkSpatialIndex *index)
{
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (Crossing));
  guint n_cells = index->n_cols * index->n_rows;
  /* Per cell, a list of features, built as (cell, feature) pairs in row order. */
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  guint i = 0;

  for_each_segment (index, collect_crossing, crossings);
  /* An empty GArray has no data, and qsort() may not be given NULL. */
  if (crossings->len > 1)
    qsort (crossings->data, crossings->len, sizeof (Crossing), compare_crossings);

  while (i < crossings->len)
    {
      const Crossing *run = &g_array_index (crossings, Crossing, i);
      guint j = i;
      guint k;
      double x0 = index->bounds.min_x + REF_FX * index->cell_w;

      while (j < crossings->len
             && g_array_index (crossings, Crossing, j).row == run->row
             && g_array_index (crossings, Crossing, j).feature == run->feature)
        j++;

      /* Crossings i..j-1 come in pairs (entering, leaving) for closed rings. */
      for (k = i; k + 1 < j; k += 2)
        {
          double xa = g_array_index (crossings, Crossing, k).x;
          double xb = g_array_index (crossings, Crossing, k + 1).x;
          double c_lo = ceil ((xa - x0) / index->cell_w);
          double c_hi = ceil ((xb - x0) / index->cell_w) - 1;

          c_lo = MAX (c_lo, 0);
          c_hi = MIN (c_hi, (double) index->n_cols - 1);
          for (double c = c_lo; c <= c_hi; c++)
            {
              guint32 pair[2] = { run->row * index->n_cols + (guint32) c, run->feature };

              g_array_append_val (pairs, pair);
            }
        }
      i = j;
    }

  index->inside_start = g_new0 (guint, n_cells + 1);
  for (i = 0; i < pairs->len; i++)
    index->inside_start[((guint32 *) pairs->data)[2 * i] + 1]++;
  for (i = 0; i < n_cells; i++)
    index->inside_start[i + 1] += index->inside_start[i];
  index->inside = g_new (guint32, MAX (pairs->len, 1));
  {
    g_autofree guint *fill = g_new0 (guint, n_cells);

    /* Pairs are sorted by row then feature; within a cell the features therefore
     * stay in the order they were added. */
    for (i = 0; i < pairs->len; i++)
      {
        guint32 cell = ((guint32 *) pairs->data)[2 * i];

        index->inside[index->inside_start[cell] + fill[cell]++] = ((guint32 *) pairs->data)[2 * i + 1];
      }
  }
}

void
silk_spatial_index_build (SilkSpatialIndex *index)
{
  guint n_cells;
  double w, h, target_cells, cell;
  g_autofree guint *fill = NULL;
  FillData fill_data;

  g_return_if_fail (index != NULL);
  g_return_if_fail (!index->built);

  index->built = TRUE;

  if (silk_bounds_is_empty (&index->bounds))
    silk_bounds_add_point (&index->bounds, 0, 0);

  /* Pad the bounds so that no point lies on the outer edge of the grid. */
  w = MAX (index->bounds.max_x - index->bounds.min_x, 1e-6);
  h = MAX (index->bounds.max_y - index->bounds.min_y, 1e-6);
  index->bounds.min_x -= w * 1e-6;
  index->bounds.max_x += w * 1e-6;
  index->bounds.min_y -= h * 1e-6;
  index->bounds.max_y += h * 1e-6;
  w = index->bounds.max_x - index->bounds.min_x;
  h = index->bounds.max_y - index->bounds.min_y;

  /* Count segments first to size the grid: about one cell per two segments, square
   * cells, at most 1024 × 1024. */
  index->n_segments = 0;
  for (guint f = 0; f < index->features->len; f++)
    {
      const SilkGeometry *geometry = g_array_index (index->features, Feature, f).geometry;

      for (guint p = 0; p < geometry->n_parts; p++)
        index->n_segments += geometry->parts[p].n_points > 0 ? geometry->parts[p].n_points - 1 : 0;
    }
  target_cells = CLAMP (index->n_segments / 2.0, 1, 1024.0 * 1024.0);
  cell = sqrt (w * h / target_cells);
  index->n_cols = (guint) CLAMP (ceil (w / cell), 1, 1024);
  index->n_rows = (guint) CLAMP (ceil (h / cell), 1, 1024);
  index->cell_w = w / index->n_cols;
  index->cell_h = h / index->n_rows;
  n_cells = index->n_cols * index->n_rows;

  index->cell_start = g_new0 (guint, n_cells + 1);
  index->n_segments = 0;
  for_each_segment (index, count_segment, NULL);
  for (guint c = 0; c < n_cells; c++)
    index->cell_start[c + 1] += index->cell_start[c];
  index->n_segment_refs = index->cell_start[n_cells];
  index->segments = g_new (Segment, MAX (index->n_segment_refs, 1));

  fill = g_new0 (guint, n_cells);
  fill_data.fill = fill;
  for_each_segment (index, fill_segment, &fill_data);

  build_inside (index);
}

static inline double
orient (double ax,
        double ay,
        double bx,
        double by,
        double cx,
        double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

#define MAX_CANDIDATES 64

guint
silk_spatial_index_query_point (const SilkSpatialIndex *index,
                                double                  x,
                                double                  y,
                                guint                  *ids,
                                guint                   max_ids,
                                guint                  *visited)
{
  guint32 features[MAX_CANDIDATES];
  gboolean parity[MAX_CANDIDATES];
  guint n_candidates = 0;
  guint n_visited = 0;
  guint n_found = 0;
  guint col, row, cell;
  double cx, cy;

  g_return_val_if_fail (index != NULL && index->built, 0);

  if (visited)
    *visited = 0;
  if (!silk_bounds_contains_point (&index->bounds, x, y))
    return 0;

  col = col_of (index, x);
  row = row_of (index, y);
  cell = row * index->n_cols + col;
  cx = index->bounds.min_x + (col + REF_FX) * index->cell_w;
  cy = index->bounds.min_y + (row + REF_FY) * index->cell_h;

  for (guint i = index->inside_start[cell]; i < index->inside_start[cell + 1]; i++)
    {
      n_visited++;
      if (n_candidates < MAX_CANDIDATES)
        {
          features[n_candidates] = index->inside[i];
          parity[n_candidates] = TRUE;
          n_candidates++;
        }
    }

  for (guint i = index->cell_start[cell]; i < index->cell_start[cell + 1]; i++)
    {
      const Segment *segment = &index->segments[i];
      const SilkGeometry *geometry;
      const SilkPoint *a, *b;
      guint k;

      n_visited++;
      geometry = g_array_index (index->features, Feature, segment->feature).geometry;
      if (geometry->type != SILK_GEOMETRY_POLYGONS)
        continue;

      a = &geometry->points[segment->first];
      b = &geometry->points[segment->first + 1];

      /* Does the path centre → point cross the edge a–b? Strictly on opposite sides
       * of the edge, and the edge's ends on opposite sides of the path by the
       * half-open rule, so that a path through a vertex counts once. */
      if ((orient (a->x, a->y, b->x, b->y, cx, cy) > 0)
          == (orient (a->x, a->y, b->x, b->y, x, y) > 0))
        continue;
      if ((orient (cx, cy, x, y, a->x, a->y) > 0) == (orient (cx, cy, x, y, b->x, b->y) > 0))
        continue;

      for (k = 0; k < n_candidates; k++)
        if (features[k] == segment->feature)
          break;
      if (k == n_candidates)
        {
          if (n_candidates == MAX_CANDIDATES)
            continue;
          features[k] = segment->feature;
          parity[k] = FALSE;
          n_candidates++;
        }
      parity[k] = !parity[k];
    }

  if (visited)
    *visited = n_visited;

  /* Report in the order features were added: candidates are few, sort them by
   * insertion. */
  for (guint f = 0; n_found < max_ids && f < n_candidates; f++)
    {
      guint best = G_MAXUINT;

      for (guint k = 0; k < n_candidates; k++)
        if (parity[k] && (best == G_MAXUINT || features[k] < features[best]))
          best = k;
      if (best == G_MAXUINT)
        break;
      ids[n_found++] = g_array_index (index->features, Feature, features[best]).id;
      parity[best] = FALSE;
    }

  return n_found;
}

double
silk_segment_distance (double px,
                       double py,
                       double ax,
                       double ay,
                       double bx,
                       double by)
{
  double dx = bx - ax;
  double dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = 0;

  if (len2 > 0)
    t = CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0, 1);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

gboolean
silk_spatial_index_query_nearest_line (const SilkSpatialIndex *index,
                                       double                  x,
                                       double                  y,
                                       double                  tolerance,
                                       guint                  *id,
                                       double                 *distance,
                                       guint                  *visited)
{
  guint n_visited = 0;
  double best = G_MAXDOUBLE;
  guint best_feature = G_MAXUINT;
  guint c0, c1, r0, r1;

  g_return_val_if_fail (index != NULL && index->built, FALSE);

  if (visited)
    *visited = 0;
  if (x + tolerance < index->bounds.min_x || x - tolerance > index->bounds.max_x
      || y + tolerance < index->bounds.min_y || y - tolerance > index->bounds.max_y)
    return FALSE;

  c0 = col_of (index, x - tolerance);
  c1 = col_of (index, x + tolerance);
  r0 = row_of (index, y - tolerance);
  r1 = row_of (index, y + tolerance);

  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        guint cell = r * index->n_cols + c;

        for (guint i = index->cell_start[cell]; i < index->cell_start[cell + 1]; i++)
          {
            const Segment *segment = &index->segments[i];
            const SilkGeometry *geometry;
            const SilkPoint *a, *b;
            double d;

            n_visited++;
            geometry = g_array_index (index->features, Feature, segment->feature).geometry;
            if (geometry->type != SILK_GEOMETRY_LINES)
              continue;
            a = &geometry->points[segment->first];
            b = &geometry->points[segment->first + 1];
            d = silk_segment_distance (x, y, a->x, a->y, b->x, b->y);
            if (d <= tolerance
                && (d < best || (d == best && segment->feature > best_feature)))
              {
                best = d;
                best_feature = segment->feature;
              }
          }
      }

  if (visited)
    *visited = n_visited;
  if (best_feature == G_MAXUINT)
    return FALSE;
  if (id)
    *id = g_array_index (index->features, Feature, best_feature).id;
  if (distance)
    *distance = best;
  return TRUE;
}

guint
silk_spatial_index_get_n_segments (const SilkSpatialIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return index->n_segments;
}

guint
silk_spatial_index_get_n_features (const SilkSpatialIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return index->features->len;
}
