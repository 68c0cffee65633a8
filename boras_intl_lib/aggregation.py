"""Report-ready aggregates of scored activities: pure functions, DataFrames in and out.

Definitions (written out in ``docs/methodology.md``):

- *clear contribution*: an area level at or above ``clear_level`` (default 2, "clear").
- Cancelled activities are excluded from every count and share, and counted separately.
- A share with nothing to divide by is NaN, which the report shows as "cannot assess".
- *trend* compares a share with the previous year's (``up``/``down``/``steady``, or
  ``cannot_assess`` when either year has no data); *status* compares a value with its target
  (``met``/``not_met``, or ``cannot_assess`` when there is no target or no data). They are
  separate things and the report shows both.

Functions that describe one year expect the rows of that year (``for_year``); the
``*_over_years`` functions take every year of the register.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from .funding import is_eu_funding, is_own_funding
from .settings import Targets
from .vocabulary import AREAS, VERDICTS, AreaKey, text_keys

LEVELS: tuple[int, ...] = (0, 1, 2, 3)
#: Areas whose clear levels rest on results (a change decided or made, knowledge documented or
#: spread). A planned or ongoing activity cannot have those yet, so years are compared on
#: completed activities only: like with like.
OUTCOME_AREAS: tuple[str, ...] = ("operational_development", "knowledge_exchange", "twin_cities")
COUNTED_STATUSES: tuple[str, ...] = ("planned", "ongoing", "completed")
TREND_STATES: tuple[str, ...] = (
    "up",
    "down",
    "steady",
    "cannot_assess",
    "too_few",
    "no_previous",
)
TARGET_STATES: tuple[str, ...] = ("met", "not_met", "cannot_assess")
_PRECISION = 10  # decimals kept before comparing shares, so 0.52 - 0.50 is not above 0.02


class Coverage(NamedTuple):
    """Which administrations have international activities, and the share that do."""

    table: pd.DataFrame
    share: float


class FundingSummary(NamedTuple):
    """Funding totals (one value per measure) and the breakdown by funding source."""

    totals: pd.Series
    by_source: pd.DataFrame


# --- helpers ---------------------------------------------------------------------------------


def for_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of ``frame`` that describe ``year``."""
    return frame[frame["year"] == year]


def cancelled_mask(frame: pd.DataFrame) -> np.ndarray:
    """True for cancelled activities (``cancelled`` flag of the scores, or ``status``)."""
    if "cancelled" in frame:
        return frame["cancelled"].astype("boolean").to_numpy(dtype=bool, na_value=False)
    if "status" in frame:
        return frame["status"].isin(["cancelled"]).to_numpy()
    return np.zeros(len(frame), dtype=bool)


def active(frame: pd.DataFrame) -> pd.DataFrame:
    """The activities that count in shares: everything but the cancelled ones."""
    return frame[~cancelled_mask(frame)]


def comparable(scores: pd.DataFrame, area: str) -> pd.DataFrame:
    """The activities on which ``area`` is compared between years: the completed ones for an
    area of :data:`OUTCOME_AREAS`, every counted (non-cancelled) activity otherwise."""
    counted = active(scores)
    if area in OUTCOME_AREAS and "status" in counted:
        return counted[counted["status"].astype("string").eq("completed").fillna(False)]
    return counted


def status_counts(scores: pd.DataFrame) -> pd.Series:
    """Counted activities per status (planned, ongoing, completed; missing status = ongoing)."""
    counted = active(scores)
    status = (
        counted["status"].astype("string").fillna("ongoing")
        if "status" in counted
        else pd.Series("ongoing", index=counted.index, dtype="string")
    )
    return status.value_counts().reindex(list(COUNTED_STATUSES), fill_value=0).astype(np.int64)


def share(part: float, whole: float) -> float:
    """``part / whole``, or NaN when there is nothing to divide by."""
    return float(part) / float(whole) if whole else float("nan")


def trend_state(change: float | np.ndarray | pd.Series, tolerance: float) -> np.ndarray:
    """``up``/``down``/``steady`` for a change in share; ``cannot_assess`` where it is NaN."""
    change = np.round(np.asarray(change, dtype=np.float64), _PRECISION)
    return np.select(
        [np.isnan(change), change > tolerance, change < -tolerance],
        ["cannot_assess", "up", "down"],
        default="steady",
    ).astype(object)


