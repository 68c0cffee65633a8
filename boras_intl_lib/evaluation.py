"""One register evaluated under one settings object: partner screening plus scoring.

This is the step both ``boras-intl score`` and the report take, so they cannot disagree:
the scores' ``precondition`` column comes from the very partner screening that
``partners.csv`` and the report's precondition section show.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .model import Register
from .settings import Settings


@dataclass(frozen=True)
class Evaluation:
    """Scores, screened partners and the indicator data they rest on."""

    scores: pd.DataFrame  # one row per accepted activity: areas 0–3, facts, precondition
    explanations: pd.DataFrame  # activity_id and <area>_why_sv / <area>_why_en
    partners: pd.DataFrame  # one row per accepted partner: checks, verdict, decision, basis
    countries: pd.DataFrame  # one row per partner country: checks with value, year, threshold
    indicators: pd.DataFrame  # the long indicator table used
    sources: list[dict[str, object]]  # attribution of every indicator source used
    year: int  # the report year the screening used


def evaluate(
    register: Register,
    settings: Settings,
    indicators: pd.DataFrame | None = None,
    year: int | None = None,
) -> Evaluation:
    """Screen every partner and score every activity of ``register``.

    ``year`` is the report year for indicator data (default ``settings.year``); exception
    decisions are matched in each activity's own year. ``indicators`` defaults to
    what the settings name (the bundled excerpt and any configured files).
    """
    from .indicators import load_indicators, sources_used
    from .scoring import explain_scores, score_activities
    from .screening import activity_precondition, screen_countries, screen_partners

    year = settings.year if year is None else year
    if indicators is None:
        indicators = load_indicators(settings)
    partners = screen_partners(
        register.partners, register.exceptions, register.activities, settings, indicators, year
    )
    scores = score_activities(register.activities, register.partners, settings)
    precondition = activity_precondition(partners, register.activities)
    scores["precondition"] = pd.array(precondition.astype("string").to_numpy(), dtype="string")
    iso3s = partners["country_iso3"].dropna().unique().tolist()
    countries = screen_countries(iso3s, indicators, settings.screening, year)
    return Evaluation(
        scores=scores,
        explanations=explain_scores(scores, settings),
        partners=partners,
        countries=countries,
        indicators=indicators,
        sources=sources_used(indicators),
        year=year,
    )
