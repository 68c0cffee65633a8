"""Every sheet and every row accounted for (issue 19 item 2).

A copied sheet "aktiviteter (2)" continues its table, naming its own sheet in every message;
a sheet that is no register table, a note line below the table and a column outside the
format are each named in the normal summary, in the register's language; an empty register
is a warning and exit status 1, never "Alla rader godkändes".
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from register_helpers import workbook_engine  # noqa: F401  (fixture)

from boras_intl_lib.cli import main
from boras_intl_lib.register import load_register

HEADERS = ["aktivitets_id", "år", "titel", "förvaltning", "typ"]
HEADERS_EN = ["activity_id", "year", "title", "administration", "activity_type"]


def _activity(n: int, activity_id: str | None = None) -> list[object]:
    return [activity_id or f"A{n}", 2024, f"Aktivitet {n}", "Kulturförvaltningen", "projekt"]


def _book(path: Path, *, english: bool = False) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    book.create_sheet("Instruktioner")["A1"] = "Fyll i en rad per aktivitet"
    headers = HEADERS_EN if english else HEADERS
    acts = book.create_sheet("activities" if english else "aktiviteter")
    acts.append([*headers, "egen kolumn"])
    acts.append([*_activity(1), "x"])
    acts.append(_activity(2))
    acts.append([])
    acts.append(["Uppgifterna gäller till och med juni"])
    copied = book.create_sheet("activities (2)" if english else "aktiviteter (2)")
    copied.append(headers)
    copied.append(_activity(3))
    copied.append([*_activity(4)[:3], "Okänd förvaltning", "projekt"])  # a warning
    copied.append(_activity(5, activity_id="A1"))  # repeats A1 of the first sheet
    book.create_sheet("aktiviteter gamla").append(["något", "annat"])
    partners = book.create_sheet("partners" if english else "partner")
    partners.append(
        ["activity_id", "partner_name", "country"]
        if english
        else ["aktivitets_id", "partner", "land"]
    )
    partners.append(["A3", "Partner AB", "Norge"])
    book.save(path)
    return path


@pytest.mark.usefixtures("workbook_engine")
def test_a_copied_sheet_continues_its_table_naming_its_own_sheet(tmp_path: Path) -> None:
    register = load_register(_book(tmp_path / "kopia.xlsx"))
    assert register.activities["activity_id"].tolist() == ["A1", "A2", "A3", "A4"]
    assert register.input_rows["activities"] == 5  # 2 + 3 rows; the note line is no row
    issues = register.issues.set_index(["source", "row"])
    assert issues.loc[("aktiviteter (2)", 4), "severity"] == "error"  # the repeated A1
    assert "aktiviteter, rad 2" in issues.loc[("aktiviteter (2)", 4), "reason_sv"]
    unread = {(source, row, key) for source, row, _, key in register.unread}
    assert ("Instruktioner", None, "unread.sheet") in unread
    assert ("aktiviteter gamla", None, "unread.continuation") in unread
    assert ("aktiviteter", 5, "unread.note") in unread
    assert ("aktiviteter", None, "unread.column") in unread


def test_the_summary_names_what_was_not_read_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(_book(tmp_path / "kopia.xlsx"))]) == 1
    out = capsys.readouterr().out
    assert "aktiviteter: 5 rader lästa, 4 godkända, 1 avvisad, 1 flaggad" in out
    assert "Lästes inte som rader:" in out
    assert "blad Instruktioner: inget registerblad" in out
    assert "blad aktiviteter gamla: namnet säger att bladet fortsätter en tabell" in out
    assert 'blad aktiviteter, rad 5: "Uppgifterna gäller till och med juni" står ensam' in out
    assert 'blad aktiviteter: kolumnen "egen kolumn" hör inte till registrets format' in out
    assert "blad aktiviteter (2), rad 4, kolumn aktivitets_id" in out
    assert "Okänd förvaltning" in out and "blad aktiviteter (2), rad 3" in out


def test_the_summary_of_an_english_register_is_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["validate", str(_book(tmp_path / "copy.xlsx", english=True))])
    out = capsys.readouterr().out
    assert "Not read as rows:" in out
    assert 'sheet activities: the column "egen kolumn" is not part of the register' in out
    assert "Lästes inte" not in out


@pytest.mark.parametrize("shape", ["workbook", "csv"])
def test_an_empty_register_is_a_warning_and_exit_1(
    shape: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if shape == "workbook":
        path = tmp_path / "tom.xlsx"
        book = openpyxl.Workbook()
        book.active.title = "aktiviteter"
        book.active.append(HEADERS)
        book.create_sheet("partner").append(["aktivitets_id", "partner", "land"])
        book.save(path)
    else:
        path = tmp_path / "tom"
        path.mkdir()
        (path / "aktiviteter.csv").write_text(";".join(HEADERS) + "\n", encoding="utf-8")
        (path / "partner.csv").write_text("aktivitets_id;partner;land\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Registret har inga aktiviteter" in out
    assert "Alla rader godkändes" not in out


def test_a_note_line_in_a_csv_file_is_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    lines = [";".join(HEADERS), "A1;2024;Ett;Kulturförvaltningen;projekt", "", "Källa: enkät 2024"]
    (folder / "aktiviteter.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "partner.csv").write_text("aktivitets_id;partner;land\n", encoding="utf-8")
    register = load_register(folder)
    assert register.rejected.empty and register.activities["activity_id"].tolist() == ["A1"]
    assert ("aktiviteter.csv", 4, "Källa: enkät 2024", "unread.note") in register.unread


def test_a_note_line_is_shown_without_personal_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note line is shown by validate like a rejected value: an e-mail address or a contact
    person's name in it is redacted too (issue 22 item 3)."""
    folder = tmp_path / "csv"
    folder.mkdir()
    head = ";".join([*HEADERS, "kontaktperson"])
    lines = [head, "A1;2024;Ett;Kulturförvaltningen;projekt;Anna Lind", "",
             "Frågor: anna.lind@boras.se eller Lind, Anna"]  # fmt: skip
    (folder / "aktiviteter.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "partner.csv").write_text("aktivitets_id;partner;land\n", encoding="utf-8")
    register = load_register(folder)
    notes = [u for u in register.unread if u[3] == "unread.note"]
    assert len(notes) == 1 and notes[0][1] == 4
    assert "anna" not in notes[0][2].casefold() and "lind" not in notes[0][2].casefold()
    main(["validate", str(folder)])
    out = capsys.readouterr().out.casefold()
    assert "anna.lind@" not in out and "lind, anna" not in out
