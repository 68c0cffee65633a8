"""A streaming look at a workbook's register sheets before any reader opens them.

Why: python-calamine builds a sheet's whole cell area in memory, so one stray cell at
XFD1048576 asks for hundreds of GiB; and decompressing every sheet to look for error cells
made a small workbook with a huge (compressed) instructions sheet cost gigabytes. Here only
the sheets named like register tables are decompressed, in 1 MiB chunks, and regular
expressions note what the readers need to know: the cell area, error cells, formulas without
a saved value (files written by scripts), and merged cells.

The same look bounds what a reader will cost (issue 22): every part by the size its zip entry
declares (:func:`measure_parts`), and while streaming the register sheets their size, their
longest text, cell references in any quoting or none, and the cells a streaming reader would
yield — beyond ``RegisterLimits`` the workbook is refused (:class:`LimitExceeded`) before a
reader decompresses a byte of it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from itertools import repeat
from posixpath import join, normpath
from xml.etree import ElementTree

from ..settings import RegisterLimits
from .format import TABLES, Table, find_table, normalise_token

CHUNK = 1 << 20
OVERLAP = 4096  # bytes kept from the previous chunk, so a tag cut in two is still seen
# Above this many cells in a sheet's area, calamine's dense grid would not fit in 500 MB.
MAX_DENSE_CELLS = 4_000_000

# Attribute values may be quoted either way ('single' is valid XML), with spaces around "=".
_Q = rb"""\s*=\s*["']"""


@dataclass(frozen=True)
class _Patterns:
    """The patterns of a sheet whose tags carry no namespace prefix (``<row>``, as Excel
    writes them; a literal start keeps the search fast), or any prefix (``<x:row>``)."""

    row_tag: re.Pattern[bytes]  # a <row> element
    row_ref: re.Pattern[bytes]  # a <row> element's r="12"
    cell_tag: re.Pattern[bytes]  # a <c> element
    cell_row: re.Pattern[bytes]  # the row of an r="AB12" attribute (only cells have one)
    wide_ref: re.Pattern[bytes]  # the column of an r="AB12" beyond Z
    error: re.Pattern[bytes]  # a cell with t="e"
    formula_no_value: re.Pattern[bytes]
    merge: re.Pattern[bytes]

    @classmethod
    def make(cls, prefix: bytes, q: bytes) -> _Patterns:
        """Patterns for tags with ``prefix`` and attributes with ``q`` between name and value."""
        p = prefix
        return cls(
            row_tag=re.compile(rb"<" + p + rb"row[\s/>]"),
            row_ref=re.compile(rb"<" + p + rb"row\s[^>]*?\br" + q + rb"(\d+)"),
            cell_tag=re.compile(rb"<" + p + rb"c[\s/>]"),
            cell_row=re.compile(rb"r" + q + rb"[A-Za-z]+(\d+)[\"']"),
            wide_ref=re.compile(rb"r" + q + rb"([A-Za-z]{2,})\d+[\"']"),
            error=re.compile(rb"<" + p + rb"c\s[^>]*?\bt" + q + rb"e[\"']"),
            formula_no_value=re.compile(
                rb"<" + p + rb"c\s[^>]*?\br" + q + rb"([A-Z]{1,3})(\d+)[\"'][^>]*>\s*"
                rb"<" + p + rb"f\b[^>]*?(?:/>|>[^<]*</" + p + rb"f>)\s*"
                rb"(?:<" + p + rb"v\s*/>|<" + p + rb"v>\s*</" + p + rb"v>)?\s*</" + p + rb"c>"
            ),
            merge=re.compile(
                rb"<" + p + rb"mergeCell\b[^>]*?\bref" + q + rb"([A-Z]+)(\d+):([A-Z]+)(\d+)"
            ),
        )

    def count_tags(self, pattern: re.Pattern[bytes], name: bytes, whole: bytes) -> int:
        """How many ``<name`` tags ``whole`` holds (literal counts for plain tags: fast)."""
        if self is not _PLAIN:
            return len(pattern.findall(whole))
        return sum(whole.count(b"<" + name + end) for end in _TAG_ENDS)


_TAG_ENDS = (b" ", b">", b"/", b"\t", b"\n", b"\r")
_WHITE = (*_TAG_ENDS[3:], b" ")
_SPACED = tuple(ws + b"=" for ws in _WHITE) + tuple(b"=" + ws for ws in _WHITE)
_PLAIN = _Patterns.make(b"", b"""=["']""")  # as Excel and every library writes them
_GENERAL = _Patterns.make(rb"(?:\w+:)?", _Q)  # any prefix, spaces around "="
_PREFIX = re.compile(rb"<\w+:(?:worksheet|sheetData|row|c)[\s/>]")
MIB = 1 << 20
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/package/2006/relationships",
}


