"""Indicator data: democracy, human-rights and rule-of-law indices, in the layouts publishers ship.

Every loader returns one *long* table with the columns of :data:`COLUMNS`:
``iso3`` (ISO 3166 alpha-3, Kosovo ``XKX``), ``year`` (the year the value describes),
``indicator`` (e.g. ``v2x_civlib``, ``fh_f``, ``wgi_rl``), ``value`` (float, unrounded),
``source`` (``vdem``, ``freedom_house``, ``wgi``, ``owid`` or the analyst's own) and
``edition`` (which release, e.g. ``V-Dem v16``). Rows without a country or a value are dropped
(aggregates, empty cells, territories). A file that cannot be read, or whose layout is not the
expected one, raises :class:`~boras_intl_lib.errors.IndicatorDataError` naming the file.

The package bundles an excerpt of V-Dem v16 for 2025 (``data/vdem_v16_2025.csv``, see
``data/SOURCES.md``), so the toolkit screens partners out of the box.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import pandas as pd

from ..countries import codes_to_iso3, to_iso3
from ..errors import IndicatorDataError
from ..settings import IndicatorFile, Settings

log = logging.getLogger("boras_intl")

COLUMNS: tuple[str, ...] = ("iso3", "year", "indicator", "value", "source", "edition")

BUNDLED_FILE = "vdem_v16_2025.csv"
BUNDLED_EDITION = "V-Dem v16"
BUNDLED_ATTRIBUTION = "V-Dem Institute, V-Dem Dataset v16 (2026), CC BY 4.0, via Our World in Data"

VDEM_INDICES: tuple[str, ...] = (
    "v2x_regime",
    "v2x_polyarchy",
    "v2x_libdem",
    "v2x_civlib",
    "v2x_rule",
)

#: Freedom House status as a number, so rules can compare it: ``fh_status >= 2`` is "Free".
FH_STATUS_CODES: dict[str, float] = {"F": 2.0, "PF": 1.0, "NF": 0.0}
#: Freedom House columns kept, by indicator name.
FH_COLUMNS: dict[str, str] = {
    "fh_pr": "PR",  # political rights, 0–40
    "fh_cl": "CL",  # civil liberties, 0–60
    "fh_f": "F",  # rule of law (subcategory F), 0–16
    "fh_total": "Total",  # 0–100
}
WGI_INDICATORS: tuple[str, ...] = ("va", "pv", "ge", "rq", "rl", "cc")

# OWID column titles and short names of V-Dem indicators → V-Dem variable names.
_OWID_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"v2x_\w+"), ""),  # already a V-Dem name: kept as is
    (re.compile(r"liberal democracy|libdem"), "v2x_libdem"),
    (re.compile(r"electoral democracy|electdem|polyarchy"), "v2x_polyarchy"),
    (re.compile(r"civil liberties|civ_?libs?"), "v2x_civlib"),
    (re.compile(r"rule of law|rule_of_law"), "v2x_rule"),
    (re.compile(r"regime"), "v2x_regime"),
)
_OWID_BOUNDS = re.compile(r"lower bound|upper bound|estimate_low|estimate_high|_low$|_high$")
_OWID_REGION = re.compile(r"^(world region|owid_region|continent)", re.IGNORECASE)


# --- small helpers -------------------------------------------------------------------------


def empty_indicators() -> pd.DataFrame:
    """An indicator table with no rows and the right columns and dtypes."""
    return _finish(pd.DataFrame({c: [] for c in COLUMNS}))


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns in order, canonical dtypes, rows without country, year or value dropped."""
    out = pd.DataFrame(
        {
            "iso3": frame["iso3"].astype("string"),
            "year": pd.to_numeric(frame["year"], errors="coerce"),
            "indicator": frame["indicator"].astype("string"),
            "value": pd.to_numeric(frame["value"], errors="coerce").astype("float64"),
            "source": frame["source"].astype("string"),
            "edition": frame["edition"].astype("string"),
        }
    )
    keep = out["iso3"].notna() & out["year"].notna() & out["value"].notna()
    out = out[keep].astype({"year": "int64"})
    return out.reset_index(drop=True)


