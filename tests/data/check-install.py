#!/usr/bin/env python3
# check-install.py — does `meson install` put every file where desktops and
# Flatpak look for it?
#
# Configures a build directory of its own from the source tree with
# --prefix=/app (what flatpak-builder does), builds only what gets installed,
# installs into a fresh DESTDIR and checks the result: each expected file is
# there, every exported file is named after the application id (Flatpak
# exports nothing else), and the files agree with one another. The build
# directory is kept between runs, so after the first run only what changed
# is rebuilt.
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
import time
import xml.etree.ElementTree as ET

PREFIX = '/app'


def run(argv, **kwargs):
    print('$ ' + ' '.join(argv), flush=True)
    subprocess.run(argv, check=True, **kwargs)


def clean_env():
    """The environment of the nested build, without what the outer
    meson test run may have set for its own build."""
    env = {k: v for k, v in os.environ.items()
           if k != 'DESTDIR' and not k.startswith('MESON')}
    env['LC_ALL'] = 'C.UTF-8'
    return env


def read_options(builddir):
    path = os.path.join(builddir, 'meson-info', 'intro-buildoptions.json')
    try:
        with open(path, encoding='utf-8') as f:
            return {o['name']: o['value'] for o in json.load(f)}
    except (OSError, ValueError, KeyError):
        return None


def configure(args, env):
    """Set up the private build directory, or bring its options in line."""
    wanted = {
        'prefix': PREFIX,
        'development': args.development == 'true',
        'gui': True,
    }
    options = read_options(args.build_dir)
    configured = os.path.exists(os.path.join(args.build_dir, 'build.ninja'))
    if options is None or not configured:
        shutil.rmtree(args.build_dir, ignore_errors=True)
        run([args.meson, 'setup', args.build_dir, args.source_root,
             '--prefix=' + PREFIX,
             # No optimisation: this build exists only to be installed.
             '--buildtype=plain',
             '-Dgui=true',
             '-Ddevelopment=' + args.development], env=env)
        return
    changed = [f'-D{k}={str(v).lower() if isinstance(v, bool) else v}'
               for k, v in wanted.items() if options.get(k) != v]
    if changed:
        run([args.meson, 'configure', args.build_dir] + changed, env=env)


def build_installed_targets(args, env):
    """Build what `meson install` needs and nothing else (not the tests)."""
    # Regenerate first if a meson.build changed, so the target list is fresh.
    run(['ninja', '-C', args.build_dir, 'build.ninja'], env=env)
    with open(os.path.join(args.build_dir, 'meson-info',
                           'intro-targets.json'), encoding='utf-8') as f:
        targets = json.load(f)
    outputs = sorted({os.path.relpath(name, args.build_dir)
                      for t in targets if t.get('installed')
                      for name in t['filename']})
    run(['ninja', '-C', args.build_dir] + outputs, env=env)


