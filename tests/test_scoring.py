"""The rubric: every level of every area, pinned with small hand-built registers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from boras_intl_lib.i18n.labels import LABELS
from boras_intl_lib.scoring.rubric import (
    SCORE_COLUMNS,
    explain_scores,
    explanation_columns,
    score_activities,
)
from boras_intl_lib.settings import AREAS, EXCHANGE_TYPES, Settings

ADMIN = "Kulturförvaltningen"
NO_EVIDENCE = {
    "year": 2025,
    "administration": ADMIN,
    "activity_type": "other",
    "status": "ongoing",
    "budget_sek": np.nan,
    "external_funding_sek": np.nan,
    "participants": None,
    "outcome_level": None,
    "evaluated": None,
    "knowledge_documented": None,
    "knowledge_shared": None,
    "profiling_targets": (),
    "sustainability": (),
    "sdgs": (),
    "democracy_level": None,
}
DTYPES = {
    "activity_id": "string",
    "year": "Int64",
    "administration": "string",
    "activity_type": "string",
    "status": "string",
    "budget_sek": "float64",
    "external_funding_sek": "float64",
    "participants": "Int64",
    "outcome_level": "Int64",
    "evaluated": "boolean",
    "knowledge_documented": "boolean",
    "knowledge_shared": "boolean",
    "democracy_level": "Int64",
}


def settings(**scoring: object) -> Settings:
    return Settings(
        year=2025,
        administrations=[{"name": ADMIN, "committee": "Kulturnämnden"}],
        twin_cities=[{"city": "Mikkeli", "country": "FIN"}, {"city": "Lund", "country": "NOR"}],
        scoring=scoring,
    )


def activities(*rows: dict) -> pd.DataFrame:
    """Activities with the register's dtypes; unspecified fields hold no evidence."""
    records = [{"activity_id": f"a{i}", **NO_EVIDENCE, **row} for i, row in enumerate(rows, 1)]
    frame = pd.DataFrame.from_records(records)
    for column in ("profiling_targets", "sustainability", "sdgs"):
        frame[column] = pd.Series([r[column] for r in records], dtype=object)
    return frame.astype(DTYPES)


def partners(*rows: tuple) -> pd.DataFrame:
    """Partners from ``(activity_id, partner_name, city, country_iso3)`` tuples."""
    columns = ["activity_id", "partner_name", "city", "country_iso3"]
    return pd.DataFrame(list(rows), columns=columns).astype("string")


def org(n: int, activity_id: str = "a1", country: str = "DEU") -> list[tuple]:
    return [(activity_id, f"Partner {i}", f"City {i}", country) for i in range(n)]


def score(acts: pd.DataFrame, parts: pd.DataFrame | None = None, **scoring) -> pd.DataFrame:
    return score_activities(acts, partners() if parts is None else parts, settings(**scoring))


def level(area: str, row: dict | None = None, parts=None, **scoring) -> int:
    return int(score(activities(row or {}), parts, **scoring)[area].iloc[0])


# --- shape ------------------------------------------------------------------------------------


def test_one_row_per_activity_in_order_with_the_documented_columns():
    acts = activities({}, {}, {})
    scores = score(acts)
    assert list(scores.columns) == list(SCORE_COLUMNS)
    assert scores["activity_id"].tolist() == ["a1", "a2", "a3"]
    assert all(scores[a].dtype == np.int64 for a in AREAS)


def test_no_evidence_scores_zero_everywhere():
    scores = score(activities({}))
    assert scores[list(AREAS)].iloc[0].tolist() == [0] * 7


def test_absent_optional_columns_count_as_no_evidence():
    acts = activities({})[["activity_id", "year", "administration", "activity_type"]]
    scores = score(acts)
    assert scores[list(AREAS)].iloc[0].tolist() == [0] * 7
    assert not scores["planned"].iloc[0] and not scores["cancelled"].iloc[0]


def test_empty_register_gives_an_empty_frame():
    scores = score(activities({}).iloc[:0])
    assert scores.empty and list(scores.columns) == list(SCORE_COLUMNS)
    assert explain_scores(scores, settings()).empty


def test_duplicate_activity_ids_are_refused():
    acts = activities({}, {}).assign(activity_id=["a1", "a1"])
    with pytest.raises(ValueError, match="unique"):
        score(acts)


def test_partners_of_unknown_activities_are_ignored():
    scores = score(activities({}), partners(*org(3, "zz")))
    assert scores["n_partners"].iloc[0] == 0


