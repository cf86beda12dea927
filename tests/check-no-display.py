#!/usr/bin/env python3
# check-no-display.py — the benchmark and the GUI test runner must work where
# there is no display and no Xvfb, as inside the Flatpak SDK's build sandbox
# (`run-tests: true`): they say so, skip only what needs a window, and the
# core figures still come out.
#
#   check-no-display.py SOURCE_ROOT BUILD_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile

X_SERVERS = {'Xvfb', 'xvfb-run', 'Xorg', 'X'}
CORE_METRICS = ['file_mb', 'core_load_ms', 'core_save_ms', 'core_export_json_ms',
                'core_export_w3c_ms', 'core_peak_rss_mb', 'python_json_load_ms']


def path_without_x_servers(bindir):
    """A PATH with every program of the current one but the X servers:
    one directory of symbolic links, the first program of each name winning."""
    for directory in os.environ.get('PATH', '').split(os.pathsep):
        try:
            names = os.listdir(directory)
        except OSError:
            continue
        for name in names:
            target = os.path.join(directory, name)
            link = os.path.join(bindir, name)
            if name in X_SERVERS or os.path.lexists(link):
                continue
            if os.path.isfile(target) and os.access(target, os.X_OK):
                os.symlink(target, link)
    return bindir


def main():
    source_root, build_root = sys.argv[1], sys.argv[2]
    problems = []
    with tempfile.TemporaryDirectory(prefix='gloss-no-display-') as tmp:
        bindir = os.path.join(tmp, 'bin')
        os.mkdir(bindir)
        env = {k: v for k, v in os.environ.items()
               if k not in ('DISPLAY', 'WAYLAND_DISPLAY', 'GLOSS_GUI_NESTED')}
        env['PATH'] = path_without_x_servers(bindir)
        for server in X_SERVERS:
            if os.path.lexists(os.path.join(bindir, server)):
                problems.append(f'{server} is still on the test PATH')

        bench = subprocess.run(
            [sys.executable, os.path.join(source_root, 'build-aux', 'bench.py'),
             '--builddir', build_root, '--cases', 'small', '--runs', '1', '--gui-runs', '1'],
            env=env, capture_output=True, text=True, timeout=240)
        print('bench.py exited', bench.returncode)
        print(bench.stdout, end='')
        print(bench.stderr, end='', file=sys.stderr)
        if bench.returncode != 0:
            problems.append(f'bench.py exited {bench.returncode} without a display')
        if 'no Xvfb on PATH: skipping the window figures' not in bench.stderr:
            problems.append('bench.py did not say that it skips the window figures')
        figures = {line.split()[1] for line in bench.stdout.splitlines()
                   if line.startswith('BENCH ')}
        for metric in CORE_METRICS:
            if f'small.{metric}' not in figures:
                problems.append(f'bench.py did not print small.{metric}')
        window = sorted(f for f in figures if '.gui_' in f)
        if window:
            problems.append(f'bench.py printed window figures with no display: {window}')

        runner = subprocess.run(
            [os.path.join(source_root, 'tests', 'gui', 'run-gui-test.sh'),
             os.path.join(build_root, 'src', 'gloss'), build_root, 'screenshot', tmp],
            env=env, capture_output=True, text=True, timeout=60)
        print('run-gui-test.sh exited', runner.returncode)
        print(runner.stderr, end='', file=sys.stderr)
        if runner.returncode != 77:
            problems.append(f'run-gui-test.sh exited {runner.returncode}, expected 77 (skipped)')
        if "no xvfb-run/Xvfb on PATH: skipping 'screenshot'" not in runner.stderr:
            problems.append('run-gui-test.sh did not say why it skips')

    for problem in problems:
        print('FAIL:', problem)
    print('no display: ' + ('OK' if not problems else f'{len(problems)} problem(s)'))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
