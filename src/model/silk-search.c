/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "silk-search.h"

char *
silk_search_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  out = g_string_new (NULL);
  if (decomposed == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK
          || type == G_UNICODE_SPACING_MARK)
        continue;

      if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

enum
{
  RANK_ID = 0,
  RANK_EQUAL,
  RANK_PREFIX,
  RANK_WORD_PREFIX,
  RANK_SUBSTRING,
  RANK_NONE,
};

static gboolean
starts_word (const char *text,
             const char *at)
{
  return at == text || at[-1] == ' ';
}

/* How well @text (normalized) matches the normalized @query split into @words. */
static int
rank_text (const char         *text,
           const char         *query,
           const char * const *words)
{
  gboolean all_word_prefixes = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *at = strstr (text, words[i]);
      gboolean word_prefix = FALSE;

      if (at == NULL)
        return RANK_NONE;

      for (; at != NULL; at = strstr (at + 1, words[i]))
        if (starts_word (text, at))
          {
            word_prefix = TRUE;
            break;
          }
      all_word_prefixes &= word_prefix;
    }

  if (g_str_equal (text, query))
    return RANK_EQUAL;
  if (g_str_has_prefix (text, query))
    return RANK_PREFIX;
  return all_word_prefixes ? RANK_WORD_PREFIX : RANK_SUBSTRING;
}

static int
rank_item (SilkItem           *item,
           const char         *query,
           const char * const *words)
{
  g_autofree char *id = silk_search_normalize (silk_item_get_id (item));
  SilkText *name = silk_item_get_name_text (item);
  int best;

  if (g_str_equal (id, query))
    return RANK_ID;

  best = rank_text (id, query, words);

  if (name != NULL)
    {
      const char * const *all = silk_text_get_all (name);

      for (guint i = 0; all[i] != NULL && best > RANK_EQUAL; i++)
        {
          g_autofree char *text = silk_search_normalize (all[i]);

          best = MIN (best, rank_text (text, query, words));
        }
    }

  return best;
}

typedef struct
{
  SilkItem *item;
  int rank;
  guint order;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;

  if (ma->rank != mb->rank)
    return ma->rank - mb->rank;
  return (int) ma->order - (int) mb->order;
}

GPtrArray *
silk_search_items (SilkDocument *document,
                   const char   *query,
                   guint         max_results)
{
  /* Countries first: they are what most searches are for, and there are few. */
  static const SilkItemKind kinds[] = {
    SILK_ITEM_COUNTRY, SILK_ITEM_PROJECT, SILK_ITEM_PLACE, SILK_ITEM_EVENT, SILK_ITEM_FIGURE,
  };
  g_autofree char *normalized = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) matches = NULL;
  GPtrArray *results;
  guint order = 0;

  g_return_val_if_fail (SILK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  results = g_ptr_array_new_with_free_func (g_object_unref);
  normalized = silk_search_normalize (query);
  if (normalized[0] == '\0')
    return results;

  words = g_strsplit (normalized, " ", -1);
  matches = g_array_new (FALSE, FALSE, sizeof (Match));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *items = silk_document_get_items (document, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++, order++)
        {
          g_autoptr(SilkItem) item = g_list_model_get_item (items, i);
          Match match = { item, rank_item (item, normalized, (const char * const *) words), order };

          if (match.rank != RANK_NONE)
            g_array_append_val (matches, match);
        }
    }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len && i < max_results; i++)
    g_ptr_array_add (results, g_object_ref (g_array_index (matches, Match, i).item));

  return results;
}
