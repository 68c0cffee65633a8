"""The facts each activity's scores rest on, derived once from the register's tables.

A :class:`Facts` holds one array per fact, aligned with the activities. Missing evidence is
no evidence: an empty flag is ``False``, an empty level ``0``. Text columns are reduced to
integer codes with ``pandas.factorize`` and per-value work (normalising a city name,
counting the distinct entries of a list) is done once per *distinct* value, never per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import pandas as pd

from ..register.model import activity_rows
from ..settings import Settings
from ..vocabulary import text_key_codes, text_keys


@dataclass(frozen=True)
class Facts:
    """Per-activity facts, one array (or column) each, in the order of the activities."""

    committee: pd.Series
    activity_type: pd.Series
    status: pd.Series
    planned: np.ndarray  # bool
    cancelled: np.ndarray  # bool
    n_partners: np.ndarray  # int64: distinct partner organisations
    has_external_funding: np.ndarray  # bool
    external_share: np.ndarray  # float64: external funding / budget, NaN without a budget
    outcome_level: np.ndarray  # int64 0–3
    evaluated: np.ndarray  # bool
    exchange_took_place: np.ndarray  # bool: participants recorded or an exchange-type activity
    knowledge_documented: np.ndarray  # bool
    knowledge_shared: np.ndarray  # bool
    n_profiling_targets: np.ndarray  # int64
    n_sustainability_dimensions: np.ndarray  # int64
    n_sdgs: np.ndarray  # int64
    democracy_level: np.ndarray  # int64 0–3
    is_twin_city: np.ndarray  # bool
    twin_city: pd.Categorical  # the first matched twin city's name, missing when none
    all_twin_cities: np.ndarray  # object: every matched twin city, "; "-joined, missing when none

    def columns(self) -> dict[str, object]:
        """The facts by name, in declaration order (the score table's fact columns)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


#: The fact columns of the score table, in order.
FACT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Facts))


def activity_facts(
    activities: pd.DataFrame,
    partners: pd.DataFrame,
    settings: Settings,
    rows_of: np.ndarray | None = None,
) -> Facts:
    """The facts of every activity; ``activity_id`` must be unique, partner rows of unknown
    activities are ignored. ``rows_of``: each partner's row in ``activities``, when the
    caller has it (:func:`~boras_intl_lib.register.model.activity_rows`)."""
    n_partners, twin_mask = _partner_facts(activities, partners, settings, rows_of)
    twin_index = _first_twin(twin_mask)
    return Facts(
        **_activity_facts(activities, settings),
        n_partners=n_partners,
        is_twin_city=twin_index >= 0,
        twin_city=_twin_city_names(twin_index, settings),
        all_twin_cities=_all_twin_city_names(twin_mask, settings),
    )


# --- facts from the activities table ---------------------------------------------------------


