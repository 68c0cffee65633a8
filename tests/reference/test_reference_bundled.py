"""The bundled register's reports, every year 2021–2025, city-wide and per administration:
the workbook (written as the report writes it, read back with openpyxl) equals the plain
reference computation cell by cell."""

from __future__ import annotations

from functools import cache

import pytest

from boras_intl_lib.evaluation import evaluate
from boras_intl_lib.register.load import load_example_register
from boras_intl_lib.report import data as report_data
from boras_intl_lib.report.workbook import write_report_workbook
from boras_intl_lib.settings import default_parameters_path, load_settings
from reference.compute import compute
from reference.workbook import assert_workbook_matches, read_workbook

YEARS = (2021, 2022, 2023, 2024, 2025)


@cache
def _inputs(year: int):  # type: ignore[no-untyped-def]
    settings = load_settings(default_parameters_path(year))
    register = load_example_register(settings)
    return register, settings, evaluate(register, settings, None, year)


def check_report(tmp_path, year: int, administration: str | None, lang: str = "sv") -> None:  # type: ignore[no-untyped-def]
    register, settings, evaluation = _inputs(year)
    data = report_data.build(register, settings, year, lang, administration, evaluation=evaluation)
    path = tmp_path / f"report-{year}-{administration or 'city'}.xlsx"
    write_report_workbook(data, path)
    ref = compute(register, settings, evaluation.partners, year, administration)
    assert_workbook_matches(
        read_workbook(path), ref, lang, administration, [t.city for t in settings.twin_cities]
    )


@pytest.mark.parametrize("year", YEARS)
def test_city_report_equals_reference(tmp_path, year: int) -> None:
    check_report(tmp_path, year, None)


def test_city_report_equals_reference_in_english(tmp_path) -> None:
    check_report(tmp_path, 2025, None, "en")


def test_administration_reports_equal_reference(tmp_path) -> None:
    """Fast tier: an administration with activities and one with none in 2022 (the bundled
    register's Servicekontoret and Lokalförsörjningsförvaltningen have few)."""
    register, _, _ = _inputs(2022)
    acts = register.activities
    counts = acts[acts["year"] == 2022]["administration"].value_counts()
    check_report(tmp_path, 2022, str(counts.index[0]))
    check_report(tmp_path, 2022, str(counts.index[-1]))


@pytest.mark.slow
@pytest.mark.parametrize("year", YEARS)
def test_every_administration_report_equals_reference(tmp_path, year: int) -> None:
    _, settings, _ = _inputs(year)
    for name in settings.administration_names:
        check_report(tmp_path, year, name)
