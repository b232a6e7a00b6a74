#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file with translatable text is missing from po/POTFILES (its
# strings would never reach the translators), or when POTFILES names a file that
# no longer exists. Prints TAP.
set -u

top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top" || exit 1

listed=$(grep -v '^#' po/POTFILES | sed '/^$/d' | sort -u)
# C: the gettext macros and calls; .ui: translatable properties; data: the files
# merged with translations at build time.
marked=$( {
  grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)[[:space:]]*\(' \
    --include='*.c' src
  grep -rl 'translatable="yes"' --include='*.ui' resources
  ls data/*.desktop.in data/*.metainfo.xml.in
} | sort -u)

n=0
failed=0
ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

missing=$(comm -13 <(echo "$listed") <(echo "$marked"))
[ -z "$missing" ]
ok $? "every file with translatable text is in po/POTFILES${missing:+ (missing: $(echo $missing))}"

gone=$(for f in $listed; do [ -f "$f" ] || echo "$f"; done)
[ -z "$gone" ]
ok $? "every file in po/POTFILES exists${gone:+ (not found: $(echo $gone))}"

echo "1..$n"
exit $failed
