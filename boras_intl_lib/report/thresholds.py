"""The precondition's thresholds in words, and how much the choice of threshold matters.

A threshold (``regime_row_owid >= 2``) is a political choice; the reader sees it as words
("policyn kräver minst valdemokrati", from ``indicators.words``). Codes and raw values stay in
the method appendix and the workbook.

:func:`sensitivity` tells how many of the year's counted activities would need an exception
at the next stricter and the next looser threshold of each rule. It has no screening of its
own: every alternative threshold is screened by the screening's own rule evaluation and
combination (all alternatives in one pass), so ``<=`` rules, conditions of several rules and
countries without data count exactly as in the report; a test holds each count equal to
:func:`~boras_intl_lib.scenarios.what_if` with that one change. The step is one step of the
indicator's scale (the one table of scales, ``scales.py``: one category of Regimes of
the World 0–3, a point of Freedom House's 0–16, 0.1 on an index of 0–1) and never leaves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..aggregation import active
from ..i18n.labels import label
from ..indicators.words import indicator_name, requirement_words
from ..scales import scale_of as indicator_scale
from ..vocabulary import CONDITIONS
from .data import ReportData


@dataclass(frozen=True)
class Step:
    """An indicator's range and the step the sensitivity line moves a threshold by."""

    low: float
    high: float
    step: float


def scale_of(indicator: str, values: pd.Series) -> Step | None:
    """The range and step of ``indicator``: its documented scale (``scales.py``, the
    one table of scales) stepped by one category, by 1 on a scale of whole points and by a
    tenth of a scale of 0–1; for an indicator of the user's own, the range of ``values`` (its
    values in the data) stepped by 1 when they are whole numbers, else by 0.1; None when
    there are no values to tell."""
    known = indicator_scale(indicator)
    if known is not None:
        span = known.high - known.low
        step = 1.0 if known.categories or span > 3 else round(span / 10, 6)
        return Step(known.low, known.high, step)
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if numbers.empty:
        return None
    whole = bool((numbers == numbers.round()).all())
    return Step(float(numbers.min()), float(numbers.max()), 1.0 if whole else 0.1)


def step_threshold(op: str, threshold: float, scale: Step, stricter: bool) -> float | None:
    """The threshold one step stricter (or looser): up for ``>=``/``>`` rules, down for
    ``<=``/``<`` rules; None when that step leaves the scale."""
    up = op in (">=", ">")
    sign = 1 if up == stricter else -1
    alt = round(threshold + sign * scale.step, 6)
    if not scale.low - 1e-9 <= alt <= scale.high + 1e-9:
        return None
    return alt


@dataclass(frozen=True)
class Sensitivity:
    """One rule of one condition, and the activities needing an exception at three
    thresholds: today's, one step stricter and one step looser (that rule alone changed)."""

    condition: str
    rule_no: int
    indicator: str
    op: str
    threshold: float
    n_now: int
    stricter: float | None
    n_stricter: int | None
    looser: float | None
    n_looser: int | None


_NEEDING = ("exception", "needs_exception")


def needing_exception(data: ReportData) -> int:
    """Counted activities of the report with a partner that needs an exception decision
    (whether or not one covers it): a foreign partner in a country that fails a condition."""
    screened = data.partners
    ids = screened.loc[screened["verdict"].astype("string").isin(_NEEDING), "activity_id"]
    return _n_counted(data, ids)


def _n_counted(data: ReportData, ids: pd.Series) -> int:
    return int(active(data.scores)["activity_id"].isin(ids).sum())


@dataclass(frozen=True)
class _Alternative:
    """One rule of one condition at another threshold: ``rule_no`` replaced by the extra
    rule ``extra_no`` appended to the condition for the screening."""

    condition: str
    rule_no: int
    extra_no: int
    threshold: float


def sensitivity(data: ReportData) -> list[Sensitivity]:
    """Per rule of each condition: activities needing an exception now, and with that rule's
    threshold one step stricter and one step looser (the other rules as they are).

    Every alternative is screened by the screening's own rule evaluation and combination
    (:func:`~boras_intl_lib.screening.rules.evaluate_rules`,
    :func:`~boras_intl_lib.screening.rules.combine_rules`), all in one pass: countries without
    data count as ``missing_data`` says (by default they need no exception, being "unknown"),
    ``<=`` rules compare as written and conditions of several rules combine as configured. A
    country fails when the changed condition or any other condition (as the report screened
    it) fails — the screening's own rule — and an activity needs an exception when it has a
    foreign partner in such a country.
    """
    screening = data.settings.screening
    indicators = data.evaluation.indicators
    alternatives: list[_Alternative] = []
    extra: dict[str, list[Any]] = {c: [] for c in CONDITIONS}
    steps: dict[tuple[str, int], tuple[float | None, float | None]] = {}
    for cond in CONDITIONS:
        rules = screening.conditions[cond].rules
        for no, rule in enumerate(rules):
            mine = indicators[
                (indicators["source"] == rule.source) & (indicators["indicator"] == rule.indicator)
            ]
            scale = scale_of(rule.indicator, mine["value"])
            pair = tuple(
                None if scale is None else step_threshold(rule.op, rule.threshold, scale, strict)
                for strict in (True, False)
            )
            steps[(cond, no)] = pair  # type: ignore[assignment]  # two items
            for alt in pair:
                if alt is not None:
                    extra_no = len(rules) + len(extra[cond])
                    extra[cond].append(rule.model_copy(update={"threshold": alt}))
                    alternatives.append(_Alternative(cond, no, extra_no, alt))
    counts = _alternative_counts(data, alternatives, extra)
    n_now = needing_exception(data)
    out = []
    for cond in CONDITIONS:
        for no, rule in enumerate(screening.conditions[cond].rules):
            stricter, looser = steps[(cond, no)]
            out.append(
                Sensitivity(
                    cond,
                    no,
                    rule.indicator,
                    rule.op,
                    float(rule.threshold),
                    n_now,
                    stricter,
                    None if stricter is None else counts[(cond, no, stricter)],
                    looser,
                    None if looser is None else counts[(cond, no, looser)],
                )
            )
    return out


