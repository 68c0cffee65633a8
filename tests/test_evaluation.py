"""evaluate(): the step `score` and the report share, so they cannot disagree."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from boras_intl_lib.evaluation import evaluate
from boras_intl_lib.register import load_example_register
from boras_intl_lib.report.data import build
from boras_intl_lib.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(ROOT / "parameters" / "2025.yaml")


@pytest.fixture(scope="module")
def register():
    return load_example_register(SETTINGS)


@pytest.mark.parametrize("year", [2024, 2025])
def test_score_agrees_with_the_report_of_each_year(register, year: int) -> None:
    whole = evaluate(register, SETTINGS)  # what `boras-intl score` writes
    report = build(register, SETTINGS, year)
    mine = whole.scores[whole.scores["year"] == year].set_index("activity_id")["precondition"]
    theirs = report.scores.set_index("activity_id")["precondition"]
    assert mine.sort_index().tolist() == theirs.sort_index().tolist()


def test_without_a_report_year_no_data_from_after_the_activity_is_used(register) -> None:
    whole = evaluate(register, SETTINGS)
    earlier = whole.partners[whole.partners["activity_id"].str.startswith("2024-")]
    assert not earlier["basis"].str.contains("2025,", regex=False).any()
    later = whole.partners[whole.partners["activity_id"].str.startswith("2025-")]
    assert later["basis"].str.contains("2025,", regex=False).any()


def test_every_partner_is_screened_once_in_register_order(register) -> None:
    """One row per partner, in the register's order, each with its *own* country's checks
    from its own activity's data year (not merely the same index labels)."""
    whole = evaluate(register, SETTINGS)
    assert whole.partners.index.equals(register.partners.index)
    for column in ("activity_id", "partner_name", "country_iso3"):
        mine = whole.partners[column].astype("string").fillna("<NA>").tolist()
        assert mine == register.partners[column].astype("string").fillna("<NA>").tolist()
    years = register.activities["year"].to_numpy()[whole.activity_rows]
    rows = whole.partners.assign(data_year=years.astype("int64"))
    rows = rows[rows["country_iso3"].notna()]
    checked = 0
    for year, group in rows.groupby("data_year"):
        countries = whole.screened[int(year)].set_index("iso3")
        for condition in ("democracy", "human_rights", "rule_of_law"):
            expected = countries[condition].reindex(group["country_iso3"].astype(str))
            assert group[condition].astype(str).tolist() == expected.astype(str).tolist()
        checked += len(group)
    assert checked == len(rows) > 0


def _count_screenings(monkeypatch) -> list[int]:
    """Every report year any country is screened against, once per screening pass."""
    from boras_intl_lib.screening import partners as partners_mod
    from boras_intl_lib.screening import rules

    years: list[int] = []
    real = rules.screen_countries_by_year

    def by_year(iso3s, indicators, screening, wanted):
        years.extend(wanted)
        return real(iso3s, indicators, screening, wanted)

    def one_year(iso3s, indicators, screening, year):
        return by_year(iso3s, indicators, screening, [year])[year]

    monkeypatch.setattr(rules, "screen_countries_by_year", by_year)
    monkeypatch.setattr(rules, "screen_countries", one_year)
    monkeypatch.setattr(partners_mod, "screen_countries", one_year)
    return years


@pytest.mark.parametrize("year", [None, 2025])
def test_countries_are_screened_once_per_data_year(register, year, monkeypatch) -> None:
    """The partners' screening and the country table share one screening of the countries:
    once for a report year, once per activity year for ``score``."""
    screened = _count_screenings(monkeypatch)
    result = evaluate(register, SETTINGS, year=year)
    years = sorted(register.activities["year"].dropna().astype(int).unique())
    assert sorted(screened) == ([year] if year is not None else years)
    assert len(result.countries) == register.partners["country_iso3"].nunique()


def test_score_screens_each_country_once_for_partners_and_countries_csv(
    register, tmp_path: Path, monkeypatch
) -> None:
    """``boras-intl score`` writes countries.csv from the screening the partners got."""
    from boras_intl_lib import commands
    from boras_intl_lib.register import load as load_mod

    screened = _count_screenings(monkeypatch)
    monkeypatch.setattr(load_mod, "load_register", lambda *a, **k: register)
    commands.score(Path("unused"), ROOT / "parameters" / "2025.yaml", tmp_path)
    years = sorted(register.activities["year"].dropna().astype(int).unique())
    assert sorted(screened) == years
    table = (tmp_path / "countries.csv").read_text(encoding="utf-8-sig")
    assert all(f",{y}," in table for y in years)


def test_score_joins_the_partners_to_their_activities_once(
    register, tmp_path: Path, monkeypatch
) -> None:
    """Screening, scoring, the preconditions and countries.csv share one join of 250,000
    partner ids (in a large register) to the activities."""
    from boras_intl_lib import commands
    from boras_intl_lib import evaluation as evaluation_mod
    from boras_intl_lib.register import load as load_mod
    from boras_intl_lib.register import model
    from boras_intl_lib.scoring import facts
    from boras_intl_lib.screening import partners as partners_mod

    joins: list[int] = []
    real = model.activity_rows

    def counting(activity_ids, activities):
        joins.append(len(activity_ids))
        return real(activity_ids, activities)

    for module in (model, evaluation_mod, facts, partners_mod):
        monkeypatch.setattr(module, "activity_rows", counting)
    monkeypatch.setattr(load_mod, "load_register", lambda *a, **k: register)
    commands.score(Path("unused"), ROOT / "parameters" / "2025.yaml", tmp_path)
    assert joins == [len(register.partners)]


def test_activity_rows_first_occurrence_and_none() -> None:
    from boras_intl_lib.register.model import activity_rows

    activities = pd.DataFrame({"activity_id": ["A", "B", "A", "C"]})
    ids = pd.Series(["C", "A", "X", "B", None], dtype=object)
    assert activity_rows(ids, activities).tolist() == [3, 0, -1, 1, -1]
    unique = pd.DataFrame({"activity_id": ["A", "B"]})
    assert activity_rows(ids, unique).tolist() == [-1, 0, -1, 1, -1]


def test_screening_many_years_in_one_pass_equals_one_year_at_a_time(register) -> None:
    from boras_intl_lib.indicators.loaders import load_indicators
    from boras_intl_lib.screening.rules import screen_countries, screen_countries_by_year

    indicators = load_indicators(SETTINGS)
    iso3s = [*register.partners["country_iso3"].dropna().unique(), "ALA", "XKX", "ZZZ"]
    together = screen_countries_by_year(iso3s, indicators, SETTINGS.screening, [2019, 2022, 2025])
    for year, table in together.items():
        alone = screen_countries(iso3s, indicators, SETTINGS.screening, year)
        pd.testing.assert_frame_equal(table, alone)
        assert table["iso3"].is_unique and len(table) == len(set(iso3s))
