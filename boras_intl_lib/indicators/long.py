"""The toolkit's plain long CSV ``iso3, year, indicator, value, source[, edition]``.

For any other publisher: one row per country, year and indicator. UTF-8 or Windows-1252,
``,`` or ``;`` separated (decimal comma then), as Excel writes it with Swedish settings.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..countries import to_iso3
from .base import (
    COLUMNS,
    Loaded,
    dropped_rows,
    finish_long,
    numeric_column,
    read_publisher_csv,
    reading,
    reasons,
    rename_headers,
    require_columns,
)


def read_long(path: Path | str, *, source: str | None = None, edition: str | None = None) -> Loaded:
    """Read a plain long CSV: the values used and the rows left out.

    ``iso3`` may also hold a country name or another code (resolved as partners' countries are);
    ``source``/``edition`` fill the columns when the file has none.
    """
    path = Path(path)
    with reading(path, "long"):
        frame = rename_headers(read_publisher_csv(path, dtype=str, keep_default_na=False), COLUMNS)
        required = ("iso3", "year", "indicator", "value") + (() if source else ("source",))
        require_columns(frame, required, path, "long")
        iso3 = to_iso3(frame["iso3"].str.strip())
        values = numeric_column(
            frame["value"].str.strip().str.replace(",", ".", regex=False), path, "value"
        )
        why = reasons([(iso3.isna(), "unknown_name"), (values.isna(), "no_value")], frame.index)
        out = pd.DataFrame(
            {
                "iso3": iso3,
                "year": numeric_column(frame["year"], path, "year"),
                "indicator": frame["indicator"].str.strip(),
                "value": values,
                "source": frame["source"].str.strip() if "source" in frame else source,
                "edition": frame["edition"].str.strip() if "edition" in frame else edition or "",
            }
        )
        return Loaded(
            values=finish_long(out),
            dropped=dropped_rows(why, frame.index.to_series() + 2, frame["iso3"], frame["year"]),
            rows_read=len(frame),
        )


def load_long(
    path: Path | str, *, source: str | None = None, edition: str | None = None
) -> pd.DataFrame:
    """Read a plain long CSV into the long layout (see :func:`read_long`)."""
    return read_long(path, source=source, edition=edition).values
