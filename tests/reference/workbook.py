"""Reading a report's workbook with openpyxl and holding it, cell by cell, to the reference.

Sheets are found by their names in the labels table; rows by their first cell (an
administration, a country, a funding source, a year). Every row of each compared sheet must
be accounted for by the reference and every reference row must be in the sheet.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from boras_intl_lib.countries import country_names
from boras_intl_lib.i18n.formatting import programme_name
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.vocabulary import AREAS, VERDICTS

from .compute import NONE_SOURCE, OWN_SOURCE, Reference


def read_workbook(path: str | Path) -> dict[str, list[list[Any]]]:
    """Every sheet as a list of rows (header first), values as Excel holds them."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return {
            sheet.title: [list(r) for r in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def _sheet(book: dict[str, list[list[Any]]], key: str, lang: str) -> list[list[Any]]:
    name = label(key, lang)[:31]
    assert name in book, f"sheet {name!r} missing; sheets: {sorted(book)}"
    return book[name]


def _same(a: Any, b: Any, where: str) -> None:
    if isinstance(b, float) and math.isnan(b):
        assert a is None or (isinstance(a, float) and math.isnan(a)) or a == "–", (where, a, b)
        return
    assert a is not None, (where, a, b)
    if isinstance(b, float) and not float(b).is_integer():
        assert math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-12), (where, a, b)
    else:
        assert float(a) == float(b), (where, a, b)


def _by_first(rows: list[list[Any]]) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = {}
    for row in rows[1:]:
        assert row[0] not in out, f"row {row[0]!r} twice"
        out[row[0]] = row
    return out


def assert_workbook_matches(
    book: dict[str, list[list[Any]]],
    ref: Reference,
    lang: str,
    administration: str | None,
    twin_city_names: list[str],
) -> None:
    """The workbook's figures equal the reference's, cell by cell."""
    # key figures: the number column
    figures = _by_first(_sheet(book, "sheet.key_figures", lang))
    for key, value in ref.key_figures.items():
        if administration is not None and key == "fig.administrations":
            continue
        _same(figures[label(key, lang)][1], value, key)
    # coverage: n activities per administration
    coverage = _by_first(_sheet(book, "sheet.coverage", lang))
    assert set(coverage) == set(ref.coverage), (set(coverage), set(ref.coverage))
    for name, n in ref.coverage.items():
        _same(coverage[name][2], n, f"coverage {name}")
    # countries: partners and activities
    countries = _by_first(_sheet(book, "sheet.countries", lang))
    names = {
        iso: (
            label("country.unknown", lang)
            if iso is None
            else country_names(pd.Series([iso]), lang).iloc[0]
        )
        for iso in ref.countries
    }
    assert set(countries) == set(names.values()), (set(countries), set(names.values()))
    for iso, (n_partners, n_acts) in ref.countries.items():
        row = countries[names[iso]]
        _same(row[1], n_partners, f"partners in {iso}")
        _same(row[2], n_acts, f"activities in {iso}")
    # funding by source: every counted activity in exactly one row, the total row last
    funding = _sheet(book, "sheet.funding", lang)
    if not ref.key_figures["fig.activities"]:  # nothing to account for: header only
        assert len(funding) == 1 and not ref.funding, funding
        funding = [funding[0], [label("word.total", lang), 0, 0, ""]]
    body, total = funding[1:-1], funding[-1]
    assert total[0] == label("word.total", lang), total
    shown = {}
    for row in body:
        shown[row[0]] = row
    expected = {}
    for key, (n, kr) in ref.funding.items():
        if key == NONE_SOURCE:
            name = label("funding.no_source", lang)
        elif key == OWN_SOURCE:
            name = label("funding.own_source", lang)
        else:
            name = programme_name(ref.funding_names[key], lang)  # the labels' programme names
        assert name not in expected, f"two funding rows named {name}"
        expected[name] = (n, kr)
    assert set(shown) == set(expected), (set(shown), set(expected))
    for name, (n, kr) in expected.items():
        _same(shown[name][1], n, f"funding {name} activities")
        _same(shown[name][2], kr, f"funding {name} kr")
    _same(total[1], sum(n for n, _ in expected.values()), "funding total activities")
    _same(total[1], ref.key_figures["fig.activities"], "funding covers every activity")
    _same(total[2], ref.key_figures["fig.external_funding"], "funding total kr")
    # resources: rows and the total
    resources = _by_first(_sheet(book, "sheet.resources", lang))
    total_row = resources.pop(label("word.total", lang))
    assert set(resources) == set(ref.resources), (set(resources), set(ref.resources))
    for name, values in ref.resources.items():
        for i, v in enumerate(values):
            _same(resources[name][1 + i], v, f"resources {name} column {i}")
    for i, v in enumerate(ref.resources_total):
        _same(total_row[1 + i], v, f"resources total column {i}")
        column_sum = sum(float(r[1 + i] or 0) for r in resources.values())
        _same(total_row[1 + i], column_sum, f"resources total = sum of rows, column {i}")
    # twin cities per year
    twin = _sheet(book, "sheet.twin_cities", lang)
    header = twin[0]
    years = {int(r[0]): r for r in twin[1:]}
    assert set(years) == {y for y, _ in ref.twin_cities}, (set(years), ref.twin_cities)
    for (year, city), n in ref.twin_cities.items():
        if city in header:
            _same(years[year][header.index(city)], n, f"twin city {city} {year}")
        else:
            assert n == 0, f"twin city {city} has {n} activities in {year} but no column"
    # SDGs
    sdgs = _sheet(book, "sheet.sdgs", lang)
    by_goal = {int(str(r[0]).split(".", 1)[0]): r for r in sdgs[1:]}
    for goal, n in ref.sdgs.items():
        _same(by_goal[goal][1], n, f"SDG {goal}")
    # precondition per verdict
    precondition = _by_first(_sheet(book, "sheet.precondition", lang))
    for verdict in VERDICTS:
        _same(
            precondition[label(f"verdict.{verdict}", lang)][1], ref.precondition[verdict], verdict
        )
    # areas: levels 0–3 and the share with a clear contribution
    areas = _by_first(_sheet(book, "sheet.areas", lang))
    for area in AREAS:
        row = areas[label(f"area.{area}", lang)]
        for lv in range(4):
            _same(row[1 + lv], ref.levels[area][lv], f"{area} level {lv}")
        _same(row[5], ref.share_clear[area], f"{area} share clear")
    # administration × area
    matrix = _by_first(_sheet(book, "sheet.matrix", lang))
    for name, n in ref.matrix_n.items():
        _same(matrix[name][1], n, f"matrix n {name}")
        for i, area in enumerate(AREAS):
            _same(matrix[name][2 + i], ref.matrix[(name, area)], f"matrix {name} {area}")
    assert_over_time_matches(book, ref, lang)
    assert_annex_matches(book, ref, lang)


