/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the benchmark programs share: percentiles of their timings and the line
 * build-aux/bench reads. GLib only, so that the floor programs, which must not
 * link the project, can use it too. */

#include <glib.h>
#include <stdlib.h>

static inline int
silk_bench_compare_doubles (const void *a,
                            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p quantile (0 to 1) of @n @values, which this sorts; 0 when there are
 * none. */
static inline double
silk_bench_percentile (double *values,
                       guint   n,
                       double  p)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof (double), silk_bench_compare_doubles);
  return values[(guint) MIN (n - 1, p * n)];
}

/* One figure as build-aux/bench parses it:
 * "name: median unit (floor: median unit, ratio: r)". */
static inline void
silk_bench_report (const char *name,
                   double      value,
                   double      floor,
                   const char *unit)
{
  g_print ("%s: %.3f %s (floor: %.3f %s, ratio: %.3f)\n", name, value, unit, floor, unit,
           value / floor);
}
