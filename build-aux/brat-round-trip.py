#!/usr/bin/env python3
# brat-round-trip.py — brat → Gloss → brat through the command line
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# For every .ann (with its .txt) under the folders given:
#   gloss --new=P.gloss X.ann          import it
#   gloss --export=json P.gloss        every quote must equal its span,
#                                      sliced by code points, UTF-16 units
#                                      and UTF-8 bytes
#   gloss --export=brat -o DIR P.gloss export it again
# then compares the two .ann files line by line for meaning: each T by its
# type, spans and text, E by trigger and arguments, R by type and ends, and
# A, N, # and * lines by what they point at — never by id, since ids are
# renumbered. The exported .txt must be the original with CRLF as LF.
#
# Usage: build-aux/brat-round-trip.py [--gloss=PATH/TO/gloss] FOLDER...
# Exit status 0 when every document keeps its meaning.

import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile


def read_ann(path):
    lines = []
    with open(path, encoding='utf-8', newline='') as f:
        for raw in f.read().replace('\r\n', '\n').split('\n'):
            if raw.strip():
                fields = raw.split('\t')
                lines.append((fields[0], fields[1] if len(fields) > 1 else '',
                              fields[2] if len(fields) > 2 else None))
    return lines


def meaning(path, text):
    lines = read_ann(path)
    by_id = {line[0]: line for line in lines if line[0] != '*'}
    memo = {}

    def key(ident):
        if ident in memo:
            return memo[ident]
        line = by_id.get(ident)
        if line is None:
            return ('missing', ident)
        kind = ident[0]
        if kind == 'T':
            kind_type, spans = line[1].split(' ', 1)
            spans = tuple(tuple(int(n) for n in s.split()) for s in spans.split(';'))
            result = ('T', kind_type, spans)
        elif kind == 'E':
            parts = line[1].split()
            event_type, trigger = parts[0].rsplit(':', 1)
            memo[ident] = ('E', event_type, key(trigger))  # against cycles
            arguments = tuple(sorted((p.rsplit(':', 1)[0], key(p.rsplit(':', 1)[1]))
                                     for p in parts[1:]))
            result = ('E', event_type, key(trigger), arguments)
        elif kind == 'R':
            parts = line[1].split()
            roles = dict(p.split(':', 1) for p in parts[1:])
            result = ('R', parts[0], key(roles.get('Arg1')), key(roles.get('Arg2')))
        else:
            result = (kind, line[1])
        memo[ident] = result
        return result

    found = collections.Counter()
    for ident, data, line_text in lines:
        kind = ident[0]
        if kind == 'T':
            k = key(ident)
            found[('T', k, line_text)] += 1
            if line_text != ' '.join(text[a:b] for a, b in k[2]):
                found[('T text differs from the .txt', ident)] += 1
        elif kind in 'ER':
            found[key(ident)] += 1
        elif kind in 'AM':
            parts = data.split(' ', 2)
            found[('A', parts[0], key(parts[1]),
                   parts[2].strip() if len(parts) > 2 else 'true')] += 1
        elif kind == 'N':
            parts = data.split()
            found[('N', parts[0], key(parts[1]), parts[2], line_text)] += 1
        elif kind == '#':
            parts = data.split()
            found[('#', parts[0], key(parts[1]), line_text)] += 1
        elif kind == '*':
            parts = data.split()
            found[('*', parts[0], tuple(sorted(map(key, parts[1:]))))] += 1
    return found


def check_json(export, problems):
    texts = {d['id']: d['text'] for d in export['documents']}
    non_ascii = 0
    for a in export['annotations']:
        text = texts[a['document']]
        quote = a['quote']
        data = text.encode('utf-8')
        units = text.encode('utf-16-le')
        by_code_points = text[a['start']:a['end']]
        by_bytes = data[a['byte_start']:a['byte_end']].decode('utf-8', 'replace')
        by_utf16 = units[2 * a['utf16_start']:2 * a['utf16_end']].decode('utf-16-le', 'replace')
        if not (by_code_points == by_bytes == by_utf16 == quote):
            problems.append('json: %s quote %r, text %r' % (a['id'], quote, by_code_points))
        if any(ord(c) > 127 for c in quote):
            non_ascii += 1
    return len(export['annotations']), non_ascii


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--gloss', default='_build/src/gloss')
    parser.add_argument('folders', nargs='+')
    options = parser.parse_args()

    anns = sorted(p for folder in options.folders
                  for p in glob.glob(os.path.join(folder, '**', '*.ann'), recursive=True))
    kept = spans = annotations = non_ascii = 0
    failed = []

    with tempfile.TemporaryDirectory() as tmp:
        for index, ann in enumerate(anns):
            problems = []
            project = os.path.join(tmp, '%d.gloss' % index)
            out = os.path.join(tmp, '%d-brat' % index)
            subprocess.run([options.gloss, '--new=' + project, ann], check=True,
                           stdout=subprocess.DEVNULL)
            exported = subprocess.run([options.gloss, '--export=json', project], check=True,
                                      stdout=subprocess.PIPE).stdout
            n, n_non_ascii = check_json(json.loads(exported), problems)
            annotations += n
            non_ascii += n_non_ascii
            subprocess.run([options.gloss, '--export=brat', '--output=' + out, project],
                           check=True, stdout=subprocess.DEVNULL)

            new_anns = glob.glob(os.path.join(out, '*.ann'))
            if len(new_anns) != 1:
                problems.append('expected one .ann in the export, found %d' % len(new_anns))
            else:
                with open(ann[:-4] + '.txt', encoding='utf-8-sig', newline='') as f:
                    original_text = f.read().replace('\r\n', '\n')
                with open(new_anns[0][:-4] + '.txt', encoding='utf-8', newline='') as f:
                    new_text = f.read()
                if original_text != new_text:
                    problems.append('the exported .txt differs from the original')
                before = meaning(ann, original_text)
                after = meaning(new_anns[0], new_text)
                spans += sum(v for k, v in before.items() if k[0] == 'T')
                for k in before - after:
                    problems.append('only in the original: %r' % (k,))
                for k in after - before:
                    problems.append('only in the export:   %r' % (k,))

            if problems:
                failed.append(ann)
                print('FAIL', ann)
                for problem in problems[:20]:
                    print('   ', problem)
            else:
                kept += 1

    print('%d of %d documents keep their meaning (%d T lines); json: %d annotations, '
          '%d with non-ASCII quotes, every quote equal to its span%s'
          % (kept, len(anns), spans, annotations, non_ascii,
             '' if not failed else ' (see above)'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
