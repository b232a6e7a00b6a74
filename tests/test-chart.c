/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <adwaita.h>

#include "silk-chart.h"
#include "silk-document.h"
#include "silk-format.h"

static SilkFigure *
figure (SilkDocument *document,
        const char   *id)
{
  SilkItem *item = silk_document_lookup (document, id);

  g_assert_true (SILK_IS_FIGURE (item));
  return SILK_FIGURE (item);
}

static GtkWidget *
show_in_window (GtkWidget *chart,
                int        width)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, 200);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (chart) < width / 2)
    g_main_context_iteration (NULL, TRUE);

  return window;
}

static void
test_bars_follow_the_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = silk_document_load_bundled (&error);
  SilkFigure *so_far = figure (document, "trade-2025-jan-sep");
  SilkFigure *expected = figure (document, "trade-2025-expected");
  GtkWidget *chart = silk_chart_new ("Chart: Trade");
  GtkWidget *window;
  graphene_rect_t a, b;

  g_assert_no_error (error);
  silk_chart_add_figure (SILK_CHART (chart), so_far, NULL);
  silk_chart_add_figure (SILK_CHART (chart), expected, NULL);
  g_assert_cmpuint (silk_chart_get_n_bars (SILK_CHART (chart)), ==, 2);
  g_assert_true (silk_chart_get_figure (SILK_CHART (chart), 1) == expected);

  /* Not allocated yet: no geometry to give. */
  g_assert_false (silk_chart_get_bar_extent (SILK_CHART (chart), 0, &a));

  window = show_in_window (chart, 400);
  g_assert_true (silk_chart_get_bar_extent (SILK_CHART (chart), 0, &a));
  g_assert_true (silk_chart_get_bar_extent (SILK_CHART (chart), 1, &b));

  /* Nearly 80 against more than 100: the bars keep that ratio, one below the
   * other, and stay inside the widget. */
  g_assert_cmpfloat_with_epsilon (a.size.width / b.size.width, 0.8, 0.01);
  g_assert_cmpfloat (b.origin.y, >=, a.origin.y + a.size.height);
  g_assert_cmpfloat (b.origin.x + b.size.width, <, gtk_widget_get_width (chart));
  g_assert_cmpfloat (b.origin.y + b.size.height, <=, gtk_widget_get_height (chart));
  g_assert_false (silk_chart_get_bar_extent (SILK_CHART (chart), 2, &a));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_rates_side_by_side (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = silk_document_load_bundled (&error);
  GtkWidget *chart = silk_chart_new ("Chart: Travel");
  GtkWidget *window;
  graphene_rect_t a, b;

  silk_chart_add_figure (SILK_CHART (chart), figure (document, "entries-into-china-growth"), NULL);
  silk_chart_add_figure (SILK_CHART (chart), figure (document, "travel-to-central-asia-growth"), NULL);
  window = show_in_window (chart, 500);

  g_assert_true (silk_chart_get_bar_extent (SILK_CHART (chart), 0, &a));
  g_assert_true (silk_chart_get_bar_extent (SILK_CHART (chart), 1, &b));
  g_assert_cmpfloat_with_epsilon (a.size.width / b.size.width, 37.7 / 50, 0.01);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = silk_document_load_bundled (&error);
  SilkFigure *so_far = figure (document, "trade-2025-jan-sep");
  SilkFigure *expected = figure (document, "trade-2025-expected");
  GtkWidget *chart = g_object_ref_sink (silk_chart_new ("Chart: Trade"));
  g_autofree char *description = NULL;
  g_autofree char *so_far_value = silk_format_figure_value (so_far);
  g_auto(GStrv) lines = NULL;

  silk_chart_add_figure (SILK_CHART (chart), so_far, NULL);
  silk_chart_add_figure (SILK_CHART (chart), expected, "Whole year");

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpstr (silk_chart_get_title (SILK_CHART (chart)), ==, "Chart: Trade");

  /* One line a bar, with the label and the value as the cards show it; a
   * forecast says so. */
  description = silk_chart_describe (SILK_CHART (chart));
  lines = g_strsplit (description, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], silk_item_get_name (SILK_ITEM (so_far))));
  g_assert_nonnull (strstr (lines[0], so_far_value));
  g_assert_true (g_str_has_prefix (lines[1], "Whole year: "));
  g_assert_nonnull (strstr (lines[1], "forecast"));

  g_object_unref (chart);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chart/bars-follow-the-values", test_bars_follow_the_values);
  g_test_add_func ("/chart/rates-side-by-side", test_rates_side_by_side);
  g_test_add_func ("/chart/accessible-words", test_accessible_words);

  return g_test_run ();
}
