/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floors of build-aux/bench's window figures: the least a GTK 4 application
 * does to show a window of Silk Atlas' default size.
 *
 * Without arguments it prints "first-frame" after its first frame, as silk-atlas
 * does with SILK_ATLAS_REPORT_FIRST_FRAME set, and then waits to be killed: the
 * floor of start-up and of memory. With --animate it moves one texture the size of
 * the map's cached layer across the window for three seconds, a new position every
 * frame, and prints the frame times as bench-window does: the floor of the pan
 * animation, what GTK alone spends per frame on such a window.
 *
 * Built a second time with BENCH_ADWAITA as bench-adwaita-window, the window is a
 * libadwaita one, as Silk Atlas' is: an AdwApplicationWindow with an empty header
 * bar above the (animated) view. Not a floor but a reference: what the platform's
 * window costs before any content. (The floor itself does not link libadwaita,
 * whose loading would count against it.) */

#ifdef BENCH_ADWAITA
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif
#include <math.h>
#include <stdlib.h>

#include "silk-bench-util.h"

#define ANIMATION_US (3 * G_TIME_SPAN_SECOND)
/* The map widget renders its layer this much larger than itself on every side. */
#define MARGIN 128

#define FLOOR_TYPE_VIEW (floor_view_get_type ())
G_DECLARE_FINAL_TYPE (FloorView, floor_view, FLOOR, VIEW, GtkWidget)

struct _FloorView
{
  GtkWidget parent_instance;

  GdkTexture *texture;
  gint64 start;
  gboolean counting_from_next;
  double offset;
};

G_DEFINE_FINAL_TYPE (FloorView, floor_view, GTK_TYPE_WIDGET)

static GArray *frame_ms;
static gint64 frame_start;

static void
floor_view_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  FloorView *self = FLOOR_VIEW (widget);

  if (self->texture == NULL)
    return;

  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (-MARGIN + self->offset, -MARGIN,
                                                    gdk_texture_get_width (self->texture),
                                                    gdk_texture_get_height (self->texture)));
}

static GdkTexture *
make_texture (int width,
              int height)
{
  g_autoptr(GBytes) bytes = NULL;
  guint32 *pixels = g_new (guint32, (gsize) width * height);

  /* Something to look at: bands of two colours, opaque as the map is. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      pixels[(gsize) y * width + x] = ((x / 64 + y / 64) % 2) ? 0xffa8cbe0 : 0xfff2e6c9;
  bytes = g_bytes_new_take (pixels, (gsize) width * height * 4);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, (gsize) width * 4);
}

static gboolean
animation_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  FloorView *self = FLOOR_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  /* Frames count from the first one after the texture was made, which was making
   * it and uploading it. */
  if (self->counting_from_next)
    {
      g_array_set_size (frame_ms, 0);
      self->counting_from_next = FALSE;
    }

  /* Made once the view has its size, and again should it change: the first ticks
   * come before the view is allocated, and a texture made then would cover only a
   * corner of the window. */
  if (self->texture == NULL
      || gdk_texture_get_width (self->texture) != gtk_widget_get_width (widget) + 2 * MARGIN
      || gdk_texture_get_height (self->texture) != gtk_widget_get_height (widget) + 2 * MARGIN)
    {
      g_clear_object (&self->texture);
      self->texture = make_texture (gtk_widget_get_width (widget) + 2 * MARGIN,
                                    gtk_widget_get_height (widget) + 2 * MARGIN);
      if (self->start == 0)
        {
          self->start = now;
          self->counting_from_next = TRUE;
        }
    }

  if (now - self->start > ANIMATION_US)
    {
      double *values = (double *) (void *) frame_ms->data;

      g_print ("floor animation, frames: %u\n", frame_ms->len);
      g_print ("floor animation frame p50: %.3f ms\n",
               silk_bench_percentile (values, frame_ms->len, 0.50));
      g_print ("floor animation frame p99: %.3f ms\n",
               silk_bench_percentile (values, frame_ms->len, 0.99));
      exit (0);
    }

  /* Back and forth within the margin, as a pan does between two renders. */
  self->offset = MARGIN * sin ((now - self->start) / (double) G_TIME_SPAN_SECOND * G_PI);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
floor_view_dispose (GObject *object)
{
  g_clear_object (&FLOOR_VIEW (object)->texture);
  G_OBJECT_CLASS (floor_view_parent_class)->dispose (object);
}

static void
floor_view_class_init (FloorViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = floor_view_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = floor_view_snapshot;
}

static void
floor_view_init (FloorView *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

static void
on_before_paint (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  double ms;

  if (frame_ms == NULL)
    {
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
      g_print ("first-frame\n");
      return;
    }

  if (frame_start == 0)
    return;
  ms = (g_get_monotonic_time () - frame_start) / 1000.0;
  g_array_append_val (frame_ms, ms);
}

static void
on_realize (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), window);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window;
  GtkWidget *box = NULL;

#ifdef BENCH_ADWAITA
  window = adw_application_window_new (app);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
#else
  window = gtk_application_window_new (app);
#endif

  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  if (frame_ms != NULL)
    {
      GtkWidget *view = g_object_new (FLOOR_TYPE_VIEW, NULL);

      if (box != NULL)
        gtk_box_append (GTK_BOX (box), view);
      else
        gtk_window_set_child (GTK_WINDOW (window), view);
      gtk_widget_add_tick_callback (view, animation_tick, NULL, NULL);
    }
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  if (argc > 1 && g_str_equal (argv[1], "--animate"))
    frame_ms = g_array_new (FALSE, FALSE, sizeof (double));

#ifdef BENCH_ADWAITA
  /* AdwApplication loads libadwaita's stylesheet at start-up, as Silk Atlas'
   * application does. */
  app = GTK_APPLICATION (adw_application_new ("io.github.silkatlas.BenchAdwaita",
                                              G_APPLICATION_DEFAULT_FLAGS));
#else
  app = gtk_application_new ("io.github.silkatlas.BenchFloor", G_APPLICATION_DEFAULT_FLAGS);
#endif

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
