"""A second opinion (issue 20 item 4): ``combine: primary`` lets the first rule's source decide
and shows where the other sources disagree — in ``indicators compare``, in the report's
precondition section and in its workbook — without changing a verdict."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.evaluation import evaluate
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.indicators import loaders as ind
from boras_intl_lib.register import load_register
from boras_intl_lib.report import display, sections
from boras_intl_lib.report.data import build
from boras_intl_lib.report.disagreement import disagreement_table
from boras_intl_lib.report.workbook import write_report_workbook
from boras_intl_lib.screening.compare import disagreements
from boras_intl_lib.screening.rules import screen_countries
from boras_intl_lib.settings import load_settings
from tests.indicator_helpers import fh_row, write_fh
from tests.register_helpers import activity, partner, write_workbook

#: Freedom in the World 2026 (describing 2025): Kenya and Kosovo "Partly Free", Sweden "Free".
#: V-Dem v16 (bundled) finds Kenya and Kosovo electoral democracies in 2025.
FH_2026 = [
    fh_row("Kenya", "c", 2026, "PF", 21, 30, 7),
    fh_row("Kosovo", "c", 2026, "PF", 28, 33, 8),
    fh_row("Finland", "c", 2026, "F", 40, 60, 16),
    fh_row("Sweden", "c", 2026, "F", 40, 59, 16),
]


def _params(tmp_path: Path, combine: str = "primary") -> Path:
    fh = write_fh(tmp_path / "All_data_FIW_2013-2026.xlsx", FH_2026, sheet="FIW13-26")
    path = tmp_path / "params.yaml"
    path.write_text(
        "year: 2025\n"
        "administrations: [{name: Kulturförvaltningen}]\n"
        "screening:\n"
        f"  indicator_files: [{{path: {fh}, format: freedom_house}}]\n"
        "  conditions:\n"
        "    democracy:\n"
        f"      combine: {combine}\n"
        "      rules:\n"
        "        - {indicator: regime_row_owid, threshold: 2}\n"
        "        - {source: freedom_house, indicator: fh_status, threshold: 2}\n"
        "    human_rights: {rules: [{indicator: v2x_civlib, threshold: 0.7}]}\n"
        "    rule_of_law: {rules: [{indicator: v2x_rule, threshold: 0.5}]}\n"
    )
    return path


@pytest.fixture
def settings(tmp_path: Path):
    return load_settings(_params(tmp_path))


def test_the_primary_source_decides_and_the_others_never_change_it(settings) -> None:
    indicators = ind.load_indicators(settings)
    frame = screen_countries(["KEN", "XKX", "FIN"], indicators, settings.screening, 2025)
    democracy = dict(zip(frame["iso3"], frame["democracy"], strict=True))
    assert democracy == {"FIN": "pass", "KEN": "pass", "XKX": "pass"}  # as V-Dem alone says
    # the second way: V-Dem's rule on its own gives the same verdicts
    data = settings.model_dump()
    data["screening"]["conditions"]["democracy"]["rules"] = [
        {"indicator": "regime_row_owid", "threshold": 2}
    ]
    alone = type(settings).model_validate(data)
    only_vdem = screen_countries(["KEN", "XKX", "FIN"], indicators, alone.screening, 2025)
    assert only_vdem["democracy"].tolist() == frame["democracy"].tolist()
    assert frame["democracy_source"].tolist() == ["vdem"] * 3
    # with combine: all the same rules fail Kenya: the combine rule, not the data, decides
    data["screening"]["conditions"]["democracy"] = settings.screening.conditions[
        "democracy"
    ].model_dump() | {"combine": "all"}
    both = screen_countries(
        ["KEN"], indicators, type(settings).model_validate(data).screening, 2025
    )
    assert both["democracy"].tolist() == ["fail"]


def test_disagreements_list_each_sources_verdict(settings) -> None:
    table = disagreements(
        ["KEN", "XKX", "FIN"], ind.load_indicators(settings), settings.screening, 2025
    )
    assert sorted(set(table["iso3"])) == ["KEN", "XKX"]  # Finland: both sources agree
    kenya = table[table["iso3"] == "KEN"].set_index("source")
    assert kenya.loc["vdem", "result"] == "pass" and bool(kenya.loc["vdem", "decides"])
    assert kenya.loc["freedom_house", "result"] == "fail"
    assert kenya.loc["freedom_house", "value"] == 1.0


def test_compare_prints_every_country_where_sources_disagree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    params = _params(tmp_path)
    assert main(["indicators", "compare", "--year", "2025", "--params", str(params)]) == 0
    out = capsys.readouterr().out
    assert "Kenya (KEN), demokrati: V-Dem" in out
    assert "uppfyllt, regime_row_owid valdemokrati (2025) (avgör)" in out
    assert "Freedom House: inte uppfyllt, fh_status delvis fri (2025)" in out
    assert "Kosovo (XKX)" in out and "Finland" not in out
    assert label("compare.primary_sentence") in out
    assert main(["indicators", "compare", "--params", str(params), "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "Freedom House: not met, fh_status partly free (2025)" in english


def test_the_report_and_workbook_show_the_disagreement(
    settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = load_register(
        write_workbook(
            tmp_path / "register.xlsx",
            {
                "activities": [activity("A1", year="2025"), activity("A2", year="2025")],
                "partners": [
                    partner("A1", partner_name="Nairobi County", country="Kenya"),
                    partner("A2", partner_name="Mikkelin kaupunki", country="Finland"),
                ],
            },
        ),
        settings,
    )
    data = build(register, settings, 2025)
    # the verdict is the primary source's: Kenya's partner meets the precondition by V-Dem
    assert (
        data.evaluation.partners.set_index("partner_name").loc["Nairobi County", "verdict"] == "met"
    )
    table = disagreement_table(data)
    assert table.values.tolist() == [
        [
            "Kenya",
            "Demokrati",
            "V-Dem (Varieties of Democracy): uppfyllt, regime_row_owid valdemokrati (2025) (avgör);"
            " Freedom House: inte uppfyllt, fh_status delvis fri (2025)",
            "A1",
        ]
    ]
    shown: list[str] = []
    monkeypatch.setattr(display, "_publish", lambda html, plain, metadata=None: shown.append(html))
    sections.show_precondition(data)
    page = "".join(shown)
    assert display.escape(label("precondition.disagreement")) in page
    assert display.escape(label("compare.primary_sentence")) in page
    assert "fh_status delvis fri" in page
    path = tmp_path / "report.xlsx"
    write_report_workbook(data, path)
    sheet = openpyxl.load_workbook(path)[label("sheet.disagreement")]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Land",
        "Villkor",
        "Källornas bedömning",
        "Berörda aktiviteter",
    )
    assert rows[1][0] == "Kenya" and "delvis fri" in rows[1][2] and rows[1][3] == "A1"


def test_no_disagreement_section_when_sources_agree(tmp_path: Path, monkeypatch) -> None:
    settings = load_settings(_params(tmp_path))
    register = load_register(
        write_workbook(
            tmp_path / "register.xlsx",
            {
                "activities": [activity("A1", year="2025")],
                "partners": [partner("A1", partner_name="Mikkelin kaupunki", country="Finland")],
            },
        ),
        settings,
    )
    data = build(register, settings, 2025)
    assert disagreement_table(data).empty
    shown: list[str] = []
    monkeypatch.setattr(display, "_publish", lambda html, plain, metadata=None: shown.append(html))
    sections.show_precondition(data)
    assert display.escape(label("precondition.disagreement")) not in "".join(shown)
    assert evaluate(register, settings).partners["verdict"].tolist() == ["met"]
