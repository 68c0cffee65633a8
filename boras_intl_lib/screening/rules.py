"""Partner screening: the policy's precondition (human rights, democracy, rule of law).

Pure functions, DataFrames in and out, vectorised: the per-country work runs once per
distinct country (a few hundred rows at most); the per-partner work is array indexing and
merges, so millions of partners screen in seconds.

Three steps:

1. :func:`evaluate_rules` — every rule of every condition for every country: the latest value
   not after the report year and not older than ``max_data_age_years``, compared *unrounded*
   with the threshold; no value gives ``settings.screening.missing_data`` (default
   ``unknown`` — never a silent pass). A territory without data of its own (Åland,
   Greenland …) takes its sovereign state's value, and its basis says so.
2. :func:`screen_countries` — rules combined per condition (``all`` / ``any`` /
   ``first_available``) into ``pass`` / ``fail`` / ``unknown`` with the basis that decided.
3. :mod:`.partners` — each partner gets its country's checks and a verdict; each activity
   the worst verdict of its partners.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..countries import country_name, sovereign_of
from ..i18n.labels import Lang, label
from ..settings import CONDITIONS, REGIME_INDICATOR, Screening

log = logging.getLogger("boras_intl")

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
    "data_country",
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
#: The columns that hold the basis of a verdict, by language.
BASIS_COLUMNS: tuple[tuple[Lang, str], ...] = (("en", "basis"), ("sv", "basis_sv"))


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
    indicators: pd.DataFrame, rules: pd.DataFrame, years: Sequence[int], max_age: int
) -> pd.DataFrame:
    """Per report year and (iso3, source, indicator) used by a rule: the latest value in
    ``year - max_age .. year``. When two editions give the same year, the later row of
    ``indicators`` wins."""
    wanted = rules[["source", "indicator"]].drop_duplicates()
    ind = indicators[
        (indicators["year"] <= max(years))
        & (indicators["year"] >= min(years) - max_age)
        & indicators["value"].notna()
    ]
    ind = ind.astype({"source": "string", "indicator": "string"}).merge(
        wanted.astype("string"), on=["source", "indicator"]
    )
    ind = ind.rename(columns={"year": "data_year"}).merge(
        pd.DataFrame({"year": list(years)}), how="cross"
    )  # each indicator row once per report year, in the rows' order
    ind = ind[(ind["data_year"] <= ind["year"]) & (ind["data_year"] >= ind["year"] - max_age)]
    ind = ind.sort_values("data_year", kind="stable")
    latest = ind.drop_duplicates(["year", "iso3", "source", "indicator"], keep="last")
    return latest[["year", "iso3", "source", "indicator", "data_year", "value", "edition"]]


def evaluate_rules(
    iso3s: pd.Series | list[str],
    indicators: pd.DataFrame,
    screening: Screening,
    years: Sequence[int],
) -> pd.DataFrame:
    """Every rule for every distinct country in every report year: one row per (year, iso3,
    condition, rule_no).

    Columns: those of :func:`rules_table`, ``year``, ``iso3``, ``data_year``, ``value``,
    ``edition``, ``has_data``, ``result`` (pass/fail/unknown), ``margin`` (distance to the
    threshold on the passing side: negative means failing) and the basis in English and
    Swedish.
    """
    countries = pd.Series(pd.unique(pd.Series(iso3s, dtype="string").dropna()), dtype="string")
    rules = rules_table(screening)
    needed = pd.concat([countries, sovereign_of(countries)]).dropna()
    latest = latest_values(
        indicators[indicators["iso3"].isin(needed)], rules, years, screening.max_data_age_years
    )
    grid = (
        pd.DataFrame({"year": list(years)})
        .merge(pd.DataFrame({"iso3": countries}), how="cross")
        .merge(rules, how="cross")
    )
    grid = grid.astype({"source": "string", "indicator": "string"}).merge(
        latest, on=["year", "iso3", "source", "indicator"], how="left"
    )
    grid = _sovereign_fallback(grid, latest)
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
    columns = ("indicator", "source", "value", "threshold", "op", "result", "data_year", "edition")
    rows = list(zip(*(grid[c].to_numpy(dtype=object) for c in columns), strict=True))
    report_years = grid["year"].to_numpy(dtype=np.int64).tolist()
    borrowed = (grid["data_country"] != grid["iso3"]).fillna(False).to_numpy()
    own = (sovereign_of(grid["iso3"]).notna() & (grid["data_country"] == grid["iso3"])).fillna(
        False
    )
    age = screening.max_data_age_years
    for lang, column in BASIS_COLUMNS:
        notes = _sovereign_notes(grid, borrowed, lang, own.to_numpy(dtype=bool))
        grid[column] = [
            _rule_basis(*row, first=year - age, last=year, lang=lang, note=note)
            for row, year, note in zip(rows, report_years, notes, strict=True)
        ]
    return grid


def _sovereign_fallback(grid: pd.DataFrame, latest: pd.DataFrame) -> pd.DataFrame:
    """Rules without a value for a territory take its sovereign state's latest value.

    ``data_country`` names whose data decided (the country itself, its sovereign, or ``<NA>``
    when there is none).
    """
    grid["data_country"] = grid["iso3"].where(grid["value"].notna()).astype("string")
    state = sovereign_of(grid["iso3"])
    borrow = (grid["value"].isna() & state.notna()).to_numpy()
    if not borrow.any():
        return grid
    keys = grid.loc[borrow, ["year", "source", "indicator"]].assign(iso3=state[borrow].to_numpy())
    found = keys.reset_index().merge(latest, on=["year", "iso3", "source", "indicator"], how="left")
    found = found.set_index("index")
    for column in ("data_year", "value", "edition"):
        grid.loc[found.index, column] = found[column]
    got = found["value"].notna()
    grid.loc[got[got].index, "data_country"] = found.loc[got, "iso3"]
    return grid


def _sovereign_notes(
    grid: pd.DataFrame, borrowed: np.ndarray, lang: Lang, own: np.ndarray | None = None
) -> list[str | None]:
    """ "Åland has no data of its own, data of Finland" where a sovereign's data decided;
    "Hong Kong's own values" where a territory's own values did (``own``)."""
    notes: list[str | None] = [None] * len(grid)
    for i in np.flatnonzero(own) if own is not None else ():
        territory = country_name(grid["iso3"].iat[i], lang)
        notes[i] = label("basis.territory_own", lang, territory=territory)
    for i in np.flatnonzero(borrowed):
        territory, state = grid["iso3"].iat[i], grid["data_country"].iat[i]
        notes[i] = label(
            "basis.sovereign",
            lang,
            territory=country_name(territory, lang),
            state=country_name(state, lang),
        )
    return notes


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
    lang: Lang,
    note: str | None = None,
) -> str:
    """``v2x_rule=0.367 (2025, V-Dem v16) < 0.5`` — the relation shown is the one that holds;
    ``note`` (a territory screened with its sovereign's data) goes inside the parentheses."""
    if np.isnan(value):
        return label(
            "basis.no_data", lang, indicator=indicator, source=source, first=first, last=last
        )
    shown_value, shown_threshold = _number_pair(value, threshold, lang)
    shown_op = op if result == "pass" else _NEGATED[op]
    if indicator == REGIME_INDICATOR and source == "vdem":
        edition = label("basis.regime_owid", lang, edition=edition)
    where = f"{data_year}, {edition}" + (f"; {note}" if note else "")
    return f"{indicator}={shown_value} ({where}) {shown_op} {shown_threshold}"


