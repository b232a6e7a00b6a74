/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-geometry.h"
#include "silk-item.h"

G_BEGIN_DECLS

#define SILK_TYPE_PROJECT (silk_project_get_type ())

G_DECLARE_FINAL_TYPE (SilkProject, silk_project, SILK, PROJECT, SilkItem)

typedef enum
{
  SILK_MODE_RAILWAY,
  SILK_MODE_HIGHWAY,
  SILK_MODE_TUNNEL,
} SilkMode;

typedef enum
{
  SILK_STATUS_PLANNED,
  SILK_STATUS_UNDER_CONSTRUCTION,
  SILK_STATUS_PILOT_OPERATION,
  SILK_STATUS_IN_OPERATION,
} SilkStatus;

SilkMode      silk_project_get_mode            (SilkProject *self);
SilkStatus    silk_project_get_status          (SilkProject *self);
/* Array of SilkCountry*. */
GPtrArray    *silk_project_get_countries       (SilkProject *self);
SilkProject  *silk_project_get_parent          (SilkProject *self);
/* Array of SilkPlace*, from one end to the other. */
GPtrArray    *silk_project_get_connects        (SilkProject *self);
/* The route line, or NULL if the atlas draws none. */
SilkGeometry *silk_project_get_route           (SilkProject *self);
gboolean      silk_project_is_approximate      (SilkProject *self);
/* Why the alignment is approximate, in the user's language; NULL if not given. */
const char   *silk_project_get_alignment_note  (SilkProject *self);

const char   *silk_mode_to_string              (SilkMode     mode);
const char   *silk_status_to_string            (SilkStatus   status);

G_END_DECLS
