"""What a report shows, computed without a kernel: report_data.build and report_tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from boras_intl_lib.i18n.formatting import fmt_percent
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register import example_register_path, load_register
from boras_intl_lib.report import tables
from boras_intl_lib.report.data import build
from boras_intl_lib.report.findings import verdict
from boras_intl_lib.settings import Settings, load_settings
from tests.register_helpers import activity, partner, write_workbook


def main_findings(data) -> list[str]:
    """The findings' sentences as the report's verdict block shows them."""
    return [finding.text for finding in verdict(data)[1]]


ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(ROOT / "parameters" / "2025.yaml")


def _register(tmp_path: Path, activities: list, partners: list):
    path = tmp_path / "register.xlsx"
    write_workbook(path, {"activities": activities, "partners": partners})
    return load_register(path, SETTINGS)


def test_cancelled_activity_is_not_listed_as_missing_an_exception(tmp_path: Path) -> None:
    register = _register(
        tmp_path,
        [activity("A1", year="2025"), activity("A2", year="2025", status="inställd")],
        [partner("A1", country="Kina"), partner("A2", country="Kina")],
    )
    data = build(register, SETTINGS, 2025)
    missing = tables.missing_exceptions(data)
    assert missing[label("col.activity_id")].tolist() == ["A1"]
    assert label("finding.needs_exception", n=1) in main_findings(data)


def test_over_time_reaches_the_report_year_without_activities(tmp_path: Path) -> None:
    register = _register(tmp_path, [activity("A1", year="2024")], [partner("A1")])
    data = build(register, SETTINGS, 2025)
    assert tables.area_trend_table(data).index.tolist() == [2024, 2025]
    coverage = data.coverage_trend.set_index("year")["n_with_activities"]
    assert coverage.to_dict() == {2024: 1, 2025: 0}


def test_the_bundled_register_is_example_data_however_it_is_named() -> None:
    assert load_register(example_register_path(), SETTINGS).is_example


def test_a_copy_of_the_register_elsewhere_is_not_example_data(tmp_path: Path) -> None:
    copy = tmp_path / "register.xlsx"
    copy.write_bytes(example_register_path().read_bytes())
    assert not load_register(copy, SETTINGS).is_example


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_table_has_named_columns(lang: str) -> None:
    register = load_register(example_register_path(), SETTINGS)
    data = build(register, SETTINGS, 2025, lang)
    for name, table in tables.all_tables(data).items():
        assert all(str(c).strip() for c in table.columns), name
        assert not any("{" in str(c) for c in table.columns), name


def test_report_names_countries_without_data_and_unrecognised_ones() -> None:
    register = load_register(example_register_path(), SETTINGS)
    in_2025 = build(register, SETTINGS, 2025)
    assert tables.countries_without_data(in_2025) == []  # the bundled data covers 2025
    in_2022 = build(register, SETTINGS, 2022)
    assert tables.countries_without_data(in_2022) == []  # … and every year since 2000
    # without the bundled data no condition can be decided; Sweden is domestic
    without = build(register, _without_bundled_data(), 2022)
    assert "Finland" in tables.countries_without_data(without)
    assert "Sverige" not in tables.countries_without_data(without)
    assert tables.unrecognised_countries(in_2022) == ["Katalonien"]


def _without_bundled_data() -> Settings:
    """No bundled data; one file that has the rules' indicators for Sweden only (a rule no
    file provides at all is a settings error, issue 19 item 6)."""
    data = SETTINGS.model_dump()
    data["screening"]["use_bundled_data"] = False
    only_sweden = Path(__file__).parent / "fixtures" / "indicators" / "sweden_only.csv"
    data["screening"]["indicator_files"] = [{"path": only_sweden, "format": "long"}]
    return Settings.model_validate(data)


def test_findings_never_claim_all_is_well_when_activities_cannot_be_assessed() -> None:
    register = load_register(example_register_path(), SETTINGS)
    findings = main_findings(build(register, _without_bundled_data(), 2022))  # no data at all
    assert label("finding.no_missing_exception") not in findings
    unknown = re.escape(label("finding.unknown", n=987)).replace("987", r"\d+")  # any count
    assert any(re.fullmatch(unknown, f) for f in findings)


def test_the_parameters_weights_drive_the_overall_index() -> None:
    register = load_register(example_register_path(), SETTINGS)
    figure = label("fig.overall_index")

    def overall(settings) -> str:
        figures = tables.key_figures(build(register, settings, 2025))
        return figures.set_index(label("col.measure")).loc[figure, label("col.value")]

    only_exchange = {a: 0.0 for a in SETTINGS.weights} | {"knowledge_exchange": 1.0}
    weighted = SETTINGS.model_copy(update={"weights": only_exchange})
    share = build(register, SETTINGS, 2025).areas.set_index("area")["share_clear"]
    assert overall(weighted) == fmt_percent(share["knowledge_exchange"], "sv")
    assert overall(SETTINGS) == fmt_percent(share.mean(), "sv")
