/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#include <math.h>

#include "silk-cli.h"
#include "silk-config.h"
#include "silk-csv.h"
#include "silk-export-dialog.h"
#include "silk-format.h"
#include "silk-map-view.h"
#include "silk-print.h"
#include "silk-search-popover.h"
#include "silk-sidebar.h"
#include "silk-timeline.h"
#include "silk-ui-resources.h"
#include "silk-ui-util.h"
#include "silk-window-private.h"

struct _SilkWindow
{
  AdwApplicationWindow parent_instance;

  SilkDocument *document;
  SilkSelection *selection;
  GSettings *settings;
  SilkLayers notified_layers;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  AdwFlap *flap;
  SilkSidebar *sidebar;
  SilkMapView *map_view;
  SilkTimeline *timeline;
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;
  GtkMenuButton *layers_button;
  GMenuModel *layers_menu;
  GtkMenuButton *search_button;
  SilkSearchPopover *search_popover;
};

G_DEFINE_FINAL_TYPE (SilkWindow, silk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  /* The layer switches, as boolean properties: each is an action of the layers
   * menu (win.show-railways, ...) and a key of the settings. */
  PROP_SHOW_RAILWAYS,
  PROP_SHOW_HIGHWAYS,
  PROP_SHOW_PLACES,
  PROP_SHOW_LABELS,
  PROP_SHOW_WATER,
  PROP_SHOW_NEIGHBOURS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *name;
  SilkLayers layers;
} layer_switches[] = {
  { "show-railways", SILK_LAYER_RAILWAYS },
  { "show-highways", SILK_LAYER_HIGHWAYS },
  { "show-places", SILK_LAYER_PLACES },
  { "show-labels", SILK_LAYER_LABELS },
  { "show-water", SILK_LAYER_LAKES | SILK_LAYER_RIVERS },
  { "show-neighbours", SILK_LAYER_NEIGHBOURS },
};

#define LAYER_SWITCH(prop_id) (&layer_switches[(prop_id) - PROP_SHOW_RAILWAYS])

static void
set_document (SilkWindow   *self,
              SilkDocument *document)
{
  if (!g_set_object (&self->document, document))
    return;

  silk_selection_clear (self->selection);
  adw_window_title_set_subtitle (self->window_title, silk_document_get_title (document));
  silk_sidebar_set_document (self->sidebar, document);
  silk_map_view_set_document (self->map_view, document);
  silk_timeline_set_document (self->timeline, document);
  silk_search_popover_set_document (self->search_popover, document);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
silk_window_load (SilkWindow  *self,
                  GFile       *file,
                  GError     **error)
{
  g_autoptr(SilkDocument) document = NULL;

  g_return_val_if_fail (SILK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = silk_document_load (file, NULL, error);
  if (document == NULL)
    return FALSE;

  set_document (self, document);
  return TRUE;
}

static void open_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter);

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SilkWindow       *self)
{
  if (g_strcmp0 (response, "open") == 0)
    open_action (GTK_WIDGET (self), "win.open", NULL);
}

/* Tells the user why @file was not opened; the atlas shown stays as it was. */
static void
show_load_error (SilkWindow   *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Is Not a Valid Atlas"), name);
  AdwMessageDialog *dialog;
  GtkWidget *label;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_format_body (dialog,
                                  _("The atlas shown is unchanged. These are the problems "
                                    "found, with their line and column:"));

  label = gtk_label_new (error->message);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  adw_message_dialog_set_extra_child (dialog, label);

  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "open", _("_Open Another…"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
silk_window_open (SilkWindow *self,
                  GFile      *file,
                  const char *select)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SILK_IS_WINDOW (self));

  if (file != NULL && !silk_window_load (self, file, &error))
    show_load_error (self, file, error);

  if (self->document == NULL)
    {
      g_autoptr(SilkDocument) bundled = NULL;
      g_autoptr(GError) bundled_error = NULL;

      /* The bundled atlas is compiled in and checked by the tests: failing to load
       * it is a bug, not a user error. */
      bundled = silk_document_load_bundled (&bundled_error);
      if (bundled == NULL)
        g_error ("The bundled atlas does not load: %s", bundled_error->message);
      set_document (self, bundled);
    }

  if (select != NULL)
    {
      g_autoptr(GError) select_error = NULL;
      SilkItem *item = silk_cli_parse_select (self->document, select, &select_error);

      if (item != NULL)
        silk_selection_set_item (self->selection, item);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (select_error->message));
    }
}

