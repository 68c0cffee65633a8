"""The report as a decision document (issue 8), checked without a kernel: the verdict comes
first, every key figure equals its breakdown and the workbook, nothing reassures from missing
data, outcome areas are compared on like populations, the basis and thresholds are in words,
the annex lists every activity and the workbook can be checked."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from boras_intl_lib import aggregation as agg
from boras_intl_lib.aggregation import active
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register import example_register_path, load_register
from boras_intl_lib.report import display, findings, sections, tables, thresholds
from boras_intl_lib.report.data import build
from boras_intl_lib.report.workbook import write_report_workbook
from boras_intl_lib.settings import load_settings
from tests.register_helpers import activity, partner, write_workbook

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(ROOT / "parameters" / "2025.yaml")


def _register(tmp_path: Path, activities: list, partners: list, exceptions: list | None = None):
    path = tmp_path / "register.xlsx"
    sheets = {"activities": activities, "partners": partners}
    if exceptions is not None:
        sheets["exceptions"] = exceptions
    write_workbook(path, sheets)
    return load_register(path, SETTINGS)


@pytest.fixture(scope="module")
def example():
    return load_register(example_register_path(), SETTINGS)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML the section functions display, in order (no kernel needed)."""
    out: list[str] = []
    monkeypatch.setattr(display, "_publish", lambda html, plain, metadata=None: out.append(html))
    return out


def _figure(data, key: str) -> float:
    return {k: v for k, v, _ in tables.key_figure_values(data)}[key]


# --- 1. the verdict first ------------------------------------------------------------------------


def test_the_verdict_comes_before_the_table_of_contents(example, shown: list[str]) -> None:
    sections.show_front(build(example, SETTINGS, 2025))
    page = "".join(shown)
    assert page.index("<h1") < page.index('class="banner"') < page.index('class="verdict"')
    assert page.index('class="verdict"') < page.index('<nav class="toc"')


def test_findings_are_ranked_by_severity_and_name_the_activity(example) -> None:
    found = findings.findings(build(example, SETTINGS, 2025))
    order = [findings.SEVERITIES.index(f.severity) for f in found]
    assert order == sorted(order)
    first = found[0]
    assert first.severity == "action"
    assert first.text == label("finding.needs_exception", n=1)
    # named, with its administration and country (scripts/make_example_register.py)
    assert first.items[0].startswith("2025-SLK-007 ")
    assert "(Stadsledningskansliet; China Textile City Group (Kina), " in first.items[0]
    assert first.items[0].endswith("har redan genomförts")  # completed: it has taken place


def test_severity_is_written_in_words_not_only_colour(example, shown: list[str]) -> None:
    sections.show_front(build(example, SETTINGS, 2025))
    verdict = next(h for h in shown if 'class="verdict"' in h)
    for severity in ("action", "note", "info"):
        assert (
            f"""<span class="severity">{label(f"severity_level.{severity}")}:</span>""" in verdict
        )


def test_expiring_and_open_ended_exceptions_are_to_note(tmp_path: Path) -> None:
    register = _register(
        tmp_path,
        [activity("A1", year="2025", status="pågående"), activity("A2", year="2025")],
        [partner("A1", country="Serbien"), partner("A2", country="Tanzania")],
        [
            {"decision_id": "KS 1", "decision_date": "2025-01-10", "country": "Serbien",
             "valid_from": "2025-01-01", "valid_to": "2026-06-30"},
            {"decision_id": "KS 2", "decision_date": "2025-01-10", "country": "Tanzania"},
        ],
    )  # fmt: skip
    found = {f.text: f for f in findings.findings(build(register, SETTINGS, 2025))}
    expiring = found[label("finding.expiring", n=1)]
    assert expiring.severity == "note"  # ends after the year: to note, naming what goes on
    assert expiring.items == (
        "KS 1, gäller till 2026-06-30; aktiviteter som fortsätter: A1 Textilt utbyte "
        "(Kulturförvaltningen; Mikkelin kaupunki (Serbien))",
    )
    assert found[label("finding.open_ended", n=1)].items == ("KS 2",)


