"""Workbooks zipped by hand: each entry's XML written as bytes, so that a test can hold
exactly the trap it is about (a quoting, a missing attribute, a raw control character, a
zip bomb, a size declared falsely) — things no writing library produces."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

MIB = 1 << 20

NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RELNS = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>aktivitets_id</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>\xc3\xa5r</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>titel</t></is></c>'
    b'<c r="D1" t="inlineStr"><is><t>f\xc3\xb6rvaltning</t></is></c>'
    b'<c r="E1" t="inlineStr"><is><t>typ</t></is></c></row>'
)


def row(n: int, ref: bool = True) -> bytes:
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
        + NS
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
        b'<?xml version="1.0" encoding="UTF-8"?><workbook ' + NS + b" " + _RELNS + b">"
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
