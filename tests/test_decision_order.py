"""Of two exception decisions that cover a partner equally specifically, the latest is named
(issue 21 item 3: choosing the earliest survived every test before)."""

from __future__ import annotations

import pytest

from tests.test_screening import decision, screen, verdicts

_PARTNERS = [("A1", "Novi Sad", "SRB"), ("A2", "Nis", "SRB")]
_YEARS = {"A1": 2025, "A2": 2025}


@pytest.mark.parametrize("order", [1, -1])
def test_the_latest_of_two_matching_country_decisions_is_named(order: int) -> None:
    decisions = [
        decision("KS 2024-00003", "2024-02-01", country_iso3="SRB"),
        decision("KS 2025-00041", "2025-03-10", country_iso3="SRB"),
    ][::order]
    out = screen(_PARTNERS, _YEARS, decisions)
    assert verdicts(out) == [("exception", "KS 2025-00041"), ("exception", "KS 2025-00041")]
    assert out["basis"].iloc[0].endswith("; exception KS 2025-00041 (2025-03-10)")


@pytest.mark.parametrize("order", [1, -1])
def test_the_latest_of_two_matching_partner_decisions_is_named(order: int) -> None:
    decisions = [
        decision("KS 2023-00100", "2023-05-01", partner_name="Novi Sad"),
        decision("KS 2025-00007", "2025-01-20", partner_name="novi sad"),
    ][::order]
    out = screen(_PARTNERS, _YEARS, decisions)
    assert verdicts(out) == [("exception", "KS 2025-00007"), ("needs_exception", "-")]


def test_the_latest_is_chosen_among_those_valid_in_the_activity_year() -> None:
    """The later decision is not yet valid in 2024: the earlier one covers that year."""
    decisions = [
        decision("KS 2023-00100", "2023-05-01", country_iso3="SRB"),
        decision("KS 2025-00007", "2025-01-20", country_iso3="SRB"),
    ]
    out = screen(
        [("A1", "Novi Sad", "SRB"), ("A2", "Nis", "SRB")], {"A1": 2024, "A2": 2025}, decisions
    )
    assert verdicts(out) == [("exception", "KS 2023-00100"), ("exception", "KS 2025-00007")]


def test_decisions_of_one_day_are_ordered_by_their_id() -> None:
    decisions = [
        decision("KS 2025-00009", "2025-03-10", country_iso3="SRB"),
        decision("KS 2025-00008", "2025-03-10", country_iso3="SRB"),
    ]
    out = screen(_PARTNERS, _YEARS, decisions)
    assert set(out["decision_id"]) == {"KS 2025-00008"}