# --- one year ----------------------------------------------------------------------------------


def area_summary(scores: pd.DataFrame, clear_level: int = 2) -> pd.DataFrame:
    """Per area: activities, how many contribute clearly, their share, and levels 0–3.

    Columns: ``area, n_activities, n_clear, share_clear, level_0 … level_3, n_cancelled``.
    ``share_clear`` is NaN when there are no (non-cancelled) activities.
    """
    counted = active(scores)
    n_cancelled = int(cancelled_mask(scores).sum())
    rows = []
    for area in AREAS:
        levels = counted[area].to_numpy(dtype=np.int64)
        counts = np.bincount(np.clip(levels, 0, 3), minlength=4)
        n_clear = int((levels >= clear_level).sum())
        rows.append(
            {
                "area": area,
                "n_activities": len(levels),
                "n_clear": n_clear,
                "share_clear": share(n_clear, len(levels)),
                **{f"level_{lv}": int(counts[lv]) for lv in LEVELS},
                "n_cancelled": n_cancelled,
            }
        )
    return pd.DataFrame(rows)


def administration_matrix(
    scores: pd.DataFrame,
    administrations: Sequence[str] = (),
    clear_level: int = 2,
    statistic: Literal["share_clear", "mean_level"] = "share_clear",
) -> pd.DataFrame:
    """Administration × area: the share of activities with a clear contribution (or mean level).

    One row per administration in ``administrations`` (in that order, NaN when it has no
    activities) followed by any other administration found in ``scores``. Columns:
    ``administration, n_activities`` and the seven areas.
    """
    if statistic not in ("share_clear", "mean_level"):
        raise ValueError(f"unknown statistic: {statistic!r}")
    counted = active(scores)
    names = _ordered_names(administrations, counted["administration"])
    values = counted[list(AREAS)].astype(np.float64)
    if statistic == "share_clear":
        values = (values >= clear_level).astype(np.float64)
    grouped = values.groupby(counted["administration"].to_numpy(dtype=object))
    table = grouped.mean().reindex(names)
    table.insert(0, "n_activities", grouped.size().reindex(names, fill_value=0).astype(np.int64))
    table.index.name = "administration"
    return table.reset_index()


def coverage(
    activities: pd.DataFrame, administrations: Sequence[str], year: int | None = None
) -> Coverage:
    """Which administrations have (non-cancelled) international activities in ``year``.

    ``table``: ``administration, n_activities, has_activities, in_parameters`` — the
    administrations of the parameters first, then any other found in the register (those do
    not count in the share). ``share`` is the share of the parameters' administrations with
    at least one activity (NaN when there are none in the parameters).
    """
    rows = activities if year is None else for_year(activities, year)
    counts = active(rows)["administration"].value_counts()
    names = _ordered_names(administrations, counts.index.to_series())
    n = counts.reindex(names, fill_value=0).astype(np.int64).to_numpy()
    known = set(administrations)
    table = pd.DataFrame(
        {
            "administration": pd.Series(names, dtype="str"),
            "n_activities": n,
            "has_activities": n > 0,
            "in_parameters": np.array([name in known for name in names], dtype=bool),
        }
    )
    listed = table[table["in_parameters"]]
    return Coverage(table, share(listed["has_activities"].sum(), len(listed)))


def funding_summary(
    activities: pd.DataFrame, eu_sources: Sequence[str] = (), own_sources: Sequence[str] = ()
) -> FundingSummary:
    """External and EU funding: totals and shares, and a table by funding source.

    EU funding is the external funding of activities whose ``funding_source`` names one of
    ``eu_sources`` (see :func:`is_eu_funding`). ``external_share`` divides the external
    funding of activities *that have a budget* by their budget; activities without a budget
    count in the totals only. Shares without a denominator are NaN.
    """
    rows = active(activities)
    budget, external = _money(rows, "budget_sek"), _money(rows, "external_funding_sek")
    eu = is_eu_funding(_text(rows, "funding_source"), eu_sources) & ~is_own_funding(
        _text(rows, "funding_source"), own_sources
    )
    budgeted = budget > 0
    totals = pd.Series(
        {
            "n_activities": len(rows),
            "n_with_budget": int(budgeted.sum()),
            "n_with_external_funding": int((external > 0).sum()),
            "n_eu_funded": int((eu & (external > 0)).sum()),
            "budget_sek": float(budget.sum()),
            "external_funding_sek": float(external.sum()),
            "eu_funding_sek": float(external[eu].sum()),
            "external_share": share(external[budgeted].sum(), budget[budgeted].sum()),
            "eu_share_of_external": share(external[eu].sum(), external.sum()),
            "eu_share_of_budget": share(external[eu & budgeted].sum(), budget[budgeted].sum()),
        },
        dtype=object,
    )
    return FundingSummary(totals, _by_source(rows, external, eu, own_sources))


