/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "silk-map-view-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "silk-format.h"
#include "silk-renderer.h"

/* The base is rendered this much larger than the view on every side, so that a pan
 * moves rendered map into view while the next render runs. */
#define BASE_MARGIN 128
/* A re-render follows this long after the last zoom or pan step. */
#define SETTLE_MS 140
#define ANIMATION_US (300 * G_TIME_SPAN_MILLISECOND)
/* A route within this many pixels wins over the country beneath it. */
#define PICK_TOLERANCE_PX 6.0

struct _SilkMapView
{
  GtkWidget parent_instance;

  SilkDocument *document;
  SilkSelection *selection;
  SilkMapData *data;
  SilkRenderer *renderer;         /* main thread: overlays and chrome */
  SilkRenderer *worker_renderer;  /* NULL while a render job has it */
  GThread *first_map_thread;      /* the first map's warm-up, until joined */

  SilkView view;
  gboolean view_valid;
  gboolean dark;
  SilkLayers layers;
  /* A view asked for before the widget had a size: shown once it has one. */
  SilkView pending_view;
  gboolean has_pending_view;

  /* The cached layers and the view they were rendered for. */
  GdkTexture *base;
  GdkTexture *selection_layer;
  SilkView base_view;
  gboolean base_dark;
  int base_margin;   /* BASE_MARGIN, or 0 for a document's first map */
  GdkTexture *legend;
  int legend_scale;
  gboolean legend_dark;
  /* The scale bar and the attribution, and what they were drawn for. */
  GdkTexture *chrome;
  double chrome_km;
  double chrome_px;
  int chrome_width, chrome_height;
  int chrome_scale;
  gboolean chrome_dark;
  guint n_chrome_draws;

  gboolean rendering;
  gboolean render_again;
  guint settle_id;
  guint n_base_renders;
  gboolean warming_up;
  GCancellable *cancellable;

  SilkItem *hover;
  /* The hover outline, drawn once into a texture at the base's view and placed as
   * the base is, so that frames that move the map only move it. */
  GdkTexture *hover_layer;
  SilkItem *hover_layer_item;
  guint hover_layer_base;   /* base_serial it was drawn for */
  cairo_rectangle_int_t hover_layer_extents;
  guint base_serial;
  double pointer_x;
  double pointer_y;

  SilkView drag_start;
  gboolean dragging;
  SilkView zoom_start;
  gboolean selecting_here;

  guint tick_id;
  gint64 animation_start;
  SilkView animation_from;
  SilkView animation_to;

  GtkGesture *drag;
  GtkGesture *click;
};

G_DEFINE_FINAL_TYPE (SilkMapView, silk_map_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_LAYERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void request_render (SilkMapView *self);

/* Views */

static void
clamp_view (SilkMapView *self,
            SilkView    *view)
{
  const SilkBounds *region;
  double min_scale, max_scale;
  double half_w, half_h;

  if (self->data == NULL)
    return;

  silk_map_data_get_scale_limits (self->data, view->width, view->height, &min_scale, &max_scale);
  view->scale = CLAMP (view->scale, min_scale, max_scale);

  /* Keep part of the region in view, so that it never gets lost off screen. */
  region = silk_map_data_get_region (self->data);
  half_w = view->width / 2.0 / view->scale;
  half_h = view->height / 2.0 / view->scale;
  view->center_x = CLAMP (view->center_x, region->min_x - half_w * 0.8, region->max_x + half_w * 0.8);
  view->center_y = CLAMP (view->center_y, region->min_y - half_h * 0.8, region->max_y + half_h * 0.8);
}

static void
fit_view (SilkMapView *self,
          SilkView    *view,
          SilkItem    *item)
{
  SilkBounds bounds;

  if (item != NULL && silk_map_data_get_item_bounds (self->data, item, &bounds))
    silk_view_fit (view, &bounds, MIN (view->width, view->height) * 0.15);
  else
    silk_view_fit (view, silk_map_data_get_region (self->data), 16);
  clamp_view (self, view);
}

static void
schedule_settle (SilkMapView *self);

static void
set_view (SilkMapView    *self,
          const SilkView *view,
          gboolean        settle)
{
  SilkView clamped = *view;

  clamp_view (self, &clamped);
  if (silk_view_equal (&clamped, &self->view))
    return;
  self->view = clamped;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->base != NULL)
    {
      /* Render at once when the pan runs past the margin rendered around the
       * view; otherwise when the motion settles. */
      double dx = fabs (self->view.center_x - self->base_view.center_x) * self->view.scale;
      double dy = fabs (self->view.center_y - self->base_view.center_y) * self->view.scale;

      if (self->view.scale == self->base_view.scale
          && (dx > self->base_margin / 2 || dy > self->base_margin / 2))
        request_render (self);
    }
  if (settle)
    schedule_settle (self);
}

static void
stop_animation (SilkMapView *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static gboolean
animation_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SilkMapView *self = SILK_MAP_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t = CLAMP ((double) (now - self->animation_start) / ANIMATION_US, 0, 1);
  double e = 1 - pow (1 - t, 3); /* ease out */
  SilkView view = self->animation_to;

  view.center_x = self->animation_from.center_x
                  + e * (self->animation_to.center_x - self->animation_from.center_x);
  view.center_y = self->animation_from.center_y
                  + e * (self->animation_to.center_y - self->animation_from.center_y);
  /* Zoom evenly in log scale, so the speed of zooming feels constant. A pan keeps
   * the scale exactly: exp (log (s)) need not be s, and a layer drawn at a scale
   * off by a rounding error is drawn between pixels, blurred and at a cost. */
  if (self->animation_from.scale != self->animation_to.scale)
    view.scale = exp (log (self->animation_from.scale)
                      + e * (log (self->animation_to.scale) - log (self->animation_from.scale)));
  set_view (self, &view, FALSE);

  if (t >= 1)
    {
      self->tick_id = 0;
      request_render (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
animate_to (SilkMapView    *self,
            const SilkView *target)
{
  SilkView to = *target;
  gboolean animate = TRUE;

  clamp_view (self, &to);
  stop_animation (self);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);

  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)) || !self->view_valid)
    {
      set_view (self, &to, FALSE);
      request_render (self);
      return;
    }

  self->animation_from = self->view;
  self->animation_to = to;
  self->animation_start = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick, NULL, NULL);
}

