/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#include <string.h>

#include "silk-export-dialog.h"
#include "silk-ui-resources.h"

struct _SilkExportDialog
{
  AdwWindow parent_instance;

  SilkMapData *data;
  SilkView view;
  SilkItem *selected;
  SilkLayers layers;
  gboolean dark;
  GSettings *settings;
  GtkFileChooserNative *chooser;
  /* Set while a preset writes the spin buttons, so that does not read as an edit. */
  gboolean applying_preset;

  AdwComboRow *format_row;
  AdwPreferencesGroup *size_group;
  AdwComboRow *preset_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  AdwComboRow *extent_row;
  GtkSwitch *legend_switch;
};

G_DEFINE_FINAL_TYPE (SilkExportDialog, silk_export_dialog, ADW_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Screen sizes in pixels, paper sizes in points: the same numbers serve PNG and the
 * vector formats. The window's own size is added before "Custom". */
static const struct
{
  const char *name;
  int width;
  int height;
} presets[] = {
  { N_("Full HD"), 1920, 1080 },
  { N_("4K"), 3840, 2160 },
  { N_("Square"), 1080, 1080 },
  { N_("A4 Landscape"), 842, 595 },
  { N_("A4 Portrait"), 595, 842 },
};

#define PRESET_WINDOW (G_N_ELEMENTS (presets))
#define PRESET_CUSTOM (G_N_ELEMENTS (presets) + 1)

static const char *extensions[] = { "png", "svg", "pdf" };

const char *
silk_export_format_get_extension (SilkExportFormat format)
{
  g_return_val_if_fail (format <= SILK_EXPORT_FORMAT_PDF, "png");

  return extensions[format];
}

static void
window_size (SilkExportDialog *self,
             int              *width,
             int              *height)
{
  *width = CLAMP (self->view.width, SILK_EXPORT_MIN_SIZE, SILK_EXPORT_MAX_SIZE);
  *height = CLAMP (self->view.height, SILK_EXPORT_MIN_SIZE, SILK_EXPORT_MAX_SIZE);
}

static void
preset_size (SilkExportDialog *self,
             guint             preset,
             int              *width,
             int              *height)
{
  if (preset < G_N_ELEMENTS (presets))
    {
      *width = presets[preset].width;
      *height = presets[preset].height;
    }
  else
    window_size (self, width, height);
}

/* The preset matching the spin buttons, else Custom. */
static guint
find_preset (SilkExportDialog *self,
             int               width,
             int               height)
{
  for (guint i = 0; i <= PRESET_WINDOW; i++)
    {
      int w, h;

      preset_size (self, i, &w, &h);
      if (w == width && h == height)
        return i;
    }
  return PRESET_CUSTOM;
}

static void
build_presets (SilkExportDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i <= PRESET_WINDOW; i++)
    {
      g_autofree char *text = NULL;
      int w, h;

      preset_size (self, i, &w, &h);
      /* Translators: a size preset of the export, e.g. "Full HD (1920 × 1080)" */
      text = g_strdup_printf (_("%s (%d × %d)"),
                              i == PRESET_WINDOW ? _("Window Size") : gettext (presets[i].name),
                              w, h);
      gtk_string_list_append (list, text);
    }
  /* Translators: the export size the person types in */
  gtk_string_list_append (list, C_("export size", "Custom"));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (list));
}

static void
on_preset_changed (SilkExportDialog *self)
{
  guint preset = adw_combo_row_get_selected (self->preset_row);
  int w, h;

  if (preset >= PRESET_CUSTOM || preset == GTK_INVALID_LIST_POSITION)
    return;

  preset_size (self, preset, &w, &h);
  self->applying_preset = TRUE;
  gtk_spin_button_set_value (self->width_spin, w);
  gtk_spin_button_set_value (self->height_spin, h);
  self->applying_preset = FALSE;
}

static void
on_size_edited (SilkExportDialog *self)
{
  if (self->applying_preset)
    return;
  adw_combo_row_set_selected (self->preset_row,
                              find_preset (self,
                                           gtk_spin_button_get_value_as_int (self->width_spin),
                                           gtk_spin_button_get_value_as_int (self->height_spin)));
}

static void
on_format_changed (SilkExportDialog *self)
{
  if (silk_export_dialog_get_format (self) == SILK_EXPORT_FORMAT_PNG)
    adw_preferences_group_set_description (self->size_group, _("In pixels."));
  else
    adw_preferences_group_set_description (self->size_group,
                                           _("In points: 72 points make an inch, and a "
                                             "drawing scales without loss."));
}

