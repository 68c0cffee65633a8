"""One register evaluated under one settings object: partner screening plus scoring.

This is the step both ``boras-intl score`` and the report take, so they cannot disagree:
the scores' ``precondition`` column comes from the very partner screening that
``partners.csv`` and the report's precondition section show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from .register.model import Register
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
    from .screening.partners import activity_precondition
    from .screening.rules import screen_countries

    if indicators is None:
        indicators = load_indicators(settings)
    iso3s = register.partners["country_iso3"].dropna().unique().tolist()
    screened: dict[int, pd.DataFrame] = {}  # data year → the countries screened once

    def countries_for(data_year: int) -> pd.DataFrame:
        if data_year not in screened:
            screened[data_year] = screen_countries(iso3s, indicators, settings.screening, data_year)
        return screened[data_year]

    partners = _screen(register, settings, indicators, year, countries_for)
    scores = score_activities(register.activities, register.partners, settings)
    precondition = activity_precondition(partners, register.activities)
    scores["precondition"] = pd.array(precondition.astype("string").to_numpy(), dtype="string")
    last = year if year is not None else _latest_year(register, settings)
    return Evaluation(
        scores=scores,
        partners=partners,
        countries=countries_for(last),
        indicators=indicators,
        sources=sources_used(indicators),
        year=last,
        settings=settings,
        screened=screened,
    )


def _screen(
    register: Register,
    settings: Settings,
    indicators: pd.DataFrame,
    year: int | None,
    countries_for: Callable[[int], pd.DataFrame],
) -> pd.DataFrame:
    """Screen the partners against one report year, or each against its activity's year
    (a partner whose activity has no year: the settings' year), in one pass; the countries
    of each data year screened once, by ``countries_for``."""
    from .screening.partners import screen_partners_by_year

    if year is not None:
        data_years = np.full(len(register.partners), year, dtype=np.int64)
    else:
        year_of = register.activities.drop_duplicates("activity_id").set_index("activity_id")
        years = register.partners["activity_id"].map(year_of["year"])
        data_years = pd.to_numeric(years).fillna(settings.year).to_numpy(dtype=np.int64)
    screened = {int(y): countries_for(int(y)) for y in np.unique(data_years)}
    args = (register.exceptions, register.activities, settings, indicators)
    return screen_partners_by_year(register.partners, *args, data_years, screened)


def _latest_year(register: Register, settings: Settings) -> int:
    years = register.activities["year"].dropna()
    return int(years.max()) if len(years) else settings.year
