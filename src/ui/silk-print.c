/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "silk-config.h"
#include "silk-format.h"
#include "silk-print.h"
#include "silk-source.h"
#include "silk-ui-util.h"

#define FONT "Noto Sans, DejaVu Sans, sans-serif"
/* Space between the blocks of the page, in points. */
#define GAP 10.0
/* The renderer draws in screen pixels of 96 per inch; printed at that size, the
 * map's names are as large on paper as on screen. */
#define POINTS_PER_PIXEL (72.0 / 96.0)

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *font,
               double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = NULL;
  g_autofree char *name = g_strconcat (FONT, " ", font, NULL);

  /* One point of text per unit of cairo, whatever the surface's resolution. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  description = pango_font_description_from_string (name);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* Cuts @layout to @max_height with an ellipsis if it is taller; returns its
 * height. */
static double
cap_layout (PangoLayout *layout,
            double       max_height)
{
  if (layout_height (layout) > max_height)
    {
      pango_layout_set_height (layout, pango_units_from_double (MAX (max_height, 0)));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout_height (layout);
}

/* Draws @layout at (@x, @y), cut to @max_height; returns the height used. Pango
 * keeps at least one line whatever the height: the clip keeps it off the rest. */
static double
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       max_height)
{
  double height;

  if (max_height <= 0)
    return 0;
  height = MIN (cap_layout (layout, max_height), max_height);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, pango_units_to_double (pango_layout_get_width (layout)), height);
  cairo_clip (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return height;
}

/* Secondary lines are set in grey, not in italics: Chinese and Japanese have no
 * italic, and a slanted Han character reads as a fault. */
static void
append_paragraph (GString    *markup,
                  const char *text,
                  const char *span)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  if (span != NULL)
    g_string_append_printf (markup, "<span %s>%s</span>", span, escaped);
  else
    g_string_append (markup, escaped);
}

static char *
join_names (GPtrArray *items)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, silk_item_get_name (g_ptr_array_index (items, i)));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* What the selected item is: its name, a line saying what it is, its description
 * and the facts a reader of the page needs beside the map. */
static char *
describe_item (SilkDocument *document,
               SilkItem     *item)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  if (item == NULL)
    {
      append_paragraph (markup, _("Overview"), "weight='bold' size='large'");
      append_paragraph (markup, silk_document_get_description (document), NULL);
      return g_string_free (g_steal_pointer (&markup), FALSE);
    }

  append_paragraph (markup, silk_item_get_name (item), "weight='bold' size='large'");

  if (SILK_IS_PROJECT (item))
    {
      SilkProject *project = SILK_PROJECT (item);
      g_autofree char *kind = NULL;
      g_autofree char *countries = join_names (silk_project_get_countries (project));
      g_autofree char *crossing = NULL;

      /* Translators: a project's mode and status, e.g. "railway, under construction" */
      kind = g_strdup_printf (_("%s, %s"), silk_format_mode (silk_project_get_mode (project)),
                              silk_format_status (silk_project_get_status (project)));
      append_paragraph (markup, kind, "foreground='#5e5c64'");
      append_paragraph (markup, silk_item_get_description (item), NULL);
      if (*countries != '\0')
        {
          /* Translators: on the printed page, the countries a project crosses */
          crossing = g_strdup_printf (_("Countries: %s"), countries);
          append_paragraph (markup, crossing, NULL);
        }
      if (silk_project_is_approximate (project))
        append_paragraph (markup, _("The line drawn is an approximate alignment, not the "
                                    "surveyed track."), "foreground='#5e5c64'");
    }
  else if (SILK_IS_COUNTRY (item))
    {
      SilkPlace *capital = silk_country_get_capital (SILK_COUNTRY (item));
      GPtrArray *projects = silk_document_get_related (document, item, SILK_ITEM_PROJECT);

      if (capital != NULL)
        {
          /* Translators: under a country's name, e.g. "Capital: Astana" */
          g_autofree char *line = g_strdup_printf (_("Capital: %s"),
                                                   silk_item_get_name (SILK_ITEM (capital)));

          append_paragraph (markup, line, "foreground='#5e5c64'");
        }
      append_paragraph (markup, silk_item_get_description (item), NULL);
      if (projects->len > 0)
        {
          g_autofree char *names = join_names (projects);
          /* Translators: on the printed page, the projects in a country */
          g_autofree char *line = g_strdup_printf (_("Projects: %s"), names);

          append_paragraph (markup, line, NULL);
        }
    }
  else
    {
      append_paragraph (markup, silk_ui_kind_label (silk_item_get_kind (item)), "foreground='#5e5c64'");
      append_paragraph (markup, silk_item_get_description (item), NULL);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* The figures that concern @item, or those about the region as a whole. */
static GPtrArray *
collect_figures (SilkDocument *document,
                 SilkItem     *item)
{
  GPtrArray *figures = g_ptr_array_new_with_free_func (g_object_unref);

  if (item != NULL)
    {
      GPtrArray *related = silk_document_get_related (document, item, SILK_ITEM_FIGURE);

      for (guint i = 0; i < related->len; i++)
        g_ptr_array_add (figures, g_object_ref (g_ptr_array_index (related, i)));
    }
  else
    {
      GListModel *all = silk_document_get_items (document, SILK_ITEM_FIGURE);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(SilkItem) figure = g_list_model_get_item (all, i);

          if (silk_ui_is_regional (document, figure))
            g_ptr_array_add (figures, g_object_ref (figure));
        }
    }
  return figures;
}

