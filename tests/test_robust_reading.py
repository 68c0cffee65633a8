"""Workbooks and CSV files as Excel, macOS and scripts really write them: none breaks the reader.

Each test builds its awkward file itself, reads it with the real readers (both workbook engines
where it matters) and checks that every row is used or rejected with a reason, that nothing
comes out garbled, and that the coordinator is told what happened.
"""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from register_helpers import (
    activity,
    partner,
    workbook_engine,  # noqa: F401  (a fixture)
    write_workbook,
)

from boras_intl_lib.register import load_register
from boras_intl_lib.settings import Administration, Settings

SETTINGS = Settings(
    year=2024,
    administrations=[
        Administration(name="Kulturförvaltningen", committee="Kulturnämnden"),
        Administration(name="Miljöförvaltningen"),
    ],
)
ROOT = Path(__file__).resolve().parent.parent


def _keys(register, table: str | None = None) -> list[tuple]:
    frame = register.issues
    if table is not None:
        frame = frame[frame["table"] == table]
    cols = ["row", "column", "severity", "reason_key"]
    return [tuple(r) for r in frame[cols].astype(object).itertuples(index=False)]


def _register_book(path: Path) -> openpyxl.Workbook:
    write_workbook(path, {"activities": [activity("A1"), activity("A2")], "partners": []})
    return openpyxl.load_workbook(path)


# --- workbooks ------------------------------------------------------------------------------


def _peak_rss_mb(code: str) -> float:
    """Run ``code`` in a fresh interpreter and return its peak resident memory in MB."""
    probe = code + "\nimport resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def test_a_stray_cell_at_xfd1048576_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "stray.xlsx"
    book = _register_book(path)
    book["aktiviteter"]["XFD1048576"] = "x"
    book.save(path)
    assert path.stat().st_size < 20_000
    code = (
        "from boras_intl_lib.register import load_register\n"
        f"r = load_register({str(path)!r})\n"
        "print(len(r.activities), sorted(set(r.rejected['row'].astype(int))))"
    )
    peak = _peak_rss_mb(code)
    assert peak < 500, f"peak memory {peak:.0f} MB"
    register = load_register(path)
    assert register.activities["activity_id"].tolist() == ["A1", "A2"]
    # the far cell's row is not lost: it is a row with nothing in the register's columns
    assert set(register.rejected["row"].astype(int)) == {1048576}


@pytest.mark.usefixtures("workbook_engine")
def test_a_stray_cell_far_right_of_the_headers(tmp_path: Path) -> None:
    path = tmp_path / "wide.xlsx"
    book = _register_book(path)
    book["aktiviteter"]["XFD1"] = "anteckning"
    book.save(path)
    register = load_register(path)
    assert register.activities["activity_id"].tolist() == ["A1", "A2"]
    assert register.issues.empty


