"""A wide CSV: ``iso3, year`` and one column per indicator — the bundled data's layout.

Any column after ``iso3`` and ``year`` is an indicator named by its header (``v2x_civlib``,
``regime_row_owid`` …); ``source`` and ``edition`` are given by the caller (the parameters'
``source:``/``edition:``), since the file holds none. ``iso3`` may also hold a country name or
another code, resolved as partners' countries are.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..countries import to_iso3
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


def read_wide(path: Path | str, *, source: str | None = None, edition: str | None = None) -> Loaded:
    """Read a wide CSV: the values used and the rows left out."""
    path = Path(path)
    with reading(path, "wide"):
        frame = rename_headers(
            read_publisher_csv(path, dtype=str, keep_default_na=False), ("iso3", "year")
        )
        require_columns(frame, ("iso3", "year"), path, "wide")
        names = [c for c in frame.columns if c not in ("iso3", "year")]
        if not names:
            raise data_error(path, "wide_no_indicator")
        if not source:
            raise data_error(path, "wide_no_source")
        iso3 = to_iso3(frame["iso3"].str.strip())
        values = {
            name: numeric_column(
                frame[name].str.strip().str.replace(",", ".", regex=False), path, name
            )
            for name in names
        }
        no_value = pd.concat(values.values(), axis=1).isna().all(axis=1)
        why = reasons([(iso3.isna(), "unknown_name"), (no_value, "no_value")], frame.index)
        year = numeric_column(frame["year"], path, "year")
        long = pd.concat(
            [
                pd.DataFrame(
                    {
                        "iso3": iso3,
                        "year": year,
                        "indicator": name,
                        "value": column,
                        "source": source,
                        "edition": edition or "",
                    }
                )
                for name, column in values.items()
            ],
            ignore_index=True,
        )
        return Loaded(
            values=finish_long(long),
            dropped=dropped_rows(why, frame.index.to_series() + 2, frame["iso3"], frame["year"]),
            rows_read=len(frame),
        )
