/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "silk-document.h"
#include "silk-selection.h"
#include "silk-test-files.h"

/* Every load of bad input runs in a child process, so that a crash or a hang fails
 * the test instead of ending the whole run. Returns TRUE in the parent, which has
 * then checked the child; the child goes on with the test body. */
static gboolean
ran_in_subprocess (void)
{
  if (g_test_subprocess ())
    return FALSE;

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return TRUE;
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "atlas", name, NULL);

  return g_file_new_for_path (path);
}

static SilkDocument *
load_fixture (const char  *name,
              GError     **error)
{
  g_autoptr(GFile) file = fixture (name);

  return silk_document_load (file, NULL, error);
}

/* Loads @file, which must fail with @code, and returns its problems, a line
 * each. */
static GStrv
load_problems (GFile         *file,
               SilkLoadError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = silk_document_load (file, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, SILK_LOAD_ERROR, (int) code);
  return g_strsplit (error->message, "\n", -1);
}

static GStrv
fixture_problems (const char    *name,
                  SilkLoadError  code)
{
  g_autoptr(GFile) file = fixture (name);

  return load_problems (file, code);
}

static SilkItem *
lookup (SilkDocument *document,
        const char   *id)
{
  SilkItem *item = silk_document_lookup (document, id);

  g_assert_nonnull (item);
  g_assert_cmpstr (silk_item_get_id (item), ==, id);
  return item;
}

static void
assert_ids (GPtrArray  *items,
            const char *expected)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            silk_item_get_id (g_ptr_array_index (items, i)));
  g_assert_cmpstr (ids->str, ==, expected);
}

static void
assert_model_ids (GListModel *model,
                  const char *expected)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  assert_ids (items, expected);
}

static void
test_valid_atlas (void)
{
  g_autoptr(GError) error = NULL;
  SilkDocument *document = load_fixture ("atlas.json", &error);
  SilkItem *kz, *kg, *ru, *astana, *torugart, *railway, *tunnel, *report;
  SilkGeometry *geometry;
  GPtrArray *borders;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (document);

  g_assert_cmpstr (silk_document_get_id (document), ==, "test-atlas");
  g_assert_cmpstr (silk_document_get_title (document), ==, "Test atlas");
  g_assert_cmpstr (silk_document_get_language (document), ==, "en");
  g_assert_cmpstr (silk_document_get_description (document), ==,
                   "A small atlas the loader tests read.");
  g_assert_true (g_str_has_suffix (g_file_peek_path (silk_document_get_file (document)),
                                   "atlas.json"));

  /* Countries: the members in file order, the unlisted feature as a neighbour. */
  assert_model_ids (silk_document_get_items (document, SILK_ITEM_COUNTRY), "KZ KG");
  g_assert_true (g_list_model_get_item_type (silk_document_get_items (document,
                                                                      SILK_ITEM_COUNTRY))
                 == SILK_TYPE_COUNTRY);
  kz = lookup (document, "KZ");
  kg = lookup (document, "KG");
  ru = lookup (document, "RU");
  g_assert_true (silk_country_is_member (SILK_COUNTRY (kz)));
  /* The manifest decides: KG's feature says "neighbour", but the manifest lists it. */
  g_assert_true (silk_country_is_member (SILK_COUNTRY (kg)));
  g_assert_false (silk_country_is_member (SILK_COUNTRY (ru)));
  assert_ids (silk_document_get_neighbours (document), "RU");
  g_assert_cmpstr (silk_item_get_name (kz), ==, "Kazakhstan");     /* the manifest's */
  g_assert_cmpstr (silk_item_get_name (kg), ==, "Kyrgyzstan");     /* the feature's */
  g_assert_cmpstr (silk_item_get_name (ru), ==, "Russia");
  g_assert_cmpstr (silk_item_get_description (kz), ==, "The largest country of the test atlas.");
  g_assert_null (silk_item_get_description (kg));
  g_assert_cmpint (silk_item_get_kind (kz), ==, SILK_ITEM_COUNTRY);
  g_assert_null (silk_document_lookup (document, "XX"));

  g_object_get (kz, "id", &id, "name", &name, NULL);
  g_assert_cmpstr (id, ==, "KZ");
  g_assert_cmpstr (name, ==, "Kazakhstan");

  /* Geometry and its detail levels. */
  g_assert_cmpuint (silk_document_get_n_detail_levels (document), ==, 2);
  geometry = silk_country_get_geometry (SILK_COUNTRY (kz), 0);
  g_assert_cmpuint (geometry->n_parts, ==, 2);
  g_assert_true (geometry->parts[1].hole);
  g_assert_true (silk_geometry_contains_point (geometry, 55, 50));
  g_assert_false (silk_geometry_contains_point (geometry, 61, 46));
  geometry = silk_country_get_geometry (SILK_COUNTRY (kz), 1);
  g_assert_cmpuint (geometry->n_points, ==, 4);
  g_assert_true (silk_country_get_geometry (SILK_COUNTRY (kz), 7) == geometry);
  geometry = silk_country_get_geometry (SILK_COUNTRY (kg), 0);
  g_assert_cmpuint (geometry->n_polygons, ==, 2);
  /* RU has no coarse outline: the finer one stands in. */
  g_assert_true (silk_country_get_geometry (SILK_COUNTRY (ru), 1)
                 == silk_country_get_geometry (SILK_COUNTRY (ru), 0));
  g_assert_cmpfloat (silk_document_get_bounds (document)->min_x, ==, 50);
  g_assert_cmpfloat (silk_document_get_bounds (document)->max_x, ==, 90);
  g_assert_cmpfloat (silk_document_get_bounds (document)->min_y, ==, 37);
  g_assert_cmpfloat (silk_document_get_bounds (document)->max_y, ==, 65);

  /* Places: the manifest's, then those only the places file has. */
  assert_model_ids (silk_document_get_items (document, SILK_ITEM_PLACE),
                    "astana bishkek torugart-pass almaty");
  astana = lookup (document, "astana");
  torugart = lookup (document, "torugart-pass");
  g_assert_true (SILK_PLACE (astana) == silk_country_get_capital (SILK_COUNTRY (kz)));
  g_assert_cmpstr (silk_item_get_name (astana), ==, "Astana");
  g_assert_cmpint (silk_place_get_place_kind (SILK_PLACE (astana)), ==, SILK_PLACE_CAPITAL);
  g_assert_cmpfloat (silk_place_get_longitude (SILK_PLACE (astana)), ==, 71.43);
  g_assert_cmpfloat (silk_place_get_latitude (SILK_PLACE (astana)), ==, 51.13);
  g_assert_cmpstr (silk_place_get_country_id (SILK_PLACE (astana)), ==, "KZ");
  g_assert_false (silk_place_is_approximate (SILK_PLACE (astana)));
  g_assert_cmpstr (silk_item_get_name (torugart), ==, "Torugart Pass");
  g_assert_cmpint (silk_place_get_place_kind (SILK_PLACE (torugart)), ==, SILK_PLACE_PASS);
  g_assert_true (silk_place_is_approximate (SILK_PLACE (torugart)));
  g_assert_cmpstr (silk_item_get_name (lookup (document, "almaty")), ==, "Almaty");

  /* Projects. */
  railway = lookup (document, "test-railway");
  tunnel = lookup (document, "test-tunnel");
  assert_model_ids (silk_document_get_items (document, SILK_ITEM_PROJECT),
                    "test-railway test-tunnel");
  g_assert_cmpint (silk_project_get_mode (SILK_PROJECT (railway)), ==, SILK_MODE_RAILWAY);
  g_assert_cmpint (silk_project_get_status (SILK_PROJECT (railway)), ==,
                   SILK_STATUS_UNDER_CONSTRUCTION);
  assert_ids (silk_project_get_countries (SILK_PROJECT (railway)), "KZ KG");
  assert_ids (silk_project_get_connects (SILK_PROJECT (railway)), "astana bishkek");
  g_assert_null (silk_project_get_parent (SILK_PROJECT (railway)));
  g_assert_cmpuint (silk_project_get_route (SILK_PROJECT (railway))->n_points, ==, 3);
  g_assert_true (silk_project_is_approximate (SILK_PROJECT (railway)));
  g_assert_cmpstr (silk_project_get_alignment_note (SILK_PROJECT (railway)), ==,
                   "The exact track is not public.");
  g_assert_true (silk_project_get_parent (SILK_PROJECT (tunnel)) == SILK_PROJECT (railway));
  g_assert_cmpint (silk_project_get_mode (SILK_PROJECT (tunnel)), ==, SILK_MODE_TUNNEL);
  g_assert_false (silk_project_is_approximate (SILK_PROJECT (tunnel)));
  g_assert_null (silk_project_get_alignment_note (SILK_PROJECT (tunnel)));
  g_assert_true (silk_item_concerns (tunnel, railway));
  g_assert_true (silk_item_concerns (tunnel, kg));
  g_assert_false (silk_item_concerns (tunnel, kz));
  assert_ids (silk_item_get_sources (railway), "report-1");
  g_assert_cmpstr (silk_mode_to_string (SILK_MODE_TUNNEL), ==, "tunnel");
  g_assert_cmpstr (silk_status_to_string (SILK_STATUS_PILOT_OPERATION), ==, "pilot-operation");

  /* Sources. */
  report = lookup (document, "report-1");
  g_assert_cmpstr (silk_item_get_name (report), ==, "A report");
  g_assert_cmpstr (silk_source_get_publisher (SILK_SOURCE (report)), ==, "A news agency");
  g_assert_cmpstr (silk_source_get_date (SILK_SOURCE (report)), ==, "2025-12-29");
  g_assert_cmpstr (silk_source_get_url (SILK_SOURCE (report)), ==, "https://example.org/report");
  g_assert_cmpstr (silk_source_get_kind_name (SILK_SOURCE (report)), ==, "report");
  g_assert_cmpstr (silk_source_get_citation (SILK_SOURCE (report)), ==,
                   "A news agency, 29 December 2025, \"A report\".");
  g_assert_null (silk_source_get_date (SILK_SOURCE (lookup (document, "dataset-1"))));
  g_assert_cmpstr (silk_source_get_publisher (SILK_SOURCE (lookup (document, "dataset-1"))), ==,
                   "A mapping project");

  /* Lines and lakes. */
  borders = silk_document_get_borders (document, 0);
  g_assert_cmpuint (borders->len, ==, 3);
  g_assert_cmpstr (((SilkFeature *) borders->pdata[0])->kind, ==, "border");
  g_assert_cmpstr (((SilkFeature *) borders->pdata[0])->countries[1], ==, "RU");
  g_assert_cmpstr (((SilkFeature *) borders->pdata[2])->kind, ==, "coast");
  g_assert_null (((SilkFeature *) borders->pdata[2])->countries);
  /* No coarser borders: the finest stand in. */
  g_assert_true (silk_document_get_borders (document, 1) == borders);
  g_assert_cmpuint (silk_document_get_lakes (document)->len, ==, 2);
  {
    SilkFeature *balkhash = silk_document_get_lakes (document)->pdata[0];
    SilkFeature *sea = silk_document_get_lakes (document)->pdata[1];
    SilkFeature *river = silk_document_get_rivers (document)->pdata[0];

    g_assert_cmpstr (balkhash->id, ==, "balkhash");
    g_assert_cmpstr (silk_text_get (balkhash->name), ==, "Lake Balkhash");
    g_assert_cmpstr (balkhash->kind, ==, "lake");
    g_assert_null (sea->name);
    g_assert_cmpstr (sea->kind, ==, "sea");
    g_assert_cmpuint (silk_document_get_rivers (document)->len, ==, 1);
    g_assert_cmpstr (river->kind, ==, "river");
    g_assert_cmpuint (river->geometry->n_points, ==, 3);
    g_assert_cmpfloat (river->geometry->points[1].y, ==, 45.5);
  }

  g_assert_finalize_object (document);
}

