"""Screening rules checked against what the configured indicator files provide.

A rule that names a source or indicator no configured file provides (``fh_cl_ratings``,
``freedomhouse``) would make every partner "kan inte bedömas" and the report would blame
missing country data; a threshold outside the indicator's scale (80 on Freedom House's 0–16)
would pass or fail everyone. Both are settings mistakes, so they stop the run with one line
(exit 2) that lists what the files provide and suggests the closest name ("menade du …?").

The check runs where the rules meet the data: :func:`~.loaders.load_indicators`, which every
command that screens calls once per settings (``score``, ``report``, the what-if, ``indicators
show``). ``indicators list`` reads the files itself and marks such rules instead of stopping.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

import pandas as pd

from ..errors import IndicatorSettingsError
from ..i18n.labels import Lang, label
from ..scales import scale_of
from ..settings import CONDITIONS, Rule, Screening


def provided(indicators: pd.DataFrame) -> dict[str, list[str]]:
    """Source → the indicators it provides, both sorted."""
    pairs = indicators[["source", "indicator"]].dropna().drop_duplicates()
    out: dict[str, list[str]] = {}
    for source, indicator in sorted(pairs.itertuples(index=False, name=None)):
        out.setdefault(str(source), []).append(str(indicator))
    return out


def rule_problems(screening: Screening, have: Mapping[str, list[str]], lang: Lang) -> list[str]:
    """One sentence per rule that the data cannot answer or whose threshold is off the scale."""
    problems: list[str] = []
    for condition in CONDITIONS:
        name = label(f"condition.{condition}", lang).lower()
        for rule in screening.conditions[condition].rules:
            if rule.indicator not in have.get(rule.source, []):
                problems.append(_unknown(rule, name, have, lang))
            scale = scale_of(rule.indicator)
            if scale is not None and not scale.holds(rule.threshold):
                problems.append(
                    label(
                        "rules.off_scale",
                        lang,
                        condition=name,
                        indicator=rule.indicator,
                        source=rule.source,
                        threshold=_number(rule.threshold, lang),
                        scale=scale.describe(lang),
                    )
                )
    return problems


def check_rules(screening: Screening, indicators: pd.DataFrame) -> None:
    """Raise :class:`IndicatorSettingsError` when a rule cannot be answered by ``indicators``
    (the configured files' values) or has a threshold off its indicator's scale."""
    have = provided(indicators)
    if rule_problems(screening, have, "en"):
        raise IndicatorSettingsError(*(_message(screening, have, lang) for lang in ("en", "sv")))


def _message(screening: Screening, have: Mapping[str, list[str]], lang: Lang) -> str:
    """All problems in one line, then once what the configured files provide."""
    text = label("rules.error", lang, problems="; ".join(rule_problems(screening, have, lang)))
    listing = "; ".join(f"{s}: {', '.join(names)}" for s, names in have.items())
    return f"{text} {label('rules.provided', lang, listing=listing or '–')}"


def _unknown(rule: Rule, condition: str, have: Mapping[str, list[str]], lang: Lang) -> str:
    text = label(
        "rules.unknown", lang, condition=condition, indicator=rule.indicator, source=rule.source
    )
    guess = _suggestion(rule, have)
    return text + (label("rules.did_you_mean", lang, guess=guess) if guess else "")


def _suggestion(rule: Rule, have: Mapping[str, list[str]]) -> str | None:
    """The closest source (when the source is unknown) or indicator a person would accept."""
    if rule.source not in have:
        by_indicator = [s for s, names in have.items() if rule.indicator in names]
        if by_indicator:
            return f"source: {by_indicator[0]}"
        found = _closest(rule.source, list(have))
        return f"source: {found}" if found else None
    found = _closest(rule.indicator, have[rule.source])
    if found:
        return f"indicator: {found}"
    elsewhere = [s for s, names in have.items() if rule.indicator in names]
    return f"source: {elsewhere[0]}" if elsewhere else None


def _closest(word: str, choices: list[str]) -> str | None:
    """The choice most like ``word`` (ignoring case, ``_``, ``-`` and spaces), if close."""

    def key(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    keyed = {key(c): c for c in choices}
    found = difflib.get_close_matches(key(word), list(keyed), n=1, cutoff=0.75)
    return keyed[found[0]] if found else None


def _number(value: float, lang: Lang) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "sv" else text
