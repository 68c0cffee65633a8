"""The evidence-based rubric: each activity scored 0–3 in the policy's seven areas.

Every level is computed from facts recorded in the register (outcome, partners, funding,
documentation, targets, dimensions, twin cities) — never from a self-rating — with the
thresholds of :class:`~boras_intl_lib.settings.Scoring`. The levels are defined in
``docs/methodology.md``. Missing evidence counts as no evidence. Cancelled activities score 0
everywhere and are flagged; planned ones are flagged.

The functions are pure and vectorised: text columns are reduced to integer codes with
``pandas.factorize`` and the per-value work (normalising a city name, counting the distinct
entries of a list) is done once per *distinct* value, never once per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from ..i18n.labels import label
from ..settings import AREAS, Settings
from ..vocabulary import text_key_codes, text_keys

OUTCOME_KNOWLEDGE, OUTCOME_DECIDED, OUTCOME_IMPLEMENTED = 1, 2, 3

FACT_COLUMNS: tuple[str, ...] = (
    "committee",
    "activity_type",
    "status",
    "planned",
    "cancelled",
    "n_partners",
    "has_external_funding",
    "external_share",
    "outcome_level",
    "evaluated",
    "exchange_took_place",
    "knowledge_documented",
    "knowledge_shared",
    "n_profiling_targets",
    "n_sustainability_dimensions",
    "n_sdgs",
    "democracy_level",
    "is_twin_city",
    "twin_city",
)
SCORE_COLUMNS: tuple[str, ...] = ("activity_id", "year", "administration", *AREAS, *FACT_COLUMNS)


# --- public ---------------------------------------------------------------------------------


def score_activities(
    activities: pd.DataFrame, partners: pd.DataFrame, settings: Settings
) -> pd.DataFrame:
    """Score every activity in the seven areas, with the facts each score rests on.

    One row per activity, in the order of ``activities``, with the columns of
    :data:`SCORE_COLUMNS`: the seven areas as ``int64`` 0–3, then the derived facts
    (``n_partners`` distinct partner organisations, ``external_share`` of the budget — NaN
    without a budget —, ``is_twin_city``/``twin_city``, the ``planned`` and ``cancelled``
    flags, …). ``activity_id`` must be unique; partner rows of unknown activities are ignored.
    """
    facts = _activity_facts(activities, settings)
    n_partners, twin_index = _partner_facts(activities, partners, settings)
    facts["n_partners"] = n_partners
    facts["is_twin_city"] = twin_index >= 0
    facts["twin_city"] = _twin_city_names(twin_index, settings)
    levels = _levels(facts, settings)
    out = {c: activities[c].reset_index(drop=True) for c in SCORE_COLUMNS[:3]}
    for area in AREAS:
        out[area] = np.where(facts["cancelled"], 0, levels[area]).astype(np.int64)
    for column in FACT_COLUMNS:
        out[column] = facts[column]
    return pd.DataFrame(out, columns=list(SCORE_COLUMNS), copy=False)


def explain_scores(scores: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Short Swedish and English explanations of every score ("2: 3 partnerorganisationer …").

    Takes the frame of :func:`score_activities`; returns ``activity_id`` and, per area,
    ``<area>_why_sv`` and ``<area>_why_en``. The text of each distinct combination of facts
    is written once and shared by every row that has it.
    """
    out: dict[str, object] = {"activity_id": scores["activity_id"].reset_index(drop=True)}
    cancelled = _flag(scores, "cancelled")
    for area in AREAS:
        keys, render = _EXPLAINERS[area](scores, settings)
        level = scores[area].to_numpy(dtype=np.int64)
        keys = [np.where(cancelled, -1, level), *(np.where(cancelled, 0, k) for k in keys)]
        sv, en = _render_unique(keys, render)
        out[f"{area}_why_sv"] = sv
        out[f"{area}_why_en"] = en
    return pd.DataFrame(out, copy=False)


def explanation_columns(lang: str | None = None) -> list[str]:
    """Names of the explanation columns of :func:`explain_scores` (one language or both)."""
    langs = ("sv", "en") if lang is None else (lang,)
    return [f"{area}_why_{lg}" for area in AREAS for lg in langs]