def test_administrations_without_international_work_are_named(tmp_path: Path) -> None:
    register = _register(tmp_path, [activity("A1", year="2025")], [partner("A1")])
    found = {f.text: f for f in findings.findings(build(register, SETTINGS, 2025))}
    n = len(SETTINGS.administrations) - 1
    without = found[label("finding.without_work", n=n)]
    assert "Kulturförvaltningen" not in without.items and len(without.items) == n


# --- 2. one counting rule ----------------------------------------------------------------------


def _check_every_key_figure_equals_its_breakdown(data, tmp_path: Path) -> None:
    counted = active(data.scores)
    n = _figure(data, "fig.activities")
    assert n == len(counted)
    assert n == tables.precondition_table(data)[label("col.n_activities")].sum()
    assert n == tables.coverage_table(data)[label("col.n_activities")].sum()
    assert n == data.statuses.sum()
    assert (data.areas[[f"level_{lv}" for lv in range(4)]].sum(axis=1) == n).all()
    annex = tables.annex_table(data)
    not_counted = annex[label("col.verdict")] == label("annex.not_counted")
    assert len(annex) - not_counted.sum() == n
    assert _figure(data, "fig.cancelled") == not_counted.sum()
    countries = tables.countries_table(data)
    assert _figure(data, "fig.partners") == countries[label("col.n_partners")].sum()
    known = countries[label("col.country")] != label("country.unknown")
    assert _figure(data, "fig.countries") == known.sum()
    funding = tables.funding_by_source(data)
    by_source = funding[label("col.external_funding_sek")]
    assert funding.iloc[-1, 0] == label("word.total")  # the total row is the sum of the rows
    assert by_source.iloc[:-1].sum() == by_source.iloc[-1] == _figure(data, "fig.external_funding")
    assert funding[label("col.n_activities")].iloc[:-1].sum() == n  # every activity in a row
    path = tmp_path / "report.xlsx"
    write_report_workbook(data, path)
    sheet = load_workbook(path)[label("sheet.key_figures")]
    in_workbook = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    for key, value, _ in tables.key_figure_values(data):
        assert in_workbook[label(key)] == pytest.approx(value, nan_ok=True), key


def test_key_figures_equal_their_breakdowns_and_the_workbook(example, tmp_path: Path) -> None:
    _check_every_key_figure_equals_its_breakdown(build(example, SETTINGS, 2025), tmp_path)


def test_one_counting_rule_on_a_constructed_register(tmp_path: Path) -> None:
    """Cancelled activities' partners and spelling variants of one partner count once."""
    register = _register(
        tmp_path,
        [
            activity("A1", year="2025", budget_sek="100000", external_funding_sek="50000",
                     funding_source="Erasmus+"),
            activity("A2", year="2025", status="inställd", external_funding_sek="70000"),
            activity("A3", year="2025", administration="Miljöförvaltningen"),
        ],
        [
            partner("A1", partner_name="Kulturhuset  AB", country="Sverige"),
            partner("A3", partner_name="kulturhuset ab", country="Sverige"),
            partner("A2", partner_name="Only in a cancelled one", country="Danmark"),
            partner("A1", partner_name="Mikkelin kaupunki", country="Finland"),
        ],
    )  # fmt: skip
    data = build(register, SETTINGS, 2025)
    assert _figure(data, "fig.partners") == 2
    assert _figure(data, "fig.countries") == 2  # Denmark only through the cancelled one
    assert _figure(data, "fig.external_funding") == 50000
    _check_every_key_figure_equals_its_breakdown(data, tmp_path)


