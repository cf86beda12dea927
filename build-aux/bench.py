#!/usr/bin/env python3
"""Gloss benchmark: synthetic projects, core and window figures.

Prints one line per figure, `BENCH <case>.<metric> <number>`, each the median
of several runs. See docs/performance.md for the targets and the results.

  build-aux/dev bench [--cases small,medium,large,archive] [--runs N] [--gui-runs N]
                      [--no-gui] [--timeline]

The window's runs alternate with runs of tests/bench/bench-bare, the least
libadwaita window that shows the same text: `floor_ratio` is Gloss's first
frame over the bare one's, the median of the run-by-run ratios, so that
the machine's drift cancels out. After the figures come the targets, one
`TARGET <case>.<metric> <value> <limit> met|MISSED` line each.
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
    # name: (characters, annotations, documents)
    "small": (10_000, 100, 1),
    "medium": (1_000_000, 10_000, 1),
    "large": (5_000_000, 100_000, 1),
    # A desk's archive: 500 articles of 4–20 KB, 100 annotations each.
    "archive": (5_000_000, 50_000, 500),
}

# A word in most documents of every case (bench-generate's vocabulary).
SEARCH_WORD = "minister"

# Targets (medians on the project's build machine): (case, metric) -> limit.
# The archive's first frame is held to 1.3 times the small case's, below.
TARGETS = {
    ("medium", "core_load_ms"): 60,
    ("medium", "core_save_ms"): 60,
    ("large", "core_save_ms"): 500,
    # Issue 12: merge, agreement and Compare With… over two versions of
    # 100,000 annotations each.
    ("large", "core_merge_ms"): 2000,
    ("large", "core_agreement_ms"): 2000,
    ("large", "core_compare_ms"): 2000,
    ("small", "gui_first_frame_ms"): 150,
    ("medium", "gui_first_frame_ms"): 300,
    ("large", "gui_first_frame_ms"): 1000,
    ("medium", "gui_annotate_ms"): 16,
    ("large", "gui_annotate_ms"): 16,
    ("large", "gui_scroll_frame_ms"): 16,
    ("large", "gui_ui_stall_ms"): 16,
    ("large", "gui_peak_rss_mb"): 450,
    ("small", "floor_ratio"): 1.15,
    ("medium", "floor_ratio"): 1.3,
    ("large", "floor_ratio"): 2.0,
    ("archive", "floor_ratio"): 1.3,
    ("archive", "core_search_ms"): 100,
    ("archive", "gui_switch_document_ms"): 50,
    ("archive", "gui_search_first_results_ms"): 50,
    ("archive", "gui_search_longest_frame_ms"): 16,
    ("archive", "gui_tag_all_ms"): 500,
    ("archive", "gui_peak_rss_mb"): 300,
    ("web", "core_import_html_ms"): 100,
    ("web", "core_import_html_cpu_ms"): 100,
}


# Finding 13 (docs/reliability.md): tags and relation types are indexed.
MANY_TAGS = 100_000


def write_many_tags(path):
    """A project with MANY_TAGS tags and as many relation types, no text."""
    stamp = "2026-01-01T00:00:00.000000Z"
    project = {
        "format": "gloss-project", "version": 1, "title": "Many tags",
        "created": stamp, "modified": stamp,
        "tags": [{"id": f"tag-{i}", "name": f"Tag {i}", "color": "#3584e4",
                  "digit": None, "description": ""} for i in range(MANY_TAGS)],
        "relation_types": [f"type-{i}" for i in range(MANY_TAGS)],
        "documents": [], "relations": [],
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(project, f, indent=2)
        f.write("\n")


def emit(case, metric, value):
    print(f"BENCH {case}.{metric} {value:.2f}" if metric.endswith("_ratio") else f"BENCH {case}.{metric} {value:.1f}",
          flush=True)


def python_json_load_ms(path, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        with open(path, encoding="utf-8") as f:
            json.load(f)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def core_figures(builddir, path, runs):
    out = subprocess.run([os.path.join(builddir, "tests/bench/bench-core"), path, str(runs), SEARCH_WORD],
                         check=True, capture_output=True, text=True).stdout
    figures = dict((k, float(v)) for k, v in (line.split() for line in out.splitlines()))
    out = subprocess.run([os.path.join(builddir, "tests/bench/bench-core"), "--rss", path],
                         check=True, capture_output=True, text=True).stdout
    figures.update((k, float(v)) for k, v in (line.split() for line in out.splitlines()))
    return figures


def web_import_figures(builddir, runs):
    """Median wall and CPU ms to import a ~1 MB news page bench-page makes at run time."""
    out = subprocess.run([os.path.join(builddir, "tests/bench/bench-page"), str(runs)],
                         check=True, capture_output=True, text=True).stdout
    return dict((k, float(v)) for k, v in (line.split() for line in out.splitlines()))


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


def bare_run(builddir, text_path, env):
    """One run of the bare reference window on the same text; its first
    frame in milliseconds from process start, measured as Gloss's is."""
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        # Gloss turns GL off for itself under the cairo renderer
        # (gloss-application.c); the floor gets the same.
        run_env = dict(env, GDK_DEBUG=env.get("GDK_DEBUG", "gl-disable"))
        start = time.time()
        subprocess.run([os.path.join(builddir, "tests/bench/bench-bare"), text_path, report],
                       env=run_env, check=True, timeout=120, stdout=subprocess.DEVNULL)
        with open(report, encoding="utf-8") as f:
            return (json.load(f)["first_frame_time"] - start) * 1000


