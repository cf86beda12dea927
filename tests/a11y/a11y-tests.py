#!/usr/bin/env python3
# Accessibility tests for Gloss: a real window on a real AT-SPI bus, read
# the way a screen reader reads it (pyatspi), driven by the keyboard alone
# (xdotool).
#
#   a11y-tests.py GLOSS_BINARY BUILD_DIR SCENARIO [OUT_DIR]
#
# run-a11y-test.sh starts Xvfb, a D-Bus session and the accessibility bus.
# The window's GLOSS_TEST_REPORT says where the caret is and which
# document is open; everything a user would hear is read from AT-SPI.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import json
import os
import re
import sys
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import GLib  # noqa: E402
import pyatspi  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')

# The GUI tests' window driver: App (xdotool, the test report), projects.
_spec = importlib.util.spec_from_file_location(
    'gui_tests', os.path.join(HERE, '..', 'gui', 'gui-tests.py'))
gui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gui)
Failure, check, make_project, word = gui.Failure, gui.check, gui.make_project, gui.word


# ---- reading the tree ----

# The roles a user can act on or type into: each must have a name a
# listener understands.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
}
# GTK falls back to the widget's type name when it finds no label.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Gloss|Gdk)[A-Z][A-Za-z]*$')
# A mnemonic left in (“_Open Open”) or a label read twice (“Note Note”).
MNEMONIC = re.compile(r'(^|\s)_\w')


def states(acc):
    return acc.getState()


def has_state(acc, state):
    try:
        return acc.getState().contains(state)
    except Exception:  # the object went away
        return False


def walk(acc, depth=0):
    """Every object under @acc, depth first, the object itself first."""
    if acc is None or depth > 60:
        return
    yield acc
    try:
        n = acc.childCount
    except Exception:
        return
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def describe(acc):
    try:
        return '%s %r (%s)' % (acc.getRoleName(), acc.name, (acc.description or '')[:80])
    except Exception:
        return '<gone>'


def path_of(acc):
    parts = []
    while acc is not None and len(parts) < 8:
        try:
            parts.append('%s:%s' % (acc.getRoleName(), acc.name))
            acc = acc.parent
        except Exception:
            break
    return ' < '.join(parts)


def find_application(pid, timeout=15):
    desktop = pyatspi.Registry.getDesktop(0)
    deadline = time.time() + timeout
    while time.time() < deadline:
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:
                pass
        time.sleep(0.2)
    raise Failure('gloss (pid %d) never appeared on the accessibility bus' % pid)


def find(root, predicate, what, timeout=8):
    deadline = time.time() + timeout
    while True:
        for acc in walk(root):
            try:
                if predicate(acc):
                    return acc
            except Exception:
                pass
        if time.time() > deadline:
            raise Failure('no %s in the accessibility tree' % what)
        time.sleep(0.2)


def find_all(root, predicate):
    found = []
    for acc in walk(root):
        try:
            if predicate(acc):
                found.append(acc)
        except Exception:
            pass
    return found


def role(acc):
    return acc.getRole()


def article_text(root):
    return find(root, lambda a: role(a) == pyatspi.ROLE_TEXT and a.name
                and has_state(a, pyatspi.STATE_MULTI_LINE) and not has_state(a, pyatspi.STATE_EDITABLE),
                'article (a read-only multi-line text)')


def bad_name(name):
    """Why @name is no name for a control, or None."""
    name = (name or '').strip()
    if not name:
        return 'no name'
    if TYPE_NAME.match(name):
        return 'named by its type'
    if MNEMONIC.search(name):
        return 'a mnemonic underscore in its name'
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return 'its label read twice'
    if name.startswith('#') and re.match(r'^#[0-9a-fA-F]{3,8}$', name):
        return 'named by a colour code'
    return None


def unnamed_controls(root):
    problems = []
    for acc in walk(root):
        try:
            r = role(acc)
            focusable = has_state(acc, pyatspi.STATE_FOCUSABLE)
            is_control = r in CONTROL_ROLES or (r == pyatspi.ROLE_LABEL and focusable)
            if not is_control:
                continue
            why = bad_name(acc.name)
            if why:
                problems.append('%s: %s' % (why, path_of(acc)))
        except Exception:
            continue
    return problems