static char *
describe_figures (GPtrArray *figures)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  if (figures->len == 0)
    return g_strdup ("");

  append_paragraph (markup, _("Figures"), "weight='bold' size='large'");
  for (guint i = 0; i < figures->len; i++)
    {
      SilkFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *value = silk_format_figure_value (figure);
      g_autofree char *period = silk_format_period (silk_figure_get_period (figure));
      g_autofree char *label = g_markup_escape_text (silk_item_get_name (SILK_ITEM (figure)), -1);
      g_autofree char *escaped_value = g_markup_escape_text (value, -1);
      g_autofree char *detail = NULL;
      g_autofree char *escaped_detail = NULL;
      const char *qualifier = silk_format_qualifier (silk_figure_get_qualifier (figure));

      if (*period != '\0')
        /* Translators: a figure's period and qualifier,
         * e.g. "January–September 2025 · reported" */
        detail = g_strdup_printf (_("%s · %s"), period, qualifier);
      else
        detail = g_strdup (qualifier);
      escaped_detail = g_markup_escape_text (detail, -1);
      g_string_append_printf (markup, "\n<b>%s</b>  %s  <span foreground='#5e5c64'>%s</span>",
                              escaped_value, label, escaped_detail);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
describe_sources (SilkItem  *item,
                  GPtrArray *figures)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  if (item != NULL)
    silk_ui_collect_sources (sources, item);
  for (guint i = 0; i < figures->len; i++)
    silk_ui_collect_sources (sources, g_ptr_array_index (figures, i));

  for (guint i = 0; i < sources->len; i++)
    {
      SilkSource *source = g_ptr_array_index (sources, i);
      const char *citation = silk_source_get_citation (source);

      if (text->len > 0)
        g_string_append (text, " ");
      g_string_append (text, citation != NULL ? citation : silk_item_get_name (SILK_ITEM (source)));
    }

  if (text->len == 0)
    return g_strdup ("");
  /* Translators: on the printed page, before the citations of its figures' sources */
  return g_strdup_printf (_("Sources: %s"), text->str);
}

static void
draw_map (cairo_t     *cr,
          double       x,
          double       y,
          double       width,
          double       height,
          SilkMapData *data,
          SilkItem    *selected,
          SilkLayers   layers,
          const SilkBounds *extent)
{
  g_autoptr(SilkRenderer) renderer = silk_renderer_new (data);
  SilkView view;

  silk_view_init (&view, (int) floor (width / POINTS_PER_PIXEL),
                  (int) floor (height / POINTS_PER_PIXEL), 1);
  silk_view_fit (&view, extent, 8);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
  /* Paper is light: the light palette, whatever the window's style. */
  silk_renderer_draw (renderer, cr, &view, silk_palette_get (FALSE),
                      (layers & SILK_LAYERS_MAP) | SILK_LAYER_LEGEND | SILK_LAYER_SCALE_BAR,
                      selected, NULL);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, x + 0.25, y + 0.25, width - 0.5, height - 0.5);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
