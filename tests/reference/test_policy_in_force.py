"""The policy in force (issue 17): a year before the adoption year is a baseline — said at the
top, same measures, no "Åtgärd krävs" for an exception the policy did not yet require; the
adoption year and later are judged in full."""

from __future__ import annotations

from functools import cache

import pytest

from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register.load import load_example_register
from boras_intl_lib.report import display, findings, sections, tables
from boras_intl_lib.report.data import build
from boras_intl_lib.settings import default_parameters_path, load_settings


@cache
def _data(year: int):  # type: ignore[no-untyped-def]
    settings = load_settings(default_parameters_path(year))
    return build(load_example_register(settings), settings, year)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    out: list[str] = []
    monkeypatch.setattr(display, "_publish", lambda html, plain, metadata=None: out.append(html))
    return out


def test_a_year_before_adoption_is_a_baseline_without_required_action(shown) -> None:  # type: ignore[no-untyped-def]
    data = _data(2022)
    assert data.is_baseline and data.settings.policy is not None
    n = int(data.precondition.set_index("verdict").loc["needs_exception", "n_activities"])
    assert n > 0  # the bundled 2022 has a partner in a failing country (Serbia)
    found = findings.findings(data)
    texts = [f.text for f in found]
    assert label("finding.needs_exception", n=n) not in texts
    baseline = next(f for f in found if f.text == label("finding.needs_exception_baseline", n=n))
    assert baseline.severity == "info" and baseline.items
    sections.show_front(data)
    sections.show_precondition(data)
    page = "".join(shown)
    words = label("policy.baseline", year=2022, adopted="21 juni 2023")  # in long form
    assert page.index(display.escape(words)) < page.index('class="verdict"')
    assert display.escape(label("precondition.missing")) not in page
    assert display.escape(label("precondition.missing_baseline")) in page
    # the same measures: the missing-exception table is still there, with its rows
    assert len(tables.missing_exceptions(data)) > 0


@pytest.mark.parametrize("year", [2023, 2025])
def test_the_adoption_year_and_later_are_judged_in_full(year: int) -> None:
    data = _data(year)
    assert not data.is_baseline
    n = int(data.precondition.set_index("verdict").loc["needs_exception", "n_activities"])
    found = findings.findings(data)
    if n:
        action = next(f for f in found if f.text == label("finding.needs_exception", n=n))
        assert action.severity == "action"
    assert not any("Policyn gällde ännu inte" in f.text for f in found)


def test_a_baseline_year_requires_no_new_exception_decision() -> None:
    """2021: a decision ending 2021-12-31 while its activity goes on is to note, not action."""
    data = _data(2021)
    found = findings.findings(data)
    assert not any(f.severity == "action" and "KS 2021-00187" in " ".join(f.items) for f in found)
    assert any(f.severity == "note" and "KS 2021-00187" in " ".join(f.items) for f in found)
    # 2025 judges the same situation in full (KS 2023-00123 ends 2025-12-31)
    found = findings.findings(_data(2025))
    assert any(f.severity == "action" and "KS 2023-00123" in " ".join(f.items) for f in found)


def test_no_largest_and_smallest_share_from_too_few_activities() -> None:
    """Lokalförsörjningsförvaltningen 2025 has one activity: '100 % … 0 %' ranks nothing."""
    settings = load_settings(default_parameters_path(2025))
    data = build(
        load_example_register(settings), settings, 2025, "sv", "Lokalförsörjningsförvaltningen"
    )
    assert len(data.scores) < settings.trends.min_activities
    assert not any("Störst andel" in s for s in findings.assessment(data))
    assert any("Störst andel" in s for s in findings.assessment(_data(2025)))


@pytest.mark.parametrize(
    ("year", "key"), [(2022, "threshold.now_baseline"), (2025, "threshold.now")]
)
def test_the_threshold_lead_says_needed_only_when_the_policy_applies(year: int, key: str) -> None:
    """A baseline year's sensitivity line says a decision *would have been* needed, never that
    one is needed (the 2021 and 2022 reports said "den behöver undantagsbeslut")."""
    from boras_intl_lib.report import thresholds

    data = _data(year)
    lead, _ = thresholds.threshold_sentences(data)
    assert lead == label(key, n=thresholds.needing_exception(data))