class FocusWatch:
    """The objects that took the focus, from AT-SPI's focus events."""

    def __init__(self):
        self.events = []
        pyatspi.Registry.registerEventListener(self._on_event, 'object:state-changed:focused')

    def _on_event(self, event):
        if event.detail1:
            self.events.append(event.source)

    def pump(self, seconds=0.3):
        context = GLib.MainContext.default()
        deadline = time.time() + seconds
        while time.time() < deadline:
            while context.pending():
                context.iteration(False)
            time.sleep(0.02)

    def focused_after(self, action, seconds=0.4, timeout=4):
        self.pump(0.05)
        self.events.clear()
        action()
        deadline = time.time() + timeout
        self.pump(seconds)
        while not self.events and time.time() < deadline:
            self.pump(0.1)
        return self.events[-1] if self.events else None


# ---- projects ----

def merge_documents(gloss, tmp, path, parts):
    """A project of several documents: (article text, annotations) each."""
    documents = []
    for i, (article, annotations) in enumerate(parts):
        part = os.path.join(tmp, 'part%d.gloss' % i)
        make_project(gloss, part, article, annotations)
        documents.extend(gui.load_project(part)['documents'])
    project = gui.load_project(os.path.join(tmp, 'part0.gloss'))
    project['documents'] = documents
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
    return documents


def many_annotations(text, n):
    """@n annotations over the words of @text, overlapping, tags in turn."""
    words = [m.span() for m in re.finditer(r'\w+', text)]
    tags = ['claim', 'source', 'quote', 'person', 'place', 'date-number']
    result = []
    for i in range(n):
        s, _ = words[i % len(words)]
        _, e = words[min(len(words) - 1, i % len(words) + 1 + i % 3)]
        result.append((s, e, [tags[i % len(tags)]], '', 'a%05d' % i))
    return result


# ---- scenarios ----

def start(ctx, project):
    app = ctx.start([project])
    app.wait(lambda r: r['page'] == 'project' and r['document'], 'the open document', timeout=60)
    root = find_application(app.proc.pid)
    return app, root


def put_caret(app, offset, click=False):
    """Moves the caret to @offset with the arrow keys, or first with a
    click on the character there (which must be plain text: a click on a
    highlight selects it)."""
    if click:
        app.click(offset)
        app.wait(lambda r: abs(r['caret'] - offset) <= 1, 'the caret near %d' % offset)
    for _ in range(400):
        report = app.report()
        caret = report['caret']
        if caret == offset and report['selection'] is None:
            break
        app.key('Right' if caret < offset else 'Left')
    app.wait(lambda r: r['caret'] == offset, 'the caret at %d' % offset)


def select_to(app, start, end):
    """From the caret at @start, Shift+Right until the selection reaches
    @end: by words where selections snap to them, else by characters."""
    reached = start
    for _ in range(end - start):
        app.key('shift+Right')
        before = reached
        report = app.wait(lambda r: r['selection'] and r['selection'][1] > before,
                          'the selection to grow past %d' % before)
        reached = report['selection'][1]
        if reached >= end:
            break


def scenario_names(ctx):
    """No control is unnamed, named by its type, or read twice."""
    text = ctx.article
    s, e = word(text, 'harbour council postponed')
    make_project(ctx.gloss, ctx.project, text, [(s, e, ['claim'], 'Checked with the minutes.', 'a1')])
    app, root = start(ctx, ctx.project)
    # The inspector filled in, and the find bar open, so that their
    # controls are exposed with their content.
    put_caret(app, s - 2, click=True)
    put_caret(app, s + 2)
    app.key('Return')
    app.wait(lambda r: r['selected'], 'the annotation selected by Return')
    app.key('ctrl+f')
    app.wait(lambda r: r['search_mode'], 'the find bar')
    app.key('Escape')
    problems = unnamed_controls(root)
    check(not problems, 'controls a screen reader cannot name:\n  ' + '\n  '.join(problems))
    # The Tags dialog: its colour swatches are named, the tag's own marked.
    app.key('ctrl+t')
    dialog = find(root, lambda a: role(a) in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW)
                  and a.name == 'Tags', 'the Tags dialog')
    swatches = find_all(dialog, lambda a: role(a) in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
                        and a.name in ('Blue', 'Green', 'Yellow', 'Orange', 'Red', 'Purple', 'Brown', 'Teal', 'Grey'))
    check(len(swatches) >= 9, 'colour swatches named by colour: %r'
          % [describe(a) for a in find_all(dialog, lambda a: (a.name or '').startswith('#'))][:5])
    # Source's colour is the palette's blue: its row marks that swatch.
    chosen = [a for a in swatches if has_state(a, pyatspi.STATE_PRESSED) or has_state(a, pyatspi.STATE_CHECKED)]
    check(any(a.name == 'Blue' for a in chosen), 'no swatch marked as a tag\'s colour: %r'
          % [describe(a) for a in chosen][:5])
    problems = unnamed_controls(dialog)
    check(not problems, 'controls of the Tags dialog a screen reader cannot name:\n  ' + '\n  '.join(problems))


