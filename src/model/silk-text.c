/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "silk-text.h"

struct _SilkText
{
  gatomicrefcount ref_count;
  char *default_language;
  GPtrArray *languages;
  /* NULL-terminated, so that it doubles as the array silk_text_get_all() returns. */
  GPtrArray *strings;
};

G_DEFINE_BOXED_TYPE (SilkText, silk_text, silk_text_ref, silk_text_unref)

SilkText *
silk_text_new (const char *default_language)
{
  SilkText *text = g_new0 (SilkText, 1);

  g_atomic_ref_count_init (&text->ref_count);
  text->default_language = g_strdup (default_language);
  text->languages = g_ptr_array_new_with_free_func (g_free);
  text->strings = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  return text;
}

SilkText *
silk_text_new_plain (const char *default_language,
                     const char *string)
{
  SilkText *text;

  g_return_val_if_fail (string != NULL, NULL);

  text = silk_text_new (default_language);
  silk_text_add (text, default_language != NULL ? default_language : "", string);
  return text;
}

static int
find_language (const SilkText *text,
               const char     *language,
               gsize           length)
{
  for (guint i = 0; i < text->languages->len; i++)
    {
      const char *candidate = g_ptr_array_index (text->languages, i);

      if (strncmp (candidate, language, length) == 0 && candidate[length] == '\0')
        return i;
    }

  return -1;
}

void
silk_text_add (SilkText   *text,
               const char *language,
               const char *string)
{
  int index;

  g_return_if_fail (text != NULL);
  g_return_if_fail (language != NULL);
  g_return_if_fail (string != NULL);

  index = find_language (text, language, strlen (language));
  if (index >= 0)
    {
      g_free (text->strings->pdata[index]);
      text->strings->pdata[index] = g_strdup (string);
      return;
    }

  g_ptr_array_add (text->languages, g_strdup (language));
  g_ptr_array_add (text->strings, g_strdup (string));
}

SilkText *
silk_text_ref (SilkText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  g_atomic_ref_count_inc (&text->ref_count);
  return text;
}

void
silk_text_unref (SilkText *text)
{
  g_return_if_fail (text != NULL);

  if (g_atomic_ref_count_dec (&text->ref_count))
    {
      g_free (text->default_language);
      g_ptr_array_unref (text->languages);
      g_ptr_array_unref (text->strings);
      g_free (text);
    }
}

/* The length of the language part of a locale name: "zh" of "zh_CN.UTF-8@xyz". */
static gsize
language_part_length (const char *locale)
{
  return strcspn (locale, "_.@");
}

static const char *
first_string (const SilkText *text)
{
  return text->strings->len > 0 ? g_ptr_array_index (text->strings, 0) : NULL;
}

const char *
silk_text_get (const SilkText *text)
{
  const char * const *names;

  g_return_val_if_fail (text != NULL, NULL);

  if (text->strings->len <= 1)
    return first_string (text);

  /* GLib lists the user's languages best first, each followed by its more general
   * forms ("zh_CN.UTF-8", "zh_CN", "zh.UTF-8", "zh"), and "C" last. */
  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      int index = find_language (text, names[i], strlen (names[i]));

      if (index >= 0)
        return g_ptr_array_index (text->strings, index);
    }

  /* Another territory of a language the user reads ("zh_TW" for "zh_CN") still
   * beats a language the user may not read at all. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize length = language_part_length (names[i]);

      if (length == 0 || g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;

      for (guint j = 0; j < text->languages->len; j++)
        {
          const char *candidate = g_ptr_array_index (text->languages, j);

          if (language_part_length (candidate) == length
              && strncmp (candidate, names[i], length) == 0)
            return g_ptr_array_index (text->strings, j);
        }
    }

  return silk_text_get_default (text);
}

const char *
silk_text_get_for_language (const SilkText *text,
                            const char     *language)
{
  int index;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  index = find_language (text, language, strlen (language));
  if (index < 0)
    {
      length = language_part_length (language);
      if (length < strlen (language))
        index = find_language (text, language, length);
    }

  return index >= 0 ? g_ptr_array_index (text->strings, index) : NULL;
}

const char *
silk_text_get_default (const SilkText *text)
{
  const char *result = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (text->default_language != NULL)
    result = silk_text_get_for_language (text, text->default_language);

  return result != NULL ? result : first_string (text);
}

const char * const *
silk_text_get_all (const SilkText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return (const char * const *) text->strings->pdata;
}
