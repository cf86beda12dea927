#!/usr/bin/env python3
"""Gloss benchmark: synthetic projects, core and window figures.

Prints one line per figure, `BENCH <case>.<metric> <number>`, each the median
of several runs. See docs/performance.md for the targets and the results.

  build-aux/dev bench [--cases small,medium,large] [--runs N] [--gui-runs N]
                      [--no-gui] [--timeline]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CASES = {
    # name: (characters, annotations)
    "small": (10_000, 100),
    "medium": (1_000_000, 10_000),
    "large": (5_000_000, 100_000),
}


def emit(case, metric, value):
    print(f"BENCH {case}.{metric} {value:.1f}", flush=True)


def python_json_load_ms(path, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        with open(path, encoding="utf-8") as f:
            json.load(f)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def core_figures(builddir, path, runs):
    out = subprocess.run([os.path.join(builddir, "tests/bench/bench-core"), path, str(runs)],
                         check=True, capture_output=True, text=True).stdout
    figures = dict((k, float(v)) for k, v in (line.split() for line in out.splitlines()))
    out = subprocess.run([os.path.join(builddir, "tests/bench/bench-core"), "--rss", path],
                         check=True, capture_output=True, text=True).stdout
    figures.update((k, float(v)) for k, v in (line.split() for line in out.splitlines()))
    return figures


def gui_environment(builddir):
    env = dict(os.environ)
    env.update({
        "GDK_BACKEND": "x11",
        "GSK_RENDERER": "cairo",
        "GTK_A11Y": "none",
        "DBUS_SESSION_BUS_ADDRESS": "disabled:",
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": os.path.join(builddir, "data"),
        "NO_AT_BRIDGE": "1",
    })
    return env


def gui_run(builddir, path, env):
    """One window run: the app measures itself when GLOSS_BENCH is set and
    writes its figures as JSON, then quits."""
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        run_env = dict(env, GLOSS_BENCH=report)
        # Copy the project: the window autosaves during the stall measurement.
        project = os.path.join(tmp, "bench.gloss")
        shutil.copy(path, project)
        start = time.time()
        subprocess.run([os.path.join(builddir, "src/gloss"), project], env=run_env,
                       check=True, timeout=300, stdout=subprocess.DEVNULL)
        with open(report, encoding="utf-8") as f:
            figures = json.load(f)
        figures["first_frame_ms"] = (figures.pop("first_frame_time") - start) * 1000
        figures["timeline"] = [(what, (when - start) * 1000) for what, when in figures.get("timeline", [])]
        return figures


def display_available():
    """A display to measure the window on: the one in $DISPLAY, or an Xvfb
    started here. Neither is there inside the Flatpak SDK's build sandbox."""
    if os.environ.get("DISPLAY") or shutil.which("Xvfb"):
        return True
    print("bench: no display ($DISPLAY is unset) and no Xvfb on PATH: "
          "skipping the window figures, the core figures still run", file=sys.stderr, flush=True)
    return False


def gui_figures(builddir, path, runs):
    env = gui_environment(builddir)
    xvfb = None
    if not os.environ.get("DISPLAY"):
        # Xvfb picks a free display and tells it through a pipe.
        read_end, write_end = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                                 "-nolisten", "tcp"], pass_fds=(write_end,),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            env["DISPLAY"] = ":" + pipe.readline().strip()
    try:
        samples = [gui_run(builddir, path, env) for _ in range(runs)]
    finally:
        if xvfb:
            xvfb.terminate()
            xvfb.wait()
    figures = {k: statistics.median(s[k] for s in samples) for k in samples[0] if k != "timeline"}
    # The start-up timeline: the median time of each mark, in order.
    marks = [what for what, _ in samples[0]["timeline"]]
    figures["timeline"] = [(what, statistics.median(dict(s["timeline"]).get(what, 0) for s in samples))
                           for what in marks]
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--builddir", required=True)
    parser.add_argument("--cases", default="small,medium,large")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gui-runs", type=int, default=3)
    parser.add_argument("--no-gui", action="store_true")
    parser.add_argument("--timeline", action="store_true",
                        help="also print the median start-up timeline of the window")
    parser.add_argument("--workdir")
    args = parser.parse_args()

    measure_window = not args.no_gui and display_available()
    workdir = args.workdir or tempfile.mkdtemp(prefix="gloss-bench-")
    os.makedirs(workdir, exist_ok=True)
    for case in args.cases.split(","):
        chars, annotations = CASES[case]
        path = os.path.join(workdir, f"{case}.gloss")
        subprocess.run([os.path.join(args.builddir, "tests/bench/bench-generate"),
                        str(chars), str(annotations), path], check=True)
        emit(case, "file_mb", os.path.getsize(path) / 1e6)

        core = core_figures(args.builddir, path, args.runs)
        for metric in ("core_load_ms", "core_save_ms", "core_export_json_ms",
                       "core_export_w3c_ms", "core_peak_rss_mb"):
            emit(case, metric, core[metric])
        emit(case, "python_json_load_ms", python_json_load_ms(path, args.runs))

        if measure_window:
            gui = gui_figures(args.builddir, path, args.gui_runs)
            for metric in ("first_frame_ms", "annotate_ms", "scroll_frame_ms",
                           "ui_stall_ms", "peak_rss_mb"):
                if metric in gui:
                    emit(case, "gui_" + metric, gui[metric])
            if args.timeline:
                for what, ms in gui["timeline"]:
                    print(f"TIMELINE {case} {ms:8.1f} ms  {what}", flush=True)

    if not args.workdir:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    sys.exit(main())
