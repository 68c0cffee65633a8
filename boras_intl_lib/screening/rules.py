"""Partner screening: the policy's precondition (human rights, democracy, rule of law).

Pure functions, DataFrames in and out, vectorised: the per-country work runs once per
distinct country (a few hundred rows at most); the per-partner work is array indexing and
merges, so millions of partners screen in seconds.

Three steps:

1. :func:`evaluate_rules` — every rule of every condition for every country: the latest value
   not after the report year and not older than ``max_data_age_years``, compared *unrounded*
   with the threshold; no value gives ``settings.screening.missing_data`` (default
   ``unknown`` — never a silent pass).
2. :func:`screen_countries` — rules combined per condition (``all`` / ``any`` /
   ``first_available``) into ``pass`` / ``fail`` / ``unknown`` with the basis that decided.
3. :func:`screen_partners` — each partner gets its country's checks and a verdict: ``met``,
   ``exception`` (a condition fails but a valid exception decision covers it),
   ``needs_exception`` or ``unknown``; :func:`activity_precondition` gives each activity the
   worst verdict of its partners.
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..countries import factorize_iso3
from ..i18n.labels import label
from ..settings import CONDITIONS, Screening, Settings
from .decisions import choose_decisions, decision_table

if TYPE_CHECKING:
    from ..register.model import Register

log = logging.getLogger("boras_intl")

CHECKS: tuple[str, ...] = ("pass", "fail", "unknown")
#: Verdicts from best to worst; an activity takes the worst of its partners'.
VERDICT_ORDER: tuple[str, ...] = ("met", "exception", "unknown", "needs_exception")
PARTNER_COLUMNS: tuple[str, ...] = (
    "activity_id",
    "partner_name",
    "country_iso3",
    "democracy",
    "human_rights",
    "rule_of_law",
    "verdict",
    "decision_id",
    "basis",
)
#: Per-condition detail columns of :func:`screen_countries` (prefixed ``<condition>_``).
DETAIL_COLUMNS: tuple[str, ...] = (
    "basis",
    "basis_sv",
    "source",
    "edition",
    "indicator",
    "data_year",
    "value",
    "op",
    "threshold",
    "margin",
)
_DETAIL_DTYPES = {
    "data_year": "Int64",
    "value": "float64",
    "threshold": "float64",
    "margin": "float64",
}
_NEGATED = {">=": "<", ">": "<=", "<=": ">", "<": ">="}
_LANGS = (("en", "basis"), ("sv", "basis_sv"))


# --- step 1: rules -------------------------------------------------------------------------


def rules_table(screening: Screening) -> pd.DataFrame:
    """The configured rules, one row each: condition, rule_no, combine, source, indicator, op,
    threshold."""
    rows = [
        {
            "condition": condition,
            "rule_no": n,
            "combine": screening.conditions[condition].combine,
            "source": rule.source,
            "indicator": rule.indicator,
            "op": rule.op,
            "threshold": float(rule.threshold),
        }
        for condition in CONDITIONS
        for n, rule in enumerate(screening.conditions[condition].rules)
    ]
    return pd.DataFrame(rows)


def latest_values(
    indicators: pd.DataFrame, rules: pd.DataFrame, year: int, max_age: int
) -> pd.DataFrame:
    """Per (iso3, source, indicator) used by a rule: the latest value in ``year - max_age .. year``.

    When two editions give the same year, the later row of ``indicators`` wins.
    """
    wanted = rules[["source", "indicator"]].drop_duplicates()
    ind = indicators[
        (indicators["year"] <= year)
        & (indicators["year"] >= year - max_age)
        & indicators["value"].notna()
    ]
    ind = ind.astype({"source": "string", "indicator": "string"}).merge(
        wanted.astype("string"), on=["source", "indicator"]
    )
    ind = ind.sort_values("year", kind="stable")
    latest = ind.drop_duplicates(["iso3", "source", "indicator"], keep="last")
    return latest.rename(columns={"year": "data_year"})[
        ["iso3", "source", "indicator", "data_year", "value", "edition"]
    ]


def evaluate_rules(
    iso3s: pd.Series | list[str],
    indicators: pd.DataFrame,
    screening: Screening,
    year: int,
) -> pd.DataFrame:
    """Every rule for every distinct country: one row per (iso3, condition, rule_no).

    Columns: those of :func:`rules_table`, ``iso3``, ``data_year``, ``value``, ``edition``,
    ``has_data``, ``result`` (pass/fail/unknown), ``margin`` (distance to the threshold on the
    passing side: negative means failing) and the basis in English and Swedish.
    """
    countries = pd.Series(pd.unique(pd.Series(iso3s, dtype="string").dropna()), dtype="string")
    rules = rules_table(screening)
    latest = latest_values(indicators, rules, year, screening.max_data_age_years)
    grid = pd.DataFrame({"iso3": countries}).merge(rules, how="cross")
    grid = grid.astype({"source": "string", "indicator": "string"}).merge(
        latest, on=["iso3", "source", "indicator"], how="left"
    )
    value = grid["value"].to_numpy(dtype="float64", na_value=np.nan)
    threshold = grid["threshold"].to_numpy(dtype="float64")
    op = grid["op"].to_numpy()
    upward = np.isin(op, [">=", ">"])
    passed = np.select(
        [op == ">=", op == ">", op == "<=", op == "<"],
        [value >= threshold, value > threshold, value <= threshold, value < threshold],
        default=False,
    )
    has_data = ~np.isnan(value)
    grid["has_data"] = has_data
    grid["result"] = np.where(has_data, np.where(passed, "pass", "fail"), screening.missing_data)
    grid["margin"] = np.where(upward, value - threshold, threshold - value)
    grid["data_year"] = grid["data_year"].astype("Int64")
    grid["edition"] = grid["edition"].astype("string")
    first = year - screening.max_data_age_years
    columns = ("indicator", "source", "value", "threshold", "op", "result", "data_year", "edition")
    rows = list(zip(*(grid[c].to_numpy(dtype=object) for c in columns), strict=True))
    for lang, column in _LANGS:
        grid[column] = [_rule_basis(*row, first=first, last=year, lang=lang) for row in rows]
    return grid


def _rule_basis(
    indicator: str,
    source: str,
    value: float,
    threshold: float,
    op: str,
    result: str,
    data_year: object,
    edition: object,
    *,
    first: int,
    last: int,
    lang: str,
) -> str:
    """``v2x_regime=1 (2025, V-Dem v16) < 2`` — the relation shown is the one that holds."""
    if np.isnan(value):
        return label(
            "basis.no_data", lang, indicator=indicator, source=source, first=first, last=last
        )
    shown_value, shown_threshold = _number_pair(value, threshold, lang)
    shown_op = op if result == "pass" else _NEGATED[op]
    return f"{indicator}={shown_value} ({data_year}, {edition}) {shown_op} {shown_threshold}"


def _number_pair(value: float, threshold: float, lang: str) -> tuple[str, str]:
    """Both numbers short (``0.578``, ``2``), but never so short they look equal when not."""
    a, b = _short(value), _short(threshold)
    if a == b and value != threshold:
        a, b = repr(float(value)), repr(float(threshold))
    if lang == "sv":
        a, b = a.replace(".", ","), b.replace(".", ",")
    return a, b


def _short(number: float) -> str:
    if math.isfinite(number) and float(number).is_integer():
        return str(int(number))
    return f"{number:.6g}"


# --- step 2: conditions per country ----------------------------------------------------------

# Which rule decides a condition: the first after sorting by this priority (lower first).
_PRIORITY = {
    "all": {"fail": 0, "unknown": 1, "pass": 2},  # one failing rule fails the condition
    "any": {"pass": 0, "unknown": 1, "fail": 2},  # one passing rule passes it
}


def combine_rules(rules: pd.DataFrame) -> pd.DataFrame:
    """One row per (iso3, condition): result, the deciding rule's details, and the basis.

    ``all``: fail if any rule fails, else unknown if any is unknown, else pass. ``any``: pass
    if any passes, else unknown if any is unknown, else fail. ``first_available``: the first
    rule (in the order written) that has data decides; none → the first rule's result.
    The basis lists every rule that gave the condition's result (for ``first_available``:
    the deciding rule).
    """
    frame = rules.copy()
    result = frame["result"].to_numpy()
    combine = frame["combine"].to_numpy()
    priority = np.where(
        combine == "all",
        pd.Series(result).map(_PRIORITY["all"]).to_numpy(),
        np.where(
            combine == "any",
            pd.Series(result).map(_PRIORITY["any"]).to_numpy(),
            np.where(frame["has_data"].to_numpy(), 0, 1),
        ),
    )
    frame["_priority"] = priority
    frame = frame.sort_values(["iso3", "condition", "_priority", "rule_no"], kind="stable")
    decided = frame.drop_duplicates(["iso3", "condition"], keep="first")
    outcome = decided.set_index(["iso3", "condition"])["result"].rename("_outcome")
    frame = frame.join(outcome, on=["iso3", "condition"])
    first_row = ~frame.duplicated(["iso3", "condition"], keep="first")
    contributes = np.where(
        frame["combine"] == "first_available", first_row, frame["result"] == frame["_outcome"]
    )
    joined = (
        frame[contributes]
        .groupby(["iso3", "condition"], sort=False)[["basis", "basis_sv"]]
        .agg("; ".join)
    )
    details = decided.drop(columns=["basis", "basis_sv", "_priority", "combine", "rule_no"])
    return details.join(joined, on=["iso3", "condition"]).reset_index(drop=True)


def screen_countries(
    iso3s: pd.Series | list[str],
    indicators: pd.DataFrame,
    screening: Screening,
    year: int,
) -> pd.DataFrame:
    """One row per distinct country: ``pass``/``fail``/``unknown`` per condition, and why.

    Columns: ``iso3``; per condition (``democracy``, ``human_rights``, ``rule_of_law``) the
    result and ``<condition>_<detail>`` for each of :data:`DETAIL_COLUMNS`; ``status``
    (``met`` all pass, ``not_met`` any fail, else ``unknown``) with ``basis``/``basis_sv``
    naming the conditions that decided it.
    """
    combined = combine_rules(evaluate_rules(iso3s, indicators, screening, year))
    wide = combined.pivot(index="iso3", columns="condition")
    out = pd.DataFrame(index=pd.Index(wide.index, dtype="string", name="iso3"))
    for condition in CONDITIONS:
        for detail in ("result", *DETAIL_COLUMNS):
            name = condition if detail == "result" else f"{condition}_{detail}"
            values = wide[(detail, condition)] if len(wide) else pd.Series(dtype=object)
            out[name] = values.astype(_DETAIL_DTYPES.get(detail, "string"))
    checks = out[list(CONDITIONS)]
    failed = (checks == "fail").any(axis=1)
    met = (checks == "pass").all(axis=1)
    out["status"] = np.where(failed, "not_met", np.where(met, "met", "unknown"))
    deciding = np.where(failed, "fail", np.where(met, "pass", "unknown"))
    for lang, column in _LANGS:
        out[column] = _country_basis(out, deciding, lang)
    out = out.reset_index().astype(
        {"iso3": "string", "status": "string", "basis": "string", "basis_sv": "string"}
    )
    return out.sort_values("iso3").reset_index(drop=True)


def _country_basis(out: pd.DataFrame, deciding: np.ndarray, lang: str) -> list[str]:
    """``Democracy: v2x_regime=1 (2025, V-Dem v16) < 2; …`` for the conditions that decided."""
    column = "basis" if lang == "en" else "basis_sv"
    pieces = []
    for condition in CONDITIONS:
        check = out[condition].to_numpy(dtype=object)
        shown = (check == deciding) | ((deciding == "unknown") & (check != "pass"))
        name = label(f"condition.{condition}", lang)
        bases = out[f"{condition}_{column}"]
        pieces.append([f"{name}: {b}" if s else "" for s, b in zip(shown, bases, strict=True)])
    return ["; ".join(p for p in row if p) for row in zip(*pieces, strict=True)]


# --- step 3: partners ------------------------------------------------------------------------

_STATUS_CODES = {"met": 0, "not_met": 1, "unknown": 2}


def screen_partners(
    partners: pd.DataFrame,
    exceptions: pd.DataFrame | None,
    activities: pd.DataFrame,
    settings: Settings,
    indicators: pd.DataFrame,
    year: int | None = None,
) -> pd.DataFrame:
    """One row per partner (same index as ``partners``): checks, verdict, decision and basis.

    Columns: :data:`PARTNER_COLUMNS` (the contract's partners.csv), then ``basis_sv`` and,
    when ``partners`` has them, ``city``, ``country`` (as written) and ``row`` (Excel row).
    The checks and ``verdict`` are categoricals with the categories :data:`CHECKS` and
    :data:`VERDICT_ORDER` (ordered, best to worst); ``decision_id`` and the bases ``string``.

    Data year: the latest not after ``year`` (default ``settings.year``, the report year).
    Domestic partners (``screening.domestic_country``) are ``met``; a partner whose country is
    not recognised is ``unknown``; exception decisions are matched to failing partners in
    their activity's year (see :func:`covering_decisions`).
    """
    screening = settings.screening
    year = settings.year if year is None else year
    codes, uniques = factorize_iso3(partners["country_iso3"])
    table = _country_table(uniques, indicators, screening, year)
    codes[codes < 0] = len(table) - 1  # the table's last row: country not recognised
    status = table["status"].map(_STATUS_CODES).to_numpy(dtype=np.int8)[codes]
    fails = np.flatnonzero(status == _STATUS_CODES["not_met"])
    chosen = np.full(len(partners), -1, dtype=np.int64)
    dec = decision_table(exceptions) if exceptions is not None else None
    if len(fails) and dec is not None and len(dec):
        failing = partners.iloc[fails]
        chosen[fails] = choose_decisions(
            countries=codes[fails],
            country_codes={iso3: i for i, iso3 in enumerate(uniques)},
            names=failing["partner_name"],
            activity_ids=failing["activity_id"],
            years=_activity_years(failing["activity_id"], activities),
            dec=dec,
        )
    verdict = np.select(
        [status == 0, (status == 1) & (chosen >= 0), status == 1],
        [0, 1, 3],
        default=2,
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
        out[condition] = pd.Categorical.from_codes(check[codes], categories=CHECKS)
    out["verdict"] = pd.Categorical.from_codes(verdict, categories=VERDICT_ORDER, ordered=True)
    out["decision_id"] = _decision_ids(chosen, dec)
    for lang, column in _LANGS:
        texts = dec[f"text_{lang}"] if dec is not None else pd.Series(dtype=object)
        out[column] = _partner_basis(table[column], codes, chosen, texts)
    for extra in ("city", "country", "row"):
        if extra in partners.columns:
            out[extra] = partners[extra]
    counts = np.bincount(verdict, minlength=len(VERDICT_ORDER))
    log.info("screened %d partners: %s", len(out), dict(zip(VERDICT_ORDER, counts, strict=True)))
    return out


def _country_table(
    uniques: pd.Series, indicators: pd.DataFrame, screening: Screening, year: int
) -> pd.DataFrame:
    """Screened countries in the order of ``uniques``, plus a last row for "not recognised".

    Domestic partners get status ``met`` with the domestic basis (their checks stay as the
    data say).
    """
    screened = screen_countries(uniques, indicators, screening, year).set_index("iso3")
    table = screened.reindex(uniques.array).reset_index(drop=True)
    domestic = (uniques == screening.domestic_country).fillna(False).to_numpy(dtype=bool)
    table.loc[domestic, "status"] = "met"
    for lang, column in _LANGS:
        table.loc[domestic, column] = label("basis.domestic", lang)
    unknown = {c: "unknown" for c in CONDITIONS} | {"status": "unknown"}
    for lang, column in _LANGS:
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
    activity_ids: pd.Series, activities: pd.DataFrame
) -> tuple[np.ndarray, np.ndarray | None]:
    """Row of each id in ``activities`` (its first occurrence), −1 when absent.

    Second: when ``activities`` repeats an id, each activity's first occurrence (else None).
    """
    ids = pd.Index(activities["activity_id"].to_numpy(dtype=object), dtype=object)
    lookup = activity_ids.to_numpy(dtype=object)
    if ids.is_unique:
        return ids.get_indexer(lookup), None
    first = np.flatnonzero(~ids.duplicated())
    distinct = ids[first]
    rows = distinct.get_indexer(lookup)
    return np.where(rows >= 0, first[rows.clip(min=0)], -1), first[distinct.get_indexer(ids)]


def _activity_years(activity_ids: pd.Series, activities: pd.DataFrame) -> np.ndarray:
    """The year of each partner's activity (float, NaN when the activity is not found)."""
    rows, _ = _activity_rows(activity_ids, activities)
    years = pd.to_numeric(activities["year"]).to_numpy(dtype="float64", na_value=np.nan)
    return np.append(years, np.nan)[rows]  # row −1 picks the trailing NaN


# --- activities ------------------------------------------------------------------------------


def activity_precondition(screened: pd.DataFrame, activities: pd.DataFrame) -> pd.Series:
    """Each activity's precondition (same index as ``activities``): the worst of its partners'
    verdicts (needs_exception > unknown > exception > met); no partners → ``unknown``.

    An ordered categorical with the categories :data:`VERDICT_ORDER`.
    """
    verdict = screened["verdict"]
    if (
        isinstance(verdict.dtype, pd.CategoricalDtype)
        and tuple(verdict.cat.categories) == VERDICT_ORDER
    ):
        rank = verdict.cat.codes.to_numpy()
    else:
        rank = pd.Categorical(verdict.astype(object), categories=VERDICT_ORDER).codes
    rows, first = _activity_rows(screened["activity_id"], activities)
    worst = np.full(len(activities), -1, dtype=np.int8)
    for r in range(len(VERDICT_ORDER)):  # ascending: the worst verdict is written last
        worst[rows[(rank == r) & (rows >= 0)]] = r
    if first is not None:  # a repeated activity id shares its first occurrence's precondition
        worst = worst[first]
    worst[worst < 0] = VERDICT_ORDER.index("unknown")
    return pd.Series(
        pd.Categorical.from_codes(worst, categories=VERDICT_ORDER, ordered=True),
        index=activities.index,
        name="precondition",
    )


def screen_register(
    register: Register, settings: Settings, indicators: pd.DataFrame
) -> pd.DataFrame:
    """:func:`screen_partners` on a validated register."""
    return screen_partners(
        register.partners, register.exceptions, register.activities, settings, indicators
    )