def _activity_facts(activities: pd.DataFrame, settings: Settings) -> dict[str, Any]:
    """The per-activity facts the rubric reads, missing values meaning "no evidence"."""
    status = _column(activities, "status")
    planned, cancelled = _is_value(status, "planned", "cancelled")
    activity_type = _column(activities, "activity_type")
    budget = numbers(activities, "budget_sek")
    external = np.nan_to_num(numbers(activities, "external_funding_sek"), nan=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(budget > 0, external / budget, np.nan)
    participants = numbers(activities, "participants")
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
        "evaluated": flags(activities, "evaluated"),
        "exchange_took_place": (participants > 0) | exchange_type,
        "knowledge_documented": flags(activities, "knowledge_documented"),
        "knowledge_shared": flags(activities, "knowledge_shared"),
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


def numbers(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A numeric column as float64 with NaN for missing (absent column: all NaN)."""
    if name not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def _level(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A 0–3 level column as int64; missing counts as 0 (no evidence)."""
    return np.clip(np.nan_to_num(numbers(frame, name), nan=0.0), 0, 3).astype(np.int64)


def integers(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A numeric column as int64; missing counts as 0."""
    return np.nan_to_num(numbers(frame, name), nan=0.0).astype(np.int64)


def flags(frame: pd.DataFrame, name: str) -> np.ndarray:
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
    activities: pd.DataFrame,
    partners: pd.DataFrame,
    settings: Settings,
    rows_of: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per activity: distinct partner organisations, and which twin cities it involves.

    The twin mask has one column per entry of ``settings.twin_cities``: True where a partner
    of the activity is in that twin city (:func:`_twin_of_rows`).
    """
    n = len(activities)
    if not activities["activity_id"].is_unique:
        raise ValueError("activity_id must be unique to score activities")
    act = activity_rows(partners["activity_id"], activities) if rows_of is None else rows_of
    known = act >= 0
    n_partners = _distinct_partners(act, partners["partner_name"], known, n)
    twin_mask = _twin_mask(act, partners, known, n, settings)
    return n_partners, twin_mask


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


def _twin_mask(
    act: np.ndarray, partners: pd.DataFrame, known: np.ndarray, n: int, settings: Settings
) -> np.ndarray:
    """Activity × twin city: True where one of the activity's partners is in that twin city.

    Every twin city an activity involves counts (issue 17: an activity with all three twin
    cities counted only for the first)."""
    twins = settings.twin_cities
    mask = np.zeros((n, len(twins)), dtype=bool)
    if not twins or "city" not in partners or "country_iso3" not in partners:
        return mask
    rows = np.flatnonzero(
        partners["country_iso3"].isin({t.country for t in twins}).to_numpy() & known
    )
    if len(rows) == 0:
        return mask
    names = (
        partners["partner_name"].to_numpy(dtype=object)[rows]
        if "partner_name" in partners
        else np.full(len(rows), None, dtype=object)
    )
    twin = _twin_of_rows(
        partners["city"].to_numpy(dtype=object)[rows],
        partners["country_iso3"].to_numpy(dtype=object)[rows],
        settings,
        names,
    )
    matched = twin >= 0
    mask[act[rows][matched], twin[matched]] = True
    return mask


def _first_twin(mask: np.ndarray) -> np.ndarray:
    """Index of the first twin city (in the parameters' order) per activity, ``-1`` for none."""
    if mask.shape[1] == 0:
        return np.full(mask.shape[0], -1, dtype=np.int64)
    return np.where(mask.any(axis=1), mask.argmax(axis=1), -1).astype(np.int64)


def _twin_of_rows(
    cities: np.ndarray,
    countries: np.ndarray,
    settings: Settings,
    names: np.ndarray | None = None,
) -> np.ndarray:
    """Twin-city index of each (city, country) row, ``-1`` when it is no twin city.

    A row matches on its city cell and country; a row whose city cell is empty matches when a
    word of the partner's name begins with a twin city of its country ("Vejle Kommune",
    "Mikkelin kaupunki"), as docs/methodology.md states."""
    twins = settings.twin_cities
    keys = text_keys(np.array([t.city for t in twins], dtype=object))
    lookup = {(key, t.country): i for i, (key, t) in enumerate(zip(keys, twins, strict=True))}
    city_codes, city_uniques = pd.factorize(cities)
    country_codes, country_uniques = pd.factorize(countries)
    valid = (city_codes >= 0) & (country_codes >= 0)
    width = max(len(country_uniques), 1)
    pair_codes, pairs = pd.factorize(np.where(valid, city_codes * width + country_codes, -1))
    city_keys = text_keys(np.asarray(city_uniques, dtype=object))
    pair_twin = [
        lookup.get((city_keys[p // width], country_uniques[p % width]), -1) if p >= 0 else -1
        for p in pairs
    ]
    out = np.asarray(pair_twin, dtype=np.int64)[pair_codes]
    if names is not None:
        blank = np.array([_blank(c) for c in cities], dtype=bool)
        todo = np.flatnonzero(blank & (out < 0))
        city_words = [_words(k) for k in keys]
        name_keys = text_keys(np.asarray(names, dtype=object)[todo])
        for i, name_key in zip(todo, name_keys, strict=True):
            out[i] = _twin_in_name(name_key, countries[i], twins, city_words)
    return out


def _blank(value: object) -> bool:
    return (
        value is None
        or value is pd.NA
        or (isinstance(value, float) and np.isnan(value))
        or (isinstance(value, str) and not value.strip())
    )


def _twin_in_name(
    name_key: str | None, country: object, twins: Sequence[Any], city_words: Sequence[list[str]]
) -> int:
    """The first twin city of ``country`` whose name a word of the partner's name begins with,
    ``-1`` if none. A city of several words ("Frankfurt am Main", "Saint-Étienne") is found as
    the same words in a row, the last one beginning a word of the name. Both sides are text
    keys (:func:`~boras_intl_lib.vocabulary.text_keys`: the name's ``name_key``, each twin
    city's words in ``city_words``), split into words at spaces and hyphens."""
    if name_key is None or _blank(country):
        return -1
    words = _words(name_key)
    for i, (t, city) in enumerate(zip(twins, city_words, strict=True)):
        if t.country == country and city and _begins_run(words, city):
            return i
    return -1


def _words(key: str | None) -> list[str]:
    """The words of a text key, hyphens counted as spaces."""
    return key.replace("-", " ").split() if key else []


def _begins_run(words: list[str], city: list[str]) -> bool:
    """Whether ``city``'s words stand in ``words`` in a row, the last as a word's beginning."""
    *whole, last = city
    n = len(whole)
    return any(
        words[i : i + n] == whole and words[i + n].startswith(last) for i in range(len(words) - n)
    )


def _all_twin_city_names(mask: np.ndarray, settings: Settings) -> np.ndarray:
    """Every matched twin city per activity, "; "-joined in the parameters' order."""
    names = [t.city for t in settings.twin_cities]
    out = np.full(mask.shape[0], None, dtype=object)
    for row in np.flatnonzero(mask.any(axis=1)) if mask.shape[1] else []:
        out[row] = "; ".join(dict.fromkeys(names[j] for j in np.flatnonzero(mask[row])))
    return out


def _twin_city_names(twin_index: np.ndarray, settings: Settings) -> pd.Categorical:
    """The matched twin city's name per activity (missing when none), as a categorical."""
    names = list(dict.fromkeys(t.city for t in settings.twin_cities))
    codes = np.array([names.index(t.city) for t in settings.twin_cities] + [-1], dtype=np.int64)
    return pd.Categorical.from_codes(codes[twin_index], categories=pd.Index(names, dtype="str"))
