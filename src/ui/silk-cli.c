/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "silk-cli.h"
#include "silk-format.h"

static const struct
{
  const char *plural;
  SilkItemKind kind;
} list_kinds[] = {
  { "countries", SILK_ITEM_COUNTRY },
  { "places", SILK_ITEM_PLACE },
  { "projects", SILK_ITEM_PROJECT },
  { "figures", SILK_ITEM_FIGURE },
  { "events", SILK_ITEM_EVENT },
  { "sources", SILK_ITEM_SOURCE },
  { "notes", SILK_ITEM_NOTE },
};

static char *
source_ids (SilkItem *item)
{
  GPtrArray *sources = silk_item_get_sources (item);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < sources->len; i++)
    g_strv_builder_add (builder, silk_item_get_id (g_ptr_array_index (sources, i)));
  ids = g_strv_builder_end (builder);

  return g_strjoinv (",", ids);
}

static void
print_item (SilkItem *item)
{
  const char *id = silk_item_get_id (item);
  const char *name = silk_item_get_name (item);

  if (SILK_IS_FIGURE (item))
    {
      SilkFigure *figure = SILK_FIGURE (item);
      g_autofree char *value = silk_format_figure_value (figure);
      g_autofree char *period = silk_period_to_iso (silk_figure_get_period (figure));
      g_autofree char *sources = source_ids (item);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", id, name, value,
               silk_figure_get_unit (figure), period,
               silk_qualifier_to_string (silk_figure_get_qualifier (figure)), sources);
    }
  else if (SILK_IS_EVENT (item))
    {
      g_autofree char *date = silk_period_to_iso (silk_event_get_date (SILK_EVENT (item)));

      g_print ("%s\t%s\t%s\n", id, name, date);
    }
  else
    {
      g_print ("%s\t%s\n", id, name);
    }
}

int
silk_cli_list (SilkDocument *document,
               const char   *kind)
{
  g_autoptr(GString) known = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (list_kinds); i++)
    {
      GListModel *items;

      if (g_strcmp0 (kind, list_kinds[i].plural) != 0)
        {
          g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", list_kinds[i].plural);
          continue;
        }

      items = silk_document_get_items (document, list_kinds[i].kind);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(SilkItem) item = g_list_model_get_item (items, j);

          print_item (item);
        }

      return 0;
    }

  g_printerr (_("Unknown list “%s”: expected one of %s\n"), kind, known->str);
  return 2;
}

int
silk_cli_validate (GFile *file)
{
  g_autoptr(SilkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  document = silk_document_load (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print (_("%s: a valid atlas: %u countries, %u projects, %u figures, %u events, %u sources\n"),
           name,
           g_list_model_get_n_items (silk_document_get_items (document, SILK_ITEM_COUNTRY)),
           g_list_model_get_n_items (silk_document_get_items (document, SILK_ITEM_PROJECT)),
           g_list_model_get_n_items (silk_document_get_items (document, SILK_ITEM_FIGURE)),
           g_list_model_get_n_items (silk_document_get_items (document, SILK_ITEM_EVENT)),
           g_list_model_get_n_items (silk_document_get_items (document, SILK_ITEM_SOURCE)));
  return 0;
}

SilkItem *
silk_cli_parse_select (SilkDocument *document,
                       const char   *select,
                       GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (select, ":", 2);
  SilkItemKind kind;
  SilkItem *item;

  if (g_strv_length (parts) != 2
      || !silk_item_kind_from_string (parts[0], &kind)
      || (kind != SILK_ITEM_COUNTRY && kind != SILK_ITEM_PROJECT && kind != SILK_ITEM_PLACE))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--select expects KIND:ID with KIND one of country, project, place "
                     "(for example project:cku-railway), not “%s”"), select);
      return NULL;
    }

  item = silk_document_lookup (document, parts[1]);
  if (item == NULL || silk_item_get_kind (item) != kind
      || (SILK_IS_COUNTRY (item) && !silk_country_is_member (SILK_COUNTRY (item))))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--select: the atlas has no %s with id “%s” (see --list=%s)"),
                   parts[0], parts[1],
                   kind == SILK_ITEM_COUNTRY ? "countries"
                   : kind == SILK_ITEM_PROJECT ? "projects" : "places");
      return NULL;
    }

  return item;
}