def test_data_quality_shows_the_years_rows_and_counts_the_others(tmp_path: Path) -> None:
    register = _register(
        tmp_path,
        [
            activity("A1", year="2025", administration="Okänd förvaltning"),
            activity("A2", year="2024", administration="Annan okänd förvaltning"),
        ],
        [partner("A1"), partner("A2")],
    )
    data = build(register, SETTINGS, 2025)
    assert data.issues["value"].tolist() == ["Okänd förvaltning"]
    assert data.n_issues_other_years == 1
    assert len(tables.issues_table(data)) == 1


# --- 4. never reassure from missing data -------------------------------------------------------


@pytest.fixture(scope="module")
def unassessable(example):
    """2022 screened without any indicator data: every foreign partner is unknown (only a
    domestic-only activity can be assessed)."""
    from boras_intl_lib.indicators.base import empty_indicators

    return build(example, SETTINGS, 2022, indicators=empty_indicators())


def test_the_assessment_does_not_claim_the_precondition_is_met(unassessable) -> None:
    sentences = findings.assessment(unassessable)
    assert label("finding.no_missing_exception") not in " ".join(sentences)
    n = int(unassessable.precondition.set_index("verdict").loc["unknown", "n_activities"])
    total = int(unassessable.precondition["n_activities"].sum())
    assert label("verdict.precondition_unknown", n=n, total=total) in sentences


def test_the_precondition_section_says_how_many_cannot_be_assessed(
    unassessable, shown: list[str]
) -> None:
    sections.show_precondition(unassessable)
    page = "".join(shown)
    assert display.escape(label("precondition.none_missing")) not in page
    n = int(unassessable.precondition.set_index("verdict").loc["unknown", "n_activities"])
    assert display.escape(label("precondition.none_missing_unknown", n=n)) in page


def test_the_findings_list_unknown_as_action_with_the_countries(unassessable) -> None:
    found = findings.findings(unassessable)
    assert found[0].severity == "action"
    without = tables.countries_without_data(unassessable)
    assert len(without) > findings.MAX_ITEMS  # so they are named in one line
    assert found[0].items[0] == label(
        "verdict.countries_without_data", n=len(without), countries=", ".join(without)
    )
    assert "Finland" in found[0].items[0]
    assert label("verdict.country_unrecognised", country="Katalonien") in found[0].items
    assert not any(label("finding.no_missing_exception") in f.text for f in found)


def test_the_missing_exception_sentence_adds_the_unknown(tmp_path: Path) -> None:
    register = _register(
        tmp_path,
        [activity("A1", year="2025"), activity("A2", year="2025")],
        [partner("A1", country="Kina"), partner("A2", country="Katalonien")],
    )
    sentences = findings.assessment(build(register, SETTINGS, 2025))
    expected = label("finding.needs_exception", n=1) + " " + label("verdict.unknown_also", n=1)
    assert expected in sentences


def test_no_comparison_sentence_when_all_areas_are_equal(tmp_path: Path) -> None:
    register = _register(tmp_path, [activity("A1", year="2025")], [partner("A1")])
    data = build(register, SETTINGS, 2025)
    assert data.areas["share_clear"].nunique() == 1  # every area 0 %
    assert not any(s.startswith("Störst andel") for s in findings.assessment(data))


# --- 3. status-aware measures ------------------------------------------------------------------


