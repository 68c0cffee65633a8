"""Build the bundled indicator data from Our World in Data's V-Dem v16 files.

Usage::

    python scripts/build_indicator_data.py [SOURCE_DIR] [--first 2000] [--last 2025]

``SOURCE_DIR`` (default ``../shared/data/indicators/vdem_owid``) holds OWID's grapher CSVs of
V-Dem v16 exactly as published (CC BY 4.0). The script writes
``boras_intl_lib/data/vdem_v16_owid.csv``: one row per country and year, one column per
indicator, the values copied as text (never re-rounded), and prints every entity it left out
and why, so ``data/SOURCES.md`` can list them.

Only rows whose OWID ``Code`` is an ISO 3166 alpha-3 code (or ``OWID_KOS``, Kosovo → ``XKX``)
are kept; aggregates (no code), historical states and V-Dem's sub-national units
(``OWID_SML`` Somaliland, ``OWID_ZAN`` Zanzibar, "Palestine/Gaza") are left out.
"Palestine/West Bank", published without a code, is V-Dem's unit ``PSE`` and kept as ``PSE``
(as the V-Dem loader reads it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from boras_intl_lib.countries import codes_to_iso3  # noqa: E402
from boras_intl_lib.indicators.bundled import BUNDLED_COLUMNS, BUNDLED_FILE  # noqa: E402
from boras_intl_lib.indicators.owid import OWID_ENTITIES  # noqa: E402

#: file → (column title as published, indicator name in the bundled table)
FILES: dict[str, tuple[str, str]] = {
    "political-regime.csv": ("Political regime", "regime_row_owid"),
    "electoral-democracy-index.csv": ("Electoral democracy index", "v2x_polyarchy"),
    "liberal-democracy-index.csv": ("Liberal democracy index", "v2x_libdem"),
    "human-rights-index-vdem.csv": ("Human Rights Index", "v2x_civlib"),
    "rule-of-law-index.csv": ("Rule of Law index", "v2x_rule"),
}


LEFT_OUT: dict[tuple[str, str], set[int]] = {}


def read_one(path: Path, column: str, name: str, first: int, last: int) -> pd.DataFrame:
    """One OWID file: ISO countries in ``first..last``, the value kept as published text."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    years = pd.to_numeric(frame["Year"])
    frame = frame[(years >= first) & (years <= last) & (frame[column] != "")]
    by_name = frame["Entity"].map(OWID_ENTITIES).where(frame["Code"] == "")
    iso3 = codes_to_iso3(frame["Code"].replace("", pd.NA)).fillna(by_name.astype("string"))
    left_out = frame[iso3.isna()].groupby(["Entity", "Code"], dropna=False).size()
    for (entity, code), rows in left_out.items():
        LEFT_OUT.setdefault((entity, code or "none"), set()).add(rows)
    kept = frame[iso3.notna()]
    return pd.DataFrame(
        {"iso3": iso3[iso3.notna()], "year": kept["Year"].astype(int), name: kept[column]}
    )


def build(source: Path, first: int, last: int) -> pd.DataFrame:
    """The bundled table: iso3, year and the indicators of :data:`FILES`."""
    table: pd.DataFrame | None = None
    for file, (column, name) in FILES.items():
        part = read_one(source / file, column, name, first, last)
        if part.duplicated(["iso3", "year"]).any():
            raise SystemExit(f"{file}: a country appears twice in one year")
        table = part if table is None else table.merge(part, on=["iso3", "year"], how="outer")
    assert table is not None
    return table.sort_values(["iso3", "year"]).reset_index(drop=True)[list(BUNDLED_COLUMNS)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT.parent / "shared" / "data" / "indicators" / "vdem_owid"
    parser.add_argument("source", type=Path, nargs="?", default=default)
    parser.add_argument("--first", type=int, default=2000)
    parser.add_argument("--last", type=int, default=2025)
    parser.add_argument("--out", type=Path, default=ROOT / "boras_intl_lib" / "data" / BUNDLED_FILE)
    args = parser.parse_args()
    table = build(args.source, args.first, args.last)
    table.to_csv(args.out, index=False, lineterminator="\n")
    print(f"Left out (entity, OWID code: rows per file, {args.first}–{args.last}):")
    for (entity, code), rows in sorted(LEFT_OUT.items()):
        print(f"  {entity} ({code}): {', '.join(map(str, sorted(rows)))}")
    print(
        f"{args.out}: {len(table)} rows, {table['iso3'].nunique()} countries,"
        f" {table['year'].min()}–{table['year'].max()}, {args.out.stat().st_size // 1024} KB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
