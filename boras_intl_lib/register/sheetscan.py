"""A streaming look at a workbook's register sheets before any reader opens them.

Why: python-calamine builds a sheet's whole cell area in memory, so one stray cell at
XFD1048576 asks for hundreds of GiB; and decompressing every sheet to look for error cells
made a small workbook with a huge (compressed) instructions sheet cost gigabytes. Here only
the sheets named like register tables are decompressed, in 1 MiB chunks, and regular
expressions note what the readers need to know: the cell area, error cells, formulas without
a saved value (files written by scripts), and merged cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from posixpath import join, normpath
from xml.etree import ElementTree

from .format import find_table

CHUNK = 1 << 20
OVERLAP = 4096  # bytes kept from the previous chunk, so a tag cut in two is still seen
# Above this many cells in a sheet's area, calamine's dense grid would not fit in 500 MB.
MAX_DENSE_CELLS = 4_000_000

_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"')
_WIDE_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{2,3})(\d+)"')
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt="e"')
_FORMULA_NO_VALUE = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>\s*'
    rb"<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/package/2006/relationships",
}


@dataclass
class SheetScan:
    """What the scan of one sheet found (rows and columns numbered from 1)."""

    max_row: int = 0
    max_col: int = 0
    has_errors: bool = False
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)
    merged: set[tuple[int, int, int, int]] = field(default_factory=set)  # top, left, bottom, right

    @property
    def needs_streaming(self) -> bool:
        """True when calamine must not read the sheet (error cells, or a huge cell area)."""
        width = max(self.max_col, 26)
        return self.has_errors or self.max_row * width > MAX_DENSE_CELLS


def column_number(letters: str) -> int:
    """``A`` → 1, ``XFD`` → 16384."""
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def column_letter(number: int) -> str:
    """1 → ``A``, 16384 → ``XFD``."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def scan_workbook(data: bytes) -> dict[str, SheetScan] | None:
    """Scans of the register sheets by sheet name; None if the file is no readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return {name: _scan(book, part) for name, part in _register_sheets(book).items()}
    except (zipfile.BadZipFile, OSError, KeyError, ElementTree.ParseError, ValueError):
        return None  # the readers then say in plain words what is wrong
    except Exception:  # zlib.error and the like: let the reader judge
        return None


LARGE_UNUSED = 1 << 20  # an unused sheet above this size (uncompressed) is left out
_EMPTY_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><sheetData/></worksheet>'
)


def without_unused_sheets(data: bytes) -> bytes:
    """The workbook with large sheets that are not part of the register emptied.

    openpyxl looks into every sheet when it opens a workbook (to find its size, reading to
    the end when the file does not say), so a 3 GiB instructions sheet would be decompressed
    after all. The copy is stored uncompressed; the original bytes are what is fingerprinted.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            used = set(_register_sheets(book).values())
            unused = [
                info
                for info in book.infolist()
                if info.filename.startswith("xl/worksheets/")
                and info.filename.endswith(".xml")
                and info.filename not in used
                and info.file_size > LARGE_UNUSED
            ]
            if not unused:
                return data
            skip = {info.filename for info in unused}
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
                for info in book.infolist():
                    body = _EMPTY_SHEET if info.filename in skip else book.read(info.filename)
                    copy.writestr(info.filename, body)
            return out.getvalue()
    except Exception:  # not a workbook we can look into: the readers will say so
        return data


def _register_sheets(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member, for the sheets named like a register table only."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", _NS)}
    found = {}
    for sheet in workbook.iterfind("m:sheets/m:sheet", _NS):
        name = sheet.get("name", "")
        if find_table(name) is None:
            continue
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
        found[name] = part
    return found


def _scan(book: zipfile.ZipFile, part: str) -> SheetScan:
    """Stream one sheet's XML through the patterns."""
    scan = SheetScan()
    tail = b""
    with book.open(part) as stream:
        while chunk := stream.read(CHUNK):
            buffer = tail + chunk
            _scan_chunk(buffer, scan)
            tail = buffer[-OVERLAP:]
    return scan


def _scan_chunk(buffer: bytes, scan: SheetScan) -> None:
    rows = _ROW.findall(buffer)
    if rows:
        scan.max_row = max(scan.max_row, max(int(r) for r in rows[-3:]), int(rows[0]))
    for letters, row in _WIDE_CELL.findall(buffer):
        scan.max_col = max(scan.max_col, column_number(letters.decode()))
        scan.max_row = max(scan.max_row, int(row))
    if not scan.has_errors and _ERROR_CELL.search(buffer):
        scan.has_errors = True
    for letters, row in _FORMULA_NO_VALUE.findall(buffer):
        scan.formulas_without_value.add((int(row), column_number(letters.decode())))
    for a, b, c, d in _MERGE.findall(buffer):
        top, bottom = int(b), int(d)
        left, right = column_number(a.decode()), column_number(c.decode())
        scan.merged.add((top, left, bottom, right))
