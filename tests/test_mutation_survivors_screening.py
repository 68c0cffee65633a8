"""Tests written for screening mutants that the `make mutate` run of 2026-12-07 evening found
surviving (docs/testing.md): each checks, a second way, a behaviour no test pinned down before."""

from __future__ import annotations

import pandas as pd
import pytest

from boras_intl_lib.i18n.labels import set_log_language
from boras_intl_lib.indicators.loaders import load_bundled
from boras_intl_lib.screening.partners import activity_precondition, screen_partners
from boras_intl_lib.screening.rules import latest_values, rules_table, screen_countries
from boras_intl_lib.vocabulary import VERDICTS
from tests.test_screening import (
    country,
    decision,
    frames,
    make_indicators,
    make_settings,
    one_rule,
    two_rules,
    two_values,
)
from tests.test_screening import screen as screening_screen

YEARS = {"A1": 2025, "A2": 2025}

#: Worst first, as the methodology ranks a partner's verdict for its activity.
_WORST_FIRST = ("needs_exception", "unknown", "exception", "met")


def _worst(verdicts: list[str]) -> str:
    """The worst of ``verdicts`` by a plain scan; no partners → ``unknown``."""
    for verdict in _WORST_FIRST:
        if verdict in verdicts:
            return verdict
    return "unknown"


def test_the_precondition_is_the_worst_partner_verdict_also_from_plain_texts() -> None:
    """Verdicts given as plain texts (as read back from partners.csv), not the engine's
    categorical: each activity still gets its worst partner's verdict, an activity without
    partners ``unknown``, and the result is an ordered categorical of :data:`VERDICTS`."""
    plain = ["met", "exception", "unknown", "met", "met"]
    plain += ["exception", "needs_exception", "unknown", "exception"]
    screened = pd.DataFrame(
        {"activity_id": ["A1", "A1", "A2", "A2", "A3", "A4", "A4", "A4", "A5"], "verdict": plain}
    ).astype(object)
    activities = pd.DataFrame({"activity_id": ["A5", "A4", "A3", "A2", "A1", "A6"]})
    result = activity_precondition(screened, activities)

    expected = []
    for activity in activities["activity_id"]:
        own = [
            v for a, v in zip(screened["activity_id"], screened["verdict"], strict=True)
            if a == activity
        ]  # fmt: skip
        expected.append(_worst(own))
    assert expected == ["exception", "needs_exception", "met", "unknown", "exception", "unknown"]
    assert result.astype(object).tolist() == expected
    assert result.cat.ordered
    assert tuple(result.cat.categories) == VERDICTS
    assert result.index.tolist() == activities.index.tolist()


def test_a_repeated_activity_id_shares_its_first_rows_precondition() -> None:
    """An activities table that repeats an id (an unvalidated one: validation rejects the
    repeat): every row of that id gets the precondition of the id's partners; the result is
    ordered (needs_exception worst)."""
    screened = pd.DataFrame(
        {
            "activity_id": ["A1", "A2", "A1"],
            "verdict": pd.Categorical(
                ["met", "met", "needs_exception"], categories=VERDICTS, ordered=True
            ),
        }
    )
    activities = pd.DataFrame({"activity_id": ["A1", "A2", "A1", "A3"]}, index=[10, 11, 12, 13])
    result = activity_precondition(screened, activities)
    assert result.astype(object).tolist() == [
        "needs_exception",
        "met",
        "needs_exception",
        "unknown",
    ]
    assert result.index.tolist() == [10, 11, 12, 13]
    assert result.cat.ordered and result.max() == "needs_exception"


