/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include "silk-geometry.h"

/* The public struct comes first so that a SilkGeometry* is also a RealGeometry*. */
typedef struct
{
  SilkGeometry geometry;
  gatomicrefcount ref_count;
} RealGeometry;

struct _SilkGeometryBuilder
{
  SilkGeometryType type;
  GArray *points;
  GArray *parts;
  guint part_start;
  guint n_polygons;
};

G_DEFINE_BOXED_TYPE (SilkGeometry, silk_geometry, silk_geometry_ref, silk_geometry_unref)

SilkGeometry *
silk_geometry_ref (SilkGeometry *geometry)
{
  RealGeometry *real = (RealGeometry *) geometry;

  g_return_val_if_fail (geometry != NULL, NULL);

  g_atomic_ref_count_inc (&real->ref_count);
  return geometry;
}

void
silk_geometry_unref (SilkGeometry *geometry)
{
  RealGeometry *real = (RealGeometry *) geometry;

  g_return_if_fail (geometry != NULL);

  if (g_atomic_ref_count_dec (&real->ref_count))
    {
      g_free (geometry->points);
      g_free (geometry->parts);
      g_free (real);
    }
}

SilkGeometryBuilder *
silk_geometry_builder_new (SilkGeometryType type)
{
  SilkGeometryBuilder *builder = g_new0 (SilkGeometryBuilder, 1);

  builder->type = type;
  builder->points = g_array_new (FALSE, FALSE, sizeof (SilkPoint));
  builder->parts = g_array_new (FALSE, FALSE, sizeof (SilkPart));
  return builder;
}

void
silk_geometry_builder_free (SilkGeometryBuilder *builder)
{
  if (builder == NULL)
    return;

  g_array_unref (builder->points);
  g_array_unref (builder->parts);
  g_free (builder);
}

void
silk_geometry_builder_add_point (SilkGeometryBuilder *builder,
                                 double               x,
                                 double               y)
{
  SilkPoint point = { x, y };

  g_return_if_fail (builder != NULL);

  g_array_append_val (builder->points, point);
}

void
silk_geometry_builder_add_points (SilkGeometryBuilder *builder,
                                  const SilkPoint     *points,
                                  guint                n_points)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_append_vals (builder->points, points, n_points);
}

void
silk_geometry_builder_end_part (SilkGeometryBuilder *builder,
                                gboolean             new_polygon)
{
  SilkPart part = { 0, };

  g_return_if_fail (builder != NULL);

  part.first = builder->part_start;
  part.n_points = builder->points->len - builder->part_start;

  if (builder->type == SILK_GEOMETRY_POLYGONS)
    {
      /* A polygon cannot begin with a hole: the first ring always opens one. */
      if (new_polygon || builder->n_polygons == 0)
        builder->n_polygons++;
      else
        part.hole = TRUE;
      part.polygon = builder->n_polygons - 1;
    }

  g_array_append_val (builder->parts, part);
  builder->part_start = builder->points->len;
}

SilkGeometry *
silk_geometry_builder_finish (SilkGeometryBuilder *builder)
{
  RealGeometry *real;
  SilkGeometry *geometry;

  g_return_val_if_fail (builder != NULL, NULL);

  /* Points added after the last end_part() form a last part of their own. */
  if (builder->points->len > builder->part_start)
    silk_geometry_builder_end_part (builder, FALSE);

  real = g_new0 (RealGeometry, 1);
  g_atomic_ref_count_init (&real->ref_count);
  geometry = &real->geometry;

  geometry->type = builder->type;
  geometry->n_points = builder->points->len;
  geometry->points = (SilkPoint *) (void *) g_array_steal (builder->points, NULL);
  geometry->n_parts = builder->parts->len;
  geometry->parts = (SilkPart *) (void *) g_array_steal (builder->parts, NULL);
  geometry->n_polygons = builder->n_polygons;

  /* As silk_bounds_add_point() would, in a loop the compiler can keep in registers:
   * this runs over every vertex of an atlas. */
  silk_bounds_init_empty (&geometry->bounds);
  {
    SilkBounds b = geometry->bounds;

    for (guint i = 0; i < geometry->n_points; i++)
      {
        b.min_x = MIN (b.min_x, geometry->points[i].x);
        b.min_y = MIN (b.min_y, geometry->points[i].y);
        b.max_x = MAX (b.max_x, geometry->points[i].x);
        b.max_y = MAX (b.max_y, geometry->points[i].y);
      }
    geometry->bounds = b;
  }

  builder->part_start = 0;
  builder->n_polygons = 0;

  return geometry;
}