def _number_pair(value: float, threshold: float, lang: Lang) -> tuple[str, str]:
    """Both numbers short (``0.578``, ``2``), but never so short they look equal when not."""
    a, b = published_form(value), published_form(threshold)
    if a.lstrip("≈") == b.lstrip("≈") and value != threshold:
        a, b = repr(float(value)), repr(float(threshold))
    if lang == "sv":
        a, b = a.replace(".", ","), b.replace(".", ",")
    return a, b


def published_form(number: float) -> str:
    """The value as published (shortest exact form) when that is at most 8 significant
    digits; otherwise 6 significant digits marked ``≈`` (the exact value is in countries.csv)."""
    if math.isfinite(number) and float(number).is_integer():
        return str(int(number))
    exact = repr(float(number))
    digits = exact.lstrip("-0.").replace(".", "")
    if "e" not in exact and len(digits) <= 8:
        return exact
    return f"≈{number:.6g}"


# --- step 2: conditions per country ----------------------------------------------------------

# Which rule decides a condition: the first after sorting by this priority (lower first).
_PRIORITY = {
    "all": {"fail": 0, "unknown": 1, "pass": 2},  # one failing rule fails the condition
    "any": {"pass": 0, "unknown": 1, "fail": 2},  # one passing rule passes it
}