SilkDocument *
silk_window_get_document (SilkWindow *self)
{
  g_return_val_if_fail (SILK_IS_WINDOW (self), NULL);

  return self->document;
}

SilkSelection *
silk_window_get_selection (SilkWindow *self)
{
  g_return_val_if_fail (SILK_IS_WINDOW (self), NULL);

  return self->selection;
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  SilkWindow      *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL && !silk_window_load (self, file, &error))
    show_load_error (self, file, error);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilkWindow *self = SILK_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Atlas"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Atlas files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SilkWindow *self = SILK_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

SilkSidebar *
silk_window_get_sidebar (SilkWindow *self)
{
  g_return_val_if_fail (SILK_IS_WINDOW (self), NULL);

  return self->sidebar;
}

SilkTimeline *
silk_window_get_timeline (SilkWindow *self)
{
  g_return_val_if_fail (SILK_IS_WINDOW (self), NULL);

  return self->timeline;
}

SilkMapView *
silk_window_get_map_view (SilkWindow *self)
{
  g_return_val_if_fail (SILK_IS_WINDOW (self), NULL);

  return self->map_view;
}

SilkSearchPopover *
silk_window_get_search_popover (SilkWindow *self)
{
  g_return_val_if_fail (SILK_IS_WINDOW (self), NULL);

  return self->search_popover;
}

static void
show_toast (SilkWindow *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Everything a person can pick (a row, a search result, an event on the timeline)
 * comes here. Countries, places and projects become the selection. An event or a
 * figure selects what it concerns (nothing, for the region as a whole), and the
 * event is highlighted on the timeline, the figure's card shown in the sidebar. */
static void
show_item (SilkWindow *self,
           SilkItem   *item)
{
  SilkItem *target = silk_ui_selection_target (self->document, item);

  if (target != NULL)
    silk_selection_set_item (self->selection, target);
  else if (!SILK_IS_SOURCE (item))
    silk_selection_clear (self->selection);

  if (SILK_IS_EVENT (item))
    silk_timeline_set_current_event (self->timeline, SILK_EVENT (item));
  else if (SILK_IS_FIGURE (item) || SILK_IS_NOTE (item))
    silk_sidebar_reveal_item (self->sidebar, item);
}

static void
select_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SilkWindow *self = SILK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  SilkItem *item = self->document != NULL ? silk_document_lookup (self->document, id) : NULL;

  if (item == NULL)
    {
      g_warning ("win.select-item: the atlas has no item “%s”", id);
      return;
    }

  show_item (self, item);
}

static void
on_event_activated (SilkWindow *self,
                    SilkEvent  *event)
{
  show_item (self, SILK_ITEM (event));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SilkWindow *self = SILK_WINDOW (widget);

  silk_selection_clear (self->selection);
  silk_timeline_set_current_event (self->timeline, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilkWindow *self = SILK_WINDOW (widget);

  gtk_menu_button_popup (self->search_button);
}

static void
copy_figure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SilkWindow *self = SILK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  SilkItem *item = self->document != NULL ? silk_document_lookup (self->document, id) : NULL;
  g_autofree char *citation = NULL;
  g_autofree char *title = NULL;

  if (!SILK_IS_FIGURE (item))
    {
      g_warning ("win.copy-figure: the atlas has no figure “%s”", id);
      return;
    }

  citation = silk_format_figure_citation (SILK_FIGURE (item));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), citation);
  /* Translators: a toast after copying a figure; %s is its label */
  title = g_strdup_printf (_("Copied “%s” with its source"), silk_item_get_name (item));
  show_toast (self, title);
}

