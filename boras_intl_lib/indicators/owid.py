"""Our World in Data grapher CSV (``Entity,Code,Year,<indicator>[,World region …]``).

OWID publishes V-Dem's indices under readable titles. The titles OWID uses for V-Dem v16 are
recognised (:data:`OWID_TITLES`); so are V-Dem's own short names. OWID's "Political regime"
is OWID's Regimes of the World coding built on V-Dem (``regime_row_owid``), close to but not
always equal to V-Dem's ``v2x_regime``, and is named for what it is. An unrecognised value
column needs an explicit ``indicator:`` in the parameters.

Rows left out are listed (:class:`~.base.Loaded`): aggregates and regions (no code, or
``OWID_WRL`` …), historical states and sub-national units (``OWID_USS``, ``OWID_ZAN``,
``OWID_SML``, "Palestine/Gaza") and rows without a value. "Palestine/West Bank", which OWID
publishes without a code, is V-Dem's unit ``PSE`` and is read as Palestine, as the V-Dem
loader reads ``PSE``.
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
    numeric_column,
    read_publisher_csv,
    reading,
    reasons,
    rename_headers,
    require_columns,
)
from .bundled import REGIME_OWID

#: OWID's titles of V-Dem indices → indicator names. A title is recognised only when it is one
#: of these exactly (ignoring case and a parenthesised note such as "(best estimate, aggregate:
#: average)"): a bare "Civil liberties" is also the title of OWID's EIU file (0–10), so it is
#: not taken for V-Dem's 0–1 index and needs ``source:`` and ``indicator:``.
OWID_TITLES: dict[str, str] = {
    "political regime": REGIME_OWID,
    "electoral democracy index": "v2x_polyarchy",
    "liberal democracy index": "v2x_libdem",
    "human rights index": "v2x_civlib",
    "civil liberties index": "v2x_civlib",
    "rule of law index": "v2x_rule",
    "freedom of expression index": "v2x_freexp_altinf",
}
#: OWID's short (snake-case) names of V-Dem columns, which carry ``vdem`` in the name, and
#: V-Dem's own names; checked in order, the first that matches the whole name wins.
OWID_SHORT_NAMES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"v2x_\w+"), ""),  # already a V-Dem name: kept as is
    (re.compile(r"regime_row_owid"), REGIME_OWID),
    (re.compile(r"libdem_vdem\w*"), "v2x_libdem"),
    (re.compile(r"(electdem|polyarchy)_vdem\w*"), "v2x_polyarchy"),
    (re.compile(r"(civ_?libs?|human_rights)_vdem\w*"), "v2x_civlib"),
    (re.compile(r"(freexp|freeexpr?)\w*_vdem\w*"), "v2x_freexp_altinf"),
    (re.compile(r"rule_of_law_vdem\w*"), "v2x_rule"),
)
#: Entities OWID publishes without a code that stand for a country.
OWID_ENTITIES: dict[str, str] = {"Palestine/West Bank": "PSE"}
#: Indicator names whose values come from V-Dem (source ``vdem`` unless told otherwise).
VDEM_NAMES = re.compile(rf"^(v2x_\w+|{REGIME_OWID})$")
_OWID_BOUNDS = re.compile(r"lower bound|upper bound|estimate_low|estimate_high|_low$|_high$")
_OWID_REGION = re.compile(r"^(world region|owid_region|continent)", re.IGNORECASE)


def read_owid(
    path: Path | str,
    indicator: str | None = None,
    *,
    source: str | None = None,
    edition: str | None = None,
) -> Loaded:
    """Read an OWID grapher CSV: the values used and the rows left out (see the module)."""
    path = Path(path)
    with reading(path, "owid"):
        frame = rename_headers(read_publisher_csv(path), ("Entity", "Code", "Year", "Day"))
        if "Day" in frame.columns and "Year" not in frame.columns:
            raise data_error(path, "owid_daily")
        require_columns(frame, ("Entity", "Code", "Year"), path, "owid")
        names = _owid_value_columns(frame, indicator, path)
        code = frame["Code"].astype("string").str.strip().replace("", pd.NA)
        by_name = frame["Entity"].astype("string").str.strip().map(OWID_ENTITIES)
        iso3 = codes_to_iso3(code).fillna(by_name.where(code.isna()).astype("string"))
        values = {column: numeric_column(frame[column], path, column) for column in names}
        no_value = pd.concat(values.values(), axis=1).isna().all(axis=1)
        why = reasons(
            [
                (code.isna() & iso3.isna(), "no_code"),
                (iso3.isna(), "not_a_country"),
                (no_value, "no_value"),
            ],
            frame.index,
        )
        parts = [
            pd.DataFrame(
                {
                    "iso3": iso3,
                    "year": frame["Year"],
                    "indicator": name,
                    "value": values[column],
                    "source": source or ("vdem" if VDEM_NAMES.match(name) else "owid"),
                    "edition": edition or f"OWID {path.stem}",
                }
            )
            for column, name in names.items()
        ]
        return Loaded(
            values=finish_long(pd.concat(parts, ignore_index=True)),
            dropped=dropped_rows(why, frame.index.to_series() + 2, frame["Entity"], frame["Year"]),
            rows_read=len(frame),
            columns={name: str(column) for column, name in names.items()},
        )


def load_owid(
    path: Path | str,
    indicator: str | None = None,
    *,
    source: str | None = None,
    edition: str | None = None,
) -> pd.DataFrame:
    """Read an Our World in Data grapher CSV into the long layout (see :func:`read_owid`).

    V-Dem columns (by OWID title or short name) become V-Dem names (``Human Rights Index``
    → ``v2x_civlib``); an explicit ``indicator`` names the one value column instead. Kosovo
    (``OWID_KOS``) becomes ``XKX``; bound columns and the region column are ignored.
    """
    return read_owid(path, indicator, source=source, edition=edition).values


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
        raise data_error(path, "owid_no_value_column")
    if indicator:
        if len(candidates) > 1:
            raise data_error(
                path, "owid_several", columns=", ".join(map(str, candidates)), indicator=indicator
            )
        return {candidates[0]: indicator}
    names = {c: owid_indicator_name(str(c)) for c in candidates}
    unknown = [c for c, n in names.items() if n is None]
    if unknown:
        raise data_error(path, "owid_ambiguous", column=unknown[0])
    return {c: n for c, n in names.items() if n}


def owid_indicator_name(column: str) -> str | None:
    """The indicator name for an OWID column title, or ``None`` if it is not recognised
    unambiguously (see :data:`OWID_TITLES`)."""
    text = column.strip().casefold()
    title = re.sub(r"\s*\(.*\)\s*$", "", text)
    if title in OWID_TITLES:
        return OWID_TITLES[title]
    for pattern, name in OWID_SHORT_NAMES:
        if pattern.fullmatch(text):
            return name or text
    return None
