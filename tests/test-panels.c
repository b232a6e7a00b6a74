/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window as a whole: one selection, whichever part sets it, and every part
 * follows; copying figures. */

#include "silk-csv.h"
#include "silk-figure-card.h"
#include "silk-format.h"
#include "silk-map-view-private.h"
#include "silk-test-util.h"

static void
wait_for_map (SilkMapView *map)
{
  while (silk_map_view_is_busy (map))
    g_main_context_iteration (NULL, TRUE);
}

/* Every view shows @item: the sidebar's page and heading, the map's selection (and
 * the item in the map's view once it has flown there), the timeline's emphasis. */
static void
assert_all_follow (SilkWindow *window,
                   SilkItem   *item)
{
  SilkDocument *document = silk_window_get_document (window);
  SilkSidebar *sidebar = silk_window_get_sidebar (window);
  SilkMapView *map = silk_window_get_map_view (window);
  SilkTimeline *timeline = silk_window_get_timeline (window);
  GListModel *events = silk_document_get_items (document, SILK_ITEM_EVENT);

  g_assert_true (silk_selection_get_item (silk_window_get_selection (window)) == item);
  g_assert_true (silk_map_view_get_selection (map) == silk_window_get_selection (window));

  if (item == NULL)
    g_assert_cmpstr (silk_sidebar_get_page_name (sidebar), ==, "overview");
  else
    g_assert_cmpstr (silk_sidebar_get_page_name (sidebar), ==,
                     silk_item_kind_to_string (silk_item_get_kind (item)));
  if (item != NULL)
    g_assert_nonnull (silk_test_find_label (silk_sidebar_get_page (sidebar), silk_item_get_name (item)));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SilkEvent) event = g_list_model_get_item (events, i);
      gboolean concerns = item == NULL || silk_item_concerns (SILK_ITEM (event), item);

      if (event != silk_timeline_get_current_event (timeline))
        g_assert_cmpint (silk_timeline_is_emphasised (timeline, event), ==, concerns);
    }

  if (SILK_IS_PROJECT (item) && silk_project_get_route (SILK_PROJECT (item)) != NULL)
    {
      const SilkBounds *bounds = &silk_project_get_route (SILK_PROJECT (item))->bounds;
      double lon = (bounds->min_x + bounds->max_x) / 2;
      double lat = (bounds->min_y + bounds->max_y) / 2;
      double x, y, sx, sy;
      SilkView view;

      /* The map flies to what is selected from elsewhere. */
      wait_for_map (map);
      silk_map_view_get_view (map, &view);
      silk_map_data_project (silk_map_view_get_map_data (map), lon, lat, &x, &y);
      silk_view_to_screen (&view, x, y, &sx, &sy);
      g_assert_cmpfloat (sx, >=, 0);
      g_assert_cmpfloat (sx, <=, view.width);
      g_assert_cmpfloat (sy, >=, 0);
      g_assert_cmpfloat (sy, <=, view.height);
    }
}

/* A point inside @country away from its border, in the map's widget coordinates. */
static gboolean
country_point (SilkMapView *map,
               SilkCountry *country,
               double      *sx,
               double      *sy)
{
  SilkGeometry *geometry = silk_country_get_geometry (country, 0);
  const SilkBounds *b = &geometry->bounds;
  SilkView view;

  silk_map_view_get_view (map, &view);
  for (int step = 0; step < 400; step++)
    {
      double lon = b->min_x + (b->max_x - b->min_x) * (0.5 + ((step % 20) - 10) / 24.0);
      double lat = b->min_y + (b->max_y - b->min_y) * (0.5 + ((step / 20) - 10) / 24.0);
      double x, y;

      if (!silk_geometry_contains_point (geometry, lon, lat)
          || silk_geometry_distance_to (geometry, lon, lat) < 0.5)
        continue;

      silk_map_data_project (silk_map_view_get_map_data (map), lon, lat, &x, &y);
      silk_view_to_screen (&view, x, y, sx, sy);
      if (*sx > 0 && *sy > 0 && *sx < view.width && *sy < view.height)
        return TRUE;
    }

  return FALSE;
}

