/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers the widget tests share: the real window, and ways to look into it as a
 * person would, by what it shows. */

#include <adwaita.h>

#include "silk-window-private.h"

static inline SilkWindow *
silk_test_window_new (const char *select)
{
  SilkWindow *window = g_object_new (SILK_TYPE_WINDOW, NULL);

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  silk_window_open (window, NULL, select);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window))
         || gtk_widget_get_width (GTK_WIDGET (silk_window_get_timeline (window))) == 0)
    g_main_context_iteration (NULL, TRUE);

  return window;
}

static inline void
silk_test_window_close (SilkWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* A toplevel window of @type, transient for @parent unless that is NULL, or NULL. */
static inline GtkWindow *
silk_test_find_toplevel (GType      type,
                         GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && (parent == NULL || gtk_window_get_transient_for (toplevel) == parent))
        return toplevel;
    }

  return NULL;
}

/* The message dialog the window shows (a load or export error), or NULL. */
static inline GtkWindow *
silk_test_find_message_dialog (SilkWindow *window)
{
  return silk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
}

/* The first widget of @type at or below @widget, depth first. */
static inline GtkWidget *
silk_test_find_descendant (GtkWidget *widget,
                           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = silk_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline void
silk_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*SilkTestMatch) (GtkWidget *widget,
                                   gpointer   data);

static inline void
silk_test_collect (GtkWidget     *widget,
                   SilkTestMatch  match,
                   gpointer       data,
                   GPtrArray     *found)
{
  if (match (widget, data))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    silk_test_collect (child, match, data, found);
}

static inline gboolean
silk_test_match_item (GtkWidget *widget,
                      gpointer   item)
{
  return GTK_IS_LIST_BOX_ROW (widget) && g_object_get_data (G_OBJECT (widget), "silk-item") == item;
}

/* The row of @page that stands for @item (a selectable row, a source, an event),
 * or NULL. */
static inline GtkWidget *
silk_test_find_row (GtkWidget *page,
                    gpointer   item)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  silk_test_collect (page, silk_test_match_item, item, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static inline gboolean
silk_test_match_label (GtkWidget *widget,
                       gpointer   text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* A label of @page whose text contains @text, or NULL. */
static inline GtkLabel *
silk_test_find_label (GtkWidget  *page,
                      const char *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  silk_test_collect (page, silk_test_match_label, (gpointer) text, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}
