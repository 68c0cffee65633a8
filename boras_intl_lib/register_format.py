"""The register format as data: tables, columns, types and allowed values.

This module is the single source of truth for what a register looks like. The reader,
the validator, the Excel template and ``docs/register-format.md`` are all derived from it,
so the format documented for coordinators cannot drift from the format the code accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "integer", "number", "boolean", "date", "enum", "list", "int_list", "country"]


@dataclass(frozen=True)
class Enum:
    """An enumerated vocabulary: canonical English keys and the Swedish words for them."""

    name: str
    values: dict[str, str]  # canonical key -> Swedish label (as typed by coordinators)
    aliases: dict[str, str] = field(default_factory=dict)  # extra spellings -> canonical key

    def lookup(self) -> dict[str, str]:
        """Map every accepted spelling (normalised) to its canonical key."""
        table: dict[str, str] = {}
        for key, swedish in self.values.items():
            table[normalise_token(key)] = key
            table[normalise_token(swedish)] = key
        for alias, key in self.aliases.items():
            table[normalise_token(alias)] = key
        return table


@dataclass(frozen=True)
class Column:
    """One column of a register table."""

    name: str  # canonical English name
    swedish: str  # Swedish header
    kind: Kind
    required: bool = False
    enum: Enum | None = None
    minimum: float | None = None
    maximum: float | None = None
    personal_data: bool = False
    description: str = ""


@dataclass(frozen=True)
class Table:
    """One table (sheet or CSV file) of a register."""

    name: str  # canonical English name: sheet/file name
    swedish: str  # Swedish sheet/file name
    columns: tuple[Column, ...]
    optional: bool = False
    # Groups of columns of which at least one must hold a value (exceptions: country / partner).
    one_of: tuple[tuple[str, ...], ...] = ()

    def column(self, name: str) -> Column:
        """Return the column with canonical name ``name``."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


def normalise_token(text: str) -> str:
    """Normalise a header or enum word: case, surrounding space and ``-``/``_``/space ignored."""
    return " ".join(str(text).strip().casefold().replace("-", " ").replace("_", " ").split())


ACTIVITY_TYPE = Enum(
    "activity_type",
    {
        "eu_project": "EU-projekt",
        "project": "projekt",
        "twinning": "vänortsutbyte",
        "study_visit": "studiebesök",
        "knowledge_exchange": "kunskapsutbyte",
        "network": "nätverk",
        "conference": "konferens",
        "profiling": "profilering",
        "development_cooperation": "utvecklingssamarbete",
        "other": "övrigt",
    },
    aliases={"eu projekt": "eu_project", "vänort": "twinning", "twin city": "twinning"},
)

STATUS = Enum(
    "status",
    {"planned": "planerad", "ongoing": "pågående", "completed": "avslutad", "cancelled": "inställd"},
    aliases={"canceled": "cancelled", "avbruten": "cancelled", "klar": "completed"},
)

PROFILING_TARGET = Enum(
    "profiling_target",
    {
        "education": "utbildning",
        "establishment": "etablering",
        "growth": "tillväxt",
        "knowledge": "kunskap",
        "quality_of_life": "livskvalitet",
        "visitor_industry": "besöksnäring",
    },
    aliases={"ett gott liv": "quality_of_life", "gott liv": "quality_of_life"},
)

SUSTAINABILITY = Enum(
    "sustainability",
    {"ecological": "ekologisk", "social": "social", "economic": "ekonomisk"},
    aliases={"miljö": "ecological", "environmental": "ecological"},
)

PARTNER_TYPE = Enum(
    "partner_type",
    {
        "municipality": "kommun",
        "region": "region",
        "university": "universitet",
        "school": "skola",
        "company": "företag",
        "ngo": "ideell",
        "authority": "myndighet",
        "eu_body": "eu-organ",
        "network": "nätverk",
        "other": "övrigt",
    },
    aliases={
        "city": "municipality",
        "stad": "municipality",
        "högskola": "university",
        "ideell organisation": "ngo",
        "förening": "ngo",
        "organisation": "ngo",
    },
)