def test_plain_python_lists_are_accepted():
    acts = activities({})
    acts["profiling_targets"] = pd.Series([["education", "growth"]], dtype=object)
    assert score(acts)["profiling"].iloc[0] == 2


# --- operational development ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "evaluated", "expected"),
    [
        (None, None, 0),
        (0, True, 0),
        (1, False, 1),
        (2, False, 2),
        (2, True, 2),
        (3, False, 2),  # implemented but not evaluated: capped at 2
        (3, None, 2),  # missing evaluation is no evaluation
        (3, True, 3),
    ],
)
def test_operational_development(outcome, evaluated, expected):
    row = {"outcome_level": outcome, "evaluated": evaluated}
    assert level("operational_development", row) == expected


# --- project collaboration --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n_partners", "budget", "external", "expected"),
    [
        (0, np.nan, np.nan, 0),
        (1, 100.0, 90.0, 0),  # external funding does not make up for too few parties
        (2, np.nan, np.nan, 1),
        (2, 100.0, 0.0, 1),
        (2, 100.0, 10.0, 2),
        (2, np.nan, 10.0, 2),  # external funding, no budget: share unknown
        (2, 0.0, 10.0, 2),
        (2, 100.0, 49.99, 2),
        (2, 100.0, 50.0, 3),  # the threshold itself counts
        (5, 100.0, 100.0, 3),
    ],
)
def test_project_collaboration(n_partners, budget, external, expected):
    row = {"budget_sek": budget, "external_funding_sek": external}
    assert level("project_collaboration", row, partners(*org(n_partners))) == expected


def test_partner_organisations_are_counted_once_by_normalised_name():
    parts = partners(
        ("a1", "Högskolan i Borås", "Borås", "SWE"),
        ("a1", "  högskolan  I BORÅS ", "Borås", "SWE"),
        ("a1", "Högskolan i Borås", "Borås", "SWE"),
    )
    scores = score(activities({}), parts)
    assert scores["n_partners"].iloc[0] == 1
    assert scores["project_collaboration"].iloc[0] == 0


def test_min_partners_comes_from_the_settings():
    parts = partners(*org(2))
    assert level("project_collaboration", {}, parts) == 1
    assert level("project_collaboration", {}, parts, min_partners=3) == 0
    assert level("project_collaboration", {}, partners(*org(3)), min_partners=3) == 1


def test_strong_external_share_comes_from_the_settings():
    row = {"budget_sek": 100.0, "external_funding_sek": 60.0}
    parts = partners(*org(2))
    assert level("project_collaboration", row, parts) == 3
    assert level("project_collaboration", row, parts, strong_external_share=0.75) == 2


def test_external_share_fact():
    acts = activities(
        {"budget_sek": 200.0, "external_funding_sek": 50.0},
        {"budget_sek": np.nan, "external_funding_sek": 50.0},
        {"budget_sek": 200.0, "external_funding_sek": np.nan},  # none recorded: none
    )
    scores = score(acts)
    assert scores["external_share"].iloc[0] == pytest.approx(0.25)
    assert np.isnan(scores["external_share"].iloc[1])  # no budget: share unknown
    assert scores["external_share"].iloc[2] == 0.0
    assert scores["has_external_funding"].tolist() == [True, True, False]


# --- knowledge exchange -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({}, 0),
        ({"participants": 0}, 0),
        ({"knowledge_documented": True, "knowledge_shared": True}, 0),  # no exchange recorded
        ({"participants": 4}, 1),
        ({"activity_type": "study_visit"}, 1),
        ({"participants": 4, "knowledge_documented": True}, 2),
        ({"participants": 4, "knowledge_shared": True}, 2),
        ({"participants": 4, "knowledge_documented": True, "knowledge_shared": False}, 2),
        ({"participants": 4, "knowledge_documented": True, "knowledge_shared": True}, 3),
    ],
)
def test_knowledge_exchange(row, expected):
    assert level("knowledge_exchange", row) == expected


@pytest.mark.parametrize("activity_type", EXCHANGE_TYPES)
def test_exchange_types_count_as_an_exchange(activity_type):
    assert level("knowledge_exchange", {"activity_type": activity_type}) == 1


@pytest.mark.parametrize("activity_type", ["eu_project", "project", "profiling", "other"])
def test_other_types_need_participants(activity_type):
    assert level("knowledge_exchange", {"activity_type": activity_type}) == 0


