# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by build-aux/run and build-aux/check: installs the Debian 12 packages that
# building, running and testing Silk Atlas need, when any is missing.

silk_packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libpng-dev
  xvfb xauth dbus desktop-file-utils appstream
  fonts-cantarell fonts-dejavu-core fonts-noto-core fonts-noto-cjk
  python3 locales
)

silk_install_deps () {
  local missing=()
  local package

  for package in "${silk_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The tests format numbers and dates under these locales.
silk_test_locales=(en_US.UTF-8 ru_RU.UTF-8 zh_CN.UTF-8)

silk_generate_locales () {
  local missing=()
  local name have
  have=$(locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]')
  for name in "${silk_test_locales[@]}"; do
    local short
    short=$(echo "${name/UTF-8/utf8}" | tr '[:upper:]' '[:lower:]')
    grep -qx "$short" <<<"$have" || missing+=("$name")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Generating locales: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  for name in "${missing[@]}"; do
    "${sudo[@]}" sed -i "s/^# *\(${name} UTF-8\)/\1/" /etc/locale.gen
    grep -q "^${name} UTF-8" /etc/locale.gen || echo "${name} UTF-8" | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
  done
  "${sudo[@]}" locale-gen >/dev/null
}

silk_build () {
  local builddir=$1
  shift
  if [ -f "$builddir/build.ninja" ]; then
    meson setup --reconfigure "$builddir" "$@" >/dev/null
  else
    meson setup "$builddir" "$@"
  fi
  meson compile -C "$builddir"
}