def _corrupt_crc(data: bytes, member: str) -> bytes:
    """The zip with ``member``'s CRC changed: reading that member to the end would fail."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        crc = z.getinfo(member).CRC
    old, new = struct.pack("<I", crc), struct.pack("<I", crc ^ 0xFFFFFFFF)
    assert data.count(old) == 2  # local header and central directory
    return data.replace(old, new)


@pytest.mark.usefixtures("workbook_engine")
def test_a_sheet_that_is_not_part_of_the_register_is_never_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    write_workbook(
        path,
        {"activities": [activity("A1")], "partners": [partner("A1")]},
        extra_sheets=["instruktioner"],
    )
    book = openpyxl.load_workbook(path)
    for n in range(2, 20_000):  # a few MB of instructions
        book["instruktioner"].cell(row=n, column=1, value=f"Instruktion nummer {n} " * 3)
    book.save(path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
    member = "xl/worksheets/sheet1.xml"  # the first sheet written: instruktioner
    assert member in names
    # a member that fails its checksum when read to the end: reading it would be an error
    path.write_bytes(_corrupt_crc(path.read_bytes(), member))
    with zipfile.ZipFile(path) as z, pytest.raises(zipfile.BadZipFile):
        z.read(member)
    register = load_register(path)
    assert register.activities["activity_id"].tolist() == ["A1"]
    assert len(register.partners) == 1 and register.issues.empty


@pytest.mark.usefixtures("workbook_engine")
def test_soft_line_breaks_and_control_characters_are_removed_with_a_warning(
    tmp_path: Path,
) -> None:
    path = tmp_path / "vt.xlsx"
    book = _register_book(path)
    book["aktiviteter"]["C2"] = "Rad ett_x000B_rad två"  # how Excel stores Alt+Enter in some cells
    book.save(path)
    register = load_register(path)
    assert register.activities["title"].tolist()[0] == "Rad ett rad två"
    assert _keys(register) == [(2, "titel", "warning", "warning.control_characters")]
    assert register.issues["reason_sv"].iloc[0].startswith("Osynliga styrtecken")
    # what the report does with register text: write it to a workbook; it must not fail
    out = openpyxl.Workbook()
    out.active.append(register.activities["title"].tolist())
    out.save(tmp_path / "out.xlsx")


@pytest.mark.usefixtures("workbook_engine")
def test_decomposed_unicode_matches_as_composed(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Kulturförvaltningen")
    assert nfd != "Kulturförvaltningen"
    path = write_workbook(
        tmp_path / "nfd.xlsx",
        {
            "activities": [activity("A1", administration=nfd), activity("A2")],
            "partners": [partner("A1", country=unicodedata.normalize("NFD", "Österrike"))],
        },
        header_rows={"activities": [unicodedata.normalize("NFD", h) for h in _sv("activities")]},
    )
    register = load_register(path, SETTINGS)
    assert register.issues.empty
    assert register.activities["administration"].tolist() == ["Kulturförvaltningen"] * 2
    assert register.partners["country_iso3"].tolist() == ["AUT"]


def _sv(table: str) -> list[str]:
    from register_helpers import headers

    return headers(table)


@pytest.mark.usefixtures("workbook_engine")
def test_a_formula_without_a_saved_value_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "formula.xlsx"
    book = _register_book(path)
    book["aktiviteter"]["H2"] = "=1000*2"  # written by a script: no cached value
    book["aktiviteter"]["C3"] = '=CONCAT("a","b")'
    book.save(path)
    register = load_register(path)
    assert _keys(register) == [
        (2, "budget_kr", "warning", "warning.formula_without_value"),
        (3, "titel", "error", "reason.required"),
        (3, "titel", "warning", "warning.formula_without_value"),
    ]
    assert register.activities["activity_id"].tolist() == ["A1"]
    assert "formel utan sparat värde" in register.issues["reason_sv"].iloc[0]


@pytest.mark.usefixtures("workbook_engine")
def test_rows_under_merged_cells_are_explained(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    write_workbook(
        path,
        {
            "activities": [activity("A1"), activity("A2", administration=""), activity("A3")],
            "partners": [],
        },
    )
    book = openpyxl.load_workbook(path)
    book["aktiviteter"]["D3"] = None
    book["aktiviteter"].merge_cells("D2:D3")
    book.save(path)
    register = load_register(path)
    assert _keys(register) == [
        (3, "förvaltning", "error", "reason.required"),
        (3, "förvaltning", "warning", "warning.merged_cell"),
    ]
    assert "D2:D3" in register.issues["reason_sv"].iloc[1]
    assert register.activities["activity_id"].tolist() == ["A1", "A3"]


# --- CSV files --------------------------------------------------------------------------------

HEAD = "aktivitets_id;år;titel;förvaltning;typ\n"
PARTNERS = b"aktivitets_id;partner;land\n"


def _csv(tmp_path: Path, activities: bytes) -> Path:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "aktiviteter.csv").write_bytes(activities)
    (folder / "partner.csv").write_bytes(PARTNERS)
    return folder


def test_a_utf8_file_with_one_windows_1252_line_is_decoded_line_by_line(tmp_path: Path) -> None:
    body = (
        HEAD.encode()
        + "A1;2024;Möte;Kulturförvaltningen;projekt\n".encode()
        + "A2;2024;Resa;Kulturförvaltningen;projekt\n".encode("cp1252")
        + "A3;2024;Blandat ö;".encode() + "Kulturförvaltningen;projekt\n".encode("cp1252")
        + b"A4;2024;Trasig \x81\xff;K;projekt\n"
        + "A5;2024;Åter;Kulturförvaltningen;projekt\n".encode()
    )  # fmt: skip
    register = load_register(_csv(tmp_path, body), SETTINGS)
    assert register.activities["activity_id"].tolist() == ["A1", "A2", "A5"]
    assert set(register.activities["administration"]) == {"Kulturförvaltningen"}
    assert "Ã" not in "".join(register.activities["title"])  # nothing garbled
    assert _keys(register) == [
        (4, "", "error", "reason.bad_encoding"),
        (5, "", "error", "reason.bad_encoding"),
    ]
    assert register.input_rows["activities"] == 5


def test_an_unterminated_quote_costs_only_its_own_line(tmp_path: Path) -> None:
    body = (
        HEAD + "A1;2024;Möte;Kulturförvaltningen;projekt\n"
        'A2;2024;"Resa till Åbo;Kulturförvaltningen;projekt\n'
        "A3;2024;Besök;Kulturförvaltningen;projekt\n"
        "A4;2024;Konferens;Kulturförvaltningen;projekt\n"
    )
    register = load_register(_csv(tmp_path, body.encode()), SETTINGS)
    assert register.activities["activity_id"].tolist() == ["A1", "A3", "A4"]
    assert _keys(register) == [(3, "", "error", "reason.unterminated_quote")]
    # the row number, not the line: it holds every field, a contact person's too (issue 22)
    assert register.issues["value"].iloc[0] == ""
    assert "citattecken" in register.issues["reason_sv"].iloc[0]


def test_a_line_with_fewer_fields_is_flagged(tmp_path: Path) -> None:
    body = HEAD + "A1;2024;Möte;Kulturförvaltningen;projekt\nA2;2024;Resa;Kulturförvaltningen\n"
    register = load_register(_csv(tmp_path, body.encode()), SETTINGS)
    assert _keys(register) == [
        (3, "typ", "error", "reason.required"),
        (3, "", "warning", "warning.fewer_fields"),
    ]
    assert "4 fält men rubrikraden 5" in register.issues["reason_sv"].iloc[1]


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-16", b""), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"")]
)
def test_utf16_tab_separated_unicode_text_is_read(
    tmp_path: Path, encoding: str, bom: bytes
) -> None:
    text = HEAD.replace(";", "\t") + "A1\t2024\tMöte\tKulturförvaltningen\tprojekt\n"
    data = bom + text.encode(encoding)
    folder = _csv(tmp_path, data)
    (folder / "partner.csv").write_bytes("aktivitets_id\tpartner\tland\n".encode(encoding))
    register = load_register(folder, SETTINGS)
    assert register.issues.empty
    assert register.activities["administration"].tolist() == ["Kulturförvaltningen"]


def test_the_benchmark_workbooks_are_the_ones_tested(tmp_path: Path) -> None:
    """The memory benchmark builds its files with the same code the tests trust."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_awkward_workbooks as bench
    finally:
        sys.path.pop(0)
    stray = bench.stray_cell_workbook(tmp_path / "s.xlsx")
    huge = bench.compressed_sheet_workbook(tmp_path / "h.xlsx", mebibytes=8)
    assert len(load_register(stray).activities) == bench.ROWS
    assert len(load_register(huge).activities) == bench.ROWS
    with zipfile.ZipFile(huge) as z:
        sizes = {i.filename: i.file_size for i in z.infolist()}
    assert max(sizes.values()) >= 8_000_000


