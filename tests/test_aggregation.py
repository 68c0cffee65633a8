"""Aggregates for the report: shares, distributions, coverage, funding, trends and targets."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from boras_intl_lib.aggregation import (
    VERDICTS,
    administration_matrix,
    area_summary,
    area_trend_over_years,
    coverage,
    coverage_over_years,
    funding_over_years,
    funding_summary,
    overall_index,
    partner_countries,
    precondition_summary,
    sdg_counts,
    target_status,
    trend_state,
    year_over_year,
)
from boras_intl_lib.funding import is_eu_funding
from boras_intl_lib.settings import AREAS, EU_FUNDING_SOURCES, Targets

ADMINS = ["Kulturförvaltningen", "Miljöförvaltningen", "Förskoleförvaltningen"]


def scores(*rows: dict) -> pd.DataFrame:
    """Scores with every area 0 unless given; ``levels`` sets all seven at once."""
    records = []
    for i, row in enumerate(rows, 1):
        row = dict(row)
        levels = dict.fromkeys(AREAS, row.pop("levels", 0))
        records.append(
            {
                "activity_id": f"a{i}",
                "year": 2025,
                "administration": ADMINS[0],
                **levels,
                "cancelled": False,
                **row,
            }
        )
    columns = ["activity_id", "year", "administration", *AREAS, "cancelled"]
    return pd.DataFrame.from_records(records, columns=columns).astype({"year": "Int64"})


def activities(*rows: dict) -> pd.DataFrame:
    defaults = {
        "year": 2025,
        "administration": ADMINS[0],
        "status": "ongoing",
        "budget_sek": np.nan,
        "external_funding_sek": np.nan,
        "funding_source": None,
        "sdgs": (),
    }
    records = [{"activity_id": f"a{i}", **defaults, **row} for i, row in enumerate(rows, 1)]
    frame = pd.DataFrame.from_records(records, columns=["activity_id", *defaults])
    return frame.astype(
        {"year": "Int64", "status": "string", "funding_source": "string", "budget_sek": float}
    )


# --- area summary -----------------------------------------------------------------------------


def test_area_summary_counts_clear_contributions_and_the_distribution():
    frame = scores({"levels": 0}, {"levels": 1}, {"levels": 2}, {"levels": 3})
    summary = area_summary(frame).set_index("area")
    assert list(summary.index) == list(AREAS)
    row = summary.loc["profiling"]
    assert row["n_activities"] == 4 and row["n_clear"] == 2
    assert row["share_clear"] == pytest.approx(0.5)
    assert [row[f"level_{lv}"] for lv in range(4)] == [1, 1, 1, 1]


def test_clear_level_is_a_parameter():
    frame = scores({"levels": 2}, {"levels": 3})
    assert area_summary(frame, clear_level=3).set_index("area").loc[
        "twin_cities", "share_clear"
    ] == pytest.approx(0.5)


def test_cancelled_activities_are_left_out_of_shares_but_counted():
    frame = scores({"levels": 3}, {"levels": 0, "cancelled": True})
    row = area_summary(frame).iloc[0]
    assert row["n_activities"] == 1 and row["share_clear"] == 1.0
    assert row["n_cancelled"] == 1


def test_area_summary_of_an_empty_year_cannot_assess():
    summary = area_summary(scores())
    assert (summary["n_activities"] == 0).all()
    assert summary["share_clear"].isna().all()


# --- administration matrix --------------------------------------------------------------------


def test_administration_matrix_includes_administrations_without_activities():
    frame = scores(
        {"administration": ADMINS[1], "levels": 2},
        {"administration": ADMINS[1], "levels": 1},
        {"administration": "Okänd förvaltning", "levels": 3},
    )
    matrix = administration_matrix(frame, ADMINS).set_index("administration")
    assert list(matrix.index) == [*ADMINS, "Okänd förvaltning"]
    assert matrix.loc[ADMINS[1], "profiling"] == pytest.approx(0.5)
    assert matrix.loc[ADMINS[1], "n_activities"] == 2
    assert matrix.loc[ADMINS[0]].drop("n_activities").isna().all()
    assert matrix.loc[ADMINS[0], "n_activities"] == 0


def test_administration_matrix_mean_level():
    frame = scores({"levels": 1}, {"levels": 2})
    matrix = administration_matrix(frame, ADMINS[:1], statistic="mean_level")
    assert matrix.loc[0, "democratic_values"] == pytest.approx(1.5)
    with pytest.raises(ValueError, match="statistic"):
        administration_matrix(frame, ADMINS, statistic="median")


# --- coverage ---------------------------------------------------------------------------------


def test_coverage_lists_administrations_with_and_without_activities():
    acts = activities(
        {"administration": ADMINS[0]},
        {"administration": ADMINS[0]},
        {"administration": ADMINS[1], "status": "cancelled"},  # cancelled: not covered
        {"administration": ADMINS[2], "year": 2024},  # another year
        {"administration": "Okänd förvaltning"},
    )
    table, share = coverage(acts, ADMINS, 2025)
    table = table.set_index("administration")
    assert table.loc[ADMINS[0], "n_activities"] == 2
    assert table["has_activities"].to_dict() == {
        ADMINS[0]: True,
        ADMINS[1]: False,
        ADMINS[2]: False,
        "Okänd förvaltning": True,
    }
    assert not table.loc["Okänd förvaltning", "in_parameters"]
    assert share == pytest.approx(1 / 3)


def test_coverage_of_an_empty_year_is_zero_not_an_error():
    table, share = coverage(activities(), ADMINS, 2025)
    assert share == 0.0 and len(table) == 3
    assert math.isnan(coverage(activities(), [], 2025).share)


# --- funding ----------------------------------------------------------------------------------


def test_funding_totals_and_shares():
    acts = activities(
        {"budget_sek": 1000.0, "external_funding_sek": 600.0, "funding_source": "Interreg Aurora"},
        {"budget_sek": 1000.0, "external_funding_sek": 200.0, "funding_source": "ICLD"},
        {"budget_sek": 2000.0, "external_funding_sek": 0.0},
        {"external_funding_sek": 100.0, "funding_source": "Erasmus+"},  # no budget
        {"budget_sek": 500.0, "external_funding_sek": 500.0, "status": "cancelled"},
    )
    totals, by_source = funding_summary(acts, EU_FUNDING_SOURCES)
    assert totals["n_activities"] == 4
    assert totals["external_funding_sek"] == 900.0
    assert totals["eu_funding_sek"] == 700.0
    assert totals["external_share"] == pytest.approx(800 / 4000)
    assert totals["eu_share_of_external"] == pytest.approx(700 / 900)
    assert totals["eu_share_of_budget"] == pytest.approx(600 / 4000)
    assert totals["n_eu_funded"] == 2
    # every counted activity is in one row: the one without a source last (issue 17)
    assert by_source["funding_source"].tolist()[:3] == ["Interreg Aurora", "ICLD", "Erasmus+"]
    assert by_source["kind"].tolist() == ["external", "external", "external", "none"]
    assert by_source["n_activities"].sum() == totals["n_activities"]
    assert by_source["is_eu"].tolist() == [True, False, True, False]
    assert by_source["share"].sum() == pytest.approx(1.0)


def test_funding_sources_are_grouped_across_spellings():
    acts = activities(
        {"external_funding_sek": 10.0, "funding_source": "Interreg"},
        {"external_funding_sek": 30.0, "funding_source": " interreg "},
    )
    by_source = funding_summary(acts, EU_FUNDING_SOURCES).by_source
    assert by_source["n_activities"].tolist() == [2]
    assert by_source["external_funding_sek"].tolist() == [40.0]


def test_funding_of_an_empty_year_cannot_assess():
    totals, by_source = funding_summary(activities(), EU_FUNDING_SOURCES)
    assert totals["external_funding_sek"] == 0.0
    assert math.isnan(totals["external_share"]) and math.isnan(totals["eu_share_of_external"])
    assert by_source.empty


@pytest.mark.parametrize(
    ("source", "eu"),
    [
        ("Interreg Öresund-Kattegat-Skagerrak", True),
        ("Erasmus+", True),
        ("Erasmus+ KA2", True),
        ("Horisont Europa", True),
        ("Horizon Europe", True),
        ("Kreativa Europa", True),
        ("Creative Europe", True),
        ("LIFE", True),
        ("EU-medel", True),
        ("EU:s sociala fond", True),
        ("ESF+", True),
        ("ERUF", True),
        ("AMIF", True),
        ("CERV", True),
        ("Europa för medborgare", True),
        ("ICLD", False),
        ("Nordplus", False),
        ("Better Life Foundation", False),  # acronyms are matched as written
        ("Europa Nostra", False),
        ("Reuters", False),  # no match inside a word
        (None, False),
    ],
)
def test_eu_funding_sources(source, eu):
    sources = pd.Series([source], dtype="string")
    assert is_eu_funding(sources, EU_FUNDING_SOURCES).tolist() == [eu]


def test_eu_sources_are_a_parameter():
    sources = pd.Series(["Nordplus", "Interreg"], dtype="string")
    assert is_eu_funding(sources, ["Nordplus"]).tolist() == [True, False]
    assert is_eu_funding(sources, []).tolist() == [False, False]


# --- partners, SDGs, precondition ------------------------------------------------------------


def test_partner_countries():
    parts = pd.DataFrame(
        {
            "activity_id": ["a1", "a1", "a2", "a2", "a3", "a1"],
            "partner_name": ["Mikkeli", "Turku", "mikkeli", "Ulm", "X", "Y"],
            "country_iso3": ["FIN", "FIN", "FIN", "DEU", None, "DEU"],
        }
    ).astype("string")
    table = partner_countries(parts)
    assert table["country_iso3"].tolist()[:2] == ["DEU", "FIN"]  # ties: by code
    assert pd.isna(table["country_iso3"].iloc[-1])  # unknown country last
    fin = table.iloc[1]
    assert fin["n_partners"] == 2  # "Mikkeli" and "mikkeli" are one organisation
    assert fin["n_activities"] == 2
    assert table["n_activities"].tolist() == [2, 2, 1]


def test_partner_countries_leave_out_cancelled_activities():
    parts = pd.DataFrame(
        {"activity_id": ["a1", "a2"], "partner_name": ["A", "B"], "country_iso3": ["FIN", "DEU"]}
    )
    acts = activities({}, {"status": "cancelled"})
    assert partner_countries(parts, acts)["country_iso3"].tolist() == ["FIN"]


def test_sdg_counts():
    acts = activities(
        {"sdgs": (4, 11, 4)}, {"sdgs": (11,)}, {}, {"sdgs": (5,), "status": "cancelled"}
    )
    table = sdg_counts(acts).set_index("sdg")
    assert list(table.index) == list(range(1, 18))
    assert table.loc[4, "n_activities"] == 1 and table.loc[11, "n_activities"] == 2
    assert table.loc[5, "n_activities"] == 0
    assert table.loc[11, "share"] == pytest.approx(2 / 3)


def test_sdg_counts_of_an_empty_year():
    table = sdg_counts(activities())
    assert (table["n_activities"] == 0).all() and table["share"].isna().all()


def test_precondition_summary_counts_per_verdict():
    pre = pd.DataFrame(
        {
            "activity_id": ["a1", "a2", "a3", "a4"],
            "precondition": ["met", "needs_exception", "met", "unknown"],
        }
    )
    table = precondition_summary(pre)
    assert table["verdict"].tolist() == list(VERDICTS)
    assert table["n_activities"].tolist() == [2, 0, 1, 1]
    assert table["share"].sum() == pytest.approx(1.0)


def test_precondition_summary_follows_the_scored_activities():
    pre = pd.DataFrame({"activity_id": ["a1", "a2"], "precondition": ["met", "exception"]})
    frame = scores({}, {"cancelled": True}, {})  # a2 cancelled, a3 without precondition
    table = precondition_summary(pre, frame).set_index("verdict")
    assert table["n_activities"].to_dict() == {
        "met": 1,
        "exception": 0,
        "needs_exception": 0,
        "unknown": 1,
    }


def test_precondition_summary_of_nothing():
    table = precondition_summary(pd.DataFrame({"activity_id": [], "precondition": []}))
    assert (table["n_activities"] == 0).all() and table["share"].isna().all()


# --- trend and status -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "state"),
    [
        (0.10, "up"),
        (-0.10, "down"),
        (0.0, "steady"),
        (0.02, "steady"),  # within the tolerance
        (0.52 - 0.50, "steady"),  # floating point does not tip it over
        (0.0201, "up"),
        (float("nan"), "cannot_assess"),
    ],
)
def test_trend_state(change, state):
    assert trend_state(change, 0.02).tolist() == state


def test_year_over_year_per_area():
    frame = pd.concat(
        [
            scores({"levels": 2}, {"levels": 0}).assign(year=2024),
            scores({"levels": 2}, {"levels": 2}).assign(year=2025),
        ],
        ignore_index=True,
    )
    frame.loc[frame["year"] == 2025, "profiling"] = [0, 0]
    frame.loc[frame["year"] == 2025, "twin_cities"] = [2, 0]
    table = year_over_year(frame, 2025).set_index("area")
    assert table.loc["societal_impact", "share_this_year"] == 1.0
    assert table.loc["societal_impact", "share_previous_year"] == 0.5
    assert table.loc["societal_impact", "change"] == pytest.approx(0.5)
    assert table.loc["societal_impact", "trend"] == "up"
    assert table.loc["profiling", "trend"] == "down"
    assert table.loc["twin_cities", "trend"] == "steady"


def test_year_over_year_without_a_previous_year_cannot_assess():
    table = year_over_year(scores({"levels": 2}), 2025)
    assert (table["trend"] == "no_previous").all()  # said once, not as "cannot assess"
    assert table["share_previous_year"].isna().all()


def test_target_status_met_not_met_and_cannot_assess():
    summary = area_summary(scores({"levels": 2}, {"levels": 0}))  # every area 50 % clear
    targets = Targets(
        coverage=0.8,
        clear_share={"profiling": 0.5, "twin_cities": 0.75},
    )
    table = target_status(summary, 1.0, targets)
    assert table["metric"].iloc[0] == "coverage" and table["status"].iloc[0] == "met"
    by_area = table.dropna(subset=["area"]).set_index("area")
    assert by_area.loc["profiling", "status"] == "met"  # exactly on target
    assert by_area.loc["twin_cities", "status"] == "not_met"
    assert by_area.loc["societal_impact", "status"] == "cannot_assess"
    assert by_area.loc["societal_impact", "reason"] == "no_target"


def test_target_status_without_data_cannot_assess():
    targets = Targets(clear_share={"profiling": 0.5})
    table = target_status(area_summary(scores()), float("nan"), targets)
    assert table["status"].iloc[0] == "cannot_assess" and table["reason"].iloc[0] == "no_data"
    profiling = table[table["area"] == "profiling"].iloc[0]
    assert profiling["status"] == "cannot_assess" and profiling["reason"] == "no_data"


def test_target_status_without_a_coverage_target():
    table = target_status(area_summary(scores()), 0.5, Targets(coverage=None))
    assert table["status"].iloc[0] == "cannot_assess" and table["reason"].iloc[0] == "no_target"


def test_status_and_trend_are_independent():
    """A target can be met while the trend is down, and the other way round."""
    frame = pd.concat(
        [scores({"levels": 3}).assign(year=2024), scores({"levels": 2}, {}).assign(year=2025)],
        ignore_index=True,
    )
    trend = year_over_year(frame, 2025).set_index("area").loc["profiling", "trend"]
    summary = area_summary(frame[frame["year"] == 2025])
    status = target_status(summary, 1.0, Targets(clear_share={"profiling": 0.4}))
    assert trend == "down"
    assert status.set_index("area").loc["profiling", "status"] == "met"


# --- over the years ---------------------------------------------------------------------------


def test_area_trend_over_years_fills_gaps_and_compares_with_the_year_before():
    frame = pd.concat(
        [scores({"levels": 2}).assign(year=2022), scores({"levels": 0}).assign(year=2024)],
        ignore_index=True,
    )
    table = area_trend_over_years(frame)
    profiling = table[table["area"] == "profiling"].set_index("year")
    assert list(profiling.index) == [2022, 2023, 2024]
    assert profiling.loc[2023, "n_activities"] == 0
    assert profiling["trend"].tolist() == ["cannot_assess"] * 3  # 2023 has no data
    assert len(table) == 3 * len(AREAS)


def test_area_trend_over_years_of_nothing():
    assert area_trend_over_years(scores()).empty


def test_coverage_over_years():
    acts = activities(
        {"year": 2024, "administration": ADMINS[0]},
        {"year": 2025, "administration": ADMINS[0]},
        {"year": 2025, "administration": ADMINS[1]},
    )
    table = coverage_over_years(acts, ADMINS).set_index("year")
    assert table.loc[2024, "share"] == pytest.approx(1 / 3)
    assert table.loc[2025, "n_with_activities"] == 2
    assert table.loc[2025, "trend"] == "up"
    assert table.loc[2024, "trend"] == "cannot_assess"


def test_funding_over_years():
    acts = activities(
        {"year": 2024, "budget_sek": 100.0, "external_funding_sek": 50.0, "funding_source": "LIFE"},
        {"year": 2025, "budget_sek": 100.0, "external_funding_sek": 10.0, "funding_source": "ICLD"},
    )
    table = funding_over_years(acts, EU_FUNDING_SOURCES).set_index("year")
    assert table.loc[2024, "eu_funding_sek"] == 50.0
    assert table.loc[2025, "eu_share_of_external"] == 0.0
    assert table.loc[2025, "external_share"] == pytest.approx(0.1)
    assert funding_over_years(activities()).empty


def test_overall_index_weights_areas_with_data():
    summary = area_summary(scores({"levels": 2}, {"levels": 0}))
    summary.loc[summary["area"] == "profiling", "share_clear"] = 1.0
    even = overall_index(summary, dict.fromkeys(AREAS, 1.0))
    assert even == pytest.approx((6 * 0.5 + 1.0) / 7)
    only = overall_index(summary, {"profiling": 1.0})
    assert only == pytest.approx(1.0)
    assert math.isnan(overall_index(area_summary(scores()), dict.fromkeys(AREAS, 1.0)))


def test_year_over_year_gives_no_verdict_on_too_few_activities():
    """Issue 17: "100 % mot 63 % … ökning" from one completed activity. Below the minimum in
    either year there is no verdict; at the minimum the ±tolerance rule decides."""
    rows = [{"year": 2024, "levels": 0}] * 3 + [{"year": 2025, "levels": 2}]
    table = year_over_year(scores(*rows), 2025, min_activities=2).set_index("area")
    assert (table["trend"] == "too_few").all()
    assert (year_over_year(scores(*rows), 2025, min_activities=1)["trend"] == "up").all()
