"""Generate the register bundled with the package: FICTITIOUS example data, seeded and reproducible.

Writes ``boras_intl_lib/data/example_register.xlsx`` (sheets ``om``, ``aktiviteter``,
``partner``, ``undantag`` with the Swedish headers of :mod:`boras_intl_lib.register.format`)
and, with ``--csv DIR``, the same register as a CSV folder the way Excel with Swedish settings
exports it (Windows-1252, ``;``, decimal comma, no-break-space thousands separators)::

    .venv/bin/python scripts/make_example_register.py [--out FILE.xlsx] [--csv DIR]

The content (organisations, recurring and one-off activities, phrases) lives in
``scripts/example_register_content.yaml``; this script draws from it. Same input, same bytes:
the random generator is seeded and the workbook's timestamps and zip entry dates are fixed.
The administrations of each year come from ``parameters/<year>.yaml``.

Nothing here describes Borås Stad's real activities. Organisations are real names used as
plausible partners; every person is invented (contact persons are personal data in the
register's terms and must never appear in a report).

Deliberate findings, so the report has real content:

* Data quality — no row is rejected (``boras-intl validate`` exits 0), but two rows are kept
  with a warning, none in 2025 (:func:`_add_deliberate_problems`):
  1. 2022: a partner whose country is written as its region ("Katalonien"): not recognised.
  2. 2023: an administration typed without its ending ("Kulturförvaltning").
* The policy's precondition (partner countries must be democracies that respect human rights
  and the rule of law, otherwise Kommunstyrelsen decides an exception; :func:`_exceptions`):
  - Kragujevac (Serbia), 2021-2025: covered in 2021 by a decision limited to that activity,
    which expired at the end of 2021; NOT covered in 2022; covered from 2023 by a decision that
    names the partner.
  - Profiling visit to China, 2025: NO valid decision (an old 2019 decision for China expired
    in 2020).
  - Kenya (2022-), Tanzania (2024-) and Bila Tserkva, Ukraine (2023-) are covered by decisions.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runnable from a checkout without an installed package
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Font  # noqa: E402

from boras_intl_lib.register.format import (  # noqa: E402
    ACTIVITIES,
    ACTIVITY_TYPE,
    EXCEPTIONS,
    PARTNER_TYPE,
    PARTNERS,
    PROFILING_TARGET,
    STATUS,
    SUSTAINABILITY,
    Table,
)
from boras_intl_lib.settings import load_settings  # noqa: E402

SEED = 20230621  # the day Kommunfullmäktige adopted the policy
YEARS: tuple[int, ...] = (2021, 2022, 2023, 2024, 2025)
CONTENT = Path(__file__).resolve().with_name("example_register_content.yaml")
DEFAULT_OUT = ROOT / "boras_intl_lib" / "data" / "example_register.xlsx"
PARAMETERS = ROOT / "parameters"
FIXED_TIME = datetime(2025, 1, 1)  # workbook created/modified: fixed for reproducible bytes
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
TITLE = "Fiktiva exempeldata — inte Borås Stads verkliga register"
OWN = "egen finansiering"
MONEY = ("budget_sek", "external_funding_sek")
NBSP = "\u00a0"
DIGITAL_KINDS = ("study_visit", "twinning", "knowledge_exchange", "conference")
NOT_ONGOING = ("study_visit", "conference", "profiling")  # a visit is done or not


# --- the content -------------------------------------------------------------------------------
@dataclass
class Admin:
    """An administration: name, activities per year, contact persons, Swedish co-partners."""

    name: str
    activities: list[int]
    contacts: list[str]
    swedish_partners: list[str]


@dataclass
class Idea:
    """A one-off activity an administration might undertake; ``{slot}``s vary the wording."""

    admin: str
    kind: str  # activity type key (register_format.ACTIVITY_TYPE)
    title: str
    text: str
    partners: list[str]  # organisation keys; "a|b" = one of them, "?a" = perhaps
    funding: str = OWN
    budget: tuple[int, int] = (15_000, 60_000)
    people: tuple[int, int] = (2, 8)
    profiling: list[str] = field(default_factory=lambda: ["knowledge"])
    sustainability: list[str] = field(default_factory=lambda: ["social"])
    sdgs: list[int] = field(default_factory=lambda: [4])
    democracy: int = 0


@dataclass
class Year:
    """One year of a recurring activity: what is specific to that year."""

    status: str  # register_format.STATUS key
    title: str
    text: str
    partners: list[str] | None = None
    kind: str | None = None
    funding: str | None = None
    budget: tuple[int, int] | None = None
    outcome: int | None = None


@dataclass
class Recurring:
    """A recurring activity (project, membership, partnership): one register row per year."""

    key: str
    admin: str
    kind: str
    partners: list[str]
    years: dict[int, Year]
    funding: str = OWN
    budget: tuple[int, int] = (20_000, 60_000)
    people: tuple[int, int] = (2, 6)
    profiling: list[str] = field(default_factory=lambda: ["knowledge"])
    sustainability: list[str] = field(default_factory=lambda: ["social"])
    sdgs: list[int] = field(default_factory=lambda: [17])
    democracy: int = 0


@dataclass
class Content:
    """Everything the generator draws from (see example_register_content.yaml)."""

    admins: dict[str, Admin]  # code -> administration
    organisations: dict[str, tuple[str, str, str, str]]  # key -> name, type, city, country
    slots: dict[str, list[str]]
    funding: dict[str, tuple[float, float]]  # source -> external share range
    funding_spellings: dict[str, list[str]]
    recurring: list[Recurring]
    one_off: list[Idea]
    phrases: dict
    repeat_suffixes: dict[str, list[str]]

    def code(self, name: str) -> str:
        """The activity-id code of an administration."""
        return next(code for code, a in self.admins.items() if a.name == name)


def load_content(path: Path = CONTENT) -> Content:
    """Read the content file and check that every reference in it resolves."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    content = Content(
        admins={code: Admin(**a) for code, a in data["administrations"].items()},
        organisations={k: tuple(v) for k, v in data["organisations"].items()},
        slots=data["slots"],
        funding={k: tuple(v) for k, v in data["funding"].items()},
        funding_spellings=data["funding_spellings"],
        recurring=[
            Recurring(**{**r, "years": {int(y): Year(**v) for y, v in r["years"].items()}})
            for r in data["recurring"]
        ],
        one_off=[Idea(**i) for i in data["one_off"]],
        phrases=data["phrases"],
        repeat_suffixes=data["repeat_suffixes"],
    )
    _check(content)
    return content


