"""Every file of a register folder accounted for, as every sheet of a workbook is.

A copied ``aktiviteter (2).csv``, or any CSV file whose first line holds a table's headers,
continues that table: its rows are read, counted and reported with its own file name and row.
Every other entry of the folder (a CSV file of something else, a text file, Excel's lock file,
a hidden file, a folder) is named in the summary as not read, and why, in Swedish and English;
``validate --json`` carries the same. The same holds for a folder of workbooks.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.coordinator.summary import summarise
from boras_intl_lib.register import load_register
from boras_intl_lib.register.reading import read_register
from boras_intl_lib.settings import RegisterLimits

HEADERS = "aktivitets_id;år;titel;förvaltning;typ"
PARTNERS = "aktivitets_id;partner;land\nA1;Mikkelin kaupunki;Finland\n"
#: The start of a macOS AppleDouble file ("._name"), which macOS writes beside a file copied
#: to a drive that cannot hold its metadata.
APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(64)


def _write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _folder(tmp_path: Path) -> Path:
    """aktiviteter.csv (A1, A2), its copy "aktiviteter (2).csv" with a row of a bad year and
    a repeated id, and partner.csv."""
    folder = tmp_path / "register"
    folder.mkdir()
    _write(folder / "aktiviteter.csv", [HEADERS, "A1;2024;Ett;Kulturförvaltningen;projekt",
                                        "A2;2024;Två;Kulturförvaltningen;projekt"])  # fmt: skip
    _write(folder / "aktiviteter (2).csv", [
        HEADERS,
        "A3;2024;Tre;Kulturförvaltningen;projekt",
        "A4;20x4;Fyra;Kulturförvaltningen;projekt",  # row 3: not a year
        "",
        "A1;2024;Ett igen;Kulturförvaltningen;projekt",  # row 5: A1 is in aktiviteter.csv
    ])  # fmt: skip
    (folder / "partner.csv").write_text(PARTNERS, encoding="utf-8")
    return folder


def test_a_copied_csv_file_continues_its_table_naming_its_own_file(tmp_path: Path) -> None:
    register = load_register(_folder(tmp_path))
    assert register.activities["activity_id"].tolist() == ["A1", "A2", "A3"]
    assert register.input_rows["activities"] == 5  # 2 + 3 rows; the blank line is no row
    rows = register.activities.set_index("activity_id")
    assert rows.loc["A3", "source"] == "aktiviteter (2).csv" and rows.loc["A3", "row"] == 2
    assert rows.loc["A2", "source"] == "aktiviteter.csv" and rows.loc["A2", "row"] == 3
    errors = register.issues[register.issues["severity"] == "error"]
    found = set(zip(errors["source"], errors["row"], errors["column"], strict=True))
    assert found == {("aktiviteter (2).csv", 3, "år"), ("aktiviteter (2).csv", 5, "aktivitets_id")}
    repeat = errors[errors["row"] == 5].iloc[0]
    assert "aktiviteter.csv, rad 2" in repeat["reason_sv"]
    assert register.unread == ()  # every file was read


def test_the_summary_names_the_continuation_files_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(_folder(tmp_path))]) == 1
    out = capsys.readouterr().out
    assert "aktiviteter: 5 rader lästa, 3 godkända, 2 avvisade, 0 flaggade" in out
    assert 'fil aktiviteter (2).csv, rad 3, kolumn år, värde "20x4": Inte ett tal' in out
    assert 'fil aktiviteter (2).csv, rad 5, kolumn aktivitets_id, värde "A1"' in out
    assert "Lästes inte som rader" not in out


def test_a_file_with_a_tables_headers_continues_it_whatever_their_order(tmp_path: Path) -> None:
    """Headers are matched by name in each file, as in each sheet: another order, English
    spellings, another separator and encoding, and a missing optional column are all fine."""
    folder = _folder(tmp_path)
    _write(folder / "kultur 2025.csv", [
        "Title,activity_type,Activity ID,administration,year,budget_sek",
        "Fem,projekt,A5,Kulturförvaltningen,2025,1000",
    ], encoding="cp1252")  # fmt: skip
    _write(folder / "aktiviteter - kopia.csv", [
        "typ;förvaltning;år;titel;aktivitets_id",
        "studiebesök;Kulturförvaltningen;2025;Sex;A6",
    ])  # fmt: skip
    register = load_register(folder)
    rows = register.activities.set_index("activity_id")
    assert rows.loc["A5", ["title", "year", "activity_type", "budget_sek"]].tolist() == [
        "Fem",
        2025,
        "project",
        1000.0,
    ]
    assert rows.loc["A5", "source"] == "kultur 2025.csv" and rows.loc["A5", "row"] == 2
    assert rows.loc["A6", ["title", "year", "activity_type"]].tolist() == [
        "Sex",
        2025,
        "study_visit",
    ]
    assert rows.loc["A6", "source"] == "aktiviteter - kopia.csv"
    assert register.input_rows["activities"] == 7


def _with_other_files(tmp_path: Path) -> Path:
    folder = _folder(tmp_path)
    _write(folder / "budget.csv", ["konto;belopp", "4010;1000"])
    (folder / "läs mig.txt").write_text("Registret för 2024\n", encoding="utf-8")
    (folder / "~$aktiviteter.csv").write_bytes(b"\x00lock")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / "._aktiviteter.csv").write_bytes(APPLE_DOUBLE)  # macOS, beside a copied file
    (folder / "gammalt").mkdir()
    (folder / "gammalt" / "aktiviteter.csv").write_text(HEADERS + "\n", encoding="utf-8")
    return folder


HIDDEN_SV = (
    "en dold fil (namnet börjar med en punkt), till exempel en som macOS lägger bredvid "
    "kopierade filer; inga registeruppgifter"
)
HIDDEN_EN = (
    "a hidden file (its name begins with a dot), such as macOS leaves beside copied files; "
    "no register data"
)
UNREAD_SV = [
    f"fil .DS_Store: {HIDDEN_SV}",
    f"fil ._aktiviteter.csv: {HIDDEN_SV}",
    "fil budget.csv: varken filnamnet eller kolumnrubrikerna på första raden är en "
    "registertabells (aktiviteter, partner, undantag)",
    "mapp gammalt: mappar i registrets mapp läses inte",
    "fil läs mig.txt: ingen CSV-fil; i en mapp med CSV-filer läses bara filer som slutar på .csv",
    "fil ~$aktiviteter.csv: Excels låsfil för en öppen fil, inga registeruppgifter",
]
UNREAD_EN = [
    f"file .DS_Store: {HIDDEN_EN}",
    f"file ._aktiviteter.csv: {HIDDEN_EN}",
    "file budget.csv: neither its name nor the headers in its first line are a register "
    "table's (activities, partners, exceptions)",
    "folder gammalt: folders inside the register's folder are not read",
    "file läs mig.txt: not a CSV file; in a folder of CSV files only files ending in .csv are read",
    "file ~$aktiviteter.csv: Excel's lock file for an open file, no register data",
]


@pytest.mark.parametrize(("lang", "expected"), [("sv", UNREAD_SV), ("en", UNREAD_EN)])
def test_every_other_entry_is_named_as_not_read_and_why(
    lang: str, expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _with_other_files(tmp_path)
    assert main(["validate", str(folder), "--lang", lang]) == 1
    out = capsys.readouterr().out.splitlines()
    heading = "Lästes inte som rader:" if lang == "sv" else "Not read as rows:"
    at = out.index(heading)
    assert out[at + 1 : at + 1 + len(expected)] == ["  " + line for line in expected]
    assert out[at + 1 + len(expected)] == ""  # nothing else was left unread
    counts = "5 rader lästa" if lang == "sv" else "5 rows read"
    assert any(counts in line for line in out)  # the other files added no row


def test_validate_json_names_the_same_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _with_other_files(tmp_path)
    assert main(["validate", str(folder), "--json"]) == 1
    unread = json.loads(capsys.readouterr().out)["unread"]
    assert [(u["source"], u["row"], u["reason_key"]) for u in unread] == [
        (".DS_Store", None, "unread.file_hidden"),
        ("._aktiviteter.csv", None, "unread.file_hidden"),
        ("budget.csv", None, "unread.file_csv"),
        ("gammalt", None, "unread.folder"),
        ("läs mig.txt", None, "unread.file_not_csv"),
        ("~$aktiviteter.csv", None, "unread.file_lock"),
    ]
    assert [u["reason_sv"] for u in unread] == UNREAD_SV
    assert [u["reason"] for u in unread] == UNREAD_EN


def test_a_continuation_whose_headers_do_not_fit_is_named_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a sheet "aktiviteter gamla" with other headers: its name says which table it would
    continue, so it is not read as anything else, and the summary says why."""
    folder = _folder(tmp_path)
    _write(folder / "aktiviteter gamla.csv", ["aktivitets_id;partner;land", "A1;X;Norge"])
    register = load_register(folder)
    assert register.input_rows["activities"] == 5 and register.input_rows["partners"] == 1
    (unread,) = register.unread
    assert unread[:2] == ("aktiviteter gamla.csv", None)
    assert unread[3] == "unread.file_continuation"
    main(["validate", str(folder)])
    out = capsys.readouterr().out
    assert (
        "fil aktiviteter gamla.csv: namnet säger att filen fortsätter en tabell, men den lästes "
        "inte: aktiviteter gamla.csv saknar obligatoriska kolumner: år (year), titel (title)"
    ) in out
    main(["validate", str(folder), "--lang", "en"])
    out = capsys.readouterr().out
    assert (
        "file aktiviteter gamla.csv: its name says it continues a table, but it was not read: "
        "aktiviteter gamla.csv lacks required columns: år (year), titel (title)"
    ) in out