ENUMS: dict[str, Enum] = {
    e.name: e
    for e in (ACTIVITY_TYPE, STATUS, PROFILING_TARGET, SUSTAINABILITY, PARTNER_TYPE)
}

ACTIVITIES = Table(
    "activities",
    "aktiviteter",
    (
        Column("activity_id", "aktivitets_id", "text", required=True,
               description="Unique id of the activity in the register."),
        Column("year", "år", "integer", required=True, minimum=2000, maximum=2100,
               description="The year the row describes (one row per activity and year)."),
        Column("title", "titel", "text", required=True),
        Column("administration", "förvaltning", "text", required=True,
               description="One of the administrations in the parameters file; "
               "an unknown one is kept with a warning."),
        Column("committee", "nämnd", "text"),
        Column("activity_type", "typ", "enum", required=True, enum=ACTIVITY_TYPE),
        Column("status", "status", "enum", enum=STATUS, description="Default: ongoing."),
        Column("budget_sek", "budget_kr", "number", minimum=0),
        Column("external_funding_sek", "extern_finansiering_kr", "number", minimum=0),
        Column("funding_source", "finansieringskälla", "text",
               description="E.g. Interreg, Erasmus+, Horisont Europa, ICLD."),
        Column("participants", "deltagare", "integer", minimum=0),
        Column("outcome_level", "resultatnivå", "integer", minimum=0, maximum=3,
               description="0 none, 1 knowledge gained, 2 change decided, 3 change implemented."),
        Column("evaluated", "utvärderad", "boolean"),
        Column("knowledge_documented", "kunskap_dokumenterad", "boolean"),
        Column("knowledge_shared", "kunskap_spridd", "boolean"),
        Column("profiling_targets", "profilering", "list", enum=PROFILING_TARGET),
        Column("sustainability", "hållbarhet", "list", enum=SUSTAINABILITY),
        Column("sdgs", "globala_mål", "int_list", minimum=1, maximum=17,
               description="UN Sustainable Development Goals, numbers 1-17."),
        Column("democracy_level", "demokratinivå", "integer", minimum=0, maximum=3,
               description="0 none, 1 touches on, 2 explicit component, 3 core purpose."),
        Column("contact_person", "kontaktperson", "text", personal_data=True,
               description="Personal data: never shown in any report."),
        Column("description", "beskrivning", "text"),
    ),
)

PARTNERS = Table(
    "partners",
    "partner",
    (
        Column("activity_id", "aktivitets_id", "text", required=True,
               description="Must exist in activities."),
        Column("partner_name", "partner", "text", required=True),
        Column("partner_type", "partnertyp", "enum", enum=PARTNER_TYPE),
        Column("city", "stad", "text"),
        Column("country", "land", "country", required=True,
               description="Country name in Swedish or English, or an ISO 3166 code."),
    ),
)

EXCEPTIONS = Table(
    "exceptions",
    "undantag",
    (
        Column("decision_id", "diarienummer", "text", required=True),
        Column("decision_date", "beslutsdatum", "date", required=True),
        Column("country", "land", "country"),
        Column("partner_name", "partner", "text"),
        Column("activity_id", "aktivitets_id", "text",
               description="Limits the decision to one activity."),
        Column("valid_from", "gäller_från", "date"),
        Column("valid_to", "gäller_till", "date"),
    ),
    optional=True,
    one_of=(("country", "partner_name"),),
)

TABLES: dict[str, Table] = {t.name: t for t in (ACTIVITIES, PARTNERS, EXCEPTIONS)}

LIST_SEPARATORS = ";,"
TRUE_WORDS = ("ja", "yes", "true", "1", "x", "sant", "j", "y")
FALSE_WORDS = ("nej", "no", "false", "0", "falskt", "n", "")
