/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-format.h"
#include "silk-search.h"
#include "silk-search-popover.h"
#include "silk-ui-util.h"

/* More would only scroll: a person refines the query instead. */
#define MAX_RESULTS 50

struct _SilkSearchPopover
{
  GtkPopover parent_instance;

  SilkDocument *document;
  GPtrArray *results;

  GtkSearchEntry *entry;
  GtkStack *stack;
  AdwStatusPage *no_results_page;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (SilkSearchPopover, silk_search_popover, GTK_TYPE_POPOVER)

/* What tells two results of the same name apart: the kind, and for projects their
 * mode and status, for events their date, for figures their value. */
static char *
describe_result (SilkItem *item)
{
  const char *kind = silk_ui_kind_label (silk_item_get_kind (item));
  g_autofree char *detail = NULL;

  if (SILK_IS_PROJECT (item))
    /* Translators: a project's mode and status, e.g. "railway, under construction" */
    detail = g_strdup_printf (_("%s, %s"),
                              silk_format_mode (silk_project_get_mode (SILK_PROJECT (item))),
                              silk_format_status (silk_project_get_status (SILK_PROJECT (item))));
  else if (SILK_IS_EVENT (item))
    detail = silk_format_period (silk_event_get_date (SILK_EVENT (item)));
  else if (SILK_IS_FIGURE (item))
    detail = silk_format_figure_value (SILK_FIGURE (item));

  if (detail == NULL)
    return g_strdup (kind);

  /* Translators: a search result's kind and detail, e.g. "Event · 29 April 2025" */
  return g_strdup_printf (_("%s · %s"), kind, detail);
}

static GtkWidget *
create_row (SilkItem *item)
{
  g_autofree char *title = g_markup_escape_text (silk_item_get_name (item), -1);
  g_autofree char *subtitle = describe_result (item);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (silk_ui_item_icon_name (item));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  silk_ui_kind_label (silk_item_get_kind (item)),
                                  -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "silk-item", g_object_ref (item), g_object_unref);

  return row;
}

static void
update_results (SilkSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->results, 0);

  if (self->document != NULL)
    {
      g_autoptr(GPtrArray) found = silk_search_items (self->document, text, MAX_RESULTS);

      for (guint i = 0; i < found->len; i++)
        {
          SilkItem *item = g_ptr_array_index (found, i);

          g_ptr_array_add (self->results, g_object_ref (item));
          gtk_list_box_append (self->list, create_row (item));
        }
    }

  if (self->results->len > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
    }
  else if (trimmed[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "hint");
    }
  else
    {
      g_autofree char *description =
        /* Translators: shown when a search finds nothing; %s is what was typed */
        g_strdup_printf (_("Nothing in the atlas is called “%s”. Try part of a name or an id."),
                         text);

      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
}

static void
on_search_changed (SilkSearchPopover *self)
{
  update_results (self);
}

static void
on_row_activated (SilkSearchPopover *self,
                  GtkListBoxRow     *row)
{
  SilkItem *item = g_object_get_data (G_OBJECT (row), "silk-item");

  /* Closed first, so that the focus can go where picking the item puts it (a
   * figure's card) rather than back to the search button. */
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-item", "s", silk_item_get_id (item));
}

static void
on_entry_activate (SilkSearchPopover *self)
{
  /* Results may be waiting for the typing delay: Enter should not. */
  update_results (self);
  silk_search_popover_activate_first (self);
}

static void
on_stop_search (SilkSearchPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      SilkSearchPopover     *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first == NULL)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
on_show (SilkSearchPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
silk_search_popover_dispose (GObject *object)
{
  SilkSearchPopover *self = SILK_SEARCH_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SILK_TYPE_SEARCH_POPOVER);
  g_clear_object (&self->document);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (silk_search_popover_parent_class)->dispose (object);
}

static void
silk_search_popover_class_init (SilkSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = silk_search_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/silkatlas/SilkAtlas/ui/silk-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SilkSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, SilkSearchPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, SilkSearchPopover, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, SilkSearchPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
}

static void
silk_search_popover_init (SilkSearchPopover *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->results = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
}

GtkWidget *
silk_search_popover_new (void)
{
  return g_object_new (SILK_TYPE_SEARCH_POPOVER, NULL);
}

void
silk_search_popover_set_document (SilkSearchPopover *self,
                                  SilkDocument      *document)
{
  g_return_if_fail (SILK_IS_SEARCH_POPOVER (self));
  g_return_if_fail (SILK_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    update_results (self);
}

void
silk_search_popover_search (SilkSearchPopover *self,
                            const char        *text)
{
  g_return_if_fail (SILK_IS_SEARCH_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  update_results (self);
}

gboolean
silk_search_popover_activate_first (SilkSearchPopover *self)
{
  GtkListBoxRow *first;

  g_return_val_if_fail (SILK_IS_SEARCH_POPOVER (self), FALSE);

  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first == NULL)
    return FALSE;

  /* As a click or Enter on the row would. */
  g_signal_emit_by_name (first, "activate");
  return TRUE;
}

guint
silk_search_popover_get_n_results (SilkSearchPopover *self)
{
  g_return_val_if_fail (SILK_IS_SEARCH_POPOVER (self), 0);

  return self->results->len;
}

SilkItem *
silk_search_popover_get_result (SilkSearchPopover *self,
                                guint              index)
{
  g_return_val_if_fail (SILK_IS_SEARCH_POPOVER (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  return g_ptr_array_index (self->results, index);
}

const char *
silk_search_popover_get_state (SilkSearchPopover *self)
{
  g_return_val_if_fail (SILK_IS_SEARCH_POPOVER (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
