"""Safe output: neutralised spreadsheet formulas.

Register text is typed by people and ends up in files opened in Excel. A cell whose text
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may be run as a formula
("CSV injection"); :func:`neutralised` — the one formula guard — puts an apostrophe in front
of such text so Excel shows it as text. Every output a person opens in a spreadsheet goes
through it: the CSV writer (:mod:`.csv_text`, one distinct value at a time), the report
workbook and the correction list (:func:`neutralise_frame` / :func:`neutralise_formula`) and
the template's lists. Numbers are never touched. Files are written by :mod:`.atomic`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """``text`` as a spreadsheet shows it as text: with ``'`` in front when it starts like a
    formula, else unchanged."""
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


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
    out[risky] = series[risky].astype(str).map(neutralised)
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
