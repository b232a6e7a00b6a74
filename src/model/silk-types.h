/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SILK_ITEM_SOURCE,
  SILK_ITEM_COUNTRY,
  SILK_ITEM_PLACE,
  SILK_ITEM_PROJECT,
  SILK_ITEM_FIGURE,
  SILK_ITEM_EVENT,
  SILK_ITEM_NOTE,
  SILK_N_ITEM_KINDS
} SilkItemKind;

typedef enum
{
  SILK_QUALIFIER_REPORTED,
  SILK_QUALIFIER_ESTIMATE,
  SILK_QUALIFIER_FORECAST,
  SILK_QUALIFIER_DERIVED,
} SilkQualifier;

typedef enum
{
  SILK_DATE_NONE,
  SILK_DATE_YEAR,
  SILK_DATE_MONTH,
  SILK_DATE_DAY,
} SilkDatePrecision;

typedef struct
{
  SilkDatePrecision precision;
  guint16 year;
  guint8 month; /* 1–12 when precision ≥ MONTH */
  guint8 day;   /* 1–31 when precision is DAY */
} SilkDate;

/* A single date has end.precision == SILK_DATE_NONE. An open interval ("../2025-12",
 * a total up to that date) has start.precision == SILK_DATE_NONE. */
typedef struct
{
  SilkDate start;
  SilkDate end;
} SilkPeriod;

typedef enum
{
  SILK_VALUE_EXACT,
  SILK_VALUE_APPROACHING, /* "approached N" */
  SILK_VALUE_ABOVE,       /* "exceeds N" */
  SILK_VALUE_RANGE,       /* "A–B" */
} SilkValueKind;

typedef struct
{
  SilkValueKind kind;
  double value; /* the number; the lower end of a range */
  double max;   /* the upper end of a range */
} SilkValue;

/* Parsers and names for the enumerations as they are written in atlas files. All
 * parsers return FALSE for an unknown string. */
const char *silk_item_kind_to_string   (SilkItemKind   kind);
gboolean    silk_item_kind_from_string (const char    *string,
                                        SilkItemKind  *kind);
const char *silk_qualifier_to_string   (SilkQualifier  qualifier);
gboolean    silk_qualifier_from_string (const char    *string,
                                        SilkQualifier *qualifier);
/* Accepts "YYYY", "YYYY-MM", "YYYY-MM-DD", "A/B" with A and B such dates, and
 * "../B". Checks that the date exists and that A is before B. */
gboolean    silk_period_parse          (const char    *string,
                                        SilkPeriod    *period);
/* A period comparable key: the first day it covers, as days since year 1. */
gint64      silk_date_to_days          (const SilkDate *date);

G_END_DECLS
