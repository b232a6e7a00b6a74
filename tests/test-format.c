/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "silk-document.h"
#include "silk-format.h"

static SilkDocument *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format", "atlas.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SilkDocument *document;

  document = silk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static char *
format_value (SilkDocument *document,
              const char   *id)
{
  SilkItem *item = silk_document_lookup (document, id);

  g_assert_true (SILK_IS_FIGURE (item));
  return silk_format_figure_value (SILK_FIGURE (item));
}

static char *
format_period (SilkDocument *document,
               const char   *id)
{
  SilkItem *item = silk_document_lookup (document, id);

  g_assert_true (SILK_IS_FIGURE (item));
  return silk_format_period (silk_figure_get_period (SILK_FIGURE (item)));
}

#define assert_formatted(expr, expected) \
  G_STMT_START { \
    g_autofree char *_s = (expr); \
    g_assert_cmpstr (_s, ==, (expected)); \
  } G_STMT_END

/* Sets @name for numbers and dates; skips the test when the system lacks it
 * (build-aux/check generates the locales the tests use). */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_NUMERIC, name) == NULL || setlocale (LC_TIME, name) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not generated", name);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static void
restore_locale (void)
{
  setlocale (LC_NUMERIC, "C.UTF-8");
  setlocale (LC_TIME, "C.UTF-8");
}

static void
test_value_forms_english (void)
{
  g_autoptr(SilkDocument) document = load_fixture ();

  if (!use_locale ("en_US.UTF-8"))
    return;

  assert_formatted (format_value (document, "approaching"), "nearly USD 80 bn");
  assert_formatted (format_value (document, "growth"), "+15.6 %");
  assert_formatted (format_value (document, "above"), "> USD 100 bn");
  assert_formatted (format_value (document, "range"), "7–8 days");
  assert_formatted (format_value (document, "large"), "1,234,567.5");
  assert_formatted (format_value (document, "weekly"), "> 100 a week");

  restore_locale ();
}

static void
test_periods_english (void)
{
  g_autoptr(SilkDocument) document = load_fixture ();

  if (!use_locale ("en_US.UTF-8"))
    return;

  assert_formatted (format_period (document, "approaching"), "January–September 2025");
  assert_formatted (format_period (document, "above"), "2025");
  assert_formatted (format_period (document, "range"), "29 April 2025");
  assert_formatted (format_period (document, "large"), "until December 2025");
  assert_formatted (format_period (document, "weekly"), "December 2025");

  restore_locale ();
}

static void
test_value_forms_russian_numbers (void)
{
  g_autoptr(SilkDocument) document = load_fixture ();
  g_autofree char *large = NULL;
  struct lconv *conventions;
  g_autofree char *expected = NULL;

  if (!use_locale ("ru_RU.UTF-8"))
    return;

  /* Russian writes a decimal comma and groups digits with a (narrow) no-break
   * space; take the separator from the locale rather than guess the glibc version. */
  assert_formatted (format_value (document, "growth"), "+15,6 %");
  conventions = localeconv ();
  expected = g_strdup_printf ("1%s234%s567,5", conventions->thousands_sep,
                              conventions->thousands_sep);
  g_assert_cmpstr (conventions->thousands_sep, !=, "");
  large = format_value (document, "large");
  g_assert_cmpstr (large, ==, expected);

  restore_locale ();
}

/* The interface's language as well as the locale: the translations of the build
 * tree (SILK_ATLAS_LOCALEDIR, set by meson) choose the words and the units. FALSE
 * when the system lacks the locale. */
static gboolean
use_language (const char *language,
              const char *locale)
{
  const char *localedir = g_getenv ("SILK_ATLAS_LOCALEDIR");

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", language, TRUE);
  /* setlocale() also tells gettext that the language changed. */
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not generated", locale);

      g_setenv ("LANGUAGE", "en", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static void
restore_language (void)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_russian (void)
{
  g_autoptr(SilkDocument) document = load_fixture ();

  if (!use_language ("ru", "ru_RU.UTF-8"))
    return;

  assert_formatted (format_value (document, "approaching"), "почти 80 млрд долл. США");
  assert_formatted (format_value (document, "above"), "более 100 млрд долл. США");
  assert_formatted (format_value (document, "growth"), "+15,6 %");
  assert_formatted (format_value (document, "weekly"), "более 100 в неделю");
  /* Russian has three plural forms: 8 дней, but 2 дня and 1 день. */
  assert_formatted (format_value (document, "range"), "7–8 дней");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", 1), ==, "%s день");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", 3), ==, "%s дня");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", 11), ==, "%s дней");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", 21), ==, "%s день");
  /* Months in the nominative where they stand alone, the genitive with a day. */
  assert_formatted (format_period (document, "approaching"), "январь–сентябрь 2025 г.");
  assert_formatted (format_period (document, "range"), "29 апреля 2025 г.");
  assert_formatted (format_period (document, "large"), "по состоянию на декабрь 2025 г.");
  assert_formatted (silk_format_figure_citation (SILK_FIGURE (silk_document_lookup (document, "growth"))),
                    "Growth: +15,6 % (январь–сентябрь 2025 г., данные источника). "
                    "Источник: Silk Atlas tests, 29 December 2025.");

  restore_language ();
}

static void
test_chinese (void)
{
  g_autoptr(SilkDocument) document = load_fixture ();

  if (!use_language ("zh_CN", "zh_CN.UTF-8"))
    return;

  /* Chinese counts money in 亿 (10⁸): USD 80 billion are 800亿美元, and the digits
   * before 亿 are not grouped by thousands. */
  assert_formatted (format_value (document, "approaching"), "近800亿美元");
  assert_formatted (format_value (document, "above"), "1000亿美元以上");
  assert_formatted (format_value (document, "growth"), "+15.6%");
  assert_formatted (format_value (document, "range"), "7～8天");
  /* Other units keep the locale's grouping. */
  assert_formatted (format_value (document, "large"), "1,234,567.5");
  /* The year comes first, with the first date of a period within one year. */
  assert_formatted (format_period (document, "approaching"), "2025年1月至9月");
  assert_formatted (format_period (document, "above"), "2025年");
  assert_formatted (format_period (document, "range"), "2025年4月29日");
  assert_formatted (format_period (document, "large"), "截至2025年12月");
  assert_formatted (format_period (document, "weekly"), "2025年12月");

  restore_language ();
}

static void
test_iso_round_trip (void)
{
  const char *periods[] = { "2025", "2025-06", "2025-04-29", "2025-01/2025-09", "../2025-12",
                            "2025/2026" };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      SilkPeriod period;

      g_assert_true (silk_period_parse (periods[i], &period));
      assert_formatted (silk_period_to_iso (&period), periods[i]);
    }
}

static void
test_citation (void)
{
  g_autoptr(SilkDocument) document = load_fixture ();
  SilkItem *item = silk_document_lookup (document, "growth");
  g_autofree char *citation = silk_format_figure_citation (SILK_FIGURE (item));

  restore_locale ();
  g_assert_nonnull (strstr (citation, "Growth"));
  g_assert_nonnull (strstr (citation, "15.6"));
  g_assert_nonnull (strstr (citation, "Silk Atlas tests, 29 December 2025."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/value-forms/english", test_value_forms_english);
  g_test_add_func ("/format/periods/english", test_periods_english);
  g_test_add_func ("/format/value-forms/russian-numbers", test_value_forms_russian_numbers);
  g_test_add_func ("/format/period/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/format/translated/russian", test_russian);
  g_test_add_func ("/format/translated/chinese", test_chinese);
  g_test_add_func ("/format/citation", test_citation);

  return g_test_run ();
}