# --- a folder of workbooks --------------------------------------------------------------------


def test_a_folder_of_workbooks_is_one_register_naming_the_file_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from boras_intl_lib.cli import main

    folder = tmp_path / "inkommet"
    write_workbook(
        folder / "kultur.xlsx",
        {
            "activities": [activity("K1"), activity("K2", year="20x4")],
            "partners": [partner("K1"), partner("M1")],  # a partner of the other file's activity
        },
    )
    write_workbook(
        folder / "miljo.xlsx",
        {
            "activities": [
                activity("M1", administration="Miljöförvaltningen"),
                activity("K1", administration="Miljöförvaltningen"),  # id used in kultur.xlsx
            ],
            "partners": [partner("M1", country="Tyskand")],
        },
    )
    (folder / "~$kultur.xlsx").write_bytes(b"Excel's lock file")
    register = load_register(folder, SETTINGS)
    assert register.activities["activity_id"].tolist() == ["K1", "M1"]
    assert register.activities["row"].tolist() == [2, 2]  # rows as each file shows them
    assert len(register.partners) == 3
    issues = register.issues[["source", "row", "reason_key"]].astype(object)
    assert [tuple(r) for r in issues.itertuples(index=False)] == [
        ("kultur.xlsx, aktiviteter", 3, "reason.not_a_number"),
        ("miljo.xlsx, aktiviteter", 3, "reason.duplicate_id_file"),
        ("miljo.xlsx, partner", 2, "warning.unknown_country"),
    ]
    assert register.issues["reason_sv"].iloc[1] == (
        "Aktivitets-id:t finns redan i kultur.xlsx, aktiviteter, rad 2"
    )
    assert main(["validate", str(folder), "--params", str(ROOT / "parameters/2025.yaml")]) == 1
    out = capsys.readouterr().out
    assert "arbetsbok miljo.xlsx, blad aktiviteter, rad 3" in out
    assert "arbetsbok kultur.xlsx, blad aktiviteter, rad 3" in out