class WindowWatch(FocusWatch):
    """Focus events and windows added to the application, in the order
    the bus delivered them."""

    def __init__(self):
        super().__init__()
        self.order = []
        pyatspi.Registry.registerEventListener(self._on_added, 'object:children-changed:add')

    def _on_event(self, event):
        super()._on_event(event)
        if event.detail1:
            self.order.append(('focus', event.source))

    def _on_added(self, event):
        try:
            if role(event.source) == pyatspi.ROLE_APPLICATION:
                self.order.append(('window', event.any_data))
        except Exception:
            pass

    def clear(self):
        self.pump(0.05)
        self.events.clear()
        self.order.clear()


def window_of(acc):
    while acc is not None:
        try:
            parent = acc.parent
            if parent is not None and role(parent) == pyatspi.ROLE_APPLICATION:
                return acc
            acc = parent
        except Exception:
            return None
    return None


def scenario_tags_dialog(ctx):
    """Opening the Tags dialog is told: a dialog, whose first focus event
    comes once it is on the bus (GTK 4.8 then marks it not showing, and a
    reader that read its states before drops its focus events), on a
    control a user can see."""
    make_project(ctx.gloss, ctx.project, ctx.article)
    app, root = start(ctx, ctx.project)
    watch = WindowWatch()
    watch.clear()
    app.key('ctrl+t')
    deadline = time.time() + 8
    focused = None
    while time.time() < deadline:
        watch.pump(0.1)
        focused = next((acc for kind, acc in watch.order if kind == 'focus'
                        and (window_of(acc) or root).name == 'Tags'), None)
        if focused is not None:
            break
    check(focused is not None, 'no focus event in the Tags dialog after Ctrl+T: %s'
          % [(k, describe(a)) for k, a in watch.order])
    dialog = window_of(focused)
    check(role(dialog) == pyatspi.ROLE_DIALOG, 'the Tags window reads as %r, not as a dialog' % describe(dialog))
    kinds = [(k, describe(a)) for k, a in watch.order]
    first_focus = next(i for i, (k, a) in enumerate(watch.order) if k == 'focus')
    added = next((i for i, (k, a) in enumerate(watch.order) if k == 'window'), None)
    check(added is not None and added < first_focus,
          'the dialog\'s first focus event came before the dialog was on the bus: %s' % kinds)
    check(role(focused) != pyatspi.ROLE_PAGE_TAB and not bad_name(focused.name),
          'the dialog opens on %s, not on a control of its page' % describe(focused))
    # Tab goes on to the list of tags, inside the dialog.
    acc = watch.focused_after(lambda: app.key('Tab'))
    check(acc is not None and window_of(acc) is not None and window_of(acc).name == 'Tags',
          'Tab in the Tags dialog focused %s' % (describe(acc) if acc is not None else 'nothing'))


def type_named(root):
    """Every object under @root named or described by a toolkit type."""
    found = []
    for acc in walk(root):
        try:
            for what, text in (('named', acc.name), ('described', acc.description)):
                if text and TYPE_NAME.match(text.strip()):
                    found.append('%s %r: %s' % (what, text, path_of(acc)))
        except Exception:
            continue
    return found


