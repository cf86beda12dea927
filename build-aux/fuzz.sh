#!/usr/bin/env bash
# fuzz.sh SECONDS — builds the libFuzzer targets with clang, ASan and UBSan,
# and runs each for SECONDS on a copy of its seed corpus in tests/fuzz/corpus.
# Fails on the first crash, leak or timeout; the input that did it is left in
# _build-fuzz/crashes/ — add it to tests/fixtures/hostile/ with a test.
set -euo pipefail
seconds=${1:-60}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
builddir=_build-fuzz
if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Dgui=false -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
ninja -C "$builddir"
mkdir -p "$builddir/crashes"
total_runs=0
for target in "$builddir"/tests/fuzz/fuzz-*; do
  [ -f "$target" ] && [ -x "$target" ] || continue
  name=$(basename "$target" | sed 's/^fuzz-//')
  corpus="$builddir/corpus/$name"
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  echo "fuzzing $name for ${seconds}s"
  log="$builddir/fuzz-$name.log"
  if ! UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
      "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$builddir/crashes/$name-" "$corpus" >"$log" 2>&1; then
    tail -50 "$log" >&2
    echo "fuzz: $name failed; see $log and $builddir/crashes/" >&2
    exit 1
  fi
  runs=$(grep -oE '#[0-9]+' "$log" | tail -1 | tr -d '#')
  echo "  $name: ${runs:-0} executions, no crash"
  total_runs=$((total_runs + ${runs:-0}))
done
echo "fuzz: $total_runs executions in all, no crash"
