/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A human-readable string of the atlas in one or more languages (see
 * docs/atlas-format.md, "Translatable text"). Immutable once built. */
typedef struct _SilkText SilkText;

#define SILK_TYPE_TEXT (silk_text_get_type ())

GType       silk_text_get_type         (void) G_GNUC_CONST;
/* @default_language: the language of the atlas, used when none of the user's
 * languages has a translation. */
SilkText   *silk_text_new              (const char     *default_language);
SilkText   *silk_text_new_plain        (const char     *default_language,
                                        const char     *string);
/* Only while building, before the text is shared. */
void        silk_text_add              (SilkText       *text,
                                        const char     *language,
                                        const char     *string);
SilkText   *silk_text_ref              (SilkText       *text);
void        silk_text_unref            (SilkText       *text);

/* The string for the user's languages (g_get_language_names()). */
const char *silk_text_get              (const SilkText *text);
/* The string in exactly @language (a "zh" entry also answers "zh_CN" only if no
 * "zh_CN" exists), or NULL. */
const char *silk_text_get_for_language (const SilkText *text,
                                        const char     *language);
/* The string in the atlas' own language. */
const char *silk_text_get_default      (const SilkText *text);
/* Every language's string, for searching; NULL-terminated, owned by @text. */
const char * const *silk_text_get_all  (const SilkText *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilkText, silk_text_unref)

G_END_DECLS