/* Rendering */

typedef struct
{
  SilkRenderer *renderer;
  SilkMapData *data;
  SilkView view;
  /* Logical pixels along each side of the view that are drawn for but left out of
   * the surfaces; the view is cut down to what they hold once they are drawn. */
  int crop;
  gboolean dark;
  SilkLayers layers;
  SilkItem *selected;
  cairo_surface_t *base;
  cairo_surface_t *selection;
  cairo_surface_t *legend;   /* the first map's warm-up draws it too */
} RenderJob;

static void
render_job_free (gpointer p)
{
  RenderJob *job = p;

  g_clear_pointer (&job->renderer, silk_renderer_free);
  g_clear_pointer (&job->data, silk_map_data_unref);
  g_clear_object (&job->selected);
  g_clear_pointer (&job->base, cairo_surface_destroy);
  g_clear_pointer (&job->selection, cairo_surface_destroy);
  g_clear_pointer (&job->legend, cairo_surface_destroy);
  g_free (job);
}

/* A surface for @view less @crop logical pixels along each side. */
static cairo_surface_t *
create_surface (const SilkView *view,
                int             crop)
{
  int device_crop = crop * view->device_scale;
  cairo_surface_t *surface;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (view->width * view->device_scale) - 2 * device_crop,
                                        (int) ceil (view->height * view->device_scale) - 2 * device_crop);
  cairo_surface_set_device_scale (surface, view->device_scale, view->device_scale);
  cairo_surface_set_device_offset (surface, -device_crop, -device_crop);
  return surface;
}

/* The selection's outline over a clear layer at @view, or NULL without one. */
static cairo_surface_t *
render_selection_layer (SilkRenderer   *renderer,
                        const SilkView *view,
                        int             crop,
                        gboolean        dark,
                        SilkItem       *selected)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (selected == NULL)
    return NULL;
  surface = create_surface (view, crop);
  cr = cairo_create (surface);
  silk_renderer_draw_selection (renderer, cr, view, silk_palette_get (dark), selected);
  cairo_destroy (cr);
  return surface;
}

static void
render_job_draw (RenderJob *job)
{
  cairo_t *cr;

  job->base = create_surface (&job->view, job->crop);
  cr = cairo_create (job->base);
  silk_renderer_draw_base (job->renderer, cr, &job->view, silk_palette_get (job->dark),
                           job->layers);
  cairo_destroy (cr);
  job->selection = render_selection_layer (job->renderer, &job->view, job->crop, job->dark,
                                           job->selected);
  job->view.width -= 2 * job->crop;
  job->view.height -= 2 * job->crop;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;

  render_job_draw (job);
  /* Picks follow the level drawn: its index is built here rather than by the first
   * hover over the new map. */
  silk_map_data_prepare_pick (job->data, silk_map_data_choose_level (job->data, job->view.scale));
  g_task_return_boolean (task, TRUE);
}

/* The detail level of the outlines on screen: the cached base's, which a zoom
 * scales until the next render. */
static guint
shown_level (SilkMapView *self)
{
  return silk_map_data_choose_level (self->data, self->base != NULL ? self->base_view.scale
                                                                      : self->view.scale);
}

typedef struct
{
  SilkMapData *data;
  guint level;
} WarmUp;

static void
warm_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  WarmUp *warm_up = task_data;

  /* The pick index at the level on screen, so that the first hover does not wait
   * for it. */
  silk_map_data_prepare_pick (warm_up->data, warm_up->level);
  g_task_return_boolean (task, TRUE);
}

static void
warm_up_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SilkMapView *self = user_data;
  WarmUp *warm_up = g_task_get_task_data (G_TASK (result));

  silk_map_data_unref (warm_up->data);
  g_free (warm_up);
  self->warming_up = FALSE;
  g_object_unref (self);
}

static gboolean
start_warm_up (gpointer user_data)
{
  SilkMapView *self = user_data;
  g_autoptr(GTask) task = NULL;
  WarmUp *warm_up;

  if (self->data == NULL)
    {
      self->warming_up = FALSE;
      return G_SOURCE_REMOVE;
    }

  if (self->base_margin < BASE_MARGIN)
    request_render (self);

  /* The widget and the data are let go in the callback, on the main thread: the
   * last reference to the task itself may be dropped on the worker. */
  warm_up = g_new (WarmUp, 1);
  warm_up->data = silk_map_data_ref (self->data);
  warm_up->level = shown_level (self);
  task = g_task_new (NULL, NULL, warm_up_done, g_object_ref (self));
  g_task_set_source_tag (task, start_warm_up);
  g_task_set_task_data (task, warm_up, NULL);
  g_task_run_in_thread (task, warm_up_thread);
  return G_SOURCE_REMOVE;
}

/* Builds, off the main thread, what the first frame did not need but the first
 * hover or pan will: the pick index, and the map's margin around the view; once that
 * frame is drawn, for until then both cores are busy drawing it. */
static void
warm_up (SilkMapView *self)
{
  self->warming_up = TRUE;
  g_idle_add_full (G_PRIORITY_LOW, start_warm_up, g_object_ref (self), g_object_unref);
}

static GQuark
surface_quark (void)
{
  return g_quark_from_static_string ("silk-map-view-surface");
}

