"""The bundled example register: present, Swedish, reproducible, plausible, labelled fictitious."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections import Counter
from importlib.resources import files
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from boras_intl_lib.register.format import ACTIVITIES, EXCEPTIONS, PARTNERS, TABLES
from boras_intl_lib.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "make_example_register.py"
BUNDLED = ROOT / "boras_intl_lib" / "data" / "example_register.xlsx"
YEARS = range(2021, 2026)
SHEETS = ["om", ACTIVITIES.swedish, PARTNERS.swedish, EXCEPTIONS.swedish]
SWEDEN = {"Sverige", "Sweden", "SE", "SWE"}

Sheets = dict[str, list[tuple]]


def _values(path: Path) -> Sheets:
    """Every sheet's cell values, row by row."""
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    finally:
        wb.close()


def _records(sheets: Sheets, name: str) -> list[dict[str, object]]:
    """A register sheet as dicts keyed by canonical (English) column names."""
    table = next(t for t in TABLES.values() if t.swedish == name)
    header, *rows = sheets[name]
    by_swedish = {c.swedish: c.name for c in table.columns}
    keys = [by_swedish[h] for h in header]
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _generate(out: Path, hash_seed: str, csv_dir: Path | None = None) -> None:
    args = [sys.executable, str(SCRIPT), "--out", str(out)]
    if csv_dir is not None:
        args += ["--csv", str(csv_dir)]
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(args, check=True, env=env, cwd=ROOT, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def sheets() -> Sheets:
    return _values(BUNDLED)


@pytest.fixture(scope="module")
def activities(sheets: Sheets) -> list[dict[str, object]]:
    return _records(sheets, ACTIVITIES.swedish)


@pytest.fixture(scope="module")
def partners(sheets: Sheets) -> list[dict[str, object]]:
    return _records(sheets, PARTNERS.swedish)


@pytest.fixture(scope="module")
def exceptions(sheets: Sheets) -> list[dict[str, object]]:
    return _records(sheets, EXCEPTIONS.swedish)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Two runs of the generator (different hash seeds) and the CSV folder of the first."""
    folder = tmp_path_factory.mktemp("generated")
    first, second, csv_dir = folder / "a.xlsx", folder / "b.xlsx", folder / "csv"
    _generate(first, "1", csv_dir)
    _generate(second, "2")
    return first, second, csv_dir


# --- the workbook --------------------------------------------------------------------------
def test_bundled_workbook_is_package_data() -> None:
    assert BUNDLED.is_file()
    assert files("boras_intl_lib").joinpath("data", "example_register.xlsx").is_file()


def test_sheets_and_swedish_headers(sheets: Sheets) -> None:
    assert list(sheets) == SHEETS
    for table in (ACTIVITIES, PARTNERS, EXCEPTIONS):
        assert sheets[table.swedish][0] == tuple(c.swedish for c in table.columns)


def test_labelled_as_fictitious(sheets: Sheets) -> None:
    assert "Fiktiva exempeldata" in sheets["om"][0][0]
    assert "inte Borås Stads verkliga register" in sheets["om"][0][0]
    wb = openpyxl.load_workbook(BUNDLED, read_only=True)
    try:
        assert "Fiktiva exempeldata" in (wb.properties.title or "")
    finally:
        wb.close()


# --- the generator -------------------------------------------------------------------------
def test_generator_is_deterministic(generated: tuple[Path, Path, Path]) -> None:
    first, second, _ = generated
    assert _values(first) == _values(second)
    assert first.read_bytes() == second.read_bytes()  # fixed timestamps: same bytes


def test_bundled_workbook_is_up_to_date(generated: tuple[Path, Path, Path], sheets: Sheets) -> None:
    assert _values(generated[0]) == sheets, "run scripts/make_example_register.py"


def test_csv_export_is_excel_swedish(generated: tuple[Path, Path, Path], sheets: Sheets) -> None:
    csv_dir = generated[2]
    for table in (ACTIVITIES, PARTNERS, EXCEPTIONS):
        text = (csv_dir / f"{table.swedish}.csv").read_bytes().decode("cp1252")
        rows = list(csv.reader(text.splitlines(), delimiter=";"))
        assert tuple(rows[0]) == tuple(c.swedish for c in table.columns)
        assert len(rows) == len(sheets[table.swedish])
    text = (csv_dir / f"{ACTIVITIES.swedish}.csv").read_bytes().decode("cp1252")
    assert "\u00a0" in text  # thousands separators as Excel writes them
    assert any(",50;" in line for line in text.splitlines())  # decimal comma


# --- the content ---------------------------------------------------------------------------
def test_activities_per_year(activities: list[dict[str, object]]) -> None:
    per_year = Counter(a["year"] for a in {a["activity_id"]: a for a in activities}.values())
    assert set(per_year) == set(YEARS)
    for year in YEARS:
        assert 80 <= per_year[year] <= 150, (year, per_year[year])


def test_activity_ids_follow_year(activities: list[dict[str, object]]) -> None:
    for a in activities:
        assert str(a["activity_id"]).startswith(f"{a['year']}-")


def test_administrations_are_in_that_years_parameters(
    activities: list[dict[str, object]],
) -> None:
    inactive = 0
    for year in YEARS:
        settings = load_settings(ROOT / "parameters" / f"{year}.yaml")
        committees = {a.name: a.committee for a in settings.administrations}
        rows = [a for a in activities if a["year"] == year]
        for a in rows:
            if a["administration"] == "Kulturförvaltning":  # the deliberate typo (2023)
                assert year == 2023
                continue
            assert a["administration"] in committees, (year, a["administration"])
            assert a["committee"] in (None, committees[a["administration"]])
        inactive += len(set(committees) - {a["administration"] for a in rows})
    assert inactive >= 3  # some administrations have no international work in some years


def test_contact_persons_present(activities: list[dict[str, object]]) -> None:
    contacts = [str(a["contact_person"]) for a in activities if a["contact_person"]]
    assert len(contacts) >= 0.9 * len(activities)
    assert sum("@exempel.boras.se" in c for c in contacts) >= 0.8 * len(activities)


def test_titles_are_varied(activities: list[dict[str, object]]) -> None:
    for year in YEARS:
        rows = {a["activity_id"]: a for a in activities if a["year"] == year}.values()
        titles = [a["title"] for a in rows]
        assert len(set(titles)) == len(titles), year
    assert len({a["title"] for a in activities}) >= 0.6 * len(activities)
    assert len({a["description"] for a in activities}) >= 0.8 * len(activities)


def test_partners(activities: list[dict[str, object]], partners: list[dict[str, object]]) -> None:
    per_activity = Counter(p["activity_id"] for p in partners)
    ids = {a["activity_id"] for a in activities}
    counts = [per_activity[i] for i in ids if per_activity[i]]
    assert max(counts) <= 8
    assert len(counts) == len(ids)  # every activity has at least one partner
    assert sum(c >= 2 for c in counts) >= 0.3 * len(counts)
    assert sum(p["country"] in SWEDEN for p in partners) >= 50


def test_countries_resolve(
    partners: list[dict[str, object]], exceptions: list[dict[str, object]]
) -> None:
    from boras_intl_lib.countries import to_iso3

    names = sorted(
        {str(p["country"]) for p in partners}
        | {str(e["country"]) for e in exceptions if e["country"]}
    )
    iso3 = to_iso3(pd.Series(names))
    unresolved = [n for n, code in zip(names, iso3, strict=True) if pd.isna(code)]
    assert unresolved == ["Katalonien"]  # the one deliberate warning (a region, not a country)


def test_deliberate_data_problems_only(
    activities: list[dict[str, object]], partners: list[dict[str, object]]
) -> None:
    """No row a loader must reject; two flagged values, none in 2025 (the script's docstring)."""
    ids = Counter(a["activity_id"] for a in activities)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [p["activity_id"] for p in partners if p["activity_id"] not in ids] == []
    assert not any(
        isinstance(a["budget_sek"], int | float) and a["budget_sek"] < 0 for a in activities
    )
    regions = [p["activity_id"] for p in partners if p["country"] == "Katalonien"]
    typos = [a["activity_id"] for a in activities if a["administration"] == "Kulturförvaltning"]
    assert [str(i)[:4] for i in regions] == ["2022"]
    assert [str(i)[:4] for i in typos] == ["2023"]


def test_deliberate_policy_findings(
    activities: list[dict[str, object]],
    partners: list[dict[str, object]],
    exceptions: list[dict[str, object]],
) -> None:
    """China 2025 has no valid decision; the Serbian partnership lacks one in 2022 only."""
    year_of = {a["activity_id"]: a["year"] for a in activities}
    china = {p["activity_id"] for p in partners if p["country"] in ("Kina", "CN")}
    assert {year_of[i] for i in china} == {2025}
    for e in exceptions:
        if e["country"] == "Kina":
            assert e["valid_to"] is not None and e["valid_to"].year < 2025
    serbia = {p["activity_id"] for p in partners if p["country"] == "Serbien"}
    assert {year_of[i] for i in serbia} == set(YEARS)
    by_id = [e for e in exceptions if e["country"] == "Serbien"]
    assert len(by_id) == 1 and year_of[by_id[0]["activity_id"]] == 2021
    by_name = [e for e in exceptions if e["partner_name"] and not e["country"]]
    assert by_name and all(e["valid_from"].year == 2023 for e in by_name)


# --- read by the toolkit -------------------------------------------------------------------
def test_loads_with_2025_settings(generated: tuple[Path, Path, Path]) -> None:
    from boras_intl_lib.register import load_register

    settings = load_settings(ROOT / "parameters" / "2025.yaml")
    register = load_register(BUNDLED, settings)
    assert register.rejected.empty  # `boras-intl validate` exits 0 on the bundled register
    assert sorted(register.warnings["reason_key"]) == [
        "warning.unknown_administration",
        "warning.unknown_country",
    ]
    assert register.partners["country_iso3"].isna().sum() == 1  # "Katalonien"
    named = register.exceptions["partner_name"].isna()
    assert register.exceptions.loc[named, "country_iso3"].notna().all()
    assert (register.activities["year"] == 2025).sum() == sum(
        1 for row in _values(BUNDLED)[ACTIVITIES.swedish][1:] if row[1] == 2025
    )
    # the same register as Windows-1252 CSV reads identically
    from_csv = load_register(generated[2], settings)
    for name in ("activities", "partners", "exceptions"):
        pd.testing.assert_frame_equal(
            getattr(register, name).reset_index(drop=True),
            getattr(from_csv, name).reset_index(drop=True),
        )
