/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-chart.h"
#include "silk-figure-card.h"
#include "silk-format.h"
#include "silk-overview-page.h"
#include "silk-ui-util.h"

/* The parts of the page, top to bottom. */
typedef enum
{
  PART_HEADING,
  PART_TOPICS,       /* one step per topic */
  PART_LENGTHS,
  PART_PROJECTS,
  PART_COUNTRIES,
  PART_EVENTS,
  PART_NOTES,
  PART_SOURCES,
  PART_DONE
} Part;

struct _SilkOverviewPage
{
  AdwBin parent_instance;

  SilkDocument *document;
  AdwPreferencesPage *page;

  /* The page is built a part at a time: what the first frame shows at once, the
   * rest after that frame is on screen (or whenever someone needs all of it). */
  Part next_part;
  GPtrArray *topics;        /* const char *, in the order of their first figure */
  GHashTable *by_topic;     /* topic → GPtrArray of SilkFigure */
  guint next_topic;
  GdkFrameClock *frame_clock;
  guint idle_id;
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

/* Groups the figures of the region as a whole (not those of one project) by
 * topic, in the order the atlas lists them. */
static void
collect_topics (SilkOverviewPage *self)
{
  GListModel *figures = silk_document_get_items (self->document, SILK_ITEM_FIGURE);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(SilkFigure) figure = g_list_model_get_item (figures, i);
      const char *topic = silk_figure_get_topic (figure);
      GPtrArray *list;

      /* A project's figures belong on its page. */
      if (concerned_project (SILK_ITEM (figure)) != NULL)
        continue;

      list = g_hash_table_lookup (self->by_topic, topic);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->by_topic, (gpointer) topic, list);
          g_ptr_array_add (self->topics, (gpointer) topic);
        }
      g_ptr_array_add (list, figure);
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

/* Adds the next part of the page; FALSE once the page is whole. */
static gboolean
add_next_part (SilkOverviewPage *self)
{
  switch (self->next_part)
    {
    case PART_HEADING:
      silk_ui_add_heading (self->page, silk_document_get_title (self->document), NULL,
                           silk_document_get_description (self->document));
      self->next_part = PART_TOPICS;
      break;

    case PART_TOPICS:
      if (self->next_topic < self->topics->len)
        {
          const char *topic = g_ptr_array_index (self->topics, self->next_topic++);

          add_topic (self->page, topic, g_hash_table_lookup (self->by_topic, topic));
        }
      if (self->next_topic >= self->topics->len)
        self->next_part = PART_LENGTHS;
      break;

    case PART_LENGTHS:
      add_lengths (self, self->page);
      self->next_part = PART_PROJECTS;
      break;

    case PART_PROJECTS:
      add_selectables (self, self->page, SILK_ITEM_PROJECT, _("Projects"));
      self->next_part = PART_COUNTRIES;
      break;

    case PART_COUNTRIES:
      add_selectables (self, self->page, SILK_ITEM_COUNTRY, _("Countries"));
      self->next_part = PART_EVENTS;
      break;

    case PART_EVENTS:
      add_selectables (self, self->page, SILK_ITEM_EVENT, _("Events"));
      self->next_part = PART_NOTES;
      break;

    case PART_NOTES:
      add_notes (self, self->page);
      self->next_part = PART_SOURCES;
      break;

    case PART_SOURCES:
      add_sources (self, self->page);
      self->next_part = PART_DONE;
      break;

    case PART_DONE:
    default:
      return FALSE;
    }

  return self->next_part != PART_DONE;
}

static gboolean
add_parts_in_idle (gpointer user_data)
{
  SilkOverviewPage *self = user_data;

  if (add_next_part (self))
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_frame (SilkOverviewPage *self)
{
  if (self->frame_clock == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->frame_clock, self);
  g_clear_object (&self->frame_clock);
}

/* Once a frame with the top of the page is on screen, the rest follows a part per
 * main loop iteration, at low priority: frames and input come first. */
static void
on_after_paint (GdkFrameClock    *clock,
                SilkOverviewPage *self)
{
  stop_waiting_for_frame (self);
  if (self->idle_id == 0 && self->next_part != PART_DONE)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, add_parts_in_idle, self, NULL);
}

static void
wait_for_frame (SilkOverviewPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || self->frame_clock != NULL || self->idle_id != 0
      || self->next_part == PART_DONE)
    return;
  self->frame_clock = g_object_ref (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
}

static void
clear_build (SilkOverviewPage *self)
{
  stop_waiting_for_frame (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_ptr_array_set_size (self->topics, 0);
  g_hash_table_remove_all (self->by_topic);
  self->next_topic = 0;
  self->next_part = PART_DONE;
}

/* The heading and the first topic: what a window of usual height shows of the
 * page without scrolling. */
static void
build (SilkOverviewPage *self)
{
  clear_build (self);
  self->page = silk_ui_page_new ();
  self->next_part = PART_HEADING;
  collect_topics (self);
  add_next_part (self);
  add_next_part (self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    wait_for_frame (self);
}

void
silk_overview_page_complete (SilkOverviewPage *self)
{
  g_return_if_fail (SILK_IS_OVERVIEW_PAGE (self));

  while (add_next_part (self))
    ;
  stop_waiting_for_frame (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

gboolean
silk_overview_page_is_complete (SilkOverviewPage *self)
{
  g_return_val_if_fail (SILK_IS_OVERVIEW_PAGE (self), FALSE);

  return self->next_part == PART_DONE;
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
silk_overview_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (silk_overview_page_parent_class)->map (widget);
  wait_for_frame (SILK_OVERVIEW_PAGE (widget));
}

static void
silk_overview_page_dispose (GObject *object)
{
  SilkOverviewPage *self = SILK_OVERVIEW_PAGE (object);

  clear_build (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (silk_overview_page_parent_class)->dispose (object);
}

static void
silk_overview_page_finalize (GObject *object)
{
  SilkOverviewPage *self = SILK_OVERVIEW_PAGE (object);

  g_ptr_array_unref (self->topics);
  g_hash_table_unref (self->by_topic);

  G_OBJECT_CLASS (silk_overview_page_parent_class)->finalize (object);
}

static void
silk_overview_page_class_init (SilkOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_overview_page_dispose;
  object_class->finalize = silk_overview_page_finalize;

  widget_class->map = silk_overview_page_map;
}

static void
silk_overview_page_init (SilkOverviewPage *self)
{
  self->topics = g_ptr_array_new ();
  self->by_topic = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->next_part = PART_DONE;
}

GtkWidget *
silk_overview_page_new (void)
{
  return g_object_new (SILK_TYPE_OVERVIEW_PAGE, NULL);
}
