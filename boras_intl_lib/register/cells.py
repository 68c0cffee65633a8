"""A grid of text cells → a raw table: the header row, the columns named, every cell cleaned.

What the workbook and the CSV readers share once a sheet or file is a grid of text indexed by
row number: the header row found (blank rows and note lines below the table left out), the
headers matched to the format's columns, and every cell stripped, NFC-normalised and freed of
control and invisible characters (flagged), Excel's ``_xHHHH_`` escapes decoded as the reader
that was used requires.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .format import TABLES, Table, normalise_token
from .raw import RawTable, unreadable

log = logging.getLogger("boras_intl")


def table_from_grid(
    path: Path,
    table: str,
    source: str,
    grid: pd.DataFrame,
    *,
    clean: bool = True,
    escapes: Escapes = "csv",
) -> RawTable | None:
    """Find the header row of ``grid`` (text, index = row number) and name its columns.

    ``escapes`` says what ``_xHHHH_`` in the text means: Excel's escape still to decode
    (``openpyxl``), surrogate pairs still to join (``calamine``), or, in CSV, a control
    character written out (``csv``, as before).
    """
    spec = TABLES[table]
    stripped = [_strip(grid[c]) for c in grid.columns]
    body = np.flatnonzero(~_blank_rows(stripped, len(grid)))
    if body.size == 0:
        if spec.optional:
            return None
        raise unreadable(path, "unreadable.no_header", source=source)
    header_at = body[0]
    notes_below = _trailing_notes(stripped, body)
    if notes_below:
        body = body[: len(body) - len(notes_below)]
    rows: np.ndarray | slice = body[1:]
    if len(body) == len(grid) - header_at:  # no blank rows: take views, not copies
        rows = slice(header_at + 1, None)
    headers = [
        _clean(_unescape(str(values[header_at]), escapes), escapes)[0] for values in stripped
    ]
    columns, ignored = _name_columns(path, spec, source, headers)
    index = pd.Index(grid.index.to_numpy()[rows], name="row", dtype="int64")
    data: dict[str, np.ndarray] = {}
    factors: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    notes: list[tuple[int, str, str, str, str]] = []
    for name, pos in columns.items():
        kept = stripped[pos][rows]
        values, changed = _clean_column(kept, escapes) if clean else _as_is(kept)
        if spec.column(name).kind in _FACTOR_KINDS:
            factors[name] = _factorised(values)
        data[name] = values
        for at in np.flatnonzero(changed):
            notes.append((int(index[at]), name, values[at], "warning.control_characters", ""))
    cells = pd.DataFrame(data, index=index, dtype=object)
    if ignored:
        log.info("%s: columns not part of the register format ignored: %s", source, ignored)
    return RawTable(
        table,
        source,
        cells,
        {name: headers[pos] for name, pos in columns.items()},
        tuple(ignored),
        notes=tuple(notes),
        positions={name: pos + 1 for name, pos in columns.items()},
        factors=factors,
        trailing_notes=tuple(
            (int(grid.index[at]), next(str(v[at]) for v in stripped if v[at])) for at in notes_below
        ),
    )


def _trailing_notes(columns: list[np.ndarray], body: np.ndarray) -> list[int]:
    """Positions of the lines of text below a table: the last non-blank rows (not the header)
    that hold one cell only, written as words (with a space, and not a number). A note such as
    "Uppgifterna gäller till och med juni" is no activity with all else missing."""
    found: list[int] = []
    for at in body[:0:-1]:  # from the last row up, never the header
        filled = [str(values[at]) for values in columns if values[at]]
        if len(filled) != 1 or " " not in filled[0].strip() or _NUMBER_LIKE.match(filled[0]):
            break
        found.append(int(at))
    return found[::-1]


_NUMBER_LIKE = re.compile(r"^[\d\s.,:;+-]*$")


def _blank_rows(columns: list[np.ndarray], n_rows: int) -> np.ndarray:
    """Mask of the rows whose every cell is ``""``.

    Only the rows still blank are looked at in each next column: after the first column or
    two that is hardly any, so the cost is about one comparison of one column.
    """
    candidates = np.arange(n_rows)
    for values in columns:
        if not len(candidates):
            break
        candidates = candidates[values[candidates] == ""]
    blank = np.zeros(n_rows, dtype=bool)
    blank[candidates] = True
    return blank


# Characters no report, workbook or XML may hold (C0 and C1 controls: a soft line break …),
# and invisible ones that change how text reads: bidi embeddings, overrides and isolates
# (U+202E shows "abc" as "cba"), direction marks, the zero-width space, word joiner and
# invisible operators, a byte-order mark inside text, interlinear annotations. The zero-width
# joiner and non-joiner stay: emoji sequences and several scripts need them.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# In a CSV file, Excel's escape of a control character as text (a CSV has no escapes of its
# own; a file made from a workbook's XML may carry them): removed and flagged like the character.
_ESCAPED_CONTROL = re.compile("_x(00[01][0-9A-Fa-f]|007[Ff])_")
# Excel's escapes in a workbook's text (ECMA-376 ST_Xstring): _xHHHH_ is the character
# U+HHHH, _x005F_ a literal underscore (how text typed as "_x000B_" is stored: _x005F_x000B_),
# and a character beyond U+FFFF is a pair of surrogates (_xD83D__xDE00_ is 😀).
_OOXML_ESCAPE = re.compile(
    "_x(D[89AB][0-9A-F]{2})__x(D[C-F][0-9A-F]{2})_|_x([0-9A-F]{4})_", re.IGNORECASE
)
_SURROGATE_PAIR = re.compile("_x(D[89AB][0-9A-F]{2})__x(D[C-F][0-9A-F]{2})_", re.IGNORECASE)
Escapes = Literal["openpyxl", "calamine", "csv"]


def _decoded(match: re.Match[str]) -> str:
    groups: list[str | None] = [*match.groups(), None][:3]
    high, low, single = groups
    if high is not None and low is not None:
        return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + (int(low, 16) - 0xDC00))
    code = int(single or "0", 16)
    return match.group() if 0xD800 <= code <= 0xDFFF else chr(code)  # a lone half: as written


def _unescape(text: str, escapes: Escapes) -> str:
    """Excel's ``_xHHHH_`` escapes in a workbook cell decoded, as the reader left them."""
    if "_x" not in text or escapes == "csv":
        return text
    pattern = _OOXML_ESCAPE if escapes == "openpyxl" else _SURROGATE_PAIR
    return pattern.sub(_decoded, text)


