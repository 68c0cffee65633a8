"""Reading a register: a path → raw tables of text with Excel row numbers.

A register is an ``.xlsx`` workbook or a folder of CSV files (see ``docs/register-format.md``).
Nothing is interpreted here beyond turning every cell into stripped text: parsing and checking
happen in :mod:`parsing` and :mod:`validation`, which can then report each problem with the
sheet or file, the row number Excel shows, and the header as the coordinator wrote it.
Anything that makes the register unreadable as a whole raises
:class:`~boras_intl_lib.errors.RegisterUnreadableError` with one sentence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import logging
import re
import threading
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import RegisterUnreadableError
from ..i18n.labels import label
from .format import TABLES, Table, find_table, normalise_token

log = logging.getLogger("boras_intl")

CSV_SUFFIX = ".csv"
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
    # CSV lines with more fields than the header: (row, the line as written); rejected rows
    bad_lines: tuple[tuple[int, str], ...] = ()

    @property
    def table(self) -> Table:
        return TABLES[self.name]

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


def read_register(path: Path | str) -> RawRegister:
    """Read a workbook or a folder of CSV files into raw tables."""
    path = Path(path)
    if not path.exists():
        raise _unreadable(path, "unreadable.not_found")
    if path.is_dir():
        return read_csv_folder(path)
    if path.suffix.lower() == CSV_SUFFIX:
        raise _unreadable(path, "unreadable.csv_file")
    return read_workbook(path)


def _unreadable(path: Path, key: str, **values: object) -> RegisterUnreadableError:
    return RegisterUnreadableError(
        path, label(key, "en", **values), reason_sv=label(key, "sv", **values)
    )


# --- workbooks -----------------------------------------------------------------------------


def read_workbook(path: Path) -> RawRegister:
    """Read the register sheets of an ``.xlsx`` workbook (other sheets are ignored).

    Uses python-calamine when it is installed (a Rust reader, about 15 times faster), else
    openpyxl; both give the same text for every cell (see :func:`cell_text`).
    """
    data = _read_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    names, read_sheet, close = _open_workbook(path, data)
    try:
        sheets = _match_names(path, names, lambda name: name, "sheet")
        rows = {table: _read_sheet(path, read_sheet, name) for table, name in sheets.items()}
    finally:
        close()
    tables = {
        table: _table_from_rows(path, table, sheets[table], sheet_rows)
        for table, sheet_rows in rows.items()
    }
    return RawRegister(path, _present(tables), (path,), sha256)


SheetReader = Callable[[str], Iterable[Iterable[object]]]


def _open_workbook(path: Path, data: bytes) -> tuple[list[str], SheetReader, Callable[[], None]]:
    """Sheet names, a function giving a sheet's rows of cell values (row 1 first), and close."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return _open_with_openpyxl(path, data)
    if _has_error_cells(data):  # calamine reads #N/A, #DIV/0! … as blank; openpyxl as text
        return _open_with_openpyxl(path, data)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # whatever the reader trips on, the file is no workbook to us
        log.debug("calamine could not open %s: %r", path, exc)
        raise _unreadable(path, "unreadable.not_a_workbook") from None

    def rows(name: str) -> Iterable[Iterable[object]]:
        return book.get_sheet_by_name(name).to_python(skip_empty_area=False)

    return list(book.sheet_names), rows, book.close


_ERROR_CELL = re.compile(rb'<c [^>]*t="e"')


def _has_error_cells(data: bytes) -> bool:
    """True if a worksheet of the workbook holds an error cell (``t="e"``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
            return any(_ERROR_CELL.search(book.read(n)) for n in sheets if n.endswith(".xml"))
    except (zipfile.BadZipFile, OSError, KeyError):
        return False  # not a workbook: the reader says so in plain words


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


def _read_sheet(path: Path, read_sheet: SheetReader, name: str) -> list[list[str]]:
    """Every row of one sheet as text; a damaged sheet makes the workbook unreadable."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [[cell_text(v) for v in values] for values in read_sheet(name)]
    except Exception as exc:  # broken XML inside a valid zip, and the like
        log.debug("could not read sheet %s of %s: %r", name, path, exc)
        raise _unreadable(path, "unreadable.bad_sheet", source=name) from None


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