def test_exchange_types_come_from_the_settings():
    row = {"activity_type": "study_visit"}
    assert level("knowledge_exchange", row, exchange_types=()) == 0
    assert level("knowledge_exchange", {"activity_type": "project"}, exchange_types=["project"])


# --- profiling ------------------------------------------------------------------------------

TARGETS = (
    "education",
    "establishment",
    "growth",
    "knowledge",
    "quality_of_life",
    "visitor_industry",
)


@pytest.mark.parametrize(("n", "expected"), [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (6, 3)])
def test_profiling_by_number_of_targets(n, expected):
    assert level("profiling", {"profiling_targets": TARGETS[:n]}) == expected


def test_profiling_counts_a_repeated_target_once():
    assert level("profiling", {"profiling_targets": ("growth", "growth")}) == 1


def test_profiling_thresholds_come_from_the_settings():
    row = {"profiling_targets": TARGETS[:2]}
    assert level("profiling", row, profiling_targets_for_level=(2, 3, 5)) == 1


# --- societal impact -----------------------------------------------------------------------------

DIMS = ("ecological", "social", "economic")


@pytest.mark.parametrize(
    ("dims", "sdgs", "expected"),
    [
        (0, (), 0),
        (1, (), 1),
        (0, (4,), 1),
        (0, (4, 11, 13, 17), 1),  # goals without a dimension stay weak
        (1, (11,), 1),
        (1, (4, 11), 1),
        (1, (4, 11, 13), 2),  # one dimension with sdgs_for_strong goals
        (2, (), 2),
        (2, (4, 11), 2),
        (2, (4, 11, 13), 3),  # two dimensions with sdgs_for_strong goals
        (3, (), 3),
    ],
)
def test_societal_impact(dims, sdgs, expected):
    row = {"sustainability": DIMS[:dims], "sdgs": sdgs}
    assert level("societal_impact", row) == expected


def test_sdgs_for_strong_comes_from_the_settings():
    row = {"sustainability": ("social",), "sdgs": (4, 11, 13)}
    assert level("societal_impact", row, sdgs_for_strong=4) == 1
    assert level("societal_impact", row, sdgs_for_strong=2) == 2


# --- democratic values ----------------------------------------------------------------------------


@pytest.mark.parametrize(("recorded", "expected"), [(None, 0), (0, 0), (1, 1), (2, 2), (3, 3)])
def test_democratic_values_is_the_recorded_level(recorded, expected):
    assert level("democratic_values", {"democracy_level": recorded}) == expected


# --- twin cities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("city", "country", "outcome", "expected"),
    [
        ("Hamburg", "DEU", 3, 0),
        ("Mikkeli", "FIN", None, 1),
        ("Mikkeli", "FIN", 1, 1),
        ("Mikkeli", "FIN", 2, 2),
        ("Mikkeli", "FIN", 3, 3),
        ("  MIKKELI ", "FIN", 0, 1),  # case and surrounding space do not matter
        ("Mikkeli", "SWE", 3, 0),  # the city alone is not enough: the country must match
        ("Lund", "SWE", 3, 0),  # Lund in Sweden is not the twin city Lund in Norway
        ("Lund", "NOR", 2, 2),
        (None, "FIN", 3, 0),
    ],
)
def test_twin_cities(city, country, outcome, expected):
    parts = partners(("a1", "Kommun", city, country))
    assert level("twin_cities", {"outcome_level": outcome}, parts) == expected


def test_twin_city_fact_names_the_first_twin_city_of_the_settings():
    parts = partners(
        ("a1", "Lund kommun", "Lund", "NOR"),
        ("a1", "Mikkelin kaupunki", "Mikkeli", "FIN"),
        ("a2", "Stadt", "Hamburg", "DEU"),
    )
    scores = score(activities({}, {}), parts)
    assert scores["is_twin_city"].tolist() == [True, False]
    assert scores["twin_city"].iloc[0] == "Mikkeli"
    assert pd.isna(scores["twin_city"].iloc[1])


def test_no_twin_cities_in_the_settings_scores_zero():
    plain = Settings(year=2025, administrations=[{"name": ADMIN}])
    parts = partners(("a1", "Kommun", "Mikkeli", "FIN"))
    scores = score_activities(activities({"outcome_level": 3}), parts, plain)
    assert scores["twin_cities"].iloc[0] == 0


# --- status -------------------------------------------------------------------------------------

