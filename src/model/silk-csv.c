/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "silk-csv.h"
#include "silk-format.h"

void
silk_csv_append_field (GString    *csv,
                       const char *field)
{
  g_return_if_fail (csv != NULL);

  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (csv, field);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest form that reads back as the same double: "15.6", never
   * "15.600000000000001", and "." whatever the locale. */
  g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value));
}

char *
silk_csv_figure_value (SilkFigure *figure)
{
  const SilkValue *value;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (SILK_IS_FIGURE (figure), NULL);

  value = silk_figure_get_value (figure);
  switch (value->kind)
    {
    case SILK_VALUE_ABOVE:
      g_string_append_c (out, '>');
      append_number (out, value->value);
      break;

    case SILK_VALUE_APPROACHING:
      g_string_append_c (out, '~');
      append_number (out, value->value);
      break;

    case SILK_VALUE_RANGE:
      append_number (out, value->value);
      g_string_append_c (out, '-');
      append_number (out, value->max);
      break;

    case SILK_VALUE_EXACT:
    default:
      append_number (out, value->value);
      break;
    }

  return g_string_free (out, FALSE);
}

static char *
period_field (const SilkPeriod *period)
{
  if (period->start.precision == SILK_DATE_NONE && period->end.precision == SILK_DATE_NONE)
    return g_strdup ("");

  return silk_period_to_iso (period);
}

static char *
sources_field (SilkItem *item)
{
  GPtrArray *sources = silk_item_get_sources (item);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      SilkSource *source = g_ptr_array_index (sources, i);
      const char *citation = silk_source_get_citation (source);

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, citation != NULL ? citation : silk_item_get_name (SILK_ITEM (source)));
    }

  return g_string_free (out, FALSE);
}

char *
silk_csv_write_figures (SilkDocument *document)
{
  GListModel *figures;
  GString *csv;

  g_return_val_if_fail (SILK_IS_DOCUMENT (document), NULL);

  figures = silk_document_get_items (document, SILK_ITEM_FIGURE);
  /* The header stays in English whatever the user's language: it names columns
   * for programs, not for people. */
  csv = g_string_new ("id,label,value,unit,period,qualifier,source\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(SilkFigure) figure = g_list_model_get_item (figures, i);
      SilkItem *item = SILK_ITEM (figure);
      g_autofree char *value = silk_csv_figure_value (figure);
      g_autofree char *period = period_field (silk_figure_get_period (figure));
      g_autofree char *sources = sources_field (item);
      const char *fields[] = {
        silk_item_get_id (item),
        silk_item_get_name (item),
        value,
        silk_figure_get_unit (figure),
        period,
        silk_qualifier_to_string (silk_figure_get_qualifier (figure)),
        sources,
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (f > 0)
            g_string_append_c (csv, ',');
          silk_csv_append_field (csv, fields[f]);
        }
      g_string_append (csv, "\r\n");
    }

  return g_string_free (csv, FALSE);
}