def gui_figures(builddir, path, runs):
    env = gui_environment(builddir)
    # The text the window shows first: its first document's.
    text_path = path + ".txt"
    with open(path, encoding="utf-8") as f:
        first_text = json.load(f)["documents"][0]["text"]
    with open(text_path, "w", encoding="utf-8", newline="") as f:
        f.write(first_text)
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
        samples = []
        bare = []
        for _ in range(runs):
            # Alternated, run for run: the two see the same minutes.
            samples.append(gui_run(builddir, path, env))
            bare.append(bare_run(builddir, text_path, env))
    finally:
        if xvfb:
            xvfb.terminate()
            xvfb.wait()
    figures = {k: statistics.median(s[k] for s in samples) for k in samples[0] if k != "timeline"}
    figures["bare_first_frame_ms"] = statistics.median(bare)
    figures["floor_ratio"] = statistics.median(s["first_frame_ms"] / b for s, b in zip(samples, bare))
    # The start-up timeline: the median time of each mark, in order.
    marks = [what for what, _ in samples[0]["timeline"]]
    figures["timeline"] = [(what, statistics.median(dict(s["timeline"]).get(what, 0) for s in samples))
                           for what in marks]
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--builddir", required=True)
    parser.add_argument("--cases", default="small,medium,large,archive,many-tags")
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
    # Target: core_import_html_ms <= 100 (docs/web-import.md). Each import
    # alternates with a bare gumbo parse of the same page; the ratios are
    # the medians of the run-by-run ratios, which the machine's load cancels.
    results = {}
    web = results["web"] = web_import_figures(args.builddir, max(args.runs, 7))
    for metric in ("core_import_html_ms", "core_import_html_cpu_ms", "gumbo_parse_ms", "gumbo_parse_cpu_ms",
                   "core_import_html_ratio", "core_import_html_cpu_ratio"):
        emit("web", metric, web[metric])

    for case in args.cases.split(","):
        if case == "many-tags":
            path = os.path.join(workdir, "many-tags.gloss")
            write_many_tags(path)
            core = core_figures(args.builddir, path, args.runs)
            emit(case, "core_load_ms", core["core_load_ms"])
            emit(case, "core_save_ms", core["core_save_ms"])
            continue
        chars, annotations, documents = CASES[case]
        path = os.path.join(workdir, f"{case}.gloss")
        subprocess.run([os.path.join(args.builddir, "tests/bench/bench-generate"),
                        str(chars), str(annotations), path, "42", str(documents)], check=True)
        figures = results[case] = {}

        def report(metric, value):
            figures[metric] = value
            emit(case, metric, value)

        report("file_mb", os.path.getsize(path) / 1e6)
        core = core_figures(args.builddir, path, args.runs)
        for metric in ("core_load_ms", "core_save_ms", "core_export_json_ms",
                       "core_export_w3c_ms", "core_search_ms", "core_search_matches",
                       "core_merge_ms", "core_agreement_ms", "core_compare_ms",
                       "core_compare_differences", "core_peak_rss_mb"):
            report(metric, core[metric])
        report("python_json_load_ms", python_json_load_ms(path, args.runs))

        if measure_window:
            gui = gui_figures(args.builddir, path, args.gui_runs)
            # *_cpu_ms: the window's main-thread CPU time for the same step;
            # wall time on a shared machine also counts other processes.
            for metric in ("first_frame_ms", "first_frame_cpu_ms", "annotate_ms", "scroll_frame_ms", "ui_stall_ms",
                           "switch_document_ms", "switch_document_cpu_ms",
                           "search_first_results_ms", "search_first_results_cpu_ms", "search_all_ms",
                           "search_longest_frame_ms", "search_longest_frame_cpu_ms",
                           "search_stall_ms", "search_matches",
                           "tag_all_ms", "tag_all_cpu_ms", "tag_all_matches", "peak_rss_mb"):
                if metric in gui:
                    report("gui_" + metric, gui[metric])
            report("bare_first_frame_ms", gui["bare_first_frame_ms"])
            report("floor_ratio", gui["floor_ratio"])
            if args.timeline:
                for what, ms in gui["timeline"]:
                    print(f"TIMELINE {case} {ms:8.1f} ms  {what}", flush=True)

    targets = dict(TARGETS)
    if "small" in results and "gui_first_frame_ms" in results["small"]:
        targets[("archive", "gui_first_frame_ms")] = 1.3 * results["small"]["gui_first_frame_ms"]
    for (case, metric), limit in targets.items():
        if metric in results.get(case, {}):
            value = results[case][metric]
            print(f"TARGET {case}.{metric} {value:.2f} {limit:.2f} {'met' if value <= limit else 'MISSED'}",
                  flush=True)

    if not args.workdir:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    sys.exit(main())
