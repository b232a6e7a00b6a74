/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#include <math.h>

#include "silk-format.h"
#include "silk-place-page.h"
#include "silk-ui-util.h"

struct _SilkPlacePage
{
  AdwBin parent_instance;

  SilkPlace *place;
};

G_DEFINE_FINAL_TYPE (SilkPlacePage, silk_place_page, ADW_TYPE_BIN)

static const char *
kind_label (SilkPlaceKind kind)
{
  switch (kind)
    {
    case SILK_PLACE_CAPITAL:
      return C_("place kind", "Capital");
    case SILK_PLACE_CITY:
      return C_("place kind", "City");
    case SILK_PLACE_TOWN:
      return C_("place kind", "Town");
    case SILK_PLACE_PASS:
      return C_("place kind", "Mountain pass");
    default:
      g_return_val_if_reached ("");
    }
}

static char *
format_coordinates (SilkPlace *place)
{
  double latitude = silk_place_get_latitude (place);
  double longitude = silk_place_get_longitude (place);
  g_autofree char *lat = silk_format_number (fabs (latitude), 2);
  g_autofree char *lon = silk_format_number (fabs (longitude), 2);

  /* Translators: a position, e.g. "40.53° N, 72.80° E"; the second and fourth %s
   * are N/S and E/W */
  return g_strdup_printf (_("%s° %s, %s° %s"),
                          lat, latitude >= 0 ? C_("compass", "N") : C_("compass", "S"),
                          lon, longitude >= 0 ? C_("compass", "E") : C_("compass", "W"));
}

static void
build (SilkPlacePage *self,
       SilkDocument  *document)
{
  SilkItem *item = SILK_ITEM (self->place);
  const char *country_id = silk_place_get_country_id (self->place);
  SilkItem *country = country_id != NULL ? silk_document_lookup (document, country_id) : NULL;
  GListModel *projects = silk_document_get_items (document, SILK_ITEM_PROJECT);
  AdwPreferencesPage *page = silk_ui_page_new ();
  AdwPreferencesGroup *group;
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *coordinates = format_coordinates (self->place);
  g_autofree char *position = NULL;
  guint n_projects = 0;

  if (country != NULL && SILK_IS_COUNTRY (country))
    /* Translators: what a place is and where, e.g. "Mountain pass in Kyrgyzstan" */
    subtitle = g_strdup_printf (_("%s in %s"), kind_label (silk_place_get_place_kind (self->place)),
                                silk_item_get_name (country));
  else
    subtitle = g_strdup (kind_label (silk_place_get_place_kind (self->place)));

  silk_ui_add_heading (page, silk_item_get_name (item), subtitle, silk_item_get_description (item));
  g_ptr_array_add (cited, item);

  group = silk_ui_group_new (page, _("Location"), NULL);
  if (country != NULL && SILK_IS_COUNTRY (country) && silk_country_is_member (SILK_COUNTRY (country)))
    adw_preferences_group_add (group, silk_ui_item_row_new (country, _("Country")));

  position = silk_place_is_approximate (self->place)
             /* Translators: a position and a warning that it is approximate */
             ? g_strdup_printf (_("%s (approximate)"), coordinates)
             : g_strdup (coordinates);
  {
    GtkWidget *row = adw_action_row_new ();
    g_autofree char *escaped = g_markup_escape_text (position, -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Coordinates"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    adw_preferences_group_add (group, row);
  }

  group = silk_ui_group_new (page, _("Projects"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(SilkProject) project = g_list_model_get_item (projects, i);

      if (!g_ptr_array_find (silk_project_get_connects (project), self->place, NULL))
        continue;

      adw_preferences_group_add (group,
                                 silk_ui_item_row_new (SILK_ITEM (project),
                                                       silk_format_status (silk_project_get_status (project))));
      n_projects++;
    }
  if (n_projects == 0)
    adw_preferences_group_add (group, silk_ui_note_label_new (_("No project of the atlas ends at or "
                                                                "passes through this place.")));

  silk_ui_add_sources_group (page, cited);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (page));
}

static void
silk_place_page_dispose (GObject *object)
{
  SilkPlacePage *self = SILK_PLACE_PAGE (object);

  g_clear_object (&self->place);

  G_OBJECT_CLASS (silk_place_page_parent_class)->dispose (object);
}

static void
silk_place_page_class_init (SilkPlacePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = silk_place_page_dispose;
}

static void
silk_place_page_init (SilkPlacePage *self)
{
}

GtkWidget *
silk_place_page_new (void)
{
  return g_object_new (SILK_TYPE_PLACE_PAGE, NULL);
}

void
silk_place_page_set_place (SilkPlacePage *self,
                           SilkDocument  *document,
                           SilkPlace     *place)
{
  g_return_if_fail (SILK_IS_PLACE_PAGE (self));
  g_return_if_fail (SILK_IS_DOCUMENT (document));
  g_return_if_fail (SILK_IS_PLACE (place));

  g_set_object (&self->place, place);
  build (self, document);
}

SilkPlace *
silk_place_page_get_place (SilkPlacePage *self)
{
  g_return_val_if_fail (SILK_IS_PLACE_PAGE (self), NULL);

  return self->place;
}
