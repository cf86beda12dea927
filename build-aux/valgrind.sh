#!/bin/sh
# valgrind.sh — every core test under valgrind memcheck; fails on any
# memory error or definite leak. (The kill test is left out: it spawns and
# SIGKILLs children by design.)
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
ninja -C "$top/_build" >/dev/null || exit 1
status=0
for test in "$top"/_build/tests/test-*; do
  name=$(basename "$test")
  case "$name" in *.p|test-kill-save|test-annotation-list|test-color-chip|test-inspector|test-link-dialog|test-panels|test-tags-dialog) continue ;; esac
  [ -f "$test" ] && [ -x "$test" ] || continue
  if G_SLICE=always-malloc G_DEBUG=gc-friendly G_TEST_SRCDIR="$top/tests" \
     G_TEST_BUILDDIR="$top/_build/tests" GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8 \
     valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 -q \
       "$test" -q >"$top/_build/valgrind-$name.log" 2>&1; then
    echo "ok   $name"
  else
    echo "FAIL $name (see _build/valgrind-$name.log)"
    status=1
  fi
done
exit $status
