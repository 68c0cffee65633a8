"""What every register reader delivers: raw tables of text with Excel row numbers.

The shared types (:class:`RawTable`, :class:`RawRegister`, :data:`ROW_KEY`, what was not read)
and the pieces every input format uses: reading a file's bytes, matching sheets or files to
tables by name, the error of a register that cannot be read, and one table from the same table
of several sheets or workbooks (rows keyed by part).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import Problem, RegisterUnreadableError, os_reason
from ..i18n.labels import Lang, label
from .format import TABLES, Table, find_table

log = logging.getLogger("boras_intl")


CSV_SUFFIX = ".csv"
XLSX_SUFFIX = ".xlsx"
ROW_KEY = 10_000_000  # above Excel's 1,048,576 rows: file number × ROW_KEY + row is unique
_NOT_BLANK = re.compile(rb"[^\s\xef\xbb\xbf]")  # anything but whitespace and a UTF-8 BOM


@dataclass(frozen=True)
class RawTable:
    """One table as read: text cells under canonical column names, indexed by Excel row.

    ``cells`` holds only the format's columns that the sheet has, every cell a stripped
    string (``""`` when blank), and its index (named ``row``) is the row number Excel shows.
    Rows whose every cell is blank are already dropped.
    """

    name: str  # canonical table name
    source: str  # sheet name or file name as in the register
    cells: pd.DataFrame
    headers: dict[str, str]  # canonical column -> header as written
    ignored: tuple[str, ...] = ()  # headers that are not part of the format
    # CSV lines that cannot be split into cells: (row, the line as written, reason key)
    bad_lines: tuple[tuple[int, str, str], ...] = ()
    # cells read with a remark: (row, canonical column, value, warning key, detail)
    notes: tuple[tuple[int, str, str, str, str], ...] = ()
    positions: dict[str, int] = field(default_factory=dict)  # column -> number (A = 1)
    # lines of text below the table (one cell, words): (row, text), not read as rows
    trailing_notes: tuple[tuple[int, str], ...] = ()

    # several workbooks read as one: the source of each file; the index is then a row key
    # (file number × ROW_KEY + Excel row), see :func:`read_workbook_folder`
    sources: tuple[str, ...] = ()
    # with ``sources``: each source's headers that are not part of the format, and the fields
    # of its header line, so that a column or a broken line is named with its own sheet or file
    ignored_by_source: tuple[tuple[str, ...], ...] = ()
    widths: tuple[int, ...] = ()
    # columns read as categories: column -> (code per row, distinct texts), so that parsing
    # looks at each distinct text without hashing every cell again; ``cells`` holds the same
    # texts (``texts.take(codes)``). Absent for a column read as plain text.
    factors: dict[str, tuple[np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def table(self) -> Table:
        return TABLES[self.name]

    def source_of(self, keys: pd.Index | np.ndarray) -> np.ndarray | str:
        """The sheet (or workbook and sheet) of each row key."""
        if not self.sources:
            return self.source
        return np.asarray(self.sources, dtype=object)[np.asarray(keys, dtype="int64") // ROW_KEY]

    @property
    def width(self) -> int:
        """The fields of the header line: the format's columns and the others."""
        return len(self.headers) + len(self.ignored)

    def header(self, column: str) -> str:
        """The header as the user wrote it (the canonical name when the column is absent)."""
        return self.headers.get(column, column)


@dataclass(frozen=True)
class RawRegister:
    """The tables of one register (``exceptions`` may be absent) and the files they came from."""

    path: Path
    tables: dict[str, RawTable]
    files: tuple[Path, ...] = field(default_factory=tuple)
    sha256: str = ""  # of the workbook, or of the CSV files read (name + bytes, in name order)
    # what was not read, and why: (sheet or file, row or None, value, reason key) — sheets
    # that are no register table, note lines below a table (see :class:`Unread`)
    unread: tuple[Unread, ...] = ()


# (sheet or file, row or None, value as written, reason key of the labels table)
Unread = tuple[str, int | None, str, str]
UNREAD_LANGS = "\x1f"  # between the Swedish and the English text of a reason given as value


def unreadable(path: Path, key: str, **values: object) -> RegisterUnreadableError:
    """The error in both languages; a :class:`Problem` value (a reason, ``reason_of``) is
    worded in each."""

    def words(lang: Lang) -> str:
        said = {k: v.words(lang) if isinstance(v, Problem) else v for k, v in values.items()}
        return label(key, lang, **said)

    return RegisterUnreadableError(path, words("en"), reason_sv=words("sv"))


