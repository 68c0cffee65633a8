"""The validated settings object: one parameters file per report year, checked by pydantic.

Configuration flows one way: ``parameters/<year>.yaml`` → :class:`Settings` → plain
arguments to the library's functions. Nothing below this module reads a file of its own.
Unknown keys and wrong types are errors that name the key and the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ParametersError

AreaKey = Literal[
    "operational_development",
    "project_collaboration",
    "knowledge_exchange",
    "profiling",
    "societal_impact",
    "democratic_values",
    "twin_cities",
]
ConditionKey = Literal["democracy", "human_rights", "rule_of_law"]

AREAS: tuple[str, ...] = get_args(AreaKey)  # the seven contribution areas, in policy order
CONDITIONS: tuple[str, ...] = get_args(ConditionKey)  # the precondition's three conditions


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Administration(_Strict):
    """One of the city's administrations (förvaltning) and the committee (nämnd) it serves."""

    name: str
    committee: str | None = None


class TwinCity(_Strict):
    """A twin city (vänort): matched on city name and ISO3 country code."""

    city: str
    country: str = Field(pattern=r"^[A-Z]{3}$")


class Rule(_Strict):
    """One indicator rule: ``indicator`` from ``source`` compared with ``threshold``."""

    source: str = "vdem"
    indicator: str
    op: Literal[">=", ">", "<=", "<"] = ">="
    threshold: float


class Condition(_Strict):
    """How one precondition (democracy, human rights, rule of law) is decided."""

    rules: list[Rule] = Field(min_length=1)
    combine: Literal["all", "any", "first_available"] = "all"


class IndicatorFile(_Strict):
    """An extra indicator file an analyst downloaded from a publisher."""

    path: Path
    format: Literal["owid", "vdem", "freedom_house", "wgi", "long"]
    indicator: str | None = None  # OWID grapher files carry one indicator; name it here
    source: str | None = None  # overrides the loader's source name (e.g. "vdem" for OWID files)
    edition: str | None = None  # overrides the edition the loader infers (e.g. "V-Dem v15")


def _default_conditions() -> dict[str, Condition]:
    return {
        "democracy": Condition(rules=[Rule(indicator="v2x_regime", threshold=2)]),
        "human_rights": Condition(rules=[Rule(indicator="v2x_civlib", threshold=0.70)]),
        "rule_of_law": Condition(rules=[Rule(indicator="v2x_rule", threshold=0.50)]),
    }


class Screening(_Strict):
    """Partner screening against the policy's precondition."""

    domestic_country: str = "SWE"
    max_data_age_years: int = Field(default=5, ge=0)
    missing_data: Literal["unknown", "fail"] = "unknown"
    use_bundled_data: bool = True
    indicator_files: list[IndicatorFile] = []
    conditions: dict[ConditionKey, Condition] = Field(default_factory=_default_conditions)

    @field_validator("conditions")
    @classmethod
    def _all_conditions(cls, value: dict[str, Condition]) -> dict[str, Condition]:
        missing = [c for c in CONDITIONS if c not in value]
        if missing:
            raise ValueError(f"missing condition(s): {', '.join(missing)}")
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


class Scoring(_Strict):
    """Thresholds of the evidence-based rubric and aggregation (see docs/methodology.md)."""

    clear_level: int = Field(default=2, ge=1, le=3)
    min_partners: int = Field(default=2, ge=1)
    strong_external_share: float = Field(default=0.5, gt=0, le=1)
    profiling_targets_for_level: tuple[int, int, int] = (1, 2, 4)
    sdgs_for_strong: int = Field(default=3, ge=1, le=17)
    exchange_types: tuple[str, ...] = EXCHANGE_TYPES
    eu_funding_sources: tuple[str, ...] = EU_FUNDING_SOURCES

    @field_validator("profiling_targets_for_level")
    @classmethod
    def _increasing(cls, value: tuple[int, int, int]) -> tuple[int, int, int]:
        if not 1 <= value[0] < value[1] < value[2] <= 6:
            raise ValueError("must be three increasing numbers between 1 and 6")
        return value

    @field_validator("exchange_types")
    @classmethod
    def _known_types(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from .register.format import ACTIVITY_TYPE

        unknown = [v for v in value if v not in ACTIVITY_TYPE.values]
        if unknown:
            raise ValueError(f"unknown activity type(s): {', '.join(unknown)}")
        return value

    @field_validator("eu_funding_sources")
    @classmethod
    def _non_blank(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not v.strip() for v in value):
            raise ValueError("entries must not be empty")
        return tuple(v.strip() for v in value)


Share = Annotated[float, Field(ge=0, le=1)]


class Targets(_Strict):
    """Targets the report compares against; status and trend are reported separately."""

    coverage: Share | None = 1.0
    clear_share: dict[AreaKey, Share] = {}
    trend_tolerance: float = Field(default=0.02, ge=0, le=1)


class Settings(_Strict):
    """Everything one report year needs, validated."""

    year: int = Field(ge=2000, le=2100)
    city: str = "Borås"
    administrations: list[Administration] = Field(min_length=1)
    twin_cities: list[TwinCity] = []
    scoring: Scoring = Scoring()
    screening: Screening = Screening()
    targets: Targets = Targets()
    weights: dict[AreaKey, float] = Field(default_factory=lambda: dict.fromkeys(AREAS, 1.0))

    @property
    def administration_names(self) -> list[str]:
        return [a.name for a in self.administrations]


def load_settings(path: Path | str) -> Settings:
    """Read and validate a parameters file; problems name the key and the file."""
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ParametersError(path, ["file not found"]) from None
    except OSError as exc:
        raise ParametersError(path, [f"cannot be read ({exc.strerror})"]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise ParametersError(path, [f"not valid YAML{where}: {problem}"]) from None
    if not isinstance(data, dict):
        raise ParametersError(path, ["expected a mapping of keys at the top level"])
    base = path.parent
    for item in data.get("screening", {}).get("indicator_files", []) or []:
        if isinstance(item, dict) and "path" in item:
            item["path"] = str((base / item["path"]).resolve())
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise ParametersError(path, [_describe(err) for err in exc.errors()]) from None


def _describe(err: dict) -> str:
    key = ".".join(str(p) for p in err["loc"])
    if err["type"] == "extra_forbidden":
        return f"unknown key '{key}'"
    return f"key '{key}': {err['msg']}"


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
