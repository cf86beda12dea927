#!/usr/bin/env bash
# build-aux/flatpak-portals.sh — Debian's xdg-desktop-portal (with the
# document portal and the permission store) and xdg-desktop-portal-gtk,
# unpacked with dpkg -x rather than installed, for build-aux/flatpak-test.sh.
#
#   flatpak-portals.sh unpack DIR        download and unpack into DIR/root;
#                                        install the libraries they link to
#   flatpak-portals.sh bus-config DIR OUT  a private session bus in OUT whose
#                                        services are the unpacked portals
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

portal_packages=(xdg-desktop-portal xdg-desktop-portal-gtk)

unpack() {
  local dir=$1
  if [ -x "$dir/root/usr/libexec/xdg-desktop-portal" ] \
     && [ -x "$dir/root/usr/libexec/xdg-desktop-portal-gtk" ]; then
    return 0
  fi
  rm -rf "$dir"
  mkdir -p "$dir/debs"
  (cd "$dir/debs" && apt-get download -q "${portal_packages[@]}" 2>&1 \
     | grep -v '^W: Download is performed unsandboxed' || true)
  # What they depend on, but not each other or a session bus (the test runs
  # its own dbus-daemon): the first of each set of alternatives.
  local depends=() deb clause name
  for deb in "$dir"/debs/*.deb; do
    IFS=',' read -ra clauses <<<"$(dpkg-deb -f "$deb" Depends)"
    for clause in "${clauses[@]}"; do
      name=$(echo "${clause%%|*}" | sed 's/(.*)//; s/:any//' | tr -d ' ')
      case $name in
        xdg-desktop-portal*|*dbus*) ;;
        *) depends+=("$name") ;;
      esac
    done
    dpkg -x "$deb" "$dir/root"
  done
  local missing=()
  for name in "${depends[@]}"; do
    dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$name")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
  [ -x "$dir/root/usr/libexec/xdg-desktop-portal" ]
}

# A session bus of our own: the portals are activated from the unpacked
# tree; the host's own services (flatpak's session helper) stay reachable.
bus_config() {
  local dir=$1 out=$2
  mkdir -p "$out/services"
  local service exec
  for service in "$dir"/root/usr/share/dbus-1/services/*.service; do
    exec=$(sed -n 's/^Exec=//p' "$service")
    sed "s|^Exec=.*|Exec=$dir/root$exec|" "$service" > "$out/services/$(basename "$service")"
  done
  cat > "$out/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$XDG_RUNTIME_DIR/bus</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$out/services</servicedir>
  <servicedir>/usr/share/dbus-1/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
}

case ${1:-} in
  unpack) unpack "$2" ;;
  bus-config) bus_config "$2" "$3" ;;
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
