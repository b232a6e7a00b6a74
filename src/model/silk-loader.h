/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-document.h"

G_BEGIN_DECLS

typedef enum
{
  SILK_LOAD_FLAGS_NONE   = 0,
  /* Read the first of "countries-simplified" and "borders-simplified" in place of
   * the finest "countries" and "borders" files, and leave those two to
   * silk_document_defer_finest(): for the bundled atlas, whose files the test suite
   * checks, so that the first frame does not wait for 3.5 MB of 1:10m outlines it
   * does not draw. An atlas a user opens is always read and checked in full. */
  SILK_LOAD_DEFER_FINEST = 1 << 0,
  /* Read every file on the calling thread, without helpers: for a load in the
   * background, which the other processors' own work should not wait behind. */
  SILK_LOAD_ONE_THREAD   = 1 << 1,
} SilkLoadFlags;

/* Reads, checks and builds an atlas; see silk_document_load(). */
SilkDocument *silk_loader_load      (GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error);
SilkDocument *silk_loader_load_full (GFile         *file,
                                     SilkLoadFlags  flags,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
