"""Tests written for aggregation.py mutants that `make mutate` found surviving (run of
2026-12-07 18:04, commit a07aeb7; docs/testing.md): each checks, a second way, a behaviour no
selected test pinned down before."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from boras_intl_lib.aggregation import (
    administration_matrix,
    administration_resources,
    area_trend_over_years,
    coverage,
    funding_over_years,
    funding_summary,
    partner_countries,
    precondition_summary,
    sdg_counts,
    status_counts,
)
from boras_intl_lib.vocabulary import AREAS, VERDICTS


def test_the_own_money_row_comes_after_every_external_source_however_large() -> None:
    """The city's own money is listed after the external sources even when more external
    funding is recorded on it than on some of them; activities without a source come last;
    the source names stay a text column."""
    frame = pd.DataFrame(
        {
            "status": ["ongoing"] * 4,
            "funding_source": ["Interreg", "Egen budget", None, "Stiftelse"],
            "external_funding_sek": [10.0, 50.0, 0.0, 5.0],
        }
    )
    table = funding_summary(frame, [], ["Egen budget"]).by_source
    # written out by hand: external sources by money (10, 5), then own (50), then none
    assert table["kind"].tolist() == ["external", "external", "own", "none"]
    names = [None if pd.isna(v) else v for v in table["funding_source"]]
    assert names == ["Interreg", "Stiftelse", "Egen budget", None]
    assert table["external_funding_sek"].tolist() == [10.0, 5.0, 50.0, 0.0]
    assert table["funding_source"].dtype == "string"


def test_an_own_source_named_like_an_eu_programme_is_not_eu_funding() -> None:
    """A text of ``own_sources`` is the city's own money even when it also matches an EU
    programme ("Kommunens EU-medel" with EU source ``EU``): not counted as EU funding."""
    frame = pd.DataFrame(
        {
            "status": ["ongoing", "ongoing"],
            "budget_sek": [200.0, 100.0],
            "external_funding_sek": [100.0, 40.0],
            "funding_source": ["Kommunens EU-medel", "EU-medel Interreg"],
        }
    )
    totals = funding_summary(frame, ["EU"], ["Kommunens EU-medel"]).totals
    assert totals["n_eu_funded"] == 1
    assert totals["eu_funding_sek"] == 40.0
    assert totals["eu_share_of_external"] == pytest.approx(40 / 140)


def test_one_krona_is_a_budget_and_external_funding() -> None:
    """The smallest whole amount counts: an activity with a budget of 1 kr has a budget, one
    with 1 kr of EU funding has external and EU funding; counts stay whole numbers."""
    frame = pd.DataFrame(
        {
            "status": ["ongoing", "ongoing"],
            "budget_sek": [1.0, 0.0],
            "external_funding_sek": [1.0, 0.0],
            "funding_source": ["Erasmus+", None],
        }
    )
    totals = funding_summary(frame, ["Erasmus+"]).totals
    assert totals["n_with_budget"] == 1
    assert totals["n_with_external_funding"] == 1
    assert totals["n_eu_funded"] == 1
    assert totals["external_share"] == 1.0  # 1 kr of 1 kr
    for name in ("n_activities", "n_with_budget", "n_with_external_funding", "n_eu_funded"):
        assert isinstance(totals[name], int | np.integer), name


def test_resources_of_an_administration_without_activities_are_zero() -> None:
    """An administration of the parameters without activities has a row of zeros (the totals
    unchanged); without a participants column participants are 0; a budget of 1 kr without
    external funding is 1 kr of own co-financing."""
    frame = pd.DataFrame(
        {
            "administration": ["A", "A"],
            "status": ["ongoing", "ongoing"],
            "budget_sek": [1.0, 20.0],
            "external_funding_sek": [np.nan, 5.0],
        }
    )
    table = administration_resources(frame, ["Z", "A"])
    assert table["administration"].tolist()[:2] == ["Z", "A"]
    assert pd.isna(table["administration"].iloc[2])
    rows = table.drop(columns="administration").values.tolist()
    own_a = 1.0 + (20.0 - 5.0)  # each activity: budget minus external funding
    assert rows == [
        [0, 0, 0.0, 0.0, 0.0],
        [2, 0, 21.0, 5.0, own_a],
        [2, 0, 21.0, 5.0, own_a],
    ]


def test_partner_countries_keep_their_order_when_there_are_many() -> None:
    """With many countries (more than a small sort keeps in order by chance) the table is
    ordered by activities, then partners, then code, and the unrecognised country is last;
    the columns are exactly the three documented ones."""
    ids, names, codes = [], [], []
    expected: list[tuple[str | None, int, int]] = []
    for i in range(30):
        code = f"X{chr(65 + i // 26)}{chr(65 + i % 26)}"
        n_activities = 31 - i
        for j in range(n_activities):
            ids.append(f"{code}-{j}")
            names.append(f"partner {code} {j % 2}")
            codes.append(code)
        expected.append((code, min(2, n_activities), n_activities))
    for j in range(15):  # not recognised: in the middle by activities, but shown last
        ids.append(f"none-{j}")
        names.append(f"unknown {j}")
        codes.append(None)
    expected.sort(key=lambda row: (-row[2], -row[1], row[0]))
    expected.append((None, 15, 15))
    parts = pd.DataFrame({"activity_id": ids, "partner_name": names, "country_iso3": codes}).astype(
        "string"
    )
    table = partner_countries(parts)
    assert list(table.columns) == ["country_iso3", "n_partners", "n_activities"]
    got = [(None if pd.isna(c) else c, int(p), int(a)) for c, p, a in table.itertuples(index=False)]
    assert got == expected


def _one_activity_in(year: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [year],
            "administration": ["A"],
            "status": ["ongoing"],
            "budget_sek": [100.0],
            "external_funding_sek": [40.0],
            "funding_source": ["Erasmus+"],
            **{area: [2] for area in AREAS},
        }
    )


def test_the_years_asked_for_are_the_rows_of_the_trend_tables() -> None:
    """``years`` decides the rows of the trend tables (the report passes its years): every
    year from the first to the last asked for, whatever years the register has; years and
    counts stay whole numbers."""
    frame = _one_activity_in(2023)
    trend = area_trend_over_years(frame, years=[2021, 2024])
    profiling = trend[trend["area"] == "profiling"]
    assert profiling["year"].tolist() == [2021, 2022, 2023, 2024]
    assert profiling["n_activities"].tolist() == [0, 0, 1, 0]
    funding = funding_over_years(frame, ["Erasmus+"], years=[2022, 2024])
    assert funding["year"].tolist() == [2022, 2023, 2024]
    assert funding["budget_sek"].tolist() == [0.0, 100.0, 0.0]
    assert funding["eu_funding_sek"].tolist() == [0.0, 40.0, 0.0]
    assert funding["year"].dtype == np.int64
    assert funding["n_activities"].dtype == np.int64
    assert funding["n_eu_funded"].dtype == np.int64


def test_counts_are_whole_numbers_and_columns_in_their_documented_order() -> None:
    """Counts of activities are integers in every table (not 3.0); the matrix has the
    columns ``administration, n_activities`` and the seven areas, in that order."""
    scores = pd.DataFrame(
        {
            "activity_id": ["a1", "a2", "a3"],
            "administration": ["A", "A", "B"],
            "status": ["ongoing", "completed", "planned"],
            "precondition": ["met", "unknown", "met"],
            **{area: [2, 0, 1] for area in AREAS},
        }
    )
    matrix = administration_matrix(scores, ["A", "C"])
    assert list(matrix.columns) == ["administration", "n_activities", *AREAS]
    assert matrix["n_activities"].tolist() == [2, 0, 1]
    assert matrix["n_activities"].dtype == np.int64
    table = coverage(scores.assign(year=2025), ["A", "C"], 2025).table
    assert table["n_activities"].tolist() == [2, 0, 1]
    assert table["n_activities"].dtype == np.int64
    assert status_counts(scores).dtype == np.int64
    assert status_counts(scores).tolist() == [1, 1, 1]
    summary = precondition_summary(scores)
    assert summary["n_activities"].dtype == np.int64


def test_preconditions_read_from_a_verdict_column_and_sdgs_without_a_column() -> None:
    """A precondition table with a ``verdict`` column (older tables) is counted like one with
    ``precondition``; activities without an ``sdgs`` column name no goal (seventeen zeros)."""
    older = pd.DataFrame({"activity_id": ["a1", "a2", "a3"], "verdict": ["met", "met", "unknown"]})
    counts = precondition_summary(older).set_index("verdict")["n_activities"]
    expected = dict.fromkeys(VERDICTS, 0)
    for verdict in ["met", "met", "unknown"]:
        expected[verdict] += 1
    assert counts.to_dict() == expected
    table = sdg_counts(pd.DataFrame({"status": ["ongoing", "completed"]}))
    assert table["sdg"].tolist() == list(range(1, 18))
    assert table["n_activities"].tolist() == [0] * 17
    assert table["n_activities"].dtype == np.int64
    assert table["share"].tolist() == [0.0] * 17
