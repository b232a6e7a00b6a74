/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <math.h>

#include "silk-format.h"
#include "silk-source.h"

static char *
format_number (double   value,
               guint    max_decimals,
               gboolean grouped)
{
  guint decimals = 0;

  /* Show "15.6" and "100", never "15.600" or "100.0": the atlas states numbers as
   * precisely as its source does, and no more. */
  while (decimals < max_decimals)
    {
      double scale = pow (10, decimals);

      if (fabs (round (value * scale) / scale - value) < 1e-9)
        break;
      decimals++;
    }

  /* The ' flag asks the C library for the locale's digit grouping. */
  if (grouped)
    return g_strdup_printf ("%'.*f", (int) decimals, value);
  return g_strdup_printf ("%.*f", (int) decimals, value);
}

char *
silk_format_number (double value,
                    guint  max_decimals)
{
  return format_number (value, max_decimals, TRUE);
}

static char *
format_signed (double   value,
               gboolean change,
               gboolean grouped)
{
  g_autofree char *digits = format_number (fabs (value), 2, grouped);

  if (!change || value == 0)
    return value < 0 ? g_strconcat ("−", digits, NULL) : g_steal_pointer (&digits);

  /* A true minus sign, not a hyphen, so columns of changes line up. */
  return g_strconcat (value < 0 ? "−" : "+", digits, NULL);
}

/* What an amount in @unit is multiplied by before it is written in the user's
 * language. Languages that count large sums in other steps than thousands say so
 * in their translation: Chinese (and Japanese) count in 亿 (10⁸), so 80 billion
 * US dollars are 800亿美元, not "80 billion". */
static double
unit_multiplier (const char *unit)
{
  const char *text;
  double multiplier;

  if (g_strcmp0 (unit, "usd-billion") != 0)
    return 1;

  /* Translators: how many of your language's units of money make one billion (a
   * thousand million), as a plain number: "1" where sums are told in billions
   * ("USD 80 bn", "80 млрд"); "10" in Chinese, which tells them in 亿 (a hundred
   * million), so that USD 80 bn becomes 800亿美元. Amounts in billions of US dollars
   * are multiplied by it before they fill "USD %s bn". */
  text = C_("usd-billion multiplier", "1");
  multiplier = g_ascii_strtod (text, NULL);

  /* A slip in a translation must not turn a figure into nonsense. */
  if (!isfinite (multiplier) || multiplier <= 0 || multiplier > 1e6)
    return 1;
  return multiplier;
}