gboolean
silk_point_is_finite (double x,
                      double y)
{
  return isfinite (x) && isfinite (y);
}

gboolean
silk_point_is_lonlat (double x,
                      double y)
{
  return silk_point_is_finite (x, y)
         && x >= -180.0 && x <= 180.0
         && y >= -90.0 && y <= 90.0;
}

gboolean
silk_ring_is_closed (const SilkPoint *points,
                     guint            n_points)
{
  if (n_points == 0)
    return FALSE;

  return points[0].x == points[n_points - 1].x && points[0].y == points[n_points - 1].y;
}

double
silk_ring_signed_area2 (const SilkPoint *points,
                        guint            n_points)
{
  double sum = 0.0;

  if (n_points < 3)
    return 0.0;

  /* Shoelace formula relative to the first point: the same value, but the products
   * stay small and keep their precision for rings far from (0, 0). */
  for (guint i = 1; i + 1 < n_points; i++)
    {
      double ax = points[i].x - points[0].x;
      double ay = points[i].y - points[0].y;
      double bx = points[i + 1].x - points[0].x;
      double by = points[i + 1].y - points[0].y;

      sum += ax * by - bx * ay;
    }

  return sum;
}

void
silk_bounds_init_empty (SilkBounds *bounds)
{
  g_return_if_fail (bounds != NULL);

  bounds->min_x = G_MAXDOUBLE;
  bounds->min_y = G_MAXDOUBLE;
  bounds->max_x = -G_MAXDOUBLE;
  bounds->max_y = -G_MAXDOUBLE;
}

gboolean
silk_bounds_is_empty (const SilkBounds *bounds)
{
  g_return_val_if_fail (bounds != NULL, TRUE);

  return !(bounds->min_x <= bounds->max_x && bounds->min_y <= bounds->max_y);
}

void
silk_bounds_add_point (SilkBounds *bounds,
                       double      x,
                       double      y)
{
  g_return_if_fail (bounds != NULL);

  bounds->min_x = MIN (bounds->min_x, x);
  bounds->min_y = MIN (bounds->min_y, y);
  bounds->max_x = MAX (bounds->max_x, x);
  bounds->max_y = MAX (bounds->max_y, y);
}

void
silk_bounds_union (SilkBounds       *bounds,
                   const SilkBounds *other)
{
  g_return_if_fail (bounds != NULL);
  g_return_if_fail (other != NULL);

  if (silk_bounds_is_empty (other))
    return;

  silk_bounds_add_point (bounds, other->min_x, other->min_y);
  silk_bounds_add_point (bounds, other->max_x, other->max_y);
}

gboolean
silk_bounds_intersects (const SilkBounds *a,
                        const SilkBounds *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (silk_bounds_is_empty (a) || silk_bounds_is_empty (b))
    return FALSE;

  return a->min_x <= b->max_x && b->min_x <= a->max_x
         && a->min_y <= b->max_y && b->min_y <= a->max_y;
}

gboolean
silk_bounds_contains_point (const SilkBounds *bounds,
                            double            x,
                            double            y)
{
  g_return_val_if_fail (bounds != NULL, FALSE);

  return x >= bounds->min_x && x <= bounds->max_x
         && y >= bounds->min_y && y <= bounds->max_y;
}

