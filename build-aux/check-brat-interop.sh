#!/bin/sh
# check-brat-interop.sh — import real brat documents and check every span
#
#   build-aux/check-brat-interop.sh [--core|--cli] [BUILDDIR] [CORPUS]
#
# Imports every .ann (with its .txt) under CORPUS (default: ../shared/interop/brat
# beside the checkout) and checks that each T line's text equals the quote of
# the annotation Gloss made for it, at brat's offsets, anchored. Prints a
# line per document and the totals; exits 1 on any mismatch.
#
# This is not one of the project's tests: it reads files outside the tree,
# which a fresh clone does not have.
#
# --cli  runs `gloss --new=P.gloss FILE.ann...` and `gloss --export=json P.gloss`
#        and checks the JSON with python3 (needs the command line).
# --core compiles a small checker against the core library in BUILDDIR and
#        imports through gloss_import_file() directly.
# Without either, --cli is used when `gloss --help` offers --new and --export.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
mode=auto
case "${1:-}" in
  --cli) mode=cli; shift ;;
  --core) mode=core; shift ;;
esac
build=${1:-$here/_build}
corpus=${2:-}
if [ -z "$corpus" ]; then
  # ../shared beside the main checkout; a worktree sits one level deeper.
  for candidate in "$here/../shared/interop/brat" "$here/../../shared/interop/brat"; do
    if [ -d "$candidate" ]; then
      corpus=$candidate
      break
    fi
  done
  corpus=${corpus:-$here/../shared/interop/brat}
fi

if [ ! -d "$corpus" ]; then
  echo "check-brat-interop: no corpus at $corpus" >&2
  exit 2
