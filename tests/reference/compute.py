"""The second way to every number: a plain, row-by-row computation of the report's figures.

Deliberately written with loops and dictionaries over the validated register's rows and the
partners' screening verdicts; each activity's seven area levels are recomputed here too
(:func:`area_levels`, from the tables of docs/methodology.md). It imports nothing from
``aggregation``, ``report/`` or ``scoring/``: the only shared parts are the vocabulary (area
and verdict keys, the identity rule for names), the labels table (to find the workbook's
sheets) and the country names. Amounts are counted in whole kronor, as docs/methodology.md
says: each activity's amount is rounded to the nearest krona (halves away from zero) before
anything is added up, so every total is the sum of its rows.

The rules written here are the methodology's, stated once more in the simplest form:

- an activity counts in a year when its ``year`` is that year and its status is not
  ``cancelled``; cancelled activities are counted once, as cancelled;
- a partner counts when its activity counts; partners are the same organisation when their
  names are (``vocabulary.text_keys``);
- an activity involves a twin city when one of its partners is in the twin city's country and
  either its city cell names the twin city, or its city cell is empty and a word of its name
  begins with the twin city's name ("Mikkelin kaupunki", "Vejle Kommune"); every twin city an
  activity involves counts;
- a funding source is named by its text (case and spaces ignored); the parameters' own-funding
  names are the city's own money, never an external source; no text is "no source given";
- over the years, from the register's first year to the report's, the three result areas
  (operational development, knowledge exchange, twin-city work) are counted on completed
  activities only, the other four on every counted activity;
- the annex lists every activity of the year, cancelled ones marked as not counted, with the
  countries of its partners (a country that was not recognised as written).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

from boras_intl_lib.vocabulary import AREAS, VERDICTS, text_keys

NONE_SOURCE = "<none>"
OWN_SOURCE = "<own>"


def krona(value: Any) -> int:
    """An amount in whole kronor (halves away from zero); missing is 0."""
    if value is None or value is pd.NA:
        return 0
    try:
        if isinstance(value, float) and math.isnan(value):
            return 0
    except TypeError:
        return 0
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _text(value: Any) -> str:
    return "" if _missing(value) else " ".join(str(value).split())


def _fold(value: Any) -> str:
    return _text(value).casefold()


def _share(part: float, whole: float) -> float:
    return part / whole if whole else float("nan")


@dataclass
class Reference:
    """Every figure of one report (year, administration), computed plainly."""

    key_figures: dict[str, float] = field(default_factory=dict)
    coverage: dict[str, int] = field(default_factory=dict)
    countries: dict[Any, tuple[int, int]] = field(default_factory=dict)  # iso3 → partners, acts
    funding: dict[str, tuple[int, int]] = field(default_factory=dict)  # key → acts, kr
    funding_names: dict[str, str] = field(default_factory=dict)  # key → first spelling
    resources: dict[str, tuple[int, int, int, int, int]] = field(default_factory=dict)
    resources_total: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)
    twin_cities: dict[tuple[int, str], int] = field(default_factory=dict)
    sdgs: dict[int, int] = field(default_factory=dict)
    precondition: dict[str, int] = field(default_factory=dict)
    levels: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    share_clear: dict[str, float] = field(default_factory=dict)
    matrix: dict[tuple[str, str], float] = field(default_factory=dict)
    matrix_n: dict[str, int] = field(default_factory=dict)
    # over the years, from the register's first year to the report's
    area_trend: dict[tuple[int, str], float] = field(default_factory=dict)  # share clear
    coverage_trend: dict[int, tuple[int, int, float]] = field(default_factory=dict)
    funding_trend: dict[int, tuple[int, int, float]] = field(default_factory=dict)  # ext, EU
    # the annex: every activity of the year, cancelled ones too
    annex: dict[str, dict[str, Any]] = field(default_factory=dict)


def twin_cities_of(partner_rows: list[dict[str, Any]], twins: list[Any]) -> set[str]:
    """The twin cities a list of partner rows involves (every one of them)."""
    found: set[str] = set()
    for p in partner_rows:
        for t in twins:
            if _text(p.get("country_iso3")) != t.country:
                continue
            city = _fold(p.get("city"))
            twin = _fold(t.city)
            # by name (an empty city cell): the city's words in a row at a word's start, the
            # last one maybe inflected ("Mikkelin", "Frankfurt am Mainufer"), as text
            name = " " + " ".join(_fold(p.get("partner_name")).replace("-", " ").split())
            phrase = " " + " ".join(twin.replace("-", " ").split())
            if city == twin or (not city and phrase.strip() and phrase in name):
                found.add(t.city)
    return found


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [dict(zip(frame.columns, row, strict=True)) for row in frame.itertuples(index=False)]


def compute(
    register: Any,
    settings: Any,
    partner_verdicts: pd.DataFrame,
    year: int,
    administration: str | None = None,
) -> Reference:
    """The report's figures for ``year`` (and one administration) from the register rows and
    the partners' verdicts (``evaluation.partners``); each activity's seven area levels are
    recomputed here (:func:`area_levels`), not taken from the scoring."""
    ref = Reference()
    admins = [administration] if administration else [a.name for a in settings.administrations]
    activities = [
        a
        for a in _records(register.activities)
        if administration is None or a["administration"] == administration
    ]
    this_year = [a for a in activities if int(a["year"]) == year]
    counted = [a for a in this_year if _text(a.get("status")) != "cancelled"]
    counted_ids = {a["activity_id"] for a in counted}
    n_cancelled = len(this_year) - len(counted)

    partners_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in _records(register.partners):
        partners_of[p["activity_id"]].append(p)

    # coverage
    by_admin: dict[str, int] = {name: 0 for name in admins}
    for a in counted:
        by_admin[a["administration"]] = by_admin.get(a["administration"], 0) + 1
    ref.coverage = by_admin
    listed = [name for name in admins]
    n_admins_with = sum(1 for name in listed if by_admin.get(name, 0) > 0)

    # partners and countries
    partner_keys: set[str] = set()
    country_partners: dict[Any, set[str]] = defaultdict(set)
    country_acts: dict[Any, set[str]] = defaultdict(set)
    for a in counted:
        for p in partners_of.get(a["activity_id"], []):
            key = text_keys(pd.Series([p["partner_name"]], dtype=object))[0]
            iso = None if _missing(p.get("country_iso3")) else p["country_iso3"]
            partner_keys.add(key)
            country_partners[iso].add(key)
            country_acts[iso].add(a["activity_id"])
    ref.countries = {
        iso: (len(country_partners[iso]), len(country_acts[iso])) for iso in country_partners
    }

    # funding
    eu_words = list(settings.scoring.eu_funding_sources)
    own_names = {_fold(s) for s in getattr(settings.scoring, "own_funding_sources", ())}
    external_total = eu_total = 0
    for a in counted:
        external = krona(a.get("external_funding_sek"))
        source = _text(a.get("funding_source"))
        folded = source.casefold()
        if not source:
            key = NONE_SOURCE
        elif folded in own_names:
            key = OWN_SOURCE
        else:
            key = folded
            ref.funding_names.setdefault(key, source)
        n, kr = ref.funding.get(key, (0, 0))
        ref.funding[key] = (n + 1, kr + external)
        external_total += external
        if key not in (NONE_SOURCE, OWN_SOURCE) and _is_eu(source, eu_words):
            eu_total += external

    # resources per administration
    totals = [0, 0, 0, 0, 0]
    for name in admins:
        ref.resources[name] = (0, 0, 0, 0, 0)
    for a in counted:
        budget = krona(a.get("budget_sek"))
        external = krona(a.get("external_funding_sek"))
        own = max(budget - external, 0) if budget > 0 else 0
        participants = 0 if _missing(a.get("participants")) else int(a["participants"])
        row = ref.resources.get(a["administration"], (0, 0, 0, 0, 0))
        add = (1, participants, budget, external, own)
        ref.resources[a["administration"]] = tuple(x + y for x, y in zip(row, add, strict=True))
        totals = [x + y for x, y in zip(totals, add, strict=True)]
    ref.resources_total = tuple(totals)  # type: ignore[assignment]

    # twin cities, every year up to the report's
    first = min([int(a["year"]) for a in activities] + [year])
    for y in range(first, year + 1):
        for t in settings.twin_cities:
            ref.twin_cities[(y, t.city)] = 0
    for a in activities:
        y = int(a["year"])
        if y > year or _text(a.get("status")) == "cancelled":
            continue
        for city in twin_cities_of(partners_of.get(a["activity_id"], []), settings.twin_cities):
            ref.twin_cities[(y, city)] += 1

    # SDGs
    ref.sdgs = {g: 0 for g in range(1, 18)}
    for a in counted:
        goals = a.get("sdgs")
        for g in set(goals if isinstance(goals, list | tuple) else []):
            if 1 <= int(g) <= 17:
                ref.sdgs[int(g)] += 1

    # precondition: the worst of the partners' verdicts; no partners → unknown
    ref.precondition = {v: 0 for v in VERDICTS}
    worst: dict[str, int] = {}
    for p in _records(partner_verdicts):
        if p["activity_id"] in counted_ids:
            rank = VERDICTS.index(str(p["verdict"]))
            worst[p["activity_id"]] = max(worst.get(p["activity_id"], -1), rank)
    for a in counted:
        rank = worst.get(a["activity_id"], VERDICTS.index("unknown"))
        ref.precondition[VERDICTS[rank]] += 1

    # Every area's level recomputed from the register by the methodology's rubric.
    level_of = {
        a["activity_id"]: area_levels(a, partners_of.get(a["activity_id"], []), settings)
        for a in activities
    }

    # areas and the administration × area matrix
    clear = settings.scoring.clear_level
    for area in AREAS:
        counts = [0, 0, 0, 0]
        for a in counted:
            counts[int(level_of[a["activity_id"]][area])] += 1
        ref.levels[area] = tuple(counts)  # type: ignore[assignment]
        ref.share_clear[area] = _share(sum(counts[clear:]), len(counted))
    for name in admins:
        mine = [a for a in counted if a["administration"] == name]
        ref.matrix_n[name] = len(mine)
        for area in AREAS:
            n_clear = sum(1 for a in mine if int(level_of[a["activity_id"]][area]) >= clear)
            ref.matrix[(name, area)] = _share(n_clear, len(mine))

    _over_the_years(ref, activities, level_of, admins, settings, year)
    _annex(ref, this_year, partners_of, level_of, worst)

    weights = settings.weights
    usable = [a for a in AREAS if not math.isnan(ref.share_clear[a]) and weights.get(a, 0) > 0]
    index = _share(
        sum(ref.share_clear[a] * weights[a] for a in usable), sum(weights[a] for a in usable)
    )
    ref.key_figures = {
        "fig.activities": len(counted),
        "fig.cancelled": n_cancelled,
        "fig.administrations": n_admins_with,
        "fig.partners": len(partner_keys),
        "fig.countries": len([iso for iso in country_partners if iso is not None]),
        "fig.external_funding": external_total,
        "fig.eu_funding": eu_total,
        "fig.eu_share": _share(eu_total, external_total),
        "fig.overall_index": index,
    }
    return ref


#: The areas that rest on results: compared over the years on completed activities only.
RESULT_AREAS = ("operational_development", "knowledge_exchange", "twin_cities")


def _over_the_years(
    ref: Reference,
    activities: list[dict[str, Any]],
    level_of: dict[str, dict[str, int]],
    admins: list[str],
    settings: Any,
    year: int,
) -> None:
    """The over-time sheets: per year from the first in the register (the report's
    administration's, in its report) to the report year, gaps included: each area's share
    with a clear contribution on like populations (completed activities for the three result
    areas), coverage, and external and EU funding."""
    clear = settings.scoring.clear_level
    eu_words = list(settings.scoring.eu_funding_sources)
    own_names = {_fold(s) for s in getattr(settings.scoring, "own_funding_sources", ())}
    first = min([int(a["year"]) for a in activities] + [year])
    for y in range(first, year + 1):
        counted = [
            a for a in activities if int(a["year"]) == y and _text(a.get("status")) != "cancelled"
        ]
        for area in AREAS:
            population = counted
            if area in RESULT_AREAS:
                population = [a for a in counted if _text(a.get("status")) == "completed"]
            n_clear = 0
            for a in population:
                if level_of[a["activity_id"]][area] >= clear:
                    n_clear += 1
            ref.area_trend[(y, area)] = _share(n_clear, len(population))
        with_activities = {a["administration"] for a in counted}
        n_with = sum(1 for name in admins if name in with_activities)
        ref.coverage_trend[y] = (n_with, len(admins), _share(n_with, len(admins)))
        external = eu = 0
        for a in counted:
            kr = krona(a.get("external_funding_sek"))
            external += kr
            source = _text(a.get("funding_source"))
            if source and source.casefold() not in own_names and _is_eu(source, eu_words):
                eu += kr
        ref.funding_trend[y] = (external, eu, _share(eu, external))


def _annex(
    ref: Reference,
    this_year: list[dict[str, Any]],
    partners_of: dict[str, list[dict[str, Any]]],
    level_of: dict[str, dict[str, int]],
    worst: dict[str, int],
) -> None:
    """The annex: every activity of the year, cancelled ones too (marked as not counted):
    its register cells, its partners' countries, its seven levels and its precondition."""
    for a in this_year:
        aid = a["activity_id"]
        status = _text(a.get("status")) or "ongoing"
        countries = set()
        for p in partners_of.get(aid, []):
            iso = _text(p.get("country_iso3"))
            countries.add(("iso", iso) if iso else ("text", _text(p.get("country"))))
        verdict = VERDICTS[worst.get(aid, VERDICTS.index("unknown"))]
        ref.annex[aid] = {
            "title": _text(a.get("title")),
            "administration": a["administration"],
            "status": status,
            "activity_type": _text(a.get("activity_type")) or None,
            "countries": countries - {("text", "")},
            "levels": level_of[aid],
            "verdict": None if status == "cancelled" else verdict,
        }


def _is_eu(source: str, eu_words: list[str]) -> bool:
    """Whether the source names an EU programme: a whole-word match, acronyms in capitals
    matched as written, other names in any case."""
    import re

    for word in eu_words:
        word = word.strip()
        flags = 0 if word.isupper() else re.IGNORECASE
        if re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", source, flags):
            return True
    return False


# --- the rubric, as docs/methodology.md writes it ------------------------------------------


def _yes(value: Any) -> bool:
    """A yes/no cell: missing counts as no (no evidence)."""
    return not _missing(value) and bool(value)


def _number(value: Any) -> float | None:
    """A number cell as a float, ``None`` when missing."""
    return None if _missing(value) else float(value)


def _level_cell(value: Any) -> int:
    """A recorded 0–3 level: missing is 0 (no evidence)."""
    number = _number(value)
    return 0 if number is None else min(max(int(number), 0), 3)


def _distinct(value: Any) -> int:
    """The number of distinct entries of a list cell (empty or missing: 0)."""
    if not isinstance(value, list | tuple | set | frozenset):
        return 0
    return len({v for v in value if not _missing(v)})


_PARTNER_KEYS: dict[str, str] = {}


def _partner_key(name: Any) -> str | None:
    """One partner's identity (``vocabulary.text_keys``), ``None`` for a missing name."""
    if _missing(name) or not str(name).strip():
        return None
    text = str(name)
    if text not in _PARTNER_KEYS:
        _PARTNER_KEYS[text] = str(text_keys(pd.Series([text], dtype=object))[0])
    return _PARTNER_KEYS[text]


def area_levels(
    activity: dict[str, Any], partner_rows: list[dict[str, Any]], settings: Any
) -> dict[str, int]:
    """One activity's level 0–3 in each of the seven areas, rule by rule from the tables of
    docs/methodology.md ("The seven areas") and the ``scoring`` parameters."""
    sc = settings.scoring
    if _text(activity.get("status")) == "cancelled":
        return dict.fromkeys(AREAS, 0)  # cancelled activities score 0 in every area
    outcome = _level_cell(activity.get("outcome_level"))
    levels: dict[str, int] = {}

    # 1. Operational development: the outcome level; implemented change is strong (3) only
    # when the activity was evaluated, else clear (2).
    if outcome == 3 and not _yes(activity.get("evaluated")):
        levels["operational_development"] = 2
    else:
        levels["operational_development"] = outcome

    # 2. Project collaboration: enough distinct partners first, then external funding, then
    # its share of the budget (no budget: the share cannot be computed → 2).
    names = {_partner_key(p.get("partner_name")) for p in partner_rows} - {None}
    external = _number(activity.get("external_funding_sek")) or 0.0
    budget = _number(activity.get("budget_sek"))
    if len(names) < sc.min_partners:
        level = 0
    elif external <= 0:
        level = 1
    elif budget is None or budget <= 0:
        level = 2
    elif external / budget >= sc.strong_external_share:
        level = 3
    else:
        level = 2
    levels["project_collaboration"] = level

    # 3. Knowledge exchange: an exchange took place (participants, or an exchange-type
    # activity); then documented and/or spread.
    participants = _number(activity.get("participants")) or 0.0
    exchange = participants > 0 or _text(activity.get("activity_type")) in sc.exchange_types
    documented = _yes(activity.get("knowledge_documented"))
    shared = _yes(activity.get("knowledge_shared"))
    if not exchange:
        level = 0
    elif documented and shared:
        level = 3
    elif documented or shared:
        level = 2
    else:
        level = 1
    levels["knowledge_exchange"] = level

    # 4. Profiling: distinct targets against the three thresholds (1, 2, 4).
    targets = _distinct(activity.get("profiling_targets"))
    level = 0
    for lv, needed in enumerate(sc.profiling_targets_for_level, start=1):
        if targets >= needed:
            level = lv
    levels["profiling"] = level

    # 5. Societal impact: breadth across the three dimensions; at least sdgs_for_strong
    # goals raise one or two dimensions by one step; goals without a dimension stay at 1.
    dims = _distinct(activity.get("sustainability"))
    goals = _distinct(activity.get("sdgs"))
    many = goals >= sc.sdgs_for_strong
    if dims == 0:  # goals without a dimension stay weak, however many
        levels["societal_impact"] = 1 if goals > 0 else 0
    elif many:
        levels["societal_impact"] = min(dims + 1, 3)
    else:
        levels["societal_impact"] = dims

    # 6. Democratic values: the recorded democracy level.
    levels["democratic_values"] = _level_cell(activity.get("democracy_level"))

    # 7. Twin-city work: 0 without a twin-city partner, else the outcome level but at least 1.
    twin = twin_cities_of(partner_rows, settings.twin_cities)
    levels["twin_cities"] = max(outcome, 1) if twin else 0
    return levels
