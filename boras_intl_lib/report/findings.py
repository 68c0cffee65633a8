"""The report's verdict: the year's assessment in a few sentences and its findings by severity.

The verdict block stands first in the report, under the title: what the executive board must
act on comes before anything else. Every finding has a severity — ``action`` (action needed),
``note`` (to note) or ``info`` (for information) — that the report writes out in words, not
only in colour. Findings that name things (activities lacking an exception, expiring
decisions) carry them as ``items``.

Two rules keep the text honest:

- *Never reassure from missing data*: a sentence that would claim completeness ("every
  activity meets the precondition") appears only when nothing is unassessable; otherwise the
  sentence says how many cannot be assessed.
- *No comparison without information*: "largest … smallest …" is left out when the values
  are all equal.

Sentences are built from labels with numbers filled in; register text (names) is passed as
values so the display layer escapes it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..aggregation import active
from ..countries import country_names
from ..i18n.formatting import fmt_date, fmt_percent, fmt_sek
from ..i18n.labels import label
from ..register.model import issue_rows
from . import tables
from .data import ReportData

SEVERITIES: tuple[str, ...] = ("action", "note", "info")
EXPIRY_MONTHS = 12  # an exception ending within this many months of the year's end is flagged
MAX_ITEMS = 5  # more countries than this are named in one line


@dataclass(frozen=True)
class Finding:
    """One finding: its severity, its sentence and the things it names (already in words)."""

    severity: str
    text: str
    items: tuple[str, ...] = ()


def verdict(data: ReportData) -> tuple[list[str], list[Finding]]:
    """The assessment (3–6 sentences) and the findings, most severe first."""
    if data.is_empty:
        return [], [Finding("note", no_activities_sentence(data))]
    return assessment(data), findings(data)


def no_activities_sentence(data: ReportData) -> str:
    """The one sentence of a year (or an administration's year) without activities; an
    administration's says so of itself and gives the city's count, never "the register has
    none"."""
    if data.administration is not None and data.city_areas is not None:
        n_city = int(data.city_areas["n_activities"].iloc[0]) if len(data.city_areas) else 0
        return label(
            "finding.no_activities_administration",
            data.lang,
            name=data.administration,
            year=data.year,
            n=n_city,
        )
    return label("finding.no_activities", data.lang, year=data.year)


def assessment(data: ReportData) -> list[str]:
    """The year in a few plain sentences: volume and status, precondition, coverage, areas,
    funding."""
    out = [_volume(data), precondition_sentence(data), _coverage(data)]
    out += _areas(data)
    out.append(_funding(data))
    return out


def findings(data: ReportData) -> list[Finding]:
    """Every finding of the year, ranked by severity (stable within a severity)."""
    found = [
        *_missing_exceptions(data),
        *_unknown(data),
        *_expiring(data),
        *_without_work(data),
        *_quality(data),
        *_covered(data),
        *_cancelled(data),
    ]
    return sorted(found, key=lambda f: SEVERITIES.index(f.severity))


# --- the assessment --------------------------------------------------------------------------


def _volume(data: ReportData) -> str:
    s = data.statuses
    return label(
        "verdict.volume",
        data.lang,
        n=int(s.sum()),
        year=data.year,
        planned=int(s["planned"]),
        ongoing=int(s["ongoing"]),
        completed=int(s["completed"]),
    )


def _counts(data: ReportData) -> pd.Series:
    return data.precondition.set_index("verdict")["n_activities"].astype(int)


def precondition_sentence(data: ReportData) -> str:
    """The precondition in one sentence; completeness is claimed only when all was assessed."""
    c, lang = _counts(data), data.lang
    missing, unknown, covered = int(c["needs_exception"]), int(c["unknown"]), int(c["exception"])
    if missing and data.is_baseline:
        text = label("finding.needs_exception_baseline", lang, n=missing)
        return text + (" " + label("verdict.unknown_also", lang, n=unknown) if unknown else "")
    if missing:
        text = label("finding.needs_exception", lang, n=missing)
        return text + (" " + label("verdict.unknown_also", lang, n=unknown) if unknown else "")
    if unknown:
        return label("verdict.precondition_unknown", lang, n=unknown, total=int(c.sum()))
    return label("finding.no_missing_exception", lang) + (
        " " + label("finding.exception", lang, n=covered) if covered else ""
    )


def _coverage(data: ReportData) -> str:
    lang, table = data.lang, data.coverage.table
    listed = table[table["in_parameters"]]
    if data.administration is not None:
        return label("verdict.own_administration", lang, name=data.administration)
    return label(
        "finding.coverage",
        lang,
        n=int(listed["has_activities"].sum()),
        m=len(listed),
        share=fmt_percent(data.coverage.share, lang),
    )


def _areas(data: ReportData) -> list[str]:
    """Largest and smallest share of a clear contribution — only when they differ and rest on
    at least ``trends.min_activities`` activities."""
    lang = data.lang
    shares = data.areas.set_index("area")["share_clear"].dropna()
    if shares.empty or math.isclose(shares.max(), shares.min()):
        return []
    if len(active(data.scores)) < data.settings.trends.min_activities:
        return []  # "100 % … 0 %" of one activity ranks nothing (issue 17 item 6)
    best, worst = shares.idxmax(), shares.idxmin()
    return [
        label(
            "finding.areas",
            lang,
            best=label(f"area.{best}", lang),
            best_share=fmt_percent(shares[best], lang),
            worst=label(f"area.{worst}", lang),
            worst_share=fmt_percent(shares[worst], lang),
        )
    ]


def _funding(data: ReportData) -> str:
    lang, t = data.lang, data.funding.totals
    if not t["external_funding_sek"]:
        return label("finding.no_external_funding", lang)
    eu_share = t["eu_share_of_external"]
    return label(
        "finding.funding",
        lang,
        external=fmt_sek(t["external_funding_sek"], lang),
        eu=fmt_sek(t["eu_funding_sek"], lang),
        share=fmt_percent(0.0 if math.isnan(eu_share) else eu_share, lang),
    )


# --- the findings ----------------------------------------------------------------------------


def _named_activities(data: ReportData, verdict_key: str) -> tuple[str, ...]:
    """ "ID Title (administration; partner (country), …)" for the counted activities with a
    verdict; a completed one lacking a required exception says it has already taken place."""
    lang = data.lang
    partners = data.partners[data.partners["verdict"].astype("string") == verdict_key]
    if partners.empty:
        return ()
    names = tables.partner_countries(partners, lang)
    # each partner with its country ("Shaoxing … (Kina)"): what the board must decide about
    where = [
        f"{p} ({c})" if isinstance(c, str) else str(p)
        for p, c in zip(partners["partner_name"], names, strict=True)
    ]
    countries = tables.per_activity(partners["activity_id"], where)
    rows = active(data.scores)
    rows = rows[rows["activity_id"].isin(partners["activity_id"])].sort_values("activity_id")
    return tuple(
        label(
            "verdict.activity_item_done"
            if str(r.status) == "completed" and verdict_key == "needs_exception"
            else "verdict.activity_item",
            lang,
            id=r.activity_id,
            title=r.title,
            administration=r.administration,
            countries=countries.get(r.activity_id, "–"),
        )
        for r in rows.itertuples(index=False)
    )


def _missing_exceptions(data: ReportData) -> list[Finding]:
    n = int(_counts(data)["needs_exception"])
    if not n:
        return []
    items = _named_activities(data, "needs_exception")
    if data.is_baseline:  # the policy was not yet in force: to know, not to act on
        return [Finding("info", label("finding.needs_exception_baseline", data.lang, n=n), items)]
    text = label("finding.needs_exception", data.lang, n=n)
    return [Finding("action", text, items)]


def _unknown(data: ReportData) -> list[Finding]:
    n = int(_counts(data)["unknown"])
    if not n:
        return []
    from .tables import countries_without_data, unrecognised_countries

    lang = data.lang
    text = label("finding.unknown", lang, n=n)
    without, unrecognised = countries_without_data(data), unrecognised_countries(data)
    items: list[str] = []
    if len(without) > MAX_ITEMS:  # one line, not a page of countries
        items.append(label("verdict.countries_without_data", lang, n=len(without),
                           countries=", ".join(without)))  # fmt: skip
    else:
        items += [label("verdict.country_without_data", lang, country=c) for c in without]
    items += [label("verdict.country_unrecognised", lang, country=c) for c in unrecognised]
    items += _unassessed_partners(data)
    return [Finding("action", text, tuple(items))]


def _unassessed_partners(data: ReportData) -> list[str]:
    """Each partner that cannot be assessed, by name, country and reason, and each counted
    activity without partners (issue 17: they appeared only as a country)."""
    from ..settings import CONDITIONS

    lang = data.lang
    rows = data.partners[data.partners["verdict"].astype("string") == "unknown"]
    names = country_names(rows["country_iso3"], lang).where(
        rows["country_iso3"].notna().to_numpy(), rows["country"].astype("string")
    )
    out: dict[str, None] = {}
    for (_, r), country in zip(rows.iterrows(), names, strict=True):
        if pd.isna(r["country_iso3"]):
            reason = label("reason.country_unrecognised", lang)
        else:
            missing = [
                label(f"condition.{c}", lang).lower()
                for c in CONDITIONS
                if str(r.get(c, "")) == "unknown"
            ]
            reason = label("reason.no_data_for", lang, conditions=", ".join(missing))
        text = label(
            "verdict.partner_unassessed",
            lang,
            partner=r["partner_name"],
            country=country if isinstance(country, str) else "–",
            reason=reason,
        )
        out[text] = None
    with_partners = set(data.partners["activity_id"])
    for r in active(data.scores).sort_values("activity_id").itertuples(index=False):
        if r.activity_id not in with_partners:
            out[
                label("verdict.activity_without_partners", lang, id=r.activity_id, title=r.title)
            ] = None
    return list(out)


def _continuing(activity_id: str, title: object, administration: object, of_d: pd.DataFrame) -> str:
    """An activity a decision covers, as the board acts on it: id, title, administration and
    the partners (with their countries) the decision covers in it."""
    who = ", ".join(sorted(set(of_d.loc[of_d["activity_id"] == activity_id, "who"])))
    where = "; ".join(str(x) for x in (administration, who) if isinstance(x, str) and x)
    text = f"{activity_id} {title if isinstance(title, str) else ''}".strip()
    return f"{text} ({where})" if where else text


def _expiring(data: ReportData) -> list[Finding]:
    """Exceptions in use that end within a year of the year's end while their activities go
    on, and exceptions without an end date."""
    lang = data.lang
    used = data.partners.dropna(subset=["decision_id"])
    if used.empty:
        return []
    going_on = active(data.scores)
    going_on = going_on[going_on["status"].astype("string").isin(["planned", "ongoing"])]
    continuing = set(used.loc[used["activity_id"].isin(going_on["activity_id"]), "decision_id"])
    decisions = data.register.exceptions
    decisions = decisions[decisions["decision_id"].isin(set(used["decision_id"]))]
    year_end = pd.Timestamp(data.year, 12, 31)
    limit = year_end + pd.DateOffset(months=EXPIRY_MONTHS)
    valid_to = pd.to_datetime(decisions["valid_to"])
    expiring = decisions[
        valid_to.notna() & (valid_to <= limit) & decisions["decision_id"].isin(continuing)
    ]
    open_ended = decisions[valid_to.isna()]
    out = []
    if len(expiring):
        by_id = going_on.set_index("activity_id")
        titles = by_id["title"].astype("string")
        admins = by_id["administration"].astype("string")
        names = tables.partner_countries(used, lang)
        # each covered partner with its country ("Grad Kragujevac (Serbien)")
        covered = used.assign(
            who=[
                f"{p} ({c})" if isinstance(c, str) else str(p)
                for p, c in zip(used["partner_name"], names, strict=True)
            ]
        )
        items_action: list[str] = []
        items_note: list[str] = []
        for d, v in zip(expiring["decision_id"], expiring["valid_to"], strict=True):
            of_d = covered[covered["decision_id"] == d]
            ids = sorted(set(of_d["activity_id"]) & set(going_on["activity_id"]))
            acts = "; ".join(
                _continuing(i, titles.get(i, ""), admins.get(i, ""), of_d) for i in ids
            )
            item = label(
                "verdict.decision_item_activities",
                lang,
                id=d,
                date=fmt_date(v, lang),
                activities=acts,
            )
            # the activity goes on past the decision's end: a decision is needed now (not in a
            # baseline year: the policy did not yet require one)
            ended = pd.Timestamp(v) <= year_end and not data.is_baseline
            (items_action if ended else items_note).append(item)
        if items_action:
            out.append(
                Finding(
                    "action",
                    label("finding.expired", lang, n=len(items_action)),
                    tuple(items_action),
                )
            )
        if items_note:
            out.append(
                Finding(
                    "note", label("finding.expiring", lang, n=len(items_note)), tuple(items_note)
                )
            )
    if len(open_ended):
        items = tuple(str(d) for d in open_ended["decision_id"])
        out.append(Finding("note", label("finding.open_ended", lang, n=len(open_ended)), items))
    return out


def _without_work(data: ReportData) -> list[Finding]:
    if data.administration is not None:
        return []
    table = data.coverage.table
    listed = table[table["in_parameters"]]
    without = tuple(listed.loc[~listed["has_activities"], "administration"].astype(str))
    if not without:
        return []
    text = label("finding.without_work", data.lang, n=len(without))
    return [Finding("note", text, without)]


def _quality(data: ReportData) -> list[Finding]:
    """This year's data-quality problems (rejected rows to note, warnings for information)."""
    lang, issues = data.lang, data.issues
    rejected = issues[issues["severity"] == "error"]
    n_rejected = len(issue_rows(rejected))  # (sheet or file, row), as validate counts
    n_warned = int((issues["severity"] == "warning").sum())
    out = []
    if n_rejected:
        out.append(Finding("note", label("finding.rejected_rows", lang, n=n_rejected)))
    if n_warned:
        out.append(Finding("info", label("finding.warnings", lang, n=n_warned)))
    return out


def _covered(data: ReportData) -> list[Finding]:
    n = int(_counts(data)["exception"])
    return [Finding("info", label("finding.exception", data.lang, n=n))] if n else []


def _cancelled(data: ReportData) -> list[Finding]:
    n = len(data.scores) - len(active(data.scores))
    return [Finding("info", label("finding.cancelled", data.lang, n=n))] if n else []
