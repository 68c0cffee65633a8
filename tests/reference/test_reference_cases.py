"""Constructed registers for each case of issue 17, held to the reference cell by cell and to
figures worked out by hand: several twin cities in one activity, a twin-city partner with an
empty city cell, amounts with öre, a cancelled activity, an administration without activities,
an activity without partners, a year without a previous year, own funding and no source."""

from __future__ import annotations

from pathlib import Path

import pytest

from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register import load_register
from boras_intl_lib.report import findings, tables
from boras_intl_lib.report.data import build
from boras_intl_lib.report.workbook import write_report_workbook
from boras_intl_lib.settings import default_parameters_path, load_settings
from reference.compute import compute
from reference.workbook import assert_workbook_matches, book_from_tables, read_workbook
from tests.register_helpers import activity, partner, write_workbook

SETTINGS = load_settings(default_parameters_path(2025))
KULTUR, MILJO = "Kulturförvaltningen", "Miljöförvaltningen"


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("cases") / "register.xlsx"
    acts = [
        # all three twin cities, amounts with öre, own funding
        activity("A1", year="2025", budget_sek="100000,50", external_funding_sek="0",
                 funding_source="egen finansiering", participants="12"),
        # a twin-city partner whose city cell is empty; öre again; an EU source
        activity("A2", year="2025", budget_sek="200000,50", external_funding_sek="50000,25",
                 funding_source="Erasmus+", participants="3"),
        # cancelled: its partner, funding and participants count nowhere
        activity("A3", year="2025", status="inställd", budget_sek="999999",
                 external_funding_sek="999999", funding_source="Interreg Europe",
                 participants="99"),
        # no partners, no source
        activity("A4", year="2025", external_funding_sek="39600", participants="1"),
        # another administration, a small amount under 0,1 mnkr
        activity("A5", year="2025", administration=MILJO, budget_sek="50000",
                 external_funding_sek="39600", funding_source="Nordplus"),
    ]  # fmt: skip
    parts = [
        partner("A1", partner_name="Mikkelin kaupunki", city="Mikkeli", country="Finland"),
        partner("A1", partner_name="Molde kommune", city="Molde", country="Norge"),
        partner("A1", partner_name="Vejle Kommune", city="Vejle", country="Danmark"),
        partner("A2", partner_name="Vejle Kommune", country="Danmark"),  # city cell empty
        partner("A3", partner_name="Only in a cancelled one", city="Molde", country="Norge"),
        partner("A5", partner_name="Aarhus Kommune", city="Aarhus", country="Danmark"),
    ]
    write_workbook(path, {"activities": acts, "partners": parts})
    return load_register(path, SETTINGS)


@pytest.mark.parametrize("administration", [None, KULTUR, MILJO, "Servicekontoret"])
def test_constructed_register_equals_reference(register, tmp_path: Path, administration) -> None:
    data = build(register, SETTINGS, 2025, "sv", administration)
    path = tmp_path / "report.xlsx"
    write_report_workbook(data, path)
    ev = data.evaluation
    ref = compute(register, SETTINGS, ev.partners, 2025, administration)
    twins = [t.city for t in SETTINGS.twin_cities]
    assert_workbook_matches(read_workbook(path), ref, "sv", administration, twins)
    assert_workbook_matches(
        book_from_tables(tables.all_tables(data)), ref, "sv", administration, twins
    )


def test_the_figures_worked_out_by_hand(register) -> None:
    """What the reference says, checked once more against arithmetic done by hand."""
    data = build(register, SETTINGS, 2025)
    ref = compute(register, SETTINGS, data.evaluation.partners, 2025)
    # A1 counts for every twin city, A2 for Vejle through the partner's name
    assert [ref.twin_cities[(2025, c)] for c in ("Mikkeli", "Molde", "Vejle")] == [1, 1, 2]
    twin = tables.twin_cities_table(data)
    assert twin.loc[2025].tolist() == [1, 1, 2]
    assert data.scores.set_index("activity_id").loc["A2", "twin_cities"] >= 1
    # whole kronor per activity: 100 001 + 200 001 (+ 0 + 50 000) = 350 002; external 50 000
    # + 39 600 + 39 600; own 100 001 + 150 001 + 10 400
    total = data.resources.iloc[-1]
    assert total["budget_sek"] == 100001 + 200001 + 50000
    assert total["external_funding_sek"] == 50000 + 39600 + 39600
    assert total["own_funding_sek"] == 100001 + 150001 + 10400
    assert total["participants"] == 12 + 3 + 1
    # the funding table accounts for all four counted activities; own money is no source
    funding = tables.funding_by_source(data)
    names = funding.iloc[:, 0].tolist()
    assert names == [
        "Erasmus+",
        "Nordplus",
        label("funding.own_source"),
        label("funding.no_source"),
        label("word.total"),
    ]
    assert funding.iloc[:, 1].tolist() == [1, 1, 1, 1, 4]
    assert funding.iloc[:, 3].tolist() == ["Ja", "Nej", "", "", ""]
    # the activity without partners is unknown; the cancelled one's country is not counted
    assert ref.precondition["unknown"] == 1
    assert "NOR" in ref.countries and ref.countries["NOR"] == (1, 1)


