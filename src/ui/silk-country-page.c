/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-country-page.h"
#include "silk-figure-card.h"
#include "silk-format.h"
#include "silk-ui-util.h"

struct _SilkCountryPage
{
  AdwBin parent_instance;

  SilkCountry *country;
};

G_DEFINE_FINAL_TYPE (SilkCountryPage, silk_country_page, ADW_TYPE_BIN)

GPtrArray *
silk_country_page_list_projects (SilkDocument *document,
                                 SilkCountry  *country)
{
  GListModel *projects = silk_document_get_items (document, SILK_ITEM_PROJECT);
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(SilkProject) project = g_list_model_get_item (projects, i);

      if (g_ptr_array_find (silk_project_get_countries (project), country, NULL))
        g_ptr_array_add (result, project);
    }

  return result;
}

/* Splits @items into what concerns the country on its own and what concerns the
 * whole region. */
static void
split_regional (SilkDocument *document,
                GPtrArray    *items,
                GPtrArray    *specific,
                GPtrArray    *regional)
{
  for (guint i = 0; i < items->len; i++)
    {
      SilkItem *item = g_ptr_array_index (items, i);

      g_ptr_array_add (silk_ui_is_regional (document, item) ? regional : specific, item);
    }
}

static char *
project_subtitle (SilkProject *project)
{
  /* Translators: a project's mode and status, e.g. "railway, under construction" */
  return g_strdup_printf (_("%s, %s"),
                          silk_format_mode (silk_project_get_mode (project)),
                          silk_format_status (silk_project_get_status (project)));
}

static void
build (SilkCountryPage *self,
       SilkDocument    *document)
{
  SilkItem *item = SILK_ITEM (self->country);
  const char *name = silk_item_get_name (item);
  SilkPlace *capital = silk_country_get_capital (self->country);
  AdwPreferencesPage *page = silk_ui_page_new ();
  AdwPreferencesGroup *group;
  g_autoptr(GPtrArray) projects = silk_country_page_list_projects (document, self->country);
  g_autoptr(GPtrArray) events = silk_ui_copy_items (silk_document_get_related (document, item, SILK_ITEM_EVENT));
  GPtrArray *figures = silk_document_get_related (document, item, SILK_ITEM_FIGURE);
  GPtrArray *notes = silk_document_get_related (document, item, SILK_ITEM_NOTE);
  g_autoptr(GPtrArray) specific_figures = g_ptr_array_new ();
  g_autoptr(GPtrArray) regional_figures = g_ptr_array_new ();
  g_autoptr(GPtrArray) specific_events = g_ptr_array_new ();
  g_autoptr(GPtrArray) regional_events = g_ptr_array_new ();
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;

  split_regional (document, figures, specific_figures, regional_figures);
  split_regional (document, events, specific_events, regional_events);
  silk_ui_sort_events (events);

  if (capital != NULL)
    /* Translators: under a country's name, e.g. "Capital: Astana" */
    subtitle = g_strdup_printf (_("Capital: %s"), silk_item_get_name (SILK_ITEM (capital)));
  silk_ui_add_heading (page, name, subtitle, silk_item_get_description (item));
  g_ptr_array_add (cited, item);

  if (projects->len == 0 && specific_figures->len == 0 && specific_events->len == 0)
    {
      g_autofree char *sentence =
        /* Translators: %s is a country */
        g_strdup_printf (_("The atlas’ sources name nothing specific to %s: no project, "
                           "figure or event concerns it on its own. What follows concerns "
                           "the region as a whole."), name);

      group = silk_ui_group_new (page, NULL, NULL);
      adw_preferences_group_add (group, silk_ui_note_label_new (sentence));
    }

  group = silk_ui_group_new (page, _("Projects"), NULL);
  if (projects->len == 0)
    {
      g_autofree char *sentence =
        /* Translators: %s is a country */
        g_strdup_printf (_("The sources name no railway or highway project in %s."), name);

      adw_preferences_group_add (group, silk_ui_note_label_new (sentence));
    }
  for (guint i = 0; i < projects->len; i++)
    {
      SilkProject *project = g_ptr_array_index (projects, i);
      g_autofree char *detail = project_subtitle (project);

      adw_preferences_group_add (group, silk_ui_item_row_new (SILK_ITEM (project), detail));
      g_ptr_array_add (cited, project);
    }

  if (specific_figures->len > 0)
    {
      group = silk_ui_group_new (page, _("Figures"), NULL);
      for (guint i = 0; i < specific_figures->len; i++)
        adw_preferences_group_add (group, silk_figure_card_new (g_ptr_array_index (specific_figures, i)));
      g_ptr_array_extend (cited, specific_figures, NULL, NULL);
    }

  if (events->len > 0)
    {
      group = silk_ui_group_new (page, _("Events"), NULL);
      for (guint i = 0; i < events->len; i++)
        adw_preferences_group_add (group, silk_ui_event_row_new (g_ptr_array_index (events, i)));
      g_ptr_array_extend (cited, events, NULL, NULL);
    }

  if (regional_figures->len > 0)
    {
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure for the whole region",
                                      "%u figures for the whole region", regional_figures->len),
                         regional_figures->len);

      group = silk_ui_group_new (page, _("Regional Figures"),
                                 _("The sources give these for all six countries together"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      for (guint i = 0; i < regional_figures->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  silk_figure_card_new (g_ptr_array_index (regional_figures, i)));
      adw_preferences_group_add (group, expander);
      g_ptr_array_extend (cited, regional_figures, NULL, NULL);
    }

  if (notes->len > 0)
    {
      group = silk_ui_group_new (page, _("Cooperation Notes"), NULL);
      for (guint i = 0; i < notes->len; i++)
        {
          SilkItem *note = g_ptr_array_index (notes, i);

          adw_preferences_group_add (group,
                                     silk_ui_text_row_new (silk_item_get_name (note),
                                                           silk_ui_is_regional (document, note)
                                                           ? _("The whole region") : NULL,
                                                           silk_item_get_description (note),
                                                           silk_item_get_sources (note)));
        }
      g_ptr_array_extend (cited, notes, NULL, NULL);
    }

  silk_ui_add_sources_group (page, cited);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (page));
}

static void
silk_country_page_dispose (GObject *object)
{
  SilkCountryPage *self = SILK_COUNTRY_PAGE (object);

  g_clear_object (&self->country);

  G_OBJECT_CLASS (silk_country_page_parent_class)->dispose (object);
}

static void
silk_country_page_class_init (SilkCountryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = silk_country_page_dispose;
}

static void
silk_country_page_init (SilkCountryPage *self)
{
}

GtkWidget *
silk_country_page_new (void)
{
  return g_object_new (SILK_TYPE_COUNTRY_PAGE, NULL);
}

void
silk_country_page_set_country (SilkCountryPage *self,
                               SilkDocument    *document,
                               SilkCountry     *country)
{
  g_return_if_fail (SILK_IS_COUNTRY_PAGE (self));
  g_return_if_fail (SILK_IS_DOCUMENT (document));
  g_return_if_fail (SILK_IS_COUNTRY (country));

  g_set_object (&self->country, country);
  build (self, document);
}

SilkCountry *
silk_country_page_get_country (SilkCountryPage *self)
{
  g_return_val_if_fail (SILK_IS_COUNTRY_PAGE (self), NULL);

  return self->country;
}