silk_print_draw_page (cairo_t     *cr,
                      double       width,
                      double       height,
                      SilkMapData *data,
                      SilkItem    *selected,
                      SilkLayers   layers)
{
  SilkDocument *document;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) details = NULL;
  g_autoptr(PangoLayout) figures_layout = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *footer_text = NULL;
  g_autofree char *item_markup = NULL;
  g_autofree char *figures_markup = NULL;
  SilkBounds extent;
  double y = 0, map_height, footer_height, column, text_height;
  gboolean two_columns = width >= 480;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  document = silk_map_data_get_document (data);
  figures = collect_figures (document, selected);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.14, 0.14, 0.16);

  title = create_layout (cr, "Bold 18", width);
  pango_layout_set_text (title, silk_document_get_title (document), -1);
  y += show_layout (cr, title, 0, 0, height) + GAP / 2;

  /* Translators: a day with its month (and year), in strftime format */
  date = g_date_time_format (now, _("%-d %B %Y"));
  /* Translators: the last line of a printed page: the version and the date */
  printed = g_strdup_printf (_("Printed from Silk Atlas %s on %s."), PACKAGE_VERSION, date);
  sources = describe_sources (selected, figures);
  footer_text = g_strjoin (" ", sources,
                           _("Map: borders from Natural Earth, lakes and rivers from GSHHG. "
                             "The boundaries and names shown do not imply any position on the "
                             "status of any territory."),
                           printed, NULL);
  /* The footer takes what it needs from the bottom; the map what its shape asks,
   * up to two thirds of the rest; the details what remains. */
  footer = create_layout (cr, "7.5", width);
  pango_layout_set_text (footer, g_strstrip (footer_text), -1);
  footer_height = MIN (cap_layout (footer, height * 0.2), height * 0.2);

  if (selected == NULL || !silk_map_data_get_item_bounds (data, selected, &extent))
    extent = *silk_map_data_get_region (data);
  else
    {
      /* Room around the item for its neighbours, to say where it is. */
      double pad_x = (extent.max_x - extent.min_x) * 0.25 + 50;
      double pad_y = (extent.max_y - extent.min_y) * 0.25 + 50;

      extent.min_x -= pad_x;
      extent.max_x += pad_x;
      extent.min_y -= pad_y;
      extent.max_y += pad_y;
    }
  map_height = (height - y - footer_height - 2 * GAP) * 2 / 3;
  map_height = MIN (map_height, width * (extent.max_y - extent.min_y)
                                / MAX (extent.max_x - extent.min_x, 1));
  draw_map (cr, 0, y, width, map_height, data, selected, layers, &extent);
  y += map_height + GAP;

  text_height = height - y - footer_height - GAP;
  column = two_columns ? (width - 2 * GAP) / 2 : width;
  item_markup = describe_item (document, selected);
  details = create_layout (cr, "9.5", column);
  pango_layout_set_markup (details, item_markup, -1);
  figures_markup = describe_figures (figures);
  figures_layout = create_layout (cr, "9", column);
  pango_layout_set_markup (figures_layout, figures_markup, -1);
  if (two_columns)
    {
      show_layout (cr, details, 0, y, text_height);
      show_layout (cr, figures_layout, column + 2 * GAP, y, text_height);
    }
  else
    {
      double used = show_layout (cr, details, 0, y, text_height);

      show_layout (cr, figures_layout, 0, y + used + GAP / 2, text_height - used - GAP / 2);
    }

  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  show_layout (cr, footer, 0, height - footer_height, footer_height);
  cairo_restore (cr);
}

/* The print operation */

typedef struct
{
  SilkMapData *data;
  SilkItem *selected;
  SilkLayers layers;
  GtkWindow *parent;
} PrintJob;

static void
print_job_free (gpointer p)
{
  PrintJob *job = p;

  g_clear_pointer (&job->data, silk_map_data_unref);
  g_clear_object (&job->selected);
  g_clear_weak_pointer (&job->parent);
  g_free (job);
}

/* The printer, paper and orientation chosen last, for the next print. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  silk_print_draw_page (gtk_print_context_get_cairo_context (context),
                        gtk_print_context_get_width (context),
                        gtk_print_context_get_height (context),
                        job->data, job->selected, job->layers);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (job->parent, _("Could Not Print the Map"),
                                       error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Preview: the page as it will print, on a sheet of the chosen paper. GTK's own
 * preview needs an external viewer that may not be installed. */

