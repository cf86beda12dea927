#!/usr/bin/env python3
"""The checks of build-aux/flatpak-test.sh that read files or drive the
sandboxed window. Each prints `ok WHAT` or `not ok WHAT: WHY`.

  flatpak-checks.py build-log LOG          the suite ran in the build sandbox
  flatpak-checks.py installed DIR APP_ID   what the installed app has and exports
  flatpak-checks.py session --app ID --workdir DIR --sample DIR
                                           the app in the sandbox, under Xvfb,
                                           with the portals on the session bus

SPDX-License-Identifier: GPL-3.0-or-later
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time

MIME_TYPE = 'application/x-gloss+json'
BASE_ID = 'io.github.glossapp.Gloss'


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


# ---- the build log ----------------------------------------------------------

def cmd_build_log(args):
    with open(args.log, encoding='utf-8', errors='replace') as f:
        log = f.read()
    results = re.findall(r'^\s*\d+/\d+ gloss:(\S+) / (\S+)\s+(OK|FAIL|SKIP|TIMEOUT|EXPECTEDFAIL|UNEXPECTEDPASS|ERROR)',
                         log, re.M)
    print(f'{len(results)} test results in the build log')
    bad = [f'{suite}/{name} {result}' for suite, name, result in results
           if result not in ('OK', 'SKIP', 'EXPECTEDFAIL')]
    check(results, 'no meson test results in the build log')
    check(not bad, 'failed in the SDK sandbox: ' + ', '.join(bad))
    passed = {(suite, name) for suite, name, result in results if result == 'OK'}
    check(('core', 'no-display') in passed, 'no-display did not pass in the SDK sandbox')
    check(('bench', 'bench-small') in passed, 'bench-small did not pass in the SDK sandbox')
    check(sum(1 for suite, _ in passed if suite == 'core') >= 10,
          'fewer than 10 core tests passed in the SDK sandbox')
    check(not any(suite == 'gui' for suite, _, _ in results),
          'the gui suite ran in the build sandbox, which has no display')
    skipped = sorted(f'{suite}/{name}' for suite, name, result in results if result == 'SKIP')
    print(f'{len(passed)} passed in the SDK sandbox; skipped there: {", ".join(skipped) or "none"}')
    return 0


# ---- the installed app ------------------------------------------------------

def cmd_installed(args):
    files = os.path.join(args.location, 'files')
    export = os.path.join(args.location, 'export')
    app = args.app_id
    problems = []

    def need(path, what):
        if not os.path.exists(path):
            problems.append(f'{what} missing: {os.path.relpath(path, args.location)}')
            return False
        return True

    desktop = os.path.join(export, 'share/applications', app + '.desktop')
    if need(desktop, 'exported desktop file'):
        with open(desktop, encoding='utf-8') as f:
            text = f.read()
        exec_line = re.search(r'^Exec=(.*)$', text, re.M)
        if not exec_line or 'flatpak run' not in exec_line.group(1) \
                or '--file-forwarding' not in exec_line.group(1) or '@@' not in exec_line.group(1):
            problems.append(f'the exported Exec line does not forward files through flatpak run: '
                            f'{exec_line.group(1) if exec_line else None}')
        if MIME_TYPE not in text:
            problems.append(f'the exported desktop file lacks MimeType {MIME_TYPE}')
    # flatpak-builder before 1.3 moves the metainfo to share/appdata.
    metainfo = [os.path.join(files, 'share/metainfo', app + '.metainfo.xml'),
                os.path.join(files, 'share/appdata', app + '.appdata.xml')]
    if not any(os.path.exists(p) for p in metainfo):
        problems.append('metainfo missing: neither ' + ' nor '.join(
            os.path.relpath(p, args.location) for p in metainfo))
    composed = os.path.join(files, 'share/app-info/xmls', app + '.xml.gz')
    if need(composed, 'composed appstream data'):
        with gzip.open(composed, 'rt', encoding='utf-8') as f:
            if f'<id>{app}' not in f.read():
                problems.append('the composed appstream data does not name the app')
    need(os.path.join(export, 'share/icons/hicolor/scalable/apps', app + '.svg'), 'exported app icon')
    need(os.path.join(export, 'share/icons/hicolor/symbolic/apps', app + '-symbolic.svg'),
         'exported symbolic icon')
    need(os.path.join(export, 'share/icons/hicolor/scalable/mimetypes',
                      f'{app}-application-x-gloss+json.svg'), 'exported MIME icon')
    mime = os.path.join(export, 'share/mime/packages', app + '.xml')
    if need(mime, 'exported MIME package'):
        with open(mime, encoding='utf-8') as f:
            if f'type="{MIME_TYPE}"' not in f.read():
                problems.append(f'the MIME package does not define {MIME_TYPE}')
    # DBusActivatable: the session bus starts the app through flatpak run.
    service = os.path.join(export, 'share/dbus-1/services', app + '.service')
    if need(service, 'exported D-Bus service'):
        with open(service, encoding='utf-8') as f:
            text = f.read()
        if f'Name={app}' not in text or not re.search(r'^Exec=.*flatpak run', text, re.M):
            problems.append(f'the exported D-Bus service does not start {app} through flatpak run: {text!r}')
    need(os.path.join(files, 'share/glib-2.0/schemas', BASE_ID + '.gschema.xml'), 'schema')
    need(os.path.join(files, 'share/glib-2.0/schemas/gschemas.compiled'), 'compiled schemas')
    need(os.path.join(files, 'bin/gloss'), 'the program')
    for problem in problems:
        print('problem:', problem)
    check(not problems, f'{len(problems)} problem(s) in {args.location}')
    return 0


# ---- the sandboxed session --------------------------------------------------

def xdo(*args, capture=False):
    proc = subprocess.run(['xdotool'] + [str(a) for a in args], capture_output=True, text=True)
    if not capture and proc.returncode != 0:
        raise Failure(f'xdotool {" ".join(map(str, args))}: {proc.stderr.strip()}')
    return proc


def find_window(name, timeout=30):
    """The visible window titled exactly NAME: a portal dialog."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        proc = xdo('search', '--onlyvisible', '--name', f'^{re.escape(name)}$', capture=True)
        ids = proc.stdout.split()
        if ids:
            return ids[-1]
        time.sleep(0.2)
    raise Failure(f'no window titled {name!r} appeared in {timeout} s (the portal dialog)')