def scenario_type_names(ctx):
    """No object, control or wrapper, is named or described by its type
    (Orca said "GtkStackPage panel" as the focus entered the article)."""
    text = ctx.article
    s, e = word(text, 'harbour council postponed')
    make_project(ctx.gloss, ctx.project, text, [(s, e, ['claim'], 'Checked with the minutes.', 'a1')])
    app, root = start(ctx, ctx.project)
    # The inspector filled in and the find bar open; then the Tags dialog.
    put_caret(app, s - 2, click=True)
    put_caret(app, s + 2)
    app.key('Return')
    app.wait(lambda r: r['selected'], 'the annotation selected by Return')
    find(root, lambda a: role(a) == pyatspi.ROLE_CHECK_BOX and (a.name or '').startswith('Claim'),
         'the inspector\'s Claim toggle')
    app.key('ctrl+f')
    app.wait(lambda r: r['search_mode'], 'the find bar')
    app.key('Escape')
    app.wait(lambda r: not r['search_mode'], 'the find bar to close')
    found = type_named(root)
    app.key('ctrl+t')
    find(root, lambda a: role(a) in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_FRAME) and a.name == 'Tags',
         'the Tags dialog')
    found += type_named(root)
    check(not found, 'objects a screen reader reads by their type:\n  ' + '\n  '.join(sorted(set(found))[:30]))


def toggle_reading(acc):
    return acc.name, has_state(acc, pyatspi.STATE_CHECKED) or has_state(acc, pyatspi.STATE_PRESSED)


def scenario_tag_toggles(ctx):
    """Palette buttons and inspector toggles: tag, key and state."""
    text = ctx.article
    s, e = word(text, 'harbour council postponed')
    ps, pe = word(text, 'Larkmouth')
    make_project(ctx.gloss, ctx.project, text, [(s, e, ['claim'], '', 'a1')])
    app, root = start(ctx, ctx.project)
    # The palette beside a keyboard selection.
    put_caret(app, ps, click=True)
    select_to(app, ps, pe)
    app.wait(lambda r: r['palette'] and r['selection'] == [ps, pe], 'the palette')
    claim = find(root, lambda a: role(a) in CONTROL_ROLES and a.name.startswith('Claim'),
                 'palette button for Claim')
    check(claim.name == 'Claim, key 1', 'the palette button reads %r, wanted "Claim, key 1"' % claim.name)
    app.key('Escape')
    app.wait(lambda r: not r['palette'], 'the palette to close')
    # The inspector of the annotation: Claim applied, Source not.
    put_caret(app, s - 2, click=True)
    put_caret(app, s + 2)
    app.key('Return')
    app.wait(lambda r: r['selected'] and r['selected']['id'] == 'a1', 'the annotation selected')

    def toggles():
        return find_all(root, lambda a: role(a) in (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
                                                    pyatspi.ROLE_PUSH_BUTTON)
                        and re.match(r'^(Claim|Source)\b', a.name or '') and has_state(a, pyatspi.STATE_FOCUSABLE))
    readings = dict(toggle_reading(a) for a in toggles())
    check(readings.get('Claim, key 1') is True and readings.get('Source, key 2') is False,
          'inspector toggles read %r; wanted "Claim, key 1" checked and "Source, key 2" not' % readings)
    # Turning Source on (as a screen reader's "click" does) changes its state.
    source = next(a for a in toggles() if a.name.startswith('Source'))
    source.queryAction().doAction(0)
    app.wait(lambda r: r['selected'] and 'source' in r['selected']['tags'], 'Source applied by its key')
    deadline = time.time() + 5
    while time.time() < deadline:
        readings = dict(toggle_reading(a) for a in toggles())
        if readings.get('Source, key 2') is True:
            break
        time.sleep(0.2)
    check(readings.get('Source, key 2') is True, 'after key 2 the toggles read %r' % readings)


def scenario_article_name(ctx):
    """The article is named after its document."""
    make_project(ctx.gloss, ctx.project, ctx.article)
    app, root = start(ctx, ctx.project)
    title = app.last['document']['title']
    article = find(root, lambda a: role(a) == pyatspi.ROLE_TEXT and has_state(a, pyatspi.STATE_MULTI_LINE)
                   and not has_state(a, pyatspi.STATE_EDITABLE), 'the article text')
    check(title in (article.name or ''), 'the article reads %r, wanted its document %r' % (article.name, title))