def _alternative_counts(
    data: ReportData, alternatives: list[_Alternative], extra: dict[str, list[Any]]
) -> dict[tuple[str, int, float], int]:
    """(condition, rule_no, threshold) → counted activities needing an exception."""
    from ..screening.rules import combine_rules, evaluate_rules

    if not alternatives:
        return {}
    screening = data.settings.screening
    domestic = screening.domestic_country
    partners = data.partners[
        data.partners["country_iso3"].notna()
        & (data.partners["country_iso3"].astype("string") != domestic)
    ]
    iso3s = partners["country_iso3"].astype("string").unique().tolist()
    conditions = {
        c: screening.conditions[c].model_copy(
            update={"rules": [*screening.conditions[c].rules, *extra[c]]}
        )
        for c in CONDITIONS
    }
    extended = screening.model_copy(update={"conditions": conditions})
    grid = evaluate_rules(iso3s, data.evaluation.indicators, extended, [data.year])
    condition = grid["condition"].to_numpy(dtype=object)
    rule_no = grid["rule_no"].to_numpy()
    rows, names, numbers = [], [], []
    for i, alt in enumerate(alternatives):
        n_rules = len(screening.conditions[alt.condition].rules)  # type: ignore[index]
        mine = condition == alt.condition
        kept = np.flatnonzero(mine & (rule_no < n_rules) & (rule_no != alt.rule_no))
        changed = np.flatnonzero(mine & (rule_no == alt.extra_no))
        rows.append(np.concatenate([kept, changed]))
        names.append(np.full(len(kept) + len(changed), str(i), dtype=object))
        numbers.append(np.concatenate([rule_no[kept], np.full(len(changed), alt.rule_no)]))
    frame = grid.iloc[np.concatenate(rows)].reset_index(drop=True)
    frame["condition"] = np.concatenate(names)
    frame["rule_no"] = np.concatenate(numbers)
    combined = combine_rules(frame)
    failed = combined.loc[(combined["result"] == "fail").to_numpy(), ["condition", "iso3"]]
    fails_alt = failed.groupby("condition")["iso3"].agg(set).to_dict()
    now = data.evaluation.countries.set_index("iso3")
    out = {}
    for i, alt in enumerate(alternatives):
        others = [c for c in CONDITIONS if c != alt.condition]
        failing = set(now.index[(now[others] == "fail").any(axis=1).to_numpy()])
        failing |= fails_alt.get(str(i), set())
        ids = partners.loc[partners["country_iso3"].isin(failing), "activity_id"]
        out[(alt.condition, alt.rule_no, alt.threshold)] = _n_counted(data, ids)
    return out


def threshold_sentences(data: ReportData) -> tuple[str, list[str]]:
    """The count at today's thresholds, then each condition's requirement in words with its
    sensitivity line."""
    lang = data.lang
    out = []
    found = sensitivity(data)
    # a baseline year: the policy did not yet require a decision, so none is "needed"
    now = "threshold.now_baseline" if data.is_baseline else "threshold.now"
    lead = label(now, lang, n=found[0].n_now) if found else ""
    for s in found:
        text = label(
            "threshold.rule",
            lang,
            condition=label(f"condition.{s.condition}", lang),
            indicator=indicator_name(s.indicator, lang),
            requirement=requirement_words(s.indicator, s.op, s.threshold, lang),
        )
        parts = []
        if s.stricter is not None:
            parts.append(
                label(
                    "threshold.at",
                    lang,
                    requirement=requirement_words(s.indicator, s.op, s.stricter, lang),
                    n=s.n_stricter,
                )
            )
        if s.looser is not None:
            parts.append(
                label(
                    "threshold.at",
                    lang,
                    requirement=requirement_words(s.indicator, s.op, s.looser, lang),
                    n=s.n_looser,
                )
            )
        if parts:
            text += " " + label("threshold.sensitivity", lang, alternatives="; ".join(parts))
        out.append(text)
    return lead, out
