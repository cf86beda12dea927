#!/usr/bin/env python3
# check-data.py — validates the desktop integration files and the Flatpak
# manifests. Each subcommand is one test in the 'data' suite; it prints what
# it checked and exits 0 (pass), 1 (fail) or 77 (skip: tool not installed).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77

# What every Gloss manifest must say. Files come and go through the
# file-chooser portal, so there is no --filesystem and no network.
FINISH_ARGS = [
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
]
RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
RUNTIME_VERSION = '51'
COMMAND = 'gloss'
BASE_ID = 'io.github.glossapp.Gloss'

MIME_TYPE = 'application/x-gloss+json'


class Failures:
    """Collects every problem so one run reports all of them."""

    def __init__(self):
        self.messages = []

    def check(self, ok, message):
        if not ok:
            self.messages.append(message)
        return ok

    def exit(self, what):
        for message in self.messages:
            print(f'FAIL: {message}')
        if self.messages:
            print(f'{what}: {len(self.messages)} problem(s)')
            return 1
        print(f'{what}: OK')
        return 0


def run(argv, **kwargs):
    print('$ ' + ' '.join(argv), flush=True)
    return subprocess.run(argv, capture_output=True, text=True,
                          encoding='utf-8', errors='replace', **kwargs)


def need(tool):
    path = shutil.which(tool)
    if path is None:
        print(f'SKIP: {tool} is not installed')
    return path


def show(proc):
    if proc.stdout:
        print(proc.stdout, end='' if proc.stdout.endswith('\n') else '\n')
    if proc.stderr:
        print(proc.stderr, end='' if proc.stderr.endswith('\n') else '\n',
              file=sys.stderr)


def issue_lines(text, prefixes):
    return [line for line in text.splitlines()
            if line.lstrip().startswith(prefixes)]


# --- desktop file -----------------------------------------------------------

def cmd_desktop(args):
    if need('desktop-file-validate') is None:
        return SKIP
    failures = Failures()
    proc = run(['desktop-file-validate', args.file])
    show(proc)
    output = proc.stdout + proc.stderr
    failures.check(proc.returncode == 0,
                   f'desktop-file-validate exited with {proc.returncode}')
    for line in output.splitlines():
        failures.check(': error:' not in line and ': warning:' not in line,
                       line.strip())

    # The keys the issue asks for, read back from the built (merged) file.
    entries = {}
    with open(args.file, encoding='utf-8') as f:
        for line in f:
            if '=' in line and not line.startswith('#'):
                key, value = line.rstrip('\n').split('=', 1)
                entries[key] = value
    failures.check(entries.get('Icon') == args.app_id,
                   f'Icon is {entries.get("Icon")!r}, expected {args.app_id!r}')
    failures.check(entries.get('Exec', '').split()[:1] == [COMMAND],
                   f'Exec does not start {COMMAND}: {entries.get("Exec")!r}')
    failures.check('%F' in entries.get('Exec', '').split() or
                   '%U' in entries.get('Exec', '').split(),
                   'Exec takes no files (%F or %U)')
    failures.check(MIME_TYPE in entries.get('MimeType', '').split(';'),
                   f'MimeType does not list {MIME_TYPE}')
    failures.check(entries.get('StartupNotify') == 'true',
                   'StartupNotify is not true')
    failures.check(entries.get('Keywords', '').endswith(';'),
                   'Keywords missing or not ;-terminated')
    failures.check(any(k.startswith('Name[') for k in entries),
                   'no translated Name: the desktop file was not merged with po/')
    return failures.exit('desktop file')


# --- AppStream metainfo -----------------------------------------------------