gboolean
silk_geometry_contains_point (const SilkGeometry *geometry,
                              double              x,
                              double              y)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (geometry != NULL, FALSE);

  if (geometry->type != SILK_GEOMETRY_POLYGONS
      || !silk_bounds_contains_point (&geometry->bounds, x, y))
    return FALSE;

  /* Even-odd rule: count the edges of every ring that a ray going east from (x, y)
   * crosses. Holes need no special case, and the rings of a MultiPolygon do not
   * overlap. The half-open test (one end above, the other not) counts a vertex on
   * the ray once. */
  for (guint p = 0; p < geometry->n_parts; p++)
    {
      const SilkPart *part = &geometry->parts[p];
      const SilkPoint *ring = &geometry->points[part->first];
      guint n = part->n_points;

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          if ((ring[i].y > y) != (ring[j].y > y))
            {
              double t = (y - ring[i].y) / (ring[j].y - ring[i].y);
              double cross_x = ring[i].x + t * (ring[j].x - ring[i].x);

              if (x < cross_x)
                inside = !inside;
            }
        }
    }

  return inside;
}

static double
segment_distance2 (double           x,
                   double           y,
                   const SilkPoint *a,
                   const SilkPoint *b)
{
  double dx = b->x - a->x;
  double dy = b->y - a->y;
  double length2 = dx * dx + dy * dy;
  double t = 0.0;
  double px, py;

  if (length2 > 0.0)
    t = CLAMP (((x - a->x) * dx + (y - a->y) * dy) / length2, 0.0, 1.0);

  px = a->x + t * dx - x;
  py = a->y + t * dy - y;
  return px * px + py * py;
}

double
silk_geometry_distance_to (const SilkGeometry *geometry,
                           double              x,
                           double              y)
{
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (geometry != NULL, G_MAXDOUBLE);

  for (guint p = 0; p < geometry->n_parts; p++)
    {
      const SilkPart *part = &geometry->parts[p];
      const SilkPoint *points = &geometry->points[part->first];
      guint n = part->n_points;

      if (n == 0)
        continue;

      if (n == 1)
        {
          best = MIN (best, segment_distance2 (x, y, &points[0], &points[0]));
          continue;
        }

      for (guint i = 0; i + 1 < n; i++)
        best = MIN (best, segment_distance2 (x, y, &points[i], &points[i + 1]));

      /* A ring's outline includes the edge back to its start, even when the ring
       * does not repeat its first point. */
      if (geometry->type == SILK_GEOMETRY_POLYGONS)
        best = MIN (best, segment_distance2 (x, y, &points[n - 1], &points[0]));
    }

  return best == G_MAXDOUBLE ? G_MAXDOUBLE : sqrt (best);
}

double
silk_geometry_polygon_signed_distance (const SilkGeometry *geometry,
                                       guint               polygon,
                                       double              x,
                                       double              y)
{
  gboolean inside = FALSE;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (geometry != NULL, -G_MAXDOUBLE);
  g_return_val_if_fail (geometry->type == SILK_GEOMETRY_POLYGONS, -G_MAXDOUBLE);

  /* One pass per ring does both: the even-odd crossing count of
   * silk_geometry_contains_point() and the nearest edge. */
  for (guint p = 0; p < geometry->n_parts; p++)
    {
      const SilkPart *part = &geometry->parts[p];
      const SilkPoint *ring = &geometry->points[part->first];
      guint n = part->n_points;

      if (part->polygon != polygon || n == 0)
        continue;

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          if ((ring[i].y > y) != (ring[j].y > y))
            {
              double t = (y - ring[i].y) / (ring[j].y - ring[i].y);

              if (x < ring[i].x + t * (ring[j].x - ring[i].x))
                inside = !inside;
            }
          best = MIN (best, segment_distance2 (x, y, &ring[j], &ring[i]));
        }
    }

  if (best == G_MAXDOUBLE)
    return -G_MAXDOUBLE;
  return inside ? sqrt (best) : -sqrt (best);
}

