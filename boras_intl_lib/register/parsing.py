"""Vectorised converters from text cells to typed values, with a reason for every failure.

Every converter takes a Series of stripped text (``""`` = blank, as :mod:`reading` delivers)
and returns :class:`Parsed`: the typed values (missing where blank or unreadable) and, per
row, the key of the reason a non-blank value could not be read (``<NA>`` when fine).

Each distinct text is examined once (``pd.factorize``, then one ``take`` to spread the
results over the rows), so there is no per-row Python loop. Numbers go further: the distinct
texts are joined into one string that regular expressions clean and check in C, and one
numpy conversion (Python's correctly rounded ``float``) reads them, because a money column has
about as many distinct values as rows. The rules are written out in ``docs/register-format.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .format import (
    FALSE_WORDS,
    LIST_SEPARATORS,
    TRUE_WORDS,
    Column,
    Enum,
    normalise_token,
)
from .suggest import suggest

NOT_A_NUMBER = "reason.not_a_number"
NOT_AN_INTEGER = "reason.not_an_integer"
NOT_A_BOOLEAN = "reason.not_a_boolean"
NOT_A_DATE = "reason.not_a_date"
UNKNOWN_VALUE = "reason.unknown_value"
APPROXIMATE = "warning.approximate"
ITEMS_LEFT_OUT = "warning.items_left_out"
BELOW_MINIMUM = "reason.below_minimum"
ABOVE_MAXIMUM = "reason.above_maximum"

_NUMBER_TEXT = r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?"
_NUMBER = re.compile(_NUMBER_TEXT)
_NOT_A_NUMBER_LINE = re.compile(rf"(?m)^(?!(?:{_NUMBER_TEXT})$).+$")
_SEPARATOR_CHARS = "\t \u00a0\u202f\u2007\u2009"  # thousands separators Excel writes
_SEPARATORS = re.compile(f"[{_SEPARATOR_CHARS}]")
_MINUS = "\u2212"
_WHOLE = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_LIST_SPLIT = re.compile(f"[{re.escape(LIST_SEPARATORS)}]")
_MAX_EXACT_INT = 2**53  # beyond this a float no longer holds every whole number
# What people write around a number: "ca 12", "cirka 40", "50 000 kr", "25 tkr", "1,5 mnkr".
_WORDY = re.compile(r"[^\d\s.,+\-\u2212\u00a0\u202f\u2007\u2009eE]")  # anything else
_APPROX = re.compile(
    r"^(?:ca\.?|c:a|cirka|circa|ungefär|ungef\.|omkring|runt|drygt|knappt|~|≈)\s*", re.I
)
_MONEY_UNIT = re.compile(
    r"\s*(?:(?P<thousand>tkr|tsek|ksek|tusen\s*(?:kr|kronor))"
    r"|(?P<million>mnkr|mkr|msek|milj(?:oner)?\.?\s*(?:kr|kronor)?)"
    r"|kr|kronor|sek|:-)\.?$",
    re.I,
)
_COUNT_UNIT = re.compile(r"\s*(?:st|stycken|personer|pers|deltagare)\.?$", re.I)


@dataclass(frozen=True)
class Parsed:
    """Typed values of every row, and the reason key of each row that could not be read.

    ``errors`` holds only the failed rows (same index labels as ``values``), so a column
    without problems costs nothing more.
    """

    values: pd.Series
    errors: pd.Series  # reason key per failed row
    notes: pd.Series | None = None  # warning key per row read with a remark ("ca 12")
    # a close allowed value per failed or noted row ("" for none): "Studiebesok" → studiebesök
    suggestions: pd.Series | None = None
    left_out: pd.Series | None = None  # per noted row, the list items left out ("18")

    def failed(self) -> np.ndarray:
        """Boolean mask over ``values``: True where a non-blank value could not be read."""
        return self.values.index.isin(self.errors.index)

    def remarks(self, rows: pd.Index) -> dict[str, Any]:
        """What :meth:`_Issues.add` needs beside the key for these failed or noted ``rows``:
        the suggestions (``suggestion``) and the items left out (``items``), where known."""
        found: dict[str, Any] = {}
        if self.suggestions is not None:
            found["suggestion"] = self.suggestions.reindex(rows).fillna("").to_numpy(object)
        if self.left_out is not None and rows.isin(self.left_out.index).all():
            found["items"] = self.left_out.reindex(rows).to_numpy(dtype=object)
        return found


# --- the engine: look at each distinct text once ----------------------------------------------


Factor = tuple[np.ndarray, np.ndarray]  # code per row, distinct texts (see RawTable.factors)


def _factorize(
    texts: pd.Series, factor: Factor | None = None, *, maybe_distinct: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Codes per row and the distinct texts (blank ``""`` included; a stray NaN counts as "").

    ``factor``, when the reader already has it, is used as is. With ``maybe_distinct`` (money
    amounts: about as many distinct texts as rows) a column whose first rows hardly repeat is
    not hashed at all: every row is its own "distinct" text, which gives the same results.
    """
    if factor is not None:
        return factor
    if maybe_distinct and len(texts) >= _SAMPLE:
        cells = texts.to_numpy(dtype=object)
        if len(set(cells[:_SAMPLE].tolist())) > 0.9 * _SAMPLE and (
            pd.api.types.infer_dtype(cells, skipna=False) == "string"
        ):
            return np.arange(len(cells)), cells
    # The default NA sentinel skips pandas' extra isna pass over object arrays; cells from
    # reading.py are all str, so codes are -1 only for values passed in by other callers.
    codes, uniques = pd.factorize(texts.to_numpy(dtype=object))
    uniques = np.asarray(uniques, dtype=object)
    if len(codes) and codes.min() < 0:
        codes = np.where(codes < 0, len(uniques), codes)
        uniques = np.append(uniques, np.array([""], dtype=object))
    return codes, uniques