def cmd_metainfo(args):
    if need('appstreamcli') is None:
        return SKIP
    failures = Failures()
    # --pedantic prints the pedantic hints too, for information; only
    # warnings (W:) and errors (E:) fail the test.
    proc = run(['appstreamcli', 'validate', '--no-net', '--pedantic',
                '--explain', args.file])
    show(proc)
    failures.check(proc.returncode == 0,
                   f'appstreamcli validate exited with {proc.returncode}')
    for line in issue_lines(proc.stdout + proc.stderr, ('W:', 'E:')):
        failures.check(False, line.strip())

    tree = ET.parse(args.file)
    root = tree.getroot()
    failures.check(root.findtext('id') == args.app_id,
                   f'<id> is {root.findtext("id")!r}, expected {args.app_id!r}')
    launchable = root.find('launchable')
    failures.check(launchable is not None and
                   launchable.text == args.app_id + '.desktop',
                   'launchable does not name the desktop file')
    failures.check(root.find('content_rating[@type="oars-1.1"]') is not None,
                   'no OARS 1.1 content rating')
    failures.check(root.find('developer[@id]/name') is not None,
                   'no <developer id=…><name>')
    failures.check(len(root.findall('branding/color')) >= 2,
                   'branding needs a light and a dark colour')
    failures.check(root.find('releases/release/description') is not None,
                   'the newest release has no notes')
    failures.check(root.find('screenshots/screenshot/image') is not None,
                   'no screenshot')
    failures.check(root.find('supports/control') is not None,
                   'no supported input controls')
    langs = {e.get('{http://www.w3.org/XML/1998/namespace}lang')
             for e in root.iter('summary')}
    failures.check('de' in langs,
                   'no German summary: the metainfo was not merged with po/')
    return failures.exit('metainfo')


# --- GSettings schema -------------------------------------------------------

def cmd_schemas(args):
    if need('glib-compile-schemas') is None:
        return SKIP
    failures = Failures()
    proc = run(['glib-compile-schemas', '--strict', '--dry-run', args.dir])
    show(proc)
    failures.check(proc.returncode == 0,
                   f'glib-compile-schemas exited with {proc.returncode}')
    failures.check(not proc.stderr.strip(), 'glib-compile-schemas complained')
    return failures.exit('schemas')


# --- shared MIME info -------------------------------------------------------

def cmd_mime(args):
    if need('update-mime-database') is None:
        return SKIP
    failures = Failures()
    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(args.file, packages)
        # Compile just our package into a private database: this is what
        # the desktop does after install, and it rejects a malformed file.
        env = dict(os.environ, PKGSYSTEM_ENABLE_FSYNC='0')
        proc = run(['update-mime-database', '-V', os.path.join(tmp, 'mime')],
                   env=env)
        show(proc)
        failures.check(proc.returncode == 0,
                       f'update-mime-database exited with {proc.returncode}')
        failures.check('Error' not in proc.stderr and
                       'Warning' not in proc.stderr,
                       'update-mime-database complained')

        def read(name):
            path = os.path.join(tmp, 'mime', name)
            if not os.path.exists(path):
                return ''
            with open(path, encoding='utf-8') as f:
                return f.read()

        failures.check(f'{MIME_TYPE}:*.gloss' in read('globs2'),
                       '*.gloss is not mapped to ' + MIME_TYPE)
        failures.check(f'{MIME_TYPE} application/json' in read('subclasses'),
                       MIME_TYPE + ' is not a subclass of application/json')
        failures.check(f'{MIME_TYPE}:{args.app_id}-application-x-gloss+json'
                       in read('icons'),
                       'the MIME type does not name the Gloss file icon')
        failures.check(os.path.exists(os.path.join(
            tmp, 'mime', 'application', 'x-gloss+json.xml')),
            'no compiled entry for ' + MIME_TYPE)
    return failures.exit('MIME type')


# --- icons ------------------------------------------------------------------

def cmd_icons(args):
    failures = Failures()
    expected = {
        f'scalable/apps/{BASE_ID}.svg': '0 0 128 128',
        f'scalable/apps/{BASE_ID}.Devel.svg': '0 0 128 128',
        f'symbolic/apps/{BASE_ID}-symbolic.svg': '0 0 16 16',
        'scalable/mimetypes/application-x-gloss+json.svg': '0 0 128 128',
    }
    for rel, viewbox in expected.items():
        path = os.path.join(args.dir, rel)
        if not failures.check(os.path.exists(path), f'missing icon {rel}'):
            continue
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as e:
            failures.check(False, f'{rel} is not well-formed XML: {e}')
            continue
        failures.check(root.tag == '{http://www.w3.org/2000/svg}svg',
                       f'{rel} is not an SVG document')
        failures.check(root.get('viewBox') == viewbox,
                       f'{rel} has viewBox {root.get("viewBox")!r}, '
                       f'expected {viewbox!r}')
        if rel.startswith('symbolic/'):
            # GTK recolours the fills of a symbolic icon; a stroke or a
            # gradient would keep its own colour in the dark style.
            with open(path, encoding='utf-8') as f:
                text = f.read()
            failures.check('stroke' not in text and 'Gradient' not in text,
                           f'{rel} uses strokes or gradients')
        print(f'{rel}: well-formed, viewBox {root.get("viewBox")}')
    return failures.exit('icons')


