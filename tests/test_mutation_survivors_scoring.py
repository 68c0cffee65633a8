"""Tests written for scoring mutants that `make mutate` found surviving (docs/testing.md): each
checks, a second way, a behaviour no test pinned down before."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest

from boras_intl_lib.outputs import csv_bytes, explanations_table
from boras_intl_lib.scoring.rubric import _combination_codes, explain_scores, score_activities
from boras_intl_lib.settings import Settings
from tests.test_scoring import activities as scoring_activities
from tests.test_scoring import partners as scoring_partners
from tests.test_scoring import score as scoring_score
from tests.test_scoring import settings as scoring_settings


def test_a_partner_whose_city_is_nan_or_spaces_is_a_twin_city_by_its_name() -> None:
    """docs/methodology.md: a partner whose city cell is empty is a twin city when a word of its
    name begins with a twin city of its country. "Empty" also means NaN (how pandas reads a
    blank cell into a plain or ``str`` column) and a cell of spaces, not only ``<NA>``."""
    parts = pd.DataFrame(
        [
            ("a1", "Mikkelin kaupunki", np.nan, "FIN"),
            ("a2", "Lunds kommun", "   ", "NOR"),
            ("a3", np.nan, np.nan, "FIN"),
            ("a4", "Lunds kommun", "Oslo", "NOR"),
        ],
        columns=["activity_id", "partner_name", "city", "country_iso3"],
        dtype=object,
    )
    scores = scoring_score(scoring_activities({}, {}, {}, {}), parts)
    # by hand: the settings' twin cities are Mikkeli (FIN) and Lund (NOR)
    expected = ["Mikkeli", "Lund", None, None]
    assert scores["is_twin_city"].tolist() == [t is not None for t in expected]
    found = [None if pd.isna(t) else t for t in scores["twin_city"]]
    assert found == expected


def _codes_by_hand(keys: list[list[int]]) -> list[int]:
    """Dense codes in order of first appearance, from the rows' tuples (Python ints)."""
    seen: dict[tuple[int, ...], int] = {}
    return [seen.setdefault(row, len(seen)) for row in zip(*keys, strict=True)]


def test_combination_codes_stay_distinct_for_keys_of_a_wide_range() -> None:
    """One code per distinct combination even when the keys span more than a float can hold
    exactly (2**60 + 1 is no float64) or their product more than int64 can (2**64 wraps to 0):
    the codes are exact integers, renumbered before they would overflow."""
    beyond_float = [[0, 1, 1, 0], [0, 0, 1, 2**60 - 1]]
    beyond_int64 = [[0, 2**32, 0], [0, 0, 2**32 - 1]]
    for keys in (beyond_float, beyond_int64):
        codes = _combination_codes([np.array(k, dtype=np.int64) for k in keys])
        assert codes.tolist() == _codes_by_hand(keys) == list(range(len(keys[0])))


def test_one_krona_of_budget_and_of_external_funding_counts() -> None:
    """Any amount above 0 counts: a budget of 1 kr gives a share (external / budget) and 1 kr
    of external funding is external funding (docs/methodology.md, project collaboration)."""
    parts = pd.DataFrame(
        [("a1", "Org A", "Ulm", "DEU"), ("a1", "Org B", "Ulm", "DEU")],
        columns=["activity_id", "partner_name", "city", "country_iso3"],
    ).astype("string")
    row = {"budget_sek": 1.0, "external_funding_sek": 1.0}
    scores = scoring_score(scoring_activities(row), parts)
    assert scores["has_external_funding"].tolist() == [True]
    assert scores["external_share"].tolist() == [1.0 / 1.0]
    # two partners, external funding, a share of 100 % >= the strong share of 50 %: level 3
    assert scores["project_collaboration"].tolist() == [3]


def test_the_score_table_carries_each_activity_s_committee() -> None:
    """The ``committee`` fact column of the scores (scores.csv) is the activity's own."""
    committees = ["Kulturnämnden", None, "Tekniska nämnden"]
    acts = scoring_activities(*({"committee": c} for c in committees))
    scores = scoring_score(acts)
    assert [None if pd.isna(c) else c for c in scores["committee"]] == committees


FLAG_FACTS = ("planned", "cancelled", "has_external_funding", "evaluated", "is_twin_city")
COUNT_FACTS = ("n_partners", "outcome_level", "democracy_level", "n_profiling_targets")