_KEYS = ["year", "iso3", "condition"]  # one condition of one country in one report year


def combine_rules(rules: pd.DataFrame) -> pd.DataFrame:
    """One row per (year, iso3, condition): result, the deciding rule's details, and the basis.

    ``all``: fail if any rule fails, else unknown if any is unknown, else pass. ``any``: pass
    if any passes, else unknown if any is unknown, else fail. ``first_available``: the first
    rule (in the order written) that has data decides; none → the first rule's result.
    ``primary``: the first rule decides, with or without data; the other rules are
    comparisons (:mod:`.compare`), shown where they disagree, never changing the result.
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
            np.where(
                combine == "primary",
                frame["rule_no"].to_numpy(),
                np.where(frame["has_data"].to_numpy(), 0, 1),
            ),
        ),
    )
    frame["_priority"] = priority
    frame = frame.sort_values([*_KEYS, "_priority", "rule_no"], kind="stable")
    decided = frame.drop_duplicates(_KEYS, keep="first")
    outcome = decided.set_index(_KEYS)["result"].rename("_outcome")
    frame = frame.join(outcome, on=_KEYS)
    first_row = ~frame.duplicated(_KEYS, keep="first")
    contributes = np.where(
        frame["combine"].isin(["first_available", "primary"]),
        first_row,
        frame["result"] == frame["_outcome"],
    )
    joined = frame[contributes].groupby(_KEYS, sort=False)[["basis", "basis_sv"]].agg("; ".join)
    details = decided.drop(columns=["basis", "basis_sv", "_priority", "combine", "rule_no"])
    return details.join(joined, on=_KEYS).reset_index(drop=True)


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
    return screen_countries_by_year(iso3s, indicators, screening, [year])[year]


def screen_countries_by_year(
    iso3s: pd.Series | list[str],
    indicators: pd.DataFrame,
    screening: Screening,
    years: Iterable[int],
) -> dict[int, pd.DataFrame]:
    """:func:`screen_countries` for each report year in ``years``, in one pass."""
    years = sorted({int(y) for y in years})
    if not years:
        return {}
    combined = combine_rules(evaluate_rules(iso3s, indicators, screening, years))
    wide = combined.pivot(index=["year", "iso3"], columns="condition")
    out = pd.DataFrame(index=wide.index)
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
    for lang, column in BASIS_COLUMNS:
        out[column] = _country_basis(out, deciding, lang)
    out = out.reset_index().astype(
        {"iso3": "string", "status": "string", "basis": "string", "basis_sv": "string"}
    )
    out = out.sort_values(["year", "iso3"]).reset_index(drop=True)
    parts = dict(iter(out.groupby("year", sort=False)))
    return {
        year: parts.get(year, out.iloc[:0]).drop(columns="year").reset_index(drop=True)
        for year in years
    }


def _country_basis(out: pd.DataFrame, deciding: np.ndarray, lang: Lang) -> list[str]:
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
