#!/usr/bin/env bash
# build-aux/flatpak-test.sh — builds both Flatpak manifests, unmodified, with
# flatpak-builder on a stand-in GNOME runtime made from Debian 12's packages,
# installs Gloss into a private user installation and runs it sandboxed
# under Xvfb, with Debian's own document and file-chooser portals on a
# private session bus. Prints `N passed, N failed`.
#
#   build-aux/dev flatpak-test [--keep] [--reuse-build]
#
# Runs as root on a Debian 12 machine and leaves the host's Flatpak alone:
# its own $HOME and XDG directories, its own user and system installations
# (FLATPAK_USER_DIR, FLATPAK_SYSTEM_DIR), and a private mount namespace
# whose /run/user holds the portals' runtime directory. The stand-in
# runtime is cached in $GLOSS_FLATPAK_CACHE (default
# /var/cache/gloss-flatpak-test), keyed on its package lists; everything
# else is made anew in a scratch directory, removed at the end unless
# --keep is given (it keeps the logs and screenshots). --reuse-build skips
# the two builds when both apps are installed from an earlier run, to work
# on the sandboxed checks; the run then counts the builds as not checked.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
here=$top/build-aux
cache=${GLOSS_FLATPAK_CACHE:-/var/cache/gloss-flatpak-test}
keep=
reuse_build=
for arg in "$@"; do
  case $arg in
    --keep) keep=1 ;;
    --reuse-build) reuse_build=1 ;;
    *) echo "flatpak-test: unknown argument $arg" >&2; exit 2 ;;
  esac
done

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  echo "flatpak-test: run as root: mmdebstrap builds the runtime's root trees," \
       "and the test needs a private mount namespace" >&2
  exit 1
fi

# ---- the host's packages (outside the namespace: apt needs the real /run) ----

host_packages=(
  flatpak flatpak-builder mmdebstrap bubblewrap ostree elfutils fuse3
  xvfb xdotool x11-utils imagemagick dbus libglib2.0-bin python3 desktop-file-utils
)
if [ -z "${GLOSS_FLATPAK_NAMESPACE:-}" ]; then
  missing=()
  for package in "${host_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ] || [ ! -d "$cache/portals/root" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    # flatpak-builder without its recommendations: they install the
    # portals system-wide, which the test brings up on its own bus.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
  # Debian's portals, unpacked into the cache (not installed), and the
  # libraries they link to (installed).
  "$here/flatpak-portals.sh" unpack "$cache/portals"
  # Debian's gumbo, for a machine that cannot reach the manifests' gumbo
  # source (below).
  if ! ls "$cache"/gumbo-debs/libgumbo1_*.deb "$cache"/gumbo-debs/libgumbo-dev_*.deb >/dev/null 2>&1; then
    mkdir -p "$cache/gumbo-debs"
    (cd "$cache/gumbo-debs" && apt-get download -qq libgumbo1 libgumbo-dev)
  fi
  mkdir -p /run/user
  GLOSS_FLATPAK_NAMESPACE=1 exec unshare --mount --propagation private "$0" "$@"
fi

# ---- inside a private mount namespace from here on ----

start_time=$(date +%s)
mount -t tmpfs -o mode=0755 gloss-flatpak-test /run/user
work=$(mktemp -d /var/tmp/gloss-flatpak-test.XXXXXX)
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  fusermount3 -u -z /run/user/0/doc 2>/dev/null || true
  if [ -n "$keep" ] || [ $status -ne 0 ]; then
    echo "flatpak-test: logs and screenshots kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

export HOME=$work/home
export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache
export XDG_RUNTIME_DIR=/run/user/0
export FLATPAK_USER_DIR=$cache/installation FLATPAK_SYSTEM_DIR=$work/system-installation
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$FLATPAK_SYSTEM_DIR"
install -d -m 0700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
export LC_ALL=C.UTF-8

results=$work/results
: > "$results"
pass() { echo "ok $*" | tee -a "$results"; }
fail() { echo "not ok $*" | tee -a "$results"; }
check() {  # check DESCRIPTION COMMAND…
  local what=$1; shift
  if "$@" >>"$work/checks.log" 2>&1; then pass "$what"; else fail "$what"; fi
}
elapsed() { echo "$(( ($(date +%s) - start_time) / 60 )) min $(( ($(date +%s) - start_time) % 60 )) s"; }

manifest_dir=$top/flatpak
release_id=io.github.glossapp.Gloss
devel_id=io.github.glossapp.Gloss.Devel
runtime_version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runtime-version"])' \
  "$manifest_dir/$release_id.json")

# ---- the stand-in runtime and SDK, installed into the private installation ----