SilkExportFormat
silk_export_dialog_get_format (SilkExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (SILK_IS_EXPORT_DIALOG (self), SILK_EXPORT_FORMAT_PNG);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected <= SILK_EXPORT_FORMAT_PDF ? (SilkExportFormat) selected : SILK_EXPORT_FORMAT_PNG;
}

void
silk_export_dialog_set_format (SilkExportDialog *self,
                               SilkExportFormat  format)
{
  g_return_if_fail (SILK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= SILK_EXPORT_FORMAT_PDF);

  adw_combo_row_set_selected (self->format_row, format);
}

void
silk_export_dialog_set_size (SilkExportDialog *self,
                             int               width,
                             int               height)
{
  g_return_if_fail (SILK_IS_EXPORT_DIALOG (self));

  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
}

void
silk_export_dialog_set_extent (SilkExportDialog *self,
                               SilkExportExtent  extent)
{
  g_return_if_fail (SILK_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->extent_row, extent);
}

void
silk_export_dialog_set_legend (SilkExportDialog *self,
                               gboolean          legend)
{
  g_return_if_fail (SILK_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->legend_switch, legend);
}

void
silk_export_dialog_get_options (SilkExportDialog  *self,
                                SilkExportOptions *options,
                                SilkBounds        *extent)
{
  g_return_if_fail (SILK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL && extent != NULL);

  silk_export_options_init (options,
                            gtk_spin_button_get_value_as_int (self->width_spin),
                            gtk_spin_button_get_value_as_int (self->height_spin));
  options->dark = self->dark;
  options->selected = self->selected;
  /* Scale bar and attribution always: a map without them cannot be read honestly. */
  options->layers = (self->layers & SILK_LAYERS_MAP) | SILK_LAYER_SCALE_BAR | SILK_LAYER_ATTRIBUTION;
  if (gtk_switch_get_active (self->legend_switch))
    options->layers |= SILK_LAYER_LEGEND;

  if (adw_combo_row_get_selected (self->extent_row) == SILK_EXPORT_EXTENT_REGION)
    *extent = *silk_map_data_get_region (self->data);
  else
    silk_view_get_bounds (&self->view, extent);
  options->extent = extent;
}

static void
save_choices (SilkExportDialog *self)
{
  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "export-format",
                         silk_export_format_get_extension (silk_export_dialog_get_format (self)));
  g_settings_set_int (self->settings, "export-width",
                      gtk_spin_button_get_value_as_int (self->width_spin));
  g_settings_set_int (self->settings, "export-height",
                      gtk_spin_button_get_value_as_int (self->height_spin));
  g_settings_set_boolean (self->settings, "export-legend",
                          gtk_switch_get_active (self->legend_switch));
  g_settings_set_string (self->settings, "export-extent",
                         adw_combo_row_get_selected (self->extent_row) == SILK_EXPORT_EXTENT_REGION
                         ? "region" : "view");
}

static void
load_choices (SilkExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *extent = NULL;

  if (self->settings == NULL)
    return;

  /* The schema's choices and ranges keep these within what the dialog offers. */
  format = g_settings_get_string (self->settings, "export-format");
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_equal (format, extensions[i]))
      silk_export_dialog_set_format (self, i);
  silk_export_dialog_set_size (self,
                               g_settings_get_int (self->settings, "export-width"),
                               g_settings_get_int (self->settings, "export-height"));
  silk_export_dialog_set_legend (self, g_settings_get_boolean (self->settings, "export-legend"));
  extent = g_settings_get_string (self->settings, "export-extent");
  silk_export_dialog_set_extent (self, g_str_equal (extent, "region")
                                       ? SILK_EXPORT_EXTENT_REGION : SILK_EXPORT_EXTENT_VIEW);
}

/* The file the person chose, with the extension of the chosen format: another
 * format's extension is replaced, none is added. */
static GFile *
with_extension (GFile      *file,
                const char *extension)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  const char *dot = strrchr (basename, '.');

  if (dot != NULL && g_ascii_strcasecmp (dot + 1, extension) == 0)
    return g_object_ref (file);

  stem = g_strdup (basename);
  if (dot != NULL && dot != basename)
    for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
      if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
        stem[dot - basename] = '\0';

  name = g_strconcat (stem, ".", extension, NULL);
  return parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);
}

typedef struct
{
  SilkMapData *data;
  SilkExportOptions options;
  SilkBounds extent;
  char *path;
} ExportJob;

