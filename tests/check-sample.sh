#!/bin/sh
# check-sample.sh MAKE_SAMPLE GLOSS SAMPLE_DIR — the committed sample project
# is exactly what make-sample writes, and gloss --validate accepts it.
set -eu
make_sample=$1 gloss=$2 dir=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$make_sample" "$dir" "$tmp/sample.gloss"
if ! cmp -s "$tmp/sample.gloss" "$dir/geneva-talks.gloss"; then
  echo "data/sample/geneva-talks.gloss is stale: regenerate it with make-sample" >&2
  diff -u "$dir/geneva-talks.gloss" "$tmp/sample.gloss" | head -40 >&2 || true
  exit 1
fi
"$gloss" --validate "$dir/geneva-talks.gloss"
