"""The one table of labels: every string a report reader sees, in Swedish and English.

Code uses keys; this table gives the words. Keys are grouped by prefix (``area.``,
``verdict.``, ``reason.``, ``section.`` …). A label may hold ``str.format`` placeholders
(``{n}``), filled by :func:`label`. Register text is never formatted through here.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["sv", "en"]
LANGUAGES: tuple[str, ...] = ("sv", "en")

# key: (Swedish, English)
LABELS: dict[str, tuple[str, str]] = {
    # --- the seven contribution areas (contract) -----------------------------------------
    "area.operational_development": ("Verksamhetsutveckling", "Operational development"),
    "area.project_collaboration": ("Projektsamverkan", "Project collaboration"),
    "area.knowledge_exchange": ("Kunskapsutbyten", "Knowledge exchange"),
    "area.profiling": ("Profileringsarbete", "Profiling"),
    "area.societal_impact": ("Omvärldspåverkan", "Societal impact"),
    "area.democratic_values": ("Demokratiska värderingar", "Democratic values"),
    "area.twin_cities": ("Vänortsarbete", "Twin-city work"),
    # --- rubric levels ---------------------------------------------------------------------
    "level.0": ("Inget bidrag", "No contribution"),
    "level.1": ("Svagt", "Weak"),
    "level.2": ("Tydligt", "Clear"),
    "level.3": ("Starkt", "Strong"),
    # --- the precondition ------------------------------------------------------------------
    "condition.democracy": ("Demokrati", "Democracy"),
    "condition.human_rights": ("Mänskliga rättigheter", "Human rights"),
    "condition.rule_of_law": ("Rättsstatens principer", "Rule of law"),
    "check.pass": ("Uppfyllt", "Met"),
    "check.fail": ("Ej uppfyllt", "Not met"),
    "check.unknown": ("Okänt", "Unknown"),
    "verdict.met": ("Uppfyller förutsättningen", "Precondition met"),
    "verdict.exception": ("Undantag beslutat", "Covered by exception"),
    "verdict.needs_exception": ("Saknar undantagsbeslut", "Needs exception decision"),
    "verdict.unknown": ("Kan inte bedömas", "Cannot be assessed"),
    "verdict.domestic": ("Svensk partner", "Swedish partner"),
    # --- register vocabularies (shown in reports) --------------------------------------------
    "activity_type.eu_project": ("EU-projekt", "EU project"),
    "activity_type.project": ("Projekt", "Project"),
    "activity_type.twinning": ("Vänortsutbyte", "Twin-city exchange"),
    "activity_type.study_visit": ("Studiebesök", "Study visit"),
    "activity_type.knowledge_exchange": ("Kunskapsutbyte", "Knowledge exchange"),
    "activity_type.network": ("Nätverk", "Network"),
    "activity_type.conference": ("Konferens", "Conference"),
    "activity_type.profiling": ("Profilering", "Profiling"),
    "activity_type.development_cooperation": ("Utvecklingssamarbete", "Development cooperation"),
    "activity_type.other": ("Övrigt", "Other"),
    "status.planned": ("Planerad", "Planned"),
    "status.ongoing": ("Pågående", "Ongoing"),
    "status.completed": ("Avslutad", "Completed"),
    "status.cancelled": ("Inställd", "Cancelled"),
    "profiling_target.education": ("Utbildning", "Education"),
    "profiling_target.establishment": ("Etablering", "Establishment"),
    "profiling_target.growth": ("Tillväxt", "Growth"),
    "profiling_target.knowledge": ("Kunskap", "Knowledge"),
    "profiling_target.quality_of_life": ("Livskvalitet", "Quality of life"),
    "profiling_target.visitor_industry": ("Besöksnäring", "Visitor industry"),
    "sustainability.ecological": ("Ekologisk", "Ecological"),
    "sustainability.social": ("Social", "Social"),
    "sustainability.economic": ("Ekonomisk", "Economic"),
    # --- reasons a register row is rejected or flagged -----------------------------------------
    "reason.required": ("Obligatoriskt värde saknas", "Required value is missing"),
    "reason.not_a_number": ("Inte ett tal", "Not a number"),
    "reason.not_an_integer": ("Inte ett heltal", "Not a whole number"),
    "reason.below_minimum": ("Värdet är mindre än {minimum}", "Value is below {minimum}"),
    "reason.above_maximum": ("Värdet är större än {maximum}", "Value is above {maximum}"),
    "reason.not_a_boolean": (
        "Ska vara ja eller nej", "Must be yes or no (ja/nej, true/false, 1/0, x/empty)"
    ),
    "reason.not_a_date": ("Inte ett datum (ÅÅÅÅ-MM-DD)", "Not a date (YYYY-MM-DD)"),
    "reason.unknown_value": (
        "Okänt värde; tillåtna värden: {allowed}", "Unknown value; allowed values: {allowed}"
    ),
    "reason.duplicate_id": (
        "Aktivitets-id:t finns redan på rad {first_row}",
        "Activity id already used on row {first_row}",
    ),
    "reason.unknown_activity": (
        "Aktivitets-id:t finns inte bland aktiviteterna",
        "Activity id does not exist in activities",
    ),
    "reason.one_of_required": (
        "Ange minst ett av {columns}", "Give at least one of {columns}"
    ),
    "reason.dates_reversed": (
        "Giltigt till ligger före giltigt från", "valid_to is before valid_from"
    ),
    "reason.rejected_activity": (
        "Aktiviteten raden hör till har avvisats", "The activity this row belongs to was rejected"
    ),
    "warning.unknown_administration": (
        "Förvaltningen finns inte i parameterfilen", "Administration is not in the parameters file"
    ),
    "warning.unknown_country": (
        "Landet känns inte igen; partnern kan inte bedömas",
        "Country not recognised; the partner cannot be screened",
    ),
    # --- [register] reading and validation (more) ---------------------------------------------
    # --- [screening] countries, indicators, verdicts -------------------------------------------
    # --- [scoring] rubric explanations and aggregation -------------------------------------------
    # --- [report] report sections, sentences, charts ------------------------------------------
}


def label(key: str, lang: Lang = "sv", **values: object) -> str:
    """The words for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    sv, en = LABELS[key]
    text = sv if lang == "sv" else en
    return text.format(**values) if values else text


def labels_for(prefix: str, lang: Lang = "sv") -> dict[str, str]:
    """All labels under ``prefix`` (e.g. ``"area."``), keyed by what follows the prefix."""
    idx = 0 if lang == "sv" else 1
    return {k[len(prefix):]: v[idx] for k, v in LABELS.items() if k.startswith(prefix)}
