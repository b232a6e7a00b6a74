/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-chart.h"
#include "silk-figure-card.h"
#include "silk-format.h"
#include "silk-overview-page.h"
#include "silk-ui-util.h"

struct _SilkOverviewPage
{
  AdwBin parent_instance;

  SilkDocument *document;
};

G_DEFINE_FINAL_TYPE (SilkOverviewPage, silk_overview_page, ADW_TYPE_BIN)

static const char *
topic_title (const char *topic)
{
  static const struct
  {
    const char *topic;
    const char *title;
  } titles[] = {
    { "trade", N_("Trade") },
    { "investment", N_("Investment") },
    { "travel", N_("Travel") },
    { "flights", N_("Flights") },
    { "sister-cities", N_("Sister Cities") },
    { "institutions", N_("Institutions") },
    { "infrastructure", N_("Infrastructure") },
    { "economy", N_("Economy") },
    { "education", N_("Education") },
    { "culture", N_("Culture") },
    { "politics", N_("Politics") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (topic, titles[i].topic) == 0)
      return _(titles[i].title);

  /* A topic a newer atlas format may add: its own name beats nothing. */
  return topic;
}

static SilkProject *
concerned_project (SilkItem *item)
{
  GPtrArray *concerns = silk_item_get_concerns (item);

  for (guint i = 0; i < concerns->len; i++)
    if (SILK_IS_PROJECT (g_ptr_array_index (concerns, i)))
      return g_ptr_array_index (concerns, i);

  return NULL;
}

static GtkWidget *
chart_row_new (GtkWidget *chart)
{
  GtkWidget *row = GTK_WIDGET (g_object_new (ADW_TYPE_PREFERENCES_ROW, NULL));

  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), chart);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), silk_chart_get_title (SILK_CHART (chart)));
  gtk_widget_add_css_class (row, "chart-row");

  return row;
}

static gboolean
comparable (SilkFigure *a,
            SilkFigure *b)
{
  return g_strcmp0 (silk_figure_get_unit (a), silk_figure_get_unit (b)) == 0
         && silk_figure_is_change (a) == silk_figure_is_change (b);
}

/* One group per topic: a chart of each set of figures that share a unit (the trade
 * so far against the year's expectation, two growth rates side by side), then
 * every figure of the topic as a card. */
static void
add_topic (AdwPreferencesPage *page,
           const char         *topic,
           GPtrArray          *figures)
{
  AdwPreferencesGroup *group = silk_ui_group_new (page, topic_title (topic), NULL);
  g_autoptr(GPtrArray) charted = g_ptr_array_new ();

  for (guint i = 0; i < figures->len; i++)
    {
      SilkFigure *figure = g_ptr_array_index (figures, i);
      g_autoptr(GPtrArray) set = g_ptr_array_new ();

      if (g_ptr_array_find (charted, figure, NULL))
        continue;

      for (guint j = i; j < figures->len; j++)
        if (comparable (figure, g_ptr_array_index (figures, j)))
          g_ptr_array_add (set, g_ptr_array_index (figures, j));

      if (set->len >= 2)
        {
          /* Translators: the accessible name of a chart, e.g. "Chart: Trade" */
          g_autofree char *title = g_strdup_printf (_("Chart: %s"), topic_title (topic));
          GtkWidget *chart = silk_chart_new (title);

          for (guint j = 0; j < set->len; j++)
            silk_chart_add_figure (SILK_CHART (chart), g_ptr_array_index (set, j), NULL);
          adw_preferences_group_add (group, chart_row_new (chart));
          g_ptr_array_extend (charted, set, NULL, NULL);
        }
    }

  for (guint i = 0; i < figures->len; i++)
    adw_preferences_group_add (group, silk_figure_card_new (g_ptr_array_index (figures, i)));
}

static void
add_headline_figures (SilkOverviewPage   *self,
                      AdwPreferencesPage *page)
{
  GListModel *figures = silk_document_get_items (self->document, SILK_ITEM_FIGURE);
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  g_autoptr(GHashTable) by_topic =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(SilkFigure) figure = g_list_model_get_item (figures, i);
      const char *topic = silk_figure_get_topic (figure);
      GPtrArray *list;

      /* A project's figures belong on its page. */
      if (concerned_project (SILK_ITEM (figure)) != NULL)
        continue;

      list = g_hash_table_lookup (by_topic, topic);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_topic, (gpointer) topic, list);
          g_ptr_array_add (topics, (gpointer) topic);
        }
      g_ptr_array_add (list, figure);
    }

  for (guint i = 0; i < topics->len; i++)
    {
      const char *topic = g_ptr_array_index (topics, i);

      add_topic (page, topic, g_hash_table_lookup (by_topic, topic));
    }
}

/* The projects whose length the sources report, as a chart and as rows that select
 * them, and plainly which projects have no length given. */
