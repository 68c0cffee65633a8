"""The empty register workbook: sheets, headers, drop-down lists, and it reads back clean."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from boras_intl_lib.coordinator import template as excel_template
from boras_intl_lib.coordinator.template import build_template, write_template
from boras_intl_lib.errors import BorasIntlError
from boras_intl_lib.register import load_register
from boras_intl_lib.register.format import TABLES, allowed_values


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "register.xlsx"
    write_template(path)
    return path


def _rules(sheet) -> dict[str, object]:
    """Data validation rules by the column letter they cover."""
    rules = {}
    for rule in sheet.data_validations.dataValidation:
        for cell_range in str(rule.sqref).split():
            rules[cell_range.split(":")[0].rstrip("0123456789")] = rule
    return rules


def test_sheets_and_swedish_headers(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["instruktioner", "aktiviteter", "partner", "undantag", "listor"]
    for table in TABLES.values():
        sheet = book[table.swedish]
        assert [c.value for c in sheet[1]] == [c.display for c in table.columns]
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.max_row == 1


def test_every_enumerated_column_has_a_drop_down(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    checked = 0
    for table in TABLES.values():
        sheet = book[table.swedish]
        rules = _rules(sheet)
        for pos, column in enumerate(table.columns, start=1):
            letter = openpyxl.utils.get_column_letter(pos)
            rule = rules.get(letter)
            if column.kind == "enum":
                assert rule is not None and rule.type == "list", column.name
                listed = rule.formula1.strip('"').split(",")
                assert listed == allowed_values(column, "sv")
                assert rule.showErrorMessage and rule.errorStyle == "stop"
                assert str(rule.sqref) == f"{letter}2:{letter}{excel_template.MAX_ROW}"
                checked += 1
            elif column.kind == "boolean":
                assert rule.type == "list" and rule.formula1 == '"ja,nej"'
                checked += 1
            elif column.kind in ("list", "int_list"):
                assert rule.type is None and rule.showInputMessage
                assert "semikolon" in rule.prompt
                checked += 1
            assert rule.showInputMessage and column.description_sv in rule.prompt
            assert rule.promptTitle.startswith(column.display[:20])
    assert checked == 3 + 3 + 3  # typ, status, partnertyp; 3 yes/no; 3 lists


def _listed(book, rule) -> list[str]:
    """The values a list rule offers, read from the hidden lists sheet it points at."""
    sheet_name, cells = rule.formula1.split("!")
    first, last = (c.replace("$", "") for c in cells.split(":"))
    sheet = book[sheet_name.strip("'")]
    return [c.value for row in sheet[first:last] for c in row]


def test_administration_committee_and_country_drop_downs(tmp_path: Path) -> None:
    from boras_intl_lib.settings import Administration, Settings

    settings = Settings(
        year=2025,
        administrations=[
            Administration(name="Kulturförvaltningen", committee="Kulturnämnden"),
            Administration(name="Miljöförvaltningen", committee="Miljö- och konsumentnämnden"),
        ],
    )
    write_template(tmp_path / "t.xlsx", settings)
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    rules = _rules(book["aktiviteter"])
    assert _listed(book, rules["D"]) == ["Kulturförvaltningen", "Miljöförvaltningen"]
    assert _listed(book, rules["E"]) == ["Kulturnämnden", "Miljö- och konsumentnämnden"]
    assert rules["D"].errorStyle == "warning"  # a new administration can still be typed
    countries = _listed(book, _rules(book["partner"])["E"])
    assert {"Finland", "Tyskland", "Sverige", "Storbritannien"} <= set(countries)
    assert "Germany" not in countries  # Swedish names only
    assert book["listor"].sheet_state == "hidden"
    assert _listed(book, _rules(book["undantag"])["C"]) == countries
    book["aktiviteter"].append(
        ["A1", 2025, "Möte", "Kulturförvaltningen", "Kulturnämnden", "Studiebesök"]
    )
    book["partner"].append(["A1", "Moldes kommune", "kommun", "Molde", "Norge"])
    book.save(tmp_path / "filled.xlsx")
    register = load_register(tmp_path / "filled.xlsx", settings)
    assert register.issues.empty and len(register.activities) == 1


def test_numbers_take_what_the_instructions_show_and_levels_have_a_drop_down(
    template: Path, tmp_path: Path
) -> None:
    """Issue 19: Excel's number rules refused "50 tkr" and "ca 12", which the instructions
    show and the reader takes: numbers get a hint and no rule; levels a 0–3 list that lets
    other text in after a warning."""
    book = openpyxl.load_workbook(template)
    rules = _rules(book["aktiviteter"])
    year, budget, external, participants = rules["B"], rules["H"], rules["I"], rules["K"]
    for rule in (year, budget, external, participants):
        assert rule.type is None and not rule.showErrorMessage
    assert "50 tkr" in budget.prompt and "ca 12" in participants.prompt
    assert "2000–2100" in year.prompt
    for level in (rules["L"], rules["S"]):
        assert (level.type, level.formula1, level.errorStyle) == ("list", '"0,1,2,3"', "warning")
    assert {r.type for r in _rules(book["undantag"]).values()} >= {"date"}
    book["aktiviteter"].append(
        ["A1", 2025, "Möte", "Kulturförvaltningen", None, "studiebesök", None, "50 tkr",
         "ca 10 000", None, "ca 12"]
    )  # fmt: skip
    book.save(tmp_path / "filled.xlsx")
    register = load_register(tmp_path / "filled.xlsx")
    row = register.activities.iloc[0]
    assert (row["budget_sek"], row["external_funding_sek"], row["participants"]) == (
        50_000.0, 10_000.0, 12
    )  # fmt: skip
    assert set(register.issues["reason_key"]) == {"warning.approximate"}


def test_every_country_the_reader_knows_is_in_the_drop_down(template: Path) -> None:
    """USA was missing ("Uruguay", then "USA:s yttre öar"): a name equal to its code."""
    import pandas as pd

    from boras_intl_lib.countries import iso3_codes, to_iso3

    book = openpyxl.load_workbook(template)
    listed = _listed(book, _rules(book["partner"])["E"])
    assert "USA" in listed
    found = to_iso3(pd.Series(listed, dtype="string"))
    assert found.notna().all(), [n for n, c in zip(listed, found, strict=True) if pd.isna(c)]
    assert set(found) == set(iso3_codes())
    assert len(listed) == len(set(listed))


def test_no_prompt_is_cut(template: Path) -> None:
    """Excel shows 32 characters of a prompt's title and 255 of its message: every column's
    title, required mark, description and hint are there whole."""
    book = openpyxl.load_workbook(template)
    mark = "(obligatorisk)"
    checked = 0
    for table in TABLES.values():
        rules = _rules(book[table.swedish])
        for pos, column in enumerate(table.columns, start=1):
            rule = rules[openpyxl.utils.get_column_letter(pos)]
            title, prompt = rule.promptTitle, rule.prompt
            assert len(title) <= excel_template.MAX_PROMPT_TITLE, title
            assert len(prompt) <= excel_template.MAX_PROMPT, prompt
            assert title in (column.display, f"{column.display} {mark}"), title
            assert column.description_sv in prompt
            if column.required:
                assert title.endswith(mark) or prompt.startswith("Obligatorisk. "), title
            else:
                assert mark not in title and not prompt.startswith("Obligatorisk.")
            checked += 1
    assert checked == sum(len(t.columns) for t in TABLES.values())
    partner_rules = _rules(book["partner"])
    assert partner_rules["B"].promptTitle == "Partnerorganisation"  # was "…(obligatoris"
    assert partner_rules["B"].prompt.startswith("Obligatorisk. ")


def test_a_help_text_too_long_for_excel_is_an_error_not_a_cut() -> None:
    from boras_intl_lib.register.format import Column

    with pytest.raises(ValueError, match="longer than Excel's 255"):
        excel_template._fitting("x" * 256, 255, Column("c", "c", "text"))


def test_instructions_explain_every_column_in_swedish(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["instruktioner"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    described = {(r[0], r[1]) for r in rows}
    for table in TABLES.values():
        for column in table.columns:
            assert (table.swedish, column.display) in described
    by_column = {(r[0], r[1]): r for r in rows}
    typ = by_column[("aktiviteter", "Typ av aktivitet")]
    assert typ[3] == "ja" and "vänortsutbyte" in typ[4]
    assert by_column[("undantag", "Land")][3] == "minst en av land / partner"
    assert by_column[("aktiviteter", "År")][2] == "heltal, 2000–2100"
    assert "Ändra inte rubrikerna" in sheet["A2"].value
    assert "boras-intl" not in sheet["A2"].value  # no command line needed


def test_the_template_reads_back_as_an_empty_clean_register(template: Path) -> None:
    register = load_register(template)
    assert register.input_rows == {"activities": 0, "partners": 0, "exceptions": 0}
    assert register.issues.empty
    assert register.activities.empty and register.partners.empty


def test_a_filled_in_template_is_a_working_register(tmp_path: Path, template: Path) -> None:
    book = openpyxl.load_workbook(template)
    book["aktiviteter"].append(
        ["A1", 2024, "Vänortsmöte", "Kulturförvaltningen", None, "vänortsutbyte"]
    )
    book["partner"].append(["A1", "Moldes kommune", "kommun", "Molde", "Norge"])
    book.save(tmp_path / "filled.xlsx")
    register = load_register(tmp_path / "filled.xlsx")
    assert register.issues.empty
    assert register.activities["activity_type"].tolist() == ["twinning"]
    assert register.partners["country_iso3"].tolist() == ["NOR"]


def test_text_columns_are_formatted_as_text(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["aktiviteter"]
    assert sheet.column_dimensions["A"].number_format == "@"  # aktivitets_id
    assert sheet.column_dimensions["R"].number_format == "@"  # globala_mål: "3,5" stays text


def test_long_lists_go_to_a_hidden_lists_sheet() -> None:
    book = Workbook()
    values = [f"värde nummer {i}" for i in range(40)]
    rule = excel_template._list_rule(book, "lång", values)
    assert rule.formula1 == "'listor'!$A$2:$A$41"
    sheet = book["listor"]
    assert sheet.sheet_state == "hidden"
    assert [sheet.cell(row=i, column=1).value for i in range(2, 42)] == values
    second = excel_template._list_rule(book, "också lång", values)
    assert second.formula1 == "'listor'!$B$2:$B$41"
    assert excel_template._list_rule(book, "kort", ["a", "b"]).formula1 == '"a,b"'


def test_overwrites_atomically_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "out" / "mall.xlsx"
    path.parent.mkdir()
    path.write_bytes(b"old")
    write_template(path)
    assert openpyxl.load_workbook(path).sheetnames[0] == "instruktioner"
    assert os.listdir(path.parent) == ["mall.xlsx"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "mall.xlsx"
    path.write_bytes(b"old")

    def broken_save(self, handle):
        handle.write(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(BorasIntlError, match="disk full"):
        write_template(path)
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["mall.xlsx"]


def test_build_template_does_not_need_a_file() -> None:
    book = build_template()
    # the country list is too long for a rule of its own: it lives on the hidden lists sheet
    assert book.sheetnames[-1] == "listor" and book["listor"]["A1"].value == "country"
