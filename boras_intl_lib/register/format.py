"""The register format as data: tables, columns, types and allowed values.

This module is the single source of truth for what a register looks like. The reader,
the validator, the Excel template and ``docs/register-format.md`` are all derived from it,
so the format documented for coordinators cannot drift from the format the code accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..i18n.labels import LABELS
from ..vocabulary import ACTIVITY_TYPES, STATUSES, normalise_token

Kind = Literal[
    "text", "integer", "number", "boolean", "date", "enum", "list", "int_list", "country"
]


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
    description_sv: str = ""  # shown on the template's instructions sheet
    display: str = ""  # the template's Swedish display header (also accepted when read)

    def header(self, lang: Literal["sv", "en"] = "sv") -> str:
        """The header to write in a new register (Swedish by default)."""
        return self.swedish if lang == "sv" else self.name

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every header the reader accepts for this column."""
        return tuple(s for s in (self.name, self.swedish, self.display) if s)


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

    def header_lookup(self) -> dict[str, str]:
        """Map every accepted header spelling (normalised) to the canonical column name."""
        table: dict[str, str] = {}
        for col in self.columns:
            for spelling in col.spellings:
                table[normalise_token(spelling)] = col.name
        return table


def _swedish(name: str, keys: tuple[str, ...]) -> dict[str, str]:
    """The Swedish word of each key, from the one table of labels (``<name>.<key>``), written
    as a coordinator types it mid-sentence: "planerad", but "EU-projekt"."""
    words = {key: LABELS[f"{name}.{key}"][0] for key in keys}
    return {k: w if w[:2].isupper() else w[:1].lower() + w[1:] for k, w in words.items()}


ACTIVITY_TYPE = Enum(
    "activity_type",
    _swedish("activity_type", ACTIVITY_TYPES),
    aliases={"eu projekt": "eu_project", "vänort": "twinning", "twin city": "twinning"},
)

STATUS = Enum(
    "status",
    _swedish("status", STATUSES),
    aliases={
        # what coordinators write: verbs, neuter and plural forms, English words
        "canceled": "cancelled",
        "avbruten": "cancelled",
        "avbrutet": "cancelled",
        "avbrutna": "cancelled",
        "inställt": "cancelled",
        "inställda": "cancelled",
        "ställdes in": "cancelled",
        "stoppad": "cancelled",
        "klar": "completed",
        "klart": "completed",
        "klara": "completed",
        "genomförd": "completed",
        "genomfört": "completed",
        "genomförda": "completed",
        "avslutat": "completed",
        "avslutade": "completed",
        "slutförd": "completed",
        "slutfört": "completed",
        "färdig": "completed",
        "färdigt": "completed",
        "done": "completed",
        "finished": "completed",
        "pågår": "ongoing",
        "pågående arbete": "ongoing",
        "påbörjad": "ongoing",
        "påbörjat": "ongoing",
        "startad": "ongoing",
        "startat": "ongoing",
        "aktiv": "ongoing",
        "aktivt": "ongoing",
        "in progress": "ongoing",
        "active": "ongoing",
        "planeras": "planned",
        "planerat": "planned",
        "planerade": "planned",
        "ej påbörjad": "planned",
        "ej startad": "planned",
        "inte påbörjad": "planned",
        "kommande": "planned",
        "planning": "planned",
    },
)

PROFILING_TARGET = Enum(
    "profiling_target",
    _swedish(
        "profiling_target",
        (
            "education",
            "establishment",
            "growth",
            "knowledge",
            "quality_of_life",
            "visitor_industry",
        ),
    ),
    aliases={"ett gott liv": "quality_of_life", "gott liv": "quality_of_life"},
)

SUSTAINABILITY = Enum(
    "sustainability",
    _swedish("sustainability", ("ecological", "social", "economic")),
    aliases={"miljö": "ecological", "environmental": "ecological"},
)

PARTNER_TYPE = Enum(
    "partner_type",
    _swedish(
        "partner_type",
        (
            "municipality",
            "region",
            "university",
            "school",
            "company",
            "ngo",
            "authority",
            "eu_body",
            "network",
            "other",
        ),
    ),
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
    e.name: e for e in (ACTIVITY_TYPE, STATUS, PROFILING_TARGET, SUSTAINABILITY, PARTNER_TYPE)
}