def scenario_caret_in_highlight(ctx):
    """Moving the caret into highlights changes what the reader can read."""
    text = ctx.article
    s1, e1 = word(text, 'harbour council postponed its vote')
    s2, e2 = word(text, 'postponed its vote on the ferry')
    make_project(ctx.gloss, ctx.project, text, [
        (s1, e1, ['claim'], 'Confirmed by two councillors at the meeting.', 'a1'),
        (s2, e2, ['date-number', 'place'], '', 'a2'),
    ])
    app, root = start(ctx, ctx.project)
    article = article_text(root)
    put_caret(app, s1 - 2, click=True)
    outside = article.description or ''
    put_caret(app, s1 + 2)
    deadline = time.time() + 4
    while time.time() < deadline and (article.description or '') == outside:
        time.sleep(0.1)
    inside = article.description or ''
    check('Claim' in inside and 'Confirmed by two' in inside,
          'caret in the Claim highlight: the article describes itself as %r (outside: %r)' % (inside, outside))
    put_caret(app, s2 + 1)
    deadline = time.time() + 4
    while time.time() < deadline and (article.description or '') == inside:
        time.sleep(0.1)
    both = article.description or ''
    check('of 2 overlapping' in both and 'Claim' in both and 'Place' in both,
          'caret where two annotations overlap: %r' % both)
    put_caret(app, e2 + 2)
    deadline = time.time() + 4
    while time.time() < deadline and (article.description or '') == both:
        time.sleep(0.1)
    after = article.description or ''
    check('Claim' not in after and 'Place' not in after, 'caret past the highlights: %r' % after)


def scenario_tab_to_inspector(ctx):
    """From the article, Tab reaches the inspector in a few stops, past a list of 10,000."""
    text = ctx.article
    annotations = many_annotations(text, 10000)
    make_project(ctx.gloss, ctx.project, text, annotations)
    app, root = start(ctx, ctx.project)
    app.wait(lambda r: r['document']['n_annotations'] == 10000, 'the 10,000 annotations')
    watch = FocusWatch()
    # The next annotation from the caret (at the start), the focus staying
    # in the article.
    app.key('alt+Down')
    app.wait(lambda r: r['selected'], 'an annotation selected from the caret')
    article = article_text(root)
    check(has_state(article, pyatspi.STATE_FOCUSED), 'the article has the focus: %s' % describe(article))
    limit = 12
    stops = []
    for _ in range(limit):
        acc = watch.focused_after(lambda: gui.xdo('key', 'Tab'))
        if acc is None:
            stops.append('(no focus event)')
            continue
        stops.append(describe(acc))
        if re.match(r'^Claim, key 1', acc.name or ''):
            return
    raise Failure('Tab from the article (%s) did not reach the inspector\'s tags in %d stops: %s'
                  % (describe(article) if article else '?', limit, '; '.join(stops)))


def scenario_documents_tab(ctx):
    """Moving through the Documents sidebar does not switch the document; Return does."""
    articles = [ctx.article,
                'A second piece\n\nThe ferry operator answered questions on Friday.\n',
                'A third piece\n\nResidents of the old quay wrote to the council.\n']
    documents = merge_documents(ctx.gloss, ctx.tmp, ctx.project, [(a, []) for a in articles])
    app, root = start(ctx, ctx.project)
    opened = app.last['document']['id']
    check(opened == documents[0]['id'], 'the first document is open')
    watch = FocusWatch()
    # Into the list by Tab alone, from the first control of the window.
    seen = []
    app.key('ctrl+Home')
    for _ in range(40):
        acc = watch.focused_after(lambda: app.key('Tab'))
        if acc is None:
            continue
        seen.append(describe(acc))
        try:
            in_documents = role(acc) == pyatspi.ROLE_LIST_ITEM and acc.parent.name == 'Documents'
        except Exception:
            in_documents = False
        if in_documents:
            break
    else:
        raise Failure('Tab never reached a row of the list named "Documents": %s' % '; '.join(seen))
    for key in ('Down', 'Down', 'Up'):
        app.key(key)
        time.sleep(0.4)
        app.report()
        check(app.last['document']['id'] == opened,
              'moving through the documents with %s switched the open document to %r'
              % (key, app.last['document']['title']))
    app.key('Return')
    app.wait(lambda r: r['document']['id'] == documents[1]['id'],
             'Return on the second document to open it')


