"""The seven areas' rules: for each, how its level follows from the facts and how that level is
explained to a reader, side by side.

Each rule mirrors one table of ``docs/methodology.md``. ``level`` works on whole arrays of
:class:`~.facts.Facts`; ``evidence`` picks, from a score table, the integer keys the
explanation depends on; ``explain`` writes the Swedish and English text for one combination
of those keys (it runs once per distinct combination, not per activity).
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import pandas as pd

from ..i18n.labels import label
from ..settings import Settings
from ..vocabulary import AREAS, AreaKey
from .facts import Facts, flags, integers, numbers

OUTCOME_KNOWLEDGE, OUTCOME_DECIDED, OUTCOME_IMPLEMENTED = 1, 2, 3

Text = tuple[str, str]  # (Swedish, English)


class AreaRule:
    """One contribution area: its level rule and its explanation."""

    area: ClassVar[AreaKey]

    def level(self, facts: Facts, settings: Settings) -> np.ndarray:
        """The level 0–3 of every activity (before cancelled activities are zeroed)."""
        raise NotImplementedError

    def evidence(self, scores: pd.DataFrame, settings: Settings) -> list[np.ndarray]:
        """Integer keys, one array each, that the explanation of a level depends on."""
        raise NotImplementedError

    def explain(self, settings: Settings, level: int, *evidence: int) -> Text:
        """The explanation of one level with one combination of evidence keys."""
        raise NotImplementedError


class OperationalDevelopment(AreaRule):
    area = "operational_development"

    def level(self, facts: Facts, settings: Settings) -> np.ndarray:
        # Outcome level 1–3; implemented change (3) counts only when evaluated, else 2.
        capped = (facts.outcome_level == OUTCOME_IMPLEMENTED) & ~facts.evaluated
        return np.where(capped, OUTCOME_DECIDED, facts.outcome_level)

    def evidence(self, scores: pd.DataFrame, settings: Settings) -> list[np.ndarray]:
        return [integers(scores, "outcome_level"), flags(scores, "evaluated").astype(np.int64)]

    def explain(self, settings: Settings, level: int, *evidence: int) -> Text:
        outcome, evaluated = evidence
        if outcome == OUTCOME_IMPLEMENTED:
            key = "why.outcome.3_evaluated" if evaluated else "why.outcome.3_not_evaluated"
            return _join(level, _both(key))
        return _join(level, _both(f"why.outcome.{outcome}"))


class ProjectCollaboration(AreaRule):
    area = "project_collaboration"

    def level(self, facts: Facts, settings: Settings) -> np.ndarray:
        # 0 too few parties; 1 enough parties; 2 external funding; 3 strong external share.
        enough = facts.n_partners >= settings.scoring.min_partners
        share = np.nan_to_num(facts.external_share, nan=0.0)
        funded = facts.has_external_funding
        strong = funded & (share >= settings.scoring.strong_external_share)
        return np.select([~enough, strong, funded], [0, 3, 2], default=1).astype(np.int64)

    def evidence(self, scores: pd.DataFrame, settings: Settings) -> list[np.ndarray]:
        return [
            integers(scores, "n_partners"),
            flags(scores, "has_external_funding").astype(np.int64),
            _percent(numbers(scores, "external_share")),
        ]

    def explain(self, settings: Settings, level: int, *evidence: int) -> Text:
        n, external, pct = evidence
        partners = _count("why.partners", n)
        if level == 0:
            return _join(
                level, partners, _both("why.partners_needed", min=settings.scoring.min_partners)
            )
        if not external:
            return _join(level, partners, _both("why.no_external"))
        if pct < 0:
            return _join(level, partners, _both("why.external_no_budget"))
        return _join(level, partners, _both("why.external_share", pct=pct))


class KnowledgeExchange(AreaRule):
    area = "knowledge_exchange"

    def level(self, facts: Facts, settings: Settings) -> np.ndarray:
        # 1 an exchange took place; 2 documented or spread; 3 documented and spread.
        documented, shared = facts.knowledge_documented, facts.knowledge_shared
        return np.select(
            [~facts.exchange_took_place, documented & shared, documented | shared],
            [0, 3, 2],
            default=1,
        ).astype(np.int64)

    def evidence(self, scores: pd.DataFrame, settings: Settings) -> list[np.ndarray]:
        names = ("exchange_took_place", "knowledge_documented", "knowledge_shared")
        return [flags(scores, name).astype(np.int64) for name in names]

    def explain(self, settings: Settings, level: int, *evidence: int) -> Text:
        exchange, documented, shared = evidence
        if not exchange:
            return _join(level, _both("why.exchange.none"))
        return _join(level, _both(f"why.exchange.{documented}{shared}"))


class Profiling(AreaRule):
    area = "profiling"

    def level(self, facts: Facts, settings: Settings) -> np.ndarray:
        # The number of profiling targets against the parameters' three thresholds.
        n = facts.n_profiling_targets
        level = np.zeros(len(n), dtype=np.int64)
        for threshold in settings.scoring.profiling_targets_for_level:
            level += n >= threshold
        return level

    def evidence(self, scores: pd.DataFrame, settings: Settings) -> list[np.ndarray]:
        return [integers(scores, "n_profiling_targets")]

    def explain(self, settings: Settings, level: int, *evidence: int) -> Text:
        return _join(level, _count("why.targets", evidence[0]))


class SocietalImpact(AreaRule):
    area = "societal_impact"

    def level(self, facts: Facts, settings: Settings) -> np.ndarray:
        # Breadth across the three sustainability dimensions; many UN goals add one step.
        dims, sdgs = facts.n_sustainability_dimensions, facts.n_sdgs
        many = sdgs >= settings.scoring.sdgs_for_strong
        return np.select(
            [
                (dims >= 3) | ((dims >= 2) & many),
                (dims >= 2) | ((dims >= 1) & many),
                (dims >= 1) | (sdgs >= 1),
            ],
            [3, 2, 1],
            default=0,
        ).astype(np.int64)

    def evidence(self, scores: pd.DataFrame, settings: Settings) -> list[np.ndarray]:
        return [integers(scores, "n_sustainability_dimensions"), integers(scores, "n_sdgs")]

    def explain(self, settings: Settings, level: int, *evidence: int) -> Text:
        dims, sdgs = evidence
        return _join(level, _count("why.dimensions", dims), _count("why.sdgs", sdgs))


class DemocraticValues(AreaRule):
    area = "democratic_values"

    def level(self, facts: Facts, settings: Settings) -> np.ndarray:
        # The recorded democracy level, as it is.
        return facts.democracy_level

    def evidence(self, scores: pd.DataFrame, settings: Settings) -> list[np.ndarray]:
        return [integers(scores, "democracy_level")]

    def explain(self, settings: Settings, level: int, *evidence: int) -> Text:
        return _join(level, _both(f"why.democracy.{evidence[0]}"))


class TwinCities(AreaRule):
    area = "twin_cities"

    def level(self, facts: Facts, settings: Settings) -> np.ndarray:
        # 0 without a twin-city partner; else 1, or 2/3 for decided/implemented change.
        return np.where(facts.is_twin_city, np.maximum(facts.outcome_level, 1), 0)

    def evidence(self, scores: pd.DataFrame, settings: Settings) -> list[np.ndarray]:
        lookup = {t.city: i for i, t in enumerate(settings.twin_cities)}
        twin = scores["twin_city"].astype(object).map(lookup).to_numpy(dtype=np.float64)
        return [np.nan_to_num(twin, nan=-1).astype(np.int64), integers(scores, "outcome_level")]

    def explain(self, settings: Settings, level: int, *evidence: int) -> Text:
        twin_index, outcome = evidence
        if level == 0 or twin_index < 0:
            return _join(level, _both("why.twin.none"))
        city = _both("why.twin.city", city=settings.twin_cities[twin_index].city)
        return _join(level, city, _both(f"why.outcome.{outcome}"))


#: One rule per area, in the policy's order.
RULES: tuple[AreaRule, ...] = (
    OperationalDevelopment(),
    ProjectCollaboration(),
    KnowledgeExchange(),
    Profiling(),
    SocietalImpact(),
    DemocraticValues(),
    TwinCities(),
)
assert tuple(rule.area for rule in RULES) == AREAS  # one rule per area, in order


# --- wording ---------------------------------------------------------------------------------


def _both(key: str, **values: object) -> Text:
    return label(key, "sv", **values), label(key, "en", **values)


def _count(base: str, n: int) -> Text:
    """``base`` with ``_zero``/``_one`` variants for 0 and 1, ``{n}`` otherwise."""
    suffix = "_zero" if n == 0 else "_one" if n == 1 else ""
    return _both(f"{base}{suffix}", n=n)


def _join(level: int, *parts: Text) -> Text:
    sv = ", ".join(p[0] for p in parts)
    en = ", ".join(p[1] for p in parts)
    return f"{level}: {sv}", f"{level}: {en}"


def cancelled_text() -> Text:
    """The explanation of every area of a cancelled activity."""
    return _join(0, _both("why.cancelled"))


def _percent(share: np.ndarray) -> np.ndarray:
    """Whole percent, rounded down (so 49.6 % never reads as the 50 % it does not reach)."""
    pct = np.floor(np.nan_to_num(share, nan=-0.01) * 100 + 1e-9)
    return np.clip(pct, -1, 10**9).astype(np.int64)