def test_control_characters_and_nfd_in_a_csv_file(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Kulturförvaltningen")
    body = HEAD + f"A1;2024;Möte\x0bi Borås;{nfd};projekt\nA2;2024;Resa;{nfd};projekt\n"
    register = load_register(_csv(tmp_path, body.encode()), SETTINGS)
    assert register.activities["title"].tolist() == ["Möte i Borås", "Resa"]
    assert register.activities["administration"].tolist() == ["Kulturförvaltningen"] * 2
    assert _keys(register) == [(2, "titel", "warning", "warning.control_characters")]


# --- nothing is lost, whatever the bytes of a CSV line --------------------------------------

_LINES = {
    "good": "A{n};2024;Möte;Kulturförvaltningen;projekt".encode(),
    "cp1252": "A{n};2024;Möte;Kulturförvaltningen;projekt".encode("cp1252"),
    "mixed": "A{n};2024;Möte;".encode() + "Kulturförvaltningen;projekt".encode("cp1252"),
    "undefined": b"A{n};2024;M\x81te;K;projekt",
    "fewer": b"A{n};2024;Mote",
    "more": b"A{n};2024;Mote;K;projekt;extra;more",
    "quote": b'A{n};2024;"Mote;K;projekt',
    "control": "A{n};2024;Mö\x0bte;K;projekt".encode(),
    "optional bad": b"A{n};2024;Mote;K;projekt",
    "blank": b"",
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=st.lists(st.sampled_from(sorted(_LINES)), min_size=1, max_size=12))
def test_every_csv_line_is_accepted_or_rejected_whatever_its_bytes(kinds: list[str]) -> None:
    if kinds.count("quote") > 1:  # two stray quotes pair up into one record, as in Excel
        kinds = [k for k in kinds if k != "quote"] + ["quote"]
    lines = [_LINES[k].replace(b"{n}", str(i).encode()) for i, k in enumerate(kinds)]
    data = "aktivitets_id;år;titel;förvaltning;typ".encode() + b"\n" + b"\n".join(lines) + b"\n"
    with tempfile.TemporaryDirectory() as tmp:
        register = load_register(_csv(Path(tmp), data), SETTINGS)
    non_blank = {i + 2 for i, k in enumerate(kinds) if k != "blank"}
    accepted = set(register.activities["row"])
    rejected = set(register.rejected["row"].astype(int))
    assert not accepted & rejected
    assert accepted | rejected == non_blank
    expected_bad = {"mixed", "undefined", "more", "quote", "fewer"}
    assert rejected == {i + 2 for i, k in enumerate(kinds) if k in expected_bad}
    titles = "".join(register.activities["title"])
    assert "Ã" not in titles and "\x0b" not in titles


def test_a_bad_line_after_a_cell_spanning_lines_keeps_its_own_row(tmp_path: Path) -> None:
    body = (
        HEAD.encode()
        + 'A1;2024;"Möte\nmed radbrytning";Kulturförvaltningen;projekt\n'.encode()
        + b"A2;2024;Trasig \x81;K;projekt\n"
        + "A3;2024;Resa;Kulturförvaltningen;projekt\n".encode()
    )
    register = load_register(_csv(tmp_path, body), SETTINGS)
    # records as Excel numbers them: the two-line cell is row 2, the broken line row 3
    assert register.activities["row"].tolist() == [2, 4]
    assert _keys(register) == [(3, "", "error", "reason.bad_encoding")]