ACTIVITIES = Table(
    "activities",
    "aktiviteter",
    (
        Column(
            "activity_id",
            "aktivitets_id",
            "text",
            display="Aktivitets-id",
            required=True,
            description="Unique id of the activity in the register.",
            description_sv="Aktivitetens id, unikt i registret (t.ex. KF-2024-03).",
        ),
        Column(
            "year",
            "år",
            "integer",
            display="År",
            required=True,
            minimum=2000,
            maximum=2100,
            description="The year the row describes (one row per activity and year).",
            description_sv="Året raden gäller (en rad per aktivitet och år).",
        ),
        Column(
            "title",
            "titel",
            "text",
            display="Titel",
            required=True,
            description="Short name of the activity.",
            description_sv="Aktivitetens namn.",
        ),
        Column(
            "administration",
            "förvaltning",
            "text",
            display="Förvaltning",
            required=True,
            description="One of the administrations in the parameters file; "
            "an unknown one is kept with a warning.",
            description_sv="Ansvarig förvaltning, skriven som i parameterfilen; "
            "en okänd förvaltning flaggas men raden används.",
        ),
        Column(
            "committee",
            "nämnd",
            "text",
            display="Nämnd",
            description="The committee the administration serves.",
            description_sv="Nämnden som förvaltningen hör till.",
        ),
        Column(
            "activity_type",
            "typ",
            "enum",
            display="Typ av aktivitet",
            required=True,
            enum=ACTIVITY_TYPE,
            description="What kind of activity it is.",
            description_sv="Vilken sorts aktivitet det är.",
        ),
        Column(
            "status",
            "status",
            "enum",
            display="Status",
            enum=STATUS,
            description="Default: ongoing.",
            description_sv="Tomt betyder pågående.",
        ),
        Column(
            "budget_sek",
            "budget_kr",
            "number",
            display="Budget (kr)",
            minimum=0,
            description="The activity's budget for the year, in kronor.",
            description_sv="Aktivitetens budget för året i kronor.",
        ),
        Column(
            "external_funding_sek",
            "extern_finansiering_kr",
            "number",
            display="Extern finansiering (kr)",
            minimum=0,
            description="Of which funded from outside the city, in kronor.",
            description_sv="Varav extern finansiering i kronor.",
        ),
        Column(
            "funding_source",
            "finansieringskälla",
            "text",
            display="Finansieringskälla",
            description="E.g. Interreg, Erasmus+, Horisont Europa, ICLD.",
            description_sv="T.ex. Interreg, Erasmus+, Horisont Europa, ICLD.",
        ),
        Column(
            "participants",
            "deltagare",
            "integer",
            display="Antal deltagare",
            minimum=0,
            description="Number of the city's staff or residents taking part.",
            description_sv="Antal deltagare från staden.",
        ),
        Column(
            "outcome_level",
            "resultatnivå",
            "integer",
            display="Resultatnivå (0–3)",
            minimum=0,
            maximum=3,
            description="0 none, 1 knowledge gained, 2 change decided, 3 change implemented.",
            description_sv="0 inget, 1 kunskap inhämtad, 2 förändring beslutad, "
            "3 förändring genomförd.",
        ),
        Column(
            "evaluated",
            "utvärderad",
            "boolean",
            display="Utvärderad",
            description="Has the activity been evaluated?",
            description_sv="Har aktiviteten utvärderats?",
        ),
        Column(
            "knowledge_documented",
            "kunskap_dokumenterad",
            "boolean",
            display="Kunskap dokumenterad",
            description="Is what was learnt written down?",
            description_sv="Är det man lärt sig dokumenterat?",
        ),
        Column(
            "knowledge_shared",
            "kunskap_spridd",
            "boolean",
            display="Kunskap spridd",
            description="Has what was learnt been shared within the city?",
            description_sv="Har kunskapen spridits inom staden?",
        ),
        Column(
            "profiling_targets",
            "profilering",
            "list",
            display="Profileringsmål",
            enum=PROFILING_TARGET,
            description="Which of the city's profiling targets the activity serves.",
            description_sv="Vilka av stadens profileringsmål aktiviteten bidrar till.",
        ),
        Column(
            "sustainability",
            "hållbarhet",
            "list",
            display="Hållbarhetsdimensioner",
            enum=SUSTAINABILITY,
            description="Dimensions of sustainability the activity addresses.",
            description_sv="Hållbarhetsdimensioner som aktiviteten berör.",
        ),
        Column(
            "sdgs",
            "globala_mål",
            "int_list",
            display="Globala mål (1–17)",
            minimum=1,
            maximum=17,
            description="UN Sustainable Development Goals, numbers 1-17.",
            description_sv="De globala målen för hållbar utveckling, nummer 1–17.",
        ),
        Column(
            "democracy_level",
            "demokratinivå",
            "integer",
            display="Demokratinivå (0–3)",
            minimum=0,
            maximum=3,
            description="0 none, 1 touches on, 2 explicit component, 3 core purpose.",
            description_sv="0 inget, 1 berörs, 2 uttalad del, 3 huvudsyfte.",
        ),
        Column(
            "contact_person",
            "kontaktperson",
            "text",
            display="Kontaktperson",
            personal_data=True,
            description="Personal data: never shown in any report.",
            description_sv="Personuppgift: visas aldrig i någon rapport.",
        ),
        Column(
            "description",
            "beskrivning",
            "text",
            display="Beskrivning",
            description="A few sentences on what was done and why.",
            description_sv="Några meningar om vad som gjordes och varför.",
        ),
    ),
)

