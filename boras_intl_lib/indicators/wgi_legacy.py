"""The World Bank's Worldwide Governance Indicators workbook before the 2024 update.

``wgidataset.xlsx`` up to the 2023 release: one sheet per dimension ("VoiceandAccountability",
"Political StabilityNoViolence", "GovernmentEffectiveness", "RegulatoryQuality",
"RuleofLaw", "ControlofCorruption"), each with notes at the top and then two header rows:
the year above each block of ``Estimate, StdErr, NumSrc, Rank, Lower, Upper``, then
``Country/Territory, Code`` and the block headers. Missing values are ``#N/A``.

Read as the 2024 layout is (:mod:`.wgi`): ``wgi_<x>`` (the estimate) and ``wgi_<x>_pctrank``
(``Rank``, the percentile rank 0–100) for each dimension; World Bank codes become ISO3
(``KSV`` Kosovo, ``ROM`` Romania, ``ZAR`` DR Congo …). The sheet names and header rows are
the evidence: a workbook without them is not this layout.
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

#: Sheet name (letters only, lower case) → WGI dimension code.
WGI_SHEETS: dict[str, str] = {
    "voiceandaccountability": "va",
    "politicalstabilitynoviolence": "pv",
    "governmenteffectiveness": "ge",
    "regulatoryquality": "rq",
    "ruleoflaw": "rl",
    "controlofcorruption": "cc",
}


def legacy_sheets(sheet_names: list[str]) -> dict[str, str]:
    """The sheets of a pre-2024 WGI workbook among ``sheet_names``: sheet → dimension."""
    found = {s: WGI_SHEETS.get(re.sub(r"[^a-z]", "", s.casefold())) for s in sheet_names}
    return {s: code for s, code in found.items() if code}


def read_wgi_legacy(path: Path | str, *, edition: str | None = None) -> Loaded:
    """Read a pre-2024 WGI workbook: estimates and percentile ranks of every dimension."""
    path = Path(path)
    with reading(path, "wgi_legacy"):
        with open_workbook(path) as book:
            sheets = legacy_sheets(book.sheet_names)
            if not sheets:
                raise data_error(path, "wgi_legacy_no_sheet", sheets=", ".join(book.sheet_names))
            raw = {s: pd.read_excel(book, sheet_name=s, header=None, dtype=object) for s in sheets}
        label = edition or _edition(path)
        values, dropped, rows_read = [], [], 0
        for sheet, code in sheets.items():
            long, left_out, n = _sheet_values(raw[sheet], code, path, sheet)
            values.append(long.assign(edition=label))
            dropped.append(left_out)
            rows_read += n
        return Loaded(
            values=finish_long(pd.concat(values, ignore_index=True)),
            dropped=pd.concat(dropped, ignore_index=True),
            rows_read=rows_read,
        )


def load_wgi_legacy(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read a pre-2024 WGI workbook into the long layout (see :func:`read_wgi_legacy`)."""
    return read_wgi_legacy(path, edition=edition).values


def _sheet_values(
    raw: pd.DataFrame, code: str, path: Path, sheet: str
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """One dimension's sheet: its values (long, without edition), rows left out, rows read."""
    header = _header_row(raw, path, sheet)
    heads = [header_key(v) for v in raw.iloc[header]]
    years = pd.to_numeric(raw.iloc[header - 1], errors="coerce").ffill()
    body = raw.iloc[header + 1 :]
    body = body[body.notna().any(axis=1)]
    name = body.iloc[:, heads.index("country/territory")].astype("string").str.strip()
    iso3 = codes_to_iso3(body.iloc[:, heads.index("code")].astype("string").str.strip())
    parts, any_value = [], pd.Series(False, index=body.index)
    for col, head in enumerate(heads):
        if head not in ("estimate", "rank") or pd.isna(years.iloc[col]):
            continue
        number = numeric_column(body.iloc[:, col], path, f"{sheet}: {raw.iat[header, col]}")
        any_value |= number.notna()
        suffix = "" if head == "estimate" else "_pctrank"
        parts.append(
            pd.DataFrame(
                {
                    "iso3": iso3,
                    "year": int(years.iloc[col]),
                    "indicator": f"wgi_{code}{suffix}",
                    "value": number,
                    "source": "wgi",
                }
            )
        )
    if not parts:
        raise data_error(path, "wgi_legacy_no_header", sheet=sheet)
    why = reasons([(iso3.isna(), "not_a_country"), (~any_value, "no_value")], body.index)
    rows = body.index.to_series() + 1  # Excel rows: the raw frame starts at row 1
    left_out = dropped_rows(why, rows, name, pd.Series(pd.NA, index=body.index))
    return pd.concat(parts, ignore_index=True), left_out, len(body)


def _header_row(raw: pd.DataFrame, path: Path, sheet: str) -> int:
    """The row with ``Country/Territory``, ``Code`` and ``Estimate`` (the years are above)."""
    for i in range(1, min(len(raw), 30)):
        cells = {header_key(v) for v in raw.iloc[i]}
        if {"country/territory", "code", "estimate"} <= cells:
            return i
    raise data_error(path, "wgi_legacy_no_header", sheet=sheet)


def _edition(path: Path) -> str:
    found = re.search(r"(20\d\d)", path.stem)
    return f"WGI {found.group(1)} update" if found else "WGI (before 2024)"
