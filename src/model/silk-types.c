/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "silk-types.h"

static const char * const item_kind_names[SILK_N_ITEM_KINDS] = {
  [SILK_ITEM_SOURCE] = "source",
  [SILK_ITEM_COUNTRY] = "country",
  [SILK_ITEM_PLACE] = "place",
  [SILK_ITEM_PROJECT] = "project",
  [SILK_ITEM_FIGURE] = "figure",
  [SILK_ITEM_EVENT] = "event",
  [SILK_ITEM_NOTE] = "note",
};

static const char * const qualifier_names[] = {
  [SILK_QUALIFIER_REPORTED] = "reported",
  [SILK_QUALIFIER_ESTIMATE] = "estimate",
  [SILK_QUALIFIER_FORECAST] = "forecast",
  [SILK_QUALIFIER_DERIVED] = "derived",
};

const char *
silk_item_kind_to_string (SilkItemKind kind)
{
  g_return_val_if_fail (kind < SILK_N_ITEM_KINDS, NULL);

  return item_kind_names[kind];
}

gboolean
silk_item_kind_from_string (const char   *string,
                            SilkItemKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < SILK_N_ITEM_KINDS; i++)
    {
      if (g_strcmp0 (string, item_kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
silk_qualifier_to_string (SilkQualifier qualifier)
{
  g_return_val_if_fail (qualifier < G_N_ELEMENTS (qualifier_names), NULL);

  return qualifier_names[qualifier];
}

gboolean
silk_qualifier_from_string (const char    *string,
                            SilkQualifier *qualifier)
{
  g_return_val_if_fail (qualifier != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (qualifier_names); i++)
    {
      if (g_strcmp0 (string, qualifier_names[i]) == 0)
        {
          *qualifier = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_digits (const char *string,
              guint       n_digits,
              guint      *value)
{
  guint result = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (string[i]))
        return FALSE;
      result = result * 10 + (string[i] - '0');
    }

  *value = result;
  return TRUE;
}

/* Exactly "YYYY", "YYYY-MM" or "YYYY-MM-DD" over the @length bytes at @string. */
static gboolean
parse_date (const char *string,
            gsize       length,
            SilkDate   *date)
{
  guint year, month = 1, day = 1;

  memset (date, 0, sizeof *date);

  if (length != 4 && length != 7 && length != 10)
    return FALSE;

  if (!parse_digits (string, 4, &year) || year < 1)
    return FALSE;
  date->precision = SILK_DATE_YEAR;

  if (length >= 7)
    {
      if (string[4] != '-' || !parse_digits (string + 5, 2, &month) || month < 1 || month > 12)
        return FALSE;
      date->precision = SILK_DATE_MONTH;
    }

  if (length == 10)
    {
      if (string[7] != '-' || !parse_digits (string + 8, 2, &day)
          || !g_date_valid_dmy (day, month, year))
        return FALSE;
      date->precision = SILK_DATE_DAY;
    }

  date->year = year;
  date->month = date->precision >= SILK_DATE_MONTH ? month : 0;
  date->day = date->precision == SILK_DATE_DAY ? day : 0;
  return TRUE;
}

gboolean
silk_period_parse (const char *string,
                   SilkPeriod *period)
{
  SilkPeriod result = { { 0, }, };
  const char *slash;

  g_return_val_if_fail (period != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  slash = strchr (string, '/');
  if (slash == NULL)
    {
      if (!parse_date (string, strlen (string), &result.start))
        return FALSE;
      *period = result;
      return TRUE;
    }

  if (!parse_date (slash + 1, strlen (slash + 1), &result.end))
    return FALSE;

  if (slash - string == 2 && string[0] == '.' && string[1] == '.')
    {
      *period = result;
      return TRUE;
    }

  if (!parse_date (string, slash - string, &result.start))
    return FALSE;

  /* Compared by the first day each covers: "2025/2025-06" is fine, "2025-06/2025"
   * and "2025/2025" are not. */
  if (silk_date_to_days (&result.start) >= silk_date_to_days (&result.end))
    return FALSE;

  *period = result;
  return TRUE;
}

gint64
silk_date_to_days (const SilkDate *date)
{
  GDate gdate;
  guint day, month;

  g_return_val_if_fail (date != NULL, 0);

  /* An open start sorts before every real date. */
  if (date->precision == SILK_DATE_NONE)
    return 0;

  day = date->precision == SILK_DATE_DAY ? date->day : 1;
  month = date->precision >= SILK_DATE_MONTH ? date->month : 1;
  if (!g_date_valid_dmy (day, month, date->year))
    return 0;

  g_date_clear (&gdate, 1);
  g_date_set_dmy (&gdate, day, month, date->year);

  /* GDate's Julian day 1 is 1 January of year 1 (proleptic Gregorian calendar). */
  return g_date_get_julian (&gdate);
}
