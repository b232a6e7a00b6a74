/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the window remembers: change it, close it, open a new one, and the state is
 * back; and nothing a settings backend may hold crashes it. The tests run with the
 * memory backend and the schema compiled in the build directory. */

#include <math.h>

#include "silk-application.h"
#include "silk-config.h"
#include "silk-map-view-private.h"
#include "silk-test-util.h"

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  /* The memory backend lives as long as the process: start each test afresh. */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "sidebar-shown");
  g_settings_reset (settings, "last-selection");
  g_settings_reset (settings, "last-view");
  g_settings_reset (settings, "show-railways");
  g_settings_reset (settings, "show-highways");
  g_settings_reset (settings, "show-places");
  g_settings_reset (settings, "show-labels");
  g_settings_reset (settings, "show-water");
  g_settings_reset (settings, "show-neighbours");
  return settings;
}

/* A window as the application makes one: the bundled atlas, then the settings. */
static SilkWindow *
open_window (GSettings *settings)
{
  SilkWindow *window = g_object_new (SILK_TYPE_WINDOW, NULL);

  g_object_ref_sink (window);
  silk_window_open (window, NULL, NULL);
  silk_window_use_settings (window, settings);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window))
         || gtk_widget_get_width (GTK_WIDGET (silk_window_get_map_view (window))) <= 1)
    g_main_context_iteration (NULL, TRUE);
  silk_test_iterate ();

  return window;
}

/* Closed as its close button closes it, which saves the state. */
static void
close_window (SilkWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  silk_test_iterate ();
  g_object_unref (window);
}

static AdwFlap *
find_flap (SilkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (silk_window_get_sidebar (window));

  while (widget != NULL && !ADW_IS_FLAP (widget))
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  return ADW_FLAP (widget);
}

static void
test_round_trip (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  SilkWindow *window = open_window (settings);
  SilkMapView *map = silk_window_get_map_view (window);
  SilkItem *railway = silk_document_lookup (silk_window_get_document (window), "cku-railway");
  SilkView before, after;
  double longitude, latitude, scale;
  int width, height;
  g_autofree char *selection = NULL;

  /* A fresh start: everything shown, nothing selected. */
  g_assert_cmpuint (silk_map_view_get_layers (map), ==, SILK_LAYERS_MAP);
  g_assert_null (silk_selection_get_item (silk_window_get_selection (window)));

  /* Change what a person would change. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-railways", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-neighbours", NULL);
  g_assert_false (silk_map_view_get_layers (map) & SILK_LAYER_RAILWAYS);
  g_assert_false (silk_map_view_get_layers (map) & SILK_LAYER_NEIGHBOURS);
  g_assert_true (silk_map_view_get_layers (map) & SILK_LAYER_HIGHWAYS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_false (adw_flap_get_reveal_flap (find_flap (window)));
  silk_selection_set_item (silk_window_get_selection (window), railway);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  silk_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-in", NULL);
  while (silk_map_view_is_busy (map))
    g_main_context_iteration (NULL, TRUE);
  silk_map_view_get_view (map, &before);

  close_window (window);

  /* The settings hold it... */
  g_assert_false (g_settings_get_boolean (settings, "show-railways"));
  g_assert_false (g_settings_get_boolean (settings, "show-neighbours"));
  g_assert_true (g_settings_get_boolean (settings, "show-highways"));
  g_assert_false (g_settings_get_boolean (settings, "sidebar-shown"));
  selection = g_settings_get_string (settings, "last-selection");
  g_assert_cmpstr (selection, ==, "project:cku-railway");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  g_settings_get (settings, "last-view", "(ddd)", &longitude, &latitude, &scale);
  g_assert_cmpfloat_with_epsilon (scale, before.scale, before.scale * 1e-9);
  g_assert_cmpfloat (longitude, >, 40);
  g_assert_cmpfloat (longitude, <, 140);

  /* ...and a new window shows it again. */
  window = open_window (settings);
  map = silk_window_get_map_view (window);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 720);
  g_assert_false (silk_map_view_get_layers (map) & SILK_LAYER_RAILWAYS);
  g_assert_false (silk_map_view_get_layers (map) & SILK_LAYER_NEIGHBOURS);
  g_assert_true (silk_map_view_get_layers (map) & SILK_LAYER_HIGHWAYS);
  g_assert_false (adw_flap_get_reveal_flap (find_flap (window)));
  /* (Each window loads its own copy of the atlas: compare ids.) */
  g_assert_nonnull (silk_selection_get_item (silk_window_get_selection (window)));
  g_assert_cmpstr (silk_item_get_id (silk_selection_get_item (silk_window_get_selection (window))),
                   ==, "cku-railway");
  g_assert_cmpstr (silk_sidebar_get_page_name (silk_window_get_sidebar (window)), ==, "project");
  silk_map_view_get_view (map, &after);
  g_assert_cmpfloat_with_epsilon (after.scale, before.scale, before.scale * 1e-6);
  g_assert_cmpfloat_with_epsilon (after.center_x, before.center_x, 0.01);
  g_assert_cmpfloat_with_epsilon (after.center_y, before.center_y, 0.01);

  /* The layers menu switches it back on, and the settings follow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-railways", NULL));
  g_assert_true (silk_map_view_get_layers (map) & SILK_LAYER_RAILWAYS);
  g_assert_true (g_settings_get_boolean (settings, "show-railways"));

  close_window (window);
}

/* The layer switches follow the settings while the window is open, as when another
 * window changes them. */
