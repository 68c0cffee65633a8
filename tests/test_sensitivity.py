"""The report's sensitivity line ("with a stricter threshold, N activities would need an
exception") is a what-if run by the one screening: every rule shape, ``<=`` rules, conditions
of several rules and countries without data count as in the report (issue 21 item 1).

Each count is checked a second way: by hand from the screened countries' values (single-rule
conditions), or through :func:`what_if` (several rules).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from boras_intl_lib.aggregation import active, for_year
from boras_intl_lib.register import example_register_path, load_register
from boras_intl_lib.report import thresholds
from boras_intl_lib.report.data import build
from boras_intl_lib.scenarios import what_if
from boras_intl_lib.settings import load_settings
from boras_intl_lib.vocabulary import CONDITIONS
from tests.register_helpers import activity, partner, write_workbook

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(ROOT / "parameters" / "2025.yaml")
YEAR = 2025
_PASSES = {
    ">=": np.greater_equal,
    ">": np.greater,
    "<=": np.less_equal,
    "<": np.less,
}


@pytest.fixture(scope="module")
def example():
    return load_register(example_register_path(), SETTINGS)


def _key(cond: str, no: int = 0, field: str = "threshold") -> str:
    return f"screening.conditions.{cond}.rules.{no}.{field}"


def _by_hand(data, cond: str, op: str, threshold: float) -> int:
    """Counted activities with a foreign partner in a country that fails some condition when
    ``cond``'s single rule is ``op threshold``: from the screened countries' values, with
    ``missing_data`` applied as the settings say."""
    countries = data.evaluation.countries.set_index("iso3")
    value = countries[f"{cond}_value"].to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        fails_this = np.where(
            np.isnan(value),
            data.settings.screening.missing_data == "fail",
            ~_PASSES[op](value, threshold),
        )
    others = [c for c in CONDITIONS if c != cond]
    fails_other = (countries[others] == "fail").any(axis=1).to_numpy()
    failing = set(countries.index[fails_this | fails_other])
    domestic = data.settings.screening.domestic_country
    foreign = data.partners[data.partners["country_iso3"] != domestic]
    ids = set(foreign.loc[foreign["country_iso3"].isin(failing), "activity_id"])
    return int(active(data.scores)["activity_id"].isin(ids).sum())


def _through_what_if(register, data, change: dict) -> int:
    """The second way: counted activities with a partner needing an exception decision
    after ``what_if`` (the whole evaluation) with ``change``."""
    result = what_if(register, data.settings, change, YEAR, data.evaluation.indicators)
    after = result.after.partners
    needing = after["verdict"].astype("string").isin(["exception", "needs_exception"])
    ids = set(after.loc[needing.to_numpy(), "activity_id"])
    return int(active(data.scores)["activity_id"].isin(ids).sum())


def _check_single_rule_counts(data) -> list[thresholds.Sensitivity]:
    found = thresholds.sensitivity(data)
    for s in found:
        assert s.n_now == _by_hand(data, s.condition, s.op, s.threshold)
        for alt, n in ((s.stricter, s.n_stricter), (s.looser, s.n_looser)):
            if alt is not None:
                assert n == _by_hand(data, s.condition, s.op, alt), (s.condition, alt)
    return found


def test_each_index_moves_one_step_of_its_scale(example) -> None:
    data = build(example, SETTINGS, YEAR)
    found = {s.condition: s for s in _check_single_rule_counts(data)}
    steps = {c: (s.threshold, s.stricter, s.looser) for c, s in found.items()}
    assert steps == {
        "democracy": (2.0, 3.0, 1.0),
        "human_rights": (0.7, 0.8, 0.6),
        "rule_of_law": (0.5, 0.6, 0.4),
    }
    hr = found["human_rights"]
    assert hr.n_stricter > hr.n_now >= hr.n_looser  # the example is sensitive to this step


def test_a_step_never_leaves_the_scale(example) -> None:
    settings = SETTINGS.with_changes(
        {
            _key("democracy"): 3,
            _key("human_rights"): 0.95,
            _key("rule_of_law"): 0.0,
        }
    )
    data = build(example, settings, YEAR)
    found = {s.condition: s for s in _check_single_rule_counts(data)}
    assert (found["democracy"].stricter, found["democracy"].looser) == (None, 2.0)
    assert (found["human_rights"].stricter, found["human_rights"].looser) == (None, 0.85)
    assert (found["rule_of_law"].stricter, found["rule_of_law"].looser) == (0.1, None)


def test_an_at_most_rule_is_stricter_downwards(example) -> None:
    """For ``<=`` a stricter requirement is a lower threshold: the sign follows the operator."""
    settings = SETTINGS.with_changes({_key("democracy", field="op"): "<=", _key("democracy"): 1})
    data = build(example, settings, YEAR)
    found = {s.condition: s for s in _check_single_rule_counts(data)}
    democracy = found["democracy"]
    assert (democracy.op, democracy.stricter, democracy.looser) == ("<=", 0.0, 2.0)
    for alt, n in (
        (democracy.stricter, democracy.n_stricter),
        (democracy.looser, democracy.n_looser),
    ):
        assert n == _through_what_if(example, data, {_key("democracy"): alt})
    assert democracy.n_stricter >= democracy.n_now >= democracy.n_looser
    assert democracy.n_stricter > democracy.n_looser


def _two_countries(tmp_path: Path):
    """A1: a partner in China (fails democracy), A2: a partner in Andorra (no V-Dem data)."""
    path = tmp_path / "register.xlsx"
    activities = [activity("A1", year=str(YEAR)), activity("A2", year=str(YEAR))]
    partners = [
        partner("A1", partner_name="Beijing Textile", country="Kina"),
        partner("A2", partner_name="Andorra Vella", country="Andorra"),
    ]
    write_workbook(path, {"activities": activities, "partners": partners})
    return path


@pytest.mark.parametrize("missing", ["unknown", "fail"])
def test_countries_without_data_count_as_missing_data_says(tmp_path: Path, missing: str) -> None:
    settings = SETTINGS.with_changes({"screening.missing_data": missing})
    register = load_register(_two_countries(tmp_path), settings)
    data = build(register, settings, YEAR)
    assert data.evaluation.countries.set_index("iso3").loc["AND", "democracy"] == (
        "unknown" if missing == "unknown" else "fail"
    )
    found = _check_single_rule_counts(data)
    # China fails every condition at every step; Andorra counts only when missing data fails
    expected = 1 if missing == "unknown" else 2
    for s in found:
        assert {s.n_now, s.n_stricter, s.n_looser} - {None} == {expected}


def test_every_rule_of_a_condition_of_several_rules_gets_its_line(example) -> None:
    """Two democracy rules combined with ``any``: each rule is stepped on its own, and each
    count equals what ``what_if`` finds for that change."""
    settings = SETTINGS.with_changes(
        {
            "screening.conditions.democracy": {
                "combine": "any",
                "rules": [
                    {"source": "vdem", "indicator": "regime_row_owid", "threshold": 3},
                    {"source": "vdem", "indicator": "v2x_polyarchy", "threshold": 0.6},
                ],
            }
        }
    )
    data = build(example, settings, YEAR)
    found = [s for s in thresholds.sensitivity(data) if s.condition == "democracy"]
    assert [(s.rule_no, s.indicator, s.stricter, s.looser) for s in found] == [
        (0, "regime_row_owid", None, 2.0),
        (1, "v2x_polyarchy", 0.7, 0.5),
    ]
    for s in found:
        for alt, n in ((s.stricter, s.n_stricter), (s.looser, s.n_looser)):
            if alt is not None:
                change = {_key("democracy", s.rule_no): alt}
                assert n == _through_what_if(example, data, change), (s.rule_no, alt)
    _, lines = thresholds.threshold_sentences(data)
    assert len(lines) == len(thresholds.sensitivity(data)) == 4
    assert "Regimes of the World" in lines[0] and "minst 0,60" in lines[1]


def test_today_count_is_the_report_screening(example) -> None:
    """The count at today's thresholds is read from the report's screened partners."""
    data = build(example, SETTINGS, YEAR)
    scores = for_year(data.all_scores, YEAR)
    needing = (
        data.evaluation.partners["verdict"].astype("string").isin(["exception", "needs_exception"])
    )
    ids = set(data.evaluation.partners.loc[needing.to_numpy(), "activity_id"])
    assert thresholds.needing_exception(data) == int(active(scores)["activity_id"].isin(ids).sum())
    assert {s.n_now for s in thresholds.sensitivity(data)} == {thresholds.needing_exception(data)}


def test_unknown_indicator_steps_within_its_data() -> None:
    values = pd.Series([0, 4, 16, 9], dtype="float64")
    scale = thresholds.scale_of("fh_cl_sub", values)
    assert scale == thresholds.Step(0.0, 16.0, 1.0)
    assert thresholds.step_threshold(">=", 16, scale, stricter=True) is None
    assert thresholds.step_threshold("<", 0, scale, stricter=True) is None
    assert thresholds.step_threshold("<", 0, scale, stricter=False) == 1.0
    assert thresholds.scale_of("nothing", pd.Series([], dtype="float64")) is None


def test_categorical_values_and_steps_come_from_the_one_table_of_scales() -> None:
    """Freedom House's status is shown in words ("delvis fri", not "1,00") and stepped by one
    category within 0–2; a 0–16 score by one point; a 0–1 index by a tenth (issue 19)."""
    from boras_intl_lib.i18n.labels import label
    from boras_intl_lib.indicators.words import requirement_words, value_words

    assert value_words("fh_status", 1.0, "sv") == label("scale.fh_status.PF", "sv")
    assert value_words("fh_status", 2.0, "en") == label("scale.fh_status.F", "en")
    assert label("op.>=", "sv") in requirement_words("fh_status", ">=", 1.0, "sv")
    assert "1,00" not in requirement_words("fh_status", ">=", 1.0, "sv")
    empty = pd.Series([], dtype="float64")
    assert thresholds.scale_of("fh_status", empty) == thresholds.Step(0.0, 2.0, 1.0)
    assert thresholds.scale_of("fh_f", empty) == thresholds.Step(0.0, 16.0, 1.0)
    assert thresholds.scale_of("v2x_rule", empty) == thresholds.Step(0.0, 1.0, 0.1)
    status = thresholds.scale_of("fh_status", empty)
    assert status is not None
    assert thresholds.step_threshold(">=", 2.0, status, stricter=True) is None  # off the scale