def test_small_amounts_are_not_shown_as_zero_mnkr(register) -> None:
    data = build(register, SETTINGS, 2025, "sv", MILJO)
    shown = dict(tables.key_figures(data).iloc[:, :2].itertuples(index=False, name=None))
    assert shown[label("fig.external_funding")] == "39\u00a0600\u00a0kr"
    city = dict(tables.key_figures(build(register, SETTINGS, 2025)).iloc[:, :2].values)
    assert city[label("fig.external_funding")] == "0,1\u00a0mnkr"  # 129 200 kr


def test_an_administration_without_activities_says_so_of_itself(register) -> None:
    data = build(register, SETTINGS, 2025, "sv", "Servicekontoret")
    sentences = [finding.text for finding in findings.verdict(data)[1]]  # as the report shows
    assert sentences == [
        label("finding.no_activities_administration", name="Servicekontoret", year=2025, n=4)
    ]
    assert label("finding.no_activities", year=2025) not in sentences


def test_a_year_without_a_previous_year_says_so_once(register) -> None:
    data = build(register, SETTINGS, 2025)
    assert set(data.year_over_year["trend"]) == {"no_previous"}
    assert tables.comparison_words(data, "profiling") == label("trend.no_previous")


def test_unassessable_partners_and_activities_are_named(register) -> None:
    found = findings.findings(build(register, SETTINGS, 2025))
    unknown = next(f for f in found if f.text == label("finding.unknown", n=1))
    assert unknown.severity == "action"
    assert label("verdict.activity_without_partners", id="A4", title="Textilt utbyte") in (
        unknown.items
    )


def test_sections_of_an_empty_year_say_so_once(register, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from boras_intl_lib.report import display, sections

    shown: list[str] = []
    monkeypatch.setattr(display, "_publish", lambda html, plain, metadata=None: shown.append(html))
    data = build(register, SETTINGS, 2025, "sv", "Servicekontoret")
    for show in (sections.show_summary, sections.show_areas, sections.show_funding,
                 sections.show_partners, sections.show_sdgs, sections.show_administrations,
                 sections.show_precondition):  # fmt: skip
        show(data)
    page = "".join(shown)
    sentence = display.escape(label("section.nothing_this_year", year=2025))
    assert page.count(sentence) == 6
    assert "<table" not in page and label("trend.cannot_assess") not in page
    assert display.escape(label("precondition.nothing_to_assess")) in page


def test_the_overall_index_is_explained_where_it_appears(register, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from boras_intl_lib.report import display, sections

    shown: list[str] = []
    monkeypatch.setattr(display, "_publish", lambda html, plain, metadata=None: shown.append(html))
    sections.show_summary(build(register, SETTINGS, 2025))
    page = "".join(shown)
    assert display.escape(label("fig.overall_index")) in page
    assert display.escape(label("summary.index_explained", clear=2)) in page


def test_the_first_year_says_once_that_there_is_nothing_to_compare(register, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from boras_intl_lib.report import display, sections

    shown: list[str] = []
    monkeypatch.setattr(display, "_publish", lambda html, plain, metadata=None: shown.append(html))
    sections.show_areas(build(register, SETTINGS, 2025))
    page = "".join(shown)
    assert page.count(display.escape(label("trend.first_year", year=2025))) == 1
    assert "Jämfört med föregående år" not in page and label("trend.no_previous") not in page
    assert page.count("Tydligt bidrag: ") == 7  # each area's paragraph, cut before the comparison
