"""Benchmark: CPU time of writing `boras-intl score`'s CSV files.

Not a test: it prints figures for docs/performance.md. Reuses the register of
``bench_read.py`` (~250,000 partner rows); the register is read and scored once, then
``write_score_files`` is timed (``time.process_time``, median of ``--runs``, file system calls
included) for the default files and with ``explanations.csv``.

Usage: ``python benchmarks/bench_write.py [--activities N] [--runs R]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_read import interleaved, write_register

from boras_intl_lib.commands import resolve_settings
from boras_intl_lib.evaluation import evaluate
from boras_intl_lib.indicators.by_country import country_years
from boras_intl_lib.outputs import write_score_files
from boras_intl_lib.register.load import load_register
from boras_intl_lib.settings import parameter_years

PARAMS = Path(__file__).resolve().parent.parent / "parameters" / "2025.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "register", Path(tmp) / "out"
        folder.mkdir()
        write_register(folder, args.activities)
        settings = resolve_settings(PARAMS)
        register = load_register(folder, settings, years=parameter_years(PARAMS))
        result = evaluate(register, settings)
        countries = country_years(  # as `score` makes it
            register.partners,
            register.activities,
            result.indicators,
            settings.screening,
            result.screened,
            result.activity_rows,
        )

        def write(explain: bool) -> dict[str, Path]:
            explanations = result.explanations if explain else None
            return write_score_files(
                out,
                result.scores,
                result.partners,
                register.issues,
                explanations=explanations,
                countries=countries,
            )

        for explain in (False, True):
            paths = write(explain)
            size = sum(p.stat().st_size for p in paths.values()) / 1e6
            timed = interleaved({"write": lambda explain=explain: write(explain)}, args.runs)
            ours = timed["write"][1]  # median CPU seconds; the run above warmed it
            label = "write_score_files" + (" (--explain)" if explain else "")
            print(f"{label}: {ours:.3f} s CPU (median of {args.runs}), {size:.0f} MB")


if __name__ == "__main__":
    main()