/* A texture of @surface's pixels, which keeps the surface: see append_layer(). */
static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  GdkTexture *texture;

  cairo_surface_flush (surface);
  /* From here on the surface is its pixels, as the texture is. */
  cairo_surface_set_device_offset (surface, 0, 0);
  cairo_surface_set_device_scale (surface, 1, 1);
  /* The texture borrows the surface's pixels: no copy. GDK_MEMORY_DEFAULT is
   * cairo's ARGB32 layout. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  g_object_set_qdata_full (G_OBJECT (texture), surface_quark (), cairo_surface_reference (surface),
                           (GDestroyNotify) cairo_surface_destroy);
  return texture;
}

/* Takes @surface (or NULL) as the selection layer. */
static void
set_selection_layer (SilkMapView     *self,
                     cairo_surface_t *surface)
{
  g_clear_object (&self->selection_layer);
  if (surface != NULL)
    {
      self->selection_layer = texture_from_surface (surface);
      cairo_surface_destroy (surface);
    }
}

static void install_render (SilkMapView *self,
                            RenderJob   *job);

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SilkMapView *self = SILK_MAP_VIEW (source);
  GTask *task = G_TASK (result);
  RenderJob *job = g_task_get_task_data (task);

  self->rendering = FALSE;

  /* A render for another document, or cancelled on dispose: drop it. */
  if (g_task_had_error (task) || g_cancellable_is_cancelled (g_task_get_cancellable (task))
      || job->data != self->data)
    {
      if (self->data != NULL && self->render_again)
        request_render (self);
      return;
    }

  install_render (self, job);
}

/* Puts the layers @job rendered in place. */
static void
install_render (SilkMapView *self,
                RenderJob   *job)
{
  SilkItem *selected;

  if (self->worker_renderer == NULL)
    self->worker_renderer = g_steal_pointer (&job->renderer);

  if (self->base == NULL && !self->warming_up)
    warm_up (self);
  g_clear_object (&self->base);
  g_clear_object (&self->selection_layer);
  self->base = texture_from_surface (job->base);
  self->base_serial++;
  if (job->selection != NULL)
    self->selection_layer = texture_from_surface (job->selection);
  self->base_view = job->view;
  self->base_dark = job->dark;
  self->base_margin = BASE_MARGIN - job->crop;

  /* The selection may have changed while the job ran. */
  selected = self->selection ? silk_selection_get_item (self->selection) : NULL;
  if (selected != job->selected)
    set_selection_layer (self, render_selection_layer (self->renderer, &self->base_view, 0,
                                                       self->dark, selected));

  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->render_again)
    request_render (self);
}

/* The size the first map's renderer is warmed up at: about the map's share of a
 * window of the default size. Only the scale matters, and only roughly: it
 * decides the detail level and which labels are drawn. */
#define WARM_UP_WIDTH 880
#define WARM_UP_HEIGHT 600

static cairo_surface_t *
draw_legend (SilkRenderer *renderer,
             int           scale,
             gboolean      dark)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  silk_renderer_get_legend_size (renderer, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  silk_renderer_draw_legend (renderer, cr, silk_palette_get (dark), 0, 0);
  cairo_destroy (cr);
  return surface;
}

static gpointer
first_map_thread (gpointer data)
{
  RenderJob *job = data;
  cairo_surface_t *surface;
  cairo_t *cr;

  render_job_draw (job);

  /* The first frame's legend as it is, and the scale bar's and the attribution's
   * labels shaped (drawn at the strip's view, into a pixel): this renderer draws
   * them from the first frame on (swap_renderers()). */
  silk_renderer_set_legend_layers (job->renderer, job->layers);
  job->legend = draw_legend (job->renderer, job->view.device_scale, job->dark);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  silk_renderer_draw_chrome (job->renderer, cr, &job->view, silk_palette_get (job->dark),
                             SILK_LAYER_SCALE_BAR | SILK_LAYER_ATTRIBUTION);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return job;
}

/* The first map is drawn on the main thread in the window's first frame, which
 * waits for it, and most of that time is spent once per renderer whatever the
 * view: sorting the fonts of each label style, shaping the labels, finding the
 * countries' label points, rasterising the labels' halos, projecting the
 * outlines. A render of the region at a likely size does that work here, on the
 * other processor, while the main thread builds and realises the window; the
 * first frame's render then takes the renderer it warmed. Its pixels are never
 * shown, so its surface is a strip two pixels high across the middle of the view:
 * cairo then fills next to nothing, and leaves the processor to the main thread
 * measuring the window and to the X server. */