def window_gone(wid, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if xdo('getwindowname', wid, capture=True).returncode != 0:
            return
        if xdo('search', '--onlyvisible', '--name', '.', capture=True).stdout.split().count(wid) == 0:
            return
        time.sleep(0.2)
    raise Failure(f'the portal dialog {wid} did not close')


def key(*keys):
    for k in keys:
        xdo('key', '--clearmodifiers', k)
        time.sleep(0.15)


def type_text(text):
    xdo('type', '--delay', 40, text)
    time.sleep(0.3)


class SandboxedApp:
    """Gloss under `flatpak run`; its window reports its state to a file in
    the app's own ~/.var/app directory, which the sandbox can write."""

    def __init__(self, session, name, args=(), env=None, flatpak_args=()):
        self.session = session
        self.name = name
        self.report_path = os.path.join(session.app_dir, f'report-{name}.json')
        if os.path.exists(self.report_path):
            os.unlink(self.report_path)
        argv = ['flatpak', 'run', '--user', f'--env=GLOSS_TEST_REPORT={self.report_path}']
        for k, v in (env or {}).items():
            argv.append(f'--env={k}={v}')
        argv += list(flatpak_args) + [session.app] + list(args)
        self.log_path = os.path.join(session.workdir, f'app-{name}.log')
        self.log = open(self.log_path, 'w')
        self.proc = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT)
        self.last = {}
        self.wait(lambda r: r.get('xid'), 'the window to appear', timeout=90)
        self.xid = self.last['xid']
        time.sleep(0.5)
        self.focus()
        out = xdo('getwindowgeometry', self.xid, capture=True).stdout
        position = re.search(r'Position: (\d+),(\d+)', out)
        self.origin = (int(position.group(1)), int(position.group(2))) if position else (0, 0)

    def focus(self):
        xdo('windowfocus', '--sync', self.xid)

    def report(self):
        try:
            with open(self.report_path, encoding='utf-8') as f:
                self.last = json.load(f)
        except (OSError, ValueError):
            pass
        return self.last

    def wait(self, predicate, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise Failure(f'gloss exited ({self.proc.returncode}) waiting for {what}; '
                              f'log: {self.tail()}')
            report = self.report()
            try:
                if report and predicate(report):
                    return report
            except (KeyError, TypeError, IndexError):
                pass
            time.sleep(0.2)
        summary = {k: v for k, v in self.last.items() if k != 'offsets'}
        raise Failure(f'timed out waiting for {what}; last report: {json.dumps(summary)[:1500]}')

    def tail(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, encoding='utf-8', errors='replace') as f:
            return f.read()[-1500:]

    def settled(self, get, what, timeout=30):
        """@get (report → a rectangle) once the window has laid it out (wider
        than 8 pixels) and two reports 0.4 s apart agree: a report written
        before the first allocation places things where they will not be."""
        deadline = time.time() + timeout
        previous = None
        while True:
            report = self.wait(lambda r: get(r)[2] > 8, what, timeout=max(1, deadline - time.time()))
            rect = list(get(report))
            if rect == previous:
                return rect
            if time.time() > deadline:
                raise Failure(f'{what} kept moving: {previous} then {rect}')
            previous = rect
            time.sleep(0.4)

    def click_at(self, x, y):
        xdo('mousemove', self.origin[0] + x, self.origin[1] + y)
        time.sleep(0.1)
        xdo('click', 1)
        time.sleep(0.4)

    def screenshot(self, path, timeout=30):
        """The window once it has been drawn: a first frame under llvmpipe
        can take a while, and until then the capture is one flat colour."""
        xdo('mousemove', 1270, 790)
        time.sleep(0.8)
        deadline = time.time() + timeout
        while True:
            subprocess.run(['import', '-window', str(self.xid), path], check=True)
            colours = subprocess.run(['identify', '-format', '%k', path], check=True,
                                     capture_output=True, text=True).stdout.strip()
            if int(colours or 0) > 16 or time.time() > deadline:
                return
            time.sleep(1)

    def quit(self):
        self.focus()
        key('ctrl+q')
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise Failure(f'{self.name}: gloss did not quit on Ctrl+Q')
        finally:
            self.log.close()

    def kill(self):
        """Ends the sandboxed app itself, not only `flatpak run`: a Gloss
        left running would take the next instance's files over D-Bus."""
        subprocess.run(['flatpak', 'kill', self.session.app], capture_output=True)
        deadline = time.time() + 20
        while time.time() < deadline and self.session.app in subprocess.run(
                ['flatpak', 'ps', '--columns=application'], capture_output=True, text=True).stdout:
            time.sleep(0.2)
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if not self.log.closed:
            self.log.close()


def portal_choose(title, path=None, name=None):
    """Drives xdg-desktop-portal-gtk's file chooser: Ctrl+L and a whole path
    in the location entry, or a bare NAME in the save dialog's name field
    (saved in whatever folder the dialog starts in)."""
    wid = find_window(title)
    time.sleep(0.8)
    xdo('windowfocus', '--sync', wid)
    if path is not None:
        key('ctrl+l')
        key('ctrl+a')
        type_text(path)
    else:
        key('ctrl+a')
        type_text(name)
    key('Return')
    window_gone(wid)


def is_document_path(path):
    return path is not None and path.startswith(os.environ['XDG_RUNTIME_DIR'] + '/doc/')


def without_modified(project):
    project = dict(project)
    project.pop('modified', None)
    return project


def document_portal_version():
    """The document portal's interface version, asked from the host: 5 and
    later answer GetHostPaths for sandboxed apps (xdg-desktop-portal 1.17);
    Debian 12's xdg-desktop-portal 1.16 has 4."""
    out = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.freedesktop.portal.Documents',
                          '--object-path', '/org/freedesktop/portal/documents', '--method',
                          'org.freedesktop.DBus.Properties.Get', 'org.freedesktop.portal.Documents',
                          'version'], capture_output=True, text=True, timeout=30)
    found = re.search(r'uint32 (\d+)', out.stdout)
    check(found, f'the document portal did not give its version: {out.stderr.strip()}')
    return int(found.group(1))


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