static void
copy_figures_csv_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SilkWindow *self = SILK_WINDOW (widget);
  g_autofree char *csv = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (self->document == NULL)
    return;

  csv = silk_csv_write_figures (self->document);
  n = g_list_model_get_n_items (silk_document_get_items (self->document, SILK_ITEM_FIGURE));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Copied %u figure as CSV",
                                        "Copied %u figures as CSV", n), n);
  show_toast (self, title);
}

static SilkItem *
selected_item (SilkWindow *self)
{
  return silk_selection_get_item (self->selection);
}

static void
on_launch_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SilkWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* Translators: a toast when no application opened an exported file */
      g_autofree char *title = g_strdup_printf (_("Could not open the file: %s"), error->message);

      show_toast (self, title);
    }
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SilkWindow *self = SILK_WINDOW (widget);
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context, NULL,
                                           on_launch_done, g_object_ref (self));
}

static void
on_export_finished (SilkExportDialog *dialog,
                    GFile            *file,
                    const GError     *error,
                    SilkWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);

  if (error == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      /* Translators: a toast after exporting the map; %s is the file name */
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_set_timeout (toast, 5);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      AdwMessageDialog *message;

      message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                            _("Could Not Export the Map"),
                                                            NULL));
      /* Translators: under "Could Not Export the Map"; %s says why */
      adw_message_dialog_format_body (message, _("%s\n\nNo file was changed."), error->message);
      adw_message_dialog_add_response (message, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

SilkExportDialog *
silk_window_show_export_dialog (SilkWindow *self)
{
  SilkMapData *data;
  SilkExportDialog *dialog;
  SilkView view;

  g_return_val_if_fail (SILK_IS_WINDOW (self), NULL);

  data = silk_map_view_get_map_data (self->map_view);
  if (data == NULL)
    return NULL;

  silk_map_view_get_view (self->map_view, &view);
  dialog = silk_export_dialog_new (GTK_WINDOW (self), data, &view, selected_item (self),
                                   silk_map_view_get_layers (self->map_view),
                                   adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                   self->settings);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_export_finished), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  silk_window_show_export_dialog (SILK_WINDOW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SilkWindow *self = SILK_WINDOW (widget);
  SilkMapData *data = silk_map_view_get_map_data (self->map_view);
  g_autoptr(GError) error = NULL;

  if (data == NULL)
    return;

  if (silk_print_run (GTK_WINDOW (self), data, selected_item (self),
                      silk_map_view_get_layers (self->map_view),
                      GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Print the Map"),
                                                  error != NULL ? error->message : NULL);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* The keyboard shortcuts window, built when first asked for. GtkApplication would
 * build it with every window from the resource gtk/help-overlay.ui, which is why it
 * is not there: the window is shown sooner without its widgets. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/silkatlas/SilkAtlas/ui/silk-shortcuts-window.ui");
      GObject *shortcuts = gtk_builder_get_object (builder, "help_overlay");

      /* Which also has it show the application's accelerators for the actions. */
      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (shortcuts));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

/* Settings: what the window remembers between runs */

static void
restore_view (SilkWindow *self)
{
  SilkMapData *data = silk_map_view_get_map_data (self->map_view);
  SilkView view;
  double longitude, latitude, scale;

  g_settings_get (self->settings, "last-view", "(ddd)", &longitude, &latitude, &scale);
  /* Anything else (unset, or written by hand) leaves the map fitted to the region. */
  if (data == NULL || !isfinite (longitude) || !isfinite (latitude) || !isfinite (scale)
      || scale <= 0 || fabs (longitude) > 180 || fabs (latitude) > 90)
    return;

  silk_view_init (&view, 1, 1, 1);
  silk_map_data_project (data, longitude, latitude, &view.center_x, &view.center_y);
  view.scale = scale;
  silk_map_view_set_view (self->map_view, &view);
}

void
silk_window_use_settings (SilkWindow *self,
                          GSettings  *settings)
{
  g_autofree char *selection = NULL;

  g_return_if_fail (SILK_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);

  /* The schema's ranges keep the size sane; maximised wins over it. */
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (settings, "sidebar-shown"));

  for (guint i = 0; i < G_N_ELEMENTS (layer_switches); i++)
    g_settings_bind (settings, layer_switches[i].name, self, layer_switches[i].name,
                     G_SETTINGS_BIND_DEFAULT);

  /* What the command line asked to select wins over what was selected last. */
  if (silk_selection_get_item (self->selection) != NULL || self->document == NULL)
    return;

  selection = g_settings_get_string (settings, "last-selection");
  if (*selection != '\0')
    {
      SilkItem *item = silk_cli_parse_select (self->document, selection, NULL);

      if (item != NULL)
        silk_selection_set_item (self->selection, item);
    }
  restore_view (self);
}

void
silk_window_save_state (SilkWindow *self)
{
  SilkMapData *data;
  SilkItem *item;
  int width, height;

  g_return_if_fail (SILK_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", CLAMP (width, 360, 32768));
      g_settings_set_int (self->settings, "window-height", CLAMP (height, 294, 32768));
    }
  /* A folded sidebar hides for want of room, not by choice. */
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "sidebar-shown", adw_flap_get_reveal_flap (self->flap));

  item = silk_selection_get_item (self->selection);
  if (item != NULL)
    {
      g_autofree char *value = g_strdup_printf ("%s:%s",
                                                silk_item_kind_to_string (silk_item_get_kind (item)),
                                                silk_item_get_id (item));

      g_settings_set_string (self->settings, "last-selection", value);
    }
  else
    g_settings_set_string (self->settings, "last-selection", "");

  data = silk_map_view_get_map_data (self->map_view);
  if (data != NULL && gtk_widget_get_realized (GTK_WIDGET (self->map_view)))
    {
      SilkView view;
      double longitude, latitude;

      silk_map_view_get_view (self->map_view, &view);
      silk_projection_inverse (silk_map_data_get_projection (data), view.center_x, view.center_y,
                               &longitude, &latitude);
      if (isfinite (longitude) && isfinite (latitude) && isfinite (view.scale) && view.scale > 0)
        g_settings_set (self->settings, "last-view", "(ddd)", longitude, latitude, view.scale);
    }
}

