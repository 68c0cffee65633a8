"""V-Dem Country-Year CSV (Core or Full), as downloaded from v-dem.net."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..countries import codes_to_iso3
from .base import (
    Loaded,
    data_error,
    dropped_rows,
    finish_long,
    read_publisher_csv,
    reading,
    reasons,
    require_columns,
    version_from_name,
)

#: The V-Dem indices the toolkit reads (``v2x_regime`` is V-Dem's own Regimes of the World).
VDEM_INDICES: tuple[str, ...] = (
    "v2x_regime",
    "v2x_polyarchy",
    "v2x_libdem",
    "v2x_civlib",
    "v2x_rule",
    "v2x_freexp_altinf",
)


def read_vdem(path: Path | str, *, edition: str | None = None) -> Loaded:
    """Read a V-Dem Country-Year CSV: the indices used and the rows left out.

    ``country_text_id`` is ISO3 for most countries and ``XKX`` for Kosovo; V-Dem's own codes
    for units that are not ISO countries (``PSG`` Gaza, ``SML`` Somaliland, ``ZZB`` Zanzibar,
    historical states) are left out so they never stand in for a country. ``PSE`` (West Bank,
    the Palestinian Authority) stays ``PSE``.
    """
    path = Path(path)
    with reading(path, "vdem"):
        header = read_publisher_csv(path, nrows=0).columns
        require_columns(pd.DataFrame(columns=header), ("country_text_id", "year"), path, "vdem")
        indices = [c for c in VDEM_INDICES if c in header]
        if not indices:
            raise data_error(path, "vdem_no_index", names=", ".join(VDEM_INDICES))
        names = ["country_name"] if "country_name" in header else []
        frame = read_publisher_csv(
            path,
            usecols=["country_text_id", "year", *names, *indices],
            dtype={"country_text_id": str},
        )
        iso3 = codes_to_iso3(frame["country_text_id"])
        why = reasons(
            [(iso3.isna(), "not_a_country"), (frame[indices].isna().all(axis=1), "no_value")],
            frame.index,
        )
        entity = frame["country_name"] if names else frame["country_text_id"]
        long = frame.assign(iso3=iso3).melt(
            id_vars=["iso3", "year"], value_vars=indices, var_name="indicator"
        )
        long["source"] = "vdem"
        long["edition"] = edition or version_from_name(path, "V-Dem") or "V-Dem"
        return Loaded(
            values=finish_long(long),
            dropped=dropped_rows(why, frame.index.to_series() + 2, entity, frame["year"]),
            rows_read=len(frame),
        )


def load_vdem(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read a V-Dem Country-Year CSV into the long layout (see :func:`read_vdem`)."""
    return read_vdem(path, edition=edition).values
