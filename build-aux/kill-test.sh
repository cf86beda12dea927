#!/bin/sh
# kill-test.sh [ROUNDS] [ANNOTATIONS] — the kill test at full size: a child
# saves a large project over and over and is killed with SIGKILL at random
# moments; after every kill the file must be complete, load, and equal one
# of the saved states. The test suite runs the same test smaller.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ninja -C "$top/_build" tests/test-kill-save >/dev/null
GLOSS_KILL_ROUNDS=${1:-200} GLOSS_KILL_ANNOTATIONS=${2:-100000} \
  G_TEST_SRCDIR="$top/tests" G_TEST_BUILDDIR="$top/_build/tests" \
  "$top/_build/tests/test-kill-save" --verbose