def test_screen_partners_takes_the_data_of_the_year_it_is_asked_for() -> None:
    """``year`` given: the latest data not after it counts, not the settings' report year.
    Serbia passes on its 2024 value and fails on its 2022 value."""
    data = make_indicators(("SRB", 2022, "x", 0.2), ("SRB", 2024, "x", 0.9))
    part, exc, acts = frames([("A1", "Novi Sad", "SRB")], {"A1": 2025})
    settings = make_settings(2025, **one_rule())
    assert screen_partners(part, exc, acts, settings, data)["verdict"].tolist() == ["met"]
    then = screen_partners(part, exc, acts, settings, data, year=2023)
    assert then["verdict"].tolist() == ["needs_exception"]
    assert then["democracy"].tolist() == ["fail"]


def test_a_territory_is_explained_in_both_languages_whose_data_decided() -> None:
    """Macao (no data of its own) is screened on China's value, Hong Kong on its own, Finland
    plainly; Greenland, with neither its own nor Denmark's data, cannot be assessed. Each
    basis says so in its own language, with the country names in that language."""
    data = make_indicators(
        ("CHN", 2025, "x", 0.2), ("HKG", 2025, "x", 0.9), ("FIN", 2025, "x", 0.8)
    )
    screening = make_settings(**one_rule()).screening
    rows = screen_countries(["MAC", "HKG", "FIN", "GRL"], data, screening, 2025).set_index("iso3")
    expected = {
        "MAC": ("fail", "CHN", 0.2),
        "HKG": ("pass", "HKG", 0.9),
        "FIN": ("pass", "FIN", 0.8),
    }
    for iso3, (check, whose, value) in expected.items():
        for condition in ("democracy", "human_rights", "rule_of_law"):
            got = rows.loc[iso3, [condition, f"{condition}_data_country"]].tolist()
            assert got == [check, whose]
            assert rows.loc[iso3, f"{condition}_value"] == value
    assert rows.loc["GRL", "democracy"] == "unknown"
    assert pd.isna(rows.loc["GRL", "democracy_data_country"])
    bases = {
        ("MAC", "basis"): "x=0.2 (2025, V-Dem v16; Macao SAR China has no data of its own, "
        "data of China) < 0.7",
        ("MAC", "basis_sv"): "x=0,2 (2025, V-Dem v16; Macao SAR saknar egna data, data för Kina)"
        " < 0,7",
        ("HKG", "basis"): "x=0.9 (2025, V-Dem v16; values of Hong Kong SAR China itself) >= 0.7",
        ("HKG", "basis_sv"): "x=0,9 (2025, V-Dem v16; egna värden för Hongkong SAR) >= 0,7",
        ("FIN", "basis"): "x=0.8 (2025, V-Dem v16) >= 0.7",
        ("FIN", "basis_sv"): "x=0,8 (2025, V-Dem v16) >= 0,7",
    }
    for (iso3, column), text in bases.items():
        assert rows.loc[iso3, f"human_rights_{column}"] == text
        assert rows.loc[iso3, column].count(text) == 3  # once per condition


def test_a_decision_with_a_start_and_an_end_covers_only_the_years_between() -> None:
    """A decision valid from 2026 to 2027 covers a failing partner in an activity of 2026 or
    2027, not one of 2025 (before its start) nor of 2028 (after its end)."""
    dec = [
        decision(date="2025-11-20", country_iso3="SRB", valid_from="2026-01-01",
                 valid_to="2027-12-31")
    ]  # fmt: skip
    years = {"A1": 2025, "A2": 2026, "A3": 2027, "A4": 2028}
    out = screening_screen([(a, "Novi Sad", "SRB") for a in years], years, dec)
    expected = []
    for year in years.values():  # valid in year Y: starts on or before Y, ends on or after Y
        covered = 2026 <= year <= 2027
        expected.append(("exception", "KS 2025-00017") if covered else ("needs_exception", None))
    got = [
        (v, None if pd.isna(d) else d)
        for v, d in zip(out["verdict"].astype(object), out["decision_id"], strict=True)
    ]
    assert got == expected


