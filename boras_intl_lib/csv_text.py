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
    values = series.to_numpy(dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    text = [_cell(v) for v in uniques]
    text.append("")  # code −1 (missing) picks the empty field
    return np.asarray(text, dtype=object)[codes].tolist()


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