def _check(c: Content) -> None:
    """Fail with a plain message when the content file refers to something unknown."""
    problems: list[str] = []

    def keys(spec: Sequence[str]) -> list[str]:
        return [k for token in spec for k in token.lstrip("?").split("|")]

    for org, (_, ptype, _, _) in c.organisations.items():
        if ptype not in PARTNER_TYPE.values:
            problems.append(f"organisation {org}: unknown partner type {ptype}")
    for code, admin in c.admins.items():
        if len(admin.activities) != len(YEARS):
            problems.append(f"{code}: activities needs one number per year {YEARS}")
        problems += [
            f"{code}: unknown organisation {k}"
            for k in keys(admin.swedish_partners)
            if k not in c.organisations
        ]
    items: list[tuple[str, Idea | Recurring | Year]] = [(i.title, i) for i in c.one_off]
    for r in c.recurring:
        items.append((r.key, r))
        items += [(f"{r.key} {y}", v) for y, v in r.years.items()]
    for label, item in items:
        admin = getattr(item, "admin", None)
        if admin is not None and admin not in c.admins:
            problems.append(f"{label}: unknown administration code {admin}")
        if item.kind is not None and item.kind not in ACTIVITY_TYPE.values:
            problems.append(f"{label}: unknown kind {item.kind}")
        if item.funding is not None and item.funding not in c.funding:
            problems.append(f"{label}: unknown funding source {item.funding}")
        problems += [
            f"{label}: unknown organisation {k}"
            for k in keys(item.partners or [])
            if k not in c.organisations
        ]
        for name, vocabulary in (
            ("profiling", PROFILING_TARGET),
            ("sustainability", SUSTAINABILITY),
        ):
            problems += [
                f"{label}: unknown {name} {v}"
                for v in getattr(item, name, [])
                if v not in vocabulary.values
            ]
    if problems:
        raise SystemExit(f"{CONTENT.name}: " + "; ".join(problems))


