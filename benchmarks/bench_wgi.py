"""Benchmark: load a WGI-sized publisher workbook (the 2024 update's long xlsx, ~3 MB).

Not a test: it prints figures for docs/performance.md. The workbook is written in the World
Bank's long layout (``codeindyr, code, countryname, year, indicator, estimate, stddev,
nsource, pctrank, pctranklower, pctrankupper``): 214 economies × 25 years (1996, 1998,
2000, 2002–2023) × 6 indicators, 32,100 rows, with ``..`` for missing values as the World
Bank writes them.
It then times :func:`~boras_intl_lib.indicators.wgi.read_wgi` (calamine) and, for comparison,
the same read with openpyxl (what the loader did before). Usage:
``python benchmarks/bench_wgi.py [--runs R] [--openpyxl-runs R]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from boras_intl_lib.indicators.wgi import read_wgi

INDICATORS = ("va", "pv", "ge", "rq", "rl", "cc")
YEARS = [1996, 1998, 2000, *range(2002, 2024)]  # the WGI's years (biennial before 2002)


def write_workbook(path: Path, economies: int = 214) -> int:
    """A WGI-sized long workbook; returns the number of data rows."""
    import pycountry

    rng = np.random.default_rng(9)
    countries = [(c.alpha_3, c.name) for c in pycountry.countries][:economies]
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("wgidataset")
    sheet.append(
        [
            "codeindyr",
            "code",
            "countryname",
            "year",
            "indicator",
            "estimate",
            "stddev",
            "nsource",
            "pctrank",
            "pctranklower",
            "pctrankupper",
        ]
    )
    rows = 0
    for code, name in countries:
        for year in YEARS:
            for ind in INDICATORS:
                missing = rng.random() < 0.03
                est = ".." if missing else float(rng.normal(0, 1))
                rank = ".." if missing else float(rng.uniform(0, 100))
                sheet.append(
                    [
                        f"{code}{ind}{year}",
                        code,
                        name,
                        year,
                        ind,
                        est,
                        float(rng.uniform(0.1, 0.4)),
                        int(rng.integers(1, 15)),
                        rank,
                        rank if missing else max(rank - 5, 0),
                        rank if missing else min(rank + 5, 100),
                    ]
                )
                rows += 1
    book.save(path)
    return rows


def median_time(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--openpyxl-runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "wgidataset.xlsx"
        rows = write_workbook(path)
        size = path.stat().st_size / 1e6
        print(f"workbook: {rows} rows, {size:.1f} MB")
        loaded = read_wgi(path)
        print(f"values: {len(loaded.values)}, rows left out: {len(loaded.dropped)}")
        fast = median_time(lambda: read_wgi(path), args.runs)
        print(f"read_wgi (calamine), median of {args.runs}: {fast:.2f} s")
        slow = median_time(
            lambda: pd.read_excel(path, sheet_name=None, engine="openpyxl"), args.openpyxl_runs
        )
        print(f"openpyxl read of the same workbook, median of {args.openpyxl_runs}: {slow:.2f} s")
        print(f"ratio: {slow / fast:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