_SAMPLE = 1000  # rows looked at to tell a column of distinct texts


def _no_errors(index: pd.Index) -> pd.Series:
    return pd.Series([], index=index[:0], dtype=object)


def _notes(approx: np.ndarray, codes: np.ndarray, index: pd.Index) -> pd.Series | None:
    """The rows whose number was approximate, as a warning key per row (None if none)."""
    if not approx.any():
        return None
    rows = approx[codes]
    return pd.Series(APPROXIMATE, index=index[rows], dtype=object)


def _spread(typed: Any, reasons: np.ndarray | None, codes: np.ndarray, index: pd.Index) -> Parsed:
    """Spread per-distinct-text values (and reasons, if any) over the rows with one ``take``."""
    values = pd.Series(typed.take(codes) if len(typed) else typed[:0], index=index)
    if reasons is None:
        return Parsed(values, _no_errors(index))
    failed_unique = np.array([r is not None for r in reasons], dtype=bool)
    if not failed_unique.any():
        return Parsed(values, _no_errors(index))
    failed = failed_unique[codes]
    return Parsed(values, pd.Series(reasons[codes[failed]], index=index[failed], dtype=object))


def _by_unique(
    texts: pd.Series,
    convert: Callable[[str], tuple[Any, str | None]],
    missing: Any,
    make: Callable[[list[Any]], Any],
    factor: Factor | None = None,
) -> Parsed:
    """Apply ``convert`` (text → (value, reason key)) to each distinct text; blank → missing.

    ``make`` turns the list of distinct values into a typed array.
    """
    codes, uniques = _factorize(texts, factor)
    values: list[Any] = []
    reasons = np.full(len(uniques), None, dtype=object)
    for i, text in enumerate(uniques):
        if text == "" or not isinstance(text, str):
            values.append(missing)
        else:
            value, reasons[i] = convert(text)
            values.append(value)
    return _spread(make(values), reasons, codes, texts.index)


def _object_array(values: list[Any]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _reasons(*masks_and_keys: tuple[np.ndarray, str]) -> np.ndarray | None:
    """Reason keys from masks (the first matching mask wins); ``None`` if nothing failed."""
    if not any(mask.any() for mask, _ in masks_and_keys):
        return None
    reasons = np.full(len(masks_and_keys[0][0]), None, dtype=object)
    for mask, key in reversed(masks_and_keys):
        reasons[mask] = key
    return reasons


# --- numbers ----------------------------------------------------------------------------------


def number_value(text: str) -> float | None:
    """``1 234 567,50`` → 1234567.5; ``None`` if ``text`` is not a number by the register rules.

    The reference rule for one text; :func:`parse_number` applies the same rule to a column.
    """
    text = _SEPARATORS.sub("", text).replace(_MINUS, "-")
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text.replace(",", "."))
    return value if np.isfinite(value) else None


