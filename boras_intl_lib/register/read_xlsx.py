"""Reading one ``.xlsx`` workbook: its register sheets → raw tables.

Only the register sheets are opened (and the sheets continuing them, such as a copied
"aktiviteter (2)"); every other sheet is named as not read. The sheets' XML is measured and
scanned as a stream first (:mod:`sheetscan`), then read by python-calamine, or by openpyxl
when calamine is missing or the scan asks for a streaming reader.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import logging
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

import pandas as pd

from ..errors import RegisterUnreadableError
from ..settings import RegisterLimits
from .cells import table_from_grid
from .format import find_table
from .raw import (
    UNREAD_LANGS,
    RawRegister,
    RawTable,
    Unread,
    continued,
    file_bytes,
    match_names,
    present_tables,
    unreadable,
)
from .sheetscan import SheetScan, column_letter, continued_table

log = logging.getLogger("boras_intl")


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

    data = file_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    try:  # measured before any reader (or the copy below) decompresses a byte of it
        sheetscan.measure_parts(data, limits)
        data = sheetscan.without_unused_sheets(data)
        scans = sheetscan.scan_workbook(data, limits)
    except sheetscan.LimitExceeded as exc:
        raise unreadable(path, exc.key, **exc.values) from None
    if scans and any(scan.raw_controls for scan in scans.values()):
        members = sheetscan.register_parts(data)
        dirty = {members[name] for name, scan in scans.items() if scan.raw_controls}
        data = sheetscan.with_controls_escaped(data, dirty)
    use_openpyxl = scans is None or any(scan.needs_streaming for scan in scans.values())
    names, read_sheet, close, engine = _open_workbook(path, data, force_openpyxl=use_openpyxl)
    try:
        sheets = match_names(path, names, lambda name: name, "sheet")
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
    tables: dict[str, RawTable | None] = {t: continued(t, raws) for t, raws in found.items()}
    for table in sheets:
        tables.setdefault(table, None)
    return RawRegister(path, present_tables(tables), (path,), sha256, tuple(unread))


def _continuations(names: Iterable[str], sheets: dict[str, str]) -> dict[str, list[str]]:
    """Table → the sheets that continue it, in workbook order (the table's own sheet first)."""
    more: dict[str, list[str]] = {}
    for name in names:
        table = continued_table(name)
        if table is not None and table.name in sheets and find_table(name) is None:
            more.setdefault(table.name, []).append(name)
    return more


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
        raise unreadable(path, "unreadable.not_a_workbook") from None

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
        raise unreadable(path, "unreadable.not_a_workbook") from None

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
        raise unreadable(path, "unreadable.bad_sheet", source=name) from None
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
    raw = table_from_grid(path, table, source, grid, escapes=engine)
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
