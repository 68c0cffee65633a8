"""One formula guard (:func:`boras_intl_lib.safety.neutralised`) in every output a person
opens in a spreadsheet: ``score``'s CSV files, the report workbook, the correction list and the
template (issue 21 item 2). Each test fails when the guard is taken out of that output.

Register text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would run
as a formula; the outputs show it with an apostrophe in front. ``=`` cannot come through an
Excel register (a cell starting with it *is* a formula), so the register tests use the others.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from boras_intl_lib.coordinator.fixlist import build_fix_list
from boras_intl_lib.coordinator.template import build_template
from boras_intl_lib.csv_text import csv_text
from boras_intl_lib.register import load_register
from boras_intl_lib.report.data import build
from boras_intl_lib.report.workbook import write_report_workbook
from boras_intl_lib.safety import FORMULA_PREFIXES, neutralise_formula, neutralised
from boras_intl_lib.settings import load_settings
from tests.register_helpers import activity, partner, write_workbook

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(ROOT / "parameters" / "2025.yaml")
TITLE = "@SUM(1+1)*cmd|' /C calc'!A0"
PARTNER = "-2+3+cmd|' /C calc'!A0"
COUNTRY = "+Narnia"


def _unguarded(values) -> list[str]:
    """Texts that a spreadsheet would run as a formula."""
    return [v for v in values if isinstance(v, str) and v.startswith(FORMULA_PREFIXES)]


def _cells(path_or_book) -> list[object]:
    book = load_workbook(path_or_book) if isinstance(path_or_book, Path) else path_or_book
    return [
        c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
    ]


def test_the_guard_puts_an_apostrophe_before_formula_text_only() -> None:
    assert [neutralised(t) for t in ("=1+1", "+46 33", "-x", "@a", "\tx", "\rx")] == [
        "'=1+1",
        "'+46 33",
        "'-x",
        "'@a",
        "'\tx",
        "'\rx",
    ]
    assert neutralised("Borås") == "Borås" and neutralised("") == ""
    series = pd.Series(["=A1", 5, None, "ok", "=A1"], dtype=object)
    assert neutralise_formula(series).tolist() == ["'=A1", 5, None, "ok", "'=A1"]


@pytest.mark.parametrize("repeat", [1, 50])
def test_the_csv_writer_guards_every_kind_of_text_column(repeat: int) -> None:
    """Mostly distinct text (cells as they are), repeated text (coded) and categoricals."""
    distinct = [f"=HYPERLINK({i})" for i in range(repeat)] + ["-1", "ok", "@x"]
    frame = pd.DataFrame(
        {
            "id": distinct,
            "repeated": (["+a", "b"] * len(distinct))[: len(distinct)],
            "category": pd.Categorical((["@c", "d"] * len(distinct))[: len(distinct)]),
            "n": range(len(distinct)),
        }
    )
    fields = [f for line in csv_text(frame).splitlines()[1:] for f in line.split(",")]
    assert not _unguarded(fields)
    assert "'=HYPERLINK(0)" in fields and "'+a" in fields and "'@c" in fields and "'-1" in fields


@pytest.fixture(scope="module")
def hostile_register(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("guard") / "register.xlsx"
    write_workbook(
        path,
        {
            "activities": [activity("A1", year="2025", title=TITLE)],
            "partners": [
                partner("A1", partner_name=PARTNER, country="Kina"),
                partner("A1", partner_name="Gemeente", country=COUNTRY),
            ],
        },
    )
    return load_register(path, SETTINGS)


def test_the_report_workbook_is_guarded(hostile_register, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report_workbook(build(hostile_register, SETTINGS, 2025), path)
    cells = _cells(path)
    assert not _unguarded(cells)
    assert "'" + TITLE in cells and "'" + PARTNER in cells


def test_the_correction_list_is_guarded(hostile_register) -> None:
    cells = _cells(build_fix_list(hostile_register))
    assert "'" + COUNTRY in cells  # the country not recognised, as written
    assert not _unguarded(cells)


def test_the_template_is_guarded(tmp_path: Path) -> None:
    names = [a.model_dump() for a in SETTINGS.administrations]
    names.append({"name": '=HYPERLINK("http://x")', "committee": "Nämnden"})
    settings = SETTINGS.with_changes({"administrations": names})
    path = tmp_path / "mall.xlsx"
    build_template(settings).save(path)
    book = load_workbook(path)
    cells = _cells(book)
    assert '\'=HYPERLINK("http://x")' in cells
    assert not _unguarded(cells)
    formulas = [
        c.coordinate
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []
