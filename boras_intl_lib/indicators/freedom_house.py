"""Freedom House's "All Data FIW 2013-YYYY" workbook."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..countries import to_iso3
from ..errors import IndicatorDataError
from .base import (
    _drop_unresolved,
    _finish,
    _header_key,
    _numbers,
    _reading,
    _rename_headers,
    _require,
)

#: Freedom House status as a number, so rules can compare it: ``fh_status >= 2`` is "Free".
FH_STATUS_CODES: dict[str, float] = {"F": 2.0, "PF": 1.0, "NF": 0.0}
#: Freedom House columns kept, by indicator name.
FH_COLUMNS: dict[str, str] = {
    "fh_pr": "PR",  # political rights, 0–40
    "fh_cl": "CL",  # civil liberties, 0–60
    "fh_f": "F",  # rule of law (subcategory F), 0–16
    "fh_total": "Total",  # 0–100
}


def load_freedom_house(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read Freedom House's "All Data FIW 2013-YYYY" workbook (sheet ``FIW13-NN``).

    Keeps countries only (``C/T == "c"``: Indian Kashmir, a territory, never overwrites
    India); resolves country names with :func:`~boras_intl_lib.countries.to_iso3`; the
    edition N describes year N−1. Indicators: ``fh_status`` (F=2, PF=1, NF=0), ``fh_pr``
    (0–40), ``fh_cl`` (0–60), ``fh_f`` (rule of law, 0–16), ``fh_total`` (0–100).
    """
    path = Path(path)
    with _reading(path, "Freedom House workbook"):
        frame = _fh_sheet(path)
        wanted = ("Country/Territory", "C/T", "Edition", "Status", *FH_COLUMNS.values())
        frame = _rename_headers(frame, wanted)
        _require(frame, wanted, path, "Freedom House FIW")
        frame = frame[frame["C/T"].astype("string").str.strip().str.casefold() == "c"]
        iso3 = to_iso3(frame["Country/Territory"])
        _drop_unresolved(iso3, frame["Country/Territory"], path)
        editions = pd.to_numeric(frame["Edition"], errors="coerce")
        status = frame["Status"].astype("string").str.strip().str.upper().map(FH_STATUS_CODES)
        columns = {"fh_status": status} | {
            name: _numbers(frame[col], path, col) for name, col in FH_COLUMNS.items()
        }
        parts = [
            pd.DataFrame(
                {
                    "iso3": iso3,
                    "year": editions - 1,
                    "indicator": name,
                    "value": values,
                    "source": "freedom_house",
                    "edition": edition
                    or editions.map(lambda e: f"Freedom in the World {e:.0f}", na_action="ignore"),
                }
            )
            for name, values in columns.items()
        ]
        return _finish(pd.concat(parts, ignore_index=True))


def _fh_sheet(path: Path) -> pd.DataFrame:
    """The FIW data sheet, with the header row (the one naming Country/Territory) applied."""
    with pd.ExcelFile(path, engine="openpyxl") as book:
        names = [s for s in book.sheet_names if re.fullmatch(r"\s*FIW\s*\d{2}\s*-\s*\d{2,4}\s*", s)]
        if not names:
            raise IndicatorDataError(
                path,
                "no sheet named like 'FIW13-25' (sheets: " + ", ".join(book.sheet_names) + ")",
            )
        raw = pd.read_excel(book, sheet_name=names[0], header=None, dtype=object)
    for i in range(min(len(raw), 6)):
        cells = [_header_key(v) for v in raw.iloc[i]]
        if "country/territory" in cells:
            body = raw.iloc[i + 1 :].reset_index(drop=True)
            body.columns = [str(v).strip() for v in raw.iloc[i]]
            return body
    raise IndicatorDataError(path, f"sheet {names[0]}: no header row with 'Country/Territory'")
