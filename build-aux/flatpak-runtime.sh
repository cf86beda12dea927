#!/usr/bin/env bash
# build-aux/flatpak-runtime.sh — a stand-in for the GNOME runtime and SDK,
# made from Debian 12's own packages, for build-aux/flatpak-test.sh.
#
#   flatpak-runtime.sh CACHE_DIR REPO RUNTIME_VERSION
#
# Builds two root trees with mmdebstrap (the platform, and the SDK: the
# platform plus compilers, build tools and -dev packages), exports each
# tree's /usr (with its /etc as files/etc) with `flatpak build-export
# --runtime` into CACHE_DIR/repo under a branch named after the package
# lists, and labels those commits org.gnome.Platform//RUNTIME_VERSION and
# org.gnome.Sdk//RUNTIME_VERSION in REPO with `flatpak build-commit-from`.
# A second run with the same package lists reuses the exported trees.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cache=$1 repo=$2 version=$3
arch=$(flatpak --default-arch)

# What the GNOME platform gives an app that Gloss uses, Debian's names.
platform_packages=(
  libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0 libglib2.0-0 libglib2.0-bin
  gsettings-desktop-schemas shared-mime-info adwaita-icon-theme hicolor-icon-theme
  librsvg2-common fontconfig fonts-cantarell fonts-dejavu-core fonts-noto-color-emoji
  libgl1-mesa-dri libegl-mesa0 libglx-mesa0 libgl1 libegl1
)
# The SDK: the platform plus what the manifests' modules build with. The
# real SDK has more; these are what Gloss's build and its tests call, and
# the usual tools of a module built with autotools, cmake or meson.
sdk_packages=(
  "${platform_packages[@]}"
  gcc g++ make libc6-dev pkg-config meson ninja-build cmake autoconf automake libtool
  patch gettext python3 libxml2-utils
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  desktop-file-utils appstream appstream-util
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

cache_repo=$cache/repo

# build_tree NAME PACKAGES…: mmdebstrap a root, then export it as a runtime
# called NAME on branch $store_branch of the cache repository.
build_tree() {
  local name=$1; shift
  local ref=runtime/$name/$arch/$store_branch
  if ostree --repo="$cache_repo" rev-parse "$ref" >/dev/null 2>&1; then
    log "$name: reusing the stand-in built from these packages ($store_branch)"
    return 0
  fi
  local tree=$cache/tree-$name
  rm -rf "$tree"
  mkdir -p "$tree"
  log "$name: mmdebstrap ${#@} packages from Debian 12"
  local include
  include=$(IFS=,; echo "$*")
  # No documentation or manual pages, as in the GNOME runtime; copyright
  # files stay.
  mmdebstrap --quiet --variant=essential --mode=root \
    --aptopt='Acquire::Check-Valid-Until "false"' \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --include="$include" \
    bookworm "$tree/root" /etc/apt/sources.list.d/debian.sources

  local root=$tree/root
  # A merged /usr is all Flatpak mounts: nothing may live only in /bin or /lib.
  local top
  for top in bin sbin lib lib64; do
    if [ -e "$root/$top" ] && [ ! -L "$root/$top" ]; then
      echo "flatpak-runtime: $root/$top is not a link into /usr: the tree is not merged-/usr" >&2
      exit 1
    fi
  done
  # The runtime's caches, made now as the GNOME runtime ships them: the
  # sandbox's /usr is read-only.
  chroot "$root" glib-compile-schemas /usr/share/glib-2.0/schemas
  chroot "$root" update-mime-database /usr/share/mime
  chroot "$root" gtk4-update-icon-cache -q -f /usr/share/icons/hicolor 2>/dev/null \
    || chroot "$root" gtk-update-icon-cache -q -f /usr/share/icons/hicolor 2>/dev/null || true
  chroot "$root" fc-cache -s >/dev/null
  # Libraries an app builds into /app/lib, as the GNOME runtime's ld.so.conf says.
  echo /app/lib > "$root/etc/ld.so.conf.d/flatpak-app.conf"

  # flatpak build-export --runtime exports the usr/ directory; the tree's
  # /etc goes with it as usr/etc, which Flatpak mounts as the sandbox's /etc.
  local export=$tree/export
  # build-export wants a files/ beside usr/ even for a runtime, and exports usr/.
  mkdir -p "$export/files"
  mv "$root/usr" "$export/usr"
  rm -rf "$export/usr/etc"
  cp -a "$root/etc" "$export/usr/etc"
  # Files Flatpak puts in every sandbox itself.
  rm -f "$export/usr/etc/passwd" "$export/usr/etc/group" "$export/usr/etc/resolv.conf" \
        "$export/usr/etc/hosts" "$export/usr/etc/machine-id" "$export/usr/etc/localtime"
  cat > "$export/metadata" <<EOF
[Runtime]
name=$name
runtime=org.gnome.Platform/$arch/$version
sdk=org.gnome.Sdk/$arch/$version
EOF
  log "$name: exporting the tree ($(du -sh "$export/usr" | cut -f1))"
  [ -d "$cache_repo/objects" ] || ostree --repo="$cache_repo" init --mode=archive-z2
  flatpak build-export --runtime --no-update-summary --disable-sandbox \
    --subject="Gloss stand-in $name from Debian 12 ($key)" \
    "$cache_repo" "$export" "$store_branch" >/dev/null
  rm -rf "$tree"
}

# The cache key: the package lists and how a tree is made of them, so that
# a change to either builds the trees anew.
key=$( { printf '%s\n' "${platform_packages[@]}" -- "${sdk_packages[@]}"; declare -f build_tree; } \
  | sha256sum | cut -c1-16)
store_branch=standin-$key

mkdir -p "$cache"
build_tree org.gnome.Platform "${platform_packages[@]}"
build_tree org.gnome.Sdk "${sdk_packages[@]}"

# Label the cached commits with the names and branch the manifests ask for.
[ -d "$repo/objects" ] || ostree --repo="$repo" init --mode=archive-z2
for name in org.gnome.Platform org.gnome.Sdk; do
  flatpak build-commit-from --no-update-summary --force \
    --src-repo="$cache_repo" --src-ref="runtime/$name/$arch/$store_branch" \
    "$repo" "runtime/$name/$arch/$version" >/dev/null
done
flatpak build-update-repo "$repo" >/dev/null
log "stand-in runtime and SDK: org.gnome.Platform//$version, org.gnome.Sdk//$version ($store_branch)"
