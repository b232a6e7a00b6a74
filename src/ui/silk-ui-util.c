/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-format.h"
#include "silk-source-popover.h"
#include "silk-ui-util.h"

const char *
silk_ui_kind_icon_name (SilkItemKind kind)
{
  switch (kind)
    {
    case SILK_ITEM_COUNTRY:
      return "emoji-flags-symbolic";
    case SILK_ITEM_PLACE:
      return "mark-location-symbolic";
    case SILK_ITEM_PROJECT:
      return "emoji-travel-symbolic";
    case SILK_ITEM_EVENT:
      return "document-open-recent-symbolic";
    case SILK_ITEM_FIGURE:
      return "accessories-calculator-symbolic";
    case SILK_ITEM_NOTE:
      return "user-bookmarks-symbolic";
    case SILK_ITEM_SOURCE:
      return "emblem-documents-symbolic";
    case SILK_N_ITEM_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
silk_ui_item_icon_name (SilkItem *item)
{
  static gsize icons_added = 0;

  /* The application adds its resource icons itself; this covers windows made
   * without one, as in the tests. */
  if (g_once_init_enter (&icons_added))
    {
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        "/io/github/silkatlas/SilkAtlas/icons");
      g_once_init_leave (&icons_added, 1);
    }

  if (!SILK_IS_PROJECT (item))
    return silk_ui_kind_icon_name (silk_item_get_kind (item));

  switch (silk_project_get_mode (SILK_PROJECT (item)))
    {
    case SILK_MODE_RAILWAY:
      return "silk-railway-symbolic";
    case SILK_MODE_HIGHWAY:
      return "silk-highway-symbolic";
    case SILK_MODE_TUNNEL:
      return "silk-tunnel-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
silk_ui_kind_label (SilkItemKind kind)
{
  switch (kind)
    {
    case SILK_ITEM_COUNTRY:
      return C_("item kind", "Country");
    case SILK_ITEM_PLACE:
      return C_("item kind", "Place");
    case SILK_ITEM_PROJECT:
      return C_("item kind", "Project");
    case SILK_ITEM_EVENT:
      return C_("item kind", "Event");
    case SILK_ITEM_FIGURE:
      return C_("item kind", "Figure");
    case SILK_ITEM_NOTE:
      return C_("item kind", "Note");
    case SILK_ITEM_SOURCE:
      return C_("item kind", "Source");
    case SILK_N_ITEM_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
silk_ui_is_regional (SilkDocument *document,
                     SilkItem     *item)
{
  GListModel *countries;
  guint n;

  g_return_val_if_fail (SILK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (SILK_IS_ITEM (item), FALSE);

  countries = silk_document_get_items (document, SILK_ITEM_COUNTRY);
  n = g_list_model_get_n_items (countries);
  if (n < 2)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SilkItem) country = g_list_model_get_item (countries, i);

      if (!silk_item_concerns (item, country))
        return FALSE;
    }

  return TRUE;
}

SilkItem *
silk_ui_selection_target (SilkDocument *document,
                          SilkItem     *item)
{
  GPtrArray *concerns;
  SilkItem *country = NULL;
  guint n_countries = 0;

  g_return_val_if_fail (SILK_IS_ITEM (item), NULL);

  switch (silk_item_get_kind (item))
    {
    case SILK_ITEM_COUNTRY:
    case SILK_ITEM_PLACE:
    case SILK_ITEM_PROJECT:
      return item;
    case SILK_ITEM_SOURCE:
      return NULL;
    case SILK_ITEM_EVENT:
    case SILK_ITEM_FIGURE:
    case SILK_ITEM_NOTE:
    case SILK_N_ITEM_KINDS:
    default:
      break;
    }

  concerns = silk_item_get_concerns (item);
  for (guint i = 0; i < concerns->len; i++)
    {
      SilkItem *concern = g_ptr_array_index (concerns, i);

      if (SILK_IS_PROJECT (concern))
        return concern;
      if (SILK_IS_COUNTRY (concern))
        {
          country = concern;
          n_countries++;
        }
    }

  return n_countries == 1 ? country : NULL;
}

char *
silk_ui_source_short_name (SilkSource *source)
{
  const char *publisher = silk_source_get_publisher (source);
  const char *date = silk_source_get_date (source);
  SilkPeriod period;

  if (publisher == NULL)
    publisher = silk_item_get_name (SILK_ITEM (source));

  if (date != NULL && silk_period_parse (date, &period))
    {
      g_autofree char *formatted = silk_format_period (&period);

      /* Translators: a source named by its publisher and date, e.g.
       * "Xinhua, 29 December 2025" */
      return g_strdup_printf (_("%s, %s"), publisher, formatted);
    }

  return g_strdup (publisher);
}

void
silk_ui_collect_sources (GPtrArray *sources,
                         SilkItem  *item)
{
  GPtrArray *own = silk_item_get_sources (item);

  for (guint i = 0; i < own->len; i++)
    if (!g_ptr_array_find (sources, g_ptr_array_index (own, i), NULL))
      g_ptr_array_add (sources, g_ptr_array_index (own, i));
}

GPtrArray *
silk_ui_copy_items (GPtrArray *items)
{
  GPtrArray *copy = g_ptr_array_new_full (items->len, g_object_unref);

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (items, i)));

  return copy;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  SilkEvent *ea = *(SilkEvent **) a;
  SilkEvent *eb = *(SilkEvent **) b;
  gint64 da = silk_date_to_days (&silk_event_get_date (ea)->start);
  gint64 db = silk_date_to_days (&silk_event_get_date (eb)->start);

  return da < db ? -1 : da > db ? 1 : 0;
}

void
silk_ui_sort_events (GPtrArray *events)
{
  /* Stable, so events of one day keep the atlas' order. */
  g_ptr_array_sort (events, compare_events);
}

AdwPreferencesPage *
silk_ui_page_new (void)
{
  return ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
}

AdwPreferencesGroup *
silk_ui_group_new (AdwPreferencesPage *page,
                   const char         *title,
                   const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_group_set_title (group, escaped);
    }
  if (description != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      adw_preferences_group_set_description (group, escaped);
    }
  adw_preferences_page_add (page, group);

  return group;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

void
silk_ui_add_heading (AdwPreferencesPage *page,
                     const char         *title,
                     const char         *subtitle,
                     const char         *description)
{
  AdwPreferencesGroup *group = silk_ui_group_new (page, NULL, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* A heading to screen readers too, so they can jump from page to page title. */
  GtkWidget *title_label = g_object_new (GTK_TYPE_LABEL,
                                         "label", title,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                         "wrap", TRUE,
                                         "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                         "xalign", 0.0f,
                                         NULL);

  gtk_widget_add_css_class (title_label, "title-2");
  gtk_box_append (GTK_BOX (box), title_label);
  if (subtitle != NULL)
    gtk_box_append (GTK_BOX (box), wrapped_label (subtitle, "dim-label"));
  if (description != NULL)
    {
      GtkWidget *label = wrapped_label (description, "body");

      gtk_widget_set_margin_top (label, 6);
      gtk_box_append (GTK_BOX (box), label);
    }
  adw_preferences_group_add (group, box);
}

/* An icon that says what kind of item a row is, to screen readers too. */
static GtkWidget *
kind_icon_new (const char   *icon_name,
               SilkItemKind  kind)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, silk_ui_kind_label (kind),
                                  -1);
  return icon;
}

/* An arrow that only repeats what activating the row does: nothing to read. */
static GtkWidget *
decoration_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

GtkWidget *
silk_ui_item_row_new (SilkItem   *item,
                      const char *subtitle)
{
  g_autofree char *title = g_markup_escape_text (silk_item_get_name (item), -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = kind_icon_new (silk_ui_item_icon_name (item), silk_item_get_kind (item));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), decoration_new ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", silk_item_get_id (item));
  g_object_set_data_full (G_OBJECT (row), "silk-item", g_object_ref (item), g_object_unref);

  return row;
}

static void
create_source_popover (GtkMenuButton *button,
                       gpointer       source)
{
  gtk_menu_button_set_popover (button, silk_source_popover_new (source));
}

/* Most citations are never opened, and a page can hold dozens: each popover is
 * built the first time its button asks for it. */
static void
set_source_popover (GtkWidget  *button,
                    SilkSource *source)
{
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_source_popover,
                                         g_object_ref (source), g_object_unref);
}

