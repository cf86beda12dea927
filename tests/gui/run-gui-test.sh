#!/bin/sh
# Runs one GUI test scenario under a display: the real one if there is one,
# else a fresh Xvfb (the environment DESIGN.md found to work headless).
#
#   run-gui-test.sh GLOSS_BINARY BUILD_DIR SCENARIO [OUT_DIR]
#
# Exits 77 (skipped) when there is no display and no Xvfb to make one.
set -eu

if [ -z "${DISPLAY:-}" ] && [ -z "${GLOSS_GUI_NESTED:-}" ]; then
  # Inside the Flatpak SDK's build sandbox there is neither: say so and let
  # meson count the scenario as skipped (77), not failed.
  if ! command -v xvfb-run >/dev/null || ! command -v Xvfb >/dev/null; then
    echo "run-gui-test: no display (\$DISPLAY is unset) and no xvfb-run/Xvfb on PATH: skipping '$3', which needs a window" >&2
    exit 77
  fi
  # -a searches upwards from -n for a free display; starting each run at
  # its own number keeps back-to-back runs off a display still closing.
  GLOSS_GUI_NESTED=1 exec xvfb-run -a -n $(( $$ % 500 + 100 )) \
    -s '-screen 0 1280x800x24 -nolisten tcp' "$0" "$@"
fi

here=$(dirname "$0")
export GDK_BACKEND=x11
export GSK_RENDERER=cairo
export GTK_A11Y=none
export DBUS_SESSION_BUS_ADDRESS=disabled:
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$2/data"
export NO_AT_BRIDGE=1
unset G_DEBUG
exec python3 "$here/gui-tests.py" "$@"
