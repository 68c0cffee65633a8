"""The validated settings object: one parameters file per report year, checked by pydantic.

Configuration flows one way: ``parameters/<year>.yaml`` → :class:`Settings` → plain
arguments to the library's functions. Nothing below this module reads a file of its own.
Unknown keys and wrong types are errors that name the key and the file.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ParametersError, Problem, os_reason
from .indicator_formats import FORMATS, closest_format, format_names
from .parameter_problems import (
    SettingValueError,
    describe,
    shown_value,
    where_phrase,
    yaml_problem,
)
from .vocabulary import (
    ACTIVITY_TYPES,
    AREAS,
    CONDITIONS,
    AreaKey,
    ConditionKey,
    normalise_token,
)


class _Strict(BaseModel):
    # NaN and infinities are never a setting: "threshold: .nan" would silently fail every
    # comparison. Numbers are declared strict (Field(strict=True)): "clear_level: true" is a
    # mistake, not the number 1.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _known_country(value: str) -> str:
    """An ISO 3166 alpha-3 code the screening knows (Kosovo's XKX too), else an error."""
    import pycountry

    if value != "XKX" and pycountry.countries.get(alpha_3=value) is None:
        raise SettingValueError("params.country", value=shown_value(value))
    return value


def _no_control_characters(value: object) -> object:
    """Text shown in the report must not carry control characters (a ``\x0b`` breaks it)."""
    if isinstance(value, str):
        for i, char in enumerate(value):
            if char not in "\t\n\r" and unicodedata.category(char) == "Cc":
                raise SettingValueError(
                    "params.control_character", code=f"{ord(char):04X}", position=i + 1
                )
    return value


_Int = Annotated[int, Field(strict=True)]


class Administration(_Strict):
    """One of the city's administrations (förvaltning) and the committee (nämnd) it serves."""

    name: str
    committee: str | None = None


class TwinCity(_Strict):
    """A twin city (vänort): matched on city name and ISO3 country code."""

    city: str
    country: str = Field(pattern=r"^[A-Z]{3}$")

    _country = field_validator("country")(_known_country)


class Rule(_Strict):
    """One indicator rule: ``indicator`` from ``source`` compared with ``threshold``.

    Indicator names and scales per source are listed in ``docs/indicators.md``: e.g.
    ``regime_row_owid`` (OWID's Regimes of the World coding based on V-Dem, 0–3, the bundled
    data), ``v2x_regime`` (V-Dem's own, from a V-Dem file), ``v2x_civlib``, ``v2x_rule``
    (0–1), ``fh_status`` (F=2, PF=1, NF=0), ``fh_cl`` (0–60), ``wgi_rl_pctrank`` (0–100).
    """

    source: str = "vdem"
    indicator: str
    op: Literal[">=", ">", "<=", "<"] = ">="
    threshold: float = Field(strict=True)


class Condition(_Strict):
    """How one precondition (democracy, human rights, rule of law) is decided."""

    rules: list[Rule] = Field(min_length=1)
    combine: Literal["all", "any", "first_available", "primary"] = "all"


class IndicatorFile(_Strict):
    """An extra indicator file an analyst downloaded from a publisher (``docs/indicators.md``).

    ``format`` names the publisher layout: a name of the table in ``indicator_formats.py``,
    the one place the names are kept (``owid``, ``vdem``, …). OWID's V-Dem columns are
    recognised by their titles and get source ``vdem``; any other OWID column needs
    ``indicator``.
    """

    path: Path
    format: str  # a name of indicator_formats.py's FORMATS, checked by _known_format
    indicator: str | None = None  # names an OWID column the loader does not recognise
    source: str | None = None  # overrides the loader's source name (vdem, freedom_house, wgi …)
    edition: str | None = None  # overrides the edition the loader infers (e.g. "V-Dem v15")

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        """A format of the one table (``indicator_formats.py``); else the names and the
        closest one ("did you mean 'owid'?")."""
        if value not in FORMATS:
            raise SettingValueError(
                "indicators.error.format",
                closest_format(value),
                format=value,
                formats=format_names(),
            )
        return value


#: The bundled data's regime indicator: OWID's Regimes of the World coding based on V-Dem
#: (not V-Dem's ``v2x_regime``, which it is close to but not always equal to).
REGIME_INDICATOR = "regime_row_owid"


def _default_conditions() -> dict[ConditionKey, Condition]:
    """Democracy: at least an electoral democracy (regime ≥ 2); human rights: civil liberties
    index ≥ 0.70; rule of law: rule of law index ≥ 0.50 — all from the bundled V-Dem data."""
    return {
        "democracy": Condition(rules=[Rule(indicator=REGIME_INDICATOR, threshold=2)]),
        "human_rights": Condition(rules=[Rule(indicator="v2x_civlib", threshold=0.70)]),
        "rule_of_law": Condition(rules=[Rule(indicator="v2x_rule", threshold=0.50)]),
    }


class Screening(_Strict):
    """Partner screening against the policy's precondition."""

    domestic_country: str = "SWE"
    max_data_age_years: int = Field(default=5, ge=0, le=100, strict=True)
    missing_data: Literal["unknown", "fail"] = "unknown"
    use_bundled_data: bool = True
    indicator_files: list[IndicatorFile] = []
    conditions: dict[ConditionKey, Condition] = Field(default_factory=_default_conditions)

    _domestic = field_validator("domestic_country")(_known_country)

    @field_validator("conditions")
    @classmethod
    def _all_conditions(cls, value: dict[str, Condition]) -> dict[str, Condition]:
        missing = [c for c in CONDITIONS if c not in value]
        if missing:
            names = [f"'{c}'" for c in missing]
            raise SettingValueError("params.missing_conditions", n=len(missing), names=names)
        return value


EXCHANGE_TYPES: tuple[str, ...] = (
    "study_visit",
    "knowledge_exchange",
    "twinning",
    "conference",
    "network",
)
# Funding sources that count as EU funding. Matched as whole words; an entry written in
# capitals (an acronym such as LIFE or ESF) is matched case-sensitively, any other entry
# case-insensitively (see docs/methodology.md).
EU_FUNDING_SOURCES: tuple[str, ...] = (
    "EU",
    "Europeiska unionen",
    "European Union",
    "Interreg",
    "URBACT",
    "Erasmus",
    "Horisont Europa",
    "Horizon Europe",
    "Horisont 2020",
    "Horizon 2020",
    "Kreativa Europa",
    "Creative Europe",
    "LIFE",
    "CERV",
    "ESF",
    "Europeiska socialfonden",
    "European Social Fund",
    "ERUF",
    "ERDF",
    "Europeiska regionala utvecklingsfonden",
    "European Regional Development Fund",
    "AMIF",
    "Asyl-, migrations- och integrationsfonden",
    "Europa för medborgare",
    "Europe for Citizens",
    "Digitala Europa",
    "Digital Europe",
    "Fonden för en rättvis omställning",
    "Just Transition Fund",
)


OWN_FUNDING_SOURCES: tuple[str, ...] = (
    "egen finansiering",
    "egenfinansiering",
    "egna medel",
    "egen budget",
    "own funding",
    "own financing",
)


class Scoring(_Strict):
    """Thresholds of the evidence-based rubric and aggregation (see docs/methodology.md)."""

    clear_level: int = Field(default=2, ge=1, le=3, strict=True)
    min_partners: int = Field(default=2, ge=1, le=1000, strict=True)
    strong_external_share: float = Field(default=0.5, gt=0, le=1, strict=True)
    profiling_targets_for_level: tuple[_Int, _Int, _Int] = (1, 2, 4)
    sdgs_for_strong: int = Field(default=3, ge=1, le=17, strict=True)
    exchange_types: tuple[str, ...] = EXCHANGE_TYPES
    eu_funding_sources: tuple[str, ...] = EU_FUNDING_SOURCES
    #: Funding-source texts that name the city's own money (case and spaces ignored): never an
    #: external source in the report's funding table (issue 17).
    own_funding_sources: tuple[str, ...] = OWN_FUNDING_SOURCES

    @field_validator("profiling_targets_for_level")
    @classmethod
    def _increasing(cls, value: tuple[int, int, int]) -> tuple[int, int, int]:
        if not 1 <= value[0] < value[1] < value[2] <= 6:
            raise SettingValueError("params.increasing", value=shown_value(list(value)))
        return value

    @field_validator("exchange_types")
    @classmethod
    def _known_types(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [v for v in value if v not in ACTIVITY_TYPES]
        if unknown:
            names = [f"'{v}'" for v in unknown]
            raise SettingValueError("params.activity_types", n=len(unknown), types=names)
        return value

    @field_validator("eu_funding_sources", "own_funding_sources")
    @classmethod
    def _non_blank(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not v.strip() for v in value):
            raise SettingValueError("params.blank_entry")
        return tuple(v.strip() for v in value)


Share = Annotated[float, Field(ge=0, le=1, strict=True)]


class Targets(_Strict):
    """Targets the report compares against; status and trend are reported separately."""

    coverage: Share | None = 1.0
    clear_share: dict[AreaKey, Share] = {}
    trend_tolerance: float = Field(default=0.02, ge=0, le=1, strict=True)


#: An area's weight: a positive number (a zero or negative weight would hide or invert it).
Weight = Annotated[float, Field(gt=0, le=1000, strict=True)]


class Document(_Strict):
    """The report as a document of record (optional ``document:`` block): the case's
    reference number, the officer in charge and the date, in the parameters' Swedish words
    (``diarienummer``, ``handläggare``, ``datum``) or in English (``reference``, ``officer``,
    ``date``). Shown at the top of the first page of the report and its PDF."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False
    )

    reference: str | None = Field(default=None, alias="diarienummer", min_length=1)
    officer: str | None = Field(default=None, alias="handläggare", min_length=1)
    date: dt.date | None = Field(default=None, alias="datum")
    #: The official's own assessment and the proposed decision (issue 18): Markdown, shown
    #: escaped under their headings; left out, their sections are left out.
    assessment: str | None = Field(default=None, alias="bedömning", min_length=1)
    proposed_decision: str | None = Field(default=None, alias="förslag_till_beslut", min_length=1)

    _plain_text = field_validator("*")(_no_control_characters)


class Policy(_Strict):
    """When the policy took effect (issue 17). A report of a year before ``adopted``'s year is
    a baseline: the same measures, but no action is required by a rule not yet in force. The
    adoption year itself is judged in full (docs/methodology.md). ``valid_until``: the last
    year the policy applies to (shown, not enforced)."""

    adopted: dt.date
    valid_until: int | None = Field(default=None, ge=2000, le=2100)


class Trends(_Strict):
    """When a year-over-year comparison gives a verdict (issue 17): both years need at least
    ``min_activities`` activities in the compared group."""

    min_activities: int = Field(default=10, ge=1)


class RegisterLimits(_Strict):
    """What one register file may cost before it is read (``register_limits:``).

    A workbook is measured as a stream before any reader opens it (``register/sheetscan``):
    beyond these the register is refused in one line, exit status 2, instead of exhausting
    the machine. The defaults hold a register of several hundred thousand activities; raise
    them for a genuinely larger one. See ``docs/automation.md``.
    """

    sheet_mb: int = Field(default=512, gt=0, strict=True)  # a sheet's XML, uncompressed
    csv_mb: int = Field(default=1024, gt=0, strict=True)  # one CSV file
    text_kb: int = Field(default=512, gt=0, strict=True)  # the longest text in a sheet's XML
    cells: int = Field(default=50_000_000, gt=0, strict=True)  # cells a sheet's rows span
    # activities of one report's year: a report (and its workbook) of more would run for
    # much longer than a few minutes (docs/performance.md); refused before any is started
    report_activities: int = Field(default=20_000, gt=0, strict=True)


class Settings(_Strict):
    """Everything one report year needs, validated."""

    year: int = Field(ge=2000, le=2100, strict=True)
    city: str = "Borås"
    administrations: list[Administration] = Field(min_length=1)
    twin_cities: list[TwinCity] = []
    scoring: Scoring = Scoring()
    screening: Screening = Screening()
    targets: Targets = Targets()
    weights: dict[AreaKey, Weight] = Field(default_factory=lambda: dict.fromkeys(AREAS, 1.0))
    document: Document | None = None
    policy: Policy | None = None  # None: every year is judged against the policy in full
    trends: Trends = Trends()
    #: The IANA time zone of every date and time a reader sees (issue 18): the city's own.
    time_zone: str = "Europe/Stockholm"
    register_limits: RegisterLimits = RegisterLimits()

    @property
    def administration_names(self) -> list[str]:
        return [a.name for a in self.administrations]

    @field_validator("administrations")
    @classmethod
    def _distinct_administrations(cls, value: list[Administration]) -> list[Administration]:
        seen: set[str] = set()
        twice = []
        for admin in value:
            token = normalise_token(admin.name)
            if token in seen:
                twice.append(admin.name)
            seen.add(token)
        if twice:
            names = [f"'{name}'" for name in twice]
            raise SettingValueError("params.listed_twice", n=len(twice), names=names)
        return value

    @field_validator("time_zone")
    @classmethod
    def _known_time_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingValueError("params.time_zone", value=shown_value(value)) from None
        return value

    def with_changes(self, changes: dict[str, Any]) -> Settings:
        """A validated copy with ``changes`` applied: a what-if for analysts.

        ``changes`` maps dotted keys to new values, e.g. ``{"scoring.clear_level": 3,
        "screening.conditions.democracy.rules.0.threshold": 3}``. Unlike pydantic's
        ``model_copy(update=…)``, the result is validated as a parameters file would be, so
        a ``clear_level`` of 7 raises :class:`ParametersError` instead of being accepted.
        """
        data = self.model_dump(mode="python")
        for key, value in changes.items():
            _set_dotted(data, key, value)
        try:
            return Settings.model_validate(data)
        except ValidationError as exc:
            raise ParametersError(
                "what-if", [describe(err, Settings) for err in exc.errors()]
            ) from None


def _set_dotted(data: Any, key: str, value: Any) -> None:
    """Set ``data[a][b][0]…`` for the key ``a.b.0``; an unknown key is an error, not a new key."""
    *path, last = key.split(".")
    node = data
    try:
        for part in path:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        elif last in node:
            node[last] = value
        else:
            raise KeyError(last)
    except (KeyError, IndexError, ValueError, TypeError):
        where = Problem("params.bare.key", {"name": key})  # as the analyst wrote it
        said = Problem("params.unknown_key", {"where": where})
        raise ParametersError("what-if", [said]) from None


def load_settings(path: Path | str) -> Settings:
    """Read and validate a parameters file; problems name the key and the file."""
    import yaml

    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ParametersError(path, [Problem("params.not_found")]) from None
    except IsADirectoryError:
        raise ParametersError(path, [Problem("params.is_folder")]) from None
    except OSError as exc:
        reason = os_reason(exc)
        raise ParametersError(path, [Problem("params.cannot_read", {"reason": reason})]) from None
    except UnicodeDecodeError as exc:
        line = text_line(exc)
        raise ParametersError(path, [Problem("params.not_utf8", {"line": line})]) from None
    try:
        data = yaml.load(text, Loader=unique_key_loader())  # a SafeLoader
    except DuplicateKeyError as exc:
        raise ParametersError(path, [exc.problem()]) from None
    except yaml.YAMLError as exc:
        raise ParametersError(path, [yaml_problem(exc)]) from None
    if not isinstance(data, dict):
        raise ParametersError(path, [Problem("params.not_mapping")])
    empty = [key for key in _SECTIONS if key in data and data[key] is None]
    if empty:  # "screening:" with every sub-key commented out
        raise ParametersError(
            path,
            [Problem("params.empty_section", {"where": where_phrase([key])}) for key in empty],
        )
    _resolve_indicator_paths(data, path.parent)
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise ParametersError(path, [describe(err, Settings) for err in exc.errors()]) from None


class DuplicateKeyError(ValueError):
    """A mapping of the parameters file names the same key twice: where (``loc``, as
    pydantic would say it) and on which lines."""

    def __init__(self, loc: list[str | int], first: int, second: int) -> None:
        self.loc, self.first, self.second = loc, first, second
        super().__init__(self.problem().words("en"))

    def problem(self) -> Problem:
        """The parts the command line words in the run's language."""
        values = {"where": where_phrase(self.loc), "first": self.first, "second": self.second}
        return Problem("params.duplicate_key", values)


def _duplicate_keys(node: Any, where: list[str | int], seen: set[int]) -> None:
    """Raise :class:`DuplicateKeyError` for the first key given twice in ``node``, at any
    depth, naming its dotted path and both lines (YAML would silently keep the last)."""
    import yaml

    if id(node) in seen:  # an alias: checked where it was defined
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        lines: dict[object, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # "<<: *defaults": overriding merged keys is what merges are for
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            line = key_node.start_mark.line + 1
            if key in lines:
                raise DuplicateKeyError([*where, str(key)], lines[key], line)
            lines[key] = line
            _duplicate_keys(value_node, [*where, str(key)], seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _duplicate_keys(item, [*where, i], seen)


def unique_key_loader() -> type:
    """PyYAML's SafeLoader that refuses a key given twice in one mapping, at any depth."""
    import yaml

    class UniqueKeyLoader(yaml.SafeLoader):
        def construct_document(self, node: Any) -> Any:
            _duplicate_keys(node, [], set())
            return super().construct_document(node)

        def construct_yaml_timestamp(self, node: Any) -> Any:
            """An impossible date (2025-02-30) stays text, so that pydantic names its key
            (PyYAML would raise a bare ValueError with neither key nor line)."""
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return self.construct_scalar(node)

    UniqueKeyLoader.add_constructor(
        "tag:yaml.org,2002:timestamp", UniqueKeyLoader.construct_yaml_timestamp
    )
    return UniqueKeyLoader


_SECTIONS = ("administrations", "twin_cities", "scoring", "screening", "targets", "weights")


def text_line(exc: UnicodeDecodeError) -> int:
    """The line number (from 1) of the first byte that is not UTF-8."""
    return exc.object[: exc.start].count(b"\n") + 1


def _resolve_indicator_paths(data: dict, base: Path) -> None:
    """Indicator file paths are relative to the parameters file; a bad one is left to pydantic."""
    screening = data.get("screening")
    files = screening.get("indicator_files") if isinstance(screening, dict) else None
    for item in files if isinstance(files, list) else []:
        if isinstance(item, dict) and isinstance(item.get("path"), str) and item["path"]:
            item["path"] = str((base / item["path"]).resolve())


def parameter_years(params: Path | None) -> list[int]:
    """The years that have a parameters file beside ``params`` (``<year>.yaml``), and its own.

    Used to flag an activity year nobody has parameters for (often a typo, 2204 for 2024).
    """
    if params is None:
        return []
    years = {int(p.stem) for p in Path(params).parent.glob("[0-9][0-9][0-9][0-9].yaml")}
    if Path(params).stem.isdigit():
        years.add(int(Path(params).stem))
    return sorted(years)


def check_parameters_year(params: Path, years: list[int]) -> None:
    """A parameters file given for a report must be the report year's (one year at a time)."""
    settings = load_settings(params)
    other = [y for y in years if y != settings.year]
    if other:
        shown = ", ".join(str(y) for y in other)
        said = Problem("params.wrong_year", {"year": settings.year, "years": shown})
        raise ParametersError(params, [said])


def packaged_parameters_folder() -> Path:
    """The default parameters shipped inside the package (``boras_intl_lib/parameters``)."""
    from importlib.resources import files

    return Path(str(files("boras_intl_lib") / "parameters"))


def default_parameters_path(year: int) -> Path:
    """``parameters/<year>.yaml`` in the working directory, else the packaged default.

    A working folder made by ``boras-intl init`` holds its own ``parameters/``; an installed
    package (no checkout) still finds the defaults it ships.
    """
    name = Path("parameters") / f"{year}.yaml"
    return name if name.exists() else packaged_parameters_folder() / f"{year}.yaml"


def latest_parameters_path() -> Path | None:
    """The parameters file of the latest year: the working folder's, else the packaged one."""
    for folder in (Path("parameters"), packaged_parameters_folder()):
        files = sorted(folder.glob("[0-9][0-9][0-9][0-9].yaml"))
        if files:
            return files[-1]
    return None
