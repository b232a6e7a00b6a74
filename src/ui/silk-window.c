/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-cli.h"
#include "silk-csv.h"
#include "silk-format.h"
#include "silk-map-view.h"
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

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  AdwFlap *flap;
  SilkSidebar *sidebar;
  SilkMapView *map_view;
  SilkTimeline *timeline;
  GtkMenuButton *search_button;
  SilkSearchPopover *search_popover;
};

G_DEFINE_FINAL_TYPE (SilkWindow, silk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  show_toast (SILK_WINDOW (widget), g_variant_get_string (parameter, NULL));
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
silk_window_class_init (SilkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_window_dispose;
  object_class->finalize = silk_window_finalize;
  object_class->get_property = silk_window_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SILK_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         SILK_TYPE_SELECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
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

  silk_sidebar_set_selection (self->sidebar, self->selection);
  silk_map_view_set_selection (self->map_view, self->selection);
  silk_timeline_set_selection (self->timeline, self->selection);
  g_signal_connect_object (self->selection, "notify::item", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  on_selection_changed (self);
}
