"""Every chart's values equal the table shown beside it (issue 17: "Aktiviteter per
partnerland" drew partner counts under a title and beside a table of activities).

The section functions run as in the report (their HTML captured, no kernel); each chart
function is wrapped to record the data it drew, which is then compared with the table."""

from __future__ import annotations

import math
from functools import cache

import pandas as pd
import pytest

from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register.load import load_example_register
from boras_intl_lib.report import charts, display, sections, tables
from boras_intl_lib.report.data import build
from boras_intl_lib.settings import default_parameters_path, load_settings
from boras_intl_lib.vocabulary import AREAS


@cache
def _data(year: int, administration: str | None = None):  # type: ignore[no-untyped-def]
    settings = load_settings(default_parameters_path(year))
    return build(load_example_register(settings), settings, year, "sv", administration)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> dict[str, pd.DataFrame]:
    """Chart title → the data the chart drew."""
    out: dict[str, pd.DataFrame] = {}
    monkeypatch.setattr(display, "_publish", lambda html, plain, metadata=None: None)
    for name in ("bars", "level_distribution", "heatmap", "lines"):
        original = getattr(charts, name)

        def record(*args, _original=original, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            chart = _original(*args, **kwargs)
            title = args[3] if _name == "heatmap" else args[2]
            out[title] = chart.data
            return chart

        monkeypatch.setattr(charts, name, record)
    return out


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)


@pytest.mark.parametrize("year", [2021, 2025])
def test_every_chart_equals_its_table(drawn: dict[str, pd.DataFrame], year: int) -> None:
    data = _data(year)
    for show in (
        sections.show_areas,
        sections.show_administrations,
        sections.show_funding,
        sections.show_partners,
        sections.show_sdgs,
        sections.show_over_time,
    ):
        show(data)
    lang = data.lang
    # partner countries: activities per country, from the table's activities column
    countries = tables.countries_table(data)
    by_country = countries.set_index(label("col.country", lang))[label("col.n_activities", lang)]
    # the 15 with most activities and every country tied with the 15th: no tie is split
    counts = sorted(by_country.tolist(), reverse=True)
    shown = [n for n in counts if len(counts) <= 15 or n >= counts[14]]
    title = label("partners.chart_title", lang)
    if len(shown) < len(countries):  # only the largest are drawn; the title says how many
        title = label(
            "partners.chart_title_top", lang, title=title, n=len(shown), total=len(countries)
        )
    bars = drawn[title].iloc[:, 0]
    assert len(bars) == len(shown)
    for name, value in bars.items():
        assert value == by_country[name], name
    left_out = [n for name, n in by_country.items() if name not in bars.index]
    assert all(n < min(bars) for n in left_out), "a country left out has as many activities"
    # funding: each bar is a row of the table with its amount
    funding = tables.funding_by_source(data)
    amounts = funding.set_index(label("col.funding_source", lang))[
        label("col.external_funding_sek", lang)
    ]
    bars = drawn[label("funding.chart_title", lang)].iloc[:, 0]
    assert set(bars.index) == set(amounts.iloc[:-1][amounts.iloc[:-1] > 0].index)
    for name, value in bars.items():
        assert value == amounts[name], name
    # SDGs: the goals named by some activity, as in the table
    sdgs = tables.sdg_table(data)
    counts = sdgs.set_index(sdgs.columns[0])[sdgs.columns[1]]
    bars = drawn[label("sdgs.chart_title", lang)].iloc[:, 0]
    assert bars.to_dict() == counts[counts > 0].to_dict()
    # levels per area: the areas table's level columns
    overview = tables.area_overview(data).set_index(label("col.area", lang))
    levels = drawn[label("areas.chart_title", lang, year=data.year)]
    for area in AREAS:
        name = label(f"area.{area}", lang)
        assert levels.loc[name].tolist() == overview.loc[name].iloc[:4].tolist(), area
    # the heatmap: the administration × area table
    heat = drawn[label("administrations.heatmap", lang)]
    matrix = tables.matrix_with_n(data).set_index(label("col.administration", lang))
    for admin, row in heat.iterrows():
        for col, value in row.items():
            assert _same(float(value), float(matrix.loc[admin, col])), (admin, col)
    # areas over time: the lines are the table's columns
    trend = tables.area_trend_table(data)
    if len(trend) >= 2:
        lines = drawn[label("over_time.areas", lang)]
        assert lines.to_numpy().ravel().tolist() == pytest.approx(
            trend.to_numpy().ravel().tolist(), nan_ok=True
        )
