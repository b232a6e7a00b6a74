/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window in Russian and in Chinese: the interface from the translations, the
 * atlas' names from the atlas, numbers and units for the locale. Each language runs
 * in a process of its own, set up before GTK starts, as a person's session is. */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>

#include "silk-export.h"
#include "silk-format.h"
#include "silk-test-util.h"

typedef struct
{
  const char *language;
  const char *locale;
  const char *window_title;   /* from the .po */
  const char *overview;       /* the sidebar's first page, from the .po */
  const char *kazakhstan;     /* from the atlas */
  const char *trade_value;    /* "nearly USD 80 bn" for the locale */
  const char *railway;        /* the legend's row, from the .po */
} Language;

static const Language languages[] = {
  { "ru", "ru_RU.UTF-8", "Шёлковый атлас", "Обзор", "Казахстан",
    "почти 80 млрд долл. США", "Железная дорога" },
  { "zh_CN", "zh_CN.UTF-8", "丝路地图集", "概览", "哈萨克斯坦", "近800亿美元", "铁路" },
};

/* Before anything is translated: the language, the locale and the build tree's
 * translations. FALSE if the system lacks the locale (build-aux/check makes it). */
static gboolean
use_language (const Language *language)
{
  const char *localedir = g_getenv ("SILK_ATLAS_LOCALEDIR");

  g_assert_nonnull (localedir);
  g_setenv ("LANGUAGE", language->language, TRUE);
  g_setenv ("LC_ALL", language->locale, TRUE);
  if (setlocale (LC_ALL, language->locale) == NULL)
    return FALSE;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

static gboolean
match_window_title (GtkWidget *widget,
                    gpointer   data)
{
  return ADW_IS_WINDOW_TITLE (widget);
}

static void
check_window (const Language *language)
{
  SilkWindow *window;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  GtkWidget *page;
  SilkItem *figure;
  g_autofree char *value = NULL;

  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();

  /* The translation is there and is used. */
  g_assert_cmpstr (_("Silk Atlas"), ==, language->window_title);

  window = silk_test_window_new (NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, language->window_title);
  silk_test_collect (GTK_WIDGET (window), match_window_title, NULL, titles);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (adw_window_title_get_title (g_ptr_array_index (titles, 0)), ==,
                   language->window_title);

  /* The overview: its heading from the interface's translation... */
  page = silk_sidebar_get_page (silk_window_get_sidebar (window));
  g_assert_nonnull (silk_test_find_label (GTK_WIDGET (silk_window_get_sidebar (window)),
                                          language->overview));
  /* ...its figures formatted for the locale. */
  figure = silk_document_lookup (silk_window_get_document (window), "trade-2025-jan-sep");
  value = silk_format_figure_value (SILK_FIGURE (figure));
  g_assert_cmpstr (value, ==, language->trade_value);
  g_assert_nonnull (silk_test_find_label (page, language->trade_value));

  /* A country's page: the name from the atlas. */
  silk_selection_set_item (silk_window_get_selection (window),
                           silk_document_lookup (silk_window_get_document (window), "KZ"));
  silk_test_iterate ();
  page = silk_sidebar_get_page (silk_window_get_sidebar (window));
  g_assert_nonnull (silk_test_find_label (page, language->kazakhstan));

  silk_test_window_close (window);
}

static void
test_language (gconstpointer data)
{
  const Language *language = data;

  if (g_test_subprocess ())
    {
      if (!use_language (language))
        {
          g_autofree char *message = g_strdup_printf ("locale %s is not generated", language->locale);

          g_test_skip (message);
          return;
        }
      check_window (language);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static guint
unknown_glyphs (PangoContext *context,
                const char   *font,
                const char   *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  return pango_layout_get_unknown_glyphs_count (layout);
}

/* The map's names and legend in the language's script have glyphs in the fonts the
 * renderer asks for (no boxes, "tofu": for Chinese that takes a CJK font such as
 * fonts-noto-cjk), and the map exports. */
static void
test_map_text (gconstpointer data)
{
  const Language *language = data;

  if (g_test_subprocess ())
    {
      static const char *fonts[] = {
        "Noto Sans, DejaVu Sans, sans-serif Bold 12",
        "Noto Serif, DejaVu Serif, serif Italic 11",
      };
      static const SilkItemKind kinds[] = { SILK_ITEM_COUNTRY, SILK_ITEM_PLACE, SILK_ITEM_PROJECT };
      g_autoptr(SilkDocument) document = NULL;
      g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
      PangoContext *context;
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *path = NULL;
      const char *legend[] = { _("Legend"), _("Railway"), _("Highway"), _("Capital"), NULL };
      cairo_surface_t *surface;
      guint n_texts = 0;

      if (!use_language (language))
        {
          g_test_skip ("locale not generated");
          return;
        }
      g_assert_cmpstr (_("Railway"), ==, language->railway);
      document = silk_document_load_bundled (&error);
      g_assert_no_error (error);

      context = pango_font_map_create_context (font_map);
      pango_context_set_language (context, pango_language_from_string (language->language));
      for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
        {
          for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
            {
              GListModel *items = silk_document_get_items (document, kinds[k]);

              for (guint i = 0; i < g_list_model_get_n_items (items); i++)
                {
                  g_autoptr(SilkItem) item = g_list_model_get_item (items, i);
                  const char *name = silk_item_get_name (item);

                  if (unknown_glyphs (context, fonts[f], name) != 0)
                    g_error ("“%s” (%s) has characters no font draws", name, fonts[f]);
                  n_texts++;
                }
            }
          for (guint i = 0; legend[i] != NULL; i++)
            g_assert_cmpint (unknown_glyphs (context, fonts[f], legend[i]), ==, 0);
        }
      g_object_unref (context);
      g_assert_cmpuint (n_texts, >, 20);
      g_assert_cmpstr (silk_item_get_name (silk_document_lookup (document, "KZ")), ==,
                       language->kazakhstan);

      dir = g_dir_make_tmp ("silk-translations-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "map.png", NULL);
      g_assert_true (silk_export_map (document, NULL, path, 960, 600, FALSE, &error));
      g_assert_no_error (error);
      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_remove (path);
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* Not gtk_test_init(): it would fix the locale to en_US before the tests set
   * theirs. Each test initialises GTK in its own process. */
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *window = g_strdup_printf ("/translations/%s/window", languages[i].language);
      g_autofree char *map = g_strdup_printf ("/translations/%s/map-text", languages[i].language);

      g_test_add_data_func (window, &languages[i], test_language);
      g_test_add_data_func (map, &languages[i], test_map_text);
    }

  return g_test_run ();
}
