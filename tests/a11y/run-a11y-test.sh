#!/bin/sh
# Runs one accessibility scenario: Xvfb, a private D-Bus session and, on
# it, the accessibility bus (at-spi2-core activates it when GTK asks), so
# that the window is read exactly as Orca reads it.
#
#   run-a11y-test.sh GLOSS_BINARY BUILD_DIR SCENARIO [OUT_DIR]
set -eu

here=$(dirname "$0")

if [ -z "${GLOSS_A11Y_NESTED:-}" ]; then
  GLOSS_A11Y_NESTED=1 exec xvfb-run -a -n $(( $$ % 500 + 600 )) \
    -s '-screen 0 1280x800x24 -nolisten tcp' \
    dbus-run-session -- "$0" "$@"
fi

# The Python that has Debian's pyatspi (python3-pyatspi): the one first
# on PATH may be another installation without it.
python=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null &&
     "$candidate" -c 'import pyatspi' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "run-a11y-test: no python3 with pyatspi (install python3-pyatspi)" >&2
  exit 1
fi

export GDK_BACKEND=x11
export GSK_RENDERER=cairo
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$2/data"
export LC_ALL=C.UTF-8
# Accessibility on: none of GTK_A11Y=none or NO_AT_BRIDGE here.
unset GTK_A11Y NO_AT_BRIDGE G_DEBUG
exec "$python" "$here/a11y-tests.py" "$@"
