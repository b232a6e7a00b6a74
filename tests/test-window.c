/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <adwaita.h>

#include "silk-sidebar.h"
#include "silk-test-util.h"
#include "silk-window.h"

static void
wait_until_mapped (GtkWidget *widget)
{
  gtk_window_present (GTK_WINDOW (widget));
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
}

static SilkWindow *
new_window (void)
{
  SilkWindow *window = g_object_new (SILK_TYPE_WINDOW, NULL);

  g_object_ref_sink (window);
  return window;
}

static void
close_window (SilkWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The keyboard shortcuts window is built when first asked for, not with the window,
 * and shown over it; closing it keeps it for the next time, and it goes with the
 * window. */
static void
test_window_shortcuts (void)
{
  SilkWindow *window = new_window ();
  GtkWindow *shortcuts;

  silk_window_open (window, NULL, NULL);
  wait_until_mapped (GTK_WIDGET (window));
  g_assert_null (silk_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = silk_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  gtk_window_close (shortcuts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (silk_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL) == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  close_window (window);
  g_assert_null (silk_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL));
}

static gboolean
match_menu_button (GtkWidget *widget,
                   gpointer   tooltip)
{
  return GTK_IS_MENU_BUTTON (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The main menu and the layers menu are built when first opened, not with the
 * window, and once only. */
static void
test_window_menus (void)
{
  const char *tooltips[] = { "Main Menu", "Map Layers" };
  SilkWindow *window = new_window ();

  silk_window_open (window, NULL, NULL);
  wait_until_mapped (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      GtkMenuButton *button;
      GtkPopover *popover;
      GMenuModel *menu;

      silk_test_collect (GTK_WIDGET (window), match_menu_button, (gpointer) tooltips[i], found);
      g_assert_cmpuint (found->len, ==, 1);
      button = found->pdata[0];
      g_assert_null (gtk_menu_button_get_popover (button));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

      gtk_menu_button_popup (button);
      popover = gtk_menu_button_get_popover (button);
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
      g_assert_nonnull (menu);
      g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

      gtk_menu_button_popdown (button);
      gtk_menu_button_popup (button);
      g_assert_true (gtk_menu_button_get_popover (button) == popover);
      gtk_menu_button_popdown (button);
    }

  close_window (window);
}

static void
test_window_shows_bundled_atlas (void)
{
  SilkWindow *window = new_window ();
  AdwWindowTitle *title;

  silk_window_open (window, NULL, NULL);
  wait_until_mapped (GTK_WIDGET (window));

  /* What window managers and screen readers see. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Silk Atlas");

  title = ADW_WINDOW_TITLE (silk_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Silk Atlas");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==,
                   silk_document_get_title (silk_window_get_document (window)));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "China–Central Asia 2025");

  close_window (window);
}

static void
test_window_select_from_command_line (void)
{
  SilkWindow *window = new_window ();
  SilkItem *item;

  silk_window_open (window, NULL, "project:cku-railway");
  item = silk_selection_get_item (silk_window_get_selection (window));
  g_assert_nonnull (item);
  g_assert_cmpstr (silk_item_get_id (item), ==, "cku-railway");

  close_window (window);
}

static char *
write_bad_atlas (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("silk-window-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bad.json", NULL);
  g_file_set_contents (path, "{\n  \"silk-atlas\": 1,\n  \"id\": 7\n}\n", -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_window_bad_atlas_keeps_current (void)
{
  SilkWindow *window = new_window ();
  g_autofree char *path = write_bad_atlas ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SilkDocument *before;
  GtkWindow *dialog;
  GtkWidget *label;

  silk_window_open (window, NULL, NULL);
  before = silk_window_get_document (window);

  g_assert_false (silk_window_load (window, file, &error));
  g_assert_error (error, SILK_LOAD_ERROR, SILK_LOAD_ERROR_INVALID);
  g_assert_true (silk_window_get_document (window) == before);

  /* Opening it the way --dataset does tells the user, with line and column. */
  silk_window_open (window, file, NULL);
  g_assert_true (silk_window_get_document (window) == before);
  dialog = silk_test_find_message_dialog (window);
  g_assert_nonnull (dialog);
  label = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "bad.json:3:"));

  gtk_window_destroy (dialog);
  close_window (window);
}

static void
test_window_bad_dataset_at_start (void)
{
  SilkWindow *window = new_window ();
  g_autofree char *path = write_bad_atlas ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog;

  /* --dataset=BAD: the window still opens, with the bundled atlas, and says why. */
  silk_window_open (window, file, NULL);
  g_assert_nonnull (silk_window_get_document (window));
  g_assert_cmpstr (silk_document_get_id (silk_window_get_document (window)), ==,
                   "china-central-asia-2025");
  dialog = silk_test_find_message_dialog (window);
  g_assert_nonnull (dialog);

  gtk_window_destroy (dialog);
  close_window (window);
}

static void
count_frame (GdkFrameClock *clock,
             guint         *n_frames)
{
  (*n_frames)++;
}

/* Whether a library whose file name contains @name is loaded in this process. */
static gboolean
library_is_loaded (const char *name)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, name) != NULL;
}

/* The window's symbolic icons are the PNGs GTK recolours, built into its resources,
 * never SVGs: the first SVG drawn loads librsvg, 7 MiB of the window's memory.
 * That includes the arrow of the sidebar's expander rows, which libadwaita ships
 * as an SVG under the name the resources take over. Runs first, before any other
 * test has drawn anything in this process. */
static void
test_window_icons_need_no_svg (void)
{
  static const char * const names[] = {
    "silk-layers-symbolic", "silk-railway-symbolic", "silk-highway-symbolic",
    "silk-tunnel-symbolic", "adw-expander-arrow-symbolic",
  };
  SilkWindow *window = silk_test_window_new (NULL);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  guint n_frames = 0;
  gulong handler;

  /* The name taken over is still the one libadwaita draws the arrow with. */
  g_assert_true (g_resources_get_info ("/org/gnome/Adwaita/icons/scalable/actions/adw-expander-arrow-symbolic.svg",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (int scale = 1; scale <= 2; scale++)
      {
        g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, names[i], NULL, 16, scale,
                                                                       GTK_TEXT_DIR_NONE, 0);
        g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
        g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

        g_assert_nonnull (uri);
        g_assert_true (g_str_has_prefix (uri, "resource:///io/github/silkatlas/SilkAtlas/icons/"));
        g_assert_true (g_str_has_suffix (uri, ".symbolic.png"));
      }

  /* The whole window, the sidebar's expander rows with it, drawn a few times. */
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &n_frames);
  while (!silk_sidebar_is_complete (silk_window_get_sidebar (window)) || n_frames < 3)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
  g_assert_nonnull (silk_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW));
  g_assert_true (library_is_loaded ("libgtk-4"));
  g_assert_false (library_is_loaded ("librsvg"));

  silk_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/icons-need-no-svg", test_window_icons_need_no_svg);
  g_test_add_func ("/window/bundled-atlas", test_window_shows_bundled_atlas);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/menus", test_window_menus);
  g_test_add_func ("/window/select-from-command-line", test_window_select_from_command_line);
  g_test_add_func ("/window/bad-atlas-keeps-current", test_window_bad_atlas_keeps_current);
  g_test_add_func ("/window/bad-dataset-at-start", test_window_bad_dataset_at_start);

  return g_test_run ();
}