static gboolean
silk_window_close_request (GtkWindow *window)
{
  silk_window_save_state (SILK_WINDOW (window));

  return GTK_WINDOW_CLASS (silk_window_parent_class)->close_request (window);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  show_toast (SILK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The menus' popovers are built when first opened rather than with the window. */
static void
create_menu_popover (GtkMenuButton *button,
                     gpointer       menu)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

static void
on_selection_changed (SilkWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 silk_selection_get_item (self->selection) != NULL);
}

static void
silk_window_dispose (GObject *object)
{
  SilkWindow *self = SILK_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SILK_TYPE_WINDOW);

  G_OBJECT_CLASS (silk_window_parent_class)->dispose (object);
}

static void
silk_window_finalize (GObject *object)
{
  SilkWindow *self = SILK_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (silk_window_parent_class)->finalize (object);
}

static void
silk_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SilkWindow *self = SILK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_SHOW_RAILWAYS:
    case PROP_SHOW_HIGHWAYS:
    case PROP_SHOW_PLACES:
    case PROP_SHOW_LABELS:
    case PROP_SHOW_WATER:
    case PROP_SHOW_NEIGHBOURS:
      /* Property actions read the state before the template is built. */
      g_value_set_boolean (value, self->map_view == NULL
                                  || (silk_map_view_get_layers (self->map_view)
                                      & LAYER_SWITCH (prop_id)->layers) != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
silk_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SilkWindow *self = SILK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_RAILWAYS:
    case PROP_SHOW_HIGHWAYS:
    case PROP_SHOW_PLACES:
    case PROP_SHOW_LABELS:
    case PROP_SHOW_WATER:
    case PROP_SHOW_NEIGHBOURS:
      {
        SilkLayers layers = silk_map_view_get_layers (self->map_view);
        SilkLayers flags = LAYER_SWITCH (prop_id)->layers;

        silk_map_view_set_layers (self->map_view,
                                  g_value_get_boolean (value) ? layers | flags : layers & ~flags);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The map's layers changed: tell whoever follows a switch that changed. */
static void
on_layers_changed (SilkWindow *self)
{
  SilkLayers layers = silk_map_view_get_layers (self->map_view);

  for (guint i = 0; i < G_N_ELEMENTS (layer_switches); i++)
    {
      gboolean shown = (layers & layer_switches[i].layers) != 0;

      if (shown != ((self->notified_layers & layer_switches[i].layers) != 0))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_RAILWAYS + i]);
    }
  self->notified_layers = layers;
}