FULL_EVIDENCE = {
    "activity_type": "twinning",
    "budget_sek": 100.0,
    "external_funding_sek": 80.0,
    "participants": 12,
    "outcome_level": 3,
    "evaluated": True,
    "knowledge_documented": True,
    "knowledge_shared": True,
    "profiling_targets": TARGETS,
    "sustainability": DIMS,
    "sdgs": (4, 11, 16),
    "democracy_level": 3,
}


def full_partners(activity_id: str = "a1") -> pd.DataFrame:
    return partners(("a1", "Mikkelin kaupunki", "Mikkeli", "FIN"), *org(2, activity_id))


def test_full_evidence_scores_three_everywhere():
    scores = score(activities(FULL_EVIDENCE), full_partners())
    assert scores[list(AREAS)].iloc[0].tolist() == [3] * 7


def test_cancelled_activities_score_zero_everywhere_and_are_flagged():
    scores = score(activities({**FULL_EVIDENCE, "status": "cancelled"}), full_partners())
    assert scores[list(AREAS)].iloc[0].tolist() == [0] * 7
    assert scores["cancelled"].iloc[0] and not scores["planned"].iloc[0]
    assert scores["n_partners"].iloc[0] == 3  # the facts are kept


def test_planned_activities_are_flagged_and_scored_on_their_evidence():
    scores = score(activities({**FULL_EVIDENCE, "status": "planned"}), full_partners())
    assert scores["planned"].iloc[0] and not scores["cancelled"].iloc[0]
    assert scores[list(AREAS)].iloc[0].tolist() == [3] * 7


def test_missing_status_is_neither_planned_nor_cancelled():
    scores = score(activities({"status": None}))
    assert not scores["planned"].iloc[0] and not scores["cancelled"].iloc[0]


# --- explanations ---------------------------------------------------------------------------------


def explain(row: dict, parts=None, **scoring) -> pd.Series:
    s = settings(**scoring)
    scores = score_activities(activities(row), partners() if parts is None else parts, s)
    return explain_scores(scores, s).iloc[0]


def test_explanations_in_swedish_and_english():
    why = explain({"budget_sek": 100.0, "external_funding_sek": 80.0}, partners(*org(2)))
    assert (
        why["project_collaboration_why_sv"]
        == "3: 2 partnerorganisationer, extern finansiering 80 %"
    )
    assert why["project_collaboration_why_en"] == "3: 2 partner organisations, external funding 80%"


def test_explanation_of_too_few_partners_names_the_minimum():
    why = explain({}, partners(*org(1)), min_partners=3)
    assert why["project_collaboration_why_en"] == "0: 1 partner organisation, at least 3 needed"


def test_percentages_are_rounded_down_so_they_never_reach_a_threshold_they_miss():
    why = explain({"budget_sek": 1000.0, "external_funding_sek": 499.9}, partners(*org(2)))
    assert why["project_collaboration_why_en"] == "2: 2 partner organisations, external funding 49%"


def test_explanation_of_external_funding_without_budget():
    why = explain({"external_funding_sek": 10.0}, partners(*org(2)))
    assert why["project_collaboration_why_en"].startswith("2: 2 partner organisations, external")
    assert "no budget" in why["project_collaboration_why_en"]


def test_explanations_of_every_area():
    why = explain(FULL_EVIDENCE | {"evaluated": False}, full_partners())
    assert why["operational_development_why_en"] == "2: change implemented but not evaluated"
    assert why["knowledge_exchange_why_sv"] == (
        "3: lärdomar dokumenterade och spridda i organisationen"
    )
    assert why["profiling_why_en"] == "3: 6 profiling targets"
    assert why["societal_impact_why_en"] == "3: 3 sustainability dimensions, 3 SDGs"
    assert why["democratic_values_why_sv"] == "3: demokrati är huvudsyftet"
    assert why["twin_cities_why_sv"] == "3: vänorten Mikkeli, förändring genomförd"


def test_explanations_of_no_evidence():
    why = explain({})
    assert why["operational_development_why_en"] == "0: no outcome recorded"
    assert why["profiling_why_sv"] == "0: inget profileringsmål"
    assert why["societal_impact_why_en"] == "0: no sustainability dimension, no SDG"
    assert why["twin_cities_why_en"] == "0: no twin city among the partners"


def test_cancelled_explanations():
    why = explain({**FULL_EVIDENCE, "status": "cancelled"}, full_partners())
    assert {why[f"{a}_why_sv"] for a in AREAS} == {"0: inställd"}
    assert {why[f"{a}_why_en"] for a in AREAS} == {"0: cancelled"}


