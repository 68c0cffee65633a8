"""The precondition's thresholds in words, and how much the choice of threshold matters.

A threshold (``regime_row_owid >= 2``) is a political choice; the reader sees it as words —
"policyn kräver minst valdemokrati" — built here from the parameters' rule (indicator,
operator, threshold) and the labels, never by parsing the screening's basis strings. Codes and
raw values stay in the method appendix and the workbook.

:func:`sensitivity` tells how many of the year's counted activities would need an exception
at the next stricter and the next looser threshold of each rule. It has no screening of its
own: each alternative threshold is a what-if (``Settings.with_changes``, as
:mod:`~boras_intl_lib.what_if` uses) screened by the toolkit's one partner screening, so
``<=`` rules, conditions of several rules and countries without data count exactly as in the
report. The step is one step of the indicator's scale (:data:`SCALES`: one category of
Regimes of the World 0–3, 0.1 on an index of 0–1) and never leaves the scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..aggregation import active
from ..i18n.formatting import fmt_number
from ..i18n.labels import LABELS, Lang, label
from ..settings import Settings
from ..vocabulary import CONDITIONS
from .data import ReportData

#: Regimes of the World, 0 closed autocracy … 3 liberal democracy: OWID's coding (bundled) and
#: V-Dem's own variable (a V-Dem file) share the scale and its words.
REGIME_INDICATORS = frozenset({"regime_row_owid", "v2x_regime"})


def indicator_name(indicator: str, lang: Lang) -> str:
    """The indicator's name as a sentence uses it ("Regimes of the World"); else the
    indicator's label; else its code."""
    for key in (f"basis_indicator.{indicator}", f"indicator.{indicator}"):
        if key in LABELS:
            return label(key, lang)
    return indicator


def value_words(indicator: str, value: float, lang: Lang) -> str:
    """An indicator value in words: a regime category, or the number with two decimals."""
    if indicator in REGIME_INDICATORS and not math.isnan(value) and float(value).is_integer():
        key = f"regime.{int(value)}"
        if key in LABELS:
            return label(key, lang)
    return fmt_number(value, lang, 2)


def requirement_words(indicator: str, op: str, threshold: float, lang: Lang) -> str:
    """ "minst valdemokrati" / "at least 0.70"."""
    return f"{label(f'op.{op}', lang)} {value_words(indicator, threshold, lang)}"


def condition_sentence(
    country: str, indicator: str, value: float, data_year: Any, op: str, threshold: float,
    lang: Lang,
) -> str:  # fmt: skip
    """ "Kina: sluten autokrati enligt Regimes of the World 2025; policyn kräver minst
    valdemokrati"."""
    year = "" if pd.isna(data_year) else f" {int(data_year)}"
    return label(
        "basis.sentence",
        lang,
        country=country,
        value=value_words(indicator, value, lang),
        indicator=indicator_name(indicator, lang),
        year=year,
        requirement=requirement_words(indicator, op, threshold, lang),
    )


@dataclass(frozen=True)
class Scale:
    """An indicator's scale: its lowest and highest value and the step the sensitivity line
    moves a threshold by (one category on a categorical scale)."""

    low: float
    high: float
    step: float


#: Scales of the indicators the toolkit documents (docs/indicators.md). An indicator not
#: listed here is stepped by :func:`scale_of` within the values the data hold.
SCALES: dict[str, Scale] = {
    **{indicator: Scale(0.0, 3.0, 1.0) for indicator in REGIME_INDICATORS},
    **{
        indicator: Scale(0.0, 1.0, 0.1)
        for indicator in ("v2x_polyarchy", "v2x_libdem", "v2x_civlib", "v2x_rule")
    },
}


def scale_of(indicator: str, values: pd.Series) -> Scale | None:
    """The scale of ``indicator``: the documented one, else the range of ``values`` (the
    indicator's values in the data) stepped by 1 when they are whole numbers, else by 0.1;
    None when there are no values to tell."""
    if indicator in SCALES:
        return SCALES[indicator]
    known = pd.to_numeric(values, errors="coerce").dropna()
    if known.empty:
        return None
    whole = bool((known == known.round()).all())
    return Scale(float(known.min()), float(known.max()), 1.0 if whole else 0.1)


def step_threshold(op: str, threshold: float, scale: Scale, stricter: bool) -> float | None:
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


def needing_exception(data: ReportData, settings: Settings | None = None) -> int:
    """Counted activities of the report with a partner that needs an exception decision
    (whether or not one covers it), screened under ``settings`` (default: the report's).

    The partners are screened by the toolkit's one screening
    (:func:`~boras_intl_lib.screening.partners.screen_partners`, as ``evaluate`` and
    ``what_if`` do) against the report year's data, so every rule shape, operator and the
    ``missing_data`` setting count as they do in the report.
    """
    if settings is None:
        screened = data.partners
    else:
        from ..screening.partners import screen_partners

        register = data.register
        screened = screen_partners(
            register.partners.loc[data.partners.index],
            register.exceptions,
            register.activities,
            settings,
            data.evaluation.indicators,
            year=data.year,
        )
    ids = screened.loc[screened["verdict"].astype("string").isin(_NEEDING), "activity_id"]
    return int(active(data.scores)["activity_id"].isin(ids).sum())


def sensitivity(data: ReportData) -> list[Sensitivity]:
    """Per rule of each condition: activities needing an exception now, and with that rule's
    threshold one step stricter and one step looser (the other rules as they are).

    Each alternative is a what-if (:meth:`Settings.with_changes`) screened by the real
    screening: countries without data count as ``missing_data`` says (by default they need
    no exception, being "unknown"), and conditions of several rules combine as configured.
    """
    settings = data.settings
    n_now = needing_exception(data)
    indicators = data.evaluation.indicators
    out = []
    for cond in CONDITIONS:
        for no, rule in enumerate(settings.screening.conditions[cond].rules):
            threshold = float(rule.threshold)
            mine = indicators[
                (indicators["source"] == rule.source) & (indicators["indicator"] == rule.indicator)
            ]
            scale = scale_of(rule.indicator, mine["value"])
            alternatives: list[tuple[float | None, int | None]] = []
            for stricter in (True, False):
                alt = None if scale is None else step_threshold(rule.op, threshold, scale, stricter)
                if alt is None or alt == threshold:
                    alternatives.append((None, None))
                    continue
                key = f"screening.conditions.{cond}.rules.{no}.threshold"
                n = needing_exception(data, settings.with_changes({key: alt}))
                alternatives.append((alt, n))
            (s_t, s_n), (l_t, l_n) = alternatives
            out.append(
                Sensitivity(cond, no, rule.indicator, rule.op, threshold, n_now, s_t, s_n, l_t, l_n)
            )
    return out


def threshold_sentences(data: ReportData) -> tuple[str, list[str]]:
    """The count at today's thresholds, then each condition's requirement in words with its
    sensitivity line."""
    lang = data.lang
    out = []
    found = sensitivity(data)
    lead = label("threshold.now", lang, n=found[0].n_now) if found else ""
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
