"""CSV text of a table: each distinct value formatted once, no row joined in Python.

``score`` writes hundreds of thousands of rows whose columns repeat a few values (years,
verdicts, administrations, bases): ``DataFrame.to_csv`` formats every cell, this formats every
*distinct* value of a column once — neutralised against spreadsheet formulas and quoted — and
never joins a row in Python:

* a column of mostly distinct plain text (ids, names) is used cell by cell as it is (encoded
  in one call for the whole column);
* every other column becomes codes into its formatted distinct values, and neighbouring
  coded columns are formatted *together* — with their separators — once per distinct
  combination of values that occurs (few: the combinations of a year, a verdict and a basis),
  as long as the combinations stay few;
* the pieces of all rows go into one rows × pieces array of UTF-8 bytes, joined by
  ``bytes.join`` a chunk of rows at a time (:func:`csv_bytes`: a writer writes each chunk
  before the next is made, so their memory is reused — one join of a 61 MB file cost more
  than all its chunks).

The text equals ``neutralise_frame(frame).to_csv(index=False, lineterminator="\\n")`` for the
column types the toolkit writes (text, integers, floats, booleans, categoricals, missing
values); a test holds the two side by side. One deliberate difference: a field holding a
carriage return is quoted (pandas, through Python 3.11's csv module, leaves it bare, which
splits the row for most readers).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .safety import FORMULA_PREFIXES, neutralise_frame, neutralised

_NEEDS_QUOTES = (",", '"', "\n", "\r")
_SEP = "\x1f"  # joins the cells of a column for one scan; a cell holding it only costs speed
_END = "\x1e"  # ends each combination's text in one join, split again; a cell holding it: slower
_SAMPLE = 1024  # cells looked at to guess whether a text column is mostly distinct
_SMALL = 256  # combinations formatted by plain concatenation below this many
_CHUNK = 4096  # pieces joined at a time (a few hundred kilobytes): memory reused, cache warm


@dataclass(frozen=True)
class _Coded:
    """A column as codes into its distinct values' field texts; code −1 (missing) picks the
    last text, the empty field."""

    codes: np.ndarray
    texts: np.ndarray


@dataclass(frozen=True)
class _Cells:
    """A column as the field of each of its cells, encoded (mostly distinct plain text)."""

    cells: np.ndarray


_Column = _Coded | _Cells


def csv_text(frame: pd.DataFrame) -> str:
    """The CSV text of ``frame``: header, ``,`` separator, ``\\n`` line ends, no index."""
    return b"".join(csv_bytes(frame)).decode("utf-8")


def csv_bytes(frame: pd.DataFrame) -> Iterator[bytes]:
    """:func:`csv_text` encoded as UTF-8 (no byte-order mark), in chunks of a few hundred
    kilobytes: written one by one, each chunk reuses the memory of the one before instead of
    the whole file being built (and faulted into fresh memory) at once."""
    if any(_is_temporal(frame.iloc[:, i]) for i in range(frame.shape[1])):
        yield neutralise_frame(frame).to_csv(index=False, lineterminator="\n").encode()
        return
    rows, width = frame.shape
    lone = width == 1  # pandas quotes the empty field of a one-column row: a blank line else
    header = ",".join(_field(str(name)) for name in frame.columns)
    if lone and header == "":
        header = '""'
    yield (header + "\n").encode()
    if rows and width:
        columns = [_column(frame.iloc[:, i], lone) for i in range(width)]
        yield from _joined(_pieces(columns, rows), rows)
    elif rows:
        yield b"\n" * rows


def _is_temporal(series: pd.Series) -> bool:
    """Dates and times, which pandas formats its own way: left to pandas."""
    kind = getattr(series.dtype, "kind", "O")
    return kind in "mM" or isinstance(series.dtype, pd.DatetimeTZDtype | pd.PeriodDtype)


# --- rows ------------------------------------------------------------------------------


def _pieces(columns: list[_Column], rows: int) -> list[np.ndarray | bytes]:
    """Each row's bytes cut into pieces, every piece one array (a row each) or one constant.

    Cell columns are pieces of their own; the separators and coded columns between them are
    "glue": one piece per run, coded once per distinct combination — a run ends where adding
    a column would make the combinations too many to be worth it.
    """
    pieces: list[np.ndarray | bytes] = []
    glue = _Glue(rows)
    for i, column in enumerate(columns):
        sep = "\n" if i == len(columns) - 1 else ","
        if isinstance(column, _Cells):
            pieces += [*glue.pieces(), column.cells]
            glue = _Glue(rows)
        elif not glue.absorb(column):
            pieces += glue.pieces()
            glue = _Glue(rows)
            glue.absorb(column)
        glue.literal(sep)
    return pieces + glue.pieces()


class _Glue:
    """Literals and coded columns in a row, coded together by their combination of values."""

    def __init__(self, rows: int) -> None:
        self.rows = rows
        self.parts: list[str | _Coded] = []
        self.key: np.ndarray | None = None  # each row's combination, 0..count−1
        self.count = 1

    def literal(self, text: str) -> None:
        self.parts.append(text)

    def absorb(self, column: _Coded) -> bool:
        """Take ``column`` in unless the combinations would become too many; say whether."""
        size = len(column.texts)
        if self.key is None:
            self.key, self.count = np.where(column.codes < 0, size - 1, column.codes), size
        else:
            codes = np.where(column.codes < 0, size - 1, column.codes)  # −1 picks the last
            key, count = _compressed(self.key * size + codes, self.count * size)
            n_coded = sum(isinstance(p, _Coded) for p in self.parts) + 1
            if count * n_coded > self.rows // 4:
                return False
            self.key, self.count = key, count
        self.parts.append(column)
        return True

    def pieces(self) -> list[np.ndarray | bytes]:
        """The run as at most one piece: a constant, or one text per row (encoded)."""
        if not self.parts:
            return []
        if self.key is None:
            return ["".join(p for p in self.parts if isinstance(p, str)).encode()]
        example = np.zeros(self.count, dtype=np.intp)  # a row holding each combination
        example[self.key] = np.arange(self.rows)
        parts = [p if isinstance(p, str) else p.texts[p.codes[example]] for p in self.parts]
        return [_concatenated(parts, self.count)[self.key]]


def _compressed(key: np.ndarray, span: int) -> tuple[np.ndarray, int]:
    """``key`` renumbered 0..count−1 over the values that occur, and that count."""
    if span <= max(4 * len(key), 1 << 16):
        seen = np.zeros(span, dtype=bool)
        seen[key] = True
        number = np.cumsum(seen) - 1
        return number[key], int(seen.sum())
    codes, uniques = pd.factorize(key)
    return codes.astype(np.intp, copy=False), len(uniques)


def _concatenated(parts: list[str | np.ndarray], count: int) -> np.ndarray:
    """Element-wise concatenation of ``parts`` (constants or arrays of ``count`` texts),
    encoded as UTF-8."""
    if count * len(parts) > _SMALL:
        table = np.empty((count, len(parts) + 1), dtype=object)
        for j, part in enumerate(parts):
            table[:, j] = part
        table[:, -1] = _END
        split = "".join(table.ravel().tolist()).encode().split(_END.encode())
        if len(split) == count + 1:  # no text held the end mark itself
            out = np.empty(count, dtype=object)
            out[:] = split[:-1]
            return out
    out = np.full(count, "", dtype=object)
    for part in parts:
        out = out + part
    return _encoded(out)


def _encoded(texts: np.ndarray) -> np.ndarray:
    """Each text encoded as UTF-8."""
    out = np.empty(len(texts), dtype=object)
    out[:] = list(map(str.encode, texts.tolist()))
    return out


def _joined(pieces: list[np.ndarray | bytes], rows: int) -> Iterator[bytes]:
    """The pieces of every row, row by row, a chunk of rows per C-level join."""
    table = np.empty((rows, len(pieces)), dtype=object)
    for j, piece in enumerate(pieces):
        table[:, j] = piece
    flat = table.ravel()
    step = max(1, _CHUNK // len(pieces)) * len(pieces)
    for start in range(0, len(flat), step):
        yield b"".join(flat[start : start + step].tolist())


# --- columns ---------------------------------------------------------------------------


def _column(series: pd.Series, lone: bool) -> _Column:
    """One column as cells or codes, each distinct value formatted once."""
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy().astype(np.intp)
        return _Coded(codes, _texts(_value_fields(series.cat.categories.to_numpy(object)), lone))
    if isinstance(dtype, np.dtype) and dtype.kind in "biuf":
        return _numbers(series.to_numpy(), None, lone)
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and dtype.kind in "biuf":
        missing = series.isna().to_numpy()
        numpy_dtype = np.dtype(dtype.numpy_dtype)
        values = series.to_numpy(dtype=numpy_dtype, na_value=np.zeros(1, numpy_dtype)[0])
        return _numbers(values, missing, lone)
    return _objects(series.to_numpy(dtype=object), lone)


def _numbers(values: np.ndarray, missing: np.ndarray | None, lone: bool) -> _Coded:
    """Numbers coded by value (floats by their bits: −0.0 stays apart from 0.0)."""
    if values.dtype.kind == "f":
        nan = np.isnan(values)
        missing = nan if missing is None else missing | nan
        codes, uniques = pd.factorize(values.view(f"i{values.dtype.itemsize}"))
        texts = _float_fields(uniques.view(values.dtype))
    elif values.dtype.kind == "b":
        codes, texts = values.astype(np.intp), np.array(["False", "True"], dtype=object)
    else:
        codes, texts = _integer_codes(values)
    codes = codes.astype(np.intp, copy=False)
    if missing is not None and missing.any():
        codes = np.where(missing, -1, codes)
    return _Coded(codes, _texts(texts, lone))


def _float_fields(values: np.ndarray) -> np.ndarray:
    """Floats as pandas writes them (NumPy's ``astype(str)``); for 64-bit floats Python's
    ``repr``, the same shortest round-trip text, made about a third faster."""
    if values.dtype == np.float64:
        return _array(list(map(repr, values.tolist())))
    return values.astype(str).astype(object)


def _integer_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integers as codes and texts: their offset from the smallest when the range is narrow
    (years, levels, row numbers: no hashing), else factorised."""
    if len(values):
        low, high = int(values.min()), int(values.max())
        if high - low <= len(values) + 1024:
            codes = (values - low).astype(np.intp)
            return codes, np.arange(low, high + 1, dtype=values.dtype).astype(str).astype(object)
    codes, uniques = pd.factorize(values)
    return codes, uniques.astype(str).astype(object)


def _objects(values: np.ndarray, lone: bool) -> _Column:
    """Text (or mixed) cells: plain, mostly distinct text as it is; all else coded."""
    kind = pd.api.types.infer_dtype(values, skipna=True)
    numbers = _object_numbers(values, kind, lone) if kind in _NUMPY_KIND else None
    if numbers is not None:
        return numbers
    if kind not in ("string", "empty"):  # mixed kinds: formatted one by one
        return _Cells(_array([_lone(_cell(v), lone).encode() for v in values]))
    if not lone and _mostly_distinct(values):
        cells = _plain_cells(values)
        if cells is not None:
            return _Cells(cells)
    codes, uniques = _factorised(values)
    return _Coded(codes, _texts(_text_fields(uniques), lone))


_NUMPY_KIND = {"integer": np.int64, "floating": np.float64, "boolean": np.bool_}


def _object_numbers(values: np.ndarray, kind: str, lone: bool) -> _Coded | None:
    """Object cells all numbers of one kind, coded as such; None for those written one by
    one: floats other than Python's (they print their own way), integers beyond 64 bits."""
    missing = pd.isna(values)
    if kind == "floating" and not set(map(type, values[~missing])) <= {float, np.float64}:
        return None
    try:
        numbers: np.ndarray = np.where(missing, 0, values).astype(_NUMPY_KIND[kind])
    except OverflowError:
        return None
    return _numbers(numbers, missing, lone)


def _mostly_distinct(values: np.ndarray) -> bool:
    """Whether the first cells are mostly distinct (ids, names): coding them gains nothing."""
    sample = values[:_SAMPLE].tolist()
    return len(set(sample)) * 2 > len(sample)


def _factorised(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes (−1: missing) and distinct values of object cells.

    pandas hashes every character of every text cell (its string table keeps no hash), while
    these columns mostly repeat a few text *objects* (the evaluation picks each cell from a
    few texts): the cells are grouped by object identity first — an integer factorisation —
    and only one cell of each object is compared by value.
    """
    identities = np.fromiter(map(id, values), np.uint64, len(values))  # ``values`` holds them
    object_codes, objects = pd.factorize(identities)
    example = np.empty(len(objects), dtype=np.intp)
    example[object_codes] = np.arange(len(values))
    value_codes, uniques = pd.factorize(values[example], use_na_sentinel=True)
    return value_codes.astype(np.intp)[object_codes], uniques


# --- fields ----------------------------------------------------------------------------


def _texts(fields: np.ndarray | list[str], lone: bool) -> np.ndarray:
    """Field texts with the empty field appended (the text that code −1 picks)."""
    out = np.empty(len(fields) + 1, dtype=object)
    out[:-1] = fields
    out[-1] = ""
    if lone:
        out[out == ""] = '""'
    return out


def _lone(text: str, lone: bool) -> str:
    return '""' if lone and text == "" else text


def _plain_cells(values: np.ndarray) -> np.ndarray | None:
    """The cells as encoded fields when no text needs quotes or a formula guard (missing:
    empty); else None."""
    missing = None
    try:
        joined = _SEP.join(values)
    except TypeError:  # missing values among the texts
        missing = pd.isna(values)
        joined = _SEP.join(values[~missing])
    if not _plain(joined):
        return None
    cells = joined.encode().split(_SEP.encode())  # encoded in one call, cut again
    if missing is None and len(cells) == len(values):
        return _array(cells)
    if missing is not None and len(cells) == len(values) - missing.sum():
        out = np.full(len(values), b"", dtype=object)
        out[~missing] = cells
        return out
    return _encoded(np.where(missing, "", values) if missing is not None else values)


def _array(items: list) -> np.ndarray:
    """A one-dimensional object array of ``items`` (never a nested one)."""
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _plain(joined: str) -> bool:
    """Whether no text of ``joined`` (texts joined by ``_SEP``) needs quotes or a formula
    guard, found with a few scans."""
    if any(ch in joined for ch in _NEEDS_QUOTES) or joined.startswith(FORMULA_PREFIXES):
        return False
    # a text starting like a formula follows a separator; the two-character search is
    # slower than looking for the prefix alone, so it is only made for prefixes that occur
    return not any(p in joined and _SEP + p in joined for p in FORMULA_PREFIXES)


def _text_fields(texts: np.ndarray) -> np.ndarray:
    """Distinct texts neutralised against formulas and quoted where needed (vectorised)."""
    texts = np.asarray(texts, dtype=object)
    if _plain(_SEP.join(texts)):
        return texts
    marks = _marks(texts)
    if marks is None:  # a text holds the scan's separator: one by one
        fields = [_field(neutralised(t)) for t in texts]
        return np.array(fields, dtype=object)
    quote, quote_char, formula = marks
    out = texts.copy()
    out[formula] = [neutralised(t) for t in out[formula]]
    doubled = quote_char  # texts holding '"' double it before quoting
    out[doubled] = [t.replace('"', '""') for t in out[doubled]]
    out[quote] = '"' + out[quote] + '"'
    return out


_QUOTE_BYTE = np.zeros(256, dtype=bool)
_QUOTE_BYTE[list(b',"\n\r')] = True
_FORMULA_BYTE = np.zeros(256, dtype=bool)  # the formula prefixes are single ASCII characters
if any(len(prefix) != 1 or not prefix.isascii() for prefix in FORMULA_PREFIXES):
    raise ImportError("csv_text looks for formula prefixes of one ASCII character")
_FORMULA_BYTE[list("".join(FORMULA_PREFIXES).encode("ascii"))] = True


def _marks(texts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Per text: needs quotes, holds ``"``, starts like a formula — one byte scan of all texts.

    The characters looked for are ASCII, so they are found in the UTF-8 bytes; None when a
    text holds the separator itself (the bytes no longer tell the texts apart).
    """
    data = np.frombuffer((_SEP.join(texts) + _SEP).encode("utf-8", "surrogatepass"), np.uint8)
    ends = np.flatnonzero(data == ord(_SEP))
    if len(ends) != len(texts):
        return None
    starts = np.concatenate(([0], ends[:-1] + 1))

    def holding(found: np.ndarray) -> np.ndarray:
        mask = np.zeros(len(texts), dtype=bool)
        mask[np.searchsorted(ends, np.flatnonzero(found))] = True
        return mask

    return holding(_QUOTE_BYTE[data]), holding(data == ord('"')), _FORMULA_BYTE[data[starts]]


def _value_fields(values: np.ndarray) -> np.ndarray | list[str]:
    """Distinct values of any kind (a categorical's categories) as fields."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return _text_fields(values)
    if kinds <= {int, np.int64, np.int32}:
        return np.asarray(values, dtype=np.int64).astype(str).astype(object)
    if kinds <= {float, np.float64}:
        return np.asarray(values, dtype=np.float64).astype(str).astype(object)
    return [_cell(v) for v in values]


def _cell(value: object) -> str:
    """One value as pandas writes it, text neutralised and quoted where needed."""
    if isinstance(value, str):
        return _field(neutralised(value))
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
