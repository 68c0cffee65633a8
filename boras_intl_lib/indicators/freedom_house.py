"""Freedom House's "All Data FIW 2013-YYYY" workbook (sheet ``FIW13-NN``), as published.

Edition N of Freedom in the World describes year N−1: a value of edition 2025 has year 2024.
Countries (``C/T == "c"``) are kept, and the territories with an ISO code of their own
(:data:`FH_TERRITORIES`: Hong Kong, Puerto Rico, Macao, Western Sahara, and the West Bank as
Palestine), so a partner there is screened with the territory's own values. Other territories
(Gaza Strip, Indian Kashmir, Crimea, Tibet, Northern Cyprus …) have no code a partner's country
can carry; they are left out and listed, so a territory never overwrites its country. Names
are resolved with :func:`~boras_intl_lib.countries.to_iso3` (exact matching, Freedom House's
spellings such as "St. Vincent and the Grenadines" included).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..countries import to_iso3
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
    rename_headers,
    require_columns,
)

#: Freedom House status as a number, so rules can compare it: ``fh_status >= 2`` is "Free".
FH_STATUS_CODES: dict[str, float] = {"F": 2.0, "PF": 1.0, "NF": 0.0}
#: Freedom House columns read, by indicator name. The first four are required.
FH_COLUMNS: dict[str, str] = {
    "fh_pr": "PR",  # political rights score, 0–40
    "fh_cl": "CL",  # civil liberties score, 0–60
    "fh_f": "F",  # rule of law (subcategory F), 0–16
    "fh_total": "Total",  # 0–100
    "fh_pr_rating": "PR rating",  # political rights rating, 1 (most free) – 7 (least free)
    "fh_cl_rating": "CL rating",  # civil liberties rating, 1 (most free) – 7 (least free)
    "fh_a": "A",  # electoral process, 0–12
    "fh_b": "B",  # political pluralism and participation, 0–16
    "fh_c": "C",  # functioning of government, 0–12
    "fh_d": "D",  # freedom of expression and belief, 0–16
    "fh_e": "E",  # associational and organizational rights, 0–12
    "fh_g": "G",  # personal autonomy and individual rights, 0–16
}
#: Freedom House territories (``C/T == "t"``) that stand for an ISO country code of their own,
#: by name as published. Palestine (``PSE``) is the West Bank, the unit V-Dem codes as ``PSE``
#: and OWID publishes as "Palestine/West Bank", so every source screens Palestine with the
#: same territory; the Gaza Strip is left out and listed (``docs/indicators.md``).
FH_TERRITORIES: dict[str, str] = {
    "Hong Kong": "HKG",
    "Puerto Rico": "PRI",
    "Macao": "MAC",
    "Macau": "MAC",
    "Western Sahara": "ESH",
    "West Bank": "PSE",
}
_REQUIRED = ("Country/Territory", "C/T", "Edition", "Status", "PR", "CL", "F", "Total")


def read_freedom_house(path: Path | str, *, edition: str | None = None) -> Loaded:
    """Read the FIW workbook: ``fh_status`` (F=2, PF=1, NF=0) and :data:`FH_COLUMNS`."""
    path = Path(path)
    with reading(path, "freedom_house"):
        frame, first_row = _fh_sheet(path)
        frame = rename_headers(frame, (*_REQUIRED, *FH_COLUMNS.values()))
        require_columns(frame, _REQUIRED, path, "freedom_house")
        name = frame["Country/Territory"].astype("string").str.strip()
        territory = frame["C/T"].astype("string").str.strip().str.casefold() != "c"
        own_code = name.map(FH_TERRITORIES).astype("string")
        iso3 = to_iso3(name).where(~territory, own_code)
        territory &= own_code.isna()
        why = reasons(
            [(name.isna(), "no_value"), (territory, "territory"), (iso3.isna(), "unknown_name")],
            frame.index,
        )
        kept = why.isna().to_numpy()
        editions = pd.to_numeric(frame["Edition"], errors="coerce")
        status = frame["Status"].astype("string").str.strip().str.upper().map(FH_STATUS_CODES)
        columns = {"fh_status": status} | {
            key: numeric_column(frame[col], path, col)
            for key, col in FH_COLUMNS.items()
            if col in frame.columns
        }
        label = editions.map(lambda e: f"Freedom in the World {e:.0f}", na_action="ignore")
        parts = [
            pd.DataFrame(
                {
                    "iso3": iso3[kept],
                    "year": (editions - 1)[kept],
                    "indicator": key,
                    "value": values[kept],
                    "source": "freedom_house",
                    "edition": edition or label[kept],
                }
            )
            for key, values in columns.items()
        ]
        rows = frame.index.to_series() + first_row
        return Loaded(
            values=finish_long(pd.concat(parts, ignore_index=True)),
            dropped=dropped_rows(why, rows, frame["Country/Territory"], editions - 1),
            rows_read=len(frame),
            columns={"fh_status": "Status", **FH_COLUMNS},
        )


def load_freedom_house(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read Freedom House's FIW workbook into the long layout (see :func:`read_freedom_house`)."""
    return read_freedom_house(path, edition=edition).values


def _fh_sheet(path: Path) -> tuple[pd.DataFrame, int]:
    """The FIW data sheet with its header row applied, and the Excel row of its first line."""
    with open_workbook(path) as book:
        names = [s for s in book.sheet_names if re.fullmatch(r"\s*FIW\s*\d{2}\s*-\s*\d{2,4}\s*", s)]
        if not names:
            raise data_error(path, "fh_no_sheet", sheets=", ".join(book.sheet_names))
        raw = pd.read_excel(book, sheet_name=names[0], header=None, dtype=object)
    for i in range(min(len(raw), 6)):
        cells = [header_key(v) for v in raw.iloc[i]]
        if "country/territory" in cells:
            body = raw.iloc[i + 1 :].reset_index(drop=True)
            body.columns = [str(v).strip() for v in raw.iloc[i]]
            return body, i + 2
    raise data_error(path, "fh_no_header", sheet=names[0])