static void
export_job_free (gpointer p)
{
  ExportJob *job = p;

  g_clear_pointer (&job->data, silk_map_data_unref);
  g_clear_object (&job->options.selected);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (silk_export_map_full (job->data, job->path, &job->options, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SilkExportDialog *self = SILK_EXPORT_DIALOG (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  g_signal_emit (self, signals[FINISHED], 0, file, error);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
silk_export_dialog_export_to (SilkExportDialog *self,
                              GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) target = NULL;
  ExportJob *job;

  g_return_if_fail (SILK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  target = with_extension (file, silk_export_format_get_extension (silk_export_dialog_get_format (self)));
  save_choices (self);

  job = g_new0 (ExportJob, 1);
  job->data = silk_map_data_ref (self->data);
  silk_export_dialog_get_options (self, &job->options, &job->extent);
  job->options.extent = &job->extent;
  if (job->options.selected != NULL)
    g_object_ref (job->options.selected);
  job->path = g_file_get_path (target);
  if (job->path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = g_file_get_uri (target);

      export_job_free (job);
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write “%s”: only local files can be written"), uri);
      g_signal_emit (self, signals[FINISHED], 0, target, error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* The dialog has done its part; it stays alive (hidden) until the file is
   * written, to report it. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);

  task = g_task_new (self, NULL, export_done, g_steal_pointer (&target));
  g_task_set_source_tag (task, silk_export_dialog_export_to);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     SilkExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    silk_export_dialog_export_to (self, file);
}

/* "cku-railway.png" for a selection, "china-central-asia-2025.png" otherwise: ids
 * are short, plain ASCII and safe in any file system. */
static char *
suggested_name (SilkExportDialog *self,
                const char       *extension)
{
  const char *stem = self->selected != NULL
                     ? silk_item_get_id (self->selected)
                     : silk_document_get_id (silk_map_data_get_document (self->data));

  return g_strconcat (stem, ".", extension, NULL);
}

static void
on_export_clicked (SilkExportDialog *self)
{
  SilkExportFormat format = silk_export_dialog_get_format (self);
  const char *extension = silk_export_format_get_extension (format);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, extension);
  g_autofree char *pattern = g_strconcat ("*.", extension, NULL);
  static const char *names[] = { N_("PNG images"), N_("SVG drawings"), N_("PDF documents") };
  static const char *mime_types[] = { "image/png", "image/svg+xml", "application/pdf" };

  /* A size typed but not yet confirmed with Enter counts. */
  gtk_spin_button_update (self->width_spin);
  gtk_spin_button_update (self->height_spin);

  self->chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, gettext (names[format]));
  gtk_file_filter_add_mime_type (filter, mime_types[format]);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
silk_export_dialog_dispose (GObject *object)
{
  SilkExportDialog *self = SILK_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SILK_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (silk_export_dialog_parent_class)->dispose (object);
}

static void
silk_export_dialog_finalize (GObject *object)
{
  SilkExportDialog *self = SILK_EXPORT_DIALOG (object);

  g_clear_pointer (&self->data, silk_map_data_unref);
  g_clear_object (&self->selected);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (silk_export_dialog_parent_class)->finalize (object);
}

static void
silk_export_dialog_class_init (SilkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_export_dialog_dispose;
  object_class->finalize = silk_export_dialog_finalize;

  /**
   * SilkExportDialog::finished:
   * @file: the file written (or not)
   * @error: (nullable): why it was not written, or NULL
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);

  silk_ui_resources_ensure ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/silkatlas/SilkAtlas/ui/silk-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SilkExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SilkExportDialog, size_group);
  gtk_widget_class_bind_template_child (widget_class, SilkExportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, SilkExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, SilkExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, SilkExportDialog, extent_row);
  gtk_widget_class_bind_template_child (widget_class, SilkExportDialog, legend_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_size_edited);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
silk_export_dialog_init (SilkExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilkExportDialog *
silk_export_dialog_new (GtkWindow      *parent,
                        SilkMapData    *data,
                        const SilkView *view,
                        SilkItem       *selected,
                        SilkLayers      layers,
                        gboolean        dark,
                        GSettings      *settings)
{
  SilkExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (selected == NULL || SILK_IS_ITEM (selected), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SILK_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->data = silk_map_data_ref (data);
  self->view = *view;
  self->selected = selected != NULL ? g_object_ref (selected) : NULL;
  self->layers = layers;
  self->dark = dark;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  build_presets (self);
  adw_combo_row_set_selected (self->preset_row, 0);
  on_preset_changed (self);
  load_choices (self);
  on_size_edited (self);
  on_format_changed (self);

  return self;
}
