/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-country-page.h"
#include "silk-figure-card.h"
#include "silk-overview-page.h"
#include "silk-place-page.h"
#include "silk-project-page.h"
#include "silk-sidebar.h"
#include "silk-ui-util.h"

struct _SilkSidebar
{
  AdwBin parent_instance;

  SilkDocument *document;
  SilkSelection *selection;

  GtkRevealer *back_revealer;
  GtkLabel *kind_label;
  GtkStack *stack;
  SilkOverviewPage *overview_page;
  SilkCountryPage *country_page;
  SilkProjectPage *project_page;
  SilkPlacePage *place_page;
};

G_DEFINE_FINAL_TYPE (SilkSidebar, silk_sidebar, ADW_TYPE_BIN)

static void
show_selection (SilkSidebar *self)
{
  SilkItem *item = self->selection != NULL ? silk_selection_get_item (self->selection) : NULL;
  const char *name = "overview";

  if (self->document == NULL)
    return;

  if (SILK_IS_COUNTRY (item))
    {
      silk_country_page_set_country (self->country_page, self->document, SILK_COUNTRY (item));
      name = "country";
    }
  else if (SILK_IS_PROJECT (item))
    {
      silk_project_page_set_project (self->project_page, self->document, SILK_PROJECT (item));
      name = "project";
    }
  else if (SILK_IS_PLACE (item))
    {
      silk_place_page_set_place (self->place_page, self->document, SILK_PLACE (item));
      name = "place";
    }

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_revealer_set_reveal_child (self->back_revealer, item != NULL);
  if (item != NULL)
    gtk_label_set_label (self->kind_label, silk_ui_kind_label (silk_item_get_kind (item)));
}

void
silk_sidebar_set_document (SilkSidebar  *self,
                           SilkDocument *document)
{
  g_return_if_fail (SILK_IS_SIDEBAR (self));
  g_return_if_fail (SILK_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  silk_overview_page_set_document (self->overview_page, document);
  show_selection (self);
}

void
silk_sidebar_set_selection (SilkSidebar   *self,
                            SilkSelection *selection)
{
  g_return_if_fail (SILK_IS_SIDEBAR (self));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, show_selection, self);
  if (!g_set_object (&self->selection, selection))
    return;
  if (selection != NULL)
    g_signal_connect_object (selection, "notify::item", G_CALLBACK (show_selection),
                             self, G_CONNECT_SWAPPED);
  show_selection (self);
}

const char *
silk_sidebar_get_page_name (SilkSidebar *self)
{
  g_return_val_if_fail (SILK_IS_SIDEBAR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
silk_sidebar_get_page (SilkSidebar *self)
{
  GtkWidget *page;

  g_return_val_if_fail (SILK_IS_SIDEBAR (self), NULL);

  page = gtk_stack_get_visible_child (self->stack);
  if (SILK_IS_OVERVIEW_PAGE (page))
    silk_overview_page_complete (SILK_OVERVIEW_PAGE (page));
  return page;
}

gboolean
silk_sidebar_is_complete (SilkSidebar *self)
{
  GtkWidget *page;

  g_return_val_if_fail (SILK_IS_SIDEBAR (self), FALSE);

  page = gtk_stack_get_visible_child (self->stack);
  return !SILK_IS_OVERVIEW_PAGE (page) || silk_overview_page_is_complete (SILK_OVERVIEW_PAGE (page));
}

static GtkWidget *
find_widget_for (GtkWidget *widget,
                 SilkItem  *item)
{
  if (SILK_IS_FIGURE_CARD (widget) && SILK_ITEM (silk_figure_card_get_figure (SILK_FIGURE_CARD (widget))) == item)
    return widget;
  if (GTK_IS_LIST_BOX_ROW (widget) && g_object_get_data (G_OBJECT (widget), "silk-item") == item)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_for (child, item);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
silk_sidebar_reveal_item (SilkSidebar *self,
                          SilkItem    *item)
{
  GtkWidget *widget;

  g_return_val_if_fail (SILK_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (SILK_IS_ITEM (item), FALSE);

  widget = find_widget_for (silk_sidebar_get_page (self), item);
  if (widget == NULL)
    return FALSE;

  /* A card inside a collapsed expander (regional figures) comes out first. */
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    if (ADW_IS_EXPANDER_ROW (ancestor))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ancestor), TRUE);

  /* The page's viewport scrolls to whatever holds the focus. */
  gtk_widget_set_focusable (widget, TRUE);
  return gtk_widget_grab_focus (widget);
}

static void
silk_sidebar_dispose (GObject *object)
{
  SilkSidebar *self = SILK_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SILK_TYPE_SIDEBAR);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (silk_sidebar_parent_class)->dispose (object);
}

static void
silk_sidebar_class_init (SilkSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_sidebar_dispose;

  g_type_ensure (SILK_TYPE_OVERVIEW_PAGE);
  g_type_ensure (SILK_TYPE_COUNTRY_PAGE);
  g_type_ensure (SILK_TYPE_PROJECT_PAGE);
  g_type_ensure (SILK_TYPE_PLACE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/silkatlas/SilkAtlas/ui/silk-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SilkSidebar, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, SilkSidebar, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SilkSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, SilkSidebar, overview_page);
  gtk_widget_class_bind_template_child (widget_class, SilkSidebar, country_page);
  gtk_widget_class_bind_template_child (widget_class, SilkSidebar, project_page);
  gtk_widget_class_bind_template_child (widget_class, SilkSidebar, place_page);
  gtk_widget_class_set_css_name (widget_class, "silksidebar");
}

static void
silk_sidebar_init (SilkSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