# --- Flatpak manifests ------------------------------------------------------

def check_manifest(failures, name, manifest, devel):
    app_id = BASE_ID + '.Devel' if devel else BASE_ID
    failures.check(manifest.get('id') == app_id,
                   f'{name}: id is {manifest.get("id")!r}, expected {app_id!r}')
    failures.check(manifest.get('command') == COMMAND,
                   f'{name}: command is {manifest.get("command")!r}')
    failures.check(manifest.get('runtime') == RUNTIME,
                   f'{name}: runtime is {manifest.get("runtime")!r}')
    failures.check(manifest.get('sdk') == SDK,
                   f'{name}: sdk is {manifest.get("sdk")!r}')
    failures.check(manifest.get('runtime-version') == RUNTIME_VERSION,
                   f'{name}: runtime-version is '
                   f'{manifest.get("runtime-version")!r}, '
                   f'expected {RUNTIME_VERSION!r}')
    failures.check(manifest.get('finish-args') == FINISH_ARGS,
                   f'{name}: finish-args are {manifest.get("finish-args")!r}, '
                   f'expected exactly {FINISH_ARGS!r}')

    modules = [m for m in manifest.get('modules', [])
               if isinstance(m, dict) and m.get('name') == 'gloss']
    if not failures.check(len(modules) == 1,
                          f'{name}: no single "gloss" module'):
        return
    module = modules[0]
    failures.check(module is manifest['modules'][-1],
                   f'{name}: the gloss module must be built last')
    failures.check(module.get('buildsystem') == 'meson',
                   f'{name}: the gloss module is not built with meson')
    failures.check(module.get('run-tests') is True,
                   f'{name}: the gloss module does not run its tests')
    # The SDK has no display and no Xvfb: the build runs every suite but the
    # window's, through meson test, instead of ninja's all-in `test` rule.
    commands = module.get('test-commands', [])
    failures.check(module.get('test-rule') == '' and len(commands) == 1
                   and commands[0].startswith('meson test ')
                   and '--no-suite gui' in commands[0],
                   f'{name}: the build must run its tests as one '
                   f'"meson test … --no-suite gui" (and test-rule ""), since '
                   f'the SDK has no display')
    sources = module.get('sources', [])
    failures.check(any(s.get('type') == 'dir' and s.get('path') == '..'
                       for s in sources if isinstance(s, dict)),
                   f'{name}: the gloss module is not built from the checkout')
    opts = module.get('config-opts', [])
    want = '-Ddevelopment=true' if devel else '-Ddevelopment=false'
    failures.check(want in opts, f'{name}: config-opts lack {want}')
    failures.check('-Dgui=false' not in opts,
                   f'{name}: the Flatpak must build the window')


def manifest_kind(path):
    return os.path.basename(path).endswith('.Devel.json')


def cmd_manifest_fields(args):
    failures = Failures()
    for path in args.manifests:
        name = os.path.basename(path)
        try:
            with open(path, encoding='utf-8') as f:
                manifest = json.load(f)
        except (OSError, ValueError) as e:
            failures.check(False, f'{name}: {e}')
            continue
        check_manifest(failures, name, manifest, manifest_kind(path))
        print(f'{name}: id {manifest.get("id")}, '
              f'{manifest.get("runtime")}//{manifest.get("runtime-version")}')
    return failures.exit('manifest fields')


def cmd_manifest_parse(args):
    if need('flatpak-builder') is None:
        return SKIP
    failures = Failures()
    for path in args.manifests:
        name = os.path.basename(path)
        # --show-manifest only parses (no SDK, no network). It exits 0
        # even on unknown keys, so its stderr is read for warnings.
        proc = run(['flatpak-builder', '--show-manifest', path],
                   cwd=os.path.dirname(os.path.abspath(path)))
        if proc.stderr:
            print(proc.stderr, end='', file=sys.stderr)
        failures.check(proc.returncode == 0,
                       f'{name}: flatpak-builder exited with {proc.returncode}')
        for line in proc.stderr.splitlines():
            failures.check('WARNING' not in line and 'CRITICAL' not in line,
                           f'{name}: {line.strip()}')
        try:
            parsed = json.loads(proc.stdout)
        except ValueError as e:
            failures.check(False, f'{name}: --show-manifest gave no JSON: {e}')
            continue
        # Check what flatpak-builder understood, not just the file.
        check_manifest(failures, name + ' (as parsed)', parsed,
                       manifest_kind(path))
    return failures.exit('flatpak-builder --show-manifest')