def has_name_prefix(name, prefix):
    """Flatpak's rule for exported files: the name is the id, or the id
    followed by a '.' or by a character that cannot continue an id."""
    if not name.startswith(prefix):
        return False
    rest = name[len(prefix):]
    return rest == '' or rest[0] == '.' or not re.match(r'[A-Za-z0-9_]', rest[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--build-dir', required=True)
    parser.add_argument('--meson', default='meson')
    parser.add_argument('--app-id', required=True)
    parser.add_argument('--base-id', required=True)
    parser.add_argument('--development', choices=('true', 'false'),
                        required=True)
    args = parser.parse_args()

    started = time.monotonic()
    env = clean_env()
    configure(args, env)
    build_installed_targets(args, env)

    with open(os.path.join(args.source_root, 'po', 'LINGUAS'),
              encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#')
                     for w in line.split()]

    app_id = args.app_id
    expected = [
        'bin/gloss',
        f'share/applications/{app_id}.desktop',
        f'share/metainfo/{app_id}.metainfo.xml',
        f'share/icons/hicolor/scalable/apps/{app_id}.svg',
        f'share/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg',
        f'share/icons/hicolor/scalable/mimetypes/{app_id}-application-x-gloss+json.svg',
        # One schema id for both flavours (see data/*.gschema.xml).
        f'share/glib-2.0/schemas/{args.base_id}.gschema.xml',
        f'share/mime/packages/{app_id}.xml',
        f'share/dbus-1/services/{app_id}.service',
    ] + [f'share/locale/{lang}/LC_MESSAGES/gloss.mo' for lang in languages]

    problems = []
    with tempfile.TemporaryDirectory(dir=args.build_dir,
                                     prefix='destdir-') as destdir:
        run([args.meson, 'install', '-C', args.build_dir, '--no-rebuild',
             '--destdir', destdir], env=env, stdout=subprocess.DEVNULL)
        root = os.path.join(destdir, PREFIX.lstrip('/'))

        installed = []
        for dirpath, dirnames, filenames in os.walk(destdir):
            for filename in filenames:
                path = os.path.join(dirpath, filename)
                installed.append(os.path.relpath(path, destdir))
        installed.sort()
        print('installed:\n  ' + '\n  '.join(installed))

        for rel in installed:
            if not rel.startswith(PREFIX.lstrip('/') + os.sep):
                problems.append(f'{rel} is installed outside {PREFIX}')

        for rel in expected:
            if not os.path.isfile(os.path.join(root, rel)):
                problems.append(f'missing {PREFIX}/{rel}')

        # The binary is the window, not the headless build.
        binary = os.path.join(root, 'bin', 'gloss')
        if os.path.isfile(binary):
            if not os.access(binary, os.X_OK):
                problems.append(f'{PREFIX}/bin/gloss is not executable')
            with open(binary, 'rb') as f:
                if b'libadwaita-1.so' not in f.read():
                    problems.append(f'{PREFIX}/bin/gloss does not link '
                                    'libadwaita: not the GUI build')

        # Flatpak exports only files named after the application id.
        exported_dirs = ('share/applications', 'share/icons',
                         'share/mime/packages', 'share/metainfo',
                         'share/dbus-1/services')
        for rel in installed:
            rel = os.path.relpath(rel, PREFIX.lstrip('/')).replace(os.sep, '/')
            name = os.path.basename(rel)
            if not rel.startswith(exported_dirs):
                continue
            if name in ('icon-theme.cache', 'index.theme'):
                continue
            if not has_name_prefix(name, app_id):
                problems.append(f'{PREFIX}/{rel} is not named after '
                                f'{app_id}: Flatpak would not export it')

        # The files agree with one another.
        desktop = os.path.join(root, 'share', 'applications',
                               app_id + '.desktop')
        if os.path.isfile(desktop):
            with open(desktop, encoding='utf-8') as f:
                keys = dict(line.rstrip('\n').split('=', 1) for line in f
                            if '=' in line and not line.startswith('#'))
            icon = keys.get('Icon', '')
            # D-Bus activatable: the bus must find a service of that name
            # that runs the installed binary.
            if keys.get('DBusActivatable') == 'true':
                service = os.path.join(root, 'share', 'dbus-1', 'services',
                                       app_id + '.service')
                if os.path.isfile(service):
                    with open(service, encoding='utf-8') as f:
                        svc = dict(line.rstrip('\n').split('=', 1) for line in f
                                   if '=' in line)
                    if svc.get('Name') != app_id:
                        problems.append(f'the D-Bus service is named {svc.get("Name")!r}, not {app_id}')
                    if not svc.get('Exec', '').startswith(PREFIX + '/bin/gloss '):
                        problems.append(f'the D-Bus service runs {svc.get("Exec")!r}')
            else:
                problems.append('the desktop file is not DBusActivatable=true')
            if not os.path.isfile(os.path.join(
                    root, 'share', 'icons', 'hicolor', 'scalable', 'apps',
                    icon + '.svg')):
                problems.append(f'the desktop file names icon {icon!r}, '
                                'which is not installed')
        metainfo = os.path.join(root, 'share', 'metainfo',
                                app_id + '.metainfo.xml')
        if os.path.isfile(metainfo):
            launchable = ET.parse(metainfo).getroot().findtext('launchable')
            if launchable != app_id + '.desktop':
                problems.append(f'the metainfo launches {launchable!r}, '
                                f'not {app_id}.desktop')
        mime = os.path.join(root, 'share', 'mime', 'packages', app_id + '.xml')
        if os.path.isfile(mime):
            ns = '{http://www.freedesktop.org/standards/shared-mime-info}'
            for icon in ET.parse(mime).getroot().iter(ns + 'icon'):
                name = icon.get('name')
                if not os.path.isfile(os.path.join(
                        root, 'share', 'icons', 'hicolor', 'scalable',
                        'mimetypes', name + '.svg')):
                    problems.append(f'the MIME type names icon {name!r}, '
                                    'which is not installed')

    for problem in problems:
        print('FAIL: ' + problem)
    print(f'install check: {len(expected)} expected files, '
          f'{len(problems)} problem(s), {time.monotonic() - started:.1f} s')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
