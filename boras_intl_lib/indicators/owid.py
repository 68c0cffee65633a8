"""Our World in Data grapher CSV (``Entity,Code,Year,<indicator>``)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..countries import codes_to_iso3
from ..errors import IndicatorDataError
from .base import (
    _drop_unresolved,
    _finish,
    _numbers,
    _read_csv,
    _reading,
    _rename_headers,
    _require,
)

# OWID column titles and short names of V-Dem indicators → V-Dem variable names.
_OWID_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"v2x_\w+"), ""),  # already a V-Dem name: kept as is
    (re.compile(r"liberal democracy|libdem"), "v2x_libdem"),
    (re.compile(r"electoral democracy|electdem|polyarchy"), "v2x_polyarchy"),
    (re.compile(r"civil liberties|civ_?libs?"), "v2x_civlib"),
    (re.compile(r"rule of law|rule_of_law"), "v2x_rule"),
    (re.compile(r"regime"), "v2x_regime"),
)
_OWID_BOUNDS = re.compile(r"lower bound|upper bound|estimate_low|estimate_high|_low$|_high$")
_OWID_REGION = re.compile(r"^(world region|owid_region|continent)", re.IGNORECASE)


def load_owid(
    path: Path | str,
    indicator: str | None = None,
    *,
    source: str | None = None,
    edition: str | None = None,
) -> pd.DataFrame:
    """Read an Our World in Data grapher CSV (``Entity,Code,Year,<indicator>``).

    V-Dem columns (by OWID title or short name) become V-Dem names (``Civil liberties index``
    → ``v2x_civlib``); an explicit ``indicator`` names the one value column instead. Kosovo
    (``OWID_KOS``) becomes ``XKX``; aggregates (empty code, ``OWID_WRL`` …) and empty values
    are dropped. Bound columns (lower/upper bound) and the region column are ignored.
    """
    path = Path(path)
    with _reading(path, "OWID grapher CSV"):
        frame = _rename_headers(_read_csv(path), ("Entity", "Code", "Year", "Day"))
        if "Day" in frame.columns and "Year" not in frame.columns:
            raise IndicatorDataError(path, "daily data (a 'Day' column) is not supported")
        _require(frame, ("Entity", "Code", "Year"), path, "OWID grapher CSV")
        names = _owid_value_columns(frame, indicator, path)
        iso3 = codes_to_iso3(frame["Code"])
        _drop_unresolved(iso3, frame["Code"], path)
        parts = []
        for column, name in names.items():
            parts.append(
                pd.DataFrame(
                    {
                        "iso3": iso3,
                        "year": frame["Year"],
                        "indicator": name,
                        "value": _numbers(frame[column], path, column),
                        "source": source or ("vdem" if name.startswith("v2x_") else "owid"),
                        "edition": edition or f"OWID {path.stem}",
                    }
                )
            )
        return _finish(pd.concat(parts, ignore_index=True))


def _owid_value_columns(frame: pd.DataFrame, indicator: str | None, path: Path) -> dict[str, str]:
    """Value column → indicator name, for an OWID grapher CSV."""
    candidates = [
        c
        for c in frame.columns
        if c not in ("Entity", "Code", "Year")
        and not _OWID_REGION.match(str(c))
        and not _OWID_BOUNDS.search(str(c).casefold())
    ]
    if not candidates:
        raise IndicatorDataError(path, "no value column after Entity, Code, Year")
    if indicator:
        if len(candidates) > 1:
            raise IndicatorDataError(
                path,
                f"several value columns ({', '.join(candidates)}); cannot name them all"
                f" '{indicator}'",
            )
        return {candidates[0]: indicator}
    names = {c: _owid_indicator_name(str(c)) for c in candidates}
    unknown = [c for c, n in names.items() if n is None]
    if unknown:
        raise IndicatorDataError(
            path,
            f"cannot tell which indicator column '{unknown[0]}' holds; name it with"
            " 'indicator:' in the parameters file",
        )
    return {c: n for c, n in names.items() if n}


def _owid_indicator_name(column: str) -> str | None:
    text = column.strip().casefold()
    for pattern, name in _OWID_PATTERNS:
        found = pattern.search(text)
        if found:
            return name or found.group(0)
    return None