GtkWidget *
silk_ui_source_link_new (SilkSource *source)
{
  g_autofree char *name = silk_ui_source_short_name (source);
  /* Translators: the source of a fact, e.g. "Source: Xinhua, 29 December 2025" */
  g_autofree char *line = g_strdup_printf (_("Source: %s"), name);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (line);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  set_source_popover (button, source);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "source-link");
  gtk_widget_set_tooltip_text (button, silk_source_get_citation (source));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, line, -1);

  return button;
}

GtkWidget *
silk_ui_text_row_new (const char *title,
                      const char *subtitle,
                      const char *text,
                      GPtrArray  *sources)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
    }

  gtk_widget_add_css_class (box, "expanded-text");
  if (text != NULL)
    gtk_box_append (GTK_BOX (box), wrapped_label (text, NULL));

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    gtk_box_append (GTK_BOX (box), silk_ui_source_link_new (g_ptr_array_index (sources, i)));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);

  return row;
}

GtkWidget *
silk_ui_event_row_new (SilkEvent *event)
{
  SilkItem *item = SILK_ITEM (event);
  g_autofree char *date = silk_format_period (silk_event_get_date (event));
  GtkWidget *row = silk_ui_text_row_new (silk_item_get_name (item), date,
                                         silk_item_get_description (item),
                                         silk_item_get_sources (item));

  g_object_set_data_full (G_OBJECT (row), "silk-item", g_object_ref (item), g_object_unref);
  return row;
}

GtkWidget *
silk_ui_source_row_new (SilkSource *source)
{
  g_autofree char *title = g_markup_escape_text (silk_item_get_name (SILK_ITEM (source)), -1);
  g_autofree char *subtitle = silk_ui_source_short_name (source);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), kind_icon_new (silk_ui_kind_icon_name (SILK_ITEM_SOURCE), SILK_ITEM_SOURCE));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  set_source_popover (button, source);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Full Citation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Full Citation"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_set_data_full (G_OBJECT (row), "silk-item", g_object_ref (source), g_object_unref);

  return row;
}

void
silk_ui_add_sources_group (AdwPreferencesPage *page,
                           GPtrArray          *items)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  AdwPreferencesGroup *group;

  for (guint i = 0; i < items->len; i++)
    silk_ui_collect_sources (sources, g_ptr_array_index (items, i));

  if (sources->len == 0)
    return;

  group = silk_ui_group_new (page, g_dngettext (GETTEXT_PACKAGE, "Source", "Sources", sources->len),
                             NULL);
  for (guint i = 0; i < sources->len; i++)
    adw_preferences_group_add (group, silk_ui_source_row_new (g_ptr_array_index (sources, i)));
}

GtkWidget *
silk_ui_note_label_new (const char *text)
{
  GtkWidget *label = wrapped_label (text, "dim-label");

  gtk_widget_add_css_class (label, "plain-note");
  return label;
}