typedef struct
{
  PrintJob *job;
  GtkPageSetup *page_setup;
  GtkPrintOperation *operation;
  GtkPrintOperationPreview *preview;
  cairo_t *cr;
} Preview;

static void
preview_free (gpointer p)
{
  Preview *preview = p;

  gtk_print_operation_preview_end_preview (preview->preview);
  g_clear_object (&preview->preview);
  g_clear_object (&preview->operation);
  g_clear_object (&preview->page_setup);
  g_clear_pointer (&preview->cr, cairo_destroy);
  g_free (preview);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  Preview *preview = user_data;
  GtkPageSetup *setup = preview->page_setup;
  double paper_w = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double paper_h = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  double scale = MIN ((width - 48) / paper_w, (height - 48) / paper_h);
  double x = (width - paper_w * scale) / 2;
  double y = (height - paper_h * scale) / 2;

  if (scale <= 0)
    return;

  cairo_rectangle (cr, x + 2, y + 3, paper_w * scale, paper_h * scale);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, paper_w * scale, paper_h * scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS),
                   gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS));
  silk_print_draw_page (cr, gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                        gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS),
                        preview->job->data, preview->job->selected, preview->job->layers);
}

/* "Print…" in the preview: back to the print dialog, the preview done. */
static void
on_preview_print (GtkButton *button,
                  GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.print", NULL);
  gtk_window_destroy (window);
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *print_preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            PrintJob                 *job)
{
  Preview *preview = g_new0 (Preview, 1);
  GtkWidget *window, *box, *header, *area, *print;
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

  preview->job = job;
  preview->operation = g_object_ref (operation);
  preview->preview = g_object_ref (print_preview);
  preview->page_setup = setup != NULL ? gtk_page_setup_copy (setup) : gtk_page_setup_new ();
  /* GTK paginates on the print context even when the application previews: it
   * needs a cairo context there, which draws nothing. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

    preview->cr = cairo_create (surface);
    cairo_surface_destroy (surface);
    gtk_print_context_set_cairo_context (context, preview->cr, 72, 72);
  }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent != NULL ? parent : job->parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  print = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (print, "suggested-action");
  g_signal_connect (print, "clicked", G_CALLBACK (on_preview_print), window);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);
  gtk_box_append (GTK_BOX (box), header);
  area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (area, TRUE);
  gtk_widget_add_css_class (area, "view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The page as it will print"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_preview, preview, NULL);
  gtk_box_append (GTK_BOX (box), area);
  adw_window_set_content (ADW_WINDOW (window), box);
  /* The preview ends, and the operation with it, when its window goes. */
  g_object_set_data_full (G_OBJECT (window), "silk-preview", preview, preview_free);
  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

GtkPrintOperationResult
silk_print_run (GtkWindow               *parent,
                SilkMapData             *data,
                SilkItem                *selected,
                SilkLayers               layers,
                GtkPrintOperationAction  action,
                const char              *export_filename,
                GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *job_name = NULL;
  PrintJob *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (data != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  job = g_new0 (PrintJob, 1);
  job->data = silk_map_data_ref (data);
  job->selected = selected != NULL ? g_object_ref (selected) : NULL;
  job->layers = layers;
  g_set_weak_pointer (&job->parent, parent);
  g_object_set_data_full (G_OBJECT (operation), "silk-print-job", job, print_job_free);

  /* The region is wider than tall: landscape, unless the person chose otherwise. */
  if (last_page_setup != NULL)
    page_setup = gtk_page_setup_copy (last_page_setup);
  else
    {
      page_setup = gtk_page_setup_new ();
      gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, 1);
  job_name = g_strdup_printf ("%s – %s", _("Silk Atlas"),
                              silk_document_get_title (silk_map_data_get_document (data)));
  gtk_print_operation_set_job_name (operation, job_name);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  gtk_print_operation_set_allow_async (operation, action != GTK_PRINT_OPERATION_ACTION_EXPORT);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);
  g_signal_connect (operation, "preview", G_CALLBACK (on_preview), job);

  return gtk_print_operation_run (operation, action, parent, error);
}