typedef struct
{
  guint64 key;   /* sort_key() of the segment's western end */
  guint index;
} SweepEntry;

typedef struct
{
  double max_x;
  double min_y;
  double max_y;
  guint index;
} ActiveSegment;

/* An unsigned integer that orders as @x does, -0 and 0 alike. */
static inline guint64
sort_key (double x)
{
  guint64 bits;

  x += 0.0;
  memcpy (&bits, &x, sizeof bits);
  return (bits >> 63) != 0 ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

/* Sorts @entries by key, keeping the order of equal keys, with @scratch of the same
 * size: a radix sort, byte by byte, skipping the bytes all keys share. The sweep
 * sorts every segment of every outer ring the loader reads, and qsort() with a
 * comparison callback was a third of the time it took to load the 1:10m files. */
static void
sort_sweep_entries (SweepEntry *entries,
                    SweepEntry *scratch,
                    guint       n)
{
  guint counts[8][256] = { { 0 } };
  SweepEntry *from = entries;
  SweepEntry *to = scratch;

  for (guint i = 0; i < n; i++)
    for (guint byte = 0; byte < 8; byte++)
      counts[byte][(entries[i].key >> (8 * byte)) & 0xff]++;

  for (guint byte = 0; byte < 8; byte++)
    {
      guint offsets[256];
      guint total = 0;
      SweepEntry *swap;

      if (counts[byte][(entries[0].key >> (8 * byte)) & 0xff] == n)
        continue;

      for (guint b = 0; b < 256; b++)
        {
          offsets[b] = total;
          total += counts[byte][b];
        }
      for (guint i = 0; i < n; i++)
        to[offsets[(from[i].key >> (8 * byte)) & 0xff]++] = from[i];

      swap = from;
      from = to;
      to = swap;
    }

  if (from != entries)
    memcpy (entries, from, n * sizeof (SweepEntry));
}

static double
orientation (const SilkPoint *a,
             const SilkPoint *b,
             const SilkPoint *c)
{
  return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

static gboolean
segments_cross (const SilkPoint *a,
                const SilkPoint *b,
                const SilkPoint *c,
                const SilkPoint *d)
{
  double o1 = orientation (a, b, c);
  double o2 = orientation (a, b, d);
  double o3 = orientation (c, d, a);
  double o4 = orientation (c, d, b);

  /* Only a proper crossing counts: each segment has the ends of the other strictly
   * on opposite sides. Neighbouring segments share a vertex and so never cross, and
   * a ring that merely touches itself still fills correctly. */
  return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0))
         && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
}

gboolean
silk_ring_find_crossing (const SilkPoint *points,
                         guint            n_points,
                         guint           *segment_a,
                         guint           *segment_b)
{
  return silk_ring_check_crossing (points, n_points, G_MAXUINT, segment_a, segment_b)
         == SILK_RING_CROSSES;
}

/* The column of quick_sweep()'s grid that @x falls in: never less for a greater @x,
 * as each step rounds monotonically, which is all quick_sweep() needs. */
static inline guint
column_of (double x,
           double min_x,
           double scale,
           guint  n_columns)
{
  return MIN ((guint) ((x - min_x) * scale), n_columns - 1);
}

/* Whether the ring is simple, as exact_sweep() would find, in less than half its
 * time. The segments are sorted by the column of their western end, in one
 * counting pass rather than eight radix passes over doubles. A segment stays open
 * until the sweep leaves its eastern column behind, so every pair exact_sweep()
 * tests is tested here too, and at least as many segments are open here at the
 * most as there. The open segments' extents lie in separate arrays, scanned in a
 * loop without branches: a valid outline mispredicted the branches of the scan in
 * exact_sweep() at nearly every step. Any answer but SILK_RING_SIMPLE only means
 * "ask exact_sweep()", whose order decides which crossing a message names. */
