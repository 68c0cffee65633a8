"""Benchmark: `boras-intl score` on a 100,000-activity CSV register against pandas reading it.

Not a test: it prints figures for docs/performance.md. Reuses the register of
``bench_read.py`` (Swedish Excel CSV export, ~250,000 partner rows). Three figures, the sides
taking turns each run so a busy machine favours neither:

- pandas alone reading the same files as text, in this process (the in-process floor) and as
  a whole process (start, ``import pandas``, read: the floor of the command);
- ``score`` in-process: load, validate, screen, score and write the CSV files;
- ``boras-intl score`` as a whole command (process start and imports included).

The issue's figure is the whole command against the whole-process floor.

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
FLOOR = """
import sys
import pandas as pd
for name in ("aktiviteter.csv", "partner.csv"):
    pd.read_csv(f"{sys.argv[1]}/{name}", sep=";", encoding="cp1252", dtype=str,
                keep_default_na=False)
"""  # the same read as bench_read.pandas_only, as a whole process
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

        def floor_command() -> None:
            subprocess.run([sys.executable, "-c", FLOOR, str(folder)], check=True)

        times = interleaved(
            {
                "pandas": lambda: pandas_only(folder),
                "score": in_process,
                "floor command": floor_command,
                "command": command,
            },
            args.runs,
        )
    print(f"register: {args.activities:,} activities, CSV (';', decimal comma, cp1252)")
    print(f"median of {args.runs} runs, sides taking turns (CPU: this process only)")
    for name, (wall, cpu) in times.items():
        print(f"  {name:14s} {wall:6.2f} s wall, {cpu:6.2f} s CPU")
    in_ratio = times["score"][0] / times["pandas"][0]
    whole_ratio = times["command"][0] / times["floor command"][0]
    print(f"in process:    score / pandas reading        = {in_ratio:4.1f}×")
    print(f"whole process: boras-intl score / pandas run = {whole_ratio:4.1f}×  (aim ≤ 3×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
