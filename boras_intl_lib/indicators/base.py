"""What every indicator loader shares: the long layout, reading CSV, header matching and
errors that name the file.

Every loader returns one *long* table with the columns of :data:`COLUMNS`:
``iso3`` (ISO 3166 alpha-3, Kosovo ``XKX``), ``year`` (the year the value describes),
``indicator`` (e.g. ``v2x_civlib``, ``fh_f``, ``wgi_rl``), ``value`` (float, unrounded),
``source`` and ``edition``. A file that cannot be read, or whose layout is not the expected
one, raises :class:`~boras_intl_lib.errors.IndicatorDataError` naming the file.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from ..errors import IndicatorDataError

log = logging.getLogger("boras_intl")

COLUMNS: tuple[str, ...] = ("iso3", "year", "indicator", "value", "source", "edition")


def empty_indicators() -> pd.DataFrame:
    """An indicator table with no rows and the right columns and dtypes."""
    return _finish(pd.DataFrame({c: [] for c in COLUMNS}))


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns in order, canonical dtypes, rows without country, year or value dropped."""
    out = pd.DataFrame(
        {
            "iso3": frame["iso3"].astype("string"),
            "year": pd.to_numeric(frame["year"], errors="coerce"),
            "indicator": frame["indicator"].astype("string"),
            "value": pd.to_numeric(frame["value"], errors="coerce").astype("float64"),
            "source": frame["source"].astype("string"),
            "edition": frame["edition"].astype("string"),
        }
    )
    keep = out["iso3"].notna() & out["year"].notna() & out["value"].notna()
    out = out[keep].astype({"year": "int64"})
    return out.reset_index(drop=True)


@contextmanager
def _reading(path: Path, what: str) -> Iterator[None]:
    """Turn the ways reading a file fails into one IndicatorDataError naming the file."""
    try:
        yield
    except IndicatorDataError:
        raise
    except FileNotFoundError:
        raise IndicatorDataError(path, "file not found") from None
    except IsADirectoryError:
        raise IndicatorDataError(path, "is a folder, not a file") from None
    except (OSError, zipfile.BadZipFile) as exc:
        raise IndicatorDataError(path, f"cannot be read as {what} ({exc})") from None
    except (ValueError, KeyError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise IndicatorDataError(path, f"not a readable {what} ({exc})") from None
    except Exception as exc:
        if type(exc).__module__.startswith("openpyxl"):  # e.g. InvalidFileException
            raise IndicatorDataError(path, f"not a readable {what} ({exc})") from None
        raise


def _read_csv(path: Path, **kwargs: object) -> pd.DataFrame:
    """Read a CSV: UTF-8 (with or without BOM) or Windows-1252, ``,`` or ``;`` separated."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head.strip():
        raise IndicatorDataError(path, "the file is empty")
    encoding = "utf-8-sig"
    try:
        first_line = head.decode(encoding).splitlines()[0]
    except UnicodeDecodeError:
        encoding = "cp1252"
        first_line = head.decode(encoding).splitlines()[0]
    options: dict[str, object] = {"encoding": encoding, "low_memory": False}
    if first_line.count(";") > first_line.count(","):
        options |= {"sep": ";", "decimal": ","}
    try:
        return pd.read_csv(path, **(options | kwargs))
    except UnicodeDecodeError:
        return pd.read_csv(path, **(options | kwargs | {"encoding": "cp1252"}))


def _header_key(name: object) -> str:
    return re.sub(r"[\s_\-]+", " ", str(name)).strip().casefold()


def _rename_headers(frame: pd.DataFrame, wanted: tuple[str, ...]) -> pd.DataFrame:
    """Rename columns matching ``wanted`` (ignoring case, spaces, ``_``/``-``) to those names."""
    keys = {_header_key(w): w for w in wanted}
    return frame.rename(columns={c: keys[_header_key(c)] for c in frame if _header_key(c) in keys})


def _require(frame: pd.DataFrame, columns: tuple[str, ...], path: Path, layout: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise IndicatorDataError(
            path, f"not the {layout} layout: missing column(s) {', '.join(missing)}"
        )


def _drop_unresolved(iso3: pd.Series, labels: pd.Series, path: Path) -> None:
    """Log the distinct entries that were dropped because no country could be found."""
    lost = sorted({str(v) for v in labels[iso3.isna() & labels.notna()].unique()})
    if lost:
        shown = ", ".join(lost[:12]) + (" …" if len(lost) > 12 else "")
        log.info("%s: %d entr(y/ies) without an ISO country dropped: %s", path, len(lost), shown)


def _version_from_name(path: Path, prefix: str) -> str | None:
    """``V-Dem-CY-Core-v15.csv`` → ``"V-Dem v15"`` (``prefix`` + the version found)."""
    found = re.search(r"v(\d{1,2})(?:\.\d+)?(?!\d)", path.stem, flags=re.IGNORECASE)
    return f"{prefix} v{found.group(1)}" if found else None


def _numbers(column: pd.Series, path: Path, name: object) -> pd.Series:
    """A numeric column; empty cells and publishers' ``..`` become NaN, other text is an error."""
    values = pd.to_numeric(column, errors="coerce")
    text = column.astype("string").str.strip()
    bad = values.isna() & text.notna() & ~text.isin(["", "..", "NA", "n/a", "#N/A", "-", "—"])
    if bad.any():
        raise IndicatorDataError(
            path, f"column '{name}' holds text that is not a number: {text[bad].iloc[0]!r}"
        )
    return values
