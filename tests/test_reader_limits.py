"""Every register file is measured before it is parsed (issue 22 item 2).

Small hostile workbooks are written by hand (zip entries and XML as bytes) so that each one
holds exactly the trap under test: a cell reference in single quotes, cells with no reference
at all, one huge string (inline and shared), a zip bomb of empty cells (honest and lying
headers), a cell outside Excel's grid, rows spanning billions of cells, and a CSV file too
large to read. Each is run through the real command line in a fresh process whose peak memory
is taken from the kernel (``os.wait4``): exit 2 with one Swedish line, or — where the file is
an ordinary if odd register — read without a crash, in well under a second of reading and
under 300 MB.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.errors import RegisterUnreadableError
from boras_intl_lib.register.reading import read_register
from boras_intl_lib.settings import RegisterLimits

ROOT = Path(__file__).resolve().parent.parent
MAX_RSS_MB = 300
MIB = 1 << 20

_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL_NS = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>aktivitets_id</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>\xc3\xa5r</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>titel</t></is></c>'
    b'<c r="D1" t="inlineStr"><is><t>f\xc3\xb6rvaltning</t></is></c>'
    b'<c r="E1" t="inlineStr"><is><t>typ</t></is></c></row>'
)


def _row(n: int, ref: bool = True) -> bytes:
    cells = [f"A{n}", "2024", f"Aktivitet {n}", "Kulturförvaltningen", "projekt"]
    out = []
    for letter, value in zip("ABCDE", cells, strict=True):
        r = f' r="{letter}{n}"' if ref else ""
        if value.isdigit():
            out.append(f"<c{r}><v>{value}</v></c>")
        else:
            out.append(f'<c{r} t="inlineStr"><is><t>{value}</t></is></c>')
    row_ref = f' r="{n}"' if ref else ""
    return f"<row{row_ref}>{''.join(out)}</row>".encode()


def sheet(*rows: bytes, extra: bytes = b"") -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
        + _NS
        + b"><sheetData>"
        + b"".join(rows)
        + b"</sheetData>"
        + extra
        + b"</worksheet>"
    )


PARTNER_SHEET = sheet(
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>aktivitets_id</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>partner</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>land</t></is></c></row>'
)

Member = tuple[str, bytes] | tuple[str, tuple[bytes, int, int]]  # raw, or (deflated, crc, size)


def write_xlsx(
    path: Path, activities: bytes | tuple[bytes, int, int], extra: list[Member] | None = None
) -> Path:
    """A minimal workbook, zipped by hand: sheets aktiviteter and partner (+ ``extra``)."""
    shared = any(name == "xl/sharedStrings.xml" for name, _ in extra or [])
    types = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
        b'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
        b'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        + (
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            if shared
            else b""
        )
        + b"</Types>"
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        b'Target="xl/workbook.xml"/></Relationships>'
    )
    book = (
        b'<?xml version="1.0" encoding="UTF-8"?><workbook ' + _NS + b" " + _REL_NS + b">"
        b'<sheets><sheet name="aktiviteter" sheetId="1" r:id="rId1"/>'
        b'<sheet name="partner" sheetId="2" r:id="rId2"/></sheets></workbook>'
    )
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    book_rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships">'
        + f'<Relationship Id="rId1" Type="{kind}worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{kind}worksheet" Target="worksheets/sheet2.xml"/>'.encode()
        + (
            f'<Relationship Id="rId3" Type="{kind}sharedStrings" '
            'Target="sharedStrings.xml"/>'.encode()
            if shared
            else b""
        )
        + b"</Relationships>"
    )
    members: list[Member] = [
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", book),
        ("xl/_rels/workbook.xml.rels", book_rels),
        ("xl/worksheets/sheet1.xml", activities),
        ("xl/worksheets/sheet2.xml", PARTNER_SHEET),
        *(extra or []),
    ]
    path.write_bytes(_zip(members))
    return path


def _zip(members: list[Member]) -> bytes:
    """A zip archive written by hand, so that a test can store a deflate stream it made itself
    (a bomb built block by block) and even declare a size that is not the truth."""
    out = bytearray()
    central = bytearray()
    for name, body in members:
        if isinstance(body, tuple):
            data, crc, size = body
        else:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)
            data = packer.compress(body) + packer.flush()
            crc, size = zlib.crc32(body), len(body)
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0
        )
        out += encoded + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(data),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0
    )
    return bytes(out + central + end)


def bomb(block: bytes, mebibytes: int, head: bytes, foot: bytes) -> tuple[bytes, int, int]:
    """A deflate stream of ``head``, ``block`` repeated to ``mebibytes`` MiB, ``foot``.

    Each 1 MiB block is deflated once after a full flush, so the stream repeats its bytes
    (what a zip bomb is) and costs a few milliseconds to make; its CRC is computed honestly.
    """
    unit = block * (MIB // len(block))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    middle = packer.compress(unit) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(foot) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(mebibytes):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(foot, crc)
    return start + middle * mebibytes + end, crc, len(head) + len(unit) * mebibytes + len(foot)


def peak_mb(*args: str) -> tuple[int, str, float]:
    """Exit status, stderr and the peak resident memory (MB) of ``boras-intl args``."""
    err_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"limits-{os.getpid()}.err"
    with open(os.devnull, "wb") as null, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "boras_intl_lib", *args], stdout=null, stderr=err, cwd=ROOT
        )
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = err_path.read_text(encoding="utf-8")
    err_path.unlink()
    return proc.returncode, text, usage.ru_maxrss / 1024


def refused_in_swedish(
    path: Path, capsys: pytest.CaptureFixture[str], *phrases: str, fresh: bool = False
) -> None:
    """``validate`` exits 2 with one Swedish line naming the file, in well under a second.

    ``fresh``: also in a process of its own, whose peak memory must stay under 300 MB (a
    process costs ~2 s to start, so only the bombs take that way).
    """
    start = time.perf_counter()
    code = main(["validate", str(path)])
    seconds = time.perf_counter() - start
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1 and lines[0].startswith("fel: "), err
    assert str(path) in lines[0]
    for phrase in phrases:
        assert phrase in lines[0], lines[0]
    assert seconds < 0.5, f"{seconds:.2f} s to refuse"
    if fresh:
        code, err, mb = peak_mb("validate", str(path))
        assert code == 2 and err.startswith("fel: "), err
        assert mb < MAX_RSS_MB, f"peak memory {mb:.0f} MB"


def test_a_single_quoted_stray_cell_is_read_like_a_double_quoted_one(tmp_path: Path) -> None:
    stray = b"<row r='1048576'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>"
    path = write_xlsx(tmp_path / "enkla.xlsx", sheet(HEADER_ROW, _row(2), _row(3), stray))
    code, err, mb = peak_mb("validate", str(path))
    assert code in (0, 1), err  # read: not 134 (calamine's abort), not "unreadable"
    assert mb < MAX_RSS_MB, f"peak memory {mb:.0f} MB"
    cells = read_register(path).tables["activities"].cells
    assert list(cells.index) == [2, 3, 1048576]  # the stray cell's row is reported, not lost
    assert list(cells["activity_id"]) == ["A2", "A3", ""]


def test_cells_without_references_are_placed_by_their_order(tmp_path: Path) -> None:
    # no r anywhere, and a dimension claiming the whole grid: calamine would take its word
    claim = b"<dimension ref='A1:XFD1048576'/>"
    body = sheet(_row(1, ref=False).replace(b"<row>", b"<row>", 1), extra=b"")
    body = body.replace(b"<sheetData>", claim + b"<sheetData>")
    header = HEADER_ROW.replace(b' r="1"', b"")
    for letter in "ABCDE":
        header = header.replace(f' r="{letter}1"'.encode(), b"")
    body = sheet(header, _row(2, ref=False), _row(3, ref=False)).replace(
        b"<sheetData>", claim + b"<sheetData>"
    )
    path = write_xlsx(tmp_path / "utan_r.xlsx", body)
    code, err, mb = peak_mb("validate", str(path))
    assert code in (0, 1), err
    assert mb < MAX_RSS_MB, f"peak memory {mb:.0f} MB"
    cells = read_register(path).tables["activities"].cells
    assert list(cells.index) == [2, 3]
    assert list(cells["title"]) == ["Aktivitet 2", "Aktivitet 3"]


def test_one_huge_inline_string_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = (
        b'<row r="4"><c r="C4" t="inlineStr"><is><t>' + b"a" * (MIB + 10) + b"</t></is></c></row>"
    )
    path = write_xlsx(tmp_path / "lang.xlsx", sheet(HEADER_ROW, _row(2), _row(3), huge))
    refused_in_swedish(path, capsys, "aktiviteter", "512 kB", "text_kb")


def test_one_huge_shared_string_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst ' + _NS + b' count="1" uniqueCount="1">'
        b"<si><t>" + b"b" * (2 * MIB) + b"</t></si></sst>"
    )
    row = b'<row r="4"><c r="C4" t="s"><v>0</v></c></row>'
    path = write_xlsx(
        tmp_path / "delad.xlsx",
        sheet(HEADER_ROW, _row(2), row),
        [("xl/sharedStrings.xml", shared)],
    )
    refused_in_swedish(path, capsys, "sharedStrings.xml", "text_kb")


def test_a_zip_bomb_of_empty_cells_is_refused_unopened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = sheet(HEADER_ROW).removesuffix(b"</sheetData></worksheet>")
    member = bomb(b"<row><c/><c/><c/><c/><c/><c/></row>", 600, head, b"</sheetData></worksheet>")
    path = write_xlsx(tmp_path / "bomb.xlsx", member)
    assert path.stat().st_size < 2 * MIB
    refused_in_swedish(path, capsys, "xl/worksheets/sheet1.xml", "512 MB", "sheet_mb", fresh=True)


def test_a_bomb_that_declares_a_small_size_is_not_read_past_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = sheet(HEADER_ROW).removesuffix(b"</sheetData></worksheet>")
    data, crc, _ = bomb(
        b"<row><c/><c/><c/><c/><c/><c/></row>", 600, head, b"</sheetData></worksheet>"
    )
    path = write_xlsx(tmp_path / "ljuger.xlsx", (data, crc, 4096))
    refused_in_swedish(path, capsys, "Excel", fresh=True)


def test_a_bomb_of_shared_strings_that_lies_about_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = b'<?xml version="1.0" encoding="UTF-8"?><sst ' + _NS + b">"
    data, crc, _ = bomb(b"<si><t>x</t></si>", 600, head, b"</sst>")
    path = write_xlsx(
        tmp_path / "delad_bomb.xlsx",
        sheet(HEADER_ROW, _row(2)),
        [("xl/sharedStrings.xml", (data, crc, 2048))],
    )
    refused_in_swedish(path, capsys, "Excel")


def test_a_cell_outside_excels_grid_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = b"<row r='4'><c r='A99999999999'><v>1</v></c></row>"
    path = write_xlsx(tmp_path / "utanfor.xlsx", sheet(HEADER_ROW, _row(2), outside))
    refused_in_swedish(path, capsys, "aktiviteter", "XFD")


def test_rows_spanning_billions_of_cells_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = b"".join(
        f"<row r='{n}'><c r='XFD{n}'><v>1</v></c></row>".encode() for n in range(2, 5002)
    )
    path = write_xlsx(tmp_path / "breda.xlsx", sheet(HEADER_ROW, rows))
    refused_in_swedish(path, capsys, "aktiviteter", "cells", fresh=True)


def test_limits_are_settable_for_a_genuinely_large_register(tmp_path: Path) -> None:
    text = (
        b'<row r="4"><c r="C4" t="inlineStr"><is><t>' + b"a" * (MIB + 10) + b"</t></is></c></row>"
    )
    path = write_xlsx(tmp_path / "lang.xlsx", sheet(HEADER_ROW, _row(2), _row(3), text))
    raw = read_register(path, RegisterLimits(text_kb=4096))
    assert len(raw.tables["activities"].cells.loc[4, "title"]) == MIB + 10
    with pytest.raises(RegisterUnreadableError, match="text_kb"):
        read_register(path, RegisterLimits(text_kb=1000))


def test_a_csv_file_above_the_limit_is_refused_by_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "partner.csv").write_text("aktivitets_id;partner;land\n", encoding="utf-8")
    big = folder / "aktiviteter.csv"
    with big.open("wb") as f:  # sparse: 1.1 GiB long, nothing on disk
        f.write("aktivitets_id;år;titel;förvaltning;typ\n".encode())
        f.truncate(1100 * MIB)
    refused_in_swedish(folder, capsys, "aktiviteter.csv", "1024 MB", "csv_mb")


def test_indicators_check_lists_at_most_twenty_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["iso3,year,indicator,value,source,edition"]
    lines += [f"SWE,2024,indikator_{i:05d},1.5,egen,Utgåva 1" for i in range(38_462)]
    lines += [f"Ingenstans {i},2024,indikator_00000,1,egen,Utgåva 1" for i in range(45)]
    path = tmp_path / "lang.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["indicators", "check", str(path), "--format", "long"]) == 0
    text = capsys.readouterr().out
    names = next(line for line in text.splitlines() if "indikatorer:" in line)
    assert names.count("indikator_") == 20
    assert names.endswith("indikator_00019 … och 38\u00a0442 till")
    assert len(names) < 500
    left_out = [line for line in text.splitlines() if line.startswith("    Ingenstans")]
    assert len(left_out) == 20  # 45 unknown names, 20 listed and the rest counted
    assert "    … och 25 till" in text