def _strip_words(
    uniques: np.ndarray, unit: re.Pattern[str] | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Drop "ca"/"cirka" before and a unit ("kr", "tkr", "st") after each distinct number.

    Returns the bare texts, the factor of each (1000 for tkr, 10**6 for mnkr) and a mask of
    the approximate ones. Only texts holding a letter or a sign are looked at one by one.
    """
    factors = np.ones(len(uniques), dtype="float64")
    approx = np.zeros(len(uniques), dtype=bool)
    blob = "\n".join(uniques)
    if not _may_be_wordy(blob):
        return uniques, factors, approx
    hits = [m.start() for m in _WORDY.finditer(blob)]
    if not hits:
        return uniques, factors, approx
    # which distinct texts the hits fall in: one searchsorted over the texts' start offsets
    lengths = np.fromiter(map(len, uniques), dtype=np.int64, count=len(uniques)) + 1
    starts = np.concatenate(([0], np.cumsum(lengths[:-1])))
    wordy = np.unique(np.searchsorted(starts, hits, side="right") - 1)
    bare = uniques.copy()
    for i in wordy:
        text = uniques[i]
        rest = _APPROX.sub("", text, count=1)
        approx[i] = rest != text
        match = unit.search(rest) if unit is not None else None
        if match is not None and match.start() > 0:
            rest = rest[: match.start()]
            if match.groupdict().get("thousand"):
                factors[i] = 1e3
            elif match.groupdict().get("million"):
                factors[i] = 1e6
        rest = rest.strip()
        if not rest:  # "ca" or "kr" alone is no number: keep the text, which then fails
            approx[i], factors[i], rest = False, 1.0, text
        bare[i] = rest
    return bare, factors, approx


# The ASCII characters _WORDY does not match, and the others it does not match that Excel
# writes in numbers (a minus sign and the thousands separators but the tab).
_NUMBER_ASCII = bytes(b for b in range(128) if not _WORDY.match(chr(b)))
_NUMBER_OTHER = _MINUS + _SEPARATOR_CHARS[2:]


def _may_be_wordy(blob: str) -> bool:
    """False when no character of ``blob`` is one :data:`_WORDY` matches.

    Passes in C (``str.replace``, ``bytes.translate``) instead of the regex's character-class
    scan; anything unusual left (other Unicode spaces or digits) answers True, and the regex
    decides.
    """
    for char in _NUMBER_OTHER:
        if char in blob:
            blob = blob.replace(char, "")
    return not blob.isascii() or bool(blob.encode("ascii").translate(None, _NUMBER_ASCII))


def _numbers(
    uniques: np.ndarray, unit: re.Pattern[str] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Floats of the distinct texts (NaN for blank or bad), a mask of the bad ones and of
    the approximate ones ("ca 12"); ``unit`` is the pattern of units allowed after a number."""
    bare, factors, approx = _strip_words(uniques, unit)
    values, bad = _plain_numbers(bare)
    values = values * factors
    approx &= ~bad
    return values, bad, approx


def _plain_numbers(uniques: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Floats of the distinct texts (NaN for blank or bad) and a mask of the bad ones."""
    blob = "\n".join(uniques)
    if len(uniques) == 0 or blob.count("\n") != len(uniques) - 1:
        # empty, or a cell holds a line break: one text at a time
        found = [number_value(u) if u else None for u in uniques]
        bad = np.array([f is None and u != "" for f, u in zip(found, uniques, strict=True)])
        values = np.array([np.nan if f is None else f for f in found], dtype="float64")
        return values, bad.astype(bool)
    blob = _without_separators(blob).replace(_MINUS, "-")
    short = _short_decimals(blob)
    if short is not None:
        return short, np.zeros(len(short), dtype=bool)
    marked = np.array(_NOT_A_NUMBER_LINE.sub("!", blob).replace(",", ".").split("\n"), dtype=object)
    bad = marked == "!"
    marked[bad | (marked == "")] = "nan"
    values = _floats(marked)
    infinite = np.isinf(values)
    values[infinite] = np.nan
    return values, bad | infinite


def _floats(texts: np.ndarray) -> np.ndarray:
    """``float`` of each text, in one numpy call: correctly rounded, as :func:`number_value`
    (``pd.to_numeric``'s own parser is not: it reads ``+5E24`` as 4.999999999999999e+24)."""
    try:
        return texts.astype("float64")
    except ValueError:  # not expected after the checks above: text by text, unreadable → NaN
        return np.array([_float_or_nan(t) for t in texts], dtype="float64")


def _float_or_nan(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return float("nan")


_DECIMAL_BYTES = b"0123456789.,+-\n"
_MAX_EXACT_DIGITS = 15  # amounts of up to 15 digits: exact in a float, never infinite


def _short_decimals(blob: str) -> np.ndarray | None:
    """Floats of the lines of ``blob`` when every line is a plain decimal of at most 15 digits
    or blank (NaN); None otherwise, and :func:`_plain_numbers` takes the general path.

    Over the characters ``0-9 . , + -`` a line is a number by :data:`_NUMBER` exactly when
    ``float`` reads it, so one ``astype`` both checks and converts (no regex per line). Both
    paths convert with ``float``; longer texts and a negative zero are simply left to the
    general one, which names what is wrong with a line.
    """
    if not blob.isascii() or blob.encode("ascii").translate(None, _DECIMAL_BYTES):
        return None
    texts = np.array(blob.replace(",", ".").split("\n"), dtype=object)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    if lengths.max(initial=0) > _MAX_EXACT_DIGITS:
        return None
    texts[lengths == 0] = "nan"
    try:
        values = texts.astype("float64")
    except ValueError:  # a line that is no number ("1.2.3", "+"): the general path names it
        return None
    if np.signbit(values[values == 0]).any():
        return None
    return values


def _without_separators(text: str) -> str:
    """``text`` without the thousands separators of :data:`_SEPARATORS`.

    The same as ``_SEPARATORS.sub("", text)``, but ``str.replace`` of each separator that
    occurs is a pass in C: about ten times faster over a column's joined texts.
    """
    for separator in _SEPARATOR_CHARS:
        if separator in text:
            text = text.replace(separator, "")
    return text


def parse_number(texts: pd.Series, factor: Factor | None = None) -> Parsed:
    """Amounts with decimal comma or point and space thousands separators → ``float64``.

    ``kr``, ``kronor``, ``SEK`` or ``:-`` after the number are dropped, ``tkr`` multiplies by
    1000 and ``mnkr`` by 1,000,000; ``ca``/``cirka`` before it is noted as approximate.
    """
    codes, uniques = _factorize(texts, factor, maybe_distinct=True)
    values, bad, approx = _numbers(uniques, _MONEY_UNIT)
    parsed = _spread(values, _reasons((bad, NOT_A_NUMBER)), codes, texts.index)
    return Parsed(parsed.values, parsed.errors, _notes(approx, codes, texts.index))


def parse_integer(texts: pd.Series, factor: Factor | None = None) -> Parsed:
    """Whole numbers (``3``, ``3,0``, ``1 000``, ``ca 12``, ``12 st``) → ``Int64``.

    ``2,5`` fails.
    """
    codes, uniques = _factorize(texts, factor)
    values, bad, approx = _numbers(uniques, _COUNT_UNIT)
    with np.errstate(invalid="ignore"):
        fraction = (
            ~bad
            & ~np.isnan(values)
            & ((values != np.floor(values)) | (np.abs(values) > _MAX_EXACT_INT))
        )
    missing = np.isnan(values) | fraction
    whole = pd.arrays.IntegerArray(np.where(missing, 0, values).astype("int64"), missing)
    reasons = _reasons((bad, NOT_A_NUMBER), (fraction, NOT_AN_INTEGER))
    parsed = _spread(whole, reasons, codes, texts.index)
    return Parsed(parsed.values, parsed.errors, _notes(approx & ~fraction, codes, texts.index))


# --- words, dates, vocabularies ------------------------------------------------------------------

_BOOLEAN_WORDS: dict[str, bool] = {
    **{normalise_token(w): True for w in TRUE_WORDS},
    **{normalise_token(w): False for w in FALSE_WORDS},
}


def _boolean(text: str) -> tuple[Any, str | None]:
    value = _BOOLEAN_WORDS.get(normalise_token(text))
    return (pd.NA, NOT_A_BOOLEAN) if value is None else (value, None)


def _date(text: str) -> tuple[Any, str | None]:
    match = _DATE.fullmatch(text)
    if match is None:
        return pd.NaT, NOT_A_DATE
    try:
        return pd.Timestamp(dt.date.fromisoformat(match.group(1))), None
    except ValueError:
        return pd.NaT, NOT_A_DATE


def _datetimes(values: list[Any]) -> Any:
    return pd.array(pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[ns]"))


def _items(text: str) -> list[str]:
    return [item.strip() for item in _LIST_SPLIT.split(text) if item.strip()]


def parse_text(texts: pd.Series) -> Parsed:
    """Text as is (already stripped); blank → ``<NA>``. Never fails."""
    cells = texts.to_numpy(dtype=object)
    # np.where makes a new array, which the string array may keep (no second copy)
    values = pd.array(np.where(cells == "", None, cells), dtype="string", copy=False)
    return Parsed(pd.Series(values, index=texts.index), _no_errors(texts.index))


def parse_boolean(texts: pd.Series, factor: Factor | None = None) -> Parsed:
    """ja/nej, yes/no, true/false, 1/0, x → ``boolean``; a blank cell is False."""
    return _by_unique(texts, _boolean, False, lambda v: pd.array(v, dtype="boolean"), factor)


def parse_date(texts: pd.Series, factor: Factor | None = None) -> Parsed:
    """ISO dates (``2024-03-01``; a time part is ignored) → ``datetime64[ns]``."""
    return _by_unique(texts, _date, pd.NaT, _datetimes, factor)


def enum_spellings(enum: Enum) -> list[str]:
    """The spellings a suggestion may offer for ``enum``: the Swedish words first, then the
    English keys and other accepted spellings."""
    return list(dict.fromkeys([*enum.values.values(), *enum.values, *enum.aliases]))


def _closest(enum: Enum) -> Callable[[str], str]:
    """The allowed value closest to one unknown text ("" when none is close enough), as the
    vocabulary writes it: the English key when the text was closest to it, else the Swedish
    word (also when closest to another accepted spelling: "planera" → "planerad")."""
    spellings = enum_spellings(enum)
    lookup = enum.lookup()

    def closest(text: str) -> str:
        found = str(suggest([text], spellings)[0])
        if not found:
            return ""
        key = lookup[normalise_token(found)]
        return key if found == key else enum.values[key]

    return closest


def parse_enum(texts: pd.Series, enum: Enum, factor: Factor | None = None) -> Parsed:
    """An English key or Swedish word, any case → the canonical key (``string``); an unknown
    one fails with the closest allowed spelling as its suggestion."""
    lookup = enum.lookup()

    def convert(text: str) -> tuple[Any, str | None]:
        key = lookup.get(normalise_token(text))
        return (pd.NA, UNKNOWN_VALUE) if key is None else (key, None)

    parsed = _by_unique(texts, convert, pd.NA, lambda v: pd.array(v, dtype="string"), factor)
    return _with_suggestions(parsed, texts, _closest(enum))


def _with_suggestions(parsed: Parsed, texts: pd.Series, closest: Callable[[str], str]) -> Parsed:
    """``parsed`` with a suggestion for each failed row (each distinct text once)."""
    if not len(parsed.errors):
        return parsed
    failed = texts.loc[parsed.errors.index]
    found = {text: closest(text) for text in pd.unique(failed.to_numpy(dtype=object))}
    suggestions = pd.Series(failed.map(found).to_numpy(dtype=object), index=failed.index)
    return dataclasses.replace(parsed, suggestions=suggestions)


@dataclass(frozen=True)
class _Items:
    """One list cell read item by item: the kept value, why it fails (if it does), the items
    left out while others are kept, and a corrected cell to suggest."""

    value: tuple[Any, ...]
    reason: str | None = None
    left_out: str = ""
    suggestion: str = ""


def _list_parsed(
    texts: pd.Series,
    read: Callable[[str], _Items],
    factor: Factor | None,
) -> Parsed:
    """Spread per-distinct-cell :class:`_Items` over the rows: values, errors, notes (items
    left out), suggestions and the items left out."""
    codes, uniques = _factorize(texts, factor)
    cells = [
        _Items(()) if text == "" or not isinstance(text, str) else read(text) for text in uniques
    ]
    values = _object_array([c.value for c in cells])
    parsed = _spread(values, np.array([c.reason for c in cells], dtype=object), codes, texts.index)
    noted = np.array([bool(c.left_out) and c.reason is None for c in cells], dtype=bool)
    notes = left_out = None
    if noted.any():
        rows = noted[codes]
        left = np.array([c.left_out for c in cells], dtype=object)
        notes = pd.Series(ITEMS_LEFT_OUT, index=texts.index[rows], dtype=object)
        left_out = pd.Series(left[codes[rows]], index=texts.index[rows], dtype=object)
    suggested = np.array([c.suggestion for c in cells], dtype=object)
    suggestions = None
    if (suggested != "").any():
        rows = (suggested != "")[codes]
        suggestions = pd.Series(suggested[codes[rows]], index=texts.index[rows], dtype=object)
    return dataclasses.replace(parsed, notes=notes, suggestions=suggestions, left_out=left_out)


def _read_items(
    text: str, item: Callable[[str], tuple[Any, str | None]], closest: Callable[[str], str]
) -> _Items:
    """One list cell: each item read by ``item``; the failing ones left out (and suggested)."""
    items = _items(text)
    read = [item(i) for i in items]
    kept = [value for value, reason in read if reason is None]
    bad = [(i, reason) for i, (_, reason) in zip(items, read, strict=True) if reason]
    if not bad:
        return _Items(tuple(kept))
    fixes = {i: closest(i) for i, _ in bad}
    suggestion = ""
    if all(fixes.values()):
        suggestion = "; ".join(fixes.get(i, i) for i in items)
    if not kept:
        return _Items((), bad[0][1], suggestion=suggestion)
    return _Items(tuple(kept), None, "; ".join(i for i, _ in bad), suggestion)


def parse_list(texts: pd.Series, enum: Enum, factor: Factor | None = None) -> Parsed:
    """``utbildning; tillväxt`` → ``("education", "growth")``, in the vocabulary's order.

    An unknown item is left out with a warning and the others kept ("utbildning; foo" →
    ``("education",)``); a cell with no known item fails. Each unknown item gets the closest
    allowed spelling as a suggestion.
    """
    lookup = enum.lookup()
    order = {key: i for i, key in enumerate(enum.values)}
    closest = _closest(enum)

    def item(text: str) -> tuple[Any, str | None]:
        key = lookup.get(normalise_token(text))
        return (None, UNKNOWN_VALUE) if key is None else (key, None)

    def read(text: str) -> _Items:
        cell = _read_items(text, item, closest)
        keys = tuple(sorted(set(cell.value), key=order.__getitem__))
        return dataclasses.replace(cell, value=keys)

    return _list_parsed(texts, read, factor)


def parse_int_list(
    texts: pd.Series,
    minimum: float | None = None,
    maximum: float | None = None,
    factor: Factor | None = None,
) -> Parsed:
    """``1; 5, 17`` → ``(1, 5, 17)`` (sorted, once each); an item that is no whole number or
    is outside the range is left out with a warning and the others kept ("6;18" → ``(6,)``);
    a cell with no valid item fails with the first item's reason."""

    def item(text: str) -> tuple[Any, str | None]:
        if not _WHOLE.fullmatch(text):
            return None, NOT_AN_INTEGER
        number = int(text)
        if minimum is not None and number < minimum:
            return None, BELOW_MINIMUM
        if maximum is not None and number > maximum:
            return None, ABOVE_MAXIMUM
        return number, None

    def read(text: str) -> _Items:
        cell = _read_items(text, item, lambda _: "")
        return dataclasses.replace(cell, value=tuple(sorted(set(cell.value))))

    return _list_parsed(texts, read, factor)


def parse_column(texts: pd.Series, column: Column, factor: Factor | None = None) -> Parsed:
    """Parse ``texts`` by the kind of ``column`` (range checks of scalars are validation's).

    ``factor`` is the column's (code per row, distinct texts) when the reader has it
    (:attr:`~boras_intl_lib.register.raw.RawTable.factors`).
    """
    kind = column.kind
    if kind in ("text", "country"):
        return parse_text(texts)
    if kind == "number":
        return parse_number(texts, factor)
    if kind == "integer":
        return parse_integer(texts, factor)
    if kind == "boolean":
        return parse_boolean(texts, factor)
    if kind == "date":
        return parse_date(texts, factor)
    if kind == "enum" and column.enum is not None:
        return parse_enum(texts, column.enum, factor)
    if kind == "list" and column.enum is not None:
        return parse_list(texts, column.enum, factor)
    if kind == "int_list":
        return parse_int_list(texts, column.minimum, column.maximum, factor)
    raise ValueError(f"column {column.name}: no parser for kind {kind!r}")


def missing_values(column: Column, index: pd.Index) -> pd.Series:
    """The typed values of a column that is absent from the sheet (all blank)."""
    return parse_column(pd.Series("", index=index, dtype=object), column).values