/* @number is the formatted amount ("80", "7–8"); @count picks the plural form. */
static char *
apply_unit (const char *unit,
            const char *number,
            double      count)
{
  gulong n = count >= 0 && count < G_MAXULONG ? (gulong) ceil (count) : 2;

  if (g_strcmp0 (unit, "usd-billion") == 0)
    /* Translators: an amount of money in billions of US dollars, e.g. "USD 80 bn" */
    return g_strdup_printf (_("USD %s bn"), number);
  if (g_strcmp0 (unit, "percent") == 0)
    /* Translators: a percentage, e.g. "15.6 %"; use your language's spacing */
    return g_strdup_printf (_("%s %%"), number);
  if (g_strcmp0 (unit, "km") == 0)
    /* Translators: a length in kilometres, e.g. "75 km" */
    return g_strdup_printf (_("%s km"), number);
  if (g_strcmp0 (unit, "days") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", n), number);
  if (g_strcmp0 (unit, "years") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", n), number);
  if (g_strcmp0 (unit, "per-week") == 0)
    /* Translators: a frequency, e.g. "100 a week" (flights) */
    return g_strdup_printf (_("%s a week"), number);

  return g_strdup (number);
}

char *
silk_format_figure_value (SilkFigure *figure)
{
  const SilkValue *value;
  const char *unit;
  gboolean change;
  gboolean grouped;
  double multiplier;
  g_autofree char *number = NULL;
  g_autofree char *amount = NULL;

  g_return_val_if_fail (SILK_IS_FIGURE (figure), NULL);

  value = silk_figure_get_value (figure);
  unit = silk_figure_get_unit (figure);
  change = silk_figure_is_change (figure);
  multiplier = unit_multiplier (unit);
  /* A language that counts in myriads (800亿, not 80 billion) does not group the
   * digits before such a unit by thousands: 1000亿美元, not 1,000亿美元. */
  grouped = multiplier == 1;

  if (value->kind == SILK_VALUE_RANGE)
    {
      g_autofree char *low = format_signed (value->value * multiplier, change, grouped);
      g_autofree char *high = format_number (fabs (value->max * multiplier), 2, grouped);

      /* Translators: a range of numbers, e.g. "7–8" (days) */
      number = g_strdup_printf (C_("number range", "%s–%s"), low, high);
      return apply_unit (unit, number, value->max * multiplier);
    }

  number = format_signed (value->value * multiplier, change, grouped);
  amount = apply_unit (unit, number, value->value * multiplier);

  switch (value->kind)
    {
    case SILK_VALUE_APPROACHING:
      /* Translators: a value the source says was approached, e.g. "nearly USD 80 bn" */
      return g_strdup_printf (_("nearly %s"), amount);
    case SILK_VALUE_ABOVE:
      /* Translators: a lower bound, e.g. "> USD 100 bn" */
      return g_strdup_printf (_("> %s"), amount);
    case SILK_VALUE_EXACT:
    case SILK_VALUE_RANGE:
    default:
      return g_steal_pointer (&amount);
    }
}

static char *
format_date (const SilkDate *date,
             gboolean        with_year)
{
  g_autoptr(GDateTime) time = NULL;
  const char *format;

  switch (date->precision)
    {
    case SILK_DATE_YEAR:
      /* Translators: a year on its own, e.g. "2025" (Chinese: "2025年") */
      return g_strdup_printf (C_("year", "%u"), date->year);
    case SILK_DATE_MONTH:
      /* Translators: a month on its own or with its year, in strftime format;
       * %OB is the month name in the nominative case */
      format = with_year ? _("%OB %Y") : _("%OB");
      break;
    case SILK_DATE_DAY:
      /* Translators: a day with its month (and year), in strftime format */
      format = with_year ? _("%-d %B %Y") : _("%-d %B");
      break;
    case SILK_DATE_NONE:
    default:
      return g_strdup ("");
    }

  time = g_date_time_new_utc (date->year, date->month,
                              date->precision == SILK_DATE_DAY ? date->day : 1,
                              0, 0, 0);
  if (time == NULL)
    return g_strdup_printf ("%u", date->year);

  /* Translators: do not translate this text. Write "month:lowercase" if your
   * language writes the names of months in lower case (Russian "январь–сентябрь
   * 2025 г.") while the C library's standalone names are capitalised; keep
   * "month:as-is" otherwise. */
  if (g_str_equal (C_("month", "month:as-is"), "month:lowercase"))
    {
      g_autofree char *text = g_date_time_format (time, format);

      return text != NULL ? g_utf8_strdown (text, -1) : NULL;
    }
  return g_date_time_format (time, format);
}

char *
silk_format_period (const SilkPeriod *period)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  if (period->end.precision == SILK_DATE_NONE)
    return format_date (&period->start, TRUE);

  end = format_date (&period->end, TRUE);

  if (period->start.precision == SILK_DATE_NONE)
    /* Translators: a total reached by a date, e.g. "until December 2025" */
    return g_strdup_printf (_("until %s"), end);

  /* "January–September 2025" rather than "January 2025–September 2025": within one
   * year, the year is written once. */
  if (period->start.year == period->end.year && period->start.precision != SILK_DATE_YEAR
      /* Translators: within a period of one year, which of its two dates carries
       * the year. Do not translate this text: write "period:year-on-end" if the year
       * follows the second date ("January–September 2025") or "period:year-on-start"
       * if it comes with the first ("2025年1月至9月"). */
      && g_str_equal (C_("period", "period:year-on-end"), "period:year-on-start"))
    {
      g_free (end);
      start = format_date (&period->start, TRUE);
      end = format_date (&period->end, FALSE);
    }
  else
    start = format_date (&period->start,
                         period->start.year != period->end.year
                         || period->start.precision == SILK_DATE_YEAR);

  /* Translators: a period from one date to another, e.g. "January–September 2025" */
  return g_strdup_printf (C_("period", "%s–%s"), start, end);
}

static char *
date_to_iso (const SilkDate *date)
{
  switch (date->precision)
    {
    case SILK_DATE_YEAR:
      return g_strdup_printf ("%04u", date->year);
    case SILK_DATE_MONTH:
      return g_strdup_printf ("%04u-%02u", date->year, date->month);
    case SILK_DATE_DAY:
      return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
    case SILK_DATE_NONE:
    default:
      return g_strdup ("..");
    }
}

char *
silk_period_to_iso (const SilkPeriod *period)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  if (period->start.precision == SILK_DATE_NONE && period->end.precision == SILK_DATE_NONE)
    return g_strdup ("");

  start = date_to_iso (&period->start);
  if (period->end.precision == SILK_DATE_NONE)
    return g_steal_pointer (&start);

  end = date_to_iso (&period->end);
  return g_strconcat (start, "/", end, NULL);
}

