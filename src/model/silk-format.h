/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-event.h"
#include "silk-figure.h"
#include "silk-project.h"
#include "silk-types.h"

G_BEGIN_DECLS

/* Everything here formats for the user's locale (LC_NUMERIC, LC_TIME and the
 * translations of the silk-atlas domain) and returns a newly allocated string. */

/* A number with the locale's grouping and decimal mark and no more decimals than
 * it has (at most @max_decimals). */
char       *silk_format_number        (double             value,
                                       guint              max_decimals);
/* "+15.6 %", "> USD 100 bn", "7–8 days", "nearly USD 80 bn". */
char       *silk_format_figure_value  (SilkFigure        *figure);
/* "January–September 2025", "June 2025", "29 April 2025", "until December 2025". */
char       *silk_format_period        (const SilkPeriod  *period);
/* The period as ISO 8601, as written in atlas files: "2025-01/2025-09". */
char       *silk_period_to_iso        (const SilkPeriod  *period);
/* "reported", "estimate", "forecast", "derived" in the user's language. */
const char *silk_format_qualifier     (SilkQualifier      qualifier);
/* A project's status and mode in the user's language: "under construction". */
const char *silk_format_status        (SilkStatus         status);
const char *silk_format_mode          (SilkMode           mode);
/* One line a person can paste: "Trade … : nearly USD 80 bn (January–September 2025,
 * reported; source: Xinhua …)". */
char       *silk_format_figure_citation (SilkFigure      *figure);

G_END_DECLS
