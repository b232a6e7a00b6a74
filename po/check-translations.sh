#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that po/LANG.po translates every message the sources have now: merges it
# with a template extracted from po/POTFILES (the same keywords as meson's glib
# preset), then fails on any untranslated or fuzzy message and on any format
# error msgfmt --check finds. Prints TAP.
set -u

top=${1:?usage: check-translations.sh SOURCE_ROOT LANG}
lang=${2:?usage: check-translations.sh SOURCE_ROOT LANG}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

xgettext --package-name=silk-atlas --files-from="$top/po/POTFILES" --directory="$top" \
  --output="$tmp/silk-atlas.pot" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format 2>"$tmp/xgettext.err"
ok $? "the sources' messages can be extracted$(sed 's/^/: /' "$tmp/xgettext.err" | head -3)"

msgfmt --check --statistics -o /dev/null "$top/po/$lang.po" 2>"$tmp/check.err"
ok $? "po/$lang.po passes msgfmt --check$(sed 's/^/: /' "$tmp/check.err" | grep -v 'translated message' | head -3)"

msgmerge --quiet --no-fuzzy-matching "$top/po/$lang.po" "$tmp/silk-atlas.pot" -o "$tmp/merged.po"
statistics=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "# $lang: $statistics"
! grep -qE 'untranslated|fuzzy' <<<"$statistics"
ok $? "po/$lang.po translates every message of the sources (else: meson compile silk-atlas-update-po, then translate)"

echo "1..$n"
exit $failed
