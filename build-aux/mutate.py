#!/usr/bin/env python3
"""Mutation testing for the core: does the test suite notice a bug?

Makes one small change at a time to a core source file (a comparison
flipped, a bound moved by one, a condition negated), rebuilds, runs the
core tests, and counts the mutants the tests kill. Survivors are listed:
each is a line no test really checks.

  build-aux/mutate.py [--count N] [--seed S] [--files a.c,b.c]
"""
import argparse
import random
import re
import subprocess
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
BUILD = TOP / "_build-mutate"
DEFAULT_FILES = [
    "gloss-annotation-tree.c", "gloss-document.c", "gloss-history.c",
    "gloss-project-edits.c", "gloss-anchor.c", "gloss-anchor-approximate.c",
    "gloss-anchor-grams.c", "gloss-anchor-myers.c", "gloss-project-load.c",
    "gloss-project-save.c", "gloss-json-writer.c", "gloss-import-text.c",
    "gloss-import-brat.c", "gloss-import-brat-lines.c", "gloss-import-brat-spans.c",
    "gloss-brat-offsets.c", "gloss-export-json.c", "gloss-export-csv.c",
]
MUTATIONS = [
    (r" < ", " <= "), (r" <= ", " < "), (r" > ", " >= "), (r" >= ", " > "),
    (r" == ", " != "), (r" != ", " == "), (r" \+ 1\b", " - 1"), (r" - 1\b", " + 1"),
    (r"\bTRUE\b", "FALSE"), (r"\bFALSE\b", "TRUE"), (r" && ", " || "), (r" \|\| ", " && "),
]


def candidates(path):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    found = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(("/*", "*", "//", "#", "g_return", "g_assert")):
            continue
        for pattern, replacement in MUTATIONS:
            for match in re.finditer(pattern, line):
                found.append((number, match.start(), match.end(), replacement))
    return lines, found


def run(command, **kwargs):
    return subprocess.run(command, cwd=TOP, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, **kwargs).returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--files", default=",".join(DEFAULT_FILES))
    args = parser.parse_args()

    if not (BUILD / "build.ninja").exists():
        subprocess.run(["meson", "setup", str(BUILD), "-Dgui=false"], cwd=TOP, check=True,
                       stdout=subprocess.DEVNULL)
    if run(["ninja", "-C", str(BUILD)]) != 0:
        sys.exit("mutate: the unmutated tree does not build")
    if run(["meson", "test", "-C", str(BUILD), "--suite", "core", "--no-suite", "slow"]) != 0:
        sys.exit("mutate: the unmutated tree fails its tests")

    rng = random.Random(args.seed)
    pool = []
    for name in args.files.split(","):
        path = TOP / "src" / "core" / name
        lines, found = candidates(path)
        pool += [(path, lines, c) for c in found]
    rng.shuffle(pool)

    killed = survived = 0
    survivors = []
    for path, lines, (number, start, end, replacement) in pool[:args.count]:
        original = path.read_text(encoding="utf-8")
        mutated_line = lines[number][:start] + replacement + lines[number][end:]
        mutated = "".join(lines[:number] + [mutated_line] + lines[number + 1:])
        try:
            path.write_text(mutated, encoding="utf-8")
            if run(["ninja", "-C", str(BUILD)]) != 0:
                continue  # does not compile: not a mutant
            status = run(["meson", "test", "-C", str(BUILD), "--suite", "core",
                          "--no-suite", "slow", "--no-rebuild", "--timeout-multiplier", "3"], timeout=900)
        except subprocess.TimeoutExpired:
            status = 1
        finally:
            path.write_text(original, encoding="utf-8")
        where = f"{path.name}:{number + 1}: {lines[number].strip()}  →  {mutated_line.strip()}"
        if status != 0:
            killed += 1
        else:
            survived += 1
            survivors.append(where)
        print(f"{'killed  ' if status else 'SURVIVED'} {where}", flush=True)

    run(["ninja", "-C", str(BUILD)])
    total = killed + survived
    print(f"mutants: {total} run, {killed} killed, {survived} survived"
          + (f" ({100 * killed / total:.0f}% killed)" if total else ""))
    for line in survivors:
        print("  survivor:", line)


if __name__ == "__main__":
    main()