def announcement(root):
    """What the window last told the screen reader: GTK 4.8 has no
    announcements, so Gloss gives the message to the focused object as its
    description, which Orca speaks when it changes."""
    focused = find(root, lambda a: has_state(a, pyatspi.STATE_FOCUSED) and role(a) != pyatspi.ROLE_FRAME,
                   'focused object')
    return focused.description or ''


def wait_announcement(root, predicate, what, timeout=6):
    deadline = time.time() + timeout
    said = ''
    while time.time() < deadline:
        said = announcement(root)
        if predicate(said):
            return said
        time.sleep(0.1)
    raise Failure('the screen reader was not told %s; last announcement: %r' % (what, said))


def wait_reader_told(watch, first, predicate, what, timeout=6):
    """Waits until the object a screen reader attends to (the last one a
    focus event named, else @first) describes itself as @predicate wants."""
    deadline = time.time() + timeout
    said = ''
    while time.time() < deadline:
        watch.pump(0.1)
        locus = watch.events[-1] if watch.events else first
        try:
            said = locus.description or ''
        except Exception:
            said = ''
        if predicate(said):
            return said
    raise Failure('the screen reader was not told %s on %s; it reads %r'
                  % (what, describe(locus), said))


def scenario_feedback(ctx):
    """Each result of the analyst's loop reaches the screen reader."""
    text = ctx.article
    s, e = word(text, 'Larkmouth')
    make_project(ctx.gloss, ctx.project, text)
    app, root = start(ctx, ctx.project)
    # Annotate by keyboard.
    put_caret(app, s, click=True)
    select_to(app, s, e)
    app.wait(lambda r: r['selection'] == [s, e] and r['palette'], 'the selection and the palette')
    # The palette keeps the focus in the article: its keys are told.
    wait_announcement(root, lambda t: t.startswith('Tags:') and 'Claim, key 1' in t, 'the palette\'s keys')
    app.key('1')
    wait_announcement(root, lambda t: t.startswith('Annotated') and 'Claim' in t and 'Larkmouth' in t,
                      'the annotation made')
    # Link mode, told how to finish it with the keyboard.
    app.key('ctrl+l')
    said = wait_announcement(root, lambda t: t.startswith('Linking'), 'link mode')
    check('click' not in said.lower() and 'Return' in said,
          'the link instruction %r must say which key finishes it, not "click"' % said)
    app.key('Escape')
    app.wait(lambda r: not r['link_mode'], 'link mode to end')
    wait_announcement(root, lambda t: t == 'Linking cancelled', 'that link mode ended')
    # Find: "1 of 2", told where the reader is: GTK 4.8 sends no focus
    # event for the find bar's entry, so it stays on the article.
    reader = FocusWatch()
    article = article_text(root)
    check(has_state(article, pyatspi.STATE_FOCUSED), 'the article has the focus before Ctrl+F')
    app.key('ctrl+f')
    app.wait(lambda r: r['search_mode'], 'the find bar')
    app.type('council')
    count = wait_reader_told(reader, article, lambda t: re.match(r'^\d+ of \d+$', t),
                             'which match of how many')
    app.key('ctrl+g')
    wait_reader_told(reader, article, lambda t: re.match(r'^\d+ of \d+$', t) and t != count,
                     'the next match of how many, after %r' % count)
    app.key('Escape')
    # Return on the highlight says what it selected.
    app.wait(lambda r: not r['search_mode'], 'the find bar to close')
    put_caret(app, s + 1)
    app.key('Return')
    wait_announcement(root, lambda t: t.startswith('Selected') and 'Claim' in t, 'what Return selected')
    # Delete, and its undo.
    app.key('Delete')
    app.wait(lambda r: r['document']['n_annotations'] == 0, 'the delete')
    wait_announcement(root, lambda t: 'deleted' in t, 'the deletion')
    app.key('ctrl+z')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the undo')
    wait_announcement(root, lambda t: t.startswith('Undone'), 'the undo')
    app.key('ctrl+s')
    app.wait(lambda r: not r['dirty'], 'the save')
    wait_announcement(root, lambda t: t.startswith('Saved'), 'the save')


