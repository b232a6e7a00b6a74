#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line in Russian and Chinese, with no display: --list prints the
# atlas' names in the user's language, figures formatted for the locale, and the
# messages come from the translations (the build tree's, via SILK_ATLAS_LOCALEDIR).
set -u

bin=${SILK_ATLAS_BIN:?}
data=${SILK_ATLAS_DATA:?}
: "${SILK_ATLAS_LOCALEDIR:?}"
unset DISPLAY WAYLAND_DISPLAY
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
skip () {
  n=$((n + 1))
  echo "ok $n # SKIP $1"
}

# Runs the application in LANGUAGE $1 and locale $2.
run () {
  local language=$1 locale=$2
  shift 2
  LANGUAGE=$language LC_ALL=$locale "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
}

have_locale () {
  locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | grep -qx "$(echo "${1/UTF-8/utf8}" | tr '[:upper:]' '[:lower:]')"
}

check_language () {
  local language=$1 locale=$2 kazakhstan=$3 kyrgyzstan=$4 trade=$5 version=$6 valid=$7

  if ! have_locale "$locale"; then
    skip "locale $locale is not generated (build-aux/check generates it)"
    return
  fi

  run "$language" "$locale" --list=countries
  [ $status -eq 0 ] && [ "$(wc -l <"$tmp/out")" -eq 6 ] \
    && grep -q $'^KZ\t'"$kazakhstan"'$' "$tmp/out" && grep -q $'^KG\t'"$kyrgyzstan"'$' "$tmp/out"
  ok $? "LANGUAGE=$language --list=countries prints the names in $language"

  run "$language" "$locale" --list=figures
  [ $status -eq 0 ] && grep -q $'^trade-2025-jan-sep\t[^\t]*\t'"$trade"$'\t' "$tmp/out"
  ok $? "LANGUAGE=$language --list=figures formats the trade figure as “$trade”"

  run "$language" "$locale" --help
  [ $status -eq 0 ] && grep -q -- "$version" "$tmp/out"
  ok $? "LANGUAGE=$language --help is translated"

  run "$language" "$locale" --validate="$data/atlas.json"
  [ $status -eq 0 ] && grep -q -- "$valid" "$tmp/out"
  ok $? "LANGUAGE=$language --validate reports in $language"

  run "$language" "$locale" --export="$tmp/map-$language.png" --size=800x500 --select=country:KZ
  [ $status -eq 0 ] && [ "$(head -c 8 "$tmp/map-$language.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]
  ok $? "LANGUAGE=$language --export writes the map"
}

check_language ru ru_RU.UTF-8 "Казахстан" "Кыргызстан" "почти 80 млрд долл. США" \
  "Вывести версию и выйти" "атлас корректен"
check_language zh_CN zh_CN.UTF-8 "哈萨克斯坦" "吉尔吉斯斯坦" "近800亿美元" \
  "显示版本后退出" "有效的地图集"

# The atlas' names follow LANGUAGE alone, whatever the locale.
run ru C.UTF-8 --list=countries
[ $status -eq 0 ] && grep -q $'^KZ\tКазахстан$' "$tmp/out"
ok $? "LANGUAGE=ru in the C locale still prints the Russian names"

echo "1..$n"
exit $failed