static void
start_first_map (SilkMapView *self)
{
  RenderJob *job;

  if (g_get_num_processors () < 2)
    return;

  job = g_new0 (RenderJob, 1);
  job->renderer = silk_renderer_new (self->data);
  silk_renderer_set_label_margin (job->renderer, BASE_MARGIN);
  job->data = silk_map_data_ref (self->data);
  silk_view_init (&job->view, WARM_UP_WIDTH, WARM_UP_HEIGHT,
                  gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  fit_view (self, &job->view, NULL);
  job->view.width += 2 * BASE_MARGIN;
  job->view.height += 2 * BASE_MARGIN;
  job->crop = (MIN (job->view.width, job->view.height) - 2) / 2;
  job->dark = self->dark;
  job->layers = self->layers;
  self->first_map_thread = g_thread_new ("silk-first-map", first_map_thread, job);
}

/* Waits for the first map's warm-up, and keeps its renderer for the next render. */
static void
finish_first_map (SilkMapView *self)
{
  RenderJob *job;

  if (self->first_map_thread == NULL)
    return;

  job = g_thread_join (g_steal_pointer (&self->first_map_thread));
  if (job->data == self->data)
    {
      if (self->worker_renderer == NULL)
        self->worker_renderer = g_steal_pointer (&job->renderer);
      if (self->legend == NULL && job->layers == self->layers && job->dark == self->dark
          && job->view.device_scale == gtk_widget_get_scale_factor (GTK_WIDGET (self)))
        {
          self->legend = texture_from_surface (job->legend);
          self->legend_scale = job->view.device_scale;
          self->legend_dark = job->dark;
        }
    }
  render_job_free (job);
}

/* The renderer that drew the first map, its label fonts sorted and its labels
 * shaped, draws on this thread from then on: the legend, the scale bar, hover and
 * selection. The one that had that part, which has drawn next to nothing, goes to
 * the workers, where its first render may take the longer. */
static void
swap_renderers (SilkMapView *self)
{
  SilkRenderer *warm = g_steal_pointer (&self->worker_renderer);

  if (warm == NULL)
    return;
  self->worker_renderer = self->renderer;
  silk_renderer_set_label_margin (self->worker_renderer, BASE_MARGIN);
  self->renderer = warm;
  silk_renderer_set_label_margin (self->renderer, 0);
  silk_renderer_set_legend_layers (self->renderer, self->layers);
}

static void
request_render (SilkMapView *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  SilkItem *selected;

  g_clear_handle_id (&self->settle_id, g_source_remove);

  if (self->data == NULL || !self->view_valid)
    return;
  if (self->rendering)
    {
      /* One job at a time; the newest view wins when it ends. */
      self->render_again = TRUE;
      return;
    }

  self->render_again = FALSE;
  self->rendering = TRUE;
  self->n_base_renders++;
  finish_first_map (self);

  job = g_new0 (RenderJob, 1);
  job->renderer = g_steal_pointer (&self->worker_renderer);
  if (job->renderer == NULL)
    {
      job->renderer = silk_renderer_new (self->data);
      silk_renderer_set_label_margin (job->renderer, BASE_MARGIN);
    }
  job->data = silk_map_data_ref (self->data);
  job->view = self->view;
  job->view.width += 2 * BASE_MARGIN;
  job->view.height += 2 * BASE_MARGIN;
  job->view.device_scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  job->dark = self->dark;
  job->layers = self->layers;
  selected = self->selection ? silk_selection_get_item (self->selection) : NULL;
  job->selected = selected ? g_object_ref (selected) : NULL;

  /* The first map of a document is drawn here, on the main thread, in the layout of
   * the window's first frame, so that this frame shows it: a worker's render would
   * land a frame later, and without a GPU a frame of the whole window costs more
   * than this render of the coarse outlines. Its surface covers the view alone: in
   * a window of the default size, half the pixels to fill, and to hand to GTK, that
   * the margin would take. The margin follows from a worker once the frame is drawn
   * (warm_up()). The map is drawn for the view with its margin all the same, so
   * that the next render's pixels within the view are these. */
  if (self->base == NULL)
    {
      job->crop = BASE_MARGIN;
      render_job_draw (job);
      self->rendering = FALSE;
      install_render (self, job);
      render_job_free (job);
      swap_renderers (self);
      return;
    }

  task = g_task_new (self, self->cancellable, render_done, NULL);
  g_task_set_source_tag (task, request_render);
  g_task_set_task_data (task, job, render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static gboolean
settle_cb (gpointer user_data)
{
  SilkMapView *self = user_data;

  self->settle_id = 0;
  request_render (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_settle (SilkMapView *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

/* The selection layer is an overlay: a selection change redraws it alone, on the
 * main thread, at the cached base's view. */
static void
update_selection_layer (SilkMapView *self)
{
  SilkItem *selected = self->selection ? silk_selection_get_item (self->selection) : NULL;

  if (self->base != NULL)
    set_selection_layer (self, render_selection_layer (self->renderer, &self->base_view, 0,
                                                       self->base_dark, selected));
  else
    g_clear_object (&self->selection_layer);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

/* Where @area of the cached base's view (in its pixels) is on screen now. */
static void
layer_bounds (SilkMapView                 *self,
              const cairo_rectangle_int_t *area,
              graphene_rect_t             *bounds)
{
  double x0, y0;
  double f = self->view.scale / self->base_view.scale;
  double bx, by;

  /* The projected point at the area's top left corner, on screen now. */
  silk_view_from_screen (&self->base_view, area->x, area->y, &bx, &by);
  silk_view_to_screen (&self->view, bx, by, &x0, &y0);
  if (f == 1)
    {
      /* Whole device pixels keep the text crisp while panning. */
      double scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

      x0 = round (x0 * scale) / scale;
      y0 = round (y0 * scale) / scale;
    }
  graphene_rect_init (bounds, x0, y0, area->width * f, area->height * f);
}

/* Where the whole cached base is on screen now. */
static void
base_bounds (SilkMapView     *self,
             graphene_rect_t *bounds)
{
  cairo_rectangle_int_t whole = { 0, 0, self->base_view.width, self->base_view.height };

  layer_bounds (self, &whole, bounds);
}

/* Draws @texture (from texture_from_surface()) over @bounds. GTK's cairo renderer
 * draws a texture smaller than its pixels with cairo's GOOD filter, which for a
 * shrink convolves every pixel of it: for the map's layer, 15 ms more in every frame
 * of a zoom out on this machine, until the next render. Drawn through cairo with the
 * bilinear filter, softer only for the 300 ms of the zoom, such a frame takes its
 * usual time. Other renderers scale a texture on the GPU, and get the texture. */
static void
append_layer (SilkMapView           *self,
              GtkSnapshot           *snapshot,
              GdkTexture            *texture,
              const graphene_rect_t *bounds)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  double device_scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  cairo_t *cr;

  if (!GSK_IS_CAIRO_RENDERER (renderer) || bounds->size.width * device_scale >= width)
    {
      gtk_snapshot_append_texture (snapshot, texture, bounds);
      return;
    }

  pattern = cairo_pattern_create_for_surface (g_object_get_qdata (G_OBJECT (texture),
                                                                  surface_quark ()));
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_BILINEAR);
  cairo_matrix_init_scale (&matrix, width / bounds->size.width, height / bounds->size.height);
  cairo_matrix_translate (&matrix, -bounds->origin.x, -bounds->origin.y);
  cairo_pattern_set_matrix (pattern, &matrix);
  cr = gtk_snapshot_append_cairo (snapshot, bounds);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_pattern_destroy (pattern);
}

/* Places @texture, drawn at the cached base's view over @area of it, where that
 * area is on screen now. */
static void
append_layer_area (SilkMapView                 *self,
                   GtkSnapshot                 *snapshot,
                   GdkTexture                  *texture,
                   const cairo_rectangle_int_t *area)
{
  graphene_rect_t bounds;

  layer_bounds (self, area, &bounds);
  gtk_snapshot_append_texture (snapshot, texture, &bounds);
}

/* The hover outline as a texture over the hovered item's extents at the base's
 * view: drawn when the hovered item or the base changes, not every frame. */
static GdkTexture *
ensure_hover_layer (SilkMapView *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale = self->base_view.device_scale;
  cairo_rectangle_int_t *extents = &self->hover_layer_extents;

  if (self->hover_layer != NULL && self->hover_layer_item == self->hover
      && self->hover_layer_base == self->base_serial)
    return self->hover_layer;

  g_clear_object (&self->hover_layer);
  self->hover_layer_item = self->hover;
  self->hover_layer_base = self->base_serial;
  if (!silk_renderer_get_item_extents (self->renderer, &self->base_view, self->hover, extents))
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (extents->width * scale),
                                        (int) ceil (extents->height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -extents->x, -extents->y);
  silk_renderer_draw_hover (self->renderer, cr, &self->base_view, silk_palette_get (self->base_dark),
                            self->hover);
  cairo_destroy (cr);
  self->hover_layer = texture_from_surface (surface);
  cairo_surface_destroy (surface);

  return self->hover_layer;
}

static void
ensure_legend (SilkMapView *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface;

  if (self->legend != NULL && self->legend_scale == scale && self->legend_dark == self->dark)
    return;

  g_clear_object (&self->legend);
  surface = draw_legend (self->renderer, scale, self->dark);
  self->legend = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  self->legend_scale = scale;
  self->legend_dark = self->dark;
}

/* The scale bar and the attribution in the bottom right corner, in a texture kept
 * while they look the same: a pan along a parallel, the commonest motion, redraws
 * neither. The bar follows the latitude in the projection: it is redrawn when its
 * length changes by half a pixel. */
static void
ensure_chrome (SilkMapView           *self,
               int                    width,
               int                    height,
               const graphene_rect_t *area)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double px;
  double km = silk_renderer_get_scale_bar (self->renderer, &self->view, &px);
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->chrome != NULL && self->chrome_km == km && fabs (self->chrome_px - px) < 0.5
      && self->chrome_width == width && self->chrome_height == height
      && self->chrome_scale == scale && self->chrome_dark == self->dark)
    return;

  g_clear_object (&self->chrome);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (area->size.width * scale),
                                        (int) ceil (area->size.height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -area->origin.x, -area->origin.y);
  silk_renderer_draw_chrome (self->renderer, cr, &self->view, silk_palette_get (self->dark),
                             SILK_LAYER_SCALE_BAR | SILK_LAYER_ATTRIBUTION);
  cairo_destroy (cr);
  self->chrome = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  self->chrome_km = km;
  self->chrome_px = px;
  self->chrome_width = width;
  self->chrome_height = height;
  self->chrome_scale = scale;
  self->chrome_dark = self->dark;
  self->n_chrome_draws++;
}

static void
silk_map_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SilkMapView *self = SILK_MAP_VIEW (widget);
  const SilkPalette *palette = silk_palette_get (self->dark);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA water = { palette->water.red, palette->water.green, palette->water.blue, 1 };
  graphene_rect_t widget_area = GRAPHENE_RECT_INIT (0, 0, width, height);
  graphene_rect_t base_area = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  graphene_rect_t chrome_area;

  /* The base is opaque: the water shows only where a pan or a zoom out has gone
   * past it, until the next render. Without a GPU every pixel filled twice costs. */
  if (self->base != NULL && self->view_valid)
    base_bounds (self, &base_area);
  if (!graphene_rect_contains_rect (&base_area, &widget_area))
    gtk_snapshot_append_color (snapshot, &water, &widget_area);
  if (self->data == NULL || !self->view_valid)
    return;

  gtk_snapshot_push_clip (snapshot, &widget_area);
  if (self->base != NULL)
    append_layer (self, snapshot, self->base, &base_area);
  if (self->selection_layer != NULL)
    append_layer (self, snapshot, self->selection_layer, &base_area);

  /* Hover: a small layer around the item only. */
  if (self->hover != NULL && !self->dragging && self->base != NULL
      && ensure_hover_layer (self) != NULL)
    append_layer_area (self, snapshot, self->hover_layer, &self->hover_layer_extents);

  /* Chrome: the cached legend, and the scale bar and attribution, which change
   * with the zoom, in a small node of their own. */
  ensure_legend (self);
  if (self->legend != NULL)
    {
      double lw = gdk_texture_get_width (self->legend) / (double) self->legend_scale;
      double lh = gdk_texture_get_height (self->legend) / (double) self->legend_scale;

      if (lw + 24 < width / 2.0 && lh + 24 < height * 0.8)
        gtk_snapshot_append_texture (snapshot, self->legend,
                                     &GRAPHENE_RECT_INIT (12, height - 12 - lh, lw, lh));
    }
  chrome_area = GRAPHENE_RECT_INIT (MAX (width - 320, 0), MAX (height - 64, 0),
                                    MIN (width, 320), MIN (height, 64));
  if (chrome_area.size.width >= 1 && chrome_area.size.height >= 1)
    {
      ensure_chrome (self, width, height, &chrome_area);
      gtk_snapshot_append_texture (snapshot, self->chrome, &chrome_area);
    }

  gtk_snapshot_pop (snapshot);
}

static void
silk_map_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SilkMapView *self = SILK_MAP_VIEW (widget);
  double scale = gtk_widget_get_scale_factor (widget);

  if (width == self->view.width && height == self->view.height
      && scale == self->view.device_scale && self->view_valid)
    return;

  if (!self->view_valid || self->data == NULL)
    {
      silk_view_init (&self->view, width, height, scale);
      if (self->data != NULL)
        {
          if (self->has_pending_view)
            {
              self->view.center_x = self->pending_view.center_x;
              self->view.center_y = self->pending_view.center_y;
              self->view.scale = self->pending_view.scale;
              self->has_pending_view = FALSE;
              clamp_view (self, &self->view);
            }
          else
            fit_view (self, &self->view,
                      self->selection ? silk_selection_get_item (self->selection) : NULL);
          self->view_valid = TRUE;
          request_render (self);
        }
      return;
    }

  /* Keep the centre and the scale; show more or less around it. */
  self->view.width = MAX (width, 1);
  self->view.height = MAX (height, 1);
  self->view.device_scale = scale;
  clamp_view (self, &self->view);
  schedule_settle (self);
}

/* Picking, hover and tooltips */

static SilkItem *
pick_at (SilkMapView *self,
         double       x,
         double       y)
{
  SilkItem *item;
  double px, py;
  guint level;

  if (self->data == NULL || !self->view_valid)
    return NULL;

  silk_view_from_screen (&self->view, x, y, &px, &py);
  level = shown_level (self);
  item = silk_map_data_pick_at_level (self->data, level, px, py,
                                      PICK_TOLERANCE_PX / self->view.scale, NULL);
  /* A route of a hidden layer is not there to pick: the country beneath it is. */
  if (SILK_IS_PROJECT (item)
      && !(self->layers & (silk_project_get_mode (SILK_PROJECT (item)) == SILK_MODE_HIGHWAY
                           ? SILK_LAYER_HIGHWAYS : SILK_LAYER_RAILWAYS)))
    item = silk_map_data_pick_at_level (self->data, level, px, py, 0, NULL);
  /* Only the members are the atlas' subject: neighbours are context. */
  if (SILK_IS_COUNTRY (item) && !silk_country_is_member (SILK_COUNTRY (item)))
    return NULL;
  return item;
}

static void
set_hover (SilkMapView *self,
           SilkItem    *item)
{
  if (self->hover == item)
    return;
  g_set_object (&self->hover, item);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), item ? "pointer" : NULL);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SilkMapView              *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->dragging || self->tick_id != 0)
    return;
  set_hover (self, pick_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          SilkMapView              *self)
{
  set_hover (self, NULL);
}

