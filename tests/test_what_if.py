"""The analysts' what-if: a changed, validated copy of the settings and what changes with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from boras_intl_lib.errors import ParametersError
from boras_intl_lib.register import load_example_register
from boras_intl_lib.scenarios import counts, what_if, what_if_chart
from boras_intl_lib.settings import load_settings

PARAMS = Path(__file__).resolve().parents[1] / "parameters" / "2025.yaml"


@pytest.fixture(scope="module")
def settings():
    return load_settings(PARAMS)


@pytest.fixture(scope="module")
def register(settings):
    return load_example_register(settings)


def test_no_change_changes_nothing(register, settings) -> None:
    result = what_if(register, settings, {}, 2025)
    assert result.levels.empty and result.preconditions.empty and result.partners.empty
    assert (result.areas["change"].fillna(0) == 0).all()


def test_stricter_democracy_threshold_turns_partners_to_needing_exceptions(register, settings):
    rule = settings.screening.conditions["democracy"].rules[0]
    assert rule.op == ">="
    stricter = {"screening.conditions.democracy.rules.0.threshold": rule.threshold + 1}
    result = what_if(register, settings, stricter, 2025)
    assert len(result.partners) > 0
    # a stricter threshold can only move partners from met towards needing an exception
    assert set(result.partners["before"]) <= {"met", "exception", "unknown"}
    assert set(result.partners["after"]) <= {"needs_exception", "exception", "unknown"}
    changed = counts(result)
    assert changed["partners_changed"] == len(result.partners)
    assert changed["preconditions_changed"] == len(result.preconditions) > 0


def test_higher_clear_level_lowers_shares_but_not_levels(register, settings):
    level = settings.scoring.clear_level
    result = what_if(register, settings, {"scoring.clear_level": level + 1}, 2025)
    assert result.levels.empty  # the levels do not depend on clear_level …
    assert (result.areas["after"] <= result.areas["before"]).all()  # … the shares do
    assert (result.areas["change"] < 0).any()


def test_invalid_what_if_is_refused(register, settings):
    with pytest.raises(ParametersError):
        what_if(register, settings, {"scoring.clear_level": 7}, 2025)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_chart_has_a_text_alternative_with_every_area(register, settings, lang):
    result = what_if(register, settings, {"scoring.clear_level": 3}, 2025)
    fig, alt = what_if_chart(result, lang)
    assert len(fig.axes[0].patches) == 14  # seven areas, before and after
    assert alt.count("%") == 14
    assert ("före" in alt) == (lang == "sv")
