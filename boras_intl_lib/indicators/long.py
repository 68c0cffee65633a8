"""The toolkit's plain long CSV ``iso3, year, indicator, value, source[, edition]``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..countries import to_iso3
from .base import (
    COLUMNS,
    _drop_unresolved,
    _finish,
    _numbers,
    _read_csv,
    _reading,
    _rename_headers,
    _require,
)


def load_long(
    path: Path | str, *, source: str | None = None, edition: str | None = None
) -> pd.DataFrame:
    """Read a plain long CSV ``iso3, year, indicator, value, source[, edition]``.

    ``iso3`` may also hold a country name or another code (resolved as partners' countries are);
    ``source``/``edition`` fill the columns when the file has none.
    """
    path = Path(path)
    with _reading(path, "long indicator CSV"):
        frame = _rename_headers(_read_csv(path, dtype=str, keep_default_na=False), COLUMNS)
        required = ("iso3", "year", "indicator", "value") + (() if source else ("source",))
        _require(frame, required, path, "long (iso3, year, indicator, value, source)")
        iso3 = to_iso3(frame["iso3"].str.strip())
        _drop_unresolved(iso3, frame["iso3"], path)
        values = frame["value"].str.strip().str.replace(",", ".", regex=False)
        out = pd.DataFrame(
            {
                "iso3": iso3,
                "year": _numbers(frame["year"], path, "year"),
                "indicator": frame["indicator"].str.strip(),
                "value": _numbers(values, path, "value"),
                "source": frame["source"].str.strip() if "source" in frame else source,
                "edition": frame["edition"].str.strip() if "edition" in frame else edition or "",
            }
        )
        return _finish(out)
