"""Reading a register: a path → raw tables of text with Excel row numbers.

A register is an ``.xlsx`` workbook or a folder of CSV files (see ``docs/register-format.md``).
Nothing is interpreted here beyond turning every cell into stripped text: parsing and checking
happen in :mod:`parsing` and :mod:`validation`, which can then report each problem with the
sheet or file, the row number Excel shows, and the header as the coordinator wrote it.
Anything that makes the register unreadable as a whole raises
:class:`~boras_intl_lib.errors.RegisterUnreadableError` with one sentence.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import logging
import re
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..errors import RegisterUnreadableError
from ..i18n.labels import label
from ..settings import RegisterLimits
from .format import TABLES, Table, find_table, normalise_token
from .sheetscan import SheetScan, column_letter, continued_table

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


def read_register(path: Path | str, limits: RegisterLimits | None = None) -> RawRegister:
    """Read a workbook or a folder of CSV files into raw tables, each file within ``limits``
    (what a file may cost to read; the defaults of :class:`RegisterLimits` if not given)."""
    path = Path(path)
    if not path.exists():
        raise _unreadable(path, "unreadable.not_found")
    if path.is_dir():
        if _workbooks(path) and not any(
            p.suffix.lower() == CSV_SUFFIX and find_table(p.stem) for p in path.iterdir()
        ):
            return read_workbook_folder(path, limits)
        return read_csv_folder(path, limits)
    if path.suffix.lower() == CSV_SUFFIX:
        raise _unreadable(path, "unreadable.csv_file")
    return read_workbook(path, limits)


def _unreadable(path: Path, key: str, **values: object) -> RegisterUnreadableError:
    return RegisterUnreadableError(
        path, label(key, "en", **values), reason_sv=label(key, "sv", **values)
    )


# --- workbooks -----------------------------------------------------------------------------


def read_workbook(path: Path, limits: RegisterLimits | None = None) -> RawRegister:
    """Read the register sheets of an ``.xlsx`` workbook (other sheets are never opened).

    Uses python-calamine when it is installed (a Rust reader, about 15 times faster), else
    openpyxl; both give the same text for every cell (see :func:`cell_text`). Before either
    reads anything, the register sheets' XML is scanned as a stream (:mod:`sheetscan`): a sheet
    whose cells span a huge area (one stray cell at XFD1048576) or that holds error cells is
    read with openpyxl's streaming reader, because calamine would build the whole area first.
    A workbook beyond ``limits`` (settings' ``register_limits``) is refused unread.
    """
    from . import sheetscan

    data = _read_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    try:  # measured before any reader (or the copy below) decompresses a byte of it
        sheetscan.measure_parts(data, limits)
        data = sheetscan.without_unused_sheets(data)
        scans = sheetscan.scan_workbook(data, limits)
    except sheetscan.LimitExceeded as exc:
        raise _unreadable(path, exc.key, **exc.values) from None
    if scans and any(scan.raw_controls for scan in scans.values()):
        members = sheetscan.register_parts(data)
        dirty = {members[name] for name, scan in scans.items() if scan.raw_controls}
        data = sheetscan.with_controls_escaped(data, dirty)
    use_openpyxl = scans is None or any(scan.needs_streaming for scan in scans.values())
    names, read_sheet, close, engine = _open_workbook(path, data, force_openpyxl=use_openpyxl)
    try:
        sheets = _match_names(path, names, lambda name: name, "sheet")
        more = _continuations(names, sheets)
        listed = [(table, name) for table, name in sheets.items()]
        listed += [(table, name) for table, names_ in more.items() for name in names_]
        rows = {name: _read_sheet(path, read_sheet, name) for _, name in listed}
    finally:
        close()
    found: dict[str, list[RawTable]] = {}
    unread: list[Unread] = [
        (name, None, "", "unread.sheet")
        for name in names
        if name not in rows and find_table(name) is None
    ]
    for table, name in listed:
        scan = (scans or {}).get(name)
        try:
            raw = _table_from_rows(path, table, name, rows[name], scan, engine)
        except RegisterUnreadableError as exc:
            if name == sheets[table]:
                raise
            detail = f"{exc.reason_sv}{UNREAD_LANGS}{exc.reason}"  # Swedish, then English
            unread.append((name, None, detail, "unread.continuation"))
            continue
        if raw is not None:
            found.setdefault(table, []).append(raw)
    tables: dict[str, RawTable | None] = {t: _continued(t, raws) for t, raws in found.items()}
    for table in sheets:
        tables.setdefault(table, None)
    return RawRegister(path, _present(tables), (path,), sha256, tuple(unread))


def _continuations(names: Iterable[str], sheets: dict[str, str]) -> dict[str, list[str]]:
    """Table → the sheets that continue it, in workbook order (the table's own sheet first)."""
    more: dict[str, list[str]] = {}
    for name in names:
        table = continued_table(name)
        if table is not None and table.name in sheets and find_table(name) is None:
            more.setdefault(table.name, []).append(name)
    return more


def _continued(name: str, parts: list[RawTable]) -> RawTable:
    """One table from its sheet and the sheets continuing it, each row keyed by sheet number ×
    :data:`ROW_KEY` + Excel row, so every message names the row's own sheet."""
    if len(parts) == 1:
        return parts[0]
    return _combine(name, [(i, "", part) for i, part in enumerate(parts)])


def _workbooks(folder: Path) -> list[Path]:
    """The ``.xlsx`` files of a folder, in name order (Excel's ``~$`` lock files left out)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() == XLSX_SUFFIX and not p.name.startswith("~$")
    )


def read_workbook_folder(folder: Path, limits: RegisterLimits | None = None) -> RawRegister:
    """Several workbooks (one per administration, say) read as one register.

    Each table's rows are keyed by file number × :data:`ROW_KEY` + Excel row, and each file's
    sheet is named ``workbook.xlsx, sheet`` so that every issue says which file to open.
    """
    books = [read_workbook(path, limits) for path in _workbooks(folder)]
    digest = hashlib.sha256()
    for book in books:
        digest.update(book.path.name.encode("utf-8") + b"\0" + book.sha256.encode())
    tables = {}
    for name in TABLES:
        parts = [
            (i, book.path.name, book.tables[name])
            for i, book in enumerate(books)
            if name in book.tables
        ]
        if parts:
            tables[name] = _combine(name, parts)
    unread = tuple(
        (f"{book.path.name}, {source}", row, value, key)
        for book in books
        for source, row, value, key in book.unread
    )
    return RawRegister(folder, tables, tuple(b.path for b in books), digest.hexdigest(), unread)


def _combine(name: str, parts: list[tuple[int, str, RawTable]]) -> RawTable:
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
    )


SheetReader = Callable[[str], Iterable[Iterable[object]]]
# Which reader read a workbook: openpyxl leaves Excel's _xHHHH_ escapes in the text,
# calamine decodes them all but surrogate pairs (see :func:`_unescape`).
Engine = Literal["openpyxl", "calamine"]


def _open_workbook(
    path: Path, data: bytes, *, force_openpyxl: bool = False
) -> tuple[list[str], SheetReader, Callable[[], None], Engine]:
    """Sheet names, a function giving a sheet's rows of cell values (row 1 first), close,
    and which reader it is."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return (*_open_with_openpyxl(path, data), "openpyxl")
    if force_openpyxl:  # error cells (calamine reads them as blank) or a huge cell area
        return (*_open_with_openpyxl(path, data), "openpyxl")
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # whatever the reader trips on, the file is no workbook to us
        log.debug("calamine could not open %s: %r", path, exc)
        raise _unreadable(path, "unreadable.not_a_workbook") from None

    def rows(name: str) -> Iterable[Iterable[object]]:
        return book.get_sheet_by_name(name).to_python(skip_empty_area=False)

    return list(book.sheet_names), rows, book.close, "calamine"


def _open_with_openpyxl(
    path: Path, data: bytes
) -> tuple[list[str], SheetReader, Callable[[], None]]:
    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (extensions, default styles): noise here.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
    except Exception as exc:  # whatever openpyxl trips on, the file is no workbook to us
        log.debug("openpyxl could not open %s: %r", path, exc)
        raise _unreadable(path, "unreadable.not_a_workbook") from None

    def rows(name: str) -> Iterable[Iterable[object]]:
        sheet = book[name]
        sheet.reset_dimensions()  # trust the cells, not the size the file claims
        return sheet.iter_rows(min_row=1, values_only=True)

    return list(book.sheetnames), rows, book.close


def _read_sheet(path: Path, read_sheet: SheetReader, name: str) -> list[tuple[int, list[str]]]:
    """The non-blank rows of one sheet as (row number, cells as text, trailing blanks cut).

    Blank rows are dropped as they stream past, so a stray cell far below the data costs
    neither memory nor a grid of empty rows. A damaged sheet makes the workbook unreadable.
    """
    kept: list[tuple[int, list[str]]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, values in enumerate(read_sheet(name), start=1):
                if not any(v is not None and v != "" for v in values):
                    continue
                cells = [cell_text(v) for v in values]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    kept.append((number, cells))
    except Exception as exc:  # broken XML inside a valid zip, and the like
        log.debug("could not read sheet %s of %s: %r", name, path, exc)
        raise _unreadable(path, "unreadable.bad_sheet", source=name) from None
    return kept


def cell_text(value: object) -> str:
    """One Excel cell as text: whole numbers without ``.0``, dates as ISO, blanks as ``""``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


# --- CSV folders ---------------------------------------------------------------------------


def read_csv_folder(path: Path, limits: RegisterLimits | None = None) -> RawRegister:
    """Read ``activities.csv`` (or ``aktiviteter.csv``) and friends from a folder; a file
    larger than ``limits.csv_mb`` is refused before it is read."""
    files = [p for p in sorted(path.iterdir()) if p.is_file() and p.suffix.lower() == CSV_SUFFIX]
    found = _match_names(path, files, lambda p: p.stem, "file")
    ordered = sorted(found.items(), key=lambda item: item[1].name)
    _check_csv_sizes(path, [file for _, file in ordered], limits or RegisterLimits())
    data = {
        table: _read_bytes(file, allow_empty=TABLES[table].optional, register=path)
        for table, file in ordered
    }
    parts = [[file.name.encode("utf-8") + b"\0", data[table]] for table, file in ordered]
    sha256 = _sha256_in_background([part for pair in parts for part in pair])
    tables = {
        name: _read_csv_table(path, found[name], name, data[name])
        for name in TABLES
        if name in found
    }
    return RawRegister(path, _present(tables), tuple(found.values()), sha256())


def _check_csv_sizes(folder: Path, files: list[Path], limits: RegisterLimits) -> None:
    """Refuse a CSV file above ``limits.csv_mb`` by its size on disk, before reading it."""
    for file in files:
        try:
            size = file.stat().st_size
        except OSError:
            continue  # reading it says what is wrong
        if size > limits.csv_mb * (1 << 20):
            mb = -(-size // (1 << 20))
            raise _unreadable(
                folder, "limit.csv_size", name=file.name, size=mb, limit=limits.csv_mb
            )


def _sha256_in_background(parts: list[bytes]) -> Callable[[], str]:
    """Hash ``parts`` in a thread (hashlib releases the GIL) while pandas parses the files."""
    digest = hashlib.sha256()

    def work() -> None:
        for part in parts:
            digest.update(part)

    thread = threading.Thread(target=work, name="register-sha256", daemon=True)
    thread.start()

    def result() -> str:
        thread.join()
        return digest.hexdigest()

    return result


def _read_csv_table(folder: Path, path: Path, table: str, data: bytes) -> RawTable | None:
    """One CSV file as a raw table; problems are reported against the register ``folder``.

    Lines that fit no encoding, and a line whose quotation mark never closes, are kept aside
    as rejected rows; the rest of the file is read as usual.
    """
    if _blank(data):
        if TABLES[table].optional:
            return None
        raise _unreadable(folder, "unreadable.empty_file", name=path.name)
    decoded = _decode(folder, path, data)
    payload, bad = decoded.payload, decoded.bad
    end = payload.find(b"\n")
    first_line = (payload if end < 0 else payload[:end]).decode("utf-8", errors="replace")
    sep = _separator(first_line)
    grid, skipped, parsed = _parse_csv(folder, path, payload, sep, bad)
    n_lines = len(grid) + len(skipped)
    if skipped:
        kept = np.setdiff1d(np.arange(1, n_lines + 1), list(skipped))
    else:
        kept = np.arange(1, n_lines + 1, dtype="int64")
    grid.index = pd.Index(kept, dtype="int64")
    raw = _table_from_grid(folder, table, path.name, grid, clean=_needs_cleaning(decoded))
    if raw is None:
        return raw
    if bad or skipped:  # only then is the text needed line by line
        text = parsed.decode("utf-8", errors="replace")
        if bad and '"' in text:  # a quoted cell may span lines: number the bad lines as records
            record_of = _record_numbers(text, sep)
            bad = {int(record_of[min(n, len(record_of)) - 1]): v for n, v in bad.items()}
        lines = text.splitlines()
        bad.update(
            (n, (lines[n - 1][:200] if n <= len(lines) else "", "reason.too_many_fields"))
            for n in skipped
        )
    single_byte = decoded.source_encoding == "cp1252"
    short = _may_have_short_records(parsed, sep, grid, raw.cells.index, single_byte=single_byte)
    if not bad and not short:
        return raw
    rows = set(raw.cells.index)
    bad_lines = tuple((n, text, key) for n, (text, key) in sorted(bad.items()) if n not in rows)
    notes = _fewer_fields(parsed, sep, rows, single_byte=single_byte) if short else ()
    return dataclasses.replace(raw, bad_lines=bad_lines, notes=raw.notes + notes)


def _may_have_short_records(
    payload: bytes, sep: str, grid: pd.DataFrame, rows: pd.Index, *, single_byte: bool
) -> bool:
    """False when :func:`_fewer_fields` is sure to find nothing, known without its count.

    pandas fills the missing fields of a short record with ``""``, so when no row of the
    table has an empty last cell, no record is short. That holds line by line (as
    :func:`_fewer_fields` counts) only in a file without quotation marks or a lone carriage
    return (each line is then one record) whose first line has as many fields as the grid.
    """
    if b'"' in payload:
        return True
    if b"\r" in payload and payload.count(b"\r") != payload.count(b"\r\n"):
        return True
    last = grid.iloc[:, -1].to_numpy(dtype=object)
    if (last[np.searchsorted(grid.index.to_numpy(), rows.to_numpy())] == "").any():
        return True
    return _first_line_fields(payload, sep, single_byte=single_byte) != grid.shape[1]


def _first_line_fields(payload: bytes, sep: str, *, single_byte: bool) -> int | None:
    """Fields of the first line :func:`_fewer_fields` does not take as blank (None if none)."""
    start = 0
    while start < len(payload):
        end = payload.find(b"\n", start)
        end = len(payload) if end < 0 else end
        line = payload[start:end]
        if not _blank_line(line, single_byte=single_byte):
            return line.count(sep.encode()) + 1
        start = end + 1
    return None


def _blank_line(line: bytes, *, single_byte: bool) -> bool:
    """Whether :func:`_fewer_fields` passes over ``line`` (a line of the UTF-8 payload): at
    most one character as written — empty, or only ``\r``. ``single_byte``: the file was
    written one byte a character, so a non-ASCII character (2–3 bytes here) counts as one."""
    if len(line) <= 1:
        return True
    return single_byte and len(line) <= 3 and len(line.decode("utf-8", errors="replace")) <= 1


def _needs_cleaning(decoded: _Decoded) -> bool:
    """True if the file may hold control characters or text that is not NFC.

    Checked once over the whole file, so a clean file skips the per-column look of
    :func:`_clean_column`: control bytes are counted with numpy (tab, line feed and carriage
    return are the only ones allowed), and the NFC check is skipped for text that is NFC by
    construction (ASCII, or a whole file decoded from Windows-1252, see :data:`_NFC_ENCODINGS`).
    """
    payload = decoded.payload
    if payload.translate(None, _NOT_CONTROL) or _holds_escape(payload):
        return True
    if decoded.source_encoding in _NFC_ENCODINGS or payload.isascii():
        return False
    if _holds_invisible(payload):
        return True
    return not unicodedata.is_normalized("NFC", decoded.text)


def _holds_escape(payload: bytes) -> bool:
    """``b"_x00" in payload``, found by the file's few underscores (``memchr`` jumps between
    them, several times faster than the search for four bytes); many underscores, and the
    rest of the file is searched as a whole."""
    at = payload.find(b"_")
    for _ in range(1000):
        if at < 0:
            return False
        if payload.startswith(b"x00", at + 1):
            return True
        at = payload.find(b"_", at + 1)
    return at >= 0 and b"_x00" in payload[at:]


# The invisible characters of :data:`_CONTROL` above U+007F, as UTF-8 bytes (C1 controls,
# U+061C, U+200B–U+200F but the joiners, U+202A–U+202E, U+2060–U+2069, U+FEFF, U+FFF9–U+FFFB).
_INVISIBLE_UTF8 = re.compile(
    rb"\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8b\x8e\x8f\xaa-\xae]|\xe2\x81[\xa0-\xa4\xa6-\xa9]"
    rb"|\xef\xbb\xbf|\xef\xbf[\xb9-\xbb]"
)


def _holds_invisible(payload: bytes) -> bool:
    """``_INVISIBLE_UTF8.search(payload)``, answered from the lead bytes with numpy: a no-break
    space (C2 A0) and a dash (E2 80 93) are common in Swedish text, so the two common leads
    are looked at together with the byte after them; the rare ones (D8, EF) by search."""
    if b"\xd8\x9c" in payload or (b"\xef" in payload and _INVISIBLE_UTF8.search(payload)):
        return True
    data = np.frombuffer(payload, dtype=np.uint8)
    c2 = np.flatnonzero(data[:-1] == 0xC2)
    if len(c2) and (data[c2 + 1] < 0xA0).any():
        return True
    e2 = np.flatnonzero(data[:-2] == 0xE2)
    if not len(e2):
        return False
    second, third = data[e2 + 1], data[e2 + 2]
    marks = (second == 0x80) & (np.isin(third, _E280) | ((third >= 0xAA) & (third <= 0xAE)))
    joiners = (second == 0x81) & (third >= 0xA0) & (third <= 0xA9) & (third != 0xA5)
    return bool(marks.any() or joiners.any())


_E280 = np.array([0x8B, 0x8E, 0x8F], dtype=np.uint8)
# Every character Windows-1252 decodes to is a starter that composes with nothing in NFC, so
# text decoded from it whole is NFC already (a test checks every pair of its characters).
_NFC_ENCODINGS = frozenset({"cp1252"})
# Every byte but the control characters _CONTROL removes (tab, line feed and carriage return
# are allowed): what is left after deleting these is a control character.
_NOT_CONTROL = bytes(b for b in range(256) if b in (9, 10, 13) or 0x20 <= b < 0x7F or b > 0x7F)


def _record_numbers(text: str, sep: str) -> np.ndarray:
    """For each physical line (index 0 = line 1), the number of the record it belongs to."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    ends = [reader.line_num for _ in reader]
    if not ends:
        return np.ones(1, dtype="int64")
    lines = np.arange(1, ends[-1] + 1)
    return np.searchsorted(np.asarray(ends), lines, side="left") + 1


def _separator(first_line: str) -> str:
    """``;``, ``,`` or a tab: whichever the header line has most of (``;`` wins a tie)."""
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts.values())
    return next(sep for sep, n in counts.items() if n == best) if best else ","


def _parse_csv(
    folder: Path,
    path: Path,
    payload: bytes,
    sep: str,
    bad: dict[int, tuple[str, str]],
) -> tuple[pd.DataFrame, set[int], bytes]:
    """Parse ``payload`` (UTF-8); a quotation mark that never closes blanks its line.

    Returns the grid, the line numbers pandas skipped (more fields than the header) and the
    payload as finally parsed.
    """
    for _ in range(100):
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", pd.errors.ParserWarning)
                grid = pd.read_csv(
                    io.BytesIO(payload),
                    encoding="utf-8",
                    sep=sep,
                    header=None,
                    dtype=object,  # plain str cells: no string-array conversion
                    keep_default_na=False,
                    na_filter=False,
                    skip_blank_lines=False,
                    on_bad_lines="warn",  # one broken line is one rejected row, not a lost file
                )
            return grid, _skipped_lines(caught), payload
        except UnicodeDecodeError:
            raise _unreadable(folder, "unreadable.encoding", name=path.name) from None
        except (pd.errors.ParserError, ValueError) as exc:
            opened = _unclosed_quote_line(payload) if "EOF inside string" in str(exc) else None
            if opened is None:
                detail = str(exc).split("error:")[-1].strip()
                raise _unreadable(
                    folder, "unreadable.bad_csv", name=path.name, detail=detail
                ) from None
            lines = payload.split(b"\n")
            shown = lines[opened].decode("utf-8", errors="replace").rstrip("\r")[:200]
            bad[opened + 1] = (shown, "reason.unterminated_quote")
            lines[opened] = b""
            payload = b"\n".join(lines)
    raise _unreadable(folder, "unreadable.bad_csv", name=path.name, detail="quotes")


def _unclosed_quote_line(payload: bytes) -> int | None:
    """Index of the line whose quotation mark is still open at the end of the file."""
    inside, opened = False, None
    for number, line in enumerate(payload.split(b"\n")):
        if line.count(b'"') % 2:
            inside = not inside
            opened = number if inside else None
    return opened if inside else None


def _fewer_fields(
    payload: bytes, sep: str, rows: set[int], *, single_byte: bool = False
) -> tuple[tuple[int, str, str, str, str], ...]:
    """Warnings for records with fewer fields than the header (the missing ones read as empty).

    Separators per line are counted with numpy over the bytes; only when some line has too few
    and the file holds quotation marks (a quoted field may span lines or hold a separator) are
    the records counted exactly with the csv module. A line of at most one byte as written is
    not looked at (``single_byte``: the file was written one byte a character, so a line's
    length as written is its length in characters).
    """
    data = np.frombuffer(payload, dtype=np.uint8)
    ends = np.flatnonzero(data == ord("\n"))
    if not len(ends) or ends[-1] != len(data) - 1:
        ends = np.append(ends, len(data))
    seps = np.flatnonzero(data == ord(sep))
    counts = np.diff(np.searchsorted(seps, ends), prepend=0) + 1
    starts = np.concatenate(([0], ends[:-1] + 1))
    blank = (ends - starts) <= 1  # empty, or only "\r"
    if single_byte:  # the few short lines left: as :func:`_blank_line` decides
        for i in np.flatnonzero(((ends - starts) <= 3) & ~blank):
            blank[i] = _blank_line(payload[starts[i] : ends[i]], single_byte=True)
    content = np.flatnonzero(~blank)
    if not len(content):
        return ()
    expected = int(counts[content[0]])
    short = content[counts[content] < expected]
    if not len(short):
        return ()
    text = payload.decode("utf-8", errors="replace")
    if '"' in text:
        records = list(csv.reader(io.StringIO(text), delimiter=sep))
        found = [
            (number, sep.join(r), len(r))
            for number, r in enumerate(records, start=1)
            if 0 < len(r) < expected and "".join(r).strip()
        ]
    else:
        lines = text.split("\n")
        found = [(int(i) + 1, lines[i].rstrip("\r"), int(counts[i])) for i in short]
    detail = "found={};expected=" + str(expected)
    return tuple(
        (n, "", line[:200], "warning.fewer_fields", detail.format(k))
        for n, line, k in found
        if n in rows
    )


_SKIPPED = re.compile(r"Skipping line (\d+): expected \d+ fields, saw \d+")


def _skipped_lines(caught: list[warnings.WarningMessage]) -> set[int]:
    """Line numbers pandas skipped for having more fields than the header."""
    return {
        int(n)
        for w in caught
        if issubclass(w.category, pd.errors.ParserWarning)
        for n in _SKIPPED.findall(str(w.message))
    }


def _utf16(data: bytes) -> str | None:
    """``utf-16`` (byte-order mark), ``utf-16-le``/``-be`` (NUL bytes every other byte), or None.

    Text in UTF-16 without a byte-order mark is recognised by its NUL bytes: Latin text has a
    NUL in every second byte, which no UTF-8 or Windows-1252 file has.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = data[:400]
    if len(head) >= 4 and head.count(b"\0") * 3 >= len(head):
        return "utf-16-le" if head[1::2].count(b"\0") > head[0::2].count(b"\0") else "utf-16-be"
    return None


_UTF8_LETTER = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")  # a UTF-8 sequence (å, ö, é …)


@dataclass(frozen=True)
class _Decoded:
    """A CSV file ready for pandas: UTF-8 bytes without a byte-order mark, and their text.

    ``source_encoding`` is how the file was written (``utf-8``, ``cp1252``, ``utf-16``, or
    ``mixed`` when lines were decoded one by one); ``bad`` holds the lines that fit no
    encoding, by line number.
    """

    payload: bytes
    text: str
    source_encoding: str
    bad: dict[int, tuple[str, str]]


_BOM = b"\xef\xbb\xbf"


def _decode(folder: Path, path: Path, data: bytes) -> _Decoded:
    """The file as UTF-8 for pandas' C parser, which reads UTF-8 without a Python decode.

    UTF-16 (with a byte-order mark, as Excel's "Unicode text" writes it) is decoded whole.
    UTF-8 (a BOM is dropped) is the fast path. Otherwise each line is decoded on its own:
    UTF-8 if it is, else Windows-1252 — unless the line holds UTF-8 sequences too (a line
    mixing both would come out garbled) or bytes Windows-1252 does not define; such a line is
    blanked and reported as a rejected row. Whatever the source, the file is decoded once.
    """
    utf16 = _utf16(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16).removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise _unreadable(folder, "unreadable.encoding", name=path.name) from None
        return _Decoded(text.encode("utf-8"), text, "utf-16", {})
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        payload = data.removeprefix(_BOM)
        return _Decoded(payload, text.removeprefix("\ufeff"), "utf-8", {})
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        # UTF-8 letters read as Windows-1252 start with Ã or Â: none, and it is a 1252 file
        if ("Ã" not in text and "Â" not in text) or _UTF8_LETTER.search(data) is None:
            return _Decoded(text.encode("utf-8"), text, "cp1252", {})
    bad: dict[int, tuple[str, str]] = {}
    out = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            if _UTF8_LETTER.search(line):
                raise UnicodeDecodeError("mixed", line, 0, 1, "UTF-8 and Windows-1252")
            out.append(line.decode("cp1252"))
        except UnicodeDecodeError:
            shown = line.decode("utf-8", errors="replace").rstrip("\r")[:200]
            bad[number] = (shown, "reason.bad_encoding")
            out.append("")
    if bad and not any(line.strip() for line in out[: min(bad)]):  # the header line itself
        raise _unreadable(folder, "unreadable.encoding", name=path.name)
    text = "\n".join(out).removeprefix("\ufeff")
    return _Decoded(text.encode("utf-8"), text, "mixed", bad)


def _blank(data: bytes) -> bool:
    """True if ``data`` holds nothing but whitespace (and perhaps a BOM)."""
    return _NOT_BLANK.search(data) is None


# --- shared --------------------------------------------------------------------------------


def _read_bytes(path: Path, *, allow_empty: bool = False, register: Path | None = None) -> bytes:
    """The bytes of ``path``; errors name ``register`` (the workbook or the CSV folder)."""
    where = register or path
    try:
        data = path.read_bytes()
    except OSError as exc:
        detail = f"{path.name}: {exc.strerror or exc}"
        raise _unreadable(where, "unreadable.os_error", detail=detail) from None
    if not allow_empty and _blank(data):
        raise _unreadable(where, "unreadable.empty_file", name=path.name)
    return data


def _present(tables: dict[str, RawTable | None]) -> dict[str, RawTable]:
    """Drop optional tables that turned out empty (an empty sheet is no decisions)."""
    for name, table in tables.items():
        if table is None:
            log.info("%s: empty, read as no rows", name)
    return {name: table for name, table in tables.items() if table is not None}


def _match_names(
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
            raise _unreadable(
                container, f"unreadable.ambiguous_{kind}", table=table.name, a=first, b=second
            )
        found[table.name] = item
    if "activities" not in found:
        raise _unreadable(container, f"unreadable.no_activities_{kind}")
    for table in TABLES.values():
        if not table.optional and table.name not in found:
            raise _unreadable(container, f"unreadable.missing_{kind}", table=table.name)
    return found


def _display(item: object, name_of: Callable[[Any], str]) -> str:
    return item.name if isinstance(item, Path) else str(name_of(item))


def _table_from_rows(
    path: Path,
    table: str,
    source: str,
    rows: list[tuple[int, list[str]]],
    scan: SheetScan | None = None,
    engine: Engine = "calamine",
) -> RawTable | None:
    """Build a raw table from the non-blank rows of a sheet (row number, cells as text).

    Rows are cut to the header's width; a row with something only to the right of the headers
    keeps one marker cell so that it is still a row (and is reported, not lost).
    """
    width = _header_width(rows[0][1]) if rows else 0
    beyond = [any(row[width:]) for _, row in rows]
    cut = [row[:width] + [""] * (width - len(row[:width])) for _, row in rows]
    for cells, extra in zip(cut, beyond, strict=True):
        cells.append("…" if extra else "")
    numbers = [number for number, _ in rows]
    grid = pd.DataFrame(cut, index=pd.Index(numbers, dtype="int64"), dtype=object)
    raw = _table_from_grid(path, table, source, grid, escapes=engine)
    if raw is None or scan is None:
        return raw
    return dataclasses.replace(raw, notes=raw.notes + _scan_notes(raw, scan))


MAX_HEADER_GAP = 100  # blank header cells after which a header row is taken to have ended


def _header_width(header: list[str]) -> int:
    """How many columns the header row spans, ignoring a stray cell far to the right."""
    last = -1
    for pos, cell in enumerate(header):
        if cell:
            if pos - last > MAX_HEADER_GAP:
                break
            last = pos
    return last + 1


def _scan_notes(raw: RawTable, scan: SheetScan) -> tuple[tuple[int, str, str, str, str], ...]:
    """Warnings from the sheet's XML: formulas with no saved value, cells under a merge."""
    by_position = {pos: name for name, pos in raw.positions.items()}
    present = set(raw.cells.index)
    notes = []
    for row, col in sorted(scan.formulas_without_value):
        name = by_position.get(col)
        if name is not None and row in present:
            notes.append((row, name, "", "warning.formula_without_value", ""))
    for top, left, bottom, right in scan.merged:
        ref = f"{column_letter(left)}{top}:{column_letter(right)}{bottom}"
        for col in range(left, right + 1):
            name = by_position.get(col)
            if name is None:
                continue
            for row in range(top, bottom + 1):
                if (row, col) != (top, left) and row in present:
                    notes.append((row, name, "", "warning.merged_cell", f"range={ref}"))
    return tuple(notes)


def _table_from_grid(
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
        raise _unreadable(path, "unreadable.no_header", source=source)
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
            raise _unreadable(
                path,
                "unreadable.duplicate_column",
                source=source,
                column=name,
                a=headers[columns[name]],
                b=header,
            )
        columns[name] = pos
    if not columns:
        raise _unreadable(path, "unreadable.no_known_columns", source=source)
    missing = [_both_names(spec, [c]) for c in spec.required if c not in columns]
    missing += [
        _both_names(spec, group) for group in spec.one_of if not any(c in columns for c in group)
    ]
    if missing:
        raise _unreadable(
            path, "unreadable.missing_columns", source=source, columns=", ".join(missing)
        )
    return columns, ignored


def _both_names(spec: Table, names: Iterable[str]) -> str:
    """``år (year)``, or ``land / partner (country / partner_name)`` for a group."""
    columns = [spec.column(n) for n in names]
    swedish = " / ".join(c.swedish for c in columns)
    return f"{swedish} ({' / '.join(c.name for c in columns)})"