static void
test_valid_figures_and_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = load_fixture ("atlas.json", &error);
  const SilkValue *value;
  const SilkPeriod *period;
  SilkItem *item;

  g_assert_no_error (error);

  assert_model_ids (silk_document_get_items (document, SILK_ITEM_FIGURE),
                    "trade trade-growth days-saved investment");

  item = lookup (document, "trade");
  value = silk_figure_get_value (SILK_FIGURE (item));
  g_assert_cmpint (value->kind, ==, SILK_VALUE_APPROACHING);
  g_assert_cmpfloat (value->value, ==, 80);
  g_assert_cmpstr (silk_figure_get_unit (SILK_FIGURE (item)), ==, "usd-billion");
  g_assert_cmpstr (silk_figure_get_topic (SILK_FIGURE (item)), ==, "trade");
  g_assert_false (silk_figure_is_change (SILK_FIGURE (item)));
  period = silk_figure_get_period (SILK_FIGURE (item));
  g_assert_cmpint (period->start.precision, ==, SILK_DATE_MONTH);
  g_assert_cmpint (period->start.month, ==, 1);
  g_assert_cmpint (period->end.precision, ==, SILK_DATE_MONTH);
  g_assert_cmpint (period->end.month, ==, 9);
  g_assert_cmpstr (silk_item_get_description (item), ==, "Trade came close to USD 80 billion.");

  item = lookup (document, "trade-growth");
  g_assert_true (silk_figure_is_change (SILK_FIGURE (item)));
  g_assert_cmpint (silk_figure_get_value (SILK_FIGURE (item))->kind, ==, SILK_VALUE_EXACT);
  g_assert_cmpfloat (silk_figure_get_value (SILK_FIGURE (item))->value, ==, 15.6);
  g_assert_cmpint (silk_figure_get_period (SILK_FIGURE (item))->start.precision, ==,
                   SILK_DATE_YEAR);

  item = lookup (document, "days-saved");
  value = silk_figure_get_value (SILK_FIGURE (item));
  g_assert_cmpint (value->kind, ==, SILK_VALUE_RANGE);
  g_assert_cmpfloat (value->value, ==, 7);
  g_assert_cmpfloat (value->max, ==, 8);
  g_assert_cmpint (silk_figure_get_qualifier (SILK_FIGURE (item)), ==, SILK_QUALIFIER_ESTIMATE);
  g_assert_cmpstr (silk_figure_get_estimated_by (SILK_FIGURE (item)), ==, "World Bank");
  /* No period given. */
  g_assert_cmpint (silk_figure_get_period (SILK_FIGURE (item))->start.precision, ==,
                   SILK_DATE_NONE);
  g_assert_cmpint (silk_figure_get_period (SILK_FIGURE (item))->end.precision, ==,
                   SILK_DATE_NONE);

  item = lookup (document, "investment");
  g_assert_cmpint (silk_figure_get_value (SILK_FIGURE (item))->kind, ==, SILK_VALUE_ABOVE);
  g_assert_cmpint (silk_figure_get_qualifier (SILK_FIGURE (item)), ==, SILK_QUALIFIER_DERIVED);
  g_assert_cmpstr (silk_figure_get_derivation (SILK_FIGURE (item)), ==,
                   "The sum of the investments the report lists.");
  period = silk_figure_get_period (SILK_FIGURE (item));
  g_assert_cmpint (period->start.precision, ==, SILK_DATE_NONE);
  g_assert_cmpint (period->end.year, ==, 2025);
  g_assert_cmpint (period->end.month, ==, 12);
  assert_ids (silk_item_get_sources (item), "report-1 dataset-1");

  item = lookup (document, "tunnel-start");
  period = silk_event_get_date (SILK_EVENT (item));
  g_assert_cmpint (period->start.precision, ==, SILK_DATE_DAY);
  g_assert_cmpint (period->start.day, ==, 29);
  g_assert_cmpint (silk_event_get_qualifier (SILK_EVENT (item)), ==, SILK_QUALIFIER_REPORTED);
  g_assert_null (silk_event_get_derivation (SILK_EVENT (item)));
  period = silk_event_get_date (SILK_EVENT (lookup (document, "years-of-cooperation")));
  g_assert_cmpint (period->start.year, ==, 2025);
  g_assert_cmpint (period->end.year, ==, 2026);
  item = lookup (document, "mechanism");
  g_assert_cmpint (silk_event_get_qualifier (SILK_EVENT (item)), ==, SILK_QUALIFIER_DERIVED);
  g_assert_cmpstr (silk_event_get_derivation (SILK_EVENT (item)), ==, "Five years before 2025.");

  item = lookup (document, "students");
  g_assert_cmpstr (silk_note_get_topic (SILK_NOTE (item)), ==, "institutions");
  g_assert_cmpstr (silk_item_get_description (item), ==, "Students study abroad.");
}

