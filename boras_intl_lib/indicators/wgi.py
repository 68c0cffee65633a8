"""The World Bank's Worldwide Governance Indicators, long layout (2024 update on)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..countries import codes_to_iso3
from .base import (
    _drop_unresolved,
    _finish,
    _header_key,
    _numbers,
    _read_csv,
    _reading,
    _rename_headers,
    _require,
)

WGI_INDICATORS: tuple[str, ...] = ("va", "pv", "ge", "rq", "rl", "cc")


def load_wgi(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read the World Bank's Worldwide Governance Indicators, long layout (2024 update on).

    Columns ``codeindyr, code, countryname, year, indicator, estimate, … pctrank …``; xlsx or
    CSV. For each of ``va pv ge rq rl cc``: ``wgi_<x>`` (the estimate, about −2.5 to 2.5) and
    ``wgi_<x>_pctrank`` (percentile rank 0–100). World Bank codes (KSV, ROM, ZAR, TMP, ADO,
    WBG …) become ISO3; entries with no ISO country (e.g. Channel Islands) are dropped.
    """
    path = Path(path)
    wanted = ("code", "year", "indicator", "estimate", "pctrank")
    with _reading(path, "WGI data file"):
        frame = _rename_headers(_wgi_table(path, wanted), wanted)
        _require(frame, wanted, path, "WGI long")
        iso3 = codes_to_iso3(frame["code"].astype("string").str.strip())
        _drop_unresolved(iso3, frame["code"], path)
        code = frame["indicator"].astype("string").str.strip().str.casefold()
        keep = code.isin(WGI_INDICATORS)
        label = edition or _wgi_edition(path)
        parts = [
            pd.DataFrame(
                {
                    "iso3": iso3[keep],
                    "year": frame.loc[keep, "year"],
                    "indicator": "wgi_" + code[keep] + suffix,
                    "value": _numbers(frame.loc[keep, column], path, column),
                    "source": "wgi",
                    "edition": label,
                }
            )
            for column, suffix in (("estimate", ""), ("pctrank", "_pctrank"))
        ]
        return _finish(pd.concat(parts, ignore_index=True))


def _wgi_table(path: Path, wanted: tuple[str, ...]) -> pd.DataFrame:
    if path.suffix.casefold() in (".csv", ".txt"):
        return _read_csv(path)
    with pd.ExcelFile(path, engine="openpyxl") as book:
        for sheet in book.sheet_names:
            header = {_header_key(c) for c in pd.read_excel(book, sheet_name=sheet, nrows=0)}
            if all(w in header for w in wanted):
                return pd.read_excel(book, sheet_name=sheet)
        return pd.read_excel(book, sheet_name=0)


def _wgi_edition(path: Path) -> str:
    found = re.search(r"(20\d\d)", path.stem)
    return f"WGI {found.group(1)} update" if found else "WGI"
