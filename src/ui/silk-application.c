/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-application.h"
#include "silk-cli.h"
#include "silk-config.h"
#include "silk-export.h"
#include "silk-map-view-private.h"
#include "silk-ui-resources.h"
#include "silk-window-private.h"

struct _SilkApplication
{
  AdwApplication parent_instance;

  /* NULL when the schema is not installed: the application then runs as usual
   * but remembers nothing. */
  GSettings *settings;

  /* Whether the first window shows the bundled atlas, not one given with --dataset. */
  gboolean opens_bundled;
};

G_DEFINE_FINAL_TYPE (SilkApplication, silk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "dataset", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the atlas FILE instead of the bundled one"), N_("FILE") },
  { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check the atlas FILE and report every problem, then exit"), N_("FILE") },
  { "list", 'l', 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the atlas’ countries, places, projects, figures, events, sources or notes, "
       "one per line, then exit"), N_("KIND") },
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the map to FILE (.png, .svg or .pdf), then exit"), N_("FILE") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Size of the exported map in pixels (default 1920x1080)"), N_("WxH") },
  { "select", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Select an item: country:KZ, project:cku-railway, place:kashgar"), N_("KIND:ID") },
  { "style", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use the light or dark map style"), N_("light|dark") },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static SilkDocument *
load_document (GFile   *dataset,
               GError **error)
{
  if (dataset != NULL)
    return silk_document_load (dataset, NULL, error);

  return silk_document_load_bundled (error);
}

static int
export_map (SilkDocument *document,
            const char   *path,
            const char   *size,
            const char   *select,
            gboolean      dark)
{
  g_autoptr(GError) error = NULL;
  SilkItem *item = NULL;
  int width = 1920;
  int height = 1080;

  if (size != NULL && !silk_export_parse_size (size, &width, &height, &error))
    {
      g_printerr ("--size: %s\n", error->message);
      return 2;
    }

  if (select != NULL && !(item = silk_cli_parse_select (document, select, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (!silk_export_map (document, item, path, width, height, dark, &error))
    {
      g_printerr (_("Could not export the map: %s\n"), error->message);
      return 1;
    }

  return 0;
}

static int
silk_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  g_autofree char *validate = NULL;
  g_autofree char *dataset = NULL;
  g_autofree char *export = NULL;
  const char *list = NULL;
  const char *style = NULL;
  const char *size = NULL;
  const char *select = NULL;
  g_autoptr(SilkDocument) document = NULL;
  g_autoptr(GFile) dataset_file = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("silk-atlas %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "style", "&s", &style);
  if (style != NULL && g_strcmp0 (style, "light") != 0 && g_strcmp0 (style, "dark") != 0)
    {
      g_printerr (_("--style expects light or dark, not “%s”\n"), style);
      return 2;
    }

  if (g_variant_dict_lookup (options, "validate", "^ay", &validate))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (validate);

      return silk_cli_validate (file);
    }

  g_variant_dict_lookup (options, "list", "&s", &list);
  g_variant_dict_lookup (options, "export", "^ay", &export);
  g_variant_dict_lookup (options, "size", "&s", &size);
  g_variant_dict_lookup (options, "select", "&s", &select);

  if (size != NULL && export == NULL)
    {
      g_printerr (_("--size only applies to --export\n"));
      return 2;
    }

  if (list == NULL && export == NULL)
    {
      SILK_APPLICATION (app)->opens_bundled = !g_variant_dict_contains (options, "dataset");
      return -1;
    }

  if (g_variant_dict_lookup (options, "dataset", "^ay", &dataset))
    dataset_file = g_file_new_for_commandline_arg (dataset);

  document = load_document (dataset_file, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (list != NULL)
    return silk_cli_list (document, list);

  return export_map (document, export, size, select, g_strcmp0 (style, "dark") == 0);
}

/* The first frame of the whole window with the map drawn in it (the first map is
 * drawn in that frame's layout; a frame without it, were there one, would show the
 * water colour in its place and not count): build-aux/bench measures start-up up
 * to this line. */
static void
on_first_frame (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (!silk_map_view_has_base (silk_window_get_map_view (SILK_WINDOW (window))))
    return;

  g_signal_handlers_disconnect_by_func (clock, on_first_frame, window);
  g_print ("first-frame\n");
}

static void
on_window_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame), window);
}

static SilkWindow *
new_window (SilkApplication *self,
            GFile           *file,
            const char      *select)
{
  SilkWindow *window = g_object_new (SILK_TYPE_WINDOW, "application", self, NULL);

  if (g_getenv ("SILK_ATLAS_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize), NULL, 0);

  silk_window_open (window, file, select);
  if (self->settings != NULL)
    silk_window_use_settings (window, self->settings);

  return window;
}

static int
silk_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  SilkApplication *self = SILK_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *select = NULL;
  const char *style = NULL;
  SilkWindow *window;

  if (g_variant_dict_lookup (options, "style", "&s", &style))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        g_str_equal (style, "dark")
                                        ? ADW_COLOR_SCHEME_FORCE_DARK
                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);

  if (g_variant_dict_lookup (options, "dataset", "^ay", &dataset))
    file = g_application_command_line_create_file_for_arg (command_line, dataset);
  g_variant_dict_lookup (options, "select", "&s", &select);

  window = new_window (self, file, select);
  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
silk_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (SILK_APPLICATION (app), NULL, NULL));

  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Silk Atlas developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  adw_about_window_set_application_name (about, _("Silk Atlas"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Silk Atlas developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about,
                                 _("China and Central Asia on a map: the railway and highway "
                                   "projects of their cooperation, and the figures of trade, "
                                   "investment and travel, each with its source."));
  adw_about_window_add_credit_section (about, _("Data"), (const char *[]) {
    "Natural Earth (public domain) https://www.naturalearthdata.com/",
    "GSHHG / WDBII, P. Wessel and W. H. F. Smith (LGPL) https://www.soest.hawaii.edu/pwessel/gshhg/",
    "GeoNames (CC BY 4.0) https://www.geonames.org/",
    "Xinhua (Beijing), 29 December 2025, “Special Report: Mutually Beneficial Cooperation "
    "between China and Central Asia Continues to Deepen for High-Quality Development”",
    NULL });
  adw_about_window_add_legal_section (about, _("Boundaries"), NULL, GTK_LICENSE_CUSTOM,
                                      _("The boundaries and names shown on the map are those of "
                                        "Natural Earth and do not imply any position on the "
                                        "status of any territory."));
  gtk_window_present (GTK_WINDOW (about));
}

/* Closes every window, as their close buttons would, so that each saves its state;
 * the application ends with the last. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = windows; l != NULL; l = l->next)
    g_ptr_array_add (copy, g_object_ref (l->data));
  for (guint i = 0; i < copy->len; i++)
    gtk_window_close (g_ptr_array_index (copy, i));
}

static AdwColorScheme
color_scheme_for_style (const char *style)
{
  if (g_strcmp0 (style, "light") == 0)
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_strcmp0 (style, "dark") == 0)
    return ADW_COLOR_SCHEME_FORCE_DARK;
  return ADW_COLOR_SCHEME_DEFAULT;
}

/* Without settings, the style menu still works for this run. */
static void
style_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  g_simple_action_set_state (action, parameter);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      color_scheme_for_style (g_variant_get_string (parameter, NULL)));
}

