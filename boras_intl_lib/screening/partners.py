"""Partners screened: each partner gets its country's checks and a verdict, each activity the
worst verdict of its partners.

Verdicts: ``met``, ``exception`` (a condition fails or cannot be assessed, but a valid exception
decision covers the partner), ``needs_exception`` or ``unknown``. The per-country work is done
once per distinct country by :mod:`.rules`; here it is array indexing, so millions of partners
screen in seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..countries import factorize_iso3
from ..i18n.labels import label, log_language
from ..register.model import activity_rows, activity_years
from ..settings import CONDITIONS, Screening, Settings
from ..vocabulary import CHECKS, VERDICTS, VerdictCode
from .decisions import choose_decisions, decision_table
from .rules import BASIS_COLUMNS, screen_countries

log = logging.getLogger("boras_intl")

#: A country's status (``screen_countries``' ``status``) as a small integer.
_MET, _NOT_MET, _UNKNOWN = 0, 1, 2
_STATUS_CODES = {"met": _MET, "not_met": _NOT_MET, "unknown": _UNKNOWN}


def screen_partners(
    partners: pd.DataFrame,
    exceptions: pd.DataFrame | None,
    activities: pd.DataFrame,
    settings: Settings,
    indicators: pd.DataFrame,
    year: int | None = None,
    countries: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per partner (same index as ``partners``): checks, verdict, decision and basis.

    Columns: :data:`PARTNER_COLUMNS` (the contract's partners.csv), then ``basis_sv`` and,
    when ``partners`` has them, ``city``, ``country`` (as written) and ``row`` (Excel row).
    The checks and ``verdict`` are categoricals with the categories :data:`CHECKS` and
    :data:`VERDICTS` (ordered, best to worst); ``decision_id`` and the bases ``string``.

    Data year: the latest not after ``year`` (default ``settings.year``, the report year).
    Domestic partners (``screening.domestic_country``) are ``met``; a partner whose country is
    not recognised is ``unknown``; exception decisions are matched to every partner that is
    not ``met`` (failing or unknown) in their activity's year (see :mod:`.decisions`).
    """
    year = settings.year if year is None else year
    return screen_partners_by_year(
        partners,
        exceptions,
        activities,
        settings,
        indicators,
        np.full(len(partners), year, dtype=np.int64),
        {year: countries} if countries is not None else {},
    )


def screen_partners_by_year(
    partners: pd.DataFrame,
    exceptions: pd.DataFrame | None,
    activities: pd.DataFrame,
    settings: Settings,
    indicators: pd.DataFrame,
    data_years: np.ndarray,
    countries: Mapping[int, pd.DataFrame],
    rows_of: np.ndarray | None = None,
) -> pd.DataFrame:
    """:func:`screen_partners` with each partner's own data year (``data_years``, one per
    partner), in one pass: ``score`` screens each activity's partners against its own year.

    ``countries`` (data year → countries already screened for it) is used where it covers the
    partners' countries; other years are screened here. ``rows_of``: each partner's row in
    ``activities``, when the caller has it (:func:`~boras_intl_lib.register.model.activity_rows`).
    """
    screening = settings.screening
    codes, uniques = factorize_iso3(partners["country_iso3"])
    years, year_codes = np.unique(np.asarray(data_years, dtype=np.int64), return_inverse=True)
    tables = [
        _country_table(uniques, indicators, screening, int(y), countries.get(int(y))) for y in years
    ]
    table = (
        pd.concat(tables, ignore_index=True)
        if tables
        else _country_table(
            uniques, indicators, screening, settings.year, countries.get(settings.year)
        )  # no partners: only the "not recognised" row, from a screening already done
    )
    width = len(uniques) + 1  # each year's table: the countries, then "not recognised"
    rows = year_codes.reshape(-1).astype(np.int64) * width + np.where(codes < 0, width - 1, codes)
    status = table["status"].map(_STATUS_CODES).to_numpy(dtype=np.int8)[rows]
    # a valid decision covers a partner whatever keeps it from "met": a failing condition or
    # one that cannot be assessed (a territory, a state no source scores) — issue 20
    fails = np.flatnonzero(status != _MET)
    chosen = np.full(len(partners), -1, dtype=np.int64)
    dec = decision_table(exceptions) if exceptions is not None else None
    if len(fails) and dec is not None and len(dec):
        if rows_of is None:
            rows_of = activity_rows(partners["activity_id"], activities)
        failing = partners.iloc[fails]
        chosen[fails] = choose_decisions(
            countries=codes[fails],
            country_codes={iso3: i for i, iso3 in enumerate(uniques)},
            names=failing["partner_name"],
            activity_ids=failing["activity_id"],
            years=activity_years(rows_of[fails], activities),
            dec=dec,
        )
    verdict = np.select(
        [status == _MET, chosen >= 0, status == _NOT_MET],
        [VerdictCode.MET, VerdictCode.EXCEPTION, VerdictCode.NEEDS_EXCEPTION],
        default=VerdictCode.UNKNOWN,
    )
    out = pd.DataFrame(
        {
            "activity_id": partners["activity_id"],
            "partner_name": partners["partner_name"],
            "country_iso3": partners["country_iso3"],
        },
        index=partners.index,
    )
    for condition in CONDITIONS:
        check = pd.Categorical(table[condition], categories=CHECKS).codes
        out[condition] = pd.Categorical.from_codes(check[rows], categories=CHECKS)
    out["verdict"] = pd.Categorical.from_codes(verdict, categories=VERDICTS, ordered=True)
    out["decision_id"] = _decision_ids(chosen, dec)
    for lang, column in BASIS_COLUMNS:
        texts = dec[f"text_{lang}"] if dec is not None else pd.Series(dtype=object)
        out[column] = _partner_basis(table[column], rows, chosen, texts)
    for extra in ("city", "country", "row"):
        if extra in partners.columns:
            out[extra] = partners[extra]
    counts = np.bincount(verdict, minlength=len(VERDICTS))
    log.info(_screened_line(len(out), counts))
    return out


