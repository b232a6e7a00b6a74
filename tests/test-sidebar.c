/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "silk-country-page.h"
#include "silk-figure-card.h"
#include "silk-format.h"
#include "silk-overview-page.h"
#include "silk-test-util.h"
#include "silk-ui-util.h"

static gboolean
match_card (GtkWidget *widget,
            gpointer   figure)
{
  return SILK_IS_FIGURE_CARD (widget)
         && silk_figure_card_get_figure (SILK_FIGURE_CARD (widget)) == figure;
}

static GtkWidget *
find_card (GtkWidget  *page,
           SilkFigure *figure)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  silk_test_collect (page, match_card, figure, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static gboolean
match_heading (GtkWidget *widget,
               gpointer   data)
{
  return GTK_IS_LABEL (widget)
         && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING;
}

static const char *
page_heading (GtkWidget *page)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  silk_test_collect (page, match_heading, NULL, found);
  g_assert_cmpuint (found->len, ==, 1);
  return gtk_label_get_text (g_ptr_array_index (found, 0));
}

/* Every source of @item has its row on @page: named, with its citation a click
 * away. */
static void
assert_sources_listed (GtkWidget *page,
                       SilkItem  *item)
{
  GPtrArray *sources = silk_item_get_sources (item);

  for (guint i = 0; i < sources->len; i++)
    if (silk_test_find_row (page, g_ptr_array_index (sources, i)) == NULL)
      g_error ("the page of %s does not list the source %s of %s", page_heading (page),
               silk_item_get_id (g_ptr_array_index (sources, i)), silk_item_get_id (item));
}

static void
test_each_country (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  SilkDocument *document = silk_window_get_document (window);
  SilkSelection *selection = silk_window_get_selection (window);
  SilkSidebar *sidebar = silk_window_get_sidebar (window);
  GListModel *countries = silk_document_get_items (document, SILK_ITEM_COUNTRY);

  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 6);

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(SilkCountry) country = g_list_model_get_item (countries, i);
      SilkItem *item = SILK_ITEM (country);
      GPtrArray *figures = silk_document_get_related (document, item, SILK_ITEM_FIGURE);
      GPtrArray *events = silk_document_get_related (document, item, SILK_ITEM_EVENT);
      GPtrArray *notes = silk_document_get_related (document, item, SILK_ITEM_NOTE);
      g_autoptr(GPtrArray) projects = silk_country_page_list_projects (document, country);
      gboolean specific = projects->len > 0;
      GtkWidget *page;

      silk_selection_set_item (selection, item);
      g_assert_cmpstr (silk_sidebar_get_page_name (sidebar), ==, "country");
      page = silk_sidebar_get_page (sidebar);
      g_assert_cmpstr (page_heading (page), ==, silk_item_get_name (item));
      if (silk_country_get_capital (country) != NULL)
        g_assert_nonnull (silk_test_find_label (page, silk_item_get_name (SILK_ITEM (silk_country_get_capital (country)))));
      assert_sources_listed (page, item);

      for (guint p = 0; p < projects->len; p++)
        g_assert_nonnull (silk_test_find_row (page, g_ptr_array_index (projects, p)));

      for (guint f = 0; f < figures->len; f++)
        {
          SilkFigure *figure = g_ptr_array_index (figures, f);

          g_assert_nonnull (find_card (page, figure));
          assert_sources_listed (page, SILK_ITEM (figure));
          specific |= !silk_ui_is_regional (document, SILK_ITEM (figure));
        }

      for (guint e = 0; e < events->len; e++)
        {
          g_assert_nonnull (silk_test_find_row (page, g_ptr_array_index (events, e)));
          specific |= !silk_ui_is_regional (document, g_ptr_array_index (events, e));
        }

      for (guint n = 0; n < notes->len; n++)
        g_assert_nonnull (silk_test_find_label (page, silk_item_get_name (g_ptr_array_index (notes, n))));

      /* Said plainly when nothing concerns the country alone, and only then. */
      if (specific)
        g_assert_null (silk_test_find_label (page, "nothing specific"));
      else
        g_assert_nonnull (silk_test_find_label (page, "nothing specific"));
      if (projects->len == 0)
        g_assert_nonnull (silk_test_find_label (page, "name no railway or highway project"));
    }

  /* The atlas has both kinds: Turkmenistan with nothing of its own, Kyrgyzstan with
   * most of the projects. */
  silk_selection_set_item (selection, silk_document_lookup (document, "TM"));
  g_assert_nonnull (silk_test_find_label (silk_sidebar_get_page (sidebar), "nothing specific"));
  silk_selection_set_item (selection, silk_document_lookup (document, "KG"));
  g_assert_null (silk_test_find_label (silk_sidebar_get_page (sidebar), "nothing specific"));

  silk_test_window_close (window);
}