static void
test_layers_follow_settings (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  SilkWindow *window = open_window (settings);
  SilkMapView *map = silk_window_get_map_view (window);

  g_settings_set_boolean (settings, "show-water", FALSE);
  g_assert_false (silk_map_view_get_layers (map) & SILK_LAYER_LAKES);
  g_assert_false (silk_map_view_get_layers (map) & SILK_LAYER_RIVERS);
  g_settings_set_boolean (settings, "show-labels", FALSE);
  g_assert_false (silk_map_view_get_layers (map) & SILK_LAYER_LABELS);
  g_settings_set_boolean (settings, "show-water", TRUE);
  g_assert_true (silk_map_view_get_layers (map) & SILK_LAYER_LAKES);
  g_assert_true (silk_map_view_get_layers (map) & SILK_LAYER_RIVERS);

  close_window (window);
}

/* Whatever the backend holds (written by hand, by an older version, by another
 * atlas), the window opens: what makes no sense is ignored. */
static void
test_unexpected_values (void)
{
  static const char *selections[] = {
    "nonsense", "project:", ":cku-railway", "country:ZZ", "figure:trade-2025-jan-sep",
    "country:RU", "place:no-such-place", "project:cku-railway:extra", "",
  };
  g_autoptr(GSettings) settings = new_settings ();
  SilkWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (selections); i++)
    {
      g_settings_set_string (settings, "last-selection", selections[i]);
      g_settings_set (settings, "last-view", "(ddd)",
                      i % 3 == 0 ? NAN : 1e300, i % 3 == 1 ? -INFINITY : 95.0,
                      i % 3 == 2 ? -1.0 : 0.5);
      window = open_window (settings);
      /* None names a country, place or project of the atlas ("cku-railway:extra"
       * is not an id, a figure is not selectable, RU is a neighbour). */
      g_assert_null (silk_selection_get_item (silk_window_get_selection (window)));
      {
        SilkView view;

        silk_map_view_get_view (silk_window_get_map_view (window), &view);
        g_assert_true (isfinite (view.center_x) && isfinite (view.center_y));
        g_assert_cmpfloat (view.scale, >, 0);
      }
      gtk_window_destroy (GTK_WINDOW (window));
      g_object_unref (window);
    }
}

/* What the command line selects wins over the last selection. */
static void
test_command_line_selection_wins (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  SilkWindow *window = g_object_new (SILK_TYPE_WINDOW, NULL);
  SilkItem *item;

  g_settings_set_string (settings, "last-selection", "project:cku-railway");
  g_object_ref_sink (window);
  silk_window_open (window, NULL, "country:KG");
  silk_window_use_settings (window, settings);
  item = silk_selection_get_item (silk_window_get_selection (window));
  g_assert_nonnull (item);
  g_assert_cmpstr (silk_item_get_id (item), ==, "KG");
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The style menu (app.style) writes the setting, and an application started later
 * applies it. The application itself is made here: GtkApplication warns without a
 * session bus, which must not count as a failure, so it runs in a subprocess. */
static void
test_style (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autoptr(GError) error = NULL;
      AdwStyleManager *style = adw_style_manager_get_default ();

      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      g_settings_reset (settings, "style");

      {
        g_autoptr(SilkApplication) app = silk_application_new ();

        g_application_set_flags (G_APPLICATION (app),
                                 g_application_get_flags (G_APPLICATION (app))
                                 | G_APPLICATION_NON_UNIQUE);
        g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

        g_action_group_activate_action (G_ACTION_GROUP (app), "style", g_variant_new_string ("dark"));
        g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
        {
          g_autofree char *value = g_settings_get_string (settings, "style");

          g_assert_cmpstr (value, ==, "dark");
        }
      }

      /* A new start follows the setting. */
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      {
        g_autoptr(SilkApplication) app = silk_application_new ();

        g_application_set_flags (G_APPLICATION (app),
                                 g_application_get_flags (G_APPLICATION (app))
                                 | G_APPLICATION_NON_UNIQUE);
        g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
        g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
        g_action_group_activate_action (G_ACTION_GROUP (app), "style", g_variant_new_string ("system"));
        g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
      }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/settings/round-trip", test_round_trip);
  g_test_add_func ("/settings/layers-follow-settings", test_layers_follow_settings);
  g_test_add_func ("/settings/unexpected-values", test_unexpected_values);
  g_test_add_func ("/settings/command-line-selection-wins", test_command_line_selection_wins);
  g_test_add_func ("/settings/style", test_style);

  return g_test_run ();
}
