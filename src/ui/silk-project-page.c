/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-figure-card.h"
#include "silk-format.h"
#include "silk-project-page.h"
#include "silk-ui-util.h"

struct _SilkProjectPage
{
  AdwBin parent_instance;

  SilkProject *project;
};

G_DEFINE_FINAL_TYPE (SilkProjectPage, silk_project_page, ADW_TYPE_BIN)

static gboolean
is_expected (SilkFigure *figure)
{
  SilkQualifier qualifier = silk_figure_get_qualifier (figure);

  return qualifier == SILK_QUALIFIER_ESTIMATE || qualifier == SILK_QUALIFIER_FORECAST;
}

/* A length the sources report for the project itself, not an estimate of what it
 * will save. */
static SilkFigure *
find_length (GPtrArray *figures)
{
  for (guint i = 0; i < figures->len; i++)
    {
      SilkFigure *figure = g_ptr_array_index (figures, i);

      if (g_strcmp0 (silk_figure_get_unit (figure), "km") == 0 && !is_expected (figure)
          && !silk_figure_is_change (figure))
        return figure;
    }
  return NULL;
}

static GtkWidget *
fact_row (const char *title,
          const char *value)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_value = g_markup_escape_text (value, -1);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "fact");

  return row;
}

static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/* "Expected impact" with who estimated it, when all its figures share one. */
static char *
expected_description (GPtrArray *expected)
{
  const char *by = NULL;

  for (guint i = 0; i < expected->len; i++)
    {
      const char *this_by = silk_figure_get_estimated_by (g_ptr_array_index (expected, i));

      if (this_by == NULL || (by != NULL && g_strcmp0 (by, this_by) != 0))
        return NULL;
      by = this_by;
    }

  if (by == NULL)
    return NULL;

  /* Translators: %s is who made the estimates, e.g. "World Bank" */
  return g_strdup_printf (_("Estimates by %s, as the source reports them"), by);
}

