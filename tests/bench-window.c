/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The pan and zoom animation of the real window, frame by frame: opens the window
 * on the bundled atlas, waits until it is drawn and idle, then plays three seconds
 * of scripted pans and zooms through the map's own actions (each an animation of
 * its own, as the arrow keys and + and - play them) and prints what the frames
 * cost. Run by build-aux/bench under a virtual X server; not a test.
 *
 * A frame's time is what the main thread spends from the frame clock's
 * before-paint to its after-paint: tick callbacks, layout, snapshot and render.
 * Under Xvfb there is no vertical blank to wait for, so that is the time a frame
 * would take from a 16.7 ms budget at 60 Hz. */

#include <adwaita.h>

#include "silk-bench-util.h"
#include "silk-map-view-private.h"
#include "silk-software-rendering.h"
#include "silk-ui-resources.h"
#include "silk-window-private.h"

#define STEP_MS 300

static const struct
{
  const char *action;
  const char *direction;
} script[] = {
  { "map.pan", "right" },
  { "map.zoom-in", NULL },
  { "map.pan", "down" },
  { "map.zoom-in", NULL },
  { "map.pan", "left" },
  { "map.pan", "up" },
  { "map.zoom-out", NULL },
  { "map.pan", "right" },
  { "map.zoom-out", NULL },
  { "map.zoom-fit", NULL },
};

typedef struct
{
  SilkWindow *window;
  SilkMapView *map;
  GdkFrameClock *clock;
  gboolean recording;
  gint64 frame_start;
  gint64 last_end;
  GArray *frame_ms;      /* double */
  GArray *interval_ms;   /* double */
  guint step;
} Bench;

static double
percentile (GArray *values,
            double  p)
{
  return silk_bench_percentile ((double *) (void *) values->data, values->len, p);
}

static void
on_before_paint (GdkFrameClock *clock,
                 Bench         *b)
{
  b->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *b)
{
  gint64 now = g_get_monotonic_time ();
  double ms;

  if (!b->recording || b->frame_start == 0)
    return;

  ms = (now - b->frame_start) / 1000.0;
  g_array_append_val (b->frame_ms, ms);
  /* Gaps between two animations are idle time, not slow frames. */
  if (b->last_end != 0 && now - b->last_end < 100 * G_TIME_SPAN_MILLISECOND)
    {
      double interval = (now - b->last_end) / 1000.0;

      g_array_append_val (b->interval_ms, interval);
    }
  b->last_end = now;
}

static gboolean
finish (gpointer user_data)
{
  Bench *b = user_data;
  guint n = b->frame_ms->len;

  if (silk_map_view_is_busy (b->map))
    return G_SOURCE_CONTINUE;

  b->recording = FALSE;
  g_print ("pan animation, frames: %u in %.1f s\n", n, G_N_ELEMENTS (script) * STEP_MS / 1000.0);
  g_print ("pan animation frame p50: %.3f ms\n", percentile (b->frame_ms, 0.50));
  g_print ("pan animation frame p99: %.3f ms\n", percentile (b->frame_ms, 0.99));
  g_print ("pan animation frame max: %.3f ms\n", percentile (b->frame_ms, 1.0));
  g_print ("pan animation interval p99: %.3f ms\n", percentile (b->interval_ms, 0.99));
  gtk_window_destroy (GTK_WINDOW (b->window));
  return G_SOURCE_REMOVE;
}

static gboolean
next_step (gpointer user_data)
{
  Bench *b = user_data;

  if (b->step == G_N_ELEMENTS (script))
    {
      g_timeout_add (50, finish, b);
      return G_SOURCE_REMOVE;
    }

  gtk_widget_activate_action (GTK_WIDGET (b->map), script[b->step].action,
                              script[b->step].direction != NULL ? "s" : NULL,
                              script[b->step].direction);
  b->step++;
  return G_SOURCE_CONTINUE;
}

/* Starts the script once the first map is drawn and nothing is pending: neither
 * the map's work nor the sidebar's, which adds the rest of the overview after the
 * first frame and would lay it out in the middle of the pan. The finest outlines,
 * which the map reads the first time it zooms in that far, are read first: what is
 * measured is the frames, not that one read. */
static gboolean
wait_ready (gpointer user_data)
{
  Bench *b = user_data;

  if (!silk_map_view_has_base (b->map) || silk_map_view_is_busy (b->map)
      || !silk_sidebar_is_complete (silk_window_get_sidebar (b->window)))
    return G_SOURCE_CONTINUE;
  silk_document_ensure_finest (silk_window_get_document (b->window));

  gtk_widget_grab_focus (GTK_WIDGET (b->map));
  b->clock = gtk_widget_get_frame_clock (GTK_WIDGET (b->window));
  g_signal_connect (b->clock, "before-paint", G_CALLBACK (on_before_paint), b);
  g_signal_connect (b->clock, "after-paint", G_CALLBACK (on_after_paint), b);
  b->recording = TRUE;
  next_step (b);
  g_timeout_add (STEP_MS, next_step, b);
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             Bench        *b)
{
  b->window = g_object_new (SILK_TYPE_WINDOW, "application", app, NULL);
  b->map = silk_window_get_map_view (b->window);
  silk_window_open (b->window, NULL, NULL);
  gtk_window_present (GTK_WINDOW (b->window));
  g_timeout_add (100, wait_ready, b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  Bench b = { 0 };
  int status;

  /* The renderer silk-atlas would draw with on this machine. */
  silk_software_rendering_choose_renderer ();
  b.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  b.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  /* The application's resources and their path, so that its stylesheet applies as
   * in silk-atlas. */
  silk_ui_resources_ensure ();
  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", "io.github.silkatlas.SilkAtlas.BenchWindow",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/silkatlas/SilkAtlas",
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &b);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_array_unref (b.frame_ms);
  g_array_unref (b.interval_ms);
  return status;
}
