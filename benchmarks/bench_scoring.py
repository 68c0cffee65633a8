"""Benchmark: score 1,000,000 in-memory activities with 3,000,000 partners.

Builds a register in memory with the dtypes the register reader produces (``string`` text,
``Int64`` integers, ``boolean`` flags, sorted tuples of distinct keys in list columns), then
prints the median wall-clock and CPU time of ``score_activities`` (the aim is under 2 s) and
of ``explain_scores`` over a few runs; on a busy machine the CPU time is the steadier figure.
Like the reader (which converts each distinct cell text once), equal values within a table
share one Python object; ``--fresh-objects`` gives every cell its own object instead, as a
plain ``pandas.read_csv`` would — the slower case.

    .venv/bin/python benchmarks/bench_scoring.py [--activities N] [--partners M] [--runs R]
                                                 [--fresh-objects]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import NamedTuple

import numpy as np
import pandas as pd

from boras_intl_lib.register.format import ACTIVITY_TYPE, PROFILING_TARGET, SUSTAINABILITY
from boras_intl_lib.scoring.rubric import explain_scores, score_activities
from boras_intl_lib.settings import Settings

COUNTRIES = (
    "SWE",
    "FIN",
    "NOR",
    "DNK",
    "DEU",
    "POL",
    "EST",
    "LVA",
    "LTU",
    "FRA",
    "ITA",
    "ESP",
    "NLD",
    "BEL",
    "GBR",
    "USA",
    "KEN",
    "TZA",
    "UKR",
    "CHN",
    "IND",
    "BRA",
    "ZAF",
    "TUR",
)
TWINS = (("Mikkeli", "FIN"), ("Lund", "NOR"), ("Wirral", "GBR"), ("Kaunas", "LTU"))


def _settings() -> Settings:
    return Settings(
        year=2025,
        administrations=[{"name": f"Förvaltning {i}"} for i in range(30)],
        twin_cities=[{"city": c, "country": k} for c, k in TWINS],
    )


def _sample_tuples(
    rng: np.random.Generator, keys: list, n: int, max_len: int, shared: bool
) -> list[tuple]:
    """Tuples of 0..max_len distinct keys in vocabulary order, as the reader makes them."""
    lengths = rng.integers(0, max_len + 1, n)
    order = np.argsort(rng.random((n, len(keys))), axis=1)[:, :max_len]
    rows = [sorted(row[:k]) for row, k in zip(order.tolist(), lengths.tolist(), strict=True)]
    return _objects([tuple(keys[i] for i in row) for row in rows], shared)


def _objects(values: list, shared: bool) -> list:
    """Equal values as one object (``shared``, like the reader) or each its own object."""
    if not shared:
        return values
    cache: dict = {}
    return [cache.setdefault(v, v) for v in values]


def _text(values: list[str], shared: bool) -> pd.Series:
    return pd.Series(_objects(values, shared), dtype="string")


def _nullable(rng: np.random.Generator, values: np.ndarray, dtype: str, missing: float):
    array = pd.array(values, dtype=dtype)
    array[rng.random(len(values)) < missing] = pd.NA
    return array


def make_activities(n: int, seed: int = 1, shared: bool = True) -> pd.DataFrame:
    """``n`` activities with realistic random values."""
    rng = np.random.default_rng(seed)
    types = np.array(list(ACTIVITY_TYPE.values), dtype=object)
    statuses = np.array(["planned", "ongoing", "completed", "cancelled"], dtype=object)
    budget = np.round(rng.lognormal(12, 1.2, n), -3)
    budget[rng.random(n) < 0.2] = np.nan
    external = np.where(rng.random(n) < 0.4, np.round(budget * rng.random(n), -3), 0.0)
    external[rng.random(n) < 0.1] = np.nan
    sources = np.array(["Interreg", "Erasmus+", "ICLD", "Horisont Europa", "Nordplus", ""], object)
    flags = {
        name: _nullable(rng, rng.random(n) < 0.5, "boolean", 0.1)
        for name in ("evaluated", "knowledge_documented", "knowledge_shared")
    }
    return pd.DataFrame(
        {
            "activity_id": _text([f"A-{i:07d}" for i in range(n)], shared),
            "year": pd.array(rng.integers(2021, 2026, n), dtype="Int64"),
            "title": _text([f"Aktivitet {i}" for i in range(n)], shared),
            "administration": _text(
                [f"Förvaltning {i}" for i in rng.integers(0, 30, n).tolist()], shared
            ),
            "activity_type": _text(types[rng.integers(0, len(types), n)].tolist(), shared),
            "status": _text(statuses[rng.choice(4, n, p=[0.1, 0.5, 0.35, 0.05])].tolist(), shared),
            "budget_sek": budget,
            "external_funding_sek": external,
            "funding_source": _text(sources[rng.integers(0, 6, n)].tolist(), shared),
            "participants": _nullable(rng, rng.integers(0, 40, n), "Int64", 0.2),
            "outcome_level": _nullable(rng, rng.integers(0, 4, n), "Int64", 0.2),
            **flags,
            "profiling_targets": _sample_tuples(rng, list(PROFILING_TARGET.values), n, 6, shared),
            "sustainability": _sample_tuples(rng, list(SUSTAINABILITY.values), n, 3, shared),
            "sdgs": _sample_tuples(rng, list(range(1, 18)), n, 5, shared),
            "democracy_level": _nullable(rng, rng.integers(0, 4, n), "Int64", 0.3),
        }
    )


def make_partners(n_activities: int, m: int, seed: int = 2, shared: bool = True) -> pd.DataFrame:
    """``m`` partner rows spread over ``n_activities`` activities."""
    rng = np.random.default_rng(seed)
    act = np.sort(rng.integers(0, n_activities, m))
    org = rng.integers(0, 50_000, m)
    city_pool = [f"Stad {i}" for i in range(5_000)] + [c for c, _ in TWINS]
    city = rng.integers(0, len(city_pool), m)
    country = np.array(COUNTRIES, dtype=object)[rng.integers(0, len(COUNTRIES), m)]
    return pd.DataFrame(
        {
            "activity_id": _text([f"A-{i:07d}" for i in act.tolist()], shared),
            "partner_name": _text([f"Organisation {i}" for i in org.tolist()], shared),
            "city": _text([f"{city_pool[i]}" for i in city.tolist()], shared),
            "country_iso3": _text([f"{c}" for c in country.tolist()], shared),
        }
    )


class Timing(NamedTuple):
    """Median wall-clock and CPU seconds of some runs, and the last result."""

    wall: float
    cpu: float
    walls: list[float]
    result: object


def _time(func, runs: int) -> Timing:
    """Time ``func``: wall clock, and the process's CPU time (steady on a busy machine)."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = func()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return Timing(statistics.median(walls), statistics.median(cpus), walls, result)