static void
test_related (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = load_fixture ("atlas.json", &error);
  SilkItem *kz, *kg;

  g_assert_no_error (error);
  kz = lookup (document, "KZ");
  kg = lookup (document, "KG");

  assert_ids (silk_document_get_related (document, kz, SILK_ITEM_FIGURE), "trade trade-growth");
  assert_ids (silk_document_get_related (document, kz, SILK_ITEM_PROJECT), "test-railway");
  assert_ids (silk_document_get_related (document, kz, SILK_ITEM_EVENT), "mechanism");
  assert_ids (silk_document_get_related (document, kz, SILK_ITEM_NOTE), "students");
  assert_ids (silk_document_get_related (document, kg, SILK_ITEM_PROJECT),
              "test-railway test-tunnel");
  assert_ids (silk_document_get_related (document, lookup (document, "test-railway"),
                                        SILK_ITEM_PROJECT), "test-tunnel");
  assert_ids (silk_document_get_related (document, lookup (document, "test-railway"),
                                        SILK_ITEM_FIGURE), "days-saved");
  assert_ids (silk_document_get_related (document, lookup (document, "test-tunnel"),
                                        SILK_ITEM_EVENT), "tunnel-start");
  assert_ids (silk_document_get_related (document, lookup (document, "astana"),
                                        SILK_ITEM_FIGURE), "days-saved");
  assert_ids (silk_document_get_related (document, lookup (document, "astana"),
                                        SILK_ITEM_PROJECT), "test-railway");
  /* A source relates to what cites it. */
  assert_ids (silk_document_get_related (document, lookup (document, "dataset-1"),
                                        SILK_ITEM_FIGURE), "investment");
  assert_ids (silk_document_get_related (document, lookup (document, "dataset-1"),
                                        SILK_ITEM_COUNTRY), "KZ");
  assert_ids (silk_document_get_related (document, lookup (document, "RU"), SILK_ITEM_FIGURE), "");
}

static void
set_language (const char *language)
{
  g_assert_true (g_setenv ("LANGUAGE", language, TRUE));
}

static void
test_languages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = load_fixture ("atlas.json", &error);
  SilkItem *kz, *kg, *report;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_assert_no_error (error);
  kz = lookup (document, "KZ");
  kg = lookup (document, "KG");
  report = lookup (document, "report-1");

  set_language ("ru");
  g_assert_cmpstr (silk_item_get_name (kz), ==, "Казахстан");
  g_assert_cmpstr (silk_item_get_name (kg), ==, "Киргизия");
  g_assert_cmpstr (silk_document_get_title (document), ==, "Тестовый атлас");
  /* Plain strings are in the atlas' language, whatever the user's. */
  g_assert_cmpstr (silk_item_get_name (report), ==, "A report");

  set_language ("zh_CN");
  g_assert_cmpstr (silk_item_get_name (kz), ==, "哈萨克斯坦");
  g_assert_cmpstr (silk_document_get_title (document), ==, "测试地图集");
  /* No Chinese name: the atlas' language. */
  g_assert_cmpstr (silk_item_get_name (kg), ==, "Kyrgyzstan");

  /* "zh" answers "zh_TW" before another territory does, and another territory
   * before the atlas' language. */
  set_language ("zh_TW");
  g_assert_cmpstr (silk_item_get_name (kz), ==, "哈萨克");
  g_assert_cmpstr (silk_document_get_title (document), ==, "测试地图集");

  set_language ("de:ru");
  g_assert_cmpstr (silk_item_get_name (kz), ==, "Казахстан");

  set_language ("de");
  g_assert_cmpstr (silk_item_get_name (kz), ==, "Kazakhstan");

  if (saved != NULL)
    set_language (saved);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_text (void)
{
  g_autoptr(SilkText) plain = silk_text_new_plain ("ru", "Река");
  g_autoptr(SilkText) text = silk_text_new ("fr");
  const char * const *all;

  g_assert_cmpstr (silk_text_get (plain), ==, "Река");
  g_assert_cmpstr (silk_text_get_default (plain), ==, "Река");
  g_assert_cmpstr (silk_text_get_for_language (plain, "ru"), ==, "Река");
  g_assert_null (silk_text_get_for_language (plain, "en"));

  silk_text_add (text, "en", "River");
  silk_text_add (text, "zh", "河");
  silk_text_add (text, "zh_TW", "河流");
  /* The atlas' language (fr) has no entry: the first one is the default. */
  g_assert_cmpstr (silk_text_get_default (text), ==, "River");
  g_assert_cmpstr (silk_text_get_for_language (text, "zh_CN"), ==, "河");
  g_assert_cmpstr (silk_text_get_for_language (text, "zh_TW"), ==, "河流");
  g_assert_null (silk_text_get_for_language (text, "ru"));

  all = silk_text_get_all (text);
  g_assert_cmpuint (g_strv_length ((char **) all), ==, 3);
  g_assert_cmpstr (all[1], ==, "河");

  /* While building, a second string for a language replaces the first. */
  silk_text_add (text, "en", "Stream");
  g_assert_cmpstr (silk_text_get_for_language (text, "en"), ==, "Stream");
  g_assert_cmpuint (g_strv_length ((char **) silk_text_get_all (text)), ==, 3);
}