/* One figure that says something about the item: for a project its length, or
 * failing that its first figure; for a country its capital. */
static char *
tooltip_text (SilkMapView *self,
              SilkItem    *item)
{
  const char *name = silk_item_get_name (item);

  if (SILK_IS_COUNTRY (item))
    {
      SilkPlace *capital = silk_country_get_capital (SILK_COUNTRY (item));

      if (capital != NULL)
        return g_strdup_printf (_("%s\nCapital: %s"), name, silk_item_get_name (SILK_ITEM (capital)));
    }
  else if (SILK_IS_PROJECT (item))
    {
      GPtrArray *figures = silk_document_get_related (self->document, item, SILK_ITEM_FIGURE);
      SilkFigure *chosen = NULL;

      for (guint i = 0; figures != NULL && i < figures->len && chosen == NULL; i++)
        if (g_strcmp0 (silk_figure_get_unit (g_ptr_array_index (figures, i)), "km") == 0)
          chosen = g_ptr_array_index (figures, i);
      if (chosen == NULL && figures != NULL && figures->len > 0)
        chosen = g_ptr_array_index (figures, 0);
      if (chosen != NULL)
        {
          g_autofree char *value = silk_format_figure_value (chosen);

          return g_strdup_printf ("%s\n%s: %s", name, silk_item_get_name (SILK_ITEM (chosen)), value);
        }
    }
  return g_strdup (name);
}

