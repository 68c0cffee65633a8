"""Kommunstyrelsen's exception decisions: which decision covers which failing partner.

A decision covers a partner that does not meet the precondition (a condition fails or cannot
be assessed: issue 20, "whatever its screening result") when it names the partner (same
name ignoring case and spaces; if it also gives a country, that must match) or names no
partner and gives the partner's country; when it is not limited to another activity; and
when it is valid in the activity's year. The most specific decision wins. Pure functions,
vectorised over partners (a register holds few decisions, so those are looped over).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..i18n.labels import label
from ..vocabulary import text_keys


def decision_table(exceptions: pd.DataFrame) -> pd.DataFrame:
    """Exception decisions ready for matching, most specific first.

    Adds ``name_key``, ``first_year``/``last_year`` of validity and ``text_en``/``text_sv``.
    A decision is valid from ``valid_from`` (or, when empty, its ``decision_date``) to
    ``valid_to`` (open when empty): valid in year Y when it starts on or before 31 December Y
    and ends on or after 1 January Y. Order (the first that covers a partner is chosen):
    partner and activity, partner, country and activity, country; then the latest decision.
    """
    dec = exceptions.copy()
    for column in ("country_iso3", "partner_name", "activity_id", "decision_id"):
        dec[column] = dec[column].astype("string").str.strip() if column in dec else pd.NA
    for column in ("decision_date", "valid_from", "valid_to"):
        dec[column] = pd.to_datetime(dec[column]) if column in dec else pd.NaT
    dec = dec[dec["decision_id"].notna() & (dec["decision_id"] != "")]
    dec["activity_id"] = dec["activity_id"].replace("", pd.NA)
    dec["name_key"] = text_keys(dec["partner_name"])
    start = dec["valid_from"].fillna(dec["decision_date"])
    dec["first_year"] = start.dt.year.astype("float64")
    dec["last_year"] = dec["valid_to"].dt.year.astype("float64")
    dates = dec["decision_date"].dt.strftime("%Y-%m-%d").fillna("")
    for lang in ("en", "sv"):
        dec[f"text_{lang}"] = [
            label("basis.exception", lang, decision_id=d, date=t)
            for d, t in zip(dec["decision_id"], dates, strict=True)
        ]
    dec["_general"] = dec["name_key"].isna().astype(int) * 2 + dec["activity_id"].isna()
    dec = dec.sort_values(
        ["_general", "decision_date", "decision_id"], ascending=[True, False, True]
    )
    return dec.drop(columns="_general").reset_index(drop=True)


def choose_decisions(
    countries: np.ndarray,
    country_codes: dict[str, int],
    names: pd.Series,
    activity_ids: pd.Series,
    years: np.ndarray,
    dec: pd.DataFrame,
) -> np.ndarray:
    """For each partner, the row of ``dec`` (a :func:`decision_table`) covering it, or −1.

    ``countries`` are integer codes of the partners' countries, ``country_codes`` maps ISO3 to
    those codes. Vectorised over partners; loops over decisions (a register holds few).
    """
    chosen = np.full(len(countries), -1, dtype=np.int64)
    acts = activity_ids.to_numpy(dtype=object)
    named = None  # (codes of the partners' names, the distinct names' matching keys)
    if dec["name_key"].notna().any():
        codes, distinct = pd.factorize(names.to_numpy(dtype=object))
        named = (codes, text_keys(np.asarray(distinct, dtype=object)))
    for i, d in enumerate(dec.itertuples(index=False)):
        if named is not None and pd.notna(d.name_key):
            rows = np.flatnonzero(np.isin(named[0], np.flatnonzero(named[1] == d.name_key)))
            if pd.notna(d.country_iso3):
                rows = rows[countries[rows] == country_codes.get(d.country_iso3, -2)]
        else:
            rows = np.flatnonzero(countries == country_codes.get(d.country_iso3, -2))
        if pd.notna(d.activity_id):
            rows = rows[acts[rows] == d.activity_id]
        y = years[rows]
        valid = ~np.isnan(y)
        if not np.isnan(d.first_year):
            valid &= d.first_year <= y
        if not np.isnan(d.last_year):
            valid &= d.last_year >= y
        rows = rows[valid]
        chosen[rows[chosen[rows] < 0]] = i
    return chosen