static void
test_types (void)
{
  SilkPeriod period;
  SilkItemKind kind;
  SilkQualifier qualifier;
  SilkDate a = { SILK_DATE_YEAR, 2025, 0, 0 };
  SilkDate b = { SILK_DATE_MONTH, 2025, 2, 0 };
  SilkDate c = { SILK_DATE_DAY, 2025, 1, 1 };

  g_assert_true (silk_period_parse ("2024-02-29", &period));
  g_assert_cmpint (period.start.precision, ==, SILK_DATE_DAY);
  g_assert_cmpint (period.end.precision, ==, SILK_DATE_NONE);
  g_assert_false (silk_period_parse ("2025-02-29", &period));
  g_assert_false (silk_period_parse ("2025-00", &period));
  g_assert_false (silk_period_parse ("25", &period));
  g_assert_false (silk_period_parse ("2025-1-01", &period));
  g_assert_false (silk_period_parse ("2025/2025", &period));
  g_assert_false (silk_period_parse ("2025-06/2025", &period));
  g_assert_false (silk_period_parse ("../", &period));
  g_assert_false (silk_period_parse ("", &period));
  g_assert_true (silk_period_parse ("2025/2025-06", &period));
  g_assert_true (silk_period_parse ("../2025", &period));
  g_assert_cmpint (period.start.precision, ==, SILK_DATE_NONE);
  g_assert_cmpint (period.end.precision, ==, SILK_DATE_YEAR);

  g_assert_cmpint (silk_date_to_days (&a), ==, silk_date_to_days (&c));
  g_assert_cmpint (silk_date_to_days (&b) - silk_date_to_days (&a), ==, 31);
  g_assert_cmpint (silk_date_to_days (&period.start), <, silk_date_to_days (&a));

  for (guint i = 0; i < SILK_N_ITEM_KINDS; i++)
    {
      g_assert_true (silk_item_kind_from_string (silk_item_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (silk_item_kind_from_string ("countries", &kind));
  g_assert_true (silk_qualifier_from_string ("forecast", &qualifier));
  g_assert_cmpint (qualifier, ==, SILK_QUALIFIER_FORECAST);
  g_assert_false (silk_qualifier_from_string ("guess", &qualifier));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_selection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = load_fixture ("atlas.json", &error);
  SilkSelection *selection = silk_selection_new ();
  SilkItem *kz, *kg;
  guint count = 0;

  g_assert_no_error (error);
  kz = lookup (document, "KZ");
  kg = lookup (document, "KG");

  g_signal_connect (selection, "notify::item", G_CALLBACK (count_notify), &count);
  g_assert_null (silk_selection_get_item (selection));

  silk_selection_set_item (selection, kz);
  g_assert_true (silk_selection_get_item (selection) == kz);
  g_assert_cmpuint (count, ==, 1);
  silk_selection_set_item (selection, kz);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (selection, "item", kg, NULL);
  g_assert_cmpuint (count, ==, 2);
  silk_selection_clear (selection);
  g_assert_null (silk_selection_get_item (selection));
  g_assert_cmpuint (count, ==, 3);
  silk_selection_clear (selection);
  g_assert_cmpuint (count, ==, 3);

  g_assert_finalize_object (selection);
}

typedef struct
{
  const char *name;
  const char *file;
  SilkLoadError code;
  /* The first line of the message: where, and a phrase of what. */
  const char *where;
  const char *phrase;
} BadCase;

static const BadCase bad_cases[] = {
  { "not-json", "bad-not-json.json", SILK_LOAD_ERROR_SYNTAX,
    "bad-not-json.json:1:1",
    "expected a value (an object, array, string, number, true, false or null), not \"this\"" },
  { "truncated", "bad-truncated.json", SILK_LOAD_ERROR_SYNTAX,
    "bad-truncated.json:17:5",
    "the object that begins here is not closed: the file ends at line 22, column 1" },
  { "empty", "bad-empty.json", SILK_LOAD_ERROR_SYNTAX,
    "bad-empty.json:1:1", "the file is empty" },
  { "folder", "geo", SILK_LOAD_ERROR_IO,
    "geo", "it is a folder, not a file" },
  { "missing", "nothing-here.json", SILK_LOAD_ERROR_IO,
    "nothing-here.json", "no such file" },
  { "not-utf8", "bad-utf8.json", SILK_LOAD_ERROR_SYNTAX,
    "bad-utf8.json:4:16", "the byte 0xE9 here is not valid UTF-8" },
  { "wrong-type", "bad-type.json", SILK_LOAD_ERROR_INVALID,
    "bad-type.json:55:20", "\"countries\" must be an array, not a string" },
  { "missing-member", "bad-missing.json", SILK_LOAD_ERROR_INVALID,
    "bad-missing.json:61:5", "project \"test-tunnel\" lacks the required member \"status\"" },
  { "unknown-id", "bad-unknown-id.json", SILK_LOAD_ERROR_INVALID,
    "bad-unknown-id.json:66:27", "unknown country id \"XX\" in \"countries\" (known: KG, KZ, RU)" },
  { "duplicate-id", "bad-duplicate-id.json", SILK_LOAD_ERROR_INVALID,
    "bad-duplicate-id.json:87:13", "duplicate id \"bishkek\" (first used at line 46)" },
  { "wrong-kind-id", "bad-wrong-kind.json", SILK_LOAD_ERROR_INVALID,
    "bad-wrong-kind.json:55:27", "\"astana\" in \"countries\" is a place, not a country" },
  { "bad-enum", "bad-enum.json", SILK_LOAD_ERROR_INVALID,
    "bad-enum.json:54:17",
    "\"status\" must be one of planned, under-construction, pilot-operation, in-operation, "
    "not \"finished\"" },
  { "bad-period", "bad-period.json", SILK_LOAD_ERROR_INVALID,
    "bad-period.json:81:17", "not \"2025-13\"" },
  { "bad-interval", "bad-interval.json", SILK_LOAD_ERROR_INVALID,
    "bad-interval.json:81:17",
    "the interval \"2025-09/2025-01\" in \"period\" must end after it begins" },
  { "non-finite", "bad-nonfinite.json", SILK_LOAD_ERROR_INVALID,
    "geo/bad-nonfinite.geojson:7:70", "the longitude is too large to be a finite number" },
  { "huge-integer", "bad-huge.json", SILK_LOAD_ERROR_LIMIT,
    "geo/bad-huge.geojson:7:74", "the integer 123456789012345678901234 does not fit in 64 bits" },
  { "out-of-range", "bad-range.json", SILK_LOAD_ERROR_INVALID,
    "geo/bad-range.geojson:7:70",
    "longitude 200 is out of range: it must lie between -180 and 180" },
  { "unclosed-ring", "bad-unclosed-ring.json", SILK_LOAD_ERROR_INVALID,
    "geo/bad-unclosed-ring.geojson:7:56",
    "ring 1 of polygon 1 is not closed: its last position must equal its first" },
  { "short-ring", "bad-short-ring.json", SILK_LOAD_ERROR_INVALID,
    "geo/bad-short-ring.geojson:11:12",
    "ring 1 of polygon 2 has 3 positions; a ring needs at least 4" },
  { "crossing-ring", "bad-crossing.json", SILK_LOAD_ERROR_INVALID,
    "geo/bad-crossing.geojson:9:26",
    "the outer ring of polygon 1 crosses itself: its edge from position 1 to 2 crosses the "
    "edge from position 3 to 4" },
  { "geometry-type", "bad-geometry-type.json", SILK_LOAD_ERROR_INVALID,
    "geo/bad-geometry-type.geojson:7:29",
    "expected a LineString or MultiLineString geometry here, not \"Point\"" },
  { "deep-nesting", "bad-deep.json", SILK_LOAD_ERROR_LIMIT,
    "bad-deep.json:6:81", "an atlas file may nest at most 64 levels" },
  { "escaping-path", "bad-escape.json", SILK_LOAD_ERROR_INVALID,
    "bad-escape.json:12:15", "\"../outside.geojson\" leaves the atlas folder" },
  { "absolute-path", "bad-absolute.json", SILK_LOAD_ERROR_INVALID,
    "bad-absolute.json:12:15", "\"/etc/passwd\" is an absolute path" },
  { "missing-geometry-file", "bad-missing-file.json", SILK_LOAD_ERROR_IO,
    "bad-missing-file.json:12:15", "cannot read \"geo/missing.geojson\": no such file" },
  { "geometry-path-is-folder", "bad-folder-path.json", SILK_LOAD_ERROR_IO,
    "bad-folder-path.json:12:15", "cannot read \"geo\": it is a folder, not a file" },
  { "unknown-member", "bad-unknown-member.json", SILK_LOAD_ERROR_INVALID,
    "bad-unknown-member.json:59:7", "unknown member \"souces\" in project \"test-railway\"" },
  { "duplicate-member", "bad-duplicate-member.json", SILK_LOAD_ERROR_INVALID,
    "bad-duplicate-member.json:65:7",
    "the member name \"mode\" appears twice in this object (first at line 64, column 7)" },
  { "derived-without-derivation", "bad-derived.json", SILK_LOAD_ERROR_INVALID,
    "bad-derived.json:146:20", "event \"mechanism\" is \"derived\" but says not how" },
  { "parent-cycle", "bad-cycle.json", SILK_LOAD_ERROR_INVALID,
    "bad-cycle.json:56:17", "project \"test-railway\" is its own ancestor" },
  { "language-code", "bad-language.json", SILK_LOAD_ERROR_INVALID,
    "bad-language.json:4:34", "\"Russian\" in \"title\" is not a language code" },
  { "format-version", "bad-version.json", SILK_LOAD_ERROR_INVALID,
    "bad-version.json:2:17",
    "this atlas is in format version 2; this version of Silk Atlas reads version 1" },
  { "not-a-manifest", "geo/countries.geojson", SILK_LOAD_ERROR_INVALID,
    "geo/countries.geojson:1:1", "this is not a Silk Atlas manifest" },
  { "capital-elsewhere", "bad-capital.json", SILK_LOAD_ERROR_INVALID,
    "bad-capital.json:43:30",
    "capital \"astana\" lies in country \"KZ\" according to the places file, not in \"RU\"" },
  { "route-ids", "bad-route.json", SILK_LOAD_ERROR_INVALID,
    "geo/bad-route.geojson:7:31",
    "\"mode\" is \"highway\" here, but project \"test-railway\" has mode \"railway\"" },
  /* JSON has no NaN: the literal is a syntax error where it stands. */
  { "nan", "bad-nan.json", SILK_LOAD_ERROR_SYNTAX,
    "geo/bad-nan.geojson:7:70",
    "expected a value (an object, array, string, number, true, false or null), not \"NaN\"" },
  { "empty-ring", "bad-empty-ring.json", SILK_LOAD_ERROR_INVALID,
    "geo/bad-empty-ring.geojson:7:56", "ring 1 of polygon 1 has 0 positions" },
  { "huge-number", "bad-huge-value.json", SILK_LOAD_ERROR_INVALID,
    "bad-huge-value.json:91:16", "\"value\" is too large to be a finite number" },
  /* Found by tests/fuzz: names that differ only in their escapes are the same name
   * to the parser, which refused them while the checker, comparing the raw text,
   * let them through (tests/fuzz/regressions/json/escaped-duplicate-names.json). */
  { "escaped-duplicate-member", "bad-escaped-duplicate.json", SILK_LOAD_ERROR_INVALID,
    "bad-escaped-duplicate.json:4:3",
    "the member name \"\\u0069d\" appears twice in this object (first at line 3, column 3)" },
  /* Found by tests/fuzz: sources citing each other in a circle leaked the document
   * (tests/fuzz/regressions/manifest/leak-source-cites-itself.json). */
  { "source-cycle", "bad-source-cycle.json", SILK_LOAD_ERROR_INVALID,
    "bad-source-cycle.json:25:18", "source \"report-1\" cites itself in \"sources\"" },
  /* Found by tests/fuzz: a line break in a quoted value split one problem over two
   * lines (tests/fuzz/regressions/manifest/crash-line-break-in-message.json). */
  { "line-break-in-value", "bad-line-break.json", SILK_LOAD_ERROR_INVALID,
    "bad-line-break.json:46:13", "not \"bish\\nkek\"" },
};

/* Checks that @line is "…/WHERE: …PHRASE…". */
static void
assert_problem (const char *line,
                const char *where,
                const char *phrase)
{
  g_autofree char *located = g_strdup_printf ("/%s: ", where);
  const char *at = strstr (line, located);

  if (at == NULL || strstr (at + strlen (located), phrase) == NULL)
    g_error ("expected a line with \"%s\" and then \"%s\", got \"%s\"", located, phrase, line);

  /* Nothing but the file's path stands before the position. */
  g_assert_null (memchr (line, ' ', at - line));
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_auto(GStrv) lines = NULL;

  if (ran_in_subprocess ())
    return;

  lines = fixture_problems (bad->file, bad->code);
  assert_problem (lines[0], bad->where, bad->phrase);

  /* One problem per line, whatever the atlas' strings hold. */
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_nonnull (strstr (lines[i], ": "));
}

/* Every source of a circle of citations is reported, and the document does not
 * leak (the ASan run of the test suite checks). */
static void
test_source_cycle (void)
{
  g_auto(GStrv) lines = NULL;

  if (ran_in_subprocess ())
    return;

  lines = fixture_problems ("bad-source-cycle.json", SILK_LOAD_ERROR_INVALID);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  assert_problem (lines[0], "bad-source-cycle.json:25:18",
                  "source \"report-1\" cites itself in \"sources\"");
  assert_problem (lines[1], "bad-source-cycle.json:33:18",
                  "source \"dataset-1\" cites \"report-1\", which cites it back through "
                  "\"sources\"; citations may not go round in a circle");
}

/* A load goes on past the first problem and lists them all, in file order. */
static void
test_several_problems (void)
{
  g_auto(GStrv) lines = NULL;

  if (ran_in_subprocess ())
    return;

  lines = fixture_problems ("bad-several.json", SILK_LOAD_ERROR_INVALID);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  assert_problem (lines[0], "bad-several.json:54:17", "not \"finished\"");
  assert_problem (lines[1], "bad-several.json:92:15", "\"unit\" must be one of usd-billion");
  assert_problem (lines[2], "bad-several.json:127:15", "not \"2025-04-31\"");

  g_strfreev (lines);
  lines = fixture_problems ("bad-route.json", SILK_LOAD_ERROR_INVALID);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  assert_problem (lines[1], "geo/bad-route.geojson:12:13",
                  "route \"astana\" names a place, not a project");
  assert_problem (lines[2], "geo/bad-route.geojson:18:13",
                  "route \"no-such-project\" matches no project (known: test-railway, "
                  "test-tunnel)");
}

/* A temporary atlas folder with the fixture's countries and places, for inputs
 * that are too large to keep in the repository. */
static char *
make_temp_atlas (const char *manifest)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("silk-test-loader-XXXXXX", &error);
  g_autofree char *geo = NULL;
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  geo = g_build_filename (dir, "geo", NULL);
  g_assert_cmpint (g_mkdir (geo, 0700), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "countries.geojson" : "places.geojson";
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "atlas", "geo", name,
                                                       NULL);
      g_autofree char *target = g_build_filename (geo, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &contents, &length, &error));
      g_assert_true (g_file_set_contents (target, contents, length, &error));
    }

  path = g_build_filename (dir, "atlas.json", NULL);
  g_assert_true (g_file_set_contents (path, manifest, -1, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

#define SMALL_MANIFEST_START \
  "{\n" \
  "  \"silk-atlas\": 1,\n" \
  "  \"id\": \"generated\",\n" \
  "  \"title\": \"Generated\",\n" \
  "  \"geometry\": { \"countries\": \"geo/countries.geojson\", " \
  "\"places\": \"geo/places.geojson\"%s },\n" \
  "  \"sources\": [],\n" \
  "  \"countries\": [ { \"id\": \"KZ\", \"capital\": \"astana\" }, " \
  "{ \"id\": \"KG\", \"capital\": \"bishkek\" } ]"

/* However many problems there are, the message lists SILK_LOAD_MAX_PROBLEMS. */
static void
test_problem_limit (void)
{
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) lines = NULL;

  if (ran_in_subprocess ())
    return;

  g_string_append_printf (manifest, SMALL_MANIFEST_START, "");
  g_string_append (manifest, ",\n  \"notes\": [\n");
  for (guint i = 0; i < 2 * SILK_LOAD_MAX_PROBLEMS; i++)
    g_string_append_printf (manifest,
                            "    { \"id\": \"note-%u\", \"title\": \"Note\", \"text\": \"Text\", "
                            "\"topic\": \"gossip\", \"sources\": [] }%s\n",
                            i, i + 1 < 2 * SILK_LOAD_MAX_PROBLEMS ? "," : "");
  g_string_append (manifest, "  ]\n}\n");

  dir = make_temp_atlas (manifest->str);
  path = g_build_filename (dir, "atlas.json", NULL);
  file = g_file_new_for_path (path);

  lines = load_problems (file, SILK_LOAD_ERROR_INVALID);
  g_assert_cmpuint (g_strv_length (lines), ==, SILK_LOAD_MAX_PROBLEMS);
  /* The loader stops at the limit: the 50 are the first 50 notes' topics. */
  assert_problem (lines[0], "atlas.json:9:65", "\"topic\" must be one of trade");
  assert_problem (lines[SILK_LOAD_MAX_PROBLEMS - 1], "atlas.json:58:66", "not \"gossip\"");

  silk_test_remove_tree (dir);
}

/* A file over the size limit is refused from its size alone, before it is read. */
static void
test_size_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 start;
  int fd;

  if (ran_in_subprocess ())
    return;

  dir = g_dir_make_tmp ("silk-test-loader-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.json", NULL);

  /* Sparse: 100 MiB that take no room on the disk. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  file = g_file_new_for_path (path);
  start = g_get_monotonic_time ();
  document = silk_document_load (file, NULL, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  g_assert_null (document);
  g_assert_error (error, SILK_LOAD_ERROR, SILK_LOAD_ERROR_LIMIT);
  g_assert_true (g_str_has_suffix (error->message,
                                   "huge.json:1:1: the file is 100.0 MiB; an atlas file may be "
                                   "at most 64 MiB"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* One geometry of more than SILK_LOAD_MAX_POSITIONS positions. */
static void
test_position_limit (void)
{
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GString) rivers = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *rivers_path = NULL;

  if (ran_in_subprocess ())
    return;

  g_string_append_printf (manifest, SMALL_MANIFEST_START, ", \"rivers\": \"geo/long.geojson\"");
  g_string_append (manifest, "\n}\n");

  g_string_append (rivers,
                   "{\n"
                   "  \"type\": \"FeatureCollection\",\n"
                   "  \"features\": [\n"
                   "    { \"type\": \"Feature\", \"properties\": {}, \"geometry\": {\n"
                   "      \"type\": \"LineString\",\n"
                   "      \"coordinates\": [");
  for (guint i = 0; i <= SILK_LOAD_MAX_POSITIONS; i++)
    g_string_append (rivers, i > 0 ? ",[1,2]" : "[1,2]");
  g_string_append (rivers, "] } }\n  ]\n}\n");

  dir = make_temp_atlas (manifest->str);
  rivers_path = g_build_filename (dir, "geo", "long.geojson", NULL);
  g_assert_true (g_file_set_contents (rivers_path, rivers->str, rivers->len, &error));
  path = g_build_filename (dir, "atlas.json", NULL);
  file = g_file_new_for_path (path);

  document = silk_document_load (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, SILK_LOAD_ERROR, SILK_LOAD_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "long.geojson:6:22: this geometry has more than "
                                            "1000000 positions, the most one geometry may have"));

  silk_test_remove_tree (dir);
}