static void
test_selection_in_sync (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  SilkDocument *document = silk_window_get_document (window);
  SilkSelection *selection = silk_window_get_selection (window);
  SilkMapView *map = silk_window_get_map_view (window);
  SilkTimeline *timeline = silk_window_get_timeline (window);
  SilkSearchPopover *search = silk_window_get_search_popover (window);
  SilkItem *kazakhstan = silk_document_lookup (document, "KZ");
  SilkItem *railway = silk_document_lookup (document, "cku-railway");
  SilkItem *highway = silk_document_lookup (document, "barskoon-karakol");
  SilkItem *summit = silk_document_lookup (document, "second-summit");
  SilkItem *pilot = silk_document_lookup (document, "china-tajikistan-highway-pilot");
  double sx, sy;

  assert_all_follow (window, NULL);

  /* The map, as the map sets it... */
  silk_selection_set_item (selection, railway);
  assert_all_follow (window, railway);

  /* ...and by a click on a country, through the map's own handler. */
  silk_selection_clear (selection);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-fit", NULL));
  wait_for_map (map);
  g_assert_true (country_point (map, SILK_COUNTRY (kazakhstan), &sx, &sy));
  silk_map_view_test_click (map, sx, sy);
  assert_all_follow (window, kazakhstan);

  /* The sidebar's lists: a project row on Kyrgyzstan's page. */
  silk_selection_set_item (selection, silk_document_lookup (document, "KG"));
  g_signal_emit_by_name (silk_test_find_row (silk_sidebar_get_page (silk_window_get_sidebar (window)), highway),
                         "activate");
  assert_all_follow (window, highway);

  /* Search. */
  silk_search_popover_search (search, "railway");
  g_assert_true (silk_search_popover_get_result (search, 0) == railway);
  silk_search_popover_activate_first (search);
  assert_all_follow (window, railway);

  /* The timeline: stepping to an event selects what it concerns, and the event
   * stays highlighted. */
  while (silk_timeline_get_current_event (timeline) != SILK_EVENT (pilot))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.step", "i", 1));
  assert_all_follow (window, silk_document_lookup (document, "china-tajikistan-highway"));
  g_assert_true (silk_timeline_get_current_event (timeline) == SILK_EVENT (pilot));

  /* An event of the whole region shows the whole region: nothing selected. */
  silk_timeline_set_current_event (timeline, NULL);
  while (silk_timeline_get_current_event (timeline) != SILK_EVENT (summit))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.step", "i", 1));
  assert_all_follow (window, NULL);
  g_assert_true (silk_timeline_get_current_event (timeline) == SILK_EVENT (summit));

  /* Back clears everything. */
  silk_selection_set_item (selection, railway);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  assert_all_follow (window, NULL);
  g_assert_null (silk_timeline_get_current_event (timeline));

  silk_test_window_close (window);
}

static void
test_figure_from_search_shows_its_card (void)
{
  SilkWindow *window = silk_test_window_new ("country:KG");
  SilkDocument *document = silk_window_get_document (window);
  SilkSearchPopover *search = silk_window_get_search_popover (window);
  SilkItem *pairs = silk_document_lookup (document, "sister-city-pairs");
  GtkWidget *focus;

  /* A figure of the whole region: the overview, with its card in focus. */
  silk_search_popover_search (search, "sister-city");
  g_assert_true (silk_search_popover_get_result (search, 0) == pairs);
  silk_search_popover_activate_first (search);
  silk_test_iterate ();
  g_assert_null (silk_selection_get_item (silk_window_get_selection (window)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  if (!SILK_IS_FIGURE_CARD (focus))
    focus = gtk_widget_get_ancestor (focus, SILK_TYPE_FIGURE_CARD);
  g_assert_nonnull (focus);
  g_assert_true (SILK_ITEM (silk_figure_card_get_figure (SILK_FIGURE_CARD (focus))) == pairs);

  /* A figure of a project: the project's page. */
  silk_search_popover_search (search, "cku-days-saved");
  silk_search_popover_activate_first (search);
  g_assert_cmpstr (silk_item_get_id (silk_selection_get_item (silk_window_get_selection (window))), ==,
                   "cku-railway");

  silk_test_window_close (window);
}

static void
on_text_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      data)
{
  char **text = data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

static char *
read_clipboard (SilkWindow *window)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL,
                                 on_text_read, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);

  return text;
}

static void
test_copy (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  SilkDocument *document = silk_window_get_document (window);
  SilkFigure *trade = SILK_FIGURE (silk_document_lookup (document, "trade-2025-jan-sep"));
  g_autofree char *expected_csv = silk_csv_write_figures (document);
  g_autofree char *expected_citation = silk_format_figure_citation (trade);
  g_autofree char *csv = NULL;
  g_autofree char *citation = NULL;

  /* "Copy All Figures as CSV" in the menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-figures-csv", NULL));
  csv = read_clipboard (window);
  g_assert_cmpstr (csv, ==, expected_csv);
  g_assert_true (g_str_has_prefix (csv, "id,label,value,unit,period,qualifier,source\r\n"));

  /* "Copy" on a card: the figure with its source. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-figure", "s",
                                             "trade-2025-jan-sep"));
  citation = read_clipboard (window);
  g_assert_cmpstr (citation, ==, expected_citation);
  g_assert_nonnull (strstr (citation, "nearly USD 80 bn"));
  g_assert_nonnull (strstr (citation, "Xinhua"));

  silk_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/panels/selection-in-sync", test_selection_in_sync);
  g_test_add_func ("/panels/figure-from-search", test_figure_from_search_shows_its_card);
  g_test_add_func ("/panels/copy", test_copy);

  return g_test_run ();
}