def test_the_log_line_of_screened_partners_speaks_the_runs_language(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """With the run's log language English (``--lang en``), the ``-v`` line counting the
    screened partners per verdict is English throughout, in the order of the verdicts."""
    partners = [("A1", "Mikkeli", "FIN"), ("A1", "Novi Sad", "SRB"), ("A2", "Somewhere", None)]
    set_log_language("en")
    try:
        with caplog.at_level("INFO", logger="boras_intl"):
            screening_screen(partners, {"A1": 2025, "A2": 2025})
    finally:
        set_log_language(None)
    line = (
        "Partners screened: 3 (precondition met 1, covered by exception 0, "
        "cannot be assessed 1, needs exception decision 1)"
    )
    assert line in caplog.messages


def test_a_country_table_screened_for_more_countries_gives_each_partner_its_own() -> None:
    """``countries`` may hold more countries than the partners have (it must hold at least
    theirs): each partner still gets its own country's row, as when screened alone."""
    part, exc, acts = frames([("A1", "Novi Sad", "SRB"), ("A2", "Mikkeli", "FIN")], YEARS)
    settings = make_settings()
    data = load_bundled()
    wider = screen_countries(["DEU", "AFG", "SRB", "FIN", "NOR"], data, settings.screening, 2025)
    out = screen_partners(part, exc, acts, settings, data, countries=wider)
    assert out["verdict"].astype(object).tolist() == ["needs_exception", "met"]
    by_iso3 = wider.set_index("iso3")
    assert out["basis"].tolist() == [by_iso3.loc["SRB", "basis"], by_iso3.loc["FIN", "basis"]]
    alone = screen_partners(part, exc, acts, settings, data)
    assert out["basis"].tolist() == alone["basis"].tolist()


@pytest.mark.parametrize(
    ("a", "b", "expected", "source"),
    [(None, 20, "unknown", "vdem"), (0.1, 20, "fail", "vdem"), (0.9, 5, "pass", "vdem")],
)
def test_under_primary_the_first_rule_decides_even_without_data(
    a: float | None, b: float | None, expected: str, source: str
) -> None:
    """``combine: primary``: the first rule decides, with or without data — the second
    source is only compared, so its passing value never stands in for a missing first one
    (unlike ``first_available``)."""
    row = country("AAA", two_values(a, b), **two_rules("primary"))
    assert row["democracy"] == expected
    assert row["democracy_source"] == source


def test_first_available_and_primary_bases_name_the_deciding_rule_only() -> None:
    """Under ``first_available`` and ``primary`` the basis shows the one rule that decided,
    even when the other rule gives the same result."""
    row = country("AAA", two_values(0.1, 5), **two_rules("first_available"))
    assert row["democracy_basis"] == "a=0.1 (2025, V-Dem v16) < 0.5"
    row = country("AAA", two_values(0.9, 20), **two_rules("primary"))
    assert row["democracy_basis"] == "a=0.9 (2025, V-Dem v16) >= 0.5"


def test_the_later_edition_wins_a_tie_of_years_in_a_file_of_many_countries() -> None:
    """docs/methodology.md: when two editions give the same year, the later row wins. With
    many countries the rows are sorted by year in one array of hundreds of rows, where only a
    stable sort keeps each later edition after its earlier one (a small table hides this)."""
    iso3s = [f"A{i:02d}" for i in range(100)]  # codes need not be real for latest_values
    rows = []
    for c in iso3s:  # years out of order, as files of several editions come
        rows += [(c, 2024, "x", 0.1, "vdem", "V-Dem v15"), (c, 2022, "x", 0.5, "vdem", "V-Dem v15")]
        rows += [(c, 2024, "x", 0.9, "vdem", "V-Dem v16"), (c, 2023, "x", 0.4, "vdem", "V-Dem v16")]
    data = make_indicators(*rows)
    rules = rules_table(make_settings(**one_rule()).screening)
    latest = latest_values(data, rules, [2025], 5)
    assert len(latest) == 100
    assert set(latest["edition"]) == {"V-Dem v16"} and set(latest["value"]) == {0.9}