def test_explanation_columns_and_labels():
    s = settings()
    frame = explain_scores(score(activities({}, {"status": "cancelled"})), s)
    assert list(frame.columns) == ["activity_id", *explanation_columns()]
    assert explanation_columns("sv") == [f"{a}_why_sv" for a in AREAS]
    assert all(key in LABELS for key in ("why.cancelled", "trend.cannot_assess"))


# --- the vectorised rubric agrees with a row-by-row reading ------------------------------------


def reference_levels(row: dict, n_partners: int, twin: bool) -> list[int]:
    """The rubric of docs/methodology.md, written row by row as plainly as possible."""
    if row["status"] == "cancelled":
        return [0] * 7
    outcome = 0 if pd.isna(row["outcome_level"]) else int(row["outcome_level"])
    evaluated = row["evaluated"] is True
    od = 2 if outcome == 3 and not evaluated else outcome
    external = 0 if pd.isna(row["external_funding_sek"]) else row["external_funding_sek"]
    budget = row["budget_sek"]
    if n_partners < 2:
        pc = 0
    elif external > 0 and not pd.isna(budget) and budget > 0 and external / budget >= 0.5:
        pc = 3
    else:
        pc = 2 if external > 0 else 1
    participants = 0 if pd.isna(row["participants"]) else row["participants"]
    exchange = participants > 0 or row["activity_type"] in EXCHANGE_TYPES
    doc, shared = row["knowledge_documented"] is True, row["knowledge_shared"] is True
    ke = 0 if not exchange else 3 if doc and shared else 2 if doc or shared else 1
    n = len(set(row["profiling_targets"]))
    pr = sum(n >= t for t in (1, 2, 4))
    d, g = len(set(row["sustainability"])), len(set(row["sdgs"]))
    si = (
        3
        if d == 3 or (d >= 2 and g >= 3)
        else 2
        if d >= 2 or (d >= 1 and g >= 3)
        else 1
        if d or g
        else 0
    )
    dv = 0 if pd.isna(row["democracy_level"]) else int(row["democracy_level"])
    tc = max(outcome, 1) if twin else 0
    return [od, pc, ke, pr, si, dv, tc]


def random_register(n: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)

    def maybe(values, p=0.2):
        return [None if rng.random() < p else v for v in values]

    rows = [
        {
            "activity_type": str(rng.choice(["other", "project", "study_visit", "network"])),
            "status": str(rng.choice(["planned", "ongoing", "completed", "cancelled"])),
            "budget_sek": float(rng.choice([np.nan, 0.0, 100.0, 1000.0])),
            "external_funding_sek": float(rng.choice([np.nan, 0.0, 50.0, 500.0])),
            "participants": maybe([int(rng.integers(0, 3))])[0],
            "outcome_level": maybe([int(rng.integers(0, 4))])[0],
            "evaluated": maybe([bool(rng.random() < 0.5)])[0],
            "knowledge_documented": maybe([bool(rng.random() < 0.5)])[0],
            "knowledge_shared": maybe([bool(rng.random() < 0.5)])[0],
            "profiling_targets": tuple(rng.choice(TARGETS, rng.integers(0, 7))),
            "sustainability": tuple(rng.choice(DIMS, rng.integers(0, 4))),
            "sdgs": tuple(int(g) for g in rng.choice(np.arange(1, 18), rng.integers(0, 5))),
            "democracy_level": maybe([int(rng.integers(0, 4))])[0],
        }
        for _ in range(n)
    ]
    acts = activities(*rows)
    parts = []
    for i in range(1, n + 1):
        for _ in range(rng.integers(0, 4)):
            city, country = rng.choice([("Mikkeli", "FIN"), ("Mikkeli", "SWE"), ("Ulm", "DEU")])
            parts.append((f"a{i}", f"Org {rng.integers(0, 3)}", city, country))
    return acts, partners(*parts)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_vectorised_rubric_matches_row_by_row_reference(seed):
    acts, parts = random_register(300, seed)
    scores = score(acts, parts)
    for i, row in enumerate(acts.to_dict("records")):
        mine = parts[parts["activity_id"] == row["activity_id"]]
        n_partners = mine["partner_name"].nunique()
        twin = bool(((mine["city"] == "Mikkeli") & (mine["country_iso3"] == "FIN")).any())
        row = {k: (None if v is pd.NA else v) for k, v in row.items()}
        expected = reference_levels(row, n_partners, twin)
        assert scores.loc[i, list(AREAS)].tolist() == expected, row