@contextmanager
def _reading(path: Path, what: str) -> Iterator[None]:
    """Turn the ways reading a file fails into one IndicatorDataError naming the file."""
    try:
        yield
    except IndicatorDataError:
        raise
    except FileNotFoundError:
        raise IndicatorDataError(path, "file not found") from None
    except IsADirectoryError:
        raise IndicatorDataError(path, "is a folder, not a file") from None
    except (OSError, zipfile.BadZipFile) as exc:
        raise IndicatorDataError(path, f"cannot be read as {what} ({exc})") from None
    except (ValueError, KeyError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise IndicatorDataError(path, f"not a readable {what} ({exc})") from None
    except Exception as exc:
        if type(exc).__module__.startswith("openpyxl"):  # e.g. InvalidFileException
            raise IndicatorDataError(path, f"not a readable {what} ({exc})") from None
        raise


def _read_csv(path: Path, **kwargs: object) -> pd.DataFrame:
    """Read a CSV: UTF-8 (with or without BOM) or Windows-1252, ``,`` or ``;`` separated."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head.strip():
        raise IndicatorDataError(path, "the file is empty")
    encoding = "utf-8-sig"
    try:
        first_line = head.decode(encoding).splitlines()[0]
    except UnicodeDecodeError:
        encoding = "cp1252"
        first_line = head.decode(encoding).splitlines()[0]
    options: dict[str, object] = {"encoding": encoding, "low_memory": False}
    if first_line.count(";") > first_line.count(","):
        options |= {"sep": ";", "decimal": ","}
    try:
        return pd.read_csv(path, **(options | kwargs))
    except UnicodeDecodeError:
        return pd.read_csv(path, **(options | kwargs | {"encoding": "cp1252"}))


def _header_key(name: object) -> str:
    return re.sub(r"[\s_\-]+", " ", str(name)).strip().casefold()


def _rename_headers(frame: pd.DataFrame, wanted: tuple[str, ...]) -> pd.DataFrame:
    """Rename columns matching ``wanted`` (ignoring case, spaces, ``_``/``-``) to those names."""
    keys = {_header_key(w): w for w in wanted}
    return frame.rename(columns={c: keys[_header_key(c)] for c in frame if _header_key(c) in keys})


def _require(frame: pd.DataFrame, columns: tuple[str, ...], path: Path, layout: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise IndicatorDataError(
            path, f"not the {layout} layout: missing column(s) {', '.join(missing)}"
        )


def _drop_unresolved(iso3: pd.Series, labels: pd.Series, path: Path) -> None:
    """Log the distinct entries that were dropped because no country could be found."""
    lost = sorted({str(v) for v in labels[iso3.isna() & labels.notna()].unique()})
    if lost:
        shown = ", ".join(lost[:12]) + (" …" if len(lost) > 12 else "")
        log.info("%s: %d entr(y/ies) without an ISO country dropped: %s", path, len(lost), shown)


def _version_from_name(path: Path, prefix: str) -> str | None:
    """``V-Dem-CY-Core-v15.csv`` → ``"V-Dem v15"`` (``prefix`` + the version found)."""
    found = re.search(r"v(\d{1,2})(?:\.\d+)?(?!\d)", path.stem, flags=re.IGNORECASE)
    return f"{prefix} v{found.group(1)}" if found else None


# --- loaders ---------------------------------------------------------------------------------


def load_owid(
    path: Path | str,
    indicator: str | None = None,
    *,
    source: str | None = None,
    edition: str | None = None,
) -> pd.DataFrame:
    """Read an Our World in Data grapher CSV (``Entity,Code,Year,<indicator>``).

    V-Dem columns (by OWID title or short name) become V-Dem names (``Civil liberties index``
    → ``v2x_civlib``); an explicit ``indicator`` names the one value column instead. Kosovo
    (``OWID_KOS``) becomes ``XKX``; aggregates (empty code, ``OWID_WRL`` …) and empty values
    are dropped. Bound columns (lower/upper bound) and the region column are ignored.
    """
    path = Path(path)
    with _reading(path, "OWID grapher CSV"):
        frame = _rename_headers(_read_csv(path), ("Entity", "Code", "Year", "Day"))
        if "Day" in frame.columns and "Year" not in frame.columns:
            raise IndicatorDataError(path, "daily data (a 'Day' column) is not supported")
        _require(frame, ("Entity", "Code", "Year"), path, "OWID grapher CSV")
        names = _owid_value_columns(frame, indicator, path)
        iso3 = codes_to_iso3(frame["Code"])
        _drop_unresolved(iso3, frame["Code"], path)
        parts = []
        for column, name in names.items():
            parts.append(
                pd.DataFrame(
                    {
                        "iso3": iso3,
                        "year": frame["Year"],
                        "indicator": name,
                        "value": _numbers(frame[column], path, column),
                        "source": source or ("vdem" if name.startswith("v2x_") else "owid"),
                        "edition": edition or f"OWID {path.stem}",
                    }
                )
            )
        return _finish(pd.concat(parts, ignore_index=True))


def _owid_value_columns(frame: pd.DataFrame, indicator: str | None, path: Path) -> dict[str, str]:
    """Value column → indicator name, for an OWID grapher CSV."""
    candidates = [
        c
        for c in frame.columns
        if c not in ("Entity", "Code", "Year")
        and not _OWID_REGION.match(str(c))
        and not _OWID_BOUNDS.search(str(c).casefold())
    ]
    if not candidates:
        raise IndicatorDataError(path, "no value column after Entity, Code, Year")
    if indicator:
        if len(candidates) > 1:
            raise IndicatorDataError(
                path,
                f"several value columns ({', '.join(candidates)}); cannot name them all"
                f" '{indicator}'",
            )
        return {candidates[0]: indicator}
    names = {c: _owid_indicator_name(str(c)) for c in candidates}
    unknown = [c for c, n in names.items() if n is None]
    if unknown:
        raise IndicatorDataError(
            path,
            f"cannot tell which indicator column '{unknown[0]}' holds; name it with"
            " 'indicator:' in the parameters file",
        )
    return {c: n for c, n in names.items() if n}


def _owid_indicator_name(column: str) -> str | None:
    text = column.strip().casefold()
    for pattern, name in _OWID_PATTERNS:
        found = pattern.search(text)
        if found:
            return name or found.group(0)
    return None


def _numbers(column: pd.Series, path: Path, name: object) -> pd.Series:
    """A numeric column; empty cells and publishers' ``..`` become NaN, other text is an error."""
    values = pd.to_numeric(column, errors="coerce")
    text = column.astype("string").str.strip()
    bad = values.isna() & text.notna() & ~text.isin(["", "..", "NA", "n/a", "#N/A", "-", "—"])
    if bad.any():
        raise IndicatorDataError(
            path, f"column '{name}' holds text that is not a number: {text[bad].iloc[0]!r}"
        )
    return values


def load_vdem(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read a V-Dem Country-Year CSV (Core or Full), keeping the five indices the toolkit uses.

    ``country_text_id`` is ISO3 for most countries and ``XKX`` for Kosovo; V-Dem's own codes
    for units that are not ISO countries (``PSG`` Gaza, ``SML`` Somaliland, ``ZZB`` Zanzibar,
    historical states) are dropped so they never stand in for a country. ``PSE`` (West Bank,
    the Palestinian Authority) stays ``PSE``.
    """
    path = Path(path)
    with _reading(path, "V-Dem country-year CSV"):
        header = _read_csv(path, nrows=0).columns
        _require(pd.DataFrame(columns=header), ("country_text_id", "year"), path, "V-Dem")
        indices = [c for c in VDEM_INDICES if c in header]
        if not indices:
            raise IndicatorDataError(
                path, f"not the V-Dem layout: none of {', '.join(VDEM_INDICES)} present"
            )
        frame = _read_csv(
            path, usecols=["country_text_id", "year", *indices], dtype={"country_text_id": str}
        )
        iso3 = codes_to_iso3(frame["country_text_id"])
        _drop_unresolved(iso3, frame["country_text_id"], path)
        long = frame.assign(iso3=iso3).melt(
            id_vars=["iso3", "year"], value_vars=indices, var_name="indicator"
        )
        long["source"] = "vdem"
        long["edition"] = edition or _version_from_name(path, "V-Dem") or "V-Dem"
        return _finish(long)


def load_freedom_house(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read Freedom House's "All Data FIW 2013-YYYY" workbook (sheet ``FIW13-NN``).

    Keeps countries only (``C/T == "c"``: Indian Kashmir, a territory, never overwrites
    India); resolves country names with :func:`~boras_intl_lib.countries.to_iso3`; the
    edition N describes year N−1. Indicators: ``fh_status`` (F=2, PF=1, NF=0), ``fh_pr``
    (0–40), ``fh_cl`` (0–60), ``fh_f`` (rule of law, 0–16), ``fh_total`` (0–100).
    """
    path = Path(path)
    with _reading(path, "Freedom House workbook"):
        frame = _fh_sheet(path)
        wanted = ("Country/Territory", "C/T", "Edition", "Status", *FH_COLUMNS.values())
        frame = _rename_headers(frame, wanted)
        _require(frame, wanted, path, "Freedom House FIW")
        frame = frame[frame["C/T"].astype("string").str.strip().str.casefold() == "c"]
        iso3 = to_iso3(frame["Country/Territory"])
        _drop_unresolved(iso3, frame["Country/Territory"], path)
        editions = pd.to_numeric(frame["Edition"], errors="coerce")
        status = frame["Status"].astype("string").str.strip().str.upper().map(FH_STATUS_CODES)
        columns = {"fh_status": status} | {
            name: _numbers(frame[col], path, col) for name, col in FH_COLUMNS.items()
        }
        parts = [
            pd.DataFrame(
                {
                    "iso3": iso3,
                    "year": editions - 1,
                    "indicator": name,
                    "value": values,
                    "source": "freedom_house",
                    "edition": edition
                    or editions.map(lambda e: f"Freedom in the World {e:.0f}", na_action="ignore"),
                }
            )
            for name, values in columns.items()
        ]
        return _finish(pd.concat(parts, ignore_index=True))


def _fh_sheet(path: Path) -> pd.DataFrame:
    """The FIW data sheet, with the header row (the one naming Country/Territory) applied."""
    with pd.ExcelFile(path, engine="openpyxl") as book:
        names = [s for s in book.sheet_names if re.fullmatch(r"\s*FIW\s*\d{2}\s*-\s*\d{2,4}\s*", s)]
        if not names:
            raise IndicatorDataError(
                path,
                "no sheet named like 'FIW13-25' (sheets: " + ", ".join(book.sheet_names) + ")",
            )
        raw = pd.read_excel(book, sheet_name=names[0], header=None, dtype=object)
    for i in range(min(len(raw), 6)):
        cells = [_header_key(v) for v in raw.iloc[i]]
        if "country/territory" in cells:
            body = raw.iloc[i + 1 :].reset_index(drop=True)
            body.columns = [str(v).strip() for v in raw.iloc[i]]
            return body
    raise IndicatorDataError(path, f"sheet {names[0]}: no header row with 'Country/Territory'")


def load_wgi(path: Path | str, *, edition: str | None = None) -> pd.DataFrame:
    """Read the World Bank's Worldwide Governance Indicators, long layout (2024 update on).

    Columns ``codeindyr, code, countryname, year, indicator, estimate, … pctrank …``; xlsx or
    CSV. For each of ``va pv ge rq rl cc``: ``wgi_<x>`` (the estimate, about −2.5 to 2.5) and
    ``wgi_<x>_pctrank`` (percentile rank 0–100). World Bank codes (KSV, ROM, ZAR, TMP, ADO,
    WBG …) become ISO3; entries with no ISO country (e.g. Channel Islands) are dropped.
    """
    path = Path(path)
    wanted = ("code", "year", "indicator", "estimate", "pctrank")
    with _reading(path, "WGI data file"):
        frame = _rename_headers(_wgi_table(path, wanted), wanted)
        _require(frame, wanted, path, "WGI long")
        iso3 = codes_to_iso3(frame["code"].astype("string").str.strip())
        _drop_unresolved(iso3, frame["code"], path)
        code = frame["indicator"].astype("string").str.strip().str.casefold()
        keep = code.isin(WGI_INDICATORS)
        label = edition or _wgi_edition(path)
        parts = [
            pd.DataFrame(
                {
                    "iso3": iso3[keep],
                    "year": frame.loc[keep, "year"],
                    "indicator": "wgi_" + code[keep] + suffix,
                    "value": _numbers(frame.loc[keep, column], path, column),
                    "source": "wgi",
                    "edition": label,
                }
            )
            for column, suffix in (("estimate", ""), ("pctrank", "_pctrank"))
        ]
        return _finish(pd.concat(parts, ignore_index=True))


def _wgi_table(path: Path, wanted: tuple[str, ...]) -> pd.DataFrame:
    if path.suffix.casefold() in (".csv", ".txt"):
        return _read_csv(path)
    with pd.ExcelFile(path, engine="openpyxl") as book:
        for sheet in book.sheet_names:
            header = {_header_key(c) for c in pd.read_excel(book, sheet_name=sheet, nrows=0)}
            if all(w in header for w in wanted):
                return pd.read_excel(book, sheet_name=sheet)
        return pd.read_excel(book, sheet_name=0)


def _wgi_edition(path: Path) -> str:
    found = re.search(r"(20\d\d)", path.stem)
    return f"WGI {found.group(1)} update" if found else "WGI"


def load_long(
    path: Path | str, *, source: str | None = None, edition: str | None = None
) -> pd.DataFrame:
    """Read a plain long CSV ``iso3, year, indicator, value, source[, edition]``.

    ``iso3`` may also hold a country name or another code (resolved as partners' countries are);
    ``source``/``edition`` fill the columns when the file has none.
    """
    path = Path(path)
    with _reading(path, "long indicator CSV"):
        frame = _rename_headers(_read_csv(path, dtype=str, keep_default_na=False), COLUMNS)
        required = ("iso3", "year", "indicator", "value") + (() if source else ("source",))
        _require(frame, required, path, "long (iso3, year, indicator, value, source)")
        iso3 = to_iso3(frame["iso3"].str.strip())
        _drop_unresolved(iso3, frame["iso3"], path)
        values = frame["value"].str.strip().str.replace(",", ".", regex=False)
        out = pd.DataFrame(
            {
                "iso3": iso3,
                "year": _numbers(frame["year"], path, "year"),
                "indicator": frame["indicator"].str.strip(),
                "value": _numbers(values, path, "value"),
                "source": frame["source"].str.strip() if "source" in frame else source,
                "edition": frame["edition"].str.strip() if "edition" in frame else edition or "",
            }
        )
        return _finish(out)


def load_bundled() -> pd.DataFrame:
    """The bundled V-Dem v16 excerpt for 2025 (see ``data/SOURCES.md``)."""
    ref = resources.files("boras_intl_lib") / "data" / BUNDLED_FILE
    with resources.as_file(ref) as path:
        return load_long(path)


_LOADERS: dict[str, Callable[..., pd.DataFrame]] = {
    "owid": load_owid,
    "vdem": load_vdem,
    "freedom_house": load_freedom_house,
    "wgi": load_wgi,
    "long": load_long,
}


def load_indicator_file(spec: IndicatorFile) -> pd.DataFrame:
    """Load one configured indicator file with the loader its ``format`` names."""
    kwargs: dict[str, object] = {"edition": spec.edition}
    if spec.format == "owid":
        kwargs |= {"indicator": spec.indicator, "source": spec.source}
    elif spec.format == "long":
        kwargs |= {"source": spec.source}
    frame = _LOADERS[spec.format](spec.path, **kwargs)
    if spec.source and spec.format not in ("owid", "long"):
        frame["source"] = pd.array([spec.source] * len(frame), dtype="string")
    log.info("%s: %d indicator values (%s)", spec.path, len(frame), spec.format)
    return frame


def load_indicators(settings: Settings) -> pd.DataFrame:
    """All indicator data for a report: the bundled excerpt (if enabled) and configured files.

    Where two files give the same country, year, indicator and source, the later one wins
    (configured files after the bundled excerpt, in the order listed).
    """
    screening = settings.screening
    parts = [load_bundled()] if screening.use_bundled_data else []
    parts += [load_indicator_file(spec) for spec in screening.indicator_files]
    if not parts:
        return empty_indicators()
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.drop_duplicates(["iso3", "year", "indicator", "source"], keep="last")
    return frame.reset_index(drop=True)


# --- attribution -------------------------------------------------------------------------------


def attribution(source: str, edition: str) -> tuple[str, str]:
    """(attribution, licence) to print for data of ``source`` and ``edition``."""
    if source == "vdem" and edition == BUNDLED_EDITION:
        return BUNDLED_ATTRIBUTION, "CC BY 4.0"
    if source == "vdem":
        return f"V-Dem Institute, V-Dem Dataset ({edition}), CC BY 4.0", "CC BY 4.0"
    if source == "freedom_house":
        return f"Freedom House, {edition}", "Freedom House terms of use (attribution required)"
    if source == "wgi":
        return (
            f"World Bank, Worldwide Governance Indicators ({edition}), www.govindicators.org",
            "CC BY 4.0",
        )
    if source == "owid":
        return f"Our World in Data ({edition})", "CC BY 4.0"
    return f"{source} ({edition})" if edition else source, "as stated by the publisher"


def sources_used(indicators: pd.DataFrame) -> list[dict[str, object]]:
    """One entry per (source, edition) in ``indicators``, for a report's method section.

    Keys: ``source``, ``edition``, ``attribution``, ``licence``, ``indicators`` (names),
    ``countries`` (how many), ``years`` (first–last).
    """
    if indicators.empty:
        return []
    frame = indicators.assign(edition=indicators["edition"].fillna(""))
    out: list[dict[str, object]] = []
    for (source, edition), group in frame.groupby(["source", "edition"], sort=True):
        text, licence = attribution(str(source), str(edition))
        first, last = int(group["year"].min()), int(group["year"].max())
        out.append(
            {
                "source": source,
                "edition": edition,
                "attribution": text,
                "licence": licence,
                "indicators": sorted(group["indicator"].unique().tolist()),
                "countries": int(group["iso3"].nunique()),
                "years": str(first) if first == last else f"{first}–{last}",
            }
        )
    return out
