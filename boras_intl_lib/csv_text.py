"""CSV text of a table, each distinct value formatted once.

``score`` writes hundreds of thousands of rows whose columns repeat a few values (years,
verdicts, administrations, bases): ``DataFrame.to_csv`` formats every cell, this formats every
*distinct* value of a column once — neutralised against spreadsheet formulas and quoted —
then indexes the formatted values and joins each row with C-level ``str.join``.

The text equals ``neutralise_frame(frame).to_csv(index=False, lineterminator="\\n")`` for the
column types the toolkit writes (text, integers, floats, booleans, categoricals, missing
values); a test holds the two side by side. One deliberate difference: a field holding a
carriage return is quoted (pandas, through Python 3.11's csv module, leaves it bare, which
splits the row for most readers).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .safety import FORMULA_PREFIXES, neutralise_frame

_NEEDS_QUOTES = (",", '"', "\n", "\r")
_SEP = "\x1f"  # joins the cells of a column for one scan; a cell holding it only costs speed
_QUOTE_PATTERN = '[,"\n\r]'


def csv_text(frame: pd.DataFrame) -> str:
    """The CSV text of ``frame``: header, ``,`` separator, ``\\n`` line ends, no index."""
    if any(_is_temporal(frame.iloc[:, i]) for i in range(frame.shape[1])):
        return neutralise_frame(frame).to_csv(index=False, lineterminator="\n")
    columns = [_formatted(frame.iloc[:, i]) for i in range(frame.shape[1])]
    header = ",".join(_field(str(name)) for name in frame.columns)
    if not columns:
        return header + "\n" + "\n" * len(frame)
    body = map(",".join, zip(*columns, strict=True))
    return "\n".join([header, *body]) + "\n"


def _is_temporal(series: pd.Series) -> bool:
    """Dates and times, which pandas formats its own way: left to pandas."""
    kind = getattr(series.dtype, "kind", "O")
    return kind in "mM" or isinstance(series.dtype, pd.DatetimeTZDtype | pd.PeriodDtype)


def _formatted(series: pd.Series) -> list[str]:
    """Each cell of ``series`` as CSV field text (formatted once per distinct value)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy()
        uniques = series.cat.categories.to_numpy(dtype=object)
        return _indexed(codes, uniques)
    values = series.to_numpy(dtype=object)
    plain = _plain_text(values)
    if plain is not None:
        return plain
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return _indexed(codes, uniques)


def _plain_text(values: np.ndarray) -> list[str] | None:
    """The cells as they are when every one is text needing neither quotes nor a formula
    guard (ids, names: most columns), found with one scan of the joined text; else None."""
    missing = pd.isna(values)
    present = values[~missing]
    if not len(present) or set(map(type, present)) != {str}:
        return None
    joined = _SEP.join(present)
    if any(ch in joined for ch in _NEEDS_QUOTES) or joined.startswith(FORMULA_PREFIXES):
        return None
    if any(_SEP + prefix in joined for prefix in FORMULA_PREFIXES):
        return None
    out = values.copy()
    out[missing] = ""
    return out.tolist()


def _indexed(codes: np.ndarray, uniques: np.ndarray) -> list[str]:
    """Format each distinct value once, then pick by code (−1: missing, an empty field)."""
    text = np.empty(len(uniques) + 1, dtype=object)
    text[-1] = ""  # code −1 (missing) picks the empty field
    is_text = np.fromiter(map(isinstance, uniques, [str] * len(uniques)), bool, len(uniques))
    if is_text.any():
        text[:-1][is_text] = _text_fields(pd.Series(uniques[is_text], dtype=object))
    if not is_text.all():
        text[:-1][~is_text] = _other_fields(uniques[~is_text])
    return text[codes].tolist()


def _text_fields(values: pd.Series) -> np.ndarray:
    """Text values neutralised against formulas and quoted where needed, vectorised."""
    risky = values.str.startswith(FORMULA_PREFIXES).to_numpy(dtype=bool)
    if risky.any():
        values = values.where(~risky, "'" + values)
    quote = values.str.contains(_QUOTE_PATTERN, regex=True).to_numpy(dtype=bool)
    if quote.any():
        values = values.where(~quote, '"' + values.str.replace('"', '""', regex=False) + '"')
    return values.to_numpy(dtype=object)


def _other_fields(values: np.ndarray) -> np.ndarray | list[str]:
    """Numbers in one vectorised call when they are all of one kind; else value by value."""
    kinds = set(map(type, values))
    if kinds <= {int, np.int64, np.int32}:
        return np.asarray(values, dtype=np.int64).astype(str).astype(object)
    if kinds <= {float, np.float64}:  # NaN never gets here: factorize made it missing
        return np.asarray(values, dtype=np.float64).astype(str).astype(object)
    return [_cell(v) for v in values]


def _cell(value: object) -> str:
    """One value as pandas writes it, text neutralised and quoted where needed."""
    if isinstance(value, str):
        return _field("'" + value if value.startswith(FORMULA_PREFIXES) else value)
    if isinstance(value, bool | np.bool_):
        return "True" if value else "False"
    if isinstance(value, float | np.floating):
        return "" if math.isnan(value) else repr(float(value))
    if isinstance(value, int | np.integer):
        return str(int(value))
    if value is pd.NA or value is None:
        return ""
    return _field(str(value))


def _field(text: str) -> str:
    """``text`` quoted as the csv module's QUOTE_MINIMAL does."""
    if any(ch in text for ch in _NEEDS_QUOTES):
        return '"' + text.replace('"', '""') + '"'
    return text