/* A temporary atlas whose lakes file, geo/generated.geojson, holds @geojson, with
 * @extra_geometry added to the manifest's "geometry"; returns its folder. */
static char *
make_temp_atlas_with_lakes (const char *geojson,
                            const char *extra_geometry)
{
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *members = g_strdup_printf (", \"lakes\": \"geo/generated.geojson\"%s",
                                              extra_geometry);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_string_append_printf (manifest, SMALL_MANIFEST_START, members);
  g_string_append (manifest, "\n}\n");
  dir = make_temp_atlas (manifest->str);
  path = g_build_filename (dir, "geo", "generated.geojson", NULL);
  g_assert_true (g_file_set_contents (path, geojson, -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&dir);
}

static void
assert_temp_atlas_fails (const char *dir,
                         int         code,
                         const char *expected)
{
  g_autofree char *path = g_build_filename (dir, "atlas.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = NULL;

  document = silk_document_load (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, SILK_LOAD_ERROR, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected \"%s\" in \"%s\"", expected, error->message);
}

/* A lakes file of one polygon, up to the first position of its outer ring: the
 * tests write the positions and close it. */
#define LAKE_RING_OPENING \
  "{ \"type\": \"FeatureCollection\", \"features\": [\n" \
  "  { \"type\": \"Feature\", \"properties\": {}, \"geometry\": {\n" \
  "    \"type\": \"Polygon\", \"coordinates\": [["

/* A ring made to defeat the self-crossing sweep: a zigzag whose every edge spans
 * the same longitudes. Checking it in full would take time in the square of its
 * size; the loader refuses it at once. */
static void
test_intricate_ring (void)
{
  g_autoptr(GString) lakes = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;
  const guint n = 4 * SILK_LOAD_MAX_EDGES_PER_MERIDIAN;
  gint64 start;

  if (ran_in_subprocess ())
    return;

  g_string_append (lakes, LAKE_RING_OPENING);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (lakes, "[%d, %.6f], ", i % 2 ? 70 : 60, 40 + 5.0 * i / n);
  g_string_append (lakes, "[71, 46], [71, 39], [59, 39], [60, 40]]] } } ] }\n");

  dir = make_temp_atlas_with_lakes (lakes->str, "");
  expected = g_strdup_printf ("generated.geojson:3:40: the outer ring of polygon 1 has more "
                              "than %u edges that cross one meridian, the most a ring may have",
                              SILK_LOAD_MAX_EDGES_PER_MERIDIAN);
  start = g_get_monotonic_time ();
  assert_temp_atlas_fails (dir, SILK_LOAD_ERROR_LIMIT, expected);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  silk_test_remove_tree (dir);
}

/* Loads the temporary atlas in @dir, which must fail, and returns its problems. */
static GStrv
temp_atlas_problems (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "atlas.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return load_problems (file, SILK_LOAD_ERROR_INVALID);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("expected \"%s\" in \"%s\"", part, text);
}

/* The geometry files are read and their rings checked on worker threads, where a
 * small file is done long before a large one named before it. Their problems still
 * come in the manifest's order, and the limit on problems still cuts them where a
 * load on one thread would. */
static void
test_geometry_file_order (void)
{
  static const char rivers[] =
    "{ \"type\": \"FeatureCollection\", \"features\": [\n"
    "  { \"type\": \"Feature\", \"properties\": {}, \"geometry\": "
    "{ \"type\": \"LineString\", \"coordinates\": [[70, 40]] } } ] }\n";
  g_autoptr(GString) lakes = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *rivers_path = NULL;
  g_auto(GStrv) lines = NULL;
  const guint n = 20000;

  if (ran_in_subprocess ())
    return;

  /* A large lake, then one whose outline crosses itself, with positions enough
   * for the sweep rather than the test of every pair. */
  g_string_append (lakes, LAKE_RING_OPENING);
  for (guint i = 0; i <= n; i++)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      guint k = i % n;

      g_ascii_formatd (x, sizeof x, "%.6f", 65 + 3 * cos (2 * G_PI * k / n));
      g_ascii_formatd (y, sizeof y, "%.6f", 40 + 3 * sin (2 * G_PI * k / n));
      g_string_append_printf (lakes, "%s[%s, %s]", i > 0 ? ", " : "", x, y);
    }
  g_string_append (lakes, "]] } },\n  { \"type\": \"Feature\", \"properties\": {}, "
                          "\"geometry\": { \"type\": \"Polygon\", \"coordinates\": [[");
  for (guint i = 0; i <= 40; i++)
    {
      guint k = i == 40 ? 0 : i == 10 ? 20 : i == 20 ? 10 : i;

      g_string_append_printf (lakes, "%s[%u, %u]", i > 0 ? ", " : "",
                              k < 20 ? 60 + k : 80 - (k - 20), k < 20 ? 40 : 41);
    }
  g_string_append (lakes, "]] } } ] }\n");

  dir = make_temp_atlas_with_lakes (lakes->str, ", \"rivers\": \"geo/rivers.geojson\"");
  rivers_path = g_build_filename (dir, "geo", "rivers.geojson", NULL);
  g_assert_true (g_file_set_contents (rivers_path, rivers, -1, NULL));

  lines = temp_atlas_problems (dir);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  assert_contains (lines[0], "generated.geojson:4:");
  assert_contains (lines[0], "the outer ring of polygon 1 crosses itself");
  assert_contains (lines[1], "rivers.geojson:2:");
  assert_contains (lines[1], "a line needs at least 2 positions, not 1");
  g_clear_pointer (&lines, g_strfreev);

  /* More problems in the lakes than a message lists: none from the rivers. */
  g_string_truncate (lakes, 0);
  g_string_append (lakes, "{ \"type\": \"FeatureCollection\", \"features\": [\n");
  for (guint i = 0; i < SILK_LOAD_MAX_PROBLEMS + 10; i++)
    g_string_append_printf (lakes,
                            "  { \"type\": \"Feature\", \"properties\": {}, \"geometry\": "
                            "{ \"type\": \"Polygon\", \"coordinates\": "
                            "[[[60, 40], [61, 40], [60, 40]]] } }%s\n",
                            i + 1 < SILK_LOAD_MAX_PROBLEMS + 10 ? "," : "");
  g_string_append (lakes, "] }\n");
  silk_test_remove_tree (dir);
  g_free (dir);
  dir = make_temp_atlas_with_lakes (lakes->str, ", \"rivers\": \"geo/rivers.geojson\"");
  g_free (rivers_path);
  rivers_path = g_build_filename (dir, "geo", "rivers.geojson", NULL);
  g_assert_true (g_file_set_contents (rivers_path, rivers, -1, NULL));

  lines = temp_atlas_problems (dir);
  g_assert_cmpuint (g_strv_length (lines), ==, SILK_LOAD_MAX_PROBLEMS);
  for (guint i = 0; i < SILK_LOAD_MAX_PROBLEMS; i++)
    {
      g_autofree char *where = g_strdup_printf ("generated.geojson:%u:", i + 2);

      assert_contains (lines[i], where);
      assert_contains (lines[i], "ring 1 of polygon 1 has 3 positions");
    }

  silk_test_remove_tree (dir);
}

