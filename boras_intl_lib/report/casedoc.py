"""The report as a Swedish case document (tjänsteskrivelse, issue 18): the frame around it.

A follow-up reaches the executive board as a case document: a summary, the matter, the
assessment and — written by the official, never by this toolkit — the administration's own
assessment and a proposed decision. The report already opens with its verdict (the summary);
this module adds, right after it:

- *Ärendet* (the matter): which governing document is followed up, adopted when and by whom
  (the parameters' ``policy:`` dates; the bodies are the policy's own: Kommunfullmäktige
  adopted it, Kommunstyrelsen follows it up and revises it, it applies to all committees and
  administrations), the policy's own aims, and what the follow-up rests on (register, year,
  the administrations that reported);
- *Bedömning* (the assessment): the precondition and each area in one line, as the report
  computes them, with the policy's aims named where profiling and societal impact are
  assessed;
- with a ``document:`` block, *Beslutsunderlag*: the report, its workbook, the register and
  the parameters (with their fingerprints) and the policy;
- the official's *assessment* and the *proposed decision*, only when the parameters'
  ``document:`` block gives them (Markdown, escaped like all text: raw HTML shows as typed,
  images become their text, headings become bold paragraphs, so nothing can break the
  report's outline or make a request). Nothing is invented: without them the sections are
  left out.

Sentences are labels (:mod:`..i18n.labels`) with numbers written by
:func:`..i18n.formatting.count_phrase`; register text is passed as values and escaped by
:mod:`.display`.
"""

from __future__ import annotations

import html
from typing import Any

from ..i18n.formatting import count_phrase, fmt_date, fmt_percent
from ..i18n.labels import label
from .data import ReportData

AIM_AREAS: tuple[str, ...] = ("profiling", "societal_impact")  # where the policy's aims are named


def show_case_frame(data: ReportData) -> None:
    """Ärendet, Bedömning and, when the parameters give them, the official's assessment and
    the proposed decision — in that order, each under its own heading."""
    from .display import heading, show_html, show_list, show_paragraph

    heading(label("casedoc.matter", data.lang), anchor="matter")
    for sentence in matter_sentences(data):
        show_paragraph(sentence)
    heading(label("casedoc.assessment", data.lang), anchor="assessment")
    show_paragraph(label("casedoc.assessment_intro", data.lang))
    show_list(assessment_items(data))
    document = data.settings.document
    for key, text, anchor in (
        ("casedoc.officer_assessment", document and document.assessment, "officer-assessment"),
        ("casedoc.proposed_decision", document and document.proposed_decision, "decision"),
    ):
        if text:
            heading(label(key, data.lang), anchor=anchor)
            show_html(f'<div class="case-text">{markdown_html(text)}</div>', text)
    if document is not None:  # a document of record: what the decision rests on
        heading(label("casedoc.basis", data.lang), anchor="decision-basis")
        show_list(decision_basis(data))


def decision_basis(data: ReportData) -> list[str]:
    """Beslutsunderlag: this report first, its workbook, the register and the parameters it
    was made from (with their fingerprints, as in the reproducibility line) and the policy."""
    from .. import __version__

    lang, register, policy = data.lang, data.register, data.settings.policy
    name = register.path.name if register.path else label("casedoc.register_unnamed", lang)
    items = [
        label("casedoc.basis_report", lang, year=data.year),
        label("casedoc.basis_workbook", lang),
        label("casedoc.basis_register", lang, register=name, sha=register.sha256[:16]),
        label(
            "casedoc.basis_parameters",
            lang,
            year=data.year,
            sha=data.params_sha256[:16],
            version=__version__,
        ),
    ]
    if policy is not None:
        items.append(label("casedoc.basis_policy", lang, adopted=policy.adopted.isoformat()))
    return items


def matter_sentences(data: ReportData) -> list[str]:
    """The matter: the policy (adopted, by whom, valid until, followed up by whom), its aims,
    and what this follow-up rests on. Register text is not placed in these sentences: the
    register's file name and the administrations are plain values, escaped when shown."""
    lang, policy = data.lang, data.settings.policy
    if policy is None:
        first = label("casedoc.policy_undated", lang)
    elif policy.valid_until is None:
        first = label("casedoc.policy_open", lang, adopted=fmt_date(policy.adopted, lang, "long"))
    else:
        first = label(
            "casedoc.policy",
            lang,
            adopted=fmt_date(policy.adopted, lang, "long"),
            valid_until=policy.valid_until,
        )
    out = [first, label("casedoc.aims", lang)]
    out.append(_data_sentence(data))
    reported, silent = _reporting(data)
    if data.administration is None and reported:
        out.append(label("casedoc.reported", lang, names=", ".join(reported)))
    if data.administration is None and silent:
        out.append(label("casedoc.not_reported", lang, names=", ".join(silent)))
    return out