def scenario_palette_keyboard(ctx):
    """A tag without a digit is applied from the keyboard: Tab moves into
    the palette, the arrows go from tag to tag, Return applies."""
    text = ctx.article
    s, e = word(text, 'Larkmouth')
    make_project(ctx.gloss, ctx.project, text)
    project = gui.load_project(ctx.project)
    rumour = dict(project['tags'][0])
    rumour.update({'id': 'rumour', 'name': 'Rumour', 'description': 'Unconfirmed talk'})
    rumour['digit'] = None
    project['tags'].append(rumour)
    with open(ctx.project, 'w', encoding='utf-8') as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
    app, root = start(ctx, ctx.project)
    watch = FocusWatch()
    put_caret(app, s, click=True)
    select_to(app, s, e)
    app.wait(lambda r: r['selection'] == [s, e] and r['palette'], 'the selection and the palette')
    said = wait_announcement(root, lambda t: t.startswith('Tags:'), 'the palette\'s keys')
    check('Tab' in said, 'the palette\'s announcement %r must say how to reach it' % said)
    focused = watch.focused_after(lambda: app.key('Tab'))
    check(focused is not None and role(focused) == pyatspi.ROLE_PUSH_BUTTON
          and focused.name.startswith('Claim'),
          'Tab with the palette shown must focus its first tag, not %r'
          % (describe(focused) if focused is not None else None))
    # Shift+Tab wraps to the last tag, the one without a digit.
    focused = watch.focused_after(lambda: app.key('shift+Tab'))
    check(focused is not None and focused.name.startswith('Rumour'),
          'Shift+Tab in the palette must reach the last tag, Rumour, not %r'
          % (focused.name if focused is not None else None))
    focused = watch.focused_after(lambda: app.key('Right'))
    check(focused is not None and focused.name.startswith('Claim'),
          'Right on the last tag must wrap to the first, not %r'
          % (focused.name if focused is not None else None))
    app.key('Left')
    app.key('Return')
    app.wait(lambda r: r['document']['n_annotations'] == 1, 'the annotation made with Return')
    wait_announcement(root, lambda t: t.startswith('Annotated') and 'Rumour' in t, 'the annotation made')
    check(has_state(article_text(root), pyatspi.STATE_FOCUSED), 'the article has the focus back')


def scenario_keyboard_spans(ctx):
    """Alt+Down steps from the caret; span nudges work from the article
    with keys GNOME Shell leaves to the window."""
    text = ctx.article
    s1, e1 = word(text, 'Larkmouth')
    s2, e2 = word(text, 'ferry terminal', 1)
    make_project(ctx.gloss, ctx.project, text, [
        (s1, e1, ['place'], '', 'early'),
        (s2, e2, ['claim'], '', 'late'),
    ])
    app, root = start(ctx, ctx.project)
    # Select the later one, then move the caret back before the first.
    put_caret(app, s2 - 2, click=True)
    put_caret(app, s2 + 1)
    app.key('Return')
    app.wait(lambda r: r['selected'] and r['selected']['id'] == 'late', 'the later annotation selected')
    put_caret(app, s1 - 3)
    app.key('alt+Down')
    # 'late' is still selected until the key is handled: wait for a change.
    app.wait(lambda r: r['selected'] and r['selected']['id'] != 'late',
             'Alt+Down from a caret before both to step away from \'late\' to \'early\'')
    check(app.last['selected']['id'] == 'early',
          'Alt+Down from a caret before both stepped to %r, not to the next from the caret'
          % app.last['selected']['id'])
    # The focus is still in the article: nudge the span from there.
    article = article_text(root)
    check(has_state(article, pyatspi.STATE_FOCUSED), 'the article keeps the focus')
    app.key('alt+bracketright')
    nxt = re.search(r'\w+', text[e1:]).end() + e1
    app.wait(lambda r: r['selected'] and (r['selected']['start'], r['selected']['end']) == (s1, nxt),
             'Alt+] to move the end a word later, to %d' % nxt)
    app.key('alt+shift+Left')
    app.wait(lambda r: r['selected'] and (r['selected']['start'], r['selected']['end']) == (s1 - 1, nxt),
             'Alt+Shift+Left to move the start a character earlier')
    app.key('alt+Left')
    app.wait(lambda r: r['selected'] and r['selected']['end'] == nxt - 1,
             'Alt+Left to move the end a character earlier')