class LimitExceeded(Exception):
    """A part of a workbook goes beyond a limit: the label key of the sentence and its values."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(key, values)


def _grouped(number: int) -> str:
    """50000000 → ``50 000 000`` (no-break spaces: read alike in Swedish and English)."""
    return f"{number:,}".replace(",", "\u00a0")


class _TextRun:
    """The longest text between two tags of a stream of XML, checked chunk by chunk.

    Text and attribute values cannot hold ``<`` (it is escaped), so the longest run of bytes
    without one bounds every string a reader will build. A chunk is looked at in windows of
    half the limit: a run as long as the limit covers one whole window, and a window holding
    a ``<`` is found at memchr speed; only a window without one is measured exactly.
    """

    def __init__(self, source: str, limits: RegisterLimits) -> None:
        self.source = source
        self.limit = limits.text_kb * 1024
        self.kb = limits.text_kb
        self.run = 0  # bytes since the last "<"

    def feed(self, chunk: bytes) -> None:
        first = chunk.find(b"<")
        if first < 0:
            self._grow(len(chunk))
            return
        self._grow(first)
        last = chunk.rfind(b"<")
        window = max(self.limit // 2, 1)
        for start in range(first, last, window):
            if chunk.find(b"<", start + 1, min(start + 1 + window, last + 1)) < 0:
                self._exact(chunk[first : last + 1])
                break
        self.run = len(chunk) - last - 1
        self._grow(0)

    def _exact(self, part: bytes) -> None:
        import numpy as np

        at = np.flatnonzero(np.frombuffer(part, dtype=np.uint8) == ord("<"))
        if len(at) > 1 and int(np.diff(at).max()) - 1 > self.limit:
            raise LimitExceeded("limit.text", source=self.source, limit=self.kb)

    def _grow(self, n: int) -> None:
        self.run += n
        if self.run > self.limit:
            raise LimitExceeded("limit.text", source=self.source, limit=self.kb)


@dataclass
class SheetScan:
    """What the scan of one sheet found (rows and columns numbered from 1)."""

    max_row: int = 0
    max_col: int = 0
    has_errors: bool = False
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)
    merged: set[tuple[int, int, int, int]] = field(default_factory=set)  # top, left, bottom, right
    rows: int = 0  # <row> elements
    unreferenced: int = 0  # <row> and <c> elements without an r attribute (placed by order)
    wide: int = 0  # the column numbers beyond Z of all cells, summed
    size: int = 0  # bytes of XML, uncompressed
    raw_controls: bool = False  # control characters written raw (not XML; openpyxl refuses)

    @property
    def needs_streaming(self) -> bool:
        """True when calamine must not read the sheet (error cells, a huge cell area, or cells
        placed by their order, whose area is known only as a bound)."""
        width = max(self.max_col, 26)
        return self.has_errors or self.unreferenced > 0 or self.max_row * width > MAX_DENSE_CELLS

    @property
    def spanned(self) -> int:
        """A bound on the cells a streaming reader yields: each row from column A to its last
        cell (26 for a row within A–Z), plus every cell placed by order."""
        return 26 * self.rows + self.wide + self.unreferenced


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


def scan_workbook(data: bytes, limits: RegisterLimits | None = None) -> dict[str, SheetScan] | None:
    """Scans of the register sheets by sheet name; None if the file is no readable zip.

    Raises :class:`LimitExceeded` as soon as a sheet goes beyond ``limits`` (its XML's size,
    its longest text, a cell outside Excel's grid, the cells its rows span).
    """
    limits = limits or RegisterLimits()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return {
                name: _scan(book, part, name, limits)
                for name, part in _register_sheets(book).items()
            }
    except LimitExceeded:
        raise
    except (zipfile.BadZipFile, OSError, KeyError, ElementTree.ParseError, ValueError):
        return None  # the readers then say in plain words what is wrong
    except Exception:  # zlib.error and the like: let the reader judge
        return None


SHARED_STRINGS = "sharedStrings.xml"


def measure_parts(data: bytes, limits: RegisterLimits | None = None) -> None:
    """Raise :class:`LimitExceeded` if a part a reader would decompress is beyond ``limits``.

    Every part but the sheets that are not part of the register (those are emptied before a
    reader sees them, :func:`without_unused_sheets`) is measured by the size its zip entry
    declares; the XML parts other than the register sheets (shared strings, styles …) are
    also streamed, which checks that the size declared is the size stored (zipfile stops at
    the declared size and checks the CRC) and finds the longest shared string. The register
    sheets themselves are streamed by :func:`scan_workbook`. Not a zip: the readers say so.
    """
    limits = limits or RegisterLimits()
    budget = limits.sheet_mb * MIB
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with book:
        for info in book.infolist():
            if info.filename in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
                _declared(info, budget, limits)
        try:
            used = set(_register_sheets(book).values())
        except Exception:  # no workbook we can look into: the readers will say so
            return
        for info in book.infolist():
            unused = info.filename.startswith("xl/worksheets/") and info.filename not in used
            if unused:
                continue
            _declared(info, budget, limits)
            if info.filename.endswith((".xml", ".rels")) and info.filename not in used:
                _stream(book, info, limits)


def _declared(info: zipfile.ZipInfo, budget: int, limits: RegisterLimits) -> None:
    if info.file_size > budget:
        size = -(-info.file_size // MIB)
        raise LimitExceeded(
            "limit.part_size", part=info.filename, size=_grouped(size), limit=limits.sheet_mb
        )


def _stream(book: zipfile.ZipFile, info: zipfile.ZipInfo, limits: RegisterLimits) -> None:
    text = _TextRun(info.filename.rsplit("/", 1)[-1], limits)
    try:
        with book.open(info) as stream:
            while chunk := stream.read(CHUNK):
                if info.filename.endswith(SHARED_STRINGS):
                    text.feed(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise LimitExceeded("unreadable.not_a_workbook") from None
    except LimitExceeded:
        raise
    except Exception:  # zlib.error and the like
        raise LimitExceeded("unreadable.not_a_workbook") from None


# Every byte but the control characters XML 1.0 does not allow (tab, line feed and carriage
# return are allowed): what is left after deleting these is a raw control character.
_NOT_CONTROL = bytes(b for b in range(256) if b in (9, 10, 13) or b >= 0x20)
_RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def with_controls_escaped(data: bytes, parts: set[str]) -> bytes:
    """The workbook with raw control characters in ``parts`` written as Excel's escapes.

    A control character is not allowed in XML: calamine reads past it, openpyxl's parser
    refuses the whole sheet, so one ``\\x0b`` next to an error cell (read by openpyxl) made
    the sheet "damaged". As ``_x000B_`` it is read as the character, then flagged and removed
    like any other. The copy is stored uncompressed; the original bytes are fingerprinted.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as book, zipfile.ZipFile(out, "w") as copy:
        for info in book.infolist():
            body = book.read(info.filename)
            if info.filename in parts:
                body = _RAW_CONTROL.sub(lambda m: b"_x%04X_" % m.group()[0], body)
            copy.writestr(info.filename, body)
    return out.getvalue()


def register_parts(data: bytes) -> dict[str, str]:
    """Sheet name → zip member of the register sheets (empty if none can be found)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return _register_sheets(book)
    except Exception:  # not a workbook we can look into: the readers will say so
        return {}


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


def continued_table(name: str) -> Table | None:
    """The table a sheet continues, by its name: a table's name and more words after it, as
    Excel names a copied sheet ("aktiviteter (2)") or a coordinator a second one
    ("aktiviteter forts", "Activities 2025"). An exact table name is no continuation."""
    token = normalise_token(name)
    for table in TABLES.values():
        for own in (normalise_token(table.name), normalise_token(table.swedish)):
            if token.startswith(own + " "):
                return table
    return None


def _register_sheets(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member, for the sheets named like a register table (or continuing
    one, such as "aktiviteter (2)") only."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", _NS)}
    found = {}
    for sheet in workbook.iterfind("m:sheets/m:sheet", _NS):
        name = sheet.get("name", "")
        if find_table(name) is None and continued_table(name) is None:
            continue
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
        found[name] = part
    return found


def _scan(book: zipfile.ZipFile, part: str, name: str, limits: RegisterLimits) -> SheetScan:
    """Stream one sheet's XML through the patterns, within ``limits``.

    Each chunk is cut at its last ``<``, the rest carried to the next, so that every tag is
    looked at whole and counted once; the patterns that span several tags (a formula and
    its cell) also see the last bytes already looked at (their findings are sets).
    """
    scan = SheetScan()
    text = _TextRun(name, limits)
    pending = lookback = b""
    patterns = _PLAIN
    with book.open(part) as stream:
        while True:
            chunk = stream.read(CHUNK)
            scan.size += len(chunk)
            if scan.size > limits.sheet_mb * MIB:
                raise LimitExceeded("limit.sheet_size", source=name, limit=limits.sheet_mb)
            text.feed(chunk)
            buffer = pending + chunk
            cut = buffer.rfind(b"<") if chunk else len(buffer)
            if cut <= 0:
                cut = len(buffer)
            whole, pending = buffer[:cut], buffer[cut:]
            patterns = _GENERAL if patterns is _GENERAL or _general(whole) else _PLAIN
            _scan_chunk(whole, lookback + whole, scan, patterns)
            if not scan.raw_controls and whole.translate(None, _NOT_CONTROL):
                scan.raw_controls = True
            lookback = whole[-OVERLAP:]
            if scan.spanned > limits.cells:
                raise LimitExceeded("limit.cells", source=name, limit=_grouped(limits.cells))
            if scan.max_row > EXCEL_ROWS or scan.max_col > EXCEL_COLUMNS:
                raise LimitExceeded("limit.outside_grid", source=name)
            if not chunk:
                return scan


def _general(whole: bytes) -> bool:
    """True when ``whole`` needs the general patterns: prefixed tags or spaces around ``=``."""
    return any(s in whole for s in _SPACED) or _PREFIX.search(whole) is not None


def _scan_chunk(whole: bytes, buffer: bytes, scan: SheetScan, patterns: _Patterns) -> None:
    """Count and note what ``whole`` (whole tags, seen once) holds; ``buffer`` is ``whole``
    with the bytes before it, for the patterns spanning several tags."""
    rows = patterns.row_ref.findall(whole)
    n_rows = patterns.count_tags(patterns.row_tag, b"row", whole)
    scan.rows += n_rows
    if rows:
        scan.max_row = max(scan.max_row, max(map(int, rows)))
    scan.max_row += n_rows - len(rows)  # rows placed by order: at most one further each
    refs = patterns.cell_row.findall(whole)
    cells = patterns.count_tags(patterns.cell_tag, b"c", whole)
    scan.unreferenced += n_rows - len(rows) + max(cells - len(refs), 0)
    if refs:  # the highest row, without a Python step per cell: compared as text of 7 digits
        longest = max(map(len, refs))
        if longest > len(str(EXCEL_ROWS)):
            scan.max_row = max(scan.max_row, EXCEL_ROWS + 1)
        else:
            highest = max(map(bytes.rjust, refs, repeat(longest)))
            scan.max_row = max(scan.max_row, int(highest))
    wide = patterns.wide_ref.findall(whole)
    if wide:
        numbers = [column_number(w.decode().upper()) for w in wide]
        scan.max_col = max(scan.max_col, *numbers)
        scan.wide += sum(numbers)
    if not scan.has_errors and (b'"e"' in buffer or b"'e'" in buffer):
        scan.has_errors = patterns.error.search(buffer) is not None
    if b"f" in buffer and (b"<f" in buffer or b":f" in buffer):
        for letters, row in patterns.formula_no_value.findall(buffer):
            scan.formulas_without_value.add((int(row), column_number(letters.decode())))
    if b"mergeCell" in buffer:
        for a, b, c, d in patterns.merge.findall(buffer):
            top, bottom = int(b), int(d)
            left, right = column_number(a.decode()), column_number(c.decode())
            scan.merged.add((top, left, bottom, right))
