#!/usr/bin/env python3
# GUI tests for Gloss: a real window, a real mouse and keyboard (xdotool).
#
#   gui-tests.py GLOSS_BINARY BUILD_DIR SCENARIO [OUT_DIR]
#
# The window writes its state and the screen rectangle of every visible
# code point to GLOSS_TEST_REPORT; the tests aim the mouse at characters
# from there and check the saved .gloss file. Offsets are code points, as
# Python's str indexes them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def xdo(*args):
    subprocess.run(['xdotool'] + [str(a) for a in args], check=True)


class App:
    def __init__(self, gloss, workdir, args, env=None, name='app', wrapper=()):
        self.workdir = workdir
        self.report_path = os.path.join(workdir, name + '-report.json')
        self.log_path = os.path.join(workdir, name + '.log')
        if os.path.exists(self.report_path):
            os.unlink(self.report_path)
        full_env = dict(os.environ)
        full_env['GLOSS_TEST_REPORT'] = self.report_path
        full_env.update(env or {})
        self.log = open(self.log_path, 'w')
        self.proc = subprocess.Popen(list(wrapper) + [gloss] + args, env=full_env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.origin = None
        self.wait(lambda r: r.get('xid'), 'the window to appear', timeout=20)
        time.sleep(0.3)
        xid = self.last['xid']
        xdo('windowfocus', xid)
        self.locate()
        self.settle()

    def settle(self, timeout=5):
        """Waits until the article stops moving: a bar sliding in above it
        (asking for the analyst's name) moves every character down, and a
        click aimed before that lands a line too high."""
        deadline = time.time() + timeout
        seen, same = None, 0
        while time.time() < deadline and same < 3:
            r = self.report()
            offsets = r.get('offsets') or {}
            first = min(offsets, key=int) if offsets else None
            now = (json.dumps(r.get('article_rect')), first, json.dumps(offsets.get(first)))
            same = same + 1 if now == seen else 0
            seen = now
            time.sleep(0.15)

    def locate(self):
        out = subprocess.run(['xdotool', 'getwindowgeometry', str(self.last['xid'])],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            line = line.strip()
            if line.startswith('Position:'):
                x, y = line.split()[1].split(',')
                self.origin = (int(x), int(y))
        check(self.origin is not None, 'no window position from xdotool: ' + out)

    def report(self):
        for _ in range(20):
            try:
                with open(self.report_path) as f:
                    self.last = json.load(f)
                    return self.last
            except (OSError, ValueError):
                time.sleep(0.05)
        return {}

    def wait(self, predicate, what, timeout=10):
        deadline = time.time() + timeout
        self.last = {}
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise Failure('gloss exited (%s) while waiting for %s; log:\n%s'
                              % (self.proc.returncode, what, self.read_log()))
            report = self.report()
            try:
                if report and predicate(report):
                    return report
            except (KeyError, TypeError, IndexError):
                pass
            time.sleep(0.1)
        summary = {k: v for k, v in self.last.items() if k != 'offsets'}
        raise Failure('timed out waiting for %s; last report: %s' % (what, json.dumps(summary)[:3000]))

    def read_log(self):
        self.log.flush()
        with open(self.log_path) as f:
            return f.read()[-int(os.environ.get("GLOSS_LOG_TAIL", "4000")):]

    def rect(self, offset):
        # Where the character stays: a bar that slides in above the article
        # (the question for the user's name) moves the text for a moment.
        deadline = time.time() + 10
        last = None
        while True:
            report = self.wait(lambda r: str(offset) in r['offsets'],
                               'offset %d to be on screen' % offset)
            rect = tuple(report['offsets'][str(offset)])
            if rect == last or time.time() > deadline:
                return rect
            last = rect
            time.sleep(0.25)

    def point(self, offset, inside=False):
        """The left edge of a character (a boundary), or its middle."""
        x, y, w, h = self.rect(offset)
        dx = w // 2 if inside else 1
        return self.origin[0] + x + dx, self.origin[1] + y + h // 2

    def move(self, offset, inside=False):
        x, y = self.point(offset, inside)
        xdo('mousemove', x, y)
        time.sleep(0.08)

    def drag(self, start, end, alt=False):
        """Drags from the boundary before @start to the one before @end."""
        sx, sy = self.point(start)
        ex, ey = self.point(end)
        if alt:
            xdo('keydown', 'alt')
        xdo('mousemove', sx, sy)
        time.sleep(0.1)
        xdo('mousedown', 1)
        time.sleep(0.1)
        xdo('mousemove', (sx + ex) // 2, (sy + ey) // 2)
        time.sleep(0.1)
        xdo('mousemove', ex, ey)
        time.sleep(0.1)
        xdo('mouseup', 1)
        time.sleep(0.1)
        if alt:
            xdo('keyup', 'alt')
        time.sleep(0.45)  # past the double-click time

    def click(self, offset):
        self.move(offset, inside=True)
        xdo('click', 1)
        time.sleep(0.45)

    def key(self, *keys):
        for k in keys:
            xdo('key', k)
            time.sleep(0.12)

    def type(self, text):
        xdo('type', '--delay', 30, text)
        time.sleep(0.2)

    def screenshot(self, path):
        subprocess.run(['import', '-window', str(self.last['xid']), path], check=True)

    def kill(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


# ---- project files ----

def read_fixture(name):
    with open(os.path.join(FIXTURES, name), encoding='utf-8', newline='') as f:
        return f.read()


def make_project(gloss, path, article, annotations=(), relations=()):
    """A project made by the command line, then given annotations here:
    (start, end, [tags], note, id) and relations (from id, to id, type)."""
    text_path = os.path.join(os.path.dirname(path), 'article.txt')
    with open(text_path, 'w', encoding='utf-8', newline='') as f:
        f.write(article)
    subprocess.run([gloss, '--new=' + path, '--force', text_path], check=True,
                   capture_output=True)
    with open(path, encoding='utf-8') as f:
        project = json.load(f)
    doc = project['documents'][0]
    text = doc['text']
    items = []
    for start, end, tags, note, ident in sorted(annotations):
        items.append({
            'id': ident, 'start': start, 'end': end,
            'quote': text[start:end],
            'prefix': text[max(0, start - 32):start],
            'suffix': text[end:end + 32],
            'tags': list(tags), 'note': note, 'attributes': {},
            'author': 'Test', 'created': '2026-01-01T00:00:00.000000Z',
            'modified': None, 'state': 'anchored',
        })
    doc['annotations'] = items
    project['relations'] = [
        {'id': 'r%d' % i, 'type': t, 'from': a, 'to': b, 'note': ''}
        for i, (a, b, t) in enumerate(relations)
    ]
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
        f.write('\n')
    return text


def load_project(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def word(text, w, nth=0):
    """[start, end) of the nth occurrence of @w."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(w, start + 1)
    return start, start + len(w)


# ---- scenarios ----

def scenario_annotate_drag(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    s, e = word(text, 'Maren Oyelaran')
    app.drag(s, e)
    app.wait(lambda r: r['palette'] and r['selection'] == [s, e],
             'the palette beside the selection [%d, %d)' % (s, e))
    app.key('2')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    doc = load_project(ctx.project)['documents'][0]
    check(len(doc['annotations']) == 1, 'saved annotations: %r' % doc['annotations'])
    a = doc['annotations'][0]
    check((a['start'], a['end']) == (s, e), 'saved bounds %r, wanted %r' % ((a['start'], a['end']), (s, e)))
    check(a['tags'] == ['source'], 'saved tags %r' % a['tags'])
    check(a['quote'] == 'Maren Oyelaran', 'saved quote %r' % a['quote'])


def scenario_annotate_keyboard(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    # Past the emoji and the combining-free umlauts: code points, not bytes.
    s, e = word(text, 'One petitioner')
    app.click(s)
    app.wait(lambda r: r['caret'] in (s, s + 1), 'the caret at %d' % s)
    caret = app.last['caret']
    if caret != s:
        app.key('Left')
    app.wait(lambda r: r['caret'] == s, 'the caret at %d' % s)
    # Shift+Right goes word by word: selections snap to words.
    app.key('shift+Right', 'shift+Right')
    app.wait(lambda r: r['selection'] == [s, e] and r['palette'],
             'a keyboard selection [%d, %d) with the palette' % (s, e))
    app.key('1')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    a = load_project(ctx.project)['documents'][0]['annotations'][0]
    check((a['start'], a['end'], a['tags']) == (s, e, ['claim']),
          'saved %r' % ((a['start'], a['end'], a['tags']),))
    check(a['quote'] == text[s:e], 'quote %r' % a['quote'])


def scenario_snap_and_exact(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    s, e = word(text, 'harbour council postponed')
    # From inside the first word to inside the last: snaps out to both ends.
    app.drag(s + 3, e - 4)
    app.wait(lambda r: r['selection'] == [s, e], 'a selection snapped to [%d, %d)' % (s, e))
    app.key('Escape')
    app.wait(lambda r: r['selection'] is None, 'the selection to clear')
    # Holding Alt selects exactly the characters dragged over.
    app.drag(s + 3, e - 4, alt=True)
    app.wait(lambda r: r['selection'] == [s + 3, e - 4],
             'an exact selection [%d, %d)' % (s + 3, e - 4))
    app.key('3')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
    a = app.last['document']['annotations'][0]
    check((a['start'], a['end']) == (s + 3, e - 4), 'exact bounds %r' % a)
    # Double-click selects a word, triple-click its paragraph.
    ws, we = word(text, 'Tuesday')
    app.move(ws + 2, inside=True)
    xdo('click', '--repeat', 2, '--delay', 80, 1)
    app.wait(lambda r: r['selection'] == [ws, we], 'the double-clicked word [%d, %d)' % (ws, we))
    app.key('Escape')
    time.sleep(0.5)
    ps = text.rindex('\n', 0, ws) + 1
    pe = text.index('\n', ws)
    app.move(ws + 2, inside=True)
    xdo('click', '--repeat', 3, '--delay', 80, 1)
    app.wait(lambda r: r['selection'] and r['selection'][0] == ps and r['selection'][1] in (pe, pe + 1),
             'the triple-clicked paragraph [%d, %d)' % (ps, pe))


def scenario_snap_words(ctx):
    """Snapping takes the word the pointer is inside, keeps quotation
    marks paired, and works the same from the keyboard."""
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    # One pixel past the full stop (on the space): "A" stays out.
    s, _ = word(text, 'twice the figure')
    stop = text.index('March.') + len('March.')
    app.drag(s + 2, stop)
    app.wait(lambda r: r['selection'] == [s, stop],
             'the selection to end at the full stop: %r' % text[s:stop])
    app.key('Escape')
    app.wait(lambda r: r['selection'] is None, 'the selection to clear')
    # Starting on a quotation mark takes its partner (and the comma
    # outside stays out).
    q = text.index('"unanswered')
    qe = text.index('budget"') + len('budget"')
    app.drag(q, qe - 3)
    app.wait(lambda r: r['selection'] == [q, qe], 'the quotation %r' % text[q:qe])
    app.key('Escape')
    app.wait(lambda r: r['selection'] is None, 'the selection to clear')
    g = text.index('«')
    ge = text.index('»') + 1
    app.drag(g, ge - 5)
    app.wait(lambda r: r['selection'] == [g, ge], 'the guillemets %r' % text[g:ge])
    app.key('Escape')
    app.wait(lambda r: r['selection'] is None, 'the selection to clear')
    # From the keyboard, begun inside a word: the word, then the next.
    ls, le = word(text, 'Larkmouth')
    app.click(ls + 3)
    app.wait(lambda r: r['caret'] in (ls + 3, ls + 4), 'the caret inside Larkmouth')
    app.key('shift+Right')
    app.wait(lambda r: r['selection'] == [ls, le], 'the keyboard selection of the word')
    app.key('shift+Right')
    _, he = word(text, 'Larkmouth harbour')
    app.wait(lambda r: r['selection'] == [ls, he], 'the keyboard selection of two words')
    app.key('shift+Left')
    app.wait(lambda r: r['selection'] == [ls, le], 'one word given back')


def scenario_overlap(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    s1, e1 = word(text, 'would cost 41 million crowns')
    s2, e2 = word(text, '41 million crowns, twice the figure')
    app.drag(s1, e1)
    app.wait(lambda r: r['selection'] == [s1, e1], 'the first selection')
    app.key('1')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the first annotation')
    app.drag(s2, e2)
    app.wait(lambda r: r['selection'] == [s2, e2], 'the second, overlapping selection')
    app.key('8')
    app.wait(lambda r: r['document']['n_annotations'] == 2, 'the second annotation')
    anns = app.last['document']['annotations']
    by_start = {a['start']: a for a in anns}
    check(set(by_start) == {s1, s2}, 'starts %r' % list(by_start))
    # A click where only the first lies selects it; where only the second, that one.
    app.click(s1 + 1)
    app.wait(lambda r: r['selected'] and r['selected']['start'] == s1, 'the first to be selected')
    app.click(e2 - 2)
    app.wait(lambda r: r['selected'] and r['selected']['start'] == s2, 'the second to be selected')
    # Where both lie, a popover lists the two; Return takes one of them.
    app.click(s2 + 3)
    app.wait(lambda r: r['chooser'] == 2, 'the list of the two overlapping annotations')
    app.key('Down', 'Return')
    app.wait(lambda r: r['chooser'] == 0 and r['selected'] and r['selected']['start'] in (s1, s2),
             'one of them selected from the list')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    saved = load_project(ctx.project)['documents'][0]['annotations']
    check(sorted((a['start'], a['end'], tuple(a['tags'])) for a in saved) ==
          sorted([(s1, e1, ('claim',)), (s2, e2, ('date-number',))]), 'saved %r' % saved)


def scenario_overlap_chooser(ctx):
    """The chooser of overlapping annotations opens on the first click,
    from any state, and shows each one's colour; light and dark."""
    text = ctx.article
    s1, e1 = word(text, 'would cost 41 million crowns')
    s2, e2 = word(text, '41 million crowns, twice the figure')
    s3, e3 = word(text, 'Maren Oyelaran')
    make_project(ctx.gloss, ctx.project, text,
                 annotations=[(s1, e1, ['claim'], '', 'o1'), (s2, e2, ['date-number'], '', 'o2'),
                              (s3, e3, ['person'], '', 'o3')])
    out = ctx.out or ctx.tmp
    for style in ('light', 'dark'):
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name=style)
        app.wait(lambda r: r['document']['n_annotations'] == 3, 'the annotations')
        # The layout settles (the name bar comes in above the article).
        before = None
        for _ in range(30):
            now = app.rect(s2 + 3)
            if now == before:
                break
            before = now
            time.sleep(0.3)
        # From a fresh window: one click.
        app.click(s2 + 3)
        app.wait(lambda r: r['chooser'] == 2, 'the chooser on the first click')
        time.sleep(0.4)
        r = app.report()
        ox, oy = r['window_surface_offset']
        subprocess.run(['import', '-window', 'root', '-crop', '%dx%d+%d+%d' % (
            r['width'] + 2 * ox, r['height'] + 2 * oy, app.origin[0], app.origin[1]),
            os.path.join(out, 'screenshot-overlap-chooser-%s.png' % style)], check=True)
        check(r['chooser_chips'] == ['#f6d32d', '#f66151'], 'the chips %r' % r.get('chooser_chips'))
        # With the chooser open, a click on another overlap opens it there.
        app.click(s2 + 5)
        app.wait(lambda r: r['chooser'] == 2, 'the chooser again on one click')
        app.key('Escape')
        app.wait(lambda r: r['chooser'] == 0, 'the chooser closed')
        # After selecting another annotation (the inspector shown): one click.
        app.click(s3 + 2)
        app.wait(lambda r: r['selected'] and r['selected']['id'] == 'o3', 'another selected')
        app.click(s2 + 3)
        app.wait(lambda r: r['chooser'] == 2, 'the chooser on the first click after a selection')
        app.key('Down', 'Return')
        app.wait(lambda r: r['chooser'] == 0 and r['selected'] and r['selected']['id'] in ('o1', 'o2'),
                 'one of them chosen')
        app.kill()


def scenario_tags_and_span_screenshots(ctx):
    """The tags dialog (drag handles, a new tag scrolled to) and the
    inspector's labelled span buttons, light and dark."""
    text = ctx.article
    a = word(text, 'Maren Oyelaran')
    make_project(ctx.gloss, ctx.project, text, annotations=[(a[0], a[1], ['person'], '', 'p1')])
    out = ctx.out or ctx.tmp
    for style in ('light', 'dark'):
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name=style)
        app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
        app.key('alt+Down')
        app.wait(lambda r: r['selected'] and r['inspector_rect'][3] > 250, 'the inspector open')
        # Down the inspector to the span's buttons.
        x, y, w, h = app.last['inspector_rect']
        xdo('mousemove', app.origin[0] + x + w // 2, app.origin[1] + y + h // 2)
        time.sleep(0.2)
        xdo('click', '--repeat', 15, '--delay', 30, 5)
        time.sleep(0.8)
        app.screenshot(os.path.join(out, 'screenshot-inspector-%s.png' % style))
        app.key('ctrl+t')
        app.wait(lambda r: any(d['type'] == 'GlossTagsDialog' for d in r['dialogs']), 'the tags dialog')
        time.sleep(0.5)
        for _ in range(6):
            app.key('ctrl+n')
        time.sleep(0.8)
        subprocess.run(['import', '-window', 'root', os.path.join(out, 'screenshot-tags-dialog-%s.png' % style)],
                       check=True)
        app.kill()


def long_article(title, topic, n=40):
    return title + '\n\n' + '\n\n'.join(
        'Paragraph %d of the %s goes on about timetables, fares and the weather.' % (i, topic)
        for i in range(n)) + '\n'


def scenario_reopen_position(ctx):
    """A project reopens on the document it showed, scrolled where it was."""
    paths = []
    for name, title, topic in (('a.txt', 'Ferry minutes', 'minutes'), ('b.txt', 'Harbour budget', 'budget')):
        path = os.path.join(ctx.tmp, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(long_article(title, topic))
        paths.append(path)
    subprocess.run([ctx.gloss, '--new=' + ctx.project, '--force'] + paths, check=True, capture_output=True)
    docs = load_project(ctx.project)['documents']
    second = docs[1]
    text = second['text']
    target = text.index('Paragraph 30 of the budget')
    app = ctx.start([ctx.project])
    app.wait(lambda r: r['document'] and r['document']['id'] == docs[0]['id'], 'the first document')
    # The name bar comes in above the rows: click again if the layout moved.
    for attempt in range(4):
        report = app.wait(lambda r: len(r['document_rows']) == 2, 'two document rows')
        x, y, w, h = report['document_rows'][1]
        xdo('mousemove', app.origin[0] + x + w // 2, app.origin[1] + y + h // 2)
        time.sleep(0.3)
        xdo('click', 1)
        try:
            app.wait(lambda r: r['document']['id'] == second['id'], 'the second document shown', timeout=3)
            break
        except Failure:
            if attempt == 3:
                raise
    # Scroll with the wheel until paragraph 30 is at the top of the view.
    x, y, w, h = app.last['article_rect']
    xdo('mousemove', app.origin[0] + x + w // 2, app.origin[1] + y + h // 2)
    for _ in range(60):
        if str(target) not in app.report()['offsets'] or \
                app.last['offsets'][str(target)][1] > y + 60:
            xdo('click', 5)
            time.sleep(0.08)
        else:
            break
    app.wait(lambda r: str(target) in r['offsets'] and r['offsets'][str(target)][1] <= y + 60,
             'paragraph 30 at the top')
    time.sleep(1.5)  # the position is remembered a moment after the view settles
    app.kill()
    app = ctx.start([ctx.project], name='again')
    app.wait(lambda r: r['document'] and r['document']['id'] == second['id'],
             'the second document shown again')
    x, y, w, h = app.last['article_rect']
    app.wait(lambda r: str(target) in r['offsets'] and r['offsets'][str(target)][1] <= y + 60,
             'paragraph 30 back at the top')


def scenario_find_mid_view(ctx):
    """Find brings a far match to the middle of the view."""
    text = long_article('Ferry minutes', 'minutes', 60)
    needle = 'Paragraph 45 of'
    make_project(ctx.gloss, ctx.project, text)
    app = ctx.start([ctx.project])
    app.wait(lambda r: r['document'] and r['article_rect'], 'the article')
    app.key('ctrl+f')
    app.wait(lambda r: r['search_mode'], 'the find bar')
    app.type(needle)
    start = text.index(needle)
    app.wait(lambda r: r['selection'] == [start, start + len(needle)] and str(start) in r['offsets'],
             'the match selected and on screen')
    time.sleep(0.5)
    r = app.report()
    x, y, w, h = r['article_rect']
    my = r['offsets'][str(start)][1] + r['offsets'][str(start)][3] / 2
    print('match at %d in an article view from %d to %d' % (my, y, y + h))
    check(abs(my - (y + h / 2)) < h / 4, 'the match at %d, not mid-view (%d–%d)' % (my, y, y + h))


def scenario_relation(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    cs, ce = word(text, 'would cost 41 million crowns')
    ss, se = word(text, 'Maren Oyelaran')
    app.drag(cs, ce)
    app.wait(lambda r: r['selection'] == [cs, ce], 'the claim selection')
    app.key('1')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the claim')
    app.drag(ss, se)
    app.wait(lambda r: r['selection'] == [ss, se], 'the source selection')
    app.key('2')
    app.wait(lambda r: r['document']['n_annotations'] == 2, 'the source')
    app.click(cs + 2)
    app.wait(lambda r: r['selected'] and r['selected']['start'] == cs, 'the claim selected')
    app.key('ctrl+l')
    app.wait(lambda r: r['link_mode'], 'link mode')
    app.click(ss + 2)
    app.wait(lambda r: any('gloss-link-type-dialog' in d['classes'] for d in r['dialogs']),
             'the choice of relation type')
    app.key('Return')  # the default: the project's first relation type
    app.wait(lambda r: r['n_relations'] == 1 and not r['link_mode'], 'the relation')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    project = load_project(ctx.project)
    anns = {a['start']: a['id'] for a in project['documents'][0]['annotations']}
    check(len(project['relations']) == 1, 'relations %r' % project['relations'])
    rel = project['relations'][0]
    check((rel['from'], rel['to']) == (anns[cs], anns[ss]), 'relation %r' % rel)
    check(rel['type'] == project['relation_types'][0], 'relation type %r' % rel['type'])


def scenario_undo_redo(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    s, e = word(text, 'Coastal Ledger')
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection')
    app.key('2')
    app.wait(lambda r: r['document']['n_annotations'] == 1 and r['dirty'], 'the annotation')
    app.key('ctrl+z')
    app.wait(lambda r: r['document']['n_annotations'] == 0 and not r['dirty'], 'the undo')
    app.key('ctrl+shift+z')
    app.wait(lambda r: r['document']['n_annotations'] == 1 and r['dirty'], 'the redo')
    a = app.last['document']['annotations'][0]
    check((a['start'], a['end'], a['tags']) == (s, e, ['source']), 'redone %r' % a)
    # Delete, then undo the delete.
    app.click(s + 1)
    app.wait(lambda r: r['selected'] is not None, 'the selection of the highlight')
    app.key('Delete')
    app.wait(lambda r: r['document']['n_annotations'] == 0, 'the delete')
    app.key('ctrl+z')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the undo of the delete')


def scenario_find(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    n = text.lower().count('council')
    check(n >= 3, 'fixture has %d matches' % n)
    app.key('ctrl+f')
    app.wait(lambda r: r['search_mode'], 'the find bar')
    app.type('council')
    app.wait(lambda r: r['search_label'] == '1 of %d' % n, 'the first of %d matches' % n)
    first = app.last['selection']
    check(first == [text.lower().index('council'), text.lower().index('council') + 7],
          'first match selection %r' % first)
    app.key('ctrl+g')
    app.wait(lambda r: r['search_label'] == '2 of %d' % n, 'the second match')
    app.key('ctrl+shift+g', 'ctrl+shift+g')
    app.wait(lambda r: r['search_label'] == '%d of %d' % (n, n), 'wrapping to the last match')


def scenario_next_annotation(ctx):
    article = ctx.article
    a1 = word(article, 'Larkmouth')
    a2 = word(article, 'Maren Oyelaran')
    a3 = word(article, '3,200 signatures')
    text = make_project(ctx.gloss, ctx.project, article,
                        annotations=[(a1[0], a1[1], ['place'], '', 'n1'),
                                     (a2[0], a2[1], ['person'], '', 'n2'),
                                     (a3[0], a3[1], ['date-number'], '', 'n3')])
    app = ctx.start([ctx.project])
    app.wait(lambda r: r['document']['n_annotations'] == 3, 'the three annotations')
    app.key('alt+Down')
    app.wait(lambda r: r['selected'] and r['selected']['id'] == 'n1', 'the first annotation')
    app.key('alt+Down')
    app.wait(lambda r: r['selected'] and r['selected']['id'] == 'n2', 'the second annotation')
    app.key('alt+Down')
    app.wait(lambda r: r['selected'] and r['selected']['id'] == 'n3', 'the third annotation')
    app.key('alt+Up')
    app.wait(lambda r: r['selected'] and r['selected']['id'] == 'n2', 'back to the second')
    check(text[a2[0]:a2[1]] == 'Maren Oyelaran', 'fixture')


def scenario_autosave_recovery(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    with open(ctx.project, 'rb') as f:
        original = f.read()
    env = {'GLOSS_AUTOSAVE_DELAY_MS': '600'}
    app = ctx.start([ctx.project], env=env)
    s, e = word(text, 'port authority')
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection')
    app.key('2')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
    app.wait(lambda r: r['autosaved_generation'] == r['generation'] and r['generation'] > 0,
             'the autosave')
    recovery = os.path.join(os.path.dirname(ctx.project), '.' + os.path.basename(ctx.project) + '.autosave')
    deadline = time.time() + 5
    while not os.path.exists(recovery) and time.time() < deadline:
        time.sleep(0.1)
    check(os.path.exists(recovery), 'no recovery file at ' + recovery)
    app.kill(signal.SIGKILL)
    with open(ctx.project, 'rb') as f:
        check(f.read() == original, 'the project file changed without a save')

    app = ctx.start([ctx.project], env=env, name='reopen')
    app.wait(lambda r: any('gloss-recover-dialog' in d['classes'] for d in r['dialogs']),
             'the offer to recover')
    app.key('Return')
    app.wait(lambda r: r['recovered'] and r['document']['n_annotations'] == 1, 'the recovered annotation')
    a = app.last['document']['annotations'][0]
    check((a['start'], a['end'], a['tags']) == (s, e, ['source']), 'recovered %r' % a)
    # The file on disk is older than what the window shows: the title says so.
    check(app.last['title'].startswith('\u2022 '), 'no unsaved marker after recovering: %r' % app.last['title'])
    app.key('ctrl+s')
    app.wait(lambda r: not r['recovered'] and not r['dirty'], 'the save')
    check(not app.last['title'].startswith('\u2022'), 'the marker outlived the save: %r' % app.last['title'])
    check(not os.path.exists(recovery), 'the recovery file outlived the save')
    saved = load_project(ctx.project)['documents'][0]['annotations']
    check(len(saved) == 1, 'saved %r' % saved)

    # A change autosaved, then undone back to the saved state: the copy
    # goes, so the next start offers nothing back.
    s2, e2 = word(text, 'Larkmouth')
    app.drag(s2, e2)
    app.wait(lambda r: r['selection'] == [s2, e2], 'the second selection')
    app.key('1')
    app.wait(lambda r: r['document']['n_annotations'] == 2 and r['dirty'], 'the second annotation')
    deadline = time.time() + 10
    while not os.path.exists(recovery) and time.time() < deadline:
        time.sleep(0.1)
    check(os.path.exists(recovery), 'no recovery copy of the second annotation')
    app.key('ctrl+z')
    app.wait(lambda r: r['document']['n_annotations'] == 1 and not r['dirty'], 'the undo to the saved state')
    deadline = time.time() + 5
    while os.path.exists(recovery) and time.time() < deadline:
        time.sleep(0.1)
    check(not os.path.exists(recovery), 'a stale recovery copy outlived the undo to the saved state')
    app.kill(signal.SIGKILL)
    app = ctx.start([ctx.project], env=env, name='after-undo')
    app.wait(lambda r: r['page'] == 'project' and r['document'] is not None, 'the project again')
    time.sleep(1.0)
    report = app.wait(lambda r: True, 'a report')
    check(not any('gloss-recover-dialog' in d['classes'] for d in report['dialogs']),
          'a stale copy was offered back: %r' % report['dialogs'])
    check(report['document']['n_annotations'] == 1, 'reopened with %r' % report['document'])


def scenario_recover_untitled(ctx):
    # An untitled project (from an article) killed before any save comes
    # back from the start page.
    article = os.path.join(ctx.tmp, 'harbour-vote.txt')
    with open(article, 'w', encoding='utf-8', newline='') as f:
        f.write(ctx.article)
    env = {'GLOSS_AUTOSAVE_DELAY_MS': '500'}
    app = ctx.start([article], env=env)
    s, e = word(ctx.article, 'Ünal family bakery')
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection')
    app.key('6')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
    app.wait(lambda r: r['autosaved_generation'] == r['generation'], 'the autosave')
    time.sleep(0.5)
    app.kill(signal.SIGKILL)

    app = ctx.start([], env=env, name='again')
    app.wait(lambda r: r['page'] == 'start' and len(r['recovered_rows']) == 1, 'the recovered project offered')
    if ctx.out:
        app.screenshot(os.path.join(ctx.out, 'screenshot-start.png'))
    x, y, w, h = app.last['recovered_rows'][0]
    xdo('mousemove', app.origin[0] + x + w // 2, app.origin[1] + y + h // 2)
    time.sleep(0.1)
    xdo('click', 1)
    app.wait(lambda r: r['page'] == 'project' and r['recovered'], 'the recovered project')
    a = app.last['document']['annotations']
    check([(x['start'], x['end'], x['tags']) for x in a] == [(s, e, ['organization'])], 'recovered %r' % a)
    check(app.last['file'] is None, 'a recovered untitled project has a file')


def choose_file(app, path, what):
    # Without a portal GtkFileChooserNative falls back to GTK's own dialog,
    # whose name field takes a whole path.
    app.wait(lambda r: any('GtkFileChooser' in d['type'] for d in r['dialogs']), what)
    time.sleep(0.5)
    app.key('ctrl+a')
    app.type(path)
    app.key('Return')
    app.wait(lambda r: not r['dialogs'], what + ' to close')


def scenario_save_as_export(ctx):
    article = os.path.join(ctx.tmp, 'harbour-vote.txt')
    with open(article, 'w', encoding='utf-8', newline='') as f:
        f.write(ctx.article)
    app = ctx.start([article])
    s, e = word(ctx.article, 'Coastal Ledger')
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection')
    app.key('2')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
    # Save on an untitled project asks where (Save As); ".gloss" is added.
    target = os.path.join(ctx.tmp, 'saved-as')
    app.key('ctrl+s')
    choose_file(app, target, 'the save dialog')
    app.wait(lambda r: r['file'] == target + '.gloss' and not r['dirty'], 'the project saved as ' + target)
    saved = load_project(target + '.gloss')['documents'][0]['annotations']
    check([(a['start'], a['end']) for a in saved] == [(s, e)], 'saved %r' % saved)
    # Export this document as JSON (the dialog's default choices).
    out = os.path.join(ctx.tmp, 'export.json')
    app.key('ctrl+e')
    choose_file(app, out, 'the export dialog')
    deadline = time.time() + 5
    while not os.path.exists(out) and time.time() < deadline:
        time.sleep(0.1)
    check(os.path.exists(out), 'nothing exported to ' + out)
    with open(out, encoding='utf-8') as f:
        exported = f.read()
    check('Coastal Ledger' in exported, 'the export lacks the quote: %s' % exported[:500])


def scenario_web_import(ctx):
    # A Hypothesis export made on the live page, imported (Ctrl+I) onto
    # the saved copy: two anchor exactly, one moves, two stay orphaned for
    # review; nothing is dropped. Screenshots light and dark.
    web = os.path.join(HERE, '..', 'fixtures', 'web')
    article = os.path.join(ctx.tmp, 'dalsund-saved.txt')
    shutil.copy(os.path.join(web, 'dalsund-saved.txt'), article)
    annotations = os.path.join(ctx.tmp, 'hypothesis-live-export.json')
    shutil.copy(os.path.join(web, 'hypothesis-live-export.json'), annotations)
    out = ctx.out or ctx.tmp
    for style in ('light', 'dark'):
        app = ctx.start([article], env={'GLOSS_STYLE': style}, name=style)
        app.wait(lambda r: r['page'] == 'project' and r['n_documents'] == 1, 'the article')
        app.key('ctrl+i')
        app.wait(lambda r: any('GtkFileChooser' in d['type'] for d in r['dialogs']), 'the import dialog')
        time.sleep(0.5)
        app.key('ctrl+l')
        app.type(annotations)
        app.key('Return')
        app.wait(lambda r: r['document']['n_annotations'] == 5, 'the five annotations', timeout=15)
        # Not all landed where the file said: the window says how each fared.
        app.wait(lambda r: any('gloss-import-report-dialog' in d['classes'] for d in r['dialogs']),
                 'the import report')
        body = [d for d in app.last['dialogs'] if 'gloss-import-report-dialog' in d['classes']][0]['body']
        check('Ferry plan splits Dalsund: 2 anchored exactly, 1 moved, 2 orphaned' in body,
              'the report says %r' % body)
        if style == 'light':
            time.sleep(0.5)
            # The report is its own window: the whole screen.
            subprocess.run(['import', '-window', 'root', os.path.join(out, 'screenshot-web-import-report.png')],
                           check=True)
        app.key('Return')
        app.wait(lambda r: not r['dialogs'], 'the report to close')
        states = sorted(a['state'] for a in app.last['document']['annotations'])
        check(states == ['anchored', 'anchored', 'moved', 'orphaned', 'orphaned'], 'states %r' % states)
        tags = sorted(t for a in app.last['document']['annotations'] for t in a['tags'])
        # "quote" and "person" from Hypothesis are the project's Quote and Person.
        check('quote' in tags and 'person' in tags and not any(t.endswith('-2') for t in tags),
              'tags %r' % tags)
        notes = [a['note'] for a in app.last['document']['annotations']]
        check('Ask again.' in notes, 'the orphaned annotation lost its note: %r' % notes)
        xdo('mousemove', 5, 790)
        time.sleep(0.8)
        path = os.path.join(out, 'screenshot-web-import-%s.png' % style)
        app.screenshot(path)
        check(os.path.getsize(path) > 20000, '%s: a nearly empty screenshot' % path)
        app.kill()
    print('screenshots in %s' % out)


CLIPBOARD_OWNER = '''
import sys, tkinter
root = tkinter.Tk()
root.withdraw()
root.clipboard_clear()
root.clipboard_append(sys.stdin.read())
root.update()
print('ready', flush=True)
root.after(8000, root.destroy)
root.mainloop()
'''


def scenario_paste_import(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    # Ctrl+Shift+V: the clipboard's text becomes a new document, titled
    # by its first line. Tk owns the clipboard meanwhile.
    pasted = 'Ferry operator answers\n\nThe operator said the timetable \u201cwill not change\u201d. \U0001F468\u200D\U0001F469\u200D\U0001F467 \u05E9\u05DC\u05D5\u05DD\n'
    owner = subprocess.Popen([sys.executable, '-c', CLIPBOARD_OWNER], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, encoding='utf-8')
    owner.stdin.write(pasted)
    owner.stdin.close()
    check(owner.stdout.readline().strip() == 'ready', 'the clipboard owner did not start')
    xdo('windowfocus', app.last['xid'])
    time.sleep(0.2)
    app.key('ctrl+shift+v')
    app.wait(lambda r: r['n_documents'] == 2 and r['document']['title'] == 'Ferry operator answers',
             'the pasted document')
    check(app.last['document']['length'] == len(pasted),
          'pasted length %d, wanted %d' % (app.last['document']['length'], len(pasted)))
    owner.kill()
    owner.wait()
    # Ctrl+I imports an article through the file chooser.
    second = os.path.join(ctx.tmp, 'second-article.txt')
    with open(second, 'w', encoding='utf-8') as f:
        f.write('Second article\n\nThe harbour master declined to comment.\n')
    app.key('ctrl+i')
    choose_file(app, second, 'the import dialog')
    app.wait(lambda r: r['n_documents'] == 3 and r['document']['title'] != 'Ferry operator answers',
             'the imported article')
    # Undo takes the import back out.
    app.key('ctrl+z')
    app.wait(lambda r: r['n_documents'] == 2, 'the undone import')


def scenario_large_article(ctx):
    # 1 MB of text in short paragraphs with 10,000 annotations: the window
    # shows them and takes a new one at the far end. The times are printed,
    # not asserted: speed belongs to the benchmark (and valgrind is slow).
    import random
    rng = random.Random(7)
    words = ('the council said ministry officials had not confirmed whether talks '
             'would resume after envoy reported progress on draft agreement '
             'caf\u00e9 \u00dcnal \u4f1a\u8c08 \u05e9\u05dc\u05d5\u05dd').split()
    paragraphs, size = [], 0
    while size < 1000000:
        p = ' '.join(rng.choice(words) for _ in range(70)).capitalize() + '.'
        paragraphs.append(p)
        size += len(p.encode('utf-8')) + 2
    article = 'A long article\n\n' + '\n\n'.join(paragraphs) + '\n'
    n = len(article)
    anns = []
    for i, start in enumerate(sorted(rng.sample(range(20, n - 80), 10000))):
        anns.append((start, start + rng.randint(3, 60), [rng.choice(['claim', 'source', 'quote'])],
                     'note' if i % 9 == 0 else '', 'a%05d' % i))
    text = make_project(ctx.gloss, ctx.project, article, annotations=anns)
    started = time.time()
    app = ctx.start([ctx.project])
    app.wait(lambda r: r['document']['n_annotations'] == 10000 and '20' in r['offsets'],
             'the article on screen', timeout=30)
    shown = time.time() - started
    print('large article on screen after %.2f s' % shown)
    # At the far end, annotate by keyboard; the window must keep up.
    app.key('ctrl+End')
    app.wait(lambda r: r['caret'] == n, 'the caret at the end', timeout=10)
    started = time.time()
    app.key('Up', 'Home', 'shift+Right', 'shift+Right')
    # Two words, snapped: no blank at either end.
    app.wait(lambda r: r['selection'] and
             len(text[r['selection'][0]:r['selection'][1]].split()) == 2 and
             text[r['selection'][0]:r['selection'][1]].strip() == text[r['selection'][0]:r['selection'][1]],
             'a selection of two words at the end')
    app.key('2')
    app.wait(lambda r: r['document']['n_annotations'] == 10001, 'the new annotation')
    elapsed = time.time() - started
    print('annotating at the end took %.2f s (with key pauses)' % elapsed)
    check(app.last['selected'] is not None and app.last['selected']['end'] <= n and
          app.last['selected']['tags'] == ['source'], 'the new annotation %r' % app.last['selected'])


def scenario_corrupt_file(ctx):
    broken = os.path.join(ctx.tmp, 'broken.gloss')
    content = b'{"format": "gloss-project", "version": 1, "title": "cut off here'
    with open(broken, 'wb') as f:
        f.write(content)
    before = os.stat(broken)
    app = ctx.start([broken])
    app.wait(lambda r: any('gloss-error-dialog' in d['classes'] for d in r['dialogs']),
             'the error dialog')
    dialog = [d for d in app.last['dialogs'] if 'gloss-error-dialog' in d['classes']][0]
    check('broken.gloss' in dialog['body'], 'the dialog does not name the file: %r' % dialog['body'])
    check(app.last['page'] == 'start', 'page %r' % app.last['page'])
    app.key('Return')
    app.wait(lambda r: not r['dialogs'], 'the dialog to close')
    # Nothing may have written to it, not even on quitting.
    app.key('ctrl+q')
    app.proc.wait(10)
    with open(broken, 'rb') as f:
        check(f.read() == content, 'the broken file was changed')
    check(os.stat(broken).st_mtime_ns == before.st_mtime_ns, 'the broken file was touched')
    # A file that is not there, and a project from a newer Gloss.
    newer = os.path.join(ctx.tmp, 'newer.gloss')
    with open(newer, 'w') as f:
        f.write('{"format": "gloss-project", "version": 99}\n')
    app = ctx.start([newer], name='newer')
    app.wait(lambda r: any('gloss-error-dialog' in d['classes'] for d in r['dialogs']),
             'the error dialog for a newer file')


def scenario_open_article(ctx):
    # `gloss ARTICLE.txt` starts a new, untitled project holding it.
    article = os.path.join(ctx.tmp, 'harbour-vote.txt')
    with open(article, 'w', encoding='utf-8', newline='') as f:
        f.write(ctx.article)
    app = ctx.start([article])
    app.wait(lambda r: r['page'] == 'project' and r['n_documents'] == 1, 'a project with the article')
    check(app.last['file'] is None, 'the new project has a file: %r' % app.last['file'])
    check(app.last['document']['length'] == len(ctx.article),
          'length %d, wanted %d' % (app.last['document']['length'], len(ctx.article)))
    check(app.last['dirty'], 'a new project with an article is not marked unsaved')


def scenario_single_instance(ctx):
    # On a session bus, a second `gloss FILE` hands FILE to the running
    # process and exits; a project already open is presented, not loaded twice.
    bus = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'],
                           stdout=subprocess.PIPE, text=True)
    try:
        address = bus.stdout.readline().strip()
        check(address, 'dbus-daemon gave no address')
        env = {'DBUS_SESSION_BUS_ADDRESS': address}
        first = os.path.join(ctx.tmp, 'first.gloss')
        second = os.path.join(ctx.tmp, 'second.gloss')
        make_project(ctx.gloss, first, ctx.article)
        make_project(ctx.gloss, second, ctx.article)

        app = ctx.start([first], env=env)
        app.wait(lambda r: [w['file'] for w in r['windows']] == [first], 'the first project')

        def run_again(path):
            full_env = dict(os.environ)
            full_env.update(env)
            full_env['GLOSS_TEST_REPORT'] = os.path.join(ctx.tmp, 'remote-report.json')
            done = subprocess.run([ctx.gloss, path], env=full_env, capture_output=True,
                                  text=True, timeout=20)
            check(done.returncode == 0, 'the second gloss exited %d: %s' % (done.returncode, done.stderr))
            check(not os.path.exists(full_env['GLOSS_TEST_REPORT']),
                  'the second gloss opened a window of its own')

        run_again(second)
        app.wait(lambda r: sorted(w['file'] for w in r['windows']) == sorted([first, second]),
                 'the second project in a window of the running instance')
        check(app.last['pid'] == app.proc.pid, 'the report is not the first process\'s')

        run_again(first)
        time.sleep(1.0)
        app.wait(lambda r: sorted(w['file'] for w in r['windows']) == sorted([first, second]),
                 'still two windows after opening the first project again')
    finally:
        bus.terminate()
        bus.wait()


def scenario_close_unsaved(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    # The shortcuts window opens and closes.
    app.key('ctrl+question')
    app.wait(lambda r: any(d['type'] == 'GtkShortcutsWindow' for d in r['dialogs']), 'the shortcuts window')
    app.key('Escape')
    app.wait(lambda r: not r['dialogs'], 'the shortcuts window to close')
    xdo('windowfocus', app.last['xid'])
    time.sleep(0.2)
    s, e = word(text, 'ferry terminal')
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection')
    app.key('4')
    app.wait(lambda r: r['dirty'], 'unsaved changes')
    app.key('ctrl+w')
    app.wait(lambda r: any('gloss-close-dialog' in d['classes'] for d in r['dialogs']), 'the question')
    app.key('Escape')
    app.wait(lambda r: not r['dialogs'] and r['dirty'], 'cancel: the window stays')
    app.key('ctrl+w')
    app.wait(lambda r: any('gloss-close-dialog' in d['classes'] for d in r['dialogs']), 'the question again')
    app.key('Return')  # the default answer saves
    app.proc.wait(10)
    saved = load_project(ctx.project)['documents'][0]['annotations']
    check([(a['start'], a['end'], a['tags']) for a in saved] == [(s, e, ['evidence'])], 'saved %r' % saved)


def shortcuts_window(app, language):
    """Opens Keyboard Shortcuts, checks that every entry shows its keys."""
    app.key('ctrl+question')
    report = app.wait(lambda r: any(d['type'] == 'GtkShortcutsWindow' and d['width'] > 0
                                    for d in r['dialogs']), 'the shortcuts window (%s)' % language)
    window = next(d for d in report['dialogs'] if d['type'] == 'GtkShortcutsWindow')
    entries = window['shortcuts']
    check(len(entries) >= 35, '%s: only %d entries' % (language, len(entries)))
    keyless = [e['title'] for e in entries if not e['keys']]
    check(not keyless, '%s: entries without keys: %r' % (language, keyless))
    return window


def scenario_shortcuts(ctx):
    # Every entry of Keyboard Shortcuts shows its keys, also those given by
    # action name; the German window fits a 1400 px wide screen.
    make_project(ctx.gloss, ctx.project, ctx.article)
    out = ctx.out or ctx.tmp
    locales = os.path.join(ctx.build, 'po')
    for language, style in (('en', 'light'), ('de', 'dark')):
        env = {'GLOSS_STYLE': style, 'LANGUAGE': language, 'GLOSS_LOCALEDIR': locales}
        app = ctx.start([ctx.project], env=env, name='shortcuts-' + language)
        window = shortcuts_window(app, language)
        titles = [e['title'] for e in window['shortcuts']]
        if language == 'de':
            check('Nächste Anmerkung' in titles, 'not German: %r' % titles[:5])
        else:
            check('Next annotation' in titles, 'not English: %r' % titles[:5])
        time.sleep(0.6)
        path = os.path.join(out, 'shortcuts-%s-%s.png' % (language, style))
        subprocess.run(['import', '-window', 'root', path], check=True)
        check(window['width'] <= 1400, '%s: the window is %d px wide' % (language, window['width']))
        check(os.path.getsize(path) > 10000, '%s: a nearly empty screenshot' % path)
        app.key('Escape')
        app.wait(lambda r: not r['dialogs'], 'the shortcuts window to close')
        app.kill()


def scenario_export_naming(ctx):
    # Export proposes the project's name with the format's extension, lists
    # only that format's files, and the toast names the file it wrote.
    make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    app.wait(lambda r: r['document'] is not None, 'the document')

    def export_dialog(what):
        report = app.wait(lambda r: any('GtkFileChooser' in d['type'] for d in r['dialogs']), what)
        return next(d for d in report['dialogs'] if 'GtkFileChooser' in d['type'])

    app.key('ctrl+e')
    dialog = export_dialog('the export dialog')
    check(dialog['current_name'] == 'harbour.json', 'proposed %r' % dialog['current_name'])
    check(dialog['filters'] == ['Gloss JSON'], 'filters %r' % dialog['filters'])
    app.key('Escape')
    app.wait(lambda r: not r['dialogs'], 'the export dialog to close')

    # Export As › CSV from the primary menu, by its mnemonics.
    xdo('windowfocus', app.last['xid'])
    app.key('F10')
    time.sleep(0.6)
    app.key('e')
    time.sleep(0.6)
    app.key('c')
    dialog = export_dialog('the CSV export dialog')
    check(dialog['current_name'] == 'harbour.csv', 'proposed %r' % dialog['current_name'])
    check(dialog['filters'] == ['CSV'], 'filters %r' % dialog['filters'])
    # A name typed without the extension gets the format's.
    target = os.path.join(ctx.tmp, 'talks')
    choose_file(app, target, 'the CSV export dialog')
    report = app.wait(lambda r: r['toast_button'] is not None and 'talks.csv' in r['toast_button']['title'],
                      'the export toast')
    check(os.path.exists(target + '.csv'), 'nothing exported to talks.csv')
    with open(target + '.csv', encoding='utf-8') as f:
        header = f.readline()
    check(',' in header and not header.lstrip().startswith('{'), 'not CSV: %r' % header)
    toast = report['toast_button']
    check(toast['button'] == '_Open Folder' and toast['action'] == 'win.open-folder',
          'toast %r' % toast)
    check(toast['target'] == 'file://' + urllib.parse.quote(ctx.tmp), 'the folder %r' % toast['target'])
    # Ctrl+E now offers the last format.
    app.click(5)
    time.sleep(0.3)
    app.key('ctrl+e')
    dialog = export_dialog('the export dialog again')
    check(dialog['current_name'] == 'harbour.csv', 'proposed %r' % dialog['current_name'])
    app.key('Escape')


def scenario_header_menu(ctx):
    # Import is offered once in the header, with an icon of its own; the
    # primary menu shows what cannot be done now insensitive, not hidden;
    # About names the website, the issue tracker and the developer.
    make_project(ctx.gloss, ctx.project, ctx.article)
    out = ctx.out or ctx.tmp
    for style in ('light', 'dark'):
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name='menu-' + style)
        report = app.wait(lambda r: r['document'] is not None and r['shown_imports'] > 0, 'the document')
        check(report['shown_imports'] == 1, 'Import is shown %d times' % report['shown_imports'])
        check(report['import_icon'] == 'gloss-import-symbolic', 'the Import icon %r' % report['import_icon'])
        xdo('windowfocus', app.last['xid'])
        app.key('F10')
        report = app.wait(lambda r: r['menu_open'] and r['menu_items'], 'the primary menu')
        items = {i['label']: i for i in report['menu_items']}
        for label in ('Undo', 'Redo'):
            check(label in items, '%s is not in the menu: %r' % (label, sorted(items)))
            check(items[label]['visible'] and not items[label]['sensitive'],
                  '%s should show insensitive: %r' % (label, items[label]))
        check(items['Save']['visible'], 'Save is hidden')
        check(sum(1 for i in report['menu_items'] if i['label'].startswith('Import')) == 1,
              'Import is in the menu %r' % [i['label'] for i in report['menu_items']])
        time.sleep(0.6)
        path = os.path.join(out, 'screenshot-menu-%s.png' % style)
        subprocess.run(['import', '-window', 'root', path], check=True)
        check(os.path.getsize(path) > 10000, '%s: a nearly empty screenshot' % path)
        # Save _As and _About share their mnemonic: the second press
        # reaches About, Return opens it.
        app.key('a')
        time.sleep(0.3)
        app.key('a')
        time.sleep(0.3)
        app.key('Return')
        report = app.wait(lambda r: any(d['type'] == 'AdwAboutWindow' for d in r['dialogs']), 'About')
        about = next(d for d in report['dialogs'] if d['type'] == 'AdwAboutWindow')
        check(about['website'] == 'https://github.com/glossapp/gloss', 'website %r' % about['website'])
        check(about['issue_url'] == 'https://github.com/glossapp/gloss/issues', 'issues %r' % about['issue_url'])
        check(about['developer_name'] == 'The Gloss developers', 'developer %r' % about['developer_name'])
        time.sleep(1.0)
        path = os.path.join(out, 'screenshot-about-%s.png' % style)
        subprocess.run(['import', '-window', 'root', path], check=True)
        app.key('Escape')
        app.wait(lambda r: not r['dialogs'], 'About to close')
        app.kill()


def scenario_note(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    s, e = word(text, 'collected 3,200 signatures')
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection')
    app.key('1')
    app.wait(lambda r: r['selected'] and r['selected']['start'] == s, 'the new annotation, selected')
    app.key('ctrl+Return')
    note = 'Ask the <b>organisers</b> & count again'
    time.sleep(0.3)
    app.type(note)
    app.wait(lambda r: r['selected']['note'] == note, 'the note, kept as typed')
    # Escape goes back to the article, where keys annotate again.
    app.key('Escape')
    s2, e2 = word(text, 'old quarter')
    app.drag(s2, e2)
    app.wait(lambda r: r['selection'] == [s2, e2], 'a selection in the article again')
    app.key('7')
    app.wait(lambda r: r['document']['n_annotations'] == 2, 'the second annotation')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    saved = {a['start']: a for a in load_project(ctx.project)['documents'][0]['annotations']}
    check(saved[s]['note'] == note, 'saved note %r' % saved[s]['note'])
    check(saved[s2]['note'] == '', 'the second has a note %r' % saved[s2]['note'])


def scenario_narrow(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    xdo('windowsize', app.last['xid'], 360, 640)
    app.wait(lambda r: r['width'] <= 370 and r['documents_folded'] and r['side_folded'],
             'the side panels to fold at 360 px')
    time.sleep(0.6)  # the report catches up with the new layout
    # The article is still usable: annotate with the keyboard.
    s, e = word(text, 'Larkmouth')
    app.move(s)  # the boundary before it
    xdo('click', 1)
    time.sleep(0.45)
    app.wait(lambda r: r['caret'] == s, 'the caret before %d' % s)
    app.key('shift+Right')
    app.wait(lambda r: r['selection'] == [s, e], 'the selection')
    app.key('7')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
    # The panes come over the article one at a time; Escape puts them away.
    app.key('shift+F9')
    app.wait(lambda r: r['side_revealed'] and not r['documents_revealed'], 'the annotations pane')
    app.key('F9')
    app.wait(lambda r: r['documents_revealed'] and not r['side_revealed'], 'the documents pane alone')
    app.key('Escape')
    app.wait(lambda r: not r['documents_revealed'] and not r['side_revealed'], 'both panes away')
    if ctx.out:
        app.screenshot(os.path.join(ctx.out, 'screenshot-narrow.png'))


def rects_overlap(a, b):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def scenario_narrow_palette(ctx):
    """At 360 px the tag palette reflows to the window's width and stays
    off the selection, light and dark."""
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    out = ctx.out or ctx.tmp
    for style in ('light', 'dark'):
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name=style)
        xdo('windowsize', app.last['xid'], 360, 640)
        app.wait(lambda r: r['width'] <= 370 and r['side_folded'], 'the side pane to fold at 360 px')
        time.sleep(0.6)
        app.locate()
        s, e = word(text, 'harbour council postponed')
        app.drag(s + 2, e - 2)
        app.wait(lambda r: r['palette'] and r['selection'] == [s, e] and r['palette_rect'],
                 'the palette beside the selection')
        time.sleep(0.5)
        r = app.report()
        # The palette is a window of its own: shoot the screen there.
        ox, oy = r['window_surface_offset']
        subprocess.run(['import', '-window', 'root', '-crop', '%dx%d+%d+%d' % (
            r['width'] + 2 * ox, r['height'] + 2 * oy, app.origin[0], app.origin[1]),
            os.path.join(out, 'screenshot-narrow-palette-%s.png' % style)], check=True)
        px, py, pw, ph = r['palette_rect']
        print('%s: palette at %r in a window %d px wide' % (style, r['palette_rect'], r['width']))
        check(px >= 0 and px + pw <= r['width'] + 2 * ox,
              'the palette %r runs past the window (%d px)' % (r['palette_rect'], r['width']))
        covered = [o for o in range(s, e) if str(o) in r['offsets'] and
                   rects_overlap(r['offsets'][str(o)], r['palette_rect'])]
        check(not covered, 'the palette %r covers the selected characters %r' % (r['palette_rect'], covered))
        # A digit still tags the selection.
        app.key('1')
        app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
        app.kill()


def scenario_side_pane(ctx):
    """The list gets the room; the inspector opens for a selection; a new
    annotation is scrolled to in the list; Alt+Down past the last one says
    so and shows it; redo selects what it brings back; no pile of empty
    states without a document."""
    # Long enough to scroll: filler paragraphs before the last one.
    head, tail = ctx.article.rsplit('\n\n', 1)
    filler = '\n\n'.join('Paragraph %d of the minutes lists the ferry timetables in detail.' % i
                          for i in range(40))
    text = head + '\n\n' + filler + '\n\n' + tail
    anns = []
    for i, m in enumerate(re.finditer(r'(?<= )[A-Za-z]{5,}(?= )', text)):
        if len(anns) < 30:
            anns.append((m.start(), m.end(), ['claim'], '', 'w%02d' % i))
    text = make_project(ctx.gloss, ctx.project, text, annotations=anns)
    app = ctx.start([ctx.project])
    app.wait(lambda r: r['document']['n_annotations'] == len(anns) and r['list_rect'] and r['inspector_rect'],
             'the list and the inspector')
    time.sleep(0.4)
    r = app.report()
    lh, ih = r['list_rect'][3], r['inspector_rect'][3]
    print('nothing selected: list %d px, inspector %d px' % (lh, ih))
    check(ih < 100 and lh > 4 * ih, 'the list %d px beside an empty inspector of %d px' % (lh, ih))
    # Selecting opens the inspector.
    app.key('alt+Down')
    app.wait(lambda r: r['selected'] and r['inspector_rect'][3] > 250,
             'the inspector to open for the selection')
    # A new annotation at the end of the article is scrolled to in the list.
    s, e = word(text, 'meet again')
    app.key('Escape', 'ctrl+End')
    app.wait(lambda r: str(s) in r['offsets'], 'the end of the article')
    time.sleep(0.3)
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection at the end')
    app.key('2')
    app.wait(lambda r: r['document']['n_annotations'] == len(anns) + 1 and r['selected'] and
             r['selected']['start'] == s and r['list_selected_visible'], 'the new row in view')
    new_id = app.last['selected']['id']
    # Past the last one: said in a toast, and still in view after scrolling
    # away with the wheel (the caret stays on it: Alt+Down steps from the caret).
    last = max(a['start'] for a in app.last['document']['annotations'])
    x, y, w, h = app.last['article_rect']
    xdo('mousemove', app.origin[0] + x + w // 2, app.origin[1] + y + h // 2)
    for _ in range(60):
        if str(last) not in app.report()['offsets']:
            break
        xdo('click', 4)
        time.sleep(0.08)
    app.wait(lambda r: str(last) not in r['offsets'], 'the article scrolled up')
    app.wait(lambda r: r['selected'] and r['selected']['start'] == last, 'the last annotation selected')
    app.key('alt+Down')
    app.wait(lambda r: any('last annotation' in t for t in r['toasts']) and str(last) in r['offsets']
             and r['selected']['start'] == last and r['list_selected_visible'],
             'the toast and the last annotation back in view')
    # Undo the new annotation, deselect, redo: the redone one is selected.
    app.key('Escape')
    app.key('ctrl+z')
    app.wait(lambda r: r['document']['n_annotations'] == len(anns), 'the undo')
    app.key('Escape')
    app.wait(lambda r: r['selected'] is None, 'nothing selected')
    app.key('ctrl+shift+z')
    app.wait(lambda r: r['document']['n_annotations'] == len(anns) + 1 and r['selected'] and
             r['selected']['id'] == new_id and r['list_selected_visible'], 'the redone annotation selected')
    app.kill()
    # Without a document: the article says so, the side pane stays quiet.
    project = load_project(ctx.project)
    project['documents'] = []
    with open(ctx.project, 'w', encoding='utf-8') as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
    app = ctx.start([ctx.project], name='empty')
    app.wait(lambda r: r['n_documents'] == 0 and r['page'] == 'project', 'the empty project')
    time.sleep(0.4)
    r = app.report()
    check(r['list_rect'] is None and r['inspector_rect'] is None,
          'empty states in the side pane: list %r, inspector %r' % (r['list_rect'], r['inspector_rect']))


def scenario_relations_visible(ctx):
    """Link badges and attribute markers, the link filters, relation types
    by name, and the Link As dialog's quotes; screenshots light and dark."""
    text = ctx.article
    claim = word(text, '"unanswered questions about the budget", according to minutes seen')
    claim2 = word(text, 'would cost 41 million crowns')
    source = word(text, 'Coastal Ledger')
    person = word(text, 'Maren Oyelaran')
    make_project(ctx.gloss, ctx.project, text,
                 annotations=[(claim[0], claim[1], ['claim'], '', 'c1'),
                              (claim2[0], claim2[1], ['claim'], 'Check the March figure', 'c2'),
                              (source[0], source[1], ['source'], '', 's1'),
                              (person[0], person[1], ['person'], '', 'p1')],
                 relations=[('c2', 'p1', 'attributed-to')])
    project = load_project(ctx.project)
    for a in project['documents'][0]['annotations']:
        if a['id'] == 'c2':
            a['attributes'] = {'verdict': 'misleading'}
    with open(ctx.project, 'w', encoding='utf-8') as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
    out = ctx.out or ctx.tmp
    app = ctx.start([ctx.project])
    app.wait(lambda r: r['document']['n_annotations'] == 4 and r['list_n_shown'] == 4, 'the four annotations')
    # Link the quoted claim to its source.
    app.click(claim[0] + 20)
    app.wait(lambda r: r['selected'] and r['selected']['id'] == 'c1', 'the claim selected')
    app.key('ctrl+l')
    app.wait(lambda r: r['link_mode'], 'link mode')
    app.click(source[0] + 2)
    app.wait(lambda r: has_dialog(r, 'gloss-link-type-dialog'), 'the Link As dialog')
    dialog = [d for d in app.last['dialogs'] if 'gloss-link-type-dialog' in d['classes']][0]
    body = dialog['body']
    print('Link As: %r, buttons %r' % (body, dialog['buttons']))
    check('attributed to' in dialog['buttons'] and 'attributed-to' not in dialog['buttons'],
          'relation types by name: %r' % dialog['buttons'])
    first = body.split(' → ')[0]
    check(first.startswith('"unanswered') and not first.startswith('“'), 'quote marks doubled: %r' % first)
    check(first.endswith('…'), 'the long quote is not shortened with an ellipsis: %r' % first)
    kept = first[:-1]
    whole = text[claim[0]:claim[1]]
    check(whole.startswith(kept) and whole[len(kept)] in ' ,.', 'cut mid-word: %r' % first)
    check(body.split(' → ')[1] == '“Coastal Ledger”', 'the short quote: %r' % body)
    time.sleep(0.3)
    subprocess.run(['import', '-window', 'root', os.path.join(out, 'screenshot-link-as.png')], check=True)
    app.key('Return')
    app.wait(lambda r: r['n_relations'] == 2 and any('attributed to' in t for t in r['toasts']),
             'the link and its toast by name')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    types = sorted(r['type'] for r in load_project(ctx.project)['relations'])
    check(types == ['attributed-to', 'attributed-to'], 'stored types %r' % types)
    # The filters, through the list's action as the menu does.
    app.key('Escape')
    xdo('key', 'Escape')
    time.sleep(0.3)
    app.kill()
    for style in ('light', 'dark'):
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name=style)
        app.wait(lambda r: r['list_n_shown'] == 4, 'the list')
        app.click(claim2[0] + 3)
        app.wait(lambda r: r['selected'] and r['selected']['id'] == 'c2', 'the linked claim selected')
        xdo('mousemove', 5, 790)
        time.sleep(0.8)
        app.screenshot(os.path.join(out, 'screenshot-relations-%s.png' % style))
        app.kill()


def press(app, name, done, what):
    """Clicks the middle of a widget the report names until @done holds:
    under load a layout may still move between the report and the click."""
    for attempt in range(3):
        app.wait(lambda r: name in r.get('named', {}), name)
        x, y, w, h = app.last['named'][name]
        xdo('mousemove', app.origin[0] + x + w // 2, app.origin[1] + y + h // 2)
        # A button needs the pointer to have entered it, and a press it sees.
        time.sleep(0.3)
        xdo('mousedown', 1)
        time.sleep(0.1)
        xdo('mouseup', 1)
        try:
            app.wait(done, what, timeout=4)
            return
        except Failure:
            if attempt == 2:
                raise


def root_screenshot(path):
    """The whole screen, dialogs included."""
    subprocess.run(['import', '-window', 'root', path], check=True)


def scenario_conflict(ctx):
    """A merged project with a conflict: the list badges it, the inspector
    shows both versions side by side, one click keeps one (undoable), and
    Preferences opens with Ctrl+comma."""
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    s, e = word(text, 'would cost 41 million crowns')
    project = load_project(ctx.project)
    doc = project['documents'][0]

    def version(ident, note, tags, side, other):
        return {'id': ident, 'start': s, 'end': e, 'quote': text[s:e],
                'prefix': text[max(0, s - 32):s], 'suffix': text[e:e + 32],
                'tags': tags, 'note': note, 'attributes': {'verdict': note.split(':')[0].lower()},
                'author': 'Ana' if side == 'ours' else 'Ben',
                'created': '2026-01-01T00:00:00.000000Z', 'modified': None, 'state': 'anchored',
                'conflict': {'side': side, 'with': other}}
    doc['annotations'] = [version('c1', 'False: the council minutes say 20 million.', ['claim'], 'ours', 'c1~theirs'),
                          version('c1~theirs', 'Misleading: 41 million over ten years.', ['claim', 'date-number'],
                                  'theirs', 'c1')]
    with open(ctx.project, 'w', encoding='utf-8') as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
        f.write('\n')

    out = ctx.out or ctx.tmp
    # Dark first: the light run keeps a version and saves.
    for style in ('dark', 'light'):
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name=style)
        app.wait(lambda r: r['document']['n_annotations'] == 2, 'the two versions')
        # Both versions cover the same words: a click there would offer a
        # choice; the next-annotation key selects the first.
        app.key('alt+Down')
        app.wait(lambda r: r['selected'] and 'conflict-keep-theirs' in r.get('named', {})
                 and 'conflict-keep-ours' in r['named'], 'both versions in the inspector')
        xdo('mousemove', 5, 790)
        time.sleep(0.8)
        app.screenshot(os.path.join(out, 'screenshot-conflict-%s.png' % style))
        if style == 'dark':
            app.kill()
            continue

        press(app, 'conflict-keep-theirs', lambda r: r['document']['n_annotations'] == 1, 'one version left')
        app.wait(lambda r: 'conflict-keep-theirs' not in r.get('named', {}), 'the conflict to go')
        app.key('ctrl+z')
        app.wait(lambda r: r['document']['n_annotations'] == 2, 'undo to bring both back')
        app.key('ctrl+shift+z')
        app.wait(lambda r: r['document']['n_annotations'] == 1, 'redo to keep theirs again')
        app.key('ctrl+s')
        app.wait(lambda r: not r['dirty'], 'the save')
        saved = load_project(ctx.project)['documents'][0]['annotations']
        check([a['id'] for a in saved] == ['c1~theirs'], 'saved %r' % [a['id'] for a in saved])
        check('conflict' not in saved[0], 'the kept version is still marked: %r' % saved[0])
        check(saved[0]['note'].startswith('Misleading'), 'kept the wrong version: %r' % saved[0]['note'])

        app.key('ctrl+comma')
        app.wait(lambda r: any(d['type'] == 'AdwPreferencesWindow' for d in r['dialogs']), 'the preferences')
        time.sleep(1.5)
        root_screenshot(os.path.join(out, 'screenshot-preferences.png'))
        app.key('Escape')
        app.wait(lambda r: not r['dialogs'], 'the preferences to close')
        app.kill()


def scenario_agreement(ctx):
    """Agreement by Author from the main menu: the per-tag table of two
    analysts' annotations, light and dark."""
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    project = load_project(ctx.project)
    doc = project['documents'][0]

    def mark(ident, quote, tags, author, trim=0):
        s, e = word(text, quote)
        e -= trim
        return {'id': ident, 'start': s, 'end': e, 'quote': text[s:e],
                'prefix': text[max(0, s - 32):s], 'suffix': text[e:e + 32],
                'tags': tags, 'note': '', 'attributes': {}, 'author': author,
                'created': None, 'modified': None, 'state': 'anchored'}
    doc['annotations'] = sorted([
        mark('a1', 'would cost 41 million crowns', ['claim'], 'Ana'),
        mark('a2', 'Maren Oyelaran', ['source', 'person'], 'Ana'),
        mark('a3', 'Larkmouth', ['place'], 'Ana'),
        mark('b1', 'would cost 41 million crowns', ['claim'], 'Ben', trim=7),
        mark('b2', 'Maren Oyelaran', ['source'], 'Ben'),
        mark('b3', 'Coastal Ledger', ['organization'], 'Ben'),
    ], key=lambda a: (a['start'], a['end'], a['id']))
    with open(ctx.project, 'w', encoding='utf-8') as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
        f.write('\n')

    out = ctx.out or ctx.tmp
    for style in ('light', 'dark'):
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name=style)
        app.wait(lambda r: r['document']['n_annotations'] == 6, 'the annotations')
        app.key('F10')
        time.sleep(0.6)
        app.key('g')
        app.wait(lambda r: any(d['type'] == 'GlossAgreementDialog' for d in r['dialogs']), 'the agreement dialog')
        time.sleep(1.5)
        root_screenshot(os.path.join(out, 'screenshot-agreement-%s.png' % style))
        app.key('Escape')
        app.kill()


def compare_projects(ctx):
    """Mine and theirs: theirs re-tagged and annotated the claim, left out
    the place and added the newspaper. Returns (text, theirs path)."""
    text = make_project(ctx.gloss, ctx.project, ctx.article, [
        word(ctx.article, 'would cost 41 million crowns') + (['claim'], '', 'a1'),
        word(ctx.article, 'Maren Oyelaran') + (['source'], '', 'a2'),
        word(ctx.article, 'Larkmouth') + (['place'], '', 'a3'),
    ])
    theirs = load_project(ctx.project)
    doc = theirs['documents'][0]
    doc['annotations'] = [a for a in doc['annotations'] if a['id'] != 'a3']
    for a in doc['annotations']:
        if a['id'] == 'a1':
            a['tags'] = ['claim', 'date-number']
            a['note'] = 'Twice the March figure.'
    s, e = word(text, 'Coastal Ledger')
    doc['annotations'].append({
        'id': 'b4', 'start': s, 'end': e, 'quote': text[s:e],
        'prefix': text[max(0, s - 32):s], 'suffix': text[e:e + 32],
        'tags': ['organization'], 'note': '', 'attributes': {}, 'author': 'Ben',
        'created': '2026-01-02T00:00:00.000000Z', 'modified': None, 'state': 'anchored'})
    doc['annotations'].sort(key=lambda a: (a['start'], a['end'], a['id']))
    theirs_path = os.path.join(ctx.tmp, 'ben', 'harbour.gloss')
    os.makedirs(os.path.dirname(theirs_path))
    with open(theirs_path, 'w', encoding='utf-8') as f:
        json.dump(theirs, f, ensure_ascii=False, indent=2)
        f.write('\n')
    return text, theirs_path


def open_compare(app, theirs_path):
    app.key('F10')
    time.sleep(0.6)
    app.key('c')
    choose_file(app, theirs_path, 'the compare chooser')
    return app.wait(lambda r: r['compare'] is not None and r['compare']['n_shown'] == 3, 'the three differences')


def shown_index(report, kind):
    """The row of the first difference of @kind, counting the rows shown
    (a dismissed one has none)."""
    return [d['kind'] for d in report['compare']['differences'] if not d['dismissed']].index(kind)


def scenario_compare(ctx):
    """Compare With…: the differences with another analyst's version, one
    accepted (undoable), one dismissed, saved; the agreement of the two."""
    text, theirs_path = compare_projects(ctx)
    theirs_bytes = read_bytes(theirs_path)
    out = ctx.out or ctx.tmp

    # Dark first: screenshots only.
    dark = ctx.start([ctx.project], env={'GLOSS_STYLE': 'dark'}, name='dark')
    dark.wait(lambda r: r['document']['n_annotations'] == 3, 'the annotations, dark')
    open_compare(dark, theirs_path)
    time.sleep(1.0)
    root_screenshot(os.path.join(out, 'screenshot-compare-dark.png'))
    press(dark, 'compare-agreement', lambda r: any(d['type'] == 'GlossAgreementDialog' for d in r['dialogs']),
          'the agreement dialog, dark')
    time.sleep(1.5)
    root_screenshot(os.path.join(out, 'screenshot-compare-agreement-dark.png'))
    dark.kill()

    app = ctx.start([ctx.project], env={'GLOSS_STYLE': 'light'}, name='light')
    app.wait(lambda r: r['document']['n_annotations'] == 3, 'the annotations')
    report = open_compare(app, theirs_path)
    kinds = sorted((d['kind'], d['mine'], d['theirs']) for d in report['compare']['differences'])
    check(kinds == [('changed', 'a1', 'a1'), ('only-mine', 'a3', ''), ('only-theirs', '', 'b4')],
          'differences %r' % kinds)
    time.sleep(1.0)
    root_screenshot(os.path.join(out, 'screenshot-compare-light.png'))

    # A row shows its difference in the article: the words only theirs marked.
    s, e = word(text, 'Coastal Ledger')
    press(app, 'compare-row-%d' % shown_index(report, 'only-theirs'),
          lambda r: r['selection'] == [s, e], 'the words only theirs marked, selected')
    press(app, 'compare-row-%d' % shown_index(report, 'changed'),
          lambda r: r['selected'] is not None and r['selected']['id'] == 'a1', 'the claim selected')

    # Accept the newspaper only theirs has: one step, undone and redone.
    press(app, 'compare-accept-%d' % shown_index(report, 'only-theirs'),
          lambda r: r['document']['n_annotations'] == 4 and r['compare']['n_shown'] == 2, 'the newspaper added')
    # Dismiss the place only mine has: it stays, and leaves the list.
    report = app.wait(lambda r: 'compare-dismiss-%d' % shown_index(r, 'only-mine') in r['named'], 'the rows again')
    press(app, 'compare-dismiss-%d' % shown_index(report, 'only-mine'),
          lambda r: r['compare']['n_shown'] == 1 and r['compare']['n_dismissed'] == 1, 'the place dismissed')
    check(app.last['document']['n_annotations'] == 4, 'dismissing changed the project')
    app.key('ctrl+z')
    app.wait(lambda r: r['document']['n_annotations'] == 3 and r['compare']['n_shown'] == 2, 'undo of the accept')
    app.key('ctrl+shift+z')
    app.wait(lambda r: r['document']['n_annotations'] == 4 and r['compare']['n_shown'] == 1, 'redo of the accept')

    press(app, 'compare-agreement', lambda r: any(d['type'] == 'GlossAgreementDialog' for d in r['dialogs']),
          'the agreement dialog')
    time.sleep(1.5)
    root_screenshot(os.path.join(out, 'screenshot-compare-agreement-light.png'))
    app.key('Escape')
    app.wait(lambda r: not r['dialogs'], 'the agreement dialog to close')

    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    saved = {a['id']: a for a in load_project(ctx.project)['documents'][0]['annotations']}
    s, e = word(text, 'Coastal Ledger')
    added = [a for a in saved.values() if (a['start'], a['end']) == (s, e)]
    check(len(added) == 1 and added[0]['tags'] == ['organization'] and added[0]['author'] == 'Ben',
          'the accepted annotation was not saved as theirs: %r' % added)
    check(sorted(saved) == sorted(['a1', 'a2', 'a3', added[0]['id']]), 'saved %r' % sorted(saved))
    check(saved['a1']['tags'] == ['claim'] and saved['a1']['note'] == '', 'a difference not accepted was taken')
    check(read_bytes(theirs_path) == theirs_bytes, 'the compared file was written')


def pixel(path, x, y):
    out = subprocess.run(['convert', path, '-crop', '1x1+%d+%d' % (x, y), '-depth', '8', 'txt:-'],
                         check=True, capture_output=True, text=True).stdout
    # "0,0: (255,255,255)  #FFFFFF  white"
    line = out.strip().splitlines()[-1]
    values = line.split('(')[1].split(')')[0].split(',')
    return tuple(int(float(v)) for v in values[:3])


# ---- documents: details, rename, remove, the same article twice ----

def window_origin(xid):
    out = subprocess.run(['xdotool', 'getwindowgeometry', str(xid)],
                         check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        line = line.strip()
        if line.startswith('Position:'):
            x, y = line.split()[1].split(',')
            return int(x), int(y)
    raise Failure('no window position from xdotool: ' + out)


def click_details_row(app, field):
    """Clicks inside the details window's row for @field (its entry)."""
    # Until the window is laid out its rows are a few pixels wide.
    report = app.wait(lambda r: r['details'] and r['details']['rows'][field]['rect'][2] > 100,
                      'the details row ' + field)
    details = report['details']
    ox, oy = window_origin(details['xid'])
    x, y, w, h = details['rows'][field]['rect']
    xdo('mousemove', ox + x + w // 3, oy + y + h // 2)
    time.sleep(0.1)
    xdo('click', 1)
    time.sleep(0.3)


def import_by_chooser(app, path):
    app.key('ctrl+i')
    choose_file(app, path, 'the import dialog')


def sha256_of(path):
    import hashlib
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def scenario_document_details(ctx):
    make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    # Import a second article (with a BOM and CRLF) through the Import action.
    second = os.path.join(ctx.tmp, 'ferry-timetable.txt')
    with open(second, 'wb') as f:
        f.write('\ufeffFerry timetable stays\r\n\r\nThe operator said nothing changes \U0001F6A2.\r\n'.encode())
    import_by_chooser(app, second)
    app.wait(lambda r: r['n_documents'] == 2 and r['document']['title'] == 'Ferry timetable stays',
             'the imported article shown')
    doc_id = app.last['document']['id']
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save after the import')
    # Its details, from the header (Alt+Return).
    app.key('alt+Return')
    app.wait(lambda r: r['details'] and r['details']['document'] == doc_id, 'the details window')
    check('file-sha256' in app.last['details']['rows'], 'no file digest row: %r' % app.last['details'])
    # An address without a scheme is refused, and the row says so.
    click_details_row(app, 'url')
    app.key('ctrl+a')
    app.type('news.example.org/ferry')
    app.key('Return')
    app.wait(lambda r: r['details']['rows']['url']['error'], 'the address refused')
    check(not app.last['dirty'], 'a refused address changed the project')
    app.key('ctrl+a')
    app.type('https://news.example.org/ferry?day=2')
    app.key('Return')
    app.wait(lambda r: r['dirty'] and not r['details']['rows']['url']['error'], 'the address applied')
    click_details_row(app, 'authors')
    app.type('Ana Ruiz; Ngozi Okafor')
    app.key('Return')
    app.wait(lambda r: r['details']['rows']['authors']['text'] == 'Ana Ruiz; Ngozi Okafor',
             'the authors applied')
    # Escape closes it; the first may only leave the entry being edited.
    app.key('Escape')
    try:
        app.wait(lambda r: r['details'] is None, 'the details window to close', timeout=3)
    except Failure:
        app.key('Escape')
        app.wait(lambda r: r['details'] is None, 'the details window to close')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    saved = load_project(ctx.project)
    doc = next(d for d in saved['documents'] if d['id'] == doc_id)
    check(doc['provenance'] == {
        'url': 'https://news.example.org/ferry?day=2',
        'authors': ['Ana Ruiz', 'Ngozi Okafor'],
        'file': 'ferry-timetable.txt',
        'file_sha256': sha256_of(second),
    }, 'saved provenance %r' % doc['provenance'])
    check(saved['version'] == 2, 'saved version %r' % saved['version'])
    # Undo takes the authors back off, then the address.
    app.key('ctrl+z')
    app.key('ctrl+z')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the second save')
    doc = next(d for d in load_project(ctx.project)['documents'] if d['id'] == doc_id)
    check(doc['provenance'] == {'file': 'ferry-timetable.txt', 'file_sha256': sha256_of(second)},
          'provenance after undo %r' % doc['provenance'])


def page_text(gloss, tmp, page):
    """The article Gloss makes of @page, by the command line."""
    project = os.path.join(tmp, 'page-text.gloss')
    subprocess.run([gloss, '--new=' + project, '--force', page], check=True, capture_output=True)
    text = load_project(project)['documents'][0]['text']
    os.unlink(project)
    return text


def scenario_page_details(ctx):
    # A saved news page imported through Import: its details show what the
    # page said; the address it gave (an AMP copy's) is corrected by hand
    # and saved. Then the publisher's corrected page, saved again from the
    # browser, is imported: Gloss sees the same address, and replacing the
    # text re-anchors the annotation made on the first capture.
    make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    page = os.path.join(ctx.tmp, 'ferry-page.html')
    shutil.copy(os.path.join(FIXTURES, 'ferry-page.html'), page)
    text = page_text(ctx.gloss, ctx.tmp, page)
    import_by_chooser(app, page)
    app.wait(lambda r: r['n_documents'] == 2 and r['document']['title'] == 'Night ferry returns to Dalsund',
             'the imported page shown')
    doc_id = app.last['document']['id']
    check(app.last['document']['length'] == len(text), 'the window shows %d characters, the article has %d'
          % (app.last['document']['length'], len(text)))
    s, e = word(text, 'from Monday')
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection')
    app.key('2')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
    # The details, from the sidebar's menu on the page's row.
    document_menu(app, 1, 0)
    app.wait(lambda r: r['details'] and r['details']['document'] == doc_id, 'the details window')
    rows = app.last['details']['rows']
    check(rows['url']['text'] == 'https://courier.example.no/amp/night-ferry', 'address row %r' % rows['url'])
    check(rows['site']['text'] == 'Dalsund Courier', 'site row %r' % rows['site'])
    check(rows['authors']['text'] == 'Liv Aaberg; Tomas Ek', 'authors row %r' % rows['authors'])
    check(rows['published']['text'] == '2026-02-11T06:30:00+01:00', 'published row %r' % rows['published'])
    check('file-sha256' in rows, 'no file digest row: %r' % rows)
    click_details_row(app, 'url')
    app.key('ctrl+a')
    app.type('https://courier.example.no/2026/02/night-ferry')
    app.key('Return')
    app.wait(lambda r: r['dirty'] and r['details']['rows']['url']['text'] ==
             'https://courier.example.no/2026/02/night-ferry' and not r['details']['rows']['url']['error'],
             'the address applied')
    app.key('Escape')
    try:
        app.wait(lambda r: r['details'] is None, 'the details window to close', timeout=3)
    except Failure:
        app.key('Escape')
        app.wait(lambda r: r['details'] is None, 'the details window to close')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    doc = next(d for d in load_project(ctx.project)['documents'] if d['id'] == doc_id)
    check(doc['text'] == text, 'the saved text is not the article')
    check(doc['provenance'] == {
        'url': 'https://courier.example.no/2026/02/night-ferry',
        'site_name': 'Dalsund Courier',
        'authors': ['Liv Aaberg', 'Tomas Ek'],
        'published': '2026-02-11T06:30:00+01:00',
        'modified': '2026-02-11T09:05:00+01:00',
        'language': 'nb',
        'description': 'The late crossing is back after a winter without it.',
        'file': 'ferry-page.html',
        'file_sha256': sha256_of(page),
        'extractor': 'gloss-readable',
        'extractor_version': '1.0',
    }, 'saved provenance %r' % doc['provenance'])
    # The corrected page: the right address, the day changed.
    corrected = os.path.join(ctx.tmp, 'ferry-page-corrected.html')
    with open(page, encoding='utf-8') as f:
        markup = f.read()
    check('from Monday' in markup and '/amp/night-ferry' in markup, 'the fixture page changed')
    markup = markup.replace('from Monday', 'from Tuesday').replace('/amp/night-ferry', '/2026/02/night-ferry')
    with open(corrected, 'w', encoding='utf-8') as f:
        f.write(markup)
    app.key('ctrl+i')
    choose_file_keeping(app, corrected)
    app.wait(lambda r: any('gloss-duplicate-dialog' in d['classes'] for d in r['dialogs']),
             'the question about the page already imported')
    dialog = next(d for d in app.last['dialogs'] if 'gloss-duplicate-dialog' in d['classes'])
    check('ferry-page-corrected.html has the same address as \u201cNight ferry returns to Dalsund\u201d' in dialog['body'],
          'the question says %r' % dialog)
    time.sleep(0.3)
    app.key('Return')
    app.wait(lambda r: not r['dialogs'] and r['n_documents'] == 2, 'the text replaced')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save after replacing')
    doc = next(d for d in load_project(ctx.project)['documents'] if d['id'] == doc_id)
    check('from Tuesday' in doc['text'] and 'from Monday' not in doc['text'], 'the text was not replaced')
    check(doc['provenance']['file'] == 'ferry-page-corrected.html' and
          doc['provenance']['file_sha256'] == sha256_of(corrected), 'provenance after replacing %r' % doc['provenance'])
    check(len(doc['annotations']) == 1, 'annotations after replacing %r' % doc['annotations'])
    annotation = doc['annotations'][0]
    check(doc['text'][annotation['start']:annotation['end']] == annotation['quote'] == 'from Tuesday',
          'the annotation after replacing: %r' % annotation)
    check(annotation['state'] == 'moved', 'the changed annotation is %r, not marked for review' % annotation['state'])


def document_menu(app, index, item):
    """Opens the sidebar's context menu on document row @index and clicks
    its @item-th entry (0: Details, 1: Rename, 2: Remove)."""
    report = app.wait(lambda r: len(r['document_rows']) > index, 'document row %d' % index)
    x, y, w, h = report['document_rows'][index]
    px, py = app.origin[0] + x + w // 2, app.origin[1] + y + h // 2
    # A click can be lost on a loaded machine: try it again before failing,
    # each time arriving at the row afresh so that GTK sees the pointer
    # enter it (a pointer left resting there after a rename is not noticed).
    for attempt in range(4):
        xdo('mousemove', px + 12, py + 4)
        time.sleep(0.15)
        xdo('mousemove', px, py)
        time.sleep(0.25)
        xdo('click', 3)
        try:
            report = app.wait(lambda r: len(r['document_menu']) == 3 and r['document_menu'][2][3] > 20,
                              'the context menu', timeout=5 if attempt < 3 else 10)
            break
        except Failure:
            if attempt == 3:
                raise
    # Until the popup settles its items may be reported where they were
    # first laid out: aim only at a place two reports agree on.
    while True:
        time.sleep(0.4)
        again = app.wait(lambda r: len(r['document_menu']) == 3, 'the context menu to stay')
        if again['document_menu'] == report['document_menu']:
            break
        report = again
    label, mx, my, mw, mh = report['document_menu'][item]
    xdo('mousemove', app.origin[0] + mx + mw // 2, app.origin[1] + my + mh // 2)
    time.sleep(0.2)
    xdo('click', 1)
    time.sleep(0.3)
    return label


def scenario_rename_remove(ctx):
    text = make_project(ctx.gloss, ctx.project, ctx.article, annotations=[
        (word(ctx.article, 'Maren Oyelaran')[0], word(ctx.article, 'Maren Oyelaran')[1], ['source'], '', 's1'),
        (word(ctx.article, 'Larkmouth')[0], word(ctx.article, 'Larkmouth')[1], ['place'], 'Where?', 'p1'),
    ], relations=[('p1', 's1', 'attributed-to')])
    first_title = load_project(ctx.project)['documents'][0]['title']
    app = ctx.start([ctx.project])
    second = os.path.join(ctx.tmp, 'ferry.md')
    with open(second, 'w', encoding='utf-8') as f:
        f.write('# Ferry timetable\n\nNothing changes, \u05e9\u05dc\u05d5\u05dd.\n')
    import_by_chooser(app, second)
    app.wait(lambda r: r['n_documents'] == 2 and r['document']['title'] == 'Ferry timetable', 'the import')
    # F2 renames the document shown.
    app.key('F2')
    app.wait(lambda r: any('gloss-rename-document-dialog' in d['classes'] for d in r['dialogs']),
             'the rename dialog')
    time.sleep(0.3)
    app.key('ctrl+a')
    app.type('Ferry renamed')
    app.key('Return')
    app.wait(lambda r: r['document']['title'] == 'Ferry renamed' and not r['dialogs'], 'the rename')
    # Shift+F2 renames the project: the title exports carry.
    app.key('shift+F2')
    app.wait(lambda r: any('gloss-rename-project-dialog' in d['classes'] for d in r['dialogs']),
             'the project rename dialog')
    time.sleep(0.3)
    app.key('ctrl+a')
    app.type('Harbour desk \u05e9\u05dc\u05d5\u05dd')
    app.key('Return')
    app.wait(lambda r: not r['dialogs'] and r['dirty'], 'the project rename')
    # Removing a document without annotations asks nothing; undo brings it back.
    document_menu(app, 1, 2)
    app.wait(lambda r: r['n_documents'] == 1, 'the removal of the second document')
    check(not app.last['dialogs'], 'asked before removing a document without annotations')
    app.key('ctrl+z')
    app.wait(lambda r: r['n_documents'] == 2, 'the second document back')
    # One with annotations asks first: Escape keeps it.
    document_menu(app, 0, 2)
    app.wait(lambda r: any('gloss-remove-document-dialog' in d['classes'] for d in r['dialogs']),
             'the question before removing')
    dialog = next(d for d in app.last['dialogs'] if 'gloss-remove-document-dialog' in d['classes'])
    check(first_title in dialog['heading'] and '2 annotations' in dialog['body'],
          'the question says %r' % dialog)
    app.key('Escape')
    app.wait(lambda r: not r['dialogs'], 'the question to go')
    check(app.last['n_documents'] == 2 and app.last['n_relations'] == 1, 'Escape removed something')
    # Again, and this time remove: the annotations and the link go with it.
    document_menu(app, 0, 2)
    app.wait(lambda r: any('gloss-remove-document-dialog' in d['classes'] for d in r['dialogs']),
             'the question again')
    time.sleep(0.3)
    app.key('Tab', 'Return')
    app.wait(lambda r: r['n_documents'] == 1 and r['n_relations'] == 0, 'the removal with its annotations')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save without it')
    saved = load_project(ctx.project)
    check([d['title'] for d in saved['documents']] == ['Ferry renamed'], 'saved %r' % saved['documents'])
    check(saved['title'] == 'Harbour desk \u05e9\u05dc\u05d5\u05dd', 'the project saved as %r' % saved['title'])
    # Undo brings the document, its annotations and the relation back.
    app.key('ctrl+z')
    app.wait(lambda r: r['n_documents'] == 2 and r['n_relations'] == 1, 'the undone removal')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save with it')
    saved = load_project(ctx.project)
    back = next(d for d in saved['documents'] if d['title'] == first_title)
    check(sorted(a['id'] for a in back['annotations']) == ['p1', 's1'], 'annotations back %r' % back['annotations'])
    check(saved['relations'][0]['from'] == 'p1', 'relation back %r' % saved['relations'])
    check(back['text'] == text, 'the text came back changed')


def scenario_duplicate_import(ctx):
    article = os.path.join(ctx.tmp, 'harbour-vote.txt')
    with open(article, 'w', encoding='utf-8', newline='') as f:
        f.write(ctx.article)
    app = ctx.start([article])
    s, e = word(ctx.article, 'Maren Oyelaran')
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection')
    app.key('2')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
    # The same file again (under another name): Gloss says so and asks.
    copy = os.path.join(ctx.tmp, 'harbour-vote-copy.txt')
    shutil.copyfile(article, copy)
    app.key('ctrl+i')
    choose_file_keeping(app, copy)
    app.wait(lambda r: any('gloss-duplicate-dialog' in d['classes'] for d in r['dialogs']),
             'the question about the duplicate')
    dialog = next(d for d in app.last['dialogs'] if 'gloss-duplicate-dialog' in d['classes'])
    check('harbour-vote-copy.txt is the same file as' in dialog['body'], 'the question says %r' % dialog)
    check(app.last['n_documents'] == 1, 'a duplicate was added before asking')
    # Escape: nothing happens.
    app.key('Escape')
    app.wait(lambda r: not r['dialogs'], 'the question to go')
    check(app.last['n_documents'] == 1, 'cancelling added the duplicate')
    # The same bytes again, and this time Return: the text is replaced
    # (the default), the annotation stays where it is, no new document.
    app.key('ctrl+i')
    choose_file_keeping(app, copy)
    app.wait(lambda r: any('gloss-duplicate-dialog' in d['classes'] for d in r['dialogs']),
             'the question again')
    time.sleep(0.3)
    app.key('Return')
    app.wait(lambda r: not r['dialogs'] and r['n_documents'] == 1, 'the text replaced')
    check(app.last['document']['n_annotations'] == 1 and
          (app.last['document']['annotations'][0]['start'], app.last['document']['annotations'][0]['end']) == (s, e),
          'the annotation after replacing: %r' % app.last['document']['annotations'])
    # And once more, adding it as a new document.
    app.key('ctrl+i')
    choose_file_keeping(app, copy)
    app.wait(lambda r: any('gloss-duplicate-dialog' in d['classes'] for d in r['dialogs']),
             'the question a third time')
    time.sleep(0.3)
    app.key('shift+Tab', 'Return')
    app.wait(lambda r: not r['dialogs'] and r['n_documents'] == 2, 'the copy added as new')


def scenario_legacy_encoding(ctx):
    # An article saved as Windows-1252 (no byte order mark, not UTF-8)
    # imports, and a dialog says how it was read and what to check.
    make_project(ctx.gloss, ctx.project, ctx.article)
    legacy = os.path.join(ctx.tmp, 'stadtrat.txt')
    text = ('Stadtrat vertagt F\u00e4hrterminal \u2013 B\u00fcrger warten\r\n\r\n'
            'Die B\u00fcrgermeisterin sagte: \u201eWir pr\u00fcfen die Kosten.\u201c Preis: 12\u20ac.\r\n')
    with open(legacy, 'wb') as f:
        f.write(text.encode('windows-1252'))
    with open(legacy, 'rb') as f:
        raw = f.read()
    check(b'\xfc' in raw and b'\x80' in raw, 'the fixture is not Windows-1252: %r' % raw[:40])
    out = ctx.out or ctx.tmp
    original = ctx.project + '.orig'
    shutil.copyfile(ctx.project, original)
    # Dark, the same in German, from the build tree's own catalog.
    for style, language in (('light', 'en'), ('dark', 'de')):
        shutil.copyfile(original, ctx.project)
        env = {'GLOSS_STYLE': style, 'LANGUAGE': language, 'GLOSS_LOCALEDIR': os.path.join(ctx.build, 'po')}
        app = ctx.start([ctx.project], env=env, name='legacy-' + style)
        app.wait(lambda r: r['document'] is not None, 'the document')
        app.key('ctrl+i')
        choose_file_keeping(app, legacy)
        report = app.wait(lambda r: any('gloss-import-remarks-dialog' in d['classes'] for d in r['dialogs']),
                          'the import report')
        dialog = next(d for d in report['dialogs'] if 'gloss-import-remarks-dialog' in d['classes'])
        said = ('stadtrat.txt: it was not saved as UTF-8' if language == 'en'
                else 'stadtrat.txt: Die Datei wurde nicht als UTF-8 gespeichert')
        check(said in dialog['body'] and 'Windows-1252' in dialog['body'], 'the report says %r' % dialog['body'])
        check(report['n_documents'] == 2 and
              report['document']['title'] == 'Stadtrat vertagt F\u00e4hrterminal \u2013 B\u00fcrger warten',
              'imported %r' % report['document'])
        check(report['document']['length'] == len(text), 'length %r' % report['document']['length'])
        time.sleep(0.8)
        path = os.path.join(out, 'screenshot-legacy-encoding-%s.png' % style)
        subprocess.run(['import', '-window', 'root', path], check=True)
        check(os.path.getsize(path) > 10000, '%s: a nearly empty screenshot' % path)
        app.key('Return')
        app.wait(lambda r: not r['dialogs'], 'the report to close')
        if style == 'light':
            app.key('ctrl+s')
            app.wait(lambda r: not r['dirty'], 'the save')
            saved = load_project(ctx.project)['documents']
            check(saved[1]['text'] == text, 'saved %r' % saved[1]['text'])
            check(saved[1]['source'] == 'stadtrat.txt', 'the source %r' % saved[1]['source'])
        app.kill()


def scenario_markdown_import(ctx):
    # A Markdown article shows as its reader sees it: no '#', '**' or
    # '[...](...)', its link's target after it; the headline is the title.
    make_project(ctx.gloss, ctx.project, ctx.article)
    md = os.path.join(ctx.tmp, 'ferry-costs.md')
    with open(md, 'w', encoding='utf-8') as f:
        f.write('# Ferry costs *doubled*\n\nThe chair said **41 million** \u26f4, '
                'according to [the council minutes](https://example.org/minutes).\n\n'
                '> \u201cWe were not told,\u201d one resident said.\n')
    shown = ('Ferry costs doubled\n\nThe chair said 41 million \u26f4, according to the council minutes.\n\n'
             '\u201cWe were not told,\u201d one resident said.\n'
             '\nLinks in the article:\nthe council minutes: https://example.org/minutes\n')
    out = ctx.out or ctx.tmp
    original = ctx.project + '.orig'
    shutil.copyfile(ctx.project, original)
    for style in ('light', 'dark'):
        shutil.copyfile(original, ctx.project)
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name='markdown-' + style)
        app.wait(lambda r: r['document'] is not None, 'the document')
        app.key('ctrl+i')
        choose_file_keeping(app, md)
        report = app.wait(lambda r: r['n_documents'] == 2 and r['document']['title'] == 'Ferry costs doubled',
                          'the Markdown article')
        check(report['document']['length'] == len(shown), 'length %d, not %d' % (report['document']['length'],
                                                                              len(shown)))
        time.sleep(0.8)
        path = os.path.join(out, 'screenshot-markdown-%s.png' % style)
        subprocess.run(['import', '-window', 'root', path], check=True)
        check(os.path.getsize(path) > 10000, '%s: a nearly empty screenshot' % path)
        # The quote a reader sees is where the view selects it.
        s, e = word(shown, '41 million')
        app.drag(s, e)
        app.wait(lambda r: r['selection'] == [s, e], 'the selection of 41 million')
        if style == 'light':
            app.key('1')
            app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation')
            app.key('ctrl+s')
            app.wait(lambda r: not r['dirty'], 'the save')
            saved = load_project(ctx.project)['documents'][1]
            check(saved['text'] == shown, 'saved %r' % saved['text'])
            a = saved['annotations'][0]
            check(saved['text'][a['start']:a['end']] == '41 million', 'the quote %r' % a)
        app.kill()


def choose_file_keeping(app, path):
    """choose_file() for a dialog that may be followed by another one."""
    app.wait(lambda r: any('GtkFileChooser' in d['type'] for d in r['dialogs']), 'the import dialog')
    time.sleep(0.5)
    app.key('ctrl+a')
    app.type(path)
    app.key('Return')
    app.wait(lambda r: not any('GtkFileChooser' in d['type'] for d in r['dialogs']),
             'the import dialog to close')


def details_screenshots(app, out, style):
    """The details window at its top, then scrolled to the evidence."""
    report = app.wait(lambda r: r['details'] and r['details']['rows']['title']['rect'][2] > 100,
                      'the details window laid out')
    details = report['details']
    ox, oy = window_origin(details['xid'])
    time.sleep(0.6)
    paths = []
    for part in ('top', 'evidence'):
        if part == 'evidence':
            x, y, w, h = details['rows']['site']['rect']
            xdo('mousemove', ox + x + w // 2, oy + y)
            for _ in range(10):
                xdo('click', 5)
                time.sleep(0.05)
            time.sleep(0.6)
        path = os.path.join(out, 'document-details-%s-%s.png' % (style, part))
        subprocess.run(['import', '-window', str(details['xid']), path], check=True)
        check(os.path.getsize(path) > 10000, '%s: a nearly empty screenshot' % path)
        paths.append(path)
    # The rows follow the style: a light or a dark background beside the title.
    x, y, w, h = details['rows']['title']['rect']
    bg = pixel(paths[0], x + w - 80, y + 6)
    if style == 'light':
        check(sum(bg) > 600, 'light: the title row background %r is not light' % (bg,))
    else:
        check(sum(bg) < 300, 'dark: the title row background %r is not dark' % (bg,))
    return paths


def scenario_document_details_screenshots(ctx):
    # An imported news page and its details in both styles, for looking at.
    page = os.path.join(ctx.tmp, 'ferry-page.html')
    shutil.copy(os.path.join(FIXTURES, 'ferry-page.html'), page)
    out = ctx.out or ctx.tmp
    shots = []
    for style in ('light', 'dark'):
        app = ctx.start([page], env={'GLOSS_STYLE': style}, name=style)
        app.wait(lambda r: r['page'] == 'project' and r['document']['title'] == 'Night ferry returns to Dalsund',
                 'the imported page')
        xdo('mousemove', 5, 790)
        time.sleep(0.8)
        path = os.path.join(out, 'page-import-%s.png' % style)
        app.screenshot(path)
        check(os.path.getsize(path) > 20000, '%s: a nearly empty screenshot' % path)
        shots.append(path)
        app.key('alt+Return')
        shots += details_screenshots(app, out, style)
        app.kill()
    print('screenshots: %s' % ', '.join(shots))


def scenario_screenshot(ctx):
    article = ctx.article
    claim = word(article, 'would cost 41 million crowns')
    figure = word(article, '41 million crowns')
    person = word(article, 'Maren Oyelaran')
    spokes = word(article, 'A spokesperson for the port authority')
    quote = word(article, 'has not changed since spring')
    place = word(article, 'Larkmouth')
    ledger = word(article, 'Coastal Ledger')
    budget = word(article, 'unanswered questions about the budget')
    text = make_project(ctx.gloss, ctx.project, article, annotations=[
        (claim[0], claim[1], ['claim'], 'Twice the March figure: check the council minutes.', 'c1'),
        (figure[0], figure[1], ['date-number'], '', 'f1'),
        (person[0], person[1], ['source', 'person'], '', 's1'),
        (spokes[0], spokes[1], ['source'], '', 's2'),
        (quote[0], quote[1], ['quote', 'claim'], 'Contradicts the chair.', 'q1'),
        (place[0], place[1], ['place'], '', 'p1'),
        (ledger[0], ledger[1], ['source', 'organization'], '', 'l1'),
        (budget[0], budget[1], ['quote'], '', 'b1'),
    ], relations=[('c1', 's1', 'attributed-to'), ('q1', 's2', 'attributed-to'),
                  ('q1', 'c1', 'contradicts')])
    out = ctx.out or ctx.tmp
    shots = {}
    for style in ('light', 'dark'):
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name=style)
        app.wait(lambda r: r['document']['n_annotations'] == 8, 'the annotations')
        app.click(claim[0] + 2)
        app.wait(lambda r: r['selected'] and r['selected']['id'] in ('c1', 'f1'), 'a selection')
        xdo('mousemove', 5, 790)  # out of the way of tooltips
        time.sleep(0.8)
        path = os.path.join(out, 'screenshot-%s.png' % style)
        app.screenshot(path)
        shots[style] = (path, app.last)
        app.kill()
    # The article's background follows the style; a Claim shows yellow.
    for style, (path, report) in shots.items():
        check(os.path.getsize(path) > 20000, '%s: a nearly empty screenshot' % path)
        x, y, w, h = report['offsets'][str(place[0] + 2)]
        r, g, b = pixel(path, x + w // 2, y + 2)
        check(r > b + 15 and g > b, '%s: the Place highlight is not warm: %r' % (style, (r, g, b)))
        end_of_title = report['offsets'][str(text.index('\n'))]
        bg = pixel(path, end_of_title[0] + 40, end_of_title[1] + end_of_title[3] // 2)
        if style == 'light':
            check(sum(bg) > 600, 'light: background %r is not light' % (bg,))
        else:
            check(sum(bg) < 250, 'dark: background %r is not dark' % (bg,))
    print('screenshots: %s' % ', '.join(p for p, _ in shots.values()))


def scenario_screenshot_sample(ctx):
    # The bundled sample project (made by build-aux/make-sample from
    # data/sample), in both styles, with an annotation selected: the
    # README's picture.
    make_sample = os.path.join(ctx.build, 'tests', 'make-sample')
    sample_dir = os.path.join(HERE, '..', '..', 'data', 'sample')
    project = os.path.join(ctx.tmp, 'sample.gloss')
    subprocess.run([make_sample, sample_dir, project], check=True)
    doc = load_project(project)['documents'][0]
    related = {r['from'] for r in load_project(project)['relations']}
    chosen = next(a for a in doc['annotations'] if a['id'] in related and a['end'] - a['start'] > 6)
    out = ctx.out or ctx.tmp
    for style in ('light', 'dark'):
        app = ctx.start([project], env={'GLOSS_STYLE': style}, name='sample-' + style)
        app.wait(lambda r: r['document']['n_annotations'] == len(doc['annotations']), 'the sample')
        # The offsets are reported once the article is laid out, which can
        # come a report after the annotations.
        app.wait(lambda r: str(chosen['start'] + 2) in r['offsets'],
                 'the chosen annotation on screen', timeout=10)
        app.click(chosen['start'] + 2)
        app.wait(lambda r: r['selected'] is not None, 'a selected annotation')
        xdo('mousemove', 5, 790)
        time.sleep(0.8)
        path = os.path.join(out, 'screenshot-sample-%s.png' % style)
        app.screenshot(path)
        check(os.path.getsize(path) > 20000, '%s: a nearly empty screenshot' % path)
        app.kill()


# ---- the file system never takes a project (docs/reliability.md) ----

def has_dialog(report, css_class):
    return any(css_class in d['classes'] for d in report['dialogs'])


def annotate_word(app, text, phrase, digit):
    s, e = word(text, phrase)
    app.drag(s, e)
    app.wait(lambda r: r['selection'] == [s, e], 'the selection of ' + phrase)
    n = app.last['document']['n_annotations']
    app.key(digit)
    app.wait(lambda r: r['document']['n_annotations'] == n + 1, 'the annotation of ' + phrase)
    return s, e


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def scenario_changed_on_disk(ctx):
    # Finding 2: a change made on disk while the project is open (another
    # editor, a git pull) is not overwritten by Ctrl+S without a word.
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    annotate_word(app, text, 'port authority', '2')
    theirs = load_project(ctx.project)
    theirs['title'] = 'Changed by someone else'
    with open(ctx.project, 'w', encoding='utf-8') as f:
        json.dump(theirs, f, ensure_ascii=False, indent=2)
        f.write('\n')
    on_disk = read_bytes(ctx.project)
    app.key('ctrl+s')
    app.wait(lambda r: has_dialog(r, 'gloss-changed-dialog'), 'the changed-on-disk question')
    if ctx.out:
        time.sleep(0.5)
        subprocess.run(['import', '-window', 'root', os.path.join(ctx.out, 'screenshot-changed-on-disk.png')],
                       check=True)
    check(read_bytes(ctx.project) == on_disk, 'the other change was overwritten')
    app.key('Escape')
    app.wait(lambda r: not r['dialogs'] and r['dirty'], 'cancel: still unsaved')
    check(read_bytes(ctx.project) == on_disk, 'the other change was overwritten on cancel')


def scenario_changed_on_disk_merge(ctx):
    # Finding 2, Merge: the change made here and the one made on disk meanwhile
    # both end up in the saved file, merged against the version opened.
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    app = ctx.start([ctx.project])
    mine = annotate_word(app, text, 'port authority', '2')
    theirs = load_project(ctx.project)
    theirs['title'] = 'Changed by someone else'
    s, e = word(text, 'Coastal Ledger')
    theirs['documents'][0]['annotations'] = [{
        'id': 'from-disk', 'start': s, 'end': e, 'quote': text[s:e],
        'prefix': text[max(0, s - 32):s], 'suffix': text[e:e + 32],
        'tags': ['organization'], 'note': 'Added by a git pull', 'attributes': {}, 'author': 'Ben',
        'created': '2026-01-02T00:00:00.000000Z', 'modified': None, 'state': 'anchored'}]
    with open(ctx.project, 'w', encoding='utf-8') as f:
        json.dump(theirs, f, ensure_ascii=False, indent=2)
        f.write('\n')
    app.key('ctrl+s')
    report = app.wait(lambda r: has_dialog(r, 'gloss-changed-dialog'), 'the changed-on-disk question')
    buttons = [b for d in report['dialogs'] for b in d.get('buttons', [])]
    check('Merge' in buttons, 'no Merge among %r' % buttons)
    if ctx.out:
        time.sleep(0.5)
        root_screenshot(os.path.join(ctx.out, 'screenshot-changed-on-disk-merge.png'))
    # Merge is the default answer.
    app.key('Return')
    app.wait(lambda r: not r['dialogs'] and not r['dirty'] and r['document']['n_annotations'] == 2,
             'the merged project, saved')
    check('Merged' in (app.last.get('toast') or ''), 'no word of the merge: %r' % app.last.get('toast'))
    saved = load_project(ctx.project)
    spans = sorted((a['start'], a['end'], a['id'] == 'from-disk') for a in saved['documents'][0]['annotations'])
    check(saved['title'] == 'Changed by someone else', 'the change on disk was lost: %r' % saved['title'])
    check(spans == sorted([(mine[0], mine[1], False), (s, e, True)]), 'saved spans %r' % spans)
    # The merged file is the base of the next save: no question this time.
    annotate_word(app, text, 'Larkmouth', '7')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the next save')
    check(not has_dialog(app.last, 'gloss-changed-dialog'), 'asked again after merging')
    check(len(load_project(ctx.project)['documents'][0]['annotations']) == 3, 'the next save lost something')


def scenario_read_only_save(ctx):
    # Finding 8: Ctrl+S on a read-only project offers Save As instead of
    # overwriting it.
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    os.chmod(ctx.project, 0o444)
    before = read_bytes(ctx.project)
    app = ctx.start([ctx.project])
    s, e = annotate_word(app, text, 'ferry terminal', '4')
    app.key('ctrl+s')
    app.wait(lambda r: has_dialog(r, 'gloss-read-only-dialog'), 'the read-only question')
    check(read_bytes(ctx.project) == before, 'the read-only project was overwritten')
    app.key('Return')
    target = os.path.join(ctx.tmp, 'my-copy')
    choose_file(app, target, 'the Save As dialog')
    app.wait(lambda r: r['file'] == target + '.gloss' and not r['dirty'], 'saved as a copy')
    check(read_bytes(ctx.project) == before, 'the read-only project changed')
    saved = load_project(target + '.gloss')['documents'][0]['annotations']
    check([(a['start'], a['end']) for a in saved] == [(s, e)], 'the copy holds %r' % saved)


def wait_for_file(path, timeout=5):
    deadline = time.time() + timeout
    while not os.path.exists(path) and time.time() < deadline:
        time.sleep(0.1)
    check(os.path.exists(path), 'no file at ' + path)


def scenario_recovery_offered(ctx):
    # Findings 9, 4 and 18: a private project's copy is private; the copy is
    # offered though the project was touched after the crash, found through
    # a link or its target alike, and offered when the project is broken.
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    os.chmod(ctx.project, 0o600)
    link = os.path.join(ctx.tmp, 'through-a-link.gloss')
    os.symlink(ctx.project, link)
    env = {'GLOSS_AUTOSAVE_DELAY_MS': '600'}
    app = ctx.start([link], env=env)
    s, e = annotate_word(app, text, 'port authority', '2')
    app.wait(lambda r: r['autosaved_generation'] == r['generation'] and r['generation'] > 0, 'the autosave')
    recovery = os.path.join(ctx.tmp, '.harbour.gloss.autosave')
    wait_for_file(recovery)
    mode = os.stat(recovery).st_mode & 0o777
    check(mode == 0o600, 'the recovery copy of a 0600 project is %o' % mode)
    app.kill(signal.SIGKILL)

    os.utime(ctx.project)  # a checkout, a sync client, a touch
    app = ctx.start([ctx.project], env=env, name='touched')
    app.wait(lambda r: has_dialog(r, 'gloss-recover-dialog'), 'the offer after a touch, through the target')
    app.key('Return')
    app.wait(lambda r: r['recovered'] and r['document']['n_annotations'] == 1, 'the recovered annotation')
    app.kill(signal.SIGKILL)

    with open(ctx.project, 'w') as f:
        f.write('{"format": "gloss-project", "version": 1, "title": "cut')
    app = ctx.start([ctx.project], env=env, name='broken')
    app.wait(lambda r: has_dialog(r, 'gloss-recover-dialog'), 'the offer though the project is broken')
    if ctx.out:
        time.sleep(0.5)
        subprocess.run(['import', '-window', 'root', os.path.join(ctx.out, 'screenshot-recover-broken.png')],
                       check=True)
    app.key('Return')
    app.wait(lambda r: r['recovered'] and r['document']['n_annotations'] == 1,
             'the annotation from the copy of the broken project')
    a = app.last['document']['annotations'][0]
    check((a['start'], a['end']) == (s, e), 'recovered %r' % a)


def scenario_two_processes(ctx):
    # Finding 3: a second process on the same project neither offers nor
    # removes the first one's live recovery copy.
    text = make_project(ctx.gloss, ctx.project, ctx.article)
    env = {'GLOSS_AUTOSAVE_DELAY_MS': '500'}
    first = ctx.start([ctx.project], env=env, name='first')
    annotate_word(first, text, 'port authority', '2')
    first.wait(lambda r: r['autosaved_generation'] == r['generation'] and r['generation'] > 0, 'the first autosave')
    recovery = os.path.join(ctx.tmp, '.harbour.gloss.autosave')
    wait_for_file(recovery)
    first_copy = read_bytes(recovery)

    second = ctx.start([ctx.project], env=env, name='second')
    second.wait(lambda r: r['page'] == 'project', 'the second process to show the project')
    time.sleep(1.0)
    second.report()
    check(not has_dialog(second.last, 'gloss-recover-dialog'),
          'the second process offered the first one\'s live recovery copy')
    annotate_word(second, text, 'ferry terminal', '4')
    second.wait(lambda r: r['autosaved_generation'] == r['generation'], 'the second autosave')
    time.sleep(0.5)
    check(read_bytes(recovery) == first_copy, 'the second process overwrote the first one\'s copy')
    second.key('ctrl+s')
    second.wait(lambda r: not r['dirty'], 'the second save')
    check(os.path.exists(recovery), 'the second process removed the first one\'s recovery copy')


def scenario_hostile_strings(ctx):
    # Findings 16 and 17: a relation type from the file is plain text in
    # the chooser (underscores kept, "cancel" a type like any other) and in
    # the toast ("R&D" is not markup).
    text = ctx.article
    cs, ce = word(text, 'would cost 41 million crowns')
    ss, se = word(text, 'Maren Oyelaran')
    make_project(ctx.gloss, ctx.project, text,
                 annotations=[(cs, ce, ['claim'], '', 'a-claim'), (ss, se, ['source'], '', 'a-source')])
    project = load_project(ctx.project)
    project['relation_types'] = ['R&D', 'my_type', 'cancel']
    with open(ctx.project, 'w', encoding='utf-8') as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
        f.write('\n')
    app = ctx.start([ctx.project])

    def link(from_offset, to_offset, keys, n):
        app.click(from_offset + 2)
        app.wait(lambda r: r['selected'] and r['selected']['start'] == from_offset, 'the first end selected')
        app.key('ctrl+l')
        app.wait(lambda r: r['link_mode'], 'link mode')
        app.click(to_offset + 2)
        app.wait(lambda r: has_dialog(r, 'gloss-link-type-dialog'), 'the choice of relation type')
        dialog = [d for d in app.last['dialogs'] if 'gloss-link-type-dialog' in d['classes']][0]
        for label in ('R&D', 'my_type', 'cancel', 'Cancel'):
            check(label in dialog['buttons'], 'no button %r in %r' % (label, dialog['buttons']))
        time.sleep(0.3)
        app.key(*keys)
        app.wait(lambda r: r['n_relations'] == n and not r['link_mode'], 'relation %d' % n)

    # Finding 22: the file's name in the title is isolated.
    check('\u2068harbour.gloss\u2069' in app.last['title'], 'title %r' % app.last['title'])
    link(cs, ss, ['Return'], 1)
    app.wait(lambda r: any('R&D' in t for t in r['toasts']), 'the toast naming R&D')
    # Shift+Tab from the default (R&D) reaches "my_type", then "cancel".
    link(ss, cs, ['shift+Tab', 'shift+Tab', 'Return'], 2)
    app.wait(lambda r: any('cancel' in t for t in r['toasts']), 'the toast naming cancel')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    types = sorted(r['type'] for r in load_project(ctx.project)['relations'])
    check(types == ['R&D', 'cancel'], 'relation types saved: %r' % types)
    log = app.read_log()
    check('CRITICAL' not in log and 'WARNING' not in log, 'warnings in the log:\n' + log)


def without_root_override():
    """Root writes into read-only folders: run the window without the
    capability that lets it, so that a read-only folder is read-only."""
    if os.geteuid() != 0:
        return ()
    caps = '-dac_override,-dac_read_search'
    return ('setpriv', '--bounding-set=' + caps, '--inh-caps=' + caps)


def scenario_autosave_read_only_folder(ctx):
    # Finding 21: autosave beside a project in a read-only folder falls back
    # to the state directory, says where, and the copy is offered back.
    folder = os.path.join(ctx.tmp, 'read-only')
    os.mkdir(folder)
    project = os.path.join(folder, 'harbour.gloss')
    text = make_project(ctx.gloss, project, ctx.article)
    os.chmod(folder, 0o555)
    env = {'GLOSS_AUTOSAVE_DELAY_MS': '500'}
    try:
        app = ctx.start([project], env=env, wrapper=without_root_override())
        s, e = annotate_word(app, text, 'port authority', '2')
        state = os.path.join(ctx.tmp, 'state', 'gloss', 'recovery')
        app.wait(lambda r: any('recovery copies go to' in t and state in t for t in r['toasts']),
                 'the toast saying where the recovery copy went')
        copies = [n for n in os.listdir(state) if n.endswith('.autosave')]
        check(len(copies) == 1, 'recovery copies in the state directory: %r' % copies)
        app.kill(signal.SIGKILL)

        app = ctx.start([project], env=env, name='again', wrapper=without_root_override())
        app.wait(lambda r: has_dialog(r, 'gloss-recover-dialog'), 'the offer of the copy in the state directory')
        app.key('Return')
        app.wait(lambda r: r['recovered'] and r['document']['n_annotations'] == 1, 'the recovered annotation')
        a = app.last['document']['annotations'][0]
        check((a['start'], a['end']) == (s, e), 'recovered %r' % a)
    finally:
        os.chmod(folder, 0o755)


def scenario_combining_marks(ctx):
    # Finding 14: an article made mostly of combining marks (40,000 on one
    # base, 80 KB) opens and answers; its offsets are the document's. The
    # time is printed, not asserted; the wait is the usual generous one.
    marks = '\u0301' * 40000
    article = 'Marks ahead\n\nA' + marks + ' and then the text goes on.\n'
    path = os.path.join(ctx.tmp, 'marks.txt')
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(article)
    started = time.time()
    app = ctx.start([path])
    app.wait(lambda r: r['page'] == 'project' and r['document'] and '2' in r['offsets'],
             'the article on screen', timeout=30)
    print('combining marks on screen after %.2f s' % (time.time() - started))
    check(app.last['document']['length'] == len(article),
          'length %d, wanted %d' % (app.last['document']['length'], len(article)))
    # The window answers: the caret goes to the end, past the marks, and
    # a selection there is exact in offsets.
    app.key('ctrl+End')
    app.wait(lambda r: r['caret'] == len(article), 'the caret at the end', timeout=20)
    app.key('Up', 'End', *['shift+Left'] * 3)
    end = len(article) - 1
    # Back from the end of the line by the full stop, then whole words,
    # every key taken.
    app.wait(lambda r: r['selection'] == [end - 8, end],
             'a selection of the last words after the marks', timeout=20)
    check(article[end - 8:end] == 'goes on.', 'selected %r' % article[end - 8:end])

def scenario_open_big_project(ctx):
    # A project past a megabyte shows its first document before the rest
    # is read. The whole project is held back (GLOSS_TEST_HOLD_PROJECT_MS)
    # while the test tries to change the preview: nothing may change, and
    # nothing may be written. Then the whole takes its place as the reader
    # left it, and can be edited and saved.
    import hashlib
    path = os.path.join(ctx.tmp, 'desk.gloss')
    text = make_project(ctx.gloss, path, ctx.article,
                        annotations=[(*word(ctx.article, 'council'), ['claim'], 'Which one?', 'a1')])
    project = load_project(path)
    first = project['documents'][0]
    filler = ('Dock workers counted the crates twice before the ferry left the quay; '
              'the harbour master signed the log at dawn. ')
    for i in range(40):
        body = 'Ferry report %d\n\n' % i + filler * 300
        doc = dict(first, id='report-%d' % i, title='Ferry report %d' % i, text=body,
                   sha256=hashlib.sha256(body.encode('utf-8')).hexdigest(), annotations=[])
        project['documents'].append(doc)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
        f.write('\n')
    check(os.path.getsize(path) > 1024 * 1024, 'the project is too small for a preview')
    before = sha256_of(path)

    app = ctx.start([path], env={'GLOSS_TEST_HOLD_PROJECT_MS': '8000'})
    preview = app.wait(lambda r: r['previewing'] and r['page'] == 'project' and '20' in r['offsets'],
                       'the preview of the first document', timeout=20)
    check(preview['n_documents'] == 1, 'the preview holds %d documents' % preview['n_documents'])
    check(preview['document']['id'] == first['id'], 'the preview shows %r' % preview['document']['id'])
    check(preview['document']['n_annotations'] == 1, 'the preview lost the annotation')
    check('desk.gloss' in preview['title'], 'the title during the preview: %r' % preview['title'])
    check(not preview['inspector_sensitive'], 'the inspector can edit the preview')
    check(not preview['dirty'], 'the preview is marked unsaved')
    if ctx.out:
        app.screenshot(os.path.join(ctx.out, 'open-big-project-preview.png'))

    # A digit on a selection makes no annotation; Ctrl+S writes nothing.
    start, end = word(text, 'harbour')

    def select_word(what):
        for attempt in range(3):
            app.drag(start, end)
            try:
                return app.wait(lambda r: r['selection'] == [start, end], what, timeout=3)
            except Failure:
                if attempt == 2:
                    raise

    time.sleep(0.5)  # the window settles its layout
    select_word('the selection in the preview')
    app.key('1')
    app.key('ctrl+s')
    time.sleep(0.5)
    report = app.report()
    check(report['previewing'], 'the whole project arrived too early for this test')
    check(report['document']['n_annotations'] == 1, 'a digit annotated the preview')
    check(report['toast'] and 'still opening' in report['toast'], 'no word why: %r' % report['toast'])
    check(not report['dialogs'], 'a dialog came up: %r' % report['dialogs'])
    check(sha256_of(path) == before, 'the file changed during the preview')
    # The reader selects again; the whole project keeps it.
    check(select_word('the selection again')['previewing'], 'the whole project arrived too early')

    whole = app.wait(lambda r: not r['previewing'] and r['n_documents'] == 41,
                     'the whole project', timeout=30)
    check(whole['document']['id'] == first['id'], 'the whole project shows %r' % whole['document']['id'])
    check(whole['selection'] == [start, end], 'the selection was lost: %r' % whole['selection'])
    check(whole['inspector_sensitive'], 'the inspector stays inactive')
    check(not whole['dirty'] and not whole['dialogs'], 'after the preview: %r' % whole['dialogs'])
    check(len(whole['document_rows']) == 41, 'the sidebar lists %d documents' % len(whole['document_rows']))

    # Now it is the project: the digit annotates, Ctrl+S saves all of it.
    app.key('1')
    app.wait(lambda r: r['document']['n_annotations'] == 2, 'the annotation on the whole project')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    saved = load_project(path)
    check(len(saved['documents']) == 41, 'the save wrote %d documents' % len(saved['documents']))
    check(len(saved['documents'][0]['annotations']) == 2, 'the save lost the new annotation')
    if ctx.out:
        app.screenshot(os.path.join(ctx.out, 'open-big-project.png'))
    app.key('ctrl+q')
    app.proc.wait(10)

    # Broken past its first document: the preview may show, then goes, and
    # the error names the file, line and column, as for any broken file;
    # nothing is written.
    with open(path, 'rb') as f:
        content = f.read()
    cut = content.rstrip()[:-1] + b']\n'
    broken = os.path.join(ctx.tmp, 'broken-desk.gloss')
    with open(broken, 'wb') as f:
        f.write(cut)
    app = ctx.start([broken], name='broken')
    app.wait(lambda r: any('gloss-error-dialog' in d['classes'] for d in r['dialogs']),
             'the error dialog', timeout=30)
    dialog = [d for d in app.last['dialogs'] if 'gloss-error-dialog' in d['classes']][0]
    line = cut.count(b'\n')
    check('broken-desk.gloss:%d:1' % line in dialog['body'], 'the error: %r' % dialog['body'])
    check(app.last['page'] == 'start' and not app.last['previewing'] and app.last['n_documents'] == 0,
          'the preview stayed: page %r' % app.last['page'])
    with open(broken, 'rb') as f:
        check(f.read() == cut, 'the broken file was changed')


def make_sample_project(ctx):
    make_sample = os.path.join(ctx.build, 'tests', 'make-sample')
    sample_dir = os.path.join(HERE, '..', '..', 'data', 'sample')
    project = os.path.join(ctx.tmp, 'sample.gloss')
    subprocess.run([make_sample, sample_dir, project], check=True)
    return project


def spans_of(project_json):
    """Every annotation as (document, start, end, sorted tags)."""
    return sorted((d['id'], a['start'], a['end'], tuple(sorted(a.get('tags', []))))
                  for d in project_json['documents'] for a in d['annotations'])


def scenario_project_search(ctx):
    # Search the sample project, see a broken regex explained inline, open
    # the first match, tag every match with a digit in one step, undo it.
    project = make_sample_project(ctx)
    original = load_project(project)
    docs = original['documents']
    needle = 'dam'
    expected = [(d['id'], i, i + len(needle)) for d in docs
                for i in range(len(d['text'])) if d['text'][i:i + len(needle)].lower() == needle]
    check(len(expected) >= 3 and len({e[0] for e in expected}) >= 2,
          'the sample has %r' % (expected,))

    app = ctx.start([project])
    app.wait(lambda r: r['document'] is not None, 'the sample')
    app.key('ctrl+shift+f')
    app.wait(lambda r: r['project_search'] is not None, 'the project search')

    # A regular expression that does not compile says why, in place.
    app.key('alt+r')
    app.type('(dam')
    app.wait(lambda r: r['project_search']['error'] is not None, 'the regex error')
    error = app.last['project_search']['error']
    check('4' in error and 'regular expression' in error, 'error message %r' % error)
    check(app.last['project_search']['n_matches'] == 0, 'no matches with a broken regex')

    # Fixed (the parenthesis gone), the matches come.
    app.key('ctrl+a')
    app.type('dam')
    app.wait(lambda r: r['project_search']['error'] is None and not r['project_search']['searching']
             and r['project_search']['n_matches'] == len(expected), '%d matches' % len(expected))
    check(app.last['project_search']['n_documents'] == len({e[0] for e in expected}),
          'documents %r' % app.last['project_search']['n_documents'])
    rows = [(r['document'], r['start'], r['end']) for r in app.last['project_search']['rows'] if 'start' in r]
    check(rows == expected[:len(rows)] and len(rows) >= 2, 'rows %r, expected %r' % (rows, expected))
    if ctx.out:
        time.sleep(0.3)
        app.screenshot(os.path.join(ctx.out, 'project-search-light.png'))

    # Clicking a match in another document opens it with the match selected.
    match_rows = [r for r in app.last['project_search']['rows'] if 'start' in r]
    shown = app.last['document']['id']
    target = next((r for r in match_rows if r['document'] != shown), match_rows[1])
    x, y, w, h = target['bounds']
    xdo('mousemove', app.origin[0] + x + w // 2, app.origin[1] + y + h // 2)
    time.sleep(0.1)
    xdo('click', 1)
    app.wait(lambda r: r['document']['id'] == target['document']
             and r['selection'] == [target['start'], target['end']], 'the clicked match selected')

    # Tag All Matches: the button, then the digit of a tag.
    tag = next(t for t in original['tags'] if t.get('digit') == 4)
    already = {(d, s, e) for d, s, e, tags in spans_of(original) if tag['id'] in tags}
    fresh = [m for m in expected if m not in already]
    x, y, w, h = app.last['project_search']['tag_button']
    xdo('mousemove', app.origin[0] + x + w // 2, app.origin[1] + y + h // 2)
    time.sleep(0.1)
    xdo('click', 1)
    app.wait(lambda r: r['project_search']['palette'], 'the palette')
    app.key('4')
    app.wait(lambda r: r['toast'] is not None and str(len(fresh)) in r['toast'], 'the toast')
    check(tag['name'] in app.last['toast'], 'toast %r' % app.last['toast'])
    check(app.last['undo_label'] == 'Tag All Matches', 'undo label %r' % app.last['undo_label'])

    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    tagged = spans_of(load_project(project))
    for doc, start, end in expected:
        check(any(a[:3] == (doc, start, end) and tag['id'] in a[3] for a in tagged),
              'match %s %d-%d not tagged' % (doc, start, end))
    new_spans = [m for m in fresh if not any(a[:3] == m for a in spans_of(original))]
    check(len(tagged) == len(spans_of(original)) + len(new_spans),
          'annotations: %d, expected %d' % (len(tagged), len(spans_of(original)) + len(new_spans)))

    # One undo takes it all back.
    app.key('ctrl+z')
    app.wait(lambda r: r['undo_label'] != 'Tag All Matches', 'the undo')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'] or r['generation'] > 0, 'the second save')
    time.sleep(0.5)
    check(spans_of(load_project(project)) == spans_of(original), 'undo restored every annotation')

    if ctx.out:
        app.kill()
        dark = ctx.start([project], env={'GLOSS_STYLE': 'dark'}, name='dark')
        dark.wait(lambda r: r['document'] is not None, 'the sample, dark')
        dark.key('ctrl+shift+f')
        dark.wait(lambda r: r['project_search'] is not None, 'the project search, dark')
        dark.type('officials')
        dark.wait(lambda r: r['project_search']['n_matches'] > 0 and not r['project_search']['searching'],
                  'matches, dark')
        time.sleep(0.3)
        dark.screenshot(os.path.join(ctx.out, 'project-search-dark.png'))


class Context:
    def __init__(self, gloss, build, out):
        self.gloss = gloss
        self.build = build
        self.out = out
        self.tmp = tempfile.mkdtemp(prefix='gloss-gui-')
        self.project = os.path.join(self.tmp, 'harbour.gloss')
        self.article = read_fixture('harbour-vote.txt')
        self.apps = []
        # Autosaves of untitled projects land in the state directory.
        os.environ['XDG_STATE_HOME'] = os.path.join(self.tmp, 'state')
        os.environ['XDG_CONFIG_HOME'] = os.path.join(self.tmp, 'config')

    def start(self, args, env=None, name='app', wrapper=()):
        app = App(self.gloss, self.tmp, args, env=env, name=name, wrapper=wrapper)
        self.apps.append(app)
        return app

    def close(self, keep):
        for app in self.apps:
            app.kill(signal.SIGKILL)
        if not keep:
            shutil.rmtree(self.tmp, ignore_errors=True)


def main(scenarios=None, usage=None):
    """Runs the scenario named on the command line, from @scenarios (a
    module's globals: the a11y suite passes its own) or this file's."""
    if len(sys.argv) < 4:
        print(usage or __doc__ or 'usage: gui-tests.py GLOSS BUILD_DIR SCENARIO [OUT_DIR]')
        return 2
    gloss, build, scenario = sys.argv[1:4]
    out = sys.argv[4] if len(sys.argv) > 4 else None
    func = (scenarios if scenarios is not None else globals()).get('scenario_' + scenario.replace('-', '_'))
    if func is None:
        print('no scenario %s' % scenario)
        return 2
    ctx = Context(gloss, build, out)
    ok = False
    started = time.time()
    try:
        func(ctx)
        ok = True
    except Failure as e:
        print('FAIL %s: %s' % (scenario, e))
        for app in ctx.apps:
            print('--- %s log ---\n%s' % (app.log_path, app.read_log() if not app.log.closed else ''))
    finally:
        ctx.close(keep=not ok)
    print('%s %s (%.1f s)' % ('PASS' if ok else 'FAIL', scenario, time.time() - started))
    print('%d passed, %d failed' % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
