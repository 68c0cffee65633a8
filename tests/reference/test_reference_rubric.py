"""The reference's own rubric (``area_levels``) against the tables of docs/methodology.md,
row by row and at each threshold: the reference is only a second way to the levels if it
follows the written rules, not the scoring code. Each case is one line of a table."""

from __future__ import annotations

from typing import Any

import pytest

from boras_intl_lib.settings import default_parameters_path, load_settings
from reference.compute import area_levels

SETTINGS = load_settings(default_parameters_path(2024))


def _level(area: str, partners: list[dict[str, Any]] | None = None, **cells: Any) -> int:
    activity = {"activity_id": "A1", "year": 2024, "administration": "X", **cells}
    return area_levels(activity, partners or [], SETTINGS)[area]


def _partners(*names: str) -> list[dict[str, Any]]:
    return [{"partner_name": n, "city": "Lyon", "country_iso3": "FRA"} for n in names]


@pytest.mark.parametrize(
    ("outcome", "evaluated", "level"),
    [(None, True, 0), (0, True, 0), (1, False, 1), (2, False, 2), (3, False, 2), (3, True, 3)],
)
def test_operational_development(outcome: Any, evaluated: bool, level: int) -> None:
    assert _level("operational_development", outcome_level=outcome, evaluated=evaluated) == level


@pytest.mark.parametrize(
    ("names", "budget", "external", "level"),
    [
        (("A",), 100, 100, 0),  # too few parties: external funding does not make up for it
        (("A", " a "), 100, 100, 0),  # one organisation spelled twice
        (("A", "B"), 100, None, 1),
        (("A", "B"), 100, 0, 1),
        (("A", "B"), None, 10, 2),  # no budget: the share cannot be computed
        (("A", "B"), 100, 49.9, 2),
        (("A", "B"), 100, 50, 3),  # strong_external_share 0.5 reached
    ],
)
def test_project_collaboration(
    names: tuple[str, ...], budget: Any, external: Any, level: int
) -> None:
    cells = {"budget_sek": budget, "external_funding_sek": external}
    assert _level("project_collaboration", _partners(*names), **cells) == level


@pytest.mark.parametrize(
    ("participants", "kind", "documented", "shared", "level"),
    [
        (None, "project", True, True, 0),  # documentation without an exchange stays at 0
        (0, "project", False, False, 0),
        (3, "project", False, False, 1),
        (None, "study_visit", False, False, 1),  # an exchange by its nature
        (3, "project", True, False, 2),
        (3, "project", False, True, 2),
        (3, "project", True, True, 3),
    ],
)
def test_knowledge_exchange(
    participants: Any, kind: str, documented: bool, shared: bool, level: int
) -> None:
    cells = dict(participants=participants, activity_type=kind)
    cells |= dict(knowledge_documented=documented, knowledge_shared=shared)
    assert _level("knowledge_exchange", **cells) == level


@pytest.mark.parametrize(("n", "level"), [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (6, 3)])
def test_profiling(n: int, level: int) -> None:
    targets = ("education", "establishment", "growth", "knowledge", "quality_of_life", "x")[:n]
    assert _level("profiling", profiling_targets=targets) == level


@pytest.mark.parametrize(
    ("dims", "goals", "level"),
    [
        (0, 0, 0),
        (1, 0, 1),
        (0, 5, 1),  # goals without any dimension stay weak, however many
        (1, 2, 1),
        (2, 0, 2),
        (1, 3, 2),  # one dimension with at least sdgs_for_strong goals
        (3, 0, 3),
        (2, 3, 3),
        (3, 3, 3),
    ],
)
def test_societal_impact(dims: int, goals: int, level: int) -> None:
    cells = dict(sustainability=("ecological", "social", "economic")[:dims])
    cells["sdgs"] = tuple(range(1, goals + 1))
    assert _level("societal_impact", **cells) == level


@pytest.mark.parametrize(("recorded", "level"), [(None, 0), (0, 0), (1, 1), (2, 2), (3, 3)])
def test_democratic_values(recorded: Any, level: int) -> None:
    assert _level("democratic_values", democracy_level=recorded) == level


@pytest.mark.parametrize(
    ("partner", "outcome", "level"),
    [
        ({"partner_name": "Molde kommune", "city": "Molde", "country_iso3": "NOR"}, 0, 1),
        ({"partner_name": "Molde kommune", "city": "Molde", "country_iso3": "NOR"}, 2, 2),
        ({"partner_name": "Vejle Kommune", "city": None, "country_iso3": "DNK"}, 3, 3),
        ({"partner_name": "Vejle Kommune", "city": "Vejle", "country_iso3": "SWE"}, 3, 0),
    ],
)
def test_twin_cities(partner: dict[str, Any], outcome: int, level: int) -> None:
    assert _level("twin_cities", [partner], outcome_level=outcome) == level


def test_a_cancelled_activity_scores_zero_everywhere() -> None:
    cells = dict(status="cancelled", outcome_level=3, evaluated=True, democracy_level=3)
    assert set(area_levels({"activity_id": "A", **cells}, [], SETTINGS).values()) == {0}