static void
build (SilkProjectPage *self,
       SilkDocument    *document)
{
  SilkItem *item = SILK_ITEM (self->project);
  SilkProject *parent = silk_project_get_parent (self->project);
  GPtrArray *countries = silk_project_get_countries (self->project);
  GPtrArray *connects = silk_project_get_connects (self->project);
  GPtrArray *figures = silk_document_get_related (document, item, SILK_ITEM_FIGURE);
  g_autoptr(GPtrArray) events = silk_ui_copy_items (silk_document_get_related (document, item, SILK_ITEM_EVENT));
  GListModel *all_projects = silk_document_get_items (document, SILK_ITEM_PROJECT);
  g_autoptr(GPtrArray) reported = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  AdwPreferencesPage *page = silk_ui_page_new ();
  AdwPreferencesGroup *group;
  g_autofree char *mode = capitalize (silk_format_mode (silk_project_get_mode (self->project)));
  g_autofree char *status = capitalize (silk_format_status (silk_project_get_status (self->project)));
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  SilkFigure *length;

  for (guint i = 0; i < figures->len; i++)
    {
      SilkFigure *figure = g_ptr_array_index (figures, i);

      g_ptr_array_add (is_expected (figure) ? expected : reported, figure);
    }
  silk_ui_sort_events (events);
  for (guint i = 0; i < g_list_model_get_n_items (all_projects); i++)
    {
      SilkProject *other = g_list_model_get_item (all_projects, i);

      if (silk_project_get_parent (other) == self->project)
        g_ptr_array_add (parts, other);
      else
        g_object_unref (other);
    }

  /* Translators: under a project's name: its mode and status, e.g.
   * "Railway · under construction" */
  subtitle = g_strdup_printf (_("%s · %s"), mode,
                              silk_format_status (silk_project_get_status (self->project)));
  silk_ui_add_heading (page, silk_item_get_name (item), subtitle, silk_item_get_description (item));
  g_ptr_array_add (cited, item);

  group = silk_ui_group_new (page, _("Facts"), NULL);
  adw_preferences_group_add (group, fact_row (_("Type"), mode));
  adw_preferences_group_add (group, fact_row (_("Status"), status));
  length = find_length (figures);
  if (length != NULL)
    {
      g_autofree char *value = silk_format_figure_value (length);
      g_autofree char *line = g_strdup_printf (_("%s (%s)"), value, silk_item_get_name (SILK_ITEM (length)));

      adw_preferences_group_add (group, fact_row (_("Length"), line));
    }
  else
    {
      adw_preferences_group_add (group, fact_row (_("Length"), _("Not given by the sources")));
    }
  if (events->len > 0)
    {
      SilkEvent *first = g_ptr_array_index (events, 0);
      g_autofree char *date = silk_format_period (silk_event_get_date (first));
      /* Translators: a date and what happened then, e.g.
       * "29 April 2025: Fergana Tunnel drilling begins" */
      g_autofree char *line = g_strdup_printf (_("%s: %s"), date, silk_item_get_name (SILK_ITEM (first)));

      adw_preferences_group_add (group, fact_row (events->len > 1 ? _("First Date") : _("Date"), line));
    }
  if (parent != NULL)
    {
      GtkWidget *row = silk_ui_item_row_new (SILK_ITEM (parent), _("Part of"));

      adw_preferences_group_add (group, row);
    }

  if (silk_project_is_approximate (self->project))
    {
      const char *note = silk_project_get_alignment_note (self->project);
      GtkWidget *row = fact_row (_("Approximate Alignment"),
                                 note != NULL ? note : _("The line on the map shows the corridor, "
                                                         "not the surveyed track."));

      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", "dialog-warning-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      gtk_widget_add_css_class (row, "approximate");
      adw_preferences_group_add (group, row);
    }

  if (countries->len > 0)
    {
      group = silk_ui_group_new (page, g_dngettext (GETTEXT_PACKAGE, "Country Crossed", "Countries Crossed",
                                                    countries->len), NULL);
      for (guint i = 0; i < countries->len; i++)
        adw_preferences_group_add (group, silk_ui_item_row_new (g_ptr_array_index (countries, i), NULL));
    }

  if (connects->len > 0)
    {
      group = silk_ui_group_new (page, _("Connects"), NULL);
      for (guint i = 0; i < connects->len; i++)
        {
          const char *role = i == 0 ? C_("route", "From")
                             : i == connects->len - 1 ? C_("route", "To")
                             : C_("route", "Via");

          adw_preferences_group_add (group, silk_ui_item_row_new (g_ptr_array_index (connects, i), role));
        }
    }

  if (parts->len > 0)
    {
      group = silk_ui_group_new (page, _("Parts"), NULL);
      for (guint i = 0; i < parts->len; i++)
        {
          SilkProject *part = g_ptr_array_index (parts, i);

          adw_preferences_group_add (group,
                                     silk_ui_item_row_new (SILK_ITEM (part),
                                                           silk_format_mode (silk_project_get_mode (part))));
        }
    }

  if (reported->len > 0)
    {
      group = silk_ui_group_new (page, _("Figures"), NULL);
      for (guint i = 0; i < reported->len; i++)
        adw_preferences_group_add (group, silk_figure_card_new (g_ptr_array_index (reported, i)));
      g_ptr_array_extend (cited, reported, NULL, NULL);
    }

  if (expected->len > 0)
    {
      description = expected_description (expected);
      group = silk_ui_group_new (page, _("Expected Impact"), description);
      for (guint i = 0; i < expected->len; i++)
        adw_preferences_group_add (group, silk_figure_card_new (g_ptr_array_index (expected, i)));
      g_ptr_array_extend (cited, expected, NULL, NULL);
    }

  if (events->len > 0)
    {
      group = silk_ui_group_new (page, _("Dates and Events"), NULL);
      for (guint i = 0; i < events->len; i++)
        adw_preferences_group_add (group, silk_ui_event_row_new (g_ptr_array_index (events, i)));
      g_ptr_array_extend (cited, events, NULL, NULL);
    }

  silk_ui_add_sources_group (page, cited);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (page));
}

static void
silk_project_page_dispose (GObject *object)
{
  SilkProjectPage *self = SILK_PROJECT_PAGE (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (silk_project_page_parent_class)->dispose (object);
}

static void
silk_project_page_class_init (SilkProjectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = silk_project_page_dispose;
}

static void
silk_project_page_init (SilkProjectPage *self)
{
}

GtkWidget *
silk_project_page_new (void)
{
  return g_object_new (SILK_TYPE_PROJECT_PAGE, NULL);
}

void
silk_project_page_set_project (SilkProjectPage *self,
                               SilkDocument    *document,
                               SilkProject     *project)
{
  g_return_if_fail (SILK_IS_PROJECT_PAGE (self));
  g_return_if_fail (SILK_IS_DOCUMENT (document));
  g_return_if_fail (SILK_IS_PROJECT (project));

  g_set_object (&self->project, project);
  build (self, document);
}

SilkProject *
silk_project_page_get_project (SilkProjectPage *self)
{
  g_return_val_if_fail (SILK_IS_PROJECT_PAGE (self), NULL);

  return self->project;
}