def read_csv_folder(path: Path) -> RawRegister:
    """Read ``activities.csv`` (or ``aktiviteter.csv``) and friends from a folder."""
    files = [p for p in sorted(path.iterdir()) if p.is_file() and p.suffix.lower() == CSV_SUFFIX]
    found = _match_names(path, files, lambda p: p.stem, "file")
    ordered = sorted(found.items(), key=lambda item: item[1].name)
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
    """One CSV file as a raw table; problems are reported against the register ``folder``."""
    if _blank(data):
        if TABLES[table].optional:
            return None
        raise _unreadable(folder, "unreadable.empty_file", name=path.name)
    encoding = _encoding(data)
    end = data.find(b"\n")
    first_line = (data if end < 0 else data[:end]).decode(encoding, errors="replace")
    sep = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            grid = pd.read_csv(
                io.BytesIO(data),
                encoding=encoding,
                sep=sep,
                header=None,
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                on_bad_lines="warn",  # one broken line is one rejected row, not a lost file
            )
    except UnicodeDecodeError:
        raise _unreadable(folder, "unreadable.encoding", name=path.name) from None
    except (pd.errors.ParserError, ValueError) as exc:
        detail = str(exc).split("error:")[-1].strip()
        raise _unreadable(folder, "unreadable.bad_csv", name=path.name, detail=detail) from None
    skipped = _skipped_lines(caught)
    kept = np.setdiff1d(np.arange(1, len(grid) + len(skipped) + 1), list(skipped))
    grid.index = pd.Index(kept, dtype="int64")
    raw = _table_from_grid(folder, table, path.name, grid)
    if raw is None or not skipped:
        return raw
    lines = data.decode(encoding, errors="replace").splitlines()
    bad = tuple((n, lines[n - 1][:200] if n <= len(lines) else "") for n in sorted(skipped))
    return dataclasses.replace(raw, bad_lines=bad)


_SKIPPED = re.compile(r"Skipping line (\d+): expected \d+ fields, saw \d+")


def _skipped_lines(caught: list[warnings.WarningMessage]) -> set[int]:
    """Line numbers pandas skipped for having more fields than the header."""
    return {
        int(n)
        for w in caught
        if issubclass(w.category, pd.errors.ParserWarning)
        for n in _SKIPPED.findall(str(w.message))
    }


def _encoding(data: bytes) -> str:
    """UTF-8 (a BOM is dropped) if the bytes are valid UTF-8, else Windows-1252."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


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
    path: Path, table: str, source: str, rows: Iterable[list[str]]
) -> RawTable | None:
    """Build a raw table from rows of text (row 1 first), as read from a sheet."""
    kept: list[list[str]] = []
    numbers: list[int] = []
    for number, row in enumerate(rows, start=1):
        if any(row):
            kept.append(row)
            numbers.append(number)
    width = max((len(row) for row in kept), default=0)
    padded = [row + [""] * (width - len(row)) for row in kept]
    grid = pd.DataFrame(padded, index=pd.Index(numbers, dtype="int64"), dtype=object)
    return _table_from_grid(path, table, source, grid)


def _table_from_grid(path: Path, table: str, source: str, grid: pd.DataFrame) -> RawTable | None:
    """Find the header row of ``grid`` (text, index = row number) and name its columns."""
    spec = TABLES[table]
    stripped = [_strip(grid[c]) for c in grid.columns]
    blank = np.ones(len(grid), dtype=bool)
    for values in stripped:
        blank &= values == ""
    body = np.flatnonzero(~blank)
    if body.size == 0:
        if spec.optional:
            return None
        raise _unreadable(path, "unreadable.no_header", source=source)
    header_at = body[0]
    rows: np.ndarray | slice = body[1:]
    if len(body) == len(grid) - header_at:  # no blank rows: take views, not copies
        rows = slice(header_at + 1, None)
    headers = [str(values[header_at]) for values in stripped]
    columns, ignored = _name_columns(path, spec, source, headers)
    index = pd.Index(grid.index.to_numpy()[rows], name="row", dtype="int64")
    cells = pd.DataFrame(
        {name: stripped[pos][rows] for name, pos in columns.items()}, index=index, dtype=object
    )
    if ignored:
        log.info("%s: columns not part of the register format ignored: %s", source, ignored)
    return RawTable(
        table,
        source,
        cells,
        {name: headers[pos] for name, pos in columns.items()},
        tuple(ignored),
    )


_STRIP = np.frompyfunc(str.strip, 1, 1)


def _strip(series: pd.Series) -> np.ndarray:
    """Strip surrounding whitespace (incl. no-break spaces) from every cell: object array of str.

    ``str.strip`` run by a numpy ufunc loop measured faster than any vectorised test for
    whether a column needs it (about 35 ns a cell).
    """
    values = series.to_numpy(dtype=object)
    return _STRIP(values) if len(values) else values


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
