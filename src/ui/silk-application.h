/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SILK_TYPE_APPLICATION (silk_application_get_type ())

G_DECLARE_FINAL_TYPE (SilkApplication, silk_application, SILK, APPLICATION, AdwApplication)

SilkApplication *silk_application_new (void);

G_END_DECLS