static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  SilkMapView *self)
{
  SilkItem *item;
  g_autofree char *text = NULL;

  if (keyboard)
    item = self->selection ? silk_selection_get_item (self->selection) : NULL;
  else
    item = pick_at (self, x, y);
  if (item == NULL || self->dragging)
    return FALSE;
  text = tooltip_text (self, item);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Gestures */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SilkMapView    *self)
{
  stop_animation (self);
  self->drag_start = self->view;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                SilkMapView    *self)
{
  SilkView view = self->drag_start;

  if (!self->dragging && hypot (offset_x, offset_y) < 3)
    return;
  if (!self->dragging)
    {
      self->dragging = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  silk_view_pan (&view, offset_x, offset_y);
  set_view (self, &view, FALSE);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             SilkMapView    *self)
{
  if (!self->dragging)
    return;
  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->hover ? "pointer" : NULL);
  request_render (self);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SilkMapView     *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2)
    {
      SilkView view = self->view;

      silk_view_zoom_at (&view, 2, x, y);
      animate_to (self, &view);
    }
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SilkMapView     *self)
{
  SilkItem *item;

  if (n_press != 1 || self->selection == NULL || self->dragging)
    return;

  item = pick_at (self, x, y);
  /* The item is under the pointer already: no need to fly to it. */
  self->selecting_here = TRUE;
  if (item != NULL)
    silk_selection_set_item (self->selection, item);
  else
    silk_selection_clear (self->selection);
  self->selecting_here = FALSE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SilkMapView              *self)
{
  SilkView view = self->view;
  double factor;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    factor = pow (1.25, -dy);
  else
    factor = exp (-dy * 0.01);

  stop_animation (self);
  silk_view_zoom_at (&view, factor, self->pointer_x, self->pointer_y);
  set_view (self, &view, TRUE);
  return GDK_EVENT_STOP;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               SilkMapView      *self)
{
  stop_animation (self);
  self->zoom_start = self->view;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       SilkMapView    *self)
{
  SilkView view = self->zoom_start;
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = self->view.width / 2.0;
      y = self->view.height / 2.0;
    }
  silk_view_zoom_at (&view, scale, x, y);
  set_view (self, &view, TRUE);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SilkMapView *self = SILK_MAP_VIEW (widget);
  SilkView view = self->tick_id ? self->animation_to : self->view;

  silk_view_zoom_at (&view, 1.5, view.width / 2.0, view.height / 2.0);
  animate_to (self, &view);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SilkMapView *self = SILK_MAP_VIEW (widget);
  SilkView view = self->tick_id ? self->animation_to : self->view;

  silk_view_zoom_at (&view, 1 / 1.5, view.width / 2.0, view.height / 2.0);
  animate_to (self, &view);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SilkMapView *self = SILK_MAP_VIEW (widget);
  SilkView view = self->view;

  if (self->data == NULL)
    return;
  fit_view (self, &view, NULL);
  animate_to (self, &view);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SilkMapView *self = SILK_MAP_VIEW (widget);
  SilkView view = self->tick_id ? self->animation_to : self->view;
  const char *direction = g_variant_get_string (parameter, NULL);
  double step_x = view.width / 6.0;
  double step_y = view.height / 6.0;

  /* The content moves opposite to the way the view looks. */
  if (g_str_equal (direction, "left"))
    silk_view_pan (&view, step_x, 0);
  else if (g_str_equal (direction, "right"))
    silk_view_pan (&view, -step_x, 0);
  else if (g_str_equal (direction, "up"))
    silk_view_pan (&view, 0, step_y);
  else if (g_str_equal (direction, "down"))
    silk_view_pan (&view, 0, -step_y);
  else
    {
      g_warning ("map.pan: unknown direction “%s”", direction);
      return;
    }
  animate_to (self, &view);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SilkMapView *self = SILK_MAP_VIEW (widget);

  if (self->selection != NULL)
    silk_selection_clear (self->selection);
}