# --- translations -----------------------------------------------------------

# A gettext call (_, N_, C_, NC_, Q_, and the plural forms) or a string
# marked translatable in a GtkBuilder file.
GETTEXT_CALL = re.compile(
    r'(?<![A-Za-z0-9_])(?:N|C|NC|Q)?_\s*\(|'
    r'(?<![A-Za-z0-9_])(?:g_)?d?[np]?gettext2?\s*\(|'
    r'translatable\s*=\s*["\'](?:yes|true|1)["\']')


def cmd_potfiles(args):
    failures = Failures()
    root = args.source_root
    potfiles_path = os.path.join(root, 'po', 'POTFILES.in')
    with open(potfiles_path, encoding='utf-8') as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.startswith('#')]

    failures.check(listed == sorted(listed),
                   'po/POTFILES.in is not sorted')
    failures.check(len(listed) == len(set(listed)),
                   'po/POTFILES.in lists a file twice')
    for rel in listed:
        failures.check(os.path.isfile(os.path.join(root, rel)),
                       f'po/POTFILES.in lists {rel}, which does not exist')

    found = []
    for top in ('src', 'resources'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for filename in sorted(filenames):
                path = os.path.join(dirpath, filename)
                try:
                    with open(path, encoding='utf-8') as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue  # binary files hold no source strings
                if GETTEXT_CALL.search(text):
                    found.append(os.path.relpath(path, root).replace(os.sep, '/'))
    for rel in found:
        failures.check(rel in listed,
                       f'{rel} has translatable strings but is not in '
                       'po/POTFILES.in')
    print(f'{len(found)} source file(s) with translatable strings, '
          f'{len(listed)} listed in po/POTFILES.in')
    return failures.exit('POTFILES.in')


def cmd_po(args):
    if need('msgfmt') is None:
        return SKIP
    failures = Failures()
    podir = os.path.join(args.source_root, 'po')
    with open(os.path.join(podir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#')
                     for w in line.split()]
    failures.check(languages, 'po/LINGUAS names no language')
    for lang in languages:
        path = os.path.join(podir, lang + '.po')
        if not failures.check(os.path.isfile(path), f'po/{lang}.po is missing'):
            continue
        # --check verifies the header and that every c-format translation
        # takes the same arguments as its original.
        proc = run(['msgfmt', '--check', '--statistics', '-o', os.devnull,
                    path])
        show(proc)
        failures.check(proc.returncode == 0, f'po/{lang}.po does not compile')
    return failures.exit('translations')


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest='command', required=True)

    p = sub.add_parser('desktop')
    p.add_argument('--app-id', required=True)
    p.add_argument('file')
    p.set_defaults(func=cmd_desktop)

    p = sub.add_parser('metainfo')
    p.add_argument('--app-id', required=True)
    p.add_argument('file')
    p.set_defaults(func=cmd_metainfo)

    p = sub.add_parser('schemas')
    p.add_argument('dir')
    p.set_defaults(func=cmd_schemas)

    p = sub.add_parser('mime')
    p.add_argument('--app-id', required=True)
    p.add_argument('file')
    p.set_defaults(func=cmd_mime)

    p = sub.add_parser('icons')
    p.add_argument('dir')
    p.set_defaults(func=cmd_icons)

    p = sub.add_parser('manifest-fields')
    p.add_argument('manifests', nargs='+')
    p.set_defaults(func=cmd_manifest_fields)

    p = sub.add_parser('manifest-parse')
    p.add_argument('manifests', nargs='+')
    p.set_defaults(func=cmd_manifest_parse)

    p = sub.add_parser('potfiles')
    p.add_argument('source_root')
    p.set_defaults(func=cmd_potfiles)

    p = sub.add_parser('po')
    p.add_argument('source_root')
    p.set_defaults(func=cmd_po)

    args = parser.parse_args()
    return args.func(args)


if __name__ == '__main__':
    sys.exit(main())