def test_outcome_areas_are_compared_on_completed_activities(tmp_path: Path) -> None:
    done = dict(status="avslutad", outcome_level="3", evaluated="ja")
    register = _register(
        tmp_path,
        [
            activity("P1", year="2024", **done),
            activity("C1", year="2025", **done),
            activity("N1", year="2025", status="planerad"),
            activity("N2", year="2025", status="planerad"),
        ],
        [partner(i) for i in ("P1", "C1", "N1", "N2")],
    )
    data = build(register, SETTINGS, 2025)
    od = data.year_over_year.set_index("area").loc["operational_development"]
    assert data.areas.set_index("area").loc["operational_development", "share_clear"] == 1 / 3
    assert (od["population"], od["share_this_year"], od["share_previous_year"]) == (
        "completed",
        1.0,
        1.0,
    )
    assert od["trend"] == "too_few"  # one completed activity a year: no verdict (issue 17)
    assert tables.comparison_words(data, "operational_development") == (
        "För få aktiviteter för att jämföra (2024: 1, 2025: 1)"
    )
    like = agg.year_over_year(data.all_scores, 2025, 2, 0.02, min_activities=1)
    # counting the planned ones would have said "down"
    assert like.set_index("area").loc["operational_development", "trend"] == "steady"
    assert data.statuses.to_dict() == {"planned": 2, "ongoing": 0, "completed": 1}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_comparison_with_the_previous_year_reads_as_one_clause(lang: str) -> None:
    """The trend first, the shares in brackets: the area sentence "Jämfört med föregående år:
    minskning (52 % mot 66 % bland avslutade aktiviteter)." has one colon, not two."""
    from boras_intl_lib.i18n.formatting import fmt_percent

    data = build(load_register(example_register_path(), SETTINGS), SETTINGS, 2025, lang)
    compared = 0
    for row in data.year_over_year.itertuples():
        text = tables.comparison_words(data, row.area)
        if row.trend not in ("up", "down", "steady"):
            continue
        compared += 1
        this = fmt_percent(row.share_this_year, lang)
        previous = fmt_percent(row.share_previous_year, lang)
        word = label(f"trend.{row.trend}", lang)
        among = {"sv": " bland avslutade aktiviteter", "en": " among completed activities"}
        tail = among[lang] if row.population == "completed" else ""
        against = {"sv": "mot", "en": "against"}[lang]
        assert text == f"{word} ({this} {against} {previous}{tail})"
        assert ":" not in text
    assert compared >= 3  # the example register compares most areas


# --- 5. basis and thresholds in words ----------------------------------------------------------


def test_the_basis_is_in_words(example) -> None:
    data = build(example, SETTINGS, 2025)
    basis = tables.missing_exceptions(data)[label("col.basis")].iloc[0]
    assert "Kina: sluten autokrati enligt Regimes of the World 2025" in basis
    assert "policyn kräver minst valdemokrati" in basis
    assert not re.search(r"v2x_|>=", basis)
    verdicts = tables.country_verdicts(data)
    assert not verdicts.apply(lambda c: c.astype(str).str.contains("v2x_")).any().any()


def test_domestic_partners_are_not_in_the_screening_table(example, shown: list[str]) -> None:
    data = build(example, SETTINGS, 2025)
    countries = tables.country_verdicts(data)[label("col.country")].tolist()
    assert "Sverige" not in countries and "Kina" in countries
    n, m = tables.domestic_partners(data)
    assert n > 0
    sections.show_precondition(data)
    assert display.escape(label("precondition.domestic", n=n, m=m)) in "".join(shown)


def test_the_sensitivity_line_recounts_from_the_values(example) -> None:
    data = build(example, SETTINGS, 2025)
    found = {s.condition: s for s in thresholds.sensitivity(data)}
    democracy = found["democracy"]
    assert (democracy.threshold, democracy.stricter, democracy.looser) == (2.0, 3.0, 1.0)
    # an index of 0–1 moves by 0.1 (`<=` rules, several rules, countries without data:
    # tests/test_sensitivity.py)
    human_rights = found["human_rights"]
    assert (human_rights.threshold, human_rights.stricter, human_rights.looser) == (0.7, 0.8, 0.6)
    counts = data.precondition.set_index("verdict")["n_activities"]
    assert democracy.n_now == counts["exception"] + counts["needs_exception"]
    # stricter: every foreign partner country below liberal democracy (or failing another)
    c = data.evaluation.countries.set_index("iso3")
    failing = c.index[(c["democracy_value"] < 3) | (c["status"] == "not_met")]
    foreign = tables.foreign_partners(data)
    ids = set(foreign.loc[foreign["country_iso3"].isin(failing), "activity_id"])
    assert democracy.n_stricter == len(ids) > democracy.n_now >= democracy.n_looser
    lead, lines = thresholds.threshold_sentences(data)
    assert lead == label("threshold.now", n=democracy.n_now)
    assert "minst liberal demokrati: " + f"{democracy.n_stricter} aktiviteter" in lines[0]