def partner_countries(
    partners: pd.DataFrame, activities: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per partner country: distinct partner organisations and distinct activities.

    Columns ``country_iso3, n_partners, n_activities``, most activities first; partners whose
    country was not recognised are one row with ``country_iso3`` missing, last. When
    ``activities`` is given, partners of cancelled or unknown activities are left out.
    """
    rows = partners
    if activities is not None:
        keep = active(activities)["activity_id"]
        rows = partners[partners["activity_id"].isin(keep)]
    names = text_keys(rows["partner_name"])
    frame = pd.DataFrame(
        {
            "country_iso3": rows["country_iso3"].astype("string").to_numpy(),
            "partner": names,
            "activity_id": rows["activity_id"].to_numpy(),
        }
    )
    grouped = frame.groupby("country_iso3", dropna=False)
    table = pd.DataFrame(
        {
            "n_partners": grouped["partner"].nunique(),
            "n_activities": grouped["activity_id"].nunique(),
        }
    ).reset_index()
    table["country_iso3"] = table["country_iso3"].astype("string")
    table = table.sort_values(
        ["n_activities", "n_partners", "country_iso3"], ascending=[False, False, True]
    )
    order = np.argsort(table["country_iso3"].isna().to_numpy(), kind="stable")
    return (
        table.iloc[order]
        .reset_index(drop=True)
        .astype({"n_partners": np.int64, "n_activities": np.int64})
    )


def administration_resources(
    activities: pd.DataFrame, administrations: Sequence[str] = ()
) -> pd.DataFrame:
    """Per administration (counted activities): participants, budget, external funding and
    the city's own co-financing (budget minus external funding, never below 0, over the
    activities that have a budget). A last row ``administration = None`` holds the totals.

    Columns ``administration, n_activities, participants, budget_sek, external_funding_sek,
    own_funding_sek``.
    """
    rows = active(activities)
    budget, external = _money(rows, "budget_sek"), _money(rows, "external_funding_sek")
    own = np.where(budget > 0, np.clip(budget - external, 0, None), 0.0)
    participants = (
        pd.to_numeric(rows["participants"], errors="coerce").fillna(0).to_numpy(np.float64)
        if "participants" in rows
        else np.zeros(len(rows))
    )
    frame = pd.DataFrame(
        {
            "administration": rows["administration"].astype(object).to_numpy(),
            "n_activities": 1,
            "participants": participants,
            "budget_sek": budget,
            "external_funding_sek": external,
            "own_funding_sek": own,
        }
    )
    names = _ordered_names(administrations, frame["administration"])
    table = frame.groupby("administration").sum().reindex(names, fill_value=0)
    table.index.name = "administration"
    table = table.reset_index()
    total = table.drop(columns="administration").sum().to_dict()
    table = pd.concat([table, pd.DataFrame([{"administration": None, **total}])])
    return table.astype({"n_activities": np.int64, "participants": np.int64}).reset_index(drop=True)


def twin_city_years(
    scores: pd.DataFrame, years: Iterable[int] | None = None, twin_cities: Sequence[str] = ()
) -> pd.DataFrame:
    """Counted activities with each twin city per year (years as rows, twin cities as columns;
    the register's years, gaps included). An activity with several twin cities counts for
    each of them (``all_twin_cities`` column of the scores; ``twin_city``, the first, otherwise).
    ``twin_cities``: the parameters' twin cities, each a column even without activities."""
    rows = active(scores)
    column = "all_twin_cities" if "all_twin_cities" in rows else "twin_city"
    all_years = _year_range(scores, years)
    counts: dict[tuple[int, str], int] = {}
    names = list(dict.fromkeys(twin_cities))
    if column in rows:
        present = rows[rows[column].notna()]
        for year, cities in zip(present["year"], present[column].astype(str), strict=True):
            for city in dict.fromkeys(c.strip() for c in cities.split(";") if c.strip()):
                counts[(int(year), city)] = counts.get((int(year), city), 0) + 1
                if city not in names:
                    names.append(city)
    table = pd.DataFrame(
        {c: [counts.get((y, c), 0) for y in all_years] for c in names},
        index=pd.Index(all_years, name="year"),
        dtype=np.int64,
    )
    return table


def sdg_counts(activities: pd.DataFrame) -> pd.DataFrame:
    """Per UN Sustainable Development Goal 1–17: activities naming it and their share.

    Columns ``sdg, n_activities, share`` (share of the non-cancelled activities; NaN when
    there are none). Every goal has a row, also those no activity names.
    """
    rows = active(activities)
    counts = np.zeros(18, dtype=np.int64)
    if "sdgs" in rows and len(rows):
        exploded = rows["sdgs"].reset_index(drop=True).explode().dropna()
        goals = pd.to_numeric(exploded, errors="coerce")
        pairs = pd.DataFrame({"row": goals.index, "sdg": goals.to_numpy()}).dropna()
        pairs = pairs[pairs["sdg"].between(1, 17)].drop_duplicates()
        counts = np.bincount(pairs["sdg"].to_numpy(dtype=np.int64), minlength=18)
    return pd.DataFrame(
        {
            "sdg": np.arange(1, 18, dtype=np.int64),
            "n_activities": counts[1:],
            "share": [share(c, len(rows)) for c in counts[1:]],
        }
    )


def precondition_summary(
    preconditions: pd.DataFrame, scores: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Activities per precondition verdict: ``verdict, n_activities, share``.

    ``preconditions`` has ``activity_id`` and ``precondition`` (or ``verdict``). When
    ``scores`` is given, the summary covers exactly its non-cancelled activities, an
    activity without a precondition row counting as ``unknown``.
    """
    column = "precondition" if "precondition" in preconditions else "verdict"
    verdicts = preconditions[column].astype("string")
    if scores is not None:
        lookup = pd.Series(verdicts.to_numpy(), index=preconditions["activity_id"].to_numpy())
        lookup = lookup[~lookup.index.duplicated()]
        ids = active(scores)["activity_id"].to_numpy()
        verdicts = pd.Series(lookup.reindex(ids).to_numpy(), dtype="string").fillna("unknown")
    counts = verdicts.value_counts().reindex(list(VERDICTS), fill_value=0).astype(np.int64)
    total = int(counts.sum())
    return pd.DataFrame(
        {
            "verdict": list(VERDICTS),
            "n_activities": counts.to_numpy(),
            "share": [share(c, total) for c in counts.to_numpy()],
        }
    )


def overall_index(
    summary: pd.DataFrame, weights: Mapping[str, float] | Mapping[AreaKey, float]
) -> float:
    """Weighted mean of the areas' ``share_clear`` (areas without data left out; NaN if none).

    A single 0–1 figure for the front page; the per-area shares remain the evidence.
    """
    shares = summary.set_index("area")["share_clear"].astype(np.float64)
    w = pd.Series({a: float(weights.get(a, 0.0)) for a in shares.index})
    usable = shares.notna() & (w > 0)
    return share((shares[usable] * w[usable]).sum(), w[usable].sum())


# --- targets and trends ---------------------------------------------------------------------


def target_status(summary: pd.DataFrame, coverage_share: float, targets: Targets) -> pd.DataFrame:
    """Each measure against its target: ``met``, ``not_met`` or ``cannot_assess``.

    Rows: coverage, then each area's share of activities with a clear contribution. Columns
    ``metric, area, value, target, status, reason`` — ``reason`` is ``no_target`` or
    ``no_data`` when the status cannot be assessed (else empty).
    """
    shares = summary.set_index("area")["share_clear"]
    rows = [("coverage", pd.NA, coverage_share, targets.coverage)]
    rows += [
        ("clear_share", area, shares.get(area, np.nan), targets.clear_share.get(area))
        for area in AREAS
    ]
    frame = pd.DataFrame(rows, columns=["metric", "area", "value", "target"])
    frame["area"] = frame["area"].astype("string")
    value = pd.to_numeric(frame["value"], errors="coerce").astype(np.float64)
    target = pd.to_numeric(frame["target"], errors="coerce").astype(np.float64)
    frame["value"], frame["target"] = value, target
    no_target, no_data = target.isna(), value.isna()
    met = np.round(value - target, _PRECISION) >= 0
    frame["status"] = np.select(
        [no_target | no_data, met], ["cannot_assess", "met"], default="not_met"
    ).astype(object)
    frame["reason"] = np.select([no_target, no_data], ["no_target", "no_data"], default="")
    return frame


def year_over_year(
    scores: pd.DataFrame,
    year: int,
    clear_level: int = 2,
    tolerance: float = 0.02,
    min_activities: int = 1,
    previous_in_register: bool | None = None,
) -> pd.DataFrame:
    """Per area: share with a clear contribution this year and last year, change and trend.

    Both years are counted on like populations (:func:`comparable`): completed activities for
    the outcome areas, every counted activity for the others (``population``: ``completed`` or
    ``all``). Columns ``area, population, n_this_year, share_this_year, n_previous_year,
    share_previous_year, change, trend``; ``trend`` is ``cannot_assess`` when either year has
    no activity to compare, ``no_previous`` when the register has no activity in the previous
    year (``previous_in_register``; by default: ``scores`` has none — an administration's
    report passes the whole register's answer), and ``too_few`` when either year has fewer
    than ``min_activities`` activities in the compared group (issue 17: no verdict from one
    completed activity).
    """
    rows = []
    for area in AREAS:
        this = comparable(for_year(scores, year), area)
        prev = comparable(for_year(scores, year - 1), area)
        s_this = share(int((this[area] >= clear_level).sum()), len(this))
        s_prev = share(int((prev[area] >= clear_level).sum()), len(prev))
        population = "completed" if area in OUTCOME_AREAS else "all"
        rows.append((area, population, len(this), s_this, len(prev), s_prev))
    columns = ["area", "population", "n_this_year", "share_this_year"]
    columns += ["n_previous_year", "share_previous_year"]
    table = pd.DataFrame(rows, columns=columns)
    change = (table["share_this_year"] - table["share_previous_year"]).to_numpy(np.float64)
    table["change"] = change
    trend = trend_state(change, tolerance)
    too_few = (table["n_this_year"] < min_activities) | (table["n_previous_year"] < min_activities)
    trend = np.where(too_few.to_numpy(), "too_few", trend).astype(object)
    if previous_in_register is None:
        previous_in_register = not for_year(scores, year - 1).empty
    if not previous_in_register:
        trend[:] = "no_previous"
    table["trend"] = trend
    return table


# --- all years ------------------------------------------------------------------------------


def area_trend_over_years(
    scores: pd.DataFrame,
    clear_level: int = 2,
    tolerance: float = 0.02,
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Per year and area: ``n_activities, n_clear, share_clear, change, trend`` (long form).

    Counted on like populations (:func:`comparable`: completed activities for the outcome
    areas), so a year full of planned activities does not look like a fall. Years run from the
    first to the last in ``scores`` (or ``years``), gaps included; the change and trend compare
    with the year before.
    """
    rows = []
    for year in _year_range(scores, years):
        rows_of_year = for_year(scores, year)
        for area in AREAS:
            counted = comparable(rows_of_year, area)
            n_clear = int((counted[area] >= clear_level).sum())
            rows.append((year, area, len(counted), n_clear, share(n_clear, len(counted))))
    columns = ["year", "area", "n_activities", "n_clear", "share_clear"]
    if not rows:
        return _empty([*columns, "change", "trend"])
    table = pd.DataFrame(rows, columns=columns)
    return _with_change(table, "share_clear", tolerance, by="area")


def coverage_over_years(
    activities: pd.DataFrame,
    administrations: Sequence[str],
    tolerance: float = 0.02,
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Per year: ``n_administrations, n_with_activities, share, change, trend``."""
    rows = []
    for year in _year_range(activities, years):
        table, cov = coverage(activities, administrations, year)
        listed = table[table["in_parameters"]]
        rows.append((year, len(listed), int(listed["has_activities"].sum()), cov))
    columns = ["year", "n_administrations", "n_with_activities", "share"]
    if not rows:
        return _empty([*columns, "change", "trend"])
    return _with_change(pd.DataFrame(rows, columns=columns), "share", tolerance)


def funding_over_years(
    activities: pd.DataFrame,
    eu_sources: Sequence[str] = (),
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Per year: the totals of :func:`funding_summary`, one row per year."""
    rows = []
    for year in _year_range(activities, years):
        totals = funding_summary(for_year(activities, year), eu_sources).totals
        rows.append({"year": year, **totals.to_dict()})
    if not rows:
        columns = funding_summary(activities.iloc[:0], eu_sources).totals.index
        return _empty(["year", *columns])
    table = pd.DataFrame(rows)
    return table.astype(
        {c: np.float64 for c in table.columns if c.endswith("_sek") or "share" in c}
    )


# --- private ----------------------------------------------------------------------------------


def _ordered_names(first: Sequence[str], found: pd.Series) -> list[str]:
    """``first`` in its order, then other non-missing names in ``found``, sorted."""
    listed = list(dict.fromkeys(first))
    seen = set(listed)
    others = sorted({str(v) for v in found.dropna().unique()} - seen)
    return listed + others


def _money(frame: pd.DataFrame, name: str) -> np.ndarray:
    """Amounts in whole kronor: each activity's amount rounded to the nearest krona (halves
    away from zero) before anything is added up, so every shown total is the sum of its
    shown rows (docs/methodology.md, "Rounding"). Missing is 0."""
    if name not in frame:
        return np.zeros(len(frame))
    values = pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=np.float64, na_value=0.0)
    values = np.nan_to_num(values, nan=0.0)
    return np.sign(values) * np.floor(np.abs(values) + 0.5)


def _text(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    return frame[name].astype("string")


def _by_source(
    rows: pd.DataFrame, external: np.ndarray, eu: np.ndarray, own_sources: Sequence[str] = ()
) -> pd.DataFrame:
    """Activities and external funding per funding source (spelling variants merged), so that
    every counted activity is in exactly one row (issue 17).

    ``kind`` is ``external`` for a named source, ``own`` for the city's own money (a text of
    ``own_sources``: never an external source, one row however it is spelled) and ``none``
    for activities without a source; the own and none rows come last. Sources are ordered by
    external funding, then activities."""
    columns = ["funding_source", "kind", "is_eu", "n_activities", "external_funding_sek", "share"]
    if not len(rows):
        return _empty(columns)
    source = _text(rows, "funding_source").str.strip().replace("", pd.NA)
    key = source.str.casefold().str.split().str.join(" ")
    own = {" ".join(s.casefold().split()) for s in own_sources}
    kind = np.where(source.isna(), "none", np.where(key.isin(own), "own", "external"))
    frame = pd.DataFrame(
        {
            "key": np.where(kind == "external", key.fillna("").to_numpy(dtype=object), kind),
            "funding_source": source.to_numpy(dtype=object),
            "kind": kind,
            "is_eu": eu & (kind == "external"),
            "external_funding_sek": external,
        }
    )
    table = frame.groupby("key", sort=False).agg(
        funding_source=("funding_source", "first"),
        kind=("kind", "first"),
        is_eu=("is_eu", "any"),
        n_activities=("is_eu", "size"),
        external_funding_sek=("external_funding_sek", "sum"),
    )
    total = external.sum()
    table["share"] = [share(v, total) for v in table["external_funding_sek"]]
    table["funding_source"] = table["funding_source"].astype("string")
    table["last"] = table["kind"].map({"external": 0, "own": 1, "none": 2})
    table = table.sort_values(
        ["last", "external_funding_sek", "n_activities"], ascending=[True, False, False]
    )
    return table.reset_index(drop=True)[columns].astype({"n_activities": np.int64})


def _year_range(frame: pd.DataFrame, years: Iterable[int] | None) -> list[int]:
    """Every year from the first to the last of ``years`` (default: those in ``frame``)."""
    if years is None:
        years = pd.to_numeric(frame["year"], errors="coerce").dropna() if len(frame) else []
    years = [int(y) for y in years]
    return list(range(min(years), max(years) + 1)) if years else []


def _with_change(
    table: pd.DataFrame, column: str, tolerance: float, by: str | None = None
) -> pd.DataFrame:
    """Add ``change`` (against the previous year) and its ``trend`` state."""
    values = table[column].astype(np.float64)
    previous = values.groupby(table[by]).shift(1) if by else values.shift(1)
    table = table.copy()
    table["change"] = values - previous
    table["trend"] = trend_state(table["change"], tolerance)
    return table


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
