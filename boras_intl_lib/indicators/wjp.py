"""The World Justice Project's Rule of Law Index, historical data file, as published.

``…HISTORICAL_DATA_FILE.xlsx``, sheet "Historical Data": one row per country and edition,
``Country, Year, Country_year, Country Code, Region, WJP Rule of Law Index: Overall Score,
Factor 1: Constraints on Government Powers, …, Factor 8: Criminal Justice`` and the
sub-factors (``1.1 …``), every score 0–1 (higher is better).

**Which year.** ``Year`` names the edition: a range ("2012-2013", "2017-2018") for the
editions that spanned two years, a single year ("2019", …, "2025") otherwise. A range is
stored as its first year, the year its surveys were made; a single year as that year. The
edition label keeps WJP's own name ("WJP Rule of Law Index 2017-2018"). ``docs/indicators.md``
states this rule.

Read: ``wjp_overall`` (the overall score) and ``wjp_f1`` … ``wjp_f8`` (the factors); the
sub-factors are not read. ``Country Code`` is ISO 3166 alpha-3 (Kosovo ``XKX``); a row whose
code is no ISO country is left out and listed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..countries import codes_to_iso3
from .base import (
    Loaded,
    data_error,
    dropped_rows,
    finish_long,
    header_key,
    numeric_column,
    open_workbook,
    reading,
    reasons,
)

WJP_SHEET = "historical data"
WJP_OVERALL = "wjp rule of law index: overall score"
_FACTOR = re.compile(r"^factor (\d): ")
_REQUIRED = ("country", "year", "country code")


def read_wjp(path: Path | str, *, edition: str | None = None) -> Loaded:
    """Read WJP's historical data file: the overall score and the eight factors."""
    path = Path(path)
    with reading(path, "wjp"):
        frame, first_row = _wjp_sheet(path)
        keys = {header_key(c): c for c in frame.columns}
        missing = [c for c in (*_REQUIRED, WJP_OVERALL) if c not in keys]
        if missing:
            raise data_error(
                path, "missing_columns", layout="wjp", columns=", ".join(missing), n=len(missing)
            )
        columns = {"wjp_overall": keys[WJP_OVERALL]}
        for key, column in keys.items():
            found = _FACTOR.match(key)
            if found:
                columns[f"wjp_f{found.group(1)}"] = column
        label = frame[keys["year"]].astype("string").str.strip()
        year = label.map(_data_year, na_action="ignore")
        iso3 = codes_to_iso3(frame[keys["country code"]].astype("string").str.strip())
        values = {
            name: numeric_column(frame[column], path, column) for name, column in columns.items()
        }
        no_value = pd.concat(values.values(), axis=1).isna().all(axis=1)
        why = reasons(
            [(iso3.isna(), "not_a_country"), (year.isna(), "no_year"), (no_value, "no_value")],
            frame.index,
        )
        parts = [
            pd.DataFrame(
                {
                    "iso3": iso3,
                    "year": year,
                    "indicator": name,
                    "value": column,
                    "source": "wjp",
                    "edition": edition or "WJP Rule of Law Index " + label,
                }
            )
            for name, column in values.items()
        ]
        rows = frame.index.to_series() + first_row
        return Loaded(
            values=finish_long(pd.concat(parts, ignore_index=True)),
            dropped=dropped_rows(why, rows, frame[keys["country"]], year),
            rows_read=len(frame),
            columns={name: str(column) for name, column in columns.items()},
        )


def load_wjp(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read WJP's historical data file into the long layout (see :func:`read_wjp`)."""
    return read_wjp(path, edition=edition).values


def _data_year(text: str) -> float:
    """``"2017-2018"`` → 2017 (a range: its first year); ``"2019"`` → 2019; else NaN."""
    found = re.fullmatch(r"\s*((?:19|20)\d\d)(?:\s*[-–/]\s*(?:(?:19|20)?\d\d))?\s*", text)
    return float(found.group(1)) if found else float("nan")


def _wjp_sheet(path: Path) -> tuple[pd.DataFrame, int]:
    """The "Historical Data" sheet with its header applied, and the Excel row of its first
    data row (the header is found among the first rows by ``Country Code``)."""
    with open_workbook(path) as book:
        names = [s for s in book.sheet_names if header_key(s) == WJP_SHEET]
        if not names:
            raise data_error(path, "wjp_no_sheet", sheets=", ".join(book.sheet_names))
        raw = pd.read_excel(book, sheet_name=names[0], header=None, dtype=object)
    for i in range(min(len(raw), 6)):
        if "country code" in {header_key(v) for v in raw.iloc[i]}:
            body = raw.iloc[i + 1 :].reset_index(drop=True)
            body.columns = [str(v).strip() for v in raw.iloc[i]]
            return body, i + 2
    raise data_error(path, "wjp_no_header", sheet=names[0])