def _country_table(
    uniques: pd.Series,
    indicators: pd.DataFrame,
    screening: Screening,
    year: int,
    countries: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Screened countries in the order of ``uniques``, plus a last row for "not recognised".

    ``countries``: these countries already screened for ``year`` (at least ``uniques``), so a
    caller that needs the country table too screens once. Domestic partners get status ``met``
    with the domestic basis (their checks stay as the data say).
    """
    if countries is None or not pd.Index(uniques.dropna()).isin(countries["iso3"]).all():
        countries = screen_countries(uniques, indicators, screening, year)
    screened = countries.set_index("iso3")
    table = screened.reindex(uniques.array).reset_index(drop=True)
    domestic = (uniques == screening.domestic_country).fillna(False).to_numpy(dtype=bool)
    table.loc[domestic, "status"] = "met"
    for lang, column in BASIS_COLUMNS:
        table.loc[domestic, column] = label("basis.domestic", lang)
    unknown = {c: "unknown" for c in CONDITIONS} | {"status": "unknown"}
    for lang, column in BASIS_COLUMNS:
        unknown[column] = label("basis.no_country", lang)
    return pd.concat([table, pd.DataFrame([unknown])], ignore_index=True)


def _decision_ids(chosen: np.ndarray, dec: pd.DataFrame | None) -> pd.api.extensions.ExtensionArray:
    ids = dec["decision_id"].to_numpy(dtype=object) if dec is not None else np.array([], object)
    return pd.array(np.append(ids, pd.NA)[chosen], dtype="string")  # −1: the trailing <NA>


def _partner_basis(
    country_basis: pd.Series, codes: np.ndarray, chosen: np.ndarray, texts: pd.Series
) -> pd.api.extensions.ExtensionArray:
    """The country's basis, followed by the covering decision where there is one.

    Each text is built once per distinct (country, decision) pair, then indexed.
    """
    pair = codes.astype(np.int64) * (len(texts) + 1) + (chosen + 1)
    pair_codes, pairs = pd.factorize(pair)
    bases = country_basis.to_numpy(dtype=object)
    strings = []
    for key in pairs:
        country, decision = divmod(int(key), len(texts) + 1)
        text = bases[country]
        strings.append(f"{text}; {texts.iloc[decision - 1]}" if decision else text)
    return pd.array(np.array(strings, dtype=object)[pair_codes], dtype="string")


def _activity_rows(
    activity_ids: pd.Series, activities: pd.DataFrame, rows: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray | None]:
    """Row of each id in ``activities`` (its first occurrence), −1 when absent (``rows`` when
    the caller has them already, see :func:`~boras_intl_lib.register.model.activity_rows`).

    Second: when ``activities`` repeats an id, each activity's first occurrence (else None).
    """
    if rows is None:
        rows = activity_rows(activity_ids, activities)
    ids = pd.Index(activities["activity_id"].to_numpy(dtype=object), dtype=object)
    if ids.is_unique:
        return rows, None
    first = np.flatnonzero(~ids.duplicated())
    return rows, first[ids[first].get_indexer(ids)]


# --- activities ------------------------------------------------------------------------------


def activity_precondition(
    screened: pd.DataFrame, activities: pd.DataFrame, rows_of: np.ndarray | None = None
) -> pd.Series:
    """Each activity's precondition (same index as ``activities``): the worst of its partners'
    verdicts (needs_exception > unknown > exception > met); no partners → ``unknown``.

    An ordered categorical with the categories :data:`VERDICTS`. ``rows_of``: each screened
    partner's row in ``activities``, when the caller has it.
    """
    verdict = screened["verdict"]
    if isinstance(verdict.dtype, pd.CategoricalDtype) and tuple(verdict.cat.categories) == VERDICTS:
        rank = verdict.cat.codes.to_numpy()
    else:
        rank = pd.Categorical(verdict.astype(object), categories=VERDICTS).codes
    rows, first = _activity_rows(screened["activity_id"], activities, rows_of)
    worst = np.full(len(activities), -1, dtype=np.int8)
    for r in range(len(VERDICTS)):  # ascending: the worst verdict is written last
        worst[rows[(rank == r) & (rows >= 0)]] = r
    if first is not None:  # a repeated activity id shares its first occurrence's precondition
        worst = worst[first]
    worst[worst < 0] = VerdictCode.UNKNOWN
    return pd.Series(
        pd.Categorical.from_codes(worst, categories=VERDICTS, ordered=True),
        index=activities.index,
        name="precondition",
    )


def _screened_line(n: int, counts: np.ndarray) -> str:
    """The log line of partners screened per verdict, in the run's language."""
    lang = log_language()
    words = ", ".join(
        f"{label(f'verdict.{v}', lang).lower()} {int(k)}"
        for v, k in zip(VERDICTS, counts, strict=True)
    )
    return label("log.screened", lang, n=n, counts=words)
