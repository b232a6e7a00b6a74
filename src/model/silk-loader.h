/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-document.h"

G_BEGIN_DECLS

/* Reads, checks and builds an atlas; see silk_document_load(). */
SilkDocument *silk_loader_load (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
