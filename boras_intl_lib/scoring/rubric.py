"""The evidence-based rubric: each activity scored 0–3 in the policy's seven areas.

Every level is computed from facts recorded in the register (:mod:`.facts`: outcome,
partners, funding, documentation, targets, dimensions, twin cities) — never from a
self-rating — by the rules of :mod:`.areas`, with the thresholds of
:class:`~boras_intl_lib.settings.Scoring`. The levels are defined in ``docs/methodology.md``.
Missing evidence counts as no evidence. Cancelled activities score 0 everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import numpy as np
import pandas as pd

from ..settings import Settings
from ..vocabulary import AREAS
from .areas import RULES, Text, cancelled_text
from .facts import FACT_COLUMNS, activity_facts, flags

SCORE_COLUMNS: tuple[str, ...] = ("activity_id", "year", "administration", *AREAS, *FACT_COLUMNS)


def score_activities(
    activities: pd.DataFrame,
    partners: pd.DataFrame,
    settings: Settings,
    rows_of: np.ndarray | None = None,
) -> pd.DataFrame:
    """Score every activity in the seven areas, with the facts each score rests on.

    One row per activity, in the order of ``activities``, with the columns of
    :data:`SCORE_COLUMNS`: the seven areas as ``int64`` 0–3, then the derived facts
    (``n_partners`` distinct partner organisations, ``external_share`` of the budget — NaN
    without a budget —, ``is_twin_city``/``twin_city``, the ``planned`` and ``cancelled``
    flags, …). ``activity_id`` must be unique; partner rows of unknown activities are ignored.
    ``rows_of``: each partner's row in ``activities``, when the caller has it.
    """
    facts = activity_facts(activities, partners, settings, rows_of)
    out: dict[str, object] = {c: activities[c].reset_index(drop=True) for c in SCORE_COLUMNS[:3]}
    for rule in RULES:
        level = rule.level(facts, settings)
        out[rule.area] = np.where(facts.cancelled, 0, level).astype(np.int64)
    out |= facts.columns()
    return pd.DataFrame(out, columns=list(SCORE_COLUMNS), copy=False)


def explain_scores(scores: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Short Swedish and English explanations of every score ("2: 3 partnerorganisationer …").

    Takes the frame of :func:`score_activities`; returns ``activity_id`` and, per area,
    ``<area>_why_sv`` and ``<area>_why_en``. The text of each distinct combination of facts
    is written once and shared by every row that has it.
    """
    out: dict[str, object] = {"activity_id": scores["activity_id"].reset_index(drop=True)}
    cancelled = flags(scores, "cancelled")
    for rule in RULES:
        level = scores[rule.area].to_numpy(dtype=np.int64)
        evidence = rule.evidence(scores, settings)
        keys = [np.where(cancelled, -1, level), *(np.where(cancelled, 0, k) for k in evidence)]
        sv, en = _render_unique(keys, partial(rule.explain, settings))
        out[f"{rule.area}_why_sv"] = sv
        out[f"{rule.area}_why_en"] = en
    return pd.DataFrame(out, copy=False)


def explanation_columns(lang: str | None = None) -> list[str]:
    """Names of the explanation columns of :func:`explain_scores` (one language or both)."""
    langs = ("sv", "en") if lang is None else (lang,)
    return [f"{area}_why_{lg}" for area in AREAS for lg in langs]


def _render_unique(
    keys: Sequence[np.ndarray], render: Callable[..., Text]
) -> tuple[pd.Series, pd.Series]:
    """Render text once per distinct key combination; level ``-1`` marks cancelled rows."""
    codes = _combination_codes(keys)
    if len(codes) == 0:
        return pd.Series([], dtype="str"), pd.Series([], dtype="str")
    # Codes number combinations in order of first appearance: the running maximum grows
    # exactly at each combination's first row.
    running = np.maximum.accumulate(codes)
    first = np.flatnonzero(np.r_[True, running[1:] > running[:-1]])
    texts = [
        cancelled_text() if values[0] < 0 else render(*values)
        for values in zip(*(k[first].tolist() for k in keys), strict=True)
    ]
    sv = np.array([t[0] for t in texts], dtype=object)[codes]
    en = np.array([t[1] for t in texts], dtype=object)[codes]
    return pd.Series(sv, dtype="str"), pd.Series(en, dtype="str")


def _combination_codes(keys: Sequence[np.ndarray]) -> np.ndarray:
    """One dense code per distinct combination of the integer ``keys`` (mixed radix)."""
    combined = np.zeros(len(keys[0]), dtype=np.int64)
    for key in keys:
        digit = key.astype(np.int64) - (key.min() if len(key) else 0)
        radix = int(digit.max()) + 1 if len(digit) else 1
        if len(combined) and (int(combined.max()) + 1) * radix >= 2**62:
            combined, _ = pd.factorize(combined)  # renumber densely before it overflows
        combined = combined * radix + digit
    codes, _ = pd.factorize(combined)
    return codes