/* The same file listed as more simplified levels than an atlas may have. */
static void
test_level_limit (void)
{
  g_autoptr(GString) levels = g_string_new (", \"countries-simplified\": [");
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;

  if (ran_in_subprocess ())
    return;

  for (guint i = 0; i <= SILK_LOAD_MAX_SIMPLIFIED; i++)
    g_string_append_printf (levels, "%s\"geo/countries.geojson\"", i > 0 ? ", " : "");
  g_string_append (levels, "]");

  dir = make_temp_atlas_with_lakes ("{ \"type\": \"FeatureCollection\", \"features\": [] }",
                                    levels->str);
  expected = g_strdup_printf ("atlas.json:5:145: \"countries-simplified\" lists %u files; an "
                              "atlas may have at most %u simplified levels",
                              SILK_LOAD_MAX_SIMPLIFIED + 1, SILK_LOAD_MAX_SIMPLIFIED);
  assert_temp_atlas_fails (dir, SILK_LOAD_ERROR_LIMIT, expected);

  silk_test_remove_tree (dir);
}

/* A text far longer than any name or summary. */
static void
test_text_limit (void)
{
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;

  if (ran_in_subprocess ())
    return;

  g_string_append_printf (manifest, SMALL_MANIFEST_START, "");
  g_string_append (manifest, ",\n  \"description\": { \"ru\": \"");
  for (guint i = 0; i <= SILK_LOAD_MAX_TEXT_LENGTH; i++)
    g_string_append (manifest, "ы");
  g_string_append (manifest, "\" }\n}\n");

  dir = make_temp_atlas (manifest->str);
  expected = g_strdup_printf ("atlas.json:8:26: \"description\" has %u characters, more than "
                              "the %u a text may have",
                              SILK_LOAD_MAX_TEXT_LENGTH + 1, SILK_LOAD_MAX_TEXT_LENGTH);
  assert_temp_atlas_fails (dir, SILK_LOAD_ERROR_LIMIT, expected);

  silk_test_remove_tree (dir);
}