"$here/flatpak-runtime.sh" "$cache" "$cache/labelled-repo" "$runtime_version"
flatpak --user remote-add --if-not-exists --no-gpg-verify gloss-standin "$cache/labelled-repo"
flatpak --user install -y --noninteractive --or-update gloss-standin \
  "org.gnome.Platform//$runtime_version" "org.gnome.Sdk//$runtime_version" >"$work/install-runtime.log"
if [ -z "$reuse_build" ]; then
  for app in "$release_id" "$devel_id"; do
    flatpak --user uninstall -y --noninteractive "$app" >/dev/null 2>&1 || true
  done
fi
log "runtime ready after $(elapsed)"

# ---- can the manifests' sources be fetched? ----

# flatpak-builder fetches gumbo from its git repository. A machine that
# cannot reach it (this build machine reaches only its Debian mirror)
# cannot build the manifests as they are: the run says so, and builds
# copies of them whose gumbo module unpacks Debian 12's libgumbo instead,
# so that everything else is still checked. Such a run never passes whole.
build_manifests=$manifest_dir
gumbo_url=$(python3 "$here/flatpak-checks.py" source-url "$manifest_dir/$release_id.json" gumbo)
if [ -z "$reuse_build" ] && ! timeout 60 git ls-remote --exit-code "$gumbo_url" >/dev/null 2>&1; then
  fail "the manifests as they are: gumbo's source ($gumbo_url) cannot be reached from this machine; both builds below use Debian's libgumbo in its place"
  build_manifests=$work/offline-manifests
  mkdir -p "$build_manifests"
  for app in "$release_id" "$devel_id"; do
    python3 "$here/flatpak-checks.py" offline-manifest "$manifest_dir/$app.json" "$cache/gumbo-debs" \
      "$build_manifests/$app.json"
  done
fi

# ---- build both manifests, unmodified, with their tests ----

build() {  # build APP_ID
  local app=$1 logfile=$work/build-$1.log
  log "flatpak-builder $app (the log: $logfile)"
  if (cd "$work" && flatpak-builder --user --install --force-clean \
        --state-dir="$work/builder-state" --disable-updates \
        "$work/build-$app" "$build_manifests/$app.json") >"$logfile" 2>&1; then
    pass "$app: flatpak-builder built and installed it, run-tests passing in the SDK sandbox"
  else
    fail "$app: flatpak-builder failed; its last lines:"
    tail -n 40 "$logfile" | sed 's/^/    /'
    return 1
  fi
  # The suite really ran inside the build sandbox: meson's summary, the core
  # tests and the no-display check among what passed, nothing failed.
  check "$app: the suite ran in the sandbox (core and no-display passed, none failed)" \
    python3 "$here/flatpak-checks.py" build-log "$logfile"
}
if [ -n "$reuse_build" ]; then
  fail "the builds: not checked in this run (--reuse-build)"
else
  build "$release_id" || true
  build "$devel_id" || true
fi
log "both builds done after $(elapsed)"

# ---- what the installed app exports ----

for app in "$release_id" "$devel_id"; do
  if location=$(flatpak --user info --show-location "$app" 2>/dev/null); then
    check "$app: desktop file, metainfo, icons, MIME type and schema installed and exported" \
      python3 "$here/flatpak-checks.py" installed "$location" "$app"
  else
    fail "$app: not installed"
  fi
done

# ---- a session: Xvfb, a private bus with Debian's portals ----

if flatpak --user info "$release_id" >/dev/null 2>&1; then
  Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp >"$work/display" 2>"$work/xvfb.log" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  export DISPLAY=:$(head -n1 "$work/display")

  "$here/flatpak-portals.sh" bus-config "$cache/portals" "$work/bus"
  export XDG_CURRENT_DESKTOP=GNOME
  export XDG_DESKTOP_PORTAL_DIR=$cache/portals/root/usr/share/xdg-desktop-portal/portals
  export GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=none
  # Started from $HOME, as a desktop session starts its services: the
  # portal's file chooser falls back to its working directory.
  (cd "$HOME" && exec dbus-daemon --config-file="$work/bus/session.conf" --nofork \
     --print-address=3 3>"$work/bus/address" 2>"$work/bus/dbus.log") &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/bus/address" ] && break; sleep 0.1; done
  DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$work/bus/address")
  export DBUS_SESSION_BUS_ADDRESS
  log "session: DISPLAY=$DISPLAY, bus $DBUS_SESSION_BUS_ADDRESS"

  python3 "$here/flatpak-checks.py" session --app "$release_id" --workdir "$work/session" \
    --sample "$top/data/sample" | tee -a "$results" || true
else
  fail "the sandboxed session: $release_id is not installed"
fi

# ---- the summary ----

passed=$(grep -c '^ok ' "$results" || true)
failed=$(grep -c '^not ok ' "$results" || true)
log "flatpak-test took $(elapsed); cache $(du -sh "$cache" | cut -f1), scratch $(du -sh "$work" | cut -f1)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