fi
build=$(cd "$build" && pwd)
corpus=$(cd "$corpus" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/gloss-interop-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

gloss="$build/src/gloss"
if [ "$mode" = auto ]; then
  mode=core
  if [ -x "$gloss" ] && "$gloss" --help 2>/dev/null | grep -q -- '--new' &&
     "$gloss" --help 2>/dev/null | grep -q -- '--export'; then
    mode=cli
  fi
fi

if [ "$mode" = cli ]; then
  status=0
  for dir in "$corpus"/*/; do
    set -- "$dir"*.ann
    [ -e "$1" ] || continue
    name=$(basename "$dir")
    "$gloss" --new="$work/$name.gloss" "$@" || { echo "$name: gloss --new failed" >&2; status=1; continue; }
    "$gloss" --export=json "$work/$name.gloss" > "$work/$name.json" ||
      { echo "$name: gloss --export=json failed" >&2; status=1; continue; }
    python3 - "$work/$name.json" "$dir" <<'EOF' || status=1
import json, os, sys

export = json.load(open(sys.argv[1], encoding='utf-8'))
folder = sys.argv[2]
annotations = {}
for a in export['annotations']:
    annotations.setdefault(a['document'], []).append(a)

total = mismatches = non_ascii = 0
for document in export['documents']:
    base = os.path.splitext(os.path.basename(document['source']))[0]
    text = document['text']
    spans = {}
    for a in annotations.get(document['id'], []):
        assert a['quote'] == text[a['start']:a['end']], (base, a)
        spans.setdefault((a['start'], a['end']), []).append(a)
    for number, line in enumerate(open(os.path.join(folder, base + '.ann'), encoding='utf-8'), 1):
        line = line.rstrip('\r\n')
        if not line.startswith('T'):
            continue
        _, head, quote = line.split('\t', 2)
        kind, offsets = head.split(' ', 1)
        pieces = [tuple(map(int, p.split())) for p in offsets.split(';')]
        total += 1
        non_ascii += any(ord(c) > 127 for c in quote)
        ok = False
        for a in spans.get((pieces[0][0], pieces[-1][1]), []):
            if kind in a['tags'] and a['state'] == 'anchored':
                if len(pieces) == 1:
                    ok = ok or a['quote'] == quote
                else:
                    ok = ok or ' '.join(text[s:e] for s, e in pieces) == quote
        if not ok:
            mismatches += 1
            print('  %s.ann:%d: MISMATCH %s' % (base, number, line))
print('%s: %d T lines, %d with non-ASCII text, %d mismatches'
      % (os.path.basename(folder.rstrip('/')), total, non_ascii, mismatches))
sys.exit(1 if mismatches else 0)
EOF
  done
  exit $status
fi

# --core: a throwaway checker linked with the core library.
lib="$build/src/core/libgloss-core.a"
if [ ! -f "$lib" ]; then
  echo "check-brat-interop: build first (no $lib)" >&2
  exit 2
fi

cat > "$work/check.c" <<'EOF'
#include <stdio.h>
#include <string.h>

#include "gloss.h"

static guint total, mismatches, non_ascii, problems;

static gboolean
has_tag (GlossProject *project, GlossAnnotation *annotation, const char *name)
{
  GlossTag *tag = gloss_project_lookup_tag_by_name (project, name);

  return tag != NULL && gloss_annotation_has_tag (annotation, gloss_tag_get_id (tag));
}

static char *
fragments_text (GlossDocument *document, const char *fragments)
{
  g_auto(GStrv) pieces = g_strsplit (fragments, ";", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      guint start = 0, end = 0;
      g_autofree char *slice = NULL;

      if (sscanf (pieces[i], "%u %u", &start, &end) != 2)
        break;
      slice = gloss_document_dup_slice (document, start, end);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", slice);
    }

  return g_string_free (text, FALSE);
}

static void
check (const char *path)
{
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GlossImportReport) report = gloss_import_report_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_auto(GStrv) lines = NULL;
  guint here = 0, bad = 0;

  if (!gloss_import_file (project, file, report, &error))
    {
      printf ("%s: %s\n", name, error->message);
      mismatches++;
      return;
    }
  document = g_list_model_get_item (gloss_project_get_documents (project), 0);
  summary = gloss_import_report_summary (report);
  problems += report->messages->len;
  for (guint i = 0; i < report->messages->len; i++)
    printf ("  %s\n", (const char *) g_ptr_array_index (report->messages, i));

  g_file_get_contents (path, &contents, NULL, NULL);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) head = NULL;
      g_auto(GStrv) pieces = NULL;
      g_autoptr(GPtrArray) found = NULL;
      guint start = 0, end = 0, last_start = 0;
      gboolean ok = FALSE;

      if (lines[i][0] != 'T')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) != 3)
        continue;
      head = g_strsplit (fields[1], " ", 2);
      pieces = g_strsplit (head[1], ";", -1);
      sscanf (pieces[0], "%u", &start);
      sscanf (pieces[g_strv_length (pieces) - 1], "%u %u", &last_start, &end);
      here++;
      for (const char *p = fields[2]; *p != '\0'; p++)
        if ((guchar) *p >= 0x80)
          {
            non_ascii++;
            break;
          }

      found = gloss_document_annotations_in_range (document, start, end);
      for (guint j = 0; j < found->len && !ok; j++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (found, j);
          const char *fragments = gloss_annotation_get_attribute (annotation, "brat:fragments");
          g_autofree char *slice = gloss_document_dup_slice (document, start, end);

          if (gloss_annotation_get_start (annotation) != start ||
              gloss_annotation_get_end (annotation) != end ||
              !has_tag (project, annotation, head[0]) ||
              gloss_annotation_get_state (annotation) != GLOSS_ANCHOR_ANCHORED ||
              !g_str_equal (slice, gloss_annotation_get_quote (annotation)))
            continue;
          if (g_strv_length (pieces) == 1)
            ok = g_str_equal (gloss_annotation_get_quote (annotation), fields[2]);
          else if (fragments != NULL)
            {
              g_autofree char *joined = fragments_text (document, fragments);

              ok = g_str_equal (joined, fields[2]);
            }
        }
      if (!ok)
        {
          printf ("  %s:%u: MISMATCH %s\n", name, i + 1, lines[i]);
          bad++;
        }
    }

  total += here;
  mismatches += bad;
  printf ("%s: %s; %u T lines, %u mismatches\n", name, summary, here, bad);
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    check (argv[i]);
  printf ("%u T lines, %u with non-ASCII text, %u mismatches, %u problems reported\n",
          total, non_ascii, mismatches, problems);
  return mismatches > 0;
}
EOF

# shellcheck disable=SC2046
cc -o "$work/check" "$work/check.c" -I"$here/src/core" -I"$build" \
   $(pkg-config --cflags gio-2.0 json-glib-1.0) "$lib" \
   $(pkg-config --libs gio-2.0 json-glib-1.0) -lm
LC_ALL=C.UTF-8 "$work/check" $(find "$corpus" -name '*.ann' | sort)