def test_fact_columns_keep_their_types_when_no_row_has_the_fact() -> None:
    """The facts are yes/no flags (bool) and whole numbers (int64), and explanations.csv
    writes them so ("False", "2"), also when no activity is planned or cancelled, there are
    no partners and the list columns are absent (not "0.0" and "2.0")."""
    rows = [
        {"status": "ongoing", "outcome_level": 2, "democracy_level": 1},
        {"status": "completed"},
    ]
    acts = scoring_activities(*rows).drop(columns=["profiling_targets", "sustainability", "sdgs"])
    scores = scoring_score(acts)
    for name in FLAG_FACTS:
        assert scores[name].dtype == bool and scores[name].tolist() == [False, False], name
    expected = {"n_partners": [0, 0], "outcome_level": [2, 0], "democracy_level": [1, 0]}
    expected["n_profiling_targets"] = [0, 0]
    for name in COUNT_FACTS:
        assert scores[name].dtype == np.int64 and scores[name].tolist() == expected[name], name
    table = explanations_table(scores, explain_scores(scores, scoring_settings()))
    text = b"".join(csv_bytes(table)).decode("utf-8")
    first = next(csv.DictReader(io.StringIO(text)))
    assert [first[name] for name in FLAG_FACTS] == ["False"] * len(FLAG_FACTS)
    assert [first[name] for name in COUNT_FACTS] == ["0", "2", "1", "0"]
    # and with partners and list cells: counted by hand
    parts = pd.DataFrame(
        [("a1", "Org A", "Ulm", "DEU"), ("a1", "org  a", "Ulm", "DEU")],
        columns=["activity_id", "partner_name", "city", "country_iso3"],
    ).astype("string")
    targets = {"profiling_targets": ("education", "education")}
    counted = scoring_score(scoring_activities(targets, {}), parts)
    for name in ("n_partners", "n_profiling_targets"):
        assert counted[name].dtype == np.int64 and counted[name].tolist() == [1, 0], name


def test_a_missing_cell_of_a_list_column_counts_no_entries() -> None:
    """Missing evidence is no evidence: a missing cell (None) in a list column built of plain
    Python lists counts 0 targets, dimensions or goals, beside lists counted by hand."""
    acts = scoring_activities({}, {}, {})
    acts["profiling_targets"] = pd.Series([["education", "education", "growth"], None, []])
    acts["sdgs"] = pd.Series([None, [3, 4, 5], [4]], dtype=object)
    scores = scoring_score(acts)
    assert scores["n_profiling_targets"].tolist() == [len({"education", "growth"}), 0, 0]
    assert scores["n_sdgs"].tolist() == [0, 3, 1]
    assert scores["profiling"].tolist() == [2, 0, 0]  # 2 targets: thresholds 1, 2 of 1, 2, 4


def test_a_partner_of_an_unknown_activity_in_a_twin_city_makes_no_activity_a_twin() -> None:
    """Partner rows of unknown activities are ignored, also in the twin-city facts: a partner
    in Mikkeli of an activity that is not in the table makes no other activity a twin city."""
    parts = pd.DataFrame(
        [("zz", "Mikkelin kaupunki", "Mikkeli", "FIN"), ("a2", "Org", "Ulm", "DEU")],
        columns=["activity_id", "partner_name", "city", "country_iso3"],
    ).astype("string")
    scores = scoring_score(scoring_activities({}, {}), parts)
    assert scores["is_twin_city"].tolist() == [False, False]
    assert scores["twin_cities"].tolist() == [0, 0]
    assert scores["all_twin_cities"].isna().all()


@pytest.mark.parametrize(
    ("name", "country", "twin"),
    [
        ("Stadt Frankfurt am Main", "DEU", "Frankfurt am Main"),
        ("Stadt FRANKFURT  am Mainufer", "DEU", "Frankfurt am Main"),  # the last word begins one
        ("Frankfurter Zoo", "DEU", None),  # only the first word of the city
        ("Ville de Saint-Étienne", "FRA", "Saint-Étienne"),
        ("Ville de Saint Étienne", "FRA", "Saint-Étienne"),  # a hyphen is a space
        ("Ville de Saint-Étienne", "BEL", None),  # the country must match
    ],
)
def test_a_twin_city_of_several_words_is_found_in_a_partners_name(name, country, twin) -> None:
    """docs/methodology.md: a partner without a city is a twin city when its name holds the
    twin city's name — for a city of several words, those words in a row (found by the helper
    of issue 21's mutation run: "Frankfurt am Main" could never be found before)."""
    twins = [
        {"city": "Frankfurt am Main", "country": "DEU"},
        {"city": "Saint-Étienne", "country": "FRA"},
    ]
    settings = Settings(
        year=2025, administrations=[{"name": "Kulturförvaltningen"}], twin_cities=twins
    )
    parts = scoring_partners(("a1", name, None, country))
    scores = score_activities(scoring_activities({}), parts, settings)
    found = scores["twin_city"].iloc[0]
    assert (None if pd.isna(found) else found) == twin