static void
add_lengths (SilkOverviewPage   *self,
             AdwPreferencesPage *page)
{
  GListModel *figures = silk_document_get_items (self->document, SILK_ITEM_FIGURE);
  GListModel *projects = silk_document_get_items (self->document, SILK_ITEM_PROJECT);
  g_autoptr(GPtrArray) lengths = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) measured = g_ptr_array_new ();
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *description = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *chart;

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(SilkFigure) figure = g_list_model_get_item (figures, i);
      SilkProject *project = concerned_project (SILK_ITEM (figure));

      if (project == NULL || g_strcmp0 (silk_figure_get_unit (figure), "km") != 0
          || silk_figure_is_change (figure)
          || silk_figure_get_qualifier (figure) != SILK_QUALIFIER_REPORTED)
        continue;

      g_ptr_array_add (lengths, g_object_ref (figure));
      g_ptr_array_add (measured, project);
    }

  if (lengths->len == 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(SilkItem) project = g_list_model_get_item (projects, i);

      if (g_ptr_array_find (measured, project, NULL))
        continue;
      if (missing->len > 0)
        g_string_append (missing, _(", "));
      g_string_append (missing, silk_item_get_name (project));
    }

  if (missing->len > 0)
    /* Translators: %s is a list of projects */
    description = g_strdup_printf (_("The sources give no length for: %s."), missing->str);

  group = silk_ui_group_new (page, _("Projects by Length"), description);
  chart = silk_chart_new (_("Chart: Projects by Length"));
  for (guint i = 0; i < lengths->len; i++)
    silk_chart_add_figure (SILK_CHART (chart), g_ptr_array_index (lengths, i), NULL);
  adw_preferences_group_add (group, chart_row_new (chart));

  for (guint i = 0; i < lengths->len; i++)
    {
      SilkFigure *figure = g_ptr_array_index (lengths, i);
      g_autofree char *value = silk_format_figure_value (figure);
      /* Translators: a length and what it measures, e.g.
       * "75 km · Barskoon–Karakol: section under reconstruction" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), value,
                                                   silk_item_get_name (SILK_ITEM (figure)));

      adw_preferences_group_add (group,
                                 silk_ui_item_row_new (g_ptr_array_index (measured, i), subtitle));
    }
}

static void
add_selectables (SilkOverviewPage   *self,
                 AdwPreferencesPage *page,
                 SilkItemKind        kind,
                 const char         *title)
{
  GListModel *model = silk_document_get_items (self->document, kind);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  AdwPreferencesGroup *group;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  if (items->len == 0)
    return;
  if (kind == SILK_ITEM_EVENT)
    silk_ui_sort_events (items);

  group = silk_ui_group_new (page, title, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      SilkItem *item = g_ptr_array_index (items, i);
      g_autofree char *subtitle = NULL;

      if (SILK_IS_COUNTRY (item) && silk_country_get_capital (SILK_COUNTRY (item)) != NULL)
        subtitle = g_strdup (silk_item_get_name (SILK_ITEM (silk_country_get_capital (SILK_COUNTRY (item)))));
      else if (SILK_IS_PROJECT (item))
        subtitle = g_strdup_printf (_("%s, %s"),
                                    silk_format_mode (silk_project_get_mode (SILK_PROJECT (item))),
                                    silk_format_status (silk_project_get_status (SILK_PROJECT (item))));
      else if (SILK_IS_EVENT (item))
        subtitle = silk_format_period (silk_event_get_date (SILK_EVENT (item)));

      adw_preferences_group_add (group, silk_ui_item_row_new (item, subtitle));
    }
}

static void
add_notes (SilkOverviewPage   *self,
           AdwPreferencesPage *page)
{
  GListModel *notes = silk_document_get_items (self->document, SILK_ITEM_NOTE);
  AdwPreferencesGroup *group;

  if (g_list_model_get_n_items (notes) == 0)
    return;

  group = silk_ui_group_new (page, _("Cooperation Notes"), _("What the sources say without a number"));
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(SilkItem) note = g_list_model_get_item (notes, i);

      adw_preferences_group_add (group, silk_ui_text_row_new (silk_item_get_name (note), NULL,
                                                              silk_item_get_description (note),
                                                              silk_item_get_sources (note)));
    }
}

static void
add_sources (SilkOverviewPage   *self,
             AdwPreferencesPage *page)
{
  GListModel *sources = silk_document_get_items (self->document, SILK_ITEM_SOURCE);
  AdwPreferencesGroup *group;

  if (g_list_model_get_n_items (sources) == 0)
    return;

  group = silk_ui_group_new (page, _("Sources"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(SilkSource) source = g_list_model_get_item (sources, i);

      adw_preferences_group_add (group, silk_ui_source_row_new (source));
    }
}

static void
build (SilkOverviewPage *self)
{
  AdwPreferencesPage *page = silk_ui_page_new ();

  silk_ui_add_heading (page, silk_document_get_title (self->document), NULL,
                       silk_document_get_description (self->document));
  add_headline_figures (self, page);
  add_lengths (self, page);
  add_selectables (self, page, SILK_ITEM_PROJECT, _("Projects"));
  add_selectables (self, page, SILK_ITEM_COUNTRY, _("Countries"));
  add_selectables (self, page, SILK_ITEM_EVENT, _("Events"));
  add_notes (self, page);
  add_sources (self, page);

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (page));
}

void
silk_overview_page_set_document (SilkOverviewPage *self,
                                 SilkDocument     *document)
{
  g_return_if_fail (SILK_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (SILK_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    build (self);
}

static void
silk_overview_page_dispose (GObject *object)
{
  SilkOverviewPage *self = SILK_OVERVIEW_PAGE (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (silk_overview_page_parent_class)->dispose (object);
}

static void
silk_overview_page_class_init (SilkOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = silk_overview_page_dispose;
}

static void
silk_overview_page_init (SilkOverviewPage *self)
{
}

GtkWidget *
silk_overview_page_new (void)
{
  return g_object_new (SILK_TYPE_OVERVIEW_PAGE, NULL);
}