static void
test_each_project (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  SilkDocument *document = silk_window_get_document (window);
  SilkSelection *selection = silk_window_get_selection (window);
  SilkSidebar *sidebar = silk_window_get_sidebar (window);
  GListModel *projects = silk_document_get_items (document, SILK_ITEM_PROJECT);

  g_assert_cmpuint (g_list_model_get_n_items (projects), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(SilkProject) project = g_list_model_get_item (projects, i);
      SilkItem *item = SILK_ITEM (project);
      GPtrArray *figures = silk_document_get_related (document, item, SILK_ITEM_FIGURE);
      GPtrArray *events = silk_document_get_related (document, item, SILK_ITEM_EVENT);
      GPtrArray *countries = silk_project_get_countries (project);
      GPtrArray *connects = silk_project_get_connects (project);
      GtkWidget *page;

      silk_selection_set_item (selection, item);
      g_assert_cmpstr (silk_sidebar_get_page_name (sidebar), ==, "project");
      page = silk_sidebar_get_page (sidebar);
      g_assert_cmpstr (page_heading (page), ==, silk_item_get_name (item));
      g_assert_nonnull (silk_test_find_label (page, silk_format_status (silk_project_get_status (project))));
      assert_sources_listed (page, item);

      for (guint c = 0; c < countries->len; c++)
        g_assert_nonnull (silk_test_find_row (page, g_ptr_array_index (countries, c)));
      for (guint c = 0; c < connects->len; c++)
        g_assert_nonnull (silk_test_find_row (page, g_ptr_array_index (connects, c)));
      for (guint e = 0; e < events->len; e++)
        g_assert_nonnull (silk_test_find_row (page, g_ptr_array_index (events, e)));
      for (guint f = 0; f < figures->len; f++)
        {
          g_autofree char *value = silk_format_figure_value (g_ptr_array_index (figures, f));
          GtkWidget *card = find_card (page, g_ptr_array_index (figures, f));

          g_assert_nonnull (card);
          g_assert_nonnull (silk_test_find_label (card, value));
          assert_sources_listed (page, g_ptr_array_index (figures, f));
        }
      if (silk_project_get_parent (project) != NULL)
        g_assert_nonnull (silk_test_find_row (page, silk_project_get_parent (project)));

      if (silk_project_is_approximate (project))
        g_assert_nonnull (silk_test_find_label (page, "Approximate Alignment"));
      else
        g_assert_null (silk_test_find_label (page, "Approximate Alignment"));
    }

  /* The railway: the three World Bank estimates, as estimates, and the length the
   * sources do not give. */
  silk_selection_set_item (selection, silk_document_lookup (document, "cku-railway"));
  {
    GtkWidget *page = silk_sidebar_get_page (sidebar);

    g_assert_nonnull (silk_test_find_label (page, "Expected Impact"));
    g_assert_nonnull (silk_test_find_label (page, "Estimates by World Bank"));
    g_assert_nonnull (silk_test_find_label (page, "Not given by the sources"));
    g_assert_nonnull (silk_test_find_label (page, "900 km"));
    g_assert_nonnull (silk_test_find_label (page, "7–8 days"));
    g_assert_nonnull (silk_test_find_label (page, "+2–3 %"));
    g_assert_nonnull (silk_test_find_row (page, silk_document_lookup (document, "fergana-tunnel")));
  }
  silk_selection_set_item (selection, silk_document_lookup (document, "barskoon-bedel"));
  g_assert_nonnull (silk_test_find_label (silk_sidebar_get_page (sidebar), "125 km"));

  silk_test_window_close (window);
}

