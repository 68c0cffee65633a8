"""Reading a folder of CSV files (``activities.csv`` or ``aktiviteter.csv`` and friends).

Each file is decoded once (UTF-8 with or without a byte-order mark, Windows-1252, UTF-16, or
line by line when it mixes them), its separator taken from the header line, and parsed by
pandas' C parser; lines that fit no encoding, a quotation mark that never closes and records
with too many or too few fields are kept aside or flagged, never lost.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import re
import threading
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Problem, RegisterUnreadableError, reason_of
from ..settings import RegisterLimits
from .cells import table_from_grid, visible
from .folder_files import CsvFolder, plan_csv_folder
from .format import TABLES
from .raw import (
    UNREAD_LANGS,
    RawRegister,
    RawTable,
    Unread,
    continued,
    file_bytes,
    is_blank,
    present_tables,
    unreadable,
)


def read_csv_folder(path: Path, limits: RegisterLimits | None = None) -> RawRegister:
    """Read ``activities.csv`` (or ``aktiviteter.csv``) and friends from a folder; a file
    larger than ``limits.csv_mb`` is refused before it is read.

    A file continuing a table (``aktiviteter (2).csv``, or a file with a table's headers, see
    :mod:`folder_files`) adds its rows to the table, each keyed by file number ×
    :data:`ROW_KEY` + row so that every message names its own file; one that cannot be read
    is named as not read, with the reason, like every other file of the folder.
    """
    plan = plan_csv_folder(path, csv_headers)
    parts = [(table, file) for table, file in plan.tables.items()]
    parts += [(table, file) for table, files in plan.continuations.items() for file in files]
    parts.sort(key=lambda part: part[1].name)
    _check_csv_sizes(path, [file for _, file in parts], limits or RegisterLimits())
    unread = list(plan.unread)
    data = _files_data(path, parts, plan, unread)
    chunks = [[file.name.encode("utf-8") + b"\0", data[file]] for _, file in parts if file in data]
    sha256 = _sha256_in_background([chunk for pair in chunks for chunk in pair])
    tables = {
        name: _read_with_continuations(path, name, plan, data, unread)
        for name in TABLES
        if name in plan.tables
    }
    files = tuple(file for _, file in parts if file in data)
    return RawRegister(path, present_tables(tables), files, sha256(), tuple(unread))


def _files_data(
    folder: Path, parts: list[tuple[str, Path]], plan: CsvFolder, unread: list[Unread]
) -> dict[Path, bytes]:
    """The bytes of each file to read; a continuation that cannot be opened is added to
    ``unread`` (a table's own file that cannot be makes the register unreadable)."""
    data: dict[Path, bytes] = {}
    for table, file in parts:
        try:
            data[file] = file_bytes(file, allow_empty=TABLES[table].optional, register=folder)
        except RegisterUnreadableError as exc:
            if plan.tables[table] == file:
                raise
            unread.append(_continuation_unread(file, exc, plan))
    return data


def _read_with_continuations(
    folder: Path, name: str, plan: CsvFolder, data: dict[Path, bytes], unread: list[Unread]
) -> RawTable | None:
    """One table from its own file and the files continuing it (None if all are empty); a
    continuation that cannot be read is added to ``unread``, with the reason."""
    own = plan.tables[name]
    read = [_read_csv_table(folder, own, name, data[own])]
    for file in plan.continuations.get(name, []):
        if file not in data:
            continue
        try:
            read.append(_read_csv_table(folder, file, name, data[file]))
        except RegisterUnreadableError as exc:
            unread.append(_continuation_unread(file, exc, plan))
    found = [raw for raw in read if raw is not None]
    return continued(name, found) if found else None


def _continuation_unread(file: Path, exc: RegisterUnreadableError, plan: CsvFolder) -> Unread:
    """A continuation file not read, with the reason in Swedish and English."""
    key = "unread.file_continuation"
    if file in plan.by_headers:
        key = "unread.file_continuation_headers"
    return (file.name, None, f"{exc.reason_sv}{UNREAD_LANGS}{exc.reason}", key)


HEADER_BYTES = 64 * 1024  # how much of a file is looked at for its header line


def csv_headers(path: Path) -> list[str]:
    """The headers of a CSV file as the reader would find them (the first row with a non-blank
    cell, split by the separator of the first line), from the file's first bytes only; empty
    when there are none or the file cannot be read. Enough to tell whether the file holds a
    register table, without reading a large file that holds none."""
    try:
        with path.open("rb") as stream:
            head = stream.read(HEADER_BYTES)
    except OSError:
        return []
    utf16 = _utf16(head)
    if utf16 is not None:
        text = head[: len(head) // 2 * 2].decode(utf16, errors="replace")
    else:
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # a character cut at the end of the bytes read, or a file that is not UTF-8
            cut = len(head) == HEADER_BYTES and exc.start >= len(head) - 3
            text = head[: exc.start].decode("utf-8") if cut else head.decode("cp1252", "replace")
    text = text.removeprefix("\ufeff")
    sep = _separator(text.split("\n", 1)[0])
    try:
        for cells in csv.reader(io.StringIO(text), delimiter=sep):
            headers = [unicodedata.normalize("NFC", visible(cell)).strip() for cell in cells]
            if any(headers):
                return headers
    except csv.Error:
        pass
    return []


def _check_csv_sizes(folder: Path, files: list[Path], limits: RegisterLimits) -> None:
    """Refuse a CSV file above ``limits.csv_mb`` by its size on disk, before reading it."""
    for file in files:
        try:
            size = file.stat().st_size
        except OSError:
            continue  # reading it says what is wrong
        if size > limits.csv_mb * (1 << 20):
            mb = -(-size // (1 << 20))
            raise unreadable(folder, "limit.csv_size", name=file.name, size=mb, limit=limits.csv_mb)


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
    if is_blank(data):
        if TABLES[table].optional:
            return None
        raise unreadable(folder, "unreadable.empty_file", name=path.name)
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
    raw = table_from_grid(folder, table, path.name, grid, clean=_needs_cleaning(decoded))
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
            raise unreadable(folder, "unreadable.encoding", name=path.name) from None
        except (pd.errors.ParserError, ValueError) as exc:
            opened = _unclosed_quote_line(payload) if "EOF inside string" in str(exc) else None
            if opened is None:
                raise unreadable(
                    folder, "unreadable.bad_csv", name=path.name, detail=reason_of(exc)
                ) from None
            lines = payload.split(b"\n")
            shown = lines[opened].decode("utf-8", errors="replace").rstrip("\r")[:200]
            bad[opened + 1] = (shown, "reason.unterminated_quote")
            lines[opened] = b""
            payload = b"\n".join(lines)
    said = Problem("detail.quotes")
    raise unreadable(folder, "unreadable.bad_csv", name=path.name, detail=said)


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
            raise unreadable(folder, "unreadable.encoding", name=path.name) from None
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
        raise unreadable(folder, "unreadable.encoding", name=path.name)
    text = "\n".join(out).removeprefix("\ufeff")
    return _Decoded(text.encode("utf-8"), text, "mixed", bad)
