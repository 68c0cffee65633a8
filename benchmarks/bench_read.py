"""Benchmark: read and validate a 100,000-activity CSV register (~250,000 partner rows).

Not a test: it prints figures for docs/performance.md. The register is written the way Excel
with Swedish settings exports CSV (``;``, decimal comma, Windows-1252), with a little mess
(spaces, no-break-space thousands, Swedish and English enum spellings, a few bad rows), and
read twice per run: by pandas alone (``pd.read_csv(dtype=str)``, the floor) and by
``load_register``. Usage: ``python benchmarks/bench_read.py [--activities N] [--runs R]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from boras_intl_lib.register import load_register

ADMINISTRATIONS = [
    "Kommunstyrelsen",
    "Förskoleförvaltningen",
    "Grundskoleförvaltningen",
    "Gymnasie- och vuxenutbildningsförvaltningen",
    "Kulturförvaltningen",
    "Miljöförvaltningen",
    "Samhällsbyggnadsförvaltningen",
    "Sociala omsorgsförvaltningen",
]
TYPES = ["EU-projekt", "projekt", "vänortsutbyte", "studiebesök", "Kunskapsutbyte", "network"]
STATUSES = ["pågående", "avslutad", "Planerad", ""]
COUNTRIES = ["Finland", "Norge", "Danmark", "Tyskland", "Spain", "ITA", "PL", "Ukraina", "Serbien"]
PROFILING = ["utbildning", "tillväxt; kunskap", "", "livskvalitet, besöksnäring"]


def _money(rng: np.random.Generator, n: int) -> np.ndarray:
    """Amounts as Swedish Excel writes them: ``1 234 567,50`` with no-break spaces."""
    values = rng.integers(0, 5_000_000, n) / 100
    text = pd.Series(values).map(lambda v: f"{v:,.2f}")
    text = text.str.replace(",", "\u00a0").str.replace(".", ",")
    return text.to_numpy()


def write_register(folder: Path, n_activities: int, seed: int = 7) -> None:
    """Write aktiviteter.csv and partner.csv (cp1252, ``;``) with some messy values."""
    rng = np.random.default_rng(seed)
    n = n_activities
    ids = np.array([f"A-{i:06d}" for i in range(n)])
    activities = pd.DataFrame(
        {
            "aktivitets_id": ids,
            "år": rng.integers(2021, 2026, n),
            "titel": [f"Aktivitet nummer {i} om samverkan" for i in range(n)],
            "förvaltning": rng.choice(ADMINISTRATIONS, n),
            "nämnd": "",
            "typ": rng.choice(TYPES, n),
            "status": rng.choice(STATUSES, n),
            "budget_kr": _money(rng, n),
            "extern_finansiering_kr": _money(rng, n),
            "finansieringskälla": rng.choice(["Interreg", "Erasmus+", "", "ICLD"], n),
            "deltagare": rng.integers(0, 60, n),
            "resultatnivå": rng.integers(0, 4, n),
            "utvärderad": rng.choice(["ja", "nej", "", "x"], n),
            "kunskap_dokumenterad": rng.choice(["ja", "nej", ""], n),
            "kunskap_spridd": rng.choice(["Ja", "Nej"], n),
            "profilering": rng.choice(PROFILING, n),
            "hållbarhet": rng.choice(["ekologisk", "social; ekonomisk", ""], n),
            "globala_mål": rng.choice(["4", "8; 11", "", "13,17"], n),
            "demokratinivå": rng.integers(0, 4, n),
            "kontaktperson": "Anna Andersson",
            "beskrivning": " Ett utbyte kring hållbar textil ",
        }
    )
    bad = rng.choice(n, n // 1000, replace=False)
    activities.loc[bad, "budget_kr"] = "-5"  # a few rejected rows
    n_partners = int(n * 2.5)
    partners = pd.DataFrame(
        {
            "aktivitets_id": rng.choice(ids, n_partners),
            "partner": [f"Partner {i}" for i in range(n_partners)],
            "partnertyp": rng.choice(["kommun", "universitet", "företag", "ideell"], n_partners),
            "stad": rng.choice(["Mikkeli", "Molde", "Vejle", "Prato", "Mataró"], n_partners),
            "land": rng.choice(COUNTRIES, n_partners),
        }
    )
    for name, frame in (("aktiviteter.csv", activities), ("partner.csv", partners)):
        frame.to_csv(folder / name, sep=";", index=False, encoding="cp1252")


def pandas_only(folder: Path) -> None:
    """The floor: pandas reading the same files as text."""
    for name in ("aktiviteter.csv", "partner.csv"):
        pd.read_csv(folder / name, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)


def interleaved(
    funcs: dict[str, Callable[[], object]], runs: int
) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU seconds per function, the functions taking turns each run.

    Taking turns keeps a busy machine (other processes on the 2 cores) from favouring one side.
    """
    wall: dict[str, list[float]] = {name: [] for name in funcs}
    cpu: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(runs):
        for name, func in funcs.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            func()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {n: (statistics.median(wall[n]), statistics.median(cpu[n])) for n in funcs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_register(folder, args.activities)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        register = load_register(folder)
        times = interleaved(
            {"pandas": lambda: pandas_only(folder), "ours": lambda: load_register(folder)},
            args.runs,
        )
    (base, base_cpu), (ours, ours_cpu) = times["pandas"], times["ours"]
    print(f"register: {args.activities:,} activities, {register.input_rows['partners']:,} partners")
    print(f"          {size:.1f} MB of CSV (cp1252, ';', decimal comma)")
    print(f"accepted: {len(register.activities):,} activities, {len(register.partners):,} partners")
    print(f"median of {args.runs} runs, wall-clock (CPU) seconds:")
    print(f"  pandas read_csv(dtype=str) alone: {base:.2f} s ({base_cpu:.2f} s)")
    print(f"  load_register (read + validate):  {ours:.2f} s ({ours_cpu:.2f} s)")
    print(f"  ratio: {ours / base:.1f}x wall-clock, {ours_cpu / base_cpu:.1f}x CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