@dataclass
class Register:
    """The generated register: rows per table (canonical column names) and what is deliberate."""

    activities: list[dict[str, object]] = field(default_factory=list)
    partners: list[dict[str, object]] = field(default_factory=list)
    exceptions: list[dict[str, object]] = field(default_factory=list)
    deliberate: list[dict[str, str]] = field(default_factory=list)


# --- how coordinators type things --------------------------------------------------------------
def _email(name: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
    return ".".join(name.lower().translate(table).split()) + "@exempel.boras.se"


def _cap(rng: random.Random, word: str, p: float = 0.08) -> str:
    """Coordinators sometimes capitalise a vocabulary word."""
    return word[:1].upper() + word[1:] if rng.random() < p else word


def _yes_no(rng: random.Random, value: bool | None) -> str | None:
    if value is None:
        return None
    if value:
        return rng.choices(("ja", "Ja", "x"), weights=(85, 10, 5))[0]
    return rng.choices(("nej", "Nej"), weights=(90, 10))[0]


def _labels(rng: random.Random, keys: Sequence[str], vocabulary: dict[str, str]) -> str | None:
    """A list cell in Swedish words: "ekologisk; social" (separators vary)."""
    if not keys:
        return None
    words = [_cap(rng, vocabulary[k], 0.05) for k in keys]
    return rng.choices(("; ", ", ", ";"), weights=(7, 2, 1))[0].join(words)


def _sdgs(rng: random.Random, goals: Sequence[int]) -> str | None:
    if not goals:
        return None
    sep = rng.choices((", ", "; ", ","), weights=(80, 15, 5))[0]
    return sep.join(str(g) for g in sorted(goals))


def _pick_partners(rng: random.Random, spec: Sequence[str]) -> list[str]:
    """Resolve a partner spec: ``a|b`` picks one, ``?a`` is included half the time."""
    chosen: list[str] = []
    for token in spec:
        if token.startswith("?"):
            if rng.random() < 0.5:
                continue
            token = token[1:]
        key = rng.choice(token.split("|"))
        if key not in chosen:
            chosen.append(key)
    return chosen


def _fill(text: str, slots: dict[str, str]) -> str:
    return text.format(**slots) if "{" in text else text


def _status(rng: random.Random, year: int, kind: str) -> str:
    """A plausible status for a one-off activity; a visit or a conference is never 'ongoing'."""
    ongoing = 0 if kind in NOT_ONGOING else 1
    if year == YEARS[-1]:
        weights = (55 - 15 * ongoing, 30 * ongoing, 12 + 5 * (1 - ongoing), 3)
        return rng.choices(("completed", "ongoing", "planned", "cancelled"), weights)[0]
    cancelled = 10 if year == 2021 else 3  # 2021: the pandemic
    weights = (87 - cancelled + 13 * (1 - ongoing), 13 * ongoing, cancelled)
    return rng.choices(("completed", "ongoing", "cancelled"), weights)[0]


# --- one activity row --------------------------------------------------------------------------
def _activity(
    rng: random.Random,
    c: Content,
    *,
    year: int,
    admin: str,
    committee: str | None,
    kind: str,
    status: str,
    title: str,
    text: str,
    funding: str,
    budget: Sequence[int],
    people: Sequence[int],
    profiling: Sequence[str],
    sustainability: Sequence[str],
    sdgs: Sequence[int],
    democracy: int,
    outcome: int | None = None,
) -> dict[str, object]:
    """Build one activity row with plausible, varied evidence fields."""
    progress = year - 2021  # the policy (2023) makes follow-up slowly better
    phrases = c.phrases
    notes: list[str] = [text]

    if year == 2021 and kind in DIGITAL_KINDS and status == "completed" and rng.random() < 0.35:
        title = "Digitalt: " + title[:1].lower() + title[1:]
        notes.append("Genomfördes digitalt på grund av pandemin.")
        budget = (max(0, budget[0] // 10), max(1_000, budget[1] // 8))

    if status == "cancelled":
        outcome = 0
    elif status == "planned":
        outcome = None
    elif outcome is None:
        weights = (3, 5, 2, 0) if status == "ongoing" else (1, 4, 3, 2 + progress / 2)
        outcome = rng.choices((0, 1, 2, 3), weights=weights)[0]

    evaluated = documented = shared = None
    if status == "completed":
        evaluated = rng.random() < 0.45 + 0.08 * progress
        documented = rng.random() < (0.6 + 0.07 * progress if outcome else 0.2)
        shared = documented and rng.random() < 0.5 + 0.07 * progress
    elif status == "ongoing":
        evaluated = rng.random() < 0.1
        documented = rng.random() < 0.4
        shared = documented and rng.random() < 0.4
    elif status == "cancelled":
        evaluated = documented = shared = False

    if status == "cancelled":
        pandemic = "Inställd på grund av pandemin."
        notes.append(pandemic if year == 2021 else rng.choice(phrases["cancelled"]))
    elif status == "planned":
        notes.append(rng.choice(phrases["planned"]))
    else:
        if outcome is not None and rng.random() < 0.7:
            notes.append(rng.choice(phrases["outcome"][outcome]))
        if documented and rng.random() < 0.5:
            notes.append(rng.choice(phrases["documented"]))
        if shared and rng.random() < 0.5:
            notes.append(rng.choice(phrases["shared"]))

    amount: float | int | str | None = rng.randint(*budget) if budget[1] else 0
    if isinstance(amount, int) and amount >= 1_000:
        amount = round(amount, -3) if amount >= 20_000 else round(amount, -2)
    low, high = c.funding[funding]
    share = rng.uniform(low, high)
    external: int | None = min(int(round(amount * share, -2)), amount) if amount else 0
    source: str | None = rng.choice(c.funding_spellings.get(funding, [funding]))
    if funding == OWN and rng.random() < 0.35:
        external, source = None, None  # left empty: no external money
    if rng.random() < 0.04 and funding == OWN:
        amount = None  # budget not filled in
    elif amount and rng.random() < 0.03:
        amount = amount + 0.5  # kronor and öre, as in the accounts
    if isinstance(amount, int) and 2022 <= year <= 2023 and rng.random() < 0.03:
        amount = f"{amount:,}".replace(",", " ")  # a number typed as text in Excel

    participants: int | None = rng.randint(*people)
    if status == "cancelled":
        participants = 0
    elif (status == "planned" and rng.random() < 0.5) or rng.random() < 0.05:
        participants = None

    level: int | None = democracy
    if rng.random() < 0.15:
        level = min(3, max(0, democracy + rng.choice((-1, 1))))
    if rng.random() < 0.05:
        level = None

    person = rng.choice(c.admins[c.code(admin)].contacts)
    contact = rng.choices(
        (f"{person}, {_email(person)}", _email(person), person, None), weights=(80, 8, 8, 4)
    )[0]
    return {
        "activity_id": None,  # assigned once the administration's rows are complete
        "year": year,
        "title": title,
        "administration": admin,
        "committee": committee if rng.random() < 0.9 else None,
        "activity_type": _cap(rng, ACTIVITY_TYPE.values[kind]),
        "status": _cap(rng, STATUS.values[status], 0.05),
        "budget_sek": amount,
        "external_funding_sek": external,
        "funding_source": source,
        "participants": participants,
        "outcome_level": outcome,
        "evaluated": _yes_no(rng, evaluated if rng.random() > 0.08 else None),
        "knowledge_documented": _yes_no(rng, documented if rng.random() > 0.08 else None),
        "knowledge_shared": _yes_no(rng, shared if rng.random() > 0.08 else None),
        "profiling_targets": _labels(rng, profiling, PROFILING_TARGET.values),
        "sustainability": _labels(rng, sustainability, SUSTAINABILITY.values),
        "sdgs": _sdgs(rng, sdgs),
        "democracy_level": level,
        "contact_person": contact,
        "description": " ".join(notes),
    }


def _partner_rows(
    rng: random.Random, c: Content, activity_id: str, keys: Sequence[str]
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for key in keys:
        name, ptype, city, country = c.organisations[key]
        rows.append(
            {
                "activity_id": activity_id,
                "partner_name": name,
                "partner_type": PARTNER_TYPE.values[ptype] if rng.random() > 0.05 else None,
                "city": city if rng.random() > 0.03 else None,
                "country": country,
            }
        )
    return rows


# --- the register ------------------------------------------------------------------------------
def _administrations(year: int, c: Content) -> list[tuple[str, str | None]]:
    """The administrations and committees of ``parameters/<year>.yaml``."""
    settings = load_settings(PARAMETERS / f"{year}.yaml")
    known = {a.name for a in c.admins.values()}
    unknown = [a.name for a in settings.administrations if a.name not in known]
    if unknown:
        raise SystemExit(f"{CONTENT.name} has no code for administration(s): {', '.join(unknown)}")
    return [(a.name, a.committee) for a in settings.administrations]


def build_register(c: Content | None = None) -> Register:
    """Generate the whole register, deterministically."""
    c = c or load_content()
    reg = Register()
    used: dict[int, int] = {}  # one-off index -> times used (spread ideas over the years)
    seen: set[str] = set()  # one-off titles used in earlier years
    recurring_ids: dict[tuple[str, int], str] = {}
    for year in YEARS:
        rng = random.Random(SEED * 10_000 + year)
        bases: set[str] = set()  # titles before any "done before" suffix, this year
        for admin, committee in _administrations(year, c):
            code = c.code(admin)
            target = c.admins[code].activities[YEARS.index(year)]
            rows: list[tuple[dict[str, object], list[str], str | None]] = []
            for r in c.recurring:
                y = r.years.get(year)
                if r.admin != code or y is None:
                    continue
                row = _activity(
                    rng, c, year=year, admin=admin, committee=committee,
                    kind=y.kind or r.kind, status=y.status, title=y.title, text=y.text,
                    funding=y.funding or r.funding, budget=y.budget or r.budget,
                    people=r.people, profiling=r.profiling, sustainability=r.sustainability,
                    sdgs=r.sdgs, democracy=r.democracy, outcome=y.outcome,
                )  # fmt: skip
                rows.append((row, _pick_partners(rng, y.partners or r.partners), r.key))
                bases.add(y.title)
            own = [i for i, idea in enumerate(c.one_off) if idea.admin == code]
            clashes: dict[int, int] = {}  # one-off index -> titles already taken this year
            while len(rows) < target:
                open_ideas = [i for i in own if clashes.get(i, 0) < 5]
                if not open_ideas:
                    raise SystemExit(f"{year} {code}: not enough distinct one-offs for {target}")
                fewest = min(used.get(i, 0) for i in open_ideas)
                index = rng.choice([i for i in open_ideas if used.get(i, 0) <= fewest + 1])
                idea = c.one_off[index]
                slots = {name: rng.choice(values) for name, values in c.slots.items()}
                title = base = _fill(idea.title, slots)
                if base in bases:  # the same thing twice in one year
                    clashes[index] = clashes.get(index, 0) + 1
                    continue
                if base in seen and rng.random() < 0.8:  # done before: say which time
                    suffixes = c.repeat_suffixes.get(idea.kind, c.repeat_suffixes[""])
                    if base.endswith(")"):
                        suffixes = [s for s in suffixes if not s.startswith(" (")]
                    title += rng.choice(suffixes).replace("{year}", str(year))
                bases.add(base)
                seen.add(base)
                row = _activity(
                    rng, c, year=year, admin=admin, committee=committee, kind=idea.kind,
                    status=_status(rng, year, idea.kind), title=title,
                    text=_fill(idea.text, slots), funding=idea.funding, budget=idea.budget,
                    people=idea.people, profiling=idea.profiling,
                    sustainability=idea.sustainability, sdgs=idea.sdgs,
                    democracy=idea.democracy,
                )  # fmt: skip
                used[index] = used.get(index, 0) + 1
                partners = _pick_partners(rng, idea.partners)
                if rng.random() < 0.35:
                    extra = rng.choice(c.admins[code].swedish_partners)
                    if extra not in partners:
                        partners.append(extra)
                rows.append((row, partners, None))
            rng.shuffle(rows)  # coordinators add rows in no particular order
            for seq, (row, partners, key) in enumerate(rows, start=1):
                activity_id = f"{year}-{code}-{seq:03d}"
                row["activity_id"] = activity_id
                reg.activities.append(row)
                reg.partners.extend(_partner_rows(rng, c, activity_id, partners))
                if key:
                    recurring_ids[(key, year)] = activity_id
    reg.exceptions = _exceptions(recurring_ids, c)
    _add_deliberate_problems(reg)
    return reg


def _exceptions(ids: dict[tuple[str, int], str], c: Content) -> list[dict[str, object]]:
    """Kommunstyrelsen's exception decisions (diarienummer, date, scope)."""

    def decision(
        did: str,
        when: date,
        country: str | None = None,
        partner: str | None = None,
        activity: str | None = None,
        start: date | None = None,
        end: date | None = None,
    ) -> dict[str, object]:
        return {
            "decision_id": did,
            "decision_date": when,
            "country": country,
            "partner_name": partner,
            "activity_id": activity,
            "valid_from": start,
            "valid_to": end,
        }

    return [
        # An old decision for a trade delegation to China; expired long before the 2025
        # visit, which therefore has NO valid decision (a deliberate finding).
        decision("KS 2019-00044", date(2019, 11, 18), country="Kina",
                 start=date(2020, 1, 1), end=date(2020, 12, 31)),
        # Serbia, limited to the 2021 activity and expired at the end of 2021: the 2022 row
        # of the same partnership is NOT covered (a deliberate finding).
        decision("KS 2021-00187", date(2021, 3, 15), country="Serbien",
                 activity=ids[("kragujevac", 2021)], start=date(2021, 3, 15),
                 end=date(2021, 12, 31)),
        decision("KS 2022-00341", date(2022, 2, 7), country="Kenya",
                 start=date(2022, 1, 1), end=date(2025, 12, 31)),
        # By partner name only: covers Grad Kragujevac 2023-2025.
        decision("KS 2023-00123", date(2023, 1, 30), partner=c.organisations["kragujevac"][0],
                 start=date(2023, 2, 1), end=date(2025, 12, 31)),
        decision("KS 2023-00567", date(2023, 5, 22), country="Ukraina",
                 activity=ids[("bilatserkva", 2023)]),
        decision("KS 2023-00412", date(2023, 9, 11), country="Tanzania",
                 start=date(2023, 10, 1)),
        decision("KS 2024-00212", date(2024, 1, 29), country="Ukraina",
                 start=date(2024, 1, 1), end=date(2026, 12, 31)),
    ]  # fmt: skip


def _add_deliberate_problems(reg: Register) -> None:
    """Two rows a loader keeps but flags, in 2022-2023; 2025 stays clean.

    No row is rejected: ``boras-intl validate`` on the bundled register exits 0 (issue 2).
    """
    acts = reg.activities

    # (1) 2022: a partner country written as a region, which no country table knows. The row
    #     is kept with a warning; the partner cannot be screened (precondition "unknown").
    row = next(
        p
        for p in reg.partners
        if str(p["activity_id"]).startswith("2022-") and p["country"] == "Spanien"
    )
    regions = {"Mataró": "Katalonien", "Pontevedra": "Galicien"}
    row["country"] = regions.get(str(row["city"]), "Katalonien")
    reg.deliberate.append(
        {"table": "partners", "activity_id": str(row["activity_id"]),
         "problem": f"unrecognised country (a region: {row['country']})"}
    )  # fmt: skip

    # (2) 2023: an administration typed without its definite ending. Kept with a warning; it
    #     does not count towards coverage until corrected.
    victim = next(
        a for a in acts if a["year"] == 2023 and a["administration"] == "Kulturförvaltningen"
    )
    victim["administration"] = "Kulturförvaltning"
    reg.deliberate.append(
        {"table": "activities", "activity_id": str(victim["activity_id"]),
         "problem": "unknown administration (Kulturförvaltning)"}
    )  # fmt: skip


# --- writing -----------------------------------------------------------------------------------
def _about(reg: Register) -> list[list[object]]:
    """The 'om' sheet: what this workbook is (and is not)."""
    per_year = {y: sum(1 for a in reg.activities if a["year"] == y) for y in YEARS}
    lines: list[list[object]] = [
        [TITLE],
        [],
        ["Det här registret är påhittat. Det visar hur verktyget boras-intl fungerar och får "
         "inte användas som underlag för beslut eller citeras som uppgifter om Borås Stad."],
        ["Fictitious example data — not Borås Stad's real register. It demonstrates the "
         "boras-intl toolkit and must not be quoted as facts about the city."],
        [],
        ["Organisationerna är verkliga namn som används som tänkbara partner; samarbetena är "
         "påhittade. Alla personer är påhittade."],
        ["Några rader innehåller avsiktliga fel och några aktiviteter saknar avsiktligt "
         "undantagsbeslut, så att rapportens avsnitt om datakvalitet och förutsättningar har "
         "innehåll."],
        [],
        [f"Skapat av scripts/make_example_register.py (seed {SEED}). Kör skriptet igen för att "
         "återskapa filen."],
        [],
        ["Blad", "Innehåll"],
        [ACTIVITIES.swedish, "En rad per aktivitet och år"],
        [PARTNERS.swedish, "En rad per partnerorganisation i en aktivitet"],
        [EXCEPTIONS.swedish, "Kommunstyrelsens beslut om undantag"],
        [],
        ["År", f"Rader i {ACTIVITIES.swedish}"],
    ]  # fmt: skip
    lines.extend([year, n] for year, n in per_year.items())
    return lines


def _tables(reg: Register) -> list[tuple[Table, list[dict[str, object]]]]:
    return [(ACTIVITIES, reg.activities), (PARTNERS, reg.partners), (EXCEPTIONS, reg.exceptions)]


def write_xlsx(reg: Register, path: Path) -> None:
    """Write the workbook with fixed timestamps, so the same register gives the same bytes."""
    wb = Workbook()
    about = wb.active
    about.title = "om"
    for line in _about(reg):
        about.append(line)
    about["A1"].font = Font(bold=True, size=14)
    about.column_dimensions["A"].width = 24
    widths = {"title": 60, "description": 80, "partner_name": 50}
    for table, rows in _tables(reg):
        ws = wb.create_sheet(table.swedish)
        ws.append([col.swedish for col in table.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([row.get(col.name) for col in table.columns])
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for index, col in enumerate(table.columns, start=1):
            letter = ws.cell(row=1, column=index).column_letter
            ws.column_dimensions[letter].width = widths.get(col.name, 18)
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                if col.kind == "date":
                    cell.number_format = "yyyy-mm-dd"
                elif col.name in MONEY and isinstance(cell.value, int | float):
                    whole = float(cell.value).is_integer()
                    cell.number_format = "#,##0" if whole else "#,##0.00"
    props = wb.properties
    props.title = TITLE
    props.subject = "Exempelregister för boras-intl (fiktiva data)"
    props.keywords = "exempeldata; fiktiva data; boras-intl"
    props.creator = "scripts/make_example_register.py"
    props.lastModifiedBy = None
    props.created = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_reproducible(buffer.getvalue()))


def _reproducible(data: bytes) -> bytes:
    """Re-zip with fixed entry dates and a fixed 'modified' stamp (openpyxl writes 'now')."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, content)
    return out.getvalue()


def _csv_value(name: str, value: object) -> str:
    """A cell as Excel with Swedish settings exports it (decimal comma, NBSP thousands)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".replace(",", NBSP).replace(".", ",")
    if isinstance(value, int | float) and name in MONEY:
        return f"{int(value):,}".replace(",", NBSP)
    if isinstance(value, float):
        return str(int(value))
    return str(value)


def write_csv(reg: Register, folder: Path) -> None:
    """Write ``aktiviteter.csv``, ``partner.csv``, ``undantag.csv`` (Windows-1252, ``;``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in _tables(reg):
        with (folder / f"{table.swedish}.csv").open("w", encoding="cp1252", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            writer.writerow([col.swedish for col in table.columns])
            for row in rows:
                writer.writerow([_csv_value(col.name, row.get(col.name)) for col in table.columns])


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the workbook (and optionally the CSV folder)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"workbook to write (default: {DEFAULT_OUT.relative_to(ROOT)})",
    )
    parser.add_argument(
        "--csv", type=Path, metavar="DIR", help="also write the register as a CSV folder"
    )
    args = parser.parse_args(argv)
    reg = build_register()
    write_xlsx(reg, args.out)
    if args.csv:
        write_csv(reg, args.csv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