def combine(name: str, parts: list[tuple[int, str, RawTable]]) -> RawTable:
    """One raw table from the same table of several workbooks or sheets (rows keyed per part).

    A part that is already keyed (a sheet and its continuations) keeps its own sources, each
    renumbered after those before it; ``file_name`` (empty for sheets of one workbook) is put
    before each source.
    """
    columns = [c.name for c in TABLES[name].columns if any(c.name in p.cells for _, _, p in parts)]
    frames: list[pd.DataFrame] = []
    headers: dict[str, str] = {}
    notes: list[Any] = []
    bad: list[Any] = []
    trailing: list[Any] = []
    ignored: list[str] = []
    sources: list[str] = []
    ignored_by_source: list[tuple[str, ...]] = []
    widths: list[int] = []
    for _, file_name, part in parts:
        base = len(sources)
        own = part.sources or (part.source,)
        sources += [f"{file_name}, {source}" if file_name else source for source in own]

        def key(rows: np.ndarray, base: int = base, keyed: bool = bool(part.sources)) -> np.ndarray:
            rows = np.asarray(rows, dtype="int64")
            local = rows // ROW_KEY if keyed else 0
            return (base + local) * ROW_KEY + rows % ROW_KEY

        cells = part.cells.reindex(columns=columns, fill_value="")
        cells.index = pd.Index(key(cells.index.to_numpy()), name="row", dtype="int64")
        frames.append(cells)
        for column, header in part.headers.items():
            headers.setdefault(column, header)
        notes += [(int(key(np.array([r]))[0]), *rest) for r, *rest in part.notes]
        bad += [(int(key(np.array([r]))[0]), *rest) for r, *rest in part.bad_lines]
        trailing += [(int(key(np.array([r]))[0]), text) for r, text in part.trailing_notes]
        ignored += [h for h in part.ignored if h not in ignored]
        ignored_by_source += part.ignored_by_source or (part.ignored,)
        widths += part.widths or (part.width,)
    cells = pd.concat(frames).fillna("")
    return RawTable(
        name,
        sources[0],
        cells,
        headers,
        tuple(ignored),
        bad_lines=tuple(bad),
        notes=tuple(notes),
        trailing_notes=tuple(trailing),
        sources=tuple(sources),
        ignored_by_source=tuple(ignored_by_source),
        widths=tuple(widths),
    )


def continued(name: str, parts: list[RawTable]) -> RawTable:
    """One table from its sheet (or file) and those continuing it, each row keyed by part
    number × :data:`ROW_KEY` + row, so every message names the row's own sheet or file."""
    if len(parts) == 1:
        return parts[0]
    return combine(name, [(i, "", part) for i, part in enumerate(parts)])


def is_blank(data: bytes) -> bool:
    """True if ``data`` holds nothing but whitespace (and perhaps a BOM)."""
    return _NOT_BLANK.search(data) is None


def file_bytes(path: Path, *, allow_empty: bool = False, register: Path | None = None) -> bytes:
    """The bytes of ``path``; errors name ``register`` (the workbook or the CSV folder)."""
    where = register or path
    try:
        data = path.read_bytes()
    except OSError as exc:  # the system's reason in the labels table's words, not its English
        detail = Problem("detail.named", {"name": path.name, "reason": os_reason(exc)})
        raise unreadable(where, "unreadable.os_error", detail=detail) from None
    if not allow_empty and is_blank(data):
        raise unreadable(where, "unreadable.empty_file", name=path.name)
    return data


def present_tables(tables: dict[str, RawTable | None]) -> dict[str, RawTable]:
    """Drop optional tables that turned out empty (an empty sheet is no decisions)."""
    for name, table in tables.items():
        if table is None:
            log.info("%s: empty, read as no rows", name)
    return {name: table for name, table in tables.items() if table is not None}


def match_names(
    container: Path, items: Iterable[Any], name_of: Callable[[Any], str], kind: str
) -> dict[str, Any]:
    """Pick the sheet/file of each table by name; activities is required, duplicates are errors."""
    found: dict[str, Any] = {}
    for item in items:
        table = find_table(name_of(item))
        if table is None:
            continue
        if table.name in found:
            first, second = _display(found[table.name], name_of), _display(item, name_of)
            raise unreadable(
                container, f"unreadable.ambiguous_{kind}", table=table.name, a=first, b=second
            )
        found[table.name] = item
    if "activities" not in found:
        raise unreadable(container, f"unreadable.no_activities_{kind}")
    for table in TABLES.values():
        if not table.optional and table.name not in found:
            raise unreadable(container, f"unreadable.missing_{kind}", table=table.name)
    return found


def _display(item: object, name_of: Callable[[Any], str]) -> str:
    return item.name if isinstance(item, Path) else str(name_of(item))
