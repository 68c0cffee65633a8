"""Reading registers: workbooks and CSV folders → raw text tables with Excel row numbers."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from register_helpers import (
    activity,
    partner,
    workbook_engine,  # noqa: F401  (a fixture)
    write_csv_folder,
    write_workbook,
)

from boras_intl_lib.errors import RegisterUnreadableError
from boras_intl_lib.register.reading import cell_text, read_register


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


ACT_HEAD = ["aktivitets_id", "år", "titel", "förvaltning", "typ"]
ACT_ROW = ["A1", 2024, "T", "Kulturförvaltningen", "projekt"]
PARTNER_HEAD = ["aktivitets_id", "partner", "land"]


# --- Excel cells as text --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("  text with space\u00a0", "text with space"),
        (1234, "1234"),
        (1234.0, "1234"),
        (1234.5, "1234.5"),
        (0.1 + 0.2, "0.30000000000000004"),
        (-5.0, "-5"),
        (True, "true"),
        (False, "false"),
        (dt.datetime(2024, 3, 1), "2024-03-01"),
        (dt.datetime(2024, 3, 1, 10, 30), "2024-03-01 10:30:00"),
        (dt.date(2024, 3, 1), "2024-03-01"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


# --- workbooks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("act_sheet", "partner_sheet"),
    [("aktiviteter", "partner"), ("Activities", "PARTNERS"), (" Aktiviteter ", "Partner")],
)
@pytest.mark.usefixtures("workbook_engine")
def test_sheet_names_in_either_language_and_any_case(
    tmp_path: Path, act_sheet: str, partner_sheet: str
) -> None:
    path = _book(
        tmp_path / "r.xlsx",
        {"instruktioner": [["x"]], act_sheet: [ACT_HEAD, ACT_ROW], partner_sheet: [PARTNER_HEAD]},
    )
    raw = read_register(path)
    assert set(raw.tables) == {"activities", "partners"}
    assert raw.tables["activities"].source == act_sheet
    assert raw.tables["partners"].source == partner_sheet
    assert raw.tables["activities"].cells.loc[2, "activity_id"] == "A1"


@pytest.mark.parametrize(
    "header",
    [
        ["aktivitets_id", "år", "titel", "förvaltning", "typ"],
        ["activity_id", "year", "title", "administration", "activity_type"],
        ["Aktivitets-ID", " ÅR ", "Titel", "FÖRVALTNING", "Typ"],
        ["Activity ID", "År", "title", "Förvaltning", "activity-type"],
        ["aktivitets id", "year", "TITEL", "administration", "ACTIVITY_TYPE"],
    ],
)
@pytest.mark.usefixtures("workbook_engine")
def test_header_variants(tmp_path: Path, header: list[str]) -> None:
    path = _book(tmp_path / "r.xlsx", {"aktiviteter": [header, ACT_ROW], "partner": [PARTNER_HEAD]})
    table = read_register(path).tables["activities"]
    assert list(table.cells.columns) == [
        "activity_id",
        "year",
        "title",
        "administration",
        "activity_type",
    ]
    assert table.headers["year"] == header[1].strip()
    assert table.cells.loc[2].tolist() == ["A1", "2024", "T", "Kulturförvaltningen", "projekt"]


@pytest.mark.usefixtures("workbook_engine")
def test_unknown_columns_are_ignored_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _book(
        tmp_path / "r.xlsx",
        {"aktiviteter": [[*ACT_HEAD, "anteckning"], [*ACT_ROW, "note"]], "partner": [PARTNER_HEAD]},
    )
    with caplog.at_level(logging.INFO, logger="boras_intl"):
        table = read_register(path).tables["activities"]
    assert "anteckning" not in table.cells.columns
    assert table.ignored == ("anteckning",)
    assert "anteckning" in caplog.text


@pytest.mark.usefixtures("workbook_engine")
def test_row_numbers_are_the_ones_excel_shows(tmp_path: Path) -> None:
    rows = [
        [None],  # row 1 blank: the header is the first non-empty row
        ACT_HEAD,  # row 2
        ["A1", 2024, "T", "K", "projekt"],  # row 3
        [None, None, None],  # row 4 blank: skipped
        ["  ", "\u00a0", None, None, None],  # row 5 whitespace only: skipped
        ["A2", 2024, "T", "K", "projekt"],  # row 6
        [None, None, None, None, None, "note"],  # row 7: text in an unnamed column counts
    ]
    path = _book(tmp_path / "r.xlsx", {"aktiviteter": rows, "partner": [PARTNER_HEAD]})
    cells = read_register(path).tables["activities"].cells
    assert list(cells.index) == [3, 6, 7]
    assert cells.loc[7].tolist() == ["", "", "", "", ""]


@pytest.mark.usefixtures("workbook_engine")
def test_gaps_left_by_deleted_rows_keep_numbering(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "aktiviteter"
    sheet.append(ACT_HEAD)
    sheet["A2"] = "A1"
    sheet["A9"] = "A9"  # rows 3-8 do not exist in the file at all
    book.create_sheet("partner").append(PARTNER_HEAD)
    book.save(tmp_path / "r.xlsx")
    cells = read_register(tmp_path / "r.xlsx").tables["activities"].cells
    assert list(cells.index) == [2, 9]


@pytest.mark.usefixtures("workbook_engine")
def test_typed_excel_cells_become_text(tmp_path: Path) -> None:
    row = ["A1", 2024.0, "T", "K", "projekt"]
    head = [*ACT_HEAD, "budget_kr", "utvärderad", "deltagare"]
    path = _book(
        tmp_path / "r.xlsx",
        {
            "aktiviteter": [head, [*row, 1234.5, True, "12"]],
            "undantag": [
                ["diarienummer", "beslutsdatum", "land"],
                ["KS 1", dt.datetime(2024, 3, 1), "RS"],
            ],
            "partner": [PARTNER_HEAD],
        },
    )
    raw = read_register(path)
    cells = raw.tables["activities"].cells.loc[2]
    assert cells["year"] == "2024"
    assert cells["budget_sek"] == "1234.5"
    assert cells["evaluated"] == "true"
    assert cells["participants"] == "12"
    assert raw.tables["exceptions"].cells.loc[2, "decision_date"] == "2024-03-01"


@pytest.mark.usefixtures("workbook_engine")
def test_formulas_count_with_their_calculated_value(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_workbook(path, {"activities": [activity()], "partners": [partner()]})
    # openpyxl writes no cached values, so patch one in the XML as Excel would have saved it
    with zipfile.ZipFile(path) as zin:
        files = {n: zin.read(n) for n in zin.namelist()}
    sheet = next(n for n in files if n.startswith("xl/worksheets/sheet"))
    xml = files[sheet].decode()
    start = xml.index('<c r="B2"')
    end = xml.index("</c>", start) + 4
    files[sheet] = (xml[:start] + '<c r="B2"><f>2000+24</f><v>2024</v></c>' + xml[end:]).encode()
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in files.items():
            zout.writestr(name, data)
    assert read_register(path).tables["activities"].cells.loc[2, "year"] == "2024"


@pytest.mark.usefixtures("workbook_engine")
def test_exceptions_are_optional_and_an_empty_exceptions_sheet_is_no_rows(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "r.xlsx",
        {"aktiviteter": [ACT_HEAD, ACT_ROW], "partner": [PARTNER_HEAD], "undantag": []},
    )
    assert "exceptions" not in read_register(path).tables


def test_workbook_fingerprint_is_the_files_sha256(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "r.xlsx", {"activities": [activity()], "partners": []})
    assert read_register(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


# --- CSV folders -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "sep"),
    [("utf-8", ","), ("utf-8-sig", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("cp1252", ",")],
)
def test_csv_encodings_and_separators(tmp_path: Path, encoding: str, sep: str) -> None:
    folder = write_csv_folder(
        tmp_path / "reg",
        {
            "activities": [activity(title='Åtgärd; "citat", ö', budget_sek="1\u00a0234,5")],
            "partners": [partner(country="Österrike")],
        },
        encoding=encoding,
        sep=sep,
    )
    raw = read_register(folder)
    cells = raw.tables["activities"].cells.loc[2]
    assert cells["title"] == 'Åtgärd; "citat", ö'
    assert cells["budget_sek"] == "1\u00a0234,5" or cells["budget_sek"] == "1 234,5"
    assert raw.tables["activities"].headers["year"] == "år"  # BOM not glued to a header
    assert raw.tables["activities"].headers["activity_id"] == "aktivitets_id"
    assert raw.tables["partners"].cells.loc[2, "country"] == "Österrike"
    assert raw.tables["activities"].source == "aktiviteter.csv"


def test_csv_english_file_names_any_case(tmp_path: Path) -> None:
    folder = write_csv_folder(
        tmp_path / "reg",
        {"activities": [activity()], "partners": [partner()]},
        names={"activities": "Activities", "partners": "PARTNERS"},
    )
    (folder / "notes.csv").write_text("whatever\n", encoding="utf-8")
    raw = read_register(folder)
    assert raw.tables["activities"].source == "Activities.csv"
    assert raw.tables["partners"].source == "PARTNERS.csv"


def test_csv_blank_lines_and_whitespace_rows_are_skipped_but_counted(tmp_path: Path) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "aktiviteter.csv").write_text(
        "aktivitets_id;år;titel;förvaltning;typ\n"
        "A1;2024;T;K;projekt\n"
        "\n"
        " ; ;\u00a0;;\n"
        "  A2  ;2024;T;K;projekt\n",
        encoding="utf-8",
    )
    (folder / "partner.csv").write_text("aktivitets_id;partner;land\n", encoding="utf-8")
    cells = read_register(folder).tables["activities"].cells
    assert list(cells.index) == [2, 5]
    assert cells.loc[5, "activity_id"] == "A2"
    assert read_register(folder).tables["partners"].cells.empty


def test_csv_folder_fingerprint_is_stable_and_follows_content(tmp_path: Path) -> None:
    folder = write_csv_folder(
        tmp_path / "reg", {"activities": [activity()], "partners": [partner()]}
    )
    first = read_register(folder).sha256
    assert first == read_register(folder).sha256
    write_csv_folder(folder, {"partners": [partner(country="Norge")]})
    assert read_register(folder).sha256 != first


# --- unreadable registers ------------------------------------------------------------------


def _folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "reg"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


PARTNERS_CSV = b"aktivitets_id,partner,land\n"
ACTIVITIES_CSV = b"aktivitets_id,\xc3\xa5r,titel,f\xc3\xb6rvaltning,typ\nA1,2024,T,K,projekt\n"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p / "nothing-here.xlsx", "No such file"),
        (lambda p: _write(p / "r.xlsx", b"just some text"), "not a readable Excel workbook"),
        (lambda p: _write(p / "r.xlsx", b""), "is empty"),
        (lambda p: _write(p / "r.xlsx", b"PK\x03\x04 broken zip"), "not a readable Excel"),
        (lambda p: _book(p / "r.xlsx", {"Blad1": [["a"]]}), "no sheet named aktiviteter"),
        (
            lambda p: _book(p / "r.xlsx", {"aktiviteter": [ACT_HEAD]}),
            "no sheet for partners",
        ),
        (
            lambda p: _book(p / "r.xlsx", {"aktiviteter": [], "partner": [PARTNER_HEAD]}),
            "aktiviteter is empty",
        ),
        (
            lambda p: _book(
                p / "r.xlsx", {"aktiviteter": [["x", "y"], ["1", "2"]], "partner": [PARTNER_HEAD]}
            ),
            "none of the register's column headers",
        ),
        (
            lambda p: _book(
                p / "r.xlsx",
                {"aktiviteter": [["aktivitets_id", "titel"]], "partner": [PARTNER_HEAD]},
            ),
            "lacks required columns: år (year), förvaltning (administration), typ (activity_type)",
        ),
        (
            lambda p: _book(
                p / "r.xlsx",
                {"aktiviteter": [[*ACT_HEAD, "Year"]], "partner": [PARTNER_HEAD]},
            ),
            "two columns meaning year: år and Year",
        ),
        (
            lambda p: _book(
                p / "r.xlsx",
                {"aktiviteter": [ACT_HEAD], "Activities": [ACT_HEAD], "partner": [PARTNER_HEAD]},
            ),
            "Both sheet aktiviteter and sheet Activities are activities",
        ),
        (lambda p: _folder(p, {"partner.csv": PARTNERS_CSV}), "no file aktiviteter.csv"),
        (
            lambda p: _folder(p, {"aktiviteter.csv": b"", "partner.csv": PARTNERS_CSV}),
            "aktiviteter.csv is empty",
        ),
        (
            lambda p: _folder(
                p, {"aktiviteter.csv": b"\xef\xbb\xbf  \r\n", "partner.csv": PARTNERS_CSV}
            ),
            "is empty",
        ),
        (
            lambda p: _folder(
                p, {"aktiviteter.csv": b"id\x81\xc3(\n1\n", "partner.csv": PARTNERS_CSV}
            ),
            "neither UTF-8 nor Windows-1252",
        ),
        (
            lambda p: _folder(
                p,
                {
                    "aktiviteter.csv": ACTIVITIES_CSV,
                    "Activities.csv": ACTIVITIES_CSV,
                    "partner.csv": PARTNERS_CSV,
                },
            ),
            "are activities",
        ),
        (
            lambda p: _folder(p, {"aktiviteter.csv": ACTIVITIES_CSV, "partner.csv": b"x,y\n"}),
            "partner.csv has none of the register's column headers",
        ),
        (
            lambda p: (
                _folder(p, {"aktiviteter.csv": ACTIVITIES_CSV, "partner.csv": PARTNERS_CSV})
                / "aktiviteter.csv"
            ),
            "not a single file",
        ),
    ],
)
@pytest.mark.usefixtures("workbook_engine")
def test_unreadable_registers_raise_one_clear_error(tmp_path: Path, make, words: str) -> None:
    path = make(tmp_path)
    with pytest.raises(RegisterUnreadableError) as info:
        read_register(path)
    message = str(info.value)
    assert words in message
    assert "\n" not in message
    assert info.value.path == Path(path)


@pytest.mark.usefixtures("workbook_engine")
def test_a_damaged_sheet_inside_a_valid_workbook(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "r.xlsx", {"activities": [activity()], "partners": []})
    with zipfile.ZipFile(path) as zin:
        files = {n: zin.read(n) for n in zin.namelist()}
    sheet = next(n for n in sorted(files) if n.startswith("xl/worksheets/sheet"))
    xml = files[sheet]
    files[sheet] = xml[: xml.index(b"</row>")] + b"<c r='Z1'><v>unclosed"  # cut mid-sheet
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in files.items():
            zout.writestr(name, data)
    with pytest.raises(RegisterUnreadableError, match="is damaged and cannot be read"):
        read_register(path)


@pytest.mark.usefixtures("workbook_engine")
def test_exceptions_missing_both_country_and_partner_columns(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "r.xlsx",
        {
            "aktiviteter": [ACT_HEAD],
            "partner": [PARTNER_HEAD],
            "undantag": [["diarienummer", "beslutsdatum"], ["KS 1", "2024-01-01"]],
        },
    )
    with pytest.raises(RegisterUnreadableError, match=r"land / partner \(country / partner_name\)"):
        read_register(path)


def test_a_single_line_csv_without_line_break(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path, {"aktiviteter.csv": ACTIVITIES_CSV.split(b"\n")[0], "partner.csv": PARTNERS_CSV}
    )
    raw = read_register(folder)
    assert raw.tables["activities"].cells.empty
    assert raw.tables["activities"].headers["activity_type"] == "typ"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_csv_line_with_too_many_fields_is_kept_aside_not_fatal(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "aktiviteter.csv": ACTIVITIES_CSV + b"A2,2024,T,K,projekt,extra,more\n",
            "partner.csv": PARTNERS_CSV,
        },
    )
    raw = read_register(folder)
    table = raw.tables["activities"]
    bad_row = ACTIVITIES_CSV.count(b"\n") + 1
    assert table.bad_lines == (
        (bad_row, "A2,2024,T,K,projekt,extra,more", "reason.too_many_fields"),
    )
    assert bad_row not in table.cells.index


def test_excel_error_cells_are_read_as_their_error_text(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "register.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "aktiviteter"
    sheet.append(["aktivitets_id", "år", "titel", "förvaltning", "typ", "budget_kr"])
    sheet.append(["A1", 2025, "T", "Kulturförvaltningen", "projekt", "#N/A"])
    assert sheet["F2"].data_type == "e"  # stored as an error cell, as Excel does
    partners = book.create_sheet("partner")
    partners.append(["aktivitets_id", "partner", "land"])
    partners.append(["A1", "Mikkeli", "Finland"])
    book.save(path)
    table = read_register(path).tables["activities"]
    assert table.cells.loc[2, "budget_sek"] == "#N/A"
