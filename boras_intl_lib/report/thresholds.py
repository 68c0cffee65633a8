"""The precondition's thresholds in words, and how much the choice of threshold matters.

A threshold (``regime_row_owid >= 2``) is a political choice; the reader sees it as words —
"policyn kräver minst valdemokrati" — built here from the parameters' rule (indicator,
operator, threshold) and the labels, never by parsing the screening's basis strings. Codes and
raw values stay in the method appendix and the workbook.

:func:`sensitivity` recounts, from the countries' indicator values, how many of the year's
counted activities would need an exception at the next stricter and the next looser threshold
of each condition: one step on an integer scale (Regimes of the World 0–3), 0.1 on an index
of 0–1.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..aggregation import active
from ..i18n.formatting import fmt_number
from ..i18n.labels import LABELS, Lang, label
from ..vocabulary import CONDITIONS
from .data import ReportData

_OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}
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
class Sensitivity:
    """One condition: its rule, and the activities needing an exception at three thresholds."""

    condition: str
    indicator: str
    op: str
    threshold: float
    n_now: int
    stricter: float | None
    n_stricter: int | None
    looser: float | None
    n_looser: int | None


def _single_rules(data: ReportData) -> dict[str, tuple[str, str, float]]:
    """Conditions decided by one rule: condition → (indicator, op, threshold)."""
    out: dict[str, tuple[str, str, float]] = {}
    for cond, rule_set in data.settings.screening.conditions.items():
        if len(rule_set.rules) == 1:
            r = rule_set.rules[0]
            out[cond] = (r.indicator, r.op, float(r.threshold))
    return out


def _foreign(data: ReportData) -> pd.DataFrame:
    partners = data.partners
    return partners[partners["country_iso3"] != data.settings.screening.domestic_country]


def _n_activities_failing(data: ReportData, fails: pd.Series) -> int:
    """Counted activities with a foreign partner in a country where ``fails`` is True."""
    failing = set(fails.index[fails.to_numpy(dtype=bool)])
    foreign = _foreign(data)
    ids = foreign.loc[foreign["country_iso3"].isin(failing), "activity_id"]
    return int(active(data.scores)["activity_id"].isin(ids).sum())


def _step(indicator: str, values: pd.Series, threshold: float) -> float:
    whole = values.dropna()
    integer = float(threshold).is_integer() and bool((whole == whole.round()).all())
    return 1.0 if integer or indicator in REGIME_INDICATORS else 0.1


def sensitivity(data: ReportData) -> list[Sensitivity]:
    """Per single-rule condition: activities needing an exception now, stricter and looser.

    "Needing an exception" means having a foreign partner in a country that fails some
    condition (whether or not a decision covers it); countries without a value fail nothing.
    """
    countries = data.evaluation.countries.set_index("iso3")
    rules = _single_rules(data)
    values = {
        c: countries.get(f"{c}_value", pd.Series(np.nan, index=countries.index)) for c in rules
    }
    values = {c: pd.to_numeric(v, errors="coerce").astype(np.float64) for c, v in values.items()}

    def fails(cond: str, threshold: float) -> pd.Series:
        _, op, _ = rules[cond]
        v = values[cond]
        return v.notna() & ~_OPS[op](v, threshold)

    now = {c: fails(c, rules[c][2]) for c in rules}
    any_now = _any(now, countries.index)
    n_now = _n_activities_failing(data, any_now)
    out = []
    for cond in CONDITIONS:
        if cond not in rules:
            continue
        indicator, op, threshold = rules[cond]
        step = _step(indicator, values[cond], threshold)
        lo, hi = _bounds(indicator, values[cond])
        sign = 1 if op in (">=", ">") else -1
        alternatives: list[tuple[float | None, int | None]] = []
        for direction in (1, -1):  # stricter, then looser
            alt = round(threshold + sign * direction * step, 6)
            if lo - 1e-9 <= alt <= hi + 1e-9 and alt != threshold:
                changed = {**now, cond: fails(cond, alt)}
                alternatives.append(
                    (alt, _n_activities_failing(data, _any(changed, countries.index)))
                )
            else:
                alternatives.append((None, None))
        (s_t, s_n), (l_t, l_n) = alternatives
        out.append(Sensitivity(cond, indicator, op, threshold, n_now, s_t, s_n, l_t, l_n))
    return out


def _any(fails: dict[str, pd.Series], index: pd.Index) -> pd.Series:
    result = pd.Series(False, index=index)
    for f in fails.values():
        result |= f.reindex(index, fill_value=False)
    return result


def _bounds(indicator: str, values: pd.Series) -> tuple[float, float]:
    if indicator in REGIME_INDICATORS:
        return 0.0, 3.0
    return 0.0, 1.0 if values.dropna().between(0, 1).all() else math.inf


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