static void
on_style_changed (GSettings  *settings,
                  const char *key,
                  gpointer    user_data)
{
  g_autofree char *style = g_settings_get_string (settings, "style");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      color_scheme_for_style (style));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

/* The schema is installed with the application; from the build tree,
 * build-aux/run points GSETTINGS_SCHEMA_DIR at it. Without it GSettings would
 * abort, so look first and say what is wrong. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr (_("Silk Atlas: the settings schema “%s” is not installed, so the window "
                    "will not remember its state. Install the application (meson install), "
                    "or start it from the build tree with build-aux/run or with "
                    "GSETTINGS_SCHEMA_DIR set to the build’s data folder.\n"), APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
silk_application_startup (GApplication *app)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };
  SilkApplication *self = SILK_APPLICATION (app);
  g_autoptr(GAction) style = NULL;

  G_APPLICATION_CLASS (silk_application_parent_class)->startup (app);

  /* The first window's atlas, read on the other processor while this one builds
   * the window. Not earlier: while GTK opens the display, the X server needs that
   * processor. */
  if (self->opens_bundled && g_get_num_processors () > 1)
    silk_document_preload_bundled ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  self->settings = create_settings ();
  if (self->settings != NULL)
    {
      style = g_settings_create_action (self->settings, "style");
      g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (on_style_changed),
                               self, 0);
      on_style_changed (self->settings, "style", self);
    }
  else
    {
      GSimpleAction *simple = g_simple_action_new_stateful ("style", G_VARIANT_TYPE_STRING,
                                                            g_variant_new_string ("system"));

      g_signal_connect (simple, "change-state", G_CALLBACK (style_action), NULL);
      style = G_ACTION (simple);
    }
  g_action_map_add_action (G_ACTION_MAP (app), style);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
silk_application_finalize (GObject *object)
{
  SilkApplication *self = SILK_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (silk_application_parent_class)->finalize (object);
}

static void
silk_application_class_init (SilkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = silk_application_finalize;

  app_class->handle_local_options = silk_application_handle_local_options;
  app_class->command_line = silk_application_command_line;
  app_class->activate = silk_application_activate;
  app_class->startup = silk_application_startup;

  silk_ui_resources_ensure ();
}

static void
silk_application_init (SilkApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore China – Central Asia cooperation on a map."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("--list, --validate, --export and --version "
                                                  "need no display. Exit status: 0 on success, "
                                                  "1 when an atlas is invalid or a file cannot "
                                                  "be written, 2 on a bad argument."));
}

SilkApplication *
silk_application_new (void)
{
  return g_object_new (SILK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/silkatlas/SilkAtlas",
                       NULL);
}