static void
test_place_and_back (void)
{
  SilkWindow *window = silk_test_window_new ("place:kashgar");
  SilkDocument *document = silk_window_get_document (window);
  SilkSidebar *sidebar = silk_window_get_sidebar (window);
  GtkWidget *page;

  g_assert_cmpstr (silk_sidebar_get_page_name (sidebar), ==, "place");
  page = silk_sidebar_get_page (sidebar);
  g_assert_cmpstr (page_heading (page), ==, "Kashgar");
  /* The railway starts there. */
  g_assert_nonnull (silk_test_find_row (page, silk_document_lookup (document, "cku-railway")));

  /* Back (the button's action, which Escape also triggers) returns to the
   * overview with nothing selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpstr (silk_sidebar_get_page_name (sidebar), ==, "overview");
  g_assert_null (silk_selection_get_item (silk_window_get_selection (window)));

  silk_test_window_close (window);
}

static void
test_overview (void)
{
  SilkWindow *window = silk_test_window_new (NULL);
  SilkDocument *document = silk_window_get_document (window);
  SilkSidebar *sidebar = silk_window_get_sidebar (window);
  GtkWidget *page = silk_sidebar_get_page (sidebar);
  GListModel *kinds[] = {
    silk_document_get_items (document, SILK_ITEM_COUNTRY),
    silk_document_get_items (document, SILK_ITEM_PROJECT),
    silk_document_get_items (document, SILK_ITEM_EVENT),
    silk_document_get_items (document, SILK_ITEM_SOURCE),
  };

  g_assert_cmpstr (silk_sidebar_get_page_name (sidebar), ==, "overview");
  g_assert_cmpstr (page_heading (page), ==, silk_document_get_title (document));

  /* Headline figures as cards, with their source beneath. */
  for (guint i = 0; i < g_list_model_get_n_items (silk_document_get_items (document, SILK_ITEM_FIGURE)); i++)
    {
      g_autoptr(SilkFigure) figure = g_list_model_get_item (silk_document_get_items (document, SILK_ITEM_FIGURE), i);
      GPtrArray *concerns = silk_item_get_concerns (SILK_ITEM (figure));
      gboolean of_project = FALSE;
      GtkWidget *card;

      for (guint c = 0; c < concerns->len; c++)
        of_project |= SILK_IS_PROJECT (g_ptr_array_index (concerns, c));
      card = find_card (page, figure);
      if (of_project)
        continue;
      g_assert_nonnull (card);
      g_assert_nonnull (silk_test_find_label (card, "Source: Xinhua"));
    }

  /* Every country, project, event and source is a row; countries and projects
   * select. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < g_list_model_get_n_items (kinds[k]); i++)
      {
        g_autoptr(SilkItem) item = g_list_model_get_item (kinds[k], i);

        g_assert_nonnull (silk_test_find_row (page, item));
      }

  {
    GtkWidget *row = silk_test_find_row (page, silk_document_lookup (document, "UZ"));

    g_signal_emit_by_name (row, "activate");
    g_assert_cmpstr (silk_item_get_id (silk_selection_get_item (silk_window_get_selection (window))), ==, "UZ");
    g_assert_cmpstr (silk_sidebar_get_page_name (sidebar), ==, "country");
  }

  silk_test_window_close (window);
}

/* The overview shows its top at once and adds the rest after the first frame, by
 * itself; whoever needs all of it sooner can have it. */
static void
test_overview_in_parts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = silk_document_load_bundled (&error);
  GtkWidget *page = g_object_ref_sink (silk_overview_page_new ());
  GListModel *sources;
  g_autoptr(SilkSource) source = NULL;
  SilkWindow *window;
  SilkOverviewPage *overview;
  gint64 deadline;

  g_assert_no_error (error);
  sources = silk_document_get_items (document, SILK_ITEM_SOURCE);
  source = g_list_model_get_item (sources, 0);

  silk_overview_page_set_document (SILK_OVERVIEW_PAGE (page), document);
  g_assert_false (silk_overview_page_is_complete (SILK_OVERVIEW_PAGE (page)));
  g_assert_cmpstr (page_heading (page), ==, silk_document_get_title (document));
  g_assert_nonnull (silk_test_find_label (page, "Trade"));
  g_assert_null (silk_test_find_row (page, SILK_ITEM (source)));

  silk_overview_page_complete (SILK_OVERVIEW_PAGE (page));
  g_assert_true (silk_overview_page_is_complete (SILK_OVERVIEW_PAGE (page)));
  g_assert_nonnull (silk_test_find_row (page, SILK_ITEM (source)));
  g_object_unref (page);

  /* In a window, nobody asking. */
  window = silk_test_window_new (NULL);
  overview = SILK_OVERVIEW_PAGE (silk_test_find_descendant (GTK_WIDGET (window),
                                                            SILK_TYPE_OVERVIEW_PAGE));
  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (!silk_overview_page_is_complete (overview))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_clear_object (&source);
  source = g_list_model_get_item (silk_document_get_items (silk_window_get_document (window),
                                                           SILK_ITEM_SOURCE), 0);
  g_assert_nonnull (silk_test_find_row (GTK_WIDGET (overview), SILK_ITEM (source)));
  silk_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/sidebar/overview", test_overview);
  g_test_add_func ("/sidebar/overview-in-parts", test_overview_in_parts);
  g_test_add_func ("/sidebar/each-country", test_each_country);
  g_test_add_func ("/sidebar/each-project", test_each_project);
  g_test_add_func ("/sidebar/place-and-back", test_place_and_back);

  return g_test_run ();
}
