/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean silk_software_rendering_expected        (const char *dev_dir);
void     silk_software_rendering_choose_renderer (void);

G_END_DECLS