const char *
silk_format_qualifier (SilkQualifier qualifier)
{
  switch (qualifier)
    {
    case SILK_QUALIFIER_REPORTED:
      /* Translators: a figure's qualifier: the source reports it as a fact */
      return C_("qualifier", "reported");
    case SILK_QUALIFIER_ESTIMATE:
      return C_("qualifier", "estimate");
    case SILK_QUALIFIER_FORECAST:
      return C_("qualifier", "forecast");
    case SILK_QUALIFIER_DERIVED:
      /* Translators: a figure's qualifier: computed from reported figures */
      return C_("qualifier", "derived");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
silk_format_status (SilkStatus status)
{
  switch (status)
    {
    case SILK_STATUS_PLANNED:
      return C_("project status", "planned");
    case SILK_STATUS_UNDER_CONSTRUCTION:
      return C_("project status", "under construction");
    case SILK_STATUS_PILOT_OPERATION:
      return C_("project status", "in pilot operation");
    case SILK_STATUS_IN_OPERATION:
      return C_("project status", "in operation");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
silk_format_mode (SilkMode mode)
{
  switch (mode)
    {
    case SILK_MODE_RAILWAY:
      return C_("project mode", "railway");
    case SILK_MODE_HIGHWAY:
      return C_("project mode", "highway");
    case SILK_MODE_TUNNEL:
      return C_("project mode", "tunnel");
    default:
      g_return_val_if_reached ("");
    }
}

char *
silk_format_figure_citation (SilkFigure *figure)
{
  SilkItem *item = SILK_ITEM (figure);
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autofree char *value = NULL;
  g_autofree char *period = NULL;
  GPtrArray *list;

  g_return_val_if_fail (SILK_IS_FIGURE (figure), NULL);

  value = silk_format_figure_value (figure);
  period = silk_format_period (silk_figure_get_period (figure));

  list = silk_item_get_sources (item);
  for (guint i = 0; i < list->len; i++)
    {
      SilkSource *source = g_ptr_array_index (list, i);
      const char *citation = silk_source_get_citation (source);

      if (sources->len > 0)
        g_string_append (sources, "; ");
      g_string_append (sources, citation != NULL ? citation : silk_item_get_name (SILK_ITEM (source)));
    }

  /* The source may give no period, as for an estimate of what a project will do. */
  if (*period == '\0')
    /* Translators: a figure as copied to the clipboard: label, value, qualifier and
     * its sources */
    return g_strdup_printf (_("%s: %s (%s). Source: %s"),
                            silk_item_get_name (item), value,
                            silk_format_qualifier (silk_figure_get_qualifier (figure)),
                            sources->str);

  /* Translators: a figure as copied to the clipboard: label, value, period,
   * qualifier and its sources */
  return g_strdup_printf (_("%s: %s (%s, %s). Source: %s"),
                          silk_item_get_name (item), value, period,
                          silk_format_qualifier (silk_figure_get_qualifier (figure)),
                          sources->str);
}