def accent_near(path, xs, y, dark):
    """Whether the selection outline's colour is at any of @xs on row @y."""
    want = (120, 174, 237) if dark else (28, 113, 216)
    for x in xs:
        r, g, b = gui.pixel(path, x, y)
        if abs(r - want[0]) + abs(g - want[1]) + abs(b - want[2]) < 90:
            return True
    return False


def contrast(c1, c2):
    """WCAG 2 contrast ratio of two sRGB colours (0-255)."""
    def lum(c):
        def ch(v):
            v /= 255.0
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b = c
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    a, b = lum(c1), lum(c2)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def scenario_rtl_outline(ctx):
    """The selected annotation's outline frames exactly its Hebrew words;
    underlines keep 3:1 and differ by pattern where layers overlap. Takes
    screenshots in the light and the dark style."""
    with open(os.path.join(FIXTURES, 'mixed-directions.txt'), encoding='utf-8') as f:
        text = f.read()
    hs, he = word(text, 'דחתה את ההצבעה')
    as_, ae = word(text, 'الميزانية لم تتغير')
    ms, me = word(text, 'in חיפה on')
    bs, be = word(text, 'council met in')
    make_project(ctx.gloss, ctx.project, text, [
        (hs, he, ['claim'], 'Postponed, not cancelled.', 'h1'),
        (as_, ae, ['quote'], 'Check against the published figures.', 'a1'),
        (ms, me, ['place'], '', 'm1'),
        (bs, be, ['organization'], '', 'b1'),
        (bs + 8, me - 3, ['person'], '', 'b2'),
    ])
    out = ctx.out or ctx.tmp
    for style in ('light', 'dark'):
        app = ctx.start([ctx.project], env={'GLOSS_STYLE': style}, name=style)
        app.wait(lambda r: r['page'] == 'project' and r['document'], 'the document', timeout=30)
        app.click(hs + 2)
        app.wait(lambda r: r['selected'] and r['selected']['id'] == 'h1', 'the Hebrew annotation selected')
        gui.xdo('mousemove', 5, 790)
        time.sleep(0.8)
        report = app.report()
        path = os.path.join(out, 'rtl-%s.png' % style)
        app.screenshot(path)
        app.kill()
        rects = [report['offsets'][str(o)] for o in range(hs, he)]
        left = min(min(x, x + w) for x, y, w, h in rects)
        right = max(max(x, x + w) for x, y, w, h in rects)
        y = rects[0][1] + rects[0][3] // 2
        check(accent_near(path, range(left - 5, left), y, style == 'dark'),
              '%s: no outline just left of the annotation\'s leftmost glyph (x %d, y %d)' % (style, left, y))
        check(accent_near(path, range(right, right + 5), y, style == 'dark'),
              '%s: no outline just right of its rightmost glyph (x %d, y %d)' % (style, right, y))
        # The glyphs just outside, on either side, are not inside the frame.
        for o in (hs - 2, he + 1):
            x, yy, w, h = report['offsets'][str(o)]
            middle = x + w // 2
            check(not accent_near(path, [middle], y, style == 'dark') and
                  (middle < left - 4 or middle > right + 4),
                  '%s: the outline reaches over the glyph of offset %d' % (style, o))
        # Low vision: the underline of "council" (Organization, a pale
        # teal) stands 3:1 against the page, in both styles.
        page = (255, 255, 255) if style == 'light' else (30, 30, 30)
        x, yy, w, h = report['offsets'][str(bs + 2)]
        best = max((contrast(gui.pixel(path, x + w // 2, yy + h + dy), page), dy) for dy in range(0, 6))
        check(best[0] >= 3.0, '%s: the Organization underline stands only %.2f:1 against the page'
              % (style, best[0]))
    print('screenshots: %s' % ', '.join(os.path.join(out, 'rtl-%s.png' % s) for s in ('light', 'dark')))


if __name__ == '__main__':
    sys.exit(gui.main(globals(), 'usage: a11y-tests.py GLOSS BUILD_DIR SCENARIO [OUT_DIR]'))