def test_a_continuation_of_a_table_the_folder_lacks_asks_for_a_rename(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    _write(folder / "beslut 2024.csv", ["diarienummer;beslutsdatum;land", "KS 1;2024-02-01;Kina"])
    register = load_register(folder)
    assert register.exceptions.empty and register.input_rows["exceptions"] == 0
    assert [u[3] for u in register.unread] == ["unread.file_no_table"]
    main(["validate", str(folder)])
    assert (
        "fil beslut 2024.csv: fortsätter tabellen undantag, men mappen har ingen fil "
        "undantag.csv att fortsätta; byt namn på filen till undantag.csv"
    ) in capsys.readouterr().out
    main(["validate", str(folder), "--lang", "en"])
    assert (
        "file beslut 2024.csv: continues the table exceptions, but the folder has no file "
        "exceptions.csv to continue; rename the file exceptions.csv"
    ) in capsys.readouterr().out


def test_a_continuation_that_cannot_be_read_is_named_and_the_rest_is_read(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    # an unterminated quote everywhere is fine; a header line of bytes no encoding has is not
    (folder / "aktiviteter 2025.csv").write_bytes(b"\x81\x8d\x8f\x90;\xc3(\n" + b"A9;2025\n")
    register = load_register(folder)
    assert register.input_rows["activities"] == 5
    (unread,) = register.unread
    assert unread[0] == "aktiviteter 2025.csv" and unread[3] == "unread.file_continuation"
    assert "varken UTF-8 eller Windows-1252" in unread[2]


def test_an_unrelated_large_csv_is_named_without_being_read(tmp_path: Path) -> None:
    """Only the first bytes of a file whose name is no table's are looked at: a large export
    of something else beside the register neither costs its size nor trips the size limit."""
    folder = _folder(tmp_path)
    line = "4010;" + "x" * 200 + "\n"
    (folder / "huvudbok.csv").write_text("konto;text\n" + line * 6000, encoding="utf-8")
    assert (folder / "huvudbok.csv").stat().st_size > 1 << 20
    raw = read_register(folder, RegisterLimits(csv_mb=1))
    assert raw.unread == (("huvudbok.csv", None, "", "unread.file_csv"),)
    assert {f.name for f in raw.files} == {"aktiviteter.csv", "aktiviteter (2).csv", "partner.csv"}


def test_the_fingerprint_covers_the_continuation_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    before = read_register(folder).sha256
    _write(folder / "aktiviteter (2).csv", [HEADERS, "A3;2024;Tre;Kulturförvaltningen;projekt"])
    assert read_register(folder).sha256 != before
    (folder / "läs mig.txt").write_text("ändrad\n", encoding="utf-8")  # not read: not counted
    after = read_register(folder).sha256
    (folder / "läs mig.txt").write_text("ändrad igen\n", encoding="utf-8")
    assert read_register(folder).sha256 == after


# --- the row accounting, a second way: plain loops over the files -----------------------------


def _count_by_hand(folder: Path) -> dict[str, dict[str, int]]:
    """Rows read, rejected and accepted per table, counted from the files with the csv module:
    each file whose name or first line is a table's, every non-blank line after the header;
    an activity is rejected when its year is no number or its id came before (files in the
    order the reader takes them: the table's own file, then the others by name)."""
    own = {"aktiviteter": "activities", "partner": "partners"}
    files: dict[str, list[Path]] = {"activities": [], "partners": []}
    for path in sorted(folder.iterdir(), key=lambda p: (p.stem not in own, p.name)):
        if path.suffix != ".csv" or path.name.startswith("~$"):
            continue
        with path.open(encoding="utf-8", newline="") as stream:
            head = next(csv.reader(stream, delimiter=";"), [])
        if path.stem in own:
            files[own[path.stem]].append(path)
        elif path.stem.startswith("aktiviteter ") or "titel" in head:
            files["activities"].append(path)
    counts = {}
    seen: set[str] = set()
    for table, paths in files.items():
        read = rejected = 0
        for path in paths:
            with path.open(encoding="utf-8", newline="") as stream:
                rows = list(csv.reader(stream, delimiter=";"))
            for cells in rows[1:]:
                if not any(cell.strip() for cell in cells):
                    continue
                read += 1
                if table == "activities":
                    by_name = dict(zip(rows[0], cells, strict=True))
                    bad = not by_name["år"].isdigit() or by_name["aktivitets_id"] in seen
                    seen.add(by_name["aktivitets_id"])
                    rejected += bad
        counts[table] = {"input": read, "rejected": rejected, "accepted": read - rejected}
    return counts


def test_rows_read_are_accepted_plus_rejected_across_files(tmp_path: Path) -> None:
    folder = _with_other_files(tmp_path)
    _write(folder / "kultur.csv", [HEADERS, "A7;2025;Sju;Kulturförvaltningen;projekt",
                                   "A3;2025;Tre igen;Kulturförvaltningen;projekt",
                                   "A8;2025;Åtta;Kulturförvaltningen;projekt"])  # fmt: skip
    summary = summarise(load_register(folder))
    expected = _count_by_hand(folder)
    assert expected["activities"] == {"input": 8, "rejected": 3, "accepted": 5}
    for table, counts in expected.items():
        got = summary["tables"][table]
        assert {k: got[k] for k in counts} == counts
        assert got["input"] == got["accepted"] + got["rejected"]


# --- a folder of workbooks names its other files the same way ---------------------------------


def test_a_folder_of_workbooks_names_every_other_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "böcker"
    folder.mkdir()
    book = openpyxl.Workbook()
    book.active.title = "aktiviteter"
    book.active.append(HEADERS.split(";"))
    book.active.append(["A1", 2024, "Ett", "Kulturförvaltningen", "projekt"])
    book.create_sheet("partner").append(["aktivitets_id", "partner", "land"])
    book.save(folder / "kultur.xlsx")
    (folder / "~$kultur.xlsx").write_bytes(b"\x00lock")
    (folder / "gamla.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "export.csv").write_text(HEADERS + "\n", encoding="utf-8")
    (folder / "arkiv").mkdir()
    (folder / "._kultur.xlsx").write_bytes(APPLE_DOUBLE)  # macOS: no workbook, though named so
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    at = out.index("Lästes inte som rader:")
    assert out[at + 1 : at + 8] == [
        f"  fil .DS_Store: {HIDDEN_SV}",
        f"  fil ._kultur.xlsx: {HIDDEN_SV}",
        "  mapp arkiv: mappar i registrets mapp läses inte",
        "  fil export.csv: ingen Excel-arbetsbok; i en mapp med arbetsböcker läses bara filer "
        "som slutar på .xlsx",
        "  fil gamla.xls: ingen Excel-arbetsbok; i en mapp med arbetsböcker läses bara filer "
        "som slutar på .xlsx",
        "  fil ~$kultur.xlsx: Excels låsfil för en öppen fil, inga registeruppgifter",
        "",
    ]
    assert "aktiviteter: 1 rad läst, 1 godkänd" in "\n".join(out)


def test_a_continuations_own_columns_and_broken_lines_name_its_own_file(tmp_path: Path) -> None:
    """A column outside the format is named with the file that has it, and a line with too
    many fields is measured against its own file's header (5 fields here, 6 there)."""
    folder = _folder(tmp_path)
    broken_line = "A2;2024;Två;Kultur;förvaltningen;projekt"
    _write(folder / "aktiviteter.csv", [HEADERS, "A1;2024;Ett;Kulturförvaltningen;projekt",
                                        broken_line])  # fmt: skip
    _write(folder / "aktiviteter (2).csv", [
        HEADERS + ";egen kolumn",
        "A3;2024;Tre;Kulturförvaltningen;projekt;x",
        "A4;2024;Fyra;Kultur;förvaltningen;projekt;y",
    ])  # fmt: skip
    register = load_register(folder)
    columns = [u[:3] for u in register.unread if u[3] == "unread.column"]
    assert columns == [("aktiviteter (2).csv", None, "egen kolumn")]
    broken = register.issues[register.issues["reason_key"] == "reason.too_many_fields"]
    found = dict(zip(zip(broken["source"], broken["row"], strict=True), broken["reason"],
                     strict=True))  # fmt: skip
    assert found.keys() == {("aktiviteter.csv", 3), ("aktiviteter (2).csv", 3)}
    assert "more fields than the header (5)" in found["aktiviteter.csv", 3]
    assert "more fields than the header (6)" in found["aktiviteter (2).csv", 3]


@pytest.mark.parametrize(("sep", "encoding"), [(";", "utf-8-sig"), ("\t", "utf-16")])
def test_headers_are_found_below_blank_lines_as_the_reader_finds_them(
    sep: str, encoding: str, tmp_path: Path
) -> None:
    """Excel writes an empty first row as a line of separators; the headers below it still
    say which table a file continues (in UTF-16, as Excel's "Unicode text", too)."""
    folder = _folder(tmp_path)
    lines = [sep * 4, "", HEADERS.replace(";", sep),
             sep.join(["A8", "2025", "Åtta", "Kulturförvaltningen", "projekt"])]  # fmt: skip
    (folder / "export från Excel.csv").write_bytes("\r\n".join(lines).encode(encoding))
    register = load_register(folder)
    rows = register.activities.set_index("activity_id")
    assert rows.loc["A8", "source"] == "export från Excel.csv" and rows.loc["A8", "row"] == 4
    assert register.unread == ()


def test_a_file_named_after_a_contact_person_is_named_without_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file's name is shown like a sheet's: a contact person's name in it is redacted."""
    folder = _folder(tmp_path)
    row = "A1;2024;Ett;Kulturförvaltningen;projekt;Anna Lind"
    _write(folder / "aktiviteter.csv", [HEADERS + ";kontaktperson", row])
    (folder / "frågor till Anna Lind.txt").write_text("?\n", encoding="utf-8")
    register = load_register(folder)
    (unread,) = register.unread
    assert unread[3] == "unread.file_not_csv" and "lind" not in unread[0].casefold()
    main(["validate", str(folder), "--json"])
    assert "lind" not in capsys.readouterr().out.casefold()
