"""The per-country table of ``score``'s ``countries.csv``: each partner country in each year.

For every (country, year) that occurs among the register's foreign partners: per condition
the indicator that decided, its source and edition, the value (unrounded), the data year,
whose data it was (a territory may use its sovereign state's) and the check; then the
country's status. Screened with :func:`~boras_intl_lib.screening.rules.screen_countries`,
once per year over the distinct countries of that year, so it agrees with ``partners.csv``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..settings import CONDITIONS, Screening

#: Per condition, in this order: ``<condition>_<detail>`` and then the check ``<condition>``.
CONDITION_DETAILS: tuple[str, ...] = (
    "indicator",
    "source",
    "edition",
    "value",
    "data_year",
    "data_country",
)
COUNTRIES_COLUMNS: tuple[str, ...] = (
    "country_iso3",
    "country",
    "year",
    *(
        name
        for condition in CONDITIONS
        for name in (*(f"{condition}_{d}" for d in CONDITION_DETAILS), condition)
    ),
    "status",
)


def country_years(
    partners: pd.DataFrame,
    activities: pd.DataFrame,
    indicators: pd.DataFrame,
    screening: Screening,
    screened: Mapping[int, pd.DataFrame] | None = None,
    rows_of: np.ndarray | None = None,
) -> pd.DataFrame:
    """One row per foreign partner country and activity year (:data:`COUNTRIES_COLUMNS`).

    ``screened`` (data year → countries, as an :class:`~boras_intl_lib.evaluation.Evaluation`
    holds them) is reused for the years it covers, so the countries are screened once;
    ``rows_of`` (each partner's row in ``activities``, as it holds them too) saves the join.
    """
    from ..countries import country_names
    from ..register.model import activity_rows, activity_years
    from ..screening.rules import screen_countries

    if rows_of is None:
        rows_of = activity_rows(partners["activity_id"], activities)
    pairs = pd.DataFrame(
        {
            "country_iso3": partners["country_iso3"].astype("string"),
            "year": activity_years(rows_of, activities),
        }
    ).dropna()
    pairs = pairs[pairs["country_iso3"] != screening.domestic_country].drop_duplicates()
    parts = []
    for year, group in pairs.groupby("year", sort=True):
        table = _screened(group["country_iso3"], int(year), screened or {})
        if table is None:
            table = screen_countries(group["country_iso3"], indicators, screening, int(year))
        parts.append(table.rename(columns={"iso3": "country_iso3"}).assign(year=int(year)))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in COUNTRIES_COLUMNS})
    out = pd.concat(parts, ignore_index=True)
    out["country"] = country_names(out["country_iso3"], "sv")
    out = out.sort_values(["country_iso3", "year"], kind="stable").reset_index(drop=True)
    return out.loc[:, list(COUNTRIES_COLUMNS)]


def _screened(
    iso3s: pd.Series, year: int, screened: Mapping[int, pd.DataFrame]
) -> pd.DataFrame | None:
    """The rows of ``iso3s`` in the screening already done for ``year``; None when there is
    none or it lacks one of them."""
    table = screened.get(year)
    if table is None:
        return None
    rows = table["iso3"].isin(iso3s)
    if int(rows.sum()) != iso3s.nunique():
        return None
    return table[rows].reset_index(drop=True)