# --- 6. the annex -------------------------------------------------------------------------------


def test_the_annex_lists_every_activity_in_details(example, shown: list[str]) -> None:
    data = build(example, SETTINGS, 2025)
    sections.show_annex(data)
    page = "".join(shown)
    assert '<details class="annex"><summary>' in page and "<script" not in page
    annex = tables.annex_table(data)
    assert sorted(annex[label("col.activity_id")]) == sorted(data.scores["activity_id"])
    assert {label(f"status.{s}") for s in ("planned", "ongoing", "completed")} <= set(
        annex[label("col.activity_status")]
    )


# --- 9. the workbook ----------------------------------------------------------------------------


def test_the_workbook_can_be_checked(example, tmp_path: Path) -> None:
    data = build(example, SETTINGS, 2025, params_sha256="ab" * 32)
    path = tmp_path / "report.xlsx"
    write_report_workbook(data, path)
    book = load_workbook(path)
    assert book.sheetnames[0] == label("sheet.about")
    about = {r[0]: r[1] for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert about[label("about.register_hash")] == example.sha256
    assert about[label("about.params_hash")] == "ab" * 32
    assert about[label("about.fictitious")] == label("report.example_banner")
    assert about[label("about.rounding")] == label("rounding.rule")  # how totals add up
    areas = book[label("sheet.areas")]
    header = [c.value for c in areas[1]]
    share = areas.cell(row=2, column=header.index(label("col.share_clear")) + 1)
    assert isinstance(share.value, float) and share.number_format == "0%"
    funding = book[label("sheet.funding")]
    header = [c.value for c in funding[1]]
    amount = funding.cell(row=2, column=header.index(label("col.external_funding_sek")) + 1)
    assert isinstance(amount.value, int | float) and amount.number_format == '#,##0 "kr"'
    activities = book[label("sheet.annex")]
    assert activities.max_row - 1 == len(data.scores)


# --- 8. the document block ----------------------------------------------------------------------


def test_the_document_block_is_shown_above_the_title(example, shown: list[str]) -> None:
    settings = SETTINGS.model_validate(
        SETTINGS.model_dump()
        | {"document": {"diarienummer": "KS 2026-00042", "handläggare": "Eva Ek",
                        "datum": "2026-03-02"}}
    )  # fmt: skip
    sections.show_front(build(example, settings, 2025))
    page = "".join(shown)
    assert page.index('class="document-info"') < page.index("<h1")
    for text in ("KS 2026-00042", "Eva Ek", "2026-03-02", label("document.reference")):
        assert text in page


def test_an_unknown_key_in_the_document_block_is_an_error() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        SETTINGS.model_validate(SETTINGS.model_dump() | {"document": {"diarie": "x"}})


# --- 10. per administration ---------------------------------------------------------------------


def test_an_administrations_report_shows_the_citys_share_beside_its_own(example) -> None:
    data = build(example, SETTINGS, 2025, administration="Kulturförvaltningen")
    overview = tables.area_overview(data)
    city = build(example, SETTINGS, 2025).areas["share_clear"].to_numpy()
    assert overview[label("col.city_share")].to_numpy() == pytest.approx(city)
    figures = tables.key_figures(data)[label("col.measure")].tolist()
    assert label("fig.administrations") not in figures
    assert label("verdict.own_administration", name="Kulturförvaltningen") in (
        findings.assessment(data)
    )


def test_tables_hold_no_raw_floats_as_text(example) -> None:
    for name, table in tables.all_tables(build(example, SETTINGS, 2025)).items():
        for column in table.columns:
            if pd.api.types.is_numeric_dtype(table[column].dtype):
                continue
            text = table[column].astype(object).astype(str)
            assert not text.str.fullmatch(r"0\.\d{6,}").any(), (name, column)


# --- 8. report --pdf without Chromium -------------------------------------------------------------


def test_pdf_without_chromium_is_one_clear_line_and_writes_nothing(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "BORAS_INTL_CHROMIUM": str(tmp_path / "no-chromium")}
    done = subprocess.run(
        [sys.executable, "-m", "boras_intl_lib", "report", "--year", "2025", "--pdf",
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0].startswith("fel: kan inte skriva PDF:en: Chromium finns inte på ")
    assert "apt-get install chromium" in lines[0]
    assert not list((tmp_path / "out").rglob("*.html"))


def test_overlong_words_in_table_cells_get_break_opportunities_not_extra_text() -> None:
    word = "<script>" + "x" * 30
    cell = display.escape_breakable(word)
    assert "<wbr>" in cell and "<script>" not in cell
    assert cell.replace("<wbr>", "") == display.escape(word)
    assert (
        display.escape_breakable("Kulturförvaltningen och Kina") == "Kulturförvaltningen och Kina"
    )


# --- 11. policy elements ------------------------------------------------------------------------


def test_participants_and_own_co_financing_per_administration(tmp_path: Path) -> None:
    register = _register(
        tmp_path,
        [
            activity("A1", year="2025", participants="12", budget_sek="100000",
                     external_funding_sek="60000"),
            activity("A2", year="2025", participants="3", external_funding_sek="5000"),
            activity("A3", year="2025", status="inställd", participants="40",
                     budget_sek="90000"),
        ],
        [partner(i) for i in ("A1", "A2", "A3")],
    )  # fmt: skip
    data = build(register, SETTINGS, 2025)
    table = data.resources.set_index(data.resources["administration"].fillna("total"))
    row = table.loc["Kulturförvaltningen"]
    assert (row["n_activities"], row["participants"]) == (2, 15)  # the cancelled one left out
    assert row["own_funding_sek"] == 40000  # budget minus external, where there is a budget
    assert table.loc["total", "participants"] == 15


def test_twin_cities_over_the_years(example) -> None:
    data = build(example, SETTINGS, 2025)
    table = tables.twin_cities_table(data)
    assert list(table.columns) == ["Mikkeli", "Molde", "Vejle"]
    assert table.index.tolist() == [2021, 2022, 2023, 2024, 2025]
    counted = active(data.scores)
    # every twin city an activity involves counts (issue 17: only the first did)
    pairs = counted["all_twin_cities"].dropna().str.split("; ").str.len().sum()
    assert table.loc[2025].sum() == pairs > counted["twin_city"].notna().sum()


def test_the_parameters_are_in_words(example) -> None:
    table = tables.parameters_table(build(example, SETTINGS, 2025))
    values = dict(zip(table[label("col.parameter")], table[label("col.value")], strict=True))
    democracy = values[label("param.condition", condition=label("condition.democracy"))]
    assert democracy == "Regimes of the World: minst valdemokrati"
    assert values[label("param.scoring.clear_level")] == "2 (Tydligt)"
    keys = table[label("col.parameter_key")].tolist()
    assert "screening.conditions.democracy: vdem:regime_row_owid >= 2" in keys


def test_an_administrations_report_has_its_own_introduction(example, shown: list[str]) -> None:
    sections.show_front(build(example, SETTINGS, 2025, administration="Kulturförvaltningen"))
    page = "".join(shown)
    assert "inom <bdi>Kulturförvaltningen</bdi> bidrar" in page
    assert display.escape(label("report.intro", year=2025)) not in page