# --- facts from the activities table -----------------------------------------------------------


def _activity_facts(activities: pd.DataFrame, settings: Settings) -> dict[str, object]:
    """The per-activity facts the rubric reads, missing values meaning "no evidence"."""
    status = _column(activities, "status")
    planned, cancelled = _is_value(status, "planned", "cancelled")
    activity_type = _column(activities, "activity_type")
    budget = _number(activities, "budget_sek")
    external = np.nan_to_num(_number(activities, "external_funding_sek"), nan=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(budget > 0, external / budget, np.nan)
    participants = _number(activities, "participants")
    exchange_type = activity_type.isin(settings.scoring.exchange_types).to_numpy()
    return {
        "committee": _column(activities, "committee"),
        "activity_type": activity_type,
        "status": status,
        "planned": planned,
        "cancelled": cancelled,
        "has_external_funding": external > 0,
        "external_share": share,
        "outcome_level": _level(activities, "outcome_level"),
        "evaluated": _flag(activities, "evaluated"),
        "exchange_took_place": (participants > 0) | exchange_type,
        "knowledge_documented": _flag(activities, "knowledge_documented"),
        "knowledge_shared": _flag(activities, "knowledge_shared"),
        "n_profiling_targets": _distinct_count(activities, "profiling_targets"),
        "n_sustainability_dimensions": _distinct_count(activities, "sustainability"),
        "n_sdgs": _distinct_count(activities, "sdgs"),
        "democracy_level": _level(activities, "democracy_level"),
    }


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A text column as it is (all missing ``string`` when the column is absent)."""
    if name not in frame:
        return pd.Series(pd.NA, index=range(len(frame)), dtype="string")
    return frame[name].reset_index(drop=True)


def _is_value(series: pd.Series, *values: str) -> list[np.ndarray]:
    """One boolean mask per value: where ``series`` equals it (one pass over the column)."""
    codes, uniques = pd.factorize(series.to_numpy(dtype=object))
    found = list(uniques)
    return [codes == found.index(v) if v in found else np.zeros(len(codes), bool) for v in values]


def _number(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A numeric column as float64 with NaN for missing (absent column: all NaN)."""
    if name not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def _level(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A 0–3 level column as int64; missing counts as 0 (no evidence)."""
    values = np.nan_to_num(_number(frame, name), nan=0.0)
    return np.clip(values, 0, 3).astype(np.int64)


def _flag(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A yes/no column as bool; missing counts as no."""
    if name not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame[name].astype("boolean").to_numpy(dtype=bool, na_value=False)


def _distinct_count(frame: pd.DataFrame, name: str) -> np.ndarray:
    """Number of distinct entries of a list column, computed once per distinct list."""
    if name not in frame or len(frame) == 0:
        return np.zeros(len(frame), dtype=np.int64)
    values = frame[name].to_numpy(dtype=object)
    try:
        codes, uniques = pd.factorize(values)
    except TypeError:  # unhashable lists from hand-built frames: make them tuples first
        hashable = np.empty(len(values), dtype=object)
        for i, value in enumerate(values):
            hashable[i] = tuple(value) if isinstance(value, list | set) else value
        codes, uniques = pd.factorize(hashable)
    if set(map(type, uniques)) <= {tuple, frozenset}:  # the register's tuples: C-level loop
        counts = np.fromiter(map(len, map(frozenset, uniques)), np.int64, len(uniques))
    else:
        counts = np.array([_count_distinct(u) for u in uniques], dtype=np.int64)
    return np.append(counts, 0)[codes]  # code -1 (missing) picks the trailing 0


def _count_distinct(value: object) -> int:
    if not isinstance(value, tuple | list | set | frozenset):
        return 0
    return len({v for v in value if not pd.isna(v)})


# --- facts from the partners table -------------------------------------------------------------


def _partner_facts(
    activities: pd.DataFrame, partners: pd.DataFrame, settings: Settings
) -> tuple[np.ndarray, np.ndarray]:
    """Per activity: distinct partner organisations, and the first twin city among them.

    The twin index is the position in ``settings.twin_cities`` of the first twin city
    matched (by normalised city name *and* ISO3 country), ``-1`` when none.
    """
    n = len(activities)
    ids = pd.Index(activities["activity_id"].to_numpy(dtype=object))
    if not ids.is_unique:
        raise ValueError("activity_id must be unique to score activities")
    act = ids.get_indexer(partners["activity_id"].to_numpy(dtype=object))
    known = act >= 0
    n_partners = _distinct_partners(act, partners["partner_name"], known, n)
    twin_index = _twin_index(act, partners, known, n, settings)
    return n_partners, twin_index


def _distinct_partners(act: np.ndarray, names: pd.Series, known: np.ndarray, n: int) -> np.ndarray:
    """Count distinct (normalised) partner names per activity."""
    codes = text_key_codes(names.to_numpy(dtype=object))
    keep = known & (codes >= 0)
    if not keep.any():
        return np.zeros(n, dtype=np.int64)
    width = np.int64(codes.max() + 1)
    pairs = np.sort(act[keep].astype(np.int64) * width + codes[keep], kind="stable")
    first = np.ones(len(pairs), dtype=bool)
    first[1:] = pairs[1:] != pairs[:-1]
    return np.bincount(pairs[first] // width, minlength=n).astype(np.int64)


def _twin_index(
    act: np.ndarray, partners: pd.DataFrame, known: np.ndarray, n: int, settings: Settings
) -> np.ndarray:
    """Index of the first twin city among each activity's partners (``-1`` for none)."""
    result = np.full(n, -1, dtype=np.int64)
    twins = settings.twin_cities
    if not twins or "city" not in partners or "country_iso3" not in partners:
        return result
    rows = np.flatnonzero(
        partners["country_iso3"].isin({t.country for t in twins}).to_numpy() & known
    )
    if len(rows) == 0:
        return result
    twin = _twin_of_rows(
        partners["city"].to_numpy(dtype=object)[rows],
        partners["country_iso3"].to_numpy(dtype=object)[rows],
        settings,
    )
    matched = twin >= 0
    first = np.full(n, len(twins), dtype=np.int64)
    np.minimum.at(first, act[rows][matched], twin[matched])
    return np.where(first < len(twins), first, -1)


def _twin_of_rows(cities: np.ndarray, countries: np.ndarray, settings: Settings) -> np.ndarray:
    """Twin-city index of each (city, country) row, ``-1`` when it is no twin city."""
    twins = settings.twin_cities
    keys = text_keys(np.array([t.city for t in twins], dtype=object))
    lookup = {(key, t.country): i for i, (key, t) in enumerate(zip(keys, twins, strict=True))}
    city_codes, city_uniques = pd.factorize(cities)
    country_codes, country_uniques = pd.factorize(countries)
    valid = (city_codes >= 0) & (country_codes >= 0)
    width = max(len(country_uniques), 1)
    pair_codes, pairs = pd.factorize(np.where(valid, city_codes * width + country_codes, -1))
    names = text_keys(np.asarray(city_uniques, dtype=object))
    pair_twin = [
        lookup.get((names[p // width], country_uniques[p % width]), -1) if p >= 0 else -1
        for p in pairs
    ]
    return np.asarray(pair_twin, dtype=np.int64)[pair_codes]


def _twin_city_names(twin_index: np.ndarray, settings: Settings) -> pd.Categorical:
    """The matched twin city's name per activity (missing when none), as a categorical."""
    names = list(dict.fromkeys(t.city for t in settings.twin_cities))
    codes = np.array([names.index(t.city) for t in settings.twin_cities] + [-1], dtype=np.int64)
    return pd.Categorical.from_codes(codes[twin_index], categories=pd.Index(names, dtype="str"))


# --- the rubric ------------------------------------------------------------------------------


def _levels(facts: dict, settings: Settings) -> dict[str, np.ndarray]:
    """Each area's level from the facts (before zeroing cancelled activities)."""
    return {
        "operational_development": _operational_development(facts),
        "project_collaboration": _project_collaboration(facts, settings),
        "knowledge_exchange": _knowledge_exchange(facts),
        "profiling": _profiling(facts, settings),
        "societal_impact": _societal_impact(facts, settings),
        "democratic_values": facts["democracy_level"],
        "twin_cities": _twin_cities(facts),
    }


def _operational_development(facts: dict) -> np.ndarray:
    """Outcome level 1–3; implemented change (3) counts only when evaluated, else 2."""
    outcome = facts["outcome_level"]
    capped = (outcome == OUTCOME_IMPLEMENTED) & ~facts["evaluated"]
    return np.where(capped, OUTCOME_DECIDED, outcome)


def _project_collaboration(facts: dict, settings: Settings) -> np.ndarray:
    """0 too few parties; 1 enough parties; 2 external funding; 3 strong external share."""
    enough = facts["n_partners"] >= settings.scoring.min_partners
    share = np.nan_to_num(facts["external_share"], nan=0.0)
    strong = facts["has_external_funding"] & (share >= settings.scoring.strong_external_share)
    levels = np.select([~enough, strong, facts["has_external_funding"]], [0, 3, 2], default=1)
    return levels.astype(np.int64)


def _knowledge_exchange(facts: dict) -> np.ndarray:
    """1 an exchange took place; 2 documented or spread; 3 documented and spread."""
    documented, shared = facts["knowledge_documented"], facts["knowledge_shared"]
    return np.select(
        [~facts["exchange_took_place"], documented & shared, documented | shared],
        [0, 3, 2],
        default=1,
    ).astype(np.int64)


def _profiling(facts: dict, settings: Settings) -> np.ndarray:
    """Number of profiling targets against the three thresholds of the parameters."""
    n = facts["n_profiling_targets"]
    return sum((n >= t).astype(np.int64) for t in settings.scoring.profiling_targets_for_level)


def _societal_impact(facts: dict, settings: Settings) -> np.ndarray:
    """Breadth across the three sustainability dimensions; many UN goals add one step."""
    dims, sdgs = facts["n_sustainability_dimensions"], facts["n_sdgs"]
    many = sdgs >= settings.scoring.sdgs_for_strong
    return np.select(
        [
            (dims >= 3) | ((dims >= 2) & many),
            (dims >= 2) | ((dims >= 1) & many),
            (dims >= 1) | (sdgs >= 1),
        ],
        [3, 2, 1],
        default=0,
    ).astype(np.int64)


def _twin_cities(facts: dict) -> np.ndarray:
    """0 without a twin-city partner; else 1, or 2/3 for decided/implemented change."""
    return np.where(facts["is_twin_city"], np.maximum(facts["outcome_level"], 1), 0)


# --- explanations ---------------------------------------------------------------------------

Render = Callable[..., tuple[str, str]]


def _both(key: str, **values: object) -> tuple[str, str]:
    return label(key, "sv", **values), label(key, "en", **values)


def _count(base: str, n: int) -> tuple[str, str]:
    """``base`` with ``_zero``/``_one`` variants for 0 and 1, ``{n}`` otherwise."""
    suffix = "_zero" if n == 0 else "_one" if n == 1 else ""
    return _both(f"{base}{suffix}", n=n)


def _join(level: int, *parts: tuple[str, str]) -> tuple[str, str]:
    sv = ", ".join(p[0] for p in parts)
    en = ", ".join(p[1] for p in parts)
    return f"{level}: {sv}", f"{level}: {en}"


def _percent(share: np.ndarray) -> np.ndarray:
    """Whole percent, rounded down (so 49.6 % never reads as the 50 % it does not reach)."""
    pct = np.floor(np.nan_to_num(share, nan=-0.01) * 100 + 1e-9)
    return np.clip(pct, -1, 10**9).astype(np.int64)


def _explain_od(scores: pd.DataFrame, settings: Settings) -> tuple[list, Render]:
    keys = [_int(scores, "outcome_level"), _flag(scores, "evaluated").astype(np.int64)]

    def render(level: int, outcome: int, evaluated: int) -> tuple[str, str]:
        if outcome == OUTCOME_IMPLEMENTED:
            key = "why.outcome.3_evaluated" if evaluated else "why.outcome.3_not_evaluated"
            return _join(level, _both(key))
        return _join(level, _both(f"why.outcome.{outcome}"))

    return keys, render


def _explain_pc(scores: pd.DataFrame, settings: Settings) -> tuple[list, Render]:
    keys = [
        _int(scores, "n_partners"),
        _flag(scores, "has_external_funding").astype(np.int64),
        _percent(scores["external_share"].to_numpy(dtype=np.float64, na_value=np.nan)),
    ]
    minimum = settings.scoring.min_partners

    def render(level: int, n: int, external: int, pct: int) -> tuple[str, str]:
        partners = _count("why.partners", n)
        if level == 0:
            return _join(level, partners, _both("why.partners_needed", min=minimum))
        if not external:
            return _join(level, partners, _both("why.no_external"))
        if pct < 0:
            return _join(level, partners, _both("why.external_no_budget"))
        return _join(level, partners, _both("why.external_share", pct=pct))

    return keys, render


def _explain_ke(scores: pd.DataFrame, settings: Settings) -> tuple[list, Render]:
    flags = ("exchange_took_place", "knowledge_documented", "knowledge_shared")
    keys = [_flag(scores, f).astype(np.int64) for f in flags]

    def render(level: int, exchange: int, documented: int, shared: int) -> tuple[str, str]:
        if not exchange:
            return _join(level, _both("why.exchange.none"))
        return _join(level, _both(f"why.exchange.{documented}{shared}"))

    return keys, render


def _explain_pr(scores: pd.DataFrame, settings: Settings) -> tuple[list, Render]:
    def render(level: int, n: int) -> tuple[str, str]:
        return _join(level, _count("why.targets", n))

    return [_int(scores, "n_profiling_targets")], render


def _explain_si(scores: pd.DataFrame, settings: Settings) -> tuple[list, Render]:
    keys = [_int(scores, "n_sustainability_dimensions"), _int(scores, "n_sdgs")]

    def render(level: int, dims: int, sdgs: int) -> tuple[str, str]:
        return _join(level, _count("why.dimensions", dims), _count("why.sdgs", sdgs))

    return keys, render


def _explain_dv(scores: pd.DataFrame, settings: Settings) -> tuple[list, Render]:
    def render(level: int, recorded: int) -> tuple[str, str]:
        return _join(level, _both(f"why.democracy.{recorded}"))

    return [_int(scores, "democracy_level")], render


def _explain_tc(scores: pd.DataFrame, settings: Settings) -> tuple[list, Render]:
    names = [t.city for t in settings.twin_cities]
    lookup = {name: i for i, name in enumerate(names)}
    twin = scores["twin_city"].astype(object).map(lookup).to_numpy(dtype=np.float64)
    keys = [np.nan_to_num(twin, nan=-1).astype(np.int64), _int(scores, "outcome_level")]

    def render(level: int, twin_index: int, outcome: int) -> tuple[str, str]:
        if level == 0 or twin_index < 0:
            return _join(level, _both("why.twin.none"))
        city = _both("why.twin.city", city=names[twin_index])
        return _join(level, city, _both(f"why.outcome.{outcome}"))

    return keys, render


_EXPLAINERS: dict[str, Callable[[pd.DataFrame, Settings], tuple[list, Render]]] = {
    "operational_development": _explain_od,
    "project_collaboration": _explain_pc,
    "knowledge_exchange": _explain_ke,
    "profiling": _explain_pr,
    "societal_impact": _explain_si,
    "democratic_values": _explain_dv,
    "twin_cities": _explain_tc,
}


def _int(frame: pd.DataFrame, name: str) -> np.ndarray:
    return np.nan_to_num(_number(frame, name), nan=0.0).astype(np.int64)


def _render_unique(keys: Sequence[np.ndarray], render: Render) -> tuple[pd.Series, pd.Series]:
    """Render text once per distinct key combination; level ``-1`` marks cancelled rows."""
    codes = _combination_codes(keys)
    if len(codes) == 0:
        return pd.Series([], dtype="str"), pd.Series([], dtype="str")
    # Codes number combinations in order of first appearance: the running maximum grows
    # exactly at each combination's first row.
    running = np.maximum.accumulate(codes)
    first = np.flatnonzero(np.r_[True, running[1:] > running[:-1]])
    texts = [
        _join(0, _both("why.cancelled")) if values[0] < 0 else render(*values)
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