def assert_over_time_matches(book: dict[str, list[list[Any]]], ref: Reference, lang: str) -> None:
    """The three over-time sheets equal the reference, year by year: every year from the
    first in the register to the report's, and nothing else."""
    years = {y for y, _ in ref.area_trend}
    # areas over time: one row per year, one column per area (the areas' short names)
    sheet = _sheet(book, "sheet.area_trend", lang)
    header = sheet[0]
    assert header[0] == label("col.year", lang), header
    shorts = [label(f"col.area_short.{a}", lang).replace("\u00ad", "") for a in AREAS]
    assert header[1:] == shorts, header
    rows = {int(r[0]): r for r in sheet[1:]}
    assert set(rows) == years, (set(rows), years)
    for (year, area), value in ref.area_trend.items():
        _same(rows[year][1 + AREAS.index(area)], value, f"area trend {area} {year}")
    # coverage over time: administrations with activities, administrations, share
    sheet = _sheet(book, "sheet.coverage_trend", lang)
    rows = {int(r[0]): r for r in sheet[1:]}
    assert set(rows) == set(ref.coverage_trend), (set(rows), set(ref.coverage_trend))
    for year, values in ref.coverage_trend.items():
        for i, value in enumerate(values):
            _same(rows[year][1 + i], value, f"coverage trend {year} column {i}")
    # funding over time: external funding, EU funding, EU share of external funding
    sheet = _sheet(book, "sheet.funding_trend", lang)
    rows = {int(r[0]): r for r in sheet[1:]}
    assert set(rows) == set(ref.funding_trend), (set(rows), set(ref.funding_trend))
    for year, values in ref.funding_trend.items():
        for i, value in enumerate(values):
            _same(rows[year][1 + i], value, f"funding trend {year} column {i}")


def assert_annex_matches(book: dict[str, list[list[Any]]], ref: Reference, lang: str) -> None:
    """The annex holds every activity of the year exactly once, cancelled ones marked as not
    counted, with its register cells, countries, seven levels and precondition verdict."""
    sheet = _sheet(book, "sheet.annex", lang)
    if not ref.annex:
        assert len(sheet) <= 1, sheet
        return
    rows = _by_first(sheet)
    assert set(rows) == set(ref.annex), set(rows) ^ set(ref.annex)
    for aid, expected in ref.annex.items():
        row = rows[aid]
        assert (row[1] or "") == expected["title"], (aid, row[1], expected["title"])
        assert row[2] == expected["administration"], (aid, row[2])
        assert row[3] == label(f"status.{expected['status']}", lang), (aid, row[3])
        kind = expected["activity_type"]
        assert row[4] == (label(f"activity_type.{kind}", lang) if kind else None), (aid, row[4])
        names = set()
        for how, value in expected["countries"]:
            names.add(country_names(pd.Series([value]), lang).iloc[0] if how == "iso" else value)
        shown = set(str(row[5]).split(", ")) if row[5] else set()
        assert shown == names, (aid, shown, names)
        for i, area in enumerate(AREAS):
            _same(row[6 + i], expected["levels"][area], f"annex {aid} {area}")
        verdict = expected["verdict"]
        word = (
            label("annex.not_counted", lang)
            if verdict is None
            else label(f"verdict.{verdict}", lang)
        )
        assert row[13] == word, (aid, row[13], word)


def book_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, list[list[Any]]]:
    """The tables the workbook is written from, in the shape :func:`read_workbook` returns
    (for the many in-process comparisons; at least one test per register reads the .xlsx)."""
    out: dict[str, list[list[Any]]] = {}
    for name, frame in tables.items():
        rows = [[None if _is_na(v) else v for v in row] for row in frame.itertuples(index=False)]
        out[name[:31]] = [[str(c).replace("\u00ad", "") for c in frame.columns], *rows]
    return out


def _is_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