PARTNERS = Table(
    "partners",
    "partner",
    (
        Column(
            "activity_id",
            "aktivitets_id",
            "text",
            display="Aktivitets-id",
            required=True,
            description="Must exist in activities.",
            description_sv="Måste finnas på bladet aktiviteter.",
        ),
        Column(
            "partner_name",
            "partner",
            "text",
            display="Partnerorganisation",
            required=True,
            description="Name of the partner organisation.",
            description_sv="Partnerorganisationens namn.",
        ),
        Column(
            "partner_type",
            "partnertyp",
            "enum",
            display="Typ av partner",
            enum=PARTNER_TYPE,
            description="What kind of organisation the partner is.",
            description_sv="Vilken sorts organisation partnern är.",
        ),
        Column(
            "city",
            "stad",
            "text",
            display="Stad",
            description="The partner's city.",
            description_sv="Partnerns stad.",
        ),
        Column(
            "country",
            "land",
            "country",
            display="Land",
            required=True,
            description="Country name in Swedish or English, or an ISO 3166 code.",
            description_sv="Landets namn på svenska eller engelska, eller ISO-kod (t.ex. FI, FIN).",
        ),
    ),
)

EXCEPTIONS = Table(
    "exceptions",
    "undantag",
    (
        Column(
            "decision_id",
            "diarienummer",
            "text",
            display="Diarienummer",
            required=True,
            description="Kommunstyrelsen's reference number of the decision.",
            description_sv="Kommunstyrelsens diarienummer för beslutet.",
        ),
        Column(
            "decision_date",
            "beslutsdatum",
            "date",
            display="Beslutsdatum",
            required=True,
            description="The date of the decision.",
            description_sv="Datum för beslutet.",
        ),
        Column(
            "country",
            "land",
            "country",
            display="Land",
            description="The country the decision covers (as in partners).",
            description_sv="Landet som beslutet gäller (som på bladet partner).",
        ),
        Column(
            "partner_name",
            "partner",
            "text",
            display="Partnerorganisation",
            description="The partner the decision covers.",
            description_sv="Partnern som beslutet gäller.",
        ),
        Column(
            "activity_id",
            "aktivitets_id",
            "text",
            display="Aktivitets-id",
            description="Limits the decision to one activity.",
            description_sv="Begränsar beslutet till en aktivitet.",
        ),
        Column(
            "valid_from",
            "gäller_från",
            "date",
            display="Gäller från",
            description="First day the decision applies.",
            description_sv="Första dag beslutet gäller.",
        ),
        Column(
            "valid_to",
            "gäller_till",
            "date",
            display="Gäller till",
            description="Last day the decision applies.",
            description_sv="Sista dag beslutet gäller.",
        ),
    ),
    optional=True,
    one_of=(("country", "partner_name"),),
)

TABLES: dict[str, Table] = {t.name: t for t in (ACTIVITIES, PARTNERS, EXCEPTIONS)}

LIST_SEPARATORS = ";,"
TRUE_WORDS = ("ja", "yes", "true", "1", "x", "sant", "j", "y")
FALSE_WORDS = ("nej", "no", "false", "0", "falskt", "n", "")
DEFAULT_STATUS = "ongoing"


def find_table(name: str) -> Table | None:
    """The table a sheet name or CSV file stem stands for (English or Swedish), if any."""
    token = normalise_token(name)
    for table in TABLES.values():
        if token in (normalise_token(table.name), normalise_token(table.swedish)):
            return table
    return None


def allowed_values(column: Column, lang: Literal["sv", "en"] = "en") -> list[str]:
    """The values a coordinator may type in an enumerated column (Swedish or English)."""
    if column.enum is None:
        return []
    if lang == "sv":
        return list(column.enum.values.values())
    return list(column.enum.values)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def range_text(column: Column) -> str:
    """``2000–2100``, ``≥ 0`` or ``""``: the range a numeric column allows."""
    lo, hi = column.minimum, column.maximum
    if lo is not None and hi is not None:
        return f"{_number(lo)}–{_number(hi)}"
    if lo is not None:
        return f"≥ {_number(lo)}"
    if hi is not None:
        return f"≤ {_number(hi)}"
    return ""