/* More positions in all files together than an atlas may have, though each
 * geometry and each file keeps under its own limit: one file of lines listed as
 * the rivers, the borders and every simplified level of the borders. */
static void
test_total_position_limit (void)
{
  const guint per_line = SILK_LOAD_MAX_POSITIONS / 2;
  const guint n_listings = 2 + SILK_LOAD_MAX_SIMPLIFIED;
  const guint n_lines = SILK_LOAD_MAX_TOTAL_POSITIONS / (per_line * n_listings) + 1;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) members = g_string_new (", \"rivers\": \"geo/lines.geojson\", "
                                              "\"borders\": \"geo/lines.geojson\", "
                                              "\"borders-simplified\": [");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

#ifdef __SANITIZE_ADDRESS__
  /* Ten million positions take a minute there; the plain build runs this test. */
  g_test_skip ("too slow under AddressSanitizer");
  return;
#endif

  if (ran_in_subprocess ())
    return;

  g_string_append (lines, "{ \"type\": \"FeatureCollection\", \"features\": [\n");
  for (guint k = 0; k < n_lines; k++)
    {
      g_string_append (lines, "{\"type\":\"Feature\",\"properties\":{\"kind\":\"coast\"},"
                              "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[60,40]");
      for (guint i = 1; i < per_line; i++)
        g_string_append (lines, i % 2 ? ",[61,41]" : ",[60,40]");
      g_string_append_printf (lines, "]}}%s\n", k + 1 < n_lines ? "," : "");
    }
  g_string_append (lines, "] }\n");
  g_assert_cmpuint (lines->len, <, SILK_LOAD_MAX_FILE_SIZE);

  for (guint i = 0; i < SILK_LOAD_MAX_SIMPLIFIED; i++)
    g_string_append_printf (members, "%s\"geo/lines.geojson\"", i > 0 ? ", " : "");
  g_string_append (members, "]");

  dir = make_temp_atlas_with_lakes ("{ \"type\": \"FeatureCollection\", \"features\": [] }",
                                    members->str);
  path = g_build_filename (dir, "geo", "lines.geojson", NULL);
  g_assert_true (g_file_set_contents (path, lines->str, lines->len, &error));
  g_assert_no_error (error);

  /* At the geometry that goes over, in whichever listing of the file that is. */
  expected = g_strdup_printf ("lines.geojson:%u:60: with this geometry, the atlas' geometry "
                              "files have more than %u positions together, the most an atlas "
                              "may have", 3, SILK_LOAD_MAX_TOTAL_POSITIONS);
  assert_temp_atlas_fails (dir, SILK_LOAD_ERROR_LIMIT, expected);

  silk_test_remove_tree (dir);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = fixture ("atlas.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = NULL;

  g_cancellable_cancel (cancellable);
  document = silk_document_load (file, cancellable, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
bundled_data_exists (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "atlas.json", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  g_test_skip ("data/atlas.json does not exist yet");
  return FALSE;
}

static void
test_bundled_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = NULL;
  g_autofree char *scheme = NULL;
  gint64 start;

  if (!bundled_data_exists ())
    return;

  start = g_get_monotonic_time ();
  document = silk_document_load_bundled (&error);
  g_test_message ("silk_document_load_bundled() took %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  scheme = g_file_get_uri_scheme (silk_document_get_file (document));
  g_assert_cmpstr (scheme, ==, "resource");
}

/* What the bundled atlas must hold; extend as the data grows. */
static void
test_bundled_content (void)
{
  static const char * const members[] = { "CN", "KZ", "KG", "TJ", "TM", "UZ" };
  static const SilkItemKind cited[] = {
    SILK_ITEM_PROJECT, SILK_ITEM_FIGURE, SILK_ITEM_EVENT, SILK_ITEM_NOTE
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) document = NULL;

  if (!bundled_data_exists ())
    return;

  document = silk_document_load_bundled (&error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (silk_document_get_items (document,
                                                                       SILK_ITEM_COUNTRY)),
                    ==, G_N_ELEMENTS (members));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      SilkItem *country = lookup (document, members[i]);

      g_assert_true (SILK_IS_COUNTRY (country));
      g_assert_true (silk_country_is_member (SILK_COUNTRY (country)));
      g_assert_nonnull (silk_country_get_capital (SILK_COUNTRY (country)));
      g_assert_cmpuint (silk_country_get_geometry (SILK_COUNTRY (country), 0)->n_points, >, 0);
    }

  for (guint k = 0; k < G_N_ELEMENTS (cited); k++)
    {
      GListModel *items = silk_document_get_items (document, cited[k]);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SilkItem) item = g_list_model_get_item (items, i);

          if (silk_item_get_sources (item)->len == 0)
            g_error ("%s \"%s\" names no source", silk_item_kind_to_string (cited[k]),
                     silk_item_get_id (item));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/valid/atlas", test_valid_atlas);
  g_test_add_func ("/loader/valid/figures-and-events", test_valid_figures_and_events);
  g_test_add_func ("/loader/valid/related", test_related);
  g_test_add_func ("/loader/valid/languages", test_languages);
  g_test_add_func ("/loader/text", test_text);
  g_test_add_func ("/loader/types", test_types);
  g_test_add_func ("/loader/selection", test_selection);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/loader/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/loader/bad/several-problems", test_several_problems);
  g_test_add_func ("/loader/bad/problem-limit", test_problem_limit);
  g_test_add_func ("/loader/bad/size-limit", test_size_limit);
  g_test_add_func ("/loader/bad/position-limit", test_position_limit);
  g_test_add_func ("/loader/bad/total-position-limit", test_total_position_limit);
  g_test_add_func ("/loader/bad/level-limit", test_level_limit);
  g_test_add_func ("/loader/bad/text-limit", test_text_limit);
  g_test_add_func ("/loader/bad/intricate-ring", test_intricate_ring);
  g_test_add_func ("/loader/bad/geometry-file-order", test_geometry_file_order);
  g_test_add_func ("/loader/bad/source-cycle-all", test_source_cycle);
  g_test_add_func ("/loader/cancelled", test_cancelled);

  g_test_add_func ("/loader/bundled/loads", test_bundled_loads);
  g_test_add_func ("/loader/bundled/content", test_bundled_content);

  return g_test_run ();
}
