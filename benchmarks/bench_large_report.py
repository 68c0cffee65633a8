"""Benchmark: ``boras-intl report`` on a very large register (issue 22 item 7).

Not a test: it prints figures for docs/performance.md. For each ``--activities`` size it writes
the CSV register of ``bench_read.py`` (2.5 partners an activity, years 2021–2025, a few rejected
rows) and runs, each in a fresh process whose peak resident memory is taken from the kernel
(``os.wait4``):

1. ``boras-intl validate`` (reading and validation alone);
2. ``boras-intl report --year 2025`` (the city report: read, evaluate, kernel, HTML, workbook),
   stopped after ``--timeout`` seconds if it has not finished.

Usage: ``python benchmarks/bench_large_report.py [--activities 100000 1000000] [--timeout 600]``.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_read import write_register  # noqa: E402


def run(args: list[str], timeout: float) -> tuple[int | None, float, float, str]:
    """Exit status (None when stopped at ``timeout``), seconds, peak MB, last stderr line."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "boras_intl_lib", *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=ROOT,
            start_new_session=True,  # the report's kernel and workers end with it
        )
        deadline = start + timeout
        status = None
        while time.perf_counter() < deadline:
            pid, raw, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(raw)
                break
            time.sleep(0.2)
        else:
            os.killpg(proc.pid, signal.SIGTERM)
            _, raw, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        lines = err.read().decode("utf-8", errors="replace").strip().splitlines()
    return status, seconds, usage.ru_maxrss / 1024, lines[-1] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.activities:
            folder = Path(tmp) / f"register-{n}"
            folder.mkdir()
            start = time.perf_counter()
            write_register(folder, n)
            size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            print(f"{n:>9,} activities: {size:.0f} MB of CSV, written in "
                  f"{time.perf_counter() - start:.0f} s")  # fmt: skip
            for name, command in (
                ("validate", ["validate", str(folder)]),
                (
                    "report",
                    [
                        "report",
                        "--year",
                        "2025",
                        "--register",
                        str(folder),
                        "--out",
                        str(Path(tmp) / f"out-{n}"),
                    ],
                ),
            ):
                status, seconds, mb, last = run(command, args.timeout)
                done = f"exit {status}" if status is not None else "stopped at the timeout"
                print(f"  {name:<8} {seconds:7.1f} s  peak {mb:6.0f} MB  {done}  {last[:120]}")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