def _clean(text: str, escapes: Escapes = "csv") -> tuple[str, bool]:
    """``text`` in NFC without control or invisible characters (a soft line break becomes a
    space), and whether any was removed."""
    clean = text
    escaped = escapes == "csv" and _ESCAPED_CONTROL.search(text) is not None
    if escaped:
        clean = _ESCAPED_CONTROL.sub(lambda m: chr(int(m.group(1), 16)), clean)
    removed = escaped or _CONTROL.search(clean) is not None
    clean = _CONTROL.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", clean)
    clean = unicodedata.normalize("NFC", clean).strip()
    return clean, removed


def visible(text: str) -> str:
    """``text`` without the control and invisible characters a register cell loses when read
    (a name in the parameters is matched to the register's cells by this)."""
    return _CONTROL.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", text)


def _as_is(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return values, np.zeros(len(values), dtype=bool)


def _clean_column(values: np.ndarray, escapes: Escapes = "csv") -> tuple[np.ndarray, np.ndarray]:
    """Decode Excel's escapes, NFC-normalise a column and drop control and invisible
    characters; also say which cells changed (decoding an escape is no change).

    One joined string is checked first, so a clean column (the usual case) costs one pass
    in C; only then is each cell looked at.
    """
    changed = np.zeros(len(values), dtype=bool)
    if not len(values):
        return values, changed
    blob = "\n".join(values)
    dirty = _CONTROL.search(blob) is not None or "_x" in blob
    if not dirty and unicodedata.is_normalized("NFC", blob):
        return values, changed
    pairs = [_clean(_unescape(v, escapes), escapes) for v in values]
    out = np.empty(len(values), dtype=object)
    out[:] = [p[0] for p in pairs]
    changed[:] = [p[1] for p in pairs]
    return out, changed


_STRIP = np.frompyfunc(str.strip, 1, 1)


def _strip(series: pd.Series) -> np.ndarray:
    """Strip surrounding whitespace (incl. no-break spaces) from every cell: object array of str.

    ``str.strip`` run by a numpy ufunc loop measured faster than any vectorised test for
    whether a column needs it (about 35 ns a cell).
    """
    values = series.to_numpy(dtype=object)
    return _STRIP(values) if len(values) else values


# Kinds whose parser works per distinct text and whose columns have few of them: their cells
# are factorised as they are read (money amounts have about as many distinct texts as rows).
_FACTOR_KINDS = frozenset({"integer", "boolean", "date", "enum", "list", "int_list"})


def _factorised(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(code per cell, distinct texts) of a column's cells, so that parsing looks at each
    distinct text without hashing every cell again."""
    codes, texts = pd.factorize(values)
    return codes, np.asarray(texts, dtype=object)


def _name_columns(
    path: Path, spec: Table, source: str, headers: list[str]
) -> tuple[dict[str, int], list[str]]:
    """Map canonical column names to positions; unknown headers are returned as ignored."""
    lookup = spec.header_lookup()
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for pos, header in enumerate(headers):
        name = lookup.get(normalise_token(header)) if header else None
        if name is None:
            if header:
                ignored.append(header)
            continue
        if name in columns:
            raise unreadable(
                path,
                "unreadable.duplicate_column",
                source=source,
                column=name,
                a=headers[columns[name]],
                b=header,
            )
        columns[name] = pos
    if not columns:
        raise unreadable(path, "unreadable.no_known_columns", source=source)
    missing = [_both_names(spec, [c]) for c in spec.required if c not in columns]
    missing += [
        _both_names(spec, group) for group in spec.one_of if not any(c in columns for c in group)
    ]
    if missing:
        raise unreadable(
            path, "unreadable.missing_columns", source=source, columns=", ".join(missing)
        )
    return columns, ignored


def _both_names(spec: Table, names: Iterable[str]) -> str:
    """``år (year)``, or ``land / partner (country / partner_name)`` for a group."""
    columns = [spec.column(n) for n in names]
    swedish = " / ".join(c.swedish for c in columns)
    return f"{swedish} ({' / '.join(c.name for c in columns)})"
