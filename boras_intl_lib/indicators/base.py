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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import IndicatorDataError, Problem, reason_of
from ..i18n.labels import label, log_label

log = logging.getLogger("boras_intl")

COLUMNS: tuple[str, ...] = ("iso3", "year", "indicator", "value", "source", "edition")
DROPPED_COLUMNS: tuple[str, ...] = ("row", "entity", "year", "reason")
#: Why a publisher row is left out (labels ``indicators.drop.<reason>`` explain each).
DROP_REASONS: tuple[str, ...] = (
    "no_code",  # no country code: an aggregate or region
    "not_a_country",  # a code that is no ISO country (historical state, sub-national unit)
    "territory",  # Freedom House territory (C/T = t)
    "unknown_name",  # a country name the toolkit does not know
    "other_indicator",  # an indicator code the loader does not use
    "no_value",  # no value in any indicator column
    "no_year",  # a year (or edition) that names no year
)


@dataclass(frozen=True)
class Loaded:
    """What a loader read: the values used and every publisher row it left out."""

    values: pd.DataFrame  # the long table (:data:`COLUMNS`)
    dropped: pd.DataFrame  # :data:`DROPPED_COLUMNS`, one row per publisher row left out
    rows_read: int  # data rows in the file (header not counted)
    #: indicator → the publisher's column it was read from, where they differ (for messages)
    columns: Mapping[str, str] = field(default_factory=dict)


def empty_indicators() -> pd.DataFrame:
    """An indicator table with no rows and the right columns and dtypes."""
    return finish_long(pd.DataFrame({c: [] for c in COLUMNS}))


def finish_long(frame: pd.DataFrame) -> pd.DataFrame:
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


def data_error(path: Path, key: str, **values: object) -> IndicatorDataError:
    """An :class:`IndicatorDataError` in both languages, from the label
    ``indicators.data.<key>`` (``what``/``layout`` values are layout keys, put in words)."""
    words = {}
    for lang in ("en", "sv"):
        filled = {
            k: label(f"indicators.what.{v}", lang)
            if k in ("what", "layout")
            else v.words(lang)  # a reason in words (errors.reason_of)
            if isinstance(v, Problem)
            else v
            for k, v in values.items()
        }
        words[lang] = label(f"indicators.data.{key}", lang, **filled)
    return IndicatorDataError(path, words["en"], words["sv"])


@contextmanager
def reading(path: Path, what: str) -> Iterator[None]:
    """Turn the ways reading a file fails into one IndicatorDataError naming the file;
    ``what`` is the layout's key (``owid``, ``freedom_house`` …)."""
    try:
        yield
    except IndicatorDataError:
        raise
    except FileNotFoundError:
        raise data_error(path, "not_found") from None
    except IsADirectoryError:
        raise data_error(path, "folder") from None
    except (OSError, zipfile.BadZipFile) as exc:  # the reason in the labels table's words
        raise data_error(path, "cannot_read", what=what, detail=reason_of(exc)) from None
    except (ValueError, KeyError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise data_error(path, "not_readable", what=what, detail=reason_of(exc)) from None
    except Exception as exc:
        if type(exc).__module__.startswith("openpyxl"):  # e.g. InvalidFileException
            raise data_error(path, "not_readable", what=what, detail=reason_of(exc)) from None
        raise


def read_publisher_csv(path: Path, **kwargs: object) -> pd.DataFrame:
    """Read a CSV: UTF-8 (with or without BOM) or Windows-1252, ``,`` or ``;`` separated."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head.strip():
        raise data_error(path, "empty")
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


def header_key(name: object) -> str:
    """A column header as compared: case, spaces, ``_`` and ``-`` ignored."""
    return re.sub(r"[\s_\-]+", " ", str(name)).strip().casefold()


def rename_headers(frame: pd.DataFrame, wanted: tuple[str, ...]) -> pd.DataFrame:
    """Rename columns matching ``wanted`` (ignoring case, spaces, ``_``/``-``) to those names."""
    keys = {header_key(w): w for w in wanted}
    return frame.rename(columns={c: keys[header_key(c)] for c in frame if header_key(c) in keys})


def require_columns(frame: pd.DataFrame, columns: tuple[str, ...], path: Path, layout: str) -> None:
    """Raise an error naming the file and every column of ``columns`` the frame lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise data_error(
            path, "missing_columns", layout=layout, columns=", ".join(missing), n=len(missing)
        )


def dropped_rows(
    reason: pd.Series, rows: pd.Series, entity: pd.Series, year: pd.Series
) -> pd.DataFrame:
    """The publisher rows left out: one row each where ``reason`` is set.

    ``rows`` are the row numbers as the user sees them (a CSV line or an Excel row, header =
    row 1); ``reason`` is one of :data:`DROP_REASONS`.
    """
    keep = reason.notna().to_numpy()
    return pd.DataFrame(
        {
            "row": pd.array(rows.to_numpy()[keep], dtype="Int64"),
            "entity": pd.array(entity.astype("string").to_numpy()[keep], dtype="string"),
            "year": pd.array(pd.to_numeric(year, errors="coerce").to_numpy()[keep], dtype="Int64"),
            "reason": pd.array(reason.to_numpy()[keep], dtype="string"),
        }
    )


def reasons(conditions: list[tuple[pd.Series | np.ndarray, str]], index: pd.Index) -> pd.Series:
    """Per row the first reason whose condition holds (``<NA>`` = the row is used)."""
    masks = [np.asarray(mask, dtype=bool) for mask, _ in conditions]
    chosen = np.select(masks, [name for _, name in conditions], default="")
    return pd.Series(chosen, index=index, dtype="string").replace("", pd.NA)


def log_dropped(path: Path, dropped: pd.DataFrame) -> None:
    """One progress line naming how many publisher rows were left out, and why."""
    if len(dropped):
        counts = dropped["reason"].value_counts().sort_index()
        why = ", ".join(f"{reason} {n}" for reason, n in counts.items())
        log.info(log_label("log.rows_left_out", path=path, n=len(dropped), why=why))


def open_workbook(path: Path) -> pd.ExcelFile:
    """A workbook read with calamine (fast); openpyxl only if calamine cannot open it."""
    try:
        return pd.ExcelFile(path, engine="calamine")
    except (FileNotFoundError, IsADirectoryError):
        raise
    except Exception:
        return pd.ExcelFile(path, engine="openpyxl")


def version_from_name(path: Path, prefix: str) -> str | None:
    """``V-Dem-CY-Core-v15.csv`` → ``"V-Dem v15"`` (``prefix`` + the version found)."""
    found = re.search(r"v(\d{1,2})(?:\.\d+)?(?!\d)", path.stem, flags=re.IGNORECASE)
    return f"{prefix} v{found.group(1)}" if found else None


def numeric_column(column: pd.Series, path: Path, name: object) -> pd.Series:
    """A numeric column; empty cells and publishers' ``..`` become NaN, other text is an error."""
    values = pd.to_numeric(column, errors="coerce")
    text = column.astype("string").str.strip()
    bad = values.isna() & text.notna() & ~text.isin(["", "..", "NA", "n/a", "#N/A", "-", "—"])
    if bad.any():
        raise data_error(path, "not_a_number", column=name, value=repr(text[bad].iloc[0]))
    return values
