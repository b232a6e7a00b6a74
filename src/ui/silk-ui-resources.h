/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the interface's GResource once. It lives in a static library, where the
 * usual constructor would be dropped by the linker, so whoever needs it first asks. */
void silk_ui_resources_ensure (void);

G_END_DECLS
