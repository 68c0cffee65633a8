"""Safe output: neutralised spreadsheet formulas and atomic file writes.

Register text is typed by people and ends up in files opened in Excel. A cell whose text
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may be run as a formula
("CSV injection"); :func:`neutralise_formula` puts an apostrophe in front of such text so
Excel shows it as text. Numbers are never touched. :func:`atomic_write` makes sure a reader
never sees a half-written file: it writes a temporary file in the same folder and moves it
into place with ``os.replace``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(series: pd.Series) -> pd.Series:
    """Text that a spreadsheet would run as a formula, prefixed with ``'``; all else as is.

    Only text cells change: numbers, booleans, dates, tuples and missing values keep their
    value, and a numeric column is returned unchanged. Each distinct value is checked once
    (register columns repeat a lot), in one vectorised call.
    """
    if not is_text_column(series):
        return series
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    codes, uniques = pd.factorize(series.to_numpy(dtype=object))
    risky_unique = _formula_mask(pd.Series(uniques, dtype=object))
    if not risky_unique.any():
        return series
    risky = np.zeros(len(series), dtype=bool)
    valid = codes >= 0
    risky[valid] = risky_unique[codes[valid]]
    out = series.copy()
    out[risky] = "'" + series[risky].astype(str)
    return out


def _formula_mask(values: pd.Series) -> np.ndarray:
    """True where the value is text starting with a formula character."""
    is_text = values.map(type).eq(str).to_numpy()
    starts = np.zeros(len(values), dtype=bool)
    if is_text.any():
        text = values[is_text].astype(str)
        starts[is_text] = text.str.startswith(FORMULA_PREFIXES).to_numpy(dtype=bool)
    return starts


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with :func:`neutralise_formula` applied to every text column."""
    out = frame.copy()
    for column in out.columns:
        if is_text_column(out[column]):
            out[column] = neutralise_formula(out[column])
    return out


def is_text_column(series: pd.Series) -> bool:
    """True for text-like columns (string, object or categorical of text)."""
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return not pd.api.types.is_numeric_dtype(dtype.categories.dtype)
    return pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype)


@contextlib.contextmanager
def atomic_write(path: Path | str, mode: str = "w", **open_kwargs: Any) -> Iterator:
    """Open a temporary file beside ``path``; on success move it into place atomically.

    On an error the temporary file is removed and ``path`` is left as it was. The new file
    gets the permissions of the file it replaces, or ``0o644``.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, **open_kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def replace_together(paths: Sequence[Path | str]) -> Iterator[list[Path]]:
    """Temporary files beside each of ``paths``, moved into place together when the block ends.

    Every file is written and flushed before any is replaced, so a failure while writing (a
    full disk) leaves the previous set of files as it was — never new ``scores.csv`` beside
    old ``partners.csv``. On an error every temporary file is removed. Each replacement keeps
    the permissions of the file it replaces (or ``0o644``).
    """
    finals = [Path(p) for p in paths]
    temps: list[Path] = []
    try:
        for final in finals:
            fd, name = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".tmp")
            os.close(fd)
            temps.append(Path(name))
        yield temps
        for temp in temps:
            with open(temp, "rb+") as handle:
                os.fsync(handle.fileno())
        for temp, final in zip(temps, finals, strict=True):
            os.chmod(temp, final.stat().st_mode & 0o777 if final.exists() else 0o644)
        for temp, final in zip(temps, finals, strict=True):
            os.replace(temp, final)
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)