static void
silk_window_class_init (SilkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_window_dispose;
  object_class->finalize = silk_window_finalize;
  object_class->get_property = silk_window_get_property;
  object_class->set_property = silk_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = silk_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SILK_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         SILK_TYPE_SELECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < G_N_ELEMENTS (layer_switches); i++)
    properties[PROP_SHOW_RAILWAYS + i] =
      g_param_spec_boolean (layer_switches[i].name, NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  silk_ui_resources_ensure ();
  g_type_ensure (SILK_TYPE_SIDEBAR);
  g_type_ensure (SILK_TYPE_MAP_VIEW);
  g_type_ensure (SILK_TYPE_TIMELINE);
  g_type_ensure (SILK_TYPE_SEARCH_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/silkatlas/SilkAtlas/ui/silk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, layers_button);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, layers_menu);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SilkWindow, search_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_event_activated);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.select-item", "s", select_item_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.copy-figure", "s", copy_figure_action);
  gtk_widget_class_install_action (widget_class, "win.copy-figures-csv", NULL,
                                   copy_figures_csv_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  for (guint i = 0; i < G_N_ELEMENTS (layer_switches); i++)
    {
      g_autofree char *action = g_strconcat ("win.", layer_switches[i].name, NULL);

      gtk_widget_class_install_property_action (widget_class, action, layer_switches[i].name);
    }

  /* Kept with the window rather than as application accelerators: they belong to
   * this window's panels, and the search entry and popovers see Escape first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
}

static void
silk_window_init (SilkWindow *self)
{
  self->selection = silk_selection_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The icons of the resource (the layers button's): an application adds them to
   * the theme itself, a window on its own (as in the tests) does here. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
    g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);
    const char *path = "/io/github/silkatlas/SilkAtlas/icons";

    if (paths == NULL || !g_strv_contains ((const char * const *) paths, path))
      gtk_icon_theme_add_resource_path (theme, path);
  }

  /* libadwaita stripes the header bar of a window with this class. */
#if DEVELOPMENT_PROFILE
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_popover,
                                         self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->layers_button, create_menu_popover,
                                         self->layers_menu, NULL);

  self->notified_layers = silk_map_view_get_layers (self->map_view);
  g_signal_connect_object (self->map_view, "notify::layers", G_CALLBACK (on_layers_changed),
                           self, G_CONNECT_SWAPPED);

  silk_sidebar_set_selection (self->sidebar, self->selection);
  silk_map_view_set_selection (self->map_view, self->selection);
  silk_timeline_set_selection (self->timeline, self->selection);
  g_signal_connect_object (self->selection, "notify::item", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  on_selection_changed (self);
}
