/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "silk-search.h"

static SilkDocument *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  SilkDocument *document = silk_document_load_bundled (&error);

  g_assert_no_error (error);
  return document;
}

static gboolean
found (SilkDocument *document,
       const char   *query,
       SilkItem     *item,
       guint        *position)
{
  g_autoptr(GPtrArray) results = silk_search_items (document, query, 50);

  return g_ptr_array_find (results, item, position);
}

static void
test_normalize (void)
{
  static const struct
  {
    const char *text;
    const char *normalized;
  } cases[] = {
    { "China–Kyrgyzstan–Uzbekistan railway", "china kyrgyzstan uzbekistan railway" },
    { "cku-railway", "cku railway" },
    { "  “China–Central Asia Spirit”  ", "china central asia spirit" },
    { "Ферганский тоннель", "ферганскии тоннель" },
    { "Jalal-Abad", "jalal abad" },
    { "中吉乌铁路", "中吉乌铁路" },
    { "", "" },
    { " - ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = silk_search_normalize (cases[i].text);

      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

static void
test_every_project_by_part_of_its_name_and_id (void)
{
  g_autoptr(SilkDocument) document = load_bundled ();
  GListModel *projects = silk_document_get_items (document, SILK_ITEM_PROJECT);

  g_assert_cmpuint (g_list_model_get_n_items (projects), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(SilkItem) project = g_list_model_get_item (projects, i);
      const char *name = silk_item_get_name (project);
      glong length = g_utf8_strlen (name, -1);
      g_autofree char *middle = NULL;
      g_autofree char *upper = g_utf8_strup (name, -1);
      guint position;

      /* The id finds it first. */
      g_assert_true (found (document, silk_item_get_id (project), project, &position));
      g_assert_cmpuint (position, ==, 0);

      /* So does its whole name, in any case. */
      g_assert_true (found (document, upper, project, &position));
      g_assert_cmpuint (position, ==, 0);

      /* And a part from the middle of its name. */
      middle = g_utf8_substring (name, length / 3, length / 3 + MAX (4, length / 3));
      g_assert_true (found (document, middle, project, NULL));

      /* And each of its words alone. */
      {
        g_autofree char *normalized = silk_search_normalize (name);
        g_auto(GStrv) words = g_strsplit (normalized, " ", -1);

        for (guint w = 0; words[w] != NULL; w++)
          g_assert_true (found (document, words[w], project, NULL));
      }
    }
}

static void
test_other_languages_and_typing (void)
{
  g_autoptr(SilkDocument) document = load_bundled ();
  SilkItem *railway = silk_document_lookup (document, "cku-railway");
  SilkItem *tunnel = silk_document_lookup (document, "fergana-tunnel");
  SilkItem *kashgar = silk_document_lookup (document, "kashgar");
  SilkItem *kyrgyzstan = silk_document_lookup (document, "KG");
  guint position;

  /* A Russian or Chinese name finds the item whatever the interface language. */
  g_assert_true (found (document, "Ферганский", tunnel, NULL));
  g_assert_true (found (document, "中吉乌", railway, NULL));
  g_assert_true (found (document, "Кашгар", kashgar, NULL));

  /* A hyphen typed for an en dash, and words in another order. */
  g_assert_true (found (document, "china-kyrgyzstan", railway, NULL));
  g_assert_true (found (document, "railway uzbek", railway, NULL));

  /* A country comes before the projects that carry its name. */
  g_assert_true (found (document, "kyrgyz", kyrgyzstan, &position));
  g_assert_cmpuint (position, ==, 0);

  /* Events and figures too. */
  g_assert_true (found (document, "summit", silk_document_lookup (document, "second-summit"), NULL));
  g_assert_true (found (document, "sister", silk_document_lookup (document, "sister-city-pairs"), NULL));
}

static void
test_empty_and_no_match (void)
{
  g_autoptr(SilkDocument) document = load_bundled ();
  const char *nothing[] = { "", "   ", "—", "zzzqqq", "railway zzzqqq" };

  for (guint i = 0; i < G_N_ELEMENTS (nothing); i++)
    {
      g_autoptr(GPtrArray) results = silk_search_items (document, nothing[i], 50);

      g_assert_cmpuint (results->len, ==, 0);
    }

  /* And the limit holds. */
  {
    g_autoptr(GPtrArray) results = silk_search_items (document, "a", 3);

    g_assert_cmpuint (results->len, ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/normalize", test_normalize);
  g_test_add_func ("/search/every-project-by-name-and-id", test_every_project_by_part_of_its_name_and_id);
  g_test_add_func ("/search/other-languages-and-typing", test_other_languages_and_typing);
  g_test_add_func ("/search/empty-and-no-match", test_empty_and_no_match);

  return g_test_run ();
}