static SilkRingCheck
quick_sweep (const SilkPoint *points,
             guint            n_points,
             guint            max_open)
{
  g_autofree guint *counts = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *keys = NULL;
  g_autofree guint *open_key = NULL;
  g_autofree guint *open_index = NULL;
  g_autofree double *open_min_y = NULL;
  g_autofree double *open_max_y = NULL;
  double min_x = points[0].x, max_x = points[0].x;
  gboolean finite = TRUE;
  guint n_segments = n_points - 1;
  guint n_open = 0;
  guint min_open_key = G_MAXUINT;
  double scale;

  for (guint i = 0; i < n_points; i++)
    {
      finite &= isfinite (points[i].x) && isfinite (points[i].y);
      min_x = MIN (min_x, points[i].x);
      max_x = MAX (max_x, points[i].x);
    }

  /* About one segment per column. */
  scale = n_segments / (max_x - min_x);
  if (!finite || !(max_x > min_x) || !isfinite (scale))
    return SILK_RING_TOO_INTRICATE;

  keys = g_new (guint, n_segments);
  counts = g_new0 (guint, n_segments + 1);
  for (guint i = 0; i < n_segments; i++)
    {
      keys[i] = column_of (MIN (points[i].x, points[i + 1].x), min_x, scale, n_segments);
      counts[keys[i] + 1]++;
    }
  for (guint k = 1; k <= n_segments; k++)
    counts[k] += counts[k - 1];
  order = g_new (guint, n_segments);
  for (guint i = 0; i < n_segments; i++)
    order[counts[keys[i]]++] = i;

  open_key = g_new (guint, n_segments);
  open_index = g_new (guint, n_segments);
  open_min_y = g_new (double, n_segments);
  open_max_y = g_new (double, n_segments);
  for (guint k = 0; k < n_segments; k++)
    {
      guint s = order[k];
      guint key = keys[s];
      const SilkPoint *a = &points[s];
      const SilkPoint *b = &points[s + 1];
      double min_y = MIN (a->y, b->y);
      double max_y = MAX (a->y, b->y);
      int candidates = 0;

      /* exact_sweep() leaves these out. */
      if (a->x == b->x && a->y == b->y)
        continue;

      if (min_open_key < key)
        {
          guint kept = 0;

          min_open_key = G_MAXUINT;
          for (guint i = 0; i < n_open; i++)
            {
              gboolean still_open = open_key[i] >= key;

              open_key[kept] = open_key[i];
              open_index[kept] = open_index[i];
              open_min_y[kept] = open_min_y[i];
              open_max_y[kept] = open_max_y[i];
              min_open_key = still_open ? MIN (min_open_key, open_key[i]) : min_open_key;
              kept += still_open;
            }
          n_open = kept;
        }

      /* Neighbours in the ring share a point, which lies exactly on both, so they
       * never cross properly: without them, hardly one step in thirty has a
       * candidate to test in full. */
      for (guint i = 0; i < n_open; i++)
        candidates |= (open_max_y[i] >= min_y) & (open_min_y[i] <= max_y)
                      & (open_index[i] + 1 != s) & (s + 1 != open_index[i]);

      if (candidates)
        for (guint i = 0; i < n_open; i++)
          if (open_max_y[i] >= min_y && open_min_y[i] <= max_y
              && open_index[i] + 1 != s && s + 1 != open_index[i]
              && segments_cross (a, b, &points[open_index[i]], &points[open_index[i] + 1]))
            return SILK_RING_CROSSES;

      open_key[n_open] = column_of (MAX (a->x, b->x), min_x, scale, n_segments);
      open_index[n_open] = s;
      open_min_y[n_open] = min_y;
      open_max_y[n_open] = max_y;
      min_open_key = MIN (min_open_key, open_key[n_open]);
      if (++n_open > max_open)
        return SILK_RING_TOO_INTRICATE;
    }

  return SILK_RING_SIMPLE;
}

/* A sweep from west to east over the segments sorted by their western end, which
 * returns the first crossing in that order. */
