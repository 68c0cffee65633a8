"""One register evaluated under one settings object: partner screening plus scoring.

This is the step both ``boras-intl score`` and the report take, so they cannot disagree:
the scores' ``precondition`` column comes from the very partner screening that
``partners.csv`` and the report's precondition section show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from .register.model import Register, activity_rows, activity_years
from .settings import Settings


@dataclass(frozen=True)
class Evaluation:
    """Scores, screened partners and the indicator data they rest on."""

    scores: pd.DataFrame  # one row per accepted activity: areas 0–3, facts, precondition
    partners: pd.DataFrame  # one row per accepted partner: checks, verdict, decision, basis
    countries: pd.DataFrame  # one row per partner country: checks with value, year, threshold
    indicators: pd.DataFrame  # the long indicator table used
    sources: list[dict[str, object]]  # attribution of every indicator source used
    year: int  # the report year the screening used
    settings: Settings  # the settings it was evaluated under
    #: every partner country screened against each data year used (data year → countries)
    screened: Mapping[int, pd.DataFrame] = field(default_factory=dict)
    #: each partner's position in the evaluated register's activities (−1: none), joined once
    #: for screening, scoring and ``countries.csv`` (positions, not index labels)
    activity_rows: np.ndarray | None = None

    @cached_property
    def explanations(self) -> pd.DataFrame:
        """``activity_id`` and ``<area>_why_sv`` / ``<area>_why_en``, written when first asked
        for: the report quotes them, ``score`` writes them only with ``--explain``."""
        from .scoring.rubric import explain_scores

        return explain_scores(self.scores, self.settings)


def evaluate(
    register: Register,
    settings: Settings,
    indicators: pd.DataFrame | None = None,
    year: int | None = None,
) -> Evaluation:
    """Screen every partner and score every activity of ``register``.

    ``year`` is the report year: indicator data must not be later than it. Without it (the
    ``score`` command, which covers every year of the register) each activity's partners are
    screened with data not later than the activity's own year, so ``score`` and the report of
    that year agree. Exception decisions are always matched in each activity's own year.
    ``indicators`` defaults to what the settings name (the bundled excerpt and any files).
    """
    from .indicators.loaders import load_indicators, sources_used
    from .scoring.rubric import score_activities
    from .screening.partners import activity_precondition, screen_partners_by_year
    from .screening.rules import screen_countries_by_year

    if indicators is None:
        indicators = load_indicators(settings)
    rows_of = activity_rows(register.partners["activity_id"], register.activities)
    data_years = _data_years(register, settings, year, rows_of)
    last = year if year is not None else _latest_year(register, settings)
    iso3s = register.partners["country_iso3"].dropna().unique().tolist()
    screened = screen_countries_by_year(  # every data year's countries, once, in one pass
        iso3s, indicators, settings.screening, {*np.unique(data_years).tolist(), last}
    )
    args = (register.exceptions, register.activities, settings, indicators)
    partners = screen_partners_by_year(register.partners, *args, data_years, screened, rows_of)
    scores = score_activities(register.activities, register.partners, settings, rows_of)
    precondition = activity_precondition(partners, register.activities, rows_of)
    scores["precondition"] = pd.array(precondition.astype("string").to_numpy(), dtype="string")
    return Evaluation(
        scores=scores,
        partners=partners,
        countries=screened[last],
        indicators=indicators,
        sources=sources_used(indicators),
        year=last,
        settings=settings,
        screened=screened,
        activity_rows=rows_of,
    )


def _data_years(
    register: Register, settings: Settings, year: int | None, rows_of: np.ndarray
) -> np.ndarray:
    """Each partner's data year: the report year, or else its activity's year (a partner
    whose activity has no year: the settings' year)."""
    if year is not None:
        return np.full(len(register.partners), year, dtype=np.int64)
    years = activity_years(rows_of, register.activities)
    return np.where(np.isnan(years), settings.year, years).astype(np.int64)


def _latest_year(register: Register, settings: Settings) -> int:
    years = register.activities["year"].dropna()
    return int(years.max()) if len(years) else settings.year