/* Following the selection, the document and the style */

static void
update_accessible_label (SilkMapView *self)
{
  SilkItem *item = self->selection ? silk_selection_get_item (self->selection) : NULL;
  const char *title = self->document ? silk_document_get_title (self->document) : NULL;
  g_autofree char *map = NULL;
  g_autofree char *label = NULL;

  map = title ? g_strdup_printf (_("Map of %s"), title) : g_strdup (_("Map"));
  if (item != NULL)
    label = g_strdup_printf (_("%s; selected: %s"), map, silk_item_get_name (item));
  else
    label = g_strdup (map);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
selection_changed_cb (SilkSelection *selection,
                      GParamSpec    *pspec,
                      SilkMapView   *self)
{
  SilkItem *item = silk_selection_get_item (selection);
  SilkBounds bounds;

  update_accessible_label (self);
  update_selection_layer (self);

  if (item == NULL || self->selecting_here || self->data == NULL
      || !silk_map_data_get_item_bounds (self->data, item, &bounds))
    return;

  if (!self->view_valid)
    return; /* size_allocate fits it once the size is known */

  {
    SilkView view = self->view;

    fit_view (self, &view, item);
    animate_to (self, &view);
  }
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 SilkMapView     *self)
{
  gboolean dark = adw_style_manager_get_dark (manager);

  if (dark == self->dark)
    return;
  self->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  request_render (self);
}

static void
clear_render_state (SilkMapView *self)
{
  finish_first_map (self);
  stop_animation (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->render_again = FALSE;
  g_clear_object (&self->base);
  g_clear_object (&self->selection_layer);
  g_clear_object (&self->legend);
  g_clear_object (&self->chrome);
  g_clear_object (&self->hover);
  g_clear_object (&self->hover_layer);
  self->hover_layer_item = NULL;
  g_clear_pointer (&self->renderer, silk_renderer_free);
  g_clear_pointer (&self->worker_renderer, silk_renderer_free);
  g_clear_pointer (&self->data, silk_map_data_unref);
}

/* Public API */

GtkWidget *
silk_map_view_new (void)
{
  return g_object_new (SILK_TYPE_MAP_VIEW, NULL);
}

SilkDocument *
silk_map_view_get_document (SilkMapView *self)
{
  g_return_val_if_fail (SILK_IS_MAP_VIEW (self), NULL);

  return self->document;
}

void
silk_map_view_set_document (SilkMapView  *self,
                            SilkDocument *document)
{
  g_return_if_fail (SILK_IS_MAP_VIEW (self));
  g_return_if_fail (document == NULL || SILK_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  clear_render_state (self);
  if (document != NULL)
    {
      self->data = silk_map_data_new (document);
      self->renderer = silk_renderer_new (self->data);
      silk_renderer_set_legend_layers (self->renderer, self->layers);
      start_first_map (self);
    }
  self->view_valid = FALSE;
  self->has_pending_view = FALSE;
  self->view.width = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

SilkSelection *
silk_map_view_get_selection (SilkMapView *self)
{
  g_return_val_if_fail (SILK_IS_MAP_VIEW (self), NULL);

  return self->selection;
}

void
silk_map_view_set_selection (SilkMapView   *self,
                             SilkSelection *selection)
{
  g_return_if_fail (SILK_IS_MAP_VIEW (self));
  g_return_if_fail (selection == NULL || SILK_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "notify::item", G_CALLBACK (selection_changed_cb),
                             self, G_CONNECT_DEFAULT);
  update_accessible_label (self);
  update_selection_layer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

SilkMapData *
silk_map_view_get_map_data (SilkMapView *self)
{
  g_return_val_if_fail (SILK_IS_MAP_VIEW (self), NULL);

  return self->data;
}

void
silk_map_view_get_view (SilkMapView *self,
                        SilkView    *view)
{
  g_return_if_fail (SILK_IS_MAP_VIEW (self));
  g_return_if_fail (view != NULL);

  *view = self->view;
}

void
silk_map_view_set_view (SilkMapView    *self,
                        const SilkView *view)
{
  SilkView to;

  g_return_if_fail (SILK_IS_MAP_VIEW (self));
  g_return_if_fail (view != NULL);

  if (!isfinite (view->center_x) || !isfinite (view->center_y)
      || !isfinite (view->scale) || view->scale <= 0)
    return;

  if (self->data == NULL || !self->view_valid)
    {
      self->pending_view = *view;
      self->has_pending_view = TRUE;
      return;
    }

  stop_animation (self);
  to = self->view;
  to.center_x = view->center_x;
  to.center_y = view->center_y;
  to.scale = view->scale;
  set_view (self, &to, FALSE);
  request_render (self);
}

SilkLayers
silk_map_view_get_layers (SilkMapView *self)
{
  g_return_val_if_fail (SILK_IS_MAP_VIEW (self), 0);

  return self->layers;
}

void
silk_map_view_set_layers (SilkMapView *self,
                          SilkLayers   layers)
{
  g_return_if_fail (SILK_IS_MAP_VIEW (self));

  /* The widget draws the chrome itself: only the map's layers are its to switch. */
  layers &= SILK_LAYERS_MAP;
  if (self->layers == layers)
    return;

  self->layers = layers;
  if (self->hover != NULL && SILK_IS_PROJECT (self->hover))
    g_clear_object (&self->hover);
  if (self->renderer != NULL)
    silk_renderer_set_legend_layers (self->renderer, layers);
  g_clear_object (&self->legend);
  request_render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYERS]);
}

/* Test hooks */

void
silk_map_view_test_drag (SilkMapView *self,
                         double       start_x,
                         double       start_y,
                         double       offset_x,
                         double       offset_y)
{
  GtkGestureDrag *drag = GTK_GESTURE_DRAG (self->drag);

  drag_begin_cb (drag, start_x, start_y, self);
  for (int i = 1; i <= 4; i++)
    drag_update_cb (drag, offset_x * i / 4, offset_y * i / 4, self);
  drag_end_cb (drag, offset_x, offset_y, self);
}

void
silk_map_view_test_click (SilkMapView *self,
                          double       x,
                          double       y)
{
  GtkGestureClick *click = GTK_GESTURE_CLICK (self->click);

  click_pressed_cb (click, 1, x, y, self);
  click_released_cb (click, 1, x, y, self);
}

void
silk_map_view_test_motion (SilkMapView *self,
                           double       x,
                           double       y)
{
  motion_cb (NULL, x, y, self);
}

SilkItem *
silk_map_view_get_hover (SilkMapView *self)
{
  return self->hover;
}

gboolean
silk_map_view_has_base (SilkMapView *self)
{
  g_return_val_if_fail (SILK_IS_MAP_VIEW (self), FALSE);

  return self->base != NULL;
}

int
silk_map_view_get_base_margin (SilkMapView *self)
{
  g_return_val_if_fail (SILK_IS_MAP_VIEW (self), 0);

  return self->base_margin;
}

guint
silk_map_view_get_n_base_renders (SilkMapView *self)
{
  return self->n_base_renders;
}

guint
silk_map_view_get_n_chrome_draws (SilkMapView *self)
{
  return self->n_chrome_draws;
}

gboolean
silk_map_view_is_busy (SilkMapView *self)
{
  return self->rendering || self->warming_up || self->settle_id != 0 || self->tick_id != 0;
}

/* GObject */

static void
silk_map_view_dispose (GObject *object)
{
  SilkMapView *self = SILK_MAP_VIEW (object);

  clear_render_state (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (silk_map_view_parent_class)->dispose (object);
}

static void
silk_map_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SilkMapView *self = SILK_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_LAYERS:
      g_value_set_uint (value, self->layers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
silk_map_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SilkMapView *self = SILK_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      silk_map_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      silk_map_view_set_selection (self, g_value_get_object (value));
      break;
    case PROP_LAYERS:
      silk_map_view_set_layers (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
silk_map_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

static void
silk_map_view_class_init (SilkMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_map_view_dispose;
  object_class->get_property = silk_map_view_get_property;
  object_class->set_property = silk_map_view_set_property;

  widget_class->snapshot = silk_map_view_snapshot;
  widget_class->size_allocate = silk_map_view_size_allocate;
  widget_class->measure = silk_map_view_measure;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SILK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, SILK_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* SilkLayers: the map layers drawn (the chrome flags are ignored). */
  properties[PROP_LAYERS] =
    g_param_spec_uint ("layers", NULL, NULL, 0, G_MAXUINT, SILK_LAYERS_MAP,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "map.pan", "s", pan_action);
  gtk_widget_class_install_action (widget_class, "map.clear-selection", NULL,
                                   clear_selection_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "map.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "map.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "map.pan", "s", "left");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "map.pan", "s", "right");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "map.pan", "s", "up");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "map.pan", "s", "down");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "map.clear-selection", NULL);

  gtk_widget_class_set_css_name (widget_class, "silkmapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
silk_map_view_init (SilkMapView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->cancellable = g_cancellable_new ();
  self->layers = SILK_LAYERS_MAP;
  silk_view_init (&self->view, 1, 1, 1);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  self->dark = adw_style_manager_get_dark (style);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_DEFAULT);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->drag = gesture;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->click = gesture;

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible_label (self);
}
