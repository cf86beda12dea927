#!/usr/bin/env python3
"""check-web-import.py GLOSS DIR — how well Gloss turns saved pages into articles.

Each subfolder of DIR holding source.html, expected.html and
expected-metadata.json is imported with the command line
(`GLOSS --new=P.gloss source.html`, then `GLOSS --export=json P.gloss`).
Prints per page and overall:
  - the token F1 between the document's text and the article as Reader
    View shows it: the expected title, then expected.html's text (Unicode
    case-folded \\w+ tokens, counted as a multiset). Gloss puts the
    headline first as Reader View does, so expected.html alone would count
    every headline word as an error; the F1 of the body alone (the
    document's text after its first paragraph against expected.html) is
    printed too, as "body";
  - whether the title, byline and publication date match the expected
    metadata, counted over the pages whose metadata has them.

Matching (docs/web-import.md):
  title   equal after case folding and collapsing white space, or equal once
          a site-name segment (" | Site", " - Site", "Site: "…) is taken
          from one end of either;
  byline  the authors joined with ", " against the expected byline, both
          normalised and without a leading "by": equal, or one contains
          the other;
  date    the same instant when both give a time of day, else the same
          calendar day.
Exits 1 when a target is missed: mean F1 >= 0.93, every page >= 0.70,
titles >= 90 %, bylines >= 70 %, dates >= 80 %.
"""
import argparse
import collections
import datetime
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

SEPARATORS = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", ": ", " : "]
BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
          "blockquote", "pre", "figcaption", "section", "article", "dt", "dd", "table", "ul", "ol"}


class TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(markup):
    parser = TextOf()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def tokens(text):
    return collections.Counter(re.findall(r"\w+", text.casefold()))


def f1(found, expected):
    a, b = tokens(found), tokens(expected)
    common = sum((a & b).values())
    if common == 0:
        return 1.0 if not a and not b else 0.0
    precision = common / sum(a.values())
    recall = common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def normalise(text):
    return " ".join((text or "").casefold().split())


def title_variants(title):
    title = normalise(title)
    variants = {title}
    for separator in SEPARATORS:
        if separator in title:
            variants.add(title.rsplit(separator, 1)[0].strip())
            variants.add(title.split(separator, 1)[1].strip())
    return {v for v in variants if v}


def title_matches(found, expected):
    return bool(title_variants(found) & title_variants(expected)) and bool(normalise(found))


def strip_by(text):
    text = normalise(text)
    return re.sub(r"^by[:\s]+", "", text).strip()


def byline_matches(authors, expected):
    found = strip_by(", ".join(authors or []))
    wanted = strip_by(expected)
    if not found or not wanted:
        return False
    return found == wanted or found in wanted or wanted in found


def parse_date(text):
    text = (text or "").strip()
    if not text:
        return None, False
    iso = text.replace("Z", "+00:00")
    iso = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", iso)
    try:
        value = datetime.datetime.fromisoformat(iso)
        has_time = "T" in text or " " in text.strip()
        return value, has_time
    except ValueError:
        pass
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        return datetime.datetime(*map(int, match.groups())), False
    return None, False


def date_matches(found, expected):
    a, a_time = parse_date(found)
    b, b_time = parse_date(expected)
    if a is None or b is None:
        return False
    if a_time and b_time and a.tzinfo is not None and b.tzinfo is not None:
        return a == b
    return a.date() == b.date()


def import_page(gloss, source, workdir):
    project = os.path.join(workdir, "page.gloss")
    if os.path.exists(project):
        os.remove(project)
    made = subprocess.run([gloss, f"--new={project}", source], capture_output=True, text=True)
    if made.returncode != 0:
        return None, made.stderr.strip()
    exported = subprocess.run([gloss, "--export=json", project], capture_output=True, text=True)
    if exported.returncode != 0:
        return None, exported.stderr.strip()
    documents = json.loads(exported.stdout)["documents"]
    return (documents[0] if documents else None), ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gloss")
    parser.add_argument("dir")
    args = parser.parse_args()

    pages = sorted(d for d in os.listdir(args.dir)
                   if os.path.isfile(os.path.join(args.dir, d, "source.html")))
    scores = []
    body_scores = []
    counts = {"title": [0, 0], "byline": [0, 0], "date": [0, 0]}
    with tempfile.TemporaryDirectory() as workdir:
        for name in pages:
            folder = os.path.join(args.dir, name)
            with open(os.path.join(folder, "expected.html"), encoding="utf-8") as f:
                expected_text = html_text(f.read())
            with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
                expected = json.load(f)
            document, problem = import_page(args.gloss, os.path.join(folder, "source.html"), workdir)
            provenance = (document or {}).get("provenance") or {}
            reference = (expected.get("title") or "") + "\n\n" + expected_text
            score = f1(document["text"], reference) if document else 0.0
            body = document["text"].split("\n\n", 1)[-1] if document else ""
            body_score = f1(body, expected_text) if document else 0.0
            scores.append(score)
            body_scores.append(body_score)
            marks = []
            checks = (("title", expected.get("title"), lambda e: title_matches((document or {}).get("title"), e)),
                      ("byline", expected.get("byline"), lambda e: byline_matches(provenance.get("authors"), e)),
                      ("date", expected.get("publishedTime"), lambda e: date_matches(provenance.get("published"), e)))
            for key, wanted, matches in checks:
                if not wanted:
                    continue
                counts[key][1] += 1
                ok = document is not None and matches(wanted)
                counts[key][0] += ok
                marks.append(f"{key} {'ok' if ok else 'MISS'}")
            print(f"{name:48} F1 {score:.3f} (body {body_score:.3f})  {'  '.join(marks)}{'  ERROR ' + problem if problem else ''}")

    mean = sum(scores) / len(scores) if scores else 0.0
    low = min(scores) if scores else 0.0
    print(f"\n{len(pages)} pages: mean F1 {mean:.3f}, min F1 {low:.3f}"
          f" (body alone: mean {sum(body_scores) / max(len(body_scores), 1):.3f},"
          f" min {min(body_scores, default=0.0):.3f})")
    failed = mean < 0.93 or low < 0.70
    for key, target in (("title", 0.90), ("byline", 0.70), ("date", 0.80)):
        matched, total = counts[key]
        share = matched / total if total else 1.0
        print(f"{key}s: {matched}/{total} match ({share:.0%})")
        failed = failed or share < target
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
