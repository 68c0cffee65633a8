"""Benchmark: `boras-intl score` on a 100,000-activity CSV register against pandas reading it.

Not a test: it prints figures for docs/performance.md. Reuses the register of
``bench_read.py`` (Swedish Excel CSV export, ~250,000 partner rows). Three figures, the sides
taking turns each run so a busy machine favours neither:

- pandas alone reading the same files as text (the floor);
- ``score`` in-process: load, validate, screen, score and write the three CSV files;
- ``boras-intl score`` as a whole command (process start and imports included).

Usage: ``python benchmarks/bench_score.py [--activities N] [--runs R]``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_read import interleaved, pandas_only, write_register

from boras_intl_lib.commands import score

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "parameters" / "2025.yaml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "register", Path(tmp) / "out"
        folder.mkdir()
        write_register(folder, args.activities)

        def in_process() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                score(folder, PARAMS, out)

        def command() -> None:
            subprocess.run(
                [sys.executable, "-m", "boras_intl_lib", "score", str(folder),
                 "--params", str(PARAMS), "--out", str(out)],
                check=False, capture_output=True,
            )  # fmt: skip

        times = interleaved(
            {"pandas": lambda: pandas_only(folder), "score": in_process, "command": command},
            args.runs,
        )
    floor = times["pandas"][0]
    print(f"register: {args.activities:,} activities, CSV (';', decimal comma, cp1252)")
    for name, (wall, cpu) in times.items():
        print(f"{name:8s} median {wall:6.2f} s wall, {cpu:6.2f} s CPU, {wall / floor:4.1f}× pandas")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
