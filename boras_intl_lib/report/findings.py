"""The report's main findings: plain sentences generated from the data, most important first.

Sentences are built from labels with numbers filled in; register text (names) is passed as
values so the display layer escapes it.
"""

from __future__ import annotations

import math

from ..aggregation import active
from ..i18n.formatting import fmt_percent, fmt_sek
from ..i18n.labels import label
from .data import ReportData


def main_findings(data: ReportData) -> list[str]:
    """Sentences for the summary: precondition first, then coverage, areas, funding, quality."""
    if data.is_empty:
        return [label("finding.no_activities", data.lang, year=data.year)]
    return [
        *_precondition(data),
        _coverage(data),
        *_areas(data),
        _funding(data),
        *_quality(data),
    ]


def _precondition(data: ReportData) -> list[str]:
    lang = data.lang
    counts = data.precondition.set_index("verdict")["n_activities"]
    out = []
    missing, unknown = int(counts.get("needs_exception", 0)), int(counts.get("unknown", 0))
    if missing:
        out.append(label("finding.needs_exception", lang, n=missing))
    elif not unknown:  # "all meet it" only when every activity could be assessed
        out.append(label("finding.no_missing_exception", lang))
    if unknown:
        out.append(label("finding.unknown", lang, n=unknown))
    if counts.get("exception", 0):
        out.append(label("finding.exception", lang, n=int(counts["exception"])))
    return out


def _coverage(data: ReportData) -> str:
    lang, table = data.lang, data.coverage.table
    listed = table[table["in_parameters"]]
    without = listed.loc[~listed["has_activities"], "administration"].tolist()
    text = label(
        "finding.coverage",
        lang,
        n=int(listed["has_activities"].sum()),
        m=len(listed),
        share=fmt_percent(data.coverage.share, lang),
    )
    if without:
        text += " " + label("finding.coverage_without", lang, names=", ".join(without))
    return text


def _areas(data: ReportData) -> list[str]:
    lang = data.lang
    shares = data.areas.set_index("area")["share_clear"].dropna()
    if shares.empty:
        return []
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


def _quality(data: ReportData) -> list[str]:
    lang, reg = data.lang, data.register
    rejected = sum(reg.rejected_rows(t) for t in ("activities", "partners", "exceptions"))
    n_cancelled = len(data.scores) - len(active(data.scores))
    out = []
    if rejected:
        out.append(label("finding.rejected_rows", lang, n=rejected))
    if len(reg.warnings):
        out.append(label("finding.warnings", lang, n=len(reg.warnings)))
    if n_cancelled:
        out.append(label("finding.cancelled", lang, n=n_cancelled))
    return out
