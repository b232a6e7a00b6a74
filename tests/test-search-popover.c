/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "silk-test-util.h"

static void
test_states (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  SilkSearchPopover *search = silk_window_get_search_popover (window);

  /* Before anything is typed: what can be searched. */
  silk_search_popover_search (search, "");
  g_assert_cmpstr (silk_search_popover_get_state (search), ==, "hint");
  g_assert_cmpuint (silk_search_popover_get_n_results (search), ==, 0);
  g_assert_nonnull (silk_test_find_label (GTK_WIDGET (search), "Search the Atlas"));

  /* Spaces alone are not a search. */
  silk_search_popover_search (search, "   ");
  g_assert_cmpstr (silk_search_popover_get_state (search), ==, "hint");

  /* Nothing matches: said so, with what was typed. */
  silk_search_popover_search (search, "Atlantis");
  g_assert_cmpstr (silk_search_popover_get_state (search), ==, "no-results");
  g_assert_nonnull (silk_test_find_label (GTK_WIDGET (search), "“Atlantis”"));
  g_assert_false (silk_search_popover_activate_first (search));
  g_assert_null (silk_selection_get_item (silk_window_get_selection (window)));

  /* Results as one types. */
  silk_search_popover_search (search, "ferg");
  g_assert_cmpstr (silk_search_popover_get_state (search), ==, "results");
  g_assert_cmpstr (silk_item_get_id (silk_search_popover_get_result (search, 0)), ==, "fergana-tunnel");

  silk_test_window_close (window);
}

static void
test_every_project_by_name_and_id (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  SilkDocument *document = silk_window_get_document (window);
  SilkSelection *selection = silk_window_get_selection (window);
  SilkSearchPopover *search = silk_window_get_search_popover (window);
  GListModel *projects = silk_document_get_items (document, SILK_ITEM_PROJECT);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(SilkItem) project = g_list_model_get_item (projects, i);
      const char *name = silk_item_get_name (project);
      g_autofree char *part = g_utf8_substring (name, 2, MIN (g_utf8_strlen (name, -1), 12));
      gboolean listed = FALSE;

      /* By id: the first result; Enter selects it and closes the popover. */
      silk_selection_clear (selection);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
      silk_test_iterate ();
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (search)));
      silk_search_popover_search (search, silk_item_get_id (project));
      g_assert_true (silk_search_popover_get_result (search, 0) == project);
      g_assert_true (silk_search_popover_activate_first (search));
      g_assert_true (silk_selection_get_item (selection) == project);
      silk_test_iterate ();
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (search)));

      /* By part of its name: among the results, with a row to click. */
      silk_search_popover_search (search, part);
      for (guint r = 0; r < silk_search_popover_get_n_results (search); r++)
        listed |= silk_search_popover_get_result (search, r) == project;
      g_assert_true (listed);
    }

  silk_test_window_close (window);
}

static void
test_other_kinds (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  SilkDocument *document = silk_window_get_document (window);
  SilkSelection *selection = silk_window_get_selection (window);
  SilkSearchPopover *search = silk_window_get_search_popover (window);

  /* A Russian name in an English interface. */
  silk_search_popover_search (search, "Кашгар");
  g_assert_true (silk_search_popover_get_result (search, 0) == silk_document_lookup (document, "kashgar"));
  silk_search_popover_activate_first (search);
  g_assert_true (silk_selection_get_item (selection) == silk_document_lookup (document, "kashgar"));
  g_assert_cmpstr (silk_sidebar_get_page_name (silk_window_get_sidebar (window)), ==, "place");

  /* An event selects what it concerns and is highlighted on the timeline. */
  silk_search_popover_search (search, "pilot operation");
  g_assert_true (silk_search_popover_get_result (search, 0)
                 == silk_document_lookup (document, "china-tajikistan-highway-pilot"));
  silk_search_popover_activate_first (search);
  g_assert_cmpstr (silk_item_get_id (silk_selection_get_item (selection)), ==, "china-tajikistan-highway");
  g_assert_true (silk_timeline_get_current_event (silk_window_get_timeline (window))
                 == SILK_EVENT (silk_document_lookup (document, "china-tajikistan-highway-pilot")));

  silk_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/search-popover/states", test_states);
  g_test_add_func ("/search-popover/every-project-by-name-and-id", test_every_project_by_name_and_id);
  g_test_add_func ("/search-popover/other-kinds", test_other_kinds);

  return g_test_run ();
}
