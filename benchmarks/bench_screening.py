"""Benchmark: screen 3,000,000 in-memory partners (1,000,000 activities) against the precondition.

Partners are spread over about 40 countries (most with bundled V-Dem data, a few without,
some not recognised); the register holds country-wide, partner-named and activity-limited
exception decisions, some expired. Text cells are separate string objects, as after reading
a file. Prints the median wall time over a few runs of ``screen_partners`` followed by
``activity_precondition``, and the verdict counts (so a broken run is visible).

    .venv/bin/python benchmarks/bench_screening.py [--activities N] [--partners M] [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from boras_intl_lib.indicators.loaders import load_bundled
from boras_intl_lib.screening.partners import activity_precondition, screen_partners
from boras_intl_lib.settings import Settings

COUNTRIES = (
    "SWE", "FIN", "NOR", "DNK", "ISL", "DEU", "POL", "EST", "LVA", "LTU", "BEL", "FRA", "NLD",
    "ITA", "ESP", "PRT", "BGR", "ROU", "GRC", "AUT", "CZE", "HUN", "GBR", "SRB", "UKR", "MDA",
    "GEO", "BIH", "XKX", "TUR", "USA", "KEN", "TZA", "CHN", "IND", "BRA",
    "NZL", "CHE", "MEX",  # no bundled data: unknown
)  # fmt: skip


def _strings(values: np.ndarray) -> pd.Series:
    """A text column whose cells are separate objects, like a freshly read register."""
    return pd.Series([str(v) for v in values.tolist()], dtype="str")


def make_register(n_activities: int, n_partners: int, seed: int = 3):
    rng = np.random.default_rng(seed)
    ids = np.array([f"A{i:07d}" for i in range(n_activities)], dtype=object)
    activities = pd.DataFrame(
        {
            "activity_id": _strings(ids),
            "year": pd.array(rng.integers(2021, 2026, n_activities), dtype="Int64"),
            "status": _strings(rng.choice(["ongoing", "completed"], n_activities)),
        }
    )
    weights = np.where(np.isin(COUNTRIES, ["SWE", "FIN", "NOR", "DNK", "DEU"]), 4.0, 1.0)
    countries = rng.choice(np.array(COUNTRIES, dtype=object), n_partners, p=weights / weights.sum())
    iso3 = pd.array(countries, dtype="string")
    iso3[rng.random(n_partners) < 0.002] = pd.NA  # not recognised
    names = np.array([f"Partner {i}" for i in range(50_000)], dtype=object)
    partners = pd.DataFrame(
        {
            "activity_id": _strings(ids[rng.integers(0, n_activities, n_partners)]),
            "partner_name": _strings(rng.choice(names, n_partners)),
            "city": _strings(rng.choice(np.array(["Stad A", "Stad B", "Stad C"]), n_partners)),
            "country_iso3": iso3,
            "row": pd.array(np.arange(2, n_partners + 2), dtype="Int64"),
        }
    )
    exceptions = pd.DataFrame(
        [
            ("KS 2021-1", "2021-02-01", "SRB", None, None, None, "2023-12-31"),  # expires
            ("KS 2024-7", "2024-03-01", "SRB", None, None, "2024-03-01", None),
            ("KS 2023-4", "2023-05-10", "TUR", None, "A0000042", None, None),
            ("KS 2022-9", "2022-09-01", None, "Partner 17", None, None, None),
            ("KS 2025-2", "2025-01-20", "GEO", "Partner 99", None, None, None),
            ("KS 2025-3", "2025-02-11", "HUN", None, None, None, None),
            ("KS 2026-1", "2026-01-05", "CHN", None, None, None, None),  # not yet valid
        ],
        columns=["decision_id", "decision_date", "country_iso3", "partner_name", "activity_id",
                 "valid_from", "valid_to"],
    )  # fmt: skip
    for column in ("decision_date", "valid_from", "valid_to"):
        exceptions[column] = pd.to_datetime(exceptions[column])
    for column in ("decision_id", "country_iso3", "partner_name", "activity_id"):
        exceptions[column] = exceptions[column].astype("string")
    return activities, partners, exceptions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--partners", type=int, default=3_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    settings = Settings(year=2025, administrations=[{"name": "Stadsledningskansliet"}])
    indicators = load_bundled()
    activities, partners, exceptions = make_register(args.activities, args.partners)
    screen_times, activity_times = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        screened = screen_partners(partners, exceptions, activities, settings, indicators)
        middle = time.perf_counter()
        precondition = activity_precondition(screened, activities)
        screen_times.append(middle - start)
        activity_times.append(time.perf_counter() - middle)
    totals = [a + b for a, b in zip(screen_times, activity_times, strict=True)]
    print(
        f"partner screening: {len(partners):,} partners, {len(activities):,} activities, "
        f"{partners['country_iso3'].nunique()} countries, {len(exceptions)} decisions, "
        f"median of {args.runs} runs"
    )
    for name, times in (
        ("screen_partners", screen_times),
        ("activity_precondition", activity_times),
        ("both", totals),
    ):
        median, low, high = statistics.median(times), min(times), max(times)
        print(f"  {name:<22} {median:5.2f} s  (min {low:.2f}, max {high:.2f})")
    print("  partner verdicts:", screened["verdict"].value_counts().to_dict())
    print("  activity preconditions:", precondition.value_counts().to_dict())


if __name__ == "__main__":
    main()