def _data_sentence(data: ReportData) -> str:
    lang = data.lang
    register = data.register
    name = register.path.name if register.path else label("casedoc.register_unnamed", lang)
    n = int(data.statuses.sum())
    key = "casedoc.data_example" if register.is_example else "casedoc.data"
    if data.administration is not None:
        return label(
            f"{key}_administration",
            lang,
            year=data.year,
            register=name,
            activities=_count(n, "activity", lang),
            name=data.administration,
        )
    reported, _ = _reporting(data)
    return label(
        key,
        lang,
        year=data.year,
        register=name,
        activities=_count(n, "activity", lang),
        administrations=label(
            "casedoc.n_of_m",
            lang,
            n=len(reported),
            of=_count(len(data.settings.administrations), "administration", lang),
        ),
    )


def _reporting(data: ReportData) -> tuple[list[str], list[str]]:
    """The parameters' administrations with counted activities this year, and those without."""
    table = data.coverage.table
    listed = table[table["in_parameters"]]
    has = listed["has_activities"].astype(bool)
    return (
        [str(v) for v in listed.loc[has, "administration"]],
        [str(v) for v in listed.loc[~has, "administration"]],
    )


def assessment_items(data: ReportData) -> list[str]:
    """One line for the precondition and one per area, as the report assesses them; the
    policy's aims are named for profiling and societal impact."""
    from ..settings import AREAS
    from . import findings, tables

    lang = data.lang
    sentence = findings.precondition_sentence(data)  # the summary's own sentence
    items = [label("casedoc.precondition_item", lang, sentence=sentence)]
    if data.is_empty:
        return items
    areas = data.areas.set_index("area")
    targets = data.targets.dropna(subset=["area"])
    with_targets = not bool((targets["reason"] == "no_target").all())
    status = tables.target_words(data) if with_targets else None
    for area in AREAS:
        row = areas.loc[area]
        n = int(row["n_activities"])
        values: dict[str, Any] = {
            "area": label(f"area.{area}", lang),
            "share": fmt_percent(row["share_clear"], lang),
            "n_clear": int(row["n_clear"]),
            "of": _count(n, "activity", lang),
        }
        if status is not None:
            key = "casedoc.area_item_target"
            values["status"] = _lower_first(str(status[area]))
        else:
            key = "casedoc.area_item"
        text = label(key, lang, **values)
        if area in AIM_AREAS:
            text += " " + policy_aim(area, lang)
        items.append(text)
    return items


def policy_aim(area: str, lang: Any) -> str:
    """The policy's own aim for ``area`` in one sentence (profiling, societal impact)."""
    return label(f"casedoc.aim.{area}", lang)


def show_policy_aim(data: ReportData, area: str) -> None:
    """Under an area's heading in the report: the policy's aim, for the areas that have one."""
    from .display import show_paragraph

    if area in AIM_AREAS:
        show_paragraph(policy_aim(area, data.lang))


def _count(n: int, noun: str, lang: Any) -> str:
    """``21 aktiviteter``: the number and the noun of ``noun.<noun>`` in agreement."""
    return count_phrase(n, label(f"noun.{noun}", lang), lang)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# --- the official's text: Markdown, escaped --------------------------------------------------


def markdown_html(text: str) -> str:
    """The official's Markdown as safe HTML: raw HTML escaped (shown as typed), harmful link
    targets removed (mistune's ``safe_url``), images as their text, headings as bold
    paragraphs, no ids. Paragraphs, lists (a numbered proposed decision), emphasis and links
    keep their meaning."""
    import mistune

    class _Renderer(mistune.HTMLRenderer):
        def heading(self, text: str, level: int, **attrs: Any) -> str:
            return f"<p><strong>{text}</strong></p>\n"

        def image(self, text: str, url: str, title: str | None = None) -> str:
            return html.escape(text or "")

    render = mistune.create_markdown(escape=True, renderer=_Renderer(escape=True))
    return str(render(text))