class Session:
    def __init__(self, args):
        self.app = args.app
        self.workdir = args.workdir
        self.home = os.environ['HOME']
        self.app_dir = os.path.join(self.home, '.var', 'app', self.app)
        os.makedirs(self.app_dir, exist_ok=True)
        os.makedirs(self.workdir, exist_ok=True)
        # The analyst's folder on the host, which the sandbox may not see.
        self.folder = os.path.join(self.home, 'Desk Notes')
        os.makedirs(self.folder, exist_ok=True)
        self.project = os.path.join(self.folder, 'geneva-talks.gloss')
        shutil.copy(os.path.join(args.sample, 'geneva-talks.gloss'), self.project)
        self.original = read_bytes(self.project)
        self.screenshots = []
        self.results = []
        self.portal_version = 0
        self.app_running = None

    def run(self, what, function):
        try:
            function()
            self.results.append(True)
            print(f'ok {what}', flush=True)
        except (Failure, subprocess.CalledProcessError, OSError) as e:
            self.results.append(False)
            print(f'not ok {what}: {e}', flush=True)
            if self.app_running is not None:
                print('    app log: ' + self.app_running.tail().replace('\n', '\n    '), flush=True)

    def shot(self, app, name):
        path = os.path.join(self.workdir, f'{name}.png')
        app.screenshot(path)
        check(os.path.getsize(path) > 10000, f'{path}: a nearly empty screenshot')
        self.screenshots.append(path)

    def start(self, name, **kwargs):
        if self.app_running is not None:
            self.app_running.kill()
        self.app_running = SandboxedApp(self, name, **kwargs)
        return self.app_running

    # -- the checks, in order: each leaves the app as the next expects --

    def start_page(self):
        self.portal_version = document_portal_version()
        print(f'    document portal version {self.portal_version}', flush=True)
        app = self.start('start')
        app.wait(lambda r: r['page'] == 'start', 'the start page')
        self.shot(app, 'sandbox-start-light')

    def open_through_portal(self):
        app = self.app_running
        key('ctrl+o')
        portal_choose('Open Project', path=self.project)
        app.wait(lambda r: r['page'] == 'project' and r['n_documents'] > 0, 'the project to open')
        check(is_document_path(app.last['file']),
              f'the project came in as {app.last["file"]!r}, not through the document portal')
        self.opened_as = app.last['file']

    def save_writes_back(self):
        app = self.app_running
        report = app.wait(lambda r: r['offsets'], 'the article on screen')
        document = self.shown_document(report)
        count = len(document['annotations'])
        # A new annotation: four letters picked with the keyboard, tag 1.
        offsets = sorted(int(o) for o in report['offsets'])
        free = self.unannotated_run(document, offsets)
        check(free is not None, 'no unannotated stretch of text on screen to annotate')
        x, y, w, h = app.settled(lambda r: r['offsets'][str(free)], f'character {free} laid out')
        app.click_at(x + 1, y + h // 2)
        app.wait(lambda r: r['caret'] in (free, free + 1), 'the caret')
        if app.last['caret'] != free:
            key('Left')
        key(*['shift+Right'] * 4)
        app.wait(lambda r: r['selection'] == [free, free + 4], 'a selection of four characters')
        key('1')
        app.wait(lambda r: r['document']['n_annotations'] == count + 1 and r['dirty'], 'the annotation')
        key('ctrl+s')
        app.wait(lambda r: not r['dirty'], 'the save')
        saved = json.loads(read_bytes(self.project))
        saved_document = [d for d in saved['documents'] if d['id'] == document['id']][0]
        check(len(saved_document['annotations']) == count + 1,
              'the host file does not have the new annotation')
        # Undone and saved again: the host file is the original again but
        # for the project's "modified" time, and byte for byte what the
        # sandbox sees through the document portal.
        key('ctrl+z')
        app.wait(lambda r: r['document']['n_annotations'] == count, 'the undo')
        key('ctrl+s')
        app.wait(lambda r: not r['dirty'], 'the second save')
        time.sleep(0.5)
        now = read_bytes(self.project)
        check(without_modified(json.loads(now)) == without_modified(json.loads(self.original)),
              'after undo and save the host file is not the original project')
        check(app.last['file'] == self.opened_as, 'Save moved the project elsewhere')
        inside = subprocess.run(['flatpak', 'run', '--user', '--command=cat', self.app,
                                 self.opened_as], capture_output=True, timeout=120)
        check(inside.returncode == 0, f'cat of {self.opened_as} in the sandbox failed: {inside.stderr[-300:]!r}')
        check(inside.stdout == now,
              f'the host file ({len(now)} bytes) is not byte-identical to what the sandbox '
              f'reads ({len(inside.stdout)} bytes)')

    def shown_document(self, report):
        """The document the window shows, as the original file has it."""
        for document in json.loads(self.original)['documents']:
            if document['id'] == report['document']['id']:
                return document
        raise Failure(f'the window shows a document not in the project: {report["document"]}')

    @staticmethod
    def unannotated_run(document, offsets):
        taken = set()
        for a in document['annotations']:
            taken.update(range(a['start'] - 1, a['end'] + 1))
        text = document['text']
        shown = set(offsets)
        for o in offsets[len(offsets) // 4:]:
            run = range(o, o + 5)
            if all(i in shown and i not in taken for i in run) and text[o:o + 4].isalpha():
                return o
        return None

    def save_as_in_real_folder(self):
        app = self.app_running
        key('ctrl+shift+s')
        find_window('Save Project')
        time.sleep(1.5)
        shot = os.path.join(self.workdir, 'sandbox-save-as-dialog.png')
        subprocess.run(['import', '-window', 'root', shot], check=True)
        self.screenshots.append(shot)
        # Only a name: the file lands in whatever folder the dialog starts in.
        portal_choose('Save Project', name='geneva-talks-copy.gloss')
        app.wait(lambda r: r['file'] and r['file'].endswith('/geneva-talks-copy.gloss')
                 and not r['dirty'], 'the project saved under its new name')
        check(is_document_path(app.last['file']), 'the copy is not held through the document portal')
        check(app.last['file'] != self.opened_as, 'Save As kept the old file')
        if self.portal_version >= 5:
            # The portal says where the project is: the dialog starts there.
            self.copy = os.path.join(self.folder, 'geneva-talks-copy.gloss')
        else:
            # No GetHostPaths: the app cannot know the real folder and must
            # not start in the portal's own; the dialog's default is $HOME.
            self.copy = os.path.join(self.home, 'geneva-talks-copy.gloss')
            print(f'    document portal version {self.portal_version}: no GetHostPaths, '
                  f'so Save As starts in the portal\'s default folder, not the document folder', flush=True)
        check(os.path.exists(self.copy),
              f'Save As did not write {self.copy}: the dialog started elsewhere '
              f'({[p for p in os.listdir(self.folder)]} in the project\'s folder)')
        check(without_modified(json.loads(read_bytes(self.copy))) == without_modified(json.loads(self.original)),
              'the copy is not the project')

    def export_through_portal(self):
        app = self.app_running
        target = os.path.join(self.folder, 'exported', 'talks-annotations.json')
        os.makedirs(os.path.dirname(target), exist_ok=True)
        key('ctrl+e')
        portal_choose('Export Annotations', name=target)
        deadline = time.time() + 20
        while not os.path.exists(target) and time.time() < deadline:
            time.sleep(0.2)
        check(os.path.exists(target), f'nothing exported to {target}')
        time.sleep(0.5)
        exported = json.loads(read_bytes(target))
        quotes = [a['quote'] for a in self.shown_document(app.report())['annotations']]
        check(quotes and quotes[0] in json.dumps(exported, ensure_ascii=False),
              'the export lacks the first annotation\'s quote')

    def no_host_access(self):
        base = ['flatpak', 'run', '--user']
        for command, target in (('ls', self.folder), ('cat', self.project)):
            proc = subprocess.run(base + [f'--command={command}', self.app, target],
                                  capture_output=True, text=True, timeout=120)
            check(proc.returncode != 0,
                  f'the sandbox could run {command} {target}: {proc.stdout[:200]!r}')
            check(os.path.basename(self.project) not in proc.stdout,
                  f'{command} {target} showed the project inside the sandbox')
        # $HOME exists in the sandbox, holding only .var: not the analyst's folders.
        proc = subprocess.run(base + ['--command=ls', self.app, '-A', self.home],
                              capture_output=True, text=True, timeout=120)
        check(os.path.basename(self.folder) not in proc.stdout,
              f'the sandbox sees {self.folder} in $HOME: {proc.stdout!r}')
        # And the same command does work where the sandbox may look.
        proc = subprocess.run(base + ['--command=ls', self.app, self.app_dir],
                              capture_output=True, text=True, timeout=120)
        check(proc.returncode == 0, f'ls of the app\'s own {self.app_dir} failed: {proc.stderr[:300]}')

    def recent_across_restart(self):
        self.app_running.quit()
        self.app_running = None
        app = self.start('recent')
        if self.portal_version >= 5:
            expected = [self.copy, self.project]
        else:
            # No GetHostPaths: the row's title, the file's name, is all it
            # shows; never the portal's path.
            expected = [None, None]
        try:
            app.wait(lambda r: r['page'] == 'start'
                     and [row['title'] for row in r['recent']][:2] == [os.path.basename(self.copy),
                                                                       os.path.basename(self.project)]
                     and [row['subtitle'] for row in r['recent']][:2] == expected,
                     'the start page listing the two projects', timeout=30)
        finally:
            subtitles = [row['subtitle'] for row in app.last.get('recent', [])]
            print('    recent projects: ' + '; '.join(f'{row["title"]} ({row["subtitle"]})'
                                                      for row in app.last.get('recent', [])), flush=True)
        check(not any(s and s.startswith(os.environ['XDG_RUNTIME_DIR'] + '/doc/') for s in subtitles),
              f'Recent Projects shows document-portal paths: {subtitles}')
        self.shot(app, 'sandbox-recent-light')
        # The portal's document ids last across the restart: the row opens.
        x, y, w, h = app.settled(lambda r: r['recent_rows'][1], 'the second recent row laid out')
        app.focus()
        app.click_at(x + w // 2, y + h // 2)
        under = xdo('getmouselocation', '--shell', capture=True).stdout.replace('\n', ' ')
        print(f'    clicked the row at {x + w // 2},{y + h // 2} of window {app.xid}: {under}', flush=True)
        try:
            app.wait(lambda r: r['page'] == 'project' and r['n_documents'] > 0,
                     'the recent project to open')
        except Failure:
            path = os.path.join(self.workdir, 'sandbox-recent-clicked.png')
            subprocess.run(['import', '-window', 'root', path], check=False)
            tree = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True).stdout
            print('    windows: ' + tree.replace('\n', '\n    '), flush=True)
            raise
        check(is_document_path(app.last['file']), 'the recent project did not open through the portal')

    def file_forwarding(self):
        app = self.start('forwarded-dark', env={'GLOSS_STYLE': 'dark'},
                         flatpak_args=['--file-forwarding'], args=['@@', self.project, '@@'])
        app.wait(lambda r: r['page'] == 'project' and r['n_documents'] > 0, 'the forwarded project')
        check(is_document_path(app.last['file']), f'the forwarded file is {app.last["file"]!r}')
        self.shot(app, 'sandbox-project-dark')
        app = self.start('forwarded-light', env={'GLOSS_STYLE': 'light'},
                         flatpak_args=['--file-forwarding'], args=['@@', self.project, '@@'])
        app.wait(lambda r: r['page'] == 'project' and r['n_documents'] > 0, 'the forwarded project')
        self.shot(app, 'sandbox-project-light')
        app = self.start('recent-dark', env={'GLOSS_STYLE': 'dark'})
        app.wait(lambda r: r['page'] == 'start' and r.get('recent'), 'the start page')
        self.shot(app, 'sandbox-recent-dark')
        app.kill()
        self.app_running = None


def cmd_session(args):
    session = Session(args)
    steps = [
        ('the sandboxed app starts and shows its start page', session.start_page),
        ('Open goes through the FileChooser portal and the project opens', session.open_through_portal),
        ('Save writes back to the host file, byte-identical after undo', session.save_writes_back),
        ('Save As writes a new host file, starting in the real folder where the portal tells it, never the portal\'s own',
         session.save_as_in_real_folder),
        ('Export writes a host file through the portal', session.export_through_portal),
        ('the sandbox cannot list or read host folders it was not given', session.no_host_access),
        ('Recent Projects shows real locations and opens them after a restart',
         session.recent_across_restart),
        ('flatpak run --file-forwarding opens a project; light and dark screenshots',
         session.file_forwarding),
    ]
    for what, function in steps:
        if what.startswith(('Open', 'Save', 'Export')) and session.app_running is None:
            session.results.append(False)
            print(f'not ok {what}: the app is not running', flush=True)
            continue
        session.run(what, function)
    if session.app_running is not None:
        session.app_running.kill()
    print('screenshots: ' + ' '.join(session.screenshots), file=sys.stderr)
    return 0 if all(session.results) else 1


def cmd_source_url(args):
    """The url of @module's first git or archive source in @manifest."""
    with open(args.manifest, encoding='utf-8') as f:
        manifest = json.load(f)
    for module in manifest['modules']:
        if isinstance(module, dict) and module.get('name') == args.module:
            for source in module.get('sources', []):
                if source.get('url'):
                    print(source['url'])
                    return 0
    print(f'{args.manifest}: no module {args.module} with a url', file=sys.stderr)
    return 1


# Debian 12's libgumbo packages, unpacked into /app in place of the gumbo
# module's build: what a machine that cannot reach github.com can do.
GUMBO_FROM_DEBS = [
    'for deb in *.deb; do ar x "$deb" data.tar.xz && tar -xf data.tar.xz && rm data.tar.xz; done',
    'install -d /app/lib/pkgconfig /app/include',
    'cp -a usr/lib/*/libgumbo.so* /app/lib/',
    'cp usr/include/gumbo.h usr/include/tag_enum.h /app/include/',
    "sed -e 's|^prefix=.*|prefix=/app|' -e 's|^libdir=.*|libdir=${prefix}/lib|' "
    "usr/lib/*/pkgconfig/gumbo.pc > /app/lib/pkgconfig/gumbo.pc",
]


def cmd_offline_manifest(args):
    """@manifest with its gumbo module made from the .debs in @debs, and
    its relative dir sources made absolute, written to @output."""
    with open(args.manifest, encoding='utf-8') as f:
        manifest = json.load(f)
    debs = sorted(os.path.join(args.debs, n) for n in os.listdir(args.debs) if n.endswith('.deb'))
    check(len(debs) == 2, f'{args.debs}: want libgumbo1 and libgumbo-dev, found {debs}')
    here = os.path.dirname(os.path.abspath(args.manifest))
    replaced = False
    for module in manifest['modules']:
        if not isinstance(module, dict):
            continue
        if module.get('name') == 'gumbo':
            module.pop('config-opts', None)
            module['buildsystem'] = 'simple'
            module['build-commands'] = GUMBO_FROM_DEBS
            module['sources'] = [{'type': 'file', 'path': deb} for deb in debs]
            replaced = True
        for source in module.get('sources', []):
            if source.get('type') == 'dir' and not os.path.isabs(source['path']):
                source['path'] = os.path.normpath(os.path.join(here, source['path']))
    check(replaced, f'{args.manifest}: no gumbo module')
    with open(args.output, 'w', encoding='utf-8') as f:
        json.dump(manifest, f, indent=2)
        f.write('\n')
    return 0


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest='command', required=True)
    p = sub.add_parser('build-log')
    p.add_argument('log')
    p.set_defaults(func=cmd_build_log)
    p = sub.add_parser('installed')
    p.add_argument('location')
    p.add_argument('app_id')
    p.set_defaults(func=cmd_installed)
    p = sub.add_parser('source-url')
    p.add_argument('manifest')
    p.add_argument('module')
    p.set_defaults(func=cmd_source_url)
    p = sub.add_parser('offline-manifest')
    p.add_argument('manifest')
    p.add_argument('debs')
    p.add_argument('output')
    p.set_defaults(func=cmd_offline_manifest)
    p = sub.add_parser('session')
    p.add_argument('--app', required=True)
    p.add_argument('--workdir', required=True)
    p.add_argument('--sample', required=True)
    p.set_defaults(func=cmd_session)
    args = parser.parse_args()
    try:
        return args.func(args)
    except Failure as e:
        print(f'FAIL: {e}')
        return 1


if __name__ == '__main__':
    sys.exit(main())