def _line(name: str, timing: Timing) -> str:
    runs = ", ".join(f"{t:.2f}" for t in timing.walls)
    return (
        f"{name}: median {timing.wall:.2f} s wall, {timing.cpu:.2f} s CPU "
        f"({len(timing.walls)} runs, wall: {runs})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--partners", type=int, default=3_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fresh-objects", action="store_true", help="every cell its own object")
    args = parser.parse_args()
    settings = _settings()
    start = time.perf_counter()
    shared = not args.fresh_objects
    activities = make_activities(args.activities, shared=shared)
    partners = make_partners(args.activities, args.partners, shared=shared)
    print(
        f"built {len(activities):,} activities and {len(partners):,} partners "
        f"({'shared' if shared else 'fresh'} objects) in {time.perf_counter() - start:.1f} s"
    )
    scoring = _time(lambda: score_activities(activities, partners, settings), args.runs)
    print(_line("score_activities", scoring))
    explaining = _time(lambda: explain_scores(scoring.result, settings), args.runs)
    print(_line("explain_scores  ", explaining))
    print(f"load average (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    cpu_ok, wall_ok = ("met" if x < 2 else "NOT met" for x in (scoring.cpu, scoring.wall))
    print(f"aim (score_activities under 2 s): {cpu_ok} in CPU time, {wall_ok} in wall time")


if __name__ == "__main__":
    main()
