"""Benchmark: the yearly report's wall time against the pipeline's floor, and where it goes.

Prints, each figure the median of ``--runs``:

1. ``boras-intl report --year 2025`` as a fresh process, into a temporary folder, and
   ``render_report`` on the report notebook in a fresh process;
2. the floor — papermill and nbconvert as they come on a one-cell notebook in one fresh process
   (``bench_report_floor.py``, imported, not copied) — and the ratios (aim: at most 2×);
3. the same in THIS process, imports warm (a new kernel every run), with the report split into
   execution (papermill) and HTML conversion (nbconvert), and a bare kernel start + shutdown;
4. ``--years 2021-2025 --jobs 2`` against ``--jobs 1`` (``--jobs-runs`` runs each), speed-up;
5. where the time goes: ``python -X importtime`` of the CLI process and of the notebook's code,
   and the notebook's code run in a fresh process (as the kernel runs it) — ``prepare()``, every
   ``show_*`` section, ``write_report_workbook`` — timed step by step, then under cProfile.

    .venv/bin/python benchmarks/bench_report.py [--runs 3] [--jobs-runs 1] [--skip-jobs]

Other processes on the machine move these figures: compare runs made on a quiet machine.
``render_many`` (behind ``--jobs``) starts workers from a forkserver that re-imports the main
module, so everything runs under the ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:  # bench_report_floor lives beside this file
    sys.path.insert(0, str(HERE))
# bench_report_floor (and with it nbformat) is imported where it is used, so that the profiled
# child process (--profile-child) imports only what the report notebook's kernel imports.

YEAR = 2025
NOTEBOOK = ROOT / "notebooks" / "yearly_report.ipynb"
PARAMS = ROOT / "parameters" / f"{YEAR}.yaml"
KERNEL_NAME = "python3"  # always pinned
SECTIONS = ("front", "summary", "precondition", "areas", "administrations", "funding",
            "partners", "sdgs", "over_time", "data_quality", "method")  # fmt: skip
WATCHED = (  # packages whose import cost is worth naming, wherever they are first imported
    "pandas", "numpy", "matplotlib", "matplotlib.figure", "matplotlib.font_manager", "pandera",
    "pydantic", "openpyxl", "babel", "babel.numbers", "pycountry", "yaml", "IPython", "PIL",
    "papermill", "nbconvert", "nbformat", "jinja2", "scipy",
)  # fmt: skip


def cli() -> list[str]:
    """The ``boras-intl`` console script of this environment (or ``python -m``)."""
    script = Path(sys.executable).with_name("boras-intl")
    return [str(script)] if script.exists() else [sys.executable, "-m", "boras_intl_lib"]


def median_of(runs: int, once: Callable[[], float]) -> float:
    return statistics.median(once() for _ in range(runs))


def children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process and their children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def with_cpu(runs: int, measure: Callable[[], float]) -> tuple[float, float]:
    """(``measure()``'s wall figure, mean CPU seconds per run of the child processes it ran):
    CPU time moves far less than wall time when other processes load the machine."""
    before = children_cpu()
    wall = measure()
    return wall, (children_cpu() - before) / runs


# --- the report against the floor ---------------------------------------------------------------


def cli_report_seconds(runs: int, *arguments: str) -> float:
    """Median wall time of ``boras-intl report <arguments…>`` into a fresh temporary folder."""

    def once() -> float:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            subprocess.run(
                [*cli(), "report", *arguments, "--out", tmp],
                check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            return time.perf_counter() - started

    return median_of(runs, once)


def floor_fresh_seconds(runs: int) -> float:
    """The floor as bench_report_floor.py defines it: one fresh process, one-cell notebook."""
    from bench_report_floor import RENDER, median_seconds, one_cell_notebook

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        code = RENDER.format(notebook=str(one_cell_notebook(folder)), out=str(folder / "f.html"))
        return median_seconds(code, runs)


def report_fresh_seconds(runs: int) -> float:
    """render_report on the report notebook in one fresh process (the CLI without the CLI)."""
    from bench_report_floor import median_seconds

    with tempfile.TemporaryDirectory() as tmp:
        code = (
            "from pathlib import Path\n"
            "from boras_intl_lib.runner.pipeline import render_report\n"
            f"render_report(Path({str(NOTEBOOK)!r}), {{'year': {YEAR}, "
            f"'params_path': {str(PARAMS)!r}}}, Path({tmp!r}) / 'r.html', "
            f"kernel_name={KERNEL_NAME!r}, "
            f"extra_outputs={{'excel_path': Path({tmp!r}) / 'r.xlsx'}})\n"
        )
        return median_seconds(code, runs)


def in_process_seconds(runs: int) -> dict[str, float]:
    """render_report of the report and of the one-cell notebook in this process, imports warm;
    the report's papermill execution and nbconvert conversion on their own."""
    import papermill
    from bench_report_floor import one_cell_notebook

    from boras_intl_lib.runner import pipeline as rp
    from boras_intl_lib.runner.kernel import KERNEL_ARGUMENTS

    parameters = {"year": YEAR, "register_path": "", "params_path": str(PARAMS), "lang": "sv",
                  "administration": ""}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor_nb = one_cell_notebook(folder)

        def report() -> float:
            return rp.render_report(
                NOTEBOOK, parameters, folder / "report.html", kernel_name=KERNEL_NAME,
                extra_outputs={"excel_path": folder / "report.xlsx"},
            ).seconds  # fmt: skip

        def floor() -> float:
            return rp.render_report(
                floor_nb, {}, folder / "floor.html", kernel_name=KERNEL_NAME, title="Floor"
            ).seconds

        report(), floor()  # warm-up: imports, the HTML exporter
        figures = {"report": median_of(runs, report), "floor": median_of(runs, floor)}
        executed, converted = [], []
        for _ in range(runs):
            started = time.perf_counter()
            nb = papermill.execute_notebook(
                str(NOTEBOOK), None, parameters=parameters, kernel_name=KERNEL_NAME,
                progress_bar=False, log_output=False, cwd=str(ROOT),
                extra_arguments=KERNEL_ARGUMENTS,
            )  # fmt: skip
            executed.append(time.perf_counter() - started)
            started = time.perf_counter()
            rp.to_html(nb, "sv")  # the pipeline's own conversion (private: benchmark only)
            converted.append(time.perf_counter() - started)
    figures["execute"] = statistics.median(executed)
    figures["convert"] = statistics.median(converted)
    return figures


def kernel_seconds(runs: int) -> float:
    """Start a python3 kernel, run ``pass``, shut it down: what every report pays."""
    from jupyter_client.manager import start_new_kernel

    from boras_intl_lib.runner.kernel import KERNEL_ARGUMENTS

    def once() -> float:
        started = time.perf_counter()
        manager, client = start_new_kernel(
            kernel_name=KERNEL_NAME, extra_arguments=KERNEL_ARGUMENTS
        )
        client.execute_interactive("pass", timeout=60)
        client.stop_channels()
        manager.shutdown_kernel()
        return time.perf_counter() - started

    return median_of(runs, once)


# --- where the time goes ------------------------------------------------------------------------


def import_times(*args: str) -> tuple[float, list[tuple[str, float]], dict[str, float]]:
    """``python -X importtime <args>``: wall time; the imports made directly (top-level or lazy,
    not from within another import) by cumulative seconds; the WATCHED packages."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        check=True, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    wall = time.perf_counter() - started
    direct: list[tuple[str, float]] = []
    watched: dict[str, float] = {}
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
        if not m:
            continue
        cumulative, indent, name = int(m[1]) / 1e6, len(m[2]), m[3]
        if indent == 0:
            direct.append((name, cumulative))
        if name in WATCHED and name not in watched:
            watched[name] = cumulative
    return wall, sorted(direct, key=lambda t: -t[1]), watched


def print_imports(title: str, *args: str) -> None:
    wall, direct, watched = import_times(*args)
    print(f"  {title} ({wall:.1f} s wall), largest direct imports (cumulative s):")
    for name, seconds in direct[:8]:
        print(f"    {name:<48} {seconds:6.3f}")
    named = ", ".join(f"{n} {s:.2f}" for n, s in sorted(watched.items(), key=lambda t: -t[1]))
    print(f"    where first imported: {named}")


def profile_child(use_cprofile: bool) -> None:
    """Run the report notebook's code in this fresh process as its kernel would; print steps."""
    steps: list[tuple[str, float]] = []
    started = time.perf_counter()
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()  # display() publishes as in a kernel (which has IPython loaded)
    steps.append(("IPython (loaded in every kernel anyway)", time.perf_counter() - started))
    profiler = cProfile.Profile() if use_cprofile else None
    if profiler:
        profiler.enable()

    def step(name: str, call: Callable[[], object]) -> object:
        t0 = time.perf_counter()
        with capture_output():
            result = call()
        steps.append((name, time.perf_counter() - t0))
        return result

    t0 = time.perf_counter()
    from boras_intl_lib.report import sections as report
    from boras_intl_lib.report.data import prepare
    from boras_intl_lib.report.workbook import write_report_workbook

    steps.append(("import report_sections, excel_export, report_data", time.perf_counter() - t0))
    data = step("prepare()", lambda: prepare(YEAR, "", str(PARAMS), "sv", ""))
    for name in SECTIONS:
        step(f"show_{name}()", lambda n=name: getattr(report, f"show_{n}")(data))
    with tempfile.TemporaryDirectory() as tmp:
        step("write_report_workbook()", lambda: write_report_workbook(data, Path(tmp) / "r.xlsx"))
    if profiler:
        profiler.disable()
        for order, limit in (("cumulative", 40), ("tottime", 20)):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(limit)
            print(out.getvalue())
        return
    for name, seconds in steps:
        print(f"STEP\t{name}\t{seconds:.3f}")
    print(f"STEP\ttotal (IPython excluded)\t{sum(s for _, s in steps[1:]):.3f}")


def notebook_steps(runs: int) -> list[tuple[str, float]]:
    """Per step of :func:`profile_child`, the median over ``runs`` fresh processes."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, "--profile-child"],
            check=True, cwd=ROOT, capture_output=True, text=True,
        )  # fmt: skip
        for line in done.stdout.splitlines():
            if line.startswith("STEP\t"):
                _, name, seconds = line.split("\t")
                samples.setdefault(name, []).append(float(seconds))
    return [(name, statistics.median(values)) for name, values in samples.items()]


def cprofile_text() -> str:
    done = subprocess.run(
        [sys.executable, __file__, "--profile-child", "--cprofile"],
        check=True, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout


# --- main ---------------------------------------------------------------------------------------


def line(text: str, seconds: float, unit: str = "s") -> None:
    print(f"  {text:<52} {seconds:6.2f} {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs-runs", type=int, default=1)
    parser.add_argument("--skip-jobs", action="store_true", help="skip the --jobs comparison")
    parser.add_argument("--profile-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cprofile", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.profile_child:
        profile_child(args.cprofile)
        return
    runs = args.runs

    print(f"fresh processes, median of {runs}:")
    report_cli, cli_cpu = with_cpu(runs, lambda: cli_report_seconds(runs, "--year", str(YEAR)))
    report_fresh, fresh_cpu = with_cpu(runs, lambda: report_fresh_seconds(runs))
    floor, floor_cpu = with_cpu(runs, lambda: floor_fresh_seconds(runs))
    print(f"  {'':<52} {'wall':>6}   {'cpu (all processes)':>6}")
    line(f"boras-intl report --year {YEAR}", report_cli, f"s   {cli_cpu:6.2f} s")
    line("render_report(yearly_report.ipynb)", report_fresh, f"s   {fresh_cpu:6.2f} s")
    line("floor: papermill + nbconvert, one cell", floor, f"s   {floor_cpu:6.2f} s")
    line("ratio CLI report / floor", report_cli / floor, f"x   {cli_cpu / floor_cpu:6.2f} x")
    line("ratio render_report / floor", report_fresh / floor, f"x   {fresh_cpu / floor_cpu:6.2f} x")

    warm = in_process_seconds(runs)
    print(f"in this process, imports warm, a new kernel every run, median of {runs}:")
    line("render_report(yearly_report.ipynb)", warm["report"])
    line("  papermill execution alone", warm["execute"])
    line("  nbconvert HTML alone", warm["convert"])
    line("render_report(one-cell notebook)", warm["floor"])
    line("ratio report / floor, warm", warm["report"] / warm["floor"], "x")
    line("kernel start + 'pass' + shutdown", kernel_seconds(runs))

    if not args.skip_jobs:
        jr, years = args.jobs_runs, f"{YEAR - 4}-{YEAR}"
        one = cli_report_seconds(jr, "--years", years, "--jobs", "1")
        two = cli_report_seconds(jr, "--years", years, "--jobs", "2")
        print(f"boras-intl report --years {years} (5 reports), median of {jr}:")
        line("--jobs 1", one)
        line("--jobs 2", two)
        line("speed-up", one / two, "x")

    print("import times (python -X importtime):")
    with tempfile.TemporaryDirectory() as tmp:
        print_imports(
            "the CLI process of `boras-intl report` (its kernel not included)",
            "-m", "boras_intl_lib", "report", "--year", str(YEAR), "--out", tmp,
        )  # fmt: skip
    print_imports("the notebook's code, as in the kernel", __file__, "--profile-child")

    print(f"the notebook's code in a fresh process, step by step, median of {runs}:")
    for name, seconds in notebook_steps(runs):
        line(name, seconds)
    print("cProfile of the notebook's code (one fresh process, profiler overhead included):")
    print(cprofile_text())


if __name__ == "__main__":
    main()
