"""The World Bank's Worldwide Governance Indicators, long layout (2024 update on), xlsx or CSV.

WGI has no human-rights dimension: a municipality that screens with WGI alone keeps V-Dem's
(or Freedom House's) indicator for the human-rights condition (see ``docs/indicators.md``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..countries import codes_to_iso3
from .base import (
    Loaded,
    dropped_rows,
    finish_long,
    header_key,
    numeric_column,
    open_workbook,
    read_publisher_csv,
    reading,
    reasons,
    rename_headers,
    require_columns,
)
from .wgi_legacy import legacy_sheets, read_wgi_legacy

WGI_INDICATORS: tuple[str, ...] = ("va", "pv", "ge", "rq", "rl", "cc")
_WANTED = ("code", "year", "indicator", "estimate", "pctrank")


def read_wgi(path: Path | str, *, edition: str | None = None) -> Loaded:
    """Read the WGI long table: the values used and the rows left out.

    Columns ``codeindyr, code, countryname, year, indicator, estimate, … pctrank …``. For
    each of ``va pv ge rq rl cc``: ``wgi_<x>`` (the estimate, about −2.5 to 2.5) and
    ``wgi_<x>_pctrank`` (percentile rank 0–100). World Bank codes (KSV, ROM, ZAR, TMP, ADO,
    WBG …) become ISO3; entries with no ISO country (e.g. Channel Islands) are left out.
    """
    path = Path(path)
    with reading(path, "wgi"):
        table = _wgi_table(path)
    if table is None:  # the workbook before the 2024 update: one sheet per dimension
        return read_wgi_legacy(path, edition=edition)
    with reading(path, "wgi"):
        frame, first_row = table
        frame = rename_headers(frame, (*_WANTED, "countryname"))
        require_columns(frame, _WANTED, path, "wgi")
        iso3 = codes_to_iso3(frame["code"].astype("string").str.strip())
        code = frame["indicator"].astype("string").str.strip().str.casefold()
        numbers = {c: numeric_column(frame[c], path, c) for c in ("estimate", "pctrank")}
        why = reasons(
            [
                (iso3.isna(), "not_a_country"),
                (~code.isin(WGI_INDICATORS).fillna(False), "other_indicator"),
                (numbers["estimate"].isna() & numbers["pctrank"].isna(), "no_value"),
            ],
            frame.index,
        )
        keep = code.isin(WGI_INDICATORS).fillna(False).to_numpy()
        label = edition or _wgi_edition(path)
        parts = [
            pd.DataFrame(
                {
                    "iso3": iso3[keep],
                    "year": frame.loc[keep, "year"],
                    "indicator": "wgi_" + code[keep] + suffix,
                    "value": numbers[column][keep],
                    "source": "wgi",
                    "edition": label,
                }
            )
            for column, suffix in (("estimate", ""), ("pctrank", "_pctrank"))
        ]
        entity = frame["countryname"] if "countryname" in frame else frame["code"]
        return Loaded(
            values=finish_long(pd.concat(parts, ignore_index=True)),
            dropped=dropped_rows(why, frame.index.to_series() + first_row, entity, frame["year"]),
            rows_read=len(frame),
        )


def load_wgi(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read the World Bank's WGI long table into the long layout (see :func:`read_wgi`)."""
    return read_wgi(path, edition=edition).values


def _wgi_table(path: Path) -> tuple[pd.DataFrame, int] | None:
    """The sheet (or CSV) holding the WGI columns, and the row number of its first data row;
    ``None`` for a workbook in the layout before 2024 (:mod:`.wgi_legacy`), recognised by its
    dimension sheets before any sheet is read.

    Workbooks are read with calamine: the 2024 update's 3 MB xlsx in about a second, against
    some 18 s with openpyxl (``benchmarks/bench_wgi.py``).
    """
    if path.suffix.casefold() in (".csv", ".txt"):
        return read_publisher_csv(path), 2
    with open_workbook(path) as book:
        if legacy_sheets(book.sheet_names):
            return None
        sheets = pd.read_excel(book, sheet_name=None)
    for frame in sheets.values():
        header = {header_key(c) for c in frame.columns}
        if all(w in header for w in _WANTED):
            return frame, 2
    return next(iter(sheets.values())), 2


def _wgi_edition(path: Path) -> str:
    found = re.search(r"(20\d\d)", path.stem)
    return f"WGI {found.group(1)} update" if found else "WGI"