static SilkRingCheck
exact_sweep (const SilkPoint *points,
             guint            n_points,
             guint            max_open,
             guint           *segment_a,
             guint           *segment_b)
{
  g_autofree SweepEntry *order = NULL;
  g_autofree SweepEntry *scratch = NULL;
  g_autofree ActiveSegment *active = NULL;
  guint n_active = 0;
  guint n_segments = 0;

  /* A sweep from west to east over the segments sorted by their western end: each
   * segment is tested only against the segments whose x-range is still open. A
   * country outline crosses any meridian a few dozen times at most, so this is
   * close to O(n log n) even for the 1:10m rings of tens of thousands of vertices,
   * where testing every pair would take seconds. */
  order = g_new (SweepEntry, n_points - 1);
  for (guint i = 0; i + 1 < n_points; i++)
    if (points[i].x != points[i + 1].x || points[i].y != points[i + 1].y)
      {
        order[n_segments].key = sort_key (MIN (points[i].x, points[i + 1].x));
        order[n_segments].index = i;
        n_segments++;
      }

  scratch = g_new (SweepEntry, n_segments);
  if (n_segments > 0)
    sort_sweep_entries (order, scratch, n_segments);

  /* The open segments keep their extent beside them: the scan below is the inner
   * loop of loading a 1:10m file, and reading the points instead strays all over
   * the ring. */
  active = g_new (ActiveSegment, n_segments);
  for (guint k = 0; k < n_segments; k++)
    {
      guint s = order[k].index;
      const SilkPoint *a = &points[s];
      const SilkPoint *b = &points[s + 1];
      double min_x = MIN (a->x, b->x);
      double min_y = MIN (a->y, b->y);
      double max_y = MAX (a->y, b->y);

      for (guint i = 0; i < n_active;)
        {
          const ActiveSegment *open = &active[i];

          if (open->max_x < min_x)
            {
              active[i] = active[--n_active];
              continue;
            }

          if (open->max_y >= min_y && open->min_y <= max_y
              && segments_cross (a, b, &points[open->index], &points[open->index + 1]))
            {
              if (segment_a != NULL)
                *segment_a = MIN (s, open->index);
              if (segment_b != NULL)
                *segment_b = MAX (s, open->index);
              return SILK_RING_CROSSES;
            }

          i++;
        }

      active[n_active].max_x = MAX (a->x, b->x);
      active[n_active].min_y = min_y;
      active[n_active].max_y = max_y;
      active[n_active].index = s;
      if (++n_active > max_open)
        return SILK_RING_TOO_INTRICATE;
    }

  return SILK_RING_SIMPLE;
}

SilkRingCheck
silk_ring_check_crossing (const SilkPoint *points,
                          guint            n_points,
                          guint            max_open,
                          guint           *segment_a,
                          guint           *segment_b)
{
  g_return_val_if_fail (points != NULL || n_points == 0, SILK_RING_SIMPLE);

  if (n_points < 4)
    return SILK_RING_SIMPLE;

  /* Small rings, most of them (islands, simplified outlines), are cheaper to test
   * pair by pair than to sort. */
  if (n_points <= 32)
    {
      for (guint i = 0; i + 1 < n_points; i++)
        for (guint j = i + 2; j + 1 < n_points; j++)
          if (segments_cross (&points[i], &points[i + 1], &points[j], &points[j + 1]))
            {
              if (segment_a != NULL)
                *segment_a = i;
              if (segment_b != NULL)
                *segment_b = j;
              return SILK_RING_CROSSES;
            }
      return SILK_RING_SIMPLE;
    }

  /* An atlas' rings are simple but in a file being fixed, so the quick sweep almost
   * always answers; the exact one names the crossing, or the limit, when not. */
  if (quick_sweep (points, n_points, max_open) == SILK_RING_SIMPLE)
    return SILK_RING_SIMPLE;
  return exact_sweep (points, n_points, max_open, segment_a, segment_b);
}
